/* pd-csv-reader.c — RFC 4180 CSV as Excel and WPS write it on Chinese Windows.
 *
 * A small state machine rather than libcsv: we need the physical line where
 * each record starts (for messages), bare-CR line ends (old Mac Excel),
 * delimiter sniffing and skipping of blank rows, and libcsv's callback API
 * offers none of these, so the glue would be as long as the parser.
 *
 * Encodings, in the order we try them: a BOM decides (UTF-8, UTF-16LE/BE);
 * bytes that validate as UTF-8 are UTF-8; anything else is taken as GB18030,
 * the superset of GBK that "CSV (逗号分隔)" in Chinese Excel writes.
 */
#include "pd-ledger.h"

#include <string.h>
#include <glib/gi18n-lib.h>

/* Lines are counted the way the parser counts them: CRLF, LF and a lone CR
 * each end one line.  Only used on ASCII-compatible bytes (UTF-8, GBK: GBK
 * trail bytes start at 0x40, so 0x0A/0x0D are always real line ends). */
static guint
count_lines (const char *p,
             gsize       len)
{
  guint line = 1;
  gsize i;

  for (i = 0; i < len; i++)
    {
      if (p[i] == '\n')
        line++;
      else if (p[i] == '\r' && !(i + 1 < len && p[i + 1] == '\n'))
        line++;
    }
  return line;
}

static guint
count_lines_utf16 (const guint8 *p,
                   gsize         len,
                   gboolean      little_endian)
{
  guint line = 1;
  gsize i;

  for (i = 0; i + 1 < len; i += 2)
    {
      guint16 u = little_endian ? (p[i] | (p[i + 1] << 8)) : ((p[i] << 8) | p[i + 1]);
      guint16 next = 0;

      if (i + 3 < len)
        next = little_endian ? (p[i + 2] | (p[i + 3] << 8)) : ((p[i + 2] << 8) | p[i + 3]);
      if (u == '\n' || (u == '\r' && next != '\n'))
        line++;
    }
  return line;
}

/* Offsets are printed as %u, not G_GSIZE_FORMAT, because xgettext cannot
 * see through that macro; pd_ledger_read_file() caps files far below 4 GB. */
static void
set_encoding_error (GError     **error,
                    const char  *data,
                    gsize        len,
                    gsize        offset,
                    guint        line,
                    gboolean     cut_off)
{
  if (!cut_off && offset < len)
    g_set_error (error, PD_LEDGER_ERROR, PD_LEDGER_ERROR_ENCODING,
                 /* Translators: line number, byte value in hex, byte offset */
                 _("Line %u: byte 0x%02X at offset %u is neither UTF-8 nor GBK text; save the file again as “CSV UTF-8”"),
                 line, (guint) (guint8) data[offset], (guint) offset);
  else
    g_set_error (error, PD_LEDGER_ERROR, PD_LEDGER_ERROR_ENCODING,
                 /* Translators: %u is a line number */
                 _("Line %u: the file ends in the middle of a character; it may be truncated"),
                 line);
}

/* Converts UTF-16 text (after its BOM) to UTF-8.  @bom_len is only used to
 * report offsets as positions in the file. */
static char *
convert_utf16 (const char  *data,
               gsize        len,
               gsize        bom_len,
               gboolean     little_endian,
               gsize       *out_len,
               GError     **error)
{
  g_autoptr(GError) conv_error = NULL;
  gsize bytes_read = 0;
  char *out;

  out = g_convert (data + bom_len, len - bom_len, "UTF-8",
                   little_endian ? "UTF-16LE" : "UTF-16BE",
                   &bytes_read, out_len, &conv_error);
  /* With bytes_read given, g_convert accepts a cut-off last character
   * silently; a truncated file must not lose its tail unnoticed. */
  if (out != NULL && bytes_read < len - bom_len)
    g_clear_pointer (&out, g_free);
  if (out == NULL)
    {
      gsize offset = MIN (bytes_read, len - bom_len);

      g_set_error (error, PD_LEDGER_ERROR, PD_LEDGER_ERROR_ENCODING,
                   /* Translators: the first %u is a line number, the second a byte offset */
                   _("Line %u: invalid UTF-16 text at offset %u"),
                   count_lines_utf16 ((const guint8 *) data + bom_len, offset, little_endian),
                   (guint) (offset + bom_len));
    }
  return out;
}

/* Returns the text as UTF-8: either @data itself (UTF-8, BOM skipped) or a
 * newly allocated conversion stored in @owned. */
