#!/usr/bin/env bash
# sanitize.sh — the whole test suite built with AddressSanitizer and UBSan.
# Leak checking is on for every suite, the GUI tests included; the
# process-lifetime caches of system libraries (fontconfig, pango, GIO's MIME
# cache) are suppressed by name in tests/lsan.supp, never PropDesk's code.
set -euo pipefail
cd "$(dirname "$0")/.."
builddir="${PROPDESK_ASAN_BUILDDIR:-build-asan}"
if [ ! -f "$builddir/build.ninja" ]; then
  meson setup "$builddir" -Db_sanitize=address,undefined -Db_lundef=false >/dev/null
fi
meson compile -C "$builddir" >/dev/null
run() {
  if [ -z "${DISPLAY:-}" ]; then
    # -noreset: see bootstrap.sh.
    xvfb-run -a -s "-screen 0 1366x768x24 -noreset" "$@"
  else
    "$@"
  fi
}
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0"
# Full stacks through GLib (built without frame pointers) name the leaker.
leak_options=detect_leaks=1:fast_unwind_on_malloc=0
status=0
ASAN_OPTIONS=$leak_options run meson test -C "$builddir" --print-errorlogs --no-suite gui --no-suite bench \
  --timeout-multiplier 4 || status=1
ASAN_OPTIONS=$leak_options run meson test -C "$builddir" --print-errorlogs --suite gui \
  --timeout-multiplier 4 || status=1
exit $status
