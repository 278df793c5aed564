/* pd-handover-defects-view.c — see pd-handover-defects-view.h. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-application.h"
#include "pd-handover-defect.h"
#include "pd-handover-defect-dialog.h"
#include "pd-handover-defects-view.h"
#include "pd-record-item.h"
#include "pd-handover-columns.h"

struct _PdHandoverDefectsView
{
  GtkBox              parent_instance;
  PdContext          *ctx;
  gint64              handover_id;
  char               *status;
  GListStore         *store;
  GtkSingleSelection *selection;

  GtkColumnView      *list;
  GtkLabel           *history_label;
};

G_DEFINE_FINAL_TYPE (PdHandoverDefectsView, pd_handover_defects_view, GTK_TYPE_BOX)

enum { SIGNAL_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static const char *
due_class (PdDueState state)
{
  switch (state)
    {
    case PD_DUE_OVERDUE:
      return "overdue";
    case PD_DUE_SOON:
      return "due-soon";
    case PD_DUE_NONE:
    case PD_DUE_PENDING:
    default:
      return NULL;
    }
}

static char *
room_text (gconstpointer record,
           gpointer      data)
{
  return g_strdup (((const PdHandoverDefect *) record)->room);
}

static char *
description_text (gconstpointer record,
           gpointer      data)
{
  return g_strdup (((const PdHandoverDefect *) record)->description);
}

static char *
responsible_text (gconstpointer record,
           gpointer      data)
{
  return g_strdup (((const PdHandoverDefect *) record)->responsible);
}

static char *
deadline_text (gconstpointer record,
           gpointer      data)
{
  return g_strdup (((const PdHandoverDefect *) record)->deadline);
}

static const char *
deadline_class (gconstpointer record,
                gpointer      user_data)
{
  PdHandoverDefectsView *self = user_data;
  return due_class (pd_handover_defect_deadline_state (self->ctx, record));
}

static char *
notice_text (gconstpointer record,
           gpointer      data)
{
  const PdHandoverDefect *d = record;

  if (*d->notice_sent_at != '\0')
    /* Translators: when the rectification notice was sent (MM-DD HH:MM), and its number */
    return g_strdup_printf (C_("handover", "Sent %.11s, %s"), d->notice_sent_at + 5, d->notice_no);
  if (!g_str_equal (d->status, "open"))
    return g_strdup ("");
  /* Translators: when the rectification notice is due, as MM-DD HH:MM */
  return g_strdup_printf (C_("handover", "Due %.11s"), d->notice_due_at + 5);
}

static const char *
notice_class (gconstpointer record,
              gpointer      user_data)
{
  PdHandoverDefectsView *self = user_data;
  return due_class (pd_handover_defect_notice_state (self->ctx, record));
}

static char *
status_text (gconstpointer record,
           gpointer      data)
{
  const PdHandoverDefect *d = record;

  if (g_str_equal (d->status, "fixed"))
    /* Translators: %s is the date a defect was found fixed */
    return g_strdup_printf (C_("handover", "Fixed %s"), d->closed_on);
  if (d->reinspections > 0)
    /* Translators: a defect still open after %d failed re-inspections */
    return g_strdup_printf (C_("handover", "Open (%d×)"), d->reinspections);
  return g_strdup (C_("handover", "Open"));
}

static const char *
status_class (gconstpointer record,
              gpointer      user_data)
{
  return g_str_equal (((const PdHandoverDefect *) record)->status, "fixed") ? "done" : NULL;
}

static PdHandoverDefect *
selected_defect (PdHandoverDefectsView *self)
{
  PdRecordItem *item = gtk_single_selection_get_selected_item (self->selection);
  return item ? pd_record_item_get (item) : NULL;
}

