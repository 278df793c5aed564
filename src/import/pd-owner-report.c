/* pd-owner-report.c — the import report as text: what propdesk-cli prints
 * and what the import dialog shows (and lets the user copy). */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-owner-import.h"

char *
pd_owner_import_report_format (const PdOwnerImportReport *report)
{
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, _("Imported rows: %u\n"), report->rows_imported);
  g_string_append_printf (text, _("Rejected rows: %u\n"), report->rows_rejected);
  for (guint i = 0; i < report->rejected->len; i++)
    {
      const PdOwnerRejection *rejection = report->rejected->pdata[i];
      /* Translators: a rejected row of the ledger: its line number and why */
      g_string_append_printf (text, _("line %u: %s\n"), rejection->line, rejection->message);
    }
  if (!report->committed)
    return g_string_free (text, FALSE);

  g_string_append_printf (text, _("People: %u new, %u updated, %u unchanged\n"),
                          report->people_created, report->people_updated, report->people_unchanged);
  g_string_append_printf (text, _("Units: %u new; roles: %u new; vehicles: %u new; unit states changed: %u\n"),
                          report->units_created, report->roles_created, report->vehicles_created,
                          report->states_changed);
  if (report->new_unit_codes->len > 0)
    {
      g_string_append (text, _("New units (not in the estate before):"));
      for (guint i = 0; i < report->new_unit_codes->len; i++)
        g_string_append_printf (text, " %s", (const char *) report->new_unit_codes->pdata[i]);
      g_string_append_c (text, '\n');
    }
  if (report->units_without_state > 0)
    g_string_append_printf (text, _("New units without a state in the ledger, set to vacant: %u\n"),
                            report->units_without_state);
  if (report->rows_repeated > 0)
    g_string_append_printf (text, _("Rows repeating an earlier row of the file (merged): %u\n"),
                            report->rows_repeated);
  return g_string_free (text, FALSE);
}
