/* pd-cli-import.c — `propdesk-cli import owners FILE [--skip-bad]`: the
 * office's owner ledger (.xlsx or .csv) into the owner files, with the same
 * header detection, checks and report as the import dialog. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-cli.h"
#include "pd-ledger.h"
#include "pd-owner-import.h"
#include "pd-pinyin.h"

int
pd_cli_import_owners (PdContext *ctx,
                      int        argc,
                      char     **argv)
{
  static const char usage[] = "import owners FILE [--skip-bad]";
  gboolean skip_bad = FALSE;
  GOptionEntry entries[] = {
    { "skip-bad", 0, 0, G_OPTION_ARG_NONE, &skip_bad,
      N_("Import the good rows and report the bad ones (default: all rows or none)"), NULL },
    { NULL }
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (PdLedgerTable) table = NULL;
  g_autoptr (PdOwnerMapping) mapping = NULL;
  g_autoptr (PdOwnerImportReport) report = NULL;
  g_autofree char *text = NULL;
  GThread *opener;

  if (!pd_cli_parse (entries, &argc, &argv, "FILE", &error))
    return pd_cli_fail (error);
  if (argc != 2)
    return pd_cli_usage_fail (usage);

  /* The import needs ICU's transliterator for the pinyin of names: it opens
   * on another thread while the ledger is read. */
  opener = pd_pinyin_open_in_thread ();
  table = pd_ledger_read_file (argv[1], &error);
  if (opener != NULL)
    g_thread_join (opener);
  if (table == NULL)
    return pd_cli_fail (error);
  mapping = pd_owner_mapping_detect (table, &error);
  if (mapping == NULL)
    {
      g_autofree char *name = g_filename_display_basename (argv[1]);
      g_prefix_error (&error, "%s: ", name);
      return pd_cli_fail (error);
    }
  report = pd_owner_import_run (ctx, table, mapping,
                                skip_bad ? PD_OWNER_IMPORT_SKIP_BAD : PD_OWNER_IMPORT_ALL_OR_NOTHING,
                                NULL, NULL, NULL, &error);
  if (report == NULL)
    return pd_cli_fail (error);

  text = pd_owner_import_report_format (report);
  g_print ("%s", text);
  if (!report->committed)
    {
      g_printerr (_("propdesk-cli: nothing was imported because %u rows were rejected; correct them "
                    "in the file and import it again, or add --skip-bad to import the other rows.\n"),
                  report->rows_rejected);
      return 1;
    }
  return 0;
}
