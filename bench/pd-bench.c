/* pd-bench — PropDesk's speed claims, measured.
 *
 *   build/bench/pd-bench [--units N] [--runs R] [--workdir DIR] [--results FILE]
 *
 * Generates (once, cached in WORKDIR) a deterministic portfolio with the
 * demo generator (N units with a year of records in proportion to 100,000
 * units: 20,000 renovations, 200,000 patrols, 100,000 survey forms, 50,000
 * release slips), then measures the medians of R runs (min and max shown):
 * the GUI's cold start to its first painted frame, typing a search and the
 * peak RSS with the owner list scrolled end to end (pd-bench-gui.c); search
 * per keystroke (p50/p95 of the core query); the monthly survey workbook,
 * 1,000 release slips to PDF and the owner ledger import, each beside the
 * tool offices use today (pd-bench-office.c).  Writes bench/RESULTS.md (or
 * --results).  Tools that are not installed are reported as such. */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "pd-bench.h"
#include "pd-demo.h"
#include "pd-owner-list.h"
#include "pd-search.h"

int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

Stats
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

double
percentile (GArray *sorted,
            double  p)
{
  guint index = (guint) (p * (sorted->len - 1) + 0.5);
  return g_array_index (sorted, double, index);
}

double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static double last_cpu_ms;
static double last_spawn_ms;

double
last_run_spawn_ms (void)
{
  return last_spawn_ms;
}

double
last_run_cpu_ms (void)
{
  return last_cpu_ms;
}

