/* pd-renovation-view.c — see pd-renovation-view.h. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pd-application.h"
#include "pd-context-watch.h"
#include "pd-deposit-ledger.h"
#include "pd-renovation-detail.h"
#include "pd-renovation-form.h"
#include "pd-renovation-output.h"
#include "pd-record-item.h"
#include "pd-release-slip-dialog.h"
#include "pd-text-column.h"
#include "pd-renovation-patrol-panel.h"
#include "pd-renovation-patrol.h"
#include "pd-renovation-view.h"
#include "pd-renovation-workflow.h"
#include "pd-settings.h"

struct _PdRenovationView
{
  GtkBox              parent_instance;
  PdContext          *ctx;
  GListStore         *store;
  GtkFilter          *filter;
  GtkSingleSelection *selection;
  GtkWidget          *form;
  GtkWidget          *detail;
  GtkWidget          *patrols;

  GtkSearchEntry     *search_entry;
  GtkDropDown        *filter_dropdown;
  GtkMenuButton      *print_button;
  GtkDropDown        *month_dropdown;
  GtkLabel           *count_label;
  GtkColumnView      *list_view;
  GtkLabel           *unpatrolled_label;
  GtkColumnView      *unpatrolled_view;
  GtkNotebook        *pages;
};

G_DEFINE_FINAL_TYPE (PdRenovationView, pd_renovation_view, GTK_TYPE_BOX)

static void
append_column (GtkColumnView       *view,
               GtkColumnViewColumn *column)
{
  gtk_column_view_append_column (view, column);
  g_object_unref (column);
}

enum { PAGE_APPLICATION, PAGE_WORKFLOW, PAGE_PATROLS };

/* One row of the register: the record and what the list shows about it. */
typedef struct
{
  PdRenovation    *renovation;
  PdReviewDeadline deadline;
  gint64           shortfall_fen;
  gboolean         topup_overdue;
} Row;

static void
row_free (Row *row)
{
  pd_renovation_free (row->renovation);
  g_free (row);
}

/* ---- columns ----------------------------------------------------------- */

static char *
row_unit (gconstpointer record,
         gpointer      data)
{
  return g_strdup (((const Row *) record)->renovation->unit_code);
}

static char *
row_applicant (gconstpointer record,
              gpointer      data)
{
  return g_strdup (((const Row *) record)->renovation->applicant_name);
}

static char *
row_state (gconstpointer record,
          gpointer      data)
{
  return g_strdup (pd_renovation_state_label (((const Row *) record)->renovation->state));
}

static char *
row_due (gconstpointer record,
        gpointer      data)
{
  const Row *row = record;
  return g_strdup (row->deadline == PD_REVIEW_NOT_RUNNING ? "" : row->renovation->review_due);
}

static const char *
row_due_style (gconstpointer record,
               gpointer      data)
{
  const Row *row = record;
  return row->deadline == PD_REVIEW_OVERDUE ? "overdue" : row->deadline == PD_REVIEW_DUE_SOON ? "due-soon" : NULL;
}

static char *
row_serial (gconstpointer record,
           gpointer      data)
{
  return g_strdup (((const Row *) record)->renovation->serial);
}

static char *
row_period (gconstpointer record,
           gpointer      data)
{
  const PdRenovation *r = ((const Row *) record)->renovation;
  if (r->planned_start[0] == '\0')
    return g_strdup ("");
  return g_strdup_printf ("%s — %s", r->planned_start + 5, r->planned_end + 5);
}

static char *
row_deposit (gconstpointer record,
            gpointer      data)
{
  const Row *row = record;
  g_autofree char *amount = NULL;

  if (row->shortfall_fen <= 0)
    return g_strdup ("");
  amount = pd_fen_format (row->shortfall_fen);
  /* Translators: a deposit top-up still owed, in yuan */
  return g_strdup_printf (row->topup_overdue ? _("top-up %s overdue") : _("top-up %s owed"), amount);
}

