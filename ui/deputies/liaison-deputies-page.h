/* liaison-deputies-page.h: the deputy roster. */
#pragma once

#include <adwaita.h>

#include "liaison-store.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_DEPUTIES_PAGE (liaison_deputies_page_get_type ())
G_DECLARE_FINAL_TYPE (LiaisonDeputiesPage, liaison_deputies_page, LIAISON, DEPUTIES_PAGE, AdwBin)

void liaison_deputies_page_set_store    (LiaisonDeputiesPage *self,
                                         LiaisonStore        *store);
void liaison_deputies_page_focus_search (LiaisonDeputiesPage *self);

G_END_DECLS
