// The Backups screen's restore against a fake backend behind the real `invoke` path: a backup
// taken before a passphrase change asks for the passphrase it was taken with.
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { clearMocks, mockIPC, mockWindows } from '@tauri-apps/api/mocks';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Backups from './Backups.svelte';

const backup = { taken_at: '2026-11-20T09:00:00Z', kind: 'scheduled', size: 1_300_000, path: '/p/backups/coachbook-20261120-090000.db' };
let restores: Record<string, unknown>[];

beforeEach(() => {
  mockWindows('main');
  restores = [];
  mockIPC(async (cmd, args) => {
    const a = (args ?? {}) as Record<string, unknown>;
    switch (cmd) {
      case 'backups_overview':
        return { dir: '/p/backups', is_default_dir: true, backups: [backup], last: null, settings_error: null };
      case 'restore_backup':
        restores.push(a);
        if (a.backupPassphrase !== 'old passphrase') {
          throw { kind: 'wrong_passphrase', field: 'passphrase', message: 'the passphrase is wrong for this backup' };
        }
        return { version: '0.1.0', schema_version: 3, db_path: '/p/coachbook.db', status: { kind: 'ready' } };
      default:
        return null;
    }
  });
});
afterEach(() => clearMocks());

describe('Backups restore', () => {
  it('asks for the passphrase a backup was taken with, says when it is wrong, then restores', async () => {
    render(Backups);
    await fireEvent.click(await screen.findByRole('button', { name: /^Restore the backup of/ }));
    await fireEvent.click(screen.getByRole('button', { name: 'Restore this backup' }));

    const field = await screen.findByLabelText(/taken with another passphrase/);
    expect(screen.getByRole('alertdialog')).toBeTruthy();
    expect(restores).toEqual([{ path: backup.path }]);

    await fireEvent.input(field, { target: { value: 'not it' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Restore this backup' }));
    await waitFor(() => expect(screen.getByText('the passphrase is wrong for this backup')).toBeTruthy());

    await fireEvent.input(field, { target: { value: 'old passphrase' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Restore this backup' }));
    await waitFor(() => expect(restores.at(-1)).toEqual({ path: backup.path, backupPassphrase: 'old passphrase' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
