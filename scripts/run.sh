#!/usr/bin/env bash
# Builds Coachbook and opens the coach's practice. A first run on an empty database gets
# the small demo practice, so there is something to explore straight away.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet --bin coachbook
bin=target/release/coachbook
if [ "$($bin clients --json --archived | tr -d '[:space:]')" = "[]" ]; then
  $bin demo --size small
fi
$bin check
$bin clients
