/* test-hq-files.c: who may read, probe and upload attachments at a real
 * liaison-hq on loopback, with two stations and a headquarters desk
 * (issue 9, defect 3).
 *
 * Station A must not read the letter headquarters sent station B by
 * listing its hash in a move of its own; HEAD tells nobody what they
 * could not GET; two stations uploading the same file at once each keep
 * their own part; and a station over its daily quota gets 413 or 429,
 * which its desk says in words, in Chinese too.
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "liaison-loop-wire.h"
#include "liaison-protocol.h"
#include "liaison-store-attachments.h"
#include "liaison-store-loop.h"
#include "liaison-store-sync.h"
#include "liaison-sync-engine.h"
#include "liaison-test-hq.h"
#include "liaison-test-util.h"
#include "liaison-token-store.h"

#define STATION_A "相山区第一代表联络站"
#define STATION_B "杜集区代表之家"
#define LEAD_UNIT "区住房和城乡建设局"
#define HQ_ACTOR "市人大代表工委 李明"

typedef LiaisonTestReplica Replica;

typedef struct {
  LiaisonTestHq hq;
  SoupSession *session;
  GDateTime *clock;       /* the next move's time (UTC), in the past */
  Replica a, b, desk;     /* two stations and a headquarters desk */
  char *token_a, *token_b, *token_hq;
} Fixture;

/* The time of the next move; the clock moves on a minute. */
static GDateTime *
tick (Fixture *fixture)
{
  GDateTime *at = g_date_time_ref (fixture->clock);
  GDateTime *next = g_date_time_add_minutes (fixture->clock, 1);

  g_date_time_unref (fixture->clock);
  fixture->clock = next;
  return at;
}

static char *
token_of (Replica *replica)
{
  g_autofree char *server_id = liaison_store_get_server_id (replica->store);
  g_autoptr(GError) error = NULL;
  char *token = liaison_token_store_load (server_id, liaison_store_get_path (replica->store), &error);

  g_assert_no_error (error);
  g_assert_nonnull (token);
  return token;
}

static Replica
station_new (Fixture    *fixture,
             const char *file,
             const char *name)
{
  g_autofree char *path = g_build_filename (fixture->hq.dir, file, NULL);
  Replica replica;

  replica.store = liaison_test_open_store_with_station (path, name);
  replica.engine = liaison_sync_engine_new (replica.store);
  liaison_test_replica_enroll_station (&fixture->hq, &replica, name);
  liaison_test_sync_ok (replica.engine);
  return replica;
}

/* The server with more options of `serve` (NULL-terminated, may be none),
 * two stations and a headquarters desk, all enrolled and synced. */
static void
set_up_with (Fixture    *fixture,
             const char *first_option,
             ...)
{
  g_autofree char *units = NULL;
  g_autofree char *out = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GStrvBuilder) options = g_strv_builder_new ();
  g_autoptr(GError) error = NULL;
  va_list ap;

  liaison_test_hq_init (&fixture->hq, "liaison-hq-files-XXXXXX");
  liaison_test_hq_import_roster (&fixture->hq);
  units = g_build_filename (fixture->hq.dir, "units.csv", NULL);
  g_assert_true (g_file_set_contents (units, "名称,类型\n" LEAD_UNIT ",部门\n", -1, &error));
  g_assert_no_error (error);
  out = liaison_test_hq_run (&fixture->hq, "import units", units, NULL);

  va_start (ap, first_option);
  for (const char *option = first_option; option != NULL; option = va_arg (ap, const char *))
    g_strv_builder_add (options, option);
  va_end (ap);
  fixture->hq.serve_args = g_strv_builder_end (options);
  liaison_test_hq_start (&fixture->hq);

  fixture->session = soup_session_new ();
  fixture->clock = g_date_time_add_days (now, -2);
  fixture->a = station_new (fixture, "a.db", STATION_A);
  fixture->b = station_new (fixture, "b.db", STATION_B);
  fixture->desk = liaison_test_replica_new (&fixture->hq, "desk.db");
  liaison_test_replica_enroll_hq (&fixture->hq, &fixture->desk, "代表工委办公室");
  fixture->token_a = token_of (&fixture->a);
  fixture->token_b = token_of (&fixture->b);
  fixture->token_hq = token_of (&fixture->desk);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  set_up_with (fixture, NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  liaison_test_replica_clear (&fixture->a);
  liaison_test_replica_clear (&fixture->b);
  liaison_test_replica_clear (&fixture->desk);
  g_clear_object (&fixture->session);
  liaison_test_hq_clear (&fixture->hq);
  g_clear_pointer (&fixture->clock, g_date_time_unref);
  g_free (fixture->token_a);
  g_free (fixture->token_b);
  g_free (fixture->token_hq);
}

