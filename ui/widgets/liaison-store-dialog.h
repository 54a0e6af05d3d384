/* liaison-store-dialog.h: a window that headquarters edits a set of rules
 * in (the loop's rules, the points rules): made over the store with a
 * construct-only "store", it says "saved" when what it wrote is stored,
 * pending push, and then closes. The dialogs derive from it with their
 * own template (parent="LiaisonStoreDialog") and keep only their fields.
 */
#pragma once

#include <adwaita.h>

#include "liaison-store.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_STORE_DIALOG (liaison_store_dialog_get_type ())
G_DECLARE_DERIVABLE_TYPE (LiaisonStoreDialog, liaison_store_dialog, LIAISON, STORE_DIALOG, AdwWindow)

struct _LiaisonStoreDialogClass
{
  AdwWindowClass parent_class;
};

/* The store it was made with. */
LiaisonStore *liaison_store_dialog_get_store (LiaisonStoreDialog *self);
/* Emits "saved", then closes the window. */
void          liaison_store_dialog_saved     (LiaisonStoreDialog *self);

G_END_DECLS
