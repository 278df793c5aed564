/* pd-patrol-round-window.c — see pd-patrol-round-window.h. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pd-application.h"
#include "pd-form-field.h"
#include "pd-key-register.h"
#include "pd-patrol-checklist.h"
#include "pd-patrol-round-window.h"
#include "pd-patrol-vacancy.h"
#include "pd-patrol.h"

/* The keys that mark checklist items, in checklist order. */
static const char item_keys[] = "1234567890abcdefghij";

struct _PdPatrolRoundWindow
{
  GtkWindow      parent_instance;
  PdContext     *ctx;
  GPtrArray     *buildings;   /* PdPatrolBuilding with vacant units, as in the drop-down */
  GPtrArray     *checklist;   /* PdPatrolCheckItem */
  PdPatrolRound *round;
  GPtrArray     *units;       /* PdVacantUnit of the round, walking order */
  GArray        *done;        /* gboolean per unit */
  int            current;     /* index into units, -1 when all are done */
  GPtrArray     *problem_checks;
  GPtrArray     *note_entries;

  GtkStack      *stack;
  GtkWidget     *setup_form;
  GtkDropDown   *building_dropdown;
  GtkEntry      *date_entry;
  GtkEntry      *inspector_entry;
  GtkCheckButton *keys_check;
  GtkWidget     *start_button;
  GtkListBox    *units_list;
  GtkLabel      *unit_title;
  GtkLabel      *unit_info;
  GtkGrid       *checklist_grid;
  GtkEntry      *note_entry;
  GtkEntry      *photo_entry;
  GtkLabel      *error_label;
  GtkLabel      *progress_label;
  GtkWidget     *save_button;
  GtkWidget     *finish_button;
};

G_DEFINE_FINAL_TYPE (PdPatrolRoundWindow, pd_patrol_round_window, GTK_TYPE_WINDOW)

/* ---- the walk ---------------------------------------------------------- */

static void
update_progress (PdPatrolRoundWindow *self)
{
  guint n_done = 0;
  g_autofree char *text = NULL;

  for (guint i = 0; i < self->done->len; i++)
    n_done += g_array_index (self->done, gboolean, i);
  /* Translators: progress of a patrol round: units patrolled of units */
  text = g_strdup_printf (_("%u of %u units patrolled"), n_done, self->units->len);
  gtk_label_set_text (self->progress_label, text);
}

static void
set_row_text (PdPatrolRoundWindow *self,
              guint                index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->units_list, (int) index);
  const PdVacantUnit *unit = self->units->pdata[index];
  g_autofree char *text = g_strdup_printf ("%s  %s", g_array_index (self->done, gboolean, index) ? "✓" : "·",
                                           unit->unit_code);

  gtk_label_set_text (GTK_LABEL (gtk_list_box_row_get_child (row)), text);
}

static void
show_unit (PdPatrolRoundWindow *self,
           int                  index)
{
  g_autofree char *info = NULL;

  self->current = index;
  gtk_label_set_text (self->error_label, "");
  gtk_editable_set_text (GTK_EDITABLE (self->note_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->photo_entry), "");
  for (guint i = 0; i < self->problem_checks->len; i++)
    {
      gtk_check_button_set_active (self->problem_checks->pdata[i], FALSE);
      gtk_editable_set_text (self->note_entries->pdata[i], "");
    }
  if (index < 0)
    {
      gtk_label_set_text (self->unit_title, _("All units of the round are recorded"));
      gtk_label_set_text (self->unit_info, _("Finish the round to sign its keys back."));
      gtk_list_box_unselect_all (self->units_list);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "round.save-next", FALSE);
      gtk_window_set_default_widget (GTK_WINDOW (self), self->finish_button);
      gtk_widget_grab_focus (self->finish_button);
      return;
    }
  {
    const PdVacantUnit *unit = self->units->pdata[index];

    gtk_label_set_text (self->unit_title, unit->unit_code);
    /* Translators: vacant since DATE, last patrol DATE (or —), next due DATE */
    info = g_strdup_printf (_("Vacant since %s · last patrol %s · due %s"), unit->vacant_since,
                            *unit->last_patrol ? unit->last_patrol : "—", unit->next_due);
    gtk_label_set_text (self->unit_info, info);
  }
  gtk_list_box_select_row (self->units_list, gtk_list_box_get_row_at_index (self->units_list, index));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "round.save-next", TRUE);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);
  gtk_widget_grab_focus (self->save_button);
}

/* The next unit after @from not yet recorded, wrapping; -1 when none. */
static int
next_open_unit (PdPatrolRoundWindow *self,
                int                  from)
{
  guint n = self->units->len;

  for (guint step = 1; step <= n; step++)
    {
      guint index = (guint) (from + (int) step) % n;
      if (!g_array_index (self->done, gboolean, index))
        return (int) index;
    }
  return -1;
}

