/* pd-login-dialog.c — see pd-login-dialog.h. */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>

#include "pd-login-dialog.h"
#include "pd-password-dialog.h"

#define PAUSE_AFTER_FAILURES 3
#define PAUSE_SECONDS        3

struct _PdLoginDialog
{
  GtkWindow       parent_instance;
  PdContext      *ctx;
  PdLoginDoneFunc done;
  gpointer        user_data;
  PdUser         *user;        /* logged in, waiting for a forced password change */
  guint           failures;
  guint           pause_id;

  GtkEditable    *name_entry;
  GtkEditable    *password_entry;
  GtkLabel       *error_label;
  GtkButton      *login_button;
};

G_DEFINE_FINAL_TYPE (PdLoginDialog, pd_login_dialog, GTK_TYPE_WINDOW)

/* Only the last user name is remembered, never a password. */
static char *
remembered_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "propdesk", "login.ini", NULL);
}

static char *
load_last_user (void)
{
  g_autoptr (GKeyFile) file = g_key_file_new ();
  g_autofree char *path = remembered_path ();

  if (!g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, NULL))
    return NULL;
  return g_key_file_get_string (file, "login", "last_user", NULL);
}

static void
save_last_user (const char *name)
{
  g_autoptr (GKeyFile) file = g_key_file_new ();
  g_autofree char *path = remembered_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr (GError) error = NULL;

  g_key_file_set_string (file, "login", "last_user", name);
  if (g_mkdir_with_parents (dir, 0700) != 0 || !g_key_file_save_to_file (file, path, &error))
    g_warning ("remembering the last user: %s", error ? error->message : g_strerror (errno));
}

static void
finish (PdLoginDialog *self,
        PdUser        *user)
{
  PdLoginDoneFunc done = self->done;

  self->done = NULL;
  if (done != NULL)
    done (user, self->user_data);
}

static gboolean
on_pause_over (gpointer data)
{
  PdLoginDialog *self = data;

  self->pause_id = 0;
  gtk_widget_set_sensitive (GTK_WIDGET (self->login_button), TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->password_entry), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->password_entry));
  return G_SOURCE_REMOVE;
}

static void
on_password_changed (gboolean changed,
                     gpointer data)
{
  PdLoginDialog *self = data;

  /* Without the change there is no way in: the login is abandoned. */
  if (changed)
    finish (self, self->user);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_login (PdLoginDialog *self)
{
  const char *name = gtk_editable_get_text (self->name_entry);
  g_autoptr (GError) error = NULL;
  gboolean must_change = FALSE;

  if (self->pause_id != 0)
    return;
  self->user = pd_user_authenticate (self->ctx, name, gtk_editable_get_text (self->password_entry),
                                     &must_change, &error);
  gtk_editable_set_text (self->password_entry, "");
  if (self->user == NULL)
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->password_entry));
      /* Slows down guessing at the keyboard. */
      if (++self->failures % PAUSE_AFTER_FAILURES == 0)
        {
          gtk_widget_set_sensitive (GTK_WIDGET (self->login_button), FALSE);
          gtk_widget_set_sensitive (GTK_WIDGET (self->password_entry), FALSE);
          self->pause_id = g_timeout_add_seconds (PAUSE_SECONDS, on_pause_over, self);
        }
      return;
    }
  save_last_user (self->user->name);
  if (must_change)
    {
      GtkWidget *dialog = pd_password_dialog_new (NULL, self->ctx, TRUE, on_password_changed, self);

      gtk_window_set_application (GTK_WINDOW (dialog), gtk_window_get_application (GTK_WINDOW (self)));
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  finish (self, self->user);
  gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
on_close_request (PdLoginDialog *self)
{
  finish (self, NULL);
  return FALSE;
}

static void
pd_login_dialog_dispose (GObject *object)
{
  PdLoginDialog *self = PD_LOGIN_DIALOG (object);

  finish (self, NULL);
  g_clear_handle_id (&self->pause_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), PD_TYPE_LOGIN_DIALOG);
  g_clear_object (&self->ctx);
  g_clear_pointer (&self->user, pd_user_free);
  G_OBJECT_CLASS (pd_login_dialog_parent_class)->dispose (object);
}

static void
pd_login_dialog_class_init (PdLoginDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = pd_login_dialog_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/org/propdesk/PropDesk/ui/pd-login-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PdLoginDialog, name_entry);
  gtk_widget_class_bind_template_child (widget_class, PdLoginDialog, password_entry);
  gtk_widget_class_bind_template_child (widget_class, PdLoginDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, PdLoginDialog, login_button);
}

static void
pd_login_dialog_init (PdLoginDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->login_button, "clicked", G_CALLBACK (on_login), self);
  g_signal_connect (self, "close-request", G_CALLBACK (on_close_request), NULL);
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->login_button));
}

GtkWidget *
pd_login_dialog_new (GtkApplication *app,
                     PdContext      *ctx,
                     PdLoginDoneFunc done,
                     gpointer        user_data)
{
  PdLoginDialog *self = g_object_new (PD_TYPE_LOGIN_DIALOG, NULL);
  g_autofree char *last = load_last_user ();

  if (app != NULL)
    gtk_window_set_application (GTK_WINDOW (self), app);
  self->ctx = g_object_ref (ctx);
  self->done = done;
  self->user_data = user_data;
  if (last != NULL)
    {
      gtk_editable_set_text (self->name_entry, last);
      gtk_widget_grab_focus (GTK_WIDGET (self->password_entry));
    }
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->name_entry));
  return GTK_WIDGET (self);
}
