// The start-up screen against a mocked Rust side: the message and the ways out for each problem.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const invoke = vi.hoisted(() => vi.fn());
vi.mock('@tauri-apps/api/core', () => ({ invoke }));
vi.mock('@tauri-apps/plugin-dialog', () => ({ open: vi.fn(async () => '/other/practice.db') }));
vi.mock('@tauri-apps/api/window', () => ({ getCurrentWindow: () => ({ destroy: vi.fn() }) }));

import StartupProblem from './StartupProblem.svelte';
import { backupSize, problemTitle, type Problem } from './startup';
import { onReopened } from '../lib/api';
import type { StartupState } from '../bindings/StartupState';
import type { BackupInfo } from '../bindings/BackupInfo';

const backup: BackupInfo = {
  taken_at: '2026-11-23T09:30:00Z',
  kind: 'scheduled',
  size: 1_234_567,
  path: '/data/backups/coachbook-20261123-093000.db',
  encrypted: false,
};

function startup(problem: Problem['problem'], latest: BackupInfo | null): { s: StartupState; status: Problem } {
  const status: Problem = { kind: 'problem', problem, message: 'What is wrong, in one sentence.', latest_backup: latest };
  return { s: { version: '0.1.0', schema_version: 7, db_path: '/data/coachbook.db', status }, status };
}

const ready: StartupState = { version: '0.1.0', schema_version: 7, db_path: '/data/coachbook.db', status: { kind: 'ready' } };

beforeEach(() => {
  invoke.mockReset();
});
afterEach(() => cleanup());

describe('words', () => {
  it('titles each problem and sizes a backup', () => {
    expect(problemTitle({ kind: 'damaged', message: '' })).toMatch(/damaged/);
    expect(problemTitle({ kind: 'newer', found: 9, supported: 7 })).toMatch(/newer Coachbook/);
    expect(backupSize(backup)).toBe('1.2 MB');
    expect(backupSize({ ...backup, size: 4_000 })).toBe('< 0.1 MB');
  });
});

describe('StartupProblem', () => {
  it('restores the latest backup only after a confirmation, then reports the reopened practice', async () => {
    const { s, status } = startup({ kind: 'damaged', message: 'x' }, backup);
    invoke.mockImplementation(async (cmd: string) => {
      if (cmd === 'restore_backup') return ready;
      throw new Error(`unexpected ${cmd}`);
    });
    const reopened = vi.fn();
    onReopened(reopened);
    render(StartupProblem, { startup: s, status });
    expect(screen.getByRole('heading', { name: 'Your practice file is damaged' })).toBeTruthy();
    expect(screen.getByTestId('latest-backup').textContent).toContain('1.2 MB');

    await fireEvent.click(screen.getByTestId('restore-latest'));
    expect(invoke).not.toHaveBeenCalled();
    await fireEvent.click(await screen.findByRole('button', { name: 'Restore this backup' }));
    await waitFor(() => expect(reopened).toHaveBeenCalledWith(ready));
    expect(invoke).toHaveBeenCalledWith('restore_backup', { path: backup.path });
  });

  it('shows a refused restore and keeps the way out', async () => {
    const { s, status } = startup({ kind: 'damaged', message: 'x' }, backup);
    invoke.mockRejectedValue({ kind: 'not_coachbook', field: null, message: 'the backup is damaged too' });
    render(StartupProblem, { startup: s, status });
    await fireEvent.click(screen.getByTestId('restore-latest'));
    await fireEvent.click(await screen.findByRole('button', { name: 'Restore this backup' }));
    expect((await screen.findByTestId('startup-error')).textContent).toContain('damaged too');
    expect(screen.getByRole('button', { name: 'Open another file…' })).toBeTruthy();
  });

  it('opens another file through the native dialog', async () => {
    const { s, status } = startup({ kind: 'not_coachbook', message: 'x' }, null);
    invoke.mockResolvedValue(ready);
    render(StartupProblem, { startup: s, status });
    expect(screen.queryByTestId('restore-latest')).toBeNull();
    await fireEvent.click(screen.getByRole('button', { name: 'Open another file…' }));
    await waitFor(() => expect(invoke).toHaveBeenCalledWith('open_practice', { path: '/other/practice.db' }));
  });

  it('names both versions for a newer file and offers no restore', () => {
    const { s, status } = startup({ kind: 'newer', found: 9, supported: 7 }, null);
    render(StartupProblem, { startup: s, status });
    expect(screen.getByTestId('startup-versions').textContent).toContain('File format 9');
    expect(screen.getByTestId('startup-versions').textContent).toContain('0.1.0 reads up to format 7');
    expect(screen.queryByTestId('restore-latest')).toBeNull();
  });
});

describe('StartupProblem keyboard', () => {
  it('Esc leaves the confirmation without restoring', async () => {
    const { s, status } = startup({ kind: 'damaged', message: 'x' }, backup);
    render(StartupProblem, { startup: s, status });
    await fireEvent.click(screen.getByTestId('restore-latest'));
    const confirm = await screen.findByRole('button', { name: 'Restore this backup' });
    await fireEvent.keyDown(confirm, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Restore this backup' })).toBeNull());
    expect(invoke).not.toHaveBeenCalled();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('restore-latest')));
  });
});
