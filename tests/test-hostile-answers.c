/* test-hostile-answers.c: the JSON depth scan, and a station facing
 * hostile answers: a fake server in this process answers with JSON nested
 * deeper than json-glib's parser can recurse. The station must say so in
 * words, change nothing and not crash. (test-hostile.c is the server's
 * side.) */
#define G_LOG_DOMAIN "test-hostile-answers"

#include "config.h"

#include <libsoup/soup.h>
#include <sqlite3.h>
#include <string.h>

#include "liaison-json-depth.h"
#include "liaison-protocol.h"
#include "liaison-store-loop.h"
#include "liaison-sync-engine.h"
#include "liaison-test-fake-hq.h"
#include "liaison-test-hq.h"
#include "liaison-test-util.h"

/* json-glib 1.6 overflows an 8 MiB stack at well under this. */
#define DEEP 100000

/* The scan alone */

static gboolean
check (const char *text,
       guint       depth,
       GError    **error)
{
  return liaison_json_check (text, -1, depth, error);
}

static void
test_scan (void)
{
  /* Each text and whether it is within 2 levels. */
  static const struct {
    const char *text;
    gboolean ok;
  } texts[] = {
    { "[[1]]", TRUE },
    { "[[[1]]]", FALSE },
    { "{\"a\": {\"b\": 1}}", TRUE },
    { "{\"a\": {\"b\": {}}}", FALSE },
    { "[[], [], {}, [1], {\"a\": 1}]", TRUE },
    { "[[], [{}]]", FALSE },
    { "[\"[[[[\", \"{{{{\"]", TRUE },
    { "[\"\\\"[[[\"]", TRUE },                 /* an escaped quote is text */
    { "[\"\\\\\", [[]]]", FALSE },             /* an escaped backslash is not a quote */
    { "[\"\\ud83d\\ude00[[[\"]", TRUE },       /* a surrogate pair */
    { "[\"\\u00e9[[[\"]", TRUE },
    { "[\"中文[[[\"]", TRUE },
    { "[\"\\ud800x[[\"]", TRUE },              /* a lone surrogate before text */
    { "[\"\\ud800\\n[[\"]", TRUE },
    { "[\"[[[", TRUE },                       /* unterminated: json-glib stops */
    { "]]]]][[", TRUE },                      /* closing more than opened does not hide depth */
    { "]]]]][[[", FALSE },
  };
  static const char * const not_plain[] = {
    "[1] // [[[",
    "['[[[']",
    "[\"\\ud800\", \"[[[\"]",    /* json-glib 1.6 takes the quote for the pair's half */
    "[\"\\udc00\"]",
    "[\"\\ud800\\u12\"]",
    "[\"\\u12\", \"[[[\"]",       /* json-glib 1.6 takes the quote for a hex digit */
    "[\"\\u\"]",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", texts[i].text);
      g_assert_cmpint (check (texts[i].text, 2, &error), ==, texts[i].ok);
      if (!texts[i].ok)
        g_assert_error (error, LIAISON_JSON_ERROR, LIAISON_JSON_ERROR_TOO_DEEP);
    }
  for (guint i = 0; i < G_N_ELEMENTS (not_plain); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", not_plain[i]);
      g_assert_false (check (not_plain[i], 64, &error));
      g_assert_error (error, LIAISON_JSON_ERROR, LIAISON_JSON_ERROR_NOT_PLAIN);
    }

  /* Lengths are bytes: what lies past them is not read. */
  g_assert_true (liaison_json_check ("[[]][[[", 4, 2, NULL));
  g_assert_false (liaison_json_check ("[[]][[[", 7, 2, NULL));
  g_assert_true (liaison_json_check (NULL, -1, 2, NULL));
}

