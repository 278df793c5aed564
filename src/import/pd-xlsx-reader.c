/* pd-xlsx-reader.c — the first worksheet of an .xlsx workbook as strings.
 *
 * No packaged C library reads .xlsx, so this is the minimum of OOXML a
 * ledger needs: the package relationships to find the first worksheet,
 * shared strings, cell types, and number formats only as far as telling a
 * date from a number.  Values are passed through untouched otherwise; in
 * particular a long number Excel already rounded ("3.10101199001011E+17")
 * stays that text so the importer can name the row that lost its digits.
 *
 * Workbooks come from strangers by USB stick and WeChat, and this code will
 * be fuzzed: every part is size-capped, every index checked, XML is parsed
 * without network, DTDs or entity expansion, and the two parts that grow
 * with the data (sheet, shared strings) are streamed with xmlTextReader
 * rather than built into a tree.
 */
#include "pd-ledger.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlreader.h>
#include <zip.h>

#define PD_XLSX_MAX_ROW 1048576   /* Excel's last row */

#define NS_REL_TRANSITIONAL "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_REL_STRICT       "http://purl.oclc.org/ooxml/officeDocument/relationships"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlTextReader, xmlFreeTextReader)

typedef struct
{
  zip_t        *zip;
  GPtrArray    *shared_strings;  /* const char * into strings_chunk */
  GStringChunk *strings_chunk;
  GArray       *date_styles;     /* gboolean per cellXfs index */
  gboolean      date1904;
} XlsxReader;

static void
ensure_libxml (void)
{
  static gsize initialized = 0;

  /* xmlInitParser is not safe to race from two import threads at once */
  if (g_once_init_enter (&initialized))
    {
      xmlInitParser ();
      g_once_init_leave (&initialized, 1);
    }
}

static void
set_damaged_error (GError     **error,
                   const char  *part)
{
  g_set_error (error, PD_LEDGER_ERROR, PD_LEDGER_ERROR_FORMAT,
               /* Translators: %s is the name of a part inside the .xlsx file,
                * such as xl/worksheets/sheet1.xml */
               _("The workbook is damaged: part “%s” cannot be read"),
               part);
}

/* Returns the part's bytes, NUL-terminated, or NULL.  A missing part is an
 * error unless @optional, in which case NULL comes back with no error. */
static guint8 *
read_part (zip_t       *zip,
           const char  *name,
           gboolean     optional,
           gsize       *len_out,
           GError     **error)
{
  g_autoptr(GByteArray) buf = NULL;
  zip_file_t *zf;
  zip_int64_t idx;
  zip_stat_t st;
  guint8 chunk[64 * 1024];

  *len_out = 0;

  /* OPC part names are case-insensitive; some tools write "XL/..." */
  idx = zip_name_locate (zip, name, ZIP_FL_NOCASE);
  if (idx < 0)
    {
      if (!optional)
        g_set_error (error, PD_LEDGER_ERROR, PD_LEDGER_ERROR_FORMAT,
                     /* Translators: %s is the name of a part inside the .xlsx file */
                     _("This is not an Excel workbook, or it is damaged: part “%s” is missing"),
                     name);
      return NULL;
    }

  zip_stat_init (&st);
  if (zip_stat_index (zip, idx, 0, &st) == 0
      && (st.valid & ZIP_STAT_SIZE) && st.size > PD_LEDGER_MAX_FILE_SIZE)
    goto too_large;

  zf = zip_fopen_index (zip, idx, 0);
  if (zf == NULL)
    {
      set_damaged_error (error, name);
      return NULL;
    }

  /* The declared size may lie (zip bombs), so it only sizes the first
   * allocation; the cap is enforced on what actually comes out. */
  buf = g_byte_array_sized_new ((st.valid & ZIP_STAT_SIZE) ? (guint) st.size + 1 : 4096);
  for (;;)
    {
      zip_int64_t n = zip_fread (zf, chunk, sizeof chunk);

      if (n < 0)
        {
          zip_fclose (zf);
          set_damaged_error (error, name);
          return NULL;
        }
      if (n == 0)
        break;
      if (buf->len + (gsize) n > PD_LEDGER_MAX_FILE_SIZE)
        {
          zip_fclose (zf);
          goto too_large;
        }
      g_byte_array_append (buf, chunk, (guint) n);
    }
  zip_fclose (zf);

  *len_out = buf->len;
  g_byte_array_append (buf, (const guint8 *) "", 1);
  return g_byte_array_free (g_steal_pointer (&buf), FALSE);

too_large:
  g_set_error (error, PD_LEDGER_ERROR, PD_LEDGER_ERROR_TOO_LARGE,
               /* Translators: %s is a part inside the .xlsx file, %u a size in megabytes */
               _("Part “%s” of the workbook is larger than %u MB when unpacked; split the workbook into smaller files"),
               name, (guint) (PD_LEDGER_MAX_FILE_SIZE / (1024 * 1024)));
  return NULL;
}

