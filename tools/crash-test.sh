#!/usr/bin/env bash
# crash-test.sh — the long crash-safety run: 100 trials (or $1) of a writer
# committing 1,000 transactions, each killed with SIGKILL while still writing:
# after a random number (1 to 999) of commits it has reported.  Corrupt
# databases and lost commits are counted over all trials; the last line is
# the totals.
set -euo pipefail
cd "$(dirname "$0")/.."
builddir="${PROPDESK_BUILDDIR:-build}"
meson compile -C "$builddir" tests/test-crash tests/crash-writer >/dev/null
PD_CRASH_TRIALS="${1:-100}" G_TEST_BUILDDIR="$builddir/tests" \
  "$builddir/tests/test-crash" --verbose 2>&1 | grep -E 'trial|^ok|^not ok|ERROR'
