#!/usr/bin/env bash
# Every test: formatting, lints, the core's unit and integration tests (real SQLite files),
# and the front end's and the desktop app's tests once they exist.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n== %s\n' "$*"; }

step "cargo fmt --check"
cargo fmt --all -- --check
step "cargo clippy -D warnings"
cargo clippy --workspace --all-targets --quiet -- -D warnings
step "cargo test"
cargo test --workspace
