import { describe, expect, it } from 'vitest';
import { LADDER, ladderGeometry } from './ladder';
import type { Assignment } from '../bindings/Assignment';

const a = (id: string, assigned_on: string, stakes: number, status: Assignment['status'] = 'debriefed'): Assignment => ({
  id,
  client_id: 'c',
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
  title: id,
  kind: 'role_play',
  stakes,
  scenario: '',
  support_plan: '',
  goal_ids: [],
  assigned_on,
  due_on: null,
  status,
  debrief: null,
});

describe('ladderGeometry', () => {
  it('orders by date and puts higher stakes higher', () => {
    const g = ladderGeometry([a('late', '2026-03-01', 5), a('early', '2026-01-01', 1), a('gone', '2026-02-01', 3, 'withdrawn')]);
    expect(g.points.map((p) => p.id)).toEqual(['early', 'gone', 'late']);
    expect(g.points[0].x).toBe(LADDER.left);
    expect(g.points[2].x).toBe(LADDER.width - LADDER.right);
    expect(g.points[2].y).toBe(LADDER.top);
    expect(g.points[0].y).toBe(LADDER.height - LADDER.bottom);
    // The withdrawn one is shown but not on the climb.
    expect(g.line.split(' ')).toHaveLength(2);
  });
});
