/* pd-owner-detail.c — see pd-owner-detail.h. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-application.h"
#include "pd-error.h"
#include "pd-form-field.h"
#include "pd-handover.h"
#include "pd-owner-detail.h"
#include "pd-owner-file.h"
#include "pd-owner-history.h"
#include "pd-person-form.h"
#include "pd-record-item.h"
#include "pd-role-dialog.h"
#include "pd-text-column.h"
#include "pd-unit-residents.h"
#include "pd-validate.h"

struct _PdOwnerDetail
{
  GtkWidget        parent_instance;
  PdContext       *ctx;
  gulong           changed_handler;
  guint            reload_source;
  gint64           unit_id;
  PdUnit          *unit;
  GPtrArray       *owner_forms;    /* PdPersonForm, one per current owner */
  GPtrArray       *owner_titles;   /* GtkLabel above each form */
  GPtrArray       *state_codes;    /* behind state_dropdown: current state, then allowed moves */
  gboolean         loading;
  gboolean         dirty;
  GListStore      *ownership;      /* PdUnitRole of owners, current and ended */
  GListStore      *history;        /* PdHistoryEntry */

  GtkStack        *stack;
  GtkLabel        *title_label;
  GtkLabel        *state_badge;
  GtkLabel        *subtitle_label;
  GtkWidget       *dirty_label;
  GtkWidget       *revert_button;
  GtkNotebook     *pages;
  GtkWidget       *file_box;
  GtkDropDown     *use_dropdown;
  GtkDropDown     *state_dropdown;
  GtkEntry        *layout_entry;
  GtkEntry        *gross_area_entry;
  GtkEntry        *inner_area_entry;
  GtkEntry        *floor_entry;
  GtkBox          *owners_box;
  GtkWidget       *no_owner_label;
  PdUnitResidents *residents;
  GtkColumnView   *ownership_view;
  GtkColumnView   *history_view;
};

G_DEFINE_FINAL_TYPE (PdOwnerDetail, pd_owner_detail, GTK_TYPE_WIDGET)

static const char *const uses[] = { "residential", "shop", "office" };
static const char *const states[] = { "unsold", "vacant", "handed_over", "renovating", "occupied", "rented" };

/* ---- cells ------------------------------------------------------------- */

static char *
owner_name_text (gconstpointer record, gpointer data)
{
  return g_strdup (((const PdUnitRole *) record)->person_name);
}

static char *
owner_start_text (gconstpointer record, gpointer data)
{
  return g_strdup (((const PdUnitRole *) record)->start_on);
}

static char *
owner_end_text (gconstpointer record, gpointer data)
{
  const PdUnitRole *role = record;

  /* Translators: an ownership period that has not ended */
  return g_strdup (*role->ended_on ? role->ended_on : _("current"));
}

static const char *
owner_style (gconstpointer record, gpointer data)
{
  return *((const PdUnitRole *) record)->ended_on ? "dim-label" : NULL;
}

static char *
history_at_text (gconstpointer record, gpointer data)
{
  const char *at = ((const PdHistoryEntry *) record)->at;

  /* Minutes are enough to tell edits apart on screen. */
  return g_strndup (at, 16);
}

#define HISTORY_TEXT(member) \
  static char * \
  history_##member##_text (gconstpointer record, gpointer data) \
  { \
    const char *text = ((const PdHistoryEntry *) record)->member; \
    return g_strdup (text && *text ? text : "—"); \
  }
HISTORY_TEXT (user_name)
HISTORY_TEXT (record)
HISTORY_TEXT (field)
HISTORY_TEXT (old_value)
HISTORY_TEXT (new_value)
#undef HISTORY_TEXT

static void
add_column (GtkColumnView       *view,
            GtkColumnViewColumn *column)
{
  gtk_column_view_append_column (view, column);
  g_object_unref (column);
}

/* ---- editing state ----------------------------------------------------- */

static void
update_actions (PdOwnerDetail *self)
{
  gboolean loaded = self->unit != NULL;

  gtk_widget_set_visible (self->dirty_label, self->dirty);
  gtk_widget_set_visible (self->revert_button, self->dirty);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.save", loaded && self->dirty);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.revert", loaded && self->dirty);
  /* A transfer replaces the owners on screen: it waits for edits to be saved. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.transfer", loaded && !self->dirty);
}

static void
edited (PdOwnerDetail *self)
{
  if (self->loading || self->dirty)
    return;
  self->dirty = TRUE;
  update_actions (self);
}

static void
set_entry (GtkEntry   *entry,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), text ? text : "");
}

static char *
format_area (double area)
{
  return area > 0 ? g_strdup_printf ("%.2f", area) : g_strdup ("");
}

/* ---- loading ----------------------------------------------------------- */

