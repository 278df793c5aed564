/* pd-today.c — see pd-today.h. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pd-calendar.h"
#include "pd-deposit-ledger.h"
#include "pd-estate.h"
#include "pd-handover-defect.h"
#include "pd-key-register.h"
#include "pd-patrol-anomaly.h"
#include "pd-patrol-vacancy.h"
#include "pd-renovation-patrol.h"
#include "pd-renovation-workflow.h"
#include "pd-settings.h"
#include "pd-survey-followup.h"
#include "pd-today.h"
#include "pd-unit-role.h"

void
pd_today_item_free (PdTodayItem *item)
{
  if (item == NULL)
    return;
  g_free (item->unit_code);
  g_free (item->description);
  g_free (item->due);
  g_free (item);
}

void
pd_today_group_free (PdTodayGroup *group)
{
  if (group == NULL)
    return;
  g_clear_pointer (&group->items, g_ptr_array_unref);
  g_free (group);
}

static const char *const kind_labels[PD_TODAY_N_KINDS] = {
  [PD_TODAY_RENOVATION_REVIEW] = N_("Renovation reviews to answer"),
  [PD_TODAY_RENOVATION_PATROL] = N_("Renovating units not patrolled today"),
  [PD_TODAY_RENOVATION_STOPPED] = N_("Renovations in stop-work or owing a deposit top-up"),
  [PD_TODAY_VACANT_PATROL] = N_("Vacant units to patrol this period"),
  [PD_TODAY_ANOMALY] = N_("Open vacant-unit anomalies"),
  [PD_TODAY_HANDOVER_DEFECT] = N_("Handover defects at their deadline"),
  [PD_TODAY_HANDOVER_NOTICE] = N_("Contractor notices to send"),
  [PD_TODAY_SURVEY_FOLLOWUP] = N_("Survey opinions to follow up"),
  [PD_TODAY_LEASE] = N_("Tenant leases ending"),
  [PD_TODAY_KEY_LOAN] = N_("Keys to get back"),
};

const char *
pd_today_kind_label (PdTodayKind kind)
{
  g_return_val_if_fail (kind < PD_TODAY_N_KINDS, "");
  return _(kind_labels[kind]);
}

const char *
pd_today_severity_label (PdTodaySeverity severity)
{
  switch (severity)
    {
    case PD_TODAY_OVERDUE:
      return C_("deadline", "Overdue");
    case PD_TODAY_DUE_TODAY:
      return C_("deadline", "Due today");
    case PD_TODAY_DUE_SOON:
      return C_("deadline", "Due soon");
    case PD_TODAY_OPEN:
    default:
      return C_("deadline", "Open");
    }
}

/* What one collection pass needs over and over. */
typedef struct
{
  PdContext *ctx;
  char      *today;
  char      *next_working_day;
  GPtrArray *groups;
} Collector;

/* The severity of a plain due day, by the rule of pd-today.h. */
static PdTodaySeverity
severity_of_day (Collector  *c,
                 const char *due_day)
{
  int cmp = strncmp (due_day, c->today, 10);

  if (cmp < 0)
    return PD_TODAY_OVERDUE;
  if (cmp == 0)
    return PD_TODAY_DUE_TODAY;
  if (strncmp (due_day, c->next_working_day, 10) <= 0)
    return PD_TODAY_DUE_SOON;
  return PD_TODAY_OPEN;
}

/* When the feature's own rule says "overdue" or "soon", the day only tells
 * today from later. */
static PdTodaySeverity
severity_soon (Collector  *c,
               const char *due_day)
{
  return strncmp (due_day, c->today, 10) <= 0 ? PD_TODAY_DUE_TODAY : PD_TODAY_DUE_SOON;
}

static void
add_item (Collector       *c,
          PdTodayKind      kind,
          PdTodaySeverity  severity,
          const char      *unit_code,
          const char      *due,
          gint64           record_id,
          char            *description)
{
  PdTodayGroup *group = c->groups->pdata[kind];
  PdTodayItem *item = g_new0 (PdTodayItem, 1);

  item->kind = kind;
  item->severity = severity;
  item->unit_code = g_strdup (unit_code ? unit_code : "");
  item->due = g_strdup (due ? due : "");
  item->record_id = record_id;
  item->description = description;
  g_ptr_array_add (group->items, item);
  if (severity == PD_TODAY_OVERDUE)
    group->n_overdue++;
}

