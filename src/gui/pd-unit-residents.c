/* pd-unit-residents.c — see pd-unit-residents.h. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-application.h"
#include "pd-form-field.h"
#include "pd-record-item.h"
#include "pd-role-dialog.h"
#include "pd-text-column.h"
#include "pd-unit-residents.h"
#include "pd-unit-role.h"
#include "pd-validate.h"

struct _PdUnitResidents
{
  GtkWidget        parent_instance;
  PdContext       *ctx;
  gint64           unit_id;
  GHashTable      *names;          /* person id → name, of everyone on the unit */
  GArray          *holder_ids;     /* person ids behind vehicle_holder_dropdown */
  GListStore      *residents;      /* PdUnitRole */
  GListStore      *vehicles;       /* PdVehicle */
  GtkSingleSelection *resident_selection;
  GtkSingleSelection *vehicle_selection;

  GtkColumnView   *residents_view;
  GtkColumnView   *vehicles_view;
  GtkWidget       *no_residents_label;
  GtkWidget       *no_vehicles_label;
  GtkWidget       *end_role_button;
  GtkWidget       *add_vehicle_button;
  GtkPopover      *end_role_popover;
  GtkWidget       *end_role_form;
  GtkLabel        *end_role_label;
  GtkEntry        *ended_on_entry;
  GtkPopover      *vehicle_popover;
  GtkWidget       *vehicle_form;
  GtkDropDown     *vehicle_holder_dropdown;
  GtkEntry        *plate_entry;
  GtkEntry        *model_entry;
  GtkEntry        *parking_space_entry;
};

G_DEFINE_FINAL_TYPE (PdUnitResidents, pd_unit_residents, GTK_TYPE_WIDGET)

/* ---- cells ------------------------------------------------------------- */

static char *
role_text (gconstpointer record, gpointer data)
{
  return g_strdup (pd_unit_role_label (((const PdUnitRole *) record)->role));
}

static char *
name_text (gconstpointer record, gpointer data)
{
  return g_strdup (((const PdUnitRole *) record)->person_name);
}

static char *
phone_text (gconstpointer record, gpointer data)
{
  return pd_mask_phone (((const PdUnitRole *) record)->person_mobile);
}

static char *
detail_text (gconstpointer record, gpointer data)
{
  const PdUnitRole *role = record;
  PdUnitResidents *self = data;

  if (role->authorised_by > 0)
    {
      const char *owner = g_hash_table_lookup (self->names, &role->authorised_by);
      /* Translators: who authorised a tenant or proxy, and the note on it */
      return g_strdup_printf (_("Authorised by %s%s%s"), owner ? owner : "?",
                              *role->authorisation_note ? " · " : "", role->authorisation_note);
    }
  return g_strdup (role->relation);
}

static char *
start_text (gconstpointer record, gpointer data)
{
  return g_strdup (((const PdUnitRole *) record)->start_on);
}

static char *
lease_end_text (gconstpointer record, gpointer data)
{
  return g_strdup (((const PdUnitRole *) record)->lease_end);
}

static const char *
lease_style (gconstpointer record, gpointer data)
{
  const PdUnitRole *role = record;
  PdUnitResidents *self = data;
  g_autofree char *today = NULL;

  if (*role->lease_end == '\0')
    return NULL;
  today = pd_context_today (self->ctx);
  return g_strcmp0 (role->lease_end, today) < 0 ? "overdue" : NULL;
}

static char *
plate_text (gconstpointer record, gpointer data)
{
  return g_strdup (((const PdVehicle *) record)->plate);
}

static char *
model_text (gconstpointer record, gpointer data)
{
  return g_strdup (((const PdVehicle *) record)->model);
}

static char *
space_text (gconstpointer record, gpointer data)
{
  return g_strdup (((const PdVehicle *) record)->parking_space);
}

static char *
holder_text (gconstpointer record, gpointer data)
{
  PdUnitResidents *self = data;
  const char *name = g_hash_table_lookup (self->names, &((const PdVehicle *) record)->person_id);

  return g_strdup (name ? name : "");
}

static void
add_column (GtkColumnView *view,
            GtkColumnViewColumn *column)
{
  gtk_column_view_append_column (view, column);
  g_object_unref (column);
}

/* ---- loading ----------------------------------------------------------- */

