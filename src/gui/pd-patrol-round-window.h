/* pd-patrol-round-window.h — recording a patrol round (空置房巡查) fast:
 * choose the building, then walk its vacant units in order.  Each unit
 * starts with every checklist item OK; a digit (1–9, 0, then a, b …) marks
 * that item as a problem and puts the cursor in its note; Enter leaves the
 * note, Enter again saves the unit (one transaction) and opens the next.
 * Finishing the round signs back the keys it signed out. */
#pragma once

#include <gtk/gtk.h>

#include "pd-context.h"

G_BEGIN_DECLS

#define PD_TYPE_PATROL_ROUND_WINDOW (pd_patrol_round_window_get_type ())
G_DECLARE_FINAL_TYPE (PdPatrolRoundWindow, pd_patrol_round_window, PD, PATROL_ROUND_WINDOW, GtkWindow)

/* @building_id preselects a building (0: the first with vacant units). */
GtkWidget *pd_patrol_round_window_new (GtkWidget *parent,
                                       PdContext *ctx,
                                       gint64     building_id);

G_END_DECLS
