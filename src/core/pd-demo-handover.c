/* pd-demo-handover.c — see pd-demo-handover.h.
 *
 * The handovers are replayed through the real core API with the context's
 * clock set to the day and hour each step happened, so every rule (24-hour
 * notice, working-day deadlines, re-inspection loop) holds in the demo just
 * as it does for the office; the caller's clock is put back at the end. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "pd-calendar.h"
#include "pd-demo-handover.h"
#include "pd-handover.h"
#include "pd-handover-checklist.h"
#include "pd-handover-defect.h"

#define PICK(rand, array) (array[g_rand_int_range ((rand), 0, G_N_ELEMENTS (array))])

static const char *const engineers[] = { "工程部 李建国", "工程部 赵志强", "工程部 陈立新" };
static const char *const officers[] = { "楼栋管家 王敏", "楼栋管家 刘洋", "楼栋管家 周静" };
static const char *const developer_reps[] = { "建设单位 孙涛", "建设单位 马丽" };
/* What goes wrong, by a word of the checklist item. */
static const struct
{
  const char *item_word;
  const char *notes[2];
} defect_notes[] = {
  { "门", { "门锁开关不顺", "门扇变形，关闭不严" } },
  { "墙面", { "墙面空鼓约0.5㎡", "墙面裂缝约30cm" } },
  { "天花", { "天花有渗水痕迹", "天花乳胶漆污损" } },
  { "地面", { "地砖破损两块", "地面空鼓" } },
  { "窗", { "窗户密封条脱落", "玻璃有划痕" } },
  { "给排水", { "地漏排水不畅", "水管接口渗水" } },
  { "插座", { "一处插座无电", "开关面板歪斜" } },
  { "防水", { "墙角有渗水痕迹", "闭水试验楼下渗漏" } },
  { "栏杆", { "栏杆固定螺丝松动", "栏杆漆面锈蚀" } },
  { "燃气", { "燃气表未铅封", "燃气管卡松动" } },
  { "配电箱", { "空开回路标识不全", "配电箱盖板变形" } },
  { "对讲", { "可视对讲无图像", "对讲机无法开锁" } },
};

static const char *
defect_note (GRand      *rand,
             const char *item)
{
  for (guint i = 0; i < G_N_ELEMENTS (defect_notes); i++)
    if (strstr (item, defect_notes[i].item_word) != NULL)
      return defect_notes[i].notes[g_rand_int_range (rand, 0, 2)];
  return "表面破损";
}

static const char *const responsibles[] = { "建设单位", "建设单位", "总包单位（中建三局）", "门窗分包单位" };

typedef enum
{
  STAGE_STARTED,      /* papers being entered, walk not begun */
  STAGE_WALKING,      /* half the checklist walked */
  STAGE_WALKED,       /* checklist done, readings not yet entered */
  STAGE_INSPECTED,    /* inspection finished */
  STAGE_REINSPECTED,  /* defects re-inspected */
  STAGE_CLOSED,
} Stage;

typedef struct
{
  int      days_ago;     /* the handover day, in calendar days before today */
  int      defects;
  Stage    stage;
  gboolean notice_sent;
  int      fixed;        /* defects fixed at the re-inspection (the rest not fixed) */
  gboolean papers_done;  /* fee receipt, keys … all there */
} Scenario;

/* Every status of the list, overdue notices and deadlines included. */
static const Scenario scenarios[] = {
  { 41, 0, STAGE_CLOSED, FALSE, 0, TRUE },
  { 36, 2, STAGE_CLOSED, TRUE, 2, TRUE },
  { 31, 1, STAGE_CLOSED, TRUE, 1, TRUE },
  { 22, 0, STAGE_CLOSED, FALSE, 0, TRUE },
  { 16, 1, STAGE_CLOSED, TRUE, 1, TRUE },
  { 13, 2, STAGE_REINSPECTED, TRUE, 2, FALSE },  /* inspected, fee receipt missing */
  { 3, 0, STAGE_INSPECTED, FALSE, 0, FALSE },     /* inspected, keys not yet signed for */
  { 15, 3, STAGE_INSPECTED, TRUE, 0, TRUE },      /* deadlines overdue */
  { 11, 2, STAGE_REINSPECTED, TRUE, 1, TRUE },    /* one not fixed, new deadline */
  { 2, 1, STAGE_INSPECTED, FALSE, 0, TRUE },      /* notice overdue */
  { 1, 2, STAGE_INSPECTED, FALSE, 0, TRUE },      /* notice due soon */
  { 0, 1, STAGE_WALKING, FALSE, 0, FALSE },
  { 0, 0, STAGE_STARTED, FALSE, 0, FALSE },
  { 1, 0, STAGE_WALKED, FALSE, 0, FALSE },
};

