// The editor's visible save state, with the Tauri IPC mocked (the real `invoke` path, a fake
// backend behind it).
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { clearMocks, mockIPC, mockWindows } from '@tauri-apps/api/mocks';
import { emit } from '@tauri-apps/api/event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Session } from '../bindings/Session';
import type { SessionDetails } from '../bindings/SessionDetails';
import { saveNow } from '../lib/shortcuts';
import { discreet } from '../lib/discreet.svelte';
import SessionEditor from './SessionEditor.svelte';
import { goal as goalFixture } from '../test/fixtures';

const SESSION_ID = '7d3f5f0e-3a61-4c55-9a1e-2f4b8f0f0001';
const CLIENT_ID = '7d3f5f0e-3a61-4c55-9a1e-2f4b8f0f0002';
const GOAL_A = '7d3f5f0e-3a61-4c55-9a1e-2f4b8f0f00a1';
const GOAL_B = '7d3f5f0e-3a61-4c55-9a1e-2f4b8f0f00b2';

interface Backend {
  session: Session;
  saves: SessionDetails[];
  calls: string[];
  /** Set to make save_session fail with this report. */
  failWith: { kind: string; field: string | null; message: string } | null;
  /** Milliseconds every save_session takes. */
  saveDelay: number;
}

let backend: Backend;

function fakeBackend(): Backend {
  const b: Backend = {
    session: {
      id: SESSION_ID,
      client_id: CLIENT_ID,
      created_at: '2026-03-02T08:00:00Z',
      updated_at: '2026-03-02T08:00:00Z',
      starts_at: '2026-03-02T09:30:00+01:00',
      duration_minutes: 60,
      format: 'one_to_one',
      medium: 'video',
      status: 'held',
      agenda: '',
      notes: 'Opening notes',
      private_notes: '',
      takeaways: '',
      next_steps: '',
      goal_ids: [GOAL_A],
    },
    saves: [],
    calls: [],
    failWith: null,
    saveDelay: 0,
  };
  const goal = (id: string, title: string) => goalFixture({ id, client_id: CLIENT_ID, title });
  mockIPC(
    async (cmd, args) => {
      const a = (args ?? {}) as Record<string, unknown>;
      b.calls.push(cmd);
      switch (cmd) {
        case 'get_session':
          return structuredClone(b.session);
        case 'client_overview':
          return { client: { name: 'Ana Ruiz' }, goals: [], assignments: [], sessions: { sessions: [], total: 0 } };
        case 'client_goals':
          return [goal(GOAL_A, 'Delegate the quarterly plan'), goal(GOAL_B, 'Give feedback within a day')];
        case 'save_session': {
          const details = a.details as SessionDetails;
          if (b.saveDelay) await new Promise((r) => setTimeout(r, b.saveDelay));
          if (b.failWith) throw b.failWith;
          if (details.duration_minutes < 1 || details.duration_minutes > 720) {
            throw {
              kind: 'invalid',
              field: 'session.duration_minutes',
              message: `session.duration_minutes: must be between 1 and 720 (got ${details.duration_minutes})`,
            };
          }
          b.saves.push(structuredClone(details));
          b.session = { ...b.session, ...details };
          return structuredClone(b.session);
        }
        case 'note_revisions':
          return [];
        default:
          return null;
      }
    },
    { shouldMockEvents: true },
  );
  return b;
}

const saveState = () => screen.getByTestId('save-state').textContent?.trim();

async function openEditor() {
  render(SessionEditor, { id: SESSION_ID, clientId: CLIENT_ID });
  await screen.findByLabelText('Notes');
  expect(saveState()).toBe('Saved');
}

beforeEach(() => {
  mockWindows('main');
  backend = fakeBackend();
});

afterEach(async () => {
  // An editor with unsaved text keeps retrying after it is gone (by design): let it finish here,
  // or it would save into the next test's backend.
  const state = screen.queryByTestId('save-state');
  if (state) await waitFor(() => expect(state.textContent?.trim()).toBe('Saved'), { timeout: 3_000 }).catch(() => {});
  clearMocks();
});

