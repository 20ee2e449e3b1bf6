import { describe, expect, it } from 'vitest';
import { client as clientFixture } from '../test/fixtures';
import { emptyValues, errorText, inputFor, parseTags, toDetails, valuesOf } from './form';

describe('inputFor maps a core error field to its input', () => {
  it('strips the record prefix', () => {
    expect(inputFor('client.email')).toBe('email');
    expect(inputFor('client.sponsor_email')).toBe('sponsor_email');
    expect(inputFor('client.engagement_end')).toBe('engagement_end');
    expect(inputFor('client.tags')).toBe('tags');
  });

  it('returns null for fields the form has no input for', () => {
    expect(inputFor(null)).toBeNull();
    expect(inputFor('session.notes')).toBeNull();
    expect(inputFor('client.id')).toBeNull();
    expect(inputFor('client.toString')).toBeNull();
  });
});

describe('errorText', () => {
  it('names the input instead of the core field', () => {
    expect(errorText('email', 'client.email: must be an email address like name@example.com')).toBe(
      'Email must be an email address like name@example.com',
    );
    expect(
      errorText('engagement_end', 'client.engagement_end: must not be before client.engagement_start (2026-03-01)'),
    ).toBe('Engagement end must not be before engagement start (2026-03-01)');
  });
});

describe('toDetails', () => {
  it('trims single-line text and parses tags', () => {
    const v = { ...emptyValues(), name: '  Zoë Martin ', email: ' zoe@example.com ', tags: 'ops, , crisis,ops ' };
    const out = toDetails(v);
    expect('details' in out && out.details).toMatchObject({
      name: 'Zoë Martin',
      email: 'zoe@example.com',
      tags: ['ops', 'crisis'],
      promotion_date: null,
    });
  });

  it('refuses a date that is not a real calendar date, naming the input', () => {
    const out = toDetails({ ...emptyValues(), name: 'A', promotion_date: '2026-02-30' });
    expect(out).toEqual({ errors: { promotion_date: 'Promotion date must be a date like 2026-03-31' } });
  });

  it('round-trips a client through the form', () => {
    const client = clientFixture({
      phone: '+1 555 0100',
      promotion_date: '2025-09-01',
      status: 'paused',
      engagement_start: '2025-10-01',
      background: 'Line one\nline two  ',
      tags: ['board', 'turnaround'],
    });
    const out = toDetails(valuesOf(client));
    const { id: _id, archived_at: _a, created_at: _c, updated_at: _u, ...details } = client;
    expect(out).toEqual({ details });
  });
});

describe('parseTags', () => {
  it('is empty for blank text', () => {
    expect(parseTags(' , ')).toEqual([]);
  });
});
