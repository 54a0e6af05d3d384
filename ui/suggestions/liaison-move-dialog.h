/* liaison-move-dialog.h: records one move on a suggestion's timeline.
 *
 * One dialog for every move: it shows the fields that move carries (a
 * deputy, an answer, units and a due date, a reply and its files, a
 * rating, a reason, a supervision note) and records the move as the
 * current actor (liaison-actor.h). A move the rules refuse is explained
 * inside the dialog, which stays open; a recorded move closes it.
 */
#pragma once

#include <adwaita.h>

#include "liaison-loop.h"
#include "liaison-store.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_MOVE_DIALOG (liaison_move_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LiaisonMoveDialog, liaison_move_dialog, LIAISON, MOVE_DIALOG, AdwWindow)

GtkWidget       *liaison_move_dialog_new           (GtkWindow         *parent,
                                                    LiaisonStore      *store,
                                                    gint64             suggestion_id,
                                                    LiaisonLoopMove    move);
LiaisonLoopMove  liaison_move_dialog_get_move      (LiaisonMoveDialog *self);
gint64           liaison_move_dialog_get_suggestion_id (LiaisonMoveDialog *self);
/* A reply's file: copied into the store now and listed (once); a file the
 * store refuses is said in the dialog and not listed. The "Attach File…"
 * chooser attaches each file it is given this way. */
gboolean         liaison_move_dialog_attach_file   (LiaisonMoveDialog *self,
                                                    GFile             *file,
                                                    GError           **error);

G_END_DECLS
