/* test-store-loop.c: the closed loop in the store, against a real SQLite
 * file: moves, the cached loop columns, the follow-up lists, the rules and
 * the figures. */
#define G_LOG_DOMAIN "test-store-loop"

#include "config.h"

#include <glib.h>
#include <sqlite3.h>
#include <string.h>

#include "liaison-demo.h"
#include "liaison-loop-wire.h"
#include "liaison-store-attachments.h"
#include "liaison-store-loop.h"
#include "liaison-store-private.h"
#include "liaison-store-sync.h"
#include "liaison-suggestion-item.h"
#include "liaison-test-awkward.h"
#include "liaison-test-util.h"

#define LEAD_UNIT "a0000000-0000-4000-8000-000000000001"
#define CO_UNIT   "a0000000-0000-4000-8000-000000000002"
#define GONE_UNIT "a0000000-0000-4000-8000-0000000000ff"

/* The 2025 National Day list from docs/closed-loop.md. */
static const char calendar_text[] =
  "2025-09-28,workday\n"
  "2025-10-01,holiday,National Day\n"
  "2025-10-02,holiday\n"
  "2025-10-03,holiday\n"
  "2025-10-06,holiday\n"
  "2025-10-07,holiday\n"
  "2025-10-08,holiday\n"
  "2025-10-11,workday\n";

typedef struct {
  char         *dir;
  char         *path;
  LiaisonStore *store;
  gint64        deputy_ids[4];
  char         *deputy_uuids[4];
  char         *station_uuid;
  gint64        category_id;
} Fixture;

static char *
query_text (LiaisonStore *store,
            const char   *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (liaison_store_get_handle (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return text;
}

static void
exec_ok (LiaisonStore *store,
         const char   *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (liaison_store_exec (store, sql, &error));
  g_assert_no_error (error);
}

static void
set_role (LiaisonStore    *store,
          LiaisonSyncRole  role)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (liaison_store_set_setting (store, "sync_role", liaison_sync_role_to_code (role), &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  static const char *const names[] = { "张伟", "李秀兰", "王建国", "赵刚" };
  g_autoptr(LiaisonStation) station = NULL;

  fixture->dir = liaison_test_make_tmp_dir ("liaison-store-loop-XXXXXX");
  fixture->path = g_build_filename (fixture->dir, "station.db", NULL);
  fixture->store = liaison_test_open_store_with_station (fixture->path, "相山区东山街道代表联络站");
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *sql = NULL;

      fixture->deputy_ids[i] = liaison_test_add_deputy (fixture->store, names[i], LIAISON_DEPUTY_LEVEL_CITY);
      sql = g_strdup_printf ("SELECT uuid FROM deputies WHERE id = %" G_GINT64_FORMAT, fixture->deputy_ids[i]);
      fixture->deputy_uuids[i] = query_text (fixture->store, sql);
    }
  station = liaison_store_get_local_station (fixture->store);
  fixture->station_uuid = g_strdup (station->meta.uuid);
  fixture->category_id = liaison_store_find_category (fixture->store, "urban_construction");
  /* Units are headquarters' reference data, as sync would deliver them. */
  exec_ok (fixture->store,
           "INSERT INTO units (uuid, updated_at, sync_state, name, kind) VALUES"
           " ('" LEAD_UNIT "', '2025-01-01T00:00:00Z', 0, '市住房和城乡建设局', 'department'),"
           " ('" CO_UNIT "', '2025-01-01T00:00:00Z', 0, '相山区人民政府', 'government')");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  liaison_test_clear_store_dir (&fixture->store, &fixture->dir);
  for (guint i = 0; i < G_N_ELEMENTS (fixture->deputy_uuids); i++)
    g_free (fixture->deputy_uuids[i]);
  g_free (fixture->station_uuid);
  g_free (fixture->path);
}

static GDate
day (int year,
     int month,
     int mday)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, mday, month, year);
  return date;
}

/* A suggestion registered at @created_at (UTC), as a pulled one would be. */
static gint64
add_suggestion (Fixture          *fixture,
                LiaisonLoopKind   kind,
                const char       *title,
                const char       *created_at)
{
  g_autoptr(LiaisonSuggestion) suggestion = liaison_suggestion_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;

  suggestion->kind = kind;
  suggestion->category_id = fixture->category_id;
  suggestion->title = g_strdup (title);
  suggestion->content = g_strdup ("建议内容");
  if (kind == LIAISON_LOOP_KIND_DEPUTY_SUGGESTION)
    {
      suggestion->deputy_id = fixture->deputy_ids[0];
      g_array_append_val (suggestion->co_signer_ids, fixture->deputy_ids[1]);
      g_array_append_val (suggestion->co_signer_ids, fixture->deputy_ids[2]);
    }
  else
    suggestion->raised_by = g_strdup ("刘大爷");
  g_assert_true (liaison_store_save_suggestion (fixture->store, suggestion, &error));
  g_assert_no_error (error);
  sql = g_strdup_printf ("UPDATE suggestions SET created_at = '%s' WHERE id = %" G_GINT64_FORMAT,
                         created_at, suggestion->meta.id);
  exec_ok (fixture->store, sql);
  /* The register move changed: as a pull would, refresh the cache. */
  g_assert_true (liaison_store_refresh_loop_cache (fixture->store, suggestion->meta.uuid, &error));
  g_assert_no_error (error);
  return suggestion->meta.id;
}

static gint64
count_events (Fixture *fixture)
{
  return liaison_test_count_rows (fixture->store, "suggestion_events");
}

/* A refused move fails with @code and writes nothing at all. */
static void
add_refused (Fixture          *fixture,
             gint64            id,
             LiaisonLoopEvent *event,
             GQuark            domain,
             int               code)
{
  g_autoptr(LiaisonLoopEvent) owned = event;
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonSuggestion) before = liaison_store_get_suggestion (fixture->store, id, NULL);
  g_autoptr(LiaisonSuggestion) after = NULL;
  gint64 n_events = count_events (fixture);

  g_assert_false (liaison_test_try_record_event (fixture->store, id, owned, &error));
  g_assert_error (error, domain, code);
  g_assert_nonnull (error->message);
  g_assert_cmpuint (strlen (error->message), >, 0);
  g_assert_cmpint (count_events (fixture), ==, n_events);
  after = liaison_store_get_suggestion (fixture->store, id, NULL);
  g_assert_cmpint (after->meta.version, ==, before->meta.version);
  g_assert_cmpstr (after->meta.updated_at, ==, before->meta.updated_at);
  g_assert_cmpint (after->status, ==, before->status);
  g_assert_cmpuint (after->round, ==, before->round);
}

/* Whether list @list (and its count, which must agree) holds @id. */
static gboolean
in_list (Fixture         *fixture,
         LiaisonLoopList  list,
         gint64           deputy_id,
         const GDate     *today,
         gint64           id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = liaison_store_list_loop (fixture->store, list, deputy_id, today, 0, &error);
  guint count;
  gboolean found = FALSE;

  g_assert_no_error (error);
  count = liaison_store_count_loop (fixture->store, list, deputy_id, today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, count);
  for (guint i = 0; i < rows->len; i++)
    found |= ((LiaisonSuggestion *) g_ptr_array_index (rows, i))->meta.id == id;
  return found;
}

static void
assert_cache (Fixture           *fixture,
              gint64             id,
              LiaisonLoopStatus  status,
              guint              round,
              const char        *due_date,
              gboolean           key_supervision,
              gboolean           reopened)
{
  g_autoptr(LiaisonSuggestion) suggestion = liaison_test_get_suggestion (fixture->store, id);
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonLoopState) state = liaison_store_get_loop_state (fixture->store, id, &error);
  g_autofree char *due = liaison_date_to_iso (&suggestion->due_date);

  g_assert_no_error (error);
  g_assert_cmpstr (liaison_loop_status_to_code (suggestion->status), ==, liaison_loop_status_to_code (status));
  g_assert_cmpint (state->status, ==, status);
  g_assert_cmpuint (suggestion->round, ==, round);
  g_assert_cmpuint (state->round, ==, round);
  g_assert_cmpstr (due, ==, due_date != NULL ? due_date : "");
  g_assert_cmpint (suggestion->key_supervision, ==, key_supervision);
  g_assert_cmpint (suggestion->reopened, ==, reopened);
  /* The cache is not an edit: the record stays as saved. */
  g_assert_cmpint (suggestion->meta.version, ==, 1);
}

/* Writes @size bytes of @fill to @name in the fixture's folder. */
static char *
write_file (Fixture    *fixture,
            const char *name,
            gsize       size,
            char        fill)
{
  g_autofree char *contents = g_malloc (MAX (size, 1));
  char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  memset (contents, fill, size);
  g_assert_true (g_file_set_contents (path, contents, (gssize) size, &error));
  g_assert_no_error (error);
  return path;
}

static void
assert_hashes (GPtrArray  *hashes,
               const char *first,
               ...)
{
  va_list args;
  guint n = 0;

  g_assert_nonnull (hashes);
  va_start (args, first);
  for (const char *sha = first; sha != NULL; sha = va_arg (args, const char *))
    {
      g_assert_cmpuint (n, <, hashes->len);
      g_assert_cmpstr (g_ptr_array_index (hashes, n), ==, sha);
      n++;
    }
  va_end (args);
  g_assert_cmpuint (hashes->len, ==, n);
}

static GPtrArray *
to_send (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *hashes = liaison_store_list_attachments_to_send (fixture->store, &error);

  g_assert_no_error (error);
  return hashes;
}

static GPtrArray *
missing (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *hashes = liaison_store_list_missing_attachments (fixture->store, &error);

  g_assert_no_error (error);
  return hashes;
}

/* A reply's files: kept by hash beside the database, sent when a move
 * lists them, fetched when a move lists them and they are not here; bad
 * files and bad bytes change nothing; a schema 4 file learns which files
 * its replies list. */
