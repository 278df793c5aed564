/* pd-renovation-detail.c — see pd-renovation-detail.h. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-application.h"
#include "pd-deposit-ledger.h"
#include "pd-error.h"
#include "pd-renovation-detail.h"
#include "pd-record-item.h"
#include "pd-text-column.h"
#include "pd-renovation-workflow.h"
#include "pd-settings.h"

struct _PdRenovationDetail
{
  GtkBox          parent_instance;
  PdContext      *ctx;
  gint64          id;

  GtkLabel       *state_label;
  GtkLabel       *due_label;
  GtkLabel       *facts_label;
  GtkEntry       *note_entry;
  GtkLabel       *error_label;
  GtkCheckButton *fire_check;
  GtkFlowBox     *actions_box;
  GtkColumnView  *history_view;
  GtkLabel       *deposit_label;
  GtkColumnView  *statement_view;
  GtkEntry       *topup_entry;
  GtkButton      *topup_button;
  GtkLabel       *topup_error;
};

G_DEFINE_FINAL_TYPE (PdRenovationDetail, pd_renovation_detail, GTK_TYPE_BOX)

enum { SIGNAL_CHANGED, SIGNAL_APPLICATION_ERROR, N_SIGNALS };
static guint signals[N_SIGNALS];

/* The buttons: every action, the inspection twice (passed / failed). */
static const struct
{
  PdRenovationAction action;
  gboolean           passed;
  const char        *label;   /* NULL: the action's own label */
} buttons[] = {
  { PD_RENOVATION_SUBMIT, TRUE, NULL },
  { PD_RENOVATION_START_REVIEW, TRUE, NULL },
  { PD_RENOVATION_PASS_REVIEW, TRUE, NULL },
  { PD_RENOVATION_RETURN_FOR_REVISION, TRUE, NULL },
  { PD_RENOVATION_REJECT, TRUE, NULL },
  { PD_RENOVATION_RECORD_FEES, TRUE, NULL },
  { PD_RENOVATION_SIGN_AGREEMENT, TRUE, NULL },
  { PD_RENOVATION_ISSUE_PERMIT, TRUE, NULL },
  { PD_RENOVATION_START_WORKS, TRUE, NULL },
  { PD_RENOVATION_STOP_WORK, TRUE, NULL },
  { PD_RENOVATION_RESUME, TRUE, NULL },
  { PD_RENOVATION_REQUEST_COMPLETION, TRUE, NULL },
  { PD_RENOVATION_INSPECT, TRUE, N_("Inspection passed") },
  { PD_RENOVATION_INSPECT, FALSE, N_("Inspection failed: rectify") },
  { PD_RENOVATION_REFUND, TRUE, NULL },
  { PD_RENOVATION_CLOSE, TRUE, NULL },
  { PD_RENOVATION_WITHDRAW, TRUE, NULL },
};

static gboolean
run_action (PdRenovationDetail *self,
            guint               index,
            GError            **error)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->note_entry));
  gint64 id = self->id;
  PdContext *ctx = self->ctx;

  switch (buttons[index].action)
    {
    case PD_RENOVATION_SUBMIT: return pd_renovation_submit (ctx, id, error);
    case PD_RENOVATION_START_REVIEW: return pd_renovation_start_review (ctx, id, error);
    case PD_RENOVATION_PASS_REVIEW: return pd_renovation_pass_review (ctx, id, text, error);
    case PD_RENOVATION_RETURN_FOR_REVISION: return pd_renovation_return_for_revision (ctx, id, text, error);
    case PD_RENOVATION_REJECT: return pd_renovation_reject (ctx, id, text, error);
    case PD_RENOVATION_WITHDRAW: return pd_renovation_withdraw (ctx, id, text, error);
    case PD_RENOVATION_RECORD_FEES: return pd_renovation_record_fees (ctx, id, text, error);
    case PD_RENOVATION_SIGN_AGREEMENT: return pd_renovation_sign_agreement (ctx, id, error);
    case PD_RENOVATION_ISSUE_PERMIT: return pd_renovation_issue_permit (ctx, id, NULL, NULL, error);
    case PD_RENOVATION_START_WORKS: return pd_renovation_start_works (ctx, id, error);
    case PD_RENOVATION_STOP_WORK: return pd_renovation_stop_work (ctx, id, text, error);
    case PD_RENOVATION_RESUME: return pd_renovation_resume (ctx, id, error);
    case PD_RENOVATION_REQUEST_COMPLETION: return pd_renovation_request_completion (ctx, id, error);
    case PD_RENOVATION_INSPECT:
      return pd_renovation_inspect (ctx, id, buttons[index].passed,
                                    buttons[index].passed && gtk_check_button_get_active (self->fire_check),
                                    text, error);
    case PD_RENOVATION_REFUND: return pd_renovation_refund (ctx, id, error);
    case PD_RENOVATION_CLOSE: return pd_renovation_close (ctx, id, error);
    case PD_RENOVATION_N_ACTIONS:
    default: g_assert_not_reached ();
    }
  return FALSE;
}

