/* test-hq-schema.c: what a station may push, and what headquarters keeps
 * in its feed, over real HTTP to a real liaison-hq.
 *
 * A record the server keeps goes to every headquarters desk: one that a
 * desk refuses would stop its sync. So a push is checked with the wire
 * schema every desk uses, and headquarters' own rules; `liaison-hq check`
 * finds what an older server let in, and --quarantine takes it out of the
 * feed; a pull page stays under its byte cap.
 */
#define G_LOG_DOMAIN "test-hq-schema"

#include "config.h"

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "liaison-protocol.h"
#include "liaison-test-hq-enrolled.h"
#include "liaison-test-hq.h"
#include "liaison-test-pg.h"
#include "liaison-test-util.h"

#define CATEGORY_1 "6c1a7e00-0000-4000-8000-000000000001"

typedef LiaisonTestHqEnrolled Fixture;

/* HTTP */

/* Pushes @records (a JSON array's members, joined) and returns the results. */
static JsonArray *
push (Fixture    *fixture,
      const char *token,
      GPtrArray  *records)
{
  g_autofree char *joined = NULL;
  JsonArray *results;

  g_ptr_array_add (records, NULL);
  joined = g_strjoinv (",", (char **) records->pdata);
  g_ptr_array_remove_index (records, records->len - 1);
  results = liaison_test_hq_enrolled_push (fixture, token, joined);
  g_assert_cmpuint (json_array_get_length (results), ==, records->len);
  return results;
}

/* Records */

static char *
new_uuid (void)
{
  return g_uuid_string_random ();
}

/* A reception of @station; @received_at, @party_size and @summary are
 * JSON text as sent (so that they can be anything). */
static char *
reception (const char *uuid,
           const char *station,
           const char *updated_at,
           const char *received_at,
           const char *party_size,
           const char *summary,
           const char *extra)
{
  return g_strdup_printf (
    "{\"kind\": \"reception\", \"uuid\": \"%s\", \"version\": 1, \"base_version\": 0,"
    " \"updated_at\": %s, \"origin_station\": \"%s\", \"deleted\": false,"
    " \"data\": {\"received_at\": %s, \"station\": \"%s\", \"channel\": \"walk_in\","
    " \"category\": \"" CATEGORY_1 "\", \"summary\": %s, \"handled_on_spot\": false, \"handling\": \"\","
    " \"deputies\": [], \"visitors\": [{\"name\": \"王建国\", \"phone\": \"13800138000\","
    " \"community\": \"东山社区\", \"party_size\": %s, \"consent\": true}]%s}}",
    uuid, updated_at, station, received_at, station, summary, party_size, extra);
}

static char *
good_reception (const char *uuid,
                const char *station)
{
  return reception (uuid, station, "\"2025-03-05T01:30:00Z\"", "\"2025-03-05 09:30\"", "1",
                    "\"路灯不亮\"", "");
}

static char *
suggestion (const char *uuid,
            const char *station,
            const char *reception_uuid)
{
  return g_strdup_printf (
    "{\"kind\": \"suggestion\", \"uuid\": \"%s\", \"version\": 1, \"base_version\": 0,"
    " \"updated_at\": \"2025-03-05T01:40:00Z\", \"origin_station\": \"%s\", \"deleted\": false,"
    " \"data\": {\"reception\": \"%s\", \"station\": \"%s\", \"category\": \"" CATEGORY_1 "\","
    " \"title\": \"修路灯\", \"content\": \"\", \"raised_by\": \"王建国\","
    " \"created_at\": \"2025-03-05T01:40:00Z\", \"kind\": \"public_opinion\", \"deputy\": null,"
    " \"co_signers\": []}}",
    uuid, station, reception_uuid, station);
}

/* A loop move on @suggestion_uuid, as a station records it; @fields are
 * the move's own, JSON members with a leading comma. */
