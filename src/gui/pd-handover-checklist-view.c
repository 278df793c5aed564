/* pd-handover-checklist-view.c — see pd-handover-checklist-view.h. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-handover-checklist.h"
#include "pd-handover-checklist-view.h"
#include "pd-record-item.h"
#include "pd-handover-columns.h"

struct _PdHandoverChecklistView
{
  GtkBox              parent_instance;
  PdContext          *ctx;
  gint64              handover_id;
  gboolean            editable;
  GListStore         *store;
  GtkSingleSelection *selection;

  GtkColumnView      *list;
  GtkLabel           *current_label;
  GtkEntry           *note_entry;
  GtkLabel           *error_label;
};

G_DEFINE_FINAL_TYPE (PdHandoverChecklistView, pd_handover_checklist_view, GTK_TYPE_BOX)

enum { SIGNAL_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static char *
room_text (gconstpointer record,
           gpointer      data)
{
  return g_strdup (((const PdHandoverCheck *) record)->room);
}

static char *
item_text (gconstpointer record,
           gpointer      data)
{
  return g_strdup (((const PdHandoverCheck *) record)->item);
}

static char *
result_text (gconstpointer record,
           gpointer      data)
{
  return g_strdup (pd_handover_result_label (((const PdHandoverCheck *) record)->result));
}

static const char *
result_class (gconstpointer record,
              gpointer      user_data)
{
  const char *result = ((const PdHandoverCheck *) record)->result;

  if (g_str_equal (result, "ok"))
    return "done";
  if (g_str_equal (result, "defect"))
    return "overdue";
  return NULL;
}

static char *
note_text (gconstpointer record,
           gpointer      data)
{
  return g_strdup (((const PdHandoverCheck *) record)->note);
}

static PdHandoverCheck *
selected_check (PdHandoverChecklistView *self,
                guint                   *position)
{
  PdRecordItem *item = gtk_single_selection_get_selected_item (self->selection);

  if (item == NULL)
    return NULL;
  if (position != NULL)
    *position = gtk_single_selection_get_selected (self->selection);
  return pd_record_item_get (item);
}

static void
show_current (PdHandoverChecklistView *self)
{
  PdHandoverCheck *check = selected_check (self, NULL);
  g_autofree char *text = NULL;

  if (check == NULL)
    {
      gtk_label_set_text (self->current_label, "");
      gtk_editable_set_text (GTK_EDITABLE (self->note_entry), "");
      return;
    }
  /* Translators: room — item of the checklist */
  text = g_strdup_printf (C_("handover", "%s — %s"), check->room, check->item);
  gtk_label_set_text (self->current_label, text);
  gtk_editable_set_text (GTK_EDITABLE (self->note_entry), check->note);
}

/* The list's inner GtkListView: its "list." actions move the keyboard focus
 * to a row, which GtkColumnView 4.8 has no API for. */
static GtkWidget *
inner_list (PdHandoverChecklistView *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      return child;
  return GTK_WIDGET (self->list);
}

void
pd_handover_checklist_view_select (PdHandoverChecklistView *self,
                                   guint                    position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));

  if (n == 0)
    return;
  position = MIN (position, n - 1);
  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (inner_list (self), "list.scroll-to-item", "u", position);
  show_current (self);
}

static void
selection_changed (PdHandoverChecklistView *self)
{
  show_current (self);
}

void
pd_handover_checklist_view_load (PdHandoverChecklistView *self,
                                 gint64                   handover_id,
                                 const char              *status)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) checks = NULL;
  guint first_open = 0;

  self->handover_id = handover_id;
  self->editable = g_strcmp0 (status, "in_progress") == 0;
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  if (handover_id > 0 && self->ctx != NULL)
    checks = pd_handover_check_list (self->ctx, handover_id, &error);
  if (checks == NULL)
    checks = g_ptr_array_new_with_free_func ((GDestroyNotify) pd_handover_check_free);
  for (first_open = 0; first_open < checks->len; first_open++)
    if (*((PdHandoverCheck *) checks->pdata[first_open])->result == '\0')
      break;
  pd_record_store_replace (self->store, checks, (GDestroyNotify) pd_handover_check_free);
  for (const char *const *a = (const char *const[]) { "checklist.ok", "checklist.defect", "checklist.na",
                                                       "checklist.rest-ok", NULL }; *a; a++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), *a, self->editable);
  gtk_editable_set_editable (GTK_EDITABLE (self->note_entry), self->editable);
  pd_handover_checklist_view_select (self, first_open);
}

char *
pd_handover_checklist_view_get_progress (PdHandoverChecklistView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  guint done = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (PdRecordItem) item = g_list_model_get_item (G_LIST_MODEL (self->store), i);
      PdHandoverCheck *check = pd_record_item_get (item);
      if (*check->result != '\0')
        done++;
    }
  return g_strdup_printf ("%u/%u", done, n);
}

/* Writes the selected item, then moves on to the next one. */
static void
record (PdHandoverChecklistView *self,
        const char              *result,
        const char              *note)
{
  g_autoptr (GError) error = NULL;
  PdHandoverCheck *check;
  PdHandoverCheck *copy;
  PdRecordItem *item;
  guint position = 0;

  check = selected_check (self, &position);
  if (check == NULL || !self->editable)
    return;
  if (!pd_handover_check_set (self->ctx, check->id, result, note, &error))
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->note_entry));
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  copy = pd_handover_check_new (check->room, check->item);
  copy->id = check->id;
  g_free (copy->result);
  copy->result = g_strdup (result);
  g_free (copy->note);
  copy->note = g_strstrip (g_strdup (note ? note : ""));
  item = pd_record_item_new (copy, (GDestroyNotify) pd_handover_check_free);
  g_list_store_splice (self->store, position, 1, (gpointer *) &item, 1);
  g_object_unref (item);
  pd_handover_checklist_view_select (self, position + 1);
  gtk_widget_grab_focus (GTK_WIDGET (self->list));
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
ok_activated (GtkWidget  *widget,
              const char *action,
              GVariant   *parameter)
{
  PdHandoverChecklistView *self = PD_HANDOVER_CHECKLIST_VIEW (widget);
  record (self, "ok", gtk_editable_get_text (GTK_EDITABLE (self->note_entry)));
}

