// Dates and times as a coach reads them. Session times are RFC 3339 with the UTC offset the
// session was held in: a session held at 17:00 in New York shows as 17:00, wherever the laptop
// is today — that is the time the coach and client agreed. English, 24-hour clock, no Intl
// locale guessing, so the same data always reads the same.

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTHS_LONG = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const DAYS_LONG = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** A wall-clock time as written, with its offset from UTC in minutes. */
export interface OffsetDateTime {
  year: number;
  month: number; // 1–12
  day: number;
  hour: number;
  minute: number;
  offsetMinutes: number;
  /** The instant, in ms since the epoch. */
  epochMs: number;
}

const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|z|[+-]\d{2}:?\d{2})$/;

/** Reads an RFC 3339 timestamp keeping its own offset; null if it is not one. */
export function parseOffsetDateTime(text: string): OffsetDateTime | null {
  const m = RFC3339.exec(text.trim());
  if (!m) return null;
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map(Number);
  const second = m[6] ? Number(m[6]) : 0;
  let offsetMinutes = 0;
  if (m[7] !== 'Z' && m[7] !== 'z') {
    const sign = m[7][0] === '-' ? -1 : 1;
    const digits = m[7].slice(1).replace(':', '');
    offsetMinutes = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
  }
  const epochMs =
    Date.UTC(year, month - 1, day, hour, minute, second) - offsetMinutes * 60_000;
  return { year, month, day, hour, minute, offsetMinutes, epochMs };
}

/** The instant of an RFC 3339 timestamp in ms, or NaN. */
export function instant(text: string | null | undefined): number {
  if (!text) return NaN;
  return parseOffsetDateTime(text)?.epochMs ?? NaN;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function weekday(year: number, month: number, day: number): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

/** "UTC+02:00", "UTC−05:00" (a real minus sign), "UTC" for zero. */
export function formatOffset(offsetMinutes: number): string {
  if (offsetMinutes === 0) return 'UTC';
  const sign = offsetMinutes < 0 ? '−' : '+';
  const abs = Math.abs(offsetMinutes);
  return `UTC${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** The laptop's own offset at that instant (daylight saving included), in minutes east of UTC. */
export function localOffsetAt(epochMs: number): number {
  const offset = -new Date(epochMs).getTimezoneOffset();
  return offset === 0 ? 0 : offset; // no -0
}

export interface TimeOptions {
  /** The laptop's offset; the session's offset is shown only when it differs. Default: the real one. */
  localOffsetMinutes?: number;
}

/** The clock time in the timestamp's own offset, and that offset when it is not the laptop's. */
export function timeParts(text: string, opts: TimeOptions = {}): { clock: string; offset: string } {
  const t = parseOffsetDateTime(text);
  if (!t) return { clock: text, offset: '' };
  const local = opts.localOffsetMinutes ?? localOffsetAt(t.epochMs);
  return {
    clock: `${pad(t.hour)}:${pad(t.minute)}`,
    offset: t.offsetMinutes === local ? '' : formatOffset(t.offsetMinutes),
  };
}

/** "17:00", or "17:00 UTC−05:00" when the session was held in another offset than the laptop's. */
export function formatTime(text: string, opts: TimeOptions = {}): string {
  const { clock, offset } = timeParts(text, opts);
  return offset ? `${clock} ${offset}` : clock;
}

/** "Tue 24 Nov 2026, 17:00" in the timestamp's own offset (offset shown when not the laptop's). */
export function formatDateTime(text: string, opts: TimeOptions = {}): string {
  const t = parseOffsetDateTime(text);
  if (!t) return text;
  const day = DAYS[weekday(t.year, t.month, t.day)];
  return `${day} ${t.day} ${MONTHS[t.month - 1]} ${t.year}, ${formatTime(text, opts)}`;
}

/** The calendar date of a timestamp in its own offset, as "YYYY-MM-DD". */
export function dateOf(text: string): string {
  const t = parseOffsetDateTime(text);
  return t ? `${t.year}-${pad(t.month)}-${pad(t.day)}` : text;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * "24 Nov 2026" from "2026-11-24"; with weekday: "Tue 24 Nov 2026"; with year false: "24 Nov".
 * Unknown text as is.
 */
export function formatDate(
  date: string | null | undefined,
  opts: { weekday?: boolean; year?: boolean } = {},
): string {
  if (!date) return '';
  const m = DATE.exec(date);
  if (!m) return date;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const text = `${d} ${MONTHS[mo - 1]}${opts.year === false ? '' : ` ${y}`}`;
  return opts.weekday ? `${DAYS[weekday(y, mo, d)]} ${text}` : text;
}

/** "Tuesday 24 November 2026" — a page heading. */
export function formatLongDate(date: string): string {
  const m = DATE.exec(date);
  if (!m) return date;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return `${DAYS_LONG[weekday(y, mo, d)]} ${d} ${MONTHS_LONG[mo - 1]} ${y}`;
}

/** The laptop's date today as "YYYY-MM-DD". */
export function localToday(now: Date = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Whole days from `from` to `to` (both "YYYY-MM-DD"); positive when `to` is later. */
export function daysBetween(from: string, to: string): number {
  const a = DATE.exec(from);
  const b = DATE.exec(to);
  if (!a || !b) return NaN;
  const ms = (m: RegExpExecArray) => Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Math.round((ms(b) - ms(a)) / 86_400_000);
}

/**
 * How far a moment is from now: "now", "in 35 min", "in 2 h", "in 1 day", "in 3 days",
 * "5 min ago", "2 h ago", "3 days ago". Whole hours and days, rounded down.
 */
export function relativeTime(text: string, nowMs: number = Date.now()): string {
  const at = instant(text);
  if (Number.isNaN(at)) return '';
  const diff = at - nowMs;
  const minutes = Math.round(Math.abs(diff) / 60_000);
  const future = diff > 0;
  let amount: string;
  if (minutes < 1) return 'now';
  if (minutes < 60) amount = `${minutes} min`;
  else if (minutes < 24 * 60) amount = `${Math.floor(minutes / 60)} h`;
  else {
    const days = Math.floor(minutes / (24 * 60));
    amount = days === 1 ? '1 day' : `${days} days`;
  }
  return future ? `in ${amount}` : `${amount} ago`;
}

/** A date relative to today: "today", "tomorrow", "yesterday", "in 5 days", "12 days ago". */
export function relativeDate(date: string, today: string = localToday()): string {
  const days = daysBetween(today, date);
  if (Number.isNaN(days)) return '';
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  return days > 0 ? `in ${days} days` : `${-days} days ago`;
}

/** "45 min", "1 h", "1 h 30 min". */
export function formatDuration(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m ? `${h} h ${m} min` : `${h} h`;
}
