/* pd-property-renovation.c — property cases for renovation applications,
 * workers, patrols with violations, the deposit and the workflow steps
 * that take typed text. */
#include "config.h"

#include "pd-demo.h"
#include "pd-deposit-ledger.h"
#include "pd-property-invalid.h"
#include "pd-renovation-patrol.h"
#include "pd-renovation-workflow.h"
#include "pd-renovation.h"
#include "renovation-fixture.h"

static void
set (char       **member,
     const char  *value)
{
  pd_renovation_set_text (member, value);
}

void
pd_property_prepare_renovation (PdProperty *p)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PdRenovationPatrol) patrol = pd_renovation_patrol_new ();
  g_autoptr (PdRenovationViolation) violation = pd_renovation_violation_new ();

  patrol->renovation_id = p->on_site_id;
  set (&patrol->inspector, "王巡查");
  set (&patrol->result, "violation");
  set (&violation->code, "D");
  set (&violation->description, "垃圾未清运");
  set (&violation->ladder_step, "persuade");
  pd_renovation_patrol_add (p->ctx, patrol, violation, &error);
  g_assert_no_error (error);

  /* Two approved applications the demo may lack: one before the fees, one
   * ready for its permit. */
  for (int i = 0; i < 2; i++)
    {
      g_autofree char *code = g_strdup_printf ("97-1-%d", 101 + i);
      gint64 unit = fx_unit (p->ctx, code, "residential", "handed_over");
      gint64 owner = fx_person (p->ctx, p->rand, "钱业主");
      gint64 id;

      fx_role (p->ctx, unit, owner, "owner", 0);
      id = fx_application (p->ctx, p->rand, unit, owner);
      fx_run_to (p->ctx, id, "approved");
      if (i == 1)
        {
          pd_renovation_record_fees (p->ctx, id, "SJ-0002", &error);
          g_assert_no_error (error);
          pd_renovation_sign_agreement (p->ctx, id, &error);
          g_assert_no_error (error);
        }
    }
}

/* Breaks field @broken of an application (create and update share it). */
static const char *
break_application (PdProperty   *p,
                   PdRenovation *renovation,
                   int           broken)
{
  switch (broken)
    {
    case 0:
      renovation->unit_id = pd_property_bad_id (p);
      return "unit";
    case 1:
      renovation->applicant_id = pd_property_bad_id (p);
      return "applicant";
    case 2:
      set (&renovation->applicant_role, pd_property_bad_choice (p));
      return "applicant_role";
    case 3:
      set (&renovation->planned_start, pd_property_bad_date (p));
      return "planned_start";
    case 4:
      /* An end before the start is a draft's business: submit refuses it. */
      set (&renovation->planned_end, pd_property_bad_date (p));
      return "planned_end";
    case 5:
      set (&renovation->scope, pd_property_keep (p, g_strdup_printf ("surface,%s", pd_property_bad_choice (p))));
      if (g_str_equal (renovation->scope, "surface,"))
        set (&renovation->scope, "surface,roof_garden");
      return "scope";
    case 6:
      set (&renovation->drawings, "no_such_drawing");
      return "drawings";
    case 7:
      set (&renovation->contractor_phone, pd_property_bad_phone (p));
      return "contractor_phone";
    }
  return NULL;
}

#define APPLICATION_FIELDS 8

static void
fill_application (PdProperty   *p,
                  PdRenovation *renovation)
{
  renovation->unit_id = p->draft_unit_id;
  renovation->applicant_id = p->draft_owner_id;
  set (&renovation->applicant_role, "owner");
  set (&renovation->planned_start, "2026-12-10");
  set (&renovation->planned_end, "2027-02-10");
  set (&renovation->scope, "surface");
  set (&renovation->contractor_name, "好家装饰");
  set (&renovation->contractor_phone, "13900139000");
}

static gboolean
run_renovation_create (PdProperty  *p,
                       int          broken,
                       const char **field,
                       GError     **error)
{
  g_autoptr (PdRenovation) renovation = pd_renovation_new ();

  fill_application (p, renovation);
  *field = break_application (p, renovation, broken);
  return pd_renovation_create (p->ctx, renovation, error) > 0;
}

static gboolean
run_renovation_update (PdProperty  *p,
                       int          broken,
                       const char **field,
                       GError     **error)
{
  g_autoptr (PdRenovation) renovation = pd_renovation_get (p->ctx, p->renovation_id, NULL);

  g_assert_nonnull (renovation);
  set (&renovation->planned_start, "2026-12-10");
  set (&renovation->planned_end, "2027-02-10");
  if (broken == APPLICATION_FIELDS)
    {
      renovation->id = pd_property_bad_id (p);
      *field = "renovation";
    }
  else
    *field = break_application (p, renovation, broken);
  return pd_renovation_update (p->ctx, renovation, error);
}

