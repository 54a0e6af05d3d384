/* liaison-header-station.h: the station's name in the header bar, whole
 * in a wide window and out of the way in a narrow one. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void liaison_ui_header_station_follow (GtkWindow *window,
                                       GtkLabel  *label);

G_END_DECLS
