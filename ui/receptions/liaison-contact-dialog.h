/* liaison-contact-dialog.h: Show Contact… at headquarters: the dialog that
 * asks why (docs/privacy.md, "Headquarters and contacts"). */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* A dialog over @parent asking for the reason to see a visitor's contact:
 * responses "cancel" and "show", "show" enabled once a reason is typed. */
AdwMessageDialog *liaison_contact_dialog_new        (GtkWindow        *parent);
/* The reason typed, stripped. */
char             *liaison_contact_dialog_dup_reason (AdwMessageDialog *dialog);

G_END_DECLS
