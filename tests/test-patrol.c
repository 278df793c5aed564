/* Vacant-unit patrols in core: the list follows the unit states, patrols
 * are recorded (alone and in rounds) with their anomalies, and nothing is
 * written when a patrol is refused. */
#include "config.h"

#include <stdio.h>

#include "pd-error.h"
#include "pd-estate.h"
#include "pd-key-register.h"
#include "pd-patrol-anomaly.h"
#include "pd-patrol-checklist.h"
#include "pd-patrol-vacancy.h"
#include "pd-patrol.h"
#include "pd-settings.h"
#include "pd-test-fixture.h"

static void
set_clock (PdContext  *ctx,
           const char *when)
{
  g_autoptr (GTimeZone) zone = g_time_zone_new_local ();
  int y, mo, d, h, mi;
  g_autoptr (GDateTime) now = NULL;

  g_assert_cmpint (sscanf (when, "%d-%d-%d %d:%d", &y, &mo, &d, &h, &mi), ==, 5);
  now = g_date_time_new (zone, y, mo, d, h, mi, 0);
  pd_context_set_now (ctx, now);
}

/* Units given as "code=state"; returns their ids in order. */
static GArray *
build_estate (PdContext         *ctx,
              const char *const *specs)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 estate = pd_estate_current_id (ctx, NULL);

  for (guint i = 0; specs[i] != NULL; i++)
    {
      g_auto (GStrv) parts = g_strsplit (specs[i], "=", 2);
      g_autoptr (PdUnit) unit = pd_unit_new ();
      g_autoptr (GError) error = NULL;
      gint64 id;

      unit->code = g_strdup (parts[0]);
      g_free (unit->state);
      unit->state = g_strdup (parts[1]);
      id = pd_unit_create (ctx, estate, unit, &error);
      g_assert_no_error (error);
      g_array_append_val (ids, id);
    }
  return ids;
}

static const char *const small_estate[] = {
  "1-1-101=vacant", "1-1-102=vacant", "1-1-201=occupied", "1-2-101=vacant", "2-1-101=vacant",
  "10-1-101=vacant", NULL,
};
#define UNIT(ids, i) g_array_index ((ids), gint64, (i))

static GStrv
list_codes (PdContext *ctx,
            gint64     building_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = pd_patrol_list_vacant (ctx, building_id, &error);
  GStrvBuilder *builder = g_strv_builder_new ();
  GStrv codes;

  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    g_strv_builder_add (builder, ((PdVacantUnit *) list->pdata[i])->unit_code);
  codes = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return codes;
}

static PdVacantUnit *
find_vacant (GPtrArray  *list,
             const char *code)
{
  for (guint i = 0; i < list->len; i++)
    if (g_str_equal (((PdVacantUnit *) list->pdata[i])->unit_code, code))
      return list->pdata[i];
  return NULL;
}

