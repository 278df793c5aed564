/* pd-window.c — see pd-window.h. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-after-frame.h"
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

/* A tab's view is made the first time the tab is shown: each one builds a
 * widget tree of its own, and the notebook would size and style all of them
 * before the first frame (about half of the time from main() to the first
 * frame on the bench's portfolio).  Until then the tab's page is an empty
 * box the view goes into. */
typedef GtkWidget *(*ViewMaker) (PdContext *ctx);

typedef struct
{
  GType      type;   /* the view's */
  ViewMaker  make;
  GtkWidget *page;   /* the notebook's page: the view, or the box it goes into */
  GtkWidget *view;   /* NULL until the tab is first shown */
} Tab;

enum { N_TABS = 7 };

struct _PdWindow
{
  GtkApplicationWindow parent_instance;
  PdContext   *ctx;
  GtkNotebook *notebook;
  GtkLabel    *status_label;
  Tab          tabs[N_TABS];
  guint        n_tabs;
};

G_DEFINE_FINAL_TYPE (PdWindow, pd_window, GTK_TYPE_APPLICATION_WINDOW)

static GtkWidget *
make_handover_view (PdContext *ctx)
{
  return GTK_WIDGET (pd_handover_view_new (ctx));
}

/* The tab in front at the start gets its view at once, as its page. */
static void
add_tab (PdWindow   *self,
         GType       type,
         ViewMaker   make,
         const char *title)
{
  Tab *tab = &self->tabs[self->n_tabs];

  g_assert (self->n_tabs < N_TABS);
  tab->type = type;
  tab->make = make;
  if (self->n_tabs == 0)
    tab->page = tab->view = make (self->ctx);
  else
    tab->page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_notebook_append_page (self->notebook, tab->page, gtk_label_new (title));
  self->n_tabs++;
}

static GtkWidget *
build_tab (PdWindow *self,
           Tab      *tab)
{
  if (tab->view == NULL)
    {
      tab->view = tab->make (self->ctx);
      gtk_widget_set_hexpand (tab->view, TRUE);
      gtk_widget_set_vexpand (tab->view, TRUE);
      gtk_box_append (GTK_BOX (tab->page), tab->view);
    }
  return tab->view;
}

static Tab *
tab_of_page (PdWindow  *self,
             GtkWidget *page)
{
  for (guint i = 0; i < self->n_tabs; i++)
    if (self->tabs[i].page == page)
      return &self->tabs[i];
  return NULL;
}

/* Before the notebook shows @page, so the view is drawn in the same frame. */
static void
on_switch_page (GtkNotebook *notebook,
                GtkWidget   *page,
                guint        page_num,
                PdWindow    *self)
{
  Tab *tab = tab_of_page (self, page);

  if (tab != NULL)
    build_tab (self, tab);
}

static Tab *
tab_of_type (PdWindow *self,
             GType     type)
{
  for (guint i = 0; i < self->n_tabs; i++)
    if (self->tabs[i].type == type)
      return &self->tabs[i];
  return NULL;
}

GtkWidget *
pd_window_get_view (PdWindow *self,
                    GType     type)
{
  Tab *tab;

  g_return_val_if_fail (PD_IS_WINDOW (self), NULL);
  tab = tab_of_type (self, type);
  return tab ? tab->view : NULL;
}

GtkWidget *
pd_window_get_current_view (PdWindow *self)
{
  Tab *tab;

  g_return_val_if_fail (PD_IS_WINDOW (self), NULL);
  tab = tab_of_page (self, gtk_notebook_get_nth_page (self->notebook, gtk_notebook_get_current_page (self->notebook)));
  return tab ? tab->view : NULL;
}

