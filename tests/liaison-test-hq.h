/* liaison-test-hq.h: a real liaison-hq on loopback for the sync tests, and
 * replicas (a store and its sync engine) that enroll and sync with it.
 * Every helper asserts on failure. */
#pragma once

#include <gio/gio.h>
#include <glib.h>
#include <libsoup/soup.h>

#include "liaison-hq-db.h"
#include "liaison-store-sync.h"
#include "liaison-sync-engine.h"

G_BEGIN_DECLS

/* A server's temporary folder, its data and, while it runs, its process. */
typedef struct {
  char *dir;                    /* temporary: stores, CSV files, the server's data */
  char *data_dir;
  char *log_path;               /* the server's stderr */
  GSubprocess *server;
  GDataInputStream *server_out;
  guint port;                   /* 0: any free port; then the one it took */
  char *url;                    /* "http://127.0.0.1:PORT" */
  char *tls_cert;               /* set: serve HTTPS with this certificate */
  char *tls_key;
  char **serve_args;            /* more options of `serve`, or NULL */
  guint fd_limit;               /* > 0: the server's hard and soft RLIMIT_NOFILE */
  gboolean public_site;         /* TRUE: serve the public site on 127.0.0.1 too (sync/hq/web/) */
  char *public_url;             /* then where: "http://127.0.0.1:PORT" */
  LiaisonHqDb *pg_db;           /* on PostgreSQL, the test's connection to the server's database, kept */
} LiaisonTestHq;

/* A replica: its store and its engine. */
typedef struct {
  LiaisonStore *store;
  LiaisonSyncEngine *engine;
} LiaisonTestReplica;

int                 liaison_test_run_hq             (char              **out,
                                                     char              **err,
                                                     const char         *first,
                                                     ...) G_GNUC_NULL_TERMINATED;

void                liaison_test_hq_init            (LiaisonTestHq      *hq,
                                                     const char         *tmpl);
void                liaison_test_hq_clear           (LiaisonTestHq      *hq);
char               *liaison_test_hq_run             (LiaisonTestHq      *hq,
                                                     const char         *command,
                                                     ...) G_GNUC_NULL_TERMINATED;
void                liaison_test_hq_start           (LiaisonTestHq      *hq);
void                liaison_test_hq_stop            (LiaisonTestHq      *hq);
char               *liaison_test_hq_station_code    (LiaisonTestHq      *hq,
                                                     const char         *name);
char               *liaison_test_hq_user_code       (LiaisonTestHq      *hq,
                                                     const char         *name);
void                liaison_test_hq_import_roster   (LiaisonTestHq      *hq);
void                liaison_test_hq_store_copy      (LiaisonTestHq      *hq,
                                                     const char         *from_summary,
                                                     const char         *uuid,
                                                     int                 version,
                                                     const char         *sql_data);
gint64              liaison_test_hq_feed_end        (LiaisonTestHq      *hq);
/* The server's own database, hq.db or the PostgreSQL database `init
 * --database` made it in (DATA_DIR/database says which), opened through
 * headquarters' own interface (liaison-test-hq-db.c). */
LiaisonHqDb        *liaison_test_hq_open_db         (LiaisonTestHq      *hq);
/* A checksum of all the server's database holds: on SQLite every value of
 * every row of hq.db, with its type; on PostgreSQL every table's (and
 * every kind's) count and digest, as `liaison-hq migrate` checks its copy
 * (liaison-hq-db-tally.h). */
char               *liaison_test_hq_contents        (LiaisonTestHq      *hq);
/* Whether the server's database holds @needle: on SQLite anywhere in
 * hq.db or its WAL, byte for byte; on PostgreSQL in a row of any of its
 * tables, or in a row version still in their pages, live or dead (one an
 * UPDATE left for VACUUM), as pageinspect reads them. */
gboolean            liaison_test_hq_holds           (LiaisonTestHq      *hq,
                                                     const char         *needle);
