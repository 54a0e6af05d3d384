/* liaison-receptions-page.h: the receptions list, its filters and detail. */
#pragma once

#include <adwaita.h>

#include "liaison-store.h"
#include "liaison-sync-engine.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_RECEPTIONS_PAGE (liaison_receptions_page_get_type ())
G_DECLARE_FINAL_TYPE (LiaisonReceptionsPage, liaison_receptions_page, LIAISON, RECEPTIONS_PAGE, AdwBin)

void liaison_receptions_page_set_store        (LiaisonReceptionsPage *self,
                                               LiaisonStore          *store);
/* The detail's Show Contact… at headquarters asks through @engine. */
void liaison_receptions_page_set_sync_engine  (LiaisonReceptionsPage *self,
                                               LiaisonSyncEngine     *engine);
void liaison_receptions_page_focus_search     (LiaisonReceptionsPage *self);
void liaison_receptions_page_show_reception   (LiaisonReceptionsPage *self,
                                               gint64                 reception_id);

G_END_DECLS
