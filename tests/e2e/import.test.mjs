// Settings → Import, end to end in the real app: a coaching platform's CSV (columns guessed, one
// corrected, the date question answered) and an Obsidian vault, each previewed then imported;
// the practice file then holds them. Paths go through the screen's text field (the native
// picker is the same as the Backups folder picker's, covered there).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { promisify } from 'node:util';
import { REPO_ROOT, launchApp } from './app.mjs';
import { CLI_BIN, byLabel, click, exportPractice, sessionsIn, waitForShell } from './ui.mjs';

const run = promisify(execFile);
const FIXTURES = join(REPO_ROOT, 'tests/fixtures/import');
let app;
let scratch;

after(async () => {
  await app?.quit();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

/** Screenshots go to target/e2e-screenshots; with E2E_DOCS_SCREENSHOTS=1 also to docs/ (a test run must not dirty the tree). */
async function docsShot(name) {
  const file = await app.screenshot(name);
  if (!process.env.E2E_DOCS_SCREENSHOTS) return;
  await mkdir(join(REPO_ROOT, 'docs/screenshots'), { recursive: true });
  await copyFile(file, join(REPO_ROOT, 'docs/screenshots', `${name}.png`));
}

const text = (browser, testid) =>
  browser.execute((id) => document.querySelector(`[data-testid="${id}"]`)?.textContent.trim() ?? null, testid);

async function waitForText(browser, testid, pattern, what) {
  let last = null;
  await browser.waitUntil(async () => pattern.test((last = await text(browser, testid)) ?? ''), {
    timeout: 20_000,
    timeoutMsg: `${what}: ${last}`,
  });
  return last;
}

async function preview(browser, path) {
  const field = await byLabel(browser, path.endsWith('.csv') ? 'CSV file' : 'Folder of notes');
  await field.clearValue();
  await field.setValue(path);
  await click(browser, 'Preview');
}

async function clients() {
  const { stdout } = await run(CLI_BIN, ['--db', app.db, 'clients', '--json'], { timeout: 20_000 });
  return JSON.parse(stdout);
}

test('a platform CSV and an Obsidian vault imported from the Welcome screen', { timeout: 180_000 }, async () => {
  scratch = await mkdtemp(join(tmpdir(), 'coachbook-e2e-import-'));
  app = await launchApp();
  const { browser } = app;
  await waitForShell(browser);
  await (await browser.$('button=Bring your practice in')).waitForClickable({ timeout: 20_000 });
  await docsShot('welcome');
  await click(browser, 'Bring your practice in');
  await browser.$('h1=Import').waitForExist({ timeout: 10_000 });

  // A file with a problem: named by row and column, and the Import button stays off.
  const bad = join(scratch, 'bad.csv');
  await writeFile(bad, 'Client,Email,Date\nAna Souza,not-an-email,2026-03-14\n');
  await preview(browser, bad);
  const problems = await waitForText(browser, 'import-problems', /row 2, column "Email"/, 'the problem list');
  assert.match(problems, /must be an email address/);
  assert.equal(await (await browser.$('.go button')).isEnabled(), false);

  // The platform export: columns guessed, dates that read both ways asked about.
  await preview(browser, join(FIXTURES, 'platform-export.csv'));
  await browser.$('[data-testid="date-question"]').waitForExist({ timeout: 20_000 });
  const guessed = await browser.execute(() => [...document.querySelectorAll('select[data-column]')].map((s) => s.value));
  assert.deepEqual(guessed.slice(0, 5), ['ignore', 'first_name', 'last_name', 'email', 'session_date']);
  assert.equal(await (await browser.$('button*=Import 4 clients')).isEnabled(), false, 'no import before the answer');
  // Keep the platform's booking id as a tag.
  await (await browser.$('select[data-column="0"]')).selectByAttribute('value', 'tags');
  await (await byLabel(browser, 'Month first — 03/04/2026 is March 4')).click();
  await waitForText(browser, 'import-plan', /^4 new clients, 6 sessions$/, 'the plan line');
  await docsShot('import-csv');
  await click(browser, 'Import 4 clients and 6 sessions');
  const done = await waitForText(browser, 'import-done', /^Imported 4 new clients and 6 sessions\./, 'the summary');
  assert.ok(done);
  const afterCsv = await clients();
  assert.equal(afterCsv.length, 4);
  const priya = afterCsv.find((c) => c.name === 'Priya Raman');
  assert.ok(priya, JSON.stringify(afterCsv));

  // The vault: nested folders, front matter, wiki links, attachments, a template.
  await click(browser, 'Import something else');
  await (await byLabel(browser, 'A folder of Markdown notes')).click();
  await preview(browser, join(FIXTURES, 'vault'));
  await waitForText(browser, 'import-plan', /^2 new clients, 1 client already in the practice, 5 sessions$/, 'the vault plan');
  await docsShot('import-notes');
  await click(browser, 'Import 2 clients and 5 sessions');
  await waitForText(browser, 'import-done', /^Imported 2 new clients and 5 sessions\. 1 client already/, 'the vault summary');

  assert.equal((await clients()).length, 6);
  const exported = await exportPractice(app.db);
  const kickoff = sessionsIn(exported).find((s) => s.notes?.startsWith('# Kick-off with Ana'));
  assert.ok(kickoff, 'the kick-off note is a session');
  assert.match(kickoff.notes, /\[\[Feedback#Difficult conversations\|difficult conversations\]\]/);
  const tagged = exported.clients.find((c) => c.name === 'Priya Raman' || c.client?.name === 'Priya Raman');
  assert.ok(JSON.stringify(tagged).includes('BK-10245'), 'the booking id became a tag');

  await click(browser, 'Open the clients');
  await browser.waitUntil(() => browser.execute(() => document.querySelector('main').innerText.includes('Łukasz Nowak')), {
    timeout: 10_000,
    timeoutMsg: 'the imported clients are not in the list',
  });
  await app.screenshot('import-clients');
});
