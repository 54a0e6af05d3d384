/* liaison-sync-network.h: what a failed exchange with headquarters means,
 * in the clerk's words.
 *
 * libsoup reports a lost line in its own English ("Connection terminated
 * unexpectedly", "Could not parse HTTP response"). The clerk needs to know
 * one thing: was headquarters reached at all, or was the line cut while
 * they talked; and that nothing was lost either way. The technical detail
 * goes to the log.
 */
#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

typedef enum {
  LIAISON_SYNC_LINE_UNREACHABLE,  /* no connection at all: name, refusal, timeout before connecting */
  LIAISON_SYNC_LINE_CUT,          /* connected, then cut or garbled during the exchange */
} LiaisonSyncLine;

/* Which of the two @send_error (from sending @message, which may be NULL)
 * means. */
LiaisonSyncLine liaison_sync_network_classify (SoupMessage  *message,
                                               const GError *send_error);

/* A LIAISON_SYNC_ERROR_NETWORK error with the sentence for @send_error;
 * logs the detail. */
GError         *liaison_sync_network_error    (SoupMessage  *message,
                                               const GError *send_error);

G_END_DECLS
