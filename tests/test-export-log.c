/* The export log as the administrator reads it: every way personal data
 * leaves PropDesk writes a row (who, when, what, rows, masked or not, where
 * to), and only an administrator may list them, newest first. */
#include "config.h"

#include "pd-backup.h"
#include "pd-demo.h"
#include "pd-error.h"
#include "pd-export-log.h"
#include "pd-owner-export.h"
#include "pd-owner-form.h"
#include "pd-test-fixture.h"

static char *
first_unit_code (PdContext *ctx)
{
  sqlite3_stmt *stmt = pd_database_prepare (pd_context_get_database (ctx),
                                            "SELECT code FROM unit ORDER BY id LIMIT 1", NULL);
  char *code;

  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  code = pd_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  return code;
}

static void
test_list_admin_only (void)
{
  g_autofree char *db = g_build_filename (pd_test_tmpdir (), "office.db", NULL);
  g_autofree char *xlsx = g_build_filename (pd_test_tmpdir (), "owners.xlsx", NULL);
  g_autofree char *copy = g_build_filename (pd_test_tmpdir (), "stick.db", NULL);
  g_autoptr (PdContext) ctx = pd_test_context_open (db, "2026-11-23 09:00:00");
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GPtrArray) full = NULL;
  g_autoptr (PdOwnerForm) form = NULL;
  g_autoptr (GDateTime) later = NULL;
  g_autofree char *unit = NULL;
  g_autofree char *form_what = NULL;
  PdExportLogEntry *newest;
  gint64 rows;

  g_assert_true (pd_demo_generate (ctx, 12, 1, &error));
  g_assert_no_error (error);

  /* A clerk's masked owner list, a supervisor's unmasked one, then a
   * clerk's copy of the database and a supervisor's unmasked form. */
  pd_context_set_user (ctx, "zhang", PD_ROLE_CLERK);
  rows = pd_owner_export (ctx, xlsx, FALSE, &error);
  g_assert_cmpint (rows, >, 0);
  g_assert_cmpint (pd_owner_export (ctx, xlsx, TRUE, &error), ==, -1);
  g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_DENIED);
  g_clear_error (&error);
  pd_context_set_user (ctx, "chen", PD_ROLE_SUPERVISOR);
  g_assert_cmpint (pd_owner_export (ctx, xlsx, TRUE, &error), >, 0);
  later = g_date_time_new_local (2026, 11, 23, 15, 30, 0);
  pd_context_set_now (ctx, later);
  pd_context_set_user (ctx, "zhang", PD_ROLE_CLERK);
  g_assert_true (pd_backup_export (ctx, copy, &error));
  pd_context_set_user (ctx, "chen", PD_ROLE_SUPERVISOR);
  unit = first_unit_code (ctx);
  form_what = g_strconcat ("owner form ", unit, NULL);
  form = pd_owner_form_load (ctx, unit, TRUE, &error);
  g_assert_no_error (error);
  g_assert_true (pd_owner_form_log (ctx, form, "printer", &error));

  g_assert_null (pd_export_log_list (ctx, FALSE, &error));
  g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_DENIED);
  g_clear_error (&error);

  pd_context_set_user (ctx, "admin", PD_ROLE_ADMIN);
  all = pd_export_log_list (ctx, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 4);
  newest = all->pdata[0];
  g_assert_cmpstr (newest->user_name, ==, "chen");
  g_assert_cmpstr (newest->at, ==, "2026-11-23 15:30:00");
  g_assert_cmpstr (newest->what, ==, form_what);
  g_assert_true (newest->unmasked);
  g_assert_cmpstr (newest->file, ==, "printer");
  g_assert_cmpstr (((PdExportLogEntry *) all->pdata[1])->what, ==, "database backup");
  g_assert_cmpstr (((PdExportLogEntry *) all->pdata[3])->user_name, ==, "zhang");
  g_assert_false (((PdExportLogEntry *) all->pdata[3])->unmasked);
  g_assert_cmpint (((PdExportLogEntry *) all->pdata[3])->rows, ==, rows);

  full = pd_export_log_list (ctx, TRUE, &error);
  g_assert_cmpuint (full->len, ==, 3);
  for (guint i = 0; i < full->len; i++)
    g_assert_true (((PdExportLogEntry *) full->pdata[i])->unmasked);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/export-log/list-admin-only", test_list_admin_only);
  return g_test_run ();
}
