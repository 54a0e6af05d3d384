/* test-hostile.c: hostile requests against a real liaison-hq on loopback,
 * each a row of a table (test-hostile-answers.c has the station's side).
 *
 * HOW TO ADD A CASE
 * 1. A new body: add a Shape to shapes[], a name and a function that
 *    builds the body for an endpoint (it may use what `hostile` holds:
 *    the tokens, the station's uuid, another station's reception, a file
 *    at the server; add there what a new shape needs, in hostile_start()).
 * 2. Add rows to cases[]: (endpoint, shape, token, status, error code).
 *    An endpoint is a name in endpoints[] (the server's route table);
 *    ANY_TOKEN stands for each of no token, a bad token, a station's and
 *    headquarters'; status 0 is any 4xx; code NULL is any error code.
 *    EVERY_ENDPOINT (shape) is the rows for a body no endpoint may take.
 * Each row becomes the test /hostile/SHAPE/ENDPOINT/TOKEN, which asserts
 * four things: the answer has the row's status (a 4xx with a JSON error
 * body, but for HEAD); the server still answers /v1/hello; nothing was
 * written (every row of hq.db, or on PostgreSQL every table's count and
 * digest, and every other file of its data folder are as before); and a
 * headquarters desk still syncs.
 */
#define G_LOG_DOMAIN "test-hostile"

#include "config.h"

#include <libsoup/soup.h>
#include <sqlite3.h>
#include <string.h>

#include "liaison-json-depth.h"
#include "liaison-protocol.h"
#include "liaison-test-hq.h"
#include "liaison-test-util.h"

/* json-glib 1.6 overflows an 8 MiB stack at well under this. */
#define DEEP 100000
/* The address of a file the server does not have (an empty one). */
#define ABSENT_SHA "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

/* The server's route table, each method apart. */
typedef struct {
  const char *name;
  const char *method;
  const char *path;
} Endpoint;

static const Endpoint endpoints[] = {
  { "GET-hello", "GET", "/v1/hello" },
  { "POST-enroll", "POST", "/v1/enroll" },
  { "POST-push", "POST", "/v1/push" },
  { "GET-pull", "GET", "/v1/pull?since=0&limit=10" },
  { "GET-attachment", "GET", "/v1/attachments/" ABSENT_SHA },
  { "HEAD-attachment", "HEAD", "/v1/attachments/" ABSENT_SHA },
  { "PUT-attachment", "PUT", "/v1/attachments/" ABSENT_SHA },
  /* A pull's skip ranges (issue 9, defect 5), each malformed its own way. */
  { "GET-pull-skip-backwards", "GET", "/v1/pull?since=0&skip=5-4" },
  { "GET-pull-skip-zero", "GET", "/v1/pull?since=0&skip=0-3" },
  { "GET-pull-skip-words", "GET", "/v1/pull?since=0&skip=a-b" },
  { "GET-pull-skip-overflow", "GET", "/v1/pull?since=0&skip=1-9223372036854775808" },
  { "GET-pull-skip-65-ranges", "GET", "/v1/pull?since=0&skip=1-1,3-3,5-5,7-7,9-9,11-11,13-13,15-15,17-17,19-19,21-21,23-23,25-25,27-27,29-29,31-31,33-33,35-35,37-37,39-39,41-41,43-43,45-45,47-47,49-49,51-51,53-53,55-55,57-57,59-59,61-61,63-63,65-65,67-67,69-69,71-71,73-73,75-75,77-77,79-79,81-81,83-83,85-85,87-87,89-89,91-91,93-93,95-95,97-97,99-99,101-101,103-103,105-105,107-107,109-109,111-111,113-113,115-115,117-117,119-119,121-121,123-123,125-125,127-127,129-129" },
  /* {file}: the file headquarters uploaded, hostile.attachment_sha. */
  { "GET-stored-file", "GET", "/v1/attachments/{file}" },
  { "HEAD-stored-file", "HEAD", "/v1/attachments/{file}" },
  { "PUT-stored-file", "PUT", "/v1/attachments/{file}" },
};

