/* pd-patrol-view.c — see pd-patrol-view.h. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pd-application.h"
#include "pd-context-watch.h"
#include "pd-key-register-page.h"
#include "pd-patrol-anomaly-list.h"
#include "pd-patrol-checklist.h"
#include "pd-patrol-output.h"
#include "pd-patrol-round-window.h"
#include "pd-patrol-vacancy.h"
#include "pd-patrol-view.h"
#include "pd-patrol.h"
#include "pd-record-item.h"
#include "pd-record-selection.h"
#include "pd-settings.h"
#include "pd-text-column.h"

struct _PdPatrolView
{
  GtkWidget           parent_instance;
  PdContext          *ctx;
  GPtrArray          *buildings;      /* PdPatrolBuilding, entry i+1 of the drop-down */
  GListStore         *units;
  GtkSingleSelection *selection;
  GListStore         *history;
  GtkSingleSelection *history_selection;
  int                 due_soon_days;
  gboolean            filled;         /* the building filter read (at the first show) */
  GtkWidget          *anomalies;
  GtkWidget          *keys;

  GtkSearchEntry     *search_entry;
  GtkDropDown        *building_dropdown;
  GtkDropDown        *status_dropdown;
  GtkLabel           *count_label;
  GtkDropDown        *month_dropdown;
  GtkMenuButton      *print_button;
  GtkStack           *stack;
  GtkColumnView      *list_view;
  GtkLabel           *history_title;
  GtkColumnView      *history_view;
  GtkBox             *anomalies_box;
  GtkBox             *keys_box;
};

G_DEFINE_FINAL_TYPE (PdPatrolView, pd_patrol_view, GTK_TYPE_WIDGET)

/* ---- cells --------------------------------------------------------------- */

#define VACANT(record) ((const PdVacantUnit *) (record))

static char *
unit_text (gconstpointer record, gpointer data)
{
  return g_strdup (VACANT (record)->unit_code);
}

static char *
since_text (gconstpointer record, gpointer data)
{
  return g_strdup (VACANT (record)->vacant_since);
}

static char *
last_text (gconstpointer record, gpointer data)
{
  return g_strdup (*VACANT (record)->last_patrol ? VACANT (record)->last_patrol : C_("patrol", "Never"));
}

static char *
inspector_text (gconstpointer record, gpointer data)
{
  return g_strdup (VACANT (record)->last_inspector);
}

static char *
due_text (gconstpointer record, gpointer data)
{
  return g_strdup (VACANT (record)->next_due);
}

static char *
status_text (gconstpointer record, gpointer data)
{
  const PdVacantUnit *unit = record;

  if (unit->status == PD_PATROL_STATUS_OVERDUE)
    /* Translators: a patrol overdue by %d days */
    return g_strdup_printf (_("Overdue %d d"), -unit->days_to_due);
  return g_strdup (pd_patrol_status_label (unit->status));
}

static const char *
status_style (gconstpointer record, gpointer data)
{
  const PdPatrolView *self = data;
  const PdVacantUnit *unit = record;

  switch (unit->status)
    {
    case PD_PATROL_STATUS_OVERDUE:
      return "overdue";
    case PD_PATROL_STATUS_DUE:
      return unit->days_to_due <= self->due_soon_days ? "due-soon" : NULL;
    case PD_PATROL_STATUS_DONE:
    default:
      return "done";
    }
}

static char *
anomalies_text (gconstpointer record, gpointer data)
{
  int n = VACANT (record)->open_anomalies;
  return n > 0 ? g_strdup_printf ("%d", n) : g_strdup ("");
}

static char *
keys_text (gconstpointer record, gpointer data)
{
  const PdVacantUnit *unit = record;

  if (unit->keys_held == 0)
    return g_strdup (C_("patrol", "None"));
  if (unit->keys_out > 0)
    /* Translators: keys on the register, of which some are out */
    return g_strdup_printf (_("%d (%d out)"), unit->keys_held, unit->keys_out);
  return g_strdup_printf ("%d", unit->keys_held);
}

#define PATROL(record) ((const PdPatrol *) (record))

static char *
history_day_text (gconstpointer record, gpointer data)
{
  return g_strdup (PATROL (record)->patrolled_on);
}

static char *
history_inspector_text (gconstpointer record, gpointer data)
{
  return g_strdup (PATROL (record)->inspector);
}

