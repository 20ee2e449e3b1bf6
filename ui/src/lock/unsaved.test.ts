import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Autosave } from '../session/autosave';
import { flushUnsaved, track, unsaved } from './unsaved.svelte';

describe('unsaved text across a lock', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('counts text that is not on disk, keeps retrying it, and stops counting once it is saved', async () => {
    let diskFull = true;
    const written: string[] = [];
    const a = new Autosave<string>({
      save: async (v) => {
        if (diskFull) throw new Error('the disk is full');
        written.push(v);
      },
    });
    track(a);
    a.change('The client agreed to lead the re-org');
    expect(unsaved.count).toBe(1);
    // The lock gives it a moment, then locks anyway: the text is still counted, still held.
    const flushed = flushUnsaved(1_000);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await flushed).toBe(false);
    expect(unsaved.count).toBe(1);
    // Retries go on behind the lock screen; once the disk has room, it lands.
    diskFull = false;
    await vi.advanceTimersByTimeAsync(10_000);
    expect(written).toEqual(['The client agreed to lead the re-org']);
    expect(unsaved.count).toBe(0);
  });
});
