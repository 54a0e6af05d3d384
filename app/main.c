/* main.c: the station app. Headless commands run without GTK; everything
 * else opens the window. */
#include "config.h"

#include <glib/gi18n.h>
#include <gtk/gtk.h>
#include <locale.h>

#include "liaison-application.h"
#include "liaison-cli.h"
#include "liaison-sync-cli.h"

/* Run from the build tree, the app finds its translations and settings
 * schema there, so that ./dev run needs no install. */
static void
use_build_tree_when_uninstalled (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *exe_dir = exe ? g_path_get_dirname (exe) : NULL;
  g_autofree char *build_root = g_path_get_dirname (BUILD_SCHEMADIR);

  if (exe_dir == NULL || g_strcmp0 (exe_dir, build_root) != 0)
    return;
  g_setenv ("GSETTINGS_SCHEMA_DIR", BUILD_SCHEMADIR, FALSE);
  g_setenv ("LIAISON_LOCALEDIR", BUILD_LOCALEDIR, FALSE);
}

/* Help needs no display: GApplication prints it before any window. */
static gboolean
asks_for_help (int    argc,
               char **argv)
{
  for (int i = 1; i < argc; i++)
    if (g_str_equal (argv[i], "-h") || g_str_has_prefix (argv[i], "--help"))
      return TRUE;
  return FALSE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GApplication) app = NULL;
  const char *localedir;

  use_build_tree_when_uninstalled ();

  setlocale (LC_ALL, "");
  localedir = g_getenv ("LIAISON_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (liaison_cli_is_command (argc, argv))
    return liaison_cli_main (argc, argv);
  if (liaison_sync_cli_is_command (argc, argv))
    return liaison_sync_cli_main (argc, argv);

  if (!asks_for_help (argc, argv) && !gtk_init_check ())
    {
      g_printerr ("%s\n", _("Liaison needs a graphical display and found none (DISPLAY and WAYLAND_DISPLAY are unset or unreachable). The import, export and demo commands work without one."));
      return 1;
    }

  app = G_APPLICATION (liaison_application_new ());
  return g_application_run (app, argc, argv);
}
