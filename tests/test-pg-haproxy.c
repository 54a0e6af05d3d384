/* test-pg-haproxy.c: a province's headquarters as docs/scaling.md deploys
 * it, end to end on loopback (issue 15 §3): one PostgreSQL database, two
 * real `liaison-hq serve` processes on it, and a real HAProxy in front
 * of them, configured from the page's own sample (health check GET
 * /v1/hello). Stations (real engines, real SQLite files) and a
 * headquarters desk sync through the balancer in rounds, all at once,
 * each round adding receptions with Chinese text; in the middle one
 * server is killed (SIGKILL, mid-sync) and started again later on the
 * same database while the rounds go on.
 *
 * Syncs fail only while the dead server is still taken for alive; those
 * stations keep their records and send them at their next sync. In the
 * end every reception is at headquarters exactly once, at its first
 * version, with its station's text; every station holds what
 * headquarters holds of it; and the desk, which followed the feed by
 * since/last_seq through both servers all along, holds every reception
 * once: a seq committed behind a later one would have been passed by. */
#define G_LOG_DOMAIN "test-pg-haproxy"

#include "config.h"

#include <string.h>

#include "liaison-test-haproxy.h"
#include "liaison-test-hq-enrolled.h"
#include "liaison-test-hq.h"
#include "liaison-test-pg.h"
#include "liaison-test-util.h"

#define N_STATIONS 4
#define N_ROUNDS 9
#define PER_ROUND 3
/* Round KILL_ROUND kills the second server as its first push is
 * answered; it is started again before round RESTART_ROUND. */
#define KILL_ROUND 3
#define RESTART_ROUND 6
/* The sample checks every 5 s and takes 6 failures for down: 30 s for a
 * dead server. Here every 200 ms, so that the test sees the balancer take
 * the dead server out and the restarted one back within a second or so. */
#define CHECK_INTER "200ms"
/* Deadlines, not delays: on a loaded 2-core machine things take long. */
#define WAIT_SECONDS 60

typedef struct {
  char *name;
  LiaisonTestReplica replica;
} Station;

typedef struct {
  LiaisonTestHq hq[2];            /* two servers, one data directory, one database */
  GSubprocess *haproxy;
  char *haproxy_log;
  char *url;                      /* HAProxy's: the only address clients know */
  Station stations[N_STATIONS];
  LiaisonTestReplica desk;        /* a headquarters desk, following the feed */
  gboolean killed;
  guint n_failed;                 /* syncs that failed, all rounds */
} Province;

/* How many times HAProxy's log says @what ("hq2 is DOWN"). */
static guint
log_count (Province   *province,
           const char *what)
{
  g_autofree char *log = NULL;
  guint n = 0;

  if (!g_file_get_contents (province->haproxy_log, &log, NULL, NULL))
    return 0;
  for (const char *p = strstr (log, what); p != NULL; p = strstr (p + 1, what))
    n++;
  return n;
}

/* Waits until HAProxy's log says @what @n times; fails at the deadline. */
static void
wait_for_log (Province   *province,
              const char *what,
              guint       n)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;

  while (log_count (province, what) < n)
    {
      if (g_get_monotonic_time () > deadline)
        {
          g_autofree char *log = NULL;

          g_file_get_contents (province->haproxy_log, &log, NULL, NULL);
          g_error ("HAProxy did not say \"%s\" within %d s:\n%s", what, WAIT_SECONDS, log);
        }
      g_usleep (20000);
    }
}

static void
start_haproxy (Province *province)
{
  g_autoptr(GSubprocessLauncher) launcher = liaison_test_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_autofree char *scaling_md = g_build_filename (g_getenv ("LIAISON_DOCS"), "scaling.md", NULL);
  g_autofree char *first = g_strdup_printf ("127.0.0.1:%u", province->hq[0].port);
  g_autofree char *second = g_strdup_printf ("127.0.0.1:%u", province->hq[1].port);
  const char *servers[] = { first, second, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *config = NULL;
  guint port = liaison_test_free_port (&error);

  g_assert_no_error (error);
  config = liaison_test_haproxy_config (scaling_md, port, servers, CHECK_INTER, &error);
  g_assert_no_error (error);
  /* The sample's health check, its balance and its servers' options. */
  g_assert_nonnull (strstr (config, "http-check send meth GET uri /v1/hello"));
  g_assert_nonnull (strstr (config, "server hq2 127.0.0.1:"));
  g_test_message ("haproxy.cfg:\n%s", config);
  province->haproxy = liaison_test_haproxy_start (launcher, province->hq[0].dir, config, port, WAIT_SECONDS, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND) && g_getenv ("CI") == NULL)
    {
      g_test_skip (error->message);
      return;
    }
  /* In CI (CI=true) a missing haproxy fails: ./dev installs it. */
  g_assert_no_error (error);
  province->haproxy_log = g_build_filename (province->hq[0].dir, "haproxy.log", NULL);
  province->url = g_strdup_printf ("http://127.0.0.1:%u", port);
}

