#!/usr/bin/env bash
# Installs what Coachbook needs on Debian 12 and is missing: Debian packages, npm packages,
# tauri-driver. Idempotent and quick when everything is there. Uses sudo when not root.
set -euo pipefail
cd "$(dirname "$0")/.."

want=(
  # building the core: a C compiler for the bundled SQLCipher, OpenSSL's libcrypto for its AES
  build-essential pkg-config libssl-dev
  # building the app (Tauri 2 on WebKitGTK)
  libwebkit2gtk-4.1-dev libxdo-dev
  libayatana-appindicator3-dev librsvg2-dev
  # running and testing it without a display
  xvfb webkit2gtk-driver x11-utils imagemagick
  # a session bus for the single-instance check (dbus-daemon, dbus-run-session)
  dbus-daemon
  # checking PDFs and benchmarks
  poppler-utils qpdf ripgrep
  # driving the real GTK file dialogs in the end-to-end tests
  xdotool
  # scripts/e2e.sh asks tauri-driver whether it is up
  curl
)
# The report benchmark compares with printing HTML in headless Chromium.
[ "${1:-}" = "--bench" ] && want+=(chromium)
# Debian's Node.js only when no node is on PATH (the machine may ship a newer one).
command -v node >/dev/null && command -v npm >/dev/null || want+=(nodejs npm)
missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing Debian packages: ${missing[*]}"
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

command -v cargo >/dev/null || { echo "Rust is missing: install it with rustup (https://rustup.rs)"; exit 1; }

# npm packages, only when the lock file changed since the last install.
for dir in ui tests/e2e; do
  [ -f "$dir/package-lock.json" ] || continue
  if [ ! -f "$dir/node_modules/.package-lock.json" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    echo "Installing npm packages in $dir"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
done

if [ "${1:-}" = "--test" ] && ! command -v tauri-driver >/dev/null; then
  echo "Installing tauri-driver"
  cargo install tauri-driver --locked --version "^2" --quiet
fi