typedef enum {
  TOKEN_NONE,
  TOKEN_BAD,
  TOKEN_STATION,
  TOKEN_HQ,
  ANY_TOKEN,
} Token;

static const char * const token_names[] = { "no-token", "bad-token", "station-token", "hq-token" };

/* One server for every case: a case that stops it fails, and so do the
 * ones after it. */
typedef struct {
  LiaisonTestHq hq;
  SoupSession *session;
  char *tokens[ANY_TOKEN];       /* raw tokens, by Token */
  char *station_uuid;            /* the station of tokens[TOKEN_STATION] */
  LiaisonTestReplica station;    /* another station's desk, with receptions */
  char *foreign_reception;       /* the uuid of one of them */
  char *attachment_sha;          /* a file at the server, from headquarters */
  LiaisonTestReplica desk;       /* a headquarters desk */
} Hostile;

static Hostile hostile;

/* Bodies */

typedef GString *(*ShapeFunc) (const Endpoint *endpoint);

typedef struct {
  const char *name;
  ShapeFunc make;
} Shape;

/* The start of a body each JSON endpoint would read: the protocol, a code
 * for enroll and an empty records array for push. */
static GString *
envelope (void)
{
  return g_string_new ("{\"protocol\": 1, \"code\": \"hostile\", \"records\": [], \"pad\": ");
}

/* No body at all: for a hostile query string. */
static GString *
no_body (const Endpoint *endpoint)
{
  return NULL;
}

static GString *
deep_arrays (const Endpoint *endpoint)
{
  return liaison_test_append_repeat (g_string_new (NULL), "[", DEEP);
}

static GString *
deep_arrays_closed (const Endpoint *endpoint)
{
  return liaison_test_append_repeat (liaison_test_append_repeat (g_string_new (NULL), "[", DEEP), "]", DEEP);
}

static GString *
deep_objects (const Endpoint *endpoint)
{
  GString *out = liaison_test_append_repeat (g_string_new (NULL), "{\"a\":", DEEP);

  g_string_append_c (out, '1');
  return liaison_test_append_repeat (out, "}", DEEP);
}

static GString *
deep_mixed (const Endpoint *endpoint)
{
  GString *out = liaison_test_append_repeat (g_string_new (NULL), "[{\"a\":", DEEP / 2);

  g_string_append_c (out, '1');
  return liaison_test_append_repeat (out, "}]", DEEP / 2);
}

static GString *
deep_in_envelope (const Endpoint *endpoint)
{
  return liaison_test_append_repeat (envelope (), "[", DEEP);
}

/* The whole body nested @depth deep, closed: valid JSON. */
static GString *
nested (guint depth)
{
  GString *out = liaison_test_append_repeat (envelope (), "[", depth - 1);

  liaison_test_append_repeat (out, "]", depth - 1);
  g_string_append_c (out, '}');
  return out;
}

static GString *
depth_at_limit (const Endpoint *endpoint)
{
  return nested (LIAISON_JSON_MAX_DEPTH);
}

static GString *
depth_over_limit (const Endpoint *endpoint)
{
  return nested (LIAISON_JSON_MAX_DEPTH + 1);
}

/* The envelope, @prefix, then DEEP brackets. */
static GString *
deep_after (const char *prefix)
{
  GString *out = envelope ();

  g_string_append (out, prefix);
  return liaison_test_append_repeat (out, "[", DEEP);
}

/* Where json-glib 1.6 reads a string otherwise than JSON does: a scan that
 * followed JSON would take the brackets after these for text. */
static GString *
deep_after_comment (const Endpoint *endpoint)
{
  return deep_after ("[ / \"\n");
}

static GString *
deep_after_single_quote (const Endpoint *endpoint)
{
  return deep_after ("['\"', ");
}

static GString *
deep_after_lone_surrogate (const Endpoint *endpoint)
{
  return deep_after ("[\"\\ud800\", \"");
}

