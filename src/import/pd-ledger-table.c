/* pd-ledger-table.c — the table both readers fill, and the file sniffer.
 *
 * Cell text lives in one GStringChunk: a ledger is many small strings that
 * all die together, so one allocator beats a malloc per cell.  Absent cells
 * point at a shared static "" so that gap filling costs only a pointer.
 */
#include "pd-ledger.h"

#include <string.h>
#include <glib/gi18n-lib.h>

G_DEFINE_QUARK (pd-ledger-error-quark, pd_ledger_error)

typedef struct
{
  guint      line;
  GPtrArray *cells;  /* const char * into the chunk (or the static ""), not owned */
} PdLedgerRow;

struct _PdLedgerTable
{
  GArray       *rows;   /* PdLedgerRow */
  GStringChunk *chunk;
  gsize         n_cells_total;
};

static const char empty_cell[] = "";

static void
pd_ledger_row_clear (gpointer data)
{
  PdLedgerRow *row = data;

  g_clear_pointer (&row->cells, g_ptr_array_unref);
}

PdLedgerTable *
pd_ledger_table_new (void)
{
  PdLedgerTable *t = g_new0 (PdLedgerTable, 1);

  t->rows = g_array_new (FALSE, TRUE, sizeof (PdLedgerRow));
  g_array_set_clear_func (t->rows, pd_ledger_row_clear);
  t->chunk = g_string_chunk_new (64 * 1024);
  return t;
}

void
pd_ledger_table_free (PdLedgerTable *t)
{
  if (t == NULL)
    return;
  g_array_unref (t->rows);
  g_string_chunk_free (t->chunk);
  g_free (t);
}

guint
pd_ledger_table_get_n_rows (PdLedgerTable *t)
{
  g_return_val_if_fail (t != NULL, 0);

  return t->rows->len;
}

static PdLedgerRow *
get_row (PdLedgerTable *t,
         guint          row)
{
  if (row >= t->rows->len)
    return NULL;
  return &g_array_index (t->rows, PdLedgerRow, row);
}

guint
pd_ledger_table_get_n_cells (PdLedgerTable *t,
                             guint          row)
{
  PdLedgerRow *r;

  g_return_val_if_fail (t != NULL, 0);

  r = get_row (t, row);
  return r != NULL ? r->cells->len : 0;
}

const char *
pd_ledger_table_get_cell (PdLedgerTable *t,
                          guint          row,
                          guint          col)
{
  PdLedgerRow *r;

  g_return_val_if_fail (t != NULL, empty_cell);

  r = get_row (t, row);
  if (r == NULL || col >= r->cells->len)
    return empty_cell;
  return g_ptr_array_index (r->cells, col);
}

guint
pd_ledger_table_get_line (PdLedgerTable *t,
                          guint          row)
{
  PdLedgerRow *r;

  g_return_val_if_fail (t != NULL, 0);

  r = get_row (t, row);
  return r != NULL ? r->line : 0;
}

void
pd_ledger_table_append_row (PdLedgerTable *t,
                            guint          line)
{
  PdLedgerRow r;

  g_return_if_fail (t != NULL);

  r.line = line;
  r.cells = g_ptr_array_new ();
  g_array_append_val (t->rows, r);
}

void
pd_ledger_table_remove_last_row (PdLedgerTable *t)
{
  PdLedgerRow *r;

  g_return_if_fail (t != NULL);

  if (t->rows->len == 0)
    return;
  r = &g_array_index (t->rows, PdLedgerRow, t->rows->len - 1);
  t->n_cells_total -= r->cells->len;
  g_array_set_size (t->rows, t->rows->len - 1);
}

static const char *
intern_text (PdLedgerTable *t,
             const char    *text,
             gssize         len)
{
  if (len < 0)
    len = strlen (text);
  if (len == 0)
    return empty_cell;
  return g_string_chunk_insert_len (t->chunk, text, len);
}

/* The message has no position: only the reader knows whether to call the
 * row's number a line (CSV) or a row (xlsx), so it prefixes it. */
static gboolean
check_room (PdLedgerTable *t,
            PdLedgerRow   *r,
            guint          col,
            GError       **error)
{
  if (col >= PD_LEDGER_MAX_COLUMNS)
    {
      g_set_error (error, PD_LEDGER_ERROR, PD_LEDGER_ERROR_TOO_LARGE,
                   /* Translators: %u is a count; the reader puts the line or row in front */
                   _("more than %u columns"),
                   (guint) PD_LEDGER_MAX_COLUMNS);
      return FALSE;
    }
  if (t->n_cells_total + (col + 1 - r->cells->len) > PD_LEDGER_MAX_CELLS)
    {
      g_set_error (error, PD_LEDGER_ERROR, PD_LEDGER_ERROR_TOO_LARGE,
                   /* Translators: %u is a count; the reader puts the line or row in front */
                   _("the file has more than %u cells; split it into smaller files"),
                   (guint) PD_LEDGER_MAX_CELLS);
      return FALSE;
    }
  return TRUE;
}

