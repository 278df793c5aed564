/* pd-renovation-report.h — a month of renovation work in figures (DOMAIN
 * §8: renovations started and accepted, reviews answered within the limit)
 * for the monthly export. */
#pragma once

#include "pd-context.h"

G_BEGIN_DECLS

typedef struct
{
  gint64 applications;       /* new applications (drafts created) */
  gint64 submissions;        /* submissions, resubmissions included */
  gint64 reviews_answered;   /* replies to the applicant: approved, returned, rejected */
  gint64 reviews_on_time;    /* … on or before their due day */
  gint64 approvals;
  gint64 returned;
  gint64 rejections;
  gint64 permits;
  gint64 works_started;
  gint64 stop_works;
  gint64 violations;
  gint64 penalties_fen;      /* by the schedule */
  gint64 deducted_fen;       /* taken from deposits */
  gint64 deposits_fen;       /* deposits received */
  gint64 topups;
  gint64 topups_fen;
  gint64 acceptances;
  gint64 refunds;
  gint64 refunds_fen;
} PdRenovationMonth;

/* Figures of the current estate for the days @first ≤ day < @next
 * ("YYYY-MM-DD"). */
gboolean pd_renovation_month_figures (PdContext         *ctx,
                                      const char        *first,
                                      const char        *next,
                                      PdRenovationMonth *month,
                                      GError           **error);

G_END_DECLS
