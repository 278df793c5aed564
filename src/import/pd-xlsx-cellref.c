/* pd-xlsx-cellref.c — cell references ("AB12") and the numbers in a
 * worksheet's attributes (row numbers, style and string indexes). */
#include "pd-xlsx-private.h"

gboolean
pd_xlsx_parse_uint (const char *s,
                    guint64     max,
                    guint64    *out)
{
  guint64 v;

  if (s == NULL || !g_ascii_isdigit (s[0]))
    return FALSE;
  if (!g_ascii_string_to_unsigned (s, 10, 0, max, &v, NULL))
    return FALSE;
  *out = v;
  return TRUE;
}

/* "AB12" → column 27 (0-based 27); only the letters matter, the row comes
 * from <row r>.  Returns FALSE for anything but 1–3 letters then digits. */
gboolean
pd_xlsx_parse_cell_column (const char *ref,
                           guint      *col)
{
  guint v = 0, letters = 0;
  const char *p;

  for (p = ref; g_ascii_isalpha (*p); p++)
    {
      if (++letters > 3)
        return FALSE;
      v = v * 26 + (g_ascii_toupper (*p) - 'A' + 1);
    }
  if (letters == 0)
    return FALSE;
  for (; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  *col = v - 1;
  return TRUE;
}
