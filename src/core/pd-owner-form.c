/* pd-owner-form.c — see pd-owner-form.h. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-error.h"
#include "pd-export-log.h"
#include "pd-owner-form.h"

void
pd_owner_form_free (PdOwnerForm *form)
{
  if (form == NULL)
    return;
  g_free (form->estate_name);
  pd_unit_free (form->unit);
  g_clear_pointer (&form->owners, g_ptr_array_unref);
  g_clear_pointer (&form->owner_since, g_ptr_array_unref);
  g_clear_pointer (&form->members, g_ptr_array_unref);
  g_clear_pointer (&form->tenants, g_ptr_array_unref);
  g_clear_pointer (&form->vehicles, g_ptr_array_unref);
  g_free (form->printed_by);
  g_free (form->printed_on);
  g_free (form);
}

static void
mask_phone (char   **value,
            gboolean unmasked)
{
  char *shown = pd_export_phone (*value, unmasked);

  g_free (*value);
  *value = shown;
}

static void
mask_person (PdPerson *person,
             gboolean  unmasked)
{
  char *id = pd_export_id (person->id_number, unmasked);

  g_free (person->id_number);
  person->id_number = id;
  mask_phone (&person->mobile, unmasked);
  mask_phone (&person->phone2, unmasked);
  mask_phone (&person->emergency_phone, unmasked);
}

static gboolean
add_owner (PdContext   *ctx,
           PdOwnerForm *form,
           PdUnitRole  *role,
           GError     **error)
{
  g_autoptr (PdPerson) person = pd_person_get (ctx, role->person_id, error);
  g_autoptr (GPtrArray) vehicles = NULL;

  if (person == NULL)
    return FALSE;
  vehicles = pd_vehicle_list_person (ctx, person->id, error);
  if (vehicles == NULL)
    return FALSE;
  for (guint i = 0; i < vehicles->len; i++)
    {
      PdVehicle *vehicle = vehicles->pdata[i];

      /* A vehicle registered on another of the owner's units belongs to
       * that unit's form. */
      if (vehicle->unit_id == 0 || vehicle->unit_id == form->unit->id)
        g_ptr_array_add (form->vehicles, g_ptr_array_steal_index (vehicles, i--));
    }
  mask_person (person, form->unmasked);
  g_ptr_array_add (form->owners, g_steal_pointer (&person));
  g_ptr_array_add (form->owner_since, g_strdup (role->start_on));
  return TRUE;
}

PdOwnerForm *
pd_owner_form_load (PdContext  *ctx,
                    const char *unit_code,
                    gboolean    unmasked,
                    GError    **error)
{
  g_autoptr (PdOwnerForm) form = NULL;
  g_autoptr (GPtrArray) roles = NULL;
  gint64 estate_id;

  g_return_val_if_fail (PD_IS_CONTEXT (ctx) && unit_code != NULL, NULL);
  if (!pd_export_check_unmasked (ctx, unmasked, error))
    return NULL;
  estate_id = pd_estate_current_id (ctx, error);
  if (estate_id < 0)
    return NULL;

  form = g_new0 (PdOwnerForm, 1);
  form->unmasked = unmasked;
  /* The form is of a unit referred to: a malformed or unknown code is the
   * "unit" field's error (pd-error.h), both said by pd_unit_find. */
  form->unit = pd_unit_find (ctx, estate_id, unit_code, error);
  if (form->unit == NULL)
    return NULL;
  form->estate_name = pd_estate_get_name (ctx, estate_id);
  form->owners = g_ptr_array_new_with_free_func ((GDestroyNotify) pd_person_free);
  form->owner_since = g_ptr_array_new_with_free_func (g_free);
  form->members = g_ptr_array_new_with_free_func ((GDestroyNotify) pd_unit_role_free);
  form->tenants = g_ptr_array_new_with_free_func ((GDestroyNotify) pd_unit_role_free);
  form->vehicles = g_ptr_array_new_with_free_func ((GDestroyNotify) pd_vehicle_free);
  form->printed_by = g_strdup (pd_context_get_user (ctx));
  form->printed_on = pd_context_today (ctx);

  roles = pd_unit_role_list (ctx, form->unit->id, 0, TRUE, error);
  if (roles == NULL)
    return NULL;
  for (guint i = 0; i < roles->len; i++)
    {
      PdUnitRole *role = roles->pdata[i];

      if (g_str_equal (role->role, "owner"))
        {
          if (!add_owner (ctx, form, role, error))
            return NULL;
        }
      else if (g_str_equal (role->role, "member") || g_str_equal (role->role, "tenant"))
        {
          mask_phone (&role->person_mobile, unmasked);
          g_ptr_array_add (g_str_equal (role->role, "member") ? form->members : form->tenants,
                           g_ptr_array_steal_index (roles, i--));
        }
    }
  return g_steal_pointer (&form);
}

gboolean
pd_owner_form_log (PdContext         *ctx,
                   const PdOwnerForm *form,
                   const char        *destination,
                   GError           **error)
{
  g_autofree char *what = g_strdup_printf ("owner form %s", form->unit->code);

  return pd_export_log_add (ctx, what, 1, form->unmasked, destination, error);
}
