/* pd-test-handover.h — building blocks of the handover tests (core, print,
 * export, gui): units, owners, and a handover with everything entered. */
#pragma once

#include <stdio.h>

#include "pd-demo.h"
#include "pd-error.h"
#include "pd-estate.h"
#include "pd-handover.h"
#include "pd-handover-checklist.h"
#include "pd-handover-defect.h"
#include "pd-person.h"
#include "pd-test-fixture.h"
#include "pd-unit-role.h"

static inline gint64
pd_test_make_unit (PdContext  *ctx,
                   const char *code,
                   const char *state,
                   const char *use)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PdUnit) unit = pd_unit_new ();
  gint64 id;

  unit->code = g_strdup (code);
  unit->gross_area = 98.5;
  g_free (unit->state);
  unit->state = g_strdup (state);
  g_free (unit->use);
  unit->use = g_strdup (use);
  id = pd_unit_create (ctx, pd_estate_current_id (ctx, NULL), unit, &error);
  g_assert_no_error (error);
  return id;
}

/* An individual with a valid resident ID derived from @seed. */
static inline PdPerson *
pd_test_new_person (const char *name,
                    guint32     seed)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (seed);
  PdPerson *person = pd_person_new ();

  g_free (person->name);
  person->name = g_strdup (name);
  g_free (person->id_number);
  person->id_number = pd_demo_make_prc_id (rand, "1980-05-17", seed % 2);
  g_free (person->mobile);
  person->mobile = g_strdup ("13812345678");
  return person;
}

static inline gint64
pd_test_make_owner (PdContext  *ctx,
                    gint64      unit_id,
                    const char *name,
                    guint32     seed)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PdPerson) person = pd_test_new_person (name, seed);
  g_autoptr (PdUnitRole) role = pd_unit_role_new ("owner");
  gint64 id = pd_person_create (ctx, person, &error);

  g_assert_no_error (error);
  role->unit_id = unit_id;
  role->person_id = id;
  g_free (role->start_on);
  role->start_on = g_strdup ("2025-01-01");
  pd_unit_role_add (ctx, role, &error);
  g_assert_no_error (error);
  return id;
}

/* Papers, people, readings (water 12.5, electricity 3021.75, gas 0.125)
 * and keys of a handover, all filled in and saved. */
static inline void
pd_test_fill_handover (PdContext *ctx,
                       gint64     handover_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PdHandover) h = pd_handover_get (ctx, handover_id, &error);

  g_assert_no_error (error);
  g_free (h->docs_checked);
  h->docs_checked = g_strdup ("move_in_notice,purchase_contract,owner_id,business_licence");
  g_free (h->agreements_signed);
  h->agreements_signed = g_strdup ("service_contract,renovation_agreement,management_rules");
  g_free (h->fee_receipt);
  h->fee_receipt = g_strdup ("SK-2026-000123");
  g_free (h->engineer);
  h->engineer = g_strdup ("工程部 李工");
  g_free (h->officer);
  h->officer = g_strdup ("楼栋管家 王敏");
  h->water_milli = 12500;
  h->electricity_milli = 3021750;
  h->gas_milli = 125;
  h->house_keys = 3;
  g_free (h->access_cards);
  h->access_cards = g_strdup ("MJ-0001, MJ-0002");
  g_free (h->electricity_card);
  h->electricity_card = g_strdup ("DK-778812");
  g_free (h->water_card);
  h->water_card = g_strdup ("SK-554433");
  g_free (h->gas_card);
  h->gas_card = g_strdup ("RQ-990011");
  g_free (h->keys_handed_on);
  h->keys_handed_on = g_strdup (h->handover_on);
  pd_handover_save (ctx, h, &error);
  g_assert_no_error (error);
}

/* Runs propdesk-cli with @args on @db; stdout returned, stderr in @err. */
static inline char *
pd_test_cli (const char        *db,
             const char *const *args,
             int               *status,
             char             **err)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();

  g_ptr_array_add (argv, (gpointer) g_getenv ("PROPDESK_CLI"));
  g_ptr_array_add (argv, (gpointer) "--db");
  g_ptr_array_add (argv, (gpointer) db);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  return pd_test_run ((const char *const *) argv->pdata, status, err);
}

/* Moves the context's clock to @iso ("YYYY-MM-DD HH:MM[:SS]", local). */
static inline void
pd_test_set_now (PdContext  *ctx,
                 const char *iso)
{
  g_autoptr (GTimeZone) zone = g_time_zone_new_local ();
  int y, mo, d, h, mi, s = 0;
  g_autoptr (GDateTime) now = NULL;

  g_assert_cmpint (sscanf (iso, "%d-%d-%d %d:%d:%d", &y, &mo, &d, &h, &mi, &s), >=, 5);
  now = g_date_time_new (zone, y, mo, d, h, mi, s);
  pd_context_set_now (ctx, now);
}
