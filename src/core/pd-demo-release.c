/* pd-demo-release.c — a few months of release slips in every state, issued
 * and released through the core API day by day, so the register, the gate
 * check and the monthly export show a living office. */
#include "config.h"

#include "pd-demo.h"
#include "pd-release-slip.h"
#include "pd-unit-role.h"

#define DEMO_DAYS 100

#define PICK(rand, array) (array[g_rand_int_range ((rand), 0, G_N_ELEMENTS (array))])

static const char *const clerks[] = { "前台小李", "前台小陈", "客服专员王芳" };
static const char *const guards[] = { "保安老周", "保安小刘", "保安张强", "保安马军" };
static const char *const cashiers[] = { "收费员刘敏", "收费员何静" };
static const char *const carriers[] = { "陈师傅", "黄建国", "吴海涛", "孙志强", "马立新", "郭鹏", "林大勇", "罗文军" };
static const char *const provinces[] = { "粤B", "粤A", "湘A", "赣B", "桂A" };
static const char *const moving_items[] = {
  "沙发", "床", "床垫", "衣柜", "书柜", "餐桌", "椅子", "冰箱", "洗衣机", "电视机", "空调",
  "纸箱", "行李箱", "自行车", "电脑",
};
static const char *const renovation_items[] = { "装修工具", "剩余建材", "旧门窗", "旧家具", "切割机", "梯子" };
static const char *const other_items[] = { "旧家具", "纸箱", "冰箱", "自行车", "电视机", "办公桌", "文件柜", "电脑" };
static const char *const notes[] = { "", "", "", "旧", "已打包", "拆散", "有划痕" };
static const char *const void_reasons[] = { "物品填写有误，已重开", "业主取消搬运", "车牌填错，已重开" };
static const char *const other_reasons[] = { "捐赠旧物", "送修家电", "出售二手家具", "公司搬迁部分办公用品" };

/* PdContext has no getter telling a fixed clock from the real one; a fixed
 * clock does not move while we wait a millisecond. */
static gboolean
clock_is_fixed (PdContext *ctx)
{
  g_autoptr (GDateTime) before = pd_context_now (ctx);
  g_autoptr (GDateTime) after = NULL;

  g_usleep (1000);
  after = pd_context_now (ctx);
  return g_date_time_equal (before, after);
}

static GArray *
units_with_applicants (PdContext  *ctx,
                       GError    **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  sqlite3_stmt *stmt = pd_database_prepare (database,
    "SELECT DISTINCT unit_id FROM unit_role WHERE ended_on = '' "
    "AND role IN ('owner', 'tenant', 'proxy') ORDER BY unit_id", error);
  GArray *units;

  if (stmt == NULL)
    return NULL;
  units = g_array_new (FALSE, FALSE, sizeof (gint64));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (units, id);
    }
  sqlite3_reset (stmt);
  return units;
}

