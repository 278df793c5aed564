/* pd-handover-list.h — the rows of the handover list and register: one per
 * handover with its progress, open defects and what needs chasing (an
 * overdue defect notice or rectification deadline). */
#pragma once

#include "pd-context.h"

G_BEGIN_DECLS

typedef struct
{
  const char *status;      /* NULL or "" = any; "open" = any but closed */
  const char *from_day;    /* handover day on or after; NULL = no limit */
  const char *before_day;  /* handover day before; NULL = no limit */
  const char *search;      /* unit code prefix or owner name part; NULL = all */
  gboolean    attention;   /* only handovers with an overdue notice or deadline */
} PdHandoverFilter;

typedef struct
{
  gint64  id;
  gint64  unit_id;
  char   *unit_code;
  char   *owner_name;
  char   *status;
  char   *handover_on;
  char   *inspected_on;
  char   *closed_on;
  char   *clerk;
  int     checks_total;
  int     checks_done;
  int     defects_total;
  int     defects_open;
  int     notices_overdue;   /* open defects whose notice is late */
  int     notices_pending;   /* open defects still waiting for a notice */
  int     deadlines_overdue; /* open defects past their deadline */
  char   *next_deadline;     /* earliest deadline of an open defect, "" if none */
  char   *next_notice_due;   /* earliest notice due of a defect without one, "" if none */
} PdHandoverRow;

void        pd_handover_row_free (PdHandoverRow *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdHandoverRow, pd_handover_row_free)

/* Rows matching @filter (NULL = all), newest handover first.  Element type
 * PdHandoverRow. */
GPtrArray  *pd_handover_list     (PdContext              *ctx,
                                  const PdHandoverFilter *filter,
                                  GError                **error);

G_END_DECLS
