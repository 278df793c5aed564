/* pd-meter-reading.c — see pd-meter-reading.h. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pd-error.h"
#include "pd-meter-reading.h"

/* Units people write after a reading; accepted and ignored. */
static const char *const unit_suffixes[] = { "m³", "m3", "kwh", "kw·h", "度", "立方米", "立方", "方" };

#define MAX_MILLI G_GINT64_CONSTANT (999999999999) /* 999,999,999.999 */

gboolean
pd_meter_reading_parse (const char *text,
                        const char *field,
                        const char *label,
                        gint64     *milli,
                        GError    **error)
{
  g_autofree char *normal = NULL;
  g_autofree char *lower = NULL;
  g_autoptr (GString) number = g_string_new (NULL);
  gboolean seen_point = FALSE;
  guint decimals = 0;
  gint64 value = 0;
  char *p;

  /* NFKC turns full-width digits and points from a Chinese IME into ASCII. */
  normal = g_utf8_normalize (text ? text : "", -1, G_NORMALIZE_NFKC);
  if (normal == NULL)
    normal = g_strdup ("");
  lower = g_utf8_strdown (g_strstrip (normal), -1);
  for (guint i = 0; i < G_N_ELEMENTS (unit_suffixes); i++)
    if (g_str_has_suffix (lower, unit_suffixes[i]))
      {
        lower[strlen (lower) - strlen (unit_suffixes[i])] = '\0';
        g_strchomp (lower);
        break;
      }
  if (*lower == '\0')
    {
      /* Translators: %s is the name of a meter reading, e.g. "Water meter" */
      pd_set_field_error (error, PD_VALIDATION_ERROR_REQUIRED, field, _("%s: enter the reading."), label);
      return FALSE;
    }
  if (*lower == '-')
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_RANGE, field,
                          _("%s: a meter reading cannot be negative."), label);
      return FALSE;
    }
  p = lower + (*lower == '+' ? 1 : 0);
  for (; *p != '\0'; p++)
    {
      if (*p == ',' && !seen_point)
        continue;
      if (*p == '.' && !seen_point)
        {
          seen_point = TRUE;
          continue;
        }
      if (!g_ascii_isdigit (*p))
        {
          pd_set_field_error (error, PD_VALIDATION_ERROR_INVALID, field,
                              /* Translators: %s is the name of a meter reading; the second what was typed */
                              _("%s: “%s” is not a number."), label, text);
          return FALSE;
        }
      if (seen_point && ++decimals > 3)
        {
          pd_set_field_error (error, PD_VALIDATION_ERROR_INVALID, field,
                              _("%s: at most three decimals."), label);
          return FALSE;
        }
      g_string_append_c (number, *p);
    }
  if (number->len == 0)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_INVALID, field, _("%s: “%s” is not a number."),
                          label, text);
      return FALSE;
    }
  for (guint i = 0; i < number->len; i++)
    {
      value = value * 10 + (number->str[i] - '0');
      if (value > MAX_MILLI)
        break;
    }
  for (; decimals < 3; decimals++)
    value *= 10;
  if (value > MAX_MILLI || number->len > 15)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_RANGE, field,
                          _("%s: the reading is too large."), label);
      return FALSE;
    }
  *milli = value;
  return TRUE;
}

char *
pd_meter_reading_format (gint64 milli)
{
  char *text;
  char *end;

  if (milli < 0)
    return g_strdup ("");
  text = g_strdup_printf ("%" G_GINT64_FORMAT ".%03d", milli / 1000, (int) (milli % 1000));
  /* Trailing zeros go, and the point with them: 12.500 → 12.5, 7.000 → 7. */
  end = text + strlen (text) - 1;
  while (*end == '0')
    *end-- = '\0';
  if (*end == '.')
    *end = '\0';
  return text;
}
