/* pd-today-view.c — see pd-today-view.h. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-after-frame.h"
#include "pd-application.h"
#include "pd-context-watch.h"
#include "pd-record-item.h"
#include "pd-text-column.h"
#include "pd-today-view.h"
#include "pd-today.h"

/* One line of the list: a group's title (item NULL) or one of its items. */
typedef struct
{
  PdTodayKind  kind;
  int          count;
  int          n_overdue;
  PdTodayItem *item;
} TodayRow;

static void
today_row_free (TodayRow *row)
{
  g_clear_pointer (&row->item, pd_today_item_free);
  g_free (row);
}

struct _PdTodayView
{
  GtkBox              parent_instance;
  PdContext          *ctx;
  GListStore         *rows;
  GtkSingleSelection *selection;
  guint               midnight_source;
  gboolean            first_read_due;  /* after the first frame */
  gboolean            shown_once;

  GtkLabel           *date_label;
  GtkLabel           *summary_label;
  GtkColumnView      *list;
};

G_DEFINE_FINAL_TYPE (PdTodayView, pd_today_view, GTK_TYPE_BOX)

/* ---- cells --------------------------------------------------------------- */

#define ROW(record) ((const TodayRow *) (record))

static char *
what_text (gconstpointer record, gpointer data)
{
  const TodayRow *row = record;

  if (row->item != NULL)
    return g_strdup (row->item->description);
  if (row->n_overdue > 0)
    /* Translators: a group of the Today list: its title, how many items, how many overdue */
    return g_strdup_printf (_("%s (%d, %d overdue)"), pd_today_kind_label (row->kind), row->count,
                            row->n_overdue);
  /* Translators: a group of the Today list: its title and how many items */
  return g_strdup_printf (_("%s (%d)"), pd_today_kind_label (row->kind), row->count);
}

static const char *
what_style (gconstpointer record, gpointer data)
{
  const TodayRow *row = record;

  if (row->item != NULL)
    return NULL;
  return row->count > 0 ? "today-group" : "today-group-empty";
}

static char *
unit_text (gconstpointer record, gpointer data)
{
  return g_strdup (ROW (record)->item ? ROW (record)->item->unit_code : "");
}

static char *
due_text (gconstpointer record, gpointer data)
{
  return g_strdup (ROW (record)->item ? ROW (record)->item->due : "");
}

static char *
severity_text (gconstpointer record, gpointer data)
{
  return g_strdup (ROW (record)->item ? pd_today_severity_label (ROW (record)->item->severity) : "");
}

static const char *
severity_style (gconstpointer record, gpointer data)
{
  const TodayRow *row = record;

  if (row->item == NULL)
    return NULL;
  switch (row->item->severity)
    {
    case PD_TODAY_OVERDUE:
      return "overdue";
    case PD_TODAY_DUE_TODAY:
    case PD_TODAY_DUE_SOON:
      return "due-soon";
    case PD_TODAY_OPEN:
    default:
      return NULL;
    }
}

/* ---- the list --------------------------------------------------------------- */

static const TodayRow *
row_at (PdTodayView *self,
        guint        position)
{
  g_autoptr (PdRecordItem) item = g_list_model_get_item (G_LIST_MODEL (self->rows), position);

  /* The store keeps the row alive after the reference is dropped. */
  return item ? pd_record_item_get (item) : NULL;
}

static void
show_date (PdTodayView *self)
{
  g_autoptr (GDateTime) now = pd_context_now (self->ctx);
  /* Translators: the day heading the Today tab, strftime format: 2026-10-09 Friday */
  g_autofree char *date = g_date_time_format (now, _("%Y-%m-%d %A"));
  g_autofree char *title = g_strdup_printf (_("Today, %s"), date);

  gtk_label_set_text (self->date_label, title);
}

void
pd_today_view_refresh (PdTodayView *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) groups = NULL;
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) today_row_free);
  guint position = gtk_single_selection_get_selected (self->selection);
  const TodayRow *kept = position != GTK_INVALID_LIST_POSITION ? row_at (self, position) : NULL;
  PdTodayKind keep_kind = kept && kept->item ? kept->item->kind : PD_TODAY_N_KINDS;
  gint64 keep_id = kept && kept->item ? kept->item->record_id : 0;
  guint first_item = GTK_INVALID_LIST_POSITION, select = GTK_INVALID_LIST_POSITION;
  int total = 0, overdue = 0;
  g_autofree char *summary = NULL;

  g_return_if_fail (PD_IS_TODAY_VIEW (self));
  show_date (self);
  groups = pd_today_collect (self->ctx, &error);
  if (groups == NULL)
    {
      pd_show_error (GTK_WIDGET (self), _("The list of things due today could not be read"), error);
      return;
    }
  for (guint i = 0; i < groups->len; i++)
    {
      PdTodayGroup *group = groups->pdata[i];
      TodayRow *header = g_new0 (TodayRow, 1);

      header->kind = group->kind;
      header->count = (int) group->items->len;
      header->n_overdue = group->n_overdue;
      g_ptr_array_add (rows, header);
      total += header->count;
      overdue += header->n_overdue;
      for (guint j = 0; j < group->items->len; j++)
        {
          TodayRow *row = g_new0 (TodayRow, 1);

          row->kind = group->kind;
          row->item = g_ptr_array_steal_index (group->items, j--);
          if (first_item == GTK_INVALID_LIST_POSITION)
            first_item = rows->len;
          if (row->item->kind == keep_kind && row->item->record_id == keep_id)
            select = rows->len;
          g_ptr_array_add (rows, row);
        }
    }
  /* Unselect first: the selection would look for the old item among the new. */
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  pd_record_store_replace (self->rows, rows, (GDestroyNotify) today_row_free);
  gtk_single_selection_set_selected (self->selection, select != GTK_INVALID_LIST_POSITION ? select : first_item);

  if (total == 0)
    summary = g_strdup (_("Nothing is due today."));
  else
    /* Translators: the totals of the Today tab */
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d item due, %d overdue",
                                            "%d items due, %d overdue", total), total, overdue);
  gtk_label_set_text (self->summary_label, summary);
}

