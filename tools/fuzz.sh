#!/usr/bin/env bash
# fuzz.sh — run each libFuzzer target for SECONDS (default 60) from the seed
# corpus in tests/fuzz/corpus, with AddressSanitizer and UBSan.  New inputs
# go to a scratch copy, so the committed corpus only changes on purpose.
#   bash tools/fuzz.sh            # about a minute each (what CI runs)
#   bash tools/fuzz.sh 3600       # the longer run
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
builddir="${PROPDESK_FUZZ_BUILDDIR:-build-fuzz}"

if [ ! -f "$builddir/build.ninja" ]; then
  CC=clang meson setup "$builddir" -Dfuzzing=true -Db_sanitize=address,undefined -Db_lundef=false \
    -Dbuildtype=debugoptimized >/dev/null
fi
meson compile -C "$builddir" tests/fuzz/fuzz-csv tests/fuzz/fuzz-xlsx tests/fuzz/fuzz-validators >/dev/null

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
status=0
for target in csv xlsx validators; do
  mkdir -p "$scratch/$target" "$scratch/$target-artifacts"
  cp tests/fuzz/corpus/$target/* "$scratch/$target/"
  echo "fuzz-$target: ${seconds}s"
  if ! ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
      "$builddir/tests/fuzz/fuzz-$target" -max_total_time="$seconds" -max_len=65536 -timeout=10 \
      -rss_limit_mb=2048 -artifact_prefix="$scratch/$target-artifacts/" -print_final_stats=1 \
      "$scratch/$target" > "$scratch/$target.log" 2>&1; then
    echo "fuzz-$target FAILED:"; tail -60 "$scratch/$target.log"
    mkdir -p fuzz-artifacts && cp -r "$scratch/$target-artifacts" fuzz-artifacts/ || true
    status=1
  else
    grep -E 'stat::number_of_executed_units|stat::peak_rss_mb|Done [0-9]+ runs' "$scratch/$target.log" | tr '\n' ' '
    echo
  fi
done
exit $status
