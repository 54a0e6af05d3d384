/* liaison-suggestion-row.h: a suggestion as a row of a list that opens it. */
#pragma once

#include <adwaita.h>

#include "liaison-store-loop.h"

G_BEGIN_DECLS

GtkWidget *liaison_suggestion_row_new (const LiaisonSuggestion *suggestion,
                                       LiaisonLoopList          list,
                                       gboolean                 show_station,
                                       const GDate             *today,
                                       const char              *lead_unit);

G_END_DECLS
