// Encryption at rest and the app lock, as the coach meets them: the first run with a passphrase,
// the file on disk holding no client's name, the lock screen (wrong passphrase refused), "Lock"
// leaving nothing of the data in the page, Settings → Security removing and setting the
// passphrase again with every client kept, and the idle lock saving the note typed just before.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { execFile } from 'node:child_process';
import { copyFile, mkdir, readFile, rm } from 'node:fs/promises';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { REPO_ROOT, launchApp, newPractice } from './app.mjs';
import { CLI_BIN, byLabel, click, createClient, notesField, openClient, openFirstSession, typeInto, waitForShell } from './ui.mjs';

const run = promisify(execFile);

const PASSPHRASE = 'river stone lantern';
const NEW_PASSPHRASE = 'meadow copper kettle';
const NAME = 'Zoë Quillfeather';
const SECOND = 'Ilse Marrowby';
const NOTE = 'she named the fear of the board review out loud';

let practice;
let app;

before(async () => {
  practice = await newPractice();
});

after(async () => {
  await app?.quit();
  await practice?.remove();
});

async function shot(name) {
  // WebKit's snapshot can lag the DOM by a frame or two right after a screen mounts.
  await app.browser.pause(400);
  const file = await app.screenshot(name);
  if (process.env.E2E_DOCS_SCREENSHOTS) {
    await mkdir(join(REPO_ROOT, 'docs/screenshots'), { recursive: true });
    await copyFile(file, join(REPO_ROOT, 'docs/screenshots', `${name}.png`));
  }
}

/** Every byte the practice has on disk: the file and its write-ahead log. */
async function rawBytes() {
  const parts = [practice.db, `${practice.db}-wal`].filter((p) => existsSync(p));
  return Buffer.concat(await Promise.all(parts.map((p) => readFile(p))));
}

const hasName = (bytes, name) => bytes.includes(Buffer.from(name, 'utf8'));

async function lockScreen(browser) {
  await browser.$('[data-testid="lock-screen"]').waitForDisplayed({ timeout: 30_000, timeoutMsg: 'no lock screen' });
}

async function unlock(browser, passphrase) {
  const field = await byLabel(browser, 'Passphrase');
  await field.clearValue();
  await field.setValue(passphrase);
  await click(browser, 'Unlock');
}

async function securityStatus(browser) {
  const el = browser.$('[data-testid="security-status"]');
  await el.waitForDisplayed({ timeout: 20_000 });
  return el.getText();
}

test('first run with a passphrase: the file on disk holds no client name', async () => {
  app = await launchApp({ db: practice.db, firstRun: 'stay' });
  const { browser } = app;
  await browser.$('[data-testid="first-run"]').waitForDisplayed({ timeout: 30_000 });
  assert.ok(!existsSync(practice.db), 'nothing is created before the coach chooses');
  await browser.pause(500); // the first frame of the window, not the one before it
  await shot('first-run-passphrase');

  await (await byLabel(browser, 'Passphrase')).setValue('short');
  await (await byLabel(browser, 'Type it again')).setValue('short');
  await click(browser, 'Protect with this passphrase');
  assert.match(await browser.$('#fr-passphrase-error').getText(), /at least 8 characters/);
  await (await byLabel(browser, 'Passphrase')).setValue(PASSPHRASE);
  await (await byLabel(browser, 'Type it again')).setValue(`${PASSPHRASE}x`);
  await click(browser, 'Protect with this passphrase');
  assert.match(await browser.$('#fr-confirm-error').getText(), /does not match/);
  await (await byLabel(browser, 'Type it again')).setValue(PASSPHRASE);
  await click(browser, 'Protect with this passphrase');

  await createClient(browser, NAME);
  await createClient(browser, SECOND);
  const bytes = await rawBytes();
  assert.ok(bytes.length > 0);
  assert.ok(!bytes.subarray(0, 16).equals(Buffer.from('SQLite format 3\0')), 'not a plain SQLite file');
  assert.ok(!hasName(bytes, NAME) && !hasName(bytes, 'Quillfeather'), 'the client name is not in the file');
  await app.quit();
  app = null;
});

test('relaunch: the lock screen refuses a wrong passphrase and opens with the right one', async () => {
  app = await launchApp({ db: practice.db });
  const { browser } = app;
  await lockScreen(browser);
  assert.ok(!(await browser.getPageSource()).includes(NAME), 'nothing of the data behind the lock');
  assert.ok(await browser.$('button=Quit').isDisplayed(), 'the lock screen can quit the app');
  await shot('lock');
  await unlock(browser, 'not the passphrase');
  const error = browser.$('#lock-passphrase-error');
  await error.waitForDisplayed({ timeout: 20_000 });
  assert.equal(await error.getText(), 'That passphrase is not right.');
  const started = Date.now();
  await unlock(browser, PASSPHRASE);
  await browser.$('[data-testid="lock-screen"]').waitForExist({ reverse: true, timeout: 30_000 });
  console.log(`e2e: unlock took ${Date.now() - started} ms (click to lock screen gone)`);
  await openClient(browser, NAME);
});

test('"Lock" leaves nothing of the data in the page', async () => {
  const { browser } = app;
  await click(browser, 'Lock');
  await lockScreen(browser);
  const source = await browser.getPageSource();
  assert.ok(!source.includes(NAME) && !source.includes(SECOND), 'no client name in the page source');
  await unlock(browser, PASSPHRASE);
  await waitForShell(browser);
  await openClient(browser, SECOND);
});

