/* pd-kpi.h — the figures the office reports monthly (DOMAIN §8), for one
 * month beside the month before and the same month a year earlier.
 *
 * Every figure comes from its feature's own statistics, so the KPI report
 * and the feature's workbook can never disagree:
 *   handovers, defects closed on time   pd-handover-report.h
 *   renovations started / accepted,
 *   reviews answered within the limit,
 *   violations and deductions           pd-renovation-report.h
 *   vacant-unit patrols done ÷ due,
 *   open anomalies and their age        pd-patrol-stats.h (met ÷ counted;
 *                                       anomalies open at the month's end)
 *   release slips issued                pd-release-register.h (every slip
 *                                       issued in the month, void ones too)
 *   survey coverage and satisfaction    pd-survey-stats.h
 *
 * Rates are fractions 0..1; a rate with nothing to divide by is NAN and is
 * shown as "—", never as 0 %.  Money is in fen. */
#pragma once

#include "pd-context.h"

G_BEGIN_DECLS

typedef enum
{
  PD_KPI_THIS_MONTH,
  PD_KPI_PREVIOUS_MONTH,
  PD_KPI_LAST_YEAR,
  PD_KPI_N_PERIODS
} PdKpiPeriod;

typedef struct
{
  char   month[8];                /* YYYY-MM */
  gint64 handovers;
  gint64 defects_closed;
  gint64 defects_closed_on_time;
  gint64 renovations_started;
  gint64 renovations_accepted;
  gint64 reviews_answered;
  gint64 reviews_on_time;
  gint64 violations;
  gint64 deducted_fen;
  gint64 patrols_due;             /* obligations counted (PdPatrolStats.counted) */
  gint64 patrols_done;            /* … met by a patrol in their period */
  gint64 open_anomalies;          /* open at the month's last day (today in the current month) */
  gint64 oldest_anomaly_days;
  gint64 release_slips;
  gint64 survey_targets;
  gint64 survey_responses;
  double survey_coverage;
  double survey_satisfaction;
} PdKpiMonth;

typedef struct
{
  char       *estate_name;
  int         review_days;        /* the reply limit in force (renovation.review_working_days) */
  int         coverage_goal_pct;  /* survey goals of the report month */
  int         satisfaction_goal_pct;
  PdKpiMonth  periods[PD_KPI_N_PERIODS];
} PdKpiReport;

void         pd_kpi_report_free (PdKpiReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdKpiReport, pd_kpi_report_free)

/* The report of @month ("YYYY-MM"; refused naming the field "month"
 * otherwise) for the current estate. */
PdKpiReport *pd_kpi_report_new  (PdContext   *ctx,
                                 const char  *month,
                                 GError     **error);

/* The report's lines, in the order the workbook and the printed page show
 * them: the same list for both, so they cannot drift apart. */
typedef enum
{
  PD_KPI_COUNT,
  PD_KPI_RATE,
  PD_KPI_MONEY,
} PdKpiKind;

typedef enum
{
  PD_KPI_HANDOVERS,
  PD_KPI_DEFECTS_CLOSED,
  PD_KPI_DEFECTS_ON_TIME,
  PD_KPI_DEFECTS_RATE,
  PD_KPI_RENOVATIONS_STARTED,
  PD_KPI_RENOVATIONS_ACCEPTED,
  PD_KPI_REVIEWS_ANSWERED,
  PD_KPI_REVIEWS_ON_TIME,
  PD_KPI_REVIEWS_RATE,
  PD_KPI_VIOLATIONS,
  PD_KPI_DEDUCTIONS,
  PD_KPI_PATROLS_DUE,
  PD_KPI_PATROLS_DONE,
  PD_KPI_PATROLS_RATE,
  PD_KPI_OPEN_ANOMALIES,
  PD_KPI_OLDEST_ANOMALY,
  PD_KPI_RELEASE_SLIPS,
  PD_KPI_SURVEY_TARGETS,
  PD_KPI_SURVEY_RESPONSES,
  PD_KPI_SURVEY_COVERAGE,
  PD_KPI_SURVEY_SATISFACTION,
  PD_KPI_N_LINES
} PdKpiLine;

PdKpiKind    pd_kpi_line_kind    (PdKpiLine          line);
/* The section a line belongs to (translated): 入住交房, 装修管理 … */
const char  *pd_kpi_line_section (PdKpiLine          line);
/* The line's label (translated), e.g. "3个工作日内答复". */
char        *pd_kpi_line_label   (const PdKpiReport *report,
                                  PdKpiLine          line);
/* A count, a rate (0..1, NAN when undefined) or an amount in fen. */
double       pd_kpi_value        (const PdKpiMonth  *month,
                                  PdKpiLine          line);
/* As printed: "12", "95.24%" or "—", "1234.00". */
char        *pd_kpi_value_format (const PdKpiMonth  *month,
                                  PdKpiLine          line);
/* "本月", "上月", "去年同月" (translated). */
const char  *pd_kpi_period_label (PdKpiPeriod        period);
/* A column title: "本月（2026-10）". */
char        *pd_kpi_period_title (const PdKpiReport *report,
                                  PdKpiPeriod        period);

G_END_DECLS