static const char *
decode_text (const char  *data,
             gsize        len,
             char       **owned,
             gsize       *out_len,
             GError     **error)
{
  const char *end = NULL;
  const char *nul;
  g_autoptr(GError) conv_error = NULL;
  gsize bytes_read = 0;

  *owned = NULL;

  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      /* A UTF-8 BOM is a promise; do not fall back to GBK behind its back. */
      if (!g_utf8_validate_len (data + 3, len - 3, &end))
        {
          gsize offset = end - data;

          set_encoding_error (error, data, len, offset, count_lines (data, offset), FALSE);
          return NULL;
        }
      *out_len = len - 3;
      return data + 3;
    }

  if (len >= 2 && (memcmp (data, "\xFF\xFE", 2) == 0 || memcmp (data, "\xFE\xFF", 2) == 0))
    {
      /* Excel's "Unicode text (*.txt)" is tab-separated UTF-16LE with a BOM. */
      *owned = convert_utf16 (data, len, 2, data[0] == '\xFF', out_len, error);
      if (*owned == NULL)
        return NULL;
      nul = memchr (*owned, '\0', *out_len);
      if (nul != NULL)
        {
          /* Count before freeing: the count reads the converted text (found by fuzzing). */
          guint line = count_lines (*owned, nul - *owned);

          g_clear_pointer (owned, g_free);
          g_set_error (error, PD_LEDGER_ERROR, PD_LEDGER_ERROR_ENCODING,
                       /* Translators: %u is a line number */
                       _("Line %u: the text contains a NUL character; this is not a text file"),
                       line);
          return NULL;
        }
      return *owned;
    }

  /* Checked before the UTF-8 test, since GB18030 would happily convert NUL
   * and we would then cut cells short at it. */
  nul = memchr (data, '\0', len);
  if (nul != NULL)
    {
      gsize offset = nul - data;

      g_set_error (error, PD_LEDGER_ERROR, PD_LEDGER_ERROR_ENCODING,
                   /* Translators: the first %u is a line number, the second a byte offset */
                   _("Line %u: NUL byte at offset %u; this is not a text file (or it is UTF-16 without a byte order mark)"),
                   count_lines (data, offset), (guint) offset);
      return NULL;
    }

  if (g_utf8_validate_len (data, len, NULL))
    {
      *out_len = len;
      return data;
    }

  *owned = g_convert (data, len, "UTF-8", "GB18030", &bytes_read, out_len, &conv_error);
  if (*owned != NULL && bytes_read < len)
    g_clear_pointer (owned, g_free);   /* cut-off last character, see above */
  if (*owned == NULL)
    {
      gsize offset = MIN (bytes_read, len);
      gboolean cut_off = conv_error == NULL
                         || g_error_matches (conv_error, G_CONVERT_ERROR, G_CONVERT_ERROR_PARTIAL_INPUT);

      set_encoding_error (error, data, len, offset, count_lines (data, offset), cut_off);
      return NULL;
    }
  return *owned;
}

/* Excel pads every row to the width of the sheet, so even a title row above
 * the header ("某某小区业主名册,,,,") shows the delimiter.  A hand-made file
 * may not: then look a few lines further before settling on the comma. */
static char
detect_delimiter (const char *p,
                  const char *end)
{
  guint commas = 0, semicolons = 0, tabs = 0;
  guint lines = 0;
  gboolean in_quotes = FALSE;

  for (; p < end; p++)
    {
      if (*p == '"')
        in_quotes = !in_quotes;   /* a doubled quote toggles twice: no harm */
      else if (in_quotes)
        continue;
      else if (*p == ',')
        commas++;
      else if (*p == ';')
        semicolons++;
      else if (*p == '\t')
        tabs++;
      else if (*p == '\n' || *p == '\r')
        {
          if (commas + semicolons + tabs > 0 || ++lines >= 10)
            break;
        }
    }

  if (semicolons > commas && semicolons >= tabs)
    return ';';
  if (tabs > commas && tabs > semicolons)
    return '\t';
  return ',';
}

typedef enum
{
  STATE_FIELD_START,
  STATE_UNQUOTED,
  STATE_QUOTED,
  STATE_QUOTE_IN_QUOTED,  /* saw '"' inside a quoted field: end or escape? */
} CsvState;

typedef struct
{
  PdLedgerTable *table;
  GString       *cell;
  guint          record_line;
  gboolean       row_open;
  gboolean       row_has_text;
} CsvParser;

