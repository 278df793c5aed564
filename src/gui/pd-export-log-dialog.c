/* pd-export-log-dialog.c — see pd-export-log-dialog.h. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-application.h"
#include "pd-context-watch.h"
#include "pd-export-log.h"
#include "pd-export-log-dialog.h"
#include "pd-record-item.h"
#include "pd-text-column.h"

struct _PdExportLogDialog
{
  GtkWindow       parent_instance;
  PdContext      *ctx;
  GListStore     *store;
  GtkColumnView  *log_list;
  GtkCheckButton *unmasked_only;
};

G_DEFINE_FINAL_TYPE (PdExportLogDialog, pd_export_log_dialog, GTK_TYPE_WINDOW)

/* The log keeps what left in fixed English words (it is evidence and must
 * not change with the language): shown here in the user's language. */
static const struct
{
  const char *prefix;
  const char *label;
} kinds[] = {
  { "owner list", N_("Owner files list") },
  { "owner form", N_("Owner registration form") },
  { "database backup", N_("Copy of the whole database") },
  { "release register", N_("Release slip register") },
  { "handover register", N_("Handover register") },
  { "handover form", N_("Handover inspection form") },
  { "renovation register", N_("Renovation register") },
  { "survey statistics", N_("Survey statistics") },
};

static char *
what_text (gconstpointer record, gpointer data)
{
  const char *what = ((const PdExportLogEntry *) record)->what;

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_str_has_prefix (what, kinds[i].prefix))
      return g_strconcat (_(kinds[i].label), what + strlen (kinds[i].prefix), NULL);
  return g_strdup (what);
}

static char *
at_text (gconstpointer record, gpointer data)
{
  return g_strdup (((const PdExportLogEntry *) record)->at);
}

static char *
user_text (gconstpointer record, gpointer data)
{
  return g_strdup (((const PdExportLogEntry *) record)->user_name);
}

static char *
rows_text (gconstpointer record, gpointer data)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, ((const PdExportLogEntry *) record)->rows);
}

static char *
unmasked_text (gconstpointer record, gpointer data)
{
  return g_strdup (((const PdExportLogEntry *) record)->unmasked ? _("In full") : _("Masked"));
}

static const char *
unmasked_style (gconstpointer record, gpointer data)
{
  return ((const PdExportLogEntry *) record)->unmasked ? "overdue" : NULL;
}

static char *
file_text (gconstpointer record, gpointer data)
{
  return g_strdup (((const PdExportLogEntry *) record)->file);
}

static void
refresh (gpointer owner)
{
  PdExportLogDialog *self = owner;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) entries = pd_export_log_list (self->ctx, gtk_check_button_get_active (self->unmasked_only),
                                                      &error);

  if (entries == NULL)
    {
      pd_show_error (GTK_WIDGET (self), _("The export log could not be read"), error);
      return;
    }
  pd_record_store_replace (self->store, entries, (GDestroyNotify) pd_export_log_entry_free);
}

static void
pd_export_log_dialog_dispose (GObject *object)
{
  PdExportLogDialog *self = PD_EXPORT_LOG_DIALOG (object);

  pd_context_unwatch (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), PD_TYPE_EXPORT_LOG_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->ctx);
  G_OBJECT_CLASS (pd_export_log_dialog_parent_class)->dispose (object);
}

static void
pd_export_log_dialog_class_init (PdExportLogDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = pd_export_log_dialog_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/propdesk/PropDesk/ui/pd-export-log-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PdExportLogDialog, log_list);
  gtk_widget_class_bind_template_child (widget_class, PdExportLogDialog, unmasked_only);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pd_export_log_dialog_init (PdExportLogDialog *self)
{
  static const struct
  {
    const char        *title;
    PdTextColumnFunc   text;
    PdTextColumnStyle  style;
    float              xalign;
    int                width;
  } columns[] = {
    { NC_("export log", "When"), at_text, NULL, 0, 150 },
    { NC_("export log", "Who"), user_text, NULL, 0, 90 },
    { NC_("export log", "What"), what_text, NULL, 0, 220 },
    { NC_("export log", "Rows"), rows_text, NULL, 1, 60 },
    { NC_("export log", "ID numbers and phones"), unmasked_text, unmasked_style, 0, 110 },
    { NC_("export log", "Where to"), file_text, NULL, 0, 0 },
  };
  g_autoptr (GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->store = g_list_store_new (PD_TYPE_RECORD_ITEM);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->store)));
  gtk_column_view_set_model (self->log_list, GTK_SELECTION_MODEL (selection));
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      const char *title = g_dpgettext2 (GETTEXT_PACKAGE, "export log", columns[i].title);
      g_autoptr (GtkColumnViewColumn) column = pd_text_column_new (title, columns[i].text, columns[i].style, NULL,
                                                                   columns[i].xalign, columns[i].width);
      gtk_column_view_append_column (self->log_list, column);
    }
  g_signal_connect_swapped (self->unmasked_only, "toggled", G_CALLBACK (refresh), self);
}

GtkWidget *
pd_export_log_dialog_new (GtkWindow *parent,
                          PdContext *ctx)
{
  static const char *const tables[] = { "export_log", NULL };
  PdExportLogDialog *self = g_object_new (PD_TYPE_EXPORT_LOG_DIALOG, "transient-for", parent, NULL);

  self->ctx = g_object_ref (ctx);
  refresh (self);
  pd_context_watch (ctx, self, tables, refresh);
  return GTK_WIDGET (self);
}
