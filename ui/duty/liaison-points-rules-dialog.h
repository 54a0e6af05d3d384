/* liaison-points-rules-dialog.h: headquarters edits the duty points rules
 * (docs/duty-record.md, "Versioned rule sets"): a rule set's effective
 * date, the points of every rule and the reception cap, saved with
 * liaison_store_save_points_rules() and synced to every station.
 *
 * Emits ::saved once the rule set is written.
 */
#pragma once

#include <adwaita.h>

#include "liaison-store-dialog.h"
#include "liaison-store.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_POINTS_RULES_DIALOG (liaison_points_rules_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LiaisonPointsRulesDialog, liaison_points_rules_dialog, LIAISON, POINTS_RULES_DIALOG, LiaisonStoreDialog)

LiaisonPointsRulesDialog *liaison_points_rules_dialog_new (GtkWindow    *parent,
                                                           LiaisonStore *store);

G_END_DECLS
