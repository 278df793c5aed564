/* Release slips in the GUI, under Xvfb: a three-item slip issued with the
 * keyboard alone — real key events through the X server (XTest) — and the
 * keystrokes counted; the gate check releasing a scanned slip once; the
 * register's filters; batch printing the slips chosen in the register;
 * exporting a month's register through the save chooser. */
#include "config.h"

#include <dlfcn.h>
#include <gtk/gtk.h>
#include <gdk/x11/gdkx.h>
#include <X11/keysym.h>

#include "pd-demo.h"
#include "pd-form-field.h"
#include "pd-i18n.h"
#include "pd-record-item.h"
#include "pd-release-code.h"
#include "pd-release-gate-dialog.h"
#include "pd-release-register.h"
#include "pd-release-slip-dialog.h"
#include "pd-release-view.h"
#include "pd-test-fixture.h"
#include "pd-test-gui.h"

#define NOW "2026-04-15 10:00:00"

/* Xlib and XTest are loaded at run time: the program itself never links
 * them, so the test needs no extra build dependency. */
static struct
{
  KeyCode (*keysym_to_keycode) (Display *, KeySym);
  int     (*fake_key) (Display *, unsigned int, Bool, unsigned long);
  int     (*set_input_focus) (Display *, Window, int, Time);
  int     (*sync) (Display *, Bool);
} x;

static Display *display;
static GtkWindow *typing_into;   /* the window the keys are for */
static guint releases_seen;      /* key releases GTK delivered to it */
static guint strokes;        /* keystrokes as the clerk counts them (a chord is one) */
static guint keys_pressed;   /* physical key presses, modifiers included */

static gboolean
load_xtest (void)
{
  void *xlib = dlopen ("libX11.so.6", RTLD_NOW);
  void *xtst = dlopen ("libXtst.so.6", RTLD_NOW);

  if (xlib == NULL || xtst == NULL)
    return FALSE;
  x.keysym_to_keycode = dlsym (xlib, "XKeysymToKeycode");
  x.set_input_focus = dlsym (xlib, "XSetInputFocus");
  x.sync = dlsym (xlib, "XSync");
  x.fake_key = dlsym (xtst, "XTestFakeKeyEvent");
  return x.keysym_to_keycode && x.set_input_focus && x.sync && x.fake_key;
}

/* Lets GTK read and handle what the X server sent. */
static void
settle (void)
{
  for (int i = 0; i < 8; i++)
    {
      x.sync (display, False);
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (3000);
    }
}

static void
key_event (KeySym keysym,
           Bool   press)
{
  KeyCode code = x.keysym_to_keycode (display, keysym);

  g_assert_cmpuint (code, !=, 0);
  x.fake_key (display, code, press, 0);
}

static void take_focus (GtkWindow *window);

/* One keystroke: @keysym, with Control or Alt held when asked. */
static void
stroke (KeySym keysym,
        KeySym modifier)
{
  /* Keys go wherever the X focus is: make sure it is still ours. */
  guint expected = releases_seen + (modifier ? 2 : 1);

  if (!gtk_window_is_active (typing_into))
    take_focus (typing_into);
  if (modifier)
    {
      key_event (modifier, True);
      keys_pressed++;
    }
  key_event (keysym, True);
  key_event (keysym, False);
  if (modifier)
    key_event (modifier, False);
  keys_pressed++;
  strokes++;
  /* Wait until GTK has handled the stroke, however busy the machine is. */
  for (int i = 0; i < 400 && releases_seen < expected; i++)
    settle ();
  g_assert_cmpuint (releases_seen, >=, expected);
  settle ();
}

static void
type (const char *text)
{
  for (const char *p = text; *p; p++)
    stroke (*p == '-' ? XK_minus : (KeySym) *p, 0);
}

static void
take_focus (GtkWindow *window)
{
  GdkSurface *surface;

  for (int i = 0; i < 500 && !gtk_widget_get_mapped (GTK_WIDGET (window)); i++)
    settle ();
  surface = gtk_native_get_surface (GTK_NATIVE (window));
  /* No window manager under Xvfb: give the dialog the keyboard ourselves. */
  x.set_input_focus (display, gdk_x11_surface_get_xid (surface), 2 /* RevertToParent */, 0);
  for (int i = 0; i < 200 && !gtk_window_is_active (window); i++)
    settle ();
  g_assert_true (gtk_window_is_active (window));
}

