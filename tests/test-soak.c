/* test-soak.c: syncing through faults. Three stations and a headquarters
 * desk sync with a real liaison-hq through a loopback proxy that cuts a
 * share of the connections at random byte offsets; then each syncs once
 * straight to the server, and every replica must match the server's
 * records: the same records at the same versions, nothing lost, nothing
 * duplicated, nothing pending, every database whole. With headquarters
 * on PostgreSQL, the server's records are copied into an SQLite file of
 * the test's to be compared the same way.
 *
 * LIAISON_SOAK_ROUNDS (30), LIAISON_SOAK_CUT (0.25) and LIAISON_SOAK_SEED
 * (random, printed) set the run; ./dev soak runs it longer.
 */
#define G_LOG_DOMAIN "test-soak"

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "liaison-store-private.h"
#include "liaison-store-sync.h"
#include "liaison-sync-engine.h"
#include "liaison-test-hq.h"
#include "liaison-test-pg.h"
#include "liaison-test-proxy.h"
#include "liaison-test-util.h"

#define N_STATIONS 3

typedef LiaisonTestReplica Replica;

typedef struct {
  Replica     replica;
  char       *uuid;          /* the station's */
  GHashTable *receptions;    /* uuid -> summary as last saved here */
  GHashTable *suggestions;   /* uuid -> title as last saved here */
  GArray     *suggestion_ids;
} Station;

static guint
env_uint (const char *name,
          guint       fallback)
{
  const char *text = g_getenv (name);

  return text != NULL && *text != '\0' ? (guint) g_ascii_strtoull (text, NULL, 10) : fallback;
}

static void
set_server_url (Replica    *replica,
                const char *url)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (liaison_store_set_setting (replica->store, "server_url", url, &error));
  g_assert_no_error (error);
}

/* A few receptions, a new suggestion or an edit of one, as a clerk's
 * morning might bring. */
static void
log_work (Station *station,
          GRand   *rand,
          guint    round)
{
  LiaisonStore *store = station->replica.store;
  gint64 deputy_id = liaison_store_find_deputy (store, "张伟");
  gint64 category_id = liaison_store_find_category (store, "urban_construction");
  guint n = (guint) g_rand_int_range (rand, 1, 4);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (deputy_id, >, 0);
  g_assert_cmpint (category_id, >, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LiaisonReception) reception = liaison_reception_new ();

      reception->received_at = g_strdup_printf ("2026-03-%02u %02u:%02u", 1 + round % 28, 8 + i, round % 60);
      reception->channel = LIAISON_CHANNEL_WALK_IN;
      reception->category_id = category_id;
      reception->summary = g_strdup_printf ("第%u轮第%u件：翠竹园小区路灯不亮", round, i);
      g_array_append_val (reception->deputy_ids, deputy_id);
      g_ptr_array_add (reception->visitors, liaison_test_make_visitor ("赵敏", "13912345678", "翠竹园社区"));
      g_assert_true (liaison_store_save_reception (store, reception, &error));
      g_assert_no_error (error);
      g_hash_table_insert (station->receptions, g_strdup (reception->meta.uuid), g_strdup (reception->summary));
    }

  if (station->suggestion_ids->len == 0 || g_rand_boolean (rand))
    {
      g_autoptr(LiaisonSuggestion) suggestion = liaison_suggestion_new ();

      suggestion->kind = LIAISON_LOOP_KIND_PUBLIC_OPINION;
      suggestion->category_id = category_id;
      suggestion->title = g_strdup_printf ("第%u轮：金色家园小区积水", round);
      suggestion->content = g_strdup ("雨后道路积水严重，希望尽快疏通排水管网。");
      suggestion->raised_by = g_strdup ("赵敏");
      g_assert_true (liaison_store_save_suggestion (store, suggestion, &error));
      g_assert_no_error (error);
      g_array_append_val (station->suggestion_ids, suggestion->meta.id);
      g_hash_table_insert (station->suggestions, g_strdup (suggestion->meta.uuid), g_strdup (suggestion->title));
    }
  else
    {
      gint64 id = g_array_index (station->suggestion_ids, gint64,
                                 g_rand_int_range (rand, 0, (gint32) station->suggestion_ids->len));
      g_autoptr(LiaisonSuggestion) suggestion = liaison_store_get_suggestion (store, id, &error);

      g_assert_no_error (error);
      g_free (suggestion->title);
      suggestion->title = g_strdup_printf ("第%u轮改：金色家园小区积水", round);
      g_assert_true (liaison_store_save_suggestion (store, suggestion, &error));
      g_assert_no_error (error);
      g_hash_table_insert (station->suggestions, g_strdup (suggestion->meta.uuid), g_strdup (suggestion->title));
    }
}

