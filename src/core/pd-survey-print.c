/* pd-survey-print.c — see pd-survey-print.h. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-estate.h"
#include "pd-survey-print.h"

PdSurveyQuestionnaires *
pd_survey_questionnaires_new (PdContext  *ctx,
                              gint64      campaign_id,
                              GError    **error)
{
  g_autoptr (PdSurveyQuestionnaires) print = g_new0 (PdSurveyQuestionnaires, 1);
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PD_IS_CONTEXT (ctx), NULL);
  print->unit_codes = g_ptr_array_new_with_free_func (g_free);
  print->campaign = pd_survey_campaign_get (ctx, campaign_id, error);
  if (print->campaign == NULL)
    return NULL;
  print->tmpl = pd_survey_template_get (ctx, print->campaign->template_id, error);
  if (print->tmpl == NULL)
    return NULL;
  print->estate_name = pd_estate_get_name (ctx, print->campaign->estate_id);
  now = pd_context_now_text (ctx);
  /* Translators: the footer of printed forms; user name, date and time */
  print->footer = g_strdup_printf (_("Printed by %s at %.16s"), pd_context_get_user (ctx), now);
  /* survey_target rows were inserted in natural unit order. */
  stmt = pd_database_prepare (pd_context_get_database (ctx),
    "SELECT u.code FROM survey_target t JOIN unit u ON u.id = t.unit_id WHERE t.campaign_id = ? ORDER BY t.id",
    error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (print->unit_codes, pd_column_dup (stmt, 0));
  sqlite3_reset (stmt);
  return g_steal_pointer (&print);
}

void
pd_survey_questionnaires_free (PdSurveyQuestionnaires *print)
{
  if (print == NULL)
    return;
  g_free (print->estate_name);
  g_free (print->footer);
  pd_survey_campaign_free (print->campaign);
  pd_survey_template_free (print->tmpl);
  g_clear_pointer (&print->unit_codes, g_ptr_array_unref);
  g_free (print);
}

char *
pd_survey_questionnaires_title (const PdSurveyQuestionnaires *print)
{
  /* Translators: title of the PDF of a campaign's questionnaires */
  return g_strdup_printf (_("Questionnaires — %s"), print->campaign->name);
}
