/* pd-today.h — the supervisor's daily check (日清日审, issue #10): everything
 * due today or overdue across the office's jobs, grouped by kind.  Each
 * feature keeps its own deadline rule (pd_renovation_review_deadline,
 * pd_handover_defect_deadline_state, pd_survey_followup_is_late, …); this
 * module only asks them and sorts the answers.
 *
 * "Soon" means by the next working day (pd-calendar), as the handover
 * defects and renovation reviews already count it; tenant leases warn
 * lease.ending_warning_days ahead.  Items that are listed but not pressing
 * yet (a vacant unit due at the end of the period, an anomaly within its
 * deadline, a stop-work with no date) are PD_TODAY_OPEN. */
#pragma once

#include "pd-context.h"

G_BEGIN_DECLS

typedef enum
{
  /* Deadlines first; the routine rounds of the day, which are many, last. */
  PD_TODAY_RENOVATION_REVIEW,   /* reply near or past the 3-working-day limit */
  PD_TODAY_RENOVATION_STOPPED,  /* stop-work, or deposit top-up unpaid */
  PD_TODAY_HANDOVER_DEFECT,     /* defect at or past its rectification deadline */
  PD_TODAY_HANDOVER_NOTICE,     /* contractor notice not sent in time */
  PD_TODAY_SURVEY_FOLLOWUP,     /* opinion whose current stage is late or due */
  PD_TODAY_ANOMALY,             /* open vacant-unit anomaly, oldest first */
  PD_TODAY_KEY_LOAN,            /* key out past (or due by the end of) today */
  PD_TODAY_LEASE,               /* tenant lease ending soon (or ended) */
  PD_TODAY_RENOVATION_PATROL,   /* renovating unit not patrolled enough today */
  PD_TODAY_VACANT_PATROL,       /* vacant unit due or overdue this period */
  PD_TODAY_N_KINDS,
} PdTodayKind;

/* Most pressing first. */
typedef enum
{
  PD_TODAY_OVERDUE,
  PD_TODAY_DUE_TODAY,
  PD_TODAY_DUE_SOON,
  PD_TODAY_OPEN,
} PdTodaySeverity;

typedef struct
{
  PdTodayKind     kind;
  PdTodaySeverity severity;
  char           *unit_code;    /* "" when the item has no unit (public key) */
  char           *description;  /* one translated line */
  char           *due;          /* "YYYY-MM-DD", or "YYYY-MM-DD HH:MM" for hour limits */
  /* The record the line opens: the renovation (reviews, patrols, stop-work),
   * the unit (vacant patrols, leases), the anomaly, the handover (defects,
   * notices), the survey follow-up, the key loan. */
  gint64          record_id;
} PdTodayItem;

void pd_today_item_free (PdTodayItem *item);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdTodayItem, pd_today_item_free)

typedef struct
{
  PdTodayKind  kind;
  GPtrArray   *items;      /* PdTodayItem, by severity then due */
  int          n_overdue;
} PdTodayGroup;

void pd_today_group_free (PdTodayGroup *group);

/* Every kind in the order above (groups with no item included), as of the
 * context's clock.  Element type PdTodayGroup. */
GPtrArray  *pd_today_collect        (PdContext       *ctx,
                                     GError         **error);

/* The group's title, translated. */
const char *pd_today_kind_label     (PdTodayKind      kind);
/* "Overdue", "Due today", … translated. */
const char *pd_today_severity_label (PdTodaySeverity  severity);

G_END_DECLS
