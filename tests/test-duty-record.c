/* test-duty-record.c: a deputy's duty record (app/record) built from a
 * real store made by hand: the points of a quarter and of the year with
 * the group ranking, receptions and visitors, take-ups and filings with
 * their outcomes, activities by kind and attendance, planned duty days not
 * done; a deputy with nothing; bad periods, unknown and ambiguous
 * deputies. */
#define G_LOG_DOMAIN "test-duty-record"

#include "config.h"

#include <glib.h>
#include <string.h>

#include "liaison-duty-record.h"
#include "liaison-store-duty.h"
#include "liaison-store-loop.h"
#include "liaison-store-private.h"
#include "liaison-store-sync.h"
#include "liaison-test-awkward.h"
#include "liaison-test-duty.h"
#include "liaison-test-util.h"

#define LEAD_UNIT "a0000000-0000-4000-8000-000000000001"
#define GROUP "相山区第一代表小组"
#define OTHER_STATION "烈山区宋疃镇代表联络点"
#define HOME_STATION "相山区东山街道代表联络站"

/* The store, by hand (every date 2025):
 *
 * Group 相山区第一代表小组: 张伟, 李秀兰, 王建国. In no group: 陈静 (nothing
 * at all), and two deputies named 刘洋, one at each station.
 *
 * 张伟:
 *   Q1  congress session 01-08 attended (+2), 01-09 absent (−2),
 *       01-10 on leave (0); training 02-20 attended (+1)
 *   Q2  inspection 06-29 to 07-01 attended (+3 in Q2; duty days 06-29
 *       and 06-30 in Q2, 07-01 in Q3)
 *   Q3  research 07-03 attended (+3)
 *       group activity 07-10 on leave (0)
 *       inspection 07-20 absent (0)
 *       two receptions here on 08-05: visitors of party 2, and of 1 and 3
 *         (+1 +1, and one station duty day +2)
 *       took up a citizen's suggestion 08-06 (+2), referred, replied,
 *         rated satisfied 09-02 (+1), closed 09-03
 *       station duty logged here 08-12 (+2)
 *       filed a suggestion 09-10 (+3), co-signed by 李秀兰; referred,
 *         replied, and rated by him blind, basically satisfied
 *       co-signed 李秀兰's suggestion of 09-12 (+1)
 *   Roster: here 08-05 (done: the receptions), here 08-12 (done: station
 *   duty), here 08-19 (not done), at 烈山区宋疃镇 08-05 (not done: the
 *   receptions were here, not there).
 * 李秀兰: the three session days attended (+6); research 07-03 (+3);
 *   co-signed his 09-10 (+1); filed her own 09-12 (+3).
 * 王建国: the three session days attended (+6); a reception here
 *   2025-05-06, party 4 (+1, station duty day +2); group activity 07-10
 *   (+2), inspection 07-20 (+3), theme activity 07-25 (+2), all attended.
 */
typedef struct {
  char         *dir;
  char         *path;
  LiaisonStore *store;
  char         *home;   /* this station's uuid */
  char         *other;  /* 烈山区宋疃镇代表联络点's */
  char         *zhang;  /* 张伟 */
  char         *li;     /* 李秀兰 */
  char         *wang;   /* 王建国 */
  char         *chen;   /* 陈静 */
  char         *liu_home;
  char         *liu_other;
  char         *citizen;  /* the suggestion he took up */
  char         *filed;    /* his own */
  char         *co_signed;
} Fixture;

static char *
add_deputy (Fixture    *f,
            const char *name,
            const char *group,
            gint64      station_id)
{
  g_autoptr(GError) error = NULL;
  gint64 id = liaison_test_add_deputy (f->store, name, LIAISON_DEPUTY_LEVEL_CITY);
  g_autoptr(LiaisonDeputy) deputy = liaison_store_get_deputy (f->store, id, &error);

  g_assert_no_error (error);
  if (group != NULL)
    {
      deputy->group_id = liaison_store_ensure_deputy_group (f->store, group, &error);
      g_assert_no_error (error);
    }
  deputy->station_id = station_id;
  g_assert_true (liaison_store_save_deputy (f->store, deputy, &error));
  g_assert_no_error (error);
  return g_strdup (deputy->meta.uuid);
}

