/* pd-import-dialog.c — see pd-import-dialog.h.
 *
 * Threads: reading a large workbook and importing thousands of rows both run
 * in GTask threads.  The import opens its own PdContext on the same
 * database file instead of sharing ours: a SQLite handle (and its cache of
 * prepared statements) must not be used from two threads, and WAL lets this
 * window's connection keep reading while the import writes.  Importing in
 * chunks on the main loop was the alternative, but the import is ONE
 * transaction and would stay open across main-loop iterations, where any
 * other write of the application would silently join it — and be rolled
 * back with it.  An in-memory database (tests only) has no file to open
 * twice; it is imported on the main thread.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-application.h"
#include "pd-import-dialog.h"
#include "pd-ledger.h"
#include "pd-owner-import.h"

/* Rows shown in the preview; the checks still cover every row. */
#define PREVIEW_ROWS 500

struct _PdImportDialog
{
  GtkWindow       parent_instance;

  PdContext      *ctx;
  GFile          *file;
  PdLedgerTable  *table;
  PdOwnerMapping *mapping;
  GPtrArray      *preview;       /* PdOwnerPreviewRow, every data row */
  GtkStringList  *preview_model; /* indices into preview, as strings */
  GPtrArray      *dropdowns;     /* GtkDropDown per ledger column */
  GCancellable   *cancellable;   /* of the running import */
  char           *report_text;
  gboolean        busy;          /* reading or importing */
  gboolean        close_when_done;
  gboolean        disposed;
  gboolean        syncing_dropdowns;

  GtkStack       *stack;
  GtkLabel       *file_label;
  GtkLabel       *summary_label;
  GtkListBox     *mapping_list;
  GtkColumnView  *preview_view;
  GtkCheckButton *skip_bad_check;
  GtkProgressBar *progress_bar;
  GtkLabel       *report_title;
  GtkTextView    *report_view;
};

G_DEFINE_FINAL_TYPE (PdImportDialog, pd_import_dialog, GTK_TYPE_WINDOW)

/* ---- preview ----------------------------------------------------------- */

static PdOwnerPreviewRow *
preview_row_of (PdImportDialog *self,
                GtkListItem    *item)
{
  GtkStringObject *index = gtk_list_item_get_item (item);
  guint i = (guint) g_ascii_strtoull (gtk_string_object_get_string (index), NULL, 10);

  return i < self->preview->len ? self->preview->pdata[i] : NULL;
}

/* The factories' data: the ledger column, or one of these. */
enum { COLUMN_LINE = -2, COLUMN_CHECK = -1 };

#define CHECK_COLUMN_WIDTH 330

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  /* The reason a row is refused is the point of the preview: wrap it
   * rather than hide it behind an ellipsis. */
  if (GPOINTER_TO_INT (user_data) == COLUMN_CHECK)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
    }
  else
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

/* Columns are as wide as their text (a CJK character counts double),
 * within reason: GtkColumnView would otherwise size them by the header. */
static int
text_width (const char *text)
{
  int units = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    units += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
  return units;
}

static int
column_width (PdImportDialog *self,
              int             column,
              const char     *title)
{
  int units = text_width (title);

  if (column == COLUMN_CHECK)
    return CHECK_COLUMN_WIDTH;
  for (guint i = 0; column >= 0 && i < self->preview->len && i < 100; i++)
    units = MAX (units, text_width (((PdOwnerPreviewRow *) self->preview->pdata[i])->cells[column]));
  return CLAMP (units * 8 + 24, 48, 280);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  PdImportDialog *self = g_object_get_data (G_OBJECT (factory), "dialog");
  int column = GPOINTER_TO_INT (user_data);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  PdOwnerPreviewRow *row = preview_row_of (self, item);
  g_autofree char *line = NULL;

  gtk_widget_remove_css_class (GTK_WIDGET (label), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (label), "done");
  gtk_widget_set_tooltip_text (GTK_WIDGET (label), NULL);
  if (row == NULL)
    return;
  if (column == COLUMN_LINE)
    {
      line = g_strdup_printf ("%u", row->line);
      gtk_label_set_text (label, line);
    }
  else if (column == COLUMN_CHECK)
    {
      /* Translators: the check result of a ledger row that can be imported */
      gtk_label_set_text (label, row->ok ? _("Can be imported") : row->message);
      gtk_widget_add_css_class (GTK_WIDGET (label), row->ok ? "done" : "error");
    }
  else
    gtk_label_set_text (label, row->cells[column]);
}