/* ---- renovations ---------------------------------------------------------- */

static gboolean
collect_renovations (Collector *c,
                     GError   **error)
{
  /* A reply due after this many working days is not soon by any reading of
   * renovation.due_soon_working_days: only those up to it are read. */
  gint64 soon = pd_settings_get_int (c->ctx, "renovation.due_soon_working_days", 1);
  g_autofree char *review_until = pd_calendar_add_working_days (c->ctx, c->today, (int) MAX (soon, 0) + 1);
  g_autoptr (GPtrArray) renovations = pd_renovation_list_pressing (c->ctx, review_until, error);
  g_autoptr (GPtrArray) unpatrolled = NULL;

  if (renovations == NULL)
    return FALSE;
  for (guint i = 0; i < renovations->len; i++)
    {
      PdRenovation *r = renovations->pdata[i];
      PdReviewDeadline review = pd_renovation_review_deadline (c->ctx, r);
      PdDepositSummary deposit = { 0 };
      gboolean stopped = g_str_equal (r->state, "stopped");

      if (review == PD_REVIEW_OVERDUE || review == PD_REVIEW_DUE_SOON)
        add_item (c, PD_TODAY_RENOVATION_REVIEW,
                  review == PD_REVIEW_OVERDUE ? PD_TODAY_OVERDUE : severity_soon (c, r->review_due),
                  r->unit_code, r->review_due, r->id,
                  /* Translators: %s is the review stage (a renovation state) */
                  g_strdup_printf (_("Reply to the application (%s)"), pd_renovation_state_label (r->state)));

      if (!pd_renovation_state_on_site (r->state))
        continue;
      if (!pd_deposit_summarize (c->ctx, r->id, &deposit, error))
        {
          pd_deposit_summary_clear (&deposit);
          return FALSE;
        }
      if (deposit.shortfall_fen > 0)
        {
          g_autofree char *amount = pd_fen_format (deposit.shortfall_fen);

          add_item (c, PD_TODAY_RENOVATION_STOPPED,
                    deposit.topup_overdue ? PD_TODAY_OVERDUE : severity_of_day (c, deposit.topup_due),
                    r->unit_code, deposit.topup_due, r->id,
                    stopped
                    /* Translators: %s is an amount of money in yuan */
                    ? g_strdup_printf (_("Stop-work; deposit short by %s yuan, to top up"), amount)
                    /* Translators: %s is an amount of money in yuan */
                    : g_strdup_printf (_("Deposit short by %s yuan, to top up"), amount));
        }
      else if (stopped)
        add_item (c, PD_TODAY_RENOVATION_STOPPED, PD_TODAY_OPEN, r->unit_code, r->stopped_on, r->id,
                  /* Translators: %s is why the works were stopped */
                  g_strdup_printf (_("Stop-work: %s"), r->stop_reason));
      pd_deposit_summary_clear (&deposit);
    }

  unpatrolled = pd_renovation_patrols_today (c->ctx, TRUE, error);
  if (unpatrolled == NULL)
    return FALSE;
  for (guint i = 0; i < unpatrolled->len; i++)
    {
      PdPatrolDue *due = unpatrolled->pdata[i];

      add_item (c, PD_TODAY_RENOVATION_PATROL, PD_TODAY_DUE_TODAY, due->unit_code, c->today,
                due->renovation_id,
                /* Translators: patrols of a renovating unit recorded today, of those expected */
                g_strdup_printf (_("Patrolled %d of %d times today"), due->done, due->expected));
    }
  return TRUE;
}

/* ---- vacant units ---------------------------------------------------------- */

