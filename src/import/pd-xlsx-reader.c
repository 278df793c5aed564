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
 * with the data (sheet, shared strings) are streamed through SAX2
 * callbacks rather than built into a tree.
 *
 * This file finds the parts through the package relationships; reading
 * them is in pd-xlsx-part.c, the shared strings in pd-xlsx-strings.c, date
 * styles in pd-xlsx-styles.c, the worksheet in pd-xlsx-sheet.c and cell
 * references in pd-xlsx-cellref.c.
 */
#include "pd-xlsx-private.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#define NS_REL_TRANSITIONAL "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_REL_STRICT       "http://purl.oclc.org/ooxml/officeDocument/relationships"

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

      if (!pd_xlsx_is_element (n, "Relationship"))
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
  root_rels = pd_xlsx_read_xml_part (xr.zip, "_rels/.rels", TRUE, error);
  if (root_rels == NULL && *error != NULL)
    return NULL;
  if (root_rels != NULL)
    workbook_path = find_relationship (root_rels, "", NULL, "/officeDocument", NULL);
  if (workbook_path == NULL)
    workbook_path = g_strdup ("xl/workbook.xml");

  workbook = pd_xlsx_read_xml_part (xr.zip, workbook_path, FALSE, error);
  if (workbook == NULL)
    return NULL;
  workbook_dir = dir_of (workbook_path);
  wb_base = g_path_get_basename (workbook_path);
  rels_path = workbook_dir[0] != '\0'
              ? g_strconcat (workbook_dir, "/_rels/", wb_base, ".rels", NULL)
              : g_strconcat ("_rels/", wb_base, ".rels", NULL);
  wb_rels = pd_xlsx_read_xml_part (xr.zip, rels_path, FALSE, error);
  if (wb_rels == NULL)
    return NULL;

  wb_root = xmlDocGetRootElement (workbook);
  pr = pd_xlsx_find_child (wb_root, "workbookPr");
  if (pr != NULL)
    {
      g_autofree xmlChar *d1904 = xmlGetProp (pr, BAD_CAST "date1904");

      xr.date1904 = parse_bool_attr (d1904);
    }

  /* The first <sheet> that is a worksheet: chart sheets have no cells. */
  for (sheet = pd_xlsx_find_child (pd_xlsx_find_child (wb_root, "sheets"), "sheet");
       sheet != NULL && sheet_path == NULL; sheet = sheet->next)
    {
      g_autofree xmlChar *rid = NULL;

      if (!pd_xlsx_is_element (sheet, "sheet"))
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

  if (!pd_xlsx_load_styles (&xr, styles_path, error)
      || !pd_xlsx_load_shared_strings (&xr, strings_path, error))
    return NULL;

  table = pd_ledger_table_new ();
  if (!pd_xlsx_load_sheet (&xr, sheet_path, table, error))
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
