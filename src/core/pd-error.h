/* pd-error.h — error domains shared by the core.
 *
 * Validation failures carry the name of the offending field so the GUI can
 * show the message next to that field; the message itself always names the
 * field too, so a CLI user or a log reader sees it as well.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  PD_VALIDATION_ERROR_REQUIRED,  /* a required field is empty */
  PD_VALIDATION_ERROR_INVALID,   /* malformed value (bad check digit, bad date…) */
  PD_VALIDATION_ERROR_RANGE,     /* value out of its allowed range */
  PD_VALIDATION_ERROR_DUPLICATE, /* value must be unique and is not */
  PD_VALIDATION_ERROR_STATE,     /* the record's state does not allow the action */
  PD_VALIDATION_ERROR_NOT_FOUND, /* a referenced record does not exist */
  PD_VALIDATION_ERROR_DENIED,    /* the current user's role does not allow it */
} PdValidationErrorCode;

#define PD_VALIDATION_ERROR (pd_validation_error_quark ())
GQuark pd_validation_error_quark (void);

/* Sets @error in PD_VALIDATION_ERROR with @field (a stable key such as
 * "id_number") attached.  The printf-style message must already name the
 * field in words the user understands.  One key for one thing across the
 * core: a unit a record refers to, chosen or typed by its code (missing,
 * malformed code, wrong state) is "unit"; the code of a unit being created
 * (pd_unit_code_parse, pd_unit_create: malformed, a duplicate) is
 * "unit_code". */
void        pd_set_field_error (GError              **error,
                                PdValidationErrorCode code,
                                const char           *field,
                                const char           *format,
                                ...) G_GNUC_PRINTF (4, 5);

/* The field key attached to a PD_VALIDATION_ERROR, or NULL. */
const char *pd_error_get_field (const GError *error);

typedef enum
{
  PD_DATABASE_ERROR_SQL,       /* SQLite reported an error */
  PD_DATABASE_ERROR_TOO_NEW,   /* the file was written by a newer PropDesk */
  PD_DATABASE_ERROR_NOT_PROPDESK, /* the file is not a PropDesk database */
  PD_DATABASE_ERROR_CORRUPT,   /* integrity check failed */
} PdDatabaseErrorCode;

#define PD_DATABASE_ERROR (pd_database_error_quark ())
GQuark pd_database_error_quark (void);

G_END_DECLS
