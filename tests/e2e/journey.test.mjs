// The coach's first real session: create a client, start a session, type notes and private
// notes, see "Saved", quit — and find every word again after launching the app anew on the
// same database.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchApp, newPractice } from './app.mjs';
import {
  click,
  createClient,
  editorSnapshot,
  exportPractice,
  notesField,
  openClient,
  openFirstSession,
  privateNotesField,
  sessionsIn,
  typeInto,
  waitForSaved,
} from './ui.mjs';

const CLIENT = 'Zoë Łukasz-Şahin';
const NOTES = 'Opened with the reorg. She chose to *delegate* the quarterly plan to Priya.\n- follow up Friday';
const PRIVATE = 'Seemed exhausted; ask about workload next time.';
const MORE = '\n- she will send the plan by Monday';

let practice;
let app;

before(async () => {
  practice = await newPractice();
});

after(async () => {
  await app?.quit();
  await practice?.remove();
});

test('notes typed in a new session are all there after quitting and relaunching', { timeout: 110_000 }, async () => {
  app = await launchApp({ db: practice.db });
  let { browser } = app;

  await createClient(browser, CLIENT);
  await click(browser, 'New session');
  const notes = await notesField(browser);
  await notes.click();
  await typeInto(notes, NOTES);
  const priv = await privateNotesField(browser);
  await priv.click();
  await typeInto(priv, PRIVATE);
  await waitForSaved(browser);

  const shown = await editorSnapshot(browser);
  assert.equal(shown.notes, NOTES);
  assert.equal(shown.privateNotes, PRIVATE);
  await app.screenshot('journey-typed');

  // The file says the same, read by another process.
  const [onDisk] = sessionsIn(await exportPractice(practice.db));
  assert.equal(onDisk?.notes, NOTES);
  assert.equal(onDisk?.private_notes, PRIVATE);

  await app.quit();
  app = null;

  app = await launchApp({ db: practice.db });
  browser = app.browser;
  await openClient(browser, CLIENT);
  await openFirstSession(browser);
  await browser.waitUntil(async () => (await editorSnapshot(browser)).notes === NOTES, {
    timeout: 10_000,
    timeoutMsg: 'the relaunched editor does not show the notes typed before quitting',
  });
  const reopened = await editorSnapshot(browser);
  assert.equal(reopened.privateNotes, PRIVATE);
  assert.equal(reopened.state, 'Saved');
  await app.screenshot('journey-reopened');

  // Esc right after typing, well within the autosave's pause: the editor saves, then goes back.
  await browser.execute(() => {
    const t = document.getElementById('s-notes');
    t.focus();
    t.setSelectionRange(t.value.length, t.value.length);
  });
  await typeInto(browser.$('#s-notes'), MORE);
  await browser.keys('Escape');
  await browser.waitUntil(async () => (await browser.$('h1').getText()) === CLIENT, {
    timeout: 10_000,
    timeoutMsg: 'Esc did not go back to the client view',
  });
  const [afterEsc] = sessionsIn(await exportPractice(practice.db));
  assert.equal(afterEsc?.notes, NOTES + MORE, 'the text typed just before Esc is on disk');
});
