/* liaison-tooltip.h: tooltips that wrap at a reading width.
 *
 * A tooltip of Chinese text has no spaces to break at; this one wraps
 * between any two characters, at a width set from the text (at most
 * about 20 Chinese characters), never narrower than the text needs.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void       liaison_ui_set_tooltip       (GtkWidget  *widget,
                                         const char *text);
void       liaison_ui_wrap_tooltips     (GtkWidget  *root);
GtkWidget *liaison_ui_tooltip_label_new (const char *text);

G_END_DECLS
