#!/usr/bin/env bash
# Builds Coachbook and opens the desktop app on the coach's practice (COACHBOOK_DB, else the
# platform's app-data folder). On an empty practice the app offers the demo practice.
set -euo pipefail
cd "$(dirname "$0")/.."
(cd ui && npm run --silent build)
cargo build --release --quiet -p coachbook-app -p coachbook
app=target/release/coachbook-app
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "No display: starting Coachbook under Xvfb (headless). Screenshot: DISPLAY=<n> import -window root shot.png"
  exec xvfb-run -a -s "-screen 0 1280x860x24" "$app"
fi
exec "$app"
