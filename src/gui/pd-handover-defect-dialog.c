/* pd-handover-defect-dialog.c — see pd-handover-defect-dialog.h. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-error.h"
#include "pd-handover-defect-dialog.h"

typedef struct
{
  PdContext        *ctx;
  gint64            handover_id;
  PdHandoverDefect *defect;      /* a copy; NULL for a new one */
  GCallback         done;
  gpointer          user_data;
  GtkGrid          *grid;
  GHashTable       *inputs;      /* field key → GtkWidget */
  GtkLabel         *error_label;
  GtkCheckButton   *fixed_check;
} DialogState;

static void
dialog_state_free (DialogState *state)
{
  g_clear_object (&state->ctx);
  g_clear_pointer (&state->defect, pd_handover_defect_free);
  g_clear_pointer (&state->inputs, g_hash_table_unref);
  g_free (state);
}

static GtkWidget *
add_row (DialogState *state,
         const char  *key,
         const char  *label_text,
         const char  *value,
         const char  *hint)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (label_text);
  GtkWidget *entry = gtk_entry_new ();
  /* Rows 0–9 are left for what a dialog puts above its entries. */
  int row = 10 + (int) g_hash_table_size (state->inputs);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), value ? value : "");
  gtk_widget_set_hexpand (entry, TRUE);
  gtk_widget_set_name (entry, key);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  if (hint != NULL)
    gtk_entry_set_placeholder_text (GTK_ENTRY (entry), hint);
  gtk_grid_attach (state->grid, label, 0, row, 1, 1);
  gtk_grid_attach (state->grid, entry, 1, row, 1, 1);
  g_hash_table_insert (state->inputs, (gpointer) key, entry);
  return entry;
}

static const char *
input_text (DialogState *state,
            const char  *key)
{
  GtkWidget *entry = g_hash_table_lookup (state->inputs, key);
  return entry ? gtk_editable_get_text (GTK_EDITABLE (entry)) : "";
}

static void
show_error (DialogState  *state,
            const GError *error)
{
  const char *key = pd_error_get_field (error);
  GtkWidget *entry = key ? g_hash_table_lookup (state->inputs, key) : NULL;

  gtk_label_set_text (state->error_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (state->error_label), TRUE);
  if (entry != NULL)
    {
      gtk_widget_add_css_class (entry, "error");
      gtk_widget_grab_focus (entry);
    }
}

static GtkWidget *
dialog_new (GtkWidget   *parent,
            const char  *title,
            const char  *ok_label,
            DialogState *state)
{
  GtkRoot *root = gtk_widget_get_root (parent);
  GtkWidget *dialog = gtk_dialog_new_with_buttons (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT |
                                                   GTK_DIALOG_USE_HEADER_BAR,
                                                   C_("handover", "_Cancel"), GTK_RESPONSE_CANCEL,
                                                   ok_label, GTK_RESPONSE_OK, NULL);
  GtkWidget *content = gtk_dialog_get_content_area (GTK_DIALOG (dialog));

  state->inputs = g_hash_table_new (g_str_hash, g_str_equal);
  state->grid = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_row_spacing (state->grid, 6);
  gtk_grid_set_column_spacing (state->grid, 12);
  gtk_widget_set_margin_start (GTK_WIDGET (state->grid), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (state->grid), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (state->grid), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (state->grid), 12);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (state->grid));
  state->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (state->error_label, TRUE);
  gtk_label_set_xalign (state->error_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (state->error_label), "field-error");
  gtk_widget_set_visible (GTK_WIDGET (state->error_label), FALSE);
  gtk_grid_attach (state->grid, GTK_WIDGET (state->error_label), 0, 100, 2, 1);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_OK);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 520, -1);
  g_object_set_data_full (G_OBJECT (dialog), "pd-state", state, (GDestroyNotify) dialog_state_free);
  return dialog;
}

static void
finish (GtkDialog   *dialog,
        DialogState *state)
{
  void (*done) (gpointer) = (void (*) (gpointer)) state->done;

  if (done != NULL)
    done (state->user_data);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
defect_response (GtkDialog   *dialog,
                 int          response,
                 DialogState *state)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PdHandoverDefect) defect = pd_handover_defect_new ();
  gboolean ok;

  if (response != GTK_RESPONSE_OK)
    {
      gtk_window_destroy (GTK_WINDOW (dialog));
      return;
    }
  defect->id = state->defect ? state->defect->id : 0;
  defect->handover_id = state->handover_id;
  defect->check_id = state->defect ? state->defect->check_id : 0;
  g_free (defect->room);
  defect->room = g_strdup (input_text (state, "room"));
  g_free (defect->description);
  defect->description = g_strdup (input_text (state, "description"));
  g_free (defect->responsible);
  defect->responsible = g_strdup (input_text (state, "responsible"));
  g_free (defect->deadline);
  defect->deadline = g_strdup (input_text (state, "deadline"));
  ok = state->defect ? pd_handover_defect_update (state->ctx, defect, &error)
                     : pd_handover_defect_add (state->ctx, defect, &error) > 0;
  if (!ok)
    {
      show_error (state, error);
      return;
    }
  finish (dialog, state);
}

