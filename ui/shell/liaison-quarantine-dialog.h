/* liaison-quarantine-dialog.h: the records this desk pulled and could not
 * use, set aside (liaison-store-quarantine.h): kind, ID, why and when, and
 * whether headquarters was told; each opens to the text as it came. */
#pragma once

#include <adwaita.h>

#include "liaison-store.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_QUARANTINE_DIALOG (liaison_quarantine_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LiaisonQuarantineDialog, liaison_quarantine_dialog, LIAISON, QUARANTINE_DIALOG, AdwWindow)

LiaisonQuarantineDialog *liaison_quarantine_dialog_new (GtkWindow    *parent,
                                                        LiaisonStore *store);

G_END_DECLS
