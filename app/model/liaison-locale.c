/* liaison-locale.c: translations for every Liaison program. */
#define G_LOG_DOMAIN "liaison-locale"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>

#include "liaison-build-tree.h"
#include "liaison-locale.h"

void
liaison_locale_init (void)
{
  const char *localedir;

  if (liaison_build_tree_is_running ())
    {
      g_setenv ("GSETTINGS_SCHEMA_DIR", BUILD_SCHEMADIR, FALSE);
      g_setenv ("LIAISON_LOCALEDIR", BUILD_LOCALEDIR, FALSE);
    }

  setlocale (LC_ALL, "");
  localedir = g_getenv ("LIAISON_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
