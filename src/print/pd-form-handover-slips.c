/* pd-form-handover-slips.c — the rectification notice (整改通知单) and the
 * key and card receipt of a handover; see pd-form-handover.h. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-form-handover-private.h"
#include "pd-handover-defect.h"

/* Open defects by responsible party, parties in order of first mention.
 * Element type GPtrArray of borrowed PdHandoverDefect. */
static GPtrArray *
group_by_party (GPtrArray *defects)
{
  GPtrArray *groups = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; i < defects->len; i++)
    {
      PdHandoverDefect *d = defects->pdata[i];
      GPtrArray *group = NULL;

      if (!g_str_equal (d->status, "open"))
        continue;
      for (guint g = 0; g < groups->len && group == NULL; g++)
        {
          GPtrArray *candidate = groups->pdata[g];
          if (g_str_equal (((PdHandoverDefect *) candidate->pdata[0])->responsible, d->responsible))
            group = candidate;
        }
      if (group == NULL)
        {
          group = g_ptr_array_new ();
          g_ptr_array_add (groups, group);
        }
      g_ptr_array_add (group, d);
    }
  return groups;
}

static void
print_notice (PdPrintLayout            *layout,
              const PdHandoverDocument *document,
              GPtrArray                *group)
{
  const PdHandover *h = document->handover;
  const PdHandoverDefect *first = group->pdata[0];
  const PdPrintColumn columns[] = {
    { C_("handover", "No."), 0.62, PANGO_ALIGN_CENTER },
    { C_("handover", "Room"), 0.9, PANGO_ALIGN_CENTER },
    { C_("handover", "What is wrong"), 3.2 },
    { C_("handover", "Deadline"), 1.15, PANGO_ALIGN_CENTER },
    { C_("handover", "Rectified on / re-inspected"), 1.8 },
  };
  const char *const roles[] = { C_("handover", "Issued by (customer service)"),
                                C_("handover", "Received by (contractor)") };
  g_autofree char *found = g_strndup (first->recorded_at, 16);
  g_autofree char *due = g_strndup (first->notice_due_at, 16);
  g_autofree char *sent = *first->notice_sent_at ? g_strndup (first->notice_sent_at, 16) : NULL;
  g_autofree char *request = NULL;
  const PdPrintField fields[] = {
    { C_("handover", "To"), first->responsible, 2 },
    { C_("handover", "Unit"), h->unit_code },
    { C_("handover", "Owner"), h->owner_name },
    { C_("handover", "Found at the inspection on"), found },
    { C_("handover", "Notice due by"), due },
    { C_("handover", "Notice sent on"), sent },
    { C_("handover", "Notice number"), *first->notice_no ? first->notice_no : NULL },
  };

  pd_print_grid (layout, 2, fields, G_N_ELEMENTS (fields));
  /* Translators: %s is a unit code */
  request = g_strdup_printf (C_("handover", "At the move-in inspection of unit %s the owner and our staff "
                                            "found the defects below, which are yours to rectify. Please "
                                            "rectify each by its deadline and tell the customer service "
                                            "centre, which inspects them again with the owner."),
                             h->unit_code);
  pd_print_paragraph (layout, PD_PRINT_STYLE_BODY, request);
  pd_print_table_begin (layout, columns, G_N_ELEMENTS (columns));
  for (guint i = 0; i < group->len; i++)
    {
      const PdHandoverDefect *d = group->pdata[i];
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      const char *cells[] = { number, d->room, d->description, d->deadline, NULL };
      pd_print_table_row (layout, cells);
    }
  pd_print_table_end (layout);
  pd_print_signatures (layout, roles, G_N_ELEMENTS (roles));
  pd_print_seal_area (layout, C_("handover", "Customer service centre (seal)"), 0, FALSE);
}

