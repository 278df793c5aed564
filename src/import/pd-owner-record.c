/* pd-owner-record.c — see pd-owner-record.h.
 *
 * Cell values are checked with the core validators; what is added here is
 * only the ledger's vocabulary (the words offices type for a sex, a role, a
 * unit state …) and the checks that need to see the whole file.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pd-error.h"
#include "pd-estate.h"
#include "pd-owner-record.h"
#include "pd-unit-role.h"
#include "pd-validate.h"

void
pd_owner_record_free (PdOwnerRecord *record)
{
  if (record == NULL)
    return;
  g_free (record->unit_code);
  g_clear_pointer (&record->person, pd_person_free);
  g_free (record->role);
  g_free (record->relation);
  g_free (record->lease_start);
  g_free (record->lease_end);
  g_free (record->layout);
  g_free (record->use);
  g_free (record->state);
  g_clear_pointer (&record->plates, g_ptr_array_unref);
  g_clear_error (&record->error);
  g_free (record);
}

/* ---- vocabulary -------------------------------------------------------- */

typedef struct
{
  const char *key;
  const char *words;   /* normalised, '|'-separated */
} Word;

static const Word id_type_words[] = {
  { "resident_id", "居民身份证|身份证|二代身份证|身份证件|居民身份证件|residentid|idcard|prcid" },
  { "passport", "护照|passport" },
  { "hk_macao_taiwan", "港澳台通行证|港澳通行证|台湾通行证|台胞证|回乡证|港澳居民来往内地通行证|"
                       "台湾居民来往大陆通行证|港澳台居民居住证|hkmacaotaiwan|hkmacaotaiwanpermit" },
  { "other", "其他|其它|军官证|外国人永久居留身份证|other" },
  /* An enterprise's "证件" is its business licence: the number is the USCC. */
  { "enterprise", "营业执照|统一社会信用代码|企业|单位|enterprise|businesslicence|businesslicense|uscc" },
};

static const Word sex_words[] = {
  { "M", "男|男性|先生|m|male|man" },
  { "F", "女|女性|女士|f|female|woman" },
};

static const Word role_words[] = {
  { "owner", "业主|产权人|共有人|房主|户主|owner|coowner" },
  { "member", "家庭成员|成员|家属|同住人|member|householdmember|family|familymember" },
  { "tenant", "租户|承租人|租客|tenant|renter|lessee" },
};

static const Word use_words[] = {
  { "residential", "住宅|住房|居住|住宅用房|residential|residence|home" },
  { "shop", "商铺|商业|商用|底商|门面|门市|shop|retail|commercial" },
  { "office", "办公|写字楼|办公用房|office" },
};

static const Word state_words[] = {
  { "unsold", "未售|待售|unsold" },
  { "vacant", "空置|空置房|闲置|vacant|empty" },
  { "handed_over", "已交房|已交付|交房|已收房|handedover" },
  { "renovating", "装修中|装修|正在装修|renovating|renovation" },
  { "occupied", "已入住|入住|自住|居住|occupied" },
  { "rented", "已出租|出租|出租中|rented|let" },
};

/* The key whose words (or whose label in the user's language, from
 * @label_of) contain @text; NULL when none does. */
static const char *
lookup_word (const Word  *words,
             guint        n_words,
             const char *(*label_of) (const char *key),
             const char  *text)
{
  g_autofree char *norm = pd_owner_normalise_name (text);

  for (guint i = 0; i < n_words; i++)
    {
      g_auto (GStrv) list = g_strsplit (words[i].words, "|", -1);
      g_autofree char *label = label_of ? pd_owner_normalise_name (label_of (words[i].key)) : NULL;

      if (g_strv_contains ((const char *const *) list, norm) || g_strcmp0 (label, norm) == 0 ||
          g_strcmp0 (words[i].key, norm) == 0)
        return words[i].key;
    }
  return NULL;
}

