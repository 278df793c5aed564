/* pd-deposit-ledger.c — see pd-deposit-ledger.h. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "pd-calendar.h"
#include "pd-deposit-ledger.h"
#include "pd-error.h"
#include "pd-renovation-workflow.h"
#include "pd-settings.h"

void
pd_deposit_entry_free (PdDepositEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->kind);
  g_free (entry->on_date);
  g_free (entry->violation_code);
  g_free (entry->note);
  g_free (entry->user_name);
  g_free (entry);
}

const char *
pd_deposit_kind_label (const char *kind)
{
  if (g_strcmp0 (kind, "payment") == 0)
    return _("Deposit paid");
  if (g_strcmp0 (kind, "deduction") == 0)
    return _("Deduction");
  if (g_strcmp0 (kind, "topup") == 0)
    return _("Top-up");
  if (g_strcmp0 (kind, "refund") == 0)
    return _("Refund");
  return kind ? kind : "";
}

void
pd_deposit_summary_clear (PdDepositSummary *summary)
{
  g_clear_pointer (&summary->topup_due, g_free);
}

static gint64
signed_amount (const char *kind,
               gint64      amount)
{
  return g_str_equal (kind, "payment") || g_str_equal (kind, "topup") ? amount : -amount;
}

GPtrArray *
pd_deposit_statement (PdContext  *ctx,
                      gint64      renovation_id,
                      GError    **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  sqlite3_stmt *stmt = pd_database_prepare (database,
    "SELECT e.id, e.kind, e.amount_fen, e.on_date, coalesce(e.violation_id, 0), coalesce(v.code, ''), "
    "e.note, e.user_name FROM deposit_entry e LEFT JOIN renovation_violation v ON v.id = e.violation_id "
    "WHERE e.renovation_id = ? ORDER BY e.id", error);
  GPtrArray *entries;
  gint64 balance = 0;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, renovation_id);
  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) pd_deposit_entry_free);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      PdDepositEntry *entry = g_new0 (PdDepositEntry, 1);
      entry->id = sqlite3_column_int64 (stmt, 0);
      entry->renovation_id = renovation_id;
      entry->kind = pd_column_dup (stmt, 1);
      entry->amount_fen = sqlite3_column_int64 (stmt, 2);
      entry->on_date = pd_column_dup (stmt, 3);
      entry->violation_id = sqlite3_column_int64 (stmt, 4);
      entry->violation_code = pd_column_dup (stmt, 5);
      entry->note = pd_column_dup (stmt, 6);
      entry->user_name = pd_column_dup (stmt, 7);
      balance += signed_amount (entry->kind, entry->amount_fen);
      entry->balance_fen = balance;
      g_ptr_array_add (entries, entry);
    }
  sqlite3_reset (stmt);
  return entries;
}

/* The deposit held and the state it is held in. */
static gboolean
renovation_deposit (PdContext *ctx,
                    gint64     renovation_id,
                    gint64    *required,
                    char     **state,
                    GError   **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  sqlite3_stmt *stmt = pd_database_prepare (database,
    "SELECT deposit_fen, state FROM renovation WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, renovation_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      pd_set_field_error (error, PD_VALIDATION_ERROR_NOT_FOUND, "renovation",
                          _("Renovation: this application does not exist."));
      return FALSE;
    }
  *required = sqlite3_column_int64 (stmt, 0);
  *state = pd_column_dup (stmt, 1);
  sqlite3_reset (stmt);
  return TRUE;
}

/* Top-ups are owed while the deposit guards works not yet accepted. */
static gboolean
state_owes_topup (const char *state)
{
  static const char *const owing[] = {
    "approved", "permit_issued", "in_progress", "stopped", "completion_requested", "rectification", NULL,
  };
  return g_strv_contains (owing, state);
}

gboolean
pd_deposit_summarize (PdContext        *ctx,
                      gint64            renovation_id,
                      PdDepositSummary *summary,
                      GError          **error)
{
  g_autoptr (GPtrArray) entries = NULL;
  g_autofree char *state = NULL;
  g_autofree char *short_since = NULL;
  g_autofree char *today = NULL;

  memset (summary, 0, sizeof *summary);
  summary->topup_due = g_strdup ("");
  if (!renovation_deposit (ctx, renovation_id, &summary->required_fen, &state, error))
    return FALSE;
  entries = pd_deposit_statement (ctx, renovation_id, error);
  if (entries == NULL)
    return FALSE;
  for (guint i = 0; i < entries->len; i++)
    {
      PdDepositEntry *entry = entries->pdata[i];

      if (g_str_equal (entry->kind, "payment"))
        summary->paid_fen += entry->amount_fen;
      else if (g_str_equal (entry->kind, "deduction"))
        summary->deducted_fen += entry->amount_fen;
      else if (g_str_equal (entry->kind, "topup"))
        summary->topped_up_fen += entry->amount_fen;
      else
        summary->refunded_fen += entry->amount_fen;
      /* The top-up clock runs from the first deduction that left the
       * deposit short until it is full again. */
      if (entry->balance_fen < summary->required_fen && summary->paid_fen > 0)
        {
          if (short_since == NULL && g_str_equal (entry->kind, "deduction"))
            short_since = g_strdup (entry->on_date);
        }
      else
        g_clear_pointer (&short_since, g_free);
    }
  summary->balance_fen = summary->paid_fen - summary->deducted_fen + summary->topped_up_fen -
                         summary->refunded_fen;
  if (state_owes_topup (state) && summary->paid_fen > 0 && summary->balance_fen < summary->required_fen &&
      short_since != NULL)
    {
      gint64 days = pd_settings_get_int (ctx, "renovation.topup_days", 3);
      summary->shortfall_fen = summary->required_fen - summary->balance_fen;
      g_free (summary->topup_due);
      summary->topup_due = pd_date_add_days (short_since, (int) days);
      today = pd_context_today (ctx);
      summary->topup_overdue = strcmp (today, summary->topup_due) > 0;
    }
  return TRUE;
}

