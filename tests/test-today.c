/* The Today list (issue #10): a fixture with items on both sides of every
 * deadline, built through each feature's own API with the clock moved back
 * to when things happened.  Today is Friday 2026-10-09, the day after the
 * National Day holidays (10-01..10-07); Saturday 10-10 is a make-up working
 * day (调休), so "by the next working day" means by Saturday. */
#include "config.h"

#include <string.h>

#include "pd-calendar.h"
#include "pd-deposit-ledger.h"
#include "pd-key-register.h"
#include "pd-patrol-anomaly.h"
#include "pd-patrol-vacancy.h"
#include "pd-patrol.h"
#include "pd-renovation-patrol.h"
#include "pd-survey-followup.h"
#include "pd-test-handover.h"
#include "pd-test-survey.h"
#include "pd-today.h"
#include "renovation-fixture.h"

#define TODAY "2026-10-09 10:00:00"

static const char *const severity_names[] = { "overdue", "today", "soon", "open" };

/* ---- renovations ---------------------------------------------------------- */

static gint64
submitted_on (PdContext  *ctx,
              GRand      *rand,
              const char *code,
              const char *day)
{
  gint64 unit = fx_unit (ctx, code, "residential", "handed_over");
  gint64 owner = fx_person (ctx, rand, "钱业主");
  gint64 id;
  g_autofree char *when = g_strconcat (day, " 09:00:00", NULL);

  fx_role (ctx, unit, owner, "owner", 0);
  id = fx_application (ctx, rand, unit, owner);
  pd_test_set_now (ctx, when);
  fx_run_to (ctx, id, "submitted");
  pd_test_set_now (ctx, TODAY);
  return id;
}

static void
patrol_at (PdContext             *ctx,
           gint64                 renovation_id,
           const char            *at,
           PdRenovationViolation *violation)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PdRenovationPatrol) patrol = pd_renovation_patrol_new ();
  g_autofree char *now = g_strconcat (at, ":00", NULL);

  pd_test_set_now (ctx, now);
  patrol->renovation_id = renovation_id;
  pd_renovation_set_text (&patrol->inspector, "楼管王");
  pd_renovation_set_text (&patrol->result, violation ? "violation" : "ok");
  pd_renovation_set_text (&patrol->note, violation ? "垃圾未袋装" : "");
  g_assert_cmpint (pd_renovation_patrol_add (ctx, patrol, violation, &error), >, 0);
  g_assert_no_error (error);
  pd_test_set_now (ctx, TODAY);
}

/* A "D" violation (500 yuan from the deposit) found at @at. */
static void
violation_at (PdContext  *ctx,
              gint64      renovation_id,
              const char *at)
{
  g_autoptr (PdRenovationViolation) found = pd_renovation_violation_new ();

  pd_renovation_set_text (&found->code, "D");
  pd_renovation_set_text (&found->description, "垃圾未袋装");
  patrol_at (ctx, renovation_id, at, found);
}

static void
patrolled_twice_today (PdContext *ctx,
                       gint64     renovation_id)
{
  patrol_at (ctx, renovation_id, "2026-10-09 08:30", NULL);
  patrol_at (ctx, renovation_id, "2026-10-09 09:30", NULL);
}

/* ---- vacant units ----------------------------------------------------------- */

static gint64
vacant_unit (PdContext  *ctx,
             const char *code,
             const char *since,
             const char *last_patrol)
{
  g_autoptr (GError) error = NULL;
  gint64 id = pd_test_make_unit (ctx, code, "vacant", "residential");

  g_assert_true (pd_patrol_set_vacant_since (ctx, id, since, &error));
  g_assert_no_error (error);
  if (last_patrol != NULL)
    {
      g_autoptr (PdPatrol) patrol = pd_patrol_new_for_unit (ctx, id);

      g_free (patrol->patrolled_on);
      patrol->patrolled_on = g_strdup (last_patrol);
      g_assert_cmpint (pd_patrol_record (ctx, patrol, &error), >, 0);
      g_assert_no_error (error);
    }
  return id;
}

static gint64
anomaly (PdContext  *ctx,
         gint64      unit_id,
         const char *kind,
         const char *found_on)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PdAnomaly) a = pd_anomaly_new ();
  gint64 id;

  a->unit_id = unit_id;
  g_free (a->kind);
  a->kind = g_strdup (kind);
  g_free (a->description);
  a->description = g_strdup ("巡查发现");
  g_free (a->found_on);
  a->found_on = g_strdup (found_on);
  id = pd_anomaly_report (ctx, a, &error);
  g_assert_no_error (error);
  return id;
}

