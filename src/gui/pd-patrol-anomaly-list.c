/* pd-patrol-anomaly-list.c — see pd-patrol-anomaly-list.h. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-application.h"
#include "pd-context-watch.h"
#include "pd-error.h"
#include "pd-estate.h"
#include "pd-form-dialog.h"
#include "pd-patrol-anomaly.h"
#include "pd-patrol-anomaly-list.h"
#include "pd-patrol-vacancy.h"
#include "pd-record-item.h"
#include "pd-record-selection.h"
#include "pd-text-column.h"

struct _PdPatrolAnomalyList
{
  GtkWidget           parent_instance;
  PdContext          *ctx;
  GListStore         *store;
  GtkSingleSelection *selection;
  GtkCheckButton     *closed_check;
  GtkLabel           *count_label;
  GtkColumnView      *list_view;
  GtkLabel           *detail_label;
};

G_DEFINE_FINAL_TYPE (PdPatrolAnomalyList, pd_patrol_anomaly_list, GTK_TYPE_WIDGET)

/* ---- cells --------------------------------------------------------------- */

#define ANOMALY(record) ((const PdAnomaly *) (record))

static char *
notice_text (gconstpointer record, gpointer data)
{
  return g_strdup (ANOMALY (record)->notice_no);
}

static char *
unit_text (gconstpointer record, gpointer data)
{
  return g_strdup (ANOMALY (record)->unit_code);
}

static char *
kind_text (gconstpointer record, gpointer data)
{
  return g_strdup (pd_anomaly_kind_label (ANOMALY (record)->kind));
}

static char *
description_text (gconstpointer record, gpointer data)
{
  return pd_anomaly_describe (ANOMALY (record));
}

static char *
department_text (gconstpointer record, gpointer data)
{
  return g_strdup (pd_department_label (ANOMALY (record)->department));
}

static char *
found_text (gconstpointer record, gpointer data)
{
  return g_strdup (ANOMALY (record)->found_on);
}

static char *
age_text (gconstpointer record, gpointer data)
{
  /* Translators: age of an anomaly in days */
  return g_strdup_printf (_("%d d"), ANOMALY (record)->age_days);
}

static char *
deadline_text (gconstpointer record, gpointer data)
{
  return g_strdup (ANOMALY (record)->deadline);
}

static const char *
deadline_style (gconstpointer record, gpointer data)
{
  return ANOMALY (record)->overdue ? "overdue" : NULL;
}

static char *
state_text (gconstpointer record, gpointer data)
{
  const PdAnomaly *anomaly = record;

  if (g_str_equal (anomaly->state, "closed"))
    return g_strdup (pd_anomaly_outcome_label (anomaly->outcome));
  return g_strdup (pd_anomaly_state_label (anomaly->state));
}

static const char *
state_style (gconstpointer record, gpointer data)
{
  return g_str_equal (ANOMALY (record)->state, "closed") ? "done" : NULL;
}

/* ---- list ---------------------------------------------------------------- */

static const PdAnomaly *
selected_anomaly (PdPatrolAnomalyList *self)
{
  return pd_record_selection_get (self->selection);
}

static gint64
anomaly_id (gconstpointer record)
{
  return ((const PdAnomaly *) record)->id;
}

gint64
pd_patrol_anomaly_list_get_selected (PdPatrolAnomalyList *self)
{
  const PdAnomaly *anomaly = selected_anomaly (self);

  return anomaly ? anomaly->id : 0;
}

void
pd_patrol_anomaly_list_select (PdPatrolAnomalyList *self,
                               gint64               wanted)
{
  g_return_if_fail (PD_IS_PATROL_ANOMALY_LIST (self));
  pd_context_watch_ensure (self);
  pd_record_selection_select (self->selection, anomaly_id, wanted);
}

