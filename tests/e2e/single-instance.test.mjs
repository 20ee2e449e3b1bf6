// A second launch hands over to the running app (D-Bus, tauri-plugin-single-instance) and exits
// without opening the practice; the first keeps working. Without a session bus the app still
// starts. scripts/e2e.sh runs a private session bus for these apps.
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { promisify } from 'node:util';
import { APP_BIN, appPids, launchApp, newPractice } from './app.mjs';
import { CLI_BIN, createClient, waitForShell } from './ui.mjs';

const run = promisify(execFile);
const cleanups = [];
after(async () => {
  for (const f of cleanups.reverse()) await f();
});

/** Starts the app binary directly; resolves with its exit code and how long it ran. */
function launchAgain(env) {
  const started = Date.now();
  const child = spawn(APP_BIN, [], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, ms: Date.now() - started, output });
    });
  });
}

test('a second launch focuses the first and exits without opening the file', { timeout: 120_000 }, async (t) => {
  assert.ok(process.env.DBUS_SESSION_BUS_ADDRESS, 'scripts/e2e.sh provides a session bus');
  const practice = await newPractice();
  cleanups.push(() => practice.remove());
  const app = await launchApp({ db: practice.db });
  cleanups.push(() => app.quit());
  const { browser } = app;
  await waitForShell(browser);
  await createClient(browser, 'Ada First');

  const second = await launchAgain({ COACHBOOK_DB: app.db });
  t.diagnostic(`second launch exited with ${second.code} after ${second.ms} ms`);
  assert.equal(second.signal, null, `the second launch was still running after 20 s: ${second.output}`);
  assert.equal(second.code, 0, second.output);
  assert.ok(second.ms < 10_000, `exits quickly (${second.ms} ms)`);

  // A launch for a file that does not exist yet would create it (and its folder) on opening:
  // nothing appears, so the hand-over happens before the practice is touched.
  const elsewhere = await mkdtemp(join(tmpdir(), 'coachbook-e2e-second-'));
  cleanups.push(() => rm(elsewhere, { recursive: true, force: true }));
  const untouched = join(elsewhere, 'not-yet', 'coachbook.db');
  const third = await launchAgain({ COACHBOOK_DB: untouched });
  assert.equal(third.code, 0, third.output);
  assert.equal(existsSync(join(elsewhere, 'not-yet')), false, 'the second instance opened no practice');

  // The first is still the one app, and still works.
  assert.deepEqual(await appPids(app.db), [app.pid]);
  const focused = await browser.execute(() => document.hasFocus());
  t.diagnostic(`first window focused after the hand-over: ${focused}`);
  await createClient(browser, 'Ben Still Here');
  await app.quit();
  // The database is whole and holds both clients.
  const { stdout } = await run(CLI_BIN, ['--db', practice.db, 'check', '--json'], { timeout: 30_000 });
  const report = JSON.parse(stdout);
  assert.deepEqual(report.integrity, ['ok']);
  assert.equal(report.counts.clients, 2);
});

test('without a session bus the app starts as usual', { timeout: 60_000 }, async () => {
  const app = await launchApp({ env: { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/coachbook-no-bus' } });
  cleanups.push(() => app.quit());
  await waitForShell(app.browser);
  await createClient(app.browser, 'Cleo No Bus');
  await app.quit();
});
