/* test-pg-feed.c: headquarters' change feed on PostgreSQL stays gap-free
 * under concurrency (docs/sync-protocol.md, "Several servers"): pushers
 * and pullers at once, each with a store of its own on one database, as
 * several liaison-hq processes would be. Every puller, following the feed
 * by since/last_seq as a station does, ends with every change, none
 * missing and none twice. Without the write lock the pushers' seqs
 * collide, and a late commit would be passed by. */
#define G_LOG_DOMAIN "test-pg-feed"

#include "config.h"

#include "liaison-hq-store.h"
#include "liaison-protocol.h"
#include "liaison-test-pg.h"
#include "liaison-test-util.h"

#define STATION "5a7e0000-0000-4000-8000-000000000001"
#define N_PUSHERS 4
#define N_PULLERS 2
#define N_BATCHES 20
#define BATCH 3

static const LiaisonHqToken station_token = {
  .id = (char *) "5a7e0001", .role = LIAISON_HQ_ROLE_STATION,
  .station_uuid = (char *) STATION, .name = (char *) "相山区东山街道人大代表联络站",
};
static const LiaisonHqToken hq_token = {
  .id = (char *) "00000001", .role = LIAISON_HQ_ROLE_HQ, .name = (char *) "市人大常委会",
};

typedef struct {
  char         *data_dir;
  gint          pushing;      /* pushers still at work */
  GHashTable   *seen[N_PULLERS];
} Shared;

static LiaisonHqStore *
open_store (Shared *shared)
{
  g_autoptr(GError) error = NULL;
  LiaisonHqStore *store = liaison_hq_store_open (shared->data_dir, &error);

  g_assert_no_error (error);
  return store;
}

static JsonArray *
batch_of_receptions (void)
{
  JsonArray *records = json_array_new ();

  for (guint i = 0; i < BATCH; i++)
    {
      g_autofree char *uuid = g_uuid_string_random ();
      g_autofree char *text = g_strdup_printf (
        "{\"kind\":\"reception\",\"uuid\":\"%s\",\"version\":1,\"updated_at\":\"2026-12-04T18:58:17Z\","
        "\"origin_station\":\"" STATION "\",\"deleted\":false,\"base_version\":0,\"data\":{"
        "\"category\":\"6c1a7e00-0000-4000-8000-000000000003\",\"channel\":\"mobile_desk\",\"deputies\":[],"
        "\"handled_on_spot\":false,\"handling\":\"已记录。\",\"received_at\":\"2026-02-05 17:06\","
        "\"station\":\"" STATION "\",\"summary\":\"门口交通拥堵\",\"visitors\":[]}}", uuid);
      g_autoptr(JsonNode) node = json_from_string (text, NULL);

      g_assert_nonnull (node);
      json_array_add_element (records, g_steal_pointer (&node));
    }
  return records;
}

