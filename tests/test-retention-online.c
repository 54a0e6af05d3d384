/* test-retention-online.c: the retention purge covers the online
 * channel's submissions (docs/privacy.md, "Retention and purge";
 * docs/online.md), over a real liaison-hq on loopback.
 *
 * Three citizens wrote to 东山联络站 online: one in 2021, accepted then
 * and its suggestion withdrawn in 2021; one in 2021, declined then; one
 * today, still pending (the station decides under a period of 30 years,
 * then headquarters sets 3). After the station's sync it purges the two old
 * ones by its own rule (no record tells it); the server, restarted,
 * purges them at start-up in place. The database files, WAL included,
 * hold neither old citizen's name, phone or community, byte for byte, at
 * the station and at the server; today's is kept whole; headquarters'
 * desk, enrolled after, receives them purged. */
#define G_LOG_DOMAIN "test-retention-online"

#include "config.h"

#include <string.h>

#include "liaison-hq-store.h"
#include "liaison-online-wire.h"
#include "liaison-retention.h"
#include "liaison-store-online.h"
#include "liaison-store-purge.h"
#include "liaison-test-hq.h"
#include "liaison-test-util.h"

typedef LiaisonTestHq Fixture;
typedef LiaisonTestReplica Replica;

/* The accepted one's citizen, then the declined one's: they must go. */
static const char *const purged_texts[] = {
  "欧阳春花", "13511112222", "杏花村社区", "司马秋月", "13533334444", "桂花苑社区",
};
/* Today's: it stays. */
#define RECENT_NAME  "上官晓雨"
#define RECENT_PHONE "13555556666"
#define RECENT_CITIZEN RECENT_NAME "|" RECENT_PHONE "|东门社区|1"

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  liaison_test_hq_init (fixture, "liaison-retention-online-XXXXXX");
  liaison_test_hq_start (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  liaison_test_hq_clear (fixture);
}

/* A citizen's submission, written by the server's own store code as the
 * public site's form writes it; @store is the server's, open while it
 * is stopped. Returns its uuid. */
static char *
add_submission (LiaisonHqStore *store,
                const char     *station,
                const char     *category,
                const char     *name,
                const char     *phone,
                const char     *community,
                const char     *submitted_at)
{
  g_autoptr(JsonObject) data = json_object_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;
  char *uuid = NULL;

  json_object_set_string_member (data, "station", station);
  json_object_set_string_member (data, "category", category);
  json_object_set_string_member (data, "title", "路灯不亮");
  json_object_set_string_member (data, "content", "东山路的路灯坏了两个月，晚上看不清路。");
  json_object_set_string_member (data, "name", name);
  json_object_set_string_member (data, "phone", phone);
  json_object_set_string_member (data, "community", community);
  json_object_set_boolean_member (data, "consent", TRUE);
  json_object_set_string_member (data, "submitted_at", submitted_at);
  code = liaison_hq_store_add_online_submission (store, station, data, &uuid, &error);
  g_assert_no_error (error);
  g_assert_nonnull (code);
  return uuid;
}

/* The database file @path and its WAL, byte for byte: no old citizen,
 * today's name there. */
static void
assert_no_trace (const char *path)
{
  for (guint i = 0; i < G_N_ELEMENTS (purged_texts); i++)
    if (liaison_test_database_holds (path, purged_texts[i]))
      g_error ("%s or its WAL still holds %s", path, purged_texts[i]);
  g_assert_true (liaison_test_database_holds (path, RECENT_NAME));
}

/* The server's database (liaison_test_hq_holds ()): hq.db and its WAL
 * byte for byte, or on PostgreSQL its rows and the row versions left in
 * their pages. */
static void
assert_no_trace_at_server (Fixture *fixture)
{
  for (guint i = 0; i < G_N_ELEMENTS (purged_texts); i++)
    if (liaison_test_hq_holds (fixture, purged_texts[i]))
      g_error ("the server's database still holds %s", purged_texts[i]);
  g_assert_true (liaison_test_hq_holds (fixture, RECENT_NAME));
}

/* Submission @uuid's citizen at @store, "name|phone|community|consent". */
static char *
citizen_at (LiaisonStore *store,
            const char   *uuid)
{
  g_autofree char *sql = g_strdup_printf ("SELECT ifnull (name, '-') || '|' || ifnull (phone, '-') || '|'"
                                          " || ifnull (community, '-') || '|' || consent"
                                          " FROM online_submissions WHERE uuid = '%s'", uuid);

  return liaison_test_query_text (store, sql);
}

