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
#include "liaison-sync-error.h"

G_BEGIN_DECLS

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
 * answers, applied or not, and the answers' bytes as JSON (inflated, when
 * they came gzip). */
guint       liaison_sync_engine_get_pulled_records (LiaisonSyncEngine *self);
guint64     liaison_sync_engine_get_pulled_bytes   (LiaisonSyncEngine *self);
/* Headquarters asks the server for the contacts of the reception
 * @reception_uuid, giving @reason (POST /v1/contact-requests; the server
 * logs it in the access log first; docs/privacy.md, "Headquarters and
 * contacts"). Off the main thread: the key is read in a thread, the
 * request is libsoup's. A blank reason, a station's desk, a reception
 * headquarters does not have, no network or a refusal: a translated
 * error. The answer is held in memory for this session only
 * (liaison_sync_engine_get_shown_contacts()), never written to the
 * store's file. */
void       liaison_sync_engine_request_contacts_async  (LiaisonSyncEngine   *self,
                                                        const char          *reception_uuid,
                                                        const char          *reason,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
/* Returns: (transfer container) (element-type LiaisonVisitor): the
 * reception's visitors as the server gave them, in its order (a phone in
 * full for a visitor who agreed to be contacted, masked otherwise). */
GPtrArray *liaison_sync_engine_request_contacts_finish (LiaisonSyncEngine   *self,
                                                        GAsyncResult        *result,
                                                        GError             **error);
/* The contacts asked for this session for @reception_uuid, or NULL.
 * Returns: (transfer none) (element-type LiaisonVisitor) (nullable) */
GPtrArray *liaison_sync_engine_get_shown_contacts      (LiaisonSyncEngine   *self,
                                                        const char          *reception_uuid);

/* Puts the phones asked for this session (above) into @reception's
 * visitors, in order, for a print of it at headquarters; TRUE when there
 * were any. @reception is the desk's copy, whose phones are masked. */
gboolean   liaison_sync_engine_fill_shown_contacts     (LiaisonSyncEngine   *self,
                                                        LiaisonReception    *reception);

/* Where the station key is kept, in words; NULL when not enrolled. */
char       *liaison_sync_engine_describe_key_place (LiaisonSyncEngine *self);

G_END_DECLS
