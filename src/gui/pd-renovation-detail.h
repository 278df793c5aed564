/* pd-renovation-detail.h — where one renovation stands: its state and
 * review deadline, the facts of each step, the workflow actions the state
 * allows (with the opinion, reason or receipt they need), the history and
 * the deposit statement with top-ups. */
#pragma once

#include <gtk/gtk.h>

#include "pd-context.h"

G_BEGIN_DECLS

#define PD_TYPE_RENOVATION_DETAIL (pd_renovation_detail_get_type ())
G_DECLARE_FINAL_TYPE (PdRenovationDetail, pd_renovation_detail, PD, RENOVATION_DETAIL, GtkBox)

GtkWidget *pd_renovation_detail_new  (PdContext          *ctx);
/* 0 shows nothing. */
void       pd_renovation_detail_load (PdRenovationDetail *self,
                                      gint64              renovation_id);

/* Signals: "changed" (gint64 id) after an action succeeded;
 * "application-error" (GError) when an action failed on a field of the
 * application form (e.g. an incomplete submission). */

G_END_DECLS
