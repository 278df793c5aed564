/* pd-release-slip.h — release slips (放行条, DOMAIN §5): issuing with the
 * office's rules, the gate check that releases a slip once, and voiding.
 *
 * The register (search, filters) is pd-release-register.h; the verification
 * code printed on the slip is pd-release-code.h. */
#pragma once

#include "pd-context.h"

G_BEGIN_DECLS

typedef struct
{
  char *name;
  int   quantity;
  char *note;
} PdReleaseItem;

PdReleaseItem *pd_release_item_new  (const char *name,
                                     int         quantity,
                                     const char *note);
void           pd_release_item_free (PdReleaseItem *item);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdReleaseItem, pd_release_item_free)

/* What a slip is now.  EXPIRED is an issued slip past its valid date: it is
 * derived from the clock, never stored. */
typedef enum
{
  PD_RELEASE_STATUS_ISSUED,
  PD_RELEASE_STATUS_RELEASED,
  PD_RELEASE_STATUS_VOID,
  PD_RELEASE_STATUS_EXPIRED,
} PdReleaseStatus;

typedef struct
{
  gint64     id;
  gint64     estate_id;
  char      *serial;               /* "2026-00042", set by issue */
  int        year;
  int        number;
  gint64     unit_id;              /* issue: this, or unit_code when 0 */
  char      *unit_code;
  gint64     applicant_id;         /* a current owner, tenant or proxy of the unit */
  char      *applicant_name;       /* copied at issue */
  char      *applicant_role;       /* owner | tenant | proxy, set by issue */
  char      *reason;               /* moving_out | renovation | other */
  char      *reason_note;
  gint64     owner_confirm_id;     /* tenant's slip: the owner who confirmed */
  char      *owner_confirm_name;
  char      *owner_confirm_method; /* in_person | phone | written */
  char      *owner_confirm_at;     /* "YYYY-MM-DD HH:MM" */
  char      *fees_cashier;         /* moving out: who confirmed the fees are cleared */
  char      *fees_cleared_at;      /* "YYYY-MM-DD HH:MM" */
  gboolean   no_dangerous_goods;   /* the clerk's confirmation */
  char      *carrier_name;
  char      *carrier_id_number;
  char      *plate;                /* "" when the goods leave without a vehicle */
  char      *valid_on;             /* last day of validity; "" = today */
  char      *issued_at;
  char      *issued_by;
  char      *state;                /* issued | released | void (stored) */
  char      *released_at;
  char      *released_by;
  char      *voided_at;
  char      *voided_by;
  char      *void_reason;
  GPtrArray *items;                /* PdReleaseItem */
} PdReleaseSlip;

PdReleaseSlip *pd_release_slip_new  (void);
void           pd_release_slip_free (PdReleaseSlip *slip);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdReleaseSlip, pd_release_slip_free)

/* Labels in the user's language, for lists, forms and messages. */
const char *pd_release_reason_label         (const char *reason);
const char *pd_release_confirm_method_label (const char *method);
const char *pd_release_status_label         (PdReleaseStatus status);
const char *pd_release_status_key           (PdReleaseStatus status);
PdReleaseStatus pd_release_slip_status      (PdContext           *ctx,
                                             const PdReleaseSlip *slip);

/* The people who may apply for a slip for @unit_id: its current owners,
 * tenants and proxies, owners first.  Element type PdUnitRole. */
GPtrArray     *pd_release_applicants        (PdContext  *ctx,
                                             gint64      unit_id,
                                             GError    **error);

/* Checks every rule, normalises @slip in place and issues it with the next
 * serial of the estate and year; remembers the item names for next time.
 * Returns the new id, -1 with a field error and nothing written otherwise. */
gint64         pd_release_slip_issue        (PdContext     *ctx,
                                             PdReleaseSlip *slip,
                                             GError       **error);

PdReleaseSlip *pd_release_slip_get          (PdContext  *ctx,
                                             gint64      slip_id,
                                             GError    **error);
/* Accepts "2026-00042", "2026-42", "202600042" and a scanned QR payload. */
PdReleaseSlip *pd_release_slip_find         (PdContext  *ctx,
                                             const char *serial,
                                             GError    **error);

/* The gate check: TRUE when @slip may leave now — issued, not released, not
 * void, not expired and, when @code is given, with a matching verification
 * code.  Otherwise a PD_VALIDATION_ERROR saying why. */
gboolean       pd_release_slip_check        (PdContext           *ctx,
                                             const PdReleaseSlip *slip,
                                             const char          *code,
                                             GError             **error);
/* Checks and marks the slip released now by @guard; a slip is released
 * once, even when two gates try at the same moment. */
gboolean       pd_release_slip_release      (PdContext  *ctx,
                                             gint64      slip_id,
                                             const char *guard,
                                             GError    **error);
/* Supervisors only.  The slip keeps its number; reason and who are kept. */
gboolean       pd_release_slip_void         (PdContext  *ctx,
                                             gint64      slip_id,
                                             const char *reason,
                                             GError    **error);

/* Item names most used first, for completion while typing. */
GStrv          pd_release_common_items      (PdContext  *ctx,
                                             guint       limit,
                                             GError    **error);

/* "2026-00042" from year and number. */
char          *pd_release_serial_format     (int         year,
                                             int         number);
/* Parses the forms pd_release_slip_find accepts; *code_out (may be NULL)
 * receives the code of a QR payload, or NULL. */
gboolean       pd_release_serial_parse      (const char *text,
                                             int        *year,
                                             int        *number,
                                             char      **code_out);

G_END_DECLS