/* Enter or a double click: the window opens the record in its tab. */
static void
row_activated (PdTodayView *self,
               guint        position)
{
  const TodayRow *row = row_at (self, position);

  if (row == NULL || row->item == NULL)
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-record", "(ix)", (gint32) row->item->kind,
                              (gint64) row->item->record_id);
}

/* ---- the first read --------------------------------------------------------------- */

static void
first_read (GtkWidget *widget)
{
  PdTodayView *self = PD_TODAY_VIEW (widget);

  self->first_read_due = FALSE;
  pd_today_view_refresh (self);
}

/* At start Today is the tab in front, and its list — a second's work with
 * 100,000 units — would hold the window back: the first read comes once the
 * window's first frame is drawn (issue #8).  Later ones, at once. */
static void
read_after_first_frame (PdTodayView *self)
{
  if (self->first_read_due)
    return;
  if (self->shown_once)
    {
      pd_today_view_refresh (self);
      return;
    }
  self->shown_once = TRUE;
  /* The day heads the tab from the first frame; it needs no query. */
  show_date (self);
  gtk_label_set_text (self->summary_label, _("Reading what is due…"));
  self->first_read_due = pd_after_frame (GTK_WIDGET (self), first_read);
  /* Not realized (no frame clock): nothing to wait for. */
  if (!self->first_read_due)
    pd_today_view_refresh (self);
}

/* ---- midnight ------------------------------------------------------------------ */

static gboolean midnight (gpointer data);

/* The list changes with the date even when no record does. */
static void
schedule_midnight (PdTodayView *self)
{
  g_autoptr (GDateTime) now = pd_context_now (self->ctx);
  g_autoptr (GDateTime) start = g_date_time_new (g_date_time_get_timezone (now), g_date_time_get_year (now),
                                                 g_date_time_get_month (now), g_date_time_get_day_of_month (now),
                                                 0, 0, 0);
  g_autoptr (GDateTime) next = g_date_time_add_days (start, 1);
  GTimeSpan wait = g_date_time_difference (next, now);

  g_clear_handle_id (&self->midnight_source, g_source_remove);
  /* A second late, so that "today" has surely turned. */
  self->midnight_source = g_timeout_add_seconds ((guint) (wait / G_TIME_SPAN_SECOND) + 1, midnight, self);
}

static gboolean
midnight (gpointer data)
{
  PdTodayView *self = data;

  self->midnight_source = 0;
  if (!pd_context_watch_postpone (self))
    pd_today_view_refresh (self);
  schedule_midnight (self);
  return G_SOURCE_REMOVE;
}

/* ---- the widget -------------------------------------------------------------------- */

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  pd_today_view_refresh (PD_TODAY_VIEW (widget));
}

static void
pd_today_view_dispose (GObject *object)
{
  PdTodayView *self = PD_TODAY_VIEW (object);

  pd_context_unwatch (self);
  g_clear_handle_id (&self->midnight_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), PD_TYPE_TODAY_VIEW);
  g_clear_object (&self->selection);
  g_clear_object (&self->rows);
  g_clear_object (&self->ctx);
  G_OBJECT_CLASS (pd_today_view_parent_class)->dispose (object);
}

static void
pd_today_view_class_init (PdTodayViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = pd_today_view_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/org/propdesk/PropDesk/ui/pd-today-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PdTodayView, date_label);
  gtk_widget_class_bind_template_child (widget_class, PdTodayView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, PdTodayView, list);
  gtk_widget_class_bind_template_callback (widget_class, row_activated);
  gtk_widget_class_install_action (widget_class, "today.refresh", NULL, refresh_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "today.refresh", NULL);
}

static void
append_column (PdTodayView         *self,
               GtkColumnViewColumn *column)
{
  gtk_column_view_append_column (self->list, column);
  g_object_unref (column);
}

static void
pd_today_view_init (PdTodayView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_list_store_new (PD_TYPE_RECORD_ITEM);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_column_view_set_model (self->list, GTK_SELECTION_MODEL (self->selection));
  append_column (self, pd_text_column_new (_("To do"), what_text, what_style, self, 0, 0));
  append_column (self, pd_text_column_new (_("Unit code"), unit_text, NULL, self, 0, 110));
  append_column (self, pd_text_column_new (_("Due"), due_text, severity_style, self, 0, 140));
  append_column (self, pd_text_column_new (C_("today", "State"), severity_text, severity_style, self, 0, 90));
}

GtkWidget *
pd_today_view_new (PdContext *ctx)
{
  PdTodayView *self = g_object_new (PD_TYPE_TODAY_VIEW, NULL);

  self->ctx = g_object_ref (ctx);
  /* Read when shown: at start it is the tab in front. */
  pd_context_watch_lazily (ctx, GTK_WIDGET (self),
                           (const char *const[]) { "renovation", "deposit", "patrol", "handover", "survey",
                                                   "unit", "person", "setting", "calendar", NULL },
                           (PdContextWatchFunc) read_after_first_frame);
  schedule_midnight (self);
  return GTK_WIDGET (self);
}
