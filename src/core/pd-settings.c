/* pd-settings.c — see pd-settings.h. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "pd-error.h"
#include "pd-settings.h"
#include "pd-validate.h"

void
pd_setting_free (PdSetting *setting)
{
  g_free (setting->key);
  g_free (setting->value);
  g_free (setting->kind);
  g_free (setting->section);
  g_free (setting->description);
  g_free (setting);
}

static PdSetting *
lookup (PdContext  *ctx,
        const char *key)
{
  PdDatabase *database = pd_context_get_database (ctx);
  sqlite3_stmt *stmt = pd_database_prepare (database,
    "SELECT key, value, kind, section, description FROM setting WHERE key = ?", NULL);
  PdSetting *setting = NULL;

  if (stmt == NULL)
    return NULL;
  pd_bind_text (stmt, 1, key);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      setting = g_new0 (PdSetting, 1);
      setting->key = pd_column_dup (stmt, 0);
      setting->value = pd_column_dup (stmt, 1);
      setting->kind = pd_column_dup (stmt, 2);
      setting->section = pd_column_dup (stmt, 3);
      setting->description = pd_column_dup (stmt, 4);
    }
  sqlite3_reset (stmt);
  return setting;
}

/* The settings read by this connection.  An entry is used only inside a
 * read transaction (a snapshot: another connection's commit cannot show
 * until it ends) and while the connection's data stamp stays the same: a
 * write on the connection (pd_settings_set, a migration, a test's UPDATE)
 * or a rollback empties the cache, and so does another connection's commit
 * once a transaction shows it.  Outside a transaction every get reads the
 * table, as before.  Long loops inside one transaction read the same few
 * settings thousands of times (the follow-up due dates of the survey
 * workbook); each read of the table costs as much as the rest of a row's
 * work (issue 8).  A restored database is a new connection, with a new
 * cache. */
typedef struct
{
  guint64     stamp;
  GHashTable *by_key;   /* key → PdSetting */
} SettingsCache;

static void
settings_cache_free (gpointer data)
{
  SettingsCache *cache = data;

  g_hash_table_unref (cache->by_key);
  g_free (cache);
}

static SettingsCache *
settings_cache (PdDatabase *database)
{
  static GQuark quark;
  SettingsCache *cache;

  if (quark == 0)
    quark = g_quark_from_static_string ("pd-settings-cache");
  cache = g_object_get_qdata (G_OBJECT (database), quark);
  if (cache == NULL)
    {
      cache = g_new0 (SettingsCache, 1);
      cache->by_key = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                             (GDestroyNotify) pd_setting_free);
      g_object_set_qdata_full (G_OBJECT (database), quark, cache, settings_cache_free);
    }
  return cache;
}

static void
settings_cache_check (SettingsCache *cache,
                      guint64        stamp)
{
  if (cache->stamp != stamp)
    {
      g_hash_table_remove_all (cache->by_key);
      cache->stamp = stamp;
    }
}

/* The setting @key as stored now, owned by the cache: valid until the
 * next call into the database.  NULL for an unknown key. */
static const PdSetting *
lookup_cached (PdContext  *ctx,
               const char *key)
{
  PdDatabase *database = pd_context_get_database (ctx);
  SettingsCache *cache = settings_cache (database);
  PdSetting *setting;

  settings_cache_check (cache, pd_database_data_stamp (database));
  if (sqlite3_txn_state (pd_database_get_handle (database), "main") != SQLITE_TXN_NONE)
    {
      setting = g_hash_table_lookup (cache->by_key, key);
      if (setting != NULL)
        return setting;
    }
  setting = lookup (ctx, key);
  if (setting == NULL)
    return NULL;
  /* The read itself may have shown another connection's commit: what was
   * cached before is then stale, the value just read is not. */
  settings_cache_check (cache, pd_database_data_stamp (database));
  g_hash_table_replace (cache->by_key, setting->key, setting);
  return setting;
}

gint64
pd_settings_get_int (PdContext  *ctx,
                     const char *key,
                     gint64      fallback)
{
  const PdSetting *setting = lookup_cached (ctx, key);

  if (setting == NULL)
    {
      g_warning ("unknown setting %s", key);
      return fallback;
    }
  return g_ascii_strtoll (setting->value, NULL, 10);
}

char *
pd_settings_get_text (PdContext  *ctx,
                      const char *key,
                      const char *fallback)
{
  const PdSetting *setting = lookup_cached (ctx, key);

  if (setting == NULL)
    {
      g_warning ("unknown setting %s", key);
      return g_strdup (fallback);
    }
  return g_strdup (setting->value);
}

