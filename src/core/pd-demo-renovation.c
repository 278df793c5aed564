/* pd-demo-renovation.c — renovations in every state of the workflow, driven
 * through the core API on a clock that walks from the past to today: the
 * units the generator marked renovating get works on site with two patrols
 * a day (a few missed), violations, deductions and top-ups; other handed-
 * over units get applications from draft to closed. */
#include "config.h"

#include "pd-calendar.h"
#include "pd-deposit-ledger.h"
#include "pd-demo.h"
#include "pd-renovation-patrol.h"
#include "pd-renovation-workflow.h"
#include "pd-renovation.h"
#include "pd-unit-role.h"

#define PICK(rand, array) (array[g_rand_int_range ((rand), 0, G_N_ELEMENTS (array))])

static const char *const contractors[] = {
  "新景装饰工程有限公司", "匠心家装设计有限公司", "美居装饰工程有限公司", "宏图建筑装饰有限公司",
  "金螳螂家装有限公司", "东易日盛装饰有限公司",
};
static const char *const qualifications[] = {
  "建筑装修装饰工程专业承包二级", "建筑装修装饰工程专业承包一级", "建筑装饰工程设计专项乙级",
};
static const char *const bosses[] = { "周建华", "钱志刚", "郑国栋", "冯海军", "陈晓东", "黄立新" };
static const char *const worker_names[] = {
  "李师傅", "赵大勇", "孙建国", "吴海涛", "郭鹏", "林志强", "罗文军", "马立新", "何永福", "高德胜",
  "曹小龙", "彭家旺", "邓国强", "许卫东",
};
static const char *const trades[] = { "瓦工", "木工", "水电工", "油漆工", "杂工" };
static const char *const inspectors[] = { "楼管王芳", "楼管李强", "工程部赵工" };
static const char *const findings[][2] = {
  { "D", "楼道内装修垃圾未袋装" }, { "B", "卫生间防水未验收即贴砖" }, { "C", "在电梯内张贴装修广告" },
  { "F", "搬运材料碰坏电梯轿厢" }, { "H", "超时施工，不听劝阻" }, { "A", "擅自开凿承重墙" },
  { "E", "从窗口抛下废料" },
};
static const char *const revision_notes[] = {
  "电气图缺少回路说明，请补充", "卫生间改动需提供防水做法", "阳台封闭样式不符合统一标准",
};

/* The order the workflow reaches each target in; on-site targets go first
 * so the renovating units of the generator get their works. */
static const char *const on_site_targets[] = {
  "in_progress", "in_progress", "in_progress", "in_progress", "in_progress", "in_progress",
  "stopped", "completion_requested", "completion_requested", "rectification",
};
static const char *const other_targets[] = {
  "submitted", "review_engineering", "closed", "draft", "review_supervisor", "review_manager",
  "needs_revision", "approved", "permit_issued", "accepted", "refunded", "rejected", "withdrawn",
  "submitted", "closed", "review_engineering", "closed", "approved", "closed", "submitted",
  "withdrawn", "closed", "needs_revision", "closed",
};

static const char *const portfolio_targets[] = {
  "withdrawn", "rejected", "withdrawn", "approved", "permit_issued", "submitted", "review_engineering",
  "needs_revision", "withdrawn", "rejected",
};

typedef struct
{
  PdContext *ctx;
  GRand     *rand;
  GDateTime *now;
  GDateTime *clock;   /* the simulated moment, never after now */
  char      *enforced_on;  /* the last day the morning top-up check ran */
} Demo;

static void
set_clock (Demo      *demo,
           GDateTime *moment)
{
  GDateTime *next = g_date_time_compare (moment, demo->now) > 0 ? demo->now : moment;

  g_date_time_ref (next);
  g_clear_pointer (&demo->clock, g_date_time_unref);
  demo->clock = next;
  pd_context_set_now (demo->ctx, next);
}

/* Moves the clock @days forward to office hours (@hour:@minute). */
static void
advance (Demo *demo,
         int   days,
         int   hour,
         int   minute)
{
  g_autoptr (GDateTime) day = g_date_time_add_days (demo->clock, days);
  g_autoptr (GDateTime) moment = g_date_time_new_local (g_date_time_get_year (day),
                                                        g_date_time_get_month (day),
                                                        g_date_time_get_day_of_month (day), hour, minute, 0);
  set_clock (demo, moment);
}

