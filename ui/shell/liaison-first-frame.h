/* liaison-first-frame.h: the time from the program's start to the first
 * frame its window painted, for the start-up benchmark. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void    liaison_first_frame_watch     (GtkWindow *window);
gdouble liaison_first_frame_since_exec (void);

G_END_DECLS
