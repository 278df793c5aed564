/* pd-survey-stats.h — the survey statistics (客户意见征询调查统计表, DOMAIN §6),
 * computed by aggregate SQL so that a month of 100,000 answers takes a few
 * tens of milliseconds.
 *
 * Definitions (every figure is exact; rates are fractions 0..1):
 * - A response belongs to the period its date (answered_on) falls in.
 * - Valid answers of an item: the scores 5..1 given for it; blanks (0 or
 *   nothing keyed) are not valid answers and are counted separately.
 * - Item satisfaction rate = (很满意 + 满意) ÷ valid answers of the item.
 * - Item average score = sum of scores ÷ valid answers of the item.
 * - Overall satisfaction rate = all 很满意 + 满意 answers of all items ÷ all
 *   valid answers of all items (pooled; 总体满意度 is an item like any other).
 * - Items of different template versions with the same title are the same
 *   item; they are listed in the order of the newest version that has them.
 * - Target units of a period: the targets of the campaigns whose period
 *   overlaps it, and of campaigns with responses dated in it.  Coverage =
 *   responses dated in the period ÷ those target units (a unit asked by
 *   two campaigns counts twice, once per campaign).
 * - A rate whose divisor is zero (no valid answer, no target unit) is not a
 *   number: the field holds NAN and pd_survey_rate_is_defined() is FALSE.
 *   Reports show it as "—", never as 0 %. */
#pragma once

#include "pd-context.h"

G_BEGIN_DECLS

typedef struct
{
  char  *title;
  gint64 counts[6];   /* counts[s]: answers with score s (5 = 很满意 … 1 = 很不满意);
                       * counts[0]: forms that asked the item but got no answer */
  gint64 valid;       /* counts[1] + … + counts[5] */
  gint64 satisfied;   /* counts[5] + counts[4] */
  gint64 score_sum;
  double rate;        /* satisfied ÷ valid, NAN when valid = 0 */
  double average;     /* score_sum ÷ valid, NAN when valid = 0 */
} PdSurveyItemStats;

typedef struct
{
  char  *building_code;
  gint64 targets;
  gint64 responses;
  gint64 valid;
  gint64 satisfied;
  double coverage;    /* responses ÷ targets */
  double rate;        /* satisfied ÷ valid */
} PdSurveyBuildingStats;

typedef struct
{
  char      *from;          /* first day, inclusive */
  char      *to;            /* first day after the period */
  gint64     targets;
  gint64     responses;
  gint64     valid;
  gint64     satisfied;
  gint64     score_sum;
  gint64     opinions;      /* responses with an opinion */
  double     coverage;
  double     rate;          /* overall (pooled) satisfaction rate */
  double     average;
  int        coverage_goal_pct;      /* strictest goal of the period's campaigns,
                                      * the settings when there is none */
  int        satisfaction_goal_pct;
  GPtrArray *items;         /* PdSurveyItemStats, in questionnaire order */
  GPtrArray *buildings;     /* PdSurveyBuildingStats, natural building order */
} PdSurveyStats;

void           pd_survey_stats_free     (PdSurveyStats *stats);
void           pd_survey_item_stats_free     (PdSurveyItemStats     *item);
void           pd_survey_building_stats_free (PdSurveyBuildingStats *building);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdSurveyStats, pd_survey_stats_free)

/* part ÷ whole, NAN when whole is 0. */
double         pd_survey_rate           (gint64 part,
                                         gint64 whole);
gboolean       pd_survey_rate_is_defined (double rate);
/* "95.24%" or "—". */
char          *pd_survey_rate_format    (double rate);

/* Statistics of the responses dated in [@from, @to) (ISO days), restricted
 * to campaign @campaign_id unless 0.  With a campaign, @from/@to may be NULL
 * for the whole campaign. */
PdSurveyStats *pd_survey_stats_compute  (PdContext  *ctx,
                                         gint64      campaign_id,
                                         const char *from,
                                         const char *to,
                                         GError    **error);
/* The month "YYYY-MM". */
PdSurveyStats *pd_survey_stats_month    (PdContext  *ctx,
                                         const char *month,
                                         GError    **error);
/* Month-by-month summary (items and buildings left empty) of the @n_months
 * months ending with @month, oldest first.  Element type PdSurveyStats. */
GPtrArray     *pd_survey_stats_trend    (PdContext  *ctx,
                                         const char *month,
                                         int         n_months,
                                         GError    **error);
/* "YYYY-MM" shifted by @months (negative = earlier); NULL if @month is not
 * of that form. */
char          *pd_survey_month_shift    (const char *month,
                                         int         months);

G_END_DECLS
