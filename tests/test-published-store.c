/* test-published-store.c: a published report's frozen figures in the
 * store (docs/reports.md, "Published reports"): its JSON read back byte
 * for byte and read strictly, a station's part of the most items it may
 * hold within what a record carries on the wire, publishing refused at a
 * station desk with nothing written, and a publication never changed or
 * deleted once kept, whatever SQL tries, nor rewritten by a pull. */
#define G_LOG_DOMAIN "test-published-store"

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "liaison-protocol.h"
#include "liaison-published-snapshot.h"
#include "liaison-store-desk.h"
#include "liaison-store-private.h"
#include "liaison-store-published.h"
#include "liaison-store-sync.h"
#include "liaison-test-util.h"
#include "liaison-wire-schema.h"

#define STATION_A "5f1e0000-0000-4000-8000-00000000000a"
#define STATION_B "5f1e0000-0000-4000-8000-00000000000b"

typedef struct {
  char         *dir;
  char         *path;
  LiaisonStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = liaison_test_make_tmp_dir ("liaison-published-store-XXXXXX");
  f->path = g_build_filename (f->dir, "hq.db", NULL);
  f->store = liaison_test_open_store_with_station (f->path, "相山区东山街道代表联络站");
  liaison_test_enroll_as_hq (f->store);
  g_assert_true (liaison_store_set_desk_actor (f->store, "hq", "陈静", NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  liaison_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static LiaisonPublishedRow *
row_new (const char *key,
         const char *label,
         guint       collected,
         guint       resolved)
{
  LiaisonPublishedRow *row = liaison_published_row_new (key, label);

  row->counts[0] = collected;
  row->counts[2] = resolved;
  row->counts[8] = 2;
  row->counts[9] = 3;
  return row;
}

/* March 2025: 3 collected, 1 resolved; 东山 (a) 2 of them, 西山 (b) 1. */
static LiaisonPublishedHead *
make_head (void)
{
  LiaisonPublishedHead *head = liaison_published_head_new ();

  head->period = g_strdup ("2025-03");
  head->as_of = g_strdup ("2025-04-02");
  head->published_at = g_strdup ("2025-04-02T01:30:00Z");
  head->published_by = g_strdup ("");
  head->total = row_new ("", "合计", 3, 1);
  g_ptr_array_add (head->breakdowns[LIAISON_PUBLISHED_BY_CATEGORY], row_new ("urban_construction", "城乡建设", 3, 1));
  g_ptr_array_add (head->breakdowns[LIAISON_PUBLISHED_BY_MONTH], row_new ("2025-03", "2025年3月", 3, 1));
  g_ptr_array_add (head->breakdowns[LIAISON_PUBLISHED_BY_CHANNEL], row_new ("walk_in", "来访", 3, 1));
  return head;
}

static GPtrArray *
make_parts (void)
{
  GPtrArray *parts = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_published_part_free);
  LiaisonPublishedPart *a = liaison_published_part_new ();
  LiaisonPublishedPart *b = liaison_published_part_new ();

  a->station = g_strdup (STATION_A);
  a->parts = 1;
  a->row = row_new (STATION_A, "东山联络站", 2, 1);
  g_ptr_array_add (a->items, liaison_published_item_new ("0b6c0000-0000-4000-8000-000000000001", 0x1 | 0x4));
  g_ptr_array_add (a->items, liaison_published_item_new ("0b6c0000-0000-4000-8000-000000000002", 0x1));
  b->station = g_strdup (STATION_B);
  b->parts = 1;
  b->row = row_new (STATION_B, "西山联络站", 1, 0);
  g_ptr_array_add (b->items, liaison_published_item_new ("0b6c0000-0000-4000-8000-000000000003", 0x1 | 0x80));
  g_ptr_array_add (parts, a);
  g_ptr_array_add (parts, b);
  return parts;
}

static void
test_json (void)
{
  g_autoptr(LiaisonPublishedHead) head = make_head ();
  g_autoptr(GPtrArray) parts = make_parts ();
  g_autofree char *text = liaison_published_head_to_string (head);
  g_autofree char *part_text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonPublishedHead) back = liaison_published_head_from_string (text, &error);
  g_autoptr(LiaisonPublishedPart) part_back = NULL;
  g_autofree char *again = NULL;
  g_autofree char *part_again = NULL;

  g_assert_no_error (error);
  again = liaison_published_head_to_string (back);
  g_assert_cmpstr (again, ==, text);
  g_assert_cmpuint (back->total->counts[0], ==, 3);
  g_assert_cmpstr (((LiaisonPublishedRow *) g_ptr_array_index (back->breakdowns[LIAISON_PUBLISHED_BY_CATEGORY], 0))->label,
                   ==, "城乡建设");

  ((LiaisonPublishedPart *) g_ptr_array_index (parts, 0))->report = g_strdup ("7a7a0000-0000-4000-8000-000000000001");
  ((LiaisonPublishedPart *) g_ptr_array_index (parts, 0))->period = g_strdup ("2025-03");
  ((LiaisonPublishedPart *) g_ptr_array_index (parts, 0))->published_at = g_strdup ("2025-04-02T01:30:00Z");
  part_text = liaison_published_part_to_string (g_ptr_array_index (parts, 0));
  g_assert_nonnull (strstr (part_text, "\"figures\":[\"collected\",\"resolved\"]"));
  part_back = liaison_published_part_from_string (part_text, &error);
  g_assert_no_error (error);
  part_again = liaison_published_part_to_string (part_back);
  g_assert_cmpstr (part_again, ==, part_text);
  g_assert_cmpuint (((LiaisonPublishedItem *) g_ptr_array_index (part_back->items, 0))->figures, ==, 0x5);
}

/* Each bad input is refused, naming what is wrong. */
static void
test_strict (void)
{
  g_autoptr(LiaisonPublishedHead) head = make_head ();
  g_autofree char *good = liaison_published_head_to_string (head);
  struct { const char *from; const char *to; const char *named; } bad[] = {
    { "\"period\":\"2025-03\"", "\"period\":\"2025-13\"", "data.period" },
    { "\"period\":\"2025-03\"", "\"period\":\"March\"", "data.period" },
    { "\"as_of\":\"2025-04-02\"", "\"as_of\":\"2025-02-30\"", "data.as_of" },
    { "\"published_at\":\"2025-04-02T01:30:00Z\"", "\"published_at\":\"2025-04-02 01:30\"", "data.published_at" },
    { "\"collected\":3", "\"collected\":-3", "data.total.counts.collected" },
    { "\"collected\":3", "\"collected\":\"3\"", "data.total.counts.collected" },
    { "\"collected\":3", "\"gathered\":3", "data.total.counts" },
    { "\"parts\":0", "\"parts\":0,\"extra\":1", "extra" },
    { "\"by_channel\":[", "\"by_channel\":{\"a\":1},\"x\":[", "data" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_auto(GStrv) split = g_strsplit (good, bad[i].from, 2);
      g_autofree char *text = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(LiaisonPublishedHead) read = NULL;

      g_assert_cmpuint (g_strv_length (split), ==, 2);
      text = g_strjoin (bad[i].to, split[0], split[1], NULL);
      read = liaison_published_head_from_string (text, &error);
      g_test_message ("%s: %s", bad[i].to, error != NULL ? error->message : "(taken)");
      g_assert_null (read);
      g_assert_error (error, LIAISON_PUBLISHED_ERROR, LIAISON_PUBLISHED_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, bad[i].named));
    }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GString) deep = g_string_new (NULL);

    for (guint i = 0; i < 100000; i++)
      g_string_append_c (deep, '[');
    g_assert_null (liaison_published_head_from_string (deep->str, &error));
    g_assert_error (error, LIAISON_PUBLISHED_ERROR, LIAISON_PUBLISHED_ERROR_INVALID);
  }
}

