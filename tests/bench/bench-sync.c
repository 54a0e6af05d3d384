/* bench-sync.c: timings of sync against a real liaison-hq, for tests/bench/run.
 *
 *   bench-sync throughput HQ DIR N       one station pushes N receptions, then a
 *                                        headquarters replica pulls them
 *   bench-sync prepare DB                opens DB once (brings its schema up to date)
 *   bench-sync idle HQ DIR DB RUNS       RUNS syncs with nothing to do, by the
 *                                        station file DB enrolled with a station code
 *   bench-sync stations HQ DIR N M       N stations (N files, N enrollment codes)
 *                                        sync at once, each pushing M receptions
 *   bench-sync online HQ DIR N M LOAD    the same, the server serving its public
 *                                        site too (--public-listen), while the
 *                                        shell command LOAD submits to it: the
 *                                        stations sync at once, again and again,
 *                                        until LOAD ends
 *
 * HQ is the liaison-hq program; DIR an empty working directory. The server
 * is always a real `liaison-hq serve --listen 127.0.0.1:0` child, and the
 * stations are driven through LiaisonSyncEngine, all in this one process
 * on one main loop. Each command prints "KEY VALUE" lines on stdout; the
 * run script formats them. Progress goes to stderr.
 */
#define G_LOG_DOMAIN "bench-sync"

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>

#include "liaison-bench-common.h"
#include "liaison-paged-list.h"
#include "liaison-store.h"
#include "liaison-store-sync.h"
#include "liaison-sync-engine.h"

#define N_DEPUTIES 30

/* The server this run started, stopped by die() too. */
static GSubprocess *running_server;

static void
die (const char   *what,
     const GError *error)
{
  g_printerr ("bench-sync: %s: %s\n", what, error ? error->message : "failed");
  if (running_server != NULL)
    g_subprocess_send_signal (running_server, SIGTERM);
  exit (1);
}

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1e6;
}

/* liaison-hq commands */

/* Runs `HQ ARGS…` to the end; returns its stdout's last line. */
static char *
run_hq (const char *hq,
        ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;
  const char *arg;
  int status = 0;
  va_list args;
  guint n;

  g_ptr_array_add (argv, (gpointer) hq);
  va_start (args, hq);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  if (!g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                     &out, &err, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    {
      g_printerr ("%s", err != NULL ? err : "");
      die (g_ptr_array_index (argv, 1), error);
    }
  lines = g_strsplit (g_strstrip (out), "\n", -1);
  n = g_strv_length (lines);
  return g_strdup (n > 0 ? lines[n - 1] : "");
}

static void
write_deputies_csv (const char *path)
{
  g_autoptr(GString) csv = g_string_new ("姓名,层级,专业\n");
  static const char *levels[] = { "全国", "省", "市", "县(区)", "乡镇" };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < N_DEPUTIES; i++)
    {
      g_autofree char *name = liaison_bench_deputy_name (i);

      g_string_append_printf (csv, "%s,%s,%s\n", name, levels[i % G_N_ELEMENTS (levels)], i % 2 ? "法律" : "教育");
    }
  if (!g_file_set_contents (path, csv->str, csv->len, &error))
    die ("write the deputies file", error);
}

/* A data directory with the deputy roster. */
static char *
init_hq (const char *hq,
         const char *dir)
{
  g_autofree char *data_dir = g_build_filename (dir, "hq", NULL);
  g_autofree char *csv = g_build_filename (dir, "deputies.csv", NULL);
  g_autofree char *ignored = NULL;
  g_autofree char *ignored2 = NULL;

  ignored = run_hq (hq, "init", "--data-dir", data_dir, NULL);
  write_deputies_csv (csv);
  ignored2 = run_hq (hq, "import", "deputies", "--data-dir", data_dir, csv, NULL);
  return g_steal_pointer (&data_dir);
}

static char *
add_station (const char *hq,
             const char *data_dir,
             const char *name)
{
  return run_hq (hq, "station", "add", "--data-dir", data_dir, name,
                 "--kind", "station", "--district", "相山区", NULL);
}

