/* Role gates, called from the core API: for every gated action each role
 * below the one required is refused with a clear message naming the role,
 * and the database is left exactly as it was; the required role passes the
 * gate. */
#include "config.h"

#include <string.h>

#include "pd-calendar.h"
#include "pd-demo.h"
#include "pd-error.h"
#include "pd-export-log.h"
#include "pd-handover.h"
#include "pd-patrol-schedule.h"
#include "pd-patrol-vacancy.h"
#include "pd-release-slip.h"
#include "pd-renovation-workflow.h"
#include "pd-settings.h"
#include "pd-test-fixture.h"
#include "pd-user.h"

typedef struct
{
  PdContext *ctx;
  gint64     slip_id;
  gint64     review_manager_id;
  gint64     accepted_id;
  gint64     handover_id;
  gint64     vacancy_unit_id;
  gint64     estate_id;
} Office;

typedef gboolean (*GateFunc) (Office *office, GError **error);

static gboolean
gate_settings (Office *o, GError **error)
{
  return pd_settings_set (o->ctx, "survey.route_days", "5", error);
}

static gboolean
gate_calendar_set (Office *o, GError **error)
{
  return pd_calendar_set_day (o->ctx, "2026-12-24", "holiday", "平安夜", error);
}

static gboolean
gate_calendar_remove (Office *o, GError **error)
{
  return pd_calendar_remove_day (o->ctx, "2026-10-01", error);
}

static gboolean
gate_void_slip (Office *o, GError **error)
{
  return pd_release_slip_void (o->ctx, o->slip_id, "写错了物品", error);
}

static gboolean
gate_unmasked_export (Office *o, GError **error)
{
  return pd_export_check_unmasked (o->ctx, TRUE, error);
}

static gboolean
gate_approve_renovation (Office *o, GError **error)
{
  return pd_renovation_pass_review (o->ctx, o->review_manager_id, "同意", error);
}

static gboolean
gate_reject_renovation (Office *o, GError **error)
{
  return pd_renovation_reject (o->ctx, o->review_manager_id, "改动承重墙", error);
}

static gboolean
gate_refund (Office *o, GError **error)
{
  return pd_renovation_refund (o->ctx, o->accepted_id, error);
}

static gboolean
gate_delete_handover (Office *o, GError **error)
{
  return pd_handover_delete (o->ctx, o->handover_id, error);
}

static gboolean
gate_patrol_policy (Office *o, GError **error)
{
  return pd_patrol_set_estate_policy (o->ctx, o->estate_id, "weekly", error);
}

static gboolean
gate_vacant_since (Office *o, GError **error)
{
  return pd_patrol_set_vacant_since (o->ctx, o->vacancy_unit_id, "2026-01-05", error);
}

static gboolean
gate_create_user (Office *o, GError **error)
{
  return pd_user_create (o->ctx, "newcomer", NULL, PD_ROLE_CLERK, "newcomer-pw-1", FALSE, error) > 0;
}

static gboolean
gate_reset_password (Office *o, GError **error)
{
  return pd_user_reset_password (o->ctx, "clerk", "temporary-1", error);
}

static gboolean
gate_deactivate_user (Office *o, GError **error)
{
  return pd_user_deactivate (o->ctx, "clerk", error);
}

static const struct
{
  const char *name;
  GateFunc    func;
  PdRole      required;
} gates[] = {
  { "settings", gate_settings, PD_ROLE_ADMIN },
  { "calendar-set", gate_calendar_set, PD_ROLE_ADMIN },
  { "calendar-remove", gate_calendar_remove, PD_ROLE_ADMIN },
  { "patrol-policy", gate_patrol_policy, PD_ROLE_ADMIN },
  { "create-user", gate_create_user, PD_ROLE_ADMIN },
  { "reset-password", gate_reset_password, PD_ROLE_ADMIN },
  { "deactivate-user", gate_deactivate_user, PD_ROLE_ADMIN },
  { "void-slip", gate_void_slip, PD_ROLE_SUPERVISOR },
  { "unmasked-export", gate_unmasked_export, PD_ROLE_SUPERVISOR },
  { "delete-handover", gate_delete_handover, PD_ROLE_SUPERVISOR },
  { "vacant-since", gate_vacant_since, PD_ROLE_SUPERVISOR },
  { "approve-renovation", gate_approve_renovation, PD_ROLE_MANAGER },
  { "reject-renovation", gate_reject_renovation, PD_ROLE_MANAGER },
  { "refund", gate_refund, PD_ROLE_MANAGER },
};