static void
on_action_clicked (GtkButton          *button,
                   PdRenovationDetail *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index"));
  g_autoptr (GError) error = NULL;
  gint64 id = self->id;

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  if (!run_action (self, index, &error))
    {
      const char *field = pd_error_get_field (error);
      static const char *const here[] = {
        "opinion", "revision_note", "rejection_reason", "withdraw_reason", "fees_receipt",
        "stop_reason", "inspection_note", "state", "role", "deposit", "agreement", "valid_to", NULL,
      };

      if (field != NULL && !g_strv_contains (here, field) && error->domain == PD_VALIDATION_ERROR)
        {
          g_signal_emit (self, signals[SIGNAL_APPLICATION_ERROR], 0, error);
          return;
        }
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->note_entry));
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->note_entry), "");
  pd_renovation_detail_load (self, id);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0, id);
}

/* ---- what is shown ----------------------------------------------------- */

static void
add_fact (GString    *facts,
          const char *label,
          const char *value)
{
  if (value != NULL && value[0] != '\0')
    {
      if (facts->len > 0)
        g_string_append_c (facts, '\n');
      /* Translators: one line of facts, "label: value" */
      g_string_append_printf (facts, _("%s: %s"), label, value);
    }
}

static char *
fees_text (const PdRenovation *r)
{
  g_autofree char *deposit = pd_fen_format (r->deposit_fen);
  g_autofree char *debris = pd_fen_format (r->debris_fee_fen);
  g_autofree char *passes = pd_fen_format (r->pass_fee_fen);

  if (r->fees_paid_on[0] == '\0')
    return NULL;
  /* Translators: deposit, debris fee, pass fees (yuan), date, receipt no. */
  return g_strdup_printf (_("deposit %s, debris removal %s, passes %s (paid %s, receipt %s)"), deposit, debris,
                          passes, r->fees_paid_on, r->fees_receipt);
}

