// The screens against a mocked Rust side: what the coach sees and what gets called.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const invoke = vi.hoisted(() => vi.fn());
vi.mock('@tauri-apps/api/core', () => ({ invoke }));

import { nav } from './lib/router.svelte';
import { listState } from './clients/listState.svelte';
import Today from './today/Today.svelte';
import ClientList from './clients/ClientList.svelte';
import ClientForm from './clients/ClientForm.svelte';
import ClientView from './clients/ClientView.svelte';
import { client, overview, sessions, summary } from './test/fixtures';

type Handler = (args: Record<string, unknown> | undefined) => unknown;

/** Answers each command with its handler; an unknown command fails the test loudly. */
function backend(handlers: Record<string, Handler>) {
  invoke.mockImplementation(async (cmd: string, args?: Record<string, unknown>) => {
    const h = handlers[cmd];
    if (!h) throw new Error(`unexpected command ${cmd}`);
    return h(args);
  });
}

/** The client rows (the selects' own <option>s are options too). */
const rows = () => within(screen.getByRole('listbox', { name: 'Clients' })).queryAllByRole('option');
const calls = (cmd: string) => invoke.mock.calls.filter((c) => c[0] === cmd);
const emptyToday = { upcoming_sessions: [], assignments: [], stale_goals: [] };

beforeEach(() => {
  invoke.mockReset();
  nav.stack = [{ name: 'today' }];
  Object.assign(listState, { status: '', stage: '', archived: false, sort: 'name', query: '', highlightId: null });
});

afterEach(() => cleanup());

const counts = (clients: number) => ({ clients, goals: 0, check_ins: 0, sessions: 0, assignments: 0 });

describe('Today', () => {
  it('welcomes an empty practice and loads the demo only when asked', async () => {
    let clients: unknown[] = [];
    backend({
      today: () => emptyToday,
      practice_counts: () => counts(clients.length),
      load_demo: () => {
        clients = [summary('Zoë Martin')];
        return null;
      },
      first_paint: () => 1,
    });
    render(Today);
    const explore = await screen.findByRole('button', { name: 'Explore the demo practice' });
    expect(screen.getByRole('button', { name: 'Add my first client' })).toBeTruthy();
    // The core counts archived clients too: a practice with only archived clients is not "empty".
    expect(calls('practice_counts')).toHaveLength(1);
    expect(calls('load_demo')).toHaveLength(0);

    await fireEvent.click(explore);
    await screen.findByRole('heading', { name: 'Next sessions' });
    expect(calls('load_demo')).toHaveLength(1);
    expect(screen.queryByRole('button', { name: 'Explore the demo practice' })).toBeNull();
    expect(screen.getByText(/No planned sessions coming up/)).toBeTruthy();
  });

  it('"Add my first client" opens the empty client form', async () => {
    backend({ today: () => emptyToday, practice_counts: () => counts(0), first_paint: () => 1 });
    render(Today);
    await fireEvent.click(await screen.findByRole('button', { name: 'Add my first client' }));
    expect(nav.stack.at(-1)).toEqual({ name: 'client-form', id: null });
  });

  it('lists what is next, due and stale; a session row opens the session', async () => {
    const soon = new Date(Date.now() + 2 * 3600_000 + 10 * 60_000).toISOString().replace(/\.\d+Z$/, 'Z');
    backend({
      practice_counts: () => counts(1),
      first_paint: () => 1,
      today: () => ({
        upcoming_sessions: [
          {
            session_id: 's1', client_id: 'c1', client_name: 'Dana Brooks', starts_at: soon,
            duration_minutes: 60, format: 'one_to_one', medium: 'video', agenda: 'Board meeting prep',
          },
        ],
        assignments: [
          {
            assignment_id: 'a1', client_id: 'c2', client_name: 'Amara Chen', title: 'Lead the outage review',
            kind: 'real_crisis', stakes: 5, status: 'completed', due_on: '2026-01-01', awaiting_debrief: true, overdue: false,
          },
        ],
        stale_goals: [
          { goal_id: 'g1', client_id: 'c3', client_name: 'Björn Åberg', title: 'Delegate the budget', last_check_in: null },
        ],
      }),
    });
    render(Today);
    const row = await screen.findByRole('button', { name: /Dana Brooks/ });
    expect(row.textContent).toContain('in 2 h');
    expect(screen.getByText('Stakes 5 of 5 (could cause major damage)')).toBeTruthy();
    expect(screen.getByText('Awaiting debrief')).toBeTruthy();
    expect(screen.getByText(/never rated/)).toBeTruthy();

    await fireEvent.click(row);
    expect(nav.stack.at(-1)).toEqual({ name: 'session', id: 's1', clientId: 'c1' });
    await fireEvent.click(screen.getByRole('button', { name: /Delegate the budget/ }));
    expect(nav.stack.at(-1)).toEqual({ name: 'client', id: 'c3' });
  });
});

