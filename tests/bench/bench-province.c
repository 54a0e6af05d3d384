/* bench-province.c: a province's stations syncing at once, for
 * tests/bench/run (docs/scaling.md).
 *
 *   bench-province run HQ DIR N M WORKERS SERVERS [DATABASE]
 *       N stations push M receptions each, all at once, to SERVERS
 *       `liaison-hq serve` (behind HAProxy when more than one) on the
 *       SQLite data directory DIR/hq, or on DATABASE (postgresql://…);
 *       the stations' engines run in WORKERS processes
 *   bench-province worker URL DIR FIRST COUNT M
 *       one of those processes (run starts them): stations FIRST to
 *       FIRST + COUNT - 1 of DIR/codes.txt enroll at URL and save M
 *       receptions each; it says "ready", waits for "go" on its stdin,
 *       then syncs them all at once and prints what it saw
 *
 * HQ is the liaison-hq program; DIR an empty working directory. The
 * enrollment codes are made straight in headquarters' store, in one
 * transaction (one `liaison-hq station add` a station would start 4,300
 * processes). Every station pulls every station's record (they are
 * headquarters' records), so that 4,300 first syncs would move 4,300²
 * records: one more station, the seed, enrolls and syncs first, and each
 * station starts as a copy of its file, then enrolls with its own code.
 * Enrolled at the same server as a station, the copy keeps the seed's
 * checkpoint, so its first sync pulls only what is newer; it then holds
 * what its own first sync would have given it. Prints "KEY VALUE" lines
 * on stdout; progress goes to stderr.
 */
#define G_LOG_DOMAIN "bench-province"

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "liaison-bench-common.h"
#include "liaison-bench-hq.h"
#include "liaison-hq-station.h"
#include "liaison-hq-store.h"
#include "liaison-test-haproxy.h"
#include "liaison-wire-schema.h"

/* How many stations of a worker enroll at once while setting up. */
#define ENROLL_WINDOW 32

/* The worker */

static char *
station_path (const char *dir,
              guint       i)
{
  g_autofree char *name = g_strdup_printf ("station-%05u.db", i + 1);

  return g_build_filename (dir, "stations", name, NULL);
}

/* Enrolls @n stations at once and brings each its roster. */
static void
enroll_window (GPtrArray  *stores,
               guint       first,
               guint       n,
               char      **codes,
               const char *url)
{
  g_autofree LiaisonBenchWait *waits = g_new0 (LiaisonBenchWait, n);
  g_autoptr(GPtrArray) engines = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      LiaisonSyncEngine *engine = liaison_sync_engine_new (g_ptr_array_index (stores, first + i));

      g_ptr_array_add (engines, engine);
      liaison_sync_engine_enroll_async (engine, url, codes[i], NULL, liaison_bench_on_enrolled, &waits[i]);
    }
  liaison_bench_wait_all (waits, n);
  for (guint i = 0; i < n; i++)
    if (!waits[i].ok)
      liaison_bench_die ("enroll", waits[i].error);
  memset (waits, 0, n * sizeof (LiaisonBenchWait));
  for (guint i = 0; i < n; i++)
    liaison_sync_engine_sync_async (g_ptr_array_index (engines, i), NULL, liaison_bench_on_synced, &waits[i]);
  liaison_bench_wait_all (waits, n);
  for (guint i = 0; i < n; i++)
    if (!waits[i].ok)
      liaison_bench_die ("the first sync", waits[i].error);
}

