/* pd-owner-mapping.c — which ledger column holds which field.
 *
 * Offices name their columns in many ways; the synonyms below are the ones
 * found in real ledgers (Chinese, and English for foreign-run estates).
 * Headers are compared after removing what varies without changing the
 * meaning: spaces and line breaks inside the cell, required-field stars,
 * units in brackets (建筑面积(㎡)), and case and punctuation of English.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pd-owner-record.h"

/* How many rows above the header a ledger may have (titles, the estate's
 * name, a date line …). */
#define MAX_HEADER_ROW 30

static const struct
{
  const char *key;
  const char *label;
  const char *synonyms;   /* normalised header names, '|'-separated */
} fields[PD_OWNER_N_FIELDS] = {
  [PD_OWNER_FIELD_NONE] = { "", N_("(ignore)"), "" },
  [PD_OWNER_FIELD_UNIT_CODE] = { "unit_code", N_("Unit code"),
    "房号|房屋编号|单元号|房间号|房间编号|房屋号|门牌号|房产编号|房号编码|房屋代码|"
    "unit|unitcode|unitno|unitnumber|room|roomno|roomnumber" },
  [PD_OWNER_FIELD_BUILDING] = { "building", N_("Building"),
    "楼栋|楼号|楼栋号|栋号|幢号|楼宇|楼座|building|buildingno|block" },
  [PD_OWNER_FIELD_ENTRANCE] = { "entrance", N_("Entrance"),
    "单元|entrance|entranceno|stairwell" },
  [PD_OWNER_FIELD_NAME] = { "name", N_("Name"),
    "业主姓名|姓名|业主|客户名称|客户姓名|业主名称|住户姓名|产权人|产权人姓名|"
    "name|owner|ownername|fullname|customer|customername" },
  [PD_OWNER_FIELD_ID_TYPE] = { "id_type", N_("ID type"),
    "证件类型|证件种类|证件名称|idtype|documenttype" },
  [PD_OWNER_FIELD_ID_NUMBER] = { "id_number", N_("ID number"),
    "身份证号|身份证号码|证件号码|证件号|身份证|idnumber|idno|idcard|idcardnumber|documentnumber" },
  [PD_OWNER_FIELD_USCC] = { "uscc", N_("Unified social credit code"),
    "统一社会信用代码|社会信用代码|信用代码|uscc|creditcode|unifiedsocialcreditcode" },
  [PD_OWNER_FIELD_MOBILE] = { "mobile", N_("Mobile"),
    "手机|手机号|手机号码|联系电话|电话|电话号码|联系方式|移动电话|"
    "mobile|mobilephone|mobileno|cellphone|phone|phoneno|tel|telephone" },
  [PD_OWNER_FIELD_PHONE2] = { "phone2", N_("Other phone"),
    "其他电话|其它电话|备用电话|固定电话|座机|家庭电话|办公电话|otherphone|phone2|landline" },
  [PD_OWNER_FIELD_SEX] = { "sex", N_("Sex"), "性别|sex|gender" },
  [PD_OWNER_FIELD_BIRTHDAY] = { "birthday", N_("Birthday"),
    "出生日期|生日|出生年月日|birthday|birthdate|dateofbirth|dob" },
  [PD_OWNER_FIELD_ADDRESS] = { "address", N_("Address"),
    "地址|通讯地址|联系地址|家庭住址|家庭地址|户籍地址|address|mailingaddress|postaladdress" },
  [PD_OWNER_FIELD_EMERGENCY_NAME] = { "emergency_name", N_("Emergency contact"),
    "紧急联系人|紧急联系人姓名|emergencycontact|emergencyname" },
  [PD_OWNER_FIELD_EMERGENCY_PHONE] = { "emergency_phone", N_("Emergency contact phone"),
    "紧急联系电话|紧急联系人电话|紧急电话|emergencyphone|emergencycontactphone" },
  [PD_OWNER_FIELD_ROLE] = { "role", N_("Role"),
    "身份|住户身份|住户类型|人员类型|人员身份|role|residenttype" },
  [PD_OWNER_FIELD_RELATION] = { "relation", N_("Relation to the owner"),
    "与业主关系|与户主关系|关系|relation|relationship|relationtoowner" },
  [PD_OWNER_FIELD_LEASE_START] = { "start_on", N_("Lease start"),
    "租期开始|起租日期|起租日|租赁开始日期|租赁起始日期|租期起|租期开始日期|leasestart|leasefrom" },
  [PD_OWNER_FIELD_LEASE_END] = { "lease_end", N_("Lease end"),
    "租期结束|到期日期|租赁结束日期|租赁到期日|租赁到期日期|租期止|租期结束日期|leaseend|leaseto" },
  [PD_OWNER_FIELD_GROSS_AREA] = { "gross_area", N_("Gross area"),
    "建筑面积|面积|产权面积|grossarea|area|floorarea" },
  [PD_OWNER_FIELD_INNER_AREA] = { "inner_area", N_("Inner area"),
    "套内面积|套内建筑面积|使用面积|innerarea|usablearea" },
  [PD_OWNER_FIELD_LAYOUT] = { "layout", N_("Layout"), "户型|layout|roomtype" },
  [PD_OWNER_FIELD_USE] = { "use", N_("Use"),
    "用途|房屋用途|房屋类型|物业类型|物业用途|use|usage|propertytype" },
  [PD_OWNER_FIELD_STATE] = { "state", N_("Unit state"),
    "房屋状态|状态|入住状态|房间状态|state|status|unitstate|unitstatus" },
  [PD_OWNER_FIELD_PLATE] = { "plate", N_("Plate number"),
    "车牌|车牌号|车牌号码|车辆|车辆牌照|plate|plateno|platenumber|licenseplate|licenceplate|vehicle" },
  [PD_OWNER_FIELD_NOTES] = { "notes", N_("Notes"),
    "备注|说明|备注说明|notes|note|remarks|remark|comments" },
};

