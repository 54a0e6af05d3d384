/* liaison-test-util.c: helpers shared by the tests. */
#define G_LOG_DOMAIN "liaison-test-util"

#include "config.h"

#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/prctl.h>

#include <glib/gstdio.h>

#include "liaison-store-deputy-pin.h"
#include "liaison-store-loop.h"
#include "liaison-store-private.h"
#include "liaison-store-search.h"
#include "liaison-store-sync.h"
#include "liaison-test-util.h"

/**
 * liaison_test_make_tmp_dir:
 * @tmpl: a g_dir_make_tmp() template, e.g. "liaison-store-XXXXXX"
 *
 * Returns: (transfer full): the new folder's path
 */
char *
liaison_test_make_tmp_dir (const char *tmpl)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp (tmpl, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dir);
  return dir;
}

/**
 * liaison_test_append_repeat:
 *
 * Appends @text to @out @n times, for hostile bodies of any depth.
 *
 * Returns: @out
 */
GString *
liaison_test_append_repeat (GString    *out,
                            const char *text,
                            guint       n)
{
  for (guint i = 0; i < n; i++)
    g_string_append (out, text);
  return out;
}

/**
 * liaison_test_private_keys:
 * @tmpl: a template for g_dir_make_tmp()
 *
 * Points the config folder at a new temporary one and turns the keyring off,
 * so that sync keys go to a file there, never to a real keyring; the
 * `liaison` commands a test runs inherit both.
 *
 * Returns: (transfer full): the folder, for liaison_test_remove_tree()
 */
char *
liaison_test_private_keys (const char *tmpl)
{
  char *config = liaison_test_make_tmp_dir (tmpl);

  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_setenv ("LIAISON_NO_KEYRING", "1", TRUE);
  return config;
}

/**
 * liaison_test_remove_tree:
 * @path: a file or folder
 *
 * Deletes @path and, for a folder, everything below it.
 */
void
liaison_test_remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_remove (path);
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      liaison_test_remove_tree (child);
    }
  g_dir_close (dir);
  g_rmdir (path);
}

/**
 * liaison_test_clear_store_dir:
 * @store: (inout) (nullable): a store kept in @dir, closed first
 * @dir: (inout): a temporary folder, deleted with all it holds
 *
 * Tears down a fixture's store and its folder.
 */
void
liaison_test_clear_store_dir (LiaisonStore **store,
                              char         **dir)
{
  g_clear_object (store);
  liaison_test_remove_tree (*dir);
  g_clear_pointer (dir, g_free);
}

/**
 * liaison_test_data_path:
 * @name: a file in tests/data
 *
 * Returns: (transfer full): its path, from $LIAISON_TEST_DATA
 */
char *
liaison_test_data_path (const char *name)
{
  const char *dir = g_getenv ("LIAISON_TEST_DATA");

  g_assert_nonnull (dir);
  return g_build_filename (dir, name, NULL);
}

/**
 * liaison_test_last_line:
 * @text: a program's output, which has a line that is not blank
 *
 * Returns: (transfer full): its last such line, stripped
 */
char *
liaison_test_last_line (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (int i = (int) g_strv_length (lines) - 1; i >= 0; i--)
    if (g_strstrip (lines[i])[0] != '\0')
      return g_strdup (lines[i]);
  g_assert_not_reached ();
}

/* The day @year-@month-@day. */
GDate
liaison_test_date (int year,
                   int month,
                   int day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return date;
}

/* The local day of @at: the day a move counts as made on. */
void
liaison_test_local_day (GDateTime *at,
                        GDate     *day)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (at);

  g_date_clear (day, 1);
  g_date_set_dmy (day, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
}

