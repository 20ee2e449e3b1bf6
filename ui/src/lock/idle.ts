// The idle lock: after `ms` without a key, click or pointer move, `onIdle` runs once. Activity
// re-arms it. Kept free of Svelte so it can be tested with fake timers.

export interface Clock {
  setTimeout: (f: () => void, ms: number) => unknown;
  clearTimeout: (id: unknown) => void;
}

const realClock: Clock = {
  setTimeout: (f, ms) => setTimeout(f, ms),
  clearTimeout: (id) => clearTimeout(id as ReturnType<typeof setTimeout>),
};

export interface IdleTimer {
  /** The coach did something: start counting again. */
  poke(): void;
  stop(): void;
}

/** `ms` <= 0 (or not a number): never idle. */
export function idleTimer(ms: number, onIdle: () => void, clock: Clock = realClock): IdleTimer {
  let timer: unknown = null;
  let stopped = false;
  const arm = () => {
    if (timer !== null) clock.clearTimeout(timer);
    timer = null;
    if (stopped || !(ms > 0)) return;
    timer = clock.setTimeout(() => {
      timer = null;
      if (!stopped) onIdle();
    }, ms);
  };
  arm();
  return {
    poke: arm,
    stop() {
      stopped = true;
      if (timer !== null) clock.clearTimeout(timer);
      timer = null;
    },
  };
}

/** Minutes from the settings (fractions allowed) to milliseconds. */
export function minutesToMs(minutes: number): number {
  return Math.round(minutes * 60_000);
}