static GString *
deep_after_short_escape (const Endpoint *endpoint)
{
  return deep_after ("[\"\\u12\", \"");
}

static GString *
deep_after_escaped_backslash (const Endpoint *endpoint)
{
  return deep_after ("[\"\\\\\", ");
}

/* Brackets inside strings are text: the body is shallow and valid. */
static GString *
brackets_in_strings (const Endpoint *endpoint)
{
  GString *out = envelope ();

  g_string_append_c (out, '"');
  liaison_test_append_repeat (out, "[{\\\"", DEEP / 4);
  g_string_append (out, "\\ud83d\\ude00\"}");
  return out;
}

/* One pushed record that the wire schema or headquarters' rules refuse
 * (issue 9, defect 2): the push answers 200 with the record rejected, and
 * nothing is written. @summary and @party_size are JSON text; @extra more
 * data members. */
static GString *
record_body (const char *summary,
             const char *party_size,
             const char *extra)
{
  g_autofree char *uuid = g_uuid_string_random ();
  GString *out = g_string_new (NULL);

  g_string_printf (out,
    "{\"protocol\": 1, \"code\": \"hostile\", \"records\": [{\"kind\": \"reception\", \"uuid\": \"%s\","
    " \"version\": 1, \"base_version\": 0, \"updated_at\": \"2025-03-05T01:30:00Z\","
    " \"origin_station\": \"%s\", \"deleted\": false, \"data\": {\"received_at\": \"2025-03-05 09:30\","
    " \"station\": \"%s\", \"channel\": \"walk_in\", \"category\": \"6c1a7e00-0000-4000-8000-000000000001\","
    " \"summary\": %s, \"handled_on_spot\": false, \"handling\": \"\", \"deputies\": [],"
    " \"visitors\": [{\"name\": \"赵敏\", \"phone\": \"\", \"community\": \"\", \"party_size\": %s,"
    " \"consent\": true}]%s}}]}",
    uuid, hostile.station_uuid, hostile.station_uuid, summary, party_size, extra);
  return out;
}

static GString *
record_lone_surrogate (const Endpoint *endpoint)
{
  return record_body ("\"路灯\\ud802不亮\"", "1", "");
}

static GString *
record_out_of_range (const Endpoint *endpoint)
{
  return record_body ("\"路灯\"", "9223372036854775807", "");
}

static GString *
record_unknown_key (const Endpoint *endpoint)
{
  return record_body ("\"路灯\"", "1", ", \"mood\": \"好\"");
}

static GString *
record_oversized (const Endpoint *endpoint)
{
  g_autoptr(GString) summary = liaison_test_append_repeat (g_string_new ("\""), "路", 25000);

  g_string_append_c (summary, '"');
  return record_body (summary->str, "1", "");
}

/* A push of no records with a report of records set aside (issue 9,
 * defect 2) that says nothing usable: taken (200), and nothing kept. */
static GString *
set_aside_unreadable (const Endpoint *endpoint)
{
  return g_string_new ("{\"protocol\": 1, \"code\": \"hostile\", \"records\": [],"
                       " \"set_aside\": [1, \"x\", null, [], {\"kind\": 5, \"uuid\": {}},"
                       " {\"kind\": \"reception\", \"uuid\": \"u\", \"reason\": \"r\"}]}");
}

static GString *
set_aside_not_a_list (const Endpoint *endpoint)
{
  return g_string_new ("{\"protocol\": 1, \"code\": \"hostile\", \"records\": [],"
                       " \"set_aside\": {\"kind\": \"reception\"}}");
}

