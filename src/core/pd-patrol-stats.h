/* pd-patrol-stats.h — the monthly patrol statistics (DOMAIN §4, §8: vacant
 * units patrolled as scheduled ÷ due, open anomalies and their age), for the
 * printed summary and the exported workbook.
 *
 * An obligation is a (vacant unit, patrol period) pair whose period's due
 * date falls in the month (pd-patrol-schedule.h) and whose unit was vacant on
 * that due date.  It is met by a patrol of the unit within the period.  The
 * on-time rate is met ÷ counted, where counted leaves out obligations whose
 * due date is still ahead and that are not met yet (the current period of
 * the current month). */
#pragma once

#include "pd-patrol-schedule.h"

G_BEGIN_DECLS

#define PD_ANOMALY_N_KINDS 5

typedef struct
{
  char *building_code;
  int   units_due;
  int   obligations;
  int   counted;
  int   met;
} PdPatrolBuildingStats;

typedef struct
{
  char            month[8];        /* YYYY-MM */
  char            first_day[11];
  char            last_day[11];
  char            as_of[11];       /* the last day, or today in the current month */
  PdPatrolPolicy  policy;
  int             periods;
  int             units_due;       /* units owing at least one patrol in the month */
  int             obligations;
  int             counted;
  int             met;
  int             patrols;         /* patrols recorded in the month */
  int             units_patrolled; /* distinct units patrolled in the month */
  int             anomalies_found;
  int             anomalies_by_kind[PD_ANOMALY_N_KINDS]; /* order of pd_anomaly_kinds () */
  int             anomalies_closed;   /* closed in the month */
  int             open_anomalies;     /* open at as_of */
  int             oldest_open_days;   /* age of the oldest of them at as_of */
  int             key_loans;          /* keys signed out in the month */
  int             key_loans_overdue;  /* loans due in the month, returned late or still out */
  GPtrArray      *buildings;          /* PdPatrolBuildingStats, natural order */
} PdPatrolStats;

void           pd_patrol_stats_free        (PdPatrolStats *stats);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdPatrolStats, pd_patrol_stats_free)

/* Statistics of @month ("YYYY-MM") for the current estate. */
PdPatrolStats *pd_patrol_stats_month       (PdContext   *ctx,
                                            const char  *month,
                                            GError     **error);
/* met ÷ counted in percent, or -1 when nothing was due yet. */
double         pd_patrol_stats_on_time_pct (int          met,
                                            int          counted);

G_END_DECLS