static gpointer
selected_record (GtkSingleSelection *selection)
{
  gpointer item = gtk_single_selection_get_selected_item (selection);

  return item ? pd_record_item_get (item) : NULL;
}

static void
update_actions (PdUnitResidents *self)
{
  const PdUnitRole *role = selected_record (self->resident_selection);
  gboolean loaded = self->unit_id > 0;

  gtk_widget_set_visible (self->no_residents_label,
                          loaded && g_list_model_get_n_items (G_LIST_MODEL (self->residents)) == 0);
  gtk_widget_set_visible (self->no_vehicles_label,
                          loaded && g_list_model_get_n_items (G_LIST_MODEL (self->vehicles)) == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "residents.add-role", loaded);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "residents.end-role", role != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "residents.add-vehicle", self->holder_ids->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "residents.remove-vehicle",
                                 selected_record (self->vehicle_selection) != NULL);
  /* The menu buttons open forms whose action could not run. */
  gtk_widget_set_sensitive (self->end_role_button, role != NULL);
  gtk_widget_set_sensitive (self->add_vehicle_button, self->holder_ids->len > 0);
  if (role != NULL)
    {
      /* Translators: role and name of the person whose role ends */
      g_autofree char *text = g_strdup_printf (_("End the role of %s %s on:"), pd_unit_role_label (role->role),
                                               role->person_name);
      gtk_label_set_text (self->end_role_label, text);
    }
}

void
pd_unit_residents_load (PdUnitResidents *self,
                        gint64           unit_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) roles = NULL;
  g_autoptr (GPtrArray) residents = g_ptr_array_new ();
  g_autoptr (GPtrArray) vehicles = g_ptr_array_new ();
  g_autoptr (GtkStringList) holders = gtk_string_list_new (NULL);
  g_autoptr (GHashTable) seen_vehicles = g_hash_table_new (g_int64_hash, g_int64_equal);

  g_return_if_fail (PD_IS_UNIT_RESIDENTS (self));
  self->unit_id = unit_id;
  g_hash_table_remove_all (self->names);
  g_array_set_size (self->holder_ids, 0);
  roles = unit_id > 0 ? pd_unit_role_list (self->ctx, unit_id, 0, TRUE, &error) : g_ptr_array_new ();
  if (roles == NULL)
    {
      pd_show_error (GTK_WIDGET (self), _("The residents could not be read"), error);
      roles = g_ptr_array_new ();
    }
  for (guint i = 0; i < roles->len; i++)
    {
      PdUnitRole *role = roles->pdata[i];

      if (!g_hash_table_contains (self->names, &role->person_id))
        {
          g_hash_table_insert (self->names, g_memdup2 (&role->person_id, sizeof (gint64)),
                               g_strdup (role->person_name));
          g_array_append_val (self->holder_ids, role->person_id);
          gtk_string_list_append (holders, role->person_name);
        }
    }
  for (guint i = 0; i < roles->len; i++)
    {
      PdUnitRole *role = roles->pdata[i];
      g_autoptr (GPtrArray) held = NULL;

      if (!g_str_equal (role->role, "owner"))
        g_ptr_array_add (residents, g_steal_pointer (&roles->pdata[i]));
      /* Each person's vehicles once, and only those kept at this unit. */
      held = pd_vehicle_list_person (self->ctx, role->person_id, NULL);
      for (guint v = 0; held != NULL && v < held->len; v++)
        {
          PdVehicle *vehicle = held->pdata[v];
          if ((vehicle->unit_id == 0 || vehicle->unit_id == unit_id) &&
              !g_hash_table_contains (seen_vehicles, &vehicle->id))
            {
              g_hash_table_add (seen_vehicles, &vehicle->id);
              g_ptr_array_add (vehicles, g_steal_pointer (&held->pdata[v]));
            }
        }
      /* held keeps NULLs where vehicles were taken; its free func skips them. */
    }
  pd_record_store_replace (self->residents, residents, (GDestroyNotify) pd_unit_role_free);
  pd_record_store_replace (self->vehicles, vehicles, (GDestroyNotify) pd_vehicle_free);
  gtk_drop_down_set_model (self->vehicle_holder_dropdown, G_LIST_MODEL (holders));
  update_actions (self);
}

/* ---- actions ----------------------------------------------------------- */

