/* liaison-reception-form.h: what the clerk typed into the reception editor.
 *
 * The form holds text as typed, with no widgets, so tests can drive it. It
 * turns that text into a LiaisonReception, or into a list of field errors
 * that the editor shows beside each field.
 */
#pragma once

#include <glib-object.h>

#include "liaison-records.h"
#include "liaison-store.h"
#include "liaison-validate.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_RECEPTION_FORM (liaison_reception_form_get_type ())
G_DECLARE_FINAL_TYPE (LiaisonReceptionForm, liaison_reception_form, LIAISON, RECEPTION_FORM, GObject)

/* Today's date, the current time, walk-in, one empty visitor. */
LiaisonReceptionForm *liaison_reception_form_new   (void);
/* Replaces everything with @reception (a full record, as
 * liaison_store_get_reception returns it); its id, uuid and version are
 * kept so that saving updates it. Afterwards the form is not dirty. */
void          liaison_reception_form_load          (LiaisonReceptionForm   *self,
                                                    const LiaisonReception *reception);

/* 0 for a reception that was never saved. */
gint64        liaison_reception_form_get_id        (LiaisonReceptionForm *self);
/* TRUE when something differs from what was loaded or last saved. */
gboolean      liaison_reception_form_is_dirty      (LiaisonReceptionForm *self);

const char   *liaison_reception_form_get_date      (LiaisonReceptionForm *self);
void          liaison_reception_form_set_date      (LiaisonReceptionForm *self,
                                                    const char           *date);
const char   *liaison_reception_form_get_time      (LiaisonReceptionForm *self);
void          liaison_reception_form_set_time      (LiaisonReceptionForm *self,
                                                    const char           *time);
LiaisonChannel liaison_reception_form_get_channel  (LiaisonReceptionForm *self);
void          liaison_reception_form_set_channel   (LiaisonReceptionForm *self,
                                                    LiaisonChannel        channel);
gint64        liaison_reception_form_get_category_id (LiaisonReceptionForm *self);
void          liaison_reception_form_set_category_id (LiaisonReceptionForm *self,
                                                      gint64                category_id);

/* Deputies present, in the order chosen, without repeats. */
const GArray *liaison_reception_form_get_deputy_ids (LiaisonReceptionForm *self);
void          liaison_reception_form_set_deputy_ids (LiaisonReceptionForm *self,
                                                     const GArray         *deputy_ids);
void          liaison_reception_form_add_deputy     (LiaisonReceptionForm *self,
                                                     gint64                deputy_id);
void          liaison_reception_form_remove_deputy  (LiaisonReceptionForm *self,
                                                     gint64                deputy_id);

/* Visitors, by position. A new visitor has party size "1". */
guint         liaison_reception_form_get_n_visitors (LiaisonReceptionForm *self);
guint         liaison_reception_form_add_visitor    (LiaisonReceptionForm *self);
void          liaison_reception_form_remove_visitor (LiaisonReceptionForm *self,
                                                     guint                 index);
void          liaison_reception_form_set_visitor    (LiaisonReceptionForm *self,
                                                     guint                 index,
                                                     const char           *name,
                                                     const char           *phone,
                                                     const char           *community,
                                                     const char           *party_size,
                                                     gboolean              consent);
/* Hides the loaded visitors' phones that the editor may not show
 * (liaison-privacy.h: in full only with consent, at the station that
 * received the visitor, @received_here). A hidden phone is shown masked,
 * and liaison_reception_form_set_visitor() with that masked text keeps
 * the stored number: saving an unchanged form loses nothing. Any other
 * phone set replaces it. */
void          liaison_reception_form_hide_phones     (LiaisonReceptionForm *self,
                                                      gboolean              received_here);
/* Whether visitor @index's phone is hidden (and kept unless replaced). */
gboolean      liaison_reception_form_get_visitor_phone_hidden (LiaisonReceptionForm *self,
                                                               guint                 index);
/* Visitor @index's phone as the editor shows it: masked when hidden. */
char         *liaison_reception_form_dup_visitor_shown_phone  (LiaisonReceptionForm *self,
                                                               guint                 index);
const char   *liaison_reception_form_get_visitor_name       (LiaisonReceptionForm *self,
                                                             guint                 index);
const char   *liaison_reception_form_get_visitor_phone      (LiaisonReceptionForm *self,
                                                             guint                 index);
const char   *liaison_reception_form_get_visitor_community  (LiaisonReceptionForm *self,
                                                             guint                 index);
const char   *liaison_reception_form_get_visitor_party_size (LiaisonReceptionForm *self,
                                                             guint                 index);
gboolean      liaison_reception_form_get_visitor_consent    (LiaisonReceptionForm *self,
                                                             guint                 index);