const char *
pd_owner_field_label (PdOwnerField field)
{
  g_return_val_if_fail (field < PD_OWNER_N_FIELDS, "");
  return _(fields[field].label);
}

const char *
pd_owner_field_key (PdOwnerField field)
{
  g_return_val_if_fail (field < PD_OWNER_N_FIELDS, "");
  return fields[field].key;
}

char *
pd_owner_normalise_name (const char *header)
{
  GString *out = g_string_new (NULL);
  int depth = 0;

  for (const char *p = header; p && *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '(' || c == 0xFF08 || c == '[' || c == 0x3010)        /* ( （ [ 【 */
        depth++;
      else if (c == ')' || c == 0xFF09 || c == ']' || c == 0x3011)   /* ) ） ] 】 */
        depth = MAX (depth - 1, 0);
      else if (depth > 0 || g_unichar_isspace (c) || c == 0x3000 || c == '*' || c == 0xFF0A ||
               c == ':' || c == 0xFF1A)
        continue;
      else if (c < 0x80 && !g_ascii_isalnum (c))
        continue;                           /* "ID No." → idno, "unit_code" → unitcode */
      else
        g_string_append_unichar (out, c < 0x80 ? (gunichar) g_ascii_tolower ((char) c) : c);
    }
  return g_string_free (out, FALSE);
}

PdOwnerField
pd_owner_field_from_header (const char *header)
{
  g_autofree char *name = pd_owner_normalise_name (header);

  if (*name == '\0')
    return PD_OWNER_FIELD_NONE;
  for (guint f = 1; f < PD_OWNER_N_FIELDS; f++)
    {
      g_auto (GStrv) names = g_strsplit (fields[f].synonyms, "|", -1);
      if (g_strv_contains ((const char *const *) names, name))
        return f;
    }
  return PD_OWNER_FIELD_NONE;
}

void
pd_owner_mapping_free (PdOwnerMapping *mapping)
{
  if (mapping == NULL)
    return;
  g_free (mapping->columns);
  g_free (mapping);
}