static gint64
balance_of (PdContext *ctx,
            gint64     renovation_id,
            GError   **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  sqlite3_stmt *stmt = pd_database_prepare (database,
    "SELECT coalesce(sum(CASE WHEN kind IN ('payment', 'topup') THEN amount_fen ELSE -amount_fen END), 0) "
    "FROM deposit_entry WHERE renovation_id = ?", error);
  gint64 balance;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, renovation_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      pd_database_set_error (database, "deposit balance", error);
      return -1;
    }
  balance = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return balance;
}

static gboolean
insert_entry (PdContext  *ctx,
              gint64      renovation_id,
              const char *kind,
              gint64      amount_fen,
              gint64      violation_id,
              const char *note,
              GError    **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  g_autofree char *today = pd_context_today (ctx);
  sqlite3_stmt *stmt = pd_database_prepare (database,
    "INSERT INTO deposit_entry (renovation_id, kind, amount_fen, on_date, violation_id, note, user_name) "
    "VALUES (?, ?, ?, ?, ?, ?, ?)", error);

  g_assert (amount_fen > 0);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, renovation_id);
  pd_bind_text (stmt, 2, kind);
  sqlite3_bind_int64 (stmt, 3, amount_fen);
  pd_bind_text (stmt, 4, today);
  if (violation_id > 0)
    sqlite3_bind_int64 (stmt, 5, violation_id);
  else
    sqlite3_bind_null (stmt, 5);
  pd_bind_text (stmt, 6, note ? note : "");
  pd_bind_text (stmt, 7, pd_context_get_user (ctx));
  if (!pd_database_step_done (pd_context_get_database (ctx), stmt, error))
    return FALSE;
  pd_context_notify_changed (ctx, "deposit_entry");
  return TRUE;
}

gboolean
pd_deposit_post_payment (PdContext  *ctx,
                         gint64      renovation_id,
                         gint64      amount_fen,
                         GError    **error)
{
  if (amount_fen <= 0)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_RANGE, "deposit",
                          _("Deposit: the amount paid must be more than 0."));
      return FALSE;
    }
  return insert_entry (ctx, renovation_id, "payment", amount_fen, 0, NULL, error);
}

gint64
pd_deposit_post_deduction (PdContext  *ctx,
                           gint64      renovation_id,
                           gint64      violation_id,
                           gint64      amount_fen,
                           const char *note,
                           GError    **error)
{
  gint64 balance = balance_of (ctx, renovation_id, error);
  gint64 take;

  if (balance < 0)
    return -1;
  if (amount_fen < 0)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_RANGE, "penalty",
                          _("Penalty: the amount must not be negative."));
      return -1;
    }
  /* The deposit never goes below zero: what it cannot cover is claimed
   * from the contractor outside the deposit. */
  take = MIN (amount_fen, balance);
  if (take > 0 && !insert_entry (ctx, renovation_id, "deduction", take, violation_id, note, error))
    return -1;
  return take;
}

gboolean
pd_deposit_post_refund (PdContext  *ctx,
                        gint64      renovation_id,
                        gint64     *refunded_fen,
                        GError    **error)
{
  gint64 balance = balance_of (ctx, renovation_id, error);

  if (balance < 0)
    return FALSE;
  *refunded_fen = balance;
  return balance == 0 || insert_entry (ctx, renovation_id, "refund", balance, 0, NULL, error);
}

gboolean
pd_deposit_top_up (PdContext  *ctx,
                   gint64      renovation_id,
                   gint64      amount_fen,
                   const char *note,
                   GError    **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  PdDepositSummary summary = { 0 };
  gboolean ok = FALSE;

  if (!pd_deposit_summarize (ctx, renovation_id, &summary, error))
    goto out;
  if (summary.shortfall_fen <= 0)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_STATE, "topup_amount",
                          _("Top-up: the deposit is complete; there is nothing to top up."));
      goto out;
    }
  if (amount_fen <= 0 || amount_fen > summary.shortfall_fen)
    {
      g_autofree char *shortfall = pd_fen_format (summary.shortfall_fen);
      pd_set_field_error (error, PD_VALIDATION_ERROR_RANGE, "topup_amount",
                          _("Top-up: enter an amount more than 0 and at most %s."), shortfall);
      goto out;
    }
  if (!pd_database_begin (database, error))
    goto out;
  if (!insert_entry (ctx, renovation_id, "topup", amount_fen, 0, note, error) ||
      !pd_database_commit (database, error))
    {
      pd_database_rollback (database);
      goto out;
    }
  ok = TRUE;
out:
  pd_deposit_summary_clear (&summary);
  return ok;
}

int
pd_deposit_enforce_topups (PdContext  *ctx,
                           GError    **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  sqlite3_stmt *stmt = pd_database_prepare (database,
    "SELECT id FROM renovation WHERE state = 'in_progress' ORDER BY id", error);
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int stopped = 0;

  if (stmt == NULL)
    return -1;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      PdDepositSummary summary = { 0 };
      gboolean overdue;
      g_autofree char *reason = NULL;

      if (!pd_deposit_summarize (ctx, id, &summary, error))
        return -1;
      overdue = summary.topup_overdue;
      /* Translators: %s is the date the top-up was due */
      reason = g_strdup_printf (_("Deposit top-up overdue (due %s)"), summary.topup_due);
      pd_deposit_summary_clear (&summary);
      if (!overdue)
        continue;
      if (!pd_renovation_stop_work (ctx, id, reason, error))
        return -1;
      stopped++;
    }
  return stopped;
}
