/* main.c: the station app. Headless commands run without GTK; everything
 * else opens the window. */
#define G_LOG_DOMAIN "liaison"

#include "config.h"

#include <glib/gi18n.h>
#include <gtk/gtk.h>

#include "liaison-application.h"
#include "liaison-cli.h"
#include "liaison-locale.h"
#include "liaison-sync-cli.h"

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

  liaison_locale_init ();

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