static void
problem_toggled (PdPatrolRoundWindow *self,
                 GtkCheckButton      *check)
{
  guint index;

  if (!g_ptr_array_find (self->problem_checks, check, &index))
    return;
  gtk_widget_set_sensitive (self->note_entries->pdata[index], gtk_check_button_get_active (check));
}

/* Enter in an item's note: back to the save button, a second Enter saves. */
static void
note_activated (PdPatrolRoundWindow *self)
{
  gtk_widget_grab_focus (self->save_button);
}

static void
build_checklist (PdPatrolRoundWindow *self)
{
  for (guint i = 0; i < self->checklist->len; i++)
    {
      const PdPatrolCheckItem *item = self->checklist->pdata[i];
      char key[2] = { i < sizeof item_keys - 1 ? g_ascii_toupper (item_keys[i]) : ' ', '\0' };
      GtkWidget *hint = gtk_label_new (key);
      GtkWidget *label = gtk_label_new (item->label);
      GtkWidget *check = gtk_check_button_new_with_label (C_("patrol", "Problem"));
      GtkWidget *note = gtk_entry_new ();

      gtk_widget_add_css_class (hint, "dim-label");
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_hexpand (note, TRUE);
      gtk_entry_set_placeholder_text (GTK_ENTRY (note), _("What is wrong"));
      gtk_widget_set_sensitive (note, FALSE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, item->label, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (note), GTK_ACCESSIBLE_PROPERTY_LABEL, item->label, -1);
      gtk_grid_attach (self->checklist_grid, hint, 0, (int) i, 1, 1);
      gtk_grid_attach (self->checklist_grid, label, 1, (int) i, 1, 1);
      gtk_grid_attach (self->checklist_grid, check, 2, (int) i, 1, 1);
      gtk_grid_attach (self->checklist_grid, note, 3, (int) i, 1, 1);
      g_ptr_array_add (self->problem_checks, check);
      g_ptr_array_add (self->note_entries, note);
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (problem_toggled), self);
      g_signal_connect_swapped (note, "activate", G_CALLBACK (note_activated), self);
    }
}

static void
toggle_item_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PdPatrolRoundWindow *self = PD_PATROL_ROUND_WINDOW (widget);
  int index = g_variant_get_int32 (parameter);
  GtkCheckButton *check;
  gboolean problem;

  if (self->current < 0 || index < 0 || (guint) index >= self->problem_checks->len ||
      !g_str_equal (gtk_stack_get_visible_child_name (self->stack), "walk"))
    return;
  check = self->problem_checks->pdata[index];
  problem = !gtk_check_button_get_active (check);
  gtk_check_button_set_active (check, problem);
  gtk_widget_grab_focus (problem ? self->note_entries->pdata[index] : self->save_button);
}

static void
save_next_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PdPatrolRoundWindow *self = PD_PATROL_ROUND_WINDOW (widget);
  const PdVacantUnit *unit;
  g_autoptr (PdPatrol) patrol = NULL;
  g_autoptr (GError) error = NULL;

  if (self->current < 0 || self->round == NULL)
    return;
  unit = self->units->pdata[self->current];
  patrol = pd_patrol_new_for_unit (self->ctx, unit->unit_id);
  patrol->round_id = self->round->id;
  g_free (patrol->patrolled_on);
  patrol->patrolled_on = g_strdup (self->round->patrolled_on);
  g_free (patrol->inspector);
  patrol->inspector = g_strdup (self->round->inspector);
  g_free (patrol->note);
  patrol->note = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_entry)));
  g_free (patrol->photo);
  patrol->photo = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->photo_entry)));
  /* The checklist was read when the round began; the patrol gets its items in that order. */
  for (guint i = 0; i < patrol->items->len && i < self->problem_checks->len; i++)
    pd_patrol_set_item (patrol, i, gtk_check_button_get_active (self->problem_checks->pdata[i]),
                        gtk_editable_get_text (self->note_entries->pdata[i]));
  if (pd_patrol_record (self->ctx, patrol, &error) < 0)
    {
      gtk_label_set_text (self->error_label, error->message);
      return;
    }
  g_array_index (self->done, gboolean, self->current) = TRUE;
  set_row_text (self, (guint) self->current);
  update_progress (self);
  show_unit (self, next_open_unit (self, self->current));
}

static void
skip_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PdPatrolRoundWindow *self = PD_PATROL_ROUND_WINDOW (widget);

  if (self->current >= 0)
    show_unit (self, next_open_unit (self, self->current));
}

static void
unit_row_activated (PdPatrolRoundWindow *self,
                    GtkListBoxRow       *row)
{
  int index = gtk_list_box_row_get_index (row);

  if (index >= 0 && !g_array_index (self->done, gboolean, index) && index != self->current)
    show_unit (self, index);
}