static char *
event (const char *suggestion_uuid,
       const char *station,
       const char *move,
       const char *role,
       const char *fields)
{
  g_autofree char *uuid = new_uuid ();

  return g_strdup_printf (
    "{\"kind\": \"suggestion_event\", \"uuid\": \"%s\", \"version\": 1, \"base_version\": 0,"
    " \"updated_at\": \"2025-03-05T02:00:00Z\", \"origin_station\": \"%s\", \"deleted\": false,"
    " \"data\": {\"station\": \"%s\", \"suggestion\": \"%s\", \"move\": \"%s\", \"role\": \"%s\","
    " \"actor_name\": \"李站长\", \"at\": \"2025-03-05T02:00:00Z\", \"note\": null%s}}",
    uuid, station, station, suggestion_uuid, move, role, fields);
}

/* Fixture */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  liaison_test_hq_enrolled_set_up (fixture, "test-hq-schema-XXXXXX");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  liaison_test_hq_enrolled_clear (fixture);
}

/* A headquarters desk enrolls and pulls the whole feed without an error;
 * returns how many receptions it holds. */
static gint64
hq_desk_pulls_everything (Fixture    *fixture,
                          const char *file)
{
  LiaisonTestReplica desk = liaison_test_replica_new (&fixture->hq, file);
  gint64 receptions;

  liaison_test_replica_enroll_hq (&fixture->hq, &desk, "总部桌面");
  liaison_test_sync_ok (desk.engine);
  receptions = liaison_test_count_rows (desk.store, "receptions");
  liaison_test_replica_clear (&desk);
  return receptions;
}

/* Tests */

/* Each value that once stopped every headquarters desk is rejected with
 * its reason; the rest of the batch is applied, and a desk pulls it all. */
static void
test_push_refuses_what_desks_refuse (Fixture       *fixture,
                                     gconstpointer  data)
{
  const char *a = fixture->station_a;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JsonArray) results = NULL;
  g_autofree char *first = new_uuid ();
  g_autofree char *last = new_uuid ();
  g_autofree char *big = NULL;
  g_autofree char *big_summary = NULL;
  struct {
    const char *updated_at, *received_at, *party_size, *summary, *extra, *words;
  } bad[] = {
    { "\"2025-03-05T01:30:00Z\"", "\"x\"", "1", "\"摘要\"", "", "received_at" },
    { "\"2025-03-05T01:30:00Z\"", "\"2026-13-45 99:99\"", "1", "\"摘要\"", "", "received_at" },
    { "\"2025-03-05T01:30:00Z\"", "\"2025-03-05 09:30\"", "-1", "\"摘要\"", "", "party_size" },
    { "\"2025-03-05T01:30:00Z\"", "\"2025-03-05 09:30\"", "9223372036854775807", "\"摘要\"", "", "party_size" },
    { "\"2025-03-05T01:30:00Z\"", "\"2025-03-05 09:30\"", "1", "\"路灯\\ud802坏了\"", "", "UTF-8" },
    { "\"2025-03-05T01:30\\ud802:00Z\"", "\"2025-03-05 09:30\"", "1", "\"摘要\"", "", "UTF-8" },
    { "\"x\"", "\"2025-03-05 09:30\"", "1", "\"摘要\"", "", "updated_at" },
    { "\"2025-03-05T01:30:00Z\"", "\"2025-03-05 09:30\"", "1", "\"摘要\"", ", \"mood\": \"好\"", "mood" },
  };
  guint n_bad = G_N_ELEMENTS (bad);

  /* A good reception first and last, the bad ones between. */
  g_ptr_array_add (records, good_reception (first, a));
  for (guint i = 0; i < n_bad; i++)
    {
      g_autofree char *uuid = new_uuid ();

      g_ptr_array_add (records, reception (uuid, a, bad[i].updated_at, bad[i].received_at,
                                           bad[i].party_size, bad[i].summary, bad[i].extra));
    }
  /* A version that leaps ahead of its base. */
  {
    g_autofree char *uuid = new_uuid ();
    g_autofree char *record = good_reception (uuid, a);
    GString *leap = g_string_new (record);

    g_string_replace (leap, "\"version\": 1,", "\"version\": 9223372036854775807,", 1);
    g_ptr_array_add (records, g_string_free (leap, FALSE));
  }
  /* Data over 64 KiB: 25,000 characters of three bytes. */
  {
    g_autofree char *uuid = new_uuid ();
    GString *summary = g_string_new ("\"");

    for (guint i = 0; i < 25000; i++)
      g_string_append (summary, "路");
    g_string_append_c (summary, '"');
    big_summary = g_string_free (summary, FALSE);
    big = reception (uuid, a, "\"2025-03-05T01:30:00Z\"", "\"2025-03-05 09:30\"", "1", big_summary, "");
    g_ptr_array_add (records, g_strdup (big));
  }
  g_ptr_array_add (records, good_reception (last, a));

  results = push (fixture, fixture->token_a, records);
  liaison_test_assert_push_result (results, 0, "applied", NULL, NULL);
  for (guint i = 0; i < n_bad; i++)
    liaison_test_assert_push_result (results, i + 1, "rejected", "invalid", bad[i].words);
  liaison_test_assert_push_result (results, n_bad + 1, "rejected", "invalid", "base_version");
  liaison_test_assert_push_result (results, n_bad + 2, "rejected", "invalid", "bytes");
  liaison_test_assert_push_result (results, n_bad + 3, "applied", NULL, NULL);

  g_assert_cmpint (hq_desk_pulls_everything (fixture, "desk.db"), ==, 2);
}

