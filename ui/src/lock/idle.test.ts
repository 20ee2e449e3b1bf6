import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { idleTimer, minutesToMs, type Clock } from './idle';

describe('idleTimer', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('fires once after the idle time', () => {
    const onIdle = vi.fn();
    idleTimer(1000, onIdle);
    vi.advanceTimersByTime(999);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onIdle).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(5000);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('starts counting again on activity', () => {
    const onIdle = vi.fn();
    const t = idleTimer(1000, onIdle);
    vi.advanceTimersByTime(800);
    t.poke();
    vi.advanceTimersByTime(800);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(200);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('never fires when 0 (never) or stopped', () => {
    const onIdle = vi.fn();
    idleTimer(0, onIdle);
    const t = idleTimer(1000, onIdle);
    t.stop();
    t.poke();
    t.check();
    vi.advanceTimersByTime(10_000);
    expect(onIdle).not.toHaveBeenCalled();
  });

  it('counts wall-clock time: a laptop that slept past the deadline locks on wake', () => {
    // Timers do not run while the machine sleeps, but the clock moves on.
    let now = 0;
    const clock: Clock = { now: () => now, setTimeout: (f, ms) => setTimeout(f, ms), clearTimeout: (id) => clearTimeout(id as number) };
    const onIdle = vi.fn();
    const t = idleTimer(10 * 60_000, onIdle, clock);
    now += 2 * 60 * 60_000; // two hours asleep; no timer ran meanwhile
    t.poke(); // the pointer move that wakes it must not re-arm
    expect(onIdle).toHaveBeenCalledTimes(1);
    t.poke();
    t.check();
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('a woken laptop locks on the next check even without any event', () => {
    let now = 0;
    const clock: Clock = { now: () => now, setTimeout: (f, ms) => setTimeout(f, ms), clearTimeout: (id) => clearTimeout(id as number) };
    const onIdle = vi.fn();
    idleTimer(10 * 60_000, onIdle, clock);
    now += 11 * 60_000; // asleep: the pending one-second check has not run yet
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('reads fractional minutes', () => {
    expect(minutesToMs(0.05)).toBe(3000);
    expect(minutesToMs(10)).toBe(600_000);
  });
});
