/* Owner file actions (one transaction each) and the file's change history. */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "pd-error.h"
#include "pd-owner-file.h"
#include "pd-owner-history.h"
#include "pd-test-fixture.h"

#define NOW "2026-03-10 09:30:00"

static gint64
make_unit (PdContext  *ctx,
           const char *code,
           const char *state)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PdUnit) unit = pd_unit_new ();
  gint64 id;

  unit->code = g_strdup (code);
  unit->gross_area = 88.5;
  g_free (unit->state);
  unit->state = g_strdup (state);
  id = pd_unit_create (ctx, pd_estate_current_id (ctx, NULL), unit, &error);
  g_assert_no_error (error);
  return id;
}

static PdPerson *
new_person (const char *name,
            const char *mobile)
{
  PdPerson *person = pd_person_new ();

  g_free (person->name);
  person->name = g_strdup (name);
  g_free (person->mobile);
  person->mobile = g_strdup (mobile);
  return person;
}

/* An owner put on @unit_id through pd_owner_file_add_person. */
static gint64
add_owner (PdContext  *ctx,
           gint64      unit_id,
           const char *name,
           const char *mobile)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PdUnit) unit = pd_unit_get (ctx, unit_id, NULL);
  g_autoptr (PdPerson) person = new_person (name, mobile);
  g_autoptr (PdUnitRole) role = pd_unit_role_new ("owner");

  role->start_on = (g_free (role->start_on), g_strdup ("2020-05-01"));
  g_assert_cmpint (pd_owner_file_add_person (ctx, unit, person, role, &error), ==, unit_id);
  g_assert_no_error (error);
  return person->id;
}

static const PdHistoryEntry *
find_entry (GPtrArray  *history,
            const char *record,
            const char *field)
{
  for (guint i = 0; i < history->len; i++)
    {
      const PdHistoryEntry *entry = history->pdata[i];
      if (g_str_equal (entry->record, record) && g_str_equal (entry->field, field))
        return entry;
    }
  return NULL;
}

static void
test_save_is_one_transaction (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new (NOW);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) owners = g_ptr_array_new_with_free_func ((GDestroyNotify) pd_person_free);
  g_autoptr (PdUnit) unit = NULL;
  g_autoptr (GPtrArray) history = NULL;
  const PdHistoryEntry *entry;
  gint64 unit_id = make_unit (ctx, "1-1-101", "handed_over");
  gint64 zhang = add_owner (ctx, unit_id, "张三", "13800001234");
  gint64 li = add_owner (ctx, unit_id, "李四", "13900005678");
  guint failed = 0;

  /* A bad mobile on the second owner: nothing at all is written. */
  unit = pd_unit_get (ctx, unit_id, NULL);
  unit->layout = (g_free (unit->layout), g_strdup ("三室两厅"));
  g_ptr_array_add (owners, pd_person_get (ctx, zhang, NULL));
  g_ptr_array_add (owners, pd_person_get (ctx, li, NULL));
  ((PdPerson *) owners->pdata[0])->address = (g_free (((PdPerson *) owners->pdata[0])->address),
                                              g_strdup ("幸福路88号"));
  ((PdPerson *) owners->pdata[1])->mobile = (g_free (((PdPerson *) owners->pdata[1])->mobile),
                                             g_strdup ("1390000"));
  g_assert_false (pd_owner_file_save (ctx, unit, "occupied", owners, &failed, &error));
  g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_INVALID);
  g_assert_cmpstr (pd_error_get_field (error), ==, "mobile");
  g_assert_cmpuint (failed, ==, 1);
  g_clear_error (&error);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM unit WHERE layout = '三室两厅' OR state = 'occupied'", NULL), ==, 0);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM person WHERE address <> ''", NULL), ==, 0);

  /* An illegal state move is refused the same way. */
  ((PdPerson *) owners->pdata[1])->mobile = (g_free (((PdPerson *) owners->pdata[1])->mobile),
                                             g_strdup ("139 0000 9999"));
  g_assert_false (pd_owner_file_save (ctx, unit, "unsold", owners, &failed, &error));
  g_assert_cmpstr (pd_error_get_field (error), ==, "state");
  g_assert_cmpuint (failed, ==, G_MAXUINT);
  g_clear_error (&error);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM person WHERE mobile = '13900009999'", NULL), ==, 0);

  g_assert_true (pd_owner_file_save (ctx, unit, "occupied", owners, &failed, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM unit WHERE layout = '三室两厅' AND state = 'occupied'", NULL), ==, 1);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM person WHERE name = '李四' AND mobile = '13900009999'", NULL), ==, 1);

  history = pd_owner_history_list (ctx, unit_id, &error);
  g_assert_no_error (error);
  entry = find_entry (history, "李四", "Mobile");
  g_assert_nonnull (entry);
  g_assert_cmpstr (entry->old_value, ==, "13900005678");
  g_assert_cmpstr (entry->new_value, ==, "13900009999");
  g_assert_cmpstr (entry->user_name, ==, "tester");
  g_assert_cmpstr (entry->at, ==, NOW);
  entry = find_entry (history, "Unit", "State");
  g_assert_nonnull (entry);
  g_assert_cmpstr (entry->old_value, ==, "Handed over");
  g_assert_cmpstr (entry->new_value, ==, "Occupied");
  entry = find_entry (history, "张三", "Address");
  g_assert_nonnull (entry);
  g_assert_cmpstr (entry->new_value, ==, "幸福路88号");
  /* Newest first. */
  g_assert_true (((PdHistoryEntry *) history->pdata[0])->id > ((PdHistoryEntry *) history->pdata[history->len - 1])->id);
}