static void
test_attachments (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *letter = write_file (fixture, "答复函.pdf", 3000, 'a');
  g_autofree char *empty = write_file (fixture, "empty.pdf", 0, 'x');
  g_autofree char *huge = write_file (fixture, "huge.tif", LIAISON_ATTACHMENT_MAX_BYTES + 1, 'h');
  g_autofree char *gone = g_build_filename (fixture->dir, "gone.pdf", NULL);
  g_autofree char *contents = g_strnfill (3000, 'a');
  g_autofree char *expected_sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, contents, 3000);
  g_autofree char *photo_contents = g_strnfill (100, 'p');
  g_autofree char *photo_sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, photo_contents, 100);
  g_autofree char *sha = NULL;
  g_autofree char *again = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *kept_contents = NULL;
  g_autoptr(GPtrArray) hashes = NULL;
  g_autoptr(GPtrArray) timeline = NULL;
  g_autoptr(GBytes) photo = NULL;
  g_autoptr(GBytes) wrong = NULL;
  const char *const bad_files[] = { empty, huge, gone };
  const LiaisonLoopEvent *stored;
  LiaisonLoopEvent *event;
  gsize length = 0;
  gint64 id;

  sha = liaison_store_add_attachment (fixture->store, letter, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sha, ==, expected_sha);
  kept = liaison_store_get_attachment_path (fixture->store, sha);
  g_assert_nonnull (kept);
  g_assert_true (g_str_has_prefix (kept, fixture->path));
  g_assert_true (g_file_get_contents (kept, &kept_contents, &length, &error));
  g_assert_cmpmem (kept_contents, length, contents, 3000);
  g_assert_cmpint (liaison_store_get_attachment_size (fixture->store, sha), ==, 3000);
  again = liaison_store_add_attachment (fixture->store, letter, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again, ==, sha);
  g_assert_cmpint (liaison_test_count_rows (fixture->store, "attachments"), ==, 1);

  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autofree char *none = liaison_store_add_attachment (fixture->store, bad_files[i], &error);

      g_assert_null (none);
      g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, strrchr (bad_files[i], G_DIR_SEPARATOR) + 1));
      g_clear_error (&error);
    }
  g_assert_cmpint (liaison_test_count_rows (fixture->store, "attachments"), ==, 1);
  g_assert_null (liaison_store_get_attachment_path (fixture->store, photo_sha));
  g_assert_cmpint (liaison_store_get_attachment_size (fixture->store, photo_sha), ==, -1);

  /* Added but listed by no move: nothing to send yet. */
  hashes = to_send (fixture);
  assert_hashes (hashes, NULL);
  g_clear_pointer (&hashes, g_ptr_array_unref);

  id = add_suggestion (fixture, LIAISON_LOOP_KIND_PUBLIC_OPINION, "小区路灯不亮", "2025-09-25T01:00:00Z");
  event = liaison_test_awkward_move (LIAISON_LOOP_MOVE_TAKE_UP, LIAISON_LOOP_ROLE_DEPUTY, "张伟", "2025-09-25T03:00:00Z");
  event->deputy_uuid = g_strdup (fixture->deputy_uuids[0]);
  liaison_test_add_event (fixture->store, id, event);
  event = liaison_test_awkward_move (LIAISON_LOOP_MOVE_REFER, LIAISON_LOOP_ROLE_HQ, "代表工委", "2025-09-26T02:00:00Z");
  event->lead_unit_uuid = g_strdup (LEAD_UNIT);
  event->due_date = day (2025, 10, 23);
  liaison_test_add_event (fixture->store, id, event);

  /* Names must match the files one for one. */
  event = liaison_test_awkward_move (LIAISON_LOOP_MOVE_REPLY, LIAISON_LOOP_ROLE_HQ, "代表工委", "2025-10-20T02:00:00Z");
  event->reply_text = g_strdup ("已更换路灯");
  event->reply_date = day (2025, 10, 20);
  event->replying_unit_uuid = g_strdup (LEAD_UNIT);
  event->attachments = g_strsplit (sha, ",", -1);
  event->attachment_names = g_strsplit ("答复函.pdf,照片.jpg", ",", -1);
  add_refused (fixture, id, event, LIAISON_LOOP_ERROR, LIAISON_LOOP_ERROR_MISSING);

  event = liaison_test_awkward_move (LIAISON_LOOP_MOVE_REPLY, LIAISON_LOOP_ROLE_HQ, "代表工委", "2025-10-20T02:00:00Z");
  event->reply_text = g_strdup ("已更换路灯");
  event->reply_date = day (2025, 10, 20);
  event->replying_unit_uuid = g_strdup (LEAD_UNIT);
  {
    g_autofree char *both = g_strconcat (sha, ",", photo_sha, NULL);

    event->attachments = g_strsplit (both, ",", -1);
  }
  event->attachment_names = g_strsplit ("答复函.pdf,照片.jpg", ",", -1);
  liaison_test_add_event (fixture->store, id, event);

  timeline = liaison_store_list_suggestion_events (fixture->store, id, &error);
  g_assert_no_error (error);
  stored = g_ptr_array_index (timeline, timeline->len - 1);
  g_assert_cmpint (stored->move, ==, LIAISON_LOOP_MOVE_REPLY);
  g_assert_cmpuint (g_strv_length (stored->attachment_names), ==, 2);
  g_assert_cmpstr (stored->attachment_names[0], ==, "答复函.pdf");
  g_assert_cmpstr (stored->attachments[1], ==, photo_sha);

  /* The letter is here and listed: to send. The photo is listed and not
   * here: to fetch. */
  hashes = to_send (fixture);
  assert_hashes (hashes, sha, NULL);
  g_clear_pointer (&hashes, g_ptr_array_unref);
  hashes = missing (fixture);
  assert_hashes (hashes, photo_sha, NULL);
  g_clear_pointer (&hashes, g_ptr_array_unref);

  g_assert_true (liaison_store_mark_attachment_sent (fixture->store, sha, &error));
  g_assert_no_error (error);
  hashes = to_send (fixture);
  assert_hashes (hashes, NULL);
  g_clear_pointer (&hashes, g_ptr_array_unref);

  /* Bytes that are not the photo are refused, and nothing is kept. */
  wrong = g_bytes_new (contents, 100);
  g_assert_false (liaison_store_save_received_attachment (fixture->store, photo_sha, wrong, &error));
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (liaison_store_get_attachment_path (fixture->store, photo_sha));
  hashes = missing (fixture);
  assert_hashes (hashes, photo_sha, NULL);
  g_clear_pointer (&hashes, g_ptr_array_unref);

  photo = g_bytes_new (photo_contents, 100);
  g_assert_true (liaison_store_save_received_attachment (fixture->store, photo_sha, photo, &error));
  g_assert_no_error (error);
  g_clear_pointer (&kept, g_free);
  kept = liaison_store_get_attachment_path (fixture->store, photo_sha);
  g_assert_nonnull (kept);
  hashes = missing (fixture);
  assert_hashes (hashes, NULL);
  g_clear_pointer (&hashes, g_ptr_array_unref);
  /* Fetched from the server: never sent back. */
  hashes = to_send (fixture);
  assert_hashes (hashes, NULL);
  g_clear_pointer (&hashes, g_ptr_array_unref);

  /* A file spoilt on disk is replaced when its bytes come again. */
  g_assert_true (g_file_set_contents (kept, "spoilt", -1, &error));
  g_assert_no_error (error);
  g_assert_true (liaison_store_save_received_attachment (fixture->store, photo_sha, photo, &error));
  g_assert_no_error (error);
  g_clear_pointer (&kept_contents, g_free);
  g_assert_true (g_file_get_contents (kept, &kept_contents, &length, &error));
  g_assert_cmpmem (kept_contents, length, photo_contents, 100);

  /* A schema 4 file (no attachment tables) learns from its replies which
   * files they list. */
  liaison_test_undo_search_schema (fixture->store);
  exec_ok (fixture->store,
           "DROP TRIGGER suggestion_events_attachments; DROP TABLE attachment_refs;"
           " DROP TABLE attachments; DROP INDEX suggestions_key_supervision_by_due;"
           " DROP INDEX receptions_by_station; PRAGMA user_version = 4");
  g_clear_object (&fixture->store);
  fixture->store = liaison_test_open_store (fixture->path);
  g_assert_cmpint (liaison_store_get_schema_version (fixture->store), ==, LIAISON_STORE_SCHEMA_VERSION);
  hashes = missing (fixture);
  assert_hashes (hashes, sha, photo_sha, NULL);
}

