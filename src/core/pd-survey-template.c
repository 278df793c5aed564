/* pd-survey-template.c — see pd-survey-template.h. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-error.h"
#include "pd-survey-template.h"

static void
survey_item_free (gpointer data)
{
  PdSurveyItem *item = data;

  g_free (item->title);
  g_free (item);
}

PdSurveyTemplate *
pd_survey_template_new (void)
{
  PdSurveyTemplate *tmpl = g_new0 (PdSurveyTemplate, 1);

  for (int score = 1; score <= PD_SURVEY_SCALE_POINTS; score++)
    tmpl->labels[score] = g_strdup ("");
  tmpl->opinion_title = g_strdup ("");
  tmpl->created_at = g_strdup ("");
  tmpl->created_by = g_strdup ("");
  tmpl->items = g_ptr_array_new_with_free_func (survey_item_free);
  return tmpl;
}

void
pd_survey_template_free (PdSurveyTemplate *tmpl)
{
  if (tmpl == NULL)
    return;
  for (int score = 1; score <= PD_SURVEY_SCALE_POINTS; score++)
    g_free (tmpl->labels[score]);
  g_free (tmpl->opinion_title);
  g_free (tmpl->created_at);
  g_free (tmpl->created_by);
  g_ptr_array_unref (tmpl->items);
  g_free (tmpl);
}

void
pd_survey_template_add_item (PdSurveyTemplate *tmpl,
                             const char       *title)
{
  PdSurveyItem *item = g_new0 (PdSurveyItem, 1);

  item->position = (int) tmpl->items->len + 1;
  item->title = g_strdup (title);
  g_ptr_array_add (tmpl->items, item);
}

guint
pd_survey_template_n_items (const PdSurveyTemplate *tmpl)
{
  return tmpl->items->len;
}

const char *
pd_survey_template_item_title (const PdSurveyTemplate *tmpl,
                               guint                   index)
{
  g_return_val_if_fail (index < tmpl->items->len, NULL);
  return ((PdSurveyItem *) tmpl->items->pdata[index])->title;
}

static PdSurveyTemplate *
read_template (PdDatabase  *database,
               gint64       template_id,
               GError     **error)
{
  sqlite3_stmt *stmt = pd_database_prepare (database,
    "SELECT id, version, label_5, label_4, label_3, label_2, label_1, opinion_title, created_at, "
    "created_by FROM survey_template WHERE id = ?", error);
  g_autoptr (PdSurveyTemplate) tmpl = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, template_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      g_autofree char *what = g_strdup_printf ("%" G_GINT64_FORMAT, template_id);
      pd_set_field_error (error, PD_VALIDATION_ERROR_NOT_FOUND, "template",
                          _("Questionnaire template: version #%s does not exist."), what);
      return NULL;
    }
  tmpl = pd_survey_template_new ();
  tmpl->id = sqlite3_column_int64 (stmt, 0);
  tmpl->version = sqlite3_column_int (stmt, 1);
  for (int score = PD_SURVEY_SCALE_POINTS; score >= 1; score--)
    {
      g_free (tmpl->labels[score]);
      tmpl->labels[score] = pd_column_dup (stmt, 2 + PD_SURVEY_SCALE_POINTS - score);
    }
  g_free (tmpl->opinion_title);
  tmpl->opinion_title = pd_column_dup (stmt, 7);
  g_free (tmpl->created_at);
  tmpl->created_at = pd_column_dup (stmt, 8);
  g_free (tmpl->created_by);
  tmpl->created_by = pd_column_dup (stmt, 9);
  sqlite3_reset (stmt);

  stmt = pd_database_prepare (database,
    "SELECT id, position, title FROM survey_item WHERE template_id = ? ORDER BY position", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, template_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      PdSurveyItem *item = g_new0 (PdSurveyItem, 1);
      item->id = sqlite3_column_int64 (stmt, 0);
      item->position = sqlite3_column_int (stmt, 1);
      item->title = pd_column_dup (stmt, 2);
      g_ptr_array_add (tmpl->items, item);
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&tmpl);
}

PdSurveyTemplate *
pd_survey_template_get (PdContext  *ctx,
                        gint64      template_id,
                        GError    **error)
{
  g_return_val_if_fail (PD_IS_CONTEXT (ctx), NULL);
  return read_template (pd_context_get_database (ctx), template_id, error);
}

PdSurveyTemplate *
pd_survey_template_get_current (PdContext  *ctx,
                                GError    **error)
{
  PdDatabase *database;
  gint64 id;

  g_return_val_if_fail (PD_IS_CONTEXT (ctx), NULL);
  database = pd_context_get_database (ctx);
  id = pd_database_query_int (database,
    "SELECT id FROM survey_template ORDER BY version DESC LIMIT 1", NULL, error);
  if (id < 0)
    return NULL;
  return read_template (database, id, error);
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text ? text : ""; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

static gboolean
validate_template (const PdSurveyTemplate *tmpl,
                   GError                **error)
{
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (int score = 1; score <= PD_SURVEY_SCALE_POINTS; score++)
    if (is_blank (tmpl->labels[score]))
      {
        /* Translators: %d is a score from 1 to 5 */
        pd_set_field_error (error, PD_VALIDATION_ERROR_REQUIRED, "labels",
                            _("Scale labels: the label of score %d is empty."), score);
        return FALSE;
      }
  if (is_blank (tmpl->opinion_title))
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_REQUIRED, "opinion_title",
                          _("Opinion title: enter the heading of the free-text opinion."));
      return FALSE;
    }
  if (tmpl->items->len == 0)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_REQUIRED, "items",
                          _("Items: the questionnaire needs at least one item."));
      return FALSE;
    }
  for (guint i = 0; i < tmpl->items->len; i++)
    {
      PdSurveyItem *item = tmpl->items->pdata[i];
      char *title = g_strstrip (g_strdup (item->title ? item->title : ""));

      if (*title == '\0')
        {
          g_free (title);
          pd_set_field_error (error, PD_VALIDATION_ERROR_REQUIRED, "items",
                              _("Items: item %u has no title."), i + 1);
          return FALSE;
        }
      if (!g_hash_table_add (seen, title))
        {
          pd_set_field_error (error, PD_VALIDATION_ERROR_DUPLICATE, "items",
                              _("Items: the title “%s” appears twice."), title);
          return FALSE;
        }
    }
  return TRUE;
}

