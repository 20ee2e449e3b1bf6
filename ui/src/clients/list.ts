// The clients list's pure logic: type-to-filter, sort, keyboard highlight. Kept out of the
// component so it is tested directly and stays fast on a 300-client practice: each row's search
// key and sort instants are computed once per load, so a keystroke is one pass of `includes`.
import type { ClientSummary } from '../bindings/ClientSummary';
import { instant } from '../lib/format';

// Letters that Unicode does not decompose into base + accent, but that a coach types without.
const SPECIAL: Record<string, string> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ħ: 'h',
};
const SPECIAL_RE = new RegExp(`[${Object.keys(SPECIAL).join('')}]`, 'g');

/** Lower case without diacritics: "Zoë Ødegård" → "zoe odegard", "Łukasz" → "lukasz". */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(SPECIAL_RE, (c) => SPECIAL[c]);
}

export interface Row {
  client: ClientSummary;
  /** Folded "name organisation" for matching. */
  key: string;
  /** Folded name for a stable, accent-blind name order. */
  nameKey: string;
  lastMs: number;
  nextMs: number;
}

export function indexClients(clients: ClientSummary[]): Row[] {
  return clients.map((client) => ({
    client,
    key: `${fold(client.name)} ${fold(client.organisation)}`,
    nameKey: fold(client.name),
    lastMs: instant(client.last_session_at),
    nextMs: instant(client.next_session_at),
  }));
}

/** Rows whose name or organisation contains every word of the query, in any order. */
export function filterRows(rows: Row[], query: string): Row[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return rows;
  return rows.filter((r) => words.every((w) => r.key.includes(w)));
}

export type SortKey = 'name' | 'last' | 'next';

export const SORTS: { value: SortKey; label: string }[] = [
  { value: 'name', label: 'Name' },
  // Most recent first / soonest first: the order a coach looks for.
  { value: 'last', label: 'Last session' },
  { value: 'next', label: 'Next session' },
];

function byName(a: Row, b: Row): number {
  return a.nameKey < b.nameKey ? -1 : a.nameKey > b.nameKey ? 1 : a.client.id < b.client.id ? -1 : 1;
}

/** Missing dates go last in either direction; ties fall back to the name. */
function byInstant(pick: (r: Row) => number, descending: boolean) {
  return (a: Row, b: Row): number => {
    const x = pick(a);
    const y = pick(b);
    const xn = Number.isNaN(x);
    const yn = Number.isNaN(y);
    if (xn !== yn) return xn ? 1 : -1;
    if (!xn && x !== y) return descending ? y - x : x - y;
    return byName(a, b);
  };
}

/** A sorted copy. */
export function sortRows(rows: Row[], by: SortKey): Row[] {
  const compare =
    by === 'last' ? byInstant((r) => r.lastMs, true) : by === 'next' ? byInstant((r) => r.nextMs, false) : byName;
  return [...rows].sort(compare);
}

/**
 * Where the highlight goes on a key: ArrowUp/Down by one, PageUp/Down by ten, Home/End (with
 * Ctrl in a text field) to the ends. Returns null for keys that do not move it.
 */
export function moveHighlight(current: number, key: string, count: number, ctrl = false): number | null {
  if (count === 0) return null;
  const clamp = (i: number) => Math.max(0, Math.min(count - 1, i));
  switch (key) {
    case 'ArrowDown':
      return current < 0 ? 0 : clamp(current + 1);
    case 'ArrowUp':
      return current < 0 ? count - 1 : clamp(current - 1);
    case 'PageDown':
      return clamp(current + 10);
    case 'PageUp':
      return clamp(current - 10);
    case 'Home':
      return ctrl ? 0 : null;
    case 'End':
      return ctrl ? count - 1 : null;
    default:
      return null;
  }
}
