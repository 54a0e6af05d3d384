/* test-retention.c: the retention purge (docs/privacy.md, "Retention and
 * purge"; issue 13, section 4) at both ends, over a real liaison-hq on
 * loopback.
 *
 * 东山联络站 received four parties: A (2021, its suggestion withdrawn in
 * 2021) and D (2022, no suggestion) are past the 3 years; B (2021, its
 * suggestion still open) and C (received today) are not. After a sync the
 * station purges A and D; the server, restarted, purges them at start-up
 * and sends a purge record for each; headquarters' desk receives them
 * purged. The database files, WAL included, hold none of A's and D's
 * names, phones or communities, byte for byte, at the station and at the
 * server; B's and C's are untouched; the dashboard's and the follow-up
 * figures are the same before and after; the purge's access log entries
 * reach headquarters. A later push of A with its names is kept purged by
 * the server. And a purge record alone purges a reception the desk's own
 * rule would keep. And what a purge removed, said in English and zh_CN,
 * also by `liaison sync`.
 */
#define G_LOG_DOMAIN "test-retention"

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "liaison-locale.h"
#include "liaison-loop-rules.h"
#include "liaison-purge-wire.h"
#include "liaison-retention.h"
#include "liaison-store-access-log.h"
#include "liaison-store-dashboard.h"
#include "liaison-store-desk.h"
#include "liaison-store-duty.h"
#include "liaison-store-loop.h"
#include "liaison-store-private.h"
#include "liaison-store-purge.h"
#include "liaison-store-sync.h"
#include "liaison-test-hq.h"
#include "liaison-test-util.h"

/* What test_both_ends's purge removed, as both ends' access logs say. */
#define BOTH_ENDS_REASON \
  "Retention period of 3 years ended. Removed: the names, phones and communities of 3 visitors (2 receptions);" \
  " the name of who raised 1 suggestion. The receptions, suggestions and submissions themselves are kept."

typedef LiaisonTestHq Fixture;
typedef LiaisonTestReplica Replica;

/* What must go (A and D) and what must stay (B and C). */
static const char *const purged_texts[] = {
  "13812345678", "王秀英", "翠竹园社区", "0561-3331456", "李建国", "青石街社区", "13600002222", "周杰", "梧桐巷社区",
};
static const char *const kept_texts[] = { "13912345678", "赵敏", "13700001111", "孙丽" };

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  liaison_test_hq_init (fixture, "liaison-retention-XXXXXX");
  liaison_test_hq_start (fixture);
  liaison_test_hq_import_roster (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  liaison_test_hq_clear (fixture);
}

static void
sync_ok (Replica *replica)
{
  LiaisonSyncCounts counts = liaison_test_sync_ok (replica->engine);

  g_assert_cmpuint (counts.rejected, ==, 0);
}

static GDate
today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  return date;
}

static gint64
add_reception (LiaisonStore *store,
               const char   *received_at,
               LiaisonVisitor *first,
               LiaisonVisitor *second)
{
  g_autoptr(LiaisonReception) reception = liaison_reception_new ();
  g_autoptr(GError) error = NULL;
  gint64 deputy_id = liaison_store_find_deputy (store, "张伟");
  gboolean saved;

  if (deputy_id == 0)
    deputy_id = liaison_test_add_deputy (store, "张伟", LIAISON_DEPUTY_LEVEL_CITY);
  g_array_append_val (reception->deputy_ids, deputy_id);
  reception->received_at = g_strdup (received_at);
  reception->channel = LIAISON_CHANNEL_WALK_IN;
  reception->category_id = liaison_store_find_category (store, "urban_construction");
  reception->summary = g_strdup ("小区道路积水，请求修缮");
  first->party_size = 3;
  g_ptr_array_add (reception->visitors, first);
  if (second != NULL)
    g_ptr_array_add (reception->visitors, second);
  saved = liaison_store_save_reception (store, reception, &error);
  g_assert_no_error (error);
  g_assert_true (saved);
  return reception->meta.id;
}