/* A suggestion of the token's station under another station's reception. */
static GString *
record_foreign_reference (const Endpoint *endpoint)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *reception = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  GString *out = g_string_new (NULL);

  g_assert_cmpint (sqlite3_open_v2 (liaison_store_get_path (hostile.station.store), &db,
                                    SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT uuid FROM receptions LIMIT 1", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  reception = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_string_printf (out,
    "{\"protocol\": 1, \"code\": \"hostile\", \"records\": [{\"kind\": \"suggestion\", \"uuid\": \"%s\","
    " \"version\": 1, \"base_version\": 0, \"updated_at\": \"2025-03-05T01:40:00Z\","
    " \"origin_station\": \"%s\", \"deleted\": false, \"data\": {\"reception\": \"%s\", \"station\": \"%s\","
    " \"category\": \"6c1a7e00-0000-4000-8000-000000000001\", \"title\": \"修路灯\", \"content\": \"\","
    " \"raised_by\": \"\", \"created_at\": \"2025-03-05T01:40:00Z\", \"kind\": \"public_opinion\","
    " \"deputy\": null, \"co_signers\": []}}]}",
    uuid, hostile.station_uuid, reception, hostile.station_uuid);
  return out;
}

/* Bytes that are not the file the address names. */
static GString *
not_the_file (const Endpoint *endpoint)
{
  return g_string_new ("不是这封答复函");
}

static GString *
oversized_attachment (const Endpoint *endpoint)
{
  GString *out = g_string_sized_new (LIAISON_MAX_ATTACHMENT_BYTES + 2);

  g_string_set_size (out, LIAISON_MAX_ATTACHMENT_BYTES + 1);
  memset (out->str, 'x', out->len);
  return out;
}

static const Shape shapes[] = {
  { "not-the-file", not_the_file },
  { "oversized-attachment", oversized_attachment },
  { "deep-arrays", deep_arrays },
  { "deep-arrays-closed", deep_arrays_closed },
  { "deep-objects", deep_objects },
  { "deep-mixed", deep_mixed },
  { "deep-in-envelope", deep_in_envelope },
  { "depth-at-limit", depth_at_limit },
  { "depth-over-limit", depth_over_limit },
  { "deep-after-comment", deep_after_comment },
  { "deep-after-single-quote", deep_after_single_quote },
  { "deep-after-lone-surrogate", deep_after_lone_surrogate },
  { "deep-after-short-escape", deep_after_short_escape },
  { "deep-after-escaped-backslash", deep_after_escaped_backslash },
  { "brackets-in-strings", brackets_in_strings },
  { "no-body", no_body },
  { "record-lone-surrogate", record_lone_surrogate },
  { "record-out-of-range", record_out_of_range },
  { "record-unknown-key", record_unknown_key },
  { "record-oversized", record_oversized },
  { "record-foreign-reference", record_foreign_reference },
  { "set-aside-unreadable", set_aside_unreadable },
  { "set-aside-not-a-list", set_aside_not_a_list },
};

/* Cases */

typedef struct {
  const char *endpoint;
  const char *shape;
  Token       token;
  guint       status;   /* 0: any 4xx */
  const char *code;     /* NULL: any */
} HostileCase;

/* A body no endpoint may take: GET and HEAD take none, enroll and push
 * refuse it as JSON (push after the token), PUT as an attachment whose
 * bytes do not have the SHA-256 of its address. */
#define EVERY_ENDPOINT(shape) \
  { "GET-hello", shape, ANY_TOKEN, 400, "bad_request" }, \
  { "POST-enroll", shape, ANY_TOKEN, 400, "bad_json" }, \
  { "POST-push", shape, TOKEN_NONE, 401, "no_token" }, \
  { "POST-push", shape, TOKEN_BAD, 401, "bad_token" }, \
  { "POST-push", shape, TOKEN_STATION, 400, "bad_json" }, \
  { "POST-push", shape, TOKEN_HQ, 400, "bad_json" }, \
  { "GET-pull", shape, ANY_TOKEN, 400, "bad_request" }, \
  { "GET-attachment", shape, ANY_TOKEN, 400, "bad_request" }, \
  { "HEAD-attachment", shape, ANY_TOKEN, 400, NULL }, \
  { "PUT-attachment", shape, TOKEN_NONE, 401, "no_token" }, \
  { "PUT-attachment", shape, TOKEN_BAD, 401, "bad_token" }, \
  { "PUT-attachment", shape, TOKEN_STATION, 400, "bad_hash" }, \
  { "PUT-attachment", shape, TOKEN_HQ, 400, "bad_hash" }

