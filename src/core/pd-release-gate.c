/* pd-release-gate.c — what happens to an issued slip: the gate check and
 * release (once), and the supervisor's void.  See pd-release-slip.h. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-error.h"
#include "pd-release-code.h"
#include "pd-release-slip-private.h"

#define MAX_REASON_CHARS 80

gboolean
pd_release_slip_check (PdContext           *ctx,
                       const PdReleaseSlip *slip,
                       const char          *code,
                       GError             **error)
{
  g_return_val_if_fail (slip != NULL, FALSE);

  switch (pd_release_slip_status (ctx, slip))
    {
    case PD_RELEASE_STATUS_VOID:
      pd_set_field_error (error, PD_VALIDATION_ERROR_STATE, "state",
                          /* Translators: serial, date and time, user, reason */
                          _("Slip %s is void: voided on %s by %s (%s). Do not let the goods out."),
                          slip->serial, slip->voided_at, slip->voided_by, slip->void_reason);
      return FALSE;
    case PD_RELEASE_STATUS_RELEASED:
      pd_set_field_error (error, PD_VALIDATION_ERROR_STATE, "state",
                          /* Translators: serial, date and time, guard's name */
                          _("Slip %s was already used: released on %s by guard %s. A slip lets goods "
                            "out once."),
                          slip->serial, slip->released_at, slip->released_by);
      return FALSE;
    case PD_RELEASE_STATUS_EXPIRED:
      pd_set_field_error (error, PD_VALIDATION_ERROR_STATE, "state",
                          /* Translators: serial, date */
                          _("Slip %s has expired: it was valid until %s. The applicant needs a new slip."),
                          slip->serial, slip->valid_on);
      return FALSE;
    case PD_RELEASE_STATUS_ISSUED:
      break;
    }
  if (code != NULL && !pd_release_code_verify (ctx, slip, code, error))
    return FALSE;
  return TRUE;
}

/* Runs @update (?1 = slip id, ?2… the texts it uses) on an issued slip,
 * after checking it inside the write transaction: of two gates or two
 * supervisors acting at once, the second sees the first one's result. */
static gboolean
change_state (PdContext  *ctx,
              gint64      slip_id,
              gboolean    may_be_expired,
              const char *update,
              const char *text2,
              const char *text3,
              const char *text4,
              GError    **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  g_autoptr (PdReleaseSlip) slip = NULL;
  sqlite3_stmt *stmt;
  gboolean outer;

  if (!pd_release_begin_write (database, &outer, error))
    return FALSE;
  slip = pd_release_slip_get (ctx, slip_id, error);
  if (slip == NULL)
    goto fail;
  if (!(may_be_expired && pd_release_slip_status (ctx, slip) == PD_RELEASE_STATUS_EXPIRED) &&
      !pd_release_slip_check (ctx, slip, NULL, error))
    goto fail;
  stmt = pd_database_prepare (database, update, error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, slip_id);
  {
    const char *texts[] = { text2, text3, text4 };
    for (int i = 0; i < (int) G_N_ELEMENTS (texts) && i + 2 <= sqlite3_bind_parameter_count (stmt); i++)
      pd_bind_text (stmt, i + 2, texts[i]);
  }
  if (!pd_database_step_done (database, stmt, error))
    goto fail;
  g_assert (pd_database_changes (database) == 1);
  if (!pd_release_commit_write (database, outer, error))
    return FALSE;
  pd_context_notify_changed (ctx, "release_slip");
  return TRUE;

fail:
  pd_release_rollback_write (database, outer);
  return FALSE;
}

gboolean
pd_release_slip_release (PdContext  *ctx,
                         gint64      slip_id,
                         const char *guard,
                         GError    **error)
{
  g_autofree char *name = g_strstrip (g_strdup (guard ? guard : ""));
  g_autofree char *now = pd_context_now_text (ctx);

  g_return_val_if_fail (PD_IS_CONTEXT (ctx), FALSE);

  if (*name == '\0')
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_REQUIRED, "guard",
                          _("Guard: enter the name of the guard letting the goods out."));
      return FALSE;
    }
  return change_state (ctx, slip_id, FALSE,
                       "UPDATE release_slip SET state = 'released', released_at = ?2, released_by = ?3 "
                       "WHERE id = ?1 AND state = 'issued'",
                       now, name, NULL, error);
}

gboolean
pd_release_slip_void (PdContext  *ctx,
                      gint64      slip_id,
                      const char *reason,
                      GError    **error)
{
  g_autofree char *why = g_strstrip (g_strdup (reason ? reason : ""));
  g_autofree char *now = pd_context_now_text (ctx);

  g_return_val_if_fail (PD_IS_CONTEXT (ctx), FALSE);

  if (!pd_context_require_role (ctx, PD_ROLE_SUPERVISOR, _("void release slips"), error))
    return FALSE;
  if (*why == '\0')
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_REQUIRED, "void_reason",
                          _("Reason for voiding: required; it stays on the register."));
      return FALSE;
    }
  if (g_utf8_strlen (why, -1) > MAX_REASON_CHARS)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_RANGE, "void_reason",
                          /* Translators: %d is a number of characters */
                          _("Reason for voiding: at most %d characters."), MAX_REASON_CHARS);
      return FALSE;
    }
  /* An expired slip can still be voided (it was never used); a released
   * one cannot: the goods are gone. */
  return change_state (ctx, slip_id, TRUE,
                       "UPDATE release_slip SET state = 'void', voided_at = ?2, voided_by = ?3, "
                       "void_reason = ?4 WHERE id = ?1 AND state = 'issued'",
                       now, pd_context_get_user (ctx), why, error);
}
