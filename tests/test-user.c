/* User accounts: argon2id hashes, login, password rules, must-change and
 * maximum age on the fixed clock, and the audit log naming the logged-in
 * user without ever holding a hash or a password. */
#include "config.h"

#include "pd-error.h"
#include "pd-settings.h"
#include "pd-test-fixture.h"
#include "pd-user.h"

#define NOW "2026-11-23 09:00:00"

static PdContext *
context_with_users (void)
{
  PdContext *ctx = pd_test_context_new (NOW);
  g_autoptr (GError) error = NULL;

  g_assert_false (pd_user_any (ctx));
  g_assert_cmpint (pd_user_create (ctx, "wang", "王经理", PD_ROLE_MANAGER, "secret-wang-1", FALSE, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (pd_user_create (ctx, "zhang", "张客服", PD_ROLE_CLERK, "secret-zhang-1", FALSE, &error), >, 0);
  g_assert_no_error (error);
  g_assert_true (pd_user_any (ctx));
  return ctx;
}

static void
test_hash_stored_not_password (void)
{
  g_autoptr (PdContext) ctx = context_with_users ();
  g_autoptr (GError) error = NULL;
  g_autoptr (PdUser) user = NULL;
  gboolean must_change = TRUE;

  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM user_account WHERE password_hash = ?",
                                  "secret-wang-1"), ==, 0);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM user_account WHERE password_hash LIKE ?",
                                  "$argon2id$%"), ==, 2);
  /* Salted: the same password twice gives different hashes. */
  g_assert_cmpint (pd_user_create (ctx, "li", NULL, PD_ROLE_CLERK, "secret-wang-1", FALSE, &error), >, 0);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(DISTINCT password_hash) FROM user_account", NULL), ==, 3);

  user = pd_user_authenticate (ctx, "wang", "secret-wang-1", &must_change, &error);
  g_assert_no_error (error);
  g_assert_nonnull (user);
  g_assert_false (must_change);
  g_assert_cmpint (user->role, ==, PD_ROLE_MANAGER);
  g_assert_cmpstr (user->display_name, ==, "王经理");
  g_assert_cmpstr (pd_context_get_user (ctx), ==, "wang");
  g_assert_cmpint (pd_context_get_role (ctx), ==, PD_ROLE_MANAGER);
}

static void
test_wrong_password_refused (void)
{
  g_autoptr (PdContext) ctx = context_with_users ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) unknown_error = NULL;
  PdUser *user;

  user = pd_user_authenticate (ctx, "wang", "secret-wang-2", NULL, &error);
  g_assert_null (user);
  g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_DENIED);
  g_assert_cmpstr (pd_error_get_field (error), ==, "password");
  g_assert_null (pd_user_authenticate (ctx, "nobody", "secret-wang-1", NULL, &unknown_error));
  /* The same message: a stranger does not learn which names exist. */
  g_assert_cmpstr (unknown_error->message, ==, error->message);
  g_assert_cmpstr (pd_context_get_user (ctx), ==, "tester");
  g_assert_cmpint (pd_context_get_role (ctx), ==, PD_ROLE_ADMIN);
  g_assert_null (pd_user_authenticate (ctx, "wang", "", NULL, NULL));
}

static void
test_create_validation (void)
{
  g_autoptr (PdContext) ctx = context_with_users ();
  const struct { const char *name; const char *password; const char *field; int code; } bad[] = {
    { "", "long-enough-1", "name", PD_VALIDATION_ERROR_INVALID },
    { "two words", "long-enough-1", "name", PD_VALIDATION_ERROR_INVALID },
    { "WANG", "long-enough-1", "name", PD_VALIDATION_ERROR_DUPLICATE },
    { "chen", "short", "new_password", PD_VALIDATION_ERROR_RANGE },
    { "chen12345", "CHEN12345", "new_password", PD_VALIDATION_ERROR_INVALID },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;
      g_assert_cmpint (pd_user_create (ctx, bad[i].name, NULL, PD_ROLE_CLERK, bad[i].password, FALSE, &error), ==, -1);
      g_assert_error (error, PD_VALIDATION_ERROR, bad[i].code);
      g_assert_cmpstr (pd_error_get_field (error), ==, bad[i].field);
    }
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM user_account", NULL), ==, 2);
}

