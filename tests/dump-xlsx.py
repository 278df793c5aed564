#!/usr/bin/python3
"""Prints every non-empty cell of a workbook as one tab-separated line:
sheet, row, column (1-based), type (n number, s text, d date), value
(numbers with repr(): exact round trip), number format.  Then one line
"chart<TAB>part<TAB>reference" per data reference of each chart part, as
openpyxl does not load charts.  Each sheet also gives one line
"print<TAB>sheet<TAB>page set-up<TAB>print titles and footer"."""
import sys
import zipfile
import re
import openpyxl

path = sys.argv[1]
wb = openpyxl.load_workbook(path)
for ws in wb.worksheets:
    for row in ws.iter_rows():
        for c in row:
            v = c.value
            if v is None:
                continue
            if isinstance(v, bool):
                kind, text = 'b', str(v)
            elif isinstance(v, (int, float)):
                kind, text = 'n', repr(float(v))
            elif hasattr(v, 'isoformat'):
                kind, text = 'd', v.date().isoformat()
            else:
                kind, text = 's', str(v).replace('\t', ' ').replace('\n', ' ')
            print('\t'.join([ws.title, str(c.row), str(c.column), kind, text, c.number_format]))
    # How the sheet prints: four fields, so that readers of the six-field
    # cell lines and three-field chart lines pass over it.
    setup = ws.page_setup
    fit = ws.sheet_properties.pageSetUpPr
    print('\t'.join(['print', ws.title,
                     'paper=%s %s fit=%s %sx%s' % (setup.paperSize, setup.orientation,
                                                   bool(fit and fit.fitToPage), setup.fitToWidth, setup.fitToHeight),
                     'titles=%s footer=%s' % (ws.print_title_rows, ws.oddFooter.center.text)]))
with zipfile.ZipFile(path) as z:
    for name in sorted(z.namelist()):
        if re.match(r'xl/charts/chart\d+\.xml$', name):
            xml = z.read(name).decode('utf-8')
            for ref in re.findall(r'<c:f>([^<]*)</c:f>', xml):
                print('\t'.join(['chart', name, ref]))
