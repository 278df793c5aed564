/* pd-form-owner.c — the 业主信息登记表; see pd-form-owner.h.
 *
 * Empty values print as empty cells and lists get blank rows, because the
 * office hands the form to the owner to check, complete and sign. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-form-owner.h"
#include "pd-print-layout.h"

/* Blank rows under each list, so additions can be written in by hand. */
#define MIN_MEMBER_ROWS  2
#define MIN_TENANT_ROWS  2
#define MIN_VEHICLE_ROWS 2

static const char *
or_blank (const char *text)
{
  return text != NULL && *text != '\0' ? text : NULL;
}

static char *
area_text (double area)
{
  /* Translators: a floor area in square metres */
  return area > 0 ? g_strdup_printf (_("%.2f m²"), area) : NULL;
}

static void
unit_section (PdPrintLayout     *layout,
              const PdOwnerForm *form)
{
  const PdUnit *unit = form->unit;
  g_autofree char *gross = area_text (unit->gross_area);
  g_autofree char *inner = area_text (unit->inner_area);
  const PdPrintField fields[] = {
    { _("Unit code"), unit->code },
    { _("Use"), pd_unit_use_label (unit->use) },
    { _("State"), pd_unit_state_label (unit->state) },
    { _("Gross area"), gross },
    { _("Inner area"), inner },
    { _("Layout"), or_blank (unit->layout) },
  };

  pd_print_section (layout, _("1. Property"));
  pd_print_grid (layout, 3, fields, G_N_ELEMENTS (fields));
}

static void
individual_fields (PdPrintLayout  *layout,
                   const PdPerson *p,
                   const char     *since)
{
  const PdPrintField fields[] = {
    { _("Name"), p->name },
    { _("Sex"), or_blank (pd_person_sex_label (p->sex)) },
    { _("Birthday"), or_blank (p->birthday) },
    { _("ID type"), pd_person_id_type_label (p->id_type) },
    { _("ID number"), or_blank (p->id_number), 2 },
    { _("Mobile"), or_blank (p->mobile) },
    { _("Other phone"), or_blank (p->phone2) },
    { _("Owner since"), or_blank (since) },
    { _("Address"), or_blank (p->address), 3 },
    { _("Emergency contact"), or_blank (p->emergency_name) },
    { _("Emergency phone"), or_blank (p->emergency_phone) },
    { _("Addressed as"), or_blank (p->form_of_address) },
  };

  pd_print_grid (layout, 3, fields, G_N_ELEMENTS (fields));
}

static void
enterprise_fields (PdPrintLayout  *layout,
                   const PdPerson *p,
                   const char     *since)
{
  const PdPrintField fields[] = {
    { _("Company name"), p->name, 2 },
    { _("Owner since"), or_blank (since) },
    { _("Unified social credit code"), or_blank (p->uscc), 2 },
    { _("Legal representative"), or_blank (p->legal_rep) },
    { _("Contact person"), or_blank (p->contact_person) },
    { _("Mobile"), or_blank (p->mobile) },
    { _("Other phone"), or_blank (p->phone2) },
    { _("Office address"), or_blank (p->address), 3 },
    { _("Authorised signatories"), or_blank (p->signatories), 3 },
  };

  pd_print_grid (layout, 3, fields, G_N_ELEMENTS (fields));
}

static void
owner_sections (PdPrintLayout     *layout,
                const PdOwnerForm *form)
{
  guint n = form->owners->len;

  if (n == 0)
    {
      const PdPrintField fields[] = { { _("Name"), NULL }, { _("Mobile"), NULL },
                                      { _("ID number"), NULL } };

      pd_print_section (layout, _("2. Owner"));
      pd_print_grid (layout, 3, fields, G_N_ELEMENTS (fields));
      return;
    }
  for (guint i = 0; i < n; i++)
    {
      const PdPerson *owner = form->owners->pdata[i];
      const char *since = form->owner_since->pdata[i];

      if (n == 1)
        pd_print_section (layout, _("2. Owner"));
      else
        {
          /* Translators: section heading when a unit has co-owners:
           * "二、业主信息（共同业主 1/2）" */
          g_autofree char *heading = g_strdup_printf (_("2. Owner (co-owner %u of %u)"), i + 1, n);
          pd_print_section (layout, heading);
        }
      if (g_str_equal (owner->kind, "enterprise"))
        enterprise_fields (layout, owner, since);
      else
        individual_fields (layout, owner, since);
    }
}

