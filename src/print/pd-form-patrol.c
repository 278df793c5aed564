/* pd-form-patrol.c — the blank round sheet (空置房巡查表) and a filled patrol
 * record.  See pd-form-patrol.h. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pd-form-patrol-private.h"
#include "pd-patrol-checklist.h"
#include "pd-patrol-vacancy.h"

void
pd_form_patrol_footer (PdPrintLayout       *layout,
                       const PdPatrolPrint *print)
{
  /* Translators: printed at the foot of a form: who printed it and when */
  g_autofree char *text = g_strdup_printf (C_("patrol form", "Printed by %s, %s"), print->printed_by,
                                           print->printed_at);
  pd_print_layout_set_footer (layout, text);
}

/* Column widths of the round sheet in points (the table scales them to
 * the frame): the unit, one narrow column per checklist item as wide as
 * its heading, and the note taking what is left, so a short custom
 * checklist gives more room to write. */
#define SHEET_UNIT_MIN_PT  56.0
#define SHEET_ITEM_MIN_PT  26.0
#define SHEET_ITEM_MAX_PT  60.0
#define SHEET_NOTE_MIN_PT  72.0

/* The unit cell: its code over its due date (this year's as MM-DD, so the
 * column stays narrow). */
static char *
unit_cell (const PdPatrolPrint *print,
           const PdVacantUnit  *unit)
{
  const char *due = strncmp (unit->next_due, print->today, 4) == 0 ? unit->next_due + 5 : unit->next_due;

  if (unit->status == PD_PATROL_STATUS_OVERDUE)
    /* Translators: a unit on the round sheet and the day its patrol fell overdue */
    return g_strdup_printf (C_("patrol form", "%s\noverdue %s"), unit->unit_code, due);
  /* Translators: a unit on the round sheet and the day its patrol is due */
  return g_strdup_printf (C_("patrol form", "%s\ndue %s"), unit->unit_code, due);
}

/* Fills @columns (unit, the checklist items, the note) in points; the
 * table scales them to the frame. */
static void
sheet_columns (PdPrintLayout       *layout,
               const PdPatrolPrint *print,
               GPtrArray           *unit_cells,
               PdPrintColumn       *columns)
{
  guint n_items = print->checklist->len;
  double unit_width = SHEET_UNIT_MIN_PT, items_width = 0, room;

  for (guint i = 0; i < unit_cells->len; i++)
    unit_width = MAX (unit_width, pd_print_text_width (layout, PD_PRINT_STYLE_BODY, unit_cells->pdata[i]) + 14);
  columns[0].title = C_("patrol form", "Unit");
  columns[0].width = unit_width;
  for (guint i = 0; i < n_items; i++)
    {
      const PdPatrolCheckItem *item = print->checklist->pdata[i];
      double heading = pd_print_text_width (layout, PD_PRINT_STYLE_BOLD, item->short_label) + 12;

      columns[i + 1].title = item->short_label;
      columns[i + 1].width = CLAMP (heading, SHEET_ITEM_MIN_PT, SHEET_ITEM_MAX_PT);
      columns[i + 1].align = PANGO_ALIGN_CENTER;
      items_width += columns[i + 1].width;
    }
  /* Long headings (other languages, custom items) give way, so the unit
   * codes and the note keep their room; headings then wrap. */
  room = pd_print_layout_get_width (layout) - unit_width - SHEET_NOTE_MIN_PT;
  for (guint i = 0; items_width > room && i < n_items; i++)
    columns[i + 1].width *= room / items_width;
  columns[n_items + 1].title = C_("patrol form", "Problems found, note");
  columns[n_items + 1].width = SHEET_NOTE_MIN_PT + room - MIN (items_width, room);
}