/* HTTP, as any client may send it. */

typedef struct {
  guint status;
  GBytes *body;
  SoupMessageHeaders *headers;
} Answer;

static void
answer_free (Answer *answer)
{
  g_clear_pointer (&answer->body, g_bytes_unref);
  g_clear_pointer (&answer->headers, soup_message_headers_unref);
  g_free (answer);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Answer, answer_free)

static Answer *
request (Fixture    *fixture,
         const char *method,
         const char *path,
         const char *token,
         const char *content_type,
         const void *body,
         gsize       length,
         const char *content_range)
{
  g_autofree char *url = g_strconcat (fixture->hq.url, path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);
  g_autofree char *auth = g_strconcat ("Bearer ", token, NULL);
  g_autoptr(GError) error = NULL;
  SoupMessageHeaders *headers = soup_message_get_request_headers (msg);
  Answer *answer = g_new0 (Answer, 1);

  soup_message_headers_replace (headers, LIAISON_PROTOCOL_HEADER, "1");
  soup_message_headers_replace (headers, "Authorization", auth);
  if (content_range != NULL)
    soup_message_headers_replace (headers, "Content-Range", content_range);
  if (body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, length);

      soup_message_set_request_body_from_bytes (msg, content_type, bytes);
    }
  answer->body = soup_session_send_and_read (fixture->session, msg, NULL, &error);
  g_assert_no_error (error);
  answer->status = soup_message_get_status (msg);
  answer->headers = soup_message_headers_ref (soup_message_get_response_headers (msg));
  return answer;
}

static char *
attachment_path (const char *sha)
{
  return g_strconcat ("/v1/attachments/", sha, NULL);
}

static Answer *
get (Fixture    *fixture,
     const char *sha,
     const char *token)
{
  g_autofree char *path = attachment_path (sha);

  return request (fixture, "GET", path, token, NULL, NULL, 0, NULL);
}

static Answer *
head (Fixture    *fixture,
      const char *sha,
      const char *token)
{
  g_autofree char *path = attachment_path (sha);

  return request (fixture, "HEAD", path, token, NULL, NULL, 0, NULL);
}

/* PUT of @length bytes of @data, as bytes @start… of a file of @total
 * bytes (no Content-Range when @total is 0: the whole file). */
static Answer *
put (Fixture    *fixture,
     const char *sha,
     const char *token,
     const char *data,
     gsize       start,
     gsize       length,
     gsize       total)
{
  g_autofree char *path = attachment_path (sha);
  g_autofree char *range = total == 0 ? NULL
    : g_strdup_printf ("bytes %" G_GSIZE_FORMAT "-%" G_GSIZE_FORMAT "/%" G_GSIZE_FORMAT,
                       start, start + length - 1, total);

  return request (fixture, "PUT", path, token, "application/octet-stream", data + start, length, range);
}

/* The answer is the JSON error @code, with @status. */
static void
assert_error (Answer     *answer,
              guint       status,
              const char *code)
{
  g_autofree char *got_code = NULL;
  g_autofree char *message = NULL;
  gsize length = 0;
  const char *data = g_bytes_get_data (answer->body, &length);

  g_assert_cmpuint (answer->status, ==, status);
  g_assert_cmpstr (soup_message_headers_get_content_type (answer->headers, NULL), ==, "application/json");
  g_assert_true (liaison_protocol_parse_error (data, length, &got_code, &message));
  g_assert_cmpstr (got_code, ==, code);
  g_assert_cmpstr (message, !=, "");
}

static void
assert_bytes (Answer     *answer,
              const char *bytes,
              gsize       size)
{
  gsize length = 0;
  const char *data = g_bytes_get_data (answer->body, &length);

  g_assert_cmpuint (answer->status, ==, 200);
  g_assert_cmpmem (data, length, bytes, size);
}

