/* The monthly statistics workbook 客户意见征询调查统计表, read back with
 * python3-openpyxl: it holds exactly the core's numbers, as numbers with
 * percentage formats, under Chinese sheet and column names, with both
 * charts; undefined rates are "—" (blank in the trend); the CLI writes the
 * same; LibreOffice opens it. */
#include "config.h"

#include <math.h>

#include "pd-survey-followup.h"
#include "pd-survey-stats.h"
#include "pd-survey-workbook.h"
#include "pd-test-survey.h"

typedef struct
{
  char *kind;     /* n, s, d */
  char *value;
  char *format;
} Cell;

static void
cell_free (gpointer data)
{
  Cell *cell = data;

  g_free (cell->kind);
  g_free (cell->value);
  g_free (cell->format);
  g_free (cell);
}

typedef struct
{
  GHashTable *cells;    /* "sheet!row!col" → Cell */
  GPtrArray  *charts;   /* "part reference" */
} Dump;

static void
dump_free (Dump *dump)
{
  g_hash_table_unref (dump->cells);
  g_ptr_array_unref (dump->charts);
  g_free (dump);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Dump, dump_free)

/* dump-xlsx.py's lines for the workbook at @path. */
static char *
dump_lines (const char *path)
{
  g_autofree char *script = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "dump-xlsx.py", NULL);
  const char *argv[] = { "/usr/bin/python3", script, path, NULL };
  g_autofree char *err = NULL;
  char *out;
  int status;

  out = pd_test_run (argv, &status, &err);
  if (status != 0)
    g_error ("dump-xlsx.py failed: %s", err);
  return out;
}

static Dump *
dump_workbook (const char *path)
{
  g_autofree char *out = dump_lines (path);
  g_auto (GStrv) lines = NULL;
  Dump *dump = g_new0 (Dump, 1);

  dump->cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, cell_free);
  dump->charts = g_ptr_array_new_with_free_func (g_free);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto (GStrv) f = g_strsplit (lines[i], "\t", -1);
      guint n = g_strv_length (f);

      if (n == 3 && g_str_equal (f[0], "chart"))
        g_ptr_array_add (dump->charts, g_strdup_printf ("%s %s", f[1], f[2]));
      else if (n == 6)
        {
          Cell *cell = g_new0 (Cell, 1);
          cell->kind = g_strdup (f[3]);
          cell->value = g_strdup (f[4]);
          cell->format = g_strdup (f[5]);
          g_hash_table_insert (dump->cells, g_strdup_printf ("%s!%s!%s", f[0], f[1], f[2]), cell);
        }
    }
  return dump;
}

static const Cell *
cell_at (Dump       *dump,
         const char *sheet,
         guint       row,
         guint       col)
{
  g_autofree char *key = g_strdup_printf ("%s!%u!%u", sheet, row, col);
  return g_hash_table_lookup (dump->cells, key);
}

static void
assert_text (Dump       *dump,
             const char *sheet,
             guint       row,
             guint       col,
             const char *text)
{
  const Cell *cell = cell_at (dump, sheet, row, col);

  if (cell == NULL)
    g_error ("%s row %u col %u is empty, expected “%s”", sheet, row, col, text);
  g_assert_cmpstr (cell->kind, ==, "s");
  g_assert_cmpstr (cell->value, ==, text);
}

static void
assert_integer (Dump       *dump,
                const char *sheet,
                guint       row,
                guint       col,
                gint64      value)
{
  const Cell *cell = cell_at (dump, sheet, row, col);

  if (cell == NULL)
    g_error ("%s row %u col %u is empty", sheet, row, col);
  g_assert_cmpstr (cell->kind, ==, "n");
  g_assert_cmpfloat (g_ascii_strtod (cell->value, NULL), ==, (double) value);
}