void
pd_form_render_patrol_sheet (cairo_t             *cr,
                             PangoContext        *pc,
                             double               width_pt,
                             double               height_pt,
                             const PdPatrolPrint *print)
{
  PdPrintLayout *layout = pd_print_layout_begin (cr, pc, width_pt, height_pt);
  guint n_columns = print->checklist->len + 2;
  g_autofree PdPrintColumn *columns = g_new0 (PdPrintColumn, n_columns);
  g_autofree const char **cells = g_new0 (const char *, n_columns);
  g_autoptr (GPtrArray) unit_cells = g_ptr_array_new_with_free_func (g_free);
  /* Translators: the round sheet's subtitle: estate name and building code */
  g_autofree char *heading = g_strdup_printf (C_("patrol form", "%s — building %s"), print->estate_name,
                                              print->building_code);
  g_autofree char *units = g_strdup_printf ("%u", print->units->len);
  g_autofree char *keys = g_strdup_printf ("%d", print->keys_in);
  const PdPrintField fields[] = {
    { C_("patrol form", "Building"), print->building_code },
    { C_("patrol form", "Vacant units"), units },
    { C_("patrol form", "Keys in the office"), keys },
    { C_("patrol form", "Patrol date"), NULL },
    { C_("patrol form", "Inspector"), NULL },
    { C_("patrol form", "Keys signed out at"), NULL },
    { C_("patrol form", "Schedule"), pd_patrol_policy_label (print->policy), 2 },
    { C_("patrol form", "Keys signed back at"), NULL },
  };
  const char *roles[] = { C_("patrol form", "Inspector"), C_("patrol form", "Customer service supervisor") };

  for (guint i = 0; i < print->units->len; i++)
    g_ptr_array_add (unit_cells, unit_cell (print, print->units->pdata[i]));
  sheet_columns (layout, print, unit_cells, columns);

  pd_form_patrol_footer (layout, print);
  pd_print_title (layout, C_("patrol form", "Vacant Unit Patrol Sheet"), heading, NULL);
  pd_print_grid (layout, 3, fields, G_N_ELEMENTS (fields));
  pd_print_layout_skip (layout, 4);
  pd_print_paragraph (layout, PD_PRINT_STYLE_SMALL,
                      C_("patrol form", "Mark every item ✓ when in order or ✗ when not, and write what is wrong "
                                        "in the last column: a problem becomes a rectification notice. "
                                        "Close doors and windows on leaving."));
  pd_print_table_begin (layout, columns, n_columns);
  for (guint i = 0; i < unit_cells->len; i++)
    {
      cells[0] = unit_cells->pdata[i];
      pd_print_table_row (layout, cells);
    }
  if (unit_cells->len == 0)
    pd_print_table_note_row (layout, C_("patrol form", "(no vacant unit in this building)"));
  pd_print_table_blank_rows (layout, 2, 0);
  pd_print_table_end (layout);
  pd_print_layout_skip (layout, 6);
  pd_print_signatures (layout, roles, G_N_ELEMENTS (roles));
  pd_print_layout_end (layout);
}

void
pd_form_render_patrol_record (cairo_t             *cr,
                              PangoContext        *pc,
                              double               width_pt,
                              double               height_pt,
                              const PdPatrolPrint *print)
{
  const PdPatrol *patrol = print->patrol;
  PdPrintLayout *layout = pd_print_layout_begin (cr, pc, width_pt, height_pt);
  g_autofree char *serial = g_strdup_printf ("XC%06" G_GINT64_FORMAT, patrol->id);
  const PdPrintColumn columns[] = {
    { C_("patrol form", "No."), 0.5, PANGO_ALIGN_CENTER },
    { C_("patrol form", "Checklist item"), 3.2 },
    { C_("patrol form", "Result"), 0.9, PANGO_ALIGN_CENTER },
    { C_("patrol form", "What is wrong"), 3.4 },
  };
  const PdPrintColumn anomaly_columns[] = {
    { C_("patrol form", "Notice no."), 1.3 }, { C_("patrol form", "Anomaly"), 1.0 },
    { C_("patrol form", "To"), 1.0 }, { C_("patrol form", "Rectify by"), 1.2 },
    { C_("patrol form", "State"), 0.9 },
  };
  const PdPrintField fields[] = {
    { C_("patrol form", "Unit"), patrol->unit_code },
    { C_("patrol form", "Patrol date"), patrol->patrolled_on },
    { C_("patrol form", "Inspector"), patrol->inspector },
    { C_("patrol form", "Photos"), *patrol->photo ? patrol->photo : "—" },
    { C_("patrol form", "Note"), *patrol->note ? patrol->note : "—", 2 },
  };
  const char *roles[] = { C_("patrol form", "Inspector"), C_("patrol form", "Customer service supervisor") };
  guint problems = 0;

  pd_form_patrol_footer (layout, print);
  pd_print_title (layout, C_("patrol form", "Vacant Unit Patrol Record"), print->estate_name, serial);
  pd_print_grid (layout, 2, fields, G_N_ELEMENTS (fields));
  pd_print_section (layout, C_("patrol form", "Checklist"));
  pd_print_table_begin (layout, columns, G_N_ELEMENTS (columns));
  for (guint i = 0; i < patrol->items->len; i++)
    {
      const PdPatrolItem *item = patrol->items->pdata[i];
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      const char *cells[] = { number, pd_patrol_item_label (item->item),
                              item->problem ? C_("patrol form", "✗ Problem") : C_("patrol form", "✓ OK"),
                              item->problem ? item->note : NULL };

      problems += item->problem ? 1 : 0;
      pd_print_table_row (layout, cells);
    }
  pd_print_table_end (layout);

  pd_print_section (layout, C_("patrol form", "Rectification notices issued"));
  if (print->anomalies->len == 0)
    pd_print_paragraph (layout, PD_PRINT_STYLE_BODY,
                        problems == 0 ? C_("patrol form", "None: every item was in order.")
                                      : C_("patrol form", "None."));
  else
    {
      pd_print_table_begin (layout, anomaly_columns, G_N_ELEMENTS (anomaly_columns));
      for (guint i = 0; i < print->anomalies->len; i++)
        {
          const PdAnomaly *a = print->anomalies->pdata[i];
          const char *cells[] = { a->notice_no, pd_anomaly_kind_label (a->kind),
                                  pd_department_label (a->department), a->deadline,
                                  pd_anomaly_state_label (a->state) };
          pd_print_table_row (layout, cells);
        }
      pd_print_table_end (layout);
    }
  pd_print_layout_skip (layout, 6);
  pd_print_signatures (layout, roles, G_N_ELEMENTS (roles));
  pd_print_layout_end (layout);
}