/* ---- one row ----------------------------------------------------------- */

/* The trimmed text of @field's column ("" when not mapped). */
static char *
cell (PdLedgerTable        *table,
      guint                 row,
      const PdOwnerMapping *mapping,
      PdOwnerField          field)
{
  int col = pd_owner_mapping_find (mapping, field);
  const char *text = col < 0 ? NULL : pd_ledger_table_get_cell (table, row, (guint) col);
  GString *out;
  const char *start, *end;

  if (text == NULL)
    return g_strdup ("");
  /* g_strstrip knows only ASCII blanks; ledgers carry U+3000 and NBSP too. */
  start = text;
  while (*start && (g_unichar_isspace (g_utf8_get_char (start)) || g_utf8_get_char (start) == 0x3000))
    start = g_utf8_next_char (start);
  end = start + strlen (start);
  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);
      gunichar c = g_utf8_get_char (prev);
      if (!g_unichar_isspace (c) && c != 0x3000)
        break;
      end = prev;
    }
  out = g_string_new_len (start, end - start);
  return g_string_free (out, FALSE);
}

static void
set_text (char **field,
          char  *value)
{
  g_free (*field);
  *field = value;
}

/* The unit code, composed from building and entrance columns when the
 * room column holds only the room. */
static gboolean
parse_unit_code (PdLedgerTable        *table,
                 guint                 row,
                 const PdOwnerMapping *mapping,
                 PdOwnerRecord        *record,
                 GError              **error)
{
  g_autofree char *code = cell (table, row, mapping, PD_OWNER_FIELD_UNIT_CODE);
  g_autofree char *building = cell (table, row, mapping, PD_OWNER_FIELD_BUILDING);
  g_autofree char *entrance = cell (table, row, mapping, PD_OWNER_FIELD_ENTRANCE);

  if (*code == '\0')
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_REQUIRED, "unit_code", _("Unit code: required."));
      return FALSE;
    }
  if (*building != '\0' && *entrance != '\0' &&
      !pd_unit_code_parse (code, NULL, NULL, NULL, NULL, NULL))
    {
      /* "3号楼" + "2单元" + "1201": the parts' own words are dropped. */
      GString *composed = g_string_new (NULL);
      const char *parts[] = { building, entrance, code };

      for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
        {
          if (i > 0)
            g_string_append_c (composed, '-');
          for (const char *p = parts[i]; *p; p++)
            if (g_ascii_isalnum (*p))
              g_string_append_c (composed, *p);
        }
      g_free (code);
      code = g_string_free (composed, FALSE);
    }
  return pd_unit_code_parse (code, &record->unit_code, NULL, NULL, NULL, error);
}

static gboolean
parse_word (const char  *text,
            const Word  *words,
            guint        n_words,
            const char *(*label_of) (const char *key),
            char       **out,
            GError     **error,
            const char  *field,
            const char  *message)
{
  const char *key;

  if (*text == '\0')
    return TRUE;
  key = lookup_word (words, n_words, label_of, text);
  if (key == NULL)
    {
      /* @message is a translated format with one %s for the cell. */
      pd_set_field_error (error, PD_VALIDATION_ERROR_INVALID, field, message, text);
      return FALSE;
    }
  set_text (out, g_strdup (key));
  return TRUE;
}

#define CELL(field) g_autofree char *field##_text = cell (table, row, mapping, PD_OWNER_FIELD_##field)

