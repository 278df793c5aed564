/* pd-test-kpi.h — the monthly KPI fixture (core, export, print tests): an
 * office with records on both sides of every month boundary and deadline of
 * October 2026, September 2026 and October 2025, built through the core
 * where a clock decides a deadline, and the figures counted by hand.
 *
 * The calendar: 2026-09-25..27 中秋节 and 2026-10-01..07 国庆节 are holidays,
 * Sunday 2026-09-20 and Saturday 2026-10-10 are make-up working days.  The
 * report is made on 2026-11-05. */
#pragma once

#include <math.h>

#include "pd-database.h"
#include "pd-deposit-ledger.h"
#include "pd-handover-defect.h"
#include "pd-kpi.h"
#include "pd-patrol-vacancy.h"
#include "pd-release-slip.h"
#include "pd-renovation-patrol.h"
#include "pd-test-handover.h"
#include "pd-test-survey.h"
#include "renovation-fixture.h"

#define PD_TEST_KPI_NOW "2026-11-05 10:00:00"

/* expected[line][period] — see the fixture below for where each comes from. */
static const double pd_test_kpi_expected[PD_KPI_N_LINES][PD_KPI_N_PERIODS] = {
  /*                              2026-10   2026-09   2025-10 */
  [PD_KPI_HANDOVERS] =           { 2,        1,        1 },
  [PD_KPI_DEFECTS_CLOSED] =      { 2,        1,        1 },
  [PD_KPI_DEFECTS_ON_TIME] =     { 1,        1,        0 },
  [PD_KPI_DEFECTS_RATE] =        { 0.5,      1,        0 },
  [PD_KPI_RENOVATIONS_STARTED] = { 2,        1,        1 },
  [PD_KPI_RENOVATIONS_ACCEPTED] = { 1,       0,        1 },
  [PD_KPI_REVIEWS_ANSWERED] =    { 2,        1,        1 },
  [PD_KPI_REVIEWS_ON_TIME] =     { 1,        1,        1 },
  [PD_KPI_REVIEWS_RATE] =        { 0.5,      1,        1 },
  [PD_KPI_VIOLATIONS] =          { 1,        1,        0 },
  [PD_KPI_DEDUCTIONS] =          { 50000,    100000,   0 },
  [PD_KPI_PATROLS_DUE] =         { 4,        4,        4 },
  [PD_KPI_PATROLS_DONE] =        { 3,        2,        0 },
  [PD_KPI_PATROLS_RATE] =        { 0.75,     0.5,      0 },
  [PD_KPI_OPEN_ANOMALIES] =      { 2,        1,        1 },
  [PD_KPI_OLDEST_ANOMALY] =      { 30,       10,       21 },
  [PD_KPI_RELEASE_SLIPS] =       { 2,        1,        1 },
  [PD_KPI_SURVEY_TARGETS] =      { 6,        1,        0 },
  [PD_KPI_SURVEY_RESPONSES] =    { 3,        1,        0 },
  [PD_KPI_SURVEY_COVERAGE] =     { 0.5,      1,        NAN },
  [PD_KPI_SURVEY_SATISFACTION] = { 4.0 / 6,  1,        NAN },
};

static inline void
pd_test_kpi_sql (PdContext  *ctx,
                 const char *sql)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (pd_database_exec (pd_context_get_database (ctx), sql, &error));
  g_assert_no_error (error);
}

/* A renovation of a new unit: submitted at @submit, answered (approved)
 * at @reply, works started at @start; clock times "YYYY-MM-DD HH:MM". */
static inline gint64
pd_test_kpi_renovation (PdContext  *ctx,
                        GRand      *rand,
                        const char *code,
                        const char *submit,
                        const char *reply,
                        const char *start)
{
  gint64 unit = fx_unit (ctx, code, "residential", "handed_over");
  gint64 owner = fx_person (ctx, rand, "孙业主");
  gint64 id;

  fx_role (ctx, unit, owner, "owner", 0);
  pd_test_set_now (ctx, submit);
  id = fx_application (ctx, rand, unit, owner);
  fx_run_to (ctx, id, "submitted");
  pd_test_set_now (ctx, reply);
  fx_run_to (ctx, id, "approved");
  fx_run_to (ctx, id, "permit_issued");
  pd_test_set_now (ctx, start);
  fx_run_to (ctx, id, "in_progress");
  return id;
}

