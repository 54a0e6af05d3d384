/* liaison-window-help.c: the main menu's User Guide (and F1): the zh_CN
 * user guide (docs/zh_CN/用户手册.md), rendered to HTML when the program is
 * built (docs/meson.build), opened in the desktop's browser from a file://
 * URI. Nothing is fetched: the guide and its pictures are files on this
 * computer, under the installed prefix's data folder, or in the build tree
 * when the program runs from it (./dev run, the tests).
 *
 * And its Keyboard Shortcuts (Ctrl+?), a window made when asked for and
 * destroyed when closed. Not GtkApplication's help overlay, which GTK makes
 * at start and keeps hidden: GTK 4.8 answers a screen reader that asks for
 * a window past the last one shown (one just closed between its count and
 * its question) with its last window of all, and a hidden one has no
 * accessible path: a critical, and the app ends. No window may stay
 * hidden. */
#define G_LOG_DOMAIN "liaison-window"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-build-tree.h"
#include "liaison-window-private.h"

/* The guide's language when none of the user's has one: the one it is
 * written in. */
#define GUIDE_FALLBACK_LANGUAGE "zh_CN"

/* The guide's index.html for the first of the user's languages that has
 * one, else the fallback's path, which may not exist. */
static char *
guide_path (void)
{
  const char *base = liaison_build_tree_is_running () ? BUILD_HELPDIR : HELPDIR;
  const char * const *languages = g_get_language_names ();

  for (guint i = 0; languages[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (base, languages[i], "index.html", NULL);

      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return g_steal_pointer (&path);
    }
  return g_build_filename (base, GUIDE_FALLBACK_LANGUAGE, "index.html", NULL);
}

static void
guide_shown_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(LiaisonWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error))
    {
      g_autofree char *message = NULL;

      /* Translators: %s says why, e.g. that no program opens web pages */
      message = g_strdup_printf (_("Could not open the user guide: %s"), error->message);
      g_warning ("%s", message);
      liaison_window_add_toast (self, message);
    }
}

static void
user_guide_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  LiaisonWindow *self = LIAISON_WINDOW (widget);
  g_autofree char *path = guide_path ();
  g_autofree char *uri = NULL;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_autofree char *message = NULL;

      /* Translators: %s is the file's path */
      message = g_strdup_printf (_("The user guide is not installed: %s is missing."), path);
      g_warning ("%s", message);
      liaison_window_add_toast (self, message);
      return;
    }
  uri = g_filename_to_uri (path, NULL, NULL);
  g_debug ("Opening the user guide at %s", uri);
  gtk_show_uri_full (GTK_WINDOW (self), uri, GDK_CURRENT_TIME, NULL, guide_shown_cb, g_object_ref (self));
}

/* The Keyboard Shortcuts window open over @window, or NULL. */
static GtkWindow *
open_shortcuts (GtkWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (GTK_IS_SHORTCUTS_WINDOW (toplevel) && gtk_window_get_transient_for (toplevel) == window)
        return toplevel;
    }
  return NULL;
}

/* Asked for again while open (Ctrl+? in the main window, or the menu),
 * the window there comes to the front: one copy, not another. */
static void
show_shortcuts_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  g_autoptr(GtkBuilder) builder = NULL;
  GtkWindow *shortcuts = open_shortcuts (GTK_WINDOW (widget));

  if (shortcuts != NULL)
    {
      gtk_window_present (shortcuts);
      return;
    }
  builder = gtk_builder_new_from_resource ("/org/liaison/Liaison/liaison-shortcuts-window.ui");
  shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
  gtk_window_set_transient_for (shortcuts, GTK_WINDOW (widget));
  gtk_window_set_destroy_with_parent (shortcuts, TRUE);
  gtk_window_present (shortcuts);
}

void
liaison_window_class_add_help_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.user-guide", NULL, user_guide_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F1, 0, "win.user-guide", NULL);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_shortcuts_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_question, GDK_CONTROL_MASK,
                                       "win.show-help-overlay", NULL);
}
