/* pd-survey-response.c — see pd-survey-response.h. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-calendar.h"
#include "pd-error.h"
#include "pd-estate.h"
#include "pd-survey-campaign.h"
#include "pd-survey-response.h"

PdSurveyResponse *
pd_survey_response_new (void)
{
  PdSurveyResponse *response = g_new0 (PdSurveyResponse, 1);

  response->unit_code = g_strdup ("");
  response->answered_on = g_strdup ("");
  response->scores = g_array_new (FALSE, TRUE, sizeof (int));
  response->opinion = g_strdup ("");
  response->entered_at = g_strdup ("");
  response->entered_by = g_strdup ("");
  return response;
}

void
pd_survey_response_free (PdSurveyResponse *response)
{
  if (response == NULL)
    return;
  g_free (response->unit_code);
  g_free (response->answered_on);
  g_array_unref (response->scores);
  g_free (response->opinion);
  g_free (response->entered_at);
  g_free (response->entered_by);
  g_free (response);
}

static void
set_score_error (GError                **error,
                 const PdSurveyTemplate *tmpl,
                 guint                   index,
                 const char             *what)
{
  /* Translators: item number, item title, the wrong key, then the labels of 5 and 1 */
  pd_set_field_error (error, PD_VALIDATION_ERROR_RANGE, "scores",
                      _("Item %u (%s): “%s” is not a score; key 5 (%s) to 1 (%s), or 0 for no answer."),
                      index + 1, pd_survey_template_item_title (tmpl, index), what,
                      tmpl->labels[5], tmpl->labels[1]);
}

gboolean
pd_survey_parse_scores (const char             *keys,
                        const PdSurveyTemplate *tmpl,
                        GArray                 *scores,
                        GError                **error)
{
  guint n_items = pd_survey_template_n_items (tmpl);
  guint index = 0;

  g_return_val_if_fail (tmpl != NULL && scores != NULL, FALSE);
  g_array_set_size (scores, 0);
  for (const char *p = keys ? keys : ""; *p; p = g_utf8_next_char (p), index++)
    {
      gunichar c = g_utf8_get_char (p);
      int score;

      if (index >= n_items)
        {
          pd_set_field_error (error, PD_VALIDATION_ERROR_RANGE, "scores",
                              _("Scores: %u keys typed, but the questionnaire has %u items."),
                              (guint) g_utf8_strlen (keys, -1), n_items);
          return FALSE;
        }
      if (c == ' ' || c == '-' || c == '.' || c == '0')
        score = 0;
      else if (c >= '1' && c <= '5')
        score = (int) (c - '0');
      else
        {
          char what[8] = { 0 };
          g_unichar_to_utf8 (c, what);
          set_score_error (error, tmpl, index, what);
          return FALSE;
        }
      g_array_append_val (scores, score);
    }
  return TRUE;
}

static gboolean
check_scores (const PdSurveyResponse *response,
              const PdSurveyTemplate *tmpl,
              GError                **error)
{
  guint n_items = pd_survey_template_n_items (tmpl);

  if (response->scores->len > n_items)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_RANGE, "scores",
                          _("Scores: %u answers given, but the questionnaire has %u items."),
                          response->scores->len, n_items);
      return FALSE;
    }
  for (guint i = 0; i < response->scores->len; i++)
    {
      int score = g_array_index (response->scores, int, i);
      if (score < 0 || score > PD_SURVEY_SCALE_POINTS)
        {
          g_autofree char *what = g_strdup_printf ("%d", score);
          set_score_error (error, tmpl, i, what);
          return FALSE;
        }
    }
  return TRUE;
}

/* The response date: as given, or today moved into the campaign period. */
static char *
resolve_date (PdContext              *ctx,
              const PdSurveyResponse *response,
              const PdSurveyCampaign *campaign,
              GError                **error)
{
  g_autofree char *today = pd_context_today (ctx);
  g_autofree char *date = g_strstrip (g_strdup (response->answered_on ? response->answered_on : ""));

  if (*date == '\0')
    {
      g_free (date);
      if (strcmp (today, campaign->start_on) < 0)
        date = g_strdup (campaign->start_on);
      else if (strcmp (today, campaign->end_on) > 0)
        date = g_strdup (campaign->end_on);
      else
        date = g_strdup (today);
    }
  if (!pd_date_is_valid (date))
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_INVALID, "answered_on",
                          _("Date: “%s” is not a date of the form YYYY-MM-DD."), date);
      return NULL;
    }
  if (strcmp (date, campaign->start_on) < 0)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_RANGE, "answered_on",
                          _("Date: %s is before the campaign starts (%s)."), date, campaign->start_on);
      return NULL;
    }
  if (strcmp (date, today) > 0)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_RANGE, "answered_on",
                          _("Date: %s is in the future."), date);
      return NULL;
    }
  return g_steal_pointer (&date);
}

