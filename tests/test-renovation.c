/* Renovation workflow: every transition and every refusal, completeness of
 * the application, roles, the review deadline on the working-day calendar,
 * permit serial numbers, unit state during the works. */
#include "config.h"

#include "pd-calendar.h"
#include "pd-deposit-ledger.h"
#include "pd-settings.h"
#include "renovation-fixture.h"

#define NOW "2026-11-23 09:30:00"

typedef struct
{
  PdContext *ctx;
  GRand     *rand;
  int        units;
} Fixture;

static void
fixture_set_up (Fixture      *fx,
                gconstpointer data)
{
  fx->ctx = pd_test_context_new (NOW);
  fx->rand = g_rand_new_with_seed (42);
  fx->units = 0;
}

static void
fixture_tear_down (Fixture      *fx,
                   gconstpointer data)
{
  g_clear_object (&fx->ctx);
  g_rand_free (fx->rand);
}

static gint64
fresh_application (Fixture    *fx,
                   const char *use,
                   gint64     *unit_out)
{
  g_autofree char *code = g_strdup_printf ("1-1-%d01", ++fx->units);
  gint64 unit = fx_unit (fx->ctx, code, use, "handed_over");
  gint64 owner = fx_person (fx->ctx, fx->rand, "王业主");

  fx_role (fx->ctx, unit, owner, "owner", 0);
  if (unit_out)
    *unit_out = unit;
  return fx_application (fx->ctx, fx->rand, unit, owner);
}

/* A fresh application brought into @state, main path or side path. */
static gint64
in_state (Fixture    *fx,
          const char *state)
{
  gint64 id = fresh_application (fx, "residential", NULL);
  g_autoptr (GError) error = NULL;

  if (g_str_equal (state, "needs_revision"))
    {
      fx_run_to (fx->ctx, id, "review_engineering");
      g_assert_true (pd_renovation_return_for_revision (fx->ctx, id, "电气图缺少回路", &error));
    }
  else if (g_str_equal (state, "rejected"))
    {
      fx_run_to (fx->ctx, id, "review_manager");
      g_assert_true (pd_renovation_reject (fx->ctx, id, "拆除承重墙", &error));
    }
  else if (g_str_equal (state, "withdrawn"))
    g_assert_true (pd_renovation_withdraw (fx->ctx, id, "业主暂缓装修", &error));
  else if (g_str_equal (state, "stopped"))
    {
      fx_run_to (fx->ctx, id, "in_progress");
      g_assert_true (pd_renovation_stop_work (fx->ctx, id, "违规动火", &error));
    }
  else if (g_str_equal (state, "rectification"))
    {
      fx_run_to (fx->ctx, id, "completion_requested");
      g_assert_true (pd_renovation_inspect (fx->ctx, id, FALSE, FALSE, "卫生间闭水不合格", &error));
    }
  else
    fx_run_to (fx->ctx, id, state);
  g_assert_no_error (error);
  return id;
}

static gboolean
act (PdContext         *ctx,
     gint64             id,
     PdRenovationAction action,
     gboolean           passed,
     GError           **error)
{
  switch (action)
    {
    case PD_RENOVATION_SUBMIT: return pd_renovation_submit (ctx, id, error);
    case PD_RENOVATION_START_REVIEW: return pd_renovation_start_review (ctx, id, error);
    case PD_RENOVATION_PASS_REVIEW: return pd_renovation_pass_review (ctx, id, "同意", error);
    case PD_RENOVATION_RETURN_FOR_REVISION: return pd_renovation_return_for_revision (ctx, id, "补图", error);
    case PD_RENOVATION_REJECT: return pd_renovation_reject (ctx, id, "不符合规定", error);
    case PD_RENOVATION_WITHDRAW: return pd_renovation_withdraw (ctx, id, "撤回", error);
    case PD_RENOVATION_RECORD_FEES: return pd_renovation_record_fees (ctx, id, "SJ-9", error);
    case PD_RENOVATION_SIGN_AGREEMENT: return pd_renovation_sign_agreement (ctx, id, error);
    case PD_RENOVATION_ISSUE_PERMIT: return pd_renovation_issue_permit (ctx, id, NULL, NULL, error);
    case PD_RENOVATION_START_WORKS: return pd_renovation_start_works (ctx, id, error);
    case PD_RENOVATION_STOP_WORK: return pd_renovation_stop_work (ctx, id, "停工", error);
    case PD_RENOVATION_RESUME: return pd_renovation_resume (ctx, id, error);
    case PD_RENOVATION_REQUEST_COMPLETION: return pd_renovation_request_completion (ctx, id, error);
    case PD_RENOVATION_INSPECT: return pd_renovation_inspect (ctx, id, passed, passed, "验收", error);
    case PD_RENOVATION_REFUND: return pd_renovation_refund (ctx, id, error);
    case PD_RENOVATION_CLOSE: return pd_renovation_close (ctx, id, error);
    default: g_assert_not_reached ();
    }
  return FALSE;
}

