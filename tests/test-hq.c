/* test-hq.c: liaison-hq alone, over real HTTP.
 *
 * Each test runs `liaison-hq init` and `liaison-hq serve --listen
 * 127.0.0.1:0` in a temporary directory, reads the port from its first
 * line, talks to it with libsoup and stops it with SIGTERM.
 */
#define G_LOG_DOMAIN "test-hq"

#include "config.h"

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "liaison-loop-wire.h"
#include "liaison-protocol.h"
#include "liaison-store-loop.h"
#include "liaison-test-hq-enrolled.h"
#include "liaison-test-hq.h"
#include "liaison-test-util.h"

#define CATEGORY_1 "6c1a7e00-0000-4000-8000-000000000001"

typedef LiaisonTestHqEnrolled Fixture;

/* The server, on a port of its choice; over HTTPS with @cert and @key. */
static void
start_server (Fixture    *fixture,
              const char *cert,
              const char *key)
{
  g_free (fixture->hq.tls_cert);
  g_free (fixture->hq.tls_key);
  fixture->hq.tls_cert = g_strdup (cert);
  fixture->hq.tls_key = g_strdup (key);
  fixture->hq.port = 0;
  liaison_test_hq_start (&fixture->hq);
}

/* HTTP */

typedef struct {
  guint       status;
  char       *body;
  gsize       length;
  JsonNode   *json;
  SoupMessageHeaders *headers;
} Answer;

static void
answer_free (Answer *answer)
{
  g_free (answer->body);
  g_clear_pointer (&answer->json, json_node_unref);
  g_clear_pointer (&answer->headers, soup_message_headers_unref);
  g_free (answer);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Answer, answer_free)

typedef enum {
  NO_PROTOCOL = 1 << 0,
} RequestFlags;

static Answer *
request_full (Fixture      *fixture,
              const char   *method,
              const char   *path,
              const char   *token,
              const char   *content_type,
              const char   *body,
              gssize        length,
              const char   *content_range,
              RequestFlags  flags)
{
  Answer *answer = g_new0 (Answer, 1);
  g_autoptr(GBytes) bytes = NULL;

  bytes = liaison_test_hq_send (&fixture->hq, fixture->session, method, path, token,
                                (flags & NO_PROTOCOL) != 0, content_type, body,
                                body == NULL || length >= 0 ? (gsize) length : strlen (body),
                                content_range, &answer->status, &answer->headers);
  /* Byte for byte, NULs too (an attachment), and still a string. */
  answer->length = g_bytes_get_size (bytes);
  answer->body = g_malloc0 (answer->length + 1);
  if (answer->length > 0)
    memcpy (answer->body, g_bytes_get_data (bytes, NULL), answer->length);
  /* Every answer says which protocol it speaks. */
  g_assert_cmpstr (soup_message_headers_get_one (answer->headers, LIAISON_PROTOCOL_HEADER), ==, "1");
  if (answer->length > 0 && !g_str_equal (method, "HEAD") &&
      g_strcmp0 (soup_message_headers_get_content_type (answer->headers, NULL), "application/json") == 0)
    answer->json = json_from_string (answer->body, NULL);
  return answer;
}

static Answer *
get (Fixture    *fixture,
     const char *path,
     const char *token)
{
  return request_full (fixture, "GET", path, token, NULL, NULL, 0, NULL, 0);
}

static Answer *
post (Fixture    *fixture,
      const char *path,
      const char *token,
      const char *json)
{
  return request_full (fixture, "POST", path, token, "application/json", json, -1, NULL, 0);
}

static JsonObject *
answer_object (Answer *answer)
{
  g_assert_nonnull (answer->json);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (answer->json));
  return json_node_get_object (answer->json);
}

/* A 4xx with {"error": {"code": @code, "message": …}}. */
static void
assert_error (Answer     *answer,
              guint       status,
              const char *code)
{
  g_autofree char *got_code = NULL;
  g_autofree char *message = NULL;

  if (answer->status != status)
    g_test_message ("answer: %u %s", answer->status, answer->body);
  g_assert_cmpuint (answer->status, ==, status);
  g_assert_true (liaison_protocol_parse_error (answer->body, answer->length, &got_code, &message));
  g_assert_cmpstr (got_code, ==, code);
  g_assert_nonnull (message);
  g_assert_cmpstr (message, !=, "");
}

/* Records */

static char *
reception_json (const char *uuid,
                const char *station,
                gint64      version,
                gint64      base_version,
                const char *summary)
{
  return g_strdup_printf (
    "{\"kind\": \"reception\", \"uuid\": \"%s\", \"version\": %" G_GINT64_FORMAT ", \"base_version\": %" G_GINT64_FORMAT ","
    " \"updated_at\": \"2024-03-05T01:30:00Z\", \"origin_station\": \"%s\", \"deleted\": false,"
    " \"data\": {\"received_at\": \"2024-03-05 09:30\", \"station\": \"%s\", \"channel\": \"walk_in\","
    " \"category\": \"" CATEGORY_1 "\", \"summary\": \"%s\", \"handled_on_spot\": false, \"handling\": \"\","
    " \"deputies\": [\"0b6c1111-2222-4333-8444-555566667777\"],"
    " \"visitors\": [{\"name\": \"王建国\", \"phone\": \"13800138000\", \"community\": \"东山社区\","
    " \"party_size\": 1, \"consent\": true}]}}",
    uuid, version, base_version, station, station, summary);
}

static char *
deputy_json (const char *uuid,
             gint64      version,
             gint64      base_version,
             const char *name)
{
  return g_strdup_printf (
    "{\"kind\": \"deputy\", \"uuid\": \"%s\", \"version\": %" G_GINT64_FORMAT ", \"base_version\": %" G_GINT64_FORMAT ","
    " \"updated_at\": \"2024-03-05T01:30:00Z\", \"origin_station\": null, \"deleted\": false,"
    " \"data\": {\"name\": \"%s\", \"level\": \"city\", \"group\": null, \"station\": null,"
    " \"specialty\": \"农业\", \"phone\": null}}",
    uuid, version, base_version, name);
}

/* Pushes @records (a JSON array's members) and returns the results array. */
static JsonArray *
push (Fixture    *fixture,
      const char *token,
      const char *records,
      Answer    **out)
{
  g_autofree char *body = g_strdup_printf ("{\"protocol\": 1, \"records\": [%s]}", records);
  Answer *answer = post (fixture, "/v1/push", token, body);

  if (answer->status != 200)
    g_test_message ("push: %u %s", answer->status, answer->body);
  g_assert_cmpuint (answer->status, ==, 200);
  *out = answer;
  return json_object_get_array_member (answer_object (answer), "results");
}

static JsonObject *
result_at (JsonArray *results,
           guint      i)
{
  return json_array_get_object_element (results, i);
}

static void
assert_result (JsonArray  *results,
               guint       i,
               const char *status,
               const char *code)
{
  JsonObject *result = result_at (results, i);

  g_assert_cmpstr (json_object_get_string_member (result, "status"), ==, status);
  if (code != NULL)
    {
      g_assert_cmpstr (json_object_get_string_member (result, "code"), ==, code);
      g_assert_cmpstr (json_object_get_string_member (result, "reason"), !=, "");
    }
}

/* All of the feed @token may see, as kind/uuid -> record; and the last seq. */
static GHashTable *
pull_all (Fixture    *fixture,
          const char *token,
          guint       limit,
          gint64     *last_seq,
          guint      *n_pages)
{
  GHashTable *records = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                               (GDestroyNotify) json_object_unref);
  gint64 since = 0;
  gboolean more = TRUE;

  *n_pages = 0;
  while (more)
    {
      g_autofree char *path = g_strdup_printf ("/v1/pull?since=%" G_GINT64_FORMAT "&limit=%u", since, limit);
      g_autoptr(Answer) answer = get (fixture, path, token);
      JsonObject *page;
      JsonArray *changes;
      gint64 previous = since;

      g_assert_cmpuint (answer->status, ==, 200);
      page = answer_object (answer);
      changes = json_object_get_array_member (page, "changes");
      g_assert_cmpuint (json_array_get_length (changes), <=, limit);
      for (guint i = 0; i < json_array_get_length (changes); i++)
        {
          JsonObject *change = json_array_get_object_element (changes, i);
          gint64 seq = json_object_get_int_member (change, "seq");
          g_autofree char *key = g_strdup_printf ("%s/%s", json_object_get_string_member (change, "kind"),
                                                  json_object_get_string_member (change, "uuid"));

          /* Oldest first, after since, each record once. */
          g_assert_cmpint (seq, >, previous);
          previous = seq;
          g_assert_false (g_hash_table_contains (records, key));
          g_hash_table_insert (records, g_steal_pointer (&key), json_object_ref (change));
        }
      since = json_object_get_int_member (page, "last_seq");
      more = json_object_get_boolean_member (page, "more");
      (*n_pages)++;
      g_assert_cmpuint (*n_pages, <, 1000);
    }
  *last_seq = since;
  return records;
}

static char *
feed_snapshot (Fixture *fixture)
{
  g_autofree char *path = g_strdup ("/v1/pull?since=0&limit=1000");
  g_autoptr(Answer) answer = get (fixture, path, fixture->token_hq);

  g_assert_cmpuint (answer->status, ==, 200);
  return g_strdup (answer->body);
}

/* Fixture */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  liaison_test_hq_enrolled_set_up (fixture, "test-hq-XXXXXX");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  liaison_test_hq_enrolled_clear (fixture);
}

/* Tests */

