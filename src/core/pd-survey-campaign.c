/* pd-survey-campaign.c — see pd-survey-campaign.h. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-calendar.h"
#include "pd-error.h"
#include "pd-estate.h"
#include "pd-owner-list.h"
#include "pd-settings.h"
#include "pd-survey-campaign.h"
#include "pd-survey-template.h"

PdSurveyCampaign *
pd_survey_campaign_new (void)
{
  PdSurveyCampaign *campaign = g_new0 (PdSurveyCampaign, 1);

  campaign->name = g_strdup ("");
  campaign->start_on = g_strdup ("");
  campaign->end_on = g_strdup ("");
  campaign->target_kind = g_strdup ("all");
  campaign->target_buildings = g_strdup ("");
  campaign->method = g_strdup ("paper");
  campaign->coverage_goal_pct = -1;
  campaign->satisfaction_goal_pct = -1;
  campaign->created_at = g_strdup ("");
  campaign->created_by = g_strdup ("");
  return campaign;
}

void
pd_survey_campaign_free (PdSurveyCampaign *campaign)
{
  if (campaign == NULL)
    return;
  g_free (campaign->name);
  g_free (campaign->start_on);
  g_free (campaign->end_on);
  g_free (campaign->target_kind);
  g_free (campaign->target_buildings);
  g_free (campaign->method);
  g_free (campaign->created_at);
  g_free (campaign->created_by);
  g_free (campaign);
}

typedef struct
{
  const char *key;
  const char *label;
} Choice;

static const Choice methods[] = {
  { "paper", N_("Paper, door to door") },
  { "phone", N_("Phone") },
  { "visit", N_("Visit") },
};
static const Choice target_kinds[] = {
  { "all", N_("All units") },
  { "buildings", N_("By building") },
  { "sample", N_("Sample") },
};

static const Choice *
find_choice (const Choice *choices,
             guint         n_choices,
             const char   *key)
{
  for (guint i = 0; i < n_choices; i++)
    if (g_strcmp0 (key, choices[i].key) == 0)
      return &choices[i];
  return NULL;
}

const char *
pd_survey_method_label (const char *method)
{
  const Choice *choice = find_choice (methods, G_N_ELEMENTS (methods), method);
  return choice ? _(choice->label) : method;
}

const char *
pd_survey_target_kind_label (const char *kind)
{
  const Choice *choice = find_choice (target_kinds, G_N_ELEMENTS (target_kinds), kind);
  return choice ? _(choice->label) : kind;
}

/* The building codes of a "buildings" campaign as a JSON array for
 * json_each(), after checking that each exists in the estate. */
static char *
buildings_json (PdDatabase  *database,
                gint64       estate_id,
                const char  *list,
                GError     **error)
{
  g_auto (GStrv) codes = g_strsplit_set (list ? list : "", ",，、 ", -1);
  g_autoptr (GString) json = g_string_new ("[");
  guint n = 0;

  for (guint i = 0; codes[i] != NULL; i++)
    {
      sqlite3_stmt *stmt;
      gboolean found;
      g_autofree char *quoted = NULL;

      if (*codes[i] == '\0')
        continue;
      stmt = pd_database_prepare (database,
        "SELECT 1 FROM building WHERE estate_id = ? AND code = ?", error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_int64 (stmt, 1, estate_id);
      pd_bind_text (stmt, 2, codes[i]);
      found = sqlite3_step (stmt) == SQLITE_ROW;
      sqlite3_reset (stmt);
      if (!found)
        {
          pd_set_field_error (error, PD_VALIDATION_ERROR_NOT_FOUND, "target_buildings",
                              _("Buildings: building %s does not exist."), codes[i]);
          return NULL;
        }
      quoted = g_strescape (codes[i], NULL);
      g_string_append_printf (json, "%s\"%s\"", n++ ? "," : "", quoted);
    }
  if (n == 0)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_REQUIRED, "target_buildings",
                          _("Buildings: name at least one building, e.g. 1,3,5."));
      return NULL;
    }
  g_string_append (json, "]");
  return g_strdup (json->str);
}

