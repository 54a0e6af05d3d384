/* liaison-period-dialog.c: asking for a period, from one day to another:
 * two date rows with calendars, checked as they are typed; and whether to
 * include full contacts, with a reason, with a period or alone. */
#define G_LOG_DOMAIN "liaison-period-dialog"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "liaison-date-button.h"
#include "liaison-period-dialog.h"
#include "liaison-ui-util.h"

/* Full contacts take a reason (docs/privacy.md, Masking). */
static gboolean
contacts_ready (AdwMessageDialog *dialog)
{
  AdwExpanderRow *contacts_row = g_object_get_data (G_OBJECT (dialog), "contacts-row");
  GtkEditable *reason_row = g_object_get_data (G_OBJECT (dialog), "reason-row");
  g_autofree char *reason = NULL;

  if (contacts_row == NULL || !adw_expander_row_get_enable_expansion (contacts_row))
    return TRUE;
  reason = g_strstrip (g_strdup (gtk_editable_get_text (reason_row)));
  return *reason != '\0';
}

/* The response is enabled only for two real dates in order, and with full
 * contacts chosen, a reason. */
static void
dates_changed_cb (AdwMessageDialog *dialog)
{
  GtkWidget *from_row = g_object_get_data (G_OBJECT (dialog), "from-row");
  GtkWidget *to_row = g_object_get_data (G_OBJECT (dialog), "to-row");
  const char *response = g_object_get_data (G_OBJECT (dialog), "period-response");
  g_autofree char *from_date = NULL;
  g_autofree char *to_date = NULL;

  /* A dialog of the contacts choice alone has no dates to check. */
  if (from_row == NULL)
    {
      adw_message_dialog_set_response_enabled (dialog, response, contacts_ready (dialog));
      return;
    }
  from_date = liaison_ui_normalize_date (gtk_editable_get_text (GTK_EDITABLE (from_row)));
  to_date = liaison_ui_normalize_date (gtk_editable_get_text (GTK_EDITABLE (to_row)));
  if (from_date == NULL)
    gtk_widget_add_css_class (from_row, "error");
  else
    gtk_widget_remove_css_class (from_row, "error");
  if (to_date == NULL)
    gtk_widget_add_css_class (to_row, "error");
  else
    gtk_widget_remove_css_class (to_row, "error");

  adw_message_dialog_set_response_enabled (dialog, response,
                                           from_date != NULL && to_date != NULL &&
                                           strcmp (from_date, to_date) <= 0 &&
                                           contacts_ready (dialog));
}

/* The dialog, its responses and its empty list, named @list_label. */
static AdwMessageDialog *
choice_dialog_new (GtkWindow  *parent,
                   const char *heading,
                   const char *body,
                   const char *response,
                   const char *response_label,
                   const char *list_label)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, body));
  GtkWidget *list = gtk_list_box_new ();

  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    response, response_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, response, ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, response);
  adw_message_dialog_set_close_response (dialog, "cancel");

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, list_label, -1);
  gtk_widget_add_css_class (list, "boxed-list");
  adw_message_dialog_set_extra_child (dialog, list);
  g_object_set_data (G_OBJECT (dialog), "period-list", list);
  g_object_set_data_full (G_OBJECT (dialog), "period-response", g_strdup (response), g_free);
  return dialog;
}

AdwMessageDialog *
liaison_contacts_dialog_new (GtkWindow  *parent,
                             const char *heading,
                             const char *body,
                             const char *response,
                             const char *response_label)
{
  AdwMessageDialog *dialog = choice_dialog_new (parent, heading, body, response, response_label,
                                                _("Include Full Contacts"));

  liaison_period_dialog_add_contacts_choice (dialog);
  return dialog;
}

