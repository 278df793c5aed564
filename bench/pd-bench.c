/* pd-bench — PropDesk's speed claims, measured.
 *
 *   build/bench/pd-bench [--units N] [--runs R] [--workdir DIR] [--results FILE]
 *
 * Generates (once, cached in WORKDIR) a deterministic portfolio with the
 * demo generator, then measures the medians of R runs (min and max shown):
 * cold start of the GUI to its first painted frame, search per keystroke
 * (p50/p95 of the core query), the owner list query, a 1,000-slip release
 * PDF, and import of an owner ledger as CSV against the sqlite3 command
 * line's .import as the floor.  Writes bench/RESULTS.md (or --results).
 * Tools that are not installed are reported as such, never guessed. */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include "pd-demo.h"
#include "pd-owner-list.h"
#include "pd-search.h"

typedef struct
{
  double min, median, max;
} Stats;

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static Stats
stats_of (GArray *samples)
{
  Stats s = { 0 };

  if (samples->len == 0)
    return s;
  g_array_sort (samples, compare_doubles);
  s.min = g_array_index (samples, double, 0);
  s.max = g_array_index (samples, double, samples->len - 1);
  s.median = g_array_index (samples, double, samples->len / 2);
  return s;
}

static double
percentile (GArray *sorted,
            double  p)
{
  guint index = (guint) (p * (sorted->len - 1) + 0.5);
  return g_array_index (sorted, double, index);
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* Runs argv, returns wall milliseconds (or -1) and the child's peak RSS. */
static double
run_timed (const char *const *argv,
           const char        *stdout_path,
           long              *peak_rss_kb)
{
  g_autoptr (GError) error = NULL;
  double start = now_ms ();
  GPid pid;
  int status;
  struct rusage usage;

  if (!g_spawn_async_with_pipes (NULL, (char **) argv, NULL,
                                 G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDERR_TO_DEV_NULL |
                                 (stdout_path ? 0 : G_SPAWN_STDOUT_TO_DEV_NULL),
                                 NULL, NULL, &pid, NULL, NULL, NULL, &error))
    {
      g_printerr ("cannot run %s: %s\n", argv[0], error->message);
      return -1;
    }
  if (wait4 (pid, &status, 0, &usage) < 0 || !WIFEXITED (status) || WEXITSTATUS (status) != 0)
    return -1;
  if (peak_rss_kb)
    *peak_rss_kb = usage.ru_maxrss;
  return now_ms () - start;
}

static char *
find_program (const char *name)
{
  return g_find_program_in_path (name);
}

typedef struct
{
  GString    *report;
  const char *builddir;
  const char *workdir;
  guint       runs;
  guint       units;
} Bench;

static void
row (Bench      *bench,
     const char *what,
     Stats       s,
     const char *unit,
     const char *target)
{
  g_string_append_printf (bench->report, "| %s | %.1f | %.1f | %.1f | %s | %s |\n", what, s.median,
                          s.min, s.max, unit, target);
  g_print ("%-48s median %.1f %s (min %.1f, max %.1f)\n", what, s.median, unit, s.min, s.max);
}

static void
note (Bench      *bench,
      const char *what,
      const char *text)
{
  g_string_append_printf (bench->report, "| %s | — | — | — | | %s |\n", what, text);
  g_print ("%-48s %s\n", what, text);
}

static PdContext *
open_portfolio (Bench *bench,
                char **path_out)
{
  g_autofree char *path = g_strdup_printf ("%s/portfolio-%u.db", bench->workdir, bench->units);
  g_autoptr (GError) error = NULL;
  gboolean fresh = !g_file_test (path, G_FILE_TEST_EXISTS);
  PdContext *ctx = pd_context_open (path, &error);

  if (ctx == NULL)
    g_error ("%s", error->message);
  if (fresh)
    {
      double start = now_ms ();
      g_print ("generating %u units into %s …\n", bench->units, path);
      if (!pd_demo_generate (ctx, bench->units, 20261123, &error))
        g_error ("%s", error->message);
      /* The startup benchmark times the main window: without accounts no
       * login dialog waits for a human first. */
      if (!pd_database_exec (pd_context_get_database (ctx), "DELETE FROM user_account", &error))
        g_error ("%s", error->message);
      g_string_append_printf (bench->report, "Portfolio generated in %.1f s.\n\n", (now_ms () - start) / 1000);
    }
  *path_out = g_steal_pointer (&path);
  return ctx;
}

/* Queries a clerk types: prefixes of real names, initials, pinyin, unit
 * codes and phone tails, one keystroke at a time. */
static GPtrArray *
make_queries (PdContext *ctx)
{
  GPtrArray *queries = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = pd_database_prepare (pd_context_get_database (ctx),
    "SELECT p.name, p.initials, p.pinyin, p.mobile, u.code FROM person p "
    "JOIN unit_role r ON r.person_id = p.id JOIN unit u ON u.id = r.unit_id "
    "WHERE p.id % 97 = 0 LIMIT 200", NULL);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *name = pd_column_text (stmt, 0);
      const char *initials = pd_column_text (stmt, 1);
      const char *pinyin = pd_column_text (stmt, 2);
      const char *mobile = pd_column_text (stmt, 3);
      const char *code = pd_column_text (stmt, 4);

      for (glong i = 1; i <= g_utf8_strlen (name, -1); i++)
        g_ptr_array_add (queries, g_utf8_substring (name, 0, i));
      for (gsize i = 1; i <= strlen (initials); i++)
        g_ptr_array_add (queries, g_strndup (initials, i));
      for (gsize i = 1; i <= 6 && i <= strlen (pinyin); i++)
        g_ptr_array_add (queries, g_strndup (pinyin, i));
      if (strlen (mobile) == 11)
        g_ptr_array_add (queries, g_strdup (mobile + 7));
      for (gsize i = 1; i <= strlen (code); i++)
        g_ptr_array_add (queries, g_strndup (code, i));
    }
  sqlite3_reset (stmt);
  return queries;
}