static void
show_detail (PdPatrolAnomalyList *self)
{
  const PdAnomaly *anomaly = selected_anomaly (self);
  g_autoptr (GString) text = g_string_new (NULL);
  g_autoptr (GPtrArray) follow_ups = NULL;
  g_autofree char *described = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "anomalies.follow-up",
                                 anomaly && g_str_equal (anomaly->state, "open"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "anomalies.close", anomaly && g_str_equal (anomaly->state, "open"));
  if (anomaly == NULL)
    {
      gtk_label_set_text (self->detail_label, "");
      return;
    }
  described = pd_anomaly_describe (anomaly);
  /* Translators: notice number, unit, department, deadline, reporter, day found, what was found */
  g_string_append_printf (text, _("Notice %s · unit %s\nTo: %s · deadline %s\nReported by %s on %s\n\n%s"),
                          anomaly->notice_no, anomaly->unit_code, pd_department_label (anomaly->department),
                          anomaly->deadline, anomaly->reported_by, anomaly->found_on, described);
  follow_ups = pd_anomaly_list_follow_ups (self->ctx, anomaly->id, NULL);
  if (follow_ups != NULL && follow_ups->len > 0)
    g_string_append_printf (text, "\n\n%s", _("Follow-up:"));
  for (guint i = 0; follow_ups != NULL && i < follow_ups->len; i++)
    {
      const PdAnomalyFollowUp *follow_up = follow_ups->pdata[i];
      g_string_append_printf (text, "\n%.16s  %s  %s", follow_up->at, follow_up->user_name, follow_up->note);
    }
  if (g_str_equal (anomaly->state, "closed"))
    /* Translators: closing date, outcome and written result of an anomaly */
    g_string_append_printf (text, _("\n\nClosed on %s: %s — %s"), anomaly->closed_on,
                            pd_anomaly_outcome_label (anomaly->outcome), anomaly->result);
  gtk_label_set_text (self->detail_label, text->str);
}

static void
refresh (PdPatrolAnomalyList *self)
{
  gboolean all = gtk_check_button_get_active (self->closed_check);
  gint64 keep = pd_patrol_anomaly_list_get_selected (self);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = pd_anomaly_list (self->ctx, !all, &error);
  g_autofree char *count = NULL;
  guint open = 0;

  if (list == NULL)
    {
      pd_show_error (GTK_WIDGET (self), _("The anomalies could not be read"), error);
      return;
    }
  for (guint i = 0; i < list->len; i++)
    open += g_str_equal (((PdAnomaly *) list->pdata[i])->state, "open");
  /* Translators: number of open anomalies */
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u open anomaly", "%u open anomalies", open), open);
  gtk_label_set_text (self->count_label, count);
  pd_record_store_replace (self->store, list, (GDestroyNotify) pd_anomaly_free);
  pd_record_selection_select (self->selection, anomaly_id, keep);
  show_detail (self);
}

/* ---- dialogs --------------------------------------------------------------- */

static gboolean
save_report (PdFormDialog *dialog,
             gpointer      data,
             GError      **error)
{
  PdPatrolAnomalyList *self = data;
  g_autoptr (PdAnomaly) anomaly = pd_anomaly_new ();
  g_autoptr (PdUnit) unit = pd_patrol_find_unit (self->ctx, pd_form_dialog_get_text (dialog, "unit"), error);
  const char *department = pd_form_dialog_get_choice (dialog, "department");

  if (unit == NULL)
    return FALSE;
  anomaly->unit_id = unit->id;
  g_free (anomaly->kind);
  anomaly->kind = g_strdup (pd_form_dialog_get_choice (dialog, "kind"));
  g_free (anomaly->description);
  anomaly->description = g_strdup (pd_form_dialog_get_text (dialog, "description"));
  g_free (anomaly->department);
  anomaly->department = g_strdup (g_str_equal (department, "auto") ? "" : department);
  g_free (anomaly->deadline);
  anomaly->deadline = g_strdup (pd_form_dialog_get_text (dialog, "deadline"));
  return pd_anomaly_report (self->ctx, anomaly, error) > 0;
}

