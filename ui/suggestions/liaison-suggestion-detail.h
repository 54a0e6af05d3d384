/* liaison-suggestion-detail.h: one suggestion, read-only. */
#pragma once

#include <adwaita.h>

#include "liaison-store.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_SUGGESTION_DETAIL (liaison_suggestion_detail_get_type ())
G_DECLARE_FINAL_TYPE (LiaisonSuggestionDetail, liaison_suggestion_detail, LIAISON, SUGGESTION_DETAIL, AdwBin)

void   liaison_suggestion_detail_set_store         (LiaisonSuggestionDetail *self,
                                                    LiaisonStore            *store);
/* 0 shows "no suggestion selected". */
void   liaison_suggestion_detail_set_suggestion_id (LiaisonSuggestionDetail *self,
                                                    gint64                   suggestion_id);
gint64 liaison_suggestion_detail_get_suggestion_id (LiaisonSuggestionDetail *self);

G_END_DECLS
