/* test-store.c: the store against real SQLite files in a temporary folder. */
#define G_LOG_DOMAIN "test-store"

#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "liaison-store.h"
#include "liaison-test-util.h"
#include "liaison-validate.h"

typedef struct {
  char         *dir;
  char         *path;
  LiaisonStore *store;
  gint64        deputy_ids[3];
  gint64        category_id;     /* urban_construction */
  gint64        other_category;  /* transport */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = liaison_test_make_tmp_dir ("liaison-store-XXXXXX");
  fixture->path = g_build_filename (fixture->dir, "station.db", NULL);
  fixture->store = liaison_test_open_store_with_station (fixture->path, "相山区东山街道代表联络站");
  fixture->deputy_ids[0] = liaison_test_add_deputy (fixture->store, "张伟", LIAISON_DEPUTY_LEVEL_CITY);
  fixture->deputy_ids[1] = liaison_test_add_deputy (fixture->store, "李秀兰", LIAISON_DEPUTY_LEVEL_COUNTY);
  fixture->deputy_ids[2] = liaison_test_add_deputy (fixture->store, "王建国", LIAISON_DEPUTY_LEVEL_PROVINCIAL);
  fixture->category_id = liaison_store_find_category (fixture->store, "urban_construction");
  fixture->other_category = liaison_store_find_category (fixture->store, "transport");
  g_assert_cmpint (fixture->category_id, >, 0);
  g_assert_cmpint (fixture->other_category, >, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  liaison_test_clear_store_dir (&fixture->store, &fixture->dir);
  g_free (fixture->path);
}

/* A valid reception with one visitor and the fixture's first deputy. */
static LiaisonReception *
make_reception (Fixture    *fixture,
                const char *received_at,
                const char *summary)
{
  LiaisonReception *reception = liaison_reception_new ();

  reception->received_at = g_strdup (received_at);
  reception->channel = LIAISON_CHANNEL_WALK_IN;
  reception->category_id = fixture->category_id;
  reception->summary = g_strdup (summary);
  g_array_append_val (reception->deputy_ids, fixture->deputy_ids[0]);
  g_ptr_array_add (reception->visitors, liaison_test_make_visitor ("赵敏", "13912345678", "翠竹园社区"));
  return reception;
}

static gint64
save_reception (Fixture    *fixture,
                const char *received_at,
                const char *summary)
{
  g_autoptr(LiaisonReception) reception = make_reception (fixture, received_at, summary);
  g_autoptr(GError) error = NULL;

  g_assert_true (liaison_store_save_reception (fixture->store, reception, &error));
  g_assert_no_error (error);
  return reception->meta.id;
}

static char *
read_bytes (const char *path,
            gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, length, &error));
  g_assert_no_error (error);
  return contents;
}

/* Opening and migrating */

