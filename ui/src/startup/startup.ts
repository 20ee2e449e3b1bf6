// Words of the start-up screens, and the one place the UI learns that the practice was closed
// and opened again (restore, another file): App then shows Today with fresh data.
import type { BackupInfo } from '../bindings/BackupInfo';
import type { StartupState } from '../bindings/StartupState';

export type Problem = Extract<StartupState['status'], { kind: 'problem' }>;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');

/** The heading of the full-window message. */
export function problemTitle(p: Problem['problem']): string {
  switch (p.kind) {
    case 'damaged':
      return 'Your practice file is damaged';
    case 'newer':
      return 'This practice needs a newer Coachbook';
    case 'not_coachbook':
      return 'This is not a Coachbook practice';
    case 'other':
      return 'Coachbook cannot open your practice';
  }
}

/** "24 Nov 2026, 10:42" in local time. */
export function backupDate(b: BackupInfo): string {
  const t = new Date(b.taken_at);
  if (Number.isNaN(t.getTime())) return b.taken_at;
  return `${t.getDate()} ${MONTHS[t.getMonth()]} ${t.getFullYear()}, ${pad(t.getHours())}:${pad(t.getMinutes())}`;
}

/** "1.2 MB"; a small file never reads "0.0 MB". */
export function backupSize(b: BackupInfo): string {
  const mb = b.size / 1_000_000;
  return b.size > 0 && mb < 0.1 ? '< 0.1 MB' : `${mb.toFixed(1)} MB`;
}