static void
assert_citizen (LiaisonStore *store,
                const char   *uuid,
                const char   *expected)
{
  g_autofree char *citizen = citizen_at (store, uuid);

  g_assert_cmpstr (citizen, ==, expected);
}

/* The same at the server, from the record's data. */
static void
assert_server_citizen (Fixture    *fixture,
                       const char *uuid,
                       const char *expected)
{
  /* Written in SQL both engines take (liaison-hq-db.h): a boolean member
   * read as 0 or 1. */
  g_autofree char *sql = g_strdup_printf ("SELECT coalesce (json_extract (data, '$.name'), '-') || '|'"
                                          " || coalesce (json_extract (data, '$.phone'), '-') || '|'"
                                          " || coalesce (json_extract (data, '$.community'), '-') || '|'"
                                          " || CASE WHEN json_extract (data, '$.consent') IS NOT 0 THEN '1' ELSE '0' END"
                                          " || '|' || json_extract (data, '$.title')"
                                          " FROM records WHERE kind = 'online_submission' AND uuid = '%s'", uuid);
  g_autofree char *citizen = liaison_test_hq_text (fixture, sql);

  g_assert_cmpstr (citizen, ==, expected);
}

static void
exec_ok (LiaisonStore *store,
         const char   *sql)
{
  g_autoptr(GError) error = NULL;

  liaison_store_exec (store, sql, &error);
  g_assert_no_error (error);
}

