/* pd-renovation-patrol-panel.c — see pd-renovation-patrol-panel.h. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pd-record-item.h"
#include "pd-text-column.h"
#include "pd-renovation-patrol-panel.h"
#include "pd-renovation-patrol.h"
#include "pd-settings.h"

struct _PdRenovationPatrolPanel
{
  GtkBox          parent_instance;
  PdContext      *ctx;
  gint64          id;
  GArray         *worker_ids;   /* gint64 per worker_dropdown row (0 = the crew) */

  GtkLabel       *heading_label;
  GtkGrid        *grid;
  GtkEntry       *inspector_entry;
  GtkEntry       *time_entry;
  GtkDropDown    *result_dropdown;
  GtkDropDown    *code_dropdown;
  GtkDropDown    *step_dropdown;
  GtkDropDown    *worker_dropdown;
  GtkCheckButton *stop_check;
  GtkEntry       *note_entry;
  GtkEntry       *photo_entry;
  GtkLabel       *error_label;
  GtkButton      *save_button;
  GtkColumnView  *violations_view;
  GtkButton      *rectified_button;
  GtkColumnView  *patrols_view;
};

G_DEFINE_FINAL_TYPE (PdRenovationPatrolPanel, pd_renovation_patrol_panel, GTK_TYPE_BOX)

enum { SIGNAL_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* ---- lists ------------------------------------------------------------- */

static char *
patrol_at (gconstpointer record,
          gpointer      data)
{
  return g_strdup (((const PdRenovationPatrol *) record)->at);
}

static char *
patrol_inspector (gconstpointer record,
                 gpointer      data)
{
  return g_strdup (((const PdRenovationPatrol *) record)->inspector);
}

static char *
patrol_result (gconstpointer record,
              gpointer      data)
{
  const PdRenovationPatrol *patrol = record;
  if (g_str_equal (patrol->result, "ok"))
    return g_strdup (_("OK"));
  /* Translators: patrol result, e.g. "违章 D：责令恢复原状" */
  return g_strdup_printf (_("Violation %s: %s"), patrol->violation_code, pd_renovation_ladder_label (patrol->action));
}

static const char *
patrol_style (gconstpointer record,
              gpointer      data)
{
  return g_str_equal (((const PdRenovationPatrol *) record)->result, "ok") ? NULL : "overdue";
}

static char *
patrol_note (gconstpointer record,
            gpointer      data)
{
  const PdRenovationPatrol *patrol = record;
  if (patrol->photo_ref[0] == '\0')
    return g_strdup (patrol->note);
  /* Translators: patrol note and the photo's reference */
  return g_strdup_printf (_("%s (photo %s)"), patrol->note, patrol->photo_ref);
}

static char *
violation_date (gconstpointer record,
               gpointer      data)
{
  return g_strdup (((const PdRenovationViolation *) record)->on_date);
}

static char *
violation_code (gconstpointer record,
               gpointer      data)
{
  const PdRenovationViolation *v = record;
  if (v->worker_name[0] != '\0')
    return g_strdup_printf ("%s（%s）", pd_renovation_penalty_label (v->code), v->worker_name);
  return g_strdup (pd_renovation_penalty_label (v->code));
}

static char *
violation_money (gconstpointer record,
                gpointer      data)
{
  const PdRenovationViolation *v = record;
  g_autofree char *penalty = pd_fen_format (v->penalty_fen);
  g_autofree char *deducted = pd_fen_format (v->deducted_fen);

  if (v->penalty_fen == v->deducted_fen)
    return g_steal_pointer (&penalty);
  /* Translators: penalty and the part the deposit covered, in yuan */
  return g_strdup_printf (_("%s (deducted %s)"), penalty, deducted);
}

static char *
violation_rectify (gconstpointer record,
                  gpointer      data)
{
  const PdRenovationViolation *v = record;
  if (v->rectified_on[0] != '\0')
    /* Translators: %s is a date */
    return g_strdup_printf (_("rectified %s"), v->rectified_on);
  return g_strdup_printf (_("by %s"), v->rectify_by);
}

static const char *
violation_style (gconstpointer record,
                 gpointer      data)
{
  const PdRenovationViolation *v = record;
  PdRenovationPatrolPanel *self = data;
  g_autofree char *today = NULL;

  if (v->rectified_on[0] != '\0')
    return "done";
  today = pd_context_today (self->ctx);
  return strcmp (today, v->rectify_by) > 0 ? "overdue" : "due-soon";
}

/* ---- form -------------------------------------------------------------- */

static GtkStringList *
choice_list (const PdRenovationChoice *choices,
             guint                     n)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; i < n; i++)
    gtk_string_list_append (list, _(choices[i].label));
  return list;
}