static void
members_section (PdPrintLayout     *layout,
                 const PdOwnerForm *form)
{
  const PdPrintColumn columns[] = {
    { _("Name"), 1.2 }, { _("Relation to owner"), 1.0 }, { _("Phone"), 1.2 },
    { _("Registered on"), 1.0, PANGO_ALIGN_CENTER },
  };

  pd_print_section (layout, _("3. Household members"));
  pd_print_table_begin (layout, columns, G_N_ELEMENTS (columns));
  for (guint i = 0; i < form->members->len; i++)
    {
      const PdUnitRole *role = form->members->pdata[i];
      const char *cells[] = { role->person_name, role->relation, role->person_mobile,
                              role->start_on };

      pd_print_table_row (layout, cells);
    }
  if (form->members->len < MIN_MEMBER_ROWS)
    pd_print_table_blank_rows (layout, MIN_MEMBER_ROWS - form->members->len, 0);
  pd_print_table_end (layout);
}

static const char *
owner_name (const PdOwnerForm *form,
            gint64             person_id)
{
  for (guint i = 0; i < form->owners->len; i++)
    {
      const PdPerson *owner = form->owners->pdata[i];
      if (owner->id == person_id)
        return owner->name;
    }
  return NULL;
}

static void
tenants_section (PdPrintLayout     *layout,
                 const PdOwnerForm *form)
{
  const PdPrintColumn columns[] = {
    { _("Tenant"), 1.2 }, { _("Phone"), 1.2 }, { _("Lease start"), 1.0, PANGO_ALIGN_CENTER },
    { _("Lease end"), 1.0, PANGO_ALIGN_CENTER }, { _("Authorised by"), 1.0 },
  };

  pd_print_section (layout, _("4. Tenants"));
  pd_print_table_begin (layout, columns, G_N_ELEMENTS (columns));
  for (guint i = 0; i < form->tenants->len; i++)
    {
      const PdUnitRole *role = form->tenants->pdata[i];
      const char *cells[] = { role->person_name, role->person_mobile, role->start_on,
                              role->lease_end, owner_name (form, role->authorised_by) };

      pd_print_table_row (layout, cells);
    }
  if (form->tenants->len < MIN_TENANT_ROWS)
    pd_print_table_blank_rows (layout, MIN_TENANT_ROWS - form->tenants->len, 0);
  pd_print_table_end (layout);
}

static void
vehicles_section (PdPrintLayout     *layout,
                  const PdOwnerForm *form)
{
  const PdPrintColumn columns[] = {
    { _("Plate"), 1.0 }, { _("Model"), 1.4 }, { _("Parking space"), 1.0 }, { _("Keeper"), 1.0 },
  };

  pd_print_section (layout, _("5. Vehicles"));
  pd_print_table_begin (layout, columns, G_N_ELEMENTS (columns));
  for (guint i = 0; i < form->vehicles->len; i++)
    {
      const PdVehicle *vehicle = form->vehicles->pdata[i];
      const char *cells[] = { vehicle->plate, vehicle->model, vehicle->parking_space,
                              owner_name (form, vehicle->person_id) };

      pd_print_table_row (layout, cells);
    }
  if (form->vehicles->len < MIN_VEHICLE_ROWS)
    pd_print_table_blank_rows (layout, MIN_VEHICLE_ROWS - form->vehicles->len, 0);
  pd_print_table_end (layout);
}

