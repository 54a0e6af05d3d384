/* liaison-move-rating.h: the move dialog's rating section: how satisfied
 * the citizen (or the deputy) is with the handling. */
#pragma once

#include <adwaita.h>

#include "liaison-loop.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_MOVE_RATING (liaison_move_rating_get_type ())
G_DECLARE_FINAL_TYPE (LiaisonMoveRating, liaison_move_rating, LIAISON, MOVE_RATING, AdwPreferencesGroup)

/* @blind: a deputy rating their own suggestion, anonymously; else the
 * citizen's rating, asked by @asked_by unless changed. */
void     liaison_move_rating_load       (LiaisonMoveRating *self,
                                         gboolean           blind,
                                         const char        *asked_by);
/* Whether one of satisfied, basically satisfied or unsatisfied is ticked. */
gboolean liaison_move_rating_is_chosen  (LiaisonMoveRating *self);
/* The rating and how it was asked; who asked is the caller's to name. */
void     liaison_move_rating_fill_event (LiaisonMoveRating *self,
                                         LiaisonLoopEvent  *event);
/* As typed in "Asked by". */
const char *liaison_move_rating_get_asked_by (LiaisonMoveRating *self);

G_END_DECLS
