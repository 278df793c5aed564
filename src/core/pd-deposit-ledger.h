/* pd-deposit-ledger.h — the renovation deposit (装修押金) as a ledger
 * (DOMAIN §3): the payment, each violation deduction, top-ups and the
 * refund.  Amounts are integer fen, always positive; the kind gives the
 * sign.  Invariants, kept on every posting:
 *
 *   balance = paid − deducted + topped up − refunded ≥ 0
 *   refund  = the balance when the works are accepted (never negative);
 *             after the refund the balance is 0.
 *
 * A deduction larger than the balance takes what is held; the rest is noted
 * on the violation as not covered.  After a deduction the shortfall must be
 * topped up within renovation.topup_days, else the works stop. */
#pragma once

#include "pd-context.h"

G_BEGIN_DECLS

typedef struct
{
  gint64  id;
  gint64  renovation_id;
  char   *kind;          /* payment | deduction | topup | refund */
  gint64  amount_fen;    /* > 0 */
  char   *on_date;
  gint64  violation_id;  /* deductions: the violation, else 0 */
  char   *violation_code;
  char   *note;
  char   *user_name;
  gint64  balance_fen;   /* running balance after this entry */
} PdDepositEntry;

void        pd_deposit_entry_free (PdDepositEntry *entry);
const char *pd_deposit_kind_label (const char *kind);

typedef struct
{
  gint64    required_fen;   /* the deposit the renovation must hold */
  gint64    paid_fen;
  gint64    deducted_fen;
  gint64    topped_up_fen;
  gint64    refunded_fen;
  gint64    balance_fen;
  gint64    shortfall_fen;  /* required − balance while works run, else 0 */
  char     *topup_due;      /* "" when nothing is to top up */
  gboolean  topup_overdue;
} PdDepositSummary;

void       pd_deposit_summary_clear (PdDepositSummary *summary);

/* The statement: entries oldest first with running balances.  Element
 * type PdDepositEntry. */
GPtrArray *pd_deposit_statement (PdContext        *ctx,
                                 gint64            renovation_id,
                                 GError          **error);
gboolean   pd_deposit_summarize (PdContext        *ctx,
                                 gint64            renovation_id,
                                 PdDepositSummary *summary,
                                 GError          **error);

/* Postings.  Callers own the transaction (these are parts of a user
 * action), except pd_deposit_top_up which is one. */
gboolean   pd_deposit_post_payment   (PdContext  *ctx,
                                      gint64      renovation_id,
                                      gint64      amount_fen,
                                      GError    **error);
/* Deducts up to @amount_fen; returns what was deducted (0 when nothing is
 * held), -1 on error. */
gint64     pd_deposit_post_deduction (PdContext  *ctx,
                                      gint64      renovation_id,
                                      gint64      violation_id,
                                      gint64      amount_fen,
                                      const char *note,
                                      GError    **error);
/* Refunds the whole balance (nothing posted when it is 0); the refunded
 * amount in *@refunded_fen. */
gboolean   pd_deposit_post_refund    (PdContext  *ctx,
                                      gint64      renovation_id,
                                      gint64     *refunded_fen,
                                      GError    **error);
/* A top-up of at most the shortfall, while the works are open. */
gboolean   pd_deposit_top_up         (PdContext  *ctx,
                                      gint64      renovation_id,
                                      gint64      amount_fen,
                                      const char *note,
                                      GError    **error);

/* Stops the works of every renovation whose top-up is overdue (the rule
 * "top up within 3 days or work stops").  Returns how many were stopped,
 * -1 on error. */
int        pd_deposit_enforce_topups (PdContext  *ctx,
                                      GError    **error);

G_END_DECLS
