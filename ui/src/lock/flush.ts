// Before the app locks, whatever the session editor has not saved yet is saved: the editor's
// Ctrl+S handler is its autosave flush (the same path as closing the window).
import { flushTopSave } from '../lib/shortcuts';

/** True when nothing is left unsaved (or there was nothing to save). */
export function flushBeforeLock(editorOpen: boolean, ms = 5_000): Promise<boolean> {
  if (!editorOpen) return Promise.resolve(true);
  return flushTopSave(ms);
}
