/* pd-renovation-print.h — what the renovation forms print, gathered from the
 * core in one go so the renderers (src/print/pd-form-renovation*.c) only
 * draw: 装修施工许可证, 装修出入证, 现场装修巡查表, 违章整改通知单 and the
 * deposit refund slip. */
#pragma once

#include "pd-deposit-ledger.h"
#include "pd-renovation-patrol.h"
#include "pd-renovation.h"

G_BEGIN_DECLS

typedef struct
{
  char                  *estate_name;
  char                  *printed_at;     /* "YYYY-MM-DD HH:MM" */
  char                  *printed_by;
  PdRenovation          *renovation;     /* NULL for the patrol sheet */
  GPtrArray             *workers;        /* PdRenovationWorker with valid passes */
  GPtrArray             *statement;      /* PdDepositEntry */
  PdDepositSummary       deposit;
  PdRenovationViolation *violation;      /* the rectification notice's */
  GPtrArray             *rounds;         /* PdPatrolDue: the patrol sheet's units */
  char                  *hours_weekday;  /* working hours from the settings */
  char                  *hours_weekend;
  char                  *hours_relaxed;  /* "" unless the permit falls in the relaxed period */
  char                  *patrol_day;     /* the patrol sheet's date */
} PdRenovationPrint;

void               pd_renovation_print_free (PdRenovationPrint *print);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdRenovationPrint, pd_renovation_print_free)

/* The permit and the passes need an issued permit; the refund slip an
 * accepted renovation (the refund shown as due) or a refunded one. */
PdRenovationPrint *pd_renovation_print_permit      (PdContext  *ctx,
                                                    gint64      renovation_id,
                                                    GError    **error);
PdRenovationPrint *pd_renovation_print_passes      (PdContext  *ctx,
                                                    gint64      renovation_id,
                                                    GError    **error);
PdRenovationPrint *pd_renovation_print_refund      (PdContext  *ctx,
                                                    gint64      renovation_id,
                                                    GError    **error);
PdRenovationPrint *pd_renovation_print_violation   (PdContext  *ctx,
                                                    gint64      violation_id,
                                                    GError    **error);
/* Today's round: every renovation on site in the current estate. */
PdRenovationPrint *pd_renovation_print_patrol_sheet (PdContext  *ctx,
                                                     GError    **error);

G_END_DECLS
