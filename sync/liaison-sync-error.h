/* liaison-sync-error.h: what can go wrong in a sync, as a GError domain
 * the engine and the network messages (liaison-sync-network.h) share. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define LIAISON_SYNC_ERROR (liaison_sync_error_quark ())
GQuark liaison_sync_error_quark (void);

typedef enum {
  LIAISON_SYNC_ERROR_NOT_ENROLLED,
  LIAISON_SYNC_ERROR_BAD_TOKEN,
  LIAISON_SYNC_ERROR_REVOKED,
  LIAISON_SYNC_ERROR_WRONG_SERVER,
  LIAISON_SYNC_ERROR_TLS,
  LIAISON_SYNC_ERROR_PROTOCOL,
  LIAISON_SYNC_ERROR_BAD_CODE,
  LIAISON_SYNC_ERROR_NETWORK,     /* transient */
  LIAISON_SYNC_ERROR_SERVER,      /* transient: 5xx */
  LIAISON_SYNC_ERROR_BAD_ANSWER,
  LIAISON_SYNC_ERROR_ATTACHMENT_REFUSED,  /* a file over headquarters' size or daily quota; the rest synced */
} LiaisonSyncError;

/* TRUE for the errors a later try may not meet (network, 5xx). */
gboolean liaison_sync_error_is_transient (const GError *error);

G_END_DECLS
