/* liaison-motion-editor.h: a deputy files a deputy's suggestion (议案建议).
 *
 * Emits ::saved (gint64 suggestion id) once the suggestion is written.
 */
#pragma once

#include <adwaita.h>

#include "liaison-store.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_MOTION_EDITOR (liaison_motion_editor_get_type ())
G_DECLARE_FINAL_TYPE (LiaisonMotionEditor, liaison_motion_editor, LIAISON, MOTION_EDITOR, AdwWindow)

/* @deputy_id: the deputy who files it, the person at the desk. */
LiaisonMotionEditor *liaison_motion_editor_new (GtkWindow    *parent,
                                                LiaisonStore *store,
                                                gint64        deputy_id);

G_END_DECLS