AdwMessageDialog *
liaison_period_dialog_new (GtkWindow  *parent,
                           const char *heading,
                           const char *body,
                           const char *response,
                           const char *response_label,
                           const char *list_label)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *new_year = g_date_time_format (now, "%Y-01-01");
  AdwMessageDialog *dialog = choice_dialog_new (parent, heading, body, response, response_label, list_label);
  GtkWidget *list = GTK_WIDGET (liaison_period_dialog_get_list (dialog));
  GtkWidget *from_row;
  GtkWidget *to_row;

  from_row = adw_entry_row_new ();
  /* Translators: the first date of the export, written YYYY-MM-DD */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (from_row), _("From (YYYY-MM-DD)"));
  gtk_editable_set_text (GTK_EDITABLE (from_row), new_year);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (from_row), liaison_date_button_new (GTK_EDITABLE (from_row), _("From date")));
  gtk_list_box_append (GTK_LIST_BOX (list), from_row);

  to_row = adw_entry_row_new ();
  /* Translators: the last date of the export, written YYYY-MM-DD */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (to_row), _("To (YYYY-MM-DD)"));
  gtk_editable_set_text (GTK_EDITABLE (to_row), today);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (to_row), liaison_date_button_new (GTK_EDITABLE (to_row), _("To date")));
  gtk_list_box_append (GTK_LIST_BOX (list), to_row);

  g_object_set_data (G_OBJECT (dialog), "from-row", from_row);
  g_object_set_data (G_OBJECT (dialog), "to-row", to_row);
  g_signal_connect_swapped (from_row, "changed", G_CALLBACK (dates_changed_cb), dialog);
  g_signal_connect_swapped (to_row, "changed", G_CALLBACK (dates_changed_cb), dialog);
  return dialog;
}

/* The expander row's own switch, named for a screen reader as its row. */
static void
name_switches (GtkWidget  *widget,
               const char *label)
{
  if (GTK_IS_SWITCH (widget))
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    name_switches (child, label);
}

void
liaison_period_dialog_add_contacts_choice (AdwMessageDialog *dialog)
{
  GtkWidget *contacts_row = adw_expander_row_new ();
  GtkWidget *reason_row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (contacts_row), _("Include Full Contacts"));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (contacts_row),
                                 _("Phones of visitors who agreed to be contacted, in full; the reason is logged"));
  adw_expander_row_set_show_enable_switch (ADW_EXPANDER_ROW (contacts_row), TRUE);
  adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (contacts_row), FALSE);
  gtk_widget_set_name (contacts_row, "contacts_row");
  gtk_accessible_update_property (GTK_ACCESSIBLE (contacts_row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Include Full Contacts"), -1);
  name_switches (contacts_row, _("Include Full Contacts"));

  /* Translators: why full contacts are needed, written to the access log */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (reason_row), _("Reason"));
  gtk_widget_set_name (reason_row, "reason_row");
  adw_expander_row_add_row (ADW_EXPANDER_ROW (contacts_row), reason_row);
  gtk_list_box_append (liaison_period_dialog_get_list (dialog), contacts_row);

  g_object_set_data (G_OBJECT (dialog), "contacts-row", contacts_row);
  g_object_set_data (G_OBJECT (dialog), "reason-row", reason_row);
  g_signal_connect_swapped (contacts_row, "notify::enable-expansion", G_CALLBACK (dates_changed_cb), dialog);
  g_signal_connect_swapped (reason_row, "changed", G_CALLBACK (dates_changed_cb), dialog);
}

char *
liaison_period_dialog_dup_contacts_reason (AdwMessageDialog *dialog)
{
  AdwExpanderRow *contacts_row = g_object_get_data (G_OBJECT (dialog), "contacts-row");
  GtkEditable *reason_row = g_object_get_data (G_OBJECT (dialog), "reason-row");

  if (contacts_row == NULL || !adw_expander_row_get_enable_expansion (contacts_row))
    return NULL;
  return g_strstrip (g_strdup (gtk_editable_get_text (reason_row)));
}

GtkListBox *
liaison_period_dialog_get_list (AdwMessageDialog *dialog)
{
  return g_object_get_data (G_OBJECT (dialog), "period-list");
}

gboolean
liaison_period_dialog_get_dates (AdwMessageDialog  *dialog,
                                 char             **from,
                                 char             **to)
{
  GtkEditable *from_row = g_object_get_data (G_OBJECT (dialog), "from-row");
  GtkEditable *to_row = g_object_get_data (G_OBJECT (dialog), "to-row");
  g_autofree char *from_date = liaison_ui_normalize_date (gtk_editable_get_text (from_row));
  g_autofree char *to_date = liaison_ui_normalize_date (gtk_editable_get_text (to_row));

  if (from_date == NULL || to_date == NULL)
    return FALSE;
  *from = g_steal_pointer (&from_date);
  *to = g_steal_pointer (&to_date);
  return TRUE;
}