static gboolean
parse_person (PdLedgerTable        *table,
              guint                 row,
              const PdOwnerMapping *mapping,
              PdOwnerRecord        *record,
              GError              **error)
{
  g_autoptr (PdPerson) person = pd_person_new ();
  g_autofree char *id_type = NULL;
  CELL (NAME); CELL (ID_TYPE); CELL (ID_NUMBER); CELL (USCC); CELL (MOBILE); CELL (PHONE2);
  CELL (SEX); CELL (BIRTHDAY); CELL (ADDRESS); CELL (EMERGENCY_NAME); CELL (EMERGENCY_PHONE);
  CELL (NOTES);

  /* A row with nobody on it describes the unit only (an unsold unit). */
  if (*NAME_text == '\0' && *ID_NUMBER_text == '\0' && *USCC_text == '\0' && *MOBILE_text == '\0')
    return TRUE;
  record->has_person = TRUE;

  set_text (&person->name, g_strdup (NAME_text));
  set_text (&person->id_number, g_strdup (ID_NUMBER_text));
  set_text (&person->uscc, g_strdup (USCC_text));
  set_text (&person->mobile, g_strdup (MOBILE_text));
  set_text (&person->phone2, g_strdup (PHONE2_text));
  set_text (&person->birthday, g_strdup (BIRTHDAY_text));
  set_text (&person->address, g_strdup (ADDRESS_text));
  set_text (&person->emergency_name, g_strdup (EMERGENCY_NAME_text));
  set_text (&person->emergency_phone, g_strdup (EMERGENCY_PHONE_text));
  set_text (&person->notes, g_strdup (NOTES_text));

  if (!parse_word (ID_TYPE_text, id_type_words, G_N_ELEMENTS (id_type_words), NULL, &id_type, error,
                   "id_type",
                   _("ID type: “%s” is not a known document; write 居民身份证, 护照, 港澳台通行证, 营业执照 or 其他.")) ||
      !parse_word (SEX_text, sex_words, G_N_ELEMENTS (sex_words), NULL, &person->sex, error, "sex",
                   _("Sex: “%s” is neither male (男) nor female (女).")))
    return FALSE;

  if (g_strcmp0 (id_type, "enterprise") == 0 || *USCC_text != '\0')
    {
      set_text (&person->kind, g_strdup ("enterprise"));
      if (g_strcmp0 (id_type, "enterprise") == 0 && *USCC_text == '\0')
        set_text (&person->uscc, g_steal_pointer (&person->id_number));
      else if (*ID_NUMBER_text != '\0')
        {
          pd_set_field_error (error, PD_VALIDATION_ERROR_INVALID, "id_number",
                              _("ID number: an enterprise is identified by its unified social credit code, not by a personal ID number."));
          return FALSE;
        }
      if (person->id_number == NULL)
        person->id_number = g_strdup ("");
    }
  else if (id_type != NULL)
    set_text (&person->id_type, g_steal_pointer (&id_type));

  /* 联系电话 often holds a landline: it is the other phone then, as long
   * as the ledger has no other phone of its own for this person. */
  if (*person->mobile != '\0' && *person->phone2 == '\0' &&
      !pd_mobile_validate (person->mobile, "mobile", NULL, NULL, NULL) &&
      pd_phone_validate (person->mobile, "phone2", NULL, NULL, NULL))
    {
      set_text (&person->phone2, person->mobile);
      person->mobile = g_strdup ("");
    }

  if (!pd_person_validate (person, error))
    return FALSE;
  record->person = g_steal_pointer (&person);
  return TRUE;
}

static gboolean
parse_unit (PdLedgerTable        *table,
            guint                 row,
            const PdOwnerMapping *mapping,
            PdOwnerRecord        *record,
            GError              **error)
{
  CELL (GROSS_AREA); CELL (INNER_AREA); CELL (LAYOUT); CELL (USE); CELL (STATE);

  if (*GROSS_AREA_text != '\0' &&
      !pd_area_parse (GROSS_AREA_text, "gross_area", _("Gross area"), &record->gross_area, error))
    return FALSE;
  if (*INNER_AREA_text != '\0' &&
      !pd_area_parse (INNER_AREA_text, "inner_area", _("Inner area"), &record->inner_area, error))
    return FALSE;
  record->layout = g_strdup (LAYOUT_text);
  return parse_word (USE_text, use_words, G_N_ELEMENTS (use_words), pd_unit_use_label,
                     &record->use, error, "use",
                     _("Use: “%s” is not residential (住宅), shop (商铺) or office (办公).")) &&
         parse_word (STATE_text, state_words, G_N_ELEMENTS (state_words), pd_unit_state_label,
                     &record->state, error, "state",
                     _("Unit state: “%s” is not a unit state (未售, 空置, 已交房, 装修中, 已入住 or 已出租)."));
}