/* Set up: the database, both servers, HAProxy, the stations and the
 * desk, each enrolled through the balancer and synced once. */
static gboolean
province_init (Province *province)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (liaison_test_pg_wanted ());
  liaison_test_hq_init (&province->hq[0], "test-pg-haproxy-XXXXXX");
  liaison_test_hq_import_roster (&province->hq[0]);
  /* The second server: its own folder for its log, the first's data. */
  province->hq[1].dir = liaison_test_make_tmp_dir ("test-pg-haproxy-2-XXXXXX");
  province->hq[1].data_dir = g_strdup (province->hq[0].data_dir);
  province->hq[1].log_path = g_build_filename (province->hq[1].dir, "hq.log", NULL);
  liaison_test_hq_start (&province->hq[0]);
  liaison_test_hq_start (&province->hq[1]);
  start_haproxy (province);
  if (province->haproxy == NULL)
    return FALSE;

  for (guint i = 0; i < N_STATIONS; i++)
    {
      Station *station = &province->stations[i];
      g_autofree char *file = g_strdup_printf ("station-%u.db", i + 1);
      g_autofree char *code = NULL;

      station->name = g_strdup_printf ("相山区第%u代表联络站", i + 1);
      code = liaison_test_hq_station_code (&province->hq[0], station->name);
      station->replica = liaison_test_replica_new_station (&province->hq[0], file, station->name);
      g_assert_true (liaison_test_enroll (station->replica.engine, province->url, code, &error));
      g_assert_no_error (error);
      liaison_test_replica_sync_clean (&station->replica);
    }
  {
    g_autofree char *code = liaison_test_hq_user_code (&province->hq[0], "市人大常委会联络工作室");

    province->desk = liaison_test_replica_new (&province->hq[0], "desk.db");
    g_assert_true (liaison_test_enroll (province->desk.engine, province->url, code, &error));
    g_assert_no_error (error);
    liaison_test_sync_ok (province->desk.engine);
  }
  return TRUE;
}

static void
province_clear (Province *province)
{
  for (guint i = 0; i < N_STATIONS; i++)
    {
      liaison_test_replica_clear (&province->stations[i].replica);
      g_clear_pointer (&province->stations[i].name, g_free);
    }
  liaison_test_replica_clear (&province->desk);
  if (province->haproxy != NULL)
    {
      g_subprocess_force_exit (province->haproxy);
      g_subprocess_wait (province->haproxy, NULL, NULL);
      g_clear_object (&province->haproxy);
    }
  liaison_test_hq_clear (&province->hq[1]);
  liaison_test_hq_clear (&province->hq[0]);
  g_clear_pointer (&province->haproxy_log, g_free);
  g_clear_pointer (&province->url, g_free);
}

/* SIGKILL to the second server at the first push answered in the kill
 * round, while the other syncs of the round are on their way. */
static void
on_sent (GObject    *object,
         GParamSpec *pspec,
         gpointer    user_data)
{
  Province *province = user_data;
  guint sent = 0;

  g_object_get (object, "sent", &sent, NULL);
  if (province->killed || sent == 0)
    return;
  province->killed = TRUE;
  g_subprocess_force_exit (province->hq[1].server);
  g_subprocess_wait (province->hq[1].server, NULL, NULL);
}

typedef struct {
  GAsyncResult *result;
} Done;

static void
on_synced (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Done *done = user_data;

  done->result = g_object_ref (result);
}

