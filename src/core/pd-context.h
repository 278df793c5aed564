/* pd-context.h — what every core call needs: the database, who is working,
 * and what time it is (injectable, so deadlines are testable). */
#pragma once

#include "pd-database.h"

G_BEGIN_DECLS

typedef enum
{
  PD_ROLE_CLERK,
  PD_ROLE_SUPERVISOR,
  PD_ROLE_MANAGER,
  PD_ROLE_ADMIN,
} PdRole;

#define PD_TYPE_CONTEXT (pd_context_get_type ())
G_DECLARE_FINAL_TYPE (PdContext, pd_context, PD, CONTEXT, GObject)

PdContext  *pd_context_open         (const char *path,
                                     GError    **error);
PdContext  *pd_context_new          (PdDatabase *database);
PdDatabase *pd_context_get_database (PdContext  *self);

const char *pd_context_get_user     (PdContext  *self);
PdRole      pd_context_get_role     (PdContext  *self);
void        pd_context_set_user     (PdContext  *self,
                                     const char *user_name,
                                     PdRole      role);
/* TRUE when the current user's role is @role or above; otherwise sets a
 * PD_VALIDATION_ERROR_DENIED naming @action. */
gboolean    pd_context_require_role (PdContext  *self,
                                     PdRole      role,
                                     const char *action,
                                     GError    **error);
const char *pd_role_to_string       (PdRole      role);
const char *pd_role_label           (PdRole      role);
gboolean    pd_role_from_string     (const char *text,
                                     PdRole     *role);

/* The current local time; a fixed time when one is set (tests, demo). */
GDateTime  *pd_context_now          (PdContext  *self);
void        pd_context_set_now      (PdContext  *self,
                                     GDateTime  *fixed_or_null);
/* TRUE when a fixed time is set: demo generators that replay past events
 * through the core set the clock and must put the real one back after. */
gboolean    pd_context_clock_is_fixed (PdContext *self);
char       *pd_context_today        (PdContext  *self);   /* "YYYY-MM-DD" */
char       *pd_context_now_text     (PdContext  *self);   /* "YYYY-MM-DD HH:MM:SS" */

/* Emitted (signal "changed", detail = table name) after a core write, so
 * views refresh without polling. */
void        pd_context_notify_changed (PdContext *self,
                                       const char *table);

G_END_DECLS
