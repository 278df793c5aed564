/* pd-handover-defect.h — defects found at a handover inspection (DOMAIN §2
 * step 7): each has an agreed rectification deadline on the working-day
 * calendar; a written notice to the responsible party is due within
 * handover.notice_hours (24) of recording it; a re-inspection (二次验收)
 * closes it as fixed, or as not fixed with a new deadline. */
#pragma once

#include "pd-context.h"

G_BEGIN_DECLS

typedef struct
{
  gint64  id;
  gint64  handover_id;
  gint64  check_id;        /* 0 when the owner raised it outside the checklist */
  char   *room;
  char   *description;
  char   *responsible;
  char   *recorded_at;     /* YYYY-MM-DD HH:MM:SS */
  char   *notice_due_at;   /* YYYY-MM-DD HH:MM:SS */
  char   *notice_sent_at;  /* "" until sent */
  char   *notice_no;
  char   *deadline;        /* YYYY-MM-DD */
  char   *status;          /* open | fixed */
  char   *closed_on;
  int     reinspections;   /* filled by reads */
  char   *unit_code;       /* filled by reads */
  char   *owner_name;      /* filled by reads */
} PdHandoverDefect;

PdHandoverDefect *pd_handover_defect_new  (void);
void              pd_handover_defect_free (PdHandoverDefect *defect);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdHandoverDefect, pd_handover_defect_free)

typedef enum
{
  PD_DUE_NONE,      /* nothing due: notice sent / defect closed */
  PD_DUE_PENDING,   /* due later */
  PD_DUE_SOON,      /* due within the warning window */
  PD_DUE_OVERDUE,
} PdDueState;

/* The deadline @n working days after @from_day (a day off counts from the
 * next working day); @n < 0 uses handover.defect_working_days. */
char       *pd_handover_default_deadline (PdContext  *ctx,
                                          const char *from_day,
                                          int         n);
/* A typed deadline: a date (any form pd_date_parse takes) or "+N" working
 * days after @from_day.  A date that is not a working day moves to the next
 * one; a date before @from_day is refused. */
gboolean    pd_handover_deadline_parse   (PdContext  *ctx,
                                          const char *text,
                                          const char *from_day,
                                          char      **deadline,
                                          GError    **error);

/* Adds a defect while the inspection is in progress.  Empty responsible
 * and deadline take the defaults.  Returns the id, -1 on error. */
gint64      pd_handover_defect_add    (PdContext        *ctx,
                                       PdHandoverDefect *defect,
                                       GError          **error);
/* Updates room, description, responsible party and deadline of an open
 * defect of a handover that is not closed. */
gboolean    pd_handover_defect_update (PdContext        *ctx,
                                       PdHandoverDefect *defect,
                                       GError          **error);
/* Removes a defect added by hand while the inspection is in progress. */
gboolean    pd_handover_defect_delete (PdContext        *ctx,
                                       gint64            defect_id,
                                       GError          **error);
PdHandoverDefect *pd_handover_defect_get (PdContext  *ctx,
                                          gint64      defect_id,
                                          GError    **error);
/* Defects of one handover (@handover_id > 0), or every open defect of the
 * estate (@handover_id 0) by deadline.  Element type PdHandoverDefect. */
GPtrArray  *pd_handover_defect_list   (PdContext  *ctx,
                                       gint64      handover_id,
                                       GError    **error);

/* Records that the written notice (整改通知单) for every open defect of the
 * handover without one was sent now; gives them one notice number
 * (ZG + year + serial), returned in @notice_no.  Refused when there is
 * nothing to notify. */
gboolean    pd_handover_send_notice   (PdContext  *ctx,
                                       gint64      handover_id,
                                       char      **notice_no,
                                       GError    **error);
PdDueState  pd_handover_defect_notice_state   (PdContext              *ctx,
                                               const PdHandoverDefect *defect);
PdDueState  pd_handover_defect_deadline_state (PdContext              *ctx,
                                               const PdHandoverDefect *defect);

/* Re-inspects an open defect after the inspection is finished.  Fixed
 * closes it; not fixed needs @new_deadline (after today) and keeps it
 * open.  When no defect of the handover stays open the handover becomes
 * inspected (ready to close). */
gboolean    pd_handover_reinspect     (PdContext  *ctx,
                                       gint64      defect_id,
                                       gboolean    fixed,
                                       const char *new_deadline,
                                       const char *note,
                                       GError    **error);

typedef struct
{
  gint64  id;
  char   *inspected_on;
  char   *result;        /* fixed | not_fixed */
  char   *new_deadline;
  char   *inspector;
  char   *note;
} PdHandoverReinspection;

void        pd_handover_reinspection_free (PdHandoverReinspection *entry);
/* Re-inspections of a defect, oldest first.  Element type
 * PdHandoverReinspection. */
GPtrArray  *pd_handover_reinspection_list (PdContext  *ctx,
                                           gint64      defect_id,
                                           GError    **error);

G_END_DECLS