/* HEAD's "as if absent": 404, and no sign of any part. */
static void
assert_absent_to (Fixture    *fixture,
                  const char *sha,
                  const char *token)
{
  g_autoptr(Answer) h = head (fixture, sha, token);

  g_assert_cmpuint (h->status, ==, 404);
  g_assert_null (soup_message_headers_get_one (h->headers, "Liaison-Received"));
}

/* Records, made at the desks. */

static char *
write_file (Fixture    *fixture,
            const char *name,
            const char *bytes,
            gsize       size)
{
  char *path = g_build_filename (fixture->hq.dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, bytes, (gssize) size, &error));
  g_assert_no_error (error);
  return path;
}

/* A citizen's suggestion at @replica's station, taken up by a deputy:
 * headquarters may refer it. Returns its uuid. */
static char *
log_suggestion (Fixture    *fixture,
                Replica    *replica,
                const char *title)
{
  g_autoptr(LiaisonSuggestion) suggestion = liaison_suggestion_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) at = tick (fixture);
  LiaisonLoopEvent *take_up;

  suggestion->kind = LIAISON_LOOP_KIND_PUBLIC_OPINION;
  suggestion->category_id = liaison_store_find_category (replica->store, "urban_construction");
  suggestion->title = g_strdup (title);
  suggestion->content = g_strdup ("小区雨后道路积水严重，希望尽快疏通排水管网。");
  suggestion->raised_by = g_strdup ("赵敏");
  suggestion->created_at = liaison_loop_format_at (at);
  g_assert_true (liaison_store_save_suggestion (replica->store, suggestion, &error));
  g_assert_no_error (error);

  take_up = liaison_test_event_new (LIAISON_LOOP_MOVE_TAKE_UP, LIAISON_LOOP_ROLE_DEPUTY, "张伟", tick (fixture));
  take_up->deputy_uuid = liaison_test_deputy_uuid (replica->store, "张伟");
  liaison_test_record_event (replica->store, suggestion->meta.id, take_up);
  liaison_loop_event_free (take_up);
  return g_strdup (suggestion->meta.uuid);
}

/* At the headquarters desk: refers the suggestion @uuid and records the
 * unit's reply with the file at @letter_path. Returns the file's hash. */
static char *
reply_with_letter (Fixture    *fixture,
                   const char *uuid,
                   const char *letter_path)
{
  gint64 id = liaison_test_suggestion_id (fixture->desk.store, uuid);
  LiaisonLoopEvent *refer = liaison_test_event_new (LIAISON_LOOP_MOVE_REFER, LIAISON_LOOP_ROLE_HQ, HQ_ACTOR,
                                                    tick (fixture));
  LiaisonLoopEvent *reply;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GError) error = NULL;
  char *sha;
  GDate day;

  g_assert_cmpint (id, >, 0);
  local = g_date_time_to_local (refer->at);
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
  refer->lead_unit_uuid = liaison_test_unit_uuid (fixture->desk.store, LEAD_UNIT);
  liaison_store_default_due_date (fixture->desk.store, LIAISON_LOOP_KIND_PUBLIC_OPINION, &day, &refer->due_date);
  liaison_test_record_event (fixture->desk.store, id, refer);
  liaison_loop_event_free (refer);

  reply = liaison_test_event_new (LIAISON_LOOP_MOVE_REPLY, LIAISON_LOOP_ROLE_HQ, HQ_ACTOR, tick (fixture));
  reply->reply_text = g_strdup ("已列入年度维修计划，本月底前完成疏通。");
  reply->replying_unit_uuid = liaison_test_unit_uuid (fixture->desk.store, LEAD_UNIT);
  reply->reply_date = day;
  sha = liaison_store_add_attachment (fixture->desk.store, letter_path, &error);
  g_assert_no_error (error);
  reply->attachments = g_new0 (char *, 2);
  reply->attachments[0] = g_strdup (sha);
  reply->attachment_names = g_strsplit ("答复函.pdf", "|", -1);
  liaison_test_record_event (fixture->desk.store, id, reply);
  liaison_loop_event_free (reply);
  return sha;
}

/* A reply move on @suggestion at @station listing @hashes (NULL-
 * terminated), pushed with @token under @role as any client could;
 * returns the push result's status. */