/* The expected state machine, written out independently of the code. */
static const struct
{
  const char        *from;
  PdRenovationAction action;
  gboolean           passed;
  const char        *to;
} expected[] = {
  { "draft", PD_RENOVATION_SUBMIT, TRUE, "submitted" },
  { "needs_revision", PD_RENOVATION_SUBMIT, TRUE, "submitted" },
  { "submitted", PD_RENOVATION_START_REVIEW, TRUE, "review_engineering" },
  { "review_engineering", PD_RENOVATION_PASS_REVIEW, TRUE, "review_supervisor" },
  { "review_supervisor", PD_RENOVATION_PASS_REVIEW, TRUE, "review_manager" },
  { "review_manager", PD_RENOVATION_PASS_REVIEW, TRUE, "approved" },
  { "review_engineering", PD_RENOVATION_RETURN_FOR_REVISION, TRUE, "needs_revision" },
  { "review_supervisor", PD_RENOVATION_RETURN_FOR_REVISION, TRUE, "needs_revision" },
  { "review_manager", PD_RENOVATION_RETURN_FOR_REVISION, TRUE, "needs_revision" },
  { "review_engineering", PD_RENOVATION_REJECT, TRUE, "rejected" },
  { "review_supervisor", PD_RENOVATION_REJECT, TRUE, "rejected" },
  { "review_manager", PD_RENOVATION_REJECT, TRUE, "rejected" },
  { "draft", PD_RENOVATION_WITHDRAW, TRUE, "withdrawn" },
  { "submitted", PD_RENOVATION_WITHDRAW, TRUE, "withdrawn" },
  { "review_engineering", PD_RENOVATION_WITHDRAW, TRUE, "withdrawn" },
  { "review_supervisor", PD_RENOVATION_WITHDRAW, TRUE, "withdrawn" },
  { "review_manager", PD_RENOVATION_WITHDRAW, TRUE, "withdrawn" },
  { "needs_revision", PD_RENOVATION_WITHDRAW, TRUE, "withdrawn" },
  { "approved", PD_RENOVATION_WITHDRAW, TRUE, "withdrawn" },
  { "permit_issued", PD_RENOVATION_WITHDRAW, TRUE, "withdrawn" },
  { "approved", PD_RENOVATION_RECORD_FEES, TRUE, "approved" },
  { "approved", PD_RENOVATION_SIGN_AGREEMENT, TRUE, "approved" },
  { "approved", PD_RENOVATION_ISSUE_PERMIT, TRUE, "permit_issued" },
  { "permit_issued", PD_RENOVATION_START_WORKS, TRUE, "in_progress" },
  { "in_progress", PD_RENOVATION_STOP_WORK, TRUE, "stopped" },
  { "stopped", PD_RENOVATION_RESUME, TRUE, "in_progress" },
  { "in_progress", PD_RENOVATION_REQUEST_COMPLETION, TRUE, "completion_requested" },
  { "rectification", PD_RENOVATION_REQUEST_COMPLETION, TRUE, "completion_requested" },
  { "completion_requested", PD_RENOVATION_INSPECT, TRUE, "accepted" },
  { "completion_requested", PD_RENOVATION_INSPECT, FALSE, "rectification" },
  { "accepted", PD_RENOVATION_REFUND, TRUE, "refunded" },
  { "refunded", PD_RENOVATION_CLOSE, TRUE, "closed" },
};

static gboolean
expected_allowed (const char        *state,
                  PdRenovationAction action)
{
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    if (g_str_equal (expected[i].from, state) && expected[i].action == action)
      return TRUE;
  return FALSE;
}