static gboolean
tick_on (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/* One round: every station and the desk sync at once. A sync may fail
 * only when @may_fail, with a transient error; what it did not get
 * acknowledged waits at the station (check_acknowledged()). Returns how
 * many failed. */
static guint
sync_all (Province *province,
          gboolean  may_fail,
          gboolean  kill)
{
  LiaisonSyncEngine *engines[N_STATIONS + 1];
  Done done[N_STATIONS + 1] = { { NULL } };
  gulong handlers[N_STATIONS] = { 0 };
  gint64 deadline = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;
  /* Wakes the loop now and then, so that the deadline is looked at. */
  guint tick = g_timeout_add_seconds (1, tick_on, NULL);
  guint n_failed = 0;

  for (guint i = 0; i < N_STATIONS; i++)
    engines[i] = province->stations[i].replica.engine;
  engines[N_STATIONS] = province->desk.engine;
  for (guint i = 0; i < N_STATIONS && kill; i++)
    handlers[i] = g_signal_connect (engines[i], "notify::sent", G_CALLBACK (on_sent), province);
  for (guint i = 0; i <= N_STATIONS; i++)
    liaison_sync_engine_sync_async (engines[i], NULL, on_synced, &done[i]);
  for (guint i = 0; i <= N_STATIONS; i++)
    while (done[i].result == NULL)
      {
        g_assert_cmpint (g_get_monotonic_time (), <, deadline);
        g_main_context_iteration (NULL, TRUE);
      }
  g_source_remove (tick);

  for (guint i = 0; i <= N_STATIONS; i++)
    {
      g_autoptr(GError) error = NULL;
      LiaisonSyncCounts counts = { 0 };

      if (i < N_STATIONS && handlers[i] != 0)
        g_signal_handler_disconnect (engines[i], handlers[i]);
      if (liaison_sync_engine_sync_finish (engines[i], done[i].result, &counts, &error))
        g_assert_cmpuint (counts.rejected, ==, 0);
      else
        {
          if (!may_fail)
            g_error ("%s %u's sync failed with both servers up or the dead one taken out: %s",
                     i < N_STATIONS ? "station" : "the desk", i + 1, error->message);
          g_assert_true (liaison_sync_error_is_transient (error));
          n_failed++;
        }
      g_object_unref (done[i].result);
    }
  return n_failed;
}

/* Every reception a station holds as acknowledged (sync_state 0) is at
 * headquarters: what a server answered for is never lost, killed or not.
 * The others wait at the station for its next sync. */
static void
check_acknowledged (Province *province)
{
  for (guint i = 0; i < N_STATIONS; i++)
    {
      LiaisonStore *store = province->stations[i].replica.store;
      gint64 n = liaison_test_query_int (store, "SELECT count(*) FROM receptions WHERE sync_state = 0");
      g_autofree char *uuids = liaison_test_query_text (store, "SELECT coalesce (group_concat (quote (uuid), ','),"
                                                        " '') FROM receptions WHERE sync_state = 0");
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM records WHERE kind = 'reception'"
                                              " AND uuid IN (%s)", uuids);

      if (n > 0)
        g_assert_cmpint (liaison_test_hq_count (&province->hq[0], sql), ==, n);
    }
}

/* @replica's receptions, "uuid summary" lines sorted by uuid. */
static char *
station_receptions (LiaisonTestReplica *replica,
                    const char         *where)
{
  g_autofree char *sql = g_strdup_printf ("SELECT coalesce (group_concat (line, char (10)), '') FROM"
                                          " (SELECT uuid || ' ' || summary AS line FROM receptions"
                                          " WHERE NOT deleted AND %s ORDER BY uuid)", where);

  return liaison_test_query_text (replica->store, sql);
}

/* Headquarters' text of reception @uuid's @member, by a connection of
 * the test's own to the database; "" if it is not there. */
static char *
hq_member (Province   *province,
           const char *uuid,
           const char *member)
{
  g_autofree char *sql = g_strdup_printf ("SELECT json_extract (data, '$.%s') FROM records"
                                          " WHERE kind = 'reception' AND uuid = '%s'", member, uuid);

  return liaison_test_hq_text (&province->hq[0], sql);
}

