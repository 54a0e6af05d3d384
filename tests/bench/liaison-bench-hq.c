/* liaison-bench-hq.c: liaison-hq and the stations' engines for the sync
 * benchmarks (liaison-bench-hq.h). */
#define G_LOG_DOMAIN "liaison-bench"

#include "config.h"

#include <libsoup/soup.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <unistd.h>

#include "liaison-bench-common.h"
#include "liaison-bench-hq.h"

#define N_DEPUTIES 30

/* The server started last, stopped by liaison_bench_die() too. */
static GSubprocess *running_server;

void
liaison_bench_die (const char   *what,
                   const GError *error)
{
  g_printerr ("%s: %s: %s\n", g_get_prgname (), what, error ? error->message : "failed");
  if (running_server != NULL)
    g_subprocess_send_signal (running_server, SIGTERM);
  exit (1);
}

double
liaison_bench_seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1e6;
}

/* liaison-hq commands */

char *
liaison_bench_run_hq (const char *hq,
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
      liaison_bench_die (g_ptr_array_index (argv, 1), error);
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
    liaison_bench_die ("write the deputies file", error);
}

char *
liaison_bench_init_hq (const char *hq,
                       const char *dir,
                       const char *database)
{
  g_autofree char *data_dir = g_build_filename (dir, "hq", NULL);
  g_autofree char *csv = g_build_filename (dir, "deputies.csv", NULL);
  g_autofree char *ignored = NULL;
  g_autofree char *ignored2 = NULL;

  write_deputies_csv (csv);
  /* The data directory names the database from then on. */
  if (database != NULL)
    ignored = liaison_bench_run_hq (hq, "init", "--data-dir", data_dir, "--database", database, NULL);
  else
    ignored = liaison_bench_run_hq (hq, "init", "--data-dir", data_dir, NULL);
  ignored2 = liaison_bench_run_hq (hq, "import", "deputies", "--data-dir", data_dir, csv, NULL);
  return g_steal_pointer (&data_dir);
}

char *
liaison_bench_add_station (const char *hq,
                           const char *data_dir,
                           const char *name)
{
  return liaison_bench_run_hq (hq, "station", "add", "--data-dir", data_dir, name,
                               "--kind", "station", "--district", "相山区", NULL);
}

/* Processes */

void
liaison_bench_die_with_parent (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

LiaisonBenchServer *
liaison_bench_server_start (const char *hq,
                            const char *data_dir,
                            const char *log_path,
                            gboolean    public)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *prefix = "listening on ";
  LiaisonBenchServer *server = g_new0 (LiaisonBenchServer, 1);

  g_ptr_array_add (argv, (gpointer) hq);
  g_ptr_array_add (argv, "serve");
  g_ptr_array_add (argv, "--data-dir");
  g_ptr_array_add (argv, (gpointer) data_dir);
  g_ptr_array_add (argv, "--listen");
  g_ptr_array_add (argv, "127.0.0.1:0");
  if (public)
    {
      g_ptr_array_add (argv, "--public-listen");
      g_ptr_array_add (argv, "127.0.0.1:0");
    }
  g_ptr_array_add (argv, NULL);

  g_subprocess_launcher_set_stderr_file_path (launcher, log_path);
  g_subprocess_launcher_set_child_setup (launcher, liaison_bench_die_with_parent, NULL, NULL);
  server->process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  if (server->process == NULL)
    liaison_bench_die ("start liaison-hq", error);
  running_server = server->process;
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (server->process));
  /* One line for each address; the public site's says so. */
  while (server->url == NULL || (public && server->public_url == NULL))
    {
      g_autofree char *line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
      char *url;

      if (line == NULL)
        liaison_bench_die ("liaison-hq did not say where it listens", error);
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

guint64
liaison_bench_pid_peak_rss (const char *pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%s/status", pid);
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents (path, &status, NULL, NULL) ||
      (line = strstr (status, "VmHWM:")) == NULL)
    return 0;
  return g_ascii_strtoull (line + strlen ("VmHWM:"), NULL, 10);
}

