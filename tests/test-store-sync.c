/* test-store-sync.c: the store's side of sync, on real SQLite files. */
#define G_LOG_DOMAIN "test-store-sync"

#include "config.h"

#include <string.h>

#include "liaison-loop-wire.h"
#include "liaison-store-loop.h"
#include "liaison-store-private.h"
#include "liaison-store-quarantine.h"
#include "liaison-store-sync.h"
#include "liaison-test-util.h"
#include "liaison-validate.h"

#define SERVER_A "11111111-1111-4111-8111-111111111111"
#define SERVER_B "22222222-2222-4222-8222-222222222222"
#define HQ_STATION "5f1e0000-0000-4000-8000-000000000001"
#define OTHER_STATION "5f1e0000-0000-4000-8000-000000000002"
#define CATEGORY_1 "6c1a7e00-0000-4000-8000-000000000001"
#define GROUP_1 "9a000000-0000-4000-8000-000000000001"
#define DEPUTY_1 "9d000000-0000-4000-8000-000000000001"
#define DEPUTY_2 "9d000000-0000-4000-8000-000000000002"
#define UNIT_1 "9e000000-0000-4000-8000-000000000001"
#define RECEPTION_1 "9f000000-0000-4000-8000-000000000001"
#define SUGGESTION_1 "9f100000-0000-4000-8000-000000000001"

typedef struct {
  char         *dir;
  char         *path;
  LiaisonStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = liaison_test_make_tmp_dir ("liaison-store-sync-XXXXXX");
  fixture->path = g_build_filename (fixture->dir, "station.db", NULL);
  fixture->store = liaison_test_open_store_with_station (fixture->path, "相山区人民路代表联络站");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  liaison_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

/* JSON helpers */

static JsonNode *
parse (const char *json)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (json, &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);
  return node;
}

static JsonObject *
parse_object (const char *json)
{
  g_autoptr(JsonNode) node = parse (json);

  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  return json_object_ref (json_node_get_object (node));
}

static JsonArray *
parse_array (const char *json)
{
  g_autoptr(JsonNode) node = parse (json);

  g_assert_true (JSON_NODE_HOLDS_ARRAY (node));
  return json_array_ref (json_node_get_array (node));
}

/* A wire record as the server sends it. @data is a JSON object. */
static char *
wire (const char *kind,
      const char *uuid,
      gint64      version,
      gboolean    deleted,
      const char *data)
{
  return g_strdup_printf ("{\"kind\": \"%s\", \"uuid\": \"%s\", \"version\": %" G_GINT64_FORMAT ","
                          " \"updated_at\": \"2024-03-05T01:30:00Z\", \"origin_station\": null,"
                          " \"deleted\": %s, \"data\": %s, \"seq\": 7}",
                          kind, uuid, version, deleted ? "true" : "false", data);
}

static char *
deputy_data (const char *name,
             const char *group,
             const char *station)
{
  g_autofree char *group_json = group ? g_strdup_printf ("\"%s\"", group) : g_strdup ("null");
  g_autofree char *station_json = station ? g_strdup_printf ("\"%s\"", station) : g_strdup ("null");

  return g_strdup_printf ("{\"name\": \"%s\", \"level\": \"city\", \"group\": %s, \"station\": %s,"
                          " \"specialty\": \"农业\", \"phone\": \"13912345678\"}",
                          name, group_json, station_json);
}

static char *
reception_data (const char *station,
                const char *summary)
{
  return g_strdup_printf ("{\"received_at\": \"2024-03-05 09:30\", \"station\": \"%s\","
                          " \"channel\": \"walk_in\", \"category\": \"" CATEGORY_1 "\","
                          " \"summary\": \"%s\", \"handled_on_spot\": true, \"handling\": \"当场答复\","
                          " \"deputies\": [\"" DEPUTY_1 "\", \"9d000000-0000-4000-8000-0000000000ff\"],"
                          " \"visitors\": [{\"name\": \"赵敏\", \"phone\": \"13912345678\","
                          " \"community\": \"翠竹园社区\", \"party_size\": 2, \"consent\": true},"
                          " {\"name\": \"\", \"phone\": \"\", \"community\": \"凤凰山村\","
                          " \"party_size\": 1, \"consent\": false}]}",
                          station, summary);
}

/* A page of changes from records made by wire(). Takes the records. */
static JsonArray *
page (char *first,
      ...)
{
  g_autoptr(GString) json = g_string_new ("[");
  va_list args;

  va_start (args, first);
  for (char *record = first; record != NULL; record = va_arg (args, char *))
    {
      if (json->len > 1)
        g_string_append (json, ", ");
      g_string_append (json, record);
      g_free (record);
    }
  va_end (args);
  g_string_append (json, "]");
  return parse_array (json->str);
}

static void
pull (LiaisonStore      *store,
      JsonArray         *changes,
      gint64             last_seq,
      LiaisonSyncCounts *counts)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (liaison_store_apply_pulled (store, changes, last_seq, counts, &error));
  g_assert_no_error (error);
  json_array_unref (changes);
}

/* Store helpers */

static void
enroll (LiaisonStore *store,
        const char   *server_id,
        const char   *role,
        const char   *station_uuid)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autoptr(JsonObject) answer = NULL;

  if (station_uuid != NULL)
    json = g_strdup_printf ("{\"token\": \"t\", \"role\": \"%s\", \"server_id\": \"%s\","
                            " \"station\": {\"uuid\": \"%s\", \"name\": \"人民路代表联络站\","
                            " \"kind\": \"point\", \"district\": \"相山区\"}}",
                            role, server_id, station_uuid);
  else
    json = g_strdup_printf ("{\"token\": \"t\", \"role\": \"%s\", \"server_id\": \"%s\", \"station\": null}",
                            role, server_id);
  answer = parse_object (json);
  g_assert_true (liaison_store_adopt_enrollment (store, "http://127.0.0.1:8600", answer, &error));
  g_assert_no_error (error);
}

/* Enrolls as the station it is already, keeping its uuid. */
static void
enroll_as_station (LiaisonStore *store)
{
  g_autofree char *uuid = liaison_test_local_station_uuid (store);

  enroll (store, SERVER_A, "station", uuid);
}

/* Saves a reception with two visitors, a deputy and an inline suggestion. */
static LiaisonReception *
save_reception (LiaisonStore *store,
                const char   *summary)
{
  LiaisonReception *reception = liaison_reception_new ();
  LiaisonSuggestion *suggestion = liaison_suggestion_new ();
  g_autoptr(GError) error = NULL;
  gint64 deputy_id = liaison_store_find_deputy (store, "张伟");

  if (deputy_id == 0)
    deputy_id = liaison_test_add_deputy (store, "张伟", LIAISON_DEPUTY_LEVEL_CITY);
  reception->received_at = g_strdup ("2024-03-05 09:30");
  reception->channel = LIAISON_CHANNEL_PHONE;
  reception->category_id = liaison_store_find_category (store, "urban_construction");
  reception->summary = g_strdup (summary);
  reception->handled_on_spot = TRUE;
  reception->handling = g_strdup ("当场联系街道城建办");
  g_array_append_val (reception->deputy_ids, deputy_id);
  g_ptr_array_add (reception->visitors, liaison_test_make_visitor ("赵敏", "13912345678", "翠竹园社区"));
  g_ptr_array_add (reception->visitors, liaison_test_make_visitor ("", "", "凤凰山村"));
  suggestion->category_id = reception->category_id;
  suggestion->title = g_strdup ("疏通雨水管网");
  suggestion->content = g_strdup ("建议汛期前疏通小区雨水管网");
  suggestion->raised_by = g_strdup ("赵敏");
  g_ptr_array_add (reception->suggestions, suggestion);
  g_assert_true (liaison_store_save_reception (store, reception, &error));
  g_assert_no_error (error);
  return reception;
}

static GPtrArray *
collect (LiaisonStore *store,
         guint         limit)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *records = liaison_store_collect_pending (store, limit, &error);

  g_assert_no_error (error);
  g_assert_nonnull (records);
  return records;
}

static JsonObject *
data_of (JsonObject *record)
{
  return json_object_get_object_member (record, "data");
}

static gint64
row_int (LiaisonStore *store,
         const char   *table,
         const char   *column,
         const char   *uuid)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM %s WHERE uuid = '%s'", column, table, uuid);

  return liaison_test_query_int (store, sql);
}

static char *
row_text (LiaisonStore *store,
          const char   *table,
          const char   *column,
          const char   *uuid)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM %s WHERE uuid = ?", column, table);
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (liaison_store_get_handle (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return text;
}

/* A result for each pushed record, all with @status. */
static JsonArray *
results_refusing (GPtrArray  *pushed,
                  const char *status,
                  const char *code,
                  const char *reason)
{
  JsonArray *results = json_array_new ();

  for (guint i = 0; i < pushed->len; i++)
    {
      JsonObject *record = g_ptr_array_index (pushed, i);
      JsonObject *result = json_object_new ();

      json_object_set_string_member (result, "uuid", json_object_get_string_member (record, "uuid"));
      json_object_set_string_member (result, "kind", json_object_get_string_member (record, "kind"));
      json_object_set_string_member (result, "status", status);
      if (strcmp (status, "rejected") == 0)
        {
          json_object_set_string_member (result, "code", code);
          json_object_set_string_member (result, "reason", reason);
        }
      else
        json_object_set_int_member (result, "version", json_object_get_int_member (record, "version"));
      json_array_add_object_element (results, result);
    }
  return results;
}

/* The server's answer to @pushed: all @status, a refusal saying the
 * summary is empty. */
static JsonArray *
results_for (GPtrArray  *pushed,
             const char *status)
{
  return results_refusing (pushed, status, "invalid", "The summary is empty.");
}

static void
push_all (LiaisonStore      *store,
          const char        *status,
          LiaisonSyncCounts *counts)
{
  g_autoptr(GPtrArray) pushed = collect (store, 500);
  g_autoptr(JsonArray) results = results_for (pushed, status);
  g_autoptr(GError) error = NULL;

  g_assert_true (liaison_store_apply_push_results (store, pushed, results, counts, &error));
  g_assert_no_error (error);
}

/* Migration */

static void
assert_schema (LiaisonStore *store)
{
  const char *const tables[] = {
    "stations", "deputy_groups", "deputies", "categories", "receptions", "suggestions", "units",
    "suggestion_events", "loop_rules", "activities", "duty_shifts", "points_rules", "quarter_closes",
    "published_reports", "published_report_parts", "access_log", "purges", "deputy_pins",
    "online_submissions", "online_decisions",
  };

  g_assert_cmpint (liaison_store_get_schema_version (store), ==, 21);
  g_assert_cmpint (LIAISON_STORE_SCHEMA_VERSION, ==, 21);
  /* Schema 21: a held reception's visitors and deputies fire no trigger on it. */
  g_assert_cmpint (liaison_test_query_int (store,
    "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%search_held%'"
    " AND tbl_name IN ('reception_visitors', 'reception_deputies')"), ==, 6);
  /* Schema 20: a station's address, "" for every station there was. */
  g_assert_cmpint (liaison_test_query_int (store,
    "SELECT count(*) FROM stations WHERE address <> ''"), ==, 0);
  g_assert_cmpint (liaison_test_query_int (store, "SELECT count(*) FROM reception_files"), ==, 0);
  g_assert_cmpint (liaison_test_query_int (store, "SELECT count(*) FROM pull_quarantine"), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM pragma_table_info('%s')"
                                              " WHERE name = 'server_version'", tables[i]);
      g_assert_cmpint (liaison_test_query_int (store, sql), ==, 1);
    }
  g_assert_cmpint (liaison_test_query_int (store,
    "SELECT count(*) FROM sqlite_master WHERE name IN ('sync_conflicts', 'units',"
    " 'suggestions_by_sync_state', 'sync_conflicts_by_record', 'attachments', 'attachment_refs',"
    " 'suggestion_events_attachments')"), ==, 7);
  /* Schema 14: the dashboard's visitors total and covering indexes. */
  g_assert_cmpint (liaison_test_query_int (store,
    "SELECT count(*) FROM sqlite_master WHERE name IN ('suggestions_for_dashboard', 'receptions_for_dashboard',"
    " 'receptions_channel', 'reception_visitors_total_insert')"), ==, 4);
  /* Seeded categories are the server's too: synced at version 1. */
  g_assert_cmpint (liaison_test_query_int (store,
    "SELECT count(*) FROM categories WHERE server_version = 1 AND sync_state = 0"), ==, 10);
  /* The pending-suggestions query uses the new index. */
  g_assert_cmpint (liaison_test_query_int (store,
    "SELECT count(*) FROM (SELECT 1 FROM suggestions INDEXED BY suggestions_by_sync_state"
    " WHERE sync_state <> 0 AND sync_state = 1)"), >=, 0);
}

static void
test_migrate_fresh (void)
{
  g_autofree char *dir = liaison_test_make_tmp_dir ("liaison-store-sync-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "station.db", NULL);
  g_autoptr(LiaisonStore) store = liaison_test_open_store (path);
  g_autoptr(GError) error = NULL;

  assert_schema (store);
  g_assert_cmpint (liaison_store_get_sync_role (store), ==, LIAISON_SYNC_ROLE_NONE);
  g_assert_null (liaison_store_get_server_url (store));
  g_assert_cmpint (liaison_store_get_checkpoint (store), ==, 0);
  g_assert_cmpuint (liaison_store_count_unsynced (store, &error), ==, 0);
  g_assert_no_error (error);

  /* Reopening does not migrate again. */
  g_clear_object (&store);
  store = liaison_test_open_store (path);
  assert_schema (store);
  g_clear_object (&store);
  liaison_test_remove_tree (dir);
}

/* A file of schema 19 had no addresses: schema 20 gives its stations ""
 * and their records stay as they were, without an address; one set is
 * pushed, and a pulled one kept. */
static void
test_migrate_station_address (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(LiaisonStation) station = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) changed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pulled = NULL;
  g_autofree char *address = NULL;
  LiaisonSyncCounts counts = { 0 };
  JsonObject *record;

  enroll (fixture->store, SERVER_A, "hq", NULL);
  before = collect (fixture->store, 100);
  g_assert_cmpuint (before->len, ==, 1);
  liaison_test_undo_station_address_schema (fixture->store);
  g_clear_object (&fixture->store);
  fixture->store = liaison_test_open_store (fixture->path);
  g_assert_cmpint (liaison_store_get_schema_version (fixture->store), ==, LIAISON_STORE_SCHEMA_VERSION);

  station = liaison_store_get_local_station (fixture->store);
  g_assert_cmpstr (station->address, ==, "");
  after = collect (fixture->store, 100);
  g_assert_cmpuint (after->len, ==, 1);
  record = g_ptr_array_index (after, 0);
  g_assert_false (json_object_has_member (data_of (record), "address"));
  g_assert_true (json_node_equal (json_object_get_member (g_ptr_array_index (before, 0), "data"),
                                  json_object_get_member (record, "data")));

  g_free (station->address);
  station->address = g_strdup ("相山区东山街道人民路12号");
  g_assert_true (liaison_store_save_station (fixture->store, station, &error));
  g_assert_no_error (error);
  changed = collect (fixture->store, 100);
  g_assert_cmpstr (json_object_get_string_member (data_of (g_ptr_array_index (changed, 0)), "address"), ==,
                   "相山区东山街道人民路12号");

  /* Too long: refused, nothing changed. */
  g_free (station->address);
  station->address = g_strnfill (LIAISON_MAX_ADDRESS_CHARS + 1, 'x');
  g_assert_false (liaison_store_save_station (fixture->store, station, &error));
  g_assert_error (error, LIAISON_VALIDATION_ERROR, LIAISON_VALIDATION_ERROR_INVALID);
  g_clear_error (&error);
  address = liaison_test_query_text (fixture->store, "SELECT address FROM stations");
  g_assert_cmpstr (address, ==, "相山区东山街道人民路12号");

  /* A pulled station's address is kept. */
  pulled = g_strdup_printf ("[{\"kind\": \"station\", \"uuid\": \"%s\", \"version\": 1, \"server_seq\": 1,"
                            " \"updated_at\": \"2026-03-05T01:30:00Z\", \"origin_station\": \"%s\", \"deleted\": false,"
                            " \"data\": {\"name\": \"任楼街道代表之家\", \"kind\": \"home\", \"district\": \"烈山区\","
                            " \"address\": \"烈山区任楼街道淮海路8号\"}}]",
                            OTHER_STATION, OTHER_STATION);
  pull (fixture->store, parse_array (pulled), 1, &counts);
  g_clear_pointer (&address, g_free);
  address = liaison_test_query_text (fixture->store, "SELECT address FROM stations WHERE name = '任楼街道代表之家'");
  g_assert_cmpstr (address, ==, "烈山区任楼街道淮海路8号");
}

