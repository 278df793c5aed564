/* pd-xlsx-part.c — the parts (zip entries) of a workbook package: read with
 * a size cap, refused with a DTD, parsed as an XML tree or streamed. */
#include "pd-xlsx-private.h"

#include <string.h>
#include <glib/gi18n-lib.h>

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
guint8 *
pd_xlsx_read_part (zip_t       *zip,
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
gboolean
pd_xlsx_check_no_dtd (const guint8  *buf,
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
xmlDoc *
pd_xlsx_read_xml_part (zip_t       *zip,
                       const char  *name,
                       gboolean     optional,
                       GError     **error)
{
  g_autofree guint8 *buf = NULL;
  xmlDoc *doc;
  gsize len;

  buf = pd_xlsx_read_part (zip, name, optional, &len, error);
  if (buf == NULL)
    return NULL;
  if (!pd_xlsx_check_no_dtd (buf, len, name, error))
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

gboolean
pd_xlsx_is_element (xmlNode    *node,
                    const char *local_name)
{
  /* Local names only: some generators write prefixed elements (x:row) */
  return node != NULL && node->type == XML_ELEMENT_NODE
         && xmlStrEqual (node->name, BAD_CAST local_name);
}

xmlNode *
pd_xlsx_find_child (xmlNode    *parent,
                    const char *local_name)
{
  xmlNode *n;

  for (n = parent != NULL ? parent->children : NULL; n != NULL; n = n->next)
    if (pd_xlsx_is_element (n, local_name))
      return n;
  return NULL;
}

gboolean
pd_xlsx_is_collectable (int type)
{
  return type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA
         || type == XML_READER_TYPE_WHITESPACE
         || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE;
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

int
pd_xlsx_next_node (xmlTextReader  *reader,
                   const char     *part,
                   int            *type,
                   const char    **name,
                   gboolean       *empty,
                   GError        **error)
{
  int ret = xmlTextReaderRead (reader);

  if (ret < 0)
    set_xml_error (error, reader, part);
  if (ret != 1)
    return ret < 0 ? -1 : 0;
  *type = xmlTextReaderNodeType (reader);
  *name = (const char *) xmlTextReaderConstLocalName (reader);
  *empty = xmlTextReaderIsEmptyElement (reader) == 1;
  if (*type == XML_READER_TYPE_DOCUMENT_TYPE)
    {
      /* The parser does not load it, but a DTD is refused all the same. */
      pd_xlsx_check_no_dtd ((const guint8 *) "<!DOCTYPE", 9, part, error);
      return -1;
    }
  return 1;
}

xmlTextReader *
pd_xlsx_open_reader (const guint8  *buf,
                     gsize          len,
                     const char    *part,
                     GError       **error)
{
  xmlTextReader *reader;

  if (!pd_xlsx_check_no_dtd (buf, len, part, error))
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