static void
test_list_follows_states (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new ("2026-03-10 09:00:00");
  g_autoptr (GArray) ids = build_estate (ctx, small_estate);
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) codes = list_codes (ctx, 0);
  const char *const expected[] = { "1-1-101", "1-1-102", "1-2-101", "2-1-101", "10-1-101", NULL };
  g_autoptr (GPtrArray) list = NULL;
  PdVacantUnit *unit;

  g_assert_true (g_strv_equal ((const char *const *) codes, expected));
  list = pd_patrol_list_vacant (ctx, 0, &error);
  unit = find_vacant (list, "1-1-101");
  g_assert_cmpstr (unit->vacant_since, ==, "2026-03-10");
  g_assert_cmpstr (unit->last_patrol, ==, "");
  g_assert_cmpstr (unit->next_due, ==, "2026-03-15");
  g_assert_cmpint (unit->status, ==, PD_PATROL_STATUS_DUE);
  g_assert_cmpint (unit->days_to_due, ==, 5);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Occupied: leaves the list, its file closes on that day. */
  set_clock (ctx, "2026-03-12 10:00");
  g_assert_true (pd_unit_set_state (ctx, UNIT (ids, 1), "occupied", &error));
  g_clear_pointer (&codes, g_strfreev);
  codes = list_codes (ctx, 0);
  g_assert_false (g_strv_contains ((const char *const *) codes, "1-1-102"));
  g_assert_cmpuint (g_strv_length (codes), ==, 4);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM patrol_vacancy v JOIN unit u ON u.id = v.unit_id "
                                       "WHERE u.code = '1-1-102' AND v.closed_on = '2026-03-12'", NULL), ==, 1);

  /* Vacant: joins the list, owing the period it became vacant in. */
  set_clock (ctx, "2026-03-20 10:00");
  g_assert_true (pd_unit_set_state (ctx, UNIT (ids, 2), "vacant", &error));
  g_assert_no_error (error);
  list = pd_patrol_list_vacant (ctx, 0, &error);
  unit = find_vacant (list, "1-1-201");
  g_assert_nonnull (unit);
  g_assert_cmpstr (unit->vacant_since, ==, "2026-03-20");
  g_assert_cmpstr (unit->next_due, ==, "2026-03-31");
  g_assert_cmpint (unit->status, ==, PD_PATROL_STATUS_DUE);
  /* The others missed the first half of March. */
  unit = find_vacant (list, "1-1-101");
  g_assert_cmpint (unit->status, ==, PD_PATROL_STATUS_OVERDUE);
  g_assert_cmpint (unit->days_to_due, ==, -5);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Only one building. */
  g_clear_pointer (&codes, g_strfreev);
  codes = list_codes (ctx, pd_patrol_find_building (ctx, "1", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (codes), ==, 3);
  g_assert_cmpstr (codes[2], ==, "1-2-101");
}

static void
test_vacancy_flips_between_syncs (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new ("2026-03-10 09:00:00");
  g_autoptr (GArray) ids = build_estate (ctx, small_estate);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = NULL;

  g_assert_true (pd_patrol_sync_vacancies (ctx, &error));
  /* Out and back in within the same second, with no sync in between. */
  g_assert_true (pd_unit_set_state (ctx, UNIT (ids, 0), "occupied", &error));
  g_assert_true (pd_unit_set_state (ctx, UNIT (ids, 0), "vacant", &error));
  g_assert_no_error (error);
  for (int i = 0; i < 3; i++)
    g_assert_true (pd_patrol_sync_vacancies (ctx, &error));
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM patrol_vacancy WHERE unit_id = 1", NULL), ==, 2);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM patrol_vacancy WHERE unit_id = 1 AND closed_on = ''",
                                  NULL), ==, 1);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM patrol_vacancy WHERE closed_on = ''", NULL), ==, 5);

  /* A unit vacant since before the office kept files gets its real date. */
  g_assert_true (pd_patrol_set_vacant_since (ctx, UNIT (ids, 4), "2025-11-02", &error));
  g_assert_no_error (error);
  list = pd_patrol_list_vacant (ctx, 0, &error);
  g_assert_cmpstr (find_vacant (list, "2-1-101")->vacant_since, ==, "2025-11-02");
  g_assert_cmpint (find_vacant (list, "2-1-101")->status, ==, PD_PATROL_STATUS_OVERDUE);
  g_assert_false (pd_patrol_set_vacant_since (ctx, UNIT (ids, 2), "2025-11-02", &error));
  g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_STATE);
  g_clear_error (&error);
  /* Not before the unit's previous vacancy ended. */
  g_assert_false (pd_patrol_set_vacant_since (ctx, UNIT (ids, 0), "2026-01-01", &error));
  g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_STATE);
  g_clear_error (&error);
  g_assert_false (pd_patrol_set_vacant_since (ctx, UNIT (ids, 4), "2026-04-01", &error));
  g_assert_cmpstr (pd_error_get_field (error), ==, "vacant_since");
}

