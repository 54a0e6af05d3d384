/* test-deputy-pin.c: acting in a deputy's name takes the deputy's PIN
 * (app/pin, app/store/liaison-store-deputy-pin.c, docs/privacy.md). */
#include "config.h"

#include <glib.h>
#include <string.h>

#include "liaison-pin.h"
#include "liaison-store-deputy-pin.h"
#include "liaison-store-desk.h"
#include "liaison-store-loop.h"
#include "liaison-store-private.h"
#include "liaison-test-util.h"

typedef struct {
  char         *dir;
  char         *path;
  LiaisonStore *store;
  char         *deputy_uuids[2];
  gint64        deputy_ids[2];
} Fixture;

static char *
deputy_uuid (LiaisonStore *store,
             gint64        id)
{
  g_autoptr(LiaisonDeputy) deputy = liaison_store_get_deputy (store, id, NULL);

  g_assert_nonnull (deputy);
  return g_strdup (deputy->meta.uuid);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = liaison_test_make_tmp_dir ("liaison-deputy-pin-XXXXXX");
  fixture->path = g_build_filename (fixture->dir, "station.db", NULL);
  fixture->store = liaison_test_open_store_with_station (fixture->path, "相山区东山街道代表联络站");
  fixture->deputy_ids[0] = liaison_test_add_deputy (fixture->store, "张伟", LIAISON_DEPUTY_LEVEL_CITY);
  fixture->deputy_ids[1] = liaison_test_add_deputy (fixture->store, "李秀兰", LIAISON_DEPUTY_LEVEL_CITY);
  for (guint i = 0; i < 2; i++)
    fixture->deputy_uuids[i] = deputy_uuid (fixture->store, fixture->deputy_ids[i]);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  liaison_test_clear_store_dir (&fixture->store, &fixture->dir);
  for (guint i = 0; i < 2; i++)
    g_free (fixture->deputy_uuids[i]);
  g_free (fixture->path);
}

static GDateTime *
utc (const char *text)
{
  GDateTime *at = g_date_time_new_from_iso8601 (text, NULL);

  g_assert_nonnull (at);
  return at;
}