static void
test_every_transition (Fixture      *fx,
                       gconstpointer data)
{
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr (GError) error = NULL;
      gint64 id = in_state (fx, expected[i].from);
      g_autofree char *state = NULL;

      if (expected[i].action == PD_RENOVATION_ISSUE_PERMIT)
        {
          g_assert_true (pd_renovation_record_fees (fx->ctx, id, "SJ-1", &error));
          g_assert_true (pd_renovation_sign_agreement (fx->ctx, id, &error));
        }
      g_assert_true (act (fx->ctx, id, expected[i].action, expected[i].passed, &error));
      g_assert_no_error (error);
      state = fx_state (fx->ctx, id);
      g_assert_cmpstr (state, ==, expected[i].to);
    }
}

static void
test_every_refusal (Fixture      *fx,
                    gconstpointer data)
{
  guint n_states;
  const PdRenovationChoice *states = pd_renovation_states (&n_states);

  for (guint s = 0; s < n_states; s++)
    {
      gint64 id = in_state (fx, states[s].key);

      for (int a = 0; a < PD_RENOVATION_N_ACTIONS; a++)
        {
          g_autoptr (GError) error = NULL;
          g_autofree char *after = NULL;
          gint64 events = pd_test_count (fx->ctx, "SELECT count(*) FROM renovation_event", NULL);
          gboolean allowed = expected_allowed (states[s].key, a);

          g_assert_cmpint (pd_renovation_action_allowed (states[s].key, a), ==, allowed);
          if (allowed)
            continue;
          g_assert_false (act (fx->ctx, id, a, TRUE, &error));
          g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_STATE);
          /* The message names the state in words. */
          g_assert_nonnull (strstr (error->message, pd_renovation_state_label (states[s].key)));
          after = fx_state (fx->ctx, id);
          g_assert_cmpstr (after, ==, states[s].key);
          g_assert_cmpint (pd_test_count (fx->ctx, "SELECT count(*) FROM renovation_event", NULL), ==, events);
        }
    }
}

static void
test_full_life_cycle (Fixture      *fx,
                      gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 unit_id = 0;
  gint64 id = fresh_application (fx, "residential", &unit_id);
  g_autoptr (PdRenovation) r = NULL;
  g_autoptr (PdUnit) unit = NULL;
  PdDepositSummary summary = { 0 };

  fx_run_to (fx->ctx, id, "approved");
  r = pd_renovation_get (fx->ctx, id, &error);
  g_assert_cmpstr (r->engineering_opinion, ==, "图纸符合要求");
  g_assert_cmpstr (r->decided_on, ==, "2026-11-23");
  g_clear_pointer (&r, pd_renovation_free);

  /* Permit needs fees and agreement first. */
  g_assert_false (pd_renovation_issue_permit (fx->ctx, id, NULL, NULL, &error));
  g_assert_cmpstr (pd_error_get_field (error), ==, "fees_receipt");
  g_clear_error (&error);
  g_assert_false (pd_renovation_record_fees (fx->ctx, id, "  ", &error));
  g_assert_cmpstr (pd_error_get_field (error), ==, "fees_receipt");
  g_clear_error (&error);
  fx_worker (fx->ctx, fx->rand, id, "赵师傅");
  g_assert_true (pd_renovation_record_fees (fx->ctx, id, "SJ-20261123-01", &error));
  g_assert_false (pd_renovation_record_fees (fx->ctx, id, "SJ-20261123-02", &error));
  g_clear_error (&error);
  g_assert_false (pd_renovation_issue_permit (fx->ctx, id, NULL, NULL, &error));
  g_assert_cmpstr (pd_error_get_field (error), ==, "agreement");
  g_clear_error (&error);
  g_assert_true (pd_renovation_sign_agreement (fx->ctx, id, &error));
  g_assert_false (pd_renovation_issue_permit (fx->ctx, id, "2026-12-10", "2026-12-01", &error));
  g_assert_cmpstr (pd_error_get_field (error), ==, "valid_to");
  g_clear_error (&error);
  g_assert_true (pd_renovation_issue_permit (fx->ctx, id, NULL, NULL, &error));
  g_assert_no_error (error);

  r = pd_renovation_get (fx->ctx, id, &error);
  g_assert_cmpint (r->deposit_fen, ==, 300000);
  g_assert_cmpint (r->debris_fee_fen, ==, 50000);
  g_assert_cmpint (r->pass_fee_fen, ==, 2 * 1000);   /* two workers */
  g_assert_cmpstr (r->serial, ==, "ZX-2026-0001");
  g_assert_cmpstr (r->valid_from, ==, "2026-12-01");
  g_assert_cmpstr (r->valid_to, ==, "2027-02-28");
  g_clear_pointer (&r, pd_renovation_free);

  /* The unit is renovating during the works and handed over again after. */
  g_assert_true (pd_renovation_start_works (fx->ctx, id, &error));
  unit = pd_unit_get (fx->ctx, unit_id, &error);
  g_assert_cmpstr (unit->state, ==, "renovating");
  g_clear_pointer (&unit, pd_unit_free);
  fx_run_to (fx->ctx, id, "accepted");
  unit = pd_unit_get (fx->ctx, unit_id, &error);
  g_assert_cmpstr (unit->state, ==, "handed_over");

  /* The refund needs a manager. */
  pd_context_set_user (fx->ctx, "clerk", PD_ROLE_SUPERVISOR);
  g_assert_false (pd_renovation_refund (fx->ctx, id, &error));
  g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_DENIED);
  g_clear_error (&error);
  pd_context_set_user (fx->ctx, "boss", PD_ROLE_MANAGER);
  g_assert_true (pd_renovation_refund (fx->ctx, id, &error));
  g_assert_true (pd_deposit_summarize (fx->ctx, id, &summary, &error));
  g_assert_cmpint (summary.refunded_fen, ==, 300000);
  g_assert_cmpint (summary.balance_fen, ==, 0);
  pd_deposit_summary_clear (&summary);
  g_assert_true (pd_renovation_close (fx->ctx, id, &error));

  /* Every step is in the history, with who did it. */
  g_assert_cmpint (pd_test_count (fx->ctx, "SELECT count(*) FROM renovation_event WHERE renovation_id = 1", NULL),
                   ==, 14);
  g_assert_cmpint (pd_test_count (fx->ctx, "SELECT count(*) FROM renovation_event WHERE action = 'refund' "
                                  "AND user_name = 'boss'", NULL), ==, 1);
}

