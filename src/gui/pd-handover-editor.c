/* pd-handover-editor.c — see pd-handover-editor.h. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-application.h"
#include "pd-error.h"
#include "pd-handover.h"
#include "pd-handover-checklist-view.h"
#include "pd-handover-defects-view.h"
#include "pd-handover-editor.h"
#include "pd-meter-reading.h"

/* An input and the label under it that shows its validation error. */
typedef struct
{
  GtkWidget *input;
  GtkLabel  *error;
} Field;

struct _PdHandoverEditor
{
  GtkBox                   parent_instance;
  PdContext               *ctx;
  PdHandover              *handover;
  GHashTable              *fields;      /* field key → Field */
  GHashTable              *paper_checks; /* paper key → GtkCheckButton */

  GtkLabel                *title_label;
  GtkLabel                *status_label;
  GtkLabel                *blockers_label;
  GtkNotebook             *notebook;
  GtkGrid                 *papers_grid;
  GtkGrid                 *people_grid;
  GtkGrid                 *meters_grid;
  GtkGrid                 *keys_grid;
  GtkFlowBox              *docs_box;
  GtkFlowBox              *agreements_box;
  GtkLabel                *docs_checked_error;
  GtkLabel                *checklist_tab_label;
  GtkLabel                *defects_tab_label;
  PdHandoverChecklistView *checklist;
  PdHandoverDefectsView   *defects;
};

G_DEFINE_FINAL_TYPE (PdHandoverEditor, pd_handover_editor, GTK_TYPE_BOX)

enum { SIGNAL_DELETED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
add_field (PdHandoverEditor *self,
           GtkGrid          *grid,
           const char       *key,
           const char       *label_text,
           GtkWidget        *input,
           const char       *suffix)
{
  Field *field = g_new0 (Field, 1);
  GtkWidget *label = gtk_label_new (label_text);
  int row = 0;

  /* Rows come in pairs: the field, then its error message. */
  while (gtk_grid_get_child_at (grid, 0, row) != NULL)
    row += 2;
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), input);
  gtk_widget_set_hexpand (input, TRUE);
  gtk_widget_set_name (input, key);
  gtk_grid_attach (grid, label, 0, row, 1, 1);
  gtk_grid_attach (grid, input, 1, row, 1, 1);
  if (suffix != NULL)
    gtk_grid_attach (grid, gtk_label_new (suffix), 2, row, 1, 1);
  field->input = input;
  field->error = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (field->error, 0);
  gtk_label_set_wrap (field->error, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (field->error), "field-error");
  gtk_widget_set_visible (GTK_WIDGET (field->error), FALSE);
  gtk_grid_attach (grid, GTK_WIDGET (field->error), 1, row + 1, 2, 1);
  g_hash_table_insert (self->fields, (gpointer) key, field);
}

static GtkWidget *
add_entry (PdHandoverEditor *self,
           GtkGrid          *grid,
           const char       *key,
           const char       *label,
           const char       *suffix)
{
  GtkWidget *entry = gtk_entry_new ();

  add_field (self, grid, key, label, entry, suffix);
  return entry;
}

static const char *
entry_text (PdHandoverEditor *self,
            const char       *key)
{
  Field *field = g_hash_table_lookup (self->fields, key);
  return gtk_editable_get_text (GTK_EDITABLE (field->input));
}

static void
set_entry (PdHandoverEditor *self,
           const char       *key,
           const char       *text)
{
  Field *field = g_hash_table_lookup (self->fields, key);
  gtk_editable_set_text (GTK_EDITABLE (field->input), text ? text : "");
}

static void
clear_errors (PdHandoverEditor *self)
{
  GHashTableIter iter;
  Field *field;

  g_hash_table_iter_init (&iter, self->fields);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &field))
    {
      gtk_widget_set_visible (GTK_WIDGET (field->error), FALSE);
      gtk_widget_remove_css_class (field->input, "error");
    }
  gtk_widget_set_visible (GTK_WIDGET (self->docs_checked_error), FALSE);
}