static void
load_state_choices (PdOwnerDetail *self)
{
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);

  /* Only the moves the state machine allows, so an illegal one cannot be chosen. */
  g_ptr_array_set_size (self->state_codes, 0);
  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    if (g_str_equal (self->unit->state, states[i]))
      g_ptr_array_add (self->state_codes, (gpointer) states[i]);
  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    if (pd_unit_state_transition_allowed (self->unit->state, states[i]))
      g_ptr_array_add (self->state_codes, (gpointer) states[i]);
  for (guint i = 0; i < self->state_codes->len; i++)
    gtk_string_list_append (labels, pd_unit_state_label (self->state_codes->pdata[i]));
  gtk_drop_down_set_model (self->state_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->state_dropdown, 0);
}

/* One titled PdPersonForm per current owner.  Forms are reused from one
 * file to the next: building one from its template is the slowest part of
 * showing a file. */
static void
load_owner_forms (PdOwnerDetail *self,
                  GPtrArray     *owners)
{
  guint shown = 0;

  for (guint i = 0; i < owners->len; i++)
    {
      PdUnitRole *role = owners->pdata[i];
      g_autoptr (PdPerson) person = pd_person_get (self->ctx, role->person_id, NULL);
      g_autofree char *title = NULL;

      if (person == NULL)
        continue;
      title = owners->len > 1
        /* Translators: co-owner number, number of owners, since date */
        ? g_strdup_printf (_("Owner %u of %u · since %s"), i + 1, owners->len, role->start_on)
        /* Translators: since date of the owner */
        : g_strdup_printf (_("Owner · since %s"), role->start_on);
      if (shown == self->owner_forms->len)
        {
          GtkWidget *label = gtk_label_new (NULL);
          GtkWidget *form = pd_person_form_new ();

          gtk_label_set_xalign (GTK_LABEL (label), 0);
          gtk_widget_add_css_class (label, "section-title");
          gtk_box_append (self->owners_box, label);
          g_signal_connect_swapped (form, "changed", G_CALLBACK (edited), self);
          gtk_box_append (self->owners_box, form);
          g_ptr_array_add (self->owner_titles, label);
          g_ptr_array_add (self->owner_forms, form);
        }
      gtk_label_set_text (self->owner_titles->pdata[shown], title);
      pd_person_form_set_person (self->owner_forms->pdata[shown], person);
      shown++;
    }
  while (self->owner_forms->len > shown)
    {
      gtk_box_remove (self->owners_box, g_ptr_array_steal_index (self->owner_titles, shown));
      gtk_box_remove (self->owners_box, g_ptr_array_steal_index (self->owner_forms, shown));
    }
  gtk_widget_set_visible (self->no_owner_label, shown == 0);
}

static void
load_header (PdOwnerDetail *self,
             GPtrArray     *owners)
{
  GString *subtitle = g_string_new (pd_unit_use_label (self->unit->use));
  g_autoptr (PdHandover) handover = NULL;

  gtk_label_set_text (self->title_label, self->unit->code);
  gtk_label_set_text (self->state_badge, pd_unit_state_label (self->unit->state));
  if (*self->unit->layout)
    g_string_append_printf (subtitle, " · %s", self->unit->layout);
  if (self->unit->gross_area > 0)
    g_string_append_printf (subtitle, " · %.2f m²", self->unit->gross_area);
  for (guint i = 0; i < owners->len; i++)
    g_string_append_printf (subtitle, "%s%s", i ? "、" : " · ", ((PdUnitRole *) owners->pdata[i])->person_name);
  handover = pd_handover_find_for_unit (self->ctx, self->unit->id, NULL);
  if (handover != NULL)
    /* Translators: in the owner file's header: the handover's status and the day it closed or began */
    g_string_append_printf (subtitle, C_("handover", " · Handover: %s %s"), pd_handover_status_label (handover->status),
                            *handover->closed_on ? handover->closed_on : handover->handover_on);
  gtk_label_set_text (self->subtitle_label, subtitle->str);
  g_string_free (subtitle, TRUE);
}

/* The lists that change through actions of their own (not through the
 * form): residents, ownership periods, change history. */
