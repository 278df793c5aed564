/* pd-property-people.c — property cases for people, units, roles,
 * vehicles, settings, users and the calendar. */
#include "config.h"

#include <math.h>

#include "pd-calendar.h"
#include "pd-estate.h"
#include "pd-person.h"
#include "pd-property-invalid.h"
#include "pd-settings.h"
#include "pd-unit-role.h"
#include "pd-user.h"

static void
set (char       **member,
     const char  *value)
{
  g_free (*member);
  *member = g_strdup (value);
}

const char *
pd_property_break_person (PdProperty *p,
                          PdPerson   *person,
                          int         broken)
{
  switch (broken)
    {
    case 0:
      set (&person->name, g_rand_boolean (p->rand) ? pd_property_blank (p) : pd_property_too_long (p, 100));
      return "name";
    case 1:
      set (&person->kind, pd_property_bad_choice (p));
      return "kind";
    case 2:
      set (&person->id_type, pd_property_bad_choice (p));
      return "id_type";
    case 3:
      set (&person->sex, g_rand_boolean (p->rand) ? "X" : pd_property_bad_choice (p));
      if (*person->sex != '\0')
        return "sex";
      /* "" is a valid sex: break the name instead. */
      set (&person->name, g_rand_boolean (p->rand) ? "" : " ");
      return "name";
    case 4:
      set (&person->birthday, pd_property_bad_date (p));
      return "birthday";
    case 5:
      set (&person->id_number, g_rand_boolean (p->rand) ? pd_property_bad_prc_id (p) : p->taken_id_number);
      /* Nothing typed for the ID number to contradict. */
      set (&person->birthday, "");
      set (&person->sex, "");
      return "id_number";
    case 6:
      set (&person->mobile, pd_property_bad_phone (p));
      return "mobile";
    case 7:
      set (&person->phone2, pd_property_bad_phone (p));
      return "phone2";
    case 8:
      set (&person->emergency_phone, pd_property_bad_phone (p));
      return "emergency_phone";
    case 9:
      set (&person->consent_on, pd_property_bad_date (p));
      return "consent_on";
    case 10:
      set (&person->kind, "enterprise");
      set (&person->uscc, g_rand_boolean (p->rand) ? "91350100M000100Y4X" : pd_property_bad_prc_id (p));
      return "uscc";
    case 11:
      /* A typed birthday the resident ID contradicts. */
      set (&person->id_number, "11010519491231002X");
      set (&person->birthday, "1950-01-01");
      return "birthday";
    }
  return NULL;
}

#define PERSON_FIELDS PD_PROPERTY_PERSON_FIELDS

void
pd_property_make_plain (PdPerson *person)
{
  set (&person->kind, "individual");
  set (&person->id_type, "resident_id");
  set (&person->id_number, "");
  set (&person->uscc, "");
  set (&person->sex, "");
}

PdPerson *
pd_property_valid_person (PdProperty *p)
{
  PdPerson *person = pd_person_new ();

  set (&person->name, pd_property_unique (p, "测试人"));
  set (&person->mobile, "13800138000");
  set (&person->birthday, "1980-05-06");
  return person;
}

static gboolean
run_person_create (PdProperty  *p,
                   int          broken,
                   const char **field,
                   GError     **error)
{
  g_autoptr (PdPerson) person = pd_property_valid_person (p);

  *field = pd_property_break_person (p, person, broken);
  return pd_person_create (p->ctx, person, error) > 0;
}

static gboolean
run_person_update (PdProperty  *p,
                   int          broken,
                   const char **field,
                   GError     **error)
{
  g_autoptr (PdPerson) person = pd_person_get (p->ctx, p->person_id, NULL);

  g_assert_nonnull (person);
  if (broken == PERSON_FIELDS)
    {
      person->id = pd_property_missing_id (p);
      *field = "person";
    }
  else if (broken >= 0)
    {
      pd_property_make_plain (person);
      *field = pd_property_break_person (p, person, broken);
    }
  return pd_person_update (p->ctx, person, error);
}

