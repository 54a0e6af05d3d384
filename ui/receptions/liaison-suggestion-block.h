/* liaison-suggestion-block.h: the fields of one suggestion in the
 * reception editor.
 *
 * Emits ::remove when its remove button is clicked; the editor decides.
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LIAISON_TYPE_SUGGESTION_BLOCK (liaison_suggestion_block_get_type ())
G_DECLARE_FINAL_TYPE (LiaisonSuggestionBlock, liaison_suggestion_block, LIAISON, SUGGESTION_BLOCK, GtkBox)

/* @categories: "Choose…", then every category, as the editor lists them. */
GtkWidget  *liaison_suggestion_block_new           (GListModel             *categories);

/* "Suggestion 2": set by the editor as blocks come and go. */
void        liaison_suggestion_block_set_position  (LiaisonSuggestionBlock *self,
                                                    guint                   position);
/* A saved suggestion has a life of its own: it cannot be removed here. */
void        liaison_suggestion_block_set_removable (LiaisonSuggestionBlock *self,
                                                    gboolean                removable);

const char *liaison_suggestion_block_get_title     (LiaisonSuggestionBlock *self);
char       *liaison_suggestion_block_get_content   (LiaisonSuggestionBlock *self);
guint       liaison_suggestion_block_get_category  (LiaisonSuggestionBlock *self);
void        liaison_suggestion_block_set_category  (LiaisonSuggestionBlock *self,
                                                    guint                   position);
void        liaison_suggestion_block_set_suggestion (LiaisonSuggestionBlock *self,
                                                     const char             *title,
                                                     const char             *content,
                                                     guint                   category);

/* @part is "content", "category", or anything else for the title. Shows
 * @message unless that field shows an error already; returns the widget
 * to focus. */
GtkWidget  *liaison_suggestion_block_show_error    (LiaisonSuggestionBlock *self,
                                                    const char             *part,
                                                    const char             *message);
void        liaison_suggestion_block_clear_errors  (LiaisonSuggestionBlock *self);
void        liaison_suggestion_block_focus         (LiaisonSuggestionBlock *self);

G_END_DECLS