static void
test_change_password (void)
{
  g_autoptr (PdContext) ctx = context_with_users ();
  g_autoptr (GError) error = NULL;
  g_autoptr (PdUser) user = pd_user_authenticate (ctx, "zhang", "secret-zhang-1", NULL, &error);
  g_autoptr (PdUser) again = NULL;
  g_autoptr (PdUser) old = NULL;

  g_assert_nonnull (user);
  g_assert_false (pd_user_change_password (ctx, "wrong-old-pw", "secret-zhang-2", &error));
  g_assert_cmpstr (pd_error_get_field (error), ==, "old_password");
  g_clear_error (&error);
  g_assert_false (pd_user_change_password (ctx, "secret-zhang-1", "zhang", &error));
  g_assert_cmpstr (pd_error_get_field (error), ==, "new_password");
  g_clear_error (&error);
  g_assert_false (pd_user_change_password (ctx, "secret-zhang-1", "secret-zhang-1", &error));
  g_assert_cmpstr (pd_error_get_field (error), ==, "new_password");
  g_clear_error (&error);

  g_assert_true (pd_user_change_password (ctx, "secret-zhang-1", "secret-zhang-2", &error));
  g_assert_no_error (error);
  old = pd_user_authenticate (ctx, "zhang", "secret-zhang-1", NULL, NULL);
  g_assert_null (old);
  again = pd_user_authenticate (ctx, "zhang", "secret-zhang-2", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (again);
}

static void
test_reset_must_change (void)
{
  g_autoptr (PdContext) ctx = context_with_users ();
  g_autoptr (GError) error = NULL;
  g_autoptr (PdUser) clerk = NULL;
  g_autoptr (PdUser) after_reset = NULL;
  g_autoptr (PdUser) after_change = NULL;
  gboolean must_change = FALSE;

  /* A clerk cannot reset anybody's password. */
  clerk = pd_user_authenticate (ctx, "zhang", "secret-zhang-1", NULL, &error);
  g_assert_false (pd_user_reset_password (ctx, "wang", "temporary-1", &error));
  g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_DENIED);
  g_clear_error (&error);
  {
    g_autoptr (PdUser) wang = pd_user_authenticate (ctx, "wang", "secret-wang-1", NULL, NULL);
    g_assert_nonnull (wang);
  }

  pd_context_set_user (ctx, "tester", PD_ROLE_ADMIN);
  g_assert_true (pd_user_reset_password (ctx, "zhang", "temporary-1", &error));
  g_assert_no_error (error);
  after_reset = pd_user_authenticate (ctx, "zhang", "temporary-1", &must_change, &error);
  g_assert_nonnull (after_reset);
  g_assert_true (must_change);
  g_assert_true (pd_user_change_password (ctx, "temporary-1", "secret-zhang-3", &error));
  after_change = pd_user_authenticate (ctx, "zhang", "secret-zhang-3", &must_change, &error);
  g_assert_nonnull (after_change);
  g_assert_false (must_change);
}

static void
test_max_age (void)
{
  g_autoptr (PdContext) ctx = context_with_users ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) later = g_date_time_new_local (2027, 2, 21, 9, 0, 0);   /* +90 days */
  g_autoptr (GDateTime) earlier = g_date_time_new_local (2027, 2, 20, 9, 0, 0); /* +89 days */
  gboolean must_change = FALSE;
  PdUser *user;

  g_assert_cmpint (pd_settings_get_int (ctx, PD_SETTING_PASSWORD_MAX_AGE, -1), ==, 90);
  pd_context_set_now (ctx, earlier);
  user = pd_user_authenticate (ctx, "wang", "secret-wang-1", &must_change, &error);
  g_assert_nonnull (user);
  g_assert_false (must_change);
  pd_user_free (user);

  pd_context_set_now (ctx, later);
  user = pd_user_authenticate (ctx, "wang", "secret-wang-1", &must_change, &error);
  g_assert_true (must_change);
  pd_user_free (user);

  /* Only an admin sets the age; 0 means never. */
  g_assert_false (pd_settings_set (ctx, PD_SETTING_PASSWORD_MAX_AGE, "0", &error));
  g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_DENIED);
  g_clear_error (&error);
  pd_context_set_user (ctx, "tester", PD_ROLE_ADMIN);
  g_assert_true (pd_settings_set (ctx, PD_SETTING_PASSWORD_MAX_AGE, "0", &error));
  user = pd_user_authenticate (ctx, "wang", "secret-wang-1", &must_change, &error);
  g_assert_false (must_change);
  pd_user_free (user);
}

static void
test_deactivate (void)
{
  g_autoptr (PdContext) ctx = context_with_users ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) users = NULL;

  g_assert_true (pd_user_deactivate (ctx, "zhang", &error));
  g_assert_no_error (error);
  g_assert_null (pd_user_authenticate (ctx, "zhang", "secret-zhang-1", NULL, &error));
  g_assert_cmpstr (pd_error_get_field (error), ==, "name");
  users = pd_user_list (ctx, &error);
  g_assert_cmpint (users->len, ==, 2);
  g_assert_cmpstr (((PdUser *) users->pdata[1])->name, ==, "zhang");
  g_assert_false (((PdUser *) users->pdata[1])->active);
}