static void
test_migrate_from_v1 (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = liaison_test_make_tmp_dir ("liaison-store-sync-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "station.db", NULL);
  g_autofree char *fixture = liaison_test_data_path ("station-v1.db");
  g_autofree char *contents = NULL;
  g_autoptr(LiaisonStore) store = NULL;
  g_autoptr(GPtrArray) pending = NULL;
  gint64 pending_receptions;
  gsize length;

  g_assert_true (g_file_get_contents (fixture, &contents, &length, &error));
  g_assert_true (g_file_set_contents (path, contents, length, &error));
  g_assert_no_error (error);

  store = liaison_test_open_store (path);
  assert_schema (store);
  g_assert_cmpint (liaison_test_count_rows (store, "receptions"), ==, 40);
  g_assert_cmpint (liaison_test_query_int (store,
    "SELECT count(*) FROM receptions WHERE server_version <> 0"), ==, 0);

  /* What the first release wrote waits to be pushed once enrolled. */
  pending_receptions = liaison_test_query_int (store, "SELECT count(*) FROM receptions WHERE sync_state = 1");
  g_assert_cmpint (pending_receptions, >, 0);
  g_assert_cmpuint (liaison_store_count_unsynced (store, &error), ==,
                    pending_receptions + liaison_test_query_int (store,
                      "SELECT count(*) FROM suggestions WHERE sync_state <> 0"));
  enroll_as_station (store);
  pending = collect (store, 1000);
  g_assert_cmpuint (pending->len, ==, liaison_store_count_unsynced (store, &error));
  g_assert_cmpint (json_object_get_int_member (g_ptr_array_index (pending, 0), "base_version"), ==, 0);

  g_clear_object (&store);
  liaison_test_remove_tree (dir);
}

/* Collecting */

static void
test_collect_station (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(LiaisonReception) reception = NULL;
  g_autoptr(LiaisonDeputy) deputy = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) one = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *station_uuid = liaison_test_local_station_uuid (fixture->store);
  JsonObject *record;
  JsonObject *data_object;
  JsonArray *visitors;
  JsonObject *visitor;
  const LiaisonSuggestion *suggestion;

  reception = save_reception (fixture->store, "小区路灯不亮");
  suggestion = g_ptr_array_index (reception->suggestions, 0);
  liaison_store_ensure_deputy_group (fixture->store, "农业专业代表小组", &error);
  g_assert_no_error (error);

  /* Not enrolled: nothing may be pushed, but the records count. */
  none = collect (fixture->store, 100);
  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpuint (liaison_store_count_unsynced (fixture->store, &error), ==, 2);

  enroll_as_station (fixture->store);
  records = collect (fixture->store, 100);
  /* The reception, then its suggestion; no deputy, group or station. */
  g_assert_cmpuint (records->len, ==, 2);
  g_assert_cmpuint (liaison_store_count_unsynced (fixture->store, &error), ==, 2);

  record = g_ptr_array_index (records, 0);
  g_assert_cmpstr (json_object_get_string_member (record, "kind"), ==, "reception");
  g_assert_cmpstr (json_object_get_string_member (record, "uuid"), ==, reception->meta.uuid);
  g_assert_cmpint (json_object_get_int_member (record, "version"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (record, "base_version"), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (record, "origin_station"), ==, station_uuid);
  g_assert_false (json_object_get_boolean_member (record, "deleted"));
  g_assert_cmpstr (json_object_get_string_member (record, "updated_at"), ==, reception->meta.updated_at);
  data_object = data_of (record);
  g_assert_cmpstr (json_object_get_string_member (data_object, "received_at"), ==, "2024-03-05 09:30");
  g_assert_cmpstr (json_object_get_string_member (data_object, "station"), ==, station_uuid);
  g_assert_cmpstr (json_object_get_string_member (data_object, "channel"), ==, "phone");
  g_assert_cmpstr (json_object_get_string_member (data_object, "category"), ==, CATEGORY_1);
  g_assert_cmpstr (json_object_get_string_member (data_object, "summary"), ==, "小区路灯不亮");
  g_assert_true (json_object_get_boolean_member (data_object, "handled_on_spot"));
  g_assert_cmpstr (json_object_get_string_member (data_object, "handling"), ==, "当场联系街道城建办");
  deputy = liaison_store_get_deputy (fixture->store, g_array_index (reception->deputy_ids, gint64, 0), &error);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (data_object, "deputies")), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (data_object, "deputies"), 0),
                   ==, deputy->meta.uuid);
  visitors = json_object_get_array_member (data_object, "visitors");
  g_assert_cmpuint (json_array_get_length (visitors), ==, 2);
  visitor = json_array_get_object_element (visitors, 0);
  g_assert_cmpstr (json_object_get_string_member (visitor, "name"), ==, "赵敏");
  g_assert_cmpstr (json_object_get_string_member (visitor, "phone"), ==, "13912345678");
  g_assert_cmpstr (json_object_get_string_member (visitor, "community"), ==, "翠竹园社区");
  g_assert_cmpint (json_object_get_int_member (visitor, "party_size"), ==, 1);
  g_assert_true (json_object_get_boolean_member (visitor, "consent"));
  visitor = json_array_get_object_element (visitors, 1);
  g_assert_cmpstr (json_object_get_string_member (visitor, "community"), ==, "凤凰山村");
  g_assert_false (json_object_get_boolean_member (visitor, "consent"));

  record = g_ptr_array_index (records, 1);
  g_assert_cmpstr (json_object_get_string_member (record, "kind"), ==, "suggestion");
  g_assert_cmpstr (json_object_get_string_member (record, "uuid"), ==, suggestion->meta.uuid);
  g_assert_cmpint (json_object_get_int_member (record, "base_version"), ==, 0);
  data_object = data_of (record);
  g_assert_cmpstr (json_object_get_string_member (data_object, "reception"), ==, reception->meta.uuid);
  g_assert_cmpstr (json_object_get_string_member (data_object, "station"), ==, station_uuid);
  g_assert_cmpstr (json_object_get_string_member (data_object, "category"), ==, CATEGORY_1);
  g_assert_cmpstr (json_object_get_string_member (data_object, "title"), ==, "疏通雨水管网");
  g_assert_cmpstr (json_object_get_string_member (data_object, "content"), ==, "建议汛期前疏通小区雨水管网");
  g_assert_cmpstr (json_object_get_string_member (data_object, "raised_by"), ==, "赵敏");
  /* The loop's cached status is not part of the record. */
  g_assert_false (json_object_has_member (data_object, "status"));
  g_assert_cmpstr (json_object_get_string_member (data_object, "created_at"), ==, suggestion->created_at);

  /* The limit holds. */
  one = collect (fixture->store, 1);
  g_assert_cmpuint (one->len, ==, 1);
}

/* The batch read while another is in flight leaves that one out, and
 * goes on in the same order: receptions, then suggestions. */
static void
test_collect_except (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) second = NULL;
  g_autoptr(GPtrArray) rest = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(LiaisonReception) reception = save_reception (fixture->store, "小区路灯不亮");
    }
  enroll_as_station (fixture->store);
  all = collect (fixture->store, 100);
  g_assert_cmpuint (all->len, ==, 6);

  first = collect (fixture->store, 4);
  second = liaison_store_collect_pending_except (fixture->store, 4, first, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (second->len, ==, 2);
  for (guint i = 0; i < second->len; i++)
    g_assert_cmpstr (json_object_get_string_member (g_ptr_array_index (second, i), "uuid"), ==,
                     json_object_get_string_member (g_ptr_array_index (all, 4 + i), "uuid"));

  /* Nothing in flight: the same as collecting. */
  rest = liaison_store_collect_pending_except (fixture->store, 100, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rest->len, ==, all->len);
}