static inline void
pd_test_kpi_accept (PdContext  *ctx,
                    gint64      renovation_id,
                    const char *at)
{
  pd_test_set_now (ctx, at);
  fx_run_to (ctx, renovation_id, "accepted");
}

/* A violation found on a patrol at @at: the schedule's penalty comes off
 * the deposit.  With @rectify_at, rectified then. */
static inline void
pd_test_kpi_violation (PdContext  *ctx,
                       gint64      renovation_id,
                       const char *at,
                       const char *code,
                       const char *rectify_at)
{
  g_autoptr (PdRenovationPatrol) patrol = pd_renovation_patrol_new ();
  g_autoptr (PdRenovationViolation) found = pd_renovation_violation_new ();
  g_autoptr (GError) error = NULL;

  pd_test_set_now (ctx, at);
  patrol->renovation_id = renovation_id;
  pd_renovation_set_text (&patrol->inspector, "楼管王");
  pd_renovation_set_text (&patrol->result, "violation");
  pd_renovation_set_text (&found->code, code);
  pd_renovation_set_text (&found->description, "违规施工");
  g_assert_cmpint (pd_renovation_patrol_add (ctx, patrol, found, &error), >, 0);
  g_assert_no_error (error);
  if (rectify_at != NULL)
    {
      pd_test_set_now (ctx, rectify_at);
      g_assert_true (pd_renovation_violation_rectified (ctx, found->id, &error));
      g_assert_no_error (error);
    }
}

static inline void
pd_test_kpi_renovations (PdContext *ctx)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (11);
  gint64 r1, r2, r3, r4;

  /* Submitted on Wednesday 2026-09-30: the 3 working days skip National
   * Day and end on the make-up Saturday, 2026-10-10 — answered that day
   * (on time) and on Monday 10-12 (late). */
  r1 = pd_test_kpi_renovation (ctx, rand, "6-1-101", "2026-09-30 10:00", "2026-10-10 09:00", "2026-10-12 08:00");
  r2 = pd_test_kpi_renovation (ctx, rand, "6-1-102", "2026-09-30 11:00", "2026-10-12 09:00", "2026-10-31 23:00");
  /* Thursday 2026-09-24: Mid-Autumn (25–27) skipped, due Wednesday 09-30;
   * works start in the last minute of September, accepted in the first of
   * October. */
  r3 = pd_test_kpi_renovation (ctx, rand, "6-1-103", "2026-09-24 10:00", "2026-09-30 17:00", "2026-09-30 23:58");
  pd_test_kpi_violation (ctx, r3, "2026-09-30 23:59", "C", "2026-09-30 23:59");   /* 1000 yuan */
  pd_test_kpi_accept (ctx, r3, "2026-10-01 00:00");
  pd_test_kpi_violation (ctx, r2, "2026-10-31 23:30", "D", NULL);   /* 500 yuan, October */
  pd_test_kpi_violation (ctx, r2, "2026-11-01 09:00", "B", NULL);   /* November */
  pd_test_kpi_accept (ctx, r1, "2026-11-02 10:00");
  /* Last year: no holiday in the way, due Tuesday 2025-10-14. */
  r4 = pd_test_kpi_renovation (ctx, rand, "6-1-104", "2025-10-09 10:00", "2025-10-10 09:00", "2025-10-20 08:00");
  pd_test_kpi_accept (ctx, r4, "2025-10-30 10:00");
}

/* Handovers and their defects.  The deadlines come from the calendar:
 * 7 working days after Tuesday 2026-09-29 is Wednesday 2026-10-14
 * (09-30, 10-08, 10-09, the make-up 10-10, 10-12, 10-13, 10-14). */
