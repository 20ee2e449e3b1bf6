// Screenshots of issue 5's screens on the demo practice: the goal chart, an assignment, the
// exposure ladder. Picks the demo client with the most rated goal and the most exposures.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchApp, newPractice } from './app.mjs';
import { click, openClient } from './ui.mjs';

let practice;
let app;

before(async () => {
  practice = await newPractice();
});

after(async () => {
  await app?.quit();
  await practice?.remove();
});

test('demo practice: goal chart, assignment and exposure ladder', { timeout: 110_000 }, async () => {
  app = await launchApp({ db: practice.db });
  const { browser } = app;
  await click(browser, 'Explore the demo practice', 30_000);
  await browser.$('h2=Next sessions').waitForExist({ timeout: 60_000, timeoutMsg: 'the demo practice never loaded' });

  const pick = await browser.executeAsync((done) => {
    const inv = window.__TAURI_INTERNALS__.invoke;
    (async () => {
      const clients = await inv('list_clients', { filter: { status: null, stage: null, include_archived: false } });
      let best = null;
      for (const c of clients) {
        const o = await inv('client_overview', { id: c.id });
        const goal = [...o.goals].sort((a, b) => b.check_ins - a.check_ins)[0];
        const score = (goal?.check_ins ?? 0) + 3 * o.assignments.length;
        if (goal && (!best || score > best.score)) {
          const assignment = [...o.assignments].sort((a, b) => b.stakes - a.stakes)[0];
          best = { score, name: o.client.name, goal: goal.goal.title, assignment: assignment?.title ?? null };
        }
      }
      done(best);
    })().catch((e) => done({ error: String(e) }));
  });
  assert.ok(pick && !pick.error, JSON.stringify(pick));

  await openClient(browser, pick.name);
  await browser.$('[data-testid="exposure-ladder"]').waitForExist({ timeout: 10_000 }).catch(() => {});
  await app.screenshot('demo-client-ladder');
  await click(browser, pick.goal);
  await browser.$('[data-testid="goal-chart"]').waitForExist({ timeout: 10_000 });
  await app.screenshot('demo-goal-chart');
  if (pick.assignment) {
    await browser.keys('Escape');
    await click(browser, pick.assignment);
    await browser.$('[data-testid="assignment-status"]').waitForExist({ timeout: 10_000 });
    await click(browser, 'Edit');
    await app.screenshot('demo-assignment-form');
  }
});
