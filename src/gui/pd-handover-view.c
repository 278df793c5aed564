/* pd-handover-view.c — see pd-handover-view.h. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-calendar.h"
#include "pd-context-watch.h"
#include "pd-handover.h"
#include "pd-handover-defect.h"
#include "pd-handover-editor.h"
#include "pd-record-item.h"
#include "pd-handover-columns.h"
#include "pd-handover-list.h"
#include "pd-handover-output.h"
#include "pd-handover-start-dialog.h"
#include "pd-handover-template-dialog.h"
#include "pd-handover-view.h"

#define N_MONTHS 12

struct _PdHandoverView
{
  GtkBox              parent_instance;
  PdContext          *ctx;
  GListStore         *store;
  GtkSingleSelection *selection;
  char               *months[N_MONTHS + 1];  /* first days; [0] = all */

  GtkSearchEntry     *search_entry;
  GtkDropDown        *status_dropdown;
  GtkDropDown        *month_dropdown;
  GtkCheckButton     *attention_check;
  GtkColumnView      *list;
  GtkLabel           *summary_label;
  PdHandoverEditor   *editor;
};

G_DEFINE_FINAL_TYPE (PdHandoverView, pd_handover_view, GTK_TYPE_BOX)

static const char *const status_filters[] = { NULL, "open", "in_progress", "inspected", "defects_open", "closed" };

static char *
unit_text (gconstpointer record,
           gpointer      data)
{
  return g_strdup (((const PdHandoverRow *) record)->unit_code);
}

static char *
owner_text (gconstpointer record,
           gpointer      data)
{
  return g_strdup (((const PdHandoverRow *) record)->owner_name);
}

static char *
day_text (gconstpointer record,
           gpointer      data)
{
  return g_strdup (((const PdHandoverRow *) record)->handover_on);
}

static char *
status_text (gconstpointer record,
           gpointer      data)
{
  return g_strdup (pd_handover_status_label (((const PdHandoverRow *) record)->status));
}

static const char *
status_class (gconstpointer record,
              gpointer      user_data)
{
  return g_str_equal (((const PdHandoverRow *) record)->status, "closed") ? "done" : NULL;
}

static char *
checks_text (gconstpointer record,
           gpointer      data)
{
  const PdHandoverRow *row = record;
  return g_strdup_printf ("%d/%d", row->checks_done, row->checks_total);
}

static char *
defects_text (gconstpointer record,
           gpointer      data)
{
  const PdHandoverRow *row = record;

  if (row->defects_total == 0)
    return g_strdup ("—");
  return g_strdup_printf ("%d/%d", row->defects_open, row->defects_total);
}

static char *
deadline_text (gconstpointer record,
           gpointer      data)
{
  return g_strdup (((const PdHandoverRow *) record)->next_deadline);
}

/* A stand-in defect, so the list judges due dates exactly as the core. */
static PdDueState
row_due_state (PdContext  *ctx,
               const char *deadline,
               const char *notice_due)
{
  g_autoptr (PdHandoverDefect) probe = pd_handover_defect_new ();
  PdDueState state;

  g_free (probe->deadline);
  probe->deadline = g_strdup (deadline);
  g_free (probe->notice_due_at);
  probe->notice_due_at = g_strdup (notice_due);
  if (notice_due != NULL)
    return pd_handover_defect_notice_state (ctx, probe);
  state = pd_handover_defect_deadline_state (ctx, probe);
  return state;
}

static const char *
due_class (PdDueState state)
{
  return state == PD_DUE_OVERDUE ? "overdue" : state == PD_DUE_SOON ? "due-soon" : NULL;
}

static const char *
deadline_class (gconstpointer record,
                gpointer      user_data)
{
  PdHandoverView *self = user_data;
  const PdHandoverRow *row = record;

  if (*row->next_deadline == '\0')
    return NULL;
  return due_class (row_due_state (self->ctx, row->next_deadline, NULL));
}

