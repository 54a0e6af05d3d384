/* liaison-ui-privacy.h: what the privacy notice says that the desk's
 * records decide (docs/privacy.md, "The privacy notice"). */
#pragma once

#include "liaison-store.h"

G_BEGIN_DECLS

/* Headquarters' retention period in years, as this desk last received it
 * in the loop rules; the default (LIAISON_RETENTION_DEFAULT_YEARS) with
 * no store or rules. The one place the notice and the consent sentence
 * read it. */
guint liaison_ui_retention_years (LiaisonStore *store);

G_END_DECLS