static void
activity (Fixture             *f,
          LiaisonActivityKind  kind,
          const char          *title,
          const char          *date,
          const char          *deputy,
          LiaisonAttendance    attendance,
          const char          *deputy2,
          LiaisonAttendance    attendance2)
{
  g_autoptr(LiaisonActivity) record = liaison_test_activity_new (kind, title, date);

  liaison_test_attend (record, deputy, attendance);
  if (deputy2 != NULL)
    liaison_test_attend (record, deputy2, attendance2);
  liaison_test_save_activity (f->store, record);
}

static void
move (Fixture          *f,
      const char       *suggestion_uuid,
      LiaisonLoopEvent *event)
{
  liaison_test_add_event (f->store, liaison_test_suggestion_id (f->store, suggestion_uuid), event);
}

static void
refer_and_reply (Fixture         *f,
                 const char      *suggestion_uuid,
                 LiaisonLoopKind  kind,
                 GDate            referral_day,
                 const char      *referred_at,
                 GDate            reply_day,
                 const char      *replied_at)
{
  LiaisonLoopEvent *event;
  GDate due;

  liaison_store_default_due_date (f->store, kind, &referral_day, &due);
  event = liaison_test_awkward_move (LIAISON_LOOP_MOVE_REFER, LIAISON_LOOP_ROLE_HQ, "代表工委", referred_at);
  event->lead_unit_uuid = g_strdup (LEAD_UNIT);
  event->due_date = due;
  move (f, suggestion_uuid, event);
  event = liaison_test_awkward_move (LIAISON_LOOP_MOVE_REPLY, LIAISON_LOOP_ROLE_HQ, "代表工委", replied_at);
  event->reply_text = g_strdup ("已办理");
  event->reply_date = reply_day;
  event->replying_unit_uuid = g_strdup (LEAD_UNIT);
  move (f, suggestion_uuid, event);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(LiaisonStation) other = liaison_station_new ();
  g_autoptr(LiaisonSuggestion) citizen = NULL;
  g_autoptr(LiaisonSuggestion) filed = NULL;
  g_autoptr(LiaisonSuggestion) co_signed = NULL;
  g_autoptr(GError) error = NULL;
  LiaisonLoopEvent *event;
  gint64 home_id;

  f->dir = liaison_test_make_tmp_dir ("liaison-duty-record-XXXXXX");
  f->path = g_build_filename (f->dir, "station.db", NULL);
  f->store = liaison_test_open_store_with_station (f->path, HOME_STATION);
  f->home = liaison_test_local_station_uuid (f->store);
  home_id = liaison_test_query_int (f->store, "SELECT id FROM stations WHERE name = '" HOME_STATION "'");
  other->name = g_strdup (OTHER_STATION);
  other->kind = LIAISON_STATION_KIND_POINT;
  g_assert_true (liaison_store_save_station (f->store, other, &error));
  g_assert_no_error (error);
  f->other = g_strdup (other->meta.uuid);

  f->zhang = add_deputy (f, "张伟", GROUP, home_id);
  f->li = add_deputy (f, "李秀兰", GROUP, home_id);
  f->wang = add_deputy (f, "王建国", GROUP, home_id);
  f->chen = add_deputy (f, "陈静", NULL, home_id);
  f->liu_home = add_deputy (f, "刘洋", NULL, home_id);
  f->liu_other = add_deputy (f, "刘洋", NULL, other->meta.id);

  /* Headquarters' kinds, recorded as headquarters. */
  liaison_test_set_sync_role (f->store, "hq");
  {
    const char *days[] = { "2025-01-08", "2025-01-09", "2025-01-10" };
    LiaisonAttendance his[] = { LIAISON_ATTENDANCE_ATTENDED, LIAISON_ATTENDANCE_ABSENT, LIAISON_ATTENDANCE_LEAVE };

    for (guint i = 0; i < G_N_ELEMENTS (days); i++)
      {
        g_autoptr(LiaisonActivity) session = liaison_test_activity_new (LIAISON_ACTIVITY_CONGRESS_SESSION,
                                                                        "市人大会议", days[i]);

        liaison_test_attend (session, f->zhang, his[i]);
        liaison_test_attend (session, f->li, LIAISON_ATTENDANCE_ATTENDED);
        liaison_test_attend (session, f->wang, LIAISON_ATTENDANCE_ATTENDED);
        liaison_test_save_activity (f->store, session);
      }
  }
  activity (f, LIAISON_ACTIVITY_TRAINING, "履职学习培训", "2025-02-20",
            f->zhang, LIAISON_ATTENDANCE_ATTENDED, NULL, 0);
  {
    g_autoptr(LiaisonActivity) across = liaison_test_activity_new (LIAISON_ACTIVITY_INSPECTION, "防汛工作视察",
                                                                   "2025-06-29");

    across->end_date = g_strdup ("2025-07-01");
    liaison_test_attend (across, f->zhang, LIAISON_ATTENDANCE_ATTENDED);
    liaison_test_save_activity (f->store, across);
  }
  activity (f, LIAISON_ACTIVITY_RESEARCH, "城市更新专题调研", "2025-07-03",
            f->zhang, LIAISON_ATTENDANCE_ATTENDED, f->li, LIAISON_ATTENDANCE_ATTENDED);
  activity (f, LIAISON_ACTIVITY_INSPECTION, "背街小巷整治视察", "2025-07-20",
            f->zhang, LIAISON_ATTENDANCE_ABSENT, f->wang, LIAISON_ATTENDANCE_ATTENDED);
  activity (f, LIAISON_ACTIVITY_THEME_ACTIVITY, "“5+4”主题活动", "2025-07-25",
            f->wang, LIAISON_ATTENDANCE_ATTENDED, NULL, 0);
  liaison_test_set_sync_role (f->store, NULL);
  /* The station's own kinds. */
  activity (f, LIAISON_ACTIVITY_GROUP_ACTIVITY, "代表小组学习", "2025-07-10",
            f->zhang, LIAISON_ATTENDANCE_LEAVE, f->wang, LIAISON_ATTENDANCE_ATTENDED);
  activity (f, LIAISON_ACTIVITY_STATION_DUTY, "进站履职", "2025-08-12",
            f->zhang, LIAISON_ATTENDANCE_ATTENDED, NULL, 0);

  liaison_test_add_hosted_reception (f->store, "2025-08-05 09:10", "小区路灯不亮", "张伟", (int[]) { 2, 0 });
  liaison_test_add_hosted_reception (f->store, "2025-08-05 15:40", "菜市场占道经营", "张伟", (int[]) { 1, 3, 0 });
  liaison_test_add_hosted_reception (f->store, "2025-05-06 10:00", "公交站台破损", "王建国", (int[]) { 4, 0 });

  liaison_test_plan_duty (f->store, NULL, f->zhang, "2025-08-05");
  liaison_test_plan_duty (f->store, NULL, f->zhang, "2025-08-12");
  liaison_test_plan_duty (f->store, NULL, f->zhang, "2025-08-19");
  liaison_test_plan_duty (f->store, f->other, f->zhang, "2025-08-05");

  g_assert_true (liaison_store_exec (f->store,
    "INSERT INTO units (uuid, updated_at, sync_state, name, kind) VALUES"
    " ('" LEAD_UNIT "', '2025-01-01T00:00:00Z', 0, '市住房和城乡建设局', 'department')", &error));
  g_assert_no_error (error);

  /* The citizen's suggestion he took up, closed satisfied. */
  citizen = liaison_test_add_filed_suggestion (f->store, LIAISON_LOOP_KIND_PUBLIC_OPINION, NULL, NULL,
                                               "加装小区路灯", "2025-08-06T01:00:00Z");
  f->citizen = g_strdup (citizen->meta.uuid);
  event = liaison_test_awkward_move (LIAISON_LOOP_MOVE_TAKE_UP, LIAISON_LOOP_ROLE_DEPUTY, "张伟",
                                     "2025-08-06T04:00:00Z");
  event->deputy_uuid = g_strdup (f->zhang);
  move (f, f->citizen, event);
  refer_and_reply (f, f->citizen, LIAISON_LOOP_KIND_PUBLIC_OPINION, liaison_test_day (2025, 8, 7),
                   "2025-08-07T04:00:00Z", liaison_test_day (2025, 8, 28), "2025-08-28T04:00:00Z");
  event = liaison_test_awkward_move (LIAISON_LOOP_MOVE_RATE, LIAISON_LOOP_ROLE_STATION, "陈静",
                                     "2025-09-02T04:00:00Z");
  event->rating = LIAISON_LOOP_RATING_SATISFIED;
  event->asked = LIAISON_LOOP_ASKED_PHONE;
  event->rated_by = g_strdup ("陈静");
  move (f, f->citizen, event);
  move (f, f->citizen, liaison_test_awkward_move (LIAISON_LOOP_MOVE_CLOSE, LIAISON_LOOP_ROLE_HQ, "代表工委",
                                                  "2025-09-03T04:00:00Z"));

  /* His suggestion, rated by him blind; hers, which he co-signed. */
  filed = liaison_test_add_filed_suggestion (f->store, LIAISON_LOOP_KIND_DEPUTY_SUGGESTION, "张伟", "李秀兰",
                                             "关于老旧小区加装电梯的建议", "2025-09-10T04:00:00Z");
  f->filed = g_strdup (filed->meta.uuid);
  refer_and_reply (f, f->filed, LIAISON_LOOP_KIND_DEPUTY_SUGGESTION, liaison_test_day (2025, 9, 11),
                   "2025-09-11T04:00:00Z", liaison_test_day (2025, 9, 25), "2025-09-25T04:00:00Z");
  event = liaison_test_awkward_move (LIAISON_LOOP_MOVE_RATE, LIAISON_LOOP_ROLE_DEPUTY, NULL, "2025-09-28T04:00:00Z");
  event->rating = LIAISON_LOOP_RATING_BASICALLY_SATISFIED;
  event->asked = LIAISON_LOOP_ASKED_IN_PERSON;
  move (f, f->filed, event);
  co_signed = liaison_test_add_filed_suggestion (f->store, LIAISON_LOOP_KIND_DEPUTY_SUGGESTION, "李秀兰", "张伟",
                                                 "关于增设公交站点的建议", "2025-09-12T04:00:00Z");
  f->co_signed = g_strdup (co_signed->meta.uuid);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  liaison_test_clear_store_dir (&f->store, &f->dir);
  g_free (f->path);
  g_free (f->home);
  g_free (f->other);
  g_free (f->zhang);
  g_free (f->li);
  g_free (f->wang);
  g_free (f->chen);
  g_free (f->liu_home);
  g_free (f->liu_other);
  g_free (f->citizen);
  g_free (f->filed);
  g_free (f->co_signed);
}

