/* pd-handover.h — move-in handover (入住 / 交房验收, DOMAIN §2): papers,
 * agreements, fees, people present, meter readings, keys and cards, and the
 * life of a handover from start to close.
 *
 * Status: in_progress (being entered) → inspected (inspection finished, no
 * defect open) or defects_open → closed.  A failed re-inspection keeps
 * defects_open; when the last defect is fixed the handover is inspected
 * again and can be closed.  Closing moves the unit to handed over.
 * The checklist lives in pd-handover-checklist.h, defects in
 * pd-handover-defect.h. */
#pragma once

#include "pd-context.h"
#include "pd-person.h"

G_BEGIN_DECLS

typedef struct
{
  gint64  id;
  gint64  unit_id;
  gint64  owner_id;
  char   *status;            /* in_progress | inspected | defects_open | closed */
  char   *handover_on;       /* YYYY-MM-DD */
  char   *proxy_name;        /* "" when the owner came in person */
  char   *proxy_id_number;
  char   *docs_checked;      /* comma list of pd_handover_documents keys */
  char   *agreements_signed; /* comma list of pd_handover_agreements keys */
  char   *fee_receipt;
  char   *clerk;
  char   *engineer;
  char   *officer;
  char   *developer_rep;
  char   *others_present;
  gint64  water_milli;       /* thousandths of m³; -1 = not read */
  gint64  electricity_milli; /* thousandths of kWh; -1 = not read */
  gint64  gas_milli;         /* thousandths of m³; -1 = not read / no gas */
  int     house_keys;
  char   *access_cards;      /* serials, "、"-separated */
  char   *electricity_card;
  char   *water_card;
  char   *gas_card;
  char   *keys_received_by;
  char   *keys_handed_on;    /* YYYY-MM-DD, "" until handed over */
  char   *inspected_on;
  char   *closed_on;
  char   *created_at;
  char   *notes;
  /* filled by reads */
  char   *unit_code;
  char   *unit_use;
  char   *owner_name;
  char   *owner_kind;        /* individual | enterprise */
  char   *owner_id_number;   /* ID number or USCC, unmasked */
  char   *owner_mobile;      /* unmasked */
} PdHandover;

PdHandover *pd_handover_new    (void);
void        pd_handover_free   (PdHandover *handover);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdHandover, pd_handover_free)

/* What staff tick: documents checked against originals (step 1) and
 * agreements signed (step 2).  @label is the untranslated source text:
 * show pd_handover_paper_label (). */
typedef struct
{
  const char *key;
  const char *label;
} PdHandoverPaper;
const PdHandoverPaper *pd_handover_documents  (guint *n);
const PdHandoverPaper *pd_handover_agreements (guint *n);
const char  *pd_handover_paper_label  (const PdHandoverPaper *paper);
gboolean    pd_handover_paper_listed (const char *comma_list,
                                      const char *key);

const char *pd_handover_status_label (const char *status);

/* Whether @unit_id may get a handover now: refused, with a message naming
 * the unit and the reason, when it is already handed over (its state, or a
 * closed handover) or has one in progress. */
gboolean    pd_handover_check_can_start (PdContext *ctx,
                                         gint64     unit_id,
                                         GError   **error);
/* Starts a handover of @unit_id on @handover_on for @owner_id, or for
 * @new_owner (created, or found by ID number, in the same transaction) when
 * @owner_id is 0.  The owner must be a current owner of the unit; a unit
 * with no owner yet gets this one from @handover_on.  The checklist is
 * copied from the template of the unit's use.  Returns the id, -1 on error. */
gint64      pd_handover_start  (PdContext  *ctx,
                                gint64      unit_id,
                                gint64      owner_id,
                                PdPerson   *new_owner,
                                const char *handover_on,
                                GError    **error);
PdHandover *pd_handover_get    (PdContext  *ctx,
                                gint64      handover_id,
                                GError    **error);
/* The unit's latest handover, or NULL (with no error) when it has none. */
PdHandover *pd_handover_find_for_unit (PdContext *ctx,
                                       gint64     unit_id,
                                       GError   **error);
/* Saves papers, people, readings, keys and notes (not status, unit or
 * owner).  Refused on a closed handover; validates every field. */
gboolean    pd_handover_save   (PdContext  *ctx,
                                PdHandover *handover,
                                GError    **error);
/* Ends the inspection: every checklist item answered, water and
 * electricity read.  Status becomes defects_open or inspected. */
gboolean    pd_handover_finish_inspection (PdContext *ctx,
                                           gint64     handover_id,
                                           GError   **error);
/* Closes an inspected handover whose papers are complete (documents,
 * agreements, fee receipt, keys signed for) and moves the unit to handed
 * over.  One transaction. */
gboolean    pd_handover_close  (PdContext  *ctx,
                                gint64      handover_id,
                                GError    **error);
/* Deletes a handover still in progress (started by mistake); supervisor. */
gboolean    pd_handover_delete (PdContext  *ctx,
                                gint64      handover_id,
                                GError    **error);

/* What still stops @handover from closing, one translated line each; an
 * empty array when nothing does. */
GPtrArray  *pd_handover_close_blockers (PdContext        *ctx,
                                        const PdHandover *handover);

G_END_DECLS
