/* pd-xlsx-sheet.c — the worksheet streamed row by row into a ledger table. */
#include "pd-xlsx-private.h"

#include <string.h>
#include <glib/gi18n-lib.h>

typedef struct
{
  char    *type;      /* t attribute, NULL for a number */
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

gboolean
pd_xlsx_load_sheet (XlsxReader     *xr,
                    const char     *path,
                    PdLedgerTable  *table,
                    GError        **error)
{
  g_autofree guint8 *buf = NULL;
  g_autoptr(xmlTextReader) reader = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  CellInfo ci = { NULL, 0, FALSE, 0 };
  gboolean in_row = FALSE, in_cell = FALSE, in_is = FALSE, collecting = FALSE;
  gboolean row_added = FALSE;
  guint rph_depth = 0;
  guint row = 0;       /* sheet row number of the current <row>, 1-based */
  guint next_col = 0;  /* column of the next <c> without an r attribute */
  gsize len;
  int ret, type;
  const char *name;
  gboolean empty;
  char date_buf[16];

  buf = pd_xlsx_read_part (xr->zip, path, FALSE, &len, error);
  if (buf == NULL)
    return FALSE;
  reader = pd_xlsx_open_reader (buf, len, path, error);
  if (reader == NULL)
    return FALSE;

  while ((ret = pd_xlsx_next_node (reader, path, &type, &name, &empty, error)) == 1)
    {
      if (type == XML_READER_TYPE_ELEMENT)
        {
          if (g_strcmp0 (name, "row") == 0)
            {
              g_autofree char *r = (char *) xmlTextReaderGetAttribute (reader, BAD_CAST "r");
              guint64 v;

              if (r != NULL)
                {
                  if (!pd_xlsx_parse_uint (r, PD_XLSX_MAX_ROW, &v) || v == 0)
                    {
                      g_set_error (error, PD_LEDGER_ERROR, PD_LEDGER_ERROR_FORMAT,
                                   /* Translators: %u is the number of the row before it */
                                   _("A row has an invalid row number (after row %u); the file is damaged"),
                                   row);
                      goto fail;
                    }
                  row = (guint) v;
                }
              else if (row < PD_XLSX_MAX_ROW)
                row++;
              /* a row with no cells, or only empty ones, is not added at all */
              in_row = !empty;
              row_added = FALSE;
              next_col = 0;
            }
          else if (g_strcmp0 (name, "c") == 0 && in_row)
            {
              g_autofree char *r = (char *) xmlTextReaderGetAttribute (reader, BAD_CAST "r");
              g_autofree char *s = (char *) xmlTextReaderGetAttribute (reader, BAD_CAST "s");

              g_clear_pointer (&ci.type, xmlFree);
              ci.type = (char *) xmlTextReaderGetAttribute (reader, BAD_CAST "t");
              ci.has_style = pd_xlsx_parse_uint (s, G_MAXUINT, &ci.style);
              if (r != NULL)
                {
                  if (!pd_xlsx_parse_cell_column (r, &ci.col))
                    {
                      g_set_error (error, PD_LEDGER_ERROR, PD_LEDGER_ERROR_FORMAT,
                                   /* Translators: %u is a row number in the worksheet */
                                   _("Row %u: a cell has an invalid reference; the file is damaged"),
                                   row);
                      goto fail;
                    }
                }
              else
                ci.col = next_col;
              next_col = ci.col < G_MAXUINT ? ci.col + 1 : ci.col;
              g_string_truncate (text, 0);
              in_cell = !empty;
              in_is = FALSE;
              collecting = FALSE;
              rph_depth = 0;
            }
          else if (in_cell && !empty)
            {
              if (g_strcmp0 (name, "v") == 0)
                collecting = TRUE;
              else if (g_strcmp0 (name, "is") == 0)
                in_is = TRUE;
              else if (g_strcmp0 (name, "rPh") == 0)
                rph_depth++;
              else if (g_strcmp0 (name, "t") == 0 && in_is && rph_depth == 0)
                collecting = TRUE;
            }
        }
      else if (type == XML_READER_TYPE_END_ELEMENT)
        {
          if (g_strcmp0 (name, "c") == 0 && in_cell)
            {
              const char *value;

              in_cell = FALSE;
              collecting = FALSE;
              value = cell_text (xr, &ci, text, row, date_buf, sizeof date_buf, error);
              if (value == NULL)
                goto fail;
              if (value[0] == '\0')
                continue;
              if (!row_added)
                {
                  pd_ledger_table_append_row (table, row);
                  row_added = TRUE;
                }
              if (!pd_ledger_table_set_cell (table, ci.col, value, -1, error))
                {
                  /* Translators: %u is a row number; the rest of the message follows */
                  g_prefix_error (error, _("Row %u: "), row);
                  goto fail;
                }
            }
          else if (g_strcmp0 (name, "row") == 0)
            in_row = in_cell = FALSE;
          else if (g_strcmp0 (name, "v") == 0 || g_strcmp0 (name, "t") == 0)
            collecting = FALSE;
          else if (g_strcmp0 (name, "is") == 0)
            in_is = FALSE;
          else if (g_strcmp0 (name, "rPh") == 0 && rph_depth > 0)
            rph_depth--;
          else if (g_strcmp0 (name, "sheetData") == 0)
            break;   /* merged cells, print setup… are not ledger data */
        }
      else if (collecting && pd_xlsx_is_collectable (type))
        g_string_append (text, (const char *) xmlTextReaderConstValue (reader));
    }
  if (ret < 0)
    goto fail;

  g_clear_pointer (&ci.type, xmlFree);
  return TRUE;

fail:
  g_clear_pointer (&ci.type, xmlFree);
  return FALSE;
}
