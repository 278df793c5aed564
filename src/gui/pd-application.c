/* pd-application.c — see pd-application.h. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "pd-application.h"
#include "pd-bench-probe.h"
#include "pd-login-dialog.h"
#include "pd-backup.h"
#include "pd-demo.h"
#include "pd-error.h"
#include "pd-i18n.h"
#include "pd-paths.h"
#include "pd-recovery.h"
#include "pd-settings.h"
#include "pd-window.h"

#define DEMO_UNITS 600
#define DEMO_SEED 20261123
/* How often to look whether today's automatic backup exists yet. */
#define BACKUP_CHECK_SECONDS (60 * 60)
/* The start backup copies the whole database (a gigabyte for a 100,000-unit
 * portfolio): taken once the window is up, not while it is being built. */
#define START_BACKUP_DELAY_SECONDS 20
#define GUI_CACHE_KIB 8192

struct _PdApplication
{
  GtkApplication parent_instance;
  PdContext     *ctx;
  char          *db_path;
  char          *last_backup_day;
  guint          backup_timer;
  gboolean       logged_in;
  /* The full integrity check owed for the database opened last (see
   * pd_backup_start_check_file), and which opening that was: a check still
   * running when the database is replaced reports on the old file. */
  gboolean       integrity_due;
  guint          opening;
};

G_DEFINE_FINAL_TYPE (PdApplication, pd_application, GTK_TYPE_APPLICATION)

void
pd_show_error (GtkWidget    *parent,
               const char   *primary,
               const GError *error)
{
  GtkRoot *root = parent ? gtk_widget_get_root (parent) : NULL;
  GtkWidget *dialog = gtk_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                              GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE, "%s", primary);
  if (error != NULL)
    gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", error->message);
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct
{
  char      *db_path;
  char      *reason;
  GDateTime *now;
  guint      keep_daily;
  guint      keep_weekly;
} BackupJob;

static void
backup_job_free (BackupJob *job)
{
  g_free (job->db_path);
  g_free (job->reason);
  g_date_time_unref (job->now);
  g_free (job);
}

/* In a worker thread with its own connection: copying and checking a large
 * database must not hold up the window. */
static void
backup_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  BackupJob *job = task_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = pd_backup_automatic_file (job->db_path, job->reason, job->now,
                                                    job->keep_daily, job->keep_weekly, &error);
  if (path == NULL)
    g_warning ("automatic backup failed: %s", error->message);
  g_task_return_boolean (task, path != NULL);
}

/* An automatic backup at start and on the first check of each new day. */
static void
backup_if_due (PdApplication *self,
               const char    *reason)
{
  g_autoptr (GDateTime) now = pd_context_now (self->ctx);
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr (GTask) task = NULL;
  BackupJob *job;

  if (g_strcmp0 (today, self->last_backup_day) == 0)
    return;
  job = g_new0 (BackupJob, 1);
  job->db_path = g_strdup (self->db_path);
  job->reason = g_strdup (reason);
  job->now = g_date_time_ref (now);
  pd_backup_keep_counts (self->ctx, &job->keep_daily, &job->keep_weekly);
  task = g_task_new (NULL, NULL, NULL, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) backup_job_free);
  g_task_run_in_thread (task, backup_thread);
  g_free (self->last_backup_day);
  self->last_backup_day = g_steal_pointer (&today);
}

static gboolean
on_backup_timer (gpointer user_data)
{
  backup_if_due (PD_APPLICATION (user_data), "daily");
  return G_SOURCE_CONTINUE;
}

static gboolean
start_backup (gpointer user_data)
{
  backup_if_due (PD_APPLICATION (user_data), "start");
  return G_SOURCE_REMOVE;
}

static gboolean
open_database (PdApplication *self,
               GError       **error)
{
  g_autofree char *dir = NULL;
  gboolean fresh;
  gboolean full_check_due = FALSE;

  if (self->db_path == NULL)
    self->db_path = pd_paths_default_database ();
  dir = g_path_get_dirname (self->db_path);
  g_mkdir_with_parents (dir, 0700);
  fresh = !g_file_test (self->db_path, G_FILE_TEST_EXISTS);
  /* A damaged file is checked read-only first: opening it would migrate
   * (write) it.  Only its schema is checked before the window when it is
   * current: the full quick_check reads every page, ten seconds for a
   * 100,000-unit portfolio, and runs after the first frame instead. */
  if (!fresh && !pd_backup_start_check_file (self->db_path, &full_check_due, error))
    return FALSE;
  self->ctx = pd_context_open (self->db_path, error);
  if (self->ctx == NULL)
    return FALSE;
  /* The window reads through indexes and the system caches the file: the
   * 32 MiB page cache pays only in long write transactions, and imports run
   * on a connection of their own.  It filled with a large portfolio open. */
  if (!pd_database_set_cache_size (pd_context_get_database (self->ctx), GUI_CACHE_KIB, error))
    return FALSE;
  /* First run: a living demo office, so a newcomer sees what PropDesk does. */
  if (fresh && !pd_demo_generate (self->ctx, DEMO_UNITS, DEMO_SEED, error))
    return FALSE;
  self->opening++;
  self->integrity_due = full_check_due;
  /* A damaged file is not backed up as if it were good: with a check owed
   * the start backup waits for its result. */
  if (!full_check_due)
    g_timeout_add_seconds (START_BACKUP_DELAY_SECONDS, start_backup, self);
  if (self->backup_timer == 0)
    self->backup_timer = g_timeout_add_seconds (BACKUP_CHECK_SECONDS, on_backup_timer, self);
  return TRUE;
}