static char *
push_reply_listing (Fixture            *fixture,
                    const char         *token,
                    const char         *role,
                    const char         *station,
                    const char         *suggestion,
                    const char * const *hashes)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autoptr(GDateTime) at_time = tick (fixture);
  g_autofree char *at = liaison_loop_format_at (at_time);
  g_autofree char *unit = liaison_test_unit_uuid (fixture->a.store, LEAD_UNIT);
  g_autoptr(GString) listed = g_string_new (NULL);
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *body = NULL;
  g_autoptr(Answer) answer = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *result;

  for (guint i = 0; hashes[i] != NULL; i++)
    {
      g_string_append_printf (listed, "%s\"%s\"", i > 0 ? ", " : "", hashes[i]);
      g_string_append_printf (names, "%s\"复函%u.pdf\"", i > 0 ? ", " : "", i + 1);
    }
  body = g_strdup_printf (
    "{\"protocol\": 1, \"records\": [{\"kind\": \"suggestion_event\", \"uuid\": \"%s\", \"version\": 1,"
    " \"base_version\": 0, \"updated_at\": \"%s\", \"deleted\": false,"
    " \"data\": {\"station\": \"%s\", \"suggestion\": \"%s\", \"move\": \"reply\", \"role\": \"%s\","
    " \"actor_name\": \"联络站 刘芳\", \"at\": \"%s\", \"note\": \"\", \"reply_text\": \"复函见附件\","
    " \"reply_date\": \"2025-03-20\", \"replying_unit\": \"%s\", \"attachments\": [%s],"
    " \"attachment_names\": [%s]}}]}",
    uuid, at, station, suggestion, role, at, unit, listed->str, names->str);
  answer = request (fixture, "POST", "/v1/push", token, "application/json", body, strlen (body), NULL);
  g_assert_cmpuint (answer->status, ==, 200);
  root = json_from_string (g_bytes_get_data (answer->body, NULL), NULL);
  g_assert_nonnull (root);
  result = json_array_get_object_element (json_object_get_array_member (json_node_get_object (root), "results"), 0);
  if (json_object_has_member (result, "reason"))
    g_test_message ("push: %s", json_object_get_string_member (result, "reason"));
  return g_strdup (json_object_get_string_member (result, "status"));
}

static char *
station_uuid (Replica *replica)
{
  return liaison_test_local_station_uuid (replica->store);
}

/* Bytes of every value, NULs too. */
static char *
make_bytes (gsize size,
            guint seed)
{
  char *bytes = g_malloc (size);

  for (gsize i = 0; i < size; i++)
    bytes[i] = (char) (i * seed + i / 251);
  return bytes;
}

static char *
sha_of (const char *bytes,
        gsize       size)
{
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) bytes, size);
}

/* Tests */

/* Station A lists the hash of headquarters' letter to station B in a
 * reply move of its own, and asks for the letter: the server answers as
 * for a file it does not have, to GET and to HEAD, and A's desk does not
 * get it by syncing. B and headquarters still do. */
