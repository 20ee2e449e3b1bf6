// The session form as the editor holds it, and how it becomes the SessionDetails the core saves.
import type { Medium } from '../bindings/Medium';
import type { Session } from '../bindings/Session';
import type { SessionDetails } from '../bindings/SessionDetails';
import type { SessionFormat } from '../bindings/SessionFormat';
import type { SessionStatus } from '../bindings/SessionStatus';

/** What the inputs hold: text as typed, so a half-typed value never loses what was typed. */
export interface SessionForm {
  /** `YYYY-MM-DDTHH:MM`, the value of a datetime-local input, in the session's own time zone. */
  local: string;
  /** The UTC offset the session was held in, `+02:00`; kept when the time is edited. */
  offset: string;
  duration: number | string | null;
  format: SessionFormat;
  medium: Medium;
  status: SessionStatus;
  agenda: string;
  notes: string;
  private_notes: string;
  takeaways: string;
  next_steps: string;
  goal_ids: string[];
}

const RFC3339 = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

/** `2026-03-02T09:30:00+01:00` → local `2026-03-02T09:30`, offset `+01:00`. */
export function splitStartsAt(startsAt: string): { local: string; offset: string; seconds: string } {
  const m = RFC3339.exec(startsAt);
  if (!m) return { local: '', offset: '+00:00', seconds: '00' };
  let offset = m[4].toUpperCase() === 'Z' ? '+00:00' : m[4];
  if (!offset.includes(':')) offset = `${offset.slice(0, 3)}:${offset.slice(3)}`;
  return { local: `${m[1]}T${m[2]}`, offset, seconds: m[3] ?? '00' };
}

/** The inverse: null when the local value is not a complete date and time. */
export function joinStartsAt(local: string, offset: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::(\d{2}))?/.exec(local);
  if (!m) return null;
  return `${m[1]}T${m[2]}:${m[3] ?? '00'}${offset}`;
}

/** `+01:00` → `UTC+01:00`; the zone a session was held in, shown beside its time. */
export function offsetLabel(offset: string): string {
  return offset === '+00:00' ? 'UTC' : `UTC${offset}`;
}

/** "Mon 2 Mar 2026, 09:30" from the local value, without moving it to the laptop's zone. */
export function formatLocal(local: string): string {
  const d = new Date(`${local}:00Z`);
  if (Number.isNaN(d.getTime())) return '';
  return new Intl.DateTimeFormat(undefined, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
  }).format(d);
}

export function formFromSession(s: Session): SessionForm {
  const { local, offset } = splitStartsAt(s.starts_at);
  return {
    local,
    offset,
    duration: s.duration_minutes,
    format: s.format,
    medium: s.medium,
    status: s.status,
    agenda: s.agenda,
    notes: s.notes,
    private_notes: s.private_notes,
    takeaways: s.takeaways,
    next_steps: s.next_steps,
    goal_ids: [...s.goal_ids],
  };
}

/**
 * The details to save, and the fields that cannot be saved as typed (shown next to the field).
 * A field that cannot be saved keeps its last saved value in the details, so the rest — the
 * notes above all — still reaches disk.
 */
export function detailsFromForm(
  form: SessionForm,
  lastSaved: SessionDetails,
): { details: SessionDetails; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  let starts_at = joinStartsAt(form.local, form.offset);
  if (starts_at === null) {
    errors['session.starts_at'] = 'Enter a date and a time';
    starts_at = lastSaved.starts_at;
  } else if (starts_at.slice(0, 16) === lastSaved.starts_at.slice(0, 16) && starts_at.slice(19) === lastSaved.starts_at.slice(19)) {
    starts_at = lastSaved.starts_at; // same minute: keep the stored seconds, no needless save
  }
  const raw = typeof form.duration === 'string' ? form.duration.trim() : form.duration;
  const n = raw === null || raw === '' ? NaN : Number(raw);
  let duration_minutes: number;
  if (!Number.isInteger(n)) {
    errors['session.duration_minutes'] = 'Enter the length in whole minutes';
    duration_minutes = lastSaved.duration_minutes;
  } else {
    duration_minutes = n;
  }
  return {
    details: {
      starts_at,
      duration_minutes,
      format: form.format,
      medium: form.medium,
      status: form.status,
      agenda: form.agenda,
      notes: form.notes,
      private_notes: form.private_notes,
      takeaways: form.takeaways,
      next_steps: form.next_steps,
      goal_ids: [...form.goal_ids],
    },
    errors,
  };
}

/** What a saved session holds that the editor saves back: all but its ids and timestamps. */
export function detailsOf(session: Session): SessionDetails {
  const { id: _i, client_id: _c, created_at: _a, updated_at: _u, ...details } = session;
  return details;
}

export function detailsKey(d: SessionDetails): string {
  return JSON.stringify(d);
}