static void
load_lists (PdOwnerDetail *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) roles = pd_unit_role_list (self->ctx, self->unit_id, 0, FALSE, &error);
  g_autoptr (GPtrArray) owners = g_ptr_array_new ();
  g_autoptr (GPtrArray) history = NULL;

  pd_unit_residents_load (self->residents, self->unit_id);
  for (guint i = 0; roles != NULL && i < roles->len; i++)
    if (g_str_equal (((PdUnitRole *) roles->pdata[i])->role, "owner"))
      g_ptr_array_add (owners, g_steal_pointer (&roles->pdata[i]));
  pd_record_store_replace (self->ownership, owners, (GDestroyNotify) pd_unit_role_free);
  history = pd_owner_history_list (self->ctx, self->unit_id, error ? NULL : &error);
  if (history != NULL)
    pd_record_store_replace (self->history, history, (GDestroyNotify) pd_history_entry_free);
  if (error != NULL)
    pd_show_error (GTK_WIDGET (self), _("The file could not be read completely"), error);
}

void
pd_owner_detail_load (PdOwnerDetail *self,
                      gint64         unit_id)
{
  g_autoptr (GPtrArray) owners = NULL;
  g_autofree char *gross = NULL, *inner = NULL, *floor = NULL;

  g_return_if_fail (PD_IS_OWNER_DETAIL (self));
  g_clear_pointer (&self->unit, pd_unit_free);
  self->unit_id = unit_id;
  self->dirty = FALSE;
  self->unit = unit_id > 0 ? pd_unit_get (self->ctx, unit_id, NULL) : NULL;
  if (self->unit == NULL)
    {
      self->unit_id = 0;
      gtk_stack_set_visible_child_name (self->stack, "empty");
      pd_unit_residents_load (self->residents, 0);
      update_actions (self);
      return;
    }
  self->loading = TRUE;
  owners = pd_unit_role_list (self->ctx, unit_id, 0, TRUE, NULL);
  for (guint i = owners ? owners->len : 0; i > 0; i--)
    if (!g_str_equal (((PdUnitRole *) owners->pdata[i - 1])->role, "owner"))
      g_ptr_array_remove_index (owners, i - 1);
  if (owners == NULL)
    owners = g_ptr_array_new ();
  load_header (self, owners);
  for (guint i = 0; i < G_N_ELEMENTS (uses); i++)
    if (g_str_equal (uses[i], self->unit->use))
      gtk_drop_down_set_selected (self->use_dropdown, i);
  load_state_choices (self);
  set_entry (self->layout_entry, self->unit->layout);
  gross = format_area (self->unit->gross_area);
  inner = format_area (self->unit->inner_area);
  floor = self->unit->floor != 0 ? g_strdup_printf ("%d", self->unit->floor) : g_strdup ("");
  set_entry (self->gross_area_entry, gross);
  set_entry (self->inner_area_entry, inner);
  set_entry (self->floor_entry, floor);
  pd_form_field_clear_errors (self->file_box);
  load_owner_forms (self, owners);
  load_lists (self);
  gtk_stack_set_visible_child_name (self->stack, "file");
  self->loading = FALSE;
  update_actions (self);
}

/* Another part of the program (or this file's own actions) wrote: show it,
 * without throwing away edits in progress. */
static gboolean
reload_idle (gpointer data)
{
  PdOwnerDetail *self = data;

  self->reload_source = 0;
  if (self->unit_id == 0)
    return G_SOURCE_REMOVE;
  if (self->dirty)
    load_lists (self);
  else
    pd_owner_detail_load (self, self->unit_id);
  return G_SOURCE_REMOVE;
}

static void
context_changed (PdOwnerDetail *self,
                 const char    *table)
{
  if (self->reload_source == 0)
    self->reload_source = g_idle_add (reload_idle, self);
}

/* ---- saving ------------------------------------------------------------ */

/* An area field back into m².  The field shows two decimals; when it is
 * left as shown, the stored value is kept, so that saving other edits does
 * not rewrite 86.608 as 86.61 (and log a change nobody made). */
static gboolean
parse_area (const char *text,
            double      stored,
            const char *field,
            const char *label,
            double     *area,
            GError    **error)
{
  g_autofree char *shown = format_area (stored);

  *area = 0;
  if (g_str_equal (text, shown))
    {
      *area = stored;
      return TRUE;
    }
  return *text == '\0' || pd_area_parse (text, field, label, area, error);
}

