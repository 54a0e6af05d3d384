/* liaison-window-fit.c: a dialog as tall as what it holds, up to a
 * screen's worth.
 *
 * A fixed default height leaves a dialog of two fields half empty and
 * pushes a long one off a small screen. Its content decides instead; past
 * @max_height the dialog's page scrolls inside.
 */
#define G_LOG_DOMAIN "liaison-window-fit"

#include "config.h"

#include "liaison-window-fit.h"

/**
 * liaison_ui_window_fit:
 * @window: a dialog, its content in place, not yet shown
 * @width: the width it opens at
 * @max_height: the tallest it opens at
 *
 * Sets @window's default size from its natural height at @width.
 */
void
liaison_ui_window_fit (GtkWindow *window,
                       int        width,
                       int        max_height)
{
  int natural = 0;

  g_return_if_fail (GTK_IS_WINDOW (window));

  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_VERTICAL, width, NULL, &natural, NULL, NULL);
  gtk_window_set_default_size (window, width, natural > max_height ? max_height : -1);
}
