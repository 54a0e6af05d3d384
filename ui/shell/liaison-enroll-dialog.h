/* liaison-enroll-dialog.h: connects this station to headquarters. */
#pragma once

#include <adwaita.h>

#include "liaison-sync-engine.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_ENROLL_DIALOG (liaison_enroll_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LiaisonEnrollDialog, liaison_enroll_dialog, LIAISON, ENROLL_DIALOG, AdwWindow)

/* Emits ::enrolled once headquarters accepted the code and the store
 * became that station. */
LiaisonEnrollDialog *liaison_enroll_dialog_new (GtkWindow         *parent,
                                                LiaisonSyncEngine *engine);

G_END_DECLS