static void
test_collect_hq (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(LiaisonDeputy) deputy = liaison_deputy_new ();
  g_autoptr(LiaisonReception) reception = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *station_uuid = liaison_test_local_station_uuid (fixture->store);
  g_autofree char *group_uuid = NULL;
  gint64 group_id;
  JsonObject *record;

  reception = save_reception (fixture->store, "路灯");
  group_id = liaison_store_ensure_deputy_group (fixture->store, "农业专业代表小组", &error);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT uuid FROM deputy_groups WHERE id = %" G_GINT64_FORMAT, group_id);
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_prepare_v2 (liaison_store_get_handle (fixture->store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    group_uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    sqlite3_finalize (stmt);
  }
  deputy->name = g_strdup ("王建国");
  deputy->level = LIAISON_DEPUTY_LEVEL_PROVINCIAL;
  deputy->group_id = group_id;
  g_assert_true (liaison_store_save_deputy (fixture->store, deputy, &error));
  g_assert_no_error (error);

  enroll (fixture->store, SERVER_A, "hq", NULL);
  g_assert_cmpint (liaison_store_get_sync_role (fixture->store), ==, LIAISON_SYNC_ROLE_HQ);
  records = collect (fixture->store, 100);
  /* The station, the group, then both deputies (张伟 from the reception);
   * no reception, no suggestion, no seeded category. */
  g_assert_cmpuint (records->len, ==, 4);
  g_assert_cmpuint (liaison_store_count_unsynced (fixture->store, &error), ==, 4);
  record = g_ptr_array_index (records, 0);
  g_assert_cmpstr (json_object_get_string_member (record, "kind"), ==, "station");
  g_assert_cmpstr (json_object_get_string_member (record, "uuid"), ==, station_uuid);
  g_assert_cmpstr (json_object_get_string_member (data_of (record), "name"), ==, "相山区人民路代表联络站");
  g_assert_cmpstr (json_object_get_string_member (data_of (record), "kind"), ==, "station");
  g_assert_cmpstr (json_object_get_string_member (data_of (record), "district"), ==, "相山区");
  record = g_ptr_array_index (records, 1);
  g_assert_cmpstr (json_object_get_string_member (record, "kind"), ==, "deputy_group");
  g_assert_cmpstr (json_object_get_string_member (data_of (record), "name"), ==, "农业专业代表小组");
  for (guint i = 2; i < 4; i++)
    {
      record = g_ptr_array_index (records, i);
      g_assert_cmpstr (json_object_get_string_member (record, "kind"), ==, "deputy");
      g_assert_cmpint (json_object_get_int_member (record, "base_version"), ==, 0);
      if (g_strcmp0 (json_object_get_string_member (record, "uuid"), deputy->meta.uuid) == 0)
        {
          JsonObject *d = data_of (record);

          g_assert_cmpstr (json_object_get_string_member (d, "name"), ==, "王建国");
          g_assert_cmpstr (json_object_get_string_member (d, "level"), ==, "provincial");
          g_assert_cmpstr (json_object_get_string_member (d, "group"), ==, group_uuid);
          g_assert_true (json_object_get_null_member (d, "station"));
          g_assert_cmpstr (json_object_get_string_member (d, "specialty"), ==, "");
        }
    }
}

/* Push results */

static void
count_signal (LiaisonStore *store,
              const char   *table,
              guint        *count)
{
  (*count)++;
}


static void
test_push_applied (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(LiaisonReception) reception = save_reception (fixture->store, "路灯");
  g_autoptr(GPtrArray) pushed = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(JsonArray) results = NULL;
  g_autoptr(GError) error = NULL;
  LiaisonSyncCounts counts = { 0 };
  guint changed = 0;
  JsonObject *second;

  enroll_as_station (fixture->store);
  pushed = collect (fixture->store, 100);
  g_assert_cmpuint (pushed->len, ==, 2);
  results = results_for (pushed, "applied");
  /* The second was a resend the server had already. */
  second = json_array_get_object_element (results, 1);
  json_object_set_string_member (second, "status", "duplicate");
  /* Lists show the sync state, so they hear of it. */
  g_signal_connect (fixture->store, "changed::receptions", G_CALLBACK (count_signal), &changed);
  g_assert_true (liaison_store_apply_push_results (fixture->store, pushed, results, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (counts.sent, ==, 2);
  g_assert_cmpuint (counts.rejected + counts.conflicts + counts.received, ==, 0);
  g_assert_cmpint (row_int (fixture->store, "receptions", "sync_state", reception->meta.uuid), ==, 0);
  g_assert_cmpint (row_int (fixture->store, "receptions", "server_version", reception->meta.uuid), ==, 1);
  g_assert_cmpint (liaison_test_query_int (fixture->store,
    "SELECT count(*) FROM suggestions WHERE sync_state = 0 AND server_version = 1"), ==, 1);
  g_assert_cmpuint (liaison_store_count_unsynced (fixture->store, &error), ==, 0);
  again = collect (fixture->store, 100);
  g_assert_cmpuint (again->len, ==, 0);
}

static void
test_push_edited_meanwhile (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(LiaisonReception) reception = save_reception (fixture->store, "路灯");
  g_autoptr(LiaisonReception) edited = NULL;
  g_autoptr(GPtrArray) pushed = NULL;
  g_autoptr(GPtrArray) next = NULL;
  g_autoptr(JsonArray) results = NULL;
  g_autoptr(GError) error = NULL;
  LiaisonSyncCounts counts = { 0 };
  JsonObject *record;

  enroll_as_station (fixture->store);
  pushed = collect (fixture->store, 1);
  results = results_for (pushed, "applied");

  /* A clerk saves an edit while the push is on the wire. */
  edited = liaison_store_get_reception (fixture->store, reception->meta.id, &error);
  g_free (edited->summary);
  edited->summary = g_strdup ("路灯不亮，已两周");
  g_assert_true (liaison_store_save_reception (fixture->store, edited, &error));
  g_assert_no_error (error);

  g_assert_true (liaison_store_apply_push_results (fixture->store, pushed, results, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.sent, ==, 1);
  g_assert_cmpint (row_int (fixture->store, "receptions", "sync_state", reception->meta.uuid), ==, 1);
  g_assert_cmpint (row_int (fixture->store, "receptions", "server_version", reception->meta.uuid), ==, 1);
  g_assert_cmpint (row_int (fixture->store, "receptions", "version", reception->meta.uuid), ==, 2);

  next = collect (fixture->store, 100);
  record = g_ptr_array_index (next, 0);
  g_assert_cmpstr (json_object_get_string_member (record, "uuid"), ==, reception->meta.uuid);
  g_assert_cmpint (json_object_get_int_member (record, "version"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (record, "base_version"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (data_of (record), "summary"), ==, "路灯不亮，已两周");
}

static void
test_push_rejected (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(LiaisonReception) reception = save_reception (fixture->store, "路灯");
  g_autoptr(LiaisonReception) edited = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) fixed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;
  LiaisonSyncCounts counts = { 0 };

  enroll_as_station (fixture->store);
  push_all (fixture->store, "rejected", &counts);
  g_assert_cmpuint (counts.rejected, ==, 2);
  g_assert_cmpuint (counts.sent, ==, 0);
  g_assert_cmpint (row_int (fixture->store, "receptions", "sync_state", reception->meta.uuid), ==, 2);
  reason = row_text (fixture->store, "receptions", "sync_error", reception->meta.uuid);
  g_assert_cmpstr (reason, ==, "Headquarters found it invalid (The summary is empty.)");
  edited = liaison_store_get_reception (fixture->store, reception->meta.id, &error);
  g_assert_cmpint (edited->meta.sync_state, ==, LIAISON_SYNC_STATE_ERROR);
  g_assert_cmpstr (edited->meta.sync_error, ==, "Headquarters found it invalid (The summary is empty.)");

  /* Not sent again, but still unsynced: leaving would lose them. */
  after = collect (fixture->store, 100);
  g_assert_cmpuint (after->len, ==, 0);
  g_assert_cmpuint (liaison_store_count_unsynced (fixture->store, &error), ==, 2);

  /* An edit sends it again. */
  g_free (edited->summary);
  edited->summary = g_strdup ("小区路灯不亮");
  g_assert_true (liaison_store_save_reception (fixture->store, edited, &error));
  fixed = collect (fixture->store, 100);
  g_assert_cmpuint (fixed->len, >=, 1);
  g_assert_cmpstr (json_object_get_string_member (g_ptr_array_index (fixed, 0), "uuid"), ==, reception->meta.uuid);
  g_assert_cmpint (json_object_get_int_member (g_ptr_array_index (fixed, 0), "base_version"), ==, 0);
  g_assert_null (row_text (fixture->store, "receptions", "sync_error", reception->meta.uuid));
}

static void
test_push_conflict_owner (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(LiaisonReception) reception = save_reception (fixture->store, "路灯");
  g_autoptr(GPtrArray) pushed = NULL;
  g_autoptr(GPtrArray) next = NULL;
  g_autoptr(JsonArray) results = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *station_uuid = liaison_test_local_station_uuid (fixture->store);
  g_autofree char *server_data = reception_data (station_uuid, "服务器上的摘要");
  g_autofree char *current = wire ("reception", reception->meta.uuid, 5, FALSE, server_data);
  g_autofree char *summary = NULL;
  g_autofree char *json = NULL;
  LiaisonSyncCounts counts = { 0 };
  const LiaisonConflict *conflict;

  enroll_as_station (fixture->store);
  pushed = collect (fixture->store, 1);
  json = g_strdup_printf ("[{\"uuid\": \"%s\", \"kind\": \"reception\", \"status\": \"conflict\","
                          " \"version\": 5, \"current\": %s}]", reception->meta.uuid, current);
  results = parse_array (json);
  g_assert_true (liaison_store_apply_push_results (fixture->store, pushed, results, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.conflicts, ==, 1);
  g_assert_cmpuint (counts.sent, ==, 0);

  /* The station owns receptions: its value stays, to be sent again on
   * top of the server's version. */
  summary = row_text (fixture->store, "receptions", "summary", reception->meta.uuid);
  g_assert_cmpstr (summary, ==, "路灯");
  g_assert_cmpint (row_int (fixture->store, "receptions", "sync_state", reception->meta.uuid), ==, 1);
  g_assert_cmpint (row_int (fixture->store, "receptions", "server_version", reception->meta.uuid), ==, 5);
  g_assert_cmpint (row_int (fixture->store, "receptions", "version", reception->meta.uuid), ==, 6);
  next = collect (fixture->store, 1);
  g_assert_cmpint (json_object_get_int_member (g_ptr_array_index (next, 0), "version"), ==, 6);
  g_assert_cmpint (json_object_get_int_member (g_ptr_array_index (next, 0), "base_version"), ==, 5);

  conflicts = liaison_store_list_conflicts (fixture->store, "reception", reception->meta.uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 1);
  conflict = g_ptr_array_index (conflicts, 0);
  g_assert_cmpstr (conflict->kind, ==, "reception");
  g_assert_cmpstr (conflict->uuid, ==, reception->meta.uuid);
  g_assert_cmpstr (conflict->rule, ==, LIAISON_CONFLICT_RULE_KEPT_LOCAL);
  g_assert_cmpint (conflict->local_version, ==, 1);
  g_assert_cmpint (conflict->server_version, ==, 5);
  g_assert_nonnull (strstr (conflict->server_json, "服务器上的摘要"));
  g_assert_nonnull (strstr (conflict->local_json, "路灯"));
  g_assert_null (strstr (conflict->local_json, "服务器上的摘要"));
  g_assert_nonnull (conflict->created_at);
  g_assert_nonnull (liaison_conflict_rule_label (conflict->rule));
}

static void
test_push_conflict_not_owner (Fixture       *fixture,
                              gconstpointer  data)
{
  gint64 deputy_id = liaison_test_add_deputy (fixture->store, "李秀兰", LIAISON_DEPUTY_LEVEL_COUNTY);
  g_autoptr(LiaisonDeputy) deputy = NULL;
  g_autoptr(LiaisonDeputy) after = NULL;
  g_autoptr(GPtrArray) pushed = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  g_autoptr(JsonArray) results = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sent = NULL;
  g_autofree char *server_data = deputy_data ("李秀兰（更正）", NULL, NULL);
  g_autofree char *current = NULL;
  g_autofree char *json = NULL;
  LiaisonSyncCounts counts = { 0 };
  const LiaisonConflict *conflict;

  deputy = liaison_store_get_deputy (fixture->store, deputy_id, &error);
  enroll_as_station (fixture->store);
  /* A deputy edited at the station, sent by hand: the station does not
   * own deputies, so the server's answer wins. */
  sent = wire ("deputy", deputy->meta.uuid, 1, FALSE, "{\"name\": \"李秀兰\"}");
  g_ptr_array_add (pushed, parse_object (sent));
  current = wire ("deputy", deputy->meta.uuid, 3, FALSE, server_data);
  json = g_strdup_printf ("[{\"uuid\": \"%s\", \"kind\": \"deputy\", \"status\": \"conflict\","
                          " \"version\": 3, \"current\": %s}]", deputy->meta.uuid, current);
  results = parse_array (json);
  g_assert_true (liaison_store_apply_push_results (fixture->store, pushed, results, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.conflicts, ==, 1);

  after = liaison_store_get_deputy (fixture->store, deputy_id, &error);
  g_assert_cmpstr (after->name, ==, "李秀兰（更正）");
  g_assert_cmpint (after->level, ==, LIAISON_DEPUTY_LEVEL_CITY);
  g_assert_cmpstr (after->specialty, ==, "农业");
  g_assert_cmpint (after->meta.version, ==, 3);
  g_assert_cmpint (after->meta.sync_state, ==, LIAISON_SYNC_STATE_SYNCED);
  g_assert_cmpint (row_int (fixture->store, "deputies", "server_version", deputy->meta.uuid), ==, 3);

  conflicts = liaison_store_list_conflicts (fixture->store, "deputy", deputy->meta.uuid, &error);
  g_assert_cmpuint (conflicts->len, ==, 1);
  conflict = g_ptr_array_index (conflicts, 0);
  g_assert_cmpstr (conflict->rule, ==, LIAISON_CONFLICT_RULE_TOOK_SERVER);
  g_assert_nonnull (strstr (conflict->local_json, "李秀兰"));
  g_assert_null (strstr (conflict->local_json, "更正"));
  g_assert_nonnull (strstr (conflict->server_json, "李秀兰（更正）"));
}

static void
test_push_malformed (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(LiaisonReception) reception = save_reception (fixture->store, "路灯");
  g_autoptr(GPtrArray) pushed = NULL;
  const char *bad_second[] = {
    "{\"status\": \"applied\", \"version\": 1}",                                 /* no uuid */
    "{\"uuid\": \"%s\", \"kind\": \"suggestion\", \"status\": \"fine\", \"version\": 1}",
    "{\"uuid\": \"%s\", \"kind\": \"suggestion\", \"status\": \"applied\", \"version\": \"1\"}",
    "{\"uuid\": \"%s\", \"kind\": \"suggestion\", \"status\": \"applied\", \"version\": 9}",
    "{\"uuid\": \"%s\", \"kind\": \"suggestion\", \"status\": \"rejected\", \"code\": \"invalid\"}",
    "{\"uuid\": \"%s\", \"kind\": \"suggestion\", \"status\": \"conflict\", \"version\": 4}",
    "{\"uuid\": \"%s\", \"kind\": \"reception\", \"status\": \"applied\", \"version\": 1}",
    "{\"uuid\": \"wrong\", \"kind\": \"suggestion\", \"status\": \"applied\", \"version\": 1}",
    "[]",
  };
  JsonObject *first;
  const char *second_uuid;

  enroll_as_station (fixture->store);
  pushed = collect (fixture->store, 100);
  g_assert_cmpuint (pushed->len, ==, 2);
  first = g_ptr_array_index (pushed, 0);
  second_uuid = json_object_get_string_member (g_ptr_array_index (pushed, 1), "uuid");

  for (guint i = 0; i < G_N_ELEMENTS (bad_second) + 1; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonArray) results = NULL;
      g_autofree char *json = NULL;
      LiaisonSyncCounts counts = { 0 };

      if (i < G_N_ELEMENTS (bad_second))
        {
          g_autofree char *second = NULL;

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
          second = g_strdup_printf (bad_second[i], second_uuid);
#pragma GCC diagnostic pop
          /* A good first result, then a bad one: the first is undone. */
          json = g_strdup_printf ("[{\"uuid\": \"%s\", \"kind\": \"reception\", \"status\": \"applied\","
                                  " \"version\": 1}, %s]", json_object_get_string_member (first, "uuid"), second);
        }
      else
        /* One result for two records. */
        json = g_strdup_printf ("[{\"uuid\": \"%s\", \"kind\": \"reception\", \"status\": \"applied\","
                                " \"version\": 1}]", json_object_get_string_member (first, "uuid"));
      results = parse_array (json);
      g_assert_false (liaison_store_apply_push_results (fixture->store, pushed, results, &counts, &error));
      g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID);
      g_test_message ("bad result %u: %s", i, error->message);
      g_assert_nonnull (strstr (error->message, "nothing was saved"));
      g_assert_cmpuint (counts.sent, ==, 0);
      g_assert_cmpint (liaison_test_query_int (fixture->store,
        "SELECT count(*) FROM receptions WHERE sync_state = 1 AND server_version = 0"), ==, 1);
      g_assert_cmpint (liaison_test_query_int (fixture->store,
        "SELECT count(*) FROM suggestions WHERE sync_state = 1 AND server_version = 0"), ==, 1);
      g_assert_cmpint (liaison_test_count_rows (fixture->store, "sync_conflicts"), ==, 0);
    }
}

/* Pull */

static void
test_pull_reference_data (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *station_uuid = liaison_test_local_station_uuid (fixture->store);
  g_autofree char *d1 = deputy_data ("陈静", GROUP_1, NULL);
  g_autofree char *d1_station = NULL;
  g_autofree char *d2 = deputy_data ("陈静（新）", GROUP_1, OTHER_STATION);
  g_autofree char *d_old = deputy_data ("陈静（旧）", NULL, NULL);
  g_autoptr(LiaisonDeputy) deputy = NULL;
  g_autoptr(GPtrArray) units = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GError) error = NULL;
  LiaisonSyncCounts counts = { 0 };
  guint deputies_changed = 0;
  gint64 deputy_id;

  enroll_as_station (fixture->store);
  d1_station = deputy_data ("陈静", GROUP_1, station_uuid);
  g_signal_connect (fixture->store, "changed::deputies", G_CALLBACK (count_signal), &deputies_changed);

  /* The deputy comes first in the page, before the group it is in. */
  pull (fixture->store,
        page (wire ("deputy", DEPUTY_1, 1, FALSE, d1_station),
              wire ("deputy_group", GROUP_1, 1, FALSE, "{\"name\": \"农业专业代表小组\"}"),
              wire ("unit", UNIT_1, 2, FALSE, "{\"name\": \"市住房和城乡建设局\", \"kind\": \"department\"}"),
              wire ("station", OTHER_STATION, 1, FALSE,
                    "{\"name\": \"烈山区代表之家\", \"kind\": \"home\", \"district\": \"烈山区\"}"),
              wire ("category", "6c1a7e00-0000-4000-8000-000000000011", 1, FALSE,
                    "{\"code\": \"elderly_care\", \"name\": \"Elderly care\", \"name_zh\": \"养老服务\", \"position\": 10}"),
              NULL),
        40, &counts);
  g_assert_cmpuint (counts.received, ==, 5);
  g_assert_cmpuint (counts.conflicts, ==, 0);
  g_assert_cmpint (liaison_store_get_checkpoint (fixture->store), ==, 40);
  g_assert_cmpuint (deputies_changed, ==, 1);

  deputy_id = row_int (fixture->store, "deputies", "id", DEPUTY_1);
  deputy = liaison_store_get_deputy (fixture->store, deputy_id, &error);
  g_assert_cmpstr (deputy->name, ==, "陈静");
  g_assert_cmpstr (deputy->group_name, ==, "农业专业代表小组");
  g_assert_cmpstr (deputy->station_name, ==, "人民路代表联络站");
  g_assert_cmpint (deputy->meta.version, ==, 1);
  g_assert_cmpint (deputy->meta.sync_state, ==, LIAISON_SYNC_STATE_SYNCED);
  g_assert_cmpint (row_int (fixture->store, "deputies", "server_version", DEPUTY_1), ==, 1);
  units = liaison_store_list_units (fixture->store, &error);
  g_assert_cmpuint (units->len, ==, 1);
  g_assert_cmpstr (((LiaisonUnit *) g_ptr_array_index (units, 0))->name, ==, "市住房和城乡建设局");
  g_assert_cmpstr (((LiaisonUnit *) g_ptr_array_index (units, 0))->kind, ==, "department");
  g_assert_cmpint (((LiaisonUnit *) g_ptr_array_index (units, 0))->meta.version, ==, 2);
  g_assert_cmpint (liaison_store_find_category (fixture->store, "养老服务"), >, 0);
  g_assert_cmpint (row_int (fixture->store, "stations", "sync_state", OTHER_STATION), ==, 0);
  /* Nothing pulled waits to be pushed. */
  g_assert_cmpuint (liaison_store_count_unsynced (fixture->store, &error), ==, 0);

  /* Newer replaces; older and equal change nothing. */
  memset (&counts, 0, sizeof counts);
  pull (fixture->store, page (wire ("deputy", DEPUTY_1, 2, FALSE, d2), NULL), 41, &counts);
  pull (fixture->store, page (wire ("deputy", DEPUTY_1, 1, FALSE, d_old), NULL), 42, &counts);
  pull (fixture->store, page (wire ("deputy", DEPUTY_1, 2, FALSE, d_old), NULL), 43, &counts);
  g_assert_cmpuint (counts.received, ==, 1);
  g_assert_cmpint (liaison_store_get_checkpoint (fixture->store), ==, 43);
  g_clear_pointer (&deputy, liaison_deputy_free);
  deputy = liaison_store_get_deputy (fixture->store, deputy_id, &error);
  g_assert_cmpstr (deputy->name, ==, "陈静（新）");
  g_assert_cmpstr (deputy->station_name, ==, "烈山区代表之家");
  g_assert_cmpint (deputy->meta.version, ==, 2);

  /* A reference to a record not here yet gets an invisible stand-in, which
   * the real record replaces when it comes in a later page: the link holds. */
  g_clear_pointer (&d2, g_free);
  d2 = deputy_data ("陈静", "9a000000-0000-4000-8000-0000000000ff", NULL);
  pull (fixture->store, page (wire ("deputy", DEPUTY_2, 1, FALSE, d2), NULL), 44, &counts);
  g_assert_cmpint (liaison_test_query_int (fixture->store,
    "SELECT count(*) FROM deputies d JOIN deputy_groups g ON g.id = d.group_id"
    " WHERE d.uuid = '" DEPUTY_2 "' AND g.uuid = '9a000000-0000-4000-8000-0000000000ff'"
    " AND g.deleted = 1 AND g.version = 0"), ==, 1);
  pull (fixture->store,
        page (wire ("deputy_group", "9a000000-0000-4000-8000-0000000000ff", 1, FALSE,
                    "{\"name\": \"电子商务专业代表小组\"}"), NULL), 44, &counts);
  g_assert_cmpint (liaison_test_query_int (fixture->store,
    "SELECT count(*) FROM deputies d JOIN deputy_groups g ON g.id = d.group_id"
    " WHERE d.uuid = '" DEPUTY_2 "' AND g.name = '电子商务专业代表小组' AND g.deleted = 0"), ==, 1);

  /* A tombstone, with empty data. */
  pull (fixture->store, page (wire ("deputy_group", GROUP_1, 2, TRUE, "{}"), NULL), 45, &counts);
  g_assert_cmpint (row_int (fixture->store, "deputy_groups", "deleted", GROUP_1), ==, 1);
  g_assert_cmpint (row_int (fixture->store, "deputy_groups", "version", GROUP_1), ==, 2);
  groups = liaison_store_list_deputy_groups (fixture->store, &error);
  g_assert_cmpuint (groups->len, ==, 1);
  g_assert_cmpstr (((LiaisonDeputyGroup *) g_ptr_array_index (groups, 0))->name, ==, "电子商务专业代表小组");
  /* ... and one for a record never here is skipped. */
  pull (fixture->store, page (wire ("unit", "9e000000-0000-4000-8000-0000000000ff", 3, TRUE, "{}"), NULL),
        46, &counts);
  g_assert_cmpint (liaison_test_count_rows (fixture->store, "units"), ==, 1);
}

static void
test_pull_receptions (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *r1 = reception_data (OTHER_STATION, "人民路口红绿灯时间太短");
  g_autofree char *r2 = reception_data (OTHER_STATION, "人民路口红绿灯时间太短");
  g_autofree char *d1 = deputy_data ("陈静", NULL, OTHER_STATION);
  g_autofree char *s1 = g_strdup_printf ("{\"reception\": \"" RECEPTION_1 "\", \"station\": \"" OTHER_STATION "\","
                                         " \"category\": \"" CATEGORY_1 "\", \"title\": \"延长绿灯\","
                                         " \"content\": \"建议延长行人绿灯时间\", \"raised_by\": \"赵敏\","
                                         " \"status\": \"registered\", \"created_at\": \"2024-03-05T01:35:00Z\"}");
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonSuggestion) suggestion = NULL;
  LiaisonReceptionFilter search = { .search = (char *) "红绿灯" };
  LiaisonReceptionFilter by_visitor = { .search = (char *) "凤凰山" };
  LiaisonReceptionFilter by_deputy = { .search = (char *) "陈静" };
  LiaisonSyncCounts counts = { 0 };
  guint live;

  enroll (fixture->store, SERVER_A, "hq", NULL);
  live = liaison_store_count_receptions (fixture->store, NULL, &error);
  pull (fixture->store,
        page (wire ("suggestion", SUGGESTION_1, 1, FALSE, s1),
              wire ("reception", RECEPTION_1, 1, FALSE, r1),
              wire ("deputy", DEPUTY_1, 1, FALSE, d1),
              wire ("station", OTHER_STATION, 1, FALSE,
                    "{\"name\": \"烈山区代表之家\", \"kind\": \"home\", \"district\": \"烈山区\"}"),
              NULL),
        12, &counts);
  g_assert_cmpuint (counts.received, ==, 4);

  /* Visitors, both deputies (the one not here yet as a stand-in, which a
   * later page fills in), the search index and the live total. */
  g_assert_cmpint (liaison_test_query_int (fixture->store,
    "SELECT count(*) FROM reception_visitors v JOIN receptions r ON r.id = v.reception_id"
    " WHERE r.uuid = '" RECEPTION_1 "'"), ==, 2);
  /* Headquarters' desk keeps the phone masked, even from a server that
   * sent it whole (docs/privacy.md, "Headquarters and contacts"). */
  g_assert_cmpint (liaison_test_query_int (fixture->store,
    "SELECT count(*) FROM reception_visitors v JOIN receptions r ON r.id = v.reception_id"
    " WHERE r.uuid = '" RECEPTION_1 "' AND v.phone = '139****5678'"), ==, 1);
  g_assert_cmpint (liaison_test_query_int (fixture->store,
    "SELECT count(*) FROM reception_visitors v JOIN receptions r ON r.id = v.reception_id"
    " WHERE r.uuid = '" RECEPTION_1 "' AND v.phone LIKE '%12345678%'"), ==, 0);
  g_assert_cmpint (liaison_test_query_int (fixture->store,
    "SELECT count(*) FROM reception_deputies rd JOIN receptions r ON r.id = rd.reception_id"
    " JOIN deputies d ON d.id = rd.deputy_id WHERE r.uuid = '" RECEPTION_1 "' AND d.uuid = '" DEPUTY_1 "'"), ==, 1);
  g_assert_cmpint (liaison_test_query_int (fixture->store,
    "SELECT count(*) FROM reception_deputies"), ==, 2);
  g_assert_cmpint (liaison_test_query_int (fixture->store,
    "SELECT count(*) FROM reception_deputies rd JOIN deputies d ON d.id = rd.deputy_id"
    " WHERE d.deleted = 1 AND d.version = 0"), ==, 1);
  g_assert_cmpuint (liaison_store_count_receptions (fixture->store, NULL, &error), ==, live + 1);
  g_assert_cmpuint (liaison_store_count_receptions (fixture->store, &search, &error), ==, 1);
  g_assert_cmpuint (liaison_store_count_receptions (fixture->store, &by_visitor, &error), ==, 1);
  g_assert_cmpuint (liaison_store_count_receptions (fixture->store, &by_deputy, &error), ==, 1);
  /* Written held, the reception got its people's text and total once, at
   * the end of the page (schema 21). */
  g_assert_cmpint (row_int (fixture->store, "receptions", "visitors_total", RECEPTION_1), ==, 3);
  g_assert_cmpint (row_int (fixture->store, "receptions", "search_held", RECEPTION_1), ==, 0);
  g_assert_cmpint (liaison_test_query_int (fixture->store,
    "SELECT count(*) FROM receptions WHERE uuid = '" RECEPTION_1 "'"
    " AND search_visitors = '赵敏 翠竹园社区 凤凰山村' AND search_deputies = '陈静 '"), ==, 1);
  g_assert_cmpint (row_int (fixture->store, "receptions", "station_id", RECEPTION_1), ==,
                   row_int (fixture->store, "stations", "id", OTHER_STATION));
  g_assert_cmpint (row_int (fixture->store, "receptions", "handled_on_spot", RECEPTION_1), ==, 1);
  suggestion = liaison_store_get_suggestion (fixture->store,
                                             row_int (fixture->store, "suggestions", "id", SUGGESTION_1), &error);
  g_assert_no_error (error);
  g_assert_cmpint (suggestion->reception_id, ==, row_int (fixture->store, "receptions", "id", RECEPTION_1));
  g_assert_cmpstr (suggestion->title, ==, "延长绿灯");
  g_assert_cmpint (suggestion->meta.sync_state, ==, LIAISON_SYNC_STATE_SYNCED);
  /* Headquarters does not push receptions: only the station of the
   * first-run page waits, since headquarters owns stations. */
  g_assert_cmpuint (liaison_store_count_unsynced (fixture->store, &error), ==, 1);

  /* The reception is deleted at its station. */
  pull (fixture->store, page (wire ("reception", RECEPTION_1, 2, TRUE, r2), NULL), 13, &counts);
  g_assert_cmpint (row_int (fixture->store, "receptions", "deleted", RECEPTION_1), ==, 1);
  g_assert_cmpuint (liaison_store_count_receptions (fixture->store, NULL, &error), ==, live);
  g_assert_cmpuint (liaison_store_count_receptions (fixture->store, &search, &error), ==, 0);
  g_assert_cmpint (liaison_test_query_int (fixture->store, "SELECT live FROM reception_totals"), ==, live);
}

/* The feed lists each record at its latest change, so a suggestion can come
 * pages before its reception, and a reception before its station. The
 * links hold once every page is in, and nothing half-received shows. */
static void
test_pull_out_of_order (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *r1 = reception_data (OTHER_STATION, "人民路口红绿灯时间太短");
  g_autofree char *s1 = g_strdup_printf ("{\"reception\": \"" RECEPTION_1 "\", \"station\": \"" OTHER_STATION "\","
                                         " \"category\": \"" CATEGORY_1 "\", \"title\": \"延长绿灯\","
                                         " \"content\": \"建议延长行人绿灯时间\", \"raised_by\": \"赵敏\","
                                         " \"status\": \"registered\", \"created_at\": \"2024-03-05T01:35:00Z\"}");
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonReception) reception = NULL;
  LiaisonSyncCounts counts = { 0 };
  guint live;

  enroll (fixture->store, SERVER_A, "hq", NULL);
  live = liaison_store_count_receptions (fixture->store, NULL, &error);

  pull (fixture->store, page (wire ("suggestion", SUGGESTION_1, 1, FALSE, s1), NULL), 50, &counts);
  /* The reception is only a stand-in so far: not listed, not counted. */
  g_assert_cmpuint (liaison_store_count_receptions (fixture->store, NULL, &error), ==, live);
  g_assert_cmpint (row_int (fixture->store, "receptions", "deleted", RECEPTION_1), ==, 1);

  pull (fixture->store, page (wire ("reception", RECEPTION_1, 1, FALSE, r1), NULL), 51, &counts);
  g_assert_cmpuint (liaison_store_count_receptions (fixture->store, NULL, &error), ==, live + 1);
  g_assert_cmpint (row_int (fixture->store, "suggestions", "reception_id", SUGGESTION_1), ==,
                   row_int (fixture->store, "receptions", "id", RECEPTION_1));

  pull (fixture->store,
        page (wire ("station", OTHER_STATION, 3, FALSE,
                    "{\"name\": \"烈山区代表之家\", \"kind\": \"home\", \"district\": \"烈山区\"}"),
              NULL),
        52, &counts);
  reception = liaison_store_get_reception (fixture->store, row_int (fixture->store, "receptions", "id", RECEPTION_1),
                                           &error);
  g_assert_no_error (error);
  g_assert_cmpstr (reception->station_name, ==, "烈山区代表之家");
  g_assert_cmpuint (reception->suggestions->len, ==, 1);
  g_assert_cmpuint (counts.received, ==, 3);
}

static void
test_pull_conflicts (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(LiaisonReception) reception = save_reception (fixture->store, "路灯");
  gint64 deputy_id = liaison_store_find_deputy (fixture->store, "张伟");
  g_autoptr(LiaisonDeputy) deputy = NULL;
  g_autoptr(LiaisonDeputy) after = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *station_uuid = liaison_test_local_station_uuid (fixture->store);
  g_autofree char *server_reception = reception_data (station_uuid, "服务器上的摘要");
  g_autofree char *server_deputy = deputy_data ("张伟（市）", NULL, NULL);
  g_autofree char *summary = NULL;
  LiaisonSyncCounts counts = { 0 };

  deputy = liaison_store_get_deputy (fixture->store, deputy_id, &error);
  enroll_as_station (fixture->store);

  /* The reception (owned here) and the deputy (owned by headquarters)
   * both have unsent local edits when the server's versions arrive. */
  pull (fixture->store,
        page (wire ("reception", reception->meta.uuid, 2, FALSE, server_reception),
              wire ("deputy", deputy->meta.uuid, 4, FALSE, server_deputy),
              NULL),
        20, &counts);
  g_assert_cmpuint (counts.conflicts, ==, 2);
  g_assert_cmpuint (counts.received, ==, 0);
  g_assert_cmpint (liaison_store_get_checkpoint (fixture->store), ==, 20);

  summary = row_text (fixture->store, "receptions", "summary", reception->meta.uuid);
  g_assert_cmpstr (summary, ==, "路灯");
  g_assert_cmpint (row_int (fixture->store, "receptions", "sync_state", reception->meta.uuid), ==, 1);
  g_assert_cmpint (row_int (fixture->store, "receptions", "server_version", reception->meta.uuid), ==, 2);
  g_assert_cmpint (row_int (fixture->store, "receptions", "version", reception->meta.uuid), ==, 3);
  conflicts = liaison_store_list_conflicts (fixture->store, "reception", reception->meta.uuid, &error);
  g_assert_cmpuint (conflicts->len, ==, 1);
  g_assert_cmpstr (((LiaisonConflict *) g_ptr_array_index (conflicts, 0))->rule, ==, LIAISON_CONFLICT_RULE_KEPT_LOCAL);
  g_assert_nonnull (strstr (((LiaisonConflict *) g_ptr_array_index (conflicts, 0))->server_json, "服务器上的摘要"));
  g_assert_nonnull (strstr (((LiaisonConflict *) g_ptr_array_index (conflicts, 0))->local_json, "\"路灯\""));
  g_clear_pointer (&conflicts, g_ptr_array_unref);

  after = liaison_store_get_deputy (fixture->store, deputy_id, &error);
  g_assert_cmpstr (after->name, ==, "张伟（市）");
  g_assert_cmpint (after->meta.version, ==, 4);
  g_assert_cmpint (after->meta.sync_state, ==, LIAISON_SYNC_STATE_SYNCED);
  conflicts = liaison_store_list_conflicts (fixture->store, "deputy", deputy->meta.uuid, &error);
  g_assert_cmpuint (conflicts->len, ==, 1);
  g_assert_cmpstr (((LiaisonConflict *) g_ptr_array_index (conflicts, 0))->rule, ==, LIAISON_CONFLICT_RULE_TOOK_SERVER);
  g_assert_nonnull (strstr (((LiaisonConflict *) g_ptr_array_index (conflicts, 0))->local_json, "\"张伟\""));
  g_assert_cmpint (((LiaisonConflict *) g_ptr_array_index (conflicts, 0))->local_version, ==, 1);
  g_assert_cmpint (((LiaisonConflict *) g_ptr_array_index (conflicts, 0))->server_version, ==, 4);
  g_clear_pointer (&conflicts, g_ptr_array_unref);

  /* The server's version 2 again (the feed holds what we based on) is no
   * news for the pending reception: no second conflict. */
  pull (fixture->store, page (wire ("reception", reception->meta.uuid, 2, FALSE, server_reception), NULL),
        21, &counts);
  g_assert_cmpuint (counts.conflicts, ==, 2);
  g_assert_cmpint (liaison_test_count_rows (fixture->store, "sync_conflicts"), ==, 2);

  /* After the resend is acknowledged, the echo of it in the feed is
   * ignored too. */
  push_all (fixture->store, "applied", &counts);
  g_assert_cmpint (row_int (fixture->store, "receptions", "sync_state", reception->meta.uuid), ==, 0);
  pull (fixture->store, page (wire ("reception", reception->meta.uuid, 3, FALSE, server_reception), NULL),
        22, &counts);
  g_free (summary);
  summary = row_text (fixture->store, "receptions", "summary", reception->meta.uuid);
  g_assert_cmpstr (summary, ==, "路灯");
}

/* Each bad change is set aside, kept as it came with its reason; the good
 * one of its page is written and the checkpoint moves. */
static void
test_pull_malformed (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *good_deputy = deputy_data ("陈静", NULL, NULL);
  g_autofree char *good_reception = reception_data (OTHER_STATION, "摘要");
  const char *bad[] = {
    "{\"kind\": \"deputy\", \"uuid\": \"" DEPUTY_2 "\", \"version\": \"2\", \"updated_at\": \"x\","
    " \"deleted\": false, \"data\": %s}",
    "{\"kind\": \"deputy\", \"uuid\": \"" DEPUTY_2 "\", \"version\": 2, \"updated_at\": \"x\","
    " \"deleted\": false}",
    "{\"kind\": \"motion\", \"uuid\": \"" DEPUTY_2 "\", \"version\": 2, \"updated_at\": \"x\","
    " \"deleted\": false, \"data\": %s}",
    "{\"kind\": \"deputy\", \"version\": 2, \"updated_at\": \"x\", \"deleted\": false, \"data\": %s}",
    "{\"kind\": \"deputy\", \"uuid\": \"" DEPUTY_2 "\", \"version\": 2, \"updated_at\": \"x\","
    " \"deleted\": \"no\", \"data\": %s}",
    "{\"kind\": \"deputy\", \"uuid\": \"" DEPUTY_2 "\", \"version\": 0, \"updated_at\": \"x\","
    " \"deleted\": false, \"data\": %s}",
    "{\"kind\": \"deputy\", \"uuid\": \"" DEPUTY_2 "\", \"version\": 2, \"updated_at\": \"x\","
    " \"deleted\": false, \"data\": {\"name\": 5, \"level\": \"city\", \"group\": null, \"station\": null,"
    " \"specialty\": \"\", \"phone\": \"\"}}",
    "{\"kind\": \"deputy\", \"uuid\": \"" DEPUTY_2 "\", \"version\": 2, \"updated_at\": \"x\","
    " \"deleted\": false, \"data\": {\"name\": \"陈\", \"level\": \"mayor\", \"group\": null, \"station\": null,"
    " \"specialty\": \"\", \"phone\": \"\"}}",
    "{\"kind\": \"deputy\", \"uuid\": \"" DEPUTY_2 "\", \"version\": 2, \"updated_at\": \"x\","
    " \"deleted\": false, \"data\": {\"name\": \"陈\", \"level\": \"city\", \"group\": 3, \"station\": null,"
    " \"specialty\": \"\", \"phone\": \"\"}}",
    "{\"kind\": \"unit\", \"uuid\": \"" UNIT_1 "\", \"version\": 1, \"updated_at\": \"x\","
    " \"deleted\": false, \"data\": {\"name\": \"某局\", \"kind\": \"ministry\"}}",
    "{\"kind\": \"reception\", \"uuid\": \"" RECEPTION_1 "\", \"version\": 1, \"updated_at\": \"x\","
    " \"deleted\": false, \"data\": {\"summary\": \"x\"}}",
    "{\"kind\": \"reception\", \"uuid\": \"" RECEPTION_1 "\", \"version\": 1, \"updated_at\": \"x\","
    " \"deleted\": false, \"data\": {\"received_at\": \"2024-03-05 09:30\", \"station\": \"" OTHER_STATION "\","
    " \"channel\": \"walk_in\", \"category\": \"" CATEGORY_1 "\", \"summary\": \"x\", \"handled_on_spot\": false,"
    " \"handling\": \"\", \"deputies\": [], \"visitors\": [{\"name\": \"a\", \"phone\": \"\", \"community\": \"\","
    " \"party_size\": 0, \"consent\": false}]}}",
    "[1, 2]",
    "\"reception\"",
  };
  g_autoptr(GError) error = NULL;
  LiaisonSyncCounts counts = { 0 };
  gint64 deputies;
  gint64 receptions;
  gint64 units;

  enroll_as_station (fixture->store);
  pull (fixture->store, page (wire ("deputy", DEPUTY_1, 1, FALSE, good_deputy), NULL), 30, &counts);
  deputies = liaison_test_count_rows (fixture->store, "deputies");
  receptions = liaison_test_count_rows (fixture->store, "receptions");
  units = liaison_test_count_rows (fixture->store, "units");

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *bad_json = NULL;
      g_autofree char *good_json = NULL;
      g_autofree char *json = NULL;
      g_autoptr(JsonArray) changes = NULL;
      LiaisonSyncCounts these = { 0 };

      g_clear_error (&error);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
      bad_json = g_strdup_printf (bad[i], strstr (bad[i], "reception") ? good_reception : good_deputy);
#pragma GCC diagnostic pop
      /* A good change first: it must not be written either. */
      good_json = wire ("deputy", DEPUTY_1, 2, FALSE, "{\"name\": \"陈静（新）\", \"level\": \"city\","
                        " \"group\": null, \"station\": null, \"specialty\": \"\", \"phone\": \"\"}");
      json = g_strdup_printf ("[%s, %s]", good_json, bad_json);
      changes = parse_array (json);
      g_assert_true (liaison_store_apply_pulled (fixture->store, changes, 99, &these, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (these.received, ==, i == 0 ? 1 : 0);
      g_assert_cmpuint (these.set_aside, ==, 1);
      g_assert_cmpint (liaison_store_get_checkpoint (fixture->store), ==, 99);
      g_assert_cmpint (liaison_test_count_rows (fixture->store, "deputies"), ==, deputies);
      g_assert_cmpint (liaison_test_count_rows (fixture->store, "receptions"), ==, receptions);
      g_assert_cmpint (liaison_test_count_rows (fixture->store, "units"), ==, units);
      g_assert_cmpint (row_int (fixture->store, "deputies", "version", DEPUTY_1), ==, 2);
      {
        g_autoptr(GPtrArray) set_aside = liaison_store_list_quarantined (fixture->store, &error);
        const LiaisonQuarantined *entry;

        g_assert_no_error (error);
        g_assert_cmpuint (set_aside->len, ==, i + 1);
        entry = g_ptr_array_index (set_aside, 0);
        g_test_message ("bad change %u: %s", i, entry->reason);
        g_assert_nonnull (strstr (entry->reason, "Change 2 of its page"));
        {
          g_autoptr(JsonNode) kept = json_from_string (entry->text, NULL);
          g_autoptr(JsonNode) sent = json_from_string (bad_json, NULL);

          g_assert_true (json_node_equal (kept, sent));
        }
      }
    }

  /* A negative checkpoint, and no list at all. */
  g_clear_error (&error);
  g_assert_false (liaison_store_apply_pulled (fixture->store, NULL, 31, &counts, &error));
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID);
  g_clear_error (&error);
  {
    g_autoptr(JsonArray) empty = json_array_new ();

    g_assert_false (liaison_store_apply_pulled (fixture->store, empty, -1, &counts, &error));
    g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID);
    g_clear_error (&error);
    /* An empty page moves the checkpoint alone. */
    g_assert_true (liaison_store_apply_pulled (fixture->store, empty, 31, &counts, &error));
    g_assert_no_error (error);
    g_assert_cmpint (liaison_store_get_checkpoint (fixture->store), ==, 31);
  }
}

/* Enrollment */

static void
test_adopt_enrollment (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(LiaisonReception) reception = save_reception (fixture->store, "路灯");
  g_autofree char *old_uuid = liaison_test_local_station_uuid (fixture->store);
  g_autoptr(LiaisonStation) station = NULL;
  g_autoptr(GPtrArray) pending = NULL;
  g_autoptr(GPtrArray) stations = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *server_id = NULL;
  LiaisonSyncCounts counts = { 0 };
  gint64 station_id;
  JsonObject *record;

  station_id = row_int (fixture->store, "stations", "id", old_uuid);
  enroll (fixture->store, SERVER_A, "station", HQ_STATION);

  /* The first-run station became the server's, in place. */
  station = liaison_store_get_local_station (fixture->store);
  g_assert_nonnull (station);
  g_assert_cmpstr (station->meta.uuid, ==, HQ_STATION);
  g_assert_cmpint (station->meta.id, ==, station_id);
  g_assert_cmpstr (station->name, ==, "人民路代表联络站");
  g_assert_cmpint (station->kind, ==, LIAISON_STATION_KIND_POINT);
  g_assert_cmpstr (station->meta.origin_station_uuid, ==, HQ_STATION);
  g_assert_cmpint (station->meta.sync_state, ==, LIAISON_SYNC_STATE_SYNCED);
  stations = liaison_store_list_stations (fixture->store, &error);
  g_assert_cmpuint (stations->len, ==, 1);
  g_assert_cmpint (liaison_test_query_int (fixture->store,
    "SELECT count(*) FROM receptions WHERE origin_station_uuid = '" HQ_STATION "'"), ==, 1);
  g_assert_cmpint (liaison_test_query_int (fixture->store,
    "SELECT count(*) FROM suggestions WHERE origin_station_uuid = '" HQ_STATION "'"), ==, 1);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM deputies WHERE origin_station_uuid = '%s'",
                                            old_uuid);
    g_assert_cmpint (liaison_test_query_int (fixture->store, sql), ==, 0);
  }

  g_assert_cmpint (liaison_store_get_sync_role (fixture->store), ==, LIAISON_SYNC_ROLE_STATION);
  url = liaison_store_get_server_url (fixture->store);
  g_assert_cmpstr (url, ==, "http://127.0.0.1:8600");
  server_id = liaison_store_get_server_id (fixture->store);
  g_assert_cmpstr (server_id, ==, SERVER_A);
  g_assert_cmpint (liaison_store_get_checkpoint (fixture->store), ==, 0);

  /* What was logged before enrollment now goes out as the new station's. */
  pending = collect (fixture->store, 100);
  g_assert_cmpuint (pending->len, ==, 2);
  record = g_ptr_array_index (pending, 0);
  g_assert_cmpstr (json_object_get_string_member (record, "origin_station"), ==, HQ_STATION);
  g_assert_cmpstr (json_object_get_string_member (data_of (record), "station"), ==, HQ_STATION);

  /* The server's own copy of the station, pulled later, is newer. */
  pull (fixture->store,
        page (wire ("station", HQ_STATION, 1, FALSE,
                    "{\"name\": \"人民路代表联络站（新）\", \"kind\": \"station\", \"district\": \"相山区\"}"),
              NULL),
        3, &counts);
  g_assert_cmpuint (counts.received, ==, 1);
  g_assert_cmpuint (counts.conflicts, ==, 0);
  g_clear_pointer (&station, liaison_station_free);
  station = liaison_store_get_local_station (fixture->store);
  g_assert_cmpstr (station->name, ==, "人民路代表联络站（新）");
}

