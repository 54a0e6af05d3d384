/* liaison-timeline.h: a suggestion's moves, oldest first, as a vertical
 * timeline (docs/closed-loop.md).
 *
 * Each move shows who made it, in which role and when, its note and its
 * own content; a move that replay could not apply (the losing side of two
 * moves made at once) shows dimmed, with why; a move recorded here that
 * headquarters has not taken yet says so (not sent yet, or refused and why).
 * A reply lists its files, each with a button that opens it once it is on
 * this computer.
 */
#pragma once

#include <adwaita.h>

#include "liaison-loop.h"
#include "liaison-store.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_TIMELINE (liaison_timeline_get_type ())
G_DECLARE_FINAL_TYPE (LiaisonTimeline, liaison_timeline, LIAISON, TIMELINE, AdwBin)

GtkWidget *liaison_timeline_new          (void);
/* Where unit and deputy names, and replies' files, are read from. */
void       liaison_timeline_set_store    (LiaisonTimeline        *self,
                                          LiaisonStore           *store);
/* Shows @events (LiaisonLoopEvent, in timeline order); @state is their
 * replay, for the moves it rejected; @unsent is
 * liaison_store_list_unsent_events() of the suggestion (NULL: no notes).
 * NULL @events clears the timeline. */
void       liaison_timeline_set_events   (LiaisonTimeline        *self,
                                          GPtrArray              *events,
                                          const LiaisonLoopState *state,
                                          GHashTable             *unsent);
guint      liaison_timeline_get_n_events (LiaisonTimeline        *self);
/* The row of the @index-th event, for tests and keyboard focus; NULL past
 * the end. */
GtkWidget *liaison_timeline_get_row      (LiaisonTimeline        *self,
                                          guint                   index);

G_END_DECLS