/* The limit, through the loaders every parse of outside JSON uses. */
static void
test_load (void)
{
  g_autoptr(GString) at = g_string_new (NULL);
  g_autoptr(GString) over = NULL;
  g_autoptr(GString) deep = liaison_test_append_repeat (g_string_new (NULL), "[", DEEP);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;

  liaison_test_append_repeat (liaison_test_append_repeat (at, "[", LIAISON_JSON_MAX_DEPTH), "]", LIAISON_JSON_MAX_DEPTH);
  over = g_string_new ("[");
  g_string_append (over, at->str);
  g_string_append_c (over, ']');

  g_assert_true (liaison_json_load (parser, at->str, (gssize) at->len, &error));
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)));
  g_assert_false (liaison_json_load (parser, over->str, (gssize) over->len, &error));
  g_assert_error (error, LIAISON_JSON_ERROR, LIAISON_JSON_ERROR_TOO_DEEP);
  g_clear_error (&error);

  node = liaison_json_from_string (at->str, &error);
  g_assert_no_error (error);
  g_assert_nonnull (node);
  g_assert_null (liaison_json_from_string (over->str, &error));
  g_assert_error (error, LIAISON_JSON_ERROR, LIAISON_JSON_ERROR_TOO_DEEP);
  g_clear_error (&error);
  g_assert_null (liaison_json_from_string ("", &error));
  g_assert_no_error (error);
  g_assert_null (liaison_json_from_string (deep->str, &error));
  g_assert_error (error, LIAISON_JSON_ERROR, LIAISON_JSON_ERROR_TOO_DEEP);
}


/* A fake headquarters */

typedef struct {
  guint status;
  GString *answer;       /* to enroll, or to anything else */
  gboolean deep_enroll;  /* answer enroll with it too */
  char *station_uuid;
} Fake;

static void
fake_handler (SoupServer        *server,
              SoupServerMessage *message,
              const char        *path,
              GHashTable        *query,
              gpointer           user_data)
{
  Fake *fake = user_data;
  g_autofree char *enrolled = NULL;
  const char *body = fake->answer->str;
  gsize length = fake->answer->len;
  guint status = fake->status;

  if (g_str_equal (path, "/v1/enroll") && !fake->deep_enroll)
    {
      enrolled = liaison_test_fake_hq_enroll_answer (fake->station_uuid);
      body = enrolled;
      length = strlen (enrolled);
      status = 200;
    }
  soup_message_headers_replace (soup_server_message_get_response_headers (message),
                                LIAISON_PROTOCOL_HEADER, "1");
  soup_server_message_set_status (message, status, NULL);
  soup_server_message_set_response (message, "application/json", SOUP_MEMORY_COPY, body, length);
}

/* A pull page, nested @depth deep (an array of arrays under "pad"). */
static GString *
page (guint depth)
{
  GString *out = g_string_new ("{\"changes\": [], \"last_seq\": 0, \"more\": false, \"pad\": ");

  liaison_test_append_repeat (liaison_test_append_repeat (out, "[", depth - 1), "]", depth - 1);
  g_string_append_c (out, '}');
  return out;
}

