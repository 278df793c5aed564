/* pd-survey-stats.c — see pd-survey-stats.h. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "pd-calendar.h"
#include "pd-error.h"
#include "pd-settings.h"
#include "pd-survey-stats.h"
#include "pd-survey-template.h"

/* Every query takes ?1 campaign id (0 = all), ?2 first day, ?3 day after the
 * period.  Unbounded periods are bound as PD_DATE_BEFORE_ALL and
 * PD_DATE_AFTER_ALL rather than NULL so that SQLite can use the answered_on
 * index for the range.
 *
 * The forms' figures summed per day and campaign (forms, opinions, valid and
 * satisfied answers, score sums) come from survey_day_total, the targets
 * counted per campaign and building from survey_building_target_total
 * (both 035-survey-day-totals.sql), a building's forms from the same
 * figures per day, campaign and building in survey_building_day_total
 * (039), and the per-item counts from survey_item_day_total, the answers
 * counted per day, campaign, item and score (033).  All are kept by
 * triggers (issue 8). */
#define PERIOD_DAYS \
  "d.answered_on >= ?2 AND d.answered_on < ?3 AND (?1 = 0 OR d.campaign_id = ?1)"
/* The period's campaigns: those it overlaps and those with forms in it. */
#define PERIOD_CAMPAIGNS \
  "WITH camp (id) AS (SELECT id FROM survey_campaign WHERE (?1 = 0 OR id = ?1) " \
  "AND start_on < ?3 AND end_on >= ?2 UNION " \
  "SELECT d.campaign_id FROM survey_day_total d WHERE " PERIOD_DAYS ") "

/* The per-item answers from survey_item_day_total (033-survey-item-totals.sql,
 * kept by triggers): a month is a few thousand rows of its primary key. */
static const char sql_item_scores[] =
  "SELECT d.item_id, d.score, sum(d.answers) FROM survey_item_day_total d WHERE " PERIOD_DAYS
  " GROUP BY d.item_id, d.score";
/* How many forms asked each item (the items of their campaign's template):
 * the forms counted per campaign, then spread over its template's items. */
static const char sql_item_asked[] =
  "SELECT i.id, sum(n.forms) FROM (SELECT d.campaign_id, sum(d.forms) AS forms "
  "FROM survey_day_total d WHERE " PERIOD_DAYS " GROUP BY d.campaign_id) n "
  "JOIN survey_campaign c ON c.id = n.campaign_id "
  "JOIN survey_item i ON i.template_id = c.template_id GROUP BY i.id";
/* Items of the period's campaigns, so an empty period still lists them. */
static const char sql_campaign_items[] =
  PERIOD_CAMPAIGNS
  "SELECT i.id FROM camp JOIN survey_campaign c ON c.id = camp.id "
  "JOIN survey_item i ON i.template_id = c.template_id";
static const char sql_building_targets[] =
  PERIOD_CAMPAIGNS
  "SELECT b.code, sum(n.targets) FROM camp JOIN survey_building_target_total n ON n.campaign_id = camp.id "
  "JOIN building b ON b.id = n.building_id GROUP BY b.id";
/* A building's forms summed over the period's days (039): a few rows per
 * building, none of the forms' units looked up. */
static const char sql_building_forms[] =
  "SELECT b.code, sum(d.forms), sum(d.opinions), sum(d.valid), sum(d.satisfied) "
  "FROM survey_building_day_total d JOIN building b ON b.id = d.building_id "
  "WHERE " PERIOD_DAYS " GROUP BY d.building_id";
static const char sql_goals[] =
  PERIOD_CAMPAIGNS
  "SELECT max(c.coverage_goal_pct), max(c.satisfaction_goal_pct), count(*) "
  "FROM camp JOIN survey_campaign c ON c.id = camp.id";
static const char sql_targets[] =
  PERIOD_CAMPAIGNS
  "SELECT coalesce (sum (n.targets), 0) FROM camp "
  "JOIN survey_building_target_total n ON n.campaign_id = camp.id";
/* The trend's year of forms, summed per day: the order of the primary key,
 * so SQLite aggregates while walking it without sorting; the days are
 * summed into months in C. */
