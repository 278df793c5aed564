#!/usr/bin/env bash
# The office works in Chinese: every translatable string of the sources
# listed in po/POTFILES must have a Chinese translation in po/zh_CN.po, and
# every source file that marks strings must be listed in po/POTFILES.
set -euo pipefail
top="$1"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$top"

status=0
unlisted=$(grep -rlE '(^|[^A-Za-z0-9_])N?_\("|translatable="yes"' src ui 2>/dev/null | sort | while read -r f; do
  grep -qxF "$f" po/POTFILES || echo "$f"
done)
if [ -n "$unlisted" ]; then
  echo "Files with translatable strings missing from po/POTFILES:"
  echo "$unlisted"
  status=1
fi

xgettext --files-from=po/POTFILES --from-code=UTF-8 --add-comments=Translators \
  -k_ -kN_ -kC_:1c,2 -kNC_:1c,2 -kg_dngettext:2,3 -o "$work/propdesk.pot" 2>"$work/xgettext.log" || {
  cat "$work/xgettext.log"; exit 1; }
msgmerge --quiet --no-fuzzy-matching po/zh_CN.po "$work/propdesk.pot" -o "$work/merged.po"
msgfmt -c --check-format "$work/merged.po" -o /dev/null
untranslated=$(msgattrib --untranslated --no-obsolete "$work/merged.po" | grep -c '^msgid ' || true)
fuzzy=$(msgattrib --only-fuzzy --no-obsolete "$work/merged.po" | grep -c '^msgid ' || true)
# msgattrib prints the header entry too when there is anything else.
[ "$untranslated" -gt 0 ] && untranslated=$((untranslated - 1))
[ "$fuzzy" -gt 0 ] && fuzzy=$((fuzzy - 1))
if [ "$untranslated" -ne 0 ] || [ "$fuzzy" -ne 0 ]; then
  echo "po/zh_CN.po is incomplete: $untranslated untranslated, $fuzzy fuzzy:"
  msgattrib --untranslated --no-obsolete "$work/merged.po" | grep -A1 '^#:' | head -60
  status=1
fi
msgfmt --statistics "$work/merged.po" -o /dev/null
exit $status
