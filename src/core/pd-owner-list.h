/* pd-owner-list.h — the rows of the Owner files list (and its export): one
 * row per unit with its current owners, tenants, first owner's phone, state
 * and area.  Lists hold unit ids only; rows are read when shown, so 100,000
 * units cost 800 KB, not 100,000 objects. */
#pragma once

#include "pd-context.h"

G_BEGIN_DECLS

typedef enum
{
  PD_OWNER_SORT_UNIT,
  PD_OWNER_SORT_OWNER,
  PD_OWNER_SORT_STATE,
  PD_OWNER_SORT_AREA,
} PdOwnerSort;

typedef struct
{
  gint64  unit_id;
  char   *unit_code;
  char   *use;
  char   *state;
  double  gross_area;
  char   *owners;        /* current owners' names, "、"-separated */
  char   *owner_mobile;  /* first current owner's mobile, unmasked */
  char   *owner_id_number; /* first current owner's ID / USCC, unmasked */
  char   *tenants;       /* current tenants' names, "、"-separated */
} PdOwnerRow;

void        pd_owner_row_free         (PdOwnerRow *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdOwnerRow, pd_owner_row_free)

/* Unit ids of the estate, all of them (@search empty or NULL) or those the
 * search finds, in the order asked for.  Unit codes sort naturally
 * (2-1-101 before 10-1-101). */
GArray     *pd_owner_list_unit_ids    (PdContext  *ctx,
                                       const char *search,
                                       PdOwnerSort sort,
                                       gboolean    descending,
                                       GError    **error);
PdOwnerRow *pd_owner_row_get          (PdContext  *ctx,
                                       gint64      unit_id,
                                       GError    **error);

G_END_DECLS