static void
check_the_end (Province *province,
               guint     n_created)
{
  g_autoptr(GString) all = g_string_new (NULL);
  g_autofree char *desk_text = NULL;
  g_auto(GStrv) desk_lines = NULL;
  g_autoptr(GHashTable) expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  /* Exactly once at headquarters, none pushed again as a new version. */
  g_assert_cmpint (liaison_test_hq_count (&province->hq[0], "SELECT count(*) FROM records"
                                          " WHERE kind = 'reception'"), ==, n_created);
  g_assert_cmpint (liaison_test_hq_count (&province->hq[0], "SELECT count(*) FROM records"
                                          " WHERE kind = 'reception' AND version <> 1"), ==, 0);
  g_assert_cmpint (liaison_test_hq_count (&province->hq[0], "SELECT count(DISTINCT seq) FROM records"),
                   ==, liaison_test_hq_count (&province->hq[0], "SELECT count(*) FROM records"));

  for (guint i = 0; i < N_STATIONS; i++)
    {
      Station *station = &province->stations[i];
      g_autofree char *text = station_receptions (&station->replica, "1 = 1");
      g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
      g_autofree char *prefix = g_strdup_printf ("%s ", station->name);
      g_autoptr(LiaisonStation) local = liaison_store_get_local_station (station->replica.store);
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM records WHERE kind = 'reception'"
                                              " AND origin_station = '%s'", local->meta.uuid);

      /* What the station holds, and only that, is what it made. */
      g_assert_cmpuint (g_strv_length (lines), ==, N_ROUNDS * PER_ROUND);
      g_assert_cmpint (liaison_test_replica_distinct_receptions (&station->replica), ==, N_ROUNDS * PER_ROUND);
      g_assert_cmpuint (liaison_test_replica_unsynced (&station->replica), ==, 0);
      for (guint l = 0; lines[l] != NULL; l++)
        {
          const char *summary = strchr (lines[l], ' ') + 1;
          g_autofree char *uuid_of_line = g_strndup (lines[l], summary - 1 - lines[l]);
          g_autofree char *at_hq = hq_member (province, uuid_of_line, "summary");

          g_assert_true (g_str_has_prefix (summary, prefix));
          /* Headquarters holds the same text, once (above). */
          g_assert_cmpstr (at_hq, ==, summary);
          g_assert_true (g_hash_table_insert (expected, g_strdup (uuid_of_line), g_strdup (summary)));
        }
      /* And headquarters holds no more of this station than it does. */
      g_assert_cmpint (liaison_test_hq_count (&province->hq[0], sql), ==, N_ROUNDS * PER_ROUND);
    }
  g_assert_cmpuint (g_hash_table_size (expected), ==, n_created);

  /* The desk followed the feed through both servers: every reception,
   * once, the same. */
  desk_text = station_receptions (&province->desk, "1 = 1");
  desk_lines = g_strsplit (desk_text, "\n", -1);
  g_assert_cmpuint (g_strv_length (desk_lines), ==, n_created);
  g_assert_cmpint (liaison_test_replica_distinct_receptions (&province->desk), ==, n_created);
  for (guint l = 0; desk_lines[l] != NULL; l++)
    {
      const char *summary = strchr (desk_lines[l], ' ') + 1;
      g_autofree char *uuid = g_strndup (desk_lines[l], summary - 1 - desk_lines[l]);

      g_assert_cmpstr (g_hash_table_lookup (expected, uuid), ==, summary);
    }
}

static void
test_balanced_servers (void)
{
  Province province = { 0 };
  guint n_created = 0, n_kill_failed = 0;
  guint port;

  if (!province_init (&province))
    {
      province_clear (&province);
      return;
    }

  for (guint round = 0; round < N_ROUNDS; round++)
    {
      guint n_failed;

      if (round == RESTART_ROUND)
        {
          /* Same data, same port: HAProxy knows it by its address. */
          port = province.hq[1].port;
          g_clear_object (&province.hq[1].server_out);
          g_clear_object (&province.hq[1].server);
          liaison_test_hq_start (&province.hq[1]);
          g_assert_cmpuint (province.hq[1].port, ==, port);
          /* Its health check passes again: back in the balance. */
          wait_for_log (&province, "liaison_hq/hq2 is UP", 1);
        }
      for (guint i = 0; i < N_STATIONS; i++)
        {
          g_autofree char *prefix = g_strdup_printf ("%s 第%u轮", province.stations[i].name, round + 1);

          liaison_test_add_receptions (province.stations[i].replica.store, PER_ROUND, prefix);
          n_created += PER_ROUND;
        }
      /* A sync may fail only from the kill until HAProxy has taken the
       * dead server out. */
      n_failed = sync_all (&province, round == KILL_ROUND, round == KILL_ROUND);
      province.n_failed += n_failed;
      check_acknowledged (&province);
      if (round == KILL_ROUND)
        {
          g_assert_true (province.killed);
          n_kill_failed = n_failed;
          g_test_message ("%u of %u syncs failed as the server was killed", n_failed, N_STATIONS + 1);
          /* Its health check fails: HAProxy sends no one there. */
          wait_for_log (&province, "liaison_hq/hq2 is DOWN", 1);
        }
    }
  /* The kill was felt, and those syncs' records came with the next. */
  g_assert_cmpuint (n_kill_failed, >, 0);

  /* A last clean sync of everyone, then the comparison. */
  for (guint i = 0; i < N_STATIONS; i++)
    liaison_test_replica_sync_clean (&province.stations[i].replica);
  liaison_test_sync_ok (province.desk.engine);
  check_the_end (&province, n_created);
  {
    g_autofree char *log = NULL;

    g_file_get_contents (province.haproxy_log, &log, NULL, NULL);
    g_test_message ("%u syncs failed in all; haproxy.log:\n%s", province.n_failed, log);
  }
  province_clear (&province);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/pg/haproxy/balanced-servers", test_balanced_servers);
  return g_test_run ();
}
