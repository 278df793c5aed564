/* pd-test-patrol.h — a month of vacant-unit patrols with known figures, for
 * the print and export tests (and the core statistics test).
 *
 * Estate created on 2026-03-01 (twice-monthly policy); the clock ends on
 * Friday 2026-03-20 10:00.  Units: 1-1-101, 1-1-102, 1-2-101 (building 1)
 * and 2-1-101 (building 2) vacant, 1-1-201 occupied.
 *
 *   03-10 李管家 patrols 1-1-101: leakage (主卧天花板渗水) → KZ2026-0001 to
 *         engineering, deadline 03-13; cleanliness → KZ2026-0002 to cleaning.
 *         Key K101 out 09:00, due 13:00, back 14:00 (late).
 *   03-11 KZ2026-0002 closed, fixed (保洁已清扫).
 *   03-12 王管家 patrols 1-2-101, all OK; follow-up on KZ2026-0001.
 *   03-18 李管家 patrols 2-1-101: occupation (有人私自居住) → KZ2026-0003.
 *   03-19 key K102 out 10:00, due 14:00, still out (overdue on the 20th).
 *   03-20 key K201 out 09:00, due 13:00, still out (not yet due).
 *
 * March: first half (past) owes 4, met 2 (1-1-101, 1-2-101); second half
 * (current) owes 4, met 1 (2-1-101), counted only when met.  So units due 4,
 * obligations 8, counted 5, met 3 (60 %); building 1: 3 units, 6, 3, 2;
 * building 2: 1 unit, 2, 2, 1.  Patrols 3 of 3 units; anomalies found 3
 * (leak 1, occupation 1, dirty 1), closed 1, open 2 (oldest 10 days); key
 * loans 3, overdue 2. */
#pragma once

#include <stdio.h>

#include "pd-error.h"
#include "pd-estate.h"
#include "pd-key-register.h"
#include "pd-patrol-anomaly.h"
#include "pd-patrol-vacancy.h"
#include "pd-patrol.h"
#include "pd-test-fixture.h"

typedef struct
{
  PdContext *ctx;
  gint64     patrol_101;   /* the 03-10 patrol with two anomalies */
  gint64     leak;         /* KZ2026-0001 */
  gint64     dirty;        /* KZ2026-0002, closed */
  gint64     building_1;
} PdTestPatrolMonth;

static inline void
pd_test_patrol_clock (PdContext  *ctx,
                      const char *when)
{
  g_autoptr (GTimeZone) zone = g_time_zone_new_local ();
  int y, mo, d, h, mi;
  g_autoptr (GDateTime) now = NULL;

  g_assert_cmpint (sscanf (when, "%d-%d-%d %d:%d", &y, &mo, &d, &h, &mi), ==, 5);
  now = g_date_time_new (zone, y, mo, d, h, mi, 0);
  pd_context_set_now (ctx, now);
}

static inline gint64
pd_test_patrol_unit (PdContext  *ctx,
                     const char *code,
                     const char *state)
{
  g_autoptr (PdUnit) unit = pd_unit_new ();
  g_autoptr (GError) error = NULL;
  gint64 id;

  unit->code = g_strdup (code);
  g_free (unit->state);
  unit->state = g_strdup (state);
  id = pd_unit_create (ctx, pd_estate_current_id (ctx, NULL), unit, &error);
  g_assert_no_error (error);
  return id;
}

static inline gint64
pd_test_patrol_key (PdContext  *ctx,
                    const char *code,
                    gint64      unit_id)
{
  g_autoptr (PdKey) key = pd_key_new ();
  g_autoptr (GError) error = NULL;
  gint64 id;

  g_free (key->code);
  key->code = g_strdup (code);
  key->unit_id = unit_id;
  id = pd_key_add (ctx, key, &error);
  g_assert_no_error (error);
  return id;
}

/* Records a patrol of @unit_id by @inspector today with the problems
 * (checklist index, note) given, -1 terminated. */