/* The hash is salted, is not the PIN, and verifies the PIN only. */
static void
test_hash (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *first = liaison_pin_hash ("135790", &error);
  g_autofree char *second = liaison_pin_hash ("135790", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (first, !=, second);
  g_assert_null (strstr (first, "135790"));
  g_assert_true (g_str_has_prefix (first, "pbkdf2-sha256$600000$"));
  g_assert_true (liaison_pin_verify ("135790", first));
  g_assert_true (liaison_pin_verify ("135790", second));
  g_assert_false (liaison_pin_verify ("135791", first));
  g_assert_false (liaison_pin_verify ("", first));
  g_assert_false (liaison_pin_verify ("135790", "135790"));
  g_assert_false (liaison_pin_verify ("135790", "pbkdf2-sha256$0$AAAA$AAAA"));

  g_assert_true (liaison_pin_check_form ("123456", NULL));
  g_assert_false (liaison_pin_check_form ("12345", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (liaison_pin_check_form ("12345a", &error));
  g_assert_nonnull (error);
}

/* Set once, kept as the hash in the file, checked right and wrong. */
static void
test_set_and_verify (Fixture       *fixture,
                     gconstpointer  data)
{
  const char *uuid = fixture->deputy_uuids[0];
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT hash FROM deputy_pins WHERE deputy_uuid = '%s'", uuid);
  g_autofree char *hash = NULL;

  g_assert_false (liaison_store_deputy_has_pin (fixture->store, uuid));
  g_assert_false (liaison_store_set_deputy_pin (fixture->store, uuid, "1234", &error));
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (liaison_store_deputy_has_pin (fixture->store, uuid));

  g_assert_true (liaison_store_set_deputy_pin (fixture->store, uuid, "135790", &error));
  g_assert_no_error (error);
  g_assert_true (liaison_store_deputy_is_verified (fixture->store, uuid));
  hash = liaison_test_query_text (fixture->store, sql);
  g_assert_nonnull (hash);
  g_assert_null (strstr (hash, "135790"));
  /* Only once: a second PIN is headquarters' reset's to allow. */
  g_assert_false (liaison_store_set_deputy_pin (fixture->store, uuid, "999999", &error));
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Somebody else sits down: not verified any more. */
  g_assert_true (liaison_store_set_desk_actor (fixture->store, "station", "陈静", NULL, &error));
  g_assert_no_error (error);
  g_assert_false (liaison_store_deputy_is_verified (fixture->store, uuid));

  g_assert_false (liaison_store_verify_deputy_pin (fixture->store, uuid, "135791", NULL, &error));
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (liaison_store_deputy_is_verified (fixture->store, uuid));
  g_assert_true (liaison_store_verify_deputy_pin (fixture->store, uuid, "135790", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (liaison_store_deputy_is_verified (fixture->store, uuid));
  g_assert_false (liaison_store_deputy_is_verified (fixture->store, fixture->deputy_uuids[1]));
}

/* Five wrong tries lock the deputy out for 15 minutes, across a restart;
 * the other deputy is not locked. */
static void
test_lock_out (Fixture       *fixture,
               gconstpointer  data)
{
  const char *uuid = fixture->deputy_uuids[0];
  g_autoptr(GDateTime) now = utc ("2026-12-05T06:00:00Z");
  g_autoptr(GDateTime) later = utc ("2026-12-05T06:14:59Z");
  g_autoptr(GDateTime) after = utc ("2026-12-05T06:15:00Z");
  g_autoptr(GDateTime) until = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (liaison_store_set_deputy_pin (fixture->store, uuid, "135790", &error));
  g_assert_true (liaison_store_set_deputy_pin (fixture->store, fixture->deputy_uuids[1], "135790", &error));
  g_assert_no_error (error);
  for (guint i = 0; i < 4; i++)
    {
      g_assert_false (liaison_store_verify_deputy_pin (fixture->store, uuid, "000000", now, &error));
      g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID);
      g_clear_error (&error);
      g_assert_null (liaison_store_deputy_pin_locked_until (fixture->store, uuid, now));
    }
  g_assert_false (liaison_store_verify_deputy_pin (fixture->store, uuid, "000000", now, &error));
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* A restart does not forget it. */
  g_clear_object (&fixture->store);
  fixture->store = liaison_store_open (fixture->path, &error);
  g_assert_no_error (error);

  until = liaison_store_deputy_pin_locked_until (fixture->store, uuid, now);
  g_assert_nonnull (until);
  g_assert_cmpint (g_date_time_difference (until, now), ==, 15 * G_TIME_SPAN_MINUTE);
  /* The right PIN is refused too while locked, saying until when. */
  g_assert_false (liaison_store_verify_deputy_pin (fixture->store, uuid, "135790", later, &error));
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID);
  {
    g_autoptr(GDateTime) local = g_date_time_to_local (until);
    g_autofree char *when = g_date_time_format (local, "%H:%M");

    g_assert_nonnull (strstr (error->message, when));
  }
  g_clear_error (&error);
  g_assert_false (liaison_store_deputy_is_verified (fixture->store, uuid));
  /* Not the other deputy. */
  g_assert_true (liaison_store_verify_deputy_pin (fixture->store, fixture->deputy_uuids[1], "135790", later, &error));
  g_assert_no_error (error);
  /* Fifteen minutes on, the right PIN opens. */
  g_assert_true (liaison_store_verify_deputy_pin (fixture->store, uuid, "135790", after, &error));
  g_assert_no_error (error);
  g_assert_true (liaison_store_deputy_is_verified (fixture->store, uuid));
  g_assert_null (liaison_store_deputy_pin_locked_until (fixture->store, uuid, after));
}

static gint64
add_suggestion (Fixture         *fixture,
                LiaisonLoopKind  kind)
{
  g_autoptr(LiaisonSuggestion) suggestion = liaison_suggestion_new ();
  g_autoptr(GError) error = NULL;

  suggestion->kind = kind;
  suggestion->category_id = liaison_store_find_category (fixture->store, "urban_construction");
  suggestion->title = g_strdup ("小区路灯不亮");
  suggestion->content = g_strdup ("建议内容");
  if (kind == LIAISON_LOOP_KIND_DEPUTY_SUGGESTION)
    suggestion->deputy_id = fixture->deputy_ids[0];
  else
    suggestion->raised_by = g_strdup ("刘大爷");
  g_assert_true (liaison_store_save_suggestion (fixture->store, suggestion, &error));
  g_assert_no_error (error);
  return suggestion->meta.id;
}

static LiaisonLoopEvent *
take_up (const char *uuid)
{
  LiaisonLoopEvent *event = liaison_loop_event_new (LIAISON_LOOP_MOVE_TAKE_UP, LIAISON_LOOP_ROLE_DEPUTY);

  event->actor_name = g_strdup ("张伟");
  event->deputy_uuid = g_strdup (uuid);
  return event;
}

static gint64
count_events (Fixture *fixture)
{
  return liaison_test_count_rows (fixture->store, "suggestion_events");
}

/* Taking up without the PIN is refused, with it taken; another deputy's
 * PIN does not do for this one. */
static void
test_take_up (Fixture       *fixture,
              gconstpointer  data)
{
  gint64 id = add_suggestion (fixture, LIAISON_LOOP_KIND_PUBLIC_OPINION);
  g_autoptr(LiaisonLoopEvent) refused = take_up (fixture->deputy_uuids[0]);
  g_autoptr(LiaisonLoopEvent) other = take_up (fixture->deputy_uuids[0]);
  g_autoptr(LiaisonLoopEvent) taken = take_up (fixture->deputy_uuids[0]);
  g_autoptr(GError) error = NULL;

  g_assert_true (liaison_store_set_desk_actor (fixture->store, "deputy", "张伟", fixture->deputy_uuids[0], &error));
  g_assert_false (liaison_store_add_suggestion_event (fixture->store, id, refused, &error));
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "PIN"));
  g_clear_error (&error);
  g_assert_cmpint (count_events (fixture), ==, 0);

  g_assert_true (liaison_store_set_deputy_pin (fixture->store, fixture->deputy_uuids[1], "135790", &error));
  g_assert_false (liaison_store_add_suggestion_event (fixture->store, id, other, &error));
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (count_events (fixture), ==, 0);

  g_assert_true (liaison_store_set_deputy_pin (fixture->store, fixture->deputy_uuids[0], "135790", &error));
  g_assert_true (liaison_store_add_suggestion_event (fixture->store, id, taken, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_events (fixture), ==, 1);
}

/* A deputy rates their suggestion's reply blind only after their PIN, and
 * no other deputy's PIN will do; the reply, a pulled move, needs no PIN
 * here. */
static void
test_blind_rating (Fixture       *fixture,
                   gconstpointer  data)
{
  gint64 id = add_suggestion (fixture, LIAISON_LOOP_KIND_DEPUTY_SUGGESTION);
  g_autoptr(LiaisonLoopEvent) refer = liaison_loop_event_new (LIAISON_LOOP_MOVE_REFER, LIAISON_LOOP_ROLE_HQ);
  g_autoptr(LiaisonLoopEvent) reply = liaison_loop_event_new (LIAISON_LOOP_MOVE_REPLY, LIAISON_LOOP_ROLE_HQ);
  g_autoptr(LiaisonLoopEvent) blind = liaison_loop_event_new (LIAISON_LOOP_MOVE_RATE, LIAISON_LOOP_ROLE_DEPUTY);
  g_autoptr(GError) error = NULL;
  GDate today;

  g_assert_true (liaison_store_exec (fixture->store,
                                     "INSERT INTO units (uuid, updated_at, sync_state, name, kind) VALUES"
                                     " ('a0000000-0000-4000-8000-000000000001', '2025-01-01T00:00:00Z', 0,"
                                     " '市住房和城乡建设局', 'department')", &error));
  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));
  refer->actor_name = g_strdup ("代表工委");
  refer->lead_unit_uuid = g_strdup ("a0000000-0000-4000-8000-000000000001");
  refer->due_date = today;
  g_date_add_days (&refer->due_date, 30);
  g_assert_true (liaison_store_add_received_event (fixture->store, id, refer, &error));
  g_assert_no_error (error);
  reply->actor_name = g_strdup ("代表工委");
  reply->reply_text = g_strdup ("已更换路灯");
  reply->reply_date = today;
  reply->replying_unit_uuid = g_strdup ("a0000000-0000-4000-8000-000000000001");
  g_assert_true (liaison_store_add_received_event (fixture->store, id, reply, &error));
  g_assert_no_error (error);

  blind->rating = LIAISON_LOOP_RATING_SATISFIED;
  blind->asked = LIAISON_LOOP_ASKED_IN_PERSON;
  g_assert_false (liaison_store_add_suggestion_event (fixture->store, id, blind, &error));
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (count_events (fixture), ==, 2);

  /* Another deputy's PIN is not the filer's: a blind rating names no
   * deputy, so the store asks whose PIN it was. */
  g_assert_true (liaison_store_set_deputy_pin (fixture->store, fixture->deputy_uuids[1], "135790", &error));
  g_assert_true (liaison_store_deputy_is_verified (fixture->store, fixture->deputy_uuids[1]));
  g_assert_false (liaison_store_add_suggestion_event (fixture->store, id, blind, &error));
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "Only the deputy who filed this suggestion can rate its reply blind, after entering their own PIN.");
  g_clear_error (&error);
  g_assert_cmpint (count_events (fixture), ==, 2);

  g_assert_true (liaison_store_set_deputy_pin (fixture->store, fixture->deputy_uuids[0], "135790", &error));
  g_assert_true (liaison_store_add_suggestion_event (fixture->store, id, blind, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_events (fixture), ==, 3);
}

