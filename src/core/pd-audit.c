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

/* sqlite3_mprintf's quoting as a g_free-able string.  Table and column
 * names are identifiers, never bound: each goes into the SQL as "%w" (an
 * identifier) or '%q' (the text logged for it), so a quote in a name cannot
 * break the statement.  SQLite's printf has no %1$s: repeat the argument. */
static char *
audit_sql_printf (const char *format,
                  ...)
{
  va_list args;
  char *sql;
  char *copy;

  va_start (args, format);
  sql = sqlite3_vmprintf (format, args);
  va_end (args);
  if (sql == NULL)
    g_error ("out of memory formatting %s", format);
  copy = g_strdup (sql);
  sqlite3_free (sql);
  return copy;
}

static GPtrArray *
list_columns (PdDatabase *database,
              const char *table,
              GError    **error)
{
  GPtrArray *columns = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *sql = audit_sql_printf ("PRAGMA main.table_info(\"%w\")", table);
  sqlite3_stmt *stmt;

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

/* The row's fields for the log: pd_audit_row(), see pd-audit-row.c. */
static char *
json_of_row (GPtrArray  *columns,
             const char *row_alias)
{
  GString *json = g_string_new ("pd_audit_row(");

  for (guint i = 0; i < columns->len; i++)
    {
      g_autofree char *pair = audit_sql_printf ("%s'%q', %s.\"%w\"", i ? ", " : "", (char *) columns->pdata[i],
                                                row_alias, (char *) columns->pdata[i]);
      g_string_append (json, pair);
    }
  g_string_append (json, ")");
  return g_string_free (json, FALSE);
}

/* The insert trigger alone: a bulk write drops it and puts it back. */
static char *
insert_trigger_sql (const char *table,
                    GPtrArray  *columns)
{
  g_autofree char *new_json = json_of_row (columns, "new");

  /* The trigger's name is the one pd_audit_bulk_begin drops. */
  return audit_sql_printf (
    "CREATE TEMP TRIGGER \"audit_%w_insert\" AFTER INSERT ON main.\"%w\" BEGIN "
    "INSERT INTO audit_log (at, user_name, table_name, record_id, action, new_value) "
    "VALUES (pd_now(), pd_user(), '%q', new.rowid, 'insert', %s); END;",
    table, table, table, new_json);
}

static gboolean
install_for_table (PdDatabase *database,
                   const char *table,
                   GError    **error)
{
  g_autoptr (GPtrArray) columns = list_columns (database, table, error);
  g_autoptr (GString) sql = g_string_new (NULL);
  g_autofree char *insert_sql = NULL;
  g_autofree char *old_json = NULL;
  g_autofree char *header = NULL;
  g_autofree char *update_head = audit_sql_printf (
    "INSERT INTO audit_log (at, user_name, table_name, record_id, action, field, old_value, new_value) "
    "SELECT pd_now(), pd_user(), '%q', new.rowid, 'update', f, o, n FROM (", table);

  if (columns == NULL)
    return FALSE;
  insert_sql = insert_trigger_sql (table, columns);
  old_json = json_of_row (columns, "old");

  header = audit_sql_printf (
    "DROP TRIGGER IF EXISTS temp.\"audit_%w_insert\";"
    "DROP TRIGGER IF EXISTS temp.\"audit_%w_update\";"
    "DROP TRIGGER IF EXISTS temp.\"audit_%w_delete\";"
    "%s"
    "CREATE TEMP TRIGGER \"audit_%w_delete\" AFTER DELETE ON main.\"%w\" BEGIN "
    "INSERT INTO audit_log (at, user_name, table_name, record_id, action, old_value) "
    "VALUES (pd_now(), pd_user(), '%q', old.rowid, 'delete', %s); END;"
    "CREATE TEMP TRIGGER \"audit_%w_update\" AFTER UPDATE ON main.\"%w\" BEGIN ",
    table, table, table, insert_sql, table, table, table, old_json, table, table);
  g_string_append (sql, header);
  /* One statement over the columns as rows (field, old, new): the trigger's
   * text is a quarter of one INSERT per column, and parsing that text for
   * every table was most of the cost of a process's first write. */
  g_string_append (sql, update_head);
  for (guint i = 0; i < columns->len; i++)
    {
      const char *column = columns->pdata[i];
      g_autofree char *arm = audit_sql_printf (
        i == 0 ? "SELECT '%q' AS f, old.\"%w\" AS o, new.\"%w\" AS n" : " UNION ALL SELECT '%q', old.\"%w\", new.\"%w\"",
        column, column, column);
      g_string_append (sql, arm);
    }
  g_string_append (sql, ") WHERE o IS NOT n; END;");
  return pd_database_exec (database, sql->str, error);
}

GStrv
pd_audit_list_tables (PdDatabase  *database,
                      GError     **error)
{
  sqlite3_stmt *stmt = pd_database_prepare (database, "SELECT name FROM audited_table ORDER BY name", error);
  g_autoptr (GStrvBuilder) names = g_strv_builder_new ();

  if (stmt == NULL)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_strv_builder_add (names, pd_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return g_strv_builder_end (names);
}

gboolean
pd_audit_install_triggers (PdDatabase  *database,
                           GError     **error)
{
  g_auto (GStrv) tables = pd_audit_list_tables (database, error);

  if (tables == NULL || !pd_audit_register_row_function (database, error))
    return FALSE;
  for (guint i = 0; tables[i] != NULL; i++)
    if (!install_for_table (database, tables[i], error))
      return FALSE;
  return TRUE;
}

/* ---- bulk writes ------------------------------------------------------ */

typedef struct
{
  char   *table;
  gint64  floor;   /* largest rowid before the bulk write */
} BulkTable;

typedef struct
{
  GArray *tables;       /* BulkTable */
  gint64  audit_floor;  /* largest audit_log id before */
} AuditBulk;

static void
audit_bulk_free (AuditBulk *bulk)
{
  for (guint i = 0; i < bulk->tables->len; i++)
    g_free (g_array_index (bulk->tables, BulkTable, i).table);
  g_array_unref (bulk->tables);
  g_free (bulk);
}

static GQuark
audit_bulk_quark (void)
{
  static GQuark quark;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("pd-audit-bulk");
  return quark;
}

static gint64
max_rowid (PdDatabase *database,
           const char *table)
{
  /* The name comes from audited_table, written only by migrations. */
  char *sql = sqlite3_mprintf ("SELECT coalesce (max (rowid), 0) FROM main.\"%w\"", table);
  gint64 max = pd_database_query_int (database, sql, NULL, NULL);

  sqlite3_free (sql);
  return max;
}

gboolean
pd_audit_bulk_begin (PdDatabase  *database,
                     GError     **error)
{
  sqlite3_stmt *stmt;
  AuditBulk *bulk;

  g_return_val_if_fail (g_object_get_qdata (G_OBJECT (database), audit_bulk_quark ()) == NULL, FALSE);
  /* The triggers made now if this connection has not written yet: the
   * bulk write's first INSERT would make them, insert trigger included. */
  if (!pd_database_ready_to_write (database, error))
    return FALSE;
  stmt = pd_database_prepare (database, "SELECT name FROM audited_table ORDER BY name", error);
  if (stmt == NULL)
    return FALSE;
  bulk = g_new0 (AuditBulk, 1);
  bulk->tables = g_array_new (FALSE, FALSE, sizeof (BulkTable));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      BulkTable table = { pd_column_dup (stmt, 0), 0 };
      g_array_append_val (bulk->tables, table);
    }
  sqlite3_reset (stmt);
  bulk->audit_floor = pd_database_query_int (database, "SELECT coalesce (max (id), 0) FROM audit_log", NULL, error);
  for (guint i = 0; bulk->audit_floor >= 0 && i < bulk->tables->len; i++)
    {
      BulkTable *table = &g_array_index (bulk->tables, BulkTable, i);
      /* A trigger name is an identifier, not a value: quoted, not bound. */
      char *drop = sqlite3_mprintf ("DROP TRIGGER IF EXISTS temp.\"audit_%w_insert\"", table->table);
      gboolean dropped;

      table->floor = max_rowid (database, table->table);
      dropped = table->floor >= 0 && pd_database_exec (database, drop, error);
      sqlite3_free (drop);
      if (!dropped)
        {
          if (table->floor < 0)
            pd_database_set_error (database, "max(rowid)", error);
          audit_bulk_free (bulk);
          return FALSE;
        }
    }
  if (bulk->audit_floor < 0)
    {
      audit_bulk_free (bulk);
      return FALSE;
    }
  g_object_set_qdata_full (G_OBJECT (database), audit_bulk_quark (), bulk, (GDestroyNotify) audit_bulk_free);
  return TRUE;
}

/* Logs the rows of @table above @floor as the insert trigger would have,
 * one statement for all of them, and puts the trigger back. */
static gboolean
log_inserts (PdDatabase *database,
             const char *table,
             gint64      floor,
             gint64      audit_floor,
             GError    **error)
{
  g_autoptr (GPtrArray) columns = list_columns (database, table, error);
  g_autofree char *json = NULL;
  g_autofree char *trigger = NULL;
  char *sql;
  sqlite3_stmt *stmt;
  gboolean ok;

  if (columns == NULL)
    return FALSE;
  /* A row both created and changed during the bulk write is logged once,
   * as created, with its final values: the changes in between were never
   * anybody's state but this one action's. */
  stmt = pd_database_prepare (database,
    "DELETE FROM audit_log WHERE id > ? AND table_name = ? AND record_id > ? AND action = 'update'", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, audit_floor);
  pd_bind_text (stmt, 2, table);
  sqlite3_bind_int64 (stmt, 3, floor);
  if (!pd_database_step_done (database, stmt, error))
    return FALSE;

  json = json_of_row (columns, "new");
  sql = sqlite3_mprintf ("INSERT INTO audit_log (at, user_name, table_name, record_id, action, new_value) "
                         "SELECT pd_now(), pd_user(), %Q, new.rowid, 'insert', %s "
                         "FROM main.\"%w\" AS new WHERE new.rowid > ? ORDER BY new.rowid",
                         table, json, table);
  stmt = pd_database_prepare (database, sql, error);
  sqlite3_free (sql);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, floor);
  ok = pd_database_step_done (database, stmt, error);
  trigger = insert_trigger_sql (table, columns);
  return ok && pd_database_exec (database, trigger, error);
}

gboolean
pd_audit_bulk_end (PdDatabase  *database,
                   GError     **error)
{
  AuditBulk *bulk = g_object_steal_qdata (G_OBJECT (database), audit_bulk_quark ());
  gboolean ok = TRUE;

  g_return_val_if_fail (bulk != NULL, FALSE);
  for (guint i = 0; ok && i < bulk->tables->len; i++)
    {
      BulkTable *table = &g_array_index (bulk->tables, BulkTable, i);
      ok = log_inserts (database, table->table, table->floor, bulk->audit_floor, error);
    }
  audit_bulk_free (bulk);
  return ok;
}

void
pd_audit_bulk_cancel (PdDatabase *database)
{
  g_object_set_qdata (G_OBJECT (database), audit_bulk_quark (), NULL);
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