void
pd_patrol_anomaly_list_report (PdPatrolAnomalyList *self,
                               const char          *unit_code)
{
  PdFormDialog *dialog = pd_form_dialog_new (GTK_WIDGET (self), _("Report an Anomaly"), _("_Report"));
  const char *const *kinds = pd_anomaly_kinds ();
  g_autoptr (GStrvBuilder) kind_labels = g_strv_builder_new ();
  g_auto (GStrv) labels = NULL;
  const char *const departments[] = { "auto", "engineering", "cleaning", "security", NULL };
  const char *const department_labels[] = { _("By kind of anomaly"), pd_department_label ("engineering"),
                                            pd_department_label ("cleaning"), pd_department_label ("security"),
                                            NULL };

  for (guint i = 0; kinds[i] != NULL; i++)
    g_strv_builder_add (kind_labels, pd_anomaly_kind_label (kinds[i]));
  labels = g_strv_builder_end (kind_labels);
  pd_form_dialog_add_entry (dialog, "unit", _("_Unit code"), unit_code);
  pd_form_dialog_add_choice (dialog, "kind", _("_Kind"), kinds, (const char *const *) labels, "damage");
  pd_form_dialog_add_entry (dialog, "description", _("_What was found"), NULL);
  pd_form_dialog_add_choice (dialog, "department", _("Notice _to"), departments, department_labels, "auto");
  gtk_entry_set_placeholder_text (GTK_ENTRY (pd_form_dialog_add_entry (dialog, "deadline", _("_Deadline"), NULL)),
                                  _("Empty: the department's working days"));
  pd_form_dialog_set_save_func (dialog, save_report, g_object_ref (self), g_object_unref);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
save_follow_up (PdFormDialog *dialog,
                gpointer      data,
                GError      **error)
{
  PdPatrolAnomalyList *self = data;

  return pd_anomaly_add_follow_up (self->ctx, pd_patrol_anomaly_list_get_selected (self),
                                   pd_form_dialog_get_text (dialog, "follow_up"), error);
}

static gboolean
save_close (PdFormDialog *dialog,
            gpointer      data,
            GError      **error)
{
  PdPatrolAnomalyList *self = data;

  return pd_anomaly_close (self->ctx, pd_patrol_anomaly_list_get_selected (self),
                           pd_form_dialog_get_choice (dialog, "outcome"),
                           pd_form_dialog_get_text (dialog, "result"), error);
}

static void
report_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  const PdAnomaly *anomaly = selected_anomaly (PD_PATROL_ANOMALY_LIST (widget));

  pd_patrol_anomaly_list_report (PD_PATROL_ANOMALY_LIST (widget), anomaly ? anomaly->unit_code : NULL);
}

static void
follow_up_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PdPatrolAnomalyList *self = PD_PATROL_ANOMALY_LIST (widget);
  const PdAnomaly *anomaly = selected_anomaly (self);
  PdFormDialog *dialog;
  g_autofree char *title = NULL;
  g_autofree char *described = NULL;

  if (anomaly == NULL)
    return;
  /* Translators: %s is the notice number */
  title = g_strdup_printf (_("Follow Up %s"), anomaly->notice_no);
  dialog = pd_form_dialog_new (widget, title, _("_Add"));
  described = pd_anomaly_describe (anomaly);
  pd_form_dialog_add_note (dialog, described);
  pd_form_dialog_add_entry (dialog, "follow_up", _("_What was done or agreed"), NULL);
  pd_form_dialog_set_save_func (dialog, save_follow_up, g_object_ref (self), g_object_unref);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
close_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PdPatrolAnomalyList *self = PD_PATROL_ANOMALY_LIST (widget);
  const PdAnomaly *anomaly = selected_anomaly (self);
  const char *const outcomes[] = { "fixed", "not_fixed", "no_action", NULL };
  const char *const labels[] = { pd_anomaly_outcome_label ("fixed"), pd_anomaly_outcome_label ("not_fixed"),
                                 pd_anomaly_outcome_label ("no_action"), NULL };
  PdFormDialog *dialog;
  g_autofree char *title = NULL;
  g_autofree char *described = NULL;

  if (anomaly == NULL)
    return;
  /* Translators: %s is the notice number */
  title = g_strdup_printf (_("Close %s"), anomaly->notice_no);
  dialog = pd_form_dialog_new (widget, title, _("C_lose Notice"));
  described = pd_anomaly_describe (anomaly);
  pd_form_dialog_add_note (dialog, described);
  pd_form_dialog_add_choice (dialog, "outcome", _("_Outcome"), outcomes, labels, "fixed");
  pd_form_dialog_add_entry (dialog, "result", _("_Result"), NULL);
  pd_form_dialog_set_save_func (dialog, save_close, g_object_ref (self), g_object_unref);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- object ---------------------------------------------------------------- */

static void
pd_patrol_anomaly_list_dispose (GObject *object)
{
  PdPatrolAnomalyList *self = PD_PATROL_ANOMALY_LIST (object);
  GtkWidget *child;

  pd_context_unwatch (self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->store);
  g_clear_object (&self->ctx);
  G_OBJECT_CLASS (pd_patrol_anomaly_list_parent_class)->dispose (object);
}

static void
pd_patrol_anomaly_list_class_init (PdPatrolAnomalyListClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = pd_patrol_anomaly_list_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_install_action (widget_class, "anomalies.report", NULL, report_action);
  gtk_widget_class_install_action (widget_class, "anomalies.follow-up", NULL, follow_up_action);
  gtk_widget_class_install_action (widget_class, "anomalies.close", NULL, close_action);
}