static void
on_result_changed (PdRenovationPatrolPanel *self)
{
  gboolean violation = gtk_drop_down_get_selected (self->result_dropdown) == 1;

  gtk_widget_set_sensitive (GTK_WIDGET (self->code_dropdown), violation);
  gtk_widget_set_sensitive (GTK_WIDGET (self->step_dropdown), violation);
  gtk_widget_set_sensitive (GTK_WIDGET (self->worker_dropdown), violation);
  gtk_widget_set_sensitive (GTK_WIDGET (self->stop_check), violation);
}

static void
load_workers (PdRenovationPatrolPanel *self)
{
  g_autoptr (GPtrArray) workers = pd_renovation_worker_list (self->ctx, self->id, NULL);
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  gint64 none = 0;

  g_array_set_size (self->worker_ids, 0);
  g_array_append_val (self->worker_ids, none);
  gtk_string_list_append (names, _("The crew (nobody in particular)"));
  for (guint i = 0; workers != NULL && i < workers->len; i++)
    {
      PdRenovationWorker *worker = workers->pdata[i];
      if (worker->revoked_on[0] != '\0')
        continue;
      g_array_append_val (self->worker_ids, worker->id);
      gtk_string_list_append (names, worker->name);
    }
  gtk_drop_down_set_model (self->worker_dropdown, G_LIST_MODEL (names));
}

void
pd_renovation_patrol_panel_load (PdRenovationPatrolPanel *self,
                                 gint64                   renovation_id)
{
  g_autoptr (PdRenovation) r = renovation_id ? pd_renovation_get (self->ctx, renovation_id, NULL) : NULL;
  g_autoptr (GPtrArray) patrols = NULL, violations = NULL;
  g_autoptr (GListStore) patrol_store = NULL, violation_store = NULL;
  guint n_steps;
  const PdRenovationChoice *steps = pd_renovation_ladder_steps (&n_steps);
  gboolean on_site;

  self->id = r ? r->id : 0;
  on_site = r != NULL && pd_renovation_state_on_site (r->state);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  if (r == NULL)
    gtk_label_set_text (self->heading_label, _("Choose an application in the list."));
  else
    {
      /* Translators: unit code and state */
      g_autofree char *heading = g_strdup_printf (_("Patrols of %s — %s"), r->unit_code,
                                                  pd_renovation_state_label (r->state));
      gtk_label_set_text (self->heading_label, on_site ? heading : _("Only works on site are patrolled."));
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->grid), on_site);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), on_site);
  if (r != NULL)
    {
      const char *next = pd_renovation_next_ladder_step (self->ctx, r->id);
      for (guint i = 0; i < n_steps; i++)
        if (g_str_equal (steps[i].key, next))
          gtk_drop_down_set_selected (self->step_dropdown, i);
      load_workers (self);
    }
  patrols = self->id ? pd_renovation_patrol_list (self->ctx, self->id, NULL) : NULL;
  violations = self->id ? pd_renovation_violation_list (self->ctx, self->id, NULL) : NULL;
  patrol_store = pd_record_store_new (patrols, (GDestroyNotify) pd_renovation_patrol_free);
  violation_store = pd_record_store_new (violations, (GDestroyNotify) pd_renovation_violation_free);
  {
    g_autoptr (GtkNoSelection) patrol_model = gtk_no_selection_new (G_LIST_MODEL (g_steal_pointer (&patrol_store)));
    g_autoptr (GtkSingleSelection) violation_model =
      gtk_single_selection_new (G_LIST_MODEL (g_steal_pointer (&violation_store)));

    gtk_column_view_set_model (self->patrols_view, GTK_SELECTION_MODEL (patrol_model));
    gtk_column_view_set_model (self->violations_view, GTK_SELECTION_MODEL (violation_model));
  }
}

