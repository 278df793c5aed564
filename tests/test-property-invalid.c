/* Property test: thousands of random invalid records thrown at every core
 * create/update function.  Each call breaks exactly one field of an
 * otherwise valid record (its case knows which); the call must fail with a
 * PD_VALIDATION_ERROR whose field key names that field, and the database
 * must be unchanged (a hash over every row of every table, before and
 * after).  Each case's valid record is also saved once, so a case whose
 * "valid" record is refused for another reason cannot pass unnoticed.
 *
 * The seed is printed; PD_PROPERTY_SEED replays a run, PD_PROPERTY_CALLS
 * sets the number of calls (default 3000). */
#include "config.h"

#include "pd-demo.h"
#include "pd-error.h"
#include "pd-property-invalid.h"
#include "pd-test-fixture.h"

/* Every table's rows, in rowid order, through one SHA-256. */
static char *
database_hash (PdContext *ctx)
{
  sqlite3 *db = pd_database_get_handle (pd_context_get_database (ctx));
  g_autoptr (GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr (GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_master WHERE type = 'table' "
                                           "AND name NOT LIKE 'sqlite_stat%' ORDER BY name",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  for (guint t = 0; t < tables->len; t++)
    {
      /* Table names come from the schema, not from input. */
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\"", (char *) tables->pdata[t]);

      g_checksum_update (sum, (const guchar *) sql, -1);
      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        for (int c = 0; c < sqlite3_column_count (stmt); c++)
          {
            int type = sqlite3_column_type (stmt, c);
            const void *blob = sqlite3_column_blob (stmt, c);
            int size = sqlite3_column_bytes (stmt, c);

            g_checksum_update (sum, (const guchar *) &type, sizeof type);
            g_checksum_update (sum, (const guchar *) &size, sizeof size);
            if (blob != NULL)
              g_checksum_update (sum, blob, size);
          }
      sqlite3_finalize (stmt);
    }
  return g_strdup (g_checksum_get_string (sum));
}

/* @expected is a key, or keys separated by "|" where a module names one
 * field two ways (a unit chosen by id or typed as a code). */
static gboolean
field_matches (const char   *expected,
               const GError *error)
{
  g_auto (GStrv) keys = g_strsplit (expected ? expected : "", "|", -1);

  return pd_error_get_field (error) != NULL &&
         g_strv_contains ((const char *const *) keys, pd_error_get_field (error));
}

static PdProperty *
property_new (guint32 seed)
{
  g_autoptr (GError) error = NULL;
  PdProperty *p = g_new0 (PdProperty, 1);

  p->ctx = pd_test_context_new ("2026-11-23 10:00:00");
  g_assert_true (pd_demo_generate (p->ctx, 150, 7, &error));
  g_assert_no_error (error);
  p->rand = g_rand_new_with_seed (seed);
  p->strings = g_ptr_array_new_with_free_func (g_free);
  pd_property_prepare (p);
  return p;
}

static void
property_free (PdProperty *p)
{
  g_object_unref (p->ctx);
  g_rand_free (p->rand);
  g_ptr_array_unref (p->strings);
  g_free (p->taken_id_number);
  g_free (p->taken_plate);
  g_free (p);
}

static guint32
seed_from_env (void)
{
  const char *env = g_getenv ("PD_PROPERTY_SEED");

  return env != NULL ? (guint32) g_ascii_strtoull (env, NULL, 10) : g_random_int ();
}

/* Each case's valid record must be accepted: it proves the case breaks
 * only the field it names. */
static void
test_valid_baselines (void)
{
  guint32 seed = seed_from_env ();
  PdProperty *p = property_new (seed);
  guint n;
  const PdPropertyCase *cases = pd_property_cases (&n);

  g_test_message ("seed %u", seed);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GError) error = NULL;
      const char *field = NULL;

      if (!cases[i].run (p, -1, &field, &error))
        g_error ("%s: the valid record was refused: %s", cases[i].name,
                 error ? error->message : "(no error)");
      g_ptr_array_set_size (p->strings, 0);
    }
  property_free (p);
}

static void
test_random_invalid (void)
{
  guint32 seed = seed_from_env ();
  const char *calls_env = g_getenv ("PD_PROPERTY_CALLS");
  guint calls = calls_env ? (guint) atoi (calls_env) : 3000;
  PdProperty *p = property_new (seed);
  guint n;
  const PdPropertyCase *cases = pd_property_cases (&n);
  g_autofree char *before = database_hash (p->ctx);
  sqlite3 *db = pd_database_get_handle (pd_context_get_database (p->ctx));
  g_autofree guint *tried = g_new0 (guint, n);
  gboolean trace = g_getenv ("PD_PROPERTY_TRACE") != NULL;

  /* Printed so a failure can be replayed with PD_PROPERTY_SEED. */
  g_test_message ("seed %u, %u calls", seed, calls);
  g_printerr ("# property seed %u\n", seed);
  for (guint call = 0; call < calls; call++)
    {
      g_autoptr (GError) error = NULL;
      guint which = g_rand_int_range (p->rand, 0, n);
      int broken = g_rand_int_range (p->rand, 0, cases[which].n_fields);
      const char *field = NULL;
      sqlite3_int64 changes = sqlite3_total_changes64 (db);
      gboolean ok;

      /* A crash or a critical inside the call is then easy to place. */
      if (trace)
        g_printerr ("# call %u: %s, field %d\n", call, cases[which].name, broken);
      ok = cases[which].run (p, broken, &field, &error);

      if (ok || error == NULL || error->domain != PD_VALIDATION_ERROR || !field_matches (field, error))
        g_error ("seed %u call %u: %s with %s broken: %s (field %s)", seed, call, cases[which].name,
                 field, ok ? "accepted" : error ? error->message : "failed without an error",
                 error ? pd_error_get_field (error) : "-");
      /* No row touched at all, or every touch rolled back. */
      if (sqlite3_total_changes64 (db) != changes)
        {
          g_autofree char *after = database_hash (p->ctx);
          if (!g_str_equal (before, after))
            g_error ("seed %u call %u: %s with %s broken changed the database", seed, call,
                     cases[which].name, field);
        }
      g_assert_false (sqlite3_get_autocommit (db) == 0);
      tried[which]++;
      g_ptr_array_set_size (p->strings, 0);
    }
  {
    g_autofree char *after = database_hash (p->ctx);
    g_assert_cmpstr (before, ==, after);
  }
  for (guint i = 0; i < n; i++)
    g_test_message ("%s: %u invalid calls refused", cases[i].name, tried[i]);
  property_free (p);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/property/valid-baselines", test_valid_baselines);
  g_test_add_func ("/property/random-invalid", test_random_invalid);
  return g_test_run ();
}