/* Roles and reactivation: administrators only; an administrator cannot
 * lower their own role or deactivate themselves; a new role holds from the
 * next login. */
static void
test_role_and_reactivate (void)
{
  g_autoptr (PdContext) ctx = context_with_users ();
  g_autoptr (GError) error = NULL;
  g_autoptr (PdUser) user = NULL;

  g_assert_true (pd_user_deactivate (ctx, "zhang", &error));
  g_assert_true (pd_user_reactivate (ctx, "zhang", &error));
  g_assert_no_error (error);
  g_assert_true (pd_user_set_role (ctx, "zhang", PD_ROLE_SUPERVISOR, &error));
  g_assert_no_error (error);
  user = pd_user_authenticate (ctx, "zhang", "secret-zhang-1", NULL, &error);
  g_assert_nonnull (user);
  g_assert_cmpint (user->role, ==, PD_ROLE_SUPERVISOR);
  g_assert_cmpint (pd_context_get_role (ctx), ==, PD_ROLE_SUPERVISOR);

  /* zhang, a supervisor, may not promote himself nor touch others. */
  g_assert_false (pd_user_set_role (ctx, "zhang", PD_ROLE_ADMIN, &error));
  g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_false (pd_user_reactivate (ctx, "wang", &error));
  g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_DENIED);
  g_clear_error (&error);

  pd_context_set_user (ctx, "tester", PD_ROLE_ADMIN);
  g_assert_cmpint (pd_user_create (ctx, "tester", NULL, PD_ROLE_ADMIN, "secret-tester-1", FALSE, &error), >, 0);
  g_assert_false (pd_user_set_role (ctx, "tester", PD_ROLE_CLERK, &error));
  g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_STATE);
  g_clear_error (&error);
  g_assert_false (pd_user_set_role (ctx, "nobody", PD_ROLE_CLERK, &error));
  g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM user_account WHERE role = 'admin'", NULL), ==, 1);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM audit_log WHERE table_name = 'user_account' "
                                       "AND field = 'role' AND new_value = 'supervisor'", NULL), ==, 1);
}

static void
test_audit_attribution (void)
{
  g_autoptr (PdContext) ctx = context_with_users ();
  g_autoptr (GError) error = NULL;
  g_autoptr (PdUser) user = NULL;

  g_assert_true (pd_user_reset_password (ctx, "zhang", "temporary-1", &error));
  user = pd_user_authenticate (ctx, "zhang", "temporary-1", NULL, &error);
  g_assert_true (pd_user_change_password (ctx, "temporary-1", "secret-zhang-9", &error));
  g_assert_no_error (error);

  /* The creation and the reset were the admin's, the change zhang's. */
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM audit_log WHERE table_name = 'user_account' "
                                       "AND action = 'insert' AND user_name = ?", "tester"), ==, 2);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM audit_log WHERE table_name = 'user_account' "
                                       "AND field = 'must_change' AND new_value = '0' AND user_name = ?",
                                  "zhang"), ==, 1);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM audit_log WHERE field = 'password_hash' "
                                       "OR old_value LIKE ?1 OR new_value LIKE ?1", "%argon2%"), ==, 0);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM audit_log WHERE new_value LIKE ?1 "
                                       "OR old_value LIKE ?1", "%secret-%"), ==, 0);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM audit_log WHERE new_value LIKE ?1 "
                                       "OR old_value LIKE ?1", "%temporary-%"), ==, 0);

  /* Other tables too: a setting changed while boss is logged in. */
  g_clear_pointer (&user, pd_user_free);
  pd_context_set_user (ctx, "tester", PD_ROLE_ADMIN);
  g_assert_cmpint (pd_user_create (ctx, "boss", NULL, PD_ROLE_ADMIN, "secret-boss-1", FALSE, &error), >, 0);
  user = pd_user_authenticate (ctx, "boss", "secret-boss-1", NULL, &error);
  g_assert_true (pd_settings_set (ctx, PD_SETTING_PASSWORD_MAX_AGE, "30", &error));
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM audit_log WHERE table_name = 'setting' "
                                       "AND new_value = '30' AND user_name = ?", "boss"), ==, 1);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/user/hash", test_hash_stored_not_password);
  g_test_add_func ("/user/wrong-password", test_wrong_password_refused);
  g_test_add_func ("/user/create-validation", test_create_validation);
  g_test_add_func ("/user/change-password", test_change_password);
  g_test_add_func ("/user/reset-must-change", test_reset_must_change);
  g_test_add_func ("/user/max-age", test_max_age);
  g_test_add_func ("/user/deactivate", test_deactivate);
  g_test_add_func ("/user/audit", test_audit_attribution);
  g_test_add_func ("/user/role-and-reactivate", test_role_and_reactivate);
  return g_test_run ();
}
