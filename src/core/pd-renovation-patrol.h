/* pd-renovation-patrol.h — patrols of renovating units (装修巡查, DOMAIN §3)
 * and the violations they find: penalty schedule A–H (settings
 * renovation.penalty_X_fen) deducted from the deposit, the escalation
 * ladder (L2093), stop-work, and the "not patrolled today" list. */
#pragma once

#include "pd-renovation.h"

G_BEGIN_DECLS

typedef struct
{
  gint64  id;
  gint64  renovation_id;
  char   *at;            /* "YYYY-MM-DD HH:MM"; "" = now */
  char   *inspector;
  char   *result;        /* ok | violation */
  char   *note;
  char   *photo_ref;     /* file name or number of the photo */
  char   *action;        /* ladder step when a violation was found, else "" */
  /* filled by reads */
  char   *unit_code;
  char   *violation_code;
} PdRenovationPatrol;

PdRenovationPatrol *pd_renovation_patrol_new  (void);
void                pd_renovation_patrol_free (PdRenovationPatrol *patrol);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdRenovationPatrol, pd_renovation_patrol_free)

typedef struct
{
  gint64    id;
  gint64    renovation_id;
  gint64    patrol_id;
  char     *on_date;
  char     *code;          /* A … H */
  char     *description;
  char     *ladder_step;   /* "" = the next step for this renovation */
  gint64    penalty_fen;   /* from the schedule */
  gint64    deducted_fen;  /* what the deposit covered */
  gint64    worker_id;     /* 0 = the crew */
  gboolean  stop_work;     /* also stop the works (implied by ladder step stop_work) */
  char     *rectify_by;
  char     *rectified_on;
  /* filled by reads */
  char     *unit_code;
  char     *serial;
  char     *worker_name;
} PdRenovationViolation;

PdRenovationViolation *pd_renovation_violation_new  (void);
void                   pd_renovation_violation_free (PdRenovationViolation *violation);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdRenovationViolation, pd_renovation_violation_free)

/* The penalty schedule A–H and the escalation ladder, in order. */
const PdRenovationChoice *pd_renovation_penalty_codes (guint *n);
const PdRenovationChoice *pd_renovation_ladder_steps  (guint *n);
const char *pd_renovation_penalty_label (const char *code);
const char *pd_renovation_ladder_label  (const char *step);
/* The schedule's amount for @code, from the settings; -1 for an unknown code. */
gint64      pd_renovation_penalty_fen   (PdContext  *ctx,
                                         const char *code);
/* The step after the highest one taken so far on this renovation. */
const char *pd_renovation_next_ladder_step (PdContext *ctx,
                                            gint64     renovation_id);

/* Records a patrol of a renovation on site.  With @violation (result
 * "violation"), in the same transaction: the violation with the schedule's
 * penalty, the deduction from the deposit, the worker's pass revoked for
 * theft (G) or when workers are barred, and stop-work when the ladder step
 * says so.  Returns the patrol id, -1 on error. */
gint64     pd_renovation_patrol_add (PdContext             *ctx,
                                     PdRenovationPatrol    *patrol,
                                     PdRenovationViolation *violation,
                                     GError               **error);
gboolean   pd_renovation_violation_rectified (PdContext  *ctx,
                                              gint64      violation_id,
                                              GError    **error);
PdRenovationViolation *pd_renovation_violation_get (PdContext *ctx,
                                                    gint64     violation_id,
                                                    GError   **error);
/* Patrols of one renovation (0: all), newest first.  Element type PdRenovationPatrol. */
GPtrArray *pd_renovation_patrol_list    (PdContext  *ctx,
                                         gint64      renovation_id,
                                         GError    **error);
/* Violations of one renovation (0: all), newest first. */
GPtrArray *pd_renovation_violation_list (PdContext  *ctx,
                                         gint64      renovation_id,
                                         GError    **error);

typedef struct
{
  gint64  renovation_id;
  char   *unit_code;
  char   *serial;
  char   *state;
  int     done;       /* patrols recorded today */
  int     expected;   /* renovation.patrols_per_day */
} PdPatrolDue;

void       pd_patrol_due_free (PdPatrolDue *due);
/* Renovations on site (works running, stopped or awaiting acceptance) in
 * the current estate; with @missing_only those patrolled fewer than the
 * expected times today.  Ordered by unit code.  Element type PdPatrolDue. */
GPtrArray *pd_renovation_patrols_today (PdContext  *ctx,
                                        gboolean    missing_only,
                                        GError    **error);

G_END_DECLS
