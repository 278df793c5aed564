/* pd-validate.c — checking and normalising typed values; see pd-validate.h. */
#include "pd-validate.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "pd-error.h"
#include "pd-validate-private.h"

/* Chinese IMEs produce full-width digits and letters, the ideographic space
 * and ㎡; NFKC folds all of them into ASCII so one parser serves both.  Data
 * imported from old files may not be valid UTF-8, so repair it first rather
 * than refuse it. */
char *
pd_validate_normalize_input (const char *text)
{
  g_autofree char *valid = NULL;
  char *nfkc;

  if (text == NULL)
    return g_strdup ("");

  valid = g_utf8_make_valid (text, -1);
  nfkc = g_utf8_normalize (valid, -1, G_NORMALIZE_NFKC);
  if (nfkc == NULL)
    return g_strdup ("");

  return g_strstrip (nfkc);
}

/* Removes every occurrence of the ASCII characters in @chars, in place. */
void
pd_validate_remove_ascii_chars (char       *s,
                    const char *chars)
{
  char *w = s;

  for (const char *r = s; *r != '\0'; r++)
    if (strchr (chars, *r) == NULL)
      *w++ = *r;
  *w = '\0';
}

gboolean
pd_validate_all_ascii_digits (const char *s)
{
  if (*s == '\0')
    return FALSE;
  for (; *s != '\0'; s++)
    if (!g_ascii_isdigit (*s))
      return FALSE;
  return TRUE;
}

/* Regexes are compiled once: the importer validates thousands of rows. */
static GRegex *
cached_regex (GRegex    **slot,
              const char *pattern)
{
  if (g_once_init_enter (slot))
    {
      GRegex *re = g_regex_new (pattern, G_REGEX_OPTIMIZE, 0, NULL);

      g_assert (re != NULL);
      g_once_init_leave (slot, re);
    }
  return *slot;
}

static int
today_as_int (void)
{
  static GTimeZone *zone;
  g_autoptr (GDateTime) now = NULL;

  /* g_date_time_new_now_local() looks at /etc/localtime again on every
   * call (a readlink and two stats), and an import checks a date against
   * today twice per person: the zone is looked up once. */
  if (g_once_init_enter (&zone))
    g_once_init_leave (&zone, g_time_zone_new_local ());
  now = g_date_time_new_now (zone);

  return g_date_time_get_year (now) * 10000
         + g_date_time_get_month (now) * 100
         + g_date_time_get_day_of_month (now);
}

/* ---- PRC resident ID ---------------------------------------------------- */

/* Excel and WPS turn an 18-digit ID typed into a General cell into a double:
 * it shows as 3.10101E+17 and only 15 significant digits survive, so the
 * number cannot be repaired — the user must fix the sheet. */
static gboolean
looks_like_spreadsheet_number (const char *s)
{
  static GRegex *re;

  return g_regex_match (cached_regex (&re,
                                      "^[0-9]*[.,]?[0-9]*[eE][+]?[0-9]+$"
                                      "|^[0-9]+[.,][0-9]*$"),
                        s, 0, NULL);
}