/* A citizen's suggestion under reception @reception_id, raised by @by on
 * @created_at. */
static gint64
add_suggestion (LiaisonStore *store,
                gint64        reception_id,
                const char   *by,
                const char   *created_at)
{
  g_autoptr(LiaisonSuggestion) suggestion = liaison_suggestion_new ();
  g_autoptr(GError) error = NULL;

  suggestion->kind = LIAISON_LOOP_KIND_PUBLIC_OPINION;
  suggestion->category_id = liaison_store_find_category (store, "urban_construction");
  suggestion->reception_id = reception_id;
  suggestion->title = g_strdup ("修缮小区道路");
  suggestion->content = g_strdup ("雨后积水严重");
  suggestion->raised_by = g_strdup (by);
  suggestion->created_at = g_strdup (created_at);
  g_assert_true (liaison_store_save_suggestion (store, suggestion, &error));
  g_assert_no_error (error);
  return suggestion->meta.id;
}

/* The dashboard's figures from 2020 to today and the follow-up figures,
 * as one text, so that before and after compare whole. */
static char *
figures_text (LiaisonStore *store)
{
  g_autoptr(GError) error = NULL;
  GDate to = today ();
  GDate from;
  LiaisonFiguresTable table = { 0 };
  LiaisonFigures figures = { 0 };
  GString *text = g_string_new (NULL);

  g_date_clear (&from, 1);
  g_date_set_dmy (&from, 1, 1, 2020);
  g_assert_true (liaison_store_compute_figures_table (store, &from, &to, &to, 0, &table, &error));
  g_assert_no_error (error);
  g_string_append_printf (text, "total %u receptions %u visitors;", table.total.receptions, table.total.visitors);
  for (gsize i = 0; i < sizeof table.total.figures; i++)
    g_string_append_printf (text, "%02x", ((const guint8 *) &table.total.figures)[i]);
  for (guint by = 0; by < LIAISON_N_FIGURES_BY; by++)
    {
      g_autoptr(GList) keys = g_list_sort (g_hash_table_get_keys (table.by[by]), (GCompareFunc) g_strcmp0);

      for (GList *l = keys; l != NULL; l = l->next)
        {
          const LiaisonFiguresCell *cell = g_hash_table_lookup (table.by[by], l->data);

          g_string_append_printf (text, "\n%u %s: %u %u ", by, (const char *) l->data,
                                  cell->receptions, cell->visitors);
          for (gsize i = 0; i < sizeof cell->figures; i++)
            g_string_append_printf (text, "%02x", ((const guint8 *) &cell->figures)[i]);
        }
    }
  liaison_figures_table_clear (&table);
  g_assert_true (liaison_store_compute_figures (store, NULL, NULL, &to, &figures, &error));
  g_assert_no_error (error);
  g_string_append (text, "\nfollow-up ");
  for (gsize i = 0; i < sizeof figures; i++)
    g_string_append_printf (text, "%02x", ((const guint8 *) &figures)[i]);
  g_string_append_printf (text, "\nparties %" G_GINT64_FORMAT,
                          liaison_test_query_int (store, "SELECT sum (visitors_total) FROM receptions"));
  /* The duty record's: 张伟's receptions and their visitors. */
  {
    g_autofree char *deputy = liaison_test_deputy_uuid (store, "张伟");
    guint receptions = 0, visitors = 0;

    g_assert_true (liaison_store_count_deputy_visitors (store, deputy, NULL, NULL, &receptions, &visitors, &error));
    g_assert_no_error (error);
    g_string_append_printf (text, "\nduty record %u receptions %u visitors", receptions, visitors);
  }
  return g_string_free (text, FALSE);
}