static gint64
key_loan (PdContext  *ctx,
          const char *code,
          gint64      unit_id,
          const char *out_at,
          const char *due_at)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PdKey) key = pd_key_new ();
  gint64 key_id, loan_id;

  g_free (key->code);
  key->code = g_strdup (code);
  key->unit_id = unit_id;
  g_free (key->label);
  key->label = g_strdup (unit_id ? "" : "设备房");
  key_id = pd_key_add (ctx, key, &error);
  g_assert_no_error (error);
  pd_test_set_now (ctx, out_at);
  loan_id = pd_key_sign_out (ctx, key_id, "巡查员小李", "空置房巡查", due_at, &error);
  g_assert_no_error (error);
  pd_test_set_now (ctx, TODAY);
  return loan_id;
}

/* ---- handovers ---------------------------------------------------------------- */

static gint64
handover (PdContext  *ctx,
          const char *code,
          const char *day,
          guint32     seed)
{
  g_autoptr (GError) error = NULL;
  gint64 unit = pd_test_make_unit (ctx, code, "unsold", "residential");
  gint64 owner = pd_test_make_owner (ctx, unit, "孙业主", seed);
  gint64 id;

  id = pd_handover_start (ctx, unit, owner, NULL, day, &error);
  g_assert_no_error (error);
  return id;
}

static void
defect_at (PdContext  *ctx,
           gint64      handover_id,
           const char *recorded_at,
           const char *deadline,
           const char *description)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PdHandoverDefect) defect = pd_handover_defect_new ();

  pd_test_set_now (ctx, recorded_at);
  defect->handover_id = handover_id;
  g_free (defect->room);
  defect->room = g_strdup ("客厅");
  g_free (defect->description);
  defect->description = g_strdup (description);
  g_free (defect->responsible);
  defect->responsible = g_strdup ("建设单位");
  g_free (defect->deadline);
  defect->deadline = g_strdup (deadline);
  g_assert_cmpint (pd_handover_defect_add (ctx, defect, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpstr (defect->deadline, ==, deadline);
  pd_test_set_now (ctx, TODAY);
}

/* ---- surveys ------------------------------------------------------------------- */

static gint64
opinion (PdContext  *ctx,
         gint64      campaign,
         const char *code,
         const char *received_on,
         int         stages_done)
{
  g_autoptr (GError) error = NULL;
  gint64 unit = pd_test_count (ctx, "SELECT id FROM unit WHERE code = ?", code);
  g_autofree char *sql = g_strdup_printf ("SELECT f.id FROM survey_followup f JOIN survey_response r "
                                          "ON r.id = f.response_id WHERE r.unit_id = %" G_GINT64_FORMAT, unit);
  static const char *const texts[] = { "工程部", "更换楼道灯", "", "业主满意" };
  gint64 id;

  pd_test_survey_ok_form (ctx, campaign, code, "4444444444444", received_on, "楼道灯坏了");
  id = pd_test_count (ctx, sql, NULL);
  g_assert_cmpint (id, >, 0);
  for (int stage = 0; stage < stages_done; stage++)
    {
      g_autofree char *day = pd_date_add_days (received_on, 1 + stage);
      g_assert_true (pd_survey_followup_sign (ctx, id, stage, texts[stage], day, "", &error));
      g_assert_no_error (error);
    }
  return id;
}

/* ---- leases --------------------------------------------------------------------- */

static gint64
tenant (PdContext  *ctx,
        GRand      *rand,
        const char *code,
        const char *lease_end)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PdUnitRole) role = pd_unit_role_new ("tenant");
  gint64 unit = pd_test_make_unit (ctx, code, "rented", "residential");
  gint64 owner = fx_person (ctx, rand, "周业主");
  gint64 person = fx_person (ctx, rand, "吴租客");

  fx_role (ctx, unit, owner, "owner", 0);
  role->unit_id = unit;
  role->person_id = person;
  g_free (role->start_on);
  role->start_on = g_strdup ("2025-10-01");
  g_free (role->lease_end);
  role->lease_end = g_strdup (lease_end);
  role->authorised_by = owner;
  g_assert_cmpint (pd_unit_role_add (ctx, role, &error), >, 0);
  g_assert_no_error (error);
  return role->id;
}