static void
count_release (void)
{
  releases_seen++;
}

static void
wait_until_active (GtkWindow *window)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (keys, "key-released", G_CALLBACK (count_release), NULL);
  gtk_widget_add_controller (GTK_WIDGET (window), keys);
  typing_into = window;
  take_focus (window);
}

static PdContext *
office (void)
{
  PdContext *ctx = pd_test_context_new (NOW);
  g_autoptr (GError) error = NULL;

  g_assert_true (pd_demo_generate (ctx, 60, 11, &error));
  g_assert_no_error (error);
  return ctx;
}

static void
test_issue_with_keyboard (void)
{
  g_autoptr (PdContext) ctx = NULL;
  g_autoptr (PdReleaseSlip) slip = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *window, *dialog;
  gint64 before, issued_id = 0;

  if (!GDK_IS_X11_DISPLAY (gdk_display_get_default ()) || !load_xtest ())
    {
      g_test_skip ("needs an X display with the XTest extension (xvfb-run)");
      return;
    }
  display = gdk_x11_display_get_xdisplay (gdk_display_get_default ());
  ctx = office ();
  before = pd_test_count (ctx, "SELECT count(*) FROM release_slip", NULL);
  window = gtk_window_new ();
  gtk_window_present (GTK_WINDOW (window));
  dialog = pd_release_slip_dialog_present (GTK_WINDOW (window), ctx, 0);
  wait_until_active (GTK_WINDOW (dialog));

  strokes = keys_pressed = 0;
  type ("1-1-101");                 /* the unit; the owner is the applicant */
  stroke (XK_Return, 0);
  type ("dsj");                     /* 电视机 by its pinyin initials … */
  stroke (XK_Tab, 0);
  type ("2");                       /* … two of them */
  stroke (XK_Return, 0);
  type ("sf");                      /* 沙发 */
  stroke (XK_Return, 0);
  type ("xyj");                     /* 洗衣机 */
  stroke (XK_Return, 0);
  stroke (XK_Return, 0);            /* an empty line ends the list */
  type ("cs");                      /* a recent carrier: 陈师傅 with ID and plate */
  stroke (XK_Return, 0);
  stroke (XK_space, 0);             /* no dangerous goods: checked */
  stroke (XK_s, XK_Control_L);      /* issue */

  g_test_message ("keystrokes to issue a three-item slip: %u (%u key presses)", strokes, keys_pressed);
  g_print ("# keystrokes to issue a three-item slip: %u (%u key presses with modifiers)\n", strokes,
           keys_pressed);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM release_slip", NULL), ==, before + 1);
  issued_id = pd_test_count (ctx, "SELECT max (id) FROM release_slip", NULL);
  slip = pd_release_slip_get (ctx, issued_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (slip->unit_code, ==, "1-1-101");
  g_assert_cmpstr (slip->applicant_name, ==, "张三");
  g_assert_cmpstr (slip->applicant_role, ==, "owner");
  g_assert_cmpstr (slip->reason, ==, "other");
  g_assert_cmpuint (slip->items->len, ==, 3);
  g_assert_cmpstr (((PdReleaseItem *) slip->items->pdata[0])->name, ==, "电视机");
  g_assert_cmpint (((PdReleaseItem *) slip->items->pdata[0])->quantity, ==, 2);
  g_assert_cmpstr (((PdReleaseItem *) slip->items->pdata[1])->name, ==, "沙发");
  g_assert_cmpint (((PdReleaseItem *) slip->items->pdata[1])->quantity, ==, 1);
  g_assert_cmpstr (((PdReleaseItem *) slip->items->pdata[2])->name, ==, "洗衣机");
  g_assert_cmpstr (slip->carrier_name, ==, "陈师傅");
  g_assert_cmpuint (strlen (slip->carrier_id_number), ==, 18);
  g_assert_true (slip->no_dangerous_goods);
  g_assert_cmpstr (slip->valid_on, ==, "2026-04-15");
  /* A fast path, not a marathon. */
  g_assert_cmpuint (strokes, <=, 30);

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  settle ();
}

/* Refusals show next to their fields and nothing is written; a tenant's
 * unit opens with the owner's confirmation to fill in. */
static void
test_refusal_beside_field (void)
{
  g_autoptr (PdContext) ctx = office ();
  gint64 tenant_unit = pd_test_count (ctx, "SELECT min (unit_id) FROM unit_role WHERE role = 'tenant' "
                                           "AND ended_on = ''", NULL);
  gint64 before = pd_test_count (ctx, "SELECT count(*) FROM release_slip", NULL);
  GtkWidget *dialog = pd_release_slip_dialog_new (NULL, ctx, tenant_unit);
  PdFormField *items;

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_activate_action (dialog, "slip.issue", NULL);
  items = pd_form_field_find (dialog, "items");
  g_assert_nonnull (items);
  g_assert_nonnull (strstr (pd_form_field_get_error (items), "Items"));
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM release_slip", NULL), ==, before);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static PdReleaseSlip *
first_with (PdContext  *ctx,
            const char *where)
{
  g_autofree char *sql = g_strconcat ("SELECT id FROM release_slip WHERE ", where, " ORDER BY id LIMIT 1", NULL);
  gint64 id = pd_test_count (ctx, sql, NULL);

  g_assert_cmpint (id, >, 0);
  return pd_release_slip_get (ctx, id, NULL);
}

/* The widget the .ui file names @name (its "name" property). */
static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (g_strcmp0 (gtk_widget_get_name (child), name) == 0)
        return child;
      if ((found = find_named (child, name)) != NULL)
        return found;
    }
  g_assert_true (root != NULL);
  return NULL;
}

