import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { REPO_ROOT, launchApp } from './app.mjs';

let app;

before(async () => {
  app = await launchApp();
});

after(async () => {
  await app?.quit();
});

test('window shows the shell: the sidebar with the brand', async () => {
  const { browser } = app;
  const brand = browser.$('nav[aria-label="Main"] .brand');
  await browser.waitUntil(async () => (await brand.isExisting()) && (await brand.getText()) === 'Coachbook', {
    timeout: 20_000,
    timeoutMsg: 'no sidebar brand "Coachbook" within 20 s',
  });
});

test('app_info comes back from the backend over IPC (strict CSP): the sidebar shows the version', async () => {
  const manifest = await readFile(join(REPO_ROOT, 'src-tauri/Cargo.toml'), 'utf8');
  const version = manifest.match(/^version = "(.+)"$/m)[1];
  const nav = app.browser.$('nav[aria-label="Main"]');
  await app.browser.waitUntil(async () => (await nav.getText()).includes(version), {
    timeout: 20_000,
    timeoutMsg: `the sidebar never showed version ${version}`,
  });
  assert.equal(await app.browser.$('[role="alert"]').isExisting(), false);
});

test('the CSP is enforced: no eval', async () => {
  const outcome = await app.browser.execute(() => {
    try {
      return String(globalThis.eval('1 + 1'));
    } catch (e) {
      return e.name;
    }
  });
  assert.equal(outcome, 'EvalError');
});

test('app process got this session COACHBOOK_DB', () => {
  assert.ok(app.pid, `no app process with COACHBOOK_DB=${app.db}`);
});

test('screenshot', async () => {
  const file = await app.screenshot('smoke');
  const png = await readFile(file);
  assert.equal(png.subarray(1, 4).toString(), 'PNG');
});