static void
test_add_person_creates_unit_and_rolls_back (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new (NOW);
  g_autoptr (GError) error = NULL;
  g_autoptr (PdUnit) unit = pd_unit_new ();
  g_autoptr (PdPerson) person = new_person ("王五", "13700001111");
  g_autoptr (PdUnitRole) tenant = pd_unit_role_new ("tenant");
  g_autoptr (PdUnitRole) owner = pd_unit_role_new ("owner");
  gint64 unit_id;

  /* A tenant on a new unit has no owner to authorise him: neither the unit
   * nor the person may be left behind. */
  unit->code = g_strdup ("5栋1单元1201");
  unit->gross_area = 120;
  tenant->start_on = (g_free (tenant->start_on), g_strdup ("2026-01-01"));
  tenant->lease_end = (g_free (tenant->lease_end), g_strdup ("2026-12-31"));
  g_assert_cmpint (pd_owner_file_add_person (ctx, unit, person, tenant, &error), ==, -1);
  g_assert_cmpstr (pd_error_get_field (error), ==, "authorised_by");
  g_clear_error (&error);
  g_assert_cmpint (unit->id, ==, 0);
  g_assert_cmpint (person->id, ==, 0);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM unit", NULL), ==, 0);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM person", NULL), ==, 0);

  /* The same structs as the owner: unit and person are created. */
  unit_id = pd_owner_file_add_person (ctx, unit, person, owner, &error);
  g_assert_no_error (error);
  g_assert_cmpint (unit_id, >, 0);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM unit WHERE code = '5-1-1201' AND gross_area = 120", NULL), ==, 1);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM unit_role r JOIN person p ON p.id = r.person_id "
                                       "WHERE p.name = '王五' AND r.role = 'owner' AND r.ended_on = ''", NULL), ==, 1);

  /* An existing unit found by its code and an existing person used as is. */
  {
    g_autoptr (PdUnit) again = pd_unit_new ();
    g_autoptr (PdPerson) existing = pd_person_get (ctx, person->id, NULL);
    g_autoptr (PdUnitRole) member = pd_unit_role_new ("member");

    again->code = g_strdup ("5-1-1201");
    g_free (existing->name);
    existing->name = g_strdup ("ignored");
    g_assert_cmpint (pd_owner_file_add_person (ctx, again, existing, member, &error), ==, unit_id);
    g_assert_no_error (error);
    g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM person", NULL), ==, 1);
    g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM unit_role WHERE role = 'member'", NULL), ==, 1);
  }
}

