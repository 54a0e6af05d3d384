/* liaison-sync-status.h: sync at a glance, for the header bar. */
#pragma once

#include <adwaita.h>

#include "liaison-sync-engine.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_SYNC_STATUS (liaison_sync_status_get_type ())
G_DECLARE_FINAL_TYPE (LiaisonSyncStatus, liaison_sync_status, LIAISON, SYNC_STATUS, GtkWidget)

GtkWidget         *liaison_sync_status_new        (void);
LiaisonSyncEngine *liaison_sync_status_get_engine (LiaisonSyncStatus *self);
/* NULL hides the widget (a window with no sync). */
void               liaison_sync_status_set_engine (LiaisonSyncStatus *self,
                                                   LiaisonSyncEngine *engine);
/* The store to watch when there is no engine (a desk with no server). */
void               liaison_sync_status_set_store  (LiaisonSyncStatus *self,
                                                   LiaisonStore      *store);
/* The text the header shows now, for tests. */
const char        *liaison_sync_status_get_text   (LiaisonSyncStatus *self);

G_END_DECLS