static inline void
pd_test_kpi_handovers (PdContext *ctx)
{
  static const char *const days[] = { "2026-09-30", "2026-10-01", "2026-10-31", "2026-11-01", "2025-10-15" };
  g_autofree char *deadline = pd_handover_default_deadline (ctx, "2026-09-29", 7);
  gint64 first = 0;

  g_assert_cmpstr (deadline, ==, "2026-10-14");
  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      g_autofree char *code = g_strdup_printf ("7-1-%u01", i + 1);
      gint64 unit = pd_test_make_unit (ctx, code, "handed_over", "residential");
      gint64 owner = pd_test_make_owner (ctx, unit, "钱业主", 100 + i);
      g_autofree char *sql = g_strdup_printf (
        "INSERT INTO handover (unit_id, owner_id, status, handover_on, created_at) "
        "VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 'defects_open', '%s', '%s 09:00:00')",
        unit, owner, days[i], days[i]);

      pd_test_kpi_sql (ctx, sql);
      if (i == 0)
        first = pd_database_last_insert_id (pd_context_get_database (ctx));
    }
  {
    g_autofree char *sql = g_strdup_printf (
      "INSERT INTO handover_defect (handover_id, description, responsible, recorded_at, notice_due_at, "
      "  deadline, status, closed_on) VALUES "
      "(%1$" G_GINT64_FORMAT ", '墙面开裂', '建设单位', '2026-09-29 10:00:00', '2026-09-30 10:00:00', '%2$s', 'fixed', '2026-10-14'), "
      "(%1$" G_GINT64_FORMAT ", '窗户漏水', '建设单位', '2026-09-29 10:00:00', '2026-09-30 10:00:00', '%2$s', 'fixed', '2026-10-15'), "
      "(%1$" G_GINT64_FORMAT ", '门锁损坏', '建设单位', '2026-09-29 10:00:00', '2026-09-30 10:00:00', '2026-09-30', 'fixed', '2026-09-30'), "
      "(%1$" G_GINT64_FORMAT ", '地漏堵塞', '建设单位', '2026-09-29 10:00:00', '2026-09-30 10:00:00', '%2$s', 'open', ''), "
      "(%1$" G_GINT64_FORMAT " + 4, '插座无电', '建设单位', '2025-10-15 10:00:00', '2025-10-16 10:00:00', '2025-10-20', 'fixed', '2025-10-22')",
      first, deadline);

    pd_test_kpi_sql (ctx, sql);
  }
}

/* Two vacant units of building 5 (twice-monthly: 1st–15th, 16th–end),
 * vacant since June 2025; patrols on both sides of the 15th/16th and of
 * the month's end; anomalies open across the month ends. */
static inline void
pd_test_kpi_patrols (PdContext *ctx)
{
  g_autoptr (GError) error = NULL;
  gint64 v1 = pd_test_make_unit (ctx, "5-1-101", "vacant", "residential");
  gint64 v2 = pd_test_make_unit (ctx, "5-1-102", "vacant", "residential");
  g_autofree char *sql = NULL;

  g_assert_true (pd_patrol_sync_vacancies (ctx, &error));
  g_assert_true (pd_patrol_set_vacant_since (ctx, v1, "2025-06-01", &error));
  g_assert_true (pd_patrol_set_vacant_since (ctx, v2, "2025-06-01", &error));
  g_assert_no_error (error);
  sql = g_strdup_printf (
    "INSERT INTO patrol (unit_id, patrolled_on, inspector, created_at) VALUES "
    "(%1$" G_GINT64_FORMAT ", '2026-09-01', '王敏', '2026-09-01 10:00:00'), "
    "(%1$" G_GINT64_FORMAT ", '2026-10-15', '王敏', '2026-10-15 10:00:00'), "
    "(%1$" G_GINT64_FORMAT ", '2026-10-16', '王敏', '2026-10-16 10:00:00'), "
    "(%2$" G_GINT64_FORMAT ", '2026-09-30', '王敏', '2026-09-30 10:00:00'), "
    "(%2$" G_GINT64_FORMAT ", '2026-10-31', '王敏', '2026-10-31 10:00:00'); "
    "INSERT INTO patrol_anomaly (notice_no, unit_id, kind, description, department, found_on, deadline, "
    "  state, closed_on, reported_by) VALUES "
    "('KZ1', %1$" G_GINT64_FORMAT ", 'leak', '渗水', 'engineering', '2026-09-20', '2026-09-25', 'closed', '2026-10-31', '王敏'), "
    "('KZ2', %1$" G_GINT64_FORMAT ", 'dirty', '垃圾', 'cleaning', '2026-10-31', '2026-11-03', 'open', '', '王敏'), "
    "('KZ3', %2$" G_GINT64_FORMAT ", 'damage', '门损', 'engineering', '2026-11-01', '2026-11-04', 'open', '', '王敏'), "
    "('KZ4', %2$" G_GINT64_FORMAT ", 'leak', '渗水', 'engineering', '2025-10-10', '2025-10-15', 'closed', '2025-11-02', '王敏'), "
    "('KZ5', %2$" G_GINT64_FORMAT ", 'occupation', '占用', 'security', '2026-10-01', '2026-10-09', 'open', '', '王敏')",
    v1, v2);
  pd_test_kpi_sql (ctx, sql);
}

