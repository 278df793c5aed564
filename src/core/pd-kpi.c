/* pd-kpi.c — see pd-kpi.h. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "pd-calendar.h"
#include "pd-error.h"
#include "pd-estate.h"
#include "pd-handover-report.h"
#include "pd-kpi.h"
#include "pd-patrol-stats.h"
#include "pd-release-register.h"
#include "pd-renovation-report.h"
#include "pd-settings.h"
#include "pd-survey-stats.h"

void
pd_kpi_report_free (PdKpiReport *report)
{
  if (report == NULL)
    return;
  g_free (report->estate_name);
  g_free (report);
}

static gboolean
handover_figures (PdContext  *ctx,
                  const char *first,
                  const char *next,
                  PdKpiMonth *out,
                  GError    **error)
{
  PdHandoverMonth month;

  if (!pd_handover_month_figures (ctx, first, next, &month, error))
    return FALSE;
  out->handovers = month.handovers;
  out->defects_closed = month.defects_closed;
  out->defects_closed_on_time = month.defects_closed_on_time;
  return TRUE;
}

static gboolean
renovation_figures (PdContext  *ctx,
                    const char *first,
                    const char *next,
                    PdKpiMonth *out,
                    GError    **error)
{
  PdRenovationMonth month;

  if (!pd_renovation_month_figures (ctx, first, next, &month, error))
    return FALSE;
  out->renovations_started = month.works_started;
  out->renovations_accepted = month.acceptances;
  out->reviews_answered = month.reviews_answered;
  out->reviews_on_time = month.reviews_on_time;
  out->violations = month.violations;
  out->deducted_fen = month.deducted_fen;
  return TRUE;
}

static gboolean
patrol_figures (PdContext  *ctx,
                PdKpiMonth *out,
                GError    **error)
{
  g_autoptr (PdPatrolStats) stats = pd_patrol_stats_month (ctx, out->month, error);

  if (stats == NULL)
    return FALSE;
  out->patrols_due = stats->counted;
  out->patrols_done = stats->met;
  out->open_anomalies = stats->open_anomalies;
  out->oldest_anomaly_days = stats->oldest_open_days;
  return TRUE;
}

static gboolean
release_figures (PdContext  *ctx,
                 const char *first,
                 const char *next,
                 PdKpiMonth *out,
                 GError    **error)
{
  /* The register's "to" is the last day, inclusive. */
  g_autofree char *last = pd_date_add_days (next, -1);
  PdReleaseFilter filter = PD_RELEASE_FILTER_INIT;
  g_autoptr (GPtrArray) slips = NULL;

  filter.from = first;
  filter.to = last;
  slips = pd_release_register_list (ctx, &filter, error);
  if (slips == NULL)
    return FALSE;
  out->release_slips = slips->len;
  return TRUE;
}

static PdSurveyStats *
survey_figures (PdContext  *ctx,
                PdKpiMonth *out,
                GError    **error)
{
  PdSurveyStats *stats = pd_survey_stats_month (ctx, out->month, error);

  if (stats == NULL)
    return NULL;
  out->survey_targets = stats->targets;
  out->survey_responses = stats->responses;
  out->survey_coverage = stats->coverage;
  out->survey_satisfaction = stats->rate;
  return stats;
}

static gboolean
month_figures (PdContext   *ctx,
               PdKpiReport *report,
               PdKpiPeriod  period,
               GError     **error)
{
  PdKpiMonth *out = &report->periods[period];
  g_autofree char *next_month = pd_survey_month_shift (out->month, 1);
  g_autofree char *first = g_strconcat (out->month, "-01", NULL);
  g_autofree char *next = g_strconcat (next_month, "-01", NULL);
  g_autoptr (PdSurveyStats) survey = NULL;

  if (!handover_figures (ctx, first, next, out, error) ||
      !renovation_figures (ctx, first, next, out, error) ||
      !patrol_figures (ctx, out, error) ||
      !release_figures (ctx, first, next, out, error))
    return FALSE;
  survey = survey_figures (ctx, out, error);
  if (survey == NULL)
    return FALSE;
  if (period == PD_KPI_THIS_MONTH)
    {
      report->coverage_goal_pct = survey->coverage_goal_pct;
      report->satisfaction_goal_pct = survey->satisfaction_goal_pct;
    }
  return TRUE;
}