gboolean
pd_settings_get_bool (PdContext  *ctx,
                      const char *key)
{
  return pd_settings_get_int (ctx, key, 0) != 0;
}

static gboolean
parse_integer (const char *text,
               gint64     *out)
{
  g_autofree char *clean = g_strstrip (g_strdup (text ? text : ""));

  /* A billion is more than any count, day or hour number: a larger one is
   * a typing slip (and could overflow). */
  return g_ascii_string_to_signed (clean, 10, G_MININT32, 1000000000, out, NULL);
}

/* "08:00-12:00,14:00-19:00": periods of one day, each starting before it
 * ends (the renovation working hours). */
static gboolean
hours_are_valid (const char *text)
{
  g_auto (GStrv) periods = g_strsplit (text, ",", -1);

  for (guint i = 0; periods[i] != NULL; i++)
    {
      int h1, m1, h2, m2;
      char tail;

      if (sscanf (periods[i], " %2d:%2d - %2d:%2d %c", &h1, &m1, &h2, &m2, &tail) != 4 ||
          h1 < 0 || h1 > 24 || h2 < 0 || h2 > 24 || m1 < 0 || m1 > 59 || m2 < 0 || m2 > 59 ||
          h1 * 60 + m1 >= h2 * 60 + m2 || h2 * 60 + m2 > 24 * 60)
        return FALSE;
    }
  return periods[0] != NULL;
}

/* Text settings with a form of their own; the value is stripped.  A date
 * setting may be empty (unknown). */
static gboolean
check_text (const PdSetting *setting,
            const char      *label,
            const char      *value,
            char           **stored,
            GError         **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (value ? value : ""));

  if (g_str_equal (setting->key, "renovation.first_handover_on"))
    {
      if (*clean == '\0')
        {
          *stored = g_steal_pointer (&clean);
          return TRUE;
        }
      return pd_date_parse (clean, setting->key, label, stored, error);
    }
  if (*clean == '\0')
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_REQUIRED, setting->key,
                          _("%s: a value is required."), label);
      return FALSE;
    }
  if (g_str_has_prefix (setting->key, "renovation.hours_") && !hours_are_valid (clean))
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_INVALID, setting->key,
                          _("%s: enter periods such as 08:00-12:00,14:00-19:00."), label);
      return FALSE;
    }
  /* Codes and prefixes are printed on permits and slips. */
  if ((g_str_has_suffix (setting->key, "_code") || g_str_has_suffix (setting->key, "_prefix")) &&
      g_utf8_strlen (clean, -1) > 16)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_RANGE, setting->key,
                          _("%s: at most 16 characters."), label);
      return FALSE;
    }
  if (g_utf8_strlen (clean, -1) > 2000)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_RANGE, setting->key,
                          _("%s: at most 2000 characters."), label);
      return FALSE;
    }
  *stored = g_steal_pointer (&clean);
  return TRUE;
}