static void
test_whole_loop (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonLoopRules) rules = liaison_loop_rules_new ();
  g_autoptr(GPtrArray) timeline = NULL;
  g_autoptr(LiaisonSuggestion) suggestion = NULL;
  g_autofree char *updated_at = NULL;
  gint64 id;
  GDate referral_day, due, expected, today;
  LiaisonLoopEvent *event;
  static const LiaisonLoopMove moves[] = {
    LIAISON_LOOP_MOVE_REGISTER, LIAISON_LOOP_MOVE_TAKE_UP, LIAISON_LOOP_MOVE_REFER,
    LIAISON_LOOP_MOVE_SUPERVISE, LIAISON_LOOP_MOVE_REPLY, LIAISON_LOOP_MOVE_RATE,
    LIAISON_LOOP_MOVE_REFER, LIAISON_LOOP_MOVE_REPLY, LIAISON_LOOP_MOVE_RATE,
    LIAISON_LOOP_MOVE_CLOSE,
  };

  /* Headquarters' holiday list, as set at headquarters. */
  set_role (fixture->store, LIAISON_SYNC_ROLE_HQ);
  liaison_calendar_free (rules->calendar);
  rules->calendar = liaison_calendar_parse (calendar_text, &error);
  g_assert_no_error (error);
  g_assert_true (liaison_store_set_loop_rules (fixture->store, rules, &error));
  g_assert_no_error (error);
  /* The rest happens at the station; headquarters' moves arrive by sync. */
  set_role (fixture->store, LIAISON_SYNC_ROLE_STATION);

  id = add_suggestion (fixture, LIAISON_LOOP_KIND_PUBLIC_OPINION, "小区路灯不亮", "2025-09-25T01:00:00Z");
  suggestion = liaison_test_get_suggestion (fixture->store, id);
  updated_at = g_strdup (suggestion->meta.updated_at);
  g_assert_cmpint (suggestion->meta.sync_state, ==, LIAISON_SYNC_STATE_PENDING);
  assert_cache (fixture, id, LIAISON_LOOP_STATUS_REGISTERED, 1, NULL, FALSE, FALSE);
  g_assert_true (in_list (fixture, LIAISON_LOOP_LIST_TO_TAKE_UP, 0, NULL, id));
  g_assert_false (in_list (fixture, LIAISON_LOOP_LIST_TO_REFER, 0, NULL, id));

  /* Illegal moves: nothing written. */
  event = liaison_test_awkward_move (LIAISON_LOOP_MOVE_REFER, LIAISON_LOOP_ROLE_STATION, "站点工作人员", "2025-09-25T02:00:00Z");
  event->lead_unit_uuid = g_strdup (LEAD_UNIT);
  event->due_date = day (2025, 10, 30);
  add_refused (fixture, id, event, LIAISON_LOOP_ERROR, LIAISON_LOOP_ERROR_ROLE);
  event = liaison_test_awkward_move (LIAISON_LOOP_MOVE_RATE, LIAISON_LOOP_ROLE_STATION, "陈静", "2025-09-25T02:00:00Z");
  event->rating = LIAISON_LOOP_RATING_SATISFIED;
  event->asked = LIAISON_LOOP_ASKED_PHONE;
  event->rated_by = g_strdup ("陈静");
  add_refused (fixture, id, event, LIAISON_LOOP_ERROR, LIAISON_LOOP_ERROR_STATE);
  event = liaison_test_awkward_move (LIAISON_LOOP_MOVE_WITHDRAW, LIAISON_LOOP_ROLE_STATION, "陈静", "2025-09-25T02:00:00Z");
  add_refused (fixture, id, event, LIAISON_LOOP_ERROR, LIAISON_LOOP_ERROR_MISSING);
  /* Registering is saving the suggestion; an unknown deputy is refused. */
  event = liaison_test_awkward_move (LIAISON_LOOP_MOVE_REGISTER, LIAISON_LOOP_ROLE_STATION, "陈静", "2025-09-25T02:00:00Z");
  add_refused (fixture, id, event, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID);
  event = liaison_test_awkward_move (LIAISON_LOOP_MOVE_TAKE_UP, LIAISON_LOOP_ROLE_DEPUTY, "张伟", "2025-09-25T03:00:00Z");
  event->deputy_uuid = g_strdup ("d0000000-0000-4000-8000-000000000099");
  add_refused (fixture, id, event, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID);
  g_assert_cmpint (count_events (fixture), ==, 0);

  /* Taken up by 张伟. */
  event = liaison_test_awkward_move (LIAISON_LOOP_MOVE_TAKE_UP, LIAISON_LOOP_ROLE_DEPUTY, "张伟", "2025-09-25T03:00:00Z");
  event->deputy_uuid = g_strdup (fixture->deputy_uuids[0]);
  liaison_test_add_event (fixture->store, id, event);
  assert_cache (fixture, id, LIAISON_LOOP_STATUS_TAKEN_UP, 1, NULL, FALSE, FALSE);
  g_clear_pointer (&suggestion, liaison_suggestion_free);
  suggestion = liaison_test_get_suggestion (fixture->store, id);
  g_assert_cmpstr (suggestion->taken_up_by, ==, "张伟");
  g_assert_cmpstr (suggestion->meta.updated_at, ==, updated_at);
  g_assert_cmpint (suggestion->meta.sync_state, ==, LIAISON_SYNC_STATE_PENDING);
  g_assert_true (in_list (fixture, LIAISON_LOOP_LIST_TO_REFER, 0, NULL, id));
  g_assert_false (in_list (fixture, LIAISON_LOOP_LIST_TO_TAKE_UP, 0, NULL, id));
  g_assert_true (in_list (fixture, LIAISON_LOOP_LIST_TAKEN_UP_BY, fixture->deputy_ids[0], NULL, id));
  g_assert_false (in_list (fixture, LIAISON_LOOP_LIST_TAKEN_UP_BY, fixture->deputy_ids[1], NULL, id));
  /* The event row: pending push, from this suggestion's station. */
  {
    g_autofree char *origin = query_text (fixture->store, "SELECT origin_station_uuid FROM suggestion_events");

    g_assert_cmpstr (origin, ==, fixture->station_uuid);
    g_assert_cmpint (liaison_test_query_int (fixture->store, "SELECT sync_state FROM suggestion_events"), ==, 1);
  }

  /* A second take-up is refused by the state now. */
  event = liaison_test_awkward_move (LIAISON_LOOP_MOVE_TAKE_UP, LIAISON_LOOP_ROLE_DEPUTY, "李秀兰", "2025-09-25T04:00:00Z");
  event->deputy_uuid = g_strdup (fixture->deputy_uuids[1]);
  add_refused (fixture, id, event, LIAISON_LOOP_ERROR, LIAISON_LOOP_ERROR_STATE);

  /* Referred on Friday 2025-09-26 with the default due date: 15 working
   * days over National Day is Thursday 2025-10-23. */
  referral_day = day (2025, 9, 26);
  liaison_store_default_due_date (fixture->store, LIAISON_LOOP_KIND_PUBLIC_OPINION, &referral_day, &due);
  expected = day (2025, 10, 23);
  g_assert_cmpint (g_date_compare (&due, &expected), ==, 0);
  event = liaison_test_awkward_move (LIAISON_LOOP_MOVE_REFER, LIAISON_LOOP_ROLE_HQ, "代表工委", "2025-09-26T02:00:00Z");
  event->lead_unit_uuid = g_strdup (GONE_UNIT);
  event->due_date = due;
  add_refused (fixture, id, event, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID);
  event = liaison_test_awkward_move (LIAISON_LOOP_MOVE_REFER, LIAISON_LOOP_ROLE_HQ, "代表工委", "2025-09-26T02:00:00Z");
  event->lead_unit_uuid = g_strdup (LEAD_UNIT);
  event->co_unit_uuids = g_strsplit (CO_UNIT, ",", -1);
  event->due_date = due;
  liaison_test_add_event (fixture->store, id, event);
  assert_cache (fixture, id, LIAISON_LOOP_STATUS_REFERRED, 1, "2025-10-23", FALSE, FALSE);
  g_assert_false (in_list (fixture, LIAISON_LOOP_LIST_TO_REFER, 0, NULL, id));
  g_assert_true (in_list (fixture, LIAISON_LOOP_LIST_TAKEN_UP_BY, fixture->deputy_ids[0], NULL, id));
  today = day (2025, 10, 19);
  g_assert_false (in_list (fixture, LIAISON_LOOP_LIST_DUE_SOON, 0, &today, id));
  g_assert_false (in_list (fixture, LIAISON_LOOP_LIST_OVERDUE, 0, &today, id));
  today = day (2025, 10, 20);
  g_assert_true (in_list (fixture, LIAISON_LOOP_LIST_DUE_SOON, 0, &today, id));
  g_clear_pointer (&suggestion, liaison_suggestion_free);
  suggestion = liaison_test_get_suggestion (fixture->store, id);
  g_assert_cmpint (liaison_suggestion_deadline (suggestion, &today).days_left, ==, 3);
  today = day (2025, 10, 23);
  g_assert_true (in_list (fixture, LIAISON_LOOP_LIST_DUE_SOON, 0, &today, id));
  g_assert_false (in_list (fixture, LIAISON_LOOP_LIST_OVERDUE, 0, &today, id));
  today = day (2025, 10, 24);
  g_assert_false (in_list (fixture, LIAISON_LOOP_LIST_DUE_SOON, 0, &today, id));
  g_assert_true (in_list (fixture, LIAISON_LOOP_LIST_OVERDUE, 0, &today, id));
  g_assert_cmpint (liaison_suggestion_deadline (suggestion, &today).urgency, ==, LIAISON_DEADLINE_OVERDUE);

  /* Key supervision. */
  g_assert_false (in_list (fixture, LIAISON_LOOP_LIST_KEY_SUPERVISION, 0, NULL, id));
  event = liaison_test_awkward_move (LIAISON_LOOP_MOVE_SUPERVISE, LIAISON_LOOP_ROLE_HQ, "代表工委", "2025-10-09T02:00:00Z");
  event->note = g_strdup ("群众反映强烈，列为重点督办");
  event->key_supervision = TRUE;
  liaison_test_add_event (fixture->store, id, event);
  assert_cache (fixture, id, LIAISON_LOOP_STATUS_REFERRED, 1, "2025-10-23", TRUE, FALSE);
  g_assert_true (in_list (fixture, LIAISON_LOOP_LIST_KEY_SUPERVISION, 0, NULL, id));

  /* The reply: tell the citizen; no deadline any more. */
  event = liaison_test_awkward_move (LIAISON_LOOP_MOVE_REPLY, LIAISON_LOOP_ROLE_HQ, "代表工委", "2025-10-20T02:00:00Z");
  event->reply_text = g_strdup ("已更换路灯");
  event->reply_date = day (2025, 10, 20);
  event->replying_unit_uuid = g_strdup (LEAD_UNIT);
  liaison_test_add_event (fixture->store, id, event);
  assert_cache (fixture, id, LIAISON_LOOP_STATUS_REPLIED, 1, NULL, TRUE, FALSE);
  today = day (2025, 10, 24);
  g_assert_false (in_list (fixture, LIAISON_LOOP_LIST_OVERDUE, 0, &today, id));
  g_assert_false (in_list (fixture, LIAISON_LOOP_LIST_DUE_SOON, 0, &today, id));
  g_assert_true (in_list (fixture, LIAISON_LOOP_LIST_TELL_CITIZEN, 0, NULL, id));

  /* Rated unsatisfied: reopened, round 2, back in headquarters' inbox. */
  g_assert_false (in_list (fixture, LIAISON_LOOP_LIST_UNSATISFIED, 0, NULL, id));
  event = liaison_test_awkward_move (LIAISON_LOOP_MOVE_RATE, LIAISON_LOOP_ROLE_STATION, "陈静", "2025-10-21T02:00:00Z");
  event->rating = LIAISON_LOOP_RATING_UNSATISFIED;
  event->asked = LIAISON_LOOP_ASKED_PHONE;
  event->rated_by = g_strdup ("陈静");
  liaison_test_add_event (fixture->store, id, event);
  assert_cache (fixture, id, LIAISON_LOOP_STATUS_TAKEN_UP, 2, NULL, TRUE, TRUE);
  g_assert_true (in_list (fixture, LIAISON_LOOP_LIST_UNSATISFIED, 0, NULL, id));
  g_assert_true (in_list (fixture, LIAISON_LOOP_LIST_TO_REFER, 0, NULL, id));
  g_assert_false (in_list (fixture, LIAISON_LOOP_LIST_TELL_CITIZEN, 0, NULL, id));
  g_clear_pointer (&suggestion, liaison_suggestion_free);
  suggestion = liaison_test_get_suggestion (fixture->store, id);
  g_assert_cmpstr (liaison_suggestion_describe_status (suggestion), ==, "Reopened, awaiting referral");

  /* Referred again on Monday 2025-10-27: due 2025-11-17. */
  referral_day = day (2025, 10, 27);
  liaison_store_default_due_date (fixture->store, LIAISON_LOOP_KIND_PUBLIC_OPINION, &referral_day, &due);
  expected = day (2025, 11, 17);
  g_assert_cmpint (g_date_compare (&due, &expected), ==, 0);
  event = liaison_test_awkward_move (LIAISON_LOOP_MOVE_REFER, LIAISON_LOOP_ROLE_HQ, "代表工委", "2025-10-27T02:00:00Z");
  event->lead_unit_uuid = g_strdup (CO_UNIT);
  event->due_date = due;
  liaison_test_add_event (fixture->store, id, event);
  assert_cache (fixture, id, LIAISON_LOOP_STATUS_REFERRED, 2, "2025-11-17", TRUE, FALSE);
  /* Still the latest rating: unsatisfied, until it is rated again. */
  g_assert_true (in_list (fixture, LIAISON_LOOP_LIST_UNSATISFIED, 0, NULL, id));
  g_assert_false (in_list (fixture, LIAISON_LOOP_LIST_TO_REFER, 0, NULL, id));
  today = day (2025, 11, 18);
  g_assert_true (in_list (fixture, LIAISON_LOOP_LIST_OVERDUE, 0, &today, id));

  event = liaison_test_awkward_move (LIAISON_LOOP_MOVE_REPLY, LIAISON_LOOP_ROLE_HQ, "代表工委", "2025-11-10T02:00:00Z");
  event->reply_text = g_strdup ("已增设路灯并安排定期巡检");
  event->reply_date = day (2025, 11, 10);
  event->replying_unit_uuid = g_strdup (CO_UNIT);
  liaison_test_add_event (fixture->store, id, event);
  assert_cache (fixture, id, LIAISON_LOOP_STATUS_REPLIED, 2, NULL, TRUE, FALSE);
  g_assert_true (in_list (fixture, LIAISON_LOOP_LIST_TELL_CITIZEN, 0, NULL, id));

  event = liaison_test_awkward_move (LIAISON_LOOP_MOVE_RATE, LIAISON_LOOP_ROLE_STATION, "陈静", "2025-11-11T02:00:00Z");
  event->rating = LIAISON_LOOP_RATING_SATISFIED;
  event->asked = LIAISON_LOOP_ASKED_IN_PERSON;
  event->rated_by = g_strdup ("陈静");
  liaison_test_add_event (fixture->store, id, event);
  assert_cache (fixture, id, LIAISON_LOOP_STATUS_RATED, 2, NULL, TRUE, FALSE);
  g_assert_false (in_list (fixture, LIAISON_LOOP_LIST_UNSATISFIED, 0, NULL, id));
  g_assert_false (in_list (fixture, LIAISON_LOOP_LIST_TELL_CITIZEN, 0, NULL, id));
  g_assert_true (in_list (fixture, LIAISON_LOOP_LIST_KEY_SUPERVISION, 0, NULL, id));

  /* A move with no time gets now; it may not be dated before the last. */
  event = liaison_loop_event_new (LIAISON_LOOP_MOVE_CLOSE, LIAISON_LOOP_ROLE_HQ);
  event->actor_name = g_strdup ("代表工委");
  liaison_test_add_event (fixture->store, id, event);
  assert_cache (fixture, id, LIAISON_LOOP_STATUS_CLOSED, 2, NULL, TRUE, FALSE);
  g_assert_false (in_list (fixture, LIAISON_LOOP_LIST_KEY_SUPERVISION, 0, NULL, id));
  g_assert_false (in_list (fixture, LIAISON_LOOP_LIST_TAKEN_UP_BY, fixture->deputy_ids[0], NULL, id));
  event = liaison_test_awkward_move (LIAISON_LOOP_MOVE_WITHDRAW, LIAISON_LOOP_ROLE_STATION, "陈静", "2025-11-12T02:00:00Z");
  event->reason = g_strdup ("群众撤回");
  add_refused (fixture, id, event, LIAISON_LOOP_ERROR, LIAISON_LOOP_ERROR_STATE);

  /* The timeline: the register move, then every move in order. */
  timeline = liaison_store_list_suggestion_events (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (timeline->len, ==, G_N_ELEMENTS (moves));
  for (guint i = 0; i < timeline->len; i++)
    {
      const LiaisonLoopEvent *e = g_ptr_array_index (timeline, i);

      g_assert_cmpint (e->move, ==, moves[i]);
      g_assert_cmpstr (e->suggestion_uuid, ==, suggestion->meta.uuid);
    }
  {
    const LiaisonLoopEvent *first = g_ptr_array_index (timeline, 0);
    const LiaisonLoopEvent *last = g_ptr_array_index (timeline, timeline->len - 1);
    g_autofree char *at = liaison_loop_format_at (first->at);

    g_assert_cmpstr (first->uuid, ==, suggestion->meta.uuid);
    /* Registered by the station, not by the citizen who raised it. */
    g_assert_cmpstr (first->actor_name, ==, "相山区东山街道代表联络站");
    g_assert_cmpint (first->role, ==, LIAISON_LOOP_ROLE_STATION);
    g_assert_cmpstr (at, ==, "2025-09-25T01:00:00Z");
    g_assert_cmpint (g_date_time_get_microsecond (last->at), ==, 0);
  }
  g_assert_cmpint (count_events (fixture), ==, G_N_ELEMENTS (moves) - 1);

  /* Events are never changed or deleted. */
  g_assert_false (liaison_store_exec (fixture->store, "UPDATE suggestion_events SET data = '{}'", &error));
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_false (liaison_store_exec (fixture->store, "UPDATE suggestion_events SET at = '2020-01-01T00:00:00Z'", &error));
  g_clear_error (&error);
  g_assert_false (liaison_store_exec (fixture->store, "DELETE FROM suggestion_events", &error));
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_cmpint (count_events (fixture), ==, G_N_ELEMENTS (moves) - 1);
  /* Only their sync bookkeeping moves. */
  exec_ok (fixture->store, "UPDATE suggestion_events SET sync_state = 0, server_version = 7");

  /* The same timeline after reopening the file. */
  g_clear_object (&fixture->store);
  fixture->store = liaison_store_open (fixture->path, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) again = liaison_store_list_suggestion_events (fixture->store, id, &error);
    g_autoptr(LiaisonLoopState) state = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (again->len, ==, timeline->len);
    for (guint i = 0; i < again->len; i++)
      g_assert_true (liaison_loop_event_equal (g_ptr_array_index (timeline, i), g_ptr_array_index (again, i)));
    state = liaison_store_get_loop_state (fixture->store, id, &error);
    g_assert_no_error (error);
    g_assert_cmpint (state->status, ==, LIAISON_LOOP_STATUS_CLOSED);
    g_assert_cmpuint (state->n_replies, ==, 2);
    g_assert_cmpuint (state->n_late_replies, ==, 0);
    g_assert_cmpuint (state->n_unsatisfied, ==, 1);
    g_assert_cmpuint (state->rejected->len, ==, 0);
  }
  /* Refreshing the cache from the timeline changes nothing. */
  g_assert_true (liaison_store_refresh_loop_cache (fixture->store, suggestion->meta.uuid, &error));
  g_assert_no_error (error);
  assert_cache (fixture, id, LIAISON_LOOP_STATUS_CLOSED, 2, NULL, TRUE, FALSE);
  /* An unknown suggestion (its events arrived first) is no error. */
  g_assert_true (liaison_store_refresh_loop_cache (fixture->store, "e0000000-0000-4000-8000-000000000000", &error));
  g_assert_no_error (error);
}

