/* liaison-dashboard-page.h: the dashboard: a period's figures, broken
 * down, and the items behind every number. */
#pragma once

#include <adwaita.h>

#include "liaison-store.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_DASHBOARD_PAGE (liaison_dashboard_page_get_type ())
G_DECLARE_FINAL_TYPE (LiaisonDashboardPage, liaison_dashboard_page, LIAISON, DASHBOARD_PAGE, AdwBin)

void liaison_dashboard_page_set_store (LiaisonDashboardPage *self,
                                       LiaisonStore         *store);

G_END_DECLS