static const char sql_day_totals[] =
  "SELECT d.answered_on, sum(d.forms), sum(d.opinions), sum(d.valid), sum(d.satisfied), sum(d.score_sum) "
  "FROM survey_day_total d WHERE " PERIOD_DAYS " GROUP BY d.answered_on";

double
pd_survey_rate (gint64 part,
                gint64 whole)
{
  return whole == 0 ? NAN : (double) part / (double) whole;
}

gboolean
pd_survey_rate_is_defined (double rate)
{
  return !isnan (rate);
}

char *
pd_survey_rate_format (double rate)
{
  if (isnan (rate))
    return g_strdup ("—");
  return g_strdup_printf ("%.2f%%", rate * 100.0);
}

void
pd_survey_item_stats_free (PdSurveyItemStats *item)
{
  if (item == NULL)
    return;
  g_free (item->title);
  g_free (item);
}

void
pd_survey_building_stats_free (PdSurveyBuildingStats *building)
{
  if (building == NULL)
    return;
  g_free (building->building_code);
  g_free (building);
}

void
pd_survey_stats_free (PdSurveyStats *stats)
{
  if (stats == NULL)
    return;
  g_free (stats->from);
  g_free (stats->to);
  g_clear_pointer (&stats->items, g_ptr_array_unref);
  g_clear_pointer (&stats->buildings, g_ptr_array_unref);
  g_free (stats);
}

static PdSurveyStats *
stats_new (const char *from,
           const char *to)
{
  PdSurveyStats *stats = g_new0 (PdSurveyStats, 1);

  stats->from = g_strdup (from);
  stats->to = g_strdup (to);
  stats->items = g_ptr_array_new_with_free_func ((GDestroyNotify) pd_survey_item_stats_free);
  stats->buildings = g_ptr_array_new_with_free_func ((GDestroyNotify) pd_survey_building_stats_free);
  return stats;
}

static sqlite3_stmt *
prepare_period (PdDatabase *database,
                const char *sql,
                gint64      campaign_id,
                const char *from,
                const char *to,
                GError    **error)
{
  sqlite3_stmt *stmt = pd_database_prepare (database, sql, error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  pd_bind_text (stmt, 2, from);
  pd_bind_text (stmt, 3, to);
  return stmt;
}

/* An item of one template version. */
typedef struct
{
  char *title;
  int   position;
  int   version;
} ItemInfo;

static void
item_info_free (gpointer data)
{
  ItemInfo *info = data;

  g_free (info->title);
  g_free (info);
}

/* Items are listed in the order of the newest template version used in the
 * period that has them; @user_data maps a title to that version's ItemInfo. */
static int
compare_items (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  GHashTable *places = user_data;
  const PdSurveyItemStats *ia = *(PdSurveyItemStats * const *) a;
  const PdSurveyItemStats *ib = *(PdSurveyItemStats * const *) b;
  const ItemInfo *pa = g_hash_table_lookup (places, ia->title);
  const ItemInfo *pb = g_hash_table_lookup (places, ib->title);

  if (pa->position != pb->position)
    return pa->position < pb->position ? -1 : 1;
  return strcmp (ia->title, ib->title);
}

/* item id → ItemInfo, for all versions (a small table). */
static gboolean
load_items (PdDatabase  *database,
            GHashTable  *by_id,
            GError     **error)
{
  sqlite3_stmt *stmt = pd_database_prepare (database,
    "SELECT i.id, i.title, i.position, t.version FROM survey_item i "
    "JOIN survey_template t ON t.id = i.template_id", error);

  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 *id = g_new (gint64, 1);
      ItemInfo *info = g_new0 (ItemInfo, 1);

      *id = sqlite3_column_int64 (stmt, 0);
      info->title = pd_column_dup (stmt, 1);
      info->position = sqlite3_column_int (stmt, 2);
      info->version = sqlite3_column_int (stmt, 3);
      g_hash_table_insert (by_id, id, info);
    }
  sqlite3_reset (stmt);
  return TRUE;
}

typedef struct
{
  GHashTable *info_by_id;     /* item id → ItemInfo (owned) */
  GHashTable *stats_by_title; /* title → PdSurveyItemStats */
  GHashTable *place_by_title; /* title → ItemInfo of the newest version seen */
} ItemTables;

