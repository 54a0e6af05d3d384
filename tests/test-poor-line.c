/* test-poor-line.c: sync on a poor line (docs/sync-protocol.md,
 * "Compression"): bodies go gzip both ways once both ends say so, a
 * sync cut halfway resumes from what headquarters acknowledged, and
 * headquarters reads a gzip body only within its size limit. Against a
 * real liaison-hq on loopback, behind the test proxy shaped to a fast
 * but real link (small data: the 1 Mbit/s figures are ./dev bench's). */
#define G_LOG_DOMAIN "test-poor-line"

#include "config.h"

#include <libsoup/soup.h>
#include <string.h>

#include "liaison-gzip.h"
#include "liaison-protocol.h"
#include "liaison-store-sync.h"
#include "liaison-sync-engine.h"
#include "liaison-test-hq-enrolled.h"
#include "liaison-test-fake-hq.h"
#include "liaison-test-hq.h"
#include "liaison-test-line.h"
#include "liaison-test-proxy.h"
#include "liaison-test-util.h"

/* 8 Mbit/s and a 20 ms round trip: slow enough to be a line, fast enough
 * for ./dev test. */
#define TEST_BITS_PER_SECOND (8 * 1000 * 1000)
#define TEST_ROUND_TRIP_MS 20
#define N_RECEPTIONS 200

typedef struct {
  LiaisonTestHq hq;
  LiaisonTestProxy *proxy;
  LiaisonTestReplica station;
  LiaisonTestReplica desk;     /* headquarters' */
} Line;

static void
start_server (Line     *line,
              gboolean  compression)
{
  g_clear_pointer (&line->hq.serve_args, g_strfreev);
  if (!compression)
    line->hq.serve_args = g_strsplit ("--no-compression", " ", -1);
  liaison_test_hq_start (&line->hq);
}

/* A server (compressing or not) behind a shaped proxy, and a station and
 * headquarters' desk enrolled through it, synced once. */
static void
line_set_up (Line     *line,
             gboolean  compression)
{
  g_autofree char *station_code = NULL;
  g_autofree char *desk_code = NULL;
  g_autoptr(GError) error = NULL;

  liaison_test_hq_init (&line->hq, "liaison-poor-line-XXXXXX");
  start_server (line, compression);
  liaison_test_hq_import_roster (&line->hq);
  line->proxy = liaison_test_proxy_start (line->hq.port);
  liaison_test_proxy_shape (line->proxy, TEST_BITS_PER_SECOND, TEST_ROUND_TRIP_MS);
  station_code = liaison_test_hq_station_code (&line->hq, "东山联络站");
  desk_code = liaison_test_hq_user_code (&line->hq, "代表工委");
  line->station = liaison_test_replica_new (&line->hq, "station.db");
  line->desk = liaison_test_replica_new (&line->hq, "desk.db");
  g_assert_true (liaison_test_enroll (line->station.engine, liaison_test_proxy_get_url (line->proxy),
                                      station_code, &error));
  g_assert_no_error (error);
  g_assert_true (liaison_test_enroll (line->desk.engine, liaison_test_proxy_get_url (line->proxy),
                                      desk_code, &error));
  g_assert_no_error (error);
  liaison_test_sync_ok (line->station.engine);
  liaison_test_sync_ok (line->desk.engine);
}

static void
line_clear (Line *line)
{
  liaison_test_replica_clear (&line->station);
  liaison_test_replica_clear (&line->desk);
  g_clear_pointer (&line->proxy, liaison_test_proxy_free);
  liaison_test_hq_clear (&line->hq);
}

/* Every request answered, and no more round trips than batches + 2. */
static void
assert_round_trips (const LiaisonTestLineSync *run)
{
  g_autofree char *said = liaison_test_line_describe (run);

  g_test_message ("%s", said);
  g_assert_cmpuint (run->wire.answers, ==, run->wire.requests);
  g_assert_cmpuint (run->wire.requests, <=, run->batches + 2);
}

/* A day's work pushed by the station, then pulled by headquarters' desk. */
static void
day_of_work (Line              *line,
             const char        *prefix,
             LiaisonTestLineSync *push,
             LiaisonTestLineSync *pull)
{
  liaison_test_add_receptions (line->station.store, N_RECEPTIONS, prefix);
  *push = liaison_test_line_sync (line->proxy, line->station.engine);
  g_assert_cmpuint (push->sync.sent, ==, N_RECEPTIONS);
  assert_round_trips (push);
  *pull = liaison_test_line_sync (line->proxy, line->desk.engine);
  g_assert_cmpuint (pull->sync.received, >=, N_RECEPTIONS);
  assert_round_trips (pull);
}