static void
test_adopt_refused (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(LiaisonReception) reception = save_reception (fixture->store, "路灯");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) other_server = parse_object (
    "{\"token\": \"t\", \"role\": \"station\", \"server_id\": \"" SERVER_B "\", \"station\":"
    " {\"uuid\": \"" OTHER_STATION "\", \"name\": \"烈山区代表之家\", \"kind\": \"home\", \"district\": \"烈山区\"}}");
  g_autoptr(JsonObject) bad_answer = parse_object ("{\"token\": \"t\", \"role\": \"station\", \"server_id\": \"x\"}");
  g_autofree char *server_id = NULL;
  g_autofree char *station_uuid = NULL;
  LiaisonSyncCounts counts = { 0 };

  /* Records from before enrollment do not stop the first one. */
  enroll (fixture->store, SERVER_A, "station", HQ_STATION);
  g_assert_cmpuint (liaison_store_count_unsynced (fixture->store, &error), ==, 2);

  /* The same server and station again (a new token) is fine. */
  enroll (fixture->store, SERVER_A, "station", HQ_STATION);

  g_assert_false (liaison_store_adopt_enrollment (fixture->store, "http://other:8600", other_server, &error));
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2 records"));
  g_clear_error (&error);
  server_id = liaison_store_get_server_id (fixture->store);
  g_assert_cmpstr (server_id, ==, SERVER_A);
  station_uuid = liaison_test_local_station_uuid (fixture->store);
  g_assert_cmpstr (station_uuid, ==, HQ_STATION);

  g_assert_false (liaison_store_leave_server (fixture->store, &error));
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (liaison_store_get_sync_role (fixture->store), ==, LIAISON_SYNC_ROLE_STATION);

  g_assert_false (liaison_store_adopt_enrollment (fixture->store, "http://x", bad_answer, &error));
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Once everything is synced, leaving and enrolling elsewhere work. */
  push_all (fixture->store, "applied", &counts);
  g_assert_cmpuint (liaison_store_count_unsynced (fixture->store, &error), ==, 0);
  g_assert_true (liaison_store_leave_server (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (liaison_store_get_sync_role (fixture->store), ==, LIAISON_SYNC_ROLE_NONE);
  g_assert_null (liaison_store_get_server_url (fixture->store));
  g_assert_null (liaison_store_get_server_id (fixture->store));

  enroll (fixture->store, SERVER_A, "station", HQ_STATION);
  pull (fixture->store, page (NULL, NULL), 50, &counts);
  g_assert_cmpint (liaison_store_get_checkpoint (fixture->store), ==, 50);
  g_assert_true (liaison_store_adopt_enrollment (fixture->store, "http://other:8600", other_server, &error));
  g_assert_no_error (error);
  /* Another server: its feed starts from the beginning. */
  g_assert_cmpint (liaison_store_get_checkpoint (fixture->store), ==, 0);
  g_clear_pointer (&station_uuid, g_free);
  station_uuid = liaison_test_local_station_uuid (fixture->store);
  g_assert_cmpstr (station_uuid, ==, OTHER_STATION);
}

static void
test_count_unsynced (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(LiaisonReception) reception = save_reception (fixture->store, "路灯");
  g_autoptr(GError) error = NULL;
  g_autofree char *station_uuid = liaison_test_local_station_uuid (fixture->store);

  /* Not enrolled: the receptions and suggestions a station will push. */
  g_assert_cmpuint (liaison_store_count_unsynced (fixture->store, &error), ==, 2);
  g_assert_no_error (error);
  g_assert_true (liaison_store_delete_reception (fixture->store, reception->meta.id, &error));
  g_assert_cmpuint (liaison_store_count_unsynced (fixture->store, &error), ==, 2);

  enroll (fixture->store, SERVER_A, "station", station_uuid);
  g_assert_cmpuint (liaison_store_count_unsynced (fixture->store, &error), ==, 2);
  {
    g_autoptr(GPtrArray) pending = collect (fixture->store, 10);

    /* A tombstone goes out like any edit. */
    g_assert_true (json_object_get_boolean_member (g_ptr_array_index (pending, 0), "deleted"));
    g_assert_cmpint (json_object_get_int_member (g_ptr_array_index (pending, 0), "version"), ==, 2);
  }
}

/* The closed loop: events and rules */

#define EVENT_1 "9f200000-0000-4000-8000-000000000001"
#define EVENT_2 "9f200000-0000-4000-8000-000000000002"
#define EVENT_3 "9f200000-0000-4000-8000-000000000003"
#define SUGGESTION_2 "9f100000-0000-4000-8000-000000000002"
#define HQ_ACTOR "市人大代表工委 李明"

static char *
object_text (JsonObject *object)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  json_node_set_object (node, object);
  return json_to_string (node, FALSE);
}