static PdSurveyItemStats *
item_for (ItemTables *tables,
          gint64      item_id)
{
  ItemInfo *info = g_hash_table_lookup (tables->info_by_id, &item_id);
  ItemInfo *place;
  PdSurveyItemStats *item;

  g_assert (info != NULL);
  item = g_hash_table_lookup (tables->stats_by_title, info->title);
  if (item == NULL)
    {
      item = g_new0 (PdSurveyItemStats, 1);
      item->title = g_strdup (info->title);
      g_hash_table_insert (tables->stats_by_title, item->title, item);
    }
  place = g_hash_table_lookup (tables->place_by_title, info->title);
  if (place == NULL || info->version > place->version)
    g_hash_table_insert (tables->place_by_title, info->title, info);
  return item;
}

static gboolean
compute_items (PdDatabase    *database,
               PdSurveyStats *stats,
               gint64         campaign_id,
               const char    *from,
               const char    *to,
               GError       **error)
{
  g_autoptr (GHashTable) info_by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, item_info_free);
  g_autoptr (GHashTable) items = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) places = g_hash_table_new (g_str_hash, g_str_equal);
  ItemTables tables = { info_by_id, items, places };
  gint64 asked = 0;
  sqlite3_stmt *stmt;
  GHashTableIter iter;
  gpointer value;

  if (!load_items (database, info_by_id, error))
    return FALSE;

  stmt = prepare_period (database, sql_item_asked, campaign_id, from, to, error);
  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      PdSurveyItemStats *item = item_for (&tables, sqlite3_column_int64 (stmt, 0));
      gint64 n = sqlite3_column_int64 (stmt, 1);
      item->counts[0] += n;   /* blanks = asked − valid, finished below */
      asked += n;
    }
  sqlite3_reset (stmt);

  stmt = prepare_period (database, sql_item_scores, campaign_id, from, to, error);
  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      PdSurveyItemStats *item = item_for (&tables, sqlite3_column_int64 (stmt, 0));
      int score = sqlite3_column_int (stmt, 1);
      gint64 n = sqlite3_column_int64 (stmt, 2);

      g_assert (score >= 1 && score <= PD_SURVEY_SCALE_POINTS);
      item->counts[score] += n;
    }
  sqlite3_reset (stmt);

  /* A period without forms still lists the questions of its campaigns, or
   * of the current questionnaire when it has no campaign either. */
  if (asked == 0)
    {
      stmt = prepare_period (database, sql_campaign_items, campaign_id, from, to, error);
      if (stmt == NULL)
        return FALSE;
      while (sqlite3_step (stmt) == SQLITE_ROW)
        item_for (&tables, sqlite3_column_int64 (stmt, 0));
      sqlite3_reset (stmt);
      if (g_hash_table_size (items) == 0)
        {
          stmt = pd_database_prepare (database,
            "SELECT i.id FROM survey_item i WHERE i.template_id = "
            "(SELECT id FROM survey_template ORDER BY version DESC LIMIT 1)", error);
          if (stmt == NULL)
            return FALSE;
          while (sqlite3_step (stmt) == SQLITE_ROW)
            item_for (&tables, sqlite3_column_int64 (stmt, 0));
          sqlite3_reset (stmt);
        }
    }

  g_hash_table_iter_init (&iter, items);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      PdSurveyItemStats *item = value;

      for (int score = 1; score <= PD_SURVEY_SCALE_POINTS; score++)
        {
          item->valid += item->counts[score];
          item->score_sum += score * item->counts[score];
        }
      item->counts[0] -= item->valid;
      item->satisfied = item->counts[5] + item->counts[4];
      item->rate = pd_survey_rate (item->satisfied, item->valid);
      item->average = pd_survey_rate (item->score_sum, item->valid);
      stats->valid += item->valid;
      stats->satisfied += item->satisfied;
      stats->score_sum += item->score_sum;
      g_ptr_array_add (stats->items, item);
    }
  g_ptr_array_sort_with_data (stats->items, compare_items, places);
  return TRUE;
}