/* Against a server that does not compress (as before compression), then
 * the same server compressing: bodies go gzip both ways, a third of the
 * bytes at most; and back to a server that does not, the station stops
 * compressing. */
static void
test_both_ways (void)
{
  Line line = { 0 };
  LiaisonTestLineSync plain_push, plain_pull, gzip_push, gzip_pull, run;

  line_set_up (&line, FALSE);
  day_of_work (&line, "不压缩", &plain_push, &plain_pull);
  /* An older server: nothing compressed, nothing refused. */
  g_assert_cmpuint (plain_push.wire.gzip_requests + plain_push.wire.gzip_answers, ==, 0);
  g_assert_cmpuint (plain_pull.wire.gzip_requests + plain_pull.wire.gzip_answers, ==, 0);

  liaison_test_hq_stop (&line.hq);
  start_server (&line, TRUE);
  /* The first exchange with the new server tells the station. */
  liaison_test_sync_ok (line.station.engine);
  day_of_work (&line, "压缩后", &gzip_push, &gzip_pull);
  g_assert_cmpuint (gzip_push.wire.gzip_requests, >=, 1);
  g_assert_cmpuint (gzip_push.wire.gzip_answers, >=, 1);
  g_assert_cmpuint (gzip_pull.wire.gzip_answers, >=, 1);
  g_assert_cmpuint (gzip_push.wire.bytes_up * 3, <=, plain_push.wire.bytes_up);
  g_assert_cmpuint (gzip_pull.wire.bytes_down * 3, <=, plain_pull.wire.bytes_down);
  g_assert_cmpint (liaison_test_replica_receptions (&line.desk), ==, 2 * N_RECEPTIONS);

  /* The older server back: its answers no longer offer gzip, so the
   * station's next request goes plain. */
  liaison_test_hq_stop (&line.hq);
  start_server (&line, FALSE);
  liaison_test_add_receptions (line.station.store, 20, "换回旧版");
  liaison_test_sync_ok (line.station.engine);
  liaison_test_add_receptions (line.station.store, 20, "旧版之后");
  run = liaison_test_line_sync (line.proxy, line.station.engine);
  g_assert_cmpuint (run.sync.sent, ==, 20);
  g_assert_cmpuint (run.wire.gzip_requests, ==, 0);
  g_assert_cmpuint (liaison_test_replica_unsynced (&line.station), ==, 0);
  line_clear (&line);
}

/* notify::sent: once the first batch is acknowledged, cut the answer to
 * the next push in the middle of its gzip body. */
static void
cut_second_push (GObject    *engine,
                 GParamSpec *pspec,
                 gpointer    user_data)
{
  Line *line = user_data;

  if (liaison_sync_engine_get_sent (LIAISON_SYNC_ENGINE (engine)) == LIAISON_MAX_PUSH_RECORDS)
    liaison_test_proxy_cut_next (line->proxy, "POST /v1/push", 100);
}

/* A sync cut halfway, compression on: the next one sends only what
 * headquarters did not acknowledge, and nothing is lost or doubled; the
 * same for a pull cut in the middle of its gzip page. */