/* References a station may not make, and moves it may not push. */
static void
test_push_refuses_foreign_references (Fixture       *fixture,
                                      gconstpointer  data)
{
  const char *a = fixture->station_a;
  g_autofree char *reception_a = new_uuid ();
  g_autofree char *reception_b = new_uuid ();
  g_autofree char *suggestion_a = new_uuid ();
  g_autofree char *foreign = new_uuid ();
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) records_b = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JsonArray) results = NULL;
  g_autoptr(JsonArray) results_b = NULL;

  g_ptr_array_add (records_b, good_reception (reception_b, fixture->station_b));
  results_b = push (fixture, fixture->token_b, records_b);
  liaison_test_assert_push_result (results_b, 0, "applied", NULL, NULL);

  g_ptr_array_add (records, good_reception (reception_a, a));
  g_ptr_array_add (records, suggestion (suggestion_a, a, reception_a));
  /* 2: a suggestion under station B's reception. */
  g_ptr_array_add (records, suggestion (foreign, a, reception_b));
  /* 3: a suggestion whose uuid is a reception's. */
  g_ptr_array_add (records, suggestion (reception_a, a, reception_a));
  /* 4–7: headquarters' moves, under every role a station has. */
  g_ptr_array_add (records, event (suggestion_a, a, "refer", "station",
                                   ", \"lead_unit\": \"9e000000-0000-4000-8000-000000000001\","
                                   " \"co_units\": [], \"due_date\": \"2025-04-01\""));
  g_ptr_array_add (records, event (suggestion_a, a, "supervise", "deputy", ", \"key_supervision\": true"));
  g_ptr_array_add (records, event (suggestion_a, a, "close", "station", ""));
  g_ptr_array_add (records, event (suggestion_a, a, "reply", "deputy",
                                   ", \"reply_text\": \"已修\", \"reply_date\": \"2025-03-06\","
                                   " \"replying_unit\": \"9e000000-0000-4000-8000-000000000001\", \"attachments\": []"));
  /* 8: a move the station's deputies make, still taken. */
  g_ptr_array_add (records, event (suggestion_a, a, "take_up", "deputy",
                                   ", \"deputy\": \"9d000000-0000-4000-8000-000000000001\""));

  results = push (fixture, fixture->token_a, records);
  liaison_test_assert_push_result (results, 0, "applied", NULL, NULL);
  liaison_test_assert_push_result (results, 1, "applied", NULL, NULL);
  liaison_test_assert_push_result (results, 2, "rejected", "not_your_station", "reception");
  liaison_test_assert_push_result (results, 3, "rejected", "invalid", "uuid");
  liaison_test_assert_push_result (results, 4, "rejected", "read_only", "refer");
  liaison_test_assert_push_result (results, 5, "rejected", "read_only", "supervise");
  liaison_test_assert_push_result (results, 6, "rejected", "read_only", "close");
  liaison_test_assert_push_result (results, 7, "rejected", "read_only", "reply");
  liaison_test_assert_push_result (results, 8, "applied", NULL, NULL);

  g_assert_cmpint (hq_desk_pulls_everything (fixture, "desk.db"), ==, 2);
}