static LiaisonDutyRecord *
build_quarter (Fixture    *f,
               const char *deputy,
               int         quarter)
{
  g_autoptr(GError) error = NULL;
  LiaisonDutyRecord *record = liaison_duty_record_build_quarter (f->store, deputy, (LiaisonQuarter) { 2025, quarter },
                                                                 &error);

  g_assert_no_error (error);
  g_assert_nonnull (record);
  return record;
}

static guint
count_of (const LiaisonDutyRecord *record)
{
  guint n = 0;

  for (guint k = 0; k < LIAISON_N_ACTIVITY_KINDS; k++)
    for (guint a = 0; a < LIAISON_N_ATTENDANCES; a++)
      n += record->activity_counts[k][a];
  return n;
}

/* 张伟's third quarter, worked out by hand:
 *   research attended 07-03                      +3
 *   group activity on leave 07-10                 0
 *   inspection absent 07-20                       0
 *   reception 08-05 09:10                        +1, and its station duty day +2
 *   reception 08-05 15:40                        +1  (the same day: no second duty day)
 *   take-up 08-06                                +2
 *   station duty 08-12                           +2
 *   closed satisfied, rated 09-02                +1
 *   suggestion filed first 09-10                 +3
 *   co-signed 09-12                              +1
 *                                         total  16
 * Duty days: 07-01 (the inspection begun in Q2), 07-03, 08-05, 08-12: 4.
 * Receptions 2, visitors 2 + 1 + 3 = 6.
 * Group: 张伟 16, 李秀兰 3 + 1 + 3 = 7, 王建国 2 + 3 + 2 = 7: ranks 1, 2, 2. */