describe('SessionEditor', () => {
  it('loads the session: fields, labels, the private notes warning, goals', async () => {
    await openEditor();
    expect((screen.getByLabelText('Notes') as HTMLTextAreaElement).value).toBe('Opening notes');
    expect(screen.getByLabelText('Private notes')).toBeTruthy();
    expect(screen.getByText('Only you see this — never in client or sponsor reports')).toBeTruthy();
    expect((screen.getByLabelText('Date and time') as HTMLInputElement).value).toBe('2026-03-02T09:30');
    expect(screen.getByText('Time zone UTC+01:00, kept when you edit')).toBeTruthy();
    expect((screen.getByLabelText('Delegate the quarterly plan') as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText('Give feedback within a day') as HTMLInputElement).checked).toBe(false);
    expect(screen.getByText('Ana Ruiz')).toBeTruthy();
    // Opening is not a change: nothing saved.
    await new Promise((r) => setTimeout(r, 400));
    expect(backend.saves).toHaveLength(0);
  });

  it('discreet mode takes the private notes out of the page, and brings them back when off', async () => {
    backend.session.private_notes = 'Worried about the board; do not share';
    await openEditor();
    expect(document.body.innerHTML).toContain('Worried about the board');
    discreet.on = true;
    await waitFor(() => expect(screen.getByTestId('private-hidden')).toBeTruthy());
    expect(document.body.innerHTML).not.toContain('Worried about the board');
    // The notes are still the session's: typing elsewhere saves them unchanged.
    await fireEvent.input(screen.getByLabelText('Notes'), { target: { value: 'Shared notes' } });
    await waitFor(() => expect(backend.saves.at(-1)?.private_notes).toBe('Worried about the board; do not share'));
    discreet.on = false;
    await waitFor(() => expect((screen.getByLabelText('Private notes') as HTMLTextAreaElement).value).toContain('Worried'));
  });

  it('typing shows "Saving…" then "Saved" once the whole session is on disk', async () => {
    backend.saveDelay = 50;
    await openEditor();
    await fireEvent.input(screen.getByLabelText('Notes'), { target: { value: 'Opening notes\nShe wants to delegate' } });
    await waitFor(() => expect(saveState()).toBe('Saving…'));
    await waitFor(() => expect(saveState()).toBe('Saved'), { timeout: 2_000 });
    expect(backend.saves.at(-1)).toMatchObject({
      notes: 'Opening notes\nShe wants to delegate',
      starts_at: '2026-03-02T09:30:00+01:00',
      duration_minutes: 60,
      goal_ids: [GOAL_A],
    });
  });

  it('every field goes through the same save: private notes, a goal, the time keeps its offset', async () => {
    await openEditor();
    await fireEvent.input(screen.getByLabelText('Private notes'), { target: { value: 'Tired today' } });
    await fireEvent.click(screen.getByLabelText('Give feedback within a day'));
    await fireEvent.input(screen.getByLabelText('Date and time'), { target: { value: '2026-03-02T10:15' } });
    await waitFor(() => expect(saveState()).toBe('Saved'), { timeout: 2_000 });
    await waitFor(() => expect(backend.saves.length).toBeGreaterThan(0));
    expect(backend.saves.at(-1)).toMatchObject({
      private_notes: 'Tired today',
      goal_ids: [GOAL_A, GOAL_B],
      starts_at: '2026-03-02T10:15:00+01:00',
      notes: 'Opening notes',
    });
  });

  it('a full disk says so: "Not saved — the disk is full; retrying…", the text stays', async () => {
    await openEditor();
    backend.failWith = { kind: 'disk_full', field: null, message: 'database error: database or disk is full' };
    await fireEvent.input(screen.getByLabelText('Notes'), { target: { value: 'Typed on a full disk' } });
    await waitFor(() => expect(saveState()).toBe('Not saved — the disk is full; retrying…'), { timeout: 2_000 });
    expect((screen.getByLabelText('Notes') as HTMLTextAreaElement).value).toBe('Typed on a full disk');
    backend.failWith = null;
    await waitFor(() => expect(saveState()).toBe('Saved'), { timeout: 3_000 });
  });

  it('a failing save shows "Not saved" with the reason, retries, and recovers by itself', async () => {
    await openEditor();
    backend.failWith = { kind: 'database', field: null, message: 'database error: disk I/O error' };
    await fireEvent.input(screen.getByLabelText('Notes'), { target: { value: 'Words that must survive' } });
    await waitFor(() => expect(saveState()).toBe('Not saved — database error: disk I/O error; retrying…'), {
      timeout: 2_000,
    });
    expect(screen.getByTestId('save-state').getAttribute('role')).toBe('status');
    expect((screen.getByLabelText('Notes') as HTMLTextAreaElement).value).toBe('Words that must survive');
    backend.failWith = null;
    await waitFor(() => expect(saveState()).toBe('Saved'), { timeout: 3_000 });
    expect(backend.saves.at(-1)?.notes).toBe('Words that must survive');
  });

  it('a field the core refuses shows its error beside it, keeps the text, and the notes still save', async () => {
    await openEditor();
    await fireEvent.input(screen.getByLabelText('Duration'), { target: { value: '0' } });
    await fireEvent.input(screen.getByLabelText('Notes'), { target: { value: 'Still saved' } });
    await waitFor(() => expect(screen.getByText('must be between 1 and 720 (got 0)')).toBeTruthy(), {
      timeout: 2_000,
    });
    expect((screen.getByLabelText('Duration') as HTMLInputElement).value).toBe('0');
    expect(screen.getByLabelText('Duration').getAttribute('aria-invalid')).toBe('true');
    expect(backend.saves.at(-1)).toMatchObject({ notes: 'Still saved', duration_minutes: 60 });
    expect(saveState()).toBe('Duration not saved — see the field; everything else is saved');

    await fireEvent.input(screen.getByLabelText('Duration'), { target: { value: '45' } });
    await waitFor(() => expect(saveState()).toBe('Saved'), { timeout: 2_000 });
    expect(backend.saves.at(-1)?.duration_minutes).toBe(45);
    expect(screen.queryByText(/must be between/)).toBeNull();
  });

  it('Ctrl+S saves at once, without waiting for the pause in typing', async () => {
    await openEditor();
    await fireEvent.input(screen.getByLabelText('Notes'), { target: { value: 'Now' } });
    saveNow();
    await waitFor(() => expect(backend.saves.at(-1)?.notes).toBe('Now'), { timeout: 150 });
  });

  it('closing the window flushes the notes before the window is destroyed', async () => {
    backend.saveDelay = 100;
    await openEditor();
    await new Promise((r) => setTimeout(r, 50)); // the close listener registers
    await fireEvent.input(screen.getByLabelText('Notes'), { target: { value: 'Last words' } });
    await emit('tauri://close-requested', null);
    await waitFor(() => expect(backend.calls).toContain('plugin:window|destroy'), { timeout: 2_000 });
    const saveAt = backend.calls.lastIndexOf('save_session');
    expect(saveAt).toBeGreaterThanOrEqual(0);
    expect(backend.calls.indexOf('plugin:window|destroy')).toBeGreaterThan(saveAt);
    expect(backend.saves.at(-1)?.notes).toBe('Last words');
  });

  it('the markdown preview shows formatting and no raw HTML', async () => {
    await openEditor();
    await fireEvent.input(screen.getByLabelText('Notes'), {
      target: { value: '**Big** step\n<img src=x onerror=alert(1)>' },
    });
    await fireEvent.click(screen.getByRole('button', { name: 'Preview' }));
    const preview = screen.getByTestId('notes-preview');
    expect(preview.querySelector('strong')?.textContent).toBe('Big');
    expect(preview.querySelector('img')).toBeNull();
    expect(preview.textContent).toContain('<img src=x onerror=alert(1)>');
  });
});

