// No network: while the app runs through the main journey (demo practice, a client, a goal, a
// session's notes, search, a backup), every socket of the app process and of its WebKit child
// processes is sampled from /proc and classified. Allowed: Unix and netlink sockets, and the one
// WebDriver automation link — WebKit's remote-inspector server, which the app (the UI process)
// listens on at the loopback address WebKitWebDriver put in WEBKIT_INSPECTOR_SERVER, the
// connections it accepted, and the app's and its web process's own connections to that port
// (measured: both connect to it). Anything else (any other TCP, any UDP such as a DNS lookup, raw or
// packet sockets) fails the test. A self-check first proves the sampler sees sockets that break
// the rule. The CSP in tauri.conf.json must name no remote source.
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { readdir, readFile, readlink } from 'node:fs/promises';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { promisify } from 'node:util';
import { REPO_ROOT, launchApp, newPractice } from './app.mjs';
import {
  CLI_BIN,
  click,
  notesField,
  openClient,
  openFirstSession,
  openPalette,
  typeInto,
  waitForPaletteAnswer,
  waitForSaved,
} from './ui.mjs';

const INET_TABLES = ['tcp', 'tcp6', 'udp', 'udp6', 'raw', 'raw6'];
const TCP_LISTEN = '0A';

let app = null;
let probe = null;
let practice = null;

after(async () => {
  probe?.kill('SIGKILL');
  await app?.quit();
  await practice?.remove();
});

/** "0100007F:9391" (or the 32-hex-digit IPv6 form) → { ip, port, loopback }. */
export function parseAddress(text) {
  const [hex, portHex] = text.split(':');
  const port = parseInt(portHex, 16);
  if (hex.length === 8) {
    const b = Buffer.from(hex, 'hex').reverse(); // little-endian on x86
    const ip = [...b].join('.');
    return { ip, port, loopback: b[0] === 127 };
  }
  // IPv6: four little-endian 32-bit words.
  const words = hex.match(/.{8}/g).map((w) => Buffer.from(w, 'hex').reverse().toString('hex'));
  const full = words.join('');
  const ip = full.match(/.{4}/g).join(':');
  const loopback = full === '00000000000000000000000000000001' || /^00000000000000000000ffff7f/.test(full);
  return { ip, port, loopback };
}

/** inode → socket description, from one network namespace's /proc/<pid>/net tables. */
async function socketTables(pid) {
  const byInode = new Map();
  for (const table of INET_TABLES) {
    const text = await readFile(`/proc/${pid}/net/${table}`, 'utf8').catch(() => '');
    for (const line of text.split('\n').slice(1)) {
      const f = line.trim().split(/\s+/);
      if (f.length < 10) continue;
      byInode.set(f[9], { family: 'inet', table, local: parseAddress(f[1]), remote: parseAddress(f[2]), state: f[3] });
    }
  }
  for (const table of ['unix', 'netlink', 'packet']) {
    const text = await readFile(`/proc/${pid}/net/${table}`, 'utf8').catch(() => '');
    const column = { unix: 6, netlink: 9, packet: 8 }[table];
    for (const line of text.split('\n').slice(1)) {
      const f = line.trim().split(/\s+/);
      if (f.length > column) byInode.set(f[column], { family: table });
    }
  }
  return byInode;
}