static int
cmd_worker (const char *url,
            const char *dir,
            guint       first,
            guint       count,
            guint       m)
{
  g_autofree char *codes_path = g_build_filename (dir, "codes.txt", NULL);
  g_autofree char *template = g_build_filename (dir, "template.db", NULL);
  g_autofree char *codes_text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) stores = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) engines = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree LiaisonBenchWait *waits = g_new0 (LiaisonBenchWait, count);
  g_auto(GStrv) codes = NULL;
  g_autoptr(GFile) template_file = NULL;
  LiaisonBenchRequests *requests = liaison_bench_requests ();
  GRand *rand = g_rand_new_with_seed (4 + first);
  char line[16];
  double cpu, waited;
  gint64 last = 0;
  guint failed = 0, rejected = 0, short_pushes = 0;

  liaison_bench_raise_file_limit ();
  if (!g_file_get_contents (codes_path, &codes_text, NULL, &error))
    liaison_bench_die ("read the codes", error);
  codes = g_strsplit (codes_text, "\n", -1);
  if (g_strv_length (codes) < first + count)
    liaison_bench_die ("fewer codes than stations", NULL);

  template_file = g_file_new_for_path (template);
  for (guint i = 0; i < count; i++)
    {
      g_autofree char *path = station_path (dir, first + i);
      g_autoptr(GFile) file = g_file_new_for_path (path);

      if (!g_file_copy (template_file, file, G_FILE_COPY_NONE, NULL, NULL, NULL, &error))
        liaison_bench_die ("copy the empty station file", error);
      g_ptr_array_add (stores, liaison_bench_open_store (path));
    }
  for (guint i = 0; i < count; i += ENROLL_WINDOW)
    enroll_window (stores, i, MIN (ENROLL_WINDOW, count - i), codes + first + i, url);
  for (guint i = 0; i < count; i++)
    {
      LiaisonBenchPool pool = { 0 };

      liaison_bench_pool_init (&pool, g_ptr_array_index (stores, i));
      liaison_bench_add_receptions (g_ptr_array_index (stores, i), &pool, rand, m, m);
      liaison_bench_pool_clear (&pool);
    }
  g_rand_free (rand);
  /* New engines, so that every station connects afresh, as it would
   * after ten minutes. */
  for (guint i = 0; i < count; i++)
    g_ptr_array_add (engines, liaison_sync_engine_new (g_ptr_array_index (stores, i)));

  printf ("ready\n");
  fflush (stdout);
  if (fgets (line, sizeof line, stdin) == NULL || !g_str_has_prefix (line, "go"))
    liaison_bench_die ("no go", NULL);

  liaison_bench_requests_start ();
  cpu = liaison_bench_own_cpu ();
  waited = liaison_bench_pid_run_delay ("self");
  for (guint i = 0; i < count; i++)
    liaison_sync_engine_sync_async (g_ptr_array_index (engines, i), NULL, liaison_bench_on_synced, &waits[i]);
  liaison_bench_wait_all (waits, count);
  cpu = liaison_bench_own_cpu () - cpu;
  waited = liaison_bench_pid_run_delay ("self") - waited;
  requests->recording = FALSE;

  for (guint i = 0; i < count; i++)
    {
      last = MAX (last, waits[i].finished);
      if (!waits[i].ok)
        {
          if (failed == 0)
            g_printerr ("bench-province: a sync failed: %s\n", waits[i].error->message);
          failed++;
          g_clear_error (&waits[i].error);
          continue;
        }
      rejected += waits[i].counts.rejected;
      if (waits[i].counts.sent != m)
        short_pushes++;
    }
  printf ("finished %" G_GINT64_FORMAT "\n", last);
  printf ("cpu %.2f\n", cpu);
  printf ("waited %.2f\n", waited);
  printf ("failed-syncs %u\n", failed);
  printf ("rejected %u\n", rejected);
  printf ("incomplete %u\n", short_pushes);
  printf ("unanswered %u\n", requests->unanswered);
  printf ("http-errors %u\n", requests->http_errors);
  printf ("peak-rss %" G_GUINT64_FORMAT "\n", liaison_bench_pid_peak_rss ("self"));
  for (guint i = 0; i < requests->latencies->len; i++)
    printf ("latency %.2f\n", g_array_index (requests->latencies, double, i));
  for (guint i = 0; i < requests->push->len; i++)
    printf ("push %.2f\n", g_array_index (requests->push, double, i));
  return 0;
}

/* The run */

/* Adds @n stations at headquarters with an enrollment code each, in one
 * transaction, and writes the codes to @codes_path, one a line; the
 * last is the seed's (see the top of this file). */