static void
as (Demo *demo,
    PdRole role)
{
  static const char *const names[] = { "前台小李", "客服主管陈静", "管理处经理刘伟", "系统管理员" };
  pd_context_set_user (demo->ctx, names[role], role);
}

static void
set_text (char      **field,
          const char *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

static gint64
create_application (Demo     *demo,
                    gint64    unit_id,
                    GError  **error)
{
  g_autoptr (GPtrArray) roles = pd_unit_role_list (demo->ctx, unit_id, 0, TRUE, error);
  g_autoptr (PdRenovation) renovation = pd_renovation_new ();
  g_autoptr (GString) scope = g_string_new ("surface");
  g_autoptr (GString) drawings = g_string_new ("floor_plan");
  g_autofree char *today = NULL, *start = NULL, *end = NULL;
  gint64 id;
  int workers;

  if (roles == NULL)
    return -1;
  renovation->unit_id = unit_id;
  for (guint i = 0; i < roles->len; i++)
    {
      PdUnitRole *role = roles->pdata[i];
      if (g_str_equal (role->role, "owner") && renovation->applicant_id == 0)
        renovation->applicant_id = role->person_id;
      /* Now and then the tenant applies, with the owner's letter. */
      if (g_str_equal (role->role, "tenant") && role->authorised_by && g_rand_int_range (demo->rand, 0, 2))
        {
          renovation->applicant_id = role->person_id;
          set_text (&renovation->applicant_role, "tenant");
          renovation->authorised_by = role->authorised_by;
          renovation->authorisation_letter = TRUE;
          break;
        }
    }
  if (renovation->applicant_id == 0)
    return 0;

  if (g_rand_int_range (demo->rand, 0, 100) < 15)
    {
      renovation->self_renovation = TRUE;
      renovation->undertaking_signed = TRUE;
    }
  else
    {
      set_text (&renovation->contractor_name, PICK (demo->rand, contractors));
      g_free (renovation->contractor_licence);
      renovation->contractor_licence = pd_demo_make_uscc (demo->rand);
      set_text (&renovation->contractor_qualification, PICK (demo->rand, qualifications));
      set_text (&renovation->contractor_person, PICK (demo->rand, bosses));
      g_free (renovation->contractor_phone);
      renovation->contractor_phone = pd_demo_make_mobile (demo->rand);
    }
  if (g_rand_int_range (demo->rand, 0, 100) < 60)
    {
      g_string_append (scope, ",electrical");
      g_string_append (drawings, ",electrical");
    }
  if (g_rand_int_range (demo->rand, 0, 100) < 50)
    {
      g_string_append (scope, ",plumbing,waterproofing");
      g_string_append (drawings, ",plumbing");
    }
  if (g_rand_int_range (demo->rand, 0, 100) < 20)
    g_string_append (scope, ",demolition");
  if (g_rand_int_range (demo->rand, 0, 100) < 30)
    g_string_append (scope, ",air_conditioning");
  if (g_rand_int_range (demo->rand, 0, 100) < 10)
    {
      g_string_append (scope, ",hot_work");
      renovation->hot_work_application = TRUE;
      renovation->extinguisher = TRUE;
    }
  set_text (&renovation->scope, scope->str);
  set_text (&renovation->drawings, drawings->str);
  today = g_date_time_format (demo->clock, "%Y-%m-%d");
  start = pd_date_add_days (today, g_rand_int_range (demo->rand, 4, 9));
  end = pd_date_add_days (start, g_rand_int_range (demo->rand, 45, 90));
  set_text (&renovation->planned_start, start);
  set_text (&renovation->planned_end, end);

  id = pd_renovation_create (demo->ctx, renovation, error);
  if (id < 0)
    return -1;
  workers = g_rand_int_range (demo->rand, 1, 5);
  for (int i = 0; i < workers; i++)
    {
      g_autoptr (PdRenovationWorker) worker = pd_renovation_worker_new ();
      g_autofree char *birthday = g_strdup_printf ("%d-%02d-%02d", g_rand_int_range (demo->rand, 1965, 2000),
                                                   g_rand_int_range (demo->rand, 1, 13),
                                                   g_rand_int_range (demo->rand, 1, 29));

      worker->renovation_id = id;
      set_text (&worker->name, worker_names[(i + unit_id) % G_N_ELEMENTS (worker_names)]);
      g_free (worker->id_number);
      worker->id_number = pd_demo_make_prc_id (demo->rand, birthday, TRUE);
      g_free (worker->phone);
      worker->phone = pd_demo_make_mobile (demo->rand);
      set_text (&worker->trade, PICK (demo->rand, trades));
      if (pd_renovation_worker_add (demo->ctx, worker, error) < 0)
        return -1;
    }
  return id;
}

static gboolean
patrol (Demo     *demo,
        gint64    id,
        int       hour,
        gboolean  may_find,
        gboolean  stop,
        GError  **error)
{
  g_autoptr (PdRenovationPatrol) patrol = pd_renovation_patrol_new ();
  g_autoptr (PdRenovationViolation) found = NULL;
  int pick = g_rand_int_range (demo->rand, 0, G_N_ELEMENTS (findings));

  advance (demo, 0, hour, g_rand_int_range (demo->rand, 0, 50));
  patrol->renovation_id = id;
  set_text (&patrol->inspector, hour >= 14 ? "工程部赵工" : PICK (demo->rand, inspectors));
  if (stop || (may_find && g_rand_int_range (demo->rand, 0, 100) < 4))
    {
      g_autofree char *photo = g_date_time_format (demo->clock, "IMG_%Y%m%d_%H%M.jpg");

      found = pd_renovation_violation_new ();
      set_text (&patrol->result, "violation");
      set_text (&patrol->note, findings[pick][1]);
      set_text (&patrol->photo_ref, photo);
      set_text (&found->code, findings[pick][0]);
      set_text (&found->description, findings[pick][1]);
      /* The ladder is climbed by the office, not by the generator: stop
       * only where the demo wants stopped works. */
      set_text (&found->ladder_step, stop ? "stop_work" : (pick % 2 ? "persuade" : "restore"));
    }
  else
    set_text (&patrol->note, "现场正常");
  return pd_renovation_patrol_add (demo->ctx, patrol, found, error) > 0;
}

/* One day on site: overdue top-ups stop works, most owed top-ups come
 * within a day or two, stopped works resume once nothing is overdue, two
 * patrols (a missed one now and then; today's afternoon round may still be
 * to come). */
static gboolean
works_day (Demo     *demo,
           gint64    id,
           gboolean  today,
           gboolean  stop,
           GError  **error)
{
  g_autoptr (PdRenovation) renovation = NULL;
  PdDepositSummary summary = { 0 };
  gboolean ok;

  g_autofree char *day = NULL;

  advance (demo, 0, 8, 40);
  /* The office checks the top-ups of all works once each morning, not once
   * per works on site: with thousands of renovations that is quadratic. */
  day = g_date_time_format (demo->clock, "%F");
  if (g_strcmp0 (day, demo->enforced_on) != 0)
    {
      if (pd_deposit_enforce_topups (demo->ctx, error) < 0)
        return FALSE;
      g_free (demo->enforced_on);
      demo->enforced_on = g_steal_pointer (&day);
    }
  if (!pd_deposit_summarize (demo->ctx, id, &summary, error))
    return FALSE;
  ok = summary.shortfall_fen == 0 || g_rand_int_range (demo->rand, 0, 100) >= 45 ||
       pd_deposit_top_up (demo->ctx, id, summary.shortfall_fen, "补交押金", error);
  pd_deposit_summary_clear (&summary);
  renovation = pd_renovation_get (demo->ctx, id, error);
  if (!ok || renovation == NULL)
    return FALSE;
  if (g_str_equal (renovation->state, "stopped") && !stop)
    pd_renovation_resume (demo->ctx, id, NULL);
  if (g_rand_int_range (demo->rand, 0, 100) < (today ? 70 : 92) &&
      !patrol (demo, id, 9 + g_rand_int_range (demo->rand, 0, 2), TRUE, FALSE, error))
    return FALSE;
  if (stop || (g_rand_int_range (demo->rand, 0, 100) < 90 &&
               (!today || g_date_time_get_hour (demo->now) >= 15)))
    return patrol (demo, id, 14, TRUE, stop, error);
  return TRUE;
}

/* One workflow action towards @target, at the current clock. */
static gboolean
step (Demo        *demo,
      gint64       id,
      const char  *target,
      GError     **error)
{
  g_autoptr (PdRenovation) r = pd_renovation_get (demo->ctx, id, error);
  const char *state;

  if (r == NULL)
    return FALSE;
  state = r->state;
  as (demo, PD_ROLE_CLERK);
  if (g_str_equal (target, "withdrawn") && !g_str_equal (state, "draft"))
    return pd_renovation_withdraw (demo->ctx, id, "业主暂缓装修", error);
  if (g_str_equal (state, "draft") || g_str_equal (state, "needs_revision"))
    return pd_renovation_submit (demo->ctx, id, error);
  if (g_str_equal (state, "submitted"))
    return pd_renovation_start_review (demo->ctx, id, error);
  if (g_str_equal (state, "review_engineering"))
    {
      if (g_str_equal (target, "needs_revision") || g_rand_int_range (demo->rand, 0, 100) < 15)
        return pd_renovation_return_for_revision (demo->ctx, id, PICK (demo->rand, revision_notes), error);
      return pd_renovation_pass_review (demo->ctx, id, "图纸符合要求，同意施工", error);
    }
  if (g_str_equal (state, "review_supervisor"))
    {
      as (demo, PD_ROLE_SUPERVISOR);
      return pd_renovation_pass_review (demo->ctx, id, "同意", error);
    }
  if (g_str_equal (state, "review_manager"))
    {
      as (demo, PD_ROLE_MANAGER);
      if (g_str_equal (target, "rejected"))
        return pd_renovation_reject (demo->ctx, id, "拟拆除承重墙，不予批准", error);
      return pd_renovation_pass_review (demo->ctx, id, "批准", error);
    }
  if (g_str_equal (state, "approved") && r->fees_paid_on[0] == '\0')
    {
      g_autofree char *receipt = g_date_time_format (demo->clock, "SJ%Y%m%d");
      g_autofree char *numbered = g_strdup_printf ("%s-%02d", receipt, g_rand_int_range (demo->rand, 1, 40));
      return pd_renovation_record_fees (demo->ctx, id, numbered, error);
    }
  if (g_str_equal (state, "approved") && r->agreement_signed_on[0] == '\0')
    return pd_renovation_sign_agreement (demo->ctx, id, error);
  if (g_str_equal (state, "approved"))
    return pd_renovation_issue_permit (demo->ctx, id, NULL, NULL, error);
  if (g_str_equal (state, "permit_issued"))
    return pd_renovation_start_works (demo->ctx, id, error);
  if (g_str_equal (state, "stopped"))
    {
      /* Works that must go on: the top-up comes, then they resume. */
      PdDepositSummary summary = { 0 };
      gboolean ok = pd_deposit_summarize (demo->ctx, id, &summary, error) &&
                    (summary.shortfall_fen == 0 ||
                     pd_deposit_top_up (demo->ctx, id, summary.shortfall_fen, "补交押金", error));
      pd_deposit_summary_clear (&summary);
      return ok && pd_renovation_resume (demo->ctx, id, error);
    }
  if (g_str_equal (state, "in_progress") || g_str_equal (state, "rectification"))
    return pd_renovation_request_completion (demo->ctx, id, error);
  if (g_str_equal (state, "completion_requested"))
    {
      gboolean pass = !g_str_equal (target, "rectification") && g_rand_int_range (demo->rand, 0, 100) < 80;
      return pd_renovation_inspect (demo->ctx, id, pass, pass, pass ? "验收合格" : "厨房管道未留检修口", error);
    }
  if (g_str_equal (state, "accepted"))
    {
      as (demo, PD_ROLE_MANAGER);
      return pd_renovation_refund (demo->ctx, id, error);
    }
  if (g_str_equal (state, "refunded"))
    return pd_renovation_close (demo->ctx, id, error);
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "demo: cannot drive %s to %s", state, target);
  return FALSE;
}