/* "YYYY-MM-DDTHH:MM:SSZ", @hours from now: after a suggestion saved now,
 * so that the replay (by time) takes the moves after its registration. */
static char *
at_from_now (int hours)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) at = g_date_time_add_hours (now, hours);

  return liaison_loop_format_at (at);
}

static void
date_from_now (GDate *date,
               int    days)
{
  liaison_date_set_today (date);
  g_date_add_days (date, (guint) days);
}

static LiaisonLoopEvent *
make_event (LiaisonLoopMove  move,
            LiaisonLoopRole  role,
            const char      *uuid,
            const char      *suggestion,
            const char      *at)
{
  LiaisonLoopEvent *event = liaison_loop_event_new (move, role);

  event->uuid = g_strdup (uuid);
  event->suggestion_uuid = g_strdup (suggestion);
  event->actor_name = g_strdup (role == LIAISON_LOOP_ROLE_HQ ? HQ_ACTOR : "张伟");
  if (at != NULL)
    {
      event->at = liaison_loop_parse_at (at);
      g_assert_nonnull (event->at);
    }
  return event;
}

static LiaisonLoopEvent *
take_up_event (const char *uuid,
               const char *suggestion,
               const char *at,
               const char *deputy)
{
  LiaisonLoopEvent *event = make_event (LIAISON_LOOP_MOVE_TAKE_UP, LIAISON_LOOP_ROLE_DEPUTY, uuid, suggestion, at);

  event->deputy_uuid = g_strdup (deputy);
  return event;
}