static void
add_stations (const char *data_dir,
              guint       n,
              const char *codes_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonHqStore) store = liaison_hq_store_open (data_dir, &error);
  g_autoptr(GString) codes = g_string_new (NULL);

  if (store == NULL || !liaison_hq_store_begin (store, &error))
    liaison_bench_die ("open headquarters' store", error);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("第%u代表联络站", i + 1);
      g_autofree char *uuid = g_uuid_string_random ();
      g_autofree char *code = NULL;
      JsonObject *data = json_object_new ();

      json_object_set_string_member (data, "name", name);
      liaison_hq_station_set (data, "station", "相山区", NULL);
      /* A station is its own origin. */
      if (!liaison_hq_store_save_record (store, LIAISON_KIND_STATION, uuid, uuid, data, NULL, NULL, &error) ||
          (code = liaison_hq_store_add_code (store, LIAISON_HQ_ROLE_STATION, uuid, name, &error)) == NULL)
        liaison_bench_die ("add a station", error);
      g_string_append_printf (codes, "%s\n", code);
    }
  if (!liaison_hq_store_commit (store, &error))
    liaison_bench_die ("commit the stations", error);
  liaison_hq_store_close (store);
  if (!g_file_set_contents (codes_path, codes->str, codes->len, &error))
    liaison_bench_die ("write the codes", error);
}

/* HAProxy on a free loopback port in front of @servers, configured from
 * docs/scaling.md's sample (tests/liaison-test-haproxy.c); its address. */
static char *
balancer_start (const char   *dir,
                GPtrArray    *servers,
                GSubprocess **process)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_autoptr(GPtrArray) addresses = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *config = NULL;
  g_autoptr(GError) error = NULL;
  guint port = liaison_test_free_port (&error);

  if (port == 0)
    liaison_bench_die ("find a free port", error);
  for (guint i = 0; i < servers->len; i++)
    {
      LiaisonBenchServer *server = g_ptr_array_index (servers, i);
      const char *address = server->url + strlen ("http://");

      g_ptr_array_add (addresses, g_strndup (address, strcspn (address, "/")));
    }
  g_ptr_array_add (addresses, NULL);
  config = liaison_test_haproxy_config (LIAISON_SCALING_MD, port, (const char * const *) addresses->pdata, NULL,
                                        &error);
  if (config == NULL)
    liaison_bench_die ("make haproxy.cfg", error);
  g_subprocess_launcher_set_child_setup (launcher, liaison_bench_die_with_parent, NULL, NULL);
  *process = liaison_test_haproxy_start (launcher, dir, config, port, 10, &error);
  if (*process == NULL)
    liaison_bench_die ("start haproxy", error);
  g_printerr ("   haproxy listening on 127.0.0.1:%u (pid %s)\n", port, g_subprocess_get_identifier (*process));
  return g_strdup_printf ("http://127.0.0.1:%u", port);
}

/* The seed: station @n + 1 enrolled and synced once at @template, which
 * every station copies. */
static void
seed (const char *template,
      const char *url,
      const char *codes_path,
      guint       n)
{
  g_autofree char *codes_text = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) codes = NULL;
  LiaisonStore *store;
  LiaisonSyncEngine *engine;

  if (!g_file_get_contents (codes_path, &codes_text, NULL, &error))
    liaison_bench_die ("read the codes", error);
  codes = g_strsplit (codes_text, "\n", -1);
  g_printerr ("   the seed station enrolls and takes the %u stations, the roster and the categories\n", n + 1);
  store = liaison_bench_open_store (template);
  engine = liaison_sync_engine_new (store);
  liaison_bench_enroll (engine, url, codes[n]);
  liaison_bench_sync_once (engine, NULL);
  /* Closed, its WAL folded in: the file is whole. */
  g_object_unref (engine);
  g_object_unref (store);
}

/* CPU seconds of the PostgreSQL cluster whose data directory is
 * $LIAISON_BENCH_PG_DATA (its postmaster and the postmaster's children),
 * and the seconds their threads waited for a core; FALSE without one. */
