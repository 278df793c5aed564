/* Mobile and landline numbers: accepted as staff and spreadsheets write
 * them, stored in one normalised form that reads back as itself. */
#include "pd-validate.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "pd-error.h"
#include "pd-validate-private.h"

/* ---- Phones ------------------------------------------------------------- */

/* Drops a +86 / 0086 country prefix; spreadsheets often eat the "+", so a
 * bare 86 in front of an 11-digit mobile counts too.  Returns whether a
 * prefix was removed. */
static gboolean
strip_country_prefix (char *s)
{
  size_t skip = 0;

  if (g_str_has_prefix (s, "+86"))
    skip = 3;
  else if (g_str_has_prefix (s, "0086"))
    skip = 4;
  else if (g_str_has_prefix (s, "861") && strlen (s) == 13 && pd_validate_all_ascii_digits (s))
    skip = 2;
  if (skip == 0)
    return FALSE;
  memmove (s, s + skip, strlen (s + skip) + 1);
  return TRUE;
}

/* @s has spaces, dashes and parentheses removed. */
static gboolean
is_mobile (const char *s)
{
  return strlen (s) == 11 && pd_validate_all_ascii_digits (s)
         && s[0] == '1' && s[1] >= '3' && s[1] <= '9';
}

gboolean
pd_mobile_validate (const char *text,
                    const char *field,
                    const char *label,
                    char      **normalized,
                    GError    **error)
{
  g_autofree char *s = NULL;
  g_autofree char *shown = NULL;

  g_return_val_if_fail (field != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (label == NULL)
    label = _("Mobile");

  s = pd_validate_normalize_input (text);
  shown = g_strdup (s);
  pd_validate_remove_ascii_chars (s, " \t-()");
  strip_country_prefix (s);

  if (*s == '\0')
    {
      pd_validate_set_required (error, field, label);
      return FALSE;
    }

  if (!is_mobile (s))
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_INVALID, field,
                          /* Translators: the first %s is a field label such as
                           * "Mobile", the second what was typed */
                          _("%s: “%s” is not a mainland mobile number (11 digits "
                            "starting with 13 to 19)"),
                          label, shown);
      return FALSE;
    }

  if (normalized != NULL)
    *normalized = g_steal_pointer (&s);
  return TRUE;
}

/* Finds an extension marker ("转", "分机", "ext", "x", "#") and cuts the
 * string there; returns the extension text or NULL. */
static char *
split_extension (char *s)
{
  static const char *const markers[] = { "转", "分机", "ext.", "ext", "x", "#" };
  g_autofree char *lower = g_ascii_strdown (s, -1);
  const char *first = NULL;
  size_t marker_len = 0;
  char *ext;

  for (size_t i = 0; i < G_N_ELEMENTS (markers); i++)
    {
      const char *hit = strstr (lower, markers[i]);

      if (hit != NULL && (first == NULL || hit < first))
        {
          first = hit;
          marker_len = strlen (markers[i]);
        }
    }
  if (first == NULL)
    return NULL;

  ext = g_strdup (s + (first - lower) + marker_len);
  s[first - lower] = '\0';
  pd_validate_remove_ascii_chars (ext, " \t-:.");
  return ext;
}

/* Mainland area codes are 010 and 02x (three digits) or four digits. */
static size_t
area_code_length (const char *digits)
{
  if (g_str_has_prefix (digits, "010") || g_str_has_prefix (digits, "02"))
    return 3;
  return 4;
}

/* The nationwide service numbers: 400 or 800 and ten digits in all, in
 * @n_groups groups of which the first is @first_group_length digits long.
 * Written in groups, the first is the 400 or 800 (or one more digit):
 * 80006800-06 is an eight-digit number and its extension, not 8000680006. */
static gboolean
is_service_number (const char *digits,
                   guint       n_groups,
                   size_t      first_group_length)
{
  return strlen (digits) == 10 && (g_str_has_prefix (digits, "400") || g_str_has_prefix (digits, "800")) &&
         (n_groups == 1 || first_group_length <= 4);
}

