#!/usr/bin/env bash
# The desktop app's rows of the benchmark table: release binary size, launch to first paint
# (under Xvfb, software rendering) and memory once the large demo practice is open.
set -euo pipefail
cd "$(dirname "$0")/.."
(cd ui && npm run --silent build)
cargo build --release --quiet -p coachbook-app --bin coachbook-app
cargo build --release --quiet --bin coachbook
app=$PWD/target/release/coachbook-app
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
target/release/coachbook --db "$work/large.db" demo --size large --as-of 2026-11-24 >/dev/null

exec 3> "$work/display"
Xvfb -displayfd 3 -screen 0 1280x860x24 -nolisten tcp 2>/dev/null &
exec 3>&-
for _ in $(seq 50); do [ -s "$work/display" ] && break; sleep 0.1; done
export DISPLAY=":$(cat "$work/display")"

paints=()
rss=()
for run in 1 2 3 4 5; do
  COACHBOOK_DB="$work/large.db" COACHBOOK_STARTUP_TIMING=1 "$app" 2> "$work/app.log" &
  pid=$!
  for _ in $(seq 300); do grep -q "first paint" "$work/app.log" && break; sleep 0.05; done
  paints+=("$(grep -o 'first paint [0-9]*' "$work/app.log" | grep -o '[0-9]*$' || echo '?')")
  sleep 2
  # The app process plus its WebKit children (web and network processes).
  kb=0
  for p in $pid $(pgrep -P "$pid" || true); do
    kb=$((kb + $(awk '/VmRSS/ {print $2}' /proc/$p/status 2>/dev/null || echo 0)))
  done
  rss+=("$kb")
  kill "$pid"; wait "$pid" 2>/dev/null || true
done
sorted=$(printf '%s\n' "${paints[@]}" | sort -n | tr '\n' ' ')
size=$(stat -c %s "$app")
printf '\n| %-46s | %s\n' "desktop app (release, Xvfb, large practice)" "value"
printf '|%s|%s\n' "------------------------------------------------" "------------------------------"
printf '| %-46s | %.1f MB\n' "release binary size" "$(awk -v s="$size" "BEGIN{print s/1e6}")"
printf '| %-46s | %s ms (5 cold-ish launches, sorted)\n' "launch to first paint (Today on screen)" "$sorted"
printf '| %-46s | %s MB (app + WebKit processes)\n' "memory (RSS) with the large practice open" "$(( $(printf '%s\n' "${rss[@]}" | sort -n | sed -n 3p) / 1024 ))"
