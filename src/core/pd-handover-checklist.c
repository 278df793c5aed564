/* pd-handover-checklist.c — see pd-handover-checklist.h. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-error.h"
#include "pd-estate.h"
#include "pd-handover-checklist.h"
#include "pd-handover-defect.h"

PdHandoverCheck *
pd_handover_check_new (const char *room,
                       const char *item)
{
  PdHandoverCheck *check = g_new0 (PdHandoverCheck, 1);

  check->room = g_strdup (room ? room : "");
  check->item = g_strdup (item ? item : "");
  check->result = g_strdup ("");
  check->note = g_strdup ("");
  return check;
}

void
pd_handover_check_free (PdHandoverCheck *check)
{
  if (check == NULL)
    return;
  g_free (check->room);
  g_free (check->item);
  g_free (check->result);
  g_free (check->note);
  g_free (check);
}

const char *
pd_handover_result_label (const char *result)
{
  if (g_strcmp0 (result, "ok") == 0)
    return C_("handover", "OK");
  if (g_strcmp0 (result, "defect") == 0)
    return C_("handover", "Defect");
  if (g_strcmp0 (result, "na") == 0)
    return C_("handover", "N/A");
  return "";
}

gboolean
pd_handover_result_is_valid (const char *result)
{
  return g_strcmp0 (result, "") == 0 || g_strcmp0 (result, "ok") == 0 ||
         g_strcmp0 (result, "defect") == 0 || g_strcmp0 (result, "na") == 0;
}

static gboolean
check_use (const char *use,
           GError    **error)
{
  if (g_strcmp0 (use, "residential") == 0 || g_strcmp0 (use, "shop") == 0 ||
      g_strcmp0 (use, "office") == 0)
    return TRUE;
  pd_set_field_error (error, PD_VALIDATION_ERROR_INVALID, "use",
                      _("Use: “%s” is not residential, shop or office."), use ? use : "");
  return FALSE;
}

GPtrArray *
pd_handover_template_list (PdContext  *ctx,
                           const char *use,
                           GError    **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  sqlite3_stmt *stmt;
  GPtrArray *items;

  if (!check_use (use, error))
    return NULL;
  stmt = pd_database_prepare (database,
    "SELECT id, room, item FROM handover_template_item WHERE use = ? ORDER BY position", error);
  if (stmt == NULL)
    return NULL;
  pd_bind_text (stmt, 1, use);
  items = g_ptr_array_new_with_free_func ((GDestroyNotify) pd_handover_check_free);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      PdHandoverCheck *check = pd_handover_check_new (pd_column_text (stmt, 1), pd_column_text (stmt, 2));
      check->id = sqlite3_column_int64 (stmt, 0);
      g_ptr_array_add (items, check);
    }
  sqlite3_reset (stmt);
  return items;
}

gboolean
pd_handover_template_set (PdContext  *ctx,
                          const char *use,
                          GPtrArray  *items,
                          GError    **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt;

  if (!pd_context_require_role (ctx, PD_ROLE_SUPERVISOR, _("edit the inspection checklist"), error) ||
      !check_use (use, error))
    return FALSE;
  if (items == NULL || items->len == 0)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_REQUIRED, "checklist",
                          _("Checklist: keep at least one item."));
      return FALSE;
    }
  for (guint i = 0; i < items->len; i++)
    {
      PdHandoverCheck *check = items->pdata[i];
      g_autofree char *key = NULL;

      /* A line left empty in an editor may come without text at all. */
      if (check->room == NULL || check->item == NULL ||
          *g_strstrip (check->room) == '\0' || *g_strstrip (check->item) == '\0')
        {
          pd_set_field_error (error, PD_VALIDATION_ERROR_REQUIRED, "checklist",
                              /* Translators: %u is a line number of the checklist */
                              _("Checklist: line %u needs both a room and an item."), i + 1);
          return FALSE;
        }
      key = g_strconcat (check->room, "\n", check->item, NULL);
      if (!g_hash_table_add (seen, g_steal_pointer (&key)))
        {
          pd_set_field_error (error, PD_VALIDATION_ERROR_DUPLICATE, "checklist",
                              /* Translators: line number, room, item */
                              _("Checklist: line %u repeats “%s — %s”."), i + 1, check->room, check->item);
          return FALSE;
        }
    }

  if (!pd_database_begin (database, error))
    return FALSE;
  stmt = pd_database_prepare (database, "DELETE FROM handover_template_item WHERE use = ?", error);
  if (stmt == NULL)
    goto fail;
  pd_bind_text (stmt, 1, use);
  if (!pd_database_step_done (database, stmt, error))
    goto fail;
  for (guint i = 0; i < items->len; i++)
    {
      PdHandoverCheck *check = items->pdata[i];

      stmt = pd_database_prepare (database,
        "INSERT INTO handover_template_item (use, position, room, item) VALUES (?, ?, ?, ?)", error);
      if (stmt == NULL)
        goto fail;
      pd_bind_text (stmt, 1, use);
      sqlite3_bind_int (stmt, 2, (int) i + 1);
      pd_bind_text (stmt, 3, check->room);
      pd_bind_text (stmt, 4, check->item);
      if (!pd_database_step_done (database, stmt, error))
        goto fail;
    }
  if (!pd_database_commit (database, error))
    goto fail;
  pd_context_notify_changed (ctx, "handover_template_item");
  return TRUE;

