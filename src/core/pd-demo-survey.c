/* pd-demo-survey.c — a year of monthly satisfaction surveys: each month a
 * campaign over a rotating third of the buildings, the returned forms keyed
 * in through the core with realistic scores and blanks, and the opinions
 * followed up day by day, so every follow-up stage (and some late ones) is
 * on screen. */
#include "config.h"

#include "pd-calendar.h"
#include "pd-demo.h"
#include "pd-survey-campaign.h"
#include "pd-survey-followup.h"
#include "pd-survey-response.h"
#include "pd-survey-template.h"

#define DEMO_MONTHS 12
#define BUILDING_GROUPS 3

#define PICK(rand, array) (array[g_rand_int_range ((rand), 0, G_N_ELEMENTS (array))])

static const struct
{
  const char *text;
  const char *department;
} opinions[] = {
  { "电梯经常停运，希望加强维保。", "工程部" },
  { "地下车库灯光太暗，晚上停车不安全。", "工程部" },
  { "报修后等了三天才有人来，希望提高响应速度。", "工程部" },
  { "楼道垃圾清运不及时，夏天有异味。", "保洁部" },
  { "单元门口经常有外卖电动车乱停。", "秩序维护部" },
  { "小区外来人员进出登记不严格。", "秩序维护部" },
  { "草坪修剪后的草屑没有及时清理。", "绿化部" },
  { "希望多组织一些亲子活动。", "客服中心" },
  { "物业费收支情况希望按季度公示。", "客服中心" },
  { "停车位太少，访客车辆无处停放。", "秩序维护部" },
  { "邻居装修噪音太大，中午也在施工。", "客服中心" },
  { "游乐设施有松动，存在安全隐患。", "工程部" },
  { "前台工作人员态度很好，点赞！", "客服中心" },
};
static const char *const measures[] = {
  "已安排专人排查并制定整改计划，一周内完成。",
  "已调整作业时间并加强巡查，责任到人。",
  "已更换损坏部件，后续纳入月度检查。",
  "已增加清运频次，每日两次。",
  "已在醒目位置张贴告示并安排人员劝导。",
};
static const char *const visit_results[] = {
  "业主对整改结果表示满意，已签字确认。",
  "业主基本满意，建议继续保持。",
  "电话回访，业主认可整改效果。",
};
static const char *const officers[] = { "客服主管李娜", "客服专员王芳", "楼栋管家陈亮" };
static const char *const department_heads[] = { "工程部张工", "保洁部刘主管", "秩序维护部赵队长", "绿化部孙师傅" };

/* Items the office does less well on: parking, repair speed, complaints. */
static int
demo_score (GRand *rand,
            guint  item)
{
  int roll = g_rand_int_range (rand, 0, 1000);
  int weakness = (item == 1 || item == 7 || item == 11) ? 50 : 0;

  if (roll < 25)
    return 0;                                   /* left blank */
  if (roll < 600 - weakness)
    return 5;
  if (roll < 950 - weakness / 2)
    return 4;
  if (roll < 985)
    return 3;
  if (roll < 995)
    return 2;
  return 1;
}

static char *
month_day (int year,
           int month,
           int day)
{
  return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
}

static gboolean
create_campaign (PdContext *ctx,
                 int        year,
                 int        month,
                 guint      group,
                 guint      n_buildings,
                 gint64    *campaign_id,
                 GError   **error)
{
  g_autoptr (PdSurveyCampaign) campaign = pd_survey_campaign_new ();
  g_autoptr (GString) buildings = g_string_new (NULL);

  for (guint b = 1; b <= n_buildings; b++)
    if (n_buildings < BUILDING_GROUPS || b % BUILDING_GROUPS == group)
      g_string_append_printf (buildings, "%s%u", buildings->len ? "," : "", b);
  g_free (campaign->name);
  campaign->name = g_strdup_printf ("%d年%d月客户意见征询", year, month);
  g_free (campaign->start_on);
  campaign->start_on = month_day (year, month, 1);
  g_free (campaign->end_on);
  campaign->end_on = month_day (year, month, g_date_get_days_in_month (month, year));
  g_free (campaign->target_kind);
  campaign->target_kind = g_strdup ("buildings");
  g_free (campaign->target_buildings);
  campaign->target_buildings = g_string_free (g_steal_pointer (&buildings), FALSE);
  g_free (campaign->method);
  campaign->method = g_strdup (month % 3 == 0 ? "phone" : "paper");
  *campaign_id = pd_survey_campaign_create (ctx, campaign, error);
  return *campaign_id > 0;
}

