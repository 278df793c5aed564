/* pd-xlsx-sheet.c — the worksheet streamed row by row into a ledger table. */
#include "pd-xlsx-private.h"

#include <string.h>
#include <glib/gi18n-lib.h>

typedef struct
{
  const char *type;   /* t attribute, NULL for a number */
  guint64  style;     /* s attribute */
  gboolean has_style;
  guint    col;
} CellInfo;

/* Turns the collected <v> or inline text of one cell into its string, or
 * sets @error.  @text may be rewritten in place. */
static const char *
cell_text (XlsxReader  *xr,
           CellInfo    *ci,
           GString     *text,
           guint        row,
           char        *date_buf,
           gsize        date_buf_size,
           GError     **error)
{
  const char *t = ci->type;

  if (t == NULL || strcmp (t, "n") == 0)
    {
      if (ci->has_style && ci->style < xr->date_styles->len
          && g_array_index (xr->date_styles, gboolean, ci->style)
          && pd_xlsx_serial_to_iso (text->str, xr->date1904, date_buf, date_buf_size))
        return date_buf;
      return text->str;
    }
  if (strcmp (t, "s") == 0)
    {
      guint64 idx;

      if (text->len == 0)
        return "";
      if (!pd_xlsx_parse_uint (text->str, G_MAXUINT, &idx) || idx >= xr->shared_strings->len)
        {
          g_set_error (error, PD_LEDGER_ERROR, PD_LEDGER_ERROR_FORMAT,
                       /* Translators: %u is a row number in the worksheet */
                       _("Row %u: a cell refers to a shared text that is not in the workbook; the file is damaged"),
                       row);
          return NULL;
        }
      return g_ptr_array_index (xr->shared_strings, idx);
    }
  if (strcmp (t, "b") == 0)
    {
      /* As Excel shows them (and writes them to CSV) */
      if (strcmp (text->str, "1") == 0)
        return "TRUE";
      if (strcmp (text->str, "0") == 0)
        return "FALSE";
      return text->str;
    }
  if (strcmp (t, "inlineStr") == 0 || strcmp (t, "str") == 0)
    pd_xlsx_decode_escapes (text);
  /* "inlineStr", "str" (formula text), "e" (#N/A…), "d" (ISO date): as is */
  return text->str;
}

typedef struct
{
  XlsxStream     stream;
  XlsxReader    *xr;
  PdLedgerTable *table;
  GString       *text;        /* the cell's <v> or inline text */
  GString       *type;        /* the cell's t attribute */
  GString       *attribute;   /* r and s, one at a time */
  CellInfo       ci;
  gboolean       in_row, in_cell, in_is, row_added;
  gboolean       rows_since_sheet_data;  /* a <row> since the last <sheetData> began */
  guint          rph_depth;
  guint          row;         /* sheet row number of the current <row>, 1-based */
  guint          next_col;    /* column of the next <c> without an r attribute */
  char           date_buf[16];
} SheetLoad;

static void
fail_at_row (SheetLoad  *load,
             const char *format)
{
  pd_xlsx_stream_fail (&load->stream, g_error_new (PD_LEDGER_ERROR, PD_LEDGER_ERROR_FORMAT, format, load->row));
}

static void
start_row (SheetLoad            *load,
           const XlsxAttributes *attributes)
{
  const char *r = pd_xlsx_attribute (attributes, "r", load->attribute);
  guint64 v;

  if (r != NULL)
    {
      if (!pd_xlsx_parse_uint (r, PD_XLSX_MAX_ROW, &v) || v == 0)
        {
          /* Translators: %u is the number of the row before it */
          fail_at_row (load, _("A row has an invalid row number (after row %u); the file is damaged"));
          return;
        }
      load->row = (guint) v;
    }
  else if (load->row < PD_XLSX_MAX_ROW)
    load->row++;
  /* a row with no cells, or only empty ones, is not added at all */
  load->in_row = TRUE;
  load->rows_since_sheet_data = TRUE;
  load->row_added = FALSE;
  load->next_col = 0;
}