static void
bench_search (Bench     *bench,
              PdContext *ctx)
{
  g_autoptr (GPtrArray) queries = make_queries (ctx);
  g_autoptr (GArray) core = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) list = g_array_new (FALSE, FALSE, sizeof (double));
  gint64 people = pd_database_query_int (pd_context_get_database (ctx), "SELECT count(*) FROM person", NULL, NULL);
  char label[160];

  for (guint run = 0; run < bench->runs; run++)
    for (guint i = 0; i < queries->len; i++)
      {
        double start = now_ms ();
        g_autoptr (GPtrArray) hits = pd_search (ctx, queries->pdata[i], 200, NULL);
        double end = now_ms ();
        g_autoptr (GArray) ids = NULL;
        g_array_append_val (core, (double) { end - start });
        if (run == 0)
          {
            start = now_ms ();
            ids = pd_owner_list_unit_ids (ctx, queries->pdata[i], PD_OWNER_SORT_UNIT, FALSE, NULL);
            end = now_ms ();
            g_array_append_val (list, (double) { end - start });
          }
      }
  g_array_sort (core, compare_doubles);
  g_array_sort (list, compare_doubles);
  g_string_append_printf (bench->report,
    "\n### Search per keystroke over %" G_GINT64_FORMAT " people (%u queries × %u runs)\n\n"
    "| query | p50 ms | p95 ms | max ms | target |\n|---|---|---|---|---|\n"
    "| core search (pd_search) | %.2f | %.2f | %.2f | p95 ≤ 10 ms |\n"
    "| owner list ids for the query (what the GUI list runs) | %.2f | %.2f | %.2f | |\n\n",
    people, queries->len, bench->runs,
    percentile (core, 0.5), percentile (core, 0.95), g_array_index (core, double, core->len - 1),
    percentile (list, 0.5), percentile (list, 0.95), g_array_index (list, double, list->len - 1));
  g_snprintf (label, sizeof label, "search p50/p95");
  g_print ("%-48s p50 %.2f ms, p95 %.2f ms (%u queries)\n", label, percentile (core, 0.5),
           percentile (core, 0.95), core->len);
}

static void
bench_owner_list (Bench     *bench,
                  PdContext *ctx)
{
  g_autoptr (GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint run = 0; run < bench->runs; run++)
    {
      double start = now_ms ();
      g_autoptr (GArray) ids = pd_owner_list_unit_ids (ctx, NULL, PD_OWNER_SORT_OWNER, FALSE, NULL);
      g_array_append_val (samples, (double) { now_ms () - start });
    }
  row (bench, "owner list: all units sorted by owner (ids)", stats_of (samples), "ms", "");
}