static const char *
row_deposit_style (gconstpointer record,
                   gpointer      data)
{
  const Row *row = record;
  return row->topup_overdue ? "overdue" : row->shortfall_fen > 0 ? "due-soon" : NULL;
}

static char *
due_unit (gconstpointer record,
         gpointer      data)
{
  return g_strdup (((const PdPatrolDue *) record)->unit_code);
}

static char *
due_count (gconstpointer record,
          gpointer      data)
{
  const PdPatrolDue *due = record;
  /* Translators: patrols done today of those expected, e.g. "1 / 2" */
  return g_strdup_printf (_("%d / %d today"), due->done, due->expected);
}

static const char *
due_style (gconstpointer record,
           gpointer      data)
{
  return ((const PdPatrolDue *) record)->done == 0 ? "overdue" : "due-soon";
}

static char *
due_state (gconstpointer record,
          gpointer      data)
{
  return g_strdup (pd_renovation_state_label (((const PdPatrolDue *) record)->state));
}

/* ---- filter ------------------------------------------------------------ */

static const char *const filter_names[] = {
  N_("All applications"), N_("Open"), N_("Awaiting review"), N_("Review overdue"), N_("Works on site"),
  N_("Deposit top-up owed"), N_("Finished"),
};

static gboolean
contains (const char *haystack,
          const char *needle)
{
  g_autofree char *folded = g_utf8_casefold (haystack ? haystack : "", -1);
  return strstr (folded, needle) != NULL;
}

static gboolean
filter_row (gpointer item,
            gpointer user_data)
{
  PdRenovationView *self = user_data;
  const Row *row = pd_record_item_get (item);
  const PdRenovation *r = row->renovation;
  g_autofree char *needle = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), -1);
  static const char *const finished[] = { "rejected", "refunded", "closed", "withdrawn", NULL };
  gboolean ended = g_strv_contains (finished, r->state);

  g_strstrip (needle);
  if (needle[0] != '\0' && !contains (r->unit_code, needle) && !contains (r->applicant_name, needle) &&
      !contains (r->serial, needle) && !contains (r->contractor_name, needle) && !contains (r->owner_name, needle))
    return FALSE;
  switch (gtk_drop_down_get_selected (self->filter_dropdown))
    {
    case 1: return !ended;
    case 2: return row->deadline != PD_REVIEW_NOT_RUNNING;
    case 3: return row->deadline == PD_REVIEW_OVERDUE;
    case 4: return pd_renovation_state_on_site (r->state);
    case 5: return row->shortfall_fen > 0;
    case 6: return ended;
    default: return TRUE;
    }
}

static void
update_count (PdRenovationView *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  /* Translators: applications shown of all */
  g_autofree char *text = g_strdup_printf (_("%u of %u applications"), shown, total);

  gtk_label_set_text (self->count_label, text);
}

static void
on_filter_changed (PdRenovationView *self)
{
  gtk_filter_changed (self->filter, GTK_FILTER_CHANGE_DIFFERENT);
  update_count (self);
}

/* ---- loading ----------------------------------------------------------- */

static gint64
selected_id (PdRenovationView *self)
{
  PdRecordItem *item = gtk_single_selection_get_selected_item (self->selection);
  return item ? ((Row *) pd_record_item_get (item))->renovation->id : 0;
}

static void
show_selected (PdRenovationView *self)
{
  gint64 id = selected_id (self);

  /* The same application stays as typed (a reload after some other change
   * must not throw away unsaved edits); another one is loaded. */
  if (id == pd_renovation_form_get_id (PD_RENOVATION_FORM (self->form)))
    pd_renovation_form_refresh (PD_RENOVATION_FORM (self->form));
  else
    pd_renovation_form_load (PD_RENOVATION_FORM (self->form), id);
  pd_renovation_detail_load (PD_RENOVATION_DETAIL (self->detail), id);
  pd_renovation_patrol_panel_load (PD_RENOVATION_PATROL_PANEL (self->patrols), id);
}

static void
on_selection_changed (PdRenovationView *self)
{
  show_selected (self);
}

