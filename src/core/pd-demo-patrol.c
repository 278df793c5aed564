/* pd-demo-patrol.c — see pd-demo-patrol.h.
 *
 * The history is replayed through the core API with the context's clock set
 * to the day each round happened, so due dates, deadlines and key loans come
 * out exactly as the office would have produced them.  The previous patrol
 * period leaves some buildings out (overdue units), the current one is half
 * done (units due and done), problems found over the months are mostly
 * closed, the recent ones open.  The caller's clock and user are put back. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "pd-calendar.h"
#include "pd-demo.h"
#include "pd-demo-patrol.h"
#include "pd-estate.h"
#include "pd-key-register.h"
#include "pd-patrol-anomaly.h"
#include "pd-patrol-vacancy.h"
#include "pd-patrol.h"

#define PICK(rand, array) (array[g_rand_int_range ((rand), 0, G_N_ELEMENTS (array))])

static const char *const officers[] = { "王敏", "刘洋", "周静", "陈晨" };
static const char *const office_staff[] = { "客服主管 张丽", "前台 赵倩" };

/* What goes wrong, per checklist item. */
static const struct
{
  const char *item;
  const char *notes[2];
} problem_notes[] = {
  { "door_surface", { "门面有划痕", "门上被贴小广告" } },
  { "door_lock", { "门锁卡涩，开启困难", "锁芯松动" } },
  { "walls", { "客厅墙面裂缝约20cm", "次卧墙角霉斑" } },
  { "leak", { "卫生间天花渗水", "厨房地面有积水痕迹" } },
  { "pipes", { "厨房水管接口滴水", "阳台下水管渗漏" } },
  { "windows", { "主卧窗玻璃破裂", "阳台推拉窗拉手脱落" } },
  { "intercom", { "可视对讲无图像", "对讲机无法开锁" } },
  { "gas_meter", { "煤气表铅封缺失", "燃气管卡松动" } },
  { "occupation", { "室内堆放他人杂物", "发现有人留宿痕迹" } },
  { "cleanliness", { "室内灰尘较多", "地面遗留装修垃圾" } },
  { "closed_on_leaving", { "上次巡查后阳台窗未关", "入户门未反锁" } },
};

static const struct
{
  const char *kind;
  const char *result;
} results[] = {
  { "leak", "工程部已维修，复查无渗水" },
  { "damage", "已修复，复查正常" },
  { "occupation", "秩序维护部已清理，并通知业主" },
  { "dirty", "保洁部已清扫完毕" },
  { "other", "已处理并复查" },
};

static const char *const follow_ups[] = {
  "已电话通知责任部门", "责任部门已到场查看，等待材料", "已联系业主确认维修时间", "已催办，答复本周内处理",
};

static const struct
{
  const char *code;
  const char *label;
  const char *location;
} public_keys[] = {
  { "G-01", "水泵房", "钥匙柜B-01" },
  { "G-02", "1栋屋顶天台", "钥匙柜B-02" },
  { "G-03", "电梯机房（2栋）", "钥匙柜B-03" },
  { "G-04", "高压配电房", "钥匙柜B-04" },
  { "G-05", "消防控制室备用钥匙", "钥匙柜B-05" },
};

typedef struct
{
  PdContext *ctx;
  GRand     *rand;
  char      *today;
  int        now_minute;  /* minute of the day the demo is made at */
  PdRole     role;
} Demo;

static void
set_clock (Demo       *demo,
           const char *day,
           int         minute_of_day)
{
  g_autoptr (GTimeZone) zone = g_time_zone_new_local ();
  g_autoptr (GDateTime) when = NULL;
  int y, m, d;

  sscanf (day, "%d-%d-%d", &y, &m, &d);
  when = g_date_time_new (zone, y, m, d, minute_of_day / 60, minute_of_day % 60, 0);
  pd_context_set_now (demo->ctx, when);
}

static const char *
problem_note (GRand      *rand,
              const char *item)
{
  for (guint i = 0; i < G_N_ELEMENTS (problem_notes); i++)
    if (g_str_equal (problem_notes[i].item, item))
      return problem_notes[i].notes[g_rand_int_range (rand, 0, 2)];
  return "有异常";
}

