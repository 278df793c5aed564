/* pd-renovation-form.h — the application form (装修申报表): unit, applicant,
 * contractor or self-renovation, dates, scope, drawings, workers.  Errors
 * from the core are shown next to the field they name. */
#pragma once

#include <gtk/gtk.h>

#include "pd-context.h"

G_BEGIN_DECLS

#define PD_TYPE_RENOVATION_FORM (pd_renovation_form_get_type ())
G_DECLARE_FINAL_TYPE (PdRenovationForm, pd_renovation_form, PD, RENOVATION_FORM, GtkBox)

GtkWidget *pd_renovation_form_new        (PdContext        *ctx);
/* Shows application @renovation_id, or an empty new one for 0. */
void       pd_renovation_form_load       (PdRenovationForm *self,
                                          gint64            renovation_id);
/* Updates what depends on the state (title, editable parts, workers) and
 * keeps what the user has typed but not saved. */
void       pd_renovation_form_refresh    (PdRenovationForm *self);
gint64     pd_renovation_form_get_id     (PdRenovationForm *self);
/* Saves (creating the draft when new); on failure shows the error next to
 * its field and returns FALSE.  Emits "saved" with the id on success. */
gboolean   pd_renovation_form_save       (PdRenovationForm *self);
/* Shows a core error (e.g. from a submission) next to the field it names;
 * FALSE when the field is not on this form. */
gboolean   pd_renovation_form_show_error (PdRenovationForm *self,
                                          const GError     *error);

G_END_DECLS
