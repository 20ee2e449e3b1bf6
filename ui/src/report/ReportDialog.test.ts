// The report dialog against a fake backend behind the real `invoke` path: the plugins (save
// dialog, path) are IPC calls too, so the whole Save… flow runs here.
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { clearMocks, mockIPC, mockWindows } from '@tauri-apps/api/mocks';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReportRequest } from '../bindings/ReportRequest';
import { localToday } from '../lib/format';
import { modalIsOpen } from '../lib/shortcuts';
import { client } from '../test/fixtures';
import { lastMonth, reportFileName } from './periods';
import ReportDialog from './ReportDialog.svelte';

type Report = { kind: string; field: string | null; message: string };
interface Backend {
  calls: { cmd: string; args: Record<string, unknown> }[];
  coachName: string;
  paper: 'a4' | 'letter';
  /** What the native save dialog answers (null: cancelled). */
  chosen: string | null;
  saveFails: Report | null;
}
let b: Backend;

function backend(): Backend {
  const state: Backend = { calls: [], coachName: 'Alex Morgan', paper: 'letter', chosen: '/home/coach/r.pdf', saveFails: null };
  mockIPC(async (cmd, args) => {
    const a = (args ?? {}) as Record<string, unknown>;
    state.calls.push({ cmd, args: a });
    switch (cmd) {
      case 'get_paper':
        return state.paper;
      case 'set_paper':
        return a.paper;
      case 'get_coach':
        return { name: state.coachName, credentials: '', logo: null };
      case 'client_sessions':
        return { total: 4, offset: 3, items: [{ starts_at: '2025-12-03T09:00:00+01:00' }] };
      case 'report_preview': {
        const r = a.request as ReportRequest;
        return { svg: `<svg viewBox="0 0 10 10"><text>Dana Brooks ${r.audience} ${r.from}</text></svg>`, pages: 3 };
      }
      case 'report_folder':
        return '/home/coach/Documents';
      case 'plugin:path|join':
        return (a.paths as string[]).join('/');
      case 'plugin:path|dirname':
        return (a.path as string).replace(/\/[^/]*$/, '');
      case 'plugin:dialog|save':
        return state.chosen;
      case 'save_report':
        if (state.saveFails) throw state.saveFails;
        return { path: a.path, pages: 3, bytes: 48_000 };
      default:
        return null;
    }
  });
  return state;
}

const calls = (cmd: string) => b.calls.filter((c) => c.cmd === cmd);
const lastRequest = () => calls('report_preview').at(-1)?.args.request as ReportRequest | undefined;

beforeEach(() => {
  mockWindows('main');
  b = backend();
});
afterEach(() => clearMocks());

async function open(onclose = vi.fn()) {
  render(ReportDialog, { client: client(), sessions: 4, onclose });
  await waitFor(() => expect(screen.getByTestId('report-preview').textContent).toContain('Dana Brooks'));
  return onclose;
}