/* One renovation on its way to @target: a process of the simulation. */
typedef struct
{
  gint64      unit_id;
  gint64      id;          /* 0 until the application is created */
  const char *target;
  int         works_left;  /* days on site still to run; -1 until today */
  GDateTime  *next;        /* when it acts next */
  gboolean    late;        /* caught up with now */
  gboolean    done;
} Job;

static void
job_clear (Job *job)
{
  g_clear_pointer (&job->next, g_date_time_unref);
}

static void
job_schedule (Demo *demo,
              Job  *job,
              int   days,
              int   hour)
{
  g_autoptr (GDateTime) day = g_date_time_add_days (job->next, days);
  GDateTime *next = g_date_time_new_local (g_date_time_get_year (day), g_date_time_get_month (day),
                                           g_date_time_get_day_of_month (day), hour,
                                           g_rand_int_range (demo->rand, 0, 60), 0);

  g_date_time_unref (job->next);
  job->next = next;
  /* Nothing happens after now: what is still on the way to the target
   * happens now, and works on site stop at today. */
  if (g_date_time_compare (job->next, demo->now) > 0)
    {
      g_date_time_unref (job->next);
      job->next = g_date_time_ref (demo->now);
      job->late = TRUE;
    }
}

/* Earliest next action first; between equals the older job. */
static int
job_order (gconstpointer a,
           gconstpointer b,
           gpointer      user_data)
{
  GArray *jobs = user_data;
  guint i = GPOINTER_TO_UINT (a), j = GPOINTER_TO_UINT (b);
  int c = g_date_time_compare (g_array_index (jobs, Job, i).next, g_array_index (jobs, Job, j).next);

  return c != 0 ? c : (i > j) - (i < j);
}

