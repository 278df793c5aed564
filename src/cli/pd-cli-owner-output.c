/* pd-cli-owner-output.c — the owner files leaving PropDesk from the command
 * line: `export owners FILE.xlsx [--unmasked]` and
 * `print owner-form UNIT FILE.pdf [--unmasked]`.  Both are personal data:
 * masked unless a supervisor asks, and logged (pd-export-log.h). */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-cli.h"
#include "pd-export-log.h"
#include "pd-form-owner.h"
#include "pd-owner-export.h"
#include "pd-pdf.h"

/* Parses the command's only option, --unmasked; FALSE on a bad option. */
static gboolean
parse_unmasked (int        *argc,
                char     ***argv,
                const char *parameters,
                gboolean   *unmasked,
                GError    **error)
{
  GOptionEntry entries[] = {
    { "unmasked", 0, 0, G_OPTION_ARG_NONE, unmasked,
      N_("Full ID and phone numbers (supervisors and above)"), NULL },
    { NULL }
  };

  *unmasked = FALSE;
  return pd_cli_parse (entries, argc, argv, parameters, error);
}

int
pd_cli_export_owners (PdContext *ctx,
                      int        argc,
                      char     **argv)
{
  g_autoptr (GError) error = NULL;
  gboolean unmasked;
  gint64 rows;

  if (!parse_unmasked (&argc, &argv, "FILE.xlsx", &unmasked, &error))
    return pd_cli_fail (error);
  if (argc != 2)
    return pd_cli_usage_fail ("export owners FILE.xlsx [--unmasked]");
  rows = pd_owner_export (ctx, argv[1], unmasked, &error);
  if (rows < 0)
    return pd_cli_fail (error);
  /* Translators: %d is the number of rows, %s the file */
  g_print (_("%d rows exported to %s\n"), (int) rows, argv[1]);
  return 0;
}

int
pd_cli_print_owner_form (PdContext *ctx,
                         int        argc,
                         char     **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PdRenderer) renderer = NULL;
  PdOwnerForm *form;
  gboolean unmasked;
  guint pages = 0;

  if (!parse_unmasked (&argc, &argv, "UNIT FILE.pdf", &unmasked, &error))
    return pd_cli_fail (error);
  if (argc != 3)
    return pd_cli_usage_fail ("print owner-form UNIT FILE.pdf [--unmasked]");
  form = pd_owner_form_load (ctx, argv[1], unmasked, &error);
  if (form == NULL)
    return pd_cli_fail (error);
  renderer = pd_form_owner_renderer (form);
  if (!pd_pdf_write (renderer, argv[2], &pages, &error) ||
      !pd_owner_form_log (ctx, form, argv[2], &error))
    return pd_cli_fail (error);
  /* Translators: %u is the number of pages, %s the file */
  g_print (_("%u page(s) written to %s\n"), pages, argv[2]);
  return 0;
}
