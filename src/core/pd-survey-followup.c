/* pd-survey-followup.c — see pd-survey-followup.h. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-calendar.h"
#include "pd-error.h"
#include "pd-settings.h"
#include "pd-survey-followup.h"

/* Fixed SQL per stage, chosen by enum, never built from user text.
 * Parameters: ?1 text, ?2 date, ?3 signer, ?4 id. */
static const struct
{
  const char *label;
  const char *text_label;
  const char *limit_setting;   /* NULL: no time limit */
  const char *update;
} stages[PD_FOLLOWUP_N_STAGES] = {
  [PD_FOLLOWUP_ROUTE] = { N_("Route to department"), N_("Department"), "survey.route_days",
    "UPDATE survey_followup SET department = ?1, routed_on = ?2, routed_by = ?3 WHERE id = ?4" },
  [PD_FOLLOWUP_MEASURES] = { N_("Written measures"), N_("Measures"), "survey.measures_days",
    "UPDATE survey_followup SET measures = ?1, measures_on = ?2, measures_by = ?3 WHERE id = ?4" },
  [PD_FOLLOWUP_RECTIFY] = { N_("Rectification"), NULL, NULL,
    "UPDATE survey_followup SET rectified_on = ?2, rectified_by = ?3 WHERE id = ?4 AND ?1 IS NOT NULL" },
  [PD_FOLLOWUP_VISIT] = { N_("Return visit"), N_("Visit result"), "survey.return_visit_days",
    "UPDATE survey_followup SET visit_result = ?1, visited_on = ?2, visited_by = ?3 WHERE id = ?4" },
};

const char *
pd_followup_stage_label (PdFollowupStage stage)
{
  if (stage >= PD_FOLLOWUP_CLOSED)
    return _("Closed");
  return _(stages[stage].label);
}

const char *
pd_followup_text_label (PdFollowupStage stage)
{
  if (stage >= PD_FOLLOWUP_CLOSED || stages[stage].text_label == NULL)
    return "";
  return _(stages[stage].text_label);
}

void
pd_survey_followup_free (PdSurveyFollowup *followup)
{
  if (followup == NULL)
    return;
  g_free (followup->campaign_name);
  g_free (followup->unit_code);
  g_free (followup->opinion);
  g_free (followup->received_on);
  for (int i = 0; i < PD_FOLLOWUP_N_STAGES; i++)
    {
      g_free (followup->text[i]);
      g_free (followup->done_on[i]);
      g_free (followup->signed_by[i]);
    }
  g_free (followup);
}

PdFollowupStage
pd_survey_followup_stage (const PdSurveyFollowup *followup)
{
  for (int i = 0; i < PD_FOLLOWUP_N_STAGES; i++)
    if (followup->done_on[i] == NULL || *followup->done_on[i] == '\0')
      return i;
  return PD_FOLLOWUP_CLOSED;
}

/* The day a stage's clock starts: the previous stage's date. */
static const char *
stage_start (const PdSurveyFollowup *followup,
             PdFollowupStage         stage)
{
  const char *start = stage == PD_FOLLOWUP_ROUTE ? followup->received_on : followup->done_on[stage - 1];
  return start != NULL && *start != '\0' ? start : NULL;
}

char *
pd_survey_followup_due (PdContext              *ctx,
                        const PdSurveyFollowup *followup,
                        PdFollowupStage         stage)
{
  const char *start;

  g_return_val_if_fail (followup != NULL, NULL);
  if (stage >= PD_FOLLOWUP_CLOSED || stages[stage].limit_setting == NULL)
    return NULL;
  start = stage_start (followup, stage);
  if (start == NULL)
    return NULL;
  return pd_date_add_days (start, (int) pd_settings_get_int (ctx, stages[stage].limit_setting, 0));
}