/* A deputy's move pulled from another desk is history: it applies with no
 * PIN entered here. */
static void
test_pulled (Fixture       *fixture,
             gconstpointer  data)
{
  gint64 id = add_suggestion (fixture, LIAISON_LOOP_KIND_PUBLIC_OPINION);
  g_autoptr(LiaisonLoopEvent) pulled = take_up (fixture->deputy_uuids[0]);
  g_autoptr(GError) error = NULL;

  g_assert_null (liaison_store_get_verified_deputy (fixture->store));
  g_assert_true (liaison_store_add_received_event (fixture->store, id, pulled, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_events (fixture), ==, 1);
}

/* A file of schema 15 kept the hash in its settings: schema 16 moves it
 * into the deputy's PIN record, where it still verifies, and keeps the
 * wrong tries where they were. */
static void
test_migration (Fixture       *fixture,
                gconstpointer  data)
{
  const char *uuid = fixture->deputy_uuids[0];
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = liaison_pin_hash ("135790", &error);
  g_autofree char *key = g_strconcat ("pin-hash-", uuid, NULL);
  g_autofree char *tries_key = g_strconcat ("pin-tries-", uuid, NULL);
  g_autofree char *tries = NULL;
  g_autofree char *record_uuid = NULL;
  g_autofree char *expected_uuid = g_strdup (uuid);

  liaison_test_undo_deputy_pins_schema (fixture->store);
  g_assert_true (liaison_store_set_setting (fixture->store, key, hash, &error));
  g_assert_true (liaison_store_set_setting (fixture->store, tries_key, "2", &error));
  g_assert_no_error (error);
  g_clear_object (&fixture->store);
  fixture->store = liaison_test_open_store (fixture->path);
  g_assert_cmpint (liaison_store_get_schema_version (fixture->store), ==, LIAISON_STORE_SCHEMA_VERSION);

  g_assert_null (liaison_store_get_setting (fixture->store, key));
  tries = liaison_store_get_setting (fixture->store, tries_key);
  g_assert_cmpstr (tries, ==, "2");
  record_uuid = liaison_test_query_text (fixture->store, "SELECT uuid FROM deputy_pins");
  expected_uuid[14] = '8';
  g_assert_cmpstr (record_uuid, ==, expected_uuid);
  /* A deputy added here, not headquarters': the PIN stays at this desk. */
  g_assert_cmpint (liaison_test_query_int (fixture->store, "SELECT sync_state FROM deputy_pins"), ==, 0);
  g_assert_true (liaison_store_deputy_has_pin (fixture->store, uuid));
  g_assert_true (liaison_store_verify_deputy_pin (fixture->store, uuid, "135790", NULL, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/deputy-pin/hash", test_hash);
  g_test_add ("/deputy-pin/set-and-verify", Fixture, NULL, fixture_set_up, test_set_and_verify, fixture_tear_down);
  g_test_add ("/deputy-pin/lock-out", Fixture, NULL, fixture_set_up, test_lock_out, fixture_tear_down);
  g_test_add ("/deputy-pin/take-up", Fixture, NULL, fixture_set_up, test_take_up, fixture_tear_down);
  g_test_add ("/deputy-pin/blind-rating", Fixture, NULL, fixture_set_up, test_blind_rating, fixture_tear_down);
  g_test_add ("/deputy-pin/pulled", Fixture, NULL, fixture_set_up, test_pulled, fixture_tear_down);
  g_test_add ("/deputy-pin/migration", Fixture, NULL, fixture_set_up, test_migration, fixture_tear_down);
  return g_test_run ();
}