/* ---- the list as text ------------------------------------------------------------ */

static char *
describe (GPtrArray *groups,
          PdTodayKind kind)
{
  PdTodayGroup *group = groups->pdata[kind];
  GString *text = g_string_new ("");
  int overdue = 0;

  g_assert_cmpint (group->kind, ==, kind);
  for (guint i = 0; i < group->items->len; i++)
    {
      PdTodayItem *item = group->items->pdata[i];

      g_assert_cmpint (item->kind, ==, kind);
      g_assert_cmpstr (item->description, !=, "");
      g_string_append_printf (text, "%s%s %s %s", i ? "; " : "", item->unit_code,
                              severity_names[item->severity], item->due);
      overdue += item->severity == PD_TODAY_OVERDUE;
    }
  g_assert_cmpint (group->n_overdue, ==, overdue);
  return g_string_free (text, FALSE);
}

static GPtrArray *
collect (PdContext *ctx)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *groups = pd_today_collect (ctx, &error);

  g_assert_no_error (error);
  g_assert_nonnull (groups);
  g_assert_cmpuint (groups->len, ==, PD_TODAY_N_KINDS);
  return groups;
}

#define ASSERT_GROUP(groups, kind, expected) \
  G_STMT_START { \
    g_autofree char *got_ = describe ((groups), (kind)); \
    g_assert_cmpstr (got_, ==, (expected)); \
  } G_STMT_END

/* The cached statement whose SQL contains @marker ran without a full scan,
 * a sort or an automatic index, as its rows grow with the portfolio. */
static void
assert_read_through_indexes (PdContext  *ctx,
                             const char *marker)
{
  sqlite3 *db = pd_database_get_handle (pd_context_get_database (ctx));
  guint found = 0;

  for (sqlite3_stmt *stmt = sqlite3_next_stmt (db, NULL); stmt != NULL; stmt = sqlite3_next_stmt (db, stmt))
    {
      const char *sql = sqlite3_sql (stmt);

      if (strstr (sql, marker) == NULL)
        continue;
      g_assert_cmpint (sqlite3_stmt_status (stmt, SQLITE_STMTSTATUS_VM_STEP, FALSE), >, 0);
      if (sqlite3_stmt_status (stmt, SQLITE_STMTSTATUS_FULLSCAN_STEP, FALSE) != 0 ||
          sqlite3_stmt_status (stmt, SQLITE_STMTSTATUS_SORT, FALSE) != 0 ||
          sqlite3_stmt_status (stmt, SQLITE_STMTSTATUS_AUTOINDEX, FALSE) != 0)
        g_error ("Today's read scanned or sorted: %s", sql);
      found++;
    }
  g_assert_cmpuint (found, ==, 1);
}

static PdTodayItem *
item_at (GPtrArray  *groups,
         PdTodayKind kind,
         guint       index)
{
  PdTodayGroup *group = groups->pdata[kind];

  g_assert_cmpuint (index, <, group->items->len);
  return group->items->pdata[index];
}

