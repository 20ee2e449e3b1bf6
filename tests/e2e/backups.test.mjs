// Settings → Backups: "Back up now" lists a new, checked copy that exists on disk and passes
// `coachbook check`; changing the folder sends the next copy there.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { appPids, cannotRunHere, launchApp, newPractice } from './app.mjs';
import {
  CLI_BIN,
  byLabel,
  click,
  createClient,
  exportPractice,
  notesField,
  openClient,
  openFirstSession,
  sessionsIn,
  typeInto,
  waitForSaved,
  waitForShell,
} from './ui.mjs';

const run = promisify(execFile);
let practice;
let elsewhere;
let app;

before(async () => {
  practice = await newPractice();
  elsewhere = await mkdtemp(join(tmpdir(), 'coachbook-e2e-usb-'));
  await run(CLI_BIN, ['--db', practice.db, 'demo', '--as-of', '2026-11-24'], { timeout: 60_000 });
});

after(async () => {
  await app?.quit();
  await practice?.remove();
  if (elsewhere) await rm(elsewhere, { recursive: true, force: true });
});

const rows = (browser) =>
  browser.execute(() =>
    [...document.querySelectorAll('table.list tbody tr')].map((tr) => ({
      path: tr.dataset.path,
      cells: [...tr.querySelectorAll('td')].map((td) => td.textContent.trim()),
    })),
  );

async function checkCopy(path) {
  assert.ok(existsSync(path), `backup file exists: ${path}`);
  const { stdout } = await run(CLI_BIN, ['--db', path, 'check', '--json'], { timeout: 30_000 });
  const report = JSON.parse(stdout);
  assert.deepEqual(report.integrity, ['ok'], `integrity of ${path}: ${stdout}`);
}

async function backUpNow(browser, countBefore) {
  await click(browser, 'Back up now');
  let list = [];
  await browser.waitUntil(async () => (list = await rows(browser)).length > countBefore, {
    timeout: 30_000,
    timeoutMsg: 'the new backup never appeared in the list',
  });
  const status = await browser.execute(() => document.querySelector('p.notice[role="status"]').textContent.trim());
  assert.match(status, /^Backed up today \d\d:\d\d — .* MB, checked\.$/);
  const last = await browser.execute(() => document.querySelector('[data-testid="last-backup"]').textContent.trim());
  assert.match(last, /^Last backup: today \d\d:\d\d$/);
  return list;
}