static void
test_transfer_and_vehicle_history (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new (NOW);
  g_autoptr (GError) error = NULL;
  g_autoptr (PdPerson) buyer = new_person ("赵六", "13600002222");
  g_autoptr (PdPerson) bad = new_person ("", "");
  g_autoptr (GPtrArray) history = NULL;
  PdVehicle vehicle = { 0 };
  const PdHistoryEntry *entry;
  gint64 unit_id = make_unit (ctx, "2-1-301", "occupied");
  gint64 seller = add_owner (ctx, unit_id, "孙七", "13500003333");
  gint64 vehicle_id;

  vehicle.person_id = seller;
  vehicle.unit_id = unit_id;
  vehicle.plate = g_strdup ("粤b 12345");
  vehicle.model = (char *) "比亚迪汉";
  vehicle.parking_space = (char *) "B1-001";
  vehicle_id = pd_vehicle_add (ctx, &vehicle, &error);
  g_assert_no_error (error);
  g_free (vehicle.plate);
  g_assert_true (pd_vehicle_remove (ctx, vehicle_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM vehicle", NULL), ==, 0);
  g_assert_false (pd_vehicle_remove (ctx, vehicle_id, &error));
  g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A nameless buyer is refused and nobody is created. */
  g_assert_false (pd_owner_file_transfer (ctx, unit_id, bad, "2026-03-01", &error));
  g_assert_cmpstr (pd_error_get_field (error), ==, "name");
  g_clear_error (&error);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM person", NULL), ==, 1);

  g_assert_true (pd_owner_file_transfer (ctx, unit_id, buyer, "2026-03-01", &error));
  g_assert_no_error (error);
  g_assert_cmpint (buyer->id, >, 0);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM unit_role WHERE role = 'owner' AND ended_on = '2026-03-01'", NULL), ==, 1);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM unit_role WHERE role = 'owner' AND ended_on = '' AND start_on = '2026-03-01'", NULL), ==, 1);

  history = pd_owner_history_list (ctx, unit_id, &error);
  g_assert_no_error (error);
  entry = find_entry (history, "Owner 孙七", "End date");
  g_assert_nonnull (entry);
  g_assert_cmpstr (entry->old_value, ==, "");
  g_assert_cmpstr (entry->new_value, ==, "2026-03-01");
  entry = find_entry (history, "Owner 赵六", "Created");
  g_assert_nonnull (entry);
  g_assert_cmpstr (entry->new_value, ==, "Owner 赵六 from 2026-03-01");
  entry = find_entry (history, "Vehicle 粤B12345", "Deleted");
  g_assert_nonnull (entry);
  g_assert_cmpstr (entry->old_value, ==, "粤B12345 比亚迪汉");
  g_assert_cmpstr (pd_owner_history_field_label ("person", "uscc"), ==, "Unified social credit code");
}

static gint64
add_vehicle (PdContext  *ctx,
             gint64      person_id,
             gint64      unit_id,
             const char *plate)
{
  g_autoptr (GError) error = NULL;
  PdVehicle vehicle = { .person_id = person_id, .unit_id = unit_id, .plate = g_strdup (plate),
                        .model = (char *) "", .parking_space = (char *) "" };
  gint64 id = pd_vehicle_add (ctx, &vehicle, &error);

  g_assert_no_error (error);
  g_free (vehicle.plate);     /* pd_vehicle_add stores the normalised plate there */
  return id;
}

static gboolean
has_vehicle (GPtrArray  *history,
             const char *plate)
{
  g_autofree char *record = g_strdup_printf ("Vehicle %s", plate);

  return find_entry (history, record, "Created") != NULL;
}

/* The history's vehicles are looked up through migration 034's indexes
 * (EXPLAIN QUERY PLAN names them; nothing scanned, sorted or auto-indexed),
 * not by reading every vehicle of the audit log, and are still those of the
 * unit and of everyone who ever held a role on it, removed ones too. */
