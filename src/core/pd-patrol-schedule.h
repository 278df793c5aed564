/* pd-patrol-schedule.h — when a vacant unit is due for a patrol (DOMAIN §4).
 *
 * The schedule divides time into patrol periods; a vacant unit owes one
 * patrol in every period it is vacant in.
 *
 *   twice_monthly (default, "at least twice a month", 000 L1791/L1833):
 *     every calendar month has two periods, the 1st–15th and the 16th–last
 *     day of the month (28, 29, 30 or 31).  Periods never cross a month end,
 *     so a month always owes exactly two patrols, and two patrols on the
 *     14th and the 16th satisfy both halves.
 *   weekly (000 L2113):
 *     the periods are ISO weeks, Monday–Sunday.  A week that crosses a month
 *     end belongs to the month of its Sunday (its due date): the week
 *     Mon 2026-06-29 – Sun 2026-07-05 is a July period.
 *
 * A period's due date is its last day.  For a unit vacant since day V whose
 * last patrol was on day L (if any):
 *
 *   owed from  = V                                  when never patrolled,
 *              = max (V, first day of the period after L's)  otherwise
 *   next due   = last day of the period containing "owed from"
 *   status     = DONE     when next due lies after the current period
 *                         (the unit was patrolled in this period already),
 *                DUE      when next due is the current period's last day,
 *                OVERDUE  when next due lies before today (an earlier
 *                         period ended without a patrol; it stays overdue
 *                         until the next patrol, which makes it DONE).
 *
 * A unit that becomes vacant owes the period it became vacant in.  The
 * policy in force applies to every computation, past months included: the
 * schedule keeps no history of policy changes.
 */
#pragma once

#include "pd-context.h"

G_BEGIN_DECLS

typedef enum
{
  PD_PATROL_POLICY_TWICE_MONTHLY,
  PD_PATROL_POLICY_WEEKLY,
} PdPatrolPolicy;

typedef enum
{
  PD_PATROL_STATUS_DONE,
  PD_PATROL_STATUS_DUE,
  PD_PATROL_STATUS_OVERDUE,
} PdPatrolStatus;

/* A patrol period: first and last day, ISO. */
typedef struct
{
  char start[11];
  char end[11];
} PdPatrolPeriod;

gboolean       pd_patrol_policy_from_string (const char     *text,
                                             PdPatrolPolicy *policy);
const char    *pd_patrol_policy_to_string   (PdPatrolPolicy  policy);
const char    *pd_patrol_policy_label       (PdPatrolPolicy  policy);
const char    *pd_patrol_status_label       (PdPatrolStatus  status);
const char    *pd_patrol_status_to_string   (PdPatrolStatus  status);

/* The period containing @day; FALSE when @day is not a valid date. */
gboolean       pd_patrol_period_of          (PdPatrolPolicy  policy,
                                             const char     *day,
                                             PdPatrolPeriod *period);
/* The periods whose due date falls in @year-@month, in order. */
GArray        *pd_patrol_periods_of_month   (PdPatrolPolicy  policy,
                                             int             year,
                                             int             month);
/* The next due date by the rule above; @last_patrol NULL or "" when the
 * unit was never patrolled.  NULL on invalid dates. */
char          *pd_patrol_next_due           (PdPatrolPolicy  policy,
                                             const char     *vacant_since,
                                             const char     *last_patrol);
PdPatrolStatus pd_patrol_status_on          (PdPatrolPolicy  policy,
                                             const char     *next_due,
                                             const char     *today);

/* The estate's own policy when it has one, else the setting patrol.policy. */
PdPatrolPolicy pd_patrol_policy_for_estate  (PdContext      *ctx,
                                             gint64          estate_id);
/* Gives the estate its own policy ("twice_monthly" / "weekly"), or with
 * @policy NULL makes it follow the setting again.  Administrators only. */
gboolean       pd_patrol_set_estate_policy  (PdContext      *ctx,
                                             gint64          estate_id,
                                             const char     *policy,
                                             GError        **error);

G_END_DECLS
