/* liaison-similar-warning.h: the reception editor's warning that the same
 * visitor raised a similar matter here lately, with a link to it. */
#pragma once

#include <adwaita.h>

#include "liaison-store.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_SIMILAR_WARNING (liaison_similar_warning_get_type ())
G_DECLARE_FINAL_TYPE (LiaisonSimilarWarning, liaison_similar_warning, LIAISON, SIMILAR_WARNING, GtkWidget)

/* Looks for earlier receptions like @draft (liaison_store_find_similar_receptions)
 * in @store and shows the newest, or hides. Takes @draft. */
void liaison_similar_warning_check (LiaisonSimilarWarning *self,
                                    LiaisonStore          *store,
                                    LiaisonReception      *draft);

G_END_DECLS