/* A deputy's suggestion: filed with co-signers, referred straight away,
 * rated blind. */
static void
test_deputy_suggestion (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) timeline = NULL;
  g_autoptr(LiaisonLoopState) state = NULL;
  g_autoptr(LiaisonSuggestion) suggestion = NULL;
  gint64 id = add_suggestion (fixture, LIAISON_LOOP_KIND_DEPUTY_SUGGESTION, "关于加快老旧小区改造的建议",
                              "2025-09-25T01:00:00Z");
  gint64 other = add_suggestion (fixture, LIAISON_LOOP_KIND_PUBLIC_OPINION, "路面破损", "2025-09-25T01:00:00Z");
  const LiaisonLoopEvent *registered;
  LiaisonLoopEvent *event;
  GDate due;

  timeline = liaison_store_list_suggestion_events (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (timeline->len, ==, 1);
  registered = g_ptr_array_index (timeline, 0);
  g_assert_cmpint (registered->role, ==, LIAISON_LOOP_ROLE_DEPUTY);
  g_assert_cmpint (registered->kind, ==, LIAISON_LOOP_KIND_DEPUTY_SUGGESTION);
  /* No raised_by: the filing deputy is the actor. */
  g_assert_cmpstr (registered->actor_name, ==, "张伟");
  g_assert_cmpuint (g_strv_length (registered->co_signers), ==, 2);
  g_assert_cmpstr (registered->co_signers[0], ==, fixture->deputy_uuids[1]);
  g_assert_cmpstr (registered->co_signers[1], ==, fixture->deputy_uuids[2]);

  /* Filed by 张伟, co-signed by 李秀兰 and 王建国; not 赵刚's. */
  for (guint i = 0; i < 3; i++)
    g_assert_true (in_list (fixture, LIAISON_LOOP_LIST_FILED_BY, fixture->deputy_ids[i], NULL, id));
  g_assert_false (in_list (fixture, LIAISON_LOOP_LIST_FILED_BY, fixture->deputy_ids[3], NULL, id));
  g_assert_false (in_list (fixture, LIAISON_LOOP_LIST_FILED_BY, fixture->deputy_ids[0], NULL, other));
  /* Headquarters refers it as it is: nobody takes it up. */
  g_assert_true (in_list (fixture, LIAISON_LOOP_LIST_TO_REFER, 0, NULL, id));
  g_assert_false (in_list (fixture, LIAISON_LOOP_LIST_TO_TAKE_UP, 0, NULL, id));
  g_assert_true (in_list (fixture, LIAISON_LOOP_LIST_TO_TAKE_UP, 0, NULL, other));
  suggestion = liaison_test_get_suggestion (fixture->store, id);
  g_assert_cmpstr (liaison_suggestion_describe_status (suggestion), ==, "Registered");

  event = liaison_test_awkward_move (LIAISON_LOOP_MOVE_TAKE_UP, LIAISON_LOOP_ROLE_DEPUTY, "李秀兰", "2025-09-26T01:00:00Z");
  event->deputy_uuid = g_strdup (fixture->deputy_uuids[1]);
  add_refused (fixture, id, event, LIAISON_LOOP_ERROR, LIAISON_LOOP_ERROR_STATE);

  /* Three months, whatever the holidays. */
  {
    GDate referral_day = day (2025, 11, 30), expected = day (2026, 2, 28);

    liaison_store_default_due_date (fixture->store, LIAISON_LOOP_KIND_DEPUTY_SUGGESTION, &referral_day, &due);
    g_assert_cmpint (g_date_compare (&due, &expected), ==, 0);
  }
  event = liaison_test_awkward_move (LIAISON_LOOP_MOVE_REFER, LIAISON_LOOP_ROLE_HQ, "代表工委", "2025-11-30T02:00:00Z");
  event->lead_unit_uuid = g_strdup (LEAD_UNIT);
  event->due_date = due;
  liaison_test_add_event (fixture->store, id, event);
  assert_cache (fixture, id, LIAISON_LOOP_STATUS_REFERRED, 1, "2026-02-28", FALSE, FALSE);
  g_assert_false (in_list (fixture, LIAISON_LOOP_LIST_TO_REFER, 0, NULL, id));

  event = liaison_test_awkward_move (LIAISON_LOOP_MOVE_REPLY, LIAISON_LOOP_ROLE_HQ, "代表工委", "2026-01-15T02:00:00Z");
  event->reply_text = g_strdup ("已纳入2026年改造计划");
  event->reply_date = day (2026, 1, 15);
  event->replying_unit_uuid = g_strdup (LEAD_UNIT);
  liaison_test_add_event (fixture->store, id, event);
  /* The deputy is told, not a citizen. */
  g_assert_false (in_list (fixture, LIAISON_LOOP_LIST_TELL_CITIZEN, 0, NULL, id));

  /* Not blind, or by the station: refused. */
  event = liaison_test_awkward_move (LIAISON_LOOP_MOVE_RATE, LIAISON_LOOP_ROLE_DEPUTY, "张伟", "2026-01-20T02:00:00Z");
  event->rating = LIAISON_LOOP_RATING_BASICALLY_SATISFIED;
  event->asked = LIAISON_LOOP_ASKED_IN_PERSON;
  add_refused (fixture, id, event, LIAISON_LOOP_ERROR, LIAISON_LOOP_ERROR_MISSING);
  event = liaison_test_awkward_move (LIAISON_LOOP_MOVE_RATE, LIAISON_LOOP_ROLE_STATION, NULL, "2026-01-20T02:00:00Z");
  event->rating = LIAISON_LOOP_RATING_BASICALLY_SATISFIED;
  event->asked = LIAISON_LOOP_ASKED_IN_PERSON;
  add_refused (fixture, id, event, LIAISON_LOOP_ERROR, LIAISON_LOOP_ERROR_ROLE);
  /* Blind. */
  event = liaison_loop_event_new (LIAISON_LOOP_MOVE_RATE, LIAISON_LOOP_ROLE_DEPUTY);
  event->at = liaison_loop_parse_at ("2026-01-20T02:00:00Z");
  event->rating = LIAISON_LOOP_RATING_BASICALLY_SATISFIED;
  event->asked = LIAISON_LOOP_ASKED_IN_PERSON;
  liaison_test_add_event (fixture->store, id, event);
  assert_cache (fixture, id, LIAISON_LOOP_STATUS_RATED, 1, NULL, FALSE, FALSE);

  state = liaison_store_get_loop_state (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_true (state->rated);
  g_assert_cmpint (state->last_rating, ==, LIAISON_LOOP_RATING_BASICALLY_SATISFIED);
  g_assert_null (state->last_rated_by);
  /* Nobody can read from the stored row who rated. */
  {
    g_autofree char *row = query_text (fixture->store, "SELECT data FROM suggestion_events WHERE move = 'rate'");

    g_assert_nonnull (row);
    g_assert_null (strstr (row, "张伟"));
    g_assert_nonnull (strstr (row, "\"actor_name\":null"));
  }
}

/* "Filed by" follows the co-signers through edits (suggestion_co_signers
 * is kept by triggers), and drops tombstones. */
static void
test_filed_by (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonSuggestion) edited = NULL;
  g_autofree char *sql = NULL;
  gint64 id = add_suggestion (fixture, LIAISON_LOOP_KIND_DEPUTY_SUGGESTION, "关于加快老旧小区改造的建议",
                              "2025-09-25T01:00:00Z");
  gint64 other;

  g_assert_cmpint (liaison_test_query_int (fixture->store, "SELECT count(*) FROM suggestion_co_signers"), ==, 2);
  for (guint i = 0; i < 3; i++)
    g_assert_true (in_list (fixture, LIAISON_LOOP_LIST_FILED_BY, fixture->deputy_ids[i], NULL, id));
  g_assert_false (in_list (fixture, LIAISON_LOOP_LIST_FILED_BY, fixture->deputy_ids[3], NULL, id));

  /* 赵刚 co-signs instead of 李秀兰 and 王建国. */
  edited = liaison_test_get_suggestion (fixture->store, id);
  g_array_set_size (edited->co_signer_ids, 0);
  g_array_append_val (edited->co_signer_ids, fixture->deputy_ids[3]);
  g_assert_true (liaison_store_save_suggestion (fixture->store, edited, &error));
  g_assert_no_error (error);
  g_assert_true (in_list (fixture, LIAISON_LOOP_LIST_FILED_BY, fixture->deputy_ids[0], NULL, id));
  g_assert_false (in_list (fixture, LIAISON_LOOP_LIST_FILED_BY, fixture->deputy_ids[1], NULL, id));
  g_assert_false (in_list (fixture, LIAISON_LOOP_LIST_FILED_BY, fixture->deputy_ids[2], NULL, id));
  g_assert_true (in_list (fixture, LIAISON_LOOP_LIST_FILED_BY, fixture->deputy_ids[3], NULL, id));
  g_assert_cmpint (liaison_test_query_int (fixture->store, "SELECT count(*) FROM suggestion_co_signers"), ==, 1);

  /* A second one, filed by the same deputy: both listed, newest first. */
  other = add_suggestion (fixture, LIAISON_LOOP_KIND_DEPUTY_SUGGESTION, "关于增设公交站点的建议",
                          "2025-09-26T01:00:00Z");
  {
    g_autoptr(GPtrArray) rows = liaison_store_list_loop (fixture->store, LIAISON_LOOP_LIST_FILED_BY,
                                                         fixture->deputy_ids[0], NULL, 0, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (rows->len, ==, 2);
    g_assert_cmpint (((LiaisonSuggestion *) g_ptr_array_index (rows, 0))->meta.id, ==, other);
    g_assert_cmpint (((LiaisonSuggestion *) g_ptr_array_index (rows, 1))->meta.id, ==, id);
  }
  g_assert_true (in_list (fixture, LIAISON_LOOP_LIST_FILED_BY, fixture->deputy_ids[1], NULL, other));

  sql = g_strdup_printf ("UPDATE suggestions SET deleted = 1 WHERE id = %" G_GINT64_FORMAT, other);
  exec_ok (fixture->store, sql);
  g_assert_false (in_list (fixture, LIAISON_LOOP_LIST_FILED_BY, fixture->deputy_ids[1], NULL, other));
  g_assert_cmpuint (liaison_store_count_loop (fixture->store, LIAISON_LOOP_LIST_FILED_BY,
                                              fixture->deputy_ids[0], NULL, NULL), ==, 1);
  /* Nobody's: no deputy 0. */
  g_assert_cmpuint (liaison_store_count_loop (fixture->store, LIAISON_LOOP_LIST_FILED_BY, 0, NULL, NULL), ==, 0);
}

/* One suggestion per line of a small set, worked out by hand. */
static void
test_figures (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) states = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_loop_state_free);
  LiaisonFigures figures, expected;
  GDate today = day (2025, 12, 1);
  GDate from = day (2025, 10, 1);
  GDate to = day (2025, 10, 11);
  gint64 ids[6];
  LiaisonLoopEvent *event;

  /* 0: taken up, referred due 10-23, replied 10-24 (late), rated satisfied, closed. */
  ids[0] = add_suggestion (fixture, LIAISON_LOOP_KIND_PUBLIC_OPINION, "甲", "2025-09-25T01:00:00Z");
  /* 1: taken up, referred due 11-20: overdue on 12-01, key supervision. */
  ids[1] = add_suggestion (fixture, LIAISON_LOOP_KIND_PUBLIC_OPINION, "乙", "2025-10-10T01:00:00Z");
  /* 2: answered on the spot: resolved, never replied. */
  ids[2] = add_suggestion (fixture, LIAISON_LOOP_KIND_PUBLIC_OPINION, "丙", "2025-10-11T01:00:00Z");
  /* 3: withdrawn. */
  ids[3] = add_suggestion (fixture, LIAISON_LOOP_KIND_PUBLIC_OPINION, "丁", "2025-10-12T01:00:00Z");
  /* 4: registered only. */
  ids[4] = add_suggestion (fixture, LIAISON_LOOP_KIND_PUBLIC_OPINION, "戊", "2025-10-13T01:00:00Z");
  /* 5: a deputy's, replied in time, rated unsatisfied: reopened. */
  ids[5] = add_suggestion (fixture, LIAISON_LOOP_KIND_DEPUTY_SUGGESTION, "己", "2025-10-14T01:00:00Z");

  for (guint i = 0; i < 2; i++)
    {
      event = liaison_test_awkward_move (LIAISON_LOOP_MOVE_TAKE_UP, LIAISON_LOOP_ROLE_DEPUTY, "张伟", "2025-10-15T01:00:00Z");
      event->deputy_uuid = g_strdup (fixture->deputy_uuids[0]);
      liaison_test_add_event (fixture->store, ids[i], event);
      event = liaison_test_awkward_move (LIAISON_LOOP_MOVE_REFER, LIAISON_LOOP_ROLE_HQ, "代表工委", "2025-10-16T01:00:00Z");
      event->lead_unit_uuid = g_strdup (LEAD_UNIT);
      event->due_date = i == 0 ? day (2025, 10, 23) : day (2025, 11, 20);
      liaison_test_add_event (fixture->store, ids[i], event);
    }
  event = liaison_test_awkward_move (LIAISON_LOOP_MOVE_REPLY, LIAISON_LOOP_ROLE_HQ, "代表工委", "2025-10-24T01:00:00Z");
  event->reply_text = g_strdup ("已处理");
  event->reply_date = day (2025, 10, 24);
  event->replying_unit_uuid = g_strdup (LEAD_UNIT);
  liaison_test_add_event (fixture->store, ids[0], event);
  event = liaison_test_awkward_move (LIAISON_LOOP_MOVE_RATE, LIAISON_LOOP_ROLE_STATION, "陈静", "2025-10-25T01:00:00Z");
  event->rating = LIAISON_LOOP_RATING_SATISFIED;
  event->asked = LIAISON_LOOP_ASKED_PHONE;
  event->rated_by = g_strdup ("陈静");
  liaison_test_add_event (fixture->store, ids[0], event);
  event = liaison_test_awkward_move (LIAISON_LOOP_MOVE_CLOSE, LIAISON_LOOP_ROLE_HQ, "代表工委", "2025-10-26T01:00:00Z");
  liaison_test_add_event (fixture->store, ids[0], event);
  event = liaison_test_awkward_move (LIAISON_LOOP_MOVE_SUPERVISE, LIAISON_LOOP_ROLE_HQ, "代表工委", "2025-11-21T01:00:00Z");
  event->note = g_strdup ("逾期，重点督办");
  event->key_supervision = TRUE;
  liaison_test_add_event (fixture->store, ids[1], event);

  event = liaison_test_awkward_move (LIAISON_LOOP_MOVE_ANSWER_ON_SPOT, LIAISON_LOOP_ROLE_DEPUTY, "李秀兰", "2025-10-11T02:00:00Z");
  event->deputy_uuid = g_strdup (fixture->deputy_uuids[1]);
  event->answer = g_strdup ("当场解释了政策");
  liaison_test_add_event (fixture->store, ids[2], event);

  event = liaison_test_awkward_move (LIAISON_LOOP_MOVE_WITHDRAW, LIAISON_LOOP_ROLE_STATION, "陈静", "2025-10-12T02:00:00Z");
  event->reason = g_strdup ("已自行解决");
  liaison_test_add_event (fixture->store, ids[3], event);

  event = liaison_test_awkward_move (LIAISON_LOOP_MOVE_REFER, LIAISON_LOOP_ROLE_HQ, "代表工委", "2025-10-15T01:00:00Z");
  event->lead_unit_uuid = g_strdup (LEAD_UNIT);
  event->due_date = day (2026, 1, 15);
  liaison_test_add_event (fixture->store, ids[5], event);
  event = liaison_test_awkward_move (LIAISON_LOOP_MOVE_REPLY, LIAISON_LOOP_ROLE_HQ, "代表工委", "2025-11-01T01:00:00Z");
  event->reply_text = g_strdup ("正在研究");
  event->reply_date = day (2025, 11, 1);
  event->replying_unit_uuid = g_strdup (LEAD_UNIT);
  liaison_test_add_event (fixture->store, ids[5], event);
  event = liaison_loop_event_new (LIAISON_LOOP_MOVE_RATE, LIAISON_LOOP_ROLE_DEPUTY);
  event->at = liaison_loop_parse_at ("2025-11-02T01:00:00Z");
  event->rating = LIAISON_LOOP_RATING_UNSATISFIED;
  event->asked = LIAISON_LOOP_ASKED_IN_PERSON;
  liaison_test_add_event (fixture->store, ids[5], event);

  /* A tombstoned suggestion is not counted. */
  add_suggestion (fixture, LIAISON_LOOP_KIND_PUBLIC_OPINION, "已删除", "2025-10-13T01:00:00Z");
  exec_ok (fixture->store, "UPDATE suggestions SET deleted = 1 WHERE title = '已删除'");

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_ptr_array_add (states, liaison_store_get_loop_state (fixture->store, ids[i], &error));
      g_assert_no_error (error);
    }

  g_assert_true (liaison_store_compute_figures (fixture->store, NULL, NULL, &today, &figures, &error));
  g_assert_no_error (error);
  liaison_figures_compute (&expected, states, NULL, NULL, &today);
  g_assert_cmpmem (&figures, sizeof figures, &expected, sizeof expected);
  /* By hand: six collected, one withdrawn; resolved are 0 (closed) and 2
   * (on the spot); rated 0 (satisfied) and 5 (unsatisfied, open); replied
   * 0 (late) and 5 (in time); 1 overdue and under key supervision. */
  g_assert_cmpuint (figures.collected, ==, 6);
  g_assert_cmpuint (figures.withdrawn, ==, 1);
  g_assert_cmpuint (figures.resolved, ==, 2);
  g_assert_cmpuint (figures.rated, ==, 2);
  g_assert_cmpuint (figures.satisfied, ==, 1);
  g_assert_cmpuint (figures.replied, ==, 2);
  g_assert_cmpuint (figures.replied_in_time, ==, 1);
  g_assert_cmpuint (figures.overdue, ==, 1);
  g_assert_cmpuint (figures.key_supervision, ==, 1);
  g_assert_cmpuint (figures.unsatisfied_open, ==, 1);
  /* The lists agree with the figures. */
  g_assert_cmpuint (liaison_store_count_loop (fixture->store, LIAISON_LOOP_LIST_OVERDUE, 0, &today, NULL), ==,
                    figures.overdue);
  g_assert_cmpuint (liaison_store_count_loop (fixture->store, LIAISON_LOOP_LIST_KEY_SUPERVISION, 0, &today, NULL),
                    ==, figures.key_supervision);
  g_assert_cmpuint (liaison_store_count_loop (fixture->store, LIAISON_LOOP_LIST_UNSATISFIED, 0, &today, NULL),
                    ==, figures.unsatisfied_open);

  /* From October on, the first one (registered 09-25) is out. */
  g_assert_true (liaison_store_compute_figures (fixture->store, &from, NULL, &today, &figures, &error));
  g_assert_no_error (error);
  liaison_figures_compute (&expected, states, &from, NULL, &today);
  g_assert_cmpmem (&figures, sizeof figures, &expected, sizeof expected);
  g_assert_cmpuint (figures.collected, ==, 5);
  g_assert_cmpuint (figures.resolved, ==, 1);
  g_assert_cmpuint (figures.replied_in_time, ==, 1);

  /* Up to 10-11, both days included: 0, 1 and 2. */
  g_assert_true (liaison_store_compute_figures (fixture->store, NULL, &to, &today, &figures, &error));
  g_assert_no_error (error);
  liaison_figures_compute (&expected, states, NULL, &to, &today);
  g_assert_cmpmem (&figures, sizeof figures, &expected, sizeof expected);
  g_assert_cmpuint (figures.collected, ==, 3);
  g_assert_cmpuint (figures.resolved, ==, 2);
  g_assert_cmpuint (figures.overdue, ==, 1);
}