static void
na_activated (GtkWidget  *widget,
              const char *action,
              GVariant   *parameter)
{
  PdHandoverChecklistView *self = PD_HANDOVER_CHECKLIST_VIEW (widget);
  record (self, "na", gtk_editable_get_text (GTK_EDITABLE (self->note_entry)));
}

static void
defect_activated (GtkWidget  *widget,
                  const char *action,
                  GVariant   *parameter)
{
  PdHandoverChecklistView *self = PD_HANDOVER_CHECKLIST_VIEW (widget);
  const char *note = gtk_editable_get_text (GTK_EDITABLE (self->note_entry));

  /* From the list: say what is wrong first; from the note: record it. */
  if (!gtk_widget_has_focus (GTK_WIDGET (self->note_entry)) &&
      !gtk_widget_is_ancestor (gtk_root_get_focus (gtk_widget_get_root (widget)), GTK_WIDGET (self->note_entry)))
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->note_entry));
      if (*note != '\0')
        return;
    }
  record (self, "defect", note);
}

static void
note_activated (PdHandoverChecklistView *self)
{
  record (self, "defect", gtk_editable_get_text (GTK_EDITABLE (self->note_entry)));
}

static void
rest_ok_activated (GtkWidget  *widget,
                   const char *action,
                   GVariant   *parameter)
{
  PdHandoverChecklistView *self = PD_HANDOVER_CHECKLIST_VIEW (widget);
  g_autoptr (GError) error = NULL;

  if (!pd_handover_check_rest_ok (self->ctx, self->handover_id, &error))
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  pd_handover_checklist_view_load (self, self->handover_id, "in_progress");
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static gboolean
note_key_pressed (GtkEventControllerKey   *controller,
                  guint                    keyval,
                  guint                    keycode,
                  GdkModifierType          state,
                  PdHandoverChecklistView *self)
{
  if (keyval != GDK_KEY_Escape)
    return FALSE;
  show_current (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->list));
  return TRUE;
}

static void
pd_handover_checklist_view_dispose (GObject *object)
{
  PdHandoverChecklistView *self = PD_HANDOVER_CHECKLIST_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PD_TYPE_HANDOVER_CHECKLIST_VIEW);
  g_clear_object (&self->selection);
  g_clear_object (&self->store);
  g_clear_object (&self->ctx);
  G_OBJECT_CLASS (pd_handover_checklist_view_parent_class)->dispose (object);
}

static void
pd_handover_checklist_view_class_init (PdHandoverChecklistViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const struct { guint key; const char *action; } keys[] = {
    { GDK_KEY_1, "checklist.ok" }, { GDK_KEY_KP_1, "checklist.ok" }, { GDK_KEY_o, "checklist.ok" },
    { GDK_KEY_2, "checklist.defect" }, { GDK_KEY_KP_2, "checklist.defect" }, { GDK_KEY_x, "checklist.defect" },
    { GDK_KEY_3, "checklist.na" }, { GDK_KEY_KP_3, "checklist.na" }, { GDK_KEY_n, "checklist.na" },
  };

  G_OBJECT_CLASS (klass)->dispose = pd_handover_checklist_view_dispose;
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/propdesk/PropDesk/ui/pd-handover-checklist-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PdHandoverChecklistView, list);
  gtk_widget_class_bind_template_child (widget_class, PdHandoverChecklistView, current_label);
  gtk_widget_class_bind_template_child (widget_class, PdHandoverChecklistView, note_entry);
  gtk_widget_class_bind_template_child (widget_class, PdHandoverChecklistView, error_label);
  gtk_widget_class_install_action (widget_class, "checklist.ok", NULL, ok_activated);
  gtk_widget_class_install_action (widget_class, "checklist.defect", NULL, defect_activated);
  gtk_widget_class_install_action (widget_class, "checklist.na", NULL, na_activated);
  gtk_widget_class_install_action (widget_class, "checklist.rest-ok", NULL, rest_ok_activated);
  /* Keys reach these bindings only from the list: the note entry keeps the
   * digits and letters typed into it. */
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_widget_class_add_binding_action (widget_class, keys[i].key, 0, keys[i].action, NULL);
}

static void
pd_handover_checklist_view_init (PdHandoverChecklistView *self)
{
  static const PdHandoverColumn columns[] = {
    { NC_("handover", "Room"), room_text, NULL, 90 },
    { NC_("handover", "Item"), item_text, NULL, 0 },
    { NC_("handover", "Result"), result_text, result_class, 70 },
    { NC_("handover", "Note"), note_text, NULL, 0 },
  };
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->store = g_list_store_new (PD_TYPE_RECORD_ITEM);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->store)));
  gtk_single_selection_set_autoselect (self->selection, TRUE);
  gtk_column_view_set_model (self->list, GTK_SELECTION_MODEL (self->selection));
  pd_handover_columns_append (self->list, columns, G_N_ELEMENTS (columns), self);
  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (selection_changed), self);
  g_signal_connect_swapped (self->note_entry, "activate", G_CALLBACK (note_activated), self);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (note_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->note_entry), keys);
}

void
pd_handover_checklist_view_set_context (PdHandoverChecklistView *self,
                                        PdContext               *ctx)
{
  g_set_object (&self->ctx, ctx);
}
