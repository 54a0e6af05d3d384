/* test-quarantine.c: records an older liaison-hq stored that a desk's
 * check of a pulled page refuses. Written straight into a real server's
 * SQLite file, then pulled by a headquarters desk and a station through
 * the real server on loopback: the rest of the page arrives, the bad ones
 * are set aside with their reasons, sync goes on, the next push reports
 * them and the server keeps the report. On PostgreSQL, which refuses to
 * store bytes that are not UTF-8, without that one. */
#define G_LOG_DOMAIN "test-quarantine"

#include "config.h"

#include <string.h>

#include "liaison-store-quarantine.h"
#include "liaison-store-sync.h"
#include "liaison-sync-engine.h"
#include "liaison-test-hq.h"
#include "liaison-test-pg.h"
#include "liaison-test-util.h"

typedef LiaisonTestHq Fixture;
typedef LiaisonTestReplica Replica;

#define BAD_DATE    "0badda7e-0000-4000-8000-000000000001"
#define BAD_PARTY   "0badda7e-0000-4000-8000-000000000002"
#define BAD_UTF8    "0badda7e-0000-4000-8000-000000000003"
#define GOOD_LATER  "600dda7e-0000-4000-8000-000000000004"

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  liaison_test_hq_init (fixture, "liaison-quarantine-XXXXXX");
  liaison_test_hq_start (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  liaison_test_hq_clear (fixture);
}

static void
add_reception (Replica    *replica,
               const char *summary)
{
  g_autoptr(LiaisonReception) reception = liaison_reception_new ();
  g_autoptr(GError) error = NULL;
  gint64 deputy_id = liaison_store_find_deputy (replica->store, "张伟");

  g_assert_cmpint (deputy_id, >, 0);
  g_array_append_val (reception->deputy_ids, deputy_id);
  reception->received_at = g_strdup ("2026-03-05 09:30");
  reception->channel = LIAISON_CHANNEL_WALK_IN;
  reception->category_id = liaison_store_find_category (replica->store, "urban_construction");
  reception->summary = g_strdup (summary);
  g_ptr_array_add (reception->visitors, liaison_test_make_visitor ("赵敏", "13912345678", "翠竹园社区"));
  liaison_store_save_reception (replica->store, reception, &error);
  g_assert_no_error (error);
}

static gint64
count_where (Replica    *replica,
             const char *table,
             const char *uuid)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE uuid = '%s'", table, uuid);

  return liaison_test_query_int (replica->store, sql);
}

static const LiaisonQuarantined *
find_set_aside (GPtrArray  *entries,
                const char *uuid)
{
  for (guint i = 0; i < entries->len; i++)
    {
      const LiaisonQuarantined *entry = g_ptr_array_index (entries, i);

      if (g_str_equal (entry->uuid, uuid))
        return entry;
    }
  return NULL;
}

/* What a desk must have after pulling the bad records: every good one,
 * the @n_bad bad ones aside with their reasons (BAD_UTF8 the third),
 * nothing fatal. */
static void
assert_set_aside (Replica *replica,
                  guint    n_bad)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = liaison_store_list_quarantined (replica->store, &error);
  const LiaisonQuarantined *entry;

  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, n_bad);
  g_assert_cmpuint (liaison_store_count_quarantined (replica->store), ==, n_bad);

  entry = find_set_aside (entries, BAD_DATE);
  g_assert_nonnull (entry);
  g_assert_cmpstr (entry->kind, ==, "reception");
  g_assert_cmpint (entry->version, ==, 1);
  g_assert_nonnull (strstr (entry->reason, "received_at"));
  g_assert_nonnull (strstr (entry->text, "\"received_at\":\"x\""));
  g_assert_nonnull (entry->set_aside_at);

  entry = find_set_aside (entries, BAD_PARTY);
  g_assert_nonnull (entry);
  g_assert_nonnull (strstr (entry->reason, "visitors"));
  g_assert_nonnull (strstr (entry->text, "\"party_size\":-1"));

  /* Kept as it came, the bytes that are not UTF-8 written \xNN. */
  entry = find_set_aside (entries, BAD_UTF8);
  if (n_bad == 3)
    {
      g_assert_nonnull (entry);
      g_assert_cmpstr (entry->kind, ==, "reception");
      g_assert_nonnull (strstr (entry->reason, "UTF-8"));
      g_assert_nonnull (strstr (entry->text, "路灯\\xED\\xA0\\x82坏了"));
      g_assert_true (g_utf8_validate (entry->text, -1, NULL));
    }

  g_assert_cmpint (count_where (replica, "receptions", BAD_DATE), ==, 0);
  g_assert_cmpint (count_where (replica, "receptions", BAD_PARTY), ==, 0);
  g_assert_cmpint (count_where (replica, "receptions", BAD_UTF8), ==, 0);
  g_assert_null (liaison_sync_engine_get_last_error (replica->engine));
}