gboolean
pd_ledger_table_append_cell (PdLedgerTable *t,
                             const char    *text,
                             gssize         len,
                             GError       **error)
{
  PdLedgerRow *r;

  g_return_val_if_fail (t != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (t->rows->len > 0, FALSE);

  r = &g_array_index (t->rows, PdLedgerRow, t->rows->len - 1);
  return pd_ledger_table_set_cell (t, r->cells->len, text, len, error);
}

gboolean
pd_ledger_table_set_cell (PdLedgerTable *t,
                          guint          col,
                          const char    *text,
                          gssize         len,
                          GError       **error)
{
  PdLedgerRow *r;

  g_return_val_if_fail (t != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (t->rows->len > 0, FALSE);

  r = &g_array_index (t->rows, PdLedgerRow, t->rows->len - 1);
  if (col >= r->cells->len)
    {
      if (!check_room (t, r, col, error))
        return FALSE;
      t->n_cells_total += col + 1 - r->cells->len;
      while (r->cells->len <= col)
        g_ptr_array_add (r->cells, (gpointer) empty_cell);
    }
  g_ptr_array_index (r->cells, col) = (gpointer) intern_text (t, text, len);
  return TRUE;
}

/* ---- File sniffing ---------------------------------------------------- */

static gboolean
has_prefix_ascii_nocase (const guint8 *data,
                         gsize         len,
                         const char   *prefix)
{
  gsize n = strlen (prefix);

  return len >= n && g_ascii_strncasecmp ((const char *) data, prefix, n) == 0;
}

/* Some Chinese government and bank systems export "Excel" files that are
 * really web pages or XML Spreadsheet 2003 documents with an .xls name.
 * Read as CSV they would give one column of markup, so say what they are. */
static gboolean
looks_like_markup (const guint8 *data,
                   gsize         len)
{
  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      len -= 3;
    }
  while (len > 0 && g_ascii_isspace (*data))
    {
      data++;
      len--;
    }
  return has_prefix_ascii_nocase (data, len, "<html")
         || has_prefix_ascii_nocase (data, len, "<!doctype")
         || has_prefix_ascii_nocase (data, len, "<?xml")
         || has_prefix_ascii_nocase (data, len, "<table");
}

PdLedgerTable *
pd_ledger_read_file (const char  *path,
                     GError     **error)
{
  g_autoptr(GMappedFile) file = NULL;
  g_autofree char *display = NULL;
  PdLedgerTable *table;
  const guint8 *data;
  gsize len;
  GError *local_error = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display = g_filename_display_basename (path);

  /* Mapped, not read: a 100 MB ledger is parsed without a second copy. */
  file = g_mapped_file_new (path, FALSE, error);
  if (file == NULL)
    return NULL;

  len = g_mapped_file_get_length (file);
  data = (const guint8 *) g_mapped_file_get_contents (file);
  if (len == 0 || data == NULL)
    {
      g_set_error (error, PD_LEDGER_ERROR, PD_LEDGER_ERROR_EMPTY,
                   /* Translators: %s is a file name */
                   _("“%s” is empty"), display);
      return NULL;
    }
  if (len > PD_LEDGER_MAX_FILE_SIZE)
    {
      g_set_error (error, PD_LEDGER_ERROR, PD_LEDGER_ERROR_TOO_LARGE,
                   /* Translators: %s is a file name, %u a size in megabytes */
                   _("“%s” is larger than %u MB; split it into smaller files"),
                   display, (guint) (PD_LEDGER_MAX_FILE_SIZE / (1024 * 1024)));
      return NULL;
    }

  if (len >= 4 && memcmp (data, "PK\3\4", 4) == 0)
    table = pd_xlsx_parse (data, len, &local_error);
  else if (len >= 4 && memcmp (data, "\xD0\xCF\x11\xE0", 4) == 0)
    {
      /* OLE2 compound file: Excel 97–2003, or an .xlsx with a password,
       * which Office wraps in the same container. */
      g_set_error (error, PD_LEDGER_ERROR, PD_LEDGER_ERROR_UNSUPPORTED,
                   /* Translators: %s is a file name */
                   _("“%s” is an old Excel 97–2003 workbook (.xls) or a password-protected one; open it in Excel or WPS and save it as .xlsx or .csv without a password"),
                   display);
      return NULL;
    }
  else if (looks_like_markup (data, len))
    {
      g_set_error (error, PD_LEDGER_ERROR, PD_LEDGER_ERROR_UNSUPPORTED,
                   /* Translators: %s is a file name */
                   _("“%s” is a web page or XML document, not a spreadsheet; open it in Excel or WPS and save it as .xlsx or .csv"),
                   display);
      return NULL;
    }
  else
    table = pd_csv_parse ((const char *) data, len, &local_error);

  if (table == NULL)
    {
      /* The readers work on bytes and cannot know the name; the user needs
       * it when several files are imported in one go. */
      g_propagate_prefixed_error (error, local_error, "%s: ", display);
      return NULL;
    }
  return table;
}