static void
load_unpatrolled (PdRenovationView *self)
{
  g_autoptr (GPtrArray) missing = pd_renovation_patrols_today (self->ctx, TRUE, NULL);
  g_autoptr (GListStore) store = NULL;
  g_autoptr (GtkSingleSelection) selection = NULL;
  /* Translators: heading of the list of units not patrolled enough today */
  g_autofree char *heading = g_strdup_printf (_("Not patrolled today (%u)"), missing ? missing->len : 0);

  gtk_label_set_text (self->unpatrolled_label, heading);
  store = g_list_store_new (PD_TYPE_RECORD_ITEM);
  if (missing != NULL)
    pd_record_store_replace (store, missing, (GDestroyNotify) pd_patrol_due_free);
  selection = gtk_single_selection_new (G_LIST_MODEL (g_steal_pointer (&store)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_single_selection_set_selected (selection, GTK_INVALID_LIST_POSITION);
  gtk_column_view_set_model (self->unpatrolled_view, GTK_SELECTION_MODEL (selection));
}

static void
reload (PdRenovationView *self)
{
  gint64 keep = selected_id (self);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();

  /* The rule "top up within 3 days or work stops" is applied whenever the
   * register is looked at. */
  if (pd_deposit_enforce_topups (self->ctx, &error) < 0)
    g_warning ("enforcing deposit top-ups: %s", error->message);
  g_clear_error (&error);
  list = pd_renovation_list (self->ctx, &error);
  if (list == NULL)
    {
      pd_show_error (GTK_WIDGET (self), _("The renovation register could not be read."), error);
      return;
    }
  for (guint i = 0; i < list->len; i++)
    {
      Row *row = g_new0 (Row, 1);
      PdDepositSummary summary = { 0 };

      row->renovation = list->pdata[i];
      row->deadline = pd_renovation_review_deadline (self->ctx, row->renovation);
      if (pd_deposit_summarize (self->ctx, row->renovation->id, &summary, NULL))
        {
          row->shortfall_fen = summary.shortfall_fen;
          row->topup_overdue = summary.topup_overdue;
        }
      pd_deposit_summary_clear (&summary);
      g_ptr_array_add (rows, row);
    }
  g_ptr_array_set_free_func (list, NULL);
  /* Replacing the rows moves the selection through "nothing"; that is not
   * the user choosing another application. */
  g_signal_handlers_block_by_func (self->selection, on_selection_changed, self);
  pd_record_store_replace (self->store, rows, (GDestroyNotify) row_free);
  g_signal_handlers_unblock_by_func (self->selection, on_selection_changed, self);
  pd_renovation_view_select (self, keep);
  load_unpatrolled (self);
  update_count (self);
}

void
pd_renovation_view_select (PdRenovationView *self,
                           gint64            renovation_id)
{
  guint position = GTK_INVALID_LIST_POSITION;
  guint n;

  /* From Today: the tab may never have been shown. */
  pd_context_watch_ensure (self);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));

  for (guint i = 0; i < n && renovation_id != 0; i++)
    {
      g_autoptr (PdRecordItem) item = g_list_model_get_item (G_LIST_MODEL (self->selection), i);
      if (((Row *) pd_record_item_get (item))->renovation->id == renovation_id)
        position = i;
    }
  gtk_single_selection_set_selected (self->selection, position);
  show_selected (self);
}

/* ---- reactions --------------------------------------------------------- */

static void
on_form_saved (PdRenovationView *self,
               gint64            renovation_id)
{
  reload (self);
  pd_renovation_view_select (self, renovation_id);
}

static void
on_application_error (PdRenovationView *self,
                      const GError     *error)
{
  gtk_notebook_set_current_page (self->pages, PAGE_APPLICATION);
  if (!pd_renovation_form_show_error (PD_RENOVATION_FORM (self->form), error))
    pd_show_error (GTK_WIDGET (self), _("The action is not possible."), error);
}

