/* pd-cli-kpi.c — the monthly KPI report from the command line:
 *   propdesk-cli export kpi --month YYYY-MM FILE.xlsx
 *   propdesk-cli print kpi --month YYYY-MM FILE.pdf */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-cli.h"
#include "pd-error.h"
#include "pd-form-kpi.h"
#include "pd-kpi-workbook.h"
#include "pd-pdf.h"

/* Parses --month and the one file argument; FALSE (with the message
 * naming the argument that is wrong or missing) otherwise. */
static gboolean
parse_arguments (int         *argc,
                 char      ***argv,
                 const char  *file_argument,
                 char       **month,
                 GError     **error)
{
  GOptionEntry entries[] = {
    { "month", 0, 0, G_OPTION_ARG_STRING, month, N_("The month to report"), "YYYY-MM" },
    { NULL }
  };
  g_autofree char *first = NULL, *next = NULL;

  if (!pd_cli_parse (entries, argc, argv, file_argument, error))
    return FALSE;
  if (*month == NULL)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_REQUIRED, "month",
                          _("--month: give the month to report, as YYYY-MM."));
      return FALSE;
    }
  if (!pd_cli_parse_month (*month, &first, &next, error))
    return FALSE;
  if (*argc != 2)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_REQUIRED, "file",
                          /* Translators: %s is FILE.xlsx or FILE.pdf */
                          _("%s: give one file to write."), file_argument);
      return FALSE;
    }
  return TRUE;
}

int
pd_cli_export_kpi (PdContext *ctx,
                   int        argc,
                   char     **argv)
{
  g_autofree char *month = NULL;
  g_autoptr (GError) error = NULL;

  if (!parse_arguments (&argc, &argv, "FILE.xlsx", &month, &error) ||
      !pd_kpi_workbook_write (ctx, month, argv[1], &error))
    return pd_cli_fail (error);
  /* Translators: the month (YYYY-MM), then a file name */
  g_print (_("KPI report of %s written to %s.\n"), month, argv[1]);
  return 0;
}

int
pd_cli_print_kpi (PdContext *ctx,
                  int        argc,
                  char     **argv)
{
  g_autofree char *month = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (PdRenderer) renderer = NULL;
  PdKpiReport *report;

  if (!parse_arguments (&argc, &argv, "FILE.pdf", &month, &error))
    return pd_cli_fail (error);
  report = pd_kpi_report_new (ctx, month, &error);
  if (report == NULL)
    return pd_cli_fail (error);
  renderer = pd_form_kpi_renderer (report);
  if (!pd_pdf_write (renderer, argv[1], NULL, &error))
    return pd_cli_fail (error);
  g_print (_("KPI report of %s written to %s.\n"), month, argv[1]);
  return 0;
}