static GDate
days_from (const GDate *base,
           int          days)
{
  GDate date = *base;

  if (days >= 0)
    g_date_add_days (&date, (guint) days);
  else
    g_date_subtract_days (&date, (guint) -days);
  return date;
}

/* The figures the store reads from its cached columns, against
 * liaison_figures_compute() over every timeline replayed, on the demo
 * city's histories (taken up, referred, late and in-time replies, ratings,
 * reopened, supervised, withdrawn, answered on the spot, deputies'
 * suggestions), in a time zone where a registration's local day is not
 * always its UTC day, for periods and days around the due dates. */
static void
test_figures_replayed (Fixture       *fixture,
                       gconstpointer  data)
{
  LiaisonDemoOptions options = {
    .n_receptions = 400,
    .n_stations = 4,
    .n_deputies = 40,
    .seed = 20250101,
    .n_days = 240,
    .suggestion_percent = 100,
    .loop_histories = TRUE,
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) states = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_loop_state_free);
  LiaisonFigures seen = { 0, };
  sqlite3_stmt *stmt = NULL;
  GDate today;
  int offsets[] = { -60, -7, 0, 2, 20, 200 };

  /* Ten hours east of UTC, written as POSIX so that no zone file is
   * needed: the demo's early-morning registrations fall on the day before
   * in UTC. */
  g_setenv ("TZ", "AEST-10", TRUE);
  g_assert_true (liaison_demo_generate (fixture->store, &options, &error));
  g_assert_no_error (error);
  /* Some tombstones, which count nowhere. */
  exec_ok (fixture->store, "UPDATE suggestions SET deleted = 1 WHERE id % 23 = 0");

  g_assert_cmpint (sqlite3_prepare_v2 (liaison_store_get_handle (fixture->store),
                                       "SELECT id FROM suggestions WHERE deleted = 0", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      LiaisonLoopState *state = liaison_store_get_loop_state (fixture->store, sqlite3_column_int64 (stmt, 0), &error);

      g_assert_no_error (error);
      g_ptr_array_add (states, state);
    }
  sqlite3_finalize (stmt);
  g_assert_cmpuint (states->len, >, 300);
  /* Some local days are not the UTC day. */
  g_assert_cmpint (liaison_test_query_int (fixture->store,
                     "SELECT count(*) FROM suggestions WHERE registered_on <> substr (created_at, 1, 10)"), >, 0);

  liaison_date_set_today (&today);

  for (guint t = 0; t < G_N_ELEMENTS (offsets); t++)
    {
      GDate on = days_from (&today, offsets[t]);
      GDate bounds[][2] = {
        { days_from (&today, -90), days_from (&today, -30) },
        { days_from (&today, -45), days_from (&today, -45) },
        { days_from (&today, -200), days_from (&today, -1) },
      };
      LiaisonFigures figures, expected;

      g_assert_true (liaison_store_compute_figures (fixture->store, NULL, NULL, &on, &figures, &error));
      g_assert_no_error (error);
      liaison_figures_compute (&expected, states, NULL, NULL, &on);
      g_assert_cmpmem (&figures, sizeof figures, &expected, sizeof expected);
      g_assert_cmpuint (figures.collected, ==, states->len);

      /* The lists count what the figures count. */
      g_assert_cmpuint (liaison_store_count_loop (fixture->store, LIAISON_LOOP_LIST_OVERDUE, 0, &on, NULL),
                        ==, figures.overdue);
      g_assert_cmpuint (liaison_store_count_loop (fixture->store, LIAISON_LOOP_LIST_DUE_SOON, 0, &on, NULL),
                        ==, figures.due_soon);
      g_assert_cmpuint (liaison_store_count_loop (fixture->store, LIAISON_LOOP_LIST_KEY_SUPERVISION, 0, &on, NULL),
                        ==, figures.key_supervision);
      g_assert_cmpuint (liaison_store_count_loop (fixture->store, LIAISON_LOOP_LIST_UNSATISFIED, 0, &on, NULL),
                        ==, figures.unsatisfied_open);

      seen.withdrawn = MAX (seen.withdrawn, figures.withdrawn);
      seen.resolved = MAX (seen.resolved, figures.resolved);
      seen.basically_satisfied = MAX (seen.basically_satisfied, figures.basically_satisfied);
      seen.replied_in_time = MAX (seen.replied_in_time, figures.replied - figures.replied_in_time);
      seen.overdue = MAX (seen.overdue, figures.overdue);
      seen.due_soon = MAX (seen.due_soon, figures.due_soon);
      seen.key_supervision = MAX (seen.key_supervision, figures.key_supervision);
      seen.unsatisfied_open = MAX (seen.unsatisfied_open, figures.unsatisfied_open);

      /* From a day, up to a day, between two, and one day alone. */
      g_assert_true (liaison_store_compute_figures (fixture->store, &bounds[0][0], NULL, &on, &figures, &error));
      g_assert_no_error (error);
      liaison_figures_compute (&expected, states, &bounds[0][0], NULL, &on);
      g_assert_cmpmem (&figures, sizeof figures, &expected, sizeof expected);
      g_assert_true (liaison_store_compute_figures (fixture->store, NULL, &bounds[0][1], &on, &figures, &error));
      g_assert_no_error (error);
      liaison_figures_compute (&expected, states, NULL, &bounds[0][1], &on);
      g_assert_cmpmem (&figures, sizeof figures, &expected, sizeof expected);
      for (guint b = 0; b < G_N_ELEMENTS (bounds); b++)
        {
          g_assert_true (liaison_store_compute_figures (fixture->store, &bounds[b][0], &bounds[b][1], &on,
                                                        &figures, &error));
          g_assert_no_error (error);
          liaison_figures_compute (&expected, states, &bounds[b][0], &bounds[b][1], &on);
          g_assert_cmpmem (&figures, sizeof figures, &expected, sizeof expected);
          g_assert_cmpuint (figures.collected, >, 0);
          g_assert_cmpuint (figures.collected, <, states->len);
        }
    }

  /* The data set holds every case the figures tell apart. */
  g_assert_cmpuint (seen.withdrawn, >, 0);
  g_assert_cmpuint (seen.resolved, >, 0);
  g_assert_cmpuint (seen.basically_satisfied, >, 0);
  g_assert_cmpuint (seen.replied_in_time, >, 0);  /* some late replies */
  g_assert_cmpuint (seen.overdue, >, 0);
  g_assert_cmpuint (seen.due_soon, >, 0);
  g_assert_cmpuint (seen.key_supervision, >, 0);
  g_assert_cmpuint (seen.unsatisfied_open, >, 0);

  g_setenv ("TZ", "UTC", TRUE);
}