/* A query the server refuses once it knows the caller. */
#define BAD_QUERY(endpoint) \
  { endpoint, "no-body", TOKEN_NONE, 401, "no_token" }, \
  { endpoint, "no-body", TOKEN_BAD, 401, "bad_token" }, \
  { endpoint, "no-body", TOKEN_STATION, 400, "bad_request" }, \
  { endpoint, "no-body", TOKEN_HQ, 400, "bad_request" }

/* A body of one record headquarters must not keep: a push takes the
 * request (200) and rejects the record; every other endpoint refuses the
 * request as it refuses any body. */
#define RECORD_SHAPE(shape) \
  { "GET-hello", shape, ANY_TOKEN, 400, "bad_request" }, \
  { "POST-enroll", shape, TOKEN_NONE, 403, "bad_code" }, \
  { "POST-push", shape, TOKEN_NONE, 401, "no_token" }, \
  { "POST-push", shape, TOKEN_BAD, 401, "bad_token" }, \
  { "POST-push", shape, TOKEN_STATION, 200, NULL }, \
  { "POST-push", shape, TOKEN_HQ, 200, NULL }, \
  { "GET-pull", shape, ANY_TOKEN, 400, "bad_request" }, \
  { "GET-attachment", shape, ANY_TOKEN, 400, "bad_request" }, \
  { "HEAD-attachment", shape, ANY_TOKEN, 400, NULL }, \
  { "PUT-attachment", shape, TOKEN_NONE, 401, "no_token" }, \
  { "PUT-attachment", shape, TOKEN_BAD, 401, "bad_token" }, \
  { "PUT-attachment", shape, TOKEN_STATION, 400, "bad_hash" }, \
  { "PUT-attachment", shape, TOKEN_HQ, 400, "bad_hash" }

static const HostileCase cases[] = {
  /* Deep nesting, in every shape (issue 9, defect 1). */
  EVERY_ENDPOINT ("deep-arrays"),
  EVERY_ENDPOINT ("deep-arrays-closed"),
  EVERY_ENDPOINT ("deep-objects"),
  EVERY_ENDPOINT ("deep-mixed"),
  EVERY_ENDPOINT ("deep-in-envelope"),
  EVERY_ENDPOINT ("depth-over-limit"),
  EVERY_ENDPOINT ("deep-after-comment"),
  EVERY_ENDPOINT ("deep-after-single-quote"),
  EVERY_ENDPOINT ("deep-after-lone-surrogate"),
  EVERY_ENDPOINT ("deep-after-short-escape"),
  EVERY_ENDPOINT ("deep-after-escaped-backslash"),
  /* At the limit, and brackets in strings: read as usual. The code is
   * unknown, and a push of no records writes nothing. */
  { "POST-enroll", "depth-at-limit", TOKEN_NONE, 403, "bad_code" },
  { "POST-push", "depth-at-limit", TOKEN_STATION, 200, NULL },
  { "POST-push", "depth-at-limit", TOKEN_HQ, 200, NULL },
  { "POST-enroll", "brackets-in-strings", TOKEN_NONE, 403, "bad_code" },
  { "POST-push", "brackets-in-strings", TOKEN_STATION, 200, NULL },
  BAD_QUERY ("GET-pull-skip-backwards"),
  BAD_QUERY ("GET-pull-skip-zero"),
  BAD_QUERY ("GET-pull-skip-words"),
  BAD_QUERY ("GET-pull-skip-overflow"),
  BAD_QUERY ("GET-pull-skip-65-ranges"),
  /* Records a desk would refuse, or that point at another station's
   * (issue 9, defect 2). */
  RECORD_SHAPE ("record-lone-surrogate"),
  RECORD_SHAPE ("record-out-of-range"),
  RECORD_SHAPE ("record-unknown-key"),
  RECORD_SHAPE ("record-oversized"),
  RECORD_SHAPE ("record-foreign-reference"),
  /* A report of records set aside that says nothing usable never fails
   * the push, and is not kept. */
  RECORD_SHAPE ("set-aside-unreadable"),
  RECORD_SHAPE ("set-aside-not-a-list"),
  /* A file is no one's without a token. */
  { "GET-stored-file", "no-body", TOKEN_NONE, 401, "no_token" },
  { "GET-stored-file", "no-body", TOKEN_BAD, 401, "bad_token" },
  { "HEAD-stored-file", "no-body", TOKEN_NONE, 401, NULL },
  /* Headquarters' file, which no reply to the station lists, is absent to
   * the station, to GET, HEAD and PUT alike; bytes that are not the file
   * prove nothing; an oversized file is refused before any token (issue
   * 9, defect 3). */
  { "GET-stored-file", "no-body", TOKEN_STATION, 404, "not_found" },
  { "HEAD-stored-file", "no-body", TOKEN_STATION, 404, NULL },
  { "HEAD-attachment", "no-body", TOKEN_STATION, 404, NULL },
  { "PUT-stored-file", "not-the-file", TOKEN_NONE, 401, "no_token" },
  { "PUT-stored-file", "not-the-file", TOKEN_STATION, 400, "bad_hash" },
  { "PUT-attachment", "oversized-attachment", ANY_TOKEN, 413, "too_large" },
  { "PUT-stored-file", "oversized-attachment", TOKEN_STATION, 413, "too_large" },
};

