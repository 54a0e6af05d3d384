/* liaison-rows-when-shown.h: a list view that makes its rows only once it
 * is first shown. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void liaison_ui_rows_when_shown (GtkListView *list_view);

G_END_DECLS