PdKpiReport *
pd_kpi_report_new (PdContext   *ctx,
                   const char  *month,
                   GError     **error)
{
  static const int shifts[PD_KPI_N_PERIODS] = { 0, -1, -12 };
  g_autoptr (PdKpiReport) report = NULL;
  g_autofree char *canonical = NULL;
  gint64 estate_id;

  g_return_val_if_fail (PD_IS_CONTEXT (ctx), NULL);

  /* Shifting by nothing both checks the form and rejects "2026-13". */
  canonical = pd_survey_month_shift (month, 0);
  if (canonical == NULL || !g_str_equal (canonical, month))
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_INVALID, "month",
                          _("Month: “%s” is not a month of the form YYYY-MM."), month ? month : "");
      return NULL;
    }
  estate_id = pd_estate_current_id (ctx, error);
  if (estate_id < 0)
    return NULL;

  report = g_new0 (PdKpiReport, 1);
  report->estate_name = pd_estate_get_name (ctx, estate_id);
  report->review_days = (int) pd_settings_get_int (ctx, "renovation.review_working_days", 3);
  for (int p = 0; p < PD_KPI_N_PERIODS; p++)
    {
      g_autofree char *shifted = pd_survey_month_shift (month, shifts[p]);

      g_strlcpy (report->periods[p].month, shifted, sizeof report->periods[p].month);
      if (!month_figures (ctx, report, p, error))
        return NULL;
    }
  return g_steal_pointer (&report);
}

/* ---- the lines ---------------------------------------------------------- */

static const struct
{
  PdKpiKind   kind;
  int         section;
  const char *label;
} lines[PD_KPI_N_LINES] = {
  [PD_KPI_HANDOVERS] = { PD_KPI_COUNT, 0, NC_("kpi", "Handovers") },
  [PD_KPI_DEFECTS_CLOSED] = { PD_KPI_COUNT, 0, NC_("kpi", "Handover defects closed") },
  [PD_KPI_DEFECTS_ON_TIME] = { PD_KPI_COUNT, 0, NC_("kpi", "… of them within the deadline") },
  [PD_KPI_DEFECTS_RATE] = { PD_KPI_RATE, 0, NC_("kpi", "Defects closed on time") },
  [PD_KPI_RENOVATIONS_STARTED] = { PD_KPI_COUNT, 1, NC_("kpi", "Renovations started") },
  [PD_KPI_RENOVATIONS_ACCEPTED] = { PD_KPI_COUNT, 1, NC_("kpi", "Renovations accepted") },
  [PD_KPI_REVIEWS_ANSWERED] = { PD_KPI_COUNT, 1, NC_("kpi", "Reviews answered") },
  /* The label of this line is built with the limit in force, see below. */
  [PD_KPI_REVIEWS_ON_TIME] = { PD_KPI_COUNT, 1, NULL },
  [PD_KPI_REVIEWS_RATE] = { PD_KPI_RATE, 1, NC_("kpi", "Reviews answered on time") },
  [PD_KPI_VIOLATIONS] = { PD_KPI_COUNT, 1, NC_("kpi", "Violations") },
  [PD_KPI_DEDUCTIONS] = { PD_KPI_MONEY, 1, NC_("kpi", "Deducted from deposits (yuan)") },
  [PD_KPI_PATROLS_DUE] = { PD_KPI_COUNT, 2, NC_("kpi", "Vacant-unit patrols due") },
  [PD_KPI_PATROLS_DONE] = { PD_KPI_COUNT, 2, NC_("kpi", "… done as scheduled") },
  [PD_KPI_PATROLS_RATE] = { PD_KPI_RATE, 2, NC_("kpi", "Patrols done ÷ due") },
  [PD_KPI_OPEN_ANOMALIES] = { PD_KPI_COUNT, 2, NC_("kpi", "Anomalies open at the month's end") },
  [PD_KPI_OLDEST_ANOMALY] = { PD_KPI_COUNT, 2, NC_("kpi", "Oldest open anomaly (days)") },
  [PD_KPI_RELEASE_SLIPS] = { PD_KPI_COUNT, 3, NC_("kpi", "Release slips issued") },
  [PD_KPI_SURVEY_TARGETS] = { PD_KPI_COUNT, 4, NC_("kpi", "Survey target units") },
  [PD_KPI_SURVEY_RESPONSES] = { PD_KPI_COUNT, 4, NC_("kpi", "Questionnaires returned") },
  [PD_KPI_SURVEY_COVERAGE] = { PD_KPI_RATE, 4, NC_("kpi", "Survey coverage") },
  [PD_KPI_SURVEY_SATISFACTION] = { PD_KPI_RATE, 4, NC_("kpi", "Satisfaction") },
};

