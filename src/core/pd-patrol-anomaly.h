/* pd-patrol-anomaly.h — anomalies found in vacant units and their written
 * rectification notices (整改通知单) to a department (DOMAIN §4): leak and
 * damage go to engineering, dirt to cleaning, unauthorised occupation to
 * security.  The deadline is counted in working days (pd-calendar) from the
 * day found, per department (settings patrol.deadline_*_days).  An anomaly
 * stays open, collecting follow-ups, until it is closed with a result. */
#pragma once

#include "pd-context.h"

G_BEGIN_DECLS

typedef struct
{
  gint64  id;
  char   *notice_no;    /* KZ2026-0001 */
  gint64  unit_id;
  char   *unit_code;    /* filled by reads */
  gint64  patrol_id;    /* 0 when not found on a recorded patrol */
  char   *kind;         /* leak | damage | occupation | dirty | other */
  char   *item;         /* checklist item marked on the patrol, or "" */
  char   *description;  /* what was found (may be "" when item is set) */
  char   *department;   /* engineering | cleaning | security; "" = by kind */
  char   *found_on;     /* "" = today */
  char   *deadline;     /* "" = by the department's working days */
  char   *state;        /* open | closed */
  char   *closed_on;
  char   *outcome;      /* fixed | not_fixed | no_action */
  char   *result;
  char   *reported_by;
  int     age_days;     /* days from found_on to today (or closed_on) */
  gboolean overdue;     /* open after its deadline */
} PdAnomaly;

typedef struct
{
  gint64  id;
  char   *at;
  char   *user_name;
  char   *note;
} PdAnomalyFollowUp;

PdAnomaly  *pd_anomaly_new                (void);
void        pd_anomaly_free               (PdAnomaly *anomaly);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdAnomaly, pd_anomaly_free)
void        pd_anomaly_follow_up_free     (PdAnomalyFollowUp *follow_up);

gboolean    pd_anomaly_kind_is_valid      (const char *kind);
const char *pd_anomaly_kind_label         (const char *kind);
const char *pd_anomaly_department_for_kind (const char *kind);
const char *pd_department_label           (const char *department);
const char *pd_anomaly_outcome_label      (const char *outcome);
const char *pd_anomaly_state_label        (const char *state);
/* The kinds in report order, NULL-terminated. */
const char *const *pd_anomaly_kinds       (void);

/* "Checklist item: description" in the reader's language, for lists
 * and printed notices (the item's label is translated when shown, not
 * stored, so the record reads right in any language). */
char       *pd_anomaly_describe           (const PdAnomaly *anomaly);

/* The deadline of a notice to @department for an anomaly found on @found_on. */
char       *pd_anomaly_deadline_for       (PdContext  *ctx,
                                           const char *department,
                                           const char *found_on);

/* Validates and stores a new anomaly, filling department, deadline,
 * found_on and notice_no when empty.  Composes into an open transaction
 * (pd_patrol_record uses it).  Returns the id or -1. */
gint64      pd_anomaly_report             (PdContext  *ctx,
                                           PdAnomaly  *anomaly,
                                           GError    **error);
gboolean    pd_anomaly_add_follow_up      (PdContext  *ctx,
                                           gint64      anomaly_id,
                                           const char *note,
                                           GError    **error);
/* Closes an open anomaly with @outcome and a written @result. */
gboolean    pd_anomaly_close              (PdContext  *ctx,
                                           gint64      anomaly_id,
                                           const char *outcome,
                                           const char *result,
                                           GError    **error);
PdAnomaly  *pd_anomaly_get                (PdContext  *ctx,
                                           gint64      anomaly_id,
                                           GError    **error);
/* Open anomalies of the current estate, oldest first (by age), or all of
 * them, newest first.  Element type PdAnomaly. */
GPtrArray  *pd_anomaly_list               (PdContext  *ctx,
                                           gboolean    open_only,
                                           GError    **error);
GPtrArray  *pd_anomaly_list_for_patrol    (PdContext  *ctx,
                                           gint64      patrol_id,
                                           GError    **error);
/* Element type PdAnomalyFollowUp, oldest first. */
GPtrArray  *pd_anomaly_list_follow_ups    (PdContext  *ctx,
                                           gint64      anomaly_id,
                                           GError    **error);

G_END_DECLS
