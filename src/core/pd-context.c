/* pd-context.c — see pd-context.h. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-audit.h"
#include "pd-bulk.h"
#include "pd-context.h"
#include "pd-error.h"

struct _PdContext
{
  GObject     parent_instance;
  PdDatabase *database;
  char       *user_name;
  PdRole      role;
  GDateTime  *fixed_now;
  GTimeZone  *zone;
  gint64      now_second;   /* of now_text; -1: none */
  char        now_text[24]; /* pd_now() for the audit triggers */
};

G_DEFINE_FINAL_TYPE (PdContext, pd_context, G_TYPE_OBJECT)

enum { SIGNAL_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
pd_context_finalize (GObject *object)
{
  PdContext *self = PD_CONTEXT (object);

  g_clear_object (&self->database);
  g_clear_pointer (&self->user_name, g_free);
  g_clear_pointer (&self->fixed_now, g_date_time_unref);
  g_clear_pointer (&self->zone, g_time_zone_unref);
  G_OBJECT_CLASS (pd_context_parent_class)->finalize (object);
}

static void
pd_context_class_init (PdContextClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pd_context_finalize;
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
pd_context_init (PdContext *self)
{
  self->user_name = g_strdup (g_get_user_name ());
  self->role = PD_ROLE_ADMIN;
  self->now_second = -1;
}

/* SQL functions the audit triggers call: who and when. */
static void
sql_current_user (sqlite3_context *sql_ctx,
                  int              argc,
                  sqlite3_value  **argv)
{
  PdContext *self = sqlite3_user_data (sql_ctx);
  sqlite3_result_text (sql_ctx, self->user_name, -1, SQLITE_TRANSIENT);
}

static void
sql_now (sqlite3_context *sql_ctx,
         int              argc,
         sqlite3_value  **argv)
{
  PdContext *self = sqlite3_user_data (sql_ctx);
  gint64 second = self->fixed_now != NULL ? 0 : g_get_real_time () / G_USEC_PER_SEC;

  /* Every audited row asks; within one second the text is the same, and
   * formatting it anew cost more than the rest of the trigger. */
  if (second != self->now_second)
    {
      g_autofree char *now = pd_context_now_text (self);
      g_strlcpy (self->now_text, now, sizeof self->now_text);
      self->now_second = second;
    }
  sqlite3_result_text (sql_ctx, self->now_text, -1, SQLITE_TRANSIENT);
}

PdContext *
pd_context_new (PdDatabase *database)
{
  PdContext *self = g_object_new (PD_TYPE_CONTEXT, NULL);
  sqlite3 *handle = pd_database_get_handle (database);
  g_auto (GStrv) audited = pd_audit_list_tables (database, NULL);

  self->database = g_object_ref (database);
  sqlite3_create_function (handle, "pd_user", 0, SQLITE_UTF8, self, sql_current_user, NULL, NULL);
  sqlite3_create_function (handle, "pd_now", 0, SQLITE_UTF8, self, sql_now, NULL, NULL);
  /* The audit triggers are TEMP ones, made on each connection: ~100 M
   * instructions (30 ms) for every audited table, paid only by a connection
   * that writes, before its first write (issue #8: the GUI's start reads),
   * and only if that write reaches an audited table: an export that only
   * adds its line to export_log makes none (27% of the CPU time of
   * `propdesk-cli export survey-stats` on the demo estate).  Without the
   * list, any write makes them. */
  pd_database_before_first_write (database, (const char *const *) audited, pd_audit_install_triggers);
  return self;
}

PdContext *
pd_context_open (const char  *path,
                 GError     **error)
{
  g_autoptr (PdDatabase) database = pd_database_open (path, error);

  if (database == NULL)
    return NULL;
  return pd_context_new (database);
}

PdDatabase *
pd_context_get_database (PdContext *self)
{
  return self->database;
}

const char *
pd_context_get_user (PdContext *self)
{
  return self->user_name;
}

PdRole
pd_context_get_role (PdContext *self)
{
  return self->role;
}

void
pd_context_set_user (PdContext  *self,
                     const char *user_name,
                     PdRole      role)
{
  g_free (self->user_name);
  self->user_name = g_strdup (user_name);
  self->role = role;
}

static const struct
{
  const char *key;
  const char *label;
} role_names[] = {
  [PD_ROLE_CLERK] = { "clerk", N_("Clerk") },
  [PD_ROLE_SUPERVISOR] = { "supervisor", N_("Supervisor") },
  [PD_ROLE_MANAGER] = { "manager", N_("Manager") },
  [PD_ROLE_ADMIN] = { "admin", N_("Administrator") },
};

const char *
pd_role_to_string (PdRole role)
{
  /* An out-of-range value (a cast integer) has no name. */
  if ((guint) role >= G_N_ELEMENTS (role_names))
    return NULL;
  return role_names[role].key;
}

const char *
pd_role_label (PdRole role)
{
  if ((guint) role >= G_N_ELEMENTS (role_names))
    return "";
  return _(role_names[role].label);
}

gboolean
pd_role_from_string (const char *text,
                     PdRole     *role)
{
  for (guint i = 0; i < G_N_ELEMENTS (role_names); i++)
    if (g_strcmp0 (text, role_names[i].key) == 0)
      {
        *role = i;
        return TRUE;
      }
  return FALSE;
}

gboolean
pd_context_require_role (PdContext  *self,
                         PdRole      role,
                         const char *action,
                         GError    **error)
{
  if (self->role >= role)
    return TRUE;
  pd_set_field_error (error, PD_VALIDATION_ERROR_DENIED, "role",
                      /* Translators: %s is an action, e.g. "approve renovations";
                       * the second %s a role such as "Manager" */
                      _("Not allowed: to %s you need the role %s or higher."),
                      action, pd_role_label (role));
  return FALSE;
}

GDateTime *
pd_context_now (PdContext *self)
{
  if (self->fixed_now != NULL)
    return g_date_time_ref (self->fixed_now);
  /* g_date_time_new_now_local looks at /etc/localtime again on every call
   * (three system calls), and the audit triggers ask for the time on every
   * row written; the zone is taken once per context. */
  if (self->zone == NULL)
    self->zone = g_time_zone_new_local ();
  return g_date_time_new_now (self->zone);
}

void
pd_context_set_now (PdContext *self,
                    GDateTime *fixed_or_null)
{
  g_clear_pointer (&self->fixed_now, g_date_time_unref);
  if (fixed_or_null != NULL)
    self->fixed_now = g_date_time_ref (fixed_or_null);
  self->now_second = -1;
}

gboolean
pd_context_clock_is_fixed (PdContext *self)
{
  return self->fixed_now != NULL;
}

char *
pd_context_today (PdContext *self)
{
  g_autoptr (GDateTime) now = pd_context_now (self);
  return g_date_time_format (now, "%Y-%m-%d");
}

char *
pd_context_now_text (PdContext *self)
{
  g_autoptr (GDateTime) now = pd_context_now (self);
  return g_date_time_format (now, "%Y-%m-%d %H:%M:%S");
}

void
pd_context_notify_changed (PdContext  *self,
                           const char *table)
{
  if (pd_bulk_defer_notify (self, table))
    return;
  g_signal_emit (self, signals[SIGNAL_CHANGED], g_quark_from_string (table), table);
}
