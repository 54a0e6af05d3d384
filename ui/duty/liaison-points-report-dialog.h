/* liaison-points-report-dialog.h: headquarters' quarterly points report
 * (季度积分通报): asks the quarter, the group and the file, then writes it. */
#pragma once

#include <adwaita.h>

#include "liaison-store.h"

G_BEGIN_DECLS

/* Opens the dialog over @parent, whose win.show-toast and win.show-error
 * say how the report went. */
void liaison_points_report_dialog_present (GtkWidget    *parent,
                                           LiaisonStore *store);

G_END_DECLS