/* ISO 7064 MOD 11-2 as specified by GB 11643-1999. */
static char
prc_id_check_char (const char *first17)
{
  static const int weights[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
  int sum = 0;

  for (int i = 0; i < 17; i++)
    sum += (first17[i] - '0') * weights[i];
  return "10X98765432"[sum % 11];
}

gboolean
pd_prc_id_parse (const char *text,
                 char      **normalized,
                 char      **birthday_iso,
                 PdSex      *sex,
                 GError    **error)
{
  g_autofree char *s = NULL;
  g_autofree char *birth = NULL;
  int year, month, day;
  char expected;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  s = pd_validate_normalize_input (text);
  /* People copy IDs grouped as "110105 19491231 002X". */
  pd_validate_remove_ascii_chars (s, " \t\r\n");

  if (*s == '\0')
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_REQUIRED, "id_number",
                          _("ID number: required"));
      return FALSE;
    }

  if (looks_like_spreadsheet_number (s))
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_INVALID, "id_number",
                          /* Translators: %s is what the cell contained, e.g. 3.10101E+17 */
                          _("ID number: “%s” was stored as a number in the spreadsheet, "
                            "which lost digits; format the column as Text and type the "
                            "number again"),
                          s);
      return FALSE;
    }

  if (strlen (s) == 15 && pd_validate_all_ascii_digits (s))
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_INVALID, "id_number",
                          _("ID number: this is an old 15-digit number; enter the "
                            "18-digit number from the current ID card"));
      return FALSE;
    }

  if (g_utf8_strlen (s, -1) != 18)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_INVALID, "id_number",
                          /* Translators: %d is the number of characters typed */
                          _("ID number: should be 18 characters, not %d"),
                          (int) g_utf8_strlen (s, -1));
      return FALSE;
    }

  for (int i = 0; i < 18; i++)
    {
      gboolean ok = g_ascii_isdigit (s[i])
                    || (i == 17 && (s[i] == 'x' || s[i] == 'X'));
      if (!ok)
        {
          pd_set_field_error (error, PD_VALIDATION_ERROR_INVALID, "id_number",
                              _("ID number: only digits are allowed, except an X "
                                "at the end"));
          return FALSE;
        }
    }
  s[17] = g_ascii_toupper (s[17]);

  if (strncmp (s, "000000", 6) == 0)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_INVALID, "id_number",
                          /* Translators: %.6s is the first six digits of the ID number */
                          _("ID number: the region code %.6s does not exist"), s);
      return FALSE;
    }

  /* The date is checked before the check digit: a typo inside the date is
   * better reported as a bad date, which tells the user where to look. */
  year = (s[6] - '0') * 1000 + (s[7] - '0') * 100 + (s[8] - '0') * 10 + (s[9] - '0');
  month = (s[10] - '0') * 10 + (s[11] - '0');
  day = (s[12] - '0') * 10 + (s[13] - '0');
  birth = g_strdup_printf ("%.4s-%.2s-%.2s", s + 6, s + 10, s + 12);

  if (year < 1900)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_INVALID, "id_number",
                          /* Translators: %s is a date such as 1899-12-31 */
                          _("ID number: the birth date %s is before 1900"), birth);
      return FALSE;
    }
  if (month < 1 || month > 12 || day < 1
      || !g_date_valid_dmy (day, month, year))
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_INVALID, "id_number",
                          /* Translators: %s is a date such as 1990-02-30 */
                          _("ID number: the birth date %s is not a real date"), birth);
      return FALSE;
    }
  if (year * 10000 + month * 100 + day > today_as_int ())
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_INVALID, "id_number",
                          /* Translators: %s is a date such as 2099-01-01 */
                          _("ID number: the birth date %s is in the future"), birth);
      return FALSE;
    }

  expected = prc_id_check_char (s);
  if (expected != s[17])
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_INVALID, "id_number",
                          /* Translators: the first %c is the correct last character
                           * of the ID number, the second the one typed */
                          _("ID number: the check digit should be %c, not %c — "
                            "please look for a typo"),
                          expected, s[17]);
      return FALSE;
    }

  if (sex != NULL)
    *sex = ((s[16] - '0') % 2 == 1) ? PD_SEX_MALE : PD_SEX_FEMALE;
  if (birthday_iso != NULL)
    *birthday_iso = g_steal_pointer (&birth);
  if (normalized != NULL)
    *normalized = g_steal_pointer (&s);
  return TRUE;
}

gboolean
pd_prc_id_cross_check (const char *id,
                       const char *birthday_iso,
                       PdSex       sex,
                       GError    **error)
{
  g_autofree char *id_birthday = NULL;
  PdSex id_sex = PD_SEX_UNKNOWN;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!pd_prc_id_parse (id, NULL, &id_birthday, &id_sex, error))
    return FALSE;

  if (birthday_iso != NULL && *birthday_iso != '\0')
    {
      g_autofree char *typed = NULL;

      /* Staff type birthdays in any of the accepted forms, so compare the
       * canonical form rather than the text. */
      if (!pd_date_parse (birthday_iso, "birthday", _("Birthday"), &typed, error))
        return FALSE;
      if (strcmp (typed, id_birthday) != 0)
        {
          pd_set_field_error (error, PD_VALIDATION_ERROR_INVALID, "birthday",
                              /* Translators: the first %s is the typed birthday,
                               * the second the one in the ID number (both YYYY-MM-DD) */
                              _("Birthday: %s does not match the ID number, which "
                                "gives %s"),
                              typed, id_birthday);
          return FALSE;
        }
    }

  if (sex != PD_SEX_UNKNOWN && sex != id_sex)
    {
      if (id_sex == PD_SEX_MALE)
        pd_set_field_error (error, PD_VALIDATION_ERROR_INVALID, "sex",
                            _("Sex: the ID number belongs to a man"));
      else
        pd_set_field_error (error, PD_VALIDATION_ERROR_INVALID, "sex",
                            _("Sex: the ID number belongs to a woman"));
      return FALSE;
    }

  return TRUE;
}

