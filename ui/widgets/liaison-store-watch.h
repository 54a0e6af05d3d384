/* liaison-store-watch.h: a widget watches the one store it shows, and
 * stops watching the one it showed before. */
#pragma once

#include <gtk/gtk.h>

#include "liaison-store.h"

G_BEGIN_DECLS

void liaison_ui_watch_store          (LiaisonStore **store_slot,
                                      LiaisonStore  *store,
                                      gpointer       self,
                                      GCallback      changed_cb);
void liaison_ui_watch_store_detailed (LiaisonStore **store_slot,
                                      LiaisonStore  *store,
                                      const char    *detailed_signal,
                                      gpointer       self,
                                      GCallback      changed_cb);

G_END_DECLS
