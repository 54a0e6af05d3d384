/* liaison-check-rows.c: a boxed list of ticked names, searchable.
 *
 * The list keeps its search and its label as object data, so that the
 * dialog that holds them only appends rows and reads the checks.
 */
#define G_LOG_DOMAIN "liaison-check-rows"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "liaison-check-rows.h"

#define SEARCH_KEY "liaison-check-rows-search"
#define CHOSEN_KEY "liaison-check-rows-chosen"
#define CHECK_KEY "liaison-check-rows-check"

static GtkCheckButton *
row_check (GtkListBoxRow *row)
{
  return g_object_get_data (G_OBJECT (row), CHECK_KEY);
}

static gboolean
filter_row (GtkListBoxRow *row,
            gpointer       data)
{
  GtkEditable *search = g_object_get_data (G_OBJECT (data), SEARCH_KEY);
  g_autofree char *typed = NULL;
  g_autofree char *needle = NULL;
  g_autofree char *haystack = NULL;
  const char *title;

  if (search == NULL || row_check (row) == NULL || gtk_check_button_get_active (row_check (row)))
    return TRUE;
  typed = g_strstrip (g_strdup (gtk_editable_get_text (search)));
  if (*typed == '\0')
    return TRUE;
  title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
  needle = g_utf8_casefold (typed, -1);
  haystack = g_utf8_casefold (title != NULL ? title : "", -1);
  return strstr (haystack, needle) != NULL;
}

static void
search_changed_cb (GtkListBox *list)
{
  gtk_list_box_invalidate_filter (list);
}

/**
 * liaison_check_rows_update:
 *
 * Says again which names are ticked; for a tick set from code.
 */
void
liaison_check_rows_update (GtkListBox *list)
{
  GtkLabel *label = g_object_get_data (G_OBJECT (list), CHOSEN_KEY);
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *text = NULL;

  g_return_if_fail (GTK_IS_LIST_BOX (list));

  if (label == NULL)
    return;
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list)); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkCheckButton *check;

      if (!GTK_IS_LIST_BOX_ROW (child) || (check = row_check (GTK_LIST_BOX_ROW (child))) == NULL ||
          !gtk_check_button_get_active (check))
        continue;
      if (names->len > 0)
        /* Translators: between the names of a list, "A, B"; Chinese uses 、 */
        g_string_append (names, _(", "));
      g_string_append (names, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)));
    }
  if (names->len > 0)
    /* Translators: under a list of units to tick; %s names the ticked ones */
    text = g_strdup_printf (_("Chosen: %s"), names->str);
  else
    text = g_strdup (_("None chosen"));
  gtk_label_set_text (label, text);
}

/**
 * liaison_check_rows_init:
 * @list: the boxed list the rows go in
 * @search: (nullable): the search that narrows it
 * @chosen_label: (nullable): where the ticked names are said
 */
void
liaison_check_rows_init (GtkListBox     *list,
                         GtkSearchEntry *search,
                         GtkLabel       *chosen_label)
{
  g_return_if_fail (GTK_IS_LIST_BOX (list));

  g_object_set_data (G_OBJECT (list), SEARCH_KEY, search);
  g_object_set_data (G_OBJECT (list), CHOSEN_KEY, chosen_label);
  gtk_list_box_set_filter_func (list, filter_row, list, NULL);
  if (search != NULL)
    g_signal_connect_object (search, "search-changed", G_CALLBACK (search_changed_cb), list, G_CONNECT_SWAPPED);
  if (chosen_label != NULL)
    {
      gtk_label_set_wrap (chosen_label, TRUE);
      gtk_label_set_wrap_mode (chosen_label, PANGO_WRAP_WORD_CHAR);
    }
  liaison_check_rows_update (list);
}

/**
 * liaison_check_rows_append:
 * @name: the row's name, shown in full
 *
 * Returns: (transfer none): the row's check box
 */
GtkCheckButton *
liaison_check_rows_append (GtkListBox *list,
                           const char *name)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  g_return_val_if_fail (GTK_IS_LIST_BOX (list), NULL);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  /* This also names the check box by the row's title; a label of its own
   * would have it said twice. */
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  g_object_set_data (G_OBJECT (row), CHECK_KEY, check);
  g_signal_connect_object (check, "toggled", G_CALLBACK (liaison_check_rows_update), list, G_CONNECT_SWAPPED);
  gtk_list_box_append (list, row);
  return GTK_CHECK_BUTTON (check);
}
