// Search as you type: a short pause after the last keystroke before asking the core, and only the
// answer to the newest question is ever shown — a slow earlier query that answers late is dropped.

/** Tickets for requests: only the latest one issued is current. */
export class Latest {
  private seq = 0;
  /** A new request: every earlier ticket stops being current. */
  next(): number {
    return ++this.seq;
  }
  isCurrent(ticket: number): boolean {
    return ticket === this.seq;
  }
  /** Nothing in flight counts any more (the input was cleared, the view closed). */
  invalidate(): void {
    this.seq++;
  }
}

export type SearchState<T> =
  /** Nothing to search for yet (empty, or too short). */
  | { kind: 'idle' }
  | { kind: 'results'; text: string; result: T }
  | { kind: 'error'; text: string; message: string };

export interface Answer<T> {
  state: SearchState<T>;
  /** performance.now() of the keystroke that produced the text answered; for latency samples. */
  keyAt: number;
}

export interface LiveSearchOptions<T> {
  run: (text: string) => Promise<T>;
  /** Called with every state to show: idle at once, results and errors as they arrive. */
  onAnswer: (answer: Answer<T>) => void;
  /** True while a current request is waiting (debounce or core); false when answered. */
  onBusy?: (busy: boolean) => void;
  describeError?: (e: unknown) => string;
  delayMs?: number;
  /** Texts shorter than this (trimmed) are not searched: the core needs two letters for a prefix. */
  minChars?: number;
  now?: () => number;
}

export const DEBOUNCE_MS = 90;

export class LiveSearch<T> {
  private readonly latest = new Latest();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly opts: Required<Omit<LiveSearchOptions<T>, 'onBusy'>> & Pick<LiveSearchOptions<T>, 'onBusy'>;

  constructor(opts: LiveSearchOptions<T>) {
    this.opts = {
      delayMs: DEBOUNCE_MS,
      minChars: 2,
      now: () => performance.now(),
      describeError: (e) => (e instanceof Error ? e.message : String(e)),
      ...opts,
    };
  }

  /** The text changed (a keystroke). */
  input(text: string, keyAt: number = this.opts.now()): void {
    const ticket = this.latest.next();
    this.clearTimer();
    if (text.trim().length < this.opts.minChars) {
      this.opts.onBusy?.(false);
      this.opts.onAnswer({ state: { kind: 'idle' }, keyAt });
      return;
    }
    this.opts.onBusy?.(true);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.ask(text, ticket, keyAt);
    }, this.opts.delayMs);
  }

  /** Stops: pending and in-flight requests are dropped. */
  dispose(): void {
    this.clearTimer();
    this.latest.invalidate();
  }

  private clearTimer() {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private async ask(text: string, ticket: number, keyAt: number) {
    let state: SearchState<T>;
    try {
      state = { kind: 'results', text, result: await this.opts.run(text) };
    } catch (e) {
      state = { kind: 'error', text, message: this.opts.describeError(e) };
    }
    if (!this.latest.isCurrent(ticket)) return;
    this.opts.onBusy?.(false);
    this.opts.onAnswer({ state, keyAt });
  }
}