static void
finish_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PdPatrolRoundWindow *self = PD_PATROL_ROUND_WINDOW (widget);
  g_autoptr (GError) error = NULL;

  if (self->round != NULL && pd_key_sign_back_round (self->ctx, self->round->id, &error) < 0)
    {
      pd_show_error (widget, _("The keys of the round could not be signed back"), error);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

/* ---- starting ------------------------------------------------------------ */

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  PdPatrolRoundWindow *self = PD_PATROL_ROUND_WINDOW (widget);
  guint selected = gtk_drop_down_get_selected (self->building_dropdown);
  gint64 building_id = selected < self->buildings->len
                         ? ((PdPatrolBuilding *) self->buildings->pdata[selected])->id : 0;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) all = NULL;
  g_autofree char *title = NULL;

  if (self->round != NULL)
    return;
  pd_form_field_clear_errors (self->setup_form);
  self->round = pd_patrol_round_start (self->ctx, building_id,
                                       gtk_editable_get_text (GTK_EDITABLE (self->date_entry)),
                                       gtk_editable_get_text (GTK_EDITABLE (self->inspector_entry)),
                                       gtk_check_button_get_active (self->keys_check), &error);
  all = self->round ? pd_patrol_list_vacant (self->ctx, building_id, &error) : NULL;
  if (all == NULL)
    {
      if (!pd_form_field_show_error (self->setup_form, error))
        pd_show_error (widget, _("The round could not be started"), error);
      return;
    }
  /* Units vacant only since after the round's date are not part of it. */
  for (guint i = 0; i < all->len; i++)
    if (strcmp (((PdVacantUnit *) all->pdata[i])->vacant_since, self->round->patrolled_on) <= 0)
      {
        GtkWidget *label = gtk_label_new (NULL);
        gboolean no = FALSE;

        gtk_label_set_xalign (GTK_LABEL (label), 0);
        gtk_list_box_append (self->units_list, label);
        g_ptr_array_add (self->units, g_ptr_array_steal_index (all, i--));
        g_array_append_val (self->done, no);
        set_row_text (self, self->units->len - 1);
      }
  /* Translators: title of the round window: building, inspector, keys signed out */
  title = g_strdup_printf (_("Round of building %s — %s — %d keys signed out"), self->round->building_code,
                           self->round->inspector, self->round->keys_signed_out);
  gtk_window_set_title (GTK_WINDOW (self), title);
  gtk_widget_action_set_enabled (widget, "round.start", FALSE);
  gtk_stack_set_visible_child_name (self->stack, "walk");
  update_progress (self);
  show_unit (self, self->units->len > 0 ? 0 : -1);
}

static void
photo_chosen (GtkNativeDialog *chooser,
              int              response,
              gpointer         data)
{
  PdPatrolRoundWindow *self = data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path != NULL)
        gtk_editable_set_text (GTK_EDITABLE (self->photo_entry), path);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
photo_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Photo of the Patrol"), GTK_WINDOW (widget),
                                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"),
                                                               _("_Cancel"));

  g_signal_connect (chooser, "response", G_CALLBACK (photo_chosen), g_object_ref (widget));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- object -------------------------------------------------------------- */

