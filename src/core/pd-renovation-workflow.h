/* pd-renovation-workflow.h — the life cycle of a renovation (DOMAIN §3):
 *
 *   draft → submitted → review: engineering 审图 → supervisor → manager
 *         → needs revision (back to the applicant, loops) | approved | rejected
 *   approved: fees and deposit paid, agreement signed → permit issued
 *   → works in progress ⇄ stop-work → completion requested
 *   → acceptance (消防验收 too for offices) → rectification loop → accepted
 *   → deposit refunded → closed.     Withdrawn at any point before works start.
 *
 * Each function is one user action and one transaction; an action the
 * current state does not allow is refused with PD_VALIDATION_ERROR_STATE
 * naming the state, a missing role with PD_VALIDATION_ERROR_DENIED. */
#pragma once

#include "pd-renovation.h"

G_BEGIN_DECLS

typedef enum
{
  PD_RENOVATION_SUBMIT,
  PD_RENOVATION_START_REVIEW,
  PD_RENOVATION_PASS_REVIEW,       /* engineering → supervisor → manager → approved */
  PD_RENOVATION_RETURN_FOR_REVISION,
  PD_RENOVATION_REJECT,
  PD_RENOVATION_WITHDRAW,
  PD_RENOVATION_RECORD_FEES,
  PD_RENOVATION_SIGN_AGREEMENT,
  PD_RENOVATION_ISSUE_PERMIT,
  PD_RENOVATION_START_WORKS,
  PD_RENOVATION_STOP_WORK,
  PD_RENOVATION_RESUME,
  PD_RENOVATION_REQUEST_COMPLETION,
  PD_RENOVATION_INSPECT,
  PD_RENOVATION_REFUND,
  PD_RENOVATION_CLOSE,
  PD_RENOVATION_N_ACTIONS,
} PdRenovationAction;

/* Whether @action is possible from @state (roles and data not considered);
 * the GUI enables its buttons with this. */
gboolean    pd_renovation_action_allowed (const char        *state,
                                          PdRenovationAction action);
const char *pd_renovation_action_label   (PdRenovationAction action);
/* The role @action needs in @state (PASS_REVIEW depends on the stage). */
PdRole      pd_renovation_action_role    (const char        *state,
                                          PdRenovationAction action);

/* Checks completeness, then starts the review clock: the reply is due
 * renovation.review_working_days working days after today. */
gboolean pd_renovation_submit          (PdContext  *ctx,
                                        gint64      renovation_id,
                                        GError    **error);
/* The office hands the set to engineering for the drawing review. */
gboolean pd_renovation_start_review    (PdContext  *ctx,
                                        gint64      renovation_id,
                                        GError    **error);
/* Passes the current review stage with @opinion (engineering's 审图意见
 * is required; supervisor needs PD_ROLE_SUPERVISOR, the final approval
 * PD_ROLE_MANAGER). */
gboolean pd_renovation_pass_review     (PdContext  *ctx,
                                        gint64      renovation_id,
                                        const char *opinion,
                                        GError    **error);
/* Sends the application back to the applicant with what to change. */
gboolean pd_renovation_return_for_revision (PdContext  *ctx,
                                            gint64      renovation_id,
                                            const char *note,
                                            GError    **error);
/* Manager only; @reason required. */
gboolean pd_renovation_reject          (PdContext  *ctx,
                                        gint64      renovation_id,
                                        const char *reason,
                                        GError    **error);
/* Before works start only; a paid deposit is refunded in full. */
gboolean pd_renovation_withdraw        (PdContext  *ctx,
                                        gint64      renovation_id,
                                        const char *reason,
                                        GError    **error);
/* Deposit, debris fee and pass fees (per listed worker) from the settings;
 * the deposit payment goes into the ledger.  @receipt required. */
gboolean pd_renovation_record_fees     (PdContext  *ctx,
                                        gint64      renovation_id,
                                        const char *receipt,
                                        GError    **error);
gboolean pd_renovation_sign_agreement  (PdContext  *ctx,
                                        gint64      renovation_id,
                                        GError    **error);
/* Needs fees and agreement; assigns the next serial number of the estate
 * and year (PREFIX-YYYY-NNNN, gap-free).  NULL dates default to the
 * planned ones. */
gboolean pd_renovation_issue_permit    (PdContext  *ctx,
                                        gint64      renovation_id,
                                        const char *valid_from,
                                        const char *valid_to,
                                        GError    **error);
/* The unit becomes renovating. */
gboolean pd_renovation_start_works     (PdContext  *ctx,
                                        gint64      renovation_id,
                                        GError    **error);
gboolean pd_renovation_stop_work       (PdContext  *ctx,
                                        gint64      renovation_id,
                                        const char *reason,
                                        GError    **error);
/* Refused while a deposit top-up is overdue. */
gboolean pd_renovation_resume          (PdContext  *ctx,
                                        gint64      renovation_id,
                                        GError    **error);
gboolean pd_renovation_request_completion (PdContext  *ctx,
                                           gint64      renovation_id,
                                           GError    **error);
/* Acceptance inspection (竣工验收): accepted when @passed (and, for
 * offices, @fire_passed); otherwise rectification with @note required.
 * On acceptance the unit goes back to its state before the works. */
gboolean pd_renovation_inspect         (PdContext  *ctx,
                                        gint64      renovation_id,
                                        gboolean    passed,
                                        gboolean    fire_passed,
                                        const char *note,
                                        GError    **error);
/* Manager only: refunds the deposit balance (paid − deductions + top-ups). */
gboolean pd_renovation_refund          (PdContext  *ctx,
                                        gint64      renovation_id,
                                        GError    **error);
gboolean pd_renovation_close           (PdContext  *ctx,
                                        gint64      renovation_id,
                                        GError    **error);

typedef enum
{
  PD_REVIEW_NOT_RUNNING,  /* not waiting for a reply */
  PD_REVIEW_ON_TIME,
  PD_REVIEW_DUE_SOON,     /* due within renovation.due_soon_working_days */
  PD_REVIEW_OVERDUE,      /* past the due day */
} PdReviewDeadline;

/* Where the review reply stands against its deadline today. */
PdReviewDeadline pd_renovation_review_deadline (PdContext          *ctx,
                                                const PdRenovation *renovation);

typedef struct
{
  char *at;
  char *user_name;
  char *action;
  char *from_state;
  char *to_state;
  char *note;
} PdRenovationEvent;

void       pd_renovation_event_free (PdRenovationEvent *event);
/* The history of one renovation, oldest first.  Element type PdRenovationEvent. */
GPtrArray *pd_renovation_history    (PdContext  *ctx,
                                     gint64      renovation_id,
                                     GError    **error);

G_END_DECLS