static void
test_revision_loop (Fixture      *fx,
                    gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 id = in_state (fx, "needs_revision");
  g_autoptr (PdRenovation) r = pd_renovation_get (fx->ctx, id, &error);

  g_assert_cmpstr (r->revision_note, ==, "电气图缺少回路");
  g_assert_cmpstr (r->engineering_opinion, ==, "电气图缺少回路");
  /* Back with the applicant: editable again, and resubmitted three days later
   * the deadline restarts. */
  pd_renovation_set_text (&r->scope_note, "补充电气回路图");
  g_assert_true (pd_renovation_update (fx->ctx, r, &error));
  {
    g_autoptr (GDateTime) later = g_date_time_new_local (2026, 11, 26, 10, 0, 0);
    pd_context_set_now (fx->ctx, later);
  }
  g_assert_true (pd_renovation_submit (fx->ctx, id, &error));
  g_clear_pointer (&r, pd_renovation_free);
  r = pd_renovation_get (fx->ctx, id, &error);
  g_assert_cmpstr (r->submitted_on, ==, "2026-11-26");
  g_assert_cmpstr (r->review_due, ==, "2026-12-01");
  /* Loops as often as needed. */
  g_assert_true (pd_renovation_start_review (fx->ctx, id, &error));
  g_assert_true (pd_renovation_pass_review (fx->ctx, id, "通过", &error));
  g_assert_true (pd_renovation_return_for_revision (fx->ctx, id, "主管：补充消防措施", &error));
  g_assert_true (pd_renovation_submit (fx->ctx, id, &error));
  g_assert_no_error (error);

  /* Once submitted it can no longer be edited. */
  g_assert_false (pd_renovation_update (fx->ctx, r, &error));
  g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_STATE);
}

static void
expect_incomplete (Fixture      *fx,
                   PdRenovation *r,
                   const char   *field)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (pd_renovation_update (fx->ctx, r, &error));
  g_assert_no_error (error);
  g_assert_false (pd_renovation_submit (fx->ctx, r->id, &error));
  g_assert_nonnull (error);
  g_assert_cmpstr (pd_error_get_field (error), ==, field);
  fx_assert_state (fx->ctx, r->id, "draft");
}

