/* Estate model: unit codes, unit state machine, people, roles, transfers. */
#include "config.h"

#include "pd-error.h"
#include "pd-estate.h"
#include "pd-person.h"
#include "pd-test-fixture.h"
#include "pd-unit-role.h"

static gint64
make_unit (PdContext  *ctx,
           const char *code,
           const char *state)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PdUnit) unit = pd_unit_new ();
  gint64 id;

  unit->code = g_strdup (code);
  unit->gross_area = 100;
  g_free (unit->state);
  unit->state = g_strdup (state);
  id = pd_unit_create (ctx, pd_estate_current_id (ctx, NULL), unit, &error);
  g_assert_no_error (error);
  return id;
}

static gint64
make_identified (PdContext  *ctx,
                 const char *kind,
                 const char *name,
                 const char *id_number,
                 const char *uscc)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PdPerson) person = pd_person_new ();
  gint64 id;

  g_free (person->kind);
  person->kind = g_strdup (kind);
  g_free (person->name);
  person->name = g_strdup (name);
  g_free (person->id_number);
  person->id_number = g_strdup (id_number);
  g_free (person->uscc);
  person->uscc = g_strdup (uscc);
  id = pd_person_create (ctx, person, &error);
  g_assert_no_error (error);
  return id;
}

static gint64
make_person (PdContext  *ctx,
             const char *name,
             const char *id_number)
{
  return make_identified (ctx, "individual", name, id_number, "");
}

static void
test_unit_codes (void)
{
  g_autofree char *canonical = NULL, *building = NULL, *entrance = NULL, *room = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (pd_unit_code_parse ("3栋2单元1201室", &canonical, &building, &entrance, &room, &error));
  g_assert_cmpstr (canonical, ==, "3-2-1201");
  g_assert_cmpstr (building, ==, "3");
  g_assert_cmpstr (entrance, ==, "2");
  g_assert_cmpstr (room, ==, "1201");
  g_clear_pointer (&canonical, g_free);
  g_assert_true (pd_unit_code_parse (" 12-1-0302 ", &canonical, NULL, NULL, NULL, &error));
  g_assert_cmpstr (canonical, ==, "12-1-0302");
  g_assert_false (pd_unit_code_parse ("1201", NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_INVALID);
  g_assert_cmpstr (pd_error_get_field (error), ==, "unit_code");

  /* Each part: 1 to 16 letters and digits, upper-cased; trailing '-' dropped. */
  {
    static const char *const good[][5] = {
      { "3号楼2单元1201", "3-2-1201", "3", "2", "1201" },
      { "b1-a-0101-", "B1-A-0101", "B1", "A", "0101" },
      { "7_1/502号", "7-1-502", "7", "1", "502" },
      { "ABCDEFGHIJKLMNOP-1-1", "ABCDEFGHIJKLMNOP-1-1", "ABCDEFGHIJKLMNOP", "1", "1" },
    };
    static const char *const bad[] = {
      "ABCDEFGHIJKLMNOPQ-1-1", "1--2-3", "-1-2-3", "1-2-3-4", "1-2", "1-2-", "1-2-中", "", "1-2-3-号楼4",
    };

    for (guint i = 0; i < G_N_ELEMENTS (good); i++)
      {
        g_autofree char *c = NULL, *b = NULL, *e = NULL, *r = NULL;

        g_assert_true (pd_unit_code_parse (good[i][0], &c, &b, &e, &r, NULL));
        g_assert_cmpstr (c, ==, good[i][1]);
        g_assert_cmpstr (b, ==, good[i][2]);
        g_assert_cmpstr (e, ==, good[i][3]);
        g_assert_cmpstr (r, ==, good[i][4]);
      }
    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autoptr (GError) bad_error = NULL;

        if (pd_unit_code_parse (bad[i], NULL, NULL, NULL, NULL, &bad_error))
          g_error ("“%s” was taken for a unit code", bad[i]);
        g_assert_error (bad_error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_INVALID);
      }
  }
}

static void
test_unit_create_rules (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (PdUnit) dup = pd_unit_new ();
  g_autoptr (PdUnit) bad_area = pd_unit_new ();
  g_autoptr (PdUnit) read = NULL;
  gint64 estate = pd_estate_current_id (ctx, NULL);
  gint64 id = make_unit (ctx, "3-2-1201", "unsold");

  read = pd_unit_get (ctx, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (read->floor, ==, 12);
  g_assert_cmpstr (read->building_code, ==, "3");
  g_assert_cmpstr (read->entrance_code, ==, "2");
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM building", NULL), ==, 1);
  make_unit (ctx, "3-2-1202", "unsold");
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM entrance", NULL), ==, 1);

  dup->code = g_strdup ("3栋2单元1201");
  g_assert_cmpint (pd_unit_create (ctx, estate, dup, &error), ==, -1);
  g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_DUPLICATE);
  g_assert_cmpstr (pd_error_get_field (error), ==, "unit_code");
  g_clear_error (&error);

  bad_area->code = g_strdup ("3-2-1301");
  bad_area->gross_area = -5;
  g_assert_cmpint (pd_unit_create (ctx, estate, bad_area, &error), ==, -1);
  g_assert_cmpstr (pd_error_get_field (error), ==, "gross_area");
  g_clear_error (&error);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM unit", NULL), ==, 2);
}

