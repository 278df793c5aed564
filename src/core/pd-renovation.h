/* pd-renovation.h — renovation applications (装修申报, DOMAIN §3): the
 * record, its workers and its completeness check.  The workflow that moves
 * it between states is in pd-renovation-workflow.h, money in
 * pd-deposit-ledger.h, patrols in pd-renovation-patrol.h. */
#pragma once

#include "pd-context.h"

G_BEGIN_DECLS

typedef struct
{
  gint64  id;
  gint64  estate_id;
  gint64  unit_id;
  char   *state;
  gint64  applicant_id;
  char   *applicant_role;          /* owner | tenant | proxy */
  gint64  authorised_by;           /* tenant/proxy: the authorising owner, 0 = none */
  gboolean authorisation_letter;   /* the owner's authorisation letter is on file */
  gboolean self_renovation;
  gboolean undertaking_signed;     /* 自装承诺书 */
  char   *contractor_name;
  char   *contractor_licence;
  char   *contractor_qualification;
  char   *contractor_person;
  char   *contractor_phone;
  char   *planned_start;
  char   *planned_end;
  char   *scope;                   /* comma list of pd_renovation_scope_items keys */
  char   *scope_note;
  gboolean hot_work_application;   /* 临时动火作业申请表 received */
  gboolean extinguisher;
  char   *drawings;                /* comma list of pd_renovation_drawing_items keys */
  char   *created_on;
  char   *submitted_on;
  char   *review_due;
  char   *decided_on;
  char   *engineering_opinion;
  char   *supervisor_opinion;
  char   *manager_opinion;
  char   *revision_note;
  char   *rejection_reason;
  gint64  deposit_fen;
  gint64  debris_fee_fen;
  gint64  pass_fee_fen;
  char   *fees_receipt;
  char   *fees_paid_on;
  char   *agreement_signed_on;
  char   *serial;                  /* "" until the permit is issued */
  char   *permit_issued_on;
  char   *valid_from;
  char   *valid_to;
  char   *started_on;
  char   *stopped_on;
  char   *stop_reason;
  char   *completion_requested_on;
  char   *inspection_note;
  char   *fire_accepted_on;
  char   *accepted_on;
  char   *refunded_on;
  char   *closed_on;
  char   *withdrawn_on;
  char   *withdraw_reason;
  char   *unit_state_before;
  /* filled by reads */
  char   *unit_code;
  char   *unit_use;
  char   *applicant_name;
  char   *applicant_mobile;
  char   *owner_name;              /* current owners of the unit, "、"-joined */
} PdRenovation;

/* Replaces *@field (a string member of these records) with a copy of @value. */
void          pd_renovation_set_text (char      **field,
                                      const char *value);

PdRenovation *pd_renovation_new   (void);
void          pd_renovation_free  (PdRenovation *renovation);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdRenovation, pd_renovation_free)

typedef struct
{
  gint64  id;
  gint64  renovation_id;
  char   *name;
  char   *id_number;
  char   *phone;
  char   *trade;
  char   *revoked_on;    /* "" while the pass is valid */
  char   *revoke_reason;
} PdRenovationWorker;

PdRenovationWorker *pd_renovation_worker_new  (void);
void                pd_renovation_worker_free (PdRenovationWorker *worker);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdRenovationWorker, pd_renovation_worker_free)

/* Key and translated label of a choice (scope items, drawings, states…). */
typedef struct
{
  const char *key;
  const char *label;   /* untranslated; pass through _() (states: use pd_renovation_state_label) */
} PdRenovationChoice;

const PdRenovationChoice *pd_renovation_scope_items   (guint *n);
const PdRenovationChoice *pd_renovation_drawing_items (guint *n);
const PdRenovationChoice *pd_renovation_states        (guint *n);
const char *pd_renovation_state_label    (const char *state);
const char *pd_renovation_scope_label    (const char *key);
const char *pd_renovation_drawing_label  (const char *key);
/* "电气改造、给排水" for "electrical,plumbing". */
char       *pd_renovation_scope_text     (const char *scope);
gboolean    pd_renovation_list_has       (const char *comma_list,
                                          const char *key);
/* True while the works are on site (the unit is renovating). */
gboolean    pd_renovation_state_on_site  (const char *state);
/* True in the three review stages. */
gboolean    pd_renovation_state_in_review (const char *state);
/* Offices need the fire-safety acceptance (消防验收) as well. */
gboolean    pd_renovation_needs_fire_acceptance (const PdRenovation *renovation);

/* Saves a new draft.  Only the unit and the applicant are required now; the
 * rest is checked when the application is submitted.  Refuses a unit that
 * already has an open application.  Returns the id, -1 on error. */
gint64        pd_renovation_create (PdContext    *ctx,
                                    PdRenovation *renovation,
                                    GError      **error);
/* Saves the application fields; only while the applicant may still edit
 * them (draft, needs revision). */
gboolean      pd_renovation_update (PdContext    *ctx,
                                    PdRenovation *renovation,
                                    GError      **error);
PdRenovation *pd_renovation_get    (PdContext  *ctx,
                                    gint64      renovation_id,
                                    GError    **error);
PdRenovation *pd_renovation_find_serial (PdContext  *ctx,
                                         const char *serial,
                                         GError    **error);
/* Every renovation of the current estate, newest first (open ones before
 * closed ones when @open_first).  Element type PdRenovation. */
GPtrArray    *pd_renovation_list   (PdContext  *ctx,
                                    GError    **error);
/* What the Today list may show, newest first: those whose review runs
 * (submitted, in review) with its reply due by @review_until, those in
 * stop-work, and those on site whose deposit balance is short after a
 * deduction.  A superset of what pd_renovation_review_deadline calls due
 * soon or overdue (for @review_until at least the due-soon working days
 * plus one after today) and of what pd_deposit_summarize finds short. */
GPtrArray    *pd_renovation_list_pressing (PdContext  *ctx,
                                           const char *review_until,
                                           GError    **error);

/* Checks that a submission is complete (DOMAIN §3): applicant entitled to
 * apply (owner, or tenant/proxy with the owner's authorisation), contractor
 * or self-renovation undertaking, at least one worker, planned dates,
 * scope, hot-work paperwork and extinguisher, the drawings the scope needs.
 * The first problem is reported with its field. */
gboolean      pd_renovation_check_complete (PdContext          *ctx,
                                            const PdRenovation *renovation,
                                            GError            **error);

/* Workers (each gets a pass).  The ID number is validated (resident ID). */
gint64        pd_renovation_worker_add    (PdContext          *ctx,
                                           PdRenovationWorker *worker,
                                           GError            **error);
gboolean      pd_renovation_worker_remove (PdContext  *ctx,
                                           gint64      worker_id,
                                           GError    **error);
gboolean      pd_renovation_worker_revoke (PdContext  *ctx,
                                           gint64      worker_id,
                                           const char *reason,
                                           GError    **error);
/* Element type PdRenovationWorker, in order of entry. */
GPtrArray    *pd_renovation_worker_list   (PdContext  *ctx,
                                           gint64      renovation_id,
                                           GError    **error);

G_END_DECLS
