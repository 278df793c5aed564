/* pd-renovation-print.c — see pd-renovation-print.h. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pd-calendar.h"
#include "pd-error.h"
#include "pd-estate.h"
#include "pd-renovation-print.h"
#include "pd-settings.h"

void
pd_renovation_print_free (PdRenovationPrint *print)
{
  if (print == NULL)
    return;
  g_free (print->estate_name);
  g_free (print->printed_at);
  g_free (print->printed_by);
  g_clear_pointer (&print->renovation, pd_renovation_free);
  g_clear_pointer (&print->workers, g_ptr_array_unref);
  g_clear_pointer (&print->statement, g_ptr_array_unref);
  pd_deposit_summary_clear (&print->deposit);
  g_clear_pointer (&print->violation, pd_renovation_violation_free);
  g_clear_pointer (&print->rounds, g_ptr_array_unref);
  g_free (print->hours_weekday);
  g_free (print->hours_weekend);
  g_free (print->hours_relaxed);
  g_free (print->patrol_day);
  g_free (print);
}

static PdRenovationPrint *
print_new (PdContext *ctx)
{
  PdRenovationPrint *print = g_new0 (PdRenovationPrint, 1);
  g_autofree char *now = pd_context_now_text (ctx);

  print->estate_name = pd_estate_get_name (ctx, pd_estate_current_id (ctx, NULL));
  print->printed_at = g_strndup (now, 16);
  print->printed_by = g_strdup (pd_context_get_user (ctx));
  print->deposit.topup_due = g_strdup ("");
  print->hours_weekday = pd_settings_get_text (ctx, "renovation.hours_weekday", "");
  print->hours_weekend = pd_settings_get_text (ctx, "renovation.hours_weekend", "");
  print->hours_relaxed = g_strdup ("");
  print->patrol_day = pd_context_today (ctx);
  return print;
}

/* Relaxed hours apply while the permit starts within the days after the
 * estate's first handover (000 L2089: 首期入伙60天内). */
static void
set_relaxed_hours (PdContext         *ctx,
                   PdRenovationPrint *print)
{
  g_autofree char *first = pd_settings_get_text (ctx, "renovation.first_handover_on", "");
  gint64 days = pd_settings_get_int (ctx, "renovation.relaxed_hours_days", 60);
  g_autofree char *until = NULL;

  if (!pd_date_is_valid (first))
    return;
  until = pd_date_add_days (first, (int) days);
  if (strcmp (print->renovation->valid_from, until) <= 0)
    {
      g_free (print->hours_relaxed);
      print->hours_relaxed = pd_settings_get_text (ctx, "renovation.hours_first_60_days", "");
    }
}

static PdRenovationPrint *
with_permit (PdContext *ctx,
             gint64     renovation_id,
             GError   **error)
{
  g_autoptr (PdRenovationPrint) print = print_new (ctx);

  print->renovation = pd_renovation_get (ctx, renovation_id, error);
  if (print->renovation == NULL)
    return NULL;
  if (print->renovation->serial[0] == '\0')
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_STATE, "serial",
                          _("Permit: the renovation of unit %s has no permit yet."), print->renovation->unit_code);
      return NULL;
    }
  set_relaxed_hours (ctx, print);
  return g_steal_pointer (&print);
}

PdRenovationPrint *
pd_renovation_print_permit (PdContext  *ctx,
                            gint64      renovation_id,
                            GError    **error)
{
  return with_permit (ctx, renovation_id, error);
}

PdRenovationPrint *
pd_renovation_print_passes (PdContext  *ctx,
                            gint64      renovation_id,
                            GError    **error)
{
  g_autoptr (PdRenovationPrint) print = with_permit (ctx, renovation_id, error);
  g_autoptr (GPtrArray) workers = NULL;

  if (print == NULL)
    return NULL;
  workers = pd_renovation_worker_list (ctx, renovation_id, error);
  if (workers == NULL)
    return NULL;
  print->workers = g_ptr_array_new_with_free_func ((GDestroyNotify) pd_renovation_worker_free);
  /* A revoked pass is never printed again. */
  for (guint i = 0; i < workers->len; i++)
    if (((PdRenovationWorker *) workers->pdata[i])->revoked_on[0] == '\0')
      g_ptr_array_add (print->workers, g_steal_pointer (&workers->pdata[i]));
  if (print->workers->len == 0)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_REQUIRED, "workers",
                          _("Workers: the renovation of unit %s has no worker with a valid pass."),
                          print->renovation->unit_code);
      return NULL;
    }
  return g_steal_pointer (&print);
}

PdRenovationPrint *
pd_renovation_print_refund (PdContext  *ctx,
                            gint64      renovation_id,
                            GError    **error)
{
  static const char *const refundable[] = { "accepted", "refunded", "closed", "withdrawn", NULL };
  g_autoptr (PdRenovationPrint) print = print_new (ctx);

  print->renovation = pd_renovation_get (ctx, renovation_id, error);
  if (print->renovation == NULL)
    return NULL;
  if (!g_strv_contains (refundable, print->renovation->state) || print->renovation->fees_paid_on[0] == '\0')
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_STATE, "state",
                          _("Refund slip: the renovation of unit %s is “%s”; the deposit is refunded after acceptance."),
                          print->renovation->unit_code, pd_renovation_state_label (print->renovation->state));
      return NULL;
    }
  print->statement = pd_deposit_statement (ctx, renovation_id, error);
  if (print->statement == NULL)
    return NULL;
  pd_deposit_summary_clear (&print->deposit);
  if (!pd_deposit_summarize (ctx, renovation_id, &print->deposit, error))
    return NULL;
  return g_steal_pointer (&print);
}

PdRenovationPrint *
pd_renovation_print_violation (PdContext  *ctx,
                               gint64      violation_id,
                               GError    **error)
{
  g_autoptr (PdRenovationPrint) print = print_new (ctx);

  print->violation = pd_renovation_violation_get (ctx, violation_id, error);
  if (print->violation == NULL)
    return NULL;
  print->renovation = pd_renovation_get (ctx, print->violation->renovation_id, error);
  if (print->renovation == NULL)
    return NULL;
  pd_deposit_summary_clear (&print->deposit);
  if (!pd_deposit_summarize (ctx, print->renovation->id, &print->deposit, error))
    return NULL;
  return g_steal_pointer (&print);
}

PdRenovationPrint *
pd_renovation_print_patrol_sheet (PdContext  *ctx,
                                  GError    **error)
{
  g_autoptr (PdRenovationPrint) print = print_new (ctx);

  print->rounds = pd_renovation_patrols_today (ctx, FALSE, error);
  if (print->rounds == NULL)
    return NULL;
  return g_steal_pointer (&print);
}