static gboolean
run_unit_create (PdProperty  *p,
                 int          broken,
                 const char **field,
                 GError     **error)
{
  static const char *const bad_codes[] = { "1-1", "1-1-1-1", "-1-101", "1--101", "1-1-10#1", "一-二-三",
                                           "1-1-12345678901234567", "x", "'; DROP TABLE unit; --" };
  g_autoptr (PdUnit) unit = pd_unit_new ();
  gint64 estate_id = p->estate_id;

  set (&unit->code, pd_property_keep (p, g_strdup_printf ("99-%u-%u", g_rand_int_range (p->rand, 1, 9),
                                                          1000 + ++p->serial)));
  set (&unit->use, "residential");
  unit->gross_area = 88.5;
  unit->inner_area = 70;
  switch (broken)
    {
    case 0:
      /* Random junk can happen to read as building-entrance-room. */
      set (&unit->code, g_rand_boolean (p->rand) ? pd_property_blank (p) : bad_codes[g_rand_int_range (p->rand, 0, G_N_ELEMENTS (bad_codes))]);
      *field = "unit_code";
      break;
    case 1:
      set (&unit->code, "1-1-101");   /* the demo has it */
      *field = "unit_code";
      break;
    case 2:
      set (&unit->use, pd_property_bad_choice (p));
      *field = "use";
      break;
    case 3:
      unit->gross_area = g_rand_boolean (p->rand) ? -g_rand_double_range (p->rand, 0.01, 1e9) : NAN;
      *field = "gross_area";
      break;
    case 4:
      unit->inner_area = g_rand_boolean (p->rand) ? 88.6 : INFINITY;
      *field = "inner_area";
      break;
    case 5:
      set (&unit->state, pd_property_bad_choice (p));
      *field = "state";
      break;
    case 6:
      estate_id = pd_property_bad_id (p);
      *field = "estate";
      break;
    }
  return pd_unit_create (p->ctx, estate_id, unit, error) > 0;
}

static gboolean
run_unit_update (PdProperty  *p,
                 int          broken,
                 const char **field,
                 GError     **error)
{
  g_autoptr (PdUnit) unit = pd_unit_get (p->ctx, p->unit_id, NULL);

  g_assert_nonnull (unit);
  switch (broken)
    {
    case 0:
      set (&unit->use, pd_property_bad_choice (p));
      *field = "use";
      break;
    case 1:
      unit->gross_area = g_rand_boolean (p->rand) ? -1 : NAN;
      *field = "gross_area";
      break;
    case 2:
      unit->gross_area = 50;
      unit->inner_area = 50.5;
      *field = "inner_area";
      break;
    case 3:
      unit->id = pd_property_bad_id (p);
      *field = "unit";
      break;
    }
  return pd_unit_update (p->ctx, unit, error);
}

static gboolean
run_unit_role_add (PdProperty  *p,
                   int          broken,
                   const char **field,
                   GError     **error)
{
  g_autoptr (PdUnitRole) role = pd_unit_role_new ("tenant");

  role->unit_id = p->unit_id;
  role->person_id = p->person_id;
  role->authorised_by = p->owner_id;
  set (&role->start_on, "2026-01-01");
  set (&role->lease_end, "2026-12-31");
  switch (broken)
    {
    case 0:
      set (&role->role, pd_property_bad_choice (p));
      *field = "role";
      break;
    case 1:
      set (&role->start_on, g_rand_boolean (p->rand) ? pd_property_bad_date (p) : "");
      *field = "start_on";
      break;
    case 2:
      set (&role->lease_end, g_rand_boolean (p->rand) ? pd_property_bad_date (p) : "2025-12-31");
      *field = "lease_end";
      break;
    case 3:
      role->authorised_by = g_rand_boolean (p->rand) ? pd_property_bad_id (p) : p->person_id;
      *field = "authorised_by";
      break;
    case 4:
      set (&role->role, "proxy");
      set (&role->authorisation_note, pd_property_blank (p));
      *field = "authorisation_note";
      break;
    case 5:
      role->unit_id = pd_property_bad_id (p);
      role->authorised_by = 0;
      set (&role->role, "member");
      *field = "unit";
      break;
    case 6:
      role->person_id = pd_property_bad_id (p);
      *field = "person";
      break;
    }
  return pd_unit_role_add (p->ctx, role, error) > 0;
}

static gboolean
run_vehicle_add (PdProperty  *p,
                 int          broken,
                 const char **field,
                 GError     **error)
{
  g_autoptr (PdVehicle) vehicle = g_new0 (PdVehicle, 1);

  vehicle->person_id = p->owner_id;
  vehicle->unit_id = p->unit_id;
  vehicle->plate = g_strdup_printf ("粤B%05u", 10000 + ++p->serial);
  vehicle->model = g_strdup ("");
  vehicle->parking_space = g_strdup ("");
  switch (broken)
    {
    case 0:
      set (&vehicle->plate, g_rand_boolean (p->rand) ? pd_property_blank (p) : pd_property_bad_choice (p));
      *field = "plate";
      break;
    case 1:
      set (&vehicle->plate, p->taken_plate);
      *field = "plate";
      break;
    case 2:
      vehicle->person_id = pd_property_bad_id (p);
      *field = "person";
      break;
    case 3:
      vehicle->unit_id = g_rand_boolean (p->rand) ? -1 : pd_property_missing_id (p);
      *field = "unit";
      break;
    }
  return pd_vehicle_add (p->ctx, vehicle, error) > 0;
}