static int
compare_buildings (gconstpointer a,
                   gconstpointer b)
{
  const PdSurveyBuildingStats *ba = *(PdSurveyBuildingStats * const *) a;
  const PdSurveyBuildingStats *bb = *(PdSurveyBuildingStats * const *) b;
  gint64 na = g_ascii_strtoll (ba->building_code, NULL, 10);
  gint64 nb = g_ascii_strtoll (bb->building_code, NULL, 10);

  if (na != nb)
    return na < nb ? -1 : 1;
  return strcmp (ba->building_code, bb->building_code);
}

static PdSurveyBuildingStats *
building_for (GHashTable *buildings,
              const char *code)
{
  PdSurveyBuildingStats *building = g_hash_table_lookup (buildings, code);

  if (building == NULL)
    {
      building = g_new0 (PdSurveyBuildingStats, 1);
      building->building_code = g_strdup (code);
      g_hash_table_insert (buildings, building->building_code, building);
    }
  return building;
}

static gboolean
compute_buildings (PdDatabase    *database,
                   PdSurveyStats *stats,
                   gint64         campaign_id,
                   const char    *from,
                   const char    *to,
                   GError       **error)
{
  g_autoptr (GHashTable) buildings = g_hash_table_new (g_str_hash, g_str_equal);
  const char *const queries[] = { sql_building_targets, sql_building_forms };
  GHashTableIter iter;
  gpointer value;

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      sqlite3_stmt *stmt = prepare_period (database, queries[q], campaign_id, from, to, error);

      if (stmt == NULL)
        return FALSE;
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          PdSurveyBuildingStats *building = building_for (buildings, pd_column_text (stmt, 0));

          if (q == 0)
            {
              building->targets = sqlite3_column_int64 (stmt, 1);
              continue;
            }
          building->responses = sqlite3_column_int64 (stmt, 1);
          stats->opinions += sqlite3_column_int64 (stmt, 2);
          building->valid = sqlite3_column_int64 (stmt, 3);
          building->satisfied = sqlite3_column_int64 (stmt, 4);
        }
      sqlite3_reset (stmt);
    }

  g_hash_table_iter_init (&iter, buildings);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      PdSurveyBuildingStats *building = value;

      building->coverage = pd_survey_rate (building->responses, building->targets);
      building->rate = pd_survey_rate (building->satisfied, building->valid);
      stats->targets += building->targets;
      stats->responses += building->responses;
      g_ptr_array_add (stats->buildings, building);
    }
  g_ptr_array_sort (stats->buildings, compare_buildings);
  return TRUE;
}

static gboolean
compute_goals (PdContext     *ctx,
               PdSurveyStats *stats,
               gint64         campaign_id,
               const char    *from,
               const char    *to,
               GError       **error)
{
  sqlite3_stmt *stmt = prepare_period (pd_context_get_database (ctx), sql_goals, campaign_id, from, to, error);
  gboolean any;

  if (stmt == NULL)
    return FALSE;
  any = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int64 (stmt, 2) > 0;
  stats->coverage_goal_pct = any ? sqlite3_column_int (stmt, 0)
                                 : (int) pd_settings_get_int (ctx, "survey.coverage_goal_pct", 95);
  stats->satisfaction_goal_pct = any ? sqlite3_column_int (stmt, 1)
                                     : (int) pd_settings_get_int (ctx, "survey.satisfaction_goal_pct", 95);
  sqlite3_reset (stmt);
  return TRUE;
}

PdSurveyStats *
pd_survey_stats_compute (PdContext  *ctx,
                         gint64      campaign_id,
                         const char *from,
                         const char *to,
                         GError    **error)
{
  PdDatabase *database;
  g_autoptr (PdSurveyStats) stats = NULL;

  g_return_val_if_fail (PD_IS_CONTEXT (ctx), NULL);
  g_return_val_if_fail (campaign_id > 0 || (from != NULL && to != NULL), NULL);

  database = pd_context_get_database (ctx);
  stats = stats_new (from ? from : PD_DATE_BEFORE_ALL, to ? to : PD_DATE_AFTER_ALL);
  if (!compute_items (database, stats, campaign_id, stats->from, stats->to, error) ||
      !compute_buildings (database, stats, campaign_id, stats->from, stats->to, error) ||
      !compute_goals (ctx, stats, campaign_id, stats->from, stats->to, error))
    return NULL;
  stats->coverage = pd_survey_rate (stats->responses, stats->targets);
  stats->rate = pd_survey_rate (stats->satisfied, stats->valid);
  stats->average = pd_survey_rate (stats->score_sum, stats->valid);
  return g_steal_pointer (&stats);
}