static void
add_role_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  PdUnitResidents *self = PD_UNIT_RESIDENTS (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog = pd_role_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->ctx,
                                          PD_ROLE_DIALOG_ADD_ROLE, self->unit_id,
                                          g_variant_get_string (parameter, NULL));

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
end_role_shown (PdUnitResidents *self)
{
  g_autofree char *today = pd_context_today (self->ctx);

  pd_form_field_clear_errors (self->end_role_form);
  gtk_editable_set_text (GTK_EDITABLE (self->ended_on_entry), today);
  gtk_widget_grab_focus (GTK_WIDGET (self->ended_on_entry));
}

static void
end_role_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  PdUnitResidents *self = PD_UNIT_RESIDENTS (widget);
  const PdUnitRole *role = selected_record (self->resident_selection);
  g_autoptr (GError) error = NULL;

  if (role == NULL)
    return;
  if (!pd_unit_role_end (self->ctx, role->id, gtk_editable_get_text (GTK_EDITABLE (self->ended_on_entry)), &error))
    {
      if (!pd_form_field_show_error (self->end_role_form, error))
        pd_show_error (widget, _("The role could not be ended"), error);
      return;
    }
  gtk_popover_popdown (self->end_role_popover);
}

static void
vehicle_shown (PdUnitResidents *self)
{
  pd_form_field_clear_errors (self->vehicle_form);
  gtk_widget_grab_focus (GTK_WIDGET (self->plate_entry));
}

static void
add_vehicle_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PdUnitResidents *self = PD_UNIT_RESIDENTS (widget);
  guint holder = gtk_drop_down_get_selected (self->vehicle_holder_dropdown);
  g_autoptr (GError) error = NULL;
  PdVehicle vehicle = { 0 };
  gint64 id;

  if (holder >= self->holder_ids->len)
    return;
  vehicle.person_id = g_array_index (self->holder_ids, gint64, holder);
  vehicle.unit_id = self->unit_id;
  vehicle.plate = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->plate_entry)));
  vehicle.model = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->model_entry)));
  vehicle.parking_space = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->parking_space_entry)));
  id = pd_vehicle_add (self->ctx, &vehicle, &error);
  g_free (vehicle.plate);
  g_free (vehicle.model);
  g_free (vehicle.parking_space);
  if (id < 0)
    {
      if (!pd_form_field_show_error (self->vehicle_form, error))
        pd_show_error (widget, _("The vehicle could not be added"), error);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->plate_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->model_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->parking_space_entry), "");
  gtk_popover_popdown (self->vehicle_popover);
}

static void
remove_vehicle_response (GtkDialog *dialog,
                         int        response,
                         gpointer   data)
{
  g_autoptr (PdUnitResidents) self = data;
  gint64 vehicle_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "pd-vehicle-id"));
  g_autoptr (GError) error = NULL;

  gtk_window_destroy (GTK_WINDOW (dialog));
  if (response == GTK_RESPONSE_ACCEPT && !pd_vehicle_remove (self->ctx, vehicle_id, &error))
    pd_show_error (GTK_WIDGET (self), _("The vehicle could not be removed"), error);
}

static void
remove_vehicle_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  PdUnitResidents *self = PD_UNIT_RESIDENTS (widget);
  const PdVehicle *vehicle = selected_record (self->vehicle_selection);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;

  if (vehicle == NULL)
    return;
  dialog = gtk_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT, GTK_MESSAGE_QUESTION,
                                   GTK_BUTTONS_NONE, _("Remove vehicle %s?"), vehicle->plate);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                            _("The removal is kept in the file's change history."));
  gtk_dialog_add_buttons (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL,
                          _("_Remove"), GTK_RESPONSE_ACCEPT, NULL);
  g_object_set_data (G_OBJECT (dialog), "pd-vehicle-id", GSIZE_TO_POINTER (vehicle->id));
  g_signal_connect (dialog, "response", G_CALLBACK (remove_vehicle_response), g_object_ref (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- object ------------------------------------------------------------ */

static void
pd_unit_residents_dispose (GObject *object)
{
  PdUnitResidents *self = PD_UNIT_RESIDENTS (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), PD_TYPE_UNIT_RESIDENTS);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->ctx);
  g_clear_object (&self->residents);
  g_clear_object (&self->vehicles);
  g_clear_pointer (&self->names, g_hash_table_unref);
  g_clear_pointer (&self->holder_ids, g_array_unref);
  G_OBJECT_CLASS (pd_unit_residents_parent_class)->dispose (object);
}

