/* pd-user.h — user accounts: who may log in, with which role.
 *
 * Passwords are kept only as libsodium argon2id hashes (crypto_pwhash_str),
 * never in clear, never in the audit log.  A database without any account
 * keeps working as before (the OS user, as administrator): the first
 * administrator is created with `propdesk-cli user add NAME --role admin`. */
#pragma once

#include "pd-context.h"

G_BEGIN_DECLS

#define PD_PASSWORD_MIN_LENGTH 8
#define PD_SETTING_PASSWORD_MAX_AGE "security.password_max_age_days"

typedef struct
{
  gint64   id;
  char    *name;
  char    *display_name;
  PdRole   role;
  gboolean must_change;
  char    *password_changed_on;   /* "YYYY-MM-DD" */
  gboolean active;
} PdUser;

void       pd_user_free            (PdUser     *user);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdUser, pd_user_free)

/* TRUE when at least one active account exists: then the GUI asks for a login. */
gboolean   pd_user_any             (PdContext  *ctx);

/* Admin only.  Returns the new account's id, or -1. */
gint64     pd_user_create          (PdContext  *ctx,
                                    const char *name,
                                    const char *display_name,
                                    PdRole      role,
                                    const char *password,
                                    gboolean    must_change,
                                    GError    **error);
/* Checks @password; on success makes @name the context's user and role and
 * returns the account.  *must_change tells whether the password has to be
 * changed now (reset by an admin, or older than the maximum age). */
PdUser    *pd_user_authenticate    (PdContext  *ctx,
                                    const char *name,
                                    const char *password,
                                    gboolean   *must_change,
                                    GError    **error);
/* The logged-in user changes their own password (@old_password required). */
gboolean   pd_user_change_password (PdContext  *ctx,
                                    const char *old_password,
                                    const char *new_password,
                                    GError    **error);
/* Admin only: sets a temporary password the user must change at next login. */
gboolean   pd_user_reset_password  (PdContext  *ctx,
                                    const char *name,
                                    const char *new_password,
                                    GError    **error);
/* Admin only: the account can no longer log in (history keeps its name). */
gboolean   pd_user_deactivate      (PdContext  *ctx,
                                    const char *name,
                                    GError    **error);
/* Admin only: a deactivated account may log in again. */
gboolean   pd_user_reactivate      (PdContext  *ctx,
                                    const char *name,
                                    GError    **error);
/* Admin only: gives @name another role (from the next login).  An
 * administrator cannot lower their own role: the office would risk having
 * no administrator left. */
gboolean   pd_user_set_role        (PdContext  *ctx,
                                    const char *name,
                                    PdRole      role,
                                    GError    **error);
/* All accounts by name.  Element type PdUser. */
GPtrArray *pd_user_list            (PdContext  *ctx,
                                    GError    **error);
/* The account @name, or NULL (and a NOT_FOUND error). */
PdUser    *pd_user_lookup          (PdContext  *ctx,
                                    const char *name,
                                    GError    **error);

G_END_DECLS
