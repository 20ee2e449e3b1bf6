// The lock never fails open: an encrypted practice on a full disk (a small tmpfs filled to the
// last byte) cannot save what the coach types, yet the idle lock still fires — the lock screen,
// and neither the client's name nor the typed words anywhere in the page. The text waits in
// memory, retrying; once space is back and the coach unlocks, it reaches the file. Needs root for
// the mount (in CI, CI=true, its absence fails the test). Also: core dumps are off for the app
// while an encrypted practice is open.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { closeSync, openSync, readFileSync, statfsSync, writeFileSync, writeSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { promisify } from 'node:util';
import { REPO_ROOT, cannotRunHere, launchApp } from './app.mjs';
import { CLI_BIN, byLabel, click, createClient, notesField, saveState, sessionsIn, typeInto, waitForSaved } from './ui.mjs';

const run = promisify(execFile);
const PASSPHRASE = 'harbour lamp quietly';
const NAME = 'Ottilie Vanbrugh';
const TYPED = 'MARKER she will chair the crisis call herself';
const FULL_TEXT = 'Not saved — the disk is full; retrying…';

let mountDir = null;
let mounted = false;
let app = null;

after(async () => {
  await app?.quit();
  if (mounted) await run('umount', ['-l', mountDir]).catch((e) => console.error(`e2e: umount: ${e.message}`));
  if (mountDir) await rm(mountDir, { recursive: true, force: true });
});

async function mountTmpfs() {
  mountDir = await mkdtemp(join(tmpdir(), 'coachbook-e2e-lockfull-'));
  if (process.getuid?.() !== 0) return 'not running as root';
  try {
    await run('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', mountDir]);
    mounted = true;
    return null;
  } catch (e) {
    return `mount -t tmpfs failed: ${e.message}`;
  }
}

function fill(dir) {
  const path = join(dir, 'filler');
  const fd = openSync(path, 'w');
  const chunk = Buffer.alloc(64 * 1024, 0x61);
  try {
    for (const size of [64 * 1024, 4096, 512, 1]) {
      for (;;) {
        try {
          writeSync(fd, chunk, 0, size);
        } catch (e) {
          if (e.code === 'ENOSPC') break;
          throw e;
        }
      }
    }
  } finally {
    closeSync(fd);
  }
  return path;
}

/** The sessions' notes as the file holds them now, read by the CLI with the passphrase. */
async function notesOnDisk(db) {
  const { stdout } = await run(CLI_BIN, ['--db', db, 'export', '-'], {
    env: { ...process.env, COACHBOOK_PASSPHRASE: PASSPHRASE },
    maxBuffer: 64 << 20,
    timeout: 30_000,
  });
  return sessionsIn(JSON.parse(stdout)).map((s) => s.notes);
}

async function shot(name) {
  await app.browser.pause(400);
  const file = await app.screenshot(name);
  if (process.env.E2E_DOCS_SCREENSHOTS) {
    await mkdir(join(REPO_ROOT, 'docs/screenshots'), { recursive: true });
    await copyFile(file, join(REPO_ROOT, 'docs/screenshots', `${name}.png`));
  }
}

test('the idle lock fires while saves fail, shows nothing, and the text lands after the unlock', { timeout: 120_000 }, async (t) => {
  const why = await mountTmpfs();
  if (why && cannotRunHere(t, `needs root to mount a tmpfs (${why})`)) return;
  const db = join(mountDir, 'coachbook.db');
  // An encrypted practice made by the CLI, locking after 6 s of inactivity.
  await run(CLI_BIN, ['--db', db, 'clients'], { env: { ...process.env, COACHBOOK_PASSPHRASE: PASSPHRASE }, timeout: 30_000 });
  writeFileSync(join(mountDir, 'coachbook.settings.json'), JSON.stringify({ lock_after_minutes: 0.1 }));

  app = await launchApp({ db });
  const { browser } = app;
  await browser.$('[data-testid="lock-screen"]').waitForDisplayed({ timeout: 30_000 });
  // The app holds no core-dump limit above zero while the encrypted practice is open.
  const limits = readFileSync(`/proc/${app.pid}/limits`, 'utf8');
  assert.match(limits, /^Max core file size\s+0\s+0\s/m, 'core dumps are off for an encrypted practice');
  await (await byLabel(browser, 'Passphrase')).setValue(PASSPHRASE);
  await click(browser, 'Unlock');
  await createClient(browser, NAME);
  await click(browser, 'New session');
  const notes = await notesField(browser);
  await typeInto(notes, 'Saved before the disk filled. ');
  await waitForSaved(browser);

  const filler = fill(mountDir);
  assert.equal(statfsSync(mountDir).bavail, 0, 'the tmpfs is full');
  // Enough text that it cannot fit in the WAL space already there, then the words to find.
  await browser.execute((text) => {
    const ta = document.getElementById('s-notes');
    ta.value += text;
    ta.dispatchEvent(new Event('input', { bubbles: true }));
  }, 'The coach kept writing on a laptop with no room left. '.repeat(2_500));
  await typeInto(notes, TYPED);
  await browser.waitUntil(async () => (await saveState(browser)) === FULL_TEXT, {
    timeout: 15_000,
    interval: 50,
    timeoutMsg: 'the save never failed for the full disk',
  });

  // Hands off: the idle lock fires although the text cannot be saved.
  const idleFrom = Date.now();
  await browser.$('[data-testid="lock-screen"]').waitForDisplayed({ timeout: 30_000, timeoutMsg: 'the idle lock did not fire' });
  console.log(`# lock-full-disk: locked ${Date.now() - idleFrom} ms after the last keystroke (idle 6 s + up to 2 s for the save)`);
  const source = await browser.getPageSource();
  assert.ok(!source.includes(NAME), 'no client name in the page');
  assert.ok(!source.includes('MARKER') && !source.includes('no room left'), 'no typed text in the page');
  const warning = await browser.$('[data-testid="lock-unsaved"]');
  assert.match(await warning.getText(), /not on disk yet/);
  const waiting = await browser.execute(() => ({ ...window.__coachbookUnsaved }));
  console.log(`# lock-full-disk: waiting behind the lock: ${JSON.stringify(waiting)}`);
  assert.equal(waiting.count, 1, 'the typed text waits in memory');
  await shot('lock-unsaved');
  assert.ok(!(await notesOnDisk(db)).some((n) => n.includes('MARKER')), 'not on disk while the disk is full');

  // Space back, unlock: the retry that follows writes the text.
  await rm(filler);
  await (await byLabel(browser, 'Passphrase')).setValue(PASSPHRASE);
  await click(browser, 'Unlock');
  await browser.$('[data-testid="lock-screen"]').waitForExist({ reverse: true, timeout: 30_000 });
  // The unlock saved it before any screen mounted: nothing is waiting any more.
  const left = await browser.execute(() => ({ ...window.__coachbookUnsaved }));
  assert.deepEqual(left, { count: 0, reasons: [] }, 'nothing waits to be saved after the unlock');
  let onDisk = [];
  await browser.waitUntil(async () => (onDisk = await notesOnDisk(db)).some((n) => n.endsWith(TYPED)), {
    timeout: 30_000,
    interval: 1_000,
    timeoutMsg: 'the text typed on the full disk never reached the file',
  });
  assert.equal(onDisk.length, 1);
  assert.ok(onDisk[0].startsWith('Saved before the disk filled. The coach kept writing'), 'the whole text, in order');
});
