/* pd-person.c — see pd-person.h. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stddef.h>

#include "pd-error.h"
#include "pd-person.h"
#include "pd-pinyin.h"
#include "pd-bulk.h"
#include "pd-validate.h"

/* One table drives reading, writing and copying, so a new column is added
 * in one place. */
static const struct
{
  const char *column;
  gsize       offset;
} person_fields[] = {
#define FIELD(name) { #name, G_STRUCT_OFFSET (PdPerson, name) }
  FIELD (kind), FIELD (name), FIELD (sex), FIELD (birthday), FIELD (id_type), FIELD (id_number),
  FIELD (mobile), FIELD (phone2), FIELD (address), FIELD (form_of_address), FIELD (language),
  FIELD (emergency_name), FIELD (emergency_phone), FIELD (preferences), FIELD (consent_on),
  FIELD (consent_note), FIELD (uscc), FIELD (legal_rep), FIELD (contact_person),
  FIELD (signatories), FIELD (archive_location), FIELD (docs_checked), FIELD (notes),
#undef FIELD
};

#define FIELD_PTR(person, i) G_STRUCT_MEMBER_P (person, person_fields[i].offset)

static const PdDocumentKind documents[] = {
  { "id_copy", N_("ID document copy") },
  { "purchase_contract", N_("Purchase contract") },
  { "move_in_notice", N_("Move-in notice") },
  { "power_of_attorney", N_("Power of attorney") },
  { "business_licence", N_("Business licence") },
};

const PdDocumentKind *
pd_person_documents (guint *n)
{
  *n = G_N_ELEMENTS (documents);
  return documents;
}

PdPerson *
pd_person_new (void)
{
  PdPerson *person = g_new0 (PdPerson, 1);

  for (guint i = 0; i < G_N_ELEMENTS (person_fields); i++)
    *(char **) FIELD_PTR (person, i) = g_strdup ("");
  g_free (person->kind);
  person->kind = g_strdup ("individual");
  g_free (person->id_type);
  person->id_type = g_strdup ("resident_id");
  return person;
}

void
pd_person_free (PdPerson *person)
{
  if (person == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (person_fields); i++)
    g_free (*(char **) FIELD_PTR (person, i));
  g_free (person);
}

PdPerson *
pd_person_copy (const PdPerson *person)
{
  PdPerson *copy = g_new0 (PdPerson, 1);

  copy->id = person->id;
  for (guint i = 0; i < G_N_ELEMENTS (person_fields); i++)
    *(char **) FIELD_PTR (copy, i) = g_strdup (*(char **) FIELD_PTR (person, i));
  return copy;
}

static void
replace (char **field,
         char  *value)
{
  g_free (*field);
  *field = value;
}

static void
strip_all (PdPerson *person)
{
  for (guint i = 0; i < G_N_ELEMENTS (person_fields); i++)
    {
      char **field = FIELD_PTR (person, i);
      if (*field == NULL)
        *field = g_strdup ("");
      g_strstrip (*field);
    }
}

static gboolean
validate_optional_phone (char      **value,
                         const char *field,
                         const char *label,
                         gboolean    mobile_only,
                         GError    **error)
{
  char *normalized = NULL;

  if (**value == '\0')
    return TRUE;
  if (mobile_only ? !pd_mobile_validate (*value, field, label, &normalized, error)
                  : !pd_phone_validate (*value, field, label, &normalized, error))
    return FALSE;
  replace (value, normalized);
  return TRUE;
}

static gboolean
validate_optional_date (char      **value,
                        const char *field,
                        const char *label,
                        GError    **error)
{
  char *iso = NULL;

  if (**value == '\0')
    return TRUE;
  if (!pd_date_parse (*value, field, label, &iso, error))
    return FALSE;
  replace (value, iso);
  return TRUE;
}