static void
test_open_creates (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = liaison_test_make_tmp_dir ("liaison-store-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "nested", "folder", "station.db", NULL);
  g_autoptr(LiaisonStore) store = NULL;

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  store = liaison_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpstr (liaison_store_get_path (store), ==, path);

  g_assert_cmpint (liaison_store_get_schema_version (store), ==, LIAISON_STORE_SCHEMA_VERSION);
  g_assert_cmpint (liaison_store_query_int (store, "SELECT journal_mode = 'wal' FROM pragma_journal_mode", &error), ==, 1);
  g_assert_no_error (error);
  g_assert_cmpint (liaison_store_query_int (store, "PRAGMA foreign_keys", &error), ==, 1);
  g_assert_no_error (error);
  g_assert_cmpint (liaison_test_count_rows (store, "categories"), ==, 10);
  g_assert_cmpint (liaison_test_count_rows (store, "receptions"), ==, 0);

  g_clear_object (&store);
  liaison_test_remove_tree (dir);
}

static void
test_reopen (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = liaison_test_make_tmp_dir ("liaison-store-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "station.db", NULL);
  g_autoptr(LiaisonStore) store = liaison_test_open_store (path);
  g_autoptr(LiaisonStation) station = NULL;
  gint64 deputy_id;

  liaison_test_set_station (store, "杜集区矿山集街道代表之家", LIAISON_STATION_KIND_HOME, "杜集区");
  deputy_id = liaison_test_add_deputy (store, "陈静", LIAISON_DEPUTY_LEVEL_TOWNSHIP);
  g_assert_true (liaison_store_exec (store, "UPDATE categories SET updated_at = 'marker' WHERE code = 'other'", &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  store = liaison_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (liaison_store_get_schema_version (store), ==, LIAISON_STORE_SCHEMA_VERSION);
  /* Seeding again would add ten more categories, or fail on their codes. */
  g_assert_cmpint (liaison_test_count_rows (store, "categories"), ==, 10);
  g_assert_cmpint (liaison_store_query_int (store, "SELECT count(*) FROM categories WHERE updated_at = 'marker'", &error), ==, 1);
  g_assert_no_error (error);
  station = liaison_store_get_local_station (store);
  g_assert_nonnull (station);
  g_assert_cmpstr (station->name, ==, "杜集区矿山集街道代表之家");
  g_assert_cmpint (liaison_store_find_deputy (store, "陈静"), ==, deputy_id);
  g_assert_cmpint (liaison_store_query_int (store, "PRAGMA foreign_keys", NULL), ==, 1);

  g_clear_object (&store);
  liaison_test_remove_tree (dir);
}

/* A database written by the first release (schema 1, made by `liaison demo`
 * with receptions 3 and 7 then deleted) is upgraded in place. */
static void
test_migrate_from_v1 (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = liaison_test_make_tmp_dir ("liaison-store-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "station.db", NULL);
  g_autofree char *fixture = liaison_test_data_path ("station-v1.db");
  g_autofree char *contents = NULL;
  g_autofree char *deleted_summary = NULL;
  g_autoptr(LiaisonStore) store = NULL;
  g_autoptr(LiaisonReception) deleted = NULL;
  LiaisonReceptionFilter filter = { 0 };
  gsize length;

  g_assert_true (g_file_get_contents (fixture, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, contents, length, &error));

  store = liaison_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (liaison_store_get_schema_version (store), ==, LIAISON_STORE_SCHEMA_VERSION);
  g_assert_cmpint (liaison_test_count_rows (store, "receptions"), ==, 40);
  g_assert_cmpint (liaison_test_count_rows (store, "categories"), ==, 10);

  /* The live total came from the rows, tombstones excluded. */
  g_assert_cmpuint (liaison_store_count_receptions (store, NULL, &error), ==, 38);
  g_assert_cmpint (liaison_store_query_int (store, "SELECT live FROM reception_totals", &error), ==, 38);

  /* Tombstones left the search index: searching a deleted reception's own
   * words counts only live rows, by the index and by the table alike. */
  deleted = liaison_store_get_reception (store, 3, &error);
  g_assert_null (deleted);
  g_clear_error (&error);
  {
    sqlite3 *db = NULL;
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT substr(summary, 1, 6) FROM receptions WHERE id = 3", -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    deleted_summary = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    sqlite3_finalize (stmt);
    sqlite3_close (db);
  }
  filter.search = deleted_summary;
  {
    guint by_index = liaison_store_count_receptions (store, &filter, &error);
    g_autoptr(GPtrArray) rows = liaison_store_list_receptions (store, &filter, 0, G_MAXINT, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (by_index, >, 0);
    g_assert_cmpuint (by_index, ==, rows->len);
    for (guint i = 0; i < rows->len; i++)
      g_assert_cmpint (((LiaisonReception *) g_ptr_array_index (rows, i))->meta.id, !=, 3);
  }

  /* The new triggers keep the total as receptions come and go. */
  g_assert_true (liaison_store_delete_reception (store, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (liaison_store_count_receptions (store, NULL, &error), ==, 37);
  g_assert_cmpint (liaison_store_query_int (store,
    "SELECT count(*) FROM receptions WHERE deleted = 0", &error), ==, 37);
  g_assert_true (liaison_store_exec (store,
    "INSERT INTO reception_search (reception_search) VALUES ('integrity-check')", &error));
  g_assert_no_error (error);

  g_clear_object (&store);
  liaison_test_remove_tree (dir);
}

static void
check_too_new (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonStore) store = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_length, after_length;

  g_test_message ("too new: %s", path);
  before = read_bytes (path, &before_length);
  store = liaison_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, path));
  after = read_bytes (path, &after_length);
  g_assert_cmpmem (before, before_length, after, after_length);
}

static void
test_too_new (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = liaison_test_make_tmp_dir ("liaison-store-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "station.db", NULL);
  g_autofree char *raw_path = g_build_filename (dir, "raw.db", NULL);
  g_autofree char *sql = NULL;
  g_autoptr(LiaisonStore) store = liaison_test_open_store (path);
  sqlite3 *db = NULL;

  liaison_test_set_station (store, "烈山区宋疃镇代表联络点", LIAISON_STATION_KIND_POINT, "烈山区");
  sql = g_strdup_printf ("PRAGMA user_version = %d", LIAISON_STORE_SCHEMA_VERSION + 1);
  g_assert_true (liaison_store_exec (store, sql, &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  check_too_new (path);

  /* A newer program might not use WAL: switching the journal mode would
   * already rewrite the header. */
  g_assert_cmpint (sqlite3_open (raw_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE future (x); INSERT INTO future VALUES (1);", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  check_too_new (raw_path);

  liaison_test_remove_tree (dir);
}

static void
test_not_a_database (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = liaison_test_make_tmp_dir ("liaison-store-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "notes.db", NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(LiaisonStore) store = NULL;
  g_autofree char *after = NULL;
  gsize after_length;
  GRand *rand = g_rand_new_with_seed (42);

  for (guint i = 0; i < 8192; i++)
    g_string_append_c (text, (char) g_rand_int_range (rand, 32, 127));
  g_rand_free (rand);
  g_assert_true (g_file_set_contents (path, text->str, text->len, &error));
  g_assert_no_error (error);

  store = liaison_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_OPEN);
  g_assert_nonnull (strstr (error->message, path));
  after = read_bytes (path, &after_length);
  g_assert_cmpmem (text->str, text->len, after, after_length);

  liaison_test_remove_tree (dir);
}

/* Stations, groups, deputies, categories */

static void
test_local_station (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = liaison_test_make_tmp_dir ("liaison-store-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "station.db", NULL);
  g_autoptr(LiaisonStore) store = liaison_test_open_store (path);
  g_autoptr(LiaisonStation) first = NULL;
  g_autoptr(LiaisonStation) second = NULL;
  g_autoptr(LiaisonReception) reception = liaison_reception_new ();

  g_assert_null (liaison_store_get_local_station (store));

  /* No station yet: a reception cannot be saved. */
  reception->received_at = g_strdup ("2024-05-01 09:00");
  reception->summary = g_strdup ("反映路灯不亮");
  g_assert_false (liaison_store_save_reception (store, reception, &error));
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_NO_STATION);
  g_clear_error (&error);

  g_assert_true (liaison_store_set_local_station (store, "濉溪县代表工作室",
                                                  LIAISON_STATION_KIND_STUDIO, "濉溪县", &error));
  g_assert_no_error (error);
  first = liaison_store_get_local_station (store);
  g_assert_nonnull (first);
  g_assert_cmpstr (first->name, ==, "濉溪县代表工作室");
  g_assert_cmpint (first->kind, ==, LIAISON_STATION_KIND_STUDIO);
  g_assert_cmpstr (first->district, ==, "濉溪县");
  g_assert_cmpint (strlen (first->meta.uuid), ==, 36);
  g_assert_cmpstr (first->meta.origin_station_uuid, ==, first->meta.uuid);

  g_assert_true (liaison_store_set_local_station (store, "濉溪县人大代表之家",
                                                  LIAISON_STATION_KIND_HOME, "濉溪县", &error));
  g_assert_no_error (error);
  second = liaison_store_get_local_station (store);
  g_assert_cmpint (second->meta.id, ==, first->meta.id);
  g_assert_cmpstr (second->meta.uuid, ==, first->meta.uuid);
  g_assert_cmpstr (second->name, ==, "濉溪县人大代表之家");
  g_assert_cmpint (second->kind, ==, LIAISON_STATION_KIND_HOME);
  g_assert_cmpint (second->meta.version, ==, first->meta.version + 1);
  g_assert_cmpint (liaison_test_count_rows (store, "stations"), ==, 1);

  g_clear_object (&store);
  liaison_test_remove_tree (dir);
}

static void
test_stations (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(LiaisonStation) station = liaison_station_new ();
  g_autoptr(LiaisonStation) empty = liaison_station_new ();
  g_autoptr(GPtrArray) stations = NULL;
  g_autoptr(GError) error = NULL;
  gboolean found = FALSE;

  station->name = g_strdup ("  杜集区高岳街道代表联络点 ");
  station->kind = LIAISON_STATION_KIND_POINT;
  station->district = g_strdup ("杜集区");
  g_assert_true (liaison_store_save_station (fixture->store, station, &error));
  g_assert_no_error (error);
  g_assert_cmpint (station->meta.id, >, 0);
  g_assert_cmpint (station->meta.version, ==, 1);
  g_assert_cmpint (station->meta.sync_state, ==, LIAISON_SYNC_STATE_PENDING);

  empty->name = g_strdup ("   ");
  g_assert_false (liaison_store_save_station (fixture->store, empty, &error));
  g_assert_error (error, LIAISON_VALIDATION_ERROR, LIAISON_VALIDATION_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (empty->meta.id, ==, 0);

  g_free (station->district);
  station->district = g_strdup ("杜集区（新）");
  g_assert_true (liaison_store_save_station (fixture->store, station, &error));
  g_assert_no_error (error);
  g_assert_cmpint (station->meta.version, ==, 2);

  stations = liaison_store_list_stations (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stations->len, ==, 2);
  for (guint i = 0; i < stations->len; i++)
    {
      const LiaisonStation *s = g_ptr_array_index (stations, i);

      if (s->meta.id == station->meta.id)
        {
          found = TRUE;
          g_assert_cmpstr (s->name, ==, "杜集区高岳街道代表联络点");
          g_assert_cmpstr (s->district, ==, "杜集区（新）");
          g_assert_cmpint (s->kind, ==, LIAISON_STATION_KIND_POINT);
          g_assert_cmpint (s->meta.version, ==, 2);
        }
      if (i > 0)
        g_assert_cmpint (g_utf8_collate (((LiaisonStation *) g_ptr_array_index (stations, i - 1))->name, s->name), <=, 0);
    }
  g_assert_true (found);
}

static void
test_groups (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  gint64 first, again, other;

  first = liaison_store_ensure_deputy_group (fixture->store, "农业农村代表小组", &error);
  g_assert_no_error (error);
  g_assert_cmpint (first, >, 0);
  again = liaison_store_ensure_deputy_group (fixture->store, "农业农村代表小组", &error);
  g_assert_no_error (error);
  g_assert_cmpint (again, ==, first);
  other = liaison_store_ensure_deputy_group (fixture->store, "电子商务代表小组", &error);
  g_assert_no_error (error);
  g_assert_cmpint (other, !=, first);
  g_assert_cmpint (liaison_test_count_rows (fixture->store, "deputy_groups"), ==, 2);

  groups = liaison_store_list_deputy_groups (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (groups->len, ==, 2);

  /* A deleted group no longer counts: ensuring it makes a new one. */
  g_assert_true (liaison_store_exec (fixture->store, "UPDATE deputy_groups SET deleted = 1 WHERE name = '电子商务代表小组'", &error));
  again = liaison_store_ensure_deputy_group (fixture->store, "电子商务代表小组", &error);
  g_assert_no_error (error);
  g_assert_cmpint (again, !=, other);
  g_clear_pointer (&groups, g_ptr_array_unref);
  groups = liaison_store_list_deputy_groups (fixture->store, &error);
  g_assert_cmpuint (groups->len, ==, 2);
}

static void
test_deputies (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(LiaisonDeputy) deputy = liaison_deputy_new ();
  g_autoptr(LiaisonDeputy) read = NULL;
  g_autoptr(LiaisonDeputy) edited = NULL;
  g_autoptr(LiaisonDeputy) bad = liaison_deputy_new ();
  g_autoptr(LiaisonStation) station = liaison_store_get_local_station (fixture->store);
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;
  gint64 group_id = liaison_store_ensure_deputy_group (fixture->store, "电子商务代表小组", NULL);

  deputy->name = g_strdup ("孙丽华");
  deputy->level = LIAISON_DEPUTY_LEVEL_CITY;
  deputy->group_id = group_id;
  deputy->station_id = station->meta.id;
  deputy->specialty = g_strdup ("农村电商");
  deputy->phone = g_strdup ("13805611234");
  g_assert_true (liaison_store_save_deputy (fixture->store, deputy, &error));
  g_assert_no_error (error);
  g_assert_cmpint (deputy->meta.id, >, 0);
  g_assert_cmpint (strlen (deputy->meta.uuid), ==, 36);
  g_assert_cmpint (deputy->meta.version, ==, 1);

  read = liaison_store_get_deputy (fixture->store, deputy->meta.id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (read->name, ==, "孙丽华");
  g_assert_cmpint (read->level, ==, LIAISON_DEPUTY_LEVEL_CITY);
  g_assert_cmpint (read->group_id, ==, group_id);
  g_assert_cmpstr (read->group_name, ==, "电子商务代表小组");
  g_assert_cmpint (read->station_id, ==, station->meta.id);
  g_assert_cmpstr (read->station_name, ==, station->name);
  g_assert_cmpstr (read->specialty, ==, "农村电商");
  g_assert_cmpstr (read->phone, ==, "13805611234");
  g_assert_cmpstr (read->meta.uuid, ==, deputy->meta.uuid);
  g_assert_cmpint (read->meta.sync_state, ==, LIAISON_SYNC_STATE_PENDING);

  g_assert_null (liaison_store_get_deputy (fixture->store, 999999, &error));
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Search by part of a Chinese name, and by specialty. */
  found = liaison_store_list_deputies (fixture->store, "丽华", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpint (((LiaisonDeputy *) g_ptr_array_index (found, 0))->meta.id, ==, deputy->meta.id);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = liaison_store_list_deputies (fixture->store, "电商", &error);
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = liaison_store_list_deputies (fixture->store, "王", &error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (((LiaisonDeputy *) g_ptr_array_index (found, 0))->name, ==, "王建国");
  g_clear_pointer (&found, g_ptr_array_unref);
  /* LIKE wildcards typed by the user are literal. */
  found = liaison_store_list_deputies (fixture->store, "%", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = liaison_store_list_deputies (fixture->store, NULL, &error);
  g_assert_cmpuint (found->len, ==, 4);

  g_assert_cmpint (liaison_store_find_deputy (fixture->store, "孙丽华"), ==, deputy->meta.id);
  g_assert_cmpint (liaison_store_find_deputy (fixture->store, " 孙丽华  "), ==, deputy->meta.id);
  g_assert_cmpint (liaison_store_find_deputy (fixture->store, "孙丽"), ==, 0);
  g_assert_cmpint (liaison_store_find_deputy (fixture->store, NULL), ==, 0);

  /* An edit bumps the version and waits to be sent again. */
  g_assert_true (liaison_store_exec (fixture->store, "UPDATE deputies SET sync_state = 0", &error));
  edited = liaison_store_get_deputy (fixture->store, deputy->meta.id, &error);
  g_assert_cmpint (edited->meta.sync_state, ==, LIAISON_SYNC_STATE_SYNCED);
  g_free (edited->specialty);
  edited->specialty = g_strdup ("跨境电商");
  g_assert_true (liaison_store_save_deputy (fixture->store, edited, &error));
  g_assert_no_error (error);
  g_clear_pointer (&read, liaison_deputy_free);
  read = liaison_store_get_deputy (fixture->store, deputy->meta.id, &error);
  g_assert_cmpint (read->meta.version, ==, 2);
  g_assert_cmpint (read->meta.sync_state, ==, LIAISON_SYNC_STATE_PENDING);
  g_assert_cmpstr (read->meta.uuid, ==, deputy->meta.uuid);
  g_assert_cmpstr (read->specialty, ==, "跨境电商");
  g_assert_cmpint (liaison_test_count_rows (fixture->store, "deputies"), ==, 4);

  bad->name = g_strdup ("吴刚");
  bad->phone = g_strdup ("12345");
  g_assert_false (liaison_store_save_deputy (fixture->store, bad, &error));
  g_assert_error (error, LIAISON_VALIDATION_ERROR, LIAISON_VALIDATION_ERROR_INVALID);
  g_assert_cmpint (bad->meta.id, ==, 0);
  g_assert_cmpint (liaison_test_count_rows (fixture->store, "deputies"), ==, 4);
}

static void
test_locale_collation (Fixture       *fixture,
                       gconstpointer  data)
{
  const char *names[] = { "Zhou", "安琪", "欧阳明", "bai", "Émile", "周杰", "艾伦", "张三", "Anna" };
  g_autoptr(GPtrArray) deputies = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    liaison_test_add_deputy (fixture->store, names[i], LIAISON_DEPUTY_LEVEL_TOWNSHIP);

  deputies = liaison_store_list_deputies (fixture->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (deputies->len, ==, G_N_ELEMENTS (names) + 3);
  for (guint i = 1; i < deputies->len; i++)
    {
      const LiaisonDeputy *a = g_ptr_array_index (deputies, i - 1);
      const LiaisonDeputy *b = g_ptr_array_index (deputies, i);

      g_assert_cmpint (g_utf8_collate (a->name, b->name), <=, 0);
    }
}

static void
test_categories (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) categories = NULL;
  g_autoptr(GError) error = NULL;
  gint64 transport;

  categories = liaison_store_list_categories (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (categories->len, ==, 10);
  g_assert_cmpstr (((LiaisonCategory *) g_ptr_array_index (categories, 0))->code, ==, "urban_construction");
  g_assert_cmpstr (((LiaisonCategory *) g_ptr_array_index (categories, 9))->code, ==, "other");

  transport = liaison_store_find_category (fixture->store, "transport");
  g_assert_cmpint (transport, >, 0);
  g_assert_cmpint (liaison_store_find_category (fixture->store, "Transport"), ==, transport);
  g_assert_cmpint (liaison_store_find_category (fixture->store, " 交通出行 "), ==, transport);
  g_assert_cmpint (liaison_store_find_category (fixture->store, "医疗卫生"), ==,
                   liaison_store_find_category (fixture->store, "health"));
  g_assert_cmpint (liaison_store_find_category (fixture->store, "交通"), ==, 0);
  g_assert_cmpint (liaison_store_find_category (fixture->store, "nonsense"), ==, 0);
  g_assert_cmpint (liaison_store_find_category (fixture->store, NULL), ==, 0);
}

/* Receptions */

static void
test_reception_round_trip (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(LiaisonReception) reception = make_reception (fixture, "2024/3/5 9:30", "反映小区道路积水严重");
  g_autoptr(LiaisonReception) read = NULL;
  g_autoptr(LiaisonSuggestion) inline_suggestion = liaison_suggestion_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;
  const LiaisonVisitor *visitor;
  const LiaisonSuggestion *suggestion;
  gint64 suggestion_id;

  reception->channel = LIAISON_CHANNEL_MOBILE_DESK;
  reception->handled_on_spot = TRUE;
  reception->handling = g_strdup ("当场联系街道城建办");
  g_array_append_val (reception->deputy_ids, fixture->deputy_ids[2]);
  g_ptr_array_add (reception->visitors, liaison_test_make_visitor ("", "", "凤凰山村"));
  inline_suggestion->category_id = fixture->category_id;
  inline_suggestion->title = g_strdup ("疏通雨水管网");
  inline_suggestion->content = g_strdup ("建议汛期前疏通小区雨水管网");
  inline_suggestion->raised_by = g_strdup ("赵敏");
  g_ptr_array_add (reception->suggestions, g_steal_pointer (&inline_suggestion));

  g_assert_true (liaison_store_save_reception (fixture->store, reception, &error));
  g_assert_no_error (error);
  g_assert_cmpint (reception->meta.id, >, 0);
  g_assert_nonnull (reception->meta.uuid);
  g_assert_cmpint (strlen (reception->meta.uuid), ==, 36);
  g_assert_true (g_uuid_string_is_valid (reception->meta.uuid));
  g_assert_cmpint (reception->meta.version, ==, 1);
  g_assert_cmpint (reception->meta.sync_state, ==, LIAISON_SYNC_STATE_PENDING);
  g_assert_cmpstr (reception->received_at, ==, "2024-03-05 09:30");
  suggestion_id = ((LiaisonSuggestion *) g_ptr_array_index (reception->suggestions, 0))->meta.id;
  g_assert_cmpint (suggestion_id, >, 0);
  uuid = g_strdup (reception->meta.uuid);

  read = liaison_store_get_reception (fixture->store, reception->meta.id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (read->meta.id, ==, reception->meta.id);
  g_assert_cmpstr (read->meta.uuid, ==, uuid);
  g_assert_cmpint (read->meta.version, ==, 1);
  g_assert_cmpint (read->meta.sync_state, ==, LIAISON_SYNC_STATE_PENDING);
  g_assert_false (read->meta.deleted);
  g_assert_cmpstr (read->received_at, ==, "2024-03-05 09:30");
  g_assert_cmpint (read->channel, ==, LIAISON_CHANNEL_MOBILE_DESK);
  g_assert_cmpint (read->category_id, ==, fixture->category_id);
  g_assert_cmpstr (read->category_name, ==, "Urban construction");
  g_assert_cmpstr (read->station_name, ==, "相山区东山街道代表联络站");
  g_assert_cmpstr (read->summary, ==, "反映小区道路积水严重");
  g_assert_true (read->handled_on_spot);
  g_assert_cmpstr (read->handling, ==, "当场联系街道城建办");
  g_assert_cmpuint (read->visitors->len, ==, 2);
  visitor = g_ptr_array_index (read->visitors, 0);
  g_assert_cmpstr (visitor->name, ==, "赵敏");
  g_assert_cmpstr (visitor->phone, ==, "13912345678");
  g_assert_cmpstr (visitor->community, ==, "翠竹园社区");
  g_assert_true (visitor->consent);
  visitor = g_ptr_array_index (read->visitors, 1);
  g_assert_cmpstr (visitor->name, ==, "");
  g_assert_cmpstr (visitor->community, ==, "凤凰山村");
  g_assert_false (visitor->consent);
  g_assert_cmpuint (read->deputy_ids->len, ==, 2);
  g_assert_cmpstr (read->deputy_names, ==, "张伟、王建国");
  {
    gint64 a = g_array_index (read->deputy_ids, gint64, 0);
    gint64 b = g_array_index (read->deputy_ids, gint64, 1);

    g_assert_true ((a == fixture->deputy_ids[0] && b == fixture->deputy_ids[2]) ||
                   (a == fixture->deputy_ids[2] && b == fixture->deputy_ids[0]));
  }
  g_assert_cmpuint (read->suggestions->len, ==, 1);
  suggestion = g_ptr_array_index (read->suggestions, 0);
  g_assert_cmpint (suggestion->meta.id, ==, suggestion_id);
  g_assert_cmpint (suggestion->reception_id, ==, reception->meta.id);
  g_assert_cmpstr (suggestion->title, ==, "疏通雨水管网");
  g_assert_cmpstr (suggestion->raised_by, ==, "赵敏");
  g_assert_cmpstr (suggestion->reception_received_at, ==, "2024-03-05 09:30");

  /* An edit: a new version of the same record, visitors replaced. */
  g_ptr_array_set_size (read->visitors, 0);
  g_ptr_array_add (read->visitors, liaison_test_make_visitor ("钱多多", "0561-3012345", "南湖社区"));
  g_free (read->summary);
  read->summary = g_strdup ("反映小区道路积水，已疏通");
  g_assert_true (liaison_store_exec (fixture->store, "UPDATE receptions SET sync_state = 0", &error));
  g_assert_true (liaison_store_save_reception (fixture->store, read, &error));
  g_assert_no_error (error);
  g_assert_cmpint (read->meta.version, ==, 2);
  g_assert_cmpstr (read->meta.uuid, ==, uuid);
  g_clear_pointer (&reception, liaison_reception_free);
  reception = liaison_store_get_reception (fixture->store, read->meta.id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (reception->meta.version, ==, 2);
  g_assert_cmpstr (reception->meta.uuid, ==, uuid);
  g_assert_cmpint (reception->meta.sync_state, ==, LIAISON_SYNC_STATE_PENDING);
  g_assert_cmpstr (reception->summary, ==, "反映小区道路积水，已疏通");
  g_assert_cmpuint (reception->visitors->len, ==, 1);
  g_assert_cmpstr (((LiaisonVisitor *) g_ptr_array_index (reception->visitors, 0))->name, ==, "钱多多");
  g_assert_cmpint (liaison_test_count_rows (fixture->store, "reception_visitors"), ==, 1);
  g_assert_cmpint (liaison_test_count_rows (fixture->store, "receptions"), ==, 1);
  /* The inline suggestion was saved again, not duplicated. */
  g_assert_cmpint (liaison_test_count_rows (fixture->store, "suggestions"), ==, 1);
  g_assert_cmpuint (reception->suggestions->len, ==, 1);
  g_assert_cmpint (((LiaisonSuggestion *) g_ptr_array_index (reception->suggestions, 0))->meta.id, ==, suggestion_id);
}

static void
test_reception_delete (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  gint64 kept = save_reception (fixture, "2024-04-01 10:00", "咨询养老保险缴费");
  gint64 gone = save_reception (fixture, "2024-04-02 10:00", "反映噪音扰民");

  g_assert_cmpuint (liaison_store_count_receptions (fixture->store, NULL, &error), ==, 2);
  g_assert_true (liaison_store_delete_reception (fixture->store, gone, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (liaison_store_count_receptions (fixture->store, NULL, &error), ==, 1);
  list = liaison_store_list_receptions (fixture->store, NULL, 0, 100, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (((LiaisonReception *) g_ptr_array_index (list, 0))->meta.id, ==, kept);

  g_assert_null (liaison_store_get_reception (fixture->store, gone, &error));
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A tombstone, so that the deletion can be synced. */
  g_assert_cmpint (liaison_store_query_int (fixture->store, "SELECT count(*) FROM receptions WHERE deleted = 1 AND version = 2 AND sync_state = 1", &error), ==, 1);

  /* Neither a search nor a deleted record's edit brings it back. */
  {
    LiaisonReceptionFilter filter = { .search = (char *) "噪音扰民" };
    g_autoptr(LiaisonReception) stale = make_reception (fixture, "2024-04-02 10:00", "反映噪音扰民");

    g_assert_cmpuint (liaison_store_count_receptions (fixture->store, &filter, &error), ==, 0);
    stale->meta.id = gone;
    stale->meta.uuid = g_strdup ("00000000-0000-4000-8000-000000000000");
    g_assert_false (liaison_store_save_reception (fixture->store, stale, &error));
    g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }

  g_assert_false (liaison_store_delete_reception (fixture->store, gone, &error));
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (liaison_store_delete_reception (fixture->store, 424242, &error));
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_NOT_FOUND);
}

static void
test_suggestions (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(LiaisonSuggestion) standalone = liaison_suggestion_new ();
  g_autoptr(LiaisonSuggestion) read = NULL;
  g_autoptr(LiaisonSuggestion) invalid = liaison_suggestion_new ();
  g_autoptr(LiaisonReception) reception = make_reception (fixture, "2024-06-01 15:00", "反映农贸市场周边停车难");
  LiaisonSuggestion *linked = liaison_suggestion_new ();
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonStation) station = liaison_store_get_local_station (fixture->store);

  standalone->category_id = fixture->other_category;
  standalone->title = g_strdup ("增设公交站台");
  standalone->content = g_strdup ("建议在濉溪路口增设公交站台，方便老人出行");
  standalone->raised_by = g_strdup ("刘大爷");
  g_assert_true (liaison_store_save_suggestion (fixture->store, standalone, &error));
  g_assert_no_error (error);
  g_assert_cmpint (standalone->meta.id, >, 0);
  g_assert_cmpint (standalone->meta.version, ==, 1);
  g_assert_cmpint (standalone->station_id, ==, station->meta.id);
  g_assert_nonnull (standalone->created_at);

  read = liaison_store_get_suggestion (fixture->store, standalone->meta.id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (read->reception_id, ==, 0);
  g_assert_cmpstr (read->title, ==, "增设公交站台");
  g_assert_cmpstr (read->content, ==, "建议在濉溪路口增设公交站台，方便老人出行");
  g_assert_cmpstr (read->raised_by, ==, "刘大爷");
  g_assert_cmpstr (read->category_name, ==, "Transport");
  g_assert_cmpstr (read->created_at, ==, standalone->created_at);
  g_assert_null (read->reception_received_at);
  /* A new suggestion is registered, a citizen's item, round 1, with the
   * station's name and no contact (it has no reception). */
  g_assert_cmpint (read->status, ==, LIAISON_LOOP_STATUS_REGISTERED);
  g_assert_cmpint (read->kind, ==, LIAISON_LOOP_KIND_PUBLIC_OPINION);
  g_assert_cmpuint (read->round, ==, 1);
  g_assert_cmpint (read->deputy_id, ==, 0);
  g_assert_nonnull (read->co_signer_ids);
  g_assert_cmpuint (read->co_signer_ids->len, ==, 0);
  g_assert_cmpstr (read->station_name, ==, "相山区东山街道代表联络站");
  g_assert_false (g_date_valid (&read->due_date));
  g_assert_null (read->taken_up_by);
  g_assert_null (read->contact);
  g_assert_false (read->key_supervision || read->reopened || read->reply_unseen);

  g_assert_null (liaison_store_get_suggestion (fixture->store, 777777, &error));
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  invalid->category_id = fixture->category_id;
  invalid->content = g_strdup ("没有标题");
  g_assert_false (liaison_store_save_suggestion (fixture->store, invalid, &error));
  g_assert_error (error, LIAISON_VALIDATION_ERROR, LIAISON_VALIDATION_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (invalid->meta.id, ==, 0);

  linked->category_id = fixture->other_category;
  linked->title = g_strdup ("规划临时停车位");
  linked->content = g_strdup ("建议在市场东侧空地规划临时停车位");
  g_ptr_array_add (reception->suggestions, linked);
  g_assert_true (liaison_store_save_reception (fixture->store, reception, &error));
  g_assert_no_error (error);
  g_assert_cmpint (linked->meta.id, >, standalone->meta.id);
  g_assert_cmpint (linked->reception_id, ==, reception->meta.id);
  {
    g_autoptr(LiaisonSuggestion) linked_read = liaison_store_get_suggestion (fixture->store, linked->meta.id, &error);

    g_assert_no_error (error);
    /* The reception's visitor agreed to be contacted. */
    g_assert_cmpstr (linked_read->contact, ==, "赵敏 13912345678");
  }

  g_assert_cmpuint (liaison_store_count_suggestions (fixture->store, NULL, &error), ==, 2);
  list = liaison_store_list_suggestions (fixture->store, NULL, 0, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  /* Newest first: the linked one was saved last (ties broken by id). */
  g_assert_cmpint (((LiaisonSuggestion *) g_ptr_array_index (list, 0))->meta.id, ==, linked->meta.id);
  g_assert_cmpstr (((LiaisonSuggestion *) g_ptr_array_index (list, 0))->reception_received_at, ==, "2024-06-01 15:00");
  g_clear_pointer (&list, g_ptr_array_unref);
  list = liaison_store_list_suggestions (fixture->store, NULL, 1, 10, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (((LiaisonSuggestion *) g_ptr_array_index (list, 0))->meta.id, ==, standalone->meta.id);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Search: three characters or more through the index, fewer with LIKE. */
  g_assert_cmpuint (liaison_store_count_suggestions (fixture->store, "公交站台", &error), ==, 1);
  g_assert_cmpuint (liaison_store_count_suggestions (fixture->store, "停车", &error), ==, 1);
  g_assert_cmpuint (liaison_store_count_suggestions (fixture->store, "建议", &error), ==, 2);
  g_assert_cmpuint (liaison_store_count_suggestions (fixture->store, "刘大爷", &error), ==, 1);
  g_assert_cmpuint (liaison_store_count_suggestions (fixture->store, "不存在的内容", &error), ==, 0);
  g_assert_cmpuint (liaison_store_count_suggestions (fixture->store, "\"OR*-", &error), ==, 0);
  g_assert_no_error (error);
  list = liaison_store_list_suggestions (fixture->store, "临时停车位", 0, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (((LiaisonSuggestion *) g_ptr_array_index (list, 0))->meta.id, ==, linked->meta.id);

  /* An edit of a standalone suggestion. */
  g_free (read->title);
  read->title = g_strdup ("增设无障碍公交站台");
  g_assert_true (liaison_store_save_suggestion (fixture->store, read, &error));
  g_assert_no_error (error);
  g_assert_cmpint (read->meta.version, ==, 2);
  g_assert_cmpuint (liaison_store_count_suggestions (fixture->store, "无障碍", &error), ==, 1);
  g_assert_cmpint (liaison_test_count_rows (fixture->store, "suggestions"), ==, 2);
}

/* A deputy's suggestion: its filer and co-signers are kept by uuid and
 * read back as ids, and the checks refuse a filer who also co-signs. */
static void
test_deputy_suggestion (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(LiaisonSuggestion) suggestion = liaison_suggestion_new ();
  g_autoptr(LiaisonSuggestion) read = NULL;
  g_autoptr(LiaisonSuggestion) bad = liaison_suggestion_new ();
  g_autoptr(GError) error = NULL;
  gint64 missing = 999999;
  gint64 version;

  suggestion->kind = LIAISON_LOOP_KIND_DEPUTY_SUGGESTION;
  suggestion->category_id = fixture->category_id;
  suggestion->title = g_strdup ("关于加快老旧小区改造的建议");
  suggestion->content = g_strdup ("建议将老旧小区改造纳入年度重点项目");
  suggestion->deputy_id = fixture->deputy_ids[0];
  g_array_append_val (suggestion->co_signer_ids, fixture->deputy_ids[2]);
  g_array_append_val (suggestion->co_signer_ids, fixture->deputy_ids[1]);
  g_assert_true (liaison_store_save_suggestion (fixture->store, suggestion, &error));
  g_assert_no_error (error);

  read = liaison_store_get_suggestion (fixture->store, suggestion->meta.id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (read->kind, ==, LIAISON_LOOP_KIND_DEPUTY_SUGGESTION);
  g_assert_cmpint (read->deputy_id, ==, fixture->deputy_ids[0]);
  g_assert_cmpstr (read->deputy_name, ==, "张伟");
  g_assert_cmpuint (read->co_signer_ids->len, ==, 2);
  /* In the order given. */
  g_assert_cmpint (g_array_index (read->co_signer_ids, gint64, 0), ==, fixture->deputy_ids[2]);
  g_assert_cmpint (g_array_index (read->co_signer_ids, gint64, 1), ==, fixture->deputy_ids[1]);
  g_assert_cmpint (read->status, ==, LIAISON_LOOP_STATUS_REGISTERED);
  g_assert_cmpint (liaison_test_query_int (fixture->store,
                     "SELECT count(*) FROM suggestions WHERE co_signers LIKE '[\"%\",\"%\"]'"), ==, 1);

  /* An edit keeps them; dropping a co-signer is saved too. */
  g_array_remove_index (read->co_signer_ids, 0);
  version = read->meta.version;
  g_assert_true (liaison_store_save_suggestion (fixture->store, read, &error));
  g_assert_no_error (error);
  g_assert_cmpint (read->meta.version, ==, version + 1);
  g_clear_pointer (&read, liaison_suggestion_free);
  read = liaison_store_get_suggestion (fixture->store, suggestion->meta.id, &error);
  g_assert_cmpuint (read->co_signer_ids->len, ==, 1);
  g_assert_cmpint (g_array_index (read->co_signer_ids, gint64, 0), ==, fixture->deputy_ids[1]);

  /* Without its filer, with the filer co-signing, twice the same co-signer,
   * or a co-signer who is not on the roster: refused, nothing written. */
  bad->kind = LIAISON_LOOP_KIND_DEPUTY_SUGGESTION;
  bad->category_id = fixture->category_id;
  bad->title = g_strdup ("建议");
  bad->content = g_strdup ("内容");
  g_assert_false (liaison_store_save_suggestion (fixture->store, bad, &error));
  g_assert_error (error, LIAISON_VALIDATION_ERROR, LIAISON_VALIDATION_ERROR_INVALID);
  g_clear_error (&error);
  bad->deputy_id = fixture->deputy_ids[1];
  g_array_append_val (bad->co_signer_ids, fixture->deputy_ids[1]);
  g_assert_false (liaison_store_save_suggestion (fixture->store, bad, &error));
  g_assert_error (error, LIAISON_VALIDATION_ERROR, LIAISON_VALIDATION_ERROR_INVALID);
  g_clear_error (&error);
  g_array_set_size (bad->co_signer_ids, 0);
  g_array_append_val (bad->co_signer_ids, fixture->deputy_ids[2]);
  g_array_append_val (bad->co_signer_ids, fixture->deputy_ids[2]);
  g_assert_false (liaison_store_save_suggestion (fixture->store, bad, &error));
  g_assert_error (error, LIAISON_VALIDATION_ERROR, LIAISON_VALIDATION_ERROR_INVALID);
  g_clear_error (&error);
  g_array_set_size (bad->co_signer_ids, 0);
  g_array_append_val (bad->co_signer_ids, missing);
  g_assert_false (liaison_store_save_suggestion (fixture->store, bad, &error));
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (bad->meta.id, ==, 0);
  g_assert_cmpint (liaison_test_count_rows (fixture->store, "suggestions"), ==, 1);

  /* A citizen's item has no co-signers. */
  bad->kind = LIAISON_LOOP_KIND_PUBLIC_OPINION;
  bad->deputy_id = 0;
  g_array_set_size (bad->co_signer_ids, 0);
  g_array_append_val (bad->co_signer_ids, fixture->deputy_ids[2]);
  g_assert_false (liaison_store_save_suggestion (fixture->store, bad, &error));
  g_assert_error (error, LIAISON_VALIDATION_ERROR, LIAISON_VALIDATION_ERROR_INVALID);
}

static guint
count_and_list (LiaisonStore                 *store,
                const LiaisonReceptionFilter *filter,
                GPtrArray                   **out)
{
  g_autoptr(GError) error = NULL;
  guint count = liaison_store_count_receptions (store, filter, &error);
  g_autoptr(GPtrArray) list = NULL;

  g_assert_no_error (error);
  list = liaison_store_list_receptions (store, filter, 0, 1000, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, count);
  if (out != NULL)
    *out = g_steal_pointer (&list);
  return count;
}

static void
test_filters (Fixture       *fixture,
              gconstpointer  data)
{
  LiaisonReceptionFilter filter = { 0 };
  g_autoptr(GPtrArray) list = NULL;
  gint64 ids[6];

  ids[0] = save_reception (fixture, "2024-03-04 23:59", "前一天深夜");
  ids[1] = save_reception (fixture, "2024-03-05 00:00", "当天零点");
  ids[2] = save_reception (fixture, "2024-03-05 23:59", "当天深夜");
  ids[3] = save_reception (fixture, "2024-03-06 00:00", "后一天零点");
  {
    g_autoptr(LiaisonReception) reception = make_reception (fixture, "2024-03-05 12:00", "交通类，代表李秀兰");
    g_autoptr(GError) error = NULL;

    reception->category_id = fixture->other_category;
    g_array_set_size (reception->deputy_ids, 0);
    g_array_append_val (reception->deputy_ids, fixture->deputy_ids[1]);
    g_assert_true (liaison_store_save_reception (fixture->store, reception, &error));
    ids[4] = reception->meta.id;
  }
  {
    g_autoptr(LiaisonReception) reception = make_reception (fixture, "2024-03-10 08:00", "交通类，两位代表");
    g_autoptr(GError) error = NULL;

    reception->category_id = fixture->other_category;
    g_array_append_val (reception->deputy_ids, fixture->deputy_ids[1]);
    g_assert_true (liaison_store_save_reception (fixture->store, reception, &error));
    ids[5] = reception->meta.id;
  }

  g_assert_cmpuint (count_and_list (fixture->store, NULL, NULL), ==, 6);
  g_assert_cmpuint (count_and_list (fixture->store, &filter, NULL), ==, 6);

  /* A one-day range holds both its first and its last minute. */
  filter.from_date = (char *) "2024-03-05";
  filter.to_date = (char *) "2024-03-05";
  g_assert_cmpuint (count_and_list (fixture->store, &filter, &list), ==, 3);
  g_assert_cmpint (((LiaisonReception *) g_ptr_array_index (list, 0))->meta.id, ==, ids[2]);
  g_assert_cmpint (((LiaisonReception *) g_ptr_array_index (list, 1))->meta.id, ==, ids[4]);
  g_assert_cmpint (((LiaisonReception *) g_ptr_array_index (list, 2))->meta.id, ==, ids[1]);
  g_clear_pointer (&list, g_ptr_array_unref);

  filter.from_date = (char *) "2024-03-05";
  filter.to_date = NULL;
  g_assert_cmpuint (count_and_list (fixture->store, &filter, NULL), ==, 5);
  filter.from_date = NULL;
  filter.to_date = (char *) "2024-03-06";
  g_assert_cmpuint (count_and_list (fixture->store, &filter, NULL), ==, 5);
  filter.from_date = (char *) "";
  filter.to_date = (char *) "";
  g_assert_cmpuint (count_and_list (fixture->store, &filter, NULL), ==, 6);
  filter.from_date = (char *) "2024-03-11";
  filter.to_date = NULL;
  g_assert_cmpuint (count_and_list (fixture->store, &filter, NULL), ==, 0);
  filter.from_date = NULL;

  filter.deputy_id = fixture->deputy_ids[1];
  g_assert_cmpuint (count_and_list (fixture->store, &filter, &list), ==, 2);
  g_assert_cmpint (((LiaisonReception *) g_ptr_array_index (list, 0))->meta.id, ==, ids[5]);
  g_assert_cmpint (((LiaisonReception *) g_ptr_array_index (list, 1))->meta.id, ==, ids[4]);
  g_clear_pointer (&list, g_ptr_array_unref);
  filter.deputy_id = fixture->deputy_ids[0];
  g_assert_cmpuint (count_and_list (fixture->store, &filter, NULL), ==, 5);
  filter.deputy_id = fixture->deputy_ids[2];
  g_assert_cmpuint (count_and_list (fixture->store, &filter, NULL), ==, 0);
  filter.deputy_id = 0;

  filter.category_id = fixture->other_category;
  g_assert_cmpuint (count_and_list (fixture->store, &filter, NULL), ==, 2);
  filter.category_id = fixture->category_id;
  g_assert_cmpuint (count_and_list (fixture->store, &filter, NULL), ==, 4);

  /* Combined: every condition holds. */
  filter.category_id = fixture->other_category;
  filter.deputy_id = fixture->deputy_ids[0];
  g_assert_cmpuint (count_and_list (fixture->store, &filter, &list), ==, 1);
  g_assert_cmpint (((LiaisonReception *) g_ptr_array_index (list, 0))->meta.id, ==, ids[5]);
  g_clear_pointer (&list, g_ptr_array_unref);
  filter.from_date = (char *) "2024-03-01";
  filter.to_date = (char *) "2024-03-09";
  g_assert_cmpuint (count_and_list (fixture->store, &filter, NULL), ==, 0);
  filter.deputy_id = fixture->deputy_ids[1];
  g_assert_cmpuint (count_and_list (fixture->store, &filter, &list), ==, 1);
  g_assert_cmpint (((LiaisonReception *) g_ptr_array_index (list, 0))->meta.id, ==, ids[4]);
  g_clear_pointer (&list, g_ptr_array_unref);
  filter.search = (char *) "两位代表";
  g_assert_cmpuint (count_and_list (fixture->store, &filter, NULL), ==, 0);
  filter.to_date = NULL;
  g_assert_cmpuint (count_and_list (fixture->store, &filter, NULL), ==, 1);

  /* For export: the full records of a range, oldest first. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) between = liaison_store_list_receptions_between (fixture->store, "2024-03-05", "2024-03-06", &error);
    const LiaisonReception *first;

    g_assert_no_error (error);
    g_assert_cmpuint (between->len, ==, 4);
    first = g_ptr_array_index (between, 0);
    g_assert_cmpint (first->meta.id, ==, ids[1]);
    g_assert_cmpint (((LiaisonReception *) g_ptr_array_index (between, 3))->meta.id, ==, ids[3]);
    g_assert_cmpuint (first->deputy_ids->len, ==, 1);
    g_assert_cmpuint (first->visitors->len, ==, 1);
  }
}

static void
test_ordering (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GError) error = NULL;
  const char *times[] = {
    "2024-01-15 10:00", "2024-02-01 09:00", "2024-01-15 10:00", "2023-12-31 23:59",
    "2024-02-01 09:00", "2024-01-15 10:00", "2024-01-20 08:30",
  };

  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    save_reception (fixture, times[i], "排序");

  g_assert_cmpuint (count_and_list (fixture->store, NULL, &list), ==, G_N_ELEMENTS (times));
  for (guint i = 1; i < list->len; i++)
    {
      const LiaisonReception *a = g_ptr_array_index (list, i - 1);
      const LiaisonReception *b = g_ptr_array_index (list, i);
      int cmp = strcmp (a->received_at, b->received_at);

      g_assert_cmpint (cmp, >=, 0);
      if (cmp == 0)
        g_assert_cmpint (a->meta.id, >, b->meta.id);
    }
  g_assert_cmpstr (((LiaisonReception *) g_ptr_array_index (list, 0))->received_at, ==, "2024-02-01 09:00");

  /* The list columns: the first visitor and the deputies' names. */
  {
    const LiaisonReception *row = g_ptr_array_index (list, 0);

    g_assert_cmpuint (row->visitors->len, ==, 1);
    g_assert_cmpstr (((LiaisonVisitor *) g_ptr_array_index (row->visitors, 0))->name, ==, "赵敏");
    g_assert_cmpstr (row->deputy_names, ==, "张伟");
    g_assert_cmpstr (row->category_name, ==, "Urban construction");
  }

  /* Pages line up with the whole list. */
  page = liaison_store_list_receptions (fixture->store, NULL, 3, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->len, ==, 2);
  for (guint i = 0; i < page->len; i++)
    g_assert_cmpint (((LiaisonReception *) g_ptr_array_index (page, i))->meta.id, ==,
                     ((LiaisonReception *) g_ptr_array_index (list, 3 + i))->meta.id);
}

/* Chinese full-text search */

static guint
search_count (Fixture    *fixture,
              const char *search)
{
  LiaisonReceptionFilter filter = { .search = (char *) search };

  return count_and_list (fixture->store, &filter, NULL);
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  const char *odd[] = {
    "\"", "\"\"", "*", "积水*", "道路 OR 积水", "OR", "AND", "NOT", "-", "-积水", "积水-",
    "NEAR(道路 积水)", "summary:积水", "^积水", "(", ")", "a\"b", "'", "%", "_", "\\",
    "道路\"积水", "{summary}: 积水", "+", "100%", "积水_",
  };
  gint64 water, lamp, school;

  {
    g_autoptr(LiaisonReception) reception = make_reception (fixture, "2024-07-01 09:00",
      "反映幸福里小区道路积水严重，希望尽快修复排水管网");
    g_autoptr(GError) error = NULL;

    reception->handled_on_spot = TRUE;
    reception->handling = g_strdup ("当场电话联系市政工程管理处");
    g_assert_true (liaison_store_save_reception (fixture->store, reception, &error));
    water = reception->meta.id;
  }
  {
    g_autoptr(LiaisonReception) reception = make_reception (fixture, "2024-07-02 09:00",
      "路灯不亮，夜间出行不便");
    g_autoptr(GError) error = NULL;

    g_ptr_array_set_size (reception->visitors, 0);
    g_ptr_array_add (reception->visitors, liaison_test_make_visitor ("欧阳秀英", "", "凤凰山村"));
    g_assert_true (liaison_store_save_reception (fixture->store, reception, &error));
    lamp = reception->meta.id;
  }
  {
    g_autoptr(LiaisonReception) reception = make_reception (fixture, "2024-07-03 09:00",
      "学校门口接送车辆拥堵，道路狭窄");
    g_autoptr(GError) error = NULL;

    g_assert_true (liaison_store_save_reception (fixture->store, reception, &error));
    school = reception->meta.id;
  }

  /* Two characters: no trigram, so a LIKE scan. */
  g_assert_cmpuint (search_count (fixture, "积水"), ==, 1);
  g_assert_cmpuint (search_count (fixture, "道路"), ==, 2);
  g_assert_cmpuint (search_count (fixture, "秀英"), ==, 1);
  g_assert_cmpuint (search_count (fixture, "市政"), ==, 1);
  g_assert_cmpuint (search_count (fixture, "雨水"), ==, 0);
  g_assert_cmpuint (search_count (fixture, "路"), ==, 3);
  /* Three characters and more: the trigram index. */
  g_assert_cmpuint (search_count (fixture, "排水管"), ==, 1);
  g_assert_cmpuint (search_count (fixture, "希望尽快修复排水"), ==, 1);
  g_assert_cmpuint (search_count (fixture, "希望尽快修复雨水"), ==, 0);
  g_assert_cmpuint (search_count (fixture, "市政工程"), ==, 1);
  g_assert_cmpuint (search_count (fixture, "欧阳秀英"), ==, 1);
  g_assert_cmpuint (search_count (fixture, "凤凰山"), ==, 1);
  g_assert_cmpuint (search_count (fixture, "翠竹园"), ==, 2);
  g_assert_cmpuint (search_count (fixture, "翠竹园社区"), ==, 2);
  g_assert_cmpuint (search_count (fixture, "  路灯不亮 "), ==, 1);
  {
    LiaisonReceptionFilter filter = { .search = (char *) "欧阳秀英" };
    g_autoptr(GPtrArray) list = NULL;

    count_and_list (fixture->store, &filter, &list);
    g_assert_cmpint (((LiaisonReception *) g_ptr_array_index (list, 0))->meta.id, ==, lamp);
    filter.search = (char *) "道路";
    g_clear_pointer (&list, g_ptr_array_unref);
    count_and_list (fixture->store, &filter, &list);
    g_assert_cmpint (((LiaisonReception *) g_ptr_array_index (list, 0))->meta.id, ==, school);
    g_assert_cmpint (((LiaisonReception *) g_ptr_array_index (list, 1))->meta.id, ==, water);
  }

  /* An edit reindexes: the old words no longer match. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(LiaisonReception) reception = liaison_store_get_reception (fixture->store, lamp, &error);

    g_free (reception->summary);
    reception->summary = g_strdup ("路灯已修好，表示感谢");
    g_assert_true (liaison_store_save_reception (fixture->store, reception, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (search_count (fixture, "夜间出行"), ==, 0);
    g_assert_cmpuint (search_count (fixture, "表示感谢"), ==, 1);
  }

  /* What people type is text, never query syntax. */
  for (guint i = 0; i < G_N_ELEMENTS (odd); i++)
    {
      guint n = search_count (fixture, odd[i]);

      g_test_message ("search %s: %u", odd[i], n);
      g_assert_cmpuint (n, ==, 0);
    }
}

/* Validation: each problem is refused and nothing is written. */

typedef enum {
  BREAK_FUTURE,
  BREAK_NO_DEPUTY,
  BREAK_UNKNOWN_DEPUTY,
  BREAK_NO_VISITOR,
  BREAK_PHONE,
  BREAK_LONG_SUMMARY,
  BREAK_SUGGESTION_TITLE,
  N_BREAKS
} Break;

static LiaisonReception *
make_full_reception (Fixture *fixture)
{
  LiaisonReception *reception = make_reception (fixture, "2024-08-08 08:08", "反映老旧小区加装电梯");
  LiaisonSuggestion *suggestion = liaison_suggestion_new ();

  g_array_append_val (reception->deputy_ids, fixture->deputy_ids[1]);
  g_ptr_array_add (reception->visitors, liaison_test_make_visitor ("周", "", "南黎社区"));
  suggestion->category_id = fixture->category_id;
  suggestion->title = g_strdup ("加快加装电梯审批");
  suggestion->content = g_strdup ("建议简化老旧小区加装电梯审批流程");
  g_ptr_array_add (reception->suggestions, suggestion);
  return reception;
}

static void
break_reception (Fixture          *fixture,
                 LiaisonReception *reception,
                 Break             what)
{
  switch (what)
    {
    case BREAK_FUTURE:
      {
        g_autoptr(GDateTime) now = g_date_time_new_now_local ();
        g_autoptr(GDateTime) later = g_date_time_add_days (now, 2);

        g_free (reception->received_at);
        reception->received_at = g_date_time_format (later, "%Y-%m-%d %H:%M");
      }
      break;
    case BREAK_NO_DEPUTY:
      g_array_set_size (reception->deputy_ids, 0);
      break;
    case BREAK_UNKNOWN_DEPUTY:
      {
        gint64 unknown = 987654;
        g_array_append_val (reception->deputy_ids, unknown);
      }
      break;
    case BREAK_NO_VISITOR:
      g_ptr_array_set_size (reception->visitors, 0);
      break;
    case BREAK_PHONE:
      {
        LiaisonVisitor *visitor = g_ptr_array_index (reception->visitors, 1);

        g_free (visitor->phone);
        visitor->phone = g_strdup ("1391234567");
      }
      break;
    case BREAK_LONG_SUMMARY:
      {
        GString *text = g_string_new (NULL);

        for (guint i = 0; i <= LIAISON_MAX_SUMMARY_CHARS; i++)
          g_string_append (text, "长");
        g_free (reception->summary);
        reception->summary = g_string_free (text, FALSE);
      }
      break;
    case BREAK_SUGGESTION_TITLE:
      {
        LiaisonSuggestion *suggestion = g_ptr_array_index (reception->suggestions, 0);

        g_clear_pointer (&suggestion->title, g_free);
      }
      break;
    case N_BREAKS:
    default:
      g_assert_not_reached ();
    }
}

static void
repair_reception (Fixture          *fixture,
                  LiaisonReception *reception,
                  Break             what)
{
  g_autoptr(LiaisonReception) good = make_full_reception (fixture);

  /* Put back what break_reception() changed, keeping the meta as it is. */
  g_free (reception->received_at);
  reception->received_at = g_strdup (good->received_at);
  g_free (reception->summary);
  reception->summary = g_strdup (good->summary);
  g_array_set_size (reception->deputy_ids, 0);
  g_array_append_vals (reception->deputy_ids, good->deputy_ids->data, good->deputy_ids->len);
  g_ptr_array_set_size (reception->visitors, 0);
  for (guint i = 0; i < good->visitors->len; i++)
    g_ptr_array_add (reception->visitors, liaison_visitor_copy (g_ptr_array_index (good->visitors, i)));
  {
    LiaisonSuggestion *suggestion = g_ptr_array_index (reception->suggestions, 0);

    g_free (suggestion->title);
    suggestion->title = g_strdup ("加快加装电梯审批");
  }
}

static void
test_validation (Fixture       *fixture,
                 gconstpointer  data)
{
  /* Something already there, so that "nothing written" means something. */
  save_reception (fixture, "2024-01-01 09:00", "已有的接待");

  for (Break what = 0; what < N_BREAKS; what++)
    {
      g_autoptr(LiaisonReception) reception = make_full_reception (fixture);
      g_autoptr(GError) error = NULL;
      LiaisonTestCounts before, after;
      LiaisonSuggestion *suggestion = g_ptr_array_index (reception->suggestions, 0);

      g_test_message ("break %d", what);
      break_reception (fixture, reception, what);
      before = liaison_test_count_receptions (fixture->store);
      g_assert_false (liaison_store_save_reception (fixture->store, reception, &error));
      g_assert_nonnull (error);
      g_assert_true (error->domain == LIAISON_VALIDATION_ERROR || error->domain == LIAISON_STORE_ERROR);
      if (what == BREAK_UNKNOWN_DEPUTY)
        g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID);
      else
        g_assert_error (error, LIAISON_VALIDATION_ERROR, LIAISON_VALIDATION_ERROR_INVALID);
      g_assert_cmpstr (error->message, !=, "");
      after = liaison_test_count_receptions (fixture->store);
      liaison_test_assert_counts (before, after);

      /* The record is as it was, so fixing it and saving again works. */
      g_assert_cmpint (reception->meta.id, ==, 0);
      g_assert_null (reception->meta.uuid);
      g_assert_cmpint (reception->meta.version, ==, 0);
      g_assert_cmpint (suggestion->meta.id, ==, 0);
      g_assert_cmpint (suggestion->meta.version, ==, 0);
      g_clear_error (&error);

      repair_reception (fixture, reception, what);
      g_assert_true (liaison_store_save_reception (fixture->store, reception, &error));
      g_assert_no_error (error);
      after = liaison_test_count_receptions (fixture->store);
      g_assert_cmpint (after.receptions, ==, before.receptions + 1);
      g_assert_cmpint (after.visitors, ==, before.visitors + 2);
      g_assert_cmpint (after.deputies, ==, before.deputies + 2);
      g_assert_cmpint (after.suggestions, ==, before.suggestions + 1);
      g_assert_cmpint (reception->meta.version, ==, 1);
      g_assert_cmpint (suggestion->meta.id, >, 0);
      g_assert_cmpint (suggestion->reception_id, ==, reception->meta.id);
    }
}

/* A failed edit leaves the record as it was too. */
static void
test_failed_edit (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(LiaisonReception) reception = make_full_reception (fixture);
  g_autoptr(LiaisonReception) read = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *updated_at = NULL;
  gint64 unknown = 555555;
  LiaisonTestCounts before;

  g_assert_true (liaison_store_save_reception (fixture->store, reception, &error));
  uuid = g_strdup (reception->meta.uuid);
  updated_at = g_strdup (reception->meta.updated_at);

  g_array_append_val (reception->deputy_ids, unknown);
  g_ptr_array_set_size (reception->visitors, 1);
  before = liaison_test_count_receptions (fixture->store);
  g_assert_false (liaison_store_save_reception (fixture->store, reception, &error));
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID);
  g_clear_error (&error);
  liaison_test_assert_counts (before, liaison_test_count_receptions (fixture->store));
  g_assert_cmpint (reception->meta.version, ==, 1);
  g_assert_cmpstr (reception->meta.uuid, ==, uuid);
  g_assert_cmpstr (reception->meta.updated_at, ==, updated_at);

  read = liaison_store_get_reception (fixture->store, reception->meta.id, &error);
  g_assert_cmpint (read->meta.version, ==, 1);
  g_assert_cmpuint (read->visitors->len, ==, 2);

  g_array_set_size (reception->deputy_ids, 1);
  g_assert_true (liaison_store_save_reception (fixture->store, reception, &error));
  g_assert_no_error (error);
  g_assert_cmpint (reception->meta.version, ==, 2);
  g_assert_cmpint (liaison_test_count_rows (fixture->store, "reception_visitors"), ==, before.visitors - 1);
  g_assert_cmpint (liaison_test_count_rows (fixture->store, "suggestions"), ==, before.suggestions);
}

/* ::changed */

static void
on_changed (LiaisonStore *store,
            const char   *table,
            guint        *n)
{
  g_assert_cmpstr (table, ==, "receptions");
  (*n)++;
}

static void
test_changed_signal (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint n = 0;
  gint64 before;

  g_signal_connect (fixture->store, "changed::receptions", G_CALLBACK (on_changed), &n);

  save_reception (fixture, "2024-09-01 09:00", "一次");
  g_assert_cmpuint (n, ==, 1);
  save_reception (fixture, "2024-09-01 10:00", "两次");
  g_assert_cmpuint (n, ==, 2);

  /* A batch tells once, at its commit. */
  g_assert_true (liaison_store_begin (fixture->store, &error));
  for (guint i = 0; i < 5; i++)
    save_reception (fixture, "2024-09-02 09:00", "批量");
  g_assert_cmpuint (n, ==, 2);
  g_assert_true (liaison_store_commit (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 3);

  /* A rolled-back batch tells nothing and leaves nothing. */
  before = liaison_test_count_rows (fixture->store, "receptions");
  g_assert_true (liaison_store_begin (fixture->store, &error));
  for (guint i = 0; i < 3; i++)
    save_reception (fixture, "2024-09-03 09:00", "撤销");
  liaison_store_rollback (fixture->store);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpint (liaison_test_count_rows (fixture->store, "receptions"), ==, before);

  /* A refused save tells nothing. */
  {
    g_autoptr(LiaisonReception) reception = make_reception (fixture, "2024-09-04 09:00", "");

    g_assert_false (liaison_store_save_reception (fixture->store, reception, &error));
    g_clear_error (&error);
    g_assert_cmpuint (n, ==, 3);
  }

  /* Deleting is a change too. */
  {
    g_autoptr(GPtrArray) list = liaison_store_list_receptions (fixture->store, NULL, 0, 1, &error);

    g_assert_true (liaison_store_delete_reception (fixture->store,
                                                   ((LiaisonReception *) g_ptr_array_index (list, 0))->meta.id,
                                                   &error));
    g_assert_cmpuint (n, ==, 4);
  }

  g_signal_handlers_disconnect_by_func (fixture->store, on_changed, &n);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/open/creates", test_open_creates);
  g_test_add_func ("/store/open/reopen", test_reopen);
  g_test_add_func ("/store/open/migrate-from-v1", test_migrate_from_v1);
  g_test_add_func ("/store/open/too-new", test_too_new);
  g_test_add_func ("/store/open/not-a-database", test_not_a_database);
  g_test_add_func ("/store/station/local", test_local_station);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/store/station/save-list", test_stations);
  ADD ("/store/groups", test_groups);
  ADD ("/store/deputies", test_deputies);
  ADD ("/store/deputies/collation", test_locale_collation);
  ADD ("/store/categories", test_categories);
  ADD ("/store/reception/round-trip", test_reception_round_trip);
  ADD ("/store/reception/delete", test_reception_delete);
  ADD ("/store/suggestions", test_suggestions);
  ADD ("/store/suggestions/deputy", test_deputy_suggestion);
  ADD ("/store/reception/filters", test_filters);
  ADD ("/store/reception/ordering", test_ordering);
  ADD ("/store/reception/search", test_search);
  ADD ("/store/reception/validation", test_validation);
  ADD ("/store/reception/failed-edit", test_failed_edit);
  ADD ("/store/changed-signal", test_changed_signal);
#undef ADD

  return g_test_run ();
}