static char *
history_result_text (gconstpointer record, gpointer data)
{
  const PdPatrol *patrol = record;
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; i < patrol->items->len; i++)
    {
      const PdPatrolItem *item = patrol->items->pdata[i];
      if (item->problem)
        g_string_append_printf (text, "%s%s", text->len ? "、" : "", pd_patrol_item_label (item->item));
    }
  if (*patrol->note)
    g_string_append_printf (text, "%s%s", text->len ? "；" : "", patrol->note);
  return text->len ? g_string_free (g_steal_pointer (&text), FALSE) : g_strdup (C_("patrol", "All OK"));
}

static const char *
history_result_style (gconstpointer record, gpointer data)
{
  const PdPatrol *patrol = record;

  for (guint i = 0; i < patrol->items->len; i++)
    if (((const PdPatrolItem *) patrol->items->pdata[i])->problem)
      return "due-soon";
  return NULL;
}

/* ---- lists ----------------------------------------------------------------- */

static const PdVacantUnit *
selected_unit (PdPatrolView *self)
{
  return pd_record_selection_get (self->selection);
}

static gint64
unit_id (gconstpointer record)
{
  return VACANT (record)->unit_id;
}

static void
show_history (PdPatrolView *self)
{
  const PdVacantUnit *unit = selected_unit (self);
  g_autoptr (GPtrArray) patrols = unit ? pd_patrol_list_for_unit (self->ctx, unit->unit_id, NULL) : NULL;
  g_autofree char *title = NULL;

  if (patrols == NULL)
    patrols = g_ptr_array_new ();
  /* Translators: heading of a unit's patrol history */
  title = unit ? g_strdup_printf (_("Patrols of %s"), unit->unit_code) : g_strdup (C_("patrol", "Patrols"));
  gtk_label_set_text (self->history_title, title);
  pd_record_store_replace (self->history, patrols, (GDestroyNotify) pd_patrol_free);
}

static gboolean
unit_matches (PdPatrolView       *self,
              const PdVacantUnit *unit)
{
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  guint status = gtk_drop_down_get_selected (self->status_dropdown);

  if (*search != '\0' && strstr (unit->unit_code, search) == NULL)
    return FALSE;
  /* Drop-down entries: all, overdue, due, done. */
  return status == 0 || status == GTK_INVALID_LIST_POSITION ||
         (status == 1 && unit->status == PD_PATROL_STATUS_OVERDUE) ||
         (status == 2 && unit->status == PD_PATROL_STATUS_DUE) ||
         (status == 3 && unit->status == PD_PATROL_STATUS_DONE);
}

static void
refresh (PdPatrolView *self)
{
  guint building = gtk_drop_down_get_selected (self->building_dropdown);
  gint64 building_id = building > 0 && building <= self->buildings->len
                         ? ((PdPatrolBuilding *) self->buildings->pdata[building - 1])->id : 0;
  const PdVacantUnit *selected = selected_unit (self);
  gint64 keep = selected ? selected->unit_id : 0;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) all = pd_patrol_list_vacant (self->ctx, building_id, &error);
  g_autoptr (GPtrArray) shown = g_ptr_array_new ();
  int counts[3] = { 0 };
  g_autofree char *count = NULL;

  if (all == NULL)
    {
      pd_show_error (GTK_WIDGET (self), _("The vacant units could not be read"), error);
      return;
    }
  self->due_soon_days = (int) pd_settings_get_int (self->ctx, "patrol.due_soon_days", 3);
  for (guint i = 0; i < all->len; i++)
    {
      PdVacantUnit *unit = all->pdata[i];

      counts[unit->status]++;
      if (unit_matches (self, unit))
        g_ptr_array_add (shown, g_ptr_array_steal_index (all, i--));
    }
  /* Translators: vacant units, then how many are overdue, due this period and done */
  count = g_strdup_printf (_("%d vacant units · %d overdue · %d due · %d done"),
                           counts[0] + counts[1] + counts[2], counts[PD_PATROL_STATUS_OVERDUE],
                           counts[PD_PATROL_STATUS_DUE], counts[PD_PATROL_STATUS_DONE]);
  gtk_label_set_text (self->count_label, count);
  pd_record_store_replace (self->units, shown, (GDestroyNotify) pd_vacant_unit_free);
  pd_record_selection_select (self->selection, unit_id, keep);
  show_history (self);
}

/* A hidden tab reads the units when it is shown again. */
static void
filter_changed (PdPatrolView *self)
{
  if (!pd_context_watch_postpone (self))
    refresh (self);
}

