import { describe, expect, it } from 'vitest';
import { checkNew, parseMinutes } from './rules';

describe('checkNew', () => {
  it('asks for at least 8 characters, counted as characters', () => {
    expect(checkNew('short', 'short').passphrase).toMatch(/at least 8/);
    expect(checkNew('ünïcødé!', 'ünïcødé!')).toEqual({});
  });
  it('names a mismatched confirmation next to the confirm field', () => {
    const e = checkNew('long enough', 'long enoug');
    expect(e.passphrase).toBeUndefined();
    expect(e.confirm).toMatch(/does not match/);
  });
});

describe('parseMinutes', () => {
  it('takes whole and fractional minutes, 0 for never', () => {
    expect(parseMinutes('10')).toBe(10);
    expect(parseMinutes('0')).toBe(0);
    expect(parseMinutes('0,5')).toBe(0.5);
  });
  it('refuses text, negatives, more than a day and nothing', () => {
    for (const t of ['', 'ten', '-1', '1441']) expect(parseMinutes(t)).toBeNull();
  });
});