static void
test_record_patrol (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new ("2026-03-10 09:00:00");
  g_autoptr (GArray) ids = build_estate (ctx, small_estate);
  g_autoptr (GError) error = NULL;
  g_autoptr (PdPatrol) patrol = pd_patrol_new_for_unit (ctx, UNIT (ids, 0));
  g_autoptr (PdPatrol) read = NULL;
  g_autoptr (GPtrArray) anomalies = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GPtrArray) checklist = pd_patrol_checklist (ctx);
  gint64 id;

  g_assert_cmpuint (checklist->len, ==, 11);
  g_assert_cmpuint (patrol->items->len, ==, 11);
  g_assert_cmpstr (patrol->patrolled_on, ==, "2026-03-10");
  g_assert_cmpstr (patrol->inspector, ==, "tester");
  /* Item 3 is leakage, 9 cleanliness (DOMAIN §4 defaults, in order). */
  g_assert_cmpstr (((PdPatrolItem *) patrol->items->pdata[3])->item, ==, "leak");
  pd_patrol_set_item (patrol, 3, TRUE, "主卧天花板渗水");
  pd_patrol_set_item (patrol, 9, TRUE, NULL);
  g_free (patrol->photo);
  patrol->photo = g_strdup ("D:/巡查照片/1-1-101-0310.jpg");
  id = pd_patrol_record (ctx, patrol, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  read = pd_patrol_get (ctx, id, &error);
  g_assert_cmpstr (read->unit_code, ==, "1-1-101");
  g_assert_cmpstr (read->photo, ==, "D:/巡查照片/1-1-101-0310.jpg");
  g_assert_cmpuint (read->items->len, ==, 11);
  g_assert_true (((PdPatrolItem *) read->items->pdata[3])->problem);
  g_assert_false (((PdPatrolItem *) read->items->pdata[4])->problem);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM patrol_item WHERE result = 'problem'", NULL), ==, 2);

  anomalies = pd_anomaly_list_for_patrol (ctx, id, &error);
  g_assert_cmpuint (anomalies->len, ==, 2);
  {
    PdAnomaly *leak = anomalies->pdata[0], *dirty = anomalies->pdata[1];
    g_autofree char *described = pd_anomaly_describe (leak);

    g_assert_cmpstr (leak->kind, ==, "leak");
    g_assert_cmpstr (leak->department, ==, "engineering");
    g_assert_cmpstr (leak->item, ==, "leak");
    g_assert_cmpstr (leak->description, ==, "主卧天花板渗水");
    g_assert_cmpstr (described, ==, "Ceiling and floor: leakage or seepage: 主卧天花板渗水");
    /* Tuesday + 3 working days; cleaning gets 1. */
    g_assert_cmpstr (leak->deadline, ==, "2026-03-13");
    g_assert_cmpstr (leak->notice_no, ==, "KZ2026-0001");
    g_assert_cmpstr (dirty->kind, ==, "dirty");
    g_assert_cmpstr (dirty->department, ==, "cleaning");
    g_assert_cmpstr (dirty->deadline, ==, "2026-03-11");
    g_assert_cmpstr (dirty->notice_no, ==, "KZ2026-0002");
  }

  /* The unit is done for this period; the list shows the anomalies. */
  list = pd_patrol_list_vacant (ctx, 0, &error);
  g_assert_cmpint (find_vacant (list, "1-1-101")->status, ==, PD_PATROL_STATUS_DONE);
  g_assert_cmpstr (find_vacant (list, "1-1-101")->next_due, ==, "2026-03-31");
  g_assert_cmpstr (find_vacant (list, "1-1-101")->last_inspector, ==, "tester");
  g_assert_cmpint (find_vacant (list, "1-1-101")->open_anomalies, ==, 2);
  g_assert_cmpint (find_vacant (list, "1-1-102")->status, ==, PD_PATROL_STATUS_DUE);
}

