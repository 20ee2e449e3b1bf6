import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { idleTimer, minutesToMs } from './idle';

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
    vi.advanceTimersByTime(10_000);
    expect(onIdle).not.toHaveBeenCalled();
  });

  it('reads fractional minutes', () => {
    expect(minutesToMs(0.05)).toBe(3000);
    expect(minutesToMs(10)).toBe(600_000);
  });
});