/* Writes a record into the server's database as a server without today's
 * checks did. */
static void
write_old_record (Fixture    *fixture,
                  const char *uuid,
                  const char *data)
{
  g_autoptr(LiaisonHqDb) db = liaison_test_hq_open_db (&fixture->hq);
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonHqStmt) stmt = liaison_hq_db_prepare (db,
    "INSERT INTO records (kind, uuid, version, origin_station, deleted, updated_at, data, digest, seq, hq_owned)"
    " VALUES ('reception', ?1, 1, ?2, 0, '2025-03-05T01:30:00Z', ?3, 'old',"
    " (SELECT MAX(seq) + 1 FROM records), 0)", "insert", &error);

  g_assert_no_error (error);
  liaison_hq_stmt_bind_text (stmt, 1, uuid);
  liaison_hq_stmt_bind_text (stmt, 2, fixture->station_a);
  liaison_hq_stmt_bind_text (stmt, 3, data);
  liaison_hq_db_step_done (stmt, "insert", &error);
  g_assert_no_error (error);
}

/* `liaison-hq check` finds what an older server stored, and --quarantine
 * takes it out of the feed: a desk pulls past it. Bytes that are not
 * UTF-8 only on SQLite: PostgreSQL refuses to store them at all. */
static void
test_check_and_quarantine (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *good_before = new_uuid ();
  g_autofree char *good_after = new_uuid ();
  g_autofree char *bad_time = new_uuid ();
  g_autofree char *bad_bytes = new_uuid ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *bad_data = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JsonArray) results = NULL;
  gint64 feed;
  gboolean utf8_only = liaison_test_pg_wanted ();
  gint64 n_old = utf8_only ? 1 : 2;

  g_ptr_array_add (records, good_reception (good_before, fixture->station_a));
  results = push (fixture, fixture->token_a, records);
  liaison_test_assert_push_result (results, 0, "applied", NULL, NULL);

  /* What json-glib made of "\ud802": bytes that are not UTF-8. */
  write_old_record (fixture, bad_time,
                    "{\"category\":\"" CATEGORY_1 "\",\"channel\":\"walk_in\",\"deputies\":[],"
                    "\"handled_on_spot\":false,\"handling\":\"\",\"received_at\":\"2026-13-45 99:99\","
                    "\"station\":\"5f1e0000-0000-4000-8000-000000000002\",\"summary\":\"x\",\"visitors\":[]}");
  bad_data = g_strdup_printf ("{\"category\":\"" CATEGORY_1 "\",\"channel\":\"walk_in\",\"deputies\":[],"
                              "\"handled_on_spot\":false,\"handling\":\"\",\"received_at\":\"2025-03-05 09:30\","
                              "\"station\":\"%s\",\"summary\":\"路灯\xed\xa0\x82\",\"visitors\":[]}",
                              fixture->station_a);
  if (!utf8_only)
    write_old_record (fixture, bad_bytes, bad_data);

  g_ptr_array_set_size (records, 0);
  g_ptr_array_add (records, good_reception (good_after, fixture->station_a));
  g_clear_pointer (&results, json_array_unref);
  results = push (fixture, fixture->token_a, records);
  liaison_test_assert_push_result (results, 0, "applied", NULL, NULL);
  feed = liaison_test_hq_count (&fixture->hq, "SELECT count(*) FROM records");

  /* Found, named in plain words, and left where they are. */
  g_assert_cmpint (liaison_test_run_hq (&out, &err, "check", "--data-dir", fixture->hq.data_dir, NULL), ==, 1);
  g_test_message ("%s%s", out, err);
  g_assert_nonnull (strstr (out, bad_time));
  g_assert_nonnull (strstr (out, "received_at"));
  g_assert_true (utf8_only || strstr (out, bad_bytes) != NULL);
  g_assert_nonnull (strstr (out, "东山联络站"));
  g_assert_null (strstr (out, good_before));
  g_assert_null (strstr (out, good_after));
  g_assert_cmpint (liaison_test_hq_count (&fixture->hq, "SELECT count(*) FROM records"), ==, feed);

  /* Moved out of the feed, with their reasons; nothing deleted. */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (liaison_test_run_hq (&out, &err, "check", "--quarantine",
                                        "--data-dir", fixture->hq.data_dir, NULL), ==, 0);
  g_test_message ("%s%s", out, err);
  g_assert_cmpint (liaison_test_hq_count (&fixture->hq, "SELECT count(*) FROM records"), ==, feed - n_old);
  g_assert_cmpint (liaison_test_hq_count (&fixture->hq, "SELECT count(*) FROM quarantine WHERE reason <> ''"), ==,
                   n_old);

  /* A desk pulls past them, and the feed is clean. */
  g_assert_cmpint (hq_desk_pulls_everything (fixture, "desk.db"), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (liaison_test_run_hq (&out, &err, "check", "--data-dir", fixture->hq.data_dir, NULL), ==, 0);

  /* A change after the quarantined ones still comes after them. */
  g_assert_cmpint (liaison_test_hq_count (&fixture->hq, "SELECT max(seq) FROM quarantine"), <,
                   liaison_test_hq_count (&fixture->hq, "SELECT max(seq) FROM records"));
}