static void
add_column (PdImportDialog *self,
            const char     *title,
            int             column)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr (GtkColumnViewColumn) view_column = NULL;

  g_object_set_data (G_OBJECT (factory), "dialog", self);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GINT_TO_POINTER (column));
  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_column_set_fixed_width (view_column, column_width (self, column, title));
  gtk_column_view_append_column (self->preview_view, view_column);
}

static char *
header_text (PdImportDialog *self,
             guint           column)
{
  const char *header = pd_ledger_table_get_cell (self->table, self->mapping->header_row, column);

  /* Translators: a ledger column without a header; %u counts from 1 */
  return *header ? g_strdup (header) : g_strdup_printf (_("Column %u"), column + 1);
}

/* "业主姓名 → 姓名": the file's header and the field it goes to. */
static char *
column_title (PdImportDialog *self,
              guint           column)
{
  g_autofree char *header = header_text (self, column);
  PdOwnerField field = self->mapping->columns[column];
  const char *label = pd_owner_field_label (field);

  if (field == PD_OWNER_FIELD_NONE || g_str_equal (header, label))
    return g_steal_pointer (&header);
  return g_strdup_printf ("%s → %s", header, label);
}

static void
rebuild_columns (PdImportDialog *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->preview_view);

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr (GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);
      gtk_column_view_remove_column (self->preview_view, column);
    }
  add_column (self, _("Line"), COLUMN_LINE);
  add_column (self, _("Check"), COLUMN_CHECK);
  for (guint col = 0; col < self->mapping->n_columns; col++)
    {
      g_autofree char *title = column_title (self, col);
      add_column (self, title, (int) col);
    }
}

static void
retitle_columns (PdImportDialog *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->preview_view);

  for (guint col = 0; col < self->mapping->n_columns; col++)
    {
      g_autoptr (GtkColumnViewColumn) column = g_list_model_get_item (columns, col + 2);
      g_autofree char *title = column_title (self, col);
      gtk_column_view_column_set_title (column, title);
    }
}

static void
update_preview (PdImportDialog *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) summary = g_string_new (NULL);
  g_autoptr (GPtrArray) indices = g_ptr_array_new_with_free_func (g_free);
  guint bad = 0;
  gboolean usable = pd_owner_mapping_check (self->mapping, &error);

  g_clear_pointer (&self->preview, g_ptr_array_unref);
  self->preview = pd_owner_import_preview (self->table, self->mapping, G_MAXUINT);
  for (guint i = 0; i < self->preview->len; i++)
    {
      bad += !((PdOwnerPreviewRow *) self->preview->pdata[i])->ok;
      if (i < PREVIEW_ROWS)
        g_ptr_array_add (indices, g_strdup_printf ("%u", i));
    }
  g_ptr_array_add (indices, NULL);
  gtk_string_list_splice (self->preview_model, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->preview_model)),
                          (const char *const *) indices->pdata);

  gtk_widget_remove_css_class (GTK_WIDGET (self->summary_label), "error");
  if (!usable)
    {
      g_string_append (summary, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->summary_label), "error");
    }
  else
    {
      g_string_append_printf (summary, _("Rows below the header: %u · with problems: %u"),
                              self->preview->len, bad);
      if (self->preview->len > PREVIEW_ROWS)
        g_string_append_printf (summary, _(" · the first %u are shown"), PREVIEW_ROWS);
      if (bad > 0 && !gtk_check_button_get_active (self->skip_bad_check))
        g_string_append (summary, _(" · with “All rows or none” nothing is imported until they are corrected"));
      g_string_append (summary, _(" · checks against the owner files are made when importing"));
    }
  gtk_label_set_text (self->summary_label, summary->str);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.run", usable && self->preview->len > 0);
}

/* ---- mapping ----------------------------------------------------------- */

