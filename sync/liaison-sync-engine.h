/* liaison-sync-engine.h: the station's side of sync with headquarters.
 *
 * Owned by the application (or a headless command). Pushes pending records
 * in batches, then pulls the change feed, all asynchronously with libsoup;
 * the store writes each answer in one transaction. Runs at start, when the
 * network comes back, on a timer and on demand.
 */
#pragma once

#include <gio/gio.h>

#include "liaison-store.h"
#include "liaison-store-sync.h"

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

#define LIAISON_TYPE_SYNC_ENGINE (liaison_sync_engine_get_type ())
G_DECLARE_FINAL_TYPE (LiaisonSyncEngine, liaison_sync_engine, LIAISON, SYNC_ENGINE, GObject)

LiaisonSyncEngine *liaison_sync_engine_new            (LiaisonStore        *store);
LiaisonStore      *liaison_sync_engine_get_store      (LiaisonSyncEngine   *self);

/* Exchanges an enrollment code for a token, keeps the token (keyring or
 * file) and makes the store this station (or a headquarters replica). */
void     liaison_sync_engine_enroll_async  (LiaisonSyncEngine   *self,
                                            const char          *server_url,
                                            const char          *code,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gboolean liaison_sync_engine_enroll_finish (LiaisonSyncEngine   *self,
                                            GAsyncResult        *result,
                                            GError             **error);

/* Pushes, then pulls. A call made while a sync runs joins it and gets its
 * result. @counts may be NULL. */
void     liaison_sync_engine_sync_async    (LiaisonSyncEngine   *self,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gboolean liaison_sync_engine_sync_finish   (LiaisonSyncEngine   *self,
                                            GAsyncResult        *result,
                                            LiaisonSyncCounts   *counts,
                                            GError             **error);

/* Syncs now, when GNetworkMonitor says the network is back, and every
 * @interval_seconds (0: the default, 600). Transient failures are retried
 * after 1 s, 2 s, 4 s … up to the interval; a fatal one stops the
 * automatic syncs until a sync or an enrollment succeeds. */
void     liaison_sync_engine_start_automatic (LiaisonSyncEngine *self,
                                              guint              interval_seconds);
void     liaison_sync_engine_stop_automatic  (LiaisonSyncEngine *self);

gboolean    liaison_sync_engine_get_syncing    (LiaisonSyncEngine *self);
gboolean    liaison_sync_engine_get_online     (LiaisonSyncEngine *self);
/* Local time "YYYY-MM-DD HH:MM" of the last sync that succeeded; NULL if
 * none since the program started. */
const char *liaison_sync_engine_get_last_sync  (LiaisonSyncEngine *self);
/* The last failure in words; NULL after a success. */
const char *liaison_sync_engine_get_last_error (LiaisonSyncEngine *self);
/* Progress of the running (or last) sync. */
guint       liaison_sync_engine_get_sent       (LiaisonSyncEngine *self);
guint       liaison_sync_engine_get_received   (LiaisonSyncEngine *self);
/* What the pulls of the running (or last) sync carried: changes in the
 * answers, applied or not, and the answers' bytes. */
guint       liaison_sync_engine_get_pulled_records (LiaisonSyncEngine *self);
guint64     liaison_sync_engine_get_pulled_bytes   (LiaisonSyncEngine *self);
/* Where the station key is kept, in words; NULL when not enrolled. */
char       *liaison_sync_engine_describe_key_place (LiaisonSyncEngine *self);

G_END_DECLS