gboolean
pd_settings_set (PdContext  *ctx,
                 const char *key,
                 const char *value,
                 GError    **error)
{
  g_autoptr (PdSetting) setting = lookup (ctx, key);
  g_autofree char *stored = NULL;
  PdDatabase *database = pd_context_get_database (ctx);
  sqlite3_stmt *stmt;
  const char *label;
  gint64 number;

  if (!pd_context_require_role (ctx, PD_ROLE_ADMIN, _("change settings"), error))
    return FALSE;
  if (setting == NULL)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_NOT_FOUND, "key",
                          _("Setting “%s” does not exist."), key);
      return FALSE;
    }
  /* The descriptions are translated where the Settings dialog shows them
   * (pd-settings-dialog.c): messages name the setting the same way. */
  label = _(setting->description);
  if (g_str_equal (setting->kind, "int"))
    {
      if (!parse_integer (value, &number) || number < 0)
        {
          pd_set_field_error (error, PD_VALIDATION_ERROR_INVALID, key,
                              _("%s: enter a whole number of 0 or more."), label);
          return FALSE;
        }
      /* Percentages (the survey goals) cannot pass the whole. */
      if (g_str_has_suffix (key, "_pct") && number > 100)
        {
          pd_set_field_error (error, PD_VALIDATION_ERROR_RANGE, key,
                              _("%s: enter a percentage from 0 to 100."), label);
          return FALSE;
        }
      stored = g_strdup_printf ("%" G_GINT64_FORMAT, number);
    }
  else if (g_str_equal (setting->kind, "fen"))
    {
      if (!pd_fen_parse (value, key, label, &number, error))
        return FALSE;
      if (number < 0)
        {
          pd_set_field_error (error, PD_VALIDATION_ERROR_RANGE, key,
                              _("%s: the amount cannot be negative."), label);
          return FALSE;
        }
      stored = g_strdup_printf ("%" G_GINT64_FORMAT, number);
    }
  else if (g_str_equal (setting->kind, "bool"))
    {
      if (g_strcmp0 (value, "0") != 0 && g_strcmp0 (value, "1") != 0)
        {
          pd_set_field_error (error, PD_VALIDATION_ERROR_INVALID, key,
                              _("%s: must be 0 (no) or 1 (yes)."), label);
          return FALSE;
        }
      stored = g_strdup (value);
    }
  else if (g_str_equal (key, "patrol.policy"))
    {
      if (g_strcmp0 (value, "twice_monthly") != 0 && g_strcmp0 (value, "weekly") != 0)
        {
          pd_set_field_error (error, PD_VALIDATION_ERROR_INVALID, key,
                              _("%s: choose twice_monthly or weekly."), label);
          return FALSE;
        }
      stored = g_strdup (value);
    }
  else if (!check_text (setting, label, value, &stored, error))
    return FALSE;

  stmt = pd_database_prepare (database, "UPDATE setting SET value = ? WHERE key = ?", error);
  if (stmt == NULL)
    return FALSE;
  pd_bind_text (stmt, 1, stored);
  pd_bind_text (stmt, 2, key);
  if (!pd_database_step_done (database, stmt, error))
    return FALSE;
  /* The write changed the data stamp already; emptying the cache here too
   * keeps a set seen by the next get whatever the stamp misses. */
  g_hash_table_remove_all (settings_cache (database)->by_key);
  pd_context_notify_changed (ctx, "setting");
  return TRUE;
}

GPtrArray *
pd_settings_list (PdContext  *ctx,
                  GError    **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  sqlite3_stmt *stmt = pd_database_prepare (database,
    "SELECT key, value, kind, section, description FROM setting ORDER BY section, key", error);
  GPtrArray *list;

  if (stmt == NULL)
    return NULL;
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) pd_setting_free);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      PdSetting *setting = g_new0 (PdSetting, 1);
      setting->key = pd_column_dup (stmt, 0);
      setting->value = pd_column_dup (stmt, 1);
      setting->kind = pd_column_dup (stmt, 2);
      setting->section = pd_column_dup (stmt, 3);
      setting->description = pd_column_dup (stmt, 4);
      g_ptr_array_add (list, setting);
    }
  sqlite3_reset (stmt);
  return list;
}

char *
pd_fen_format (gint64 fen)
{
  guint64 magnitude = fen < 0 ? (guint64) (-(fen + 1)) + 1 : (guint64) fen;

  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%02u", fen < 0 ? "-" : "",
                          magnitude / 100, (guint) (magnitude % 100));
}

gboolean
pd_fen_parse (const char *text,
              const char *field,
              const char *label,
              gint64     *fen,
              GError    **error)
{
  g_autoptr (GString) digits = g_string_new (NULL);
  const char *p = text ? text : "";
  gboolean negative = FALSE, seen_point = FALSE;
  guint decimals = 0;
  gint64 value = 0;

  while (g_ascii_isspace (*p))
    p++;
  if (g_str_has_prefix (p, "￥") || g_str_has_prefix (p, "¥"))
    p += g_str_has_prefix (p, "￥") ? strlen ("￥") : strlen ("¥");
  if (*p == '-')
    {
      negative = TRUE;
      p++;
    }
  for (; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          if (seen_point && ++decimals > 2)
            goto invalid;
          /* 15 digits are a trillion yuan; more would overflow the fen. */
          if (digits->len >= 15)
            goto invalid;
          value = value * 10 + (*p - '0');
          g_string_append_c (digits, *p);
        }
      else if (*p == '.' && !seen_point)
        seen_point = TRUE;
      else if (*p == ',' && !seen_point)
        continue;
      else if (g_str_equal (p, "元") || g_ascii_isspace (*p))
        break;
      else
        goto invalid;
    }
  if (digits->len == 0)
    goto invalid;
  for (; decimals < 2; decimals++)
    value *= 10;
  *fen = negative ? -value : value;
  return TRUE;

invalid:
  pd_set_field_error (error, PD_VALIDATION_ERROR_INVALID, field,
                      /* Translators: %s is the name of an amount field */
                      _("%s: enter an amount in yuan with at most two decimals, e.g. 3000 or 12.50."),
                      label);
  return FALSE;
}
