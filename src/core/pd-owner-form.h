/* pd-owner-form.h — what the 业主信息登记表 (owner registration form) of
 * one unit shows, read from the owner file: the unit, its current owners
 * with their documents checked against originals, household members,
 * tenants and vehicles.
 *
 * ID numbers and phones arrive already masked unless the form was asked
 * for unmasked by a supervisor or above (pd-export-log.h), so a renderer
 * cannot print what the user may not see. */
#pragma once

#include "pd-estate.h"
#include "pd-person.h"
#include "pd-unit-role.h"

G_BEGIN_DECLS

typedef struct
{
  char      *estate_name;
  PdUnit    *unit;
  GPtrArray *owners;       /* PdPerson, current owners in the order they were registered */
  GPtrArray *owner_since;  /* char*, start of each owner's period ("" unknown) */
  GPtrArray *members;      /* PdUnitRole, current household members */
  GPtrArray *tenants;      /* PdUnitRole, current tenants (lease dates) */
  GPtrArray *vehicles;     /* PdVehicle of the owners (plates are not masked) */
  gboolean   unmasked;
  char      *printed_by;   /* user name */
  char      *printed_on;   /* YYYY-MM-DD of the context clock */
} PdOwnerForm;

void         pd_owner_form_free (PdOwnerForm *form);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdOwnerForm, pd_owner_form_free)

/* Reads the form of the unit with @unit_code (any form pd_unit_code_parse
 * accepts) in the current estate.  A unit that does not exist is
 * PD_VALIDATION_ERROR_NOT_FOUND naming the code; @unmasked needs a
 * supervisor (PD_VALIDATION_ERROR_DENIED). */
PdOwnerForm *pd_owner_form_load (PdContext  *ctx,
                                 const char *unit_code,
                                 gboolean    unmasked,
                                 GError    **error);

/* Logs in export_log that @form left PropDesk for @destination (a PDF file
 * or a printer): "owner form <unit>", one row, masked or not as the form
 * was loaded.  Every output of the form calls this, so an unmasked one is
 * never left out of the log. */
gboolean     pd_owner_form_log  (PdContext         *ctx,
                                 const PdOwnerForm *form,
                                 const char        *destination,
                                 GError           **error);

G_END_DECLS