static void
test_resume (void)
{
  Line line = { 0 };
  LiaisonTestLineSync run;
  g_autoptr(GError) error = NULL;
  gulong handler;
  guint n = LIAISON_MAX_PUSH_RECORDS + 100;

  line_set_up (&line, TRUE);
  liaison_test_add_receptions (line.station.store, n, "断线续传");
  handler = g_signal_connect (line.station.engine, "notify::sent", G_CALLBACK (cut_second_push), &line);
  g_assert_false (liaison_test_sync (line.station.engine, NULL, &error));
  g_assert_error (error, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_NETWORK);
  g_clear_error (&error);
  g_signal_handler_disconnect (line.station.engine, handler);
  g_assert_cmpuint (liaison_test_proxy_get_cuts (line.proxy), ==, 1);
  /* The first batch was acknowledged; the second reached headquarters,
   * but its answer did not reach the station. */
  g_assert_cmpuint (liaison_test_replica_unsynced (&line.station), ==, n - LIAISON_MAX_PUSH_RECORDS);
  g_assert_cmpint (liaison_test_hq_count (&line.hq, "SELECT count(*) FROM records WHERE kind = 'reception'"), ==, n);

  run = liaison_test_line_sync (line.proxy, line.station.engine);
  assert_round_trips (&run);
  g_assert_cmpuint (run.sync.sent, ==, n - LIAISON_MAX_PUSH_RECORDS);
  g_assert_cmpuint (run.wire.gzip_requests, >=, 1);
  g_assert_cmpuint (liaison_test_replica_unsynced (&line.station), ==, 0);
  g_assert_cmpint (liaison_test_hq_count (&line.hq, "SELECT count(*) FROM records WHERE kind = 'reception'"), ==, n);

  /* Headquarters' pull, cut 2 KB into its gzip page: nothing applied,
   * then all of it once. */
  liaison_test_proxy_cut_next (line.proxy, "GET /v1/pull", 2048);
  g_assert_false (liaison_test_sync (line.desk.engine, NULL, &error));
  g_assert_error (error, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_NETWORK);
  g_assert_cmpuint (liaison_test_proxy_get_cuts (line.proxy), ==, 2);
  g_assert_cmpint (liaison_test_replica_receptions (&line.desk), ==, 0);
  run = liaison_test_line_sync (line.proxy, line.desk.engine);
  assert_round_trips (&run);
  g_assert_cmpuint (run.wire.gzip_answers, >=, 1);
  g_assert_cmpint (liaison_test_replica_receptions (&line.desk), ==, n);
  g_assert_cmpint (liaison_test_replica_distinct_receptions (&line.desk), ==, n);
  line_clear (&line);
}

/* A headquarters that says it takes gzip, then refuses it */

typedef struct {
  char *station_uuid;
  gboolean refuse;        /* answer a gzip push bad_encoding */
  char *push_coding;      /* the last push's Content-Encoding, "" for none */
} Fake;

static void
fake_handler (SoupServer        *server,
              SoupServerMessage *message,
              const char        *path,
              GHashTable        *query,
              gpointer           user_data)
{
  Fake *fake = user_data;
  SoupMessageHeaders *response = soup_server_message_get_response_headers (message);
  g_autofree char *body = NULL;
  guint status = 200;

  soup_message_headers_replace (response, LIAISON_PROTOCOL_HEADER, "1");
  /* Said even while refusing: a proxy on the way may mangle gzip. */
  soup_message_headers_replace (response, "Accept-Encoding", "gzip");
  if (g_str_equal (path, "/v1/enroll"))
    {
      body = liaison_test_fake_hq_enroll_answer (fake->station_uuid);
    }
  else if (g_str_equal (path, "/v1/push"))
    {
      const char *coding = soup_message_headers_get_one (soup_server_message_get_request_headers (message),
                                                         "Content-Encoding");

      g_free (fake->push_coding);
      fake->push_coding = g_strdup (coding != NULL ? coding : "");
      status = fake->refuse && coding != NULL ? SOUP_STATUS_BAD_REQUEST : SOUP_STATUS_SERVICE_UNAVAILABLE;
      body = g_strdup_printf ("{\"error\": {\"code\": \"%s\", \"message\": \"No.\"}}",
                              status == SOUP_STATUS_BAD_REQUEST ? LIAISON_PROTOCOL_ERROR_BAD_ENCODING
                                                                : LIAISON_PROTOCOL_ERROR_SERVER_ERROR);
    }
  else
    body = g_strdup ("{\"changes\": [], \"last_seq\": 0, \"more\": false}");
  soup_server_message_set_status (message, status, NULL);
  soup_server_message_set_response (message, "application/json", SOUP_MEMORY_TAKE, body, strlen (body));
  body = NULL;
}

/* The station compresses from the enroll answer on, since it offers gzip;
 * a server that then refuses its gzip (though it still offers it) gets a
 * sentence the clerk can read, and the next push goes plain. */
