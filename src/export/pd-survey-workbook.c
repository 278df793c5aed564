/* pd-survey-workbook.c — see pd-survey-workbook.h.
 *
 * The sheet names, column headings and status words of this workbook are
 * fixed Chinese, not gettext strings: 客户意见征询调查统计表 is the office's
 * Chinese report form, and its sheet and column names are its interface —
 * the people and the macros that read it find the same names whatever the
 * locale the export ran under (issue 6: "sheet and column names in
 * Chinese"). */
#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "pd-estate.h"
#include "pd-export-log.h"
#include "pd-survey-followup.h"
#include "pd-survey-stats.h"
#include "pd-survey-workbook.h"
#include "pd-xlsx.h"

#define TREND_MONTHS 12

static const char sheet_summary[] = "汇总";
static const char sheet_items[] = "分项统计";
static const char sheet_buildings[] = "分楼栋统计";
static const char sheet_trend[] = "月度趋势";
static const char sheet_opinions[] = "意见跟进";

/* The stage an opinion is at, and the stages' short names, as the report
 * names them (PdFollowupStage order). */
static const char *const stage_names[] = { "待送达责任部门", "待书面整改措施", "待整改", "待回访", "已关闭" };
static const char *const stage_short_names[] = { "送达", "书面措施", "整改", "回访" };

typedef struct
{
  PdXlsxBook *book;
  lxw_format *rate;     /* 0.00%: 94.96 % must not read as 95.0 % */
  lxw_format *average;  /* 0.00 */
  lxw_format *title;
  lxw_format *note;
  lxw_error   first_error;
} Writer;

static void
note (Writer   *w,
      lxw_error error)
{
  if (error != LXW_NO_ERROR && w->first_error == LXW_NO_ERROR)
    w->first_error = error;
}

static void
write_rate (Writer        *w,
            lxw_worksheet *sheet,
            guint          row,
            guint          col,
            double         rate)
{
  if (pd_survey_rate_is_defined (rate))
    note (w, worksheet_write_number (sheet, row, col, rate, w->rate));
  else
    pd_xlsx_write_text (w->book, sheet, row, col, "—");
}

static void
write_average (Writer        *w,
               lxw_worksheet *sheet,
               guint          row,
               guint          col,
               double         average)
{
  if (pd_survey_rate_is_defined (average))
    note (w, worksheet_write_number (sheet, row, col, average, w->average));
  else
    pd_xlsx_write_text (w->book, sheet, row, col, "—");
}

static const char *
goal_met (double rate,
          int    goal_pct)
{
  if (!pd_survey_rate_is_defined (rate))
    return "—";
  return rate * 100.0 >= goal_pct ? "达标" : "未达标";
}

/* One line of the summary: its label, this month's and last year's value. */
static void
summary_counts (Writer        *w,
                lxw_worksheet *sheet,
                guint          row,
                const char    *label,
                gint64         now,
                gint64         last)
{
  pd_xlsx_write_text (w->book, sheet, row, 0, label);
  pd_xlsx_write_integer (w->book, sheet, row, 1, now);
  if (last >= 0)
    pd_xlsx_write_integer (w->book, sheet, row, 2, last);
}

/* A rate line, with its goal (goal_pct < 0: none) and whether it is met. */
static void
summary_rate (Writer        *w,
              lxw_worksheet *sheet,
              guint          row,
              const char    *label,
              double         now,
              double         last,
              int            goal_pct)
{
  pd_xlsx_write_text (w->book, sheet, row, 0, label);
  write_rate (w, sheet, row, 1, now);
  write_rate (w, sheet, row, 2, last);
  if (goal_pct < 0)
    return;
  note (w, worksheet_write_number (sheet, row, 3, goal_pct / 100.0, w->rate));
  pd_xlsx_write_text (w->book, sheet, row, 4, goal_met (now, goal_pct));
}

