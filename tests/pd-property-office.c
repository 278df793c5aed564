/* pd-property-office.c — property cases for vacant-unit patrols,
 * anomalies, the key register, surveys and release slips. */
#include "config.h"

#include "pd-key-register.h"
#include "pd-patrol-anomaly.h"
#include "pd-patrol.h"
#include "pd-property-invalid.h"
#include "pd-release-slip.h"
#include "pd-survey-campaign.h"
#include "pd-survey-followup.h"
#include "pd-survey-response.h"

static void
set (char       **member,
     const char  *value)
{
  g_free (*member);
  *member = g_strdup (value);
}

void
pd_property_prepare_office (PdProperty *p)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PdKey) key = pd_key_new ();
  g_autoptr (PdAnomaly) anomaly = pd_anomaly_new ();

  set (&key->code, "K-PROP-1");
  set (&key->label, "消防通道门");
  key->copies = 2;
  p->key_id = pd_key_add (p->ctx, key, &error);
  g_assert_no_error (error);
  anomaly->unit_id = p->unit_id;
  set (&anomaly->kind, "leak");
  set (&anomaly->description, "卫生间渗水");
  p->anomaly_id = pd_anomaly_report (p->ctx, anomaly, &error);
  g_assert_no_error (error);
}

static gboolean
run_patrol_record (PdProperty  *p,
                   int          broken,
                   const char **field,
                   GError     **error)
{
  gint64 unit_id = pd_property_query (p, "SELECT min(id) FROM unit WHERE state = 'vacant'");
  g_autoptr (PdPatrol) patrol = pd_patrol_new_for_unit (p->ctx, unit_id);

  set (&patrol->patrolled_on, "2026-11-23");
  set (&patrol->inspector, "赵管家");
  switch (broken)
    {
    case 0:
      patrol->unit_id = g_rand_boolean (p->rand) ? pd_property_bad_id (p) : p->unit_id;
      *field = "unit";
      break;
    case 1:
      set (&patrol->patrolled_on, g_rand_boolean (p->rand) ? pd_property_bad_date (p) : "2026-11-24");
      *field = "patrolled_on";
      break;
    case 2:
      set (&patrol->inspector, pd_property_blank (p));
      *field = "inspector";
      break;
    case 3:
      g_ptr_array_set_size (patrol->items, 0);
      *field = "items";
      break;
    case 4:
      patrol->round_id = pd_property_missing_id (p);
      *field = "round";
      break;
    }
  return pd_patrol_record (p->ctx, patrol, error) > 0;
}

static gboolean
run_anomaly_report (PdProperty  *p,
                    int          broken,
                    const char **field,
                    GError     **error)
{
  g_autoptr (PdAnomaly) anomaly = pd_anomaly_new ();

  anomaly->unit_id = p->unit_id;
  set (&anomaly->kind, "damage");
  set (&anomaly->description, "窗玻璃破裂");
  switch (broken)
    {
    case 0:
      anomaly->unit_id = pd_property_bad_id (p);
      *field = "unit";
      break;
    case 1:
      set (&anomaly->kind, g_rand_boolean (p->rand) ? NULL : pd_property_bad_choice (p));
      *field = "kind";
      break;
    case 2:
      set (&anomaly->description, pd_property_blank (p));
      *field = "description";
      break;
    case 3:
      set (&anomaly->department, pd_property_bad_choice (p));
      if (*anomaly->department == '\0')
        set (&anomaly->department, "finance");
      *field = "department";
      break;
    case 4:
      set (&anomaly->found_on, g_rand_boolean (p->rand) ? pd_property_bad_date (p) : "2026-12-01");
      *field = "found_on";
      break;
    case 5:
      set (&anomaly->deadline, g_rand_boolean (p->rand) ? pd_property_bad_date (p) : "2026-11-01");
      *field = "deadline";
      break;
    }
  return pd_anomaly_report (p->ctx, anomaly, error) > 0;
}

