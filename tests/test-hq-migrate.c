/* test-hq-migrate.c: `liaison-hq migrate --from DIR --to postgresql://…`
 * (docs/hq.md, "Moving to PostgreSQL"). A real SQLite headquarters whose
 * stations synced receptions in Chinese, a deletion among them, and with a
 * citizen's online submission, is moved
 * into PostgreSQL: every table and kind matches, hq.db is left as it was,
 * and `serve` on DIR then runs on PostgreSQL, where a station enrolled
 * before syncs on with its token, its new records taking the seqs right
 * after the last copied, and every pull is what it was on SQLite; a reply
 * letter uploaded before is fetched after, by its station only. A target
 * holding data, a source that is no headquarters and a source or target
 * that a running server serves are refused, nothing changed; a target that does not store what was sent (a trigger alters a
 * row) is found by the check and the copy rolled back, as is one that
 * fails halfway. */
#define G_LOG_DOMAIN "test-hq-migrate"

#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>

#include "liaison-hq-db.h"
#include "liaison-hq-serving.h"
#include "liaison-hq-store.h"
#include "liaison-test-files.h"
#include "liaison-test-hq-enrolled.h"
#include "liaison-test-pg.h"
#include "liaison-test-util.h"

#define CATEGORY "6c1a7e00-0000-4000-8000-000000000003"
#define BEFORE 120

/* The tables whose rows the test counts on both sides. */
static const char *const counted[] = {
  "SELECT COUNT (*) FROM records",
  "SELECT COUNT (*) FROM records WHERE kind = 'reception' AND deleted = 1",
  "SELECT COUNT (*) FROM tokens",
  "SELECT COUNT (*) FROM codes",
  "SELECT COUNT (*) FROM meta",
  "SELECT MAX (seq) FROM records",
};

/* A reception of station @station, as a desk pushes it. */
static char *
reception (const char *station,
           const char *uuid,
           int         version,
           gboolean    deleted,
           const char *summary)
{
  return g_strdup_printf (
    "{\"kind\":\"reception\",\"uuid\":\"%s\",\"version\":%d,\"updated_at\":\"2026-12-04T18:58:1%dZ\","
    "\"origin_station\":\"%s\",\"deleted\":%s,\"base_version\":%d,\"data\":{"
    "\"category\":\"" CATEGORY "\",\"channel\":\"walk_in\",\"deputies\":[],"
    "\"handled_on_spot\":false,\"handling\":\"已记录，转交街道办理。\",\"received_at\":\"2026-02-05 17:06\","
    "\"station\":\"%s\",\"summary\":\"%s\",\"visitors\":[]}}",
    uuid, version, version, station, deleted ? "true" : "false", version - 1, station, summary);
}

/* Station b reports a record it set aside (docs/sync-protocol.md): kept
 * in set_aside_reports, whose id numbers itself. */
static void
report_set_aside (LiaisonTestHqEnrolled *enrolled,
                  const char            *which)
{
  g_autofree char *body = g_strdup_printf (
    "{\"protocol\": 1, \"records\": [], \"set_aside\": [{\"kind\": \"deputy\", \"uuid\": \"%s\","
    " \"version\": 1, \"seq\": 1, \"reason\": \"名字为空\", \"set_aside_at\": \"2026-12-05T08:00:00Z\","
    " \"text\": \"迁移%s %s\"}]}", "0de90000-0000-4000-8000-000000000001", g_str_equal (which, "c") ? "后" : "前",
    which);
  g_autoptr(JsonNode) answer = liaison_test_hq_enrolled_request (enrolled, "POST", "/v1/push", enrolled->token_b,
                                                                 body, 200, NULL);
}

/* A citizen's submission to station @station, written by the server's
 * own store code as the public site writes it (the server stopped
 * meanwhile). Returns its receipt code; its uuid goes to @uuid. */