static gboolean
insert_rows (PdContext              *ctx,
             PdSurveyResponse       *response,
             const PdSurveyTemplate *tmpl,
             const char             *now,
             GError                **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  sqlite3_stmt *stmt = pd_database_prepare (database,
    "INSERT INTO survey_response (campaign_id, unit_id, answered_on, opinion, entered_at, entered_by) "
    "VALUES (?, ?, ?, ?, ?, ?)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, response->campaign_id);
  sqlite3_bind_int64 (stmt, 2, response->unit_id);
  pd_bind_text (stmt, 3, response->answered_on);
  pd_bind_text (stmt, 4, response->opinion);
  pd_bind_text (stmt, 5, now);
  pd_bind_text (stmt, 6, pd_context_get_user (ctx));
  if (!pd_database_step_done (database, stmt, error))
    return FALSE;
  response->id = pd_database_last_insert_id (database);

  for (guint i = 0; i < response->scores->len; i++)
    {
      int score = g_array_index (response->scores, int, i);

      if (score == 0)
        continue;
      stmt = pd_database_prepare (database,
        "INSERT INTO survey_answer (response_id, item_id, score) VALUES (?, ?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, response->id);
      sqlite3_bind_int64 (stmt, 2, ((PdSurveyItem *) tmpl->items->pdata[i])->id);
      sqlite3_bind_int (stmt, 3, score);
      if (!pd_database_step_done (database, stmt, error))
        return FALSE;
    }
  if (*response->opinion == '\0')
    return TRUE;
  stmt = pd_database_prepare (database,
    "INSERT INTO survey_followup (response_id, received_on) VALUES (?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, response->id);
  pd_bind_text (stmt, 2, response->answered_on);
  return pd_database_step_done (database, stmt, error);
}

gint64
pd_survey_response_save (PdContext        *ctx,
                         PdSurveyResponse *response,
                         GError          **error)
{
  PdDatabase *database;
  g_autoptr (PdSurveyCampaign) campaign = NULL;
  g_autoptr (PdSurveyTemplate) tmpl = NULL;
  g_autoptr (PdUnit) unit = NULL;
  g_autofree char *date = NULL;
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;
  gboolean duplicate;

  g_return_val_if_fail (PD_IS_CONTEXT (ctx), -1);
  g_return_val_if_fail (response != NULL, -1);

  database = pd_context_get_database (ctx);
  campaign = pd_survey_campaign_get (ctx, response->campaign_id, error);
  if (campaign == NULL)
    return -1;
  tmpl = pd_survey_template_get (ctx, campaign->template_id, error);
  if (tmpl == NULL)
    return -1;
  if (response->unit_code == NULL || *g_strstrip (response->unit_code) == '\0')
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_REQUIRED, "unit",
                          _("Unit: enter the unit code printed on the form."));
      return -1;
    }
  unit = pd_unit_find (ctx, campaign->estate_id, response->unit_code, error);
  if (unit == NULL)
    return -1;
  if (!pd_survey_campaign_is_target (ctx, campaign->id, unit->id))
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_STATE, "unit",
                          _("Unit: %s is not among the units asked in campaign “%s”."),
                          unit->code, campaign->name);
      return -1;
    }
  stmt = pd_database_prepare (database,
    "SELECT 1 FROM survey_response WHERE campaign_id = ? AND unit_id = ?", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, campaign->id);
  sqlite3_bind_int64 (stmt, 2, unit->id);
  duplicate = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  if (duplicate)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_DUPLICATE, "unit",
                          _("Unit: the form of %s is already entered for campaign “%s”."),
                          unit->code, campaign->name);
      return -1;
    }
  if (!check_scores (response, tmpl, error))
    return -1;
  date = resolve_date (ctx, response, campaign, error);
  if (date == NULL)
    return -1;

  response->unit_id = unit->id;
  g_free (response->unit_code);
  response->unit_code = g_strdup (unit->code);
  g_free (response->answered_on);
  response->answered_on = g_steal_pointer (&date);
  if (response->opinion == NULL)
    response->opinion = g_strdup ("");
  g_strstrip (response->opinion);
  now = pd_context_now_text (ctx);
  if (!pd_database_begin (database, error))
    return -1;
  if (!insert_rows (ctx, response, tmpl, now, error) || !pd_database_commit (database, error))
    {
      pd_database_rollback (database);
      response->id = 0;
      return -1;
    }
  g_free (response->entered_at);
  response->entered_at = g_steal_pointer (&now);
  g_free (response->entered_by);
  response->entered_by = g_strdup (pd_context_get_user (ctx));
  pd_context_notify_changed (ctx, "survey_response");
  return response->id;
}

