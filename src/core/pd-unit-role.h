/* pd-unit-role.h — who is what on a unit, over time: owners (the ownership
 * history), household members, tenants, proxies, temporary residents; and
 * the vehicles people keep. */
#pragma once

#include "pd-context.h"

G_BEGIN_DECLS

typedef struct
{
  gint64  id;
  gint64  unit_id;
  gint64  person_id;
  char   *role;               /* owner | member | tenant | proxy | temporary */
  char   *relation;
  char   *start_on;
  char   *lease_end;
  char   *ended_on;           /* "" while current */
  gint64  authorised_by;      /* 0 = none */
  char   *authorisation_note;
  /* filled by reads */
  char   *person_name;
  char   *person_mobile;
  char   *unit_code;
} PdUnitRole;

PdUnitRole *pd_unit_role_new  (const char *role);
void        pd_unit_role_free (PdUnitRole *role);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdUnitRole, pd_unit_role_free)

const char *pd_unit_role_label (const char *role);

/* Tenants need lease dates and the authorising owner (a current owner of
 * the unit); proxies need the authorising owner and the power of attorney
 * noted.  Returns the new id, -1 on error. */
gint64      pd_unit_role_add  (PdContext  *ctx,
                               PdUnitRole *role,
                               GError    **error);
/* TRUE when @person_id holds @role on @unit_id now (not ended). */
gboolean    pd_unit_role_is_current (PdContext  *ctx,
                                     gint64      unit_id,
                                     gint64      person_id,
                                     const char *role);
/* Ends a current role (end of tenancy, member moved away). */
gboolean    pd_unit_role_end  (PdContext  *ctx,
                               gint64      role_id,
                               const char *ended_on,
                               GError    **error);
/* Ends every current owner's period on @date and starts one for each of
 * @new_owner_ids from @date.  Tenancies and proxies authorised by the old
 * owners end too.  One transaction. */
gboolean    pd_unit_transfer_ownership (PdContext    *ctx,
                                        gint64        unit_id,
                                        const gint64 *new_owner_ids,
                                        guint         n_new_owners,
                                        const char   *date,
                                        GError      **error);
/* Roles of a unit (or of a person when @unit_id is 0 and @person_id set),
 * current first.  Element type PdUnitRole. */
GPtrArray  *pd_unit_role_list (PdContext  *ctx,
                               gint64      unit_id,
                               gint64      person_id,
                               gboolean    current_only,
                               GError    **error);

/* Current tenants of the current estate whose lease ends on or before
 * @until ("YYYY-MM-DD"; ended leases still on file included), soonest
 * first.  Element type PdUnitRole. */
GPtrArray  *pd_unit_role_list_leases_ending (PdContext  *ctx,
                                             const char *until,
                                             GError    **error);

typedef struct
{
  gint64  id;
  gint64  person_id;
  gint64  unit_id;
  char   *plate;
  char   *model;
  char   *parking_space;
} PdVehicle;

void        pd_vehicle_free   (PdVehicle *vehicle);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdVehicle, pd_vehicle_free)
gint64      pd_vehicle_add    (PdContext  *ctx,
                               PdVehicle  *vehicle,
                               GError    **error);
gboolean    pd_vehicle_remove (PdContext  *ctx,
                               gint64      vehicle_id,
                               GError    **error);
GPtrArray  *pd_vehicle_list_person (PdContext *ctx,
                                    gint64     person_id,
                                    GError   **error);

G_END_DECLS
