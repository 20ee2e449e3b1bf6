#!/usr/bin/env bash
# Builds Coachbook and opens the desktop app on the coach's practice (COACHBOOK_DB, else the
# platform's app-data folder). On an empty practice the app offers the demo practice.
set -euo pipefail
cd "$(dirname "$0")/.."
(cd ui && npm run --silent build)
cargo build --release --quiet -p coachbook-app -p coachbook
app=target/release/coachbook-app
# A second launch focuses the first window through the D-Bus session bus; give the app one when
# the desktop has none (a bare X session, Xvfb).
if [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ] && [ ! -S "${XDG_RUNTIME_DIR:-/run/user/$(id -u)}/bus" ] \
  && command -v dbus-run-session >/dev/null; then
  app_run=(dbus-run-session -- "$app")
else
  app_run=("$app")
fi
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "No display: starting Coachbook under Xvfb (headless). Screenshot: DISPLAY=<n> import -window root shot.png"
  exec xvfb-run -a -s "-screen 0 1280x860x24" "${app_run[@]}"
fi
exec "${app_run[@]}"