/* One key for one thing (pd-error.h): a unit referred to is "unit" however
 * it is missing; only the code of a unit being created is "unit_code". */
static void
test_unit_field_keys (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (PdUnit) gone = pd_unit_new ();
  g_autoptr (PdUnitRole) role = pd_unit_role_new ("owner");
  gint64 estate = pd_estate_current_id (ctx, NULL);
  gint64 id = make_unit (ctx, "1-1-101", "unsold");

  g_assert_null (pd_unit_get (ctx, id + 100, &error));
  g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_NOT_FOUND);
  g_assert_cmpstr (pd_error_get_field (error), ==, "unit");
  g_clear_error (&error);
  g_assert_null (pd_unit_find (ctx, estate, "9-9-909", &error));
  g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_NOT_FOUND);
  g_assert_cmpstr (pd_error_get_field (error), ==, "unit");
  g_clear_error (&error);
  g_assert_null (pd_unit_find (ctx, estate, "1201", &error));
  g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_INVALID);
  g_assert_cmpstr (pd_error_get_field (error), ==, "unit");
  g_clear_error (&error);
  gone->id = id + 100;
  g_assert_false (pd_unit_update (ctx, gone, &error));
  g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_NOT_FOUND);
  g_assert_cmpstr (pd_error_get_field (error), ==, "unit");
  g_clear_error (&error);
  role->unit_id = id + 100;
  role->person_id = 1;
  g_assert_cmpint (pd_unit_role_add (ctx, role, &error), ==, -1);
  g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_NOT_FOUND);
  g_assert_cmpstr (pd_error_get_field (error), ==, "unit");
}

static void
test_state_machine (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new (NULL);
  g_autoptr (GError) error = NULL;
  gint64 id = make_unit (ctx, "1-1-101", "unsold");

  g_assert_true (pd_unit_set_state (ctx, id, "handed_over", &error));
  g_assert_true (pd_unit_set_state (ctx, id, "renovating", &error));
  g_assert_true (pd_unit_set_state (ctx, id, "occupied", &error));
  g_assert_no_error (error);
  /* Never back to unsold; never to the same state; no unknown states. */
  g_assert_false (pd_unit_set_state (ctx, id, "unsold", &error));
  g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_STATE);
  g_clear_error (&error);
  g_assert_false (pd_unit_set_state (ctx, id, "occupied", &error));
  g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_STATE);
  g_clear_error (&error);
  g_assert_false (pd_unit_set_state (ctx, id, "demolished", &error));
  g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM unit WHERE state = 'occupied'", NULL), ==, 1);
  g_assert_false (pd_unit_state_transition_allowed ("unsold", "renovating"));
  g_assert_true (pd_unit_state_transition_allowed ("rented", "vacant"));
}

