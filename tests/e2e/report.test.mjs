// Progress reports from the client screen on the demo practice: the dialog's preview follows the
// options, the coach audience warns about private notes, Esc closes and Ctrl+P opens it, the
// paper size is remembered. The native save dialog cannot be driven by WebDriver, so the save
// itself calls the same `save_report` command the Save… button calls, and the files are checked
// with qpdf and pdftotext. Then the profile: a name set there heads the preview.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { deflateSync } from 'node:zlib';
import { after, before, test } from 'node:test';
import { REPO_ROOT, cannotRunHere, launchApp, newPractice } from './app.mjs';
import { button, byLabel, click, openClient } from './ui.mjs';

/** Screenshots go to target/e2e-screenshots; with E2E_DOCS_SCREENSHOTS=1 also to docs/ (a test run must not dirty the tree). */
async function keepScreenshot(app, name) {
  const file = await app.screenshot(name);
  if (!process.env.E2E_DOCS_SCREENSHOTS) return;
  await mkdir(join(REPO_ROOT, 'docs/screenshots'), { recursive: true });
  await copyFile(file, join(REPO_ROOT, 'docs/screenshots', `${name}.png`));
}

const run = promisify(execFile);
let practice;
let app;
let pick;

before(async () => {
  practice = await newPractice();
  app = await launchApp({ db: practice.db });
});

after(async () => {
  await app?.quit();
  await practice?.remove();
});