/* The database file @path and its WAL, byte for byte. */
static void
assert_no_trace (const char *path)
{
  for (guint i = 0; i < G_N_ELEMENTS (purged_texts); i++)
    {
      if (liaison_test_database_holds (path, purged_texts[i]))
        g_error ("%s or its WAL still holds text %u", path, i);
    }
  /* The grep finds what is there: the receptions within the period (by
   * name: headquarters' desk keeps their phones masked). */
  g_assert_true (liaison_test_database_holds (path, kept_texts[1]));
}

/* The server's database (liaison_test_hq_holds ()): hq.db and its WAL
 * byte for byte, or on PostgreSQL its rows and the row versions left in
 * their pages. */
static void
assert_no_trace_at_server (Fixture *fixture)
{
  for (guint i = 0; i < G_N_ELEMENTS (purged_texts); i++)
    {
      if (liaison_test_hq_holds (fixture, purged_texts[i]))
        g_error ("the server's database still holds text %u", i);
    }
  g_assert_true (liaison_test_hq_holds (fixture, kept_texts[1]));
}

/* Reception @uuid's visitors at @store, "name|phone|community|party;". */
static char *
visitors_of (LiaisonStore *store,
             const char   *uuid)
{
  g_autofree char *sql = g_strdup_printf (
    "SELECT group_concat (v.name || '|' || v.phone || '|' || v.community || '|' || v.party_size, ';')"
    " FROM reception_visitors v JOIN receptions r ON r.id = v.reception_id WHERE r.uuid = '%s'"
    " ORDER BY v.position", uuid);

  /* group_concat () gives its one row even for no visitor. */
  return liaison_test_query_text (store, sql);
}

static void
assert_visitors (LiaisonStore *store,
                 const char   *uuid,
                 const char   *expected)
{
  g_autofree char *visitors = visitors_of (store, uuid);

  g_assert_cmpstr (visitors, ==, expected);
}

static char *
uuid_of (LiaisonStore *store,
         const char   *table,
         gint64        id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT uuid FROM %s WHERE id = %" G_GINT64_FORMAT, table, id);
  char *uuid = liaison_test_query_text (store, sql);

  g_assert_nonnull (uuid);
  return uuid;
}