describe('ClientList', () => {
  const practice = [
    summary('Amara Chen', { organisation: 'Orchard Retail Group' }),
    summary('Zoë Martin', { organisation: 'Crédit Nordique' }),
    summary('Zoltan Kiss', { organisation: 'Sable Insurance', archived: true }),
    summary('Dana Brooks', { organisation: 'Sable Insurance' }),
  ];

  it('focuses the filter; "zoe" finds Zoë; arrows and Enter open the highlighted client', async () => {
    backend({ list_clients: () => practice });
    render(ClientList);
    const input = screen.getByLabelText('Filter by name');
    expect(document.activeElement).toBe(input);
    await screen.findByRole('option', { name: /Amara Chen/ });

    await fireEvent.input(input, { target: { value: 'zoe' } });
    const options = rows();
    expect(options.map((o) => o.getAttribute('aria-label')?.split(',')[0])).toEqual(['Zoë Martin']);

    await fireEvent.input(input, { target: { value: 'sable' } });
    expect(rows()).toHaveLength(2);
    expect(rows()[0].getAttribute('aria-selected')).toBe('true');
    await fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(rows()[1].getAttribute('aria-selected')).toBe('true');
    expect(input.getAttribute('aria-activedescendant')).toBe(rows()[1].id);
    await fireEvent.keyDown(input, { key: 'Enter' });
    expect(nav.stack.at(-1)).toEqual({ name: 'client', id: 'id-zoltan-kiss' });
  });

  it('sends status, stage and archive filters to the core', async () => {
    backend({ list_clients: () => practice });
    render(ClientList);
    await waitFor(() => expect(rows().length).toBeGreaterThan(0));
    await fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'paused' } });
    await fireEvent.change(screen.getByLabelText('Stage'), { target: { value: 'executive' } });
    await fireEvent.click(screen.getByLabelText('Show archived'));
    await waitFor(() =>
      expect(calls('list_clients').at(-1)![1]).toEqual({
        filter: { status: 'paused', stage: 'executive', include_archived: true },
      }),
    );
  });

  it('sorts by next session, soonest first', async () => {
    backend({
      list_clients: () => [
        summary('Amara Chen', { next_session_at: '2026-12-03T09:00:00Z' }),
        summary('Dana Brooks'),
        summary('Zoë Martin', { next_session_at: '2026-12-01T09:00:00-05:00' }),
      ],
    });
    render(ClientList);
    await waitFor(() => expect(rows().length).toBeGreaterThan(0));
    await fireEvent.change(screen.getByLabelText('Sort by'), { target: { value: 'next' } });
    const order = rows().map((o) => o.getAttribute('aria-label')?.split(',')[0]);
    expect(order).toEqual(['Zoë Martin', 'Amara Chen', 'Dana Brooks']);
  });

  it('has a "New client" button', async () => {
    backend({ list_clients: () => [] });
    render(ClientList);
    await fireEvent.click(screen.getByRole('button', { name: 'New client' }));
    expect(nav.stack.at(-1)).toEqual({ name: 'client-form', id: null });
  });
});

