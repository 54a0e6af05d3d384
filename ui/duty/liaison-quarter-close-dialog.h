/* liaison-quarter-close-dialog.h: headquarters closes a quarter
 * (docs/duty-record.md, "Closing a quarter"): which quarter, what closing
 * does, and a confirmation. A headquarters desk's window offers it; a
 * station desk never does. */
#pragma once

#include <adwaita.h>

#include "liaison-store.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_QUARTER_CLOSE_DIALOG (liaison_quarter_close_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LiaisonQuarterCloseDialog, liaison_quarter_close_dialog, LIAISON, QUARTER_CLOSE_DIALOG,
                      AdwMessageDialog)

/* ::closed (const char *message) when the quarter is closed; a failure
 * goes to @parent's win.show-error. */
LiaisonQuarterCloseDialog *liaison_quarter_close_dialog_new (GtkWindow    *parent,
                                                             LiaisonStore *store);

G_END_DECLS
