/* pd-renovation-workflow.c — see pd-renovation-workflow.h. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "pd-calendar.h"
#include "pd-deposit-ledger.h"
#include "pd-error.h"
#include "pd-estate.h"
#include "pd-renovation-private.h"
#include "pd-renovation-workflow.h"
#include "pd-settings.h"
#include "pd-validate.h"

#define REVIEW_STATES "review_engineering", "review_supervisor", "review_manager"

/* The transition table: which states each action starts from.  Where it
 * leads is decided by the action itself (PASS_REVIEW by stage, INSPECT by
 * the result, fees and agreement stay approved). */
static const struct
{
  const char *key;
  const char *label;
  const char *from[10];
} actions[PD_RENOVATION_N_ACTIONS] = {
  [PD_RENOVATION_SUBMIT] = { "submit", N_("Submit"), { "draft", "needs_revision" } },
  [PD_RENOVATION_START_REVIEW] = { "start_review", N_("Send to engineering"), { "submitted" } },
  [PD_RENOVATION_PASS_REVIEW] = { "pass_review", N_("Pass review"), { REVIEW_STATES } },
  [PD_RENOVATION_RETURN_FOR_REVISION] = { "return", N_("Return for revision"), { REVIEW_STATES } },
  [PD_RENOVATION_REJECT] = { "reject", N_("Reject"), { REVIEW_STATES } },
  [PD_RENOVATION_WITHDRAW] = { "withdraw", N_("Withdraw"),
                               { "draft", "submitted", REVIEW_STATES, "needs_revision", "approved",
                                 "permit_issued" } },
  [PD_RENOVATION_RECORD_FEES] = { "fees", N_("Record fees and deposit"), { "approved" } },
  [PD_RENOVATION_SIGN_AGREEMENT] = { "agreement", N_("Agreement signed"), { "approved" } },
  [PD_RENOVATION_ISSUE_PERMIT] = { "permit", N_("Issue permit"), { "approved" } },
  [PD_RENOVATION_START_WORKS] = { "start", N_("Works start"), { "permit_issued" } },
  [PD_RENOVATION_STOP_WORK] = { "stop", N_("Stop work"), { "in_progress" } },
  [PD_RENOVATION_RESUME] = { "resume", N_("Resume work"), { "stopped" } },
  [PD_RENOVATION_REQUEST_COMPLETION] = { "completion", N_("Request acceptance"),
                                         { "in_progress", "rectification" } },
  [PD_RENOVATION_INSPECT] = { "inspect", N_("Acceptance inspection"), { "completion_requested" } },
  [PD_RENOVATION_REFUND] = { "refund", N_("Refund deposit"), { "accepted" } },
  [PD_RENOVATION_CLOSE] = { "close", N_("Close"), { "refunded" } },
};

gboolean
pd_renovation_action_allowed (const char        *state,
                              PdRenovationAction action)
{
  g_return_val_if_fail (action < PD_RENOVATION_N_ACTIONS, FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (actions[action].from) && actions[action].from[i]; i++)
    if (g_strcmp0 (state, actions[action].from[i]) == 0)
      return TRUE;
  return FALSE;
}

const char *
pd_renovation_action_label (PdRenovationAction action)
{
  g_return_val_if_fail (action < PD_RENOVATION_N_ACTIONS, "");
  return _(actions[action].label);
}

PdRole
pd_renovation_action_role (const char        *state,
                           PdRenovationAction action)
{
  switch (action)
    {
    case PD_RENOVATION_REJECT:
    case PD_RENOVATION_REFUND:
      return PD_ROLE_MANAGER;
    case PD_RENOVATION_PASS_REVIEW:
    case PD_RENOVATION_RETURN_FOR_REVISION:
      if (g_strcmp0 (state, "review_manager") == 0)
        return PD_ROLE_MANAGER;
      if (g_strcmp0 (state, "review_supervisor") == 0)
        return PD_ROLE_SUPERVISOR;
      return PD_ROLE_CLERK;
    default:
      return PD_ROLE_CLERK;
    }
}

/* ---- the one path every action takes ----------------------------------- */

typedef struct
{
  const char *text;
  const char *date_from;
  const char *date_to;
  gboolean    passed;
  gboolean    fire_passed;
} Args;

