/* pd-handover-checklist.h — the inspection checklist (验房, DOMAIN §2 step
 * 4): a template of rooms × items per unit use, editable in settings, and
 * each handover's copy with a result per item.
 *
 * Marking an item as a defect records a defect (pd-handover-defect.h) with
 * the default responsible party and deadline; marking it back removes it. */
#pragma once

#include "pd-context.h"

G_BEGIN_DECLS

typedef struct
{
  gint64  id;
  char   *room;
  char   *item;
  char   *result;   /* "" (not yet) | ok | defect | na */
  char   *note;
  gint64  defect_id; /* filled by pd_handover_check_list; 0 = none */
} PdHandoverCheck;

PdHandoverCheck *pd_handover_check_new  (const char *room,
                                         const char *item);
void             pd_handover_check_free (PdHandoverCheck *check);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdHandoverCheck, pd_handover_check_free)

const char *pd_handover_result_label  (const char *result);
gboolean    pd_handover_result_is_valid (const char *result);

/* The template of @use (residential | shop | office) in walking order.
 * Element type PdHandoverCheck (room and item only). */
GPtrArray  *pd_handover_template_list (PdContext  *ctx,
                                       const char *use,
                                       GError    **error);
/* Replaces the template of @use with @items, in that order: at least one,
 * room and item filled, no item twice in the same room.  Supervisor. */
gboolean    pd_handover_template_set  (PdContext  *ctx,
                                       const char *use,
                                       GPtrArray  *items,
                                       GError    **error);

/* The checklist of a handover in walking order.  Element type
 * PdHandoverCheck. */
GPtrArray  *pd_handover_check_list    (PdContext  *ctx,
                                       gint64      handover_id,
                                       GError    **error);
/* Sets the result and note of one item while the inspection is in
 * progress.  A defect needs a note saying what is wrong. */
gboolean    pd_handover_check_set     (PdContext  *ctx,
                                       gint64      check_id,
                                       const char *result,
                                       const char *note,
                                       GError    **error);
/* Sets every item still without a result to ok (the walk found nothing
 * more). */
gboolean    pd_handover_check_rest_ok (PdContext  *ctx,
                                       gint64      handover_id,
                                       GError    **error);

G_END_DECLS
