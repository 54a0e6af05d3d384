/* liaison-reception-file-view.h: how a reception's file is shown, in the
 * editor and on the detail page: a thumbnail for a photo, a line saying
 * what it is, and a button that opens it. */
#pragma once

#include <gtk/gtk.h>

#include "liaison-records.h"
#include "liaison-store.h"

G_BEGIN_DECLS

/* A thumbnail of an image file within @width × @height, from the bytes it
 * holds (not saved yet) or from the store; NULL when it is not an image,
 * not on this computer yet, or cannot be read. */
GdkPaintable *liaison_reception_file_thumbnail (LiaisonStore               *store,
                                                const LiaisonReceptionFile *file,
                                                int                         width,
                                                int                         height);
/* What it is and how large, "PNG 图像 · 12.3 kB". */
char         *liaison_reception_file_describe  (const LiaisonReceptionFile *file);
/* Makes @button open the stored @file with the desktop's program when
 * clicked; FALSE (and nothing done) while the file is not on this
 * computer. */
gboolean      liaison_reception_file_make_opener (GtkWidget                  *button,
                                                  LiaisonStore               *store,
                                                  const LiaisonReceptionFile *file);
/* A flat button that opens the stored @file with the desktop's program,
 * named "Open NAME" for screen readers; NULL while the file is not on
 * this computer. */
GtkWidget    *liaison_reception_file_open_button_new (LiaisonStore               *store,
                                                      const LiaisonReceptionFile *file);

G_END_DECLS
