/* liaison-visitor-row.h: the fields of one visitor in the reception editor.
 *
 * Emits ::remove when its remove button is clicked; the editor decides.
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LIAISON_TYPE_VISITOR_ROW (liaison_visitor_row_get_type ())
G_DECLARE_FINAL_TYPE (LiaisonVisitorRow, liaison_visitor_row, LIAISON, VISITOR_ROW, AdwBin)

GtkWidget  *liaison_visitor_row_new            (void);

/* "Visitor 2": set by the editor as rows come and go. */
void        liaison_visitor_row_set_position   (LiaisonVisitorRow *self,
                                                guint              position);
void        liaison_visitor_row_set_removable  (LiaisonVisitorRow *self,
                                                gboolean           removable);

const char *liaison_visitor_row_get_name       (LiaisonVisitorRow *self);
const char *liaison_visitor_row_get_phone      (LiaisonVisitorRow *self);
const char *liaison_visitor_row_get_community  (LiaisonVisitorRow *self);
int         liaison_visitor_row_get_party_size (LiaisonVisitorRow *self);
gboolean    liaison_visitor_row_get_consent    (LiaisonVisitorRow *self);
void        liaison_visitor_row_set_retention_years (LiaisonVisitorRow *self,
                                                     guint              retention_years);
void        liaison_visitor_row_set_visitor    (LiaisonVisitorRow *self,
                                                const char        *name,
                                                const char        *phone,
                                                const char        *community,
                                                int                party_size,
                                                gboolean           consent);

/* A hidden phone (liaison_reception_form_hide_phones()): its masked text
 * not editable, and a Replace Number button that empties the entry for a
 * new number. */
void        liaison_visitor_row_set_phone_hidden (LiaisonVisitorRow *self,
                                                  gboolean           hidden);
/* @field is "name", "phone", "community" or "party_size"; NULL @message
 * hides the error. */
void        liaison_visitor_row_set_error      (LiaisonVisitorRow *self,
                                                const char        *field,
                                                const char        *message);
void        liaison_visitor_row_clear_errors   (LiaisonVisitorRow *self);
/* Focuses the entry of @field; returns FALSE for an unknown field. */
gboolean    liaison_visitor_row_focus_field    (LiaisonVisitorRow *self,
                                                const char        *field);

G_END_DECLS
