/* pd-form-field.h — one field of a form: a caption above the input and,
 * below it, the validation error of that field.
 *
 * Core errors carry the key of the field they are about
 * (pd_error_get_field); a form built from PdFormFields whose "key"
 * properties are those keys shows any core error next to its field with
 * pd_form_field_show_error(), whatever the form.  In a .ui file:
 *
 *   <object class="PdFormField">
 *     <property name="label">(translatable caption)</property>
 *     <property name="key">mobile</property>
 *     <child><object class="GtkEntry" id="mobile_entry"/></child>
 *   </object>
 *
 * (see ui/pd-person-form.ui).
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PD_TYPE_FORM_FIELD (pd_form_field_get_type ())
G_DECLARE_FINAL_TYPE (PdFormField, pd_form_field, PD, FORM_FIELD, GtkWidget)

GtkWidget  *pd_form_field_new        (const char  *label,
                                      const char  *key,
                                      GtkWidget   *child);
GtkWidget  *pd_form_field_get_child  (PdFormField *self);
const char *pd_form_field_get_key    (PdFormField *self);
/* NULL or "" hides the error. */
void        pd_form_field_set_error  (PdFormField *self,
                                      const char  *message);
const char *pd_form_field_get_error  (PdFormField *self);

/* Shows @error on the visible PdFormField under @form whose key is the
 * error's field, brings its notebook/stack page forward and focuses it.
 * FALSE when no such field exists (the caller then shows a dialog). */
gboolean    pd_form_field_show_error   (GtkWidget    *form,
                                        const GError *error);
void        pd_form_field_clear_errors (GtkWidget    *form);
/* The visible field under @form with @key, or NULL. */
PdFormField *pd_form_field_find        (GtkWidget    *form,
                                        const char   *key);

G_END_DECLS