static void
test_both_ends (Fixture       *fixture,
                gconstpointer  data)
{
  Replica east = liaison_test_replica_new_synced_station (fixture, "east.db", "东山联络站");
  Replica hq = liaison_test_replica_new (fixture, "hq-desk.db");
  g_autofree char *east_path = g_build_filename (fixture->dir, "east.db", NULL);
  g_autofree char *hq_path = g_build_filename (fixture->dir, "hq-desk.db", NULL);
  g_autofree char *a = NULL, *b = NULL, *c = NULL, *d = NULL;
  g_autofree char *sa = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *received_today = NULL;
  g_autoptr(GError) error = NULL;
  gint64 a_id, b_id, c_id, d_id, sa_id;
  GDate now = today ();

  g_assert_true (liaison_store_set_desk_actor (east.store, "station", "刘芳", NULL, &error));
  g_assert_no_error (error);
  a_id = add_reception (east.store, "2021-03-05 09:30", liaison_test_make_visitor ("王秀英", "13812345678", "翠竹园社区"),
                        liaison_test_make_visitor ("李建国", "0561-3331456", "青石街社区"));
  sa_id = add_suggestion (east.store, a_id, "王秀英", "2021-03-05T02:00:00Z");
  {
    LiaisonLoopEvent *withdraw = liaison_test_event_new (LIAISON_LOOP_MOVE_WITHDRAW, LIAISON_LOOP_ROLE_STATION,
                                                         "刘芳", g_date_time_new_utc (2021, 4, 1, 2, 0, 0));

    withdraw->reason = g_strdup ("来访人已自行解决");
    liaison_test_add_event (east.store, sa_id, withdraw);
  }
  b_id = add_reception (east.store, "2021-06-01 10:00", liaison_test_make_visitor ("赵敏", "13912345678", "南湖社区"),
                        NULL);
  add_suggestion (east.store, b_id, "赵敏", "2021-06-01T02:00:00Z");
  received_today = g_strdup_printf ("%04d-%02d-%02d 00:00", g_date_get_year (&now), g_date_get_month (&now),
                                    g_date_get_day (&now));
  c_id = add_reception (east.store, received_today, liaison_test_make_visitor ("孙丽", "13700001111", "东门社区"), NULL);
  d_id = add_reception (east.store, "2022-01-10 15:00", liaison_test_make_visitor ("周杰", "13600002222", "梧桐巷社区"),
                        NULL);
  a = uuid_of (east.store, "receptions", a_id);
  b = uuid_of (east.store, "receptions", b_id);
  c = uuid_of (east.store, "receptions", c_id);
  d = uuid_of (east.store, "receptions", d_id);
  sa = uuid_of (east.store, "suggestions", sa_id);
  before = figures_text (east.store);
  g_test_message ("figures: %s", before);

  /* The station's sync, then its purge: A and D, by the synced rule. */
  sync_ok (&east);
  assert_visitors (east.store, a,
                   LIAISON_PURGED_MARKER "|||3;" LIAISON_PURGED_MARKER "|||1");
  assert_visitors (east.store, d, LIAISON_PURGED_MARKER "|||3");
  assert_visitors (east.store, b, "赵敏|13912345678|南湖社区|3");
  assert_visitors (east.store, c, "孙丽|13700001111|东门社区|3");
  g_assert_cmpint (liaison_test_query_int (east.store, "SELECT count(*) FROM suggestions WHERE raised_by = '"
                                                       LIAISON_PURGED_MARKER "'"), ==, 1);
  g_assert_cmpint (liaison_test_query_int (east.store, "SELECT count(*) FROM access_log WHERE kind = 'purge'"
                                                       " AND n_contacts = 3 AND what = '2021-03-05..2022-01-10'"),
                   ==, 1);
  /* Its access log entry says what went, each kind with its count. */
  {
    g_autofree char *reason = liaison_test_query_text (east.store, "SELECT reason FROM access_log"
                                                                   " WHERE kind = 'purge'");

    g_assert_cmpstr (reason, ==, BOTH_ENDS_REASON);
  }
  /* A search finds them no more. */
  {
    LiaisonReceptionFilter filter = { .search = (char *) "13812345678" };

    g_assert_cmpuint (liaison_store_count_receptions (east.store, &filter, &error), ==, 0);
    g_assert_no_error (error);
    filter.search = (char *) "13912345678";
    g_assert_cmpuint (liaison_store_count_receptions (east.store, &filter, &error), ==, 1);
  }
  /* The server holds them still, until it purges. */
  {
    g_assert_true (liaison_test_hq_holds (fixture, "13812345678"));
  }

  /* The server purges at start-up. */
  liaison_test_hq_stop (fixture);
  liaison_test_hq_start (fixture);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT data FROM records WHERE kind = 'reception' AND uuid = '%s'", a);
    g_autofree char *server_a = liaison_test_hq_text (fixture, sql);
    g_autofree char *purges = liaison_test_hq_text (fixture, "SELECT count(*) FROM records WHERE kind = 'purge'");
    g_autofree char *entry = liaison_test_hq_text (fixture, "SELECT json_extract (data, '$.n_contacts') || ' '"
                                                            " || json_extract (data, '$.what') FROM records"
                                                            " WHERE kind = 'access_log' AND origin_station IS NULL");

    g_test_message ("server: %s", server_a);
    g_assert_nonnull (strstr (server_a, "\"name\":\"" LIAISON_PURGED_MARKER "\",\"party_size\":3,\"phone\":null"));
    g_assert_cmpstr (purges, ==, "2");
    g_assert_cmpstr (entry, ==, "3 2021-03-05..2022-01-10");
    g_clear_pointer (&entry, g_free);
    entry = liaison_test_hq_text (fixture, "SELECT json_extract (data, '$.reason') FROM records"
                                           " WHERE kind = 'access_log' AND origin_station IS NULL");
    g_assert_cmpstr (entry, ==, BOTH_ENDS_REASON);
  }
  assert_no_trace_at_server (fixture);
  /* `liaison-hq purge` now: the day, and nothing more due. */
  {
    g_autofree char *said = liaison_test_hq_run (fixture, "purge", NULL);

    g_test_message ("%s", said);
    g_assert_nonnull (strstr (said, "Matters that ended on or before "));
    g_assert_nonnull (strstr (said, "Retention period of 3 years: nothing was due for removal.\n"));
  }

  /* The station receives its purge records, and pushes its own entry. */
  sync_ok (&east);
  g_assert_cmpint (liaison_test_query_int (east.store, "SELECT count(*) FROM purges"), ==, 2);
  g_assert_cmpint (liaison_test_query_int (east.store, "SELECT count(*) FROM access_log WHERE kind = 'purge'"), ==, 1);
  g_assert_cmpuint (liaison_test_replica_unsynced (&east), ==, 0);
  after = figures_text (east.store);
  g_assert_cmpstr (after, ==, before);
  assert_no_trace (east_path);

  /* Headquarters' desk: the receptions purged, both entries. */
  liaison_test_replica_enroll_hq (fixture, &hq, "代表工委");
  sync_ok (&hq);
  assert_visitors (hq.store, a,
                   LIAISON_PURGED_MARKER "|||3;" LIAISON_PURGED_MARKER "|||1");
  assert_visitors (hq.store, d, LIAISON_PURGED_MARKER "|||3");
  {
    g_autofree char *kept = visitors_of (hq.store, b);

    g_assert_true (g_str_has_prefix (kept, "赵敏|"));
  }
  g_assert_cmpint (liaison_test_query_int (hq.store, "SELECT count(*) FROM purges"), ==, 2);
  g_assert_cmpint (liaison_test_query_int (hq.store, "SELECT count(*) FROM access_log WHERE kind = 'purge'"
                                                     " AND role = 'hq' AND actor_name = 'liaison-hq'"), ==, 1);
  g_assert_cmpint (liaison_test_query_int (hq.store, "SELECT count(*) FROM access_log WHERE kind = 'purge'"
                                                     " AND role = 'station' AND actor_name = '刘芳'"), ==, 1);
  {
    g_autofree char *at_hq = figures_text (hq.store);

    g_assert_cmpstr (at_hq, ==, before);
  }
  assert_no_trace (hq_path);

  /* A desk that sends A again with its names (a copy from before the
   * purge): the server keeps it purged, and so does the desk. */
  {
    g_autoptr(LiaisonReception) again = liaison_store_get_reception (east.store, a_id, &error);
    LiaisonVisitor *visitor;

    g_assert_no_error (error);
    visitor = g_ptr_array_index (again->visitors, 0);
    g_free (visitor->name);
    visitor->name = g_strdup ("王秀英");
    g_free (visitor->phone);
    visitor->phone = g_strdup ("13812345678");
    g_free (visitor->community);
    visitor->community = g_strdup ("翠竹园社区");
    visitor->consent = TRUE;
    g_free (again->summary);
    again->summary = g_strdup ("小区道路积水，已修缮");
    liaison_store_save_reception (east.store, again, &error);
    g_assert_no_error (error);
    sync_ok (&east);
    /* Purged again after that sync, with its entry, sent at the next. */
    g_assert_cmpuint (liaison_test_replica_unsynced (&east), ==, 1);
    sync_ok (&east);
    g_assert_cmpuint (liaison_test_replica_unsynced (&east), ==, 0);
    assert_visitors (east.store, a,
                     LIAISON_PURGED_MARKER "|||3;" LIAISON_PURGED_MARKER "|||1");
    liaison_test_hq_stop (fixture);
    assert_no_trace_at_server (fixture);
    liaison_test_hq_start (fixture);
    sync_ok (&hq);
    assert_visitors (hq.store, a,
                     LIAISON_PURGED_MARKER "|||3;" LIAISON_PURGED_MARKER "|||1");
  }
  /* The first purge's entry and the second's; the server's only one. */
  g_assert_cmpint (liaison_test_query_int (east.store, "SELECT count(*) FROM access_log WHERE kind = 'purge'"), ==, 2);
  {
    g_autofree char *entries = liaison_test_hq_text (fixture, "SELECT count(*) FROM records WHERE kind = 'access_log'"
                                                              " AND origin_station IS NULL");

    g_assert_cmpstr (entries, ==, "1");
  }
  g_test_message ("suggestion %s", sa);

  liaison_test_replica_clear (&east);
  liaison_test_replica_clear (&hq);
}