static gboolean
open_files (Demo      *demo,
            GPtrArray *vacant,
            GError   **error)
{
  for (guint i = 0; i < vacant->len; i++)
    {
      PdVacantUnit *unit = vacant->pdata[i];
      /* Most have stood empty for months; one in ten emptied recently. */
      int days = g_rand_int_range (demo->rand, 0, 10) == 0 ? g_rand_int_range (demo->rand, 0, 20)
                                                          : g_rand_int_range (demo->rand, 60, 420);
      g_autofree char *since = pd_date_add_days (demo->today, -days);
      g_autoptr (PdKey) key = pd_key_new ();

      if (!pd_patrol_set_vacant_since (demo->ctx, unit->unit_id, since, error))
        return FALSE;
      g_free (key->code);
      key->code = g_strdup_printf ("K%s", unit->unit_code);
      key->unit_id = unit->unit_id;
      key->copies = g_rand_int_range (demo->rand, 1, 4);
      g_free (key->location);
      key->location = g_strdup_printf ("钥匙柜A-%03u", i + 1);
      if (pd_key_add (demo->ctx, key, error) < 0)
        return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (public_keys); i++)
    {
      g_autoptr (PdKey) key = pd_key_new ();
      g_free (key->code);
      key->code = g_strdup (public_keys[i].code);
      g_free (key->label);
      key->label = g_strdup (public_keys[i].label);
      g_free (key->location);
      key->location = g_strdup (public_keys[i].location);
      if (pd_key_add (demo->ctx, key, error) < 0)
        return FALSE;
    }
  return TRUE;
}

static gboolean
patrol_unit (Demo                *demo,
             const PdPatrolRound *round,
             const PdVacantUnit  *unit,
             GError             **error)
{
  g_autoptr (PdPatrol) patrol = pd_patrol_new_for_unit (demo->ctx, unit->unit_id);

  patrol->round_id = round->id;
  g_free (patrol->patrolled_on);
  patrol->patrolled_on = g_strdup (round->patrolled_on);
  g_free (patrol->inspector);
  patrol->inspector = g_strdup (round->inspector);
  for (guint i = 0; i < patrol->items->len; i++)
    {
      PdPatrolItem *item = patrol->items->pdata[i];

      if (g_rand_int_range (demo->rand, 0, 1000) < 7)
        {
          pd_patrol_set_item (patrol, i, TRUE, problem_note (demo->rand, item->item));
          g_free (patrol->photo);
          patrol->photo = g_strdup_printf ("巡查照片/%.7s/%s-%u.jpg", round->patrolled_on, unit->unit_code, i + 1);
        }
    }
  return pd_patrol_record (demo->ctx, patrol, error) > 0;
}

/* One building's round on @day; the keys go out and come back with it. */
static gboolean
walk_round (Demo                   *demo,
            const PdPatrolBuilding *building,
            const char             *day,
            int                     start_minute,
            GError                **error)
{
  const char *inspector = officers[building->id % G_N_ELEMENTS (officers)];
  g_autoptr (PdPatrolRound) round = NULL;
  g_autoptr (GPtrArray) units = NULL;
  gboolean today = g_str_equal (day, demo->today);
  int minute = start_minute;

  /* Today's rounds that would start later than now have not happened yet. */
  if (today && start_minute >= demo->now_minute)
    return TRUE;
  set_clock (demo, day, minute);
  pd_context_set_user (demo->ctx, inspector, demo->role);
  round = pd_patrol_round_start (demo->ctx, building->id, day, inspector, TRUE, error);
  units = round ? pd_patrol_list_vacant (demo->ctx, building->id, error) : NULL;
  if (units == NULL)
    return FALSE;
  for (guint i = 0; i < units->len; i++)
    {
      const PdVacantUnit *unit = units->pdata[i];

      /* Units empty only since later, and now and then one with no access. */
      if (strcmp (unit->vacant_since, day) > 0 || g_rand_int_range (demo->rand, 0, 40) == 0)
        continue;
      minute += g_rand_int_range (demo->rand, 3, 7);
      if (today && minute >= demo->now_minute)
        break;
      set_clock (demo, day, minute);
      if (!patrol_unit (demo, round, unit, error))
        return FALSE;
    }
  /* Back at the office, unless that is still ahead: then the keys are out. */
  minute += 20;
  if (today && minute >= demo->now_minute)
    return TRUE;
  set_clock (demo, day, minute);
  return pd_key_sign_back_round (demo->ctx, round->id, error) >= 0;
}