static gboolean
is_today (Demo      *demo,
          GDateTime *moment)
{
  g_autofree char *a = g_date_time_format (moment, "%F");
  g_autofree char *b = g_date_time_format (demo->now, "%F");
  return g_str_equal (a, b);
}

static gboolean
job_run (Demo    *demo,
         Job     *job,
         GError **error)
{
  g_autoptr (PdRenovation) r = NULL;
  gboolean stop_target = g_str_equal (job->target, "stopped");

  set_clock (demo, job->next);
  if (job->id == 0)
    {
      as (demo, PD_ROLE_CLERK);
      job->id = create_application (demo, job->unit_id, error);
      if (job->id <= 0)
        {
          job->done = TRUE;
          return job->id == 0;
        }
      job_schedule (demo, job, g_rand_int_range (demo->rand, 0, 2), 9 + g_rand_int_range (demo->rand, 0, 8));
      return TRUE;
    }
  r = pd_renovation_get (demo->ctx, job->id, error);
  if (r == NULL)
    return FALSE;
  /* Works on site: one day at a time until they are due to end (-1: up to
   * today, whose rounds happen only once the office is open). */
  if ((g_str_equal (r->state, "in_progress") || g_str_equal (r->state, "stopped")) && job->works_left != 0)
    {
      gboolean last = job->works_left == 1;

      if (job->late)
        {
          job->works_left = 0;
          job->done = job->done || g_str_equal (job->target, "in_progress");
          return TRUE;
        }
      if (job->works_left > 0)
        job->works_left--;
      if (!works_day (demo, job->id, is_today (demo, job->next), stop_target && last, error))
        return FALSE;
      job_schedule (demo, job, 1, 8);
      return TRUE;
    }
  if (g_str_equal (r->state, job->target) &&
      (!g_str_equal (job->target, "approved") || r->agreement_signed_on[0] != '\0'))
    {
      job->done = TRUE;
      return TRUE;
    }
  if (!step (demo, job->id, job->target, error))
    return FALSE;
  /* Works of the on-site targets run up to today (in progress) or end a
   * few days ago so that the last steps fall about now. */
  if (g_str_equal (r->state, "permit_issued") && pd_renovation_state_on_site (job->target))
    {
      g_autofree char *from = g_date_time_format (demo->clock, "%Y-%m-%d");
      g_autofree char *to = g_date_time_format (demo->now, "%Y-%m-%d");
      GDate a, b;

      g_date_set_parse (&a, from);
      g_date_set_parse (&b, to);
      job->works_left = g_str_equal (job->target, "in_progress")
                          ? -1 : MAX (1, g_date_days_between (&a, &b) - (stop_target ? 1 : 3));
    }
  job_schedule (demo, job, g_str_equal (r->state, "approved") ? 2 : g_rand_int_range (demo->rand, 0, 2),
                9 + g_rand_int_range (demo->rand, 0, 8));
  return TRUE;
}