/* The unit as edited; NULL with @error when a number is not one. */
static PdUnit *
edited_unit (PdOwnerDetail *self,
             GError       **error)
{
  g_autoptr (PdUnit) unit = pd_unit_new ();
  const char *gross = gtk_editable_get_text (GTK_EDITABLE (self->gross_area_entry));
  const char *inner = gtk_editable_get_text (GTK_EDITABLE (self->inner_area_entry));
  const char *floor = gtk_editable_get_text (GTK_EDITABLE (self->floor_entry));
  gint64 floor_number = 0;

  unit->id = self->unit->id;
  unit->estate_id = self->unit->estate_id;
  unit->entrance_id = self->unit->entrance_id;
  unit->code = g_strdup (self->unit->code);
  g_free (unit->use);
  unit->use = g_strdup (uses[gtk_drop_down_get_selected (self->use_dropdown)]);
  g_free (unit->layout);
  unit->layout = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->layout_entry))));
  if (*floor != '\0' && !g_ascii_string_to_signed (floor, 10, -10, 300, &floor_number, NULL))
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_INVALID, "floor",
                          _("Floor: enter a whole number between -10 and 300."));
      return NULL;
    }
  unit->floor = (int) floor_number;
  if (!parse_area (gross, self->unit->gross_area, "gross_area", _("Gross area"), &unit->gross_area, error) ||
      !parse_area (inner, self->unit->inner_area, "inner_area", _("Inner area"), &unit->inner_area, error))
    return NULL;
  return g_steal_pointer (&unit);
}

gboolean
pd_owner_detail_save (PdOwnerDetail *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) owners = g_ptr_array_new_with_free_func ((GDestroyNotify) pd_person_free);
  g_autoptr (PdUnit) unit = NULL;
  GtkWidget *error_form = self->file_box;
  guint failed = G_MAXUINT;

  g_return_val_if_fail (PD_IS_OWNER_DETAIL (self), FALSE);
  if (self->unit == NULL)
    return FALSE;
  pd_form_field_clear_errors (self->file_box);
  unit = edited_unit (self, &error);
  if (unit != NULL)
    {
      for (guint i = 0; i < self->owner_forms->len; i++)
        g_ptr_array_add (owners, pd_person_form_get_person (self->owner_forms->pdata[i]));
      if (pd_owner_file_save (self->ctx, unit, self->state_codes->pdata[gtk_drop_down_get_selected (self->state_dropdown)],
                              owners, &failed, &error))
        {
          pd_owner_detail_load (self, self->unit_id);
          return TRUE;
        }
    }
  /* With co-owners the same field exists once per owner: aim at the form
   * of the owner the core refused. */
  if (failed < self->owner_forms->len)
    error_form = self->owner_forms->pdata[failed];
  gtk_notebook_set_current_page (self->pages, 0);
  if (!pd_form_field_show_error (error_form, error))
    pd_show_error (GTK_WIDGET (self), _("The file could not be saved"), error);
  return FALSE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  pd_owner_detail_save (PD_OWNER_DETAIL (widget));
}

static void
revert_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PdOwnerDetail *self = PD_OWNER_DETAIL (widget);

  pd_owner_detail_load (self, self->unit_id);
}

static void
transfer_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  PdOwnerDetail *self = PD_OWNER_DETAIL (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  gtk_window_present (GTK_WINDOW (pd_role_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->ctx,
                                                      PD_ROLE_DIALOG_TRANSFER, self->unit_id, "owner")));
}

/* ---- object ------------------------------------------------------------ */

static void
pd_owner_detail_dispose (GObject *object)
{
  PdOwnerDetail *self = PD_OWNER_DETAIL (object);
  GtkWidget *child;

  g_clear_handle_id (&self->reload_source, g_source_remove);
  g_clear_signal_handler (&self->changed_handler, self->ctx);
  gtk_widget_dispose_template (GTK_WIDGET (self), PD_TYPE_OWNER_DETAIL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->ctx);
  g_clear_object (&self->ownership);
  g_clear_object (&self->history);
  g_clear_pointer (&self->unit, pd_unit_free);
  g_clear_pointer (&self->owner_forms, g_ptr_array_unref);
  g_clear_pointer (&self->owner_titles, g_ptr_array_unref);
  g_clear_pointer (&self->state_codes, g_ptr_array_unref);
  G_OBJECT_CLASS (pd_owner_detail_parent_class)->dispose (object);
}

static void
pd_owner_detail_class_init (PdOwnerDetailClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = pd_owner_detail_dispose;
  g_type_ensure (PD_TYPE_FORM_FIELD);
  g_type_ensure (PD_TYPE_UNIT_RESIDENTS);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/propdesk/PropDesk/ui/pd-owner-detail.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, PdOwnerDetail, name)
  BIND (stack); BIND (title_label); BIND (state_badge); BIND (subtitle_label); BIND (dirty_label);
  BIND (revert_button); BIND (pages); BIND (file_box); BIND (use_dropdown); BIND (state_dropdown);
  BIND (layout_entry); BIND (gross_area_entry); BIND (inner_area_entry); BIND (floor_entry);
  BIND (owners_box); BIND (no_owner_label); BIND (residents); BIND (ownership_view); BIND (history_view);
