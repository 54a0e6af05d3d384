/* liaison-reception-detail.h: one reception, read-only, with an Edit button. */
#pragma once

#include <adwaita.h>

#include "liaison-store.h"
#include "liaison-sync-engine.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_RECEPTION_DETAIL (liaison_reception_detail_get_type ())
G_DECLARE_FINAL_TYPE (LiaisonReceptionDetail, liaison_reception_detail, LIAISON, RECEPTION_DETAIL, AdwBin)

void   liaison_reception_detail_set_store        (LiaisonReceptionDetail *self,
                                                  LiaisonStore           *store);
/* At headquarters, Show Contact… asks the server through @engine (NULL:
 * no sync, no Show Contact…). */
void   liaison_reception_detail_set_sync_engine  (LiaisonReceptionDetail *self,
                                                  LiaisonSyncEngine      *engine);
/* 0 shows "no reception selected". */
void   liaison_reception_detail_set_reception_id (LiaisonReceptionDetail *self,
                                                  gint64                  reception_id);
gint64 liaison_reception_detail_get_reception_id (LiaisonReceptionDetail *self);

G_END_DECLS
