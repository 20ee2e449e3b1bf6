// What a search hit reads as, where it leads, and the flat order the arrow keys move through.
import type { ClientHits } from '../bindings/ClientHits';
import type { SearchHit } from '../bindings/SearchHit';
import type { SearchKind } from '../bindings/SearchKind';
import type { SearchQuery } from '../bindings/SearchQuery';
import type { Route, SessionFocus } from '../lib/router.svelte';
import { firstMatch } from './snippet';

/** The kind of record (and field) a hit is in, as the coach reads it. */
export const KIND_LABELS: Record<SearchKind, string> = {
  session_agenda: 'Agenda',
  session_notes: 'Notes',
  session_private_notes: 'Private notes',
  session_takeaways: 'Takeaways',
  session_next_steps: 'Next steps',
  goal_title: 'Goal',
  goal_success_criteria: 'Goal',
  assignment_title: 'Exposure',
  assignment_scenario: 'Exposure',
  debrief_what_happened: 'Debrief',
  debrief_client_actions: 'Debrief',
  debrief_outcome: 'Debrief',
  debrief_lessons: 'Debrief',
  client_name: 'Client',
  client_organisation: 'Client',
};

/** The part of the record, where the kind alone does not say it. */
export const KIND_DETAILS: Partial<Record<SearchKind, string>> = {
  goal_success_criteria: 'success criteria',
  assignment_scenario: 'scenario',
  debrief_what_happened: 'what happened',
  debrief_client_actions: 'what the client did',
  debrief_outcome: 'outcome',
  debrief_lessons: 'lessons',
  client_organisation: 'organisation',
};

const SESSION_FIELDS: Partial<Record<SearchKind, SessionFocus['field']>> = {
  session_agenda: 'agenda',
  session_notes: 'notes',
  session_private_notes: 'private_notes',
  session_takeaways: 'takeaways',
  session_next_steps: 'next_steps',
};

/** The query the palette sends: the whole practice, the last word a prefix (search as you type). */
export function paletteQuery(text: string, clientId: string | null = null): SearchQuery {
  return {
    text,
    client_id: clientId,
    from: null,
    to: null,
    kinds: [],
    limit: 50,
    prefix_last: true,
    exclude_archived: false,
  };
}

/** Where a hit leads: a session opens at the match, a goal or exposure on its client's screen. */
export function targetOf(hit: SearchHit): Route {
  const field = SESSION_FIELDS[hit.kind];
  if (hit.record === 'session' && field) {
    return {
      name: 'session',
      id: hit.record_id,
      clientId: hit.client_id,
      focus: { field, text: firstMatch(hit.snippet) ?? '' },
    };
  }
  if (hit.record === 'goal' || hit.record === 'assignment') {
    return { name: 'client', id: hit.client_id, focus: { kind: hit.record, id: hit.record_id } };
  }
  return { name: 'client', id: hit.client_id };
}

/** Whether opening `next` from `current` stays on the same screen (then it replaces, not stacks). */
export function sameScreen(current: Route, next: Route): boolean {
  if (current.name === 'session' && next.name === 'session') return current.id === next.id;
  if (current.name === 'client' && next.name === 'client') return current.id === next.id;
  return false;
}

/** A line of the results: a hit, or the "Show N more from …" line of a long group. */
export type Row =
  | { type: 'hit'; hit: SearchHit; index: number; group: number }
  | { type: 'more'; index: number; group: number; clientId: string; hidden: number };

export interface GroupView {
  hits: ClientHits;
  rows: Row[];
}

/** Hits shown per client before "Show N more": more clients in view, not one client's history. */
export const PER_CLIENT = 3;

/**
 * The lines in the order shown — group by group, each group's first `perClient` hits (all of
 * them once expanded) then its "more" line — numbered for the arrow keys.
 */
export function layout(
  groups: ClientHits[],
  expanded: ReadonlySet<string> = new Set(),
  perClient = PER_CLIENT,
): { groups: GroupView[]; rows: Row[] } {
  const rows: Row[] = [];
  const views = groups.map((g, group) => {
    const shown = expanded.has(g.client_id) ? g.hits : g.hits.slice(0, perClient);
    const own: Row[] = [];
    const add = (row: Row) => {
      rows.push(row);
      own.push(row);
    };
    for (const hit of shown) add({ type: 'hit', hit, index: rows.length, group });
    const hidden = g.hits.length - shown.length;
    if (hidden > 0) add({ type: 'more', index: rows.length, group, clientId: g.client_id, hidden });
    return { hits: g, rows: own };
  });
  return { groups: views, rows };
}

/** Arrow keys: one step, wrapping around at either end; -1 when there is nothing. */
export function move(active: number, delta: number, count: number): number {
  if (count <= 0) return -1;
  if (active < 0) return delta >= 0 ? 0 : count - 1;
  return (((active + delta) % count) + count) % count;
}

/** "12 results for 4 clients", for the status line and screen readers. */
export function countText(groups: ClientHits[]): string {
  const hits = groups.reduce((n, g) => n + g.hits.length, 0);
  const h = `${hits} ${hits === 1 ? 'result' : 'results'}`;
  return groups.length > 1 ? `${h} for ${groups.length} clients` : h;
}
