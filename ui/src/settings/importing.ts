// The import screen's words and rules, kept out of the markup so they can be tested.
import type { CsvField } from '../bindings/CsvField';
import type { ImportPreview } from '../bindings/ImportPreview';
import type { Imported } from '../bindings/Imported';
import type { PreviewClient } from '../bindings/PreviewClient';

/** What each column can hold, in the order the select lists them. */
export const FIELD_LABELS: [CsvField, string][] = [
  ['ignore', 'Leave out'],
  ['client_name', 'Client name'],
  ['first_name', 'First name'],
  ['last_name', 'Last name'],
  ['email', 'Email'],
  ['phone', 'Phone'],
  ['organisation', 'Organisation'],
  ['role', 'Role'],
  ['tags', 'Tags'],
  ['background', 'Client background'],
  ['session_date', 'Session date'],
  ['session_time', 'Session time'],
  ['duration', 'Duration'],
  ['notes', 'Session notes'],
  ['private_notes', 'Private notes'],
  ['agenda', 'Agenda'],
  ['takeaways', 'Takeaways'],
  ['next_steps', 'Next steps'],
  ['status', 'Session status'],
  ['format', 'Session format'],
  ['medium', 'Medium (video, phone…)'],
];

function plural(n: number, one: string, many: string = one + 's'): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "3 new clients, 1 already in the practice, 12 sessions (2 already there, skipped)". */
export function planLine(p: ImportPreview): string {
  const parts = [plural(p.new_clients, 'new client')];
  if (p.existing_clients > 0) parts.push(`${plural(p.existing_clients, 'client')} already in the practice`);
  let sessions = plural(p.sessions, 'session');
  if (p.duplicate_sessions > 0) sessions += ` (${plural(p.duplicate_sessions, 'duplicate')} already there, skipped)`;
  parts.push(sessions);
  return parts.join(', ');
}

/** The import button's label, saying what it will do. */
export function importLabel(p: ImportPreview): string {
  if (p.new_clients === 0 && p.sessions === 0) return 'Nothing new to import';
  return `Import ${plural(p.new_clients, 'client')} and ${plural(p.sessions, 'session')}`;
}

/** Why the import cannot run yet, or null when it can. */
export function blocker(p: ImportPreview): string | null {
  if (p.problem_count > 0) return `Fix ${plural(p.problem_count, 'problem')} in the file first: nothing is imported until every row is right.`;
  if (p.ask_date_order) return 'Choose how the dates read first.';
  if (p.new_clients === 0 && p.sessions === 0) return 'Everything in it is already in your practice.';
  return null;
}

export function doneLine(d: Imported): string {
  let line = `Imported ${plural(d.clients_created, 'new client')} and ${plural(d.sessions_created, 'session')}.`;
  if (d.clients_matched > 0) line += ` ${plural(d.clients_matched, 'client')} already in the practice got new sessions.`;
  if (d.duplicate_sessions > 0) line += ` ${plural(d.duplicate_sessions, 'session')} already there were skipped.`;
  return line;
}

export function sessionRange(c: PreviewClient): string {
  if (!c.first) return 'no sessions';
  const n = plural(c.sessions, 'session');
  return c.first === c.last ? `${n}, ${c.first}` : `${n}, ${c.first} – ${c.last}`;
}

/** A mapping with `field` given to column `index` (taken from any other column first). */
export function remap(mapping: CsvField[], index: number, field: CsvField): CsvField[] {
  return mapping.map((f, i) => (i === index ? field : field !== 'ignore' && f === field ? 'ignore' : f));
}

/** A core message ("the dates in column …") as a sentence. */
export function sentence(text: string): string {
  const t = text.trim();
  if (!t) return t;
  return t[0].toUpperCase() + t.slice(1) + (/[.?!]$/.test(t) ? '' : '.');
}