describe('ClientForm', () => {
  it('shows a core error next to its field and keeps what was typed', async () => {
    backend({
      create_client: () => {
        throw { kind: 'invalid', field: 'client.email', message: 'client.email: must be an email address like name@example.com' };
      },
    });
    nav.stack = [{ name: 'clients' }, { name: 'client-form', id: null }];
    render(ClientForm, { id: null });
    const name = await screen.findByLabelText('Name');
    await fireEvent.input(name, { target: { value: 'Zoë Martin' } });
    const email = screen.getByLabelText('Email');
    await fireEvent.input(email, { target: { value: 'zoe-at-example' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Create client' }));

    await waitFor(() => expect(email.getAttribute('aria-invalid')).toBe('true'));
    const message = document.getElementById(email.getAttribute('aria-describedby')!)!;
    expect(message.textContent).toBe('Email must be an email address like name@example.com');
    expect((name as HTMLInputElement).value).toBe('Zoë Martin');
    expect((email as HTMLInputElement).value).toBe('zoe-at-example');
    expect(document.activeElement).toBe(email);
    expect(nav.stack.at(-1)).toEqual({ name: 'client-form', id: null });
  });

  it('creates the client and replaces the form with it', async () => {
    backend({ create_client: (args) => client({ id: 'new-id', ...(args!.details as object) }) });
    nav.stack = [{ name: 'clients' }, { name: 'client-form', id: null }];
    render(ClientForm, { id: null });
    await fireEvent.input(await screen.findByLabelText('Name'), { target: { value: ' Zoë Martin ' } });
    await fireEvent.input(screen.getByLabelText('Tags'), { target: { value: 'board, crisis' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Create client' }));
    await waitFor(() => expect(nav.stack).toEqual([{ name: 'clients' }, { name: 'client', id: 'new-id' }]));
    const details = calls('create_client')[0][1].details;
    expect(details).toMatchObject({ name: 'Zoë Martin', tags: ['board', 'crisis'], promotion_date: null });
  });

  it('edits an existing client with "Save client" and can archive it', async () => {
    backend({
      get_client: () => overview(0).client,
      update_client: (args) => client({ ...(args!.details as object) }),
      set_client_archived: (args) => client({ archived_at: args!.archived ? '2026-11-24T08:00:00Z' : null }),
    });
    nav.stack = [{ name: 'clients' }, { name: 'client', id: 'c1' }, { name: 'client-form', id: 'c1' }];
    render(ClientForm, { id: 'c1' });
    const role = await screen.findByLabelText('Role');
    expect((role as HTMLInputElement).value).toBe('Head of Claims');
    await fireEvent.click(screen.getByRole('button', { name: 'Archive' }));
    await screen.findByRole('button', { name: 'Unarchive' });
    expect(calls('set_client_archived')[0][1]).toEqual({ id: 'c1', archived: true });

    await fireEvent.input(role, { target: { value: 'COO' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Save client' }));
    await waitFor(() => expect(nav.stack).toEqual([{ name: 'clients' }, { name: 'client', id: 'c1' }]));
    expect(calls('update_client')[0][1]).toMatchObject({ id: 'c1', details: { role: 'COO' } });
  });
});

describe('ClientView', () => {
  it('pages through hundreds of sessions with "Load more"', async () => {
    backend({
      client_overview: () => overview(120),
      client_sessions: (args) => {
        const offset = args!.offset as number;
        const limit = args!.limit as number;
        return { total: 120, offset, items: sessions(Math.min(limit, 120 - offset), offset) };
      },
    });
    render(ClientView, { id: 'c1' });
    await screen.findByRole('heading', { name: 'Dana Brooks', level: 1 });
    expect(screen.getByText('Showing 50 of 120')).toBeTruthy();
    expect(screen.getAllByRole('img', { name: 'Has private notes' })).toHaveLength(25);

    await fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    await screen.findByText('Showing 100 of 120');
    expect(calls('client_sessions')[0][1]).toEqual({ clientId: 'c1', offset: 50, limit: 50 });
    await fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull());
    expect(screen.getByText('Session 119')).toBeTruthy();

    await fireEvent.click(screen.getByText('Session 7'));
    expect(nav.stack.at(-1)).toEqual({ name: 'session', id: 's7', clientId: 'c1' });
  });

  it("searches this client's records inline and opens a hit", async () => {
    const hit = (more: Record<string, unknown>) => ({
      kind: 'session_notes',
      record: 'session',
      record_id: 's3',
      client_id: 'c1',
      client_name: 'Dana Brooks',
      client_archived: false,
      date: '2026-10-12',
      snippet: 'the «stakeholders» map',
      is_private: false,
      score: 2,
      ...more,
    });
    backend({
      client_overview: () => overview(3),
      search: (args) => {
        const q = args!.query as { text: string; client_id: string };
        if (q.text === 'zzz') return [];
        return [
          {
            client_id: q.client_id,
            client_name: 'Dana Brooks',
            client_archived: false,
            hits: [hit({}), hit({ kind: 'session_private_notes', record_id: 's4', is_private: true })],
          },
        ];
      },
    });
    render(ClientView, { id: 'c1' });
    const field = (await screen.findByLabelText("Search this client's notes")) as HTMLInputElement;
    await fireEvent.input(field, { target: { value: 'stake' } });
    const first = await screen.findByRole('button', { name: /Notes.*stakeholders map/ });
    expect(calls('search')[0][1]).toMatchObject({ query: { text: 'stake', client_id: 'c1', prefix_last: true } });
    expect(first.querySelector('mark')?.textContent).toBe('stakeholders');
    expect(screen.getByRole('button', { name: /Private notes.*private/ })).toBeTruthy();

    await fireEvent.input(field, { target: { value: 'zzz' } });
    await screen.findByText("No matches for “zzz” in Dana Brooks's records.");

    // Esc in the field clears it (and does not go back); Enter opens the first hit.
    const esc = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true });
    field.dispatchEvent(esc);
    expect(esc.defaultPrevented).toBe(true);
    await waitFor(() => expect(field.value).toBe(''));
    await fireEvent.input(field, { target: { value: 'stake' } });
    await screen.findByRole('button', { name: /Notes.*stakeholders map/ });
    await fireEvent.keyDown(field, { key: 'Enter' });
    expect(nav.stack.at(-1)).toEqual({
      name: 'session',
      id: 's3',
      clientId: 'c1',
      focus: { field: 'notes', text: 'stakeholders' },
    });
  });

  it('opened from a goal hit: a folded-away goal is shown and marked', async () => {
    const goal = (id: string, title: string, status: string) => ({
      goal: { id, client_id: 'c1', created_at: '', updated_at: '', competency_id: null, title, success_criteria: '', baseline: 2, target: 8, started_on: null, target_date: null, status },
      competency: null,
      latest_score: null,
      latest_on: null,
      check_ins: 0,
    });
    backend({
      client_overview: () =>
        overview(0, { goals: [goal('g1', 'Delegate the plan', 'active'), goal('g2', 'Run the board meeting', 'achieved')] } as never),
    });
    render(ClientView, { id: 'c1', focus: { kind: 'goal', id: 'g2' } });
    const title = await screen.findByText('Run the board meeting');
    expect(title.closest('li')?.classList.contains('is-found')).toBe(true);
    expect(screen.getByRole('button', { name: 'Hide achieved or dropped' })).toBeTruthy();
  });

  it('"New session" starts one and opens it', async () => {
    backend({
      client_overview: () => overview(0),
      start_session: () => ({ id: 'fresh' }),
    });
    render(ClientView, { id: 'c1' });
    await fireEvent.click(await screen.findByRole('button', { name: 'New session' }));
    await waitFor(() => expect(nav.stack.at(-1)).toEqual({ name: 'session', id: 'fresh', clientId: 'c1' }));
    expect(calls('start_session')[0][1]).toEqual({ clientId: 'c1' });
  });
});
