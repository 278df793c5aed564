/* The monthly patrol statistics workbook under the Chinese catalogue, read
 * back with openpyxl (tests/dump-xlsx.py): every figure equals the one
 * worked out by hand for the month of pd-test-patrol.h, numbers are number
 * cells, rates percentages; and `propdesk-cli export patrols`. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "pd-export-patrols.h"
#include "pd-test-patrol.h"

/* "sheet!row!col" → "kind<TAB>value<TAB>format" (dump-xlsx.py's fields). */
static GHashTable *
read_workbook (const char *path)
{
  g_autofree char *script = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "dump-xlsx.py", NULL);
  const char *argv[] = { "/usr/bin/python3", script, path, NULL };
  g_autofree char *out = NULL, *err = NULL;
  g_auto (GStrv) lines = NULL;
  GHashTable *cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  int status = -1;

  out = pd_test_run (argv, &status, &err);
  if (status != 0)
    g_error ("dump-xlsx.py failed: %s", err);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto (GStrv) f = g_strsplit (lines[i], "\t", 6);

      if (g_strv_length (f) == 6)
        g_hash_table_insert (cells, g_strdup_printf ("%s!%s!%s", f[0], f[1], f[2]),
                             g_strdup_printf ("%s\t%s\t%s", f[3], f[4], f[5]));
    }
  return cells;
}

static const char *
cell (GHashTable *cells,
      const char *sheet,
      guint       row,
      guint       col)
{
  g_autofree char *key = g_strdup_printf ("%s!%u!%u", sheet, row, col);
  const char *value = g_hash_table_lookup (cells, key);
  return value ? value : "";
}

/* The value cell beside @label on the summary sheet. */
static const char *
figure (GHashTable *cells,
        const char *label)
{
  for (guint row = 2; row < 40; row++)
    {
      g_auto (GStrv) f = g_strsplit (cell (cells, "月度汇总", row, 1), "\t", 3);

      if (g_strv_length (f) == 3 && g_str_equal (f[1], label))
        return cell (cells, "月度汇总", row, 2);
    }
  g_error ("no figure “%s” on the summary sheet", label);
  return NULL;
}

static void
assert_number (const char *cell_text,
               double      expected)
{
  g_auto (GStrv) f = g_strsplit (cell_text, "\t", 3);

  if (!g_str_equal (f[0], "n"))
    g_error ("“%s” is not a number cell (expected %g)", cell_text, expected);
  g_assert_cmpfloat_with_epsilon (g_ascii_strtod (f[1], NULL), expected, 1e-9);
}

static void
assert_percent (const char *cell_text,
                double      expected)
{
  assert_number (cell_text, expected);
  g_assert_nonnull (strstr (cell_text, "%"));
}