/* The most items a part may hold, each counted in every figure it can
 * be, stays under what a record may carry; one more is refused. */
static void
test_part_size (void)
{
  g_autoptr(LiaisonPublishedPart) part = liaison_published_part_new ();
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *canonical = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonPublishedPart) back = NULL;

  part->report = g_strdup ("7a7a0000-0000-4000-8000-000000000001");
  part->period = g_strdup ("2025-01-05..2025-12-31");
  part->published_at = g_strdup ("2026-01-02T01:30:00Z");
  part->station = g_strdup (STATION_A);
  part->parts = 1;
  part->row = row_new (STATION_A, "相山区东山街道代表联络站（社区居民议事厅）", 4000000, 4000000);
  for (guint i = 0; i < LIAISON_PUBLISHED_ITEMS_PER_PART; i++)
    {
      g_autofree char *uuid = g_uuid_string_random ();

      g_ptr_array_add (part->items, liaison_published_item_new (uuid, 0xff));
    }
  json_node_take_object (node, liaison_published_part_to_json (part));
  canonical = liaison_protocol_canonical_json (node);
  g_test_message ("a full part: %" G_GSIZE_FORMAT " bytes", strlen (canonical));
  g_assert_cmpuint (strlen (canonical), <, LIAISON_MAX_RECORD_DATA_BYTES);

  g_ptr_array_add (part->items, liaison_published_item_new ("0b6c0000-0000-4000-8000-000000000001", 0x1));
  text = liaison_published_part_to_string (part);
  back = liaison_published_part_from_string (text, &error);
  g_assert_null (back);
  g_assert_error (error, LIAISON_PUBLISHED_ERROR, LIAISON_PUBLISHED_ERROR_INVALID);
}

