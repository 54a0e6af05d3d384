/* liaison-rules-dialog.h: headquarters sets the loop's time limits and the
 * holiday and make-up workday list (liaison_store_set_loop_rules()).
 *
 * Emits ::saved once the rules are written.
 */
#pragma once

#include <adwaita.h>

#include "liaison-store-dialog.h"
#include "liaison-store.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_RULES_DIALOG (liaison_rules_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LiaisonRulesDialog, liaison_rules_dialog, LIAISON, RULES_DIALOG, LiaisonStoreDialog)

LiaisonRulesDialog *liaison_rules_dialog_new (GtkWindow    *parent,
                                              LiaisonStore *store);

G_END_DECLS