static void
test_refused_patrols_write_nothing (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new ("2026-03-10 09:00:00");
  g_autoptr (GArray) ids = build_estate (ctx, small_estate);
  g_autoptr (GError) error = NULL;
  g_autoptr (PdPatrol) occupied = pd_patrol_new_for_unit (ctx, UNIT (ids, 2));
  g_autoptr (PdPatrol) future = pd_patrol_new_for_unit (ctx, UNIT (ids, 0));
  g_autoptr (PdPatrol) nobody = pd_patrol_new_for_unit (ctx, UNIT (ids, 0));

  pd_patrol_set_item (occupied, 0, TRUE, "门面划伤");
  g_assert_cmpint (pd_patrol_record (ctx, occupied, &error), ==, -1);
  g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_STATE);
  g_assert_cmpstr (pd_error_get_field (error), ==, "unit");
  g_clear_error (&error);

  g_free (future->patrolled_on);
  future->patrolled_on = g_strdup ("2026-03-11");
  g_assert_cmpint (pd_patrol_record (ctx, future, &error), ==, -1);
  g_assert_cmpstr (pd_error_get_field (error), ==, "patrolled_on");
  g_clear_error (&error);

  g_free (nobody->inspector);
  nobody->inspector = g_strdup ("  ");
  g_assert_cmpint (pd_patrol_record (ctx, nobody, &error), ==, -1);
  g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_REQUIRED);
  g_assert_cmpstr (pd_error_get_field (error), ==, "inspector");
  g_clear_error (&error);

  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM patrol", NULL), ==, 0);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM patrol_item", NULL), ==, 0);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM patrol_anomaly", NULL), ==, 0);
}

static void
test_custom_checklist (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new ("2026-03-10 09:00:00");
  g_autoptr (GArray) ids = build_estate (ctx, small_estate);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) checklist = NULL;
  g_autoptr (PdPatrol) patrol = NULL;
  g_autoptr (GPtrArray) anomalies = NULL;

  g_assert_true (pd_settings_set (ctx, "patrol.checklist", "door_lock| 阳台栏杆 |leak", &error));
  g_assert_no_error (error);
  checklist = pd_patrol_checklist (ctx);
  g_assert_cmpuint (checklist->len, ==, 3);
  g_assert_cmpstr (((PdPatrolCheckItem *) checklist->pdata[0])->label, ==, "Door lock");
  g_assert_cmpstr (((PdPatrolCheckItem *) checklist->pdata[1])->label, ==, "阳台栏杆");
  patrol = pd_patrol_new_for_unit (ctx, UNIT (ids, 0));
  g_assert_cmpuint (patrol->items->len, ==, 3);
  pd_patrol_set_item (patrol, 1, TRUE, "松动");
  g_assert_cmpint (pd_patrol_record (ctx, patrol, &error), >, 0);
  anomalies = pd_anomaly_list_for_patrol (ctx, patrol->id, &error);
  g_assert_cmpuint (anomalies->len, ==, 1);
  g_assert_cmpstr (((PdAnomaly *) anomalies->pdata[0])->kind, ==, "other");
  {
    g_autofree char *described = pd_anomaly_describe (anomalies->pdata[0]);
    g_assert_cmpstr (described, ==, "阳台栏杆: 松动");
  }
}

