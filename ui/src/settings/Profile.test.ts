// Your profile against a fake backend: what it saves, and errors beside their fields.
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { clearMocks, mockIPC, mockWindows } from '@tauri-apps/api/mocks';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Coach } from '../bindings/Coach';
import Profile from './Profile.svelte';

let calls: { cmd: string; args: Record<string, unknown> }[];
let failName: string | null;

beforeEach(() => {
  mockWindows('main');
  calls = [];
  failName = null;
  mockIPC(async (cmd, args) => {
    const a = (args ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args: a });
    switch (cmd) {
      case 'get_coach':
        return { name: 'Alex Morgan', credentials: 'PCC', logo: { mime: 'image/png', data: 'iVBORw0KGgo=' } };
      case 'get_paper':
        return 'a4';
      case 'set_coach':
        if (failName) throw { kind: 'invalid', field: 'coach.name', message: `coach.name: ${failName}` };
        return a.coach;
      case 'set_paper':
        return a.paper;
      default:
        return null;
    }
  });
});
afterEach(() => clearMocks());

describe('Profile', () => {
  it('shows the profile, saves name, credentials, logo removal and paper', async () => {
    render(Profile);
    const name = (await screen.findByLabelText('Your name')) as HTMLInputElement;
    expect(name.value).toBe('Alex Morgan');
    expect(screen.getByTestId('logo-preview').getAttribute('src')).toBe('data:image/png;base64,iVBORw0KGgo=');
    await fireEvent.input(name, { target: { value: '  Alex Morgan-Lee ' } });
    await fireEvent.click(screen.getByText('Remove logo'));
    expect(screen.queryByTestId('logo-preview')).toBeNull();
    await fireEvent.click(screen.getByLabelText('US Letter'));
    await fireEvent.click(screen.getByText('Save profile'));
    await screen.findByText('Saved. Reports are headed with this from now on.');
    const coach = calls.find((c) => c.cmd === 'set_coach')?.args.coach as Coach;
    expect(coach).toEqual({ name: 'Alex Morgan-Lee', credentials: 'PCC', logo: null });
    expect(calls.find((c) => c.cmd === 'set_paper')?.args.paper).toBe('letter');
  });

  it('refuses a logo that is not PNG or JPEG, or too big, before sending it', async () => {
    render(Profile);
    const input = (await screen.findByLabelText('Replace…')) as HTMLInputElement;
    const gif = new File(['GIF89a'], 'logo.gif', { type: 'image/gif' });
    await fireEvent.change(input, { target: { files: [gif] } });
    expect(document.getElementById('pf-logo-error')?.textContent).toBe('Choose a PNG or JPEG image');
    expect(input.getAttribute('aria-invalid')).toBe('true');
  });

  it('puts a refused name beside the name field and focuses it', async () => {
    failName = 'must be at most 200 characters';
    render(Profile);
    await screen.findByLabelText('Your name');
    await fireEvent.click(screen.getByText('Save profile'));
    await waitFor(() => expect(document.getElementById('pf-name-error')?.textContent).toBe('Must be at most 200 characters'));
    expect(document.activeElement?.id).toBe('pf-name');
    expect(calls.some((c) => c.cmd === 'set_paper')).toBe(false);
  });
});
