/* test-access-log-sync.c: the access log the whole way through a real
 * liaison-hq on loopback (docs/privacy.md, "The access log";
 * docs/sync-protocol.md, access_log).
 *
 * 东山联络站 logs an export with contacts and syncs: the entry reaches the
 * server, from 东山, and headquarters' desk, byte for byte; 西山联络站
 * never receives it. Headquarters' own entry reaches the server and no
 * station. A tampered 东山 desk (its triggers dropped) that re-pushes
 * the entry with another reason, or as a version 2, is refused, and the
 * server and headquarters keep the first. */
#define G_LOG_DOMAIN "test-access-log-sync"

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "liaison-csv.h"
#include "liaison-store-access-log.h"
#include "liaison-store-desk.h"
#include "liaison-store-private.h"
#include "liaison-test-hq.h"
#include "liaison-test-util.h"

typedef LiaisonTestHq Fixture;
typedef LiaisonTestReplica Replica;

#define REASON "区人大核对三月回访名单"

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  liaison_test_hq_init (fixture, "liaison-access-log-sync-XXXXXX");
  liaison_test_hq_start (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  liaison_test_hq_clear (fixture);
}

/* Every entry at @store, newest first, each as one line of its fields. */
static char *
entries_text (LiaisonStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = liaison_store_list_access_log (store, NULL, NULL, -1, &error);
  GString *text = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < entries->len; i++)
    {
      LiaisonAccessEntry *entry = g_ptr_array_index (entries, i);

      g_string_append_printf (text, "%s|%s|%s|%s|%s|%s|%s|%u|%s\n", entry->uuid,
                              liaison_access_kind_to_code (entry->kind), entry->at, entry->role, entry->actor_name,
                              entry->desk_uuid, entry->what, entry->n_contacts, entry->reason);
    }
  return g_string_free (text, FALSE);
}

