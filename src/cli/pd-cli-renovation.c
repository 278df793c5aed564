/* pd-cli-renovation.c — renovation approvals from the command line: the
 * permit and the worker passes of a permit number to PDF, and the month's
 * register and figures to a workbook. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-cli.h"
#include "pd-export-renovation.h"
#include "pd-form-renovation.h"
#include "pd-pdf.h"
#include "pd-renovation-print.h"

#define PERMIT_USAGE "print permit SERIAL FILE.pdf"
#define PASSES_USAGE "print passes SERIAL FILE.pdf"
#define EXPORT_USAGE "export renovations --month YYYY-MM FILE.xlsx"

typedef PdRenovationPrint *(*Gather) (PdContext *ctx, gint64 renovation_id, GError **error);

static int
print_serial (PdContext   *ctx,
              int          argc,
              char       **argv,
              const char  *usage,
              Gather       gather,
              PdRenderFunc render,
              const char  *title_format)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PdRenovation) renovation = NULL;
  g_autoptr (PdRenderer) renderer = NULL;
  g_autofree char *title = NULL;
  PdRenovationPrint *print;
  guint pages = 0;

  if (argc != 3)
    return pd_cli_usage_fail (usage);
  renovation = pd_renovation_find_serial (ctx, argv[1], &error);
  if (renovation == NULL)
    return pd_cli_fail (error);
  print = gather (ctx, renovation->id, &error);
  if (print == NULL)
    return pd_cli_fail (error);
  title = g_strdup_printf (title_format, renovation->serial);
  renderer = pd_renderer_new (title, render, print, (GDestroyNotify) pd_renovation_print_free);
  if (!pd_pdf_write (renderer, argv[2], &pages, &error))
    return pd_cli_fail (error);
  /* Translators: a document title, a number of pages, a file name */
  g_print (_("%s: %u pages written to %s.\n"), title, pages, argv[2]);
  return 0;
}

int
pd_cli_print_permit (PdContext *ctx,
                     int        argc,
                     char     **argv)
{
  /* Translators: document title; %s is the permit number */
  return print_serial (ctx, argc, argv, PERMIT_USAGE, pd_renovation_print_permit,
                       (PdRenderFunc) pd_form_render_renovation_permit, _("Renovation permit %s"));
}

int
pd_cli_print_passes (PdContext *ctx,
                     int        argc,
                     char     **argv)
{
  /* Translators: document title; %s is the permit number */
  return print_serial (ctx, argc, argv, PASSES_USAGE, pd_renovation_print_passes,
                       (PdRenderFunc) pd_form_render_renovation_passes, _("Renovation passes %s"));
}

int
pd_cli_export_renovations (PdContext *ctx,
                           int        argc,
                           char     **argv)
{
  g_autofree char *month = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *next = NULL;
  guint rows = 0;
  int status = pd_cli_parse_monthly (&argc, &argv, NULL, EXPORT_USAGE, &month, &first, &next);

  if (status != 0)
    return status;
  if (!pd_export_renovations (ctx, first, next, argv[1], &rows, &error))
    return pd_cli_fail (error);
  /* Translators: a month, a number of applications, a file name */
  g_print (_("Renovations of %s (%u applications in the register) exported to %s.\n"), month, rows, argv[1]);
  return 0;
}
