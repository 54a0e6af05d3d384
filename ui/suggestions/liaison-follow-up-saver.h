/* liaison-follow-up-saver.h: Export… on a section of the Follow-up page:
 * whether to include full contacts (with a reason, logged),
 * then the file chooser, then the list written (app/io/liaison-follow-up-export.c)
 * as a workbook or a CSV file, as the name's extension says. */
#pragma once

#include <gtk/gtk.h>

#include "liaison-store-loop.h"

G_BEGIN_DECLS

/* Asks where to save @list (titled @title, translated) and writes it
 * there; says how it went through win.show-toast or win.show-error,
 * activated on @source. */
void liaison_follow_up_save (GtkWidget       *source,
                             LiaisonStore    *store,
                             LiaisonLoopList  list,
                             gint64           deputy_id,
                             const char      *title);

G_END_DECLS