static gboolean
require_note (const char *text,
              const char *field,
              const char *message,
              GError    **error)
{
  g_autofree char *copy = g_strstrip (g_strdup (text ? text : ""));

  if (copy[0] != '\0')
    return TRUE;
  pd_set_field_error (error, PD_VALIDATION_ERROR_REQUIRED, field, "%s", message);
  return FALSE;
}

static gboolean
apply_submit (PdContext    *ctx,
              PdRenovation *renovation,
              GError      **error)
{
  g_autofree char *today = pd_context_today (ctx);
  gint64 days = pd_settings_get_int (ctx, "renovation.review_working_days", 3);

  if (!pd_renovation_check_complete (ctx, renovation, error))
    return FALSE;
  /* The clock of the 3-working-day reply (002) starts at a complete
   * submission, again after each revision. */
  pd_renovation_set_text (&renovation->submitted_on, today);
  g_free (renovation->review_due);
  renovation->review_due = pd_calendar_add_working_days (ctx, today, (int) MAX (days, 0));
  pd_renovation_set_text (&renovation->state, "submitted");
  return TRUE;
}

static gboolean
apply_pass_review (PdContext    *ctx,
                   PdRenovation *renovation,
                   const Args   *args,
                   GError      **error)
{
  if (g_str_equal (renovation->state, "review_engineering"))
    {
      if (!require_note (args->text, "opinion",
                         _("Drawing review opinion: enter engineering’s opinion on the drawings."), error))
        return FALSE;
      pd_renovation_set_text (&renovation->engineering_opinion, args->text);
      pd_renovation_set_text (&renovation->state, "review_supervisor");
    }
  else if (g_str_equal (renovation->state, "review_supervisor"))
    {
      pd_renovation_set_text (&renovation->supervisor_opinion, args->text);
      pd_renovation_set_text (&renovation->state, "review_manager");
    }
  else
    {
      g_autofree char *today = pd_context_today (ctx);
      pd_renovation_set_text (&renovation->manager_opinion, args->text);
      pd_renovation_set_text (&renovation->decided_on, today);
      pd_renovation_set_text (&renovation->state, "approved");
    }
  return TRUE;
}

static gboolean
apply_return (PdContext    *ctx,
              PdRenovation *renovation,
              const Args   *args,
              GError      **error)
{
  g_autofree char *today = pd_context_today (ctx);

  if (!require_note (args->text, "revision_note",
                     _("What to revise: tell the applicant what must change."), error))
    return FALSE;
  if (g_str_equal (renovation->state, "review_engineering"))
    pd_renovation_set_text (&renovation->engineering_opinion, args->text);
  pd_renovation_set_text (&renovation->revision_note, args->text);
  pd_renovation_set_text (&renovation->decided_on, today);
  pd_renovation_set_text (&renovation->state, "needs_revision");
  return TRUE;
}

static gboolean
apply_reject (PdContext    *ctx,
              PdRenovation *renovation,
              const Args   *args,
              GError      **error)
{
  g_autofree char *today = pd_context_today (ctx);

  if (!require_note (args->text, "rejection_reason",
                     _("Reason for rejection: a rejection needs a reason."), error))
    return FALSE;
  pd_renovation_set_text (&renovation->rejection_reason, args->text);
  pd_renovation_set_text (&renovation->decided_on, today);
  pd_renovation_set_text (&renovation->state, "rejected");
  return TRUE;
}

static gboolean
apply_withdraw (PdContext    *ctx,
                PdRenovation *renovation,
                const Args   *args,
                GError      **error)
{
  g_autofree char *today = pd_context_today (ctx);
  gint64 refunded = 0;

  if (!require_note (args->text, "withdraw_reason",
                     _("Reason for withdrawal: say why the application is withdrawn."), error))
    return FALSE;
  if (!pd_deposit_post_refund (ctx, renovation->id, &refunded, error))
    return FALSE;
  if (refunded > 0)
    pd_renovation_set_text (&renovation->refunded_on, today);
  pd_renovation_set_text (&renovation->withdraw_reason, args->text);
  pd_renovation_set_text (&renovation->withdrawn_on, today);
  pd_renovation_set_text (&renovation->state, "withdrawn");
  return TRUE;
}