static void show_main_window (PdApplication *self);
static void on_recovery_done (gpointer user_data, gboolean restored);

/* An error with no window to go back to: the application ends when the
 * dialog is closed. */
static void
show_fatal (PdApplication *self,
            const char    *primary,
            const GError  *error)
{
  GtkWidget *dialog = gtk_message_dialog_new (NULL, GTK_DIALOG_MODAL, GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE,
                                              "%s", primary);

  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", error->message);
  gtk_application_add_window (GTK_APPLICATION (self), GTK_WINDOW (dialog));
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Closes every window and the database.  FALSE when something still holds
 * the connection: it would write its journal into a file put in place of
 * the database when it closes. */
static gboolean
close_database (PdApplication *self)
{
  PdDatabase *database = pd_context_get_database (self->ctx);
  GList *windows;

  g_object_add_weak_pointer (G_OBJECT (database), (gpointer *) &database);
  while ((windows = gtk_application_get_windows (GTK_APPLICATION (self))) != NULL)
    gtk_window_destroy (windows->data);
  g_clear_object (&self->ctx);
  for (int i = 0; database != NULL && i < 100 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
  self->logged_in = FALSE;
  if (database == NULL)
    return TRUE;
  g_object_remove_weak_pointer (G_OBJECT (database), (gpointer *) &database);
  return FALSE;
}

/* With its own read-only connection, in a worker thread. */
static void
integrity_thread (GTask        *task,
                  gpointer      source,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  GError *error = NULL;

  if (pd_backup_quick_check_file (task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_integrity_checked (GObject      *source,
                      GAsyncResult *result,
                      gpointer      opening)
{
  PdApplication *self = PD_APPLICATION (source);
  g_autoptr (GError) error = NULL;

  if (g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (GPOINTER_TO_UINT (opening) == self->opening && self->ctx != NULL)
        g_timeout_add_seconds (START_BACKUP_DELAY_SECONDS, start_backup, self);
      return;
    }
  if (GPOINTER_TO_UINT (opening) != self->opening || self->ctx == NULL)
    return;
  g_message ("integrity check after start: %s", error->message);
  /* Nothing more is typed into a damaged file: its windows close, and the
   * office gets the dialog a damaged database gives at start. */
  g_application_hold (G_APPLICATION (self));
  if (!close_database (self))
    {
      show_fatal (self, _("The database is damaged and cannot be used"), error);
      g_application_release (G_APPLICATION (self));
      return;
    }
  pd_recovery_offer (GTK_APPLICATION (self), self->db_path, error, on_recovery_done, self);
}

static void
start_integrity_check (PdApplication *self)
{
  g_autoptr (GTask) task = NULL;

  if (!self->integrity_due)
    return;
  self->integrity_due = FALSE;
  task = g_task_new (self, NULL, on_integrity_checked, GUINT_TO_POINTER (self->opening));
  g_task_set_task_data (task, g_strdup (self->db_path), g_free);
  g_task_run_in_thread (task, integrity_thread);
}

static void
on_first_paint (GdkFrameClock *clock,
                PdApplication *self)
{
  g_signal_handlers_disconnect_by_func (clock, on_first_paint, self);
  start_integrity_check (self);
}

static void
on_first_realize (GtkWidget     *window,
                  PdApplication *self)
{
  g_signal_handlers_disconnect_by_func (window, on_first_realize, self);
  g_signal_connect_object (gtk_widget_get_frame_clock (window), "after-paint",
                           G_CALLBACK (on_first_paint), self, 0);
}

/* The owed check starts once @window is drawn: reading a gigabyte on a
 * second core must not slow the first frame down. */
static void
present_then_check (PdApplication *self,
                    GtkWindow     *window)
{
  if (self->integrity_due)
    g_signal_connect_object (window, "realize", G_CALLBACK (on_first_realize), self, 0);
  gtk_window_present (window);
}

static void
on_login_done (PdUser  *user,
               gpointer user_data)
{
  PdApplication *self = user_data;

  /* The context already works as @user (pd_user_authenticate set it). */
  self->logged_in = user != NULL;
  if (self->logged_in)
    gtk_window_present (GTK_WINDOW (pd_window_new (self, self->ctx)));
  g_application_release (G_APPLICATION (self));
}

static void
on_recovery_done (gpointer user_data,
                  gboolean restored)
{
  PdApplication *self = user_data;

  if (restored)
    show_main_window (self);
  g_application_release (G_APPLICATION (self));
}

static void
show_main_window (PdApplication *self)
{
  g_autoptr (GError) error = NULL;

  if (self->ctx != NULL || open_database (self, &error))
    {
      GtkWidget *window;

      /* A database without accounts keeps working as the OS user, admin. */
      if (!self->logged_in && pd_user_any (self->ctx))
        {
          g_application_hold (G_APPLICATION (self));
          present_then_check (self, GTK_WINDOW (pd_login_dialog_new (GTK_APPLICATION (self), self->ctx,
                                                                     on_login_done, self)));
          return;
        }
      window = GTK_WIDGET (pd_window_new (self, self->ctx));
      pd_bench_probe_attach (GTK_WINDOW (window));
      present_then_check (self, GTK_WINDOW (window));
      return;
    }
  if (g_error_matches (error, PD_DATABASE_ERROR, PD_DATABASE_ERROR_CORRUPT) ||
      g_error_matches (error, PD_DATABASE_ERROR, PD_DATABASE_ERROR_NOT_PROPDESK))
    {
      /* Held until the user answers, so the application does not quit. */
      g_application_hold (G_APPLICATION (self));
      pd_recovery_offer (GTK_APPLICATION (self), self->db_path, error, on_recovery_done, self);
      return;
    }
  show_fatal (self, _("The database could not be opened"), error);
}

static void
pd_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window != NULL)
    gtk_window_present (window);
  else
    show_main_window (PD_APPLICATION (app));
}

static void
load_css (void)
{
  g_autoptr (GtkCssProvider) provider = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (provider, "/org/propdesk/PropDesk/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
pd_application_startup (GApplication *app)
{
  G_APPLICATION_CLASS (pd_application_parent_class)->startup (app);
  load_css ();
}

static int
pd_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  PdApplication *self = PD_APPLICATION (app);
  const char *db = NULL;

  /* A FILENAME option arrives as a bytestring. */
  if (g_variant_dict_lookup (options, "db", "^&ay", &db))
    self->db_path = g_strdup (db);
  return -1;
}

static void
pd_application_finalize (GObject *object)
{
  PdApplication *self = PD_APPLICATION (object);

  g_clear_handle_id (&self->backup_timer, g_source_remove);
  g_clear_object (&self->ctx);
  g_free (self->db_path);
  g_free (self->last_backup_day);
  G_OBJECT_CLASS (pd_application_parent_class)->finalize (object);
}

static void
pd_application_class_init (PdApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = pd_application_finalize;
  app_class->activate = pd_application_activate;
  app_class->startup = pd_application_startup;
  app_class->handle_local_options = pd_application_handle_local_options;
}

static void
pd_application_init (PdApplication *self)
{
  static const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Database file to open"), N_("FILE") },
    { NULL }
  };
  g_application_add_main_option_entries (G_APPLICATION (self), entries);
}

PdApplication *
pd_application_new (void)
{
  pd_i18n_init ();
  /* NON_UNIQUE: two offices' databases may be open side by side, and tests
   * start instances freely. */
  return g_object_new (PD_TYPE_APPLICATION, "application-id", "org.propdesk.PropDesk",
                       "flags", G_APPLICATION_NON_UNIQUE, NULL);
}

void
pd_application_restore (PdApplication *self,
                        const char    *backup_path)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *aside = NULL;

  /* Held: with every window closed the application would quit. */
  g_application_hold (G_APPLICATION (self));
  /* A connection still open would write its journal into the restored
   * file when it closes: replace nothing then. */
  if (!close_database (self))
    {
      g_set_error (&error, PD_DATABASE_ERROR, PD_DATABASE_ERROR_SQL,
                   _("The database is still in use. Close PropDesk, start it again and restore once more."));
      pd_show_error (NULL, _("The backup could not be restored; the database is unchanged"), error);
    }
  else if (!pd_backup_restore (self->db_path, backup_path, &aside, &error))
    pd_show_error (NULL, _("The backup could not be restored; the database is unchanged"), error);
  show_main_window (self);
  g_application_release (G_APPLICATION (self));
}

PdContext *
pd_application_get_context (PdApplication *self)
{
  return self->ctx;
}
