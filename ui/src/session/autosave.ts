// Autosave for live note-taking: the promise is that every keystroke reaches disk within about a
// second and that nothing shown as "Saved" can be lost. Framework-free, so it is tested with fake
// timers alone; the editor feeds it the whole value on every change and shows `statusText`.
//
// - Debounce: a save starts `debounceMs` after the last change...
// - ...but never later than `maxWaitMs` after the first change not yet saved, so continuous
//   typing still reaches disk at least that often.
// - One save in flight at a time; changes made meanwhile are saved by the next one.
// - A failed save is retried with exponential backoff, forever: the value is never dropped.
// - `flush()` saves now and resolves once the latest value is on disk (blur, Ctrl+S, leaving).
// - Keystroke-to-disk latency: for every successful save, the time from the oldest change it
//   carried to the moment it resolved.

import type { ErrorKind } from '../bindings/ErrorKind';

export type SaveStatus =
  | { kind: 'saved' }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  /** The last attempt failed; the next one is `retryInMs` after it (attempt counts failures). */
  | { kind: 'error'; reason: string; attempt: number; retryInMs: number };

export interface AutosaveOptions<T> {
  /** Writes the whole value; resolves once it is on disk, rejects when it is not. */
  save: (value: T) => Promise<unknown>;
  debounceMs?: number;
  maxWaitMs?: number;
  /** First retry delay; doubles on every further failure up to `retryMaxMs`. */
  retryMinMs?: number;
  retryMaxMs?: number;
  /** How many latency samples to keep (the newest). */
  maxSamples?: number;
  onStatus?: (status: SaveStatus) => void;
  /** Per successful save: keystroke-to-disk latency, and how long the save call itself took. */
  onSample?: (latencyMs: number, saveMs: number) => void;
  /** Turns a rejection into the short reason shown to the coach. */
  describeError?: (error: unknown) => string;
  now?: () => number;
}

export const DEFAULTS = {
  debounceMs: 300,
  // 750 rather than 1000: leaves a quarter second for the IPC round trip and the fsync, so a
  // keystroke is on disk within a second even while the coach never pauses.
  maxWaitMs: 750,
  retryMinMs: 500,
  retryMaxMs: 8_000,
  maxSamples: 500,
} as const;

/** The words the coach sees. */
export function statusText(status: SaveStatus): string {
  switch (status.kind) {
    case 'saved':
      return 'Saved';
    case 'dirty':
    case 'saving':
      return 'Saving…';
    case 'error':
      return `Not saved — ${status.reason}; retrying…`;
  }
}

/** Why a save failed, in the coach's words: a full disk says so plainly, whatever SQLite called it. */
export function saveErrorReason(error: { kind: ErrorKind; message: string }): string {
  switch (error.kind) {
    case 'disk_full':
      return 'the disk is full';
    case 'not_found':
      return 'this session no longer exists';
    default:
      return error.message;
  }
}

/** A field the core refused to save: the value's key, the core's name for it, and the rule. */
export interface Refusal<T> {
  key: keyof T & string;
  field: string;
  rule: string;
}

/**
 * One save that survives a bad field: when the core refuses a field (`refusalOf` recognises the
 * error), that field goes back to its value in `lastSaved` and the save is tried again, so one
 * bad field never keeps the rest — the notes above all — from disk. Each field is given back at
 * most once. Resolves with the save's answer and the refused fields' rules (by the core's field
 * name); rejects with any other error, which the Autosave retries.
 */
export async function saveKeepingGoodFields<T extends object, R>(
  value: T,
  lastSaved: T | null,
  save: (value: T) => Promise<R>,
  refusalOf: (error: unknown) => Refusal<T> | null,
): Promise<{ saved: R; refused: Record<string, string> }> {
  let attempt = value;
  const refused: Record<string, string> = {};
  for (;;) {
    try {
      return { saved: await save(attempt), refused };
    } catch (e) {
      const r = refusalOf(e);
      if (!r || !lastSaved || !(r.key in attempt) || r.field in refused) throw e;
      refused[r.field] = r.rule;
      attempt = { ...attempt, [r.key]: lastSaved[r.key] };
    }
  }
}

