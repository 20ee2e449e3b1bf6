// The Ctrl+K palette against a mocked Rust side: typing, grouping, marks, keys, stale answers.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const invoke = vi.hoisted(() => vi.fn());
vi.mock('@tauri-apps/api/core', () => ({ invoke }));

import type { ClientHits } from '../bindings/ClientHits';
import type { SearchQuery } from '../bindings/SearchQuery';
import { modalIsOpen } from '../lib/shortcuts';
import Palette from './Palette.svelte';
import { searchHit } from '../test/fixtures';

const hit = searchHit;

const DANA: ClientHits = {
  client_id: 'c1',
  client_name: 'Dana Brooks',
  client_archived: false,
  hits: [
    hit({}),
    hit({
      kind: 'session_private_notes',
      record_id: 's2',
      is_private: true,
      date: '2026-10-01',
      snippet: '…she «rehearsed» the <b>board</b> talk',
    }),
  ],
};
const ZOE: ClientHits = {
  client_id: 'c2',
  client_name: 'Zoë Martin',
  client_archived: true,
  hits: [hit({ kind: 'goal_title', record: 'goal', record_id: 'g1', client_id: 'c2', client_name: 'Zoë Martin', snippet: '«Rehearse» hard talks' })],
};

/** The answer to each search text (with an optional delay in ms); the queries sent are kept. */
let answers: Record<string, { result?: ClientHits[]; delay?: number; error?: unknown }>;
let queries: SearchQuery[];

beforeEach(() => {
  answers = {};
  queries = [];
  invoke.mockReset();
  invoke.mockImplementation(async (cmd: string, args?: Record<string, unknown>) => {
    if (cmd !== 'search') throw new Error(`unexpected command ${cmd}`);
    const q = args!.query as SearchQuery;
    queries.push(q);
    const a = answers[q.text] ?? { result: [] };
    if (a.delay) await new Promise((r) => setTimeout(r, a.delay));
    if (a.error) throw a.error;
    return structuredClone(a.result);
  });
});

afterEach(() => cleanup());

function open(initialText = '') {
  const onclose = vi.fn();
  render(Palette, { initialText, onclose });
  const input = screen.getByLabelText('Search') as HTMLInputElement;
  return { onclose, input };
}

async function type(input: HTMLInputElement, text: string) {
  input.value = text;
  await fireEvent.input(input);
}

const options = () => screen.queryAllByRole('option');

