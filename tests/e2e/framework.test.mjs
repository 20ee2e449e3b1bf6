// The competency framework in Settings: rename, move, retire; a retired one is not offered for
// a new goal.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchApp, newPractice } from './app.mjs';
import { byLabel, click, createClient, waitForShell } from './ui.mjs';

let practice;
let app;

before(async () => {
  practice = await newPractice();
});

after(async () => {
  await app?.quit();
  await practice?.remove();
});

const names = (browser) =>
  browser.execute(() => [...document.querySelectorAll('.entries .name')].map((e) => e.firstChild.textContent.trim()));

test('retire, rename and move competencies; retired ones are not offered for new goals', { timeout: 90_000 }, async () => {
  app = await launchApp({ db: practice.db });
  const { browser } = app;
  await waitForShell(browser);
  await click(browser, 'Framework');
  await browser.$('.entries li').waitForExist({ timeout: 10_000, timeoutMsg: 'no competencies listed' });
  const before = await names(browser);
  assert.ok(before.length >= 3, `default framework has ${before.length} entries`);
  const [first, second] = before;

  await (await browser.$(`button[aria-label="Move ${first} down"]`)).click();
  await browser.waitUntil(async () => (await names(browser)).indexOf(first) > (await names(browser)).indexOf(second), {
    timeout: 10_000,
    timeoutMsg: 'move down did nothing',
  });

  await (await browser.$(`button[aria-label="Edit ${second}"]`)).click();
  const name = await byLabel(browser, 'Name');
  await name.clearValue();
  await name.setValue('Calm under fire');
  await click(browser, 'Save');
  await browser.waitUntil(async () => (await names(browser)).includes('Calm under fire'), { timeout: 10_000 });

  await (await browser.$(`button[aria-label="Retire ${first}"]`)).click();
  await browser.$(`button[aria-label="Restore ${first}"]`).waitForExist({ timeout: 10_000 });
  await app.screenshot('framework');

  await createClient(browser, 'Jonas Berg');
  await click(browser, 'New goal');
  // The framework loads after the form renders: wait for more than the "None" option.
  const options = () =>
    browser.execute(() => [...document.querySelectorAll('#gf-competency-id option')].map((o) => o.textContent));
  await browser.waitUntil(async () => (await options()).length > 1, {
    timeout: 10_000,
    timeoutMsg: 'the goal form never listed the framework',
  });
  const offered = await options();
  assert.ok(offered.some((o) => o.includes('Calm under fire')), `renamed one offered: ${offered}`);
  assert.ok(!offered.some((o) => o.endsWith(` · ${first}`)), `retired one not offered: ${offered}`);
});
