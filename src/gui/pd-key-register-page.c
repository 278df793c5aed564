/* pd-key-register-page.c — see pd-key-register-page.h. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-application.h"
#include "pd-context-watch.h"
#include "pd-error.h"
#include "pd-estate.h"
#include "pd-form-dialog.h"
#include "pd-key-register.h"
#include "pd-key-register-page.h"
#include "pd-patrol-vacancy.h"
#include "pd-record-item.h"
#include "pd-record-selection.h"
#include "pd-text-column.h"

struct _PdKeyRegisterPage
{
  GtkWidget           parent_instance;
  PdContext          *ctx;
  GListStore         *keys;
  GtkSingleSelection *key_selection;
  GListStore         *loans;
  GtkSingleSelection *loan_selection;
  GtkCheckButton     *history_check;
  GtkLabel           *count_label;
};

G_DEFINE_FINAL_TYPE (PdKeyRegisterPage, pd_key_register_page, GTK_TYPE_WIDGET)

/* ---- cells --------------------------------------------------------------- */

#define KEY(record) ((const PdKey *) (record))
#define LOAN(record) ((const PdKeyLoan *) (record))

static char *
key_code_text (gconstpointer record, gpointer data)
{
  return g_strdup (KEY (record)->code);
}

static char *
key_label_text (gconstpointer record, gpointer data)
{
  return g_strdup (KEY (record)->label);
}

static char *
key_unit_text (gconstpointer record, gpointer data)
{
  return g_strdup (KEY (record)->unit_id ? KEY (record)->unit_code : _("Public key"));
}

static char *
key_copies_text (gconstpointer record, gpointer data)
{
  return g_strdup_printf ("%d", KEY (record)->copies);
}

static char *
key_location_text (gconstpointer record, gpointer data)
{
  return g_strdup (KEY (record)->location);
}

static char *
key_where_text (gconstpointer record, gpointer data)
{
  const PdKey *key = record;

  if (key->loan_id == 0)
    return g_strdup (_("In the office"));
  /* Translators: a key that is out: borrower and due time */
  return g_strdup_printf (_("Out: %s, due %.16s"), key->borrower, key->due_at);
}

static const char *
key_where_style (gconstpointer record, gpointer data)
{
  const PdKey *key = record;
  return key->overdue ? "overdue" : key->loan_id ? "due-soon" : NULL;
}

static char *
loan_key_text (gconstpointer record, gpointer data)
{
  return g_strdup_printf ("%s %s", LOAN (record)->key_code, LOAN (record)->key_label);
}

static char *
loan_borrower_text (gconstpointer record, gpointer data)
{
  return g_strdup (LOAN (record)->borrower);
}

static char *
loan_purpose_text (gconstpointer record, gpointer data)
{
  return g_strdup (LOAN (record)->purpose);
}

static char *
loan_out_text (gconstpointer record, gpointer data)
{
  return g_strndup (LOAN (record)->out_at, 16);
}

static char *
loan_due_text (gconstpointer record, gpointer data)
{
  return g_strndup (LOAN (record)->due_at, 16);
}

static char *
loan_returned_text (gconstpointer record, gpointer data)
{
  const PdKeyLoan *loan = record;
  return *loan->returned_at ? g_strndup (loan->returned_at, 16) : g_strdup (_("Not back"));
}

static const char *
loan_style (gconstpointer record, gpointer data)
{
  return LOAN (record)->overdue ? "overdue" : NULL;
}

/* ---- lists --------------------------------------------------------------- */

#define selected_record pd_record_selection_get

static gint64
key_id (gconstpointer record)
{
  return KEY (record)->id;
}

static gint64
loan_id (gconstpointer record)
{
  return LOAN (record)->id;
}

