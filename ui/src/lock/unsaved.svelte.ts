// Text typed but not yet on disk, wherever its screen went: the session editor registers its
// autosave here. When the app locks, every screen unmounts at once; the autosave lives on in
// memory (never in the page), keeps retrying, and saves once the practice is unlocked. The
// lock screen reads `unsaved` to say so, and to warn before Quit would lose it.

/** What the registry needs of an autosave controller (see session/autosave.ts). */
export interface Pending {
  readonly pending: boolean;
  readonly status: { kind: string; reason?: string };
  flushWithin(ms: number): Promise<boolean>;
  subscribe(listener: (s: { kind: string }) => void): () => void;
}

export const unsaved = $state({
  count: 0,
  /** Why the last attempt of each failed, if it did ("the disk is full"). */
  reasons: [] as string[],
});
const waiting = new Set<Pending>();

function publish(): void {
  unsaved.count = waiting.size;
  unsaved.reasons = [...waiting].flatMap((a) => (a.status.kind === 'error' && a.status.reason ? [a.status.reason] : []));
}

function update(a: Pending): void {
  if (a.pending) waiting.add(a);
  else waiting.delete(a);
  publish();
}

/** Follows `a` until the page is gone: it counts while something of it is not on disk. */
export function track(a: Pending): () => void {
  update(a);
  const stop = a.subscribe(() => update(a));
  return () => {
    stop();
    waiting.delete(a);
    publish();
  };
}

/** Gives every unsaved text up to `ms` to reach disk (retrying now); true when nothing is left. */
export async function flushUnsaved(ms: number): Promise<boolean> {
  const all = [...waiting];
  const results = await Promise.all(all.map((a) => a.flushWithin(ms)));
  return results.every(Boolean);
}

// The end-to-end tests read it (never shown: it holds no text, only counts and reasons).
if (typeof window !== 'undefined') (window as unknown as { __coachbookUnsaved: typeof unsaved }).__coachbookUnsaved = unsaved;
