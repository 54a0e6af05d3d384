/* liaison-deputy-editor.h: adds or edits one deputy on the roster. */
#pragma once

#include <adwaita.h>

#include "liaison-store.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_DEPUTY_EDITOR (liaison_deputy_editor_get_type ())
G_DECLARE_FINAL_TYPE (LiaisonDeputyEditor, liaison_deputy_editor, LIAISON, DEPUTY_EDITOR, AdwWindow)

/* @deputy_id 0 adds a new deputy. Emits ::saved (gint64 id) and closes
 * after a successful save. */
GtkWidget *liaison_deputy_editor_new (GtkWindow    *parent,
                                      LiaisonStore *store,
                                      gint64        deputy_id);

G_END_DECLS