static void
test_vehicle_history_indexed (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new (NOW);
  g_autoptr (PdPerson) buyer = new_person ("赵六", "13600002222");
  g_autoptr (GPtrArray) history = NULL;
  g_autoptr (GError) error = NULL;
  sqlite3 *db = pd_database_get_handle (pd_context_get_database (ctx));
  gint64 unit_id = make_unit (ctx, "2-1-301", "occupied");
  gint64 other_unit = make_unit (ctx, "2-1-302", "occupied");
  gint64 seller = add_owner (ctx, unit_id, "孙七", "13500003333");
  gint64 neighbour = add_owner (ctx, other_unit, "周八", "13500004444");
  gint64 removed;
  guint checked = 0;

  removed = add_vehicle (ctx, seller, unit_id, "粤B10001");
  add_vehicle (ctx, seller, 0, "粤B10002");            /* the seller's, on no unit */
  add_vehicle (ctx, seller, other_unit, "粤B10003");   /* the seller's, on another unit */
  add_vehicle (ctx, neighbour, unit_id, "粤B10004");   /* someone else's, parked for the unit */
  for (int i = 0; i < 30; i++)
    {
      g_autofree char *plate = g_strdup_printf ("粤C%05d", i);
      add_vehicle (ctx, neighbour, other_unit, plate);
    }
  g_assert_true (pd_vehicle_remove (ctx, removed, &error));
  g_assert_true (pd_owner_file_transfer (ctx, unit_id, buyer, "2026-03-01", &error));
  g_assert_no_error (error);

  for (sqlite3_stmt *stmt = sqlite3_next_stmt (db, NULL); stmt != NULL; stmt = sqlite3_next_stmt (db, stmt))
    {
      sqlite3_stmt_status (stmt, SQLITE_STMTSTATUS_FULLSCAN_STEP, TRUE);
      sqlite3_stmt_status (stmt, SQLITE_STMTSTATUS_SORT, TRUE);
      sqlite3_stmt_status (stmt, SQLITE_STMTSTATUS_AUTOINDEX, TRUE);
    }
  history = pd_owner_history_list (ctx, unit_id, &error);
  g_assert_no_error (error);
  g_assert_true (has_vehicle (history, "粤B10001"));
  g_assert_nonnull (find_entry (history, "Vehicle 粤B10001", "Deleted"));
  g_assert_true (has_vehicle (history, "粤B10002"));
  g_assert_true (has_vehicle (history, "粤B10003"));
  g_assert_true (has_vehicle (history, "粤B10004"));
  g_assert_false (has_vehicle (history, "粤C00000"));

  for (sqlite3_stmt *stmt = sqlite3_next_stmt (db, NULL); stmt != NULL; stmt = sqlite3_next_stmt (db, stmt))
    {
      const char *sql = sqlite3_sql (stmt);
      g_autofree char *explain = NULL;
      g_autoptr (GString) plan = g_string_new ("");
      sqlite3_stmt *query_plan = NULL;

      if (strstr (sql, "'vehicle'") == NULL || strstr (sql, "audit_log") == NULL || strstr (sql, "json_extract") == NULL)
        continue;
      if (sqlite3_stmt_status (stmt, SQLITE_STMTSTATUS_FULLSCAN_STEP, FALSE) != 0 ||
          sqlite3_stmt_status (stmt, SQLITE_STMTSTATUS_SORT, FALSE) != 0 ||
          sqlite3_stmt_status (stmt, SQLITE_STMTSTATUS_AUTOINDEX, FALSE) != 0)
        g_error ("the vehicle history scanned or sorted: %s", sql);
      explain = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);
      g_assert_cmpint (sqlite3_prepare_v2 (db, explain, -1, &query_plan, NULL), ==, SQLITE_OK);
      while (sqlite3_step (query_plan) == SQLITE_ROW)
        g_string_append_printf (plan, "%s\n", (const char *) sqlite3_column_text (query_plan, 3));
      sqlite3_finalize (query_plan);
      if (strstr (plan->str, "USING INDEX audit_log_vehicle_") == NULL || strstr (plan->str, "SCAN") != NULL)
        g_error ("the vehicle history is not an indexed look-up: %s\n%s", sql, plan->str);
      checked++;
    }
  g_assert_cmpuint (checked, ==, 2);
}

