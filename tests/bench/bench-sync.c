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
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "liaison-bench-common.h"
#include "liaison-bench-hq.h"
#include "liaison-paged-list.h"
#include "liaison-store.h"
#include "liaison-store-sync.h"
#include "liaison-sync-engine.h"

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

/* What each side spends on a figure, whatever else the machine runs: the
 * CPU seconds of this process and of its main thread (where the engines
 * run their main loop), of the liaison-hq process and of its main thread
 * (where it answers requests). */
typedef struct {
  double own, own_main, hq, hq_main;
} Cpu;

static double
main_thread_cpu (void)
{
  struct rusage usage;

  getrusage (RUSAGE_THREAD, &usage);
  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 + usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

static Cpu
cpu_now (LiaisonBenchServer *server)
{
  const char *pid = g_subprocess_get_identifier (server->process);
  g_autofree char *main_task = g_strdup_printf ("%s/task/%s", pid, pid);

  return (Cpu) { liaison_bench_own_cpu (), main_thread_cpu (), liaison_bench_server_cpu (server),
                 liaison_bench_pid_cpu (main_task) };
}

static void
print_cpu (const char         *prefix,
           const char         *side,
           LiaisonBenchServer *server,
           const Cpu          *before)
{
  Cpu now = cpu_now (server);

  printf ("%s-cpu-%s %.2f\n", prefix, side, now.own - before->own);
  printf ("%s-cpu-%s-main %.2f\n", prefix, side, now.own_main - before->own_main);
  printf ("%s-cpu-hq %.2f\n", prefix, now.hq - before->hq);
  printf ("%s-cpu-hq-main %.2f\n", prefix, now.hq_main - before->hq_main);
}

static int
cmd_throughput (const char *hq,
                const char *dir,
                guint       n)
{
  g_autofree char *data_dir = liaison_bench_init_hq (hq, dir, NULL);
  g_autofree char *station_code = liaison_bench_add_station (hq, data_dir, "东山街道代表联络站");
  g_autofree char *hq_code = liaison_bench_run_hq (hq, "user", "add", "--data-dir", data_dir, "--role", "hq",
                                     "市人大常委会联络科", NULL);
  g_autofree char *log = g_build_filename (dir, "hq.log", NULL);
  g_autofree char *station_path = g_build_filename (dir, "station.db", NULL);
  g_autofree char *replica_path = g_build_filename (dir, "replica.db", NULL);
  g_autofree char *fresh_path = g_build_filename (dir, "fresh.db", NULL);
  g_autoptr(LiaisonStore) station = liaison_bench_open_store (station_path);
  g_autoptr(LiaisonSyncEngine) station_engine = liaison_sync_engine_new (station);
  g_autoptr(LiaisonStore) replica = NULL;
  g_autoptr(LiaisonSyncEngine) replica_engine = NULL;
  g_autoptr(LiaisonStore) fresh = NULL;
  GRand *rand = g_rand_new_with_seed (3);
  LiaisonSyncCounts counts = { 0 };
  PushWatch watch = { .target = n };
  LiaisonBenchServer *server = liaison_bench_server_start (hq, data_dir, log, FALSE);
  LiaisonBenchPool pool = { 0 };
  gint64 start;
  double sync_seconds, push_seconds, pull_seconds;
  guint in_replica;
  Cpu cpu;

  /* The station: enrolled, with the roster, then a backlog of receptions
   * typed in while the line was down. */
  liaison_bench_enroll (station_engine, server->url, station_code);
  liaison_bench_sync_once (station_engine, NULL);
  liaison_bench_pool_init (&pool, station);
  g_printerr ("   saving %u receptions at the station\n", n);
  liaison_bench_add_receptions (station, &pool, rand, n, 1000);
  g_rand_free (rand);
  liaison_bench_pool_clear (&pool);

  g_printerr ("   pushing them\n");
  g_signal_connect (station_engine, "notify::sent", G_CALLBACK (on_sent), &watch);
  cpu = cpu_now (server);
  start = g_get_monotonic_time ();
  sync_seconds = liaison_bench_sync_once (station_engine, &counts);
  if (counts.sent != n || counts.rejected != 0 || watch.pushed == 0)
    {
      g_printerr ("bench-sync: pushed %u, rejected %u of %u\n", counts.sent, counts.rejected, n);
      liaison_bench_die ("push", NULL);
    }
  push_seconds = (watch.pushed - start) / 1e6;
  printf ("push-records %u\n", counts.sent);
  printf ("push-seconds %.3f\n", push_seconds);
  printf ("push-rate %.0f\n", n / push_seconds);
  printf ("push-sync-seconds %.3f\n", sync_seconds);
  printf ("push-sync-received %u\n", counts.received);
  print_cpu ("push", "station", server, &cpu);

  /* Headquarters' desktop: enrolled, then the first sync brings everything. */
  g_printerr ("   pulling them into a headquarters replica\n");
  replica = liaison_bench_open_store (replica_path);
  replica_engine = liaison_sync_engine_new (replica);
  liaison_bench_enroll (replica_engine, server->url, hq_code);
  cpu = cpu_now (server);
  pull_seconds = liaison_bench_sync_once (replica_engine, &counts);
  in_replica = count_receptions (replica);
  if (in_replica != n)
    {
      g_printerr ("bench-sync: the replica has %u receptions, not %u\n", in_replica, n);
      liaison_bench_die ("pull", NULL);
    }
  printf ("pull-records %u\n", counts.received);
  printf ("pull-seconds %.3f\n", pull_seconds);
  printf ("pull-rate %.0f\n", counts.received / pull_seconds);
  print_cpu ("pull", "replica", server, &cpu);

  liaison_bench_server_stop (server);

  /* The baseline's empty file: a new replica before any sync. */
  fresh = liaison_bench_open_store (fresh_path);
  return 0;
}

/* Nothing to do */

static int
cmd_prepare (const char *path)
{
  g_autoptr(LiaisonStore) store = liaison_bench_open_store (path);

  return 0;
}

static int
cmd_idle (const char *hq,
          const char *dir,
          const char *path,
          guint       runs)
{
  g_autofree char *data_dir = g_build_filename (dir, "hq", NULL);
  g_autofree char *ignored = liaison_bench_run_hq (hq, "init", "--data-dir", data_dir, NULL);
  g_autofree char *code = liaison_bench_add_station (hq, data_dir, "东山街道代表联络站");
  g_autofree char *log = g_build_filename (dir, "hq.log", NULL);
  g_autoptr(LiaisonStore) store = liaison_bench_open_store (path);
  g_autoptr(LiaisonSyncEngine) engine = liaison_sync_engine_new (store);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  LiaisonSyncCounts counts = { 0 };
  LiaisonBenchServer *server = liaison_bench_server_start (hq, data_dir, log, FALSE);
  double ms;
  guint unsynced;

  liaison_bench_enroll (engine, server->url, code);
  /* The first sync brings the station's own record, the categories and
   * the loop rules, whose retention period then purges the visitors of
   * the generator's older receptions (docs/privacy.md): the syncs after
   * it send those changes, until there is nothing left to send. */
  liaison_bench_sync_once (engine, &counts);
  for (guint i = 0; i < 5 && (counts.sent != 0 || liaison_store_count_unsynced (store, NULL) != 0); i++)
    liaison_bench_sync_once (engine, &counts);
  unsynced = liaison_store_count_unsynced (store, NULL);
  if (unsynced != 0 || counts.sent != 0)
    {
      g_printerr ("bench-sync: the station has %u unsynced records (sent %u): not idle\n",
                  unsynced, counts.sent);
      liaison_bench_die ("first sync", NULL);
    }

  for (guint i = 0; i < runs; i++)
    {
      ms = 1000 * liaison_bench_sync_once (engine, &counts);
      if (counts.sent + counts.received + counts.conflicts + counts.rejected != 0)
        {
          liaison_bench_die ("a sync with nothing to do moved records", NULL);
        }
      if (i == 0)
        printf ("idle-first %.2f\n", ms);
      g_array_append_val (times, ms);
    }
  liaison_bench_server_stop (server);

  printf ("idle-receptions %u\n", count_receptions (store));
  printf ("idle-median %.2f\n", liaison_bench_percentile (times, 0.5));
  printf ("idle-p95 %.2f\n", liaison_bench_percentile (times, 0.95));
  printf ("idle-max %.2f\n", liaison_bench_percentile (times, 1.0));
  return 0;
}

/* Many stations */

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
            LiaisonBenchServer     *server,
            const char *data_dir)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_autoptr(GError) error = NULL;

  g_subprocess_launcher_setenv (launcher, "LIAISON_BENCH_PUBLIC", server->public_url, TRUE);
  g_subprocess_launcher_setenv (launcher, "LIAISON_BENCH_HQ_DATA", data_dir, TRUE);
  g_subprocess_launcher_set_child_setup (launcher, liaison_bench_die_with_parent, NULL, NULL);
  load->process = g_subprocess_launcher_spawn (launcher, &error, "sh", "-c", command, NULL);
  if (load->process == NULL)
    liaison_bench_die ("start the load", error);
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
  g_autofree char *data_dir = liaison_bench_init_hq (hq, dir, NULL);
  g_autofree char *log = g_build_filename (dir, "hq.log", NULL);
  g_autofree char *stations_dir = g_build_filename (dir, "stations", NULL);
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) stores = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) engines = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree LiaisonBenchWait *waits = g_new0 (LiaisonBenchWait, n);
  GRand *rand = g_rand_new_with_seed (4);
  LiaisonBenchRequests *requests = liaison_bench_requests ();
  LiaisonBenchServer *server;
  Load load = { 0 };
  gint64 start;
  double total;
  guint failed_syncs = 0, rejected = 0, short_pushes = 0, rounds = 0, received = 0;
  Cpu cpu;

  liaison_bench_raise_file_limit ();
  g_mkdir_with_parents (stations_dir, 0700);
  g_printerr ("   adding %u stations at headquarters\n", n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("第%u代表联络站", i + 1);

      g_ptr_array_add (codes, liaison_bench_add_station (hq, data_dir, name));
    }

  server = liaison_bench_server_start (hq, data_dir, log, load_command != NULL);
  /* One after the other: setting up is not what is measured. */
  g_printerr ("   enrolling them one by one, each taking the roster\n");
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("station-%03u.db", i + 1);
      g_autofree char *path = g_build_filename (stations_dir, name, NULL);
      LiaisonStore *store = liaison_bench_open_store (path);
      g_autoptr(LiaisonSyncEngine) engine = liaison_sync_engine_new (store);
      LiaisonBenchPool pool = { 0 };

      g_ptr_array_add (stores, store);
      liaison_bench_enroll (engine, server->url, g_ptr_array_index (codes, i));
      liaison_bench_sync_once (engine, NULL);
      liaison_bench_pool_init (&pool, store);
      liaison_bench_add_receptions (store, &pool, rand, m, m);
      liaison_bench_pool_clear (&pool);
    }
  g_rand_free (rand);

  /* New engines, so that every station connects afresh, as it would
   * after ten minutes. */
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (engines, liaison_sync_engine_new (g_ptr_array_index (stores, i)));

  g_printerr ("   all of them sync at once%s\n", load_command != NULL ? ", again and again while the load runs" : "");
  liaison_bench_requests_start ();
  if (load_command != NULL)
    load_start (&load, load_command, server, data_dir);
  cpu = cpu_now (server);
  start = g_get_monotonic_time ();
  do
    {
      memset (waits, 0, n * sizeof (LiaisonBenchWait));
      for (guint i = 0; i < n; i++)
        liaison_sync_engine_sync_async (g_ptr_array_index (engines, i), NULL, liaison_bench_on_synced, &waits[i]);
      liaison_bench_wait_all (waits, n);
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
  total = liaison_bench_seconds_since (start);
  requests->recording = FALSE;
  if (load.process != NULL)
    {
      if (!g_subprocess_get_successful (load.process))
        liaison_bench_die ("the load", NULL);
      g_object_unref (load.process);
    }

  printf ("stations %u\n", n);
  printf ("stations-total %.2f\n", total);
  printf ("stations-rounds %u\n", rounds);
  print_cpu ("stations", "stations", server, &cpu);
  printf ("stations-received %u\n", received);
  printf ("stations-requests %u\n", requests->latencies->len);
  printf ("stations-p50 %.1f\n", liaison_bench_percentile (requests->latencies, 0.5));
  printf ("stations-p99 %.1f\n", liaison_bench_percentile (requests->latencies, 0.99));
  printf ("stations-max %.1f\n", liaison_bench_percentile (requests->latencies, 1.0));
  printf ("stations-push-p50 %.1f\n", liaison_bench_percentile (requests->push, 0.5));
  printf ("stations-push-p99 %.1f\n", liaison_bench_percentile (requests->push, 0.99));
  /* A station's sync that failed, or left receptions unsent or refused. */
  printf ("stations-errors %u\n", failed_syncs + rejected + short_pushes);
  printf ("stations-failed-syncs %u\n", failed_syncs);
  printf ("stations-rejected %u\n", rejected);
  printf ("stations-incomplete %u\n", short_pushes);
  printf ("stations-unanswered %u\n", requests->unanswered);
  printf ("stations-http-errors %u\n", requests->http_errors);
  printf ("stations-server-rss %" G_GUINT64_FORMAT "\n", liaison_bench_server_peak_rss (server) / 1024);

  liaison_bench_server_stop (server);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  const char *command = argc > 2 ? argv[1] : "";

  g_set_prgname ("bench-sync");
  liaison_bench_private_keys (argc > 3 ? argv[3] : NULL);
  liaison_bench_requests ();

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