static void
set_text (char      **field,
          const char *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

static PdReleaseSlip *
make_slip (PdContext *ctx,
           GRand     *rand,
           gint64     unit_id,
           GDateTime *issue_time,
           GError   **error)
{
  g_autoptr (GPtrArray) applicants = pd_release_applicants (ctx, unit_id, error);
  g_autoptr (PdReleaseSlip) slip = pd_release_slip_new ();
  g_autoptr (GDateTime) valid = NULL;
  const PdUnitRole *applicant, *owner = NULL;
  const char *const *items;
  int n_items, roll;

  if (applicants == NULL || applicants->len == 0)
    return NULL;
  applicant = g_ptr_array_index (applicants, g_rand_int_range (rand, 0, applicants->len));
  for (guint i = 0; i < applicants->len && owner == NULL; i++)
    if (g_str_equal (((PdUnitRole *) g_ptr_array_index (applicants, i))->role, "owner"))
      owner = g_ptr_array_index (applicants, i);
  if (owner == NULL)
    return NULL;

  slip->unit_id = unit_id;
  slip->applicant_id = applicant->person_id;
  set_text (&slip->applicant_role, applicant->role);
  roll = g_rand_int_range (rand, 0, 100);
  if (roll < 25)
    {
      set_text (&slip->reason, "moving_out");
      g_autoptr (GDateTime) paid = g_date_time_add_minutes (issue_time, -g_rand_int_range (rand, 10, 90));
      g_autofree char *cleared = g_date_time_format (paid, "%Y-%m-%d %H:%M");

      set_text (&slip->fees_cashier, PICK (rand, cashiers));
      set_text (&slip->fees_cleared_at, cleared);
      items = moving_items;
      n_items = G_N_ELEMENTS (moving_items);
    }
  else if (roll < 60)
    {
      set_text (&slip->reason, "renovation");
      items = renovation_items;
      n_items = G_N_ELEMENTS (renovation_items);
    }
  else
    {
      set_text (&slip->reason, "other");
      set_text (&slip->reason_note, PICK (rand, other_reasons));
      items = other_items;
      n_items = G_N_ELEMENTS (other_items);
    }
  if (g_str_equal (applicant->role, "tenant"))
    {
      static const char *const methods[] = { "phone", "phone", "in_person", "written" };
      g_autoptr (GDateTime) confirmed = g_date_time_add_minutes (issue_time, -g_rand_int_range (rand, 5, 600));
      g_autofree char *confirmed_at = g_date_time_format (confirmed, "%Y-%m-%d %H:%M");

      slip->owner_confirm_id = owner->person_id;
      set_text (&slip->owner_confirm_method, PICK (rand, methods));
      set_text (&slip->owner_confirm_at, confirmed_at);
    }
  for (int i = g_rand_int_range (rand, 1, g_str_equal (slip->reason, "moving_out") ? 9 : 4); i > 0; i--)
    {
      const char *name = items[g_rand_int_range (rand, 0, n_items)];
      gboolean listed = FALSE;

      /* One line per kind of item, as a clerk writes it. */
      for (guint k = 0; k < slip->items->len; k++)
        listed |= g_str_equal (((PdReleaseItem *) g_ptr_array_index (slip->items, k))->name, name);
      if (!listed)
        g_ptr_array_add (slip->items, pd_release_item_new (name, g_rand_int_range (rand, 1, 4), PICK (rand, notes)));
    }
  set_text (&slip->carrier_name, PICK (rand, carriers));
  g_free (slip->carrier_id_number);
  {
    g_autofree char *birthday = g_strdup_printf ("19%02d-%02d-%02d", g_rand_int_range (rand, 60, 99),
                                                 g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29));
    slip->carrier_id_number = pd_demo_make_prc_id (rand, birthday, TRUE);
  }
  if (g_rand_int_range (rand, 0, 3) > 0)
    {
      g_autofree char *plate = g_strdup_printf ("%s%05d", PICK (rand, provinces), g_rand_int_range (rand, 0, 100000));
      set_text (&slip->plate, plate);
    }
  /* Mostly for the day or two after; movers booked ahead get a week. */
  valid = g_date_time_add_days (issue_time, g_rand_int_range (rand, 0, 4) == 0 ? g_rand_int_range (rand, 3, 8)
                                                                               : g_rand_int_range (rand, 0, 3));
  g_free (slip->valid_on);
  slip->valid_on = g_date_time_format (valid, "%Y-%m-%d");
  slip->no_dangerous_goods = TRUE;
  return g_steal_pointer (&slip);
}

/* Issues one slip at @issue_time and lets it live: most leave the gate, a
 * few are voided, some are never used and expire. */