static gboolean
end_field (CsvParser  *cp,
           GError    **error)
{
  /* The one thing we trim: a CR left by a CRLF file inside a quoted field
   * or by a doubled line end.  Everything else is the caller's call. */
  if (cp->cell->len > 0 && cp->cell->str[cp->cell->len - 1] == '\r')
    g_string_truncate (cp->cell, cp->cell->len - 1);

  if (!cp->row_open)
    {
      pd_ledger_table_append_row (cp->table, cp->record_line);
      cp->row_open = TRUE;
    }
  if (cp->cell->len > 0)
    cp->row_has_text = TRUE;
  if (!pd_ledger_table_append_cell (cp->table, cp->cell->str, cp->cell->len, error))
    {
      /* Translators: %u is a line number; the rest of the message follows */
      g_prefix_error (error, _("Line %u: "), cp->record_line);
      return FALSE;
    }
  g_string_truncate (cp->cell, 0);
  return TRUE;
}

static gboolean
end_record (CsvParser  *cp,
            guint       next_line,
            GError    **error)
{
  if (!end_field (cp, error))
    return FALSE;
  /* Blank rows, and Excel's ",,,," padding of them, carry nothing. */
  if (!cp->row_has_text)
    pd_ledger_table_remove_last_row (cp->table);
  cp->row_open = FALSE;
  cp->row_has_text = FALSE;
  cp->record_line = next_line;
  return TRUE;
}

PdLedgerTable *
pd_csv_parse (const char  *data,
              gsize        len,
              GError     **error)
{
  g_autoptr(PdLedgerTable) table = NULL;
  g_autoptr(GString) cell = NULL;
  g_autofree char *owned = NULL;
  const char *text, *p, *end;
  gsize text_len = 0;
  CsvState state = STATE_FIELD_START;
  CsvParser cp;
  guint line = 1;
  guint quote_line = 1;
  char delim;

  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (len == 0)
    {
      g_set_error (error, PD_LEDGER_ERROR, PD_LEDGER_ERROR_EMPTY,
                   _("The file is empty"));
      return NULL;
    }

  text = decode_text (data, len, &owned, &text_len, error);
  if (text == NULL)
    return NULL;

  p = text;
  end = text + text_len;
  delim = detect_delimiter (p, end);

  table = pd_ledger_table_new ();
  cell = g_string_sized_new (64);
  cp.table = table;
  cp.cell = cell;
  cp.record_line = 1;
  cp.row_open = FALSE;
  cp.row_has_text = FALSE;

  while (p < end)
    {
      char c = *p++;
      gboolean newline = FALSE;

      if (c == '\r' || c == '\n')
        {
          newline = TRUE;
          line++;
        }

      switch (state)
        {
        case STATE_QUOTED:
          if (c == '"')
            state = STATE_QUOTE_IN_QUOTED;
          else
            g_string_append_c (cell, c);
          /* CRLF inside a quoted field is kept whole but counts once */
          if (c == '\r' && p < end && *p == '\n')
            g_string_append_c (cell, *p++);
          break;

        case STATE_QUOTE_IN_QUOTED:
          if (c == '"')
            {
              g_string_append_c (cell, '"');
              state = STATE_QUOTED;
              break;
            }
          G_GNUC_FALLTHROUGH;
        case STATE_FIELD_START:
        case STATE_UNQUOTED:
          if (newline)
            {
              if (c == '\r' && p < end && *p == '\n')
                p++;
              if (!end_record (&cp, line, error))
                return NULL;
              state = STATE_FIELD_START;
            }
          else if (c == delim)
            {
              if (!end_field (&cp, error))
                return NULL;
              state = STATE_FIELD_START;
            }
          else if (c == '"' && state == STATE_FIELD_START)
            {
              state = STATE_QUOTED;
              quote_line = line;
            }
          else
            {
              /* A stray quote inside a bare field, or text after a closing
               * quote ("a"b): kept literally, as Excel does, rather than
               * refusing a file Excel itself opens. */
              g_string_append_c (cell, c);
              state = STATE_UNQUOTED;
            }
          break;

        default:
          g_assert_not_reached ();
        }
    }

  if (state == STATE_QUOTED)
    {
      g_set_error (error, PD_LEDGER_ERROR, PD_LEDGER_ERROR_FORMAT,
                   /* Translators: %u is a line number */
                   _("Line %u: a quoted field starts here but its closing quote (\") is missing"),
                   quote_line);
      return NULL;
    }
  /* A final line without a line end still counts; a final line end does not
   * start an empty record. */
  if (cp.row_open || state != STATE_FIELD_START || cell->len > 0)
    if (!end_record (&cp, line, error))
      return NULL;

  if (pd_ledger_table_get_n_rows (table) == 0)
    {
      g_set_error (error, PD_LEDGER_ERROR, PD_LEDGER_ERROR_EMPTY,
                   _("The file has no rows with data"));
      return NULL;
    }
  return g_steal_pointer (&table);
}