static GArray *
units_in (PdContext  *ctx,
          const char *sql,
          GError    **error)
{
  sqlite3_stmt *stmt = pd_database_prepare (pd_context_get_database (ctx), sql, error);
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
add_job (Demo       *demo,
         GArray     *jobs,
         gint64      unit_id,
         const char *target,
         int         age_days)
{
  gboolean on_site = pd_renovation_state_on_site (target);
  gboolean after_works = g_str_equal (target, "accepted") || g_str_equal (target, "refunded") ||
                         g_str_equal (target, "closed");
  /* Applications come in so that the target is reached about today: works
   * on site started up to five weeks ago, finished ones months ago. */
  int age = age_days > 0 ? age_days
          : on_site ? g_rand_int_range (demo->rand, 16, 48)
          : after_works ? g_rand_int_range (demo->rand, 50, 150)
          : g_rand_int_range (demo->rand, 0, 7);
  Job job = { unit_id, 0, target, after_works ? g_rand_int_range (demo->rand, 20, 40) : 0, NULL, FALSE, FALSE };

  job.next = g_date_time_add_days (demo->now, -age);
  g_array_append_val (jobs, job);
  job_schedule (demo, &g_array_index (jobs, Job, jobs->len - 1), 0, 9 + g_rand_int_range (demo->rand, 0, 8));
}

gboolean
pd_demo_renovation (PdContext *ctx,
                    GRand     *rand,
                    GError   **error)
{
  g_autofree char *user = g_strdup (pd_context_get_user (ctx));
  PdRole role = pd_context_get_role (ctx);
  Demo demo = { ctx, rand, pd_context_now (ctx), NULL, NULL };
  g_autoptr (GArray) renovating = NULL, others = NULL;
  g_autoptr (GArray) jobs = g_array_new (FALSE, FALSE, sizeof (Job));
  g_autoptr (GSequence) queue = NULL;
  gboolean fixed;
  gboolean ok = TRUE;

  g_array_set_clear_func (jobs, (GDestroyNotify) job_clear);
  /* A fixed clock stays fixed; a real one is given back afterwards. */
  {
    g_autoptr (GDateTime) later = NULL;
    g_usleep (1000);
    later = pd_context_now (ctx);
    fixed = g_date_time_equal (demo.now, later);
  }
  renovating = units_in (ctx, "SELECT u.id FROM unit u WHERE u.state = 'renovating' AND EXISTS "
                         "(SELECT 1 FROM unit_role r WHERE r.unit_id = u.id AND r.role = 'owner' AND r.ended_on = '') "
                         "ORDER BY u.id", error);
  others = units_in (ctx, "SELECT u.id FROM unit u WHERE u.state IN ('handed_over', 'occupied', 'rented') AND EXISTS "
                     "(SELECT 1 FROM unit_role r WHERE r.unit_id = u.id AND r.role = 'owner' AND r.ended_on = '') "
                     "ORDER BY u.id", error);
  if (renovating == NULL || others == NULL)
    return FALSE;
  for (guint i = 0; i < renovating->len; i++)
    add_job (&demo, jobs, g_array_index (renovating, gint64, i), on_site_targets[i % G_N_ELEMENTS (on_site_targets)],
             0);
  for (guint i = 0; i < G_N_ELEMENTS (other_targets) && i * 7 < others->len; i++)
    /* The first application waits for its review past the limit. */
    add_job (&demo, jobs, g_array_index (others, gint64, (i * 7 + 3) % others->len), other_targets[i],
             i == 0 ? 9 : 0);
  /* A portfolio's year of applications that never reached the works
   * (those on site are the renovating units above): withdrawn and rejected
   * ones over the year, the rest in the office's hands now. */
  /* (i * 7 + 3) mod n visits each unit once while 7 does not divide n. */
  for (guint i = G_N_ELEMENTS (other_targets), n = jobs->len;
       n < pd_demo_volumes (ctx).renovations && i < others->len && others->len % 7 != 0; i++, n++)
    {
      const char *target = portfolio_targets[i % G_N_ELEMENTS (portfolio_targets)];
      gboolean finished = g_str_equal (target, "withdrawn") || g_str_equal (target, "rejected");

      add_job (&demo, jobs, g_array_index (others, gint64, (i * 7 + 3) % others->len), target,
               finished ? g_rand_int_range (rand, 20, 365) : g_rand_int_range (rand, 1, 10));
    }

  /* Always the job whose next action is earliest, so serial numbers, review
   * replies and the ledger follow the calendar across renovations. */
  queue = g_sequence_new (NULL);
  for (guint i = 0; i < jobs->len; i++)
    g_sequence_insert_sorted (queue, GUINT_TO_POINTER (i), job_order, jobs);
  while (ok && !g_sequence_is_empty (queue))
    {
      GSequenceIter *head = g_sequence_get_begin_iter (queue);
      guint index = GPOINTER_TO_UINT (g_sequence_get (head));
      Job *first = &g_array_index (jobs, Job, index);

      g_sequence_remove (head);
      ok = job_run (&demo, first, error);
      if (!first->done)
        g_sequence_insert_sorted (queue, GUINT_TO_POINTER (index), job_order, jobs);
    }

  pd_context_set_user (ctx, user, role);
  pd_context_set_now (ctx, fixed ? demo.now : NULL);
  g_clear_pointer (&demo.clock, g_date_time_unref);
  g_free (demo.enforced_on);
  g_date_time_unref (demo.now);
  return ok;
}
