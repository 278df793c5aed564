/* pd-error.c — error domains; see pd-error.h. */
#include "pd-error.h"

typedef struct
{
  char *field;
} PdValidationErrorPrivate;

static void
pd_validation_error_private_init (PdValidationErrorPrivate *priv)
{
  priv->field = NULL;
}

static void
pd_validation_error_private_copy (const PdValidationErrorPrivate *src,
                                  PdValidationErrorPrivate       *dest)
{
  dest->field = g_strdup (src->field);
}

static void
pd_validation_error_private_clear (PdValidationErrorPrivate *priv)
{
  g_clear_pointer (&priv->field, g_free);
}

G_DEFINE_EXTENDED_ERROR (PdValidationError, pd_validation_error)

G_DEFINE_QUARK (pd-database-error-quark, pd_database_error)

void
pd_set_field_error (GError              **error,
                    PdValidationErrorCode code,
                    const char           *field,
                    const char           *format,
                    ...)
{
  va_list args;
  GError *err;
  PdValidationErrorPrivate *priv;

  if (error == NULL)
    return;

  va_start (args, format);
  err = g_error_new_valist (PD_VALIDATION_ERROR, code, format, args);
  va_end (args);

  priv = pd_validation_error_get_private (err);
  priv->field = g_strdup (field);
  g_propagate_error (error, err);
}

const char *
pd_error_get_field (const GError *error)
{
  PdValidationErrorPrivate *priv;

  if (error == NULL || error->domain != PD_VALIDATION_ERROR)
    return NULL;
  priv = pd_validation_error_get_private (error);
  return priv ? priv->field : NULL;
}