static void
test_steal_letter (Fixture       *fixture,
                   gconstpointer  data)
{
  const gsize size = 150 * 1024;
  g_autofree char *letter = make_bytes (size, 7);
  g_autofree char *letter_path = write_file (fixture, "答复函.pdf", letter, size);
  g_autofree char *sugg_a = log_suggestion (fixture, &fixture->a, "关于老旧小区屋面防水的建议");
  g_autofree char *sugg_b = log_suggestion (fixture, &fixture->b, "关于东山路积水的建议");
  g_autofree char *never_sha = sha_of ("never sent", 10);
  g_autofree char *station_a = station_uuid (&fixture->a);
  g_autofree char *status = NULL;
  g_autofree char *sha = NULL;
  LiaisonSyncCounts counts;

  liaison_test_sync_ok (fixture->a.engine);
  liaison_test_sync_ok (fixture->b.engine);
  liaison_test_sync_ok (fixture->desk.engine);
  sha = reply_with_letter (fixture, sugg_b, letter_path);
  counts = liaison_test_sync_ok (fixture->desk.engine);
  g_assert_cmpuint (counts.attachments_sent, ==, 1);
  counts = liaison_test_sync_ok (fixture->b.engine);
  g_assert_cmpuint (counts.attachments_received, ==, 1);

  /* The attack: a move on A's own suggestion listing B's letter. The
   * server may take the move or refuse it; either way the letter stays
   * B's. */
  {
    const char *const listed[] = { sha, NULL };

    status = push_reply_listing (fixture, fixture->token_a, "station", station_a, sugg_a, listed);
    g_assert_true (g_str_equal (status, LIAISON_PUSH_APPLIED) || g_str_equal (status, LIAISON_PUSH_REJECTED));
    g_free (status);
    status = push_reply_listing (fixture, fixture->token_a, "deputy", station_a, sugg_a, listed);
  }
  g_assert_true (g_str_equal (status, LIAISON_PUSH_APPLIED) || g_str_equal (status, LIAISON_PUSH_REJECTED));
  {
    g_autoptr(Answer) stolen = get (fixture, sha, fixture->token_a);
    g_autoptr(Answer) never = get (fixture, never_sha, fixture->token_a);

    assert_error (stolen, 404, "not_found");
    /* Word for word the answer for a file the server never had. */
    g_assert_true (g_bytes_equal (stolen->body, never->body));
  }
  /* HEAD tells A nothing either. */
  assert_absent_to (fixture, sha, fixture->token_a);
  assert_absent_to (fixture, never_sha, fixture->token_a);
  /* And a PUT of a part does not say "already here". */
  {
    g_autoptr(Answer) p = put (fixture, sha, fixture->token_a, "0123456789", 0, 5, size);

    g_assert_cmpuint (p->status, ==, 202);
  }

  /* A's desk pulls its own move and asks for the file: not found, not kept. */
  liaison_test_sync_ok (fixture->a.engine);
  {
    g_autofree char *path = liaison_store_get_attachment_path (fixture->a.store, sha);

    g_assert_null (path);
  }

  /* B and headquarters read it, and HEAD says so to them. */
  {
    g_autoptr(Answer) got_b = get (fixture, sha, fixture->token_b);
    g_autoptr(Answer) got_hq = get (fixture, sha, fixture->token_hq);
    g_autoptr(Answer) head_b = head (fixture, sha, fixture->token_b);
    g_autoptr(Answer) head_hq = head (fixture, sha, fixture->token_hq);

    assert_bytes (got_b, letter, size);
    assert_bytes (got_hq, letter, size);
    g_assert_cmpuint (head_b->status, ==, 200);
    g_assert_cmpint (soup_message_headers_get_content_length (head_b->headers), ==, size);
    g_assert_cmpuint (head_hq->status, ==, 200);
  }
}

/* What a station may read: headquarters' reply letters to its own
 * suggestions, and files it uploaded itself (or whose bytes it sent); not
 * another station's upload. */
static void
test_own_files (Fixture       *fixture,
                gconstpointer  data)
{
  const gsize size = 90 * 1024;
  g_autofree char *letter = make_bytes (size, 11);
  g_autofree char *letter_path = write_file (fixture, "复函.pdf", letter, size);
  g_autofree char *photo = make_bytes (size, 13);
  g_autofree char *photo_sha = sha_of (photo, size);
  g_autofree char *sugg_a = log_suggestion (fixture, &fixture->a, "关于增设公交站台的建议");
  g_autofree char *sha = NULL;
  LiaisonSyncCounts counts;

  liaison_test_sync_ok (fixture->a.engine);
  liaison_test_sync_ok (fixture->desk.engine);
  sha = reply_with_letter (fixture, sugg_a, letter_path);
  liaison_test_sync_ok (fixture->desk.engine);

  /* Headquarters' reply to A's suggestion: A's desk fetches it. */
  counts = liaison_test_sync_ok (fixture->a.engine);
  g_assert_cmpuint (counts.attachments_received, ==, 1);
  {
    g_autofree char *path = liaison_store_get_attachment_path (fixture->a.store, sha);
    g_autofree char *contents = NULL;
    gsize length = 0;

    g_assert_nonnull (path);
    g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
    g_assert_cmpmem (contents, length, letter, size);
  }
  {
    g_autoptr(Answer) got_b = get (fixture, sha, fixture->token_b);

    assert_error (got_b, 404, "not_found");
  }

  /* A's own upload: A reads it back, B cannot see it. */
  {
    g_autoptr(Answer) p = put (fixture, photo_sha, fixture->token_a, photo, 0, size, 0);
    g_autoptr(Answer) got_a = get (fixture, photo_sha, fixture->token_a);
    g_autoptr(Answer) head_a = head (fixture, photo_sha, fixture->token_a);
    g_autoptr(Answer) got_b = get (fixture, photo_sha, fixture->token_b);
    g_autoptr(Answer) again = put (fixture, photo_sha, fixture->token_a, photo, 0, size, 0);

    g_assert_cmpuint (p->status, ==, 201);
    assert_bytes (got_a, photo, size);
    g_assert_cmpuint (head_a->status, ==, 200);
    assert_error (got_b, 404, "not_found");
    assert_absent_to (fixture, photo_sha, fixture->token_b);
    g_assert_cmpuint (again->status, ==, 201);
  }
  /* Bytes that are not the file prove nothing. */
  {
    g_autoptr(Answer) p = put (fixture, photo_sha, fixture->token_b, letter, 0, size, 0);
    g_autoptr(Answer) got_b = get (fixture, photo_sha, fixture->token_b);

    assert_error (p, 400, "bad_hash");
    assert_error (got_b, 404, "not_found");
  }
  /* B sends the very bytes: B has the file, and may read it. */
  {
    g_autoptr(Answer) p = put (fixture, photo_sha, fixture->token_b, photo, 0, size, 0);
    g_autoptr(Answer) got_b = get (fixture, photo_sha, fixture->token_b);

    g_assert_cmpuint (p->status, ==, 201);
    assert_bytes (got_b, photo, size);
  }
}