/* No OOXML part has a DTD.  Refusing any "<!DOCTYPE" before libxml2 sees
 * the bytes rules out entity tricks (billion laughs, external entities)
 * whatever the parser options do.  A false hit needs the literal text in a
 * comment or CDATA section, which Excel never writes. */
static gboolean
check_no_dtd (const guint8  *buf,
              gsize          len,
              const char    *part,
              GError       **error)
{
  static const char needle[] = "<!DOCTYPE";
  const gsize n = sizeof needle - 1;
  const guint8 *p = buf, *end = buf + len;

  while (p < end && (p = memchr (p, '<', end - p)) != NULL)
    {
      if ((gsize) (end - p) >= n && memcmp (p, needle, n) == 0)
        {
          g_set_error (error, PD_LEDGER_ERROR, PD_LEDGER_ERROR_FORMAT,
                       /* Translators: %s is a part inside the .xlsx file */
                       _("Part “%s” of the workbook contains a document type declaration, which Excel never writes; the file was not made by Excel or WPS"),
                       part);
          return FALSE;
        }
      p++;
    }
  return TRUE;
}

static const int xml_options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING
                               | XML_PARSE_NOCDATA;

/* For the small parts (relationships, workbook, styles) a tree is simpler. */
static xmlDoc *
read_xml_part (zip_t       *zip,
               const char  *name,
               gboolean     optional,
               GError     **error)
{
  g_autofree guint8 *buf = NULL;
  xmlDoc *doc;
  gsize len;

  buf = read_part (zip, name, optional, &len, error);
  if (buf == NULL)
    return NULL;
  if (!check_no_dtd (buf, len, name, error))
    return NULL;
  if (len > G_MAXINT)
    {
      set_damaged_error (error, name);
      return NULL;
    }
  doc = xmlReadMemory ((const char *) buf, (int) len, name, NULL, xml_options);
  if (doc == NULL || xmlDocGetRootElement (doc) == NULL || doc->intSubset != NULL)
    {
      g_clear_pointer (&doc, xmlFreeDoc);
      g_set_error (error, PD_LEDGER_ERROR, PD_LEDGER_ERROR_FORMAT,
                   /* Translators: %s is a part inside the .xlsx file */
                   _("The workbook is damaged: part “%s” is not valid XML"),
                   name);
      return NULL;
    }
  return doc;
}

static gboolean
is_element (xmlNode    *node,
            const char *local_name)
{
  /* Local names only: some generators write prefixed elements (x:row) */
  return node != NULL && node->type == XML_ELEMENT_NODE
         && xmlStrEqual (node->name, BAD_CAST local_name);
}

static xmlNode *
find_child (xmlNode    *parent,
            const char *local_name)
{
  xmlNode *n;

  for (n = parent != NULL ? parent->children : NULL; n != NULL; n = n->next)
    if (is_element (n, local_name))
      return n;
  return NULL;
}

static gboolean
str_has_suffix_nocase (const char *s,
                       const char *suffix)
{
  gsize ls = strlen (s), lx = strlen (suffix);

  return ls >= lx && g_ascii_strcasecmp (s + ls - lx, suffix) == 0;
}

/* Resolves a relationship target against the folder of its source part,
 * the way OPC does: absolute targets start at the package root. */
static char *
resolve_target (const char *base_dir,
                const char *target)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(GPtrArray) out = g_ptr_array_new ();
  g_autofree char *joined = NULL;
  guint i;

  if (target[0] == '/')
    joined = g_strdup (target + 1);
  else if (base_dir[0] != '\0')
    joined = g_strconcat (base_dir, "/", target, NULL);
  else
    joined = g_strdup (target);

  parts = g_strsplit (joined, "/", -1);
  for (i = 0; parts[i] != NULL; i++)
    {
      if (parts[i][0] == '\0' || strcmp (parts[i], ".") == 0)
        continue;
      if (strcmp (parts[i], "..") == 0)
        {
          if (out->len > 0)
            g_ptr_array_remove_index (out, out->len - 1);
          continue;
        }
      g_ptr_array_add (out, parts[i]);
    }
  g_ptr_array_add (out, NULL);
  return g_strjoinv ("/", (char **) out->pdata);
}