static gboolean
validate_campaign (PdSurveyCampaign *campaign,
                   GError          **error)
{
  char **texts[] = { &campaign->name, &campaign->start_on, &campaign->end_on, &campaign->method,
                     &campaign->target_kind, &campaign->target_buildings };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      if (*texts[i] == NULL)
        *texts[i] = g_strdup ("");
      g_strstrip (*texts[i]);
    }
  if (*campaign->name == '\0')
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_REQUIRED, "name",
                          _("Name: enter the campaign's name."));
      return FALSE;
    }
  if (g_utf8_strlen (campaign->name, -1) > 100)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_RANGE, "name",
                          _("Name: at most 100 characters."));
      return FALSE;
    }
  if (!pd_date_is_valid (campaign->start_on))
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_INVALID, "start_on",
                          _("From: “%s” is not a date of the form YYYY-MM-DD."), campaign->start_on);
      return FALSE;
    }
  if (!pd_date_is_valid (campaign->end_on))
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_INVALID, "end_on",
                          _("To: “%s” is not a date of the form YYYY-MM-DD."), campaign->end_on);
      return FALSE;
    }
  if (strcmp (campaign->end_on, campaign->start_on) < 0)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_RANGE, "end_on",
                          _("To: the period ends (%s) before it starts (%s)."),
                          campaign->end_on, campaign->start_on);
      return FALSE;
    }
  if (find_choice (methods, G_N_ELEMENTS (methods), campaign->method) == NULL)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_INVALID, "method",
                          _("Method: “%s” is not paper, phone or visit."), campaign->method);
      return FALSE;
    }
  if (campaign->coverage_goal_pct < 0 || campaign->coverage_goal_pct > 100)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_RANGE, "coverage_goal_pct",
                          _("Coverage goal: choose a percentage from 0 to 100."));
      return FALSE;
    }
  if (campaign->satisfaction_goal_pct < 0 || campaign->satisfaction_goal_pct > 100)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_RANGE, "satisfaction_goal_pct",
                          _("Satisfaction goal: choose a percentage from 0 to 100."));
      return FALSE;
    }
  return TRUE;
}

/* Inserts the targets in natural unit order, so that reading them back by
 * survey_target.id keeps that order. */
static gint64
insert_targets (PdContext         *ctx,
                PdSurveyCampaign  *campaign,
                const char        *buildings,
                GError           **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  g_autoptr (GArray) ids = pd_owner_list_unit_ids (ctx, NULL, PD_OWNER_SORT_UNIT, FALSE, error);
  gboolean sample = g_str_equal (campaign->target_kind, "sample");
  gint64 inserted = 0;

  if (ids == NULL)
    return -1;
  if (sample && (campaign->sample_size <= 0 || (guint) campaign->sample_size > ids->len))
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_RANGE, "sample_size",
                          _("Sample size: choose between 1 and %u units."), ids->len);
      return -1;
    }
  for (guint i = 0; i < (sample ? (guint) campaign->sample_size : ids->len); i++)
    {
      /* Systematic sample: unit floor(i·N/n), evenly over the estate. */
      guint index = sample ? (guint) ((guint64) i * ids->len / (guint) campaign->sample_size) : i;
      sqlite3_stmt *stmt = pd_database_prepare (database,
        "INSERT INTO survey_target (campaign_id, unit_id) "
        "SELECT ?1, u.id FROM unit u JOIN entrance e ON e.id = u.entrance_id "
        "JOIN building b ON b.id = e.building_id "
        "WHERE u.id = ?2 AND (?3 IS NULL OR b.code IN (SELECT value FROM json_each(?3)))", error);

      if (stmt == NULL)
        return -1;
      sqlite3_bind_int64 (stmt, 1, campaign->id);
      sqlite3_bind_int64 (stmt, 2, g_array_index (ids, gint64, index));
      pd_bind_text_or_null (stmt, 3, buildings);
      if (!pd_database_step_done (database, stmt, error))
        return -1;
      inserted += pd_database_changes (database);
    }
  if (inserted == 0)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_REQUIRED, "target_kind",
                          _("Target units: the campaign would ask no unit."));
      return -1;
    }
  return inserted;
}

