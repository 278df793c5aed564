/* The handover register workbook, read back with openpyxl: the month's
 * handovers with their numbers and readings, every open defect with its
 * working days past the deadline; the export logged; and
 * `propdesk-cli export handovers --month YYYY-MM FILE.xlsx`. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "pd-export-handovers.h"
#include "pd-test-handover.h"

#define NOW "2026-10-14 09:00:00"

/* September: 1-1-101 closed clean, 1-1-102 with a defect still open past
 * its deadline (12 Oct); August: 1-1-103 in progress. */
static void
populate (PdContext *ctx)
{
  g_autoptr (GError) error = NULL;
  const char *const codes[] = { "1-1-101", "1-1-102", "1-1-103" };
  const char *const days[] = { "2026-09-24", "2026-09-24", "2026-08-31" };
  gint64 ids[3];

  for (guint i = 0; i < 3; i++)
    {
      gint64 unit = pd_test_make_unit (ctx, codes[i], "vacant", "residential");
      g_autofree char *name = g_strdup_printf ("业主%u", i + 1);
      pd_test_set_now (ctx, i < 2 ? "2026-09-24 10:00" : "2026-08-31 10:00");
      ids[i] = pd_handover_start (ctx, unit, pd_test_make_owner (ctx, unit, name, i + 1), NULL, days[i], &error);
      g_assert_no_error (error);
    }
  {
    g_autoptr (GPtrArray) checks = pd_handover_check_list (ctx, ids[1], &error);
    pd_test_set_now (ctx, "2026-09-24 10:00");
    pd_handover_check_set (ctx, ((PdHandoverCheck *) checks->pdata[3])->id, "defect", "地砖破损", &error);
    g_assert_no_error (error);
  }
  for (guint i = 0; i < 2; i++)
    {
      pd_handover_check_rest_ok (ctx, ids[i], &error);
      pd_test_fill_handover (ctx, ids[i]);
      pd_handover_finish_inspection (ctx, ids[i], &error);
      g_assert_no_error (error);
    }
  pd_handover_close (ctx, ids[0], &error);
  g_assert_no_error (error);
  pd_test_set_now (ctx, NOW);
}

static char *
read_workbook (const char *path)
{
  const char *script =
    "import sys, openpyxl\n"
    "wb = openpyxl.load_workbook(sys.argv[1])\n"
    "for ws in wb.worksheets:\n"
    "    print('SHEET', ws.title, ws.max_row)\n"
    "    for row in ws.iter_rows(values_only=True):\n"
    "        print('|'.join('' if v is None else (v.strftime('%Y-%m-%d') if hasattr(v, 'strftime') else repr(v)) for v in row))\n";
  const char *argv[] = { "/usr/bin/python3", "-c", script, path, NULL };
  g_autofree char *err = NULL;
  int status;
  char *out = pd_test_run (argv, &status, &err);

  if (status != 0)
    g_error ("openpyxl: %s", err);
  return out;
}

static void
test_register (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new (NOW);
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (pd_test_tmpdir (), "register.xlsx", NULL);
  g_autofree char *text = NULL;
  guint handovers = 0, defects = 0;

  populate (ctx);
  g_assert_true (pd_export_handovers (ctx, "2026-09-01", "2026-10-01", path, &handovers, &defects, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (handovers, ==, 2);
  g_assert_cmpuint (defects, ==, 1);
  text = read_workbook (path);
  /* Register: header + two rows, oldest first; numbers are numbers. */
  g_assert_nonnull (strstr (text, "SHEET Handover register 3\n"));
  g_assert_nonnull (strstr (text, "'1-1-101'|'业主1'|2026-09-24|'Closed'|2026-09-24|2026-09-24|44|0|0|0|0||12.5|3021.75|0.125|3|'MJ-0001、MJ-0002'|'SK-2026-000123'|'tester'|'工程部 李工'\n"));
  g_assert_nonnull (strstr (text, "'1-1-102'|'业主2'|2026-09-24|'Defects open'|2026-09-24||44|1|1|1|1|2026-10-12|12.5|3021.75|0.125|3|"));
  g_assert_null (strstr (text, "1-1-103"));
  /* Open defects today: 2 working days past 12 October on 14 October. */
  g_assert_nonnull (strstr (text, "SHEET Open defects 2\n"));
  g_assert_nonnull (strstr (text, "'1-1-102'|'业主2'|'入户门厅'|'地面：地砖破损'|'建设单位'|'2026-09-24 10:00'|'2026-09-25 10:00'|||2026-10-12|2|0\n"));
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM export_log WHERE what LIKE 'handover register%' "
                                       "AND rows = 3 AND unmasked = 0", NULL), ==, 1);
}

static void
test_cli_export (void)
{
  g_autofree char *db = g_build_filename (pd_test_tmpdir (), "cli.db", NULL);
  g_autofree char *xlsx = g_build_filename (pd_test_tmpdir (), "cli.xlsx", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *text = NULL;
  int status;

  {
    g_autoptr (PdContext) ctx = pd_test_context_open (db, NOW);
    populate (ctx);
  }
  out = pd_test_cli (db, (const char *const[]) { "export", "handovers", "--month", "2026-08", xlsx, NULL }, &status, &err);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "cli.xlsx"));
  text = read_workbook (xlsx);
  g_assert_nonnull (strstr (text, "SHEET Handover register 2\n"));
  g_assert_nonnull (strstr (text, "'1-1-103'|'业主3'|2026-08-31|'In progress'|"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  out = pd_test_cli (db, (const char *const[]) { "export", "handovers", "--month", "2026-13", xlsx, NULL }, &status, &err);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "--month"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  out = pd_test_cli (db, (const char *const[]) { "export", "handovers", xlsx, NULL }, &status, &err);
  g_assert_cmpint (status, ==, 2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/handover-export/register", test_register);
  g_test_add_func ("/handover-export/cli", test_cli_export);
  return g_test_run ();
}
