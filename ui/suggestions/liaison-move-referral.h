/* liaison-move-referral.h: the move dialog's referral section: the lead
 * unit and the due date. */
#pragma once

#include <adwaita.h>

#include "liaison-loop.h"
#include "liaison-store.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_MOVE_REFERRAL (liaison_move_referral_get_type ())
G_DECLARE_FINAL_TYPE (LiaisonMoveReferral, liaison_move_referral, LIAISON, MOVE_REFERRAL, AdwPreferencesGroup)

/* The units to choose the lead from; none is chosen for the officer. */
void     liaison_move_referral_set_units      (LiaisonMoveReferral *self,
                                               GListModel          *units);
/* Fills in the due date a suggestion of @kind gets today, with its time
 * limit under it. */
void     liaison_move_referral_load           (LiaisonMoveReferral *self,
                                               LiaisonStore        *store,
                                               LiaisonLoopKind      kind);
/* The lead unit's position in the units, or GTK_INVALID_LIST_POSITION. */
guint    liaison_move_referral_get_lead       (LiaisonMoveReferral *self);
/* @unit_uuids: the units' ids, in their order. */
char    *liaison_move_referral_dup_lead_uuid  (LiaisonMoveReferral *self,
                                               GPtrArray           *unit_uuids);
/* Reads the due date; FALSE when what is typed is not a date. */
gboolean liaison_move_referral_read_due       (LiaisonMoveReferral *self,
                                               GDate               *due);
void     liaison_move_referral_focus_due      (LiaisonMoveReferral *self);

G_END_DECLS
