/* propdesk-cli — only starts the command line; see src/cli/pd-cli.c. */
#include "pd-cli.h"

int
main (int    argc,
      char **argv)
{
  return pd_cli_run (argc, argv);
}