static gboolean
apply_fees (PdContext    *ctx,
            PdRenovation *renovation,
            const Args   *args,
            GError      **error)
{
  g_autofree char *today = pd_context_today (ctx);
  g_autofree char *receipt = g_strstrip (g_strdup (args->text ? args->text : ""));
  g_autoptr (GPtrArray) workers = NULL;
  gint64 active = 0;

  if (renovation->fees_paid_on[0] != '\0')
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_STATE, "fees_receipt",
                          _("Fees: already paid on %s (receipt %s)."),
                          renovation->fees_paid_on, renovation->fees_receipt);
      return FALSE;
    }
  if (!require_note (args->text, "fees_receipt",
                     _("Receipt no.: enter the number of the cashier’s receipt."), error))
    return FALSE;
  workers = pd_renovation_worker_list (ctx, renovation->id, error);
  if (workers == NULL)
    return FALSE;
  for (guint i = 0; i < workers->len; i++)
    if (((PdRenovationWorker *) workers->pdata[i])->revoked_on[0] == '\0')
      active++;
  renovation->deposit_fen = pd_settings_get_int (ctx, "renovation.deposit_fen", 0);
  renovation->debris_fee_fen = pd_settings_get_int (ctx, "renovation.debris_fee_fen", 0);
  renovation->pass_fee_fen = active * pd_settings_get_int (ctx, "renovation.pass_fee_fen", 0);
  pd_renovation_set_text (&renovation->fees_receipt, receipt);
  pd_renovation_set_text (&renovation->fees_paid_on, today);
  return renovation->deposit_fen == 0 ||
         pd_deposit_post_payment (ctx, renovation->id, renovation->deposit_fen, error);
}

/* The next number of the estate and year, inside the caller's transaction
 * so two permits can never take the same one and none is skipped. */
static gboolean
assign_serial (PdContext    *ctx,
               PdRenovation *renovation,
               const char   *today,
               GError      **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  g_autofree char *prefix = pd_settings_get_text (ctx, "renovation.serial_prefix", "ZX");
  int year = atoi (today);
  sqlite3_stmt *stmt = pd_database_prepare (database,
    "SELECT coalesce(max(serial_no), 0) + 1 FROM renovation WHERE estate_id = ? AND serial_year = ?",
    error);
  gint64 number;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, renovation->estate_id);
  sqlite3_bind_int (stmt, 2, year);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return pd_database_set_error (database, "serial", error);
    }
  number = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  g_free (renovation->serial);
  renovation->serial = g_strdup_printf ("%s-%04d-%04" G_GINT64_FORMAT, prefix, year, number);
  stmt = pd_database_prepare (database,
    "UPDATE renovation SET serial_year = ?, serial_no = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, year);
  sqlite3_bind_int64 (stmt, 2, number);
  sqlite3_bind_int64 (stmt, 3, renovation->id);
  return pd_database_step_done (database, stmt, error);
}

static gboolean
apply_issue_permit (PdContext    *ctx,
                    PdRenovation *renovation,
                    const Args   *args,
                    GError      **error)
{
  g_autofree char *today = pd_context_today (ctx);
  g_autofree char *from = NULL, *to = NULL;

  if (renovation->fees_paid_on[0] == '\0')
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_STATE, "fees_receipt",
                          _("Fees: the deposit and fees must be paid before the permit is issued."));
      return FALSE;
    }
  if (renovation->agreement_signed_on[0] == '\0')
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_STATE, "agreement",
                          _("Agreement: the renovation management agreement must be signed before the permit is issued."));
      return FALSE;
    }
  /* By default the permit runs over the planned works, but not from a day
   * already past. */
  if (!pd_date_parse (args->date_from ? args->date_from
                      : strcmp (renovation->planned_start, today) < 0 ? today : renovation->planned_start,
                      "valid_from", _("Valid from"), &from, error) ||
      !pd_date_parse (args->date_to ? args->date_to : renovation->planned_end, "valid_to",
                      _("Valid until"), &to, error))
    return FALSE;
  if (strcmp (to, from) < 0)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_RANGE, "valid_to",
                          _("Valid until: must not be before the first valid day."));
      return FALSE;
    }
  if (strcmp (to, today) < 0)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_RANGE, "valid_to",
                          _("Valid until: %s is already past."), to);
      return FALSE;
    }
  if (!assign_serial (ctx, renovation, today, error))
    return FALSE;
  pd_renovation_set_text (&renovation->valid_from, from);
  pd_renovation_set_text (&renovation->valid_to, to);
  pd_renovation_set_text (&renovation->permit_issued_on, today);
  pd_renovation_set_text (&renovation->state, "permit_issued");
  return TRUE;
}