static gboolean
walk_periods (Demo      *demo,
              int        periods_back,
              GError   **error)
{
  PdPatrolPolicy policy = pd_patrol_policy_for_estate (demo->ctx, pd_estate_current_id (demo->ctx, NULL));
  g_autoptr (GArray) periods = g_array_new (FALSE, FALSE, sizeof (PdPatrolPeriod));
  g_autoptr (GPtrArray) buildings = pd_patrol_list_buildings (demo->ctx, error);
  PdPatrolPeriod period;
  g_autofree char *day = g_strdup (demo->today);

  if (buildings == NULL)
    return FALSE;
  for (int i = 0; i <= periods_back; i++)
    {
      g_autofree char *before = NULL;

      pd_patrol_period_of (policy, day, &period);
      g_array_prepend_val (periods, period);
      before = pd_date_add_days (period.start, -1);
      g_free (day);
      day = g_steal_pointer (&before);
    }
  for (guint p = 0; p < periods->len; p++)
    {
      const PdPatrolPeriod *current = &g_array_index (periods, PdPatrolPeriod, p);
      gboolean previous = p + 2 == periods->len;

      for (guint b = 0; b < buildings->len; b++)
        {
          const PdPatrolBuilding *building = buildings->pdata[b];
          int span = (int) pd_calendar_working_days_between (demo->ctx, current->start, current->end);
          g_autofree char *round_day = NULL;

          if (building->vacant_units == 0)
            continue;
          /* Last period: every fourth building's round was missed. */
          if ((previous && b % 4 == 3) || (!previous && g_rand_int_range (demo->rand, 0, 20) == 0))
            continue;
          round_day = pd_calendar_add_working_days (demo->ctx, current->start,
                                                    (int) ((b * 2 + g_rand_int_range (demo->rand, 0, 2)) %
                                                           MAX (span, 1)));
          if (strcmp (round_day, current->end) > 0 || strcmp (round_day, demo->today) > 0)
            continue;
          if (!walk_round (demo, building, round_day, 9 * 60 + (int) (b % 3) * 70, error))
            return FALSE;
        }
    }
  return TRUE;
}

static const char *
result_for (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (results); i++)
    if (g_str_equal (results[i].kind, kind))
      return results[i].result;
  return "已处理";
}

/* Older anomalies were followed up and mostly closed; recent ones are open. */
static gboolean
follow_anomalies (Demo    *demo,
                  GError **error)
{
  g_autoptr (GPtrArray) open = pd_anomaly_list (demo->ctx, TRUE, error);

  if (open == NULL)
    return FALSE;
  for (guint i = 0; i < open->len; i++)
    {
      const PdAnomaly *anomaly = open->pdata[i];
      int wait = g_rand_int_range (demo->rand, 1, 6);
      g_autofree char *follow_day = pd_date_add_days (anomaly->found_on, 1);
      g_autofree char *close_day = pd_date_add_days (anomaly->found_on, wait + 1);
      gboolean close = anomaly->age_days > 12 && g_rand_int_range (demo->rand, 0, 10) < 8;

      if (strcmp (follow_day, demo->today) > 0)
        continue;
      pd_context_set_user (demo->ctx, PICK (demo->rand, office_staff), demo->role);
      set_clock (demo, follow_day, 10 * 60);
      if (!pd_anomaly_add_follow_up (demo->ctx, anomaly->id, PICK (demo->rand, follow_ups), error))
        return FALSE;
      if (!close || strcmp (close_day, demo->today) > 0)
        continue;
      set_clock (demo, close_day, 16 * 60);
      if (!pd_anomaly_close (demo->ctx, anomaly->id,
                             g_rand_int_range (demo->rand, 0, 12) == 0 ? "not_fixed" : "fixed",
                             result_for (anomaly->kind), error))
        return FALSE;
    }
  return TRUE;
}

