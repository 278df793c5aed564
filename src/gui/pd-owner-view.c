/* pd-owner-view.c — see pd-owner-view.h.
 *
 * Sorting: the column headers carry sorters only so that GTK draws and
 * toggles the sort arrows; the list itself is re-read from core in the
 * chosen order (a sort over 100,000 lazily made rows in GTK would have to
 * make them all). */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-application.h"
#include "pd-estate.h"
#include "pd-import-dialog.h"
#include "pd-owner-detail.h"
#include "pd-owner-list-model.h"
#include "pd-owner-output.h"
#include "pd-owner-view.h"
#include "pd-record-item.h"
#include "pd-release-slip-dialog.h"
#include "pd-role-dialog.h"
#include "pd-text-column.h"
#include "pd-validate.h"

struct _PdOwnerView
{
  GtkWidget           parent_instance;
  PdContext          *ctx;
  gulong              changed_handler;
  GtkSorter          *sorter;         /* the column view's, watched for header clicks */
  gulong              sort_handler;
  guint               refresh_source;
  guint               settle_source;  /* the file follows the selection when it fires */
  PdOwnerListModel   *model;
  GtkSingleSelection *selection;
  PdOwnerSort         sort;
  gboolean            descending;
  gboolean            refreshing;   /* selection moves made by a re-query */
  PdOwnerDetail      *detail;

  GtkWidget          *toolbar;
  GtkSearchEntry     *search_entry;
  GtkLabel           *count_label;
  GtkLabel           *output_label;   /* what the last export or PDF wrote */
  GtkPaned           *paned;
  GtkStack           *list_stack;
  GtkColumnView      *list_view;
  GtkLabel           *empty_title;
  GtkLabel           *empty_hint;
};

G_DEFINE_FINAL_TYPE (PdOwnerView, pd_owner_view, GTK_TYPE_WIDGET)

/* How long the selection must stay on a row before the file beside the
 * list shows it: a keystroke in the search box moves the selection, and
 * reading a file (its history above all) costs more than the keystroke.
 * Enter, a double click and the actions that work on the file do not wait. */
#define SETTLE_MS 200

/* ---- cells ------------------------------------------------------------- */

static char *
unit_text (gconstpointer record, gpointer data)
{
  return g_strdup (((const PdOwnerRow *) record)->unit_code);
}

static char *
owners_text (gconstpointer record, gpointer data)
{
  const PdOwnerRow *row = record;

  return g_strdup (row->owners && *row->owners ? row->owners : "—");
}

static char *
phone_text (gconstpointer record, gpointer data)
{
  /* Lists never show a full number (DOMAIN §1, 004); the file does. */
  return pd_mask_phone (((const PdOwnerRow *) record)->owner_mobile);
}

static char *
state_text (gconstpointer record, gpointer data)
{
  return g_strdup (pd_unit_state_label (((const PdOwnerRow *) record)->state));
}

static const char *
state_style (gconstpointer record, gpointer data)
{
  const char *state = ((const PdOwnerRow *) record)->state;

  /* Units that need the office's attention stand out a little. */
  if (g_strcmp0 (state, "vacant") == 0 || g_strcmp0 (state, "unsold") == 0)
    return "dim-label";
  if (g_strcmp0 (state, "renovating") == 0)
    return "due-soon";
  return NULL;
}

static char *
area_text (gconstpointer record, gpointer data)
{
  double area = ((const PdOwnerRow *) record)->gross_area;

  return area > 0 ? g_strdup_printf ("%.2f", area) : g_strdup ("");
}

static char *
tenants_text (gconstpointer record, gpointer data)
{
  return g_strdup (((const PdOwnerRow *) record)->tenants);
}

/* ---- sorting ----------------------------------------------------------- */

/* Records on the probe which column the column view's sorter consulted
 * first; see read_sort_order(). */
static int
probe_compare (gconstpointer a,
               gconstpointer b,
               gpointer      sort)
{
  g_object_set_data ((GObject *) a, "pd-sort", sort);
  return GTK_ORDERING_SMALLER;
}