test('back up now, then to a folder of your choice', { timeout: 120_000 }, async () => {
  app = await launchApp({ db: practice.db });
  const { browser } = app;
  await waitForShell(browser);
  await click(browser, 'Backups');
  await browser.$('h1=Backups').waitForExist({ timeout: 10_000 });
  const empty = await browser.$('p.empty');
  await empty.waitForExist({ timeout: 10_000, timeoutMsg: 'no empty state' });
  assert.equal(await empty.getText(), 'No backups yet — the first is made automatically today.');
  await app.screenshot('backups-empty');

  const first = await backUpNow(browser, 0);
  assert.equal(first.length, 1);
  const [row] = first;
  assert.ok(row.path.startsWith(join(practice.dataDir, 'backups')), `beside the database: ${row.path}`);
  assert.match(row.cells[0], /^Today \d\d:\d\d$/);
  assert.equal(row.cells[1], 'Automatic');
  // A practice without a passphrase: its copies are plain, and the list says so.
  assert.equal(row.cells[2], 'Not encrypted');
  assert.match(row.cells[3], /^\d+\.\d MB$/);
  await checkCopy(row.path);

  // A folder that cannot be made is refused next to the field, and nothing changes.
  const field = await byLabel(browser, 'Backups folder');
  await field.clearValue();
  await field.setValue('not/a/full/path');
  await click(browser, 'Use this folder');
  const error = await browser.$('#bk-folder-error');
  await error.waitForExist({ timeout: 10_000, timeoutMsg: 'no error next to the folder field' });
  assert.match(await error.getText(), /not a full path/);
  assert.equal(await field.getAttribute('aria-invalid'), 'true');

  const target = join(elsewhere, 'coachbook backups');
  await field.clearValue();
  await field.setValue(target);
  await click(browser, 'Use this folder');
  await browser.waitUntil(async () => !(await browser.$('#bk-folder-error').isExisting()), { timeout: 10_000 });
  const settings = JSON.parse(await readFile(practice.db.replace(/\.db$/, '.settings.json'), 'utf8'));
  assert.equal(settings.backup_dir, target);
  // The list now shows the new, empty folder.
  await browser.$('p.empty').waitForExist({ timeout: 10_000, timeoutMsg: 'the list did not switch to the new folder' });

  // Same second as the first backup would overwrite it; the new folder is empty anyway.
  const second = await backUpNow(browser, 0);
  assert.equal(second.length, 1);
  assert.ok(second[0].path.startsWith(target + '/'), `lands in the chosen folder: ${second[0].path}`);
  await checkCopy(second[0].path);
  assert.equal((await readdir(target)).filter((n) => n.endsWith('.db')).length, 1);
  await app.screenshot('backups');

  // Restore: the confirmation names the backup's date and says the current practice is kept;
  // Esc cancels it; confirming restores and keeps the current file as "Before a restore".
  await (await browser.$('button[data-restore]')).click();
  const dialog = await browser.$('[role="alertdialog"]');
  await dialog.waitForExist({ timeout: 10_000, timeoutMsg: 'no restore confirmation' });
  const text = await dialog.getText();
  assert.match(text, /Restore the backup of today \d\d:\d\d\?/);
  assert.match(text, /kept first, as a copy in the backups folder/);
  await app.screenshot('backups-restore-confirm');
  await browser.keys(['Escape']);
  await dialog.waitForExist({ reverse: true, timeout: 5_000, timeoutMsg: 'Esc did not close the confirmation' });
  assert.equal(await browser.$('h1').getText(), 'Backups', 'Esc closed only the confirmation');

  await (await browser.$('button[data-restore]')).click();
  await click(browser, 'Restore this backup');
  // The app reopens the restored practice on Today.
  await browser.waitUntil(async () => !(await browser.$('[role="alertdialog"]').isExisting()), {
    timeout: 30_000,
    timeoutMsg: 'the restore never finished',
  });
  await click(browser, 'Backups');
  await browser.waitUntil(async () => (await rows(browser)).length === 2, {
    timeout: 10_000,
    timeoutMsg: 'no "Before a restore" copy listed',
  });
  const kinds = (await rows(browser)).map((r) => r.cells[1]).sort();
  assert.deepEqual(kinds, ['Automatic', 'Before a restore']);
  await checkCopy(join(practice.dataDir, 'coachbook.db'));
  // One WebDriver session at a time: the next test starts its own app.
  await app.quit();
  app = null;
});