/* A purge record from the server purges a reception this desk's own rule
 * keeps (received today), and only that one. */
static void
test_record_alone (void)
{
  char *dir = liaison_test_make_tmp_dir ("liaison-retention-record-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "station.db", NULL);
  LiaisonStore *store = liaison_test_open_store_with_station (path, "东山联络站");
  g_autofree char *station = liaison_test_local_station_uuid (store);
  g_autofree char *received_today = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *other = NULL;
  g_autofree char *page_text = NULL;
  g_autofree char *purge_uuid = NULL;
  g_autoptr(JsonNode) page = NULL;
  g_autoptr(GError) error = NULL;
  LiaisonSyncCounts counts = { 0 };
  GDate now = today ();
  LiaisonRetentionPurged purged = { .n_receptions = 99 };
  gint64 id;

  received_today = g_strdup_printf ("%04d-%02d-%02d 00:00", g_date_get_year (&now), g_date_get_month (&now),
                                    g_date_get_day (&now));
  id = add_reception (store, received_today, liaison_test_make_visitor ("王秀英", "13812345678", "翠竹园社区"), NULL);
  uuid = uuid_of (store, "receptions", id);
  id = add_reception (store, received_today, liaison_test_make_visitor ("赵敏", "13912345678", "东门社区"), NULL);
  other = uuid_of (store, "receptions", id);

  /* The rule alone: nothing is due. */
  g_assert_true (liaison_store_purge_expired (store, &now, &purged, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (purged.n_receptions, ==, 0);
  g_assert_cmpint (liaison_test_query_int (store, "SELECT count(*) FROM access_log"), ==, 0);

  purge_uuid = liaison_purge_wire_uuid (uuid);
  page_text = g_strdup_printf ("[{\"kind\": \"purge\", \"uuid\": \"%s\", \"version\": 1,"
                               " \"updated_at\": \"2026-01-01T00:00:00Z\", \"origin_station\": \"%s\","
                               " \"deleted\": false, \"seq\": 1, \"data\": {\"reception\": \"%s\","
                               " \"station\": \"%s\", \"purged_at\": \"2026-01-01T00:00:00Z\"}}]",
                               purge_uuid, station, uuid, station);
  page = json_from_string (page_text, &error);
  g_assert_no_error (error);
  g_assert_true (liaison_store_apply_pulled (store, json_node_get_array (page), 1, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpint (liaison_test_query_int (store, "SELECT count(*) FROM purges"), ==, 1);

  /* A purge that fails at its last step (here its access log entry, as a
   * process killed before the commit) leaves everything as it was. */
  g_assert_true (liaison_store_exec (store, "CREATE TRIGGER no_entry BEFORE INSERT ON access_log BEGIN"
                                            " SELECT RAISE (ABORT, 'the disk is full'); END", &error));
  g_assert_no_error (error);
  g_assert_false (liaison_store_purge_expired (store, &now, &purged, &error));
  g_assert_nonnull (error);
  g_test_message ("interrupted: %s", error->message);
  g_clear_error (&error);
  g_assert_cmpuint (purged.n_receptions, ==, 0);
  assert_visitors (store, uuid, "王秀英|13812345678|翠竹园社区|3");
  {
    LiaisonReceptionFilter filter = { .search = (char *) "13812345678" };

    g_assert_cmpuint (liaison_store_count_receptions (store, &filter, &error), ==, 1);
    g_assert_no_error (error);
  }
  g_assert_true (liaison_store_exec (store, "DROP TRIGGER no_entry", &error));
  g_assert_no_error (error);

  g_assert_true (liaison_store_purge_expired (store, &now, &purged, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (purged.n_receptions, ==, 1);
  assert_visitors (store, uuid, LIAISON_PURGED_MARKER "|||3");
  assert_visitors (store, other, "赵敏|13912345678|东门社区|3");
  g_assert_cmpint (liaison_test_query_int (store, "SELECT count(*) FROM access_log WHERE kind = 'purge'"
                                                  " AND n_contacts = 1"), ==, 1);

  /* Idempotent: run again, nothing more, no second entry. */
  g_assert_true (liaison_store_purge_expired (store, &now, &purged, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (purged.n_receptions, ==, 0);
  g_assert_cmpint (liaison_test_query_int (store, "SELECT count(*) FROM access_log"), ==, 1);

  liaison_test_clear_store_dir (&store, &dir);
}

/* The period: 3 years until headquarters sets one; set, it is synced in
 * the loop rules; a bad one is refused, in zh_CN, and nothing changes. */
static void
test_period (Fixture       *fixture,
             gconstpointer  data)
{
  Replica east = liaison_test_replica_new_synced_station (fixture, "east.db", "东山联络站");
  g_autofree char *shown = NULL;
  g_autofree char *set = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(LiaisonLoopRules) rules = NULL;
  g_autoptr(GError) error = NULL;

  rules = liaison_store_get_loop_rules (east.store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rules->retention_years, ==, LIAISON_RETENTION_DEFAULT_YEARS);
  shown = liaison_test_hq_run (fixture, "retention", NULL);
  g_assert_nonnull (strstr (shown, "3 years"));

  set = liaison_test_hq_run (fixture, "retention set", "--years", "5", NULL);
  g_test_message ("%s", set);
  g_assert_nonnull (strstr (set, "5 years"));
  sync_ok (&east);
  g_clear_pointer (&rules, liaison_loop_rules_free);
  rules = liaison_store_get_loop_rules (east.store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rules->retention_years, ==, 5);

  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  g_setenv ("LC_ALL", "zh_CN.UTF-8", TRUE);
  g_assert_cmpint (liaison_test_run_hq (&out, &err, "retention", "set", "--data-dir", fixture->data_dir,
                                        "--years", "0", NULL), ==, 1);
  g_test_message ("%s", err);
  g_assert_nonnull (strstr (err, "保存期限须为 1 至 30 年"));
  g_unsetenv ("LANGUAGE");
  g_unsetenv ("LC_ALL");
  g_clear_pointer (&shown, g_free);
  shown = liaison_test_hq_run (fixture, "retention", NULL);
  g_assert_nonnull (strstr (shown, "5 years"));

  liaison_test_replica_clear (&east);
}

/* `liaison sync` at a desk whose reception is past the period, in zh_CN:
 * what the purge after the sync removed is said in Chinese, in the words
 * of its access log entry, on stderr. */
static void
test_desk_says (Fixture       *fixture,
                gconstpointer  data)
{
  Replica east = liaison_test_replica_new_synced_station (fixture, "east.db", "东山联络站");
  g_autoptr(GSubprocessLauncher) launcher = liaison_test_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                       G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *uuid = NULL;
  gint64 id;

  id = add_reception (east.store, "2021-03-05 09:30", liaison_test_make_visitor ("王秀英", "13812345678", "翠竹园社区"),
                 NULL);
  g_subprocess_launcher_setenv (launcher, "LANGUAGE", "zh_CN", TRUE);
  g_subprocess_launcher_setenv (launcher, "LANG", "zh_CN.UTF-8", TRUE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "zh_CN.UTF-8", TRUE);
  process = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("LIAISON_BIN"), "sync", "--database",
                                         liaison_store_get_path (east.store), NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, &error));
  g_assert_no_error (error);
  g_test_message ("%s%s", out, err);
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
  g_assert_nonnull (strstr (err, "保存期限（3 年）已满。已删除：1 名来访人的姓名、电话和社区（1 次接待）。"
                                 "接待、意见建议和网上来信记录本身仍保留。"));
  uuid = uuid_of (east.store, "receptions", id);
  assert_visitors (east.store, uuid, LIAISON_PURGED_MARKER "|||3");
  liaison_test_replica_clear (&east);
}

/* What a purge removed, said in English and zh_CN, each count with its
 * plural (ngettext): one of each, several of each, and nothing. */
static void
test_reason (void)
{
  const LiaisonRetentionPurged one = { 1, 1, 1, 1, 1 };
  const LiaisonRetentionPurged many = { 5, 2, 7, 3, 4 };
  const LiaisonRetentionPurged visitors_only = { 3, 2, 2, 0, 0 };
  const LiaisonRetentionPurged none = { 3, 0, 0, 0, 0 };

  if (g_test_subprocess ())
    {
      g_autofree char *zh = NULL;

      g_setenv ("LANGUAGE", "zh_CN", TRUE);
      g_setenv ("LC_ALL", "zh_CN.UTF-8", TRUE);
      liaison_locale_init ();
      zh = liaison_retention_purge_reason (&many);
      g_assert_cmpstr (zh, ==, "保存期限（5 年）已满。已删除：7 名来访人的姓名、电话和社区（2 次接待）；"
                               "3 项意见建议的反映人姓名；4 件网上来信中群众的姓名、电话和社区。"
                               "接待、意见建议和网上来信记录本身仍保留。");
      g_clear_pointer (&zh, g_free);
      zh = liaison_retention_purge_reason (&none);
      g_assert_cmpstr (zh, ==, "保存期限（3 年）：没有到期应删除的内容。");
      return;
    }
  {
    g_autofree char *said_one = liaison_retention_purge_reason (&one);
    g_autofree char *said_many = liaison_retention_purge_reason (&many);
    g_autofree char *said_visitors = liaison_retention_purge_reason (&visitors_only);
    g_autofree char *said_none = liaison_retention_purge_reason (&none);

    g_assert_cmpstr (said_one, ==, "Retention period of 1 year ended. Removed: the name, phone and community of"
                                   " 1 visitor (1 reception); the name of who raised 1 suggestion; the citizen’s"
                                   " name, phone and community in 1 online submission. The receptions, suggestions"
                                   " and submissions themselves are kept.");
    g_assert_cmpstr (said_many, ==, "Retention period of 5 years ended. Removed: the names, phones and communities"
                                    " of 7 visitors (2 receptions); the names of who raised 3 suggestions; the"
                                    " citizens’ names, phones and communities in 4 online submissions. The"
                                    " receptions, suggestions and submissions themselves are kept.");
    g_assert_cmpstr (said_visitors, ==, "Retention period of 3 years ended. Removed: the names, phones and"
                                        " communities of 2 visitors (2 receptions). The receptions, suggestions"
                                        " and submissions themselves are kept.");
    g_assert_cmpstr (said_none, ==, "Retention period of 3 years: nothing was due for removal.");
  }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/retention/both-ends", Fixture, NULL, fixture_set_up, test_both_ends, fixture_tear_down);
  g_test_add ("/retention/period", Fixture, NULL, fixture_set_up, test_period, fixture_tear_down);
  g_test_add ("/retention/desk-says", Fixture, NULL, fixture_set_up, test_desk_says, fixture_tear_down);
  g_test_add_func ("/retention/record-alone", test_record_alone);
  g_test_add_func ("/retention/reason", test_reason);
  return g_test_run ();
}