static void
test_refused (void)
{
  g_autofree char *dir = liaison_test_make_tmp_dir ("liaison-poor-line-refused-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "station.db", NULL);
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  Fake fake = { g_uuid_string_random (), FALSE, NULL };
  LiaisonTestReplica replica = { 0 };

  url = liaison_test_fake_hq_listen (server, fake_handler, &fake);

  replica.store = liaison_test_open_store (path);
  replica.engine = liaison_sync_engine_new (replica.store);
  g_assert_true (liaison_test_enroll (replica.engine, url, "fake", &error));
  g_assert_no_error (error);
  liaison_test_add_deputy (replica.store, "张伟", LIAISON_DEPUTY_LEVEL_CITY);
  liaison_test_add_receptions (replica.store, 20, "被拒压缩");

  fake.refuse = TRUE;
  g_assert_false (liaison_test_sync (replica.engine, NULL, &error));
  g_assert_cmpstr (fake.push_coding, ==, "gzip");
  g_assert_error (error, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_SERVER);
  g_assert_cmpstr (error->message, ==,
                   "Headquarters could not read what this station sent compressed; nothing was changed. "
                   "Sync again: the station now sends it uncompressed");
  g_clear_error (&error);
  g_assert_cmpuint (liaison_test_replica_unsynced (&replica), ==, 20);

  g_assert_false (liaison_test_sync (replica.engine, NULL, &error));
  g_assert_cmpstr (fake.push_coding, ==, "");

  liaison_test_replica_clear (&replica);
  g_free (fake.station_uuid);
  g_free (fake.push_coding);
  soup_server_disconnect (server);
  liaison_test_remove_tree (dir);
}

/* Hostile bodies */

/* One request with @coding as its Content-Encoding (NULL: none) and
 * @accept as its Accept-Encoding (NULL: none), through a session that
 * decodes nothing. Returns the answer's body as it came. */
static GBytes *
send_coded (SoupSession         *session,
            const char          *url,
            const char          *method,
            const char          *token,
            const char          *content_type,
            const char          *coding,
            const char          *accept,
            GBytes              *body,
            guint               *status,
            SoupMessageHeaders **headers)
{
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);
  SoupMessageHeaders *request_headers = soup_message_get_request_headers (msg);
  g_autoptr(GError) error = NULL;
  GBytes *answer;

  soup_message_headers_replace (request_headers, LIAISON_PROTOCOL_HEADER, "1");
  if (token != NULL)
    {
      g_autofree char *auth = g_strconcat ("Bearer ", token, NULL);

      soup_message_headers_replace (request_headers, "Authorization", auth);
    }
  if (coding != NULL)
    soup_message_headers_replace (request_headers, "Content-Encoding", coding);
  if (accept != NULL)
    soup_message_headers_replace (request_headers, "Accept-Encoding", accept);
  if (body != NULL)
    soup_message_set_request_body_from_bytes (msg, content_type, body);
  answer = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);
  *status = soup_message_get_status (msg);
  if (headers != NULL)
    *headers = soup_message_headers_ref (soup_message_get_response_headers (msg));
  return answer;
}

/* A push to /v1/push with @coding; asserts @status and the error @code
 * (NULL: a success). */
static void
assert_push (LiaisonTestHqEnrolled *enrolled,
             SoupSession           *session,
             const char            *coding,
             GBytes                *body,
             guint                  status,
             const char            *code)
{
  g_autofree char *url = g_strconcat (enrolled->hq.url, "/v1/push", NULL);
  g_autoptr(GBytes) answer = NULL;
  g_autofree char *got_code = NULL;
  guint got = 0;
  gsize length = 0;
  const char *data;

  answer = send_coded (session, url, "POST", enrolled->token_a, "application/json", coding, NULL, body, &got, NULL);
  data = g_bytes_get_data (answer, &length);
  g_test_message ("Content-Encoding %s: %u %.*s", coding, got, (int) MIN (length, 300), data);
  g_assert_cmpuint (got, ==, status);
  if (code != NULL)
    {
      g_assert_true (liaison_protocol_parse_error (data, length, &got_code, NULL));
      g_assert_cmpstr (got_code, ==, code);
    }
}

static GBytes *
push_body (const char *station)
{
  g_autofree char *uuid = g_uuid_string_random ();
  char *text = g_strdup_printf (
    "{\"protocol\": 1, \"records\": [{\"kind\": \"reception\", \"uuid\": \"%s\","
    " \"version\": 1, \"base_version\": 0, \"updated_at\": \"2025-03-05T01:30:00Z\","
    " \"origin_station\": \"%s\", \"deleted\": false, \"data\": {\"received_at\": \"2025-03-05 09:30\","
    " \"station\": \"%s\", \"channel\": \"walk_in\", \"category\": \"6c1a7e00-0000-4000-8000-000000000001\","
    " \"summary\": \"压缩的推送：小区路灯不亮，小区路灯不亮，小区路灯不亮\", \"handled_on_spot\": false,"
    " \"handling\": \"\", \"deputies\": [], \"visitors\": [{\"name\": \"赵敏\", \"phone\": \"\","
    " \"community\": \"\", \"party_size\": 1, \"consent\": true}]}}]}",
    uuid, station, station);

  return g_bytes_new_take (text, strlen (text));
}