/* Shows @error next to its field, or in a dialog when no field has it. */
static void
show_error (PdHandoverEditor *self,
            const char       *primary,
            const GError     *error)
{
  const char *key = pd_error_get_field (error);
  Field *field = key ? g_hash_table_lookup (self->fields, key) : NULL;

  if (field != NULL)
    {
      gtk_label_set_text (field->error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (field->error), TRUE);
      gtk_widget_add_css_class (field->input, "error");
      gtk_widget_grab_focus (field->input);
      /* Bring the field's page to the front. */
      for (int i = 0; i < gtk_notebook_get_n_pages (self->notebook); i++)
        if (gtk_widget_is_ancestor (field->input, gtk_notebook_get_nth_page (self->notebook, i)))
          gtk_notebook_set_current_page (self->notebook, i);
    }
  else if (g_strcmp0 (key, "docs_checked") == 0 || g_strcmp0 (key, "agreements_signed") == 0)
    {
      gtk_label_set_text (self->docs_checked_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->docs_checked_error), TRUE);
    }
  else
    pd_show_error (GTK_WIDGET (self), primary, error);
}

static void
build_papers (PdHandoverEditor *self,
              GtkFlowBox       *box,
              const PdHandoverPaper *papers,
              guint             n)
{
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *check = gtk_check_button_new_with_label (pd_handover_paper_label (&papers[i]));
      gtk_widget_set_name (check, papers[i].key);
      gtk_flow_box_append (box, check);
      g_hash_table_insert (self->paper_checks, (gpointer) papers[i].key, check);
    }
}

static char *
papers_value (PdHandoverEditor      *self,
              const PdHandoverPaper *papers,
              guint                  n)
{
  g_autoptr (GString) out = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    if (gtk_check_button_get_active (g_hash_table_lookup (self->paper_checks, papers[i].key)))
      g_string_append_printf (out, "%s%s", out->len ? "," : "", papers[i].key);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
set_reading (PdHandoverEditor *self,
             const char       *key,
             gint64            milli)
{
  g_autofree char *text = pd_meter_reading_format (milli);
  set_entry (self, key, text);
}

static void
update_header (PdHandoverEditor *self)
{
  PdHandover *h = self->handover;
  g_autoptr (GPtrArray) blockers = NULL;
  g_autofree char *title = NULL;

  if (h == NULL)
    {
      gtk_label_set_text (self->title_label, C_("handover", "Choose a handover in the list, or start one with Ctrl+N."));
      gtk_label_set_text (self->status_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->blockers_label), FALSE);
      return;
    }
  /* Translators: unit code and owner's name in the editor's title */
  title = g_strdup_printf (C_("handover", "%s · %s"), h->unit_code, h->owner_name);
  gtk_label_set_text (self->title_label, title);
  gtk_label_set_text (self->status_label, pd_handover_status_label (h->status));
  blockers = pd_handover_close_blockers (self->ctx, h);
  if (blockers->len > 0 && !g_str_equal (h->status, "closed"))
    {
      g_autofree char *text = NULL;
      g_ptr_array_add (blockers, NULL);
      text = g_strjoinv (" ", (char **) blockers->pdata);
      gtk_label_set_text (self->blockers_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->blockers_label), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->blockers_label), FALSE);
}

static void
fill_form (PdHandoverEditor *self)
{
  PdHandover *h = self->handover;
  const char *const texts[][2] = {
    { "handover_on", h->handover_on }, { "proxy_name", h->proxy_name },
    { "proxy_id_number", h->proxy_id_number }, { "fee_receipt", h->fee_receipt },
    { "clerk", h->clerk }, { "engineer", h->engineer }, { "officer", h->officer },
    { "developer_rep", h->developer_rep }, { "others_present", h->others_present },
    { "notes", h->notes }, { "access_cards", h->access_cards },
    { "electricity_card", h->electricity_card }, { "water_card", h->water_card },
    { "gas_card", h->gas_card }, { "keys_received_by", h->keys_received_by },
    { "keys_handed_on", h->keys_handed_on },
  };
  GHashTableIter iter;
  const char *key;
  GtkWidget *check;
  Field *keys = g_hash_table_lookup (self->fields, "house_keys");

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    set_entry (self, texts[i][0], texts[i][1]);
  g_hash_table_iter_init (&iter, self->paper_checks);
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, (gpointer *) &check))
    gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                 pd_handover_paper_listed (h->docs_checked, key) ||
                                 pd_handover_paper_listed (h->agreements_signed, key));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (keys->input), h->house_keys);
  set_reading (self, "water", h->water_milli);
  set_reading (self, "electricity", h->electricity_milli);
  set_reading (self, "gas", h->gas_milli);
}