static void
mapping_changed (GtkDropDown    *dropdown,
                 GParamSpec     *pspec,
                 PdImportDialog *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dropdown), "column"));

  if (self->syncing_dropdowns)
    return;
  pd_owner_mapping_set (self->mapping, column, gtk_drop_down_get_selected (dropdown));
  /* Choosing a field another column had takes it from that column. */
  self->syncing_dropdowns = TRUE;
  for (guint col = 0; col < self->dropdowns->len; col++)
    gtk_drop_down_set_selected (self->dropdowns->pdata[col], self->mapping->columns[col]);
  self->syncing_dropdowns = FALSE;
  retitle_columns (self);
  update_preview (self);
}

static void
rebuild_mapping_list (PdImportDialog *self)
{
  g_autoptr (GtkStringList) fields = gtk_string_list_new (NULL);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->mapping_list))) != NULL)
    gtk_list_box_remove (self->mapping_list, child);
  g_ptr_array_set_size (self->dropdowns, 0);
  for (guint f = 0; f < PD_OWNER_N_FIELDS; f++)
    gtk_string_list_append (fields, pd_owner_field_label (f));

  for (guint col = 0; col < self->mapping->n_columns; col++)
    {
      g_autofree char *header = header_text (self, col);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      GtkWidget *label = gtk_label_new (header);
      GtkWidget *dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (fields)), NULL);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 10);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_widget_set_tooltip_text (label, header);
      gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), self->mapping->columns[col]);
      gtk_widget_set_size_request (dropdown, 170, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      header, -1);
      g_object_set_data (G_OBJECT (dropdown), "column", GUINT_TO_POINTER (col));
      g_signal_connect (dropdown, "notify::selected", G_CALLBACK (mapping_changed), self);
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), dropdown);
      gtk_widget_set_margin_start (box, 6);
      gtk_widget_set_margin_end (box, 6);
      gtk_widget_set_margin_top (box, 3);
      gtk_widget_set_margin_bottom (box, 3);
      gtk_list_box_append (self->mapping_list, box);
      g_ptr_array_add (self->dropdowns, dropdown);
    }
}

/* ---- reading the file -------------------------------------------------- */

static void
read_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  g_autofree char *path = g_file_get_path (task_data);
  GError *error = NULL;
  PdLedgerTable *table;

  if (path == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "%s",
                               _("Only files on this computer can be imported."));
      return;
    }
  table = pd_ledger_read_file (path, &error);
  if (table != NULL)
    g_task_return_pointer (task, table, (GDestroyNotify) pd_ledger_table_free);
  else
    g_task_return_error (task, error);
}

static void
read_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr (PdImportDialog) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (PdLedgerTable) table = g_task_propagate_pointer (G_TASK (result), &error);
  g_autoptr (PdOwnerMapping) mapping = NULL;
  g_autofree char *name = NULL;

  self->busy = FALSE;
  if (self->disposed)
    return;
  if (self->close_when_done)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  mapping = table ? pd_owner_mapping_detect (table, &error) : NULL;
  if (mapping == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, self->table ? "preview" : "start");
      pd_show_error (GTK_WIDGET (self), _("The ledger could not be read"), error);
      return;
    }
  g_clear_pointer (&self->table, pd_ledger_table_free);
  g_clear_pointer (&self->mapping, pd_owner_mapping_free);
  self->table = g_steal_pointer (&table);
  self->mapping = g_steal_pointer (&mapping);
  name = g_file_get_basename (self->file);
  gtk_label_set_text (self->file_label, name);
  rebuild_mapping_list (self);
  update_preview (self);
  rebuild_columns (self);
  gtk_stack_set_visible_child_name (self->stack, "preview");
}

void
pd_import_dialog_load_file (PdImportDialog *self,
                            GFile          *file)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (PD_IS_IMPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));
  if (self->busy)
    return;
  g_set_object (&self->file, file);
  self->busy = TRUE;
  gtk_stack_set_visible_child_name (self->stack, "loading");
  /* The dialog is the callback's data, not the task's source object: the
   * task may be freed in the worker, and a widget must not be. */
  task = g_task_new (NULL, NULL, read_done, g_object_ref (self));
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, read_thread);
}

static void
chooser_response (GtkNativeDialog *chooser,
                  int              response,
                  PdImportDialog  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      pd_import_dialog_load_file (self, file);
    }
  g_object_unref (chooser);
}