static void
travel (PdContext  *ctx,
        const char *day,
        int         hour,
        int         minute)
{
  g_autoptr (GTimeZone) zone = g_time_zone_new_local ();
  g_autoptr (GDateTime) when = NULL;
  int y = 0, m = 0, d = 0;

  sscanf (day, "%d-%d-%d", &y, &m, &d);
  when = g_date_time_new (zone, y, m, d, hour, minute, 0);
  pd_context_set_now (ctx, when);
}

/* The working day on or before @days_ago days before @today. */
static char *
office_day (PdContext  *ctx,
            const char *today,
            int         days_ago)
{
  char *day = pd_date_add_days (today, -days_ago);

  while (!pd_calendar_is_working_day (ctx, day))
    {
      char *before = pd_date_add_days (day, -1);
      g_free (day);
      day = before;
    }
  return day;
}

/* Vacant units with a current owner and no handover, by unit code. */
static GArray *
candidate_units (PdContext *ctx,
                 GError   **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  sqlite3_stmt *stmt = pd_database_prepare (database,
    "SELECT u.id, (SELECT min (r.person_id) FROM unit_role r "
    "              WHERE r.unit_id = u.id AND r.role = 'owner' AND r.ended_on = '') AS owner "
    "FROM unit u WHERE u.state = 'vacant' AND owner IS NOT NULL "
    "AND NOT EXISTS (SELECT 1 FROM handover h WHERE h.unit_id = u.id) ORDER BY u.id", error);
  GArray *pairs;

  if (stmt == NULL)
    return NULL;
  pairs = g_array_new (FALSE, FALSE, sizeof (gint64));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 unit = sqlite3_column_int64 (stmt, 0), owner = sqlite3_column_int64 (stmt, 1);
      g_array_append_val (pairs, unit);
      g_array_append_val (pairs, owner);
    }
  sqlite3_reset (stmt);
  return pairs;
}

static gboolean
fill_papers (PdContext      *ctx,
             GRand          *rand,
             gint64          id,
             const Scenario *s,
             GError        **error)
{
  g_autoptr (PdHandover) h = pd_handover_get (ctx, id, error);
  gboolean enterprise;

  if (h == NULL)
    return FALSE;
  enterprise = g_strcmp0 (h->owner_kind, "enterprise") == 0;
  g_free (h->docs_checked);
  h->docs_checked = g_strdup (enterprise ? "move_in_notice,purchase_contract,business_licence"
                                         : "move_in_notice,purchase_contract,owner_id");
  g_free (h->agreements_signed);
  h->agreements_signed = g_strdup (s->stage == STAGE_STARTED ? "service_contract"
                                   : "service_contract,renovation_agreement,management_rules");
  g_free (h->engineer);
  h->engineer = g_strdup (PICK (rand, engineers));
  g_free (h->officer);
  h->officer = g_strdup (PICK (rand, officers));
  g_free (h->developer_rep);
  h->developer_rep = g_strdup (PICK (rand, developer_reps));
  if (s->papers_done)
    {
      g_free (h->fee_receipt);
      h->fee_receipt = g_strdup_printf ("SK%06d", g_rand_int_range (rand, 1000, 999999));
      h->house_keys = g_rand_int_range (rand, 2, 5);
      g_free (h->access_cards);
      h->access_cards = g_strdup_printf ("MJ%05d、MJ%05d", (int) id * 2, (int) id * 2 + 1);
      g_free (h->electricity_card);
      h->electricity_card = g_strdup_printf ("DK%06d", g_rand_int_range (rand, 100000, 999999));
      g_free (h->water_card);
      h->water_card = g_strdup_printf ("SK%06d", g_rand_int_range (rand, 100000, 999999));
      g_free (h->gas_card);
      h->gas_card = g_strdup_printf ("RQ%06d", g_rand_int_range (rand, 100000, 999999));
      g_free (h->keys_handed_on);
      h->keys_handed_on = g_strdup (h->handover_on);
    }
  if (s->stage >= STAGE_INSPECTED)
    {
      /* New meters: a few units used during construction and checks. */
      h->water_milli = g_rand_int_range (rand, 0, 9000) * 10;
      h->electricity_milli = g_rand_int_range (rand, 0, 60000) * 10;
      h->gas_milli = g_rand_int_range (rand, 0, 900) * 10;
    }
  return pd_handover_save (ctx, h, error);
}

/* Walks the checklist: @n_defects items found wrong, the rest OK (or only
 * the first half of the rooms when @partial). */
