/* pd-pinyin.c — pinyin keys of names; see pd-pinyin.h.
 *
 * ICU's "Han-Latin" transliterator gives the most common reading of each
 * character (with a few word-level readings such as 重庆 chongqing), which
 * is wrong for many surnames: 曾 is read "ceng", 单 "dan".  A clerk looking
 * for Mr 曾 types "zeng", so the surname of a personal name is taken from a
 * table and only the rest goes through ICU.
 */
#include "pd-pinyin.h"

#include <string.h>
#include <unicode/utrans.h>

/* Opening the transliterator parses its rules and takes tens of
 * milliseconds, so it is opened once, on first use.  A UTransliterator is not
 * thread-safe, and the importer calls this from a worker thread, hence the
 * lock around every use. */
static GMutex translit_lock;
static UTransliterator *translit;
static gboolean translit_failed;
/* Given names repeat (a 250,000-person portfolio or ledger has a few
 * thousand distinct ones) and ICU takes tens of microseconds per name, so
 * results are kept, under the same lock.  Bounded: emptied when full. */
static GHashTable *translit_cache;
#define TRANSLIT_CACHE_MAX 50000
/* A thread that works out names ahead of their use (pd_pinyin_prepare) has
 * a copy of the transliterator of its own, so that it does not hold the
 * lock while ICU works, and the thread writing the names does not wait. */
static GPrivate thread_translit = G_PRIVATE_INIT ((GDestroyNotify) utrans_close);

/* Readings of polyphonic surnames as surnames, compound surnames first so
 * that 尉迟 wins over 尉.  Entries where ICU 72 already agrees (e.g. 车, 华,
 * 沈, 石) are kept: they pin the reading if a later ICU changes its data, and
 * the Windows build ships its own ICU.  Traditional forms are included for
 * owners from Hong Kong, Macao and Taiwan.  Syllables are separated by a
 * space, as Han-Latin does. */
static const struct
{
  const char *hanzi;
  const char *pinyin;
} surnames[] = {
  { "尉迟", "yu chi" }, { "尉遲", "yu chi" },
  { "万俟", "mo qi" },  { "萬俟", "mo qi" },
  { "长孙", "zhang sun" }, { "長孫", "zhang sun" },
  { "令狐", "ling hu" },
  { "澹台", "tan tai" }, { "澹臺", "tan tai" },

  { "曾", "zeng" },
  { "单", "shan" }, { "單", "shan" },
  { "解", "xie" },
  { "仇", "qiu" },
  { "区", "ou" }, { "區", "ou" },
  { "朴", "piao" }, { "樸", "piao" },
  { "查", "zha" },
  { "盖", "ge" }, { "蓋", "ge" },
  { "乐", "yue" }, { "樂", "yue" },
  { "覃", "qin" },
  { "缪", "miao" }, { "繆", "miao" },
  { "召", "shao" },
  { "员", "yun" }, { "員", "yun" },
  { "翟", "zhai" },
  { "秘", "bi" },
  { "折", "she" },
  { "繁", "po" },
  { "冼", "xian" },
  { "柏", "bai" },
  { "种", "chong" }, { "種", "chong" },
  { "贲", "ben" }, { "賁", "ben" },
  { "阚", "kan" }, { "闞", "kan" },
  { "都", "du" },
  { "重", "chong" },
  { "车", "che" }, { "車", "che" },
  { "华", "hua" }, { "華", "hua" },
  { "任", "ren" },
  { "沈", "shen" },
  { "石", "shi" },
  { "宁", "ning" }, { "寧", "ning" },
  { "隗", "wei" },
  { "句", "gou" },
  { "过", "guo" }, { "過", "guo" },
  { "晟", "cheng" },
  /* Not in the original list; ICU 72 reads them as in ordinary words. */
  { "卜", "bu" },
  { "薄", "bo" },
  { "祭", "zhai" },
  { "能", "nai" },
  { "佴", "nai" },
  { "粘", "nian" },
  { "长", "chang" }, { "長", "chang" },
};

/* Returns the transliterator, opening it on first use, or NULL if ICU's
 * data is missing.  Call with translit_lock held. */
static UTransliterator *
get_transliterator (void)
{
  static const UChar id[] = { 'H', 'a', 'n', '-', 'L', 'a', 't', 'i', 'n', ';', ' ',
                              'L', 'a', 't', 'i', 'n', '-', 'A', 'S', 'C', 'I', 'I', 0 };
  UErrorCode status = U_ZERO_ERROR;

  if (translit != NULL || translit_failed)
    return translit;

  translit = utrans_openU (id, -1, UTRANS_FORWARD, NULL, 0, NULL, &status);
  if (U_FAILURE (status))
    {
      /* Searching by pinyin degrades to Latin names only; everything else
       * keeps working, so warn once instead of failing. */
      g_warning ("Cannot open the ICU Han-Latin transliterator: %s",
                 u_errorName (status));
      translit = NULL;
      translit_failed = TRUE;
    }
  return translit;
}

