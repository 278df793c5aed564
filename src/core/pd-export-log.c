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