static void
choose_file (GtkWidget  *widget,
             const char *action,
             GVariant   *parameter)
{
  PdImportDialog *self = PD_IMPORT_DIALOG (widget);
  GtkFileChooserNative *chooser;
  GtkFileFilter *ledgers = gtk_file_filter_new ();
  GtkFileFilter *all = gtk_file_filter_new ();

  if (self->busy)
    return;
  chooser = gtk_file_chooser_native_new (_("Choose an Owner Ledger"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (ledgers, _("Owner ledgers (.xlsx, .csv)"));
  gtk_file_filter_add_suffix (ledgers, "xlsx");
  gtk_file_filter_add_suffix (ledgers, "csv");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), ledgers);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  g_object_unref (ledgers);
  g_object_unref (all);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- importing --------------------------------------------------------- */

static void
show_progress (guint    done,
               guint    total,
               gpointer user_data)
{
  PdImportDialog *self = user_data;
  g_autofree char *text = NULL;

  if (self->disposed)
    return;
  gtk_progress_bar_set_fraction (self->progress_bar, total ? (double) done / total : 1.0);
  /* Translators: rows done of all rows */
  text = g_strdup_printf (_("%u of %u rows"), done, total);
  gtk_progress_bar_set_text (self->progress_bar, text);
}

static void
show_report (PdImportDialog            *self,
             const PdOwnerImportReport *report,
             const GError              *error)
{
  g_autofree char *title = NULL;

  g_clear_pointer (&self->report_text, g_free);
  gtk_widget_remove_css_class (GTK_WIDGET (self->report_title), "error");
  if (report == NULL)
    {
      title = g_strdup (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
                        ? _("The import was cancelled; nothing was imported.")
                        : _("The import failed; nothing was imported."));
      self->report_text = g_strdup (error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->report_title), "error");
    }
  else
    {
      if (!report->committed)
        {
          title = g_strdup_printf (_("Nothing was imported: %u rows were rejected. Correct them in the ledger and import it again, or choose to skip bad rows."),
                                   report->rows_rejected);
          gtk_widget_add_css_class (GTK_WIDGET (self->report_title), "error");
        }
      else if (report->rows_rejected == 0)
        title = g_strdup_printf (_("All %u rows were imported."), report->rows_imported);
      else
        title = g_strdup_printf (_("%u rows were imported; the %u rejected rows were skipped."),
                                 report->rows_imported, report->rows_rejected);
      self->report_text = pd_owner_import_report_format (report);
    }
  gtk_label_set_text (self->report_title, title);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->report_view), self->report_text, -1);
  gtk_stack_set_visible_child_name (self->stack, "report");
}

static void
import_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr (PdImportDialog) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (PdOwnerImportReport) report = pd_owner_import_run_finish (PD_CONTEXT (source), result, &error);

  self->busy = FALSE;
  g_clear_object (&self->cancellable);
  if (self->disposed)
    return;
  if (self->close_when_done)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  show_report (self, report, error);
}

static void
run_import (GtkWidget  *widget,
            const char *action,
            GVariant   *parameter)
{
  PdImportDialog *self = PD_IMPORT_DIALOG (widget);
  PdOwnerImportMode mode = gtk_check_button_get_active (self->skip_bad_check)
                           ? PD_OWNER_IMPORT_SKIP_BAD : PD_OWNER_IMPORT_ALL_OR_NOTHING;

  if (self->busy || self->table == NULL)
    return;
  self->busy = TRUE;
  self->cancellable = g_cancellable_new ();
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_progress_bar_set_text (self->progress_bar, NULL);
  gtk_stack_set_visible_child_name (self->stack, "progress");
  /* self->table lives until finalize, and the references taken here keep
   * this object until the import has finished. */
  pd_owner_import_run_async (self->ctx, self->table, self->mapping, mode, self->cancellable,
                             show_progress, g_object_ref (self), g_object_unref,
                             import_done, g_object_ref (self));
}

static void
cancel_import (GtkWidget  *widget,
               const char *action,
               GVariant   *parameter)
{
  PdImportDialog *self = PD_IMPORT_DIALOG (widget);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

static void
copy_report (GtkWidget  *widget,
             const char *action,
             GVariant   *parameter)
{
  PdImportDialog *self = PD_IMPORT_DIALOG (widget);

  if (self->report_text != NULL)
    gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), self->report_text);
}

