// The idle lock: once `ms` of wall-clock time passed without a key, click or pointer move,
// `onIdle` runs once. Activity re-arms it. The deadline is a Date.now() time, checked every
// second and on every event, never a single long timeout: timers do not count the time a
// laptop spends asleep, so a laptop that slept past the deadline must open locked — and the
// pointer move that wakes it must lock, not re-arm. Kept free of Svelte so it can be tested
// with fake timers and a fake clock.

export interface Clock {
  now: () => number;
  setTimeout: (f: () => void, ms: number) => unknown;
  clearTimeout: (id: unknown) => void;
}

const realClock: Clock = {
  now: () => Date.now(),
  setTimeout: (f, ms) => setTimeout(f, ms),
  clearTimeout: (id) => clearTimeout(id as ReturnType<typeof setTimeout>),
};

/** How often the deadline is compared with the clock. */
export const CHECK_MS = 1_000;

export interface IdleTimer {
  /** The coach did something: start counting again — unless the deadline already passed. */
  poke(): void;
  /** Compare with the clock now (the window came back into view, the laptop woke up). */
  check(): void;
  stop(): void;
}

/** `ms` <= 0 (or not a number): never idle. */
export function idleTimer(ms: number, onIdle: () => void, clock: Clock = realClock): IdleTimer {
  let timer: unknown = null;
  let done = !(ms > 0);
  let deadline = clock.now() + ms;

  const clear = () => {
    if (timer !== null) clock.clearTimeout(timer);
    timer = null;
  };
  const fire = () => {
    done = true;
    clear();
    onIdle();
  };
  /** True (and fired) when the deadline passed. */
  const expired = () => {
    if (done) return true;
    if (clock.now() < deadline) return false;
    fire();
    return true;
  };
  const tick = () => {
    timer = null;
    if (expired()) return;
    timer = clock.setTimeout(tick, Math.min(CHECK_MS, Math.max(0, deadline - clock.now())));
  };
  if (!done) tick();

  return {
    poke() {
      if (expired()) return;
      deadline = clock.now() + ms;
    },
    check() {
      expired();
    },
    stop() {
      done = true;
      clear();
    },
  };
}

/** Minutes from the settings (fractions allowed) to milliseconds. */
export function minutesToMs(minutes: number): number {
  return Math.round(minutes * 60_000);
}