/* The server process */

typedef struct {
  GSubprocess *process;
  char *url;
  char *public_url;   /* the public site's, when it serves one */
} Server;

/* The server goes when this program goes, however it ends. */
static void
die_with_parent (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

/* Starts `HQ serve` on a free loopback port, and with @public its public
 * site on another. */
static Server *
server_start (const char *hq,
              const char *data_dir,
              const char *log_path,
              gboolean    public)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  const char *prefix = "listening on ";
  Server *server = g_new0 (Server, 1);

  g_subprocess_launcher_set_stderr_file_path (launcher, log_path);
  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  if (public)
    server->process = g_subprocess_launcher_spawn (launcher, &error, hq, "serve", "--data-dir", data_dir,
                                                   "--listen", "127.0.0.1:0",
                                                   "--public-listen", "127.0.0.1:0", NULL);
  else
    server->process = g_subprocess_launcher_spawn (launcher, &error, hq, "serve", "--data-dir", data_dir,
                                                   "--listen", "127.0.0.1:0", NULL);
  if (server->process == NULL)
    die ("start liaison-hq", error);
  running_server = server->process;
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (server->process));
  /* One line for each address; the public site's says so. */
  while (server->url == NULL || (public && server->public_url == NULL))
    {
      g_autofree char *line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
      char *url;

      if (line == NULL)
        die ("liaison-hq did not say where it listens", error);
      if ((url = strstr (line, "http")) == NULL)
        continue;
      if (strstr (line, "public") != NULL)
        server->public_url = g_strdup (g_strstrip (url));
      else if (strstr (line, prefix) != NULL)
        server->url = g_strdup (g_strstrip (url));
    }
  g_printerr ("   liaison-hq listening on %s (pid %s)\n", server->url,
              g_subprocess_get_identifier (server->process));
  if (public)
    g_printerr ("   its public site on %s\n", server->public_url);
  return server;
}

/* VmHWM of the server process, in kB. */
static guint64
server_peak_rss (Server *server)
{
  g_autofree char *path = g_strdup_printf ("/proc/%s/status", g_subprocess_get_identifier (server->process));
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents (path, &status, NULL, NULL) ||
      (line = strstr (status, "VmHWM:")) == NULL)
    return 0;
  return g_ascii_strtoull (line + strlen ("VmHWM:"), NULL, 10);
}

static void
server_stop (Server *server)
{
  g_autoptr(GError) error = NULL;

  running_server = NULL;
  g_subprocess_send_signal (server->process, SIGTERM);
  if (!g_subprocess_wait (server->process, NULL, &error))
    die ("wait for liaison-hq", error);
  if (!g_subprocess_get_if_exited (server->process) || g_subprocess_get_exit_status (server->process) != 0)
    g_printerr ("bench-sync: liaison-hq did not stop cleanly\n");
  g_object_unref (server->process);
  g_free (server->url);
  g_free (server->public_url);
  g_free (server);
}

/* Request latencies, seen from the client: from the moment an engine
 * queues a request on its SoupSession to the moment the answer has been
 * read and the request leaves the queue. Emission hooks see every session
 * without touching the engine. */

typedef struct {
  gboolean recording;
  GHashTable *started;   /* SoupMessage * → gint64 * (start time) */
  GArray *latencies;     /* double, ms */
  GArray *push;          /* the same, of POST /v1/push alone */
  guint unanswered;      /* the connection failed */
  guint http_errors;     /* an answer with an HTTP error status */
} Requests;

static Requests requests;

static gboolean
on_request_queued (GSignalInvocationHint *hint,
                   guint                  n_values,
                   const GValue          *values,
                   gpointer               user_data)
{
  SoupMessage *message = g_value_get_object (&values[1]);

  if (requests.recording)
    g_hash_table_insert (requests.started, message, g_memdup2 (&(gint64) { g_get_monotonic_time () }, sizeof (gint64)));
  return TRUE;
}