static void
test_person_rules (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (PdPerson) person = pd_person_new ();
  g_autoptr (PdPerson) read = NULL;
  g_autoptr (PdPerson) twin = pd_person_new ();
  g_autoptr (PdPerson) company = pd_person_new ();

  g_free (person->name);
  person->name = g_strdup ("李四");
  g_free (person->id_number);
  person->id_number = g_strdup ("11010519491231002x");
  g_free (person->mobile);
  person->mobile = g_strdup ("+86 138-1234-1234");
  g_assert_cmpint (pd_person_create (ctx, person, &error), >, 0);
  g_assert_no_error (error);
  read = pd_person_get (ctx, person->id, &error);
  g_assert_cmpstr (read->id_number, ==, "11010519491231002X");
  g_assert_cmpstr (read->birthday, ==, "1949-12-31");
  g_assert_cmpstr (read->sex, ==, "F");
  g_assert_cmpstr (read->mobile, ==, "13812341234");
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM person WHERE initials = 'ls' AND pinyin = 'lisi'", NULL), ==, 1);

  /* A typed birthday that disagrees with the ID is refused, nothing saved. */
  g_free (read->birthday);
  read->birthday = g_strdup ("1950-01-01");
  g_assert_false (pd_person_update (ctx, read, &error));
  g_assert_cmpstr (pd_error_get_field (error), ==, "birthday");
  g_clear_error (&error);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM person WHERE birthday = '1949-12-31'", NULL), ==, 1);

  /* Same ID twice refused. */
  g_free (twin->name);
  twin->name = g_strdup ("王五");
  g_free (twin->id_number);
  twin->id_number = g_strdup ("11010519491231002X");
  g_assert_cmpint (pd_person_create (ctx, twin, &error), ==, -1);
  g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_DUPLICATE);
  g_clear_error (&error);
  /* Bad check digit. */
  g_free (twin->id_number);
  twin->id_number = g_strdup ("110105194912310021");
  g_assert_cmpint (pd_person_create (ctx, twin, &error), ==, -1);
  g_assert_cmpstr (pd_error_get_field (error), ==, "id_number");
  g_clear_error (&error);
  /* Bad mobile. */
  g_free (twin->id_number);
  twin->id_number = g_strdup ("");
  g_free (twin->mobile);
  twin->mobile = g_strdup ("12345");
  g_assert_cmpint (pd_person_create (ctx, twin, &error), ==, -1);
  g_assert_cmpstr (pd_error_get_field (error), ==, "mobile");
  g_clear_error (&error);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM person", NULL), ==, 1);

  g_free (company->kind);
  company->kind = g_strdup ("enterprise");
  g_free (company->name);
  company->name = g_strdup ("华信商贸有限公司");
  g_free (company->uscc);
  company->uscc = g_strdup ("91350100M000100Y42");
  g_assert_cmpint (pd_person_create (ctx, company, &error), ==, -1);
  g_assert_cmpstr (pd_error_get_field (error), ==, "uscc");
  g_clear_error (&error);
  g_free (company->uscc);
  company->uscc = g_strdup ("91350100M000100Y43");
  g_assert_cmpint (pd_person_create (ctx, company, &error), >, 0);
  g_assert_no_error (error);
}

/* An ID number or credit code in two files is refused by the database
 * (UNIQUE indexes); the message names the field and the file that has the
 * number, and nothing is written, both for a new person and for an edit. */
static void
test_person_duplicates (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new (NULL);
  g_autoptr (GError) error = NULL;
  gint64 li = make_identified (ctx, "individual", "李四", "11010519491231002X", "");
  gint64 wang = make_identified (ctx, "individual", "王五", "", "");
  gint64 firm = make_identified (ctx, "enterprise", "华信商贸有限公司", "", "91350100M000100Y43");
  g_autoptr (PdPerson) twin = pd_person_new ();
  g_autoptr (PdPerson) edited = pd_person_get (ctx, wang, &error);
  g_autoptr (PdPerson) other_firm = pd_person_new ();
  g_autofree char *li_file = g_strdup_printf ("#%" G_GINT64_FORMAT, li);
  g_autofree char *firm_file = g_strdup_printf ("#%" G_GINT64_FORMAT, firm);

  g_free (twin->name);
  twin->name = g_strdup ("赵六");
  g_free (twin->id_number);
  twin->id_number = g_strdup ("11010519491231002x");
  g_assert_cmpint (pd_person_create (ctx, twin, &error), ==, -1);
  g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_DUPLICATE);
  g_assert_cmpstr (pd_error_get_field (error), ==, "id_number");
  g_assert_nonnull (strstr (error->message, li_file));
  g_clear_error (&error);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM person WHERE name = '赵六'", NULL), ==, 0);

  /* The same number typed into another person's file. */
  g_free (edited->id_number);
  edited->id_number = g_strdup ("11010519491231002X");
  g_assert_false (pd_person_update (ctx, edited, &error));
  g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_DUPLICATE);
  g_assert_cmpstr (pd_error_get_field (error), ==, "id_number");
  g_assert_nonnull (strstr (error->message, li_file));
  g_clear_error (&error);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM person WHERE id_number = '11010519491231002X'", NULL), ==, 1);

  /* A person keeps their own number when their file is saved again. */
  g_clear_pointer (&edited, pd_person_free);
  edited = pd_person_get (ctx, li, &error);
  g_free (edited->mobile);
  edited->mobile = g_strdup ("13812341234");
  g_assert_true (pd_person_update (ctx, edited, &error));
  g_assert_no_error (error);

  g_free (other_firm->kind);
  other_firm->kind = g_strdup ("enterprise");
  g_free (other_firm->name);
  other_firm->name = g_strdup ("另一家公司");
  g_free (other_firm->uscc);
  other_firm->uscc = g_strdup ("91350100M000100Y43");
  g_assert_cmpint (pd_person_create (ctx, other_firm, &error), ==, -1);
  g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_DUPLICATE);
  g_assert_cmpstr (pd_error_get_field (error), ==, "uscc");
  g_assert_nonnull (strstr (error->message, firm_file));
  g_clear_error (&error);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM person", NULL), ==, 3);
}

