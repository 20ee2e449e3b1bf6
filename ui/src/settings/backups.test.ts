import { describe, expect, it } from 'vitest';
import type { BackupInfo } from '../bindings/BackupInfo';
import type { BackupOutcome } from '../bindings/BackupOutcome';
import { fileName, formatSize, formatWhen, formatWhenCapital, kindLabel, lastLine, protectionLabel } from './backups';

// Local times built with the local Date constructor, so the tests hold in any time zone.
const local = (y: number, m: number, d: number, h: number, min: number) => new Date(y, m - 1, d, h, min);
const now = local(2026, 11, 24, 15, 0);

const info = (at: Date, size = 1_000_000): BackupInfo => ({
  taken_at: at.toISOString(),
  kind: 'scheduled',
  size,
  path: `/data/backups/coachbook-x.db`,
  encrypted: false,
});

describe('formatSize', () => {
  it('shows megabytes with one decimal', () => {
    expect(formatSize(74_900_000)).toBe('74.9 MB');
    expect(formatSize(1_000_000)).toBe('1.0 MB');
    expect(formatSize(250_000)).toBe('0.3 MB');
  });
  it('never shows a real file as 0.0 MB', () => {
    expect(formatSize(40_960)).toBe('< 0.1 MB');
    expect(formatSize(0)).toBe('0.0 MB');
  });
});

describe('formatWhen', () => {
  it('says today and yesterday in local time', () => {
    expect(formatWhen(local(2026, 11, 24, 10, 42).toISOString(), now)).toBe('today 10:42');
    expect(formatWhen(local(2026, 11, 23, 22, 5).toISOString(), now)).toBe('yesterday 22:05');
    expect(formatWhenCapital(local(2026, 11, 24, 9, 7).toISOString(), now)).toBe('Today 09:07');
  });
  it('writes older dates out in full', () => {
    expect(formatWhen(local(2026, 11, 9, 8, 0).toISOString(), now)).toBe('Mon 9 Nov 2026, 08:00');
    expect(formatWhen(local(2025, 12, 31, 23, 59).toISOString(), now)).toBe('Wed 31 Dec 2025, 23:59');
  });
  it('crosses a month boundary for yesterday', () => {
    const firstOfMonth = local(2026, 12, 1, 8, 0);
    expect(formatWhen(local(2026, 11, 30, 20, 0).toISOString(), firstOfMonth)).toBe('yesterday 20:00');
  });
  it('leaves text it cannot read as it is', () => {
    expect(formatWhen('not a date', now)).toBe('not a date');
  });
});

describe('lastLine', () => {
  const ok: BackupOutcome = {
    at: local(2026, 11, 24, 10, 42).toISOString(),
    written: info(local(2026, 11, 24, 10, 42)),
    error: null,
    took_ms: 600,
  };
  it('names the last successful backup', () => {
    expect(lastLine(ok, undefined, now)).toBe('Last backup: today 10:42');
  });
  it('falls back to the newest file when nothing ran since start', () => {
    expect(lastLine(null, info(local(2026, 11, 23, 9, 0)), now)).toBe('Last backup: yesterday 09:00');
  });
  it('says why the last attempt failed', () => {
    const failed: BackupOutcome = {
      ...ok,
      written: null,
      error: { kind: 'disk_full', field: null, message: 'database or disk is full' },
    };
    expect(lastLine(failed, info(local(2026, 11, 23, 9, 0)), now)).toBe(
      'The last backup failed (today 10:42): the backups folder’s disk is full',
    );
    const other = { ...failed, error: { kind: 'io' as const, field: null, message: 'permission denied' } };
    expect(lastLine(other, undefined, now)).toBe('The last backup failed (today 10:42): permission denied');
  });
  it('says when there are none', () => {
    expect(lastLine(null, undefined, now)).toBe('No backups yet');
  });
});

describe('labels', () => {
  it('names kinds and files', () => {
    expect(kindLabel('scheduled')).toBe('Automatic');
    expect(kindLabel('before_restore')).toBe('Before a restore');
    expect(fileName('/a/b/coachbook-20261124-104200.db')).toBe('coachbook-20261124-104200.db');
  });
  it('says which copies anyone with the file can read', () => {
    expect(protectionLabel(true)).toBe('Encrypted');
    expect(protectionLabel(false)).toBe('Not encrypted');
  });
});