static gboolean
parse_role (PdLedgerTable        *table,
            guint                 row,
            const PdOwnerMapping *mapping,
            PdOwnerRecord        *record,
            GError              **error)
{
  CELL (ROLE); CELL (RELATION); CELL (LEASE_START); CELL (LEASE_END);

  record->role = g_strdup ("owner");
  record->relation = g_strdup (RELATION_text);
  record->lease_start = g_strdup (LEASE_START_text);
  record->lease_end = g_strdup (LEASE_END_text);
  return parse_word (ROLE_text, role_words, G_N_ELEMENTS (role_words), pd_unit_role_label,
                     &record->role, error, "role",
                     _("Role: “%s” is not owner (业主), household member (家庭成员) or tenant (租户)."));
}

static gboolean
parse_vehicles (PdLedgerTable        *table,
                guint                 row,
                const PdOwnerMapping *mapping,
                PdOwnerRecord        *record,
                GError              **error)
{
  static GRegex *separators;
  g_auto (GStrv) plates = NULL;
  CELL (PLATE);

  record->plates = g_ptr_array_new_with_free_func (g_free);
  if (*PLATE_text == '\0')
    return TRUE;
  /* Compiled once: the import runs this for every row, also in threads. */
  if (g_once_init_enter (&separators))
    g_once_init_leave (&separators, g_regex_new ("[,，、;；/\\s]+", G_REGEX_OPTIMIZE, 0, NULL));
  /* One cell may list a household's cars: "粤B12345、粤B54321". */
  plates = g_regex_split (separators, PLATE_text, 0);
  for (guint i = 0; plates[i]; i++)
    {
      char *plate = NULL;
      if (*plates[i] == '\0')
        continue;
      if (!pd_plate_normalize (plates[i], &plate, error))
        return FALSE;
      g_ptr_array_add (record->plates, plate);
    }
  if (record->plates->len > 0 && record->person == NULL)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_REQUIRED, "name",
                          _("Name: required; a vehicle belongs to a person."));
      return FALSE;
    }
  return TRUE;
}

PdOwnerRecord *
pd_owner_record_parse (PdLedgerTable        *table,
                       guint                 row,
                       const PdOwnerMapping *mapping)
{
  PdOwnerRecord *record = g_new0 (PdOwnerRecord, 1);

  record->line = pd_ledger_table_get_line (table, row);
  record->blank = TRUE;
  for (guint f = 1; f < PD_OWNER_N_FIELDS && record->blank; f++)
    {
      g_autofree char *text = cell (table, row, mapping, f);
      record->blank = *text == '\0';
    }
  if (record->blank)
    return record;
  /* Unit and role first: a bad owner row still tells its unit's tenants
   * why nobody authorises them. */
  if (parse_unit_code (table, row, mapping, record, &record->error) &&
      parse_role (table, row, mapping, record, &record->error) &&
      parse_person (table, row, mapping, record, &record->error) &&
      parse_unit (table, row, mapping, record, &record->error))
    parse_vehicles (table, row, mapping, record, &record->error);
  return record;
}

/* ---- the whole file ---------------------------------------------------- */

static char *
identity_key (const PdOwnerRecord *record)
{
  const PdPerson *p = record->person;

  if (*p->uscc != '\0')
    return g_strdup_printf ("%s\nU:%s\n%s", record->unit_code, p->uscc, record->role);
  if (*p->id_number != '\0')
    return g_strdup_printf ("%s\nI:%s:%s\n%s", record->unit_code, p->id_type, p->id_number, record->role);
  return g_strdup_printf ("%s\nN:%s:%s\n%s", record->unit_code, p->name, p->mobile, record->role);
}