static void
test_pulled_bad_records (Fixture       *fixture,
                         gconstpointer  data)
{
  Replica station, hq;
  LiaisonSyncCounts counts;
  g_autofree char *reports = NULL;
  g_autoptr(GError) error = NULL;
  /* PostgreSQL refuses to store bytes that are not UTF-8 at all. */
  gboolean utf8_only = liaison_test_pg_wanted ();
  guint n_bad = utf8_only ? 2 : 3;

  liaison_test_hq_import_roster (fixture);
  station = liaison_test_replica_new (fixture, "station.db");
  liaison_test_replica_enroll_station (fixture, &station, "相山区第一代表联络站");
  hq = liaison_test_replica_new (fixture, "hq.db");
  liaison_test_replica_enroll_hq (fixture, &hq, "代表工委张敏");
  liaison_test_sync_ok (station.engine);
  add_reception (&station, "第一条：路灯不亮");
  add_reception (&station, "第二条：路面积水");
  liaison_test_sync_ok (station.engine);

  /* What an older server accepted and stored as applied. */
  liaison_test_hq_store_copy (fixture, "第一条：路灯不亮", BAD_DATE, 1, "json_set (data, '$.received_at', 'x')");
  liaison_test_hq_store_copy (fixture, "第一条：路灯不亮", BAD_PARTY, 1,
                              "json_set (data, '$.visitors[0].party_size', -1)");
  /* "\ud802" in a pushed summary, as json-glib decoded it: ED A0 82. */
  if (!utf8_only)
    liaison_test_hq_store_copy (fixture, "第一条：路灯不亮", BAD_UTF8, 1,
                                "replace (data, '路灯不亮', CAST (X'E8B7AFE781AFEDA082E59D8FE4BA86' AS TEXT))");

  /* And a good record after them in the feed. */
  add_reception (&station, "第三条：噪音扰民");
  counts = liaison_test_sync_ok (station.engine);
  g_assert_cmpuint (counts.sent, ==, 1);
  g_assert_cmpuint (counts.set_aside, ==, n_bad);
  assert_set_aside (&station, n_bad);

  /* Headquarters' desk pulls the whole feed: the good ones all arrive. */
  counts = liaison_test_sync_ok (hq.engine);
  g_assert_cmpuint (counts.set_aside, ==, n_bad);
  assert_set_aside (&hq, n_bad);
  /* Even the one JSON cannot read came with its visitor's phone masked
   * (docs/privacy.md, "Headquarters and contacts"). */
  g_assert_cmpint (liaison_test_query_int (hq.store, "SELECT count(*) FROM pull_quarantine"
                                                     " WHERE instr (text, '13912345678') > 0"), ==, 0);
  g_assert_cmpint (liaison_test_query_int (hq.store, "SELECT count(*) FROM pull_quarantine"
                                                     " WHERE instr (text, '139****5678') > 0"), ==, n_bad);
  g_assert_cmpint (liaison_test_count_rows (hq.store, "receptions"), ==, 3);
  g_assert_cmpint (liaison_store_get_checkpoint (hq.store), ==, liaison_test_hq_feed_end (fixture));

  /* The next push reports them, once; the server keeps who and why. */
  counts = liaison_test_sync_ok (hq.engine);
  g_assert_cmpuint (counts.set_aside, ==, 0);
  g_assert_cmpint (liaison_test_query_int (hq.store, "SELECT count(*) FROM pull_quarantine"
                                                     " WHERE reported_at IS NULL"), ==, 0);
  liaison_test_sync_ok (station.engine);
  reports = liaison_test_hq_run (fixture, "reports", NULL);
  g_test_message ("%s", reports);
  g_assert_nonnull (strstr (reports, "代表工委张敏\treception\t" BAD_DATE "\t1\t"));
  g_assert_nonnull (strstr (reports, "相山区第一代表联络站\treception\t" BAD_PARTY "\t1\t"));
  g_assert_nonnull (strstr (reports, "received_at"));
  if (!utf8_only)
    {
      g_assert_nonnull (strstr (reports, "相山区第一代表联络站\treception\t" BAD_UTF8 "\t1\t"));
      g_assert_nonnull (strstr (reports, "\\xED\\xA0\\x82"));
    }
  liaison_test_sync_ok (hq.engine);
  {
    g_autofree char *again = liaison_test_hq_run (fixture, "reports", NULL);

    g_assert_cmpstr (again, ==, reports);
  }

  /* A good version of one of them, later: it replaces the one aside. */
  liaison_test_hq_store_copy (fixture, "第一条：路灯不亮", BAD_DATE, 2, "json_set (data, '$.summary', '第一条（改正）')");
  counts = liaison_test_sync_ok (hq.engine);
  g_assert_cmpuint (counts.received, ==, 1);
  g_assert_cmpuint (counts.set_aside, ==, 0);
  g_assert_cmpint (count_where (&hq, "receptions", BAD_DATE), ==, 1);
  g_assert_cmpuint (liaison_store_count_quarantined (hq.store), ==, n_bad - 1);
  {
    g_autoptr(GPtrArray) entries = liaison_store_list_quarantined (hq.store, &error);

    g_assert_no_error (error);
    g_assert_null (find_set_aside (entries, BAD_DATE));
  }
  /* Kept all the same: nothing is deleted. */
  g_assert_cmpint (count_where (&hq, "pull_quarantine", BAD_DATE), ==, 1);

  /* Automatic sync goes on. */
  liaison_sync_engine_start_automatic (station.engine, 1);
  add_reception (&station, "第四条：自动同步");
  for (guint i = 0; i < 100 && liaison_test_replica_unsynced (&station) > 0; i++)
    {
      g_usleep (50000);
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }
  g_assert_cmpuint (liaison_test_replica_unsynced (&station), ==, 0);
  liaison_sync_engine_stop_automatic (station.engine);

  liaison_test_replica_clear (&station);
  liaison_test_replica_clear (&hq);
}

