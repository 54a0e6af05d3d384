/* liaison-dropdown-search.c: a GtkDropDown's search, as the pickers'
 * (liaison-dropdown-search.h).
 *
 * GTK 4.8's drop-down opens with the focus on its list, so typing does
 * nothing until the search is clicked; its search says "Search…" and
 * matches only the start of a name. The pickers (liaison-picker-row.c)
 * open in their search, say "Type part of a name", and match any part:
 * so does a drop-down given to this. Its list makes its rows when first
 * dropped, not as soon as it has names (liaison-rows-when-shown.c).
 */
#define G_LOG_DOMAIN "liaison-dropdown-search"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-dropdown-search.h"
#include "liaison-rows-when-shown.h"

static gboolean
is_of_type (GtkWidget *widget,
            GType      type)
{
  return g_type_is_a (G_OBJECT_TYPE (widget), type);
}

static GtkWidget *
find_child (GtkWidget *root,
            GType      type)
{
  if (is_of_type (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_child (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The drop-down's filter, which GTK makes a prefix match. */
static void
match_any_part (GtkWidget *popover)
{
  GtkWidget *list = find_child (popover, GTK_TYPE_LIST_VIEW);
  GListModel *model = list != NULL ? G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list))) : NULL;
  GtkFilter *filter;

  if (GTK_IS_SINGLE_SELECTION (model))
    model = gtk_single_selection_get_model (GTK_SINGLE_SELECTION (model));
  if (!GTK_IS_FILTER_LIST_MODEL (model))
    return;
  filter = gtk_filter_list_model_get_filter (GTK_FILTER_LIST_MODEL (model));
  if (GTK_IS_STRING_FILTER (filter))
    gtk_string_filter_set_match_mode (GTK_STRING_FILTER (filter), GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
}

static gboolean
focus_search_cb (gpointer data)
{
  GtkWidget *popover = data;
  GtkWidget *search = find_child (popover, GTK_TYPE_SEARCH_ENTRY);

  if (search != NULL && gtk_widget_get_mapped (popover))
    gtk_widget_grab_focus (search);
  return G_SOURCE_REMOVE;
}

static void
popover_map_cb (GtkWidget *popover)
{
  GtkWidget *search = find_child (popover, GTK_TYPE_SEARCH_ENTRY);

  if (search != NULL)
    /* Translators: the hint in the search of a list of units, stations or deputies */
    g_object_set (search, "placeholder-text", _("Type part of a name"), NULL);
  match_any_part (popover);
  /* After GTK has put the focus on the list. */
  g_idle_add_full (G_PRIORITY_DEFAULT, focus_search_cb, g_object_ref (popover), g_object_unref);
}

/**
 * liaison_ui_dropdown_search_like_pickers:
 * @dropdown: a drop-down with enable-search and an expression
 *
 * Opens @dropdown's list with the focus in its search, which matches any
 * part of a name and says so. The list's rows are made when it first
 * opens.
 */
void
liaison_ui_dropdown_search_like_pickers (GtkDropDown *dropdown)
{
  GtkWidget *popover;
  GtkWidget *list;

  g_return_if_fail (GTK_IS_DROP_DOWN (dropdown));

  popover = find_child (GTK_WIDGET (dropdown), GTK_TYPE_POPOVER);
  if (popover == NULL)
    return;
  g_signal_connect (popover, "map", G_CALLBACK (popover_map_cb), NULL);
  list = find_child (popover, GTK_TYPE_LIST_VIEW);
  if (list != NULL)
    liaison_ui_rows_when_shown (GTK_LIST_VIEW (list));
}