fail:
  pd_database_rollback (database);
  return FALSE;
}

GPtrArray *
pd_handover_check_list (PdContext *ctx,
                        gint64     handover_id,
                        GError   **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  sqlite3_stmt *stmt = pd_database_prepare (database,
    "SELECT c.id, c.room, c.item, c.result, c.note, "
    "       coalesce ((SELECT min (d.id) FROM handover_defect d WHERE d.check_id = c.id), 0) "
    "FROM handover_check c WHERE c.handover_id = ? ORDER BY c.position, c.id", error);
  GPtrArray *checks;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, handover_id);
  checks = g_ptr_array_new_with_free_func ((GDestroyNotify) pd_handover_check_free);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      PdHandoverCheck *check = pd_handover_check_new (pd_column_text (stmt, 1), pd_column_text (stmt, 2));
      check->id = sqlite3_column_int64 (stmt, 0);
      g_free (check->result);
      check->result = g_strdup (pd_column_text (stmt, 3));
      g_free (check->note);
      check->note = g_strdup (pd_column_text (stmt, 4));
      check->defect_id = sqlite3_column_int64 (stmt, 5);
      g_ptr_array_add (checks, check);
    }
  sqlite3_reset (stmt);
  return checks;
}

typedef struct
{
  gint64 handover_id;
  char  *status;
  char  *room;
  char  *item;
  char  *unit_code;
  gint64 defect_id;
} CheckInfo;

static void
check_info_clear (CheckInfo *info)
{
  g_free (info->status);
  g_free (info->room);
  g_free (info->item);
  g_free (info->unit_code);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CheckInfo, check_info_clear)

static gboolean
read_check_info (PdContext *ctx,
                 gint64     check_id,
                 CheckInfo *info,
                 GError   **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  sqlite3_stmt *stmt = pd_database_prepare (database,
    "SELECT c.handover_id, h.status, c.room, c.item, u.code, "
    "       coalesce ((SELECT min (d.id) FROM handover_defect d WHERE d.check_id = c.id), 0) "
    "FROM handover_check c JOIN handover h ON h.id = c.handover_id JOIN unit u ON u.id = h.unit_id "
    "WHERE c.id = ?", error);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, check_id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  if (found)
    {
      info->handover_id = sqlite3_column_int64 (stmt, 0);
      info->status = pd_column_dup (stmt, 1);
      info->room = pd_column_dup (stmt, 2);
      info->item = pd_column_dup (stmt, 3);
      info->unit_code = pd_column_dup (stmt, 4);
      info->defect_id = sqlite3_column_int64 (stmt, 5);
    }
  sqlite3_reset (stmt);
  if (!found)
    pd_set_field_error (error, PD_VALIDATION_ERROR_NOT_FOUND, "checklist",
                        _("Checklist: the item no longer exists."));
  return found;
}