static void
append_column (GtkColumnView       *view,
               GtkColumnViewColumn *column)
{
  gtk_column_view_append_column (view, column);
  g_object_unref (column);
}

static GtkWidget *
action_button (const char *label,
               const char *action)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  return button;
}

static void
pd_patrol_anomaly_list_init (PdPatrolAnomalyList *self)
{
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *detail_scrolled = gtk_scrolled_window_new ();

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);
  gtk_widget_set_margin_top (bar, 6);
  gtk_widget_set_margin_bottom (bar, 6);
  self->count_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_hexpand (GTK_WIDGET (self->count_label), TRUE);
  gtk_label_set_xalign (self->count_label, 0);
  self->closed_check = GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (_("Show _closed too")));
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->count_label));
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->closed_check));
  gtk_box_append (GTK_BOX (bar), action_button (_("_Report Anomaly…"), "anomalies.report"));
  gtk_box_append (GTK_BOX (bar), action_button (_("Follow _Up…"), "anomalies.follow-up"));
  gtk_box_append (GTK_BOX (bar), action_button (_("C_lose…"), "anomalies.close"));
  gtk_widget_set_parent (bar, GTK_WIDGET (self));

  self->store = g_list_store_new (PD_TYPE_RECORD_ITEM);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->store)));
  self->list_view = GTK_COLUMN_VIEW (gtk_column_view_new (GTK_SELECTION_MODEL (self->selection)));
  gtk_widget_add_css_class (GTK_WIDGET (self->list_view), "data-table");
  append_column (self->list_view, pd_text_column_new (C_("anomaly", "Notice"), notice_text, NULL, self, 0, 96));
  append_column (self->list_view, pd_text_column_new (C_("anomaly", "Unit"), unit_text, NULL, self, 0, 80));
  append_column (self->list_view, pd_text_column_new (C_("anomaly", "Kind"), kind_text, NULL, self, 0, 96));
  append_column (self->list_view, pd_text_column_new (_("What was found"), description_text, NULL,
                                                                      self, 0, 0));
  append_column (self->list_view, pd_text_column_new (_("Notice to"), department_text, NULL,
                                                                      self, 0, 84));
  append_column (self->list_view, pd_text_column_new (C_("anomaly", "Found"), found_text, NULL, self, 0, 88));
  append_column (self->list_view, pd_text_column_new (C_("anomaly", "Age"), age_text, NULL, self, 1, 56));
  append_column (self->list_view, pd_text_column_new (C_("anomaly", "Deadline"), deadline_text,
                                                                      deadline_style, self, 0, 88));
  append_column (self->list_view, pd_text_column_new (C_("anomaly", "State"), state_text, state_style,
                                                                      self, 0, 80));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list_view));
  self->detail_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->detail_label, TRUE);
  gtk_label_set_selectable (self->detail_label, TRUE);
  gtk_label_set_xalign (self->detail_label, 0);
  gtk_label_set_yalign (self->detail_label, 0);
  gtk_widget_set_margin_start (GTK_WIDGET (self->detail_label), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->detail_label), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self->detail_label), 8);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (detail_scrolled), GTK_WIDGET (self->detail_label));
  gtk_paned_set_start_child (GTK_PANED (paned), scrolled);
  gtk_paned_set_end_child (GTK_PANED (paned), detail_scrolled);
  gtk_paned_set_resize_end_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_position (GTK_PANED (paned), 900);
  gtk_widget_set_vexpand (paned, TRUE);
  gtk_widget_set_parent (paned, GTK_WIDGET (self));
  g_signal_connect_swapped (self->selection, "selection-changed", G_CALLBACK (show_detail), self);
  g_signal_connect_swapped (self->closed_check, "toggled", G_CALLBACK (refresh), self);
}

GtkWidget *
pd_patrol_anomaly_list_new (PdContext *ctx)
{
  PdPatrolAnomalyList *self = g_object_new (PD_TYPE_PATROL_ANOMALY_LIST, NULL);

  self->ctx = g_object_ref (ctx);
  pd_context_watch_lazily (ctx, GTK_WIDGET (self), (const char *const[]) { "patrol", "unit", NULL },
                           (PdContextWatchFunc) refresh);
  return GTK_WIDGET (self);
}
