// Words and numbers of the Backups screen: sizes in MB, backup times in the laptop's local time
// ("today 10:42"), the line about the last attempt. Pure, so vitest covers them.
import type { BackupInfo } from '../bindings/BackupInfo';
import type { BackupOutcome } from '../bindings/BackupOutcome';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** "74.9 MB"; small files still read in MB ("0.2 MB"), never "0.0 MB". */
export function formatSize(bytes: number): string {
  const mb = bytes / 1_000_000;
  if (bytes > 0 && mb < 0.1) return '< 0.1 MB';
  return `${mb.toFixed(1)} MB`;
}

const pad = (n: number) => String(n).padStart(2, '0');

function sameDay(a: Date, b: Date): boolean {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
}

/** A UTC timestamp in local time: "today 10:42", "yesterday 22:10", "Mon 9 Nov 2026, 10:42". */
export function formatWhen(iso: string, now: Date = new Date()): string {
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return iso;
  const time = `${pad(t.getHours())}:${pad(t.getMinutes())}`;
  if (sameDay(t, now)) return `today ${time}`;
  const yesterday = new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1);
  if (sameDay(t, yesterday)) return `yesterday ${time}`;
  return `${DAYS[t.getDay()]} ${t.getDate()} ${MONTHS[t.getMonth()]} ${t.getFullYear()}, ${time}`;
}

/** The same, for a sentence start: "Today 10:42". */
export function formatWhenCapital(iso: string, now: Date = new Date()): string {
  const s = formatWhen(iso, now);
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function kindLabel(kind: BackupInfo['kind']): string {
  return kind === 'before_restore' ? 'Before a restore' : 'Automatic';
}

/** Whether a copy needs a passphrase: a plain one can be read by anyone who has the file. */
export function protectionLabel(encrypted: boolean): string {
  return encrypted ? 'Encrypted' : 'Not encrypted';
}

/** Why a backup failed, in plain words: a full disk says so, whatever SQLite called it. */
export function failureReason(error: { kind: string; message: string }): string {
  return error.kind === 'disk_full' ? 'the backups folder’s disk is full' : error.message;
}

/** The line under the heading: how the last attempt went, or when the newest copy was made. */
export function lastLine(last: BackupOutcome | null, newest: BackupInfo | undefined, now: Date = new Date()): string {
  if (last?.error) return `The last backup failed (${formatWhen(last.at, now)}): ${failureReason(last.error)}`;
  const at = last?.written?.taken_at ?? newest?.taken_at;
  return at ? `Last backup: ${formatWhen(at, now)}` : 'No backups yet';
}

/** The file name of a backup path, for screen readers and the confirmation. */
export function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}
