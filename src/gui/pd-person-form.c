/* pd-person-form.c — see pd-person-form.h.
 *
 * Signals:  "changed" — the user edited a field (not emitted by
 * pd_person_form_set_person), so a file knows it has unsaved edits. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-form-field.h"
#include "pd-person-form.h"

struct _PdPersonForm
{
  GtkWidget    parent_instance;
  PdPerson    *person;
  gboolean     loading;
  GPtrArray   *doc_checks;    /* GtkCheckButton, in pd_person_documents order */

  GtkWidget   *common_grid;
  GtkWidget   *individual_grid;
  GtkWidget   *enterprise_grid;
  GtkWidget   *archive_grid;
  PdFormField *name_field;
  GtkDropDown *kind_dropdown;
  GtkDropDown *sex_dropdown;
  GtkDropDown *id_type_dropdown;
  GtkBox      *docs_box;
  GtkEntry    *name_entry;
  GtkEntry    *mobile_entry;
  GtkEntry    *phone2_entry;
  GtkEntry    *address_entry;
  GtkEntry    *id_number_entry;
  GtkEntry    *birthday_entry;
  GtkEntry    *form_of_address_entry;
  GtkEntry    *language_entry;
  GtkEntry    *emergency_name_entry;
  GtkEntry    *emergency_phone_entry;
  GtkEntry    *preferences_entry;
  GtkEntry    *uscc_entry;
  GtkEntry    *legal_rep_entry;
  GtkEntry    *contact_person_entry;
  GtkEntry    *signatories_entry;
  GtkEntry    *consent_on_entry;
  GtkEntry    *consent_note_entry;
  GtkEntry    *archive_location_entry;
  GtkEntry    *notes_entry;
};

G_DEFINE_FINAL_TYPE (PdPersonForm, pd_person_form, GTK_TYPE_WIDGET)

enum { SIGNAL_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* Which entry edits which text field of PdPerson. */
static const struct
{
  gsize person_offset;
  gsize entry_offset;
} text_fields[] = {
#define TEXT(name) { G_STRUCT_OFFSET (PdPerson, name), G_STRUCT_OFFSET (PdPersonForm, name##_entry) }
  TEXT (name), TEXT (mobile), TEXT (phone2), TEXT (address), TEXT (id_number), TEXT (birthday),
  TEXT (form_of_address), TEXT (language), TEXT (emergency_name), TEXT (emergency_phone),
  TEXT (preferences), TEXT (uscc), TEXT (legal_rep), TEXT (contact_person), TEXT (signatories),
  TEXT (consent_on), TEXT (consent_note), TEXT (archive_location), TEXT (notes),
#undef TEXT
};

#define ENTRY_AT(self, i) (*(GtkEntry **) G_STRUCT_MEMBER_P (self, text_fields[i].entry_offset))
#define TEXT_AT(person, i) (*(char **) G_STRUCT_MEMBER_P (person, text_fields[i].person_offset))

static const char *const kinds[] = { "individual", "enterprise" };
static const char *const sexes[] = { "", "M", "F" };
static const char *const id_types[] = { "resident_id", "passport", "hk_macao_taiwan", "other" };

static guint
code_index (const char *const *codes,
            guint              n_codes,
            const char        *code)
{
  for (guint i = 0; i < n_codes; i++)
    if (g_strcmp0 (codes[i], code) == 0)
      return i;
  return 0;
}

static void
fill_dropdown (GtkDropDown       *dropdown,
               const char *const *codes,
               guint              n_codes,
               const char *(*label) (const char *code))
{
  g_autoptr (GtkStringList) model = gtk_string_list_new (NULL);

  for (guint i = 0; i < n_codes; i++)
    /* Translators: the sex of a person is not recorded */
    gtk_string_list_append (model, *codes[i] == '\0' ? _("Not given") : label (codes[i]));
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (model));
}

static void
update_kind (PdPersonForm *self)
{
  gboolean enterprise = gtk_drop_down_get_selected (self->kind_dropdown) == 1;

  gtk_widget_set_visible (self->individual_grid, !enterprise);
  gtk_widget_set_visible (self->enterprise_grid, enterprise);
  g_object_set (self->name_field, "label", enterprise ? _("Company name") : _("Name"), NULL);
}

static void
edited (PdPersonForm *self)
{
  if (!self->loading)
    g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
pd_person_form_dispose (GObject *object)
{
  PdPersonForm *self = PD_PERSON_FORM (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), PD_TYPE_PERSON_FORM);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->person, pd_person_free);
  g_clear_pointer (&self->doc_checks, g_ptr_array_unref);
  G_OBJECT_CLASS (pd_person_form_parent_class)->dispose (object);
}

