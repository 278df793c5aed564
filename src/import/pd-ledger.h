/* pd-ledger.h — owner ledgers read from .csv and .xlsx files.
 *
 * Offices keep their owner lists in Excel or WPS.  The readers here turn such
 * a file into a plain table of UTF-8 strings and nothing more: deciding which
 * column is the room number, trimming and validating is the importer's job,
 * so the readers never guess at meaning and never "repair" a value (a phone
 * number Excel turned into 1.38E+10 must reach the importer as typed, so it
 * can tell the user which row lost its digits).
 *
 * Every row remembers where it came from (the physical line of a CSV file,
 * the sheet row number of a workbook) so that messages can point the user to
 * the exact place to fix in their own file.
 *
 * GLib, libzip and libxml2 only: no GTK, the importer runs in a GTask thread
 * and in propdesk-cli.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  PD_LEDGER_ERROR_ENCODING,    /* bytes are not UTF-8, UTF-16 or GB18030 text */
  PD_LEDGER_ERROR_FORMAT,      /* malformed CSV, damaged or non-Excel zip/XML */
  PD_LEDGER_ERROR_EMPTY,       /* the file holds no non-empty row */
  PD_LEDGER_ERROR_UNSUPPORTED, /* .xls, encrypted workbook, HTML saved as .xls */
  PD_LEDGER_ERROR_TOO_LARGE,   /* over the size or cell-count limits below */
} PdLedgerErrorCode;

#define PD_LEDGER_ERROR (pd_ledger_error_quark ())
GQuark pd_ledger_error_quark (void);

/* Limits that keep a hostile or broken file from exhausting memory.  A real
 * ledger of a large estate is a few thousand rows by a few dozen columns. */
#define PD_LEDGER_MAX_FILE_SIZE (200 * 1024 * 1024)  /* bytes, also per zip part */
#define PD_LEDGER_MAX_CELLS     (10 * 1000 * 1000)   /* cells incl. gap fillers */
#define PD_LEDGER_MAX_COLUMNS   16384                /* Excel's XFD */

typedef struct _PdLedgerTable PdLedgerTable;

PdLedgerTable *pd_ledger_table_new         (void);
void           pd_ledger_table_free        (PdLedgerTable *t);

guint          pd_ledger_table_get_n_rows  (PdLedgerTable *t);
guint          pd_ledger_table_get_n_cells (PdLedgerTable *t,
                                            guint          row);
const char    *pd_ledger_table_get_cell    (PdLedgerTable *t,
                                            guint          row,
                                            guint          col);
guint          pd_ledger_table_get_line    (PdLedgerTable *t,
                                            guint          row);

/* Append API for the readers.  pd_ledger_table_append_row() starts a new,
 * empty row; the cell functions work on that last row.  They fail (in
 * PD_LEDGER_ERROR_TOO_LARGE) instead of growing past PD_LEDGER_MAX_CELLS or
 * PD_LEDGER_MAX_COLUMNS; that message has no position, as only the reader
 * knows whether to call it a line or a row, so the reader prefixes it.
 * @text must be valid UTF-8; @len may be -1. */
void           pd_ledger_table_append_row  (PdLedgerTable *t,
                                            guint          line);
gboolean       pd_ledger_table_append_cell (PdLedgerTable *t,
                                            const char    *text,
                                            gssize         len,
                                            GError       **error);
/* Sets column @col of the last row, filling any gap before it with "". */
gboolean       pd_ledger_table_set_cell    (PdLedgerTable *t,
                                            guint          col,
                                            const char    *text,
                                            gssize         len,
                                            GError       **error);
/* Drops the last row (a reader found it had only empty cells). */
void           pd_ledger_table_remove_last_row (PdLedgerTable *t);

/* Readers.  All return a table with at least one row, or NULL and @error
 * (PD_LEDGER_ERROR; pd_ledger_read_file() also G_FILE_ERROR, and prefixes
 * the reader's message with the file's display name).  Rows whose cells
 * are all empty are left out; get_line() keeps the true position. */
PdLedgerTable *pd_csv_parse        (const char   *data,
                                    gsize         len,
                                    GError      **error);
PdLedgerTable *pd_xlsx_parse       (const guint8 *data,
                                    gsize         len,
                                    GError      **error);
PdLedgerTable *pd_ledger_read_file (const char   *path,
                                    GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdLedgerTable, pd_ledger_table_free)

G_END_DECLS
