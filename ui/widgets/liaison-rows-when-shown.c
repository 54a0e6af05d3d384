/* liaison-rows-when-shown.c: a list view that makes its rows only once it
 * is first shown.
 *
 * GTK 4.8's GtkListView makes and binds up to about 200 rows as soon as
 * it has a model (GTK_LIST_VIEW_MAX_LIST_ITEMS), mapped or not. A page
 * the user has not opened (the suggestions, the roster), or a drop-down's
 * list not yet dropped (the deputies'), would hold them all the same:
 * some 12 MB of the app's heap at start (docs/benchmarks.md, "The app's
 * start"). The model, its counts and selection work as before; only the
 * rows wait.
 */
#define G_LOG_DOMAIN "liaison-rows-when-shown"

#include "config.h"

#include "liaison-rows-when-shown.h"

/* The model the list view is to show once mapped. */
#define WAITING_KEY "liaison-rows-when-shown"

static void
model_set_cb (GtkListView *list_view)
{
  GtkSelectionModel *model = gtk_list_view_get_model (list_view);

  /* Kept aside: this is called again, with none. */
  if (model == NULL)
    return;
  g_object_set_data_full (G_OBJECT (list_view), WAITING_KEY, g_object_ref (model), g_object_unref);
  gtk_list_view_set_model (list_view, NULL);
}

static void
mapped_cb (GtkListView *list_view)
{
  g_autoptr(GtkSelectionModel) model = g_object_steal_data (G_OBJECT (list_view), WAITING_KEY);

  g_signal_handlers_disconnect_by_func (list_view, model_set_cb, NULL);
  g_signal_handlers_disconnect_by_func (list_view, mapped_cb, NULL);
  if (model != NULL)
    gtk_list_view_set_model (list_view, model);
}

/**
 * liaison_ui_rows_when_shown:
 * @list_view: a list view, with its model or before it has one
 *
 * Keeps @list_view's model aside, this one and any set later, until the
 * list view is first mapped, and gives it back then, for good: its rows
 * are made then.
 */
void
liaison_ui_rows_when_shown (GtkListView *list_view)
{
  g_return_if_fail (GTK_IS_LIST_VIEW (list_view));

  if (gtk_widget_get_mapped (GTK_WIDGET (list_view)))
    return;
  g_signal_connect (list_view, "notify::model", G_CALLBACK (model_set_cb), NULL);
  g_signal_connect (list_view, "map", G_CALLBACK (mapped_cb), NULL);
  model_set_cb (list_view);
}