static gboolean
walk (PdContext      *ctx,
      GRand          *rand,
      gint64          id,
      const Scenario *s,
      GError        **error)
{
  g_autoptr (GPtrArray) checks = pd_handover_check_list (ctx, id, error);
  guint walked;

  if (checks == NULL)
    return FALSE;
  walked = s->stage == STAGE_WALKING ? checks->len / 2 : checks->len;
  for (int i = 0; i < s->defects; i++)
    {
      PdHandoverCheck *check = checks->pdata[g_rand_int_range (rand, 0, (int) walked)];
      if (g_str_equal (check->result, "defect"))
        continue;
      g_free (check->result);
      check->result = g_strdup ("defect");
      if (!pd_handover_check_set (ctx, check->id, "defect", defect_note (rand, check->item), error))
        return FALSE;
    }
  for (guint i = 0; i < walked; i++)
    {
      PdHandoverCheck *check = checks->pdata[i];
      if (*check->result == '\0' && !pd_handover_check_set (ctx, check->id, "ok", "", error))
        return FALSE;
    }
  return TRUE;
}

/* Gives the defects their responsible party and notice. */
static gboolean
assign_defects (PdContext *ctx,
                GRand     *rand,
                gint64     id,
                GError   **error)
{
  g_autoptr (GPtrArray) defects = pd_handover_defect_list (ctx, id, error);

  if (defects == NULL)
    return FALSE;
  for (guint i = 0; i < defects->len; i++)
    {
      PdHandoverDefect *defect = defects->pdata[i];
      g_free (defect->responsible);
      defect->responsible = g_strdup (PICK (rand, responsibles));
      if (!pd_handover_defect_update (ctx, defect, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
reinspect (PdContext      *ctx,
           const char     *today,
           gint64          id,
           const Scenario *s,
           GError        **error)
{
  g_autoptr (GPtrArray) defects = pd_handover_defect_list (ctx, id, error);
  int fixed = 0;

  if (defects == NULL)
    return FALSE;
  for (guint i = 0; i < defects->len; i++)
    {
      PdHandoverDefect *defect = defects->pdata[i];
      g_autofree char *day = g_strcmp0 (defect->deadline, today) < 0 ? g_strdup (defect->deadline)
                                                                      : office_day (ctx, today, 1);
      gboolean ok = fixed++ < s->fixed;

      travel (ctx, day, 15, 0);
      if (!pd_handover_reinspect (ctx, defect->id, ok, ok ? NULL : "+5",
                                  ok ? "已整改，复验合格" : "整改未完成，已与施工单位确认新期限", error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
replay (PdContext      *ctx,
        GRand          *rand,
        const char     *today,
        gint64          unit_id,
        gint64          owner_id,
        const Scenario *s,
        GError        **error)
{
  g_autofree char *day = office_day (ctx, today, s->days_ago);
  gint64 id;

  /* The office opens at half past eight; a handover takes the morning. */
  travel (ctx, day, s->days_ago == 1 && s->stage == STAGE_INSPECTED ? 14 : 9, 30);
  id = pd_handover_start (ctx, unit_id, owner_id, NULL, day, error);
  if (id < 0 || !fill_papers (ctx, rand, id, s, error))
    return FALSE;
  if (s->stage == STAGE_STARTED)
    return TRUE;
  if (!walk (ctx, rand, id, s, error) || !assign_defects (ctx, rand, id, error))
    return FALSE;
  if (s->stage < STAGE_INSPECTED)
    return TRUE;
  if (!pd_handover_finish_inspection (ctx, id, error))
    return FALSE;
  if (s->notice_sent && s->defects > 0)
    {
      /* Sent the same afternoon, within the 24 hours. */
      travel (ctx, day, 16, 30);
      if (!pd_handover_send_notice (ctx, id, NULL, error))
        return FALSE;
    }
  if (s->stage >= STAGE_REINSPECTED && s->defects > 0 && !reinspect (ctx, today, id, s, error))
    return FALSE;
  if (s->stage == STAGE_CLOSED)
    {
      /* Closed at five on the day of the last step (the walk or the last
       * re-inspection). */
      g_autoptr (GDateTime) at = pd_context_now (ctx);
      g_autofree char *on = g_date_time_format (at, "%Y-%m-%d");

      travel (ctx, on, 17, 0);
      if (!pd_handover_close (ctx, id, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
pd_demo_handover (PdContext *ctx,
                  GRand     *rand,
                  GError   **error)
{
  g_autoptr (GDateTime) now = pd_context_now (ctx);
  g_autofree char *today = pd_context_today (ctx);
  g_autoptr (GArray) pairs = candidate_units (ctx, error);
  gboolean fixed = pd_context_clock_is_fixed (ctx);
  gboolean ok = TRUE;
  guint n;

  if (pairs == NULL)
    return FALSE;
  n = MIN (pairs->len / 2, G_N_ELEMENTS (scenarios));
  for (guint i = 0; i < n && ok; i++)
    {
      /* Spread over the estate rather than the first building only. */
      guint pick = (i * (pairs->len / 2)) / n;
      ok = replay (ctx, rand, today, g_array_index (pairs, gint64, pick * 2),
                   g_array_index (pairs, gint64, pick * 2 + 1), &scenarios[i], error);
    }
  pd_context_set_now (ctx, fixed ? now : NULL);
  return ok;
}
