/* liaison-move-deputy.h: the move dialog's deputy section: the deputy who
 * takes a suggestion up or answers it on the spot. */
#pragma once

#include <adwaita.h>

#include "liaison-actor.h"
#include "liaison-store.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_MOVE_DEPUTY (liaison_move_deputy_get_type ())
G_DECLARE_FINAL_TYPE (LiaisonMoveDeputy, liaison_move_deputy, LIAISON, MOVE_DEPUTY, AdwPreferencesGroup)

/* A deputy at the desk (@actor) is named and offered no one else; anyone
 * else chooses among @store's deputies. */
void     liaison_move_deputy_load       (LiaisonMoveDeputy  *self,
                                         LiaisonStore       *store,
                                         const LiaisonActor *actor);
/* Whether a deputy is to be chosen; focusing the section focuses the list. */
gboolean liaison_move_deputy_is_choosing (LiaisonMoveDeputy *self);
/* Returns: (transfer full) (nullable): the deputy the move names */
char    *liaison_move_deputy_dup_uuid   (LiaisonMoveDeputy  *self);

G_END_DECLS