static void
write_summary (Writer              *w,
               const char          *estate,
               const char          *month,
               const char          *last_month,
               const PdSurveyStats *now,
               const PdSurveyStats *last,
               guint                closed,
               guint                late)
{
  static const PdXlsxColumn columns[] = {
    { "项目", 26, PD_XLSX_TEXT },
    { "本月", 14, PD_XLSX_INTEGER },
    { "去年同期", 14, PD_XLSX_INTEGER },
    { "目标", 10, PD_XLSX_INTEGER },
    { "达标情况", 10, PD_XLSX_TEXT },
  };
  static const char *const notes[] = {
    "口径说明：",
    "1. 按问卷的填写日期计入月份；未填日期的问卷按录入日计，超出调查期的计入调查期内最近一天。",
    "2. 分项满意率 =（很满意 + 满意）÷ 该项有效答案数；未作答（空白或 0）不计入有效答案。",
    "3. 总体满意率 = 各项“很满意 + 满意”答案合计 ÷ 各项有效答案合计；“总体满意度”作为单独一项统计。",
    "4. 调查面 = 本月回收问卷数 ÷ 本月所涉调查计划的调查户数（调查期与本月重叠或本月有回收问卷的计划）。",
    "5. “—”表示没有有效答案或没有调查户数，无法计算比率（不是 0%）。",
  };
  lxw_worksheet *sheet = pd_xlsx_add_table_sheet (w->book, sheet_summary, columns, G_N_ELEMENTS (columns));
  guint row = 1;

  pd_xlsx_write_text (w->book, sheet, row, 0, "统计月份");
  pd_xlsx_write_text (w->book, sheet, row, 1, month);
  pd_xlsx_write_text (w->book, sheet, row++, 2, last_month);
  pd_xlsx_write_text (w->book, sheet, row, 0, "小区");
  pd_xlsx_write_text (w->book, sheet, row++, 1, estate);
  summary_counts (w, sheet, row++, "调查户数", now->targets, last->targets);
  summary_counts (w, sheet, row++, "回收问卷（份）", now->responses, last->responses);
  summary_rate (w, sheet, row++, "调查面", now->coverage, last->coverage, now->coverage_goal_pct);
  summary_counts (w, sheet, row++, "有效答案（个）", now->valid, last->valid);
  summary_counts (w, sheet, row++, "满意答案（很满意＋满意）", now->satisfied, last->satisfied);
  summary_rate (w, sheet, row++, "总体满意率", now->rate, last->rate, now->satisfaction_goal_pct);
  pd_xlsx_write_text (w->book, sheet, row, 0, "平均分（5 分制）");
  write_average (w, sheet, row, 1, now->average);
  write_average (w, sheet, row++, 2, last->average);
  summary_counts (w, sheet, row++, "意见和建议（条）", now->opinions, last->opinions);
  summary_counts (w, sheet, row++, "其中已回访关闭（条）", closed, -1);
  summary_counts (w, sheet, row++, "其中有逾期环节（条）", late, -1);

  row++;
  for (guint i = 0; i < G_N_ELEMENTS (notes); i++)
    note (w, worksheet_write_string (sheet, row++, 0, notes[i], w->note));
}

static double
last_year_rate (const PdSurveyStats *last,
                const char          *title)
{
  for (guint i = 0; i < last->items->len; i++)
    {
      const PdSurveyItemStats *item = last->items->pdata[i];
      if (g_str_equal (item->title, title))
        return item->rate;
    }
  return NAN;
}

/* A chart of rates: titled, 0–100 % axis, placed below a table. */
static void
place_rate_chart (Writer        *w,
                  lxw_worksheet *sheet,
                  lxw_chart     *chart,
                  const char    *title,
                  guint          row,
                  guint          col)
{
  lxw_chart_options options = { .x_offset = 10, .y_offset = 10, .x_scale = 1.8, .y_scale = 1.2 };

  chart_title_set_name (chart, title);
  chart_axis_set_num_format (chart->y_axis, "0%");
  chart_axis_set_min (chart->y_axis, 0);
  chart_axis_set_max (chart->y_axis, 1);
  note (w, worksheet_insert_chart_opt (sheet, row, col, chart, &options));
}

static void
add_column_chart (Writer        *w,
                  lxw_worksheet *sheet,
                  guint          n_items)
{
  lxw_chart *chart = workbook_add_chart (pd_xlsx_book_get_workbook (w->book), LXW_CHART_COLUMN);
  lxw_chart_series *series = chart_add_series (chart, NULL, NULL);

  chart_series_set_categories (series, sheet_items, 1, 1, n_items, 1);
  chart_series_set_values (series, sheet_items, 1, 10, n_items, 10);
  chart_series_set_name (series, "满意率");
  chart_legend_set_position (chart, LXW_CHART_LEGEND_NONE);
  place_rate_chart (w, sheet, chart, "各项满意率", n_items + 3, 1);
}