/* The State Council's 2025 arrangement (国办发明电〔2024〕12号). */
static const char holidays_2025[] =
  "# 2025 public holidays\n"
  "2025-01-01,holiday,New Year's Day\n"
  "2025-01-26,workday\n"
  "2025-01-28,holiday,Spring Festival\n"
  "2025-01-29,holiday\n"
  "2025-01-30,holiday\n"
  "2025-01-31,holiday\n"
  "2025-02-01,holiday\n"
  "2025-02-02,holiday\n"
  "2025-02-03,holiday\n"
  "2025-02-04,holiday\n"
  "2025-02-08,workday\n"
  "2025-04-04,holiday,Qingming\n"
  "2025-04-05,holiday\n"
  "2025-04-06,holiday\n"
  "2025-04-27,workday\n"
  "2025-05-01,holiday,Labour Day\n"
  "2025-05-02,holiday\n"
  "2025-05-03,holiday\n"
  "2025-05-04,holiday\n"
  "2025-05-05,holiday\n"
  "2025-05-31,holiday,Dragon Boat\n"
  "2025-06-01,holiday\n"
  "2025-06-02,holiday\n"
  "\n"
  "2025-09-28,workday\n"
  "2025-10-01,holiday,National Day and Mid-Autumn\n"
  "2025-10-02,holiday\n"
  "2025-10-03,holiday\n"
  "2025-10-04,holiday\n"
  "2025-10-05,holiday\n"
  "2025-10-06,holiday\n"
  "2025-10-07,holiday\n"
  "2025-10-08,holiday\n"
  "2025-10-11,workday\n";

/**
 * liaison_test_calendar_2025:
 *
 * The calendar of 2025's public holidays and make-up workdays.
 *
 * Returns: (transfer full): the calendar
 */
LiaisonCalendar *
liaison_test_calendar_2025 (void)
{
  g_autoptr(GError) error = NULL;
  LiaisonCalendar *cal = liaison_calendar_parse (holidays_2025, &error);

  g_assert_no_error (error);
  g_assert_nonnull (cal);
  return cal;
}

/**
 * liaison_test_database_holds:
 * @path: a database file
 * @needle: the text to look for
 *
 * Whether the database file @path or its WAL holds @needle anywhere, byte
 * for byte (a file that is not there holds nothing): what a purge must
 * leave no trace of.
 */
gboolean
liaison_test_database_holds (const char *path,
                             const char *needle)
{
  const char *suffixes[] = { "", "-wal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);
      g_autofree char *bytes = NULL;
      g_autoptr(GError) error = NULL;
      gsize length = 0;

      if (!g_file_test (name, G_FILE_TEST_EXISTS))
        continue;
      g_assert_true (g_file_get_contents (name, &bytes, &length, &error));
      g_assert_no_error (error);
      if (memmem (bytes, length, needle, strlen (needle)) != NULL)
        return TRUE;
    }
  return FALSE;
}

/**
 * liaison_test_database_checksum:
 * @path: a database file
 *
 * A checksum of every row of every table, read with a connection of our
 * own: what a failed write must leave as it was.
 *
 * Returns: (transfer full): the checksum, in hex
 */
char *
liaison_test_database_checksum (const char *path)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  g_assert_cmpuint (tables->len, >, 5);

  for (guint t = 0; t < tables->len; t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\"", (char *) g_ptr_array_index (tables, t));

      if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
        continue;  /* virtual tables of a module this connection lacks */
      g_checksum_update (checksum, (const guchar *) sql, -1);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        for (int c = 0; c < sqlite3_column_count (stmt); c++)
          {
            const void *blob = sqlite3_column_blob (stmt, c);
            int type = sqlite3_column_type (stmt, c);

            g_checksum_update (checksum, (const guchar *) &type, sizeof type);
            if (blob != NULL)
              g_checksum_update (checksum, blob, sqlite3_column_bytes (stmt, c));
          }
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);
  return g_strdup (g_checksum_get_string (checksum));
}

/**
 * liaison_test_open_store:
 * @path: the database file
 *
 * Returns: (transfer full): the store, which opened without error
 */
LiaisonStore *
liaison_test_open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  LiaisonStore *store = liaison_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

/**
 * liaison_test_set_station:
 *
 * Sets up this station, asserting that it worked.
 */
