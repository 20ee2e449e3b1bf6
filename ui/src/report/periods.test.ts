import { describe, expect, it } from 'vitest';
import {
  describePeriod,
  isDate,
  lastMonth,
  lastQuarter,
  periodTag,
  presetPeriod,
  reportFileName,
  wholeEngagement,
} from './periods';

describe('period presets', () => {
  it('last month is the whole calendar month before today', () => {
    expect(lastMonth('2026-11-24')).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(lastMonth('2026-03-01')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(lastMonth('2028-03-31')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
  });

  it('last month in January is December of the year before', () => {
    expect(lastMonth('2027-01-15')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });

  it('last quarter is the calendar quarter before the current one', () => {
    expect(lastQuarter('2026-11-24')).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    expect(lastQuarter('2026-04-01')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(lastQuarter('2026-06-30')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(lastQuarter('2026-02-10')).toEqual({ from: '2025-10-01', to: '2025-12-31' });
  });

  it('whole engagement starts at the earlier of engagement start and first session', () => {
    expect(wholeEngagement('2026-11-24', '2026-02-01', '2026-02-09')).toEqual({ from: '2026-02-01', to: '2026-11-24' });
    expect(wholeEngagement('2026-11-24', null, '2025-12-03')).toEqual({ from: '2025-12-03', to: '2026-11-24' });
    expect(wholeEngagement('2026-11-24', '2026-05-01', '2026-01-10')).toEqual({ from: '2026-01-10', to: '2026-11-24' });
  });

  it('whole engagement with nothing known, or starting later, is just today', () => {
    expect(wholeEngagement('2026-11-24', null, null)).toEqual({ from: '2026-11-24', to: '2026-11-24' });
    expect(wholeEngagement('2026-11-24', '2027-01-01', null)).toEqual({ from: '2026-11-24', to: '2026-11-24' });
    expect(wholeEngagement('2026-11-24', 'soon', null)).toEqual({ from: '2026-11-24', to: '2026-11-24' });
  });

  it('presetPeriod picks the preset', () => {
    expect(presetPeriod('month', '2026-11-24', null, null).from).toBe('2026-10-01');
    expect(presetPeriod('quarter', '2026-11-24', null, null).from).toBe('2026-07-01');
    expect(presetPeriod('whole', '2026-11-24', '2026-01-05', null).from).toBe('2026-01-05');
  });
});

describe('dates', () => {
  it('isDate accepts real calendar days only', () => {
    expect(isDate('2026-02-28')).toBe(true);
    expect(isDate('2026-02-29')).toBe(false);
    expect(isDate('2026-13-01')).toBe(false);
    expect(isDate('')).toBe(false);
  });

  it('describes a period briefly', () => {
    expect(describePeriod({ from: '2026-07-01', to: '2026-09-30' })).toBe('1 Jul – 30 Sep 2026');
    expect(describePeriod({ from: '2025-12-03', to: '2026-11-24' })).toBe('3 Dec 2025 – 24 Nov 2026');
    expect(describePeriod({ from: '2026-11-24', to: '2026-11-24' })).toBe('24 Nov 2026');
  });
});

describe('file name', () => {
  it('names whole months, quarters and years briefly', () => {
    expect(periodTag({ from: '2026-10-01', to: '2026-10-31' })).toBe('2026-10');
    expect(periodTag({ from: '2026-07-01', to: '2026-09-30' })).toBe('2026-Q3');
    expect(periodTag({ from: '2026-01-01', to: '2026-12-31' })).toBe('2026');
    expect(periodTag({ from: '2026-08-01', to: '2026-10-31' })).toBe('2026-08-01 to 2026-10-31');
    expect(periodTag({ from: '2026-03-05', to: '2026-11-24' })).toBe('2026-03-05 to 2026-11-24');
  });

  it('reads like the example and keeps accents', () => {
    expect(reportFileName('Zoë Martin', { from: '2026-07-01', to: '2026-09-30' }, 'sponsor')).toBe(
      'Progress report – Zoë Martin – 2026-Q3 – sponsor.pdf',
    );
  });

  it('drops characters a file system may refuse', () => {
    expect(reportFileName('A/B: "C"?', { from: '2026-10-01', to: '2026-10-31' }, 'coach')).toBe(
      'Progress report – A B C – 2026-10 – coach.pdf',
    );
    expect(reportFileName('  ', { from: '2026-10-01', to: '2026-10-31' }, 'client')).toBe(
      'Progress report – client – 2026-10 – client.pdf',
    );
  });
});