static gboolean
run_worker_add (PdProperty  *p,
                int          broken,
                const char **field,
                GError     **error)
{
  g_autoptr (PdRenovationWorker) worker = pd_renovation_worker_new ();

  worker->renovation_id = p->renovation_id;
  set (&worker->name, "李师傅");
  set (&worker->trade, "泥工");
  set (&worker->id_number, pd_property_keep (p, pd_demo_make_prc_id (p->rand, "1985-03-04", TRUE)));
  switch (broken)
    {
    case 0:
      set (&worker->name, g_rand_boolean (p->rand) ? pd_property_blank (p) : pd_property_too_long (p, 50));
      *field = "worker_name";
      break;
    case 1:
      set (&worker->id_number, pd_property_bad_prc_id (p));
      *field = "id_number";
      break;
    case 2:
      set (&worker->phone, pd_property_bad_phone (p));
      *field = "worker_phone";
      break;
    case 3:
      worker->renovation_id = pd_property_bad_id (p);
      *field = "renovation";
      break;
    }
  return pd_renovation_worker_add (p->ctx, worker, error) > 0;
}

static gboolean
run_patrol_add (PdProperty  *p,
                int          broken,
                const char **field,
                GError     **error)
{
  g_autoptr (PdRenovationPatrol) patrol = pd_renovation_patrol_new ();
  g_autoptr (PdRenovationViolation) violation = pd_renovation_violation_new ();
  gboolean with_violation = TRUE;

  patrol->renovation_id = p->on_site_id;
  set (&patrol->inspector, "王巡查");
  set (&patrol->result, "violation");
  set (&patrol->at, "2026-11-23 09:30");
  set (&violation->code, "B");
  set (&violation->description, "施工时间外作业");
  set (&violation->ladder_step, "persuade");
  switch (broken)
    {
    case 0:
      patrol->renovation_id = pd_property_bad_id (p);
      *field = "renovation";
      break;
    case 1:
      set (&patrol->inspector, pd_property_blank (p));
      *field = "inspector";
      break;
    case 2:
      set (&patrol->result, pd_property_bad_choice (p));
      with_violation = FALSE;
      *field = "result";
      break;
    case 3:
      set (&patrol->at, g_rand_boolean (p->rand) ? pd_property_bad_date (p) : "2026-11-23 25:61");
      *field = "at";
      break;
    case 4:
      set (&violation->code, g_rand_boolean (p->rand) ? "Z" : pd_property_bad_choice (p));
      *field = "code";
      break;
    case 5:
      set (&violation->ladder_step, "no_such_step");
      *field = "ladder_step";
      break;
    case 6:
      set (&violation->rectify_by, g_rand_boolean (p->rand) ? pd_property_bad_date (p) : "2026-11-01");
      *field = "rectify_by";
      break;
    case 7:
      violation->worker_id = pd_property_missing_id (p);
      *field = "worker";
      break;
    }
  return pd_renovation_patrol_add (p->ctx, patrol, with_violation ? violation : NULL, error) > 0;
}

static gboolean
run_top_up (PdProperty  *p,
            int          broken,
            const char **field,
            GError     **error)
{
  /* pd_property_prepare left a deduction to top up. */
  gint64 renovation_id = p->on_site_id;
  gint64 amount = 100;

  switch (broken)
    {
    case 0:
      amount = g_rand_boolean (p->rand) ? 0 : -g_rand_int_range (p->rand, 1, G_MAXINT);
      *field = "topup_amount";
      break;
    case 1:
      amount = G_MAXINT64;
      *field = "topup_amount";
      break;
    case 2:
      renovation_id = pd_property_bad_id (p);
      *field = "renovation";
      break;
    }
  return pd_deposit_top_up (p->ctx, renovation_id, amount, "补交", error);
}