GtkWidget *
pd_window_show_view (PdWindow *self,
                     GType     type)
{
  Tab *tab;

  g_return_val_if_fail (PD_IS_WINDOW (self), NULL);
  if ((tab = tab_of_type (self, type)) == NULL)
    return NULL;
  build_tab (self, tab);
  gtk_notebook_set_current_page (self->notebook, gtk_notebook_page_num (self->notebook, tab->page));
  return tab->view;
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
      if ((page = pd_window_show_view (self, PD_TYPE_RENOVATION_VIEW)) != NULL)
        pd_renovation_view_select (PD_RENOVATION_VIEW (page), record_id);
      break;
    case PD_TODAY_VACANT_PATROL:
      if ((page = pd_window_show_view (self, PD_TYPE_PATROL_VIEW)) != NULL)
        pd_patrol_view_show_unit (PD_PATROL_VIEW (page), record_id);
      break;
    case PD_TODAY_ANOMALY:
      if ((page = pd_window_show_view (self, PD_TYPE_PATROL_VIEW)) != NULL)
        pd_patrol_view_show_anomaly (PD_PATROL_VIEW (page), record_id);
      break;
    case PD_TODAY_KEY_LOAN:
      if ((page = pd_window_show_view (self, PD_TYPE_PATROL_VIEW)) != NULL)
        pd_patrol_view_show_loan (PD_PATROL_VIEW (page), record_id);
      break;
    case PD_TODAY_HANDOVER_DEFECT:
    case PD_TODAY_HANDOVER_NOTICE:
      if ((page = pd_window_show_view (self, PD_TYPE_HANDOVER_VIEW)) != NULL)
        pd_handover_view_show (PD_HANDOVER_VIEW (page), record_id);
      break;
    case PD_TODAY_SURVEY_FOLLOWUP:
      if ((page = pd_window_show_view (self, PD_TYPE_SURVEY_VIEW)) != NULL)
        pd_survey_view_show_followup (PD_SURVEY_VIEW (page), record_id);
      break;
    case PD_TODAY_LEASE:
      if ((page = pd_window_show_view (self, PD_TYPE_OWNER_VIEW)) != NULL)
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

  /* The notebook switches pages as it lets them go: no view is made then. */
  if (self->notebook != NULL)
    g_signal_handlers_disconnect_by_func (self->notebook, on_switch_page, self);
  self->n_tabs = 0;
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

/* What needs the icon theme waits until the first frame is on screen:
 * reading the themes takes about 18 ms under Xvfb.  That is the window's
 * icon, and the notebook's scroll arrows (pan-start/end-symbolic), which a
 * scrollable notebook looks up even while every tab fits. */
static void
finish_after_first_frame (GtkWidget *widget)
{
  PdWindow *self = PD_WINDOW (widget);

  gtk_window_set_icon_name (GTK_WINDOW (self), "org.propdesk.PropDesk");
  gtk_notebook_set_scrollable (self->notebook, TRUE);
}

/* Once: the first realize is the start. */
static void
on_realize (GtkWidget *window)
{
  g_signal_handlers_disconnect_by_func (window, on_realize, NULL);
  pd_after_frame (window, finish_after_first_frame);
}

static void
pd_window_init (PdWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "realize", G_CALLBACK (on_realize), NULL);
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
  add_tab (self, PD_TYPE_TODAY_VIEW, pd_today_view_new, _("Today"));
  add_tab (self, PD_TYPE_OWNER_VIEW, pd_owner_view_new, _("Owner Files"));
  add_tab (self, PD_TYPE_HANDOVER_VIEW, make_handover_view, C_("handover", "Handovers"));
  add_tab (self, PD_TYPE_RENOVATION_VIEW, pd_renovation_view_new, _("Renovations"));
  add_tab (self, PD_TYPE_RELEASE_VIEW, pd_release_view_new, _("Release Slips"));
  add_tab (self, PD_TYPE_SURVEY_VIEW, pd_survey_view_new, _("Satisfaction Surveys"));
  add_tab (self, PD_TYPE_PATROL_VIEW, pd_patrol_view_new, _("Vacant-Unit Patrols"));
  g_signal_connect_object (self->notebook, "switch-page", G_CALLBACK (on_switch_page), self, 0);

  return self;
}
