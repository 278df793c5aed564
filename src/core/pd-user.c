/* pd-user.c — see pd-user.h. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <sodium.h>
#include <string.h>

#include "pd-error.h"
#include "pd-settings.h"
#include "pd-user.h"

#define USER_COLUMNS "id, name, display_name, role, must_change, password_changed_on, active"

void
pd_user_free (PdUser *user)
{
  if (user == NULL)
    return;
  g_free (user->name);
  g_free (user->display_name);
  g_free (user->password_changed_on);
  g_free (user);
}

static gboolean
ensure_sodium (GError **error)
{
  static gsize initialised = 0;
  static gboolean ok = FALSE;

  if (g_once_init_enter (&initialised))
    {
      ok = sodium_init () >= 0;
      g_once_init_leave (&initialised, 1);
    }
  if (!ok)
    g_set_error (error, PD_DATABASE_ERROR, PD_DATABASE_ERROR_SQL,
                 _("The password library could not be started."));
  return ok;
}

/* argon2id with a random salt; the parameters are stored in the string, so
 * stronger ones later still verify old hashes. */
static char *
hash_password (const char *password,
               GError    **error)
{
  char hashed[crypto_pwhash_STRBYTES];

  if (!ensure_sodium (error))
    return NULL;
  if (crypto_pwhash_str (hashed, password, strlen (password),
                         crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    {
      g_set_error (error, PD_DATABASE_ERROR, PD_DATABASE_ERROR_SQL,
                   _("Not enough memory to protect the password."));
      return NULL;
    }
  return g_strdup (hashed);
}

static gboolean
verify_password (const char *hashed,
                 const char *password)
{
  return hashed != NULL && password != NULL && ensure_sodium (NULL) &&
         crypto_pwhash_str_verify (hashed, password, strlen (password)) == 0;
}

static gboolean
check_new_password (const char *name,
                    const char *password,
                    GError    **error)
{
  g_autofree char *folded_name = NULL;
  g_autofree char *folded_password = NULL;

  if (password == NULL || !g_utf8_validate (password, -1, NULL) ||
      g_utf8_strlen (password, -1) < PD_PASSWORD_MIN_LENGTH)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_RANGE, "new_password",
                          _("New password: use at least %d characters."), PD_PASSWORD_MIN_LENGTH);
      return FALSE;
    }
  folded_name = g_utf8_casefold (name, -1);
  folded_password = g_utf8_casefold (password, -1);
  if (g_str_equal (folded_name, folded_password))
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_INVALID, "new_password",
                          _("New password: it must not be the user name."));
      return FALSE;
    }
  return TRUE;
}

static PdUser *
user_from_row (sqlite3_stmt *stmt)
{
  PdUser *user = g_new0 (PdUser, 1);

  user->id = sqlite3_column_int64 (stmt, 0);
  user->name = pd_column_dup (stmt, 1);
  user->display_name = g_strdup (pd_column_text (stmt, 2));
  if (!pd_role_from_string (pd_column_text (stmt, 3), &user->role))
    user->role = PD_ROLE_CLERK;
  user->must_change = sqlite3_column_int (stmt, 4) != 0;
  user->password_changed_on = pd_column_dup (stmt, 5);
  user->active = sqlite3_column_int (stmt, 6) != 0;
  return user;
}

static PdUser *
find_user (PdContext  *ctx,
           const char *name,
           char      **password_hash,
           GError    **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  sqlite3_stmt *stmt = pd_database_prepare (database,
    "SELECT " USER_COLUMNS ", password_hash FROM user_account WHERE name = ?", error);
  PdUser *user = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  pd_bind_text (stmt, 1, name);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      user = user_from_row (stmt);
      if (password_hash != NULL)
        *password_hash = pd_column_dup (stmt, 7);
    }
  else if (rc != SQLITE_DONE)
    pd_database_set_error (database, "user_account", error);
  else
    pd_set_field_error (error, PD_VALIDATION_ERROR_NOT_FOUND, "name",
                        _("User name: there is no user “%s”."), name);
  sqlite3_reset (stmt);
  return user;
}

PdUser *
pd_user_lookup (PdContext  *ctx,
                const char *name,
                GError    **error)
{
  return find_user (ctx, name, NULL, error);
}

gboolean
pd_user_any (PdContext *ctx)
{
  return pd_database_query_int (pd_context_get_database (ctx),
                                "SELECT count(*) FROM user_account WHERE active = 1", NULL, NULL) > 0;
}

