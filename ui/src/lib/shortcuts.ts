// Keyboard-first: app-wide shortcuts live here; a screen registers what Ctrl+S means for it.
// Ctrl+K is reserved for search (not yet built).

type Handler = () => void | Promise<void>;
const saveHandlers: Handler[] = [];

/** A screen with something to save registers it; the returned function unregisters. */
export function onSaveShortcut(handler: Handler): () => void {
  saveHandlers.push(handler);
  return () => {
    const i = saveHandlers.indexOf(handler);
    if (i >= 0) saveHandlers.splice(i, 1);
  };
}

export function saveNow(): void {
  void saveHandlers[saveHandlers.length - 1]?.();
}

export interface ShortcutActions {
  newSession: () => void;
  back: () => void;
}

/** Maps a key event to an app action; returns true when it handled the event. */
export function handleShortcut(e: KeyboardEvent, actions: ShortcutActions): boolean {
  const mod = e.ctrlKey || e.metaKey;
  if (mod && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 's') {
    saveNow();
    return true;
  }
  if (mod && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'n') {
    actions.newSession();
    return true;
  }
  if (e.key === 'Escape' && !e.defaultPrevented) {
    actions.back();
    return true;
  }
  return false;
}