static gboolean
live_one (PdContext *ctx,
          GRand     *rand,
          gint64     unit_id,
          GDateTime *day,
          int        minutes,
          GDateTime *now,
          GError   **error)
{
  g_autoptr (GDateTime) issue_time = g_date_time_add_minutes (day, minutes);
  g_autoptr (PdReleaseSlip) slip = NULL;
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  int fate = g_rand_int_range (rand, 0, 100);
  gboolean still_valid;

  if (g_date_time_compare (issue_time, now) > 0)
    return TRUE;
  slip = make_slip (ctx, rand, unit_id, issue_time, error);
  if (slip == NULL)
    return error == NULL || *error == NULL;
  pd_context_set_user (ctx, PICK (rand, clerks), PD_ROLE_CLERK);
  pd_context_set_now (ctx, issue_time);
  if (pd_release_slip_issue (ctx, slip, error) < 0)
    return FALSE;
  /* Slips still valid today are often still waiting for the movers. */
  still_valid = strcmp (slip->valid_on, today) >= 0;

  if (fate < 5)
    {
      g_autoptr (GDateTime) voided = g_date_time_add_minutes (issue_time, 20);

      if (g_date_time_compare (voided, now) > 0)
        return TRUE;
      pd_context_set_user (ctx, "客服主管王敏", PD_ROLE_SUPERVISOR);
      pd_context_set_now (ctx, voided);
      return pd_release_slip_void (ctx, slip->id, PICK (rand, void_reasons), error);
    }
  if (fate < (still_valid ? 50 : 88))
    {
      g_autoptr (GDateTime) out = g_date_time_add_minutes (issue_time, g_rand_int_range (rand, 15, 240));

      /* Still in the office or on the way to the gate: issued, unused. */
      if (g_date_time_compare (out, now) > 0)
        return TRUE;
      pd_context_set_now (ctx, out);
      return pd_release_slip_release (ctx, slip->id, PICK (rand, guards), error);
    }
  return TRUE;
}

static int
compare_int (const void *a,
             const void *b)
{
  return *(const int *) a - *(const int *) b;
}

gboolean
pd_demo_release (PdContext *ctx,
                 GRand     *rand,
                 GError   **error)
{
  g_autoptr (GDateTime) now = pd_context_now (ctx);
  g_autoptr (GArray) units = NULL;
  g_autofree char *user = g_strdup (pd_context_get_user (ctx));
  PdRole role = pd_context_get_role (ctx);
  gboolean fixed = clock_is_fixed (ctx);
  gboolean ok = TRUE;
  guint volume = pd_demo_volumes (ctx).release_slips;
  /* A portfolio gets a year at the pace that makes its volume (a weekday
   * twice a weekend day); the demo office a hundred days at its own. */
  int days = volume ? 365 : DEMO_DAYS;
  double per_weekday = volume * 7.0 / (365 * 6);
  g_autofree int *minutes = g_new (int, (int) (per_weekday * 2) + 8);

  units = units_with_applicants (ctx, error);
  if (units == NULL)
    return FALSE;
  for (int back = days; back >= 0 && ok && units->len > 0; back--)
    {
      g_autoptr (GDateTime) date = g_date_time_add_days (now, -back);
      g_autoptr (GDateTime) day = g_date_time_new_local (g_date_time_get_year (date),
                                                         g_date_time_get_month (date),
                                                         g_date_time_get_day_of_month (date), 0, 0, 0);
      gboolean weekend = g_date_time_get_day_of_week (day) >= 6;
      /* floor (x + U) with U uniform in [0, 1) is x on average. */
      int count = volume == 0 ? (weekend ? g_rand_int_range (rand, 0, 3) : g_rand_int_range (rand, 2, 7))
                  : (int) ((weekend ? per_weekday / 2 : per_weekday) * g_rand_double_range (rand, 0.5, 1.5) +
                           g_rand_double (rand));

      /* Serials follow the clock, so the day's times are drawn first. */
      for (int i = 0; i < count; i++)
        minutes[i] = g_rand_int_range (rand, 8 * 60 + 30, 17 * 60 + 30);
      qsort (minutes, count, sizeof minutes[0], compare_int);
      for (int i = 0; i < count && ok; i++)
        ok = live_one (ctx, rand, g_array_index (units, gint64, g_rand_int_range (rand, 0, units->len)),
                       day, minutes[i], now, error);
    }
  pd_context_set_user (ctx, user, role);
  pd_context_set_now (ctx, fixed ? now : NULL);
  return ok;
}