/* Signs the follow-up's stages before @stop whose (random) day has come. */
static gboolean
follow_up (PdContext       *ctx,
           GRand           *rand,
           gint64           response_id,
           const char      *received_on,
           const char      *department,
           const char      *today,
           PdFollowupStage  stop,
           GError         **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  g_autofree char *day = g_strdup (received_on);
  gint64 id = -1;
  sqlite3_stmt *stmt = pd_database_prepare (database,
    "SELECT id FROM survey_followup WHERE response_id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, response_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (id < 0)
    return TRUE;

  for (PdFollowupStage stage = PD_FOLLOWUP_ROUTE; stage < stop; stage++)
    {
      /* Mostly on time; now and then a day or two late. */
      static const int spans[][2] = { { 0, 4 }, { 1, 5 }, { 2, 12 }, { 3, 17 } };
      g_autofree char *next = pd_date_add_days (day, g_rand_int_range (rand, spans[stage][0], spans[stage][1]));
      const char *text = stage == PD_FOLLOWUP_ROUTE ? department
                         : stage == PD_FOLLOWUP_MEASURES ? PICK (rand, measures)
                         : stage == PD_FOLLOWUP_VISIT ? PICK (rand, visit_results) : "";
      const char *signer = stage == PD_FOLLOWUP_MEASURES || stage == PD_FOLLOWUP_RECTIFY
                           ? PICK (rand, department_heads) : PICK (rand, officers);

      if (strcmp (next, today) > 0)
        break;
      if (!pd_survey_followup_sign (ctx, id, stage, text, next, signer, error))
        return FALSE;
      g_free (day);
      day = g_steal_pointer (&next);
    }
  return TRUE;
}

/* @stuck: the first opinions of the campaign stay at the stages 0, 1, 2, 3
 * however long ago they came, so a late follow-up of every stage is shown. */
static gboolean
answer_campaign (PdContext               *ctx,
                 GRand                   *rand,
                 gint64                   campaign_id,
                 const PdSurveyTemplate  *tmpl,
                 int                      year,
                 int                      month,
                 const char              *today,
                 gboolean                 stuck,
                 guint                    wanted,
                 GError                 **error)
{
  guint n_opinions = 0;
  PdDatabase *database = pd_context_get_database (ctx);
  g_autoptr (GPtrArray) units = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GArray) lived_in = g_array_new (FALSE, FALSE, sizeof (gboolean));
  int last_day = g_date_get_days_in_month (month, year);
  sqlite3_stmt *stmt = pd_database_prepare (database,
    "SELECT u.code, u.state IN ('occupied', 'rented', 'renovating') FROM survey_target t "
    "JOIN unit u ON u.id = t.unit_id WHERE t.campaign_id = ? ORDER BY t.id", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gboolean occupied = sqlite3_column_int (stmt, 1);
      g_ptr_array_add (units, pd_column_dup (stmt, 0));
      g_array_append_val (lived_in, occupied);
    }
  sqlite3_reset (stmt);
  if (year * 100 + month == g_ascii_strtoll (today, NULL, 10) * 100 + g_ascii_strtoll (today + 5, NULL, 10))
    last_day = (int) g_ascii_strtoll (today + 8, NULL, 10);

  /* A portfolio's campaign gets about @wanted forms back: the households
   * asked are drawn first, then answer at the usual rates (0.8 on average). */
  guint asked_permille = wanted == 0 || units->len == 0 ? 1000
                         : (guint) MIN (1000, (guint64) wanted * 1000 * 5 / 4 / units->len);

  for (guint i = 0; i < units->len; i++)
    {
      g_autoptr (PdSurveyResponse) response = NULL;
      gboolean occupied = g_array_index (lived_in, gboolean, i);
      guint opinion = G_N_ELEMENTS (opinions);

      /* Households living there nearly all answer; owners of empty units
       * are reached by phone now and then. */
      if (asked_permille < 1000 && (guint) g_rand_int_range (rand, 0, 1000) >= asked_permille)
        continue;
      if (g_rand_int_range (rand, 0, 100) >= (occupied ? 97 : 40))
        continue;
      response = pd_survey_response_new ();
      response->campaign_id = campaign_id;
      g_free (response->unit_code);
      response->unit_code = g_strdup (units->pdata[i]);
      g_free (response->answered_on);
      response->answered_on = month_day (year, month, g_rand_int_range (rand, 1, last_day + 1));
      for (guint item = 0; item < pd_survey_template_n_items (tmpl); item++)
        {
          int score = demo_score (rand, item);
          g_array_append_val (response->scores, score);
        }
      if (g_rand_int_range (rand, 0, 100) < 12)
        {
          opinion = g_rand_int_range (rand, 0, G_N_ELEMENTS (opinions));
          g_free (response->opinion);
          response->opinion = g_strdup (opinions[opinion].text);
        }
      if (pd_survey_response_save (ctx, response, error) < 0)
        return FALSE;
      if (opinion < G_N_ELEMENTS (opinions))
        {
          PdFollowupStage stop = stuck && n_opinions < PD_FOLLOWUP_CLOSED ? n_opinions : PD_FOLLOWUP_CLOSED;

          n_opinions++;
          if (!follow_up (ctx, rand, response->id, response->answered_on, opinions[opinion].department,
                          today, stop, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
demo_year (PdContext               *ctx,
           GRand                   *rand,
           const PdSurveyTemplate  *tmpl,
           const char              *today,
           GError                 **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  int year = (int) g_ascii_strtoll (today, NULL, 10);
  int month = (int) g_ascii_strtoll (today + 5, NULL, 10);
  gint64 n_buildings = pd_database_query_int (database, "SELECT count(*) FROM building", NULL, error);

  if (n_buildings <= 0)
    return n_buildings == 0;
  for (int i = DEMO_MONTHS - 1; i >= 0; i--)
    {
      int index = year * 12 + (month - 1) - i;
      int y = index / 12, m = index % 12 + 1;
      gint64 campaign_id;

      /* The supervisor plans the campaign, a clerk keys the forms in. */
      pd_context_set_user (ctx, "客服主管李娜", PD_ROLE_SUPERVISOR);
      if (!create_campaign (ctx, y, m, (guint) (index % BUILDING_GROUPS), (guint) n_buildings, &campaign_id, error))
        return FALSE;
      pd_context_set_user (ctx, "客服专员王芳", PD_ROLE_CLERK);
      if (!answer_campaign (ctx, rand, campaign_id, tmpl, y, m, today, i == 1,
                            pd_demo_volumes (ctx).survey_responses / DEMO_MONTHS, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
pd_demo_survey (PdContext *ctx,
                GRand     *rand,
                GError   **error)
{
  g_autofree char *today = pd_context_today (ctx);
  g_autofree char *user = g_strdup (pd_context_get_user (ctx));
  PdRole role = pd_context_get_role (ctx);
  g_autoptr (PdSurveyTemplate) tmpl = pd_survey_template_get_current (ctx, error);
  gboolean ok;

  if (tmpl == NULL)
    return FALSE;
  ok = demo_year (ctx, rand, tmpl, today, error);
  pd_context_set_user (ctx, user, role);
  if (ok)
    pd_context_notify_changed (ctx, "survey_response");
  return ok;
}