static void
test_quarter (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(LiaisonDutyRecord) record = build_quarter (f, f->zhang, 3);
  const LiaisonDutyRecordTakeUp *take_up;
  const LiaisonDutyRecordFiling *filing;
  const LiaisonDutyShift *shift;

  g_assert_cmpstr (record->deputy->name, ==, "张伟");
  g_assert_cmpstr (record->deputy->station_name, ==, HOME_STATION);
  g_assert_cmpstr (record->group, ==, GROUP);
  g_assert_cmpstr (record->from, ==, "2025-07-01");
  g_assert_cmpstr (record->to, ==, "2025-09-30");
  g_assert_cmpuint (record->score->n_quarters, ==, 1);

  g_assert_cmpint (record->points->total, ==, 160);
  g_assert_cmpuint (record->duty_days, ==, 4);
  g_assert_cmpuint (record->receptions_hosted, ==, 2);
  g_assert_cmpuint (record->visitors_received, ==, 6);

  /* The group ranking: 1, and the tie at 2. */
  g_assert_cmpuint (record->points->rank, ==, 1);
  g_assert_cmpuint (record->group_size, ==, 3);
  g_assert_cmpint (liaison_points_score_find (record->score, f->li)->total, ==, 70);
  g_assert_cmpint (liaison_points_score_find (record->score, f->wang)->total, ==, 70);
  g_assert_null (liaison_points_score_find (record->score, f->chen));
  {
    g_autoptr(LiaisonDutyRecord) li = build_quarter (f, f->li, 3);
    g_autoptr(LiaisonDutyRecord) wang = build_quarter (f, f->wang, 3);

    g_assert_cmpint (li->points->total, ==, 70);
    g_assert_cmpuint (li->points->rank, ==, 2);
    g_assert_cmpuint (wang->points->rank, ==, 2);
    g_assert_cmpuint (li->group_size, ==, 3);
  }

  /* The take-up, and what became of it. */
  g_assert_cmpuint (record->take_ups->len, ==, 1);
  take_up = g_ptr_array_index (record->take_ups, 0);
  g_assert_cmpstr (take_up->suggestion_uuid, ==, f->citizen);
  g_assert_cmpstr (take_up->title, ==, "加装小区路灯");
  g_assert_cmpstr (take_up->taken_up_on, ==, "2025-08-06");
  g_assert_cmpint (take_up->status, ==, LIAISON_LOOP_STATUS_CLOSED);
  g_assert_cmpstr (take_up->outcome, ==, "Closed, citizen satisfied");

  /* Filed, then co-signed, by date. */
  g_assert_cmpuint (record->filings->len, ==, 2);
  filing = g_ptr_array_index (record->filings, 0);
  g_assert_cmpstr (filing->suggestion_uuid, ==, f->filed);
  g_assert_cmpstr (filing->filed_on, ==, "2025-09-10");
  g_assert_true (filing->first_signer);
  g_assert_false (filing->motion);
  g_assert_cmpint (filing->status, ==, LIAISON_LOOP_STATUS_RATED);
  g_assert_cmpstr (filing->outcome, ==, "Replied, deputy basically satisfied");
  g_assert_cmpstr (filing->rating, ==, "Basically satisfied");
  filing = g_ptr_array_index (record->filings, 1);
  g_assert_cmpstr (filing->suggestion_uuid, ==, f->co_signed);
  g_assert_cmpstr (filing->title, ==, "关于增设公交站点的建议");
  g_assert_cmpstr (filing->filed_on, ==, "2025-09-12");
  g_assert_false (filing->first_signer);
  g_assert_cmpint (filing->status, ==, LIAISON_LOOP_STATUS_REGISTERED);
  g_assert_cmpstr (filing->outcome, ==, "Filed, awaiting referral");
  g_assert_null (filing->rating);

  /* Activities by date, and by kind and his attendance. */
  g_assert_cmpuint (record->activities->len, ==, 4);
  g_assert_cmpstr (((LiaisonActivity *) g_ptr_array_index (record->activities, 0))->title, ==, "城市更新专题调研");
  g_assert_cmpstr (((LiaisonActivity *) g_ptr_array_index (record->activities, 3))->date, ==, "2025-08-12");
  g_assert_cmpuint (record->activity_counts[LIAISON_ACTIVITY_RESEARCH][LIAISON_ATTENDANCE_ATTENDED], ==, 1);
  g_assert_cmpuint (record->activity_counts[LIAISON_ACTIVITY_GROUP_ACTIVITY][LIAISON_ATTENDANCE_LEAVE], ==, 1);
  g_assert_cmpuint (record->activity_counts[LIAISON_ACTIVITY_INSPECTION][LIAISON_ATTENDANCE_ABSENT], ==, 1);
  g_assert_cmpuint (record->activity_counts[LIAISON_ACTIVITY_STATION_DUTY][LIAISON_ATTENDANCE_ATTENDED], ==, 1);
  g_assert_cmpuint (count_of (record), ==, 4);

  /* Planned, not done: 08-05 at the other station (the receptions were
   * here), and 08-19 here; not 08-05 here, nor 08-12. */
  g_assert_cmpuint (record->planned_not_done->len, ==, 2);
  shift = g_ptr_array_index (record->planned_not_done, 0);
  g_assert_cmpstr (shift->date, ==, "2025-08-05");
  g_assert_cmpstr (shift->station_uuid, ==, f->other);
  shift = g_ptr_array_index (record->planned_not_done, 1);
  g_assert_cmpstr (shift->date, ==, "2025-08-19");
  g_assert_cmpstr (shift->station_uuid, ==, f->home);

  g_assert_nonnull (record->generated_at);
  g_assert_cmpuint (strlen (record->generated_at), ==, 16);
  g_assert_null (record->synced_at);
}

