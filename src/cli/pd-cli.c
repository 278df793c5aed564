/* pd-cli.c — argument handling and the command table of propdesk-cli. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "pd-calendar.h"
#include "pd-cli.h"
#include "pd-error.h"
#include "pd-i18n.h"
#include "pd-paths.h"

static char *db_path;

const char *
pd_cli_get_db_path (void)
{
  return db_path;
}

/* Commands marked raw get no context: they work on the database file itself
 * (a damaged one must not be opened and migrated). */
static const struct
{
  const char      *verb;
  const char      *object;   /* NULL for one-word commands */
  PdCliCommandFunc run;
  const char      *usage;
  gboolean         raw;
} commands[] = {
  { "backup", NULL, pd_cli_backup, "backup FILE", TRUE },
  { "restore", NULL, pd_cli_restore, "restore FILE", TRUE },
  { "check", NULL, pd_cli_check, "check", TRUE },
  { "demo", NULL, pd_cli_demo, "demo [--units N] [--seed S]" },
  { "search", NULL, pd_cli_search, "search TEXT" },
  { "import", "owners", pd_cli_import_owners, "import owners FILE [--skip-bad]" },
  { "print", "release-slips", pd_cli_print_release_slips,
    "print release-slips --from SERIAL --to SERIAL FILE.pdf" },
  { "verify-slip", NULL, pd_cli_verify_slip, "verify-slip SERIAL CODE" },
  { "export", "release-slips", pd_cli_export_release_slips,
    "export release-slips --month YYYY-MM [--unmasked] FILE.xlsx" },
  { "print", "handover", pd_cli_print_handover, "print handover UNIT FILE.pdf" },
  { "export", "handovers", pd_cli_export_handovers, "export handovers --month YYYY-MM FILE.xlsx" },
  { "print", "permit", pd_cli_print_permit, "print permit SERIAL FILE.pdf" },
  { "print", "passes", pd_cli_print_passes, "print passes SERIAL FILE.pdf" },
  { "export", "renovations", pd_cli_export_renovations, "export renovations --month YYYY-MM FILE.xlsx" },
  { "user", "add", pd_cli_user_add, "user add NAME --role ROLE [--display-name TEXT]" },
  { "user", "passwd", pd_cli_user_passwd, "user passwd NAME" },
  { "user", "list", pd_cli_user_list, "user list" },
  { "survey", "new-campaign", pd_cli_survey_new_campaign,
    "survey new-campaign NAME --from DATE --to DATE [--buildings LIST | --sample N] [--method M]" },
  { "import", "survey-responses", pd_cli_import_survey_responses, "import survey-responses CAMPAIGN FILE" },
  { "export", "survey-stats", pd_cli_export_survey_stats, "export survey-stats --month YYYY-MM FILE.xlsx" },
  { "print", "questionnaires", pd_cli_print_questionnaires, "print questionnaires CAMPAIGN FILE.pdf" },
  { "export", "owners", pd_cli_export_owners, "export owners FILE.xlsx [--unmasked]" },
  { "print", "owner-form", pd_cli_print_owner_form, "print owner-form UNIT FILE.pdf [--unmasked]" },
  { "print", "patrol-sheet", pd_cli_print_patrol_sheet, "print patrol-sheet BUILDING FILE.pdf" },
  { "export", "patrols", pd_cli_export_patrols, "export patrols --month YYYY-MM FILE.xlsx" },
  { "export", "kpi", pd_cli_export_kpi, "export kpi --month YYYY-MM FILE.xlsx" },
  { "print", "kpi", pd_cli_print_kpi, "print kpi --month YYYY-MM FILE.pdf" },
};

int
pd_cli_fail (const GError *error)
{
  g_printerr ("propdesk-cli: %s\n", error->message);
  return 1;
}

int
pd_cli_usage_fail (const char *usage)
{
  g_printerr (_("Usage: propdesk-cli [--db FILE] %s\n"), usage);
  return 2;
}

gboolean
pd_cli_parse (GOptionEntry *entries,
              int          *argc,
              char       ***argv,
              const char   *parameter_string,
              GError      **error)
{
  g_autoptr (GOptionContext) options = g_option_context_new (parameter_string);

  g_option_context_add_main_entries (options, entries, GETTEXT_PACKAGE);
  g_option_context_set_help_enabled (options, TRUE);
  return g_option_context_parse (options, argc, argv, error);
}