static char *
stored_data (LiaisonStore *store,
             const char   *sql)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = liaison_store_prepare (store, sql, &error);
  char *text;

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return text;
}

/* Publishing at a station desk is refused, and nothing is written. */
static void
test_station_refused (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(LiaisonPublishedHead) head = make_head ();
  g_autoptr(GPtrArray) parts = make_parts ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonPublishedReport) report = NULL;

  g_assert_true (liaison_store_set_setting (f->store, "sync_role", "station", &error));
  g_assert_no_error (error);
  report = liaison_store_save_published_report (f->store, head, parts, &error);
  g_assert_null (report);
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID);
  g_assert_cmpint (liaison_test_count_rows (f->store, "published_reports"), ==, 0);
  g_assert_cmpint (liaison_test_count_rows (f->store, "published_report_parts"), ==, 0);
}

/* Kept, pending push, read back; then whatever SQL tries, the published
 * figures stay byte for byte; publishing again is another publication. */
static void
test_never_changed (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(LiaisonPublishedHead) head = make_head ();
  g_autoptr(GPtrArray) parts = make_parts ();
  g_autoptr(LiaisonPublishedHead) head2 = make_head ();
  g_autoptr(GPtrArray) parts2 = make_parts ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonPublishedReport) report = NULL;
  g_autoptr(LiaisonPublishedReport) again = NULL;
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GPtrArray) read_parts = NULL;
  g_autofree char *before = NULL;
  g_autofree char *part_before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *part_after = NULL;
  const char *refused[] = {
    "UPDATE published_reports SET data = replace (data, '\"collected\":3', '\"collected\":4')",
    "UPDATE published_reports SET period = '2025-04'",
    "UPDATE published_reports SET published_by = '别人'",
    "UPDATE published_reports SET deleted = 1",
    "DELETE FROM published_reports",
    "UPDATE published_report_parts SET data = replace (data, '\"collected\":2', '\"collected\":1')",
    "UPDATE published_report_parts SET station_uuid = '" STATION_B "'",
    "UPDATE published_report_parts SET deleted = 1",
    "DELETE FROM published_report_parts",
  };

  report = liaison_store_save_published_report (f->store, head, parts, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report->head);
  g_assert_cmpstr (report->head->published_by, ==, "陈静");
  g_assert_cmpuint (report->head->parts, ==, 2);
  g_assert_cmpint (report->meta.sync_state, ==, LIAISON_SYNC_STATE_PENDING);
  read_parts = liaison_store_list_published_parts (f->store, report->meta.uuid, STATION_A, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (read_parts->len, ==, 1);
  g_assert_cmpstr (((LiaisonPublishedPart *) g_ptr_array_index (read_parts, 0))->report, ==, report->meta.uuid);
  g_assert_cmpuint (((LiaisonPublishedPart *) g_ptr_array_index (read_parts, 0))->items->len, ==, 2);
  /* Both wait to be pushed: headquarters' kinds. */
  g_assert_cmpuint (liaison_store_count_unsynced (f->store, &error), >=, 3);

  before = stored_data (f->store, "SELECT data FROM published_reports");
  part_before = stored_data (f->store, "SELECT data FROM published_report_parts WHERE station_uuid = '" STATION_A "'");
  g_assert_cmpstr (before, ==, report->data);
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) sql_error = NULL;

      g_assert_false (liaison_store_exec (f->store, refused[i], &sql_error));
      g_test_message ("%s: %s", refused[i], sql_error->message);
      g_assert_nonnull (strstr (sql_error->message, "a published report is never"));
    }
  /* Its sync bookkeeping still moves. */
  g_assert_true (liaison_store_exec (f->store, "UPDATE published_reports SET sync_state = 0, server_version = 1", &error));
  g_assert_no_error (error);
  after = stored_data (f->store, "SELECT data FROM published_reports");
  part_after = stored_data (f->store, "SELECT data FROM published_report_parts WHERE station_uuid = '" STATION_A "'");
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpstr (part_after, ==, part_before);
  g_assert_cmpint (liaison_test_count_rows (f->store, "published_reports"), ==, 1);
  g_assert_cmpint (liaison_test_count_rows (f->store, "published_report_parts"), ==, 2);

  /* March published again: another publication, the first kept. */
  head2->total->counts[0] = 4;
  again = liaison_store_save_published_report (f->store, head2, parts2, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again->meta.uuid, !=, report->meta.uuid);
  reports = liaison_store_list_published_reports (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reports->len, ==, 2);
  g_clear_pointer (&after, g_free);
  after = stored_data (f->store, "SELECT data FROM published_reports ORDER BY id LIMIT 1");
  g_assert_cmpstr (after, ==, before);
}