static gboolean
validate_identity (PdPerson *person,
                   GError  **error)
{
  if (g_str_equal (person->kind, "enterprise"))
    {
      char *uscc = NULL;
      if (*person->uscc != '\0')
        {
          if (!pd_uscc_validate (person->uscc, &uscc, error))
            return FALSE;
          replace (&person->uscc, uscc);
        }
      return TRUE;
    }
  if (*person->id_number == '\0')
    return TRUE;
  if (g_str_equal (person->id_type, "resident_id"))
    {
      g_autofree char *birthday = NULL;
      char *normalized = NULL;
      PdSex sex = PD_SEX_UNKNOWN;
      PdSex typed_sex = g_str_equal (person->sex, "M") ? PD_SEX_MALE
                        : g_str_equal (person->sex, "F") ? PD_SEX_FEMALE : PD_SEX_UNKNOWN;

      if (!pd_prc_id_parse (person->id_number, &normalized, &birthday, &sex, error))
        return FALSE;
      replace (&person->id_number, normalized);
      if (!pd_prc_id_cross_check (person->id_number, person->birthday, typed_sex, error))
        return FALSE;
      if (*person->birthday == '\0')
        replace (&person->birthday, g_steal_pointer (&birthday));
      if (*person->sex == '\0' && sex != PD_SEX_UNKNOWN)
        replace (&person->sex, g_strdup (sex == PD_SEX_MALE ? "M" : "F"));
      return TRUE;
    }
  if (g_utf8_strlen (person->id_number, -1) < 5 || g_utf8_strlen (person->id_number, -1) > 30)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_INVALID, "id_number",
                          _("ID number: a document number has 5 to 30 characters."));
      return FALSE;
    }
  return TRUE;
}

gboolean
pd_person_validate (PdPerson  *person,
                    GError   **error)
{
  static const char *const id_types[] = { "resident_id", "passport", "hk_macao_taiwan", "other" };
  gboolean id_type_ok = FALSE;

  strip_all (person);
  if (!g_str_equal (person->kind, "individual") && !g_str_equal (person->kind, "enterprise"))
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_INVALID, "kind",
                          _("Kind: choose individual or enterprise."));
      return FALSE;
    }
  if (*person->name == '\0')
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_REQUIRED, "name",
                          g_str_equal (person->kind, "enterprise") ? _("Company name: required.")
                                                                   : _("Name: required."));
      return FALSE;
    }
  if (g_utf8_strlen (person->name, -1) > 100)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_RANGE, "name",
                          _("Name: at most 100 characters."));
      return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (id_types); i++)
    id_type_ok |= g_str_equal (person->id_type, id_types[i]);
  if (!id_type_ok)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_INVALID, "id_type",
                          _("ID type: choose resident ID, passport, HK/Macao/Taiwan permit or other."));
      return FALSE;
    }
  if (!g_str_equal (person->sex, "") && !g_str_equal (person->sex, "M") && !g_str_equal (person->sex, "F"))
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_INVALID, "sex", _("Sex: choose male or female."));
      return FALSE;
    }
  return validate_optional_date (&person->birthday, "birthday", _("Birthday"), error) &&
         validate_identity (person, error) &&
         validate_optional_phone (&person->mobile, "mobile", _("Mobile"), TRUE, error) &&
         validate_optional_phone (&person->phone2, "phone2", _("Other phone"), FALSE, error) &&
         validate_optional_phone (&person->emergency_phone, "emergency_phone",
                                  _("Emergency contact phone"), FALSE, error) &&
         validate_optional_date (&person->consent_on, "consent_on", _("Consent date"), error);
}

/* Asked only when the database has refused a write: person_id_number and
 * person_uscc are UNIQUE, so the database keeps the numbers apart, and this
 * finds whose file has the number for the message.  Written this way, a
 * new person (an import writes one per row) costs no look-up. */
static gboolean
check_unique_identity (PdContext      *ctx,
                       const PdPerson *person,
                       GError        **error)
{
  gint64 other;

  if (*person->id_number != '\0')
    {
      other = pd_person_find_by_id_number (ctx, person->id_type, person->id_number);
      if (other != 0 && other != person->id)
        {
          g_autofree char *file = g_strdup_printf ("%" G_GINT64_FORMAT, other);
          pd_set_field_error (error, PD_VALIDATION_ERROR_DUPLICATE, "id_number",
                              /* Translators: %s is the number of the other person's file */
                              _("ID number: another person (file #%s) already has this number."), file);
          return FALSE;
        }
    }
  if (*person->uscc != '\0')
    {
      other = pd_database_query_int (pd_context_get_database (ctx),
                                     "SELECT id FROM person WHERE uscc = ? AND uscc <> ''", person->uscc, NULL);
      if (other > 0 && other != person->id)
        {
          g_autofree char *file = g_strdup_printf ("%" G_GINT64_FORMAT, other);
          pd_set_field_error (error, PD_VALIDATION_ERROR_DUPLICATE, "uscc",
                              /* Translators: %s is the number of the other enterprise's file */
                              _("Unified social credit code: another enterprise (file #%s) already has this code."), file);
          return FALSE;
        }
    }
  return TRUE;
}