static gboolean
on_request_unqueued (GSignalInvocationHint *hint,
                     guint                  n_values,
                     const GValue          *values,
                     gpointer               user_data)
{
  SoupMessage *message = g_value_get_object (&values[1]);
  gint64 *start = g_hash_table_lookup (requests.started, message);
  guint status = soup_message_get_status (message);
  double ms;

  if (start == NULL)
    return TRUE;
  ms = (g_get_monotonic_time () - *start) / 1000.0;
  g_array_append_val (requests.latencies, ms);
  if (g_str_equal (g_uri_get_path (soup_message_get_uri (message)), "/v1/push"))
    g_array_append_val (requests.push, ms);
  if (status == 0)
    requests.unanswered++;
  else if (status < 200 || status >= 300)
    requests.http_errors++;
  g_hash_table_remove (requests.started, message);
  return TRUE;
}

static void
requests_init (void)
{
  GTypeClass *klass = g_type_class_ref (SOUP_TYPE_SESSION);

  requests.started = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  requests.latencies = g_array_new (FALSE, FALSE, sizeof (double));
  requests.push = g_array_new (FALSE, FALSE, sizeof (double));
  g_signal_add_emission_hook (g_signal_lookup ("request-queued", SOUP_TYPE_SESSION), 0,
                              on_request_queued, NULL, NULL);
  g_signal_add_emission_hook (g_signal_lookup ("request-unqueued", SOUP_TYPE_SESSION), 0,
                              on_request_unqueued, NULL, NULL);
  g_type_class_unref (klass);
}

static void
requests_start (void)
{
  g_hash_table_remove_all (requests.started);
  g_array_set_size (requests.latencies, 0);
  g_array_set_size (requests.push, 0);
  requests.unanswered = 0;
  requests.http_errors = 0;
  requests.recording = TRUE;
}

/* Engines */

typedef struct {
  gboolean done;
  gboolean ok;
  GError *error;
  LiaisonSyncCounts counts;
  gint64 finished;
} Wait;

static void
on_enrolled (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Wait *wait = user_data;

  wait->ok = liaison_sync_engine_enroll_finish (LIAISON_SYNC_ENGINE (source), result, &wait->error);
  wait->finished = g_get_monotonic_time ();
  wait->done = TRUE;
}

static void
on_synced (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Wait *wait = user_data;

  wait->ok = liaison_sync_engine_sync_finish (LIAISON_SYNC_ENGINE (source), result, &wait->counts,
                                              &wait->error);
  wait->finished = g_get_monotonic_time ();
  wait->done = TRUE;
}

static void
wait_all (Wait  *waits,
          guint  n)
{
  for (guint i = 0; i < n; i++)
    while (!waits[i].done)
      g_main_context_iteration (NULL, TRUE);
}

static void
enroll (LiaisonSyncEngine *engine,
        const char        *url,
        const char        *code)
{
  Wait wait = { 0 };

  liaison_sync_engine_enroll_async (engine, url, code, NULL, on_enrolled, &wait);
  wait_all (&wait, 1);
  if (!wait.ok)
    die ("enroll", wait.error);
}

/* One sync, waited for; its counts and its time in seconds. */
static double
sync_once (LiaisonSyncEngine *engine,
           LiaisonSyncCounts *counts)
{
  Wait wait = { 0 };
  gint64 start = g_get_monotonic_time ();

  liaison_sync_engine_sync_async (engine, NULL, on_synced, &wait);
  wait_all (&wait, 1);
  if (!wait.ok)
    die ("sync", wait.error);
  if (counts != NULL)
    *counts = wait.counts;
  return (wait.finished - start) / 1e6;
}

static LiaisonStore *
open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  LiaisonStore *store = liaison_store_open (path, &error);

  if (store == NULL)
    die ("open a store", error);
  return store;
}

/* Receptions, as a clerk would save them */

typedef struct {
  GArray *deputy_ids;
  gint64 n_categories;
} Pool;

