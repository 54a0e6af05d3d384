/* liaison-dashboard-page-private.h: what the dashboard page shares with
 * its export (liaison-dashboard-export.c). */
#pragma once

#include "liaison-dashboard.h"
#include "liaison-dashboard-page.h"

G_BEGIN_DECLS

LiaisonDashboard *liaison_dashboard_page_get_dashboard     (LiaisonDashboardPage *self);
GtkWidget        *liaison_dashboard_page_get_export_button (LiaisonDashboardPage *self);
void              liaison_dashboard_page_update_export     (LiaisonDashboardPage *self);
void              liaison_dashboard_page_class_add_export  (GtkWidgetClass       *widget_class);

G_END_DECLS
