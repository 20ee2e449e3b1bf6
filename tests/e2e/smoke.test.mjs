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

test('window shows the title', async () => {
  const { browser } = app;
  await browser.waitUntil(async () => (await browser.$('h1').getText()) === 'Coachbook', {
    timeout: 20_000,
    timeoutMsg: 'no <h1>Coachbook</h1> within 20 s',
  });
});

test('version comes from the backend over IPC (strict CSP)', async () => {
  const manifest = await readFile(join(REPO_ROOT, 'src-tauri/Cargo.toml'), 'utf8');
  const expected = `Version ${manifest.match(/^version = "(.+)"$/m)[1]}`;
  const version = app.browser.$('[data-testid="version"]');
  await app.browser.waitUntil(async () => (await version.getText()) === expected, {
    timeout: 20_000,
    timeoutMsg: `version text never became "${expected}"`,
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