static void
test_application_complete (Fixture      *fx,
                           gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 unit_id = 0;
  gint64 id = fresh_application (fx, "residential", &unit_id);
  g_autoptr (PdRenovation) r = pd_renovation_get (fx->ctx, id, &error);
  gint64 owner = r->applicant_id;
  gint64 tenant = fx_person (fx->ctx, fx->rand, "租客刘");
  gint64 stranger = fx_person (fx->ctx, fx->rand, "路人甲");
  g_autofree char *good_licence = g_strdup (r->contractor_licence);

  fx_role (fx->ctx, unit_id, tenant, "tenant", owner);

  /* Applicant: only an owner, or a tenant with the owner's authorisation. */
  r->applicant_id = stranger;
  expect_incomplete (fx, r, "applicant");
  r->applicant_id = tenant;
  pd_renovation_set_text (&r->applicant_role, "tenant");
  expect_incomplete (fx, r, "authorised_by");
  r->authorised_by = stranger;
  expect_incomplete (fx, r, "authorised_by");
  r->authorised_by = owner;
  expect_incomplete (fx, r, "authorisation_letter");
  r->authorisation_letter = TRUE;

  /* Contractor, or the self-renovation undertaking. */
  pd_renovation_set_text (&r->contractor_licence, "91110105MA01ABCD1X");
  expect_incomplete (fx, r, "contractor_licence");
  pd_renovation_set_text (&r->contractor_licence, good_licence);
  pd_renovation_set_text (&r->contractor_qualification, "");
  expect_incomplete (fx, r, "contractor_qualification");
  pd_renovation_set_text (&r->contractor_name, "");
  r->self_renovation = TRUE;
  expect_incomplete (fx, r, "undertaking_signed");
  r->undertaking_signed = TRUE;

  /* Hot work needs its application and an extinguisher. */
  pd_renovation_set_text (&r->scope, "surface,hot_work");
  expect_incomplete (fx, r, "hot_work_application");
  r->hot_work_application = TRUE;
  expect_incomplete (fx, r, "extinguisher");
  r->extinguisher = TRUE;

  /* Drawings the scope needs. */
  pd_renovation_set_text (&r->scope, "surface,hot_work,waterproofing,electrical");
  pd_renovation_set_text (&r->drawings, "floor_plan,electrical");
  expect_incomplete (fx, r, "drawings");
  pd_renovation_set_text (&r->drawings, "electrical,plumbing");
  expect_incomplete (fx, r, "drawings");
  pd_renovation_set_text (&r->drawings, "floor_plan,electrical,plumbing");

  /* Dates. */
  pd_renovation_set_text (&r->planned_end, "2026-11-30");
  expect_incomplete (fx, r, "planned_end");
  pd_renovation_set_text (&r->planned_end, "2027-01-31");

  /* Unknown keys and a bad date are refused already when saving. */
  pd_renovation_set_text (&r->scope, "surface,swimming_pool");
  g_assert_false (pd_renovation_update (fx->ctx, r, &error));
  g_assert_cmpstr (pd_error_get_field (error), ==, "scope");
  g_clear_error (&error);
  pd_renovation_set_text (&r->scope, "surface,hot_work,waterproofing,electrical");
  pd_renovation_set_text (&r->planned_start, "2026-13-01");
  g_assert_false (pd_renovation_update (fx->ctx, r, &error));
  g_assert_cmpstr (pd_error_get_field (error), ==, "planned_start");
  g_clear_error (&error);
  pd_renovation_set_text (&r->planned_start, "2026年12月1日");

  /* A worker with a valid ID number is needed. */
  {
    g_autoptr (GPtrArray) workers = pd_renovation_worker_list (fx->ctx, id, &error);
    g_autoptr (PdRenovationWorker) bad = pd_renovation_worker_new ();

    g_assert_true (pd_renovation_worker_remove (fx->ctx, ((PdRenovationWorker *) workers->pdata[0])->id, &error));
    expect_incomplete (fx, r, "workers");
    bad->renovation_id = id;
    pd_renovation_set_text (&bad->name, "钱师傅");
    pd_renovation_set_text (&bad->id_number, "110101199003081234");
    g_assert_cmpint (pd_renovation_worker_add (fx->ctx, bad, &error), ==, -1);
    g_assert_cmpstr (pd_error_get_field (error), ==, "id_number");
    g_clear_error (&error);
    g_assert_cmpint (pd_test_count (fx->ctx, "SELECT count(*) FROM renovation_worker", NULL), ==, 0);
  }
  fx_worker (fx->ctx, fx->rand, id, "钱师傅");

  g_assert_true (pd_renovation_update (fx->ctx, r, &error));
  g_assert_true (pd_renovation_submit (fx->ctx, id, &error));
  g_assert_no_error (error);
  g_clear_pointer (&r, pd_renovation_free);
  r = pd_renovation_get (fx->ctx, id, &error);
  g_assert_cmpstr (r->planned_start, ==, "2026-12-01");
  g_assert_cmpstr (r->applicant_name, ==, "租客刘");
}