gint64
pd_user_create (PdContext  *ctx,
                const char *name,
                const char *display_name,
                PdRole      role,
                const char *password,
                gboolean    must_change,
                GError    **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  g_autofree char *clean_name = g_strstrip (g_strdup (name ? name : ""));
  g_autofree char *today = pd_context_today (ctx);
  g_autofree char *hashed = NULL;
  g_autoptr (PdUser) existing = NULL;
  sqlite3_stmt *stmt;

  if (!pd_context_require_role (ctx, PD_ROLE_ADMIN, _("manage users"), error))
    return -1;
  if (*clean_name == '\0' || g_utf8_strlen (clean_name, -1) > 32 || strpbrk (clean_name, " \t\n") != NULL)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_INVALID, "name",
                          _("User name: enter one word of at most 32 characters."));
      return -1;
    }
  existing = find_user (ctx, clean_name, NULL, NULL);
  if (existing != NULL)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_DUPLICATE, "name",
                          _("User name: “%s” already exists."), clean_name);
      return -1;
    }
  if (pd_role_to_string (role) == NULL)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_INVALID, "role",
                          _("Role: choose clerk, supervisor, manager or administrator."));
      return -1;
    }
  if (!check_new_password (clean_name, password, error))
    return -1;
  hashed = hash_password (password, error);
  if (hashed == NULL)
    return -1;
  stmt = pd_database_prepare (database,
    "INSERT INTO user_account (name, display_name, role, password_hash, must_change, password_changed_on) "
    "VALUES (?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return -1;
  pd_bind_text (stmt, 1, clean_name);
  pd_bind_text (stmt, 2, display_name ? display_name : "");
  pd_bind_text (stmt, 3, pd_role_to_string (role));
  pd_bind_text (stmt, 4, hashed);
  sqlite3_bind_int (stmt, 5, must_change ? 1 : 0);
  pd_bind_text (stmt, 6, today);
  if (!pd_database_step_done (database, stmt, error))
    return -1;
  pd_context_notify_changed (ctx, "user_account");
  return pd_database_last_insert_id (database);
}

/* TRUE when the password is older than security.password_max_age_days. */
static gboolean
password_too_old (PdContext  *ctx,
                  const char *changed_on)
{
  gint64 max_age = pd_settings_get_int (ctx, PD_SETTING_PASSWORD_MAX_AGE, 0);
  g_autofree char *today_text = NULL;
  GDate changed, today;
  int y, m, d;

  if (max_age <= 0 || changed_on == NULL || sscanf (changed_on, "%d-%d-%d", &y, &m, &d) != 3 ||
      !g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_clear (&changed, 1);
  g_date_set_dmy (&changed, d, m, y);
  today_text = pd_context_today (ctx);
  if (sscanf (today_text, "%d-%d-%d", &y, &m, &d) != 3)
    return FALSE;
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, d, m, y);
  return g_date_days_between (&changed, &today) >= max_age;
}

PdUser *
pd_user_authenticate (PdContext  *ctx,
                      const char *name,
                      const char *password,
                      gboolean   *must_change,
                      GError    **error)
{
  g_autofree char *hashed = NULL;
  g_autoptr (PdUser) user = find_user (ctx, name ? name : "", &hashed, NULL);

  /* One message for an unknown name and a wrong password: a stranger
   * should not learn which user names exist. */
  if (user == NULL || !verify_password (hashed, password))
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_DENIED, "password",
                          _("Password: the user name or the password is wrong."));
      return NULL;
    }
  if (!user->active)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_DENIED, "name",
                          _("User name: the account “%s” has been deactivated."), user->name);
      return NULL;
    }
  pd_context_set_user (ctx, user->name, user->role);
  if (must_change != NULL)
    *must_change = user->must_change || password_too_old (ctx, user->password_changed_on);
  return g_steal_pointer (&user);
}

