/* pd-audit.c — see pd-audit.h. */
#include "config.h"

#include "pd-audit.h"

/* Derived columns are rebuilt from others and would only add noise; a
 * password hash must never be copied anywhere, not even into the log. */
static gboolean
is_derived_column (const char *name)
{
  return g_str_equal (name, "pinyin") || g_str_equal (name, "initials") ||
         g_str_equal (name, "password_hash");
}

static GPtrArray *
list_columns (PdDatabase *database,
              const char *table,
              GError    **error)
{
  GPtrArray *columns = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *sql = g_strdup_printf ("PRAGMA main.table_info(\"%s\")", table);
  sqlite3_stmt *stmt;

  /* The table name comes from audited_table, written only by migrations. */
  if (sqlite3_prepare_v2 (pd_database_get_handle (database), sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      pd_database_set_error (database, "table_info", error);
      g_ptr_array_unref (columns);
      return NULL;
    }
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 1);
      if (!is_derived_column (name))
        g_ptr_array_add (columns, g_strdup (name));
    }
  sqlite3_finalize (stmt);
  return columns;
}

static char *
json_of_row (GPtrArray  *columns,
             const char *row_alias)
{
  GString *json = g_string_new ("json_object(");

  for (guint i = 0; i < columns->len; i++)
    g_string_append_printf (json, "%s'%s', %s.\"%s\"", i ? ", " : "",
                            (char *) columns->pdata[i], row_alias, (char *) columns->pdata[i]);
  g_string_append (json, ")");
  return g_string_free (json, FALSE);
}

static gboolean
install_for_table (PdDatabase *database,
                   const char *table,
                   GError    **error)
{
  g_autoptr (GPtrArray) columns = list_columns (database, table, error);
  g_autoptr (GString) sql = g_string_new (NULL);
  g_autofree char *new_json = NULL;
  g_autofree char *old_json = NULL;

  if (columns == NULL)
    return FALSE;
  new_json = json_of_row (columns, "new");
  old_json = json_of_row (columns, "old");

  g_string_append_printf (sql,
    "DROP TRIGGER IF EXISTS temp.audit_%1$s_insert;"
    "DROP TRIGGER IF EXISTS temp.audit_%1$s_update;"
    "DROP TRIGGER IF EXISTS temp.audit_%1$s_delete;"
    "CREATE TEMP TRIGGER audit_%1$s_insert AFTER INSERT ON main.\"%1$s\" BEGIN "
    "INSERT INTO audit_log (at, user_name, table_name, record_id, action, new_value) "
    "VALUES (pd_now(), pd_user(), '%1$s', new.rowid, 'insert', %2$s); END;"
    "CREATE TEMP TRIGGER audit_%1$s_delete AFTER DELETE ON main.\"%1$s\" BEGIN "
    "INSERT INTO audit_log (at, user_name, table_name, record_id, action, old_value) "
    "VALUES (pd_now(), pd_user(), '%1$s', old.rowid, 'delete', %3$s); END;"
    "CREATE TEMP TRIGGER audit_%1$s_update AFTER UPDATE ON main.\"%1$s\" BEGIN ",
    table, new_json, old_json);
  for (guint i = 0; i < columns->len; i++)
    g_string_append_printf (sql,
      "INSERT INTO audit_log (at, user_name, table_name, record_id, action, field, old_value, new_value) "
      "SELECT pd_now(), pd_user(), '%1$s', new.rowid, 'update', '%2$s', old.\"%2$s\", new.\"%2$s\" "
      "WHERE old.\"%2$s\" IS NOT new.\"%2$s\";",
      table, (char *) columns->pdata[i]);
  g_string_append (sql, "END;");
  return pd_database_exec (database, sql->str, error);
}

gboolean
pd_audit_install_triggers (PdDatabase  *database,
                           GError     **error)
{
  sqlite3_stmt *stmt = pd_database_prepare (database, "SELECT name FROM audited_table ORDER BY name", error);
  g_autoptr (GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);

  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, pd_column_dup (stmt, 0));
  sqlite3_reset (stmt);

  for (guint i = 0; i < tables->len; i++)
    if (!install_for_table (database, tables->pdata[i], error))
      return FALSE;
  return TRUE;
}

void
pd_audit_entry_free (PdAuditEntry *entry)
{
  g_free (entry->at);
  g_free (entry->user_name);
  g_free (entry->table_name);
  g_free (entry->action);
  g_free (entry->field);
  g_free (entry->old_value);
  g_free (entry->new_value);
  g_free (entry);
}

GPtrArray *
pd_audit_list_record (PdContext   *ctx,
                      const char  *table_name,
                      gint64       record_id,
                      GError     **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  sqlite3_stmt *stmt = pd_database_prepare (database,
    "SELECT id, at, user_name, table_name, record_id, action, field, old_value, new_value "
    "FROM audit_log WHERE table_name = ? AND record_id = ? ORDER BY id DESC", error);
  GPtrArray *entries;

  if (stmt == NULL)
    return NULL;
  pd_bind_text (stmt, 1, table_name);
  sqlite3_bind_int64 (stmt, 2, record_id);
  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) pd_audit_entry_free);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      PdAuditEntry *entry = g_new0 (PdAuditEntry, 1);
      entry->id = sqlite3_column_int64 (stmt, 0);
      entry->at = pd_column_dup (stmt, 1);
      entry->user_name = pd_column_dup (stmt, 2);
      entry->table_name = pd_column_dup (stmt, 3);
      entry->record_id = sqlite3_column_int64 (stmt, 4);
      entry->action = pd_column_dup (stmt, 5);
      entry->field = pd_column_dup (stmt, 6);
      entry->old_value = pd_column_dup (stmt, 7);
      entry->new_value = pd_column_dup (stmt, 8);
      g_ptr_array_add (entries, entry);
    }
  sqlite3_reset (stmt);
  return entries;
}
