/* test-hq-online-track.c: following an online submission and rating its
 * reply (docs/online.md, "Following a matter", "The citizen's rating").
 *
 * The progress model on headquarters' real store (hq.db in a temporary
 * folder), stage by stage, with the records as the stations' and
 * headquarters' desks leave them; and the citizen's rating on a real
 * liaison-hq on loopback: written by the server, pulled by the station
 * and read with a desk's own wire check, never accepted from a push. */
#define G_LOG_DOMAIN "test-hq-online-track"

#include "config.h"

#include <string.h>

#include "liaison-hq-online-progress.h"
#include "liaison-hq-store.h"
#include "liaison-loop-wire.h"
#include "liaison-test-hq-enrolled.h"
#include "liaison-test-util.h"

#define STATION    "5a1e0000-0000-4000-8000-000000000001"
#define CATEGORY   "5a1e0000-0000-4000-8000-000000000002"
#define DEPUTY     "5a1e0000-0000-4000-8000-000000000003"
#define LEAD_UNIT  "5a1e0000-0000-4000-8000-000000000004"
#define CO_UNIT    "5a1e0000-0000-4000-8000-000000000005"
#define SUBMISSION "5a1e0000-0000-4000-8000-000000000006"
#define SUGGESTION "5a1e0000-0000-4000-8000-000000000008"
#define CITIZEN_NAME  "王小明"
#define CITIZEN_PHONE "13912345678"
#define REPLY_TEXT "已安排维修，路灯于3月20日恢复照明。"

typedef struct {
  char           *dir;
  LiaisonHqStore *store;
  GDateTime      *clock;  /* the next move's time */
} Fixture;