/* Loans of public keys: one back in time, one overdue since yesterday, one out now. */
static gboolean
lend_public_keys (Demo    *demo,
                  GError **error)
{
  g_autofree char *three_days_ago = pd_date_add_days (demo->today, -3);
  g_autofree char *yesterday = pd_date_add_days (demo->today, -1);
  g_autofree char *due_yesterday = g_strdup_printf ("%s 18:00", yesterday);
  g_autoptr (PdKey) pump = pd_key_find (demo->ctx, "G-01", error);
  g_autoptr (PdKey) lift = pump ? pd_key_find (demo->ctx, "G-03", error) : NULL;
  g_autoptr (PdKey) roof = lift ? pd_key_find (demo->ctx, "G-02", error) : NULL;
  gint64 loan;

  if (roof == NULL)
    return FALSE;
  pd_context_set_user (demo->ctx, office_staff[1], demo->role);
  set_clock (demo, three_days_ago, 10 * 60);
  loan = pd_key_sign_out (demo->ctx, pump->id, "工程部 李建国", "水泵房例行检修", NULL, error);
  set_clock (demo, three_days_ago, 12 * 60 + 10);
  if (loan < 0 || !pd_key_sign_back (demo->ctx, loan, error))
    return FALSE;
  set_clock (demo, yesterday, 14 * 60);
  if (pd_key_sign_out (demo->ctx, lift->id, "电梯维保 吴工", "电梯机房年检", due_yesterday, error) < 0)
    return FALSE;
  set_clock (demo, demo->today, MAX (demo->now_minute - 20, 0));
  return pd_key_sign_out (demo->ctx, roof->id, "工程部 赵志强", "天台防水检查", NULL, error) > 0;
}

gboolean
pd_demo_patrol (PdContext *ctx,
                GRand     *rand,
                GError   **error)
{
  gboolean fixed = pd_context_clock_is_fixed (ctx);
  g_autoptr (GDateTime) now = pd_context_now (ctx);
  g_autofree char *user = g_strdup (pd_context_get_user (ctx));
  PdRole role = pd_context_get_role (ctx);
  Demo demo = { ctx, rand, pd_context_today (ctx),
                g_date_time_get_hour (now) * 60 + g_date_time_get_minute (now),
                MAX (role, PD_ROLE_SUPERVISOR) };
  g_autoptr (GPtrArray) vacant = NULL;
  gboolean ok = FALSE;
  int periods_back = 0;

  /* Setting when a vacancy began needs a supervisor. */
  pd_context_set_user (ctx, office_staff[0], demo.role);
  vacant = pd_patrol_list_vacant (ctx, 0, error);
  /* Large estates get a short history: the patrol history grows with
   * units × periods.  A portfolio gets the periods that make its volume of
   * patrol records, counting the renovation patrols already there. */
  if (vacant != NULL && vacant->len > 0 && pd_demo_volumes (ctx).patrol_records > 0)
    {
      gint64 made = pd_database_query_int (pd_context_get_database (ctx),
                                           "SELECT count(*) FROM renovation_patrol", NULL, NULL);
      gint64 wanted = (gint64) pd_demo_volumes (ctx).patrol_records - MAX (made, 0);

      periods_back = wanted > 0 ? (int) MIN (24, wanted / vacant->len) : 0;
    }
  else if (vacant != NULL)
    periods_back = vacant->len <= 300 ? 8 : vacant->len <= 3000 ? 2 : 0;
  if (vacant != NULL && open_files (&demo, vacant, error) &&
      walk_periods (&demo, periods_back, error) &&
      follow_anomalies (&demo, error))
    ok = lend_public_keys (&demo, error);
  pd_context_set_now (ctx, fixed ? now : NULL);
  pd_context_set_user (ctx, user, role);
  g_free (demo.today);
  return ok;
}
