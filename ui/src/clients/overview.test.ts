import { describe, expect, it } from 'vitest';
import type { Assignment } from '../bindings/Assignment';
import { isOpenAssignment, shown, sortAssignments } from './overview';

function a(title: string, status: Assignment['status'], due_on: string | null, assigned_on = '2026-01-01'): Assignment {
  return {
    id: title, client_id: 'c', created_at: '', updated_at: '', title, kind: 'role_play', stakes: 2,
    scenario: '', support_plan: '', goal_ids: [], assigned_on, due_on, status, debrief: null,
  };
}

describe('sortAssignments', () => {
  it('puts the debrief to hold first, then open work by due date, then closed newest first', () => {
    const sorted = sortAssignments([
      a('old debriefed', 'debriefed', null, '2025-01-01'),
      a('active later', 'active', '2026-12-20'),
      a('active no date', 'active', null),
      a('new debriefed', 'debriefed', null, '2026-06-01'),
      a('awaiting', 'completed', '2026-10-01'),
      a('active sooner', 'active', '2026-12-01'),
      a('withdrawn', 'withdrawn', null),
    ]);
    expect(sorted.map((x) => x.title)).toEqual([
      'awaiting', 'active sooner', 'active later', 'active no date', 'new debriefed', 'old debriefed', 'withdrawn',
    ]);
  });
});

describe('shown', () => {
  const list = [a('open', 'active', null), a('closed', 'debriefed', null)];
  it('shows the open ones, all when asked, and all when none is open', () => {
    expect(shown(list, isOpenAssignment, null).map((x) => x.title)).toEqual(['open']);
    expect(shown(list, isOpenAssignment, true)).toHaveLength(2);
    expect(shown([list[1]], isOpenAssignment, null)).toHaveLength(1);
    expect(shown([list[1]], isOpenAssignment, false)).toHaveLength(0);
  });
});
