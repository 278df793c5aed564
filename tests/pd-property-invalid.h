/* pd-property-invalid.h — the cases of test-property-invalid: one per core
 * create/update function, each able to build a valid record and to break
 * any one of its fields with a random invalid value. */
#pragma once

#include "pd-context.h"
#include "pd-person.h"

G_BEGIN_DECLS

typedef struct
{
  PdContext *ctx;
  GRand     *rand;
  GPtrArray *strings;     /* generated values, freed after each call */
  guint      serial;      /* makes valid unique values unique */
  /* Records of the demo estate the cases start from. */
  gint64     estate_id;
  gint64     unit_id;            /* a unit with a current owner */
  gint64     owner_id;           /* that owner */
  gint64     person_id;          /* some person */
  char      *taken_id_number;    /* a resident ID number someone has */
  char      *taken_plate;
  gint64     handover_id;        /* a handover in progress */
  gint64     check_id;           /* one of its checklist items */
  gint64     defect_id;          /* an open defect of a handover not closed */
  gint64     draft_unit_id;      /* a unit (with owner) without an open renovation */
  gint64     draft_owner_id;
  gint64     renovation_id;      /* a draft renovation */
  gint64     on_site_id;         /* a renovation with works in progress */
  gint64     campaign_id;
  gint64     followup_id;        /* a follow-up with stages to sign */
  gint64     key_id;             /* a key that is in */
  gint64     anomaly_id;         /* an open anomaly */
  gint64     slip_id;            /* an issued release slip */
  gint64     building_id;
  gint64     transfer_unit_id;   /* another owned unit, for transfers */
} PdProperty;

/* Runs the function under test with field number @broken (0 ≤ broken <
 * n_fields) made invalid, or with a valid record when @broken is -1; sets
 * *@field to the key the error must name.  Returns what the call returned
 * (TRUE for success). */
typedef gboolean (*PdPropertyRun) (PdProperty  *p,
                                   int          broken,
                                   const char **field,
                                   GError     **error);

typedef struct
{
  const char   *name;
  PdPropertyRun run;
  int           n_fields;
} PdPropertyCase;

/* Finds the demo records the cases start from (and makes those the demo
 * lacks). */
void                  pd_property_prepare (PdProperty *p);
/* The keys and anomalies the demo does not make (pd-property-office.c). */
void                  pd_property_prepare_office (PdProperty *p);
/* A deduction on the works on site, to top up (pd-property-renovation.c). */
void                  pd_property_prepare_renovation (PdProperty *p);
/* The user accounts and the unit to transfer (pd-property-owner.c). */
void                  pd_property_prepare_owner (PdProperty *p);
const PdPropertyCase *pd_property_cases   (guint      *n);

/* Generators of invalid values; the strings live until the call is over. */
const char *pd_property_keep          (PdProperty *p,
                                       char       *text);
const char *pd_property_bad_date      (PdProperty *p);
const char *pd_property_blank         (PdProperty *p);  /* "", spaces or NULL */
const char *pd_property_bad_phone     (PdProperty *p);
const char *pd_property_bad_prc_id    (PdProperty *p);
const char *pd_property_bad_choice    (PdProperty *p);
const char *pd_property_too_long      (PdProperty *p,
                                       guint       max_chars);
gint64      pd_property_bad_id        (PdProperty *p);  /* 0, negative or missing */
gint64      pd_property_missing_id    (PdProperty *p);  /* positive and missing */
const char *pd_property_unique        (PdProperty *p,
                                       const char *prefix);
gint64      pd_property_query         (PdProperty *p,
                                       const char *sql);

/* A valid new individual; a stored person made a plain individual without
 * ID (so one broken field is its only fault); and the breaking of field
 * @broken (0 ≤ broken < PD_PROPERTY_PERSON_FIELDS), which returns the key
 * it must be refused with (pd-property-people.c). */
#define PD_PROPERTY_PERSON_FIELDS 12
PdPerson   *pd_property_valid_person  (PdProperty *p);
void        pd_property_make_plain    (PdPerson   *person);
const char *pd_property_break_person  (PdProperty *p,
                                       PdPerson   *person,
                                       int         broken);

/* The case tables of each area. */
extern const PdPropertyCase pd_property_people_cases[];
extern const guint          pd_property_n_people_cases;
extern const PdPropertyCase pd_property_handover_cases[];
extern const guint          pd_property_n_handover_cases;
extern const PdPropertyCase pd_property_renovation_cases[];
extern const guint          pd_property_n_renovation_cases;
extern const PdPropertyCase pd_property_office_cases[];
extern const guint          pd_property_n_office_cases;
extern const PdPropertyCase pd_property_owner_cases[];
extern const guint          pd_property_n_owner_cases;
extern const PdPropertyCase pd_property_template_cases[];
extern const guint          pd_property_n_template_cases;

G_END_DECLS