/* The text @sql (SELECT one column) reads from the server's own database,
 * hq.db, "" for no row or NULL. */
char               *liaison_test_hq_text            (LiaisonTestHq      *hq,
                                                     const char         *sql);
/* A CSV file liaison-hq wrote (audit, contacts): a UTF-8 BOM and CRLF
 * line ends, asserted; its rows (LiaisonCsvRow *). */
GPtrArray          *liaison_test_hq_read_csv        (const char         *path);
/* Row @row's field @column of @rows. */
const char         *liaison_test_csv_cell           (GPtrArray          *rows,
                                                     guint               row,
                                                     guint               column);

/* One request to @hq's @path, as any client makes it: the protocol header
 * unless @no_protocol, "Bearer @token" unless @token is NULL, and @length
 * bytes of @body unless it is NULL. Returns the answer's body; its status
 * goes to @status and, if @headers is not NULL, its headers there. */
GBytes             *liaison_test_hq_send            (LiaisonTestHq       *hq,
                                                     SoupSession         *session,
                                                     const char          *method,
                                                     const char          *path,
                                                     const char          *token,
                                                     gboolean             no_protocol,
                                                     const char          *content_type,
                                                     const void          *body,
                                                     gsize                length,
                                                     const char          *content_range,
                                                     guint               *status,
                                                     SoupMessageHeaders **headers);

gboolean            liaison_test_sync               (LiaisonSyncEngine  *engine,
                                                     LiaisonSyncCounts  *counts,
                                                     GError            **error);
LiaisonSyncCounts   liaison_test_sync_ok            (LiaisonSyncEngine  *engine);
gboolean            liaison_test_enroll             (LiaisonSyncEngine  *engine,
                                                     const char         *url,
                                                     const char         *code,
                                                     GError            **error);
void                liaison_test_hq_sync_until_killed (LiaisonTestHq     *hq,
                                                       LiaisonSyncEngine *engine,
                                                       const char        *property);

LiaisonTestReplica  liaison_test_replica_new        (LiaisonTestHq      *hq,
                                                     const char         *file);
/* A replica whose store set itself up as the station @name on its first-run
 * page: not enrolled, so offline as far as sync goes. */
LiaisonTestReplica  liaison_test_replica_new_station (LiaisonTestHq     *hq,
                                                      const char        *file,
                                                      const char        *name);
/* The same, enrolled and synced once, all of it taken. */
LiaisonTestReplica  liaison_test_replica_new_synced_station (LiaisonTestHq *hq,
                                                             const char    *file,
                                                             const char    *name);
void                liaison_test_replica_clear      (LiaisonTestReplica *replica);
guint               liaison_test_replica_unsynced   (LiaisonTestReplica *replica);
/* @replica's desk asks for reception @uuid's full contacts, for @reason,
 * through its engine, run to its end. */
GPtrArray          *liaison_test_request_contacts   (LiaisonTestReplica  *replica,
                                                     const char          *uuid,
                                                     const char          *reason,
                                                     GError             **error);
/* Syncs @replica once, asserting that nothing was rejected and nothing is
 * left unsynced; returns the counts. */
LiaisonSyncCounts   liaison_test_replica_sync_clean (LiaisonTestReplica *replica);
/* Its live receptions; and its receptions by uuid, tombstones too, so
 * that a doubled one shows. */
gint64              liaison_test_replica_receptions (LiaisonTestReplica *replica);
gint64              liaison_test_replica_distinct_receptions (LiaisonTestReplica *replica);
void                liaison_test_replica_enroll     (LiaisonTestHq      *hq,
                                                     LiaisonTestReplica *replica,
                                                     const char         *code);
void                liaison_test_replica_enroll_station (LiaisonTestHq      *hq,
                                                         LiaisonTestReplica *replica,
                                                         const char         *name);
void                liaison_test_replica_enroll_hq  (LiaisonTestHq      *hq,
                                                     LiaisonTestReplica *replica,
                                                     const char         *name);

G_END_DECLS
