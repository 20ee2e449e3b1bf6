// Fresh-machine truth: every program a test runs is installed by scripts/install-deps.sh, so a
// fresh machine runs every test instead of skipping some (in CI, CI=true, a skip for a missing tool
// fails: see cannotRunHere in app.mjs). This needs no app: it reads the install script and the
// tests themselves.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './app.mjs';

// Each program the tests (Rust and e2e) or scripts/e2e.sh run, and the Debian package that has it.
const TOOLS = {
  xdotool: 'xdotool',
  pdftotext: 'poppler-utils',
  pdftoppm: 'poppler-utils',
  qpdf: 'qpdf',
  convert: 'imagemagick',
  import: 'imagemagick',
  rg: 'ripgrep',
  Xvfb: 'xvfb',
  WebKitWebDriver: 'webkit2gtk-driver',
  xwininfo: 'x11-utils',
  'dbus-daemon': 'dbus-daemon',
  mount: 'mount',
  umount: 'mount',
  chmod: 'coreutils',
  sh: 'dash',
  curl: 'curl',
};
// Debian's essential and required packages: on every installed system, nothing to install.
const ALWAYS_THERE = new Set(['coreutils', 'mount', 'dash']);

function installed() {
  const script = readFileSync(join(REPO_ROOT, 'scripts/install-deps.sh'), 'utf8');
  const want = /want=\(([\s\S]*?)\n\)/.exec(script);
  assert.ok(want, 'install-deps.sh has a want=( … ) list');
  return new Set(
    want[1]
      .split('\n')
      .map((l) => l.replace(/#.*/, ''))
      .flatMap((l) => l.trim().split(/\s+/))
      .filter(Boolean),
  );
}

/** Program names the tests start: Command::new("x") in Rust, run('x' …)/execFile('x' …) in JS. */
function programsUsed() {
  const found = new Set();
  const scan = (dir, ext) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory() && e.name !== 'node_modules') scan(p, ext);
      else if (e.name.endsWith(ext) && e.name !== 'fresh-machine.test.mjs') {
        const text = readFileSync(p, 'utf8');
        for (const m of text.matchAll(/Command::new\("([\w.-]+)"\)/g)) found.add(m[1]);
        for (const m of text.matchAll(/\b(?:run|execFile|spawn|execFileSync)\(\s*'([\w.-]+)'/g)) found.add(m[1]);
      }
    }
  };
  scan(join(REPO_ROOT, 'tests'), '.rs');
  scan(join(REPO_ROOT, 'tests/e2e'), '.mjs');
  return found;
}

test('the install script installs the package of every program a test runs', () => {
  const packages = installed();
  const used = programsUsed();
  assert.ok(used.has('xdotool'), 'the scan finds the tests that drive GTK dialogs');
  for (const program of used) {
    assert.ok(program in TOOLS, `a test runs ${program}: name its Debian package in TOOLS (and in install-deps.sh)`);
  }
  for (const [program, pkg] of Object.entries(TOOLS)) {
    assert.ok(packages.has(pkg) || ALWAYS_THERE.has(pkg), `${program} comes with the Debian package ${pkg}, which install-deps.sh does not install`);
  }
});

test('in CI every one of those programs is really there', (t) => {
  const missing = Object.keys(TOOLS).filter((program) => {
    try {
      execFileSync('sh', ['-c', `command -v ${program}`], { stdio: 'ignore' });
      return false;
    } catch {
      return true;
    }
  });
  if (missing.length && process.env.CI !== 'true') {
    t.skip(`not installed here: ${missing.join(', ')} (run scripts/install-deps.sh)`);
    return;
  }
  assert.deepEqual(missing, [], 'run scripts/install-deps.sh');
});