static void
on_unpatrolled_activate (GtkColumnView    *view,
                         guint             position,
                         PdRenovationView *self)
{
  g_autoptr (PdRecordItem) item = g_list_model_get_item (G_LIST_MODEL (gtk_column_view_get_model (view)),
                                                             position);
  const PdPatrolDue *due = pd_record_item_get (item);

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->filter_dropdown, 0);
  pd_renovation_view_select (self, due->renovation_id);
  gtk_notebook_set_current_page (self->pages, PAGE_PATROLS);
}

static void
action_new (GtkWidget  *widget,
            const char *name,
            GVariant   *parameter)
{
  PdRenovationView *self = PD_RENOVATION_VIEW (widget);

  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  pd_renovation_form_load (PD_RENOVATION_FORM (self->form), 0);
  gtk_notebook_set_current_page (self->pages, PAGE_APPLICATION);
  gtk_widget_grab_focus (self->form);
  gtk_widget_child_focus (self->form, GTK_DIR_TAB_FORWARD);
}

static void
action_search (GtkWidget  *widget,
               const char *name,
               GVariant   *parameter)
{
  gtk_widget_grab_focus (GTK_WIDGET (PD_RENOVATION_VIEW (widget)->search_entry));
}

static void
action_save (GtkWidget  *widget,
             const char *name,
             GVariant   *parameter)
{
  PdRenovationView *self = PD_RENOVATION_VIEW (widget);

  gtk_notebook_set_current_page (self->pages, PAGE_APPLICATION);
  pd_renovation_form_save (PD_RENOVATION_FORM (self->form));
}

/* ---- printing and export ----------------------------------------------- */

static void
print_form (PdRenovationView    *self,
            PdRenovationPrintout form)
{
  gint64 id = selected_id (self);
  gint64 violation = 0;

  if (form == PD_RENOVATION_PRINTOUT_NOTICE)
    {
      g_autoptr (GPtrArray) violations = NULL;

      /* The violation chosen on the Patrols page, else the latest one. */
      violation = pd_renovation_patrol_panel_get_violation (PD_RENOVATION_PATROL_PANEL (self->patrols));
      if (violation == 0 && id != 0)
        {
          violations = pd_renovation_violation_list (self->ctx, id, NULL);
          if (violations != NULL && violations->len > 0)
            violation = ((PdRenovationViolation *) violations->pdata[0])->id;
        }
      if (violation == 0)
        {
          g_autoptr (GError) error = NULL;
          g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                               _("Choose an application with a violation (Patrols page)."));
          pd_show_error (GTK_WIDGET (self), _("This form cannot be printed."), error);
          return;
        }
    }
  else if (id == 0 && form != PD_RENOVATION_PRINTOUT_PATROL_SHEET)
    {
      g_autoptr (GError) error = NULL;
      g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("Choose an application in the list."));
      pd_show_error (GTK_WIDGET (self), _("This form cannot be printed."), error);
      return;
    }
  pd_renovation_output_print (GTK_WIDGET (self), self->ctx, form, id, violation);
}

static void
action_print_form (GtkWidget  *widget,
                   const char *name,
                   GVariant   *parameter)
{
  static const struct { const char *name; PdRenovationPrintout form; } forms[] = {
    { "renovation.print-permit", PD_RENOVATION_PRINTOUT_PERMIT },
    { "renovation.print-passes", PD_RENOVATION_PRINTOUT_PASSES },
    { "renovation.print-patrol-sheet", PD_RENOVATION_PRINTOUT_PATROL_SHEET },
    { "renovation.print-notice", PD_RENOVATION_PRINTOUT_NOTICE },
    { "renovation.print-refund", PD_RENOVATION_PRINTOUT_REFUND },
  };

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    if (g_str_equal (name, forms[i].name))
      print_form (PD_RENOVATION_VIEW (widget), forms[i].form);
}

static void
action_print (GtkWidget  *widget,
              const char *name,
              GVariant   *parameter)
{
  gtk_menu_button_popup (PD_RENOVATION_VIEW (widget)->print_button);
}