/* ---- Unified social credit code ---------------------------------------- */

/* GB 32100-2015 leaves out I, O, S, V and Z so they cannot be confused with
 * 1, 0, 5, U and 2. */
static const char uscc_alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";

gboolean
pd_uscc_validate (const char *text,
                  char      **normalized,
                  GError    **error)
{
  g_autofree char *s = NULL;
  int sum = 0, weight = 1, check;
  glong n_chars;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  s = pd_validate_normalize_input (text);
  pd_validate_remove_ascii_chars (s, " \t\r\n-");
  for (char *p = s; *p != '\0'; p++)
    *p = g_ascii_toupper (*p);

  if (*s == '\0')
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_REQUIRED, "uscc",
                          _("Unified social credit code: required"));
      return FALSE;
    }

  n_chars = g_utf8_strlen (s, -1);
  if (n_chars != 18)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_INVALID, "uscc",
                          /* Translators: %d is the number of characters typed */
                          _("Unified social credit code: should be 18 characters, "
                            "not %d"),
                          (int) n_chars);
      return FALSE;
    }

  for (int i = 0; i < 18; i++)
    {
      const char *pos = s[i] != '\0' ? strchr (uscc_alphabet, s[i]) : NULL;

      if (pos == NULL)
        {
          const char *confusable = strchr ("IOSVZ", s[i]);

          if (confusable != NULL)
            pd_set_field_error (error, PD_VALIDATION_ERROR_INVALID, "uscc",
                                /* Translators: the first %c is a letter never used in
                                 * credit codes, the second the character probably meant */
                                _("Unified social credit code: the letter %c is never "
                                  "used — did you mean %c?"),
                                s[i], "105U2"[confusable - "IOSVZ"]);
          else
            pd_set_field_error (error, PD_VALIDATION_ERROR_INVALID, "uscc",
                                _("Unified social credit code: only digits and "
                                  "capital letters are allowed"));
          return FALSE;
        }
      if (i < 17)
        {
          sum += (int) (pos - uscc_alphabet) * weight;
          weight = weight * 3 % 31;
        }
    }

  check = (31 - sum % 31) % 31;
  if (uscc_alphabet[check] != s[17])
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_INVALID, "uscc",
                          /* Translators: the first %c is the correct last character,
                           * the second the one typed */
                          _("Unified social credit code: the check character should "
                            "be %c, not %c — please look for a typo"),
                          uscc_alphabet[check], s[17]);
      return FALSE;
    }

  if (normalized != NULL)
    *normalized = g_steal_pointer (&s);
  return TRUE;
}

void
pd_validate_set_required (GError    **error,
              const char *field,
              const char *label)
{
  pd_set_field_error (error, PD_VALIDATION_ERROR_REQUIRED, field,
                      /* Translators: %s is a field label such as "Mobile" */
                      _("%s: required"), label);
}

/* ---- Dates and areas ---------------------------------------------------- */

