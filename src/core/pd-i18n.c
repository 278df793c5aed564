/* pd-i18n.c — see pd-i18n.h. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>

#include "pd-i18n.h"

void
pd_i18n_init (void)
{
  g_autofree char *installed = NULL;

  setlocale (LC_ALL, "");
  installed = g_build_filename (LOCALEDIR, "zh_CN", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  if (!g_file_test (installed, G_FILE_TEST_EXISTS) && g_file_test (BUILD_LOCALEDIR, G_FILE_TEST_IS_DIR))
    bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
  else
    bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
