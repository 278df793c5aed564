/* pd-unit-residents.h — the Residents and Vehicles page of an owner file:
 * household members, tenants (lease and authorising owner), proxies and
 * temporary residents of a unit, and the vehicles of its people; adding
 * them, ending a tenancy or residence, removing a vehicle. */
#pragma once

#include <gtk/gtk.h>

#include "pd-context.h"

G_BEGIN_DECLS

#define PD_TYPE_UNIT_RESIDENTS (pd_unit_residents_get_type ())
G_DECLARE_FINAL_TYPE (PdUnitResidents, pd_unit_residents, PD, UNIT_RESIDENTS, GtkWidget)

void pd_unit_residents_set_context (PdUnitResidents *self,
                                    PdContext       *ctx);
/* Shows the unit's people and vehicles; 0 clears the page. */
void pd_unit_residents_load        (PdUnitResidents *self,
                                    gint64           unit_id);

G_END_DECLS