/* Keeps the defect of a checklist item in step with its result and note. */
static gboolean
sync_defect (PdContext       *ctx,
             gint64           check_id,
             const CheckInfo *info,
             const char      *result,
             const char      *note,
             GError         **error)
{
  g_autofree char *description = NULL;

  if (!g_str_equal (result, "defect"))
    {
      PdDatabase *database = pd_context_get_database (ctx);
      sqlite3_stmt *stmt;

      if (info->defect_id == 0)
        return TRUE;
      stmt = pd_database_prepare (database, "DELETE FROM handover_defect WHERE id = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, info->defect_id);
      return pd_database_step_done (database, stmt, error);
    }

  description = g_strdup_printf ("%s：%s", info->item, note);
  if (info->defect_id != 0)
    {
      g_autoptr (PdHandoverDefect) defect = pd_handover_defect_get (ctx, info->defect_id, error);
      if (defect == NULL)
        return FALSE;
      g_free (defect->description);
      defect->description = g_steal_pointer (&description);
      return pd_handover_defect_update (ctx, defect, error);
    }
  else
    {
      g_autoptr (PdHandoverDefect) defect = pd_handover_defect_new ();
      defect->handover_id = info->handover_id;
      defect->check_id = check_id;
      g_free (defect->room);
      defect->room = g_strdup (info->room);
      g_free (defect->description);
      defect->description = g_steal_pointer (&description);
      return pd_handover_defect_add (ctx, defect, error) > 0;
    }
}

gboolean
pd_handover_check_set (PdContext  *ctx,
                       gint64      check_id,
                       const char *result,
                       const char *note,
                       GError    **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  g_auto (CheckInfo) info = { 0 };
  g_autofree char *clean_note = g_strstrip (g_strdup (note ? note : ""));
  sqlite3_stmt *stmt;

  if (!pd_handover_result_is_valid (result))
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_INVALID, "result",
                          _("Result: choose OK, defect or not applicable."));
      return FALSE;
    }
  if (!read_check_info (ctx, check_id, &info, error))
    return FALSE;
  if (!g_str_equal (info.status, "in_progress"))
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_STATE, "checklist",
                          _("Checklist: the inspection of unit %s is finished; defects now go through re-inspection."),
                          info.unit_code);
      return FALSE;
    }
  if (g_str_equal (result, "defect") && *clean_note == '\0')
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_REQUIRED, "note",
                          /* Translators: room and item of the checklist */
                          _("Note: say what is wrong with “%s — %s”."), info.room, info.item);
      return FALSE;
    }
  if (!pd_database_begin (database, error))
    return FALSE;
  stmt = pd_database_prepare (database, "UPDATE handover_check SET result = ?, note = ? WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  pd_bind_text (stmt, 1, result);
  pd_bind_text (stmt, 2, clean_note);
  sqlite3_bind_int64 (stmt, 3, check_id);
  if (!pd_database_step_done (database, stmt, error) ||
      !sync_defect (ctx, check_id, &info, result, clean_note, error) ||
      !pd_database_commit (database, error))
    goto fail;
  pd_context_notify_changed (ctx, "handover_check");
  return TRUE;

fail:
  pd_database_rollback (database);
  return FALSE;
}

gboolean
pd_handover_check_rest_ok (PdContext *ctx,
                           gint64     handover_id,
                           GError   **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  sqlite3_stmt *stmt = pd_database_prepare (database,
    "UPDATE handover_check SET result = 'ok' WHERE handover_id = ? AND result = '' "
    "AND (SELECT status FROM handover WHERE id = ?) = 'in_progress'", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, handover_id);
  sqlite3_bind_int64 (stmt, 2, handover_id);
  if (!pd_database_step_done (database, stmt, error))
    return FALSE;
  pd_context_notify_changed (ctx, "handover_check");
  return TRUE;
}