GtkWidget *
pd_handover_defect_dialog_new (GtkWidget              *parent,
                               PdContext              *ctx,
                               gint64                  handover_id,
                               const PdHandoverDefect *defect,
                               GCallback               done,
                               gpointer                user_data)
{
  DialogState *state = g_new0 (DialogState, 1);
  GtkWidget *dialog;

  state->ctx = g_object_ref (ctx);
  state->handover_id = handover_id;
  state->done = done;
  state->user_data = user_data;
  if (defect != NULL)
    {
      state->defect = pd_handover_defect_new ();
      state->defect->id = defect->id;
      state->defect->check_id = defect->check_id;
    }
  dialog = dialog_new (parent, defect ? C_("handover", "Edit defect") : C_("handover", "Record a defect"),
                       defect ? C_("handover", "_Save") : C_("handover", "_Record"), state);
  add_row (state, "room", C_("handover", "_Room"), defect ? defect->room : NULL, NULL);
  add_row (state, "description", C_("handover", "_What is wrong"), defect ? defect->description : NULL, NULL);
  add_row (state, "responsible", C_("handover", "_Responsible party"), defect ? defect->responsible : NULL,
           C_("handover", "empty: the default from the settings"));
  add_row (state, "deadline", C_("handover", "_Deadline"), defect ? defect->deadline : NULL,
           C_("handover", "a date, or +N working days; empty: the default"));
  g_signal_connect (dialog, "response", G_CALLBACK (defect_response), state);
  return dialog;
}

static void
fixed_toggled (GtkCheckButton *check,
               DialogState    *state)
{
  gtk_widget_set_sensitive (g_hash_table_lookup (state->inputs, "deadline"),
                            !gtk_check_button_get_active (check));
}

static void
reinspect_response (GtkDialog   *dialog,
                    int          response,
                    DialogState *state)
{
  g_autoptr (GError) error = NULL;
  gboolean fixed = gtk_check_button_get_active (state->fixed_check);

  if (response != GTK_RESPONSE_OK)
    {
      gtk_window_destroy (GTK_WINDOW (dialog));
      return;
    }
  if (!pd_handover_reinspect (state->ctx, state->defect->id, fixed, input_text (state, "deadline"),
                              input_text (state, "note"), &error))
    {
      show_error (state, error);
      return;
    }
  finish (dialog, state);
}

GtkWidget *
pd_handover_reinspect_dialog_new (GtkWidget              *parent,
                                  PdContext              *ctx,
                                  const PdHandoverDefect *defect,
                                  GCallback               done,
                                  gpointer                user_data)
{
  DialogState *state = g_new0 (DialogState, 1);
  GtkWidget *dialog;
  GtkWidget *not_fixed;
  GtkWidget *what = gtk_label_new (NULL);
  g_autofree char *text = NULL;

  state->ctx = g_object_ref (ctx);
  state->handover_id = defect->handover_id;
  state->defect = pd_handover_defect_new ();
  state->defect->id = defect->id;
  state->done = done;
  state->user_data = user_data;
  dialog = dialog_new (parent, C_("handover", "Re-inspection"), C_("handover", "_Record"), state);
  /* Translators: room, defect description, its deadline */
  text = g_strdup_printf (C_("handover", "%s: %s (deadline %s)"), defect->room, defect->description, defect->deadline);
  gtk_label_set_text (GTK_LABEL (what), text);
  gtk_label_set_wrap (GTK_LABEL (what), TRUE);
  gtk_label_set_xalign (GTK_LABEL (what), 0);
  gtk_grid_attach (state->grid, what, 0, 0, 2, 1);
  state->fixed_check = GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (C_("handover", "_Fixed")));
  not_fixed = gtk_check_button_new_with_mnemonic (C_("handover", "_Not fixed: new deadline"));
  gtk_widget_set_name (GTK_WIDGET (state->fixed_check), "fixed");
  gtk_widget_set_name (not_fixed, "not-fixed");
  gtk_check_button_set_group (GTK_CHECK_BUTTON (not_fixed), state->fixed_check);
  gtk_check_button_set_active (state->fixed_check, TRUE);
  gtk_grid_attach (state->grid, GTK_WIDGET (state->fixed_check), 0, 5, 1, 1);
  gtk_grid_attach (state->grid, not_fixed, 1, 5, 1, 1);
  add_row (state, "deadline", C_("handover", "New _deadline"), "+5", C_("handover", "a date, or +N working days"));
  add_row (state, "note", C_("handover", "_Note"), NULL, NULL);
  fixed_toggled (state->fixed_check, state);
  g_signal_connect (state->fixed_check, "toggled", G_CALLBACK (fixed_toggled), state);
  g_signal_connect (dialog, "response", G_CALLBACK (reinspect_response), state);
  return dialog;
}