gboolean
pd_survey_followup_is_late_by (const PdSurveyFollowup *followup,
                               PdFollowupStage         stage,
                               const char             *due,
                               const char             *today)
{
  const char *done;

  g_return_val_if_fail (followup != NULL && today != NULL, FALSE);
  if (due == NULL || stage >= PD_FOLLOWUP_CLOSED)
    return FALSE;
  done = followup->done_on[stage];
  return strcmp (done != NULL && *done != '\0' ? done : today, due) > 0;
}

gboolean
pd_survey_followup_is_late (PdContext              *ctx,
                            const PdSurveyFollowup *followup,
                            PdFollowupStage         stage)
{
  g_autofree char *due = pd_survey_followup_due (ctx, followup, stage);
  g_autofree char *today = NULL;

  if (due == NULL)
    return FALSE;
  today = pd_context_today (ctx);
  return pd_survey_followup_is_late_by (followup, stage, due, today);
}

gboolean
pd_survey_followup_any_late (PdContext              *ctx,
                             const PdSurveyFollowup *followup)
{
  for (int i = 0; i < PD_FOLLOWUP_N_STAGES; i++)
    if (pd_survey_followup_is_late (ctx, followup, i))
      return TRUE;
  return FALSE;
}

#define FOLLOWUP_SELECT \
  "SELECT f.id, f.response_id, r.campaign_id, c.name, u.code, r.opinion, f.received_on, " \
  "f.department, f.routed_on, f.routed_by, f.measures, f.measures_on, f.measures_by, " \
  "'', f.rectified_on, f.rectified_by, f.visit_result, f.visited_on, f.visited_by " \
  "FROM survey_followup f JOIN survey_response r ON r.id = f.response_id " \
  "JOIN survey_campaign c ON c.id = r.campaign_id JOIN unit u ON u.id = r.unit_id "

static PdSurveyFollowup *
read_followup (sqlite3_stmt *stmt)
{
  PdSurveyFollowup *followup = g_new0 (PdSurveyFollowup, 1);

  followup->id = sqlite3_column_int64 (stmt, 0);
  followup->response_id = sqlite3_column_int64 (stmt, 1);
  followup->campaign_id = sqlite3_column_int64 (stmt, 2);
  followup->campaign_name = pd_column_dup (stmt, 3);
  followup->unit_code = pd_column_dup (stmt, 4);
  followup->opinion = pd_column_dup (stmt, 5);
  followup->received_on = pd_column_dup (stmt, 6);
  for (int i = 0; i < PD_FOLLOWUP_N_STAGES; i++)
    {
      followup->text[i] = pd_column_dup (stmt, 7 + 3 * i);
      followup->done_on[i] = pd_column_dup (stmt, 8 + 3 * i);
      followup->signed_by[i] = pd_column_dup (stmt, 9 + 3 * i);
    }
  return followup;
}

PdSurveyFollowup *
pd_survey_followup_get (PdContext  *ctx,
                        gint64      followup_id,
                        GError    **error)
{
  sqlite3_stmt *stmt;
  PdSurveyFollowup *followup = NULL;

  g_return_val_if_fail (PD_IS_CONTEXT (ctx), NULL);
  stmt = pd_database_prepare (pd_context_get_database (ctx), FOLLOWUP_SELECT "WHERE f.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, followup_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    followup = read_followup (stmt);
  else
    {
      g_autofree char *what = g_strdup_printf ("%" G_GINT64_FORMAT, followup_id);
      pd_set_field_error (error, PD_VALIDATION_ERROR_NOT_FOUND, "followup",
                          _("Follow-up: #%s does not exist."), what);
    }
  sqlite3_reset (stmt);
  return followup;
}

GPtrArray *
pd_survey_followup_list (PdContext  *ctx,
                         gint64      campaign_id,
                         const char *from,
                         const char *to,
                         GError    **error)
{
  sqlite3_stmt *stmt;
  GPtrArray *list;

  g_return_val_if_fail (PD_IS_CONTEXT (ctx), NULL);
  /* Open ends as PD_DATE_BEFORE_ALL and PD_DATE_AFTER_ALL: the range is
   * always a search of survey_followup_received (038). */
  stmt = pd_database_prepare (pd_context_get_database (ctx), FOLLOWUP_SELECT
    "WHERE (?1 = 0 OR r.campaign_id = ?1) AND f.received_on >= ?2 AND f.received_on < ?3 "
    "ORDER BY f.received_on, f.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  pd_bind_text (stmt, 2, from != NULL ? from : PD_DATE_BEFORE_ALL);
  pd_bind_text (stmt, 3, to != NULL ? to : PD_DATE_AFTER_ALL);
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) pd_survey_followup_free);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (list, read_followup (stmt));
  sqlite3_reset (stmt);
  return list;
}

