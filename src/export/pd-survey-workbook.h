/* pd-survey-workbook.h — the monthly statistics workbook
 * 客户意见征询调查统计表 (DOMAIN §6): summary (coverage and overall
 * satisfaction against the goals, the same month last year), the per-item
 * table, the per-building table, the month-by-month trend, the charts
 * (satisfaction per item, monthly trend) and the opinions with the state of
 * their follow-ups.
 *
 * A response counts in the month its date (answered_on) falls in; see
 * pd-survey-stats.h for every definition.  Every figure is the core's
 * (pd_survey_stats_*), written as a number — rates as fractions with a
 * percentage format.  A rate that cannot be computed (no valid answer, no
 * target unit) is written as the text "—" in the tables and left blank in
 * the trend, so the trend chart shows a gap instead of a false 0 %. */
#pragma once

#include "pd-context.h"

G_BEGIN_DECLS

/* Writes the workbook of @month ("YYYY-MM") to @path. */
gboolean pd_survey_workbook_write (PdContext  *ctx,
                                   const char *month,
                                   const char *path,
                                   GError    **error);

G_END_DECLS