static void
test_create_refusals (Fixture      *fx,
                      gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PdRenovation) r = pd_renovation_new ();
  gint64 unsold = fx_unit (fx->ctx, "9-1-101", "residential", "unsold");
  gint64 unit = 0;
  gint64 owner;

  fresh_application (fx, "residential", &unit);
  owner = fx_person (fx->ctx, fx->rand, "张三");

  g_assert_cmpint (pd_renovation_create (fx->ctx, r, &error), ==, -1);
  g_assert_cmpstr (pd_error_get_field (error), ==, "unit");
  g_clear_error (&error);
  r->unit_id = unsold;
  g_assert_cmpint (pd_renovation_create (fx->ctx, r, &error), ==, -1);
  g_assert_cmpstr (pd_error_get_field (error), ==, "applicant");
  g_clear_error (&error);
  r->applicant_id = owner;
  g_assert_cmpint (pd_renovation_create (fx->ctx, r, &error), ==, -1);
  g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_STATE);
  g_clear_error (&error);
  /* One open application per unit. */
  r->unit_id = unit;
  g_assert_cmpint (pd_renovation_create (fx->ctx, r, &error), ==, -1);
  g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_DUPLICATE);
  g_assert_cmpint (pd_test_count (fx->ctx, "SELECT count(*) FROM renovation", NULL), ==, 1);
}

static void
test_roles (Fixture      *fx,
            gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 id = in_state (fx, "review_engineering");

  pd_context_set_user (fx->ctx, "clerk", PD_ROLE_CLERK);
  /* Engineering's opinion is required, and the clerk records it. */
  g_assert_false (pd_renovation_pass_review (fx->ctx, id, " ", &error));
  g_assert_cmpstr (pd_error_get_field (error), ==, "opinion");
  g_clear_error (&error);
  g_assert_true (pd_renovation_pass_review (fx->ctx, id, "审图通过", &error));
  /* The supervisor's stage needs a supervisor, the approval a manager. */
  g_assert_false (pd_renovation_pass_review (fx->ctx, id, "", &error));
  g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_DENIED);
  g_clear_error (&error);
  pd_context_set_user (fx->ctx, "sup", PD_ROLE_SUPERVISOR);
  g_assert_true (pd_renovation_pass_review (fx->ctx, id, "同意", &error));
  g_assert_false (pd_renovation_pass_review (fx->ctx, id, "", &error));
  g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_false (pd_renovation_reject (fx->ctx, id, "不同意", &error));
  g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_DENIED);
  g_clear_error (&error);
  fx_assert_state (fx->ctx, id, "review_manager");
  pd_context_set_user (fx->ctx, "boss", PD_ROLE_MANAGER);
  g_assert_false (pd_renovation_reject (fx->ctx, id, "", &error));
  g_assert_cmpstr (pd_error_get_field (error), ==, "rejection_reason");
  g_clear_error (&error);
  g_assert_true (pd_renovation_pass_review (fx->ctx, id, "批准", &error));
  fx_assert_state (fx->ctx, id, "approved");
}

