/* liaison-picker-row.h: a row that picks one name from a long list.
 *
 * For lists of long names (units, stations, deputies): the chosen name is
 * the row's subtitle, shown in full and wrapping; activating the row opens
 * a list of every name, wrapping too, with a search entry that narrows it
 * by any part of a name. Used like AdwComboRow: a model of GtkStringObject
 * and a "selected" position in it.
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LIAISON_TYPE_PICKER_ROW (liaison_picker_row_get_type ())
G_DECLARE_FINAL_TYPE (LiaisonPickerRow, liaison_picker_row, LIAISON, PICKER_ROW, AdwActionRow)

GtkWidget  *liaison_picker_row_new          (void);
void        liaison_picker_row_set_model    (LiaisonPickerRow *self,
                                             GListModel       *model);
GListModel *liaison_picker_row_get_model    (LiaisonPickerRow *self);
guint       liaison_picker_row_get_selected (LiaisonPickerRow *self);
char       *liaison_picker_row_dup_selected_id (LiaisonPickerRow *self,
                                                GPtrArray        *ids);
void        liaison_picker_row_set_selected (LiaisonPickerRow *self,
                                             guint             position);
void        liaison_picker_row_set_placeholder (LiaisonPickerRow *self,
                                                const char       *text);
void        liaison_picker_row_popup        (LiaisonPickerRow *self);
GListModel *liaison_picker_row_get_shown    (LiaisonPickerRow *self);

G_END_DECLS
