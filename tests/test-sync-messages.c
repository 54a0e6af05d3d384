/* test-sync-messages.c: what a station says when the line to headquarters
 * fails, and how much it pulls back after a push, against a real
 * liaison-hq on loopback behind a proxy of this test that cuts answers. */
#define G_LOG_DOMAIN "test-sync-messages"

#include "config.h"

#include <libsoup/soup.h>
#include <string.h>

#include "liaison-protocol.h"
#include "liaison-seq-ranges.h"
#include "liaison-store-sync.h"
#include "liaison-sync-engine.h"
#include "liaison-test-hq.h"
#include "liaison-test-proxy.h"
#include "liaison-test-util.h"
#include "liaison-token-store.h"

/* The English sentences (msgids) and their zh_CN translations. */
#define CUT_EN "The connection to headquarters was cut in the middle of the exchange. " \
               "Nothing was lost: what headquarters did not confirm is sent again " \
               "at the next sync, and the station tries again by itself."
#define CUT_ZH "与市人大常委会的连接在数据交换中途断开。没有丢失任何内容：" \
               "市人大常委会尚未确认的记录会在下次同步时重新发送，联络站会自动重试。"
#define UNREACHABLE_EN "Headquarters could not be reached. Check this computer’s network " \
                       "connection and the server address. Nothing was lost: the records wait " \
                       "on this computer and the station tries again by itself."
#define UNREACHABLE_ZH "无法连接市人大常委会服务器。请检查本机的网络连接和服务器地址。" \
                       "没有丢失任何内容：记录仍保存在本机，联络站会自动重试。"

typedef struct {
  LiaisonTestHq hq;
  LiaisonTestProxy *proxy;
} Fixture;

typedef LiaisonTestReplica Replica;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  liaison_test_hq_init (&fixture->hq, "liaison-sync-messages-XXXXXX");
  liaison_test_hq_start (&fixture->hq);
  liaison_test_hq_import_roster (&fixture->hq);
  fixture->proxy = liaison_test_proxy_start (fixture->hq.port);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->proxy, liaison_test_proxy_free);
  liaison_test_hq_clear (&fixture->hq);
}

/* A station desk enrolled through the proxy, synced once. */
static Replica
desk_new (Fixture    *fixture,
          const char *file,
          const char *station)
{
  Replica replica = liaison_test_replica_new (&fixture->hq, file);
  g_autofree char *code = liaison_test_hq_station_code (&fixture->hq, station);
  g_autoptr(GError) error = NULL;

  g_assert_true (liaison_test_enroll (replica.engine, liaison_test_proxy_get_url (fixture->proxy),
                                      code, &error));
  g_assert_no_error (error);
  liaison_test_sync_ok (replica.engine);
  return replica;
}

/* Syncs, which must fail with @message, transient. */
static void
assert_sync_fails (Replica    *replica,
                   const char *message)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (liaison_test_sync (replica->engine, NULL, &error));
  g_assert_error (error, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_NETWORK);
  g_assert_true (liaison_sync_error_is_transient (error));
  g_assert_cmpstr (error->message, ==, message);
  g_assert_cmpstr (liaison_sync_engine_get_last_error (replica->engine), ==, message);
}

/* Runs `liaison sync --database @database` in @language ("C" or
 * "zh_CN"); returns its stdout, and its stderr in @err. */
static char *
run_sync_command (const char  *database,
                  const char  *language,
                  int         *status,
                  char       **err)
{
  g_autoptr(GSubprocessLauncher) launcher = liaison_test_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                       G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  const char *locale = g_str_equal (language, "C") ? "C.UTF-8" : "zh_CN.UTF-8";
  char *out = NULL;

  g_subprocess_launcher_setenv (launcher, "LANGUAGE", language, TRUE);
  g_subprocess_launcher_setenv (launcher, "LANG", locale, TRUE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", locale, TRUE);
  process = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("LIAISON_BIN"), "sync",
                                         "--database", database, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, err, &error);
  g_assert_no_error (error);
  *status = g_subprocess_get_exit_status (process);
  return out;
}

/* A line cut in the middle of an answer: the clerk reads what happened,
 * in English and in Chinese, and the next sync loses and doubles nothing. */