void
liaison_test_set_station (LiaisonStore       *store,
                          const char         *name,
                          LiaisonStationKind  kind,
                          const char         *district)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (liaison_store_set_local_station (store, name, kind, district, &error));
  g_assert_no_error (error);
}

/**
 * liaison_test_open_store_with_station:
 * @path: the database file
 * @station_name: this station's name
 *
 * Opens a store and sets up this station as a liaison station of 相山区,
 * where the tests' stations are.
 *
 * Returns: (transfer full): the store
 */
LiaisonStore *
liaison_test_open_store_with_station (const char *path,
                                      const char *station_name)
{
  LiaisonStore *store = liaison_test_open_store (path);

  liaison_test_set_station (store, station_name, LIAISON_STATION_KIND_STATION, "相山区");
  return store;
}

/**
 * liaison_test_add_deputy:
 *
 * Saves a deputy with just a name and a level.
 *
 * Returns: the new deputy's id, which is positive
 */
gint64
liaison_test_add_deputy (LiaisonStore       *store,
                         const char         *name,
                         LiaisonDeputyLevel  level)
{
  g_autoptr(LiaisonDeputy) deputy = liaison_deputy_new ();
  g_autoptr(GError) error = NULL;

  deputy->name = g_strdup (name);
  deputy->level = level;
  g_assert_true (liaison_store_save_deputy (store, deputy, &error));
  g_assert_no_error (error);
  g_assert_cmpint (deputy->meta.id, >, 0);
  return deputy->meta.id;
}

/**
 * liaison_test_deputy_uuid:
 * @name: a deputy in @store
 *
 * Returns: (transfer full): the deputy's uuid
 */
char *
liaison_test_deputy_uuid (LiaisonStore *store,
                          const char   *name)
{
  gint64 id = liaison_store_find_deputy (store, name);
  g_autoptr(LiaisonDeputy) deputy = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (id, >, 0);
  deputy = liaison_store_get_deputy (store, id, &error);
  g_assert_no_error (error);
  return g_strdup (deputy->meta.uuid);
}

/**
 * liaison_test_local_station_uuid:
 *
 * Returns: (transfer full): the uuid of @store's own station, which is set up
 */
char *
liaison_test_local_station_uuid (LiaisonStore *store)
{
  g_autoptr(LiaisonStation) station = liaison_store_get_local_station (store);

  g_assert_nonnull (station);
  return g_strdup (station->meta.uuid);
}

/**
 * liaison_test_add_unit:
 * @uuid: the unit's uuid
 * @name: its name
 * @kind: its kind's code ("department", "government"...)
 *
 * Adds a handling unit, headquarters' reference data, as a pull would
 * leave it (synced, not to be pushed).
 */
void
liaison_test_add_unit (LiaisonStore *store,
                       const char   *uuid,
                       const char   *name,
                       const char   *kind)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = g_strdup_printf ("INSERT INTO units (uuid, updated_at, sync_state, name, kind) VALUES"
                                          " ('%s', '2025-01-01T00:00:00Z', 0, '%s', '%s')",
                                          uuid, name, kind);

  g_assert_true (liaison_store_exec (store, sql, &error));
  g_assert_no_error (error);
}

/**
 * liaison_test_enroll_as_hq:
 *
 * Adopts a headquarters enrollment, as if headquarters had answered one:
 * @store becomes a headquarters replica; its station, if any, stays.
 */
void
liaison_test_enroll_as_hq (LiaisonStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = json_from_string ("{\"token\": \"0123456789abcdef0123456789abcdef\", \"role\": \"hq\","
                                               " \"server_id\": \"11111111-1111-4111-8111-111111111111\","
                                               " \"station\": null}", &error);

  g_assert_no_error (error);
  g_assert_true (liaison_store_adopt_enrollment (store, "http://127.0.0.1:8600", json_node_get_object (node), &error));
  g_assert_no_error (error);
  g_assert_cmpint (liaison_store_get_sync_role (store), ==, LIAISON_SYNC_ROLE_HQ);
}