/* The same file uploaded by A and B at once, part by part, interleaved,
 * and a whole-file PUT of wrong bytes by B in the middle: each station's
 * part is its own; both finish with the file, stored once. */
static void
test_interleaved_uploads (Fixture       *fixture,
                          gconstpointer  data)
{
  const gsize size = 300 * 1024;
  g_autofree char *bytes = make_bytes (size, 7);
  g_autofree char *sha = sha_of (bytes, size);
  g_autofree char *third = g_strdup_printf ("%" G_GSIZE_FORMAT, size / 3);
  g_autofree char *half = g_strdup_printf ("%" G_GSIZE_FORMAT, size / 2);
  g_autofree char *two_thirds = g_strdup_printf ("%" G_GSIZE_FORMAT, 2 * (size / 3));
  g_autofree char *attachments = g_build_filename (fixture->hq.data_dir, "attachments", NULL);

  {
    g_autoptr(Answer) a1 = put (fixture, sha, fixture->token_a, bytes, 0, size / 3, size);
    g_autoptr(Answer) b1 = put (fixture, sha, fixture->token_b, bytes, 0, size / 2, size);
    g_autoptr(Answer) head_a = head (fixture, sha, fixture->token_a);
    g_autoptr(Answer) head_b = head (fixture, sha, fixture->token_b);

    g_assert_cmpuint (a1->status, ==, 202);
    g_assert_cmpuint (b1->status, ==, 202);
    g_assert_cmpuint (head_a->status, ==, 404);
    g_assert_cmpstr (soup_message_headers_get_one (head_a->headers, "Liaison-Received"), ==, third);
    g_assert_cmpuint (head_b->status, ==, 404);
    g_assert_cmpstr (soup_message_headers_get_one (head_b->headers, "Liaison-Received"), ==, half);
  }
  /* B starts over without Content-Range, with bytes that are not the
   * file: B's part is dropped, A's is untouched. */
  {
    g_autofree char *wrong = g_strnfill (size, 'x');
    g_autoptr(Answer) whole = put (fixture, sha, fixture->token_b, wrong, 0, size, 0);
    g_autoptr(Answer) a2 = put (fixture, sha, fixture->token_a, bytes, size / 3, size / 3, size);
    g_autoptr(Answer) head_a = head (fixture, sha, fixture->token_a);

    assert_error (whole, 400, "bad_hash");
    g_assert_cmpuint (a2->status, ==, 202);
    g_assert_cmpstr (soup_message_headers_get_one (head_a->headers, "Liaison-Received"), ==, two_thirds);
    assert_absent_to (fixture, sha, fixture->token_b);
  }
  /* B again from the start, in two parts, and finishes first. */
  {
    g_autoptr(Answer) b1 = put (fixture, sha, fixture->token_b, bytes, 0, size / 2, size);
    g_autoptr(Answer) b2 = put (fixture, sha, fixture->token_b, bytes, size / 2, size - size / 2, size);
    g_autoptr(Answer) head_a = head (fixture, sha, fixture->token_a);

    g_assert_cmpuint (b1->status, ==, 202);
    g_assert_cmpuint (b2->status, ==, 201);
    /* A has not proved it holds the file yet: its own part is all it sees. */
    g_assert_cmpuint (head_a->status, ==, 404);
    g_assert_cmpstr (soup_message_headers_get_one (head_a->headers, "Liaison-Received"), ==, two_thirds);
  }
  {
    gsize done = 2 * (size / 3);
    g_autoptr(Answer) a3 = put (fixture, sha, fixture->token_a, bytes, done, size - done, size);
    g_autoptr(Answer) got_a = get (fixture, sha, fixture->token_a);
    g_autoptr(Answer) got_b = get (fixture, sha, fixture->token_b);

    g_assert_cmpuint (a3->status, ==, 201);
    assert_bytes (got_a, bytes, size);
    assert_bytes (got_b, bytes, size);
  }
  /* One file, no part left behind. */
  {
    g_autoptr(GDir) dir = g_dir_open (attachments, 0, NULL);
    guint n = 0;

    g_assert_nonnull (dir);
    for (const char *name = g_dir_read_name (dir); name != NULL; name = g_dir_read_name (dir))
      {
        g_assert_cmpstr (name, ==, sha);
        n++;
      }
    g_assert_cmpuint (n, ==, 1);
  }
}