static gboolean
store_password (PdContext  *ctx,
                gint64      user_id,
                const char *password,
                gboolean    must_change,
                GError    **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  g_autofree char *hashed = hash_password (password, error);
  g_autofree char *today = pd_context_today (ctx);
  sqlite3_stmt *stmt;

  if (hashed == NULL)
    return FALSE;
  stmt = pd_database_prepare (database,
    "UPDATE user_account SET password_hash = ?, must_change = ?, password_changed_on = ? WHERE id = ?",
    error);
  if (stmt == NULL)
    return FALSE;
  pd_bind_text (stmt, 1, hashed);
  sqlite3_bind_int (stmt, 2, must_change ? 1 : 0);
  pd_bind_text (stmt, 3, today);
  sqlite3_bind_int64 (stmt, 4, user_id);
  if (!pd_database_step_done (database, stmt, error))
    return FALSE;
  pd_context_notify_changed (ctx, "user_account");
  return TRUE;
}

gboolean
pd_user_change_password (PdContext  *ctx,
                         const char *old_password,
                         const char *new_password,
                         GError    **error)
{
  g_autofree char *hashed = NULL;
  g_autoptr (PdUser) user = find_user (ctx, pd_context_get_user (ctx), &hashed, NULL);

  if (user == NULL)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_NOT_FOUND, "name",
                          _("User name: “%s” has no account; an administrator creates it first."),
                          pd_context_get_user (ctx));
      return FALSE;
    }
  if (!verify_password (hashed, old_password))
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_DENIED, "old_password",
                          _("Current password: it is wrong."));
      return FALSE;
    }
  if (!check_new_password (user->name, new_password, error))
    return FALSE;
  if (g_str_equal (old_password, new_password))
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_INVALID, "new_password",
                          _("New password: it must differ from the current one."));
      return FALSE;
    }
  return store_password (ctx, user->id, new_password, FALSE, error);
}

gboolean
pd_user_reset_password (PdContext  *ctx,
                        const char *name,
                        const char *new_password,
                        GError    **error)
{
  g_autoptr (PdUser) user = NULL;

  if (!pd_context_require_role (ctx, PD_ROLE_ADMIN, _("manage users"), error))
    return FALSE;
  user = find_user (ctx, name, NULL, error);
  if (user == NULL || !check_new_password (user->name, new_password, error))
    return FALSE;
  return store_password (ctx, user->id, new_password, TRUE, error);
}

/* One admin-only UPDATE of @name's account (@sql binds the value, then the id). */
static gboolean
update_account (PdContext  *ctx,
                const char *name,
                const char *sql,
                const char *value,
                GError    **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  g_autoptr (PdUser) user = NULL;
  sqlite3_stmt *stmt;

  if (!pd_context_require_role (ctx, PD_ROLE_ADMIN, _("manage users"), error))
    return FALSE;
  user = find_user (ctx, name, NULL, error);
  if (user == NULL)
    return FALSE;
  /* Changing oneself could leave the office without an administrator. */
  if (g_str_equal (user->name, pd_context_get_user (ctx)))
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_STATE, "name",
                          _("User name: you cannot deactivate your own account or lower your own role."));
      return FALSE;
    }
  stmt = pd_database_prepare (database, sql, error);
  if (stmt == NULL)
    return FALSE;
  pd_bind_text (stmt, 1, value);
  sqlite3_bind_int64 (stmt, 2, user->id);
  if (!pd_database_step_done (database, stmt, error))
    return FALSE;
  pd_context_notify_changed (ctx, "user_account");
  return TRUE;
}

gboolean
pd_user_deactivate (PdContext  *ctx,
                    const char *name,
                    GError    **error)
{
  return update_account (ctx, name, "UPDATE user_account SET active = ? WHERE id = ?", "0", error);
}

gboolean
pd_user_reactivate (PdContext  *ctx,
                    const char *name,
                    GError    **error)
{
  return update_account (ctx, name, "UPDATE user_account SET active = ? WHERE id = ?", "1", error);
}

gboolean
pd_user_set_role (PdContext  *ctx,
                  const char *name,
                  PdRole      role,
                  GError    **error)
{
  return update_account (ctx, name, "UPDATE user_account SET role = ? WHERE id = ?",
                         pd_role_to_string (role), error);
}

GPtrArray *
pd_user_list (PdContext  *ctx,
              GError    **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  sqlite3_stmt *stmt = pd_database_prepare (database,
    "SELECT " USER_COLUMNS " FROM user_account ORDER BY name", error);
  GPtrArray *users;
  int rc;

  if (stmt == NULL)
    return NULL;
  users = g_ptr_array_new_with_free_func ((GDestroyNotify) pd_user_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (users, user_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      pd_database_set_error (database, "user_account", error);
      g_ptr_array_unref (users);
      return NULL;
    }
  return users;
}
