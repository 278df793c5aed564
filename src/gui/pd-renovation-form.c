/* pd-renovation-form.c — see pd-renovation-form.h. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-application.h"
#include "pd-error.h"
#include "pd-estate.h"
#include "pd-renovation-form.h"
#include "pd-record-item.h"
#include "pd-text-column.h"
#include "pd-renovation.h"
#include "pd-unit-role.h"
#include "pd-validate.h"

struct _PdRenovationForm
{
  GtkBox         parent_instance;
  PdContext     *ctx;
  gint64         id;
  GArray        *applicants;   /* PdUnitRole copies' (person, role, authorised_by) */
  GtkLabel      *error_label;  /* moved next to the field in error */

  GtkLabel       *title_label;
  GtkGrid        *grid;
  GtkEntry       *unit_entry;
  GtkDropDown    *applicant_dropdown;
  GtkCheckButton *letter_check;
  GtkCheckButton *self_check;
  GtkCheckButton *undertaking_check;
  GtkEntry       *contractor_name;
  GtkEntry       *contractor_licence;
  GtkEntry       *contractor_qualification;
  GtkEntry       *contractor_person;
  GtkEntry       *contractor_phone;
  GtkEntry       *planned_start;
  GtkEntry       *planned_end;
  GtkFlowBox     *scope_box;
  GtkCheckButton *hot_work_application;
  GtkCheckButton *extinguisher;
  GtkFlowBox     *drawings_box;
  GtkEntry       *scope_note;
  GtkColumnView  *workers_view;
  GtkEntry       *worker_name;
  GtkEntry       *worker_id;
  GtkEntry       *worker_phone;
  GtkEntry       *worker_trade;
  GtkButton      *add_worker_button;
  GtkButton      *remove_worker_button;
  GtkLabel       *worker_error;
  GtkButton      *save_button;
};

typedef struct
{
  gint64 person_id;
  char   role[16];
  gint64 authorised_by;
} Applicant;

G_DEFINE_FINAL_TYPE (PdRenovationForm, pd_renovation_form, GTK_TYPE_BOX)

enum { SIGNAL_SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* ---- errors next to fields --------------------------------------------- */

static GtkWidget *
widget_for_field (PdRenovationForm *self,
                  const char       *field)
{
  static const struct { const char *field; gsize offset; } map[] = {
#define F(key, member) { key, G_STRUCT_OFFSET (PdRenovationForm, member) }
    F ("unit", unit_entry), F ("applicant", applicant_dropdown), F ("applicant_role", applicant_dropdown),
    F ("authorised_by", letter_check), F ("authorisation_letter", letter_check),
    F ("undertaking_signed", undertaking_check), F ("contractor_name", contractor_name),
    F ("contractor_licence", contractor_licence), F ("uscc", contractor_licence),
    F ("contractor_qualification", contractor_qualification), F ("contractor_person", contractor_person),
    F ("contractor_phone", contractor_phone), F ("planned_start", planned_start),
    F ("planned_end", planned_end), F ("scope", scope_box),
    F ("hot_work_application", hot_work_application), F ("extinguisher", extinguisher),
    F ("drawings", drawings_box),
#undef F
  };

  for (guint i = 0; field != NULL && i < G_N_ELEMENTS (map); i++)
    if (g_str_equal (map[i].field, field))
      return *(GtkWidget **) G_STRUCT_MEMBER_P (self, map[i].offset);
  return NULL;
}

static void
clear_errors (PdRenovationForm *self)
{
  if (gtk_widget_get_parent (GTK_WIDGET (self->error_label)) != NULL)
    gtk_grid_remove (self->grid, GTK_WIDGET (self->error_label));
  gtk_widget_set_visible (GTK_WIDGET (self->worker_error), FALSE);
}

gboolean
pd_renovation_form_show_error (PdRenovationForm *self,
                               const GError     *error)
{
  const char *field = pd_error_get_field (error);
  GtkWidget *widget = widget_for_field (self, field);
  int column, row, width, height;

  clear_errors (self);
  if (widget == NULL && g_strv_contains ((const char *const[]) { "workers", "worker_name", "id_number",
                                                                 "worker_phone", NULL }, field ? field : ""))
    {
      gtk_label_set_text (self->worker_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->worker_error), TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->worker_name));
      return TRUE;
    }
  if (widget == NULL)
    return FALSE;
  gtk_grid_query_child (self->grid, widget, &column, &row, &width, &height);
  gtk_label_set_text (self->error_label, error->message);
  gtk_grid_attach (self->grid, GTK_WIDGET (self->error_label), 2, row, 1, 1);
  gtk_widget_grab_focus (widget);
  return TRUE;
}