static void
show_facts (PdRenovationDetail *self,
            const PdRenovation *r)
{
  g_autoptr (GString) facts = g_string_new (NULL);
  g_autofree char *scope = pd_renovation_scope_text (r->scope);
  g_autofree char *fees = fees_text (r);
  g_autofree char *period = NULL;
  g_autofree char *validity = NULL;

  add_fact (facts, _("Unit"), r->unit_code);
  add_fact (facts, _("Applicant"), r->applicant_name);
  add_fact (facts, _("Contractor"), r->self_renovation ? _("Self-renovation") : r->contractor_name);
  add_fact (facts, _("Scope"), scope);
  if (r->planned_start[0] != '\0')
    period = g_strdup_printf ("%s — %s", r->planned_start, r->planned_end);
  add_fact (facts, _("Planned"), period);
  add_fact (facts, _("Submitted"), r->submitted_on);
  add_fact (facts, _("Drawing review opinion"), r->engineering_opinion);
  add_fact (facts, _("Supervisor’s opinion"), r->supervisor_opinion);
  add_fact (facts, _("Manager’s opinion"), r->manager_opinion);
  add_fact (facts, _("To revise"), g_str_equal (r->state, "needs_revision") ? r->revision_note : NULL);
  add_fact (facts, _("Reason for rejection"), r->rejection_reason);
  add_fact (facts, _("Fees"), fees);
  add_fact (facts, _("Agreement signed"), r->agreement_signed_on);
  if (r->serial[0] != '\0')
    validity = g_strdup_printf ("%s（%s — %s）", r->serial, r->valid_from, r->valid_to);
  add_fact (facts, _("Permit"), validity);
  add_fact (facts, _("Works started"), r->started_on);
  add_fact (facts, _("Reason for stop-work"), g_str_equal (r->state, "stopped") ? r->stop_reason : NULL);
  add_fact (facts, _("Completion requested"), r->completion_requested_on);
  add_fact (facts, _("Inspection note"), r->inspection_note);
  add_fact (facts, _("Fire-safety acceptance"), r->fire_accepted_on);
  add_fact (facts, _("Accepted"), r->accepted_on);
  add_fact (facts, _("Deposit refunded"), r->refunded_on);
  add_fact (facts, _("Reason for withdrawal"), r->withdraw_reason);
  gtk_label_set_text (self->facts_label, facts->str);
}

static void
set_style (GtkWidget  *widget,
           const char *css)
{
  gtk_widget_remove_css_class (widget, "overdue");
  gtk_widget_remove_css_class (widget, "due-soon");
  if (css != NULL)
    gtk_widget_add_css_class (widget, css);
}

static void
show_deadline (PdRenovationDetail *self,
               const PdRenovation *r)
{
  PdReviewDeadline deadline = pd_renovation_review_deadline (self->ctx, r);
  g_autofree char *text = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->due_label), deadline != PD_REVIEW_NOT_RUNNING);
  if (deadline == PD_REVIEW_NOT_RUNNING)
    return;
  text = deadline == PD_REVIEW_OVERDUE
           /* Translators: %s is the date the review reply was due */
           ? g_strdup_printf (_("Review reply overdue: it was due on %s."), r->review_due)
           : g_strdup_printf (_("Review reply due on %s."), r->review_due);
  gtk_label_set_text (self->due_label, text);
  set_style (GTK_WIDGET (self->due_label), deadline == PD_REVIEW_OVERDUE ? "overdue"
                                           : deadline == PD_REVIEW_DUE_SOON ? "due-soon" : NULL);
}

static char *
event_at (gconstpointer record,
         gpointer      data)
{
  return g_strndup (((const PdRenovationEvent *) record)->at, 16);
}

static char *
event_step (gconstpointer record,
           gpointer      data)
{
  const PdRenovationEvent *event = record;
  return g_strdup_printf ("%s → %s", event->from_state[0] ? pd_renovation_state_label (event->from_state) : "",
                          pd_renovation_state_label (event->to_state));
}

static char *
event_user (gconstpointer record,
           gpointer      data)
{
  return g_strdup (((const PdRenovationEvent *) record)->user_name);
}

static char *
event_note (gconstpointer record,
           gpointer      data)
{
  return g_strdup (((const PdRenovationEvent *) record)->note);
}

static char *
entry_date (gconstpointer record,
           gpointer      data)
{
  return g_strdup (((const PdDepositEntry *) record)->on_date);
}

static char *
entry_kind (gconstpointer record,
           gpointer      data)
{
  const PdDepositEntry *entry = record;
  if (entry->violation_code[0] != '\0')
    /* Translators: "扣款（违章 D）" */
    return g_strdup_printf (_("%s (violation %s)"), pd_deposit_kind_label (entry->kind), entry->violation_code);
  return g_strdup (pd_deposit_kind_label (entry->kind));
}

static char *
entry_amount (gconstpointer record,
             gpointer      data)
{
  const PdDepositEntry *entry = record;
  gboolean in = g_str_equal (entry->kind, "payment") || g_str_equal (entry->kind, "topup");
  return pd_fen_format (in ? entry->amount_fen : -entry->amount_fen);
}