static void
test_hello_enroll (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(Answer) hello = get (fixture, "/v1/hello", NULL);
  JsonObject *object = answer_object (hello);
  g_autofree char *out = NULL;
  g_autofree char *code = NULL;
  g_autofree char *body = NULL;

  g_assert_cmpuint (hello->status, ==, 200);
  g_assert_cmpstr (json_object_get_string_member (object, "service"), ==, "liaison-hq");
  g_assert_cmpint (json_object_get_int_member (object, "protocol"), ==, 1);
  g_assert_true (g_uuid_string_is_valid (json_object_get_string_member (object, "server_id")));

  /* Tokens: 43 base64url characters, different for each enrollment. */
  g_assert_cmpuint (strlen (fixture->token_a), ==, 43);
  g_assert_cmpuint (strspn (fixture->token_a, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"), ==, 43);
  g_assert_cmpstr (fixture->token_a, !=, fixture->token_b);
  g_assert_true (g_uuid_string_is_valid (fixture->station_a));
  g_assert_cmpstr (fixture->station_a, !=, fixture->station_b);

  /* A fresh code: the answer describes the station; used again, refused. */
  g_assert_cmpint (liaison_test_run_hq (&out, NULL, "station", "add", "--data-dir", fixture->hq.data_dir,
                           "南湖工作室", "--kind", "studio", "--district", "杜集区", NULL), ==, 0);
  code = liaison_test_last_line (out);
  body = g_strdup_printf ("{\"protocol\": 1, \"code\": \"%s\"}", code);
  {
    g_autoptr(Answer) answer = post (fixture, "/v1/enroll", NULL, body);
    JsonObject *station;

    g_assert_cmpuint (answer->status, ==, 200);
    object = answer_object (answer);
    g_assert_cmpstr (json_object_get_string_member (object, "role"), ==, "station");
    g_assert_cmpstr (json_object_get_string_member (object, "server_id"), ==,
                     json_object_get_string_member (answer_object (hello), "server_id"));
    station = json_object_get_object_member (object, "station");
    g_assert_cmpstr (json_object_get_string_member (station, "name"), ==, "南湖工作室");
    g_assert_cmpstr (json_object_get_string_member (station, "kind"), ==, "studio");
    g_assert_cmpstr (json_object_get_string_member (station, "district"), ==, "杜集区");
  }
  {
    g_autoptr(Answer) again = post (fixture, "/v1/enroll", NULL, body);

    assert_error (again, 403, "bad_code");
  }
  {
    g_autoptr(Answer) unknown = post (fixture, "/v1/enroll", NULL, "{\"protocol\": 1, \"code\": \"AAAA-BBBB-CCCC-DDDD\"}");

    assert_error (unknown, 403, "bad_code");
  }

  /* Headquarters' token has no station. */
  {
    g_autofree char *list = NULL;

    g_assert_cmpint (liaison_test_run_hq (&list, NULL, "token", "list", "--data-dir", fixture->hq.data_dir, NULL), ==, 0);
    g_assert_nonnull (strstr (list, "\thq\t-\t代表工委\t"));
    g_assert_nonnull (strstr (list, fixture->station_a));
    /* Only hashes are stored: the token itself is nowhere in the list. */
    g_assert_null (strstr (list, fixture->token_a));
  }
}

static void
test_cli_errors (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *err = NULL;
  g_autofree char *missing = g_build_filename (fixture->hq.dir, "nowhere", NULL);

  /* init twice: refused, clearly. */
  g_assert_cmpint (liaison_test_run_hq (NULL, &err, "init", "--data-dir", fixture->hq.data_dir, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "already"));
  g_clear_pointer (&err, g_free);
  /* Usage errors exit 2. */
  g_assert_cmpint (liaison_test_run_hq (NULL, &err, "frobnicate", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "Usage"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (liaison_test_run_hq (NULL, &err, "station", "add", "--data-dir", fixture->hq.data_dir, NULL), ==, 2);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (liaison_test_run_hq (NULL, &err, "user", "add", "--data-dir", fixture->hq.data_dir,
                           "--role", "station", "某人", NULL), ==, 2);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (liaison_test_run_hq (NULL, &err, "station", "add", "--data-dir", fixture->hq.data_dir,
                           "某站", "--kind", "castle", NULL), ==, 2);
  g_clear_pointer (&err, g_free);
  /* No database: exit 1 and say how to make one. */
  g_assert_cmpint (liaison_test_run_hq (NULL, &err, "token", "list", "--data-dir", missing, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "init"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (liaison_test_run_hq (NULL, &err, "token", "revoke", "--data-dir", fixture->hq.data_dir,
                           "00000000", NULL), ==, 1);
}

static void
test_push (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *uuid_forged = g_uuid_string_random ();
  g_autofree char *deputy = g_uuid_string_random ();
  g_autoptr(Answer) answer = NULL;
  g_autoptr(GString) batch = g_string_new (NULL);
  g_autoptr(GHashTable) feed = NULL;
  JsonArray *results;
  gint64 last_seq;
  guint pages;

  {
    g_autofree char *r1 = reception_json (uuid, fixture->station_a, 1, 0, "路灯坏了");
    g_autofree char *r1_changed = reception_json (uuid, fixture->station_a, 1, 0, "路灯又坏了");
    g_autofree char *r2 = reception_json (uuid, fixture->station_a, 2, 1, "路灯修好了");
    g_autofree char *stale = reception_json (uuid, fixture->station_a, 2, 0, "旧的修改");
    g_autofree char *other = reception_json (uuid_forged, fixture->station_b, 1, 0, "冒充西山");
    g_autofree char *dep = deputy_json (deputy, 1, 0, "张伟");

    /* applied, then an identical resend is a duplicate, the same version
     * with other content and a stale base are conflicts. */
    g_string_printf (batch, "%s", r1);
    results = push (fixture, fixture->token_a, batch->str, &answer);
    g_assert_cmpuint (json_array_get_length (results), ==, 1);
    assert_result (results, 0, "applied", NULL);
    g_assert_cmpint (json_object_get_int_member (result_at (results, 0), "version"), ==, 1);
    g_assert_cmpstr (json_object_get_string_member (result_at (results, 0), "uuid"), ==, uuid);
    g_clear_pointer (&answer, answer_free);

    g_string_printf (batch, "%s, %s, %s, %s, %s, %s, 42, {\"kind\": \"motion\", \"uuid\": \"%s\"},"
                            " {\"kind\": \"reception\", \"uuid\": \"not-a-uuid\", \"version\": 1}",
                     r1, r1_changed, r2, stale, other, dep, deputy);
    results = push (fixture, fixture->token_a, batch->str, &answer);
    g_assert_cmpuint (json_array_get_length (results), ==, 9);
    assert_result (results, 0, "duplicate", NULL);
    assert_result (results, 1, "conflict", NULL);
    g_assert_cmpint (json_object_get_int_member (result_at (results, 1), "version"), ==, 1);
    g_assert_cmpstr (json_object_get_string_member (
                       json_object_get_object_member (
                         json_object_get_object_member (result_at (results, 1), "current"), "data"), "summary"),
                     ==, "路灯坏了");
    /* One bad record does not sink its batch: r2 still applies. */
    assert_result (results, 2, "applied", NULL);
    assert_result (results, 3, "conflict", NULL);
    g_assert_cmpint (json_object_get_int_member (result_at (results, 3), "version"), ==, 2);
    assert_result (results, 4, "rejected", "not_your_station");
    assert_result (results, 5, "rejected", "read_only");
    assert_result (results, 6, "rejected", "invalid");
    assert_result (results, 7, "rejected", "unknown_kind");
    assert_result (results, 8, "rejected", "invalid");
    g_clear_pointer (&answer, answer_free);

    /* Headquarters pushes what it owns, not what stations own. */
    g_string_printf (batch, "%s, %s", dep, r1);
    results = push (fixture, fixture->token_hq, batch->str, &answer);
    assert_result (results, 0, "applied", NULL);
    assert_result (results, 1, "rejected", "read_only");
    g_clear_pointer (&answer, answer_free);

    /* Station B may not overwrite A's record, even naming itself. */
    {
      g_autofree char *hijack = reception_json (uuid, fixture->station_b, 3, 2, "劫持");

      results = push (fixture, fixture->token_b, hijack, &answer);
      assert_result (results, 0, "rejected", "not_your_station");
      g_clear_pointer (&answer, answer_free);
    }
  }

  /* The server takes the station from the token, not from the record. */
  {
    g_autofree char *fresh = g_uuid_string_random ();
    g_autofree char *r = reception_json (fresh, fixture->station_a, 1, 0, "来源站");
    g_autofree char *forged = NULL;
    g_autofree char *key = g_strdup_printf ("reception/%s", fresh);
    JsonObject *pulled;
    char *at = NULL;

    /* Claim station B as the origin. */
    forged = g_strdup (r);
    at = strstr (forged, fixture->station_a);
    memcpy (at, fixture->station_b, strlen (fixture->station_b));
    results = push (fixture, fixture->token_a, forged, &answer);
    assert_result (results, 0, "applied", NULL);
    g_clear_pointer (&answer, answer_free);

    feed = pull_all (fixture, fixture->token_hq, 1000, &last_seq, &pages);
    pulled = g_hash_table_lookup (feed, key);
    g_assert_nonnull (pulled);
    g_assert_cmpstr (json_object_get_string_member (pulled, "origin_station"), ==, fixture->station_a);
  }

  /* The feed holds the latest version of the record, once. */
  {
    g_autofree char *key = g_strdup_printf ("reception/%s", uuid);
    JsonObject *pulled = g_hash_table_lookup (feed, key);

    g_assert_nonnull (pulled);
    g_assert_cmpint (json_object_get_int_member (pulled, "version"), ==, 2);
    g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (pulled, "data"), "summary"),
                     ==, "路灯修好了");
    g_assert_false (g_hash_table_contains (feed, "motion"));
  }

  /* A batch over 500 records is refused whole. */
  {
    g_autoptr(GString) big = g_string_new ("{\"protocol\": 1, \"records\": [");
    g_autofree char *before = feed_snapshot (fixture);
    g_autofree char *after = NULL;

    for (guint i = 0; i < 501; i++)
      {
        g_autofree char *id = g_uuid_string_random ();
        g_autofree char *r = reception_json (id, fixture->station_a, 1, 0, "批量");

        g_string_append_printf (big, "%s%s", i > 0 ? "," : "", r);
      }
    g_string_append (big, "]}");
    g_clear_pointer (&answer, answer_free);
    answer = post (fixture, "/v1/push", fixture->token_a, big->str);
    assert_error (answer, 413, "too_large");
    after = feed_snapshot (fixture);
    g_assert_cmpstr (before, ==, after);
  }

  /* One log line per request, with no token in it. */
  {
    g_autofree char *log = NULL;

    g_assert_true (g_file_get_contents (fixture->hq.log_path, &log, NULL, NULL));
    g_assert_nonnull (strstr (log, "method=POST path=/v1/push status=200 "));
    g_assert_nonnull (strstr (log, "records_in=9 "));
    g_assert_nonnull (strstr (log, " token=station:"));
    g_assert_nonnull (strstr (log, " token=hq:"));
    g_assert_null (strstr (log, fixture->token_a));
    g_assert_null (strstr (log, fixture->token_hq));
    g_assert_null (strstr (log, "王建国"));
  }
}

static void
test_pull_scope (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GString) batch_a = g_string_new (NULL);
  g_autoptr(GString) batch_b = g_string_new (NULL);
  g_autoptr(Answer) answer = NULL;
  g_autoptr(GHashTable) seen_a = NULL;
  g_autoptr(GHashTable) seen_b = NULL;
  g_autoptr(GHashTable) seen_hq = NULL;
  g_autofree char *deputy = g_uuid_string_random ();
  g_autofree char *dep = deputy_json (deputy, 1, 0, "李秀英");
  GHashTableIter iter;
  gpointer key, value;
  gint64 last_a, last_hq, last_again;
  guint pages;

  for (guint i = 0; i < 25; i++)
    {
      g_autofree char *ua = g_uuid_string_random ();
      g_autofree char *ub = g_uuid_string_random ();
      g_autofree char *ra = reception_json (ua, fixture->station_a, 1, 0, "东山");
      g_autofree char *rb = reception_json (ub, fixture->station_b, 1, 0, "西山");

      g_string_append_printf (batch_a, "%s%s", i > 0 ? "," : "", ra);
      g_string_append_printf (batch_b, "%s%s", i > 0 ? "," : "", rb);
    }
  push (fixture, fixture->token_a, batch_a->str, &answer);
  g_clear_pointer (&answer, answer_free);
  push (fixture, fixture->token_b, batch_b->str, &answer);
  g_clear_pointer (&answer, answer_free);
  push (fixture, fixture->token_hq, dep, &answer);
  g_clear_pointer (&answer, answer_free);

  /* Pages of 7: since/limit/more walk the whole feed. */
  seen_a = pull_all (fixture, fixture->token_a, 7, &last_a, &pages);
  g_assert_cmpuint (pages, >, 3);
  seen_b = pull_all (fixture, fixture->token_b, 1000, &last_again, &pages);
  g_assert_cmpuint (pages, ==, 1);
  seen_hq = pull_all (fixture, fixture->token_hq, 10, &last_hq, &pages);

  /* 2 stations + 10 categories + the rules + 1 deputy, and the station's own 25. */
  g_assert_cmpuint (g_hash_table_size (seen_a), ==, 14 + 25);
  g_assert_cmpuint (g_hash_table_size (seen_b), ==, 14 + 25);
  g_assert_cmpuint (g_hash_table_size (seen_hq), ==, 14 + 50);
  g_hash_table_iter_init (&iter, seen_a);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_str_has_prefix (key, "reception/"))
      g_assert_cmpstr (json_object_get_string_member (value, "origin_station"), ==, fixture->station_a);
  g_hash_table_iter_init (&iter, seen_b);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_str_has_prefix (key, "reception/"))
      g_assert_cmpstr (json_object_get_string_member (value, "origin_station"), ==, fixture->station_b);
  g_assert_cmpint (last_a, ==, last_hq);

  /* Nothing new: an empty page, not more, at the same checkpoint. */
  {
    g_autofree char *path = g_strdup_printf ("/v1/pull?since=%" G_GINT64_FORMAT, last_a);
    g_autoptr(Answer) empty = get (fixture, path, fixture->token_a);
    JsonObject *page = answer_object (empty);

    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (page, "changes")), ==, 0);
    g_assert_false (json_object_get_boolean_member (page, "more"));
    g_assert_cmpint (json_object_get_int_member (page, "last_seq"), ==, last_a);
  }

  /* A roster change reaches the station as one change after its checkpoint. */
  {
    g_autofree char *dep2 = deputy_json (deputy, 2, 1, "李秀英（改）");
    g_autofree char *path = g_strdup_printf ("/v1/pull?since=%" G_GINT64_FORMAT, last_a);
    g_autoptr(Answer) page = NULL;
    JsonArray *changes;

    push (fixture, fixture->token_hq, dep2, &answer);
    g_clear_pointer (&answer, answer_free);
    page = get (fixture, path, fixture->token_a);
    changes = json_object_get_array_member (answer_object (page), "changes");
    g_assert_cmpuint (json_array_get_length (changes), ==, 1);
    g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (changes, 0), "version"), ==, 2);
  }

  /* Bad parameters. */
  {
    g_autoptr(Answer) a1 = get (fixture, "/v1/pull?limit=0", fixture->token_a);
    g_autoptr(Answer) a2 = get (fixture, "/v1/pull?limit=1001", fixture->token_a);
    g_autoptr(Answer) a3 = get (fixture, "/v1/pull?since=-1", fixture->token_a);
    g_autoptr(Answer) a4 = get (fixture, "/v1/pull?since=abc", fixture->token_a);

    assert_error (a1, 400, "bad_request");
    assert_error (a2, 400, "bad_request");
    assert_error (a3, 400, "bad_request");
    assert_error (a4, 400, "bad_request");
  }
}