/* Runs `liaison sync` on @replica's database in Chinese; returns stderr. */
static char *
sync_command_zh (Replica *replica,
                 int     *exit_status)
{
  g_autoptr(GSubprocessLauncher) launcher = liaison_test_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                       G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  char *err = NULL;

  g_subprocess_launcher_setenv (launcher, "LANGUAGE", "zh_CN", TRUE);
  g_subprocess_launcher_setenv (launcher, "LANG", "zh_CN.UTF-8", TRUE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "zh_CN.UTF-8", TRUE);
  process = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("LIAISON_BIN"), "sync", "--database",
                                         liaison_store_get_path (replica->store), NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  *exit_status = g_subprocess_get_exit_status (process);
  return err;
}

/* Quotas: two files a day from a station (command line), 1 MiB a day
 * (environment, as from liaison-hq.conf). A file over the day's bytes is
 * 413, a file past the day's count 429, both JSON; headquarters has no
 * quota; and A's desk, whose sync meets them, sends everything else and
 * says what happened in words. */
static void
test_quota (Fixture       *fixture,
            gconstpointer  data)
{
  const gsize big_size = 1536 * 1024;
  g_autofree char *big = make_bytes (big_size, 17);
  g_autofree char *big_sha = sha_of (big, big_size);
  g_autofree char *big_path = NULL;
  g_autofree char *small_path = NULL;
  g_autofree char *small_sha = sha_of ("签到表（第三页）", strlen ("签到表（第三页）"));
  g_autofree char *one_sha = sha_of ("一", 3);
  g_autofree char *two_sha = sha_of ("二", 3);
  g_autofree char *three_sha = sha_of ("三", 3);
  g_autofree char *none_sha = sha_of ("空", 3);
  g_autofree char *sugg_a = NULL;
  g_autofree char *station_a = NULL;
  g_autofree char *status = NULL;
  g_autoptr(GError) error = NULL;
  LiaisonSyncCounts counts;

  g_setenv ("LIAISON_HQ_ATTACHMENT_MIB_PER_DAY", "1", TRUE);
  set_up_with (fixture, "--attachment-files-per-day", "2", NULL);
  g_unsetenv ("LIAISON_HQ_ATTACHMENT_MIB_PER_DAY");
  big_path = write_file (fixture, "现场照片.jpg", big, big_size);
  small_path = write_file (fixture, "签到表.jpg", "签到表（第三页）", strlen ("签到表（第三页）"));

  {
    g_autoptr(Answer) one = put (fixture, one_sha, fixture->token_a, "一", 0, 3, 0);
    g_autoptr(Answer) too_big = put (fixture, big_sha, fixture->token_a, big, 0, big_size, 0);
    g_autoptr(Answer) two = put (fixture, two_sha, fixture->token_a, "二", 0, 3, 0);
    g_autoptr(Answer) three = put (fixture, three_sha, fixture->token_a, "三", 0, 3, 0);
    g_autoptr(Answer) other = put (fixture, three_sha, fixture->token_b, "三", 0, 3, 0);
    g_autofree char *hq_file = make_bytes (big_size, 19);
    g_autofree char *hq_sha = sha_of (hq_file, big_size);
    g_autoptr(Answer) hq_big = put (fixture, hq_sha, fixture->token_hq, hq_file, 0, big_size, 0);
    const char *retry = soup_message_headers_get_one (three->headers, "Retry-After");

    g_assert_cmpuint (one->status, ==, 201);
    assert_error (too_big, 413, LIAISON_PROTOCOL_ERROR_TOO_LARGE);
    g_assert_cmpuint (two->status, ==, 201);
    assert_error (three, 429, LIAISON_PROTOCOL_ERROR_QUOTA_REACHED);
    g_assert_nonnull (retry);
    g_assert_cmpuint (g_ascii_strtoull (retry, NULL, 10), >=, 1);
    g_assert_cmpuint (g_ascii_strtoull (retry, NULL, 10), <=, 25 * 3600);
    /* Per station: B still may; headquarters has no quota. */
    g_assert_cmpuint (other->status, ==, 201);
    g_assert_cmpuint (hq_big->status, ==, 201);
    assert_absent_to (fixture, three_sha, fixture->token_a);
  }

  /* A reply to A's suggestion lists files the server lacks (to A), and
   * A's desk comes to hold two of them: its sync must send them, and
   * meets the quota. */
  sugg_a = log_suggestion (fixture, &fixture->a, "关于小区加装电梯的建议");
  liaison_test_sync_ok (fixture->a.engine);
  station_a = station_uuid (&fixture->a);
  {
    const char *const listed[] = { big_sha, small_sha, none_sha, NULL };

    status = push_reply_listing (fixture, fixture->token_hq, "hq", station_a, sugg_a, listed);
    g_assert_cmpstr (status, ==, LIAISON_PUSH_APPLIED);
  }
  liaison_test_sync_ok (fixture->a.engine);
  {
    g_autofree char *sha = liaison_store_add_attachment (fixture->a.store, big_path, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (sha, ==, big_sha);
  }

  /* 413: the sync ends with the sentence, and what else was waiting went. */
  g_free (log_suggestion (fixture, &fixture->a, "关于修缮健身器材的建议"));
  g_assert_false (liaison_test_sync (fixture->a.engine, &counts, &error));
  g_assert_error (error, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_ATTACHMENT_REFUSED);
  g_assert_nonnull (strstr (error->message, "does not take an attached file this large"));
  g_assert_cmpstr (liaison_sync_engine_get_last_error (fixture->a.engine), ==, error->message);
  g_clear_error (&error);
  g_assert_cmpuint (liaison_test_replica_unsynced (&fixture->a), ==, 0);

  /* 429, in the station's own program, in Chinese. */
  {
    g_autofree char *sha = liaison_store_add_attachment (fixture->a.store, small_path, &error);
    g_autofree char *err = NULL;
    int exit_status = 0;

    g_assert_no_error (error);
    g_assert_cmpstr (sha, ==, small_sha);
    err = sync_command_zh (&fixture->a, &exit_status);
    g_test_message ("liaison sync: %s", err);
    g_assert_cmpint (exit_status, !=, 0);
    g_assert_nonnull (strstr (err, "本站今天已达到上限"));
    g_assert_null (strstr (err, "quota_reached"));
  }
  {
    g_autoptr(GPtrArray) left = liaison_store_list_attachments_to_send (fixture->a.store, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (left->len, ==, 2);
  }
}

/* Tokens and keys go to files in a folder of our own. */
int
main (int   argc,
      char *argv[])
{
  g_autofree char *config = liaison_test_make_tmp_dir ("liaison-hq-files-config-XXXXXX");
  int status;

  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_setenv ("LIAISON_NO_KEYRING", "1", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/hq-files/steal-letter", Fixture, NULL, fixture_set_up, test_steal_letter, fixture_tear_down);
  g_test_add ("/hq-files/own-files", Fixture, NULL, fixture_set_up, test_own_files, fixture_tear_down);
  g_test_add ("/hq-files/interleaved-uploads", Fixture, NULL, fixture_set_up, test_interleaved_uploads,
              fixture_tear_down);
  g_test_add ("/hq-files/quota", Fixture, NULL, NULL, test_quota, fixture_tear_down);

  status = g_test_run ();
  liaison_test_remove_tree (config);
  return status;
}
