// The words a coach reads for the core's enum values. Keyed by the generated types, so a new
// value in Rust fails the type check here instead of showing a raw "manager_of_managers".
import type { AssignmentStatus } from '../bindings/AssignmentStatus';
import type { EngagementStatus } from '../bindings/EngagementStatus';
import type { ExposureKind } from '../bindings/ExposureKind';
import type { GoalStatus } from '../bindings/GoalStatus';
import type { Medium } from '../bindings/Medium';
import type { SessionDetails } from '../bindings/SessionDetails';
import type { SessionFormat } from '../bindings/SessionFormat';
import type { SessionStatus } from '../bindings/SessionStatus';
import type { Stage } from '../bindings/Stage';

export const STAGES: Record<Stage, string> = {
  aspiring: 'Aspiring leader',
  first_time_manager: 'First-time manager',
  manager_of_managers: 'Manager of managers',
  executive: 'Executive',
};

export const ENGAGEMENT: Record<EngagementStatus, string> = {
  prospect: 'Prospect',
  active: 'Active',
  paused: 'Paused',
  completed: 'Completed',
};

export const SESSION_FORMATS: Record<SessionFormat, string> = {
  one_to_one: 'One-to-one',
  team: 'Team',
  role_play: 'Role-play practice',
  observation: 'Observation',
  debrief: 'Debrief',
};

export const MEDIA: Record<Medium, string> = {
  in_person: 'In person',
  video: 'Video',
  phone: 'Phone',
};

export const SESSION_STATUS: Record<SessionStatus, string> = {
  planned: 'Planned',
  held: 'Held',
  cancelled: 'Cancelled',
  no_show: 'No-show',
};

/** A session's fields as the editor labels them (and names them in "… not saved"). */
export const SESSION_FIELDS: Record<keyof SessionDetails, string> = {
  starts_at: 'Date and time',
  duration_minutes: 'Duration',
  format: 'Format',
  medium: 'Medium',
  status: 'Status',
  agenda: 'Agenda',
  notes: 'Notes',
  private_notes: 'Private notes',
  takeaways: 'Key takeaways',
  next_steps: 'Next steps',
  goal_ids: 'Goals worked on',
};

export const EXPOSURE_KINDS: Record<ExposureKind, string> = {
  role_play: 'Role-play / simulation',
  shadowing: 'Shadowing',
  stretch_assignment: 'Stretch assignment',
  real_crisis: 'Real crisis',
};

export const ASSIGNMENT_STATUS: Record<AssignmentStatus, string> = {
  proposed: 'Proposed',
  accepted: 'Accepted',
  active: 'Active',
  completed: 'Completed',
  debriefed: 'Debriefed',
  withdrawn: 'Withdrawn',
};

export const GOAL_STATUS: Record<GoalStatus, string> = {
  active: 'Active',
  achieved: 'Achieved',
  paused: 'Paused',
  dropped: 'Dropped',
};

/** The options of a select, in the order the record lists them. */
export function options<K extends string>(labels: Record<K, string>): { value: K; label: string }[] {
  return (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));
}

/** What a stakes number means, for screen readers and tooltips. */
export function stakesLabel(stakes: number): string {
  const words = ['', 'safe rehearsal', 'low', 'moderate', 'high', 'could cause major damage'];
  return `Stakes ${stakes} of 5${words[stakes] ? ` (${words[stakes]})` : ''}`;
}
