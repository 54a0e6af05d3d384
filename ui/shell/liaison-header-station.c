/* liaison-header-station.c: the station's name in the header bar
 * (liaison-header-station.h).
 *
 * A long name ("相山区东山街道人大代表联络站") is set on two lines of
 * small type in the .ui. It must also claim the width of those lines, or
 * the view switcher beside it takes the room and leaves "相山区…"; but a
 * claimed width would keep a narrow window (a phone-sized 480) from
 * getting narrow at all. So it claims it only while the window is wide:
 * a narrow window shows the name as the title's subtitle instead.
 */
#define G_LOG_DOMAIN "liaison-header-station"

#include "config.h"

#include "liaison-header-station.h"

/* Below this the window is narrow: the view switcher needs its room. */
#define WIDE_WINDOW 800
/* Two lines of about seven Chinese characters. */
#define NAME_WIDTH_CHARS 14

static void
update (GtkWindow  *window,
        GParamSpec *pspec,
        GtkLabel   *label)
{
  int width = 0;
  int height = 0;
  gboolean wide;

  /* GTK 4.8 takes no NULL here. */
  gtk_window_get_default_size (window, &width, &height);
  /* Maximized or not yet sized: as wide as a screen. */
  wide = gtk_window_is_maximized (window) || gtk_window_is_fullscreen (window) ||
         width <= 0 || width >= WIDE_WINDOW;
  if (gtk_label_get_width_chars (label) != (wide ? NAME_WIDTH_CHARS : -1))
    gtk_label_set_width_chars (label, wide ? NAME_WIDTH_CHARS : -1);
}

/**
 * liaison_ui_header_station_follow:
 * @window: the main window
 * @label: the station's name in its header bar
 *
 * Keeps @label's width claim in step with @window's size (GTK 4 keeps a
 * window's default size at its size as the user resizes it).
 */
void
liaison_ui_header_station_follow (GtkWindow *window,
                                  GtkLabel  *label)
{
  g_return_if_fail (GTK_IS_WINDOW (window));
  g_return_if_fail (GTK_IS_LABEL (label));

  g_signal_connect_object (window, "notify::default-width", G_CALLBACK (update), label, 0);
  g_signal_connect_object (window, "notify::maximized", G_CALLBACK (update), label, 0);
  g_signal_connect_object (window, "notify::fullscreened", G_CALLBACK (update), label, 0);
  update (window, NULL, label);
}