static gint64
first_id (PdContext *ctx, const char *sql)
{
  g_autoptr (GError) error = NULL;
  gint64 id = pd_database_query_int (pd_context_get_database (ctx), sql, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

#define NOW "2026-11-23 09:00:00"

static char *demo_path;

/* One demo office, generated once; each gate works on its own copy. */
static void
office_init (Office *o, guint index)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("gate-%u.db", index);
  g_autofree char *path = g_build_filename (pd_test_tmpdir (), name, NULL);
  g_autoptr (GFile) source = NULL;
  g_autoptr (GFile) copy = g_file_new_for_path (path);

  if (demo_path == NULL)
    {
      g_autoptr (PdContext) demo = NULL;

      demo_path = g_build_filename (pd_test_tmpdir (), "demo.db", NULL);
      demo = pd_test_context_open (demo_path, NOW);
      g_assert_true (pd_demo_generate (demo, 120, 7, &error));
      g_assert_no_error (error);
    }
  source = g_file_new_for_path (demo_path);
  g_assert_true (g_file_copy (source, copy, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  o->ctx = pd_test_context_open (path, NOW);
  o->slip_id = first_id (o->ctx, "SELECT min(id) FROM release_slip WHERE state = 'issued'");
  o->review_manager_id = first_id (o->ctx, "SELECT min(id) FROM renovation WHERE state = 'review_manager'");
  o->accepted_id = first_id (o->ctx, "SELECT min(id) FROM renovation WHERE state = 'accepted'");
  o->handover_id = first_id (o->ctx, "SELECT min(id) FROM handover WHERE status = 'in_progress'");
  o->vacancy_unit_id = first_id (o->ctx, "SELECT min(unit_id) FROM patrol_vacancy WHERE closed_on = ''");
  o->estate_id = first_id (o->ctx, "SELECT max(id) FROM estate");
}

static void
test_gate (gconstpointer data)
{
  guint index = GPOINTER_TO_UINT (data);
  Office office = { 0 };
  sqlite3 *handle;
  g_autoptr (GError) allowed_error = NULL;

  office_init (&office, index);
  handle = pd_database_get_handle (pd_context_get_database (office.ctx));
  for (PdRole role = PD_ROLE_CLERK; role < gates[index].required; role++)
    {
      g_autoptr (GError) error = NULL;
      gint64 changes = sqlite3_total_changes64 (handle);
      gint64 audit_rows = pd_test_count (office.ctx, "SELECT count(*) FROM audit_log", NULL);

      pd_context_set_user (office.ctx, pd_role_to_string (role), role);
      g_assert_false (gates[index].func (&office, &error));
      g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_DENIED);
      g_assert_cmpstr (pd_error_get_field (error), ==, "role");
      g_assert_nonnull (strstr (error->message, "Not allowed"));
      g_assert_nonnull (strstr (error->message, pd_role_label (gates[index].required)));
      g_assert_cmpint (sqlite3_total_changes64 (handle), ==, changes);
      g_assert_cmpint (pd_test_count (office.ctx, "SELECT count(*) FROM audit_log", NULL), ==, audit_rows);
    }

  /* The required role passes the gate and the action is recorded as theirs
   * (the export check writes nothing by itself). */
  pd_context_set_user (office.ctx, "boss", gates[index].required);
  g_assert_true (gates[index].func (&office, &allowed_error));
  g_assert_no_error (allowed_error);
  if (gates[index].func != gate_unmasked_export)
    g_assert_cmpint (pd_test_count (office.ctx, "SELECT count(*) FROM audit_log WHERE user_name = ?",
                                    "boss"), >, 0);
  g_object_unref (office.ctx);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (gates); i++)
    {
      g_autofree char *path = g_strdup_printf ("/roles/%s", gates[i].name);
      g_test_add_data_func (path, GUINT_TO_POINTER (i), test_gate);
    }
  return g_test_run ();
}