static void
test_revoke (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *hash = liaison_protocol_hash_token (fixture->token_a);
  g_autofree char *id = g_strndup (hash, 8);
  g_autofree char *out = NULL;
  g_autoptr(Answer) before = get (fixture, "/v1/pull", fixture->token_a);
  g_autoptr(Answer) after = NULL;
  g_autoptr(Answer) other = NULL;

  g_assert_cmpuint (before->status, ==, 200);
  g_assert_cmpint (liaison_test_run_hq (&out, NULL, "token", "revoke", "--data-dir", fixture->hq.data_dir, id, NULL), ==, 0);
  g_assert_nonnull (strstr (out, id));
  after = get (fixture, "/v1/pull", fixture->token_a);
  assert_error (after, 401, "revoked_token");
  /* Other tokens still work. */
  other = get (fixture, "/v1/pull", fixture->token_b);
  g_assert_cmpuint (other->status, ==, 200);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (liaison_test_run_hq (&out, NULL, "token", "list", "--data-dir", fixture->hq.data_dir, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "revoked"));
}

typedef struct {
  const char *method;
  const char *path;
  gboolean    authed;
  gboolean    json;  /* takes a JSON body */
} EndpointCase;

static void
test_bad_requests (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "photo", -1);
  g_autofree char *attachment = g_strconcat ("/v1/attachments/", sha, NULL);
  const EndpointCase endpoints[] = {
    { "GET", "/v1/hello", FALSE, FALSE },
    { "POST", "/v1/enroll", FALSE, TRUE },
    { "POST", "/v1/push", TRUE, TRUE },
    { "GET", "/v1/pull", TRUE, FALSE },
    { "PUT", attachment, TRUE, FALSE },
    { "HEAD", attachment, TRUE, FALSE },
    { "GET", attachment, TRUE, FALSE },
  };
  g_autofree char *before = feed_snapshot (fixture);
  g_autofree char *after = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (endpoints); i++)
    {
      const EndpointCase *e = &endpoints[i];
      const char *token = e->authed ? fixture->token_a : NULL;
      gboolean head = g_str_equal (e->method, "HEAD");

      g_test_message ("%s %s", e->method, e->path);

      /* No protocol header. */
      {
        g_autoptr(Answer) a = request_full (fixture, e->method, e->path, token, "application/json",
                                            e->json ? "{\"protocol\": 1}" : NULL, -1, NULL, NO_PROTOCOL);

        if (head)
          g_assert_cmpuint (a->status, ==, 400);
        else
          assert_error (a, 400, "unsupported_protocol");
      }
      /* Wrong method. */
      {
        g_autoptr(Answer) a = request_full (fixture, "DELETE", e->path, token, NULL, NULL, 0, NULL, 0);

        assert_error (a, 405, "method_not_allowed");
      }
      /* Unauthenticated, and with a made-up token. */
      if (e->authed)
        {
          g_autoptr(Answer) a = request_full (fixture, e->method, e->path, NULL, "application/json",
                                              e->json ? "{\"protocol\": 1, \"records\": []}" : NULL, -1, NULL, 0);
          g_autoptr(Answer) b = request_full (fixture, e->method, e->path,
                                              "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "application/json",
                                              e->json ? "{\"protocol\": 1, \"records\": []}" : NULL, -1, NULL, 0);

          if (head)
            {
              g_assert_cmpuint (a->status, ==, 401);
              g_assert_cmpuint (b->status, ==, 401);
            }
          else
            {
              assert_error (a, 401, "no_token");
              assert_error (b, 401, "bad_token");
            }
        }
      /* Oversized bodies: 413 before anything else is looked at. */
      if (!head && !g_str_equal (e->method, "GET"))
        {
          gsize size = g_str_has_prefix (e->path, "/v1/attachments/") ? 10 * 1024 * 1024 + 1 : 9 * 1024 * 1024;
          g_autofree char *body = g_malloc (size);
          g_autoptr(Answer) a = NULL;

          memset (body, ' ', size);
          body[0] = '{';
          a = request_full (fixture, e->method, e->path, token, "application/json", body, size, NULL, 0);
          assert_error (a, 413, "too_large");
        }
      if (!e->json)
        continue;

      /* Malformed, truncated, wrong types, wrong content type, another protocol. */
      {
        const char *bodies[] = {
          "not json at all",
          "{\"protocol\": 1, \"records\": [{\"kind\": \"recep",
          "",
          "[1, 2, 3]",
          "\"a string\"",
          "{\"protocol\": 1, \"records\": {\"kind\": \"reception\"}, \"code\": 42}",
          "{\"protocol\": 1, \"records\": \"none\", \"code\": [\"x\"]}",
          "\xff\xfe{\"protocol\": 1}",
        };

        for (guint j = 0; j < G_N_ELEMENTS (bodies); j++)
          {
            g_autoptr(Answer) a = request_full (fixture, e->method, e->path, token, "application/json",
                                                bodies[j], -1, NULL, 0);

            assert_error (a, 400, "bad_json");
          }
      }
      {
        g_autoptr(Answer) a = request_full (fixture, e->method, e->path, token, "text/plain",
                                            "{\"protocol\": 1, \"records\": []}", -1, NULL, 0);
        g_autoptr(Answer) b = request_full (fixture, e->method, e->path, token, NULL,
                                            "{\"protocol\": 1, \"records\": []}", -1, NULL, 0);
        g_autoptr(Answer) c = request_full (fixture, e->method, e->path, token, "application/json",
                                            "{\"protocol\": 2, \"records\": [], \"code\": \"X\"}", -1, NULL, 0);
        g_autoptr(Answer) d = request_full (fixture, e->method, e->path, token, "application/json",
                                            "{\"protocol\": \"1\", \"records\": [], \"code\": \"X\"}", -1, NULL, 0);
        g_autoptr(Answer) f = request_full (fixture, e->method, e->path, token, "application/json",
                                            "{\"records\": [], \"code\": \"X\"}", -1, NULL, 0);

        assert_error (a, 415, "bad_content_type");
        assert_error (b, 415, "bad_content_type");
        assert_error (c, 400, "unsupported_protocol");
        assert_error (d, 400, "unsupported_protocol");
        assert_error (f, 400, "unsupported_protocol");
      }
    }

  /* Unknown endpoints. */
  {
    const char *paths[] = { "/", "/v1", "/v1/", "/v2/hello", "/v1/hello/x", "/v1/attachments/abc",
                            "/v1/attachments/", "/v1/pushes" };

    for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
      {
        g_autoptr(Answer) a = get (fixture, paths[i], fixture->token_a);

        assert_error (a, 404, "not_found");
      }
  }

  /* Nothing was written. */
  after = feed_snapshot (fixture);
  g_assert_cmpstr (before, ==, after);
  {
    g_autofree char *dir = g_build_filename (fixture->hq.data_dir, "attachments", NULL);
    g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);

    g_assert_true (listing == NULL || g_dir_read_name (listing) == NULL);
  }
}

