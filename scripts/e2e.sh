#!/usr/bin/env bash
# End-to-end tests of the built app: Xvfb + tauri-driver (which runs WebKitWebDriver), then
# `node --test` over tests/e2e/*.test.mjs. Needs: xvfb, webkit2gtk-driver (Debian),
# `cargo install tauri-driver --locked`, a built app (ui: npm ci && npm run build; then
# cargo build -p coachbook-app) and `npm ci` in tests/e2e.
#   COACHBOOK_APP_BIN  app binary (default target/debug/coachbook-app)
#   COACHBOOK_CLI_BIN  CLI binary, to read the database file (default target/debug/coachbook)
#   E2E_PORT           first port to try for tauri-driver (default 4444; it also uses port+1)
#   E2E_TIMEOUT        seconds for the whole test run (default 1200)
# Arguments: test files to run (default: tests/e2e/*.test.mjs).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
logs=target/e2e-logs
mkdir -p "$logs" target/e2e-screenshots
export COACHBOOK_APP_BIN=${COACHBOOK_APP_BIN:-$root/target/debug/coachbook-app}

for tool in Xvfb WebKitWebDriver tauri-driver node; do
  command -v "$tool" >/dev/null || { echo "e2e: $tool not found" >&2; exit 2; }
done
[ -x "$COACHBOOK_APP_BIN" ] || { echo "e2e: no app binary at $COACHBOOK_APP_BIN" >&2; exit 2; }
export COACHBOOK_CLI_BIN=${COACHBOOK_CLI_BIN:-$root/target/debug/coachbook}
[ -x "$COACHBOOK_CLI_BIN" ] || { echo "e2e: no CLI at $COACHBOOK_CLI_BIN (cargo build --bin coachbook)" >&2; exit 2; }
[ -d tests/e2e/node_modules ] || { echo "e2e: run 'npm ci' in tests/e2e first" >&2; exit 2; }

xvfb_pid= driver_pid= bus_pid=
cleanup() {
  local status=$?
  # tauri-driver runs in its own session (setsid): end the whole group, WebKitWebDriver and apps too.
  if [ -n "$driver_pid" ]; then
    kill -TERM -- "-$driver_pid" 2>/dev/null || true
    sleep 0.5
    kill -KILL -- "-$driver_pid" 2>/dev/null || true
    wait "$driver_pid" 2>/dev/null || true
  fi
  if [ -n "$bus_pid" ]; then
    kill "$bus_pid" 2>/dev/null || true
    wait "$bus_pid" 2>/dev/null || true
  fi
  if [ -n "$xvfb_pid" ]; then
    kill "$xvfb_pid" 2>/dev/null || true
    wait "$xvfb_pid" 2>/dev/null || true
  fi
  if [ "$status" -ne 0 ]; then
    echo "e2e: failed ($status); tauri-driver log (app output included):" >&2
    tail -n 50 "$logs/tauri-driver.log" >&2 2>/dev/null || true
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Xvfb picks a free display itself and writes its number to fd 3.
exec 3> "$logs/display"
Xvfb -displayfd 3 -screen 0 1280x1024x24 -nolisten tcp > "$logs/xvfb.log" 2>&1 &
xvfb_pid=$!
exec 3>&-
for _ in $(seq 50); do [ -s "$logs/display" ] && break; sleep 0.1; done
[ -s "$logs/display" ] || { echo "e2e: Xvfb did not start" >&2; exit 1; }
export DISPLAY=":$(cat "$logs/display")"

# A private session bus: the single-instance check (D-Bus) sees only this run's apps, never a
# Coachbook the developer has open. Without dbus-daemon the apps start without the check.
unset DBUS_SESSION_BUS_ADDRESS
if command -v dbus-daemon >/dev/null; then
  exec 4> "$logs/bus"
  dbus-daemon --session --nofork --nopidfile --print-address=4 > "$logs/dbus.log" 2>&1 &
  bus_pid=$!
  exec 4>&-
  for _ in $(seq 50); do [ -s "$logs/bus" ] && break; sleep 0.1; done
  [ -s "$logs/bus" ] && export DBUS_SESSION_BUS_ADDRESS="$(head -n1 "$logs/bus")"
fi

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
port=${E2E_PORT:-4444}
until port_free "$port" && port_free $((port + 1)); do port=$((port + 2)); done
export TAURI_DRIVER_PORT=$port

setsid tauri-driver --port "$port" --native-port $((port + 1)) > "$logs/tauri-driver.log" 2>&1 &
driver_pid=$!
for _ in $(seq 100); do
  curl -fsS -m 1 "http://127.0.0.1:$port/status" >/dev/null 2>&1 && break
  kill -0 "$driver_pid" 2>/dev/null || { echo "e2e: tauri-driver exited" >&2; exit 1; }
  sleep 0.1
done
curl -fsS -m 1 "http://127.0.0.1:$port/status" >/dev/null || { echo "e2e: tauri-driver not ready" >&2; exit 1; }
echo "e2e: Xvfb on $DISPLAY, tauri-driver on port $port, app $COACHBOOK_APP_BIN"

# Test files as arguments run just those (scripts/e2e.sh tests/e2e/kill.test.mjs); default: all.
[ $# -gt 0 ] || set -- tests/e2e/*.test.mjs
timeout --kill-after=10 "${E2E_TIMEOUT:-1200}" \
  node --test --test-concurrency=1 --test-timeout=120000 "$@"