static void
test_review_deadline (Fixture      *fx,
                      gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 id = fresh_application (fx, "residential", NULL);
  g_autoptr (PdRenovation) r = NULL;
  struct { int d; PdReviewDeadline expect; } days[] = {
    { 30, PD_REVIEW_ON_TIME }, { 8, PD_REVIEW_ON_TIME }, { 9, PD_REVIEW_DUE_SOON },
    { 10, PD_REVIEW_DUE_SOON }, { 11, PD_REVIEW_OVERDUE },
  };

  /* Submitted on Wednesday 30 September 2026: 1–7 October are the National
   * Day holidays, Saturday 10 October is a make-up working day. */
  {
    g_autoptr (GDateTime) now = g_date_time_new_local (2026, 9, 30, 16, 0, 0);
    pd_context_set_now (fx->ctx, now);
  }
  g_assert_true (pd_renovation_submit (fx->ctx, id, &error));
  r = pd_renovation_get (fx->ctx, id, &error);
  g_assert_cmpstr (r->review_due, ==, "2026-10-10");
  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      g_autoptr (GDateTime) now = g_date_time_new_local (2026, days[i].d == 30 ? 9 : 10, days[i].d, 9, 0, 0);
      pd_context_set_now (fx->ctx, now);
      g_assert_cmpint (pd_renovation_review_deadline (fx->ctx, r), ==, days[i].expect);
    }

  /* Submitted on a holiday (Saturday 3 October): the clock starts with the
   * next working day. */
  g_clear_pointer (&r, pd_renovation_free);
  id = fresh_application (fx, "residential", NULL);
  {
    g_autoptr (GDateTime) now = g_date_time_new_local (2026, 10, 3, 10, 0, 0);
    pd_context_set_now (fx->ctx, now);
  }
  g_assert_true (pd_renovation_submit (fx->ctx, id, &error));
  r = pd_renovation_get (fx->ctx, id, &error);
  g_assert_cmpstr (r->review_due, ==, "2026-10-10");

  /* The limit is a setting. */
  g_clear_pointer (&r, pd_renovation_free);
  g_assert_true (pd_settings_set (fx->ctx, "renovation.review_working_days", "5", &error));
  id = fresh_application (fx, "residential", NULL);
  g_assert_true (pd_renovation_submit (fx->ctx, id, &error));
  r = pd_renovation_get (fx->ctx, id, &error);
  g_assert_cmpstr (r->review_due, ==, "2026-10-13");

  /* A decided application is no longer waiting. */
  fx_run_to (fx->ctx, id, "approved");
  g_clear_pointer (&r, pd_renovation_free);
  r = pd_renovation_get (fx->ctx, id, &error);
  g_assert_cmpint (pd_renovation_review_deadline (fx->ctx, r), ==, PD_REVIEW_NOT_RUNNING);
  /* The reply keeps the deadline it answered. */
  g_assert_cmpint (pd_test_count (fx->ctx, "SELECT count(*) FROM renovation_event WHERE to_state = 'approved' "
                                  "AND due_on = '2026-10-13'", NULL), ==, 1);
}

static void
test_serial_numbers (Fixture      *fx,
                     gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 ids[5];

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    ids[i] = in_state (fx, "permit_issued");
  /* A withdrawal after issue keeps its number: no gap, no reuse. */
  g_assert_true (pd_renovation_withdraw (fx->ctx, ids[2], "业主出国", &error));
  ids[2] = in_state (fx, "permit_issued");
  g_assert_cmpint (pd_test_count (fx->ctx, "SELECT count(DISTINCT serial) FROM renovation WHERE serial LIKE 'ZX-2026-%'",
                                  NULL), ==, 6);
  g_assert_cmpint (pd_test_count (fx->ctx, "SELECT max(serial_no) - min(serial_no) + 1 FROM renovation "
                                  "WHERE serial_year = 2026", NULL), ==, 6);
  {
    g_autoptr (PdRenovation) r = pd_renovation_find_serial (fx->ctx, "zx-2026-0006", &error);
    g_assert_no_error (error);
    g_assert_cmpint (r->id, ==, ids[2]);
  }
  /* A new year starts again at 0001. */
  {
    g_autoptr (GDateTime) now = g_date_time_new_local (2027, 1, 4, 9, 0, 0);
    g_autoptr (PdRenovation) r = NULL;
    gint64 id;

    pd_context_set_now (fx->ctx, now);
    id = in_state (fx, "permit_issued");
    r = pd_renovation_get (fx->ctx, id, &error);
    g_assert_cmpstr (r->serial, ==, "ZX-2027-0001");
  }
  /* Another estate has its own numbers. */
  {
    g_autoptr (PdRenovation) r = NULL;
    gint64 id;

    g_assert_true (pd_settings_set (fx->ctx, "estate.default_code", "NORTH", &error));
    id = in_state (fx, "permit_issued");
    r = pd_renovation_get (fx->ctx, id, &error);
    g_assert_cmpstr (r->serial, ==, "ZX-2027-0001");
    g_assert_null (pd_renovation_find_serial (fx->ctx, "ZX-2026-0001", &error));
    g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_NOT_FOUND);
  }
}