static char *
notice_text (gconstpointer record,
           gpointer      data)
{
  const PdHandoverRow *row = record;

  if (row->notices_overdue > 0)
    /* Translators: number of defects whose written notice is late */
    return g_strdup_printf (C_("handover", "%d late"), row->notices_overdue);
  if (row->notices_pending > 0)
    /* Translators: when the next rectification notice is due, as MM-DD HH:MM */
    return g_strdup_printf (C_("handover", "Due %.11s"), row->next_notice_due + 5);
  return g_strdup ("");
}

static const char *
notice_class (gconstpointer record,
              gpointer      user_data)
{
  PdHandoverView *self = user_data;
  const PdHandoverRow *row = record;

  if (row->notices_pending == 0)
    return NULL;
  return due_class (row_due_state (self->ctx, "", row->next_notice_due));
}

static gint64
selected_id (PdHandoverView *self)
{
  PdRecordItem *item = gtk_single_selection_get_selected_item (self->selection);
  return item ? ((PdHandoverRow *) pd_record_item_get (item))->id : 0;
}

static void
select_id (PdHandoverView *self,
           gint64          id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (PdRecordItem) item = g_list_model_get_item (G_LIST_MODEL (self->store), i);
      if (((PdHandoverRow *) pd_record_item_get (item))->id == id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return;
        }
    }
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}

static void
update_summary (PdHandoverView *self,
                GPtrArray      *rows)
{
  int open = 0, late = 0, overdue = 0;
  g_autofree char *text = NULL;

  for (guint i = 0; i < rows->len; i++)
    {
      PdHandoverRow *row = rows->pdata[i];
      open += row->defects_open;
      late += row->notices_overdue;
      overdue += row->deadlines_overdue;
    }
  /* Translators: counts under the handover list */
  text = g_strdup_printf (C_("handover", "%u handovers · %d defects open · %d notices late · %d deadlines passed"),
                          rows->len, open, late, overdue);
  gtk_label_set_text (self->summary_label, text);
}

static void
update_actions (PdHandoverView *self)
{
  gboolean chosen = pd_handover_editor_get_handover_id (self->editor) > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "handover.print", chosen);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "handover.pdf", chosen);
}

/* The month filter as a range of handover days; @before holds the string
 * filter->before_day points to. */
static void
month_range (PdHandoverView   *self,
             PdHandoverFilter *filter,
             char            **before)
{
  guint month = gtk_drop_down_get_selected (self->month_dropdown);

  if (month == 0 || month > N_MONTHS)
    return;
  filter->from_day = self->months[month];
  /* The first day of the next month: 40 days on is always in it. */
  *before = month == 1 ? pd_date_add_days (self->months[1], 40) : g_strdup (self->months[month - 1]);
  (*before)[8] = '0';
  (*before)[9] = '1';
  filter->before_day = *before;
}

void
pd_handover_view_reload (PdHandoverView *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autofree char *before = NULL;
  gint64 keep = pd_handover_editor_get_handover_id (self->editor);
  PdHandoverFilter filter = { 0 };

  filter.status = status_filters[MIN (gtk_drop_down_get_selected (self->status_dropdown),
                                      G_N_ELEMENTS (status_filters) - 1)];
  filter.search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  filter.attention = gtk_check_button_get_active (self->attention_check);
  month_range (self, &filter, &before);
  rows = pd_handover_list (self->ctx, &filter, &error);
  if (rows == NULL)
    {
      gtk_label_set_text (self->summary_label, error->message);
      return;
    }
  update_summary (self, rows);
  pd_record_store_replace (self->store, rows, (GDestroyNotify) pd_handover_row_free);
  select_id (self, keep);
  update_actions (self);
}

/* (Filling the filters at construction: nothing is read before the tab shows.) */
static void
filters_changed (PdHandoverView *self)
{
  if (self->ctx != NULL && !pd_context_watch_postpone (self))
    pd_handover_view_reload (self);
}

static void
selection_changed (PdHandoverView *self)
{
  gint64 id = selected_id (self);

  /* A reload re-selects the handover being edited: keep what is typed. */
  if (id != 0 && id != pd_handover_editor_get_handover_id (self->editor))
    pd_handover_editor_load (self->editor, id);
  update_actions (self);
}