/* ---- choices built from the core's lists ------------------------------ */

static void
fill_checks (GtkFlowBox               *box,
             const PdRenovationChoice *choices,
             guint                     n)
{
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *check = gtk_check_button_new_with_label (_(choices[i].label));
      gtk_widget_set_name (check, choices[i].key);
      gtk_flow_box_append (box, check);
    }
}

static char *
read_checks (GtkFlowBox *box)
{
  GString *keys = g_string_new (NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (box)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *check = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));
      if (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)))
        g_string_append_printf (keys, "%s%s", keys->len ? "," : "", gtk_widget_get_name (check));
    }
  return g_string_free (keys, FALSE);
}

static void
write_checks (GtkFlowBox *box,
              const char *keys)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (box)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *check = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   pd_renovation_list_has (keys, gtk_widget_get_name (check)));
    }
}

/* The people who may apply for the unit: its owners, tenants and proxies. */
static void
load_applicants (PdRenovationForm *self,
                 gint64            unit_id,
                 gint64            selected_person)
{
  g_autoptr (GPtrArray) roles = unit_id ? pd_unit_role_list (self->ctx, unit_id, 0, TRUE, NULL) : NULL;
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  guint selected = GTK_INVALID_LIST_POSITION;

  g_array_set_size (self->applicants, 0);
  for (guint i = 0; roles != NULL && i < roles->len; i++)
    {
      PdUnitRole *role = roles->pdata[i];
      Applicant applicant = { role->person_id, "", role->authorised_by };
      g_autofree char *text = NULL;

      if (!g_str_equal (role->role, "owner") && !g_str_equal (role->role, "tenant") &&
          !g_str_equal (role->role, "proxy"))
        continue;
      g_strlcpy (applicant.role, role->role, sizeof applicant.role);
      g_array_append_val (self->applicants, applicant);
      /* Translators: applicant choice, e.g. "张三（业主）" */
      text = g_strdup_printf (_("%s (%s)"), role->person_name, pd_unit_role_label (role->role));
      gtk_string_list_append (names, text);
      if (role->person_id == selected_person)
        selected = self->applicants->len - 1;
    }
  gtk_drop_down_set_model (self->applicant_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->applicant_dropdown, selected != GTK_INVALID_LIST_POSITION ? selected : 0);
}

static gint64
current_unit (PdRenovationForm *self)
{
  const char *code = gtk_editable_get_text (GTK_EDITABLE (self->unit_entry));
  g_autoptr (PdUnit) unit = NULL;

  if (code[0] == '\0')
    return 0;
  unit = pd_unit_find (self->ctx, pd_estate_current_id (self->ctx, NULL), code, NULL);
  return unit ? unit->id : 0;
}

static void
on_unit_changed (PdRenovationForm *self)
{
  load_applicants (self, current_unit (self), 0);
}

/* ---- workers ----------------------------------------------------------- */

static char *
worker_name_text (gconstpointer record,
                 gpointer      data)
{
  const PdRenovationWorker *worker = record;
  if (worker->revoked_on[0] != '\0')
    /* Translators: a worker whose pass was revoked */
    return g_strdup_printf (_("%s (pass revoked)"), worker->name);
  return g_strdup (worker->name);
}

static char *
worker_id_text (gconstpointer record,
               gpointer      data)
{
  return pd_mask_id (((const PdRenovationWorker *) record)->id_number);
}

static char *
worker_phone_text (gconstpointer record,
                  gpointer      data)
{
  return pd_mask_phone (((const PdRenovationWorker *) record)->phone);
}

static char *
worker_trade_text (gconstpointer record,
                  gpointer      data)
{
  return g_strdup (((const PdRenovationWorker *) record)->trade);
}