static void
action_export (GtkWidget  *widget,
               const char *name,
               GVariant   *parameter)
{
  PdRenovationView *self = PD_RENOVATION_VIEW (widget);
  GtkStringObject *month = gtk_drop_down_get_selected_item (self->month_dropdown);

  if (month != NULL)
    pd_renovation_output_export (GTK_WIDGET (self), self->ctx, gtk_string_object_get_string (month));
}

/* Ctrl+R: goods leaving during the works need a release slip (DOMAIN §3,
 * §5): one for the application's unit and applicant, the reason preset,
 * the permit named. */
static void
action_release_slip (GtkWidget  *widget,
                     const char *name,
                     GVariant   *parameter)
{
  PdRenovationView *self = PD_RENOVATION_VIEW (widget);
  PdRecordItem *item = gtk_single_selection_get_selected_item (self->selection);
  const PdRenovation *renovation = item ? ((Row *) pd_record_item_get (item))->renovation : NULL;
  g_autofree char *note = NULL;
  GtkWidget *dialog;

  if (renovation == NULL)
    {
      g_autoptr (GError) error = NULL;
      g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("Choose an application in the list."));
      pd_show_error (widget, _("No release slip can be issued."), error);
      return;
    }
  if (*renovation->serial != '\0')
    /* Translators: description of a release slip issued from a renovation
     * (the reason already says renovation), at most 20 characters; %s is the
     * permit number, ZX-2026-0001 */
    note = g_strdup_printf (_("Permit %s"), renovation->serial);
  dialog = pd_release_slip_dialog_present (GTK_WINDOW (gtk_widget_get_root (widget)), self->ctx,
                                           renovation->unit_id);
  pd_release_slip_dialog_set_reason (PD_RELEASE_SLIP_DIALOG (dialog), "renovation", note);
  /* Whoever applied for the works applies for their goods; a tenant who is
   * no longer on the unit leaves the owner chosen. */
  pd_release_slip_dialog_set_applicant (PD_RELEASE_SLIP_DIALOG (dialog), renovation->applicant_id);
}

/* This month and the eleven before it, newest first. */
static void
fill_months (PdRenovationView *self)
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

/* ---- type -------------------------------------------------------------- */

static void
pd_renovation_view_dispose (GObject *object)
{
  PdRenovationView *self = PD_RENOVATION_VIEW (object);

  pd_context_unwatch (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), PD_TYPE_RENOVATION_VIEW);
  g_clear_object (&self->selection);
  g_clear_object (&self->store);
  g_clear_object (&self->ctx);
  G_OBJECT_CLASS (pd_renovation_view_parent_class)->dispose (object);
}

static void
pd_renovation_view_class_init (PdRenovationViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = pd_renovation_view_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/org/propdesk/PropDesk/ui/pd-renovation-view.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, PdRenovationView, name)
  CHILD (search_entry); CHILD (filter_dropdown); CHILD (print_button); CHILD (month_dropdown); CHILD (count_label); CHILD (list_view);
  CHILD (unpatrolled_label); CHILD (unpatrolled_view); CHILD (pages);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);

  gtk_widget_class_install_action (widget_class, "renovation.new", NULL, action_new);
  gtk_widget_class_install_action (widget_class, "renovation.search", NULL, action_search);
  gtk_widget_class_install_action (widget_class, "renovation.save", NULL, action_save);
  gtk_widget_class_install_action (widget_class, "renovation.print", NULL, action_print);
  gtk_widget_class_install_action (widget_class, "renovation.export", NULL, action_export);
  gtk_widget_class_install_action (widget_class, "renovation.release-slip", NULL, action_release_slip);
  gtk_widget_class_install_action (widget_class, "renovation.print-permit", NULL, action_print_form);
  gtk_widget_class_install_action (widget_class, "renovation.print-passes", NULL, action_print_form);
  gtk_widget_class_install_action (widget_class, "renovation.print-patrol-sheet", NULL, action_print_form);
  gtk_widget_class_install_action (widget_class, "renovation.print-notice", NULL, action_print_form);
  gtk_widget_class_install_action (widget_class, "renovation.print-refund", NULL, action_print_form);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "renovation.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "renovation.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "renovation.release-slip", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "renovation.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "renovation.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "renovation.save", NULL);
}