/** `root` and every process below it (WebKit's network and web processes). */
async function processTree(root) {
  const parents = new Map();
  for (const e of await readdir('/proc')) {
    if (!/^\d+$/.test(e)) continue;
    const stat = await readFile(`/proc/${e}/stat`, 'utf8').catch(() => null);
    if (!stat) continue;
    const after = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    parents.set(Number(e), { ppid: Number(after[1]), comm: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')) });
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) {
    for (const [pid, p] of parents) if (p.ppid === tree[i] && !tree.includes(pid)) tree.push(pid);
  }
  return tree.map((pid) => ({ pid, comm: parents.get(pid)?.comm ?? '?' }));
}

/**
 * One look at every socket of `root`'s process tree. `allowedListen` is the loopback port of the
 * automation link (null: none allowed). Returns { sockets, violations }.
 */
export async function sample(root, allowedListen) {
  const procs = await processTree(root);
  let tables = await socketTables(root);
  const sockets = [];
  const violations = [];
  for (const { pid, comm } of procs) {
    const fds = await readdir(`/proc/${pid}/fd`).catch(() => []);
    for (const fd of fds) {
      const link = await readlink(`/proc/${pid}/fd/${fd}`).catch(() => '');
      const m = /^socket:\[(\d+)\]$/.exec(link);
      if (!m) continue;
      let s = tables.get(m[1]);
      if (!s) {
        tables = await socketTables(root); // made since the tables were read
        s = tables.get(m[1]);
      }
      if (!s) {
        // Closed meanwhile, or a kind no table lists: only the latter counts.
        const still = await readlink(`/proc/${pid}/fd/${fd}`).catch(() => null);
        if (still === link) violations.push(`${comm}[${pid}] fd ${fd}: socket ${m[1]} of an unknown kind`);
        continue;
      }
      sockets.push({ comm, ...s });
      if (s.family === 'unix' || s.family === 'netlink') continue;
      const what = s.family === 'inet'
        ? `${s.table} ${s.local.ip}:${s.local.port} → ${s.remote.ip}:${s.remote.port} (state ${s.state})`
        : `${s.family} socket`;
      // The inspector server's listener, the connections it accepted (WebKitWebDriver's), and
      // the app's and web process's own connections to it: loopback at both ends, that port.
      const automation =
        s.family === 'inet' &&
        s.table.startsWith('tcp') &&
        allowedListen !== null &&
        s.local.loopback &&
        ((s.local.port === allowedListen && (s.state === TCP_LISTEN || s.remote.loopback)) ||
          (s.remote.port === allowedListen && s.remote.loopback));
      if (!automation) violations.push(`${comm}[${pid}]: ${what}`);
    }
  }
  return { sockets, violations };
}

/** The loopback port WebKitWebDriver told the app to serve the automation link on. */
async function automationPort(pid) {
  const env = (await readFile(`/proc/${pid}/environ`, 'utf8')).split('\0');
  const line = env.find((l) => l.startsWith('WEBKIT_INSPECTOR_SERVER='));
  assert.ok(line, 'the app runs under WebKitWebDriver (WEBKIT_INSPECTOR_SERVER is set)');
  const [host, port] = line.split('=')[1].split(':');
  assert.equal(host, '127.0.0.1', `the automation link is loopback: ${line}`);
  return Number(port);
}

test('the CSP names no remote source', async () => {
  const conf = JSON.parse(await readFile(join(REPO_ROOT, 'src-tauri/tauri.conf.json'), 'utf8'));
  const csp = conf.app?.security?.csp;
  assert.equal(typeof csp, 'string', 'a CSP is set');
  for (const directive of csp.split(';').map((d) => d.trim()).filter(Boolean)) {
    const [name, ...sources] = directive.split(/\s+/);
    for (const src of sources) {
      // Tauri's own IPC (ipc: and its http://ipc.localhost fallback) never leaves the process.
      const local = ["'self'", "'none'", 'data:', 'ipc:', 'http://ipc.localhost', 'asset:', 'http://asset.localhost'];
      assert.ok(local.includes(src), `${name} allows ${src}: only local sources may appear`);
    }
  }
  assert.match(csp, /default-src 'self'/);
});

test('the sampler sees a socket that breaks the rule (self-check)', { timeout: 20_000 }, async () => {
  // A child process with a UDP socket (what a DNS lookup uses) and a loopback TCP listener.
  probe = spawn(process.execPath, [
    '-e',
    `const d = require('node:dgram').createSocket('udp4'); d.bind(0, '127.0.0.1');
     require('node:net').createServer().listen(0, '127.0.0.1', () => console.log('ready'));
     setInterval(() => {}, 1000);`,
  ]);
  await new Promise((resolve, reject) => {
    probe.stdout.on('data', (b) => b.toString().includes('ready') && resolve());
    probe.on('exit', () => reject(new Error('probe exited')));
  });
  const { violations } = await sample(probe.pid, null);
  assert.ok(violations.some((v) => v.includes('udp ')), `UDP seen: ${violations}`);
  assert.ok(violations.some((v) => v.includes('tcp ') && v.includes('(state 0A)')), `TCP listener seen: ${violations}`);
  // Allowing an automation port does not let a listener on another port through.
  const other = await sample(probe.pid, 1);
  assert.ok(other.violations.some((v) => v.includes('(state 0A)')), `still flagged: ${other.violations}`);
  probe.kill('SIGKILL');
  probe = null;
});

test('the main journey opens no network socket', { timeout: 120_000 }, async () => {
  // An existing empty practice (made by the CLI), so the app starts on its welcome screen.
  practice = await newPractice();
  await promisify(execFile)(CLI_BIN, ['--db', practice.db, 'clients'], { timeout: 30_000 });
  app = await launchApp({ db: practice.db });
  const { browser } = app;
  const port = await automationPort(app.pid);
  const seen = { samples: 0, sockets: 0, automation: 0, processes: new Set() };
  const violations = new Set();
  let stop = false;
  const sampler = (async () => {
    while (!stop) {
      const s = await sample(app.pid, port);
      seen.samples += 1;
      seen.sockets += s.sockets.length;
      seen.automation += s.sockets.filter((x) => x.family === 'inet').length;
      for (const x of s.sockets) seen.processes.add(x.comm);
      for (const v of s.violations) violations.add(v);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();

  try {
    await click(browser, 'Explore the demo practice', 30_000);
    await browser.$('h2=Next sessions').waitForExist({ timeout: 60_000, timeoutMsg: 'the demo practice never loaded' });
    const pick = await browser.executeAsync((done) => {
      const inv = window.__TAURI_INTERNALS__.invoke;
      (async () => {
        const clients = await inv('list_clients', { filter: { status: null, stage: null, include_archived: false } });
        for (const c of clients) {
          const o = await inv('client_overview', { id: c.id });
          if (o.goals.length > 0) return done({ name: o.client.name, goal: o.goals[0].goal.title });
        }
        done({ error: 'no client with a goal' });
      })().catch((e) => done({ error: String(e) }));
    });
    assert.ok(pick && !pick.error, JSON.stringify(pick));

    await openClient(browser, pick.name);
    await click(browser, pick.goal);
    await browser.$('[data-testid="goal-chart"]').waitForExist({ timeout: 10_000 });
    await browser.keys('Escape');
    await openFirstSession(browser);
    const notes = await notesField(browser);
    await browser.execute(() => {
      const t = document.getElementById('s-notes');
      t.focus();
      t.setSelectionRange(t.value.length, t.value.length);
    });
    await typeInto(notes, ' Offline check: nothing leaves this laptop.');
    await waitForSaved(browser);

    await openPalette(browser);
    await (await browser.$('#palette-input')).setValue('offline');
    await waitForPaletteAnswer(browser, 'offline');
    await browser.keys('Escape');

    await click(browser, 'Backups');
    await click(browser, 'Back up now');
    await browser.$('table.list tbody tr').waitForExist({ timeout: 30_000, timeoutMsg: 'no backup listed' });
  } finally {
    stop = true;
    await sampler;
  }

  console.log(
    `# no-network: ${seen.samples} samples, ${seen.sockets} sockets checked in ${[...seen.processes].join(', ')}; ` +
      `automation link 127.0.0.1:${port} seen ${seen.automation} times; violations: ${violations.size}`,
  );
  for (const v of violations) console.log(`# violation: ${v}`);
  assert.ok(seen.samples >= 10, `sampled often enough (${seen.samples})`);
  assert.ok(seen.processes.has('coachbook-app'), 'sockets of the app process were seen');
  assert.ok([...seen.processes].some((c) => c.startsWith('WebKit')), `WebKit child processes were sampled: ${[...seen.processes]}`);
  assert.ok(seen.automation > 0, 'the automation link itself was seen (the sampler reads the inet tables)');
  assert.deepEqual([...violations], [], 'no network socket besides the automation link');
});
