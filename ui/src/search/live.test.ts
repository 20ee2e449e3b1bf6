import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Latest, LiveSearch, type Answer } from './live';

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('Latest', () => {
  it('only the newest ticket is current', () => {
    const l = new Latest();
    const a = l.next();
    expect(l.isCurrent(a)).toBe(true);
    const b = l.next();
    expect(l.isCurrent(a)).toBe(false);
    expect(l.isCurrent(b)).toBe(true);
    l.invalidate();
    expect(l.isCurrent(b)).toBe(false);
  });
});

describe('LiveSearch', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function setup(delayMs = 100) {
    const calls: { text: string; d: ReturnType<typeof deferred<string>> }[] = [];
    const answers: Answer<string>[] = [];
    const busy: boolean[] = [];
    const live = new LiveSearch<string>({
      run: (text) => {
        const d = deferred<string>();
        calls.push({ text, d });
        return d.promise;
      },
      onAnswer: (a) => answers.push(a),
      onBusy: (b) => busy.push(b),
      delayMs,
      now: () => Date.now(),
    });
    return { live, calls, answers, busy };
  }

  it('waits for a pause in typing, then asks once for the last text', async () => {
    const { live, calls } = setup();
    live.input('bo');
    vi.advanceTimersByTime(50);
    live.input('boa');
    vi.advanceTimersByTime(50);
    live.input('boar');
    expect(calls).toHaveLength(0);
    vi.advanceTimersByTime(100);
    expect(calls.map((c) => c.text)).toEqual(['boar']);
  });

  it('a slow earlier answer never overwrites a newer one', async () => {
    const { live, calls, answers } = setup();
    live.input('bo');
    vi.advanceTimersByTime(100);
    live.input('board');
    vi.advanceTimersByTime(100);
    expect(calls.map((c) => c.text)).toEqual(['bo', 'board']);
    calls[1].d.resolve('answer for board');
    await vi.runAllTimersAsync();
    calls[0].d.resolve('late answer for bo');
    await vi.runAllTimersAsync();
    expect(answers.map((a) => a.state)).toEqual([
      { kind: 'results', text: 'board', result: 'answer for board' },
    ]);
  });

  it('an answer to text typed over since is dropped even if it is the only one so far', async () => {
    const { live, calls, answers } = setup();
    live.input('bo');
    vi.advanceTimersByTime(100);
    live.input('boa'); // still in the pause: "bo" is stale already
    calls[0].d.resolve('for bo');
    await vi.advanceTimersByTimeAsync(10);
    expect(answers).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(100);
    calls[1].d.resolve('for boa');
    await vi.runAllTimersAsync();
    expect(answers.map((a) => a.state.kind === 'results' && a.state.result)).toEqual(['for boa']);
  });

  it('empty or one-letter text is idle at once and cancels what was pending', async () => {
    const { live, calls, answers, busy } = setup();
    live.input('board');
    vi.advanceTimersByTime(100);
    live.input(' b ');
    expect(answers.map((a) => a.state)).toEqual([{ kind: 'idle' }]);
    calls[0].d.resolve('too late');
    await vi.runAllTimersAsync();
    expect(answers).toHaveLength(1);
    expect(busy).toEqual([true, false]);
  });

  it('errors are answers too, with the message; keyAt is the keystroke answered', async () => {
    const { live, calls, answers } = setup();
    live.input('board', 1234);
    vi.advanceTimersByTime(100);
    calls[0].d.reject(new Error('database is locked'));
    await vi.runAllTimersAsync();
    expect(answers).toEqual([{ state: { kind: 'error', text: 'board', message: 'database is locked' }, keyAt: 1234 }]);
  });

  it('dispose drops pending and in-flight requests', async () => {
    const { live, calls, answers } = setup();
    live.input('board');
    vi.advanceTimersByTime(100);
    live.input('boards');
    live.dispose();
    calls[0].d.resolve('x');
    await vi.runAllTimersAsync();
    expect(calls).toHaveLength(1);
    expect(answers).toHaveLength(0);
  });
});
