/* Crash safety: a writer committing transactions is killed with SIGKILL at a
 * random moment; afterwards the database must open, pass integrity_check,
 * and hold every transaction the writer reported as committed.
 * PD_CRASH_TRIALS sets the number of trials (tools/crash-test.sh runs 100). */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>

#include "pd-backup.h"
#include "pd-test-fixture.h"

#define TRANSACTIONS 1000

typedef struct
{
  GMainLoop *loop;
  GString   *output;
} Reader;

static void
run_trial (guint  trial,
           GRand *rand)
{
  g_autofree char *db = g_strdup_printf ("%s/crash-%u.db", pd_test_tmpdir (), trial);
  g_autofree char *writer = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "crash-writer", NULL);
  g_autofree char *count = g_strdup_printf ("%d", TRANSACTIONS);
  const char *argv[] = { writer, db, count, NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (GSubprocess) process = NULL;
  g_autoptr (GBytes) out = NULL;
  g_autoptr (PdContext) ctx = NULL;
  g_auto (GStrv) lines = NULL;
  GInputStream *stdout_stream;
  g_autofree char *first = NULL;
  gsize ready_len = 0;
  guint committed = 0;
  const char *max_ms = g_getenv ("PD_CRASH_MAX_MS");
  gint64 delay_us = g_rand_int_range (rand, 0, max_ms ? atoi (max_ms) : 1500) * (gint64) 1000;

  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
  g_assert_no_error (error);
  stdout_stream = g_subprocess_get_stdout_pipe (process);
  /* Wait for "ready" so the kill lands during the writes, not the set-up. */
  {
    g_autoptr (GDataInputStream) data = g_data_input_stream_new (stdout_stream);
    g_filter_input_stream_set_close_base_stream (G_FILTER_INPUT_STREAM (data), FALSE);
    first = g_data_input_stream_read_line (data, &ready_len, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (first, ==, "ready");
    g_usleep (delay_us);
    g_subprocess_send_signal (process, SIGKILL);
    g_subprocess_wait (process, NULL, &error);
    g_assert_no_error (error);
    /* Whatever the writer printed before dying is in the pipe still. */
    {
      g_autoptr (GOutputStream) sink = g_memory_output_stream_new_resizable ();
      g_output_stream_splice (sink, G_INPUT_STREAM (data), G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, &error);
      g_assert_no_error (error);
      out = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (sink));
    }
  }

  lines = g_strsplit (g_bytes_get_size (out) ? g_bytes_get_data (out, NULL) : "", "\n", -1);
  g_assert_true (pd_backup_check_file (db, &error));
  g_assert_no_error (error);
  ctx = pd_test_context_open (db, NULL);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      /* A line cut off by the kill was never completely reported. */
      if (!g_str_has_prefix (lines[i], "committed ") || lines[i + 1] == NULL)
        continue;
      if (pd_test_count (ctx, "SELECT count(*) FROM person WHERE name = ?", lines[i] + strlen ("committed ")) != 1)
        g_error ("trial %u: %s reported committed but missing", trial, lines[i]);
      committed++;
    }
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM person", NULL), >=, committed);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM person", NULL), <=, committed + 1);
  g_test_message ("trial %u: killed after %" G_GINT64_FORMAT " ms, %u commits reported, all present",
                  trial, delay_us / 1000, committed);
}

static void
test_sigkill_trials (void)
{
  const char *env = g_getenv ("PD_CRASH_TRIALS");
  guint trials = env ? (guint) atoi (env) : 8;
  g_autoptr (GRand) rand = g_rand_new_with_seed (g_test_rand_int ());

  for (guint trial = 0; trial < trials; trial++)
    run_trial (trial, rand);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/crash/sigkill-trials", test_sigkill_trials);
  return g_test_run ();
}