gint64
pd_survey_campaign_create (PdContext        *ctx,
                           PdSurveyCampaign *campaign,
                           GError          **error)
{
  PdDatabase *database;
  g_autofree char *buildings = NULL;
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;
  gint64 n_targets;

  g_return_val_if_fail (PD_IS_CONTEXT (ctx), -1);
  g_return_val_if_fail (campaign != NULL, -1);

  if (!pd_context_require_role (ctx, PD_ROLE_SUPERVISOR, _("create survey campaigns"), error))
    return -1;
  /* -1 (and only -1) asks for the settings' goals. */
  if (campaign->coverage_goal_pct == -1)
    campaign->coverage_goal_pct = (int) pd_settings_get_int (ctx, "survey.coverage_goal_pct", 95);
  if (campaign->satisfaction_goal_pct == -1)
    campaign->satisfaction_goal_pct = (int) pd_settings_get_int (ctx, "survey.satisfaction_goal_pct", 95);
  if (!validate_campaign (campaign, error))
    return -1;
  if (find_choice (target_kinds, G_N_ELEMENTS (target_kinds), campaign->target_kind) == NULL)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_INVALID, "target_kind",
                          _("Target units: “%s” is not all, buildings or sample."), campaign->target_kind);
      return -1;
    }

  database = pd_context_get_database (ctx);
  campaign->estate_id = pd_estate_current_id (ctx, error);
  if (campaign->estate_id < 0)
    return -1;
  if (g_str_equal (campaign->target_kind, "buildings"))
    {
      buildings = buildings_json (database, campaign->estate_id, campaign->target_buildings, error);
      if (buildings == NULL)
        return -1;
    }
  if (campaign->template_id <= 0)
    {
      g_autoptr (PdSurveyTemplate) current = pd_survey_template_get_current (ctx, error);
      if (current == NULL)
        return -1;
      campaign->template_id = current->id;
    }
  now = pd_context_now_text (ctx);

  if (!pd_database_begin (database, error))
    return -1;
  stmt = pd_database_prepare (database,
    "INSERT INTO survey_campaign (estate_id, template_id, name, start_on, end_on, target_kind, "
    "target_buildings, sample_size, method, coverage_goal_pct, satisfaction_goal_pct, created_at, "
    "created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, campaign->estate_id);
  sqlite3_bind_int64 (stmt, 2, campaign->template_id);
  pd_bind_text (stmt, 3, campaign->name);
  pd_bind_text (stmt, 4, campaign->start_on);
  pd_bind_text (stmt, 5, campaign->end_on);
  pd_bind_text (stmt, 6, campaign->target_kind);
  pd_bind_text (stmt, 7, buildings ? campaign->target_buildings : "");
  sqlite3_bind_int (stmt, 8, g_str_equal (campaign->target_kind, "sample") ? campaign->sample_size : 0);
  pd_bind_text (stmt, 9, campaign->method);
  sqlite3_bind_int (stmt, 10, campaign->coverage_goal_pct);
  sqlite3_bind_int (stmt, 11, campaign->satisfaction_goal_pct);
  pd_bind_text (stmt, 12, now);
  pd_bind_text (stmt, 13, pd_context_get_user (ctx));
  if (!pd_database_step_done (database, stmt, error))
    goto fail;
  campaign->id = pd_database_last_insert_id (database);
  n_targets = insert_targets (ctx, campaign, buildings, error);
  if (n_targets < 0 || !pd_database_commit (database, error))
    goto fail;
  campaign->n_targets = n_targets;
  campaign->n_responses = 0;
  g_free (campaign->created_at);
  campaign->created_at = g_steal_pointer (&now);
  g_free (campaign->created_by);
  campaign->created_by = g_strdup (pd_context_get_user (ctx));
  pd_context_notify_changed (ctx, "survey_campaign");
  return campaign->id;

fail:
  pd_database_rollback (database);
  campaign->id = 0;
  return -1;
}

