/* pd-handover-document.h — everything a printed handover form shows, read
 * in one go: the handover, its checklist and defects, the estate's name,
 * and who printed it when (the forms themselves are in src/print). */
#pragma once

#include "pd-handover.h"

G_BEGIN_DECLS

typedef struct
{
  PdHandover *handover;
  GPtrArray  *checks;       /* PdHandoverCheck, walking order */
  GPtrArray  *defects;      /* PdHandoverDefect */
  char       *estate_name;
  double      gross_area;   /* m², 0 = unknown */
  char       *printed_by;
  char       *printed_at;   /* YYYY-MM-DD HH:MM */
} PdHandoverDocument;

PdHandoverDocument *pd_handover_document_load (PdContext          *ctx,
                                               gint64              handover_id,
                                               GError            **error);
/* The latest handover of the unit @unit_code (any spelling
 * pd_unit_code_parse takes); a unit without one is an error naming it. */
PdHandoverDocument *pd_handover_document_load_unit (PdContext   *ctx,
                                                    const char  *unit_code,
                                                    GError     **error);
void                pd_handover_document_free (PdHandoverDocument *document);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdHandoverDocument, pd_handover_document_free)

G_END_DECLS