static void
load_workers (PdRenovationForm *self)
{
  g_autoptr (GPtrArray) workers = self->id ? pd_renovation_worker_list (self->ctx, self->id, NULL) : NULL;
  g_autoptr (GListStore) store = pd_record_store_new (workers,
                                                                (GDestroyNotify) pd_renovation_worker_free);
  g_autoptr (GtkSingleSelection) selection = gtk_single_selection_new (G_LIST_MODEL (g_steal_pointer (&store)));

  gtk_column_view_set_model (self->workers_view, GTK_SELECTION_MODEL (selection));
}

static void
on_add_worker (PdRenovationForm *self)
{
  g_autoptr (PdRenovationWorker) worker = pd_renovation_worker_new ();
  g_autoptr (GError) error = NULL;

  if (self->id == 0 && !pd_renovation_form_save (self))
    return;
  worker->renovation_id = self->id;
  pd_renovation_set_text (&worker->name, gtk_editable_get_text (GTK_EDITABLE (self->worker_name)));
  pd_renovation_set_text (&worker->id_number, gtk_editable_get_text (GTK_EDITABLE (self->worker_id)));
  pd_renovation_set_text (&worker->phone, gtk_editable_get_text (GTK_EDITABLE (self->worker_phone)));
  pd_renovation_set_text (&worker->trade, gtk_editable_get_text (GTK_EDITABLE (self->worker_trade)));
  if (pd_renovation_worker_add (self->ctx, worker, &error) < 0)
    {
      pd_renovation_form_show_error (self, error);
      return;
    }
  clear_errors (self);
  gtk_editable_set_text (GTK_EDITABLE (self->worker_name), "");
  gtk_editable_set_text (GTK_EDITABLE (self->worker_id), "");
  gtk_editable_set_text (GTK_EDITABLE (self->worker_phone), "");
  gtk_editable_set_text (GTK_EDITABLE (self->worker_trade), "");
  load_workers (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->worker_name));
}

static void
on_remove_worker (PdRenovationForm *self)
{
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (gtk_column_view_get_model (self->workers_view));
  PdRecordItem *item = gtk_single_selection_get_selected_item (selection);
  PdRenovationWorker *worker = item ? pd_record_item_get (item) : NULL;
  g_autoptr (GError) error = NULL;

  if (worker == NULL)
    return;
  if (!pd_renovation_worker_remove (self->ctx, worker->id, &error))
    {
      pd_renovation_form_show_error (self, error);
      return;
    }
  load_workers (self);
}

/* ---- load and save ----------------------------------------------------- */

static void
set_entry (GtkEntry   *entry,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), text ? text : "");
}

static void
set_editable (PdRenovationForm *self,
              gboolean          application,
              gboolean          crew)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->grid), application);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), application);
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_worker_button), crew);
  gtk_widget_set_sensitive (GTK_WIDGET (self->remove_worker_button), crew);
}

static const char *const crew_states[] = {
  "draft", "needs_revision", "approved", "permit_issued", "in_progress", "stopped", NULL,
};

/* Title, what may be edited and the crew: what changes with the state. */
static void
show_state (PdRenovationForm   *self,
            const PdRenovation *r)
{
  if (r != NULL)
    {
      /* Translators: form heading, unit code and state */
      g_autofree char *title = g_strdup_printf (_("Application for %s — %s"), r->unit_code,
                                                pd_renovation_state_label (r->state));
      gtk_label_set_text (self->title_label, title);
    }
  else
    gtk_label_set_text (self->title_label, _("New renovation application"));
  load_workers (self);
  set_editable (self, r == NULL || g_str_equal (r->state, "draft") || g_str_equal (r->state, "needs_revision"),
                r == NULL || g_strv_contains (crew_states, r->state));
  gtk_widget_set_sensitive (GTK_WIDGET (self->unit_entry), r == NULL || g_str_equal (r->state, "draft"));
}

