// The goal trend chart's geometry, kept pure so it is tested without a DOM and renders fast:
// plain SVG, no charting library (nothing to load, nothing remote, CSP-safe, ~1 ms for 200
// points). One polyline per rater kind on a 0–10 scale, baseline and target as lines.
import type { GoalProgress } from '../bindings/GoalProgress';
import type { Rater } from '../bindings/Rater';

export const RATERS: Record<Rater, string> = {
  self: 'Self',
  coach: 'Coach',
  manager: 'Manager',
  peer: 'Peer',
  direct_report: 'Direct report',
};

export interface ChartBox {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export const BOX: ChartBox = { width: 640, height: 240, left: 32, right: 12, top: 12, bottom: 28 };

export interface SeriesGeometry {
  rater: Rater;
  label: string;
  points: { x: number; y: number; on: string; score: number }[];
  /** The polyline's `points` attribute. */
  line: string;
}

export interface ChartGeometry {
  series: SeriesGeometry[];
  baselineY: number;
  targetY: number;
  /** Horizontal grid at 0, 2, … 10. */
  yTicks: { y: number; label: string }[];
  /** First and last day, at the ends of the x axis. */
  xTicks: { x: number; label: string }[];
  empty: boolean;
}

const DAY = 86_400_000;
const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY;

/** Where every value goes; days on x (the span of all ratings), scores 0–10 on y. */
export function chartGeometry(p: GoalProgress, box: ChartBox = BOX): ChartGeometry {
  const plotW = box.width - box.left - box.right;
  const plotH = box.height - box.top - box.bottom;
  const y = (score: number) => box.top + plotH * (1 - Math.max(0, Math.min(10, score)) / 10);
  let first = Infinity;
  let last = -Infinity;
  for (const s of p.series)
    for (const pt of s.points) {
      const d = dayOf(pt.on);
      if (d < first) first = d;
      if (d > last) last = d;
    }
  const empty = first === Infinity;
  const span = empty ? 1 : Math.max(1, last - first);
  const x = (iso: string) =>
    empty || last === first ? box.left + plotW / 2 : box.left + (plotW * (dayOf(iso) - first)) / span;
  const round = (n: number) => Math.round(n * 10) / 10;
  const series = p.series.map((s) => {
    const points = s.points.map((pt) => ({ x: round(x(pt.on)), y: round(y(pt.score)), on: pt.on, score: pt.score }));
    return {
      rater: s.rater,
      label: RATERS[s.rater],
      points,
      line: points.map((pt) => `${pt.x},${pt.y}`).join(' '),
    };
  });
  const yTicks = [0, 2, 4, 6, 8, 10].map((v) => ({ y: round(y(v)), label: String(v) }));
  const xTicks: { x: number; label: string }[] = [];
  if (!empty) {
    const firstIso = new Date(first * DAY).toISOString().slice(0, 10);
    const lastIso = new Date(last * DAY).toISOString().slice(0, 10);
    xTicks.push({ x: round(x(firstIso)), label: firstIso });
    if (last !== first) xTicks.push({ x: round(x(lastIso)), label: lastIso });
  }
  return {
    series,
    baselineY: round(y(p.goal.baseline)),
    targetY: round(y(p.goal.target)),
    yTicks,
    xTicks,
    empty,
  };
}

/** The chart in one sentence, for screen readers and the chart's title. */
export function chartSummary(p: GoalProgress): string {
  const head = `Baseline ${p.goal.baseline}, target ${p.goal.target} out of 10.`;
  if (p.series.length === 0) return `${head} No check-ins yet.`;
  const parts = p.series.map((s) => {
    const first = s.points[0];
    const last = s.points[s.points.length - 1];
    const n = s.points.length;
    return n === 1
      ? `${RATERS[s.rater]}: ${last.score} on ${last.on}`
      : `${RATERS[s.rater]}: ${n} ratings, from ${first.score} to ${last.score} (latest ${last.on})`;
  });
  return `${head} ${parts.join('; ')}.`;
}