static void
write_items (Writer              *w,
             const PdSurveyStats *now,
             const PdSurveyStats *last)
{
  static const PdXlsxColumn columns[] = {
    { "序号", 6, PD_XLSX_INTEGER },
    { "调查项目", 20, PD_XLSX_TEXT },
    { "很满意", 8, PD_XLSX_INTEGER },
    { "满意", 8, PD_XLSX_INTEGER },
    { "一般", 8, PD_XLSX_INTEGER },
    { "不满意", 8, PD_XLSX_INTEGER },
    { "很不满意", 9, PD_XLSX_INTEGER },
    { "未作答", 8, PD_XLSX_INTEGER },
    { "有效答案", 9, PD_XLSX_INTEGER },
    { "满意答案", 9, PD_XLSX_INTEGER },
    { "满意率", 10, PD_XLSX_TEXT },
    { "平均分", 8, PD_XLSX_TEXT },
    { "去年同期满意率", 14, PD_XLSX_TEXT },
  };
  lxw_worksheet *sheet = pd_xlsx_add_table_sheet (w->book, sheet_items, columns, G_N_ELEMENTS (columns));
  gint64 totals[6] = { 0 };
  guint row = 1;

  for (guint i = 0; i < now->items->len; i++, row++)
    {
      const PdSurveyItemStats *item = now->items->pdata[i];

      pd_xlsx_write_integer (w->book, sheet, row, 0, i + 1);
      pd_xlsx_write_text (w->book, sheet, row, 1, item->title);
      for (int score = 5; score >= 1; score--)
        pd_xlsx_write_integer (w->book, sheet, row, 2 + 5 - score, item->counts[score]);
      pd_xlsx_write_integer (w->book, sheet, row, 7, item->counts[0]);
      pd_xlsx_write_integer (w->book, sheet, row, 8, item->valid);
      pd_xlsx_write_integer (w->book, sheet, row, 9, item->satisfied);
      write_rate (w, sheet, row, 10, item->rate);
      write_average (w, sheet, row, 11, item->average);
      write_rate (w, sheet, row, 12, last_year_rate (last, item->title));
      for (int s = 0; s <= 5; s++)
        totals[s] += item->counts[s];
    }
  pd_xlsx_finish_table (w->book, sheet, row - 1, G_N_ELEMENTS (columns));
  /* The pooled total: the overall satisfaction rate of the summary. */
  pd_xlsx_write_text (w->book, sheet, row, 1, "合计（总体）");
  for (int score = 5; score >= 1; score--)
    pd_xlsx_write_integer (w->book, sheet, row, 2 + 5 - score, totals[score]);
  pd_xlsx_write_integer (w->book, sheet, row, 7, totals[0]);
  pd_xlsx_write_integer (w->book, sheet, row, 8, now->valid);
  pd_xlsx_write_integer (w->book, sheet, row, 9, now->satisfied);
  write_rate (w, sheet, row, 10, now->rate);
  write_average (w, sheet, row, 11, now->average);
  write_rate (w, sheet, row, 12, last->rate);
  if (now->items->len > 0)
    add_column_chart (w, sheet, now->items->len);
}

