// Starts and stops the real Coachbook app for end-to-end tests, through a tauri-driver that is
// already listening (scripts/e2e.sh starts it, under Xvfb).
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, realpath, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { remote } from 'webdriverio';

const here = dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = resolve(here, '../..');
export const APP_BIN = resolve(process.env.COACHBOOK_APP_BIN ?? join(REPO_ROOT, 'target/debug/coachbook-app'));
export const SCREENSHOT_DIR = join(REPO_ROOT, 'target/e2e-screenshots');
const LAUNCHER = join(here, 'launch-app.sh');
const DRIVER_HOST = '127.0.0.1';
const DRIVER_PORT = Number(process.env.TAURI_DRIVER_PORT ?? 4444);

/** Rejects after `ms` so that a stuck driver fails the test instead of hanging it. */
export function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * A test that cannot run here (a tool missing, no root for a mount): it skips visibly on a
 * developer's machine, but in CI (`CI=true`) it fails — a skip there would hide a missing install
 * (scripts/install-deps.sh installs every tool a test uses). Returns true when the caller must stop.
 */
export function cannotRunHere(t, why) {
  if (process.env.CI === 'true') throw new Error(`CI=true: this test must run, but ${why}`);
  t.skip(`SKIPPED: ${why}`);
  console.log(`# skipped: ${why}`);
  return true;
}

/**
 * A data directory for a practice that outlives one app run (relaunch and kill tests). Returns
 * `{ dataDir, db, remove() }`; pass `db` to `launchApp({ db })` as often as needed, then `remove()`.
 */
export async function newPractice() {
  const dataDir = await mkdtemp(join(tmpdir(), 'coachbook-e2e-'));
  return {
    dataDir,
    db: join(dataDir, 'coachbook.db'),
    remove: () => rm(dataDir, { recursive: true, force: true }),
  };
}

function startSession(args, timeoutMs) {
  return withTimeout(
    remote({
      hostname: DRIVER_HOST,
      port: DRIVER_PORT,
      logLevel: 'warn',
      connectionRetryTimeout: timeoutMs,
      // A retried POST /session could start a second app.
      connectionRetryCount: 0,
      capabilities: {
        'tauri:options': { application: LAUNCHER, args },
        // WebKitWebDriver speaks classic WebDriver only; skip wdio's BiDi attempt.
        'wdio:enforceWebDriverClassic': true,
      },
    }),
    timeoutMs,
    `new session via tauri-driver on ${DRIVER_HOST}:${DRIVER_PORT}`,
  );
}

/**
 * Starts the app with `COACHBOOK_DB` set (plus any `env` given): by default a fresh file in a new
 * data directory that `quit()` removes; with `db`, that existing file, which `quit()` and
 * `kill()` leave in place. On a practice not created yet the app asks about a passphrase first:
 * `firstRun: 'skip'` (default) answers "Continue without a passphrase", `'stay'` leaves it shown.
 * Returns `{ browser, db, dataDir, pid, screenshot(name), quit(), kill() }`;
 * always `quit()` or `kill()`.
 */
export async function launchApp({ env = {}, timeoutMs = 30_000, db: existingDb = null, firstRun = 'skip' } = {}) {
  if (!existsSync(APP_BIN)) {
    throw new Error(`app binary not found: ${APP_BIN} (cargo build -p coachbook-app, or set COACHBOOK_APP_BIN)`);
  }
  const ownsData = existingDb === null;
  const dataDir = ownsData ? await mkdtemp(join(tmpdir(), 'coachbook-e2e-')) : dirname(existingDb);
  const db = ownsData ? join(dataDir, 'coachbook.db') : existingDb;
  const removeData = () => (ownsData ? rm(dataDir, { recursive: true, force: true }) : Promise.resolve());
  const appEnv = { COACHBOOK_DB: db, ...env };
  const args = [`--e2e-bin=${APP_BIN}`, ...Object.entries(appEnv).map(([k, v]) => `--e2e-env=${k}=${v}`)];

  // One retry when the app fails to start at all: seen once under heavy load, a relaunch died in
  // GTK's display init. Only the start is retried; nothing a test asserts about data is.
  let browser;
  for (let attempt = 1; ; attempt++) {
    try {
      browser = await startSession(args, timeoutMs);
      break;
    } catch (err) {
      await killAppsWith(db);
      if (attempt >= 2) {
        await removeData();
        throw err;
      }
      console.error(`e2e: the app did not start (${err.message}); retrying once`);
    }
  }

  const pid = (await appPids(db))[0];
  if (firstRun === 'skip') await skipFirstRun(browser);

  return {
    browser,
    db,
    dataDir,
    pid,
    /** Saves a PNG of the window's web content to target/e2e-screenshots/<name>.png. */
    async screenshot(name) {
      await mkdir(SCREENSHOT_DIR, { recursive: true });
      const file = join(SCREENSHOT_DIR, `${name}.png`);
      await withTimeout(browser.saveScreenshot(file), 20_000, `screenshot ${name}`);
      return file;
    },
    /** Ends the session, makes sure the app process is gone, removes a data directory it made. */
    async quit() {
      try {
        await withTimeout(browser.deleteSession(), 15_000, 'delete session');
      } catch (err) {
        console.error(`e2e: ${err.message}`);
      }
      await killAppsWith(db);
      await removeData();
    },
    /**
     * SIGKILLs the app at once — no close handler, no flush, as a crash or a power cut of the
     * process would — then ends the WebDriver session (which can only fail now).
     */
    async kill() {
      for (const p of await appPids(db)) {
        try {
          process.kill(p, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }
      await killAppsWith(db);
      try {
        await withTimeout(browser.deleteSession(), 10_000, 'delete session of a killed app');
      } catch {
        // Expected: the browser it drove is gone.
      }
      await removeData();
    },
  };
}

/**
 * Waits until the app has decided what to show; on the first-run step (no practice yet) chooses
 * "Continue without a passphrase", as every test did before the step existed.
 */
export async function skipFirstRun(browser, timeout = 30_000) {
  const decided = () =>
    browser.execute(() => {
      if (document.querySelector('[data-testid="first-run"]')) return 'first-run';
      const shown = '[data-testid="lock-screen"],[data-testid="startup-problem"],main.content > *';
      return document.querySelector(shown) ? 'other' : null;
    });
  let seen = null;
  await browser.waitUntil(async () => (seen = await decided()) !== null, {
    timeout,
    interval: 50,
    timeoutMsg: 'the app never showed its first screen',
  });
  if (seen !== 'first-run') return;
  await (await browser.$('[data-testid="no-passphrase"]')).click();
  await browser.$('[data-testid="first-run"]').waitForExist({ reverse: true, timeout });
}

/** Pids of app processes whose environment has this session's COACHBOOK_DB (Linux /proc). */
export async function appPids(db) {
  const exe = await realpath(APP_BIN);
  const marker = `\0COACHBOOK_DB=${db}\0`;
  const pids = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if ((await realpath(`/proc/${entry}/exe`)) !== exe) continue;
      const environ = `\0${await readFile(`/proc/${entry}/environ`, 'latin1')}`;
      if (environ.includes(marker)) pids.push(Number(entry));
    } catch {
      // The process ended while we looked, or is not ours to read.
    }
  }
  return pids;
}

/** Waits up to 5 s for the session's app processes to exit, then kills what is left. */
async function killAppsWith(db) {
  const deadline = Date.now() + 5_000;
  let pids = await appPids(db);
  while (pids.length > 0 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 200));
    pids = await appPids(db);
  }
  for (const pid of pids) {
    console.error(`e2e: app pid ${pid} still running after quit; killing it`);
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}