describe('ReportDialog', () => {
  it('previews last month for the client on the remembered paper', async () => {
    await open();
    const month = lastMonth(localToday());
    expect(lastRequest()).toEqual({ client_id: 'c1', from: month.from, to: month.to, audience: 'client', paper: 'letter' });
    expect(screen.getByText('Page 1 of 3')).toBeTruthy();
    expect(screen.getByTestId('report-preview').classList.contains('letter')).toBe(true);
    expect((screen.getByLabelText('Letter') as HTMLInputElement).checked).toBe(true);
    expect(modalIsOpen()).toBe(true);
  });

  it('warns on the coach audience only, and previews once after quick changes', async () => {
    await open();
    expect(screen.queryByTestId('private-warning')).toBeNull();
    const before = calls('report_preview').length;
    await fireEvent.click(screen.getByLabelText('Sponsor'));
    await fireEvent.click(screen.getByLabelText('Coach'));
    expect(screen.getByTestId('private-warning').textContent).toContain(
      'Confidential — contains your private notes. Keep it for your own file.',
    );
    await waitFor(() => expect(lastRequest()?.audience).toBe('coach'));
    await new Promise((r) => setTimeout(r, 350));
    expect(calls('report_preview').length).toBe(before + 1);
  });

  it('whole engagement starts at the engagement start or the first session, whichever is earlier', async () => {
    await open();
    await waitFor(() => expect(calls('client_sessions')).toHaveLength(1));
    expect(calls('client_sessions')[0].args).toEqual({ clientId: 'c1', offset: 3, limit: 1 });
    await fireEvent.click(screen.getByLabelText('Whole engagement'));
    await waitFor(() => expect(lastRequest()?.from).toBe('2025-12-03'));
    expect(lastRequest()?.to).toBe(localToday());
  });

  it('custom dates the wrong way round are refused beside To, without asking the engine', async () => {
    await open();
    await fireEvent.click(screen.getByLabelText('Custom'));
    const before = calls('report_preview').length;
    await fireEvent.input(screen.getByLabelText('From'), { target: { value: '2026-05-10' } });
    await fireEvent.input(screen.getByLabelText('To'), { target: { value: '2026-05-01' } });
    expect(screen.getByLabelText('To').getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById('report-to-error')?.textContent).toBe('Must be on or after the first day');
    expect((screen.getByText('Save…') as HTMLButtonElement).disabled).toBe(true);
    await new Promise((r) => setTimeout(r, 350));
    expect(calls('report_preview').length).toBe(before);
  });

  it('Save… asks where (Documents, a readable name, PDF filter), saves there, then offers Open', async () => {
    await open();
    await fireEvent.click(screen.getByLabelText('Sponsor'));
    await fireEvent.click(screen.getByText('Save…'));
    await screen.findByText('Saved');
    const [dialog] = calls('plugin:dialog|save');
    const options = dialog.args.options as { defaultPath: string; filters: { extensions: string[] }[] };
    const name = reportFileName('Dana Brooks', lastMonth(localToday()), 'sponsor');
    expect(options.defaultPath).toBe(`/home/coach/Documents/${name}`);
    expect(options.filters[0].extensions).toEqual(['pdf']);
    const [save] = calls('save_report');
    expect(save.args.path).toBe('/home/coach/r.pdf');
    expect((save.args.request as ReportRequest).audience).toBe('sponsor');
    expect(screen.getByTestId('report-save-state').textContent?.replace(/\s+/g, ' ')).toMatch(/Saved — 3 pages, 47 KB\s*\/home\/coach\/r\.pdf/);
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Open'));
    await fireEvent.click(screen.getByText('Open'));
    // Through the app's own commands (Rust opens only a report it saved), never the opener plugin.
    await waitFor(() => expect(calls('open_written')).toHaveLength(1));
    expect(calls('open_written')[0].args.path).toBe('/home/coach/r.pdf');
    await fireEvent.click(screen.getByText('Show in folder'));
    await waitFor(() => expect(calls('reveal_written')).toHaveLength(1));
    expect(calls('reveal_written')[0].args.path).toBe('/home/coach/r.pdf');
    expect(calls('plugin:opener|open_path')).toHaveLength(0);
    // The next report starts where this one went.
    await fireEvent.click(screen.getByText('Save…'));
    await waitFor(() => expect(calls('plugin:dialog|save')).toHaveLength(2));
    const again = calls('plugin:dialog|save')[1].args.options as { defaultPath: string };
    expect(again.defaultPath).toBe(`/home/coach/${name}`);
  });

  it('a cancelled save dialog writes nothing', async () => {
    b.chosen = null;
    await open();
    await fireEvent.click(screen.getByText('Save…'));
    await waitFor(() => expect(calls('plugin:dialog|save')).toHaveLength(1));
    await new Promise((r) => setTimeout(r, 50));
    expect(calls('save_report')).toHaveLength(0);
    expect(screen.queryByText('Saved')).toBeNull();
  });

  it('a failed save says why beside the buttons, with or without a field', async () => {
    b.saveFails = { kind: 'invalid', field: 'report.out', message: 'report.out: must be a file name, not a folder' };
    await open();
    await fireEvent.click(screen.getByText('Save…'));
    await screen.findByText('Must be a file name, not a folder');
    b.saveFails = { kind: 'disk_full', field: null, message: 'cannot write /home/coach/r.pdf: No space left on device' };
    await fireEvent.click(screen.getByText('Save…'));
    const alert = await screen.findByText('Cannot write /home/coach/r.pdf: No space left on device');
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.nextElementSibling?.classList.contains('buttons')).toBe(true);
  });

  it('a paper that cannot be remembered says so beside the paper', async () => {
    await open();
    b.calls = [];
    mockIPC(async (cmd) => {
      if (cmd === 'set_paper') throw { kind: 'read_only', field: null, message: 'read-only: the folder does not allow changes' };
      return null;
    });
    await fireEvent.click(screen.getByLabelText('A4'));
    await waitFor(() => expect(screen.getByText('Read-only: the folder does not allow changes')).toBeTruthy());
    expect(screen.getByText('Read-only: the folder does not allow changes').closest('fieldset')?.textContent).toContain('Paper');
  });

  it('Enter saves; Esc closes and gives the shortcuts back', async () => {
    const onclose = await open();
    await fireEvent.keyDown(screen.getByLabelText('Client'), { key: 'Enter' });
    await screen.findByText('Saved');
    await fireEvent.keyDown(screen.getByLabelText('Client'), { key: 'Escape' });
    expect(onclose).toHaveBeenCalledTimes(1);
    expect(modalIsOpen()).toBe(false);
  });

  it('choosing the paper previews on it and remembers it', async () => {
    await open();
    await fireEvent.click(screen.getByLabelText('A4'));
    await waitFor(() => expect(calls('set_paper')).toHaveLength(1));
    expect(calls('set_paper')[0].args.paper).toBe('a4');
    await waitFor(() => expect(lastRequest()?.paper).toBe('a4'));
  });

  it('without a coach name, explains that reports are headed with it', async () => {
    b.coachName = '';
    await open();
    expect((await screen.findByText(/Reports are headed with your name/)).textContent).toContain('Add them in Your profile');
  });
});
