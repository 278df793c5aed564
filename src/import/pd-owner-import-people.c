/* pd-owner-import-people.c — see pd-owner-import-people.h.
 *
 * Each identity is a key of its own table: the ID type and number, the
 * credit code, the name and mobile, joined with a separator no validated
 * field holds (U+001F).  An empty number, code or mobile identifies nobody,
 * as in the queries this replaces ("… AND id_number <> ''"). */
#include "config.h"

#include "pd-owner-import-people.h"

struct _PdImportPeople
{
  GHashTable *by_id_number;    /* "type\x1fnumber" → gint64 * */
  GHashTable *by_uscc;         /* code → gint64 * */
  GHashTable *by_name_mobile;  /* "name\x1fmobile" → gint64 * */
};

#define SEPARATOR "\x1f"

static GHashTable *
table_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

PdImportPeople *
pd_import_people_new (void)
{
  PdImportPeople *people = g_new0 (PdImportPeople, 1);

  people->by_id_number = table_new ();
  people->by_uscc = table_new ();
  people->by_name_mobile = table_new ();
  return people;
}

void
pd_import_people_free (PdImportPeople *people)
{
  if (people == NULL)
    return;
  g_hash_table_unref (people->by_id_number);
  g_hash_table_unref (people->by_uscc);
  g_hash_table_unref (people->by_name_mobile);
  g_free (people);
}

void
pd_import_people_clear (PdImportPeople *people)
{
  g_hash_table_remove_all (people->by_id_number);
  g_hash_table_remove_all (people->by_uscc);
  g_hash_table_remove_all (people->by_name_mobile);
}

/* Takes @key.  The lowest id stays: a query reads the index in rowid order
 * among equal keys, and two people can come to share a name and mobile
 * when the first gains the mobile later. */
static void
note (GHashTable *table,
      char       *key,
      gint64      id)
{
  gint64 *known = g_hash_table_lookup (table, key);

  if (known != NULL)
    {
      *known = MIN (*known, id);
      g_free (key);
    }
  else
    g_hash_table_insert (table, key, g_memdup2 (&id, sizeof id));
}

static gint64
find (GHashTable *table,
      const char *key)
{
  gint64 *id = g_hash_table_lookup (table, key);

  return id != NULL ? *id : 0;
}

static char *
pair (const char *first,
      const char *second)
{
  return g_strconcat (first ? first : "", SEPARATOR, second, NULL);
}

void
pd_import_people_add (PdImportPeople *people,
                      const PdPerson *person)
{
  g_return_if_fail (person->id > 0);

  if (person->id_number != NULL && *person->id_number != '\0')
    note (people->by_id_number, pair (person->id_type, person->id_number), person->id);
  if (person->uscc != NULL && *person->uscc != '\0')
    note (people->by_uscc, g_strdup (person->uscc), person->id);
  if (person->mobile != NULL && *person->mobile != '\0')
    note (people->by_name_mobile, pair (person->name, person->mobile), person->id);
}

/* The id noted under @first and @second; 0 when @second is empty, as it
 * identifies nobody. */
static gint64
find_pair (GHashTable *table,
           const char *first,
           const char *second)
{
  g_autofree char *key = NULL;

  if (second == NULL || *second == '\0')
    return 0;
  key = pair (first, second);
  return find (table, key);
}

gint64
pd_import_people_find_by_id_number (PdImportPeople *people,
                                    const char     *id_type,
                                    const char     *id_number)
{
  return find_pair (people->by_id_number, id_type, id_number);
}

gint64
pd_import_people_find_by_uscc (PdImportPeople *people,
                               const char     *uscc)
{
  if (uscc == NULL || *uscc == '\0')
    return 0;
  return find (people->by_uscc, uscc);
}

gint64
pd_import_people_find_by_name_mobile (PdImportPeople *people,
                                      const char     *name,
                                      const char     *mobile)
{
  return find_pair (people->by_name_mobile, name, mobile);
}
