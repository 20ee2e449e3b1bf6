// The exposure ladder's geometry: assignments by the day assigned (x) and stakes (y), so the
// coach sees the client climb from rehearsal to real crises. Pure, for tests and speed.
import type { Assignment } from '../bindings/Assignment';

export const LADDER = { width: 640, height: 180, left: 28, right: 16, top: 14, bottom: 24 };

export interface LadderPoint {
  id: string;
  x: number;
  y: number;
  stakes: number;
  title: string;
  assigned_on: string;
  withdrawn: boolean;
}

const DAY = 86_400_000;
const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY;

export function ladderGeometry(list: Assignment[], box = LADDER) {
  const sorted = [...list].sort((a, b) => a.assigned_on.localeCompare(b.assigned_on) || a.created_at.localeCompare(b.created_at));
  const plotW = box.width - box.left - box.right;
  const plotH = box.height - box.top - box.bottom;
  const days = sorted.map((a) => dayOf(a.assigned_on));
  const first = days.length ? Math.min(...days) : 0;
  const last = days.length ? Math.max(...days) : 0;
  const span = Math.max(1, last - first);
  const y = (stakes: number) => Math.round(box.top + plotH * (1 - (stakes - 1) / 4));
  const points: LadderPoint[] = sorted.map((a, i) => ({
    id: a.id,
    x: Math.round(last === first ? box.left + (plotW * (i + 1)) / (sorted.length + 1) : box.left + (plotW * (days[i] - first)) / span),
    y: y(a.stakes),
    stakes: a.stakes,
    title: a.title,
    assigned_on: a.assigned_on,
    withdrawn: a.status === 'withdrawn',
  }));
  const steps = [1, 2, 3, 4, 5].map((s) => ({ stakes: s, y: y(s) }));
  return { points, steps, line: points.filter((p) => !p.withdrawn).map((p) => `${p.x},${p.y}`).join(' ') };
}