static void
test_workbook (void)
{
  PdTestPatrolMonth m = pd_test_patrol_month ();
  g_autoptr (PdContext) ctx = m.ctx;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (pd_test_tmpdir (), "patrols.xlsx", NULL);
  g_autoptr (GHashTable) cells = NULL;

  g_assert_true (pd_export_patrols (ctx, "2026-03", path, &error));
  g_assert_no_error (error);
  cells = read_workbook (path);

  /* The month's figures, worked out in pd-test-patrol.h. */
  g_assert_cmpstr (cell (cells, "月度汇总", 1, 1), ==, "s\t指标\tGeneral");
  g_assert_true (g_str_has_prefix (figure (cells, "月份"), "s\t2026-03\t"));
  g_assert_true (g_str_has_prefix (figure (cells, "统计截至"), "d\t2026-03-20\t"));
  g_assert_true (g_str_has_prefix (figure (cells, "巡查频次"), "s\t每月两次"));
  assert_number (figure (cells, "应巡空置房数"), 4);
  assert_number (figure (cells, "本月应巡次数"), 8);
  assert_number (figure (cells, "截至统计日应巡次数"), 5);
  assert_number (figure (cells, "按时完成次数"), 3);
  assert_percent (figure (cells, "按时巡查率"), 0.6);
  assert_number (figure (cells, "巡查次数"), 3);
  assert_number (figure (cells, "巡查户数"), 3);
  assert_number (figure (cells, "发现异常数"), 3);
  assert_number (figure (cells, "关闭异常数"), 1);
  assert_number (figure (cells, "未关闭异常"), 2);
  assert_number (figure (cells, "最久未关闭异常天数"), 10);
  assert_number (figure (cells, "钥匙借出次数"), 3);
  assert_number (figure (cells, "钥匙逾期未还次数"), 2);

  /* By building: 1 → 3 units, 6 due, 3 counted, 2 met; 2 → 1, 2, 2, 1. */
  g_assert_cmpstr (cell (cells, "按楼栋", 1, 6), ==, "s\t按时巡查率\tGeneral");
  g_assert_true (g_str_has_prefix (cell (cells, "按楼栋", 2, 1), "s\t1\t"));
  assert_number (cell (cells, "按楼栋", 2, 2), 3);
  assert_number (cell (cells, "按楼栋", 2, 3), 6);
  assert_number (cell (cells, "按楼栋", 2, 4), 3);
  assert_number (cell (cells, "按楼栋", 2, 5), 2);
  assert_percent (cell (cells, "按楼栋", 2, 6), 2.0 / 3.0);
  g_assert_true (g_str_has_prefix (cell (cells, "按楼栋", 3, 1), "s\t2\t"));
  assert_percent (cell (cells, "按楼栋", 3, 6), 0.5);
  g_assert_cmpstr (cell (cells, "按楼栋", 4, 1), ==, "");

  /* Anomalies by type, in report order: leak, damage, occupation, dirty, other. */
  g_assert_true (g_str_has_prefix (cell (cells, "异常分类", 2, 1), "s\t漏水/渗水\t"));
  assert_number (cell (cells, "异常分类", 2, 2), 1);
  assert_number (cell (cells, "异常分类", 2, 3), 1);
  assert_number (cell (cells, "异常分类", 3, 2), 0);
  assert_number (cell (cells, "异常分类", 4, 2), 1);
  assert_number (cell (cells, "异常分类", 4, 3), 1);
  assert_number (cell (cells, "异常分类", 5, 2), 1);
  assert_number (cell (cells, "异常分类", 5, 3), 0);
  g_assert_true (g_str_has_prefix (cell (cells, "异常分类", 7, 1), "s\t合计\t"));
  assert_number (cell (cells, "异常分类", 7, 2), 3);
  assert_number (cell (cells, "异常分类", 7, 3), 2);

  /* The two open at the 20th, oldest first, with real dates and ages. */
  g_assert_true (g_str_has_prefix (cell (cells, "未关闭异常", 2, 1), "s\tKZ2026-0001\t"));
  g_assert_true (g_str_has_prefix (cell (cells, "未关闭异常", 2, 6), "d\t2026-03-10\t"));
  g_assert_true (g_str_has_prefix (cell (cells, "未关闭异常", 2, 7), "d\t2026-03-13\t"));
  assert_number (cell (cells, "未关闭异常", 2, 8), 10);
  g_assert_true (g_str_has_prefix (cell (cells, "未关闭异常", 2, 9), "s\t是\t"));
  g_assert_true (g_str_has_prefix (cell (cells, "未关闭异常", 3, 1), "s\tKZ2026-0003\t"));
  g_assert_true (g_str_has_prefix (cell (cells, "未关闭异常", 3, 5), "s\t秩序维护部\t"));
  assert_number (cell (cells, "未关闭异常", 3, 8), 2);
  g_assert_cmpstr (cell (cells, "未关闭异常", 4, 1), ==, "");

  /* Who patrolled. */
  g_assert_true (g_str_has_prefix (cell (cells, "巡查人员", 2, 1), "s\t李管家\t"));
  assert_number (cell (cells, "巡查人员", 2, 2), 2);
  assert_number (cell (cells, "巡查人员", 2, 4), 3);
  g_assert_true (g_str_has_prefix (cell (cells, "巡查人员", 3, 1), "s\t王管家\t"));

  /* The two overdue loans: K101 back late, K102 still out; not K201. */
  g_assert_true (g_str_has_prefix (cell (cells, "钥匙逾期", 2, 1), "s\tK101\t"));
  g_assert_true (g_str_has_prefix (cell (cells, "钥匙逾期", 2, 7), "s\t2026-03-10 14:00:00\t"));
  g_assert_true (g_str_has_prefix (cell (cells, "钥匙逾期", 3, 1), "s\tK102\t"));
  g_assert_true (g_str_has_prefix (cell (cells, "钥匙逾期", 3, 7), "s\t未归还\t"));
  g_assert_cmpstr (cell (cells, "钥匙逾期", 4, 1), ==, "");

  /* The export is logged; a bad month writes nothing. */
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM export_log WHERE what = ?", "patrol statistics 2026-03"),
                   ==, 1);
  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_false (pd_export_patrols (ctx, "2026-3", path, &error));
  g_assert_cmpstr (pd_error_get_field (error), ==, "month");
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* February: nothing vacant yet, so no rate rather than a made-up one. */
static void
test_empty_month (void)
{
  PdTestPatrolMonth m = pd_test_patrol_month ();
  g_autoptr (PdContext) ctx = m.ctx;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (pd_test_tmpdir (), "february.xlsx", NULL);
  g_autoptr (GHashTable) cells = NULL;

  g_assert_true (pd_export_patrols (ctx, "2026-02", path, &error));
  cells = read_workbook (path);
  assert_number (figure (cells, "应巡空置房数"), 0);
  assert_number (figure (cells, "巡查次数"), 0);
  g_assert_cmpstr (figure (cells, "按时巡查率"), ==, "");
  g_assert_cmpstr (cell (cells, "按楼栋", 2, 1), ==, "");
}