static void
save (LiaisonHqStore *store,
      const char     *kind,
      const char     *uuid,
      const char     *origin,
      JsonObject     *data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (liaison_hq_store_begin (store, &error));
  g_assert_true (liaison_hq_store_save_record (store, kind, uuid, origin, data, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (liaison_hq_store_commit (store, &error));
  g_assert_no_error (error);
}

static void
save_text (LiaisonHqStore *store,
           const char     *kind,
           const char     *uuid,
           const char     *origin,
           const char     *json)
{
  g_autoptr(JsonNode) node = json_from_string (json, NULL);

  g_assert_nonnull (node);
  save (store, kind, uuid, origin, json_node_get_object (node));
}

/* The roster and the units, the citizen's submission (with their name
 * and phone), as headquarters holds them. */
static void
seed (LiaisonHqStore *store)
{
  save_text (store, "station", STATION, NULL,
             "{\"name\": \"相山区东山联络站\", \"kind\": \"station\", \"district\": \"相山区\"}");
  save_text (store, "deputy", DEPUTY, NULL,
             "{\"name\": \"张建国\", \"level\": \"city\", \"group\": null, \"station\": \"" STATION "\"}");
  save_text (store, "unit", LEAD_UNIT, NULL, "{\"name\": \"区城市管理局\", \"kind\": \"department\"}");
  save_text (store, "unit", CO_UNIT, NULL, "{\"name\": \"东山街道办事处\", \"kind\": \"government\"}");
  save_text (store, LIAISON_KIND_ONLINE_SUBMISSION, SUBMISSION, NULL,
             "{\"station\": \"" STATION "\", \"category\": \"" CATEGORY "\", \"title\": \"路灯不亮\","
             " \"content\": \"东山路的路灯坏了一个月\", \"name\": \"" CITIZEN_NAME "\","
             " \"phone\": \"" CITIZEN_PHONE "\", \"community\": \"东山社区\", \"consent\": true,"
             " \"submitted_at\": \"2025-03-04T02:00:00Z\"}");
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = liaison_test_make_tmp_dir ("liaison-online-track-XXXXXX");
  fixture->store = liaison_hq_store_create (fixture->dir, &error);
  g_assert_no_error (error);
  seed (fixture->store);
  fixture->clock = g_date_time_new_utc (2025, 3, 5, 1, 0, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  liaison_hq_store_close (fixture->store);
  g_clear_object (&fixture->store);
  g_clear_pointer (&fixture->clock, g_date_time_unref);
  liaison_test_remove_tree (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
}

static void
decide (Fixture    *fixture,
        const char *decision,
        const char *reason)
{
  g_autofree char *uuid = liaison_online_decision_uuid (SUBMISSION);
  g_autofree char *json = g_strdup_printf (
    "{\"submission\": \"" SUBMISSION "\", \"station\": \"" STATION "\", \"decision\": \"%s\","
    " \"reason\": %s, \"note\": null, \"reception\": null, \"suggestion\": %s,"
    " \"decided_at\": \"2025-03-05T00:30:00Z\", \"decided_by\": \"联络站 刘芳\"}",
    decision, reason != NULL ? reason : "null",
    g_str_equal (decision, "accepted") ? "\"" SUGGESTION "\"" : "null");

  save_text (fixture->store, LIAISON_KIND_ONLINE_DECISION, uuid, STATION, json);
}

static void
accept (Fixture *fixture)
{
  decide (fixture, "accepted", NULL);
  save_text (fixture->store, "suggestion", SUGGESTION, STATION,
             "{\"reception\": null, \"station\": \"" STATION "\", \"category\": \"" CATEGORY "\","
             " \"title\": \"路灯不亮\", \"content\": \"东山路的路灯坏了一个月\", \"raised_by\": \"" CITIZEN_NAME "\","
             " \"created_at\": \"2025-03-05T00:30:00Z\", \"kind\": \"public_opinion\"}");
}

/* A move on the suggestion, a minute after the last, as its desk pushed it. */
static LiaisonLoopEvent *
move_new (Fixture         *fixture,
          LiaisonLoopMove  move,
          LiaisonLoopRole  role)
{
  LiaisonLoopEvent *event = liaison_loop_event_new (move, role);
  GDateTime *next = g_date_time_add_minutes (fixture->clock, 1);

  event->uuid = g_uuid_string_random ();
  event->suggestion_uuid = g_strdup (SUGGESTION);
  event->actor_name = g_strdup (role == LIAISON_LOOP_ROLE_HQ ? "代表工委 李明" : "张建国");
  event->at = fixture->clock;
  fixture->clock = next;
  return event;
}

static void
add_move (Fixture          *fixture,
          LiaisonLoopEvent *event)
{
  g_autoptr(LiaisonLoopEvent) owned = event;
  g_autoptr(JsonObject) data = liaison_loop_event_to_json (event);

  json_object_set_string_member (data, "station", STATION);
  save (fixture->store, "suggestion_event", event->uuid, STATION, data);
}

static void
take_up (Fixture *fixture)
{
  LiaisonLoopEvent *event = move_new (fixture, LIAISON_LOOP_MOVE_TAKE_UP, LIAISON_LOOP_ROLE_DEPUTY);

  event->deputy_uuid = g_strdup (DEPUTY);
  add_move (fixture, event);
}

static void
refer (Fixture *fixture)
{
  LiaisonLoopEvent *event = move_new (fixture, LIAISON_LOOP_MOVE_REFER, LIAISON_LOOP_ROLE_HQ);

  event->lead_unit_uuid = g_strdup (LEAD_UNIT);
  event->co_unit_uuids = g_strsplit (CO_UNIT, ",", -1);
  liaison_test_local_day (event->at, &event->due_date);
  g_date_add_days (&event->due_date, 21);
  add_move (fixture, event);
}

static void
reply (Fixture    *fixture,
       const char *text)
{
  LiaisonLoopEvent *event = move_new (fixture, LIAISON_LOOP_MOVE_REPLY, LIAISON_LOOP_ROLE_HQ);

  event->reply_text = g_strdup (text);
  event->replying_unit_uuid = g_strdup (LEAD_UNIT);
  liaison_test_local_day (event->at, &event->reply_date);
  add_move (fixture, event);
}

static LiaisonHqProgress *
progress_of (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  LiaisonHqProgress *progress = liaison_hq_online_progress (fixture->store, SUBMISSION, &error);

  g_assert_no_error (error);
  g_assert_nonnull (progress);
  /* Never the citizen's name or phone, in any step. */
  for (guint i = 0; i < progress->steps->len; i++)
    {
      LiaisonHqProgressStep *step = g_ptr_array_index (progress->steps, i);

      g_test_message ("step %u: %s %s%s%s", i, step->date, step->text,
                      step->reply != NULL ? " / " : "", step->reply != NULL ? step->reply : "");
      g_assert_null (strstr (step->text, CITIZEN_NAME));
      g_assert_null (strstr (step->text, CITIZEN_PHONE));
      g_assert_true (step->reply == NULL || strstr (step->reply, CITIZEN_PHONE) == NULL);
    }
  return progress;
}

static LiaisonHqProgressStep *
step_at (LiaisonHqProgress *progress,
         guint              i)
{
  g_assert_cmpuint (i, <, progress->steps->len);
  return g_ptr_array_index (progress->steps, i);
}

/* The kinds of the steps, as a string of their numbers: "0,2,3". */
static char *
step_kinds (LiaisonHqProgress *progress)
{
  g_autoptr(GString) kinds = g_string_new (NULL);

  for (guint i = 0; i < progress->steps->len; i++)
    g_string_append_printf (kinds, "%s%d", i > 0 ? "," : "", step_at (progress, i)->kind);
  return g_string_free (g_steal_pointer (&kinds), FALSE);
}

static void
assert_kinds (LiaisonHqProgress *progress,
              const char        *expected)
{
  g_autofree char *kinds = step_kinds (progress);

  g_assert_cmpstr (kinds, ==, expected);
}

static void
rate (Fixture           *fixture,
      LiaisonLoopRating  rating,
      const char        *comment)
{
  g_autoptr(GError) error = NULL;

  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  g_assert_true (liaison_hq_online_rate (fixture->store, SUBMISSION, rating, comment, &error));
  g_assert_no_error (error);
  /* The server dates it now: the next moves come after it. */
  g_date_time_unref (fixture->clock);
  fixture->clock = g_date_time_add_minutes (now, 1);
}

static gint64
n_citizen_events (Fixture *fixture)
{
  g_autoptr(GHashTable) events = liaison_hq_store_list_live (fixture->store, "suggestion_event", FALSE, NULL);
  GHashTableIter iter;
  gpointer value;
  gint64 n = 0;

  g_hash_table_iter_init (&iter, events);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    n += g_strcmp0 (json_object_get_string_member ((JsonObject *) value, "role"), "citizen") == 0;
  return n;
}

/* The origin station of the record @uuid in hq.db. */
static char *
origin_of (Fixture    *fixture,
           const char *uuid)
{
  g_autoptr(LiaisonHqStmt) stmt = liaison_hq_db_prepare (liaison_hq_store_get_db (fixture->store),
                                                          "SELECT origin_station FROM records WHERE uuid = ?",
                                                          "read", NULL);

  g_assert_nonnull (stmt);
  liaison_hq_stmt_bind_text (stmt, 1, uuid);
  if (liaison_hq_stmt_step (stmt) == LIAISON_HQ_DB_ROW)
    return liaison_hq_stmt_dup_text (stmt, 0);
  return NULL;
}

static void
assert_refused (Fixture           *fixture,
                LiaisonLoopRating  rating,
                const char        *comment,
                const char        *words)
{
  g_autoptr(GError) error = NULL;
  gint64 before = n_citizen_events (fixture);

  g_assert_false (liaison_hq_online_rate (fixture->store, SUBMISSION, rating, comment, &error));
  g_assert_error (error, LIAISON_HQ_STORE_ERROR, LIAISON_HQ_STORE_ERROR_INVALID);
  g_test_message ("refused: %s", error->message);
  g_assert_nonnull (strstr (error->message, words));
  g_assert_cmpint (n_citizen_events (fixture), ==, before);
}

/* Received and nothing else yet; then declined, with its reason. */
static void
test_received_declined (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(LiaisonHqProgress) received = progress_of (fixture);
  g_autoptr(LiaisonHqProgress) declined = NULL;
  g_autoptr(GError) error = NULL;

  assert_kinds (received, "0");
  g_assert_cmpstr (received->title, ==, "路灯不亮");
  g_assert_cmpstr (step_at (received, 0)->date, ==, "2025-03-04");
  g_assert_nonnull (strstr (step_at (received, 0)->text, "相山区东山联络站"));
  g_assert_false (received->rateable);
  g_assert_null (received->suggestion_uuid);
  assert_refused (fixture, LIAISON_LOOP_RATING_SATISFIED, NULL, "no reply to rate yet");

  decide (fixture, "declined", "\"out_of_remit\"");
  declined = progress_of (fixture);
  assert_kinds (declined, "0,1");
  g_assert_true (declined->declined);
  g_assert_nonnull (strstr (declined->declined_reason, "remit"));
  g_assert_false (declined->rateable);
  assert_refused (fixture, LIAISON_LOOP_RATING_SATISFIED, NULL, "not taken up");

  /* An unknown submission says so, and nothing more. */
  g_assert_null (liaison_hq_online_progress (fixture->store, "5a1e0000-0000-4000-8000-0000000000ff", &error));
  g_assert_error (error, LIAISON_HQ_STORE_ERROR, LIAISON_HQ_STORE_ERROR_NOT_FOUND);
}

/* Each reason of a decline in its own words. */
static void
test_declined_reasons (Fixture       *fixture,
                       gconstpointer  data)
{
  static const char *const reasons[][2] = {
    { "\"spam\"", "spam" },
    { "\"duplicate\"", "raised earlier" },
    { "\"out_of_remit\"", "remit" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
    {
      g_autoptr(LiaisonHqProgress) progress = NULL;

      decide (fixture, "declined", reasons[i][0]);
      progress = progress_of (fixture);
      g_assert_nonnull (strstr (progress->declined_reason, reasons[i][1]));
    }
}

/* Accepted, taken up, referred, replied: each stage in words, with the
 * deputy's and the units' names and the reply's text; then rated. */
static void
test_stages (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(LiaisonHqProgress) accepted = NULL;
  g_autoptr(LiaisonHqProgress) taken = NULL;
  g_autoptr(LiaisonHqProgress) referred = NULL;
  g_autoptr(LiaisonHqProgress) replied = NULL;
  g_autoptr(LiaisonHqProgress) rated = NULL;
  g_autoptr(LiaisonHqProgress) closed = NULL;
  LiaisonHqProgressStep *step;

  accept (fixture);
  accepted = progress_of (fixture);
  assert_kinds (accepted, "0,2");
  g_assert_cmpstr (accepted->suggestion_uuid, ==, SUGGESTION);
  g_assert_cmpstr (step_at (accepted, 1)->date, ==, "2025-03-05");
  g_assert_false (accepted->rateable);
  g_assert_cmpint (accepted->state->status, ==, LIAISON_LOOP_STATUS_REGISTERED);

  take_up (fixture);
  taken = progress_of (fixture);
  assert_kinds (taken, "0,2,3");
  g_assert_nonnull (strstr (step_at (taken, 2)->text, "张建国"));

  refer (fixture);
  referred = progress_of (fixture);
  assert_kinds (referred, "0,2,3,5");
  step = step_at (referred, 3);
  g_assert_nonnull (strstr (step->text, "区城市管理局"));
  g_assert_nonnull (strstr (step->text, "东山街道办事处"));
  g_assert_false (referred->rateable);
  assert_refused (fixture, LIAISON_LOOP_RATING_SATISFIED, NULL, "no reply to rate yet");

  reply (fixture, REPLY_TEXT);
  replied = progress_of (fixture);
  assert_kinds (replied, "0,2,3,5,6");
  step = step_at (replied, 4);
  g_assert_cmpstr (step->reply, ==, REPLY_TEXT);
  g_assert_cmpstr (step->date, ==, "2025-03-05");
  g_assert_nonnull (strstr (step->text, "区城市管理局"));
  g_assert_true (replied->rateable);

  rate (fixture, LIAISON_LOOP_RATING_SATISFIED, "  修得很快，谢谢！ ");
  rated = progress_of (fixture);
  assert_kinds (rated, "0,2,3,5,6,7");
  g_assert_false (rated->rateable);
  g_assert_cmpint (rated->state->status, ==, LIAISON_LOOP_STATUS_RATED);
  g_assert_nonnull (strstr (step_at (rated, 5)->text, "Satisfied"));

  add_move (fixture, move_new (fixture, LIAISON_LOOP_MOVE_CLOSE, LIAISON_LOOP_ROLE_HQ));
  closed = progress_of (fixture);
  assert_kinds (closed, "0,2,3,5,6,7,8");
  assert_refused (fixture, LIAISON_LOOP_RATING_SATISFIED, NULL, "closed");
}

/* The rating as the server writes it: role citizen, asked online, naming
 * nobody, the comment trimmed as its note, in the station's feed. An
 * unsatisfied one reopens the matter; a second rating of the same reply
 * is refused; after the next reply it can be rated again. */
static void
test_rating (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(LiaisonHqProgress) reopened = NULL;
  g_autoptr(LiaisonHqProgress) again = NULL;
  g_autofree char *too_long = NULL;
  g_autofree char *origin = NULL;
  g_autoptr(GHashTable) events = NULL;
  GHashTableIter iter;
  gpointer key, value;
  g_autoptr(LiaisonLoopEvent) event = NULL;
  g_autoptr(GError) error = NULL;

  accept (fixture);
  take_up (fixture);
  refer (fixture);
  reply (fixture, REPLY_TEXT);

  /* A comment over the cap, or a rating that is none, changes nothing. */
  too_long = g_strnfill (LIAISON_HQ_RATING_COMMENT_MAX + 1, 'x');
  assert_refused (fixture, LIAISON_LOOP_RATING_SATISFIED, too_long, "too long");
  assert_refused (fixture, LIAISON_N_LOOP_RATINGS, NULL, "satisfied");

  rate (fixture, LIAISON_LOOP_RATING_UNSATISFIED, "<b>还是不亮</b>");
  assert_refused (fixture, LIAISON_LOOP_RATING_SATISFIED, NULL, "already been rated");
  g_assert_cmpint (n_citizen_events (fixture), ==, 1);

  events = liaison_hq_store_list_live (fixture->store, "suggestion_event", FALSE, NULL);
  g_hash_table_iter_init (&iter, events);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_strcmp0 (json_object_get_string_member (value, "role"), "citizen") == 0)
      {
        JsonObject *data_object = value;

        g_assert_cmpstr (json_object_get_string_member (data_object, "station"), ==, STATION);
        g_assert_true (json_object_get_null_member (data_object, "actor_name"));
        g_assert_true (json_object_get_null_member (data_object, "rated_by"));
        g_assert_cmpstr (json_object_get_string_member (data_object, "asked"), ==, "online");
        g_assert_cmpstr (json_object_get_string_member (data_object, "note"), ==, "<b>还是不亮</b>");
        event = liaison_loop_event_from_json (key, data_object, &error);
        g_assert_no_error (error);
        g_assert_cmpint (event->rating, ==, LIAISON_LOOP_RATING_UNSATISFIED);
        origin = origin_of (fixture, key);
      }
  g_assert_nonnull (event);
  /* In the station's feed: its next pull brings it. */
  g_assert_cmpstr (origin, ==, STATION);

  reopened = progress_of (fixture);
  g_assert_cmpint (reopened->state->status, ==, LIAISON_LOOP_STATUS_TAKEN_UP);
  g_assert_cmpuint (reopened->state->round, ==, 2);
  g_assert_nonnull (strstr (step_at (reopened, reopened->steps->len - 1)->text, "reopened"));
  g_assert_false (reopened->rateable);

  /* Round 2: referred and replied again, then rateable again. */
  refer (fixture);
  reply (fixture, "已更换灯杆。");
  again = progress_of (fixture);
  g_assert_true (again->rateable);
  rate (fixture, LIAISON_LOOP_RATING_SATISFIED, NULL);
  g_assert_cmpint (n_citizen_events (fixture), ==, 2);
  assert_refused (fixture, LIAISON_LOOP_RATING_BASICALLY_SATISFIED, NULL, "already been rated");
}

/* A rating sorts after the timeline's last move, even one dated a little
 * ahead of the server's clock. */
static void
test_rating_after_last_move (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(LiaisonHqProgress) rated = NULL;

  accept (fixture);
  take_up (fixture);
  refer (fixture);
  g_date_time_unref (fixture->clock);
  fixture->clock = g_date_time_add_minutes (now, 5);
  reply (fixture, REPLY_TEXT);
  rate (fixture, LIAISON_LOOP_RATING_BASICALLY_SATISFIED, NULL);
  rated = progress_of (fixture);
  g_assert_cmpint (rated->state->status, ==, LIAISON_LOOP_STATUS_RATED);
  g_assert_cmpuint (rated->state->rejected->len, ==, 0);
}

/* The register move a desk makes of a pulled suggestion record. */
static LiaisonLoopEvent *
register_event (const char *uuid,
                JsonObject *data)
{
  LiaisonLoopEvent *event = liaison_loop_event_new (LIAISON_LOOP_MOVE_REGISTER, LIAISON_LOOP_ROLE_STATION);

  event->uuid = g_strdup (uuid);
  event->suggestion_uuid = g_strdup (uuid);
  event->at = liaison_loop_parse_at (json_object_get_string_member (data, "created_at"));
  event->actor_name = g_strdup ("东山联络站");
  event->kind = LIAISON_LOOP_KIND_PUBLIC_OPINION;
  return event;
}

/* On a real liaison-hq */

#define CATEGORY_1 "6c1a7e00-0000-4000-8000-000000000001"
#define ONLINE_SUGGESTION "5a1e0000-0000-4000-8000-000000000010"
#define ONLINE_SUBMISSION "5a1e0000-0000-4000-8000-000000000011"

static char *
record_json (const char *kind,
             const char *uuid,
             const char *station,
             const char *data)
{
  return g_strdup_printf ("{\"kind\": \"%s\", \"uuid\": \"%s\", \"version\": 1, \"base_version\": 0,"
                          " \"updated_at\": \"2025-03-05T01:30:00Z\", \"origin_station\": \"%s\","
                          " \"deleted\": false, \"data\": %s}", kind, uuid, station, data);
}

/* A move on ONLINE_SUGGESTION at @station, @at, with its own members. */
static char *
move_json (const char *uuid,
           const char *station,
           const char *move,
           const char *role,
           const char *actor,
           const char *at,
           const char *payload)
{
  g_autofree char *data = g_strdup_printf ("{\"station\": \"%s\", \"suggestion\": \"" ONLINE_SUGGESTION "\","
                                           " \"move\": \"%s\", \"role\": \"%s\", \"actor_name\": %s,"
                                           " \"at\": \"%s\", \"note\": null%s}",
                                           station, move, role, actor, at, payload);

  return record_json ("suggestion_event", uuid, station, data);
}

/* The submission and the station's acceptance, as headquarters' store
 * holds them, written while the server is stopped. */
static void
add_accepted_submission (LiaisonTestHqEnrolled *enrolled)
{
  g_autoptr(LiaisonHqStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *submission = g_strdup_printf (
    "{\"station\": \"%s\", \"category\": \"" CATEGORY_1 "\", \"title\": \"路灯不亮\","
    " \"content\": \"东山路的路灯坏了\", \"name\": null, \"phone\": null, \"community\": null,"
    " \"consent\": false, \"submitted_at\": \"2025-03-04T02:00:00Z\"}", enrolled->station_a);
  g_autofree char *decision = g_strdup_printf (
    "{\"submission\": \"" ONLINE_SUBMISSION "\", \"station\": \"%s\", \"decision\": \"accepted\","
    " \"reason\": null, \"note\": null, \"reception\": null, \"suggestion\": \"" ONLINE_SUGGESTION "\","
    " \"decided_at\": \"2025-03-05T00:30:00Z\", \"decided_by\": null}", enrolled->station_a);
  g_autofree char *decision_uuid = liaison_online_decision_uuid (ONLINE_SUBMISSION);

  store = liaison_hq_store_open (enrolled->hq.data_dir, &error);
  g_assert_no_error (error);
  save_text (store, LIAISON_KIND_ONLINE_SUBMISSION, ONLINE_SUBMISSION, NULL, submission);
  save_text (store, LIAISON_KIND_ONLINE_DECISION, decision_uuid, NULL, decision);
  liaison_hq_store_close (store);
}

static void
rate_on_server (LiaisonTestHqEnrolled *enrolled,
                LiaisonLoopRating      rating,
                const char            *comment)
{
  g_autoptr(LiaisonHqStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = liaison_hq_store_open (enrolled->hq.data_dir, &error);
  g_assert_no_error (error);
  g_assert_true (liaison_hq_online_rate (store, ONLINE_SUBMISSION, rating, comment, &error));
  g_assert_no_error (error);
  liaison_hq_store_close (store);
}

/* The station's suggestion, taken up at the station; referred and
 * replied by headquarters: all pushed over HTTP. */
static void
push_replied_suggestion (LiaisonTestHqEnrolled *enrolled)
{
  g_autofree char *suggestion_data = g_strdup_printf (
    "{\"reception\": null, \"station\": \"%s\", \"category\": \"" CATEGORY_1 "\", \"title\": \"路灯不亮\","
    " \"content\": \"东山路的路灯坏了\", \"raised_by\": null, \"created_at\": \"2025-03-05T00:30:00Z\"}",
    enrolled->station_a);
  g_autofree char *suggestion = record_json ("suggestion", ONLINE_SUGGESTION, enrolled->station_a, suggestion_data);
  g_autofree char *take_up_id = g_uuid_string_random ();
  g_autofree char *refer_id = g_uuid_string_random ();
  g_autofree char *reply_id = g_uuid_string_random ();
  g_autofree char *take_up = move_json (take_up_id, enrolled->station_a, "take_up", "deputy", "\"张建国\"",
                                        "2025-03-05T01:00:00Z", ", \"deputy\": \"" DEPUTY "\"");
  g_autofree char *refer = move_json (refer_id, enrolled->station_a, "refer", "hq", "\"代表工委 李明\"",
                                      "2025-03-05T02:00:00Z", ", \"lead_unit\": \"" LEAD_UNIT "\","
                                      " \"co_units\": [], \"due_date\": \"2025-03-28\"");
  g_autofree char *reply = move_json (reply_id, enrolled->station_a, "reply", "hq", "\"代表工委 李明\"",
                                      "2025-03-06T02:00:00Z", ", \"reply_text\": \"" REPLY_TEXT "\","
                                      " \"reply_date\": \"2025-03-06\", \"replying_unit\": \"" LEAD_UNIT "\","
                                      " \"attachments\": []");
  g_autofree char *station_batch = g_strdup_printf ("%s, %s", suggestion, take_up);
  g_autofree char *hq_batch = g_strdup_printf ("%s, %s", refer, reply);
  JsonArray *results;

  results = liaison_test_hq_enrolled_push (enrolled, enrolled->token_a, station_batch);
  liaison_test_assert_push_result (results, 0, "applied", NULL, NULL);
  liaison_test_assert_push_result (results, 1, "applied", NULL, NULL);
  results = liaison_test_hq_enrolled_push (enrolled, enrolled->token_hq, hq_batch);
  liaison_test_assert_push_result (results, 0, "applied", NULL, NULL);
  liaison_test_assert_push_result (results, 1, "applied", NULL, NULL);
}

/* The citizen's rating reaches the station's pull, as a desk reads it
 * (liaison_wire_check_record() for every change), and the station's
 * alone; the station replays it: unsatisfied reopens. */
static void
test_rating_reaches_station (void)
{
  LiaisonTestHqEnrolled enrolled = { { NULL } };
  g_autoptr(GPtrArray) feed_a = NULL;
  g_autoptr(GPtrArray) feed_b = NULL;
  g_autoptr(GPtrArray) timeline = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_loop_event_free);
  g_autoptr(LiaisonLoopState) state = NULL;
  g_autoptr(LiaisonLoopEvent) rating = NULL;
  g_autofree char *title = NULL;
  gint64 since_a = 0, since_b = 0;

  liaison_test_hq_enrolled_set_up (&enrolled, "liaison-online-rating-XXXXXX");
  push_replied_suggestion (&enrolled);
  g_clear_pointer (&feed_a, g_ptr_array_unref);
  feed_a = liaison_test_hq_enrolled_pull (&enrolled, enrolled.token_a, &since_a);
  feed_b = liaison_test_hq_enrolled_pull (&enrolled, enrolled.token_b, &since_b);

  liaison_test_hq_stop (&enrolled.hq);
  add_accepted_submission (&enrolled);
  rate_on_server (&enrolled, LIAISON_LOOP_RATING_UNSATISFIED, "路灯还是不亮");
  liaison_test_hq_start (&enrolled.hq);

  g_clear_pointer (&feed_a, g_ptr_array_unref);
  feed_a = liaison_test_hq_enrolled_pull (&enrolled, enrolled.token_a, &since_a);
  g_assert_cmpuint (feed_a->len, ==, 1);
  {
    JsonObject *change = g_ptr_array_index (feed_a, 0);
    JsonObject *data = json_object_get_object_member (change, "data");
    g_autoptr(GError) error = NULL;

    g_assert_cmpstr (json_object_get_string_member (change, "kind"), ==, "suggestion_event");
    g_assert_cmpstr (json_object_get_string_member (data, "role"), ==, "citizen");
    g_assert_cmpstr (json_object_get_string_member (data, "station"), ==, enrolled.station_a);
    rating = liaison_loop_event_from_json (json_object_get_string_member (change, "uuid"), data, &error);
    g_assert_no_error (error);
  }
  g_assert_cmpint (rating->role, ==, LIAISON_LOOP_ROLE_CITIZEN);
  g_assert_cmpint (rating->asked, ==, LIAISON_LOOP_ASKED_ONLINE);
  g_assert_null (rating->actor_name);
  g_assert_cmpstr (rating->note, ==, "路灯还是不亮");
  title = liaison_loop_event_title (rating);
  g_assert_cmpstr (title, ==, "Rated online by the citizen: Unsatisfied");

  /* Another station's feed does not have it. */
  g_clear_pointer (&feed_b, g_ptr_array_unref);
  feed_b = liaison_test_hq_enrolled_pull (&enrolled, enrolled.token_b, &since_b);
  g_assert_cmpuint (feed_b->len, ==, 0);

  /* The station's replay: reopened, awaiting referral again. */
  {
    g_autoptr(GPtrArray) all = NULL;
    gint64 since = 0;

    all = liaison_test_hq_enrolled_pull (&enrolled, enrolled.token_a, &since);
    for (guint i = 0; i < all->len; i++)
      {
        JsonObject *change = g_ptr_array_index (all, i);
        const char *kind = json_object_get_string_member (change, "kind");

        if (g_str_equal (kind, "suggestion_event"))
          g_ptr_array_add (timeline, liaison_loop_event_from_json (json_object_get_string_member (change, "uuid"),
                                                                   json_object_get_object_member (change, "data"),
                                                                   NULL));
        else if (g_str_equal (kind, "suggestion"))
          g_ptr_array_add (timeline, register_event (ONLINE_SUGGESTION,
                                                     json_object_get_object_member (change, "data")));
      }
  }
  g_assert_cmpuint (timeline->len, ==, 5);
  state = liaison_loop_replay (timeline);
  g_assert_cmpuint (state->rejected->len, ==, 0);
  g_assert_cmpint (state->status, ==, LIAISON_LOOP_STATUS_TAKEN_UP);
  g_assert_cmpuint (state->round, ==, 2);

  liaison_test_hq_enrolled_clear (&enrolled);
}

/* No token may push a citizen's rating: the server alone writes one. */
static void
test_citizen_push_refused (void)
{
  LiaisonTestHqEnrolled enrolled = { { NULL } };
  g_autofree char *id_a = g_uuid_string_random ();
  g_autofree char *id_hq = g_uuid_string_random ();
  g_autofree char *from_station = NULL;
  g_autofree char *from_hq = NULL;
  static const char payload[] = ", \"rating\": \"satisfied\", \"asked\": \"online\", \"rated_by\": null";
  JsonArray *results;

  liaison_test_hq_enrolled_set_up (&enrolled, "liaison-online-push-XXXXXX");
  push_replied_suggestion (&enrolled);
  from_station = move_json (id_a, enrolled.station_a, "rate", "citizen", "null", "2025-03-07T02:00:00Z", payload);
  from_hq = move_json (id_hq, enrolled.station_a, "rate", "citizen", "null", "2025-03-07T02:00:00Z", payload);

  results = liaison_test_hq_enrolled_push (&enrolled, enrolled.token_a, from_station);
  liaison_test_assert_push_result (results, 0, "rejected", "read_only", "citizen");
  results = liaison_test_hq_enrolled_push (&enrolled, enrolled.token_hq, from_hq);
  liaison_test_assert_push_result (results, 0, "rejected", "read_only", "citizen");
  g_assert_cmpint (liaison_test_hq_count (&enrolled.hq, "SELECT count(*) FROM records WHERE kind = 'suggestion_event'"
                                                        " AND json_extract (data, '$.role') = 'citizen'"), ==, 0);

  liaison_test_hq_enrolled_clear (&enrolled);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Asia/Shanghai", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/online-track/progress/received-declined", test_received_declined);
  ADD ("/online-track/progress/declined-reasons", test_declined_reasons);
  ADD ("/online-track/progress/stages", test_stages);
  ADD ("/online-track/rating", test_rating);
  ADD ("/online-track/rating/after-last-move", test_rating_after_last_move);
#undef ADD
  g_test_add_func ("/online-track/server/rating-reaches-station", test_rating_reaches_station);
  g_test_add_func ("/online-track/server/citizen-push-refused", test_citizen_push_refused);

  return g_test_run ();
}
