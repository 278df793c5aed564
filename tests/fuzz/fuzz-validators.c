/* libFuzzer target: every validator and parser that takes text typed by
 * staff or read from a ledger.  Each must either accept (and then accept
 * its own normalised output again) or fail with an error naming a field. */
#include "pd-error.h"
#include "pd-estate.h"
#include "pd-pinyin.h"
#include "pd-settings.h"
#include "pd-validate.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

typedef gboolean (*Normaliser) (const char *text, char **normalized, GError **error);

static gboolean
mobile (const char *text, char **normalized, GError **error)
{
  return pd_mobile_validate (text, "mobile", "Mobile", normalized, error);
}

static gboolean
phone (const char *text, char **normalized, GError **error)
{
  return pd_phone_validate (text, "phone", "Phone", normalized, error);
}

static gboolean
date (const char *text, char **normalized, GError **error)
{
  return pd_date_parse (text, "date", "Date", normalized, error);
}

static gboolean
prc_id (const char *text, char **normalized, GError **error)
{
  return pd_prc_id_parse (text, normalized, NULL, NULL, error);
}

static gboolean
unit_code (const char *text, char **normalized, GError **error)
{
  return pd_unit_code_parse (text, normalized, NULL, NULL, NULL, error);
}

static void
check_idempotent (Normaliser  normalise,
                  const char *text)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *once = NULL;
  g_autofree char *twice = NULL;

  if (!normalise (text, &once, &error))
    {
      g_assert (error != NULL && error->domain == PD_VALIDATION_ERROR);
      g_assert (pd_error_get_field (error) != NULL);
      return;
    }
  g_assert (once != NULL);
  g_assert (normalise (once, &twice, NULL));
  g_assert (g_str_equal (once, twice));
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  static const Normaliser normalisers[] = {
    prc_id, pd_uscc_validate, mobile, phone, date, pd_plate_normalize, unit_code,
  };
  g_autofree char *masked_phone = pd_mask_phone (text);
  g_autofree char *masked_id = pd_mask_id (text);
  double area;
  gint64 fen;

  for (guint i = 0; i < G_N_ELEMENTS (normalisers); i++)
    check_idempotent (normalisers[i], text);
  pd_prc_id_cross_check (text, text, PD_SEX_MALE, NULL);
  pd_area_parse (text, "area", "Area", &area, NULL);
  pd_fen_parse (text, "amount", "Amount", &fen, NULL);
  if (g_utf8_validate (text, -1, NULL))
    {
      g_autofree char *full = NULL;
      g_autofree char *initials = NULL;
      pd_pinyin_of_name (text, &full, &initials);
      g_assert (full != NULL && initials != NULL);
    }
  return 0;
}