/* What the rows read so far tell about the rows after them. */
typedef struct
{
  GHashTable *states;   /* unit code → first row giving it a state */
  GHashTable *owners;   /* unit code → its first owner row (a good one if any) */
  GHashTable *seen;     /* identity_key → line */
} FileCheck;

static void
file_check_init (FileCheck *check)
{
  check->states = g_hash_table_new (g_str_hash, g_str_equal);
  check->owners = g_hash_table_new (g_str_hash, g_str_equal);
  check->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static void
file_check_clear (FileCheck *check)
{
  g_clear_pointer (&check->states, g_hash_table_unref);
  g_clear_pointer (&check->owners, g_hash_table_unref);
  g_clear_pointer (&check->seen, g_hash_table_unref);
}

/* The checks of @r that need only the rows above it; rows in file order. */
static void
check_against_earlier (FileCheck     *check,
                       PdOwnerRecord *r)
{
  PdOwnerRecord *earlier;

  if (r->error != NULL && r->has_person && r->role != NULL && g_str_equal (r->role, "owner") &&
      !g_hash_table_contains (check->owners, r->unit_code))
    g_hash_table_insert (check->owners, r->unit_code, r);
  if (r->blank || r->error != NULL)
    return;
  earlier = r->state ? g_hash_table_lookup (check->states, r->unit_code) : NULL;
  if (earlier != NULL && !g_str_equal (earlier->state, r->state))
    pd_set_field_error (&r->error, PD_VALIDATION_ERROR_INVALID, "state",
                        /* Translators: line number, unit code, a unit state */
                        _("Unit state: line %u already gives unit %s the state “%s”; a unit has one state."),
                        earlier->line, r->unit_code, pd_unit_state_label (earlier->state));
  else if (r->state != NULL && earlier == NULL)
    g_hash_table_insert (check->states, r->unit_code, r);
  if (r->error == NULL && r->person != NULL && g_str_equal (r->role, "owner"))
    {
      PdOwnerRecord *first = g_hash_table_lookup (check->owners, r->unit_code);
      /* A good owner row is preferred to a bad one that came first. */
      if (first == NULL || first->error != NULL)
        g_hash_table_insert (check->owners, r->unit_code, r);
    }
  if (r->error == NULL && r->person != NULL)
    {
      char *key = identity_key (r);
      guint first = GPOINTER_TO_UINT (g_hash_table_lookup (check->seen, key));
      if (first != 0)
        {
          r->repeat_of = first;
          g_free (key);
        }
      else
        g_hash_table_insert (check->seen, key, GUINT_TO_POINTER (r->line));
    }
}

/* Owners may come after their tenants in the file: tenants are checked
 * once every row has been read. */
static void
check_tenants (FileCheck *check,
               GPtrArray *records)
{
  for (guint i = 0; i < records->len; i++)
    {
      PdOwnerRecord *r = records->pdata[i];
      PdOwnerRecord *owner;

      if (r->blank || r->error != NULL || r->person == NULL || !g_str_equal (r->role, "tenant"))
        continue;
      owner = g_hash_table_lookup (check->owners, r->unit_code);
      if (owner != NULL && owner->error == NULL)
        r->owner_line = owner->line;
      else if (owner != NULL)
        pd_set_field_error (&r->error, PD_VALIDATION_ERROR_REQUIRED, "authorised_by",
                            /* Translators: unit code, line number */
                            _("Owner's authorisation: the owner of unit %s (line %u) was not imported, so nobody authorises this tenancy."),
                            r->unit_code, owner->line);
      else
        pd_set_field_error (&r->error, PD_VALIDATION_ERROR_REQUIRED, "authorised_by",
                            _("Owner's authorisation: the ledger has no owner for unit %s, and a tenant needs the owner's authorisation."),
                            r->unit_code);
    }
}

static void
check_file (GPtrArray *records)
{
  FileCheck check;

  file_check_init (&check);
  for (guint i = 0; i < records->len; i++)
    check_against_earlier (&check, records->pdata[i]);
  check_tenants (&check, records);
  file_check_clear (&check);
}

/* Rows parsed on another thread: each row is parsed on its own (the
 * checks across rows come after, in check_file), the table is only read,
 * and the validators' shared state is made once under g_once. */
typedef struct
{
  PdLedgerTable        *table;
  const PdOwnerMapping *mapping;
  guint                 first_row;
  guint                 end_row;
  GPtrArray            *records;
} RowRange;

static gpointer
parse_rows (gpointer data)
{
  RowRange *range = data;

  for (guint row = range->first_row; row < range->end_row; row++)
    g_ptr_array_add (range->records, pd_owner_record_parse (range->table, row, range->mapping));
  return range;
}

/* A ledger under twice this stays on one thread: it is read in
 * milliseconds either way (the threshold is a round figure, not a
 * measured break-even). */
#define ROWS_PER_THREAD_MIN 2000

static gboolean one_thread;

void
pd_owner_records_set_one_thread (gboolean one)
{
  one_thread = one;
}

GPtrArray *
pd_owner_records_read (PdLedgerTable        *table,
                       const PdOwnerMapping *mapping)
{
  guint first = mapping->header_row + 1;
  guint end = MAX (pd_ledger_table_get_n_rows (table), first);
  /* Parsing and checking is a seventh of a large import: the second half
   * of the rows is read on the other core. */
  guint middle = !one_thread && end - first >= 2 * ROWS_PER_THREAD_MIN && g_get_num_processors () > 1
                 ? first + (end - first) / 2 : end;
  RowRange ranges[2] = {
    { table, mapping, first, middle, g_ptr_array_new_with_free_func ((GDestroyNotify) pd_owner_record_free) },
    { table, mapping, middle, end, g_ptr_array_new_with_free_func ((GDestroyNotify) pd_owner_record_free) },
  };
  GThread *helper = middle < end ? g_thread_try_new ("pd-ledger-rows", parse_rows, &ranges[1], NULL) : NULL;

  parse_rows (&ranges[0]);
  if (helper != NULL)
    g_thread_join (helper);
  else
    parse_rows (&ranges[1]);
  g_ptr_array_extend_and_steal (ranges[0].records, ranges[1].records);
  check_file (ranges[0].records);
  return ranges[0].records;
}

/* ---- a feed of rows ----------------------------------------------------- */

struct _PdOwnerRecordFeed
{
  PdLedgerTable        *table;
  const PdOwnerMapping *mapping;
  guint                 first_row;
  GPtrArray            *records;   /* one slot per row, filled in order */
  FileCheck             check;
  PdOwnerRecordFunc     func;
  gpointer              user_data;
  GThread              *thread;
  GMutex                lock;
  GCond                 cond;
  guint                 ready;     /* records[0 .. ready) are read and checked */
  gint                  stop;      /* atomic: the reader is no longer wanted */
};

static gpointer
feed_rows (gpointer data)
{
  PdOwnerRecordFeed *feed = data;

  for (guint i = 0; i < feed->records->len && !g_atomic_int_get (&feed->stop); i++)
    {
      PdOwnerRecord *record = pd_owner_record_parse (feed->table, feed->first_row + i, feed->mapping);

      check_against_earlier (&feed->check, record);
      if (feed->func != NULL)
        feed->func (record, feed->user_data);
      g_mutex_lock (&feed->lock);
      feed->records->pdata[i] = record;
      feed->ready = i + 1;
      g_cond_broadcast (&feed->cond);
      g_mutex_unlock (&feed->lock);
    }
  if (!g_atomic_int_get (&feed->stop))
    check_tenants (&feed->check, feed->records);
  return NULL;
}

PdOwnerRecordFeed *
pd_owner_record_feed_new (PdLedgerTable        *table,
                          const PdOwnerMapping *mapping,
                          PdOwnerRecordFunc     func,
                          gpointer              user_data)
{
  PdOwnerRecordFeed *feed = g_new0 (PdOwnerRecordFeed, 1);
  guint first = mapping->header_row + 1;
  guint end = MAX (pd_ledger_table_get_n_rows (table), first);

  feed->table = table;
  feed->mapping = mapping;
  feed->first_row = first;
  feed->records = g_ptr_array_new_full (end - first, (GDestroyNotify) pd_owner_record_free);
  g_ptr_array_set_size (feed->records, end - first);
  file_check_init (&feed->check);
  feed->func = func;
  feed->user_data = user_data;
  g_mutex_init (&feed->lock);
  g_cond_init (&feed->cond);
  feed->thread = g_thread_try_new ("pd-ledger-feed", feed_rows, feed, NULL);
  if (feed->thread == NULL)
    feed_rows (feed);   /* no thread to be had: every row is read now */
  return feed;
}

guint
pd_owner_record_feed_get_n (PdOwnerRecordFeed *feed)
{
  return feed->records->len;
}

PdOwnerRecord *
pd_owner_record_feed_get (PdOwnerRecordFeed *feed,
                          guint              index)
{
  g_return_val_if_fail (index < feed->records->len, NULL);
  g_mutex_lock (&feed->lock);
  while (feed->ready <= index)
    g_cond_wait (&feed->cond, &feed->lock);
  g_mutex_unlock (&feed->lock);
  return feed->records->pdata[index];
}

GPtrArray *
pd_owner_record_feed_get_all (PdOwnerRecordFeed *feed)
{
  if (feed->thread != NULL)
    {
      g_thread_join (feed->thread);
      feed->thread = NULL;
    }
  return feed->records;
}

void
pd_owner_record_feed_free (PdOwnerRecordFeed *feed)
{
  if (feed == NULL)
    return;
  if (feed->thread != NULL)
    {
      g_atomic_int_set (&feed->stop, TRUE);
      g_thread_join (feed->thread);
    }
  g_ptr_array_unref (feed->records);
  file_check_clear (&feed->check);
  g_mutex_clear (&feed->lock);
  g_cond_clear (&feed->cond);
  g_free (feed);
}

/* ---- preview ----------------------------------------------------------- */

void
pd_owner_preview_row_free (PdOwnerPreviewRow *row)
{
  if (row == NULL)
    return;
  g_strfreev (row->cells);
  g_free (row->message);
  g_free (row);
}

GPtrArray *
pd_owner_import_preview (PdLedgerTable        *table,
                         const PdOwnerMapping *mapping,
                         guint                 max_rows)
{
  g_autoptr (GPtrArray) records = pd_owner_records_read (table, mapping);
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) pd_owner_preview_row_free);

  for (guint i = 0; i < records->len && rows->len < max_rows; i++)
    {
      PdOwnerRecord *r = records->pdata[i];
      guint row = mapping->header_row + 1 + i;
      PdOwnerPreviewRow *preview;

      if (r->blank)
        continue;
      preview = g_new0 (PdOwnerPreviewRow, 1);
      preview->line = r->line;
      preview->cells = g_new0 (char *, mapping->n_columns + 1);
      for (guint col = 0; col < mapping->n_columns; col++)
        {
          const char *text = pd_ledger_table_get_cell (table, row, col);
          preview->cells[col] = g_strdup (text ? text : "");
        }
      preview->ok = r->error == NULL;
      preview->message = r->error ? g_strdup (r->error->message) : NULL;
      g_ptr_array_add (rows, preview);
    }
  return rows;
}