static gboolean
run_anomaly_follow_up (PdProperty  *p,
                       int          broken,
                       const char **field,
                       GError     **error)
{
  switch (broken)
    {
    case 0:
      *field = "follow_up";
      return pd_anomaly_add_follow_up (p->ctx, p->anomaly_id, pd_property_blank (p), error);
    case 1:
      *field = "anomaly";
      return pd_anomaly_add_follow_up (p->ctx, pd_property_bad_id (p), "已通知工程部", error);
    case 2:
      *field = "outcome";
      return pd_anomaly_close (p->ctx, p->anomaly_id, pd_property_bad_choice (p), "已修复", error);
    case 3:
      *field = "result";
      return pd_anomaly_close (p->ctx, p->anomaly_id, "fixed", pd_property_blank (p), error);
    case 4:
      *field = "anomaly";
      return pd_anomaly_close (p->ctx, pd_property_bad_id (p), "fixed", "已修复", error);
    }
  return pd_anomaly_add_follow_up (p->ctx, p->anomaly_id, "已通知工程部", error);
}

static gboolean
run_key_add (PdProperty  *p,
             int          broken,
             const char **field,
             GError     **error)
{
  g_autoptr (PdKey) key = pd_key_new ();

  set (&key->code, pd_property_unique (p, "K-"));
  set (&key->label, "配电房");
  key->copies = 1;
  switch (broken)
    {
    case 0:
      set (&key->code, g_rand_boolean (p->rand) ? pd_property_blank (p) : "K-PROP-1");
      *field = "code";
      break;
    case 1:
      key->unit_id = pd_property_missing_id (p);
      *field = "unit";
      break;
    case 2:
      set (&key->label, pd_property_blank (p));
      *field = "label";
      break;
    case 3:
      key->copies = g_rand_boolean (p->rand) ? -g_rand_int_range (p->rand, 0, 100) : g_rand_int_range (p->rand, 100, G_MAXINT);
      *field = "copies";
      break;
    }
  return pd_key_add (p->ctx, key, error) > 0;
}

static gboolean
run_key_sign_out (PdProperty  *p,
                  int          broken,
                  const char **field,
                  GError     **error)
{
  gint64 key_id = p->key_id;
  const char *borrower = "钱师傅";
  const char *purpose = "检修";
  const char *due = "2026-11-23 15:00";

  switch (broken)
    {
    case 0:
      key_id = pd_property_bad_id (p);
      *field = "key";
      break;
    case 1:
      borrower = pd_property_blank (p);
      *field = "borrower";
      break;
    case 2:
      purpose = pd_property_blank (p);
      *field = "purpose";
      break;
    case 3:
      due = g_rand_boolean (p->rand) ? pd_property_bad_date (p) : "2026-11-23 09:00";
      *field = "due_at";
      break;
    }
  return pd_key_sign_out (p->ctx, key_id, borrower, purpose, due, error) > 0;
}

static gboolean
run_campaign_create (PdProperty  *p,
                     int          broken,
                     const char **field,
                     GError     **error)
{
  g_autoptr (PdSurveyCampaign) campaign = pd_survey_campaign_new ();

  set (&campaign->name, pd_property_unique (p, "十二月回访"));
  set (&campaign->start_on, "2026-12-01");
  set (&campaign->end_on, "2026-12-20");
  set (&campaign->target_kind, "all");
  set (&campaign->method, "phone");
  switch (broken)
    {
    case 0:
      set (&campaign->name, g_rand_boolean (p->rand) ? pd_property_blank (p) : pd_property_too_long (p, 100));
      *field = "name";
      break;
    case 1:
      set (&campaign->start_on, pd_property_bad_date (p));
      *field = "start_on";
      break;
    case 2:
      set (&campaign->end_on, g_rand_boolean (p->rand) ? pd_property_bad_date (p) : "2026-11-30");
      *field = "end_on";
      break;
    case 3:
      set (&campaign->target_kind, pd_property_bad_choice (p));
      *field = "target_kind";
      break;
    case 4:
      set (&campaign->target_kind, "sample");
      campaign->sample_size = g_rand_boolean (p->rand) ? -g_rand_int_range (p->rand, 0, 100) : G_MAXINT;
      *field = "sample_size";
      break;
    case 5:
      set (&campaign->target_kind, "buildings");
      set (&campaign->target_buildings, g_rand_boolean (p->rand) ? "" : "no-such-building");
      *field = "target_buildings";
      break;
    case 6:
      set (&campaign->method, pd_property_bad_choice (p));
      *field = "method";
      break;
    case 7:
      campaign->coverage_goal_pct = g_rand_boolean (p->rand) ? 101 : -5;
      *field = "coverage_goal_pct";
      break;
    case 8:
      campaign->satisfaction_goal_pct = g_rand_int_range (p->rand, 101, G_MAXINT);
      *field = "satisfaction_goal_pct";
      break;
    }
  return pd_survey_campaign_create (p->ctx, campaign, error) > 0;
}

