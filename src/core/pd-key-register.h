/* pd-key-register.h — the office's key register (钥匙借用登记表, DOMAIN §4):
 * keys of vacant units and public keys, signed out to a borrower with a
 * purpose and a due time, and signed back.  A loan still out after its due
 * time is overdue.  A patrol round signs out all the keys of its building's
 * vacant units in one step and returns them in one step. */
#pragma once

#include "pd-context.h"

G_BEGIN_DECLS

typedef struct
{
  gint64   id;
  char    *code;        /* tag on the key board, unique */
  gint64   unit_id;     /* 0 for a public key */
  char    *unit_code;   /* filled by reads */
  char    *label;       /* what it opens */
  int      copies;
  char    *location;
  /* The loan out now, filled by reads (0 / NULL when the key is in). */
  gint64   loan_id;
  char    *borrower;
  char    *due_at;
  gboolean overdue;
} PdKey;

typedef struct
{
  gint64   id;
  gint64   key_id;
  char    *key_code;    /* filled by reads */
  char    *key_label;
  char    *borrower;
  char    *purpose;
  char    *out_at;      /* YYYY-MM-DD HH:MM:SS */
  char    *due_at;
  char    *returned_at; /* "" while out */
  char    *lent_by;
  char    *received_by;
  gint64   round_id;
  gboolean overdue;     /* out after due_at, or returned after it */
} PdKeyLoan;

PdKey      *pd_key_new               (void);
void        pd_key_free              (PdKey *key);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdKey, pd_key_free)
void        pd_key_loan_free         (PdKeyLoan *loan);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdKeyLoan, pd_key_loan_free)

/* Adds a key to the register: code unique and required; a unit key with no
 * label is labelled after its unit.  Returns the id or -1. */
gint64      pd_key_add               (PdContext  *ctx,
                                      PdKey      *key,
                                      GError    **error);
/* Takes a key off the register (lost, given to the owner); not while out. */
gboolean    pd_key_retire            (PdContext  *ctx,
                                      gint64      key_id,
                                      GError    **error);
/* Keys on the register: unit keys in unit order, then public keys.
 * Element type PdKey. */
GPtrArray  *pd_key_list              (PdContext  *ctx,
                                      GError    **error);
PdKey      *pd_key_find              (PdContext  *ctx,
                                      const char *code,
                                      GError    **error);

/* The default due time of a loan made now (setting patrol.key_loan_hours). */
char       *pd_key_default_due       (PdContext  *ctx);
/* Signs @key_id out to @borrower for @purpose until @due_at ("YYYY-MM-DD
 * HH:MM[:SS]"; NULL = the default).  Returns the loan id or -1. */
gint64      pd_key_sign_out          (PdContext  *ctx,
                                      gint64      key_id,
                                      const char *borrower,
                                      const char *purpose,
                                      const char *due_at,
                                      GError    **error);
gboolean    pd_key_sign_back         (PdContext  *ctx,
                                      gint64      loan_id,
                                      GError    **error);
/* Signs out every key of the vacant units of @building_id that is in the
 * office; composes into an open transaction.  Returns how many, or -1. */
int         pd_key_sign_out_building (PdContext  *ctx,
                                      gint64      building_id,
                                      const char *borrower,
                                      const char *purpose,
                                      gint64      round_id,
                                      GError    **error);
/* Signs back every key still out on @round_id.  Returns how many, or -1. */
int         pd_key_sign_back_round   (PdContext  *ctx,
                                      gint64      round_id,
                                      GError    **error);
/* Loans out now, overdue first then by due time, or the whole register
 * newest first.  Element type PdKeyLoan. */
GPtrArray  *pd_key_list_loans        (PdContext  *ctx,
                                      gboolean    out_only,
                                      GError    **error);

G_END_DECLS
