/* pd-cli-release.c — release slips from the command line: batch printing
 * to PDF, the gate check for scripts and scanners, the monthly register. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-calendar.h"
#include "pd-cli.h"
#include "pd-export-release.h"
#include "pd-form-release-slip.h"
#include "pd-pdf.h"
#include "pd-release-print.h"
#include "pd-release-register.h"

#define PRINT_USAGE "print release-slips --from SERIAL --to SERIAL FILE.pdf"
#define VERIFY_USAGE "verify-slip SERIAL CODE"
#define EXPORT_USAGE "export release-slips --month YYYY-MM [--unmasked] FILE.xlsx"

int
pd_cli_print_release_slips (PdContext *ctx,
                            int        argc,
                            char     **argv)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("First serial number"), "SERIAL" },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("Last serial number"), "SERIAL" },
    { NULL }
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) slips = NULL;
  g_autoptr (PdRenderer) renderer = NULL;
  PdReleasePrint *print;
  guint pages = 0;

  if (!pd_cli_parse (entries, &argc, &argv, "FILE.pdf", &error))
    return pd_cli_fail (error);
  if (argc != 2 || from == NULL || to == NULL)
    return pd_cli_usage_fail (PRINT_USAGE);
  slips = pd_release_register_range (ctx, from, to, &error);
  if (slips == NULL)
    return pd_cli_fail (error);
  print = pd_release_print_new (ctx, slips, &error);
  if (print == NULL)
    return pd_cli_fail (error);
  renderer = pd_form_release_slips_renderer (print);
  if (!pd_pdf_write (renderer, argv[1], &pages, &error))
    return pd_cli_fail (error);
  /* Translators: a number of slips, then a file name */
  g_print (_("%u release slips printed to %s.\n"), slips->len, argv[1]);
  return 0;
}

int
pd_cli_verify_slip (PdContext *ctx,
                    int        argc,
                    char     **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PdReleaseSlip) slip = NULL;
  g_autofree char *items = NULL;

  if (argc != 3)
    return pd_cli_usage_fail (VERIFY_USAGE);
  slip = pd_release_slip_find (ctx, argv[1], &error);
  if (slip == NULL || !pd_release_slip_check (ctx, slip, argv[2], &error))
    return pd_cli_fail (error);
  items = pd_release_items_summary (slip);
  /* Translators: serial, unit code, date; then the items on the next line */
  g_print (_("Slip %s is valid: unit %s, until %s.\nItems: %s\n"), slip->serial, slip->unit_code,
           slip->valid_on, items);
  return 0;
}

int
pd_cli_export_release_slips (PdContext *ctx,
                             int        argc,
                             char     **argv)
{
  g_autofree char *month = NULL;
  gboolean unmasked = FALSE;
  const GOptionEntry extra[] = {
    { "unmasked", 0, 0, G_OPTION_ARG_NONE, &unmasked,
      N_("Full ID numbers and phones (supervisors; the export is logged)"), NULL },
    { NULL }
  };
  PdReleaseFilter filter = PD_RELEASE_FILTER_INIT;
  g_autoptr (GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *next = NULL;
  g_autofree char *last = NULL;
  guint rows = 0;
  int status = pd_cli_parse_monthly (&argc, &argv, extra, EXPORT_USAGE, &month, &first, &next);

  if (status != 0)
    return status;
  last = pd_date_add_days (next, -1);
  filter.from = first;
  filter.to = last;
  if (!pd_export_release_register (ctx, &filter, argv[1], unmasked, &rows, &error))
    return pd_cli_fail (error);
  /* Translators: a number of slips, a month, a file name */
  g_print (_("%u release slips of %s exported to %s.\n"), rows, month, argv[1]);
  return 0;
}