static void
archive_section (PdPrintLayout     *layout,
                 const PdOwnerForm *form)
{
  guint n_kinds;
  const PdDocumentKind *kinds = pd_person_documents (&n_kinds);
  g_autofree PdPrintCheck *checks = g_new0 (PdPrintCheck, n_kinds);
  const PdPerson *first = form->owners->len > 0 ? form->owners->pdata[0] : NULL;
  const PdPrintField location[] = {
    { _("Paper file kept at"), first ? or_blank (first->archive_location) : NULL },
  };

  /* Keep the section on one page: the check rows mean little without
   * their heading. */
  pd_print_layout_ensure_space (layout, 3 * 24 + 34 * MAX (form->owners->len, 1));
  pd_print_section (layout, _("6. Archive and documents checked against originals"));
  pd_print_grid (layout, 1, location, G_N_ELEMENTS (location));
  for (guint o = 0; o < MAX (form->owners->len, 1); o++)
    {
      const PdPerson *owner = o < form->owners->len ? form->owners->pdata[o] : NULL;
      g_auto (GStrv) checked = g_strsplit (owner ? owner->docs_checked : "", ",", -1);
      g_autofree char *label = NULL;

      for (guint k = 0; k < n_kinds; k++)
        {
          checks[k].label = _(kinds[k].label);
          checks[k].checked = g_strv_contains ((const char *const *) checked, kinds[k].key);
        }
      if (form->owners->len > 1)
        /* Translators: label of the documents row of one co-owner */
        label = g_strdup_printf (_("Checked (%s)"), owner->name);
      pd_print_checks (layout, label ? label : _("Originals checked"), checks, n_kinds);
    }
}

static void
consent_section (PdPrintLayout     *layout,
                 const PdOwnerForm *form)
{
  const PdPerson *first = form->owners->len > 0 ? form->owners->pdata[0] : NULL;
  const PdPrintField fields[] = {
    { _("Consent given on"), first ? or_blank (first->consent_on) : NULL },
    { _("Note"), first ? or_blank (first->consent_note) : NULL },
  };

  pd_print_section (layout, _("7. Consent"));
  pd_print_grid (layout, 2, fields, G_N_ELEMENTS (fields));
  pd_print_layout_skip (layout, 5);
  pd_print_paragraph (layout, PD_PRINT_STYLE_SMALL,
                      _("The purpose, use and confidentiality of the personal information on this "
                        "form have been explained to me. I agree that the property service centre "
                        "uses it only to provide property services, and I will tell the centre when "
                        "any of it changes."));
}

void
pd_form_render_owner (cairo_t           *cr,
                      PangoContext      *pc,
                      double             width_pt,
                      double             height_pt,
                      const PdOwnerForm *form)
{
  PdPrintLayout *layout = pd_print_layout_begin (cr, pc, width_pt, height_pt);
  const char *roles[] = { _("Owner"), _("Clerk") };
  /* Translators: footer of printed forms: who printed it and when */
  g_autofree char *footer = g_strdup_printf (_("Printed by %s on %s · %s"), form->printed_by,
                                             form->printed_on,
                                             form->unmasked
                                               ? _("contains full personal data, keep confidential")
                                               : _("ID and phone numbers masked"));

  pd_print_layout_set_footer (layout, footer);
  pd_print_title (layout, _("Owner Registration Form"), form->estate_name, form->unit->code);
  unit_section (layout, form);
  owner_sections (layout, form);
  members_section (layout, form);
  tenants_section (layout, form);
  vehicles_section (layout, form);
  archive_section (layout, form);
  consent_section (layout, form);
  pd_print_seal_area (layout, _("Customer service centre (seal)"), 32 * PD_PRINT_MM, TRUE);
  pd_print_signatures (layout, roles, G_N_ELEMENTS (roles));
  pd_print_layout_end (layout);
}

PdRenderer *
pd_form_owner_renderer (PdOwnerForm *record)
{
  /* Translators: document title of an owner form, %s is the unit code */
  g_autofree char *title = g_strdup_printf (_("Owner registration form %s"), record->unit->code);

  return pd_renderer_new (title, (PdRenderFunc) pd_form_render_owner, record,
                          (GDestroyNotify) pd_owner_form_free);
}
