/* pd-survey-import.c — see pd-survey-import.h. */
#include "config.h"

#include <stdio.h>

#include <glib/gi18n-lib.h>

#include "pd-error.h"
#include "pd-survey-campaign.h"
#include "pd-survey-import.h"
#include "pd-survey-response.h"
#include "pd-survey-template.h"

/* The fixed Chinese headings of the file (issue 6); they are the file's
 * interface, the same in every locale. */
static const char heading_unit[] = "房号";
static const char heading_date[] = "日期";
static const char heading_opinion[] = "意见";

typedef struct
{
  int  unit;           /* column of 房号, -1 when missing */
  int  date;
  int  opinion;
  int *items;          /* column per template item */
} Columns;

static char *
cell (PdLedgerTable *table,
      guint          row,
      int            col)
{
  if (col < 0 || (guint) col >= pd_ledger_table_get_n_cells (table, row))
    return g_strdup ("");
  return g_strstrip (g_strdup (pd_ledger_table_get_cell (table, row, (guint) col)));
}

static gboolean
map_columns (PdLedgerTable          *table,
             const PdSurveyTemplate *tmpl,
             Columns                *columns,
             GError                **error)
{
  guint n_items = pd_survey_template_n_items (tmpl);
  guint n_cells = pd_ledger_table_get_n_cells (table, 0);

  columns->unit = columns->date = columns->opinion = -1;
  columns->items = g_new (int, n_items);
  for (guint i = 0; i < n_items; i++)
    columns->items[i] = -1;
  for (guint c = 0; c < n_cells; c++)
    {
      g_autofree char *name = cell (table, 0, (int) c);
      gboolean known = TRUE;

      if (*name == '\0')
        continue;
      if (g_str_equal (name, heading_unit))
        columns->unit = (int) c;
      else if (g_str_equal (name, heading_date))
        columns->date = (int) c;
      else if (g_str_equal (name, heading_opinion) || g_str_equal (name, tmpl->opinion_title))
        columns->opinion = (int) c;
      else
        {
          known = FALSE;
          for (guint i = 0; i < n_items; i++)
            if (g_str_equal (name, pd_survey_template_item_title (tmpl, i)))
              {
                columns->items[i] = (int) c;
                known = TRUE;
              }
        }
      if (!known)
        {
          /* Translators: %s is a column heading of the imported file */
          pd_set_field_error (error, PD_VALIDATION_ERROR_INVALID, "header",
                              _("Header: column “%s” is not 房号, 日期, 意见 or an item of the questionnaire."),
                              name);
          return FALSE;
        }
    }
  if (columns->unit < 0)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_REQUIRED, "header",
                          _("Header: the column 房号 (unit code) is missing."));
      return FALSE;
    }
  for (guint i = 0; i < n_items; i++)
    if (columns->items[i] < 0)
      {
        pd_set_field_error (error, PD_VALIDATION_ERROR_REQUIRED, "header",
                            _("Header: the column of item %u “%s” is missing."), i + 1,
                            pd_survey_template_item_title (tmpl, i));
        return FALSE;
      }
  return TRUE;
}

/* "2026/3/5", "2026.3.5", "2026年3月5日" → "2026-03-05"; anything else as is,
 * for the core to refuse with its message. */
static char *
normalise_date (const char *text)
{
  int y, m, d;
  char tail;

  if (sscanf (text, "%d-%d-%d%c", &y, &m, &d, &tail) == 3 || sscanf (text, "%d/%d/%d%c", &y, &m, &d, &tail) == 3 ||
      sscanf (text, "%d.%d.%d%c", &y, &m, &d, &tail) == 3 || sscanf (text, "%d年%d月%d日%c", &y, &m, &d, &tail) == 3 ||
      sscanf (text, "%d年%d月%d%c", &y, &m, &d, &tail) == 3)
    return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
  return g_strdup (text);
}

/* 1–5 (also "5.0" as a spreadsheet may write it), the scale's words, blank
 * or 0 for no answer; -1 for anything else. */
static int
parse_score (const char             *text,
             const PdSurveyTemplate *tmpl)
{
  if (*text == '\0' || g_str_equal (text, "0"))
    return 0;
  if (text[0] >= '1' && text[0] <= '5' && (text[1] == '\0' || g_str_equal (text + 1, ".0")))
    return text[0] - '0';
  for (int score = 1; score <= PD_SURVEY_SCALE_POINTS; score++)
    if (g_str_equal (text, tmpl->labels[score]))
      return score;
  return -1;
}

