/* liaison-file-rows.h: what the sections that list attached files share
 * (a reception's photos and letters, ui/receptions/liaison-reception-files.c;
 * a reply's attachments, ui/suggestions/liaison-reply-attachments.c): a
 * file's row with its Remove button, and the chooser that attaches more.
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* A row titled @name (no markup) over @subtitle, @prefix (an icon or a
 * thumbnail, with its own accessible name if it needs one) before them,
 * and a flat "Remove NAME" button, named @button_name, at the end. The
 * button holds @sha256 as its data "sha256"; clicking it calls
 * @remove_clicked (GtkButton *button, gpointer user_data). */
GtkWidget *liaison_ui_file_row_new          (const char            *name,
                                             const char            *subtitle,
                                             GtkWidget             *prefix,
                                             const char            *sha256,
                                             const char            *button_name,
                                             GCallback              remove_clicked,
                                             gpointer               user_data);

/* Opens a modal "Attach Files" chooser of many files for @section, kept
 * in @chooser, unless one is open already. @response is the chooser's
 * ::response handler, called with @section as its data. */
void       liaison_ui_attach_chooser_open   (GtkWidget             *section,
                                             GtkFileChooserNative **chooser,
                                             GCallback              response);

/* In the ::response handler: destroys and clears @chooser, and returns
 * the files chosen (transfer full), or NULL if none were. */
GListModel *liaison_ui_attach_chooser_finish (GtkFileChooserNative **chooser,
                                              int                    response);

/* In @section's dispose: closes @chooser, if it is open, unanswered. */
void       liaison_ui_attach_chooser_close  (GtkFileChooserNative **chooser,
                                             GtkWidget             *section);

G_END_DECLS
