/* pd-xlsx-styles.c — number formats, only as far as telling a date from a
 * number, and Excel's serial days as ISO dates. */
#include "pd-xlsx-private.h"

#include <math.h>
#include <string.h>

/* ---- Number formats ---------------------------------------------------- */

static gboolean
is_builtin_date_format (guint id)
{
  /* 14–22 and 45–47 everywhere; 27–36 and 50–58 are the East Asian
   * built-ins, which in a zh-CN workbook are the 年/月/日 date formats
   * (e.g. 31 = yyyy"年"m"月"d"日") and are never written into styles.xml. */
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36)
         || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

static gboolean
is_date_format_code (const char *code)
{
  const char *p;

  for (p = code; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '"':   /* literal text such as "年" */
          p = strchr (p + 1, '"');
          if (p == NULL)
            return FALSE;
          break;
        case '[':   /* colour, locale [$-804], elapsed [h], [DBNum1] */
          p = strchr (p + 1, ']');
          if (p == NULL)
            return FALSE;
          break;
        case '\\':  /* escaped character */
        case '_':   /* space the width of the next character */
        case '*':   /* fill with the next character */
          if (p[1] == '\0')
            return FALSE;
          p++;
          break;
        case 'y': case 'Y':
        case 'm': case 'M':
        case 'd': case 'D':
          return TRUE;
        default:
          break;
        }
    }
  return FALSE;
}

gboolean
pd_xlsx_load_styles (XlsxReader  *xr,
                     const char  *path,
                     GError     **error)
{
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(GHashTable) custom = NULL;  /* numFmtId → is date */
  xmlNode *root, *n;

  xr->date_styles = g_array_new (FALSE, FALSE, sizeof (gboolean));
  if (path == NULL)
    return TRUE;
  doc = pd_xlsx_read_xml_part (xr->zip, path, TRUE, error);
  if (doc == NULL)
    return *error == NULL;  /* missing is fine: no dates */

  custom = g_hash_table_new (NULL, NULL);
  root = xmlDocGetRootElement (doc);
  for (n = pd_xlsx_find_child (pd_xlsx_find_child (root, "numFmts"), "numFmt"); n != NULL; n = n->next)
    {
      g_autofree xmlChar *id = NULL, *code = NULL;
      guint64 v;

      if (!pd_xlsx_is_element (n, "numFmt"))
        continue;
      id = xmlGetProp (n, BAD_CAST "numFmtId");
      code = xmlGetProp (n, BAD_CAST "formatCode");
      if (code != NULL && pd_xlsx_parse_uint ((const char *) id, G_MAXUINT, &v))
        g_hash_table_insert (custom, GUINT_TO_POINTER ((guint) v),
                             GINT_TO_POINTER (is_date_format_code ((const char *) code) ? 2 : 1));
    }

  for (n = pd_xlsx_find_child (pd_xlsx_find_child (root, "cellXfs"), "xf"); n != NULL; n = n->next)
    {
      g_autofree xmlChar *id = NULL;
      gboolean is_date = FALSE;
      guint64 v;

      if (!pd_xlsx_is_element (n, "xf"))
        continue;
      id = xmlGetProp (n, BAD_CAST "numFmtId");
      if (pd_xlsx_parse_uint ((const char *) id, G_MAXUINT, &v))
        {
          int kind = GPOINTER_TO_INT (g_hash_table_lookup (custom, GUINT_TO_POINTER ((guint) v)));

          is_date = kind != 0 ? kind == 2 : is_builtin_date_format ((guint) v);
        }
      g_array_append_val (xr->date_styles, is_date);
    }
  return TRUE;
}

/* Excel serial day → ISO date.  The 1900 system counts a 29 February 1900
 * that never was (Lotus compatibility): serial 60 is that day, and serials
 * after it are one ahead of the calendar.  Values below 1 are times of day
 * without a date and stay as numbers. */
gboolean
pd_xlsx_serial_to_iso (const char *value,
                       gboolean    date1904,
                       char       *out,
                       gsize       out_size)
{
  char *endp = NULL;
  double d;
  guint days;
  GDate date;

  d = g_ascii_strtod (value, &endp);
  if (endp == value || *endp != '\0' || !isfinite (d) || d < 1.0 || d >= 2958466.0)
    return FALSE;   /* 2958465 is 9999-12-31, Excel's last day */
  days = (guint) d;   /* d >= 1: truncation is floor, and needs no libm */

  g_date_clear (&date, 1);
  if (date1904)
    g_date_set_dmy (&date, 1, G_DATE_JANUARY, 1904);
  else if (days == 60)
    {
      g_strlcpy (out, "1900-02-29", out_size);
      return TRUE;
    }
  else if (days < 60)
    g_date_set_dmy (&date, 31, G_DATE_DECEMBER, 1899);
  else
    g_date_set_dmy (&date, 30, G_DATE_DECEMBER, 1899);
  g_date_add_days (&date, days);
  if (date1904 && g_date_get_year (&date) > 9999)
    return FALSE;
  g_snprintf (out, out_size, "%04u-%02u-%02u", (guint) g_date_get_year (&date),
              (guint) g_date_get_month (&date), (guint) g_date_get_day (&date));
  return TRUE;
}
