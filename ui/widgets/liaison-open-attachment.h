/* liaison-open-attachment.h: opening a stored attachment (a reply's file,
 * a reception's photo or letter) with the program the desktop chooses for
 * its kind. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Opens the stored file at @path, whose bytes have @sha256 and whose name
 * was @name, with the desktop's program for it: through a read-only copy
 * under its own name, "<cache>/liaison/attachments/<sha256>/<name>", so
 * the program knows the kind of file and shows its name (the stored file
 * itself when no copy can be made). @widget's window is the parent. */
void liaison_ui_open_attachment (GtkWidget  *widget,
                                 const char *path,
                                 const char *sha256,
                                 const char *name);

G_END_DECLS
