/* liaison-dashboard-items.h: the items behind one of the dashboard's
 * numbers, as a list whose rows open them. */
#pragma once

#include <adwaita.h>

#include "liaison-dashboard.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_DASHBOARD_ITEMS (liaison_dashboard_items_get_type ())
G_DECLARE_FINAL_TYPE (LiaisonDashboardItems, liaison_dashboard_items, LIAISON, DASHBOARD_ITEMS, GtkWidget)

GtkWidget *liaison_dashboard_items_new  (void);
void       liaison_dashboard_items_load (LiaisonDashboardItems *self,
                                         LiaisonStore          *store,
                                         const LiaisonDashboard *dashboard,
                                         LiaisonFigure          figure,
                                         LiaisonBreakdown       breakdown,
                                         const char            *key,
                                         const char            *key_label);

G_END_DECLS