void
pd_renovation_form_load (PdRenovationForm *self,
                         gint64            renovation_id)
{
  g_autoptr (PdRenovation) r = renovation_id ? pd_renovation_get (self->ctx, renovation_id, NULL) : NULL;
  g_autoptr (PdRenovation) empty = pd_renovation_new ();
  PdRenovation *shown = r ? r : empty;

  clear_errors (self);
  self->id = r ? r->id : 0;
  g_signal_handlers_block_by_func (self->unit_entry, on_unit_changed, self);
  set_entry (self->unit_entry, shown->unit_code);
  g_signal_handlers_unblock_by_func (self->unit_entry, on_unit_changed, self);
  load_applicants (self, shown->unit_id, shown->applicant_id);
  gtk_check_button_set_active (self->letter_check, shown->authorisation_letter);
  gtk_check_button_set_active (self->self_check, shown->self_renovation);
  gtk_check_button_set_active (self->undertaking_check, shown->undertaking_signed);
  set_entry (self->contractor_name, shown->contractor_name);
  set_entry (self->contractor_licence, shown->contractor_licence);
  set_entry (self->contractor_qualification, shown->contractor_qualification);
  set_entry (self->contractor_person, shown->contractor_person);
  set_entry (self->contractor_phone, shown->contractor_phone);
  set_entry (self->planned_start, shown->planned_start);
  set_entry (self->planned_end, shown->planned_end);
  write_checks (self->scope_box, shown->scope);
  gtk_check_button_set_active (self->hot_work_application, shown->hot_work_application);
  gtk_check_button_set_active (self->extinguisher, shown->extinguisher);
  write_checks (self->drawings_box, shown->drawings);
  set_entry (self->scope_note, shown->scope_note);
  show_state (self, r);
}

void
pd_renovation_form_refresh (PdRenovationForm *self)
{
  g_autoptr (PdRenovation) r = self->id ? pd_renovation_get (self->ctx, self->id, NULL) : NULL;

  show_state (self, r);
}

gint64
pd_renovation_form_get_id (PdRenovationForm *self)
{
  return self->id;
}

static void
read_form (PdRenovationForm *self,
           PdRenovation     *r)
{
  guint selected = gtk_drop_down_get_selected (self->applicant_dropdown);
  g_autofree char *scope = read_checks (self->scope_box);
  g_autofree char *drawings = read_checks (self->drawings_box);

  r->unit_id = current_unit (self);
  if (selected < self->applicants->len)
    {
      Applicant *applicant = &g_array_index (self->applicants, Applicant, selected);
      r->applicant_id = applicant->person_id;
      pd_renovation_set_text (&r->applicant_role, applicant->role);
      r->authorised_by = g_str_equal (applicant->role, "owner") ? 0 : applicant->authorised_by;
    }
  else
    r->applicant_id = 0;
  r->authorisation_letter = gtk_check_button_get_active (self->letter_check);
  r->self_renovation = gtk_check_button_get_active (self->self_check);
  r->undertaking_signed = gtk_check_button_get_active (self->undertaking_check);
  pd_renovation_set_text (&r->contractor_name, gtk_editable_get_text (GTK_EDITABLE (self->contractor_name)));
  pd_renovation_set_text (&r->contractor_licence, gtk_editable_get_text (GTK_EDITABLE (self->contractor_licence)));
  pd_renovation_set_text (&r->contractor_qualification,
                          gtk_editable_get_text (GTK_EDITABLE (self->contractor_qualification)));
  pd_renovation_set_text (&r->contractor_person, gtk_editable_get_text (GTK_EDITABLE (self->contractor_person)));
  pd_renovation_set_text (&r->contractor_phone, gtk_editable_get_text (GTK_EDITABLE (self->contractor_phone)));
  pd_renovation_set_text (&r->planned_start, gtk_editable_get_text (GTK_EDITABLE (self->planned_start)));
  pd_renovation_set_text (&r->planned_end, gtk_editable_get_text (GTK_EDITABLE (self->planned_end)));
  pd_renovation_set_text (&r->scope, scope);
  r->hot_work_application = gtk_check_button_get_active (self->hot_work_application);
  r->extinguisher = gtk_check_button_get_active (self->extinguisher);
  pd_renovation_set_text (&r->drawings, drawings);
  pd_renovation_set_text (&r->scope_note, gtk_editable_get_text (GTK_EDITABLE (self->scope_note)));
}

