/* liaison-contact-dialog.c: Show Contact… at headquarters asks why.
 *
 * A headquarters desk holds visitors' phones masked. To see one, the
 * officer gives a reason, which headquarters' server writes in the access
 * log before it answers (docs/privacy.md, "Headquarters and contacts").
 */
#define G_LOG_DOMAIN "liaison-contact-dialog"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-contact-dialog.h"
#include "liaison-validate.h"

static void
reason_changed_cb (AdwMessageDialog *dialog)
{
  GtkEditable *reason_row = g_object_get_data (G_OBJECT (dialog), "reason-row");

  adw_message_dialog_set_response_enabled (dialog, "show",
                                           !liaison_text_is_blank (gtk_editable_get_text (reason_row)));
}

AdwMessageDialog *
liaison_contact_dialog_new (GtkWindow *parent)
{
  AdwMessageDialog *dialog;
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *reason_row = adw_entry_row_new ();

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("Show Contact"),
    _("Headquarters’ server gives a visitor’s phone, in full if they agreed to be contacted, and writes "
      "who asked and why in the access log. The number is shown until Liaison is closed and is not saved "
      "on this computer.")));
  gtk_widget_set_name (GTK_WIDGET (dialog), "contact_dialog");

  /* Translators: why full contacts are needed, written to the access log */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (reason_row), _("Reason"));
  gtk_widget_set_name (reason_row, "reason_row");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reason"), -1);
  gtk_list_box_append (GTK_LIST_BOX (list), reason_row);
  adw_message_dialog_set_extra_child (dialog, list);

  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "show", _("_Show Contact"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "show", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "show");
  adw_message_dialog_set_close_response (dialog, "cancel");
  adw_message_dialog_set_response_enabled (dialog, "show", FALSE);

  g_object_set_data (G_OBJECT (dialog), "reason-row", reason_row);
  g_signal_connect_swapped (reason_row, "changed", G_CALLBACK (reason_changed_cb), dialog);
  gtk_widget_grab_focus (reason_row);
  return dialog;
}

char *
liaison_contact_dialog_dup_reason (AdwMessageDialog *dialog)
{
  GtkEditable *reason_row = g_object_get_data (G_OBJECT (dialog), "reason-row");

  return g_strstrip (g_strdup (gtk_editable_get_text (reason_row)));
}
