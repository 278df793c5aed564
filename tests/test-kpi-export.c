/* The monthly KPI workbook, read back with python3-openpyxl: every figure
 * of the fixture's three months is in it as a number (rates with a percent
 * format, deductions in yuan with two decimals, "—" where no rate exists),
 * under Chinese sheet and column names, with both charts; the CLI command
 * writes it and names a wrong argument. */
#include "config.h"

#include <glib/gstdio.h>

#include "pd-kpi-workbook.h"
#include "pd-test-kpi.h"

/* "sheet!row!col" → the dump's fields (type, value, number format). */
static GHashTable *
dump_workbook (const char *path,
               GPtrArray **charts)
{
  g_autofree char *script = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "dump-xlsx.py", NULL);
  const char *argv[] = { "/usr/bin/python3", script, path, NULL };
  g_autofree char *err = NULL;
  int status;
  g_autofree char *out = pd_test_run (argv, &status, &err);
  g_auto (GStrv) lines = g_strsplit (out ? out : "", "\n", -1);
  GHashTable *cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_strfreev);

  if (status != 0)
    g_error ("dump-xlsx.py failed: %s", err);

  *charts = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char **f = g_strsplit (lines[i], "\t", -1);

      if (g_strv_length (f) == 6)
        g_hash_table_insert (cells, g_strdup_printf ("%s!%s!%s", f[0], f[1], f[2]), f);
      else
        {
          if (g_strv_length (f) == 3)
            g_ptr_array_add (*charts, g_strdup (f[2]));
          g_strfreev (f);
        }
    }
  g_assert_cmpuint (g_hash_table_size (cells), >, 0);
  return cells;
}

static const char *const *
cell (GHashTable *cells,
      const char *sheet,
      guint       row,
      guint       col)
{
  g_autofree char *key = g_strdup_printf ("%s!%u!%u", sheet, row, col);
  const char *const *fields = g_hash_table_lookup (cells, key);

  if (fields == NULL)
    g_error ("%s is empty", key);
  return fields;
}

static void
assert_figures (GHashTable *cells)
{
  static const char *const columns[] = { "本月（2026-10）", "上月（2026-09）", "去年同月（2025-10）" };
  const char *sheet = "月度指标";

  g_assert_cmpstr (cell (cells, sheet, 1, 1)[4], ==, "类别");
  g_assert_cmpstr (cell (cells, sheet, 1, 2)[4], ==, "指标");
  for (guint p = 0; p < PD_KPI_N_PERIODS; p++)
    g_assert_cmpstr (cell (cells, sheet, 1, 3 + p)[4], ==, columns[p]);
  g_assert_cmpstr (cell (cells, sheet, 2, 1)[4], ==, "入住交房");
  g_assert_cmpstr (cell (cells, sheet, 2, 2)[4], ==, "交房套数");
  g_assert_cmpstr (cell (cells, sheet, 2 + PD_KPI_REVIEWS_ON_TIME, 2)[4], ==, "其中3个工作日内答复");

  for (guint line = 0; line < PD_KPI_N_LINES; line++)
    for (guint p = 0; p < PD_KPI_N_PERIODS; p++)
      {
        const char *const *f = cell (cells, sheet, 2 + line, 3 + p);
        double want = pd_test_kpi_expected[line][p];

        if (isnan (want))
          {
            g_assert_cmpstr (f[3], ==, "s");
            g_assert_cmpstr (f[4], ==, "—");
            continue;
          }
        g_assert_cmpstr (f[3], ==, "n");
        switch (pd_kpi_line_kind (line))
          {
          case PD_KPI_RATE:
            g_assert_cmpfloat_with_epsilon (g_ascii_strtod (f[4], NULL), want, 1e-12);
            g_assert_cmpstr (f[5], ==, "0.00%");
            break;
          case PD_KPI_MONEY:
            /* Yuan, from fen. */
            g_assert_cmpfloat (g_ascii_strtod (f[4], NULL), ==, want / 100);
            g_assert_cmpstr (f[5], ==, "#,##0.00");
            break;
          case PD_KPI_COUNT:
          default:
            g_assert_cmpfloat (g_ascii_strtod (f[4], NULL), ==, want);
            g_assert_cmpstr (f[5], ==, "0");
            break;
          }
      }
}

