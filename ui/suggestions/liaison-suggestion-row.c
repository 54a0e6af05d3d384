/* liaison-suggestion-row.c: a suggestion as a row of a list that opens it.
 *
 * The Follow-up page's sections and the dashboard's lists of the items
 * behind a number show the same rows: the title, then where it stands
 * (station, lead unit, category, state, who took it up), and the
 * deadline's pill.
 */
#define G_LOG_DOMAIN "liaison-suggestion-row"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-privacy.h"
#include "liaison-suggestion-item.h"
#include "liaison-suggestion-row.h"
#include "liaison-tooltip.h"
#include "liaison-ui-a11y.h"

/* The CSS class for a deadline's urgency; resources/style.css colours it. */
static const char *
urgency_css_class (LiaisonDeadlineUrgency urgency)
{
  switch (urgency)
    {
    case LIAISON_DEADLINE_ON_TRACK:
      return "deadline-on-track";
    case LIAISON_DEADLINE_DUE_SOON:
      return "deadline-due-soon";
    case LIAISON_DEADLINE_DUE_TODAY:
      return "deadline-due-today";
    case LIAISON_DEADLINE_OVERDUE:
      return "deadline-overdue";
    case LIAISON_DEADLINE_NONE:
    case LIAISON_N_DEADLINE_URGENCIES:
    default:
      return NULL;
    }
}

static char *
describe_row (const LiaisonSuggestion *suggestion,
              LiaisonLoopList          list,
              gboolean                 show_station,
              const char              *lead_unit)
{
  g_autoptr(GString) text = NULL;
  g_autofree char *joined = NULL;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  /* At a station every row is its own: its name would only repeat. */
  if (show_station && suggestion->station_name != NULL && *suggestion->station_name != '\0')
    g_ptr_array_add (parts, g_strdup (suggestion->station_name));
  if (lead_unit != NULL)
    /* Translators: in a follow-up row: the unit that must reply, "主办：市住建局" */
    g_ptr_array_add (parts, g_strdup_printf (_("Lead unit: %s"), lead_unit));
  if (suggestion->category_name != NULL && *suggestion->category_name != '\0')
    g_ptr_array_add (parts, g_strdup (suggestion->category_name));
  /* The state, and the deputy's name where the state is the deputy's
   * (not in "Taken up by me", where it is the reader's own). */
  if (suggestion->taken_up_by != NULL && list != LIAISON_LOOP_LIST_TAKEN_UP_BY &&
      suggestion->status == LIAISON_LOOP_STATUS_TAKEN_UP && suggestion->round <= 1)
    /* Translators: %s is the deputy who took the suggestion up */
    g_ptr_array_add (parts, g_strdup_printf (_("Taken up by %s"), suggestion->taken_up_by));
  else if (suggestion->taken_up_by != NULL && list != LIAISON_LOOP_LIST_TAKEN_UP_BY &&
           suggestion->status == LIAISON_LOOP_STATUS_ANSWERED_ON_SPOT)
    /* Translators: %s is the deputy who answered the visitor at the reception */
    g_ptr_array_add (parts, g_strdup_printf (_("Answered on the spot by %s"), suggestion->taken_up_by));
  else
    {
      g_ptr_array_add (parts, g_strdup (liaison_suggestion_describe_status (suggestion)));
      if (suggestion->taken_up_by != NULL && list != LIAISON_LOOP_LIST_TAKEN_UP_BY)
        g_ptr_array_add (parts, g_strdup_printf (_("Taken up by %s"), suggestion->taken_up_by));
    }
  if (suggestion->kind == LIAISON_LOOP_KIND_DEPUTY_SUGGESTION && suggestion->deputy_name != NULL)
    /* Translators: %s is the deputy who filed a deputy's suggestion */
    g_ptr_array_add (parts, g_strdup_printf (_("Filed by %s"), suggestion->deputy_name));
  if (suggestion->key_supervision && list != LIAISON_LOOP_LIST_KEY_SUPERVISION)
    g_ptr_array_add (parts, g_strdup (_("Key supervision")));
  g_ptr_array_add (parts, NULL);

  /* Translators: the separator between the parts of a row's description */
  joined = g_strjoinv (C_("row parts", " · "), (char **) parts->pdata);
  text = g_string_new (joined);

  if (list == LIAISON_LOOP_LIST_TELL_CITIZEN && suggestion->kind == LIAISON_LOOP_KIND_PUBLIC_OPINION)
    {
      g_autofree char *contact = liaison_privacy_contact (suggestion->contact, LIAISON_PRIVACY_TELL_CITIZEN);

      g_string_append_c (text, '\n');
      if (*contact != '\0')
        /* Translators: %s is the visitor's name and phone number */
        g_string_append_printf (text, _("Call %s"), contact);
      else
        g_string_append (text, _("No contact: the visitor did not agree to be called"));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * liaison_suggestion_row_new:
 * @list: the follow-up list the row is in, or %LIAISON_N_LOOP_LISTS for
 *   none (the dashboard's)
 * @show_station: whether the rows come from every station, so that each
 *   names its own
 * @today: for the deadline's pill
 * @lead_unit: (nullable): the unit that must reply, to name
 *
 * Returns: (transfer floating): an activatable row that opens @suggestion
 * through win.show-suggestion, named for screen readers by its texts.
 */
GtkWidget *
liaison_suggestion_row_new (const LiaisonSuggestion *suggestion,
                            LiaisonLoopList          list,
                            gboolean                 show_station,
                            const GDate             *today,
                            const char              *lead_unit)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = describe_row (suggestion, list, show_station, lead_unit);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 suggestion->title != NULL ? suggestion->title : "");
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (row, "follow-up-row");

  if (g_date_valid (&suggestion->due_date))
    {
      LiaisonDeadline deadline = liaison_deadline_status (&suggestion->due_date, today);
      g_autofree char *words = liaison_deadline_describe (deadline);
      g_autofree char *due = liaison_date_to_iso (&suggestion->due_date);
      /* Translators: a tooltip; %s is the due date, YYYY-MM-DD */
      g_autofree char *tooltip = g_strdup_printf (_("Due on %s"), due);
      GtkWidget *label = gtk_label_new (words);
      const char *css_class = urgency_css_class (deadline.urgency);

      gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (label, "deadline");
      gtk_widget_add_css_class (label, "deadline-pill");
      if (css_class != NULL)
        gtk_widget_add_css_class (label, css_class);
      liaison_ui_set_tooltip (label, tooltip);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  /* The replies the badge counts: which rows are news. */
  if (list == LIAISON_LOOP_LIST_TELL_CITIZEN && suggestion->reply_unseen)
    {
      /* Translators: a tag on a reply from headquarters nobody has opened yet */
      GtkWidget *tag = gtk_label_new (_("New"));

      gtk_widget_set_name (tag, "new-reply");
      gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (tag, "new-reply");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-suggestion");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row), g_variant_new_int64 (suggestion->meta.id));
  /* The title alone would not say which station or how late. */
  liaison_ui_a11y_name_from_texts (row);
  return row;
}
