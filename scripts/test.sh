#!/usr/bin/env bash
# Every test: the UI's type check and unit tests, formatting, lints, the core's unit and
# integration tests (real SQLite files), the TypeScript bindings' drift check, and the
# end-to-end journeys of the real app under Xvfb.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n== %s\n' "$*"; }

step "ui: type check, unit tests, build (the app embeds ui/dist)"
(cd ui && npm run --silent check && npm test --silent && npm run --silent build)
step "cargo fmt --check"
cargo fmt --all -- --check
step "cargo clippy -D warnings"
cargo clippy --workspace --all-targets --quiet -- -D warnings
step "cargo test (core, app, bindings drift)"
cargo test --workspace
step "end-to-end: the real app under Xvfb through tauri-driver"
cargo build -p coachbook-app --quiet
cargo build --bin coachbook --quiet # the e2e tests read the database file through the CLI
scripts/e2e.sh
