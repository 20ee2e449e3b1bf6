// How the app opens a practice it cannot simply use: a damaged file (offer and restore the latest
// good backup, never write to the damaged file), a file from a newer Coachbook (both versions
// named, bytes unchanged) and a read-only folder (banner, editing off).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { promisify } from 'node:util';
import { launchApp, newPractice } from './app.mjs';
import { CLI_BIN, click, notesField, openClient, openFirstSession, waitForShell } from './ui.mjs';

const run = promisify(execFile);
const cleanups = [];
after(async () => {
  for (const f of cleanups.reverse()) await f();
});

async function demoPractice() {
  const practice = await newPractice();
  cleanups.push(() => practice.remove());
  await run(CLI_BIN, ['--db', practice.db, 'demo', '--as-of', '2026-11-24'], { timeout: 60_000 });
  return practice;
}

async function clientNames(db) {
  const { stdout } = await run(CLI_BIN, ['--db', db, 'clients', '--json'], { timeout: 30_000 });
  return JSON.parse(stdout).map((c) => c.name);
}

/** The start-up screen, once shown: its kind, message and latest-backup line. */
async function startupScreen(browser) {
  const screen = browser.$('[data-testid="startup-problem"]');
  await screen.waitForExist({ timeout: 30_000, timeoutMsg: 'no start-up screen' });
  return browser.execute(() => {
    const el = document.querySelector('[data-testid="startup-problem"]');
    return {
      kind: el.dataset.kind,
      title: el.querySelector('h1').textContent.trim(),
      message: el.querySelector('[data-testid="startup-message"]').textContent.trim(),
      versions: el.querySelector('[data-testid="startup-versions"]')?.textContent.trim() ?? null,
      backup: el.querySelector('[data-testid="latest-backup"]')?.textContent.trim() ?? null,
      buttons: [...el.querySelectorAll('button')].map((b) => b.textContent.trim()),
    };
  });
}

test('a damaged file: the latest good backup is offered, restored, and the damaged file kept', { timeout: 120_000 }, async () => {
  const practice = await demoPractice();
  const names = await clientNames(practice.db);
  await run(CLI_BIN, ['--db', practice.db, 'backups', 'run', '--force'], { timeout: 60_000 });
  // Overwrite the middle of the file, as a failing disk might.
  const bytes = await readFile(practice.db);
  bytes.fill(0xa5, 4096 * 3, bytes.length - 4096);
  await writeFile(practice.db, bytes);

  const app = await launchApp({ db: practice.db });
  cleanups.push(() => app.quit());
  const { browser } = app;
  const shown = await startupScreen(browser);
  assert.equal(shown.kind, 'damaged');
  assert.equal(shown.title, 'Your practice file is damaged');
  assert.match(shown.message, /damaged/);
  assert.match(shown.backup, /Latest good backup\s*\d+ \w{3} \d{4}, \d\d:\d\d · \d+\.\d MB/);
  assert.ok(shown.buttons.some((b) => /^Restore the latest good backup \(/.test(b)), shown.buttons.join(' | '));
  assert.ok(shown.buttons.includes('Open another file…'));
  assert.ok(shown.buttons.includes('Quit'));
  await browser.pause(300);
  await app.screenshot('startup-damaged');
  assert.ok((await readFile(practice.db)).equals(bytes), 'the damaged file is not written to');

  await (await browser.$('[data-testid="restore-latest"]')).click();
  await click(browser, 'Restore this backup');
  await browser.$('[data-testid="startup-problem"]').waitForExist({ reverse: true, timeout: 30_000 });
  await waitForShell(browser);
  await click(browser, 'Clients');
  await browser.waitUntil(
    async () => (await browser.execute(() => document.body.textContent)).includes(names[0]),
    { timeout: 20_000, timeoutMsg: `restored client ${names[0]} not listed` },
  );
  // The damaged file was kept, byte for byte, in the backups folder.
  const dir = join(practice.dataDir, 'backups');
  const kept = (await readdir(dir)).filter((n) => n.startsWith('coachbook-before-restore-'));
  assert.equal(kept.length, 1, kept.join(', '));
  assert.ok((await readFile(join(dir, kept[0]))).equals(bytes));
  await app.quit();
  assert.deepEqual(await clientNames(practice.db), names);
});

test('a newer file names both versions and is left as it was', { timeout: 60_000 }, async () => {
  const practice = await demoPractice();
  const { stdout } = await run(CLI_BIN, ['--db', practice.db, 'check', '--json'], { timeout: 30_000 });
  const supported = JSON.parse(stdout).latest_schema_version;
  // user_version: the 4-byte big-endian integer at offset 60 of the SQLite header.
  const bytes = await readFile(practice.db);
  bytes.writeUInt32BE(supported + 5, 60);
  await writeFile(practice.db, bytes);

  const app = await launchApp({ db: practice.db });
  cleanups.push(() => app.quit());
  const shown = await startupScreen(app.browser);
  assert.equal(shown.kind, 'newer');
  assert.equal(shown.title, 'This practice needs a newer Coachbook');
  assert.match(shown.message, new RegExp(`file format ${supported + 5}\\b`));
  assert.match(shown.message, new RegExp(`reads file formats up to ${supported}\\b`));
  assert.match(shown.versions, new RegExp(`File format ${supported + 5} · this Coachbook [\\d.]+ reads up to format ${supported}`));
  assert.equal(shown.backup, null, 'no restore offered for a newer file');
  await app.screenshot('startup-newer');
  await app.quit();
  assert.ok((await readFile(practice.db)).equals(bytes), 'not a byte changed');
});

/** Makes a folder read-only for real (root ignores permission bits: a read-only bind mount). */
async function readOnlyFolder(dir) {
  if (process.getuid() === 0) {
    await run('mount', ['--bind', dir, dir]);
    await run('mount', ['-o', 'remount,bind,ro', dir]);
    return () => run('umount', [dir]);
  }
  await run('chmod', ['555', dir]);
  return () => run('chmod', ['755', dir]);
}

test('a read-only folder opens read-only: banner, editing off, nothing lost', { timeout: 90_000 }, async () => {
  const practice = await demoPractice();
  const names = await clientNames(practice.db);
  const before = await readFile(practice.db);
  const undo = await readOnlyFolder(practice.dataDir);
  cleanups.push(undo);

  const app = await launchApp({ db: practice.db });
  cleanups.push(() => app.quit());
  const { browser } = app;
  await waitForShell(browser);
  const banner = browser.$('[data-testid="read-only-banner"]');
  await banner.waitForExist({ timeout: 30_000, timeoutMsg: 'no read-only banner' });
  assert.equal(
    await banner.getText(),
    'Read-only: this file cannot be changed — the file is on a read-only disk. Your edits are disabled, nothing is lost.',
  );

  await click(browser, 'Clients');
  const newClient = await browser.$('button=New client');
  await newClient.waitForExist({ timeout: 20_000 });
  assert.equal(await newClient.isEnabled(), false, 'New client is disabled');

  // A client's sessions and notes all show; nothing can be changed.
  await openClient(browser, names[0]);
  assert.equal(await browser.$('button=New session').isEnabled(), false, 'New session is disabled');
  await openFirstSession(browser);
  const notes = await notesField(browser);
  assert.equal(await notes.isEnabled(), false, 'the notes cannot be edited');
  assert.equal(await browser.$('button=Delete session').isEnabled(), false);
  await app.screenshot('read-only');
  await app.quit();
  assert.ok((await readFile(practice.db)).equals(before), 'not a byte changed');
});