/**
 * liaison_test_event_new:
 * @actor: (nullable): who makes the move
 * @at: (transfer full) (nullable): when
 *
 * Returns: (transfer full): a move with who made it and when, and nothing
 *   else filled in yet
 */
LiaisonLoopEvent *
liaison_test_event_new (LiaisonLoopMove  move,
                        LiaisonLoopRole  role,
                        const char      *actor,
                        GDateTime       *at)
{
  LiaisonLoopEvent *event = liaison_loop_event_new (move, role);

  event->actor_name = g_strdup (actor);
  event->at = at;
  return event;
}

/**
 * liaison_test_act_as_deputy:
 * @deputy_uuid: (nullable): the deputy; NULL for a deputy the test does
 *   not name (a blind rating)
 *
 * Enters the deputy's PIN at this desk as Switch User would, through the
 * store's own check: LIAISON_TEST_PIN, set first if the deputy has none.
 */
void
liaison_test_act_as_deputy (LiaisonStore *store,
                            const char   *deputy_uuid)
{
  g_autoptr(GError) error = NULL;
  const char *uuid = deputy_uuid != NULL ? deputy_uuid : "d0000000-0000-4000-8000-0000000000ff";

  if (liaison_store_deputy_is_verified (store, uuid))
    return;
  if (!liaison_store_deputy_has_pin (store, uuid))
    g_assert_true (liaison_store_set_deputy_pin (store, uuid, LIAISON_TEST_PIN, &error));
  else
    g_assert_true (liaison_store_verify_deputy_pin (store, uuid, LIAISON_TEST_PIN, NULL, &error));
  g_assert_no_error (error);
}

/**
 * liaison_test_act_as_deputy_id:
 *
 * liaison_test_act_as_deputy() for the deputy @deputy_id of @store.
 */
void
liaison_test_act_as_deputy_id (LiaisonStore *store,
                               gint64        deputy_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonDeputy) deputy = liaison_store_get_deputy (store, deputy_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (deputy);
  liaison_test_act_as_deputy (store, deputy->meta.uuid);
}

/**
 * liaison_test_try_record_event:
 * @suggestion_id: the suggestion's id in @store
 * @event: (transfer none): the move
 *
 * Records @event as this replica would have it: its own side's moves as
 * made at its desk (to be pushed), the other side's as pulled from the
 * server.
 *
 * Returns: whether the store took it
 */
gboolean
liaison_test_try_record_event (LiaisonStore      *store,
                               gint64             suggestion_id,
                               LiaisonLoopEvent  *event,
                               GError           **error)
{
  gboolean at_hq = liaison_store_get_sync_role (store) == LIAISON_SYNC_ROLE_HQ;

  if (at_hq == (event->role == LIAISON_LOOP_ROLE_HQ))
    {
      /* A deputy's move at a desk is made after the deputy's PIN; one
       * that names no deputy (a blind rating, a withdrawal), by the
       * deputy who filed the suggestion. */
      if (event->role == LIAISON_LOOP_ROLE_DEPUTY && event->deputy_uuid == NULL)
        {
          g_autoptr(LiaisonSuggestion) suggestion = liaison_test_get_suggestion (store, suggestion_id);

          if (suggestion->deputy_id != 0)
            liaison_test_act_as_deputy_id (store, suggestion->deputy_id);
        }
      else if (event->role == LIAISON_LOOP_ROLE_DEPUTY)
        liaison_test_act_as_deputy (store, event->deputy_uuid);
      return liaison_store_add_suggestion_event (store, suggestion_id, event, error);
    }
  return liaison_store_add_received_event (store, suggestion_id, event, error);
}

/**
 * liaison_test_record_event:
 *
 * Like liaison_test_try_record_event(); asserts that the store took the
 * move and gave it its uuids.
 */
