/* test-validate.c — checking and normalising typed values.
 *
 * ID numbers and credit codes below were computed with the check-digit
 * algorithms of GB 11643-1999 and GB 32100-2015 and are not real people's
 * or companies' numbers (11010519491231002X is the standard's own example).
 */
#include <string.h>
#include <glib.h>

#include "pd-error.h"
#include "pd-validate.h"

/* Checks that @error is a validation error with @code on @field whose
 * message names the field in words (@words). */
static void
assert_field_error (GError               *error,
                    PdValidationErrorCode code,
                    const char           *field,
                    const char           *words)
{
  g_assert_nonnull (error);
  g_assert_true (g_error_matches (error, PD_VALIDATION_ERROR, code));
  g_assert_cmpstr (pd_error_get_field (error), ==, field);
  g_assert_nonnull (strstr (error->message, words));
}

/* ---- PRC ID ---- */

static void
test_id_valid (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *norm = NULL;
  g_autofree char *birthday = NULL;
  PdSex sex = PD_SEX_UNKNOWN;

  g_assert_true (pd_prc_id_parse ("11010519491231002X", &norm, &birthday, &sex, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (norm, ==, "11010519491231002X");
  g_assert_cmpstr (birthday, ==, "1949-12-31");
  g_assert_cmpint (sex, ==, PD_SEX_FEMALE);

  g_clear_pointer (&norm, g_free);
  g_clear_pointer (&birthday, g_free);
  g_assert_true (pd_prc_id_parse ("110101199003070011", &norm, &birthday, &sex, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (norm, ==, "110101199003070011");
  g_assert_cmpstr (birthday, ==, "1990-03-07");
  g_assert_cmpint (sex, ==, PD_SEX_MALE);

  /* Out arguments are optional. */
  g_assert_true (pd_prc_id_parse ("440304198506150023", NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
test_id_normalisation (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *norm = NULL;

  g_assert_true (pd_prc_id_parse ("  11010519491231002x ", &norm, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (norm, ==, "11010519491231002X");

  g_clear_pointer (&norm, g_free);
  g_assert_true (pd_prc_id_parse ("110105 19491231 002X", &norm, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (norm, ==, "11010519491231002X");

  /* Full-width digits and letter from a Chinese IME, ideographic space. */
  g_clear_pointer (&norm, g_free);
  g_assert_true (pd_prc_id_parse ("\u3000１１０１０５１９４９１２３１００２ｘ",
                                  &norm, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (norm, ==, "11010519491231002X");
}

static void
test_id_check_digit (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *norm = NULL;

  g_assert_false (pd_prc_id_parse ("110105194912310021", &norm, NULL, NULL, &error));
  assert_field_error (error, PD_VALIDATION_ERROR_INVALID, "id_number", "ID number");
  g_assert_nonnull (strstr (error->message, "should be X"));
  g_assert_null (norm);
  g_clear_error (&error);

  g_assert_false (pd_prc_id_parse ("110101199003070012", NULL, NULL, NULL, &error));
  assert_field_error (error, PD_VALIDATION_ERROR_INVALID, "id_number", "check digit");
  g_assert_nonnull (strstr (error->message, "should be 1"));
}

static void
test_id_dates (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *birthday = NULL;
  PdSex sex = PD_SEX_UNKNOWN;

  /* 2000 and 2004 are leap years. */
  g_assert_true (pd_prc_id_parse ("110101200002290018", NULL, &birthday, &sex, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (birthday, ==, "2000-02-29");
  g_assert_cmpint (sex, ==, PD_SEX_MALE);
  g_clear_pointer (&birthday, g_free);
  g_assert_true (pd_prc_id_parse ("110101200402290025", NULL, &birthday, &sex, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (birthday, ==, "2004-02-29");
  g_assert_cmpint (sex, ==, PD_SEX_FEMALE);

  /* 1900 and 2001 are not, though the check digits are right. */
  g_assert_false (pd_prc_id_parse ("110101190002290011", NULL, NULL, NULL, &error));
  assert_field_error (error, PD_VALIDATION_ERROR_INVALID, "id_number", "1900-02-29");
  g_assert_nonnull (strstr (error->message, "not a real date"));
  g_clear_error (&error);
  g_assert_false (pd_prc_id_parse ("110101200102290015", NULL, NULL, NULL, &error));
  assert_field_error (error, PD_VALIDATION_ERROR_INVALID, "id_number", "2001-02-29");
  g_clear_error (&error);
  g_assert_false (pd_prc_id_parse ("110101199002300014", NULL, NULL, NULL, &error));
  assert_field_error (error, PD_VALIDATION_ERROR_INVALID, "id_number", "not a real date");
  g_clear_error (&error);

  /* Future and before 1900. */
  g_assert_false (pd_prc_id_parse ("110101209901010017", NULL, NULL, NULL, &error));
  assert_field_error (error, PD_VALIDATION_ERROR_INVALID, "id_number", "in the future");
  g_clear_error (&error);
  g_assert_false (pd_prc_id_parse ("11010118991231001X", NULL, NULL, NULL, &error));
  assert_field_error (error, PD_VALIDATION_ERROR_INVALID, "id_number", "before 1900");
  g_clear_error (&error);
  /* The first possible day is fine. */
  g_assert_true (pd_prc_id_parse ("110101190001010014", NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
test_id_malformed (void)
{
  g_autoptr (GError) error = NULL;

  g_assert_false (pd_prc_id_parse ("", NULL, NULL, NULL, &error));
  assert_field_error (error, PD_VALIDATION_ERROR_REQUIRED, "id_number", "ID number");
  g_clear_error (&error);
  g_assert_false (pd_prc_id_parse (NULL, NULL, NULL, NULL, &error));
  assert_field_error (error, PD_VALIDATION_ERROR_REQUIRED, "id_number", "ID number");
  g_clear_error (&error);

  g_assert_false (pd_prc_id_parse ("110105491231002", NULL, NULL, NULL, &error));
  assert_field_error (error, PD_VALIDATION_ERROR_INVALID, "id_number", "15-digit");
  g_clear_error (&error);

  g_assert_false (pd_prc_id_parse ("1101051949123100", NULL, NULL, NULL, &error));
  assert_field_error (error, PD_VALIDATION_ERROR_INVALID, "id_number", "not 16");
  g_clear_error (&error);

  g_assert_false (pd_prc_id_parse ("11010519491231002Y", NULL, NULL, NULL, &error));
  assert_field_error (error, PD_VALIDATION_ERROR_INVALID, "id_number", "only digits");
  g_clear_error (&error);
  g_assert_false (pd_prc_id_parse ("1101051949123X0021", NULL, NULL, NULL, &error));
  assert_field_error (error, PD_VALIDATION_ERROR_INVALID, "id_number", "only digits");
  g_clear_error (&error);

  g_assert_false (pd_prc_id_parse ("000000199001010018", NULL, NULL, NULL, &error));
  assert_field_error (error, PD_VALIDATION_ERROR_INVALID, "id_number", "region code 000000");
}

static void
test_id_spreadsheet (void)
{
  static const char *const mangled[] = {
    "3.10101E+17", "3.10101199001011E+17", "3.10101199001011e+17",
    "310101199001011000.0", "3.1E17", "3,10101E+17",
  };

  for (guint i = 0; i < G_N_ELEMENTS (mangled); i++)
    {
      g_autoptr (GError) error = NULL;

      g_assert_false (pd_prc_id_parse (mangled[i], NULL, NULL, NULL, &error));
      assert_field_error (error, PD_VALIDATION_ERROR_INVALID, "id_number",
                          "stored as a number in the spreadsheet");
      g_assert_nonnull (strstr (error->message, mangled[i]));
    }
}

static void
test_id_cross_check (void)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (pd_prc_id_cross_check ("11010519491231002X", "1949-12-31",
                                        PD_SEX_FEMALE, &error));
  g_assert_no_error (error);
  /* Typed in another accepted form. */
  g_assert_true (pd_prc_id_cross_check ("11010519491231002X", "1949年12月31日",
                                        PD_SEX_UNKNOWN, &error));
  g_assert_no_error (error);
  /* Nothing typed: nothing to compare. */
  g_assert_true (pd_prc_id_cross_check ("110101199003070011", NULL, PD_SEX_UNKNOWN, &error));
  g_assert_no_error (error);
  g_assert_true (pd_prc_id_cross_check ("110101199003070011", "", PD_SEX_MALE, &error));
  g_assert_no_error (error);

  g_assert_false (pd_prc_id_cross_check ("11010519491231002X", "1949-12-30",
                                         PD_SEX_UNKNOWN, &error));
  assert_field_error (error, PD_VALIDATION_ERROR_INVALID, "birthday", "Birthday");
  g_assert_nonnull (strstr (error->message, "1949-12-31"));
  g_clear_error (&error);

  g_assert_false (pd_prc_id_cross_check ("11010519491231002X", NULL, PD_SEX_MALE, &error));
  assert_field_error (error, PD_VALIDATION_ERROR_INVALID, "sex", "Sex");
  g_assert_nonnull (strstr (error->message, "woman"));
  g_clear_error (&error);
  g_assert_false (pd_prc_id_cross_check ("110101199003070011", NULL, PD_SEX_FEMALE, &error));
  assert_field_error (error, PD_VALIDATION_ERROR_INVALID, "sex", "man");
  g_clear_error (&error);

  /* A typed birthday that is not a date is reported on its own field. */
  g_assert_false (pd_prc_id_cross_check ("110101199003070011", "1990-02-30",
                                         PD_SEX_UNKNOWN, &error));
  assert_field_error (error, PD_VALIDATION_ERROR_INVALID, "birthday", "Birthday");
  g_clear_error (&error);

  g_assert_false (pd_prc_id_cross_check ("110101199003070012", "1990-03-07",
                                         PD_SEX_MALE, &error));
  assert_field_error (error, PD_VALIDATION_ERROR_INVALID, "id_number", "ID number");
}

/* ---- USCC ---- */

static void
test_uscc (void)
{
  static const char *const valid[] = {
    "91350100M000100Y43", "91440300MA5D8JK8X0", "121000004000000010", "51110000500000001E",
  };
  g_autoptr (GError) error = NULL;
  g_autofree char *norm = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_autofree char *n = NULL;

      g_assert_true (pd_uscc_validate (valid[i], &n, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (n, ==, valid[i]);
    }

  g_assert_true (pd_uscc_validate (" 91350100m000100y43 ", &norm, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (norm, ==, "91350100M000100Y43");

  g_assert_false (pd_uscc_validate ("91350100M000100Y44", NULL, &error));
  assert_field_error (error, PD_VALIDATION_ERROR_INVALID, "uscc", "Unified social credit code");
  g_assert_nonnull (strstr (error->message, "should be 3, not 4"));
  g_clear_error (&error);

  /* Two characters swapped: the weights catch it. */
  g_assert_false (pd_uscc_validate ("91350100M001000Y43", NULL, &error));
  assert_field_error (error, PD_VALIDATION_ERROR_INVALID, "uscc", "check character");
  g_clear_error (&error);

  g_assert_false (pd_uscc_validate ("91350100MO00100Y43", NULL, &error));
  assert_field_error (error, PD_VALIDATION_ERROR_INVALID, "uscc", "letter O");
  g_assert_nonnull (strstr (error->message, "did you mean 0"));
  g_clear_error (&error);

  g_assert_false (pd_uscc_validate ("91350100M000100Y4", NULL, &error));
  assert_field_error (error, PD_VALIDATION_ERROR_INVALID, "uscc", "not 17");
  g_clear_error (&error);

  g_assert_false (pd_uscc_validate ("91350100M000100Y4中", NULL, &error));
  assert_field_error (error, PD_VALIDATION_ERROR_INVALID, "uscc", "only digits");
  g_clear_error (&error);

  g_assert_false (pd_uscc_validate ("  ", NULL, &error));
  assert_field_error (error, PD_VALIDATION_ERROR_REQUIRED, "uscc", "Unified social credit code");
}

/* ---- Phones ---- */

static void
test_mobile (void)
{
  static const char *const forms[] = {
    "13812341234", "138 1234 1234", "138-1234-1234", "+86 138 1234 1234",
    "+8613812341234", "0086 13812341234", "8613812341234", "(+86) 138-1234-1234",
    "１３８１２３４１２３４",
  };
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      g_autofree char *n = NULL;

      g_assert_true (pd_mobile_validate (forms[i], "mobile", "Mobile", &n, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (n, ==, "13812341234");
    }

  g_assert_false (pd_mobile_validate ("12812341234", "mobile", "Mobile", NULL, &error));
  assert_field_error (error, PD_VALIDATION_ERROR_INVALID, "mobile", "Mobile");
  g_clear_error (&error);
  g_assert_false (pd_mobile_validate ("1381234123", "emergency_phone",
                                      "Emergency contact phone", NULL, &error));
  assert_field_error (error, PD_VALIDATION_ERROR_INVALID, "emergency_phone",
                      "Emergency contact phone");
  g_clear_error (&error);
  g_assert_false (pd_mobile_validate ("010-12345678", "mobile", NULL, NULL, &error));
  assert_field_error (error, PD_VALIDATION_ERROR_INVALID, "mobile", "Mobile");
  g_clear_error (&error);
  g_assert_false (pd_mobile_validate (" ", "mobile", "Mobile", NULL, &error));
  assert_field_error (error, PD_VALIDATION_ERROR_REQUIRED, "mobile", "Mobile");
}

static void
test_phone (void)
{
  static const struct { const char *in, *out; } good[] = {
    { "+86 138-1234-1234", "13812341234" },
    { "010-12345678", "010-12345678" },
    { "01012345678", "010-12345678" },
    { "(010)12345678", "010-12345678" },
    { "0755 8888 6666", "0755-88886666" },
    { "0755-8888-6666", "0755-88886666" },
    { "075588886666", "0755-88886666" },
    { "+86 10 12345678", "010-12345678" },
    { "88886666", "88886666" },
    { "8888666", "8888666" },
    { "010-12345678转8001", "010-12345678-8001" },
    { "010-12345678 ext. 8001", "010-12345678-8001" },
    { "010-12345678-8001", "010-12345678-8001" },
    { "400-123-4567", "4001234567" },
    { "800 8101 888", "8008101888" },
    /* Found by fuzz-validators: a service number's extension, and an
     * eight-digit number's whose digits make a service number; their
     * normalised forms used to read back as something else. */
    { "400-123-4567转89", "4001234567-89" },
    { "4001234567-89", "4001234567-89" },
    { "-80006800ext.06", "80006800-06" },
  };
  static const char *const bad[] = {
    "12345", "010-123", "0000-12345678", "010-0123456", "abc", "010-12345678转abc",
    "1234567890123", "1512390ext.0021", "-86 13812-转3-18233", "400-123-4567-1234567",
    "-80006 11-823转3-18233",
  };
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autofree char *n = NULL;
      g_autofree char *again = NULL;

      g_assert_true (pd_phone_validate (good[i].in, "phone", "Phone", &n, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (n, ==, good[i].out);
      /* The normalised form reads back as itself. */
      g_assert_true (pd_phone_validate (n, "phone", "Phone", &again, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (again, ==, n);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_false (pd_phone_validate (bad[i], "emergency_phone",
                                         "Emergency contact phone", NULL, &error));
      assert_field_error (error, PD_VALIDATION_ERROR_INVALID, "emergency_phone",
                          "Emergency contact phone");
      g_clear_error (&error);
    }

  g_assert_false (pd_phone_validate ("", "phone", NULL, NULL, &error));
  assert_field_error (error, PD_VALIDATION_ERROR_REQUIRED, "phone", "Phone");
}

/* ---- Dates and areas ---- */

static void
test_dates (void)
{
  static const char *const forms[] = {
    "2026-01-05", "2026-1-5", "2026/1/5", "2026/01/05", "2026.1.5", "20260105",
    "2026年1月5日", "2026年01月05日", "2026年1月5号", "2026年1月5", " 2026 - 1 - 5 ",
    "２０２６年１月５日",
  };
  static const char *const malformed[] = {
    "2026-1/5", "26-1-5", "2026-001-05", "202615", "2026年1月", "1/5/2026", "yesterday",
  };
  g_autoptr (GError) error = NULL;
  g_autofree char *iso = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      g_autofree char *out = NULL;

      g_assert_true (pd_date_parse (forms[i], "start_date", "Start date", &out, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (out, ==, "2026-01-05");
    }

  g_assert_true (pd_date_parse ("2024-2-29", "d", "Date", &iso, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (iso, ==, "2024-02-29");

  g_assert_false (pd_date_parse ("2026-02-30", "start_date", "Start date", NULL, &error));
  assert_field_error (error, PD_VALIDATION_ERROR_INVALID, "start_date", "Start date");
  g_assert_nonnull (strstr (error->message, "2026-02-30"));
  g_clear_error (&error);
  g_assert_false (pd_date_parse ("2025-02-29", "d", "Date", NULL, &error));
  assert_field_error (error, PD_VALIDATION_ERROR_INVALID, "d", "not a real date");
  g_clear_error (&error);
  g_assert_false (pd_date_parse ("20261305", "d", "Date", NULL, &error));
  assert_field_error (error, PD_VALIDATION_ERROR_INVALID, "d", "not a real date");
  g_clear_error (&error);
  g_assert_false (pd_date_parse ("2026年4月31日", "d", "Date", NULL, &error));
  assert_field_error (error, PD_VALIDATION_ERROR_INVALID, "d", "2026-04-31");
  g_clear_error (&error);

  for (guint i = 0; i < G_N_ELEMENTS (malformed); i++)
    {
      g_assert_false (pd_date_parse (malformed[i], "handover_date", "Handover date",
                                     NULL, &error));
      assert_field_error (error, PD_VALIDATION_ERROR_INVALID, "handover_date",
                          "Handover date");
      g_clear_error (&error);
    }

  g_assert_false (pd_date_parse ("1026-01-05", "d", "Date", NULL, &error));
  assert_field_error (error, PD_VALIDATION_ERROR_RANGE, "d", "1026");
  g_clear_error (&error);

  g_assert_false (pd_date_parse (NULL, "d", NULL, NULL, &error));
  assert_field_error (error, PD_VALIDATION_ERROR_REQUIRED, "d", "Date");
}

static void
test_areas (void)
{
  static const struct { const char *in; double out; } good[] = {
    { "89.5", 89.5 }, { "89.50㎡", 89.5 }, { "89.5 m2", 89.5 }, { "89.5m²", 89.5 },
    { "89.5 M2", 89.5 }, { "89.5平方米", 89.5 }, { "89.5平米", 89.5 }, { "120", 120.0 },
    { "1,234.56", 1234.56 }, { "８９．５", 89.5 }, { "0.5", 0.5 }, { "99999.99", 99999.99 },
  };
  static const char *const malformed[] = { "89,5", "abc", "89.5.1", "m2", "89.5 亩", "1e3" };
  static const char *const out_of_range[] = { "0", "0.00", "-5", "100000", "250000 m2" };
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      double v = -1.0;

      g_assert_true (pd_area_parse (good[i].in, "gross_area", "Gross area", &v, &error));
      g_assert_no_error (error);
      g_assert_cmpfloat_with_epsilon (v, good[i].out, 1e-9);
    }

  for (guint i = 0; i < G_N_ELEMENTS (malformed); i++)
    {
      double v = -1.0;

      g_assert_false (pd_area_parse (malformed[i], "gross_area", "Gross area", &v, &error));
      assert_field_error (error, PD_VALIDATION_ERROR_INVALID, "gross_area", "Gross area");
      g_assert_cmpfloat (v, ==, -1.0);
      g_clear_error (&error);
    }

  for (guint i = 0; i < G_N_ELEMENTS (out_of_range); i++)
    {
      g_assert_false (pd_area_parse (out_of_range[i], "inner_area", "Inner area", NULL, &error));
      assert_field_error (error, PD_VALIDATION_ERROR_RANGE, "inner_area", "Inner area");
      g_clear_error (&error);
    }

  g_assert_false (pd_area_parse ("", "gross_area", NULL, NULL, &error));
  assert_field_error (error, PD_VALIDATION_ERROR_REQUIRED, "gross_area", "Area");
}

/* ---- Masking ---- */

static void
check_mask (char       *(*mask) (const char *),
            const char *in,
            const char *want)
{
  g_autofree char *out = mask (in);

  g_assert_cmpstr (out, ==, want);
}

static void
test_mask (void)
{
  check_mask (pd_mask_phone, "13812341234", "138****1234");
  check_mask (pd_mask_phone, "010-12345678", "010*****5678");
  check_mask (pd_mask_phone, "88886666", "****6666");
  check_mask (pd_mask_phone, "8888666", "****666");
  check_mask (pd_mask_phone, "1234", "**34");
  check_mask (pd_mask_phone, "1", "*");
  check_mask (pd_mask_phone, "", "");
  check_mask (pd_mask_phone, NULL, "");

  check_mask (pd_mask_id, "110101199003070011", "110101********0011");
  check_mask (pd_mask_id, "11010519491231002X", "110105********002X");
  check_mask (pd_mask_id, "110105491231002", "110105*****1002");
  check_mask (pd_mask_id, "E12345678", "*****5678");
  check_mask (pd_mask_id, "H123", "**23");
  check_mask (pd_mask_id, "", "");
  check_mask (pd_mask_id, NULL, "");
  /* Non-ASCII is masked per character, never split mid-character. */
  check_mask (pd_mask_id, "护照号码", "**号码");

  /* Invalid UTF-8 from an old file: repaired, masked, still valid text. */
  {
    g_autofree char *out = pd_mask_phone ("\xff\xff");

    g_assert_true (g_utf8_validate (out, -1, NULL));
    g_assert_cmpint (out[0], ==, '*');
  }
}

/* ---- Plates ---- */

static void
test_plates (void)
{
  static const struct { const char *in, *out; } good[] = {
    { "京A12345", "京A12345" }, { "京a·12345", "京A12345" }, { "粤B-D1234 5", "粤BD12345" },
    { " 沪C.8888R ", "沪C8888R" }, { "粤BD12345", "粤BD12345" }, { "粤B12345D", "粤B12345D" },
    { "粤Z1234港", "粤Z1234港" }, { "川A1234学", "川A1234学" }, { "京Ａ１２３４５", "京A12345" },
  };
  static const char *const bad[] = {
    "A12345", "京12345", "京A1234", "京A1234567", "中A12345", "京A12#45", "12345678",
  };
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autofree char *n = NULL;

      g_assert_true (pd_plate_normalize (good[i].in, &n, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (n, ==, good[i].out);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *n = NULL;

      g_assert_false (pd_plate_normalize (bad[i], &n, &error));
      assert_field_error (error, PD_VALIDATION_ERROR_INVALID, "plate", "Plate number");
      g_assert_null (n);
      g_clear_error (&error);
    }

  g_assert_false (pd_plate_normalize ("京A1234O", NULL, &error));
  assert_field_error (error, PD_VALIDATION_ERROR_INVALID, "plate", "I and O");
  g_clear_error (&error);

  g_assert_false (pd_plate_normalize ("", NULL, &error));
  assert_field_error (error, PD_VALIDATION_ERROR_REQUIRED, "plate", "Plate number");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/validate/id/valid", test_id_valid);
  g_test_add_func ("/validate/id/normalisation", test_id_normalisation);
  g_test_add_func ("/validate/id/check-digit", test_id_check_digit);
  g_test_add_func ("/validate/id/dates", test_id_dates);
  g_test_add_func ("/validate/id/malformed", test_id_malformed);
  g_test_add_func ("/validate/id/spreadsheet", test_id_spreadsheet);
  g_test_add_func ("/validate/id/cross-check", test_id_cross_check);
  g_test_add_func ("/validate/uscc", test_uscc);
  g_test_add_func ("/validate/mobile", test_mobile);
  g_test_add_func ("/validate/phone", test_phone);
  g_test_add_func ("/validate/dates", test_dates);
  g_test_add_func ("/validate/areas", test_areas);
  g_test_add_func ("/validate/mask", test_mask);
  g_test_add_func ("/validate/plates", test_plates);

  return g_test_run ();
}