static void
fill_buildings (PdPatrolView *self)
{
  g_autoptr (GStrvBuilder) labels = g_strv_builder_new ();
  g_auto (GStrv) strings = NULL;
  g_autoptr (GtkStringList) model = NULL;
  g_autoptr (GPtrArray) buildings = pd_patrol_list_buildings (self->ctx, NULL);

  g_strv_builder_add (labels, _("All buildings"));
  g_ptr_array_set_size (self->buildings, 0);
  for (guint i = 0; buildings != NULL && i < buildings->len; i++)
    {
      PdPatrolBuilding *building = buildings->pdata[i];
      g_autofree char *label = NULL;

      if (building->vacant_units == 0)
        continue;
      /* Translators: a building in the filter: its code */
      label = g_strdup_printf (_("Building %s"), building->code);
      g_strv_builder_add (labels, label);
      g_ptr_array_add (self->buildings, g_ptr_array_steal_index (buildings, i--));
    }
  strings = g_strv_builder_end (labels);
  model = gtk_string_list_new ((const char *const *) strings);
  gtk_drop_down_set_model (self->building_dropdown, G_LIST_MODEL (model));
}

/* What the tab reads when it is shown (pd_context_watch_lazily): the
 * buildings of the filter the first time, then the units. */
static void
load (PdPatrolView *self)
{
  if (!self->filled)
    {
      self->filled = TRUE;
      /* Choosing "All buildings" in the new model is not a filter change. */
      g_signal_handlers_block_by_func (self->building_dropdown, filter_changed, self);
      fill_buildings (self);
      g_signal_handlers_unblock_by_func (self->building_dropdown, filter_changed, self);
    }
  refresh (self);
}

/* ---- actions --------------------------------------------------------------- */

static void
search_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PdPatrolView *self = PD_PATROL_VIEW (widget);

  gtk_stack_set_visible_child_name (self->stack, "units");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
round_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PdPatrolView *self = PD_PATROL_VIEW (widget);
  guint building = gtk_drop_down_get_selected (self->building_dropdown);
  const PdVacantUnit *unit = selected_unit (self);
  gint64 building_id = building > 0 && building <= self->buildings->len
                         ? ((PdPatrolBuilding *) self->buildings->pdata[building - 1])->id
                         : unit ? unit->building_id : 0;

  gtk_window_present (GTK_WINDOW (pd_patrol_round_window_new (widget, self->ctx, building_id)));
}

static void
report_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PdPatrolView *self = PD_PATROL_VIEW (widget);
  const PdVacantUnit *unit = selected_unit (self);

  pd_patrol_anomaly_list_report (PD_PATROL_ANOMALY_LIST (self->anomalies), unit ? unit->unit_code : NULL);
}

static const char *
selected_month (PdPatrolView *self)
{
  GtkStringObject *month = gtk_drop_down_get_selected_item (self->month_dropdown);
  return month ? gtk_string_object_get_string (month) : NULL;
}

/* The building of the round sheet: the one filtered on, else the selected
 * unit's; 0 when neither. */
static gint64
chosen_building (PdPatrolView *self)
{
  guint building = gtk_drop_down_get_selected (self->building_dropdown);
  const PdVacantUnit *unit = selected_unit (self);

  if (building > 0 && building <= self->buildings->len)
    return ((PdPatrolBuilding *) self->buildings->pdata[building - 1])->id;
  return unit ? unit->building_id : 0;
}

static void
print_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PdPatrolView *self = PD_PATROL_VIEW (widget);
  PdPatrolPrintout form;
  const PdPatrol *patrol = pd_record_selection_get (self->history_selection);
  gint64 id = 0;
  const char *missing = NULL;

  if (!pd_patrol_printout_from_name (g_variant_get_string (parameter, NULL), &form))
    return;
  switch (form)
    {
    case PD_PATROL_PRINTOUT_SHEET:
      id = chosen_building (self);
      missing = _("Choose a building, or a unit of it, first.");
      break;
    case PD_PATROL_PRINTOUT_RECORD:
      id = patrol ? patrol->id : 0;
      missing = _("Choose a unit and one of its patrols first.");
      break;
    case PD_PATROL_PRINTOUT_NOTICE:
      id = pd_patrol_anomaly_list_get_selected (PD_PATROL_ANOMALY_LIST (self->anomalies));
      missing = _("Choose an anomaly on the Anomalies page first.");
      break;
    case PD_PATROL_PRINTOUT_SUMMARY:
    default:
      id = -1;
      break;
    }
  if (id == 0)
    {
      pd_show_error (widget, missing, NULL);
      return;
    }
  pd_patrol_output_print (widget, self->ctx, form, id, selected_month (self),
                          g_str_equal (action_name, "patrol.pdf"));
}

