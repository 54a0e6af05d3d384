/* liaison-store-points-rules.h: headquarters' points rule sets as this
 * replica keeps them (docs/duty-record.md, "Versioned rule sets"): each a
 * synced "points_rules" record holding the engine's JSON, edited at
 * headquarters' desk and pulled by every station.
 */
#pragma once

#include "liaison-points-rules.h"
#include "liaison-store.h"

G_BEGIN_DECLS

/* The rule sets to score with (LiaisonPointsRules *): the compiled
 * default first, then every live stored set by effective date, then by
 * the time it was saved, so that liaison_points_rules_for_quarter() picks
 * the latest saved of two with one date. */
GPtrArray *liaison_store_list_points_rules (LiaisonStore  *store,
                                            GError       **error);
/* Stores the rule set @json (liaison_points_rules_from_json()'s form) as
 * a new version of the stored set with its effective date, or a new set,
 * pending sync; emits ::changed ("points_rules"). Refused with
 * LIAISON_STORE_ERROR_INVALID, changing nothing: at a desk that is not
 * headquarters', or with the engine's message when @json is not a rule
 * set. */
gboolean   liaison_store_save_points_rules (LiaisonStore  *store,
                                            const char    *json,
                                            GError       **error);

G_END_DECLS
