#!/usr/bin/env bash
# Regenerates the owner-ledger fixtures from owners-ledger.csv (UTF-8, LF).
# Needs iconv and LibreOffice Calc (`apt-get install libreoffice-calc-nogui`);
# the tests only read the committed results, so neither is a build dependency.
set -euo pipefail
cd "$(dirname "$0")"

# As Excel on Chinese Windows saves "CSV (逗号分隔)": GBK (GB18030 is its
# superset), CRLF line ends, no byte-order mark.
sed 's/$/\r/' owners-ledger.csv | iconv -f UTF-8 -t GB18030 > owners-ledger-gbk.csv

# As Excel saves "CSV UTF-8 (逗号分隔)": a byte-order mark and CRLF.
{ printf '\357\273\277'; sed 's/$/\r/' owners-ledger.csv; } > owners-ledger-bom.csv

# A workbook saved by LibreOffice Calc.  CSV filter options: comma, double
# quote, UTF-8 (76), start at line 1, then column/type pairs: 1 standard,
# 2 text, 5 date (YMD).  The ID column (6) is Standard, so Calc turns the
# 18-digit numbers into doubles and keeps 15 significant digits — the case
# the importer must reject; areas are numbers and lease dates real dates.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp owners-ledger.csv "$tmp/owners-ledger-calc.csv"
soffice --headless -env:UserInstallation="file://$tmp/profile" \
  --infilter="CSV:44,34,76,1,1/1/2/2/3/2/4/2/5/2/6/1/7/2/8/2/9/1/10/1/11/2/12/2/13/2/14/2/15/5/16/5/17/2/18/2/19/2" \
  --convert-to 'xlsx:Calc MS Excel 2007 XML' --outdir "$tmp" "$tmp/owners-ledger-calc.csv" >/dev/null
cp "$tmp/owners-ledger-calc.xlsx" owners-ledger-calc.xlsx
