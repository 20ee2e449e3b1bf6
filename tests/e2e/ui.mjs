// Steps through the app's screens by what the coach sees: button names, labels, the save state.
// Every wait is bounded, so a missing screen fails the test instead of hanging it.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from './app.mjs';

const run = promisify(execFile);
export const CLI_BIN = process.env.COACHBOOK_CLI_BIN ?? join(REPO_ROOT, 'target/debug/coachbook');

/** The button whose visible text is exactly `name`, once it is there and enabled. */
export async function button(browser, name, timeout = 20_000) {
  const el = browser.$(`button=${name}`);
  await el.waitForClickable({ timeout, timeoutMsg: `no clickable button "${name}" within ${timeout} ms` });
  return el;
}

export async function click(browser, name, timeout) {
  await (await button(browser, name, timeout)).click();
}

/** The control labelled exactly `text` (a <label for> or a wrapping <label>). */
export async function byLabel(browser, text, timeout = 20_000) {
  let id = null;
  await browser.waitUntil(
    async () => {
      id = await browser.execute((t) => {
        for (const label of document.querySelectorAll('label')) {
          if (label.textContent.trim() !== t || !label.control) continue;
          const c = label.control;
          if (!c.id) c.id = `e2e-${Math.random().toString(36).slice(2)}`;
          return c.id;
        }
        return null;
      }, text);
      return id !== null;
    },
    { timeout, timeoutMsg: `no control labelled "${text}" within ${timeout} ms` },
  );
  return browser.$(`#${id}`);
}

/** Types `text` key by key into `el`; a newline is the Enter key (WebDriver drops a bare "\n"). */
export async function typeInto(el, text) {
  await el.addValue(text.replace(/\n/g, '\uE007'));
}

/** The editor's save state text ("Saved", "Saving…", "Not saved — <reason>; retrying…"). */
export async function saveState(browser) {
  return browser.execute(() => document.querySelector('[data-testid="save-state"]')?.textContent.trim() ?? null);
}

export async function waitForSaved(browser, timeout = 10_000) {
  let last = null;
  await browser.waitUntil(
    async () => {
      last = await saveState(browser);
      return last === 'Saved';
    },
    { timeout, interval: 25, timeoutMsg: `save state never became "Saved" (last: ${last})` },
  );
}

/** Whether the app finished starting: the sidebar is there and app_info answered. */
export async function waitForShell(browser, timeout = 30_000) {
  await browser.$('nav[aria-label="Main"]').waitForExist({ timeout, timeoutMsg: 'no sidebar' });
}

/** Creates a client through Clients → New client → Name → Create client; ends on the client view. */
export async function createClient(browser, name) {
  await waitForShell(browser);
  await click(browser, 'Clients');
  await click(browser, 'New client');
  await (await byLabel(browser, 'Name')).setValue(name);
  await click(browser, 'Create client');
  await browser.waitUntil(async () => (await browser.$('h1').getText()) === name, {
    timeout: 20_000,
    timeoutMsg: `client view for ${name} did not open`,
  });
}

/** From anywhere: Clients → the client's row → the client view. */
export async function openClient(browser, name) {
  await waitForShell(browser);
  await click(browser, 'Clients');
  const row = browser.$(`//li[@role="option"][.//*[normalize-space()="${name}"]]`);
  await row.waitForClickable({ timeout: 20_000, timeoutMsg: `no client row "${name}"` });
  await row.click();
  await browser.waitUntil(async () => (await browser.$('h1').getText()) === name, {
    timeout: 20_000,
    timeoutMsg: `client view for ${name} did not open`,
  });
}

/** On the client view: opens its newest session (the first row). */
export async function openFirstSession(browser) {
  const row = browser.$('button.row.session');
  await row.waitForClickable({ timeout: 20_000, timeoutMsg: 'no session row on the client view' });
  await row.click();
  await notesField(browser);
}

