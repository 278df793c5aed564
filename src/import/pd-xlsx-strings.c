/* pd-xlsx-strings.c — the workbook's shared strings, and the _xHHHH_
 * escapes of OOXML text. */
#include "pd-xlsx-private.h"

#include <string.h>
#include <glib/gi18n-lib.h>

/* OOXML escapes characters XML cannot carry as _xHHHH_ (Excel writes an
 * in-cell carriage return as _x000D_), and a literal "_x" as _x005F_x.
 * One pass into a new buffer: erasing in place would be quadratic on a
 * hostile 10 MB string made of escapes. */
void
pd_xlsx_decode_escapes (GString *s)
{
  g_autoptr(GString) out = NULL;
  gsize i = 0;

  if (strstr (s->str, "_x") == NULL)
    return;

  out = g_string_sized_new (s->len);
  while (i < s->len)
    {
      const char *p = s->str + i;
      guint cp = 0;
      int k;

      if (i + 7 <= s->len && p[0] == '_' && p[1] == 'x' && p[6] == '_')
        {
          for (k = 2; k < 6 && g_ascii_isxdigit (p[k]); k++)
            cp = cp * 16 + g_ascii_xdigit_value (p[k]);
          if (k == 6)
            {
              /* NUL and lone surrogates would make the text invalid: dropped */
              if (cp != 0 && !(cp >= 0xD800 && cp <= 0xDFFF))
                g_string_append_unichar (out, cp);
              i += 7;
              continue;
            }
        }
      g_string_append_c (out, *p);
      i++;
    }
  g_string_assign (s, out->str);
}

/* Shared strings: one <si> per string, its text the <t> elements directly
 * inside it or inside rich-text runs <r>; <rPh> phonetic guides (pinyin or
 * furigana above the text) are not part of the value. */
typedef struct
{
  XlsxStream  stream;
  XlsxReader *xr;
  GString    *text;
  gboolean    in_si;
  guint       rph_depth;
} StringsLoad;

static void
strings_start (XlsxStream           *stream,
               const char           *name,
               const XlsxAttributes *attributes G_GNUC_UNUSED)
{
  StringsLoad *load = (StringsLoad *) stream;

  if (strcmp (name, "si") == 0)
    {
      g_string_truncate (load->text, 0);
      load->in_si = TRUE;
      load->rph_depth = 0;
    }
  else if (strcmp (name, "rPh") == 0 && load->in_si)
    load->rph_depth++;
  else if (strcmp (name, "t") == 0 && load->in_si && load->rph_depth == 0)
    stream->collect = load->text;
}

static void
strings_end (XlsxStream *stream,
             const char *name)
{
  StringsLoad *load = (StringsLoad *) stream;
  XlsxReader *xr = load->xr;

  if (strcmp (name, "si") == 0)
    {
      if (xr->shared_strings->len >= PD_LEDGER_MAX_CELLS)
        {
          pd_xlsx_stream_fail (stream, g_error_new (PD_LEDGER_ERROR, PD_LEDGER_ERROR_TOO_LARGE,
                                                    /* Translators: %u is a count */
                                                    _("The workbook has more than %u different texts; split it into smaller files"),
                                                    (guint) PD_LEDGER_MAX_CELLS));
          return;
        }
      pd_xlsx_decode_escapes (load->text);
      g_ptr_array_add (xr->shared_strings,
                       g_string_chunk_insert_len (xr->strings_chunk, load->text->str, load->text->len));
      load->in_si = FALSE;
      stream->collect = NULL;
    }
  else if (strcmp (name, "rPh") == 0 && load->in_si && load->rph_depth > 0)
    load->rph_depth--;
  else if (strcmp (name, "t") == 0)
    stream->collect = NULL;
}

gboolean
pd_xlsx_load_shared_strings (XlsxReader  *xr,
                             const char  *path,
                             GError     **error)
{
  g_autofree guint8 *buf = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  StringsLoad load = { .stream = { .part = path, .start = strings_start, .end = strings_end },
                       .xr = xr, .text = text };
  gsize len;

  xr->shared_strings = g_ptr_array_new ();
  xr->strings_chunk = g_string_chunk_new (64 * 1024);
  if (path == NULL)
    return TRUE;
  buf = pd_xlsx_read_part (xr->zip, path, TRUE, &len, error);
  if (buf == NULL)
    return *error == NULL;
  return pd_xlsx_stream_part (buf, len, &load.stream, error);
}