static void
test_attachments (Fixture       *fixture,
                  gconstpointer  data)
{
  gsize size = 300 * 1024;
  g_autofree char *bytes = g_malloc (size);
  g_autofree char *sha = NULL;
  g_autofree char *path = NULL;
  g_autofree char *range1 = NULL;
  g_autofree char *range2 = NULL;

  for (gsize i = 0; i < size; i++)
    bytes[i] = (char) (i * 7 + i / 251);
  sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) bytes, size);
  path = g_strconcat ("/v1/attachments/", sha, NULL);

  {
    g_autoptr(Answer) a = request_full (fixture, "HEAD", path, fixture->token_a, NULL, NULL, 0, NULL, 0);

    g_assert_cmpuint (a->status, ==, 404);
    g_assert_null (soup_message_headers_get_one (a->headers, "Liaison-Received"));
  }
  /* The first part, then HEAD says how much arrived. */
  range1 = g_strdup_printf ("bytes 0-%" G_GSIZE_FORMAT "/%" G_GSIZE_FORMAT, size / 3 - 1, size);
  {
    g_autoptr(Answer) a = request_full (fixture, "PUT", path, fixture->token_a, "application/octet-stream",
                                        bytes, size / 3, range1, 0);
    g_autoptr(Answer) h = request_full (fixture, "HEAD", path, fixture->token_a, NULL, NULL, 0, NULL, 0);
    g_autofree char *expected = g_strdup_printf ("%" G_GSIZE_FORMAT, size / 3);

    g_assert_cmpuint (a->status, ==, 202);
    g_assert_cmpuint (h->status, ==, 404);
    g_assert_cmpstr (soup_message_headers_get_one (h->headers, "Liaison-Received"), ==, expected);
  }
  /* A part that does not start where the received part ends is refused. */
  {
    g_autofree char *wrong = g_strdup_printf ("bytes 10-19/%" G_GSIZE_FORMAT, size);
    g_autoptr(Answer) a = request_full (fixture, "PUT", path, fixture->token_a, "application/octet-stream",
                                        bytes + 10, 10, wrong, 0);

    assert_error (a, 400, "bad_request");
  }
  /* The rest: whole, and the hash matches. */
  range2 = g_strdup_printf ("bytes %" G_GSIZE_FORMAT "-%" G_GSIZE_FORMAT "/%" G_GSIZE_FORMAT, size / 3, size - 1, size);
  {
    g_autoptr(Answer) a = request_full (fixture, "PUT", path, fixture->token_a, "application/octet-stream",
                                        bytes + size / 3, size - size / 3, range2, 0);
    g_autoptr(Answer) h = request_full (fixture, "HEAD", path, fixture->token_a, NULL, NULL, 0, NULL, 0);
    g_autofree char *stored_path = g_build_filename (fixture->hq.data_dir, "attachments", sha, NULL);
    g_autofree char *stored = NULL;
    gsize stored_size = 0;

    g_assert_cmpuint (a->status, ==, 201);
    g_assert_cmpuint (h->status, ==, 200);
    g_assert_cmpint (soup_message_headers_get_content_length (h->headers), ==, size);
    g_assert_true (g_file_get_contents (stored_path, &stored, &stored_size, NULL));
    g_assert_cmpmem (stored, stored_size, bytes, size);
  }
  /* Bytes that are not what the address says: 400 bad_hash, nothing kept. */
  {
    g_autofree char *other_sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "something else", -1);
    g_autofree char *other = g_strconcat ("/v1/attachments/", other_sha, NULL);
    g_autoptr(Answer) a = request_full (fixture, "PUT", other, fixture->token_a, "application/octet-stream",
                                        "not that", -1, NULL, 0);
    g_autoptr(Answer) h = request_full (fixture, "HEAD", other, fixture->token_a, NULL, NULL, 0, NULL, 0);

    assert_error (a, 400, "bad_hash");
    g_assert_cmpuint (h->status, ==, 404);
    g_assert_null (soup_message_headers_get_one (h->headers, "Liaison-Received"));
  }
  /* A whole upload in one go. */
  {
    g_autofree char *small_sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "签到表", -1);
    g_autofree char *small = g_strconcat ("/v1/attachments/", small_sha, NULL);
    g_autoptr(Answer) a = request_full (fixture, "PUT", small, fixture->token_b, "image/jpeg",
                                        "签到表", -1, NULL, 0);

    g_assert_cmpuint (a->status, ==, 201);
  }
  /* Over 10 MiB in all, even announced by Content-Range. */
  {
    g_autofree char *too_big = g_strdup_printf ("bytes 0-9/%d", 10 * 1024 * 1024 + 1);
    g_autofree char *big_sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "big", -1);
    g_autofree char *big = g_strconcat ("/v1/attachments/", big_sha, NULL);
    g_autoptr(Answer) a = request_full (fixture, "PUT", big, fixture->token_b, "image/jpeg",
                                        "0123456789", 10, too_big, 0);

    assert_error (a, 413, "too_large");
  }
}

static void
test_sigterm_restart (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *r = reception_json (uuid, fixture->station_a, 1, 0, "重启前");
  g_autoptr(Answer) answer = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  JsonArray *results;

  results = push (fixture, fixture->token_a, r, &answer);
  assert_result (results, 0, "applied", NULL);
  before = feed_snapshot (fixture);

  liaison_test_hq_stop (&fixture->hq);
  start_server (fixture, NULL, NULL);

  after = feed_snapshot (fixture);
  g_assert_cmpstr (before, ==, after);
  g_clear_pointer (&answer, answer_free);
  /* Same tokens, and the record is still there: a resend is a duplicate. */
  results = push (fixture, fixture->token_a, r, &answer);
  assert_result (results, 0, "duplicate", NULL);
  liaison_test_hq_stop (&fixture->hq);
}

static void
test_tls (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *cert = g_build_filename (fixture->hq.dir, "cert.pem", NULL);
  g_autofree char *key = g_build_filename (fixture->hq.dir, "key.pem", NULL);
  g_autoptr(GSubprocess) openssl = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(Answer) hello = NULL;

  openssl = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error,
                              "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                              "-subj", "/CN=127.0.0.1", "-days", "1",
                              "-keyout", key, "-out", cert, NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait_check (openssl, NULL, &error));
  g_assert_no_error (error);

  liaison_test_hq_stop (&fixture->hq);
  start_server (fixture, cert, key);
  g_assert_true (g_str_has_prefix (fixture->hq.url, "https://127.0.0.1:"));

  /* An untrusted certificate fails unless the client accepts it. */
  {
    g_autofree char *url = g_strconcat (fixture->hq.url, "/v1/hello", NULL);
    g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);
    g_autoptr(GBytes) bytes = NULL;

    soup_message_headers_replace (soup_message_get_request_headers (msg), LIAISON_PROTOCOL_HEADER, "1");
    bytes = soup_session_send_and_read (fixture->session, msg, NULL, &error);
    g_assert_null (bytes);
    g_assert_nonnull (error);
    g_clear_error (&error);
  }
  hello = get (fixture, "/v1/hello", NULL);
  g_assert_cmpuint (hello->status, ==, 200);
  g_assert_cmpstr (json_object_get_string_member (answer_object (hello), "service"), ==, "liaison-hq");

  /* A bad key file: a clear failure, exit 1. */
  {
    g_autofree char *err = NULL;

    g_assert_cmpint (liaison_test_run_hq (NULL, &err, "serve", "--data-dir", fixture->hq.data_dir, "--listen",
                             "127.0.0.1:0", "--tls-cert", cert, "--tls-key", fixture->hq.log_path, NULL), ==, 1);
    g_assert_nonnull (strstr (err, "TLS"));
  }
  liaison_test_hq_stop (&fixture->hq);
}