static char *
entry_balance (gconstpointer record,
              gpointer      data)
{
  return pd_fen_format (((const PdDepositEntry *) record)->balance_fen);
}

static char *
entry_note (gconstpointer record,
           gpointer      data)
{
  return g_strdup (((const PdDepositEntry *) record)->note);
}

static void
set_list (GtkColumnView  *view,
          GPtrArray      *records,
          GDestroyNotify  free_func)
{
  g_autoptr (GListStore) store = pd_record_store_new (records, free_func);
  g_autoptr (GtkNoSelection) selection = gtk_no_selection_new (G_LIST_MODEL (g_steal_pointer (&store)));

  gtk_column_view_set_model (view, GTK_SELECTION_MODEL (selection));
}

static void
show_deposit (PdRenovationDetail *self)
{
  PdDepositSummary s = { 0 };
  g_autoptr (GPtrArray) statement = pd_deposit_statement (self->ctx, self->id, NULL);
  g_autofree char *required = NULL, *paid = NULL, *deducted = NULL, *topped = NULL, *refunded = NULL,
                  *balance = NULL, *shortfall = NULL;
  g_autoptr (GString) text = g_string_new (NULL);

  set_list (self->statement_view, statement, (GDestroyNotify) pd_deposit_entry_free);
  if (!pd_deposit_summarize (self->ctx, self->id, &s, NULL))
    return;
  required = pd_fen_format (s.required_fen);
  paid = pd_fen_format (s.paid_fen);
  deducted = pd_fen_format (s.deducted_fen);
  topped = pd_fen_format (s.topped_up_fen);
  refunded = pd_fen_format (s.refunded_fen);
  balance = pd_fen_format (s.balance_fen);
  /* Translators: the deposit ledger's totals, in yuan */
  g_string_printf (text, _("Required %s · paid %s · deducted %s · topped up %s · refunded %s · balance %s"),
                   required, paid, deducted, topped, refunded, balance);
  if (s.shortfall_fen > 0)
    {
      shortfall = pd_fen_format (s.shortfall_fen);
      g_string_append_c (text, '\n');
      g_string_append_printf (text, s.topup_overdue ? _("Top-up of %s overdue since %s: works stop until it is paid.")
                                                    : _("Top-up of %s due by %s."),
                              shortfall, s.topup_due);
    }
  gtk_label_set_text (self->deposit_label, text->str);
  set_style (GTK_WIDGET (self->deposit_label), s.topup_overdue ? "overdue" : s.shortfall_fen > 0 ? "due-soon" : NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->topup_button), s.shortfall_fen > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->topup_entry), s.shortfall_fen > 0);
  pd_deposit_summary_clear (&s);
}

void
pd_renovation_detail_load (PdRenovationDetail *self,
                           gint64              renovation_id)
{
  g_autoptr (PdRenovation) r = renovation_id ? pd_renovation_get (self->ctx, renovation_id, NULL) : NULL;
  g_autoptr (GPtrArray) history = NULL;
  guint i = 0;

  self->id = r ? r->id : 0;
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->topup_error), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self), r != NULL);
  if (r == NULL)
    {
      gtk_label_set_text (self->state_label, _("Choose an application in the list."));
      gtk_label_set_text (self->facts_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->due_label), FALSE);
      return;
    }
  {
    /* Translators: unit code and state */
    g_autofree char *title = g_strdup_printf (_("%s — %s"), r->unit_code, pd_renovation_state_label (r->state));
    gtk_label_set_text (self->state_label, title);
  }
  show_deadline (self, r);
  show_facts (self, r);
  gtk_widget_set_visible (GTK_WIDGET (self->fire_check),
                          pd_renovation_needs_fire_acceptance (r) && g_str_equal (r->state, "completion_requested"));
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->actions_box)); child != NULL;
       child = gtk_widget_get_next_sibling (child), i++)
    gtk_widget_set_visible (child, pd_renovation_action_allowed (r->state, buttons[i].action));
  history = pd_renovation_history (self->ctx, r->id, NULL);
  set_list (self->history_view, history, (GDestroyNotify) pd_renovation_event_free);
  show_deposit (self);
}

