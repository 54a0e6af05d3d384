/* liaison-actor.h: who is using the app, for the loop's moves.
 *
 * A replica enrolled as headquarters acts as headquarters. Elsewhere the
 * person at the desk is station staff, or a deputy who signed in on the
 * "Switch user" dialog, kept per database (liaison-store-desk.h).
 * Every move records this role and name (docs/closed-loop.md).
 */
#pragma once

#include "liaison-loop.h"
#include "liaison-store.h"

G_BEGIN_DECLS

typedef struct {
  LiaisonLoopRole  role;
  char            *name;       /* the actor_name moves record; never NULL or blank */
  gint64           deputy_id;  /* role deputy: who; 0 otherwise */
} LiaisonActor;

/* The actor now, from the store's sync role and its desk settings. A deputy
 * whose uuid is no longer in the roster falls back to station staff. */
LiaisonActor *liaison_actor_get_current (LiaisonStore *store);
/* Writes the store's desk settings (::changed "settings"): @role station or deputy (headquarters comes from
 * enrollment, not from here), @name the person's name, @deputy_id for a
 * deputy. */
void          liaison_actor_set_current (LiaisonStore    *store,
                                         LiaisonLoopRole  role,
                                         const char      *name,
                                         gint64           deputy_id);
void          liaison_actor_free        (LiaisonActor    *actor);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaisonActor, liaison_actor_free)

G_END_DECLS