static LiaisonLoopEvent *
refer_event (const char *uuid,
             const char *suggestion,
             const char *at)
{
  LiaisonLoopEvent *event = make_event (LIAISON_LOOP_MOVE_REFER, LIAISON_LOOP_ROLE_HQ, uuid, suggestion, at);

  event->lead_unit_uuid = g_strdup (UNIT_1);
  date_from_now (&event->due_date, 30);
  return event;
}

static LiaisonLoopEvent *
reply_event (const char *uuid,
             const char *suggestion,
             const char *at)
{
  LiaisonLoopEvent *event = make_event (LIAISON_LOOP_MOVE_REPLY, LIAISON_LOOP_ROLE_HQ, uuid, suggestion, at);

  event->reply_text = g_strdup ("已组织疏通雨水管网");
  /* Dated the day it is recorded: a reply recorded a few hours from now
   * may fall tomorrow, and a reply may not be dated before its referral. */
  if (event->at != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (event->at);

      g_date_clear (&event->reply_date, 1);
      g_date_set_dmy (&event->reply_date, (GDateDay) g_date_time_get_day_of_month (local),
                      (GDateMonth) g_date_time_get_month (local), (GDateYear) g_date_time_get_year (local));
    }
  else
    date_from_now (&event->reply_date, 0);
  event->replying_unit_uuid = g_strdup (UNIT_1);
  return event;
}

/* The wire record of @event as the server sends it to @station's feed. */
static char *
event_change (const LiaisonLoopEvent *event,
              const char             *station)
{
  g_autoptr(JsonObject) data = liaison_loop_event_to_json (event);
  g_autofree char *text = NULL;

  json_object_set_string_member (data, "station", station);
  text = object_text (data);
  return wire ("suggestion_event", event->uuid, 1, FALSE, text);
}

static char *
suggestion_change (const char *uuid,
                   const char *station,
                   const char *status,
                   const char *loop_fields)
{
  g_autofree char *data = g_strdup_printf (
    "{\"reception\": null, \"station\": \"%s\", \"category\": \"" CATEGORY_1 "\","
    " \"title\": \"增设公交站台\", \"content\": \"建议在人民路口增设公交站台\", \"raised_by\": \"孙丽\","
    " \"status\": \"%s\", \"created_at\": \"2025-01-06T01:00:00Z\"%s}",
    station, status, loop_fields != NULL ? loop_fields : "");

  return wire ("suggestion", uuid, 1, FALSE, data);
}

static void
add_event (LiaisonStore     *store,
           gint64            suggestion_id,
           LiaisonLoopEvent *event)
{
  g_autoptr(GError) error = NULL;

  if (event->role == LIAISON_LOOP_ROLE_DEPUTY)
    liaison_test_act_as_deputy (store, event->deputy_uuid);
  g_assert_true (liaison_store_add_suggestion_event (store, suggestion_id, event, &error));
  g_assert_no_error (error);
}

static LiaisonSuggestion *
get_suggestion (LiaisonStore *store,
                const char   *uuid)
{
  g_autoptr(GError) error = NULL;
  LiaisonSuggestion *suggestion = liaison_store_get_suggestion (store, row_int (store, "suggestions", "id", uuid),
                                                                &error);

  g_assert_no_error (error);
  g_assert_nonnull (suggestion);
  return suggestion;
}

/* A station pushes the moves it recorded, each after its suggestion, once;
 * a refused one stays in error on the timeline. */
