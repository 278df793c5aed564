/* pd-handover-report.c — see pd-handover-report.h. */
#include "config.h"

#include <string.h>

#include "pd-estate.h"
#include "pd-handover-report.h"

/* ?1 estate, ?2 first day, ?3 the day after the period.  recorded_at is
 * "YYYY-MM-DD HH:MM:SS", so comparing it with day texts bounds it by day. */
#define HANDOVERS(cond) \
  "(SELECT count(*) FROM handover h JOIN unit u ON u.id = h.unit_id WHERE u.estate_id = ?1 AND " cond ")"
#define DEFECTS(cond) \
  "(SELECT count(*) FROM handover_defect d JOIN handover h ON h.id = d.handover_id " \
  " JOIN unit u ON u.id = h.unit_id WHERE u.estate_id = ?1 AND " cond ")"

gboolean
pd_handover_month_figures (PdContext       *ctx,
                           const char      *first,
                           const char      *next,
                           PdHandoverMonth *month,
                           GError         **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  gint64 estate_id;
  sqlite3_stmt *stmt;
  gint64 *fields[] = {
    &month->handovers, &month->handovers_closed, &month->defects_found, &month->defects_closed,
    &month->defects_closed_on_time,
  };

  g_return_val_if_fail (PD_IS_CONTEXT (ctx), FALSE);
  memset (month, 0, sizeof *month);
  estate_id = pd_estate_current_id (ctx, error);
  if (estate_id < 0)
    return FALSE;
  stmt = pd_database_prepare (database,
    "SELECT "
    HANDOVERS ("h.handover_on >= ?2 AND h.handover_on < ?3") ", "
    HANDOVERS ("h.status = 'closed' AND h.closed_on >= ?2 AND h.closed_on < ?3") ", "
    DEFECTS ("d.recorded_at >= ?2 AND d.recorded_at < ?3") ", "
    DEFECTS ("d.status = 'fixed' AND d.closed_on >= ?2 AND d.closed_on < ?3") ", "
    DEFECTS ("d.status = 'fixed' AND d.closed_on >= ?2 AND d.closed_on < ?3 AND d.closed_on <= d.deadline"),
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, estate_id);
  pd_bind_text (stmt, 2, first);
  pd_bind_text (stmt, 3, next);
  return pd_database_step_int64s (database, stmt, fields, G_N_ELEMENTS (fields), "handover figures", error);
}
