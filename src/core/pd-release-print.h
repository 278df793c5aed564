/* pd-release-print.h — what a printed release slip needs besides the slip:
 * the estate's name and each slip's verification code (computed here in
 * core, with the office secret, so the renderer never sees the secret). */
#pragma once

#include "pd-release-slip.h"

G_BEGIN_DECLS

typedef struct
{
  char      *estate_name;
  char      *footer;      /* "Printed by … at …" */
  GPtrArray *slips;       /* PdReleaseSlip, one per page */
  GPtrArray *codes;       /* char *, the verification code of each slip */
} PdReleasePrint;

/* Takes a reference on @slips (slips with their items). */
PdReleasePrint *pd_release_print_new   (PdContext  *ctx,
                                        GPtrArray  *slips,
                                        GError    **error);
void            pd_release_print_free  (PdReleasePrint *print);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdReleasePrint, pd_release_print_free)
/* "Release slips 2026-00001 to 2026-00005" (the PDF's and print job's title). */
char           *pd_release_print_title (const PdReleasePrint *print);

G_END_DECLS
