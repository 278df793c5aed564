/* pd-form-dialog.h — a small modal form for one quick action (sign a key
 * out, follow up an anomaly …): PdFormFields in a column, Cancel and an
 * accept button that is the default (Enter anywhere saves).
 *
 * The caller adds fields keyed like the core's error fields and gives a
 * save function; when it fails with a field error, the message shows next
 * to that field and the dialog stays; on success the dialog closes. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PD_TYPE_FORM_DIALOG (pd_form_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PdFormDialog, pd_form_dialog, PD, FORM_DIALOG, GtkWindow)

typedef gboolean (*PdFormDialogSave) (PdFormDialog *dialog,
                                      gpointer      user_data,
                                      GError      **error);

PdFormDialog *pd_form_dialog_new          (GtkWidget        *parent,
                                           const char       *title,
                                           const char       *accept_label);
/* A line of explanation above the fields. */
void          pd_form_dialog_add_note     (PdFormDialog     *self,
                                           const char       *text);
GtkWidget    *pd_form_dialog_add_entry    (PdFormDialog     *self,
                                           const char       *key,
                                           const char       *label,
                                           const char       *text);
/* A drop-down of @labels whose values are @ids (both NULL-terminated). */
GtkWidget    *pd_form_dialog_add_choice   (PdFormDialog     *self,
                                           const char       *key,
                                           const char       *label,
                                           const char *const *ids,
                                           const char *const *labels,
                                           const char       *active_id);
const char   *pd_form_dialog_get_text     (PdFormDialog     *self,
                                           const char       *key);
const char   *pd_form_dialog_get_choice   (PdFormDialog     *self,
                                           const char       *key);
void          pd_form_dialog_set_save_func (PdFormDialog    *self,
                                            PdFormDialogSave save,
                                            gpointer         user_data,
                                            GDestroyNotify   destroy);
/* What the accept button does: run the save function, close on success. */
gboolean      pd_form_dialog_accept       (PdFormDialog     *self);

G_END_DECLS