/* Large records split a page by its byte cap; every record comes once. */
static void
test_pull_byte_cap (Fixture       *fixture,
                    gconstpointer  data)
{
  guint n_records = 0;
  guint n_pages = 0;
  gint64 since = 0;
  gboolean more = TRUE;
  GString *summary = g_string_new ("\"");
  g_autofree char *summary_json = NULL;

  /* About 60 KB a record, 90 of them: more than 4 MiB in all. */
  for (guint i = 0; i < 20000; i++)
    g_string_append (summary, "灯");
  g_string_append_c (summary, '"');
  summary_json = g_string_free (summary, FALSE);
  for (guint batch = 0; batch < 3; batch++)
    {
      g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(JsonArray) results = NULL;

      for (guint i = 0; i < 30; i++)
        {
          g_autofree char *uuid = new_uuid ();

          g_ptr_array_add (records, reception (uuid, fixture->station_a, "\"2025-03-05T01:30:00Z\"",
                                               "\"2025-03-05 09:30\"", "1", summary_json, ""));
        }
      results = push (fixture, fixture->token_a, records);
      for (guint i = 0; i < 30; i++)
        liaison_test_assert_push_result (results, i, "applied", NULL, NULL);
    }

  while (more)
    {
      g_autofree char *path = g_strdup_printf ("/v1/pull?since=%" G_GINT64_FORMAT "&limit=1000", since);
      gsize length = 0;
      g_autoptr(JsonNode) page = liaison_test_hq_enrolled_request (fixture, "GET", path, fixture->token_hq, NULL, 200,
                                                                         &length);
      JsonObject *object = json_node_get_object (page);
      JsonArray *changes = json_object_get_array_member (object, "changes");

      g_test_message ("page %u: %u changes, %" G_GSIZE_FORMAT " bytes", n_pages, json_array_get_length (changes), length);
      g_assert_cmpuint (length, <=, LIAISON_MAX_PULL_BYTES + 1024);
      g_assert_cmpuint (json_array_get_length (changes), >, 0);
      for (guint i = 0; i < json_array_get_length (changes); i++)
        if (g_str_equal (json_object_get_string_member (json_array_get_object_element (changes, i), "kind"),
                         "reception"))
          n_records++;
      since = json_object_get_int_member (object, "last_seq");
      more = json_object_get_boolean_member (object, "more");
      n_pages++;
    }
  g_assert_cmpuint (n_pages, >=, 2);
  g_assert_cmpuint (n_records, ==, 90);

  g_assert_cmpint (hq_desk_pulls_everything (fixture, "desk.db"), ==, 90);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/hq-schema/push-refuses-what-desks-refuse", test_push_refuses_what_desks_refuse);
  ADD ("/hq-schema/push-refuses-foreign-references", test_push_refuses_foreign_references);
  ADD ("/hq-schema/check-and-quarantine", test_check_and_quarantine);
  ADD ("/hq-schema/pull-byte-cap", test_pull_byte_cap);

#undef ADD
  return g_test_run ();
}
