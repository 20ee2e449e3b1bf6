import { describe, expect, it } from 'vitest';
import type { ClientHits } from '../bindings/ClientHits';
import { countText, layout, move, sameScreen, targetOf } from './results';
import { searchHit } from '../test/fixtures';

const hit = searchHit;

function group(client: string, n: number): ClientHits {
  return {
    client_id: client,
    client_name: client,
    client_archived: false,
    hits: Array.from({ length: n }, (_, i) => hit({ client_id: client, record_id: `${client}-${i}` })),
  };
}

describe('flattening for the arrow keys', () => {
  const groups = [group('a', 2), group('b', 1), group('c', 3)];

  it('rows in the order shown, each knowing its group', () => {
    const { rows, groups: views } = layout(groups);
    expect(rows.map((r) => (r.type === 'hit' ? r.hit.record_id : 'more'))).toEqual(['a-0', 'a-1', 'b-0', 'c-0', 'c-1', 'c-2']);
    expect(rows.map((r) => r.index)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(rows.map((r) => r.group)).toEqual([0, 0, 1, 2, 2, 2]);
    expect(views.map((v) => v.rows.map((r) => r.index))).toEqual([[0, 1], [2], [3, 4, 5]]);
    expect(layout([])).toEqual({ groups: [], rows: [] });
  });

  it('a long group shows its first hits and a "more" line, all of them once expanded', () => {
    const long = [group('a', 5), group('b', 1)];
    const folded = layout(long, new Set(), 3);
    expect(folded.rows.map((r) => (r.type === 'hit' ? r.hit.record_id : `more ${r.hidden} of ${r.clientId}`))).toEqual([
      'a-0',
      'a-1',
      'a-2',
      'more 2 of a',
      'b-0',
    ]);
    expect(folded.rows.map((r) => r.index)).toEqual([0, 1, 2, 3, 4]);
    const open = layout(long, new Set(['a']), 3);
    expect(open.rows.map((r) => (r.type === 'hit' ? r.hit.record_id : 'more'))).toEqual(['a-0', 'a-1', 'a-2', 'a-3', 'a-4', 'b-0']);
    // The "more" line's place is now the first hit it was hiding: Enter there reads on.
    expect(open.rows[3]).toMatchObject({ type: 'hit', index: 3 });
  });

  it('moves one step and wraps around', () => {
    expect(move(0, 1, 6)).toBe(1);
    expect(move(5, 1, 6)).toBe(0);
    expect(move(0, -1, 6)).toBe(5);
    expect(move(-1, 1, 6)).toBe(0);
    expect(move(-1, -1, 6)).toBe(5);
    expect(move(3, 1, 0)).toBe(-1);
  });

  it('says how many', () => {
    expect(countText(groups)).toBe('6 results for 3 clients');
    expect(countText([group('a', 1)])).toBe('1 result');
  });
});

describe('where a hit leads', () => {
  it('a session hit opens the session at the match, in the right field', () => {
    expect(targetOf(hit({ kind: 'session_private_notes', is_private: true, snippet: 'x «board meeting» y' }))).toEqual({
      name: 'session',
      id: 's1',
      clientId: 'c1',
      focus: { field: 'private_notes', text: 'board meeting' },
    });
    expect(targetOf(hit({ kind: 'session_next_steps' }))).toMatchObject({ focus: { field: 'next_steps' } });
  });

  it('goals and exposures (debriefs too) open the client at that row; clients their screen', () => {
    expect(targetOf(hit({ kind: 'goal_title', record: 'goal', record_id: 'g1' }))).toEqual({
      name: 'client',
      id: 'c1',
      focus: { kind: 'goal', id: 'g1' },
    });
    expect(targetOf(hit({ kind: 'debrief_lessons', record: 'assignment', record_id: 'a1' }))).toEqual({
      name: 'client',
      id: 'c1',
      focus: { kind: 'assignment', id: 'a1' },
    });
    expect(targetOf(hit({ kind: 'client_name', record: 'client', record_id: 'c1', date: null }))).toEqual({
      name: 'client',
      id: 'c1',
    });
  });

  it('the same screen is replaced rather than stacked', () => {
    expect(sameScreen({ name: 'session', id: 's1', clientId: 'c1' }, { name: 'session', id: 's1', clientId: 'c1' })).toBe(true);
    expect(sameScreen({ name: 'session', id: 's1', clientId: 'c1' }, { name: 'session', id: 's2', clientId: 'c1' })).toBe(false);
    expect(sameScreen({ name: 'client', id: 'c1' }, { name: 'client', id: 'c1', focus: { kind: 'goal', id: 'g' } })).toBe(true);
    expect(sameScreen({ name: 'today' }, { name: 'client', id: 'c1' })).toBe(false);
  });
});
