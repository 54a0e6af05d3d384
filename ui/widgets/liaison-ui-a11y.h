/* liaison-ui-a11y.h: accessible names GTK 4.8 leaves out, filled in. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void liaison_ui_a11y_install (void);
void liaison_ui_a11y_fill_in (GtkWidget *root);
void liaison_ui_a11y_name_from_texts (GtkWidget *widget);

G_END_DECLS
