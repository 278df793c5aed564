/* pd-role-dialog.h — puts a person on a unit, in one of three ways:
 * a new owner file (unit code — existing or new —, role, person), a new
 * member/tenant/proxy/co-owner of a unit, or the new owner in a transfer.
 * The person is an existing one found by search or a new one typed in.
 * Errors show next to their fields; nothing is saved until all is valid.
 *
 * Signals: "saved" (gint64 unit_id) after the write, just before closing. */
#pragma once

#include <gtk/gtk.h>

#include "pd-context.h"

G_BEGIN_DECLS

typedef enum
{
  PD_ROLE_DIALOG_NEW_FILE,
  PD_ROLE_DIALOG_ADD_ROLE,
  PD_ROLE_DIALOG_TRANSFER,
} PdRoleDialogMode;

#define PD_TYPE_ROLE_DIALOG (pd_role_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PdRoleDialog, pd_role_dialog, PD, ROLE_DIALOG, GtkWindow)

/* @unit_id is the unit for ADD_ROLE and TRANSFER (0 for NEW_FILE); @role
 * the role for ADD_ROLE and the preselected one for NEW_FILE. */
GtkWidget *pd_role_dialog_new (GtkWindow        *parent,
                               PdContext        *ctx,
                               PdRoleDialogMode  mode,
                               gint64            unit_id,
                               const char       *role);

G_END_DECLS