static void
pool_init (Pool         *pool,
           LiaisonStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) deputies = liaison_store_list_deputies (store, NULL, &error);
  g_autoptr(GPtrArray) categories = NULL;

  if (deputies == NULL)
    die ("list the deputies", error);
  pool->deputy_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < deputies->len; i++)
    g_array_append_val (pool->deputy_ids, ((LiaisonDeputy *) g_ptr_array_index (deputies, i))->meta.id);
  if (pool->deputy_ids->len < 2)
    die ("the station did not receive the deputy roster", NULL);
  categories = liaison_store_list_categories (store, &error);
  if (categories == NULL)
    die ("list the categories", error);
  pool->n_categories = categories->len;
}

/* @n new receptions, each with one visitor and two deputies, @batch per
 * transaction. */
static void
add_receptions (LiaisonStore *store,
                Pool         *pool,
                GRand        *rand,
                guint         n,
                guint         batch)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  for (guint done = 0; done < n; )
    {
      if (!liaison_store_begin (store, &error))
        die ("begin", error);
      for (guint i = 0; i < batch && done < n; i++, done++)
        {
          g_autoptr(LiaisonReception) reception = liaison_bench_reception_new (rand, now, pool->deputy_ids,
                                                                               pool->n_categories);

          if (!liaison_store_save_reception (store, reception, &error))
            die ("save a reception", error);
        }
      if (!liaison_store_commit (store, &error))
        die ("commit", error);
    }
}

static guint
count_receptions (LiaisonStore *store)
{
  g_autoptr(LiaisonPagedList) model = liaison_store_new_reception_model (store, NULL);

  return g_list_model_get_n_items (G_LIST_MODEL (model));
}

/* Throughput */

typedef struct {
  guint target;
  gint64 pushed;   /* when "sent" reached @target */
} PushWatch;

static void
on_sent (GObject    *object,
         GParamSpec *pspec,
         gpointer    user_data)
{
  PushWatch *watch = user_data;

  if (watch->pushed == 0 && liaison_sync_engine_get_sent (LIAISON_SYNC_ENGINE (object)) >= watch->target)
    watch->pushed = g_get_monotonic_time ();
}

