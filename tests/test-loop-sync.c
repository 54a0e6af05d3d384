/* test-loop-sync.c: the closed loop end to end (issue 4), with a real
 * liaison-hq on loopback and real SQLite files: a station logs a
 * suggestion offline, a deputy takes it up, headquarters refers it and
 * records replies, the station rates it, and both ends end with the same
 * timeline, state and figures. Also: moves made at both ends at once, a
 * server killed in the middle of a sync of events, and headquarters'
 * rules reaching a station.
 *
 * Every suggestion and move gets an explicit time from a test clock, one
 * minute apart, so that the replay order (at, uuid) is the order of the
 * steps. The clock starts two days back: no replica may record, and the
 * server takes no step, dated more than 10 minutes ahead of now. */
#define G_LOG_DOMAIN "test-loop-sync"

#include "config.h"

#include <libsoup/soup.h>
#include <signal.h>
#include <string.h>

#include "liaison-loop-wire.h"
#include "liaison-protocol.h"
#include "liaison-store-attachments.h"
#include "liaison-store-loop.h"
#include "liaison-store-sync.h"
#include "liaison-sync-engine.h"
#include "liaison-test-hq.h"
#include "liaison-test-util.h"
#include "liaison-token-store.h"

#define STATION_A "相山区第一代表联络站"
#define STATION_B "杜集区代表之家"
#define LEAD_UNIT "区住房和城乡建设局"
#define SECOND_UNIT "区城市管理局"
#define CO_UNIT "东山街道办事处"
#define HQ_ACTOR "市人大代表工委 李明"
#define STATION_ACTOR "联络站 刘芳"
/* The unit's reply letter, attached at headquarters. */
#define LETTER_NAME "区城市管理局答复函.pdf"
#define LETTER_TEXT "%PDF-1.4 关于小区排水管网疏通情况的答复"

/* The server, and the test clock. */

typedef struct {
  LiaisonTestHq hq;
  GDateTime *clock;        /* the next move's time (UTC) */
} Fixture;

typedef LiaisonTestReplica Replica;

/* The roster and the handling units, imported at the server. */
static void
import_reference_data (Fixture *fixture)
{
  g_autofree char *units = g_build_filename (fixture->hq.dir, "units.csv", NULL);
  g_autofree char *out_units = NULL;
  g_autoptr(GError) error = NULL;

  liaison_test_hq_import_roster (&fixture->hq);
  g_assert_true (g_file_set_contents (units,
                                      "名称,类型\n"
                                      LEAD_UNIT ",部门\n"
                                      SECOND_UNIT ",部门\n"
                                      CO_UNIT ",政府\n",
                                      -1, &error));
  g_assert_no_error (error);
  out_units = liaison_test_hq_run (&fixture->hq, "import units", units, NULL);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) whole = NULL;

  liaison_test_hq_init (&fixture->hq, "liaison-loop-sync-XXXXXX");
  import_reference_data (fixture);
  liaison_test_hq_start (&fixture->hq);
  /* Whole seconds (the wire's precision), far enough back for a minute a
   * move (the longest test makes 1,100 of them) to stay in the past. */
  whole = g_date_time_new_utc (g_date_time_get_year (now), g_date_time_get_month (now),
                               g_date_time_get_day_of_month (now), g_date_time_get_hour (now),
                               g_date_time_get_minute (now), g_date_time_get_second (now));
  fixture->clock = g_date_time_add_days (whole, -2);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  liaison_test_hq_clear (&fixture->hq);
  g_clear_pointer (&fixture->clock, g_date_time_unref);
}

/* The time of the next move; the clock moves on a minute. */
static GDateTime *
tick (Fixture *fixture)
{
  GDateTime *at = g_date_time_ref (fixture->clock);
  GDateTime *next = g_date_time_add_minutes (fixture->clock, 1);

  g_date_time_unref (fixture->clock);
  fixture->clock = next;
  return at;
}

static LiaisonSyncCounts
sync_ok (Replica *replica)
{
  LiaisonSyncCounts counts = liaison_test_sync_ok (replica->engine);

  g_assert_cmpuint (counts.rejected, ==, 0);
  g_assert_cmpuint (liaison_test_replica_unsynced (replica), ==, 0);
  return counts;
}

/* A headquarters desktop, enrolled with a code from `user add --role hq`. */
static Replica
hq_replica_new (Fixture    *fixture,
                const char *file)
{
  Replica replica = liaison_test_replica_new (&fixture->hq, file);

  liaison_test_replica_enroll_hq (&fixture->hq, &replica, "代表工委办公室");
  return replica;
}

/* Records. */

/* A citizen's item logged at @replica's station, not tied to a reception;
 * returns its id. */
static gint64
log_suggestion (Fixture    *fixture,
                Replica    *replica,
                const char *title)
{
  g_autoptr(LiaisonSuggestion) suggestion = liaison_suggestion_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) at = tick (fixture);

  suggestion->kind = LIAISON_LOOP_KIND_PUBLIC_OPINION;
  suggestion->category_id = liaison_store_find_category (replica->store, "urban_construction");
  g_assert_cmpint (suggestion->category_id, >, 0);
  suggestion->title = g_strdup (title);
  suggestion->content = g_strdup ("东山社区金色家园小区雨后道路积水严重，居民出行不便，希望尽快疏通排水管网。");
  suggestion->raised_by = g_strdup ("赵敏");
  /* Logged after the fact, at the clock's time. */
  suggestion->created_at = liaison_loop_format_at (at);
  g_assert_true (liaison_store_save_suggestion (replica->store, suggestion, &error));
  g_assert_no_error (error);
  g_assert_cmpint (suggestion->meta.id, >, 0);
  g_assert_true (g_uuid_string_is_valid (suggestion->meta.uuid));
  return suggestion->meta.id;
}