static void
log_export (Replica    *replica,
            const char *what,
            guint       n_contacts)
{
  LiaisonAccessEntry entry = { .kind = LIAISON_ACCESS_EXPORT_CONTACTS, .what = (char *) what,
                               .n_contacts = n_contacts, .reason = (char *) REASON };
  g_autoptr(GError) error = NULL;

  g_assert_true (liaison_store_log_access (replica->store, &entry, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (liaison_test_replica_unsynced (replica), ==, 1);
}

/* @replica's copy of its entry changed behind the triggers' back and
 * pushed again: refused, and left as the server's error. */
static void
push_tampered (Replica    *replica,
               const char *sql)
{
  g_autoptr(GError) error = NULL;
  LiaisonSyncCounts counts = { 0 };

  g_assert_true (liaison_store_exec (replica->store, "DROP TRIGGER IF EXISTS access_log_never_changed", &error));
  g_assert_no_error (error);
  g_assert_true (liaison_store_exec (replica->store, sql, &error));
  g_assert_no_error (error);
  g_assert_true (liaison_test_sync (replica->engine, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.rejected, ==, 1);
  g_assert_cmpuint (counts.sent, ==, 0);
  {
    sqlite3_stmt *stmt = liaison_store_prepare (replica->store, "SELECT sync_error FROM access_log"
                                                                " WHERE sync_state = 2", &error);

    g_assert_no_error (error);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_test_message ("refused: %s", sqlite3_column_text (stmt, 0));
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), !=, "");
    sqlite3_reset (stmt);
  }
}

static void
assert_audit (Fixture    *fixture,
              const char *east_uuid)
{
  g_autofree char *path = g_build_filename (fixture->dir, "audit.csv", NULL);
  g_autofree char *empty_path = g_build_filename (fixture->dir, "empty.csv", NULL);
  g_autofree char *bad_path = g_build_filename (fixture->dir, "bad.csv", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *empty_out = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *next_day = g_date_time_format (tomorrow, "%Y-%m-%d");
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) empty = NULL;
  const char *header[] = { "时间", "类别", "站点", "工作台", "角色", "姓名", "内容", "联系方式数", "事由", "编号" };

  out = liaison_test_hq_run (fixture, "audit", "--from", today, "--to", today, path, NULL);
  g_assert_nonnull (strstr (out, "2"));
  rows = liaison_test_hq_read_csv (path);
  g_assert_cmpuint (rows->len, ==, 3);
  for (guint c = 0; c < G_N_ELEMENTS (header); c++)
    g_assert_cmpstr (liaison_test_csv_cell (rows, 0, c), ==, header[c]);
  /* 东山's first, then headquarters'. */
  g_assert_true (g_str_has_prefix (liaison_test_csv_cell (rows, 1, 0), today));
  g_assert_cmpstr (liaison_test_csv_cell (rows, 1, 1), ==, liaison_access_kind_label (LIAISON_ACCESS_EXPORT_CONTACTS));
  g_assert_cmpstr (liaison_test_csv_cell (rows, 1, 2), ==, "东山联络站");
  g_assert_cmpstr (liaison_test_csv_cell (rows, 1, 3), ==, east_uuid);
  g_assert_cmpstr (liaison_test_csv_cell (rows, 1, 4), ==, "station");
  g_assert_cmpstr (liaison_test_csv_cell (rows, 1, 5), ==, "刘芳");
  g_assert_cmpstr (liaison_test_csv_cell (rows, 1, 6), ==, "2025-03-01..2025-03-31");
  g_assert_cmpstr (liaison_test_csv_cell (rows, 1, 7), ==, "12");
  g_assert_cmpstr (liaison_test_csv_cell (rows, 1, 8), ==, REASON);
  g_assert_true (g_uuid_string_is_valid (liaison_test_csv_cell (rows, 1, 9)));
  g_assert_cmpstr (liaison_test_csv_cell (rows, 2, 4), ==, "hq");
  g_assert_cmpstr (liaison_test_csv_cell (rows, 2, 5), ==, "陈静");

  /* No entry from tomorrow on: the header alone. */
  empty_out = liaison_test_hq_run (fixture, "audit", "--from", next_day, empty_path, NULL);
  empty = liaison_test_hq_read_csv (empty_path);
  g_assert_cmpuint (empty->len, ==, 1);

  /* A date that is not one: said in zh_CN, nothing written. */
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  g_setenv ("LC_ALL", "zh_CN.UTF-8", TRUE);
  g_assert_cmpint (liaison_test_run_hq (&out, &err, "audit", "--data-dir", fixture->data_dir,
                                        "--from", "2025-02-30", bad_path, NULL), ==, 1);
  g_test_message ("%s", err);
  g_assert_nonnull (strstr (err, "“2025-02-30”不是有效日期"));
  g_assert_false (g_file_test (bad_path, G_FILE_TEST_EXISTS));
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (liaison_test_run_hq (&out, &err, "audit", "--data-dir", fixture->data_dir,
                                        "--from", "2025-03-31", "--to", "2025-03-01", bad_path, NULL), ==, 1);
  g_test_message ("%s", err);
  g_assert_nonnull (strstr (err, "2025-03-31"));
  g_assert_false (g_file_test (bad_path, G_FILE_TEST_EXISTS));
  g_unsetenv ("LANGUAGE");
  g_unsetenv ("LC_ALL");
}

static void
test_reaches_headquarters (Fixture       *fixture,
                           gconstpointer  data)
{
  Replica east = liaison_test_replica_new_synced_station (fixture, "east.db", "东山联络站");
  Replica west = liaison_test_replica_new_synced_station (fixture, "west.db", "西山联络站");
  Replica hq = liaison_test_replica_new (fixture, "hq.db");
  g_autofree char *east_uuid = liaison_test_local_station_uuid (east.store);
  g_autofree char *east_entries = NULL;
  g_autofree char *hq_entries = NULL;
  g_autofree char *server_origin = NULL;
  g_autofree char *server_reason = NULL;
  g_autofree char *server_data = NULL;
  g_autofree char *hq_origin = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (liaison_store_set_desk_actor (east.store, "station", "刘芳", NULL, &error));
  g_assert_no_error (error);
  log_export (&east, "2025-03-01..2025-03-31", 12);
  liaison_test_replica_sync_clean (&east);
  east_entries = entries_text (east.store);
  g_assert_nonnull (strstr (east_entries, "|export_contacts|"));
  g_assert_nonnull (strstr (east_entries, "|station|刘芳|"));

  /* At the server, from 东山. */
  server_origin = liaison_test_hq_text (fixture, "SELECT origin_station FROM records WHERE kind = 'access_log'");
  g_assert_cmpstr (server_origin, ==, east_uuid);
  server_reason = liaison_test_hq_text (fixture, "SELECT json_extract (data, '$.reason') FROM records WHERE kind = 'access_log'");
  g_assert_cmpstr (server_reason, ==, REASON);
  server_data = liaison_test_hq_text (fixture, "SELECT data FROM records WHERE kind = 'access_log'");

  /* At headquarters' desk, as logged. */
  liaison_test_replica_enroll_hq (fixture, &hq, "代表工委");
  liaison_test_replica_sync_clean (&hq);
  hq_entries = entries_text (hq.store);
  g_assert_cmpstr (hq_entries, ==, east_entries);

  /* Headquarters' own look: at the server, from no station. */
  g_assert_true (liaison_store_set_desk_actor (hq.store, "hq", "陈静", NULL, &error));
  g_assert_no_error (error);
  log_export (&hq, "7a7a0000-0000-4000-8000-000000000001", 1);
  liaison_test_replica_sync_clean (&hq);
  g_assert_cmpint (liaison_test_query_int (hq.store, "SELECT count(*) FROM access_log"), ==, 2);
  hq_origin = liaison_test_hq_text (fixture, "SELECT coalesce (origin_station, 'none') FROM records"
                                             " WHERE kind = 'access_log' AND json_extract (data, '$.role') = 'hq'");
  g_assert_cmpstr (hq_origin, ==, "none");

  /* No other station receives either; 东山 not headquarters'. */
  liaison_test_replica_sync_clean (&west);
  g_assert_cmpint (liaison_test_query_int (west.store, "SELECT count(*) FROM access_log"), ==, 0);
  liaison_test_replica_sync_clean (&east);
  g_assert_cmpint (liaison_test_query_int (east.store, "SELECT count(*) FROM access_log"), ==, 1);

  /* A tampered desk's changed reason, then a version 2: both refused. */
  push_tampered (&east, "UPDATE access_log SET reason = '随便看看', server_version = 0, sync_state = 1");
  push_tampered (&east, "UPDATE access_log SET version = 2, sync_state = 1");
  {
    g_autofree char *after = liaison_test_hq_text (fixture, "SELECT data FROM records WHERE kind = 'access_log'"
                                                            " AND origin_station IS NOT NULL");
    g_autofree char *count = liaison_test_hq_text (fixture, "SELECT count(*) FROM records WHERE kind = 'access_log'");
    g_autofree char *hq_after = NULL;

    g_assert_cmpstr (after, ==, server_data);
    g_assert_cmpstr (count, ==, "2");
    liaison_test_replica_sync_clean (&hq);
    hq_after = entries_text (hq.store);
    g_assert_nonnull (strstr (hq_after, east_entries));
    g_assert_null (strstr (hq_after, "随便看看"));
  }

  assert_audit (fixture, east_uuid);

  liaison_test_replica_clear (&east);
  liaison_test_replica_clear (&west);
  liaison_test_replica_clear (&hq);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/access-log-sync/reaches-headquarters", Fixture, NULL, fixture_set_up,
              test_reaches_headquarters, fixture_tear_down);
  return g_test_run ();
}