static void
test_workbook (void)
{
  g_autofree char *path = g_build_filename (pd_test_tmpdir (), "kpi.xlsx", NULL);
  g_autoptr (PdContext) ctx = pd_test_kpi_fixture_open (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GHashTable) cells = NULL;
  g_autoptr (GPtrArray) charts = NULL;

  g_assert_true (pd_kpi_workbook_write (ctx, "2026-10", path, &error));
  g_assert_no_error (error);
  cells = dump_workbook (path, &charts);
  assert_figures (cells);

  /* The charts sheet: the satisfaction rate of the three months, blank
   * (a gap, not 0 %) where there is none; two charts of three series. */
  g_assert_cmpstr (cell (cells, "图表", 1, 2)[4], ==, "本月（2026-10）");
  g_assert_cmpstr (cell (cells, "图表", 24, 1)[4], ==, "满意度");
  g_assert_cmpfloat_with_epsilon (g_ascii_strtod (cell (cells, "图表", 24, 2)[4], NULL), 4.0 / 6, 1e-12);
  g_assert_null (g_hash_table_lookup (cells, "图表!24!4"));
  g_assert_cmpuint (charts->len, ==, 2 * 3 * 3);
  g_assert_true (g_ptr_array_find_with_equal_func (charts, "'图表'!$B$20:$B$24", g_str_equal, NULL));
}

static void
test_cli (void)
{
  g_autofree char *db = g_build_filename (pd_test_tmpdir (), "kpi-cli.db", NULL);
  g_autofree char *xlsx = g_build_filename (pd_test_tmpdir (), "kpi-cli.xlsx", NULL);
  g_autofree char *pdf = g_build_filename (pd_test_tmpdir (), "kpi-cli.pdf", NULL);
  PdContext *ctx = pd_test_kpi_fixture_open (db);
  const char *export_args[] = { "export", "kpi", "--month", "2026-10", xlsx, NULL };
  const char *print_args[] = { "print", "kpi", "--month", "2026-10", pdf, NULL };
  const char *bad_month[] = { "export", "kpi", "--month", "2026-13", xlsx, NULL };
  const char *no_month[] = { "print", "kpi", pdf, NULL };
  const char *no_file[] = { "export", "kpi", "--month", "2026-10", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr (GHashTable) cells = NULL;
  g_autoptr (GPtrArray) charts = NULL;
  int status;

  g_object_unref (ctx);
  /* The months reported are over, so the CLI's real clock gives the same
   * figures as the fixture's. */
  out = pd_test_cli (db, export_args, &status, &err);
  g_assert_cmpint (status, ==, 0);
  cells = dump_workbook (xlsx, &charts);
  assert_figures (cells);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  out = pd_test_cli (db, print_args, &status, &err);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_EXISTS));

  g_clear_pointer (&err, g_free);
  g_clear_pointer (&out, g_free);
  out = pd_test_cli (db, bad_month, &status, &err);
  g_assert_cmpint (status, !=, 0);
  g_assert_nonnull (strstr (err, "--month"));
  g_assert_nonnull (strstr (err, "2026-13"));
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&out, g_free);
  out = pd_test_cli (db, no_month, &status, &err);
  g_assert_cmpint (status, !=, 0);
  g_assert_nonnull (strstr (err, "--month"));
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&out, g_free);
  out = pd_test_cli (db, no_file, &status, &err);
  g_assert_cmpint (status, !=, 0);
  g_assert_nonnull (strstr (err, "FILE.xlsx"));
}

int
main (int argc, char **argv)
{
  pd_test_use_chinese ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/kpi/workbook", test_workbook);
  g_test_add_func ("/kpi/cli", test_cli);
  return g_test_run ();
}