/* A report goes in pieces of 20, each text cut at 64 KiB where a
 * character ends, so that it never makes a push too big; what is kept here
 * stays whole. */
static void
test_report_in_pieces (void)
{
  g_autofree char *dir = liaison_test_make_tmp_dir ("liaison-quarantine-report-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "desk.db", NULL);
  g_autoptr(LiaisonStore) store = liaison_test_open_store (path);
  g_autoptr(GString) page = g_string_new ("[");
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  LiaisonSyncCounts counts = { 0 };
  gint64 last_id = 0;
  guint reported = 0;

  liaison_test_enroll_as_hq (store);
  for (guint i = 0; i < 25; i++)
    {
      g_autofree char *uuid = g_strdup_printf ("0badda7e-0000-4000-8000-%012u", i + 1);

      /* The first one long: 40,000 characters of three bytes. */
      g_string_append_printf (page, "%s{\"kind\": \"reception\", \"uuid\": \"%s\", \"version\": 1, \"seq\": %u,"
                              " \"updated_at\": \"2026-12-04T08:00:00Z\", \"deleted\": false,"
                              " \"data\": {\"received_at\": \"x\", \"summary\": \"",
                              i > 0 ? ", " : "", uuid, i + 1);
      for (guint j = 0; i == 0 && j < 40000; j++)
        g_string_append (page, "路");
      g_string_append (page, "\"}}");
    }
  g_string_append (page, "]");
  root = json_from_string (page->str, &error);
  g_assert_no_error (error);
  g_assert_true (liaison_store_apply_pulled (store, json_node_get_array (root), 25, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.set_aside, ==, 25);

  for (guint round = 0; round < 3; round++)
    {
      g_autoptr(JsonArray) report = liaison_store_quarantine_report (store, 20, &last_id, &error);

      g_assert_no_error (error);
      if (round == 2)
        {
          g_assert_null (report);
          break;
        }
      g_assert_cmpuint (json_array_get_length (report), ==, round == 0 ? 20 : 5);
      for (guint i = 0; i < json_array_get_length (report); i++)
        {
          const char *text = json_object_get_string_member (json_array_get_object_element (report, i), "text");

          g_assert_cmpuint (strlen (text), <=, LIAISON_QUARANTINE_REPORT_TEXT_MAX);
          g_assert_true (g_utf8_validate (text, -1, NULL));
          if (round == 0 && i == 0)
            g_assert_cmpuint (strlen (text), >, LIAISON_QUARANTINE_REPORT_TEXT_MAX - 3);
        }
      reported += json_array_get_length (report);
      g_assert_true (liaison_store_mark_quarantine_reported (store, last_id, &error));
      g_assert_no_error (error);
    }
  g_assert_cmpuint (reported, ==, 25);

  /* The same page again (a checkpoint reset by enrolling anew): each kept
   * once, nothing new to report. */
  g_assert_true (liaison_store_apply_pulled (store, json_node_get_array (root), 25, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (liaison_store_count_quarantined (store), ==, 25);
  {
    g_autoptr(JsonArray) report = liaison_store_quarantine_report (store, 20, &last_id, &error);

    g_assert_no_error (error);
    g_assert_null (report);
  }
  g_assert_cmpint (liaison_test_query_int (store, "SELECT max (length (CAST (text AS BLOB))) FROM pull_quarantine"),
                   >, 120000);
  g_clear_object (&store);
  liaison_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  /* The desk's side alone: no server. */
  if (!liaison_test_pg_wanted ())
    g_test_add_func ("/quarantine/report-in-pieces", test_report_in_pieces);
  g_test_add ("/quarantine/pulled-bad-records", Fixture, NULL, fixture_set_up, test_pulled_bad_records,
              fixture_tear_down);
  return g_test_run ();
}