static gboolean
postgres_cpu (double *cpu,
              double *waited)
{
  const char *data = g_getenv ("LIAISON_BENCH_PG_DATA");
  g_autofree char *pid_path = NULL;
  g_autofree char *pid_text = NULL;
  g_autoptr(GDir) proc = NULL;
  const char *name;
  gint64 postmaster;

  if (data == NULL || *data == '\0')
    return FALSE;
  pid_path = g_build_filename (data, "postmaster.pid", NULL);
  if (!g_file_get_contents (pid_path, &pid_text, NULL, NULL) ||
      (postmaster = g_ascii_strtoll (pid_text, NULL, 10)) <= 0 ||
      (proc = g_dir_open ("/proc", 0, NULL)) == NULL)
    return FALSE;
  *cpu = *waited = 0;
  while ((name = g_dir_read_name (proc)) != NULL)
    {
      g_autofree char *stat_path = g_strdup_printf ("/proc/%s/stat", name);
      g_autofree char *stat = NULL;
      const char *end;

      if (!g_ascii_isdigit (*name) || !g_file_get_contents (stat_path, &stat, NULL, NULL) ||
          (end = strrchr (stat, ')')) == NULL)
        continue;
      /* ") S PPID …" */
      if (g_ascii_strtoll (name, NULL, 10) != postmaster && g_ascii_strtoll (end + 4, NULL, 10) != postmaster)
        continue;
      *cpu += liaison_bench_pid_cpu (name);
      *waited += liaison_bench_pid_run_delay (name);
    }
  return TRUE;
}

typedef struct {
  GSubprocess *process;
  GDataInputStream *out;
} Worker;

static Worker *
worker_start (const char *self,
              const char *url,
              const char *dir,
              guint       first,
              guint       count,
              guint       m)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                                                       G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GError) error = NULL;
  g_autofree char *first_text = g_strdup_printf ("%u", first);
  g_autofree char *count_text = g_strdup_printf ("%u", count);
  g_autofree char *m_text = g_strdup_printf ("%u", m);
  Worker *worker = g_new0 (Worker, 1);

  g_subprocess_launcher_set_child_setup (launcher, liaison_bench_die_with_parent, NULL, NULL);
  worker->process = g_subprocess_launcher_spawn (launcher, &error, self, "worker", url, dir,
                                                 first_text, count_text, m_text, NULL);
  if (worker->process == NULL)
    liaison_bench_die ("start a worker", error);
  worker->out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (worker->process));
  return worker;
}

static char *
worker_read_line (Worker *worker)
{
  g_autoptr(GError) error = NULL;
  char *line = g_data_input_stream_read_line_utf8 (worker->out, NULL, NULL, &error);

  if (line == NULL && error != NULL)
    liaison_bench_die ("read a worker's output", error);
  return line;
}

/* What the workers saw, summed. */
typedef struct {
  gint64 finished;
  double cpu;
  double waited;       /* for a core */
  guint64 peak_rss;    /* the biggest worker's, kB */
  guint counts[5];     /* failed-syncs, rejected, incomplete, unanswered, http-errors */
  GArray *latencies;
  GArray *push;
} Seen;

static const char *count_keys[] = { "failed-syncs", "rejected", "incomplete", "unanswered", "http-errors" };

static void
seen_add (Seen       *seen,
          const char *line)
{
  const char *space = strchr (line, ' ');
  g_autofree char *key = NULL;
  const char *value;
  double number;

  if (space == NULL)
    return;
  key = g_strndup (line, space - line);
  value = space + 1;
  number = g_ascii_strtod (value, NULL);
  if (g_str_equal (key, "latency"))
    g_array_append_val (seen->latencies, number);
  else if (g_str_equal (key, "push"))
    g_array_append_val (seen->push, number);
  else if (g_str_equal (key, "finished"))
    seen->finished = MAX (seen->finished, g_ascii_strtoll (value, NULL, 10));
  else if (g_str_equal (key, "cpu"))
    seen->cpu += number;
  else if (g_str_equal (key, "waited"))
    seen->waited += number;
  else if (g_str_equal (key, "peak-rss"))
    seen->peak_rss = MAX (seen->peak_rss, g_ascii_strtoull (value, NULL, 10));
  else
    for (guint i = 0; i < G_N_ELEMENTS (count_keys); i++)
      if (g_str_equal (key, count_keys[i]))
        seen->counts[i] += (guint) number;
}