void
pd_handover_view_show (PdHandoverView *self,
                       gint64          handover_id)
{
  pd_handover_editor_load (self->editor, handover_id);
  /* The list read now, with that handover: the tab may never have been shown. */
  pd_context_watch_read (self);
}

static void
started (PdHandoverView *self,
         gint64          id)
{
  /* The new handover must be visible whatever the filters said. */
  gtk_drop_down_set_selected (self->status_dropdown, 0);
  gtk_drop_down_set_selected (self->month_dropdown, 0);
  gtk_check_button_set_active (self->attention_check, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  pd_handover_view_show (self, id);
}

static void
new_activated (GtkWidget  *widget,
               const char *action,
               GVariant   *parameter)
{
  PdHandoverView *self = PD_HANDOVER_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  PdHandoverStartDialog *dialog = pd_handover_start_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                                self->ctx);

  g_signal_connect_object (dialog, "started", G_CALLBACK (started), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
template_activated (GtkWidget  *widget,
                    const char *action,
                    GVariant   *parameter)
{
  PdHandoverView *self = PD_HANDOVER_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  gtk_window_present (GTK_WINDOW (pd_handover_template_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                                   self->ctx)));
}

static void
print_activated (GtkWidget  *widget,
                 const char *action,
                 GVariant   *parameter)
{
  PdHandoverView *self = PD_HANDOVER_VIEW (widget);
  gint64 id = pd_handover_editor_get_handover_id (self->editor);
  PdHandoverForm form;

  if (id == 0 || !pd_handover_form_from_name (g_variant_get_string (parameter, NULL), &form))
    return;
  if (g_str_equal (action, "handover.pdf"))
    pd_handover_output_save_pdf (widget, self->ctx, id, form);
  else
    pd_handover_output_print (widget, self->ctx, id, form);
}

/* The register of the month chosen in the filter, or of all months. */
static void
export_activated (GtkWidget  *widget,
                  const char *action,
                  GVariant   *parameter)
{
  PdHandoverView *self = PD_HANDOVER_VIEW (widget);
  PdHandoverFilter filter = { 0 };
  g_autofree char *before = NULL;

  month_range (self, &filter, &before);
  pd_handover_output_export (widget, self->ctx, filter.from_day, filter.before_day);
}

static void
find_activated (GtkWidget  *widget,
                const char *action,
                GVariant   *parameter)
{
  gtk_widget_grab_focus (GTK_WIDGET (PD_HANDOVER_VIEW (widget)->search_entry));
}

static void
editor_deleted (PdHandoverView *self)
{
  pd_handover_view_reload (self);
}

static void
build_filters (PdHandoverView *self)
{
  const char *statuses[G_N_ELEMENTS (status_filters) + 1] = { NULL };
  const char *months[N_MONTHS + 2] = { NULL };
  g_autoptr (GtkStringList) status_list = NULL;
  g_autoptr (GtkStringList) month_list = NULL;
  g_autoptr (GDateTime) now = pd_context_now (self->ctx);
  int year = g_date_time_get_year (now), month = g_date_time_get_month (now);

  statuses[0] = C_("handover", "All statuses");
  statuses[1] = C_("handover", "Not closed");
  for (guint i = 2; i < G_N_ELEMENTS (status_filters); i++)
    statuses[i] = pd_handover_status_label (status_filters[i]);
  status_list = gtk_string_list_new (statuses);
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (status_list));

  months[0] = C_("handover", "All months");
  self->months[0] = NULL;
  for (guint i = 1; i <= N_MONTHS; i++)
    {
      self->months[i] = g_strdup_printf ("%04d-%02d-01", year, month);
      months[i] = self->months[i];
      if (--month == 0)
        {
          month = 12;
          year--;
        }
    }
  month_list = gtk_string_list_new (months);
  /* Shown as YYYY-MM: the first day is for the query. */
  for (guint i = 1; i <= N_MONTHS; i++)
    {
      g_autofree char *label = g_strndup (self->months[i], 7);
      gtk_string_list_splice (month_list, i, 1, (const char *const[]) { label, NULL });
    }
  gtk_drop_down_set_model (self->month_dropdown, G_LIST_MODEL (month_list));
}

