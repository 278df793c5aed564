/* pd-release-view.c — see pd-release-view.h.
 *
 * The register is a few thousand slips a year: the list holds the slips
 * the filters select, read again from core whenever a filter or the data
 * changes. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-application.h"
#include "pd-calendar.h"
#include "pd-context-watch.h"
#include "pd-error.h"
#include "pd-export-log.h"
#include "pd-export-release.h"
#include "pd-form-release-slip.h"
#include "pd-print-operation.h"
#include "pd-record-item.h"
#include "pd-release-gate-dialog.h"
#include "pd-release-register.h"
#include "pd-release-slip-dialog.h"
#include "pd-release-view.h"
#include "pd-save-chooser.h"
#include "pd-text-column.h"
#include "pd-unit-role.h"
#include "pd-validate.h"

struct _PdReleaseView
{
  GtkWidget          parent_instance;
  PdContext         *ctx;
  guint              refresh_source;
  GListStore        *store;           /* PdRecordItem of PdReleaseSlip */
  GtkMultiSelection *selection;

  GtkSearchEntry    *search_entry;
  GtkLabel          *count_label;
  GtkEntry          *from_entry;
  GtkEntry          *to_entry;
  GtkEntry          *unit_entry;
  GtkDropDown       *reason_dropdown;
  GtkDropDown       *state_dropdown;
  GtkLabel          *filter_error;
  GtkColumnView     *list_view;
};

G_DEFINE_FINAL_TYPE (PdReleaseView, pd_release_view, GTK_TYPE_WIDGET)

/* Dropdown positions: 0 is "any". */
static const char *const reason_keys[] = { NULL, "moving_out", "renovation", "other" };

/* ---- cells ------------------------------------------------------------- */

static char *
serial_text (gconstpointer record, gpointer data)
{
  return g_strdup (((const PdReleaseSlip *) record)->serial);
}

static char *
issued_text (gconstpointer record, gpointer data)
{
  return g_strndup (((const PdReleaseSlip *) record)->issued_at, 16);
}

static char *
unit_text (gconstpointer record, gpointer data)
{
  return g_strdup (((const PdReleaseSlip *) record)->unit_code);
}

static char *
applicant_text (gconstpointer record, gpointer data)
{
  const PdReleaseSlip *slip = record;

  return g_strdup_printf ("%s（%s）", slip->applicant_name, pd_unit_role_label (slip->applicant_role));
}

static char *
reason_text (gconstpointer record, gpointer data)
{
  return g_strdup (pd_release_reason_label (((const PdReleaseSlip *) record)->reason));
}

static char *
items_text (gconstpointer record, gpointer data)
{
  return pd_release_items_summary (record);
}

static char *
carrier_text (gconstpointer record, gpointer data)
{
  const PdReleaseSlip *slip = record;

  return *slip->plate ? g_strdup_printf ("%s  %s", slip->carrier_name, slip->plate)
                      : g_strdup (slip->carrier_name);
}

static char *
valid_text (gconstpointer record, gpointer data)
{
  return g_strdup (((const PdReleaseSlip *) record)->valid_on);
}

static char *
state_text (gconstpointer record, gpointer data)
{
  PdReleaseView *self = data;
  const PdReleaseSlip *slip = record;
  PdReleaseStatus status = pd_release_slip_status (self->ctx, slip);

  if (status == PD_RELEASE_STATUS_RELEASED)
    /* Translators: state, then when and by which guard */
    return g_strdup_printf (_("%s %.16s %s"), pd_release_status_label (status), slip->released_at,
                            slip->released_by);
  if (status == PD_RELEASE_STATUS_VOID)
    return g_strdup_printf ("%s：%s", pd_release_status_label (status), slip->void_reason);
  return g_strdup (pd_release_status_label (status));
}

static const char *
state_style (gconstpointer record, gpointer data)
{
  PdReleaseView *self = data;
  const PdReleaseSlip *slip = record;
  g_autofree char *today = NULL;

  switch (pd_release_slip_status (self->ctx, slip))
    {
    case PD_RELEASE_STATUS_EXPIRED:
      return "overdue";
    case PD_RELEASE_STATUS_VOID:
      return "dim-label";
    case PD_RELEASE_STATUS_RELEASED:
      return "done";
    case PD_RELEASE_STATUS_ISSUED:
      /* Valid today only: the movers had better come today. */
      today = pd_context_today (self->ctx);
      return g_strcmp0 (slip->valid_on, today) == 0 ? "due-soon" : NULL;
    }
  return NULL;
}