/* GTK 4.8 has no getter for the column view's primary sort column (4.10
 * adds one): compare two probe objects with the view's sorter — it asks
 * the primary column first, and inverts the answer when descending. */
static void
read_sort_order (PdOwnerView *self)
{
  GtkSorter *sorter = gtk_column_view_get_sorter (self->list_view);
  g_autoptr (GObject) a = g_object_new (G_TYPE_OBJECT, NULL);
  g_autoptr (GObject) b = g_object_new (G_TYPE_OBJECT, NULL);
  GtkOrdering order = gtk_sorter_compare (sorter, a, b);
  gpointer sort = g_object_get_data (a, "pd-sort");

  self->sort = sort ? (PdOwnerSort) (GPOINTER_TO_INT (sort) - 1) : PD_OWNER_SORT_UNIT;
  self->descending = order == GTK_ORDERING_LARGER;
}

static GtkSorter *
column_sorter (PdOwnerSort sort)
{
  return GTK_SORTER (gtk_custom_sorter_new (probe_compare, GINT_TO_POINTER (sort + 1), NULL));
}

/* ---- list -------------------------------------------------------------- */

static void
update_count (PdOwnerView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *text = NULL;

  if (*search == '\0')
    /* Translators: number of units (households) in the estate */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u unit", "%u units", n), n);
  else
    /* Translators: number of units the search found */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u unit found", "%u units found", n), n);
  gtk_label_set_text (self->count_label, text);
  gtk_stack_set_visible_child_name (self->list_stack, n > 0 ? "list" : "empty");
  if (n == 0 && *search != '\0')
    {
      gtk_label_set_text (self->empty_title, _("No owner file matches"));
      gtk_label_set_text (self->empty_hint, _("Search by unit code (3-2-1201), name, pinyin initials (zs), "
                                              "the last digits of a phone or ID number, or a plate."));
    }
  else if (n == 0)
    {
      gtk_label_set_text (self->empty_title, _("No owner files yet"));
      gtk_label_set_text (self->empty_hint, _("Import the owner ledger or press Ctrl+N to start a file."));
    }
}

static gint64
selected_unit_id (PdOwnerView *self)
{
  guint position = gtk_single_selection_get_selected (self->selection);

  return position == GTK_INVALID_LIST_POSITION ? 0 : pd_owner_list_model_get_unit_id (self->model, position);
}

/* GtkColumnView (4.8) has no scroll_to; the list view inside it has the
 * "list.scroll-to-item" action. */
static void
scroll_to_selected (PdOwnerView *self)
{
  guint position = gtk_single_selection_get_selected (self->selection);

  if (position == GTK_INVALID_LIST_POSITION)
    return;
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_view)); child;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
}

/* Re-reads the list for the search text and sort order, keeping the
 * selected unit selected when it is still listed. */
static void
settle_now (PdOwnerView *self)
{
  gint64 wanted = selected_unit_id (self);

  g_clear_handle_id (&self->settle_source, g_source_remove);
  if (!pd_owner_detail_is_dirty (self->detail) && wanted != pd_owner_detail_get_unit_id (self->detail))
    pd_owner_detail_load (self->detail, wanted);
}

static gboolean
settle_timeout (gpointer data)
{
  PdOwnerView *self = data;

  self->settle_source = 0;
  settle_now (self);
  return G_SOURCE_REMOVE;
}

/* The file will show the selected unit once the selection rests there. */
static void
settle_later (PdOwnerView *self)
{
  g_clear_handle_id (&self->settle_source, g_source_remove);
  if (selected_unit_id (self) != pd_owner_detail_get_unit_id (self->detail))
    self->settle_source = g_timeout_add (SETTLE_MS, settle_timeout, self);
}

/* The unit the user is on: the selected one while the file is still to
 * follow it, otherwise the one whose file is shown. */