describe('Palette', () => {
  it('is a modal dialog with the focus in its input, and a hint before typing', () => {
    const { input } = open();
    const dialog = screen.getByRole('dialog', { name: 'Search the practice' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(document.activeElement).toBe(input);
    expect(screen.getByText(/Search every session note/)).toBeTruthy();
    expect(modalIsOpen()).toBe(true);
  });

  it('shows results as you type, grouped by client, kind, date, marks as text', async () => {
    answers.reh = { result: [DANA, ZOE] };
    const { input } = open();
    await type(input, 'reh');
    await waitFor(() => expect(options()).toHaveLength(3));
    // The whole practice, every kind, the last word a prefix (search as you type).
    expect(queries).toEqual([expect.objectContaining({ text: 'reh', client_id: null, kinds: [], limit: 50, prefix_last: true })]);
    const groups = screen.getAllByRole('group');
    expect(groups.map((g) => g.getAttribute('aria-labelledby') && document.getElementById(g.getAttribute('aria-labelledby')!)!.textContent!.trim())).toEqual([
      'Dana Brooks',
      'Zoë MartinArchived',
    ]);
    expect(within(groups[0]).getAllByRole('option')).toHaveLength(2);

    const [notes, priv, goal] = options();
    expect(notes.textContent).toContain('Notes');
    expect(notes.textContent).toContain('12 Nov 2026');
    expect([...notes.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['rehearsed']);
    // Private notes: the lock and the word.
    expect(priv.textContent).toContain('Private notes');
    expect(priv.textContent).toContain('private');
    expect(priv.querySelector('svg')).toBeTruthy();
    // Markup in a note is text, never HTML.
    expect(priv.querySelector('b')).toBeNull();
    expect(priv.textContent).toContain('<b>board</b>');
    expect(goal.textContent).toContain('Goal');
    expect(screen.getByRole('status').textContent).toContain('3 results for 2 clients');
    // The first hit is active and the input points at it.
    expect(notes.getAttribute('aria-selected')).toBe('true');
    expect(input.getAttribute('aria-activedescendant')).toBe(notes.id);
  });

  it('arrow keys move (wrapping), Enter opens the session at the match', async () => {
    answers.reh = { result: [DANA, ZOE] };
    const { input, onclose } = open();
    await type(input, 'reh');
    await waitFor(() => expect(options()).toHaveLength(3));
    await fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(options()[1].getAttribute('aria-selected')).toBe('true');
    await fireEvent.keyDown(input, { key: 'ArrowUp' });
    await fireEvent.keyDown(input, { key: 'ArrowUp' });
    expect(options()[2].getAttribute('aria-selected')).toBe('true');
    await fireEvent.keyDown(input, { key: 'ArrowDown' });
    await fireEvent.keyDown(input, { key: 'ArrowDown' });
    await fireEvent.keyDown(input, { key: 'Enter' });
    expect(onclose).toHaveBeenCalledWith('reh', {
      name: 'session',
      id: 's2',
      clientId: 'c1',
      focus: { field: 'private_notes', text: 'rehearsed' },
    });
    expect(modalIsOpen()).toBe(false);
  });

  it('a long group shows three hits and "Show N more", which Enter unfolds in place', async () => {
    const many: ClientHits = { ...DANA, hits: Array.from({ length: 5 }, (_, i) => hit({ record_id: `s${i}` })) };
    answers.reh = { result: [many, ZOE] };
    const { input, onclose } = open();
    await type(input, 'reh');
    await waitFor(() => expect(options()).toHaveLength(5));
    expect(options()[3].textContent?.trim()).toBe('Show 2 more from Dana Brooks');
    expect(options()[4].textContent).toContain('Goal');
    for (let i = 0; i < 3; i++) await fireEvent.keyDown(input, { key: 'ArrowDown' });
    await fireEvent.keyDown(input, { key: 'Enter' });
    expect(onclose).not.toHaveBeenCalled();
    await waitFor(() => expect(options()).toHaveLength(6));
    expect(options()[3].getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(input);
    await fireEvent.keyDown(input, { key: 'Enter' });
    expect(onclose).toHaveBeenCalledWith('reh', expect.objectContaining({ name: 'session', id: 's3' }));
  });

  it('a click opens a goal hit on its client', async () => {
    answers.reh = { result: [DANA, ZOE] };
    const { input, onclose } = open();
    await type(input, 'reh');
    await waitFor(() => expect(options()).toHaveLength(3));
    await fireEvent.click(options()[2]);
    expect(onclose).toHaveBeenCalledWith('reh', { name: 'client', id: 'c2', focus: { kind: 'goal', id: 'g1' } });
  });

  it('a slow earlier answer never replaces a newer one', async () => {
    answers.re = { result: [ZOE], delay: 400 };
    answers.rehearsed = { result: [DANA] };
    const { input } = open();
    await type(input, 're');
    await new Promise((r) => setTimeout(r, 150)); // "re" is asked and still running
    await type(input, 'rehearsed');
    await waitFor(() => expect(options()).toHaveLength(2));
    await new Promise((r) => setTimeout(r, 500)); // "re" answers now
    expect(queries.map((q) => q.text)).toEqual(['re', 'rehearsed']);
    expect(options()).toHaveLength(2);
    expect(screen.queryByText('Zoë Martin')).toBeNull();
  });

  it('no matches and errors are said in the dialog; clearing brings the hint back', async () => {
    answers.zzz = { result: [] };
    answers.boom = { error: { kind: 'db', field: null, message: 'database is locked' } };
    const { input } = open();
    await type(input, 'zzz');
    await screen.findByText('No matches for “zzz”.');
    await type(input, 'boom');
    expect((await screen.findByRole('alert')).textContent).toBe('Search failed: database is locked');
    await type(input, '');
    await screen.findByText(/Search every session note/);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('Esc closes it and goes no further; Tab keeps the focus in the input', async () => {
    const { input, onclose } = open('board');
    const behind = vi.fn();
    window.addEventListener('keydown', behind);
    try {
      const tab = new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, cancelable: true });
      input.dispatchEvent(tab);
      expect(tab.defaultPrevented).toBe(true);
      const esc = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true });
      input.dispatchEvent(esc);
      expect(esc.defaultPrevented).toBe(true);
      expect(onclose).toHaveBeenCalledWith('board', null);
      // The Tab reached the window (harmless); the Escape did not.
      expect(behind.mock.calls.map((c) => (c[0] as KeyboardEvent).key)).toEqual(['Tab']);
    } finally {
      window.removeEventListener('keydown', behind);
    }
  });

  it('the focus comes back to the input if something takes it', async () => {
    const { input } = open();
    screen.getByRole('dialog').focus();
    await waitFor(() => expect(document.activeElement).toBe(input));
  });

  it('opens with the last text selected and searched again', async () => {
    answers.rehearsed = { result: [DANA] };
    const { input } = open('rehearsed');
    expect(input.value).toBe('rehearsed');
    expect([input.selectionStart, input.selectionEnd]).toEqual([0, 9]);
    await waitFor(() => expect(options()).toHaveLength(2));
  });
});