/* ---- list -------------------------------------------------------------- */

static gboolean
read_date (PdReleaseView *self,
           GtkEntry      *entry,
           const char    *label,
           char         **iso)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autoptr (GError) error = NULL;

  *iso = NULL;
  if (*text == '\0')
    return TRUE;
  if (pd_date_parse (text, "date", label, iso, &error))
    return TRUE;
  gtk_label_set_text (self->filter_error, error->message);
  return FALSE;
}

static void
refresh (PdReleaseView *self)
{
  PdReleaseFilter filter = PD_RELEASE_FILTER_INIT;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autoptr (GPtrArray) slips = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *count = NULL;
  guint state = gtk_drop_down_get_selected (self->state_dropdown);
  guint reason = gtk_drop_down_get_selected (self->reason_dropdown);

  /* A filter set while the tab is hidden: read when it shows. */
  if (pd_context_watch_postpone (self))
    return;
  gtk_label_set_text (self->filter_error, "");
  if (!read_date (self, self->from_entry, _("Issued from"), &from) ||
      !read_date (self, self->to_entry, _("Issued to"), &to))
    return;
  filter.text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  filter.from = from;
  filter.to = to;
  filter.unit = gtk_editable_get_text (GTK_EDITABLE (self->unit_entry));
  filter.reason = reason < G_N_ELEMENTS (reason_keys) ? reason_keys[reason] : NULL;
  filter.status = state == 0 || state == GTK_INVALID_LIST_POSITION ? PD_RELEASE_STATUS_ANY : (int) state - 1;
  slips = pd_release_register_list (self->ctx, &filter, &error);
  if (slips == NULL)
    {
      pd_show_error (GTK_WIDGET (self), _("The release register could not be read"), error);
      return;
    }
  /* Translators: number of slips listed */
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u slip listed", "%u slips listed", slips->len), slips->len);
  gtk_label_set_text (self->count_label, count);
  pd_record_store_replace (self->store, slips, (GDestroyNotify) pd_release_slip_free);
}

