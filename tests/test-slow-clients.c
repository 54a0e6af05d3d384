/* test-slow-clients.c: slowhttptest's slow headers and slow body against a
 * real liaison-hq on loopback, for a bounded minute at most, while a
 * station syncs: the sync completes, and the server closes the slow
 * connections (liaison-hq-deadline.h) instead of keeping them, and their
 * file descriptors, for as long as the attacker likes.
 *
 * Skipped when slowhttptest (Debian package slowhttptest) is missing.
 */
#define G_LOG_DOMAIN "test-slow-clients"

#include "config.h"

#include <string.h>

#include "liaison-test-hq.h"
#include "liaison-test-util.h"

/* What each of the two attacks keeps open. */
#define SLOW_CONNECTIONS 250
/* Longer than the server's deadline (20 s) and its slack. */
#define ATTACK_SECONDS   45

static GSubprocess *
attack (LiaisonTestHq *hq,
        const char    *mode,
        const char    *path,
        guint          count)
{
  g_autofree char *url = g_strdup_printf ("%s%s", hq->url, path);
  g_autofree char *connections = g_strdup_printf ("%u", count);
  g_autofree char *seconds = g_strdup_printf ("%d", ATTACK_SECONDS);
  g_autoptr(GError) error = NULL;
  GSubprocess *process;

  /* -i 5: a header line or a few body bytes every 5 s, as slowly as the
   * tool goes by default and faster than the server's idle time. */
  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error,
                              "slowhttptest", mode, "-c", connections, "-r", "200", "-i", "5",
                              "-l", seconds, "-s", "8192", "-p", "3", "-u", url, NULL);
  g_assert_no_error (error);
  return process;
}

static guint
count_fds (GSubprocess *server)
{
  g_autofree char *path = g_strdup_printf ("/proc/%s/fd", g_subprocess_get_identifier (server));
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static void
wait_seconds (guint seconds)
{
  gint64 until = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < until)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (100 * 1000);
    }
}

/* A sync over a connection of its own: a new engine, as after the app is
 * started, so no kept-alive connection from before the attack helps. */
static void
sync_afresh (LiaisonTestHq      *hq,
             LiaisonTestReplica *station)
{
  liaison_test_replica_clear (station);
  *station = liaison_test_replica_new (hq, "station.db");
  liaison_test_sync_ok (station->engine);
}

static void
test_slow_clients (void)
{
  g_autofree char *tool = g_find_program_in_path ("slowhttptest");
  LiaisonTestHq hq = { 0 };
  LiaisonTestReplica station;
  g_autoptr(GSubprocess) headers = NULL;
  g_autoptr(GSubprocess) body = NULL;
  g_autoptr(GTimer) timer = NULL;
  g_autofree char *log = NULL;
  guint idle_fds, busy_fds, late_fds;

  if (tool == NULL)
    {
      g_test_skip ("slowhttptest is not installed (Debian package slowhttptest)");
      return;
    }
  liaison_test_hq_init (&hq, "liaison-slow-XXXXXX");
  liaison_test_hq_start (&hq);
  liaison_test_hq_import_roster (&hq);
  station = liaison_test_replica_new (&hq, "station.db");
  liaison_test_replica_enroll_station (&hq, &station, "相山区第一代表联络站");
  liaison_test_sync_ok (station.engine);
  idle_fds = count_fds (hq.server);

  headers = attack (&hq, "-H", "/v1/hello", SLOW_CONNECTIONS);
  body = attack (&hq, "-B", "/v1/push", SLOW_CONNECTIONS);
  wait_seconds (4);
  busy_fds = count_fds (hq.server);
  g_test_message ("liaison-hq holds %u file descriptors idle, %u under attack", idle_fds, busy_fds);
  /* The attack is on: it holds connections. */
  g_assert_cmpuint (busy_fds, >, idle_fds + SLOW_CONNECTIONS / 2);

  /* A station's sync still goes through, and quickly. */
  timer = g_timer_new ();
  sync_afresh (&hq, &station);
  g_test_message ("a sync under attack took %.1f s", g_timer_elapsed (timer, NULL));
  g_assert_cmpfloat (g_timer_elapsed (timer, NULL), <, 15.0);

  /* Past the deadline, the slow connections are closed while the tool
   * still runs: the server no longer holds them. */
  wait_seconds (30);
  late_fds = count_fds (hq.server);
  g_test_message ("liaison-hq holds %u file descriptors after 34 s of it", late_fds);
  g_assert_cmpuint (late_fds, <, idle_fds + SLOW_CONNECTIONS / 5);
  g_assert_true (g_subprocess_get_identifier (hq.server) != NULL);

  g_subprocess_force_exit (headers);
  g_subprocess_force_exit (body);
  g_subprocess_wait (headers, NULL, NULL);
  g_subprocess_wait (body, NULL, NULL);
  liaison_test_sync_ok (station.engine);

  g_assert_true (g_file_get_contents (hq.log_path, &log, NULL, NULL));
  g_assert_nonnull (strstr (log, "sent its request too slowly"));

  liaison_test_replica_clear (&station);
  liaison_test_hq_clear (&hq);
}