static void
test_today_fixture (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new (TODAY);
  g_autoptr (GRand) rand = g_rand_new_with_seed (10);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) groups = NULL;
  gint64 late_review, on_site[8], vacant_due, anomaly_old, defect_handover, notice_handover, late_visit;
  gint64 overdue_loan, lease_unit;

  /* Reviews: 3 working days.  Submitted Mon 09-28: 09-29, 09-30, 10-08 →
   * due Thursday, overdue.  Tue 09-29 → due today.  Wed 09-30 → due on the
   * make-up Saturday 10-10, soon (10-05 without the holiday calendar).
   * Thu 10-08 → due Monday 10-12, not yet.  An approved one is answered. */
  late_review = submitted_on (ctx, rand, "1-1-101", "2026-09-28");
  submitted_on (ctx, rand, "1-1-102", "2026-09-29");
  submitted_on (ctx, rand, "1-1-103", "2026-09-30");
  submitted_on (ctx, rand, "1-1-104", "2026-10-08");
  fx_run_to (ctx, submitted_on (ctx, rand, "1-1-105", "2026-09-28"), "approved");

  /* Works on site: 2-1-101 patrolled twice today, 2-1-102 once, 2-1-103
   * not at all.  The rest are patrolled twice today; their deposits: a
   * deduction on 10-05 (top-up due 10-08, overdue), 10-06 (due today),
   * 10-08 (due Sunday 10-11), one topped up again, one stopped work. */
  for (guint i = 0; i < G_N_ELEMENTS (on_site); i++)
    {
      g_autofree char *code = g_strdup_printf ("2-1-10%u", i + 1);
      pd_test_set_now (ctx, "2026-09-20 09:00:00");
      on_site[i] = fx_on_site (ctx, rand, code);
      pd_test_set_now (ctx, TODAY);
    }
  patrolled_twice_today (ctx, on_site[0]);
  patrol_at (ctx, on_site[1], "2026-10-08 09:00", NULL);
  patrol_at (ctx, on_site[1], "2026-10-08 15:00", NULL);
  patrol_at (ctx, on_site[1], "2026-10-09 08:30", NULL);
  violation_at (ctx, on_site[3], "2026-10-05 10:00");
  violation_at (ctx, on_site[4], "2026-10-06 10:00");
  violation_at (ctx, on_site[5], "2026-10-08 10:00");
  violation_at (ctx, on_site[6], "2026-10-05 10:00");
  pd_test_set_now (ctx, "2026-10-07 10:00:00");
  g_assert_true (pd_deposit_top_up (ctx, on_site[6], 50000, NULL, &error));
  g_assert_true (pd_renovation_stop_work (ctx, on_site[7], "擅自拆改承重墙", &error));
  g_assert_no_error (error);
  pd_test_set_now (ctx, TODAY);
  for (guint i = 3; i < G_N_ELEMENTS (on_site); i++)
    patrolled_twice_today (ctx, on_site[i]);

  /* Vacant units, twice a month (10-01..10-15 is this period): last seen
   * 09-20 → due 10-15; 09-10 → the 09-16..09-30 half was missed, overdue;
   * patrolled 10-08 → done; vacant since 10-05, never patrolled → due 10-15. */
  vacant_unit (ctx, "3-1-101", "2026-06-01", "2026-09-20");
  vacant_due = vacant_unit (ctx, "3-1-102", "2026-06-01", "2026-09-10");
  vacant_unit (ctx, "3-1-103", "2026-06-01", "2026-10-08");
  vacant_unit (ctx, "3-1-104", "2026-10-05", NULL);
  {
    gint64 leaky = vacant_unit (ctx, "3-1-105", "2026-06-01", "2026-10-08");
    gint64 broken = vacant_unit (ctx, "3-1-106", "2026-06-01", "2026-10-08");

    /* Engineering has 3 working days: found 09-28 → 10-08 (overdue); found
     * 09-30 → 10-10, the make-up Saturday (soon).  Cleaning has 1: found
     * 10-08 → today.  A closed one is done. */
    anomaly_old = anomaly (ctx, leaky, "leak", "2026-09-28");
    anomaly (ctx, broken, "damage", "2026-09-30");
    anomaly (ctx, leaky, "dirty", "2026-10-08");
    g_assert_true (pd_anomaly_close (ctx, anomaly (ctx, broken, "leak", "2026-09-21"), "fixed", "已修复", &error));
    g_assert_no_error (error);

    /* Keys: due back yesterday 13:00 (overdue), today 12:00, tomorrow
     * 09:00 (not yet), and one returned. */
    overdue_loan = key_loan (ctx, "K-01", leaky, "2026-10-08 09:00:00", "2026-10-08 13:00");
    key_loan (ctx, "K-02", broken, "2026-10-09 08:00:00", "2026-10-09 12:00");
    key_loan (ctx, "K-03", 0, "2026-10-09 09:00:00", "2026-10-10 09:00");
    g_assert_true (pd_key_sign_back (ctx, key_loan (ctx, "K-04", 0, "2026-10-08 09:00:00", "2026-10-08 13:00"),
                                     &error));
    g_assert_no_error (error);
  }

  /* Handover defects agreed on 09-24, notices sent: deadlines yesterday,
   * today, the make-up Saturday (soon) and Monday (not yet). */
  pd_test_set_now (ctx, "2026-09-24 09:00:00");
  defect_handover = handover (ctx, "4-1-101", "2026-09-24", 41);
  defect_at (ctx, defect_handover, "2026-09-24 10:00:00", "2026-10-08", "墙面空鼓");
  defect_at (ctx, defect_handover, "2026-09-24 10:00:00", "2026-10-09", "窗户密封条脱落");
  defect_at (ctx, defect_handover, "2026-09-24 10:00:00", "2026-10-10", "地漏堵塞");
  defect_at (ctx, defect_handover, "2026-09-24 10:00:00", "2026-10-12", "插座松动");
  pd_test_set_now (ctx, "2026-09-24 11:00:00");
  {
    g_autofree char *notice_no = NULL;
    g_assert_true (pd_handover_send_notice (ctx, defect_handover, &notice_no, &error));
    g_assert_no_error (error);
  }
  /* Notices due 24 hours after the defect: recorded yesterday 08:00 →
   * overdue at 08:00 today; yesterday 13:00 → due 13:00 today (within the
   * 4 warning hours); today 09:00 → due tomorrow. */
  pd_test_set_now (ctx, "2026-10-08 08:00:00");
  notice_handover = handover (ctx, "4-1-102", "2026-10-08", 42);
  defect_at (ctx, notice_handover, "2026-10-08 08:00:00", "2026-10-30", "门锁损坏");
  defect_at (ctx, notice_handover, "2026-10-08 13:00:00", "2026-10-30", "墙面裂缝");
  defect_at (ctx, notice_handover, "2026-10-09 09:00:00", "2026-10-30", "玻璃划痕");

  /* Opinions (calendar days): routing due 2 days after receipt — received
   * 10-06 (late), 10-07 (due today), 10-08 (due the 10th, soon), 10-09 (not
   * yet); measures due 3 days after routing (routed 09-21, late); visit due
   * 14 days after the rectification (09-23 → 10-07, late); a rectification
   * has no limit; a closed one is done. */
  for (guint i = 1; i <= 8; i++)
    {
      g_autofree char *code = g_strdup_printf ("5-1-10%u", i);
      pd_test_make_unit (ctx, code, "occupied", "residential");
    }
  {
    gint64 campaign = pd_test_survey_campaign (ctx, "2026年秋季满意度调查", "2026-09-01", "2026-10-31", "all",
                                               NULL, 0);
    opinion (ctx, campaign, "5-1-101", "2026-10-06", 0);
    opinion (ctx, campaign, "5-1-102", "2026-10-07", 0);
    opinion (ctx, campaign, "5-1-103", "2026-10-08", 0);
    opinion (ctx, campaign, "5-1-104", "2026-10-09", 0);
    late_visit = opinion (ctx, campaign, "5-1-105", "2026-09-20", 3);
    opinion (ctx, campaign, "5-1-106", "2026-09-20", 1);
    opinion (ctx, campaign, "5-1-107", "2026-09-20", 2);
    opinion (ctx, campaign, "5-1-108", "2026-09-20", 4);
  }

  /* Leases, warned 30 days ahead (until 11-08): ended 10-01 but the tenant
   * is still on file, ends today, ends 11-08, ends 11-09 (not yet), and one
   * ended and taken off. */
  tenant (ctx, rand, "6-1-101", "2026-10-01");
  tenant (ctx, rand, "6-1-102", "2026-10-09");
  tenant (ctx, rand, "6-1-103", "2026-11-08");
  tenant (ctx, rand, "6-1-104", "2026-11-09");
  g_assert_true (pd_unit_role_end (ctx, tenant (ctx, rand, "6-1-105", "2026-10-05"), "2026-10-05", &error));
  g_assert_no_error (error);
  lease_unit = pd_test_count (ctx, "SELECT id FROM unit WHERE code = ?", "6-1-101");

  groups = collect (ctx);
  ASSERT_GROUP (groups, PD_TODAY_RENOVATION_REVIEW,
                "1-1-101 overdue 2026-10-08; 1-1-102 today 2026-10-09; 1-1-103 soon 2026-10-10");
  g_assert_cmpint (item_at (groups, PD_TODAY_RENOVATION_REVIEW, 0)->record_id, ==, late_review);
  ASSERT_GROUP (groups, PD_TODAY_RENOVATION_PATROL, "2-1-102 today 2026-10-09; 2-1-103 today 2026-10-09");
  g_assert_cmpint (item_at (groups, PD_TODAY_RENOVATION_PATROL, 0)->record_id, ==, on_site[1]);
  g_assert_cmpstr (item_at (groups, PD_TODAY_RENOVATION_PATROL, 0)->description, ==, "Patrolled 1 of 2 times today");
  ASSERT_GROUP (groups, PD_TODAY_RENOVATION_STOPPED,
                "2-1-104 overdue 2026-10-08; 2-1-105 today 2026-10-09; "
                "2-1-108 open 2026-10-07; 2-1-106 open 2026-10-11");
  g_assert_cmpint (item_at (groups, PD_TODAY_RENOVATION_STOPPED, 2)->record_id, ==, on_site[7]);
  ASSERT_GROUP (groups, PD_TODAY_VACANT_PATROL,
                "3-1-102 overdue 2026-09-30; 3-1-101 open 2026-10-15; 3-1-104 open 2026-10-15");
  g_assert_cmpint (item_at (groups, PD_TODAY_VACANT_PATROL, 0)->record_id, ==, vacant_due);
  /* Anomalies oldest first. */
  ASSERT_GROUP (groups, PD_TODAY_ANOMALY,
                "3-1-105 overdue 2026-10-08; 3-1-106 soon 2026-10-10; 3-1-105 today 2026-10-09");
  g_assert_cmpint (item_at (groups, PD_TODAY_ANOMALY, 0)->record_id, ==, anomaly_old);
  ASSERT_GROUP (groups, PD_TODAY_HANDOVER_DEFECT,
                "4-1-101 overdue 2026-10-08; 4-1-101 today 2026-10-09; 4-1-101 soon 2026-10-10");
  g_assert_cmpint (item_at (groups, PD_TODAY_HANDOVER_DEFECT, 0)->record_id, ==, defect_handover);
  ASSERT_GROUP (groups, PD_TODAY_HANDOVER_NOTICE,
                "4-1-102 overdue 2026-10-09 08:00; 4-1-102 today 2026-10-09 13:00");
  g_assert_cmpint (item_at (groups, PD_TODAY_HANDOVER_NOTICE, 0)->record_id, ==, notice_handover);
  ASSERT_GROUP (groups, PD_TODAY_SURVEY_FOLLOWUP,
                "5-1-106 overdue 2026-09-24; 5-1-105 overdue 2026-10-07; 5-1-101 overdue 2026-10-08; "
                "5-1-102 today 2026-10-09; 5-1-103 soon 2026-10-10");
  g_assert_cmpint (item_at (groups, PD_TODAY_SURVEY_FOLLOWUP, 1)->record_id, ==, late_visit);
  g_assert_cmpstr (item_at (groups, PD_TODAY_SURVEY_FOLLOWUP, 1)->description, ==,
                   "Return visit pending; opinion: 楼道灯坏了");
  ASSERT_GROUP (groups, PD_TODAY_LEASE,
                "6-1-101 overdue 2026-10-01; 6-1-102 today 2026-10-09; 6-1-103 soon 2026-11-08");
  g_assert_cmpint (item_at (groups, PD_TODAY_LEASE, 0)->record_id, ==, lease_unit);
  ASSERT_GROUP (groups, PD_TODAY_KEY_LOAN, " overdue 2026-10-08 13:00;  today 2026-10-09 12:00");
  g_assert_cmpint (item_at (groups, PD_TODAY_KEY_LOAN, 0)->record_id, ==, overdue_loan);
  g_clear_pointer (&groups, g_ptr_array_unref);

  /* On the make-up Saturday the next working day is Monday 10-12: the
   * review due 10-12 comes up, the one due 10-10 is due today. */
  pd_test_set_now (ctx, "2026-10-10 10:00:00");
  groups = collect (ctx);
  ASSERT_GROUP (groups, PD_TODAY_RENOVATION_REVIEW,
                "1-1-101 overdue 2026-10-08; 1-1-102 overdue 2026-10-09; 1-1-103 today 2026-10-10; "
                "1-1-104 soon 2026-10-12");
  ASSERT_GROUP (groups, PD_TODAY_HANDOVER_DEFECT,
                "4-1-101 overdue 2026-10-08; 4-1-101 overdue 2026-10-09; 4-1-101 today 2026-10-10; "
                "4-1-101 soon 2026-10-12");
  /* Both reads found the renovations through migration 032's indexes. */
  assert_read_through_indexes (ctx, "max(d.kind = 'deduction')");
}

static void
test_today_empty (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new (TODAY);
  g_autoptr (GPtrArray) groups = collect (ctx);

  for (guint i = 0; i < groups->len; i++)
    {
      PdTodayGroup *group = groups->pdata[i];
      g_assert_cmpuint (group->items->len, ==, 0);
      g_assert_cmpstr (pd_today_kind_label (group->kind), !=, "");
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/today/fixture", test_today_fixture);
  g_test_add_func ("/today/empty", test_today_empty);
  return g_test_run ();
}