typedef struct {
  const Endpoint *endpoint;
  const Shape *shape;
  Token token;
  guint status;
  const char *code;
} Expanded;

static const Endpoint *
find_endpoint (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (endpoints); i++)
    if (g_str_equal (endpoints[i].name, name))
      return &endpoints[i];
  g_error ("no endpoint %s in the table", name);
}

static const Shape *
find_shape (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (shapes); i++)
    if (g_str_equal (shapes[i].name, name))
      return &shapes[i];
  g_error ("no shape %s in the table", name);
}

/* The server and its desks */

/* One request; its status, and its body in @body. */
static guint
send_request (const char  *method,
              const char  *path,
              Token        token,
              GString     *request,
              GBytes     **body)
{
  g_autofree char *url = g_strconcat (hostile.hq.url, path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);
  SoupMessageHeaders *headers = soup_message_get_request_headers (msg);
  g_autoptr(GError) error = NULL;

  soup_message_headers_replace (headers, LIAISON_PROTOCOL_HEADER, "1");
  if (token != TOKEN_NONE)
    {
      g_autofree char *auth = g_strconcat ("Bearer ", hostile.tokens[token], NULL);

      soup_message_headers_replace (headers, "Authorization", auth);
    }
  if (request != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (request->str, request->len);

      soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
    }
  *body = soup_session_send_and_read (hostile.session, msg, NULL, &error);
  /* A server that died answers nothing at all. */
  g_assert_no_error (error);
  return soup_message_get_status (msg);
}


