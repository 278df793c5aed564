/* pd-handover-report.h — a month of handovers in figures (DOMAIN §8:
 * counts of handovers, handover defects closed within deadline) for the
 * monthly KPI report.
 *
 * A defect is closed on time when the re-inspection that closed it was on
 * or before its deadline — the one in force then: the date agreed with the
 * owner, or the new date a failed re-inspection set (pd-handover-defect.h). */
#pragma once

#include "pd-context.h"

G_BEGIN_DECLS

typedef struct
{
  gint64 handovers;              /* handovers dated in the period (owner came) */
  gint64 handovers_closed;       /* units handed over (closed) in the period */
  gint64 defects_found;          /* defects recorded in the period */
  gint64 defects_closed;         /* defects closed as fixed in the period */
  gint64 defects_closed_on_time; /* … on or before their deadline */
} PdHandoverMonth;

/* Figures of the current estate for the days @first ≤ day < @next
 * ("YYYY-MM-DD"). */
gboolean pd_handover_month_figures (PdContext       *ctx,
                                    const char      *first,
                                    const char      *next,
                                    PdHandoverMonth *month,
                                    GError         **error);

G_END_DECLS