static char *
dir_of (const char *path)
{
  const char *slash = strrchr (path, '/');

  return slash != NULL ? g_strndup (path, slash - path) : g_strdup ("");
}

/* Finds the target of a relationship by Id (if @id) or by the end of its
 * Type (if @type_suffix), resolved against @base_dir.  NULL if absent. */
static char *
find_relationship (xmlDoc     *rels,
                   const char *base_dir,
                   const char *id,
                   const char *type_suffix,
                   char      **type_out)
{
  xmlNode *n;

  for (n = xmlDocGetRootElement (rels)->children; n != NULL; n = n->next)
    {
      g_autofree xmlChar *rid = NULL, *type = NULL, *target = NULL, *mode = NULL;

      if (!is_element (n, "Relationship"))
        continue;
      rid = xmlGetProp (n, BAD_CAST "Id");
      type = xmlGetProp (n, BAD_CAST "Type");
      target = xmlGetProp (n, BAD_CAST "Target");
      mode = xmlGetProp (n, BAD_CAST "TargetMode");
      if (target == NULL || target[0] == '\0'
          || (mode != NULL && xmlStrEqual (mode, BAD_CAST "External")))
        continue;
      if (id != NULL && (rid == NULL || !xmlStrEqual (rid, BAD_CAST id)))
        continue;
      if (type_suffix != NULL
          && (type == NULL || !str_has_suffix_nocase ((const char *) type, type_suffix)))
        continue;
      if (type_out != NULL)
        *type_out = g_strdup (type != NULL ? (const char *) type : "");
      return resolve_target (base_dir, (const char *) target);
    }
  return NULL;
}

static gboolean
parse_bool_attr (const xmlChar *value)
{
  return value != NULL
         && (xmlStrEqual (value, BAD_CAST "1") || xmlStrEqual (value, BAD_CAST "true"));
}

static xmlChar *
get_relationship_id (xmlNode *sheet)
{
  xmlChar *id;

  id = xmlGetNsProp (sheet, BAD_CAST "id", BAD_CAST NS_REL_TRANSITIONAL);
  if (id == NULL)
    id = xmlGetNsProp (sheet, BAD_CAST "id", BAD_CAST NS_REL_STRICT);
  return id;
}

/* ---- Number formats ---------------------------------------------------- */

static gboolean
is_builtin_date_format (guint id)
{
  /* 14–22 and 45–47 everywhere; 27–36 and 50–58 are the East Asian
   * built-ins, which in a zh-CN workbook are the 年/月/日 date formats
   * (e.g. 31 = yyyy"年"m"月"d"日") and are never written into styles.xml. */
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36)
         || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

static gboolean
is_date_format_code (const char *code)
{
  const char *p;

  for (p = code; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '"':   /* literal text such as "年" */
          p = strchr (p + 1, '"');
          if (p == NULL)
            return FALSE;
          break;
        case '[':   /* colour, locale [$-804], elapsed [h], [DBNum1] */
          p = strchr (p + 1, ']');
          if (p == NULL)
            return FALSE;
          break;
        case '\\':  /* escaped character */
        case '_':   /* space the width of the next character */
        case '*':   /* fill with the next character */
          if (p[1] == '\0')
            return FALSE;
          p++;
          break;
        case 'y': case 'Y':
        case 'm': case 'M':
        case 'd': case 'D':
          return TRUE;
        default:
          break;
        }
    }
  return FALSE;
}

static gboolean
parse_uint (const char *s,
            guint64     max,
            guint64    *out)
{
  guint64 v;

  if (s == NULL || !g_ascii_isdigit (s[0]))
    return FALSE;
  if (!g_ascii_string_to_unsigned (s, 10, 0, max, &v, NULL))
    return FALSE;
  *out = v;
  return TRUE;
}

