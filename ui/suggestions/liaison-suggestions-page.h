/* liaison-suggestions-page.h: the suggestions list and its detail. */
#pragma once

#include <adwaita.h>

#include "liaison-store.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_SUGGESTIONS_PAGE (liaison_suggestions_page_get_type ())
G_DECLARE_FINAL_TYPE (LiaisonSuggestionsPage, liaison_suggestions_page, LIAISON, SUGGESTIONS_PAGE, AdwBin)

void liaison_suggestions_page_set_store       (LiaisonSuggestionsPage *self,
                                               LiaisonStore           *store);
void liaison_suggestions_page_focus_search    (LiaisonSuggestionsPage *self);
void liaison_suggestions_page_show_suggestion (LiaisonSuggestionsPage *self,
                                               gint64                  suggestion_id);

G_END_DECLS