/* The workflow steps that take typed text. */
static gboolean
run_workflow_text (PdProperty  *p,
                   int          broken,
                   const char **field,
                   GError     **error)
{
  gint64 on_site = p->on_site_id;

  switch (broken)
    {
    case 0:
      *field = "stop_reason";
      return pd_renovation_stop_work (p->ctx, on_site, pd_property_blank (p), error);
    case 1:
      *field = "renovation";
      return pd_renovation_stop_work (p->ctx, pd_property_bad_id (p), "违规施工", error);
    case 2:
      *field = "withdraw_reason";
      return pd_renovation_withdraw (p->ctx, p->renovation_id, pd_property_blank (p), error);
    case 3:
      *field = "revision_note";
      return pd_renovation_return_for_revision (p->ctx,
                                                pd_property_query (p, "SELECT min(id) FROM renovation WHERE state = 'review_engineering'"),
                                                pd_property_blank (p), error);
    case 4:
      *field = "rejection_reason";
      return pd_renovation_reject (p->ctx,
                                   pd_property_query (p, "SELECT min(id) FROM renovation WHERE state = 'review_manager'"),
                                   pd_property_blank (p), error);
    case 5:
      *field = "inspection_note";
      return pd_renovation_inspect (p->ctx,
                                    pd_property_query (p, "SELECT min(id) FROM renovation WHERE state = 'completion_requested'"),
                                    FALSE, FALSE, pd_property_blank (p), error);
    }
  /* The valid step. */
  return pd_renovation_stop_work (p->ctx, on_site, "违规施工", error);
}

/* The other workflow steps: each refuses a renovation that does not
 * exist, and those with text or dates refuse them blank or invalid. */
static gboolean
run_workflow_steps (PdProperty  *p,
                    int          broken,
                    const char **field,
                    GError     **error)
{
  typedef gboolean (*Step) (PdContext *, gint64, GError **);
  static const Step steps[] = {
    pd_renovation_submit, pd_renovation_start_review, pd_renovation_sign_agreement,
    pd_renovation_start_works, pd_renovation_resume, pd_renovation_request_completion,
    pd_renovation_refund, pd_renovation_close,
  };
  gint64 missing = pd_property_bad_id (p);

  switch (broken)
    {
    case 0:
      *field = "renovation";
      return steps[g_rand_int_range (p->rand, 0, G_N_ELEMENTS (steps))] (p->ctx, missing, error);
    case 1:
      *field = "renovation";
      switch (g_rand_int_range (p->rand, 0, 4))
        {
        case 0:
          return pd_renovation_pass_review (p->ctx, missing, "同意", error);
        case 1:
          return pd_renovation_record_fees (p->ctx, missing, "SK-001", error);
        case 2:
          return pd_renovation_issue_permit (p->ctx, missing, NULL, NULL, error);
        default:
          return pd_renovation_inspect (p->ctx, missing, TRUE, TRUE, "", error);
        }
    case 2:
      *field = "opinion";
      return pd_renovation_pass_review (p->ctx,
                                        pd_property_query (p, "SELECT min(id) FROM renovation WHERE state = 'review_engineering'"),
                                        pd_property_blank (p), error);
    case 3:
      *field = "fees_receipt";
      return pd_renovation_record_fees (p->ctx,
                                        pd_property_query (p, "SELECT min(id) FROM renovation WHERE state = 'approved' "
                                                              "AND fees_paid_on = ''"),
                                        pd_property_blank (p), error);
    case 4:
    case 5:
      {
        gint64 ready = pd_property_query (p, "SELECT min(id) FROM renovation WHERE state = 'approved' "
                                             "AND fees_paid_on <> '' AND agreement_signed_on <> ''");
        const char *from = "2026-12-01", *to = "2027-01-31";

        if (broken == 4)
          {
            from = pd_property_bad_date (p);
            *field = "valid_from";
          }
        else
          {
            /* Not a date, before the first valid day, or already past. */
            switch (g_rand_int_range (p->rand, 0, 3))
              {
              case 0:
                to = pd_property_bad_date (p);
                break;
              case 1:
                to = "2026-11-30";
                break;
              default:
                from = "2026-11-01";
                to = "2026-11-22";
                break;
              }
            *field = "valid_to";
          }
        return pd_renovation_issue_permit (p->ctx, ready, from, to, error);
      }
    }
  /* The valid step. */
  return pd_renovation_pass_review (p->ctx,
                                    pd_property_query (p, "SELECT min(id) FROM renovation WHERE state = 'review_engineering'"),
                                    "图纸符合要求", error);
}

const PdPropertyCase pd_property_renovation_cases[] = {
  { "pd_renovation_create", run_renovation_create, APPLICATION_FIELDS },
  { "pd_renovation_update", run_renovation_update, APPLICATION_FIELDS + 1 },
  { "pd_renovation_worker_add", run_worker_add, 4 },
  { "pd_renovation_patrol_add", run_patrol_add, 8 },
  { "pd_deposit_top_up", run_top_up, 3 },
  { "pd_renovation workflow text", run_workflow_text, 6 },
  { "pd_renovation workflow steps", run_workflow_steps, 6 },
};
const guint pd_property_n_renovation_cases = G_N_ELEMENTS (pd_property_renovation_cases);
