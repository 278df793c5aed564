/* pd-xlsx-part.c — the parts (zip entries) of a workbook package: read with
 * a size cap, refused with a DTD, parsed as an XML tree or streamed. */
#include "pd-xlsx-private.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <libxml/parserInternals.h>

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

/* ---- the two large parts, streamed -------------------------------------
 *
 * The worksheet and the shared strings go through libxml2's SAX2 callbacks:
 * no node is built for any element.  xmlTextReader built and freed one per
 * element, which was most of the 0.55 s a 95,000-row ledger took to read. */

static void
refuse_dtd (void          *ctx,
            const xmlChar *name G_GNUC_UNUSED,
            const xmlChar *external_id G_GNUC_UNUSED,
            const xmlChar *system_id G_GNUC_UNUSED)
{
  XlsxStream *stream = ((xmlParserCtxt *) ctx)->_private;
  GError *error = NULL;

  /* The parser does not load it, but a DTD is refused all the same. */
  pd_xlsx_check_no_dtd ((const guint8 *) "<!DOCTYPE", 9, stream->part, &error);
  pd_xlsx_stream_fail (stream, error);
}

static void
on_start (void           *ctx,
          const xmlChar  *localname,
          const xmlChar  *prefix G_GNUC_UNUSED,
          const xmlChar  *uri G_GNUC_UNUSED,
          int             n_namespaces G_GNUC_UNUSED,
          const xmlChar **namespaces G_GNUC_UNUSED,
          int             n_attributes,
          int             n_defaulted G_GNUC_UNUSED,
          const xmlChar **attributes)
{
  XlsxStream *stream = ((xmlParserCtxt *) ctx)->_private;
  XlsxAttributes attrs = { attributes, n_attributes };

  stream->start (stream, (const char *) localname, &attrs);
}

static void
on_end (void          *ctx,
        const xmlChar *localname,
        const xmlChar *prefix G_GNUC_UNUSED,
        const xmlChar *uri G_GNUC_UNUSED)
{
  XlsxStream *stream = ((xmlParserCtxt *) ctx)->_private;

  stream->end (stream, (const char *) localname);
}

static void
on_text (void          *ctx,
         const xmlChar *text,
         int            len)
{
  XlsxStream *stream = ((xmlParserCtxt *) ctx)->_private;

  if (stream->collect != NULL)
    g_string_append_len (stream->collect, (const char *) text, len);
}

gboolean
pd_xlsx_stream_part (const guint8  *buf,
                     gsize          len,
                     XlsxStream    *stream,
                     GError       **error)
{
  xmlSAXHandler sax;
  xmlParserCtxt *ctxt;
  gboolean ok;

  if (!pd_xlsx_check_no_dtd (buf, len, stream->part, error))
    return FALSE;
  if (len > G_MAXINT || (ctxt = xmlCreateMemoryParserCtxt ((const char *) buf, (int) len)) == NULL)
    {
      set_damaged_error (error, stream->part);
      return FALSE;
    }
  memset (&sax, 0, sizeof sax);
  sax.initialized = XML_SAX2_MAGIC;
  sax.startElementNs = on_start;
  sax.endElementNs = on_end;
  sax.characters = on_text;
  sax.ignorableWhitespace = on_text;
  /* CDATA comes as text too (XML_PARSE_NOCDATA), and libxml2's own
   * messages are silenced by the options: the user gets ours. */
  sax.internalSubset = refuse_dtd;
  /* The context's own handler is replaced: it was allocated with it. */
  memcpy (ctxt->sax, &sax, sizeof sax);
  ctxt->_private = stream;
  xmlCtxtUseOptions (ctxt, xml_options);
  stream->ctxt = ctxt;
  stream->error = NULL;
  stream->finished = FALSE;

  xmlParseDocument (ctxt);
  if (stream->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&stream->error));
      ok = FALSE;
    }
  else if (!ctxt->wellFormed && !stream->finished)
    {
      g_set_error (error, PD_LEDGER_ERROR, PD_LEDGER_ERROR_FORMAT,
                   /* Translators: %s is a part inside the .xlsx file, %d a line in it */
                   _("The workbook is damaged: part “%s” is not valid XML (near line %d)"),
                   stream->part, xmlSAX2GetLineNumber (ctxt));
      ok = FALSE;
    }
  else
    ok = TRUE;
  stream->ctxt = NULL;
  xmlFreeParserCtxt (ctxt);
  return ok;
}

void
pd_xlsx_stream_fail (XlsxStream *stream,
                     GError     *error)
{
  if (stream->error == NULL)
    stream->error = error;
  else
    g_error_free (error);
  xmlStopParser (stream->ctxt);
}

void
pd_xlsx_stream_finish (XlsxStream *stream)
{
  stream->finished = TRUE;
  xmlStopParser (stream->ctxt);
}

const char *
pd_xlsx_attribute (const XlsxAttributes *attrs,
                   const char           *name,
                   GString              *value)
{
  /* Five pointers each: local name, prefix, namespace, value, value end. */
  for (int i = 0; i < attrs->n; i++)
    {
      const xmlChar *const *a = attrs->values + 5 * i;

      if (a[1] == NULL && strcmp ((const char *) a[0], name) == 0)
        {
          g_string_truncate (value, 0);
          g_string_append_len (value, (const char *) a[3], a[4] - a[3]);
          return value->str;
        }
    }
  return NULL;
}
