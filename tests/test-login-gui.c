/* The login dialog, driven under Xvfb: a wrong password shows the error and
 * changes no one; the right one calls back with the user, sets the
 * context's user and role, and remembers the name (never the password);
 * a reset password leads through the forced change. */
#include "config.h"

#include <gtk/gtk.h>

#include "pd-i18n.h"
#include "pd-login-dialog.h"
#include "pd-test-fixture.h"
#include "pd-user.h"

typedef struct
{
  gboolean called;
  char    *name;
  PdRole   role;
} Result;

static void
on_done (PdUser  *user,
         gpointer data)
{
  Result *result = data;

  result->called = TRUE;
  if (user != NULL)
    {
      result->name = g_strdup (user->name);
      result->role = user->role;
    }
}

static void
spin (void)
{
  for (int i = 0; i < 20; i++)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (2000);
    }
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (g_strcmp0 (gtk_widget_get_name (child), name) == 0)
        return child;
      if ((found = find_named (child, name)) != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
named (GtkWidget *root, const char *name)
{
  GtkWidget *widget = find_named (root, name);

  g_assert_nonnull (widget);
  return widget;
}

static PdContext *
office (void)
{
  PdContext *ctx = pd_test_context_new ("2026-11-23 09:00:00");
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (pd_user_create (ctx, "wang", "王经理", PD_ROLE_MANAGER, "secret-wang-1", FALSE, &error), >, 0);
  g_assert_cmpint (pd_user_create (ctx, "zhang", NULL, PD_ROLE_CLERK, "secret-zhang-1", FALSE, &error), >, 0);
  g_assert_no_error (error);
  pd_context_set_user (ctx, "nobody", PD_ROLE_CLERK);
  return ctx;
}

static void
test_login (void)
{
  g_autoptr (PdContext) ctx = office ();
  Result result = { 0 };
  GtkWidget *dialog = pd_login_dialog_new (NULL, ctx, on_done, &result);
  GtkWidget *error_label;
  g_autofree char *remembered = NULL;
  g_autofree char *path = g_build_filename (g_get_user_config_dir (), "propdesk", "login.ini", NULL);

  gtk_window_present (GTK_WINDOW (dialog));
  spin ();
  error_label = named (dialog, "error");
  g_assert_false (gtk_widget_get_visible (error_label));

  gtk_editable_set_text (GTK_EDITABLE (named (dialog, "name")), "wang");
  gtk_editable_set_text (GTK_EDITABLE (named (dialog, "password")), "not-the-password");
  g_signal_emit_by_name (named (dialog, "login"), "clicked");
  spin ();
  g_assert_false (result.called);
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error_label)), ==,
                   "Password: the user name or the password is wrong.");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named (dialog, "password"))), ==, "");
  g_assert_cmpstr (pd_context_get_user (ctx), ==, "nobody");

  gtk_editable_set_text (GTK_EDITABLE (named (dialog, "password")), "secret-wang-1");
  g_signal_emit_by_name (named (dialog, "login"), "clicked");
  spin ();
  g_assert_true (result.called);
  g_assert_cmpstr (result.name, ==, "wang");
  g_assert_cmpint (result.role, ==, PD_ROLE_MANAGER);
  g_assert_cmpstr (pd_context_get_user (ctx), ==, "wang");
  g_assert_cmpint (pd_context_get_role (ctx), ==, PD_ROLE_MANAGER);

  g_assert_true (g_file_get_contents (path, &remembered, NULL, NULL));
  g_assert_nonnull (strstr (remembered, "wang"));
  g_assert_null (strstr (remembered, "secret"));
  g_free (result.name);
}

static void
test_remembered_and_forced_change (void)
{
  g_autoptr (PdContext) ctx = office ();
  g_autoptr (GError) error = NULL;
  Result result = { 0 };
  GtkWidget *dialog;
  GtkWidget *change = NULL;
  GList *toplevels;

  pd_context_set_user (ctx, "tester", PD_ROLE_ADMIN);
  g_assert_true (pd_user_reset_password (ctx, "zhang", "temporary-1", &error));
  dialog = pd_login_dialog_new (NULL, ctx, on_done, &result);
  gtk_window_present (GTK_WINDOW (dialog));
  spin ();
  /* The previous test logged in as wang: the name is filled in. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named (dialog, "name"))), ==, "wang");
  gtk_editable_set_text (GTK_EDITABLE (named (dialog, "name")), "zhang");
  gtk_editable_set_text (GTK_EDITABLE (named (dialog, "password")), "temporary-1");
  g_signal_emit_by_name (named (dialog, "login"), "clicked");
  spin ();
  g_assert_false (result.called);

  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l; l = l->next)
    if (gtk_widget_get_visible (l->data) && find_named (l->data, "repeat") != NULL)
      change = l->data;
  g_list_free (toplevels);
  g_assert_nonnull (change);

  gtk_editable_set_text (GTK_EDITABLE (named (change, "old")), "temporary-1");
  gtk_editable_set_text (GTK_EDITABLE (named (change, "new")), "secret-zhang-2");
  gtk_editable_set_text (GTK_EDITABLE (named (change, "repeat")), "secret-zhang-3");
  g_signal_emit_by_name (named (change, "ok"), "clicked");
  spin ();
  g_assert_false (result.called);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (named (change, "error"))), ==,
                   "Repeat the new password: the two new passwords differ.");

  gtk_editable_set_text (GTK_EDITABLE (named (change, "new")), "secret-zhang-2");
  gtk_editable_set_text (GTK_EDITABLE (named (change, "repeat")), "secret-zhang-2");
  g_signal_emit_by_name (named (change, "ok"), "clicked");
  spin ();
  g_assert_true (result.called);
  g_assert_cmpstr (result.name, ==, "zhang");
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM user_account WHERE name = ? AND must_change = 0",
                                  "zhang"), ==, 1);
  g_free (result.name);
}

int
main (int    argc,
      char **argv)
{
  /* The remembered user name goes to a private config folder. */
  g_setenv ("XDG_CONFIG_HOME", pd_test_tmpdir (), TRUE);
  pd_i18n_init ();
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/login/wrong-then-right", test_login);
  g_test_add_func ("/login/remembered-and-forced-change", test_remembered_and_forced_change);
  return g_test_run ();
}
