#!/usr/bin/env bash
# Runs the SIGKILL crash test with many kills: scripts/crash-test.sh [KILLS] (default 2000).
set -euo pipefail
cd "$(dirname "$0")/.."
HEADROOM_CRASH_KILLS="${1:-2000}" cargo test --test app crash::acknowledged_saves_survive_sigkill -- --nocapture