static gpointer
open_transliterator (gpointer data)
{
  g_mutex_lock (&translit_lock);
  get_transliterator ();
  g_mutex_unlock (&translit_lock);
  return NULL;
}

GThread *
pd_pinyin_open_in_thread (void)
{
  static gboolean started;
  gboolean start;

  g_mutex_lock (&translit_lock);
  start = !started && translit == NULL && !translit_failed;
  started = TRUE;
  g_mutex_unlock (&translit_lock);
  return start ? g_thread_new ("pd-pinyin-open", open_transliterator, NULL) : NULL;
}

/* Transliterates @utf8 to Latin ASCII; returns a new string (the input
 * unchanged if ICU is unavailable). */
static char *
transliterate (const char *utf8)
{
  g_autofree gunichar2 *source = NULL;
  glong source_len = 0;
  int32_t capacity;

  g_mutex_lock (&translit_lock);
  if (translit_cache != NULL)
    {
      const char *known = g_hash_table_lookup (translit_cache, utf8);
      if (known != NULL)
        {
          char *copy = g_strdup (known);
          g_mutex_unlock (&translit_lock);
          return copy;
        }
    }
  g_mutex_unlock (&translit_lock);

  source = g_utf8_to_utf16 (utf8, -1, NULL, &source_len, NULL);
  if (source == NULL)
    return g_strdup ("");

  /* A syllable with its tone mark is at most seven UTF-16 units per Han
   * character; start there and grow if ICU says it was not enough. */
  capacity = (int32_t) source_len * 8 + 16;
  for (;;)
    {
      g_autofree UChar *buf = g_new0 (UChar, capacity);
      UErrorCode status = U_ZERO_ERROR;
      int32_t len = (int32_t) source_len;
      int32_t limit = len;
      UTransliterator *t = g_private_get (&thread_translit);

      memcpy (buf, source, sizeof (UChar) * source_len);

      if (t != NULL)
        utrans_transUChars (t, buf, &len, capacity, 0, &limit, &status);
      else
        {
          g_mutex_lock (&translit_lock);
          t = get_transliterator ();
          if (t != NULL)
            utrans_transUChars (t, buf, &len, capacity, 0, &limit, &status);
          g_mutex_unlock (&translit_lock);
        }

      if (t == NULL)
        return g_strdup (utf8);
      if (status == U_BUFFER_OVERFLOW_ERROR)
        {
          capacity *= 2;
          continue;
        }
      if (U_FAILURE (status))
        return g_strdup ("");

      {
        char *out = g_utf16_to_utf8 ((const gunichar2 *) buf, limit, NULL, NULL, NULL);

        if (out == NULL)
          return g_strdup ("");
        g_mutex_lock (&translit_lock);
        if (translit_cache == NULL)
          translit_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
        if (g_hash_table_size (translit_cache) >= TRANSLIT_CACHE_MAX)
          g_hash_table_remove_all (translit_cache);
        g_hash_table_replace (translit_cache, g_strdup (utf8), g_strdup (out));
        g_mutex_unlock (&translit_lock);
        return out;
      }
    }
}

/* Appends each space-separated syllable of @latin, reduced to lower-case
 * ASCII letters and digits, to @full and its first character to @initials.
 * Characters ICU leaves alone (rare Han beyond its table) reduce to nothing
 * and are dropped. */
static void
append_syllables (const char *latin,
                  GString    *full,
                  GString    *initials)
{
  g_auto (GStrv) parts = g_strsplit_set (latin, " \t", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      gboolean first = TRUE;

      for (const char *p = parts[i]; *p != '\0'; p++)
        {
          char c;

          if (!g_ascii_isalnum (*p))
            continue;
          c = g_ascii_tolower (*p);
          g_string_append_c (full, c);
          if (first)
            g_string_append_c (initials, c);
          first = FALSE;
        }
    }
}

typedef enum
{
  SEGMENT_HAN,
  SEGMENT_WORD,
  SEGMENT_DIGITS,
  SEGMENT_NONE,
} SegmentKind;

static SegmentKind
classify (gunichar c)
{
  if (g_unichar_get_script (c) == G_UNICODE_SCRIPT_HAN)
    return SEGMENT_HAN;
  if (g_unichar_isdigit (c))
    return SEGMENT_DIGITS;
  if (g_unichar_isalpha (c) || g_unichar_ismark (c))
    return SEGMENT_WORD;
  return SEGMENT_NONE;
}

/* A personal name is one to four Han characters (spaces and the ·
 * separating the parts of a transcribed name allowed).  Longer names are
 * companies, which usually start with a place name (乐山 leshan, 盖州
 * gaizhou), where the surname reading would be wrong. */
static gboolean
looks_like_personal_name (const char *name)
{
  int n_han = 0;

  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (classify (c) == SEGMENT_HAN)
        n_han++;
      else if (!g_unichar_isspace (c) && c != 0x00B7)
        return FALSE;
    }
  return n_han >= 1 && n_han <= 4;
}

