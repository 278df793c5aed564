/* The demo generator: deterministic, valid, every unit state present. */
#include "config.h"

#include "pd-demo.h"
#include "pd-person.h"
#include "pd-test-fixture.h"
#include "pd-validate.h"

static char *
fingerprint (PdContext *ctx)
{
  sqlite3_stmt *stmt = pd_database_prepare (pd_context_get_database (ctx),
    "SELECT group_concat(code || state || coalesce(gross_area, ''), ',') FROM unit", NULL);
  g_autofree char *units = NULL;
  char *text;

  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  units = pd_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  stmt = pd_database_prepare (pd_context_get_database (ctx),
    "SELECT group_concat(name || id_number || mobile, ',') FROM person", NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  text = g_strconcat (units, pd_column_text (stmt, 0), NULL);
  sqlite3_reset (stmt);
  return text;
}

static void
test_deterministic_and_valid (void)
{
  g_autoptr (PdContext) a = pd_test_context_new ("2026-11-23 09:00:00");
  g_autoptr (PdContext) b = pd_test_context_new ("2026-11-23 09:00:00");
  g_autoptr (PdContext) c = pd_test_context_new ("2026-11-23 09:00:00");
  g_autoptr (GError) error = NULL;
  g_autofree char *fa = NULL, *fb = NULL, *fc = NULL;
  sqlite3_stmt *stmt;
  static const char *const states[] = { "unsold", "vacant", "handed_over", "renovating", "occupied", "rented" };

  g_assert_true (pd_demo_generate (a, 300, 42, &error));
  g_assert_true (pd_demo_generate (b, 300, 42, &error));
  g_assert_true (pd_demo_generate (c, 300, 43, &error));
  g_assert_no_error (error);
  fa = fingerprint (a);
  fb = fingerprint (b);
  fc = fingerprint (c);
  g_assert_cmpstr (fa, ==, fb);
  g_assert_cmpstr (fa, !=, fc);

  g_assert_cmpint (pd_test_count (a, "SELECT count(*) FROM unit", NULL), ==, 300);
  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    g_assert_cmpint (pd_test_count (a, "SELECT count(*) FROM unit WHERE state = ?", states[i]), >, 0);
  g_assert_cmpint (pd_test_count (a, "SELECT count(*) FROM unit_role WHERE role = 'tenant'", NULL), >, 0);
  g_assert_cmpint (pd_test_count (a, "SELECT count(*) FROM unit_role WHERE role = 'member'", NULL), >, 0);
  g_assert_cmpint (pd_test_count (a, "SELECT count(*) FROM vehicle", NULL), >, 0);
  g_assert_cmpint (pd_test_count (a, "SELECT count(*) FROM person WHERE kind = 'enterprise'", NULL), >, 0);
  /* Every rented unit has a tenant; no unsold unit has an owner. */
  g_assert_cmpint (pd_test_count (a, "SELECT count(*) FROM unit u WHERE state = 'rented' AND NOT EXISTS "
                                     "(SELECT 1 FROM unit_role r WHERE r.unit_id = u.id AND r.role = 'tenant')", NULL), ==, 0);
  g_assert_cmpint (pd_test_count (a, "SELECT count(*) FROM unit u JOIN unit_role r ON r.unit_id = u.id "
                                     "WHERE u.state = 'unsold'", NULL), ==, 0);

  /* Every generated ID number passes the real validator. */
  stmt = pd_database_prepare (pd_context_get_database (a),
    "SELECT id_number FROM person WHERE id_number <> ''", NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_assert_true (pd_prc_id_parse (pd_column_text (stmt, 0), NULL, NULL, NULL, NULL));
  sqlite3_reset (stmt);

  /* A second run into the same database is refused and changes nothing. */
  g_assert_false (pd_demo_generate (a, 10, 1, &error));
  g_assert_nonnull (error);
  g_assert_cmpint (pd_test_count (a, "SELECT count(*) FROM unit", NULL), ==, 300);
}

/* A benchmark portfolio gets a year of records in the volumes asked for. */
static void
test_portfolio_volumes (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new ("2026-11-23 09:00:00");
  g_autoptr (GError) error = NULL;
  PdDemoVolumes volumes = { .people = 1800, .renovations = 150, .survey_responses = 500, .release_slips = 300 };
  gint64 n;

  g_assert_true (pd_demo_generate_portfolio (ctx, 600, &volumes, 7, &error));
  g_assert_no_error (error);
  /* Asked only while generating. */
  g_assert_cmpuint (pd_demo_volumes (ctx).people, ==, 0);

  n = pd_test_count (ctx, "SELECT count(*) FROM person", NULL);
  g_assert_cmpint (n, >=, 1800 * 85 / 100);
  g_assert_cmpint (n, <=, 1800 * 115 / 100);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM renovation", NULL), ==, 150);
  n = pd_test_count (ctx, "SELECT count(*) FROM survey_response", NULL);
  g_assert_cmpint (n, >=, 500 * 75 / 100);
  g_assert_cmpint (n, <=, 500 * 125 / 100);
  n = pd_test_count (ctx, "SELECT count(*) FROM release_slip", NULL);
  g_assert_cmpint (n, >=, 300 * 75 / 100);
  g_assert_cmpint (n, <=, 300 * 125 / 100);
  /* A year of slips, not the demo office's hundred days. */
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM release_slip WHERE issued_at < '2026-05-01'", NULL), >, 0);
  /* Every ID number is still unique and valid. */
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) - count(DISTINCT id_number) FROM person "
                                       "WHERE id_number <> ''", NULL), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/demo/deterministic-and-valid", test_deterministic_and_valid);
  g_test_add_func ("/demo/portfolio-volumes", test_portfolio_volumes);
  return g_test_run ();
}