/* libxlsxwriter writes 16 significant digits: equal to the last digit. */
static void
assert_number (Dump       *dump,
               const char *sheet,
               guint       row,
               guint       col,
               double      value,
               const char *format)
{
  const Cell *cell = cell_at (dump, sheet, row, col);
  double read;

  if (cell == NULL)
    g_error ("%s row %u col %u is empty, expected %.17g", sheet, row, col, value);
  g_assert_cmpstr (cell->kind, ==, "n");
  read = g_ascii_strtod (cell->value, NULL);
  g_assert_cmpfloat_with_epsilon (read, value, 1e-15 * MAX (1.0, fabs (value)));
  if (format != NULL)
    g_assert_cmpstr (cell->format, ==, format);
}

/* A rate as the workbook shows it: a percentage, or "—" when undefined. */
static void
assert_rate (Dump       *dump,
             const char *sheet,
             guint       row,
             guint       col,
             double      rate)
{
  if (pd_survey_rate_is_defined (rate))
    assert_number (dump, sheet, row, col, rate, "0.00%");
  else
    assert_text (dump, sheet, row, col, "—");
}

static void
assert_average (Dump       *dump,
                const char *sheet,
                guint       row,
                guint       col,
                double      average)
{
  if (pd_survey_rate_is_defined (average))
    assert_number (dump, sheet, row, col, average, "0.00");
  else
    assert_text (dump, sheet, row, col, "—");
}

static gboolean
has_chart_ref (Dump       *dump,
               const char *ref)
{
  for (guint i = 0; i < dump->charts->len; i++)
    if (g_str_has_suffix (dump->charts->pdata[i], ref))
      return TRUE;
  return FALSE;
}

