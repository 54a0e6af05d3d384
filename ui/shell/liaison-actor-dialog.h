/* liaison-actor-dialog.h: "Switch user": who is at the desk.
 *
 * Station staff (by name) or a deputy from the roster; writes
 * liaison_actor_set_current() and emits ::switched.
 */
#pragma once

#include <adwaita.h>

#include "liaison-store.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_ACTOR_DIALOG (liaison_actor_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LiaisonActorDialog, liaison_actor_dialog, LIAISON, ACTOR_DIALOG, AdwWindow)

LiaisonActorDialog *liaison_actor_dialog_new (GtkWindow    *parent,
                                              LiaisonStore *store);

G_END_DECLS