static char *
run_cli (const char *const *args,
         int               *status,
         char             **err)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();

  g_ptr_array_add (argv, (gpointer) g_getenv ("PROPDESK_CLI"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  return pd_test_run ((const char *const *) argv->pdata, status, err);
}

static void
test_cli_export (void)
{
  g_autofree char *db = g_build_filename (pd_test_tmpdir (), "cli.db", NULL);
  g_autofree char *xlsx = g_build_filename (pd_test_tmpdir (), "cli.xlsx", NULL);
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr (GHashTable) cells = NULL;
  int status = -1;

  {
    g_autoptr (PdContext) ctx = pd_test_context_open (db, "2026-03-01 09:00:00");
    gint64 unit = pd_test_patrol_unit (ctx, "5-1-301", "vacant");

    pd_test_patrol_unit (ctx, "5-1-302", "vacant");
    g_assert_true (pd_patrol_sync_vacancies (ctx, NULL));
    pd_test_patrol_clock (ctx, "2026-03-05 10:00");
    pd_test_patrol_record (ctx, unit, "李管家", -1, NULL, -1);
  }
  {
    const char *args[] = { "--db", db, "export", "patrols", "--month", "2026-03", xlsx, NULL };
    out = run_cli (args, &status, &err);
  }
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, xlsx));
  cells = read_workbook (xlsx);
  /* Both units owe both halves of March (the month is over for the CLI's
   * real clock); one patrol met one of them. */
  assert_number (figure (cells, "应巡空置房数"), 2);
  assert_number (figure (cells, "本月应巡次数"), 4);
  assert_number (figure (cells, "按时完成次数"), 1);
  assert_percent (figure (cells, "按时巡查率"), 0.25);

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  {
    const char *args[] = { "--db", db, "export", "patrols", "--month", "2026-13", xlsx, NULL };
    out = run_cli (args, &status, &err);
  }
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "--month"));
  g_assert_nonnull (strstr (err, "2026-13"));

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  {
    const char *args[] = { "--db", db, "export", "patrols", xlsx, NULL };
    out = run_cli (args, &status, &err);
  }
  g_assert_cmpint (status, ==, 2);
  g_assert_nonnull (strstr (err, "export patrols --month YYYY-MM FILE.xlsx"));
}

int
main (int argc, char **argv)
{
  pd_test_use_chinese ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/patrol-export/workbook", test_workbook);
  g_test_add_func ("/patrol-export/empty-month", test_empty_month);
  g_test_add_func ("/patrol-export/cli", test_cli_export);
  return g_test_run ();
}
