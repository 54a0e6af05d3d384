/* liaison-hq-server-private.h: the answers every handler of liaison-hq's
 * HTTP side gives, shared with liaison-hq-attachments.c. */
#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

/* A JSON answer (@json taken) with Liaison-Protocol: 1. */
void liaison_hq_server_reply_text  (SoupServerMessage *msg,
                                    guint              status,
                                    char              *json);
/* The JSON error body with @code, which the request's log line names. */
void liaison_hq_server_reply_error (SoupServerMessage *msg,
                                    guint              status,
                                    const char        *code,
                                    const char        *message);

G_END_DECLS
