/* pd-patrol.h — recording vacant-unit patrols (空置房巡查, DOMAIN §4), alone
 * or in a round through one building.  Problem items become anomalies with
 * rectification notices (pd-patrol-anomaly.h). */
#pragma once

#include "pd-context.h"

G_BEGIN_DECLS

/* ---- patrols ----------------------------------------------------------- */

typedef struct
{
  char     *item;     /* checklist key or custom text */
  gboolean  problem;
  char     *note;     /* what is wrong; becomes the anomaly's description */
} PdPatrolItem;

typedef struct
{
  gint64     id;
  gint64     unit_id;
  char      *unit_code;     /* filled by reads */
  gint64     round_id;      /* 0 when recorded on its own */
  char      *patrolled_on;
  char      *inspector;
  char      *note;
  char      *photo;         /* photo file reference */
  GPtrArray *items;         /* PdPatrolItem, in checklist order */
} PdPatrol;

PdPatrol   *pd_patrol_new                 (void);
/* A patrol of @unit_id today by the current user with every checklist item
 * OK — what the round form starts from. */
PdPatrol   *pd_patrol_new_for_unit        (PdContext  *ctx,
                                           gint64      unit_id);
void        pd_patrol_free                (PdPatrol   *patrol);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdPatrol, pd_patrol_free)
void        pd_patrol_set_item            (PdPatrol   *patrol,
                                           guint       index,
                                           gboolean    problem,
                                           const char *note);

/* Validates and stores @patrol (one transaction): the unit must be vacant,
 * the date valid and not in the future, an inspector named, every problem
 * item described.  Each problem item opens an anomaly with its
 * rectification notice.  Returns the new id, or -1. */
gint64      pd_patrol_record              (PdContext  *ctx,
                                           PdPatrol   *patrol,
                                           GError    **error);
PdPatrol   *pd_patrol_get                 (PdContext  *ctx,
                                           gint64      patrol_id,
                                           GError    **error);
/* Patrols of a unit, newest first, or of a round in walking order.
 * Element type PdPatrol. */
GPtrArray  *pd_patrol_list_for_unit       (PdContext  *ctx,
                                           gint64      unit_id,
                                           GError    **error);
GPtrArray  *pd_patrol_list_for_round      (PdContext  *ctx,
                                           gint64      round_id,
                                           GError    **error);

/* ---- rounds ------------------------------------------------------------ */

typedef struct
{
  gint64  id;
  gint64  building_id;
  char   *building_code;
  char   *patrolled_on;
  char   *inspector;
  int     keys_signed_out;  /* filled by pd_patrol_round_start */
} PdPatrolRound;

void           pd_patrol_round_free       (PdPatrolRound *round);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdPatrolRound, pd_patrol_round_free)
/* Starts a round of @building_id by @inspector on @day (NULL = today);
 * with @sign_out_keys the building's vacant-unit keys in the office are
 * signed out to the inspector in the same step. */
PdPatrolRound *pd_patrol_round_start      (PdContext  *ctx,
                                           gint64      building_id,
                                           const char *day,
                                           const char *inspector,
                                           gboolean    sign_out_keys,
                                           GError    **error);
PdPatrolRound *pd_patrol_round_get        (PdContext  *ctx,
                                           gint64      round_id,
                                           GError    **error);

G_END_DECLS
