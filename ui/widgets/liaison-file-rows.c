/* liaison-file-rows.c: a file's row and the chooser that attaches files
 * (see the header). */
#define G_LOG_DOMAIN "liaison-file-rows"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-file-rows.h"
#include "liaison-tooltip.h"

GtkWidget *
liaison_ui_file_row_new (const char *name,
                         const char *subtitle,
                         GtkWidget  *prefix,
                         const char *sha256,
                         const char *button_name,
                         GCallback   remove_clicked,
                         gpointer    user_data)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
  /* Translators: %s is a file's name; the button takes it off the
   * reception or the reply */
  g_autofree char *remove_label = g_strdup_printf (_("Remove %s"), name);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), prefix);

  gtk_widget_set_name (remove, button_name);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  liaison_ui_set_tooltip (remove, remove_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  g_object_set_data_full (G_OBJECT (remove), "sha256", g_strdup (sha256), g_free);
  g_signal_connect (remove, "clicked", remove_clicked, user_data);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  return row;
}

void
liaison_ui_attach_chooser_open (GtkWidget             *section,
                                GtkFileChooserNative **chooser,
                                GCallback              response)
{
  GtkRoot *root;

  if (*chooser != NULL)
    return;
  root = gtk_widget_get_root (section);
  *chooser = gtk_file_chooser_native_new (_("Attach Files"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                          GTK_FILE_CHOOSER_ACTION_OPEN,
                                          _("_Attach"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (*chooser), TRUE);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (*chooser), TRUE);
  g_signal_connect (*chooser, "response", response, section);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (*chooser));
}

GListModel *
liaison_ui_attach_chooser_finish (GtkFileChooserNative **chooser,
                                  int                    response)
{
  GListModel *files = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (*chooser));
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (*chooser));
  g_clear_object (chooser);
  return files;
}

void
liaison_ui_attach_chooser_close (GtkFileChooserNative **chooser,
                                 GtkWidget             *section)
{
  if (*chooser == NULL)
    return;
  g_signal_handlers_disconnect_by_data (*chooser, section);
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (*chooser));
  g_clear_object (chooser);
}