static void
test_gate_check (void)
{
  g_autoptr (PdContext) ctx = office ();
  g_autoptr (PdReleaseSlip) slip = first_with (ctx, "state = 'issued' AND valid_on >= '2026-04-15'");
  g_autoptr (PdReleaseSlip) read = NULL;
  g_autoptr (PdReleaseSlip) used = first_with (ctx, "state = 'released'");
  g_autofree char *code = pd_release_code_compute (ctx, slip, NULL);
  g_autofree char *scan = pd_release_code_payload (slip, code);
  g_autofree char *used_code = pd_release_code_compute (ctx, used, NULL);
  g_autofree char *used_scan = pd_release_code_payload (used, used_code);
  GtkWidget *dialog = pd_release_gate_dialog_new (NULL, ctx);
  GtkWidget *serial, *guard, *verdict;

  gtk_window_present (GTK_WINDOW (dialog));
  serial = find_named (dialog, "serial");
  guard = find_named (dialog, "guard");
  verdict = find_named (dialog, "verdict");
  g_assert_nonnull (serial);
  g_assert_nonnull (guard);
  g_assert_nonnull (verdict);

  /* A scanner types the QR code's text and Enter. */
  gtk_editable_set_text (GTK_EDITABLE (serial), used_scan);
  g_signal_emit_by_name (serial, "activate");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (verdict)), "already used"));

  gtk_editable_set_text (GTK_EDITABLE (serial), scan);
  g_signal_emit_by_name (serial, "activate");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (verdict)), "Valid"));
  gtk_editable_set_text (GTK_EDITABLE (guard), "保安老周");
  g_signal_emit_by_name (guard, "activate");
  read = pd_release_slip_get (ctx, slip->id, NULL);
  g_assert_cmpstr (read->state, ==, "released");
  g_assert_cmpstr (read->released_by, ==, "保安老周");
  g_assert_cmpstr (read->released_at, ==, NOW);

  /* The same slip scanned again is refused. */
  gtk_editable_set_text (GTK_EDITABLE (serial), scan);
  g_signal_emit_by_name (serial, "activate");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (verdict)), "already used"));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_register_filters (void)
{
  g_autoptr (PdContext) ctx = office ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = pd_release_view_new (ctx);
  GtkColumnView *list = GTK_COLUMN_VIEW (find_named (view, "register"));
  GtkDropDown *state = GTK_DROP_DOWN (find_named (view, "state-filter"));
  GtkWidget *search = find_named (view, "register-search");
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (list));

  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==,
                    pd_test_count (ctx, "SELECT count(*) FROM release_slip", NULL));

  gtk_drop_down_set_selected (state, 1 + PD_RELEASE_STATUS_EXPIRED);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (g_list_model_get_n_items (model), ==,
                    pd_test_count (ctx, "SELECT count(*) FROM release_slip WHERE state = 'issued' "
                                        "AND valid_on < '2026-04-15'", NULL));
  gtk_drop_down_set_selected (state, 0);
  gtk_editable_set_text (GTK_EDITABLE (search), "2026-1");
  g_signal_emit_by_name (search, "search-changed");
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Ctrl+E: the month asked, then the shared save chooser; the workbook
 * holds the month's slips, as many as the tab says it exported. */
