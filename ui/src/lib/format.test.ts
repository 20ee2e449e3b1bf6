import { describe, expect, it } from 'vitest';
import {
  dateOf,
  daysBetween,
  formatDate,
  formatDateTime,
  formatDuration,
  formatLongDate,
  formatOffset,
  formatTime,
  instant,
  parseOffsetDateTime,
  relativeDate,
  relativeTime,
  timeParts,
} from './format';

describe('parseOffsetDateTime', () => {
  it('keeps the wall clock and offset as written', () => {
    const t = parseOffsetDateTime('2026-10-06T17:00:00-05:00')!;
    expect([t.year, t.month, t.day, t.hour, t.minute, t.offsetMinutes]).toEqual([2026, 10, 6, 17, 0, -300]);
    expect(t.epochMs).toBe(Date.parse('2026-10-06T22:00:00Z'));
  });

  it('reads Z, fractional seconds and half-hour offsets', () => {
    expect(parseOffsetDateTime('2026-01-02T03:04:05.123Z')!.offsetMinutes).toBe(0);
    expect(parseOffsetDateTime('2026-01-02T09:30:00+05:30')!.offsetMinutes).toBe(330);
    expect(instant('2026-01-02T09:30:00+05:30')).toBe(Date.parse('2026-01-02T04:00:00Z'));
  });

  it('rejects what is not RFC 3339', () => {
    expect(parseOffsetDateTime('2026-01-02')).toBeNull();
    expect(parseOffsetDateTime('yesterday')).toBeNull();
    expect(instant(null)).toBeNaN();
  });
});

describe('session times in their own offset', () => {
  it('shows the time the session was held at, whatever the laptop offset', () => {
    expect(formatTime('2026-10-06T17:00:00-05:00', { localOffsetMinutes: -300 })).toBe('17:00');
    expect(formatTime('2026-10-06T17:00:00-05:00', { localOffsetMinutes: 60 })).toBe('17:00 UTC−05:00');
  });

  it('splits clock and offset for layout', () => {
    expect(timeParts('2026-10-06T17:00:00+10:00', { localOffsetMinutes: 0 })).toEqual({ clock: '17:00', offset: 'UTC+10:00' });
    expect(timeParts('2026-10-06T17:00:00Z', { localOffsetMinutes: 0 })).toEqual({ clock: '17:00', offset: '' });
  });

  it('formats a full date and time, crossing midnight UTC without shifting the day', () => {
    // 23:30 in New York is already the 7th in UTC: the coach still sees the 6th.
    expect(formatDateTime('2026-10-06T23:30:00-04:00', { localOffsetMinutes: -240 })).toBe(
      'Tue 6 Oct 2026, 23:30',
    );
    expect(dateOf('2026-10-06T23:30:00-04:00')).toBe('2026-10-06');
  });

  it('names offsets with a real minus sign', () => {
    expect(formatOffset(0)).toBe('UTC');
    expect(formatOffset(120)).toBe('UTC+02:00');
    expect(formatOffset(-570)).toBe('UTC−09:30');
  });
});

describe('dates', () => {
  it('formats plain dates', () => {
    expect(formatDate('2026-11-24')).toBe('24 Nov 2026');
    expect(formatDate('2026-11-24', { weekday: true })).toBe('Tue 24 Nov 2026');
    expect(formatDate('2026-11-24', { weekday: true, year: false })).toBe('Tue 24 Nov');
    expect(formatLongDate('2026-11-24')).toBe('Tuesday 24 November 2026');
    expect(formatDate(null)).toBe('');
  });

  it('counts days across months and leap years', () => {
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2026-11-24', '2026-11-20')).toBe(-4);
  });

  it('says when a date is relative to today', () => {
    const today = '2026-11-24';
    expect(relativeDate('2026-11-24', today)).toBe('today');
    expect(relativeDate('2026-11-25', today)).toBe('tomorrow');
    expect(relativeDate('2026-11-23', today)).toBe('yesterday');
    expect(relativeDate('2026-12-01', today)).toBe('in 7 days');
    expect(relativeDate('2026-10-25', today)).toBe('30 days ago');
  });
});

describe('relativeTime', () => {
  const now = Date.parse('2026-11-24T08:00:00Z');
  it('counts minutes, then hours, then days', () => {
    expect(relativeTime('2026-11-24T10:00:00+02:00', now)).toBe('now');
    expect(relativeTime('2026-11-24T08:35:00Z', now)).toBe('in 35 min');
    expect(relativeTime('2026-11-24T10:00:00Z', now)).toBe('in 2 h');
    expect(relativeTime('2026-11-24T10:59:00Z', now)).toBe('in 2 h');
    expect(relativeTime('2026-11-24T08:00:00-05:00', now)).toBe('in 5 h');
    expect(relativeTime('2026-11-25T07:00:00Z', now)).toBe('in 23 h');
    expect(relativeTime('2026-11-25T13:00:00Z', now)).toBe('in 1 day');
    expect(relativeTime('2026-11-27T08:00:00Z', now)).toBe('in 3 days');
    expect(relativeTime('2026-11-24T07:55:00Z', now)).toBe('5 min ago');
    expect(relativeTime('2026-11-24T06:00:00Z', now)).toBe('2 h ago');
  });
});

describe('formatDuration', () => {
  it('reads like a person says it', () => {
    expect(formatDuration(45)).toBe('45 min');
    expect(formatDuration(60)).toBe('1 h');
    expect(formatDuration(90)).toBe('1 h 30 min');
  });
});