const flat = (s) => s.replace(/\s+/g, ' ').trim();
/** A few plain words from markdown text: what pdftotext shows of it whatever the wrapping. */
function words(markdown, n = 5) {
  const line = markdown
    .split('\n')
    .map((l) => l.replace(/[*_#>`[\]]|^\s*(?:[-+]|\d+\.)\s+/g, '').trim())
    .find((l) => l.split(/\s+/).length >= n);
  return line ? line.split(/\s+/).slice(0, n).join(' ') : null;
}

async function invoke(cmd, args) {
  const out = await app.browser.executeAsync(
    (c, a, done) => window.__TAURI_INTERNALS__.invoke(c, a).then((v) => done({ ok: v }), (e) => done({ err: e })),
    cmd,
    args,
  );
  if ('err' in out) throw Object.assign(new Error(JSON.stringify(out.err)), out.err);
  return out.ok;
}

async function pdfText(file) {
  const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', file, '-']);
  return flat(stdout);
}

async function previewText(browser) {
  return browser.execute(() => document.querySelector('[data-testid="report-preview"] svg')?.textContent ?? null);
}

async function waitForPreview(browser, what, ok) {
  let last = null;
  await browser.waitUntil(
    async () => {
      last = await previewText(browser);
      return last !== null && ok(flat(last));
    },
    { timeout: 15_000, timeoutMsg: `preview never showed ${what} (last: ${last?.slice(0, 200)})` },
  );
}

test('progress report: preview by audience, private-notes warning, saved PDFs', { timeout: 150_000 }, async () => {
  const { browser } = app;
  await click(browser, 'Explore the demo practice', 30_000);
  await browser.$('h2=Next sessions').waitForExist({ timeout: 60_000, timeoutMsg: 'the demo practice never loaded' });

  // The client with the most sessions, and one held session of theirs with notes and takeaways
  // whose words appear nowhere else (goal or exposure titles).
  const clients = await invoke('list_clients', { filter: { status: null, stage: null, include_archived: false } });
  const busiest = [...clients].sort((a, b) => b.sessions_held - a.sessions_held)[0];
  const overview = await invoke('client_overview', { id: busiest.id });
  const titles = flat([...overview.goals.map((g) => g.goal.title), ...overview.assignments.map((a) => a.title)].join(' | '));
  const page = await invoke('client_sessions', { clientId: busiest.id, offset: 0, limit: 500 });
  let session = null;
  for (const s of page.items.filter((x) => x.status === 'held')) {
    const full = await invoke('get_session', { id: s.id });
    const note = words(full.notes);
    const takeaway = words(full.takeaways, 4);
    if (note && takeaway && !titles.includes(note) && !titles.includes(takeaway)) {
      session = { note, takeaway, privateNote: words(full.private_notes) };
      break;
    }
  }
  assert.ok(session, `no held session with notes and takeaways for ${busiest.name}`);
  const oldest = page.items[page.items.length - 1].starts_at.slice(0, 10);
  const start = [overview.client.engagement_start, oldest].filter(Boolean).sort()[0];
  pick = { id: busiest.id, name: busiest.name, from: start };

  await openClient(browser, busiest.name);
  await click(browser, 'Progress report…');
  const dialog = browser.$('[role="dialog"]');
  await dialog.waitForExist({ timeout: 10_000, timeoutMsg: 'the report dialog did not open' });

  await (await byLabel(browser, 'Whole engagement')).click();
  await (await byLabel(browser, 'Sponsor')).click();
  await waitForPreview(browser, `the client's name ${busiest.name}`, (t) => t.includes(busiest.name));
  const head = await browser.execute(() => document.querySelector('.preview-head')?.textContent ?? '');
  assert.match(flat(head), /^Page 1 of \d+/);
  assert.equal(await browser.$('[data-testid="private-warning"]').isExisting(), false, 'no warning for a sponsor');

  await (await byLabel(browser, 'Coach')).click();
  const warning = browser.$('[data-testid="private-warning"]');
  await warning.waitForDisplayed({ timeout: 5_000, timeoutMsg: 'no private-notes warning on the coach audience' });
  assert.match(await warning.getText(), /Confidential — contains your private notes\. Keep it for your own file\./);
  // Page 1 of the coach's file is marked confidential.
  await waitForPreview(browser, 'the confidential mark', (t) => /confidential/i.test(t));
  const overflow = await browser.execute(() => {
    const o = document.querySelector('.options');
    return o ? o.scrollHeight - o.clientHeight : null;
  });
  console.log(`options column overflow: ${overflow}px`);
  await keepScreenshot(app, 'report-dialog');

  // Custom dates the wrong way round: said beside "To", nothing asked of the engine.
  await (await byLabel(browser, 'Custom')).click();
  const from = await byLabel(browser, 'From');
  const to = await byLabel(browser, 'To');
  await browser.execute(() => {
    const set = (id, v) => {
      const el = document.getElementById(id);
      el.value = v;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    };
    set('report-from', '2026-05-10');
    set('report-to', '2026-05-01');
  });
  await browser.$('#report-to-error').waitForExist({ timeout: 5_000, timeoutMsg: 'no error beside To' });
  assert.equal(await to.getAttribute('aria-invalid'), 'true');
  assert.equal(await from.getAttribute('aria-invalid'), null);
  assert.equal(await (await button(browser, 'Close')).isEnabled(), true);
  assert.equal(await browser.$('button=Save…').isEnabled(), false, 'Save… waits for a valid period');

  // An empty period: the preview is the engine's page that says so.
  await browser.execute(() => {
    const set = (id, v) => {
      const el = document.getElementById(id);
      el.value = v;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    };
    set('report-from', '1999-01-01');
    set('report-to', '1999-01-31');
  });
  await waitForPreview(browser, 'the empty-period line', (t) => t.includes('Nothing was recorded'));

  // Letter is remembered (a setting beside the practice file) for the next report.
  await (await byLabel(browser, 'Letter')).click();
  await browser.$('[data-testid="report-preview"].letter').waitForExist({ timeout: 10_000, timeoutMsg: 'preview not on Letter' });

  // Esc closes the dialog only (still on the client); Ctrl+P opens it again.
  await browser.keys('Escape');
  await dialog.waitForExist({ reverse: true, timeout: 5_000, timeoutMsg: 'Esc did not close the dialog' });
  assert.equal(await browser.$('h1').getText(), busiest.name);
  await browser.keys(['Control', 'p']);
  await dialog.waitForExist({ timeout: 5_000, timeoutMsg: 'Ctrl+P did not open the dialog' });
  await browser.waitUntil(async () => (await byLabel(browser, 'Letter')).isSelected(), {
    timeout: 5_000,
    timeoutMsg: 'Letter was not remembered',
  });
  const settings = await readFile(practice.db.replace(/\.db$/, '.settings.json'), 'utf8');
  assert.match(settings, /"paper": "letter"/);
  await (await byLabel(browser, 'A4')).click();
  await browser.keys('Escape');

  // Save: the command behind Save…, for each audience, to a temp folder.
  const today = await browser.execute(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });
  const texts = {};
  for (const audience of ['client', 'sponsor', 'coach']) {
    const path = join(practice.dataDir, `report-${audience}.pdf`);
    const request = { client_id: busiest.id, from: start, to: today, audience, paper: 'a4' };
    // Round trips as the dialog sees them (IPC included), median of 3.
    const timed = async (cmd, args) => {
      const ms = [];
      let out;
      for (let i = 0; i < 3; i++) {
        const t0 = Date.now();
        out = await invoke(cmd, args);
        ms.push(Date.now() - t0);
      }
      return { out, ms: ms.sort((x, y) => x - y)[1] };
    };
    const previewed = await timed('report_preview', { request });
    const { out: saved, ms: saveMs } = await timed('save_report', { request, path });
    assert.equal(previewed.out.pages, saved.pages, 'the preview counts the pages of the file');
    assert.equal(saved.path, path);
    assert.ok(saved.pages >= 1 && saved.bytes > 1000, JSON.stringify(saved));
    assert.ok(existsSync(path), `${path} written`);
    const bytes = await readFile(path);
    assert.equal(bytes.length, saved.bytes);
    assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-');
    await run('qpdf', ['--check', path]);
    texts[audience] = await pdfText(path);
    console.log(
      `report ${audience}: ${saved.pages} pages, ${saved.bytes} bytes; preview ${previewed.ms} ms, save ${saveMs} ms (debug build)`,
    );
  }
  assert.ok(texts.client.includes(session.takeaway), `client report lacks the takeaway "${session.takeaway}"`);
  assert.ok(texts.sponsor.includes(busiest.name), 'sponsor report names the client');
  assert.ok(!texts.sponsor.includes(session.note), `sponsor report shows note text "${session.note}"`);
  assert.ok(!texts.sponsor.includes(session.takeaway), `sponsor report shows a takeaway "${session.takeaway}"`);
  if (session.privateNote) {
    assert.ok(!texts.client.includes(session.privateNote), 'client report shows a private note');
    assert.ok(!texts.sponsor.includes(session.privateNote), 'sponsor report shows a private note');
  }

  // A path that is not a full path is refused, naming the field; nothing is written.
  await assert.rejects(
    invoke('save_report', { request: { client_id: busiest.id, from: start, to: today, audience: 'client', paper: 'a4' }, path: 'r.pdf' }),
    (e) => e.field === 'report.out',
  );
});

/** A small PNG logo (a teal mark on white), made here so the test needs no image file. */
function logoPng(width = 180, height = 60) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    out.write(type, 4, 'latin1');
    data.copy(out, 8);
    out.writeUInt32BE(crc(out.subarray(4, 8 + data.length)), 8 + data.length);
    return out;
  };
  const rows = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3, 0xff);
    row[0] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      const inMark = (x - 30) ** 2 + (y - 30) ** 2 < 22 ** 2 || (x > 62 && x < 170 && y > 22 && y < 38);
      if (inMark) row.set([0x24, 0x63, 0x5e], 1 + x * 3);
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

