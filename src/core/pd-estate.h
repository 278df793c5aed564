/* pd-estate.h — estates, buildings, entrances and units (DOMAIN §1), with
 * the unit state machine. */
#pragma once

#include "pd-context.h"

G_BEGIN_DECLS

typedef struct
{
  gint64  id;
  gint64  estate_id;
  gint64  entrance_id;
  char   *code;           /* building-entrance-room, e.g. 3-2-1201 */
  char   *building_code;  /* filled by reads */
  char   *entrance_code;  /* filled by reads */
  int     floor;          /* 0 = derive from the room number */
  char   *use;            /* residential | shop | office */
  double  gross_area;     /* m², 0 = unknown */
  double  inner_area;
  char   *layout;
  char   *state;          /* unsold | vacant | handed_over | renovating | occupied | rented */
} PdUnit;

PdUnit     *pd_unit_new           (void);
void        pd_unit_free          (PdUnit *unit);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdUnit, pd_unit_free)

/* The estate the office works on (setting estate.default_code), created on
 * first use; -1 with @error on failure. */
gint64      pd_estate_current_id  (PdContext  *ctx,
                                   GError    **error);
gint64      pd_estate_ensure      (PdContext  *ctx,
                                   const char *code,
                                   const char *name,
                                   GError    **error);
char       *pd_estate_get_name    (PdContext  *ctx,
                                   gint64      estate_id);

/* Splits "3-2-1201" (also 3栋2单元1201, 3-2-1201室) into its parts and
 * rewrites it in the canonical dashed form. */
gboolean    pd_unit_code_parse    (const char *text,
                                   char      **canonical,
                                   char      **building,
                                   char      **entrance,
                                   char      **room,
                                   GError    **error);

/* Validates, creates the building and entrance when needed, and inserts.
 * A new unit starts unsold unless @unit->state says otherwise. */
gint64      pd_unit_create        (PdContext  *ctx,
                                   gint64      estate_id,
                                   PdUnit     *unit,
                                   GError    **error);
/* Updates the descriptive fields (not code, not state). */
gboolean    pd_unit_update        (PdContext    *ctx,
                                   const PdUnit *unit,
                                   GError      **error);
PdUnit     *pd_unit_get           (PdContext  *ctx,
                                   gint64      unit_id,
                                   GError    **error);
PdUnit     *pd_unit_find          (PdContext  *ctx,
                                   gint64      estate_id,
                                   const char *code,
                                   GError    **error);

gboolean    pd_unit_state_is_valid         (const char *state);
gboolean    pd_unit_state_transition_allowed (const char *from,
                                              const char *to);
/* Moves the unit to @state when the state machine allows it. */
gboolean    pd_unit_set_state     (PdContext  *ctx,
                                   gint64      unit_id,
                                   const char *state,
                                   GError    **error);
const char *pd_unit_state_label   (const char *state);
const char *pd_unit_use_label     (const char *use);

G_END_DECLS