static void
check_workbook (PdContext  *ctx,
                const char *month,
                Dump       *dump)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PdSurveyStats) now = pd_survey_stats_month (ctx, month, &error);
  g_autofree char *last_month = pd_survey_month_shift (month, -12);
  g_autoptr (PdSurveyStats) last = pd_survey_stats_month (ctx, last_month, &error);
  g_autoptr (GPtrArray) trend = pd_survey_stats_trend (ctx, month, 12, &error);
  static const char *const item_headings[] = {
    "序号", "调查项目", "很满意", "满意", "一般", "不满意", "很不满意", "未作答", "有效答案", "满意答案",
    "满意率", "平均分", "去年同期满意率",
  };
  guint row;

  g_assert_no_error (error);
  /* 汇总 */
  assert_text (dump, "汇总", 1, 1, "项目");
  assert_text (dump, "汇总", 2, 2, month);
  assert_text (dump, "汇总", 2, 3, last_month);
  assert_text (dump, "汇总", 4, 1, "调查户数");
  assert_integer (dump, "汇总", 4, 2, now->targets);
  assert_integer (dump, "汇总", 4, 3, last->targets);
  assert_text (dump, "汇总", 5, 1, "回收问卷（份）");
  assert_integer (dump, "汇总", 5, 2, now->responses);
  assert_integer (dump, "汇总", 5, 3, last->responses);
  assert_text (dump, "汇总", 6, 1, "调查面");
  assert_rate (dump, "汇总", 6, 2, now->coverage);
  assert_rate (dump, "汇总", 6, 3, last->coverage);
  assert_number (dump, "汇总", 6, 4, now->coverage_goal_pct / 100.0, "0.00%");
  assert_integer (dump, "汇总", 7, 2, now->valid);
  assert_integer (dump, "汇总", 8, 2, now->satisfied);
  assert_text (dump, "汇总", 9, 1, "总体满意率");
  assert_rate (dump, "汇总", 9, 2, now->rate);
  assert_rate (dump, "汇总", 9, 3, last->rate);
  assert_number (dump, "汇总", 9, 4, now->satisfaction_goal_pct / 100.0, "0.00%");
  assert_average (dump, "汇总", 10, 2, now->average);
  assert_integer (dump, "汇总", 11, 2, now->opinions);

  /* 分项统计 */
  for (guint c = 0; c < G_N_ELEMENTS (item_headings); c++)
    assert_text (dump, "分项统计", 1, c + 1, item_headings[c]);
  for (guint i = 0; i < now->items->len; i++)
    {
      const PdSurveyItemStats *item = now->items->pdata[i];
      double last_rate = NAN;

      row = i + 2;
      assert_integer (dump, "分项统计", row, 1, i + 1);
      assert_text (dump, "分项统计", row, 2, item->title);
      for (int score = 5; score >= 1; score--)
        assert_integer (dump, "分项统计", row, 3 + 5 - score, item->counts[score]);
      assert_integer (dump, "分项统计", row, 8, item->counts[0]);
      assert_integer (dump, "分项统计", row, 9, item->valid);
      assert_integer (dump, "分项统计", row, 10, item->satisfied);
      assert_rate (dump, "分项统计", row, 11, item->rate);
      assert_average (dump, "分项统计", row, 12, item->average);
      for (guint j = 0; j < last->items->len; j++)
        if (g_str_equal (((PdSurveyItemStats *) last->items->pdata[j])->title, item->title))
          last_rate = ((PdSurveyItemStats *) last->items->pdata[j])->rate;
      assert_rate (dump, "分项统计", row, 13, last_rate);
    }
  row = now->items->len + 2;
  assert_text (dump, "分项统计", row, 2, "合计（总体）");
  assert_integer (dump, "分项统计", row, 9, now->valid);
  assert_rate (dump, "分项统计", row, 11, now->rate);
  g_assert_null (cell_at (dump, "分项统计", row + 1, 2));

  /* 分楼栋统计 */
  assert_text (dump, "分楼栋统计", 1, 1, "楼栋");
  for (guint i = 0; i < now->buildings->len; i++)
    {
      const PdSurveyBuildingStats *b = now->buildings->pdata[i];
      g_autofree char *name = g_strdup_printf ("%s栋", b->building_code);

      row = i + 2;
      assert_text (dump, "分楼栋统计", row, 1, name);
      assert_integer (dump, "分楼栋统计", row, 2, b->targets);
      assert_integer (dump, "分楼栋统计", row, 3, b->responses);
      assert_rate (dump, "分楼栋统计", row, 4, b->coverage);
      assert_integer (dump, "分楼栋统计", row, 5, b->valid);
      assert_integer (dump, "分楼栋统计", row, 6, b->satisfied);
      assert_rate (dump, "分楼栋统计", row, 7, b->rate);
    }
  assert_text (dump, "分楼栋统计", now->buildings->len + 2, 1, "合计");

  /* 月度趋势: blanks where a rate is undefined. */
  g_assert_cmpuint (trend->len, ==, 12);
  for (guint i = 0; i < trend->len; i++)
    {
      const PdSurveyStats *m = trend->pdata[i];
      g_autofree char *label = g_strndup (m->from, 7);

      row = i + 2;
      assert_text (dump, "月度趋势", row, 1, label);
      assert_integer (dump, "月度趋势", row, 2, m->targets);
      assert_integer (dump, "月度趋势", row, 3, m->responses);
      if (pd_survey_rate_is_defined (m->coverage))
        assert_number (dump, "月度趋势", row, 4, m->coverage, "0.00%");
      else
        g_assert_null (cell_at (dump, "月度趋势", row, 4));
      if (pd_survey_rate_is_defined (m->rate))
        assert_number (dump, "月度趋势", row, 7, m->rate, "0.00%");
      else
        g_assert_null (cell_at (dump, "月度趋势", row, 7));
    }
  assert_text (dump, "月度趋势", 13, 1, month);

  /* Both charts, on the tables' data. */
  {
    g_autofree char *items_ref = g_strdup_printf ("'分项统计'!$K$2:$K$%u", now->items->len + 1);
    g_assert_true (has_chart_ref (dump, items_ref));
    g_assert_true (has_chart_ref (dump, "'月度趋势'!$G$2:$G$13"));
    g_assert_true (has_chart_ref (dump, "'月度趋势'!$A$2:$A$13"));
  }
}