/* A pulled copy of a publication already here changes nothing of it,
 * even when the server's copy says otherwise: only the bookkeeping. */
static void
test_pull_keeps (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(LiaisonPublishedHead) head = make_head ();
  g_autoptr(GPtrArray) parts = make_parts ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonPublishedReport) report = NULL;
  g_autoptr(JsonNode) page = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *json = NULL;
  g_autofree char *changed = NULL;
  LiaisonSyncCounts counts = { 0 };

  report = liaison_store_save_published_report (f->store, head, parts, &error);
  g_assert_no_error (error);
  before = g_strdup (report->data);
  head->total->counts[0] = 9;
  changed = liaison_published_head_to_string (head);
  json = g_strdup_printf ("[{\"kind\": \"published_report\", \"uuid\": \"%s\", \"version\": 2,"
                          " \"updated_at\": \"2025-04-03T00:00:00Z\", \"origin_station\": null, \"deleted\": false,"
                          " \"data\": %s, \"seq\": 7}]", report->meta.uuid, changed);
  page = json_from_string (json, &error);
  g_assert_no_error (error);
  /* The unsent publication meets a "newer" version: a conflict that may
   * not rewrite it; the write fails rather than change it. */
  g_assert_true (liaison_store_exec (f->store, "UPDATE published_reports SET sync_state = 0, server_version = 1", &error));
  g_assert_no_error (error);
  liaison_store_apply_pulled (f->store, json_node_get_array (page), 7, &counts, &error);
  g_clear_error (&error);
  after = stored_data (f->store, "SELECT data FROM published_reports");
  g_assert_cmpstr (after, ==, before);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/published-store/json", test_json);
  g_test_add_func ("/published-store/strict", test_strict);
  g_test_add_func ("/published-store/part-size", test_part_size);
  g_test_add ("/published-store/station-refused", Fixture, NULL, fixture_set_up, test_station_refused,
              fixture_tear_down);
  g_test_add ("/published-store/never-changed", Fixture, NULL, fixture_set_up, test_never_changed,
              fixture_tear_down);
  g_test_add ("/published-store/pull-keeps", Fixture, NULL, fixture_set_up, test_pull_keeps, fixture_tear_down);
  return g_test_run ();
}