static void
on_top_up (PdRenovationDetail *self)
{
  g_autoptr (GError) error = NULL;
  gint64 fen = 0;
  gint64 id = self->id;

  if (!pd_fen_parse (gtk_editable_get_text (GTK_EDITABLE (self->topup_entry)), "topup_amount", _("Top-up"), &fen,
                     &error) ||
      !pd_deposit_top_up (self->ctx, id, fen, NULL, &error))
    {
      gtk_label_set_text (self->topup_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->topup_error), TRUE);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->topup_entry), "");
  pd_renovation_detail_load (self, id);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0, id);
}

static void
pd_renovation_detail_dispose (GObject *object)
{
  PdRenovationDetail *self = PD_RENOVATION_DETAIL (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PD_TYPE_RENOVATION_DETAIL);
  g_clear_object (&self->ctx);
  G_OBJECT_CLASS (pd_renovation_detail_parent_class)->dispose (object);
}

static void
pd_renovation_detail_class_init (PdRenovationDetailClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = pd_renovation_detail_dispose;
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                          NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[SIGNAL_APPLICATION_ERROR] = g_signal_new ("application-error", G_TYPE_FROM_CLASS (klass),
                                                    G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                                    G_TYPE_ERROR);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/propdesk/PropDesk/ui/pd-renovation-detail.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, PdRenovationDetail, name)
  CHILD (state_label); CHILD (due_label); CHILD (facts_label); CHILD (note_entry); CHILD (error_label);
  CHILD (fire_check); CHILD (actions_box); CHILD (history_view); CHILD (deposit_label);
  CHILD (statement_view); CHILD (topup_entry); CHILD (topup_button); CHILD (topup_error);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, on_top_up);
}

static void
pd_renovation_detail_init (PdRenovationDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    {
      const char *label = buttons[i].label ? _(buttons[i].label) : pd_renovation_action_label (buttons[i].action);
      GtkWidget *button = gtk_button_new_with_label (label);

      g_object_set_data (G_OBJECT (button), "index", GUINT_TO_POINTER (i));
      g_signal_connect (button, "clicked", G_CALLBACK (on_action_clicked), self);
      gtk_flow_box_append (self->actions_box, button);
    }
  pd_column_view_take (self->history_view, pd_text_column_new (_("Time"), event_at, NULL, NULL, 0, 128));
  pd_column_view_take (self->history_view, pd_text_column_new (_("Step"), event_step, NULL, NULL, 0, 0));
  pd_column_view_take (self->history_view, pd_text_column_new (_("By"), event_user, NULL, NULL, 0, 90));
  pd_column_view_take (self->history_view, pd_text_column_new (_("Note"), event_note, NULL, NULL, 0, 0));
  pd_column_view_take (self->statement_view, pd_text_column_new (_("Date"), entry_date, NULL, NULL, 0, 96));
  pd_column_view_take (self->statement_view, pd_text_column_new (_("Entry"), entry_kind, NULL, NULL, 0, 0));
  pd_column_view_take (self->statement_view, pd_text_column_new (_("Amount"), entry_amount, NULL, NULL, 0, 90));
  pd_column_view_take (self->statement_view, pd_text_column_new (_("Balance"), entry_balance, NULL, NULL, 0, 90));
  pd_column_view_take (self->statement_view, pd_text_column_new (_("Note"), entry_note, NULL, NULL, 0, 0));
}

GtkWidget *
pd_renovation_detail_new (PdContext *ctx)
{
  PdRenovationDetail *self = g_object_new (PD_TYPE_RENOVATION_DETAIL, NULL);

  self->ctx = g_object_ref (ctx);
  pd_renovation_detail_load (self, 0);
  return GTK_WIDGET (self);
}