static void
export_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PdPatrolView *self = PD_PATROL_VIEW (widget);
  const char *month = selected_month (self);

  if (month != NULL)
    pd_patrol_output_export (widget, self->ctx, month);
}

/* This month and the eleven before it, newest first. */
static void
fill_months (PdPatrolView *self)
{
  g_autoptr (GDateTime) now = pd_context_now (self->ctx);
  g_autoptr (GtkStringList) months = gtk_string_list_new (NULL);

  for (int i = 0; i < 12; i++)
    {
      g_autoptr (GDateTime) month = g_date_time_add_months (now, -i);
      g_autofree char *text = g_date_time_format (month, "%Y-%m");
      gtk_string_list_append (months, text);
    }
  gtk_drop_down_set_model (self->month_dropdown, G_LIST_MODEL (months));
}

static void
print_menu_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  gtk_menu_button_popup (PD_PATROL_VIEW (widget)->print_button);
}

/* ---- object ---------------------------------------------------------------- */

static void
pd_patrol_view_dispose (GObject *object)
{
  PdPatrolView *self = PD_PATROL_VIEW (object);
  GtkWidget *child;

  pd_context_unwatch (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), PD_TYPE_PATROL_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->buildings, g_ptr_array_unref);
  g_clear_object (&self->units);
  g_clear_object (&self->history);
  g_clear_object (&self->ctx);
  G_OBJECT_CLASS (pd_patrol_view_parent_class)->dispose (object);
}

static void
pd_patrol_view_class_init (PdPatrolViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = pd_patrol_view_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/org/propdesk/PropDesk/ui/pd-patrol-view.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, PdPatrolView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PdPatrolView, building_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PdPatrolView, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PdPatrolView, count_label);
  gtk_widget_class_bind_template_child (widget_class, PdPatrolView, month_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PdPatrolView, print_button);
  gtk_widget_class_bind_template_child (widget_class, PdPatrolView, stack);
  gtk_widget_class_bind_template_child (widget_class, PdPatrolView, list_view);
  gtk_widget_class_bind_template_child (widget_class, PdPatrolView, history_title);
  gtk_widget_class_bind_template_child (widget_class, PdPatrolView, history_view);
  gtk_widget_class_bind_template_child (widget_class, PdPatrolView, anomalies_box);
  gtk_widget_class_bind_template_child (widget_class, PdPatrolView, keys_box);
  gtk_widget_class_install_action (widget_class, "patrol.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "patrol.round", NULL, round_action);
  gtk_widget_class_install_action (widget_class, "patrol.report", NULL, report_action);
  gtk_widget_class_install_action (widget_class, "patrol.print-menu", NULL, print_menu_action);
  gtk_widget_class_install_action (widget_class, "patrol.print", "s", print_action);
  gtk_widget_class_install_action (widget_class, "patrol.pdf", "s", print_action);
  gtk_widget_class_install_action (widget_class, "patrol.export", NULL, export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "patrol.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "patrol.round", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "patrol.print-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "patrol.export", NULL);
}

static void
add_column (GtkColumnView       *view,
            GtkColumnViewColumn *column)
{
  gtk_column_view_append_column (view, column);
  g_object_unref (column);
}