static void
update_actions (PdKeyRegisterPage *self)
{
  const PdKey *key = selected_record (self->key_selection);
  const PdKeyLoan *loan = selected_record (self->loan_selection);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "keys.sign-out", key && key->loan_id == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "keys.sign-back",
                                 (key && key->loan_id != 0) || (loan && *loan->returned_at == '\0'));
}

static void
refresh (PdKeyRegisterPage *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) keys = pd_key_list (self->ctx, &error);
  g_autoptr (GPtrArray) loans = keys ? pd_key_list_loans (self->ctx, !gtk_check_button_get_active (self->history_check),
                                                          &error) : NULL;
  const PdKey *selected = selected_record (self->key_selection);
  gint64 keep = selected ? selected->id : 0;
  guint out = 0, overdue = 0;
  g_autofree char *count = NULL;

  if (loans == NULL)
    {
      pd_show_error (GTK_WIDGET (self), _("The key register could not be read"), error);
      return;
    }
  for (guint i = 0; i < keys->len; i++)
    {
      out += ((PdKey *) keys->pdata[i])->loan_id != 0;
      overdue += ((PdKey *) keys->pdata[i])->overdue;
    }
  /* Translators: keys on the register, out now, overdue */
  count = g_strdup_printf (_("%u keys · %u out · %u overdue"), keys->len, out, overdue);
  gtk_label_set_text (self->count_label, count);
  pd_record_store_replace (self->keys, keys, (GDestroyNotify) pd_key_free);
  pd_record_store_replace (self->loans, loans, (GDestroyNotify) pd_key_loan_free);
  pd_record_selection_select (self->key_selection, key_id, keep);
  update_actions (self);
}

/* ---- actions ------------------------------------------------------------- */

static gboolean
save_key (PdFormDialog *dialog,
          gpointer      data,
          GError      **error)
{
  PdKeyRegisterPage *self = data;
  g_autoptr (PdKey) key = pd_key_new ();
  const char *unit_text = pd_form_dialog_get_text (dialog, "unit");
  g_autofree char *copies = g_strstrip (g_strdup (pd_form_dialog_get_text (dialog, "copies")));

  /* No unit: a public key. */
  if (*unit_text != '\0')
    {
      g_autoptr (PdUnit) unit = pd_patrol_find_unit (self->ctx, unit_text, error);

      if (unit == NULL)
        return FALSE;
      key->unit_id = unit->id;
    }
  g_free (key->code);
  key->code = g_strdup (pd_form_dialog_get_text (dialog, "code"));
  g_free (key->label);
  key->label = g_strdup (pd_form_dialog_get_text (dialog, "label"));
  g_free (key->location);
  key->location = g_strdup (pd_form_dialog_get_text (dialog, "location"));
  key->copies = *copies ? atoi (copies) : 1;
  return pd_key_add (self->ctx, key, error) > 0;
}

static void
add_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PdKeyRegisterPage *self = PD_KEY_REGISTER_PAGE (widget);
  PdFormDialog *dialog = pd_form_dialog_new (widget, _("Add a Key to the Register"), _("_Add"));

  pd_form_dialog_add_entry (dialog, "code", _("Key _tag"), NULL);
  gtk_entry_set_placeholder_text (GTK_ENTRY (pd_form_dialog_add_entry (dialog, "unit", _("_Unit code"), NULL)),
                                  _("Empty for a public key"));
  gtk_entry_set_placeholder_text (GTK_ENTRY (pd_form_dialog_add_entry (dialog, "label", _("_Opens"), NULL)),
                                  _("Empty for a unit key: its door"));
  pd_form_dialog_add_entry (dialog, "copies", _("_Copies"), "1");
  pd_form_dialog_add_entry (dialog, "location", _("_Kept at"), NULL);
  pd_form_dialog_set_save_func (dialog, save_key, g_object_ref (self), g_object_unref);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