static void
test_workbook_holds_core_numbers (void)
{
  g_autoptr (PdContext) ctx = pd_test_survey_fixture ();
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (pd_test_tmpdir (), "march.xlsx", NULL);
  g_autoptr (Dump) dump = NULL;

  g_assert_true (pd_survey_workbook_write (ctx, "2026-03", path, &error));
  g_assert_no_error (error);
  dump = dump_workbook (path);
  check_workbook (ctx, "2026-03", dump);

  /* The hand-computed figures, as stored: 5 forms of 6 units, 4 of 7 valid
   * answers satisfied; 停车管理 had no valid answer. */
  assert_integer (dump, "汇总", 5, 2, 5);
  assert_number (dump, "汇总", 6, 2, 5.0 / 6.0, "0.00%");
  assert_text (dump, "汇总", 6, 5, "未达标");
  assert_number (dump, "汇总", 9, 2, 4.0 / 7.0, "0.00%");
  assert_number (dump, "汇总", 9, 3, 0.5, "0.00%");
  assert_text (dump, "分项统计", 4, 2, "停车管理");
  assert_text (dump, "分项统计", 4, 11, "—");
  assert_integer (dump, "分项统计", 4, 8, 5);
  assert_number (dump, "分项统计", 3, 11, 2.0 / 3.0, "0.00%");
  assert_number (dump, "分项统计", 2, 13, 0.0, "0.00%");   /* 保洁卫生 last March: one 2 */
  /* 2025-04 … 2026-03: only March 2026 and no month before has forms. */
  g_assert_null (cell_at (dump, "月度趋势", 2, 7));

  /* The opinion and its follow-up state: never routed, late since 03-07. */
  assert_integer (dump, "汇总", 12, 2, 0);
  assert_integer (dump, "汇总", 13, 2, 1);
  assert_text (dump, "意见跟进", 2, 2, "1-1-101");
  assert_text (dump, "意见跟进", 2, 5, "保洁不及时");
  g_assert_cmpstr (cell_at (dump, "意见跟进", 2, 4)->kind, ==, "d");
  g_assert_cmpstr (cell_at (dump, "意见跟进", 2, 4)->value, ==, "2026-03-05");
  g_assert_cmpstr (cell_at (dump, "意见跟进", 2, 8)->value, ==, "2026-03-07");
  assert_text (dump, "意见跟进", 2, 16, "待送达责任部门");
  assert_text (dump, "意见跟进", 2, 17, "送达");
  g_assert_null (cell_at (dump, "意见跟进", 3, 2));

  /* The export is logged. */
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM export_log WHERE what = 'survey statistics 2026-03'", NULL), ==, 1);
}

static void
test_workbook_other_months (void)
{
  g_autoptr (PdContext) ctx = pd_test_survey_fixture ();
  g_autoptr (GError) error = NULL;
  g_autofree char *april = g_build_filename (pd_test_tmpdir (), "april.xlsx", NULL);
  g_autofree char *january = g_build_filename (pd_test_tmpdir (), "january.xlsx", NULL);
  g_autoptr (Dump) dump = NULL;

  g_assert_true (pd_survey_workbook_write (ctx, "2026-04", april, &error));
  dump = dump_workbook (april);
  check_workbook (ctx, "2026-04", dump);
  assert_integer (dump, "汇总", 5, 2, 2);
  g_clear_pointer (&dump, dump_free);

  /* No form, no campaign: nothing divided by zero, "—" instead of 0 %. */
  g_assert_true (pd_survey_workbook_write (ctx, "2026-01", january, &error));
  g_assert_no_error (error);
  dump = dump_workbook (january);
  check_workbook (ctx, "2026-01", dump);
  assert_integer (dump, "汇总", 5, 2, 0);
  assert_text (dump, "汇总", 6, 2, "—");
  assert_text (dump, "汇总", 9, 2, "—");
  assert_text (dump, "汇总", 9, 5, "—");
  g_assert_null (cell_at (dump, "意见跟进", 2, 1));

  g_assert_false (pd_survey_workbook_write (ctx, "2026-1", january, &error));
  g_assert_cmpstr (pd_error_get_field (error), ==, "month");
}