static gint64
current_unit_id (PdOwnerView *self)
{
  gint64 unit_id = self->settle_source ? 0 : pd_owner_detail_get_unit_id (self->detail);

  return unit_id != 0 ? unit_id : selected_unit_id (self);
}

static void
refresh (PdOwnerView *self,
         gboolean     data_changed)
{
  g_autoptr (GError) error = NULL;
  gint64 keep = current_unit_id (self);
  guint position;

  self->refreshing = TRUE;
  /* Unselect first: a single selection whose item is replaced looks for it
   * among all the new items, which would make every row of the list. */
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  if (!pd_owner_list_model_query (self->model, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)),
                                  self->sort, self->descending, data_changed, &error))
    pd_show_error (GTK_WIDGET (self), _("The owner list could not be read"), error);
  position = keep ? pd_owner_list_model_find (self->model, keep) : G_MAXUINT;
  if (position != G_MAXUINT)
    gtk_single_selection_set_selected (self->selection, position);
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->model)) > 0)
    gtk_single_selection_set_selected (self->selection, 0);
  self->refreshing = FALSE;
  /* The file beside the list follows the selection, unless it holds edits. */
  if (!pd_owner_detail_is_dirty (self->detail))
    settle_later (self);
  scroll_to_selected (self);
  update_count (self);
}

static gboolean
refresh_idle (gpointer data)
{
  PdOwnerView *self = data;

  self->refresh_source = 0;
  refresh (self, TRUE);
  return G_SOURCE_REMOVE;
}

/* The list is read when the tab is first shown, not while the window is
 * built (issue #8: 100,000 units took a third of the start). */
static void
first_map (PdOwnerView *self)
{
  g_signal_handlers_disconnect_by_func (self, first_map, self);
  refresh (self, TRUE);
  settle_now (self);
}

static gboolean
never_shown (PdOwnerView *self)
{
  return g_signal_handler_find (self, G_SIGNAL_MATCH_FUNC | G_SIGNAL_MATCH_DATA, 0, 0, NULL, first_map, self) != 0;
}

/* Writes come in bursts (a transfer changes several rows, an import
 * thousands): refresh once when they are over. */
static void
context_changed (PdOwnerView *self,
                 const char  *table)
{
  if (self->refresh_source == 0 && !never_shown (self))
    self->refresh_source = g_idle_add (refresh_idle, self);
}

static void
search_changed (PdOwnerView *self)
{
  refresh (self, FALSE);
}

static void
sort_changed (PdOwnerView *self)
{
  read_sort_order (self);
  refresh (self, FALSE);
}

/* ---- following the selection ------------------------------------------ */

static void
select_unit (PdOwnerView *self,
             gint64       unit_id)
{
  guint position = pd_owner_list_model_find (self->model, unit_id);

  self->refreshing = TRUE;
  gtk_single_selection_set_selected (self->selection, position == G_MAXUINT ? GTK_INVALID_LIST_POSITION : position);
  self->refreshing = FALSE;
  g_clear_handle_id (&self->settle_source, g_source_remove);
  scroll_to_selected (self);
}

static gboolean
close_window_idle (gpointer window)
{
  gtk_window_close (window);
  return G_SOURCE_REMOVE;
}

static void
unsaved_response (GtkDialog *dialog,
                  int        response,
                  gpointer   data)
{
  g_autoptr (PdOwnerView) self = data;
  gint64 wanted = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "pd-unit-id"));
  gboolean closing = g_object_get_data (G_OBJECT (dialog), "pd-closing") != NULL;
  gint64 shown = pd_owner_detail_get_unit_id (self->detail);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  gtk_window_destroy (GTK_WINDOW (dialog));
  if (response == GTK_RESPONSE_ACCEPT && !pd_owner_detail_save (self->detail))
    response = GTK_RESPONSE_CANCEL;   /* the error is on screen: stay with it */
  if (response != GTK_RESPONSE_ACCEPT && response != GTK_RESPONSE_REJECT)
    {
      select_unit (self, shown);
      return;
    }
  if (closing)
    {
      /* Edits saved or given up: nothing holds the window any more. */
      pd_owner_detail_load (self->detail, shown);
      /* Closed once this dialog is gone: it still refers to the window
       * until its "response" emission ends. */
      if (GTK_IS_WINDOW (root))
        g_idle_add_full (G_PRIORITY_DEFAULT, close_window_idle, g_object_ref (root), g_object_unref);
      return;
    }
  pd_owner_detail_load (self->detail, wanted);
  select_unit (self, wanted);
}

