/* liaison-suggestion-item.h: one row of the suggestions list. */
#pragma once

#include <glib-object.h>

#include "liaison-records.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_SUGGESTION_ITEM (liaison_suggestion_item_get_type ())
G_DECLARE_FINAL_TYPE (LiaisonSuggestionItem, liaison_suggestion_item, LIAISON, SUGGESTION_ITEM, GObject)

/* Takes @suggestion. */
LiaisonSuggestionItem   *liaison_suggestion_item_new            (LiaisonSuggestion *suggestion);
const LiaisonSuggestion *liaison_suggestion_item_get_suggestion (LiaisonSuggestionItem *self);
gint64                   liaison_suggestion_item_get_id         (LiaisonSuggestionItem *self);

G_END_DECLS