#define CAMPAIGN_SELECT \
  "SELECT c.id, c.estate_id, c.template_id, c.name, c.start_on, c.end_on, c.target_kind, " \
  "c.target_buildings, c.sample_size, c.method, c.coverage_goal_pct, c.satisfaction_goal_pct, " \
  "c.created_at, c.created_by, " \
  "(SELECT count(*) FROM survey_target t WHERE t.campaign_id = c.id), " \
  "(SELECT count(*) FROM survey_response r WHERE r.campaign_id = c.id) " \
  "FROM survey_campaign c "

static PdSurveyCampaign *
read_campaign (sqlite3_stmt *stmt)
{
  PdSurveyCampaign *campaign = pd_survey_campaign_new ();

#define TAKE(field, col) g_free (campaign->field); campaign->field = pd_column_dup (stmt, col)
  campaign->id = sqlite3_column_int64 (stmt, 0);
  campaign->estate_id = sqlite3_column_int64 (stmt, 1);
  campaign->template_id = sqlite3_column_int64 (stmt, 2);
  TAKE (name, 3);
  TAKE (start_on, 4);
  TAKE (end_on, 5);
  TAKE (target_kind, 6);
  TAKE (target_buildings, 7);
  campaign->sample_size = sqlite3_column_int (stmt, 8);
  TAKE (method, 9);
  campaign->coverage_goal_pct = sqlite3_column_int (stmt, 10);
  campaign->satisfaction_goal_pct = sqlite3_column_int (stmt, 11);
  TAKE (created_at, 12);
  TAKE (created_by, 13);
  campaign->n_targets = sqlite3_column_int64 (stmt, 14);
  campaign->n_responses = sqlite3_column_int64 (stmt, 15);
#undef TAKE
  return campaign;
}

PdSurveyCampaign *
pd_survey_campaign_get (PdContext  *ctx,
                        gint64      campaign_id,
                        GError    **error)
{
  PdDatabase *database;
  sqlite3_stmt *stmt;
  PdSurveyCampaign *campaign = NULL;

  g_return_val_if_fail (PD_IS_CONTEXT (ctx), NULL);
  database = pd_context_get_database (ctx);
  stmt = pd_database_prepare (database, CAMPAIGN_SELECT "WHERE c.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    campaign = read_campaign (stmt);
  else
    {
      g_autofree char *what = g_strdup_printf ("%" G_GINT64_FORMAT, campaign_id);
      pd_set_field_error (error, PD_VALIDATION_ERROR_NOT_FOUND, "campaign",
                          _("Campaign: #%s does not exist."), what);
    }
  sqlite3_reset (stmt);
  return campaign;
}

GPtrArray *
pd_survey_campaign_list (PdContext  *ctx,
                         GError    **error)
{
  PdDatabase *database;
  sqlite3_stmt *stmt;
  GPtrArray *list;
  gint64 estate_id;

  g_return_val_if_fail (PD_IS_CONTEXT (ctx), NULL);
  database = pd_context_get_database (ctx);
  estate_id = pd_estate_current_id (ctx, error);
  if (estate_id < 0)
    return NULL;
  stmt = pd_database_prepare (database,
    CAMPAIGN_SELECT "WHERE c.estate_id = ? ORDER BY c.start_on DESC, c.id DESC", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, estate_id);
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) pd_survey_campaign_free);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (list, read_campaign (stmt));
  sqlite3_reset (stmt);
  return list;
}

GArray *
pd_survey_campaign_target_ids (PdContext  *ctx,
                               gint64      campaign_id,
                               GError    **error)
{
  PdDatabase *database;
  sqlite3_stmt *stmt;
  GArray *ids;

  g_return_val_if_fail (PD_IS_CONTEXT (ctx), NULL);
  database = pd_context_get_database (ctx);
  stmt = pd_database_prepare (database,
    "SELECT unit_id FROM survey_target WHERE campaign_id = ? ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  return ids;
}

gboolean
pd_survey_campaign_is_target (PdContext *ctx,
                              gint64     campaign_id,
                              gint64     unit_id)
{
  sqlite3_stmt *stmt = pd_database_prepare (pd_context_get_database (ctx),
    "SELECT 1 FROM survey_target WHERE campaign_id = ? AND unit_id = ?", NULL);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  sqlite3_bind_int64 (stmt, 2, unit_id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}