test('profile: an empty name is explained in the dialog; the name set in the profile heads the preview', { timeout: 90_000 }, async () => {
  assert.ok(pick, 'the first test picked a client');
  const { browser } = app;
  await click(browser, 'Your profile');
  const name = await byLabel(browser, 'Your name');
  await name.waitForDisplayed({ timeout: 10_000 });
  // Select all and delete, as a person would (clearValue fires no input event).
  await name.click();
  await browser.keys(['Control', 'a']);
  await browser.keys('Backspace');
  assert.equal(await name.getValue(), '');
  await click(browser, 'Save profile');
  await browser.$('p.notice=Saved. Reports are headed with this from now on.').waitForDisplayed({ timeout: 10_000 });

  await openClient(browser, pick.name);
  await click(browser, 'Progress report…');
  await click(browser, 'Add them in Your profile');
  const field = await byLabel(browser, 'Your name');
  await field.waitForDisplayed({ timeout: 10_000, timeoutMsg: 'the link did not open the profile' });
  await field.setValue('Dr Ada Quill-Ferreira');
  await (await byLabel(browser, 'Credentials')).setValue('MCC — ICF Master Certified Coach');

  // The logo through the real file input (shown for WebDriver, which cannot type into a hidden one).
  const logoFile = join(practice.dataDir, 'logo.png');
  await writeFile(logoFile, logoPng());
  await browser.execute(() => document.getElementById('pf-logo').classList.remove('visually-hidden'));
  await browser.$('#pf-logo').setValue(logoFile);
  await browser.execute(() => document.getElementById('pf-logo').classList.add('visually-hidden'));
  await browser.$('[data-testid="logo-preview"]').waitForDisplayed({ timeout: 10_000, timeoutMsg: 'no logo preview' });
  await click(browser, 'Save profile');
  await browser.$('p.notice=Saved. Reports are headed with this from now on.').waitForDisplayed({ timeout: 10_000 });
  const coach = await invoke('get_coach', {});
  assert.equal(coach.name, 'Dr Ada Quill-Ferreira');
  assert.equal(coach.logo?.mime, 'image/png');
  await keepScreenshot(app, 'profile');

  await openClient(browser, pick.name);
  await click(browser, 'Progress report…');
  await waitForPreview(browser, 'the coach name', (t) => t.includes('Dr Ada Quill-Ferreira'));
  assert.equal(await browser.$('button=Add them in Your profile').isExisting(), false);
  // The logo is in the page too (a data: image, which the CSP allows).
  assert.ok(await browser.$('[data-testid="report-preview"] svg image').isExisting(), 'logo in the preview');
  await browser.keys('Escape');
});