gboolean
pd_survey_followup_sign (PdContext       *ctx,
                         gint64           followup_id,
                         PdFollowupStage  stage,
                         const char      *text,
                         const char      *date,
                         const char      *signed_by,
                         GError         **error)
{
  PdDatabase *database;
  g_autoptr (PdSurveyFollowup) followup = NULL;
  g_autofree char *today = NULL;
  g_autofree char *day = NULL;
  g_autofree char *clean_text = g_strstrip (g_strdup (text ? text : ""));
  g_autofree char *signer = g_strstrip (g_strdup (signed_by ? signed_by : ""));
  const char *start;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PD_IS_CONTEXT (ctx), FALSE);
  if ((guint) stage >= PD_FOLLOWUP_CLOSED)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_INVALID, "stage",
                          _("Stage: choose routing, measures, rectification or the return visit."));
      return FALSE;
    }

  followup = pd_survey_followup_get (ctx, followup_id, error);
  if (followup == NULL)
    return FALSE;
  if (pd_survey_followup_stage (followup) != stage)
    {
      /* Translators: both %s are stage names such as "Written measures" */
      pd_set_field_error (error, PD_VALIDATION_ERROR_STATE, "stage",
                          _("Stage: “%s” cannot be signed off now; the follow-up is at “%s”."),
                          pd_followup_stage_label (stage),
                          pd_followup_stage_label (pd_survey_followup_stage (followup)));
      return FALSE;
    }
  if (stages[stage].text_label != NULL && *clean_text == '\0')
    {
      /* Translators: %s is what must be entered, e.g. "Department" */
      pd_set_field_error (error, PD_VALIDATION_ERROR_REQUIRED, "text",
                          _("%s: this stage needs it written down."), _(stages[stage].text_label));
      return FALSE;
    }
  today = pd_context_today (ctx);
  day = g_strstrip (g_strdup (date != NULL && *date != '\0' ? date : today));
  if (!pd_date_is_valid (day))
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_INVALID, "date",
                          _("Date: “%s” is not a date of the form YYYY-MM-DD."), day);
      return FALSE;
    }
  if (strcmp (day, today) > 0)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_RANGE, "date",
                          _("Date: %s is in the future."), day);
      return FALSE;
    }
  start = stage_start (followup, stage);
  if (start != NULL && strcmp (day, start) < 0)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_RANGE, "date",
                          _("Date: %s is before the previous stage (%s)."), day, start);
      return FALSE;
    }
  if (*signer == '\0')
    {
      g_free (signer);
      signer = g_strdup (pd_context_get_user (ctx));
    }

  database = pd_context_get_database (ctx);
  stmt = pd_database_prepare (database, stages[stage].update, error);
  if (stmt == NULL)
    return FALSE;
  pd_bind_text (stmt, 1, clean_text);
  pd_bind_text (stmt, 2, day);
  pd_bind_text (stmt, 3, signer);
  sqlite3_bind_int64 (stmt, 4, followup_id);
  if (!pd_database_begin (database, error))
    return FALSE;
  if (!pd_database_step_done (database, stmt, error) || !pd_database_commit (database, error))
    {
      pd_database_rollback (database);
      return FALSE;
    }
  pd_context_notify_changed (ctx, "survey_followup");
  return TRUE;
}