static gboolean
apply_start_works (PdContext    *ctx,
                   PdRenovation *renovation,
                   GError      **error)
{
  g_autoptr (PdUnit) unit = pd_unit_get (ctx, renovation->unit_id, error);
  g_autofree char *today = pd_context_today (ctx);

  if (unit == NULL)
    return FALSE;
  /* The unit is renovating during the works and goes back to what it was. */
  if (!g_str_equal (unit->state, "renovating"))
    {
      pd_renovation_set_text (&renovation->unit_state_before, unit->state);
      if (!pd_unit_set_state (ctx, unit->id, "renovating", error))
        return FALSE;
    }
  pd_renovation_set_text (&renovation->started_on, today);
  pd_renovation_set_text (&renovation->state, "in_progress");
  return TRUE;
}

static gboolean
apply_resume (PdContext    *ctx,
              PdRenovation *renovation,
              GError      **error)
{
  PdDepositSummary summary = { 0 };
  gboolean overdue;

  if (!pd_deposit_summarize (ctx, renovation->id, &summary, error))
    return FALSE;
  overdue = summary.topup_overdue;
  if (overdue)
    {
      g_autofree char *shortfall = pd_fen_format (summary.shortfall_fen);
      pd_set_field_error (error, PD_VALIDATION_ERROR_STATE, "deposit",
                          /* Translators: amount in yuan, date */
                          _("Deposit: the top-up of %s due on %s is unpaid; works can resume once it is paid."),
                          shortfall, summary.topup_due);
    }
  pd_deposit_summary_clear (&summary);
  if (overdue)
    return FALSE;
  pd_renovation_set_text (&renovation->state, "in_progress");
  return TRUE;
}

static gboolean
apply_inspect (PdContext    *ctx,
               PdRenovation *renovation,
               const Args   *args,
               GError      **error)
{
  g_autofree char *today = pd_context_today (ctx);
  gboolean fire = pd_renovation_needs_fire_acceptance (renovation);

  if (args->passed && (!fire || args->fire_passed))
    {
      g_autoptr (PdUnit) unit = pd_unit_get (ctx, renovation->unit_id, error);
      const char *back = renovation->unit_state_before;

      if (unit == NULL)
        return FALSE;
      if (back[0] == '\0' || g_str_equal (back, "renovating"))
        back = "handed_over";
      if (g_str_equal (unit->state, "renovating") && !pd_unit_set_state (ctx, unit->id, back, error))
        return FALSE;
      if (fire)
        pd_renovation_set_text (&renovation->fire_accepted_on, today);
      pd_renovation_set_text (&renovation->inspection_note, args->text);
      pd_renovation_set_text (&renovation->accepted_on, today);
      pd_renovation_set_text (&renovation->state, "accepted");
      return TRUE;
    }
  if (!require_note (args->text, "inspection_note",
                     fire && args->passed
                       ? _("Inspection note: the fire-safety acceptance failed; note what to rectify.")
                       : _("Inspection note: note what must be rectified."),
                     error))
    return FALSE;
  pd_renovation_set_text (&renovation->inspection_note, args->text);
  pd_renovation_set_text (&renovation->state, "rectification");
  return TRUE;
}