static void
bench_startup (Bench      *bench,
               const char *db)
{
  g_autofree char *gui = g_build_filename (bench->builddir, "src", "propdesk", NULL);
  const char *argv[] = { gui, "--db", db, NULL };
  g_autoptr (GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  long peak = 0, max_peak = 0;

  if (g_getenv ("DISPLAY") == NULL)
    {
      note (bench, "GUI cold start to first frame", "no display: run under xvfb-run");
      return;
    }
  g_setenv ("PROPDESK_BENCH_STARTUP", "1", TRUE);
  g_setenv ("GTK_A11Y", "none", TRUE);
  for (guint run = 0; run < bench->runs; run++)
    {
      double ms = run_timed (argv, NULL, &peak);
      if (ms >= 0)
        g_array_append_val (samples, ms);
      max_peak = MAX (max_peak, peak);
    }
  g_unsetenv ("PROPDESK_BENCH_STARTUP");
  row (bench, "GUI start to first painted frame (process wall time)", stats_of (samples), "ms", "≤ 300 ms");
  g_string_append_printf (bench->report, "| GUI peak RSS at first frame | %.1f | | | MB | ≤ 150 MB |\n", max_peak / 1024.0);
  g_print ("%-48s %.1f MB\n", "GUI peak RSS at first frame", max_peak / 1024.0);
}

static void
bench_slips (Bench      *bench,
             const char *db)
{
  g_autofree char *cli = g_build_filename (bench->builddir, "src", "propdesk-cli", NULL);
  g_autofree char *pdf = g_build_filename (bench->workdir, "slips.pdf", NULL);
  g_autoptr (GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GError) error = NULL;
  g_autoptr (PdContext) ctx = pd_context_open (db, &error);
  sqlite3_stmt *stmt = pd_database_prepare (pd_context_get_database (ctx),
    "SELECT min(serial), max(serial), count(*) FROM (SELECT serial FROM release_slip ORDER BY serial LIMIT 1000)", NULL);
  g_autofree char *first = NULL, *last = NULL;
  int n = 0;

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    {
      note (bench, "1,000 release slips to one PDF", "release slips not in this database");
      return;
    }
  first = pd_column_dup (stmt, 0);
  last = pd_column_dup (stmt, 1);
  n = sqlite3_column_int (stmt, 2);
  sqlite3_reset (stmt);
  if (first == NULL)
    {
      note (bench, "release slips to one PDF", "no slips in the portfolio");
      return;
    }
  {
    const char *argv[] = { cli, "--db", db, "print", "release-slips", "--from", first, "--to", last, pdf, NULL };
    char label[64];
    for (guint run = 0; run < bench->runs; run++)
      {
        double ms = run_timed (argv, NULL, NULL);
        if (ms >= 0)
          g_array_append_val (samples, ms);
      }
    g_snprintf (label, sizeof label, "%d release slips to one PDF (CLI)", n);
    row (bench, label, stats_of (samples), "ms", "1,000 ≤ 2 s");
  }
}

/* The owner ledger of the portfolio as an office's CSV. */
static char *
write_ledger (Bench     *bench,
              PdContext *ctx,
              guint     *rows)
{
  g_autofree char *path = g_build_filename (bench->workdir, "ledger.csv", NULL);
  FILE *out = fopen (path, "w");
  sqlite3_stmt *stmt = pd_database_prepare (pd_context_get_database (ctx),
    "SELECT u.code, p.name, p.id_number, p.mobile, coalesce(u.gross_area, '') FROM unit u "
    "JOIN unit_role r ON r.unit_id = u.id AND r.role = 'owner' AND r.ended_on = '' "
    "JOIN person p ON p.id = r.person_id WHERE p.kind = 'individual' ORDER BY u.id", NULL);

  *rows = 0;
  fprintf (out, "房号,业主姓名,身份证号,手机,建筑面积\r\n");
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      fprintf (out, "%s,%s,%s,%s,%s\r\n", pd_column_text (stmt, 0), pd_column_text (stmt, 1),
               pd_column_text (stmt, 2), pd_column_text (stmt, 3), pd_column_text (stmt, 4));
      (*rows)++;
    }
  sqlite3_reset (stmt);
  fclose (out);
  return g_steal_pointer (&path);
}

static void
bench_import (Bench     *bench,
              PdContext *ctx)
{
  g_autofree char *cli = g_build_filename (bench->builddir, "src", "propdesk-cli", NULL);
  g_autofree char *sqlite3_cli = find_program ("sqlite3");
  guint rows = 0;
  g_autofree char *csv = write_ledger (bench, ctx, &rows);
  g_autoptr (GArray) ours = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) floor = g_array_new (FALSE, FALSE, sizeof (double));
  char label[96];

  for (guint run = 0; run < bench->runs; run++)
    {
      g_autofree char *db = g_strdup_printf ("%s/import-%u.db", bench->workdir, run);
      g_autofree char *plain = g_strdup_printf ("%s/plain-%u.db", bench->workdir, run);
      g_autofree char *import_cmd = g_strdup_printf (".import --csv %s ledger", csv);
      const char *argv[] = { cli, "--db", db, "import", "owners", csv, NULL };
      const char *floor_argv[] = { sqlite3_cli, plain, import_cmd, NULL };
      double ms;

      g_unlink (db);
      g_unlink (plain);
      ms = run_timed (argv, NULL, NULL);
      if (ms >= 0)
        g_array_append_val (ours, ms);
      if (sqlite3_cli != NULL && (ms = run_timed (floor_argv, NULL, NULL)) >= 0)
        g_array_append_val (floor, ms);
    }
  g_snprintf (label, sizeof label, "import owners: %u-row CSV into an empty estate", rows);
  row (bench, label, stats_of (ours), "ms", "100,000 rows ≤ 3 s, ≤ 3× the floor");
  if (floor->len)
    {
      Stats a = stats_of (ours), b = stats_of (floor);
      g_snprintf (label, sizeof label, "sqlite3 .import of the same CSV (floor)");
      row (bench, label, b, "ms", "");
      g_string_append_printf (bench->report, "| ratio import ÷ floor | %.1f× | | | | ≤ 3× |\n", a.median / b.median);
      g_print ("%-48s %.1f×\n", "ratio import ÷ floor", a.median / b.median);
    }
  else
    note (bench, "sqlite3 .import floor", "sqlite3 command line not installed");
}