static void
test_roles_and_transfer (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new ("2026-05-10 10:00:00");
  g_autoptr (GError) error = NULL;
  g_autoptr (PdUnitRole) owner = pd_unit_role_new ("owner");
  g_autoptr (PdUnitRole) tenant = pd_unit_role_new ("tenant");
  g_autoptr (GPtrArray) current = NULL;
  g_autoptr (GPtrArray) history = NULL;
  gint64 unit = make_unit (ctx, "2-1-501", "occupied");
  gint64 zhang = make_person (ctx, "张三", "11010519491231002X");
  gint64 renter = make_person (ctx, "赵六", "");
  gint64 buyer = make_person (ctx, "钱七", "");

  owner->unit_id = unit;
  owner->person_id = zhang;
  g_free (owner->start_on);
  owner->start_on = g_strdup ("2020-01-01");
  g_assert_cmpint (pd_unit_role_add (ctx, owner, &error), >, 0);
  g_assert_no_error (error);

  /* A tenant needs lease dates and the owner's authorisation. */
  tenant->unit_id = unit;
  tenant->person_id = renter;
  g_free (tenant->start_on);
  tenant->start_on = g_strdup ("2026-01-01");
  g_free (tenant->lease_end);
  tenant->lease_end = g_strdup ("2026/12/31");
  g_assert_cmpint (pd_unit_role_add (ctx, tenant, &error), ==, -1);
  g_assert_cmpstr (pd_error_get_field (error), ==, "authorised_by");
  g_clear_error (&error);
  tenant->authorised_by = renter;  /* not an owner */
  g_assert_cmpint (pd_unit_role_add (ctx, tenant, &error), ==, -1);
  g_clear_error (&error);
  tenant->authorised_by = zhang;
  g_assert_cmpint (pd_unit_role_add (ctx, tenant, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM unit_role WHERE lease_end = '2026-12-31'", NULL), ==, 1);

  /* Transfer: old owner's period and the tenancy end; the buyer starts. */
  g_assert_true (pd_unit_transfer_ownership (ctx, unit, &buyer, 1, "2026-05-01", &error));
  g_assert_no_error (error);
  current = pd_unit_role_list (ctx, unit, 0, TRUE, &error);
  g_assert_cmpuint (current->len, ==, 1);
  g_assert_cmpint (((PdUnitRole *) current->pdata[0])->person_id, ==, buyer);
  g_assert_cmpstr (((PdUnitRole *) current->pdata[0])->start_on, ==, "2026-05-01");
  history = pd_unit_role_list (ctx, unit, 0, FALSE, &error);
  g_assert_cmpuint (history->len, ==, 3);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM unit_role WHERE ended_on = '2026-05-01'", NULL), ==, 2);

  /* Transferring to the current owner is refused. */
  g_assert_false (pd_unit_transfer_ownership (ctx, unit, &buyer, 1, "2026-06-01", &error));
  g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_DUPLICATE);
}

static void
test_end_tenancy_and_vehicle (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (PdUnitRole) member = pd_unit_role_new ("member");
  PdVehicle vehicle = { 0 };
  gint64 unit = make_unit (ctx, "2-1-502", "occupied");
  gint64 person = make_person (ctx, "孙八", "");

  member->unit_id = unit;
  member->person_id = person;
  g_free (member->start_on);
  member->start_on = g_strdup ("2024-03-01");
  g_assert_cmpint (pd_unit_role_add (ctx, member, &error), >, 0);
  g_assert_false (pd_unit_role_end (ctx, member->id, "2024-01-01", &error));
  g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_STATE);
  g_clear_error (&error);
  g_assert_true (pd_unit_role_end (ctx, member->id, "2025-03-01", &error));
  g_assert_false (pd_unit_role_end (ctx, member->id, "2025-04-01", &error));
  g_clear_error (&error);

  vehicle.person_id = person;
  vehicle.unit_id = unit;
  vehicle.plate = g_strdup ("京a·12345");
  g_assert_cmpint (pd_vehicle_add (ctx, &vehicle, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpstr (vehicle.plate, ==, "京A12345");
  g_free (vehicle.plate);
  vehicle.plate = g_strdup ("京A12345");
  g_assert_cmpint (pd_vehicle_add (ctx, &vehicle, &error), ==, -1);
  g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_DUPLICATE);
  g_free (vehicle.plate);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/estate/unit-codes", test_unit_codes);
  g_test_add_func ("/estate/unit-create-rules", test_unit_create_rules);
  g_test_add_func ("/estate/unit-field-keys", test_unit_field_keys);
  g_test_add_func ("/estate/state-machine", test_state_machine);
  g_test_add_func ("/estate/person-rules", test_person_rules);
  g_test_add_func ("/estate/person-duplicates", test_person_duplicates);
  g_test_add_func ("/estate/roles-and-transfer", test_roles_and_transfer);
  g_test_add_func ("/estate/end-tenancy-and-vehicle", test_end_tenancy_and_vehicle);
  return g_test_run ();
}