static void
test_deep_answers (void)
{
  g_autofree char *dir = liaison_test_make_tmp_dir ("liaison-hostile-answers-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "station.db", NULL);
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  Fake fake = { 200, page (1), FALSE, g_uuid_string_random () };
  LiaisonTestReplica replica = { 0 };
  struct {
    guint status;
    GString *answer;
    LiaisonSyncError expected;   /* for a pull */
    const char *says;            /* in the message, English */
  } cases[] = {
    { 200, liaison_test_append_repeat (g_string_new (NULL), "[", DEEP), LIAISON_SYNC_ERROR_BAD_ANSWER, "more than 64 levels" },
    { 200, liaison_test_append_repeat (liaison_test_append_repeat (g_string_new (NULL), "{\"a\":", DEEP), "}", DEEP), LIAISON_SYNC_ERROR_BAD_ANSWER,
      "more than 64 levels" },
    { 200, page (LIAISON_JSON_MAX_DEPTH + 1), LIAISON_SYNC_ERROR_BAD_ANSWER, "more than 64 levels" },
    /* Deep after a string json-glib 1.6 would end elsewhere. */
    { 200, liaison_test_append_repeat (g_string_new ("{\"changes\": [], \"pad\": [\"\\ud800\", \""), "[", DEEP),
      LIAISON_SYNC_ERROR_BAD_ANSWER, "not plain JSON" },
    /* An error answer too deep to read: its status still says enough. */
    { 400, liaison_test_append_repeat (g_string_new ("{\"error\": "), "[", DEEP), LIAISON_SYNC_ERROR_PROTOCOL, "Headquarters" },
    { 503, liaison_test_append_repeat (g_string_new ("{\"error\": "), "[", DEEP), LIAISON_SYNC_ERROR_SERVER, "try again" },
  };

  url = liaison_test_fake_hq_listen (server, fake_handler, &fake);

  replica.store = liaison_test_open_store (path);
  replica.engine = liaison_sync_engine_new (replica.store);
  g_assert_true (liaison_test_enroll (replica.engine, url, "fake", &error));
  g_assert_no_error (error);
  /* At the limit, a page reads as usual. */
  g_string_free (fake.answer, TRUE);
  fake.answer = page (LIAISON_JSON_MAX_DEPTH);
  liaison_test_sync_ok (replica.engine);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *before = liaison_test_database_checksum (path);
      g_autofree char *after = NULL;
      g_autoptr(GError) sync_error = NULL;

      g_test_message ("case %u", i);
      fake.status = cases[i].status;
      g_string_free (fake.answer, TRUE);
      fake.answer = cases[i].answer;
      g_assert_false (liaison_test_sync (replica.engine, NULL, &sync_error));
      g_assert_error (sync_error, LIAISON_SYNC_ERROR, (gint) cases[i].expected);
      /* In words, not json-glib's English. */
      g_assert_nonnull (strstr (sync_error->message, cases[i].says));
      after = liaison_test_database_checksum (path);
      g_assert_cmpstr (before, ==, after);
    }

  /* An enrollment answered that deep changes nothing either. */
  {
    g_autofree char *other = g_build_filename (dir, "other.db", NULL);
    g_autoptr(LiaisonStore) store = liaison_test_open_store (other);
    g_autoptr(LiaisonSyncEngine) engine = liaison_sync_engine_new (store);

    fake.deep_enroll = TRUE;
    fake.status = 200;
    g_string_free (fake.answer, TRUE);
    fake.answer = liaison_test_append_repeat (g_string_new (NULL), "[", DEEP);
    g_assert_false (liaison_test_enroll (engine, url, "fake", &error));
    g_assert_error (error, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_BAD_ANSWER);
    g_assert_nonnull (strstr (error->message, "64"));
    g_assert_cmpint (liaison_store_get_sync_role (store), ==, LIAISON_SYNC_ROLE_NONE);
  }

  liaison_test_replica_clear (&replica);
  g_string_free (fake.answer, TRUE);
  g_free (fake.station_uuid);
  soup_server_disconnect (server);
  liaison_test_remove_tree (dir);
}

/* JSON a desk stored after sync is parsed again each time it is read: rules
 * stored nested too deep (as a server without the limit could send) are
 * an error in words, not a crash. */
static void
test_stored_rules (void)
{
  g_autofree char *dir = liaison_test_make_tmp_dir ("liaison-hostile-stored-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "desk.db", NULL);
  g_autoptr(LiaisonStore) store = liaison_test_open_store (path);
  g_autoptr(LiaisonLoopRules) rules = liaison_loop_rules_new ();
  g_autoptr(LiaisonLoopRules) read = NULL;
  g_autoptr(GString) deep = g_string_new ("{\"pad\": ");
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  liaison_test_enroll_as_hq (store);
  g_assert_true (liaison_store_set_loop_rules (store, rules, &error));
  g_assert_no_error (error);
  liaison_test_append_repeat (deep, "[", DEEP);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "UPDATE loop_rules SET data = ?", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, deep->str, (int) deep->len, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  read = liaison_store_get_loop_rules (store, &error);
  g_assert_null (read);
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "64"));

  g_clear_object (&store);
  liaison_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *config = NULL;
  int status;

  /* Keys go to a file in a folder of our own, never a real keyring. */
  config = liaison_test_private_keys ("liaison-hostile-config-XXXXXX");

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/hostile-answers/scan", test_scan);
  g_test_add_func ("/hostile-answers/load", test_load);
  g_test_add_func ("/hostile-answers/deep", test_deep_answers);
  g_test_add_func ("/hostile-answers/stored-rules", test_stored_rules);
  status = g_test_run ();
  liaison_test_remove_tree (config);
  return status;
}