/** The Notes textarea, once the editor has loaded. */
export async function notesField(browser) {
  const el = await byLabel(browser, 'Notes');
  await el.waitForDisplayed({ timeout: 20_000 });
  return el;
}

export async function privateNotesField(browser) {
  return byLabel(browser, 'Private notes');
}

/** Both note fields and the save state, read in one go (no save can land in between). */
export async function editorSnapshot(browser) {
  return browser.execute(() => ({
    state: document.querySelector('[data-testid="save-state"]')?.textContent.trim() ?? null,
    notes: document.getElementById('s-notes')?.value ?? null,
    privateNotes: document.getElementById('s-private')?.value ?? null,
  }));
}

/**
 * The editor's own samples since the page loaded, in ms: `latencies` (first unsaved keystroke →
 * the save carrying it resolved) and `durations` (the save call alone: IPC + SQLite commit).
 */
export async function saveLatencies(browser) {
  return browser.execute(() => ({
    latencies: [...(window.__coachbookSaveLatencies ?? [])],
    durations: [...(window.__coachbookSaveDurations ?? [])],
  }));
}

/** What is in the database file right now, read by the app's own CLI (a separate process). */
export async function exportPractice(db) {
  if (!existsSync(CLI_BIN)) throw new Error(`CLI not found: ${CLI_BIN} (cargo build --bin coachbook)`);
  const { stdout } = await run(CLI_BIN, ['--db', db, 'export', '-'], { maxBuffer: 64 << 20, timeout: 20_000 });
  return JSON.parse(stdout);
}

/** Every session in the export, whatever the nesting of the format. */
export function sessionsIn(exported) {
  const found = [];
  const walk = (v) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      if (typeof v.notes === 'string' && 'private_notes' in v && 'duration_minutes' in v) found.push(v);
      Object.values(v).forEach(walk);
    }
  };
  walk(exported);
  return found;
}

export function percentile(samples, p) {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

/** Ctrl+K, then waits for the search palette with the focus in its input. */
export async function openPalette(browser, timeout = 10_000) {
  await browser.keys(['Control', 'k']);
  await browser.waitUntil(
    () => browser.execute(() => document.activeElement?.id === 'palette-input' && !!document.querySelector('[role="dialog"]')),
    { timeout, interval: 25, timeoutMsg: 'Ctrl+K did not open the search palette with the focus in it' },
  );
  return browser.$('#palette-input');
}

/** The palette's lines as shown: client group, kind, date, snippet text and its <mark>s; `more`
 * for a "Show N more from …" line. */
export async function paletteResults(browser) {
  return browser.execute(() =>
    [...document.querySelectorAll('[role="dialog"] [role="option"]')].map((o) => ({
      client: document.getElementById(o.closest('[role="group"]').getAttribute('aria-labelledby'))?.textContent.trim(),
      kind: o.querySelector('.hit-kind')?.textContent.trim(),
      date: o.querySelector('.hit-date')?.textContent.trim() ?? null,
      snippet: o.querySelector('.hit-snippet')?.textContent ?? '',
      marks: [...o.querySelectorAll('mark')].map((m) => m.textContent),
      selected: o.getAttribute('aria-selected') === 'true',
      more: o.classList.contains('more'),
    })),
  );
}

/** Waits until the palette answered `text` (results or the empty state). */
export async function waitForPaletteAnswer(browser, text, timeout = 10_000) {
  await browser.waitUntil(
    () =>
      browser.execute((t) => {
        const input = document.getElementById('palette-input');
        if (!input || input.value !== t) return false;
        const dialog = document.querySelector('[role="dialog"]');
        const busy = !!dialog.querySelector('.spinner');
        const answered = dialog.querySelectorAll('[role="option"]').length > 0 || /No matches for/.test(dialog.textContent);
        return !busy && answered;
      }, text),
    { timeout, interval: 20, timeoutMsg: `the palette never answered "${text}"` },
  );
}