static void
test_office_fire_acceptance (Fixture      *fx,
                             gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 unit_id = 0;
  gint64 id = fresh_application (fx, "office", &unit_id);
  g_autoptr (PdRenovation) r = NULL;
  g_autoptr (PdUnit) unit = NULL;

  fx_run_to (fx->ctx, id, "completion_requested");
  /* The works pass, the fire-safety acceptance does not: rectification. */
  g_assert_false (pd_renovation_inspect (fx->ctx, id, TRUE, FALSE, "", &error));
  g_assert_cmpstr (pd_error_get_field (error), ==, "inspection_note");
  g_clear_error (&error);
  g_assert_true (pd_renovation_inspect (fx->ctx, id, TRUE, FALSE, "喷淋头被吊顶遮挡", &error));
  fx_assert_state (fx->ctx, id, "rectification");
  g_assert_true (pd_renovation_request_completion (fx->ctx, id, &error));
  g_assert_true (pd_renovation_inspect (fx->ctx, id, TRUE, TRUE, "消防验收合格", &error));
  r = pd_renovation_get (fx->ctx, id, &error);
  g_assert_cmpstr (r->state, ==, "accepted");
  g_assert_cmpstr (r->fire_accepted_on, ==, "2026-11-23");
  unit = pd_unit_get (fx->ctx, unit_id, &error);
  g_assert_cmpstr (unit->state, ==, "handed_over");
}

static void
test_withdraw_refunds (Fixture      *fx,
                       gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 id = in_state (fx, "permit_issued");
  PdDepositSummary summary = { 0 };

  g_assert_false (pd_renovation_withdraw (fx->ctx, id, "", &error));
  g_assert_cmpstr (pd_error_get_field (error), ==, "withdraw_reason");
  g_clear_error (&error);
  g_assert_true (pd_renovation_withdraw (fx->ctx, id, "业主改变计划", &error));
  g_assert_true (pd_deposit_summarize (fx->ctx, id, &summary, &error));
  g_assert_cmpint (summary.paid_fen, ==, 300000);
  g_assert_cmpint (summary.refunded_fen, ==, 300000);
  g_assert_cmpint (summary.balance_fen, ==, 0);
  pd_deposit_summary_clear (&summary);

  /* Once the works have started, withdrawal is refused. */
  id = in_state (fx, "in_progress");
  g_assert_false (pd_renovation_withdraw (fx->ctx, id, "不装了", &error));
  g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_STATE);
}

static void
test_unit_state_restored (Fixture      *fx,
                          gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 unit_id = fx_unit (fx->ctx, "5-1-301", "residential", "occupied");
  gint64 owner = fx_person (fx->ctx, fx->rand, "住户陈");
  gint64 id;
  g_autoptr (PdUnit) unit = NULL;

  fx_role (fx->ctx, unit_id, owner, "owner", 0);
  id = fx_application (fx->ctx, fx->rand, unit_id, owner);
  fx_run_to (fx->ctx, id, "in_progress");
  g_assert_true (pd_renovation_stop_work (fx->ctx, id, "噪音扰民", &error));
  g_assert_true (pd_renovation_resume (fx->ctx, id, &error));
  unit = pd_unit_get (fx->ctx, unit_id, &error);
  g_assert_cmpstr (unit->state, ==, "renovating");
  g_clear_pointer (&unit, pd_unit_free);
  fx_run_to (fx->ctx, id, "accepted");
  unit = pd_unit_get (fx->ctx, unit_id, &error);
  g_assert_cmpstr (unit->state, ==, "occupied");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/renovation/every-transition", test_every_transition);
  ADD ("/renovation/every-refusal", test_every_refusal);
  ADD ("/renovation/life-cycle", test_full_life_cycle);
  ADD ("/renovation/revision-loop", test_revision_loop);
  ADD ("/renovation/application-complete", test_application_complete);
  ADD ("/renovation/create-refusals", test_create_refusals);
  ADD ("/renovation/roles", test_roles);
  ADD ("/renovation/review-deadline", test_review_deadline);
  ADD ("/renovation/serial-numbers", test_serial_numbers);
  ADD ("/renovation/office-fire-acceptance", test_office_fire_acceptance);
  ADD ("/renovation/withdraw-refunds", test_withdraw_refunds);
  ADD ("/renovation/unit-state-restored", test_unit_state_restored);
  return g_test_run ();
}