static char *
suggestion_uuid (Replica *replica,
                 gint64   id)
{
  g_autoptr(LiaisonSuggestion) suggestion = NULL;
  g_autoptr(GError) error = NULL;

  suggestion = liaison_store_get_suggestion (replica->store, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (suggestion);
  return g_strdup (suggestion->meta.uuid);
}

/* The id of the suggestion @uuid at @replica; 0 if it is not there. */
static gint64
find_suggestion (Replica    *replica,
                 const char *uuid)
{
  return liaison_test_suggestion_id (replica->store, uuid);
}

static char *
unit_uuid (Replica    *replica,
           const char *name)
{
  return liaison_test_unit_uuid (replica->store, name);
}

static LiaisonLoopState *
loop_state (Replica *replica,
            gint64   id)
{
  g_autoptr(GError) error = NULL;
  LiaisonLoopState *state = liaison_store_get_loop_state (replica->store, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (state);
  return state;
}

static guint
count_loop (Replica         *replica,
            LiaisonLoopList  list)
{
  g_autoptr(GError) error = NULL;
  guint n = liaison_store_count_loop (replica->store, list, 0, NULL, &error);

  g_assert_no_error (error);
  return n;
}

/* Whether @list at @replica holds the suggestion @uuid (and its count
 * agrees with its rows). */
static gboolean
in_loop_list (Replica         *replica,
              LiaisonLoopList  list,
              const char      *uuid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = liaison_store_list_loop (replica->store, list, 0, NULL, 0, &error);
  gboolean found = FALSE;

  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, count_loop (replica, list));
  for (guint i = 0; i < rows->len; i++)
    found |= g_strcmp0 (((LiaisonSuggestion *) g_ptr_array_index (rows, i))->meta.uuid, uuid) == 0;
  return found;
}

static gint64
count_events (Replica *replica)
{
  return liaison_test_count_rows (replica->store, "suggestion_events");
}

/* Moves: each builds the event, adds it and asserts that it was accepted. */

static LiaisonLoopEvent *
event_new (Fixture         *fixture,
           LiaisonLoopMove  move,
           LiaisonLoopRole  role,
           const char      *actor)
{
  return liaison_test_event_new (move, role, actor, tick (fixture));
}

/* Adds @event (taken) and returns its uuid. */
static char *
add_event (Replica          *replica,
           gint64            id,
           LiaisonLoopEvent *event)
{
  g_autoptr(LiaisonLoopEvent) owned = event;

  liaison_test_record_event (replica->store, id, owned);
  return g_strdup (owned->uuid);
}

static char *
take_up (Fixture    *fixture,
         Replica    *replica,
         gint64      id,
         const char *deputy)
{
  LiaisonLoopEvent *event = event_new (fixture, LIAISON_LOOP_MOVE_TAKE_UP, LIAISON_LOOP_ROLE_DEPUTY, deputy);

  event->deputy_uuid = liaison_test_deputy_uuid (replica->store, deputy);
  event->note = g_strdup ("已了解情况，将联系住建部门。");
  return add_event (replica, id, event);
}

/* Refers to @lead (and @co_unit unless NULL), due by the replica's own
 * default; returns the due date in @due. */
static char *
refer (Fixture    *fixture,
       Replica    *replica,
       gint64      id,
       const char *lead,
       const char *co_unit,
       GDate      *due)
{
  LiaisonLoopEvent *event = event_new (fixture, LIAISON_LOOP_MOVE_REFER, LIAISON_LOOP_ROLE_HQ, HQ_ACTOR);
  GDate day;

  liaison_test_local_day (event->at, &day);
  event->lead_unit_uuid = unit_uuid (replica, lead);
  if (co_unit != NULL)
    {
      event->co_unit_uuids = g_new0 (char *, 2);
      event->co_unit_uuids[0] = unit_uuid (replica, co_unit);
    }
  liaison_store_default_due_date (replica->store, LIAISON_LOOP_KIND_PUBLIC_OPINION, &day, &event->due_date);
  g_assert_true (g_date_valid (&event->due_date));
  /* 15 working days: three weeks at least. */
  g_assert_cmpint (g_date_days_between (&day, &event->due_date), >=, 21);
  *due = event->due_date;
  return add_event (replica, id, event);
}

static char *
reply (Fixture    *fixture,
       Replica    *replica,
       gint64      id,
       const char *unit,
       const char *text,
       gboolean    attach)
{
  LiaisonLoopEvent *event = event_new (fixture, LIAISON_LOOP_MOVE_REPLY, LIAISON_LOOP_ROLE_HQ, HQ_ACTOR);

  event->reply_text = g_strdup (text);
  event->replying_unit_uuid = unit_uuid (replica, unit);
  liaison_test_local_day (event->at, &event->reply_date);
  if (attach)
    {
      g_autofree char *path = g_build_filename (fixture->hq.dir, LETTER_NAME, NULL);
      g_autoptr(GError) error = NULL;

      g_assert_true (g_file_set_contents (path, LETTER_TEXT, -1, &error));
      g_assert_no_error (error);
      event->attachments = g_new0 (char *, 2);
      event->attachments[0] = liaison_store_add_attachment (replica->store, path, &error);
      g_assert_no_error (error);
      event->attachment_names = g_strsplit (LETTER_NAME, "|", -1);
    }
  return add_event (replica, id, event);
}

static char *
simple_move (Fixture         *fixture,
             Replica         *replica,
             gint64           id,
             LiaisonLoopMove  move,
             LiaisonLoopRole  role,
             const char      *actor)
{
  return add_event (replica, id, event_new (fixture, move, role, actor));
}

static char *
rate (Fixture           *fixture,
      Replica           *replica,
      gint64             id,
      LiaisonLoopRating  rating)
{
  LiaisonLoopEvent *event = event_new (fixture, LIAISON_LOOP_MOVE_RATE, LIAISON_LOOP_ROLE_STATION, STATION_ACTOR);

  event->rating = rating;
  event->asked = LIAISON_LOOP_ASKED_PHONE;
  event->rated_by = g_strdup (STATION_ACTOR);
  return add_event (replica, id, event);
}

static char *
supervise (Fixture  *fixture,
           Replica  *replica,
           gint64    id,
           gboolean  key)
{
  LiaisonLoopEvent *event = event_new (fixture, LIAISON_LOOP_MOVE_SUPERVISE, LIAISON_LOOP_ROLE_HQ, HQ_ACTOR);

  event->note = g_strdup (key ? "群众反映强烈，列为重点督办。" : "已按期答复，取消重点督办。");
  event->key_supervision = key;
  return add_event (replica, id, event);
}

static char *
withdraw (Fixture *fixture,
          Replica *replica,
          gint64   id)
{
  LiaisonLoopEvent *event = event_new (fixture, LIAISON_LOOP_MOVE_WITHDRAW, LIAISON_LOOP_ROLE_STATION,
                                       STATION_ACTOR);

  event->reason = g_strdup ("群众来电表示问题已自行解决，申请撤回。");
  return add_event (replica, id, event);
}

/* Both ends: the same timeline, event by event, and the same state. */

static gboolean
strv_same (char **a,
           char **b)
{
  if (a == NULL || b == NULL)
    return (a == NULL || a[0] == NULL) && (b == NULL || b[0] == NULL);
  return g_strv_equal ((const char * const *) a, (const char * const *) b);
}

static void
assert_same_state (const LiaisonLoopState *a,
                   const LiaisonLoopState *b)
{
  g_assert_cmpint (a->status, ==, b->status);
  g_assert_cmpint (a->kind, ==, b->kind);
  g_assert_cmpuint (a->round, ==, b->round);
  g_assert_cmpuint (a->n_events, ==, b->n_events);
  g_assert_cmpstr (a->deputy_uuid, ==, b->deputy_uuid);
  g_assert_cmpstr (a->lead_unit_uuid, ==, b->lead_unit_uuid);
  g_assert_true (strv_same (a->co_unit_uuids, b->co_unit_uuids));
  g_assert_cmpint (g_date_valid (&a->due_date), ==, g_date_valid (&b->due_date));
  if (g_date_valid (&a->due_date))
    g_assert_cmpint (g_date_compare (&a->due_date, &b->due_date), ==, 0);
  g_assert_cmpstr (a->reply_text, ==, b->reply_text);
  g_assert_cmpuint (a->n_replies, ==, b->n_replies);
  g_assert_cmpuint (a->n_late_replies, ==, b->n_late_replies);
  g_assert_cmpint (a->rated, ==, b->rated);
  g_assert_cmpint (a->last_rating, ==, b->last_rating);
  g_assert_cmpstr (a->last_rated_by, ==, b->last_rated_by);
  g_assert_cmpuint (a->n_unsatisfied, ==, b->n_unsatisfied);
  g_assert_cmpint (a->key_supervision, ==, b->key_supervision);
  g_assert_cmpuint (a->n_supervision_notes, ==, b->n_supervision_notes);
  g_assert_cmpstr (a->withdraw_reason, ==, b->withdraw_reason);
  g_assert_cmpuint (a->rejected->len, ==, b->rejected->len);
  for (guint i = 0; i < a->rejected->len; i++)
    g_assert_cmpstr (g_ptr_array_index (a->rejected, i), ==, g_ptr_array_index (b->rejected, i));
}

/* Asserts that both ends hold the same timeline of the suggestion @uuid
 * and replay it to the same state; returns that timeline. */
static GPtrArray *
assert_same_timeline (Replica    *a,
                      Replica    *b,
                      const char *uuid)
{
  gint64 a_id = find_suggestion (a, uuid);
  gint64 b_id = find_suggestion (b, uuid);
  g_autoptr(GPtrArray) a_events = NULL;
  g_autoptr(GPtrArray) b_events = NULL;
  g_autoptr(LiaisonLoopState) a_state = NULL;
  g_autoptr(LiaisonLoopState) b_state = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (a_id, >, 0);
  g_assert_cmpint (b_id, >, 0);
  a_events = liaison_store_list_suggestion_events (a->store, a_id, &error);
  g_assert_no_error (error);
  b_events = liaison_store_list_suggestion_events (b->store, b_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (a_events->len, ==, b_events->len);
  for (guint i = 0; i < a_events->len; i++)
    {
      const LiaisonLoopEvent *ea = g_ptr_array_index (a_events, i);
      const LiaisonLoopEvent *eb = g_ptr_array_index (b_events, i);

      g_assert_cmpstr (ea->uuid, ==, eb->uuid);
      g_assert_cmpstr (ea->suggestion_uuid, ==, uuid);
      g_assert_true (liaison_loop_event_equal (ea, eb));
    }
  /* Register first: the suggestion itself. */
  g_assert_cmpuint (a_events->len, >, 0);
  g_assert_cmpint (((LiaisonLoopEvent *) g_ptr_array_index (a_events, 0))->move, ==, LIAISON_LOOP_MOVE_REGISTER);
  g_assert_cmpstr (((LiaisonLoopEvent *) g_ptr_array_index (a_events, 0))->uuid, ==, uuid);

  a_state = loop_state (a, a_id);
  b_state = loop_state (b, b_id);
  assert_same_state (a_state, b_state);
  return g_steal_pointer (&a_events);
}

static void
assert_moves (GPtrArray             *events,
              const LiaisonLoopMove *moves,
              guint                  n_moves)
{
  g_assert_cmpuint (events->len, ==, n_moves);
  for (guint i = 0; i < n_moves; i++)
    g_assert_cmpint (((LiaisonLoopEvent *) g_ptr_array_index (events, i))->move, ==, moves[i]);
}

/* The scenario of issue 4. */

static void
test_closed_loop (Fixture       *fixture,
                  gconstpointer  data)
{
  Replica a, b, hq;
  LiaisonSyncCounts counts;
  g_autofree char *uuid = NULL;
  g_autofree char *a_station_uuid = NULL;
  g_autoptr(LiaisonSuggestion) suggestion = NULL;
  g_autoptr(LiaisonLoopState) state = NULL;
  g_autoptr(GPtrArray) timeline = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first_refer = NULL;
  LiaisonFigures figures = { 0 };
  GDate due1, due2, today;
  gint64 a_id, hq_id;
  const LiaisonLoopMove expected[] = {
    LIAISON_LOOP_MOVE_REGISTER, LIAISON_LOOP_MOVE_TAKE_UP,
    LIAISON_LOOP_MOVE_REFER, LIAISON_LOOP_MOVE_SUPERVISE, LIAISON_LOOP_MOVE_START, LIAISON_LOOP_MOVE_REPLY,
    LIAISON_LOOP_MOVE_RATE,
    LIAISON_LOOP_MOVE_REFER, LIAISON_LOOP_MOVE_REPLY, LIAISON_LOOP_MOVE_SUPERVISE,
    LIAISON_LOOP_MOVE_RATE, LIAISON_LOOP_MOVE_CLOSE,
  };

  /* 1. Station A logs the suggestion with no server at all, then enrolls
   * and syncs. */
  liaison_test_hq_stop (&fixture->hq);
  a = liaison_test_replica_new_station (&fixture->hq, "a.db", STATION_A);
  a_id = log_suggestion (fixture, &a, "关于解决金色家园小区道路积水问题的建议");
  uuid = suggestion_uuid (&a, a_id);
  state = loop_state (&a, a_id);
  g_assert_cmpint (state->status, ==, LIAISON_LOOP_STATUS_REGISTERED);
  g_assert_true (in_loop_list (&a, LIAISON_LOOP_LIST_TO_TAKE_UP, uuid));
  g_clear_pointer (&state, liaison_loop_state_free);

  liaison_test_hq_start (&fixture->hq);
  liaison_test_replica_enroll_station (&fixture->hq, &a, STATION_A);
  a_station_uuid = liaison_test_local_station_uuid (a.store);
  counts = sync_ok (&a);
  g_assert_cmpuint (counts.sent, ==, 1);
  b = liaison_test_replica_new_synced_station (&fixture->hq, "b.db", STATION_B);

  /* 2. A deputy at A takes it up; A syncs. */
  g_free (take_up (fixture, &a, a_id, "张伟"));
  g_assert_false (in_loop_list (&a, LIAISON_LOOP_LIST_TO_TAKE_UP, uuid));
  g_assert_cmpuint (liaison_test_replica_unsynced (&a), ==, 1);
  counts = sync_ok (&a);
  g_assert_cmpuint (counts.sent, ==, 1);

  /* 3. Headquarters gets it in its inbox, refers it, supervises it and
   * records the first reply. */
  hq = hq_replica_new (fixture, "hq.db");
  counts = sync_ok (&hq);
  hq_id = find_suggestion (&hq, uuid);
  g_assert_cmpint (hq_id, >, 0);
  suggestion = liaison_test_get_suggestion (hq.store, hq_id);
  g_assert_cmpint (suggestion->status, ==, LIAISON_LOOP_STATUS_TAKEN_UP);
  g_assert_cmpstr (suggestion->taken_up_by, ==, "张伟");
  g_assert_cmpstr (suggestion->station_name, ==, STATION_A);
  g_clear_pointer (&suggestion, liaison_suggestion_free);
  g_assert_true (in_loop_list (&hq, LIAISON_LOOP_LIST_TO_REFER, uuid));
  assert_same_timeline (&a, &hq, uuid);

  first_refer = refer (fixture, &hq, hq_id, LEAD_UNIT, CO_UNIT, &due1);
  g_assert_false (in_loop_list (&hq, LIAISON_LOOP_LIST_TO_REFER, uuid));
  g_free (supervise (fixture, &hq, hq_id, TRUE));
  g_assert_true (in_loop_list (&hq, LIAISON_LOOP_LIST_KEY_SUPERVISION, uuid));
  g_free (simple_move (fixture, &hq, hq_id, LIAISON_LOOP_MOVE_START, LIAISON_LOOP_ROLE_HQ, HQ_ACTOR));
  suggestion = liaison_test_get_suggestion (hq.store, hq_id);
  g_assert_cmpint (suggestion->status, ==, LIAISON_LOOP_STATUS_IN_PROGRESS);
  g_assert_true (g_date_valid (&suggestion->due_date));
  g_assert_cmpint (g_date_compare (&suggestion->due_date, &due1), ==, 0);
  g_assert_true (suggestion->key_supervision);
  g_clear_pointer (&suggestion, liaison_suggestion_free);

  /* A second referral in the same round is refused, with the rule's
   * words, and nothing is written. */
  {
    g_autoptr(LiaisonLoopEvent) again = event_new (fixture, LIAISON_LOOP_MOVE_REFER, LIAISON_LOOP_ROLE_HQ, HQ_ACTOR);
    gint64 before = count_events (&hq);

    again->lead_unit_uuid = unit_uuid (&hq, SECOND_UNIT);
    liaison_test_local_day (again->at, &again->due_date);
    g_date_add_days (&again->due_date, 30);
    g_assert_false (liaison_store_add_suggestion_event (hq.store, hq_id, again, &error));
    g_assert_error (error, LIAISON_LOOP_ERROR, LIAISON_LOOP_ERROR_STATE);
    g_clear_error (&error);
    g_assert_cmpint (count_events (&hq), ==, before);
  }

  g_free (reply (fixture, &hq, hq_id, LEAD_UNIT,
                 "经现场勘查，已安排施工单位对小区排水管网进行疏通，预计两周内完成。", FALSE));
  counts = sync_ok (&hq);
  g_assert_cmpuint (counts.sent, ==, 4);

  /* The reply reaches A: counted, flagged unseen, on the "tell the
   * citizen" list. */
  counts = sync_ok (&a);
  g_assert_cmpuint (counts.replies, ==, 1);
  g_assert_cmpuint (counts.received, >=, 4);
  suggestion = liaison_test_get_suggestion (a.store, a_id);
  g_assert_cmpint (suggestion->status, ==, LIAISON_LOOP_STATUS_REPLIED);
  g_assert_true (suggestion->reply_unseen);
  g_clear_pointer (&suggestion, liaison_suggestion_free);
  g_assert_cmpuint (liaison_store_count_unseen_replies (a.store, &error), ==, 1);
  g_assert_no_error (error);
  g_assert_true (in_loop_list (&a, LIAISON_LOOP_LIST_TELL_CITIZEN, uuid));
  g_assert_true (liaison_store_mark_reply_seen (a.store, a_id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (liaison_store_count_unseen_replies (a.store, &error), ==, 0);
  g_assert_no_error (error);
  suggestion = liaison_test_get_suggestion (a.store, a_id);
  g_assert_false (suggestion->reply_unseen);
  g_clear_pointer (&suggestion, liaison_suggestion_free);
  /* Headquarters' moves are not the station's to push. */
  g_assert_cmpuint (liaison_test_replica_unsynced (&a), ==, 0);
  assert_same_timeline (&a, &hq, uuid);

  /* 4. A rates it unsatisfied; headquarters sees it reopened. */
  g_free (rate (fixture, &a, a_id, LIAISON_LOOP_RATING_UNSATISFIED));
  counts = sync_ok (&a);
  g_assert_cmpuint (counts.sent, ==, 1);
  counts = sync_ok (&hq);
  g_assert_cmpuint (counts.received, >=, 1);
  g_assert_cmpuint (counts.replies, ==, 0);
  suggestion = liaison_test_get_suggestion (hq.store, hq_id);
  g_assert_cmpint (suggestion->status, ==, LIAISON_LOOP_STATUS_TAKEN_UP);
  g_assert_cmpuint (suggestion->round, ==, 2);
  g_assert_true (suggestion->reopened);
  g_assert_false (g_date_valid (&suggestion->due_date));
  g_clear_pointer (&suggestion, liaison_suggestion_free);
  g_assert_true (in_loop_list (&hq, LIAISON_LOOP_LIST_TO_REFER, uuid));
  g_assert_true (in_loop_list (&hq, LIAISON_LOOP_LIST_UNSATISFIED, uuid));
  state = loop_state (&hq, hq_id);
  g_assert_cmpstr (liaison_loop_state_describe (state), ==, "Reopened, awaiting referral");
  g_clear_pointer (&state, liaison_loop_state_free);

  /* 5. Referred again, to another unit, and replied again (with an
   * attachment); the reply reaches A; A rates it satisfied; headquarters
   * closes it. */
  g_free (refer (fixture, &hq, hq_id, SECOND_UNIT, NULL, &due2));
  g_assert_false (in_loop_list (&hq, LIAISON_LOOP_LIST_TO_REFER, uuid));
  g_free (reply (fixture, &hq, hq_id, SECOND_UNIT,
                 "排水管网已全部疏通并加装雨水篦子，经回访近期降雨未再积水。", TRUE));
  g_free (supervise (fixture, &hq, hq_id, FALSE));
  g_assert_false (in_loop_list (&hq, LIAISON_LOOP_LIST_KEY_SUPERVISION, uuid));
  /* Not sent yet: A has the move's name for the letter, not the letter. */
  g_assert_cmpuint (liaison_test_replica_unsynced (&hq), ==, 3);
  counts = sync_ok (&hq);
  g_assert_cmpuint (counts.sent, ==, 3);
  g_assert_cmpuint (counts.attachments_sent, ==, 1);
  counts = sync_ok (&a);
  g_assert_cmpuint (counts.replies, ==, 1);
  g_assert_cmpuint (counts.attachments_received, ==, 1);
  {
    g_autofree char *sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, LETTER_TEXT, -1);
    g_autofree char *path = liaison_store_get_attachment_path (a.store, sha);
    g_autofree char *contents = NULL;
    g_autoptr(GPtrArray) missing = liaison_store_list_missing_attachments (a.store, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (missing->len, ==, 0);
    g_assert_nonnull (path);
    g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
    g_assert_cmpstr (contents, ==, LETTER_TEXT);
  }
  /* Nothing more to send or fetch. */
  counts = sync_ok (&hq);
  g_assert_cmpuint (counts.attachments_sent, ==, 0);
  counts = sync_ok (&a);
  g_assert_cmpuint (counts.attachments_received, ==, 0);
  suggestion = liaison_test_get_suggestion (a.store, a_id);
  g_assert_cmpint (suggestion->status, ==, LIAISON_LOOP_STATUS_REPLIED);
  g_assert_cmpuint (suggestion->round, ==, 2);
  g_assert_true (suggestion->reply_unseen);
  g_clear_pointer (&suggestion, liaison_suggestion_free);

  g_free (rate (fixture, &a, a_id, LIAISON_LOOP_RATING_SATISFIED));
  g_assert_false (in_loop_list (&a, LIAISON_LOOP_LIST_TELL_CITIZEN, uuid));
  sync_ok (&a);
  sync_ok (&hq);
  g_assert_false (in_loop_list (&hq, LIAISON_LOOP_LIST_UNSATISFIED, uuid));
  g_free (simple_move (fixture, &hq, hq_id, LIAISON_LOOP_MOVE_CLOSE, LIAISON_LOOP_ROLE_HQ, HQ_ACTOR));
  counts = sync_ok (&hq);
  g_assert_cmpuint (counts.sent, ==, 1);
  counts = sync_ok (&a);
  g_assert_cmpuint (counts.replies, ==, 0);

  /* The same timeline at both ends, in the same order, with nothing
   * rejected, and the same state: closed after two rounds. */
  timeline = assert_same_timeline (&a, &hq, uuid);
  assert_moves (timeline, expected, G_N_ELEMENTS (expected));
  g_assert_cmpstr (((LiaisonLoopEvent *) g_ptr_array_index (timeline, 2))->uuid, ==, first_refer);
  state = loop_state (&a, a_id);
  g_assert_cmpint (state->status, ==, LIAISON_LOOP_STATUS_CLOSED);
  g_assert_cmpuint (state->round, ==, 2);
  g_assert_cmpuint (state->n_replies, ==, 2);
  g_assert_cmpuint (state->n_late_replies, ==, 0);
  g_assert_cmpuint (state->n_unsatisfied, ==, 1);
  g_assert_cmpint (state->last_rating, ==, LIAISON_LOOP_RATING_SATISFIED);
  g_assert_cmpuint (state->rejected->len, ==, 0);
  g_assert_cmpuint (state->n_events, ==, G_N_ELEMENTS (expected));
  g_clear_pointer (&state, liaison_loop_state_free);
  suggestion = liaison_test_get_suggestion (hq.store, hq_id);
  g_assert_cmpint (suggestion->status, ==, LIAISON_LOOP_STATUS_CLOSED);
  g_assert_false (suggestion->reopened);
  g_clear_pointer (&suggestion, liaison_suggestion_free);
  g_assert_cmpint (count_events (&a), ==, (gint64) G_N_ELEMENTS (expected) - 1);
  g_assert_cmpint (count_events (&hq), ==, (gint64) G_N_ELEMENTS (expected) - 1);

  /* Nothing more to move either way. */
  counts = sync_ok (&a);
  g_assert_cmpuint (counts.sent + counts.received, ==, 0);
  counts = sync_ok (&hq);
  g_assert_cmpuint (counts.sent + counts.received, ==, 0);

  /* Station B never saw any of it. */
  sync_ok (&b);
  g_assert_cmpint (liaison_test_count_rows (b.store, "suggestions"), ==, 0);
  g_assert_cmpint (count_events (&b), ==, 0);
  g_assert_cmpint (find_suggestion (&b, uuid), ==, 0);
  g_assert_cmpint (liaison_test_count_rows (b.store, "attachments"), ==, 0);

  /* The figures at headquarters, today and over the suggestion's own day. */
  {
    GDate registered;

    liaison_date_set_today (&today);
    state = loop_state (&hq, hq_id);
    registered = state->registered_on;
    g_clear_pointer (&state, liaison_loop_state_free);

    g_assert_true (liaison_store_compute_figures (hq.store, &registered, &registered, &today, &figures, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (figures.collected, ==, 1);
    g_assert_cmpuint (figures.withdrawn, ==, 0);
    g_assert_cmpuint (figures.resolved, ==, 1);
    g_assert_cmpuint (figures.rated, ==, 1);
    g_assert_cmpuint (figures.satisfied, ==, 1);
    g_assert_cmpuint (figures.basically_satisfied, ==, 0);
    g_assert_cmpuint (figures.replied, ==, 1);
    g_assert_cmpuint (figures.replied_in_time, ==, 1);
    g_assert_cmpuint (figures.overdue, ==, 0);
    g_assert_cmpuint (figures.key_supervision, ==, 0);
    g_assert_cmpuint (figures.unsatisfied_open, ==, 0);
    {
      g_autofree char *satisfaction = liaison_figures_format_rate (figures.satisfied + figures.basically_satisfied,
                                                                   figures.rated);
      g_autofree char *resolution = liaison_figures_format_rate (figures.resolved,
                                                                 figures.collected - figures.withdrawn);

      g_assert_cmpstr (satisfaction, ==, "100.0%");
      g_assert_cmpstr (resolution, ==, "100.0%");
    }

    /* A period before it: nothing collected, and no rate is 0%. */
    g_date_subtract_days (&registered, 1);
    g_assert_true (liaison_store_compute_figures (hq.store, NULL, &registered, &today, &figures, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (figures.collected, ==, 0);
    g_assert_cmpuint (figures.replied, ==, 0);
  }

  /* A closed suggestion takes no more moves, at either end. */
  {
    g_autoptr(LiaisonLoopEvent) late = event_new (fixture, LIAISON_LOOP_MOVE_RATE, LIAISON_LOOP_ROLE_STATION,
                                                  STATION_ACTOR);

    late->rating = LIAISON_LOOP_RATING_UNSATISFIED;
    late->asked = LIAISON_LOOP_ASKED_PHONE;
    late->rated_by = g_strdup (STATION_ACTOR);
    g_assert_false (liaison_store_add_suggestion_event (a.store, a_id, late, &error));
    g_assert_error (error, LIAISON_LOOP_ERROR, LIAISON_LOOP_ERROR_STATE);
    g_clear_error (&error);
    g_assert_cmpuint (liaison_test_replica_unsynced (&a), ==, 0);
  }

  liaison_test_replica_clear (&a);
  liaison_test_replica_clear (&b);
  liaison_test_replica_clear (&hq);
}

/* A withdraws while headquarters, not yet synced, refers the same item. */
static void
test_concurrent_moves (Fixture       *fixture,
                       gconstpointer  data)
{
  Replica a, hq;
  g_autofree char *uuid = NULL;
  g_autofree char *withdraw_uuid = NULL;
  g_autofree char *refer_uuid = NULL;
  g_autofree char *reply_uuid = NULL;
  g_autoptr(GPtrArray) timeline = NULL;
  g_autoptr(LiaisonSuggestion) suggestion = NULL;
  LiaisonSyncCounts counts;
  GDate due;
  gint64 a_id, hq_id;

  a = liaison_test_replica_new_synced_station (&fixture->hq, "a.db", STATION_A);
  a_id = log_suggestion (fixture, &a, "关于增设东山路减速带的建议");
  uuid = suggestion_uuid (&a, a_id);
  g_free (take_up (fixture, &a, a_id, "李娜"));
  sync_ok (&a);
  hq = hq_replica_new (fixture, "hq.db");
  sync_ok (&hq);
  hq_id = find_suggestion (&hq, uuid);
  g_assert_cmpint (hq_id, >, 0);

  /* Both moves are legal where they are made. The withdrawal is the
   * earlier of the two. */
  withdraw_uuid = withdraw (fixture, &a, a_id);
  refer_uuid = refer (fixture, &hq, hq_id, LEAD_UNIT, NULL, &due);
  reply_uuid = reply (fixture, &hq, hq_id, LEAD_UNIT, "已安排施工单位增设减速带。", FALSE);
  suggestion = liaison_test_get_suggestion (hq.store, hq_id);
  g_assert_cmpint (suggestion->status, ==, LIAISON_LOOP_STATUS_REPLIED);
  g_clear_pointer (&suggestion, liaison_suggestion_free);

  /* Headquarters pushes first, then the station: the server keeps both. */
  counts = sync_ok (&hq);
  g_assert_cmpuint (counts.sent, ==, 2);
  counts = sync_ok (&a);
  g_assert_cmpuint (counts.sent, ==, 1);
  g_assert_cmpuint (counts.received, >=, 2);
  /* A reply that lost to the withdrawal is no news for the clerk: no
   * toast, no badge. */
  g_assert_cmpuint (counts.replies, ==, 0);
  g_assert_cmpuint (liaison_store_count_unseen_replies (a.store, NULL), ==, 0);
  counts = sync_ok (&hq);
  g_assert_cmpuint (counts.received, >=, 1);

  /* Both ends keep all four events, replay them to "withdrawn", and name
   * the referral as the one not applied. */
  timeline = assert_same_timeline (&a, &hq, uuid);
  {
    const LiaisonLoopMove expected[] = {
      LIAISON_LOOP_MOVE_REGISTER, LIAISON_LOOP_MOVE_TAKE_UP, LIAISON_LOOP_MOVE_WITHDRAW, LIAISON_LOOP_MOVE_REFER,
      LIAISON_LOOP_MOVE_REPLY,
    };
    Replica *replicas[] = { &a, &hq };

    assert_moves (timeline, expected, G_N_ELEMENTS (expected));
    for (guint i = 0; i < G_N_ELEMENTS (replicas); i++)
      {
        gint64 id = find_suggestion (replicas[i], uuid);
        g_autoptr(LiaisonLoopState) state = loop_state (replicas[i], id);

        g_assert_cmpint (state->status, ==, LIAISON_LOOP_STATUS_WITHDRAWN);
        g_assert_cmpuint (state->rejected->len, ==, 2);
        g_assert_cmpstr (g_ptr_array_index (state->rejected, 0), ==, refer_uuid);
        g_assert_cmpstr (g_ptr_array_index (state->rejected, 1), ==, reply_uuid);
        g_assert_null (state->lead_unit_uuid);
        g_assert_cmpint (count_events (replicas[i]), ==, 4);

        /* The cached columns agree with the replay. */
        suggestion = liaison_test_get_suggestion (replicas[i]->store, id);
        g_assert_cmpint (suggestion->status, ==, LIAISON_LOOP_STATUS_WITHDRAWN);
        g_assert_false (g_date_valid (&suggestion->due_date));
        g_clear_pointer (&suggestion, liaison_suggestion_free);
        g_assert_false (in_loop_list (replicas[i], LIAISON_LOOP_LIST_OVERDUE, uuid));
        g_assert_false (in_loop_list (replicas[i], LIAISON_LOOP_LIST_DUE_SOON, uuid));
      }
  }

  counts = sync_ok (&a);
  g_assert_cmpuint (counts.sent + counts.received, ==, 0);
  counts = sync_ok (&hq);
  g_assert_cmpuint (counts.sent + counts.received, ==, 0);

  liaison_test_replica_clear (&a);
  liaison_test_replica_clear (&hq);
}

static gint64
count_distinct_events (Replica *replica)
{
  return liaison_test_query_int (replica->store, "SELECT count(DISTINCT uuid) FROM suggestion_events");
}

static void
test_cut_connection (Fixture       *fixture,
                     gconstpointer  data)
{
  /* More than two pull pages: the engine reads the next page while it
   * writes one, so a server killed once the first page is written must
   * still have a page left to send. */
  const guint n = 800;
  const guint n_withdrawn = 500;
  const gint64 n_events = n + n_withdrawn;
  Replica a, hq;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  LiaisonSyncCounts counts;

  a = liaison_test_replica_new_synced_station (&fixture->hq, "a.db", STATION_A);
  g_assert_true (liaison_store_begin (a.store, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *title = g_strdup_printf ("关于第%u处路灯不亮问题的建议", i + 1);
      gint64 id = log_suggestion (fixture, &a, title);

      g_array_append_val (ids, id);
    }
  g_assert_true (liaison_store_commit (a.store, &error));
  g_assert_no_error (error);
  sync_ok (&a);

  /* More events than one push batch: every one taken up, most withdrawn. */
  g_assert_true (liaison_store_begin (a.store, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    g_free (take_up (fixture, &a, g_array_index (ids, gint64, i), "张伟"));
  for (guint i = 0; i < n_withdrawn; i++)
    g_free (withdraw (fixture, &a, g_array_index (ids, gint64, i)));
  g_assert_true (liaison_store_commit (a.store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_events (&a), ==, n_events);
  g_assert_cmpuint (liaison_test_replica_unsynced (&a), ==, n_events);

  /* Mid-push: killed after the first batch was acknowledged. */
  liaison_test_hq_sync_until_killed (&fixture->hq, a.engine, "sent");
  g_assert_cmpuint (liaison_test_replica_unsynced (&a), >, 0);
  g_assert_cmpuint (liaison_test_replica_unsynced (&a), <, n_events);
  sync_ok (&a);
  g_assert_cmpint (count_events (&a), ==, n_events);
  g_assert_cmpint (count_distinct_events (&a), ==, n_events);

  /* Mid-pull: a headquarters desktop pulling them all. */
  hq = hq_replica_new (fixture, "hq.db");
  liaison_test_hq_sync_until_killed (&fixture->hq, hq.engine, "received");
  g_assert_cmpint (count_events (&hq), <, n_events);
  sync_ok (&hq);
  g_assert_cmpint (count_events (&hq), ==, n_events);
  g_assert_cmpint (count_distinct_events (&hq), ==, n_events);
  g_assert_cmpint (liaison_test_count_rows (hq.store, "suggestions"), ==, n);
  g_assert_cmpuint (count_loop (&hq, LIAISON_LOOP_LIST_TO_REFER), ==, n - n_withdrawn);

  /* The same states at both ends, first and last of each kind. */
  {
    const guint samples[] = { 0, n_withdrawn - 1, n_withdrawn, n - 1 };

    for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
      {
        g_autofree char *uuid = suggestion_uuid (&a, g_array_index (ids, gint64, samples[i]));
        g_autoptr(GPtrArray) timeline = assert_same_timeline (&a, &hq, uuid);

        g_assert_cmpuint (timeline->len, ==, samples[i] < n_withdrawn ? 3 : 2);
      }
  }

  /* The pushed events and the pulled ones were all kept once at the
   * server too: nothing left to move, and the station gets none back. */
  counts = sync_ok (&a);
  g_assert_cmpuint (counts.sent + counts.received, ==, 0);
  counts = sync_ok (&hq);
  g_assert_cmpuint (counts.sent + counts.received, ==, 0);
  g_assert_cmpint (count_events (&a), ==, n_events);

  liaison_test_replica_clear (&a);
  liaison_test_replica_clear (&hq);
}

/* Puts @length bytes of @data at the server as the start of the file
 * @sha256 of @total bytes: what an upload cut off by a lost line leaves. */
static void
put_first_part (Fixture    *fixture,
                Replica    *replica,
                const char *sha256,
                const char *data,
                gsize       length,
                gsize       total)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *url = g_strconcat (fixture->hq.url, "/v1/attachments/", sha256, NULL);
  g_autoptr(SoupMessage) message = soup_message_new (SOUP_METHOD_PUT, url);
  g_autofree char *server_id = liaison_store_get_server_id (replica->store);
  g_autofree char *token = NULL;
  g_autofree char *bearer = NULL;
  g_autofree char *range = g_strdup_printf ("bytes 0-%" G_GSIZE_FORMAT "/%" G_GSIZE_FORMAT, length - 1, total);
  g_autoptr(GBytes) body = g_bytes_new (data, length);
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GError) error = NULL;
  SoupMessageHeaders *headers = soup_message_get_request_headers (message);

  token = liaison_token_store_load (server_id, liaison_store_get_path (replica->store), &error);
  g_assert_no_error (error);
  bearer = g_strconcat ("Bearer ", token, NULL);
  soup_message_headers_replace (headers, "Authorization", bearer);
  soup_message_headers_replace (headers, LIAISON_PROTOCOL_HEADER, "1");
  soup_message_headers_replace (headers, "Content-Range", range);
  soup_message_set_request_body_from_bytes (message, "application/octet-stream", body);
  answer = soup_session_send_and_read (session, message, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (message), ==, SOUP_STATUS_ACCEPTED);
}

/* How many PUTs of @sha256 the server answered with @status. */
static guint
count_puts (Fixture    *fixture,
            const char *sha256,
            guint       status)
{
  g_autofree char *log = NULL;
  g_autofree char *needle = g_strdup_printf ("method=PUT path=/v1/attachments/%s status=%u ", sha256, status);
  g_autoptr(GError) error = NULL;
  guint n = 0;

  g_assert_true (g_file_get_contents (fixture->hq.log_path, &log, NULL, &error));
  g_assert_no_error (error);
  for (const char *at = strstr (log, needle); at != NULL; at = strstr (at + 1, needle))
    n++;
  return n;
}

/* A reply's files and a cut line: the reply is not sent before its files;
 * an upload cut off part way resumes where it stopped; a kept part that
 * is not the file's is dropped and the whole file sent; the station gets
 * the very bytes. */
static void
test_attachments_cut (Fixture       *fixture,
                      gconstpointer  data)
{
  const gsize size = 3 * 1024 * 1024;
  const gsize part = 1024 * 1024;
  Replica a, hq;
  g_autoptr(GError) error = NULL;
  g_autofree char *letter = g_malloc (size);
  g_autofree char *photo = g_malloc (size);
  g_autofree char *letter_path = g_build_filename (fixture->hq.dir, "答复函.pdf", NULL);
  g_autofree char *photo_path = g_build_filename (fixture->hq.dir, "现场照片.jpg", NULL);
  g_autofree char *letter_sha = NULL;
  g_autofree char *photo_sha = NULL;
  g_autofree char *wrong = g_strnfill (part, 'x');
  LiaisonLoopEvent *event;
  LiaisonSyncCounts counts;
  gint64 a_id, hq_id;
  GDate due;

  for (gsize i = 0; i < size; i++)
    {
      letter[i] = (char) (i * 7 + i / 4096);
      photo[i] = (char) (i * 13 + 1);
    }
  g_assert_true (g_file_set_contents (letter_path, letter, (gssize) size, &error));
  g_assert_true (g_file_set_contents (photo_path, photo, (gssize) size, &error));
  g_assert_no_error (error);

  a = liaison_test_replica_new_synced_station (&fixture->hq, "a.db", STATION_A);
  a_id = log_suggestion (fixture, &a, "关于修缮老旧小区屋面防水的建议");
  g_free (take_up (fixture, &a, a_id, "张伟"));
  sync_ok (&a);
  hq = hq_replica_new (fixture, "hq.db");
  sync_ok (&hq);
  {
    g_autofree char *uuid = suggestion_uuid (&a, a_id);

    hq_id = find_suggestion (&hq, uuid);
  }
  g_free (refer (fixture, &hq, hq_id, LEAD_UNIT, NULL, &due));

  event = event_new (fixture, LIAISON_LOOP_MOVE_REPLY, LIAISON_LOOP_ROLE_HQ, HQ_ACTOR);
  event->reply_text = g_strdup ("已列入年度维修计划，本月底前完成屋面防水施工。");
  event->replying_unit_uuid = unit_uuid (&hq, LEAD_UNIT);
  liaison_test_local_day (event->at, &event->reply_date);
  letter_sha = liaison_store_add_attachment (hq.store, letter_path, &error);
  g_assert_no_error (error);
  photo_sha = liaison_store_add_attachment (hq.store, photo_path, &error);
  g_assert_no_error (error);
  event->attachments = g_new0 (char *, 3);
  event->attachments[0] = g_strdup (letter_sha);
  event->attachments[1] = g_strdup (photo_sha);
  event->attachment_names = g_strsplit ("答复函.pdf|现场照片.jpg", "|", -1);
  g_free (add_event (&hq, hq_id, event));

  /* The line was cut during the uploads: the letter's first megabyte
   * arrived; what arrived of the photo is not the photo. */
  put_first_part (fixture, &hq, letter_sha, letter, part, size);
  put_first_part (fixture, &hq, photo_sha, wrong, part, size);

  /* The server is down: nothing is sent, and the reply waits for its files. */
  liaison_test_hq_stop (&fixture->hq);
  g_assert_false (liaison_test_sync (hq.engine, &counts, &error));
  g_assert_error (error, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_NETWORK);
  g_clear_error (&error);
  g_assert_cmpuint (liaison_test_replica_unsynced (&hq), ==, 2);
  liaison_test_hq_start (&fixture->hq);

  counts = sync_ok (&hq);
  g_assert_cmpuint (counts.attachments_sent, ==, 2);
  g_assert_cmpuint (counts.sent, ==, 2);
  /* The letter: one resumed PUT. The photo: the resumed PUT refused for
   * its hash, then the whole file. */
  g_assert_cmpuint (count_puts (fixture, letter_sha, 201), ==, 1);
  g_assert_cmpuint (count_puts (fixture, letter_sha, 400), ==, 0);
  g_assert_cmpuint (count_puts (fixture, photo_sha, 400), ==, 1);
  g_assert_cmpuint (count_puts (fixture, photo_sha, 201), ==, 1);
  {
    g_autoptr(GPtrArray) left = liaison_store_list_attachments_to_send (hq.store, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (left->len, ==, 0);
  }

  counts = sync_ok (&a);
  g_assert_cmpuint (counts.replies, ==, 1);
  g_assert_cmpuint (counts.attachments_received, ==, 2);
  {
    const char *const shas[] = { letter_sha, photo_sha };
    const char *const bytes[] = { letter, photo };

    for (guint i = 0; i < G_N_ELEMENTS (shas); i++)
      {
        g_autofree char *path = liaison_store_get_attachment_path (a.store, shas[i]);
        g_autofree char *contents = NULL;
        gsize length = 0;

        g_assert_nonnull (path);
        g_assert_true (g_file_get_contents (path, &contents, &length, &error));
        g_assert_no_error (error);
        g_assert_cmpmem (contents, length, bytes[i], size);
      }
  }
  g_assert_cmpint (liaison_test_count_rows (a.store, "attachments"), ==, 2);

  liaison_test_replica_clear (&a);
  liaison_test_replica_clear (&hq);
}

/* Pushes @records as @replica's engine would, and drops the answer, as a
 * connection cut after the server wrote them would; returns the statuses,
 * comma-separated. */
static char *
push_and_lose_answer (Fixture   *fixture,
                      Replica   *replica,
                      GPtrArray *records)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(SoupMessage) message = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(JsonNode) body = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(JsonNode) results = NULL;
  g_autoptr(GString) statuses = g_string_new (NULL);
  g_autofree char *server_id = liaison_store_get_server_id (replica->store);
  g_autofree char *token = liaison_token_store_load (server_id, liaison_store_get_path (replica->store), &error);
  g_autofree char *bearer = NULL;
  g_autofree char *url = g_strconcat (fixture->hq.url, "/v1/push", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GBytes) request = NULL;
  JsonArray *array = json_array_new ();
  JsonArray *answered;
  gsize length;

  g_assert_no_error (error);
  g_assert_nonnull (token);
  for (guint i = 0; i < records->len; i++)
    json_array_add_object_element (array, json_object_ref (g_ptr_array_index (records, i)));
  json_object_set_int_member (object, "protocol", LIAISON_PROTOCOL_VERSION);
  json_object_set_array_member (object, "records", array);
  json_node_set_object (body, object);
  text = json_to_string (body, FALSE);
  length = strlen (text);

  message = soup_message_new (SOUP_METHOD_POST, url);
  bearer = g_strconcat ("Bearer ", token, NULL);
  soup_message_headers_replace (soup_message_get_request_headers (message), "Authorization", bearer);
  soup_message_headers_replace (soup_message_get_request_headers (message), LIAISON_PROTOCOL_HEADER,
                                G_STRINGIFY (LIAISON_PROTOCOL_VERSION));
  request = g_bytes_new_take (g_steal_pointer (&text), length);
  soup_message_set_request_body_from_bytes (message, "application/json", request);
  answer = soup_session_send_and_read (session, message, NULL, &error);
  g_assert_no_error (error);
  if (soup_message_get_status (message) != SOUP_STATUS_OK)
    g_test_message ("%.*s", (int) g_bytes_get_size (answer), (const char *) g_bytes_get_data (answer, NULL));
  g_assert_cmpuint (soup_message_get_status (message), ==, SOUP_STATUS_OK);
  results = json_from_string (g_bytes_get_data (answer, NULL), &error);
  g_assert_no_error (error);
  answered = json_object_get_array_member (json_node_get_object (results), "results");
  for (guint i = 0; i < json_array_get_length (answered); i++)
    g_string_append_printf (statuses, "%s%s", i > 0 ? "," : "",
                            json_object_get_string_member (json_array_get_object_element (answered, i), "status"));
  return g_string_free (g_steal_pointer (&statuses), FALSE);
}

/* A push whose answer was lost, then a take-up, then the push again: the
 * suggestion is the same record as the server holds (its loop status is
 * not part of it), so the server answers "duplicate" and nobody logs a
 * conflict. */
static void
test_resend_after_move (Fixture       *fixture,
                        gconstpointer  data)
{
  Replica a = liaison_test_replica_new_synced_station (&fixture->hq, "a.db", STATION_A);
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *statuses = NULL;
  g_autofree char *uuid = NULL;
  LiaisonSyncCounts counts;
  gint64 id;

  id = log_suggestion (fixture, &a, "关于修复东山路井盖的建议");
  uuid = suggestion_uuid (&a, id);
  records = liaison_store_collect_pending (a.store, 100, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 1);
  statuses = push_and_lose_answer (fixture, &a, records);
  g_assert_cmpstr (statuses, ==, "applied");
  g_assert_cmpuint (liaison_test_replica_unsynced (&a), ==, 1);

  /* Offline, a deputy takes it up: its cached status changes. */
  g_free (take_up (fixture, &a, id, "张伟"));
  {
    g_autoptr(LiaisonLoopState) state = loop_state (&a, id);

    g_assert_cmpint (state->status, ==, LIAISON_LOOP_STATUS_TAKEN_UP);
  }

  counts = sync_ok (&a);
  g_assert_cmpuint (counts.conflicts, ==, 0);
  g_assert_cmpuint (counts.sent, ==, 2);
  conflicts = liaison_store_list_conflicts (a.store, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 0);
  {
    g_autoptr(LiaisonSuggestion) suggestion = liaison_test_get_suggestion (a.store, id);

    g_assert_cmpint (suggestion->meta.version, ==, 1);
    g_assert_cmpint (suggestion->meta.sync_state, ==, LIAISON_SYNC_STATE_SYNCED);
  }
  liaison_test_replica_clear (&a);
}

/* Headquarters' holiday list and time limits reach a station. */
static void
test_rules (Fixture       *fixture,
            gconstpointer  data)
{
  Replica a, hq;
  g_autoptr(LiaisonLoopRules) rules = NULL;
  g_autoptr(LiaisonLoopRules) at_a = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  LiaisonSyncCounts counts;
  GDate friday, due, expected;

  a = liaison_test_replica_new_synced_station (&fixture->hq, "a.db", STATION_A);
  hq = hq_replica_new (fixture, "hq.db");
  sync_ok (&hq);

  /* Before any rules reach it: the State Council's list that ships with
   * the program, not weekends alone. Referred on Friday 2025-09-26, due 15
   * working days later past the eight days off, Thursday 2025-10-23 (with
   * weekends alone it would be Friday 2025-10-17). */
  g_date_clear (&friday, 1);
  g_date_set_dmy (&friday, 26, G_DATE_SEPTEMBER, 2025);
  liaison_store_default_due_date (a.store, LIAISON_LOOP_KIND_PUBLIC_OPINION, &friday, &due);
  g_date_clear (&expected, 1);
  g_date_set_dmy (&expected, 23, G_DATE_OCTOBER, 2025);
  g_assert_cmpint (g_date_compare (&due, &expected), ==, 0);

  /* A station cannot set them. */
  rules = liaison_loop_rules_new ();
  g_assert_false (liaison_store_set_loop_rules (a.store, rules, &error));
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (liaison_test_replica_unsynced (&a), ==, 0);
  g_clear_pointer (&rules, liaison_loop_rules_free);

  /* Headquarters sets the 2025 National Day list. */
  rules = liaison_loop_rules_new ();
  liaison_calendar_free (rules->calendar);
  rules->calendar = liaison_calendar_parse ("# 2025 National Day and Mid-Autumn\n"
                                            "2025-09-28,workday\n"
                                            "2025-10-01,holiday,National Day\n"
                                            "2025-10-02,holiday\n"
                                            "2025-10-03,holiday\n"
                                            "2025-10-06,holiday\n"
                                            "2025-10-07,holiday\n"
                                            "2025-10-08,holiday\n"
                                            "2025-10-11,workday\n",
                                            &error);
  g_assert_no_error (error);
  g_assert_true (liaison_store_set_loop_rules (hq.store, rules, &error));
  g_assert_no_error (error);
  counts = sync_ok (&hq);
  g_assert_cmpuint (counts.sent, ==, 1);
  counts = sync_ok (&a);
  g_assert_cmpuint (counts.received, ==, 1);

  /* A has them, and its due dates follow: Thursday 2025-10-23. */
  at_a = liaison_store_get_loop_rules (a.store, &error);
  g_assert_no_error (error);
  text = liaison_calendar_to_text (at_a->calendar);
  {
    g_autofree char *sent = liaison_calendar_to_text (rules->calendar);

    g_assert_cmpstr (text, ==, sent);
  }
  g_assert_cmpuint (at_a->limits[LIAISON_LOOP_KIND_PUBLIC_OPINION].working_days, ==, 15);
  g_assert_cmpuint (at_a->limits[LIAISON_LOOP_KIND_DEPUTY_SUGGESTION].months, ==, 3);
  liaison_store_default_due_date (a.store, LIAISON_LOOP_KIND_PUBLIC_OPINION, &friday, &due);
  g_date_set_dmy (&expected, 23, G_DATE_OCTOBER, 2025);
  g_assert_cmpint (g_date_compare (&due, &expected), ==, 0);
  g_clear_pointer (&at_a, liaison_loop_rules_free);

  /* Then a shorter limit, 10 working days: due Thursday 2025-10-16. */
  rules->limits[LIAISON_LOOP_KIND_PUBLIC_OPINION].working_days = 10;
  g_assert_true (liaison_store_set_loop_rules (hq.store, rules, &error));
  g_assert_no_error (error);
  sync_ok (&hq);
  counts = sync_ok (&a);
  g_assert_cmpuint (counts.received, ==, 1);
  liaison_store_default_due_date (a.store, LIAISON_LOOP_KIND_PUBLIC_OPINION, &friday, &due);
  g_date_set_dmy (&expected, 16, G_DATE_OCTOBER, 2025);
  g_assert_cmpint (g_date_compare (&due, &expected), ==, 0);

  /* A limit of nothing is refused. */
  rules->limits[LIAISON_LOOP_KIND_PUBLIC_OPINION].working_days = 0;
  rules->limits[LIAISON_LOOP_KIND_PUBLIC_OPINION].months = 0;
  g_assert_false (liaison_store_set_loop_rules (hq.store, rules, &error));
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID);
  g_clear_error (&error);

  liaison_test_replica_clear (&a);
  liaison_test_replica_clear (&hq);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *config = NULL;
  int status;

  /* Local dates are UTC dates here, for the server and the stores alike. */
  g_setenv ("TZ", "UTC", TRUE);
  /* Keys go to a file in a folder of our own, never a real keyring. */
  config = liaison_test_private_keys ("liaison-loop-sync-config-XXXXXX");
  g_setenv ("LANGUAGE", "C", TRUE);

  g_test_init (&argc, &argv, NULL);

  g_test_add ("/loop-sync/closed-loop", Fixture, NULL, fixture_set_up, test_closed_loop, fixture_tear_down);
  g_test_add ("/loop-sync/concurrent-moves", Fixture, NULL, fixture_set_up, test_concurrent_moves, fixture_tear_down);
  g_test_add ("/loop-sync/cut-connection", Fixture, NULL, fixture_set_up, test_cut_connection, fixture_tear_down);
  g_test_add ("/loop-sync/attachments-cut", Fixture, NULL, fixture_set_up, test_attachments_cut, fixture_tear_down);
  g_test_add ("/loop-sync/rules", Fixture, NULL, fixture_set_up, test_rules, fixture_tear_down);
  g_test_add ("/loop-sync/resend-after-move", Fixture, NULL, fixture_set_up, test_resend_after_move,
              fixture_tear_down);

  status = g_test_run ();
  liaison_test_remove_tree (config);
  return status;
}
