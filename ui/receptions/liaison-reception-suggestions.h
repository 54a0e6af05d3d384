/* liaison-reception-suggestions.h: the reception editor's Suggestions
 * section. */
#pragma once

#include <adwaita.h>

#include "liaison-reception-form.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_RECEPTION_SUGGESTIONS (liaison_reception_suggestions_get_type ())
G_DECLARE_FINAL_TYPE (LiaisonReceptionSuggestions, liaison_reception_suggestions, LIAISON, RECEPTION_SUGGESTIONS, AdwPreferencesGroup)

/* The form whose suggestions the blocks show, in its order.
 * @category_names: "Choose…", then every category; @category_ids: their
 * ids (gint64), in the same order. */
void       liaison_reception_suggestions_set_form     (LiaisonReceptionSuggestions *self,
                                                       LiaisonReceptionForm        *form,
                                                       GListModel                  *category_names,
                                                       GArray                      *category_ids);
/* One block for each of the form's suggestions, as loaded. */
void       liaison_reception_suggestions_load         (LiaisonReceptionSuggestions *self);
/* Copies what is typed into the form. */
void       liaison_reception_suggestions_read         (LiaisonReceptionSuggestions *self);
/* A new suggestion in the form and its block, focused, in the category at
 * @category (most suggestions share the reception's). */
void       liaison_reception_suggestions_add          (LiaisonReceptionSuggestions *self,
                                                       guint                        category);

void       liaison_reception_suggestions_clear_errors (LiaisonReceptionSuggestions *self);
/* A problem with @part of the suggestion at @index; returns the widget to
 * focus, or NULL when there is no such suggestion. */
GtkWidget *liaison_reception_suggestions_show_error   (LiaisonReceptionSuggestions *self,
                                                       guint                        index,
                                                       const char                  *part,
                                                       const char                  *message);

G_END_DECLS
