/* pd-patrol-print.h — what the vacant-unit patrol forms print (DOMAIN §4),
 * gathered from the core in one go so the renderers (src/print/
 * pd-form-patrol*.c) only draw: the blank 空置房巡查表 of a building for the
 * round, a filled patrol record, the rectification notice (整改通知单) of an
 * anomaly, and the monthly patrol summary. */
#pragma once

#include "pd-patrol-anomaly.h"
#include "pd-patrol-stats.h"
#include "pd-patrol.h"

G_BEGIN_DECLS

typedef struct
{
  char *inspector;
  int   patrols;
  int   units;       /* distinct units */
  int   anomalies;   /* found on those patrols */
} PdPatrolInspectorCount;

typedef struct
{
  char          *estate_name;
  char          *printed_at;    /* "YYYY-MM-DD HH:MM" */
  char          *printed_by;
  char          *today;
  PdPatrolPolicy policy;
  GPtrArray     *checklist;     /* PdPatrolCheckItem, the configured items */

  /* the round sheet */
  char          *building_code;
  GPtrArray     *units;         /* PdVacantUnit of the building, walking order */
  int            keys_in;       /* keys of those units in the office now */

  /* the patrol record */
  PdPatrol      *patrol;
  GPtrArray     *anomalies;     /* PdAnomaly: the record's; the summary's open ones */

  /* the rectification notice */
  PdAnomaly     *anomaly;
  GPtrArray     *follow_ups;    /* PdAnomalyFollowUp */

  /* the monthly summary */
  PdPatrolStats *stats;
  GPtrArray     *inspectors;    /* PdPatrolInspectorCount, most patrols first */
} PdPatrolPrint;

void           pd_patrol_print_free    (PdPatrolPrint *print);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdPatrolPrint, pd_patrol_print_free)

/* The blank round sheet of @building_id: its vacant units today. */
PdPatrolPrint *pd_patrol_print_sheet   (PdContext  *ctx,
                                        gint64      building_id,
                                        GError    **error);
PdPatrolPrint *pd_patrol_print_record  (PdContext  *ctx,
                                        gint64      patrol_id,
                                        GError    **error);
PdPatrolPrint *pd_patrol_print_notice  (PdContext  *ctx,
                                        gint64      anomaly_id,
                                        GError    **error);
/* @month "YYYY-MM"; the month's statistics, who patrolled what, and the
 * anomalies open at the month's end (or today). */
PdPatrolPrint *pd_patrol_print_summary (PdContext  *ctx,
                                        const char *month,
                                        GError    **error);

G_END_DECLS
