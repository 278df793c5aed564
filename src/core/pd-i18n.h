/* pd-i18n.h — gettext set-up shared by the GUI and the CLI. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Sets the locale from the environment and binds the catalogue: the
 * installed one, or the build tree's when running uninstalled. */
void pd_i18n_init (void);

G_END_DECLS