gboolean
pd_survey_response_delete (PdContext  *ctx,
                           gint64      response_id,
                           GError    **error)
{
  static const char *const deletes[] = {
    "DELETE FROM survey_followup WHERE response_id = ?",
    "DELETE FROM survey_answer WHERE response_id = ?",
    "DELETE FROM survey_response WHERE id = ?",
  };
  PdDatabase *database;

  g_return_val_if_fail (PD_IS_CONTEXT (ctx), FALSE);
  database = pd_context_get_database (ctx);
  if (!pd_database_begin (database, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (deletes); i++)
    {
      sqlite3_stmt *stmt = pd_database_prepare (database, deletes[i], error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, response_id);
      if (!pd_database_step_done (database, stmt, error))
        goto fail;
    }
  if (pd_database_changes (database) == 0)
    {
      g_autofree char *what = g_strdup_printf ("%" G_GINT64_FORMAT, response_id);
      pd_set_field_error (error, PD_VALIDATION_ERROR_NOT_FOUND, "response",
                          _("Form: #%s does not exist."), what);
      goto fail;
    }
  if (!pd_database_commit (database, error))
    goto fail;
  pd_context_notify_changed (ctx, "survey_response");
  return TRUE;

fail:
  pd_database_rollback (database);
  return FALSE;
}

GPtrArray *
pd_survey_response_list (PdContext  *ctx,
                         gint64      campaign_id,
                         GError    **error)
{
  PdDatabase *database;
  g_autoptr (PdSurveyCampaign) campaign = NULL;
  g_autoptr (PdSurveyTemplate) tmpl = NULL;
  g_autoptr (GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (GPtrArray) list = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PD_IS_CONTEXT (ctx), NULL);
  database = pd_context_get_database (ctx);
  campaign = pd_survey_campaign_get (ctx, campaign_id, error);
  tmpl = campaign ? pd_survey_template_get (ctx, campaign->template_id, error) : NULL;
  if (tmpl == NULL)
    return NULL;
  stmt = pd_database_prepare (database,
    "SELECT r.id, r.unit_id, u.code, r.answered_on, r.opinion, r.entered_at, r.entered_by "
    "FROM survey_response r JOIN unit u ON u.id = r.unit_id WHERE r.campaign_id = ? ORDER BY r.id DESC",
    error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) pd_survey_response_free);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      PdSurveyResponse *response = pd_survey_response_new ();

      response->id = sqlite3_column_int64 (stmt, 0);
      response->campaign_id = campaign_id;
      response->unit_id = sqlite3_column_int64 (stmt, 1);
      g_free (response->unit_code);
      response->unit_code = pd_column_dup (stmt, 2);
      g_free (response->answered_on);
      response->answered_on = pd_column_dup (stmt, 3);
      g_free (response->opinion);
      response->opinion = pd_column_dup (stmt, 4);
      g_free (response->entered_at);
      response->entered_at = pd_column_dup (stmt, 5);
      g_free (response->entered_by);
      response->entered_by = pd_column_dup (stmt, 6);
      g_array_set_size (response->scores, pd_survey_template_n_items (tmpl));
      g_ptr_array_add (list, response);
      g_hash_table_insert (by_id, &response->id, response);
    }
  sqlite3_reset (stmt);

  stmt = pd_database_prepare (database,
    "SELECT a.response_id, i.position, a.score FROM survey_response r "
    "JOIN survey_answer a ON a.response_id = r.id JOIN survey_item i ON i.id = a.item_id "
    "WHERE r.campaign_id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      int position = sqlite3_column_int (stmt, 1);
      PdSurveyResponse *response = g_hash_table_lookup (by_id, &id);

      if (response != NULL && position >= 1 && (guint) position <= response->scores->len)
        g_array_index (response->scores, int, position - 1) = sqlite3_column_int (stmt, 2);
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&list);
}
