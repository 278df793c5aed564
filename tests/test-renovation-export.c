/* The month's renovation workbook, read back with openpyxl: the register,
 * the month's figures (reviews on time, violations, deductions, refunds…)
 * and the violations, from a November written out step by step. */
#include "config.h"

#include "pd-deposit-ledger.h"
#include "pd-export-renovation.h"
#include "pd-renovation-patrol.h"
#include "pd-renovation-report.h"
#include "renovation-fixture.h"

static void
at (PdContext  *ctx,
    int         month,
    int         day)
{
  g_autoptr (GDateTime) now = g_date_time_new_local (2026, month, day, 10, 0, 0);
  pd_context_set_now (ctx, now);
}

static gint64
application (PdContext  *ctx,
             GRand      *rand,
             const char *code)
{
  gint64 unit = fx_unit (ctx, code, "residential", "handed_over");
  gint64 owner = fx_person (ctx, rand, "业主");
  fx_role (ctx, unit, owner, "owner", 0);
  return fx_application (ctx, rand, unit, owner);
}

/* A: approved on time, works, a violation, a top-up, accepted, refunded.
 * B: rejected late.  C: returned on time.  D: an October draft. */
static void
write_november (PdContext *ctx)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (1);
  g_autoptr (GError) error = NULL;
  g_autoptr (PdRenovationPatrol) patrol = pd_renovation_patrol_new ();
  g_autoptr (PdRenovationViolation) found = pd_renovation_violation_new ();
  gint64 a, b, c;

  at (ctx, 10, 28);
  application (ctx, rand, "9-9-999");
  at (ctx, 11, 2);
  a = application (ctx, rand, "1-1-101");
  b = application (ctx, rand, "1-1-201");
  fx_run_to (ctx, a, "review_engineering");
  fx_run_to (ctx, b, "review_engineering");
  at (ctx, 11, 4);
  fx_run_to (ctx, a, "permit_issued");
  at (ctx, 11, 5);
  fx_run_to (ctx, a, "in_progress");
  at (ctx, 11, 6);
  patrol->renovation_id = a;
  pd_renovation_set_text (&patrol->inspector, "楼管王");
  pd_renovation_set_text (&patrol->result, "violation");
  pd_renovation_set_text (&found->code, "D");
  pd_renovation_set_text (&found->description, "垃圾未袋装");
  g_assert_cmpint (pd_renovation_patrol_add (ctx, patrol, found, &error), >, 0);
  at (ctx, 11, 7);
  g_assert_true (pd_deposit_top_up (ctx, a, 50000, NULL, &error));
  at (ctx, 11, 9);
  fx_run_to (ctx, b, "review_manager");
  g_assert_true (pd_renovation_reject (ctx, b, "改动承重墙", &error));
  at (ctx, 11, 10);
  c = application (ctx, rand, "1-1-301");
  fx_run_to (ctx, c, "review_engineering");
  at (ctx, 11, 11);
  g_assert_true (pd_renovation_return_for_revision (ctx, c, "补电气图", &error));
  at (ctx, 11, 20);
  fx_run_to (ctx, a, "accepted");
  at (ctx, 11, 23);
  fx_run_to (ctx, a, "refunded");
  /* December is another month. */
  at (ctx, 12, 1);
  fx_run_to (ctx, c, "submitted");
  g_assert_no_error (error);
}