static void
test_register_export (void)
{
  g_autoptr (PdContext) ctx = office ();
  g_autofree char *path = g_build_filename (pd_test_tmpdir (), "register-2026-04.xlsx", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *rows = NULL;
  PdReleaseFilter filter = PD_RELEASE_FILTER_INIT;
  g_autoptr (GPtrArray) april = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = pd_release_view_new (ctx);
  GtkWidget *dialog;
  const char *argv[] = { "/usr/bin/python3", "-c",
                         "import openpyxl, sys\n"
                         "ws = openpyxl.load_workbook(sys.argv[1]).active\n"
                         "print(sum(1 for r in ws.iter_rows(values_only=True) if r and str(r[0] or '').startswith('2026-')))",
                         path, NULL };
  int status = -1;

  filter.from = "2026-04-01";
  filter.to = "2026-04-30";
  april = pd_release_register_list (ctx, &filter, NULL);
  g_assert_cmpuint (april->len, >, 0);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  pd_test_gui_spin ();

  pd_test_gui_press (view, GDK_KEY_e, GDK_CONTROL_MASK);
  dialog = pd_test_gui_find_toplevel (window, GTK_TYPE_MESSAGE_DIALOG);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (pd_test_gui_find (dialog, GTK_TYPE_ENTRY, NULL))), ==, "2026-04");
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  pd_test_gui_spin ();
  pd_test_gui_choose_file (window, path);

  expected = g_strdup_printf ("%u slips exported to %s.", april->len, path);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (pd_test_gui_find_id (view, "count_label"))), ==, expected);
  rows = pd_test_run (argv, &status, NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpint (atoi (rows), ==, april->len);
  gtk_window_destroy (GTK_WINDOW (window));
  pd_test_gui_spin ();
}

static guint
occurrences (const char *text,
             const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (text, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* Batch print: the slips chosen in the register go through the print
 * dialog together (here its "Print to File"), each with both parts. */
static void
test_batch_print (void)
{
  g_autoptr (PdContext) ctx = office ();
  g_autofree char *path = g_build_filename (pd_test_tmpdir (), "batch.pdf", NULL);
  g_autofree char *text = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = pd_release_view_new (ctx);
  GtkSelectionModel *selection = gtk_column_view_get_model (GTK_COLUMN_VIEW (find_named (view, "register")));
  const char *serials[5];

  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  pd_test_gui_spin ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), >=, G_N_ELEMENTS (serials));
  for (guint i = 0; i < G_N_ELEMENTS (serials); i++)
    {
      g_autoptr (PdRecordItem) item = g_list_model_get_item (G_LIST_MODEL (selection), i);
      serials[i] = ((const PdReleaseSlip *) pd_record_item_get (item))->serial;
    }
  g_assert_true (gtk_selection_model_select_range (selection, 1, 3, TRUE));
  pd_test_gui_print_to_pdf (view, GDK_KEY_p, GDK_CONTROL_MASK, path);
  text = pd_test_pdf_text (path);
  for (guint i = 1; i <= 3; i++)
    if (occurrences (text, serials[i]) < 2)
      g_error ("slip %s is not printed in two parts:\n%s", serials[i], text);
  g_assert_null (strstr (text, serials[0]));
  g_assert_null (strstr (text, serials[4]));
  gtk_window_destroy (GTK_WINDOW (window));
  pd_test_gui_spin ();
}

int
main (int    argc,
      char **argv)
{
  pd_i18n_init ();
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/release/gui/issue-with-keyboard", test_issue_with_keyboard);
  g_test_add_func ("/release/gui/refusal-beside-field", test_refusal_beside_field);
  g_test_add_func ("/release/gui/gate-check", test_gate_check);
  g_test_add_func ("/release/gui/register-filters", test_register_filters);
  g_test_add_func ("/release/gui/batch-print", test_batch_print);
  g_test_add_func ("/release/gui/register-export", test_register_export);
  return g_test_run ();
}