static void
write_buildings (Writer              *w,
                 const PdSurveyStats *now)
{
  static const PdXlsxColumn columns[] = {
    { "楼栋", 8, PD_XLSX_TEXT },
    { "调查户数", 10, PD_XLSX_INTEGER },
    { "回收问卷", 10, PD_XLSX_INTEGER },
    { "调查面", 10, PD_XLSX_TEXT },
    { "有效答案", 10, PD_XLSX_INTEGER },
    { "满意答案", 10, PD_XLSX_INTEGER },
    { "满意率", 10, PD_XLSX_TEXT },
  };
  lxw_worksheet *sheet = pd_xlsx_add_table_sheet (w->book, sheet_buildings, columns, G_N_ELEMENTS (columns));
  guint row = 1;

  for (guint i = 0; i < now->buildings->len; i++, row++)
    {
      const PdSurveyBuildingStats *b = now->buildings->pdata[i];
      g_autofree char *name = g_strdup_printf ("%s栋", b->building_code);

      pd_xlsx_write_text (w->book, sheet, row, 0, name);
      pd_xlsx_write_integer (w->book, sheet, row, 1, b->targets);
      pd_xlsx_write_integer (w->book, sheet, row, 2, b->responses);
      write_rate (w, sheet, row, 3, b->coverage);
      pd_xlsx_write_integer (w->book, sheet, row, 4, b->valid);
      pd_xlsx_write_integer (w->book, sheet, row, 5, b->satisfied);
      write_rate (w, sheet, row, 6, b->rate);
    }
  pd_xlsx_finish_table (w->book, sheet, row - 1, G_N_ELEMENTS (columns));
  pd_xlsx_write_text (w->book, sheet, row, 0, "合计");
  pd_xlsx_write_integer (w->book, sheet, row, 1, now->targets);
  pd_xlsx_write_integer (w->book, sheet, row, 2, now->responses);
  write_rate (w, sheet, row, 3, now->coverage);
  pd_xlsx_write_integer (w->book, sheet, row, 4, now->valid);
  pd_xlsx_write_integer (w->book, sheet, row, 5, now->satisfied);
  write_rate (w, sheet, row, 6, now->rate);
}

static void
write_trend (Writer    *w,
             GPtrArray *trend)
{
  static const PdXlsxColumn columns[] = {
    { "月份", 10, PD_XLSX_TEXT },
    { "调查户数", 10, PD_XLSX_INTEGER },
    { "回收问卷", 10, PD_XLSX_INTEGER },
    { "调查面", 10, PD_XLSX_TEXT },
    { "有效答案", 10, PD_XLSX_INTEGER },
    { "满意答案", 10, PD_XLSX_INTEGER },
    { "满意率", 10, PD_XLSX_TEXT },
    { "平均分", 10, PD_XLSX_TEXT },
  };
  lxw_worksheet *sheet = pd_xlsx_add_table_sheet (w->book, sheet_trend, columns, G_N_ELEMENTS (columns));
  lxw_chart *chart = workbook_add_chart (pd_xlsx_book_get_workbook (w->book), LXW_CHART_LINE);
  guint n = trend->len;

  for (guint i = 0; i < n; i++)
    {
      const PdSurveyStats *m = trend->pdata[i];
      g_autofree char *month = g_strndup (m->from, 7);
      guint row = i + 1;

      pd_xlsx_write_text (w->book, sheet, row, 0, month);
      pd_xlsx_write_integer (w->book, sheet, row, 1, m->targets);
      pd_xlsx_write_integer (w->book, sheet, row, 2, m->responses);
      pd_xlsx_write_integer (w->book, sheet, row, 4, m->valid);
      pd_xlsx_write_integer (w->book, sheet, row, 5, m->satisfied);
      /* Blank, not "—": a chart plots text as 0 but leaves a gap for a blank. */
      if (pd_survey_rate_is_defined (m->coverage))
        note (w, worksheet_write_number (sheet, row, 3, m->coverage, w->rate));
      if (pd_survey_rate_is_defined (m->rate))
        note (w, worksheet_write_number (sheet, row, 6, m->rate, w->rate));
      if (pd_survey_rate_is_defined (m->average))
        note (w, worksheet_write_number (sheet, row, 7, m->average, w->average));
    }
  pd_xlsx_finish_table (w->book, sheet, n, G_N_ELEMENTS (columns));

  for (guint s = 0; s < 2; s++)
    {
      lxw_chart_series *series = chart_add_series (chart, NULL, NULL);
      guint col = s == 0 ? 6 : 3;

      chart_series_set_categories (series, sheet_trend, 1, 0, n, 0);
      chart_series_set_values (series, sheet_trend, 1, col, n, col);
      chart_series_set_name (series, s == 0 ? "满意率" : "调查面");
      chart_series_set_marker_type (series, LXW_CHART_MARKER_CIRCLE);
    }
  chart_show_blanks_as (chart, LXW_CHART_BLANKS_AS_GAP);
  place_rate_chart (w, sheet, chart, "月度满意率与调查面趋势", n + 3, 0);
}