void
pd_form_render_handover_notice (cairo_t                  *cr,
                                PangoContext             *pc,
                                double                    width_pt,
                                double                    height_pt,
                                const PdHandoverDocument *document)
{
  g_autoptr (GPtrArray) groups = group_by_party (document->defects);
  PdPrintLayout *layout = NULL;

  for (guint g = 0; g < groups->len; g++)
    {
      GPtrArray *group = groups->pdata[g];
      const PdHandoverDefect *first = group->pdata[0];

      if (layout == NULL)
        layout = pd_form_handover_begin (cr, pc, width_pt, height_pt, document,
                                         C_("handover", "Rectification Notice"), first->notice_no);
      else
        {
          /* One notice per party, each on its own sheet. */
          pd_print_layout_page_break (layout);
          pd_print_title (layout, C_("handover", "Rectification Notice"), document->estate_name,
                          first->notice_no);
        }
      print_notice (layout, document, group);
    }
  if (layout == NULL)
    {
      layout = pd_form_handover_begin (cr, pc, width_pt, height_pt, document,
                                       C_("handover", "Rectification Notice"), NULL);
      pd_print_paragraph (layout, PD_PRINT_STYLE_BODY,
                          C_("handover", "This handover has no open defect to rectify."));
    }
  pd_print_layout_end (layout);
}

/* "2" for "MJ01、MJ02", "1" for one number, "0" for none. */
static char *
count_of (const char *serials)
{
  g_auto (GStrv) parts = NULL;

  if (serials == NULL || *serials == '\0')
    return g_strdup ("0");
  parts = g_strsplit (serials, "、", -1);
  return g_strdup_printf ("%u", g_strv_length (parts));
}

static void
print_receipt_part (PdPrintLayout    *layout,
                    const PdHandover *h)
{
  const PdPrintColumn columns[] = {
    { C_("handover", "No."), 0.62, PANGO_ALIGN_CENTER },
    { C_("handover", "Item"), 1.6 },
    { C_("handover", "Quantity"), 0.8, PANGO_ALIGN_CENTER },
    { C_("handover", "Numbers"), 3.4 },
  };
  const char *const roles[] = { C_("handover", "Received by (owner)"), C_("handover", "Handed over by") };
  g_autofree char *keys = g_strdup_printf ("%d", h->house_keys);
  g_autofree char *access = count_of (h->access_cards);
  g_autofree char *power = count_of (h->electricity_card);
  g_autofree char *water = count_of (h->water_card);
  g_autofree char *gas = count_of (h->gas_card);
  const char *rows[][4] = {
    { "1", C_("handover", "House keys"), keys, NULL },
    { "2", C_("handover", "Access cards"), access, h->access_cards },
    { "3", C_("handover", "Electricity card"), power, h->electricity_card },
    { "4", C_("handover", "Water card"), water, h->water_card },
    { "5", C_("handover", "Gas card"), gas, h->gas_card },
  };
  const PdPrintField fields[] = {
    { C_("handover", "Unit"), h->unit_code },
    { C_("handover", "Owner"), h->owner_name },
    { C_("handover", "Handed over on"), *h->keys_handed_on ? h->keys_handed_on : NULL },
    { C_("handover", "Received by"), *h->keys_handed_on ? h->keys_received_by : NULL },
  };

  pd_print_grid (layout, 2, fields, G_N_ELEMENTS (fields));
  pd_print_table_begin (layout, columns, G_N_ELEMENTS (columns));
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    pd_print_table_row (layout, rows[i]);
  pd_print_table_end (layout);
  pd_print_paragraph (layout, PD_PRINT_STYLE_BODY,
                      C_("handover", "The keys and cards above were counted in front of the recipient "
                                     "and received in full."));
  pd_print_signatures (layout, roles, G_N_ELEMENTS (roles));
}

void
pd_form_render_handover_key_receipt (cairo_t                  *cr,
                                     PangoContext             *pc,
                                     double                    width_pt,
                                     double                    height_pt,
                                     const PdHandoverDocument *document)
{
  PdPrintLayout *layout = pd_form_handover_begin (cr, pc, width_pt, height_pt, document,
                                                  C_("handover", "Key and Card Receipt"), NULL);

  /* Two parts on one sheet: the office keeps the first, the owner the second. */
  pd_print_paragraph (layout, PD_PRINT_STYLE_SMALL, C_("handover", "Part 1: kept by the office"));
  print_receipt_part (layout, document->handover);
  pd_print_cut_line (layout, C_("handover", "Part 1: office ✂ Part 2: owner"));
  pd_print_title (layout, C_("handover", "Key and Card Receipt"), document->estate_name, NULL);
  pd_print_paragraph (layout, PD_PRINT_STYLE_SMALL, C_("handover", "Part 2: for the owner"));
  print_receipt_part (layout, document->handover);
  pd_print_layout_end (layout);
}
