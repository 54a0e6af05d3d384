/* liaison-suggestion-item.h: one row of the suggestions list. */
#pragma once

#include <glib-object.h>

#include "liaison-calendar.h"
#include "liaison-records.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_SUGGESTION_ITEM (liaison_suggestion_item_get_type ())
G_DECLARE_FINAL_TYPE (LiaisonSuggestionItem, liaison_suggestion_item, LIAISON, SUGGESTION_ITEM, GObject)

/* Takes @suggestion. */
LiaisonSuggestionItem   *liaison_suggestion_item_new            (LiaisonSuggestion *suggestion);
const LiaisonSuggestion *liaison_suggestion_item_get_suggestion (LiaisonSuggestionItem *self);
gint64                   liaison_suggestion_item_get_id         (LiaisonSuggestionItem *self);
/* The search the list found it by (NULL: none), for the row to mark. */
void                     liaison_suggestion_item_set_search     (LiaisonSuggestionItem *self,
                                                                 const char            *search);
const char              *liaison_suggestion_item_get_search     (LiaisonSuggestionItem *self);

/* What a list shows as the state: "Referred", or "Reopened, awaiting
 * referral" for one sent back by an unsatisfied rating (as
 * liaison_loop_state_describe() says it from the replay). */
const char              *liaison_suggestion_describe_status     (const LiaisonSuggestion *suggestion);
/* Where the due date stands on @today (NULL: today, local); NONE unless
 * the suggestion awaits a reply. */
LiaisonDeadline          liaison_suggestion_deadline            (const LiaisonSuggestion *suggestion,
                                                                 const GDate             *today);

G_END_DECLS
