/* liaison-dropdown-search.h: a GtkDropDown's search, as the pickers'. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void liaison_ui_dropdown_search_like_pickers (GtkDropDown *dropdown);

G_END_DECLS
