/* pd-bench-baseline.c — before/after ratios of the fixes, in the same run:
 * the same jobs by a build of the code before them (--baseline DIR) and by
 * this build, timed by CPU (user + system), which a busy machine disturbs
 * far less than wall time.  Sizes are those the old code finishes in
 * reasonable time: its costs grew with the square of the data. */
#include "config.h"

#include <glib/gstdio.h>

#include "pd-bench.h"

/* Runs @argv @runs times, returns the median CPU milliseconds (-1: failed);
 * @fresh_db (or NULL) is deleted before each run. */
static double
median_cpu (Bench             *bench,
            const char *const *argv,
            const char        *fresh_db)
{
  g_autoptr (GArray) cpu = g_array_new (FALSE, FALSE, sizeof (double));

  /* The old code is slow: three runs make the median. */
  for (guint run = 0; run < MIN (bench->runs, 3); run++)
    {
      if (fresh_db != NULL)
        {
          g_autofree char *wal = g_strconcat (fresh_db, "-wal", NULL);
          g_unlink (fresh_db);
          g_unlink (wal);
        }
      if (run_timed (argv, NULL, NULL, NULL) < 0)
        return -1;
      g_array_append_val (cpu, (double) { last_run_cpu_ms () });
    }
  return stats_of (cpu).median;
}

static void
ratio_row (Bench      *bench,
           const char *what,
           double      before,
           double      after)
{
  if (before < 0 || after <= 0)
    {
      bench_note (bench, what, "a run failed");
      return;
    }
  g_string_append_printf (bench->report, "| %s | %.0f | %.0f | %.1f× |\n", what, before, after, before / after);
  g_print ("%-56s before %.0f ms CPU, after %.0f ms CPU: %.1f×\n", what, before, after, before / after);
}

static char *
copy_file (const char *from,
           const char *to)
{
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_get_contents (from, &contents, &length, NULL) ||
      !g_file_set_contents (to, contents, length, NULL))
    return NULL;
  return g_strdup (to);
}

void
bench_baseline (Bench      *bench,
                const char *baseline_builddir)
{
  g_autofree char *old_cli = g_build_filename (baseline_builddir, "src", "propdesk-cli", NULL);
  g_autofree char *new_cli = g_build_filename (bench->builddir, "src", "propdesk-cli", NULL);
  g_autofree char *old_db = g_build_filename (bench->workdir, "baseline-old.db", NULL);
  g_autofree char *new_db = g_build_filename (bench->workdir, "baseline-new.db", NULL);
  g_autofree char *slips_db = g_build_filename (bench->workdir, "baseline-slips.db", NULL);
  g_autofree char *ledger = g_build_filename (bench->workdir, "ledger.csv", NULL);
  g_autofree char *small_ledger = g_build_filename (bench->workdir, "ledger-10000.csv", NULL);
  g_autofree char *pdf = g_build_filename (bench->workdir, "baseline-slips.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *serials = NULL;
  g_autofree char *sqlite3_cli = g_find_program_in_path ("sqlite3");
  double before, after;

  g_autofree char *source = g_path_get_dirname (baseline_builddir);
  g_autofree char *commit = NULL;
  const char *git_argv[] = { "/usr/bin/git", "-C", source, "log", "-1", "--format=%h %s", NULL };

  if (run_timed (git_argv, NULL, &commit, NULL) < 0)
    g_clear_pointer (&commit, g_free);
  g_string_append_printf (bench->report,
    "\n### The fixes, before and after (CPU time, medians of up to 3 runs)\n\n"
    "“Before” is the build given with --baseline (commit %s); both builds run the same job in this run.\n\n"
    "| job | before ms | after ms | ratio |\n|---|---|---|---|\n",
    commit ? g_strstrip (commit) : "unknown");
  if (!g_file_test (old_cli, G_FILE_TEST_IS_EXECUTABLE))
    {
      bench_note (bench, "baseline", "no propdesk-cli in the baseline build folder");
      return;
    }

  /* The demo generator (the portfolio's): 2,000 units, the demo office's
   * own year of records. */
  {
    const char *old_argv[] = { old_cli, "--db", old_db, "demo", "--units", "2000", NULL };
    const char *new_argv[] = { new_cli, "--db", new_db, "demo", "--units", "2000", NULL };
    before = median_cpu (bench, old_argv, old_db);
    after = median_cpu (bench, new_argv, new_db);
    ratio_row (bench, "demo generator, 2,000 units (propdesk-cli demo)", before, after);
  }

  /* Release slips to one PDF: all of the old demo's slips, each build on
   * its own copy of the same database (this build migrates its copy once,
   * before timing). */
  {
    const char *serial_argv[] = { sqlite3_cli, old_db, "SELECT min(serial) || ' ' || max(serial) || ' ' || count(*) "
                                  "FROM (SELECT serial FROM release_slip ORDER BY serial LIMIT 60)", NULL };
    g_auto (GStrv) parts = NULL;

    if (sqlite3_cli != NULL && run_timed (serial_argv, NULL, &serials, NULL) >= 0 && copy_file (old_db, slips_db) != NULL &&
        (parts = g_strsplit (g_strstrip (serials), " ", 3)) != NULL && g_strv_length (parts) == 3)
      {
        const char *migrate[] = { new_cli, "--db", slips_db, "search", "张", NULL };
        const char *old_argv[] = { old_cli, "--db", old_db, "print", "release-slips", "--from", parts[0],
                                   "--to", parts[1], pdf, NULL };
        const char *new_argv[] = { new_cli, "--db", slips_db, "print", "release-slips", "--from", parts[0],
                                   "--to", parts[1], pdf, NULL };
        g_autofree char *what = g_strdup_printf ("%s release slips to one PDF", parts[2]);

        run_timed (migrate, NULL, NULL, NULL);
        before = median_cpu (bench, old_argv, NULL);
        after = median_cpu (bench, new_argv, NULL);
        ratio_row (bench, what, before, after);
      }
    else
      bench_note (bench, "release slips to one PDF", "no slips in the baseline's demo");
  }

  /* The owner ledger import, 10,000 rows (the old one looked every ID
   * number up without its index). */
  if (g_file_get_contents (ledger, &contents, NULL, NULL))
    {
      char *cut = strchr (contents, '\n');   /* the end of the heading */
      char *next;
      int rows = 0;

      for (; rows < 10000 && cut != NULL && (next = strchr (cut + 1, '\n')) != NULL; rows++)
        cut = next;
      if (cut != NULL)
        cut[1] = '\0';
      g_file_set_contents (small_ledger, contents, -1, NULL);
      {
        g_autofree char *what = g_strdup_printf ("import owners, %d-row CSV into an empty estate", rows);
        const char *old_argv[] = { old_cli, "--db", old_db, "import", "owners", small_ledger, NULL };
        const char *new_argv[] = { new_cli, "--db", new_db, "import", "owners", small_ledger, NULL };
        before = median_cpu (bench, old_argv, old_db);
        after = median_cpu (bench, new_argv, new_db);
        ratio_row (bench, what, before, after);
      }
    }
}