static void
test_rules (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonLoopRules) defaults = liaison_store_get_loop_rules (fixture->store, &error);
  g_autoptr(LiaisonLoopRules) rules = NULL;
  g_autoptr(LiaisonLoopRules) read = NULL;
  g_autofree char *text = NULL;
  g_autofree char *read_text = NULL;

  /* Before headquarters sends any: the defaults, with the State Council's
   * published holidays. */
  g_assert_no_error (error);
  g_assert_cmpuint (defaults->limits[LIAISON_LOOP_KIND_PUBLIC_OPINION].working_days, ==, 15);
  g_assert_cmpuint (defaults->limits[LIAISON_LOOP_KIND_DEPUTY_SUGGESTION].months, ==, 3);
  {
    g_autoptr(LiaisonCalendar) official = liaison_calendar_new_official ();
    g_autofree char *official_text = liaison_calendar_to_text (official);
    g_autofree char *defaults_text = liaison_calendar_to_text (defaults->calendar);

    g_assert_cmpuint (official->holidays->len, >, 0);
    g_assert_cmpstr (defaults_text, ==, official_text);
  }

  rules = liaison_loop_rules_copy (defaults);
  liaison_calendar_free (rules->calendar);
  rules->calendar = liaison_calendar_parse (calendar_text, &error);
  g_assert_no_error (error);
  rules->limits[LIAISON_LOOP_KIND_PUBLIC_OPINION].working_days = 10;

  /* A station (or a replica not enrolled) may not set them. */
  g_assert_false (liaison_store_set_loop_rules (fixture->store, rules, &error));
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID);
  g_clear_error (&error);
  set_role (fixture->store, LIAISON_SYNC_ROLE_STATION);
  g_assert_false (liaison_store_set_loop_rules (fixture->store, rules, &error));
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (liaison_test_count_rows (fixture->store, "loop_rules"), ==, 0);

  set_role (fixture->store, LIAISON_SYNC_ROLE_HQ);
  g_assert_true (liaison_store_set_loop_rules (fixture->store, rules, &error));
  g_assert_no_error (error);
  g_assert_cmpint (liaison_test_query_int (fixture->store, "SELECT version FROM loop_rules"), ==, 1);
  g_assert_cmpint (liaison_test_query_int (fixture->store, "SELECT sync_state FROM loop_rules"), ==, 1);
  g_assert_cmpint (liaison_test_query_int (fixture->store,
                     "SELECT count(*) FROM loop_rules WHERE uuid = '" LIAISON_LOOP_RULES_UUID "'"), ==, 1);

  read = liaison_store_get_loop_rules (fixture->store, &error);
  g_assert_no_error (error);
  text = liaison_calendar_to_text (rules->calendar);
  read_text = liaison_calendar_to_text (read->calendar);
  g_assert_cmpstr (read_text, ==, text);
  g_assert_cmpuint (read->limits[LIAISON_LOOP_KIND_PUBLIC_OPINION].working_days, ==, 10);
  g_assert_cmpuint (read->limits[LIAISON_LOOP_KIND_DEPUTY_SUGGESTION].months, ==, 3);

  /* The due date follows: 10 working days after 2025-09-26 is 10-16. */
  {
    GDate referral_day = day (2025, 9, 26), due, expected = day (2025, 10, 16);

    liaison_store_default_due_date (fixture->store, LIAISON_LOOP_KIND_PUBLIC_OPINION, &referral_day, &due);
    g_assert_cmpint (g_date_compare (&due, &expected), ==, 0);
  }

  /* A new version of the same record, pending push again. */
  exec_ok (fixture->store, "UPDATE loop_rules SET sync_state = 0");
  rules->limits[LIAISON_LOOP_KIND_DEPUTY_SUGGESTION].months = 2;
  g_assert_true (liaison_store_set_loop_rules (fixture->store, rules, &error));
  g_assert_no_error (error);
  g_assert_cmpint (liaison_test_count_rows (fixture->store, "loop_rules"), ==, 1);
  g_assert_cmpint (liaison_test_query_int (fixture->store, "SELECT version FROM loop_rules"), ==, 2);
  g_assert_cmpint (liaison_test_query_int (fixture->store, "SELECT sync_state FROM loop_rules"), ==, 1);

  /* No time limit at all is refused. */
  rules->limits[LIAISON_LOOP_KIND_DEPUTY_SUGGESTION].months = 0;
  g_assert_false (liaison_store_set_loop_rules (fixture->store, rules, &error));
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID);
  g_assert_cmpint (liaison_test_query_int (fixture->store, "SELECT version FROM loop_rules"), ==, 2);
}

