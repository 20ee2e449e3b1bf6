import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Autosave, saveKeepingGoodFields, statusText, type SaveStatus } from './autosave';

/** A save function whose calls the test resolves or rejects by hand. */
function manualSave() {
  const calls: { value: string; resolve: () => void; reject: (e: unknown) => void }[] = [];
  const save = vi.fn(
    (value: string) =>
      new Promise<void>((resolve, reject) => {
        calls.push({ value, resolve, reject });
      }),
  );
  return { save, calls };
}

/** Lets promise callbacks run without moving the clock. */
async function settle() {
  await vi.advanceTimersByTimeAsync(0);
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-03-02T09:00:00Z'));
});

afterEach(() => {
  vi.useRealTimers();
});

describe('debounce', () => {
  it('saves 300 ms after the last change, once, with the latest value', async () => {
    const save = vi.fn(async (_v: string) => {});
    const a = new Autosave({ save });
    a.change('h');
    await vi.advanceTimersByTimeAsync(100);
    a.change('he');
    await vi.advanceTimersByTimeAsync(100);
    a.change('hel');
    expect(a.status.kind).toBe('dirty');
    await vi.advanceTimersByTimeAsync(299);
    expect(save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(save).toHaveBeenCalledTimes(1);
    expect(save).toHaveBeenCalledWith('hel');
    expect(a.status.kind).toBe('saved');
    expect(a.pending).toBe(false);
  });

  it('does nothing when nothing changed', async () => {
    const save = vi.fn(async () => {});
    const a = new Autosave({ save });
    await vi.advanceTimersByTimeAsync(5_000);
    expect(save).not.toHaveBeenCalled();
    expect(a.status.kind).toBe('saved');
    expect(statusText(a.status)).toBe('Saved');
  });
});

describe('max wait', () => {
  it('continuous typing (a key every 100 ms) still saves at least every 750 ms', async () => {
    const saveTimes: number[] = [];
    const save = vi.fn(async () => {
      saveTimes.push(Date.now());
    });
    const a = new Autosave({ save });
    const t0 = Date.now();
    let text = '';
    for (let i = 0; i < 50; i++) {
      text += 'x';
      a.change(text);
      await vi.advanceTimersByTimeAsync(100);
    }
    // 5 s of typing without a single 300 ms pause.
    expect(save.mock.calls.length).toBeGreaterThanOrEqual(6);
    const gaps = saveTimes.map((t, i) => t - (i === 0 ? t0 : saveTimes[i - 1]));
    expect(Math.max(...gaps)).toBeLessThanOrEqual(800);
    // Every save carried keystrokes at most 750 ms old: within a second, even without a pause.
    expect(Math.max(...a.latencies())).toBeLessThanOrEqual(750);
    await vi.advanceTimersByTimeAsync(300);
    expect(save).toHaveBeenLastCalledWith('x'.repeat(50));
    expect(a.status.kind).toBe('saved');
  });

  it('records keystroke-to-disk latency from the oldest unsaved change', async () => {
    const samples: number[][] = [];
    const { save, calls } = manualSave();
    const a = new Autosave({ save, onSample: (ms, saveMs) => samples.push([ms, saveMs]) });
    a.change('a');
    await vi.advanceTimersByTimeAsync(200);
    a.change('ab');
    await vi.advanceTimersByTimeAsync(300); // debounce fires at 500 ms after 'a'
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(40); // the disk takes 40 ms
    calls[0].resolve();
    await settle();
    expect(samples).toEqual([[540, 40]]);
    expect(a.latencies()).toEqual([540]);
  });

  it('keeps only the newest samples', async () => {
    const save = vi.fn(async () => {});
    const a = new Autosave({ save, maxSamples: 3 });
    for (let i = 0; i < 5; i++) {
      a.change(String(i));
      await vi.advanceTimersByTimeAsync(50 * i);
      a.change(`${i}+`);
      await vi.advanceTimersByTimeAsync(300);
    }
    // Latency runs from the first of the two changes: 300 ms debounce + the gap, up to 750.
    expect(a.latencies()).toEqual([400, 450, 500]);
  });
});

describe('one save in flight', () => {
  it('queues changes made during a save and saves them right after it', async () => {
    const { save, calls } = manualSave();
    const statuses: SaveStatus['kind'][] = [];
    const a = new Autosave({ save, onStatus: (s) => statuses.push(s.kind) });
    a.change('one');
    await vi.advanceTimersByTimeAsync(300);
    expect(calls.map((c) => c.value)).toEqual(['one']);
    expect(a.status.kind).toBe('saving');
    expect(statusText(a.status)).toBe('Saving…');

    // Keeps typing while the disk is slow: no second save starts.
    a.change('one two');
    await vi.advanceTimersByTimeAsync(400);
    a.change('one two three');
    await vi.advanceTimersByTimeAsync(2_000);
    expect(calls).toHaveLength(1);
    expect(a.status.kind).toBe('saving');

    calls[0].resolve();
    await settle();
    // The first save is done but newer text is waiting: not "Saved", and its save starts now
    // (max wait has long passed).
    expect(calls.map((c) => c.value)).toEqual(['one', 'one two three']);
    expect(a.status.kind).toBe('saving');
    calls[1].resolve();
    await settle();
    expect(a.status.kind).toBe('saved');
    expect(statuses).toEqual(['dirty', 'saving', 'saved']);
  });

  it('never reports "saved" while a newer change is unsaved', async () => {
    const { save, calls } = manualSave();
    const seen: string[] = [];
    const a = new Autosave({ save, onStatus: (s) => seen.push(s.kind) });
    a.change('a');
    await vi.advanceTimersByTimeAsync(300);
    a.change('ab');
    calls[0].resolve();
    await settle();
    expect(a.status.kind).toBe('dirty');
    expect(seen).not.toContain('saved');
    await vi.advanceTimersByTimeAsync(300);
    calls[1].resolve();
    await settle();
    expect(a.status.kind).toBe('saved');
  });
});

describe('errors', () => {
  it('error → retrying with backoff → saved, never dropping the text', async () => {
    const { save, calls } = manualSave();
    const a = new Autosave({ save, describeError: (e) => (e as Error).message });
    a.change('precious words');
    await vi.advanceTimersByTimeAsync(300);
    calls[0].reject(new Error('disk full'));
    await settle();
    expect(a.status).toEqual({ kind: 'error', reason: 'disk full', attempt: 1, retryInMs: 500 });
    expect(statusText(a.status)).toBe('Not saved — disk full; retrying…');

    await vi.advanceTimersByTimeAsync(499);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(2);
    expect(calls[1].value).toBe('precious words');
    // Still "Not saved" while the retry runs: no flicker.
    expect(a.status.kind).toBe('error');
    calls[1].reject(new Error('disk full'));
    await settle();
    expect(a.status).toMatchObject({ kind: 'error', attempt: 2, retryInMs: 1_000 });

    // Typing during the backoff does not hammer the disk; the retry carries the new text.
    a.change('precious words, more');
    await vi.advanceTimersByTimeAsync(999);
    expect(calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls[2].value).toBe('precious words, more');
    calls[2].resolve();
    await settle();
    expect(a.status.kind).toBe('saved');
    // Latency counts from the first unsaved keystroke, retries included: 300 + 500 + 1000.
    expect(a.latencies()).toEqual([1_800]);
  });

  it('backs off exponentially up to the cap and keeps retrying', async () => {
    const save = vi.fn(async () => {
      throw new Error('locked');
    });
    const a = new Autosave({ save, retryMinMs: 500, retryMaxMs: 4_000 });
    a.change('x');
    await vi.advanceTimersByTimeAsync(300);
    const delays: number[] = [];
    for (let i = 0; i < 7; i++) {
      if (a.status.kind !== 'error') throw new Error('expected an error status');
      delays.push(a.status.retryInMs);
      await vi.advanceTimersByTimeAsync(a.status.retryInMs);
    }
    expect(delays).toEqual([500, 1_000, 2_000, 4_000, 4_000, 4_000, 4_000]);
    expect(save).toHaveBeenCalledTimes(8);
    expect(a.pending).toBe(true);
  });

  it('a save that throws synchronously is an error too', async () => {
    let fail = true;
    const save = vi.fn((_v: string) => {
      if (fail) throw new Error('boom');
      return Promise.resolve();
    });
    const a = new Autosave({ save });
    a.change('x');
    await vi.advanceTimersByTimeAsync(300);
    expect(a.status.kind).toBe('error');
    fail = false;
    await vi.advanceTimersByTimeAsync(500);
    expect(a.status.kind).toBe('saved');
  });
});

describe('flush', () => {
  it('saves at once and resolves when the latest text is on disk', async () => {
    const { save, calls } = manualSave();
    const a = new Autosave({ save });
    a.change('typed');
    let done = false;
    void a.flush().then(() => (done = true));
    expect(calls.map((c) => c.value)).toEqual(['typed']); // no debounce wait
    await settle();
    expect(done).toBe(false);
    calls[0].resolve();
    await settle();
    expect(done).toBe(true);
    expect(a.status.kind).toBe('saved');
  });

  it('waits for the in-flight save and then the queued one', async () => {
    const { save, calls } = manualSave();
    const a = new Autosave({ save });
    a.change('a');
    await vi.advanceTimersByTimeAsync(300);
    a.change('ab');
    let done = false;
    void a.flush().then(() => (done = true));
    calls[0].resolve();
    await settle();
    expect(done).toBe(false); // 'a' is on disk, 'ab' not yet
    expect(calls.map((c) => c.value)).toEqual(['a', 'ab']);
    calls[1].resolve();
    await settle();
    expect(done).toBe(true);
  });

  it('resolves at once when everything is saved', async () => {
    const a = new Autosave({ save: async () => {} });
    await expect(a.flush()).resolves.toBeUndefined();
  });

  it('retries at once after a failure and resolves only on success', async () => {
    const { save, calls } = manualSave();
    const a = new Autosave({ save });
    a.change('x');
    await vi.advanceTimersByTimeAsync(300);
    calls[0].reject(new Error('busy'));
    await settle();
    let done = false;
    void a.flush().then(() => (done = true));
    expect(calls).toHaveLength(2); // not waiting for the 500 ms backoff
    calls[1].reject(new Error('busy'));
    await settle();
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1_000);
    calls[2].resolve();
    await settle();
    expect(done).toBe(true);
  });

  it('flushWithin gives up waiting (but not saving) after the time limit', async () => {
    const save = vi.fn(async () => {
      throw new Error('read-only');
    });
    const a = new Autosave({ save });
    a.change('x');
    const ok = a.flushWithin(2_000);
    await vi.advanceTimersByTimeAsync(2_000);
    await expect(ok).resolves.toBe(false);
    expect(a.status.kind).toBe('error');
    const before = save.mock.calls.length;
    await vi.advanceTimersByTimeAsync(10_000);
    expect(save.mock.calls.length).toBeGreaterThan(before);
  });
});