/* The year is its quarters: Q1 2 − 2 + 0 + 1 = 1 (duty days 01-08,
 * 02-20), Q2 the inspection's 3 (06-29, 06-30), Q3 16 (4 days), Q4
 * nothing: 20 points, 8 duty days. 王建国's year: 6 + 3 + 7 = 16, 李秀兰's
 * 6 + 7 = 13: ranks 1, 3, 2. */
static void
test_year (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonDutyRecord) year = liaison_duty_record_build_year (f->store, f->zhang, 2025, &error);
  guint duty_days = 0, receptions = 0, visitors = 0, take_ups = 0, filings = 0, activities = 0, planned = 0;
  LiaisonPoints total = 0;
  LiaisonPoints year_points = 0;
  guint counts[LIAISON_N_ACTIVITY_KINDS][LIAISON_N_ATTENDANCES] = { { 0 } };

  g_assert_no_error (error);
  g_assert_cmpuint (year->score->n_quarters, ==, 4);
  g_assert_cmpint (year->points->total, ==, 200);
  g_assert_cmpuint (year->duty_days, ==, 8);
  g_assert_cmpuint (year->points->rank, ==, 1);
  g_assert_cmpuint (liaison_points_score_find (year->score, f->wang)->rank, ==, 2);
  g_assert_cmpuint (liaison_points_score_find (year->score, f->li)->rank, ==, 3);
  g_assert_cmpuint (year->activity_counts[LIAISON_ACTIVITY_CONGRESS_SESSION][LIAISON_ATTENDANCE_ATTENDED], ==, 1);
  g_assert_cmpuint (year->activity_counts[LIAISON_ACTIVITY_CONGRESS_SESSION][LIAISON_ATTENDANCE_ABSENT], ==, 1);
  g_assert_cmpuint (year->activity_counts[LIAISON_ACTIVITY_CONGRESS_SESSION][LIAISON_ATTENDANCE_LEAVE], ==, 1);
  g_assert_cmpuint (year->activity_counts[LIAISON_ACTIVITY_TRAINING][LIAISON_ATTENDANCE_ATTENDED], ==, 1);
  g_assert_cmpuint (year->activity_counts[LIAISON_ACTIVITY_INSPECTION][LIAISON_ATTENDANCE_ATTENDED], ==, 1);
  g_assert_cmpuint (count_of (year), ==, 9);
  /* The year's points alone, as the record page shows them beside a
   * quarter: the record's own, for each deputy of the group. */
  g_assert_true (liaison_duty_record_year_points (f->store, f->zhang, 2025, &year_points, &error));
  g_assert_no_error (error);
  g_assert_cmpint (year_points, ==, 200);
  g_assert_true (liaison_duty_record_year_points (f->store, f->wang, 2025, &year_points, &error));
  g_assert_cmpint (year_points, ==, liaison_points_score_find (year->score, f->wang)->total);
  g_assert_true (liaison_duty_record_year_points (f->store, f->li, 2025, &year_points, &error));
  g_assert_cmpint (year_points, ==, liaison_points_score_find (year->score, f->li)->total);
  g_assert_false (liaison_duty_record_year_points (f->store, f->zhang, 0, &year_points, &error));
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID);
  g_clear_error (&error);

  for (int q = 1; q <= 4; q++)
    {
      g_autoptr(LiaisonDutyRecord) quarter = build_quarter (f, f->zhang, q);
      static const LiaisonPoints expected[] = { 10, 30, 160, 0 };
      static const guint days[] = { 2, 2, 4, 0 };


      g_assert_cmpint (quarter->points->total, ==, expected[q - 1]);
      g_assert_cmpuint (quarter->duty_days, ==, days[q - 1]);
      g_assert_cmpint (year->points->quarter_totals[q - 1], ==, quarter->points->total);
      g_assert_cmpuint (year->points->quarter_duty_days[q - 1], ==, quarter->duty_days);
      total += quarter->points->total;
      duty_days += quarter->duty_days;
      receptions += quarter->receptions_hosted;
      visitors += quarter->visitors_received;
      take_ups += quarter->take_ups->len;
      filings += quarter->filings->len;
      activities += quarter->activities->len;
      planned += quarter->planned_not_done->len;
      for (guint k = 0; k < LIAISON_N_ACTIVITY_KINDS; k++)
        for (guint a = 0; a < LIAISON_N_ATTENDANCES; a++)
          counts[k][a] += quarter->activity_counts[k][a];
    }
  g_assert_cmpint (year->points->total, ==, total);
  g_assert_cmpuint (year->duty_days, ==, duty_days);
  g_assert_cmpuint (year->receptions_hosted, ==, receptions);
  g_assert_cmpuint (year->visitors_received, ==, visitors);
  g_assert_cmpuint (year->take_ups->len, ==, take_ups);
  g_assert_cmpuint (year->filings->len, ==, filings);
  g_assert_cmpuint (year->activities->len, ==, activities);
  g_assert_cmpuint (year->planned_not_done->len, ==, planned);
  g_assert_cmpmem (year->activity_counts, sizeof counts, counts, sizeof counts);
  /* And the year's figures are those worked out above, not zeros. */
  g_assert_cmpuint (receptions, ==, 2);
  g_assert_cmpuint (visitors, ==, 6);
  g_assert_cmpuint (activities, ==, 9);
  g_assert_cmpuint (planned, ==, 2);

  /* A period across a quarter's end is scored quarter by quarter:
   * 2025-02-01 to 2025-07-05 touches Q1 to Q3: the training +1, the
   * inspection +3, the research +3; duty days 02-20, 06-29, 06-30, 07-01
   * and 07-03. */
  {
    g_autoptr(LiaisonDutyRecord) span = liaison_duty_record_build (f->store, f->zhang, "2025-02-01", "2025-07-05",
                                                                   &error);

    g_assert_no_error (error);
    g_assert_cmpuint (span->score->n_quarters, ==, 3);
    g_assert_cmpint (span->points->total, ==, 70);
    g_assert_cmpuint (span->duty_days, ==, 5);
  }
  /* One that begins inside the inspection, in its quarter: the inspection
   * is not the period's (no +3), the research is: 3. */
  {
    g_autoptr(LiaisonDutyRecord) inside = liaison_duty_record_build (f->store, f->zhang, "2025-06-30", "2025-07-31",
                                                                     &error);

    g_assert_no_error (error);
    g_assert_cmpint (inside->points->total, ==, 30);
  }
}