gint64
pd_renovation_patrol_panel_get_violation (PdRenovationPatrolPanel *self)
{
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (gtk_column_view_get_model (self->violations_view));
  PdRecordItem *item = selection ? gtk_single_selection_get_selected_item (selection) : NULL;

  return item ? ((PdRenovationViolation *) pd_record_item_get (item))->id : 0;
}

static void
show_error (PdRenovationPatrolPanel *self,
            const GError            *error)
{
  gtk_label_set_text (self->error_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

static void
on_save (PdRenovationPatrolPanel *self)
{
  g_autoptr (PdRenovationPatrol) patrol = pd_renovation_patrol_new ();
  g_autoptr (PdRenovationViolation) violation = NULL;
  g_autoptr (GError) error = NULL;
  gboolean found = gtk_drop_down_get_selected (self->result_dropdown) == 1;
  gint64 id = self->id;

  patrol->renovation_id = id;
  pd_renovation_set_text (&patrol->inspector, gtk_editable_get_text (GTK_EDITABLE (self->inspector_entry)));
  pd_renovation_set_text (&patrol->at, gtk_editable_get_text (GTK_EDITABLE (self->time_entry)));
  pd_renovation_set_text (&patrol->result, found ? "violation" : "ok");
  pd_renovation_set_text (&patrol->note, gtk_editable_get_text (GTK_EDITABLE (self->note_entry)));
  pd_renovation_set_text (&patrol->photo_ref, gtk_editable_get_text (GTK_EDITABLE (self->photo_entry)));
  if (found)
    {
      guint n;
      const PdRenovationChoice *codes = pd_renovation_penalty_codes (&n);
      const PdRenovationChoice *steps = pd_renovation_ladder_steps (&n);
      guint worker = gtk_drop_down_get_selected (self->worker_dropdown);

      violation = pd_renovation_violation_new ();
      pd_renovation_set_text (&violation->code, codes[gtk_drop_down_get_selected (self->code_dropdown)].key);
      pd_renovation_set_text (&violation->ladder_step, steps[gtk_drop_down_get_selected (self->step_dropdown)].key);
      pd_renovation_set_text (&violation->description, patrol->note);
      violation->worker_id = worker < self->worker_ids->len ? g_array_index (self->worker_ids, gint64, worker) : 0;
      violation->stop_work = gtk_check_button_get_active (self->stop_check);
    }
  if (pd_renovation_patrol_add (self->ctx, patrol, violation, &error) < 0)
    {
      show_error (self, error);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->time_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->note_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->photo_entry), "");
  gtk_drop_down_set_selected (self->result_dropdown, 0);
  gtk_check_button_set_active (self->stop_check, FALSE);
  pd_renovation_patrol_panel_load (self, id);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0, id);
}

static void
on_rectified (PdRenovationPatrolPanel *self)
{
  gint64 violation = pd_renovation_patrol_panel_get_violation (self);
  g_autoptr (GError) error = NULL;

  if (violation == 0)
    return;
  if (!pd_renovation_violation_rectified (self->ctx, violation, &error))
    {
      show_error (self, error);
      return;
    }
  pd_renovation_patrol_panel_load (self, self->id);
}

/* ---- type -------------------------------------------------------------- */

