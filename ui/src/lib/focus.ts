// Keyboard-first navigation: when a screen changes, the control that had the focus is usually
// gone (the row that was clicked, the form that was saved). Rather than leave the focus on
// <body> — where Tab starts over from the sidebar — it goes to the new screen's heading.
import { tick } from 'svelte';

/** True when nothing in particular has the focus. */
export function focusIsLost(): boolean {
  const el = document.activeElement;
  return !el || el === document.body || !el.isConnected;
}

/** A screen's first load: once its data is on screen, the heading takes the focus if nothing has it. */
export async function loadThenFocus(load: () => Promise<void>, root: () => ParentNode | null | undefined): Promise<void> {
  await load();
  await tick();
  focusHeadingIfLost(root());
}

/** Focuses the first <h1> inside `root` (it needs tabindex="-1") if the focus is lost. */
export function focusHeadingIfLost(root: ParentNode | null | undefined = document): void {
  if (!root || !focusIsLost()) return;
  root.querySelector<HTMLElement>('h1[tabindex="-1"]')?.focus();
}