/* The INSERT or UPDATE of every column in person_fields, then pinyin and
 * initials (and the id for an UPDATE).  Built once: the text depends only
 * on the static field table, and an import writes a person per row. */
static const char *
write_sql (gboolean insert)
{
  static char *sql[2];
  guint n = G_N_ELEMENTS (person_fields);

  if (g_once_init_enter (&sql[insert]))
    {
      GString *text = g_string_new (NULL);

      if (insert)
        {
          g_string_append (text, "INSERT INTO person (");
          for (guint i = 0; i < n; i++)
            g_string_append_printf (text, "%s, ", person_fields[i].column);
          g_string_append (text, "pinyin, initials) VALUES (");
          for (guint i = 0; i < n + 2; i++)
            g_string_append (text, i ? ", ?" : "?");
          g_string_append (text, ")");
        }
      else
        {
          g_string_append (text, "UPDATE person SET ");
          for (guint i = 0; i < n; i++)
            g_string_append_printf (text, "%s = ?, ", person_fields[i].column);
          g_string_append (text, "pinyin = ?, initials = ? WHERE id = ?");
        }
      g_once_init_leave (&sql[insert], g_string_free (text, FALSE));
    }
  return sql[insert];
}

static gboolean
write_person (PdContext *ctx,
              PdPerson  *person,
              gboolean   insert,
              GError   **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  g_autofree char *pinyin = NULL, *initials = NULL;
  g_autoptr (GError) write_error = NULL;
  sqlite3_stmt *stmt;
  guint n = G_N_ELEMENTS (person_fields);

  stmt = pd_database_prepare (database, write_sql (insert), error);
  if (stmt == NULL)
    return FALSE;
  pd_pinyin_of_name (person->name, &pinyin, &initials);
  for (guint i = 0; i < n; i++)
    pd_bind_text_uncopied (stmt, i + 1, *(char **) FIELD_PTR (person, i));
  pd_bind_text_uncopied (stmt, n + 1, pinyin);
  pd_bind_text_uncopied (stmt, n + 2, initials);
  if (!insert)
    sqlite3_bind_int64 (stmt, n + 3, person->id);
  if (!pd_database_step_done (database, stmt, &write_error))
    {
      if (pd_database_refused_duplicate (database) && !check_unique_identity (ctx, person, error))
        return FALSE;
      g_propagate_error (error, g_steal_pointer (&write_error));
      return FALSE;
    }
  if (insert)
    person->id = pd_database_last_insert_id (database);
  return pd_bulk_reindex (ctx, PD_BULK_PERSON, person->id, error);
}

gint64
pd_person_create (PdContext *ctx,
                  PdPerson  *person,
                  GError   **error)
{
  person->id = 0;
  if (!pd_person_validate (person, error))
    return -1;
  return pd_person_create_validated (ctx, person, error);
}

gint64
pd_person_create_validated (PdContext *ctx,
                            PdPerson  *person,
                            GError   **error)
{
  PdDatabase *database = pd_context_get_database (ctx);

  person->id = 0;
  if (!pd_database_begin (database, error))
    return -1;
  if (!write_person (ctx, person, TRUE, error) || !pd_database_commit (database, error))
    {
      pd_database_rollback (database);
      person->id = 0;
      return -1;
    }
  pd_context_notify_changed (ctx, "person");
  return person->id;
}

gboolean
pd_person_update (PdContext *ctx,
                  PdPerson  *person,
                  GError   **error)
{
  PdDatabase *database = pd_context_get_database (ctx);

  g_autoptr (PdPerson) stored = pd_person_get (ctx, person->id, error);

  if (stored == NULL || !pd_person_validate (person, error))
    return FALSE;
  if (!pd_database_begin (database, error))
    return FALSE;
  if (!write_person (ctx, person, FALSE, error) || !pd_database_commit (database, error))
    {
      pd_database_rollback (database);
      return FALSE;
    }
  pd_context_notify_changed (ctx, "person");
  return TRUE;
}

