/* pd-cli.h — propdesk-cli: the core from the command line.  Each feature
 * registers its commands in the table in pd-cli.c; a command prints its
 * result on stdout and returns the exit status. */
#pragma once

#include "pd-context.h"

G_BEGIN_DECLS

typedef int (*PdCliCommandFunc) (PdContext *ctx,
                                 int        argc,
                                 char     **argv);

int      pd_cli_run        (int    argc,
                            char **argv);
/* Prints "propdesk-cli: MESSAGE" on stderr; returns the exit status 1. */
int      pd_cli_fail       (const GError *error);
int      pd_cli_usage_fail (const char *usage);
/* Parses the options of a command (argv[0] is the command's last word). */
gboolean pd_cli_parse      (GOptionEntry *entries,
                            int          *argc,
                            char       ***argv,
                            const char   *parameter_string,
                            GError      **error);
/* "YYYY-MM" → first day and first day of the next month, ISO. */
gboolean pd_cli_parse_month (const char *text,
                             char      **first_day,
                             char      **next_month,
                             GError    **error);

/* The database file the command works on (--db, $PROPDESK_DB or the default). */
/* Parses "--month YYYY-MM [@extra options] FILE" of a monthly export: 0
 * with @month, its first day and the first day of the month after set and
 * (*argv)[1] the file; otherwise the exit status after the usage (nothing
 * or too much given) or the error (a wrong month) was printed. */
int      pd_cli_parse_monthly (int                *argc,
                               char             ***argv,
                               const GOptionEntry *extra,
                               const char         *usage,
                               char              **month,
                               char              **first_day,
                               char              **next_first_day);
const char *pd_cli_get_db_path (void);

/* Safety commands (pd-cli-backup.c): they get no context. */
int pd_cli_backup        (PdContext *ctx, int argc, char **argv);
int pd_cli_restore       (PdContext *ctx, int argc, char **argv);
int pd_cli_check         (PdContext *ctx, int argc, char **argv);

/* Commands of the owner files (pd-cli-owners.c). */
int pd_cli_demo          (PdContext *ctx, int argc, char **argv);
int pd_cli_search        (PdContext *ctx, int argc, char **argv);
int pd_cli_import_owners (PdContext *ctx, int argc, char **argv);
int pd_cli_export_owners (PdContext *ctx, int argc, char **argv);
int pd_cli_print_owner_form (PdContext *ctx, int argc, char **argv);

/* Handovers (pd-cli-handover.c). */
int pd_cli_print_handover       (PdContext *ctx, int argc, char **argv);
int pd_cli_export_handovers     (PdContext *ctx, int argc, char **argv);

/* Release slips (pd-cli-release.c). */
int pd_cli_print_release_slips  (PdContext *ctx, int argc, char **argv);
int pd_cli_verify_slip          (PdContext *ctx, int argc, char **argv);
int pd_cli_export_release_slips (PdContext *ctx, int argc, char **argv);
/* Satisfaction surveys (pd-cli-survey.c). */
int pd_cli_survey_new_campaign     (PdContext *ctx, int argc, char **argv);
int pd_cli_import_survey_responses (PdContext *ctx, int argc, char **argv);
int pd_cli_export_survey_stats     (PdContext *ctx, int argc, char **argv);
int pd_cli_print_questionnaires    (PdContext *ctx, int argc, char **argv);

/* Renovation approvals (pd-cli-renovation.c). */
int pd_cli_print_permit        (PdContext *ctx, int argc, char **argv);
int pd_cli_print_passes        (PdContext *ctx, int argc, char **argv);
int pd_cli_export_renovations  (PdContext *ctx, int argc, char **argv);
/* Vacant-unit patrols (pd-cli-patrol.c). */
int pd_cli_print_patrol_sheet  (PdContext *ctx, int argc, char **argv);
int pd_cli_export_patrols      (PdContext *ctx, int argc, char **argv);
/* User accounts (pd-cli-user.c). */
int pd_cli_user_add             (PdContext *ctx, int argc, char **argv);
int pd_cli_user_passwd          (PdContext *ctx, int argc, char **argv);
int pd_cli_user_list            (PdContext *ctx, int argc, char **argv);

/* The monthly KPI report (pd-cli-kpi.c). */
int pd_cli_export_kpi          (PdContext *ctx, int argc, char **argv);
int pd_cli_print_kpi           (PdContext *ctx, int argc, char **argv);

G_END_DECLS
