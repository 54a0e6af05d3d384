/* test-duty-store.c: the duty record in a real station store: activities
 * and attendance saved and read back, refused writes, the duty roster, the
 * upgrade of a schema 8 file, and a deputy's items gathered from a small
 * hand-made store and scored by the points engine. */
#define G_LOG_DOMAIN "test-duty-store"

#include "config.h"

#include <glib.h>
#include <sqlite3.h>
#include <string.h>

#include "liaison-loop-wire.h"
#include "liaison-points.h"
#include "liaison-store-duty.h"
#include "liaison-store-loop.h"
#include "liaison-store-private.h"
#include "liaison-store-sync.h"
#include "liaison-test-awkward.h"
#include "liaison-test-duty.h"
#include "liaison-test-util.h"

#define LEAD_UNIT "a0000000-0000-4000-8000-000000000001"

typedef LiaisonTestDutyStation Fixture;

/* Activities */

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(LiaisonActivity) activity = liaison_test_activity_new (LIAISON_ACTIVITY_RESEARCH, "“十五五”规划编制专题调研",
                                                                   "2025-03-30");
  g_autoptr(LiaisonActivity) loaded = NULL;
  g_autoptr(LiaisonActivity) again = NULL;
  g_autoptr(GError) error = NULL;

  /* Every field, awkward text included; the end date crosses a quarter. */
  activity->end_date = g_strdup ("2025-04-02");
  activity->place = g_strdup ("濉溪县 & 烈山区 <两地>");
  activity->organiser = g_strdup ("市人大常委会研究室");
  activity->note = g_strdup ("第一行\n第二行\t'引号' \"双引号\" 😀");
  activity->correction_reason = g_strdup ("补录漏记的代表");
  activity->corrected_by = g_strdup ("代表工委 陈静");
  activity->corrected_at = g_strdup ("2025-04-10T02:00:00Z");
  liaison_test_attend (activity, f->wang, LIAISON_ATTENDANCE_ABSENT);
  liaison_test_attend (activity, f->zhang, LIAISON_ATTENDANCE_ATTENDED);
  liaison_test_attend (activity, f->li, LIAISON_ATTENDANCE_LEAVE);

  liaison_test_set_sync_role (f->store, "hq");
  liaison_test_save_activity (f->store, activity);
  g_assert_cmpint (activity->meta.id, >, 0);
  g_assert_true (g_uuid_string_is_valid (activity->meta.uuid));
  g_assert_cmpint (activity->meta.version, ==, 1);
  g_assert_cmpint (activity->meta.sync_state, ==, LIAISON_SYNC_STATE_PENDING);

  /* Read back from a reopened file: nothing lost, attendees in order. */
  g_clear_object (&f->store);
  f->store = liaison_store_open (f->path, &error);
  g_assert_no_error (error);
  loaded = liaison_store_get_activity (f->store, activity->meta.uuid, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  g_assert_cmpint (loaded->meta.id, ==, activity->meta.id);
  g_assert_cmpint (loaded->meta.version, ==, 1);
  g_assert_cmpstr (loaded->meta.origin_station_uuid, ==, f->station_uuid);
  g_assert_cmpint (loaded->kind, ==, LIAISON_ACTIVITY_RESEARCH);
  g_assert_cmpstr (loaded->title, ==, activity->title);
  g_assert_cmpstr (loaded->date, ==, "2025-03-30");
  g_assert_cmpstr (loaded->end_date, ==, "2025-04-02");
  g_assert_cmpstr (loaded->place, ==, activity->place);
  g_assert_cmpstr (loaded->organiser, ==, activity->organiser);
  g_assert_cmpstr (loaded->note, ==, activity->note);
  g_assert_cmpstr (loaded->correction_reason, ==, activity->correction_reason);
  g_assert_cmpstr (loaded->corrected_by, ==, activity->corrected_by);
  g_assert_cmpstr (loaded->corrected_at, ==, activity->corrected_at);
  g_assert_cmpuint (loaded->attendees->len, ==, 3);
  {
    const char *uuids[] = { f->wang, f->zhang, f->li };
    const char *names[] = { "王建国", "张伟", "李秀兰" };
    LiaisonAttendance attendances[] = { LIAISON_ATTENDANCE_ABSENT, LIAISON_ATTENDANCE_ATTENDED,
                                        LIAISON_ATTENDANCE_LEAVE };

    for (guint i = 0; i < 3; i++)
      {
        const LiaisonAttendee *attendee = g_ptr_array_index (loaded->attendees, i);

        g_assert_cmpstr (attendee->deputy_uuid, ==, uuids[i]);
        g_assert_cmpstr (attendee->deputy_name, ==, names[i]);
        g_assert_cmpint (attendee->attendance, ==, attendances[i]);
      }
  }

  /* Opened and saved unchanged: the same record, a new version. */
  liaison_test_save_activity (f->store, loaded);
  g_assert_cmpint (loaded->meta.version, ==, 2);
  again = liaison_store_get_activity (f->store, activity->meta.uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again->note, ==, activity->note);
  g_assert_cmpstr (again->corrected_at, ==, activity->corrected_at);
  g_assert_cmpuint (again->attendees->len, ==, 3);
  g_assert_cmpint (liaison_test_count_rows (f->store, "activity_attendees"), ==, 3);

  /* A plain record of one day keeps its optional fields empty. */
  {
    g_autoptr(LiaisonActivity) plain = liaison_test_activity_new (LIAISON_ACTIVITY_STATION_DUTY, "进站接待",
                                                                  "2025-05-06");
    g_autoptr(LiaisonActivity) read = NULL;

    liaison_test_attend (plain, f->zhang, LIAISON_ATTENDANCE_ATTENDED);
    liaison_test_save_activity (f->store, plain);
    read = liaison_store_get_activity (f->store, plain->meta.uuid, &error);
    g_assert_no_error (error);
    g_assert_null (read->end_date);
    g_assert_null (read->correction_reason);
    g_assert_null (read->corrected_at);
    g_assert_cmpstr (read->place, ==, "");
  }

  /* The deputy's activities in a period, by date. */
  {
    g_autoptr(GPtrArray) all = liaison_store_list_deputy_activities (f->store, f->zhang, NULL, NULL, &error);
    g_autoptr(GPtrArray) q1 = liaison_store_list_deputy_activities (f->store, f->zhang, "2025-01-01",
                                                                    "2025-03-31", &error);
    g_autoptr(GPtrArray) q2 = liaison_store_list_deputy_activities (f->store, f->zhang, "2025-04-01",
                                                                    "2025-06-30", &error);
    g_autoptr(GPtrArray) li = liaison_store_list_deputy_activities (f->store, f->li, NULL, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (all->len, ==, 2);
    g_assert_cmpuint (q1->len, ==, 1);
    g_assert_cmpuint (q2->len, ==, 1);
    g_assert_cmpstr (((LiaisonActivity *) g_ptr_array_index (q2, 0))->title, ==, "进站接待");
    g_assert_cmpuint (li->len, ==, 1);
    g_assert_cmpuint (((LiaisonActivity *) g_ptr_array_index (li, 0))->attendees->len, ==, 3);
  }

  /* Deleted: a tombstone at a new version, gone from the lists. */
  g_assert_true (liaison_store_delete_activity (f->store, activity->meta.uuid, &error));
  g_assert_no_error (error);
  g_assert_null (liaison_store_get_activity (f->store, activity->meta.uuid, &error));
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (liaison_test_query_int (f->store,
    "SELECT count(*) FROM activities WHERE deleted = 1 AND version = 3 AND sync_state = 1"), ==, 1);
  {
    g_autoptr(GPtrArray) li = liaison_store_list_deputy_activities (f->store, f->li, NULL, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (li->len, ==, 0);
  }
}

/* Each refused save leaves the file as it was, and the record too. */
static void
assert_refused (Fixture         *f,
                LiaisonActivity *activity,
                const char      *words)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = liaison_test_database_checksum (f->path);
  g_autofree char *after = NULL;
  gint64 id = activity->meta.id;
  gint64 version = activity->meta.version;

  g_assert_false (liaison_store_save_activity (f->store, activity, &error));
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID);
  g_test_message ("refused: %s", error->message);
  if (words != NULL)
    g_assert_nonnull (strstr (error->message, words));
  after = liaison_test_database_checksum (f->path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (activity->meta.id, ==, id);
  g_assert_cmpint (activity->meta.version, ==, version);
}

static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(LiaisonActivity) good = liaison_test_activity_new (LIAISON_ACTIVITY_GROUP_ACTIVITY, "代表小组集中活动",
                                                               "2025-06-03");
  g_autoptr(GError) error = NULL;
  char *title;
  char *date;

  liaison_test_attend (good, f->zhang, LIAISON_ATTENDANCE_ATTENDED);
  liaison_test_save_activity (f->store, good);
  g_assert_cmpint (liaison_test_count_rows (f->store, "activity_attendees"), ==, 1);

  /* A station desk may not record a congress session day, even as an
   * edit of its own group activity. */
  good->kind = LIAISON_ACTIVITY_CONGRESS_SESSION;
  assert_refused (f, good, NULL);
  good->kind = LIAISON_ACTIVITY_GROUP_ACTIVITY;

  title = good->title;
  good->title = g_strdup ("  ");
  assert_refused (f, good, NULL);
  g_free (good->title);
  good->title = g_strnfill (101, 'x');
  assert_refused (f, good, NULL);
  g_free (good->title);
  good->title = title;

  date = good->date;
  good->date = g_strdup ("2025-02-30");
  assert_refused (f, good, NULL);
  g_free (good->date);
  good->date = g_strdup ("2025/6/3");
  assert_refused (f, good, NULL);
  g_free (good->date);
  good->date = date;

  good->end_date = g_strdup ("2025-06-02");
  assert_refused (f, good, NULL);
  g_clear_pointer (&good->end_date, g_free);

  good->corrected_at = g_strdup ("2025-06-10T02:00:00Z");
  assert_refused (f, good, NULL);
  g_clear_pointer (&good->corrected_at, g_free);
  good->correction_reason = g_strdup ("补录");
  good->corrected_at = g_strdup ("2025-06-10 10:00");
  assert_refused (f, good, NULL);
  g_clear_pointer (&good->corrected_at, g_free);
  g_clear_pointer (&good->correction_reason, g_free);

  /* A deputy twice, or one not on the roster. */
  liaison_test_attend (good, f->zhang, LIAISON_ATTENDANCE_LEAVE);
  assert_refused (f, good, NULL);
  g_ptr_array_remove_index (good->attendees, 1);
  liaison_test_attend (good, "d0000000-0000-4000-8000-000000000099", LIAISON_ATTENDANCE_ATTENDED);
  assert_refused (f, good, NULL);
  g_ptr_array_remove_index (good->attendees, 1);

  /* The station may not delete what headquarters records: saved there. */
  {
    g_autoptr(LiaisonActivity) session = liaison_test_activity_new (LIAISON_ACTIVITY_CONGRESS_SESSION,
                                                                    "市十七届人大四次会议第一天", "2025-01-08");

    liaison_test_attend (session, f->zhang, LIAISON_ATTENDANCE_ATTENDED);
    assert_refused (f, session, "Headquarters");
    g_assert_cmpint (session->meta.id, ==, 0);
    g_assert_null (session->meta.uuid);
    liaison_test_set_sync_role (f->store, "hq");
    liaison_test_save_activity (f->store, session);
    liaison_test_set_sync_role (f->store, NULL);
    g_assert_false (liaison_store_delete_activity (f->store, session->meta.uuid, &error));
    g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_cmpint (liaison_test_query_int (f->store, "SELECT count(*) FROM activities WHERE deleted = 0"), ==, 2);
  }

  /* Still as first saved. */
  {
    g_autoptr(LiaisonActivity) read = liaison_store_get_activity (f->store, good->meta.uuid, &error);

    g_assert_no_error (error);
    g_assert_cmpint (read->meta.version, ==, 1);
    g_assert_cmpint (read->kind, ==, LIAISON_ACTIVITY_GROUP_ACTIVITY);
    g_assert_cmpuint (read->attendees->len, ==, 1);
  }
}