static void
refresh_tabs (PdHandoverEditor *self)
{
  g_autofree char *checks = pd_handover_checklist_view_get_progress (self->checklist);
  g_autofree char *defects = pd_handover_defects_view_get_summary (self->defects);
  /* Translators: the Inspection tab with its progress, e.g. "验房 (12/44)" */
  g_autofree char *checks_tab = g_strdup_printf (C_("handover", "Inspection (%s)"), checks);
  /* Translators: the Defects tab with the number still open */
  g_autofree char *defects_tab = g_strdup_printf (C_("handover", "Defects (%s)"), defects);

  gtk_label_set_text (self->checklist_tab_label, checks_tab);
  gtk_label_set_text (self->defects_tab_label, defects_tab);
}

void
pd_handover_editor_load (PdHandoverEditor *self,
                         gint64            handover_id)
{
  g_autoptr (GError) error = NULL;
  gboolean editable;

  g_clear_pointer (&self->handover, pd_handover_free);
  clear_errors (self);
  if (handover_id > 0)
    {
      self->handover = pd_handover_get (self->ctx, handover_id, &error);
      if (self->handover == NULL)
        pd_show_error (GTK_WIDGET (self), C_("handover", "The handover could not be read"), error);
    }
  editable = self->handover != NULL && !g_str_equal (self->handover->status, "closed");
  gtk_widget_set_sensitive (GTK_WIDGET (self->notebook), self->handover != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->papers_grid), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->people_grid), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->docs_box), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->agreements_box), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->meters_grid), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->keys_grid), editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.finish",
                                 self->handover && g_str_equal (self->handover->status, "in_progress"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.close",
                                 self->handover && g_str_equal (self->handover->status, "inspected"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.delete",
                                 self->handover && g_str_equal (self->handover->status, "in_progress"));
  if (self->handover != NULL)
    fill_form (self);
  pd_handover_checklist_view_load (self->checklist, self->handover ? self->handover->id : 0,
                                   self->handover ? self->handover->status : NULL);
  pd_handover_defects_view_load (self->defects, self->handover ? self->handover->id : 0,
                                 self->handover ? self->handover->status : NULL);
  update_header (self);
  refresh_tabs (self);
}

gint64
pd_handover_editor_get_handover_id (PdHandoverEditor *self)
{
  return self->handover ? self->handover->id : 0;
}

/* Reads the form into a copy of the handover; readings are checked here
 * because the core stores numbers. */
