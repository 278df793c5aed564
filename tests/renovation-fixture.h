/* renovation-fixture.h — what the renovation tests share: a unit with an
 * owner, a complete application, and driving it to a given state. */
#pragma once

#include "pd-demo.h"
#include "pd-error.h"
#include "pd-estate.h"
#include "pd-person.h"
#include "pd-renovation-workflow.h"
#include "pd-renovation.h"
#include "pd-test-fixture.h"
#include "pd-unit-role.h"

static G_GNUC_UNUSED gint64
fx_unit (PdContext  *ctx,
         const char *code,
         const char *use,
         const char *state)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PdUnit) unit = pd_unit_new ();
  gint64 id;

  unit->code = g_strdup (code);
  unit->gross_area = 98.5;
  g_free (unit->use);
  unit->use = g_strdup (use);
  g_free (unit->state);
  unit->state = g_strdup (state);
  id = pd_unit_create (ctx, pd_estate_current_id (ctx, NULL), unit, &error);
  g_assert_no_error (error);
  return id;
}

static G_GNUC_UNUSED gint64
fx_person (PdContext  *ctx,
           GRand      *rand,
           const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PdPerson) person = pd_person_new ();
  gint64 id;

  g_free (person->name);
  person->name = g_strdup (name);
  g_free (person->id_number);
  person->id_number = pd_demo_make_prc_id (rand, "1980-05-17", TRUE);
  id = pd_person_create (ctx, person, &error);
  g_assert_no_error (error);
  return id;
}

static G_GNUC_UNUSED gint64
fx_role (PdContext  *ctx,
         gint64      unit_id,
         gint64      person_id,
         const char *role_name,
         gint64      authorised_by)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PdUnitRole) role = pd_unit_role_new (role_name);
  gint64 id;

  role->unit_id = unit_id;
  role->person_id = person_id;
  g_free (role->start_on);
  role->start_on = g_strdup ("2025-01-01");
  if (authorised_by)
    {
      role->authorised_by = authorised_by;
      g_free (role->lease_end);
      role->lease_end = g_strdup ("2028-12-31");
      g_free (role->authorisation_note);
      role->authorisation_note = g_strdup ("授权委托书 on file");
    }
  id = pd_unit_role_add (ctx, role, &error);
  g_assert_no_error (error);
  return id;
}

static G_GNUC_UNUSED gint64
fx_worker (PdContext  *ctx,
           GRand      *rand,
           gint64      renovation_id,
           const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PdRenovationWorker) worker = pd_renovation_worker_new ();
  gint64 id;

  worker->renovation_id = renovation_id;
  g_free (worker->name);
  worker->name = g_strdup (name);
  g_free (worker->id_number);
  worker->id_number = pd_demo_make_prc_id (rand, "1990-03-08", TRUE);
  g_free (worker->phone);
  worker->phone = g_strdup ("13800138000");
  id = pd_renovation_worker_add (ctx, worker, &error);
  g_assert_no_error (error);
  return id;
}

/* A complete contractor application for @unit_id by @owner_id, one worker. */
static G_GNUC_UNUSED gint64
fx_application (PdContext *ctx,
                GRand     *rand,
                gint64     unit_id,
                gint64     owner_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PdRenovation) renovation = pd_renovation_new ();
  gint64 id;

  renovation->unit_id = unit_id;
  renovation->applicant_id = owner_id;
  pd_renovation_set_text (&renovation->contractor_name, "新景装饰工程有限公司");
  g_free (renovation->contractor_licence);
  renovation->contractor_licence = pd_demo_make_uscc (rand);
  pd_renovation_set_text (&renovation->contractor_qualification, "建筑装修装饰工程专业承包二级");
  pd_renovation_set_text (&renovation->contractor_person, "周建华");
  pd_renovation_set_text (&renovation->contractor_phone, "13912345678");
  pd_renovation_set_text (&renovation->planned_start, "2026-12-01");
  pd_renovation_set_text (&renovation->planned_end, "2027-02-28");
  pd_renovation_set_text (&renovation->scope, "surface,electrical,plumbing");
  pd_renovation_set_text (&renovation->drawings, "floor_plan,electrical,plumbing");
  id = pd_renovation_create (ctx, renovation, &error);
  g_assert_no_error (error);
  fx_worker (ctx, rand, id, "李师傅");
  return id;
}

static G_GNUC_UNUSED char *
fx_state (PdContext *ctx,
          gint64     id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PdRenovation) renovation = pd_renovation_get (ctx, id, &error);

  g_assert_no_error (error);
  return g_strdup (renovation->state);
}

/* Asserts the state of @id (fx_state's copy is freed). */
#define fx_assert_state(ctx, id, expected) \
  G_STMT_START { \
    g_autofree char *fx_state_now = fx_state ((ctx), (id)); \
    g_assert_cmpstr (fx_state_now, ==, (expected)); \
  } G_STMT_END

/* Drives @id forward along the main path until it is in @target (which
 * must lie on it: draft … closed).  The user is admin. */
static G_GNUC_UNUSED void
fx_run_to (PdContext  *ctx,
           gint64      id,
           const char *target)
{
  for (int guard = 0; guard < 20; guard++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *state = fx_state (ctx, id);
      g_autoptr (PdRenovation) renovation = NULL;

      if (g_str_equal (state, target))
        return;
      renovation = pd_renovation_get (ctx, id, NULL);
      if (g_str_equal (state, "draft") || g_str_equal (state, "needs_revision"))
        pd_renovation_submit (ctx, id, &error);
      else if (g_str_equal (state, "submitted"))
        pd_renovation_start_review (ctx, id, &error);
      else if (pd_renovation_state_in_review (state))
        pd_renovation_pass_review (ctx, id, "图纸符合要求", &error);
      else if (g_str_equal (state, "approved") && renovation->fees_paid_on[0] == '\0')
        pd_renovation_record_fees (ctx, id, "SJ-0001", &error);
      else if (g_str_equal (state, "approved") && renovation->agreement_signed_on[0] == '\0')
        pd_renovation_sign_agreement (ctx, id, &error);
      else if (g_str_equal (state, "approved"))
        pd_renovation_issue_permit (ctx, id, NULL, NULL, &error);
      else if (g_str_equal (state, "permit_issued") || g_str_equal (state, "stopped"))
        {
          if (g_str_equal (state, "permit_issued"))
            pd_renovation_start_works (ctx, id, &error);
          else
            pd_renovation_resume (ctx, id, &error);
        }
      else if (g_str_equal (state, "in_progress") || g_str_equal (state, "rectification"))
        pd_renovation_request_completion (ctx, id, &error);
      else if (g_str_equal (state, "completion_requested"))
        pd_renovation_inspect (ctx, id, TRUE, TRUE, "验收合格", &error);
      else if (g_str_equal (state, "accepted"))
        pd_renovation_refund (ctx, id, &error);
      else if (g_str_equal (state, "refunded"))
        pd_renovation_close (ctx, id, &error);
      else
        g_error ("cannot drive a renovation from %s to %s", state, target);
      g_assert_no_error (error);
    }
  g_error ("did not reach %s", target);
}

/* A residential unit with an owner and a renovation whose works are running. */
static G_GNUC_UNUSED gint64
fx_on_site (PdContext  *ctx,
            GRand      *rand,
            const char *code)
{
  gint64 unit = fx_unit (ctx, code, "residential", "handed_over");
  gint64 owner = fx_person (ctx, rand, "孙业主");
  gint64 id;

  fx_role (ctx, unit, owner, "owner", 0);
  id = fx_application (ctx, rand, unit, owner);
  fx_run_to (ctx, id, "in_progress");
  return id;
}