static void
test_unseen_replies (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonSuggestion) suggestion = NULL;
  gint64 id = add_suggestion (fixture, LIAISON_LOOP_KIND_PUBLIC_OPINION, "噪音扰民", "2025-10-10T01:00:00Z");
  g_autofree char *sql = NULL;

  g_assert_cmpuint (liaison_store_count_unseen_replies (fixture->store, &error), ==, 0);
  g_assert_no_error (error);
  /* The badge is counted on every change: through its own small index,
   * not by reading the table. */
  {
    sqlite3_stmt *stmt = NULL;
    g_autoptr(GString) plan = g_string_new (NULL);

    g_assert_cmpint (sqlite3_prepare_v2 (liaison_store_get_handle (fixture->store),
                                         "EXPLAIN QUERY PLAN SELECT count(*) FROM suggestions"
                                         " WHERE reply_unseen = 1 AND deleted = 0", -1, &stmt, NULL), ==, SQLITE_OK);
    while (sqlite3_step (stmt) == SQLITE_ROW)
      g_string_append_printf (plan, "%s\n", (const char *) sqlite3_column_text (stmt, 3));
    sqlite3_finalize (stmt);
    g_test_message ("%s", plan->str);
    g_assert_nonnull (strstr (plan->str, "INDEX suggestions_reply_unseen"));
  }
  /* Sync sets the flag when a reply arrives. */
  sql = g_strdup_printf ("UPDATE suggestions SET reply_unseen = 1 WHERE id = %" G_GINT64_FORMAT, id);
  exec_ok (fixture->store, sql);
  g_assert_cmpuint (liaison_store_count_unseen_replies (fixture->store, &error), ==, 1);
  suggestion = liaison_test_get_suggestion (fixture->store, id);
  g_assert_true (suggestion->reply_unseen);

  g_assert_true (liaison_store_mark_reply_seen (fixture->store, id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (liaison_store_count_unseen_replies (fixture->store, &error), ==, 0);
  g_clear_pointer (&suggestion, liaison_suggestion_free);
  suggestion = liaison_test_get_suggestion (fixture->store, id);
  g_assert_false (suggestion->reply_unseen);
  /* Seeing is not an edit. */
  g_assert_cmpint (suggestion->meta.version, ==, 1);
}

/* An item of the lists, as a list row shows it. */
static void
test_item (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonSuggestionItem) item = NULL;
  g_autofree char *urgency = NULL;
  g_autofree char *due_date = NULL;
  g_autofree char *taken_up_by = NULL;
  g_autofree char *status_code = NULL;
  g_autofree char *expected_due = NULL;
  gint64 id = add_suggestion (fixture, LIAISON_LOOP_KIND_PUBLIC_OPINION, "积水", "2025-10-10T01:00:00Z");
  LiaisonLoopEvent *event;
  GDate today;

  event = liaison_loop_event_new (LIAISON_LOOP_MOVE_TAKE_UP, LIAISON_LOOP_ROLE_DEPUTY);
  event->actor_name = g_strdup ("张伟");
  event->deputy_uuid = g_strdup (fixture->deputy_uuids[0]);
  liaison_test_add_event (fixture->store, id, event);
  /* Due a long way ahead: on track whatever day the test runs. */
  liaison_date_set_today (&today);
  g_date_add_years (&today, 1);
  event = liaison_loop_event_new (LIAISON_LOOP_MOVE_REFER, LIAISON_LOOP_ROLE_HQ);
  event->actor_name = g_strdup ("代表工委");
  event->lead_unit_uuid = g_strdup (LEAD_UNIT);
  event->due_date = today;
  liaison_test_add_event (fixture->store, id, event);
  expected_due = liaison_date_to_iso (&today);
  /* Both moves got "now", likely the same second: the second one is still
   * placed after the first, or the replay would take it first and refuse it. */
  {
    g_autoptr(GPtrArray) timeline = liaison_store_list_suggestion_events (fixture->store, id, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (timeline->len, ==, 3);
    g_assert_cmpint (g_date_time_compare (((LiaisonLoopEvent *) g_ptr_array_index (timeline, 1))->at,
                                          ((LiaisonLoopEvent *) g_ptr_array_index (timeline, 2))->at), <, 0);
  }

  item = liaison_suggestion_item_new (liaison_store_get_suggestion (fixture->store, id, &error));
  g_assert_no_error (error);
  g_object_get (item, "urgency", &urgency, "due-date", &due_date, "taken-up-by", &taken_up_by,
                "status-code", &status_code, NULL);
  g_assert_cmpstr (urgency, ==, "on_track");
  g_assert_cmpstr (due_date, ==, expected_due);
  g_assert_cmpstr (taken_up_by, ==, "张伟");
  g_assert_cmpstr (status_code, ==, "referred");
}

/* A move at @at (NULL: now) for the refused/accepted checks below. */
static LiaisonLoopEvent *
supervise_at (GDateTime *at)
{
  LiaisonLoopEvent *event = liaison_loop_event_new (LIAISON_LOOP_MOVE_SUPERVISE, LIAISON_LOOP_ROLE_HQ);

  event->actor_name = g_strdup ("代表工委");
  event->note = g_strdup ("请加快办理");
  event->at = at != NULL ? g_date_time_ref (at) : NULL;
  return event;
}

static LiaisonLoopEvent *
take_up (Fixture *fixture)
{
  LiaisonLoopEvent *event = liaison_loop_event_new (LIAISON_LOOP_MOVE_TAKE_UP, LIAISON_LOOP_ROLE_DEPUTY);

  event->actor_name = g_strdup ("张伟");
  event->deputy_uuid = g_strdup (fixture->deputy_uuids[0]);
  return event;
}

/* Each replica records only its own side's moves (the server would refuse
 * the others); the other side's arrive synced; the page lists what was
 * not sent, and what the server refused. */
static void
test_owner (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonLoopEvent) refer = NULL;
  g_autoptr(LiaisonLoopEvent) deputy_move = take_up (fixture);
  g_autoptr(LiaisonLoopEvent) again = NULL;
  g_autoptr(LiaisonLoopEvent) supervise = supervise_at (NULL);
  g_autoptr(LiaisonLoopEvent) rate = NULL;
  g_autoptr(GHashTable) unsent = NULL;
  g_autoptr(GPtrArray) pending = NULL;
  gint64 id = add_suggestion (fixture, LIAISON_LOOP_KIND_PUBLIC_OPINION, "井盖缺失", "2025-10-10T01:00:00Z");
  gpointer reason = NULL;
  GDate due = day (2030, 1, 31);

  /* Not enrolled: the station it will be. Headquarters' move is refused. */
  g_assert_cmpint (liaison_store_get_sync_role (fixture->store), ==, LIAISON_SYNC_ROLE_NONE);
  refer = liaison_test_awkward_move (LIAISON_LOOP_MOVE_REFER, LIAISON_LOOP_ROLE_HQ, "代表工委", "2025-10-11T01:00:00Z");
  refer->lead_unit_uuid = g_strdup (LEAD_UNIT);
  refer->due_date = due;
  liaison_test_act_as_deputy (fixture->store, deputy_move->deputy_uuid);
  g_assert_true (liaison_store_add_suggestion_event (fixture->store, id, deputy_move, &error));
  g_assert_no_error (error);
  g_assert_false (liaison_store_add_suggestion_event (fixture->store, id, refer, &error));
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Only headquarters’ desk can record this step.");
  g_clear_error (&error);
  g_assert_cmpint (count_events (fixture), ==, 1);

  /* Enrolled as a station: the same. */
  set_role (fixture->store, LIAISON_SYNC_ROLE_STATION);
  g_assert_false (liaison_store_add_suggestion_event (fixture->store, id, refer, &error));
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (count_events (fixture), ==, 1);

  /* A citizen's online rating is the public site's, at no desk. */
  {
    g_autoptr(LiaisonLoopEvent) citizen = liaison_test_awkward_move (LIAISON_LOOP_MOVE_RATE, LIAISON_LOOP_ROLE_CITIZEN,
                                                                     "陈静", "2025-10-11T02:00:00Z");

    g_clear_pointer (&citizen->actor_name, g_free);
    citizen->asked = LIAISON_LOOP_ASKED_ONLINE;
    g_assert_false (liaison_store_add_suggestion_event (fixture->store, id, citizen, &error));
    g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID);
    g_assert_cmpstr (error->message, ==, "A citizen’s online rating is recorded only by the public site.");
    g_clear_error (&error);
    g_assert_cmpint (count_events (fixture), ==, 1);
  }

  /* The take-up waits to be sent. */
  unsent = liaison_store_list_unsent_events (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (unsent), ==, 1);
  g_assert_true (g_hash_table_lookup_extended (unsent, deputy_move->uuid, NULL, &reason));
  g_assert_null (reason);
  g_clear_pointer (&unsent, g_hash_table_unref);

  /* Received as if pulled: synced, not sent again, not "unsent"; the rules
   * still hold. */
  g_assert_true (liaison_store_add_received_event (fixture->store, id, refer, &error));
  g_assert_no_error (error);
  assert_cache (fixture, id, LIAISON_LOOP_STATUS_REFERRED, 1, "2030-01-31", FALSE, FALSE);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT sync_state FROM suggestion_events WHERE uuid = '%s'", refer->uuid);

    g_assert_cmpint (liaison_test_query_int (fixture->store, sql), ==, LIAISON_SYNC_STATE_SYNCED);
  }
  pending = liaison_store_collect_pending (fixture->store, 100, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < pending->len; i++)
    g_assert_cmpstr (json_object_get_string_member (g_ptr_array_index (pending, i), "uuid"), !=, refer->uuid);
  again = liaison_test_awkward_move (LIAISON_LOOP_MOVE_REFER, LIAISON_LOOP_ROLE_HQ, "代表工委", "2025-10-12T01:00:00Z");
  again->lead_unit_uuid = g_strdup (CO_UNIT);
  again->due_date = due;
  g_assert_false (liaison_store_add_received_event (fixture->store, id, again, &error));
  g_assert_error (error, LIAISON_LOOP_ERROR, LIAISON_LOOP_ERROR_STATE);
  g_clear_error (&error);
  g_assert_cmpint (count_events (fixture), ==, 2);

  /* Headquarters refused the take-up: the page says why. */
  {
    g_autofree char *sql = g_strdup_printf ("UPDATE suggestion_events SET sync_state = 2,"
                                            " sync_error = 'Not your station.' WHERE uuid = '%s'",
                                            deputy_move->uuid);

    exec_ok (fixture->store, sql);
  }
  unsent = liaison_store_list_unsent_events (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (unsent), ==, 1);
  g_assert_cmpstr (g_hash_table_lookup (unsent, deputy_move->uuid), ==, "Not your station.");
  g_clear_pointer (&unsent, g_hash_table_unref);
  /* Another suggestion has nothing unsent. */
  {
    gint64 other = add_suggestion (fixture, LIAISON_LOOP_KIND_PUBLIC_OPINION, "路灯", "2025-10-10T01:00:00Z");

    unsent = liaison_store_list_unsent_events (fixture->store, other, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_hash_table_size (unsent), ==, 0);
    g_clear_pointer (&unsent, g_hash_table_unref);
  }

  /* At headquarters: its own moves, never the station's. */
  set_role (fixture->store, LIAISON_SYNC_ROLE_HQ);
  g_assert_true (liaison_store_add_suggestion_event (fixture->store, id, supervise, &error));
  g_assert_no_error (error);
  rate = liaison_test_awkward_move (LIAISON_LOOP_MOVE_WITHDRAW, LIAISON_LOOP_ROLE_STATION, "陈静", "2025-10-13T01:00:00Z");
  rate->reason = g_strdup ("群众撤回");
  g_assert_false (liaison_store_add_suggestion_event (fixture->store, id, rate, &error));
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "This step is recorded at the station.");
  g_clear_error (&error);
  g_assert_cmpint (count_events (fixture), ==, 3);
}