double
liaison_bench_pid_cpu (const char *pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%s/stat", pid);
  g_autofree char *stat = NULL;
  g_auto(GStrv) fields = NULL;
  const char *end;

  /* The fields after the command's closing parenthesis: utime and stime
   * are the 12th and 13th of them. */
  if (!g_file_get_contents (path, &stat, NULL, NULL) || (end = strrchr (stat, ')')) == NULL)
    return 0;
  fields = g_strsplit (end + 2, " ", 0);
  if (g_strv_length (fields) < 13)
    return 0;
  return (g_ascii_strtoull (fields[11], NULL, 10) + g_ascii_strtoull (fields[12], NULL, 10)) /
         (double) sysconf (_SC_CLK_TCK);
}

double
liaison_bench_pid_run_delay (const char *pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%s/task", pid);
  g_autoptr(GDir) tasks = g_dir_open (path, 0, NULL);
  const char *task;
  double seconds = 0;

  /* Each thread's schedstat: time on a core, time waiting for one (ns),
   * timeslices. */
  while (tasks != NULL && (task = g_dir_read_name (tasks)) != NULL)
    {
      g_autofree char *stat_path = g_build_filename (path, task, "schedstat", NULL);
      g_autofree char *stat = NULL;
      g_auto(GStrv) fields = NULL;

      if (!g_file_get_contents (stat_path, &stat, NULL, NULL))
        continue;
      fields = g_strsplit (g_strstrip (stat), " ", 0);
      if (g_strv_length (fields) >= 2)
        seconds += g_ascii_strtoull (fields[1], NULL, 10) / 1e9;
    }
  return seconds;
}

