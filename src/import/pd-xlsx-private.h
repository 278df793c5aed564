/* pd-xlsx-private.h — the parts of the .xlsx reader (pd-xlsx-reader.c):
 * what the workbook, its styles, shared strings and worksheet files share.
 * Not for use outside src/import/pd-xlsx-*.c. */
#pragma once

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/SAX2.h>
#include <zip.h>

#include "pd-ledger.h"

G_BEGIN_DECLS

#define PD_XLSX_MAX_ROW 1048576   /* Excel's last row */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

typedef struct
{
  zip_t        *zip;
  GPtrArray    *shared_strings;  /* const char * into strings_chunk */
  GStringChunk *strings_chunk;
  GArray       *date_styles;     /* gboolean per cellXfs index */
  gboolean      date1904;
} XlsxReader;

/* pd-xlsx-part.c: the package's parts (zip entries). */
G_GNUC_INTERNAL
guint8        *pd_xlsx_read_part           (zip_t          *zip,
                                            const char     *name,
                                            gboolean        optional,
                                            gsize          *len_out,
                                            GError        **error);
G_GNUC_INTERNAL
gboolean       pd_xlsx_check_no_dtd        (const guint8   *buf,
                                            gsize           len,
                                            const char     *part,
                                            GError        **error);
G_GNUC_INTERNAL
xmlDoc        *pd_xlsx_read_xml_part       (zip_t          *zip,
                                            const char     *name,
                                            gboolean        optional,
                                            GError        **error);
G_GNUC_INTERNAL
gboolean       pd_xlsx_is_element          (xmlNode        *node,
                                            const char     *local_name);
G_GNUC_INTERNAL
xmlNode       *pd_xlsx_find_child          (xmlNode        *parent,
                                            const char     *local_name);

/* A large part streamed through callbacks (pd_xlsx_stream_part).  The
 * loader's state begins with an XlsxStream; its callbacks get that. */
typedef struct
{
  const xmlChar **values;  /* libxml2's SAX2 attribute array */
  int             n;
} XlsxAttributes;

typedef struct _XlsxStream XlsxStream;
struct _XlsxStream
{
  const char *part;
  void      (*start) (XlsxStream *stream, const char *name, const XlsxAttributes *attributes);
  void      (*end)   (XlsxStream *stream, const char *name);
  GString    *collect;  /* text and CDATA are appended here while not NULL */
  /* Set by pd_xlsx_stream_part: */
  xmlParserCtxt *ctxt;
  GError        *error;
  gboolean       finished;  /* stopped by pd_xlsx_stream_finish */
};

/* Parses @buf (a DTD refused) through @stream's callbacks.  FALSE with
 * @error set when the XML is damaged or a callback failed. */
G_GNUC_INTERNAL
gboolean       pd_xlsx_stream_part         (const guint8         *buf,
                                            gsize                 len,
                                            XlsxStream           *stream,
                                            GError              **error);
/* From a callback: stops the parse with @error (taken). */
G_GNUC_INTERNAL
void           pd_xlsx_stream_fail         (XlsxStream           *stream,
                                            GError               *error);
/* From a callback: the rest of the part is not needed. */
G_GNUC_INTERNAL
void           pd_xlsx_stream_finish       (XlsxStream           *stream);
/* The value of the unprefixed attribute @name, copied into @value, or NULL. */
G_GNUC_INTERNAL
const char    *pd_xlsx_attribute           (const XlsxAttributes *attributes,
                                            const char           *name,
                                            GString              *value);

/* pd-xlsx-cellref.c: cell references and numbers in attributes. */
G_GNUC_INTERNAL
gboolean       pd_xlsx_parse_uint          (const char     *s,
                                            guint64         max,
                                            guint64        *out);
G_GNUC_INTERNAL
gboolean       pd_xlsx_parse_cell_column   (const char     *ref,
                                            guint          *col);

/* pd-xlsx-strings.c: shared strings and OOXML escapes. */
G_GNUC_INTERNAL
void           pd_xlsx_decode_escapes      (GString        *s);
G_GNUC_INTERNAL
gboolean       pd_xlsx_load_shared_strings (XlsxReader     *xr,
                                            const char     *path,
                                            GError        **error);

/* pd-xlsx-styles.c: which styles are dates, and serial days as dates. */
G_GNUC_INTERNAL
gboolean       pd_xlsx_load_styles         (XlsxReader     *xr,
                                            const char     *path,
                                            GError        **error);
G_GNUC_INTERNAL
gboolean       pd_xlsx_serial_to_iso       (const char     *value,
                                            gboolean        date1904,
                                            char           *out,
                                            gsize           out_size);

/* pd-xlsx-sheet.c: the worksheet into @table. */
G_GNUC_INTERNAL
gboolean       pd_xlsx_load_sheet          (XlsxReader     *xr,
                                            const char     *path,
                                            PdLedgerTable  *table,
                                            GError        **error);

G_END_DECLS