void
liaison_test_record_event (LiaisonStore     *store,
                           gint64            suggestion_id,
                           LiaisonLoopEvent *event)
{
  g_autoptr(GError) error = NULL;
  gboolean added = liaison_test_try_record_event (store, suggestion_id, event, &error);

  g_assert_no_error (error);
  g_assert_true (added);
  g_assert_true (g_uuid_string_is_valid (event->uuid));
  g_assert_nonnull (event->suggestion_uuid);
}

/**
 * liaison_test_add_event:
 * @event: (transfer full): the move
 *
 * Like liaison_test_record_event(), and frees @event.
 */
void
liaison_test_add_event (LiaisonStore     *store,
                        gint64            suggestion_id,
                        LiaisonLoopEvent *event)
{
  g_autoptr(LiaisonLoopEvent) owned = event;

  liaison_test_record_event (store, suggestion_id, owned);
}

/**
 * liaison_test_get_suggestion:
 *
 * Returns: (transfer full): the suggestion @id, which is there
 */
LiaisonSuggestion *
liaison_test_get_suggestion (LiaisonStore *store,
                             gint64        id)
{
  g_autoptr(GError) error = NULL;
  LiaisonSuggestion *suggestion = liaison_store_get_suggestion (store, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (suggestion);
  return suggestion;
}

/**
 * liaison_test_query_int:
 *
 * Returns: the integer @sql selects, which ran without error
 */
gint64
liaison_test_query_int (LiaisonStore *store,
                        const char   *sql)
{
  g_autoptr(GError) error = NULL;
  gint64 n = liaison_store_query_int (store, sql, &error);

  g_assert_no_error (error);
  return n;
}

/**
 * liaison_test_query_text:
 *
 * Returns: (transfer full): the first column of @sql's first row as text,
 *   or NULL for no row or a NULL
 */
char *
liaison_test_query_text (LiaisonStore *store,
                         const char   *sql)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = liaison_store_prepare (store, sql, &error);
  char *text = NULL;

  g_assert_no_error (error);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return text;
}

/**
 * liaison_test_count_rows:
 *
 * Returns: how many rows @table holds, tombstones included
 */
gint64
liaison_test_count_rows (LiaisonStore *store,
                         const char   *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);

  return liaison_test_query_int (store, sql);
}

/**
 * liaison_test_count_receptions:
 *
 * Returns: the row counts of receptions, their visitors, their deputies
 *   and their suggestions
 */
LiaisonTestCounts
liaison_test_count_receptions (LiaisonStore *store)
{
  LiaisonTestCounts counts = {
    liaison_test_count_rows (store, "receptions"),
    liaison_test_count_rows (store, "reception_visitors"),
    liaison_test_count_rows (store, "reception_deputies"),
    liaison_test_count_rows (store, "suggestions"),
  };
  return counts;
}

/**
 * liaison_test_assert_counts:
 *
 * Asserts that each of the four counts is the one expected.
 */
void
liaison_test_assert_counts (LiaisonTestCounts actual,
                            LiaisonTestCounts expected)
{
  g_assert_cmpint (actual.receptions, ==, expected.receptions);
  g_assert_cmpint (actual.visitors, ==, expected.visitors);
  g_assert_cmpint (actual.deputies, ==, expected.deputies);
  g_assert_cmpint (actual.suggestions, ==, expected.suggestions);
}

