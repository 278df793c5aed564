/* propdesk-cli and release slips: verify-slip's exit status and reasons,
 * batch printing a serial range to PDF, the month's register export. */
#include "config.h"

#include "pd-release-code.h"
#include "pd-release-slip.h"
#include "pd-test-fixture.h"
#include "pd-unit-role.h"

static char *db_path;

static char *
cli (int        *status,
     char      **err,
     const char *first,
     ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  va_list args;

  g_ptr_array_add (argv, (gpointer) g_getenv ("PROPDESK_CLI"));
  g_ptr_array_add (argv, "--db");
  g_ptr_array_add (argv, db_path);
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  return pd_test_run ((const char *const *) argv->pdata, status, err);
}

static char *
serial_where (PdContext  *ctx,
              const char *condition)
{
  g_autofree char *sql = g_strconcat ("SELECT serial FROM release_slip WHERE ", condition,
                                      " ORDER BY id LIMIT 1", NULL);
  sqlite3_stmt *stmt = pd_database_prepare (pd_context_get_database (ctx), sql, NULL);
  char *serial = NULL;

  if (sqlite3_step (stmt) == SQLITE_ROW)
    serial = pd_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  g_assert_nonnull (serial);
  return serial;
}

static char *
code_of (PdContext  *ctx,
         const char *serial)
{
  g_autoptr (PdReleaseSlip) slip = pd_release_slip_find (ctx, serial, NULL);
  return pd_release_code_compute (ctx, slip, NULL);
}

/* Exit status and the words stderr must contain. */
static void
expect_refused (PdContext  *ctx,
                const char *serial,
                const char *code,
                const char *words)
{
  g_autofree char *err = NULL;
  g_autofree char *out = NULL;
  int status;

  out = cli (&status, &err, "verify-slip", serial, code, NULL);
  g_assert_cmpint (status, ==, 1);
  if (strstr (err, words) == NULL)
    g_error ("verify-slip %s %s said “%s”, expected “%s”", serial, code, err, words);
}

static void
test_verify_slip (void)
{
  g_autoptr (PdContext) ctx = NULL;
  g_autoptr (PdReleaseSlip) fresh = pd_release_slip_new ();
  g_autoptr (GPtrArray) applicants = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *code = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *released = NULL, *voided = NULL, *expired = NULL;
  g_autofree char *released_code = NULL, *voided_code = NULL, *expired_code = NULL;
  gint64 unit;
  int status;

  /* The real clock, like the CLI's. */
  ctx = pd_test_context_open (db_path, NULL);
  unit = pd_test_count (ctx, "SELECT min (unit_id) FROM unit_role WHERE role = 'owner' AND ended_on = ''", NULL);
  applicants = pd_release_applicants (ctx, unit, NULL);
  fresh->unit_id = unit;
  fresh->applicant_id = ((PdUnitRole *) applicants->pdata[0])->person_id;
  g_ptr_array_add (fresh->items, pd_release_item_new ("电视机", 1, ""));
  g_free (fresh->carrier_name);
  fresh->carrier_name = g_strdup ("陈师傅");
  g_free (fresh->carrier_id_number);
  fresh->carrier_id_number = g_strdup ("11010519491231002X");
  fresh->no_dangerous_goods = TRUE;
  pd_release_slip_issue (ctx, fresh, &error);
  g_assert_no_error (error);
  code = code_of (ctx, fresh->serial);

  out = cli (&status, &err, "verify-slip", fresh->serial, code, NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, fresh->serial));
  g_assert_nonnull (strstr (out, "电视机"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Typed in lower case without the dash, the serial shortened: still valid. */
  {
    g_autofree char *sloppy = g_ascii_strdown (code, -1);
    g_autofree char *short_serial = g_strdup_printf ("%d-%d", fresh->year, fresh->number);
    memmove (sloppy + 4, sloppy + 5, strlen (sloppy + 5) + 1);
    out = cli (&status, &err, "verify-slip", short_serial, sloppy, NULL);
    g_assert_cmpint (status, ==, 0);
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }

  expect_refused (ctx, fresh->serial, "ABCD-EFGH", "does not belong");
  expect_refused (ctx, fresh->serial, "12", "is not a code");
  expect_refused (ctx, "2019-00001", code, "there is no release slip");
  expect_refused (ctx, "abc", code, "not a slip number");

  released = serial_where (ctx, "state = 'released'");
  voided = serial_where (ctx, "state = 'void'");
  expired = serial_where (ctx, "state = 'issued' AND valid_on < date ('now', 'localtime')");
  released_code = code_of (ctx, released);
  voided_code = code_of (ctx, voided);
  expired_code = code_of (ctx, expired);
  expect_refused (ctx, released, released_code, "already used");
  expect_refused (ctx, voided, voided_code, "is void");
  expect_refused (ctx, expired, expired_code, "has expired");

  out = cli (&status, &err, "verify-slip", fresh->serial, NULL);
  g_assert_cmpint (status, ==, 2);
}

static void
test_print_and_export (void)
{
  g_autofree char *pdf = g_build_filename (pd_test_tmpdir (), "batch.pdf", NULL);
  g_autofree char *xlsx = g_build_filename (pd_test_tmpdir (), "month.xlsx", NULL);
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autoptr (PdContext) ctx = pd_test_context_open (db_path, NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *text = NULL;
  g_autofree char *month = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  int status, year;

  /* The demo's year is the clock's: take the serials it really has. */
  year = pd_test_count (ctx, "SELECT year FROM release_slip ORDER BY id DESC LIMIT 1", NULL);
  from = g_strdup_printf ("%d-3", year);
  to = g_strdup_printf ("%d-00007", year);
  out = cli (&status, &err, "print", "release-slips", "--from", from, "--to", to, pdf, NULL);
  g_assert_cmpint (status, ==, 0);
  {
    const char *argv[] = { pdftotext, pdf, "-", NULL };
    text = pd_test_run (argv, &status, NULL);
  }
  for (int n = 3; n <= 8; n++)
    {
      g_autofree char *serial = g_strdup_printf ("%d-%05d", year, n);
      g_autofree char *code = code_of (ctx, serial);

      /* 3 to 7 on both parts of their sheets, 8 not at all. */
      g_assert_cmpint (strstr (text, serial) != NULL, ==, n <= 7);
      g_assert_cmpint (strstr (text, code) != NULL, ==, n <= 7);
    }
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  out = cli (&status, &err, "print", "release-slips", "--from", to, "--to", from, pdf, NULL);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "ascending"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* The month of the oldest slip. */
  {
    sqlite3_stmt *stmt = pd_database_prepare (pd_context_get_database (ctx),
                                              "SELECT substr (min (issued_at), 1, 7) FROM release_slip", NULL);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    month = pd_column_dup (stmt, 0);
    sqlite3_reset (stmt);
  }
  out = cli (&status, &err, "export", "release-slips", "--month", month, xlsx, NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (g_file_test (xlsx, G_FILE_TEST_IS_REGULAR));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  out = cli (&status, &err, "export", "release-slips", "--month", "2026-13", xlsx, NULL);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "--month"));
}

int
main (int    argc,
      char **argv)
{
  int status;
  g_autofree char *out = NULL;

  g_test_init (&argc, &argv, NULL);
  db_path = g_build_filename (pd_test_tmpdir (), "cli.db", NULL);
  out = cli (&status, NULL, "demo", "--units", "80", NULL);
  g_assert_cmpint (status, ==, 0);
  g_test_add_func ("/release/cli/verify-slip", test_verify_slip);
  g_test_add_func ("/release/cli/print-and-export", test_print_and_export);
  return g_test_run ();
}