/* 陈静 did nothing and is in no group: a valid record of zeros. */
static void
test_nothing (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(LiaisonDutyRecord) record = build_quarter (f, f->chen, 3);
  guint zeros[LIAISON_N_ACTIVITY_KINDS][LIAISON_N_ATTENDANCES] = { { 0 } };

  g_assert_cmpstr (record->deputy->name, ==, "陈静");
  g_assert_null (record->group);
  g_assert_nonnull (record->points);
  g_assert_cmpstr (record->points->deputy_uuid, ==, f->chen);
  g_assert_cmpint (record->points->total, ==, 0);
  g_assert_cmpuint (record->points->lines->len, ==, 0);
  g_assert_cmpuint (record->points->rank, ==, 0);
  g_assert_cmpuint (record->score->deputies->len, ==, 1);
  g_assert_cmpuint (record->group_size, ==, 0);
  g_assert_cmpuint (record->duty_days, ==, 0);
  g_assert_cmpuint (record->receptions_hosted, ==, 0);
  g_assert_cmpuint (record->visitors_received, ==, 0);
  g_assert_nonnull (record->take_ups);
  g_assert_cmpuint (record->take_ups->len, ==, 0);
  g_assert_nonnull (record->filings);
  g_assert_cmpuint (record->filings->len, ==, 0);
  g_assert_nonnull (record->activities);
  g_assert_cmpuint (record->activities->len, ==, 0);
  g_assert_nonnull (record->planned_not_done);
  g_assert_cmpuint (record->planned_not_done->len, ==, 0);
  g_assert_cmpmem (record->activity_counts, sizeof zeros, zeros, sizeof zeros);
}