PdOwnerMapping *
pd_owner_mapping_copy (const PdOwnerMapping *mapping)
{
  PdOwnerMapping *copy = g_new0 (PdOwnerMapping, 1);

  *copy = *mapping;
  copy->columns = g_memdup2 (mapping->columns, sizeof (PdOwnerField) * MAX (mapping->n_columns, 1));
  return copy;
}

/* Maps one row's cells; returns how many distinct fields it names. */
static guint
map_row (PdLedgerTable *table,
         guint          row,
         PdOwnerField  *columns,
         guint          n_columns)
{
  gboolean used[PD_OWNER_N_FIELDS] = { FALSE };
  guint named = 0;

  for (guint col = 0; col < n_columns; col++)
    {
      PdOwnerField field = pd_owner_field_from_header (pd_ledger_table_get_cell (table, row, col));

      /* A second phone column is the other phone (联系电话 | 电话). */
      if (field == PD_OWNER_FIELD_MOBILE && used[field])
        field = PD_OWNER_FIELD_PHONE2;
      if (field != PD_OWNER_FIELD_NONE && used[field])
        field = PD_OWNER_FIELD_NONE;
      used[field] = TRUE;
      columns[col] = field;
      if (field != PD_OWNER_FIELD_NONE)
        named++;
    }
  return named;
}

PdOwnerMapping *
pd_owner_mapping_detect (PdLedgerTable *table,
                         GError       **error)
{
  guint n_rows = pd_ledger_table_get_n_rows (table);
  guint n_columns = 0;

  for (guint row = 0; row < n_rows; row++)
    n_columns = MAX (n_columns, pd_ledger_table_get_n_cells (table, row));

  for (guint row = 0; row < MIN (n_rows, MAX_HEADER_ROW); row++)
    {
      g_autoptr (PdOwnerMapping) mapping = g_new0 (PdOwnerMapping, 1);

      mapping->header_row = row;
      mapping->n_columns = n_columns;
      mapping->columns = g_new0 (PdOwnerField, MAX (n_columns, 1));
      if (map_row (table, row, mapping->columns, pd_ledger_table_get_n_cells (table, row)) >= 2)
        return g_steal_pointer (&mapping);
    }
  g_set_error (error, PD_LEDGER_ERROR, PD_LEDGER_ERROR_FORMAT,
               /* Translators: %u is a number of rows */
               _("No header row found: none of the first %u rows names the ledger's columns "
                 "(for example 房号 and 业主姓名)"),
               MIN (n_rows, MAX_HEADER_ROW));
  return NULL;
}

void
pd_owner_mapping_set (PdOwnerMapping *mapping,
                      guint           column,
                      PdOwnerField    field)
{
  g_return_if_fail (column < mapping->n_columns);
  g_return_if_fail (field < PD_OWNER_N_FIELDS);

  if (field != PD_OWNER_FIELD_NONE)
    for (guint col = 0; col < mapping->n_columns; col++)
      if (mapping->columns[col] == field)
        mapping->columns[col] = PD_OWNER_FIELD_NONE;
  mapping->columns[column] = field;
}

int
pd_owner_mapping_find (const PdOwnerMapping *mapping,
                       PdOwnerField          field)
{
  for (guint col = 0; col < mapping->n_columns; col++)
    if (mapping->columns[col] == field)
      return (int) col;
  return -1;
}

gboolean
pd_owner_mapping_check (const PdOwnerMapping *mapping,
                        GError              **error)
{
  static const PdOwnerField required[] = { PD_OWNER_FIELD_UNIT_CODE, PD_OWNER_FIELD_NAME };

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    if (pd_owner_mapping_find (mapping, required[i]) < 0)
      {
        g_set_error (error, PD_LEDGER_ERROR, PD_LEDGER_ERROR_FORMAT,
                     /* Translators: %s is a field such as "Unit code" */
                     _("Column mapping: no column holds the field “%s”; choose it for one of the columns"),
                     pd_owner_field_label (required[i]));
        return FALSE;
      }
  return TRUE;
}