static int
cmd_throughput (const char *hq,
                const char *dir,
                guint       n)
{
  g_autofree char *data_dir = init_hq (hq, dir);
  g_autofree char *station_code = add_station (hq, data_dir, "东山街道代表联络站");
  g_autofree char *hq_code = run_hq (hq, "user", "add", "--data-dir", data_dir, "--role", "hq",
                                     "市人大常委会联络科", NULL);
  g_autofree char *log = g_build_filename (dir, "hq.log", NULL);
  g_autofree char *station_path = g_build_filename (dir, "station.db", NULL);
  g_autofree char *replica_path = g_build_filename (dir, "replica.db", NULL);
  g_autofree char *fresh_path = g_build_filename (dir, "fresh.db", NULL);
  g_autoptr(LiaisonStore) station = open_store (station_path);
  g_autoptr(LiaisonSyncEngine) station_engine = liaison_sync_engine_new (station);
  g_autoptr(LiaisonStore) replica = NULL;
  g_autoptr(LiaisonSyncEngine) replica_engine = NULL;
  g_autoptr(LiaisonStore) fresh = NULL;
  GRand *rand = g_rand_new_with_seed (3);
  LiaisonSyncCounts counts = { 0 };
  PushWatch watch = { .target = n };
  Server *server = server_start (hq, data_dir, log, FALSE);
  Pool pool = { 0 };
  gint64 start;
  double sync_seconds, push_seconds, pull_seconds;
  guint in_replica;

  /* The station: enrolled, with the roster, then a backlog of receptions
   * typed in while the line was down. */
  enroll (station_engine, server->url, station_code);
  sync_once (station_engine, NULL);
  pool_init (&pool, station);
  g_printerr ("   saving %u receptions at the station\n", n);
  add_receptions (station, &pool, rand, n, 1000);
  g_rand_free (rand);
  g_array_unref (pool.deputy_ids);

  g_printerr ("   pushing them\n");
  g_signal_connect (station_engine, "notify::sent", G_CALLBACK (on_sent), &watch);
  start = g_get_monotonic_time ();
  sync_seconds = sync_once (station_engine, &counts);
  if (counts.sent != n || counts.rejected != 0 || watch.pushed == 0)
    {
      g_printerr ("bench-sync: pushed %u, rejected %u of %u\n", counts.sent, counts.rejected, n);
      die ("push", NULL);
    }
  push_seconds = (watch.pushed - start) / 1e6;
  printf ("push-records %u\n", counts.sent);
  printf ("push-seconds %.3f\n", push_seconds);
  printf ("push-rate %.0f\n", n / push_seconds);
  printf ("push-sync-seconds %.3f\n", sync_seconds);
  printf ("push-sync-received %u\n", counts.received);

  /* Headquarters' desktop: enrolled, then the first sync brings everything. */
  g_printerr ("   pulling them into a headquarters replica\n");
  replica = open_store (replica_path);
  replica_engine = liaison_sync_engine_new (replica);
  enroll (replica_engine, server->url, hq_code);
  pull_seconds = sync_once (replica_engine, &counts);
  in_replica = count_receptions (replica);
  if (in_replica != n)
    {
      g_printerr ("bench-sync: the replica has %u receptions, not %u\n", in_replica, n);
      die ("pull", NULL);
    }
  printf ("pull-records %u\n", counts.received);
  printf ("pull-seconds %.3f\n", pull_seconds);
  printf ("pull-rate %.0f\n", counts.received / pull_seconds);

  server_stop (server);

  /* The baseline's empty file: a new replica before any sync. */
  fresh = open_store (fresh_path);
  return 0;
}

/* Nothing to do */

static int
cmd_prepare (const char *path)
{
  g_autoptr(LiaisonStore) store = open_store (path);

  return 0;
}

static int
cmd_idle (const char *hq,
          const char *dir,
          const char *path,
          guint       runs)
{
  g_autofree char *data_dir = g_build_filename (dir, "hq", NULL);
  g_autofree char *ignored = run_hq (hq, "init", "--data-dir", data_dir, NULL);
  g_autofree char *code = add_station (hq, data_dir, "东山街道代表联络站");
  g_autofree char *log = g_build_filename (dir, "hq.log", NULL);
  g_autoptr(LiaisonStore) store = open_store (path);
  g_autoptr(LiaisonSyncEngine) engine = liaison_sync_engine_new (store);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  LiaisonSyncCounts counts = { 0 };
  Server *server = server_start (hq, data_dir, log, FALSE);
  double ms;
  guint unsynced;

  enroll (engine, server->url, code);
  /* The first sync brings the station's own record, the categories and
   * the loop rules, whose retention period then purges the visitors of
   * the generator's older receptions (docs/privacy.md): the syncs after
   * it send those changes, until there is nothing left to send. */
  sync_once (engine, &counts);
  for (guint i = 0; i < 5 && (counts.sent != 0 || liaison_store_count_unsynced (store, NULL) != 0); i++)
    sync_once (engine, &counts);
  unsynced = liaison_store_count_unsynced (store, NULL);
  if (unsynced != 0 || counts.sent != 0)
    {
      g_printerr ("bench-sync: the station has %u unsynced records (sent %u): not idle\n",
                  unsynced, counts.sent);
      die ("first sync", NULL);
    }

  for (guint i = 0; i < runs; i++)
    {
      ms = 1000 * sync_once (engine, &counts);
      if (counts.sent + counts.received + counts.conflicts + counts.rejected != 0)
        {
          die ("a sync with nothing to do moved records", NULL);
        }
      if (i == 0)
        printf ("idle-first %.2f\n", ms);
      g_array_append_val (times, ms);
    }
  server_stop (server);

  printf ("idle-receptions %u\n", count_receptions (store));
  printf ("idle-median %.2f\n", liaison_bench_percentile (times, 0.5));
  printf ("idle-p95 %.2f\n", liaison_bench_percentile (times, 0.95));
  printf ("idle-max %.2f\n", liaison_bench_percentile (times, 1.0));
  return 0;
}

