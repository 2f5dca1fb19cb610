#!/usr/bin/env bash
# Fuzzes the parsers that read untrusted input, SECONDS per target (default 60):
#
#   scripts/fuzz.sh 600                        # every target, 10 minutes each, one after another
#   scripts/fuzz.sh 600 journal_bytes catalog_load   # only these
#
# Targets (fuzz/fuzz_targets/): journal_bytes (journal::from_bytes: the file at start-up and every
# import), journal_document (the same loader and its migrations from structured documents),
# catalog_load (load::load_files on one data file), search_query (query::run on any text, and on
# any JSON query), measurement_text (sound::parse::points: a measurement file the user imports). Corpora grow in fuzz/corpus/<target>/, seeded from the test fixtures and the
# catalog data; a crash stops the run and leaves its input in fuzz/artifacts/<target>/: replay it
# with `cargo +nightly fuzz run <target> <file>` and turn it into a regression test.
#
# Needs cargo-fuzz (installed when missing) and a nightly toolchain; without one it uses the
# stable toolchain with RUSTC_BOOTSTRAP=1.
set -euo pipefail

seconds="${1:-60}"
shift || true
all=(journal_bytes journal_document catalog_load search_query measurement_text)
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${all[@]}")

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root/fuzz"

if rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
  cargo=(cargo +nightly)
else
  export RUSTC_BOOTSTRAP=1
  cargo=(cargo)
fi
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked

seed() {
  local target="$1" dir="corpus/$1"
  mkdir -p "$dir"
  case "$target" in
    journal_bytes) cp "$root"/catalog/tests/fixtures/journal/*.json "$dir"/ ;;
    catalog_load) cp "$root"/catalog/data/models/*.json "$dir"/ ;;
    search_query)
      printf 'hd650' >"$dir/text"
      printf 'beyer 990' >"$dir/tokens"
      printf '{"text":"dt 770","back":["closed"],"sort":"impedance","descending":true,"limit":5}' >"$dir/json"
      printf '{"impedance_min":30,"impedance_max":300,"loud_enough":{"source":{"vrms":1,"output_ohm":10},"target_db":110}}' >"$dir/loud"
      ;;
    journal_document) ;;
    measurement_text) cp "$root"/catalog/data/curves/source/*.csv "$dir"/ ;;
  esac
}

max_len() {
  case "$1" in
    catalog_load) echo 65536 ;;
    journal_bytes | measurement_text) echo 16384 ;;
    *) echo 4096 ;;
  esac
}

"${cargo[@]}" fuzz build
mkdir -p target/logs
for target in "${targets[@]}"; do
  seed "$target"
  log="$root/fuzz/target/logs/$target.log"
  echo "fuzz: $target for ${seconds}s (log: fuzz/target/logs/$target.log)"
  start=$(date +%s)
  if ! "${cargo[@]}" fuzz run "$target" "corpus/$target" -- \
      -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len="$(max_len "$target")" \
      -print_final_stats=1 >"$log" 2>&1; then
    tail -n 40 "$log"
    echo "fuzz: $target FOUND A CRASH after $(($(date +%s) - start))s; input in fuzz/artifacts/$target/" >&2
    exit 1
  fi
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')
  echo "fuzz: $target ran $(($(date +%s) - start))s, $runs inputs, no crash"
done