static void
back_to_preview (GtkWidget  *widget,
                 const char *action,
                 GVariant   *parameter)
{
  PdImportDialog *self = PD_IMPORT_DIALOG (widget);

  if (!self->busy && self->table != NULL)
    {
      update_preview (self);
      gtk_stack_set_visible_child_name (self->stack, "preview");
    }
}

static void
mode_toggled (PdImportDialog *self)
{
  if (self->table != NULL)
    update_preview (self);
}

/* Closing while a thread works: cancel, and close when it has stopped, so
 * the import never outlives the window that reports it. */
static gboolean
pd_import_dialog_close_request (GtkWindow *window)
{
  PdImportDialog *self = PD_IMPORT_DIALOG (window);

  if (!self->busy)
    return FALSE;
  self->close_when_done = TRUE;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  return TRUE;
}

/* ---- life cycle -------------------------------------------------------- */

static void
pd_import_dialog_dispose (GObject *object)
{
  PdImportDialog *self = PD_IMPORT_DIALOG (object);

  self->disposed = TRUE;
  /* GTK 4.8: dispose_template() unparents the window's child behind
   * GtkWindow's back, which then unparents it a second time. */
  gtk_window_set_child (GTK_WINDOW (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PD_TYPE_IMPORT_DIALOG);
  g_clear_object (&self->ctx);
  g_clear_object (&self->file);
  g_clear_object (&self->preview_model);
  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (pd_import_dialog_parent_class)->dispose (object);
}

static void
pd_import_dialog_finalize (GObject *object)
{
  PdImportDialog *self = PD_IMPORT_DIALOG (object);

  g_clear_pointer (&self->table, pd_ledger_table_free);
  g_clear_pointer (&self->mapping, pd_owner_mapping_free);
  g_clear_pointer (&self->preview, g_ptr_array_unref);
  g_clear_pointer (&self->dropdowns, g_ptr_array_unref);
  g_free (self->report_text);
  G_OBJECT_CLASS (pd_import_dialog_parent_class)->finalize (object);
}

static void
pd_import_dialog_class_init (PdImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pd_import_dialog_dispose;
  object_class->finalize = pd_import_dialog_finalize;
  GTK_WINDOW_CLASS (klass)->close_request = pd_import_dialog_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/propdesk/PropDesk/ui/pd-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PdImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, PdImportDialog, file_label);
  gtk_widget_class_bind_template_child (widget_class, PdImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, PdImportDialog, mapping_list);
  gtk_widget_class_bind_template_child (widget_class, PdImportDialog, preview_view);
  gtk_widget_class_bind_template_child (widget_class, PdImportDialog, skip_bad_check);
  gtk_widget_class_bind_template_child (widget_class, PdImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, PdImportDialog, report_title);
  gtk_widget_class_bind_template_child (widget_class, PdImportDialog, report_view);
  gtk_widget_class_bind_template_callback (widget_class, mode_toggled);

  gtk_widget_class_install_action (widget_class, "import.choose", NULL, choose_file);
  gtk_widget_class_install_action (widget_class, "import.run", NULL, run_import);
  gtk_widget_class_install_action (widget_class, "import.cancel", NULL, cancel_import);
  gtk_widget_class_install_action (widget_class, "import.copy", NULL, copy_report);
  gtk_widget_class_install_action (widget_class, "import.back", NULL, back_to_preview);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "import.choose", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pd_import_dialog_init (PdImportDialog *self)
{
  GtkNoSelection *selection;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->dropdowns = g_ptr_array_new ();
  self->preview_model = gtk_string_list_new (NULL);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->preview_model)));
  gtk_column_view_set_model (self->preview_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.run", FALSE);
}

PdImportDialog *
pd_import_dialog_new (GtkWindow *parent,
                      PdContext *ctx)
{
  PdImportDialog *self = g_object_new (PD_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);

  g_return_val_if_fail (PD_IS_CONTEXT (ctx), NULL);
  self->ctx = g_object_ref (ctx);
  return self;
}

void
pd_import_dialog_present (GtkWindow *parent,
                          PdContext *ctx)
{
  PdImportDialog *self = pd_import_dialog_new (parent, ctx);

  gtk_window_present (GTK_WINDOW (self));
  gtk_widget_activate_action (GTK_WIDGET (self), "import.choose", NULL);
}
