/* pd-xlsx.c — see pd-xlsx.h. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-xlsx.h"

G_DEFINE_QUARK (pd-export-error-quark, pd_export_error)

struct _PdXlsxBook
{
  lxw_workbook *workbook;
  char         *path;
  char         *title;
  lxw_format   *formats[PD_XLSX_N_FORMATS];
  lxw_error     first_error;   /* of a cell write, reported by close */
};

static void
note (PdXlsxBook *book,
      lxw_error   error)
{
  if (error != LXW_NO_ERROR && book->first_error == LXW_NO_ERROR)
    book->first_error = error;
}

PdXlsxBook *
pd_xlsx_book_new (const char *path,
                  const char *title)
{
  PdXlsxBook *book;
  lxw_format *f;

  g_return_val_if_fail (path != NULL, NULL);
  book = g_new0 (PdXlsxBook, 1);
  book->path = g_strdup (path);
  book->title = g_strdup (title ? title : "");
  book->workbook = workbook_new (path);
  g_assert (book->workbook != NULL);   /* fails only when out of memory */
  {
    lxw_doc_properties properties = { .title = book->title, .author = "PropDesk",
                                      .comments = "PropDesk " PACKAGE_VERSION };
    workbook_set_properties (book->workbook, &properties);
  }

  for (guint i = 0; i < PD_XLSX_N_FORMATS; i++)
    {
      book->formats[i] = f = workbook_add_format (book->workbook);
      format_set_font_name (f, "等线");
      format_set_font_size (f, 11);
      format_set_align (f, LXW_ALIGN_VERTICAL_CENTER);
    }
  format_set_num_format (book->formats[PD_XLSX_TEXT], "@");
  format_set_num_format (book->formats[PD_XLSX_INTEGER], "0");
  format_set_num_format (book->formats[PD_XLSX_DECIMAL], "0.00");
  format_set_num_format (book->formats[PD_XLSX_MONEY], "#,##0.00");
  format_set_num_format (book->formats[PD_XLSX_DATE], "yyyy-mm-dd");
  format_set_align (book->formats[PD_XLSX_DATE], LXW_ALIGN_LEFT);
  format_set_num_format (book->formats[PD_XLSX_PERCENT], "0.0%");
  f = book->formats[PD_XLSX_HEADER];
  format_set_bold (f);
  format_set_bg_color (f, 0xD9E1F2);
  format_set_pattern (f, LXW_PATTERN_SOLID);
  format_set_border (f, LXW_BORDER_THIN);
  format_set_align (f, LXW_ALIGN_CENTER);
  format_set_text_wrap (f);
  return book;
}

lxw_workbook *
pd_xlsx_book_get_workbook (PdXlsxBook *book)
{
  return book->workbook;
}

lxw_format *
pd_xlsx_book_format (PdXlsxBook  *book,
                     PdXlsxFormat format)
{
  g_return_val_if_fail (format < PD_XLSX_N_FORMATS, NULL);
  return book->formats[format];
}

static const char *
reason (lxw_error error)
{
  switch (error)
    {
    case LXW_ERROR_CREATING_XLSX_FILE:
      return _("the folder does not exist or is not writable");
    case LXW_ERROR_CREATING_TMPFILE:
      return _("no temporary file could be created");
    case LXW_ERROR_ZIP_FILE_OPERATION:
    case LXW_ERROR_ZIP_FILE_ADD:
    case LXW_ERROR_ZIP_CLOSE:
      return _("writing the file failed (is the disk full?)");
    case LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED:
      return _("a cell holds more than 32,767 characters");
    default:
      return lxw_strerror (error);
    }
}

gboolean
pd_xlsx_book_close (PdXlsxBook *book,
                    GError    **error)
{
  g_autofree char *display = NULL;
  lxw_error status;

  g_return_val_if_fail (book != NULL, FALSE);
  display = g_filename_display_name (book->path);
  if (book->first_error != LXW_NO_ERROR)
    {
      status = book->first_error;
      pd_xlsx_book_discard (book);
    }
  else
    {
      status = workbook_close (book->workbook);   /* frees the workbook */
      book->workbook = NULL;
      pd_xlsx_book_discard (book);
    }
  if (status == LXW_NO_ERROR)
    return TRUE;
  /* Translators: the first %s is a file name, the second why it failed */
  g_set_error (error, PD_EXPORT_ERROR, PD_EXPORT_ERROR_WRITE,
               _("Cannot write the workbook “%s”: %s"), display, reason (status));
  return FALSE;
}

void
pd_xlsx_book_discard (PdXlsxBook *book)
{
  if (book == NULL)
    return;
  if (book->workbook != NULL)
    lxw_workbook_free (book->workbook);
  g_free (book->path);
  g_free (book->title);
  g_free (book);
}

static char *
sheet_name (const char *name)
{
  GString *out = g_string_new (NULL);
  guint n = 0;

  for (const char *p = name; *p && n < LXW_SHEETNAME_MAX; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      g_string_append_unichar (out, strchr ("[]:*?/\\", (int) c) && c < 128 ? '_' : c);
    }
  if (out->len == 0)
    g_string_append (out, "Sheet1");
  return g_string_free (out, FALSE);
}