static gboolean
load_styles (XlsxReader  *xr,
             const char  *path,
             GError     **error)
{
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(GHashTable) custom = NULL;  /* numFmtId → is date */
  xmlNode *root, *n;

  xr->date_styles = g_array_new (FALSE, FALSE, sizeof (gboolean));
  if (path == NULL)
    return TRUE;
  doc = read_xml_part (xr->zip, path, TRUE, error);
  if (doc == NULL)
    return *error == NULL;  /* missing is fine: no dates */

  custom = g_hash_table_new (NULL, NULL);
  root = xmlDocGetRootElement (doc);
  for (n = find_child (find_child (root, "numFmts"), "numFmt"); n != NULL; n = n->next)
    {
      g_autofree xmlChar *id = NULL, *code = NULL;
      guint64 v;

      if (!is_element (n, "numFmt"))
        continue;
      id = xmlGetProp (n, BAD_CAST "numFmtId");
      code = xmlGetProp (n, BAD_CAST "formatCode");
      if (code != NULL && parse_uint ((const char *) id, G_MAXUINT, &v))
        g_hash_table_insert (custom, GUINT_TO_POINTER ((guint) v),
                             GINT_TO_POINTER (is_date_format_code ((const char *) code) ? 2 : 1));
    }

  for (n = find_child (find_child (root, "cellXfs"), "xf"); n != NULL; n = n->next)
    {
      g_autofree xmlChar *id = NULL;
      gboolean is_date = FALSE;
      guint64 v;

      if (!is_element (n, "xf"))
        continue;
      id = xmlGetProp (n, BAD_CAST "numFmtId");
      if (parse_uint ((const char *) id, G_MAXUINT, &v))
        {
          int kind = GPOINTER_TO_INT (g_hash_table_lookup (custom, GUINT_TO_POINTER ((guint) v)));

          is_date = kind != 0 ? kind == 2 : is_builtin_date_format ((guint) v);
        }
      g_array_append_val (xr->date_styles, is_date);
    }
  return TRUE;
}

/* ---- Text -------------------------------------------------------------- */

static gboolean
is_collectable (int type)
{
  return type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA
         || type == XML_READER_TYPE_WHITESPACE
         || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE;
}

/* OOXML escapes characters XML cannot carry as _xHHHH_ (Excel writes an
 * in-cell carriage return as _x000D_), and a literal "_x" as _x005F_x.
 * One pass into a new buffer: erasing in place would be quadratic on a
 * hostile 10 MB string made of escapes. */
static void
decode_ooxml_escapes (GString *s)
{
  g_autoptr(GString) out = NULL;
  gsize i = 0;

  if (strstr (s->str, "_x") == NULL)
    return;

  out = g_string_sized_new (s->len);
  while (i < s->len)
    {
      const char *p = s->str + i;
      guint cp = 0;
      int k;

      if (i + 7 <= s->len && p[0] == '_' && p[1] == 'x' && p[6] == '_')
        {
          for (k = 2; k < 6 && g_ascii_isxdigit (p[k]); k++)
            cp = cp * 16 + g_ascii_xdigit_value (p[k]);
          if (k == 6)
            {
              /* NUL and lone surrogates would make the text invalid: dropped */
              if (cp != 0 && !(cp >= 0xD800 && cp <= 0xDFFF))
                g_string_append_unichar (out, cp);
              i += 7;
              continue;
            }
        }
      g_string_append_c (out, *p);
      i++;
    }
  g_string_assign (s, out->str);
}

static void
set_xml_error (GError         **error,
               xmlTextReader   *reader,
               const char      *part)
{
  g_set_error (error, PD_LEDGER_ERROR, PD_LEDGER_ERROR_FORMAT,
               /* Translators: %s is a part inside the .xlsx file, %d a line in it */
               _("The workbook is damaged: part “%s” is not valid XML (near line %d)"),
               part, xmlTextReaderGetParserLineNumber (reader));
}

static xmlTextReader *
open_reader (const guint8  *buf,
             gsize          len,
             const char    *part,
             GError       **error)
{
  xmlTextReader *reader;

  if (!check_no_dtd (buf, len, part, error))
    return NULL;
  if (len > G_MAXINT
      || (reader = xmlReaderForMemory ((const char *) buf, (int) len, part, NULL,
                                       xml_options)) == NULL)
    {
      set_damaged_error (error, part);
      return NULL;
    }
  return reader;
}

/* Shared strings: one <si> per string, its text the <t> elements directly
 * inside it or inside rich-text runs <r>; <rPh> phonetic guides (pinyin or
 * furigana above the text) are not part of the value. */