PdKpiKind
pd_kpi_line_kind (PdKpiLine line)
{
  g_return_val_if_fail (line < PD_KPI_N_LINES, PD_KPI_COUNT);
  return lines[line].kind;
}

const char *
pd_kpi_line_section (PdKpiLine line)
{
  static const char *const sections[] = {
    NC_("kpi", "Handover"), NC_("kpi", "Renovation"), NC_("kpi", "Vacant units"),
    NC_("kpi", "Release slips"), NC_("kpi", "Satisfaction survey"),
  };

  g_return_val_if_fail (line < PD_KPI_N_LINES, "");
  return g_dpgettext2 (GETTEXT_PACKAGE, "kpi", sections[lines[line].section]);
}

char *
pd_kpi_line_label (const PdKpiReport *report,
                   PdKpiLine          line)
{
  g_return_val_if_fail (line < PD_KPI_N_LINES, NULL);
  if (line == PD_KPI_REVIEWS_ON_TIME)
    /* Translators: %d is the reply limit in working days (3) */
    return g_strdup_printf (C_("kpi", "… of them within %d working days"), report->review_days);
  return g_strdup (g_dpgettext2 (GETTEXT_PACKAGE, "kpi", lines[line].label));
}

double
pd_kpi_value (const PdKpiMonth *m,
              PdKpiLine         line)
{
  switch (line)
    {
    case PD_KPI_HANDOVERS: return m->handovers;
    case PD_KPI_DEFECTS_CLOSED: return m->defects_closed;
    case PD_KPI_DEFECTS_ON_TIME: return m->defects_closed_on_time;
    case PD_KPI_DEFECTS_RATE: return pd_survey_rate (m->defects_closed_on_time, m->defects_closed);
    case PD_KPI_RENOVATIONS_STARTED: return m->renovations_started;
    case PD_KPI_RENOVATIONS_ACCEPTED: return m->renovations_accepted;
    case PD_KPI_REVIEWS_ANSWERED: return m->reviews_answered;
    case PD_KPI_REVIEWS_ON_TIME: return m->reviews_on_time;
    case PD_KPI_REVIEWS_RATE: return pd_survey_rate (m->reviews_on_time, m->reviews_answered);
    case PD_KPI_VIOLATIONS: return m->violations;
    case PD_KPI_DEDUCTIONS: return m->deducted_fen;
    case PD_KPI_PATROLS_DUE: return m->patrols_due;
    case PD_KPI_PATROLS_DONE: return m->patrols_done;
    case PD_KPI_PATROLS_RATE: return pd_survey_rate (m->patrols_done, m->patrols_due);
    case PD_KPI_OPEN_ANOMALIES: return m->open_anomalies;
    case PD_KPI_OLDEST_ANOMALY: return m->oldest_anomaly_days;
    case PD_KPI_RELEASE_SLIPS: return m->release_slips;
    case PD_KPI_SURVEY_TARGETS: return m->survey_targets;
    case PD_KPI_SURVEY_RESPONSES: return m->survey_responses;
    case PD_KPI_SURVEY_COVERAGE: return m->survey_coverage;
    case PD_KPI_SURVEY_SATISFACTION: return m->survey_satisfaction;
    case PD_KPI_N_LINES:
    default:
      g_return_val_if_reached (NAN);
    }
}

char *
pd_kpi_value_format (const PdKpiMonth *month,
                     PdKpiLine         line)
{
  double value = pd_kpi_value (month, line);

  switch (pd_kpi_line_kind (line))
    {
    case PD_KPI_RATE:
      return pd_survey_rate_format (value);
    case PD_KPI_MONEY:
      return pd_fen_format ((gint64) value);
    case PD_KPI_COUNT:
    default:
      return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) value);
    }
}

const char *
pd_kpi_period_label (PdKpiPeriod period)
{
  switch (period)
    {
    case PD_KPI_THIS_MONTH: return C_("kpi", "This month");
    case PD_KPI_PREVIOUS_MONTH: return C_("kpi", "Previous month");
    case PD_KPI_LAST_YEAR: return C_("kpi", "Same month last year");
    case PD_KPI_N_PERIODS:
    default:
      g_return_val_if_reached ("");
    }
}

char *
pd_kpi_period_title (const PdKpiReport *report,
                     PdKpiPeriod        period)
{
  g_return_val_if_fail (period < PD_KPI_N_PERIODS, NULL);
  /* Translators: a column title, e.g. 本月（2026-10） */
  return g_strdup_printf (C_("kpi", "%s (%s)"), pd_kpi_period_label (period), report->periods[period].month);
}
