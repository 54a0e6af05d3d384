/* liaison-window-fit.h: a dialog as tall as what it holds, up to a
 * screen's worth. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Roughly what a 1366×768 screen leaves under a desktop's top bar. */
#define LIAISON_UI_MAX_DIALOG_HEIGHT 680

void liaison_ui_window_fit (GtkWindow *window,
                            int        width,
                            int        max_height);

G_END_DECLS
