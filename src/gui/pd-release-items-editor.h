/* pd-release-items-editor.h — the item lines of a release slip being
 * issued: name, quantity, description, one line after the other with the
 * keyboard.  A name may be typed as the pinyin initials of a common item
 * ("sf" → 沙发), taken on Enter, Tab or leaving the field; Enter moves to
 * the next line (made when needed); Enter on an empty line emits "done".
 *
 * Signal: "done" — the clerk finished the list. */
#pragma once

#include <gtk/gtk.h>

#include "pd-release-slip.h"

G_BEGIN_DECLS

#define PD_TYPE_RELEASE_ITEMS_EDITOR (pd_release_items_editor_get_type ())
G_DECLARE_FINAL_TYPE (PdReleaseItemsEditor, pd_release_items_editor, PD, RELEASE_ITEMS_EDITOR, GtkWidget)

/* The names offered, most used first (pd_release_common_items). */
void     pd_release_items_editor_set_common (PdReleaseItemsEditor *self,
                                             const char *const    *names);
/* One empty line. */
void     pd_release_items_editor_clear      (PdReleaseItemsEditor *self);
void     pd_release_items_editor_focus      (PdReleaseItemsEditor *self);
gboolean pd_release_items_editor_is_empty   (PdReleaseItemsEditor *self);
/* Appends the lines typed (blank ones skipped) to @slip->items; a
 * quantity that is not a number becomes 0, which the core refuses naming
 * the line. */
void     pd_release_items_editor_collect    (PdReleaseItemsEditor *self,
                                             PdReleaseSlip        *slip);

G_END_DECLS