static void
test_online (Fixture       *fixture,
             gconstpointer  data)
{
  Replica east = liaison_test_replica_new_synced_station (fixture, "east.db", "东山联络站");
  Replica hq = liaison_test_replica_new (fixture, "hq-desk.db");
  g_autofree char *east_path = g_build_filename (fixture->dir, "east.db", NULL);
  g_autofree char *hq_path = g_build_filename (fixture->dir, "hq-desk.db", NULL);
  g_autofree char *station = NULL;
  g_autofree char *category = NULL;
  g_autofree char *accepted = NULL, *declined = NULL, *recent = NULL;
  g_autofree char *reception = NULL, *suggestion = NULL;
  g_autofree char *now_text = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(LiaisonStation) local = liaison_store_get_local_station (east.store);

    station = g_strdup (local->meta.uuid);
  }
  category = liaison_test_query_text (east.store, "SELECT uuid FROM categories ORDER BY position LIMIT 1");
  now_text = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");

  liaison_test_hq_stop (fixture);
  {
    g_autoptr(LiaisonHqStore) store = liaison_hq_store_open (fixture->data_dir, &error);

    g_assert_no_error (error);
    accepted = add_submission (store, station, category, "欧阳春花", "13511112222", "杏花村社区",
                               "2021-03-04T01:30:00Z");
    declined = add_submission (store, station, category, "司马秋月", "13533334444", "桂花苑社区",
                               "2021-05-06T01:30:00Z");
    recent = add_submission (store, station, category, RECENT_NAME, RECENT_PHONE, "东门社区", now_text);
    g_clear_pointer (&store, liaison_hq_store_close);
  }
  /* A period of 30 years while the station decides: nothing is due. */
  g_free (liaison_test_hq_run (fixture, "retention set", "--years", "30", NULL));
  liaison_test_hq_start (fixture);
  liaison_test_replica_sync_clean (&east);
  assert_citizen (east.store, accepted, "欧阳春花|13511112222|杏花村社区|1");

  /* Accepted in 2021 (the reception is received when the citizen
   * wrote), its suggestion withdrawn then; declined in 2021. */
  g_assert_true (liaison_store_accept_online_submission (east.store, accepted, "陈红", &reception, &suggestion,
                                                         &error));
  g_assert_no_error (error);
  g_assert_true (liaison_store_decline_online_submission (east.store, declined, LIAISON_ONLINE_DECLINE_SPAM,
                                                          "广告", "李娜", &error));
  g_assert_no_error (error);
  /* Their days, back in 2021 as if decided then. */
  sql = g_strdup_printf ("UPDATE suggestions SET created_at = '2021-03-05T02:00:00Z' WHERE uuid = '%s';"
                         "UPDATE online_decisions SET decided_at = '2021-03-05T02:00:00Z' WHERE submission = '%s';"
                         "UPDATE online_decisions SET decided_at = '2021-05-07T02:00:00Z' WHERE submission = '%s';",
                         suggestion, accepted, declined);
  exec_ok (east.store, sql);
  {
    LiaisonLoopEvent *withdraw = liaison_test_event_new (LIAISON_LOOP_MOVE_WITHDRAW, LIAISON_LOOP_ROLE_STATION,
                                                         "陈红", g_date_time_new_utc (2021, 4, 1, 2, 0, 0));

    withdraw->reason = g_strdup ("群众来电表示问题已自行解决，申请撤回。");
    liaison_test_add_event (east.store, liaison_test_suggestion_id (east.store, suggestion), withdraw);
  }

  /* Back to 3 years: the station's sync, then its purge, by its own
   * rule. */
  g_free (liaison_test_hq_run (fixture, "retention set", "--years", "3", NULL));
  liaison_test_sync_ok (east.engine);
  assert_citizen (east.store, accepted, LIAISON_PURGED_MARKER "|-|-|0");
  assert_citizen (east.store, declined, LIAISON_PURGED_MARKER "|-|-|0");
  assert_citizen (east.store, recent, RECENT_CITIZEN);
  g_assert_cmpint (liaison_test_query_int (east.store, "SELECT count(*) FROM access_log WHERE kind = 'purge'"
                                                       " AND n_contacts = 3 AND what = '2021-03-04..2021-05-06'"),
                   ==, 1);
  {
    g_autofree char *title = NULL;
    g_autofree char *title_sql = g_strdup_printf ("SELECT title || content FROM online_submissions WHERE uuid = '%s'",
                                                  accepted);

    title = liaison_test_query_text (east.store, title_sql);
    g_assert_cmpstr (title, ==, "路灯不亮东山路的路灯坏了两个月，晚上看不清路。");
  }
  /* Running it again purges nothing more and writes no entry. */
  {
    GDate today;
    LiaisonRetentionPurged purged = { .n_receptions = 99 };

    g_date_clear (&today, 1);
    g_date_set_time_t (&today, time (NULL));
    g_assert_true (liaison_store_purge_expired (east.store, &today, &purged, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (purged.n_receptions, ==, 0);
    g_assert_cmpint (liaison_test_query_int (east.store, "SELECT count(*) FROM access_log WHERE kind = 'purge'"),
                     ==, 1);
  }
  assert_no_trace (east_path);

  /* The server holds them still, until it purges at start-up. */
  {
    g_assert_true (liaison_test_hq_holds (fixture, "13533334444"));
  }
  liaison_test_hq_stop (fixture);
  liaison_test_hq_start (fixture);
  assert_server_citizen (fixture, accepted, LIAISON_PURGED_MARKER "|-|-|0|路灯不亮");
  assert_server_citizen (fixture, declined, LIAISON_PURGED_MARKER "|-|-|0|路灯不亮");
  assert_server_citizen (fixture, recent, RECENT_CITIZEN "|路灯不亮");
  {
    g_autofree char *entry = liaison_test_hq_text (fixture, "SELECT json_extract (data, '$.n_contacts') || ' '"
                                                            " || json_extract (data, '$.what') FROM records"
                                                            " WHERE kind = 'access_log' AND origin_station IS NULL");

    g_assert_cmpstr (entry, ==, "3 2021-03-04..2021-05-06");
    g_clear_pointer (&entry, g_free);
    entry = liaison_test_hq_text (fixture, "SELECT json_extract (data, '$.reason') FROM records"
                                           " WHERE kind = 'access_log' AND origin_station IS NULL");
    g_test_message ("reason: %s", entry);
    g_assert_nonnull (strstr (entry, "; the citizens’ names, phones and communities in 2 online submissions."));
  }
  liaison_test_hq_stop (fixture);
  assert_no_trace_at_server (fixture);
  liaison_test_hq_start (fixture);

  /* The station's next sync changes nothing of it; headquarters' desk
   * receives them purged. */
  liaison_test_replica_sync_clean (&east);
  assert_citizen (east.store, recent, RECENT_CITIZEN);
  liaison_test_replica_enroll_hq (fixture, &hq, "代表工委");
  liaison_test_replica_sync_clean (&hq);
  assert_citizen (hq.store, accepted, LIAISON_PURGED_MARKER "|-|-|0");
  assert_citizen (hq.store, declined, LIAISON_PURGED_MARKER "|-|-|0");
  {
    g_autofree char *kept = citizen_at (hq.store, recent);

    g_assert_true (g_str_has_prefix (kept, RECENT_NAME "|"));
  }
  exec_ok (hq.store, "PRAGMA wal_checkpoint(TRUNCATE)");
  assert_no_trace (hq_path);

  liaison_test_replica_clear (&east);
  liaison_test_replica_clear (&hq);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/retention-online/both-ends", Fixture, NULL, fixture_set_up, test_online, fixture_tear_down);
  return g_test_run ();
}