static int
cmd_run (const char *self,
         const char *hq,
         const char *dir,
         guint       n,
         guint       m,
         guint       n_workers,
         guint       n_servers,
         const char *database)
{
  g_autofree char *data_dir = liaison_bench_init_hq (hq, dir, database);
  g_autofree char *codes_path = g_build_filename (dir, "codes.txt", NULL);
  g_autofree char *template = g_build_filename (dir, "template.db", NULL);
  g_autofree char *stations_dir = g_build_filename (dir, "stations", NULL);
  g_autoptr(GPtrArray) servers = g_ptr_array_new ();
  g_autoptr(GPtrArray) workers = g_ptr_array_new ();
  g_autofree double *server_cpu = g_new0 (double, n_servers);
  g_autofree double *server_waited = g_new0 (double, n_servers);
  g_autofree char *url = NULL;
  GSubprocess *balancer = NULL;
  Seen seen = { 0 };
  double balancer_cpu = 0, setup_seconds, pg_cpu = 0, pg_waited = 0, pg_cpu_end, pg_waited_end;
  gint64 start;

  if (n_servers > 1 && database == NULL)
    liaison_bench_die ("several servers need a shared database (postgresql://…)", NULL);

  start = g_get_monotonic_time ();
  g_printerr ("   adding %u stations at headquarters, each with its code, in one transaction\n", n);
  add_stations (data_dir, n + 1, codes_path);
  g_mkdir_with_parents (stations_dir, 0700);

  for (guint i = 0; i < n_servers; i++)
    {
      g_autofree char *name = g_strdup_printf ("hq-%u.log", i + 1);
      g_autofree char *log = g_build_filename (dir, name, NULL);

      g_ptr_array_add (servers, liaison_bench_server_start (hq, data_dir, log, FALSE));
    }
  if (n_servers > 1)
    url = balancer_start (dir, servers, &balancer);
  else
    url = g_strdup (((LiaisonBenchServer *) g_ptr_array_index (servers, 0))->url);
  seed (template, url, codes_path, n);

  g_printerr ("   %u workers enroll %u stations and save %u receptions at each\n", n_workers, n, m);
  for (guint w = 0, first = 0; w < n_workers; w++)
    {
      guint count = n / n_workers + (w < n % n_workers ? 1 : 0);

      g_ptr_array_add (workers, worker_start (self, url, dir, first, count, m));
      first += count;
    }
  for (guint w = 0; w < n_workers; w++)
    {
      g_autofree char *line = worker_read_line (g_ptr_array_index (workers, w));

      if (line == NULL || !g_str_equal (line, "ready"))
        liaison_bench_die ("a worker did not get ready", NULL);
    }
  setup_seconds = liaison_bench_seconds_since (start);

  g_printerr ("   all %u stations sync at once\n", n);
  seen.latencies = g_array_new (FALSE, FALSE, sizeof (double));
  seen.push = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint i = 0; i < n_servers; i++)
    {
      LiaisonBenchServer *server = g_ptr_array_index (servers, i);

      server_cpu[i] = liaison_bench_server_cpu (server);
      server_waited[i] = liaison_bench_pid_run_delay (g_subprocess_get_identifier (server->process));
    }
  if (balancer != NULL)
    balancer_cpu = liaison_bench_pid_cpu (g_subprocess_get_identifier (balancer));
  postgres_cpu (&pg_cpu, &pg_waited);
  start = g_get_monotonic_time ();
  for (guint w = 0; w < n_workers; w++)
    {
      Worker *worker = g_ptr_array_index (workers, w);
      GOutputStream *in = g_subprocess_get_stdin_pipe (worker->process);

      if (!g_output_stream_write_all (in, "go\n", 3, NULL, NULL, NULL))
        liaison_bench_die ("tell a worker to go", NULL);
    }
  for (guint w = 0; w < n_workers; w++)
    {
      Worker *worker = g_ptr_array_index (workers, w);
      char *line;

      while ((line = worker_read_line (worker)) != NULL)
        {
          seen_add (&seen, line);
          g_free (line);
        }
      if (!g_subprocess_wait_check (worker->process, NULL, NULL))
        liaison_bench_die ("a worker failed", NULL);
      g_object_unref (worker->out);
      g_object_unref (worker->process);
      g_free (worker);
    }

  if (postgres_cpu (&pg_cpu_end, &pg_waited_end))
    {
      printf ("cpu-postgres %.2f\n", pg_cpu_end - pg_cpu);
      printf ("waited-postgres %.2f\n", pg_waited_end - pg_waited);
    }
  printf ("stations %u\n", n);
  printf ("records %u\n", n * m);
  printf ("workers %u\n", n_workers);
  printf ("servers %u\n", n_servers);
  printf ("setup-seconds %.1f\n", setup_seconds);
  printf ("total %.2f\n", (seen.finished - start) / 1e6);
  printf ("requests %u\n", seen.latencies->len);
  printf ("p50 %.1f\n", liaison_bench_percentile (seen.latencies, 0.5));
  printf ("p99 %.1f\n", liaison_bench_percentile (seen.latencies, 0.99));
  printf ("max %.1f\n", liaison_bench_percentile (seen.latencies, 1.0));
  printf ("push-p50 %.1f\n", liaison_bench_percentile (seen.push, 0.5));
  printf ("push-p99 %.1f\n", liaison_bench_percentile (seen.push, 0.99));
  printf ("errors %u\n", seen.counts[0] + seen.counts[1] + seen.counts[2]);
  for (guint i = 0; i < G_N_ELEMENTS (count_keys); i++)
    printf ("%s %u\n", count_keys[i], seen.counts[i]);
  printf ("cpu-stations %.2f\n", seen.cpu);
  printf ("waited-stations %.2f\n", seen.waited);
  printf ("worker-peak-rss %" G_GUINT64_FORMAT "\n", seen.peak_rss / 1024);
  for (guint i = 0; i < n_servers; i++)
    {
      LiaisonBenchServer *server = g_ptr_array_index (servers, i);

      printf ("cpu-hq-%u %.2f\n", i + 1, liaison_bench_server_cpu (server) - server_cpu[i]);
      printf ("waited-hq-%u %.2f\n", i + 1,
              liaison_bench_pid_run_delay (g_subprocess_get_identifier (server->process)) - server_waited[i]);
      printf ("hq-%u-peak-rss %" G_GUINT64_FORMAT "\n", i + 1, liaison_bench_server_peak_rss (server) / 1024);
    }
  if (balancer != NULL)
    {
      const char *pid = g_subprocess_get_identifier (balancer);

      printf ("cpu-balancer %.2f\n", liaison_bench_pid_cpu (pid) - balancer_cpu);
      printf ("balancer-peak-rss %" G_GUINT64_FORMAT "\n", liaison_bench_pid_peak_rss (pid) / 1024);
      g_subprocess_force_exit (balancer);
      g_subprocess_wait (balancer, NULL, NULL);
      g_object_unref (balancer);
    }
  for (guint i = 0; i < n_servers; i++)
    liaison_bench_server_stop (g_ptr_array_index (servers, i));
  g_array_unref (seen.latencies);
  g_array_unref (seen.push);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  const char *command = argc > 2 ? argv[1] : "";

  g_set_prgname ("bench-province");
  liaison_bench_private_keys (argc > 3 ? argv[3] : NULL);
  if (g_str_equal (command, "run") && (argc == 8 || argc == 9))
    return cmd_run (argv[0], argv[2], argv[3], atoi (argv[4]), atoi (argv[5]), MAX (atoi (argv[6]), 1),
                    MAX (atoi (argv[7]), 1), argc == 9 ? argv[8] : NULL);
  if (g_str_equal (command, "worker") && argc == 7)
    return cmd_worker (argv[2], argv[3], atoi (argv[4]), atoi (argv[5]), atoi (argv[6]));

  g_printerr ("usage: bench-province run HQ DIR N M WORKERS SERVERS [DATABASE]"
              " | worker URL DIR FIRST COUNT M\n");
  return 2;
}
