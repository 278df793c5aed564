/* The bench's probe in the application (pd-bench-probe.h): started with
 * PROPDESK_BENCH_STARTUP=1, PropDesk prints when its first frame was drawn
 * and its own peak resident memory, then quits.  The bench reads these
 * lines; the memory must be the application's own (VmHWM), not wait4()'s,
 * which for a child started by posix_spawn counts the parent's memory too. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "pd-demo.h"
#include "pd-test-fixture.h"

static double
field_of (const char *output,
          const char *key)
{
  const char *at = strstr (output, key);

  g_assert_nonnull (at);
  return g_ascii_strtod (at + strlen (key), NULL);
}

static void
test_startup_report (void)
{
  g_autofree char *path = g_build_filename (pd_test_tmpdir (), "probe.db", NULL);
  const char *gui = g_getenv ("PROPDESK_GUI");
  const char *argv[] = { gui, "--db", path, NULL };
  g_autofree char *output = NULL;
  g_autofree char *errors = NULL;
  g_autoptr (GError) error = NULL;
  int status;

  g_assert_nonnull (gui);
  {
    g_autoptr (PdContext) ctx = pd_test_context_open (path, "2026-11-23 09:00:00");

    g_assert_true (pd_demo_generate (ctx, 50, 7, &error));
    /* Without accounts no login dialog waits for a human (as in the
     * bench's portfolio). */
    g_assert_true (pd_database_exec (pd_context_get_database (ctx), "DELETE FROM user_account", &error));
    g_assert_no_error (error);
  }
  g_setenv ("PROPDESK_BENCH_STARTUP", "1", TRUE);
  output = pd_test_run (argv, &status, &errors);
  g_unsetenv ("PROPDESK_BENCH_STARTUP");
  if (status != 0)
    g_error ("propdesk exited with %d: %s", status, errors);
  g_assert_cmpfloat (field_of (output, "first-frame-ms "), >, 0);
  g_assert_cmpfloat (field_of (output, "first-frame-at-us "), >, 0);
  /* A GTK window with a small estate: tens of MB, never less than the
   * 5 MB a bare process has, nor gigabytes. */
  g_assert_cmpfloat (field_of (output, "peak-rss-kb "), >, 5 * 1024);
  g_assert_cmpfloat (field_of (output, "peak-rss-kb "), <, 1024 * 1024);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/bench-probe/startup-report", test_startup_report);
  return g_test_run ();
}
