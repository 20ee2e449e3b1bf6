import { describe, expect, it } from 'vitest';
import { blocker, doneLine, importLabel, planLine, remap, sentence, sessionRange } from './importing';
import type { ImportPreview } from '../bindings/ImportPreview';

function preview(p: Partial<ImportPreview> = {}): ImportPreview {
  return {
    new_clients: 3,
    existing_clients: 0,
    sessions: 12,
    duplicate_sessions: 0,
    clients: [],
    problems: [],
    problem_count: 0,
    notices: [],
    ask_date_order: null,
    skipped: [],
    skipped_count: 0,
    ...p,
  };
}

describe('import screen words', () => {
  it('says what will be created, matched and skipped', () => {
    expect(planLine(preview())).toBe('3 new clients, 12 sessions');
    expect(planLine(preview({ new_clients: 1, existing_clients: 1, sessions: 1, duplicate_sessions: 2 }))).toBe(
      '1 new client, 1 client already in the practice, 1 session (2 duplicates already there, skipped)',
    );
    expect(importLabel(preview())).toBe('Import 3 clients and 12 sessions');
    expect(importLabel(preview({ new_clients: 0, sessions: 0 }))).toBe('Nothing new to import');
  });

  it('blocks the import on problems, then on the date question, then when nothing is new', () => {
    expect(blocker(preview())).toBeNull();
    expect(blocker(preview({ problem_count: 2, ask_date_order: 'x' }))).toMatch(/^Fix 2 problems/);
    expect(blocker(preview({ ask_date_order: 'which way?' }))).toBe('Choose how the dates read first.');
    expect(blocker(preview({ new_clients: 0, sessions: 0 }))).toMatch(/already in your practice/);
  });

  it('reports what was written', () => {
    expect(doneLine({ clients_created: 4, clients_matched: 1, sessions_created: 10, duplicate_sessions: 0 })).toBe(
      'Imported 4 new clients and 10 sessions. 1 client already in the practice got new sessions.',
    );
  });

  it('shows a client’s sessions as a range', () => {
    const c = { name: 'Ana', email: '', existing: false, sessions: 2, first: '2026-01-13', last: '2026-02-24' };
    expect(sessionRange(c)).toBe('2 sessions, 2026-01-13 – 2026-02-24');
    expect(sessionRange({ ...c, sessions: 0, first: null, last: null })).toBe('no sessions');
  });

  it('gives a field to one column only', () => {
    expect(remap(['client_name', 'ignore', 'notes'], 1, 'client_name')).toEqual(['ignore', 'client_name', 'notes']);
    expect(remap(['client_name', 'notes'], 1, 'ignore')).toEqual(['client_name', 'ignore']);
  });
});

describe('core messages', () => {
  it('become sentences', () => {
    expect(sentence('the dates read both ways: choose')).toBe('The dates read both ways: choose.');
    expect(sentence('Done?')).toBe('Done?');
  });
});
