/* pd-cli-survey.c — satisfaction surveys from the command line: a new
 * campaign, answers from a spreadsheet, the monthly statistics workbook and
 * the questionnaires to print. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-cli.h"
#include "pd-error.h"
#include "pd-form-survey.h"
#include "pd-ledger.h"
#include "pd-pdf.h"
#include "pd-survey-campaign.h"
#include "pd-survey-import.h"
#include "pd-survey-workbook.h"

/* CAMPAIGN is the id `survey new-campaign` printed, or the campaign's name. */
static gint64
find_campaign (PdContext  *ctx,
               const char *text,
               GError    **error)
{
  g_autoptr (GPtrArray) campaigns = NULL;
  char *end = NULL;
  gint64 id = g_ascii_strtoll (text, &end, 10);
  gint64 found = -1;

  if (end != text && *end == '\0' && id > 0)
    {
      g_autoptr (PdSurveyCampaign) campaign = pd_survey_campaign_get (ctx, id, error);
      return campaign ? id : -1;
    }
  campaigns = pd_survey_campaign_list (ctx, error);
  if (campaigns == NULL)
    return -1;
  for (guint i = 0; i < campaigns->len; i++)
    {
      PdSurveyCampaign *campaign = campaigns->pdata[i];
      if (g_str_equal (campaign->name, text))
        {
          if (found > 0)
            {
              pd_set_field_error (error, PD_VALIDATION_ERROR_DUPLICATE, "campaign",
                                  _("Campaign: several campaigns are named “%s”; give its number."), text);
              return -1;
            }
          found = campaign->id;
        }
    }
  if (found < 0)
    pd_set_field_error (error, PD_VALIDATION_ERROR_NOT_FOUND, "campaign",
                        _("Campaign: no campaign has the number or name “%s”."), text);
  return found;
}

int
pd_cli_survey_new_campaign (PdContext *ctx,
                            int        argc,
                            char     **argv)
{
  static const char usage[] =
    "survey new-campaign NAME --from DATE --to DATE [--buildings LIST | --sample N] [--method M]";
  g_autofree char *from = NULL, *to = NULL, *buildings = NULL, *method = NULL;
  int sample = 0;
  GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("First day of the campaign"), "DATE" },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("Last day of the campaign"), "DATE" },
    { "buildings", 0, 0, G_OPTION_ARG_STRING, &buildings, N_("Ask only these buildings (e.g. 1,3)"), "LIST" },
    { "sample", 0, 0, G_OPTION_ARG_INT, &sample, N_("Ask a sample of N units"), "N" },
    { "method", 0, 0, G_OPTION_ARG_STRING, &method, N_("paper, phone or visit (default paper)"), "M" },
    { NULL }
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (PdSurveyCampaign) campaign = pd_survey_campaign_new ();

  if (!pd_cli_parse (entries, &argc, &argv, "NAME", &error))
    return pd_cli_fail (error);
  if (argc != 2 || from == NULL || to == NULL || (buildings != NULL && sample != 0))
    return pd_cli_usage_fail (usage);
  g_free (campaign->name);
  campaign->name = g_strdup (argv[1]);
  g_free (campaign->start_on);
  campaign->start_on = g_strdup (from);
  g_free (campaign->end_on);
  campaign->end_on = g_strdup (to);
  g_free (campaign->target_kind);
  campaign->target_kind = g_strdup (buildings ? "buildings" : sample ? "sample" : "all");
  g_free (campaign->target_buildings);
  campaign->target_buildings = g_strdup (buildings ? buildings : "");
  campaign->sample_size = sample;
  if (method != NULL)
    {
      g_free (campaign->method);
      campaign->method = g_strdup (method);
    }
  if (pd_survey_campaign_create (ctx, campaign, &error) < 0)
    return pd_cli_fail (error);
  g_print ("%" G_GINT64_FORMAT "\n", campaign->id);
  return 0;
}

int
pd_cli_import_survey_responses (PdContext *ctx,
                                int        argc,
                                char     **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PdLedgerTable) table = NULL;
  gint64 campaign_id, saved;

  if (argc != 3)
    return pd_cli_usage_fail ("import survey-responses CAMPAIGN FILE");
  campaign_id = find_campaign (ctx, argv[1], &error);
  if (campaign_id < 0)
    return pd_cli_fail (error);
  table = pd_ledger_read_file (argv[2], &error);
  if (table == NULL)
    return pd_cli_fail (error);
  saved = pd_survey_import_responses (ctx, campaign_id, table, &error);
  if (saved < 0)
    return pd_cli_fail (error);
  /* Translators: %d is a number of questionnaires */
  g_print (_("%d forms imported.\n"), (int) saved);
  return 0;
}

int
pd_cli_export_survey_stats (PdContext *ctx,
                            int        argc,
                            char     **argv)
{
  g_autofree char *month = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *first = NULL, *next = NULL;
  int status = pd_cli_parse_monthly (&argc, &argv, NULL, "export survey-stats --month YYYY-MM FILE.xlsx",
                                     &month, &first, &next);

  if (status != 0)
    return status;
  if (!pd_survey_workbook_write (ctx, month, argv[1], &error))
    return pd_cli_fail (error);
  return 0;
}

int
pd_cli_print_questionnaires (PdContext *ctx,
                             int        argc,
                             char     **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PdRenderer) renderer = NULL;
  PdSurveyQuestionnaires *print;
  gint64 campaign_id;
  guint pages = 0;

  if (argc != 3)
    return pd_cli_usage_fail ("print questionnaires CAMPAIGN FILE.pdf");
  campaign_id = find_campaign (ctx, argv[1], &error);
  print = campaign_id > 0 ? pd_survey_questionnaires_new (ctx, campaign_id, &error) : NULL;
  if (print == NULL)
    return pd_cli_fail (error);
  renderer = pd_form_survey_questionnaires_renderer (print);
  if (!pd_pdf_write (renderer, argv[2], &pages, &error))
    return pd_cli_fail (error);
  /* Translators: a number of questionnaires (one page each), then a file name */
  g_print (_("%u questionnaires printed to %s.\n"), pages, argv[2]);
  return 0;
}