static void
update_actions (PdHandoverDefectsView *self)
{
  PdHandoverDefect *defect = selected_defect (self);
  gboolean open_selected = defect != NULL && g_str_equal (defect->status, "open");
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  gboolean pending = FALSE;

  for (guint i = 0; i < n && !pending; i++)
    {
      g_autoptr (PdRecordItem) item = g_list_model_get_item (G_LIST_MODEL (self->store), i);
      PdHandoverDefect *d = pd_record_item_get (item);
      pending = g_str_equal (d->status, "open") && *d->notice_sent_at == '\0';
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "defects.add", g_strcmp0 (self->status, "in_progress") == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "defects.edit",
                                 open_selected && g_strcmp0 (self->status, "closed") != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "defects.reinspect",
                                 open_selected && g_strcmp0 (self->status, "defects_open") == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "defects.send-notice", pending);
}

static void
show_history (PdHandoverDefectsView *self)
{
  PdHandoverDefect *defect = selected_defect (self);
  g_autoptr (GPtrArray) history = NULL;
  g_autoptr (GString) text = g_string_new (NULL);

  update_actions (self);
  if (defect != NULL)
    history = pd_handover_reinspection_list (self->ctx, defect->id, NULL);
  for (guint i = 0; history != NULL && i < history->len; i++)
    {
      PdHandoverReinspection *r = history->pdata[i];
      if (text->len > 0)
        g_string_append (text, "\n");
      if (g_str_equal (r->result, "fixed"))
        /* Translators: date, inspector, note of a re-inspection */
        g_string_append_printf (text, C_("handover", "%s re-inspected by %s: fixed. %s"), r->inspected_on, r->inspector,
                                r->note);
      else
        /* Translators: date, inspector, new deadline, note */
        g_string_append_printf (text, C_("handover", "%s re-inspected by %s: not fixed, new deadline %s. %s"),
                                r->inspected_on, r->inspector, r->new_deadline, r->note);
    }
  gtk_label_set_text (self->history_label, text->str);
}

void
pd_handover_defects_view_load (PdHandoverDefectsView *self,
                               gint64                 handover_id,
                               const char            *status)
{
  g_autoptr (GPtrArray) defects = NULL;
  guint selected = gtk_single_selection_get_selected (self->selection);
  char *old_status = self->status;

  self->handover_id = handover_id;
  /* @status may be self->status itself (a reload): copy before freeing. */
  self->status = g_strdup (status);
  g_free (old_status);
  if (handover_id > 0 && self->ctx != NULL)
    defects = pd_handover_defect_list (self->ctx, handover_id, NULL);
  if (defects == NULL)
    defects = g_ptr_array_new_with_free_func ((GDestroyNotify) pd_handover_defect_free);
  pd_record_store_replace (self->store, defects, (GDestroyNotify) pd_handover_defect_free);
  if (selected != GTK_INVALID_LIST_POSITION && selected < g_list_model_get_n_items (G_LIST_MODEL (self->store)))
    gtk_single_selection_set_selected (self->selection, selected);
  show_history (self);
}

void
pd_handover_defects_view_select (PdHandoverDefectsView *self,
                                 guint                  position)
{
  gtk_single_selection_set_selected (self->selection, position);
  show_history (self);
}

char *
pd_handover_defects_view_get_summary (PdHandoverDefectsView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  guint open = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (PdRecordItem) item = g_list_model_get_item (G_LIST_MODEL (self->store), i);
      if (g_str_equal (((PdHandoverDefect *) pd_record_item_get (item))->status, "open"))
        open++;
    }
  return g_strdup_printf ("%u/%u", open, n);
}

