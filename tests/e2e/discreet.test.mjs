// Discreet mode, for a coach sharing a screen or sitting beside a client: Ctrl+Shift+D hides every
// private note, every private-note search hit and every other client's name — not in the page at
// all — with its state visible in the sidebar, until Ctrl+Shift+D turns it off.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { REPO_ROOT, launchApp } from './app.mjs';
import {
  click,
  createClient,
  notesField,
  openPalette,
  paletteResults,
  privateNotesField,
  typeInto,
  waitForPaletteAnswer,
  waitForSaved,
} from './ui.mjs';

const ME = 'Zoë Quintbury';
const OTHER = 'Hartmut Oelsnitz';
const SHARED = 'agreed to chair the review herself';
const PRIVATE = 'PRIVMARK she fears the new director';

let app;

before(async () => {
  app = await launchApp();
});

after(async () => {
  await app?.quit();
});

const source = () => app.browser.getPageSource();

async function toggle() {
  await app.browser.keys(['Control', 'Shift', 'd']);
  // Release the modifiers: the next keys must not be read as shortcuts.
  await app.browser.keys(['Control', 'Shift']);
}

async function discreetOn() {
  return app.browser.execute(() => document.querySelector('[data-testid="discreet-toggle"]')?.getAttribute('aria-pressed'));
}

test('Ctrl+Shift+D hides private notes, private hits and other clients’ names until turned off', async () => {
  const { browser } = app;
  await createClient(browser, OTHER);
  await createClient(browser, ME);
  await click(browser, 'New session');
  await typeInto(await notesField(browser), SHARED);
  await typeInto(await privateNotesField(browser), PRIVATE);
  await waitForSaved(browser);
  assert.ok((await source()).includes('PRIVMARK'), 'shown before');

  await toggle();
  await browser.waitUntil(async () => (await discreetOn()) === 'true', { timeout: 5_000, timeoutMsg: 'discreet mode did not turn on' });
  const toggleText = await browser.$('[data-testid="discreet-toggle"]').getText();
  assert.equal(toggleText, 'Discreet: on', 'the sidebar says so');
  await browser.$('[data-testid="private-hidden"]').waitForDisplayed({ timeout: 5_000 });
  let page = await source();
  assert.ok(!page.includes('PRIVMARK'), 'the private note is not in the page');
  assert.ok(page.includes(SHARED), 'the shared notes stay');
  assert.ok(page.includes(ME), "the open client's own name stays");
  await app.browser.pause(300);
  const file = await app.screenshot('discreet');
  if (process.env.E2E_DOCS_SCREENSHOTS) {
    await mkdir(join(REPO_ROOT, 'docs/screenshots'), { recursive: true });
    await copyFile(file, join(REPO_ROOT, 'docs/screenshots/discreet.png'));
  }

  // Search from the session: no private hit, no other client.
  const input = await openPalette(browser);
  await input.setValue('PRIVMARK');
  await waitForPaletteAnswer(browser, 'PRIVMARK');
  assert.deepEqual(await paletteResults(browser), [], 'no private-note hit');
  await input.setValue('Oelsnitz');
  await waitForPaletteAnswer(browser, 'Oelsnitz');
  assert.deepEqual(await paletteResults(browser), [], "no other client's record");
  await input.setValue('chair');
  await waitForPaletteAnswer(browser, 'chair');
  const hits = await paletteResults(browser);
  assert.ok(hits.length >= 1 && hits.every((h) => h.client === ME), JSON.stringify(hits));
  assert.ok(!(await source()).includes(OTHER), 'not in the palette either');
  await browser.keys('Escape');

  // Screens with every client: no name at all.
  for (const screen of ['Today', 'Clients']) {
    await click(browser, screen);
    await browser.pause(500);
    page = await source();
    assert.ok(!page.includes(OTHER) && !page.includes('Oelsnitz'), `${screen}: no other client's name`);
    assert.ok(!page.includes('Quintbury'), `${screen}: no client open, so no name`);
  }
  assert.ok(page.includes('Another client'), 'the list says a client is there');

  // Off again: everything is back.
  await toggle();
  await browser.waitUntil(async () => (await discreetOn()) === 'false', { timeout: 5_000, timeoutMsg: 'discreet mode did not turn off' });
  await browser.waitUntil(async () => (await source()).includes(OTHER), { timeout: 5_000, timeoutMsg: 'names did not come back' });
  assert.equal(await browser.$('[data-testid="discreet-toggle"]').getText(), 'Discreet mode');
});
