/* liaison-first-run-page.h: sets up the station on a fresh database. */
#pragma once

#include <adwaita.h>

#include "liaison-store.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_FIRST_RUN_PAGE (liaison_first_run_page_get_type ())
G_DECLARE_FINAL_TYPE (LiaisonFirstRunPage, liaison_first_run_page, LIAISON, FIRST_RUN_PAGE, AdwBin)

void liaison_first_run_page_set_store (LiaisonFirstRunPage *self,
                                       LiaisonStore        *store);

G_END_DECLS