#undef BIND
  gtk_widget_class_install_action (widget_class, "detail.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "detail.revert", NULL, revert_action);
  gtk_widget_class_install_action (widget_class, "detail.transfer", NULL, transfer_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "detail.save", NULL);
}

static GtkSelectionModel *
no_selection (GListStore *store)
{
  return GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (store))));
}

static void
pd_owner_detail_init (PdOwnerDetail *self)
{
  g_autoptr (GtkStringList) use_labels = gtk_string_list_new (NULL);
  g_autoptr (GtkSelectionModel) ownership_model = NULL;
  g_autoptr (GtkSelectionModel) history_model = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->owner_forms = g_ptr_array_new ();
  self->owner_titles = g_ptr_array_new ();
  self->state_codes = g_ptr_array_new ();
  self->ownership = g_list_store_new (PD_TYPE_RECORD_ITEM);
  self->history = g_list_store_new (PD_TYPE_RECORD_ITEM);
  for (guint i = 0; i < G_N_ELEMENTS (uses); i++)
    gtk_string_list_append (use_labels, pd_unit_use_label (uses[i]));
  gtk_drop_down_set_model (self->use_dropdown, G_LIST_MODEL (use_labels));

  ownership_model = no_selection (self->ownership);
  gtk_column_view_set_model (self->ownership_view, ownership_model);
  add_column (self->ownership_view, pd_text_column_new (_("Owner"), owner_name_text, owner_style, self, 0, 0));
  add_column (self->ownership_view, pd_text_column_new (_("From"), owner_start_text, owner_style, self, 0, 120));
  add_column (self->ownership_view, pd_text_column_new (_("To"), owner_end_text, owner_style, self, 0, 120));

  history_model = no_selection (self->history);
  gtk_column_view_set_model (self->history_view, history_model);
  add_column (self->history_view, pd_text_column_new (_("Time"), history_at_text, NULL, self, 0, 128));
  add_column (self->history_view, pd_text_column_new (_("By"), history_user_name_text, NULL, self, 0, 70));
  add_column (self->history_view, pd_text_column_new (_("Record"), history_record_text, NULL, self, 0, 110));
  add_column (self->history_view, pd_text_column_new (_("Field"), history_field_text, NULL, self, 0, 100));
  add_column (self->history_view, pd_text_column_new (_("Old value"), history_old_value_text, NULL, self, 0, 0));
  add_column (self->history_view, pd_text_column_new (_("New value"), history_new_value_text, NULL, self, 0, 0));

  g_signal_connect_swapped (self->use_dropdown, "notify::selected", G_CALLBACK (edited), self);
  g_signal_connect_swapped (self->state_dropdown, "notify::selected", G_CALLBACK (edited), self);
  g_signal_connect_swapped (self->layout_entry, "changed", G_CALLBACK (edited), self);
  g_signal_connect_swapped (self->gross_area_entry, "changed", G_CALLBACK (edited), self);
  g_signal_connect_swapped (self->inner_area_entry, "changed", G_CALLBACK (edited), self);
  g_signal_connect_swapped (self->floor_entry, "changed", G_CALLBACK (edited), self);
}

GtkWidget *
pd_owner_detail_new (PdContext *ctx)
{
  PdOwnerDetail *self = g_object_new (PD_TYPE_OWNER_DETAIL, NULL);

  self->ctx = g_object_ref (ctx);
  pd_unit_residents_set_context (self->residents, ctx);
  self->changed_handler = g_signal_connect_swapped (ctx, "changed", G_CALLBACK (context_changed), self);
  pd_owner_detail_load (self, 0);
  return GTK_WIDGET (self);
}

gint64
pd_owner_detail_get_unit_id (PdOwnerDetail *self)
{
  g_return_val_if_fail (PD_IS_OWNER_DETAIL (self), 0);
  return self->unit_id;
}

gboolean
pd_owner_detail_is_dirty (PdOwnerDetail *self)
{
  g_return_val_if_fail (PD_IS_OWNER_DETAIL (self), FALSE);
  return self->dirty;
}

void
pd_owner_detail_focus (PdOwnerDetail *self)
{
  PdFormField *field;

  g_return_if_fail (PD_IS_OWNER_DETAIL (self));
  gtk_notebook_set_current_page (self->pages, 0);
  field = self->owner_forms->len > 0 ? pd_form_field_find (self->owner_forms->pdata[0], "name") : NULL;
  gtk_widget_grab_focus (field ? pd_form_field_get_child (field) : GTK_WIDGET (self->layout_entry));
}