static char *
describe_machine (void)
{
  g_autofree char *cpuinfo = NULL;
  g_autofree char *model = NULL;
  g_autofree char *meminfo = NULL;
  long mem_kb = 0;

  if (g_file_get_contents ("/proc/cpuinfo", &cpuinfo, NULL, NULL))
    {
      char *line = strstr (cpuinfo, "model name");
      if (line != NULL)
        {
          char *colon = strchr (line, ':');
          char *end = strchr (line, '\n');
          model = g_strstrip (g_strndup (colon + 1, end - colon - 1));
        }
    }
  if (g_file_get_contents ("/proc/meminfo", &meminfo, NULL, NULL))
    sscanf (meminfo, "MemTotal: %ld kB", &mem_kb);
  return g_strdup_printf ("%s, %u cores, %.1f GiB RAM", model ? model : "unknown CPU",
                          g_get_num_processors (), mem_kb / 1048576.0);
}

int
main (int    argc,
      char **argv)
{
  int units = 100000, runs = 5;
  g_autofree char *workdir = NULL;
  g_autofree char *results = NULL;
  g_autofree char *builddir = NULL;
  GOptionEntry entries[] = {
    { "units", 0, 0, G_OPTION_ARG_INT, &units, "Units in the portfolio (default 100000)", "N" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs per measurement (default 5)", "R" },
    { "workdir", 0, 0, G_OPTION_ARG_FILENAME, &workdir, "Where the portfolio and outputs go", "DIR" },
    { "results", 0, 0, G_OPTION_ARG_FILENAME, &results, "Markdown results file", "FILE" },
    { "builddir", 0, 0, G_OPTION_ARG_FILENAME, &builddir, "The meson build folder", "DIR" },
    { NULL }
  };
  g_autoptr (GOptionContext) options = g_option_context_new ("— PropDesk benchmarks");
  g_autoptr (GError) error = NULL;
  g_autoptr (PdContext) ctx = NULL;
  g_autofree char *db = NULL;
  g_autofree char *machine = describe_machine ();
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d %H:%M");
  Bench bench = { 0 };

  g_option_context_add_main_entries (options, entries, NULL);
  if (!g_option_context_parse (options, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  bench.report = g_string_new (NULL);
  bench.units = units;
  bench.runs = MAX (runs, 1);
  bench.workdir = workdir ? workdir : (workdir = g_build_filename (g_get_tmp_dir (), "propdesk-bench", NULL));
  bench.builddir = builddir ? builddir : (builddir = g_strdup ("build"));
  g_mkdir_with_parents (bench.workdir, 0700);

  g_string_append_printf (bench.report,
    "# PropDesk benchmark results\n\n"
    "Written by `bench/pd-bench` on %s. Machine: %s.\n"
    "Reproduce: `meson compile -C build && xvfb-run -a build/bench/pd-bench --units %u --runs %u`.\n"
    "Medians of %u runs with min and max; the portfolio comes from the demo generator (seed 20261123).\n\n",
    date, machine, bench.units, bench.runs, bench.runs);
  ctx = open_portfolio (&bench, &db);
  g_string_append_printf (bench.report, "Portfolio: %u units, %" G_GINT64_FORMAT " people.\n\n"
                          "| measurement | median | min | max | unit | target |\n|---|---|---|---|---|---|\n",
                          bench.units,
                          pd_database_query_int (pd_context_get_database (ctx), "SELECT count(*) FROM person", NULL, NULL));
  bench_startup (&bench, db);
  bench_owner_list (&bench, ctx);
  bench_slips (&bench, db);
  bench_import (&bench, ctx);
  bench_search (&bench, ctx);
  g_string_append (bench.report,
    "\nNot measured yet (missing from this build or this machine): the monthly survey workbook against "
    "python3-xlsxwriter, LibreOffice converting equivalent slips and opening the ledger, and the owner "
    "list scrolled end to end in the GUI.\n");

  if (results == NULL)
    results = g_strdup ("bench/RESULTS.md");
  if (!g_file_set_contents (results, bench.report->str, -1, &error))
    g_printerr ("%s\n", error->message);
  g_print ("results written to %s\n", results);
  g_string_free (bench.report, TRUE);
  return 0;
}