static char *
write_csv (Fixture    *fixture,
           const char *name,
           const char *contents)
{
  char *path = g_build_filename (fixture->hq.dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

static void
test_import (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *groups = write_csv (fixture, "groups.csv", "名称\n农业代表小组\n电商代表小组\n");
  g_autofree char *stations = write_csv (fixture, "stations.csv",
                                         "\xEF\xBB\xBF名称,类型,区县\r\n"
                                         "相山区代表之家,之家,相山区\r\n"
                                         "东山联络站,联络站,杜集区\r\n");
  g_autofree char *units = write_csv (fixture, "units.csv",
                                      "name,kind\n市住房和城乡建设局,部门\n市中级人民法院,court\n");
  g_autofree char *deputies = write_csv (fixture, "deputies.csv",
                                         "姓名,层级,代表小组,联络站,专业,电话\n"
                                         "张伟,市,农业代表小组,东山联络站,农业,13800138000\n"
                                         "李秀英,县(区),新能源代表小组,,,\n");
  g_autoptr(GHashTable) feed = NULL;
  g_autofree char *snapshot = NULL;
  g_autofree char *snapshot_after = NULL;
  gint64 last_seq;
  guint pages;
  JsonObject *zhang = NULL;
  GHashTableIter iter;
  gpointer key, value;
  guint n_groups = 0, n_units = 0, n_stations = 0, n_deputies = 0;

  g_assert_cmpint (liaison_test_run_hq (&out, &err, "import", "groups", "--data-dir", fixture->hq.data_dir, groups, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "2 added"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (liaison_test_run_hq (&out, &err, "import", "stations", "--data-dir", fixture->hq.data_dir, stations, NULL), ==, 0);
  /* 东山联络站 exists (setup): a new version, not a second station. */
  g_assert_nonnull (strstr (out, "1 added, 1 updated"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (liaison_test_run_hq (&out, &err, "import", "units", "--data-dir", fixture->hq.data_dir, units, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (liaison_test_run_hq (&out, &err, "import", "deputies", "--data-dir", fixture->hq.data_dir, deputies, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "2 added"));
  g_clear_pointer (&out, g_free);
  /* Importing the same file again changes nothing. */
  g_assert_cmpint (liaison_test_run_hq (&out, &err, "import", "deputies", "--data-dir", fixture->hq.data_dir, deputies, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "0 added, 0 updated, 2 unchanged"));
  g_clear_pointer (&out, g_free);

  feed = pull_all (fixture, fixture->token_hq, 1000, &last_seq, &pages);
  g_hash_table_iter_init (&iter, feed);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      JsonObject *record = value;
      JsonObject *record_data = json_object_get_object_member (record, "data");

      if (g_str_has_prefix (key, "deputy_group/"))
        n_groups++;
      else if (g_str_has_prefix (key, "unit/"))
        {
          n_units++;
          if (g_str_equal (json_object_get_string_member (record_data, "name"), "市中级人民法院"))
            g_assert_cmpstr (json_object_get_string_member (record_data, "kind"), ==, "court");
        }
      else if (g_str_has_prefix (key, "station/"))
        {
          n_stations++;
          if (g_str_equal (json_object_get_string_member (record_data, "name"), "东山联络站"))
            {
              g_assert_cmpint (json_object_get_int_member (record, "version"), ==, 2);
              g_assert_cmpstr (json_object_get_string_member (record_data, "district"), ==, "杜集区");
            }
        }
      else if (g_str_has_prefix (key, "deputy/"))
        {
          n_deputies++;
          g_assert_cmpint (json_object_get_int_member (record, "version"), ==, 1);
          if (g_str_equal (json_object_get_string_member (record_data, "name"), "张伟"))
            zhang = record_data;
        }
    }
  /* 新能源代表小组 was made for 李秀英. */
  g_assert_cmpuint (n_groups, ==, 3);
  g_assert_cmpuint (n_units, ==, 2);
  g_assert_cmpuint (n_stations, ==, 3);
  g_assert_cmpuint (n_deputies, ==, 2);
  g_assert_nonnull (zhang);
  g_assert_cmpstr (json_object_get_string_member (zhang, "level"), ==, "city");
  g_assert_cmpstr (json_object_get_string_member (zhang, "station"), ==, fixture->station_a);
  g_assert_true (g_uuid_string_is_valid (json_object_get_string_member (zhang, "group")));

  /* Bad files: line-numbered, and nothing written. */
  snapshot = feed_snapshot (fixture);
  {
    g_autofree char *bad = write_csv (fixture, "bad-deputies.csv",
                                      "姓名,层级,联络站,电话\n"
                                      "王芳,市,东山联络站,13900139000\n"
                                      "赵强,村,东山联络站,\n"
                                      ",市,,\n"
                                      "钱进,省,不存在的站,12\n"
                                      "王芳,市,,\n");

    g_assert_cmpint (liaison_test_run_hq (&out, &err, "import", "deputies", "--data-dir", fixture->hq.data_dir, bad, NULL), ==, 1);
    g_test_message ("%s", err);
    g_assert_nonnull (strstr (err, "Nothing was imported"));
    g_assert_nonnull (strstr (err, "4 rows"));
    g_assert_nonnull (strstr (err, "line 3: "));
    g_assert_nonnull (strstr (err, "村"));
    g_assert_nonnull (strstr (err, "line 4: "));
    g_assert_nonnull (strstr (err, "line 5: "));
    g_assert_nonnull (strstr (err, "不存在的站"));
    g_assert_nonnull (strstr (err, "line 6: "));
    g_assert_null (strstr (err, "line 2: "));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }
  {
    g_autofree char *bad = write_csv (fixture, "bad-units.csv", "名称\n市教育局\n");

    g_assert_cmpint (liaison_test_run_hq (&out, &err, "import", "units", "--data-dir", fixture->hq.data_dir, bad, NULL), ==, 1);
    g_assert_nonnull (strstr (err, "“类型” (kind)"));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }
  {
    g_autofree char *bad = write_csv (fixture, "bad-units2.csv", "名称,类型\n市教育局,部门\n市某某,学校\n");

    g_assert_cmpint (liaison_test_run_hq (&out, &err, "import", "units", "--data-dir", fixture->hq.data_dir, bad, NULL), ==, 1);
    g_assert_nonnull (strstr (err, "line 3: "));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }
  {
    /* GB18030, as Excel writes on a Chinese Windows: read, but the bad kind still refuses it. */
    g_autofree char *gb = g_convert ("名称,类型,区县\n南湖联络点,城堡,杜集区\n", -1, "GB18030", "UTF-8", NULL, NULL, NULL);
    g_autofree char *bad = write_csv (fixture, "bad-stations.csv", gb);

    g_assert_cmpint (liaison_test_run_hq (&out, &err, "import", "stations", "--data-dir", fixture->hq.data_dir, bad, NULL), ==, 1);
    g_assert_nonnull (strstr (err, "line 2: "));
    g_assert_nonnull (strstr (err, "城堡"));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }
  {
    g_autofree char *missing = g_build_filename (fixture->hq.dir, "missing.csv", NULL);

    g_assert_cmpint (liaison_test_run_hq (&out, &err, "import", "groups", "--data-dir", fixture->hq.data_dir, missing, NULL), ==, 1);
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (liaison_test_run_hq (&out, &err, "import", "motions", "--data-dir", fixture->hq.data_dir, groups, NULL), ==, 2);
  }
  snapshot_after = feed_snapshot (fixture);
  g_assert_cmpstr (snapshot, ==, snapshot_after);
}

/* The closed loop on the wire */

#define LOOP_RULES_UUID "6c6f6f70-7275-4c65-8000-000000000001"
#define DEPUTY_1 "0b6c1111-2222-4333-8444-555566667777"
#define UNIT_1 "0c7d2222-3333-4444-8555-666677778888"
#define EVENT_AT "2025-03-05T01:30:00Z"

/* @status: as older clients sent it, or NULL (none, as clients send now).
 * @extra: more members of data, each with a leading comma. */
static char *
suggestion_json (const char *uuid,
                 const char *station,
                 const char *status,
                 const char *extra)
{
  g_autofree char *status_member = status != NULL ? g_strdup_printf (" \"status\": \"%s\",", status)
                                                  : g_strdup ("");

  return g_strdup_printf (
    "{\"kind\": \"suggestion\", \"uuid\": \"%s\", \"version\": 1, \"base_version\": 0,"
    " \"updated_at\": \"2025-03-05T01:30:00Z\", \"origin_station\": \"%s\", \"deleted\": false,"
    " \"data\": {\"reception\": null, \"station\": \"%s\", \"category\": \"" CATEGORY_1 "\","
    " \"title\": \"路灯不亮\", \"content\": \"东山路的路灯坏了一个月\", \"raised_by\": \"王建国\","
    "%s \"created_at\": \"2025-03-05T01:00:00Z\"%s}}",
    uuid, station, station, status_member, extra != NULL ? extra : "");
}

/* An event of @suggestion at @station; @payload: the move's own members,
 * each with a leading comma. @at NULL is EVENT_AT. */
static char *
event_json_full (const char *uuid,
                 gint64      version,
                 gboolean    deleted,
                 const char *station,
                 const char *suggestion,
                 const char *move,
                 const char *role,
                 const char *at,
                 const char *note,
                 const char *payload)
{
  return g_strdup_printf (
    "{\"kind\": \"suggestion_event\", \"uuid\": \"%s\", \"version\": %" G_GINT64_FORMAT ", \"base_version\": 0,"
    " \"updated_at\": \"2025-03-05T01:30:00Z\", \"origin_station\": \"%s\", \"deleted\": %s,"
    " \"data\": {\"station\": \"%s\", \"suggestion\": \"%s\", \"move\": \"%s\", \"role\": \"%s\","
    " \"actor_name\": \"李明\", \"at\": \"%s\", \"note\": \"%s\"%s}}",
    uuid, version, station, deleted ? "true" : "false", station, suggestion, move, role,
    at != NULL ? at : EVENT_AT, note, payload);
}

static char *
event_json (const char *uuid,
            const char *station,
            const char *suggestion,
            const char *move,
            const char *role,
            const char *payload)
{
  return event_json_full (uuid, 1, FALSE, station, suggestion, move, role, NULL, "", payload);
}

static const char take_up_payload[] = ", \"deputy\": \"" DEPUTY_1 "\"";
static const char withdraw_payload[] = ", \"reason\": \"群众已自行解决\"";
static const char reply_payload[] = ", \"reply_text\": \"已更换路灯\", \"reply_date\": \"2025-03-20\","
                                    " \"replying_unit\": \"" UNIT_1 "\", \"attachments\": []";
static const char refer_payload_no_due[] = ", \"lead_unit\": \"" UNIT_1 "\", \"co_units\": []";

static void
assert_rejected_naming (JsonArray  *results,
                        guint       i,
                        const char *code,
                        const char *words)
{
  const char *reason;

  assert_result (results, i, "rejected", code);
  reason = json_object_get_string_member (result_at (results, i), "reason");
  if (strstr (reason, words) == NULL)
    g_test_message ("result %u: reason “%s” does not name “%s”", i, reason, words);
  g_assert_nonnull (strstr (reason, words));
}

static JsonObject *
feed_lookup (GHashTable *feed,
             const char *kind,
             const char *uuid)
{
  g_autofree char *key = g_strdup_printf ("%s/%s", kind, uuid);

  return g_hash_table_lookup (feed, key);
}

static void
test_loop_events (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *sugg_a = g_uuid_string_random ();
  g_autofree char *sugg_b = g_uuid_string_random ();
  g_autofree char *sugg_deputy = g_uuid_string_random ();
  g_autofree char *take_up = g_uuid_string_random ();
  g_autofree char *withdraw = g_uuid_string_random ();
  g_autofree char *reply = g_uuid_string_random ();
  g_autofree char *reply_b = g_uuid_string_random ();
  g_autoptr(Answer) answer = NULL;
  g_autoptr(GString) batch = g_string_new (NULL);
  JsonArray *results;

  /* The suggestions, with the loop's new fields. */
  {
    g_autofree char *a = suggestion_json (sugg_a, fixture->station_a, "registered", NULL);
    g_autofree char *b = suggestion_json (sugg_b, fixture->station_b, "taken_up", NULL);
    g_autofree char *deputy = suggestion_json (sugg_deputy, fixture->station_a, "referred",
                                               ", \"kind\": \"deputy_suggestion\", \"deputy\": \"" DEPUTY_1 "\","
                                               " \"co_signers\": [\"" UNIT_1 "\"]");
    g_autofree char *bad_id = g_uuid_string_random ();
    g_autofree char *bad_status = suggestion_json (bad_id, fixture->station_a, "pending", NULL);
    g_autofree char *bad_kind = suggestion_json (bad_id, fixture->station_a, "registered",
                                                 ", \"kind\": \"motion\"");
    g_autofree char *bad_signers = suggestion_json (bad_id, fixture->station_a, "registered",
                                                    ", \"co_signers\": [\"张伟\"]");

    g_string_printf (batch, "%s, %s, %s, %s, %s", a, deputy, bad_status, bad_kind, bad_signers);
    results = push (fixture, fixture->token_a, batch->str, &answer);
    assert_result (results, 0, "applied", NULL);
    assert_result (results, 1, "applied", NULL);
    assert_rejected_naming (results, 2, "invalid", "data.status");
    assert_rejected_naming (results, 3, "invalid", "data.kind");
    assert_rejected_naming (results, 4, "invalid", "data.co_signers");
    g_clear_pointer (&answer, answer_free);

    results = push (fixture, fixture->token_b, b, &answer);
    assert_result (results, 0, "applied", NULL);
    g_clear_pointer (&answer, answer_free);
  }

  /* A station records its own and its deputies' moves on its suggestions. */
  {
    g_autofree char *e_take_up = event_json (take_up, fixture->station_a, sugg_a, "take_up", "deputy", take_up_payload);
    g_autofree char *e_withdraw = event_json (withdraw, fixture->station_a, sugg_a, "withdraw", "station",
                                              withdraw_payload);
    g_autofree char *changed = event_json_full (take_up, 1, FALSE, fixture->station_a, sugg_a, "take_up", "deputy",
                                                NULL, "改过的备注", take_up_payload);
    g_autofree char *id_hq = g_uuid_string_random ();
    g_autofree char *e_hq = event_json (id_hq, fixture->station_a, sugg_a, "reply", "hq", reply_payload);
    g_autofree char *id_other = g_uuid_string_random ();
    g_autofree char *e_other = event_json (id_other, fixture->station_b, sugg_b, "withdraw", "station",
                                           withdraw_payload);
    g_autofree char *e_wrong_suggestion = event_json (id_other, fixture->station_a, sugg_b, "withdraw", "station",
                                                      withdraw_payload);
    g_autofree char *id_v2 = g_uuid_string_random ();
    g_autofree char *e_v2 = event_json_full (id_v2, 2, FALSE, fixture->station_a, sugg_a, "withdraw", "station",
                                             NULL, "", withdraw_payload);
    g_autofree char *e_deleted = event_json_full (id_v2, 1, TRUE, fixture->station_a, sugg_a, "withdraw", "station",
                                                  NULL, "", withdraw_payload);
    g_autofree char *id_bad = g_uuid_string_random ();
    g_autofree char *bad_move = event_json (id_bad, fixture->station_a, sugg_a, "fly", "station", "");
    g_autofree char *bad_refer = event_json (id_bad, fixture->station_a, sugg_a, "refer", "station",
                                             refer_payload_no_due);
    g_autofree char *bad_at = event_json_full (id_bad, 1, FALSE, fixture->station_a, sugg_a, "withdraw", "station",
                                               "yesterday", "", withdraw_payload);
    g_autofree char *bad_field = event_json (id_bad, fixture->station_a, sugg_a, "withdraw", "station",
                                             ", \"reason\": \"x\", \"due_date\": \"2025-04-01\"");

    g_string_printf (batch, "%s, %s", e_take_up, e_withdraw);
    results = push (fixture, fixture->token_a, batch->str, &answer);
    assert_result (results, 0, "applied", NULL);
    g_assert_cmpint (json_object_get_int_member (result_at (results, 0), "version"), ==, 1);
    assert_result (results, 1, "applied", NULL);
    g_clear_pointer (&answer, answer_free);

    g_string_printf (batch, "%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s",
                     e_take_up, changed, e_hq, e_other, e_wrong_suggestion, e_v2, e_deleted,
                     bad_move, bad_refer, bad_at, bad_field);
    results = push (fixture, fixture->token_a, batch->str, &answer);
    g_assert_cmpuint (json_array_get_length (results), ==, 11);
    /* The same event again changes nothing; changed content is refused. */
    assert_result (results, 0, "duplicate", NULL);
    assert_rejected_naming (results, 1, "invalid", "never changed");
    /* Headquarters' moves are headquarters' to record. */
    assert_result (results, 2, "rejected", "read_only");
    /* Another station's event, or an event on another station's suggestion. */
    assert_result (results, 3, "rejected", "not_your_station");
    assert_result (results, 4, "rejected", "not_your_station");
    /* Events are version 1 and never deleted. */
    assert_rejected_naming (results, 5, "invalid", "version");
    assert_rejected_naming (results, 6, "invalid", "deleted");
    /* Malformed events name the field. */
    assert_rejected_naming (results, 7, "invalid", "move");
    assert_rejected_naming (results, 8, "invalid", "due_date");
    assert_rejected_naming (results, 9, "invalid", "\"at\"");
    assert_rejected_naming (results, 10, "invalid", "due_date");
    g_clear_pointer (&answer, answer_free);
  }

  /* Headquarters records its moves on any station's suggestion. */
  {
    g_autofree char *e_reply = event_json (reply, fixture->station_a, sugg_a, "reply", "hq", reply_payload);
    g_autofree char *e_reply_b = event_json (reply_b, fixture->station_b, sugg_b, "supervise", "hq",
                                             ", \"key_supervision\": true");
    g_autofree char *id_station = g_uuid_string_random ();
    g_autofree char *e_station = event_json (id_station, fixture->station_a, sugg_a, "withdraw", "station",
                                             withdraw_payload);
    g_autofree char *e_deputy = event_json (id_station, fixture->station_a, sugg_a, "take_up", "deputy",
                                            take_up_payload);
    g_autofree char *id_misplaced = g_uuid_string_random ();
    g_autofree char *e_misplaced = event_json (id_misplaced, fixture->station_b, sugg_a, "start", "hq", "");

    g_string_printf (batch, "%s, %s, %s, %s, %s, %s", e_reply, e_reply_b, e_station, e_deputy, e_misplaced, e_reply);
    results = push (fixture, fixture->token_hq, batch->str, &answer);
    assert_result (results, 0, "applied", NULL);
    assert_result (results, 1, "applied", NULL);
    assert_result (results, 2, "rejected", "read_only");
    assert_result (results, 3, "rejected", "read_only");
    /* A reply must go to the station of its suggestion. */
    assert_rejected_naming (results, 4, "invalid", "data.station");
    assert_result (results, 5, "duplicate", NULL);
    g_clear_pointer (&answer, answer_free);
  }

  /* The reply reaches station A, where the citizen was received; not B. */
  {
    g_autoptr(GHashTable) feed_a = NULL;
    g_autoptr(GHashTable) feed_b = NULL;
    g_autoptr(GHashTable) feed_hq = NULL;
    JsonObject *pulled;
    gint64 last;
    guint pages;

    feed_a = pull_all (fixture, fixture->token_a, 2, &last, &pages);
    pulled = feed_lookup (feed_a, "suggestion_event", reply);
    g_assert_nonnull (pulled);
    g_assert_cmpstr (json_object_get_string_member (pulled, "origin_station"), ==, fixture->station_a);
    g_assert_cmpint (json_object_get_int_member (pulled, "version"), ==, 1);
    g_assert_false (json_object_get_boolean_member (pulled, "deleted"));
    g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (pulled, "data"), "reply_text"),
                     ==, "已更换路灯");
    g_assert_nonnull (feed_lookup (feed_a, "suggestion_event", take_up));
    g_assert_nonnull (feed_lookup (feed_a, "suggestion_event", withdraw));
    g_assert_null (feed_lookup (feed_a, "suggestion_event", reply_b));
    g_assert_null (feed_lookup (feed_a, "suggestion", sugg_b));
    /* Pulled records pass the client's own check. */
    {
      GHashTableIter iter;
      gpointer value;

      g_hash_table_iter_init (&iter, feed_a);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        {
          g_autoptr(GError) error = NULL;

          g_assert_true (liaison_wire_check_record (value, &error));
          g_assert_no_error (error);
        }
    }

    feed_b = pull_all (fixture, fixture->token_b, 1000, &last, &pages);
    g_assert_null (feed_lookup (feed_b, "suggestion_event", reply));
    g_assert_null (feed_lookup (feed_b, "suggestion_event", take_up));
    g_assert_nonnull (feed_lookup (feed_b, "suggestion_event", reply_b));

    feed_hq = pull_all (fixture, fixture->token_hq, 1000, &last, &pages);
    g_assert_nonnull (feed_lookup (feed_hq, "suggestion_event", reply));
    g_assert_nonnull (feed_lookup (feed_hq, "suggestion_event", reply_b));
    g_assert_nonnull (feed_lookup (feed_hq, "suggestion_event", take_up));
    pulled = feed_lookup (feed_hq, "suggestion", sugg_deputy);
    g_assert_nonnull (pulled);
    g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (pulled, "data"), "kind"),
                     ==, "deputy_suggestion");
  }

  /* The loop rules are headquarters', an edit of those init seeded. */
  {
    g_autofree char *rules = g_strdup_printf (
      "{\"kind\": \"loop_rules\", \"uuid\": \"%s\", \"version\": 2, \"base_version\": 1,"
      " \"updated_at\": \"2025-03-05T01:30:00Z\", \"origin_station\": null, \"deleted\": false,"
      " \"data\": {\"calendar\": \"2025-10-01,holiday\\n\", \"public_opinion_working_days\": 10,"
      " \"public_opinion_months\": 0, \"deputy_suggestion_working_days\": 0, \"deputy_suggestion_months\": 3}}",
      LOOP_RULES_UUID);
    g_autofree char *other_uuid = g_uuid_string_random ();
    g_autofree char *wrong_uuid = NULL;
    g_autofree char *zero = g_strdup (rules);
    g_autoptr(GHashTable) feed_b = NULL;
    JsonObject *pulled;
    char *at;
    gint64 last;
    guint pages;

    wrong_uuid = g_strdup (rules);
    at = strstr (wrong_uuid, LOOP_RULES_UUID);
    memcpy (at, other_uuid, strlen (other_uuid));
    at = strstr (zero, "\"public_opinion_working_days\": 10");
    memcpy (at, "\"public_opinion_working_days\":  0", strlen ("\"public_opinion_working_days\": 10"));

    results = push (fixture, fixture->token_a, rules, &answer);
    assert_result (results, 0, "rejected", "read_only");
    g_clear_pointer (&answer, answer_free);

    g_string_printf (batch, "%s, %s, %s", wrong_uuid, zero, rules);
    results = push (fixture, fixture->token_hq, batch->str, &answer);
    assert_rejected_naming (results, 0, "invalid", "uuid");
    assert_rejected_naming (results, 1, "invalid", "public_opinion_working_days");
    assert_result (results, 2, "applied", NULL);
    g_clear_pointer (&answer, answer_free);

    /* Shared with every station. */
    feed_b = pull_all (fixture, fixture->token_b, 1000, &last, &pages);
    pulled = feed_lookup (feed_b, "loop_rules", LOOP_RULES_UUID);
    g_assert_nonnull (pulled);
    g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (pulled, "origin_station")));
    g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (pulled, "data"),
                                                 "public_opinion_working_days"), ==, 10);
  }
}