function defaultDescribe(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (error && typeof error === 'object' && 'message' in error) return String(error.message);
  return String(error);
}

interface Waiter {
  version: number;
  resolve: () => void;
}

export class Autosave<T> {
  private readonly opts: Required<Omit<AutosaveOptions<T>, 'onStatus' | 'onSample'>> &
    Pick<AutosaveOptions<T>, 'onStatus' | 'onSample'>;

  private value: T | undefined;
  /** Bumped on every change; `savedVersion` is the newest one known to be on disk. */
  private version = 0;
  private savedVersion = 0;
  private lastChangeAt = 0;
  /** Oldest change not yet carried by any save attempt. */
  private openSince: number | null = null;
  /** Oldest change carried by an attempt that has not succeeded yet (in flight or failed). */
  private carriedSince: number | null = null;

  private inFlight = false;
  private startedAt = 0;
  private settled: Promise<void> = Promise.resolve();
  private failures = 0;
  private lastError: string | null = null;
  private retryAt: number | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private waiters: Waiter[] = [];
  private stopped = false;
  private samples: number[] = [];
  private lastStatus: SaveStatus = { kind: 'saved' };
  private listeners = new Set<(s: SaveStatus) => void>();

  constructor(options: AutosaveOptions<T>) {
    this.opts = {
      debounceMs: DEFAULTS.debounceMs,
      maxWaitMs: DEFAULTS.maxWaitMs,
      retryMinMs: DEFAULTS.retryMinMs,
      retryMaxMs: DEFAULTS.retryMaxMs,
      maxSamples: DEFAULTS.maxSamples,
      describeError: defaultDescribe,
      now: () => Date.now(),
      ...options,
    };
  }

  get status(): SaveStatus {
    return this.lastStatus;
  }

  /** True while something is not yet on disk. */
  get pending(): boolean {
    return this.version !== this.savedVersion;
  }

  /** Recent keystroke-to-disk latencies in ms, oldest first. */
  latencies(): number[] {
    return [...this.samples];
  }

