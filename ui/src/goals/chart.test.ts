import { describe, expect, it } from 'vitest';
import { BOX, chartGeometry, chartSummary } from './chart';
import type { GoalProgress } from '../bindings/GoalProgress';
import type { Rater } from '../bindings/Rater';

function progress(series: [Rater, [string, number][]][]): GoalProgress {
  return {
    goal: {
      id: 'g1',
      client_id: 'c1',
      created_at: '2026-01-01T00:00:00Z',
      updated_at: '2026-01-01T00:00:00Z',
      competency_id: null,
      title: 'Stay calm in incidents',
      success_criteria: '',
      baseline: 3,
      target: 8,
      started_on: null,
      target_date: null,
      status: 'active',
    },
    competency: null,
    series: series.map(([rater, pts]) => ({
      rater,
      points: pts.map(([on, score], i) => ({ check_in_id: `${rater}${i}`, on, score, note: '', session_id: null })),
    })),
    latest: null,
    check_ins: series.reduce((n, [, p]) => n + p.length, 0),
  };
}

describe('chartGeometry', () => {
  it('puts one line per rater across the span of all ratings', () => {
    const g = chartGeometry(
      progress([
        ['self', [['2026-01-01', 4], ['2026-01-11', 6]]],
        ['manager', [['2026-01-06', 5]]],
      ]),
    );
    expect(g.series.map((s) => s.label)).toEqual(['Self', 'Manager']);
    const [a, b] = g.series[0].points;
    expect(a.x).toBe(BOX.left);
    expect(b.x).toBe(BOX.width - BOX.right);
    expect(g.series[1].points[0].x).toBe(BOX.left + (BOX.width - BOX.left - BOX.right) / 2);
    // 10 at the top, 0 at the bottom.
    expect(g.yTicks[5].y).toBe(BOX.top);
    expect(g.yTicks[0].y).toBe(BOX.height - BOX.bottom);
    expect(g.targetY).toBeLessThan(g.baselineY);
    expect(g.xTicks.map((t) => t.label)).toEqual(['2026-01-01', '2026-01-11']);
  });

  it('draws baseline and target with no check-ins', () => {
    const g = chartGeometry(progress([]));
    expect(g.empty).toBe(true);
    expect(g.series).toEqual([]);
    expect(g.xTicks).toEqual([]);
  });

  it('is fast for 200 check-ins', () => {
    const pts: [string, number][] = Array.from({ length: 200 }, (_, i) => [
      new Date(Date.UTC(2026, 0, 1) + i * 86_400_000).toISOString().slice(0, 10),
      i % 11,
    ]);
    const p = progress([['self', pts.slice(0, 100)], ['coach', pts.slice(100)]]);
    const t0 = performance.now();
    const g = chartGeometry(p);
    const ms = performance.now() - t0;
    expect(g.series[0].points.length + g.series[1].points.length).toBe(200);
    expect(ms).toBeLessThan(50);
  });
});

describe('chartSummary', () => {
  it('says each rater’s trend in words', () => {
    const s = chartSummary(progress([['self', [['2026-01-01', 4], ['2026-01-11', 6]]], ['coach', [['2026-01-05', 5]]]]));
    expect(s).toBe(
      'Baseline 3, target 8 out of 10. Self: 2 ratings, from 4 to 6 (latest 2026-01-11); Coach: 5 on 2026-01-05.',
    );
  });
});