/* A server whose process may open only FEW_FDS files, under twice as
 * many slow connections: it must close the slowest waiting ones rather than
 * run out, or a station's connection is never accepted. */
#define FEW_FDS 128

static void
test_few_file_descriptors (void)
{
  g_autofree char *tool = g_find_program_in_path ("slowhttptest");
  LiaisonTestHq hq = { 0 };
  LiaisonTestReplica station;
  g_autoptr(GSubprocess) headers = NULL;
  g_autoptr(GSubprocess) body = NULL;
  g_autoptr(GTimer) timer = NULL;
  g_autofree char *log = NULL;

  if (tool == NULL)
    {
      g_test_skip ("slowhttptest is not installed (Debian package slowhttptest)");
      return;
    }
  liaison_test_hq_init (&hq, "liaison-slow-fds-XXXXXX");
  hq.fd_limit = FEW_FDS;
  liaison_test_hq_start (&hq);
  liaison_test_hq_import_roster (&hq);
  station = liaison_test_replica_new (&hq, "station.db");
  liaison_test_replica_enroll_station (&hq, &station, "相山区第一代表联络站");
  liaison_test_sync_ok (station.engine);

  headers = attack (&hq, "-H", "/v1/hello", 2 * FEW_FDS);
  body = attack (&hq, "-B", "/v1/push", 2 * FEW_FDS);
  wait_seconds (4);
  /* Never more than the limit: the server keeps room for its own files. */
  g_assert_cmpuint (count_fds (hq.server), <=, FEW_FDS);

  /* Several syncs in a row go through while the attack holds on. */
  timer = g_timer_new ();
  for (guint i = 0; i < 3; i++)
    {
      sync_afresh (&hq, &station);
      wait_seconds (1);
    }
  g_test_message ("three syncs under attack with %u file descriptors took %.1f s",
                  FEW_FDS, g_timer_elapsed (timer, NULL));
  g_assert_cmpfloat (g_timer_elapsed (timer, NULL), <, 20.0);

  g_subprocess_force_exit (headers);
  g_subprocess_force_exit (body);
  g_subprocess_wait (headers, NULL, NULL);
  g_subprocess_wait (body, NULL, NULL);
  liaison_test_sync_ok (station.engine);

  g_assert_true (g_file_get_contents (hq.log_path, &log, NULL, NULL));
  g_assert_nonnull (strstr (log, "to make room for new ones"));

  liaison_test_replica_clear (&station);
  liaison_test_hq_clear (&hq);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *config = NULL;
  int status;

  /* Keys go to a file in a folder of our own, never a real keyring. */
  config = liaison_test_private_keys ("liaison-slow-config-XXXXXX");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/slow-clients/headers-and-body", test_slow_clients);
  g_test_add_func ("/slow-clients/few-file-descriptors", test_few_file_descriptors);
  status = g_test_run ();
  liaison_test_remove_tree (config);
  return status;
}