static void
pd_renovation_patrol_panel_dispose (GObject *object)
{
  PdRenovationPatrolPanel *self = PD_RENOVATION_PATROL_PANEL (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PD_TYPE_RENOVATION_PATROL_PANEL);
  g_clear_object (&self->ctx);
  g_clear_pointer (&self->worker_ids, g_array_unref);
  G_OBJECT_CLASS (pd_renovation_patrol_panel_parent_class)->dispose (object);
}

static void
pd_renovation_patrol_panel_class_init (PdRenovationPatrolPanelClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = pd_renovation_patrol_panel_dispose;
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                          NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/propdesk/PropDesk/ui/pd-renovation-patrol-panel.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, PdRenovationPatrolPanel, name)
  CHILD (heading_label); CHILD (grid); CHILD (inspector_entry); CHILD (time_entry); CHILD (result_dropdown);
  CHILD (code_dropdown); CHILD (step_dropdown); CHILD (worker_dropdown); CHILD (stop_check);
  CHILD (note_entry); CHILD (photo_entry); CHILD (error_label); CHILD (save_button);
  CHILD (violations_view); CHILD (rectified_button); CHILD (patrols_view);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, on_save);
  gtk_widget_class_bind_template_callback (widget_class, on_rectified);
}

static void
pd_renovation_patrol_panel_init (PdRenovationPatrolPanel *self)
{
  guint n;
  const PdRenovationChoice *choices;
  g_autoptr (GtkStringList) results = gtk_string_list_new (NULL);
  g_autoptr (GtkStringList) codes = NULL;
  g_autoptr (GtkStringList) steps = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->worker_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_string_list_append (results, _("OK"));
  gtk_string_list_append (results, _("Violation found"));
  gtk_drop_down_set_model (self->result_dropdown, G_LIST_MODEL (results));
  choices = pd_renovation_penalty_codes (&n);
  codes = choice_list (choices, n);
  gtk_drop_down_set_model (self->code_dropdown, G_LIST_MODEL (codes));
  choices = pd_renovation_ladder_steps (&n);
  steps = choice_list (choices, n);
  gtk_drop_down_set_model (self->step_dropdown, G_LIST_MODEL (steps));
  g_signal_connect_swapped (self->result_dropdown, "notify::selected", G_CALLBACK (on_result_changed), self);
  on_result_changed (self);

  pd_column_view_take (self->patrols_view, pd_text_column_new (_("Time"), patrol_at, NULL, NULL, 0, 128));
  pd_column_view_take (self->patrols_view, pd_text_column_new (_("Inspector"), patrol_inspector, NULL, NULL, 0, 100));
  pd_column_view_take (self->patrols_view, pd_text_column_new (_("Result"), patrol_result, patrol_style, NULL, 0, 170));
  pd_column_view_take (self->patrols_view, pd_text_column_new (_("Note"), patrol_note, NULL, NULL, 0, 0));
  pd_column_view_take (self->violations_view, pd_text_column_new (_("Date"), violation_date, NULL, NULL, 0, 96));
  pd_column_view_take (self->violations_view, pd_text_column_new (_("Violation"), violation_code, NULL, NULL, 0, 0));
  pd_column_view_take (self->violations_view, pd_text_column_new (_("Penalty"), violation_money, NULL, NULL, 0, 130));
  pd_column_view_take (self->violations_view, pd_text_column_new (_("Rectify"), violation_rectify, violation_style, self, 0, 110));
}

GtkWidget *
pd_renovation_patrol_panel_new (PdContext *ctx)
{
  PdRenovationPatrolPanel *self = g_object_new (PD_TYPE_RENOVATION_PATROL_PANEL, NULL);

  self->ctx = g_object_ref (ctx);
  gtk_editable_set_text (GTK_EDITABLE (self->inspector_entry), pd_context_get_user (ctx));
  pd_renovation_patrol_panel_load (self, 0);
  return GTK_WIDGET (self);
}
