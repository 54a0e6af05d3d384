/* liaison-activity-editor.h: the editor of one duty activity (履职活动):
 * kind, title, dates, place, organiser, note, the deputies involved each
 * with their attendance, and the reason for a correction. Saves through
 * liaison_store_save_activity(), whose refusal it shows as it is. */
#pragma once

#include <adwaita.h>

#include "liaison-store.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_ACTIVITY_EDITOR (liaison_activity_editor_get_type ())
G_DECLARE_FINAL_TYPE (LiaisonActivityEditor, liaison_activity_editor, LIAISON, ACTIVITY_EDITOR, AdwWindow)

/* @uuid NULL: a new activity. */
LiaisonActivityEditor *liaison_activity_editor_new (GtkWindow    *parent,
                                                    LiaisonStore *store,
                                                    const char   *uuid);

G_END_DECLS
