#!/usr/bin/env bash
# crash-test.sh — the long crash-safety run: 100 trials (or $1) of a writer
# committing 1,000 transactions, killed with SIGKILL at a random moment.
# Each trial checks integrity and that every reported commit is present.
set -euo pipefail
cd "$(dirname "$0")/.."
builddir="${PROPDESK_BUILDDIR:-build}"
meson compile -C "$builddir" tests/test-crash tests/crash-writer >/dev/null
PD_CRASH_TRIALS="${1:-100}" PD_CRASH_MAX_MS="${PD_CRASH_MAX_MS:-6000}" G_TEST_BUILDDIR="$builddir/tests" \
  "$builddir/tests/test-crash" --verbose 2>&1 | grep -E 'trial|^ok|^not ok|ERROR'
