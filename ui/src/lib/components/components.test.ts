// The component layer on its own: ids and ARIA wiring, focus, Esc, and the modal bookkeeping
// every screen relies on.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { createRawSnippet } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { modalIsOpen } from '../shortcuts';
import GrowingHarness from '../../test/GrowingHarness.svelte';
import PassphraseHarness from '../../test/PassphraseHarness.svelte';
import ConfirmDelete from './ConfirmDelete.svelte';
import Confirm from './Confirm.svelte';
import Dialog from './Dialog.svelte';
import Field from './Field.svelte';
import Spinner from './Spinner.svelte';
import { controlAttrs, type ControlAttrs } from './field';

afterEach(() => cleanup());

/** Field's control, drawn from the attributes it is given (as a form's snippet does). */
const input = createRawSnippet((attrs: () => ControlAttrs) => ({
  render: () => {
    const a = attrs();
    const extra = [a['aria-invalid'] && `aria-invalid="${a['aria-invalid']}"`, a['aria-describedby'] && `aria-describedby="${a['aria-describedby']}"`];
    return `<input id="${a.id}" ${extra.filter(Boolean).join(' ')}>`;
  },
}));

describe('Field', () => {
  it('labels its control and reads the hint and the error with it', () => {
    render(Field, { id: 'gf-title', label: 'Goal', hint: 'One line', error: 'Type a title', children: input });
    const control = screen.getByLabelText('Goal');
    expect(control.id).toBe('gf-title');
    expect(control.getAttribute('aria-invalid')).toBe('true');
    const described = control.getAttribute('aria-describedby')!.split(' ').map((id) => document.getElementById(id)?.textContent);
    expect(described).toEqual(['One line', 'Type a title']);
    expect(document.getElementById('gf-title-error')?.textContent).toBe('Type a title');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('without an error the control is not invalid and describes nothing it does not show', () => {
    render(Field, { id: 'gf-title', label: 'Goal', children: input });
    const control = screen.getByLabelText('Goal');
    expect(control.hasAttribute('aria-invalid')).toBe(false);
    expect(control.hasAttribute('aria-describedby')).toBe(false);
  });

  it('a lone field can announce its error', () => {
    render(Field, { id: 'lock', label: 'Passphrase', error: 'That passphrase is not right.', alert: true, children: input });
    expect(screen.getByRole('alert').textContent).toBe('That passphrase is not right.');
  });

  it('controlAttrs puts other describing text first', () => {
    expect(controlAttrs('s-private', { describedby: 's-private-hint', error: 'too long' })).toEqual({
      id: 's-private',
      'aria-invalid': 'true',
      'aria-describedby': 's-private-hint s-private-error',
    });
  });
});

describe('PassphraseInput', () => {
  it('is a password field the password manager fills for the right purpose, never spell-checked', () => {
    render(PassphraseHarness, { purpose: 'new' });
    const field = screen.getByLabelText('Passphrase') as HTMLInputElement;
    expect(field.type).toBe('password');
    expect(field.getAttribute('autocomplete')).toBe('new-password');
    expect(field.getAttribute('spellcheck')).toBe('false');
  });

  it('binds what is typed, and marks an error', async () => {
    render(PassphraseHarness, { purpose: 'current', error: 'Type your passphrase.' });
    const field = screen.getByLabelText('Passphrase') as HTMLInputElement;
    expect(field.getAttribute('autocomplete')).toBe('current-password');
    await fireEvent.input(field, { target: { value: 'correct horse' } });
    expect(screen.getByTestId('bound').textContent).toBe('correct horse');
    expect(field.getAttribute('aria-describedby')).toBe('pp-hint pp-error');
  });
});

describe('GrowingTextarea', () => {
  it('keeps a hidden copy of the text that sets its height, and passes the field wiring on', async () => {
    render(GrowingHarness, { error: 'Too long' });
    const area = screen.getByLabelText('Notes') as HTMLTextAreaElement;
    expect(area.tagName).toBe('TEXTAREA');
    expect(area.getAttribute('aria-describedby')).toBe('notes-error');
    expect(area.rows).toBe(3);
    await fireEvent.input(area, { target: { value: 'a\nlonger\ntext' } });
    const mirror = area.parentElement!.querySelector('.mirror')!;
    expect(mirror.getAttribute('aria-hidden')).toBe('true');
    // One character past the text, so a last empty line still counts towards the height.
    expect(mirror.textContent).toBe('a\nlonger\ntext ');
    expect(screen.getByTestId('bound').textContent).toBe('a\nlonger\ntext');
  });
});

describe('Spinner', () => {
  it('is decorative', () => {
    const { container } = render(Spinner);
    expect(container.querySelector('.spinner')?.getAttribute('aria-hidden')).toBe('true');
  });
});

const body = createRawSnippet(() => ({
  render: () => '<div><h2 id="dlg-title">Report</h2><button>First</button><input aria-label="Middle"><button>Last</button></div>',
}));

describe('Dialog', () => {
  it('is a named modal while open, and frees the shortcuts before telling its owner it closed', async () => {
    let openAtClose: boolean | null = null;
    const onclose = vi.fn(() => (openAtClose = modalIsOpen()));
    const { unmount } = render(Dialog, { labelledby: 'dlg-title', onclose, children: body });
    const dialog = screen.getByRole('dialog', { name: 'Report' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(modalIsOpen()).toBe(true);
    const behind = vi.fn();
    window.addEventListener('keydown', behind);
    await fireEvent.keyDown(screen.getByText('First'), { key: 'Escape' });
    window.removeEventListener('keydown', behind);
    expect(onclose).toHaveBeenCalledTimes(1);
    expect(openAtClose).toBe(false);
    expect(behind).not.toHaveBeenCalled();
    unmount();
    expect(modalIsOpen()).toBe(false);
  });

  it('Tab wraps around inside it, both ways', async () => {
    render(Dialog, { label: 'Report', onclose: () => {}, children: body });
    const first = screen.getByText('First');
    const last = screen.getByText('Last');
    last.focus();
    await fireEvent.keyDown(last, { key: 'Tab' });
    expect(document.activeElement).toBe(first);
    await fireEvent.keyDown(first, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(last);
  });

  it('a click on the backdrop closes it; a click inside does not', async () => {
    const onclose = vi.fn();
    render(Dialog, { label: 'Report', onclose, children: body });
    await fireEvent.mouseDown(screen.getByRole('dialog'));
    await fireEvent.mouseDown(screen.getByText('First'));
    expect(onclose).not.toHaveBeenCalled();
    await fireEvent.mouseDown(screen.getByRole('presentation'));
    expect(onclose).toHaveBeenCalledTimes(1);
  });

  it('a key its owner takes (preventDefault) is not also handled by the dialog', async () => {
    const onclose = vi.fn();
    render(Dialog, { label: 'Search', onclose, onkeydown: (e: KeyboardEvent) => e.preventDefault(), children: body });
    await fireEvent.keyDown(screen.getByText('First'), { key: 'Escape' });
    expect(onclose).not.toHaveBeenCalled();
  });
});

describe('Confirm', () => {
  const detail = createRawSnippet(() => ({ render: () => '<span>The current file is kept.</span>' }));

  it('asks with its question and detail, Cancel focused so a stray Enter does nothing', () => {
    render(Confirm, { id: 'restore', question: 'Restore it?', detail, confirmLabel: 'Restore', onconfirm: () => {}, oncancel: () => {} });
    const box = screen.getByRole('alertdialog', { name: 'Restore it?' });
    expect(box.getAttribute('aria-describedby')).toBe('restore-d');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' }));
  });

  it('where confirming is the point of the screen, the action has the focus', () => {
    render(Confirm, { id: 'r', question: 'Restore?', confirmLabel: 'Restore', focus: 'confirm', onconfirm: () => {}, oncancel: () => {} });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Restore' }));
  });

  it('Esc cancels, but not while the action runs', async () => {
    const oncancel = vi.fn();
    const { rerender } = render(Confirm, { id: 'r', question: 'Restore?', confirmLabel: 'Restore', busyLabel: 'Restoring…', busy: true, onconfirm: () => {}, oncancel });
    expect(screen.getByRole('button', { name: 'Restoring…' }).hasAttribute('disabled')).toBe(true);
    await fireEvent.keyDown(screen.getByRole('alertdialog'), { key: 'Escape' });
    expect(oncancel).not.toHaveBeenCalled();
    await rerender({ busy: false });
    await fireEvent.keyDown(screen.getByRole('alertdialog'), { key: 'Escape' });
    expect(oncancel).toHaveBeenCalledTimes(1);
  });
});

describe('ConfirmDelete', () => {
  it('names the record and what goes with it, and deletes once on confirming', async () => {
    const ondelete = vi.fn(async () => {});
    render(ConfirmDelete, { what: 'goal', consequence: 'Its check-ins are deleted too.', ondelete, oncancel: () => {} });
    const box = screen.getByRole('alertdialog', { name: 'Delete this goal?' });
    expect(box.textContent).toContain('Its check-ins are deleted too.');
    await fireEvent.click(screen.getByRole('button', { name: 'Delete goal' }));
    expect(ondelete).toHaveBeenCalledTimes(1);
  });

  it('a failed delete is said in place and can be tried again', async () => {
    let fail = true;
    const ondelete = vi.fn(async () => {
      if (fail) throw { kind: 'read_only', field: null, message: 'the disk does not allow changes' };
    });
    render(ConfirmDelete, { what: 'session', consequence: 'Gone for good.', ondelete, oncancel: () => {} });
    await fireEvent.click(screen.getByRole('button', { name: 'Delete session' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Could not delete the session: the disk does not allow changes'));
    expect(screen.getByRole('button', { name: 'Delete session' }).hasAttribute('disabled')).toBe(false);
    fail = false;
    await fireEvent.click(screen.getByRole('button', { name: 'Delete session' }));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(ondelete).toHaveBeenCalledTimes(2);
  });
});
