/* liaison-online-inbox.h: the Online inbox (网上来件): the submissions
 * citizens made on the public site for this station, waiting to be
 * accepted or declined (docs/online.md, "The Online inbox"). */
#pragma once

#include <adwaita.h>

#include "liaison-store.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_ONLINE_INBOX (liaison_online_inbox_get_type ())
G_DECLARE_FINAL_TYPE (LiaisonOnlineInbox, liaison_online_inbox, LIAISON, ONLINE_INBOX, AdwWindow)

/* Emits ::open-reception (gint64 reception id) when the clerk asks to see
 * a reception that accepting made; the window that opened the inbox shows
 * it. */
LiaisonOnlineInbox *liaison_online_inbox_new (GtkWindow    *parent,
                                              LiaisonStore *store);

G_END_DECLS