double
run_timed (const char *const *argv,
           const char *const *env,
           char             **output,
           long              *peak_rss_kb)
{
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) envp = g_get_environ ();
  g_autoptr (GString) text = g_string_new (NULL);
  double start;
  GPid pid;
  int out_fd = -1, status;
  struct rusage usage;
  char buffer[4096];
  ssize_t n;

  for (guint i = 0; env != NULL && env[i] != NULL; i++)
    {
      g_auto (GStrv) pair = g_strsplit (env[i], "=", 2);
      envp = g_environ_setenv (envp, pair[0], pair[1], TRUE);
    }
  start = last_spawn_ms = now_ms ();
  if (!g_spawn_async_with_pipes (NULL, (char **) argv, envp,
                                 G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_LEAVE_DESCRIPTORS_OPEN | G_SPAWN_STDERR_TO_DEV_NULL |
                                 (output ? 0 : G_SPAWN_STDOUT_TO_DEV_NULL),
                                 NULL, NULL, &pid, NULL, output ? &out_fd : NULL, NULL, &error))
    {
      g_printerr ("cannot run %s: %s\n", argv[0], error->message);
      return -1;
    }
  while (out_fd >= 0 && (n = read (out_fd, buffer, sizeof buffer)) > 0)
    g_string_append_len (text, buffer, n);
  if (out_fd >= 0)
    close (out_fd);
  if (wait4 (pid, &status, 0, &usage) < 0 || !WIFEXITED (status) || WEXITSTATUS (status) != 0)
    return -1;
  if (peak_rss_kb)
    *peak_rss_kb = usage.ru_maxrss;
  last_cpu_ms = (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
                (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
  if (output)
    *output = g_string_free (g_steal_pointer (&text), FALSE);
  return now_ms () - start;
}

void
bench_row (Bench      *bench,
           const char *what,
           Stats       s,
           const char *unit,
           const char *target)
{
  g_string_append_printf (bench->report, "| %s | %.1f | %.1f | %.1f | %s | %s |\n", what, s.median,
                          s.min, s.max, unit, target);
  g_print ("%-56s median %.1f %s (min %.1f, max %.1f)\n", what, s.median, unit, s.min, s.max);
}

void
bench_ratio (Bench      *bench,
             const char *what,
             double      ratio,
             const char *target)
{
  g_string_append_printf (bench->report, "| %s | %.2f× | | | | %s |\n", what, ratio, target);
  g_print ("%-56s %.2f×\n", what, ratio);
}

void
bench_note (Bench      *bench,
            const char *what,
            const char *text)
{
  g_string_append_printf (bench->report, "| %s | — | — | — | | %s |\n", what, text);
  g_print ("%-56s %s\n", what, text);
}

void
bench_verdict (Bench      *bench,
               const char *target,
               double      value,
               const char *unit,
               double      limit,
               gboolean    at_least)
{
  gboolean met = at_least ? value >= limit : value <= limit;

  g_string_append_printf (bench->verdicts, "| %s | %.2f %s | %s |\n", target, value, unit,
                          met ? "met" : "**missed**");
}

char *
bench_soffice (Bench *bench)
{
  static gboolean warmed;
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  g_autofree char *profile = g_build_filename (bench->workdir, "lo-profile", NULL);
  g_autofree char *profile_uri = g_filename_to_uri (profile, NULL, NULL);
  g_autofree char *env_arg = g_strconcat ("-env:UserInstallation=", profile_uri, NULL);
  g_autofree char *version = NULL;
  const char *argv[] = { soffice, env_arg, "--headless", "--version", NULL };

  if (soffice == NULL)
    return NULL;
  if (!warmed && run_timed (argv, NULL, &version, NULL) < 0)
    return NULL;
  warmed = TRUE;
  return g_steal_pointer (&soffice);
}

/* What the portfolio holds, as one line of the report. */
static void
describe_portfolio (Bench     *bench,
                    PdContext *ctx)
{
  static const struct
  {
    const char *label, *sql;
  } counts[] = {
    { "units", "SELECT count(*) FROM unit" },
    { "people", "SELECT count(*) FROM person" },
    { "renovations", "SELECT count(*) FROM renovation" },
    { "renovation patrols", "SELECT count(*) FROM renovation_patrol" },
    { "vacant-unit patrols", "SELECT count(*) FROM patrol" },
    { "survey forms", "SELECT count(*) FROM survey_response" },
    { "survey item answers", "SELECT count(*) FROM survey_answer" },
    { "release slips", "SELECT count(*) FROM release_slip" },
  };

  g_string_append (bench->report, "Portfolio:");
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    g_string_append_printf (bench->report, "%s %" G_GINT64_FORMAT " %s", i ? "," : "",
                            pd_database_query_int (pd_context_get_database (ctx), counts[i].sql, NULL, NULL),
                            counts[i].label);
  g_string_append (bench->report, ".\n");
}

/* The portfolio is made once per workdir (it takes minutes); how long that
 * took is kept beside it for the report. */
static PdContext *
open_portfolio (Bench *bench,
                char **path_out)
{
  g_autofree char *path = g_strdup_printf ("%s/portfolio-%u.db", bench->workdir, bench->units);
  g_autofree char *made_path = g_strconcat (path, ".txt", NULL);
  g_autofree char *made = NULL;
  g_autoptr (GError) error = NULL;
  gboolean fresh = !g_file_test (made_path, G_FILE_TEST_EXISTS);
  PdContext *ctx;

  if (fresh)
    {
      /* A portfolio whose generation was cut short is made again. */
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);
      g_unlink (path);
      g_unlink (wal);
      g_unlink (shm);
    }
  ctx = pd_context_open (path, &error);
  if (ctx == NULL)
    g_error ("%s", error->message);
  if (fresh)
    {
      double start = now_ms ();
      struct rusage usage;
      /* The year of records of a 100,000-unit portfolio, in proportion. */
      PdDemoVolumes volumes = {
        .people = (guint) (250000ull * bench->units / 100000),
        .renovations = (guint) (20000ull * bench->units / 100000),
        .patrol_records = (guint) (200000ull * bench->units / 100000),
        .survey_responses = (guint) (100000ull * bench->units / 100000),
        .release_slips = (guint) (50000ull * bench->units / 100000),
      };
      g_print ("generating %u units into %s …\n", bench->units, path);
      /* One transaction of a gigabyte: a page cache that holds it keeps the
       * generator from spilling to the WAL and reading it back. */
      if (!pd_database_set_cache_size (pd_context_get_database (ctx), 1024 * 1024, &error))
        g_error ("%s", error->message);
      if (!pd_demo_generate_portfolio (ctx, bench->units, &volumes, 20261123, &error))
        g_error ("%s", error->message);
      /* The startup benchmark times the main window: without accounts no
       * login dialog waits for a human first. */
      if (!pd_database_exec (pd_context_get_database (ctx), "DELETE FROM user_account", &error))
        g_error ("%s", error->message);
      getrusage (RUSAGE_SELF, &usage);
      made = g_strdup_printf ("Portfolio generated by the demo generator (seed 20261123) in %.1f s wall, "
                              "%.1f s CPU.\n", (now_ms () - start) / 1000,
                              usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
                              (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6);
      if (!g_file_set_contents (made_path, made, -1, &error))
        g_error ("%s", error->message);
    }
  else if (!g_file_get_contents (made_path, &made, NULL, &error))
    g_error ("%s", error->message);
  g_string_append (bench->report, made);
  describe_portfolio (bench, ctx);
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
    "WHERE p.id % 97 = 0 LIMIT 100", NULL);

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

/* CPU time of this process: on a machine shared with other jobs the wall
 * time of a millisecond query is mostly waiting for a core. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void
bench_search (Bench     *bench,
              PdContext *ctx)
{
  g_autoptr (GPtrArray) queries = make_queries (ctx);
  g_autoptr (GArray) core = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) core_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) list = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) list_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  gint64 people = pd_database_query_int (pd_context_get_database (ctx), "SELECT count(*) FROM person", NULL, NULL);
  char label[160];

  for (guint run = 0; run < bench->runs; run++)
    for (guint i = 0; i < queries->len; i++)
      {
        double start = now_ms (), start_cpu = cpu_ms ();
        g_autoptr (GPtrArray) hits = pd_search (ctx, queries->pdata[i], 200, NULL);
        double end = now_ms (), end_cpu = cpu_ms ();
        g_autoptr (GArray) ids = NULL;
        g_array_append_val (core, (double) { end - start });
        g_array_append_val (core_cpu, (double) { end_cpu - start_cpu });
        if (run == 0)
          {
            start = now_ms ();
            start_cpu = cpu_ms ();
            ids = pd_owner_list_unit_ids (ctx, queries->pdata[i], PD_OWNER_SORT_UNIT, FALSE, NULL);
            end = now_ms ();
            end_cpu = cpu_ms ();
            g_array_append_val (list, (double) { end - start });
            g_array_append_val (list_cpu, (double) { end_cpu - start_cpu });
          }
      }
  g_array_sort (core, compare_doubles);
  g_array_sort (core_cpu, compare_doubles);
  g_array_sort (list, compare_doubles);
  g_array_sort (list_cpu, compare_doubles);
  g_string_append_printf (bench->report,
    "\n### Search per keystroke over %" G_GINT64_FORMAT " people (%u queries × %u runs)\n\n"
    "| query | p50 ms | p95 ms | max ms | target |\n|---|---|---|---|---|\n"
    "| core search (pd_search) | %.2f | %.2f | %.2f | p95 ≤ 10 ms |\n"
    "| … its CPU time | %.2f | %.2f | %.2f | |\n"
    "| owner list ids for the query (what the GUI list runs) | %.2f | %.2f | %.2f | |\n"
    "| … its CPU time | %.2f | %.2f | %.2f | |\n\n",
    people, queries->len, bench->runs,
    percentile (core, 0.5), percentile (core, 0.95), g_array_index (core, double, core->len - 1),
    percentile (core_cpu, 0.5), percentile (core_cpu, 0.95), g_array_index (core_cpu, double, core_cpu->len - 1),
    percentile (list, 0.5), percentile (list, 0.95), g_array_index (list, double, list->len - 1),
    percentile (list_cpu, 0.5), percentile (list_cpu, 0.95), g_array_index (list_cpu, double, list_cpu->len - 1));
  bench_verdict (bench, "search per keystroke, core query p95 ≤ 10 ms", percentile (core, 0.95), "ms", 10, FALSE);
  g_snprintf (label, sizeof label, "search p50/p95");
  g_print ("%-48s p50 %.2f ms, p95 %.2f ms (%u queries); CPU p50 %.2f ms, p95 %.2f ms\n", label,
           percentile (core, 0.5), percentile (core, 0.95), core->len, percentile (core_cpu, 0.5),
           percentile (core_cpu, 0.95));
  g_print ("%-48s p50 %.2f ms, p95 %.2f ms (%u queries); CPU p50 %.2f ms, p95 %.2f ms\n", "owner list ids p50/p95",
           percentile (list, 0.5), percentile (list, 0.95), list->len, percentile (list_cpu, 0.5),
           percentile (list_cpu, 0.95));
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
  bench_row (bench, "owner list: all units sorted by owner (ids)", stats_of (samples), "ms", "");
}

static char *
describe_machine (void)
{
  g_autofree char *cpuinfo = NULL;
  g_autofree char *model = NULL;
  g_autofree char *mhz = NULL;
  g_autofree char *meminfo = NULL;
  g_autofree char *loadavg = NULL;
  long mem_kb = 0, available_kb = 0;

  if (g_file_get_contents ("/proc/cpuinfo", &cpuinfo, NULL, NULL))
    {
      const char *keys[] = { "model name", "cpu MHz" };
      char **values[] = { &model, &mhz };
      for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
        {
          char *line = strstr (cpuinfo, keys[i]);
          char *colon = line ? strchr (line, ':') : NULL;
          char *end = colon ? strchr (colon, '\n') : NULL;
          if (end != NULL)
            *values[i] = g_strstrip (g_strndup (colon + 1, end - colon - 1));
        }
    }
  if (g_file_get_contents ("/proc/meminfo", &meminfo, NULL, NULL))
    {
      char *line = strstr (meminfo, "MemAvailable:");
      sscanf (meminfo, "MemTotal: %ld kB", &mem_kb);
      if (line != NULL)
        sscanf (line, "MemAvailable: %ld kB", &available_kb);
    }
  g_file_get_contents ("/proc/loadavg", &loadavg, NULL, NULL);
  return g_strdup_printf ("%s (%s MHz), %u cores; %.1f GiB RAM, %.1f GiB available; load average at the "
                          "start %.14s", model ? model : "unknown CPU", mhz ? mhz : "?",
                          g_get_num_processors (), mem_kb / 1048576.0, available_kb / 1048576.0,
                          loadavg ? loadavg : "?");
}

int
main (int    argc,
      char **argv)
{
  int units = 100000, runs = 5;
  gboolean generate_only = FALSE;
  g_autofree char *baseline = NULL;
  g_autofree char *workdir = NULL;
  g_autofree char *results = NULL;
  g_autofree char *builddir = NULL;
  g_autofree char *only = NULL;
  GOptionEntry entries[] = {
    { "units", 0, 0, G_OPTION_ARG_INT, &units, "Units in the portfolio (default 100000)", "N" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs per measurement (default 5)", "R" },
    { "workdir", 0, 0, G_OPTION_ARG_FILENAME, &workdir, "Where the portfolio and outputs go", "DIR" },
    { "results", 0, 0, G_OPTION_ARG_FILENAME, &results, "Markdown results file", "FILE" },
    { "builddir", 0, 0, G_OPTION_ARG_FILENAME, &builddir, "The meson build folder", "DIR" },
    { "generate-only", 0, 0, G_OPTION_ARG_NONE, &generate_only, "Only make the portfolio (cached in the workdir)", NULL },
    { "baseline", 0, 0, G_OPTION_ARG_FILENAME, &baseline, "A build folder of the code before the fixes, for before/after ratios", "DIR" },
    { "only", 0, 0, G_OPTION_ARG_STRING, &only, "Run one part: gui, workbook, slips, import, owner-list or search "
      "(results go to the workdir's RESULTS-PART.md unless --results says otherwise)", "PART" },
    { NULL }
  };
  g_autoptr (GOptionContext) options = g_option_context_new ("— PropDesk benchmarks");
  g_autoptr (GError) error = NULL;
  g_autoptr (PdContext) ctx = NULL;
  g_autofree char *db = NULL;
  g_autofree char *machine = describe_machine ();
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d %H:%M UTC");
  Bench bench = { 0 };

  g_option_context_add_main_entries (options, entries, NULL);
  if (!g_option_context_parse (options, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (only != NULL && !g_strv_contains ((const char *const[]) { "gui", "workbook", "slips", "import", "owner-list",
                                                                "search", NULL }, only))
    {
      g_printerr ("--only: unknown part “%s”\n", only);
      return 2;
    }
  bench.report = g_string_new (NULL);
  bench.verdicts = g_string_new ("\n### Targets\n\n| target | measured (median) | |\n|---|---|---|\n");
  bench.units = units;
  bench.runs = MAX (runs, 1);
  bench.workdir = workdir ? workdir : (workdir = g_build_filename (g_get_tmp_dir (), "propdesk-bench", NULL));
  bench.builddir = builddir ? builddir : (builddir = g_strdup ("build"));
  g_mkdir_with_parents (bench.workdir, 0700);

  g_string_append_printf (bench.report,
    "# PropDesk benchmark results\n\n"
    "Written by `bench/pd-bench` on %s.\n\n"
    "Machine: %s.\n\n"
    "Reproduce (from the source folder, after `meson setup build && ninja -C build`):\n\n"
    "    xvfb-run -a -s \"-screen 0 1366x768x24\" build/bench/pd-bench --units %u --runs %u%s%s\n\n"
    "Medians of %u runs with min and max. The first run makes the portfolio in the workdir "
    "(default /tmp/propdesk-bench) and later runs reuse it. A command compared with another "
    "tool's (the workbook, the slips, the import and its floor) takes turns with it run by run, "
    "so that a drift of the host weighs on both sides of the ratio.\n\n",
    date, machine, bench.units, bench.runs, baseline ? " --baseline " : "",
    baseline ? "BUILD-DIR-OF-THE-BASELINE-COMMIT" : "", bench.runs);
  ctx = open_portfolio (&bench, &db);
  if (generate_only)
    return 0;
  bench.db = db;
  g_string_append (bench.report, "\n| measurement | median | min | max | unit | target |\n|---|---|---|---|---|---|\n");
  if (only == NULL || g_str_equal (only, "gui"))
    bench_gui (&bench);
  if (only == NULL || g_str_equal (only, "workbook"))
    bench_workbook (&bench, ctx);
  if (only == NULL || g_str_equal (only, "slips"))
    bench_slips (&bench, ctx);
  if (only == NULL || g_str_equal (only, "import"))
    bench_import (&bench, ctx);
  if (only == NULL || g_str_equal (only, "owner-list"))
    bench_owner_list (&bench, ctx);
  if (only == NULL || g_str_equal (only, "search"))
    bench_search (&bench, ctx);
  if (baseline != NULL && only == NULL)
    bench_baseline (&bench, baseline);

  g_string_append (bench.report, bench.verdicts->str);
  g_string_free (bench.verdicts, TRUE);
  /* A partial run never replaces the full results. */
  if (results == NULL && only != NULL)
    results = g_strdup_printf ("%s/RESULTS-%s.md", bench.workdir, only);
  if (results == NULL)
    results = g_strdup ("bench/RESULTS.md");
  if (!g_file_set_contents (results, bench.report->str, -1, &error))
    g_printerr ("%s\n", error->message);
  g_print ("results written to %s\n", results);
  g_string_free (bench.report, TRUE);
  return 0;
}
