// Keyboard-first: app-wide shortcuts live here; a screen registers what Ctrl+S means for it.
// Ctrl+K opens the search palette from anywhere.

type Handler = () => void | Promise<void>;
const saveHandlers: Handler[] = [];

/** Adds `handler` on top of `list` (the newest screen's wins); the returned function removes it. */
function register(list: Handler[], handler: Handler): () => void {
  list.push(handler);
  return () => {
    const i = list.indexOf(handler);
    if (i >= 0) list.splice(i, 1);
  };
}

/** A screen with something to save registers it; the returned function unregisters. */
export function onSaveShortcut(handler: Handler): () => void {
  return register(saveHandlers, handler);
}

export function saveNow(): void {
  void saveHandlers[saveHandlers.length - 1]?.();
}

/** Ctrl+P: the client screen registers "Progress report…"; the returned function unregisters. */
const reportHandlers: Handler[] = [];
export function onReportShortcut(handler: Handler): () => void {
  return register(reportHandlers, handler);
}

/**
 * A modal dialog (the search palette) is open: Esc is its own (it closes it, the screen behind
 * must not also go back or close a panel), and nothing may navigate behind it.
 */
let modals = 0;
export function modalIsOpen(): boolean {
  return modals > 0;
}
/** Call when a modal opens; the returned function when it closes. */
export function openModal(): () => void {
  modals++;
  let closed = false;
  return () => {
    if (!closed) modals--;
    closed = true;
  };
}

export interface ShortcutActions {
  newSession: () => void;
  back: () => void;
  search: () => void;
  /** Ctrl+L: lock now (only with a passphrase). */
  lock?: () => void;
  /** Ctrl+Shift+D: discreet mode on or off. */
  discreet?: () => void;
}

/** Maps a key event to an app action; returns true when it handled the event. */
export function handleShortcut(e: KeyboardEvent, actions: ShortcutActions): boolean {
  const mod = e.ctrlKey || e.metaKey;
  if (mod && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'k') {
    actions.search();
    return true;
  }
  // Discreet mode, like the lock, works over anything: the coach may need it at once.
  if (mod && e.shiftKey && !e.altKey && e.key.toLowerCase() === 'd' && actions.discreet) {
    actions.discreet();
    return true;
  }
  // Lock works over anything, the search palette included.
  if (mod && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'l' && actions.lock) {
    actions.lock();
    return true;
  }
  if (modalIsOpen()) {
    // Ctrl+S still saves what is behind; Esc and Ctrl+N belong to the dialog.
    if (mod && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 's') {
      saveNow();
      return true;
    }
    // Ctrl+P never reaches the web view's print dialog (it would print the app screen).
    return mod && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'p';
  }
  if (mod && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'p') {
    void reportHandlers[reportHandlers.length - 1]?.();
    return true;
  }
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