static void
hostile_start (void)
{
  g_autofree char *code_station = NULL;
  g_autofree char *code_hq = NULL;
  g_autoptr(GError) error = NULL;
  gint64 deputy_id;
  gint64 category_id;

  if (hostile.hq.server != NULL)
    return;
  liaison_test_hq_init (&hostile.hq, "test-hostile-XXXXXX");
  liaison_test_hq_import_roster (&hostile.hq);
  code_station = liaison_test_hq_station_code (&hostile.hq, "东山联络站");
  code_hq = liaison_test_hq_user_code (&hostile.hq, "代表工委");
  liaison_test_hq_start (&hostile.hq);
  hostile.session = soup_session_new ();
  hostile.tokens[TOKEN_BAD] = liaison_protocol_new_token ();

  /* Raw tokens, enrolled by hand. */
  for (Token token = TOKEN_STATION; token <= TOKEN_HQ; token++)
    {
      g_autofree char *url = g_strconcat (hostile.hq.url, "/v1/enroll", NULL);
      g_autofree char *body = g_strdup_printf ("{\"protocol\": 1, \"code\": \"%s\"}",
                                               token == TOKEN_STATION ? code_station : code_hq);
      g_autoptr(SoupMessage) msg = soup_message_new ("POST", url);
      g_autoptr(GBytes) request = g_bytes_new (body, strlen (body));
      g_autoptr(GBytes) answer = NULL;
      g_autoptr(JsonNode) root = NULL;
      JsonObject *object;

      soup_message_headers_replace (soup_message_get_request_headers (msg), LIAISON_PROTOCOL_HEADER, "1");
      soup_message_set_request_body_from_bytes (msg, "application/json", request);
      answer = soup_session_send_and_read (hostile.session, msg, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (soup_message_get_status (msg), ==, 200);
      root = json_from_string (g_bytes_get_data (answer, NULL), &error);
      g_assert_no_error (error);
      object = json_node_get_object (root);
      hostile.tokens[token] = g_strdup (json_object_get_string_member (object, "token"));
      if (token == TOKEN_STATION)
        hostile.station_uuid = g_strdup (json_object_get_string_member (
          json_object_get_object_member (object, "station"), "uuid"));
    }

  /* A station with two receptions at headquarters, and a desk that has
   * them: there is something to lose. */
  hostile.station = liaison_test_replica_new (&hostile.hq, "station.db");
  liaison_test_replica_enroll_station (&hostile.hq, &hostile.station, "西山联络站");
  liaison_test_sync_ok (hostile.station.engine);
  deputy_id = liaison_store_find_deputy (hostile.station.store, "张伟");
  category_id = liaison_store_find_category (hostile.station.store, "urban_construction");
  g_assert_cmpint (deputy_id, >, 0);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(LiaisonReception) reception = liaison_reception_new ();

      reception->received_at = g_strdup_printf ("2024-03-0%u 09:30", i + 1);
      reception->channel = LIAISON_CHANNEL_WALK_IN;
      reception->category_id = category_id;
      reception->summary = g_strdup ("小区路灯不亮");
      g_array_append_val (reception->deputy_ids, deputy_id);
      g_ptr_array_add (reception->visitors, liaison_test_make_visitor ("赵敏", "13912345678", "翠竹园社区"));
      g_assert_true (liaison_store_save_reception (hostile.station.store, reception, &error));
      g_assert_no_error (error);
      g_free (hostile.foreign_reception);
      hostile.foreign_reception = g_strdup (reception->meta.uuid);
    }
  g_assert_true (g_uuid_string_is_valid (hostile.foreign_reception));
  g_assert_cmpuint (liaison_test_sync_ok (hostile.station.engine).sent, ==, 2);

  /* And a file. */
  {
    const char *letter = "市住建局的答复函";
    g_autofree char *path = NULL;
    g_autoptr(GString) bytes = g_string_new (letter);
    g_autoptr(GBytes) answer = NULL;

    hostile.attachment_sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, letter, -1);
    path = g_strconcat ("/v1/attachments/", hostile.attachment_sha, NULL);
    g_assert_cmpuint (send_request ("PUT", path, TOKEN_HQ, bytes, &answer), ==, 201);
  }
  hostile.desk = liaison_test_replica_new (&hostile.hq, "desk.db");
  liaison_test_replica_enroll_hq (&hostile.hq, &hostile.desk, "办公室");
  g_assert_cmpuint (liaison_test_sync_ok (hostile.desk.engine).received, >=, 2);
}