/* Asks what to do with the file's unsaved edits before going to @wanted
 * (or, when @closing, before the window closes). */
static void
ask_unsaved (PdOwnerView *self,
             gint64       wanted,
             gboolean     closing)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  dialog = gtk_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT, GTK_MESSAGE_QUESTION,
                                   GTK_BUTTONS_NONE, "%s", _("Save the changes to this file?"));
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                            _("The file you are leaving has unsaved changes."));
  gtk_dialog_add_buttons (GTK_DIALOG (dialog), _("_Discard"), GTK_RESPONSE_REJECT, _("_Cancel"),
                          GTK_RESPONSE_CANCEL, _("_Save"), GTK_RESPONSE_ACCEPT, NULL);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  g_object_set_data (G_OBJECT (dialog), "pd-unit-id", GSIZE_TO_POINTER (wanted));
  g_object_set_data (G_OBJECT (dialog), "pd-closing", GINT_TO_POINTER (closing));
  g_signal_connect (dialog, "response", G_CALLBACK (unsaved_response), g_object_ref (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
selection_changed (PdOwnerView *self)
{
  gint64 wanted = selected_unit_id (self);

  if (self->refreshing)
    return;
  if (wanted == pd_owner_detail_get_unit_id (self->detail))
    g_clear_handle_id (&self->settle_source, g_source_remove);
  else if (pd_owner_detail_is_dirty (self->detail))
    ask_unsaved (self, wanted, FALSE);
  else
    settle_later (self);
}

static gboolean
window_close_request (GtkWindow   *window,
                      PdOwnerView *self)
{
  if (!pd_owner_detail_is_dirty (self->detail))
    return FALSE;
  ask_unsaved (self, 0, TRUE);
  return TRUE;
}

/* Enter or a double click on a row: work on that file. */
static void
row_activated (PdOwnerView *self,
               guint        position)
{
  settle_now (self);
  if (pd_owner_list_model_get_unit_id (self->model, position) == pd_owner_detail_get_unit_id (self->detail))
    pd_owner_detail_focus (self->detail);
}

/* Enter in the search box opens the first (or selected) match. */
static void
search_activated (PdOwnerView *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->model)) == 0)
    return;
  if (gtk_single_selection_get_selected (self->selection) == GTK_INVALID_LIST_POSITION)
    gtk_single_selection_set_selected (self->selection, 0);
  row_activated (self, gtk_single_selection_get_selected (self->selection));
}