static void
start_cell (SheetLoad            *load,
            const XlsxAttributes *attributes)
{
  CellInfo *ci = &load->ci;
  const char *r, *s;

  ci->type = pd_xlsx_attribute (attributes, "t", load->type);
  s = pd_xlsx_attribute (attributes, "s", load->attribute);
  ci->has_style = pd_xlsx_parse_uint (s, G_MAXUINT, &ci->style);
  r = pd_xlsx_attribute (attributes, "r", load->attribute);
  if (r != NULL)
    {
      if (!pd_xlsx_parse_cell_column (r, &ci->col))
        {
          /* Translators: %u is a row number in the worksheet */
          fail_at_row (load, _("Row %u: a cell has an invalid reference; the file is damaged"));
          return;
        }
    }
  else
    ci->col = load->next_col;
  load->next_col = ci->col < G_MAXUINT ? ci->col + 1 : ci->col;
  g_string_truncate (load->text, 0);
  load->in_cell = TRUE;
  load->in_is = FALSE;
  load->rph_depth = 0;
}

static void
sheet_start (XlsxStream           *stream,
             const char           *name,
             const XlsxAttributes *attributes)
{
  SheetLoad *load = (SheetLoad *) stream;

  if (strcmp (name, "row") == 0)
    start_row (load, attributes);
  else if (strcmp (name, "sheetData") == 0)
    load->rows_since_sheet_data = FALSE;
  else if (strcmp (name, "c") == 0 && load->in_row)
    start_cell (load, attributes);
  else if (load->in_cell)
    {
      if (strcmp (name, "v") == 0)
        stream->collect = load->text;
      else if (strcmp (name, "is") == 0)
        load->in_is = TRUE;
      else if (strcmp (name, "rPh") == 0)
        load->rph_depth++;
      else if (strcmp (name, "t") == 0 && load->in_is && load->rph_depth == 0)
        stream->collect = load->text;
    }
}

static void
end_cell (SheetLoad *load)
{
  g_autoptr (GError) error = NULL;
  const char *value;

  load->in_cell = FALSE;
  load->stream.collect = NULL;
  value = cell_text (load->xr, &load->ci, load->text, load->row, load->date_buf, sizeof load->date_buf, &error);
  if (value == NULL)
    {
      pd_xlsx_stream_fail (&load->stream, g_steal_pointer (&error));
      return;
    }
  if (value[0] == '\0')
    return;
  if (!load->row_added)
    {
      pd_ledger_table_append_row (load->table, load->row);
      load->row_added = TRUE;
    }
  if (!pd_ledger_table_set_cell (load->table, load->ci.col, value, -1, &error))
    {
      /* Translators: %u is a row number; the rest of the message follows */
      g_prefix_error (&error, _("Row %u: "), load->row);
      pd_xlsx_stream_fail (&load->stream, g_steal_pointer (&error));
    }
}

static void
sheet_end (XlsxStream *stream,
           const char *name)
{
  SheetLoad *load = (SheetLoad *) stream;

  if (strcmp (name, "c") == 0 && load->in_cell)
    end_cell (load);
  else if (strcmp (name, "row") == 0)
    load->in_row = load->in_cell = FALSE;
  else if (strcmp (name, "v") == 0 || strcmp (name, "t") == 0)
    stream->collect = NULL;
  else if (strcmp (name, "is") == 0)
    load->in_is = FALSE;
  else if (strcmp (name, "rPh") == 0 && load->rph_depth > 0)
    load->rph_depth--;
  /* Merged cells, print setup… after the rows are not ledger data, and
   * not read.  An empty <sheetData/> (a stray one, or an empty sheet) ends
   * nothing. */
  else if (strcmp (name, "sheetData") == 0 && load->rows_since_sheet_data)
    pd_xlsx_stream_finish (stream);
}

gboolean
pd_xlsx_load_sheet (XlsxReader     *xr,
                    const char     *path,
                    PdLedgerTable  *table,
                    GError        **error)
{
  g_autofree guint8 *buf = NULL;
  g_autoptr (GString) text = g_string_new (NULL);
  g_autoptr (GString) type = g_string_new (NULL);
  g_autoptr (GString) attribute = g_string_new (NULL);
  SheetLoad load = { .stream = { .part = path, .start = sheet_start, .end = sheet_end },
                     .xr = xr, .table = table, .text = text, .type = type, .attribute = attribute };
  gsize len;

  buf = pd_xlsx_read_part (xr->zip, path, FALSE, &len, error);
  if (buf == NULL)
    return FALSE;
  return pd_xlsx_stream_part (buf, len, &load.stream, error);
}