static void
pd_person_form_class_init (PdPersonFormClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = pd_person_form_dispose;
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  g_type_ensure (PD_TYPE_FORM_FIELD);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/propdesk/PropDesk/ui/pd-person-form.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, PdPersonForm, name)
  BIND (common_grid); BIND (individual_grid); BIND (enterprise_grid); BIND (archive_grid);
  BIND (name_field); BIND (kind_dropdown); BIND (sex_dropdown); BIND (id_type_dropdown);
  BIND (docs_box); BIND (name_entry); BIND (mobile_entry); BIND (phone2_entry);
  BIND (address_entry); BIND (id_number_entry); BIND (birthday_entry); BIND (form_of_address_entry);
  BIND (language_entry); BIND (emergency_name_entry); BIND (emergency_phone_entry);
  BIND (preferences_entry); BIND (uscc_entry); BIND (legal_rep_entry); BIND (contact_person_entry);
  BIND (signatories_entry); BIND (consent_on_entry); BIND (consent_note_entry);
  BIND (archive_location_entry); BIND (notes_entry);
#undef BIND
}

static void
pd_person_form_init (PdPersonForm *self)
{
  GtkLayoutManager *layout;
  const PdDocumentKind *documents;
  guint n_documents;

  gtk_widget_init_template (GTK_WIDGET (self));
  layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 8);

  fill_dropdown (self->kind_dropdown, kinds, G_N_ELEMENTS (kinds), pd_person_kind_label);
  fill_dropdown (self->sex_dropdown, sexes, G_N_ELEMENTS (sexes), pd_person_sex_label);
  fill_dropdown (self->id_type_dropdown, id_types, G_N_ELEMENTS (id_types), pd_person_id_type_label);
  documents = pd_person_documents (&n_documents);
  self->doc_checks = g_ptr_array_new ();
  for (guint i = 0; i < n_documents; i++)
    {
      GtkWidget *check = gtk_check_button_new_with_label (_(documents[i].label));
      gtk_box_append (self->docs_box, check);
      g_ptr_array_add (self->doc_checks, check);
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (edited), self);
    }
  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    g_signal_connect_swapped (ENTRY_AT (self, i), "changed", G_CALLBACK (edited), self);
  g_signal_connect_swapped (self->kind_dropdown, "notify::selected", G_CALLBACK (update_kind), self);
  g_signal_connect_swapped (self->kind_dropdown, "notify::selected", G_CALLBACK (edited), self);
  g_signal_connect_swapped (self->sex_dropdown, "notify::selected", G_CALLBACK (edited), self);
  g_signal_connect_swapped (self->id_type_dropdown, "notify::selected", G_CALLBACK (edited), self);
  pd_person_form_set_person (self, NULL);
}

GtkWidget *
pd_person_form_new (void)
{
  return g_object_new (PD_TYPE_PERSON_FORM, NULL);
}

void
pd_person_form_set_person (PdPersonForm   *self,
                           const PdPerson *person)
{
  const PdDocumentKind *documents;
  g_auto (GStrv) docs = NULL;
  guint n_documents;

  g_return_if_fail (PD_IS_PERSON_FORM (self));
  g_clear_pointer (&self->person, pd_person_free);
  self->person = person ? pd_person_copy (person) : pd_person_new ();
  self->loading = TRUE;
  pd_form_field_clear_errors (GTK_WIDGET (self));
  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    gtk_editable_set_text (GTK_EDITABLE (ENTRY_AT (self, i)), TEXT_AT (self->person, i) ? TEXT_AT (self->person, i) : "");
  gtk_drop_down_set_selected (self->kind_dropdown, code_index (kinds, G_N_ELEMENTS (kinds), self->person->kind));
  gtk_drop_down_set_selected (self->sex_dropdown, code_index (sexes, G_N_ELEMENTS (sexes), self->person->sex));
  gtk_drop_down_set_selected (self->id_type_dropdown,
                              code_index (id_types, G_N_ELEMENTS (id_types), self->person->id_type));
  docs = g_strsplit (self->person->docs_checked ? self->person->docs_checked : "", ",", -1);
  documents = pd_person_documents (&n_documents);
  for (guint i = 0; i < n_documents; i++)
    gtk_check_button_set_active (self->doc_checks->pdata[i],
                                 g_strv_contains ((const char *const *) docs, documents[i].key));
  update_kind (self);
  self->loading = FALSE;
}

PdPerson *
pd_person_form_get_person (PdPersonForm *self)
{
  PdPerson *person;
  const PdDocumentKind *documents;
  GString *docs = g_string_new (NULL);
  guint n_documents;

  g_return_val_if_fail (PD_IS_PERSON_FORM (self), NULL);
  person = pd_person_copy (self->person);
  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    {
      g_free (TEXT_AT (person, i));
      TEXT_AT (person, i) = g_strdup (gtk_editable_get_text (GTK_EDITABLE (ENTRY_AT (self, i))));
    }
  g_free (person->kind);
  person->kind = g_strdup (kinds[gtk_drop_down_get_selected (self->kind_dropdown)]);
  g_free (person->sex);
  person->sex = g_strdup (sexes[gtk_drop_down_get_selected (self->sex_dropdown)]);
  g_free (person->id_type);
  person->id_type = g_strdup (id_types[gtk_drop_down_get_selected (self->id_type_dropdown)]);
  documents = pd_person_documents (&n_documents);
  for (guint i = 0; i < n_documents; i++)
    if (gtk_check_button_get_active (self->doc_checks->pdata[i]))
      g_string_append_printf (docs, "%s%s", docs->len ? "," : "", documents[i].key);
  g_free (person->docs_checked);
  person->docs_checked = g_string_free (docs, FALSE);
  return person;
}
