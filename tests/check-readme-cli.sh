#!/usr/bin/env bash
# Every command `propdesk-cli --help` lists has its row in the README's
# command-line table (the command's words before its first argument).
set -euo pipefail
cli="$1"
readme="$2"

status=0
while IFS= read -r line; do
  words=()
  for word in $line; do
    case "$word" in
      [A-Z]*|\[*|--*|\|*) break ;;
    esac
    words+=("$word")
  done
  command="${words[*]}"
  if ! grep -qF "| \`$command" "$readme"; then
    echo "README.md has no row for: $line"
    status=1
  fi
done < <("$cli" --help | sed -n 's/^  \([a-z]\)/\1/p')
exit $status
