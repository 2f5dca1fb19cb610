#!/usr/bin/env bash
# Headroom's benchmark: builds in release mode and prints one table (median, min, max over
# repeated runs, against the budgets in issue 7). Needs what `make test` installs.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "building (release)…" >&2
cargo bench --no-run --bench app -q >&2
cargo build --release --example floor -q >&2
cargo bench --no-run -p headroom-domain --bench engine -q >&2
echo
echo "| measure | median | min | max | budget | note |"
echo "|---|---|---|---|---|---|"
cargo bench -q --bench app 2>/dev/null | grep '^|'
cargo bench -q -p headroom-domain --bench engine 2>/dev/null | grep '^|'