test('quitting makes a backup, after the window is gone', { timeout: 90_000 }, async () => {
  const fresh = await newPractice();
  let quitting;
  try {
    // An existing (empty) practice, made by the CLI: the app opens it as it is.
    await run(CLI_BIN, ['--db', fresh.db, 'clients'], { timeout: 30_000 });
    quitting = await launchApp({ db: fresh.db });
    await createClient(quitting.browser, 'Quit Client');
    const dir = join(fresh.dataDir, 'backups');
    assert.equal(existsSync(dir), false, 'no backup before quitting');
    // The window goes away as when the coach closes it; the app's event loop then exits.
    // (The driver may lose the window before the script's answer arrives: not an error here.)
    await quitting.browser
      .execute(() => {
        void window.__TAURI_INTERNALS__.invoke('plugin:window|destroy', { label: 'main' });
      })
      .catch(() => {});
    const deadline = Date.now() + 30_000;
    while ((await appPids(fresh.db)).length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    assert.deepEqual(await appPids(fresh.db), [], 'the app exited');
    const copies = (await readdir(dir)).filter((n) => /^coachbook-\d{8}-\d{6}\.db$/.test(n));
    assert.equal(copies.length, 1, `one backup on quit: ${copies}`);
    await checkCopy(join(dir, copies[0]));
    const { stdout } = await run(CLI_BIN, ['--db', join(dir, copies[0]), 'clients'], { timeout: 30_000 });
    assert.match(stdout, /Quit Client/);
  } finally {
    await quitting?.quit();
    await fresh.remove();
  }
});

test('Change folder… through the real folder picker (driven with xdotool)', { timeout: 90_000 }, async (t) => {
  const xdotool = async (...args) => {
    try {
      return (await run('xdotool', args)).stdout.trim();
    } catch (e) {
      return e.code === 'ENOENT' ? null : '';
    }
  };
  if ((await xdotool('version')) === null && cannotRunHere(t, 'xdotool is not installed (scripts/install-deps.sh installs it)')) return;
  const fresh = await newPractice();
  const picked = await mkdtemp(join(tmpdir(), 'coachbook-e2e-picked-'));
  let picking;
  try {
    await run(CLI_BIN, ['--db', fresh.db, 'clients'], { timeout: 30_000 });
    picking = await launchApp({ db: fresh.db });
    const { browser } = picking;
    await waitForShell(browser);
    await click(browser, 'Backups');
    await click(browser, 'Change folder…');
    let win = '';
    await browser.waitUntil(async () => (win = (await xdotool('search', '--name', 'Choose the backups folder')).split('\n')[0]), {
      timeout: 15_000,
      timeoutMsg: 'the folder picker did not open',
    });
    await new Promise((r) => setTimeout(r, 500)); // let GTK draw it
    // The location bar takes a typed path; Return chooses that folder.
    await xdotool('windowfocus', '--sync', win);
    await xdotool('key', '--window', win, 'ctrl+l');
    await xdotool('type', '--window', win, '--delay', '15', `${picked}/`);
    await xdotool('key', '--window', win, 'Return');
    await browser.waitUntil(async () => (await browser.execute(() => document.getElementById('bk-folder').value)) === picked, {
      timeout: 15_000,
      timeoutMsg: 'the picked folder never reached the field',
    });
    const settings = JSON.parse(await readFile(fresh.db.replace(/\.db$/, '.settings.json'), 'utf8'));
    assert.equal(settings.backup_dir, picked);
    const status = await browser.execute(() => document.querySelector('p.notice[role="status"]').textContent.trim());
    assert.equal(status, `Backups now go to ${picked}.`);
  } finally {
    await picking?.quit();
    await fresh.remove();
    await rm(picked, { recursive: true, force: true });
  }
});

// A backup opens its own connection inside the app. Nothing in that may cost the app's main
// connection its file locks: if it did, another process reading the file (the CLI) would delete
// the WAL under the app, and the app's next saves — shown as "Saved" — would never reach the file.
test('after a backup and a CLI read, the next save still reaches the file', { timeout: 90_000 }, async () => {
  const fresh = await newPractice();
  let running;
  try {
    await run(CLI_BIN, ['--db', fresh.db, 'clients'], { timeout: 30_000 });
    running = await launchApp({ db: fresh.db });
    const { browser } = running;
    await createClient(browser, 'Lock Client');
    await click(browser, 'New session');
    await typeInto(await notesField(browser), 'Before the backup.');
    await waitForSaved(browser);

    await click(browser, 'Backups');
    await click(browser, 'Back up now');
    await browser.$('table.list tbody tr').waitForExist({ timeout: 30_000, timeoutMsg: 'no backup listed' });
    const read = sessionsIn(await exportPractice(fresh.db)).map((x) => x.notes);
    assert.deepEqual(read, ['Before the backup.']);

    await openClient(browser, 'Lock Client');
    await openFirstSession(browser);
    const notes = await notesField(browser);
    await browser.execute(() => {
      const t = document.getElementById('s-notes');
      t.focus();
      t.setSelectionRange(t.value.length, t.value.length);
    });
    await typeInto(notes, ' After the backup.');
    await waitForSaved(browser);
    assert.ok(existsSync(`${fresh.db}-wal`), "the open practice's WAL is still there after another process read the file");
    const after = sessionsIn(await exportPractice(fresh.db)).map((x) => x.notes);
    assert.deepEqual(after, ['Before the backup. After the backup.'], 'another process reads the save shown as saved');
  } finally {
    await running?.quit();
    await fresh.remove();
  }
});