/* Slips issued a second either side of the month ends; a void one still
 * counts as issued. */
static inline void
pd_test_kpi_release_slips (PdContext *ctx)
{
  static const char *const times[] = {
    "2026-09-30 23:59:59", "2026-10-01 00:00:00", "2026-10-31 23:59:00", "2026-11-01 00:00:00",
    "2025-10-31 12:00:00",
  };
  gint64 unit = pd_test_make_unit (ctx, "8-1-101", "occupied", "residential");
  gint64 owner = pd_test_make_owner (ctx, unit, "李业主", 200);

  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      g_autoptr (PdReleaseSlip) slip = pd_release_slip_new ();
      g_autoptr (GError) error = NULL;
      gint64 id;

      pd_test_set_now (ctx, times[i]);
      g_free (slip->unit_code);
      slip->unit_code = g_strdup ("8-1-101");
      slip->applicant_id = owner;
      g_free (slip->reason);
      slip->reason = g_strdup ("other");
      g_ptr_array_add (slip->items, pd_release_item_new ("旧沙发", 1, ""));
      g_free (slip->carrier_name);
      slip->carrier_name = g_strdup ("陈师傅");
      g_free (slip->carrier_id_number);
      slip->carrier_id_number = g_strdup ("11010519491231002X");
      slip->no_dangerous_goods = TRUE;
      id = pd_release_slip_issue (ctx, slip, &error);
      g_assert_no_error (error);
      if (i == 2)
        {
          g_assert_true (pd_release_slip_void (ctx, id, "开错单元", &error));
          g_assert_no_error (error);
        }
    }
}

/* October: buildings 1 and 2 (6 units), 3 forms in the month (10-01,
 * 10-15, 10-31: 4 of 6 answers satisfied) and one on 11-01; September:
 * building 3 (1 unit), one form on 09-30; October 2025: no campaign. */
static inline void
pd_test_kpi_surveys (PdContext *ctx)
{
  static const char *const items[] = { "保洁卫生", "总体满意度", NULL };
  gint64 october, september;

  pd_test_survey_units (ctx);
  pd_test_survey_save_template (ctx, items);
  september = pd_test_survey_campaign (ctx, "2026年9月", "2026-09-01", "2026-09-30", "buildings", "3", 0);
  october = pd_test_survey_campaign (ctx, "2026年10月", "2026-10-01", "2026-10-31", "buildings", "1,2", 0);
  pd_test_survey_ok_form (ctx, september, "3-1-101", "44", "2026-09-30", NULL);
  pd_test_survey_ok_form (ctx, october, "1-1-101", "55", "2026-10-01", NULL);
  pd_test_survey_ok_form (ctx, october, "1-2-101", "51", "2026-10-15", NULL);
  pd_test_survey_ok_form (ctx, october, "1-1-102", "43", "2026-10-31", NULL);
  pd_test_survey_ok_form (ctx, october, "2-1-101", "55", "2026-11-01", NULL);
}

/* The whole office, clock left at PD_TEST_KPI_NOW. */
static inline PdContext *
pd_test_kpi_fixture_open (const char *path)
{
  PdContext *ctx = pd_test_context_open (path ? path : ":memory:", PD_TEST_KPI_NOW);

  pd_test_kpi_surveys (ctx);
  pd_test_kpi_renovations (ctx);
  pd_test_kpi_handovers (ctx);
  pd_test_kpi_patrols (ctx);
  pd_test_kpi_release_slips (ctx);
  pd_test_set_now (ctx, PD_TEST_KPI_NOW);
  return ctx;
}