gboolean
pd_renovation_form_save (PdRenovationForm *self)
{
  g_autoptr (PdRenovation) r = pd_renovation_new ();
  g_autoptr (GError) error = NULL;
  gboolean ok;

  if (self->id != 0 && !gtk_widget_get_sensitive (GTK_WIDGET (self->save_button)))
    return TRUE;   /* nothing editable to save in this state */
  read_form (self, r);
  if (r->unit_id == 0)
    {
      const char *code = gtk_editable_get_text (GTK_EDITABLE (self->unit_entry));
      if (code[0] == '\0')
        pd_set_field_error (&error, PD_VALIDATION_ERROR_REQUIRED, "unit", _("Unit: choose the unit to renovate."));
      else
        pd_set_field_error (&error, PD_VALIDATION_ERROR_NOT_FOUND, "unit",
                            _("Unit: %s is not a unit of this estate."), code);
      pd_renovation_form_show_error (self, error);
      return FALSE;
    }
  r->id = self->id;
  ok = self->id == 0 ? pd_renovation_create (self->ctx, r, &error) > 0
                     : pd_renovation_update (self->ctx, r, &error);
  if (!ok)
    {
      if (!pd_renovation_form_show_error (self, error))
        pd_show_error (GTK_WIDGET (self), _("The application could not be saved."), error);
      return FALSE;
    }
  pd_renovation_form_load (self, r->id);
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, r->id);
  return TRUE;
}

static void
on_save (PdRenovationForm *self)
{
  pd_renovation_form_save (self);
}

/* ---- type -------------------------------------------------------------- */

static void
pd_renovation_form_dispose (GObject *object)
{
  PdRenovationForm *self = PD_RENOVATION_FORM (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PD_TYPE_RENOVATION_FORM);
  g_clear_object (&self->error_label);
  g_clear_object (&self->ctx);
  g_clear_pointer (&self->applicants, g_array_unref);
  G_OBJECT_CLASS (pd_renovation_form_parent_class)->dispose (object);
}

static void
pd_renovation_form_class_init (PdRenovationFormClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = pd_renovation_form_dispose;
  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                        NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/propdesk/PropDesk/ui/pd-renovation-form.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, PdRenovationForm, name)
  CHILD (title_label); CHILD (grid); CHILD (unit_entry); CHILD (applicant_dropdown); CHILD (letter_check);
  CHILD (self_check); CHILD (undertaking_check); CHILD (contractor_name); CHILD (contractor_licence);
  CHILD (contractor_qualification); CHILD (contractor_person); CHILD (contractor_phone);
  CHILD (planned_start); CHILD (planned_end); CHILD (scope_box); CHILD (hot_work_application);
  CHILD (extinguisher); CHILD (drawings_box); CHILD (scope_note); CHILD (workers_view);
  CHILD (worker_name); CHILD (worker_id); CHILD (worker_phone); CHILD (worker_trade);
  CHILD (add_worker_button); CHILD (remove_worker_button); CHILD (worker_error); CHILD (save_button);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, on_add_worker);
  gtk_widget_class_bind_template_callback (widget_class, on_remove_worker);
  gtk_widget_class_bind_template_callback (widget_class, on_save);
}

static void
pd_renovation_form_init (PdRenovationForm *self)
{
  guint n;
  const PdRenovationChoice *choices;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->applicants = g_array_new (FALSE, FALSE, sizeof (Applicant));
  self->error_label = g_object_ref_sink (GTK_LABEL (gtk_label_new (NULL)));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_label_set_max_width_chars (self->error_label, 40);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "field-error");
  choices = pd_renovation_scope_items (&n);
  fill_checks (self->scope_box, choices, n);
  choices = pd_renovation_drawing_items (&n);
  fill_checks (self->drawings_box, choices, n);
  g_signal_connect_swapped (self->unit_entry, "changed", G_CALLBACK (on_unit_changed), self);

  pd_column_view_take (self->workers_view, pd_text_column_new (_("Name"), worker_name_text, NULL, NULL, 0, 0));
  pd_column_view_take (self->workers_view, pd_text_column_new (_("ID number"), worker_id_text, NULL, NULL, 0, 0));
  pd_column_view_take (self->workers_view, pd_text_column_new (_("Mobile"), worker_phone_text, NULL, NULL, 0, 110));
  pd_column_view_take (self->workers_view, pd_text_column_new (_("Trade"), worker_trade_text, NULL, NULL, 0, 70));
}

GtkWidget *
pd_renovation_form_new (PdContext *ctx)
{
  PdRenovationForm *self = g_object_new (PD_TYPE_RENOVATION_FORM, NULL);

  self->ctx = g_object_ref (ctx);
  pd_renovation_form_load (self, 0);
  return GTK_WIDGET (self);
}