static gboolean
run_response_save (PdProperty  *p,
                   int          broken,
                   const char **field,
                   GError     **error)
{
  g_autoptr (PdSurveyResponse) response = pd_survey_response_new ();
  g_autoptr (PdSurveyCampaign) campaign = pd_survey_campaign_get (p->ctx, p->campaign_id, NULL);
  int score = 5;
  g_autofree char *code = NULL;

  g_assert_nonnull (campaign);
  response->campaign_id = p->campaign_id;
  /* A target of the campaign that has not answered yet. */
  {
    sqlite3_stmt *stmt = pd_database_prepare (pd_context_get_database (p->ctx),
      "SELECT u.code FROM survey_target t JOIN unit u ON u.id = t.unit_id WHERE t.campaign_id = ? "
      "AND NOT EXISTS (SELECT 1 FROM survey_response r WHERE r.campaign_id = t.campaign_id AND r.unit_id = t.unit_id) "
      "ORDER BY u.code LIMIT 1", NULL);
    sqlite3_bind_int64 (stmt, 1, p->campaign_id);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    code = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    sqlite3_reset (stmt);
  }
  set (&response->unit_code, code);
  set (&response->answered_on, campaign->start_on);
  g_array_append_val (response->scores, score);
  switch (broken)
    {
    case 0:
      response->campaign_id = pd_property_bad_id (p);
      *field = "campaign";
      break;
    case 1:
      set (&response->unit_code, g_rand_boolean (p->rand) ? pd_property_bad_choice (p) : "98-9-9999");
      *field = "unit";
      break;
    case 2:
      set (&response->answered_on, g_rand_boolean (p->rand) ? pd_property_bad_date (p) : "1999-01-01");
      *field = "answered_on";
      break;
    case 3:
      score = g_rand_boolean (p->rand) ? g_rand_int_range (p->rand, 6, G_MAXINT) : -g_rand_int_range (p->rand, 1, 100);
      g_array_index (response->scores, int, 0) = score;
      *field = "scores";
      break;
    case 4:
      for (int i = 0; i < 200; i++)
        g_array_append_val (response->scores, score);
      *field = "scores";
      break;
    }
  return pd_survey_response_save (p->ctx, response, error) > 0;
}

static gboolean
run_followup_sign (PdProperty  *p,
                   int          broken,
                   const char **field,
                   GError     **error)
{
  g_autoptr (PdSurveyFollowup) followup = pd_survey_followup_get (p->ctx, p->followup_id, NULL);
  PdFollowupStage stage;
  gint64 id = p->followup_id;
  const char *text = "工程部";
  const char *date = "2026-11-23";

  g_assert_nonnull (followup);
  stage = pd_survey_followup_stage (followup);
  if (stage == PD_FOLLOWUP_RECTIFY)
    text = "";
  switch (broken)
    {
    case 0:
      id = pd_property_bad_id (p);
      *field = "followup";
      break;
    case 1:
      stage = g_rand_boolean (p->rand) ? (PdFollowupStage) g_rand_int_range (p->rand, 5, 1000)
                                       : (PdFollowupStage) -1;
      *field = "stage";
      break;
    case 2:
      /* The rectification stage takes no text: break its date instead. */
      if (stage == PD_FOLLOWUP_RECTIFY)
        {
          date = pd_property_bad_date (p);
          *field = "date";
        }
      else
        {
          text = pd_property_blank (p);
          *field = "text";
        }
      break;
    case 3:
      date = g_rand_boolean (p->rand) ? pd_property_bad_date (p) : "2026-12-01";
      *field = "date";
      break;
    }
  return pd_survey_followup_sign (p->ctx, id, stage, text, date, "孙主管", error);
}