/* No move may be dated more than 10 minutes ahead of this computer's
 * clock, given or placed after a step that already is. */
static void
test_future (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) soon = g_date_time_add_minutes (now, 5);
  g_autoptr(GDateTime) late = g_date_time_add_minutes (now, 11);
  g_autoptr(GDateTime) hour = g_date_time_add_hours (now, 1);
  g_autoptr(LiaisonLoopEvent) ahead = supervise_at (late);
  g_autoptr(LiaisonLoopEvent) near = supervise_at (soon);
  g_autoptr(LiaisonLoopEvent) follow = supervise_at (NULL);
  g_autoptr(LiaisonLoopEvent) forged = supervise_at (hour);
  g_autoptr(LiaisonLoopEvent) received = supervise_at (late);
  g_autoptr(LiaisonSuggestion) suggestion = NULL;
  gint64 id = add_suggestion (fixture, LIAISON_LOOP_KIND_PUBLIC_OPINION, "占道经营", "2025-10-10T01:00:00Z");

  set_role (fixture->store, LIAISON_SYNC_ROLE_HQ);
  g_assert_false (liaison_store_add_suggestion_event (fixture->store, id, ahead, &error));
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "future"));
  g_clear_error (&error);
  g_assert_false (liaison_store_add_received_event (fixture->store, id, received, &error));
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (count_events (fixture), ==, 0);
  /* A clock a few minutes fast is no fault. */
  g_assert_true (liaison_store_add_suggestion_event (fixture->store, id, near, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_events (fixture), ==, 1);

  /* A step an hour ahead came in by other means (a fast clock, before the
   * server checked): a new move would be placed after it, so it waits. */
  suggestion = liaison_test_get_suggestion (fixture->store, id);
  forged->uuid = g_uuid_string_random ();
  forged->suggestion_uuid = g_strdup (suggestion->meta.uuid);
  {
    g_autoptr(JsonObject) object = liaison_loop_event_to_json (forged);
    g_autofree char *text = liaison_store_json_text (object);
    g_autofree char *at = liaison_loop_format_at (forged->at);
    g_autofree char *sql = g_strdup_printf ("INSERT INTO suggestion_events (uuid, suggestion_uuid, move, role, at,"
                                            " data, sync_state) VALUES ('%s', '%s', 'supervise', 'hq', '%s', '%s', 0)",
                                            forged->uuid, forged->suggestion_uuid, at, text);

    exec_ok (fixture->store, sql);
  }
  g_assert_false (liaison_store_add_suggestion_event (fixture->store, id, follow, &error));
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "timeline has a step dated in the future"));
  g_clear_error (&error);
  g_assert_cmpint (count_events (fixture), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  /* Event days are taken in local time; pin it. */
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/store-loop/whole-loop", test_whole_loop);
  ADD ("/store-loop/deputy-suggestion", test_deputy_suggestion);
  ADD ("/store-loop/filed-by", test_filed_by);
  ADD ("/store-loop/figures", test_figures);
  ADD ("/store-loop/figures-replayed", test_figures_replayed);
  ADD ("/store-loop/rules", test_rules);
  ADD ("/store-loop/unseen-replies", test_unseen_replies);
  ADD ("/store-loop/item", test_item);
  ADD ("/store-loop/owner", test_owner);
  ADD ("/store-loop/future", test_future);
  ADD ("/store-loop/attachments", test_attachments);
#undef ADD

  return g_test_run ();
}