static inline gint64
pd_test_patrol_record (PdContext  *ctx,
                       gint64      unit_id,
                       const char *inspector,
                       int         problem,
                       const char *note,
                       int         problem2)
{
  g_autoptr (PdPatrol) patrol = pd_patrol_new_for_unit (ctx, unit_id);
  g_autoptr (GError) error = NULL;
  gint64 id;

  g_free (patrol->inspector);
  patrol->inspector = g_strdup (inspector);
  if (problem >= 0)
    pd_patrol_set_item (patrol, (guint) problem, TRUE, note);
  if (problem2 >= 0)
    pd_patrol_set_item (patrol, (guint) problem2, TRUE, NULL);
  id = pd_patrol_record (ctx, patrol, &error);
  g_assert_no_error (error);
  return id;
}

static inline PdTestPatrolMonth
pd_test_patrol_month (void)
{
  PdTestPatrolMonth m = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) anomalies = NULL;
  gint64 u101, u102, u201, u1201, u2101, k101, k102, k201, loan;

  m.ctx = pd_test_context_new ("2026-03-01 09:00:00");
  u101 = pd_test_patrol_unit (m.ctx, "1-1-101", "vacant");
  u102 = pd_test_patrol_unit (m.ctx, "1-1-102", "vacant");
  u1201 = pd_test_patrol_unit (m.ctx, "1-2-101", "vacant");
  u201 = pd_test_patrol_unit (m.ctx, "1-1-201", "occupied");
  u2101 = pd_test_patrol_unit (m.ctx, "2-1-101", "vacant");
  k101 = pd_test_patrol_key (m.ctx, "K101", u101);
  k102 = pd_test_patrol_key (m.ctx, "K102", u102);
  k201 = pd_test_patrol_key (m.ctx, "K201", u1201);
  (void) u201;
  g_assert_true (pd_patrol_sync_vacancies (m.ctx, &error));
  m.building_1 = pd_patrol_find_building (m.ctx, "1", &error);
  g_assert_no_error (error);

  /* Items: 3 leakage, 8 occupation, 9 cleanliness (DOMAIN §4 order). */
  pd_test_patrol_clock (m.ctx, "2026-03-10 09:00");
  loan = pd_key_sign_out (m.ctx, k101, "李管家", "空置房巡查", NULL, &error);
  g_assert_no_error (error);
  m.patrol_101 = pd_test_patrol_record (m.ctx, u101, "李管家", 3, "主卧天花板渗水", 9);
  anomalies = pd_anomaly_list_for_patrol (m.ctx, m.patrol_101, &error);
  g_assert_cmpuint (anomalies->len, ==, 2);
  m.leak = ((PdAnomaly *) anomalies->pdata[0])->id;
  m.dirty = ((PdAnomaly *) anomalies->pdata[1])->id;
  pd_test_patrol_clock (m.ctx, "2026-03-10 14:00");
  g_assert_true (pd_key_sign_back (m.ctx, loan, &error));

  pd_test_patrol_clock (m.ctx, "2026-03-11 16:00");
  g_assert_true (pd_anomaly_close (m.ctx, m.dirty, "fixed", "保洁已清扫", &error));
  g_assert_no_error (error);

  pd_test_patrol_clock (m.ctx, "2026-03-12 10:00");
  pd_test_patrol_record (m.ctx, u1201, "王管家", -1, NULL, -1);
  g_assert_true (pd_anomaly_add_follow_up (m.ctx, m.leak, "工程部已上门查看", &error));

  pd_test_patrol_clock (m.ctx, "2026-03-18 10:00");
  pd_test_patrol_record (m.ctx, u2101, "李管家", 8, "有人私自居住", -1);

  pd_test_patrol_clock (m.ctx, "2026-03-19 10:00");
  pd_key_sign_out (m.ctx, k102, "赵工", "查看渗水", NULL, &error);
  g_assert_no_error (error);
  pd_test_patrol_clock (m.ctx, "2026-03-20 09:00");
  pd_key_sign_out (m.ctx, k201, "王管家", "带看", NULL, &error);
  g_assert_no_error (error);
  pd_test_patrol_clock (m.ctx, "2026-03-20 10:00");
  return m;
}