/* A follow-up's due days and late stages, worked out once (with one
 * reading of the clock) for both the summary's count and the sheet. */
typedef struct
{
  char  *due[PD_FOLLOWUP_N_STAGES];
  guint  late;   /* bit s: stage s is late */
} Deadlines;

static Deadlines *
deadlines_new (PdContext *ctx,
               GPtrArray *followups)
{
  g_autofree char *today = pd_context_today (ctx);
  Deadlines *deadlines = g_new0 (Deadlines, followups->len);

  for (guint i = 0; i < followups->len; i++)
    for (guint s = 0; s < PD_FOLLOWUP_N_STAGES; s++)
      {
        deadlines[i].due[s] = pd_survey_followup_due (ctx, followups->pdata[i], s);
        if (pd_survey_followup_is_late_by (followups->pdata[i], s, deadlines[i].due[s], today))
          deadlines[i].late |= 1u << s;
      }
  return deadlines;
}

static void
deadlines_free (Deadlines *deadlines,
                guint      n)
{
  for (guint i = 0; i < n; i++)
    for (guint s = 0; s < PD_FOLLOWUP_N_STAGES; s++)
      g_free (deadlines[i].due[s]);
  g_free (deadlines);
}

static void
write_opinions (Writer          *w,
                GPtrArray       *followups,
                const Deadlines *deadlines)
{
  static const PdXlsxColumn columns[] = {
    { "序号", 6, PD_XLSX_INTEGER },
    { "房号", 10, PD_XLSX_TEXT },
    { "调查计划", 18, PD_XLSX_TEXT },
    { "收到日期", 11, PD_XLSX_DATE },
    { "意见和建议", 36, PD_XLSX_TEXT },
    { "责任部门", 10, PD_XLSX_TEXT },
    { "送达日期", 11, PD_XLSX_DATE },
    { "送达时限", 11, PD_XLSX_DATE },
    { "整改措施", 28, PD_XLSX_TEXT },
    { "措施日期", 11, PD_XLSX_DATE },
    { "措施时限", 11, PD_XLSX_DATE },
    { "整改完成日期", 12, PD_XLSX_DATE },
    { "回访结果", 20, PD_XLSX_TEXT },
    { "回访日期", 11, PD_XLSX_DATE },
    { "回访时限", 11, PD_XLSX_DATE },
    { "当前环节", 14, PD_XLSX_TEXT },
    { "逾期环节", 24, PD_XLSX_TEXT },
  };
  /* The due-date column of each stage, or 0 for the rectification (no limit). */
  static const guint due_columns[] = { 7, 10, 0, 14 };
  static const guint done_columns[] = { 6, 9, 11, 13 };
  static const guint text_columns[] = { 5, 8, 0, 12 };
  lxw_worksheet *sheet = pd_xlsx_add_table_sheet (w->book, sheet_opinions, columns, G_N_ELEMENTS (columns));

  for (guint i = 0; i < followups->len; i++)
    {
      const PdSurveyFollowup *f = followups->pdata[i];
      PdFollowupStage stage = pd_survey_followup_stage (f);
      g_autoptr (GString) late_stages = g_string_new (NULL);
      guint row = i + 1;

      pd_xlsx_write_integer (w->book, sheet, row, 0, i + 1);
      pd_xlsx_write_text (w->book, sheet, row, 1, f->unit_code);
      pd_xlsx_write_text (w->book, sheet, row, 2, f->campaign_name);
      pd_xlsx_write_date (w->book, sheet, row, 3, f->received_on);
      pd_xlsx_write_text (w->book, sheet, row, 4, f->opinion);
      for (guint s = 0; s < PD_FOLLOWUP_N_STAGES; s++)
        {
          if (text_columns[s])
            pd_xlsx_write_text (w->book, sheet, row, text_columns[s], f->text[s]);
          pd_xlsx_write_date (w->book, sheet, row, done_columns[s], f->done_on[s]);
          if (due_columns[s])
            pd_xlsx_write_date (w->book, sheet, row, due_columns[s], deadlines[i].due[s]);
          if (deadlines[i].late & (1u << s))
            g_string_append_printf (late_stages, "%s%s", late_stages->len ? "、" : "", stage_short_names[s]);
        }
      pd_xlsx_write_text (w->book, sheet, row, 15, stage_names[stage]);
      pd_xlsx_write_text (w->book, sheet, row, 16, late_stages->str);
    }
  pd_xlsx_finish_table (w->book, sheet, followups->len, G_N_ELEMENTS (columns));
}