test('Settings → Security: remove the passphrase, set it again; every client is still there', async () => {
  const { browser } = app;
  await click(browser, 'Security');
  assert.equal(await securityStatus(browser), 'Protected with a passphrase');
  await shot('security');

  await (await byLabel(browser, 'Current passphrase')).setValue(PASSPHRASE);
  await click(browser, 'Remove the passphrase…');
  await click(browser, 'Remove the passphrase');
  await browser.waitUntil(async () => (await securityStatus(browser)) === 'Not protected', {
    timeout: 30_000,
    timeoutMsg: 'the passphrase was not removed',
  });
  assert.match(await browser.$('[data-testid="security-backup"]').getText(), /Backup taken first: .*backups/);
  const plain = await rawBytes();
  assert.ok(hasName(plain, NAME), 'readable without a passphrase now');

  await (await byLabel(browser, 'New passphrase')).setValue(PASSPHRASE);
  await (await byLabel(browser, 'Type it again')).setValue(PASSPHRASE);
  await click(browser, 'Protect with this passphrase');
  await browser.waitUntil(async () => (await securityStatus(browser)) === 'Protected with a passphrase', {
    timeout: 30_000,
    timeoutMsg: 'the passphrase was not set again',
  });
  // The backup taken while it was plain still holds every note in plain text: offered for deletion.
  await browser.$('[data-testid="plain-backups"]').waitForDisplayed({ timeout: 10_000 });
  assert.ok(!hasName(await rawBytes(), NAME), 'encrypted again');
  await openClient(browser, NAME);
  await openClient(browser, SECOND);
});

test('Settings → Security: after a change, the copies with the old passphrase are re-keyed', async () => {
  const { browser } = app;
  await click(browser, 'Security');
  await (await byLabel(browser, 'Current passphrase')).setValue(PASSPHRASE);
  await (await byLabel(browser, 'New passphrase')).setValue(NEW_PASSPHRASE);
  await (await byLabel(browser, 'Type it again')).setValue(NEW_PASSPHRASE);
  await click(browser, 'Change passphrase');
  // The backup taken before the change (at least) still opens with the old passphrase.
  const offer = browser.$('[data-testid="old-passphrase-backups"]');
  await offer.waitForDisplayed({ timeout: 60_000, timeoutMsg: 'no offer for the old-passphrase copies' });
  const copies = await browser.execute(() => [...document.querySelectorAll('[data-testid="old-passphrase-backups"] li')].map((li) => li.textContent.trim()));
  assert.ok(copies.length >= 1 && copies.every((p) => p.includes('/backups/')), copies.join(', '));
  await browser.execute(() => document.querySelector('[data-testid="old-passphrase-backups"]').scrollIntoView({ block: 'center' }));
  await shot('security-old-copies');
  await browser.$('[data-testid="rekey-old-copies"]').click();
  await offer.waitForExist({ reverse: true, timeout: 60_000, timeoutMsg: 'the copies were not re-keyed' });
  // Each copy now opens with the new passphrase, and no longer with the old one.
  const opens = async (copy, passphrase) =>
    run(CLI_BIN, ['--db', copy, 'check'], { env: { ...process.env, COACHBOOK_PASSPHRASE: passphrase }, timeout: 30_000 }).then(
      () => true,
      () => false,
    );
  for (const copy of copies) {
    const probe = join(practice.dataDir, 'probe.db');
    await copyFile(copy, probe); // `check` opens (and may migrate) a file: never the backup itself
    assert.ok(await opens(probe, NEW_PASSPHRASE), `${copy} opens with the new passphrase`);
    assert.ok(!(await opens(probe, PASSPHRASE)), `${copy} no longer opens with the old one`);
    await rm(probe, { force: true });
  }
  // Back to the first passphrase for the tests that follow (its own old copies are re-keyed too).
  await (await byLabel(browser, 'Current passphrase')).setValue(NEW_PASSPHRASE);
  await (await byLabel(browser, 'New passphrase')).setValue(PASSPHRASE);
  await (await byLabel(browser, 'Type it again')).setValue(PASSPHRASE);
  await click(browser, 'Change passphrase');
  await offer.waitForDisplayed({ timeout: 60_000 });
  await browser.$('[data-testid="rekey-old-copies"]').click();
  await offer.waitForExist({ reverse: true, timeout: 60_000 });
});

test('idle lock: a note typed just before is saved, then the window locks', async () => {
  const { browser } = app;
  await click(browser, 'Security');
  const minutes = await byLabel(browser, 'Lock after this many minutes of inactivity');
  await minutes.clearValue();
  await minutes.setValue('0.1');
  await click(browser, 'Save');
  await openClient(browser, NAME);
  await click(browser, 'New session');
  await typeInto(await notesField(browser), NOTE);
  // Six seconds without a key or click: the app saves the note and locks.
  await lockScreen(browser);
  assert.ok(!(await browser.getPageSource()).includes(NOTE), 'the note is not in the page');
  await unlock(browser, PASSPHRASE);
  await openClient(browser, NAME);
  await openFirstSession(browser);
  assert.equal(await (await notesField(browser)).getValue(), NOTE);
});