static gpointer
push_thread (gpointer data)
{
  Shared *shared = data;
  g_autoptr(LiaisonHqStore) store = open_store (shared);

  for (guint b = 0; b < N_BATCHES; b++)
    {
      g_autoptr(JsonArray) records = batch_of_receptions ();
      g_autoptr(JsonArray) results = NULL;
      g_autoptr(GError) error = NULL;
      guint n_applied = 0;

      results = liaison_hq_store_push (store, &station_token, records, &n_applied, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (n_applied, ==, BATCH);
    }
  g_atomic_int_add (&shared->pushing, -1);
  return NULL;
}

/* Pulls from @since to the feed's end, a small page at a time, adding
 * each change's uuid to @seen (none twice); returns the new since. */
static gint64
pull_to_end (LiaisonHqStore *store,
             gint64          since,
             GHashTable     *seen)
{
  gboolean more = TRUE;

  while (more)
    {
      g_autoptr(GError) error = NULL;
      guint n_changes = 0, n_skipped = 0;
      g_autofree char *page = liaison_hq_store_pull (store, &hq_token, since, 7, NULL, &n_changes, &n_skipped,
                                                     &error);
      g_autoptr(JsonNode) root = NULL;
      JsonArray *changes;

      g_assert_no_error (error);
      root = json_from_string (page, NULL);
      changes = json_object_get_array_member (json_node_get_object (root), "changes");
      for (guint i = 0; i < json_array_get_length (changes); i++)
        {
          JsonObject *change = json_array_get_object_element (changes, i);
          const char *uuid = json_object_get_string_member (change, "uuid");

          g_assert_cmpint (json_object_get_int_member (change, "seq"), >, since);
          g_assert_false (g_hash_table_contains (seen, uuid));
          g_hash_table_add (seen, g_strdup (uuid));
        }
      since = json_object_get_int_member (json_node_get_object (root), "last_seq");
      more = json_object_get_boolean_member (json_node_get_object (root), "more");
    }
  return since;
}

typedef struct {
  Shared *shared;
  guint   index;
} Puller;

static gpointer
pull_thread (gpointer data)
{
  Puller *puller = data;
  g_autoptr(LiaisonHqStore) store = open_store (puller->shared);
  gint64 since = 0;

  /* Following the feed while it grows; once the pushers are done, once
   * more to its end. */
  while (g_atomic_int_get (&puller->shared->pushing) > 0)
    since = pull_to_end (store, since, puller->shared->seen[puller->index]);
  pull_to_end (store, since, puller->shared->seen[puller->index]);
  return NULL;
}

static void
test_concurrent_feed (void)
{
  g_autofree char *dir = liaison_test_make_tmp_dir ("test-pg-feed-XXXXXX");
  g_autofree char *database = liaison_test_pg_new_database ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) station = json_from_string ("{\"name\": \"相山区东山街道人大代表联络站\", \"kind\": \"station\","
                                                  " \"district\": \"相山区\"}", NULL);
  Shared shared = { .data_dir = g_build_filename (dir, "hq", NULL), .pushing = N_PUSHERS };
  GThread *pushers[N_PUSHERS];
  GThread *pullers[N_PULLERS];
  Puller puller_data[N_PULLERS];
  gint64 n_records = 0, last_seq = 0;

  {
    g_autoptr(LiaisonHqStore) store = liaison_hq_store_create_in (shared.data_dir, database, &error);

    g_assert_no_error (error);
    g_assert_true (liaison_hq_store_begin (store, &error));
    g_assert_true (liaison_hq_store_save_record (store, LIAISON_KIND_STATION, STATION, NULL,
                                                 json_node_get_object (station), NULL, NULL, &error));
    g_assert_true (liaison_hq_store_commit (store, &error));
    g_assert_no_error (error);
  }

  for (guint i = 0; i < N_PULLERS; i++)
    {
      shared.seen[i] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      puller_data[i] = (Puller) { &shared, i };
      pullers[i] = g_thread_new ("puller", pull_thread, &puller_data[i]);
    }
  for (guint i = 0; i < N_PUSHERS; i++)
    pushers[i] = g_thread_new ("pusher", push_thread, &shared);
  for (guint i = 0; i < N_PUSHERS; i++)
    g_thread_join (pushers[i]);
  for (guint i = 0; i < N_PULLERS; i++)
    g_thread_join (pullers[i]);

  {
    g_autoptr(LiaisonHqStore) store = open_store (&shared);

    g_assert_true (liaison_hq_store_feed_stats (store, &n_records, &last_seq, &error));
    g_assert_no_error (error);
  }
  /* Every change, once: the seeds, the station and every reception. */
  g_assert_cmpint (n_records, >=, N_PUSHERS * N_BATCHES * BATCH);
  for (guint i = 0; i < N_PULLERS; i++)
    {
      g_assert_cmpint (g_hash_table_size (shared.seen[i]), ==, n_records);
      g_hash_table_unref (shared.seen[i]);
    }
  liaison_test_remove_tree (dir);
  g_free (shared.data_dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/pg/concurrent-feed", test_concurrent_feed);
  return g_test_run ();
}
