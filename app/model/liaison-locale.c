/* liaison-locale.c: translations for every Liaison program. */
#define G_LOG_DOMAIN "liaison-locale"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>

#include "liaison-locale.h"

static gboolean
running_from_build_tree (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *build_root = g_path_get_dirname (BUILD_SCHEMADIR);
  g_autofree char *prefix = g_strconcat (build_root, G_DIR_SEPARATOR_S, NULL);

  return exe != NULL && g_str_has_prefix (exe, prefix);
}

void
liaison_locale_init (void)
{
  const char *localedir;

  if (running_from_build_tree ())
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