PdPerson *
pd_person_get (PdContext *ctx,
               gint64     person_id,
               GError   **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  g_autoptr (GString) sql = g_string_new ("SELECT id");
  PdPerson *person = NULL;
  sqlite3_stmt *stmt;

  for (guint i = 0; i < G_N_ELEMENTS (person_fields); i++)
    g_string_append_printf (sql, ", %s", person_fields[i].column);
  g_string_append (sql, " FROM person WHERE id = ?");
  stmt = pd_database_prepare (database, sql->str, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      person = g_new0 (PdPerson, 1);
      person->id = sqlite3_column_int64 (stmt, 0);
      for (guint i = 0; i < G_N_ELEMENTS (person_fields); i++)
        *(char **) FIELD_PTR (person, i) = g_strdup (pd_column_text (stmt, i + 1));
    }
  else
    {
      g_autofree char *file = g_strdup_printf ("%" G_GINT64_FORMAT, person_id);
      pd_set_field_error (error, PD_VALIDATION_ERROR_NOT_FOUND, "person",
                          _("Person: file #%s does not exist."), file);
    }
  sqlite3_reset (stmt);
  return person;
}

gint64
pd_person_find_by_id_number (PdContext  *ctx,
                             const char *id_type,
                             const char *id_number)
{
  PdDatabase *database = pd_context_get_database (ctx);
  sqlite3_stmt *stmt = pd_database_prepare (database,
    "SELECT id FROM person WHERE id_type = ? AND id_number = ? AND id_number <> ''", NULL);
  gint64 id = 0;

  if (stmt == NULL || id_number == NULL || *id_number == '\0')
    return 0;
  pd_bind_text_uncopied (stmt, 1, id_type);
  pd_bind_text_uncopied (stmt, 2, id_number);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

gint64
pd_person_find_by_name_mobile (PdContext  *ctx,
                               const char *name,
                               const char *mobile)
{
  PdDatabase *database = pd_context_get_database (ctx);
  sqlite3_stmt *stmt = pd_database_prepare (database,
    "SELECT id FROM person WHERE name = ? AND mobile = ? AND mobile <> ''", NULL);
  gint64 id = 0;

  if (stmt == NULL)
    return 0;
  pd_bind_text_uncopied (stmt, 1, name);
  pd_bind_text_uncopied (stmt, 2, mobile);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

const char *
pd_person_kind_label (const char *kind)
{
  if (g_strcmp0 (kind, "individual") == 0)
    return _("Individual");
  if (g_strcmp0 (kind, "enterprise") == 0)
    return _("Enterprise");
  return kind ? kind : "";
}

const char *
pd_person_sex_label (const char *sex)
{
  if (g_strcmp0 (sex, "M") == 0)
    return _("Male");
  if (g_strcmp0 (sex, "F") == 0)
    return _("Female");
  return sex ? sex : "";
}

const char *
pd_person_id_type_label (const char *id_type)
{
  if (g_strcmp0 (id_type, "resident_id") == 0)
    return _("Resident ID card");
  if (g_strcmp0 (id_type, "passport") == 0)
    return _("Passport");
  if (g_strcmp0 (id_type, "hk_macao_taiwan") == 0)
    return _("HK/Macao/Taiwan permit");
  if (g_strcmp0 (id_type, "other") == 0)
    return _("Other document");
  return id_type ? id_type : "";
}

char *
pd_person_documents_label (const char *docs_checked)
{
  g_auto (GStrv) keys = g_strsplit (docs_checked ? docs_checked : "", ",", -1);
  GString *text = g_string_new (NULL);

  for (guint i = 0; keys[i] != NULL; i++)
    {
      const char *label = g_strstrip (keys[i]);

      if (*label == '\0')
        continue;
      for (guint d = 0; d < G_N_ELEMENTS (documents); d++)
        if (g_str_equal (documents[d].key, label))
          label = _(documents[d].label);
      g_string_append_printf (text, "%s%s", text->len ? "、" : "", label);
    }
  return g_string_free (text, FALSE);
}