static void
pd_handover_view_dispose (GObject *object)
{
  PdHandoverView *self = PD_HANDOVER_VIEW (object);

  pd_context_unwatch (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), PD_TYPE_HANDOVER_VIEW);
  g_clear_object (&self->selection);
  g_clear_object (&self->store);
  g_clear_object (&self->ctx);
  for (guint i = 0; i <= N_MONTHS; i++)
    g_clear_pointer (&self->months[i], g_free);
  G_OBJECT_CLASS (pd_handover_view_parent_class)->dispose (object);
}

static void
pd_handover_view_class_init (PdHandoverViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = pd_handover_view_dispose;
  g_type_ensure (PD_TYPE_HANDOVER_EDITOR);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/propdesk/PropDesk/ui/pd-handover-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PdHandoverView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PdHandoverView, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PdHandoverView, month_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PdHandoverView, attention_check);
  gtk_widget_class_bind_template_child (widget_class, PdHandoverView, list);
  gtk_widget_class_bind_template_child (widget_class, PdHandoverView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, PdHandoverView, editor);
  gtk_widget_class_bind_template_callback (widget_class, filters_changed);
  gtk_widget_class_install_action (widget_class, "handover.new", NULL, new_activated);
  gtk_widget_class_install_action (widget_class, "handover.template", NULL, template_activated);
  gtk_widget_class_install_action (widget_class, "handover.find", NULL, find_activated);
  gtk_widget_class_install_action (widget_class, "handover.print", "s", print_activated);
  gtk_widget_class_install_action (widget_class, "handover.pdf", "s", print_activated);
  gtk_widget_class_install_action (widget_class, "handover.export", NULL, export_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "handover.print", "s",
                                       "acceptance");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "handover.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "handover.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "handover.find", NULL);
}

static void
pd_handover_view_init (PdHandoverView *self)
{
  static const PdHandoverColumn columns[] = {
    { NC_("handover", "Unit"), unit_text, NULL, 80 },
    { NC_("handover", "Owner"), owner_text, NULL, 0 },
    { NC_("handover", "Handover date"), day_text, NULL, 88 },
    { NC_("handover", "Status"), status_text, status_class, 60 },
    { NC_("handover", "Checked"), checks_text, NULL, 52 },
    { NC_("handover", "Defects"), defects_text, NULL, 62 },
    { NC_("handover", "Next deadline"), deadline_text, deadline_class, 88 },
    { NC_("handover", "Notice"), notice_text, notice_class, 92 },
  };
  gtk_widget_init_template (GTK_WIDGET (self));
  self->store = g_list_store_new (PD_TYPE_RECORD_ITEM);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->store)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_column_view_set_model (self->list, GTK_SELECTION_MODEL (self->selection));
  pd_handover_columns_append (self->list, columns, G_N_ELEMENTS (columns), self);
  g_signal_connect_swapped (self->selection, "notify::selected-item", G_CALLBACK (selection_changed), self);
  g_signal_connect_swapped (self->editor, "deleted", G_CALLBACK (editor_deleted), self);
}

PdHandoverView *
pd_handover_view_new (PdContext *ctx)
{
  PdHandoverView *self = g_object_new (PD_TYPE_HANDOVER_VIEW, NULL);

  self->ctx = g_object_ref (ctx);
  /* Every core write ends in a "changed" signal; several in a row reload
   * once.  Watched first: filling the filters must read nothing. */
  pd_context_watch_lazily (ctx, GTK_WIDGET (self), (const char *const[]) { "", NULL },
                           (PdContextWatchFunc) pd_handover_view_reload);
  build_filters (self);
  pd_handover_editor_set_context (self->editor, ctx);
  return self;
}
