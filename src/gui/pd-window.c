/* pd-window.c — see pd-window.h. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-estate.h"
#include "pd-handover-view.h"
#include "pd-kpi-actions.h"
#include "pd-office-actions.h"
#include "pd-owner-view.h"
#include "pd-password-dialog.h"
#include "pd-survey-view.h"
#include "pd-renovation-view.h"
#include "pd-release-view.h"
#include "pd-patrol-view.h"
#include "pd-today-view.h"
#include "pd-window.h"

struct _PdWindow
{
  GtkApplicationWindow parent_instance;
  PdContext   *ctx;
  GtkNotebook *notebook;
  GtkLabel    *status_label;
};

G_DEFINE_FINAL_TYPE (PdWindow, pd_window, GTK_TYPE_APPLICATION_WINDOW)

static void
add_tab (PdWindow   *self,
         GtkWidget  *view,
         const char *title)
{
  gtk_notebook_append_page (self->notebook, view, gtk_label_new (title));
}

/* The tab showing a view of @type, made the current one; NULL when the
 * window has none. */
static GtkWidget *
show_tab (PdWindow *self,
          GType     type)
{
  for (int i = 0; i < gtk_notebook_get_n_pages (self->notebook); i++)
    {
      GtkWidget *page = gtk_notebook_get_nth_page (self->notebook, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (page, type))
        {
          gtk_notebook_set_current_page (self->notebook, i);
          return page;
        }
    }
  return NULL;
}

void
pd_window_show_record (PdWindow    *self,
                       PdTodayKind  kind,
                       gint64       record_id)
{
  GtkWidget *page;

  g_return_if_fail (PD_IS_WINDOW (self));
  switch (kind)
    {
    case PD_TODAY_RENOVATION_REVIEW:
    case PD_TODAY_RENOVATION_PATROL:
    case PD_TODAY_RENOVATION_STOPPED:
      if ((page = show_tab (self, PD_TYPE_RENOVATION_VIEW)) != NULL)
        pd_renovation_view_select (PD_RENOVATION_VIEW (page), record_id);
      break;
    case PD_TODAY_VACANT_PATROL:
      if ((page = show_tab (self, PD_TYPE_PATROL_VIEW)) != NULL)
        pd_patrol_view_show_unit (PD_PATROL_VIEW (page), record_id);
      break;
    case PD_TODAY_ANOMALY:
      if ((page = show_tab (self, PD_TYPE_PATROL_VIEW)) != NULL)
        pd_patrol_view_show_anomaly (PD_PATROL_VIEW (page), record_id);
      break;
    case PD_TODAY_KEY_LOAN:
      if ((page = show_tab (self, PD_TYPE_PATROL_VIEW)) != NULL)
        pd_patrol_view_show_loan (PD_PATROL_VIEW (page), record_id);
      break;
    case PD_TODAY_HANDOVER_DEFECT:
    case PD_TODAY_HANDOVER_NOTICE:
      if ((page = show_tab (self, PD_TYPE_HANDOVER_VIEW)) != NULL)
        pd_handover_view_show (PD_HANDOVER_VIEW (page), record_id);
      break;
    case PD_TODAY_SURVEY_FOLLOWUP:
      if ((page = show_tab (self, PD_TYPE_SURVEY_VIEW)) != NULL)
        pd_survey_view_show_followup (PD_SURVEY_VIEW (page), record_id);
      break;
    case PD_TODAY_LEASE:
      if ((page = show_tab (self, PD_TYPE_OWNER_VIEW)) != NULL)
        pd_owner_view_show_unit (PD_OWNER_VIEW (page), record_id);
      break;
    case PD_TODAY_N_KINDS:
    default:
      g_return_if_reached ();
    }
}

static void
show_record (GtkWidget  *widget,
             const char *action,
             GVariant   *parameter)
{
  gint32 kind;
  gint64 record_id;

  g_variant_get (parameter, "(ix)", &kind, &record_id);
  if (kind >= 0 && kind < PD_TODAY_N_KINDS)
    pd_window_show_record (PD_WINDOW (widget), (PdTodayKind) kind, record_id);
}

static void
change_password (GtkWidget  *widget,
                 const char *action,
                 GVariant   *parameter)
{
  PdWindow *self = PD_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (pd_password_dialog_new (GTK_WINDOW (self), self->ctx, FALSE,
                                                          NULL, NULL)));
}

static void
pd_window_dispose (GObject *object)
{
  PdWindow *self = PD_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PD_TYPE_WINDOW);
  g_clear_object (&self->ctx);
  G_OBJECT_CLASS (pd_window_parent_class)->dispose (object);
}

static void
pd_window_class_init (PdWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = pd_window_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/org/propdesk/PropDesk/ui/pd-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PdWindow, notebook);
  gtk_widget_class_bind_template_child (widget_class, PdWindow, status_label);
  gtk_widget_class_install_action (widget_class, "win.change-password", NULL, change_password);
  gtk_widget_class_install_action (widget_class, "win.show-record", "(ix)", show_record);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_P, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.change-password", NULL);
}

static void
pd_window_init (PdWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

PdWindow *
pd_window_new (PdApplication *app,
               PdContext     *ctx)
{
  PdWindow *self = g_object_new (PD_TYPE_WINDOW, "application", app, NULL);
  g_autofree char *estate = NULL;
  g_autofree char *title = NULL;
  g_autofree char *status = NULL;
  gint64 estate_id;

  self->ctx = g_object_ref (ctx);
  pd_office_actions_install (GTK_WINDOW (self), ctx);
  pd_kpi_actions_install (GTK_WINDOW (self), ctx);
  estate_id = pd_estate_current_id (ctx, NULL);
  estate = pd_estate_get_name (ctx, estate_id);
  /* Translators: the window title; %s is the estate's name */
  title = g_strdup_printf (_("PropDesk — %s"), estate);
  gtk_window_set_title (GTK_WINDOW (self), title);
  /* Translators: status bar: the database file, then who is logged in and their role */
  status = g_strdup_printf (_("%s — %s (%s) — Ctrl+Shift+P changes the password"),
                            pd_database_get_path (pd_context_get_database (ctx)),
                            pd_context_get_user (ctx), pd_role_label (pd_context_get_role (ctx)));
  gtk_label_set_text (self->status_label, status);
  /* What is due today first, then the owner files (the office's everyday
   * lookup), then the work in the order a unit meets it (DOMAIN §1-§6). */
  add_tab (self, pd_today_view_new (ctx), _("Today"));
  add_tab (self, pd_owner_view_new (ctx), _("Owner Files"));
  add_tab (self, GTK_WIDGET (pd_handover_view_new (ctx)), C_("handover", "Handovers"));
  add_tab (self, pd_renovation_view_new (ctx), _("Renovations"));
  add_tab (self, pd_release_view_new (ctx), _("Release Slips"));
  add_tab (self, pd_survey_view_new (ctx), _("Satisfaction Surveys"));
  add_tab (self, pd_patrol_view_new (ctx), _("Vacant-Unit Patrols"));

  return self;
}
