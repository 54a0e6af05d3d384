/* liaison-deputy-picker.h: choose the deputies on duty by typing names.
 *
 * The deputies planned on duty at this station today (the duty roster)
 * come first, marked "On duty today", and are offered before anything is
 * typed. Emits ::changed when a deputy is added or removed.
 */
#pragma once

#include <adwaita.h>

#include "liaison-store.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_DEPUTY_PICKER (liaison_deputy_picker_get_type ())
G_DECLARE_FINAL_TYPE (LiaisonDeputyPicker, liaison_deputy_picker, LIAISON, DEPUTY_PICKER, AdwBin)

/* Matches at most this many deputies while typing. */
#define LIAISON_DEPUTY_PICKER_MAX_MATCHES 8

GtkWidget    *liaison_deputy_picker_new            (LiaisonStore *store);
LiaisonStore *liaison_deputy_picker_get_store      (LiaisonDeputyPicker *self);
void          liaison_deputy_picker_set_store      (LiaisonDeputyPicker *self,
                                                    LiaisonStore        *store);

/* The chosen deputies (gint64), in the order chosen. */
GArray       *liaison_deputy_picker_get_deputy_ids (LiaisonDeputyPicker *self);
/* Replaces the chosen deputies; ids not on the roster are left out. */
void          liaison_deputy_picker_set_deputy_ids (LiaisonDeputyPicker *self,
                                                    const GArray        *deputy_ids);
/* Returns FALSE if @deputy_id was already chosen or is not on the roster. */
gboolean      liaison_deputy_picker_add_deputy     (LiaisonDeputyPicker *self,
                                                    gint64               deputy_id);
void          liaison_deputy_picker_remove_deputy  (LiaisonDeputyPicker *self,
                                                    gint64               deputy_id);
void          liaison_deputy_picker_set_label      (LiaisonDeputyPicker *self,
                                                    const char          *label);
void          liaison_deputy_picker_set_lists_chosen (LiaisonDeputyPicker *self,
                                                      const char          *label);
void          liaison_deputy_picker_refresh        (LiaisonDeputyPicker *self);
/* Focuses the search entry. */
void          liaison_deputy_picker_focus          (LiaisonDeputyPicker *self);

G_END_DECLS
