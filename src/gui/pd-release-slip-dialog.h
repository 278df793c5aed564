/* pd-release-slip-dialog.h — issuing a release slip (放行条), keyboard
 * first: a busy office issues well over a thousand a year, so one must take
 * seconds.  Open it from the Release slips tab, from a unit's owner file or
 * from a renovation:
 *
 *   pd_release_slip_dialog_present (parent, ctx, unit_id);
 *
 * With @unit_id set the unit and its applicants are filled in and the
 * cursor waits on the first item; 0 starts on the unit field.  A caller
 * that knows why the goods leave presets it (a renovation:
 * pd_release_slip_dialog_set_reason (dialog, "renovation", permit) and
 * pd_release_slip_dialog_set_applicant (dialog, its applicant)).  Errors show
 * next to their fields; after issuing, Ctrl+P prints the two-part slip and
 * Ctrl+N starts the next one.
 *
 * Signal: "issued" (gint64 slip_id) after each slip is issued. */
#pragma once

#include <gtk/gtk.h>

#include "pd-context.h"

G_BEGIN_DECLS

#define PD_TYPE_RELEASE_SLIP_DIALOG (pd_release_slip_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PdReleaseSlipDialog, pd_release_slip_dialog, PD, RELEASE_SLIP_DIALOG, GtkWindow)

GtkWidget *pd_release_slip_dialog_new     (GtkWindow *parent,
                                           PdContext *ctx,
                                           gint64     unit_id);
/* Creates and shows the dialog; returns it (owned by GTK) to connect to. */
GtkWidget *pd_release_slip_dialog_present (GtkWindow *parent,
                                           PdContext *ctx,
                                           gint64     unit_id);
/* Presets the reason of the slip being typed: "moving_out", "renovation"
 * or "other", with @note (may be NULL) as its description.  Ctrl+N's next
 * slip starts afresh. */
void       pd_release_slip_dialog_set_reason (PdReleaseSlipDialog *self,
                                              const char          *reason,
                                              const char          *note);
/* Chooses @person_id among the unit's applicants (a renovation: its
 * applicant, who may be a tenant); FALSE, nothing changed, when that
 * person may not apply for this unit. */
gboolean   pd_release_slip_dialog_set_applicant (PdReleaseSlipDialog *self,
                                                 gint64               person_id);

G_END_DECLS