save_loan (PdFormDialog *dialog,
           gpointer      data,
           GError      **error)
{
  PdKeyRegisterPage *self = data;
  const PdKey *key = selected_record (self->key_selection);

  return pd_key_sign_out (self->ctx, key ? key->id : 0, pd_form_dialog_get_text (dialog, "borrower"),
                          pd_form_dialog_get_text (dialog, "purpose"), pd_form_dialog_get_text (dialog, "due_at"),
                          error) > 0;
}

static void
sign_out_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PdKeyRegisterPage *self = PD_KEY_REGISTER_PAGE (widget);
  const PdKey *key = selected_record (self->key_selection);
  g_autofree char *due = pd_key_default_due (self->ctx);
  g_autofree char *title = NULL;
  PdFormDialog *dialog;

  if (key == NULL)
    return;
  /* Translators: %s is a key's tag and what it opens */
  title = g_strdup_printf (_("Sign Out %s"), key->label);
  dialog = pd_form_dialog_new (widget, title, _("Sign _Out"));
  pd_form_dialog_add_entry (dialog, "borrower", _("_Borrower"), NULL);
  pd_form_dialog_add_entry (dialog, "purpose", _("_Purpose"), NULL);
  due[16] = '\0';
  pd_form_dialog_add_entry (dialog, "due_at", _("_Due back"), due);
  pd_form_dialog_set_save_func (dialog, save_loan, g_object_ref (self), g_object_unref);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
sign_back_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PdKeyRegisterPage *self = PD_KEY_REGISTER_PAGE (widget);
  const PdKeyLoan *loan = selected_record (self->loan_selection);
  const PdKey *key = selected_record (self->key_selection);
  gint64 loan_id = loan && *loan->returned_at == '\0' ? loan->id : key ? key->loan_id : 0;
  g_autoptr (GError) error = NULL;

  if (loan_id != 0 && !pd_key_sign_back (self->ctx, loan_id, &error))
    pd_show_error (widget, _("The key could not be signed back"), error);
}

/* ---- object -------------------------------------------------------------- */

static void
pd_key_register_page_dispose (GObject *object)
{
  PdKeyRegisterPage *self = PD_KEY_REGISTER_PAGE (object);
  GtkWidget *child;

  pd_context_unwatch (self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->keys);
  g_clear_object (&self->loans);
  g_clear_object (&self->ctx);
  G_OBJECT_CLASS (pd_key_register_page_parent_class)->dispose (object);
}

static void
pd_key_register_page_class_init (PdKeyRegisterPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = pd_key_register_page_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_install_action (widget_class, "keys.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "keys.sign-out", NULL, sign_out_action);
  gtk_widget_class_install_action (widget_class, "keys.sign-back", NULL, sign_back_action);
}

typedef struct
{
  const char        *title;
  PdTextColumnFunc   text;
  PdTextColumnStyle  style;
  int                width;
} Column;

static GtkWidget *
make_list (PdKeyRegisterPage   *self,
           GListStore          *store,
           GtkSingleSelection **selection,
           const Column        *columns,
           guint                n_columns)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *view;

  *selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (store)));
  gtk_single_selection_set_autoselect (*selection, FALSE);
  gtk_single_selection_set_can_unselect (*selection, TRUE);
  view = gtk_column_view_new (GTK_SELECTION_MODEL (*selection));
  gtk_widget_add_css_class (view, "data-table");
  for (guint i = 0; i < n_columns; i++)
    {
      GtkColumnViewColumn *column = pd_text_column_new (columns[i].title, columns[i].text, columns[i].style,
                                                        self, 0, columns[i].width);
      gtk_column_view_append_column (GTK_COLUMN_VIEW (view), column);
      g_object_unref (column);
    }
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_widget_set_vexpand (scrolled, TRUE);
  g_signal_connect_swapped (*selection, "selection-changed", G_CALLBACK (update_actions), self);
  return scrolled;
}