static gboolean
save (PdHandoverEditor *self,
      GError          **error)
{
  g_autoptr (PdHandover) h = NULL;
  Field *keys = g_hash_table_lookup (self->fields, "house_keys");
  guint n_docs, n_agreements;
  const PdHandoverPaper *docs = pd_handover_documents (&n_docs);
  const PdHandoverPaper *agreements = pd_handover_agreements (&n_agreements);
  struct { const char *key; const char *label; gint64 *milli; } readings[3];

  g_return_val_if_fail (self->handover != NULL, FALSE);
  h = pd_handover_get (self->ctx, self->handover->id, error);
  if (h == NULL)
    return FALSE;
#define TAKE(member, key) G_STMT_START { g_free (h->member); h->member = g_strdup (entry_text (self, key)); } G_STMT_END
  TAKE (handover_on, "handover_on");
  TAKE (proxy_name, "proxy_name");
  TAKE (proxy_id_number, "proxy_id_number");
  TAKE (fee_receipt, "fee_receipt");
  TAKE (clerk, "clerk");
  TAKE (engineer, "engineer");
  TAKE (officer, "officer");
  TAKE (developer_rep, "developer_rep");
  TAKE (others_present, "others_present");
  TAKE (notes, "notes");
  TAKE (access_cards, "access_cards");
  TAKE (electricity_card, "electricity_card");
  TAKE (water_card, "water_card");
  TAKE (gas_card, "gas_card");
  TAKE (keys_received_by, "keys_received_by");
  TAKE (keys_handed_on, "keys_handed_on");
#undef TAKE
  g_free (h->docs_checked);
  h->docs_checked = papers_value (self, docs, n_docs);
  g_free (h->agreements_signed);
  h->agreements_signed = papers_value (self, agreements, n_agreements);
  h->house_keys = gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (keys->input));
  readings[0].key = "water";
  readings[0].label = C_("handover", "Water meter");
  readings[0].milli = &h->water_milli;
  readings[1].key = "electricity";
  readings[1].label = C_("handover", "Electricity meter");
  readings[1].milli = &h->electricity_milli;
  readings[2].key = "gas";
  readings[2].label = C_("handover", "Gas meter");
  readings[2].milli = &h->gas_milli;
  for (guint i = 0; i < G_N_ELEMENTS (readings); i++)
    {
      g_autofree char *text = g_strstrip (g_strdup (entry_text (self, readings[i].key)));
      if (*text == '\0')
        *readings[i].milli = -1;
      else if (!pd_meter_reading_parse (text, readings[i].key, readings[i].label, readings[i].milli, error))
        return FALSE;
    }
  return pd_handover_save (self->ctx, h, error);
}

static gboolean
save_or_show (PdHandoverEditor *self)
{
  g_autoptr (GError) error = NULL;

  clear_errors (self);
  if (!save (self, &error))
    {
      show_error (self, C_("handover", "The handover could not be saved"), error);
      return FALSE;
    }
  return TRUE;
}

static void
save_activated (GtkWidget  *widget,
                const char *action,
                GVariant   *parameter)
{
  PdHandoverEditor *self = PD_HANDOVER_EDITOR (widget);

  if (self->handover != NULL && save_or_show (self))
    pd_handover_editor_load (self, self->handover->id);
}

static void
finish_activated (GtkWidget  *widget,
                  const char *action,
                  GVariant   *parameter)
{
  PdHandoverEditor *self = PD_HANDOVER_EDITOR (widget);
  g_autoptr (GError) error = NULL;
  gint64 id;

  if (self->handover == NULL || !save_or_show (self))
    return;
  id = self->handover->id;
  if (!pd_handover_finish_inspection (self->ctx, id, &error))
    {
      /* An unanswered checklist: show the inspection page. */
      if (g_strcmp0 (pd_error_get_field (error), "checklist") == 0)
        gtk_notebook_set_current_page (self->notebook, 2);
      show_error (self, C_("handover", "The inspection cannot be finished yet"), error);
      return;
    }
  pd_handover_editor_load (self, id);
}

static void
close_activated (GtkWidget  *widget,
                 const char *action,
                 GVariant   *parameter)
{
  PdHandoverEditor *self = PD_HANDOVER_EDITOR (widget);
  g_autoptr (GError) error = NULL;
  gint64 id;

  if (self->handover == NULL || !save_or_show (self))
    return;
  id = self->handover->id;
  if (!pd_handover_close (self->ctx, id, &error))
    pd_show_error (GTK_WIDGET (self), C_("handover", "The unit cannot be handed over yet"), error);
  pd_handover_editor_load (self, id);
}

static void
delete_response (GtkDialog        *dialog,
                 int               response,
                 PdHandoverEditor *self)
{
  g_autoptr (GError) error = NULL;

  gtk_window_destroy (GTK_WINDOW (dialog));
  if (response != GTK_RESPONSE_OK || self->handover == NULL)
    return;
  if (!pd_handover_delete (self->ctx, self->handover->id, &error))
    {
      pd_show_error (GTK_WIDGET (self), C_("handover", "The handover could not be deleted"), error);
      return;
    }
  pd_handover_editor_load (self, 0);
  g_signal_emit (self, signals[SIGNAL_DELETED], 0);
}

