import { describe, expect, it } from 'vitest';
import type { ClientSummary } from '../bindings/ClientSummary';
import { filterRows, fold, indexClients, moveHighlight, sortRows } from './list';

function client(name: string, more: Partial<ClientSummary> = {}): ClientSummary {
  return {
    id: name.toLowerCase().replace(/\W/g, '-'),
    name,
    organisation: '',
    role: '',
    stage: 'first_time_manager',
    status: 'active',
    archived: false,
    sessions_held: 0,
    last_session_at: null,
    next_session_at: null,
    open_assignments: 0,
    ...more,
  };
}

const names = (rows: { client: ClientSummary }[]) => rows.map((r) => r.client.name);

describe('fold', () => {
  it('drops case and diacritics, including letters that do not decompose', () => {
    expect(fold('Zoë')).toBe('zoe');
    expect(fold('Ødegård Łukasz Straße')).toBe('odegard lukasz strasse');
    expect(fold('İlkay Şahin')).toBe('ilkay sahin');
  });
});

describe('filterRows', () => {
  const rows = indexClients([
    client('Zoë Martin', { organisation: 'Sable Insurance' }),
    client('Amara Chen', { organisation: 'Orchard Retail Group' }),
    client('Björn Åberg', { organisation: 'Crédit Nordique' }),
  ]);

  it('finds "Zoë" from "zoe"', () => {
    expect(names(filterRows(rows, 'zoe'))).toEqual(['Zoë Martin']);
    expect(names(filterRows(rows, 'ZOË'))).toEqual(['Zoë Martin']);
  });

  it('matches the organisation, and every word in any order', () => {
    expect(names(filterRows(rows, 'credit'))).toEqual(['Björn Åberg']);
    expect(names(filterRows(rows, 'retail amara'))).toEqual(['Amara Chen']);
    expect(names(filterRows(rows, 'retail bjorn'))).toEqual([]);
  });

  it('keeps everything for an empty or blank query', () => {
    expect(filterRows(rows, '  ')).toHaveLength(3);
  });

  it('is fast enough for a keystroke on 300 clients', () => {
    const many = indexClients(
      Array.from({ length: 300 }, (_, i) => client(`Client ${i} Zoë`, { organisation: `Org ${i % 17}` })),
    );
    const start = performance.now();
    for (let i = 0; i < 100; i++) filterRows(many, 'zoe org 3');
    expect((performance.now() - start) / 100).toBeLessThan(5);
  });
});

describe('sortRows', () => {
  const rows = indexClients([
    client('Émile Roux', { last_session_at: '2026-10-01T09:00:00+02:00', next_session_at: null }),
    client('Amara Chen', { last_session_at: null, next_session_at: '2026-12-01T09:00:00Z' }),
    // 17:00 in New York is 22:00 UTC: later than 23:00 in Paris (21:00 UTC) the same day.
    client('Dana Brooks', {
      last_session_at: '2026-10-01T17:00:00-05:00',
      next_session_at: '2026-11-30T23:00:00+01:00',
    }),
    client('zoe Adams', { last_session_at: '2026-10-01T23:00:00+02:00' }),
  ]);

  it('by name, ignoring case and accents', () => {
    expect(names(sortRows(rows, 'name'))).toEqual(['Amara Chen', 'Dana Brooks', 'Émile Roux', 'zoe Adams']);
  });

  it('by last session, most recent instant first, never-seen last', () => {
    expect(names(sortRows(rows, 'last'))).toEqual(['Dana Brooks', 'zoe Adams', 'Émile Roux', 'Amara Chen']);
  });

  it('by next session, soonest first, none planned last (by name)', () => {
    expect(names(sortRows(rows, 'next'))).toEqual(['Dana Brooks', 'Amara Chen', 'Émile Roux', 'zoe Adams']);
  });

  it('does not reorder its input', () => {
    sortRows(rows, 'last');
    expect(rows[0].client.name).toBe('Émile Roux');
  });
});

describe('moveHighlight', () => {
  it('moves within bounds', () => {
    expect(moveHighlight(-1, 'ArrowDown', 5)).toBe(0);
    expect(moveHighlight(4, 'ArrowDown', 5)).toBe(4);
    expect(moveHighlight(0, 'ArrowUp', 5)).toBe(0);
    expect(moveHighlight(-1, 'ArrowUp', 5)).toBe(4);
    expect(moveHighlight(2, 'PageDown', 5)).toBe(4);
    expect(moveHighlight(3, 'End', 5, true)).toBe(4);
  });

  it('ignores other keys, plain Home/End (they edit the text) and empty lists', () => {
    expect(moveHighlight(1, 'a', 5)).toBeNull();
    expect(moveHighlight(1, 'Home', 5)).toBeNull();
    expect(moveHighlight(-1, 'ArrowDown', 0)).toBeNull();
  });
});
