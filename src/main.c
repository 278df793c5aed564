/* propdesk — only starts the application; see src/gui/pd-application.c. */
#include "pd-application.h"
#include "pd-bench-probe.h"
#include "pd-gsk-choice.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr (PdApplication) app = NULL;

  pd_bench_probe_mark_start ();
  /* Before GTK reads its environment. */
  pd_gsk_choice_renderer ();
  app = pd_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
