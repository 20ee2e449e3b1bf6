// Timings the end-to-end tests read back from the window (`window.__coachbook…`): keystroke to
// disk, keystroke to results on screen. Kept to the newest 2,000 each so a long run stays small.

const MAX = 2_000;

/** Appends each value to its list on `window` (created on first use). */
export function recordSamples(samples: Record<string, number>): void {
  const w = window as unknown as Record<string, number[] | undefined>;
  for (const [name, value] of Object.entries(samples)) {
    const list = (w[name] ??= []);
    list.push(value);
    if (list.length > MAX) list.shift();
  }
}
