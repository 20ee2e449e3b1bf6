import { describe, expect, it, vi } from 'vitest';
import { handleShortcut, modalIsOpen, openModal } from './shortcuts';

function key(k: string, more: KeyboardEventInit = {}) {
  return new KeyboardEvent('keydown', { key: k, cancelable: true, ...more });
}

function actions() {
  return { newSession: vi.fn(), back: vi.fn(), search: vi.fn() };
}

describe('app shortcuts', () => {
  it('Ctrl+K opens search, from anywhere (Cmd+K too)', () => {
    const a = actions();
    expect(handleShortcut(key('k', { ctrlKey: true }), a)).toBe(true);
    expect(handleShortcut(key('K', { metaKey: true }), a)).toBe(true);
    expect(a.search).toHaveBeenCalledTimes(2);
    expect(handleShortcut(key('k'), a)).toBe(false);
  });

  it('Ctrl+Shift+D switches discreet mode, over a dialog too; Ctrl+D alone does nothing', () => {
    const a = { ...actions(), discreet: vi.fn() };
    expect(handleShortcut(key('D', { ctrlKey: true, shiftKey: true }), a)).toBe(true);
    const close = openModal();
    expect(handleShortcut(key('d', { ctrlKey: true, shiftKey: true }), a)).toBe(true);
    close();
    expect(handleShortcut(key('d', { ctrlKey: true }), a)).toBe(false);
    expect(a.discreet).toHaveBeenCalledTimes(2);
  });

  it('Esc goes back, unless something handled it already', () => {
    const a = actions();
    expect(handleShortcut(key('Escape'), a)).toBe(true);
    const handled = key('Escape');
    handled.preventDefault();
    expect(handleShortcut(handled, a)).toBe(false);
    expect(a.back).toHaveBeenCalledTimes(1);
  });

  it('with a modal open, Esc and Ctrl+N are left to it; Ctrl+K still answers', () => {
    const a = actions();
    const close = openModal();
    expect(modalIsOpen()).toBe(true);
    expect(handleShortcut(key('Escape'), a)).toBe(false);
    expect(handleShortcut(key('n', { ctrlKey: true }), a)).toBe(false);
    expect(handleShortcut(key('k', { ctrlKey: true }), a)).toBe(true);
    expect(a.back).not.toHaveBeenCalled();
    expect(a.newSession).not.toHaveBeenCalled();
    close();
    close(); // twice is harmless
    expect(modalIsOpen()).toBe(false);
    expect(handleShortcut(key('Escape'), a)).toBe(true);
  });
});
