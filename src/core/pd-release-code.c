/* pd-release-code.c — see pd-release-code.h. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-error.h"
#include "pd-release-code.h"

#define SECRET_NAME "release_slip_hmac"
#define CODE_BYTES 5 /* 40 bits: 8 base-32 characters */

/* Crockford's base 32: no I, L, O or U, so nothing is misread when typed. */
static const char alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

static GBytes *
read_secret (PdDatabase  *database,
             GError     **error)
{
  sqlite3_stmt *stmt = pd_database_prepare (database,
    "SELECT value FROM office_secret WHERE name = ?", error);
  GBytes *secret = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  pd_bind_text (stmt, 1, SECRET_NAME);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_bytes (stmt, 0) >= 16)
    secret = g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
  else if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    pd_database_set_error (database, _("Reading the office secret failed"), error);
  sqlite3_reset (stmt);
  return secret;
}

static GBytes *
office_secret (PdContext  *ctx,
               GError    **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  GError *local = NULL;
  GBytes *secret = read_secret (database, &local);
  sqlite3_stmt *stmt;

  if (secret != NULL || local != NULL)
    {
      if (local != NULL)
        g_propagate_error (error, local);
      return secret;
    }
  /* 007-release.sql creates the secret; a database whose row was removed
   * gets a new one rather than an unkeyed code. */
  stmt = pd_database_prepare (database,
    "INSERT OR REPLACE INTO office_secret (name, value) VALUES (?, randomblob (32))", error);
  if (stmt == NULL)
    return NULL;
  pd_bind_text (stmt, 1, SECRET_NAME);
  if (!pd_database_step_done (database, stmt, error))
    return NULL;
  secret = read_secret (database, error);
  if (secret == NULL && error != NULL && *error == NULL)
    pd_database_set_error (database, _("Reading the office secret failed"), error);
  return secret;
}

static void
append_field (GString    *text,
              const char *value)
{
  /* Fields hold no control characters (issue cleans them), so the unit
   * separator cannot be forged by moving text from one field to another. */
  g_string_append (text, value ? value : "");
  g_string_append_c (text, '\x1f');
}

/* Everything the slip prints, in a fixed order.  The estate's name is left
 * out on purpose: renaming the estate must not invalidate slips in hand. */
static char *
canonical_content (const PdReleaseSlip *slip)
{
  GString *text = g_string_new ("PDRS1\x1f");
  g_autofree char *estate = g_strdup_printf ("%" G_GINT64_FORMAT, slip->estate_id);

  append_field (text, estate);
  append_field (text, slip->serial);
  append_field (text, slip->unit_code);
  append_field (text, slip->applicant_name);
  append_field (text, slip->applicant_role);
  append_field (text, slip->reason);
  append_field (text, slip->reason_note);
  append_field (text, slip->owner_confirm_name);
  append_field (text, slip->owner_confirm_method);
  append_field (text, slip->owner_confirm_at);
  append_field (text, slip->fees_cashier);
  append_field (text, slip->fees_cleared_at);
  append_field (text, slip->carrier_name);
  append_field (text, slip->carrier_id_number);
  append_field (text, slip->plate);
  append_field (text, slip->valid_on);
  append_field (text, slip->issued_at);
  append_field (text, slip->issued_by);
  for (guint i = 0; slip->items != NULL && i < slip->items->len; i++)
    {
      const PdReleaseItem *item = g_ptr_array_index (slip->items, i);
      g_autofree char *quantity = g_strdup_printf ("%d", item->quantity);

      g_string_append_c (text, '\x1e');
      append_field (text, item->name);
      append_field (text, quantity);
      append_field (text, item->note);
    }
  return g_string_free (text, FALSE);
}

char *
pd_release_code_compute (PdContext           *ctx,
                         const PdReleaseSlip *slip,
                         GError             **error)
{
  g_autoptr (GBytes) secret = NULL;
  g_autoptr (GHmac) hmac = NULL;
  g_autofree char *content = NULL;
  guint8 digest[32];
  gsize digest_len = sizeof digest;
  guint64 bits = 0;
  char code[10];

  g_return_val_if_fail (slip != NULL && slip->serial != NULL, NULL);

  secret = office_secret (ctx, error);
  if (secret == NULL)
    return NULL;
  hmac = g_hmac_new (G_CHECKSUM_SHA256, g_bytes_get_data (secret, NULL), g_bytes_get_size (secret));
  content = canonical_content (slip);
  g_hmac_update (hmac, (const guchar *) content, -1);
  g_hmac_get_digest (hmac, digest, &digest_len);

  for (int i = 0; i < CODE_BYTES; i++)
    bits = bits << 8 | digest[i];
  for (int i = 0, out = 0; i < 8; i++)
    {
      if (i == 4)
        code[out++] = '-';
      code[out++] = alphabet[(bits >> (35 - 5 * i)) & 31];
    }
  code[9] = '\0';
  return g_strdup (code);
}

/* What people type or a scanner sends, in the canonical "ABCD-EFGH" form;
 * NULL when it cannot be a code. */
static char *
normalise_typed (const char *typed)
{
  g_autofree char *nfkc = typed ? g_utf8_normalize (typed, -1, G_NORMALIZE_NFKC) : NULL;
  GString *code = g_string_new (NULL);

  for (const char *p = nfkc ? nfkc : ""; *p != '\0'; p++)
    {
      char c = g_ascii_toupper (*p);

      if (c == ' ' || c == '-')
        continue;
      if (c == 'O')
        c = '0';
      else if (c == 'I' || c == 'L')
        c = '1';
      if (strchr (alphabet, c) == NULL || c == '\0')
        {
          g_string_free (code, TRUE);
          return NULL;
        }
      g_string_append_c (code, c);
      if (code->len == 4)
        g_string_append_c (code, '-');
    }
  if (code->len != 9)
    {
      g_string_free (code, TRUE);
      return NULL;
    }
  return g_string_free (code, FALSE);
}

gboolean
pd_release_code_verify (PdContext           *ctx,
                        const PdReleaseSlip *slip,
                        const char          *typed,
                        GError             **error)
{
  g_autofree char *expected = NULL;
  g_autofree char *given = normalise_typed (typed);

  if (given == NULL)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_INVALID, "code",
                          /* Translators: %s is what was typed */
                          _("Verification code: “%s” is not a code of the form ABCD-EFGH."),
                          typed ? typed : "");
      return FALSE;
    }
  expected = pd_release_code_compute (ctx, slip, error);
  if (expected == NULL)
    return FALSE;
  if (strcmp (expected, given) != 0)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_INVALID, "code",
                          /* Translators: %s is a code, the second %s a serial number */
                          _("Verification code: %s does not belong to slip %s. The slip may have been "
                            "retyped or altered; do not let the goods out."),
                          given, slip->serial);
      return FALSE;
    }
  return TRUE;
}

char *
pd_release_code_payload (const PdReleaseSlip *slip,
                         const char          *code)
{
  return g_strdup_printf ("PDRS:%s:%s", slip->serial, code);
}