/* A vehicle registered after the newest one was removed gets an id of its
 * own (migration 036), so the history does not tell the two cars' stories
 * as one: the removed car keeps its plate and its deletion, the new one is
 * listed apart. */
static void
test_vehicle_ids_not_reused (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new (NOW);
  g_autoptr (GPtrArray) history = NULL;
  g_autoptr (GError) error = NULL;
  gint64 unit_id = make_unit (ctx, "5-1-101", "occupied");
  gint64 owner = add_owner (ctx, unit_id, "吴九", "13500005555");
  gint64 first = add_vehicle (ctx, owner, unit_id, "粤D10001");
  gint64 second;

  g_assert_true (pd_vehicle_remove (ctx, first, &error));
  g_assert_no_error (error);
  second = add_vehicle (ctx, owner, unit_id, "粤D10002");
  g_assert_cmpint (second, >, first);

  history = pd_owner_history_list (ctx, unit_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (find_entry (history, "Vehicle 粤D10001", "Deleted"));
  g_assert_true (has_vehicle (history, "粤D10002"));
  g_assert_null (find_entry (history, "Vehicle 粤D10002", "Deleted"));
}

/* Upgrading to 036 starts the vehicle ids above every id the audit log has
 * seen, so an id freed before the upgrade is not given again either. */
static void
test_vehicle_ids_after_upgrade (void)
{
  g_autofree char *path = g_build_filename (pd_test_tmpdir (), "vehicle-ids.db", NULL);
  g_autoptr (GError) error = NULL;

  g_remove (path);
  {
    g_autoptr (PdDatabase) old = pd_database_open_at_version (path, 35, &error);

    g_assert_no_error (error);
    /* Vehicles 1 and 2 kept; 3, the newest, was registered and removed. */
    g_assert_true (pd_database_exec (old,
      "INSERT INTO estate (id, code, name) VALUES (1, 'OLD', '老小区');"
      "INSERT INTO building (id, estate_id, code) VALUES (1, 1, '1');"
      "INSERT INTO entrance (id, building_id, code) VALUES (1, 1, '1');"
      "INSERT INTO unit (id, estate_id, entrance_id, code) VALUES (1, 1, 1, '1-1-101');"
      "INSERT INTO person (id, name) VALUES (1, '郑十');"
      "INSERT INTO vehicle (id, person_id, unit_id, plate) VALUES (1, 1, 1, '粤E00001'), (2, 1, 1, '粤E00002');"
      "INSERT INTO audit_log (at, user_name, table_name, record_id, action, new_value) VALUES "
      "('2026-01-05 10:00:00', 'clerk', 'vehicle', 3, 'insert', '{\"plate\":\"粤E00003\"}');"
      "INSERT INTO audit_log (at, user_name, table_name, record_id, action, old_value) VALUES "
      "('2026-01-06 10:00:00', 'clerk', 'vehicle', 3, 'delete', '{\"plate\":\"粤E00003\"}')", &error));
    g_assert_no_error (error);
  }
  {
    g_autoptr (PdContext) ctx = pd_test_context_open (path, NOW);

    g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM vehicle", NULL), ==, 2);
    g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM vehicle WHERE id = 2 AND plate = '粤E00002'", NULL),
                     ==, 1);
    g_assert_cmpint (add_vehicle (ctx, 1, 1, "粤E00004"), ==, 4);
  }
  g_remove (path);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/owner-file/save-is-one-transaction", test_save_is_one_transaction);
  g_test_add_func ("/owner-file/add-person", test_add_person_creates_unit_and_rolls_back);
  g_test_add_func ("/owner-file/transfer-and-vehicle-history", test_transfer_and_vehicle_history);
  g_test_add_func ("/owner-file/vehicle-history-indexed", test_vehicle_history_indexed);
  g_test_add_func ("/owner-file/vehicle-ids-not-reused", test_vehicle_ids_not_reused);
  g_test_add_func ("/owner-file/vehicle-ids-after-upgrade", test_vehicle_ids_after_upgrade);
  return g_test_run ();
}
