/* liaison-window.h: the station app's main window. */
#pragma once

#include <adwaita.h>

#include "liaison-store.h"
#include "liaison-sync-engine.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_WINDOW (liaison_window_get_type ())
G_DECLARE_FINAL_TYPE (LiaisonWindow, liaison_window, LIAISON, WINDOW, AdwApplicationWindow)

LiaisonWindow *liaison_window_new       (GtkApplication *app,
                                         LiaisonStore   *store);
void           liaison_window_import_ledger (LiaisonWindow *self,
                                             GFile         *file);
void           liaison_window_show_replies (LiaisonWindow *self,
                                            guint          n_replies);
void           liaison_window_set_sync_engine (LiaisonWindow     *self,
                                               LiaisonSyncEngine *engine);

G_END_DECLS