const char   *liaison_reception_form_get_summary   (LiaisonReceptionForm *self);
void          liaison_reception_form_set_summary   (LiaisonReceptionForm *self,
                                                    const char           *summary);
gboolean      liaison_reception_form_get_handled_on_spot (LiaisonReceptionForm *self);
void          liaison_reception_form_set_handled_on_spot (LiaisonReceptionForm *self,
                                                          gboolean              handled);
const char   *liaison_reception_form_get_handling  (LiaisonReceptionForm *self);
void          liaison_reception_form_set_handling  (LiaisonReceptionForm *self,
                                                    const char           *handling);
/* Where and at what a mobile desk (流动办公桌) sat: "渠沟镇太平村", "集市".
 * Optional, kept whatever the channel. */
const char   *liaison_reception_form_get_place     (LiaisonReceptionForm *self);
void          liaison_reception_form_set_place     (LiaisonReceptionForm *self,
                                                    const char           *place);
const char   *liaison_reception_form_get_occasion  (LiaisonReceptionForm *self);
void          liaison_reception_form_set_occasion  (LiaisonReceptionForm *self,
                                                    const char           *occasion);

/* Inline suggestions, by position. A suggestion loaded from the store
 * keeps its id; such a suggestion has a life of its own once saved, so it
 * cannot be removed here (remove returns FALSE). raised_by NULL or "" means
 * the first visitor's name. */
guint         liaison_reception_form_get_n_suggestions (LiaisonReceptionForm *self);
guint         liaison_reception_form_add_suggestion    (LiaisonReceptionForm *self);
gboolean      liaison_reception_form_remove_suggestion (LiaisonReceptionForm *self,
                                                        guint                 index);
void          liaison_reception_form_set_suggestion    (LiaisonReceptionForm *self,
                                                        guint                 index,
                                                        const char           *title,
                                                        const char           *content,
                                                        gint64                category_id);
void          liaison_reception_form_set_suggestion_raised_by (LiaisonReceptionForm *self,
                                                               guint                 index,
                                                               const char           *raised_by);
gint64        liaison_reception_form_get_suggestion_id          (LiaisonReceptionForm *self,
                                                                 guint                 index);
const char   *liaison_reception_form_get_suggestion_title       (LiaisonReceptionForm *self,
                                                                 guint                 index);
const char   *liaison_reception_form_get_suggestion_content     (LiaisonReceptionForm *self,
                                                                 guint                 index);
gint64        liaison_reception_form_get_suggestion_category_id (LiaisonReceptionForm *self,
                                                                 guint                 index);
const char   *liaison_reception_form_get_suggestion_raised_by   (LiaisonReceptionForm *self,
                                                                 guint                 index);

/* Files kept with the reception (a photo of the sign-in sheet, a letter),
 * in the order attached. A file added here (liaison_file_check_read())
 * holds its bytes in memory: nothing is written until the reception is
 * saved, so a file removed before, or a form dropped unsaved, leaves
 * nothing on disk. */
guint         liaison_reception_form_get_n_files   (LiaisonReceptionForm *self);
const LiaisonReceptionFile *liaison_reception_form_get_file (LiaisonReceptionForm *self,
                                                             guint                 index);
/* Takes @file; FALSE (and frees it) when the same bytes are attached already. */
gboolean      liaison_reception_form_add_file      (LiaisonReceptionForm *self,
                                                    LiaisonReceptionFile *file);
void          liaison_reception_form_remove_file   (LiaisonReceptionForm *self,
                                                    guint                 index);

/* Parses and checks the form. Returns a new reception ready for
 * liaison_store_save_reception, or NULL with @field_errors set to the
 * LiaisonFieldError list in form order (fields "date", "time",
 * "received_at", "channel", "place", "occasion", "category", "deputies", "visitors",
 * "visitor.N.name|phone|community|party_size", "summary", "handling",
 * "suggestion.N.title|content|category|raised_by"). @now decides what "in
 * the future" means; NULL for the current time. */
LiaisonReception *liaison_reception_form_build (LiaisonReceptionForm  *self,
                                                GDateTime             *now,
                                                GPtrArray            **field_errors);

/* Builds and saves. When the form does not pass, returns FALSE with @error
 * in LIAISON_VALIDATION_ERROR and the problems in
 * liaison_reception_form_get_field_errors(); when the store refuses,
 * returns FALSE with the store's error and no field errors. On success the
 * form holds the saved record (its id and version) and is no longer dirty.
 * A stored reception that is not dirty is not written again (its version
 * and updated_at stay). */
gboolean      liaison_reception_form_save          (LiaisonReceptionForm  *self,
                                                    LiaisonStore          *store,
                                                    GError               **error);
/* The field errors of the last save; empty when it passed. */
GPtrArray    *liaison_reception_form_get_field_errors (LiaisonReceptionForm *self);

G_END_DECLS
