/* pd-renovation-report.c — see pd-renovation-report.h. */
#include "config.h"

#include <string.h>

#include "pd-estate.h"
#include "pd-renovation-report.h"

/* ?1 estate, ?2 first day, ?3 the day after the period.  Event times are
 * "YYYY-MM-DD HH:MM:SS", so comparing with day texts bounds them by day. */
#define EVENTS(cond) \
  "(SELECT count(*) FROM renovation_event e JOIN renovation r ON r.id = e.renovation_id " \
  " WHERE r.estate_id = ?1 AND e.at >= ?2 AND e.at < ?3 AND " cond ")"
#define LEDGER(what, kind) \
  "(SELECT " what " FROM deposit_entry d JOIN renovation r ON r.id = d.renovation_id " \
  " WHERE r.estate_id = ?1 AND d.on_date >= ?2 AND d.on_date < ?3 AND d.kind = '" kind "')"

gboolean
pd_renovation_month_figures (PdContext         *ctx,
                             const char        *first,
                             const char        *next,
                             PdRenovationMonth *month,
                             GError           **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  gint64 estate_id = pd_estate_current_id (ctx, error);
  sqlite3_stmt *stmt;
  gint64 *fields[] = {
    &month->applications, &month->submissions, &month->reviews_answered, &month->reviews_on_time,
    &month->approvals, &month->returned, &month->rejections, &month->permits, &month->works_started,
    &month->stop_works, &month->violations, &month->penalties_fen, &month->deducted_fen,
    &month->deposits_fen, &month->topups, &month->topups_fen, &month->acceptances, &month->refunds,
    &month->refunds_fen,
  };

  memset (month, 0, sizeof *month);
  if (estate_id < 0)
    return FALSE;
  stmt = pd_database_prepare (database,
    "SELECT "
    "(SELECT count(*) FROM renovation WHERE estate_id = ?1 AND created_on >= ?2 AND created_on < ?3), "
    EVENTS ("e.action = 'submit'") ", "
    EVENTS ("e.due_on <> ''") ", "
    EVENTS ("e.due_on <> '' AND substr(e.at, 1, 10) <= e.due_on") ", "
    EVENTS ("e.to_state = 'approved' AND e.from_state <> 'approved'") ", "
    EVENTS ("e.to_state = 'needs_revision'") ", "
    EVENTS ("e.to_state = 'rejected'") ", "
    EVENTS ("e.action = 'permit'") ", "
    EVENTS ("e.action = 'start'") ", "
    EVENTS ("e.to_state = 'stopped'") ", "
    "(SELECT count(*) FROM renovation_violation v JOIN renovation r ON r.id = v.renovation_id "
    " WHERE r.estate_id = ?1 AND v.on_date >= ?2 AND v.on_date < ?3), "
    "(SELECT coalesce(sum(v.penalty_fen), 0) FROM renovation_violation v JOIN renovation r ON r.id = v.renovation_id "
    " WHERE r.estate_id = ?1 AND v.on_date >= ?2 AND v.on_date < ?3), "
    LEDGER ("coalesce(sum(d.amount_fen), 0)", "deduction") ", "
    LEDGER ("coalesce(sum(d.amount_fen), 0)", "payment") ", "
    LEDGER ("count(*)", "topup") ", "
    LEDGER ("coalesce(sum(d.amount_fen), 0)", "topup") ", "
    EVENTS ("e.to_state = 'accepted'") ", "
    LEDGER ("count(*)", "refund") ", "
    LEDGER ("coalesce(sum(d.amount_fen), 0)", "refund"),
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, estate_id);
  pd_bind_text (stmt, 2, first);
  pd_bind_text (stmt, 3, next);
  return pd_database_step_int64s (database, stmt, fields, G_N_ELEMENTS (fields), "renovation figures", error);
}