/* Whether the server's log has a line that starts with @start and holds @part. */
static gboolean
log_has_line (Fixture    *fixture,
              const char *start,
              const char *part)
{
  g_autofree char *log = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_true (g_file_get_contents (fixture->hq.log_path, &log, NULL, NULL));
  lines = g_strsplit (log, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], start) && strstr (lines[i], part) != NULL)
      return TRUE;
  g_test_message ("no log line “%s…%s” in:\n%s", start, part, log);
  return FALSE;
}

/* A reply from headquarters to @suggestion at @station, noting @note and
 * listing @attachments (a JSON array's members). */
static JsonArray *
push_reply (Fixture    *fixture,
            const char *station,
            const char *suggestion,
            const char *note,
            const char *attachments,
            Answer    **out)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *payload = g_strdup_printf (
    ", \"reply_text\": \"复函见附件 %s\", \"reply_date\": \"2025-03-20\","
    " \"replying_unit\": \"" UNIT_1 "\", \"attachments\": [%s]", note, attachments);
  g_autofree char *event = event_json_full (uuid, 1, FALSE, station, suggestion, "reply", "hq",
                                            NULL, note, payload);

  return push (fixture, fixture->token_hq, event, out);
}

static void
assert_attachment (Answer     *answer,
                   const char *bytes,
                   gsize       size)
{
  if (answer->status != 200)
    g_test_message ("answer: %u %s", answer->status, answer->body);
  g_assert_cmpuint (answer->status, ==, 200);
  g_assert_cmpstr (soup_message_headers_get_content_type (answer->headers, NULL), ==, "application/octet-stream");
  g_assert_cmpint (soup_message_headers_get_content_length (answer->headers), ==, size);
  g_assert_cmpmem (answer->body, answer->length, bytes, size);
}

/* GET of an attachment: headquarters gets any file; a station only one
 * that headquarters' reply to its suggestion lists, or its own upload,
 * and for any other the same 404 as for a file the server does not have. */
