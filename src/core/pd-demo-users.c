/* pd-demo-users.c — the demo office's accounts, one per role.  Their
 * passwords are documented in README.md: demo data only. */
#include "config.h"

#include "pd-demo.h"
#include "pd-user.h"

gboolean
pd_demo_users (PdContext *ctx,
               GRand     *rand,
               GError   **error)
{
  static const struct
  {
    const char *name;
    const char *display_name;
    PdRole      role;
    const char *password;
  } users[] = {
    { "admin", "系统管理员", PD_ROLE_ADMIN, "propdesk-admin" },
    { "manager", "王经理", PD_ROLE_MANAGER, "propdesk-manager" },
    { "supervisor", "李主管", PD_ROLE_SUPERVISOR, "propdesk-supervisor" },
    { "clerk", "张客服", PD_ROLE_CLERK, "propdesk-clerk" },
  };

  g_autofree char *saved_user = g_strdup (pd_context_get_user (ctx));
  PdRole saved_role = pd_context_get_role (ctx);
  gboolean ok = TRUE;

  /* Accounts are an administrator's to create; whoever asked for the demo
   * gets their own identity back afterwards. */
  pd_context_set_user (ctx, saved_user, PD_ROLE_ADMIN);
  for (guint i = 0; ok && i < G_N_ELEMENTS (users); i++)
    ok = pd_user_create (ctx, users[i].name, users[i].display_name, users[i].role,
                         users[i].password, FALSE, error) > 0;
  pd_context_set_user (ctx, saved_user, saved_role);
  return ok;
}