static void
die_with_parent (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

GSubprocessLauncher *
liaison_test_launcher_new (GSubprocessFlags flags)
{
  GSubprocessLauncher *launcher = g_subprocess_launcher_new (flags);

  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  return launcher;
}

LiaisonVisitor *
liaison_test_make_visitor (const char *name,
                           const char *phone,
                           const char *community)
{
  LiaisonVisitor *visitor = liaison_visitor_new ();

  visitor->name = g_strdup (name);
  visitor->phone = g_strdup (phone);
  visitor->community = g_strdup (community);
  visitor->party_size = 1;
  visitor->consent = phone != NULL && *phone;
  return visitor;
}

/**
 * liaison_test_add_receptions:
 * @store: a store holding the roster's deputy 张伟
 * @n: how many
 * @prefix: begins each summary, then the reception's number
 *
 * Adds @n walk-in receptions with 张伟, in one transaction.
 *
 * Returns: the id of the last one
 */
gint64
liaison_test_add_receptions (LiaisonStore *store,
                             guint         n,
                             const char   *prefix)
{
  gint64 deputy_id = liaison_store_find_deputy (store, "张伟");
  gint64 category_id = liaison_store_find_category (store, "urban_construction");
  g_autoptr(GError) error = NULL;
  gint64 last_id = 0;

  g_assert_cmpint (deputy_id, >, 0);
  g_assert_cmpint (category_id, >, 0);
  g_assert_true (liaison_store_begin (store, &error));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LiaisonReception) reception = liaison_reception_new ();

      reception->received_at = g_strdup_printf ("2024-03-%02u %02u:%02u", 1 + i % 28, 8 + i % 10, i % 60);
      reception->channel = LIAISON_CHANNEL_WALK_IN;
      reception->category_id = category_id;
      reception->summary = g_strdup_printf ("%s %u：小区路灯不亮", prefix, i);
      g_array_append_val (reception->deputy_ids, deputy_id);
      g_ptr_array_add (reception->visitors, liaison_test_make_visitor ("赵敏", "13912345678", "翠竹园社区"));
      g_assert_true (liaison_store_save_reception (store, reception, &error));
      g_assert_no_error (error);
      last_id = reception->meta.id;
    }
  g_assert_true (liaison_store_commit (store, &error));
  g_assert_no_error (error);
  return last_id;
}

/**
 * liaison_test_suggestion_id:
 *
 * Returns: the id of the live suggestion @uuid in @store; 0 if it is not there
 */
gint64
liaison_test_suggestion_id (LiaisonStore *store,
                            const char   *uuid)
{
  g_autofree char *sql = NULL;

  g_assert_true (g_uuid_string_is_valid (uuid));
  sql = g_strdup_printf ("SELECT coalesce (max (id), 0) FROM suggestions WHERE uuid = '%s' AND deleted = 0", uuid);
  return liaison_test_query_int (store, sql);
}

/**
 * liaison_test_unit_uuid:
 *
 * Returns: (transfer full): the uuid of the handling unit @name, which is there
 */
char *
liaison_test_unit_uuid (LiaisonStore *store,
                        const char   *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) units = liaison_store_list_units (store, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < units->len; i++)
    {
      const LiaisonUnit *unit = g_ptr_array_index (units, i);

      if (g_strcmp0 (unit->name, name) == 0)
        return g_strdup (unit->meta.uuid);
    }
  g_error ("no unit %s", name);
}

/**
 * liaison_test_undo_station_address_schema:
 *
 * Takes a store of schema 20 back to schema 19: the stations' addresses
 * go, and schema 20 runs again on reopening.
 */
void
liaison_test_undo_station_address_schema (LiaisonStore *store)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (liaison_store_exec (store, "ALTER TABLE stations DROP COLUMN address; PRAGMA user_version = 19;",
                                     &error));
  g_assert_no_error (error);
}

/**
 * liaison_test_undo_place_schema:
 *
 * Takes a store of schema 20 back to schema 18: the stations' addresses
 * (liaison_test_undo_station_address_schema()) and the receptions' place
 * and occasion (the mobile desk) go, the receptions' index is made again
 * as schemas 7 to 18 had it, and schemas 19 and 20 run again on reopening.
 */