static gboolean
load_shared_strings (XlsxReader  *xr,
                     const char  *path,
                     GError     **error)
{
  g_autofree guint8 *buf = NULL;
  g_autoptr(xmlTextReader) reader = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  gboolean in_si = FALSE, in_t = FALSE;
  guint rph_depth = 0;
  gsize len;
  int ret;

  xr->shared_strings = g_ptr_array_new ();
  xr->strings_chunk = g_string_chunk_new (64 * 1024);
  if (path == NULL)
    return TRUE;
  buf = read_part (xr->zip, path, TRUE, &len, error);
  if (buf == NULL)
    return *error == NULL;
  reader = open_reader (buf, len, path, error);
  if (reader == NULL)
    return FALSE;

  while ((ret = xmlTextReaderRead (reader)) == 1)
    {
      int type = xmlTextReaderNodeType (reader);
      const char *name = (const char *) xmlTextReaderConstLocalName (reader);
      gboolean empty = xmlTextReaderIsEmptyElement (reader) == 1;

      if (type == XML_READER_TYPE_DOCUMENT_TYPE)
        {
          check_no_dtd ((const guint8 *) "<!DOCTYPE", 9, path, error);
          return FALSE;
        }
      if (type == XML_READER_TYPE_ELEMENT || type == XML_READER_TYPE_END_ELEMENT)
        {
          gboolean start = type == XML_READER_TYPE_ELEMENT;

          if (g_strcmp0 (name, "si") == 0)
            {
              if (start)
                {
                  g_string_truncate (text, 0);
                  in_si = TRUE;
                  rph_depth = 0;
                }
              if (!start || empty)
                {
                  if (xr->shared_strings->len >= PD_LEDGER_MAX_CELLS)
                    {
                      g_set_error (error, PD_LEDGER_ERROR, PD_LEDGER_ERROR_TOO_LARGE,
                                   /* Translators: %u is a count */
                                   _("The workbook has more than %u different texts; split it into smaller files"),
                                   (guint) PD_LEDGER_MAX_CELLS);
                      return FALSE;
                    }
                  decode_ooxml_escapes (text);
                  g_ptr_array_add (xr->shared_strings,
                                   g_string_chunk_insert_len (xr->strings_chunk, text->str, text->len));
                  in_si = FALSE;
                  in_t = FALSE;
                }
            }
          else if (g_strcmp0 (name, "rPh") == 0 && in_si && !empty)
            rph_depth = start ? rph_depth + 1 : (rph_depth > 0 ? rph_depth - 1 : 0);
          else if (g_strcmp0 (name, "t") == 0 && in_si)
            in_t = start && !empty && rph_depth == 0;
        }
      else if (in_t && is_collectable (type))
        g_string_append (text, (const char *) xmlTextReaderConstValue (reader));
    }
  if (ret < 0)
    {
      set_xml_error (error, reader, path);
      return FALSE;
    }
  return TRUE;
}

/* ---- Cells ------------------------------------------------------------- */

/* "AB12" → column 27 (0-based 27); only the letters matter, the row comes
 * from <row r>.  Returns FALSE for anything but 1–3 letters then digits. */