static void
test_attachment_get (Fixture       *fixture,
                     gconstpointer  data)
{
  gsize size = 200 * 1024;
  g_autofree char *bytes = g_malloc (size);
  g_autofree char *sha = NULL;
  g_autofree char *path = NULL;
  g_autofree char *unknown_sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "never sent", -1);
  g_autofree char *unknown = g_strconcat ("/v1/attachments/", unknown_sha, NULL);
  g_autofree char *partial_sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "0123456789", -1);
  g_autofree char *partial = g_strconcat ("/v1/attachments/", partial_sha, NULL);
  g_autofree char *sugg_a = g_uuid_string_random ();
  g_autofree char *sugg_b = g_uuid_string_random ();
  g_autofree char *listed = NULL;
  g_autoptr(Answer) answer = NULL;
  JsonArray *results;

  /* NULs and every other byte value: what comes back is the file. */
  for (gsize i = 0; i < size; i++)
    bytes[i] = (char) (i * 31 + i / 997);
  sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) bytes, size);
  path = g_strconcat ("/v1/attachments/", sha, NULL);

  /* Headquarters uploads a unit's reply letter, and a part of another file. */
  {
    g_autoptr(Answer) a = request_full (fixture, "PUT", path, fixture->token_hq, "application/octet-stream",
                                        bytes, size, NULL, 0);
    g_autoptr(Answer) b = request_full (fixture, "PUT", partial, fixture->token_hq, "application/octet-stream",
                                        "01234", 5, "bytes 0-4/10", 0);

    g_assert_cmpuint (a->status, ==, 201);
    g_assert_cmpuint (b->status, ==, 202);
  }

  /* Headquarters gets exactly the bytes, with a token only. */
  {
    g_autoptr(Answer) a = get (fixture, path, fixture->token_hq);
    g_autoptr(Answer) none = get (fixture, path, NULL);
    g_autoptr(Answer) made_up = get (fixture, path, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");

    assert_attachment (a, bytes, size);
    assert_error (none, 401, "no_token");
    assert_error (made_up, 401, "bad_token");
  }
  /* A file the server does not have, or not whole, is 404. */
  {
    g_autoptr(Answer) a = get (fixture, unknown, fixture->token_hq);
    g_autoptr(Answer) b = get (fixture, partial, fixture->token_hq);

    assert_error (a, 404, "not_found");
    assert_error (b, 404, "not_found");
    g_assert_null (soup_message_headers_get_one (b->headers, "Liaison-Received"));
  }

  /* No move of a station lists the file: 404, as for a file not there. */
  {
    g_autoptr(Answer) a = get (fixture, path, fixture->token_a);
    g_autoptr(Answer) b = get (fixture, path, fixture->token_b);
    g_autoptr(Answer) c = get (fixture, unknown, fixture->token_a);

    assert_error (a, 404, "not_found");
    assert_error (b, 404, "not_found");
    assert_error (c, 404, "not_found");
    g_assert_cmpstr (a->body, ==, c->body);
  }

  {
    g_autofree char *a = suggestion_json (sugg_a, fixture->station_a, NULL, NULL);
    g_autofree char *b = suggestion_json (sugg_b, fixture->station_b, NULL, NULL);

    results = push (fixture, fixture->token_a, a, &answer);
    assert_result (results, 0, "applied", NULL);
    g_clear_pointer (&answer, answer_free);
    results = push (fixture, fixture->token_b, b, &answer);
    assert_result (results, 0, "applied", NULL);
    g_clear_pointer (&answer, answer_free);
  }
  /* A reply to B's suggestion that names the hash only in its text, and
   * lists another file: the match is on the listed hashes, whole. */
  listed = g_strdup_printf ("\"%s\"", unknown_sha);
  results = push_reply (fixture, fixture->station_b, sugg_b, sha, listed, &answer);
  assert_result (results, 0, "applied", NULL);
  g_clear_pointer (&answer, answer_free);
  {
    g_autoptr(Answer) a = get (fixture, path, fixture->token_b);
    g_autoptr(Answer) b = get (fixture, unknown, fixture->token_b);

    assert_error (a, 404, "not_found");
    assert_error (b, 404, "not_found");
  }

  /* Headquarters' reply to A's suggestion lists the file: A gets it, B
   * still does not. A file listed but not whole on the server is 404. */
  g_free (listed);
  listed = g_strdup_printf ("\"%s\", \"%s\"", partial_sha, sha);
  results = push_reply (fixture, fixture->station_a, sugg_a, "", listed, &answer);
  assert_result (results, 0, "applied", NULL);
  g_clear_pointer (&answer, answer_free);
  {
    g_autoptr(Answer) a = get (fixture, path, fixture->token_a);
    g_autoptr(Answer) b = get (fixture, path, fixture->token_b);
    g_autoptr(Answer) c = get (fixture, partial, fixture->token_a);
    g_autoptr(Answer) d = get (fixture, path, fixture->token_hq);

    assert_attachment (a, bytes, size);
    assert_error (b, 404, "not_found");
    assert_error (c, 404, "not_found");
    assert_attachment (d, bytes, size);
  }

  /* A station's own upload: PUT and HEAD as before, and it may read it
   * back (tests/test-hq-files.c checks that no other station may). */
  {
    g_autofree char *own_sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "签到表", -1);
    g_autofree char *own = g_strconcat ("/v1/attachments/", own_sha, NULL);
    g_autoptr(Answer) put = request_full (fixture, "PUT", own, fixture->token_b, "image/jpeg",
                                          "签到表", -1, NULL, 0);
    g_autoptr(Answer) head = request_full (fixture, "HEAD", own, fixture->token_b, NULL, NULL, 0, NULL, 0);
    g_autoptr(Answer) again = request_full (fixture, "PUT", own, fixture->token_b, "image/jpeg",
                                            "签到表", -1, NULL, 0);
    g_autoptr(Answer) got_b = get (fixture, own, fixture->token_b);
    g_autoptr(Answer) got_hq = get (fixture, own, fixture->token_hq);

    g_assert_cmpuint (put->status, ==, 201);
    g_assert_cmpuint (head->status, ==, 200);
    g_assert_cmpint (soup_message_headers_get_content_length (head->headers), ==, strlen ("签到表"));
    g_assert_cmpuint (again->status, ==, 201);
    assert_attachment (got_b, "签到表", strlen ("签到表"));
    assert_attachment (got_hq, "签到表", strlen ("签到表"));
  }

  /* One log line per GET, as for every request. The requests above came
   * after these, so their lines are written. */
  {
    g_autofree char *start_get = g_strdup_printf ("method=GET path=%s status=", path);
    g_autofree char *ok = g_strdup_printf ("method=GET path=%s status=200 ", path);
    g_autofree char *not_found = g_strdup_printf ("method=GET path=%s status=404 ", path);

    g_assert_true (log_has_line (fixture, ok, " token=hq:"));
    g_assert_true (log_has_line (fixture, ok, " token=station:"));
    g_assert_true (log_has_line (fixture, not_found, " token=station:"));
    g_assert_true (log_has_line (fixture, not_found, " error=not_found"));
    g_assert_true (log_has_line (fixture, start_get, " token=- error=no_token"));
  }
}

/* "at" of an event @minutes from the server's now (whole seconds, UTC). */
static char *
at_from_now (int minutes)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) at = g_date_time_add_minutes (now, minutes);

  return g_date_time_format (at, "%Y-%m-%dT%H:%M:%SZ");
}

/* The server keeps a timeline whole: an event needs its suggestion on the
 * server, is not dated in the future, and is never a registration; a
 * suggestion need not carry its cached status. */
static void
test_loop_event_guards (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *sugg_a = g_uuid_string_random ();
  g_autofree char *sugg_b = g_uuid_string_random ();
  g_autofree char *unsent = g_uuid_string_random ();
  g_autofree char *take_up = g_uuid_string_random ();
  g_autofree char *early = g_uuid_string_random ();
  g_autofree char *withdraw_b = g_uuid_string_random ();
  g_autofree char *hq_unsent = g_uuid_string_random ();
  g_autofree char *ahead = g_uuid_string_random ();
  g_autofree char *near = g_uuid_string_random ();
  g_autofree char *hq_ahead = g_uuid_string_random ();
  g_autofree char *register_id = g_uuid_string_random ();
  g_autofree char *in_11 = at_from_now (11);
  g_autofree char *in_5 = at_from_now (5);
  g_autoptr(Answer) answer = NULL;
  g_autoptr(GString) batch = g_string_new (NULL);
  JsonArray *results;

  /* Station B has a suggestion the server has not seen; station A pushes
   * a withdrawal under it, naming B: refused, and so is headquarters'
   * move on it, and an event of A's own suggestion not sent yet. */
  {
    g_autofree char *e_b = event_json (withdraw_b, fixture->station_b, sugg_b, "withdraw", "station",
                                       withdraw_payload);
    g_autofree char *e_b_as_a = event_json (early, fixture->station_a, sugg_b, "withdraw", "station",
                                            withdraw_payload);
    g_autofree char *e_hq = event_json (hq_unsent, fixture->station_a, unsent, "supervise", "hq",
                                        ", \"key_supervision\": true");
    g_autofree char *e_unsent = event_json (take_up, fixture->station_a, unsent, "take_up", "deputy",
                                            take_up_payload);

    results = push (fixture, fixture->token_a, e_b_as_a, &answer);
    assert_rejected_naming (results, 0, "invalid", "not on the server");
    g_clear_pointer (&answer, answer_free);
    results = push (fixture, fixture->token_b, e_b, &answer);
    assert_rejected_naming (results, 0, "invalid", "send the suggestion first");
    g_clear_pointer (&answer, answer_free);
    results = push (fixture, fixture->token_hq, e_hq, &answer);
    assert_rejected_naming (results, 0, "invalid", "not on the server");
    g_clear_pointer (&answer, answer_free);
    results = push (fixture, fixture->token_a, e_unsent, &answer);
    assert_rejected_naming (results, 0, "invalid", "not on the server");
    g_clear_pointer (&answer, answer_free);

    /* B's suggestion, then its event, in one batch, as clients send them:
     * both taken. An event before its suggestion in the batch is not. */
    {
      g_autofree char *s_b = suggestion_json (sugg_b, fixture->station_b, NULL, NULL);
      g_autofree char *s_unsent = suggestion_json (unsent, fixture->station_a, NULL, NULL);

      g_string_printf (batch, "%s, %s", s_b, e_b);
      results = push (fixture, fixture->token_b, batch->str, &answer);
      assert_result (results, 0, "applied", NULL);
      assert_result (results, 1, "applied", NULL);
      g_clear_pointer (&answer, answer_free);

      g_string_printf (batch, "%s, %s, %s", e_unsent, s_unsent, e_unsent);
      results = push (fixture, fixture->token_a, batch->str, &answer);
      assert_rejected_naming (results, 0, "invalid", "not on the server");
      assert_result (results, 1, "applied", NULL);
      assert_result (results, 2, "applied", NULL);
      g_clear_pointer (&answer, answer_free);
    }
    /* Once B's suggestion is on the server, A's forged event is A's error. */
    results = push (fixture, fixture->token_a, e_b_as_a, &answer);
    assert_result (results, 0, "rejected", "not_your_station");
    g_clear_pointer (&answer, answer_free);
  }

  /* Dated more than 10 minutes after the server's clock: refused, from a
   * station and from headquarters; a few minutes is a clock's drift. */
  {
    g_autofree char *s_a = suggestion_json (sugg_a, fixture->station_a, "registered", NULL);
    g_autofree char *e_ahead = event_json_full (ahead, 1, FALSE, fixture->station_a, sugg_a, "withdraw", "station",
                                                in_11, "", withdraw_payload);
    g_autofree char *e_near = event_json_full (near, 1, FALSE, fixture->station_a, sugg_a, "withdraw", "station",
                                               in_5, "", withdraw_payload);
    g_autofree char *e_hq_ahead = event_json_full (hq_ahead, 1, FALSE, fixture->station_a, sugg_a, "supervise", "hq",
                                                   in_11, "", ", \"key_supervision\": true");

    /* An older client's status is still taken. */
    g_string_printf (batch, "%s, %s, %s", s_a, e_ahead, e_near);
    results = push (fixture, fixture->token_a, batch->str, &answer);
    assert_result (results, 0, "applied", NULL);
    assert_rejected_naming (results, 1, "invalid", "dated in the future");
    assert_result (results, 2, "applied", NULL);
    g_clear_pointer (&answer, answer_free);
    results = push (fixture, fixture->token_hq, e_hq_ahead, &answer);
    assert_rejected_naming (results, 0, "invalid", "dated in the future");
    g_clear_pointer (&answer, answer_free);
  }

  /* A registration is the suggestion itself, never an event. */
  {
    g_autofree char *e_register = event_json (register_id, fixture->station_a, sugg_a, "register", "station",
                                              ", \"kind\": \"public_opinion\", \"co_signers\": []");
    g_autofree char *e_register_hq = event_json (register_id, fixture->station_a, sugg_a, "register", "hq",
                                                 ", \"kind\": \"public_opinion\", \"co_signers\": []");

    results = push (fixture, fixture->token_a, e_register, &answer);
    assert_rejected_naming (results, 0, "invalid", "register");
    g_clear_pointer (&answer, answer_free);
    results = push (fixture, fixture->token_hq, e_register_hq, &answer);
    assert_rejected_naming (results, 0, "invalid", "register");
    g_clear_pointer (&answer, answer_free);
  }

  /* Only what was taken is in the feed; a suggestion without status is
   * pulled as it was sent. */
  {
    g_autoptr(GHashTable) feed = NULL;
    JsonObject *pulled;
    gint64 last;
    guint pages;

    feed = pull_all (fixture, fixture->token_hq, 1000, &last, &pages);
    g_assert_nonnull (feed_lookup (feed, "suggestion_event", withdraw_b));
    g_assert_nonnull (feed_lookup (feed, "suggestion_event", take_up));
    g_assert_nonnull (feed_lookup (feed, "suggestion_event", near));
    g_assert_null (feed_lookup (feed, "suggestion_event", early));
    g_assert_null (feed_lookup (feed, "suggestion_event", hq_unsent));
    g_assert_null (feed_lookup (feed, "suggestion_event", ahead));
    g_assert_null (feed_lookup (feed, "suggestion_event", hq_ahead));
    g_assert_null (feed_lookup (feed, "suggestion_event", register_id));
    pulled = feed_lookup (feed, "suggestion", sugg_b);
    g_assert_nonnull (pulled);
    g_assert_false (json_object_has_member (json_object_get_object_member (pulled, "data"), "status"));
    g_assert_true (liaison_wire_check_record (pulled, NULL));
  }
}

