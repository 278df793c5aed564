/* pd-owner-file.h — the user actions of an owner file (业主档案), each one
 * transaction: saving the unit with its owners' data, adding a person to a
 * unit (which is also how a new file starts), and transferring ownership
 * to an existing or a new person.  The rules themselves live in pd-estate,
 * pd-person and pd-unit-role; this module only composes them so that a
 * failure anywhere leaves the database as it was. */
#pragma once

#include "pd-estate.h"
#include "pd-person.h"
#include "pd-unit-role.h"

G_BEGIN_DECLS

/* Updates the unit's descriptive fields, moves it to @state when that
 * differs from its current state (through the state machine), and updates
 * each PdPerson in @owners.  When a person is refused, *@failed_owner (may
 * be NULL) is its index in @owners, so the caller can show the error on the
 * right form; it is G_MAXUINT for errors not about a person. */
gboolean pd_owner_file_save        (PdContext    *ctx,
                                    const PdUnit *unit,
                                    const char   *state,
                                    GPtrArray    *owners,
                                    guint        *failed_owner,
                                    GError      **error);

/* Puts @person on a unit in @role.  The unit is @unit->id, or else the
 * unit of the current estate with code @unit->code, or else a new unit
 * created from @unit.  @person->id 0 creates the person; otherwise the
 * existing person is used as is.  @role->unit_id and @role->person_id are
 * filled in.  Returns the unit id, -1 on error. */
gint64   pd_owner_file_add_person  (PdContext  *ctx,
                                    PdUnit     *unit,
                                    PdPerson   *person,
                                    PdUnitRole *role,
                                    GError    **error);

/* Transfers the unit to @person (created first when its id is 0) on
 * @date; see pd_unit_transfer_ownership. */
gboolean pd_owner_file_transfer    (PdContext  *ctx,
                                    gint64      unit_id,
                                    PdPerson   *person,
                                    const char *date,
                                    GError    **error);

G_END_DECLS