static void
pd_key_register_page_init (PdKeyRegisterPage *self)
{
  const Column key_columns[] = {
    { C_("key register", "Tag"), key_code_text, NULL, 96 },
    { C_("key register", "Opens"), key_label_text, NULL, 0 },
    { C_("key register", "Unit"), key_unit_text, NULL, 96 },
    { C_("key register", "Copies"), key_copies_text, NULL, 56 },
    { C_("key register", "Kept at"), key_location_text, NULL, 110 },
    { C_("key register", "Where"), key_where_text, key_where_style, 260 },
  };
  const Column loan_columns[] = {
    { C_("key register", "Key"), loan_key_text, loan_style, 0 },
    { C_("key register", "Borrower"), loan_borrower_text, NULL, 120 },
    { C_("key register", "Purpose"), loan_purpose_text, NULL, 200 },
    { C_("key register", "Out"), loan_out_text, NULL, 136 },
    { C_("key register", "Due back"), loan_due_text, loan_style, 136 },
    { C_("key register", "Returned"), loan_returned_text, loan_style, 136 },
  };
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *paned = gtk_paned_new (GTK_ORIENTATION_VERTICAL);
  GtkWidget *loans_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *loans_title = gtk_label_new (_("Key loans"));
  const char *const buttons[][2] = {
    { N_("_Add Key…"), "keys.add" }, { N_("Sign _Out…"), "keys.sign-out" }, { N_("Sign _Back"), "keys.sign-back" },
  };

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);
  gtk_widget_set_margin_top (bar, 6);
  gtk_widget_set_margin_bottom (bar, 6);
  self->count_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->count_label, 0);
  gtk_widget_set_hexpand (GTK_WIDGET (self->count_label), TRUE);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->count_label));
  self->history_check = GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (_("Whole _register")));
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->history_check));
  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_(buttons[i][0]));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), buttons[i][1]);
      gtk_box_append (GTK_BOX (bar), button);
    }
  gtk_widget_set_parent (bar, GTK_WIDGET (self));

  self->keys = g_list_store_new (PD_TYPE_RECORD_ITEM);
  self->loans = g_list_store_new (PD_TYPE_RECORD_ITEM);
  gtk_paned_set_start_child (GTK_PANED (paned), make_list (self, self->keys, &self->key_selection, key_columns,
                                                           G_N_ELEMENTS (key_columns)));
  gtk_label_set_xalign (GTK_LABEL (loans_title), 0);
  gtk_widget_add_css_class (loans_title, "section-title");
  gtk_widget_set_margin_start (loans_title, 12);
  gtk_box_append (GTK_BOX (loans_box), loans_title);
  gtk_box_append (GTK_BOX (loans_box), make_list (self, self->loans, &self->loan_selection, loan_columns,
                                                  G_N_ELEMENTS (loan_columns)));
  gtk_paned_set_end_child (GTK_PANED (paned), loans_box);
  gtk_paned_set_position (GTK_PANED (paned), 330);
  gtk_widget_set_vexpand (paned, TRUE);
  gtk_widget_set_parent (paned, GTK_WIDGET (self));
  g_signal_connect_swapped (self->history_check, "toggled", G_CALLBACK (refresh), self);
}

GtkWidget *
pd_key_register_page_new (PdContext *ctx)
{
  PdKeyRegisterPage *self = g_object_new (PD_TYPE_KEY_REGISTER_PAGE, NULL);

  self->ctx = g_object_ref (ctx);
  pd_context_watch_lazily (ctx, GTK_WIDGET (self), (const char *const[]) { "patrol", "unit", NULL },
                           (PdContextWatchFunc) refresh);
  return GTK_WIDGET (self);
}

void
pd_key_register_page_select_loan (PdKeyRegisterPage *self,
                                  gint64             loan_id_wanted)
{
  g_return_if_fail (PD_IS_KEY_REGISTER_PAGE (self));
  pd_context_watch_ensure (self);
  pd_record_selection_select (self->loan_selection, loan_id, loan_id_wanted);
  update_actions (self);
}
