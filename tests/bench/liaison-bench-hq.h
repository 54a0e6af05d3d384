/* liaison-bench-hq.h: what the sync benchmarks (bench-sync, bench-province)
 * share: liaison-hq's commands and a real `liaison-hq serve` child, the
 * stations' engines driven to the end of an enrollment or a sync, the
 * receptions a clerk would save, and the request latencies every
 * SoupSession of the process sees. */
#pragma once

#include <gio/gio.h>

#include "liaison-store.h"
#include "liaison-sync-engine.h"

G_BEGIN_DECLS

/* Says what failed on stderr, stops the server started last and exits 1. */
G_NORETURN void liaison_bench_die           (const char   *what,
                                              const GError *error);

double          liaison_bench_seconds_since (gint64        start);

/* Runs `HQ ARGS… NULL` to the end; its stdout's last line. Dies when it
 * fails. */
char           *liaison_bench_run_hq        (const char   *hq,
                                             ...) G_GNUC_NULL_TERMINATED;

/* `HQ init` of DIR/hq (and, with @database, that PostgreSQL database,
 * which the data directory names from then on), with the benchmarks'
 * deputy roster imported; the data directory. */
char           *liaison_bench_init_hq       (const char   *hq,
                                             const char   *dir,
                                             const char   *database);

/* `HQ station add` of a station named @name: its enrollment code. */
char           *liaison_bench_add_station   (const char   *hq,
                                             const char   *data_dir,
                                             const char   *name);

/* A `liaison-hq serve` child on a free loopback port (and with @public
 * its public site on another); it goes when this process goes. */
typedef struct {
  GSubprocess *process;
  char *url;
  char *public_url;   /* the public site's, when it serves one */
} LiaisonBenchServer;

LiaisonBenchServer *liaison_bench_server_start    (const char         *hq,
                                                   const char         *data_dir,
                                                   const char         *log_path,
                                                   gboolean            public);
/* Its VmHWM, in kB (0 when it cannot be read). */
guint64             liaison_bench_server_peak_rss (LiaisonBenchServer *server);
/* CPU seconds (user and system) it has used so far. */
double              liaison_bench_server_cpu      (LiaisonBenchServer *server);
void                liaison_bench_server_stop     (LiaisonBenchServer *server);

/* The same two figures of any process by its pid, and of this one. */
guint64         liaison_bench_pid_peak_rss  (const char   *pid);
double          liaison_bench_pid_cpu       (const char   *pid);
double          liaison_bench_own_cpu       (void);
/* Seconds its live threads have waited for a core, runnable (schedstat):
 * what the other processes on the machine cost it. */
double          liaison_bench_pid_run_delay (const char   *pid);

/* Makes a child of this process go when it goes (a GSpawnChildSetupFunc). */
void            liaison_bench_die_with_parent (gpointer    user_data);

/* Each station holds a database, its WAL, its index and a socket. */
void            liaison_bench_raise_file_limit (void);

/* Station keys go to files, never a keyring: under @dir/config (the
 * benchmark's working directory) when @dir is not NULL. */
void            liaison_bench_private_keys  (const char   *dir);

/* Request latencies, seen from the client: from the moment an engine
 * queues a request on its SoupSession to the moment the answer has been
 * read and the request leaves the queue (emission hooks see every session
 * without touching the engine). */
typedef struct {
  gboolean recording;
  GHashTable *started;   /* SoupMessage * → gint64 * (start time) */
  GArray *latencies;     /* double, ms */
  GArray *push;          /* the same, of POST /v1/push alone */
  guint unanswered;      /* the connection failed */
  guint http_errors;     /* an answer with an HTTP error status */
} LiaisonBenchRequests;

/* The process's one record of requests, hooked at the first call. */
LiaisonBenchRequests *liaison_bench_requests       (void);
/* Forgets what was recorded and records from now on. */
void                  liaison_bench_requests_start (void);

/* An engine's enrollment or sync, waited for. */
typedef struct {
  gboolean done;
  gboolean ok;
  GError *error;
  LiaisonSyncCounts counts;
  gint64 finished;
} LiaisonBenchWait;

/* GAsyncReadyCallbacks filling the LiaisonBenchWait in user_data. */
void            liaison_bench_on_enrolled   (GObject      *source,
                                             GAsyncResult *result,
                                             gpointer      user_data);
void            liaison_bench_on_synced     (GObject      *source,
                                             GAsyncResult *result,
                                             gpointer      user_data);
/* Iterates the main context until all @n are done. */
void            liaison_bench_wait_all      (LiaisonBenchWait *waits,
                                             guint             n);
/* Enrolls @engine, or dies. */
void            liaison_bench_enroll        (LiaisonSyncEngine *engine,
                                             const char        *url,
                                             const char        *code);
/* One sync, waited for (dies when it fails); its counts and its time in
 * seconds. */
double          liaison_bench_sync_once     (LiaisonSyncEngine *engine,
                                             LiaisonSyncCounts *counts);
LiaisonStore   *liaison_bench_open_store    (const char        *path);

/* What a station's receptions are made of: its deputies and categories. */
typedef struct {
  GArray *deputy_ids;
  gint64 n_categories;
} LiaisonBenchPool;

/* From a station that has the roster (dies when it has not). */
void            liaison_bench_pool_init     (LiaisonBenchPool *pool,
                                             LiaisonStore     *store);
void            liaison_bench_pool_clear    (LiaisonBenchPool *pool);
/* @n new receptions, each with one visitor and two deputies, @batch per
 * transaction, as a clerk would save them. */
void            liaison_bench_add_receptions (LiaisonStore     *store,
                                              LiaisonBenchPool *pool,
                                              GRand            *rand,
                                              guint             n,
                                              guint             batch);

G_END_DECLS