gint64
pd_survey_template_save_version (PdContext        *ctx,
                                 PdSurveyTemplate *tmpl,
                                 GError          **error)
{
  PdDatabase *database;
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;
  gint64 version, id;

  g_return_val_if_fail (PD_IS_CONTEXT (ctx), -1);
  g_return_val_if_fail (tmpl != NULL, -1);

  if (!pd_context_require_role (ctx, PD_ROLE_SUPERVISOR, _("edit the questionnaire"), error) ||
      !validate_template (tmpl, error))
    return -1;
  database = pd_context_get_database (ctx);
  now = pd_context_now_text (ctx);
  if (!pd_database_begin (database, error))
    return -1;
  version = pd_database_query_int (database, "SELECT coalesce(max(version), 0) + 1 FROM survey_template",
                                   NULL, error);
  stmt = version < 0 ? NULL : pd_database_prepare (database,
    "INSERT INTO survey_template (version, label_5, label_4, label_3, label_2, label_1, opinion_title, "
    "created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, version);
  for (int score = PD_SURVEY_SCALE_POINTS; score >= 1; score--)
    {
      g_autofree char *label = g_strstrip (g_strdup (tmpl->labels[score]));
      pd_bind_text (stmt, 2 + PD_SURVEY_SCALE_POINTS - score, label);
    }
  pd_bind_text (stmt, 7, tmpl->opinion_title);
  pd_bind_text (stmt, 8, now);
  pd_bind_text (stmt, 9, pd_context_get_user (ctx));
  if (!pd_database_step_done (database, stmt, error))
    goto fail;
  id = pd_database_last_insert_id (database);

  for (guint i = 0; i < tmpl->items->len; i++)
    {
      PdSurveyItem *item = tmpl->items->pdata[i];
      g_autofree char *title = g_strstrip (g_strdup (item->title));

      stmt = pd_database_prepare (database,
        "INSERT INTO survey_item (template_id, position, title) VALUES (?, ?, ?)", error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int (stmt, 2, (int) i + 1);
      pd_bind_text (stmt, 3, title);
      if (!pd_database_step_done (database, stmt, error))
        goto fail;
      item->id = pd_database_last_insert_id (database);
      item->position = (int) i + 1;
      g_free (item->title);
      item->title = g_steal_pointer (&title);
    }
  if (!pd_database_commit (database, error))
    return -1;
  tmpl->id = id;
  tmpl->version = (int) version;
  g_free (tmpl->created_at);
  tmpl->created_at = g_steal_pointer (&now);
  g_free (tmpl->created_by);
  tmpl->created_by = g_strdup (pd_context_get_user (ctx));
  pd_context_notify_changed (ctx, "survey_template");
  return id;

fail:
  pd_database_rollback (database);
  return -1;
}
