/* liaison-reception-item.h: one row of the receptions list. */
#pragma once

#include <glib-object.h>

#include "liaison-records.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_RECEPTION_ITEM (liaison_reception_item_get_type ())
G_DECLARE_FINAL_TYPE (LiaisonReceptionItem, liaison_reception_item, LIAISON, RECEPTION_ITEM, GObject)

/* Takes @reception, as the list query fills it. */
LiaisonReceptionItem   *liaison_reception_item_new           (LiaisonReception *reception);
const LiaisonReception *liaison_reception_item_get_reception (LiaisonReceptionItem *self);
gint64                  liaison_reception_item_get_id        (LiaisonReceptionItem *self);
/* The search the list found it by (NULL: none), for the row to mark. */
void                    liaison_reception_item_set_search    (LiaisonReceptionItem *self,
                                                              const char           *search);
const char             *liaison_reception_item_get_search    (LiaisonReceptionItem *self);

G_END_DECLS
