/* pd-person-form.h — edits one person's data (individual or enterprise);
 * errors from pd_person_validate show next to their fields through
 * pd_form_field_show_error (the form's fields carry the core's keys). */
#pragma once

#include <gtk/gtk.h>

#include "pd-person.h"

G_BEGIN_DECLS

#define PD_TYPE_PERSON_FORM (pd_person_form_get_type ())
G_DECLARE_FINAL_TYPE (PdPersonForm, pd_person_form, PD, PERSON_FORM, GtkWidget)

GtkWidget *pd_person_form_new        (void);
/* Shows a copy of @person (NULL: an empty new individual). */
void       pd_person_form_set_person (PdPersonForm   *self,
                                      const PdPerson *person);
/* The person as edited: the one set, with every field from the form. */
PdPerson  *pd_person_form_get_person (PdPersonForm   *self);

G_END_DECLS
