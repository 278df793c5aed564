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
gboolean
pd_xlsx_load_shared_strings (XlsxReader  *xr,
                             const char  *path,
                             GError     **error)
{
  g_autofree guint8 *buf = NULL;
  g_autoptr(xmlTextReader) reader = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  gboolean in_si = FALSE, in_t = FALSE;
  guint rph_depth = 0;
  gsize len;
  int ret, type;
  const char *name;
  gboolean empty;

  xr->shared_strings = g_ptr_array_new ();
  xr->strings_chunk = g_string_chunk_new (64 * 1024);
  if (path == NULL)
    return TRUE;
  buf = pd_xlsx_read_part (xr->zip, path, TRUE, &len, error);
  if (buf == NULL)
    return *error == NULL;
  reader = pd_xlsx_open_reader (buf, len, path, error);
  if (reader == NULL)
    return FALSE;

  while ((ret = pd_xlsx_next_node (reader, path, &type, &name, &empty, error)) == 1)
    {
      if (type == XML_READER_TYPE_ELEMENT || type == XML_READER_TYPE_END_ELEMENT)
        {
          gboolean start = type == XML_READER_TYPE_ELEMENT;

          if (g_strcmp0 (name, "si") == 0)
            {
              if (start)
                {
                  g_string_truncate (text, 0);
                  in_si = TRUE;
                  rph_depth = 0;
                }
              if (!start || empty)
                {
                  if (xr->shared_strings->len >= PD_LEDGER_MAX_CELLS)
                    {
                      g_set_error (error, PD_LEDGER_ERROR, PD_LEDGER_ERROR_TOO_LARGE,
                                   /* Translators: %u is a count */
                                   _("The workbook has more than %u different texts; split it into smaller files"),
                                   (guint) PD_LEDGER_MAX_CELLS);
                      return FALSE;
                    }
                  pd_xlsx_decode_escapes (text);
                  g_ptr_array_add (xr->shared_strings,
                                   g_string_chunk_insert_len (xr->strings_chunk, text->str, text->len));
                  in_si = FALSE;
                  in_t = FALSE;
                }
            }
          else if (g_strcmp0 (name, "rPh") == 0 && in_si && !empty)
            rph_depth = start ? rph_depth + 1 : (rph_depth > 0 ? rph_depth - 1 : 0);
          else if (g_strcmp0 (name, "t") == 0 && in_si)
            in_t = start && !empty && rph_depth == 0;
        }
      else if (in_t && pd_xlsx_is_collectable (type))
        g_string_append (text, (const char *) xmlTextReaderConstValue (reader));
    }
  return ret >= 0;
}
