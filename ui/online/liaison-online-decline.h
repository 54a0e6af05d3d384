/* liaison-online-decline.h: 不予受理 (Decline) on an online submission: the
 * dialog that asks why (docs/online.md, "The Online inbox"). */
#pragma once

#include <adwaita.h>

#include "liaison-store-online.h"

G_BEGIN_DECLS

/* A dialog over @parent about the submission titled @title: a reason to
 * choose (spam, duplicate, out of remit), a note, and the responses
 * "cancel" and "decline"; "decline" is refused until a reason is chosen,
 * and the dialog says so. */
AdwMessageDialog *liaison_online_decline_new        (GtkWindow                  *parent,
                                                     const char                 *title);
/* The reason chosen: FALSE while none is. */
gboolean          liaison_online_decline_get_reason (AdwMessageDialog           *dialog,
                                                     LiaisonOnlineDeclineReason *reason);
/* The note typed, stripped; NULL when blank. */
char             *liaison_online_decline_dup_note   (AdwMessageDialog           *dialog);

G_END_DECLS