static void
assert_refused (Fixture            *f,
                const char         *deputy,
                const char         *from,
                const char         *to,
                LiaisonStoreError   code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonDutyRecord) record = liaison_duty_record_build (f->store, deputy, from, to, &error);

  g_assert_null (record);
  g_assert_error (error, LIAISON_STORE_ERROR, (int) code);
  g_test_message ("refused: %s", error->message);
}

static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  LiaisonPoints year_points = 0;

  assert_refused (f, "d0000000-0000-4000-8000-000000000099", "2025-01-01", "2025-03-31",
                  LIAISON_STORE_ERROR_NOT_FOUND);
  assert_refused (f, f->zhang, "2025-03-31", "2025-01-01", LIAISON_STORE_ERROR_INVALID);
  assert_refused (f, f->zhang, "2025-02-30", "2025-03-31", LIAISON_STORE_ERROR_INVALID);
  assert_refused (f, f->zhang, "2025-01-01", "2025/3/31", LIAISON_STORE_ERROR_INVALID);
  g_assert_null (liaison_duty_record_build_quarter (f->store, f->zhang, (LiaisonQuarter) { 2025, 5 }, &error));
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (liaison_duty_record_build_year (f->store, "d0000000-0000-4000-8000-000000000099", 2025, &error));
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (liaison_duty_record_year_points (f->store, "d0000000-0000-4000-8000-000000000099", 2025,
                                                   &year_points, &error));
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_NOT_FOUND);
}