static void
test_cli_export (void)
{
  g_autofree char *db = g_build_filename (pd_test_tmpdir (), "cli.db", NULL);
  g_autofree char *path = g_build_filename (pd_test_tmpdir (), "cli.xlsx", NULL);
  g_autoptr (PdContext) ctx = pd_test_survey_fixture_open (db);
  const char *argv[] = { g_getenv ("PROPDESK_CLI"), "--db", db, "export", "survey-stats", "--month", "2026-03", path, NULL };
  const char *bad[] = { g_getenv ("PROPDESK_CLI"), "--db", db, "export", "survey-stats", "--month", "March", path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr (Dump) dump = NULL;
  int status;

  out = pd_test_run (argv, &status, &err);
  g_assert_cmpint (status, ==, 0);
  dump = dump_workbook (path);
  /* The CLI's clock is the real one: only the follow-up columns may differ. */
  assert_integer (dump, "汇总", 5, 2, 5);
  assert_number (dump, "汇总", 9, 2, 4.0 / 7.0, "0.00%");
  assert_integer (dump, "分楼栋统计", 2, 3, 3);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  out = pd_test_run (bad, &status, &err);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "March"));
}

/* bench/survey-workbook.py, python3-xlsxwriter's side of the benchmark,
 * must write the same workbook as PropDesk, or the benchmark compares
 * different work: every cell's value, type and number format and every
 * chart reference are the same (both with the real clock, which decides
 * which follow-up stages are late). */
static void
test_python_mirror (void)
{
  g_autofree char *db = g_build_filename (pd_test_tmpdir (), "mirror.db", NULL);
  g_autofree char *ours = g_build_filename (pd_test_tmpdir (), "mirror-ours.xlsx", NULL);
  g_autofree char *theirs = g_build_filename (pd_test_tmpdir (), "mirror-python.xlsx", NULL);
  g_autofree char *script = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "..", "bench", "survey-workbook.py", NULL);
  g_autoptr (PdContext) ctx = pd_test_survey_fixture_open (db);
  const char *check[] = { "/usr/bin/python3", "-c", "import xlsxwriter", NULL };
  const char *cli[] = { g_getenv ("PROPDESK_CLI"), "--db", db, "export", "survey-stats", "--month", "2026-03", ours, NULL };
  const char *python[] = { "/usr/bin/python3", script, db, "2026-03", theirs, NULL };
  g_autofree char *ours_dump = NULL;
  g_autofree char *theirs_dump = NULL;
  int status;

  g_free (pd_test_run (check, &status, NULL));
  if (status != 0)
    {
      g_test_skip ("python3-xlsxwriter is not installed");
      return;
    }
  g_free (pd_test_run (cli, &status, NULL));
  g_assert_cmpint (status, ==, 0);
  g_free (pd_test_run (python, &status, NULL));
  g_assert_cmpint (status, ==, 0);
  ours_dump = dump_lines (ours);
  theirs_dump = dump_lines (theirs);
  /* The comparison covers the follow-up sheet's due dates and late stages. */
  g_assert_nonnull (strstr (ours_dump, "意见跟进\t2\t8\td\t"));
  g_assert_nonnull (strstr (ours_dump, "意见跟进\t1\t17\ts\t逾期环节"));
  g_assert_cmpstr (theirs_dump, ==, ours_dump);
}

