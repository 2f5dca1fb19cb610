#!/usr/bin/env bash
# Installs what Headroom needs to build, run and test on Debian/Ubuntu, skipping what is there.
set -euo pipefail
cd "$(dirname "$0")/.."

# gcc-mingw-w64-x86-64: the Windows check (`make test`) needs its windres for the resource step.
packages=(build-essential pkg-config libwebkit2gtk-4.1-dev libgtk-3-dev librsvg2-dev
  libsoup-3.0-dev libssl-dev xvfb xauth webkit2gtk-driver x11-utils gcc-mingw-w64-x86-64)

if ! command -v cargo >/dev/null 2>&1; then
  echo "setup: Rust is missing: install it with rustup (https://rustup.rs), then run this again." >&2
  exit 1
fi

if command -v dpkg-query >/dev/null 2>&1; then
  missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  command -v node >/dev/null 2>&1 || missing+=(nodejs)
  command -v npm >/dev/null 2>&1 || missing+=(npm)
  if ((${#missing[@]})); then
    echo "setup: installing ${missing[*]}"
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
else
  echo "setup: not a Debian/Ubuntu system; install Tauri's prerequisites yourself (see README)." >&2
fi

# The Rust standard library for Windows, for `make test`'s check that the app builds there.
if command -v rustup >/dev/null 2>&1 \
  && ! rustup target list --installed | grep -qx x86_64-pc-windows-gnu; then
  echo "setup: adding the Rust target x86_64-pc-windows-gnu"
  rustup target add x86_64-pc-windows-gnu
fi

# npm packages for the tests and the package build (axe-core, typescript, @tauri-apps/cli), as locked.
if command -v npm >/dev/null 2>&1; then
  if [ ! -f node_modules/axe-core/axe.min.js ] || [ ! -x node_modules/.bin/tauri ] \
    || [ ! -f node_modules/typescript/bin/tsc ] \
    || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    # `npm install`, not `npm ci`: the lock holds the CLI's build for this platform only (the
    # registry mirror here has no others), and npm ci refuses a lock without every platform's.
    echo "setup: installing npm packages"
    npm install --no-audit --no-fund --loglevel=error
  fi
fi

if ! command -v tauri-driver >/dev/null 2>&1 && [ ! -x "${CARGO_HOME:-$HOME/.cargo}/bin/tauri-driver" ]; then
  echo "setup: installing tauri-driver"
  cargo install tauri-driver --locked --quiet
fi