/* Widest table, in characters of column width, that A4 holds upright at
 * Excel's default margins (174 mm of 210): about 90.  Wider tables print
 * across the page. */
#define PORTRAIT_WIDTH_CHARS 90
#define PAPER_A4 9

/* A table printed from Excel or WPS comes out one page wide on A4, turned
 * when it is wide, with its header row on every page and the page number
 * in the footer: a sheet whose last columns spilled onto pages of their
 * own is not a sheet a manager signs. */
static void
set_print_layout (PdXlsxBook         *book,
                  lxw_worksheet      *sheet,
                  const PdXlsxColumn *columns,
                  guint               n_columns)
{
  double width = 0;

  for (guint c = 0; c < n_columns; c++)
    width += columns[c].width > 0 ? columns[c].width : 12;
  worksheet_set_paper (sheet, PAPER_A4);
  if (width > PORTRAIT_WIDTH_CHARS)
    worksheet_set_landscape (sheet);
  worksheet_fit_to_pages (sheet, 1, 0);
  note (book, worksheet_repeat_rows (sheet, 0, 0));
  note (book, worksheet_set_footer (sheet, "&C&P / &N"));
}

lxw_worksheet *
pd_xlsx_add_table_sheet (PdXlsxBook         *book,
                         const char         *name,
                         const PdXlsxColumn *columns,
                         guint               n_columns)
{
  g_autofree char *safe = sheet_name (name);
  lxw_worksheet *sheet = workbook_add_worksheet (book->workbook, safe);

  g_assert (sheet != NULL);   /* names are sanitised and unique per book by the caller */
  for (guint c = 0; c < n_columns; c++)
    {
      note (book, worksheet_set_column (sheet, c, c, columns[c].width > 0 ? columns[c].width : 12,
                                        book->formats[columns[c].format]));
      note (book, worksheet_write_string (sheet, 0, c, columns[c].title,
                                          book->formats[PD_XLSX_HEADER]));
    }
  worksheet_set_row (sheet, 0, 22, NULL);
  worksheet_freeze_panes (sheet, 1, 0);
  set_print_layout (book, sheet, columns, n_columns);
  return sheet;
}

void
pd_xlsx_finish_table (PdXlsxBook    *book,
                      lxw_worksheet *sheet,
                      guint          n_rows,
                      guint          n_columns)
{
  if (n_columns > 0)
    note (book, worksheet_autofilter (sheet, 0, 0, n_rows, n_columns - 1));
}

void
pd_xlsx_write_text (PdXlsxBook    *book,
                    lxw_worksheet *sheet,
                    guint          row,
                    guint          col,
                    const char    *text)
{
  if (text == NULL || *text == '\0')
    note (book, worksheet_write_blank (sheet, row, col, book->formats[PD_XLSX_TEXT]));
  else
    note (book, worksheet_write_string (sheet, row, col, text, book->formats[PD_XLSX_TEXT]));
}

void
pd_xlsx_write_integer (PdXlsxBook    *book,
                       lxw_worksheet *sheet,
                       guint          row,
                       guint          col,
                       gint64         value)
{
  note (book, worksheet_write_number (sheet, row, col, (double) value,
                                      book->formats[PD_XLSX_INTEGER]));
}

void
pd_xlsx_write_decimal (PdXlsxBook    *book,
                       lxw_worksheet *sheet,
                       guint          row,
                       guint          col,
                       double         value)
{
  note (book, worksheet_write_number (sheet, row, col, value, book->formats[PD_XLSX_DECIMAL]));
}

void
pd_xlsx_write_money (PdXlsxBook    *book,
                     lxw_worksheet *sheet,
                     guint          row,
                     guint          col,
                     gint64         fen)
{
  /* The spreadsheet stores a double anyway; fen / 100 is the nearest
   * double to the exact yuan amount. */
  note (book, worksheet_write_number (sheet, row, col, (double) fen / 100.0,
                                      book->formats[PD_XLSX_MONEY]));
}

void
pd_xlsx_write_date (PdXlsxBook    *book,
                    lxw_worksheet *sheet,
                    guint          row,
                    guint          col,
                    const char    *iso_date)
{
  lxw_datetime date = { 0 };

  if (iso_date == NULL || sscanf (iso_date, "%4d-%2d-%2d", &date.year, &date.month,
                                  &date.day) != 3)
    {
      note (book, worksheet_write_blank (sheet, row, col, book->formats[PD_XLSX_DATE]));
      return;
    }
  note (book, worksheet_write_datetime (sheet, row, col, &date, book->formats[PD_XLSX_DATE]));
}

void
pd_xlsx_write_percent (PdXlsxBook    *book,
                       lxw_worksheet *sheet,
                       guint          row,
                       guint          col,
                       double         ratio)
{
  note (book, worksheet_write_number (sheet, row, col, ratio, book->formats[PD_XLSX_PERCENT]));
}