static void
pd_patrol_view_init (PdPatrolView *self)
{
  const char *const statuses[] = { _("All statuses"), pd_patrol_status_label (PD_PATROL_STATUS_OVERDUE),
                                   pd_patrol_status_label (PD_PATROL_STATUS_DUE),
                                   pd_patrol_status_label (PD_PATROL_STATUS_DONE), NULL };
  g_autoptr (GtkStringList) status_model = gtk_string_list_new (statuses);

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  self->buildings = g_ptr_array_new_with_free_func ((GDestroyNotify) pd_patrol_building_free);
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (status_model));
  {
    g_autoptr (GMenuModel) print_menu = pd_patrol_output_print_menu ();
    gtk_menu_button_set_menu_model (self->print_button, print_menu);
  }

  self->units = g_list_store_new (PD_TYPE_RECORD_ITEM);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->units)));
  gtk_column_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  g_object_unref (self->selection);
  add_column (self->list_view, pd_text_column_new (C_("patrol", "Unit"), unit_text, NULL, self, 0, 86));
  add_column (self->list_view, pd_text_column_new (_("Vacant since"), since_text, NULL, self, 0, 96));
  add_column (self->list_view, pd_text_column_new (_("Last patrol"), last_text, NULL, self, 0, 96));
  add_column (self->list_view, pd_text_column_new (C_("patrol", "By"), inspector_text, NULL, self, 0, 72));
  add_column (self->list_view, pd_text_column_new (_("Next due"), due_text, status_style, self, 0, 96));
  add_column (self->list_view, pd_text_column_new (C_("patrol", "Status"), status_text, status_style, self, 0, 0));
  add_column (self->list_view, pd_text_column_new (_("Open anomalies"), anomalies_text, NULL, self, 1, 96));
  add_column (self->list_view, pd_text_column_new (C_("patrol", "Keys"), keys_text, NULL, self, 0, 80));

  self->history = g_list_store_new (PD_TYPE_RECORD_ITEM);
  /* A patrol chosen in the history is the one "Patrol record" prints. */
  self->history_selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->history)));
  gtk_column_view_set_model (self->history_view, GTK_SELECTION_MODEL (self->history_selection));
  g_object_unref (self->history_selection);
  add_column (self->history_view, pd_text_column_new (C_("patrol", "Date"), history_day_text, NULL, self, 0, 88));
  add_column (self->history_view, pd_text_column_new (C_("patrol", "Inspector"), history_inspector_text, NULL, self, 0, 64));
  add_column (self->history_view, pd_text_column_new (C_("patrol", "Result"), history_result_text, history_result_style,
                                                      self, 0, 0));

  g_signal_connect_swapped (self->selection, "selection-changed", G_CALLBACK (show_history), self);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (filter_changed), self);
  g_signal_connect_swapped (self->building_dropdown, "notify::selected", G_CALLBACK (filter_changed), self);
  g_signal_connect_swapped (self->status_dropdown, "notify::selected", G_CALLBACK (filter_changed), self);
}

GtkWidget *
pd_patrol_view_new (PdContext *ctx)
{
  PdPatrolView *self = g_object_new (PD_TYPE_PATROL_VIEW, NULL);

  g_return_val_if_fail (PD_IS_CONTEXT (ctx), NULL);
  self->ctx = g_object_ref (ctx);
  self->anomalies = pd_patrol_anomaly_list_new (ctx);
  gtk_widget_set_vexpand (self->anomalies, TRUE);
  gtk_widget_set_hexpand (self->anomalies, TRUE);
  gtk_box_append (self->anomalies_box, self->anomalies);
  self->keys = pd_key_register_page_new (ctx);
  gtk_widget_set_vexpand (self->keys, TRUE);
  gtk_widget_set_hexpand (self->keys, TRUE);
  gtk_box_append (self->keys_box, self->keys);
  fill_months (self);
  pd_context_watch_lazily (ctx, GTK_WIDGET (self), (const char *const[]) { "patrol", "unit", "setting", NULL },
                           (PdContextWatchFunc) load);
  return GTK_WIDGET (self);
}

void
pd_patrol_view_show_unit (PdPatrolView *self,
                          gint64        wanted)
{
  g_return_if_fail (PD_IS_PATROL_VIEW (self));
  gtk_stack_set_visible_child_name (self->stack, "units");
  /* A filter could hide the unit: show them all. */
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->building_dropdown, 0);
  gtk_drop_down_set_selected (self->status_dropdown, 0);
  pd_context_watch_read (self);
  pd_record_selection_select (self->selection, unit_id, wanted);
  show_history (self);
}

void
pd_patrol_view_show_anomaly (PdPatrolView *self,
                             gint64        anomaly_id)
{
  g_return_if_fail (PD_IS_PATROL_VIEW (self));
  gtk_stack_set_visible_child_name (self->stack, "anomalies");
  pd_patrol_anomaly_list_select (PD_PATROL_ANOMALY_LIST (self->anomalies), anomaly_id);
}

void
pd_patrol_view_show_loan (PdPatrolView *self,
                          gint64        loan_id)
{
  g_return_if_fail (PD_IS_PATROL_VIEW (self));
  gtk_stack_set_visible_child_name (self->stack, "keys");
  pd_key_register_page_select_loan (PD_KEY_REGISTER_PAGE (self->keys), loan_id);
}