static void
test_cut_mid_answer (Fixture       *fixture,
                     gconstpointer  data)
{
  Replica a = desk_new (fixture, "a.db", "相山区断线测试联络站");
  Replica hq;
  g_autofree char *database = g_strdup (liaison_store_get_path (a.store));
  g_autofree char *station_uuid = liaison_test_local_station_uuid (a.store);
  g_autofree char *sql = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  liaison_test_add_receptions (a.store, 3, "断线");

  /* In the push's answer, 10 bytes into its body: headquarters saved the
   * records, the station never heard so. */
  liaison_test_proxy_cut_next (fixture->proxy, "POST /v1/push", 10);
  assert_sync_fails (&a, CUT_EN);
  g_assert_cmpuint (liaison_test_proxy_get_cuts (fixture->proxy), ==, 1);
  g_assert_cmpuint (liaison_test_replica_unsynced (&a), ==, 3);

  /* In the status line: libsoup's "Could not parse HTTP response". */
  liaison_test_proxy_cut_next (fixture->proxy, "POST /v1/push", -12);
  assert_sync_fails (&a, CUT_EN);
  g_assert_cmpuint (liaison_test_proxy_get_cuts (fixture->proxy), ==, 2);
  g_assert_cmpuint (liaison_test_replica_unsynced (&a), ==, 3);

  /* In the pull's answer, after the push was acknowledged. */
  liaison_test_proxy_cut_next (fixture->proxy, "GET /v1/pull", 5);
  assert_sync_fails (&a, CUT_EN);
  g_assert_cmpuint (liaison_test_proxy_get_cuts (fixture->proxy), ==, 3);
  g_assert_cmpuint (liaison_test_replica_unsynced (&a), ==, 0);

  /* The command, in Chinese, with one record sent before the cut. */
  liaison_test_add_receptions (a.store, 1, "命令行断线");
  liaison_test_replica_clear (&a);
  liaison_test_proxy_cut_next (fixture->proxy, "GET /v1/pull", 5);
  out = run_sync_command (database, "zh_CN", &status, &err);
  g_assert_cmpint (status, ==, 75);
  g_assert_nonnull (strstr (err, CUT_ZH));
  g_assert_nonnull (strstr (err, "在此之前已发送 1 条记录，市人大常委会已收到。"));
  /* No libsoup English in what the clerk reads. */
  g_assert_null (strstr (err, "Connection terminated"));
  g_assert_null (strstr (err, "Could not parse"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* The next sync completes: nothing lost, nothing twice. */
  a.store = liaison_test_open_store (database);
  a.engine = liaison_sync_engine_new (a.store);
  liaison_test_sync_ok (a.engine);
  g_assert_cmpuint (liaison_test_replica_unsynced (&a), ==, 0);
  g_assert_cmpint (liaison_test_replica_receptions (&a), ==, 4);
  g_assert_cmpint (liaison_test_replica_distinct_receptions (&a), ==, 4);

  hq = liaison_test_replica_new (&fixture->hq, "hq.db");
  liaison_test_replica_enroll_hq (&fixture->hq, &hq, "总部办公室");
  liaison_test_sync_ok (hq.engine);
  sql = g_strdup_printf ("SELECT count(*) FROM receptions r JOIN stations s ON s.id = r.station_id"
                         " WHERE s.uuid = '%s'", station_uuid);
  g_assert_cmpint (liaison_test_query_int (hq.store, sql), ==, 4);
  g_assert_cmpint (liaison_test_replica_distinct_receptions (&hq), ==, 4);

  liaison_test_replica_clear (&a);
  liaison_test_replica_clear (&hq);
}

/* Nothing listens: "could not be reached", and the station is offline. */
static void
test_unreachable (Fixture       *fixture,
                  gconstpointer  data)
{
  Replica a = desk_new (fixture, "a.db", "相山区无法连接联络站");
  g_autofree char *database = g_strdup (liaison_store_get_path (a.store));
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  liaison_test_add_receptions (a.store, 2, "离线");
  liaison_test_proxy_stop (fixture->proxy);

  assert_sync_fails (&a, UNREACHABLE_EN);
  g_assert_false (liaison_sync_engine_get_online (a.engine));
  g_assert_cmpuint (liaison_test_replica_unsynced (&a), ==, 2);

  liaison_test_replica_clear (&a);
  out = run_sync_command (database, "zh_CN", &status, &err);
  g_assert_cmpint (status, ==, 75);
  g_assert_nonnull (strstr (err, UNREACHABLE_ZH));
  g_assert_null (strstr (err, "refused"));
}

/* `liaison sync` counts with the right plural, in English and Chinese. */
static void
test_plurals (Fixture       *fixture,
              gconstpointer  data)
{
  Replica a = desk_new (fixture, "a.db", "相山区复数测试联络站");
  g_autofree char *database = g_strdup (liaison_store_get_path (a.store));
  g_autoptr(LiaisonStore) store = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *code = NULL;
  int status = 0;

  liaison_test_replica_clear (&a);

  /* One record each way. */
  store = liaison_test_open_store (database);
  liaison_test_add_receptions (store, 1, "单条");
  g_clear_object (&store);
  code = liaison_test_hq_station_code (&fixture->hq, "相山区新增一站");
  g_clear_pointer (&code, g_free);
  out = run_sync_command (database, "C", &status, &err);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (out, ==, "Sent 1 record.\nReceived 1 record.\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Two each way. */
  store = liaison_test_open_store (database);
  liaison_test_add_receptions (store, 2, "两条");
  g_clear_object (&store);
  code = liaison_test_hq_station_code (&fixture->hq, "相山区新增二站");
  g_clear_pointer (&code, g_free);
  code = liaison_test_hq_station_code (&fixture->hq, "相山区新增三站");
  g_clear_pointer (&code, g_free);
  out = run_sync_command (database, "C", &status, &err);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (out, ==, "Sent 2 records.\nReceived 2 records.\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Chinese has one form. */
  store = liaison_test_open_store (database);
  liaison_test_add_receptions (store, 1, "中文");
  g_clear_object (&store);
  out = run_sync_command (database, "zh_CN", &status, &err);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (out, ==, "已发送 1 条记录。\n已接收 0 条记录。\n");
}

/* After a push of 1,500, the pull brings none of them back; another desk
 * of the same station gets them all, and a change made there comes back. */
static void
test_own_records_not_pulled (Fixture       *fixture,
                             gconstpointer  data)
{
  const guint n = 1500;
  Replica a = desk_new (fixture, "a.db", "相山区大批量联络站");
  Replica b;
  g_autoptr(LiaisonReception) reception = NULL;
  g_autoptr(GError) error = NULL;
  LiaisonSyncCounts counts;
  gint64 id;

  liaison_test_add_receptions (a.store, n, "大批");
  counts = liaison_test_sync_ok (a.engine);
  g_assert_cmpuint (counts.sent, ==, n);
  g_assert_cmpuint (counts.received, ==, 0);
  g_test_message ("after a push of %u: pulled %u records in %" G_GUINT64_FORMAT " bytes",
                  n, liaison_sync_engine_get_pulled_records (a.engine),
                  liaison_sync_engine_get_pulled_bytes (a.engine));
  g_assert_cmpuint (liaison_sync_engine_get_pulled_records (a.engine), ==, 0);

  /* A second desk of the same station (its own token) gets them all. */
  b = desk_new (fixture, "b.db", "相山区大批量联络站");
  g_assert_cmpint (liaison_test_replica_receptions (&b), ==, n);
  g_assert_cmpuint (liaison_sync_engine_get_pulled_records (b.engine), >=, n);

  /* And what it changes in one of them comes back to the first desk. */
  id = liaison_test_query_int (b.store, "SELECT min(id) FROM receptions");
  reception = liaison_store_get_reception (b.store, id, &error);
  g_assert_no_error (error);
  g_free (reception->summary);
  reception->summary = g_strdup ("第二台电脑改过：楼道灯已修好");
  g_assert_true (liaison_store_save_reception (b.store, reception, &error));
  g_assert_no_error (error);
  counts = liaison_test_sync_ok (b.engine);
  g_assert_cmpuint (counts.sent, ==, 1);
  g_assert_cmpuint (liaison_sync_engine_get_pulled_records (b.engine), ==, 0);

  counts = liaison_test_sync_ok (a.engine);
  g_assert_cmpuint (counts.received, ==, 1);
  g_assert_cmpuint (liaison_sync_engine_get_pulled_records (a.engine), ==, 1);
  g_assert_cmpint (liaison_test_query_int (a.store, "SELECT count(*) FROM receptions"
                                           " WHERE summary = '第二台电脑改过：楼道灯已修好'"), ==, 1);
  g_assert_cmpint (liaison_test_replica_receptions (&a), ==, n);
  g_assert_cmpint (liaison_test_replica_distinct_receptions (&a), ==, n);

  liaison_test_replica_clear (&a);
  liaison_test_replica_clear (&b);
}

static void
assert_ranges (GArray     *ranges,
               const char *expected)
{
  g_autofree char *text = liaison_seq_ranges_format (ranges, G_MAXUINT);

  g_assert_cmpstr (text, ==, expected);
}

static void
assert_parse_fails (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ranges = liaison_seq_ranges_parse (text, &error);

  g_assert_null (ranges);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
}

/* The "skip" ranges: merged, trimmed, counted, and read strictly. */
static void
test_seq_ranges (void)
{
  g_autoptr(GArray) ranges = liaison_seq_ranges_new ();
  g_autoptr(GArray) parsed = NULL;
  g_autoptr(GString) many = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  liaison_seq_ranges_add (ranges, 5, 7);
  liaison_seq_ranges_add (ranges, 1, 2);
  assert_ranges (ranges, "1-2,5-7");
  liaison_seq_ranges_add (ranges, 3, 4);
  liaison_seq_ranges_add (ranges, 10, 10);
  liaison_seq_ranges_add (ranges, 6, 6);
  assert_ranges (ranges, "1-7,10-10");
  g_assert_true (liaison_seq_ranges_contains (ranges, 1));
  g_assert_true (liaison_seq_ranges_contains (ranges, 10));
  g_assert_false (liaison_seq_ranges_contains (ranges, 8));
  g_assert_false (liaison_seq_ranges_contains (ranges, 11));
  g_assert_cmpint (liaison_seq_ranges_count_above (ranges, 0, 100), ==, 8);
  g_assert_cmpint (liaison_seq_ranges_count_above (ranges, 5, 100), ==, 3);
  g_assert_cmpint (liaison_seq_ranges_count_above (ranges, 0, 4), ==, 4);
  liaison_seq_ranges_drop_to (ranges, 6);
  assert_ranges (ranges, "7-7,10-10");
  liaison_seq_ranges_drop_to (ranges, 10);
  assert_ranges (ranges, "");

  parsed = liaison_seq_ranges_parse ("9-12,1-3,4-4", &error);
  g_assert_no_error (error);
  assert_ranges (parsed, "1-4,9-12");
  g_clear_pointer (&parsed, g_array_unref);
  parsed = liaison_seq_ranges_parse ("1-9223372036854775807", &error);
  g_assert_no_error (error);
  g_assert_cmpint (liaison_seq_ranges_count_above (parsed, 0, G_MAXINT32), ==, G_MAXINT32);
  g_clear_pointer (&parsed, g_array_unref);
  parsed = liaison_seq_ranges_parse (NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (parsed->len, ==, 0);

  assert_parse_fails ("0-1");
  assert_parse_fails ("5-4");
  assert_parse_fails ("a-b");
  assert_parse_fails ("1-2,");
  assert_parse_fails ("-1-2");
  assert_parse_fails ("+1-2");
  assert_parse_fails ("1-9223372036854775808");
  assert_parse_fails ("7");
  for (guint i = 0; i <= LIAISON_MAX_SKIP_RANGES; i++)
    g_string_append_printf (many, "%s%u-%u", i > 0 ? "," : "", 2 * i + 1, 2 * i + 1);
  assert_parse_fails (many->str);
}

/* The store's refusal of a push answer of the wrong length counts right. */
static void
test_answer_length_plural (void)
{
  g_autofree char *dir = liaison_test_make_tmp_dir ("liaison-sync-messages-store-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "station.db", NULL);
  g_autoptr(LiaisonStore) store = liaison_test_open_store (path);
  g_autoptr(GPtrArray) pushed = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  g_autoptr(JsonArray) results = json_array_new ();
  g_autoptr(GError) error = NULL;
  LiaisonSyncCounts counts = { 0 };

  g_ptr_array_add (pushed, json_object_new ());
  g_assert_false (liaison_store_apply_push_results (store, pushed, results, &counts, &error));
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, ": 1 record was sent and it answered for 0."));
  g_clear_error (&error);

  g_ptr_array_add (pushed, json_object_new ());
  g_assert_false (liaison_store_apply_push_results (store, pushed, results, &counts, &error));
  g_assert_nonnull (strstr (error->message, ": 2 records were sent and it answered for 0."));
  liaison_test_clear_store_dir (&store, &dir);
}

/* GETs /v1/pull?@query from the real server with @replica's key. */
static char *
get_pull (Fixture    *fixture,
          Replica    *replica,
          const char *query,
          guint      *status)
{
  g_autofree char *server_id = liaison_store_get_server_id (replica->store);
  g_autofree char *token = liaison_token_store_load (server_id, liaison_store_get_path (replica->store), NULL);
  g_autofree char *bearer = g_strconcat ("Bearer ", token, NULL);
  g_autofree char *url = g_strconcat (fixture->hq.url, "/v1/pull?", query, NULL);
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(SoupMessage) message = soup_message_new ("GET", url);
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GError) error = NULL;

  soup_message_headers_replace (soup_message_get_request_headers (message), "Liaison-Protocol", "1");
  soup_message_headers_replace (soup_message_get_request_headers (message), "Authorization", bearer);
  answer = soup_session_send_and_read (session, message, NULL, &error);
  g_assert_no_error (error);
  *status = soup_message_get_status (message);
  return g_strndup (g_bytes_get_data (answer, NULL), g_bytes_get_size (answer));
}

/* The server passes by the changes named in "skip" and refuses a bad one. */
static void
test_skip_parameter (Fixture       *fixture,
                     gconstpointer  data)
{
  Replica a = desk_new (fixture, "a.db", "相山区跳过参数联络站");
  g_autofree char *page = NULL;
  g_autofree char *code = NULL;
  g_autofree char *message = NULL;
  guint status = 0;

  page = get_pull (fixture, &a, "since=0&skip=5-4", &status);
  g_assert_cmpuint (status, ==, 400);
  g_assert_true (liaison_protocol_parse_error (page, strlen (page), &code, &message));
  g_assert_cmpstr (code, ==, LIAISON_PROTOCOL_ERROR_BAD_REQUEST);
  g_clear_pointer (&page, g_free);

  /* Everything skipped: no change, and the checkpoint still moves to the
   * feed's end. */
  page = get_pull (fixture, &a, "since=0&skip=1-9223372036854775807", &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_true (g_str_has_prefix (page, "{\"changes\":[],\"last_seq\":"));
  g_assert_cmpint (g_ascii_strtoll (page + strlen ("{\"changes\":[],\"last_seq\":"), NULL, 10), ==,
                   liaison_store_get_checkpoint (a.store));
  g_clear_pointer (&page, g_free);

  /* Nothing skipped: the same page as without. */
  page = get_pull (fixture, &a, "since=0", &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_nonnull (strstr (page, "\"kind\":\"station\""));

  liaison_test_replica_clear (&a);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *config = NULL;
  int status;

  /* Keys go to a file in a folder of our own, never a real keyring; the
   * command reads them there too. */
  config = liaison_test_private_keys ("liaison-sync-messages-config-XXXXXX");

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sync-messages/seq-ranges", test_seq_ranges);
  g_test_add_func ("/sync-messages/answer-length-plural", test_answer_length_plural);
  g_test_add ("/sync-messages/skip-parameter", Fixture, NULL, fixture_set_up, test_skip_parameter, fixture_tear_down);
  g_test_add ("/sync-messages/cut-mid-answer", Fixture, NULL, fixture_set_up, test_cut_mid_answer, fixture_tear_down);
  g_test_add ("/sync-messages/unreachable", Fixture, NULL, fixture_set_up, test_unreachable, fixture_tear_down);
  g_test_add ("/sync-messages/plurals", Fixture, NULL, fixture_set_up, test_plurals, fixture_tear_down);
  g_test_add ("/sync-messages/own-records-not-pulled", Fixture, NULL, fixture_set_up,
              test_own_records_not_pulled, fixture_tear_down);

  status = g_test_run ();
  liaison_test_remove_tree (config);
  return status;
}