static gboolean
apply_action (PdContext         *ctx,
              PdRenovation      *renovation,
              PdRenovationAction action,
              const Args        *args,
              GError           **error)
{
  g_autofree char *today = pd_context_today (ctx);

  switch (action)
    {
    case PD_RENOVATION_SUBMIT:
      return apply_submit (ctx, renovation, error);
    case PD_RENOVATION_START_REVIEW:
      pd_renovation_set_text (&renovation->state, "review_engineering");
      return TRUE;
    case PD_RENOVATION_PASS_REVIEW:
      return apply_pass_review (ctx, renovation, args, error);
    case PD_RENOVATION_RETURN_FOR_REVISION:
      return apply_return (ctx, renovation, args, error);
    case PD_RENOVATION_REJECT:
      return apply_reject (ctx, renovation, args, error);
    case PD_RENOVATION_WITHDRAW:
      return apply_withdraw (ctx, renovation, args, error);
    case PD_RENOVATION_RECORD_FEES:
      return apply_fees (ctx, renovation, args, error);
    case PD_RENOVATION_SIGN_AGREEMENT:
      if (renovation->agreement_signed_on[0] != '\0')
        {
          pd_set_field_error (error, PD_VALIDATION_ERROR_STATE, "agreement",
                              _("Agreement: already signed on %s."), renovation->agreement_signed_on);
          return FALSE;
        }
      pd_renovation_set_text (&renovation->agreement_signed_on, today);
      return TRUE;
    case PD_RENOVATION_ISSUE_PERMIT:
      return apply_issue_permit (ctx, renovation, args, error);
    case PD_RENOVATION_START_WORKS:
      return apply_start_works (ctx, renovation, error);
    case PD_RENOVATION_STOP_WORK:
      if (!require_note (args->text, "stop_reason", _("Reason for stop-work: say why the works stop."), error))
        return FALSE;
      pd_renovation_set_text (&renovation->stop_reason, args->text);
      pd_renovation_set_text (&renovation->stopped_on, today);
      pd_renovation_set_text (&renovation->state, "stopped");
      return TRUE;
    case PD_RENOVATION_RESUME:
      return apply_resume (ctx, renovation, error);
    case PD_RENOVATION_REQUEST_COMPLETION:
      pd_renovation_set_text (&renovation->completion_requested_on, today);
      pd_renovation_set_text (&renovation->state, "completion_requested");
      return TRUE;
    case PD_RENOVATION_INSPECT:
      return apply_inspect (ctx, renovation, args, error);
    case PD_RENOVATION_REFUND:
      {
        gint64 refunded = 0;
        if (!pd_deposit_post_refund (ctx, renovation->id, &refunded, error))
          return FALSE;
        pd_renovation_set_text (&renovation->refunded_on, today);
        pd_renovation_set_text (&renovation->state, "refunded");
        return TRUE;
      }
    case PD_RENOVATION_CLOSE:
      pd_renovation_set_text (&renovation->closed_on, today);
      pd_renovation_set_text (&renovation->state, "closed");
      return TRUE;
    case PD_RENOVATION_N_ACTIONS:
    default:
      g_assert_not_reached ();
    }
  return FALSE;
}

static gboolean
perform (PdContext         *ctx,
         gint64             renovation_id,
         PdRenovationAction action,
         const Args        *args,
         GError           **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  g_autoptr (PdRenovation) renovation = pd_renovation_get (ctx, renovation_id, error);
  g_autofree char *from = NULL;
  g_autofree char *due = NULL;
  g_autofree char *action_text = NULL;
  gboolean reply;

  if (renovation == NULL)
    return FALSE;
  if (!pd_renovation_action_allowed (renovation->state, action))
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_STATE, "state",
                          /* Translators: unit code, state, action — e.g. 3-2-1201, 草稿, 退还押金 */
                          _("State: the renovation of unit %s is “%s”; “%s” is not possible now."),
                          renovation->unit_code, pd_renovation_state_label (renovation->state),
                          pd_renovation_action_label (action));
      return FALSE;
    }
  action_text = g_utf8_strdown (pd_renovation_action_label (action), -1);
  if (!pd_context_require_role (ctx, pd_renovation_action_role (renovation->state, action),
                                action_text, error))
    return FALSE;

  from = g_strdup (renovation->state);
  due = g_strdup (renovation->review_due);
  if (!pd_database_begin (database, error))
    return FALSE;
  if (!apply_action (ctx, renovation, action, args, error) ||
      !pd_renovation_store (ctx, renovation, error))
    goto fail;
  /* A reply to the applicant keeps the deadline it answered (monthly KPI). */
  reply = pd_renovation_state_in_review (from) &&
          !pd_renovation_state_in_review (renovation->state);
  if (!pd_renovation_log_event (ctx, renovation->id, actions[action].key, from, renovation->state,
                                args->text, reply ? due : NULL, error) ||
      !pd_database_commit (database, error))
    goto fail;
  pd_context_notify_changed (ctx, "renovation");
  return TRUE;

fail:
  pd_database_rollback (database);
  return FALSE;
}

/* ---- public actions ---------------------------------------------------- */

#define ACT(name, action)                                                     \
  gboolean name (PdContext *ctx, gint64 renovation_id, GError **error)        \
  {                                                                           \
    Args args = { 0 };                                                        \
    return perform (ctx, renovation_id, action, &args, error);                \
  }
#define ACT_TEXT(name, action)                                                \
  gboolean name (PdContext *ctx, gint64 renovation_id, const char *text,      \
                 GError **error)                                              \
  {                                                                           \
    Args args = { .text = text };                                             \
    return perform (ctx, renovation_id, action, &args, error);                \
  }

