/* pd-export-log.c — see pd-export-log.h. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-export-log.h"
#include "pd-validate.h"

gboolean
pd_export_check_unmasked (PdContext  *ctx,
                          gboolean    unmasked,
                          GError    **error)
{
  g_return_val_if_fail (PD_IS_CONTEXT (ctx), FALSE);
  if (!unmasked)
    return TRUE;
  return pd_context_require_role (ctx, PD_ROLE_SUPERVISOR,
                                  _("export unmasked ID numbers and phone numbers"), error);
}

char *
pd_export_phone (const char *phone,
                 gboolean    unmasked)
{
  return unmasked ? g_strdup (phone ? phone : "") : pd_mask_phone (phone);
}

char *
pd_export_id (const char *id_number,
              gboolean    unmasked)
{
  return unmasked ? g_strdup (id_number ? id_number : "") : pd_mask_id (id_number);
}

gboolean
pd_export_log_add (PdContext  *ctx,
                   const char *what,
                   gint64      rows,
                   gboolean    unmasked,
                   const char *file,
                   GError    **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  g_autofree char *now = pd_context_now_text (ctx);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (what != NULL, FALSE);
  stmt = pd_database_prepare (database,
                              "INSERT INTO export_log (at, user_name, what, rows, unmasked, file) "
                              "VALUES (?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  pd_bind_text (stmt, 1, now);
  pd_bind_text (stmt, 2, pd_context_get_user (ctx));
  pd_bind_text (stmt, 3, what);
  sqlite3_bind_int64 (stmt, 4, rows);
  sqlite3_bind_int (stmt, 5, unmasked ? 1 : 0);
  pd_bind_text (stmt, 6, file ? file : "");
  if (!pd_database_step_done (database, stmt, error))
    return FALSE;
  pd_context_notify_changed (ctx, "export_log");
  return TRUE;
}

void
pd_export_log_entry_free (PdExportLogEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->at);
  g_free (entry->user_name);
  g_free (entry->what);
  g_free (entry->file);
  g_free (entry);
}

GPtrArray *
pd_export_log_list (PdContext  *ctx,
                    gboolean    only_unmasked,
                    GError    **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  sqlite3_stmt *stmt;
  GPtrArray *entries;
  int rc;

  if (!pd_context_require_role (ctx, PD_ROLE_ADMIN, _("read the export log"), error))
    return NULL;
  stmt = pd_database_prepare (database,
                              "SELECT id, at, user_name, what, rows, unmasked, file FROM export_log "
                              "WHERE unmasked >= ? ORDER BY at DESC, id DESC", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, only_unmasked ? 1 : 0);
  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) pd_export_log_entry_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PdExportLogEntry *entry = g_new0 (PdExportLogEntry, 1);

      entry->id = sqlite3_column_int64 (stmt, 0);
      entry->at = pd_column_dup (stmt, 1);
      entry->user_name = pd_column_dup (stmt, 2);
      entry->what = pd_column_dup (stmt, 3);
      entry->rows = sqlite3_column_int64 (stmt, 4);
      entry->unmasked = sqlite3_column_int (stmt, 5) != 0;
      entry->file = pd_column_dup (stmt, 6);
      g_ptr_array_add (entries, entry);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      pd_database_set_error (database, "export_log", error);
      g_ptr_array_unref (entries);
      return NULL;
    }
  return entries;
}