static void
pd_renovation_view_init (PdRenovationView *self)
{
  g_autoptr (GtkStringList) filters = gtk_string_list_new (NULL);
  GtkFilterListModel *filtered;

  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint i = 0; i < G_N_ELEMENTS (filter_names); i++)
    gtk_string_list_append (filters, _(filter_names[i]));
  gtk_drop_down_set_model (self->filter_dropdown, G_LIST_MODEL (filters));
  gtk_drop_down_set_selected (self->filter_dropdown, 1);
  g_signal_connect_swapped (self->filter_dropdown, "notify::selected", G_CALLBACK (on_filter_changed), self);

  self->store = g_list_store_new (PD_TYPE_RECORD_ITEM);
  self->filter = GTK_FILTER (gtk_custom_filter_new (filter_row, self, NULL));
  filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->store)), self->filter);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (filtered));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (on_selection_changed), self);

  append_column (self->list_view, pd_text_column_new (_("Unit"), row_unit, NULL, NULL, 0, 80));
  append_column (self->list_view, pd_text_column_new (_("Applicant"), row_applicant, NULL, NULL, 0, 0));
  append_column (self->list_view, pd_text_column_new (C_("renovation", "State"), row_state, NULL, NULL, 0, 130));
  append_column (self->list_view, pd_text_column_new (_("Reply due"), row_due, row_due_style, NULL, 0, 96));
  append_column (self->list_view, pd_text_column_new (_("Permit no."), row_serial, NULL, NULL, 0, 112));
  append_column (self->list_view, pd_text_column_new (_("Works"), row_period, NULL, NULL, 0, 110));
  append_column (self->list_view, pd_text_column_new (_("Deposit"), row_deposit, row_deposit_style, NULL, 0, 120));
  append_column (self->unpatrolled_view, pd_text_column_new (_("Unit"), due_unit, NULL, NULL, 0, 90));
  append_column (self->unpatrolled_view, pd_text_column_new (_("Patrols"), due_count, due_style, NULL, 0, 100));
  append_column (self->unpatrolled_view, pd_text_column_new (C_("renovation", "State"), due_state, NULL, NULL, 0, 0));
  g_signal_connect (self->unpatrolled_view, "activate", G_CALLBACK (on_unpatrolled_activate), self);
}

GtkWidget *
pd_renovation_view_new (PdContext *ctx)
{
  PdRenovationView *self = g_object_new (PD_TYPE_RENOVATION_VIEW, NULL);

  self->ctx = g_object_ref (ctx);
  fill_months (self);
  {
    g_autoptr (GMenuModel) menu = pd_renovation_output_print_menu ();
    gtk_menu_button_set_menu_model (self->print_button, menu);
  }
  self->form = pd_renovation_form_new (ctx);
  self->detail = pd_renovation_detail_new (ctx);
  self->patrols = pd_renovation_patrol_panel_new (ctx);
  gtk_notebook_append_page (self->pages, self->form, gtk_label_new (_("Application")));
  gtk_notebook_append_page (self->pages, self->detail, gtk_label_new (_("Workflow and deposit")));
  gtk_notebook_append_page (self->pages, self->patrols, gtk_label_new (_("Patrols")));
  g_signal_connect_swapped (self->form, "saved", G_CALLBACK (on_form_saved), self);
  g_signal_connect_swapped (self->detail, "application-error", G_CALLBACK (on_application_error), self);
  /* Several tables change per action (pd-context-watch reloads once after
   * them); the register is read when the tab is first shown. */
  pd_context_watch_lazily (ctx, GTK_WIDGET (self), (const char *const[]) { "", NULL },
                           (PdContextWatchFunc) reload);
  return GTK_WIDGET (self);
}