static gboolean
parse_cell_column (const char *ref,
                   guint      *col)
{
  guint v = 0, letters = 0;
  const char *p;

  for (p = ref; g_ascii_isalpha (*p); p++)
    {
      if (++letters > 3)
        return FALSE;
      v = v * 26 + (g_ascii_toupper (*p) - 'A' + 1);
    }
  if (letters == 0)
    return FALSE;
  for (; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  *col = v - 1;
  return TRUE;
}

/* Excel serial day → ISO date.  The 1900 system counts a 29 February 1900
 * that never was (Lotus compatibility): serial 60 is that day, and serials
 * after it are one ahead of the calendar.  Values below 1 are times of day
 * without a date and stay as numbers. */
static gboolean
serial_to_iso (const char *value,
               gboolean    date1904,
               char       *out,
               gsize       out_size)
{
  char *endp = NULL;
  double d;
  guint days;
  GDate date;

  d = g_ascii_strtod (value, &endp);
  if (endp == value || *endp != '\0' || !isfinite (d) || d < 1.0 || d >= 2958466.0)
    return FALSE;   /* 2958465 is 9999-12-31, Excel's last day */
  days = (guint) d;   /* d >= 1: truncation is floor, and needs no libm */

  g_date_clear (&date, 1);
  if (date1904)
    g_date_set_dmy (&date, 1, G_DATE_JANUARY, 1904);
  else if (days == 60)
    {
      g_strlcpy (out, "1900-02-29", out_size);
      return TRUE;
    }
  else if (days < 60)
    g_date_set_dmy (&date, 31, G_DATE_DECEMBER, 1899);
  else
    g_date_set_dmy (&date, 30, G_DATE_DECEMBER, 1899);
  g_date_add_days (&date, days);
  if (date1904 && g_date_get_year (&date) > 9999)
    return FALSE;
  g_snprintf (out, out_size, "%04u-%02u-%02u", (guint) g_date_get_year (&date),
              (guint) g_date_get_month (&date), (guint) g_date_get_day (&date));
  return TRUE;
}

typedef struct
{
  char    *type;      /* t attribute, NULL for a number */
  guint64  style;     /* s attribute */
  gboolean has_style;
  guint    col;
} CellInfo;

/* Turns the collected <v> or inline text of one cell into its string, or
 * sets @error.  @text may be rewritten in place. */
static const char *
cell_text (XlsxReader  *xr,
           CellInfo    *ci,
           GString     *text,
           guint        row,
           char        *date_buf,
           gsize        date_buf_size,
           GError     **error)
{
  const char *t = ci->type;

  if (t == NULL || strcmp (t, "n") == 0)
    {
      if (ci->has_style && ci->style < xr->date_styles->len
          && g_array_index (xr->date_styles, gboolean, ci->style)
          && serial_to_iso (text->str, xr->date1904, date_buf, date_buf_size))
        return date_buf;
      return text->str;
    }
  if (strcmp (t, "s") == 0)
    {
      guint64 idx;

      if (text->len == 0)
        return "";
      if (!parse_uint (text->str, G_MAXUINT, &idx) || idx >= xr->shared_strings->len)
        {
          g_set_error (error, PD_LEDGER_ERROR, PD_LEDGER_ERROR_FORMAT,
                       /* Translators: %u is a row number in the worksheet */
                       _("Row %u: a cell refers to a shared text that is not in the workbook; the file is damaged"),
                       row);
          return NULL;
        }
      return g_ptr_array_index (xr->shared_strings, idx);
    }
  if (strcmp (t, "b") == 0)
    {
      /* As Excel shows them (and writes them to CSV) */
      if (strcmp (text->str, "1") == 0)
        return "TRUE";
      if (strcmp (text->str, "0") == 0)
        return "FALSE";
      return text->str;
    }
  if (strcmp (t, "inlineStr") == 0 || strcmp (t, "str") == 0)
    decode_ooxml_escapes (text);
  /* "inlineStr", "str" (formula text), "e" (#N/A…), "d" (ISO date): as is */
  return text->str;
}

static gboolean
load_sheet (XlsxReader     *xr,
            const char     *path,
            PdLedgerTable  *table,
            GError        **error)
{
  g_autofree guint8 *buf = NULL;
  g_autoptr(xmlTextReader) reader = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  CellInfo ci = { NULL, 0, FALSE, 0 };
  gboolean in_row = FALSE, in_cell = FALSE, in_is = FALSE, collecting = FALSE;
  gboolean row_added = FALSE;
  guint rph_depth = 0;
  guint row = 0;       /* sheet row number of the current <row>, 1-based */
  guint next_col = 0;  /* column of the next <c> without an r attribute */
  gsize len;
  int ret;
  char date_buf[16];

  buf = read_part (xr->zip, path, FALSE, &len, error);
  if (buf == NULL)
    return FALSE;
  reader = open_reader (buf, len, path, error);
  if (reader == NULL)
    return FALSE;

  while ((ret = xmlTextReaderRead (reader)) == 1)
    {
      int type = xmlTextReaderNodeType (reader);
      const char *name = (const char *) xmlTextReaderConstLocalName (reader);
      gboolean empty = xmlTextReaderIsEmptyElement (reader) == 1;

      if (type == XML_READER_TYPE_DOCUMENT_TYPE)
        {
          check_no_dtd ((const guint8 *) "<!DOCTYPE", 9, path, error);
          goto fail;
        }

      if (type == XML_READER_TYPE_ELEMENT)
        {
          if (g_strcmp0 (name, "row") == 0)
            {
              g_autofree char *r = (char *) xmlTextReaderGetAttribute (reader, BAD_CAST "r");
              guint64 v;

              if (r != NULL)
                {
                  if (!parse_uint (r, PD_XLSX_MAX_ROW, &v) || v == 0)
                    {
                      g_set_error (error, PD_LEDGER_ERROR, PD_LEDGER_ERROR_FORMAT,
                                   /* Translators: %u is the number of the row before it */
                                   _("A row has an invalid row number (after row %u); the file is damaged"),
                                   row);
                      goto fail;
                    }
                  row = (guint) v;
                }
              else if (row < PD_XLSX_MAX_ROW)
                row++;
              /* a row with no cells, or only empty ones, is not added at all */
              in_row = !empty;
              row_added = FALSE;
              next_col = 0;
            }
          else if (g_strcmp0 (name, "c") == 0 && in_row)
            {
              g_autofree char *r = (char *) xmlTextReaderGetAttribute (reader, BAD_CAST "r");
              g_autofree char *s = (char *) xmlTextReaderGetAttribute (reader, BAD_CAST "s");

              g_clear_pointer (&ci.type, xmlFree);
              ci.type = (char *) xmlTextReaderGetAttribute (reader, BAD_CAST "t");
              ci.has_style = parse_uint (s, G_MAXUINT, &ci.style);
              if (r != NULL)
                {
                  if (!parse_cell_column (r, &ci.col))
                    {
                      g_set_error (error, PD_LEDGER_ERROR, PD_LEDGER_ERROR_FORMAT,
                                   /* Translators: %u is a row number in the worksheet */
                                   _("Row %u: a cell has an invalid reference; the file is damaged"),
                                   row);
                      goto fail;
                    }
                }
              else
                ci.col = next_col;
              next_col = ci.col < G_MAXUINT ? ci.col + 1 : ci.col;
              g_string_truncate (text, 0);
              in_cell = !empty;
              in_is = FALSE;
              collecting = FALSE;
              rph_depth = 0;
            }
          else if (in_cell && !empty)
            {
              if (g_strcmp0 (name, "v") == 0)
                collecting = TRUE;
              else if (g_strcmp0 (name, "is") == 0)
                in_is = TRUE;
              else if (g_strcmp0 (name, "rPh") == 0)
                rph_depth++;
              else if (g_strcmp0 (name, "t") == 0 && in_is && rph_depth == 0)
                collecting = TRUE;
            }
        }
      else if (type == XML_READER_TYPE_END_ELEMENT)
        {
          if (g_strcmp0 (name, "c") == 0 && in_cell)
            {
              const char *value;

              in_cell = FALSE;
              collecting = FALSE;
              value = cell_text (xr, &ci, text, row, date_buf, sizeof date_buf, error);
              if (value == NULL)
                goto fail;
              if (value[0] == '\0')
                continue;
              if (!row_added)
                {
                  pd_ledger_table_append_row (table, row);
                  row_added = TRUE;
                }
              if (!pd_ledger_table_set_cell (table, ci.col, value, -1, error))
                {
                  /* Translators: %u is a row number; the rest of the message follows */
                  g_prefix_error (error, _("Row %u: "), row);
                  goto fail;
                }
            }
          else if (g_strcmp0 (name, "row") == 0)
            in_row = in_cell = FALSE;
          else if (g_strcmp0 (name, "v") == 0 || g_strcmp0 (name, "t") == 0)
            collecting = FALSE;
          else if (g_strcmp0 (name, "is") == 0)
            in_is = FALSE;
          else if (g_strcmp0 (name, "rPh") == 0 && rph_depth > 0)
            rph_depth--;
          else if (g_strcmp0 (name, "sheetData") == 0)
            break;   /* merged cells, print setup… are not ledger data */
        }
      else if (collecting && is_collectable (type))
        g_string_append (text, (const char *) xmlTextReaderConstValue (reader));
    }
  if (ret < 0)
    {
      set_xml_error (error, reader, path);
      goto fail;
    }

  g_clear_pointer (&ci.type, xmlFree);
  return TRUE;

fail:
  g_clear_pointer (&ci.type, xmlFree);
  return FALSE;
}

/* ---- Workbook ---------------------------------------------------------- */

static void
xlsx_reader_clear (XlsxReader *xr)
{
  g_clear_pointer (&xr->zip, zip_discard);
  g_clear_pointer (&xr->shared_strings, g_ptr_array_unref);
  g_clear_pointer (&xr->strings_chunk, g_string_chunk_free);
  g_clear_pointer (&xr->date_styles, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (XlsxReader, xlsx_reader_clear)

/* @error is never NULL here, so "missing optional part" and "failed" can be
 * told apart by whether it was set. */
static PdLedgerTable *
parse_workbook (const guint8  *data,
                gsize          len,
                GError       **error)
{
  g_auto(XlsxReader) xr = { NULL, NULL, NULL, NULL, FALSE };
  g_autoptr(PdLedgerTable) table = NULL;
  g_autoptr(xmlDoc) root_rels = NULL, workbook = NULL, wb_rels = NULL;
  g_autofree char *workbook_path = NULL, *workbook_dir = NULL, *rels_path = NULL;
  g_autofree char *wb_base = NULL, *sheet_path = NULL;
  g_autofree char *styles_path = NULL, *strings_path = NULL;
  zip_source_t *src;
  zip_error_t zerr;
  xmlNode *wb_root, *sheet, *pr;

  if (len > PD_LEDGER_MAX_FILE_SIZE)
    {
      g_set_error (error, PD_LEDGER_ERROR, PD_LEDGER_ERROR_TOO_LARGE,
                   /* Translators: %u is a size in megabytes */
                   _("The workbook is larger than %u MB; split it into smaller files"),
                   (guint) (PD_LEDGER_MAX_FILE_SIZE / (1024 * 1024)));
      return NULL;
    }

  zip_error_init (&zerr);
  src = zip_source_buffer_create (data, len, 0, &zerr);
  if (src != NULL)
    {
      xr.zip = zip_open_from_source (src, ZIP_RDONLY, &zerr);
      if (xr.zip == NULL)
        zip_source_free (src);
    }
  zip_error_fini (&zerr);
  if (xr.zip == NULL)
    {
      g_set_error (error, PD_LEDGER_ERROR, PD_LEDGER_ERROR_FORMAT,
                   _("The workbook is damaged or incomplete (it is not a readable zip archive); open it in Excel or WPS and save it again"));
      return NULL;
    }

  /* The package says where the workbook is; xl/workbook.xml is only the
   * usual answer. */
  root_rels = read_xml_part (xr.zip, "_rels/.rels", TRUE, error);
  if (root_rels == NULL && *error != NULL)
    return NULL;
  if (root_rels != NULL)
    workbook_path = find_relationship (root_rels, "", NULL, "/officeDocument", NULL);
  if (workbook_path == NULL)
    workbook_path = g_strdup ("xl/workbook.xml");

  workbook = read_xml_part (xr.zip, workbook_path, FALSE, error);
  if (workbook == NULL)
    return NULL;
  workbook_dir = dir_of (workbook_path);
  wb_base = g_path_get_basename (workbook_path);
  rels_path = workbook_dir[0] != '\0'
              ? g_strconcat (workbook_dir, "/_rels/", wb_base, ".rels", NULL)
              : g_strconcat ("_rels/", wb_base, ".rels", NULL);
  wb_rels = read_xml_part (xr.zip, rels_path, FALSE, error);
  if (wb_rels == NULL)
    return NULL;

  wb_root = xmlDocGetRootElement (workbook);
  pr = find_child (wb_root, "workbookPr");
  if (pr != NULL)
    {
      g_autofree xmlChar *d1904 = xmlGetProp (pr, BAD_CAST "date1904");

      xr.date1904 = parse_bool_attr (d1904);
    }

  /* The first <sheet> that is a worksheet: chart sheets have no cells. */
  for (sheet = find_child (find_child (wb_root, "sheets"), "sheet");
       sheet != NULL && sheet_path == NULL; sheet = sheet->next)
    {
      g_autofree xmlChar *rid = NULL;

      if (!is_element (sheet, "sheet"))
        continue;
      rid = get_relationship_id (sheet);
      if (rid != NULL)
        sheet_path = find_relationship (wb_rels, workbook_dir, (const char *) rid,
                                        "/worksheet", NULL);
    }
  if (sheet_path == NULL)
    {
      g_set_error (error, PD_LEDGER_ERROR, PD_LEDGER_ERROR_FORMAT,
                   _("The workbook has no worksheet"));
      return NULL;
    }

  styles_path = find_relationship (wb_rels, workbook_dir, NULL, "/styles", NULL);
  strings_path = find_relationship (wb_rels, workbook_dir, NULL, "/sharedStrings", NULL);

  if (!load_styles (&xr, styles_path, error)
      || !load_shared_strings (&xr, strings_path, error))
    return NULL;

  table = pd_ledger_table_new ();
  if (!load_sheet (&xr, sheet_path, table, error))
    return NULL;

  if (pd_ledger_table_get_n_rows (table) == 0)
    {
      g_set_error (error, PD_LEDGER_ERROR, PD_LEDGER_ERROR_EMPTY,
                   _("The first worksheet of the workbook has no rows with data"));
      return NULL;
    }
  return g_steal_pointer (&table);
}

PdLedgerTable *
pd_xlsx_parse (const guint8  *data,
               gsize          len,
               GError       **error)
{
  GError *local_error = NULL;
  PdLedgerTable *table;

  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  ensure_libxml ();

  table = parse_workbook (data != NULL ? data : (const guint8 *) "", len, &local_error);
  if (table == NULL)
    g_propagate_error (error, local_error);
  return table;
}