static void
append_han_run (const char *run,
                gboolean    at_surname,
                GString    *full,
                GString    *initials)
{
  g_autofree char *latin = NULL;
  const char *start = run;

  if (at_surname)
    {
      for (size_t i = 0; i < G_N_ELEMENTS (surnames); i++)
        if (g_str_has_prefix (run, surnames[i].hanzi))
          {
            append_syllables (surnames[i].pinyin, full, initials);
            run += strlen (surnames[i].hanzi);
            break;
          }
      if (*run == '\0')
        return;
      /* Otherwise the surname is the first character, a word of its own:
       * read apart from the given name, the results of both are shared by
       * every name with that surname or given name (56,000 names of a
       * 95,000-row ledger have 124 surnames and 5,500 given names, and ICU
       * takes some 200,000 instructions per call). */
      if (run == start)
        {
          g_autofree char *surname = g_utf8_substring (run, 0, 1);
          g_autofree char *surname_latin = transliterate (surname);

          append_syllables (surname_latin, full, initials);
          run = g_utf8_next_char (run);
          if (*run == '\0')
            return;
        }
    }

  latin = transliterate (run);
  append_syllables (latin, full, initials);
}

static void
append_segment (SegmentKind kind,
                const char *text,
                gboolean    at_surname,
                GString    *full,
                GString    *initials)
{
  switch (kind)
    {
    case SEGMENT_HAN:
      append_han_run (text, at_surname, full, initials);
      break;

    case SEGMENT_WORD:
      {
        /* Latin-ASCII folds accents (Müller → muller); a word gives one
         * initial even if ICU splits it. */
        g_autofree char *latin = transliterate (text);
        gsize before = full->len;

        for (const char *p = latin; *p != '\0'; p++)
          if (g_ascii_isalnum (*p))
            g_string_append_c (full, g_ascii_tolower (*p));
        if (full->len > before)
          g_string_append_c (initials, full->str[before]);
      }
      break;

    case SEGMENT_DIGITS:
      /* Numbers are kept whole in the initials too: "3号楼" → "3hl", so a
       * clerk can type the digits as they are. */
      for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
        {
          int d = g_unichar_digit_value (g_utf8_get_char (p));

          if (d >= 0)
            {
              g_string_append_c (full, (char) ('0' + d));
              g_string_append_c (initials, (char) ('0' + d));
            }
        }
      break;

    case SEGMENT_NONE:
    default:
      g_assert_not_reached ();
    }
}

void
pd_pinyin_of_name (const char *name,
                   char      **full,
                   char      **initials)
{
  g_autoptr (GString) full_str = g_string_new (NULL);
  g_autoptr (GString) initials_str = g_string_new (NULL);
  g_autofree char *valid = NULL;
  g_autofree char *text = NULL;
  g_autoptr (GString) segment = g_string_new (NULL);
  SegmentKind kind = SEGMENT_NONE;
  gboolean personal;
  gboolean first_segment = TRUE;

  if (name != NULL)
    {
      /* NFKC turns full-width letters and digits from a Chinese IME into
       * ASCII and CJK compatibility ideographs into the unified ones ICU
       * knows. */
      valid = g_utf8_make_valid (name, -1);
      text = g_utf8_normalize (valid, -1, G_NORMALIZE_NFKC);
    }
  if (text == NULL)
    text = g_strdup ("");
  g_strstrip (text);

  personal = looks_like_personal_name (text);

  /* Split into runs of Han characters (transliterated together, so ICU sees
   * its word context), words and numbers; anything else separates them. */
  for (const char *p = text;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      SegmentKind k = (c == 0) ? SEGMENT_NONE : classify (c);

      /* A combining mark belongs to the word before it, whatever it is. */
      if (k == SEGMENT_WORD && kind != SEGMENT_NONE && g_unichar_ismark (c))
        k = kind;

      if (k != kind && kind != SEGMENT_NONE)
        {
          append_segment (kind, segment->str,
                          personal && first_segment && kind == SEGMENT_HAN,
                          full_str, initials_str);
          first_segment = FALSE;
          g_string_truncate (segment, 0);
        }
      if (c == 0)
        break;
      if (k != SEGMENT_NONE)
        g_string_append_unichar (segment, c);
      kind = k;
    }

  if (full != NULL)
    *full = g_strdup (full_str->str);
  if (initials != NULL)
    *initials = g_strdup (initials_str->str);
}

void
pd_pinyin_prepare (const char *name)
{
  if (g_private_get (&thread_translit) == NULL)
    {
      UErrorCode status = U_ZERO_ERROR;
      UTransliterator *own = NULL;

      g_mutex_lock (&translit_lock);
      if (get_transliterator () != NULL)
        own = utrans_clone (translit, &status);
      g_mutex_unlock (&translit_lock);
      if (own == NULL || U_FAILURE (status))
        return;   /* works out nothing, and pd_pinyin_of_name() copes */
      g_private_set (&thread_translit, own);
    }
  pd_pinyin_of_name (name, NULL, NULL);
}