static void
delete_activated (GtkWidget  *widget,
                  const char *action,
                  GVariant   *parameter)
{
  PdHandoverEditor *self = PD_HANDOVER_EDITOR (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;

  if (self->handover == NULL)
    return;
  dialog = gtk_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT, GTK_MESSAGE_QUESTION,
                                   GTK_BUTTONS_OK_CANCEL,
                                   /* Translators: %s is a unit code */
                                   C_("handover", "Delete the handover of unit %s?"), self->handover->unit_code);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                            C_("handover", "Its checklist and defects are deleted with it."));
  g_signal_connect (dialog, "response", G_CALLBACK (delete_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
keys_today_clicked (GtkButton        *button,
                    PdHandoverEditor *self)
{
  g_autofree char *today = pd_context_today (self->ctx);

  set_entry (self, "keys_handed_on", today);
  if (*entry_text (self, "keys_received_by") == '\0' && self->handover != NULL)
    set_entry (self, "keys_received_by", self->handover->owner_name);
}

static void
child_changed (PdHandoverEditor *self)
{
  gint64 id = pd_handover_editor_get_handover_id (self);
  g_autoptr (GError) error = NULL;
  PdHandover *fresh;

  if (id == 0)
    return;
  /* The status may have moved (last defect fixed); the form stays as typed. */
  fresh = pd_handover_get (self->ctx, id, &error);
  if (fresh == NULL)
    return;
  if (!g_str_equal (fresh->status, self->handover->status))
    {
      pd_handover_free (fresh);
      pd_handover_editor_load (self, id);
      return;
    }
  pd_handover_free (self->handover);
  self->handover = fresh;
  update_header (self);
  pd_handover_defects_view_load (self->defects, id, fresh->status);
  refresh_tabs (self);
}

static void
build_form (PdHandoverEditor *self)
{
  GtkWidget *keys_spin = gtk_spin_button_new_with_range (0, 99, 1);
  GtkWidget *today = gtk_button_new_with_mnemonic (C_("handover", "_Today, to the owner"));
  guint n;
  const PdHandoverPaper *papers;

  add_entry (self, self->papers_grid, "handover_on", C_("handover", "Handover date"), NULL);
  add_entry (self, self->papers_grid, "fee_receipt", C_("handover", "Fee receipt number"), NULL);
  add_entry (self, self->papers_grid, "proxy_name", C_("handover", "Proxy (when the owner sent one)"), NULL);
  add_entry (self, self->papers_grid, "proxy_id_number", C_("handover", "Proxy's ID number"), NULL);
  add_entry (self, self->papers_grid, "notes", C_("handover", "Notes"), NULL);
  papers = pd_handover_documents (&n);
  build_papers (self, self->docs_box, papers, n);
  papers = pd_handover_agreements (&n);
  build_papers (self, self->agreements_box, papers, n);
  add_entry (self, self->people_grid, "clerk", C_("handover", "Customer service"), NULL);
  add_entry (self, self->people_grid, "engineer", C_("handover", "Engineering"), NULL);
  add_entry (self, self->people_grid, "officer", C_("handover", "Building officer"), NULL);
  add_entry (self, self->people_grid, "developer_rep", C_("handover", "Developer"), NULL);
  add_entry (self, self->people_grid, "others_present", C_("handover", "Others present"), NULL);

  add_entry (self, self->meters_grid, "water", C_("handover", "Water meter"), C_("handover", "m³"));
  add_entry (self, self->meters_grid, "electricity", C_("handover", "Electricity meter"), C_("handover", "kWh"));
  add_entry (self, self->meters_grid, "gas", C_("handover", "Gas meter"), C_("handover", "m³ (empty: no gas)"));

  add_field (self, self->keys_grid, "house_keys", C_("handover", "House keys"), keys_spin, C_("handover", "keys"));
  add_entry (self, self->keys_grid, "access_cards", C_("handover", "Access cards (serials)"), NULL);
  add_entry (self, self->keys_grid, "electricity_card", C_("handover", "Electricity card"), NULL);
  add_entry (self, self->keys_grid, "water_card", C_("handover", "Water card"), NULL);
  add_entry (self, self->keys_grid, "gas_card", C_("handover", "Gas card"), NULL);
  add_entry (self, self->keys_grid, "keys_received_by", C_("handover", "Received and signed by"), NULL);
  add_entry (self, self->keys_grid, "keys_handed_on", C_("handover", "Handed over on"), NULL);
  gtk_widget_set_name (today, "keys-today");
  g_signal_connect (today, "clicked", G_CALLBACK (keys_today_clicked), self);
  gtk_grid_attach (self->keys_grid, today, 2, 12, 1, 1);
}

static void
pd_handover_editor_dispose (GObject *object)
{
  PdHandoverEditor *self = PD_HANDOVER_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PD_TYPE_HANDOVER_EDITOR);
  g_clear_pointer (&self->handover, pd_handover_free);
  g_clear_pointer (&self->fields, g_hash_table_unref);
  g_clear_pointer (&self->paper_checks, g_hash_table_unref);
  g_clear_object (&self->ctx);
  G_OBJECT_CLASS (pd_handover_editor_parent_class)->dispose (object);
}

static void
pd_handover_editor_class_init (PdHandoverEditorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = pd_handover_editor_dispose;
  signals[SIGNAL_DELETED] = g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  g_type_ensure (PD_TYPE_HANDOVER_CHECKLIST_VIEW);
  g_type_ensure (PD_TYPE_HANDOVER_DEFECTS_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/propdesk/PropDesk/ui/pd-handover-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, PdHandoverEditor, title_label);
  gtk_widget_class_bind_template_child (widget_class, PdHandoverEditor, status_label);
  gtk_widget_class_bind_template_child (widget_class, PdHandoverEditor, blockers_label);
  gtk_widget_class_bind_template_child (widget_class, PdHandoverEditor, notebook);
  gtk_widget_class_bind_template_child (widget_class, PdHandoverEditor, papers_grid);
  gtk_widget_class_bind_template_child (widget_class, PdHandoverEditor, people_grid);
  gtk_widget_class_bind_template_child (widget_class, PdHandoverEditor, meters_grid);
  gtk_widget_class_bind_template_child (widget_class, PdHandoverEditor, keys_grid);
  gtk_widget_class_bind_template_child (widget_class, PdHandoverEditor, docs_box);
  gtk_widget_class_bind_template_child (widget_class, PdHandoverEditor, agreements_box);
  gtk_widget_class_bind_template_child (widget_class, PdHandoverEditor, docs_checked_error);
  gtk_widget_class_bind_template_child (widget_class, PdHandoverEditor, checklist_tab_label);
  gtk_widget_class_bind_template_child (widget_class, PdHandoverEditor, defects_tab_label);
  gtk_widget_class_bind_template_child (widget_class, PdHandoverEditor, checklist);
  gtk_widget_class_bind_template_child (widget_class, PdHandoverEditor, defects);
  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "editor.finish", NULL, finish_activated);
  gtk_widget_class_install_action (widget_class, "editor.close", NULL, close_activated);
  gtk_widget_class_install_action (widget_class, "editor.delete", NULL, delete_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
}

static void
pd_handover_editor_init (PdHandoverEditor *self)
{
  self->fields = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  self->paper_checks = g_hash_table_new (g_str_hash, g_str_equal);
  gtk_widget_init_template (GTK_WIDGET (self));
  build_form (self);
  g_signal_connect_swapped (self->checklist, "changed", G_CALLBACK (child_changed), self);
  g_signal_connect_swapped (self->defects, "changed", G_CALLBACK (child_changed), self);
}

PdHandoverEditor *
pd_handover_editor_new (PdContext *ctx)
{
  PdHandoverEditor *self = g_object_new (PD_TYPE_HANDOVER_EDITOR, NULL);

  pd_handover_editor_set_context (self, ctx);
  return self;
}

void
pd_handover_editor_set_context (PdHandoverEditor *self,
                                PdContext        *ctx)
{
  g_set_object (&self->ctx, ctx);
  pd_handover_checklist_view_set_context (self->checklist, ctx);
  pd_handover_defects_view_set_context (self->defects, ctx);
  pd_handover_editor_load (self, 0);
}
