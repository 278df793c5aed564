/* pd-survey-template-dialog.c — see pd-survey-template-dialog.h. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-application.h"
#include "pd-form-field.h"
#include "pd-survey-template-dialog.h"
#include "pd-survey-template.h"

typedef struct
{
  PdContext     *ctx;
  GtkWidget     *form;
  GtkTextBuffer *items;
  GtkEditable   *labels[PD_SURVEY_SCALE_POINTS + 1];
  GtkEditable   *opinion_title;
  GtkLabel      *version_label;
} TemplateForm;

static void
template_form_free (TemplateForm *form)
{
  g_clear_object (&form->ctx);
  g_free (form);
}

static void
show_version (TemplateForm           *form,
              const PdSurveyTemplate *tmpl)
{
  /* Translators: version number, when and by whom it was saved */
  g_autofree char *text = g_strdup_printf (_("Version %d, saved %s by %s. Saving makes a new version; "
                                             "campaigns already planned keep their questions."),
                                           tmpl->version, tmpl->created_at, tmpl->created_by);
  gtk_label_set_text (form->version_label, text);
}

static void
save_clicked (GtkButton    *button,
              TemplateForm *form)
{
  g_autoptr (PdSurveyTemplate) tmpl = pd_survey_template_new ();
  g_autoptr (GError) error = NULL;
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  g_auto (GStrv) lines = NULL;

  pd_form_field_clear_errors (form->form);
  gtk_text_buffer_get_bounds (form->items, &start, &end);
  text = gtk_text_buffer_get_text (form->items, &start, &end, FALSE);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (*g_strstrip (lines[i]) != '\0')
      pd_survey_template_add_item (tmpl, lines[i]);
  for (int score = 1; score <= PD_SURVEY_SCALE_POINTS; score++)
    {
      g_free (tmpl->labels[score]);
      tmpl->labels[score] = g_strdup (gtk_editable_get_text (form->labels[score]));
    }
  g_free (tmpl->opinion_title);
  tmpl->opinion_title = g_strdup (gtk_editable_get_text (form->opinion_title));
  if (pd_survey_template_save_version (form->ctx, tmpl, &error) < 0)
    {
      if (!pd_form_field_show_error (form->form, error))
        pd_show_error (GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (button))), _("The questionnaire was not saved"),
                       error);
      return;
    }
  show_version (form, tmpl);
}

GtkWidget *
pd_survey_template_dialog_new (GtkWindow *parent,
                               PdContext *ctx)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *labels_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *view = gtk_text_view_new ();
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *close = gtk_button_new_with_mnemonic (_("_Close"));
  GtkWidget *save = gtk_button_new_with_mnemonic (_("_Save as new version"));
  GtkWidget *opinion = gtk_entry_new ();
  TemplateForm *form = g_new0 (TemplateForm, 1);
  g_autoptr (GError) error = NULL;
  g_autoptr (PdSurveyTemplate) tmpl = pd_survey_template_get_current (ctx, &error);
  g_autoptr (GString) items = g_string_new (NULL);

  form->ctx = g_object_ref (ctx);
  form->form = box;
  form->version_label = GTK_LABEL (gtk_label_new (NULL));
  g_object_set_data_full (G_OBJECT (window), "pd-template-form", form, (GDestroyNotify) template_form_free);
  gtk_window_set_title (GTK_WINDOW (window), _("Questionnaire"));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 560, 560);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);

  gtk_label_set_wrap (form->version_label, TRUE);
  gtk_label_set_xalign (form->version_label, 0);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (form->version_label));

  form->items = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  gtk_widget_set_name (view, "template-items");
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_widget_set_size_request (scrolled, -1, 280);
  gtk_box_append (GTK_BOX (box), pd_form_field_new (_("Items, one per line, in the order of the form"), "items",
                                                    scrolled));
  for (int score = PD_SURVEY_SCALE_POINTS; score >= 1; score--)
    {
      GtkWidget *entry = gtk_entry_new ();
      /* Translators: caption of the label of a score, e.g. "Score 5" */
      g_autofree char *caption = g_strdup_printf (_("Score %d"), score);

      gtk_editable_set_width_chars (GTK_EDITABLE (entry), 6);
      form->labels[score] = GTK_EDITABLE (entry);
      gtk_box_append (GTK_BOX (labels_box), pd_form_field_new (caption, "labels", entry));
    }
  gtk_box_append (GTK_BOX (box), labels_box);
  form->opinion_title = GTK_EDITABLE (opinion);
  gtk_box_append (GTK_BOX (box), pd_form_field_new (_("Opinion heading"), "opinion_title", opinion));

  if (tmpl != NULL)
    {
      for (guint i = 0; i < pd_survey_template_n_items (tmpl); i++)
        g_string_append_printf (items, "%s\n", pd_survey_template_item_title (tmpl, i));
      gtk_text_buffer_set_text (form->items, items->str, -1);
      for (int score = 1; score <= PD_SURVEY_SCALE_POINTS; score++)
        gtk_editable_set_text (form->labels[score], tmpl->labels[score]);
      gtk_editable_set_text (form->opinion_title, tmpl->opinion_title);
      show_version (form, tmpl);
    }
  else
    gtk_label_set_text (form->version_label, error->message);

  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_widget_add_css_class (save, "suggested-action");
  g_signal_connect_swapped (close, "clicked", G_CALLBACK (gtk_window_destroy), window);
  g_signal_connect (save, "clicked", G_CALLBACK (save_clicked), form);
  gtk_box_append (GTK_BOX (buttons), close);
  gtk_box_append (GTK_BOX (buttons), save);
  gtk_box_append (GTK_BOX (box), buttons);
  gtk_window_set_child (GTK_WINDOW (window), box);
  return window;
}
