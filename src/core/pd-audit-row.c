/* pd-audit-row.c — the SQL function pd_audit_row(): a record as the audit
 * log keeps it.
 *
 * pd_audit_row ('name1', value1, 'name2', value2, …) is json_object() over
 * the same pairs, less the fields that are NULL or empty text.  An entry for
 * a created or deleted record then lists what the record said, not the
 * twenty empty fields of a person imported from a five-column ledger: that
 * was 60% of each person's entry, and the log was half of the file an
 * import wrote (issue #8).  Readers take a missing field for an empty one
 * (json_extract gives NULL), as they did for the entries written before.
 *
 * Values are written as json_object writes them: integers and reals in
 * SQLite's own text form, text as a JSON string.  Like json_object, a BLOB
 * is refused: no audited column holds one. */
#include "config.h"

#include "pd-audit.h"

static void
append_json_string (GString       *json,
                    const char    *text,
                    int            length)
{
  g_string_append_c (json, '"');
  for (int i = 0; i < length; i++)
    {
      unsigned char c = text[i];

      if (c == '"' || c == '\\')
        {
          g_string_append_c (json, '\\');
          g_string_append_c (json, c);
        }
      else if (c == '\n')
        g_string_append (json, "\\n");
      else if (c == '\r')
        g_string_append (json, "\\r");
      else if (c == '\t')
        g_string_append (json, "\\t");
      else if (c < 0x20)
        g_string_append_printf (json, "\\u%04x", c);
      else
        g_string_append_c (json, c);
    }
  g_string_append_c (json, '"');
}

static void
sql_audit_row (sqlite3_context *sql_ctx,
               int              argc,
               sqlite3_value  **argv)
{
  GString *json;
  gboolean first = TRUE;

  if (argc % 2 != 0)
    {
      sqlite3_result_error (sql_ctx, "pd_audit_row() needs name/value pairs", -1);
      return;
    }
  json = g_string_sized_new (256);
  g_string_append_c (json, '{');
  for (int i = 0; i < argc; i += 2)
    {
      sqlite3_value *value = argv[i + 1];
      int type = sqlite3_value_type (value);

      if (type == SQLITE_NULL || (type == SQLITE_TEXT && sqlite3_value_bytes (value) == 0))
        continue;
      if (type == SQLITE_BLOB)
        {
          sqlite3_result_error (sql_ctx, "JSON cannot hold BLOB values", -1);
          g_string_free (json, TRUE);
          return;
        }
      if (!first)
        g_string_append_c (json, ',');
      first = FALSE;
      append_json_string (json, (const char *) sqlite3_value_text (argv[i]), sqlite3_value_bytes (argv[i]));
      g_string_append_c (json, ':');
      if (type == SQLITE_TEXT)
        append_json_string (json, (const char *) sqlite3_value_text (value), sqlite3_value_bytes (value));
      else
        /* SQLite's text of a number is json_object's. */
        g_string_append_len (json, (const char *) sqlite3_value_text (value), sqlite3_value_bytes (value));
    }
  g_string_append_c (json, '}');
  sqlite3_result_text64 (sql_ctx, json->str, json->len, g_free, SQLITE_UTF8);
  g_string_free (json, FALSE);
}

gboolean
pd_audit_register_row_function (PdDatabase  *database,
                                 GError     **error)
{
  if (sqlite3_create_function (pd_database_get_handle (database), "pd_audit_row", -1,
                               SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                               NULL, sql_audit_row, NULL, NULL) != SQLITE_OK)
    {
      pd_database_set_error (database, "pd_audit_row", error);
      return FALSE;
    }
  return TRUE;
}