/** Runs xdotool against the test display; null when it is not installed. */
async function xdotool(...args) {
  try {
    const { stdout } = await run('xdotool', args);
    return stdout.trim();
  } catch (e) {
    if (e.code === 'ENOENT') return null;
    return '';
  }
}

test('Save… through the real native save dialog (driven with xdotool)', { timeout: 90_000 }, async (t) => {
  if ((await xdotool('version')) === null && cannotRunHere(t, 'xdotool is not installed (scripts/install-deps.sh installs it)')) return;
  assert.ok(pick, 'the first test picked a client');
  const { browser } = app;
  await openClient(browser, pick.name);
  await click(browser, 'Progress report…');
  await (await byLabel(browser, 'Sponsor')).click();
  await waitForPreview(browser, 'the sponsor report', (t) => t.includes(pick.name));
  await click(browser, 'Save…');

  let win = '';
  await browser.waitUntil(async () => (win = (await xdotool('search', '--name', 'Save progress report')).split('\n')[0]), {
    timeout: 15_000,
    timeoutMsg: 'the native save dialog did not open',
  });
  await new Promise((r) => setTimeout(r, 700)); // let GTK draw it, for the screenshot
  await mkdir(join(REPO_ROOT, 'target/e2e-screenshots'), { recursive: true });
  await run('import', ['-window', 'root', join(REPO_ROOT, 'target/e2e-screenshots/report-save-dialog.png')]);

  const out = join(practice.dataDir, 'chosen in the dialog.pdf');
  await xdotool('windowfocus', '--sync', win);
  await xdotool('key', '--window', win, 'ctrl+a');
  await xdotool('type', '--window', win, '--delay', '15', out);
  await xdotool('key', '--window', win, 'Return');

  const state = browser.$('[data-testid="report-save-state"]');
  await browser.waitUntil(async () => (await state.getText()).startsWith('Saved'), {
    timeout: 20_000,
    timeoutMsg: 'no "Saved" after the native dialog',
  });
  assert.ok((await state.getText()).includes(out), await state.getText());
  const bytes = await readFile(out);
  assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-');
  await run('qpdf', ['--check', out]);
  assert.ok(!(await pdfText(out)).includes('Confidential'), 'a sponsor report is not the coach file');
  assert.equal(await browser.execute(() => document.activeElement?.textContent), 'Open', 'the focus moves to Open');
  await browser.keys('Escape');
});