static void
pd_unit_residents_class_init (PdUnitResidentsClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = pd_unit_residents_dispose;
  g_type_ensure (PD_TYPE_FORM_FIELD);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/propdesk/PropDesk/ui/pd-unit-residents.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, PdUnitResidents, name)
  BIND (residents_view); BIND (vehicles_view); BIND (no_residents_label); BIND (no_vehicles_label);
  BIND (end_role_button); BIND (add_vehicle_button); BIND (end_role_popover); BIND (end_role_form);
  BIND (end_role_label); BIND (ended_on_entry); BIND (vehicle_popover); BIND (vehicle_form);
  BIND (vehicle_holder_dropdown); BIND (plate_entry); BIND (model_entry); BIND (parking_space_entry);
#undef BIND
  gtk_widget_class_install_action (widget_class, "residents.add-role", "s", add_role_action);
  gtk_widget_class_install_action (widget_class, "residents.end-role", NULL, end_role_action);
  gtk_widget_class_install_action (widget_class, "residents.add-vehicle", NULL, add_vehicle_action);
  gtk_widget_class_install_action (widget_class, "residents.remove-vehicle", NULL, remove_vehicle_action);
}

static void
pd_unit_residents_init (PdUnitResidents *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->holder_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->residents = g_list_store_new (PD_TYPE_RECORD_ITEM);
  self->vehicles = g_list_store_new (PD_TYPE_RECORD_ITEM);

  self->resident_selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->residents)));
  gtk_single_selection_set_autoselect (self->resident_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->resident_selection, TRUE);
  gtk_column_view_set_model (self->residents_view, GTK_SELECTION_MODEL (self->resident_selection));
  g_object_unref (self->resident_selection);
  add_column (self->residents_view, pd_text_column_new (_("Role"), role_text, NULL, self, 0, 84));
  add_column (self->residents_view, pd_text_column_new (_("Name"), name_text, NULL, self, 0, 90));
  add_column (self->residents_view, pd_text_column_new (_("Mobile"), phone_text, NULL, self, 0, 110));
  add_column (self->residents_view, pd_text_column_new (_("Relation / authorisation"), detail_text, NULL, self, 0, 0));
  add_column (self->residents_view, pd_text_column_new (_("Since"), start_text, NULL, self, 0, 96));
  add_column (self->residents_view, pd_text_column_new (_("Lease end"), lease_end_text, lease_style, self, 0, 96));

  self->vehicle_selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->vehicles)));
  gtk_single_selection_set_autoselect (self->vehicle_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->vehicle_selection, TRUE);
  gtk_column_view_set_model (self->vehicles_view, GTK_SELECTION_MODEL (self->vehicle_selection));
  g_object_unref (self->vehicle_selection);
  add_column (self->vehicles_view, pd_text_column_new (_("Plate"), plate_text, NULL, self, 0, 110));
  add_column (self->vehicles_view, pd_text_column_new (_("Model"), model_text, NULL, self, 0, 0));
  add_column (self->vehicles_view, pd_text_column_new (_("Parking space"), space_text, NULL, self, 0, 110));
  add_column (self->vehicles_view, pd_text_column_new (_("Vehicle holder"), holder_text, NULL, self, 0, 110));

  g_signal_connect_swapped (self->resident_selection, "selection-changed", G_CALLBACK (update_actions), self);
  g_signal_connect_swapped (self->vehicle_selection, "selection-changed", G_CALLBACK (update_actions), self);
  g_signal_connect_swapped (self->resident_selection, "items-changed", G_CALLBACK (update_actions), self);
  g_signal_connect_swapped (self->vehicle_selection, "items-changed", G_CALLBACK (update_actions), self);
  g_signal_connect_swapped (self->end_role_popover, "show", G_CALLBACK (end_role_shown), self);
  g_signal_connect_swapped (self->vehicle_popover, "show", G_CALLBACK (vehicle_shown), self);
  update_actions (self);
}

void
pd_unit_residents_set_context (PdUnitResidents *self,
                               PdContext       *ctx)
{
  g_return_if_fail (PD_IS_UNIT_RESIDENTS (self));
  g_set_object (&self->ctx, ctx);
}