static void
hostile_stop (void)
{
  if (hostile.hq.dir == NULL)
    return;
  liaison_test_replica_clear (&hostile.station);
  liaison_test_replica_clear (&hostile.desk);
  g_clear_object (&hostile.session);
  liaison_test_hq_clear (&hostile.hq);
  for (guint i = 0; i < ANY_TOKEN; i++)
    g_clear_pointer (&hostile.tokens[i], g_free);
  g_clear_pointer (&hostile.station_uuid, g_free);
  g_clear_pointer (&hostile.foreign_reception, g_free);
  g_clear_pointer (&hostile.attachment_sha, g_free);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
checksum_files (GChecksum  *checksum,
                const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (handle == NULL)
    return;
  while ((name = g_dir_read_name (handle)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_strings);
  for (guint i = 0; i < names->len; i++)
    {
      const char *file = g_ptr_array_index (names, i);
      g_autofree char *path = g_build_filename (dir, file, NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;

      /* The database is compared row by row: reads touch its -shm. */
      if (g_str_has_prefix (file, "hq.db"))
        continue;
      g_checksum_update (checksum, (const guchar *) path, -1);
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        checksum_files (checksum, path);
      else if (g_file_get_contents (path, &contents, &length, NULL))
        g_checksum_update (checksum, (const guchar *) contents, length);
    }
}

/* What a refused request must leave as it was: every row of the server's
 * database (liaison_test_hq_contents()) and every other file of its data
 * folder. */
static char *
server_state (void)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *contents = liaison_test_hq_contents (&hostile.hq);

  g_checksum_update (checksum, (const guchar *) contents, -1);
  checksum_files (checksum, hostile.hq.data_dir);
  return g_strdup (g_checksum_get_string (checksum));
}

static void
test_case (gconstpointer data)
{
  const Expanded *c = data;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GString) request = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GBytes) hello = NULL;
  g_auto(GStrv) parts = NULL;
  g_autofree char *path = NULL;
  guint status;

  hostile_start ();
  before = server_state ();
  request = c->shape->make (c->endpoint);
  parts = g_strsplit (c->endpoint->path, "{file}", -1);
  path = g_strjoinv (hostile.attachment_sha, parts);
  status = send_request (c->endpoint->method, path, c->token, request, &body);

  /* 1. The answer. */
  if (c->status != 0)
    g_assert_cmpuint (status, ==, c->status);
  else
    g_assert_true (status >= 400 && status < 500);
  if (status >= 400 && !g_str_equal (c->endpoint->method, "HEAD"))
    {
      g_autofree char *code = NULL;
      g_autofree char *message = NULL;
      gsize length = 0;
      const char *text = g_bytes_get_data (body, &length);

      g_assert_true (liaison_protocol_parse_error (text, length, &code, &message));
      g_assert_cmpstr (message, !=, "");
      if (c->code != NULL)
        g_assert_cmpstr (code, ==, c->code);
    }

  /* 2. The server is up. */
  g_assert_cmpuint (send_request ("GET", "/v1/hello", TOKEN_NONE, NULL, &hello), ==, 200);

  /* 3. Nothing was written. */
  after = server_state ();
  g_assert_cmpstr (before, ==, after);

  /* 4. A headquarters desk still syncs. */
  liaison_test_sync_ok (hostile.desk.engine);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) expanded = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *config = NULL;
  int status;

  /* Keys go to a file in a folder of our own, never a real keyring. */
  config = liaison_test_private_keys ("liaison-hostile-config-XXXXXX");

  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    for (Token token = TOKEN_NONE; token < ANY_TOKEN; token++)
      {
        Expanded *c;
        g_autofree char *path = NULL;

        if (cases[i].token != ANY_TOKEN && cases[i].token != token)
          continue;
        c = g_new0 (Expanded, 1);
        c->endpoint = find_endpoint (cases[i].endpoint);
        c->shape = find_shape (cases[i].shape);
        c->token = token;
        c->status = cases[i].status;
        c->code = cases[i].code;
        g_ptr_array_add (expanded, c);
        path = g_strdup_printf ("/hostile/%s/%s/%s", c->shape->name, c->endpoint->name, token_names[token]);
        g_test_add_data_func (path, c, test_case);
      }

  status = g_test_run ();
  hostile_stop ();
  liaison_test_remove_tree (config);
  return status;
}