static gboolean
run_slip_issue (PdProperty  *p,
                int          broken,
                const char **field,
                GError     **error)
{
  g_autoptr (PdReleaseSlip) slip = pd_release_slip_new ();

  slip->unit_id = p->unit_id;
  slip->applicant_id = p->owner_id;
  set (&slip->reason, "renovation");
  g_ptr_array_add (slip->items, pd_release_item_new ("剩余建材", 3, "瓷砖"));
  set (&slip->carrier_name, "陈师傅");
  set (&slip->carrier_id_number, "11010519491231002X");
  set (&slip->plate, "粤B12345");
  slip->no_dangerous_goods = TRUE;
  switch (broken)
    {
    case 0:
      slip->unit_id = pd_property_missing_id (p);
      *field = "unit";
      break;
    case 1:
      slip->applicant_id = pd_property_bad_id (p);
      *field = "applicant";
      break;
    case 2:
      set (&slip->reason, pd_property_bad_choice (p));
      *field = "reason";
      break;
    case 3:
      if (g_rand_boolean (p->rand))
        g_ptr_array_set_size (slip->items, 0);
      else
        g_ptr_array_add (slip->items, pd_release_item_new (g_rand_boolean (p->rand) ? "" : "柜子",
                                                           -g_rand_int_range (p->rand, 0, 5), ""));
      *field = "items";
      break;
    case 4:
      slip->no_dangerous_goods = FALSE;
      *field = "no_dangerous_goods";
      break;
    case 5:
      set (&slip->carrier_id_number, pd_property_bad_prc_id (p));
      *field = "carrier_id_number";
      break;
    case 6:
      set (&slip->plate, pd_property_bad_choice (p));
      if (*slip->plate == '\0')
        set (&slip->plate, "粤");
      *field = "plate";
      break;
    case 7:
      set (&slip->valid_on, g_rand_boolean (p->rand) ? pd_property_bad_date (p) : "2027-06-01");
      *field = "valid_on";
      break;
    case 8:
      set (&slip->carrier_name, pd_property_blank (p));
      *field = "carrier_name";
      break;
    }
  return pd_release_slip_issue (p->ctx, slip, error) > 0;
}

static gboolean
run_slip_void (PdProperty  *p,
               int          broken,
               const char **field,
               GError     **error)
{
  switch (broken)
    {
    case 0:
      *field = "void_reason";
      return pd_release_slip_void (p->ctx, p->slip_id, pd_property_blank (p), error);
    case 1:
      *field = "serial";
      return pd_release_slip_void (p->ctx, pd_property_bad_id (p), "写错了", error);
    }
  return pd_release_slip_void (p->ctx, p->slip_id, "写错了", error);
}

const PdPropertyCase pd_property_office_cases[] = {
  { "pd_patrol_record", run_patrol_record, 5 },
  { "pd_anomaly_report", run_anomaly_report, 6 },
  { "pd_anomaly_add_follow_up/close", run_anomaly_follow_up, 5 },
  { "pd_key_add", run_key_add, 4 },
  { "pd_key_sign_out", run_key_sign_out, 4 },
  { "pd_survey_campaign_create", run_campaign_create, 9 },
  { "pd_survey_response_save", run_response_save, 5 },
  { "pd_survey_followup_sign", run_followup_sign, 4 },
  { "pd_release_slip_issue", run_slip_issue, 9 },
  { "pd_release_slip_void", run_slip_void, 2 },
};
const guint pd_property_n_office_cases = G_N_ELEMENTS (pd_property_office_cases);