static void
test_loop_collect_station (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(LiaisonReception) reception = save_reception (fixture->store, "雨水管网堵塞");
  g_autoptr(LiaisonReception) second = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GPtrArray) timeline = NULL;
  g_autoptr(JsonArray) results = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonLoopEvent) take_up = NULL;
  g_autoptr(LiaisonLoopEvent) withdraw = NULL;
  g_autoptr(LiaisonLoopEvent) back = NULL;
  g_autofree char *station_uuid = liaison_test_local_station_uuid (fixture->store);
  g_autofree char *deputy = liaison_test_deputy_uuid (fixture->store, "张伟");
  g_autofree char *reason = NULL;
  g_autofree char *at = NULL;
  const LiaisonSuggestion *suggestion = g_ptr_array_index (reception->suggestions, 0);
  LiaisonSyncCounts counts = { 0 };
  JsonObject *record;
  JsonObject *event_data;

  /* A deputy takes it up at the station before it was ever synced. */
  take_up = take_up_event (NULL, NULL, NULL, deputy);
  add_event (fixture->store, suggestion->meta.id, take_up);
  g_assert_cmpuint (liaison_store_count_unsynced (fixture->store, &error), ==, 3);

  enroll_as_station (fixture->store);
  records = collect (fixture->store, 100);
  g_assert_cmpuint (records->len, ==, 3);
  g_assert_cmpstr (json_object_get_string_member (g_ptr_array_index (records, 0), "kind"), ==, "reception");
  g_assert_cmpstr (json_object_get_string_member (g_ptr_array_index (records, 1), "kind"), ==, "suggestion");
  /* The take-up is its event, not a change of the suggestion. */
  g_assert_false (json_object_has_member (data_of (g_ptr_array_index (records, 1)), "status"));
  record = g_ptr_array_index (records, 2);
  g_assert_cmpstr (json_object_get_string_member (record, "kind"), ==, "suggestion_event");
  g_assert_cmpstr (json_object_get_string_member (record, "uuid"), ==, take_up->uuid);
  g_assert_cmpint (json_object_get_int_member (record, "version"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (record, "base_version"), ==, 0);
  at = liaison_loop_format_at (take_up->at);
  g_assert_cmpstr (json_object_get_string_member (record, "updated_at"), ==, at);
  g_assert_cmpstr (json_object_get_string_member (record, "origin_station"), ==, station_uuid);
  g_assert_false (json_object_get_boolean_member (record, "deleted"));
  event_data = data_of (record);
  g_assert_cmpstr (json_object_get_string_member (event_data, "station"), ==, station_uuid);
  g_assert_cmpstr (json_object_get_string_member (event_data, "suggestion"), ==, suggestion->meta.uuid);
  g_assert_cmpstr (json_object_get_string_member (event_data, "move"), ==, "take_up");
  g_assert_cmpstr (json_object_get_string_member (event_data, "role"), ==, "deputy");
  g_assert_cmpstr (json_object_get_string_member (event_data, "deputy"), ==, deputy);
  /* What went out decodes to the event recorded. */
  back = liaison_loop_event_from_json (take_up->uuid, event_data, &error);
  g_assert_no_error (error);
  g_assert_true (liaison_loop_event_equal (take_up, back));
  /* The stored row is the event without the station. */
  {
    g_autofree char *stored = row_text (fixture->store, "suggestion_events", "data", take_up->uuid);

    g_assert_nonnull (stored);
    g_assert_null (strstr (stored, station_uuid));
    g_assert_nonnull (strstr (stored, deputy));
  }

  /* A limit that stops at the suggestion leaves its event for next time. */
  g_clear_pointer (&again, g_ptr_array_unref);
  again = collect (fixture->store, 2);
  g_assert_cmpuint (again->len, ==, 2);
  g_assert_cmpstr (json_object_get_string_member (g_ptr_array_index (again, 1), "kind"), ==, "suggestion");

  results = results_for (records, "applied");
  g_assert_true (liaison_store_apply_push_results (fixture->store, records, results, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.sent, ==, 3);
  g_assert_cmpint (row_int (fixture->store, "suggestion_events", "sync_state", take_up->uuid), ==, 0);
  g_assert_cmpint (row_int (fixture->store, "suggestion_events", "server_version", take_up->uuid), ==, 1);
  g_assert_cmpuint (liaison_store_count_unsynced (fixture->store, &error), ==, 0);
  g_clear_pointer (&again, g_ptr_array_unref);
  again = collect (fixture->store, 100);
  g_assert_cmpuint (again->len, ==, 0);

  /* Sent twice (the answer lost the first time): a duplicate is synced. */
  withdraw = make_event (LIAISON_LOOP_MOVE_WITHDRAW, LIAISON_LOOP_ROLE_STATION, NULL, NULL, NULL);
  withdraw->reason = g_strdup ("群众表示问题已自行解决");
  add_event (fixture->store, suggestion->meta.id, withdraw);
  memset (&counts, 0, sizeof counts);
  push_all (fixture->store, "duplicate", &counts);
  g_assert_cmpuint (counts.sent, ==, 1);
  g_assert_cmpint (row_int (fixture->store, "suggestion_events", "sync_state", withdraw->uuid), ==, 0);

  /* Refused: in error with the reason, never sent again, still counted,
   * still on the timeline. */
  second = save_reception (fixture->store, "公交站台");
  push_all (fixture->store, "applied", &counts);
  g_clear_pointer (&take_up, liaison_loop_event_free);
  take_up = take_up_event (NULL, NULL, NULL, deputy);
  add_event (fixture->store, ((LiaisonSuggestion *) g_ptr_array_index (second->suggestions, 0))->meta.id, take_up);
  memset (&counts, 0, sizeof counts);
  push_all (fixture->store, "rejected", &counts);
  g_assert_cmpuint (counts.rejected, ==, 1);
  g_assert_cmpint (row_int (fixture->store, "suggestion_events", "sync_state", take_up->uuid), ==, 2);
  reason = row_text (fixture->store, "suggestion_events", "sync_error", take_up->uuid);
  g_assert_cmpstr (reason, ==, "Headquarters found it invalid (The summary is empty.)");
  g_clear_pointer (&again, g_ptr_array_unref);
  again = collect (fixture->store, 100);
  g_assert_cmpuint (again->len, ==, 0);
  g_assert_cmpuint (liaison_store_count_unsynced (fixture->store, &error), ==, 1);
  timeline = liaison_store_list_suggestion_events (fixture->store,
    ((LiaisonSuggestion *) g_ptr_array_index (second->suggestions, 0))->meta.id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (timeline->len, ==, 2);
}

/* Headquarters pushes its rules first, then the moves it made; not the
 * moves it pulled, nor the station's suggestion. */
static void
test_loop_collect_hq (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(LiaisonLoopRules) rules = liaison_loop_rules_new ();
  g_autoptr(LiaisonLoopEvent) take_up = take_up_event (EVENT_1, SUGGESTION_1, "2025-01-06T02:00:00Z", DEPUTY_1);
  g_autoptr(LiaisonLoopEvent) refer = refer_event (NULL, NULL, NULL);
  g_autoptr(LiaisonSuggestion) suggestion = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(LiaisonLoopRules) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *d1 = deputy_data ("陈静", NULL, OTHER_STATION);
  LiaisonSyncCounts counts = { 0 };
  JsonObject *record;

  enroll (fixture->store, SERVER_A, "hq", NULL);
  pull (fixture->store,
        page (wire ("unit", UNIT_1, 1, FALSE, "{\"name\": \"市住房和城乡建设局\", \"kind\": \"department\"}"),
              wire ("deputy", DEPUTY_1, 1, FALSE, d1),
              suggestion_change (SUGGESTION_1, OTHER_STATION, "taken_up", NULL),
              event_change (take_up, OTHER_STATION),
              NULL),
        10, &counts);
  g_assert_cmpuint (counts.received, ==, 4);
  g_assert_cmpuint (counts.replies, ==, 0);
  suggestion = get_suggestion (fixture->store, SUGGESTION_1);
  g_assert_cmpint (suggestion->status, ==, LIAISON_LOOP_STATUS_TAKEN_UP);

  rules->limits[LIAISON_LOOP_KIND_PUBLIC_OPINION].working_days = 10;
  g_assert_true (liaison_store_set_loop_rules (fixture->store, rules, &error));
  g_assert_no_error (error);
  add_event (fixture->store, suggestion->meta.id, refer);
  /* The rules, this replica's first-run station, and the referral. */
  g_assert_cmpuint (liaison_store_count_unsynced (fixture->store, &error), ==, 3);

  records = collect (fixture->store, 100);
  g_assert_cmpuint (records->len, ==, 3);
  record = g_ptr_array_index (records, 0);
  g_assert_cmpstr (json_object_get_string_member (record, "kind"), ==, "loop_rules");
  g_assert_cmpstr (json_object_get_string_member (record, "uuid"), ==, LIAISON_LOOP_RULES_UUID);
  g_assert_cmpint (json_object_get_int_member (record, "base_version"), ==, 0);
  back = liaison_loop_rules_from_json (data_of (record), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (back->limits[LIAISON_LOOP_KIND_PUBLIC_OPINION].working_days, ==, 10);
  g_assert_cmpstr (json_object_get_string_member (g_ptr_array_index (records, 1), "kind"), ==, "station");
  record = g_ptr_array_index (records, 2);
  g_assert_cmpstr (json_object_get_string_member (record, "kind"), ==, "suggestion_event");
  g_assert_cmpstr (json_object_get_string_member (record, "uuid"), ==, refer->uuid);
  /* A reply goes to the station where the citizen was received. */
  g_assert_cmpstr (json_object_get_string_member (record, "origin_station"), ==, OTHER_STATION);
  g_assert_cmpstr (json_object_get_string_member (data_of (record), "station"), ==, OTHER_STATION);
  g_assert_cmpstr (json_object_get_string_member (data_of (record), "lead_unit"), ==, UNIT_1);

  push_all (fixture->store, "applied", &counts);
  g_assert_cmpuint (liaison_store_count_unsynced (fixture->store, &error), ==, 0);
  g_assert_cmpint (row_int (fixture->store, "loop_rules", "server_version", LIAISON_LOOP_RULES_UUID), ==, 1);
  again = collect (fixture->store, 100);
  g_assert_cmpuint (again->len, ==, 0);
}

/* A move the server refuses (a station clock far ahead, say) leaves the
 * station's replay, as it never reaches anyone else's: the suggestion is
 * back where it was, the move is listed as not applied with the server's
 * reason, and it can be made again. */
static void
test_loop_refused_move (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(LiaisonReception) reception = save_reception (fixture->store, "雨水管网堵塞");
  g_autofree char *deputy = liaison_test_deputy_uuid (fixture->store, "张伟");
  const LiaisonSuggestion *saved = g_ptr_array_index (reception->suggestions, 0);
  g_autoptr(LiaisonLoopEvent) take_up = take_up_event (NULL, NULL, NULL, deputy);
  g_autoptr(LiaisonLoopEvent) again = take_up_event (NULL, NULL, NULL, deputy);
  g_autoptr(LiaisonLoopState) state = NULL;
  g_autoptr(LiaisonSuggestion) suggestion = NULL;
  g_autoptr(GHashTable) unsent = NULL;
  g_autoptr(GPtrArray) pending = NULL;
  g_autoptr(GError) error = NULL;
  LiaisonSyncCounts counts = { 0 };

  enroll_as_station (fixture->store);
  push_all (fixture->store, "applied", &counts);

  liaison_test_act_as_deputy (fixture->store, take_up->deputy_uuid);
  g_assert_true (liaison_store_add_suggestion_event (fixture->store, saved->meta.id, take_up, &error));
  g_assert_no_error (error);
  suggestion = get_suggestion (fixture->store, saved->meta.uuid);
  g_assert_cmpint (suggestion->status, ==, LIAISON_LOOP_STATUS_TAKEN_UP);
  g_clear_pointer (&suggestion, liaison_suggestion_free);

  /* The station's clock ran fast. */
  {
    g_autoptr(GPtrArray) pushed = collect (fixture->store, 500);
    g_autoptr(JsonArray) results = results_refusing (pushed, "rejected", "invalid",
                                                     LIAISON_LOOP_WIRE_REASON_FUTURE);

    memset (&counts, 0, sizeof counts);
    g_assert_true (liaison_store_apply_push_results (fixture->store, pushed, results, &counts, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (counts.rejected, ==, 1);
  }

  /* Back to registered, in the replay and in the cached columns. */
  state = liaison_store_get_loop_state (fixture->store, saved->meta.id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (state->status, ==, LIAISON_LOOP_STATUS_REGISTERED);
  g_assert_cmpuint (state->rejected->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (state->rejected, 0), ==, take_up->uuid);
  suggestion = get_suggestion (fixture->store, saved->meta.uuid);
  g_assert_cmpint (suggestion->status, ==, LIAISON_LOOP_STATUS_REGISTERED);
  g_assert_null (suggestion->taken_up_by);
  unsent = liaison_store_list_unsent_events (fixture->store, saved->meta.id, &error);
  g_assert_no_error (error);
  /* Said in the clerk's words, not the server's English. */
  g_assert_cmpstr (g_hash_table_lookup (unsent, take_up->uuid), ==,
                   "Headquarters’ clock says this step is dated in the future. "
                   "Check this computer’s date and time, then make the step again.");

  /* Taken up again: accepted, and it alone goes to the server. */
  liaison_test_act_as_deputy (fixture->store, again->deputy_uuid);
  g_assert_true (liaison_store_add_suggestion_event (fixture->store, saved->meta.id, again, &error));
  g_assert_no_error (error);
  pending = collect (fixture->store, 100);
  g_assert_cmpuint (pending->len, ==, 1);
  g_assert_cmpstr (json_object_get_string_member (g_ptr_array_index (pending, 0), "uuid"), ==, again->uuid);
  g_clear_pointer (&state, liaison_loop_state_free);
  state = liaison_store_get_loop_state (fixture->store, saved->meta.id, &error);
  g_assert_cmpint (state->status, ==, LIAISON_LOOP_STATUS_TAKEN_UP);
}

/* A station receives headquarters' moves: stored once, synced, the cache
 * recomputed, and the reply counted and flagged. */
static void
test_loop_pull_events (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(LiaisonReception) reception = save_reception (fixture->store, "雨水管网堵塞");
  g_autofree char *station_uuid = liaison_test_local_station_uuid (fixture->store);
  g_autofree char *deputy = liaison_test_deputy_uuid (fixture->store, "张伟");
  g_autofree char *at_1 = at_from_now (1);
  g_autofree char *at_2 = at_from_now (2);
  g_autofree char *at_3 = at_from_now (3);
  const LiaisonSuggestion *saved = g_ptr_array_index (reception->suggestions, 0);
  g_autoptr(LiaisonLoopEvent) take_up = take_up_event (EVENT_1, saved->meta.uuid, at_1, deputy);
  g_autoptr(LiaisonLoopEvent) refer = refer_event (EVENT_2, saved->meta.uuid, at_2);
  g_autoptr(LiaisonLoopEvent) reply = reply_event (EVENT_3, saved->meta.uuid, at_3);
  g_autoptr(LiaisonSuggestion) suggestion = NULL;
  g_autoptr(GPtrArray) timeline = NULL;
  g_autoptr(GPtrArray) pending = NULL;
  g_autoptr(GError) error = NULL;
  LiaisonSyncCounts counts = { 0 };
  guint events_changed = 0;
  guint suggestions_changed = 0;

  enroll_as_station (fixture->store);
  push_all (fixture->store, "applied", &counts);
  g_signal_connect (fixture->store, "changed::suggestion_events", G_CALLBACK (count_signal), &events_changed);
  g_signal_connect (fixture->store, "changed::suggestions", G_CALLBACK (count_signal), &suggestions_changed);

  memset (&counts, 0, sizeof counts);
  pull (fixture->store,
        page (event_change (reply, station_uuid), event_change (take_up, station_uuid),
              event_change (refer, station_uuid), NULL),
        60, &counts);
  g_assert_cmpuint (counts.received, ==, 3);
  g_assert_cmpuint (counts.replies, ==, 1);
  g_assert_cmpuint (counts.conflicts + counts.rejected, ==, 0);
  g_assert_cmpuint (events_changed, ==, 1);
  g_assert_cmpuint (suggestions_changed, ==, 1);
  g_assert_cmpint (liaison_test_count_rows (fixture->store, "suggestion_events"), ==, 3);
  g_assert_cmpint (liaison_test_query_int (fixture->store,
    "SELECT count(*) FROM suggestion_events WHERE sync_state = 0 AND server_version = 1"), ==, 3);
  g_assert_cmpuint (liaison_store_count_unsynced (fixture->store, &error), ==, 0);
  pending = collect (fixture->store, 100);
  g_assert_cmpuint (pending->len, ==, 0);

  suggestion = get_suggestion (fixture->store, saved->meta.uuid);
  g_assert_cmpint (suggestion->status, ==, LIAISON_LOOP_STATUS_REPLIED);
  g_assert_true (suggestion->reply_unseen);
  g_assert_cmpuint (liaison_store_count_unseen_replies (fixture->store, &error), ==, 1);
  g_assert_no_error (error);

  /* The timeline holds the moves as headquarters recorded them. */
  timeline = liaison_store_list_suggestion_events (fixture->store, saved->meta.id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (timeline->len, ==, 4);
  g_assert_true (liaison_loop_event_equal (g_ptr_array_index (timeline, 1), take_up));
  g_assert_true (liaison_loop_event_equal (g_ptr_array_index (timeline, 2), refer));
  g_assert_true (liaison_loop_event_equal (g_ptr_array_index (timeline, 3), reply));
  {
    g_autofree char *stored = row_text (fixture->store, "suggestion_events", "data", EVENT_3);

    g_assert_null (strstr (stored, "station"));
  }

  /* The same page again (a pull cut before its checkpoint was kept):
   * nothing new, no second reply. */
  g_assert_true (liaison_store_mark_reply_seen (fixture->store, saved->meta.id, &error));
  memset (&counts, 0, sizeof counts);
  pull (fixture->store,
        page (event_change (take_up, station_uuid), event_change (refer, station_uuid),
              event_change (reply, station_uuid), NULL),
        60, &counts);
  g_assert_cmpuint (counts.received, ==, 0);
  g_assert_cmpuint (counts.replies, ==, 0);
  g_assert_cmpint (liaison_test_count_rows (fixture->store, "suggestion_events"), ==, 3);
  g_assert_cmpuint (liaison_store_count_unseen_replies (fixture->store, &error), ==, 0);
}

/* Events may come before their suggestion (another page, or the feed's
 * order): they wait, and count once it arrives. The sender's status is
 * not believed. */
static void
test_loop_pull_out_of_order (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(LiaisonLoopEvent) take_up = take_up_event (EVENT_1, SUGGESTION_1, "2025-01-06T02:00:00Z", DEPUTY_1);
  g_autoptr(LiaisonLoopEvent) refer = refer_event (EVENT_2, SUGGESTION_1, "2025-01-07T02:00:00Z");
  g_autoptr(LiaisonSuggestion) suggestion = NULL;
  g_autoptr(LiaisonSuggestion) motion = NULL;
  g_autofree char *d1 = deputy_data ("陈静", NULL, NULL);
  g_autofree char *d2 = deputy_data ("王建国", NULL, NULL);
  g_autofree char *due = NULL;
  g_autofree char *co_signers = NULL;
  LiaisonSyncCounts counts = { 0 };

  enroll (fixture->store, SERVER_A, "hq", NULL);
  pull (fixture->store, page (event_change (refer, OTHER_STATION), event_change (take_up, OTHER_STATION), NULL),
        5, &counts);
  g_assert_cmpuint (counts.received, ==, 2);
  g_assert_cmpint (liaison_test_count_rows (fixture->store, "suggestion_events"), ==, 2);
  g_assert_cmpint (liaison_test_query_int (fixture->store,
    "SELECT count(*) FROM suggestions WHERE uuid = '" SUGGESTION_1 "'"), ==, 0);

  /* Its suggestion, from a sender that knows nothing of the loop's new
   * fields and says "closed". */
  pull (fixture->store,
        page (suggestion_change (SUGGESTION_1, OTHER_STATION, "closed", NULL),
              wire ("deputy", DEPUTY_1, 1, FALSE, d1),
              wire ("deputy", DEPUTY_2, 1, FALSE, d2),
              suggestion_change (SUGGESTION_2, OTHER_STATION, "referred",
                                 ", \"kind\": \"deputy_suggestion\", \"deputy\": \"" DEPUTY_1 "\","
                                 " \"co_signers\": [\"" DEPUTY_2 "\"]"),
              NULL),
        6, &counts);
  suggestion = get_suggestion (fixture->store, SUGGESTION_1);
  g_assert_cmpint (suggestion->status, ==, LIAISON_LOOP_STATUS_REFERRED);
  g_assert_cmpint (suggestion->kind, ==, LIAISON_LOOP_KIND_PUBLIC_OPINION);
  g_assert_cmpint (suggestion->deputy_id, ==, 0);
  g_assert_cmpuint (suggestion->co_signer_ids->len, ==, 0);
  due = liaison_date_to_iso (&suggestion->due_date);
  {
    g_autofree char *expected = liaison_date_to_iso (&refer->due_date);

    g_assert_cmpstr (due, ==, expected);
  }
  g_assert_cmpstr (suggestion->taken_up_by, ==, "陈静");

  motion = get_suggestion (fixture->store, SUGGESTION_2);
  g_assert_cmpint (motion->kind, ==, LIAISON_LOOP_KIND_DEPUTY_SUGGESTION);
  g_assert_cmpint (motion->status, ==, LIAISON_LOOP_STATUS_REGISTERED);
  g_assert_cmpint (motion->deputy_id, ==, row_int (fixture->store, "deputies", "id", DEPUTY_1));
  g_assert_cmpuint (motion->co_signer_ids->len, ==, 1);
  g_assert_cmpint (g_array_index (motion->co_signer_ids, gint64, 0), ==,
                   row_int (fixture->store, "deputies", "id", DEPUTY_2));
  co_signers = row_text (fixture->store, "suggestions", "co_signers", SUGGESTION_2);
  g_assert_cmpstr (co_signers, ==, "[\"" DEPUTY_2 "\"]");
  /* Headquarters does not count replies: they are its own. */
  g_assert_cmpuint (counts.replies, ==, 0);
}

/* A station's own suggestions go out with the loop's fields. */
static void
test_loop_collect_suggestion_fields (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autoptr(LiaisonReception) reception = save_reception (fixture->store, "路灯");
  g_autoptr(LiaisonSuggestion) motion = liaison_suggestion_new ();
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *filer = NULL;
  g_autofree char *co_signer = NULL;
  gint64 filer_id = liaison_test_add_deputy (fixture->store, "王建国", LIAISON_DEPUTY_LEVEL_CITY);
  gint64 co_signer_id = liaison_store_find_deputy (fixture->store, "张伟");
  JsonObject *citizen;
  JsonObject *deputy_item;
  JsonArray *co_signers;

  filer = liaison_test_deputy_uuid (fixture->store, "王建国");
  co_signer = liaison_test_deputy_uuid (fixture->store, "张伟");
  motion->kind = LIAISON_LOOP_KIND_DEPUTY_SUGGESTION;
  motion->deputy_id = filer_id;
  g_array_append_val (motion->co_signer_ids, co_signer_id);
  motion->category_id = liaison_store_find_category (fixture->store, "transport");
  motion->title = g_strdup ("关于优化公交线路的建议");
  motion->content = g_strdup ("建议增开夜间公交");
  g_assert_true (liaison_store_save_suggestion (fixture->store, motion, &error));
  g_assert_no_error (error);

  enroll_as_station (fixture->store);
  records = collect (fixture->store, 100);
  g_assert_cmpuint (records->len, ==, 3);
  citizen = data_of (g_ptr_array_index (records, 1));
  g_assert_cmpstr (json_object_get_string_member (citizen, "kind"), ==, "public_opinion");
  g_assert_true (json_object_get_null_member (citizen, "deputy"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (citizen, "co_signers")), ==, 0);
  deputy_item = data_of (g_ptr_array_index (records, 2));
  g_assert_cmpstr (json_object_get_string_member (deputy_item, "kind"), ==, "deputy_suggestion");
  g_assert_cmpstr (json_object_get_string_member (deputy_item, "deputy"), ==, filer);
  co_signers = json_object_get_array_member (deputy_item, "co_signers");
  g_assert_cmpuint (json_array_get_length (co_signers), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (co_signers, 0), ==, co_signer);
  g_assert_false (json_object_has_member (deputy_item, "status"));
}

/* A bad event or rules record is set aside, the good ones of its page
 * written. */
static void
test_loop_pull_malformed (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *station_uuid = liaison_test_local_station_uuid (fixture->store);
  g_autoptr(LiaisonLoopEvent) good = take_up_event (EVENT_2, SUGGESTION_1, "2025-01-06T02:00:00Z", DEPUTY_1);
  g_autofree char *good_event = event_change (good, station_uuid);
  g_autofree char *base = NULL;
  const char *rules_ok = "\"public_opinion_working_days\": 15, \"public_opinion_months\": 0,"
                         " \"deputy_suggestion_working_days\": 0, \"deputy_suggestion_months\": 3";
  char *bad[16];
  guint n_bad = 0;
  LiaisonSyncCounts counts = { 0 };

  base = g_strdup_printf ("\"suggestion\": \"" SUGGESTION_1 "\", \"station\": \"%s\", \"role\": \"deputy\","
                          " \"actor_name\": \"张伟\", \"at\": \"2025-01-06T03:00:00Z\", \"note\": null",
                          station_uuid);
#define EVENT_DATA(fields) g_strdup_printf ("{%s, " fields "}", base)
  {
    g_autofree char *d1 = EVENT_DATA ("\"move\": \"recommend\"");
    g_autofree char *d2 = EVENT_DATA ("\"move\": \"take_up\"");
    g_autofree char *d3 = EVENT_DATA ("\"move\": \"take_up\", \"deputy\": \"" DEPUTY_1 "\", \"answer\": \"x\"");
    g_autofree char *d4 = EVENT_DATA ("\"move\": \"take_up\", \"deputy\": \"" DEPUTY_1 "\"");
    g_autofree char *d5 = g_strdup ("{\"suggestion\": \"" SUGGESTION_1 "\", \"move\": \"close\", \"role\": \"hq\","
                                    " \"actor_name\": \"李明\", \"at\": \"2025-01-06T03:00:00Z\", \"note\": null}");
    g_autofree char *d6 = g_strdup_printf ("{\"suggestion\": \"" SUGGESTION_1 "\", \"station\": \"%s\","
                                           " \"move\": \"take_up\", \"role\": \"deputy\", \"actor_name\": \"张伟\","
                                           " \"at\": \"2025-02-30T03:00:00Z\", \"note\": null,"
                                           " \"deputy\": \"" DEPUTY_1 "\"}", station_uuid);
    g_autofree char *d7 = g_strdup_printf ("{%s, \"move\": \"reply\", \"reply_text\": \"t\", \"reply_date\": \"2025-01-09\","
                                           " \"replying_unit\": \"" UNIT_1 "\", \"attachments\": [\"photo.jpg\"]}",
                                           base);

    bad[n_bad++] = wire ("suggestion_event", EVENT_1, 1, FALSE, d1);
    bad[n_bad++] = wire ("suggestion_event", EVENT_1, 1, FALSE, d2);
    bad[n_bad++] = wire ("suggestion_event", EVENT_1, 1, FALSE, d3);
    bad[n_bad++] = wire ("suggestion_event", EVENT_1, 1, TRUE, d4);
    bad[n_bad++] = wire ("suggestion_event", EVENT_1, 1, FALSE, d5);
    bad[n_bad++] = wire ("suggestion_event", EVENT_1, 1, FALSE, d6);
    bad[n_bad++] = wire ("suggestion_event", EVENT_1, 1, FALSE, d7);
  }
#undef EVENT_DATA
  {
    g_autofree char *ok = g_strdup_printf ("{\"calendar\": \"\", %s}", rules_ok);
    g_autofree char *bad_calendar = g_strdup_printf ("{%s, \"calendar\": \"2025-10-09,workday\"}", rules_ok);
    g_autofree char *no_limit = g_strdup ("{\"calendar\": \"\", \"public_opinion_working_days\": 15}");

    bad[n_bad++] = wire ("loop_rules", "6c6f6f70-7275-4c65-8000-000000000002", 1, FALSE, ok);
    bad[n_bad++] = wire ("loop_rules", LIAISON_LOOP_RULES_UUID, 1, FALSE, bad_calendar);
    bad[n_bad++] = wire ("loop_rules", LIAISON_LOOP_RULES_UUID, 1, FALSE, no_limit);
    bad[n_bad++] = wire ("loop_rules", LIAISON_LOOP_RULES_UUID, 2, TRUE, "null");
  }
  bad[n_bad++] = suggestion_change (SUGGESTION_2, station_uuid, "registered", ", \"kind\": \"motion\"");
  bad[n_bad++] = suggestion_change (SUGGESTION_2, station_uuid, "registered", ", \"co_signers\": \"" DEPUTY_1 "\"");
  bad[n_bad++] = suggestion_change (SUGGESTION_2, station_uuid, "registered", ", \"deputy\": 7");
  g_assert_cmpuint (n_bad, <=, G_N_ELEMENTS (bad));

  enroll_as_station (fixture->store);
  pull (fixture->store, page (suggestion_change (SUGGESTION_1, station_uuid, "registered", NULL), NULL),
        30, &counts);

  for (guint i = 0; i < n_bad; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonArray) changes = NULL;
      g_autofree char *json = NULL;
      g_autofree char *good_deputy = wire ("deputy", DEPUTY_1, 1, FALSE,
                                           "{\"name\": \"陈静\", \"level\": \"city\", \"group\": null,"
                                           " \"station\": null, \"specialty\": \"\", \"phone\": \"\"}");
      LiaisonSyncCounts these = { 0 };

      /* Good changes first, of the same kinds: they are written all the same. */
      json = g_strdup_printf ("[%s, %s, %s]", good_deputy, good_event, bad[i]);
      changes = parse_array (json);
      g_assert_true (liaison_store_apply_pulled (fixture->store, changes, 99, &these, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (these.set_aside, ==, 1);
      g_assert_cmpuint (liaison_store_count_quarantined (fixture->store), ==, i + 1);
      g_assert_cmpint (liaison_store_get_checkpoint (fixture->store), ==, 99);
      g_assert_cmpint (liaison_test_count_rows (fixture->store, "suggestion_events"), ==, 1);
      g_free (bad[i]);
    }

  /* Again, the good one alone: nothing new. */
  {
    g_autoptr(LiaisonSuggestion) suggestion = NULL;

    pull (fixture->store, page (g_strdup (good_event), NULL), 31, &counts);
    g_assert_cmpint (liaison_test_count_rows (fixture->store, "suggestion_events"), ==, 1);
    suggestion = get_suggestion (fixture->store, SUGGESTION_1);
    g_assert_cmpint (suggestion->status, ==, LIAISON_LOOP_STATUS_TAKEN_UP);
  }
}

/* Whether the rules are among the records to push. */
static gboolean
rules_pending (LiaisonStore *store)
{
  g_autoptr(GPtrArray) records = collect (store, 100);

  for (guint i = 0; i < records->len; i++)
    if (g_strcmp0 (json_object_get_string_member (g_ptr_array_index (records, i), "kind"), "loop_rules") == 0)
      return TRUE;
  return FALSE;
}

/* Headquarters' rules reach a station as they were set; at a
 * headquarters desk too, over its own unsent ones (the server's list wins
 * every conflict). */
static void
test_loop_rules (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(LiaisonLoopRules) sent = liaison_loop_rules_new ();
  g_autoptr(LiaisonLoopRules) got = NULL;
  g_autoptr(LiaisonLoopRules) older = NULL;
  g_autoptr(JsonObject) sent_data = NULL;
  g_autoptr(GPtrArray) pending = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sent_text = NULL;
  g_autofree char *got_calendar = NULL;
  LiaisonSyncCounts counts = { 0 };

  g_clear_pointer (&sent->calendar, liaison_calendar_free);
  sent->calendar = liaison_calendar_parse ("2025-09-28,workday\n2025-10-01,holiday,国庆节\n", &error);
  g_assert_no_error (error);
  sent->limits[LIAISON_LOOP_KIND_PUBLIC_OPINION] = (LiaisonTimeLimit) { .working_days = 10 };
  sent->limits[LIAISON_LOOP_KIND_DEPUTY_SUGGESTION] = (LiaisonTimeLimit) { .months = 2 };
  sent_data = liaison_loop_rules_to_json (sent);
  sent_text = object_text (sent_data);

  enroll_as_station (fixture->store);
  pull (fixture->store, page (wire ("loop_rules", LIAISON_LOOP_RULES_UUID, 2, FALSE, sent_text), NULL),
        8, &counts);
  g_assert_cmpuint (counts.received, ==, 1);
  got = liaison_store_get_loop_rules (fixture->store, &error);
  g_assert_no_error (error);
  got_calendar = liaison_calendar_to_text (got->calendar);
  {
    g_autofree char *sent_calendar = liaison_calendar_to_text (sent->calendar);

    g_assert_cmpstr (got_calendar, ==, sent_calendar);
  }
  g_assert_cmpuint (got->limits[LIAISON_LOOP_KIND_PUBLIC_OPINION].working_days, ==, 10);
  g_assert_cmpuint (got->limits[LIAISON_LOOP_KIND_PUBLIC_OPINION].months, ==, 0);
  g_assert_cmpuint (got->limits[LIAISON_LOOP_KIND_DEPUTY_SUGGESTION].months, ==, 2);
  g_assert_cmpuint (liaison_store_count_unsynced (fixture->store, &error), ==, 0);
  pending = collect (fixture->store, 100);
  g_assert_cmpuint (pending->len, ==, 0);

  /* An older version changes nothing. */
  older = liaison_loop_rules_new ();
  {
    g_autoptr(JsonObject) older_data = liaison_loop_rules_to_json (older);
    g_autofree char *older_text = object_text (older_data);
    g_autoptr(LiaisonLoopRules) still = NULL;

    pull (fixture->store, page (wire ("loop_rules", LIAISON_LOOP_RULES_UUID, 1, FALSE, older_text), NULL),
          9, &counts);
    still = liaison_store_get_loop_rules (fixture->store, &error);
    g_assert_cmpuint (still->limits[LIAISON_LOOP_KIND_PUBLIC_OPINION].working_days, ==, 10);
  }

  /* A headquarters desk with rules of its own not yet sent: the server's
   * list (imported there with `liaison-hq import holidays`) wins all the
   * same, and the desk's is kept in the conflict log. */
  enroll (fixture->store, SERVER_B, "hq", NULL);
  g_assert_true (liaison_store_set_loop_rules (fixture->store, older, &error));
  g_assert_no_error (error);
  memset (&counts, 0, sizeof counts);
  pull (fixture->store, page (wire ("loop_rules", LIAISON_LOOP_RULES_UUID, 5, FALSE, sent_text), NULL),
        3, &counts);
  g_assert_cmpuint (counts.conflicts, ==, 1);
  {
    g_autoptr(LiaisonLoopRules) kept = liaison_store_get_loop_rules (fixture->store, &error);
    g_autoptr(GPtrArray) conflicts = liaison_store_list_conflicts (fixture->store, "loop_rules",
                                                                   LIAISON_LOOP_RULES_UUID, &error);
    g_autofree char *kept_calendar = liaison_calendar_to_text (kept->calendar);
    const LiaisonConflict *conflict;

    g_assert_no_error (error);
    g_assert_cmpstr (kept_calendar, ==, got_calendar);
    g_assert_cmpuint (kept->limits[LIAISON_LOOP_KIND_PUBLIC_OPINION].working_days, ==, 10);
    g_assert_cmpint (row_int (fixture->store, "loop_rules", "version", LIAISON_LOOP_RULES_UUID), ==, 5);
    g_assert_cmpint (row_int (fixture->store, "loop_rules", "sync_state", LIAISON_LOOP_RULES_UUID), ==,
                     LIAISON_SYNC_STATE_SYNCED);
    g_assert_cmpuint (conflicts->len, ==, 1);
    conflict = g_ptr_array_index (conflicts, 0);
    g_assert_cmpstr (conflict->rule, ==, LIAISON_CONFLICT_RULE_TOOK_SERVER);
    /* The desk's 15 days, lost here but kept in the log. */
    g_assert_nonnull (strstr (conflict->local_json, "\"public_opinion_working_days\":15"));
    g_assert_nonnull (strstr (conflict->server_json, "\"public_opinion_working_days\":10"));
  }
  g_assert_false (rules_pending (fixture->store));

  /* The same when the desk's push meets the server's newer list. */
  g_assert_true (liaison_store_set_loop_rules (fixture->store, older, &error));
  g_assert_no_error (error);
  g_assert_true (rules_pending (fixture->store));
  g_clear_pointer (&pending, g_ptr_array_unref);
  pending = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  {
    g_autoptr(GPtrArray) all = collect (fixture->store, 100);

    for (guint i = 0; i < all->len; i++)
      if (g_strcmp0 (json_object_get_string_member (g_ptr_array_index (all, i), "kind"), "loop_rules") == 0)
        g_ptr_array_add (pending, json_object_ref (g_ptr_array_index (all, i)));
  }
  g_assert_cmpuint (pending->len, ==, 1);
  g_assert_cmpint (json_object_get_int_member (g_ptr_array_index (pending, 0), "base_version"), ==, 5);
  {
    g_autofree char *current = wire ("loop_rules", LIAISON_LOOP_RULES_UUID, 7, FALSE, sent_text);
    g_autofree char *json = g_strdup_printf ("[{\"uuid\": \"%s\", \"kind\": \"loop_rules\", \"status\": \"conflict\","
                                             " \"version\": 7, \"current\": %s}]", LIAISON_LOOP_RULES_UUID, current);
    g_autoptr(JsonArray) results = parse_array (json);
    g_autoptr(LiaisonLoopRules) kept = NULL;
    g_autoptr(GPtrArray) conflicts = NULL;

    memset (&counts, 0, sizeof counts);
    g_assert_true (liaison_store_apply_push_results (fixture->store, pending, results, &counts, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (counts.conflicts, ==, 1);
    kept = liaison_store_get_loop_rules (fixture->store, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (kept->limits[LIAISON_LOOP_KIND_PUBLIC_OPINION].working_days, ==, 10);
    g_assert_cmpint (row_int (fixture->store, "loop_rules", "version", LIAISON_LOOP_RULES_UUID), ==, 7);
    g_assert_cmpint (row_int (fixture->store, "loop_rules", "sync_state", LIAISON_LOOP_RULES_UUID), ==,
                     LIAISON_SYNC_STATE_SYNCED);
    conflicts = liaison_store_list_conflicts (fixture->store, "loop_rules", LIAISON_LOOP_RULES_UUID, &error);
    g_assert_cmpuint (conflicts->len, ==, 2);
    for (guint i = 0; i < conflicts->len; i++)
      g_assert_cmpstr (((LiaisonConflict *) g_ptr_array_index (conflicts, i))->rule, ==,
                       LIAISON_CONFLICT_RULE_TOOK_SERVER);
  }
  g_assert_false (rules_pending (fixture->store));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/store-sync/migrate/fresh", test_migrate_fresh);
  g_test_add_func ("/store-sync/migrate/from-v1", test_migrate_from_v1);
  ADD ("/store-sync/migrate/station-address", test_migrate_station_address);
  ADD ("/store-sync/collect/station", test_collect_station);
  ADD ("/store-sync/collect/hq", test_collect_hq);
  ADD ("/store-sync/collect/except", test_collect_except);
  ADD ("/store-sync/push/applied", test_push_applied);
  ADD ("/store-sync/push/edited-meanwhile", test_push_edited_meanwhile);
  ADD ("/store-sync/push/rejected", test_push_rejected);
  ADD ("/store-sync/push/conflict-owner", test_push_conflict_owner);
  ADD ("/store-sync/push/conflict-not-owner", test_push_conflict_not_owner);
  ADD ("/store-sync/push/malformed", test_push_malformed);
  ADD ("/store-sync/pull/reference-data", test_pull_reference_data);
  ADD ("/store-sync/pull/receptions", test_pull_receptions);
  ADD ("/store-sync/pull/out-of-order", test_pull_out_of_order);
  ADD ("/store-sync/pull/conflicts", test_pull_conflicts);
  ADD ("/store-sync/pull/malformed", test_pull_malformed);
  ADD ("/store-sync/enroll/adopt", test_adopt_enrollment);
  ADD ("/store-sync/enroll/refused", test_adopt_refused);
  ADD ("/store-sync/count-unsynced", test_count_unsynced);
  ADD ("/store-sync/loop/collect-station", test_loop_collect_station);
  ADD ("/store-sync/loop/collect-hq", test_loop_collect_hq);
  ADD ("/store-sync/loop/collect-suggestion-fields", test_loop_collect_suggestion_fields);
  ADD ("/store-sync/loop/refused-move", test_loop_refused_move);
  ADD ("/store-sync/loop/pull-events", test_loop_pull_events);
  ADD ("/store-sync/loop/pull-out-of-order", test_loop_pull_out_of_order);
  ADD ("/store-sync/loop/pull-malformed", test_loop_pull_malformed);
  ADD ("/store-sync/loop/rules", test_loop_rules);

  return g_test_run ();
}
