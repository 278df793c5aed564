/* pd-cli-user.c — user add NAME --role ROLE, user passwd NAME, user list.
 *
 * The command line works on the database file directly, as the
 * administrator (whoever can read the file holds all the data anyway); it is
 * how an office creates its first administrator and recovers a forgotten
 * password. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>
#ifdef G_OS_UNIX
#include <termios.h>
#include <unistd.h>
#endif

#include "pd-cli.h"
#include "pd-user.h"

/* One line from stdin, without echo on a terminal; NULL at end of input. */
static char *
read_secret_line (const char *prompt)
{
  char line[1024];
  gboolean ok;
#ifdef G_OS_UNIX
  struct termios saved, quiet;
  gboolean tty = isatty (STDIN_FILENO) && tcgetattr (STDIN_FILENO, &saved) == 0;

  if (tty)
    {
      g_printerr ("%s", prompt);
      quiet = saved;
      quiet.c_lflag &= ~ECHO;
      tcsetattr (STDIN_FILENO, TCSAFLUSH, &quiet);
    }
  ok = fgets (line, sizeof line, stdin) != NULL;
  if (tty)
    {
      tcsetattr (STDIN_FILENO, TCSAFLUSH, &saved);
      g_printerr ("\n");
    }
#else
  g_printerr ("%s", prompt);
  ok = fgets (line, sizeof line, stdin) != NULL;
#endif
  if (!ok)
    return NULL;
  line[strcspn (line, "\r\n")] = '\0';
  return g_strdup (line);
}

/* On a terminal the password is typed twice; piped input gives it once. */
static char *
ask_new_password (GError **error)
{
  g_autofree char *first = read_secret_line (_("New password: "));
  g_autofree char *second = NULL;

#ifdef G_OS_UNIX
  if (first != NULL && isatty (STDIN_FILENO))
    {
      second = read_secret_line (_("Repeat the new password: "));
      if (second == NULL || !g_str_equal (first, second))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                       _("The two passwords differ; nothing was changed."));
          return NULL;
        }
    }
#endif
  if (first == NULL)
    g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                 _("No password given; nothing was changed."));
  return g_steal_pointer (&first);
}

int
pd_cli_user_add (PdContext *ctx,
                 int        argc,
                 char     **argv)
{
  g_autofree char *role_text = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *password = NULL;
  g_autoptr (GError) error = NULL;
  GOptionEntry entries[] = {
    { "role", 0, 0, G_OPTION_ARG_STRING, &role_text, N_("clerk, supervisor, manager or admin"), "ROLE" },
    { "display-name", 0, 0, G_OPTION_ARG_STRING, &display_name, N_("Name shown in the window"), "TEXT" },
    { NULL }
  };
  PdRole role;

  if (!pd_cli_parse (entries, &argc, &argv, "NAME", &error))
    return pd_cli_fail (error);
  if (argc != 2 || role_text == NULL)
    return pd_cli_usage_fail ("user add NAME --role ROLE");
  if (!pd_role_from_string (role_text, &role))
    {
      g_printerr (_("propdesk-cli: --role: “%s” is not clerk, supervisor, manager or admin.\n"), role_text);
      return 2;
    }
  password = ask_new_password (&error);
  if (password == NULL || pd_user_create (ctx, argv[1], display_name, role, password, FALSE, &error) < 0)
    return pd_cli_fail (error);
  g_print (_("User %s created with the role %s.\n"), argv[1], pd_role_label (role));
  return 0;
}

int
pd_cli_user_passwd (PdContext *ctx,
                    int        argc,
                    char     **argv)
{
  g_autofree char *password = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (PdUser) user = NULL;

  if (argc != 2)
    return pd_cli_usage_fail ("user passwd NAME");
  user = pd_user_lookup (ctx, argv[1], &error);
  if (user == NULL)
    return pd_cli_fail (error);
  password = ask_new_password (&error);
  if (password == NULL || !pd_user_reset_password (ctx, user->name, password, &error))
    return pd_cli_fail (error);
  g_print (_("Password of %s set; they must choose a new one at the next login.\n"), user->name);
  return 0;
}

int
pd_cli_user_list (PdContext *ctx,
                  int        argc,
                  char     **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) users = NULL;

  if (argc != 1)
    return pd_cli_usage_fail ("user list");
  users = pd_user_list (ctx, &error);
  if (users == NULL)
    return pd_cli_fail (error);
  for (guint i = 0; i < users->len; i++)
    {
      PdUser *user = users->pdata[i];
      g_print ("%s\t%s\t%s\t%s\t%s%s\n", user->name, pd_role_to_string (user->role),
               user->display_name, user->password_changed_on,
               user->active ? _("active") : _("deactivated"),
               user->must_change ? _(", must change password") : "");
    }
  return 0;
}
