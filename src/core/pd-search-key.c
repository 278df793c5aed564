/* pd-search-key.c — see pd-search-private.h. */
#include "config.h"

#include <string.h>

#include "pd-search-private.h"

/* The dashes dropped from keys: ASCII, the IME's full-width one, en and
 * em dash.  resources/sql/027-search-key-dashes.sql drops the same from the
 * keys stored before; change both together. */
static gboolean
is_dash (gunichar c)
{
  return c == '-' || c == 0xff0d || c == 0x2013 || c == 0x2014;
}

/* Common CJK ideographs: no case, no space, no dash. */
static gboolean
is_unified_ideograph (gunichar c)
{
  return c >= 0x4e00 && c <= 0x9fff;
}

/* pd_search_key_normalise() of a text of ASCII and common ideographs only
 * (a name, its pinyin, a phone or ID number: nearly every key), or NULL for
 * any other text.  Those are folded in one pass without Unicode's case
 * tables, and an import makes 737,000 keys. */
static char *
normalise_plain_key (const char *text)
{
  gsize length = strlen (text);
  char *key = g_malloc (length + 1);
  char *out = key;

  for (const char *p = text; *p;)
    {
      guchar c = *p;

      if (c < 0x80)
        {
          /* Dropped as in pd_search_key_normalise(). */
          if (!g_unichar_isspace (c) && !is_dash (c))
            *out++ = g_ascii_tolower (c);
          p++;
        }
      else
        {
          const char *next = g_utf8_next_char (p);

          if (!is_unified_ideograph (g_utf8_get_char_validated (p, next - p)))
            {
              g_free (key);
              return NULL;
            }
          memcpy (out, p, next - p);
          out += next - p;
          p = next;
        }
    }
  *out = '\0';
  return key;
}

char *
pd_search_key_normalise (const char *text)
{
  char *plain = normalise_plain_key (text);
  g_autofree char *folded = NULL;
  GString *key;

  if (plain != NULL)
    return plain;
  folded = g_utf8_strdown (text, -1);
  key = g_string_new (NULL);

  /* Spaces and dashes are typed inconsistently ("3-2-1201", "3 2 1201",
   * "3-2 1201", "321201"). */
  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (!g_unichar_isspace (c) && !is_dash (c))
        g_string_append_unichar (key, c);
    }
  return g_string_free (key, FALSE);
}

char *
pd_search_key_tail (const char *number)
{
  g_autofree char *key = pd_search_key_normalise (number);
  g_autofree char *reversed = g_utf8_strreverse (key, -1);
  return g_strconcat (PD_SEARCH_TAIL_MARK, reversed, NULL);
}