static gboolean
parse_landline (char  *s,
                char **normalized)
{
  g_autofree char *ext = NULL;
  g_autofree char *area = NULL;
  g_autoptr (GString) local = g_string_new (NULL);
  g_auto (GStrv) groups = NULL;
  guint n_groups, first_local;

  ext = split_extension (s);
  if (ext != NULL && (strlen (ext) < 1 || strlen (ext) > 6 || !pd_validate_all_ascii_digits (ext)))
    return FALSE;

  pd_validate_remove_ascii_chars (s, " \t(");
  /* "(010)12345678": the closing parenthesis ends the area code. */
  g_strdelimit (s, ")", '-');

  if (strip_country_prefix (s))
    {
      /* The international form drops the trunk 0: +86 10 12345678. */
      const char *rest = s;
      g_autofree char *with_zero = NULL;

      while (*rest == '-')
        rest++;
      with_zero = g_strconcat (*rest == '0' ? "" : "0", rest, NULL);
      groups = g_strsplit (with_zero, "-", -1);
    }
  else
    groups = g_strsplit (s, "-", -1);

  /* Drop empty groups left by "--" or a trailing dash. */
  {
    guint w = 0;

    for (guint r = 0; groups[r] != NULL; r++)
      {
        if (*groups[r] == '\0')
          g_free (groups[r]);
        else
          groups[w++] = groups[r];
      }
    groups[w] = NULL;
    n_groups = w;
  }

  if (n_groups == 0)
    return FALSE;
  for (guint i = 0; i < n_groups; i++)
    if (!pd_validate_all_ascii_digits (groups[i]))
      return FALSE;

  /* Service numbers: 400-123-4567, 800 8101 888. */
  {
    g_autofree char *joined = g_strjoinv ("", groups);

    if (is_service_number (joined, n_groups, strlen (groups[0])))
      {
        *normalized = ext ? g_strdup_printf ("%s-%s", joined, ext)
                          : g_steal_pointer (&joined);
        return TRUE;
      }
  }
  /* A service number and a last group of at most six digits: the extension,
   * as in our own normalised form 4001234567-89 of 400-123-4567转89, which
   * must read back as itself. */
  if (ext == NULL && n_groups >= 2 && strlen (groups[n_groups - 1]) <= 6)
    {
      char *last = groups[n_groups - 1];
      g_autofree char *head = NULL;

      groups[n_groups - 1] = NULL;
      head = g_strjoinv ("", groups);
      groups[n_groups - 1] = last;
      if (is_service_number (head, n_groups - 1, strlen (groups[0])))
        {
          *normalized = g_strdup_printf ("%s-%s", head, last);
          return TRUE;
        }
    }

  first_local = 0;
  if (groups[0][0] == '0')
    {
      if (n_groups > 1)
        {
          area = g_strdup (groups[0]);
          first_local = 1;
        }
      else
        {
          size_t len = area_code_length (groups[0]);

          if (strlen (groups[0]) <= len)
            return FALSE;
          area = g_strndup (groups[0], len);
          g_string_append (local, groups[0] + len);
          first_local = 1;
        }
    }

  /* A last group of at most six digits after a complete 7–8 digit number is
   * an extension: 010-12345678-8001, which is also our normalised form. */
  if (ext == NULL && n_groups - first_local >= 2)
    {
      size_t rest = 0;

      for (guint i = first_local; i + 1 < n_groups; i++)
        rest += strlen (groups[i]);
      if (rest >= 7 && rest <= 8 && strlen (groups[n_groups - 1]) <= 6)
        {
          ext = g_strdup (groups[n_groups - 1]);
          g_free (groups[n_groups - 1]);
          groups[--n_groups] = NULL;
        }
    }

  for (guint i = first_local; i < n_groups; i++)
    g_string_append (local, groups[i]);

  if (area != NULL
      && (strlen (area) < 3 || strlen (area) > 4 || area[1] == '0'))
    return FALSE;
  /* A leading 0 in the local part is a misplaced area code.  Without an
   * area code a leading 1 is a mistyped mobile number: accepting it would
   * give "1512390-0021", which reads back as the mobile 15123900021. */
  if (local->len < 7 || local->len > 8 || local->str[0] == '0'
      || (area == NULL && local->str[0] == '1'))
    return FALSE;

  {
    GString *out = g_string_new (NULL);

    if (area != NULL)
      g_string_append_printf (out, "%s-", area);
    g_string_append (out, local->str);
    if (ext != NULL)
      g_string_append_printf (out, "-%s", ext);
    *normalized = g_string_free (out, FALSE);
  }
  return TRUE;
}

gboolean
pd_phone_validate (const char *text,
                   const char *field,
                   const char *label,
                   char      **normalized,
                   GError    **error)
{
  g_autofree char *s = NULL;
  g_autofree char *compact = NULL;
  g_autofree char *result = NULL;

  g_return_val_if_fail (field != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (label == NULL)
    label = _("Phone");

  s = pd_validate_normalize_input (text);
  if (*s == '\0')
    {
      pd_validate_set_required (error, field, label);
      return FALSE;
    }

  compact = g_strdup (s);
  pd_validate_remove_ascii_chars (compact, " \t-()");
  strip_country_prefix (compact);
  if (is_mobile (compact))
    result = g_steal_pointer (&compact);
  else
    {
      g_autofree char *work = g_strdup (s);
      g_autofree char *reread = NULL;

      /* A landline whose normalised form reads back as something else is
       * ambiguous: refuse it rather than store a number that changes
       * meaning when it is read again.  Its digits without the dashes may
       * make a mobile number ("-86 13812-转3-18233" gives 8613812-318233,
       * which is +86 13812318233), or it may read as another landline. */
      if (parse_landline (work, &result))
        {
          g_autofree char *copy = g_strdup (result);   /* parse_landline edits its text */
          g_autofree char *again = NULL;

          reread = g_strdup (result);
          pd_validate_remove_ascii_chars (reread, "-");
          strip_country_prefix (reread);
          if (is_mobile (reread) || !parse_landline (copy, &again) || !g_str_equal (again, result))
            g_clear_pointer (&result, g_free);
        }
      if (result == NULL)
        {
          pd_set_field_error (error, PD_VALIDATION_ERROR_INVALID, field,
                              /* Translators: the first %s is a field label such as
                               * "Emergency contact phone", the second what was typed */
                              _("%s: “%s” is not a valid phone number; enter a mobile "
                                "number or a landline such as 010-12345678"),
                              label, s);
          return FALSE;
        }
    }

  if (normalized != NULL)
    *normalized = g_steal_pointer (&result);
  return TRUE;
}
