/* pd-cli-owners.c — the owner files from the command line: demo data and
 * search.  (import, export and print live with their layers' commands.) */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-cli.h"
#include "pd-demo.h"
#include "pd-search.h"

int
pd_cli_demo (PdContext *ctx,
             int        argc,
             char     **argv)
{
  int units = 600;
  int seed = 20261123;
  GOptionEntry entries[] = {
    { "units", 0, 0, G_OPTION_ARG_INT, &units, N_("Number of units (default 600)"), "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, N_("Random seed (default 20261123)"), "S" },
    { NULL }
  };
  g_autoptr (GError) error = NULL;

  if (!pd_cli_parse (entries, &argc, &argv, "", &error))
    return pd_cli_fail (error);
  if (argc != 1)
    return pd_cli_usage_fail ("demo [--units N] [--seed S]");
  if (units <= 0)
    {
      g_printerr (_("propdesk-cli: --units: must be a positive number.\n"));
      return 1;
    }
  pd_context_set_user (ctx, "demo", pd_context_get_role (ctx));
  if (!pd_demo_generate (ctx, (guint) units, (guint32) seed, &error))
    return pd_cli_fail (error);
  g_print (_("Demo estate created: %d units.\n"), units);
  return 0;
}

int
pd_cli_search (PdContext *ctx,
               int        argc,
               char     **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) hits = NULL;

  if (argc != 2)
    return pd_cli_usage_fail ("search TEXT");
  hits = pd_search (ctx, argv[1], 1000, &error);
  if (hits == NULL)
    return pd_cli_fail (error);
  for (guint i = 0; i < hits->len; i++)
    {
      PdSearchHit *hit = hits->pdata[i];
      g_print ("%s\t%s\n", hit->unit_code, hit->name);
    }
  return 0;
}
