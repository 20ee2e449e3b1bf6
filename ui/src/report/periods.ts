// The report dialog's period presets and the default file name. Calendar periods, so a monthly
// or quarterly report covers the same days whenever in the next month it is made. Dates are
// "YYYY-MM-DD" in the laptop's calendar. Pure, so vitest covers them.
import type { Audience } from '../bindings/Audience';

export type PresetKind = 'month' | 'quarter' | 'whole' | 'custom';

export interface Period {
  from: string;
  to: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTHS_LONG = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const pad = (n: number) => String(n).padStart(2, '0');

function parts(date: string): [number, number, number] | null {
  const m = DATE.exec(date);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}

export function isDate(text: string): boolean {
  const p = parts(text);
  if (!p) return false;
  const [y, m, d] = p;
  return m >= 1 && m <= 12 && d >= 1 && d <= lastDay(y, m);
}

/** Days in month `m` (1–12) of year `y`. */
function lastDay(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

const ymd = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

/** The calendar month before the one `today` is in. */
export function lastMonth(today: string): Period {
  const [y, m] = parts(today) ?? [1970, 1, 1];
  const [py, pm] = m === 1 ? [y - 1, 12] : [y, m - 1];
  return { from: ymd(py, pm, 1), to: ymd(py, pm, lastDay(py, pm)) };
}

/** The calendar quarter (Jan–Mar, Apr–Jun, …) before the one `today` is in. */
export function lastQuarter(today: string): Period {
  const [y, m] = parts(today) ?? [1970, 1, 1];
  const q = Math.floor((m - 1) / 3); // 0-based quarter of today
  const [qy, qi] = q === 0 ? [y - 1, 3] : [y, q - 1];
  const first = qi * 3 + 1;
  return { from: ymd(qy, first, 1), to: ymd(qy, first + 2, lastDay(qy, first + 2)) };
}

/**
 * From the engagement's start (or, without one, the first session; the earlier when both are
 * known) to today. Nothing known, or a start after today: just today.
 */
export function wholeEngagement(today: string, engagementStart: string | null, firstSession: string | null): Period {
  const known = [engagementStart, firstSession].filter((d): d is string => d !== null && isDate(d)).sort();
  const from = known[0] && known[0] < today ? known[0] : today;
  return { from, to: today };
}

export function presetPeriod(
  kind: Exclude<PresetKind, 'custom'>,
  today: string,
  engagementStart: string | null,
  firstSession: string | null,
): Period {
  if (kind === 'month') return lastMonth(today);
  if (kind === 'quarter') return lastQuarter(today);
  return wholeEngagement(today, engagementStart, firstSession);
}

/** "1 Oct – 31 Dec 2026", "3 Mar 2025 – 24 Nov 2026", "24 Nov 2026". */
export function describePeriod(p: Period): string {
  const a = parts(p.from);
  const b = parts(p.to);
  if (!a || !b) return `${p.from} – ${p.to}`;
  const full = ([y, m, d]: [number, number, number]) => `${d} ${MONTHS[m - 1]} ${y}`;
  if (p.from === p.to) return full(b);
  const start = a[0] === b[0] ? `${a[2]} ${MONTHS[a[1] - 1]}` : full(a);
  return `${start} – ${full(b)}`;
}

/**
 * How the period reads in a file name: "2026-10" for a whole calendar month, "2026-Q3" for a
 * whole quarter, "2026" for a year, else "2026-03-01 to 2026-11-24".
 */
export function periodTag(p: Period): string {
  const a = parts(p.from);
  const b = parts(p.to);
  if (!a || !b) return `${p.from} to ${p.to}`;
  const [y1, m1, d1] = a;
  const [y2, m2, d2] = b;
  const wholeMonths = y1 === y2 && d1 === 1 && d2 === lastDay(y2, m2);
  if (wholeMonths && m1 === m2) return `${y1}-${pad(m1)}`;
  if (wholeMonths && m1 % 3 === 1 && m2 === m1 + 2) return `${y1}-Q${(m1 + 2) / 3}`;
  if (wholeMonths && m1 === 1 && m2 === 12) return `${y1}`;
  return `${p.from} to ${p.to}`;
}

/** "October 2026", for the preset's label. */
export function monthName(p: Period): string {
  const a = parts(p.from);
  return a ? `${MONTHS_LONG[a[1] - 1]} ${a[0]}` : p.from;
}

/**
 * "Progress report – Zoë Martin – 2026-Q3 – sponsor.pdf". Characters that some file systems
 * refuse (/ \ : * ? " < > |, control characters) become spaces; the name is kept readable.
 */
export function reportFileName(clientName: string, p: Period, audience: Audience): string {
  // eslint-disable-next-line no-control-regex
  const safe = clientName.replace(/[/\\:*?"<>|\u0000-\u001f]/g, ' ').replace(/\s+/g, ' ').trim() || 'client';
  return `Progress report – ${safe} – ${periodTag(p)} – ${audience}.pdf`;
}