static gboolean
collect_vacant (Collector *c,
                GError   **error)
{
  g_autoptr (GPtrArray) units = pd_patrol_list_vacant (c->ctx, 0, error);
  g_autoptr (GPtrArray) anomalies = NULL;
  g_autoptr (GPtrArray) loans = NULL;

  if (units == NULL)
    return FALSE;
  for (guint i = 0; i < units->len; i++)
    {
      PdVacantUnit *u = units->pdata[i];

      if (u->status == PD_PATROL_STATUS_DONE)
        continue;
      add_item (c, PD_TODAY_VACANT_PATROL,
                u->status == PD_PATROL_STATUS_OVERDUE ? PD_TODAY_OVERDUE : severity_of_day (c, u->next_due),
                u->unit_code, u->next_due, u->unit_id,
                *u->last_patrol == '\0'
                ? g_strdup (_("Patrol due; never patrolled"))
                /* Translators: %s is the date of the unit's last patrol */
                : g_strdup_printf (_("Patrol due; last patrolled %s"), u->last_patrol));
    }

  anomalies = pd_anomaly_list (c->ctx, TRUE, error);
  if (anomalies == NULL)
    return FALSE;
  for (guint i = 0; i < anomalies->len; i++)
    {
      PdAnomaly *a = anomalies->pdata[i];
      g_autofree char *what = pd_anomaly_describe (a);

      add_item (c, PD_TODAY_ANOMALY,
                a->overdue ? PD_TODAY_OVERDUE : severity_of_day (c, a->deadline),
                a->unit_code, a->deadline, a->id,
                /* Translators: an open anomaly: what was found, the department
                 * it was sent to, and how many days it has been open */
                g_strdup_printf (ngettext ("%s — %s, open %d day", "%s — %s, open %d days", a->age_days),
                                 what, pd_department_label (a->department), a->age_days));
    }

  loans = pd_key_list_loans (c->ctx, TRUE, error);
  if (loans == NULL)
    return FALSE;
  for (guint i = 0; i < loans->len; i++)
    {
      PdKeyLoan *l = loans->pdata[i];
      g_autofree char *due = g_strndup (l->due_at, 16);

      if (!l->overdue && strncmp (l->due_at, c->today, 10) != 0)
        continue;
      add_item (c, PD_TODAY_KEY_LOAN, l->overdue ? PD_TODAY_OVERDUE : PD_TODAY_DUE_TODAY, "", due, l->id,
                /* Translators: a key lent out: its code and label, who has it, what for */
                g_strdup_printf (_("Key %s (%s) with %s: %s"), l->key_code, l->key_label, l->borrower,
                                 l->purpose));
    }
  return TRUE;
}

/* ---- handovers ------------------------------------------------------------- */

static gboolean
collect_handovers (Collector *c,
                   GError   **error)
{
  g_autoptr (GPtrArray) defects = pd_handover_defect_list (c->ctx, 0, error);

  if (defects == NULL)
    return FALSE;
  for (guint i = 0; i < defects->len; i++)
    {
      PdHandoverDefect *d = defects->pdata[i];
      PdDueState deadline = pd_handover_defect_deadline_state (c->ctx, d);
      PdDueState notice = pd_handover_defect_notice_state (c->ctx, d);

      if (deadline == PD_DUE_OVERDUE || deadline == PD_DUE_SOON)
        add_item (c, PD_TODAY_HANDOVER_DEFECT,
                  deadline == PD_DUE_OVERDUE ? PD_TODAY_OVERDUE : severity_soon (c, d->deadline),
                  d->unit_code, d->deadline, d->handover_id,
                  /* Translators: a handover defect: the room, then what is wrong */
                  g_strdup_printf (_("%s: %s"), d->room, d->description));
      if (notice == PD_DUE_OVERDUE || notice == PD_DUE_SOON)
        {
          g_autofree char *due = g_strndup (d->notice_due_at, 16);

          add_item (c, PD_TODAY_HANDOVER_NOTICE,
                    notice == PD_DUE_OVERDUE ? PD_TODAY_OVERDUE : severity_soon (c, d->notice_due_at),
                    d->unit_code, due, d->handover_id,
                    /* Translators: the written notice of a defect: to whom, then the defect */
                    g_strdup_printf (_("Notice to %s: %s"), d->responsible, d->description));
        }
    }
  return TRUE;
}

/* ---- surveys ----------------------------------------------------------------- */