static void
search_stopped (PdOwnerView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

/* ---- actions ----------------------------------------------------------- */

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PdOwnerView *self = PD_OWNER_VIEW (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

/* Ctrl+S wherever the focus is on the tab, the list included. */
static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PdOwnerView *self = PD_OWNER_VIEW (widget);

  if (pd_owner_detail_is_dirty (self->detail))
    pd_owner_detail_save (self->detail);
}

static void
new_file_saved (PdOwnerView *self,
                gint64       unit_id)
{
  /* Show the new file even when the current search would hide it. */
  if (pd_owner_list_model_find (self->model, unit_id) == G_MAXUINT)
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  refresh (self, TRUE);
  if (!pd_owner_detail_is_dirty (self->detail))
    {
      pd_owner_detail_load (self->detail, unit_id);
      select_unit (self, unit_id);
    }
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  PdOwnerView *self = PD_OWNER_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog = pd_role_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->ctx,
                                          PD_ROLE_DIALOG_NEW_FILE, 0, "owner");

  g_signal_connect_object (dialog, "saved", G_CALLBACK (new_file_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The list refreshes itself from the context's "changed" signal when the
 * import has written. */
static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PdOwnerView *self = PD_OWNER_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  pd_import_dialog_present (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->ctx);
}

/* Ctrl+E: the whole list, whatever the search shows — the workbook is the
 * office's ledger, not a view of it. */
static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PdOwnerView *self = PD_OWNER_VIEW (widget);

  pd_owner_output_export (widget, self->ctx, self->output_label);
}

/* The unit whose file is shown: the selected one, unless the user is
 * being asked about unsaved edits of the one before. */
static gint64
shown_unit_id (PdOwnerView *self)
{
  gint64 unit_id;

  settle_now (self);
  unit_id = pd_owner_detail_get_unit_id (self->detail);

  return unit_id != 0 ? unit_id : selected_unit_id (self);
}

/* Ctrl+P prints the 业主信息登记表 of the unit whose file is shown (the
 * print dialog has the preview); "Save as PDF" writes it to a file. */
static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  PdOwnerView *self = PD_OWNER_VIEW (widget);
  gint64 unit_id = shown_unit_id (self);

  if (g_str_equal (action_name, "owners.save-pdf"))
    pd_owner_output_save_pdf (widget, self->ctx, unit_id, self->output_label);
  else
    pd_owner_output_print (widget, self->ctx, unit_id);
}

/* Ctrl+R: a release slip (放行条) for the unit whose file is shown, its
 * applicants filled in; with no unit the dialog asks for one. */
static void
release_slip_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PdOwnerView *self = PD_OWNER_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  pd_release_slip_dialog_present (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->ctx,
                                  shown_unit_id (self));
}

/* ---- object ------------------------------------------------------------ */

static void
pd_owner_view_dispose (GObject *object)
{
  PdOwnerView *self = PD_OWNER_VIEW (object);
  GtkWidget *child;

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_clear_handle_id (&self->settle_source, g_source_remove);
  g_clear_signal_handler (&self->changed_handler, self->ctx);
  /* Removing the columns while disposing changes the sort order too. */
  g_clear_signal_handler (&self->sort_handler, self->sorter);
  gtk_widget_dispose_template (GTK_WIDGET (self), PD_TYPE_OWNER_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->model);
  g_clear_object (&self->ctx);
  G_OBJECT_CLASS (pd_owner_view_parent_class)->dispose (object);
}

/* Closing the window must not drop unsaved edits silently either. */
static void
pd_owner_view_root (GtkWidget *widget)
{
  GtkRoot *root;

  GTK_WIDGET_CLASS (pd_owner_view_parent_class)->root (widget);
  root = gtk_widget_get_root (widget);
  if (GTK_IS_WINDOW (root))
    g_signal_connect_object (root, "close-request", G_CALLBACK (window_close_request), widget, 0);
}

static void
pd_owner_view_unroot (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  if (root != NULL)
    g_signal_handlers_disconnect_by_func (root, window_close_request, widget);
  GTK_WIDGET_CLASS (pd_owner_view_parent_class)->unroot (widget);
}

