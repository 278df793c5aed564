/* pd-release-register.h — the register of release slips (DOMAIN §5: "the
 * register must be searchable"): search and filters for the tab, serial
 * ranges for batch printing, months for the export. */
#pragma once

#include "pd-release-slip.h"

G_BEGIN_DECLS

#define PD_RELEASE_STATUS_ANY (-1)

typedef struct
{
  const char *text;       /* serial, unit, applicant, carrier, plate or item; NULL = all */
  const char *from;       /* issued on or after, "YYYY-MM-DD"; NULL = no limit */
  const char *to;         /* issued on or before */
  const char *unit;       /* a unit code, or a building / entrance prefix ("3", "3-2") */
  const char *reason;     /* moving_out | renovation | other; NULL = any */
  int         status;     /* a PdReleaseStatus or PD_RELEASE_STATUS_ANY */
} PdReleaseFilter;

#define PD_RELEASE_FILTER_INIT { NULL, NULL, NULL, NULL, NULL, PD_RELEASE_STATUS_ANY }

/* Slips of the current estate matching @filter (NULL: all), newest first,
 * with their items.  Element type PdReleaseSlip. */
GPtrArray *pd_release_register_list  (PdContext             *ctx,
                                      const PdReleaseFilter *filter,
                                      GError               **error);
/* Slips from serial @first to @last inclusive, in serial order; refuses a
 * range whose ends do not exist or are reversed. */
GPtrArray *pd_release_register_range (PdContext  *ctx,
                                      const char *first,
                                      const char *last,
                                      GError    **error);
/* "沙发×1、冰箱×2" */
char      *pd_release_items_summary  (const PdReleaseSlip *slip);

G_END_DECLS
