/* pd-owner-import-async.c — pd_owner_import_run() off the main thread.
 *
 * Why a second connection rather than chunks on the main loop: the import
 * is ONE transaction; spread over main-loop iterations it would stay open
 * while the rest of the application runs, and any other write made
 * meanwhile would silently join it (and be rolled back with it).  In a
 * thread with its own connection, the transaction is the import's alone;
 * the window's connection keeps reading the last committed state (WAL),
 * and a write it attempts waits for the import (busy timeout).
 */
#include "config.h"

#include "pd-owner-import.h"

/* Shared by the job and the progress updates queued to the caller. */
typedef struct
{
  PdOwnerImportProgress progress;
  gpointer              data;
  GDestroyNotify        notify;
  GMainContext         *context;
} ProgressSink;

static void
progress_sink_clear (ProgressSink *sink)
{
  if (sink->notify != NULL)
    sink->notify (sink->data);
  g_main_context_unref (sink->context);
}

static void
progress_sink_unref (ProgressSink *sink)
{
  g_atomic_rc_box_release_full (sink, (GDestroyNotify) progress_sink_clear);
}

typedef struct
{
  PdContext         *ctx;       /* in-memory databases only; else NULL */
  char              *db_path;
  char              *user;
  PdRole             role;
  GDateTime         *now;
  PdLedgerTable     *table;     /* borrowed */
  PdOwnerMapping    *mapping;
  PdOwnerImportMode  mode;
  ProgressSink      *sink;      /* NULL without a progress callback */
  int                percent;   /* last progress posted */
} Job;

static gboolean
release_sink (gpointer sink)
{
  progress_sink_unref (sink);
  return G_SOURCE_REMOVE;
}

/* The task may be freed in the worker thread; the caller's progress data
 * (often a widget) is released in the caller's context, never there. */
static void
job_free (Job *job)
{
  g_clear_object (&job->ctx);
  g_free (job->db_path);
  g_free (job->user);
  g_date_time_unref (job->now);
  pd_owner_mapping_free (job->mapping);
  if (job->sink != NULL)
    {
      g_autoptr (GMainContext) context = g_main_context_ref (job->sink->context);
      g_main_context_invoke (context, release_sink, job->sink);
    }
  g_free (job);
}

typedef struct
{
  ProgressSink *sink;
  guint         done;
  guint         total;
} Update;

static gboolean
deliver_update (gpointer data)
{
  Update *update = data;

  update->sink->progress (update->done, update->total, update->sink->data);
  return G_SOURCE_REMOVE;
}

static void
update_free (Update *update)
{
  progress_sink_unref (update->sink);
  g_free (update);
}

/* In the worker: at most one update per percent reaches the caller. */
static void
post_progress (guint    done,
               guint    total,
               gpointer user_data)
{
  Job *job = user_data;
  int percent = total ? (int) ((guint64) done * 100 / total) : 100;
  Update *update;

  if (job->sink == NULL || percent == job->percent)
    return;
  job->percent = percent;
  update = g_new0 (Update, 1);
  update->sink = g_atomic_rc_box_acquire (job->sink);
  update->done = done;
  update->total = total;
  g_main_context_invoke_full (job->sink->context, G_PRIORITY_DEFAULT, deliver_update, update,
                              (GDestroyNotify) update_free);
}

static void
import_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr (PdContext) own = NULL;
  PdContext *ctx = job->ctx;
  GError *error = NULL;
  PdOwnerImportReport *report;

  if (ctx == NULL)
    {
      own = ctx = pd_context_open (job->db_path, &error);
      if (ctx == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
      pd_context_set_user (ctx, job->user, job->role);
      /* One user action, one moment: every audit row gets the start time. */
      pd_context_set_now (ctx, job->now);
    }
  report = pd_owner_import_run (ctx, job->table, job->mapping, job->mode, cancellable,
                                post_progress, job, &error);
  if (report != NULL)
    g_task_return_pointer (task, report, (GDestroyNotify) pd_owner_import_report_free);
  else
    g_task_return_error (task, error);
}

void
pd_owner_import_run_async (PdContext             *ctx,
                           PdLedgerTable         *table,
                           const PdOwnerMapping  *mapping,
                           PdOwnerImportMode      mode,
                           GCancellable          *cancellable,
                           PdOwnerImportProgress  progress,
                           gpointer               progress_data,
                           GDestroyNotify         progress_notify,
                           GAsyncReadyCallback    callback,
                           gpointer               user_data)
{
  const char *path = pd_database_get_path (pd_context_get_database (ctx));
  g_autoptr (GTask) task = NULL;
  Job *job;

  g_return_if_fail (PD_IS_CONTEXT (ctx));
  g_return_if_fail (table != NULL && mapping != NULL);

  job = g_new0 (Job, 1);
  job->db_path = g_strdup (path);
  job->user = g_strdup (pd_context_get_user (ctx));
  job->role = pd_context_get_role (ctx);
  job->now = pd_context_now (ctx);
  job->table = table;
  job->mapping = pd_owner_mapping_copy (mapping);
  job->mode = mode;
  job->percent = -1;
  if (progress != NULL)
    {
      job->sink = g_atomic_rc_box_new0 (ProgressSink);
      job->sink->progress = progress;
      job->sink->data = progress_data;
      job->sink->notify = progress_notify;
      job->sink->context = g_main_context_ref_thread_default ();
    }
  else if (progress_notify != NULL)
    progress_notify (progress_data);

  task = g_task_new (ctx, cancellable, callback, user_data);
  g_task_set_source_tag (task, pd_owner_import_run_async);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  if (path == NULL || *path == '\0' || g_str_equal (path, ":memory:"))
    {
      job->ctx = g_object_ref (ctx);
      import_thread (task, ctx, job, cancellable);
    }
  else
    g_task_run_in_thread (task, import_thread);
}

PdOwnerImportReport *
pd_owner_import_run_finish (PdContext     *ctx,
                            GAsyncResult  *result,
                            GError       **error)
{
  PdOwnerImportReport *report;

  g_return_val_if_fail (g_task_is_valid (result, ctx), NULL);
  report = g_task_propagate_pointer (G_TASK (result), error);
  /* The rows were written through another connection: tell the views. */
  if (report != NULL && report->committed)
    {
      static const char *const tables[] = { "unit", "person", "unit_role", "vehicle" };
      for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
        pd_context_notify_changed (ctx, tables[i]);
    }
  return report;
}