/* The duty roster */

static void
test_roster (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr(LiaisonStation) other = liaison_station_new ();
  g_autoptr(GPtrArray) on_duty = NULL;
  g_autoptr(GPtrArray) shifts = NULL;
  const char *const plans[][3] = {
    { NULL, "zhang", NULL },   /* today, here */
    { NULL, "li", NULL },      /* today, here */
    { "other", "wang", NULL }, /* today, elsewhere */
    { NULL, "wang", "2025-06-02" },
  };

  other->name = g_strdup ("烈山区宋疃镇代表联络点");
  other->kind = LIAISON_STATION_KIND_POINT;
  g_assert_true (liaison_store_save_station (f->store, other, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (plans); i++)
    {
      const char *deputy = g_str_equal (plans[i][1], "zhang") ? f->zhang
                           : g_str_equal (plans[i][1], "li") ? f->li : f->wang;
      g_autoptr(LiaisonDutyShift) shift = liaison_test_duty_shift_new (plans[i][0] != NULL ? other->meta.uuid : NULL, deputy,
                                                                       plans[i][2] != NULL ? plans[i][2] : today);

      shift->note = g_strdup (i == 0 ? "上午 9:00–11:30" : "");
      g_assert_true (liaison_store_save_duty_shift (f->store, shift, &error));
      g_assert_no_error (error);
      g_assert_true (g_uuid_string_is_valid (shift->meta.uuid));
      g_assert_cmpstr (shift->station_uuid, ==, plans[i][0] != NULL ? other->meta.uuid : f->station_uuid);
    }

  /* On duty today at this station: 李秀兰 and 张伟, by name; not 王建国. */
  on_duty = liaison_store_list_on_duty (f->store, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (on_duty->len, ==, 2);
  g_assert_true (g_ptr_array_find_with_equal_func (on_duty, f->zhang, g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (on_duty, f->li, g_str_equal, NULL));
  g_clear_pointer (&on_duty, g_ptr_array_unref);
  on_duty = liaison_store_list_on_duty (f->store, other->meta.uuid, today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (on_duty->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (on_duty, 0), ==, f->wang);
  g_clear_pointer (&on_duty, g_ptr_array_unref);
  on_duty = liaison_store_list_on_duty (f->store, NULL, "2025-06-02", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (on_duty->len, ==, 1);
  g_clear_pointer (&on_duty, g_ptr_array_unref);

  /* Twice the same day, a bad day, a deputy not on the roster: refused. */
  {
    g_autoptr(LiaisonDutyShift) twice = liaison_test_duty_shift_new (NULL, f->zhang, today);
    g_autoptr(LiaisonDutyShift) bad_day = liaison_test_duty_shift_new (NULL, f->zhang, "2025-13-01");
    g_autoptr(LiaisonDutyShift) stranger = liaison_test_duty_shift_new (NULL, "d0000000-0000-4000-8000-000000000099",
                                                                        today);

    g_assert_false (liaison_store_save_duty_shift (f->store, twice, &error));
    g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_false (liaison_store_save_duty_shift (f->store, bad_day, &error));
    g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_false (liaison_store_save_duty_shift (f->store, stranger, &error));
    g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_cmpint (liaison_test_count_rows (f->store, "duty_shifts"), ==, 4);
  }

  /* The roster here, by date; the note kept; a deletion is a tombstone. */
  shifts = liaison_store_list_duty_shifts (f->store, f->station_uuid, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (shifts->len, ==, 3);
  g_assert_cmpstr (((LiaisonDutyShift *) g_ptr_array_index (shifts, 0))->date, ==, "2025-06-02");
  {
    LiaisonDutyShift *zhang = NULL;

    for (guint i = 0; i < shifts->len; i++)
      if (g_str_equal (((LiaisonDutyShift *) g_ptr_array_index (shifts, i))->deputy_uuid, f->zhang))
        zhang = g_ptr_array_index (shifts, i);
    g_assert_nonnull (zhang);
    g_assert_cmpstr (zhang->note, ==, "上午 9:00–11:30");
    g_assert_true (liaison_store_delete_duty_shift (f->store, zhang->meta.uuid, &error));
    g_assert_no_error (error);
  }
  on_duty = liaison_store_list_on_duty (f->store, NULL, today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (on_duty->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (on_duty, 0), ==, f->li);
  g_assert_cmpint (liaison_test_query_int (f->store,
    "SELECT count(*) FROM duty_shifts WHERE deleted = 1 AND version = 2 AND sync_state = 1"), ==, 1);
}

/* A file of schema 8, from before the duty record, is upgraded in place:
 * its rows kept, the new tables made, an activity saved in it. */
static void
test_upgrade (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonActivity) activity = liaison_test_activity_new (LIAISON_ACTIVITY_STATION_DUTY, "进站接待",
                                                                   "2025-05-06");

  liaison_test_undo_duty_schema (f->store);
  g_assert_cmpint (liaison_store_get_schema_version (f->store), ==, 8);
  g_clear_object (&f->store);

  f->store = liaison_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (liaison_store_get_schema_version (f->store), ==, LIAISON_STORE_SCHEMA_VERSION);
  g_assert_cmpint (liaison_test_count_rows (f->store, "deputies"), ==, 3);
  g_assert_cmpint (liaison_test_query_int (f->store,
    "SELECT count(*) FROM sqlite_master WHERE name IN ('activities', 'activity_attendees', 'duty_shifts',"
    " 'activities_by_date', 'activity_attendees_by_deputy', 'duty_shifts_by_station_day',"
    " 'suggestion_events_take_ups')"), ==, 7);
  liaison_test_attend (activity, f->zhang, LIAISON_ATTENDANCE_ATTENDED);
  liaison_test_save_activity (f->store, activity);
  g_assert_cmpint (liaison_test_count_rows (f->store, "activity_attendees"), ==, 1);
}

/* The items gathered for a deputy */

static const LiaisonDutyItem *
find_item (GPtrArray           *items,
           LiaisonDutyItemKind  kind,
           guint                nth)
{
  for (guint i = 0; i < items->len; i++)
    {
      const LiaisonDutyItem *item = g_ptr_array_index (items, i);

      if (item->kind == kind && nth-- == 0)
        return item;
    }
  return NULL;
}

static void
test_gather_and_score (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(LiaisonActivity) research = liaison_test_activity_new (LIAISON_ACTIVITY_RESEARCH, "城市更新专题调研",
                                                                   "2025-07-03");
  g_autoptr(LiaisonActivity) group = liaison_test_activity_new (LIAISON_ACTIVITY_GROUP_ACTIVITY, "代表小组学习",
                                                                "2025-07-10");
  g_autoptr(LiaisonActivity) not_his = liaison_test_activity_new (LIAISON_ACTIVITY_STATION_DUTY, "进站接待",
                                                                  "2025-07-11");
  g_autoptr(LiaisonSuggestion) citizen = NULL;
  g_autoptr(LiaisonSuggestion) filed = NULL;
  g_autoptr(LiaisonSuggestion) co_signed = NULL;
  g_autoptr(LiaisonSuggestion) others = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) rule_sets = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_points_rules_free);
  g_autoptr(LiaisonPointsScore) score = NULL;
  g_autoptr(GError) error = NULL;
  const LiaisonDeputyPoints *points;
  const LiaisonDutyItem *item;
  LiaisonLoopEvent *event;
  GDate referral_day, due;
  gint64 id;

  /* Headquarters' research, which 张伟 attended; his group's activity,
   * recorded here, on leave; an activity without him. */
  liaison_test_attend (research, f->zhang, LIAISON_ATTENDANCE_ATTENDED);
  liaison_test_attend (research, f->li, LIAISON_ATTENDANCE_ATTENDED);
  liaison_test_set_sync_role (f->store, "hq");
  liaison_test_save_activity (f->store, research);
  liaison_test_set_sync_role (f->store, NULL);
  liaison_test_attend (group, f->zhang, LIAISON_ATTENDANCE_LEAVE);
  liaison_test_save_activity (f->store, group);
  liaison_test_attend (not_his, f->li, LIAISON_ATTENDANCE_ATTENDED);
  liaison_test_save_activity (f->store, not_his);

  /* Two receptions on one day at this station. */
  liaison_test_add_hosted_reception (f->store, "2025-08-05 09:10", "小区路灯不亮", "张伟", (int[]) { 1, 0 });
  liaison_test_add_hosted_reception (f->store, "2025-08-05 15:40", "菜市场占道经营", "张伟", (int[]) { 1, 0 });

  /* A citizen's suggestion he took up on 2025-08-06, referred, replied
   * and rated satisfied on 2025-09-02. */
  citizen = liaison_test_add_filed_suggestion (f->store, LIAISON_LOOP_KIND_PUBLIC_OPINION, NULL, NULL, "加装小区路灯",
                                               "2025-08-06T01:00:00Z");
  id = citizen->meta.id;
  g_assert_true (liaison_store_exec (f->store,
    "INSERT INTO units (uuid, updated_at, sync_state, name, kind) VALUES"
    " ('" LEAD_UNIT "', '2025-01-01T00:00:00Z', 0, '市住房和城乡建设局', 'department')", &error));
  g_assert_no_error (error);
  event = liaison_test_awkward_move (LIAISON_LOOP_MOVE_TAKE_UP, LIAISON_LOOP_ROLE_DEPUTY, "张伟", "2025-08-06T04:00:00Z");
  event->deputy_uuid = g_strdup (f->zhang);
  liaison_test_add_event (f->store, id, event);
  referral_day = liaison_test_day (2025, 8, 7);
  liaison_store_default_due_date (f->store, LIAISON_LOOP_KIND_PUBLIC_OPINION, &referral_day, &due);
  event = liaison_test_awkward_move (LIAISON_LOOP_MOVE_REFER, LIAISON_LOOP_ROLE_HQ, "代表工委", "2025-08-07T04:00:00Z");
  event->lead_unit_uuid = g_strdup (LEAD_UNIT);
  event->due_date = due;
  liaison_test_add_event (f->store, id, event);
  event = liaison_test_awkward_move (LIAISON_LOOP_MOVE_REPLY, LIAISON_LOOP_ROLE_HQ, "代表工委", "2025-08-28T04:00:00Z");
  event->reply_text = g_strdup ("已加装路灯");
  event->reply_date = liaison_test_day (2025, 8, 28);
  event->replying_unit_uuid = g_strdup (LEAD_UNIT);
  liaison_test_add_event (f->store, id, event);
  event = liaison_test_awkward_move (LIAISON_LOOP_MOVE_RATE, LIAISON_LOOP_ROLE_STATION, "陈静", "2025-09-02T04:00:00Z");
  event->rating = LIAISON_LOOP_RATING_SATISFIED;
  event->asked = LIAISON_LOOP_ASKED_PHONE;
  event->rated_by = g_strdup ("陈静");
  liaison_test_add_event (f->store, id, event);

  /* His own suggestion, co-signed by 李秀兰; hers, co-signed by him. */
  filed = liaison_test_add_filed_suggestion (f->store, LIAISON_LOOP_KIND_DEPUTY_SUGGESTION, "张伟", "李秀兰",
                                             "关于老旧小区加装电梯的建议", "2025-09-10T04:00:00Z");
  co_signed = liaison_test_add_filed_suggestion (f->store, LIAISON_LOOP_KIND_DEPUTY_SUGGESTION, "李秀兰", "张伟",
                                                 "关于增设公交站点的建议", "2025-09-12T04:00:00Z");
  /* Neither his nor co-signed by him. */
  others = liaison_test_add_filed_suggestion (f->store, LIAISON_LOOP_KIND_DEPUTY_SUGGESTION, "李秀兰", "王建国",
                                              "关于学校周边交通的建议", "2025-09-15T04:00:00Z");

  items = liaison_store_gather_duty_items (f->store, f->zhang, "2025-07-01", "2025-09-30", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < items->len; i++)
    {
      const LiaisonDutyItem *it = g_ptr_array_index (items, i);

      g_test_message ("item %u: kind %d, %s, %s", i, it->kind, it->date, it->title);
    }
  g_assert_cmpuint (items->len, ==, 8);

  item = find_item (items, LIAISON_DUTY_ITEM_ACTIVITY, 0);
  g_assert_cmpint (item->activity_kind, ==, LIAISON_ACTIVITY_RESEARCH);
  g_assert_cmpint (item->attendance, ==, LIAISON_ATTENDANCE_ATTENDED);
  g_assert_cmpstr (item->source_uuid, ==, research->meta.uuid);
  g_assert_cmpstr (item->date, ==, "2025-07-03");
  item = find_item (items, LIAISON_DUTY_ITEM_ACTIVITY, 1);
  g_assert_cmpint (item->activity_kind, ==, LIAISON_ACTIVITY_GROUP_ACTIVITY);
  g_assert_cmpint (item->attendance, ==, LIAISON_ATTENDANCE_LEAVE);
  item = find_item (items, LIAISON_DUTY_ITEM_RECEPTION, 1);
  g_assert_nonnull (item);
  g_assert_cmpstr (item->date, ==, "2025-08-05");
  g_assert_cmpstr (item->station_uuid, ==, f->station_uuid);
  item = find_item (items, LIAISON_DUTY_ITEM_TAKE_UP, 0);
  g_assert_cmpstr (item->date, ==, "2025-08-06");
  g_assert_cmpstr (item->source_uuid, ==, citizen->meta.uuid);
  g_assert_cmpstr (item->title, ==, "加装小区路灯");
  item = find_item (items, LIAISON_DUTY_ITEM_CLOSED_SATISFIED, 0);
  g_assert_cmpstr (item->date, ==, "2025-09-02");
  g_assert_cmpstr (item->source_uuid, ==, citizen->meta.uuid);
  item = find_item (items, LIAISON_DUTY_ITEM_SUGGESTION, 0);
  g_assert_cmpstr (item->date, ==, "2025-09-10");
  g_assert_cmpstr (item->source_uuid, ==, filed->meta.uuid);
  item = find_item (items, LIAISON_DUTY_ITEM_CO_SIGNED, 0);
  g_assert_cmpstr (item->date, ==, "2025-09-12");
  g_assert_cmpstr (item->source_uuid, ==, co_signed->meta.uuid);
  g_assert_null (find_item (items, LIAISON_DUTY_ITEM_MOTION, 0));

  /* Scored for 2025Q3 with the default rules, worked out by hand:
   *   research attended (07-03)                      +3
   *   group activity on leave (07-10)                 0  (not attended)
   *   reception 08-05 09:10                          +1  reception hosted
   *     and the day's station duty day               +2
   *   reception 08-05 15:40                          +1  (same day: no second duty day)
   *   take-up (08-06)                                +2
   *   closed satisfied, rated 09-02                  +1
   *   suggestion filed as first signer (09-10)       +3
   *   co-signed (09-12)                              +1
   *                                           total  14
   * Duty days: 07-03 and 08-05, so 2. */
  g_ptr_array_add (rule_sets, liaison_points_rules_new_default ());
  score = liaison_points_score_quarter (items, rule_sets, (LiaisonQuarter) { 2025, 3 }, NULL, NULL, &error);
  g_assert_no_error (error);
  points = liaison_points_score_find (score, f->zhang);
  g_assert_nonnull (points);
  g_assert_cmpint (points->total, ==, 140);
  g_assert_cmpuint (points->duty_days, ==, 2);

  /* The period's bounds hold: nothing of his in Q2, the research alone on
   * its day. */
  g_clear_pointer (&items, g_ptr_array_unref);
  items = liaison_store_gather_duty_items (f->store, f->zhang, "2025-04-01", "2025-06-30", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 0);
  g_clear_pointer (&items, g_ptr_array_unref);
  items = liaison_store_gather_duty_items (f->store, f->zhang, "2025-07-03", "2025-07-03", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ((path), Fixture, NULL, liaison_test_duty_station_set_up, (func), liaison_test_duty_station_tear_down)
  ADD ("/duty-store/activity/round-trip", test_round_trip);
  ADD ("/duty-store/activity/refused", test_refused);
  ADD ("/duty-store/roster", test_roster);
  ADD ("/duty-store/upgrade-from-8", test_upgrade);
  ADD ("/duty-store/items/gather-and-score", test_gather_and_score);
#undef ADD

  return g_test_run ();
}