gboolean
pd_date_parse (const char *text,
               const char *field,
               const char *label,
               char      **iso_out,
               GError    **error)
{
  static GRegex *re;
  g_autofree char *s = NULL;
  g_autoptr (GMatchInfo) match = NULL;
  int year, month = 0, day = 0;

  g_return_val_if_fail (field != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (label == NULL)
    label = _("Date");

  s = pd_validate_normalize_input (text);
  pd_validate_remove_ascii_chars (s, " \t");
  if (*s == '\0')
    {
      pd_validate_set_required (error, field, label);
      return FALSE;
    }

  /* Groups: 1 year; 3/4 month/day with one repeated separator; 5/6 with
   * 年月日; 7/8 for the compact 20260105. */
  if (!g_regex_match (cached_regex (&re,
                                    "^([0-9]{4})(?:([-/.])([0-9]{1,2})\\2([0-9]{1,2})"
                                    "|年([0-9]{1,2})月([0-9]{1,2})[日号]?"
                                    "|([0-9]{2})([0-9]{2}))$"),
                      s, 0, &match))
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_INVALID, field,
                          /* Translators: the first %s is a field label such as
                           * "Birthday", the second what was typed */
                          _("%s: “%s” is not a date; type it like 2026-01-05"),
                          label, s);
      return FALSE;
    }

  for (int g = 3; g <= 7; g += 2)
    {
      g_autofree char *m = g_match_info_fetch (match, g);
      g_autofree char *d = g_match_info_fetch (match, g + 1);

      if (m != NULL && *m != '\0')
        {
          month = atoi (m);
          day = atoi (d);
          break;
        }
    }
  {
    g_autofree char *y = g_match_info_fetch (match, 1);

    year = atoi (y);
  }

  if (month < 1 || month > 12 || day < 1 || !g_date_valid_dmy (day, month, year))
    {
      g_autofree char *shown = g_strdup_printf ("%04d-%02d-%02d", year, month, day);

      pd_set_field_error (error, PD_VALIDATION_ERROR_INVALID, field,
                          /* Translators: the first %s is a field label such as
                           * "Birthday", the second a date such as 2026-02-30 */
                          _("%s: %s is not a real date"), label, shown);
      return FALSE;
    }

  /* Anything outside this range in an office file is a typo (1026, 3026). */
  if (year < 1900 || year > 2199)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_RANGE, field,
                          /* Translators: %s is a field label, %d a year */
                          _("%s: the year %d is out of range (1900 to 2199)"),
                          label, year);
      return FALSE;
    }

  if (iso_out != NULL)
    *iso_out = g_strdup_printf ("%04d-%02d-%02d", year, month, day);
  return TRUE;
}

gboolean
pd_area_parse (const char *text,
               const char *field,
               const char *label,
               double     *out,
               GError    **error)
{
  /* After NFKC, ㎡ and m² both read "m2". */
  static const char *const units[] = { "平方米", "平米", "平方", "平", "sqm", "m2" };
  static GRegex *re;
  g_autofree char *s = NULL;
  g_autofree char *shown = NULL;
  double value;

  g_return_val_if_fail (field != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (label == NULL)
    label = _("Area");

  s = pd_validate_normalize_input (text);
  shown = g_strdup (s);
  pd_validate_remove_ascii_chars (s, " \t");
  for (char *p = s; *p != '\0'; p++)
    *p = g_ascii_tolower (*p);

  if (*s == '\0')
    {
      pd_validate_set_required (error, field, label);
      return FALSE;
    }

  for (size_t i = 0; i < G_N_ELEMENTS (units); i++)
    if (g_str_has_suffix (s, units[i]))
      {
        s[strlen (s) - strlen (units[i])] = '\0';
        break;
      }

  /* Thousands separators only in their proper places, so "89,5" (a comma
   * typed as decimal point) is refused rather than read as 895. */
  if (!g_regex_match (cached_regex (&re,
                                    "^[-+]?([0-9]{1,3}(,[0-9]{3})+|[0-9]+)(\\.[0-9]+)?$"
                                    "|^[-+]?\\.[0-9]+$"),
                      s, 0, NULL))
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_INVALID, field,
                          /* Translators: the first %s is a field label such as
                           * "Gross area", the second what was typed */
                          _("%s: “%s” is not a number of square metres"),
                          label, shown);
      return FALSE;
    }

  pd_validate_remove_ascii_chars (s, ",");
  value = g_ascii_strtod (s, NULL);
  if (!(value > 0.0 && value < 100000.0))
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_RANGE, field,
                          /* Translators: the first %s is a field label such as
                           * "Gross area", the second what was typed */
                          _("%s: %s is out of range; it must be more than 0 and "
                            "less than 100000 m²"),
                          label, shown);
      return FALSE;
    }

  if (out != NULL)
    *out = value;
  return TRUE;
}

