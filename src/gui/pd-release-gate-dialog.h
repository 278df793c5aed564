/* pd-release-gate-dialog.h — the gate check of release slips: serial (or
 * scanned QR code) → the slip's unit, items and validity and whether its
 * verification code matches → released with time and guard, once.  Void,
 * expired, already used and altered slips are refused with the reason. */
#pragma once

#include <gtk/gtk.h>

#include "pd-context.h"

G_BEGIN_DECLS

#define PD_TYPE_RELEASE_GATE_DIALOG (pd_release_gate_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PdReleaseGateDialog, pd_release_gate_dialog, PD, RELEASE_GATE_DIALOG, GtkWindow)

GtkWidget *pd_release_gate_dialog_new (GtkWindow *parent,
                                       PdContext *ctx);

G_END_DECLS
