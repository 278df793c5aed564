/* pd-cli-patrol.c — vacant-unit patrols from the command line: a building's
 * blank round sheet (空置房巡查表) to PDF, and the month's patrol statistics
 * to a workbook. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-cli.h"
#include "pd-export-patrols.h"
#include "pd-form-patrol.h"
#include "pd-patrol-print.h"
#include "pd-patrol-vacancy.h"
#include "pd-pdf.h"

#define SHEET_USAGE "print patrol-sheet BUILDING FILE.pdf"
#define EXPORT_USAGE "export patrols --month YYYY-MM FILE.xlsx"

int
pd_cli_print_patrol_sheet (PdContext *ctx,
                           int        argc,
                           char     **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PdRenderer) renderer = NULL;
  g_autofree char *title = NULL;
  PdPatrolPrint *print;
  gint64 building_id;
  guint pages = 0;

  if (argc != 3)
    return pd_cli_usage_fail (SHEET_USAGE);
  building_id = pd_patrol_find_building (ctx, argv[1], &error);
  if (building_id == 0)
    return pd_cli_fail (error);
  print = pd_patrol_print_sheet (ctx, building_id, &error);
  if (print == NULL)
    return pd_cli_fail (error);
  /* Translators: document title; %s is the building's code */
  title = g_strdup_printf (_("Vacant unit patrol sheet, building %s"), print->building_code);
  renderer = pd_renderer_new (title, (PdRenderFunc) pd_form_render_patrol_sheet, print,
                              (GDestroyNotify) pd_patrol_print_free);
  if (!pd_pdf_write (renderer, argv[2], &pages, &error))
    return pd_cli_fail (error);
  /* Translators: a document title, a number of pages, a file name */
  g_print (_("%s: %u pages written to %s.\n"), title, pages, argv[2]);
  return 0;
}

int
pd_cli_export_patrols (PdContext *ctx,
                       int        argc,
                       char     **argv)
{
  g_autofree char *month = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *next = NULL;
  g_autofree char *normal = NULL;
  int status = pd_cli_parse_monthly (&argc, &argv, NULL, EXPORT_USAGE, &month, &first, &next);

  if (status != 0)
    return status;
  normal = g_strndup (first, 7);
  if (!pd_export_patrols (ctx, normal, argv[1], &error))
    return pd_cli_fail (error);
  /* Translators: a month YYYY-MM, a file name */
  g_print (_("Patrol statistics of %s exported to %s.\n"), normal, argv[1]);
  return 0;
}