gboolean
pd_cli_parse_month (const char *text,
                    char      **first_day,
                    char      **next_month,
                    GError    **error)
{
  /* The same rule as the core's, but the message names the option typed. */
  if (!pd_month_range (text, first_day, next_month, NULL))
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_INVALID, "month",
                          _("--month: “%s” is not a month of the form YYYY-MM."), text ? text : "");
      return FALSE;
    }
  return TRUE;
}

static void
print_help (void)
{
  g_print ("%s\n", _("Usage: propdesk-cli [--db FILE] COMMAND …"));
  g_print ("%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_print ("  %s\n", commands[i].usage);
}

int
pd_cli_run (int    argc,
            char **argv)
{
  g_autoptr (PdContext) ctx = NULL;
  g_autoptr (GError) error = NULL;
  int first = 1;

  pd_i18n_init ();
  while (first < argc && g_str_has_prefix (argv[first], "--"))
    {
      if (g_str_equal (argv[first], "--db") && first + 1 < argc)
        {
          g_free (db_path);
          db_path = g_strdup (argv[first + 1]);
          first += 2;
        }
      else if (g_str_has_prefix (argv[first], "--db="))
        {
          g_free (db_path);
          db_path = g_strdup (argv[first] + strlen ("--db="));
          first++;
        }
      else if (g_str_equal (argv[first], "--help") || g_str_equal (argv[first], "-h"))
        {
          print_help ();
          return 0;
        }
      else if (g_str_equal (argv[first], "--version"))
        {
          g_print ("propdesk-cli %s\n", PACKAGE_VERSION);
          return 0;
        }
      else
        {
          g_printerr (_("propdesk-cli: unknown option %s\n"), argv[first]);
          print_help ();
          return 2;
        }
    }
  if (first >= argc)
    {
      print_help ();
      return 2;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      gboolean two_words = commands[i].object != NULL;
      int consumed = two_words ? 2 : 1;

      if (!g_str_equal (argv[first], commands[i].verb))
        continue;
      if (two_words && (first + 1 >= argc || !g_str_equal (argv[first + 1], commands[i].object)))
        continue;

      if (db_path == NULL)
        {
          g_autofree char *dir = NULL;
          db_path = pd_paths_default_database ();
          dir = g_path_get_dirname (db_path);
          g_mkdir_with_parents (dir, 0700);
        }
      if (commands[i].raw)
        return commands[i].run (NULL, argc - first - consumed + 1, argv + first + consumed - 1);
      ctx = pd_context_open (db_path, &error);
      if (ctx == NULL)
        return pd_cli_fail (error);
      /* The command sees its own name as argv[0], like a program. */
      return commands[i].run (ctx, argc - first - consumed + 1, argv + first + consumed - 1);
    }
  g_printerr (_("propdesk-cli: unknown command “%s”\n"), argv[first]);
  print_help ();
  return 2;
}

int
pd_cli_parse_monthly (int                *argc,
                      char             ***argv,
                      const GOptionEntry *extra,
                      const char         *usage,
                      char              **month,
                      char              **first_day,
                      char              **next_first_day)
{
  g_autoptr (GArray) entries = g_array_new (TRUE, TRUE, sizeof (GOptionEntry));
  GOptionEntry month_entry = { "month", 0, 0, G_OPTION_ARG_STRING, month, N_("The month to export"), "YYYY-MM" };
  g_autoptr (GError) error = NULL;

  g_array_append_val (entries, month_entry);
  for (; extra != NULL && extra->long_name != NULL; extra++)
    g_array_append_vals (entries, extra, 1);
  if (!pd_cli_parse ((GOptionEntry *) entries->data, argc, argv, "FILE.xlsx", &error))
    return pd_cli_fail (error);
  if (*argc != 2 || *month == NULL)
    return pd_cli_usage_fail (usage);
  if (!pd_cli_parse_month (*month, first_day, next_first_day, &error))
    return pd_cli_fail (error);
  return 0;
}
