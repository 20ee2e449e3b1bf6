// Order of the client screen's lists: what needs the coach comes first.
import type { Assignment } from '../bindings/Assignment';
import type { AssignmentStatus } from '../bindings/AssignmentStatus';
import type { GoalStatus } from '../bindings/GoalStatus';
import type { GoalSummary } from '../bindings/GoalSummary';

const GOAL_RANK: Record<GoalStatus, number> = { active: 0, paused: 1, achieved: 2, dropped: 3 };

/** Active goals first, then paused, achieved, dropped; otherwise as created. */
export function sortGoals(goals: GoalSummary[]): GoalSummary[] {
  return goals
    .map((g, i) => ({ g, i }))
    .sort((a, b) => GOAL_RANK[a.g.goal.status] - GOAL_RANK[b.g.goal.status] || a.i - b.i)
    .map(({ g }) => g);
}

// Awaiting debrief is the coach's own to-do; then what is running, then what is agreed or proposed.
const ASSIGNMENT_RANK: Record<AssignmentStatus, number> = {
  completed: 0,
  active: 1,
  accepted: 2,
  proposed: 3,
  debriefed: 4,
  withdrawn: 5,
};

/** Open ones first, soonest due first (no due date last); closed ones newest first. */
export function sortAssignments(list: Assignment[]): Assignment[] {
  return [...list].sort((a, b) => {
    const rank = ASSIGNMENT_RANK[a.status] - ASSIGNMENT_RANK[b.status];
    if (rank) return rank;
    if (ASSIGNMENT_RANK[a.status] >= 4) return b.assigned_on.localeCompare(a.assigned_on);
    if (a.due_on !== b.due_on) {
      if (a.due_on === null) return 1;
      if (b.due_on === null) return -1;
      return a.due_on.localeCompare(b.due_on);
    }
    return a.title.localeCompare(b.title);
  });
}

/** Goals the coach is working on now; achieved and dropped ones fold away. */
export function isCurrentGoal(g: GoalSummary): boolean {
  return g.goal.status === 'active' || g.goal.status === 'paused';
}

/** Exposures still in play: the debrief is the last step, so "completed" is still open. */
export function isOpenAssignment(a: Assignment): boolean {
  return ASSIGNMENT_RANK[a.status] < 4;
}

/**
 * What a list shows: the current items, plus the closed ones when asked — or when there is
 * nothing current at all (a finished engagement shows its history rather than an empty card).
 */
export function shown<T>(all: T[], isCurrent: (t: T) => boolean, showClosed: boolean | null): T[] {
  const current = all.filter(isCurrent);
  return (showClosed ?? current.length === 0) ? all : current;
}
