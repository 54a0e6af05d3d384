/* liaison-reception-editor.h: the window where a clerk logs a reception. */
#pragma once

#include <adwaita.h>

#include "liaison-store.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_RECEPTION_EDITOR (liaison_reception_editor_get_type ())
G_DECLARE_FINAL_TYPE (LiaisonReceptionEditor, liaison_reception_editor, LIAISON, RECEPTION_EDITOR, AdwWindow)

/* A modal editor over @parent. @reception_id 0 starts a new reception;
 * otherwise that reception is loaded for editing. After a successful save
 * it emits ::saved with the reception's id and closes itself. */
GtkWidget *liaison_reception_editor_new         (GtkWindow    *parent,
                                                 LiaisonStore *store,
                                                 gint64        reception_id);
gint64     liaison_reception_editor_get_reception_id (LiaisonReceptionEditor *self);

G_END_DECLS
