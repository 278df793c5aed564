/* Crash safety: a writer committing 1,000 transactions is killed with
 * SIGKILL while it is still writing — after a random number (1 to 999) of
 * commits it has reported — and afterwards the database must open, pass
 * integrity_check, and hold every transaction the writer reported as
 * committed.  Every trial runs to the end and the failures are counted over
 * all trials (corrupt databases, lost commits, writers not killed mid-write),
 * so one bad trial does not hide how many there were.
 * PD_CRASH_TRIALS sets the number of trials (tools/crash-test.sh runs 100). */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>

#include "pd-backup.h"
#include "pd-test-fixture.h"

#define TRANSACTIONS 1000

typedef struct
{
  guint trials;
  guint corrupt;        /* fails integrity_check or does not open */
  guint lost;           /* commits reported but missing afterwards */
  guint unexpected;     /* rows beyond the reported commits + the one in flight */
  guint mid_write;      /* killed by SIGKILL before the last commit */
} Tally;

/* Reads the writer's lines until it has reported @kill_after commits, then
 * kills it; returns everything it printed, including what was still in the
 * pipe after the kill. */
static char *
run_writer_until (const char *db,
                  guint       kill_after,
                  gboolean   *killed_mid_write)
{
  g_autofree char *writer = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "crash-writer", NULL);
  g_autofree char *count = g_strdup_printf ("%d", TRANSACTIONS);
  const char *argv[] = { writer, db, count, NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (GSubprocess) process = NULL;
  g_autoptr (GDataInputStream) data = NULL;
  g_autoptr (GOutputStream) sink = g_memory_output_stream_new_resizable ();
  GString *printed = g_string_new (NULL);
  g_autofree char *last = g_strdup_printf ("committed writer-%d\n", TRANSACTIONS - 1);
  guint reported = 0;
  char *line;

  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
  g_assert_no_error (error);
  data = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  /* Line by line, so the kill follows the kill_after-th report at once. */
  while (reported < kill_after &&
         (line = g_data_input_stream_read_line (data, NULL, NULL, &error)) != NULL)
    {
      g_string_append_printf (printed, "%s\n", line);
      if (g_str_has_prefix (line, "committed "))
        reported++;
      g_free (line);
    }
  g_assert_no_error (error);
  g_subprocess_send_signal (process, SIGKILL);
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);
  /* Whatever the writer printed before dying is in the pipe still. */
  g_output_stream_splice (sink, G_INPUT_STREAM (data), G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, &error);
  g_assert_no_error (error);
  g_string_append_len (printed, g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (sink)),
                       g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (sink)));
  /* Mid-write: the kill, not the end of the loop, stopped it, and it had
   * not yet reported its last commit. */
  *killed_mid_write = g_subprocess_get_if_signaled (process) &&
                      g_subprocess_get_term_sig (process) == SIGKILL &&
                      strstr (printed->str, last) == NULL;
  return g_string_free (printed, FALSE);
}

static void
run_trial (guint  trial,
           GRand *rand,
           Tally *tally)
{
  g_autofree char *db = g_strdup_printf ("%s/crash-%u.db", pd_test_tmpdir (), trial);
  guint kill_after = g_rand_int_range (rand, 1, TRANSACTIONS);
  g_autoptr (GError) error = NULL;
  g_autoptr (PdContext) ctx = NULL;
  g_auto (GStrv) lines = NULL;
  g_autofree char *printed = NULL;
  gboolean mid_write = FALSE;
  guint committed = 0, lost = 0;
  gint64 rows;

  printed = run_writer_until (db, kill_after, &mid_write);
  tally->trials++;
  if (mid_write)
    tally->mid_write++;
  lines = g_strsplit (printed, "\n", -1);
  if (!pd_backup_check_file (db, &error) || (ctx = pd_context_open (db, &error)) == NULL)
    {
      g_test_message ("trial %u: CORRUPT after the kill at %u commits: %s", trial, kill_after,
                      error ? error->message : "?");
      tally->corrupt++;
      return;
    }
  for (guint i = 0; lines[i] != NULL; i++)
    {
      /* A line cut off by the kill was never completely reported. */
      if (!g_str_has_prefix (lines[i], "committed ") || lines[i + 1] == NULL)
        continue;
      committed++;
      if (pd_test_count (ctx, "SELECT count(*) FROM person WHERE name = ?", lines[i] + strlen ("committed ")) != 1)
        {
          g_test_message ("trial %u: LOST %s", trial, lines[i]);
          lost++;
        }
    }
  tally->lost += lost;
  /* At most one commit more than reported: the one the kill cut off
   * between its COMMIT and its report. */
  rows = pd_test_count (ctx, "SELECT count(*) FROM person WHERE name LIKE 'writer-%'", NULL);
  if (rows > committed + 1)
    tally->unexpected++;
  g_test_message ("trial %u: killed after %u reported commits%s (%u reported in all, %" G_GINT64_FORMAT
                  " rows), %u lost", trial, kill_after, mid_write ? ", mid-write" : ", NOT mid-write",
                  committed, rows, lost);
}

static void
test_sigkill_trials (void)
{
  const char *env = g_getenv ("PD_CRASH_TRIALS");
  guint trials = env ? (guint) atoi (env) : 8;
  guint32 seed = g_test_rand_int ();
  g_autoptr (GRand) rand = g_rand_new_with_seed (seed);
  Tally tally = { 0 };

  g_test_message ("seed %u", seed);
  for (guint trial = 0; trial < trials; trial++)
    run_trial (trial, rand, &tally);
  g_test_message ("%u trials, %u corrupt, %u lost, %u of %u killed mid-write, %u with unexpected rows",
                  tally.trials, tally.corrupt, tally.lost, tally.mid_write, tally.trials, tally.unexpected);
  g_assert_cmpuint (tally.corrupt, ==, 0);
  g_assert_cmpuint (tally.lost, ==, 0);
  g_assert_cmpuint (tally.unexpected, ==, 0);
  g_assert_cmpuint (tally.mid_write, ==, tally.trials);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/crash/sigkill-trials", test_sigkill_trials);
  return g_test_run ();
}
