/* pd-patrol-vacancy.h — the vacant-unit file (空置房建档) kept in step with
 * the unit states, and the patrol list: every vacant unit with its last
 * patrol, next due date and status (rules in pd-patrol-schedule.h). */
#pragma once

#include "pd-estate.h"
#include "pd-patrol-schedule.h"

G_BEGIN_DECLS

typedef struct
{
  gint64          unit_id;
  char           *unit_code;
  gint64          building_id;
  char           *building_code;
  char           *vacant_since;   /* opening date of the vacant-unit file */
  char           *last_patrol;    /* "" when never patrolled */
  char           *last_inspector;
  char           *next_due;
  PdPatrolStatus  status;
  int             days_to_due;    /* negative when overdue */
  int             open_anomalies;
  int             keys_held;      /* keys of the unit in the register */
  int             keys_out;       /* of which signed out now */
} PdVacantUnit;

void        pd_vacant_unit_free           (PdVacantUnit *unit);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdVacantUnit, pd_vacant_unit_free)

/* Opens a file for each unit that is vacant and has none (dated by the
 * state change in the audit log), closes the files of units that are no
 * longer vacant (dated likewise).  The list and statistics call it. */
gboolean    pd_patrol_sync_vacancies      (PdContext  *ctx,
                                           GError    **error);
/* The vacant units of the current estate (@building_id 0) or of one
 * building, in walking order (entrance, floor, room).  Element type
 * PdVacantUnit. */
GPtrArray  *pd_patrol_list_vacant         (PdContext  *ctx,
                                           gint64      building_id,
                                           GError    **error);
/* Corrects the date a unit's vacancy began (units vacant since before the
 * office kept the file).  Supervisor and above. */
gboolean    pd_patrol_set_vacant_since    (PdContext  *ctx,
                                           gint64      unit_id,
                                           const char *since,
                                           GError    **error);

typedef struct
{
  gint64 id;
  char  *code;
  int    vacant_units;
} PdPatrolBuilding;

void        pd_patrol_building_free       (PdPatrolBuilding *building);
/* Buildings of the current estate in natural order, with their vacant
 * units counted.  Element type PdPatrolBuilding. */
GPtrArray  *pd_patrol_list_buildings      (PdContext  *ctx,
                                           GError    **error);
/* The building of the current estate with code @code; 0 with @error. */
gint64      pd_patrol_find_building       (PdContext  *ctx,
                                           const char *code,
                                           GError    **error);

/* The unit of the current estate whose code the user typed (3-2-1201,
 * 3栋2单元1201); NULL with a field error on "unit" when there is none. */
PdUnit     *pd_patrol_find_unit           (PdContext  *ctx,
                                           const char *typed_code,
                                           GError    **error);

G_END_DECLS