/* Many stations */

static void
raise_file_limit (void)
{
  struct rlimit limit;

  /* Each station holds a database, its WAL, its index and a socket. */
  if (getrlimit (RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max)
    {
      limit.rlim_cur = limit.rlim_max;
      setrlimit (RLIMIT_NOFILE, &limit);
    }
}

/* The load command of `online`, and whether it has ended. */
typedef struct {
  GSubprocess *process;
  gboolean done;
} Load;

static void
on_load_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Load *load = user_data;

  g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL);
  load->done = TRUE;
}

/* Starts `sh -c @command` with the public site's address in
 * $LIAISON_BENCH_PUBLIC and the server's data directory in
 * $LIAISON_BENCH_HQ_DATA. */
static void
load_start (Load       *load,
            const char *command,
            Server     *server,
            const char *data_dir)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_autoptr(GError) error = NULL;

  g_subprocess_launcher_setenv (launcher, "LIAISON_BENCH_PUBLIC", server->public_url, TRUE);
  g_subprocess_launcher_setenv (launcher, "LIAISON_BENCH_HQ_DATA", data_dir, TRUE);
  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  load->process = g_subprocess_launcher_spawn (launcher, &error, "sh", "-c", command, NULL);
  if (load->process == NULL)
    die ("start the load", error);
  g_subprocess_wait_async (load->process, NULL, on_load_done, load);
}

/* N stations push M receptions each, all at once; with @load (a shell
 * command), the server serves its public site too, and the stations sync
 * at once again and again (the later rounds pulling what the load
 * submitted to them) until the command ends. */