static char *
add_submission (LiaisonTestHq  *hq,
                const char     *station,
                char          **uuid)
{
  g_autoptr(JsonObject) data = json_object_new ();
  g_autoptr(LiaisonHqStore) store = NULL;
  g_autoptr(GError) error = NULL;
  char *code;

  json_object_set_string_member (data, "station", station);
  json_object_set_string_member (data, "category", CATEGORY);
  json_object_set_string_member (data, "title", "路灯不亮");
  json_object_set_string_member (data, "content", "东山路的路灯坏了两个月，晚上看不清路。");
  json_object_set_string_member (data, "name", "王秀英");
  json_object_set_string_member (data, "phone", "13912345678");
  json_object_set_string_member (data, "community", "东山社区");
  json_object_set_boolean_member (data, "consent", TRUE);
  json_object_set_string_member (data, "submitted_at", "2025-03-04T01:30:00Z");
  liaison_test_hq_stop (hq);
  store = liaison_hq_store_open (hq->data_dir, &error);
  g_assert_no_error (error);
  code = liaison_hq_store_add_online_submission (store, station, data, uuid, &error);
  g_assert_no_error (error);
  g_clear_pointer (&store, liaison_hq_store_close);
  liaison_test_hq_start (hq);
  return code;
}

/* Every change @token pulls from the start, as one text. */
static char *
pull_all (LiaisonTestHqEnrolled *enrolled,
          const char            *token,
          gint64                *end)
{
  g_autoptr(GPtrArray) changes = NULL;
  GString *text = g_string_new (NULL);
  gint64 since = 0;

  changes = liaison_test_hq_enrolled_pull (enrolled, token, &since);
  for (guint i = 0; i < changes->len; i++)
    {
      g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), g_ptr_array_index (changes, i));
      g_autofree char *one = json_to_string (node, FALSE);

      g_string_append_printf (text, "%s\n", one);
    }
  g_assert_cmpuint (changes->len, >, 0);
  if (end != NULL)
    *end = since;
  return g_string_free (text, FALSE);
}

/* Runs `liaison-hq migrate`; returns its exit status. */
static int
migrate (const char  *from,
         const char  *to,
         char       **out,
         char       **err)
{
  int status = liaison_test_run_hq (out, err, "migrate", "--from", from, "--to", to, NULL);

  g_test_message ("migrate: %d\n%s%s", status, *out, *err);
  return status;
}

/* A PostgreSQL database holding a store `liaison-hq init` made, with its
 * own data directory under @dir. */
static char *
init_target (const char *dir,
             const char *name)
{
  g_autofree char *data_dir = g_build_filename (dir, name, NULL);
  g_autofree char *out = NULL;
  char *database = liaison_test_pg_new_database ();

  g_assert_cmpint (liaison_test_run_hq (&out, NULL, "init", "--data-dir", data_dir, "--database", database, NULL),
                   ==, 0);
  return database;
}

/* The one number (or text) @sql reads in the PostgreSQL database @uri. */
static char *
pg_text (const char *uri,
         const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonHqDb) db = liaison_hq_db_open_postgresql (uri, G_IO_ERROR, G_IO_ERROR_FAILED, "open", &error);
  g_autoptr(LiaisonHqStmt) stmt = NULL;

  g_assert_no_error (error);
  stmt = liaison_hq_db_prepare (db, sql, sql, &error);
  g_assert_no_error (error);
  if (liaison_hq_stmt_step (stmt) != LIAISON_HQ_DB_ROW)
    return g_strdup ("");
  return g_strdup (liaison_hq_stmt_column_text (stmt, 0));
}

static void
pg_exec (const char *uri,
         const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonHqDb) db = liaison_hq_db_open_postgresql (uri, G_IO_ERROR, G_IO_ERROR_FAILED, "open", &error);

  g_assert_no_error (error);
  g_assert_true (liaison_hq_db_exec (db, sql, sql, &error));
  g_assert_no_error (error);
}

/* What a target holds, to see that a refusal changed nothing. */
static char *
target_state (const char *uri)
{
  g_autofree char *tables = pg_text (uri, "SELECT COUNT (*) FROM information_schema.tables"
                                          " WHERE table_schema = current_schema ()");
  g_autofree char *records = g_strcmp0 (tables, "0") != 0
    ? pg_text (uri, "SELECT COUNT (*) || ' ' || MAX (seq) || ' ' || (SELECT value FROM meta WHERE key = 'server_id')"
                    " || ' ' || (SELECT COUNT (*) FROM codes) FROM records")
    : g_strdup ("");

  return g_strdup_printf ("%s tables; %s", tables, records);
}

