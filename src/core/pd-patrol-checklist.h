/* pd-patrol-checklist.h — the vacant-unit checklist (DOMAIN §4 defaults,
 * setting patrol.checklist): built-in items are stored by key and shown in
 * the user's language; items the office adds are stored and shown as typed. */
#pragma once

#include "pd-context.h"

G_BEGIN_DECLS

typedef struct
{
  char *key;    /* built-in key (door_lock…) or a custom item's text */
  char *label;  /* translated label, or the custom text */
  char *short_label; /* column heading of the printed round sheet */
} PdPatrolCheckItem;

void        pd_patrol_check_item_free     (PdPatrolCheckItem *item);
/* The configured checklist, in order.  Element type PdPatrolCheckItem. */
GPtrArray  *pd_patrol_checklist           (PdContext  *ctx);
const char *pd_patrol_item_label          (const char *key);
/* The anomaly kind a problem on @key reports: leak, damage, occupation, dirty
 * or other (custom items). */
const char *pd_patrol_item_anomaly_kind   (const char *key);

G_END_DECLS