static gboolean
run_settings_set (PdProperty  *p,
                  int          broken,
                  const char **field,
                  GError     **error)
{
  static const char *const bad_numbers[] = { "-3", "abc", "", " ", "3天", "99999999999999999999999", "1.234",
                                             "0x10", "--1", NULL };
  const char *key = "handover.defect_working_days";
  const char *value = "15";

  switch (broken)
    {
    case 0:
      key = pd_property_unique (p, "no.such.setting");
      *field = "key";
      break;
    case 1:
      value = bad_numbers[g_rand_int_range (p->rand, 0, G_N_ELEMENTS (bad_numbers))];
      break;
    case 2:
      key = "renovation.deposit_fen";
      value = bad_numbers[g_rand_int_range (p->rand, 0, G_N_ELEMENTS (bad_numbers))];
      break;
    case 3:
      key = "survey.coverage_goal_pct";
      value = pd_property_keep (p, g_strdup_printf ("%d", g_rand_int_range (p->rand, 101, G_MAXINT)));
      break;
    case 4:
      key = "patrol.policy";
      value = pd_property_bad_choice (p);
      break;
    case 5:
      key = "estate.default_code";
      value = g_rand_boolean (p->rand) ? pd_property_blank (p) : pd_property_too_long (p, 100);
      break;
    case 6:
      key = "renovation.hours_weekday";
      value = g_rand_boolean (p->rand) ? "25:00-26:00" : pd_property_bad_choice (p);
      break;
    case 7:
      key = "renovation.first_handover_on";
      value = pd_property_bad_date (p);
      break;
    }
  if (*field == NULL)
    *field = key;
  return pd_settings_set (p->ctx, key, value, error);
}

static gboolean
run_user_create (PdProperty  *p,
                 int          broken,
                 const char **field,
                 GError     **error)
{
  const char *name = pd_property_unique (p, "user");
  const char *password = "long enough passphrase 42";
  PdRole role = PD_ROLE_CLERK;

  switch (broken)
    {
    case 0:
      name = g_rand_boolean (p->rand) ? pd_property_blank (p) : pd_property_too_long (p, 32);
      *field = "name";
      break;
    case 1:
      name = "two words";
      *field = "name";
      break;
    case 2:
      password = g_rand_boolean (p->rand) ? pd_property_blank (p) : "short";
      *field = "password|new_password";
      break;
    case 3:
      role = (PdRole) g_rand_int_range (p->rand, 4, 1000);
      *field = "role";
      break;
    }
  return pd_user_create (p->ctx, name, "", role, password, FALSE, error) > 0;
}

static gboolean
run_calendar_set_day (PdProperty  *p,
                      int          broken,
                      const char **field,
                      GError     **error)
{
  const char *day = "2027-03-03";
  const char *kind = "holiday";

  switch (broken)
    {
    case 0:
      day = g_rand_boolean (p->rand) ? pd_property_bad_date (p) : pd_property_blank (p);
      *field = "day";
      break;
    case 1:
      kind = pd_property_bad_choice (p);
      *field = "kind";
      break;
    }
  return pd_calendar_set_day (p->ctx, day, kind, "测试", error);
}

const PdPropertyCase pd_property_people_cases[] = {
  { "pd_person_create", run_person_create, PERSON_FIELDS },
  { "pd_person_update", run_person_update, PERSON_FIELDS + 1 },
  { "pd_unit_create", run_unit_create, 7 },
  { "pd_unit_update", run_unit_update, 4 },
  { "pd_unit_role_add", run_unit_role_add, 7 },
  { "pd_vehicle_add", run_vehicle_add, 4 },
  { "pd_settings_set", run_settings_set, 8 },
  { "pd_user_create", run_user_create, 4 },
  { "pd_calendar_set_day", run_calendar_set_day, 2 },
};
const guint pd_property_n_people_cases = G_N_ELEMENTS (pd_property_people_cases);