void
liaison_test_undo_place_schema (LiaisonStore *store)
{
  g_autoptr(GError) error = NULL;

  liaison_test_undo_station_address_schema (store);
  g_assert_true (liaison_store_exec (store,
    "DROP TRIGGER receptions_search_insert; DROP TRIGGER receptions_search_delete;"
    " DROP TRIGGER receptions_search_update; DROP TRIGGER categories_search_rename;"
    " DROP TABLE reception_search; DROP VIEW reception_search_text; DROP INDEX receptions_mobile_desk;"
    " ALTER TABLE receptions DROP COLUMN place; ALTER TABLE receptions DROP COLUMN occasion;", &error));
  g_assert_no_error (error);
  g_assert_true (liaison_store_exec (store, liaison_store_search_index_7, &error));
  g_assert_no_error (error);
  g_assert_true (liaison_store_exec (store, "PRAGMA user_version = 18;", &error));
  g_assert_no_error (error);
}

/**
 * liaison_test_undo_deputy_pins_schema:
 *
 * Takes a store of schema 20 back to schema 16: the stations' addresses,
 * the place and occasion (liaison_test_undo_place_schema()) and the
 * deputies' PIN records go, and schemas 17 to 20 run again on reopening (18's Online inbox makes
 * its tables only if they are not there).
 */
void
liaison_test_undo_deputy_pins_schema (LiaisonStore *store)
{
  g_autoptr(GError) error = NULL;

  liaison_test_undo_place_schema (store);
  g_assert_true (liaison_store_exec (store, "DROP TABLE deputy_pins; PRAGMA user_version = 16;", &error));
  g_assert_no_error (error);
}

/**
 * liaison_test_undo_access_log_schema:
 *
 * Takes a store of schema 19 back to schema 14: the deputies' PIN records
 * (liaison_test_undo_deputy_pins_schema()) and the access log go (the
 * purges stay: schema 16 makes them if not there), and schemas 15 to 19
 * run again on reopening.
 */
void
liaison_test_undo_access_log_schema (LiaisonStore *store)
{
  g_autoptr(GError) error = NULL;

  liaison_test_undo_deputy_pins_schema (store);
  g_assert_true (liaison_store_exec (store, "DROP TABLE access_log; PRAGMA user_version = 14;", &error));
  g_assert_no_error (error);
}

/**
 * liaison_test_undo_dashboard_schema:
 *
 * Takes a store of schema 19 back to schema 13: the access log
 * (liaison_test_undo_access_log_schema()), the receptions' visitors
 * total, its triggers and the dashboard's covering indexes go, and
 * schemas 14 and 15 run again on reopening.
 */
void
liaison_test_undo_dashboard_schema (LiaisonStore *store)
{
  g_autoptr(GError) error = NULL;

  liaison_test_undo_access_log_schema (store);
  g_assert_true (liaison_store_exec (store,
    "DROP TRIGGER reception_visitors_total_insert; DROP TRIGGER reception_visitors_total_delete;"
    " DROP TRIGGER reception_visitors_total_update; DROP INDEX suggestions_for_dashboard;"
    " DROP INDEX receptions_for_dashboard; DROP INDEX receptions_channel;"
    " ALTER TABLE receptions DROP COLUMN visitors_total; PRAGMA user_version = 13;", &error));
  g_assert_no_error (error);
}

/**
 * liaison_test_undo_points_rules_schema:
 *
 * Takes a store of schema 14 back to schema 9: schema 14
 * (liaison_test_undo_dashboard_schema()), the files on receptions (schema
 * 13), the published reports (schema 12), the closed quarters (schema 11),
 * the points rule sets and the suggestions' motion flag go, and schemas 10
 * to 14 run again on reopening.
 */
void
liaison_test_undo_points_rules_schema (LiaisonStore *store)
{
  g_autoptr(GError) error = NULL;

  liaison_test_undo_dashboard_schema (store);
  g_assert_true (liaison_store_exec (store,
    "DROP TABLE reception_files; DROP TABLE published_report_parts; DROP TABLE published_reports;", &error));
  g_assert_no_error (error);
  g_assert_true (liaison_store_exec (store,
    "DROP TABLE quarter_closes; DROP TABLE points_rules; ALTER TABLE suggestions DROP COLUMN motion;"
    " PRAGMA user_version = 9;", &error));
  g_assert_no_error (error);
}