/* A sync through the proxy: an error is expected now and then, and
 * nothing else is asserted. */
static gboolean
sync_through_faults (Replica *replica)
{
  g_autoptr(GError) error = NULL;
  LiaisonSyncCounts counts = { 0 };

  return liaison_test_sync (replica->engine, &counts, &error);
}

static gint64
query_int (LiaisonStore *store,
           const char   *format,
           ...) G_GNUC_PRINTF (2, 3);

static gint64
query_int (LiaisonStore *store,
           const char   *format,
           ...)
{
  g_autofree char *sql = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  return liaison_test_query_int (store, sql);
}

/* @table's rows against the server's records of @kind: the same uuids,
 * versions, deletions and @field (@column here); for a station only its
 * own (@station_uuid), for the desk all. None twice, none pending. */
static void
assert_matches_server (LiaisonStore *store,
                       const char   *table,
                       const char   *kind,
                       const char   *column,
                       const char   *field,
                       const char   *station_uuid,
                       GHashTable   *expected)
{
  g_autofree char *hq_filter = station_uuid != NULL
    ? g_strdup_printf ("AND json_extract(h.data, '$.station') = '%s'", station_uuid) : g_strdup ("");

  g_assert_cmpint (query_int (store, "SELECT count(*) FROM %s WHERE sync_state <> 0", table), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) - count(DISTINCT uuid) FROM %s", table), ==, 0);
  /* Every row here is the server's, at its version. */
  g_assert_cmpint (query_int (store,
                              "SELECT count(*) FROM %s r LEFT JOIN hq.records h ON h.kind = '%s' AND h.uuid = r.uuid"
                              " WHERE h.uuid IS NULL OR h.version <> r.version OR h.deleted <> r.deleted"
                              " OR json_extract(h.data, '$.%s') IS NOT r.%s",
                              table, kind, field, column), ==, 0);
  /* Every server record meant for this replica is here. */
  g_assert_cmpint (query_int (store,
                              "SELECT count(*) FROM hq.records h WHERE h.kind = '%s' %s"
                              " AND NOT EXISTS (SELECT 1 FROM %s r WHERE r.uuid = h.uuid)",
                              kind, hq_filter, table), ==, 0);
  if (expected != NULL)
    {
      GHashTableIter iter;
      gpointer uuid, text;

      /* Nothing a clerk saved was lost, and the last save won. */
      g_assert_cmpint (query_int (store, "SELECT count(*) FROM hq.records h WHERE h.kind = '%s' %s", kind, hq_filter),
                       ==, g_hash_table_size (expected));
      g_hash_table_iter_init (&iter, expected);
      while (g_hash_table_iter_next (&iter, &uuid, &text))
        {
          /* The texts are this test's own, without quotes. */
          g_assert_null (strchr (text, '\''));
          g_assert_cmpint (query_int (store, "SELECT count(*) FROM %s WHERE uuid = '%s' AND %s = '%s' AND NOT deleted",
                                      table, (const char *) uuid, column, (const char *) text), ==, 1);
        }
    }
}