static gboolean
refresh_idle (gpointer data)
{
  PdReleaseView *self = data;

  self->refresh_source = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

static void
queue_refresh (PdReleaseView *self)
{
  if (self->refresh_source == 0)
    self->refresh_source = g_idle_add (refresh_idle, self);
}

/* The selected slips, in list order; all listed ones when none is. */
static GPtrArray *
selected_slips (PdReleaseView *self,
                gboolean       all_when_none)
{
  g_autoptr (GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  GListModel *model = G_LIST_MODEL (self->store);
  GPtrArray *ids = g_ptr_array_new ();
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    if (gtk_bitset_contains (selected, i) || (all_when_none && gtk_bitset_is_empty (selected)))
      {
        g_autoptr (PdRecordItem) item = g_list_model_get_item (model, i);
        g_ptr_array_add (ids, pd_record_item_get (item));
      }
  return ids;
}

static GtkWindow *
parent_window (PdReleaseView *self)
{
  return pd_save_chooser_window_of (GTK_WIDGET (self));
}

/* ---- actions ----------------------------------------------------------- */

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PdReleaseView *self = PD_RELEASE_VIEW (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  PdReleaseView *self = PD_RELEASE_VIEW (widget);

  pd_release_slip_dialog_present (parent_window (self), self->ctx, 0);
}

static void
gate_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PdReleaseView *self = PD_RELEASE_VIEW (widget);

  gtk_window_present (GTK_WINDOW (pd_release_gate_dialog_new (parent_window (self), self->ctx)));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  PdReleaseView *self = PD_RELEASE_VIEW (widget);
  g_autoptr (GPtrArray) chosen = selected_slips (self, TRUE);
  g_autoptr (GPtrArray) slips = g_ptr_array_new_with_free_func ((GDestroyNotify) pd_release_slip_free);
  g_autoptr (GError) error = NULL;
  g_autoptr (PdRenderer) renderer = NULL;
  PdReleasePrint *print;

  if (chosen->len == 0)
    return;
  /* Printed in serial order; the list shows the newest first. */
  for (guint i = chosen->len; i > 0; i--)
    g_ptr_array_add (slips, pd_release_slip_get (self->ctx, ((PdReleaseSlip *) chosen->pdata[i - 1])->id, NULL));
  print = pd_release_print_new (self->ctx, slips, &error);
  if (print != NULL)
    {
      renderer = pd_form_release_slips_renderer (print);
      if (pd_print_operation_run (parent_window (self), renderer, &error))
        return;
    }
  pd_show_error (widget, _("The slips could not be printed"), error);
}

/* ---- void -------------------------------------------------------------- */

static void
void_response (GtkDialog *dialog,
               int        response,
               gpointer   data)
{
  PdReleaseView *self = data;
  GtkEntry *entry = g_object_get_data (G_OBJECT (dialog), "pd-reason");
  gint64 slip_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "pd-slip-id"));
  g_autoptr (GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      !pd_release_slip_void (self->ctx, slip_id, gtk_editable_get_text (GTK_EDITABLE (entry)), &error))
    {
      pd_show_error (GTK_WIDGET (self), _("The slip was not voided"), error);
      if (g_strcmp0 (pd_error_get_field (error), "void_reason") == 0)
        return;   /* let the reason be typed */
    }
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
void_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PdReleaseView *self = PD_RELEASE_VIEW (widget);
  g_autoptr (GPtrArray) chosen = selected_slips (self, FALSE);
  g_autoptr (GError) error = NULL;
  const PdReleaseSlip *slip;
  GtkWidget *dialog, *entry;

  if (chosen->len != 1)
    {
      pd_show_error (widget, _("Select the one slip to void."), NULL);
      return;
    }
  slip = chosen->pdata[0];
  /* Refused before anything is typed when the role does not allow it. */
  if (!pd_context_require_role (self->ctx, PD_ROLE_SUPERVISOR, _("void release slips"), &error))
    {
      pd_show_error (widget, _("The slip was not voided"), error);
      return;
    }
  dialog = gtk_message_dialog_new (parent_window (self), GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                   /* Translators: %s is a serial number */
                                   _("Void slip %s?"), slip->serial);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                            _("It keeps its number; the reason and your name stay on the register."));
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reason for voiding"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_box_append (GTK_BOX (gtk_message_dialog_get_message_area (GTK_MESSAGE_DIALOG (dialog))), entry);
  gtk_dialog_add_buttons (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL, C_("release slip", "_Void"),
                          GTK_RESPONSE_ACCEPT, NULL);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  g_object_set_data (G_OBJECT (dialog), "pd-reason", entry);
  g_object_set_data (G_OBJECT (dialog), "pd-slip-id", GSIZE_TO_POINTER (slip->id));
  g_signal_connect_object (dialog, "response", G_CALLBACK (void_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

/* ---- export ------------------------------------------------------------ */

/* What the chooser's answer exports: the register of one month. */
typedef struct
{
  PdReleaseView *view;
  char          *month;     /* YYYY-MM */
  gboolean       unmasked;
} RegisterExport;

static void
register_export_free (RegisterExport *export)
{
  g_object_unref (export->view);
  g_free (export->month);
  g_free (export);
}

static gboolean
write_register (const char *path,
                gpointer    data,
                GError    **error)
{
  RegisterExport *export = data;
  PdReleaseFilter filter = PD_RELEASE_FILTER_INIT;
  g_autofree char *first = NULL;
  g_autofree char *next = NULL;
  g_autofree char *last = NULL;
  g_autofree char *done = NULL;
  guint rows = 0;

  if (!pd_month_range (export->month, &first, &next, error))
    return FALSE;
  last = pd_date_add_days (next, -1);
  filter.from = first;
  filter.to = last;
  if (!pd_export_release_register (export->view->ctx, &filter, path, export->unmasked, &rows, error))
    return FALSE;
  /* Translators: number of slips, then the file */
  done = g_strdup_printf (_("%u slips exported to %s."), rows, path);
  gtk_label_set_text (export->view->count_label, done);
  return TRUE;
}

static void
export_month_response (GtkDialog *dialog,
                       int        response,
                       gpointer   data)
{
  PdReleaseView *self = data;
  GtkEntry *entry = g_object_get_data (G_OBJECT (dialog), "pd-month");
  GtkCheckButton *unmasked = g_object_get_data (G_OBJECT (dialog), "pd-unmasked");
  g_autofree char *first = NULL;
  g_autofree char *iso = NULL;
  g_autofree char *name = NULL;
  g_autoptr (GError) error = NULL;
  RegisterExport *export;

  if (response != GTK_RESPONSE_ACCEPT)
    {
      gtk_window_destroy (GTK_WINDOW (dialog));
      return;
    }
  first = g_strconcat (gtk_editable_get_text (GTK_EDITABLE (entry)), "-01", NULL);
  if (!pd_date_parse (first, "month", C_("release slip", "Month"), &iso, &error) ||
      !pd_export_check_unmasked (self->ctx, gtk_check_button_get_active (unmasked), &error))
    {
      pd_show_error (GTK_WIDGET (dialog), _("The register could not be exported"), error);
      return;
    }
  export = g_new0 (RegisterExport, 1);
  export->view = g_object_ref (self);
  export->month = g_strndup (iso, 7);
  export->unmasked = gtk_check_button_get_active (unmasked);
  /* Translators: file name of the export; %s is the month, 2026-03 */
  name = g_strdup_printf (_("release-register-%s.xlsx"), gtk_editable_get_text (GTK_EDITABLE (entry)));
  pd_save_chooser_show (GTK_WIDGET (self), _("Export the Release Register"), C_("release slip", "_Export"), name,
                        _("The register could not be exported"), write_register, export,
                        (GDestroyNotify) register_export_free);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PdReleaseView *self = PD_RELEASE_VIEW (widget);
  g_autofree char *today = pd_context_today (self->ctx);
  GtkWidget *dialog, *entry, *unmasked, *area;

  dialog = gtk_message_dialog_new (parent_window (self), GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE, "%s",
                                   _("Export which month's register?"));
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                            _("ID numbers and phones are masked unless a supervisor asks for "
                                              "them; every export is logged."));
  area = gtk_message_dialog_get_message_area (GTK_MESSAGE_DIALOG (dialog));
  entry = gtk_entry_new ();
  today[7] = '\0';
  gtk_editable_set_text (GTK_EDITABLE (entry), today);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_box_append (GTK_BOX (area), entry);
  unmasked = gtk_check_button_new_with_mnemonic (_("_Full ID numbers and phones (supervisors)"));
  gtk_widget_set_sensitive (unmasked, pd_context_get_role (self->ctx) >= PD_ROLE_SUPERVISOR);
  gtk_box_append (GTK_BOX (area), unmasked);
  gtk_dialog_add_buttons (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL, _("_Choose File…"),
                          GTK_RESPONSE_ACCEPT, NULL);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  g_object_set_data (G_OBJECT (dialog), "pd-month", entry);
  g_object_set_data (G_OBJECT (dialog), "pd-unmasked", unmasked);
  g_signal_connect_object (dialog, "response", G_CALLBACK (export_month_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- object ------------------------------------------------------------ */

static void
pd_release_view_dispose (GObject *object)
{
  PdReleaseView *self = PD_RELEASE_VIEW (object);
  GtkWidget *child;

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  pd_context_unwatch (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), PD_TYPE_RELEASE_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->store);
  g_clear_object (&self->ctx);
  G_OBJECT_CLASS (pd_release_view_parent_class)->dispose (object);
}

static void
pd_release_view_class_init (PdReleaseViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = pd_release_view_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/org/propdesk/PropDesk/ui/pd-release-view.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, PdReleaseView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PdReleaseView, count_label);
  gtk_widget_class_bind_template_child (widget_class, PdReleaseView, from_entry);
  gtk_widget_class_bind_template_child (widget_class, PdReleaseView, to_entry);
  gtk_widget_class_bind_template_child (widget_class, PdReleaseView, unit_entry);
  gtk_widget_class_bind_template_child (widget_class, PdReleaseView, reason_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PdReleaseView, state_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PdReleaseView, filter_error);
  gtk_widget_class_bind_template_child (widget_class, PdReleaseView, list_view);
  gtk_widget_class_install_action (widget_class, "release.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "release.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "release.gate", NULL, gate_action);
  gtk_widget_class_install_action (widget_class, "release.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "release.void", NULL, void_action);
  gtk_widget_class_install_action (widget_class, "release.export", NULL, export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "release.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "release.new", NULL);
  /* Not Ctrl+G: the search entry takes it for "next match". */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_k, GDK_CONTROL_MASK, "release.gate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "release.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "release.export", NULL);
}

static GListModel *
labels (const char *first,
        ...)
{
  GtkStringList *list = gtk_string_list_new (NULL);
  va_list args;

  va_start (args, first);
  for (const char *label = first; label != NULL; label = va_arg (args, const char *))
    gtk_string_list_append (list, label);
  va_end (args);
  return G_LIST_MODEL (list);
}

static void
add_column (PdReleaseView       *self,
            GtkColumnViewColumn *column)
{
  gtk_column_view_append_column (self->list_view, column);
  g_object_unref (column);
}

static void
pd_release_view_init (PdReleaseView *self)
{
  g_autoptr (GListModel) reasons = NULL;
  g_autoptr (GListModel) states = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  reasons = labels (_("Any reason"), pd_release_reason_label ("moving_out"), pd_release_reason_label ("renovation"),
                    pd_release_reason_label ("other"), NULL);
  states = labels (_("Any state"), pd_release_status_label (PD_RELEASE_STATUS_ISSUED),
                   pd_release_status_label (PD_RELEASE_STATUS_RELEASED),
                   pd_release_status_label (PD_RELEASE_STATUS_VOID),
                   pd_release_status_label (PD_RELEASE_STATUS_EXPIRED), NULL);
  gtk_drop_down_set_model (self->reason_dropdown, reasons);
  gtk_drop_down_set_model (self->state_dropdown, states);
  add_column (self, pd_text_column_new (C_("release slip", "Serial"), serial_text, NULL, self, 0, 96));
  add_column (self, pd_text_column_new (C_("release slip", "Issued at"), issued_text, NULL, self, 0, 128));
  add_column (self, pd_text_column_new (C_("release slip", "Unit"), unit_text, NULL, self, 0, 84));
  add_column (self, pd_text_column_new (C_("release slip", "Applicant"), applicant_text, NULL, self, 0, 120));
  add_column (self, pd_text_column_new (C_("release slip", "Reason"), reason_text, NULL, self, 0, 60));
  add_column (self, pd_text_column_new (C_("release slip", "Items"), items_text, NULL, self, 0, 0));
  add_column (self, pd_text_column_new (_("Carrier and plate"), carrier_text, NULL, self, 0, 150));
  add_column (self, pd_text_column_new (C_("release slip", "Valid until"), valid_text, NULL, self, 0, 92));
  add_column (self, pd_text_column_new (C_("release slip", "State"), state_text, state_style, self, 0, 170));
}

GtkWidget *
pd_release_view_new (PdContext *ctx)
{
  PdReleaseView *self = g_object_new (PD_TYPE_RELEASE_VIEW, NULL);

  g_return_val_if_fail (PD_IS_CONTEXT (ctx), NULL);
  self->ctx = g_object_ref (ctx);
  self->store = g_list_store_new (PD_TYPE_RECORD_ITEM);
  self->selection = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (self->store)));
  gtk_column_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  g_object_unref (self->selection);

  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (refresh), self);
  g_signal_connect_swapped (self->from_entry, "changed", G_CALLBACK (queue_refresh), self);
  g_signal_connect_swapped (self->to_entry, "changed", G_CALLBACK (queue_refresh), self);
  g_signal_connect_swapped (self->unit_entry, "changed", G_CALLBACK (queue_refresh), self);
  g_signal_connect_swapped (self->reason_dropdown, "notify::selected", G_CALLBACK (queue_refresh), self);
  g_signal_connect_swapped (self->state_dropdown, "notify::selected", G_CALLBACK (queue_refresh), self);
  /* The register is read when the tab is first shown. */
  pd_context_watch_lazily (ctx, GTK_WIDGET (self), (const char *const[]) { "release_slip", NULL },
                           (PdContextWatchFunc) refresh);
  return GTK_WIDGET (self);
}