/* ---- Masking ------------------------------------------------------------ */

/* Keeps @head characters at the start and @tail at the end, one '*' for each
 * character in between, so the masked value keeps its shape. */
static char *
mask_chars (const char *text,
            glong       head,
            glong       tail)
{
  glong n = g_utf8_strlen (text, -1);
  GString *out = g_string_new (NULL);
  glong i = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p), i++)
    {
      if (i < head || i >= n - tail)
        g_string_append_unichar (out, g_utf8_get_char (p));
      else
        g_string_append_c (out, '*');
    }
  return g_string_free (out, FALSE);
}

/* Short values reveal at most half of themselves, so masking never leaves a
 * value whole. */
static char *
mask_value (const char *value,
            glong       long_len,
            glong       long_head)
{
  g_autofree char *s = NULL;
  glong n;

  if (value == NULL)
    return g_strdup ("");

  s = g_strstrip (g_utf8_make_valid (value, -1));
  n = g_utf8_strlen (s, -1);
  if (n >= long_len)
    return mask_chars (s, long_head, 4);
  return mask_chars (s, 0, n >= 8 ? 4 : n / 2);
}

char *
pd_mask_phone (const char *phone)
{
  /* 138****1234: the operator prefix identifies nobody. */
  return mask_value (phone, 11, 3);
}

char *
pd_mask_id (const char *id)
{
  /* 110101********0011: the region code is shown as on Chinese printouts;
   * the birth date, which identifies, is hidden. */
  return mask_value (id, 15, 6);
}

/* ---- Vehicle plates ----------------------------------------------------- */

gboolean
pd_plate_normalize (const char *text,
                    char      **normalized,
                    GError    **error)
{
  static GRegex *re;
  g_autofree char *s = NULL;
  g_autofree char *upper = NULL;
  GString *compact;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  s = pd_validate_normalize_input (text);
  /* Plates are printed and written as 京A·12345 or 京A-12345. */
  compact = g_string_new (NULL);
  for (const char *p = s; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == '.' || c == '-' || c == 0x00B7
          || c == 0x30FB || c == 0x2022 || c == 0x2027)
        continue;
      g_string_append_unichar (compact, c);
    }
  upper = g_utf8_strup (compact->str, -1);
  g_string_free (compact, TRUE);

  if (*upper == '\0')
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_REQUIRED, "plate",
                          _("Plate number: required"));
      return FALSE;
    }

  /* Province + issuing-office letter, then five characters (the last may be
   * 挂 trailer, 学 learner, 警 police, 港/澳 cross-border, 领 consulate) or
   * six for new-energy vehicles. */
  if (!g_regex_match (cached_regex (&re,
                                    "^[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼]"
                                    "[A-Z](?:[A-Z0-9]{5,6}|[A-Z0-9]{4}[挂学警港澳领])$"),
                      upper, 0, NULL))
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_INVALID, "plate",
                          /* Translators: %s is what was typed */
                          _("Plate number: “%s” is not a valid plate; it should look "
                            "like 京A12345, or 京AD12345 for a new-energy car"),
                          upper);
      return FALSE;
    }

  /* The ASCII part follows the province character (3 bytes in UTF-8). */
  if (strpbrk (upper + 3, "IO") != NULL)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_INVALID, "plate",
                          _("Plate number: the letters I and O are not used on "
                            "plates — did you mean 1 or 0?"));
      return FALSE;
    }

  if (normalized != NULL)
    *normalized = g_steal_pointer (&upper);
  return TRUE;
}

gboolean
pd_text_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (const char *c = text; *c != '\0'; c = g_utf8_next_char (c))
    {
      gunichar ch = g_utf8_get_char_validated (c, -1);

      /* Invalid UTF-8 is something typed, not blank; and stepping over it
       * could run past the end. */
      if (ch == (gunichar) -1 || ch == (gunichar) -2 || !g_unichar_isspace (ch))
        return FALSE;
    }
  return TRUE;
}
