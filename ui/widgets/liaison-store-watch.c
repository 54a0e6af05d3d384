/* liaison-store-watch.c: a widget watches the one store it shows, and
 * stops watching the one it showed before. */
#define G_LOG_DOMAIN "liaison-ui-util"

#include "config.h"

#include "liaison-store-watch.h"

/**
 * liaison_ui_watch_store:
 * @store_slot: where @self keeps its store
 * @self: the widget, passed to @changed_cb
 * @changed_cb: (scope notified): a "changed" handler, called swapped
 *
 * Replaces the store @self watches with @store.
 */
void
liaison_ui_watch_store (LiaisonStore **store_slot,
                        LiaisonStore  *store,
                        gpointer       self,
                        GCallback      changed_cb)
{
  liaison_ui_watch_store_detailed (store_slot, store, "changed", self, changed_cb);
}

/**
 * liaison_ui_watch_store_detailed:
 * @store_slot: where @self keeps its store
 * @store: (nullable): the store to watch now; %NULL watches none
 * @detailed_signal: "changed", or "changed::TABLE" for one table's changes
 * @self: the widget, passed to @changed_cb
 * @changed_cb: (scope notified): the handler, called swapped
 *
 * Replaces the store @self watches with @store.
 */
void
liaison_ui_watch_store_detailed (LiaisonStore **store_slot,
                                 LiaisonStore  *store,
                                 const char    *detailed_signal,
                                 gpointer       self,
                                 GCallback      changed_cb)
{
  if (*store_slot != NULL)
    g_signal_handlers_disconnect_by_data (*store_slot, self);
  g_set_object (store_slot, store);
  if (store != NULL)
    g_signal_connect_object (store, detailed_signal, changed_cb, self, G_CONNECT_SWAPPED);
}