static void
pd_patrol_round_window_dispose (GObject *object)
{
  PdPatrolRoundWindow *self = PD_PATROL_ROUND_WINDOW (object);

  /* The default button and the stack (a bound template child that is the
   * window's child) go with the template; the window must not keep them. */
  gtk_window_set_default_widget (GTK_WINDOW (self), NULL);
  gtk_window_set_child (GTK_WINDOW (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PD_TYPE_PATROL_ROUND_WINDOW);
  g_clear_pointer (&self->buildings, g_ptr_array_unref);
  g_clear_pointer (&self->checklist, g_ptr_array_unref);
  g_clear_pointer (&self->units, g_ptr_array_unref);
  g_clear_pointer (&self->done, g_array_unref);
  g_clear_pointer (&self->problem_checks, g_ptr_array_unref);
  g_clear_pointer (&self->note_entries, g_ptr_array_unref);
  g_clear_pointer (&self->round, pd_patrol_round_free);
  g_clear_object (&self->ctx);
  G_OBJECT_CLASS (pd_patrol_round_window_parent_class)->dispose (object);
}

static void
pd_patrol_round_window_class_init (PdPatrolRoundWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = pd_patrol_round_window_dispose;
  g_type_ensure (PD_TYPE_FORM_FIELD);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/propdesk/PropDesk/ui/pd-patrol-round-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PdPatrolRoundWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, PdPatrolRoundWindow, setup_form);
  gtk_widget_class_bind_template_child (widget_class, PdPatrolRoundWindow, building_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PdPatrolRoundWindow, date_entry);
  gtk_widget_class_bind_template_child (widget_class, PdPatrolRoundWindow, inspector_entry);
  gtk_widget_class_bind_template_child (widget_class, PdPatrolRoundWindow, keys_check);
  gtk_widget_class_bind_template_child (widget_class, PdPatrolRoundWindow, start_button);
  gtk_widget_class_bind_template_child (widget_class, PdPatrolRoundWindow, units_list);
  gtk_widget_class_bind_template_child (widget_class, PdPatrolRoundWindow, unit_title);
  gtk_widget_class_bind_template_child (widget_class, PdPatrolRoundWindow, unit_info);
  gtk_widget_class_bind_template_child (widget_class, PdPatrolRoundWindow, checklist_grid);
  gtk_widget_class_bind_template_child (widget_class, PdPatrolRoundWindow, note_entry);
  gtk_widget_class_bind_template_child (widget_class, PdPatrolRoundWindow, photo_entry);
  gtk_widget_class_bind_template_child (widget_class, PdPatrolRoundWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, PdPatrolRoundWindow, progress_label);
  gtk_widget_class_bind_template_child (widget_class, PdPatrolRoundWindow, save_button);
  gtk_widget_class_bind_template_child (widget_class, PdPatrolRoundWindow, finish_button);
  gtk_widget_class_install_action (widget_class, "round.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "round.toggle-item", "i", toggle_item_action);
  gtk_widget_class_install_action (widget_class, "round.save-next", NULL, save_next_action);
  gtk_widget_class_install_action (widget_class, "round.skip", NULL, skip_action);
  gtk_widget_class_install_action (widget_class, "round.finish", NULL, finish_action);
  gtk_widget_class_install_action (widget_class, "round.photo", NULL, photo_action);
  for (guint i = 0; i < sizeof item_keys - 1; i++)
    gtk_widget_class_add_binding_action (widget_class, gdk_unicode_to_keyval ((guint32) item_keys[i]), 0,
                                         "round.toggle-item", "i", (gint32) i);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "round.save-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pd_patrol_round_window_init (PdPatrolRoundWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->units = g_ptr_array_new_with_free_func ((GDestroyNotify) pd_vacant_unit_free);
  self->done = g_array_new (FALSE, TRUE, sizeof (gboolean));
  self->problem_checks = g_ptr_array_new ();
  self->note_entries = g_ptr_array_new ();
  self->current = -1;
  gtk_window_set_default_widget (GTK_WINDOW (self), self->start_button);
  g_signal_connect_swapped (self->units_list, "row-activated", G_CALLBACK (unit_row_activated), self);
}

GtkWidget *
pd_patrol_round_window_new (GtkWidget *parent,
                            PdContext *ctx,
                            gint64     building_id)
{
  PdPatrolRoundWindow *self = g_object_new (PD_TYPE_PATROL_ROUND_WINDOW, NULL);
  GtkRoot *root = parent ? gtk_widget_get_root (parent) : NULL;
  g_autoptr (GPtrArray) buildings = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GStrvBuilder) labels = g_strv_builder_new ();
  g_auto (GStrv) strings = NULL;
  g_autoptr (GtkStringList) model = NULL;
  g_autofree char *today = pd_context_today (ctx);
  guint preselect = 0;

  self->ctx = g_object_ref (ctx);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (self), GTK_WINDOW (root));
  buildings = pd_patrol_list_buildings (ctx, &error);
  self->buildings = g_ptr_array_new_with_free_func ((GDestroyNotify) pd_patrol_building_free);
  for (guint i = 0; buildings != NULL && i < buildings->len; i++)
    {
      PdPatrolBuilding *building = buildings->pdata[i];
      g_autofree char *label = NULL;

      if (building->vacant_units == 0)
        continue;
      if (building->id == building_id)
        preselect = self->buildings->len;
      /* Translators: a building in the round's drop-down: its code and vacant units */
      label = g_strdup_printf (_("Building %s — %d vacant units"), building->code, building->vacant_units);
      g_strv_builder_add (labels, label);
      g_ptr_array_add (self->buildings, g_ptr_array_steal_index (buildings, i--));
    }
  strings = g_strv_builder_end (labels);
  model = gtk_string_list_new ((const char *const *) strings);
  gtk_drop_down_set_model (self->building_dropdown, G_LIST_MODEL (model));
  gtk_drop_down_set_selected (self->building_dropdown, preselect);
  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), today);
  gtk_editable_set_text (GTK_EDITABLE (self->inspector_entry), pd_context_get_user (ctx));
  self->checklist = pd_patrol_checklist (ctx);
  build_checklist (self);
  if (buildings == NULL)
    pd_show_error (GTK_WIDGET (self), _("The buildings could not be read"), error);
  gtk_widget_grab_focus (GTK_WIDGET (self->building_dropdown));
  return GTK_WIDGET (self);
}