describe('History, delete, Esc', () => {
  const rev = (id: number, notes: string, minutesAgo: number) => ({
    id,
    session_id: SESSION_ID,
    started_at: new Date(Date.now() - minutesAgo * 60_000).toISOString(),
    saved_at: new Date(Date.now() - minutesAgo * 60_000 + 30_000).toISOString(),
    notes,
    private_notes: '',
    restored_from: null,
  });

  it('restores a revision after confirmation, and does not save the old text over it', async () => {
    const calls: { cmd: string; args: Record<string, unknown> }[] = [];
    const b = backend;
    mockIPC(
      async (cmd, args) => {
        const a = (args ?? {}) as Record<string, unknown>;
        calls.push({ cmd, args: a });
        switch (cmd) {
          case 'get_session':
            return structuredClone(b.session);
          case 'client_overview':
            return { client: { name: 'Ana Ruiz' } };
          case 'client_goals':
            return [];
          case 'note_revisions':
            return [rev(2, 'Opening notes', 1), rev(1, 'The first draft of the notes', 30)];
          case 'restore_note_revision':
            b.session = { ...b.session, notes: 'The first draft of the notes' };
            return structuredClone(b.session);
          case 'save_session':
            b.session = { ...b.session, ...(a.details as SessionDetails) };
            return structuredClone(b.session);
          default:
            return null;
        }
      },
      { shouldMockEvents: true },
    );
    await openEditor();
    await fireEvent.click(screen.getByRole('button', { name: 'History' }));
    await screen.findByText('The first draft of the notes');
    expect(screen.getByText('Current')).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: 'Restore…' }));
    const dialog = screen.getByRole('alertdialog');
    expect(dialog.textContent).toContain('What is there now stays in History');
    expect(calls.some((c) => c.cmd === 'restore_note_revision')).toBe(false);
    await fireEvent.click(screen.getByRole('button', { name: 'Restore this version' }));
    await waitFor(() =>
      expect((screen.getByLabelText('Notes') as HTMLTextAreaElement).value).toBe('The first draft of the notes'),
    );
    expect(calls.find((c) => c.cmd === 'restore_note_revision')?.args).toEqual({ sessionId: SESSION_ID, revisionId: 1 });
    await new Promise((r) => setTimeout(r, 500));
    expect(saveState()).toBe('Saved');
    // (An earlier test's editor may still flush into this mock: look only after the restore.)
    const restoredAt = calls.findIndex((c) => c.cmd === 'restore_note_revision');
    expect(calls.slice(restoredAt).filter((c) => c.cmd === 'save_session')).toEqual([]);
  });

  it('deletes only after confirmation, and saves nothing after the delete', async () => {
    await openEditor();
    await fireEvent.input(screen.getByLabelText('Notes'), { target: { value: 'About to go' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Delete session' }));
    expect(backend.calls).not.toContain('delete_session');
    const dialog = screen.getByRole('alertdialog');
    expect(dialog.textContent).toContain('cannot be undone');
    // The confirm button is the second "Delete session" (the first opened the dialog).
    const confirm = screen.getAllByRole('button', { name: 'Delete session' }).find((el) => dialog.contains(el))!;
    await fireEvent.click(confirm);
    await waitFor(() => expect(backend.calls).toContain('delete_session'));
    const after = backend.calls.length;
    await new Promise((r) => setTimeout(r, 1_000));
    expect(backend.calls.slice(after)).not.toContain('save_session');
  });

  it('Esc with unsaved text saves first, then goes back', async () => {
    const { nav } = await import('../lib/router.svelte');
    nav.stack = [{ name: 'client', id: CLIENT_ID }, { name: 'session', id: SESSION_ID, clientId: CLIENT_ID }];
    backend.saveDelay = 100;
    await openEditor();
    await fireEvent.input(screen.getByLabelText('Notes'), { target: { value: 'Leaving now' } });
    const esc = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true });
    screen.getByLabelText('Notes').dispatchEvent(esc);
    expect(esc.defaultPrevented).toBe(true); // App's own Esc handler stands aside
    expect(nav.stack).toHaveLength(2);
    await waitFor(() => expect(nav.stack).toHaveLength(1), { timeout: 2_000 });
    expect(backend.saves.at(-1)?.notes).toBe('Leaving now');
  });

  it('opened from a search hit: that field focused, the first occurrence selected', async () => {
    backend.session.private_notes = 'Tense.\nShe REHEARSED the board talk; rehearsed again later.';
    render(SessionEditor, {
      id: SESSION_ID,
      clientId: CLIENT_ID,
      focus: { field: 'private_notes', text: 'rehearsed' },
    });
    const priv = (await screen.findByLabelText('Private notes')) as HTMLTextAreaElement;
    await waitFor(() => expect(document.activeElement).toBe(priv));
    expect(priv.value.slice(priv.selectionStart, priv.selectionEnd)).toBe('REHEARSED');
    expect(priv.selectionStart).toBe(11);
  });

  it('with the search palette open, Esc is left to it', async () => {
    const { nav } = await import('../lib/router.svelte');
    const { openModal } = await import('../lib/shortcuts');
    nav.stack = [{ name: 'client', id: CLIENT_ID }, { name: 'session', id: SESSION_ID, clientId: CLIENT_ID }];
    await openEditor();
    await fireEvent.click(screen.getByRole('button', { name: 'History' }));
    const close = openModal();
    try {
      const esc = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true });
      screen.getByLabelText('Notes').dispatchEvent(esc);
      expect(esc.defaultPrevented).toBe(false);
      expect(screen.getByRole('button', { name: 'History' }).getAttribute('aria-pressed')).toBe('true');
      expect(nav.stack).toHaveLength(2);
    } finally {
      close();
    }
  });
});