static gboolean
collect_followups (Collector *c,
                   GError   **error)
{
  g_autoptr (GPtrArray) followups = pd_survey_followup_list (c->ctx, 0, NULL, NULL, error);

  if (followups == NULL)
    return FALSE;
  for (guint i = 0; i < followups->len; i++)
    {
      PdSurveyFollowup *f = followups->pdata[i];
      PdFollowupStage stage = pd_survey_followup_stage (f);
      g_autofree char *due = pd_survey_followup_due (c->ctx, f, stage);
      PdTodaySeverity severity;

      /* The rectification has no limit (due NULL); a closed one is done. */
      if (due == NULL)
        continue;
      severity = pd_survey_followup_is_late_by (f, stage, due, c->today) ? PD_TODAY_OVERDUE
                                                                          : severity_of_day (c, due);
      if (severity == PD_TODAY_OPEN)
        continue;
      add_item (c, PD_TODAY_SURVEY_FOLLOWUP, severity, f->unit_code, due, f->id,
                /* Translators: the follow-up stage an opinion waits for, then the opinion */
                g_strdup_printf (_("%s pending; opinion: %s"), pd_followup_stage_label (stage), f->opinion));
    }
  return TRUE;
}

/* ---- leases ------------------------------------------------------------------ */

static gboolean
collect_leases (Collector *c,
                GError   **error)
{
  int days = (int) pd_settings_get_int (c->ctx, "lease.ending_warning_days", 30);
  g_autofree char *until = pd_date_add_days (c->today, days);
  g_autoptr (GPtrArray) leases = pd_unit_role_list_leases_ending (c->ctx, until, error);

  if (leases == NULL)
    return FALSE;
  for (guint i = 0; i < leases->len; i++)
    {
      PdUnitRole *r = leases->pdata[i];
      PdTodaySeverity severity = severity_of_day (c, r->lease_end);

      /* Within the warning window everything is "soon". */
      if (severity == PD_TODAY_OPEN)
        severity = PD_TODAY_DUE_SOON;
      add_item (c, PD_TODAY_LEASE, severity, r->unit_code, r->lease_end, r->unit_id,
                /* Translators: %s is the tenant's name */
                g_strdup_printf (_("Lease of tenant %s ends"), r->person_name));
    }
  return TRUE;
}

/* ------------------------------------------------------------------------------ */

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const PdTodayItem *x = *(PdTodayItem *const *) a;
  const PdTodayItem *y = *(PdTodayItem *const *) b;
  int cmp;

  if (x->severity != y->severity)
    return x->severity < y->severity ? -1 : 1;
  cmp = strcmp (x->due, y->due);
  return cmp != 0 ? cmp : strcmp (x->unit_code, y->unit_code);
}

GPtrArray *
pd_today_collect (PdContext *ctx,
                  GError   **error)
{
  Collector c = { ctx, NULL, NULL, NULL };
  g_autoptr (GPtrArray) groups = g_ptr_array_new_with_free_func ((GDestroyNotify) pd_today_group_free);
  g_autofree char *today = pd_context_today (ctx);
  g_autofree char *next = pd_calendar_add_working_days (ctx, today, 1);

  g_return_val_if_fail (PD_IS_CONTEXT (ctx), NULL);
  for (int kind = 0; kind < PD_TODAY_N_KINDS; kind++)
    {
      PdTodayGroup *group = g_new0 (PdTodayGroup, 1);
      group->kind = kind;
      group->items = g_ptr_array_new_with_free_func ((GDestroyNotify) pd_today_item_free);
      g_ptr_array_add (groups, group);
    }
  c.today = today;
  c.next_working_day = next;
  c.groups = groups;
  if (!collect_renovations (&c, error) || !collect_vacant (&c, error) || !collect_handovers (&c, error) ||
      !collect_followups (&c, error) || !collect_leases (&c, error))
    return NULL;
  for (guint i = 0; i < groups->len; i++)
    {
      PdTodayGroup *group = groups->pdata[i];
      /* Anomalies read oldest first ("by age"), as their list gives them. */
      if (group->kind != PD_TODAY_ANOMALY)
        g_ptr_array_sort (group->items, compare_items);
    }
  return g_steal_pointer (&groups);
}