static GBytes *
gzip_of (GBytes *bytes)
{
  return liaison_gzip_compress (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* @size bytes of spaces, gzip: a few KB that inflate to @size. */
static GBytes *
bomb (gsize size)
{
  g_autofree char *spaces = g_malloc (size);

  memset (spaces, ' ', size);
  return liaison_gzip_compress (spaces, size);
}

/* The first @length bytes of @bytes, then @tail. */
static GBytes *
spliced (GBytes     *bytes,
         gsize       length,
         const char *tail)
{
  GByteArray *out = g_byte_array_new ();

  g_byte_array_append (out, g_bytes_get_data (bytes, NULL), (guint) length);
  g_byte_array_append (out, (const guint8 *) tail, (guint) strlen (tail));
  return g_byte_array_free_to_bytes (out);
}

/* The sync API reads a gzip body like a plain one, refuses one that
 * inflates past 8 MiB, one that is not gzip or is cut short, and any
 * other coding, writing nothing and staying up; it answers gzip to a
 * request that accepts it. The public site does the same within its
 * 64 KiB, in words. */
static void
test_hostile (void)
{
  LiaisonTestHqEnrolled enrolled = { 0 };
  g_autoptr(SoupSession) raw = soup_session_new ();
  g_autoptr(GBytes) plain = NULL;
  g_autoptr(GBytes) gzip = NULL;
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GBytes) answer_gzip = NULL;
  g_autoptr(GBytes) inflated = NULL;
  g_autoptr(SoupMessageHeaders) headers = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pull_url = NULL;
  const char *records = "SELECT count(*) FROM records";
  gint64 before;
  guint status;

  /* Bodies exactly as sent: no decoder, no Accept-Encoding of its own. */
  soup_session_remove_feature_by_type (raw, SOUP_TYPE_CONTENT_DECODER);
  enrolled.hq.public_site = TRUE;
  liaison_test_hq_enrolled_set_up (&enrolled, "liaison-poor-line-hostile-XXXXXX");

  /* A gzip push is read like a plain one. */
  plain = push_body (enrolled.station_a);
  gzip = gzip_of (plain);
  before = liaison_test_hq_count (&enrolled.hq, records);
  assert_push (&enrolled, raw, "gzip", gzip, 200, NULL);
  g_assert_cmpint (liaison_test_hq_count (&enrolled.hq, records), ==, before + 1);
  before++;

  /* Refused, and nothing written. */
  {
    g_autoptr(GBytes) big = bomb (LIAISON_MAX_BODY_BYTES + 1);
    g_autoptr(GBytes) huge = bomb (64 * 1024 * 1024);
    g_autoptr(GBytes) garbage = g_bytes_new_static ("{\"protocol\": 1}", 15);
    g_autoptr(GBytes) cut = g_bytes_new_from_bytes (gzip, 0, g_bytes_get_size (gzip) - 9);
    g_autoptr(GBytes) trailing = spliced (gzip, g_bytes_get_size (gzip), "{}");
    g_autoptr(GBytes) at_cap = bomb (LIAISON_MAX_BODY_BYTES);

    g_assert_cmpuint (g_bytes_get_size (huge), <, 1024 * 1024);
    assert_push (&enrolled, raw, "gzip", big, 413, LIAISON_PROTOCOL_ERROR_TOO_LARGE);
    assert_push (&enrolled, raw, "gzip", huge, 413, LIAISON_PROTOCOL_ERROR_TOO_LARGE);
    assert_push (&enrolled, raw, "gzip", garbage, 400, LIAISON_PROTOCOL_ERROR_BAD_ENCODING);
    assert_push (&enrolled, raw, "gzip", cut, 400, LIAISON_PROTOCOL_ERROR_BAD_ENCODING);
    assert_push (&enrolled, raw, "gzip", trailing, 400, LIAISON_PROTOCOL_ERROR_BAD_ENCODING);
    assert_push (&enrolled, raw, "gzip, gzip", gzip, 415, LIAISON_PROTOCOL_ERROR_UNSUPPORTED_ENCODING);
    assert_push (&enrolled, raw, "br", gzip, 415, LIAISON_PROTOCOL_ERROR_UNSUPPORTED_ENCODING);
    /* 8 MiB of spaces inflates to the limit, not past it: it is read,
     * and is no JSON object. */
    assert_push (&enrolled, raw, "gzip", at_cap, 400, LIAISON_PROTOCOL_ERROR_BAD_JSON);
  }
  g_assert_cmpint (liaison_test_hq_count (&enrolled.hq, records), ==, before);

  /* A stranger's bomb is not even inflated: no token, no work. */
  {
    g_autofree char *url = g_strconcat (enrolled.hq.url, "/v1/push", NULL);
    g_autoptr(GBytes) big = bomb (LIAISON_MAX_BODY_BYTES + 1);
    g_autoptr(GBytes) refused = send_coded (raw, url, "POST", "not-a-token", "application/json", "gzip", NULL,
                                            big, &status, NULL);

    g_assert_cmpuint (status, ==, SOUP_STATUS_UNAUTHORIZED);
  }

  /* Still up; its answers say that request bodies may be gzip (RFC 7694),
   * and the pull comes gzip when asked for it, the same JSON. */
  pull_url = g_strconcat (enrolled.hq.url, "/v1/pull?since=0", NULL);
  answer = send_coded (raw, pull_url, "GET", enrolled.token_hq, NULL, NULL, NULL, NULL, &status, &headers);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpstr (soup_message_headers_get_one (headers, "Accept-Encoding"), ==, "gzip");
  g_assert_null (soup_message_headers_get_one (headers, "Content-Encoding"));
  g_clear_pointer (&headers, soup_message_headers_unref);
  answer_gzip = send_coded (raw, pull_url, "GET", enrolled.token_hq, NULL, NULL, "gzip, deflate", NULL,
                            &status, &headers);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpstr (soup_message_headers_get_one (headers, "Content-Encoding"), ==, "gzip");
  g_assert_cmpuint (g_bytes_get_size (answer_gzip) * 3, <, g_bytes_get_size (answer));
  inflated = liaison_gzip_decompress (answer_gzip, LIAISON_MAX_BODY_BYTES, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (inflated, answer));

  /* The public site, within its 64 KiB, in the citizen's words. */
  {
    g_autofree char *site = g_strconcat (enrolled.hq.public_url, "/", NULL);
    g_autoptr(GBytes) form = g_bytes_new_static ("summary=x", 9);
    g_autoptr(GBytes) form_gzip = gzip_of (form);
    g_autoptr(GBytes) site_bomb = bomb (65 * 1024);
    g_autoptr(GBytes) page = NULL;
    const char *type = "application/x-www-form-urlencoded";

    page = send_coded (raw, site, "POST", NULL, type, "gzip", NULL, site_bomb, &status, NULL);
    g_assert_cmpuint (status, ==, 413);
    g_clear_pointer (&page, g_bytes_unref);
    page = send_coded (raw, site, "POST", NULL, type, "gzip", NULL, form, &status, NULL);
    g_assert_cmpuint (status, ==, 400);
    g_assert_nonnull (g_strstr_len (g_bytes_get_data (page, NULL), (gssize) g_bytes_get_size (page),
                                    "提交的内容以本网站无法读取的方式压缩"));
    g_clear_pointer (&page, g_bytes_unref);
    page = send_coded (raw, site, "POST", NULL, type, "br", NULL, form_gzip, &status, NULL);
    g_assert_cmpuint (status, ==, 415);
    g_clear_pointer (&page, g_bytes_unref);
    /* A gzip form is read like a plain one: refused here only for its
     * missing fields (403 for the missing CSRF token). */
    page = send_coded (raw, site, "POST", NULL, type, "gzip", NULL, form_gzip, &status, NULL);
    g_assert_cmpuint (status, !=, 400);
    g_assert_cmpuint (status, !=, 413);
    g_assert_cmpuint (status, !=, 415);
  }
  g_assert_cmpint (liaison_test_hq_count (&enrolled.hq, records), ==, before);
  liaison_test_hq_enrolled_clear (&enrolled);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *config = NULL;
  int status;

  /* Station keys go to a file in a folder of our own, never a keyring. */
  config = liaison_test_private_keys ("liaison-poor-line-config-XXXXXX");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/poor-line/both-ways", test_both_ways);
  g_test_add_func ("/poor-line/resume", test_resume);
  g_test_add_func ("/poor-line/refused", test_refused);
  g_test_add_func ("/poor-line/hostile", test_hostile);
  status = g_test_run ();
  liaison_test_remove_tree (config);
  return status;
}