static gboolean
write_workbook (PdContext  *ctx,
                const char *month,
                const char *path,
                gint64     *rows,
                GError    **error)
{
  g_autoptr (PdSurveyStats) now = NULL;
  g_autoptr (PdSurveyStats) last = NULL;
  g_autoptr (GPtrArray) trend = NULL;
  g_autoptr (GPtrArray) followups = NULL;
  g_autofree char *last_month = NULL;
  g_autofree char *estate = NULL;
  g_autofree char *title = NULL;
  Writer w = { 0 };
  lxw_workbook *workbook;
  Deadlines *deadlines;
  guint closed, late;

  now = pd_survey_stats_month (ctx, month, error);
  if (now == NULL)
    return FALSE;
  last_month = pd_survey_month_shift (month, -12);
  last = pd_survey_stats_month (ctx, last_month, error);
  trend = last ? pd_survey_stats_trend (ctx, month, TREND_MONTHS, error) : NULL;
  followups = trend ? pd_survey_followup_list (ctx, 0, now->from, now->to, error) : NULL;
  if (followups == NULL)
    return FALSE;
  estate = pd_estate_get_name (ctx, pd_estate_current_id (ctx, NULL));

  title = g_strdup_printf ("客户意见征询调查统计表 %s", month);
  w.book = pd_xlsx_book_new (path, title);
  workbook = pd_xlsx_book_get_workbook (w.book);
  w.rate = workbook_add_format (workbook);
  format_set_num_format (w.rate, "0.00%");
  format_set_font_name (w.rate, "等线");
  w.average = workbook_add_format (workbook);
  format_set_num_format (w.average, "0.00");
  format_set_font_name (w.average, "等线");
  w.note = workbook_add_format (workbook);
  format_set_font_name (w.note, "等线");
  format_set_font_color (w.note, 0x595959);

  deadlines = deadlines_new (ctx, followups);
  closed = late = 0;
  for (guint i = 0; i < followups->len; i++)
    {
      closed += pd_survey_followup_stage (followups->pdata[i]) == PD_FOLLOWUP_CLOSED;
      late += deadlines[i].late != 0;
    }
  write_summary (&w, estate ? estate : "", month, last_month, now, last, closed, late);
  write_items (&w, now, last);
  write_buildings (&w, now);
  write_trend (&w, trend);
  write_opinions (&w, followups, deadlines);
  deadlines_free (deadlines, followups->len);
  if (w.first_error != LXW_NO_ERROR)
    {
      g_set_error (error, PD_EXPORT_ERROR, PD_EXPORT_ERROR_WRITE, _("Cannot write “%s”: %s"), path,
                   lxw_strerror (w.first_error));
      pd_xlsx_book_discard (w.book);
      return FALSE;
    }
  if (!pd_xlsx_book_close (w.book, error))
    return FALSE;
  *rows = followups->len;
  return TRUE;
}

gboolean
pd_survey_workbook_write (PdContext  *ctx,
                          const char *month,
                          const char *path,
                          GError    **error)
{
  PdDatabase *database;
  g_autofree char *what = NULL;
  gint64 rows = 0;

  g_return_val_if_fail (PD_IS_CONTEXT (ctx), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  database = pd_context_get_database (ctx);
  /* Every sheet is read in one transaction: one snapshot of the data, and
   * inside it the settings are read from the cache (pd-settings.c), not
   * once per due date of every follow-up. */
  if (!pd_database_begin (database, error))
    return FALSE;
  if (!write_workbook (ctx, month, path, &rows, error))
    {
      pd_database_rollback (database);
      return FALSE;
    }
  /* Ended before the log is written: a read transaction that went on to
   * write could fail if another connection wrote meanwhile. */
  if (!pd_database_commit (database, error))
    return FALSE;
  /* Opinions are tied to units: the export is logged like any other. */
  what = g_strdup_printf ("survey statistics %s", month);
  return pd_export_log_add (ctx, what, rows, FALSE, path, error);
}