describe('reset and discard', () => {
  it('reset marks a value written elsewhere as saved', async () => {
    const save = vi.fn(async () => {});
    const a = new Autosave({ save });
    a.change('draft');
    a.reset('restored');
    expect(a.status.kind).toBe('saved');
    await vi.advanceTimersByTimeAsync(2_000);
    expect(save).not.toHaveBeenCalled();
  });

  it('discard stops saving, waits for the running save, resolves flush waiters', async () => {
    const { save, calls } = manualSave();
    const a = new Autosave({ save });
    a.change('a');
    await vi.advanceTimersByTimeAsync(300);
    a.change('ab');
    const flushed = a.flush();
    let discarded = false;
    void a.discard().then(() => (discarded = true));
    await settle();
    expect(discarded).toBe(false);
    calls[0].resolve();
    await settle();
    expect(discarded).toBe(true);
    await expect(flushed).resolves.toBeUndefined();
    a.change('abc');
    await vi.advanceTimersByTimeAsync(2_000);
    expect(calls).toHaveLength(1);
  });
});

describe('saveKeepingGoodFields', () => {
  interface Note {
    notes: string;
    minutes: number;
    agenda: string;
  }
  const saved: Note = { notes: 'old notes', minutes: 60, agenda: 'old agenda' };
  /** The core's answer to a bad field, as the editor recognises it. */
  const refusal = (key: keyof Note) => ({ key, field: `session.${key}`, rule: `bad ${key}` });
  const refusalOf = (e: unknown) => (e as { refused?: keyof Note }).refused ? refusal((e as { refused: keyof Note }).refused) : null;

  it('a refused field goes back to its saved value and the rest is saved', async () => {
    const attempts: Note[] = [];
    const save = async (v: Note) => {
      attempts.push(v);
      if (v.minutes < 0) throw { refused: 'minutes' };
      return 'ok';
    };
    const out = await saveKeepingGoodFields({ notes: 'new notes', minutes: -5, agenda: 'new' }, saved, save, refusalOf);
    expect(out).toEqual({ saved: 'ok', refused: { 'session.minutes': 'bad minutes' } });
    expect(attempts.at(-1)).toEqual({ notes: 'new notes', minutes: 60, agenda: 'new' });
  });

  it('two refused fields: both given back, one attempt each', async () => {
    const save = vi.fn(async (v: Note) => {
      if (v.minutes < 0) throw { refused: 'minutes' };
      if (v.agenda.length > 3) throw { refused: 'agenda' };
    });
    const out = await saveKeepingGoodFields({ notes: 'typed', minutes: -1, agenda: 'far too long' }, { ...saved, agenda: 'ok' }, save, refusalOf);
    expect(save).toHaveBeenCalledTimes(3);
    expect(Object.keys(out.refused)).toEqual(['session.minutes', 'session.agenda']);
    expect(save).toHaveBeenLastCalledWith({ notes: 'typed', minutes: 60, agenda: 'ok' });
  });

  it('any other failure is thrown for the autosave to retry, nothing given back', async () => {
    const save = vi.fn(async () => {
      throw new Error('disk full');
    });
    await expect(saveKeepingGoodFields({ ...saved, notes: 'new' }, saved, save, refusalOf)).rejects.toThrow('disk full');
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('a field still refused after being given back is not tried forever', async () => {
    const save = vi.fn(async () => {
      throw { refused: 'minutes' };
    });
    await expect(saveKeepingGoodFields({ ...saved, minutes: -1 }, saved, save, refusalOf)).rejects.toEqual({ refused: 'minutes' });
    expect(save).toHaveBeenCalledTimes(2);
  });

  it('without a saved value to go back to, the refusal is thrown', async () => {
    const save = vi.fn(async () => {
      throw { refused: 'minutes' };
    });
    await expect(saveKeepingGoodFields({ ...saved, minutes: -1 }, null, save, refusalOf)).rejects.toEqual({ refused: 'minutes' });
    expect(save).toHaveBeenCalledTimes(1);
  });
});