static gboolean
import_row (PdContext              *ctx,
            gint64                  campaign_id,
            PdLedgerTable          *table,
            guint                   row,
            const PdSurveyTemplate *tmpl,
            const Columns          *columns,
            GError                **error)
{
  g_autoptr (PdSurveyResponse) response = pd_survey_response_new ();
  g_autofree char *date = cell (table, row, columns->date);

  response->campaign_id = campaign_id;
  g_free (response->unit_code);
  response->unit_code = cell (table, row, columns->unit);
  g_free (response->answered_on);
  response->answered_on = normalise_date (date);
  g_free (response->opinion);
  {
    /* A line break typed in an Excel cell may arrive as CRLF. */
    g_autofree char *opinion = cell (table, row, columns->opinion);
    g_auto (GStrv) lines = g_strsplit (opinion, "\r\n", -1);
    response->opinion = g_strjoinv ("\n", lines);
  }
  for (guint i = 0; i < pd_survey_template_n_items (tmpl); i++)
    {
      g_autofree char *text = cell (table, row, columns->items[i]);
      int score = parse_score (text, tmpl);

      if (score < 0)
        {
          pd_set_field_error (error, PD_VALIDATION_ERROR_RANGE, "scores",
                              _("Item %u (%s): “%s” is not a score; key 5 (%s) to 1 (%s), or 0 for no answer."),
                              i + 1, pd_survey_template_item_title (tmpl, i), text, tmpl->labels[5],
                              tmpl->labels[1]);
          return FALSE;
        }
      g_array_append_val (response->scores, score);
    }
  return pd_survey_response_save (ctx, response, error) > 0;
}

gint64
pd_survey_import_responses (PdContext     *ctx,
                            gint64         campaign_id,
                            PdLedgerTable *table,
                            GError       **error)
{
  PdDatabase *database;
  g_autoptr (PdSurveyCampaign) campaign = NULL;
  g_autoptr (PdSurveyTemplate) tmpl = NULL;
  g_autoptr (GString) problems = g_string_new (NULL);
  Columns columns = { 0 };
  guint n_rows, n_problems = 0;
  gint64 saved = 0;

  g_return_val_if_fail (PD_IS_CONTEXT (ctx), -1);
  g_return_val_if_fail (table != NULL, -1);

  campaign = pd_survey_campaign_get (ctx, campaign_id, error);
  tmpl = campaign ? pd_survey_template_get (ctx, campaign->template_id, error) : NULL;
  if (tmpl == NULL)
    return -1;
  if (!map_columns (table, tmpl, &columns, error))
    {
      g_free (columns.items);
      return -1;
    }

  database = pd_context_get_database (ctx);
  if (!pd_database_begin (database, error))
    {
      g_free (columns.items);
      return -1;
    }
  n_rows = pd_ledger_table_get_n_rows (table);
  for (guint row = 1; row < n_rows; row++)
    {
      g_autoptr (GError) row_error = NULL;

      if (import_row (ctx, campaign_id, table, row, tmpl, &columns, &row_error))
        {
          saved++;
          continue;
        }
      if (row_error->domain != PD_VALIDATION_ERROR)
        {
          g_propagate_error (error, g_steal_pointer (&row_error));
          pd_database_rollback (database);
          g_free (columns.items);
          return -1;
        }
      if (++n_problems <= PD_SURVEY_IMPORT_MAX_ERRORS)
        /* Translators: %u is the line of the file, %s what is wrong there */
        g_string_append_printf (problems, _("\nLine %u: %s"), pd_ledger_table_get_line (table, row),
                                row_error->message);
    }
  g_free (columns.items);
  if (n_problems > 0)
    {
      pd_database_rollback (database);
      if (n_problems > PD_SURVEY_IMPORT_MAX_ERRORS)
        g_string_append_printf (problems, _("\n… and %u more."), n_problems - PD_SURVEY_IMPORT_MAX_ERRORS);
      pd_set_field_error (error, PD_VALIDATION_ERROR_INVALID, "file",
                          _("%u rows refused, nothing was imported:%s"), n_problems, problems->str);
      return -1;
    }
  if (saved == 0)
    {
      pd_database_rollback (database);
      pd_set_field_error (error, PD_VALIDATION_ERROR_REQUIRED, "file",
                          _("The file has a header row but no form."));
      return -1;
    }
  if (!pd_database_commit (database, error))
    return -1;
  pd_context_notify_changed (ctx, "survey_response");
  return saved;
}