static void
pd_owner_view_class_init (PdOwnerViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = pd_owner_view_dispose;
  widget_class->root = pd_owner_view_root;
  widget_class->unroot = pd_owner_view_unroot;
  gtk_widget_class_set_template_from_resource (widget_class, "/org/propdesk/PropDesk/ui/pd-owner-view.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, PdOwnerView, toolbar);
  gtk_widget_class_bind_template_child (widget_class, PdOwnerView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PdOwnerView, count_label);
  gtk_widget_class_bind_template_child (widget_class, PdOwnerView, output_label);
  gtk_widget_class_bind_template_child (widget_class, PdOwnerView, paned);
  gtk_widget_class_bind_template_child (widget_class, PdOwnerView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, PdOwnerView, list_view);
  gtk_widget_class_bind_template_child (widget_class, PdOwnerView, empty_title);
  gtk_widget_class_bind_template_child (widget_class, PdOwnerView, empty_hint);
  gtk_widget_class_install_action (widget_class, "owners.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "owners.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "owners.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "owners.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "owners.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "owners.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "owners.save-pdf", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "owners.release-slip", NULL, release_slip_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "owners.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "owners.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "owners.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "owners.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "owners.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "owners.release-slip", NULL);
}

static void
add_column (PdOwnerView         *self,
            GtkColumnViewColumn *column,
            int                  sort)
{
  if (sort >= 0)
    {
      g_autoptr (GtkSorter) sorter = column_sorter ((PdOwnerSort) sort);
      gtk_column_view_column_set_sorter (column, sorter);
    }
  gtk_column_view_append_column (self->list_view, column);
  if (sort == PD_OWNER_SORT_UNIT)
    gtk_column_view_sort_by_column (self->list_view, column, GTK_SORT_ASCENDING);
  g_object_unref (column);
}

static void
pd_owner_view_init (PdOwnerView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  add_column (self, pd_text_column_new (_("Unit code"), unit_text, NULL, self, 0, 84), PD_OWNER_SORT_UNIT);
  add_column (self, pd_text_column_new (_("Owner"), owners_text, NULL, self, 0, 0), PD_OWNER_SORT_OWNER);
  add_column (self, pd_text_column_new (_("Mobile"), phone_text, NULL, self, 0, 104), -1);
  add_column (self, pd_text_column_new (_("State"), state_text, state_style, self, 0, 72), PD_OWNER_SORT_STATE);
  add_column (self, pd_text_column_new (_("Area (m²)"), area_text, NULL, self, 1, 76), PD_OWNER_SORT_AREA);
  add_column (self, pd_text_column_new (_("Tenants"), tenants_text, NULL, self, 0, 76), -1);
}

GtkWidget *
pd_owner_view_new (PdContext *ctx)
{
  PdOwnerView *self = g_object_new (PD_TYPE_OWNER_VIEW, NULL);

  g_return_val_if_fail (PD_IS_CONTEXT (ctx), NULL);
  self->ctx = g_object_ref (ctx);
  self->model = pd_owner_list_model_new (ctx);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_column_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  g_object_unref (self->selection);
  self->detail = PD_OWNER_DETAIL (pd_owner_detail_new (ctx));
  gtk_paned_set_end_child (self->paned, GTK_WIDGET (self->detail));

  g_signal_connect_swapped (self->selection, "selection-changed", G_CALLBACK (selection_changed), self);
  g_signal_connect_swapped (self->list_view, "activate", G_CALLBACK (row_activated), self);
  self->sorter = gtk_column_view_get_sorter (self->list_view);
  self->sort_handler = g_signal_connect_swapped (self->sorter, "changed", G_CALLBACK (sort_changed), self);
  g_signal_connect_swapped (self->search_entry, "changed", G_CALLBACK (search_changed), self);
  g_signal_connect_swapped (self->search_entry, "activate", G_CALLBACK (search_activated), self);
  g_signal_connect_swapped (self->search_entry, "stop-search", G_CALLBACK (search_stopped), self);
  self->changed_handler = g_signal_connect_swapped (ctx, "changed", G_CALLBACK (context_changed), self);
  g_signal_connect_swapped (self, "map", G_CALLBACK (first_map), self);
  return GTK_WIDGET (self);
}

void
pd_owner_view_show_unit (PdOwnerView *self,
                         gint64       unit_id)
{
  guint position;

  g_return_if_fail (PD_IS_OWNER_VIEW (self));
  if (never_shown (self))
    first_map (self);
  if (*gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0')
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      refresh (self, FALSE);
    }
  position = pd_owner_list_model_find (self->model, unit_id);
  if (position == G_MAXUINT)
    return;
  gtk_single_selection_set_selected (self->selection, position);
  scroll_to_selected (self);
  /* Shown from another tab: the file at once. */
  settle_now (self);
}
