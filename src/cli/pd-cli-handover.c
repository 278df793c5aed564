/* pd-cli-handover.c — handovers from the command line: the acceptance form
 * of a unit's handover to PDF, and the monthly register to a workbook. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-cli.h"
#include "pd-export-handovers.h"
#include "pd-export-log.h"
#include "pd-form-handover.h"
#include "pd-pdf.h"

#define PRINT_USAGE "print handover UNIT FILE.pdf"
#define EXPORT_USAGE "export handovers --month YYYY-MM FILE.xlsx"

int
pd_cli_print_handover (PdContext *ctx,
                       int        argc,
                       char     **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PdRenderer) renderer = NULL;
  g_autofree char *what = NULL;
  PdHandoverDocument *document;
  guint pages = 0;

  if (argc != 3)
    return pd_cli_usage_fail (PRINT_USAGE);
  document = pd_handover_document_load_unit (ctx, argv[1], &error);
  if (document == NULL)
    return pd_cli_fail (error);
  what = g_strdup_printf ("handover form %s", document->handover->unit_code);
  renderer = pd_form_handover_renderer (PD_HANDOVER_FORM_ACCEPTANCE, document);
  if (!pd_pdf_write (renderer, argv[2], &pages, &error) ||
      !pd_export_log_add (ctx, what, 1, FALSE, argv[2], &error))
    return pd_cli_fail (error);
  /* Translators: a number of pages, then a file name */
  g_print (_("Acceptance form printed to %2$s (%1$u pages).\n"), pages, argv[2]);
  return 0;
}

int
pd_cli_export_handovers (PdContext *ctx,
                         int        argc,
                         char     **argv)
{
  g_autofree char *month = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *next = NULL;
  guint handovers = 0, defects = 0;
  int status = pd_cli_parse_monthly (&argc, &argv, NULL, EXPORT_USAGE, &month, &first, &next);

  if (status != 0)
    return status;
  if (!pd_export_handovers (ctx, first, next, argv[1], &handovers, &defects, &error))
    return pd_cli_fail (error);
  /* Translators: handovers of a month, open defects, file name */
  g_print (_("%u handovers of %s and %u open defects exported to %s.\n"), handovers, month, defects, argv[1]);
  return 0;
}
