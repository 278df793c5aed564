/* pd-owner-file.c — see pd-owner-file.h. */
#include "config.h"

#include "pd-error.h"
#include "pd-owner-file.h"

gboolean
pd_owner_file_save (PdContext    *ctx,
                    const PdUnit *unit,
                    const char   *state,
                    GPtrArray    *owners,
                    guint        *failed_owner,
                    GError      **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  g_autoptr (PdUnit) stored = NULL;

  g_return_val_if_fail (unit != NULL && unit->id > 0, FALSE);
  if (failed_owner != NULL)
    *failed_owner = G_MAXUINT;
  if (!pd_database_begin (database, error))
    return FALSE;
  stored = pd_unit_get (ctx, unit->id, error);
  if (stored == NULL || !pd_unit_update (ctx, unit, error))
    goto fail;
  if (state != NULL && g_strcmp0 (state, stored->state) != 0 &&
      !pd_unit_set_state (ctx, unit->id, state, error))
    goto fail;
  for (guint i = 0; owners != NULL && i < owners->len; i++)
    if (!pd_person_update (ctx, owners->pdata[i], error))
      {
        if (failed_owner != NULL)
          *failed_owner = i;
        goto fail;
      }
  if (!pd_database_commit (database, error))
    goto fail;
  return TRUE;

fail:
  pd_database_rollback (database);
  return FALSE;
}

/* The unit the caller means: by id, by code in the current estate, or a
 * new one. */
static gint64
resolve_unit (PdContext *ctx,
              PdUnit    *unit,
              GError   **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (PdUnit) found = NULL;
  gint64 estate_id;

  if (unit->id > 0)
    return unit->id;
  estate_id = pd_estate_current_id (ctx, error);
  if (estate_id < 0)
    return -1;
  found = pd_unit_find (ctx, estate_id, unit->code, &local_error);
  if (found != NULL)
    return unit->id = found->id;
  /* No such unit, or a malformed code: pd_unit_create says which, as the
   * new unit's "unit_code". */
  if (local_error->domain != PD_VALIDATION_ERROR)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return -1;
    }
  return pd_unit_create (ctx, estate_id, unit, error);
}

gint64
pd_owner_file_add_person (PdContext  *ctx,
                          PdUnit     *unit,
                          PdPerson   *person,
                          PdUnitRole *role,
                          GError    **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  gboolean had_unit, had_person;
  gint64 unit_id;

  g_return_val_if_fail (unit != NULL && person != NULL && role != NULL, -1);
  had_unit = unit->id > 0;
  had_person = person->id > 0;
  if (!pd_database_begin (database, error))
    return -1;
  unit_id = resolve_unit (ctx, unit, error);
  if (unit_id < 0)
    goto fail;
  if (!had_person && pd_person_create (ctx, person, error) < 0)
    goto fail;
  role->unit_id = unit_id;
  role->person_id = person->id;
  if (pd_unit_role_add (ctx, role, error) < 0 || !pd_database_commit (database, error))
    goto fail;
  return unit_id;

fail:
  pd_database_rollback (database);
  /* The caller may retry with the same structs: ids that only existed in
   * the rolled-back transaction must not survive. */
  if (!had_unit)
    unit->id = 0;
  if (!had_person)
    person->id = 0;
  return -1;
}

gboolean
pd_owner_file_transfer (PdContext  *ctx,
                        gint64      unit_id,
                        PdPerson   *person,
                        const char *date,
                        GError    **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  gboolean created = FALSE;

  g_return_val_if_fail (person != NULL, FALSE);
  if (!pd_database_begin (database, error))
    return FALSE;
  if (person->id == 0)
    {
      if (pd_person_create (ctx, person, error) < 0)
        goto fail;
      created = TRUE;
    }
  if (!pd_unit_transfer_ownership (ctx, unit_id, &person->id, 1, date, error) ||
      !pd_database_commit (database, error))
    goto fail;
  return TRUE;

fail:
  pd_database_rollback (database);
  if (created)
    person->id = 0;
  return FALSE;
}