static void
assert_whole (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static void
attach_server (LiaisonStore *store,
               const char   *hq_db)
{
  g_autofree char *sql = g_strdup_printf ("ATTACH DATABASE '%s' AS hq", hq_db);
  g_autoptr(GError) error = NULL;

  g_assert_null (strchr (hq_db, '\''));
  g_assert_true (liaison_store_exec (store, sql, &error));
  g_assert_no_error (error);
}

/* The server's records where a store can ATTACH them: hq.db itself, or
 * on PostgreSQL a copy of its records table, read through headquarters'
 * own interface into an SQLite file of the test's. */
static char *
server_records (LiaisonTestHq *hq)
{
  g_autofree char *copy = g_build_filename (hq->dir, "hq-records.db", NULL);
  g_autoptr(LiaisonHqDb) db = NULL;
  g_autoptr(LiaisonHqStmt) rows = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *out = NULL;
  sqlite3_stmt *put = NULL;
  LiaisonHqDbStep step;

  if (!liaison_test_pg_wanted ())
    return g_build_filename (hq->data_dir, "hq.db", NULL);
  db = liaison_test_hq_open_db (hq);
  rows = liaison_hq_db_prepare (db, "SELECT kind, uuid, version, deleted, data FROM records", "records", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (copy, &out), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (out, "CREATE TABLE records (kind TEXT, uuid TEXT, version INTEGER,"
                                      " deleted INTEGER, data TEXT); BEGIN", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (out, "INSERT INTO records VALUES (?1, ?2, ?3, ?4, ?5)", -1, &put, NULL),
                   ==, SQLITE_OK);
  while ((step = liaison_hq_stmt_step (rows)) == LIAISON_HQ_DB_ROW)
    {
      sqlite3_bind_text (put, 1, liaison_hq_stmt_column_text (rows, 0), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (put, 2, liaison_hq_stmt_column_text (rows, 1), -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (put, 3, liaison_hq_stmt_column_int64 (rows, 2));
      sqlite3_bind_int64 (put, 4, liaison_hq_stmt_column_int64 (rows, 3));
      sqlite3_bind_text (put, 5, liaison_hq_stmt_column_text (rows, 4), -1, SQLITE_TRANSIENT);
      g_assert_cmpint (sqlite3_step (put), ==, SQLITE_DONE);
      sqlite3_reset (put);
    }
  g_assert_cmpint (step, ==, LIAISON_HQ_DB_DONE);
  sqlite3_finalize (put);
  g_assert_cmpint (sqlite3_exec (out, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (out);
  return g_steal_pointer (&copy);
}

static void
test_soak (void)
{
  guint rounds = env_uint ("LIAISON_SOAK_ROUNDS", 30);
  double cut = g_ascii_strtod (g_getenv ("LIAISON_SOAK_CUT") ? g_getenv ("LIAISON_SOAK_CUT") : "0.25", NULL);
  guint32 seed = g_getenv ("LIAISON_SOAK_SEED") ? env_uint ("LIAISON_SOAK_SEED", 0) : g_random_int ();
  LiaisonTestHq hq = { 0 };
  Station stations[N_STATIONS];
  Replica desk;
  LiaisonTestProxy *proxy;
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed ^ 0x5eed);
  g_autofree char *hq_db = NULL;
  guint failed_syncs = 0, syncs = 0;
  guint round;

  g_test_message ("soak: %u rounds, cut %.2f, seed %u (LIAISON_SOAK_SEED=%u replays it)", rounds, cut, seed, seed);
  liaison_test_hq_init (&hq, "liaison-soak-XXXXXX");
  liaison_test_hq_start (&hq);
  liaison_test_hq_import_roster (&hq);
  proxy = liaison_test_proxy_start (hq.port);
  liaison_test_proxy_cut_randomly (proxy, cut, seed);

  for (guint s = 0; s < N_STATIONS; s++)
    {
      g_autofree char *file = g_strdup_printf ("station-%u.db", s);
      g_autofree char *name = g_strdup_printf ("相山区第%u代表联络站", s + 1);

      stations[s].replica = liaison_test_replica_new (&hq, file);
      liaison_test_replica_enroll_station (&hq, &stations[s].replica, name);
      stations[s].uuid = liaison_test_local_station_uuid (stations[s].replica.store);
      stations[s].receptions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      stations[s].suggestions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      stations[s].suggestion_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      liaison_test_sync_ok (stations[s].replica.engine);
      set_server_url (&stations[s].replica, liaison_test_proxy_get_url (proxy));
    }
  desk = liaison_test_replica_new (&hq, "desk.db");
  liaison_test_replica_enroll_hq (&hq, &desk, "总部办公室");
  set_server_url (&desk, liaison_test_proxy_get_url (proxy));

  /* The faults must have happened for the run to prove anything. Whether
   * a connection is cut, and where, is drawn at random, and a short run
   * (the pg suite's 10 rounds) may draw no cut that its connections reach:
   * it goes on a round at a time until one is cut, four times its rounds
   * at the most. */
  for (round = 0; round < rounds || (cut > 0 && liaison_test_proxy_get_cuts (proxy) == 0 && round < 4 * rounds); round++)
    {
      for (guint s = 0; s < N_STATIONS; s++)
        {
          log_work (&stations[s], rand, round);
          syncs++;
          if (!sync_through_faults (&stations[s].replica))
            failed_syncs++;
        }
      syncs++;
      if (!sync_through_faults (&desk))
        failed_syncs++;
    }
  g_test_message ("soak: %u rounds run; %u of %u syncs failed; the proxy cut %u of %u connections",
                  round, failed_syncs, syncs, liaison_test_proxy_get_cuts (proxy),
                  liaison_test_proxy_get_connections (proxy));
  if (cut > 0 && rounds >= 10)
    g_assert_cmpuint (liaison_test_proxy_get_cuts (proxy), >, 0);

  /* Once straight to the server: everything settles. */
  for (guint s = 0; s < N_STATIONS; s++)
    {
      set_server_url (&stations[s].replica, hq.url);
      liaison_test_sync_ok (stations[s].replica.engine);
      g_assert_cmpuint (liaison_test_replica_unsynced (&stations[s].replica), ==, 0);
    }
  set_server_url (&desk, hq.url);
  liaison_test_sync_ok (desk.engine);
  g_assert_cmpuint (liaison_test_replica_unsynced (&desk), ==, 0);
  g_clear_pointer (&proxy, liaison_test_proxy_free);
  liaison_test_hq_stop (&hq);

  hq_db = server_records (&hq);
  assert_whole (hq_db);
  for (guint s = 0; s < N_STATIONS; s++)
    {
      LiaisonStore *store = stations[s].replica.store;

      attach_server (store, hq_db);
      assert_matches_server (store, "receptions", "reception", "summary", "summary",
                             stations[s].uuid, stations[s].receptions);
      assert_matches_server (store, "suggestions", "suggestion", "title", "title",
                             stations[s].uuid, stations[s].suggestions);
      g_assert_true (liaison_store_exec (store, "DETACH DATABASE hq", NULL));
      assert_whole (liaison_store_get_path (store));
    }
  attach_server (desk.store, hq_db);
  assert_matches_server (desk.store, "receptions", "reception", "summary", "summary", NULL, NULL);
  assert_matches_server (desk.store, "suggestions", "suggestion", "title", "title", NULL, NULL);
  {
    guint expected = 0;

    for (guint s = 0; s < N_STATIONS; s++)
      expected += g_hash_table_size (stations[s].receptions);
    g_assert_cmpint (query_int (desk.store, "SELECT count(*) FROM receptions"), ==, expected);
  }
  g_assert_true (liaison_store_exec (desk.store, "DETACH DATABASE hq", NULL));
  assert_whole (liaison_store_get_path (desk.store));

  for (guint s = 0; s < N_STATIONS; s++)
    {
      liaison_test_replica_clear (&stations[s].replica);
      g_free (stations[s].uuid);
      g_hash_table_unref (stations[s].receptions);
      g_hash_table_unref (stations[s].suggestions);
      g_array_unref (stations[s].suggestion_ids);
    }
  liaison_test_replica_clear (&desk);
  liaison_test_hq_clear (&hq);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *config = NULL;
  int status;

  /* Keys go to a file in a folder of our own, never a real keyring. */
  config = liaison_test_private_keys ("liaison-soak-config-XXXXXX");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/soak/cut-connections", test_soak);
  status = g_test_run ();
  liaison_test_remove_tree (config);
  return status;
}
