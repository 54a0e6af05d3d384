/* liaison-test-files.c: two stations and a headquarters desk at a real
 * liaison-hq on loopback, and the requests, records and files that
 * test-hq-files.c makes of them (issue 9, defect 3). */
#define G_LOG_DOMAIN "liaison-test-files"

#include "config.h"

#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <string.h>

#include "liaison-loop-wire.h"
#include "liaison-protocol.h"
#include "liaison-store-attachments.h"
#include "liaison-store-loop.h"
#include "liaison-test-files.h"
#include "liaison-test-util.h"
#include "liaison-token-store.h"

#define STATION_A "相山区第一代表联络站"
#define STATION_B "杜集区代表之家"
#define LEAD_UNIT "区住房和城乡建设局"
#define HQ_ACTOR "市人大代表工委 李明"

/* The time of the next move; the clock moves on a minute. */
static GDateTime *
tick (LiaisonTestFiles *fixture)
{
  GDateTime *at = g_date_time_ref (fixture->clock);
  GDateTime *next = g_date_time_add_minutes (fixture->clock, 1);

  g_date_time_unref (fixture->clock);
  fixture->clock = next;
  return at;
}

static char *
token_of (LiaisonTestReplica *replica)
{
  g_autofree char *server_id = liaison_store_get_server_id (replica->store);
  g_autoptr(GError) error = NULL;
  char *token = liaison_token_store_load (server_id, liaison_store_get_path (replica->store), &error);

  g_assert_no_error (error);
  g_assert_nonnull (token);
  return token;
}

/* The server with more options of `serve` (NULL-terminated, may be none),
 * two stations and a headquarters desk, all enrolled and synced. */
void
liaison_test_files_set_up_with (LiaisonTestFiles *fixture,
                                const char       *first_option,
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
  fixture->a = liaison_test_replica_new_synced_station (&fixture->hq, "a.db", STATION_A);
  fixture->b = liaison_test_replica_new_synced_station (&fixture->hq, "b.db", STATION_B);
  fixture->desk = liaison_test_replica_new (&fixture->hq, "desk.db");
  liaison_test_replica_enroll_hq (&fixture->hq, &fixture->desk, "代表工委办公室");
  fixture->token_a = token_of (&fixture->a);
  fixture->token_b = token_of (&fixture->b);
  fixture->token_hq = token_of (&fixture->desk);
}

void
liaison_test_files_set_up (LiaisonTestFiles *fixture,
                           gconstpointer     data)
{
  liaison_test_files_set_up_with (fixture, NULL, NULL);
}

void
liaison_test_files_tear_down (LiaisonTestFiles *fixture,
                              gconstpointer     data)
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


void
liaison_test_files_answer_free (LiaisonTestAnswer *answer)
{
  g_clear_pointer (&answer->body, g_bytes_unref);
  g_clear_pointer (&answer->headers, soup_message_headers_unref);
  g_free (answer);
}


LiaisonTestAnswer *
liaison_test_files_request (LiaisonTestFiles *fixture,
                            const char       *method,
                            const char       *path,
                            const char       *token,
                            const char       *content_type,
                            const void       *body,
                            gsize             length,
                            const char       *content_range)
{
  LiaisonTestAnswer *answer = g_new0 (LiaisonTestAnswer, 1);

  answer->body = liaison_test_hq_send (&fixture->hq, fixture->session, method, path, token, FALSE,
                                       content_type, body, length, content_range,
                                       &answer->status, &answer->headers);
  return answer;
}

static char *
attachment_path (const char *sha)
{
  return g_strconcat ("/v1/attachments/", sha, NULL);
}

LiaisonTestAnswer *
liaison_test_files_get (LiaisonTestFiles *fixture,
                        const char       *sha,
                        const char       *token)
{
  g_autofree char *path = attachment_path (sha);

  return liaison_test_files_request (fixture, "GET", path, token, NULL, NULL, 0, NULL);
}

LiaisonTestAnswer *
liaison_test_files_head (LiaisonTestFiles *fixture,
                         const char       *sha,
                         const char       *token)
{
  g_autofree char *path = attachment_path (sha);

  return liaison_test_files_request (fixture, "HEAD", path, token, NULL, NULL, 0, NULL);
}

/* PUT of @length bytes of @data, as bytes @start… of a file of @total
 * bytes (no Content-Range when @total is 0: the whole file). */