ACT (pd_renovation_submit, PD_RENOVATION_SUBMIT)
ACT (pd_renovation_start_review, PD_RENOVATION_START_REVIEW)
ACT_TEXT (pd_renovation_pass_review, PD_RENOVATION_PASS_REVIEW)
ACT_TEXT (pd_renovation_return_for_revision, PD_RENOVATION_RETURN_FOR_REVISION)
ACT_TEXT (pd_renovation_reject, PD_RENOVATION_REJECT)
ACT_TEXT (pd_renovation_withdraw, PD_RENOVATION_WITHDRAW)
ACT_TEXT (pd_renovation_record_fees, PD_RENOVATION_RECORD_FEES)
ACT (pd_renovation_sign_agreement, PD_RENOVATION_SIGN_AGREEMENT)
ACT (pd_renovation_start_works, PD_RENOVATION_START_WORKS)
ACT_TEXT (pd_renovation_stop_work, PD_RENOVATION_STOP_WORK)
ACT (pd_renovation_resume, PD_RENOVATION_RESUME)
ACT (pd_renovation_request_completion, PD_RENOVATION_REQUEST_COMPLETION)
ACT (pd_renovation_refund, PD_RENOVATION_REFUND)
ACT (pd_renovation_close, PD_RENOVATION_CLOSE)

gboolean
pd_renovation_issue_permit (PdContext  *ctx,
                            gint64      renovation_id,
                            const char *valid_from,
                            const char *valid_to,
                            GError    **error)
{
  Args args = { .date_from = valid_from, .date_to = valid_to };
  return perform (ctx, renovation_id, PD_RENOVATION_ISSUE_PERMIT, &args, error);
}

gboolean
pd_renovation_inspect (PdContext  *ctx,
                       gint64      renovation_id,
                       gboolean    passed,
                       gboolean    fire_passed,
                       const char *note,
                       GError    **error)
{
  Args args = { .text = note, .passed = passed, .fire_passed = fire_passed };
  return perform (ctx, renovation_id, PD_RENOVATION_INSPECT, &args, error);
}

/* ---- deadline and history ---------------------------------------------- */

PdReviewDeadline
pd_renovation_review_deadline (PdContext          *ctx,
                               const PdRenovation *renovation)
{
  g_autofree char *today = NULL;
  gint64 soon;

  if (!g_str_equal (renovation->state, "submitted") &&
      !pd_renovation_state_in_review (renovation->state))
    return PD_REVIEW_NOT_RUNNING;
  if (!pd_date_is_valid (renovation->review_due))
    return PD_REVIEW_NOT_RUNNING;
  today = pd_context_today (ctx);
  if (strcmp (today, renovation->review_due) > 0)
    return PD_REVIEW_OVERDUE;
  soon = pd_settings_get_int (ctx, "renovation.due_soon_working_days", 1);
  if (pd_calendar_working_days_between (ctx, today, renovation->review_due) <= soon)
    return PD_REVIEW_DUE_SOON;
  return PD_REVIEW_ON_TIME;
}

void
pd_renovation_event_free (PdRenovationEvent *event)
{
  if (event == NULL)
    return;
  g_free (event->at);
  g_free (event->user_name);
  g_free (event->action);
  g_free (event->from_state);
  g_free (event->to_state);
  g_free (event->note);
  g_free (event);
}

GPtrArray *
pd_renovation_history (PdContext  *ctx,
                       gint64      renovation_id,
                       GError    **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  sqlite3_stmt *stmt = pd_database_prepare (database,
    "SELECT at, user_name, action, from_state, to_state, note FROM renovation_event "
    "WHERE renovation_id = ? ORDER BY id", error);
  GPtrArray *events;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, renovation_id);
  events = g_ptr_array_new_with_free_func ((GDestroyNotify) pd_renovation_event_free);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      PdRenovationEvent *event = g_new0 (PdRenovationEvent, 1);
      event->at = pd_column_dup (stmt, 0);
      event->user_name = pd_column_dup (stmt, 1);
      event->action = pd_column_dup (stmt, 2);
      event->from_state = pd_column_dup (stmt, 3);
      event->to_state = pd_column_dup (stmt, 4);
      event->note = pd_column_dup (stmt, 5);
      g_ptr_array_add (events, event);
    }
  sqlite3_reset (stmt);
  return events;
}