  /** Calls `listener` with every new status (not the current one); returns the unsubscribe. */
  subscribe(listener: (s: SaveStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The coach changed something: `value` is the whole latest value. */
  change(value: T): void {
    if (this.stopped) return;
    const now = this.opts.now();
    this.value = value;
    this.version += 1;
    this.lastChangeAt = now;
    this.openSince ??= now;
    this.plan();
  }

  /**
   * Tells the controller that `value` is already on disk (e.g. the store just wrote it itself,
   * as a restore does). Anything unsaved before is superseded by it.
   */
  reset(value: T): void {
    if (this.stopped) return;
    this.value = value;
    this.version += 1;
    if (this.inFlight) {
      // The running save carries an older value; let the next one write this one too.
      this.lastChangeAt = this.opts.now();
      this.openSince ??= this.lastChangeAt;
      this.plan();
      return;
    }
    this.savedVersion = this.version;
    this.openSince = null;
    this.carriedSince = null;
    this.failures = 0;
    this.lastError = null;
    this.retryAt = null;
    this.resolveWaiters();
    this.plan();
  }

  /** Saves now (retrying at once if a save had failed); resolves once the latest value is on disk. */
  flush(): Promise<void> {
    if (this.stopped || this.version === this.savedVersion) return Promise.resolve();
    const done = new Promise<void>((resolve) => this.waiters.push({ version: this.version, resolve }));
    if (this.retryAt !== null) this.retryAt = this.opts.now();
    this.plan();
    return done;
  }

  /** `flush()`, but gives up waiting after `ms`: true when everything is on disk. */
  flushWithin(ms: number): Promise<boolean> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    return Promise.race([
      this.flush().then(() => true),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms))),
    ]).finally(() => clearTimeout(timer));
  }

  /**
   * Stops saving and drops what is unsaved (the record is being deleted). Resolves once a save
   * that was already running has settled, so nothing writes after it.
   */
  discard(): Promise<void> {
    this.stopped = true;
    this.clearTimer();
    this.version = this.savedVersion;
    this.resolveWaiters(true);
    return this.settled;
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Decides when the next save starts (or starts it now); recomputes the status. */
  private plan(): void {
    this.clearTimer();
    if (!this.stopped && !this.inFlight && this.version !== this.savedVersion) {
      const now = this.opts.now();
      let due: number;
      if (this.retryAt !== null) {
        due = this.retryAt;
      } else if (this.waiters.length > 0) {
        due = now;
      } else {
        const oldest = Math.min(this.openSince ?? Infinity, this.carriedSince ?? Infinity);
        due = Math.min(this.lastChangeAt + this.opts.debounceMs, oldest + this.opts.maxWaitMs);
      }
      if (due <= now) {
        this.start(); // publishes "saving" itself, without a passing "dirty"
        return;
      }
      this.timer = setTimeout(() => {
        this.timer = null;
        this.start();
      }, due - now);
    }
    this.publish();
  }

  private start(): void {
    if (this.stopped || this.inFlight || this.version === this.savedVersion) return;
    const version = this.version;
    const value = this.value as T;
    this.carriedSince = Math.min(this.carriedSince ?? Infinity, this.openSince ?? Infinity);
    this.openSince = null;
    this.retryAt = null;
    this.inFlight = true;
    this.startedAt = this.opts.now();
    this.publish();
    let run: Promise<unknown>;
    try {
      run = Promise.resolve(this.opts.save(value));
    } catch (e) {
      run = Promise.reject(e);
    }
    this.settled = run.then(
      () => this.succeeded(version),
      (e: unknown) => this.failed(e),
    );
  }

  private succeeded(version: number): void {
    this.inFlight = false;
    if (this.stopped) return;
    const now = this.opts.now();
    this.savedVersion = Math.max(this.savedVersion, version);
    if (this.carriedSince !== null && Number.isFinite(this.carriedSince)) {
      const latency = now - this.carriedSince;
      this.samples.push(latency);
      if (this.samples.length > this.opts.maxSamples) this.samples.shift();
      this.opts.onSample?.(latency, now - this.startedAt);
    }
    this.carriedSince = null;
    this.failures = 0;
    this.lastError = null;
    this.resolveWaiters();
    this.plan();
  }

  private failed(error: unknown): void {
    this.inFlight = false;
    if (this.stopped) return;
    this.failures += 1;
    this.lastError = this.opts.describeError(error);
    const delay = Math.min(this.opts.retryMinMs * 2 ** (this.failures - 1), this.opts.retryMaxMs);
    this.retryAt = this.opts.now() + delay;
    this.plan();
  }

  private resolveWaiters(all = false): void {
    const ready = this.waiters.filter((w) => all || w.version <= this.savedVersion);
    this.waiters = this.waiters.filter((w) => !ready.includes(w));
    for (const w of ready) w.resolve();
  }

  private publish(): void {
    let next: SaveStatus;
    if (this.lastError !== null) {
      // Stays "Not saved" through the retries until one succeeds: no flicker to "Saving…".
      const retryInMs = Math.min(this.opts.retryMinMs * 2 ** (this.failures - 1), this.opts.retryMaxMs);
      next = { kind: 'error', reason: this.lastError, attempt: this.failures, retryInMs };
    } else if (this.inFlight) {
      next = { kind: 'saving' };
    } else if (this.version !== this.savedVersion) {
      next = { kind: 'dirty' };
    } else {
      next = { kind: 'saved' };
    }
    const prev = this.lastStatus;
    const same =
      prev.kind === next.kind &&
      (prev.kind !== 'error' ||
        (next.kind === 'error' && prev.reason === next.reason && prev.attempt === next.attempt));
    if (same) return;
    this.lastStatus = next;
    this.opts.onStatus?.(next);
    for (const l of this.listeners) l(next);
  }
}
