/* liaison-reception-files.h: the reception editor's Photos and Files
 * section: files attached with a file chooser or dropped on the editor,
 * each checked by its bytes (app/files/liaison-file-check.h) and held by
 * the form until the reception is saved. */
#pragma once

#include <adwaita.h>

#include "liaison-reception-form.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_RECEPTION_FILES (liaison_reception_files_get_type ())
G_DECLARE_FINAL_TYPE (LiaisonReceptionFiles, liaison_reception_files, LIAISON, RECEPTION_FILES, AdwPreferencesGroup)

/* The form whose files the rows show, and the store stored ones are in. */
void     liaison_reception_files_set_form   (LiaisonReceptionFiles *self,
                                             LiaisonStore          *store,
                                             LiaisonReceptionForm  *form);
/* One row for each of the form's files. */
void     liaison_reception_files_load       (LiaisonReceptionFiles *self);
/* Checks @file and adds it to the form, once however often it comes;
 * FALSE with a sentence to show when it is refused. */
gboolean liaison_reception_files_attach     (LiaisonReceptionFiles  *self,
                                             GFile                  *file,
                                             GError                **error);
/* Files dropped on @widget (the editor's page) are attached here. */
void     liaison_reception_files_take_drops (LiaisonReceptionFiles *self,
                                             GtkWidget             *widget);

G_END_DECLS