/**
 * liaison_test_undo_duty_schema:
 *
 * Takes a store of schema 13 back to schema 8: schemas 10 to 13
 * (liaison_test_undo_points_rules_schema()), the duty record's tables
 * and the take-ups' index go, and schemas 9 to 13 run again on reopening.
 */
void
liaison_test_undo_duty_schema (LiaisonStore *store)
{
  g_autoptr(GError) error = NULL;

  liaison_test_undo_points_rules_schema (store);
  g_assert_true (liaison_store_exec (store,
    "DROP TABLE activity_attendees; DROP TABLE activities; DROP TABLE duty_shifts;"
    " DROP INDEX suggestion_events_take_ups; PRAGMA user_version = 8;", &error));
  g_assert_no_error (error);
}

/**
 * liaison_test_undo_search_schema:
 *
 * Takes a store of schema 9 back to schema 6: schema 9's duty record
 * (liaison_test_undo_duty_schema()), schema 8's set-aside
 * records (pull_quarantine) go and so do schema 7's search indexes, for
 * tests that fake an older file to check an earlier migration: schemas 7
 * to 9 then run again on reopening.
 */
void
liaison_test_undo_search_schema (LiaisonStore *store)
{
  g_autoptr(GError) error = NULL;
  static const char *const triggers[] = {
    "reception_visitors_search_insert", "reception_visitors_search_delete", "reception_visitors_search_update",
    "reception_deputies_search_insert", "reception_deputies_search_delete", "reception_deputies_search_update",
    "receptions_search_insert", "receptions_search_delete", "receptions_search_update",
    "suggestions_search_insert", "suggestions_search_delete", "suggestions_search_update",
    "deputies_search_rename", "categories_search_rename",
  };

  liaison_test_undo_duty_schema (store);
  for (guint i = 0; i < G_N_ELEMENTS (triggers); i++)
    {
      g_autofree char *sql = g_strdup_printf ("DROP TRIGGER %s", triggers[i]);

      g_assert_true (liaison_store_exec (store, sql, &error));
      g_assert_no_error (error);
    }
  g_assert_true (liaison_store_exec (store,
    "DROP TABLE pull_quarantine;"
    " DROP TABLE reception_search; DROP VIEW reception_search_text;"
    " DROP TABLE suggestion_search; DROP VIEW suggestion_search_text;"
    " ALTER TABLE receptions DROP COLUMN search_visitors;"
    " ALTER TABLE receptions DROP COLUMN search_phones;"
    " ALTER TABLE receptions DROP COLUMN search_deputies;"
    " ALTER TABLE receptions DROP COLUMN search_held;"
    " CREATE VIRTUAL TABLE reception_search USING fts5 (summary, handling, visitors_text,"
    "   content = 'receptions', content_rowid = 'id', tokenize = 'trigram');"
    " CREATE VIRTUAL TABLE suggestion_search USING fts5 (title, content, raised_by,"
    "   content = 'suggestions', content_rowid = 'id', tokenize = 'trigram');"
    " CREATE TRIGGER receptions_search_insert AFTER INSERT ON receptions BEGIN SELECT 1; END;"
    " CREATE TRIGGER receptions_search_delete AFTER DELETE ON receptions BEGIN SELECT 1; END;"
    " CREATE TRIGGER receptions_search_update AFTER UPDATE ON receptions BEGIN SELECT 1; END;"
    " CREATE TRIGGER suggestions_search_insert AFTER INSERT ON suggestions BEGIN SELECT 1; END;"
    " CREATE TRIGGER suggestions_search_delete AFTER DELETE ON suggestions BEGIN SELECT 1; END;"
    " CREATE TRIGGER suggestions_search_update AFTER UPDATE ON suggestions BEGIN SELECT 1; END;",
    &error));
  g_assert_no_error (error);
}

int
liaison_test_compare_strings (gconstpointer a,
                              gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

char *
liaison_test_list_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, liaison_test_compare_strings);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}