static void
test_opens_in_libreoffice (void)
{
  g_autoptr (PdContext) ctx = pd_test_survey_fixture ();
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_build_filename (pd_test_tmpdir (), "lo", NULL);
  g_autofree char *path = g_build_filename (dir, "stats.xlsx", NULL);
  g_autofree char *pdf = g_build_filename (dir, "stats.pdf", NULL);
  g_autofree char *profile = g_strdup_printf ("-env:UserInstallation=file://%s/profile", dir);
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *text = NULL;
  g_autofree char *err = NULL;
  int status;

  if (soffice == NULL || pdftotext == NULL)
    {
      g_test_skip ("LibreOffice or pdftotext is not installed");
      return;
    }
  g_mkdir_with_parents (dir, 0700);
  g_assert_true (pd_survey_workbook_write (ctx, "2026-03", path, &error));
  {
    const char *argv[] = { soffice, profile, "--headless", "--convert-to", "pdf", "--outdir", dir, path, NULL };
    g_free (pd_test_run (argv, &status, &err));
    g_assert_cmpint (status, ==, 0);
  }
  {
    const char *argv[] = { pdftotext, pdf, "-", NULL };
    g_free (err);
    err = NULL;
    text = pd_test_run (argv, &status, &err);
    g_assert_cmpint (status, ==, 0);
  }
  g_assert_nonnull (strstr (text, "总体满意率"));
  g_assert_nonnull (strstr (text, "57.14%"));
  g_assert_nonnull (strstr (text, "各项满意率"));
  /* Printed, a table's last column is on the page of its first (no page
   * of spilled columns), and pages are numbered. */
  {
    g_auto (GStrv) pages = g_strsplit (text, "\f", -1);
    guint item_pages = 0, building_pages = 0;

    for (guint i = 0; pages[i] != NULL; i++)
      {
        if (strstr (pages[i], "调查项目") != NULL)
          {
            item_pages++;
            g_assert_nonnull (strstr (pages[i], "平均分"));
          }
        if (strstr (pages[i], "楼栋") != NULL && strstr (pages[i], "调查户数") != NULL)
          {
            building_pages++;
            g_assert_nonnull (strstr (pages[i], "满意率"));
          }
      }
    g_assert_cmpuint (item_pages, >=, 1);
    g_assert_cmpuint (building_pages, >=, 1);
    /* The footer's "page / pages", spaces aside as pdftotext may drop them. */
    {
      guint n_pages = g_strv_length (pages) - 1;   /* after the last form feed: nothing */
      g_autofree char *first = g_strdup_printf ("1/%u", n_pages);
      g_autofree char *last = g_strdup_printf ("%u/%u", n_pages, n_pages);
      g_autoptr (GString) packed = g_string_new (text);

      g_string_replace (packed, " ", "", 0);
      g_assert_nonnull (strstr (packed->str, first));
      g_assert_nonnull (strstr (packed->str, last));
    }
  }
}

/* Every sheet prints on A4, one page wide (the wide ones turned), with its
 * header row repeated on each page and page numbers in the footer. */
static void
test_print_layout (void)
{
  g_autoptr (PdContext) ctx = pd_test_survey_fixture ();
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (pd_test_tmpdir (), "print-layout.xlsx", NULL);
  g_autofree char *dump = NULL;
  static const struct
  {
    const char *sheet;
    const char *orientation;
  } sheets[] = {
    { "汇总", "portrait" }, { "分项统计", "landscape" }, { "分楼栋统计", "portrait" },
    { "月度趋势", "portrait" }, { "意见跟进", "landscape" },
  };

  g_assert_true (pd_survey_workbook_write (ctx, "2026-03", path, &error));
  g_assert_no_error (error);
  dump = dump_lines (path);
  for (guint i = 0; i < G_N_ELEMENTS (sheets); i++)
    {
      g_autofree char *line = g_strdup_printf ("print\t%s\tpaper=9 %s fit=True Nonex0\ttitles=$1:$1 footer=&P / &N\n",
                                               sheets[i].sheet, sheets[i].orientation);
      g_assert_nonnull (strstr (dump, line));
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/survey/workbook/core-numbers", test_workbook_holds_core_numbers);
  g_test_add_func ("/survey/workbook/other-months", test_workbook_other_months);
  g_test_add_func ("/survey/workbook/cli", test_cli_export);
  g_test_add_func ("/survey/workbook/python-mirror", test_python_mirror);
  g_test_add_func ("/survey/workbook/libreoffice", test_opens_in_libreoffice);
  g_test_add_func ("/survey/workbook/print-layout", test_print_layout);
  return g_test_run ();
}
