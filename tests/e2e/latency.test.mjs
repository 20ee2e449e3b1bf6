// Keystroke-to-disk latency, measured two ways while typing like a coach (bursts of words,
// short pauses): the editor's own samples (first unsaved keystroke → the save carrying it
// resolved, window.__coachbookSaveLatencies), and from outside the app, by polling the database
// file with the CLI (`coachbook export -`) until a freshly typed word is in it.
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { REPO_ROOT, launchApp } from './app.mjs';
import {
  click,
  createClient,
  exportPractice,
  notesField,
  percentile,
  saveLatencies,
  sessionsIn,
  typeInto,
  waitForSaved,
} from './ui.mjs';

const PROMISE_MS = 1_000;
const WORDS = 'we looked at who she trusts to carry the launch and why she still reviews every slide herself'.split(' ');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const round = (x) => Math.round(x);

let app;
const report = {};

before(async () => {
  app = await launchApp();
  await createClient(app.browser, 'Latency Client');
  await click(app.browser, 'New session');
  await notesField(app.browser);
});

after(async () => {
  await app?.quit();
  await mkdir(join(REPO_ROOT, 'target/e2e-logs'), { recursive: true });
  await writeFile(join(REPO_ROOT, 'target/e2e-logs/latency.json'), `${JSON.stringify(report, null, 2)}\n`);
  console.log(`# keystroke-to-disk: ${JSON.stringify(report)}`);
});

test("the editor's own keystroke-to-disk samples: p95 within a second", { timeout: 90_000 }, async () => {
  const { browser } = app;
  const notes = browser.$('#s-notes');
  await notes.click();
  const start = Date.now();
  // ~25 s of writing: bursts of 1–12 words (no pause long enough for the debounce inside a
  // burst, so long bursts exercise the max wait), then a pause of 0.1–1.2 s.
  for (let burst = 0; Date.now() - start < 25_000; burst++) {
    const n = 1 + ((burst * 7) % 12);
    for (let i = 0; i < n; i++) await typeInto(notes, `${WORDS[(burst + i) % WORDS.length]} `);
    if (burst % 5 === 4) await typeInto(notes, '\n');
    await sleep(100 + ((burst * 373) % 1_100));
  }
  await waitForSaved(browser);
  const { latencies: samples, durations } = await saveLatencies(browser);
  assert.ok(samples.length >= 20, `only ${samples.length} samples`);
  report.editor = {
    samples: samples.length,
    p50: round(percentile(samples, 50)),
    p95: round(percentile(samples, 95)),
    max: round(Math.max(...samples)),
    all: samples.map(round),
    // The part that is not waiting for a pause in typing: IPC + validation + SQLite commit.
    saveCall: { p50: round(percentile(durations, 50)), p95: round(percentile(durations, 95)) },
  };
  assert.ok(report.editor.p95 <= PROMISE_MS, `p95 ${report.editor.p95} ms is over a second`);
});

test('from outside: a typed word is in the database file within a second', { timeout: 90_000 }, async () => {
  const { browser } = app;
  const notes = browser.$('#s-notes');
  const seen = [];
  for (let i = 0; i < 12; i++) {
    const marker = `mark${i}q${Date.now() % 100_000}`;
    // Sometimes mid-burst (the word is followed by more typing), sometimes alone.
    const typedAt = Date.now();
    await typeInto(notes, ` ${marker}`);
    const afterTyping = Date.now();
    if (i % 2 === 1) for (const w of WORDS.slice(0, 6)) await typeInto(notes, ` ${w}`);
    let found = null;
    while (Date.now() - typedAt < 5_000) {
      const [s] = sessionsIn(await exportPractice(app.db));
      if (s?.notes.includes(marker)) {
        found = Date.now();
        break;
      }
    }
    assert.ok(found, `${marker} never reached the file within 5 s`);
    // Upper bound: counted from before the keys were sent, to when a poll saw it.
    seen.push(found - typedAt);
    report.typingCallMs ??= [];
    report.typingCallMs.push(afterTyping - typedAt);
    await sleep(200 + ((i * 211) % 700));
  }
  const pollMs = [];
  for (let i = 0; i < 5; i++) {
    const t = Date.now();
    await exportPractice(app.db);
    pollMs.push(Date.now() - t);
  }
  report.outside = {
    samples: seen.length,
    p50: round(percentile(seen, 50)),
    p95: round(percentile(seen, 95)),
    max: Math.max(...seen),
    cliPollMs: round(percentile(pollMs, 50)),
  };
  report.typingCallMs = round(percentile(report.typingCallMs, 50));
  assert.ok(report.outside.p95 <= PROMISE_MS + report.outside.cliPollMs + 100, `outside p95 ${report.outside.p95} ms`);
});
