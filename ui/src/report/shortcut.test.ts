import { describe, expect, it, vi } from 'vitest';
import { handleShortcut, onReportShortcut, openModal } from '../lib/shortcuts';

const key = (k: string, more: KeyboardEventInit = {}) => new KeyboardEvent('keydown', { key: k, cancelable: true, ...more });
const actions = () => ({ newSession: vi.fn(), back: vi.fn(), search: vi.fn() });

describe('Ctrl+P: progress report', () => {
  it('opens the report of the screen that registered it, until it unregisters', () => {
    const open = vi.fn();
    const off = onReportShortcut(open);
    expect(handleShortcut(key('p', { ctrlKey: true }), actions())).toBe(true);
    expect(open).toHaveBeenCalledTimes(1);
    off();
    expect(handleShortcut(key('p', { ctrlKey: true }), actions())).toBe(true);
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('is swallowed while a dialog is open (no second dialog, no print dialog)', () => {
    const open = vi.fn();
    const off = onReportShortcut(open);
    const close = openModal();
    expect(handleShortcut(key('P', { metaKey: true }), actions())).toBe(true);
    expect(open).not.toHaveBeenCalled();
    close();
    off();
  });

  it('plain p and Ctrl+Shift+P are not the shortcut', () => {
    const open = vi.fn();
    const off = onReportShortcut(open);
    expect(handleShortcut(key('p'), actions())).toBe(false);
    expect(handleShortcut(key('p', { ctrlKey: true, shiftKey: true }), actions())).toBe(false);
    expect(open).not.toHaveBeenCalled();
    off();
  });
});
