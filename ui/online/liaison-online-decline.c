/* liaison-online-decline.c: 不予受理 asks why (see the header).
 *
 * The reason is one of three (the citizen's follow page shows it), so it
 * is a choice, not a text; the note is free and optional. Until a reason
 * is chosen the dialog's Decline is off and a line under the choices says
 * why, so that nobody wonders.
 */
#define G_LOG_DOMAIN "liaison-online-decline"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-online-decline.h"
#include "liaison-validate.h"

static const LiaisonOnlineDeclineReason reasons[] = {
  LIAISON_ONLINE_DECLINE_SPAM,
  LIAISON_ONLINE_DECLINE_DUPLICATE,
  LIAISON_ONLINE_DECLINE_OUT_OF_REMIT,
};

static GtkCheckButton *
reason_button (AdwMessageDialog *dialog,
               guint             index)
{
  g_autofree char *key = g_strdup_printf ("reason-%u", index);

  return g_object_get_data (G_OBJECT (dialog), key);
}

gboolean
liaison_online_decline_get_reason (AdwMessageDialog           *dialog,
                                   LiaisonOnlineDeclineReason *reason)
{
  g_return_val_if_fail (ADW_IS_MESSAGE_DIALOG (dialog), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
    if (gtk_check_button_get_active (reason_button (dialog, i)))
      {
        if (reason != NULL)
          *reason = reasons[i];
        return TRUE;
      }
  return FALSE;
}

char *
liaison_online_decline_dup_note (AdwMessageDialog *dialog)
{
  GtkEditable *note_row = g_object_get_data (G_OBJECT (dialog), "note-row");
  const char *text = gtk_editable_get_text (note_row);

  if (liaison_text_is_blank (text))
    return NULL;
  return g_strstrip (g_strdup (text));
}

static void
reason_toggled_cb (AdwMessageDialog *dialog)
{
  GtkWidget *hint = g_object_get_data (G_OBJECT (dialog), "hint");
  gboolean chosen = liaison_online_decline_get_reason (dialog, NULL);

  adw_message_dialog_set_response_enabled (dialog, "decline", chosen);
  gtk_widget_set_visible (hint, !chosen);
}

AdwMessageDialog *
liaison_online_decline_new (GtkWindow  *parent,
                            const char *title)
{
  AdwMessageDialog *dialog;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *note_list = gtk_list_box_new ();
  GtkWidget *note_row = adw_entry_row_new ();
  GtkWidget *hint;
  GtkWidget *group = NULL;
  g_autofree char *body = NULL;

  /* Translators: the question of the Decline dialog; %s is the online submission's title */
  body = g_strdup_printf (_("“%s” will not become a reception. The citizen’s follow page shows the reason."),
                          title);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("Decline Online Submission"), body));
  gtk_widget_set_name (GTK_WIDGET (dialog), "decline_dialog");

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  /* Translators: why an online submission is declined, a choice of three */
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reason"), -1);
  for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
    {
      const char *label = liaison_online_decline_reason_label (reasons[i]);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      g_autofree char *key = g_strdup_printf ("reason-%u", i);

      if (group != NULL)
        gtk_check_button_set_group (GTK_CHECK_BUTTON (check), GTK_CHECK_BUTTON (group));
      else
        group = check;
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
      g_object_set_data (G_OBJECT (dialog), key, check);
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (reason_toggled_cb), dialog);
    }
  gtk_box_append (GTK_BOX (box), list);

  hint = gtk_label_new (_("Choose why it is declined: the citizen is told."));
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_widget_add_css_class (hint, "caption");
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_widget_set_name (hint, "reason_hint");
  gtk_box_append (GTK_BOX (box), hint);

  /* Translators: a free note on why an online submission is declined */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (note_row), _("Note (optional)"));
  gtk_widget_set_name (note_row, "note_row");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (note_list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (note_list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (note_list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Note (optional)"), -1);
  gtk_list_box_append (GTK_LIST_BOX (note_list), note_row);
  gtk_box_append (GTK_BOX (box), note_list);
  adw_message_dialog_set_extra_child (dialog, box);

  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "decline", _("_Decline"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "decline", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (dialog, "cancel");
  adw_message_dialog_set_response_enabled (dialog, "decline", FALSE);

  g_object_set_data (G_OBJECT (dialog), "note-row", note_row);
  g_object_set_data (G_OBJECT (dialog), "hint", hint);
  return dialog;
}
