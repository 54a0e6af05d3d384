/* liaison-online-row.c: an online submission in words and as a row (see
 * the header). */
#define G_LOG_DOMAIN "liaison-online-row"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-loop-wire.h"
#include "liaison-online-row.h"
#include "liaison-privacy.h"

LiaisonOnlineWait
liaison_online_row_wait (const LiaisonOnlineSubmission *submission,
                         const LiaisonCalendar         *cal,
                         const GDate                   *today)
{
  g_autoptr(GDateTime) submitted = liaison_loop_parse_at (submission->submitted_at);
  g_autoptr(GDateTime) decided = liaison_loop_parse_at (submission->decided_at);
  LiaisonOnlineWait none = { 0, submission->state == LIAISON_ONLINE_PENDING, FALSE };

  if (submitted == NULL)
    return none;
  return liaison_online_wait (cal, submitted, submission->state == LIAISON_ONLINE_PENDING ? NULL : decided,
                              today);
}

char *
liaison_online_row_state (const LiaisonOnlineSubmission *submission)
{
  switch (submission->state)
    {
    case LIAISON_ONLINE_ACCEPTED:
      /* Translators: an online submission the station took in as a reception */
      return g_strdup (C_("online submission", "Accepted"));
    case LIAISON_ONLINE_DECLINED:
      /* Translators: an online submission the station declined, and why: "不予受理：重复反映" */
      return g_strdup_printf (_("Declined: %s"), liaison_online_decline_reason_label (submission->reason));
    case LIAISON_ONLINE_PENDING:
    default:
      /* Translators: an online submission the station has not accepted or declined yet */
      return g_strdup (_("Waiting for the station"));
    }
}

char *
liaison_online_row_citizen (const LiaisonOnlineSubmission *submission)
{
  g_autofree char *phone = liaison_privacy_phone (submission->phone, LIAISON_PRIVACY_MASKED,
                                                  submission->consent, FALSE);
  const char *name = submission->name != NULL && *g_strstrip (submission->name) != '\0'
                     ? submission->name : _("No name given");

  if (*phone == '\0')
    return g_strdup (name);
  /* Translators: the citizen who submitted online and their masked phone, "张三  138****5678" */
  return g_strdup_printf (_("%s  %s"), name, phone);
}

gboolean
liaison_online_row_is_change (const char *table)
{
  static const char * const tables[] = {
    "online", "online_submissions", "loop_rules", "stations", "categories", "settings", NULL,
  };

  return table != NULL && g_strv_contains (tables, table);
}

GtkWidget *
liaison_online_row_new (const char         *title,
                        const char * const *lines)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *label = gtk_label_new (title);
  g_autoptr(GString) name = g_string_new (title);

  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);
  for (guint i = 0; lines != NULL && lines[i] != NULL; i++)
    {
      if (*lines[i] == '\0')
        continue;
      label = gtk_label_new (lines[i]);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_widget_add_css_class (label, i == 0 ? "caption-heading" : "caption");
      if (i > 0)
        gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (box), label);
      g_string_append (name, C_("row name", ", "));
      g_string_append (name, lines[i]);
    }
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name->str, -1);
  g_object_set_data_full (G_OBJECT (row), "name", g_strdup (name->str), g_free);
  return row;
}

void
liaison_online_row_mark_overdue (GtkWidget *row)
{
  GtkWidget *box = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));
  /* Translators: the pill on an online submission left pending past its 3 working days */
  GtkWidget *pill = gtk_label_new (_("Over 3 working days"));
  g_autofree char *name = NULL;

  gtk_widget_set_halign (pill, GTK_ALIGN_START);
  gtk_widget_add_css_class (pill, "deadline-pill");
  gtk_widget_add_css_class (pill, "deadline-overdue");
  gtk_box_append (GTK_BOX (box), pill);
  gtk_widget_add_css_class (row, "online-overdue");
  name = g_strconcat (g_object_get_data (G_OBJECT (row), "name"), C_("row name", ", "),
                      _("Over 3 working days"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}