static void
written (PdHandoverDefectsView *self)
{
  pd_handover_defects_view_load (self, self->handover_id, self->status);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
add_activated (GtkWidget  *widget,
               const char *action,
               GVariant   *parameter)
{
  PdHandoverDefectsView *self = PD_HANDOVER_DEFECTS_VIEW (widget);
  GtkWidget *dialog = pd_handover_defect_dialog_new (widget, self->ctx, self->handover_id, NULL,
                                                     G_CALLBACK (written), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
edit_activated (GtkWidget  *widget,
                const char *action,
                GVariant   *parameter)
{
  PdHandoverDefectsView *self = PD_HANDOVER_DEFECTS_VIEW (widget);
  PdHandoverDefect *defect = selected_defect (self);

  if (defect != NULL)
    gtk_window_present (GTK_WINDOW (pd_handover_defect_dialog_new (widget, self->ctx, self->handover_id, defect,
                                                                   G_CALLBACK (written), self)));
}

static void
reinspect_activated (GtkWidget  *widget,
                     const char *action,
                     GVariant   *parameter)
{
  PdHandoverDefectsView *self = PD_HANDOVER_DEFECTS_VIEW (widget);
  PdHandoverDefect *defect = selected_defect (self);

  if (defect != NULL)
    gtk_window_present (GTK_WINDOW (pd_handover_reinspect_dialog_new (widget, self->ctx, defect,
                                                                      G_CALLBACK (written), self)));
}

static void
send_notice_activated (GtkWidget  *widget,
                       const char *action,
                       GVariant   *parameter)
{
  PdHandoverDefectsView *self = PD_HANDOVER_DEFECTS_VIEW (widget);
  g_autoptr (GError) error = NULL;

  if (!pd_handover_send_notice (self->ctx, self->handover_id, NULL, &error))
    pd_show_error (widget, C_("handover", "The notice could not be recorded"), error);
  written (self);
}

static void
row_activated (PdHandoverDefectsView *self)
{
  if (g_strcmp0 (self->status, "defects_open") == 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "defects.reinspect", NULL);
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "defects.edit", NULL);
}

static void
pd_handover_defects_view_dispose (GObject *object)
{
  PdHandoverDefectsView *self = PD_HANDOVER_DEFECTS_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PD_TYPE_HANDOVER_DEFECTS_VIEW);
  g_clear_object (&self->selection);
  g_clear_object (&self->store);
  g_clear_object (&self->ctx);
  g_clear_pointer (&self->status, g_free);
  G_OBJECT_CLASS (pd_handover_defects_view_parent_class)->dispose (object);
}

static void
pd_handover_defects_view_class_init (PdHandoverDefectsViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = pd_handover_defects_view_dispose;
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/propdesk/PropDesk/ui/pd-handover-defects-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PdHandoverDefectsView, list);
  gtk_widget_class_bind_template_child (widget_class, PdHandoverDefectsView, history_label);
  gtk_widget_class_install_action (widget_class, "defects.add", NULL, add_activated);
  gtk_widget_class_install_action (widget_class, "defects.edit", NULL, edit_activated);
  gtk_widget_class_install_action (widget_class, "defects.reinspect", NULL, reinspect_activated);
  gtk_widget_class_install_action (widget_class, "defects.send-notice", NULL, send_notice_activated);
}

static void
pd_handover_defects_view_init (PdHandoverDefectsView *self)
{
  static const PdHandoverColumn columns[] = {
    { NC_("handover", "Room"), room_text, NULL, 60 },
    { NC_("handover", "What is wrong"), description_text, NULL, 0 },
    { NC_("handover", "Responsible"), responsible_text, NULL, 100 },
    { NC_("handover", "Deadline"), deadline_text, deadline_class, 88 },
    { NC_("handover", "Notice to contractor"), notice_text, notice_class, 170 },
    { NC_("handover", "State"), status_text, status_class, 80 },
  };
  gtk_widget_init_template (GTK_WIDGET (self));
  self->store = g_list_store_new (PD_TYPE_RECORD_ITEM);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->store)));
  gtk_column_view_set_model (self->list, GTK_SELECTION_MODEL (self->selection));
  pd_handover_columns_append (self->list, columns, G_N_ELEMENTS (columns), self);
  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (show_history), self);
  g_signal_connect_swapped (self->list, "activate", G_CALLBACK (row_activated), self);
}

void
pd_handover_defects_view_set_context (PdHandoverDefectsView *self,
                                      PdContext             *ctx)
{
  g_set_object (&self->ctx, ctx);
}