static gint64
feed_last_seq (Fixture *fixture)
{
  g_autoptr(Answer) answer = get (fixture, "/v1/pull?since=0&limit=1000", fixture->token_hq);
  JsonObject *page = answer_object (answer);

  g_assert_cmpuint (answer->status, ==, 200);
  g_assert_false (json_object_get_boolean_member (page, "more"));
  return json_object_get_int_member (page, "last_seq");
}

static gboolean
dates_has (GArray      *dates,
           const GDate *date)
{
  for (guint i = 0; i < dates->len; i++)
    if (g_date_compare (&g_array_index (dates, GDate, i), date) == 0)
      return TRUE;
  return FALSE;
}

/* The loop_rules record as station A pulls it; NULL when there is none. */
static JsonObject *
pulled_rules (Fixture *fixture,
              gint64  *version)
{
  g_autoptr(GHashTable) feed = NULL;
  JsonObject *record;
  gint64 last;
  guint pages;

  feed = pull_all (fixture, fixture->token_a, 1000, &last, &pages);
  record = feed_lookup (feed, "loop_rules", LOOP_RULES_UUID);
  if (record == NULL)
    return NULL;
  *version = json_object_get_int_member (record, "version");
  return json_object_ref (json_object_get_object_member (record, "data"));
}

/* A new headquarters starts with the State Council's published holidays,
 * and its stations pull them. */
static void
test_init_holidays (Fixture       *fixture,
                    gconstpointer  data)
{
  static const char *const national_day[] = {
    "2026-10-01", "2026-10-02", "2026-10-03", "2026-10-04", "2026-10-05", "2026-10-06", "2026-10-07",
  };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonObject) data_pulled = NULL;
  g_autoptr(LiaisonLoopRules) rules = NULL;
  g_autoptr(GError) error = NULL;
  gint64 version = 0;
  GDate d;

  /* The fixture's data directory is fresh from `liaison-hq init`. */
  g_assert_cmpint (liaison_test_run_hq (&out, &err, "rules", "--data-dir", fixture->hq.data_dir, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "15 working days"));
  g_assert_nonnull (strstr (out, "3 months"));
  g_assert_nonnull (strstr (out, "89 holidays and 19 make-up workdays"));
  g_assert_nonnull (strstr (out, "version 1"));

  data_pulled = pulled_rules (fixture, &version);
  g_assert_nonnull (data_pulled);
  g_assert_cmpint (version, ==, 1);
  rules = liaison_loop_rules_from_json (data_pulled, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (national_day); i++)
    {
      g_assert_true (liaison_date_parse_iso (national_day[i], &d));
      g_assert_true (dates_has (rules->calendar->holidays, &d));
      g_assert_cmpstr (liaison_calendar_get_name (rules->calendar, &d), ==, "国庆节");
    }
  g_assert_true (liaison_date_parse_iso ("2026-10-08", &d));
  g_assert_true (liaison_calendar_is_working_day (rules->calendar, &d));
  g_assert_true (liaison_date_parse_iso ("2026-02-14", &d));
  g_assert_true (dates_has (rules->calendar->workdays, &d));
  g_assert_true (liaison_calendar_is_working_day (rules->calendar, &d));
  g_assert_cmpint (rules->limits[LIAISON_LOOP_KIND_PUBLIC_OPINION].working_days, ==, 15);
  g_assert_cmpint (rules->limits[LIAISON_LOOP_KIND_DEPUTY_SUGGESTION].months, ==, 3);
}

static void
test_loop_rules_cli (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *holidays = write_csv (fixture, "holidays.txt",
                                         "# 2025 National Day and Mid-Autumn\n"
                                         "2025-09-28,workday\n"
                                         "2025-10-01,holiday,National Day\n"
                                         "2025-10-02,holiday,National Day\r\n"
                                         "\n"
                                         "2025-10-03,holiday\n"
                                         "2025-10-06,holiday,Mid-Autumn\n"
                                         "2025-10-11,workday\n");
  g_autofree char *bad = write_csv (fixture, "bad-holidays.txt",
                                    "2025-10-01,holiday\n"
                                    "2025-10-09,workday\n"
                                    "2025-13-01,holiday\n"
                                    "2025-10-05,vacation\n");
  g_autofree char *empty = write_csv (fixture, "empty.txt", "# nothing yet\n\n");
  g_autoptr(JsonObject) rules = NULL;
  gint64 version = 0;
  gint64 seq;

  /* Before anything is set: what init seeded (test_init_holidays). */
  g_assert_nonnull ((rules = pulled_rules (fixture, &version)));
  g_assert_cmpint (version, ==, 1);
  g_clear_pointer (&rules, json_object_unref);

  g_assert_cmpint (liaison_test_run_hq (&out, &err, "import", "holidays", "--data-dir", fixture->hq.data_dir,
                           holidays, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Holidays: 4 holidays and 2 make-up workdays; stations get them at their next sync."));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* A station pulls them, limits as they were. */
  rules = pulled_rules (fixture, &version);
  g_assert_nonnull (rules);
  g_assert_cmpint (version, ==, 2);
  g_assert_nonnull (strstr (json_object_get_string_member (rules, "calendar"), "2025-10-06,holiday"));
  g_assert_nonnull (strstr (json_object_get_string_member (rules, "calendar"), "2025-09-28,workday"));
  g_assert_cmpint (json_object_get_int_member (rules, "public_opinion_working_days"), ==, 15);
  g_assert_cmpint (json_object_get_int_member (rules, "deputy_suggestion_months"), ==, 3);
  g_clear_pointer (&rules, json_object_unref);

  /* Bad files: every bad line named, exit 1, nothing written. */
  seq = feed_last_seq (fixture);
  g_assert_cmpint (liaison_test_run_hq (&out, &err, "import", "holidays", "--data-dir", fixture->hq.data_dir,
                           bad, NULL), ==, 1);
  g_test_message ("%s", err);
  g_assert_nonnull (strstr (err, "Nothing was imported"));
  g_assert_null (strstr (err, "Line 1:"));
  g_assert_nonnull (strstr (err, "Line 2:"));
  g_assert_nonnull (strstr (err, "Line 3:"));
  g_assert_nonnull (strstr (err, "Line 4:"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (liaison_test_run_hq (&out, &err, "import", "holidays", "--data-dir", fixture->hq.data_dir,
                           empty, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "lists no day"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (liaison_test_run_hq (&out, &err, "import", "holidays", "--data-dir", fixture->hq.data_dir, NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  /* The same list again writes nothing. */
  g_assert_cmpint (liaison_test_run_hq (&out, &err, "import", "holidays", "--data-dir", fixture->hq.data_dir,
                           holidays, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "nothing was changed"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (feed_last_seq (fixture), ==, seq);

  /* Limits: a 0 is refused, nothing written; a good one keeps the holidays. */
  g_assert_cmpint (liaison_test_run_hq (&out, &err, "rules", "set", "--data-dir", fixture->hq.data_dir,
                           "--public-opinion-days", "10", "--deputy-suggestion-months", "0", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "Nothing was changed"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (liaison_test_run_hq (&out, &err, "rules", "set", "--data-dir", fixture->hq.data_dir,
                           "--public-opinion-days", "0", NULL), ==, 1);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (liaison_test_run_hq (&out, &err, "rules", "set", "--data-dir", fixture->hq.data_dir, NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (feed_last_seq (fixture), ==, seq);

  g_assert_cmpint (liaison_test_run_hq (&out, &err, "rules", "set", "--data-dir", fixture->hq.data_dir,
                           "--public-opinion-days", "10", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "10 working days"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (feed_last_seq (fixture), ==, seq + 1);

  rules = pulled_rules (fixture, &version);
  g_assert_nonnull (rules);
  g_assert_cmpint (version, ==, 3);
  g_assert_cmpint (json_object_get_int_member (rules, "public_opinion_working_days"), ==, 10);
  g_assert_cmpint (json_object_get_int_member (rules, "public_opinion_months"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (rules, "deputy_suggestion_months"), ==, 3);
  g_assert_nonnull (strstr (json_object_get_string_member (rules, "calendar"), "2025-10-06,holiday"));
  g_clear_pointer (&rules, json_object_unref);

  g_assert_cmpint (liaison_test_run_hq (&out, &err, "rules", "set", "--data-dir", fixture->hq.data_dir,
                           "--deputy-suggestion-months", "2", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (liaison_test_run_hq (&out, &err, "rules", "--data-dir", fixture->hq.data_dir, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "10 working days"));
  g_assert_nonnull (strstr (out, "2 months"));
  g_assert_nonnull (strstr (out, "4 holidays and 2 make-up workdays"));
  g_assert_nonnull (strstr (out, "version 4"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Each command explains itself. */
  g_assert_cmpint (liaison_test_run_hq (&out, &err, "rules", "set", "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "--public-opinion-days"));
  g_assert_nonnull (strstr (out, "--deputy-suggestion-months"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (liaison_test_run_hq (&out, &err, "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "import holidays"));
  g_assert_nonnull (strstr (out, "rules set"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/hq/hello-enroll", test_hello_enroll);
  ADD ("/hq/cli-errors", test_cli_errors);
  ADD ("/hq/push", test_push);
  ADD ("/hq/pull-scope", test_pull_scope);
  ADD ("/hq/revoke", test_revoke);
  ADD ("/hq/bad-requests", test_bad_requests);
  ADD ("/hq/attachments", test_attachments);
  ADD ("/hq/attachment-get", test_attachment_get);
  ADD ("/hq/sigterm-restart", test_sigterm_restart);
  ADD ("/hq/tls", test_tls);
  ADD ("/hq/import", test_import);
  ADD ("/hq/loop-events", test_loop_events);
  ADD ("/hq/loop-event-guards", test_loop_event_guards);
  ADD ("/hq/init-holidays", test_init_holidays);
  ADD ("/hq/loop-rules-cli", test_loop_rules_cli);
#undef ADD

  return g_test_run ();
}