LiaisonTestAnswer *
liaison_test_files_put (LiaisonTestFiles *fixture,
                        const char       *sha,
                        const char       *token,
                        const char       *data,
                        gsize             start,
                        gsize             length,
                        gsize             total)
{
  g_autofree char *path = attachment_path (sha);
  g_autofree char *range = total == 0 ? NULL
    : g_strdup_printf ("bytes %" G_GSIZE_FORMAT "-%" G_GSIZE_FORMAT "/%" G_GSIZE_FORMAT,
                       start, start + length - 1, total);

  return liaison_test_files_request (fixture, "PUT", path, token, "application/octet-stream", data + start, length, range);
}

/* The answer is the JSON error @code, with @status. */
void
liaison_test_files_assert_error (LiaisonTestAnswer *answer,
                                 guint              status,
                                 const char        *code)
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

void
liaison_test_files_assert_bytes (LiaisonTestAnswer *answer,
                                 const char        *bytes,
                                 gsize              size)
{
  gsize length = 0;
  const char *data = g_bytes_get_data (answer->body, &length);

  g_assert_cmpuint (answer->status, ==, 200);
  g_assert_cmpmem (data, length, bytes, size);
}

/* HEAD's "as if absent": 404, and no sign of any part. */
void
liaison_test_files_assert_absent (LiaisonTestFiles *fixture,
                                  const char       *sha,
                                  const char       *token)
{
  g_autoptr(LiaisonTestAnswer) h = liaison_test_files_head (fixture, sha, token);

  g_assert_cmpuint (h->status, ==, 404);
  g_assert_null (soup_message_headers_get_one (h->headers, "Liaison-Received"));
}

/* Records, made at the desks. */

char *
liaison_test_files_write_file (LiaisonTestFiles *fixture,
                               const char       *name,
                               const char       *bytes,
                               gsize             size)
{
  char *path = g_build_filename (fixture->hq.dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, bytes, (gssize) size, &error));
  g_assert_no_error (error);
  return path;
}

/* A citizen's suggestion at @replica's station, taken up by a deputy:
 * headquarters may refer it. Returns its uuid. */
char *
liaison_test_files_log_suggestion (LiaisonTestFiles   *fixture,
                                   LiaisonTestReplica *replica,
                                   const char         *title)
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
char *
liaison_test_files_reply_with_letter (LiaisonTestFiles *fixture,
                                      const char       *uuid,
                                      const char       *letter_path)
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
char *
liaison_test_files_push_reply (LiaisonTestFiles   *fixture,
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
  g_autoptr(LiaisonTestAnswer) answer = NULL;
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
  answer = liaison_test_files_request (fixture, "POST", "/v1/push", token, "application/json", body, strlen (body), NULL);
  g_assert_cmpuint (answer->status, ==, 200);
  root = json_from_string (g_bytes_get_data (answer->body, NULL), NULL);
  g_assert_nonnull (root);
  result = json_array_get_object_element (json_object_get_array_member (json_node_get_object (root), "results"), 0);
  if (json_object_has_member (result, "reason"))
    g_test_message ("push: %s", json_object_get_string_member (result, "reason"));
  return g_strdup (json_object_get_string_member (result, "status"));
}

char *
liaison_test_files_station_uuid (LiaisonTestReplica *replica)
{
  return liaison_test_local_station_uuid (replica->store);
}

/* Bytes of every value, NULs too. */
char *
liaison_test_files_make_bytes (gsize size,
                               guint seed)
{
  char *bytes = g_malloc (size);

  for (gsize i = 0; i < size; i++)
    bytes[i] = (char) (i * seed + i / 251);
  return bytes;
}

char *
liaison_test_files_sha (const char *bytes,
                        gsize       size)
{
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) bytes, size);
}


/* Runs @sql on the server's hq.db (stopped), as an older liaison-hq left it. */
void
liaison_test_files_edit_server_db (LiaisonTestFiles *fixture,
                                   const char       *sql)
{
  g_autofree char *path = g_build_filename (fixture->hq.data_dir, "hq.db", NULL);
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

/* Runs `liaison sync` on @replica's database in Chinese; returns stderr. */
char *
liaison_test_files_sync_zh (LiaisonTestReplica *replica,
                            int                *exit_status)
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