static int
cmd_stations (const char *hq,
              const char *dir,
              guint       n,
              guint       m,
              const char *load_command)
{
  g_autofree char *data_dir = init_hq (hq, dir);
  g_autofree char *log = g_build_filename (dir, "hq.log", NULL);
  g_autofree char *stations_dir = g_build_filename (dir, "stations", NULL);
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) stores = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) engines = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree Wait *waits = g_new0 (Wait, n);
  GRand *rand = g_rand_new_with_seed (4);
  Server *server;
  Load load = { 0 };
  gint64 start;
  double total;
  guint failed_syncs = 0, rejected = 0, short_pushes = 0, rounds = 0, received = 0;

  raise_file_limit ();
  g_mkdir_with_parents (stations_dir, 0700);
  g_printerr ("   adding %u stations at headquarters\n", n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("第%u代表联络站", i + 1);

      g_ptr_array_add (codes, add_station (hq, data_dir, name));
    }

  server = server_start (hq, data_dir, log, load_command != NULL);
  /* One after the other: setting up is not what is measured. */
  g_printerr ("   enrolling them one by one, each taking the roster\n");
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("station-%03u.db", i + 1);
      g_autofree char *path = g_build_filename (stations_dir, name, NULL);
      LiaisonStore *store = open_store (path);
      g_autoptr(LiaisonSyncEngine) engine = liaison_sync_engine_new (store);
      Pool pool = { 0 };

      g_ptr_array_add (stores, store);
      enroll (engine, server->url, g_ptr_array_index (codes, i));
      sync_once (engine, NULL);
      pool_init (&pool, store);
      add_receptions (store, &pool, rand, m, m);
      g_array_unref (pool.deputy_ids);
    }
  g_rand_free (rand);

  /* New engines, so that every station connects afresh, as it would
   * after ten minutes. */
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (engines, liaison_sync_engine_new (g_ptr_array_index (stores, i)));

  g_printerr ("   all of them sync at once%s\n", load_command != NULL ? ", again and again while the load runs" : "");
  requests_start ();
  if (load_command != NULL)
    load_start (&load, load_command, server, data_dir);
  start = g_get_monotonic_time ();
  do
    {
      memset (waits, 0, n * sizeof (Wait));
      for (guint i = 0; i < n; i++)
        liaison_sync_engine_sync_async (g_ptr_array_index (engines, i), NULL, on_synced, &waits[i]);
      wait_all (waits, n);
      for (guint i = 0; i < n; i++)
        {
          if (!waits[i].ok)
            {
              if (failed_syncs == 0)
                g_printerr ("bench-sync: a sync failed: %s\n", waits[i].error->message);
              failed_syncs++;
              g_clear_error (&waits[i].error);
              continue;
            }
          rejected += waits[i].counts.rejected;
          received += waits[i].counts.received;
          /* The first round pushes each station's receptions; the later
           * ones have nothing to push. */
          if (waits[i].counts.sent != (rounds == 0 ? m : 0))
            short_pushes++;
        }
      rounds++;
    }
  while (load.process != NULL && !load.done);
  total = seconds_since (start);
  requests.recording = FALSE;
  if (load.process != NULL)
    {
      if (!g_subprocess_get_successful (load.process))
        die ("the load", NULL);
      g_object_unref (load.process);
    }

  printf ("stations %u\n", n);
  printf ("stations-total %.2f\n", total);
  printf ("stations-rounds %u\n", rounds);
  printf ("stations-received %u\n", received);
  printf ("stations-requests %u\n", requests.latencies->len);
  printf ("stations-p50 %.1f\n", liaison_bench_percentile (requests.latencies, 0.5));
  printf ("stations-p99 %.1f\n", liaison_bench_percentile (requests.latencies, 0.99));
  printf ("stations-max %.1f\n", liaison_bench_percentile (requests.latencies, 1.0));
  printf ("stations-push-p50 %.1f\n", liaison_bench_percentile (requests.push, 0.5));
  printf ("stations-push-p99 %.1f\n", liaison_bench_percentile (requests.push, 0.99));
  /* A station's sync that failed, or left receptions unsent or refused. */
  printf ("stations-errors %u\n", failed_syncs + rejected + short_pushes);
  printf ("stations-failed-syncs %u\n", failed_syncs);
  printf ("stations-rejected %u\n", rejected);
  printf ("stations-incomplete %u\n", short_pushes);
  printf ("stations-unanswered %u\n", requests.unanswered);
  printf ("stations-http-errors %u\n", requests.http_errors);
  printf ("stations-server-rss %" G_GUINT64_FORMAT "\n", server_peak_rss (server) / 1024);

  server_stop (server);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  const char *command = argc > 2 ? argv[1] : "";
  g_autofree char *config = NULL;

  /* Station keys go to files in the working directory, never a keyring. */
  g_setenv ("LIAISON_NO_KEYRING", "1", TRUE);
  if (argc > 3)
    {
      config = g_build_filename (argv[3], "config", NULL);
      g_setenv ("XDG_CONFIG_HOME", config, TRUE);
    }
  requests_init ();

  if (g_str_equal (command, "throughput") && argc == 5)
    return cmd_throughput (argv[2], argv[3], atoi (argv[4]));
  if (g_str_equal (command, "prepare") && argc == 3)
    return cmd_prepare (argv[2]);
  if (g_str_equal (command, "idle") && argc == 6)
    return cmd_idle (argv[2], argv[3], argv[4], atoi (argv[5]));
  if (g_str_equal (command, "stations") && argc == 6)
    return cmd_stations (argv[2], argv[3], atoi (argv[4]), atoi (argv[5]), NULL);
  if (g_str_equal (command, "online") && argc == 7)
    return cmd_stations (argv[2], argv[3], atoi (argv[4]), atoi (argv[5]), argv[6]);

  g_printerr ("usage: bench-sync throughput HQ DIR N | prepare DB | idle HQ DIR DB RUNS"
              " | stations HQ DIR N M | online HQ DIR N M LOAD\n");
  return 2;
}