double
liaison_bench_own_cpu (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 + usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

guint64
liaison_bench_server_peak_rss (LiaisonBenchServer *server)
{
  return liaison_bench_pid_peak_rss (g_subprocess_get_identifier (server->process));
}

double
liaison_bench_server_cpu (LiaisonBenchServer *server)
{
  return liaison_bench_pid_cpu (g_subprocess_get_identifier (server->process));
}

void
liaison_bench_server_stop (LiaisonBenchServer *server)
{
  g_autoptr(GError) error = NULL;

  if (running_server == server->process)
    running_server = NULL;
  g_subprocess_send_signal (server->process, SIGTERM);
  if (!g_subprocess_wait (server->process, NULL, &error))
    liaison_bench_die ("wait for liaison-hq", error);
  if (!g_subprocess_get_if_exited (server->process) || g_subprocess_get_exit_status (server->process) != 0)
    g_printerr ("%s: liaison-hq did not stop cleanly\n", g_get_prgname ());
  g_object_unref (server->process);
  g_free (server->url);
  g_free (server->public_url);
  g_free (server);
}

void
liaison_bench_raise_file_limit (void)
{
  struct rlimit limit;

  if (getrlimit (RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max)
    {
      limit.rlim_cur = limit.rlim_max;
      setrlimit (RLIMIT_NOFILE, &limit);
    }
}

void
liaison_bench_private_keys (const char *dir)
{
  g_setenv ("LIAISON_NO_KEYRING", "1", TRUE);
  if (dir != NULL)
    {
      g_autofree char *config = g_build_filename (dir, "config", NULL);

      g_setenv ("XDG_CONFIG_HOME", config, TRUE);
    }
}

/* Request latencies */

static LiaisonBenchRequests requests;

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

LiaisonBenchRequests *
liaison_bench_requests (void)
{
  GTypeClass *klass;

  if (requests.started != NULL)
    return &requests;
  klass = g_type_class_ref (SOUP_TYPE_SESSION);
  requests.started = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  requests.latencies = g_array_new (FALSE, FALSE, sizeof (double));
  requests.push = g_array_new (FALSE, FALSE, sizeof (double));
  g_signal_add_emission_hook (g_signal_lookup ("request-queued", SOUP_TYPE_SESSION), 0,
                              on_request_queued, NULL, NULL);
  g_signal_add_emission_hook (g_signal_lookup ("request-unqueued", SOUP_TYPE_SESSION), 0,
                              on_request_unqueued, NULL, NULL);
  g_type_class_unref (klass);
  return &requests;
}

void
liaison_bench_requests_start (void)
{
  liaison_bench_requests ();
  g_hash_table_remove_all (requests.started);
  g_array_set_size (requests.latencies, 0);
  g_array_set_size (requests.push, 0);
  requests.unanswered = 0;
  requests.http_errors = 0;
  requests.recording = TRUE;
}

/* Engines */

void
liaison_bench_on_enrolled (GObject      *source,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  LiaisonBenchWait *wait = user_data;

  wait->ok = liaison_sync_engine_enroll_finish (LIAISON_SYNC_ENGINE (source), result, &wait->error);
  wait->finished = g_get_monotonic_time ();
  wait->done = TRUE;
}

void
liaison_bench_on_synced (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  LiaisonBenchWait *wait = user_data;

  wait->ok = liaison_sync_engine_sync_finish (LIAISON_SYNC_ENGINE (source), result, &wait->counts,
                                              &wait->error);
  wait->finished = g_get_monotonic_time ();
  wait->done = TRUE;
}

void
liaison_bench_wait_all (LiaisonBenchWait *waits,
                        guint             n)
{
  for (guint i = 0; i < n; i++)
    while (!waits[i].done)
      g_main_context_iteration (NULL, TRUE);
}

void
liaison_bench_enroll (LiaisonSyncEngine *engine,
                      const char        *url,
                      const char        *code)
{
  LiaisonBenchWait wait = { 0 };

  liaison_sync_engine_enroll_async (engine, url, code, NULL, liaison_bench_on_enrolled, &wait);
  liaison_bench_wait_all (&wait, 1);
  if (!wait.ok)
    liaison_bench_die ("enroll", wait.error);
}

double
liaison_bench_sync_once (LiaisonSyncEngine *engine,
                         LiaisonSyncCounts *counts)
{
  LiaisonBenchWait wait = { 0 };
  gint64 start = g_get_monotonic_time ();

  liaison_sync_engine_sync_async (engine, NULL, liaison_bench_on_synced, &wait);
  liaison_bench_wait_all (&wait, 1);
  if (!wait.ok)
    liaison_bench_die ("sync", wait.error);
  if (counts != NULL)
    *counts = wait.counts;
  return (wait.finished - start) / 1e6;
}

LiaisonStore *
liaison_bench_open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  LiaisonStore *store = liaison_store_open (path, &error);

  if (store == NULL)
    liaison_bench_die ("open a store", error);
  return store;
}

/* Receptions, as a clerk would save them */

void
liaison_bench_pool_init (LiaisonBenchPool *pool,
                         LiaisonStore     *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) deputies = liaison_store_list_deputies (store, NULL, &error);
  g_autoptr(GPtrArray) categories = NULL;

  if (deputies == NULL)
    liaison_bench_die ("list the deputies", error);
  pool->deputy_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < deputies->len; i++)
    g_array_append_val (pool->deputy_ids, ((LiaisonDeputy *) g_ptr_array_index (deputies, i))->meta.id);
  if (pool->deputy_ids->len < 2)
    liaison_bench_die ("the station did not receive the deputy roster", NULL);
  categories = liaison_store_list_categories (store, &error);
  if (categories == NULL)
    liaison_bench_die ("list the categories", error);
  pool->n_categories = categories->len;
}

void
liaison_bench_pool_clear (LiaisonBenchPool *pool)
{
  g_clear_pointer (&pool->deputy_ids, g_array_unref);
}

void
liaison_bench_add_receptions (LiaisonStore     *store,
                              LiaisonBenchPool *pool,
                              GRand            *rand,
                              guint             n,
                              guint             batch)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  for (guint done = 0; done < n; )
    {
      if (!liaison_store_begin (store, &error))
        liaison_bench_die ("begin", error);
      for (guint i = 0; i < batch && done < n; i++, done++)
        {
          g_autoptr(LiaisonReception) reception = liaison_bench_reception_new (rand, now, pool->deputy_ids,
                                                                               pool->n_categories);

          if (!liaison_store_save_reception (store, reception, &error))
            liaison_bench_die ("save a reception", error);
        }
      if (!liaison_store_commit (store, &error))
        liaison_bench_die ("commit", error);
    }
}