static void
test_round_with_keys (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new ("2026-03-10 09:00:00");
  g_autoptr (GArray) ids = build_estate (ctx, small_estate);
  g_autoptr (GError) error = NULL;
  g_autoptr (PdPatrolRound) round = NULL;
  g_autoptr (PdPatrol) first = NULL;
  g_autoptr (PdPatrol) again = NULL;
  g_autoptr (PdPatrol) elsewhere = NULL;
  g_autoptr (GPtrArray) in_round = NULL;
  gint64 building = pd_patrol_find_building (ctx, "1", &error);
  const struct { const char *code; int unit; } keys[] = {
    { "K101", 0 }, { "K102", 1 }, { "K201", 2 }, { "K2101", 4 }, { "P-01", -1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autoptr (PdKey) key = pd_key_new ();
      g_free (key->code);
      key->code = g_strdup (keys[i].code);
      key->unit_id = keys[i].unit >= 0 ? UNIT (ids, keys[i].unit) : 0;
      if (keys[i].unit < 0)
        {
          g_free (key->label);
          key->label = g_strdup ("水泵房");
        }
      g_assert_cmpint (pd_key_add (ctx, key, &error), >, 0);
      g_assert_no_error (error);
    }

  round = pd_patrol_round_start (ctx, building, NULL, "李管家", TRUE, &error);
  g_assert_no_error (error);
  /* Keys of building 1's vacant units only: not 1-1-201 (occupied), not
   * building 2, not the public key. */
  g_assert_cmpint (round->keys_signed_out, ==, 2);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM patrol_key_loan l JOIN patrol_key k ON k.id = l.key_id "
                                       "WHERE l.returned_at = '' AND l.borrower = '李管家' "
                                       "AND k.code IN ('K101', 'K102')", NULL), ==, 2);

  first = pd_patrol_new_for_unit (ctx, UNIT (ids, 0));
  first->round_id = round->id;
  g_free (first->inspector);
  first->inspector = g_strdup (round->inspector);
  g_assert_cmpint (pd_patrol_record (ctx, first, &error), >, 0);
  g_assert_no_error (error);
  again = pd_patrol_new_for_unit (ctx, UNIT (ids, 0));
  again->round_id = round->id;
  g_assert_cmpint (pd_patrol_record (ctx, again, &error), ==, -1);
  g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_DUPLICATE);
  g_clear_error (&error);
  elsewhere = pd_patrol_new_for_unit (ctx, UNIT (ids, 4));
  elsewhere->round_id = round->id;
  g_assert_cmpint (pd_patrol_record (ctx, elsewhere, &error), ==, -1);
  g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_INVALID);
  g_clear_error (&error);

  in_round = pd_patrol_list_for_round (ctx, round->id, &error);
  g_assert_cmpuint (in_round->len, ==, 1);
  g_assert_cmpstr (((PdPatrol *) in_round->pdata[0])->inspector, ==, "李管家");

  set_clock (ctx, "2026-03-10 11:30");
  g_assert_cmpint (pd_key_sign_back_round (ctx, round->id, &error), ==, 2);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM patrol_key_loan WHERE returned_at = '2026-03-10 11:30:00'",
                                  NULL), ==, 2);
  g_assert_cmpint (pd_key_sign_back_round (ctx, round->id, &error), ==, 0);

  /* A round needs a building, an inspector, and a date not in the future. */
  g_assert_null (pd_patrol_round_start (ctx, 0, NULL, "李管家", FALSE, &error));
  g_assert_cmpstr (pd_error_get_field (error), ==, "building");
  g_clear_error (&error);
  g_assert_null (pd_patrol_round_start (ctx, building, "2026-03-11", "李管家", FALSE, &error));
  g_assert_cmpstr (pd_error_get_field (error), ==, "patrolled_on");
  g_clear_error (&error);
  g_assert_null (pd_patrol_round_start (ctx, building, NULL, "", TRUE, &error));
  g_assert_cmpstr (pd_error_get_field (error), ==, "inspector");
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM patrol_round", NULL), ==, 1);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/patrol/list-follows-unit-states", test_list_follows_states);
  g_test_add_func ("/patrol/vacancy-flips-between-syncs", test_vacancy_flips_between_syncs);
  g_test_add_func ("/patrol/record", test_record_patrol);
  g_test_add_func ("/patrol/refused-writes-nothing", test_refused_patrols_write_nothing);
  g_test_add_func ("/patrol/custom-checklist", test_custom_checklist);
  g_test_add_func ("/patrol/round-with-keys", test_round_with_keys);
  return g_test_run ();
}
