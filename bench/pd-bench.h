/* pd-bench.h — what the parts of bench/pd-bench share: the run's settings,
 * the report being written and the timing helpers. */
#pragma once

#include <glib.h>

#include "pd-context.h"

typedef struct
{
  double min, median, max;
} Stats;

typedef struct
{
  GString    *report;
  const char *builddir;
  const char *workdir;
  const char *db;        /* the portfolio */
  guint       runs;
  guint       units;
  double      startup_ms;  /* the GUI's median cold start, once measured */
  GString    *verdicts;    /* the targets' summary table */
} Bench;

double now_ms            (void);
Stats  stats_of          (GArray *samples);
double percentile        (GArray *sorted,
                          double  p);
int    compare_doubles   (gconstpointer a,
                          gconstpointer b);

/* Runs @argv (with @env added, NULL-terminated KEY=VALUE, or NULL); returns
 * the wall milliseconds, or -1 if it failed; @output gets its standard
 * output, @peak_rss_kb its peak resident set. */
double run_timed         (const char *const *argv,
                          const char *const *env,
                          char             **output,
                          long              *peak_rss_kb);

/* The CPU time (user + system) of the last run_timed child: steadier than
 * wall time on a busy machine, for before/after ratios. */
double last_run_cpu_ms   (void);
/* When (now_ms) the last run_timed child was started. */
double last_run_spawn_ms (void);

/* Report lines: a measurement's median, min and max; a comparison's ratio;
 * a measurement that could not be made, with why. */
void   bench_row         (Bench      *bench,
                          const char *what,
                          Stats       s,
                          const char *unit,
                          const char *target);
void   bench_ratio       (Bench      *bench,
                          const char *what,
                          double      ratio,
                          const char *target);
void   bench_note        (Bench      *bench,
                          const char *what,
                          const char *text);

/* A line of the targets' summary: @value against @limit (at most, or at
 * least when @at_least). */
void   bench_verdict     (Bench      *bench,
                          const char *target,
                          double      value,
                          const char *unit,
                          double      limit,
                          gboolean    at_least);

/* LibreOffice's soffice, with a profile of its own in the workdir (made by
 * a first run that is not counted), or NULL when not installed. */
char  *bench_soffice     (Bench      *bench);

/* The parts (pd-bench-gui.c, pd-bench-office.c). */
void   bench_gui         (Bench      *bench);
void   bench_workbook    (Bench      *bench,
                          PdContext  *ctx);
void   bench_slips       (Bench      *bench,
                          PdContext  *ctx);
/* Where one more import of the ledger @csv spends its time
 * (pd-bench-import-parts.c). */
void   bench_import_parts (Bench      *bench,
                           const char *csv);
void   bench_import      (Bench      *bench,
                          PdContext  *ctx);
/* pd-bench-baseline.c: the same jobs by a build of the code before the
 * fixes, at sizes the old code finishes. */
void   bench_baseline    (Bench      *bench,
                          const char *baseline_builddir);