static void
test_figures (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new ("2026-11-01 09:00:00");
  g_autoptr (GError) error = NULL;
  PdRenovationMonth m;

  write_november (ctx);
  g_assert_true (pd_renovation_month_figures (ctx, "2026-11-01", "2026-12-01", &m, &error));
  g_assert_cmpint (m.applications, ==, 3);
  g_assert_cmpint (m.submissions, ==, 3);
  g_assert_cmpint (m.reviews_answered, ==, 3);
  g_assert_cmpint (m.reviews_on_time, ==, 2);
  g_assert_cmpint (m.approvals, ==, 1);
  g_assert_cmpint (m.returned, ==, 1);
  g_assert_cmpint (m.rejections, ==, 1);
  g_assert_cmpint (m.permits, ==, 1);
  g_assert_cmpint (m.works_started, ==, 1);
  g_assert_cmpint (m.violations, ==, 1);
  g_assert_cmpint (m.penalties_fen, ==, 50000);
  g_assert_cmpint (m.deducted_fen, ==, 50000);
  g_assert_cmpint (m.deposits_fen, ==, 300000);
  g_assert_cmpint (m.topups, ==, 1);
  g_assert_cmpint (m.topups_fen, ==, 50000);
  g_assert_cmpint (m.acceptances, ==, 1);
  g_assert_cmpint (m.refunds, ==, 1);
  g_assert_cmpint (m.refunds_fen, ==, 300000);
  g_assert_true (pd_renovation_month_figures (ctx, "2026-12-01", "2027-01-01", &m, &error));
  g_assert_cmpint (m.submissions, ==, 1);
  g_assert_cmpint (m.applications, ==, 0);
}

static const char script[] =
  "import openpyxl, sys\n"
  "wb = openpyxl.load_workbook(sys.argv[1])\n"
  "print('sheets', '|'.join(wb.sheetnames))\n"
  "reg = wb.worksheets[0]\n"
  "print('register', reg.max_row - 1)\n"
  "for row in reg.iter_rows(min_row=2, values_only=True):\n"
  "    print('row', row[1], row[6], row[0] or '-', row[16], row[17], row[18], row[19], row[20],\n"
  "          row[7].date() if row[7] else '-')\n"
  "for row in wb.worksheets[1].iter_rows(min_row=2, values_only=True):\n"
  "    print('fig', row[0], '=', row[1])\n"
  "for row in wb.worksheets[2].iter_rows(min_row=2, values_only=True):\n"
  "    print('vio', row[0].date(), row[1], row[3], row[7], row[8])\n";

static void
test_workbook (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new ("2026-11-01 09:00:00");
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (pd_test_tmpdir (), "renovations.xlsx", NULL);
  g_autofree char *out = NULL;
  const char *argv[] = { "/usr/bin/python3", "-c", script, path, NULL };
  guint rows = 0;
  int status = -1;

  write_november (ctx);
  g_assert_true (pd_export_renovations (ctx, "2026-11-01", "2026-12-01", path, &rows, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rows, ==, 4);
  out = pd_test_run (argv, &status, NULL);
  g_assert_cmpint (status, ==, 0);
  g_test_message ("%s", out);
  g_assert_nonnull (strstr (out, "sheets Register|Month's figures|Violations\n"));
  g_assert_nonnull (strstr (out, "register 4\nrow 9-9-999 "));
  /* Oldest first; money in yuan from fen; dates as real dates. */
  g_assert_nonnull (strstr (out, "row 9-9-999 Draft - 0 0 0 0 0 2026-10-28\n"));
  g_assert_nonnull (strstr (out, "row 1-1-101 Deposit refunded ZX-2026-0001 3000 500 500 3000 0 2026-11-02\n"));
  g_assert_nonnull (strstr (out, "row 1-1-201 Rejected - 0 0 0 0 0 2026-11-02\n"));
  g_assert_nonnull (strstr (out, "fig Review replies = 3\n"));
  g_assert_nonnull (strstr (out, "fig Review replies within the limit = 2\n"));
  g_assert_nonnull (strstr (out, "fig Replies within the limit (%) = 0.6666666666666666\n"));
  g_assert_nonnull (strstr (out, "fig Deducted from deposits (yuan) = 500\n"));
  g_assert_nonnull (strstr (out, "fig Refunded (yuan) = 3000\n"));
  g_assert_nonnull (strstr (out, "fig Works accepted = 1\n"));
  g_assert_nonnull (strstr (out, "vio 2026-11-06 1-1-101 D: materials or debris not bagged 500 500\n"));
  /* Names left the office: the export is logged. */
  g_assert_cmpint (pd_test_count (ctx, "SELECT rows FROM export_log WHERE what = 'renovation register 2026-11'", NULL),
                   ==, 4);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/renovation-export/figures", test_figures);
  g_test_add_func ("/renovation-export/workbook", test_workbook);
  return g_test_run ();
}
