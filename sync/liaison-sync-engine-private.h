/* liaison-sync-engine-private.h: what the files of the sync engine
 * (liaison-sync-engine*.c) share: the engine's fields, a sync's
 * operation, and the steps one file takes and another calls. */
#pragma once

#include <libsoup/soup.h>

#include "liaison-store-sync.h"
#include "liaison-sync-engine.h"

G_BEGIN_DECLS

#define DEFAULT_INTERVAL 600
#define REQUEST_TIMEOUT 60
/* A few rounds of conflicts are normal (the owner resends on top of the
 * server's version); a batch that makes no progress three times means
 * the server and the store disagree, and looping would not help. */
#define MAX_IDLE_PUSH_ROUNDS 3
/* Set-aside records reported to headquarters in one push: at most 1.3 MB
 * of their texts, well inside the server's body limit with 500 records. */
#define MAX_SET_ASIDE_REPORT 20

struct _LiaisonSyncEngine
{
  GObject parent_instance;

  /* owned */
  LiaisonStore *store;
  SoupSession *session;
  GPtrArray *callers;          /* GTask *: the sync in progress and who joined it */
  char *last_sync;
  char *last_error;

  /* automatic syncs */
  guint interval;
  guint timer_id;
  guint retry_id;
  guint backoff;               /* seconds before the next retry; 0: none pending */
  gboolean automatic;
  gboolean suspended;          /* a fatal error: wait for the user */
  gulong network_changed_id;

  /* borrowed */
  GNetworkMonitor *monitor;

  /* state */
  gboolean syncing;
  gboolean online;
  guint sent;
  guint received;
  guint pulled_records;        /* changes in the pull answers of the running (or last) sync */
  guint64 pulled_bytes;        /* and the size of those answers */
  gint64 files_paused_until;   /* monotonic µs: a 429's Retry-After, when no file is sent */
  guint32 purged_on;           /* the day (GDate Julian) the retention purge last ran; 0: not yet */
  /* headquarters: contacts the officer asked for, this session only */
  GHashTable *shown_contacts;  /* reception uuid → GPtrArray of LiaisonVisitor * */
};

/* A sync on its way, for everyone who asked for it while it runs. */
typedef struct {
  LiaisonSyncEngine *self;    /* owned */
  GCancellable *cancellable;  /* owned: cancelled by the caller who started it */
  GCancellable *caller_cancellable;
  gulong cancelled_id;
  SoupMessage *message;
  char *base_url;
  char *token;
  GPtrArray *pushed;          /* JsonObject *: the batch in flight */
  GPtrArray *ahead;           /* JsonObject *: the next batch, read while the last is in flight */
  GBytes *ahead_body;         /* and its request body */
  guint ahead_id;             /* the idle that reads it */
  guint batch_limit;
  guint idle_rounds;
  gint64 since;
  GPtrArray *attachments;     /* char *: the hashes to send, or to fetch */
  guint attachment_index;
  GBytes *attachment_bytes;   /* the file being sent */
  guint64 attachment_offset;  /* where its upload resumed */
  gboolean attachment_restarted;
  GError *attachment_refused; /* headquarters took no more files: said at the end */
  LiaisonSyncCounts counts;
  struct _PullPage *reading;  /* the page being read in a thread (owned by its task) */
  struct _PullPage *ready;    /* the page read and not written yet */
  GError *pull_error;         /* writing the page before failed: said once the page being read is back */
  gint64 reported_up_to;      /* the last set-aside record this push reports; 0: none */
  gboolean report_sent;       /* the set-aside report went with an earlier push of this sync */
} SyncOp;

/* liaison-sync-engine.c: property setters that notify only on change. */
void         liaison_sync_engine_set_syncing     (LiaisonSyncEngine *self,
                                                  gboolean           syncing);
void         liaison_sync_engine_set_online      (LiaisonSyncEngine *self,
                                                  gboolean           online);
void         liaison_sync_engine_set_last_error  (LiaisonSyncEngine *self,
                                                  const char        *message);
void         liaison_sync_engine_set_progress    (LiaisonSyncEngine *self,
                                                  guint              sent,
                                                  guint              received);
void         liaison_sync_engine_mark_synced_now (LiaisonSyncEngine *self);

/* liaison-sync-engine-http.c */
char        *liaison_sync_engine_normalize_server_url (const char  *text,
                                                       GError     **error);
SoupMessage *liaison_sync_engine_new_request     (const char         *method,
                                                  const char         *base_url,
                                                  const char         *path,
                                                  const char         *token,
                                                  JsonNode           *body,
                                                  GError            **error);
/* Sets @json as @message's body: sent gzip when the server said it takes
 * that (liaison_sync_engine_compress_request()). */
void         liaison_sync_engine_set_json_body   (SoupMessage        *message,
                                                  GBytes             *json);
/* SoupSession::request-queued, the engine as user data. */
void         liaison_sync_engine_compress_request (SoupSession       *session,
                                                   SoupMessage       *message,
                                                   gpointer           user_data);
SoupMessage *liaison_sync_engine_new_request_bytes (const char         *method,
                                                    const char         *base_url,
                                                    const char         *path,
                                                    const char         *token,
                                                    GBytes             *body,
                                                    GError            **error);
GBytes      *liaison_sync_engine_encode_body     (JsonNode           *body);
JsonNode    *liaison_sync_engine_new_body        (void);
void         liaison_sync_engine_set_bad_answer  (GError            **error,
                                                  const char         *detail);
gboolean     liaison_sync_engine_check_answer    (LiaisonSyncEngine  *self,
                                                  SoupMessage        *message,
                                                  GBytes             *bytes,
                                                  GError             *send_error,
                                                  GError            **error);
JsonNode    *liaison_sync_engine_read_answer     (LiaisonSyncEngine  *self,
                                                  SoupMessage        *message,
                                                  GBytes             *bytes,
                                                  GError             *send_error,
                                                  GError            **error);
JsonNode    *liaison_sync_engine_parse_answer    (GBytes             *bytes,
                                                  GError            **error);
GError      *liaison_sync_engine_answer_error_from_store (GError *store_error);

/* liaison-sync-engine-run.c: ends the sync for everyone waiting on it.
 * Takes @op and @error. */
void         liaison_sync_engine_finish_sync     (SyncOp *op,
                                                  GError *error);

/* The steps of a sync, each in its file. */
void         liaison_sync_engine_send_attachments  (SyncOp *op);
void         liaison_sync_engine_push_next         (SyncOp *op);
void         liaison_sync_engine_push_drop_ahead   (SyncOp *op);
void         liaison_sync_engine_pull_next         (SyncOp *op);
void         liaison_sync_engine_pull_page_free    (struct _PullPage *page);
void         liaison_sync_engine_fetch_attachments (SyncOp *op);

G_END_DECLS
