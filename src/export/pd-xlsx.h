/* pd-xlsx.h — what every .xlsx export shares: the office's standard cell
 * formats, table sheets (bold shaded header, column widths, frozen header,
 * autofilter) and libxlsxwriter errors as GErrors naming the file.
 *
 * Sheet and column names are passed translated (through gettext), so a
 * workbook made under zh_CN is Chinese throughout.  Money is written from
 * integer fen; the cell holds yuan with two decimals. */
#pragma once

#include <gio/gio.h>
#include <xlsxwriter.h>

G_BEGIN_DECLS

#define PD_EXPORT_ERROR (pd_export_error_quark ())
GQuark pd_export_error_quark (void);

typedef enum
{
  PD_EXPORT_ERROR_WRITE,   /* the workbook could not be written; names the file */
} PdExportErrorCode;

typedef enum
{
  PD_XLSX_TEXT,      /* text, kept as text (ID numbers never become numbers) */
  PD_XLSX_INTEGER,   /* 0 */
  PD_XLSX_DECIMAL,   /* 0.00 — areas */
  PD_XLSX_MONEY,     /* #,##0.00 yuan, from fen */
  PD_XLSX_DATE,      /* yyyy-mm-dd, a real date cell */
  PD_XLSX_PERCENT,   /* 0.0% from a ratio (0.953) */
  PD_XLSX_HEADER,    /* bold, shaded, bordered, centred, wrapped */
  PD_XLSX_N_FORMATS
} PdXlsxFormat;

typedef struct
{
  const char  *title;    /* translated */
  double       width;    /* in characters; 0: 12 */
  PdXlsxFormat format;   /* of the column's cells */
} PdXlsxColumn;

typedef struct _PdXlsxBook PdXlsxBook;

/* A new workbook to be written to @path by pd_xlsx_book_close(); @title
 * goes into the document properties. */
PdXlsxBook    *pd_xlsx_book_new        (const char *path,
                                        const char *title);
lxw_workbook  *pd_xlsx_book_get_workbook (PdXlsxBook *book);
lxw_format    *pd_xlsx_book_format     (PdXlsxBook  *book,
                                        PdXlsxFormat format);
/* Writes the file and frees @book.  FALSE when a cell could not be
 * written or the file not created, with a message naming the file. */
gboolean       pd_xlsx_book_close      (PdXlsxBook *book,
                                        GError    **error);
/* Frees @book without writing anything (an export that failed halfway). */
void           pd_xlsx_book_discard    (PdXlsxBook *book);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdXlsxBook, pd_xlsx_book_discard)

/* A sheet named @name (characters Excel refuses replaced, cut to 31) with
 * the header row written, column widths set, the header frozen. */
lxw_worksheet *pd_xlsx_add_table_sheet (PdXlsxBook         *book,
                                        const char         *name,
                                        const PdXlsxColumn *columns,
                                        guint               n_columns);
/* Autofilter over the header and @n_rows data rows. */
void           pd_xlsx_finish_table    (PdXlsxBook    *book,
                                        lxw_worksheet *sheet,
                                        guint          n_rows,
                                        guint          n_columns);

/* Cell writers; @row counts from 0 (the header row of a table sheet).
 * Empty text and empty dates write a blank cell. */
void pd_xlsx_write_text    (PdXlsxBook *book, lxw_worksheet *sheet, guint row, guint col,
                            const char *text);
void pd_xlsx_write_integer (PdXlsxBook *book, lxw_worksheet *sheet, guint row, guint col,
                            gint64 value);
void pd_xlsx_write_decimal (PdXlsxBook *book, lxw_worksheet *sheet, guint row, guint col,
                            double value);
void pd_xlsx_write_money   (PdXlsxBook *book, lxw_worksheet *sheet, guint row, guint col,
                            gint64 fen);
void pd_xlsx_write_date    (PdXlsxBook *book, lxw_worksheet *sheet, guint row, guint col,
                            const char *iso_date);
void pd_xlsx_write_percent (PdXlsxBook *book, lxw_worksheet *sheet, guint row, guint col,
                            double ratio);

G_END_DECLS
