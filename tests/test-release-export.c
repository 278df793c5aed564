/* The month's release register as .xlsx, read back with openpyxl: one row
 * per slip in serial order, personal data masked by default, unmasked only
 * for supervisors, a summary that adds up, every export logged. */
#include "config.h"

#include "pd-demo.h"
#include "pd-error.h"
#include "pd-export-release.h"
#include "pd-i18n.h"
#include "pd-test-fixture.h"

#define NOW "2026-04-15 11:00:00"

/* Prints, tab-separated: the register's rows (serial, carrier ID, phone,
 * pieces, valid date as a real date) and then the summary's rows. */
static const char *const reader =
  "import sys, openpyxl\n"
  "wb = openpyxl.load_workbook(sys.argv[1])\n"
  "print('SHEETS', '|'.join(wb.sheetnames))\n"
  "reg, summ = wb.worksheets[0], wb.worksheets[1]\n"
  "for row in reg.iter_rows(min_row=2, values_only=True):\n"
  "    print('ROW', row[0], row[11], row[5], row[9], row[13].date().isoformat(), sep='\\t')\n"
  "for row in summ.iter_rows(min_row=2, values_only=True):\n"
  "    print('SUM', *row, sep='\\t')\n";

static char *
read_workbook (const char *path)
{
  const char *argv[] = { "/usr/bin/python3", "-c", reader, path, NULL };
  g_autofree char *err = NULL;
  int status;
  char *out = pd_test_run (argv, &status, &err);

  if (status != 0)
    g_error ("openpyxl failed: %s", err);
  return out;
}

static void
test_month (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new (NOW);
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (pd_test_tmpdir (), "march.xlsx", NULL);
  g_autofree char *out = NULL;
  g_auto (GStrv) lines = NULL;
  g_autofree char *written_text = NULL;
  PdReleaseFilter filter = PD_RELEASE_FILTER_INIT;
  gint64 in_march;
  guint rows = 0, written = 0, sums = 0;
  char previous[16] = "";

  g_assert_true (pd_demo_generate (ctx, 120, 5, &error));
  g_assert_no_error (error);
  in_march = pd_test_count (ctx, "SELECT count(*) FROM release_slip WHERE issued_at LIKE '2026-03-%'", NULL);
  g_assert_cmpint (in_march, >, 30);

  filter.from = "2026-03-01";
  filter.to = "2026-03-31";
  g_assert_true (pd_export_release_register (ctx, &filter, path, FALSE, &written, &error));
  g_assert_no_error (error);
  g_assert_cmpint (written, ==, in_march);

  out = read_workbook (path);
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "SHEETS 放行登记簿|汇总");
  for (guint i = 1; lines[i] != NULL && *lines[i] != '\0'; i++)
    {
      g_auto (GStrv) cells = g_strsplit (lines[i], "\t", -1);

      if (g_str_equal (cells[0], "ROW"))
        {
          g_autofree char *pieces = NULL;
          rows++;
          /* Serial order, oldest first. */
          g_assert_cmpstr (previous, <, cells[1]);
          g_strlcpy (previous, cells[1], sizeof previous);
          /* Masked: 6 + 8 stars + 4; 3 + 4 stars + 4. */
          g_assert_cmpuint (strlen (cells[2]), ==, 18);
          g_assert_nonnull (strstr (cells[2], "********"));
          g_assert_nonnull (strstr (cells[3], "****"));
          /* Pieces is a number, the same as the database's. */
          pieces = g_strdup_printf ("%" G_GINT64_FORMAT,
                                    pd_test_count (ctx, "SELECT sum (quantity) FROM release_slip_item i "
                                                        "JOIN release_slip s ON s.id = i.slip_id WHERE s.serial = ?",
                                                   cells[1]));
          g_assert_cmpstr (cells[4], ==, pieces);
          g_assert_true (g_str_has_prefix (cells[5], "2026-0"));
        }
      else if (g_str_equal (cells[0], "SUM"))
        {
          sums++;
          if (g_str_equal (cells[1], "合计"))
            {
              gint64 released = pd_test_count (ctx, "SELECT count(*) FROM release_slip WHERE issued_at "
                                                    "LIKE '2026-03-%' AND state = 'released'", NULL);
              g_autofree char *total = g_strdup_printf ("%" G_GINT64_FORMAT, in_march);
              g_autofree char *released_text = g_strdup_printf ("%" G_GINT64_FORMAT, released);

              g_assert_cmpstr (cells[2], ==, total);
              g_assert_cmpstr (cells[4], ==, released_text);
              /* Issued = still valid + released + void + expired. */
              g_assert_cmpint (atoi (cells[2]), ==, atoi (cells[3]) + atoi (cells[4]) + atoi (cells[5]) +
                                                    atoi (cells[6]));
            }
        }
    }
  g_assert_cmpuint (rows, ==, in_march);
  written_text = g_strdup_printf ("%u", written);
  g_assert_cmpuint (sums, ==, 4);   /* three reasons and the total */
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM export_log WHERE unmasked = 0 AND rows = ?",
                                  written_text), ==, 1);
}

static void
test_unmasked_needs_supervisor (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new (NOW);
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (pd_test_tmpdir (), "unmasked.xlsx", NULL);
  g_autofree char *out = NULL;
  g_autofree char *first_id = NULL;
  PdReleaseFilter filter = PD_RELEASE_FILTER_INIT;
  sqlite3_stmt *stmt;

  g_assert_true (pd_demo_generate (ctx, 60, 9, NULL));
  filter.from = "2026-03-01";
  filter.to = "2026-03-31";

  pd_context_set_user (ctx, "小李", PD_ROLE_CLERK);
  g_assert_false (pd_export_release_register (ctx, &filter, path, TRUE, NULL, &error));
  g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM export_log", NULL), ==, 0);

  pd_context_set_user (ctx, "王主管", PD_ROLE_SUPERVISOR);
  g_assert_true (pd_export_release_register (ctx, &filter, path, TRUE, NULL, &error));
  g_assert_no_error (error);
  stmt = pd_database_prepare (pd_context_get_database (ctx),
                              "SELECT carrier_id_number FROM release_slip WHERE issued_at LIKE '2026-03-%' "
                              "ORDER BY year, number LIMIT 1", NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  first_id = pd_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  out = read_workbook (path);
  g_assert_nonnull (strstr (out, first_id));
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM export_log WHERE unmasked = 1 AND user_name = ?",
                                  "王主管"), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  /* Sheet and column names follow the catalogue: the office's is Chinese. */
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  g_setenv ("LC_ALL", "zh_CN.UTF-8", TRUE);
  pd_i18n_init ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/release/export/month", test_month);
  g_test_add_func ("/release/export/unmasked-needs-supervisor", test_unmasked_needs_supervisor);
  return g_test_run ();
}