static void
test_migrate_and_sync_on (void)
{
  LiaisonTestHqEnrolled enrolled = { { NULL, } };
  LiaisonTestHq *hq = &enrolled.hq;
  LiaisonTestReplica station;
  LiaisonTestReplica later;
  g_autoptr(JsonArray) results = NULL;
  g_autofree char *records = NULL;
  g_autofree char *deleted = NULL;
  g_autofree char *target = NULL;
  g_autofree char *hq_path = NULL;
  g_autofree char *checksum = NULL;
  g_autofree char *database_file = NULL;
  g_autofree char *written = NULL;
  g_autofree char *server_id = NULL;
  g_autofree char *receipt = NULL;
  g_autofree char *submission = NULL;
  g_autofree char *hq_before = NULL;
  g_autofree char *b_before = NULL;
  g_autofree char *hq_after = NULL;
  g_autofree char *b_after = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  gint64 before[G_N_ELEMENTS (counted)];
  gint64 end = 0, end_after = 0;
  LiaisonSyncCounts counts;
  GStatBuf info;

  liaison_test_hq_enrolled_set_up (&enrolled, "liaison-hq-migrate-XXXXXX");
  liaison_test_hq_import_roster (hq);
  receipt = add_submission (hq, enrolled.station_a, &submission);
  station = liaison_test_replica_new_synced_station (hq, "station.db", "南山联络站");
  /* More rows than one batch of the copy holds. */
  liaison_test_add_receptions (station.store, BEFORE, "南山·迁移前");
  liaison_test_replica_sync_clean (&station);

  /* Station a's receptions over the protocol, one deleted after. */
  {
    g_autofree char *first = reception (enrolled.station_a, "7e570000-0000-4000-8000-000000000001", 1, FALSE,
                                        "门口交通拥堵，“早高峰”难行");
    g_autofree char *second = reception (enrolled.station_a, "7e570000-0000-4000-8000-000000000002", 1, FALSE,
                                         "老旧小区加装电梯");

    records = g_strjoin (",", first, second, NULL);
  }
  results = liaison_test_hq_enrolled_push (&enrolled, enrolled.token_a, records);
  liaison_test_assert_push_result (results, 1, "applied", NULL, NULL);
  g_clear_pointer (&results, json_array_unref);
  deleted = reception (enrolled.station_a, "7e570000-0000-4000-8000-000000000002", 2, TRUE, "老旧小区加装电梯");
  results = liaison_test_hq_enrolled_push (&enrolled, enrolled.token_a, deleted);
  liaison_test_assert_push_result (results, 0, "applied", NULL, NULL);

  report_set_aside (&enrolled, "a");
  report_set_aside (&enrolled, "b");

  hq_before = pull_all (&enrolled, enrolled.token_hq, &end);
  b_before = pull_all (&enrolled, enrolled.token_b, NULL);
  g_assert_nonnull (strstr (hq_before, "门口交通拥堵"));
  for (guint i = 0; i < G_N_ELEMENTS (counted); i++)
    before[i] = liaison_test_hq_count (hq, counted[i]);
  g_assert_cmpint (before[1], ==, 1);
  g_assert_cmpint (before[5], ==, end);
  server_id = liaison_test_hq_text (hq, "SELECT value FROM meta WHERE key = 'server_id'");
  liaison_test_hq_stop (hq);

  /* Into a database `init` made and nothing changed since. */
  target = init_target (hq->dir, "scratch");
  hq_path = g_build_filename (hq->data_dir, "hq.db", NULL);
  checksum = liaison_test_database_checksum (hq_path);
  g_assert_cmpint (migrate (hq->data_dir, target, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "records (reception)"));
  g_assert_nonnull (strstr (out, "tokens"));
  g_assert_null (strstr (out, "differ"));
  g_assert_cmpstr (err, ==, "");
  /* hq.db only read; DIR/database names the target, 0600, as init writes it. */
  {
    g_autofree char *after = liaison_test_database_checksum (hq_path);

    g_assert_cmpstr (after, ==, checksum);
  }
  database_file = g_build_filename (hq->data_dir, "database", NULL);
  g_assert_true (g_file_get_contents (database_file, &written, NULL, NULL));
  g_assert_cmpstr (written, ==, target);
  g_assert_cmpint (g_stat (database_file, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);

  /* The test's own counts, now read through DIR/database: PostgreSQL. */
  for (guint i = 0; i < G_N_ELEMENTS (counted); i++)
    g_assert_cmpint (liaison_test_hq_count (hq, counted[i]), ==, before[i]);
  {
    g_autofree char *id = liaison_test_hq_text (hq, "SELECT value FROM meta WHERE key = 'server_id'");
    g_autofree char *on_pg = pg_text (target, "SELECT value FROM meta WHERE key = 'server_id'");

    g_assert_cmpstr (id, ==, server_id);
    g_assert_cmpstr (on_pg, ==, server_id);
  }

  /* The citizen's receipt code finds the submission on PostgreSQL. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(LiaisonHqStore) store = liaison_hq_store_open (hq->data_dir, &error);
    g_autofree char *found = NULL;

    g_assert_no_error (error);
    g_assert_nonnull (strstr (liaison_hq_store_describe (store), "postgresql://"));
    found = liaison_hq_store_find_online_submission (store, receipt, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (found, ==, submission);
  }

  /* `serve` on DIR: PostgreSQL. Every pull is what it was. */
  liaison_test_hq_start (hq);
  hq_after = pull_all (&enrolled, enrolled.token_hq, &end_after);
  b_after = pull_all (&enrolled, enrolled.token_b, NULL);
  g_assert_cmpstr (hq_after, ==, hq_before);
  g_assert_cmpstr (b_after, ==, b_before);
  g_assert_cmpint (end_after, ==, end);

  /* The station enrolled on SQLite pushes on with its token: its records
   * take the seqs right after the last copied, each once. */
  liaison_test_add_receptions (station.store, 3, "南山·迁移后");
  counts = liaison_test_replica_sync_clean (&station);
  g_assert_cmpuint (counts.sent, ==, 3);
  g_assert_cmpint (liaison_test_hq_count (hq, "SELECT COUNT (*) FROM records WHERE seq > (SELECT MAX (seq) - 3"
                                              " FROM records)"), ==, 3);
  g_assert_cmpint (liaison_test_hq_count (hq, "SELECT MIN (seq) FROM records WHERE data LIKE '%南山·迁移后%'"), ==,
                   end + 1);
  g_assert_cmpint (liaison_test_hq_count (hq, "SELECT MAX (seq) FROM records"), ==, end + 3);
  g_assert_cmpint (liaison_test_hq_count (hq, "SELECT COUNT (*) FROM records WHERE kind = 'reception'"), ==,
                   BEFORE + 3 + 2);
  g_assert_cmpint (liaison_test_replica_distinct_receptions (&station), ==, BEFORE + 3);
  {
    gint64 since = end;
    g_autoptr(GPtrArray) changes = liaison_test_hq_enrolled_pull (&enrolled, enrolled.token_hq, &since);

    g_assert_cmpuint (changes->len, ==, 3);
    g_assert_cmpint (since, ==, end + 3);
  }

  /* A report kept after takes the next id, not one the copy holds. */
  report_set_aside (&enrolled, "c");
  g_assert_cmpint (liaison_test_hq_count (hq, "SELECT COUNT (*) FROM set_aside_reports"), ==, 3);
  g_assert_cmpint (liaison_test_hq_count (hq, "SELECT id FROM set_aside_reports WHERE text = '迁移后 c'"), ==, 3);

  /* ... and pulls on: headquarters' change made on PostgreSQL reaches it. */
  g_free (liaison_test_hq_run (hq, "rules set", "--public-opinion-days", "9", NULL));
  counts = liaison_test_replica_sync_clean (&station);
  g_assert_cmpuint (counts.received, >=, 1);

  /* A station enrolled after pulls what one would have from SQLite. */
  later = liaison_test_replica_new_synced_station (hq, "later.db", "北山联络站");
  g_assert_cmpint (liaison_test_count_rows (later.store, "deputies"), ==,
                   liaison_test_count_rows (station.store, "deputies"));
  g_assert_cmpint (liaison_test_count_rows (later.store, "categories"), ==,
                   liaison_test_count_rows (station.store, "categories"));

  liaison_test_replica_clear (&later);
  liaison_test_replica_clear (&station);
  liaison_test_hq_enrolled_clear (&enrolled);
}

/* A headquarters on SQLite with the roster imported, not serving. */
static void
sqlite_hq (LiaisonTestHq *hq)
{
  liaison_test_hq_init (hq, "liaison-hq-migrate-XXXXXX");
  liaison_test_hq_import_roster (hq);
}

static void
test_refuses_target_with_data (void)
{
  LiaisonTestHq hq = { NULL, };
  g_autofree char *database_file = NULL;

  sqlite_hq (&hq);
  database_file = g_build_filename (hq.data_dir, "database", NULL);
  for (guint i = 0; i < 3; i++)
    {
      static const char *const changes[] = { "station add", "rules set", "import deputies" };
      g_autofree char *name = g_strdup_printf ("other-%u", i);
      g_autofree char *target = init_target (hq.dir, name);
      g_autofree char *other = g_build_filename (hq.dir, name, NULL);
      g_autofree char *state = NULL;
      g_autofree char *after = NULL;
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autofree char *change_out = NULL;
      g_autofree char *roster = g_build_filename (hq.dir, "deputies.csv", NULL);

      /* Something a headquarters keeps, done on the target. */
      if (i == 0)
        liaison_test_run_hq (&change_out, NULL, "station", "add", "--data-dir", other, "东山联络站", NULL);
      else if (i == 1)
        liaison_test_run_hq (&change_out, NULL, "rules", "set", "--data-dir", other, "--public-opinion-days", "9",
                             NULL);
      else
        liaison_test_run_hq (&change_out, NULL, "import", "deputies", "--data-dir", other, roster, NULL);
      g_test_message ("%s: %s", changes[i], change_out);
      state = target_state (target);
      g_assert_cmpint (migrate (hq.data_dir, target, &out, &err), ==, 1);
      g_assert_nonnull (strstr (err, "already holds a headquarters"));
      g_assert_nonnull (strstr (err, "Nothing was changed."));
      after = target_state (target);
      g_assert_cmpstr (after, ==, state);
      g_assert_false (g_file_test (database_file, G_FILE_TEST_EXISTS));
    }
  /* A schema holding a table of the store but no store. */
  {
    g_autofree char *target = liaison_test_pg_new_database ();
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    pg_exec (target, "CREATE TABLE tokens (id TEXT PRIMARY KEY)");
    g_assert_cmpint (migrate (hq.data_dir, target, &out, &err), ==, 1);
    g_assert_nonnull (strstr (err, "already holds a table “tokens”"));
    g_assert_false (g_file_test (database_file, G_FILE_TEST_EXISTS));
  }
  liaison_test_hq_clear (&hq);
}

static void
test_refuses_bad_source (void)
{
  g_autofree char *dir = liaison_test_make_tmp_dir ("liaison-hq-migrate-XXXXXX");
  g_autofree char *target = liaison_test_pg_new_database ();
  g_autofree char *missing = g_build_filename (dir, "missing", NULL);
  g_autofree char *empty = g_build_filename (dir, "empty", NULL);
  g_autofree char *junk = g_build_filename (dir, "junk", NULL);
  g_autofree char *junk_db = g_build_filename (junk, "hq.db", NULL);
  g_autofree char *on_pg = g_build_filename (dir, "on-pg", NULL);
  g_autofree char *on_pg_file = g_build_filename (on_pg, "database", NULL);
  g_autofree char *on_pg_db = g_build_filename (on_pg, "hq.db", NULL);
  const struct { const char *from; const char *words; } cases[] = {
    { missing, "is not a folder" },
    { empty, "There is no headquarters database hq.db" },
    { junk, "is not a headquarters database" },
    { on_pg, "is already on PostgreSQL" },
  };

  g_assert_cmpint (g_mkdir (empty, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (junk, 0700), ==, 0);
  g_assert_true (g_file_set_contents (junk_db, "这不是数据库", -1, NULL));
  g_assert_cmpint (g_mkdir (on_pg, 0700), ==, 0);
  g_assert_true (g_file_set_contents (on_pg_file, target, -1, NULL));
  g_assert_true (g_file_set_contents (on_pg_db, "", -1, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autofree char *tables = NULL;

      g_assert_cmpint (migrate (cases[i].from, target, &out, &err), ==, 1);
      g_assert_nonnull (strstr (err, cases[i].words));
      g_assert_nonnull (strstr (err, "Nothing was changed."));
      tables = pg_text (target, "SELECT COUNT (*) FROM information_schema.tables WHERE table_schema = current_schema ()");
      g_assert_cmpstr (tables, ==, "0");
    }
  /* Nor anything but PostgreSQL as the target: a usage error. */
  {
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    g_assert_cmpint (migrate (junk, junk_db, &out, &err), ==, 2);
    g_assert_nonnull (strstr (err, "is not a PostgreSQL database"));
  }
  liaison_test_remove_tree (dir);
}

/* A server still serving the source DIR, whose writes during the copy
 * would be lost, or one serving the target, which would go on with the
 * headquarters it read at its start: refused, nothing changed. A server
 * does not start on a DIR that a migrate holds. Both stopped, the move
 * goes through. */
static void
test_refuses_while_served (void)
{
  LiaisonTestHq hq = { NULL, };
  LiaisonTestHq served = { NULL, };
  g_autofree char *database_file = NULL;
  g_autofree char *target = liaison_test_pg_new_database ();
  g_autofree char *state = NULL;
  g_autofree char *after = NULL;

  sqlite_hq (&hq);
  database_file = g_build_filename (hq.data_dir, "database", NULL);

  liaison_test_hq_start (&hq);
  {
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;
    g_autofree char *tables = NULL;

    g_assert_cmpint (migrate (hq.data_dir, target, &out, &err), ==, 1);
    g_assert_nonnull (strstr (err, "A liaison-hq server is serving"));
    g_assert_nonnull (strstr (err, "Nothing was changed."));
    tables = pg_text (target, "SELECT COUNT (*) FROM information_schema.tables WHERE table_schema = current_schema ()");
    g_assert_cmpstr (tables, ==, "0");
    g_assert_false (g_file_test (database_file, G_FILE_TEST_EXISTS));
  }
  liaison_test_hq_stop (&hq);

  /* The target, made by init, served from a data directory of its own. */
  served.dir = liaison_test_make_tmp_dir ("liaison-hq-migrate-served-XXXXXX");
  served.data_dir = g_build_filename (served.dir, "hq", NULL);
  served.log_path = g_build_filename (served.dir, "hq.log", NULL);
  {
    g_autofree char *out = NULL;

    g_assert_cmpint (liaison_test_run_hq (&out, NULL, "init", "--data-dir", served.data_dir, "--database", target,
                                          NULL), ==, 0);
  }
  liaison_test_hq_start (&served);
  state = target_state (target);
  {
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    g_assert_cmpint (migrate (hq.data_dir, target, &out, &err), ==, 1);
    g_assert_nonnull (strstr (err, "A liaison-hq server is serving postgresql://"));
    g_assert_nonnull (strstr (err, "Nothing was changed."));
  }
  after = target_state (target);
  g_assert_cmpstr (after, ==, state);
  g_assert_false (g_file_test (database_file, G_FILE_TEST_EXISTS));
  liaison_test_hq_stop (&served);

  /* Held as a migrate holds it: the server says so and does not start. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(LiaisonHqServing) held = liaison_hq_serving_lock_dir (hq.data_dir, &error);
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    g_assert_no_error (error);
    g_assert_cmpint (liaison_test_run_hq (&out, &err, "serve", "--data-dir", hq.data_dir, "--listen",
                                          "127.0.0.1:0", NULL), ==, 1);
    g_assert_nonnull (strstr (err, "“liaison-hq migrate” is copying the headquarters in"));
  }

  {
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    g_assert_cmpint (migrate (hq.data_dir, target, &out, &err), ==, 0);
    g_assert_true (g_file_test (database_file, G_FILE_TEST_EXISTS));
  }
  liaison_test_hq_clear (&served);
  liaison_test_hq_clear (&hq);
}

/* A target that does not keep what it was given, as a broken disk or a
 * meddling trigger would: the check finds the row, and the copy is
 * rolled back. */
static void
test_mismatch_rolled_back (void)
{
  LiaisonTestHq hq = { NULL, };
  g_autofree char *target = NULL;
  g_autofree char *state = NULL;
  g_autofree char *after = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *database_file = NULL;

  sqlite_hq (&hq);
  target = init_target (hq.dir, "other");
  pg_exec (target,
           "CREATE FUNCTION meddle () RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
           " IF NEW.kind = 'deputy' AND NOT EXISTS (SELECT 1 FROM records WHERE kind = 'deputy') THEN"
           " NEW.data := replace (NEW.data, '\"name\":\"', '\"name\":\"章'); END IF; RETURN NEW; END $$;"
           " CREATE TRIGGER meddle BEFORE INSERT ON records FOR EACH ROW EXECUTE FUNCTION meddle ()");
  state = target_state (target);
  g_assert_cmpint (migrate (hq.data_dir, target, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "records (deputy)"));
  g_assert_nonnull (strstr (err, "does not match"));
  g_assert_nonnull (strstr (err, "rolled back"));
  g_assert_null (strstr (err, "records (category)"));
  after = target_state (target);
  g_assert_cmpstr (after, ==, state);
  database_file = g_build_filename (hq.data_dir, "database", NULL);
  g_assert_false (g_file_test (database_file, G_FILE_TEST_EXISTS));

  /* A copy failing halfway (a full disk, a lost connection, a kill: the
   * transaction is not committed) leaves the target as it was too. */
  pg_exec (target,
           "CREATE OR REPLACE FUNCTION meddle () RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
           " IF NEW.kind = 'deputy' THEN RAISE EXCEPTION '磁盘已满'; END IF; RETURN NEW; END $$");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (migrate (hq.data_dir, target, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "磁盘已满"));
  g_assert_nonnull (strstr (err, "could not be written"));
  g_clear_pointer (&after, g_free);
  after = target_state (target);
  g_assert_cmpstr (after, ==, state);
  g_assert_false (g_file_test (database_file, G_FILE_TEST_EXISTS));

  /* Without the trigger, the same copy goes in (here into a fresh schema). */
  g_clear_pointer (&target, g_free);
  target = liaison_test_pg_new_database ();
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (migrate (hq.data_dir, target, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "records (deputy)"));
  g_assert_true (g_file_test (database_file, G_FILE_TEST_EXISTS));
  liaison_test_hq_clear (&hq);
}

/* Headquarters' reply letter to station B, uploaded on SQLite: after the
 * move its uploader and scope are on PostgreSQL, its bytes still in DIR,
 * so B fetches it by syncing, and A may still not read it. */
static void
test_attachments (void)
{
  LiaisonTestFiles fixture = { { NULL, } };
  const gsize size = 40 * 1024;
  g_autofree char *letter = liaison_test_files_make_bytes (size, 3);
  g_autofree char *letter_path = NULL;
  g_autofree char *suggestion = NULL;
  g_autofree char *sha = NULL;
  g_autofree char *target = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  LiaisonSyncCounts counts;
  gint64 uploads;

  liaison_test_files_set_up (&fixture, NULL);
  letter_path = liaison_test_files_write_file (&fixture, "答复函.pdf", letter, size);
  suggestion = liaison_test_files_log_suggestion (&fixture, &fixture.b, "关于东山路积水的建议");
  liaison_test_sync_ok (fixture.b.engine);
  liaison_test_sync_ok (fixture.desk.engine);
  sha = liaison_test_files_reply_with_letter (&fixture, suggestion, letter_path);
  counts = liaison_test_sync_ok (fixture.desk.engine);
  g_assert_cmpuint (counts.attachments_sent, ==, 1);
  uploads = liaison_test_hq_count (&fixture.hq, "SELECT COUNT (*) FROM attachment_uploads");
  g_assert_cmpint (uploads, >=, 1);
  liaison_test_hq_stop (&fixture.hq);

  target = liaison_test_pg_new_database ();
  g_assert_cmpint (migrate (fixture.hq.data_dir, target, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "attachment_uploads"));
  liaison_test_hq_start (&fixture.hq);
  g_assert_cmpint (liaison_test_hq_count (&fixture.hq, "SELECT COUNT (*) FROM attachment_uploads"), ==, uploads);

  counts = liaison_test_sync_ok (fixture.b.engine);
  g_assert_cmpuint (counts.attachments_received, ==, 1);
  {
    g_autoptr(LiaisonTestAnswer) got_b = liaison_test_files_get (&fixture, sha, fixture.token_b);
    g_autoptr(LiaisonTestAnswer) got_a = liaison_test_files_get (&fixture, sha, fixture.token_a);

    liaison_test_files_assert_bytes (got_b, letter, size);
    liaison_test_files_assert_error (got_a, 404, "not_found");
  }
  liaison_test_files_tear_down (&fixture, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/hq-migrate/sync-on", test_migrate_and_sync_on);
  g_test_add_func ("/hq-migrate/attachments", test_attachments);
  g_test_add_func ("/hq-migrate/refuses-target-with-data", test_refuses_target_with_data);
  g_test_add_func ("/hq-migrate/refuses-bad-source", test_refuses_bad_source);
  g_test_add_func ("/hq-migrate/mismatch-rolled-back", test_mismatch_rolled_back);
  g_test_add_func ("/hq-migrate/refuses-while-served", test_refuses_while_served);
  return g_test_run ();
}