static void
test_find_deputy (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *by_name = liaison_duty_record_find_deputy (f->store, "张伟", &error);
  g_autofree char *by_uuid = liaison_duty_record_find_deputy (f->store, f->liu_other, &error);
  char *none;

  g_assert_no_error (error);
  g_assert_cmpstr (by_name, ==, f->zhang);
  g_assert_cmpstr (by_uuid, ==, f->liu_other);

  /* A part of a name, or nobody's. */
  none = liaison_duty_record_find_deputy (f->store, "张", &error);
  g_assert_null (none);
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  none = liaison_duty_record_find_deputy (f->store, "d0000000-0000-4000-8000-000000000099", &error);
  g_assert_null (none);
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Two 刘洋: refused, each named by station and UUID. */
  none = liaison_duty_record_find_deputy (f->store, "刘洋", &error);
  g_assert_null (none);
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID);
  g_test_message ("refused: %s", error->message);
  g_assert_nonnull (strstr (error->message, HOME_STATION));
  g_assert_nonnull (strstr (error->message, OTHER_STATION));
  g_assert_nonnull (strstr (error->message, f->liu_home));
  g_assert_nonnull (strstr (error->message, f->liu_other));
}

/* "Data synced at": the last sync that went through, in local time. */
static void
test_synced_at (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) utc = g_date_time_new_utc (2025, 9, 30, 2, 5, 0);
  g_autoptr(GDateTime) local = g_date_time_to_local (utc);
  g_autofree char *expected = g_date_time_format (local, "%Y-%m-%d %H:%M");
  g_autoptr(LiaisonDutyRecord) never = build_quarter (f, f->zhang, 3);
  g_autoptr(LiaisonDutyRecord) synced = NULL;
  g_autofree char *stamped = NULL;

  g_assert_null (never->synced_at);
  g_assert_null (liaison_store_get_synced_at (f->store));
  g_assert_true (liaison_store_mark_synced_now (f->store, &error));
  g_assert_no_error (error);
  stamped = liaison_store_get_synced_at (f->store);
  g_assert_nonnull (stamped);
  g_assert_true (g_str_has_suffix (stamped, "Z"));

  g_assert_true (liaison_store_set_setting (f->store, "synced_at", "2025-09-30T02:05:00Z", &error));
  g_assert_no_error (error);
  synced = build_quarter (f, f->zhang, 3);
  g_assert_cmpstr (synced->synced_at, ==, expected);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ((path), Fixture, NULL, fixture_set_up, (func), fixture_tear_down)
  ADD ("/duty-record/quarter", test_quarter);
  ADD ("/duty-record/year-is-its-quarters", test_year);
  ADD ("/duty-record/nothing", test_nothing);
  ADD ("/duty-record/refused", test_refused);
  ADD ("/duty-record/find-deputy", test_find_deputy);
  ADD ("/duty-record/synced-at", test_synced_at);
#undef ADD

  return g_test_run ();
}
