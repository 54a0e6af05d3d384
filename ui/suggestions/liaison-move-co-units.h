/* liaison-move-co-units.h: the move dialog's co-units section: the units
 * that help the lead unit handle a referred suggestion. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LIAISON_TYPE_MOVE_CO_UNITS (liaison_move_co_units_get_type ())
G_DECLARE_FINAL_TYPE (LiaisonMoveCoUnits, liaison_move_co_units, LIAISON, MOVE_CO_UNITS, AdwPreferencesGroup)

/* A unit to tick, after those appended before. */
void  liaison_move_co_units_append      (LiaisonMoveCoUnits *self,
                                         const char         *name);
/* The lead unit (a position among the units, or GTK_INVALID_LIST_POSITION)
 * cannot also be a co-unit: its box is unticked and locked. */
void  liaison_move_co_units_set_lead    (LiaisonMoveCoUnits *self,
                                         guint               lead);
/* @unit_uuids: the units' ids, in the order they were appended.
 * Returns: (transfer full): the ticked units' ids */
GStrv liaison_move_co_units_dup_chosen  (LiaisonMoveCoUnits *self,
                                         GPtrArray          *unit_uuids);

G_END_DECLS