static gboolean
parse_month (const char *month,
             int        *year,
             int        *number)
{
  char tail;

  return month != NULL && sscanf (month, "%4d-%2d%c", year, number, &tail) == 2 && strlen (month) == 7 &&
         *year >= 1900 && *year <= 9998 && *number >= 1 && *number <= 12;
}

char *
pd_survey_month_shift (const char *month,
                       int         months)
{
  int year, number, index;

  if (!parse_month (month, &year, &number))
    return NULL;
  index = year * 12 + (number - 1) + months;
  return g_strdup_printf ("%04d-%02d", index / 12, index % 12 + 1);
}

PdSurveyStats *
pd_survey_stats_month (PdContext  *ctx,
                       const char *month,
                       GError    **error)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (!pd_month_range (month, &from, &to, error))
    return NULL;
  return pd_survey_stats_compute (ctx, 0, from, to, error);
}

/* Months since year 0 of an ISO day or month, -1 if it is not one. */
static int
month_index (const char *day)
{
  int year, number;
  char month[8];

  if (day == NULL || strlen (day) < 7)
    return -1;
  memcpy (month, day, 7);
  month[7] = '\0';
  if (!parse_month (month, &year, &number))
    return -1;
  return year * 12 + number - 1;
}

GPtrArray *
pd_survey_stats_trend (PdContext  *ctx,
                       const char *month,
                       int         n_months,
                       GError    **error)
{
  PdDatabase *database;
  g_autoptr (GPtrArray) trend = g_ptr_array_new_with_free_func ((GDestroyNotify) pd_survey_stats_free);
  g_autofree char *first = NULL;
  g_autofree char *month_from = NULL, *range_from = NULL, *range_to = NULL;
  sqlite3_stmt *stmt;
  int first_index;

  g_return_val_if_fail (PD_IS_CONTEXT (ctx), NULL);
  g_return_val_if_fail (n_months > 0, NULL);

  database = pd_context_get_database (ctx);
  if (!pd_month_range (month, &month_from, &range_to, error))
    return NULL;
  first = pd_survey_month_shift (month, -(n_months - 1));
  range_from = g_strconcat (first, "-01", NULL);
  first_index = month_index (first);

  for (int i = 0; i < n_months; i++)
    {
      g_autofree char *m = pd_survey_month_shift (first, i);
      g_autofree char *from = NULL, *to = NULL;
      PdSurveyStats *stats;

      pd_month_range (m, &from, &to, NULL);
      stats = stats_new (from, to);
      g_ptr_array_add (trend, stats);
      stmt = prepare_period (database, sql_targets, 0, from, to, error);
      if (stmt == NULL)
        return NULL;
      if (sqlite3_step (stmt) == SQLITE_ROW)
        stats->targets = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      if (!compute_goals (ctx, stats, 0, from, to, error))
        return NULL;
    }

  stmt = prepare_period (database, sql_day_totals, 0, range_from, range_to, error);
  if (stmt == NULL)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      int i = month_index (pd_column_text (stmt, 0)) - first_index;
      PdSurveyStats *stats;

      /* The range holds only days of these months; a malformed date (not
       * an ISO day) belongs to none of them. */
      if (i < 0 || i >= n_months)
        continue;
      stats = trend->pdata[i];
      stats->responses += sqlite3_column_int64 (stmt, 1);
      stats->opinions += sqlite3_column_int64 (stmt, 2);
      stats->valid += sqlite3_column_int64 (stmt, 3);
      stats->satisfied += sqlite3_column_int64 (stmt, 4);
      stats->score_sum += sqlite3_column_int64 (stmt, 5);
    }
  sqlite3_reset (stmt);
  for (guint i = 0; i < trend->len; i++)
    {
      PdSurveyStats *stats = trend->pdata[i];
      stats->coverage = pd_survey_rate (stats->responses, stats->targets);
      stats->rate = pd_survey_rate (stats->satisfied, stats->valid);
      stats->average = pd_survey_rate (stats->score_sum, stats->valid);
    }
  return g_steal_pointer (&trend);
}
