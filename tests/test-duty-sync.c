/* test-duty-sync.c: the duty record the whole way through a real
 * liaison-hq on loopback, between real station and headquarters desks:
 * activities imported at headquarters or recorded at its desk reach the
 * station of each deputy involved and no other, and a station's duty days
 * and its own activities reach headquarters; a rule set headquarters'
 * desk saves reaches every station and scores the quarters it is in
 * force for, and a motion filed at a station scores as one everywhere; a
 * quarter closed at headquarters reaches every station, and the server
 * refuses a plain change of a closed quarter's activity while the rest of
 * the push goes through, and takes a correction. */
#define G_LOG_DOMAIN "test-duty-sync"

#include "config.h"

#include <glib.h>
#include <sqlite3.h>
#include <string.h>
#include <time.h>

#include "liaison-points.h"
#include "liaison-store-desk.h"
#include "liaison-store-duty.h"
#include "liaison-store-points-rules.h"
#include "liaison-store-private.h"
#include "liaison-store-quarter.h"
#include "liaison-test-hq.h"
#include "liaison-test-util.h"

typedef LiaisonTestHq Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  liaison_test_hq_init (fixture, "liaison-duty-sync-XXXXXX");
  liaison_test_hq_start (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  liaison_test_hq_clear (fixture);
}

static char *
write_file (Fixture    *fixture,
            const char *name,
            const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fixture->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, &error));
  g_assert_no_error (error);
  return path;
}

/* The titles of the live activities in @store, sorted, joined by "|". */
static char *
titles (LiaisonStore *store)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  GString *joined = g_string_new (NULL);

  stmt = liaison_store_prepare (store, "SELECT title FROM activities WHERE deleted = 0 ORDER BY title", &error);
  g_assert_no_error (error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (joined, "%s%s", joined->len > 0 ? "|" : "", sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return g_string_free (joined, FALSE);
}

static char *
deputy_uuid (LiaisonStore *store,
             const char   *name)
{
  return liaison_test_deputy_uuid (store, name);
}

static void
test_activities_and_roster (Fixture       *fixture,
                            gconstpointer  data)
{
  LiaisonTestReplica east = liaison_test_replica_new_synced_station (fixture, "east.db", "东山联络站");
  LiaisonTestReplica west = liaison_test_replica_new_synced_station (fixture, "west.db", "西山联络站");
  LiaisonTestReplica south = liaison_test_replica_new_synced_station (fixture, "south.db", "南山联络站");
  LiaisonTestReplica hq = liaison_test_replica_new (fixture, "hq.db");
  g_autofree char *roster = NULL;
  g_autofree char *activities = NULL;
  g_autofree char *out = NULL;
  g_autofree char *east_titles = NULL;
  g_autofree char *west_titles = NULL;
  g_autofree char *south_titles = NULL;
  g_autofree char *zhang = NULL;
  g_autofree char *wang = NULL;
  g_autofree char *east_uuid = NULL;
  g_autoptr(GPtrArray) zhang_activities = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) shifts = NULL;
  g_autoptr(LiaisonDutyShift) shift = liaison_duty_shift_new ();
  g_autoptr(LiaisonActivity) duty = liaison_activity_new ();
  g_autoptr(GError) error = NULL;
  LiaisonSyncCounts counts;

  /* The roster: 张伟 and 李娜 of 东山, 王强 of 西山; 南山 has none. */
  roster = write_file (fixture, "deputies.csv",
                       "姓名,层级,联络站\n"
                       "张伟,市,东山联络站\n"
                       "李娜,县,东山联络站\n"
                       "王强,市,西山联络站\n");
  out = liaison_test_hq_run (fixture, "import deputies", roster, NULL);
  g_clear_pointer (&out, g_free);
  activities = write_file (fixture, "activities.csv",
                           "日期,结束日期,类型,名称,地点,参加代表\n"
                           "2025-01-06,,出席人代会,市十七届人大五次会议第一天,市会议中心,张伟、王强（请假）\n"
                           "2025-03-05,2025-03-06,调研,老旧小区改造调研,东山街道,李娜\n"
                           "2025-04-02,,执法检查,食品安全法执法检查,,王强(缺席)\n");
  out = liaison_test_hq_run (fixture, "import activities", activities, NULL);
  g_test_message ("%s", out);

  counts = liaison_test_sync_ok (east.engine);
  g_assert_cmpuint (counts.set_aside, ==, 0);
  counts = liaison_test_sync_ok (west.engine);
  g_assert_cmpuint (counts.set_aside, ==, 0);
  counts = liaison_test_sync_ok (south.engine);
  g_assert_cmpuint (counts.set_aside, ==, 0);

  /* Each station holds the activities of its deputies, and no other. */
  east_titles = titles (east.store);
  west_titles = titles (west.store);
  south_titles = titles (south.store);
  g_assert_cmpstr (east_titles, ==, "市十七届人大五次会议第一天|老旧小区改造调研");
  g_assert_cmpstr (west_titles, ==, "市十七届人大五次会议第一天|食品安全法执法检查");
  g_assert_cmpstr (south_titles, ==, "");
  /* Nothing pulled goes back. */
  g_assert_cmpuint (liaison_test_replica_unsynced (&east), ==, 0);

  /* Whole, with the attendance, and a deputy's record offline. */
  zhang = deputy_uuid (east.store, "张伟");
  wang = deputy_uuid (west.store, "王强");
  zhang_activities = liaison_store_list_deputy_activities (east.store, zhang, "2025-01-01", "2025-12-31", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (zhang_activities->len, ==, 1);
  {
    const LiaisonActivity *session = g_ptr_array_index (zhang_activities, 0);
    const LiaisonAttendee *second = g_ptr_array_index (session->attendees, 1);

    g_assert_cmpint (session->kind, ==, LIAISON_ACTIVITY_CONGRESS_SESSION);
    g_assert_cmpstr (session->place, ==, "市会议中心");
    g_assert_cmpuint (session->attendees->len, ==, 2);
    g_assert_cmpstr (second->deputy_uuid, ==, wang);
    g_assert_cmpint (second->attendance, ==, LIAISON_ATTENDANCE_LEAVE);
  }
  items = liaison_store_gather_duty_items (west.store, wang, "2025-01-01", "2025-12-31", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 2);
  g_assert_cmpint (((LiaisonDutyItem *) g_ptr_array_index (items, 1))->attendance, ==, LIAISON_ATTENDANCE_ABSENT);

  /* 东山 plans 张伟's duty day and records a station duty activity. */
  east_uuid = liaison_test_local_station_uuid (east.store);
  shift->deputy_uuid = g_strdup (zhang);
  shift->date = g_strdup ("2025-05-06");
  shift->note = g_strdup ("上午");
  g_assert_true (liaison_store_save_duty_shift (east.store, shift, &error));
  g_assert_no_error (error);
  duty->kind = LIAISON_ACTIVITY_STATION_DUTY;
  duty->title = g_strdup ("进站接待群众");
  duty->date = g_strdup ("2025-05-06");
  g_ptr_array_add (duty->attendees, liaison_attendee_new (zhang, LIAISON_ATTENDANCE_ATTENDED));
  g_assert_true (liaison_store_save_activity (east.store, duty, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (liaison_test_replica_unsynced (&east), ==, 2);
  counts = liaison_test_sync_ok (east.engine);
  g_assert_cmpuint (counts.sent, ==, 2);
  g_assert_cmpuint (counts.rejected, ==, 0);
  g_assert_cmpuint (liaison_test_replica_unsynced (&east), ==, 0);

  /* Headquarters' desk receives them; 西山 does not. */
  liaison_test_replica_enroll_hq (fixture, &hq, "代表工委");
  liaison_test_sync_ok (hq.engine);
  shifts = liaison_store_list_duty_shifts (hq.store, east_uuid, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (shifts->len, ==, 1);
  g_assert_cmpstr (((LiaisonDutyShift *) g_ptr_array_index (shifts, 0))->meta.uuid, ==, shift->meta.uuid);
  g_assert_cmpstr (((LiaisonDutyShift *) g_ptr_array_index (shifts, 0))->deputy_uuid, ==, zhang);
  g_assert_cmpstr (((LiaisonDutyShift *) g_ptr_array_index (shifts, 0))->note, ==, "上午");
  {
    g_autoptr(GPtrArray) on_duty = liaison_store_list_on_duty (hq.store, east_uuid, "2025-05-06", &error);
    g_autoptr(LiaisonActivity) received = liaison_store_get_activity (hq.store, duty->meta.uuid, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (on_duty->len, ==, 1);
    g_assert_cmpstr (received->title, ==, "进站接待群众");
    g_assert_cmpstr (received->meta.origin_station_uuid, ==, east_uuid);
  }
  /* Headquarters' desk records an inspection with 王强: pushed, it
   * reaches 西山, his station, and not 东山. */
  {
    g_autoptr(LiaisonActivity) inspection = liaison_activity_new ();
    g_autofree char *hq_wang = deputy_uuid (hq.store, "王强");

    inspection->kind = LIAISON_ACTIVITY_INSPECTION;
    inspection->title = g_strdup ("城区防汛工作视察");
    inspection->date = g_strdup ("2025-06-12");
    g_ptr_array_add (inspection->attendees, liaison_attendee_new (hq_wang, LIAISON_ATTENDANCE_ATTENDED));
    g_assert_true (liaison_store_save_activity (hq.store, inspection, &error));
    g_assert_no_error (error);
    counts = liaison_test_sync_ok (hq.engine);
    g_assert_cmpuint (counts.sent, ==, 1);
    g_assert_cmpuint (counts.rejected, ==, 0);
  }
  liaison_test_sync_ok (west.engine);
  liaison_test_sync_ok (east.engine);
  g_clear_pointer (&west_titles, g_free);
  west_titles = titles (west.store);
  g_assert_cmpstr (west_titles, ==, "城区防汛工作视察|市十七届人大五次会议第一天|食品安全法执法检查");
  g_assert_cmpint (liaison_test_count_rows (west.store, "duty_shifts"), ==, 0);
  g_clear_pointer (&east_titles, g_free);
  east_titles = titles (east.store);
  g_assert_cmpstr (east_titles, ==, "市十七届人大五次会议第一天|老旧小区改造调研|进站接待群众");

  liaison_test_replica_clear (&east);
  liaison_test_replica_clear (&west);
  liaison_test_replica_clear (&south);
  liaison_test_replica_clear (&hq);
}

/* The default rule set, in force from @effective_from, with research
 * worth @research tenths: its JSON. */
static char *
rules_json (const char    *effective_from,
            LiaisonPoints  research)
{
  g_autoptr(LiaisonPointsRules) rules = liaison_points_rules_new_default ();

  g_free (rules->effective_from);
  rules->effective_from = g_strdup (effective_from);
  rules->points[LIAISON_POINTS_RULE_RESEARCH] = research;
  return liaison_points_rules_to_json (rules);
}

/* @deputy's points in each quarter of @year at @store, scored with the
 * rule sets @store holds. */
static void
quarter_points (LiaisonStore  *store,
                const char    *deputy,
                int            year,
                LiaisonPoints  totals[4])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *from = g_strdup_printf ("%d-01-01", year);
  g_autofree char *to = g_strdup_printf ("%d-12-31", year);
  g_autoptr(GPtrArray) items = liaison_store_gather_duty_items (store, deputy, from, to, &error);
  g_autoptr(GPtrArray) rule_sets = liaison_store_list_points_rules (store, &error);
  g_autoptr(LiaisonPointsScore) score = NULL;
  const LiaisonDeputyPoints *points;

  g_assert_no_error (error);
  score = liaison_points_score_year (items, rule_sets, year, NULL, NULL, &error);
  g_assert_no_error (error);
  points = liaison_points_score_find (score, deputy);
  for (guint q = 0; q < 4; q++)
    totals[q] = points != NULL ? points->quarter_totals[q] : 0;
}

/* The kinds of @deputy's items at @store, in order, as "3,5": the
 * LiaisonDutyItemKind of each. */
static char *
item_kinds (LiaisonStore *store,
            const char   *deputy)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = liaison_store_gather_duty_items (store, deputy, NULL, NULL, &error);
  GString *kinds = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < items->len; i++)
    g_string_append_printf (kinds, "%s%d", i > 0 ? "," : "",
                            ((LiaisonDutyItem *) g_ptr_array_index (items, i))->kind);
  return g_string_free (kinds, FALSE);
}

static void
test_points_rules_and_motion (Fixture       *fixture,
                              gconstpointer  data)
{
  LiaisonTestReplica east = liaison_test_replica_new_synced_station (fixture, "east.db", "东山联络站");
  LiaisonTestReplica west = liaison_test_replica_new_synced_station (fixture, "west.db", "西山联络站");
  LiaisonTestReplica hq = liaison_test_replica_new (fixture, "hq.db");
  g_autofree char *roster = NULL;
  g_autofree char *activities = NULL;
  g_autofree char *out = NULL;
  g_autofree char *zhang = NULL;
  g_autofree char *li = NULL;
  g_autofree char *april = rules_json ("2025-04-01", 40);
  g_autofree char *bad = NULL;
  g_autofree char *kinds = NULL;
  g_autofree char *expected_kinds = NULL;
  g_autoptr(GPtrArray) rule_sets = NULL;
  g_autoptr(LiaisonSuggestion) motion = liaison_suggestion_new ();
  g_autoptr(GError) error = NULL;
  LiaisonPoints totals[4];
  LiaisonSyncCounts counts;
  GDate today;
  int year;

  roster = write_file (fixture, "deputies.csv",
                       "姓名,层级,联络站\n"
                       "张伟,市,东山联络站\n"
                       "李娜,县,东山联络站\n");
  out = liaison_test_hq_run (fixture, "import deputies", roster, NULL);
  g_clear_pointer (&out, g_free);
  /* Research in each of the first two quarters of 2025. */
  activities = write_file (fixture, "activities.csv",
                           "日期,结束日期,类型,名称,地点,参加代表\n"
                           "2025-03-05,,调研,老旧小区改造调研,东山街道,张伟\n"
                           "2025-04-10,,调研,背街小巷整治调研,东山街道,张伟\n");
  out = liaison_test_hq_run (fixture, "import activities", activities, NULL);
  g_clear_pointer (&out, g_free);
  liaison_test_replica_enroll_hq (fixture, &hq, "代表工委");
  liaison_test_sync_ok (hq.engine);
  liaison_test_sync_ok (east.engine);
  zhang = deputy_uuid (east.store, "张伟");
  li = deputy_uuid (east.store, "李娜");

  /* The default set alone: research is 3 in both quarters. */
  quarter_points (east.store, zhang, 2025, totals);
  g_assert_cmpint (totals[0], ==, 30);
  g_assert_cmpint (totals[1], ==, 30);

  /* A station desk may not set the rules; nor may headquarters' set a
   * rule set the engine refuses, and the engine's message names the key. */
  g_assert_false (liaison_store_save_points_rules (east.store, april, &error));
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID);
  g_clear_error (&error);
  bad = rules_json ("2025-04-01", 10010);
  g_assert_false (liaison_store_save_points_rules (hq.store, bad, &error));
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "research"));
  g_clear_error (&error);
  g_assert_cmpint (liaison_test_count_rows (east.store, "points_rules"), ==, 0);
  g_assert_cmpint (liaison_test_count_rows (hq.store, "points_rules"), ==, 0);

  /* Headquarters' desk sets research to 4 from 1 April 2025; saved again
   * on that date, it is the same set's next version. */
  g_assert_true (liaison_store_save_points_rules (hq.store, april, &error));
  g_assert_no_error (error);
  g_assert_true (liaison_store_save_points_rules (hq.store, april, &error));
  g_assert_no_error (error);
  g_assert_cmpint (liaison_test_count_rows (hq.store, "points_rules"), ==, 1);
  g_assert_cmpint (liaison_test_query_int (hq.store, "SELECT version FROM points_rules"), ==, 2);
  counts = liaison_test_sync_ok (hq.engine);
  g_assert_cmpuint (counts.sent, ==, 1);
  g_assert_cmpuint (counts.rejected, ==, 0);

  /* Every station gets it, 西山 with no deputy in it too. */
  liaison_test_sync_ok (east.engine);
  liaison_test_sync_ok (west.engine);
  g_assert_cmpint (liaison_test_count_rows (west.store, "points_rules"), ==, 1);
  rule_sets = liaison_store_list_points_rules (east.store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rule_sets->len, ==, 2);
  g_assert_cmpstr (((LiaisonPointsRules *) g_ptr_array_index (rule_sets, 1))->effective_from, ==, "2025-04-01");
  /* Nothing pulled goes back. */
  g_assert_cmpuint (liaison_test_replica_unsynced (&east), ==, 0);

  /* Q1 keeps the default; Q2, from the set's effective date, has research 4. */
  quarter_points (east.store, zhang, 2025, totals);
  g_assert_cmpint (totals[0], ==, 30);
  g_assert_cmpint (totals[1], ==, 40);

  /* 东山 files a motion (议案) for 张伟, co-signed by 李娜. */
  motion->kind = LIAISON_LOOP_KIND_DEPUTY_SUGGESTION;
  motion->motion = TRUE;
  motion->category_id = liaison_store_find_category (east.store, "urban_construction");
  motion->title = g_strdup ("关于加快老旧小区改造的议案");
  motion->content = g_strdup ("议案内容");
  motion->deputy_id = liaison_store_find_deputy (east.store, "张伟");
  {
    gint64 co_id = liaison_store_find_deputy (east.store, "李娜");

    g_array_append_val (motion->co_signer_ids, co_id);
  }
  g_assert_true (liaison_store_save_suggestion (east.store, motion, &error));
  g_assert_no_error (error);
  expected_kinds = g_strdup_printf ("%d,%d,%d", LIAISON_DUTY_ITEM_ACTIVITY, LIAISON_DUTY_ITEM_ACTIVITY,
                                    LIAISON_DUTY_ITEM_MOTION);
  kinds = item_kinds (east.store, zhang);
  g_assert_cmpstr (kinds, ==, expected_kinds);

  /* It scores 5 for 张伟 as first signer, 1 for 李娜, in today's quarter. */
  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));
  year = g_date_get_year (&today);
  {
    guint q = (g_date_get_month (&today) - 1) / 3;
    LiaisonPoints li_totals[4];

    quarter_points (east.store, zhang, year, totals);
    g_assert_cmpint (totals[q], ==, 50 + (year == 2025 ? (q == 0 ? 30 : q == 1 ? 40 : 0) : 0));
    quarter_points (east.store, li, year, li_totals);
    g_assert_cmpint (li_totals[q], ==, 10);
  }

  /* The round trip: headquarters holds it as a motion. */
  counts = liaison_test_sync_ok (east.engine);
  g_assert_cmpuint (counts.rejected, ==, 0);
  liaison_test_sync_ok (hq.engine);
  {
    gint64 id = liaison_test_suggestion_id (hq.store, motion->meta.uuid);
    g_autoptr(LiaisonSuggestion) at_hq = liaison_test_get_suggestion (hq.store, id);
    g_autofree char *hq_zhang = deputy_uuid (hq.store, "张伟");
    g_autofree char *hq_kinds = item_kinds (hq.store, hq_zhang);

    g_assert_true (at_hq->motion);
    g_assert_cmpstr (hq_kinds, ==, expected_kinds);
  }

  liaison_test_replica_clear (&east);
  liaison_test_replica_clear (&west);
  liaison_test_replica_clear (&hq);
}

static char *
activity_title_at (LiaisonStore *store,
                   const char   *uuid)
{
  g_autoptr(LiaisonActivity) activity = liaison_store_get_activity (store, uuid, NULL);

  g_assert_nonnull (activity);
  return g_strdup (activity->title);
}

static void
test_closed_quarter (Fixture       *fixture,
                     gconstpointer  data)
{
  LiaisonTestReplica east = liaison_test_replica_new_synced_station (fixture, "east.db", "东山联络站");
  LiaisonTestReplica west = liaison_test_replica_new_synced_station (fixture, "west.db", "西山联络站");
  LiaisonTestReplica hq = liaison_test_replica_new (fixture, "hq.db");
  g_autofree char *roster = NULL;
  g_autofree char *out = NULL;
  g_autofree char *zhang = NULL;
  g_autofree char *title = NULL;
  g_autoptr(LiaisonActivity) duty = liaison_activity_new ();
  g_autoptr(LiaisonActivity) corrected = NULL;
  g_autoptr(LiaisonActivity) at_hq = NULL;
  g_autoptr(LiaisonDutyShift) shift = liaison_duty_shift_new ();
  g_autoptr(LiaisonQuarterClose) close = NULL;
  g_autoptr(LiaisonQuarterClose) received = NULL;
  g_autoptr(GError) error = NULL;
  LiaisonSyncCounts counts;
  char *sql;

  roster = write_file (fixture, "deputies.csv",
                       "姓名,层级,联络站\n"
                       "张伟,市,东山联络站\n"
                       "王强,市,西山联络站\n");
  out = liaison_test_hq_run (fixture, "import deputies", roster, NULL);
  liaison_test_sync_ok (east.engine);
  liaison_test_sync_ok (west.engine);

  /* 东山 records 张伟's station duty of 2025-02-10, before the closing. */
  zhang = deputy_uuid (east.store, "张伟");
  duty->kind = LIAISON_ACTIVITY_STATION_DUTY;
  duty->title = g_strdup ("进站接待群众");
  duty->date = g_strdup ("2025-02-10");
  g_ptr_array_add (duty->attendees, liaison_attendee_new (zhang, LIAISON_ATTENDANCE_ATTENDED));
  g_assert_true (liaison_store_save_activity (east.store, duty, &error));
  g_assert_no_error (error);
  liaison_test_sync_ok (east.engine);

  /* Headquarters' desk closes 2025Q1: 张伟 2 points (a station duty day),
   * 王强 0; one record a deputy, pushed. */
  liaison_test_replica_enroll_hq (fixture, &hq, "代表工委");
  liaison_test_sync_ok (hq.engine);
  g_assert_true (liaison_store_set_desk_actor (hq.store, "hq", "陈静", NULL, &error));
  close = liaison_store_close_quarter (hq.store, (LiaisonQuarter) { 2025, 1 }, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (liaison_quarter_snapshot_find (close->snapshot, zhang)->total, ==, 20);
  counts = liaison_test_sync_ok (hq.engine);
  g_assert_cmpuint (counts.sent, ==, 2);
  g_assert_cmpuint (counts.rejected, ==, 0);

  /* It reaches every station, whole. */
  liaison_test_sync_ok (east.engine);
  liaison_test_sync_ok (west.engine);
  received = liaison_store_get_quarter_close (west.store, (LiaisonQuarter) { 2025, 1 }, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (received->snapshot->deputies->len, ==, 2);
  g_assert_cmpint (liaison_quarter_snapshot_find (received->snapshot, zhang)->total, ==, 20);
  g_assert_cmpstr (received->closed_by, ==, "陈静");
  g_assert_true (liaison_store_quarter_is_closed (east.store, (LiaisonQuarter) { 2025, 1 }, &error));
  g_assert_no_error (error);

  /* A plain change of the station duty, as a desk that does not know the
   * quarter is closed would push it, and a duty shift beside it: the
   * server refuses the one and takes the other. */
  sql = g_strdup_printf ("UPDATE activities SET title = '改过的标题', version = version + 1, sync_state = 1"
                         " WHERE uuid = '%s'", duty->meta.uuid);
  g_assert_true (liaison_store_exec (east.store, sql, &error));
  g_free (sql);
  g_assert_no_error (error);
  shift->deputy_uuid = g_strdup (zhang);
  shift->date = g_strdup ("2025-05-06");
  g_assert_true (liaison_store_save_duty_shift (east.store, shift, &error));
  g_assert_no_error (error);
  counts = liaison_test_sync_ok (east.engine);
  g_assert_cmpuint (counts.rejected, ==, 1);
  g_assert_cmpuint (counts.sent, ==, 1);
  liaison_test_sync_ok (hq.engine);
  title = activity_title_at (hq.store, duty->meta.uuid);
  g_assert_cmpstr (title, ==, "进站接待群众");
  g_assert_cmpint (liaison_test_count_rows (hq.store, "duty_shifts"), ==, 1);

  /* A correction passes, with its reason, who and when. */
  g_assert_true (liaison_store_set_desk_actor (east.store, "station", "东山 刘芳", NULL, &error));
  corrected = liaison_store_get_activity (east.store, duty->meta.uuid, &error);
  g_assert_no_error (error);
  g_free (corrected->title);
  corrected->title = g_strdup ("进站接待群众（更正）");
  corrected->correction_reason = g_strdup ("标题录错");
  g_assert_true (liaison_store_save_activity (east.store, corrected, &error));
  g_assert_no_error (error);
  counts = liaison_test_sync_ok (east.engine);
  g_assert_cmpuint (counts.rejected, ==, 0);
  g_assert_cmpuint (counts.sent, ==, 1);
  liaison_test_sync_ok (hq.engine);
  at_hq = liaison_store_get_activity (hq.store, duty->meta.uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (at_hq->title, ==, "进站接待群众（更正）");
  g_assert_cmpstr (at_hq->correction_reason, ==, "标题录错");
  g_assert_cmpstr (at_hq->corrected_by, ==, "东山 刘芳");
  g_assert_nonnull (at_hq->corrected_at);

  liaison_test_replica_clear (&east);
  liaison_test_replica_clear (&west);
  liaison_test_replica_clear (&hq);
}

/* `liaison-hq quarter close` on a data folder with records freezes the
 * figures a headquarters desk scores from the same records; bad input
 * changes nothing. */
static void
test_cli_close (Fixture       *fixture,
                gconstpointer  data)
{
  LiaisonTestReplica east = liaison_test_replica_new_synced_station (fixture, "east.db", "东山联络站");
  LiaisonTestReplica hq = liaison_test_replica_new (fixture, "hq.db");
  g_autofree char *roster = NULL;
  g_autofree char *activities = NULL;
  g_autofree char *out = NULL;
  g_autofree char *zhang = NULL;
  g_autofree char *wang = NULL;
  g_autoptr(LiaisonActivity) duty = liaison_activity_new ();
  g_autoptr(LiaisonPointsScore) score = NULL;
  g_autoptr(LiaisonQuarterClose) close = NULL;
  g_autoptr(GError) error = NULL;
  const LiaisonDeputyPoints *desk_zhang;
  gint64 feed_end;
  static const char *const bad[] = { "2025Q5", "2025Q1", "2099Q1" };

  roster = write_file (fixture, "deputies.csv",
                       "姓名,层级,联络站\n"
                       "张伟,市,东山联络站\n"
                       "王强,市,东山联络站\n");
  g_free (liaison_test_hq_run (fixture, "import deputies", roster, NULL));
  activities = write_file (fixture, "activities.csv",
                           "日期,结束日期,类型,名称,地点,参加代表\n"
                           "2025-01-06,,出席人代会,市十七届人大五次会议第一天,市会议中心,张伟、王强（缺席）\n"
                           "2025-03-05,2025-03-06,调研,老旧小区改造调研,东山街道,张伟\n"
                           "2025-04-02,,执法检查,食品安全法执法检查,,王强\n");
  g_free (liaison_test_hq_run (fixture, "import activities", activities, NULL));
  liaison_test_sync_ok (east.engine);
  zhang = deputy_uuid (east.store, "张伟");
  duty->kind = LIAISON_ACTIVITY_STATION_DUTY;
  duty->title = g_strdup ("进站接待群众");
  duty->date = g_strdup ("2025-02-10");
  g_ptr_array_add (duty->attendees, liaison_attendee_new (zhang, LIAISON_ATTENDANCE_ATTENDED));
  g_assert_true (liaison_store_save_activity (east.store, duty, &error));
  g_assert_no_error (error);
  liaison_test_sync_ok (east.engine);

  /* The desk's scoring of the same records: 张伟 2 + 3 + 2 = 7, 王强 −2. */
  liaison_test_replica_enroll_hq (fixture, &hq, "代表工委");
  liaison_test_sync_ok (hq.engine);
  score = liaison_store_score_quarter (hq.store, (LiaisonQuarter) { 2025, 1 }, FALSE, NULL, &error);
  g_assert_no_error (error);
  desk_zhang = liaison_points_score_find (score, zhang);
  g_assert_cmpint (desk_zhang->total, ==, 70);

  out = liaison_test_hq_run (fixture, "quarter close", "2025Q1", "--by", "代表工委 陈静", NULL);
  g_test_message ("%s", out);
  g_assert_nonnull (strstr (out, "2"));
  g_clear_pointer (&out, g_free);
  out = liaison_test_hq_run (fixture, "quarter list", NULL);
  g_assert_nonnull (strstr (out, "2025Q1\t"));
  g_assert_nonnull (strstr (out, "代表工委 陈静"));

  /* The desk receives it: the same frozen totals as its own scoring. */
  liaison_test_sync_ok (hq.engine);
  close = liaison_store_get_quarter_close (hq.store, (LiaisonQuarter) { 2025, 1 }, &error);
  g_assert_no_error (error);
  g_assert_cmpint (liaison_quarter_snapshot_find (close->snapshot, zhang)->total, ==, desk_zhang->total);
  wang = deputy_uuid (hq.store, "王强");
  g_assert_cmpint (liaison_quarter_snapshot_find (close->snapshot, wang)->total, ==,
                   liaison_points_score_find (score, wang)->total);
  g_assert_cmpint (liaison_quarter_snapshot_find (close->snapshot, wang)->total, ==, -20);
  g_assert_cmpuint (liaison_quarter_snapshot_find (close->snapshot, zhang)->lines->len, ==,
                    desk_zhang->lines->len);

  /* A bad quarter, the same quarter again, one not over: refused, the
   * server's feed as it was. */
  feed_end = liaison_test_hq_feed_end (fixture);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *bad_out = NULL;
      g_autofree char *bad_err = NULL;
      int status = liaison_test_run_hq (&bad_out, &bad_err, "quarter", "close", "--data-dir", fixture->data_dir,
                                        bad[i], NULL);

      g_test_message ("%s: %s", bad[i], bad_err);
      g_assert_cmpint (status, ==, 1);
      g_assert_nonnull (strstr (bad_err, "liaison-hq: "));
      g_assert_cmpint (liaison_test_hq_feed_end (fixture), ==, feed_end);
    }

  /* Nor does an import of an activity in the closed quarter: all or
   * nothing, the line named. */
  {
    g_autofree char *late = write_file (fixture, "late.csv",
                                        "日期,结束日期,类型,名称,地点,参加代表\n"
                                        "2025-04-10,,视察,四月视察,,张伟\n"
                                        "2025-03-20,,视察,补录视察,,张伟\n");
    g_autofree char *late_out = NULL;
    g_autofree char *late_err = NULL;
    int status = liaison_test_run_hq (&late_out, &late_err, "import", "activities", "--data-dir", fixture->data_dir,
                                      late, NULL);

    g_test_message ("%s", late_err);
    g_assert_cmpint (status, ==, 1);
    g_assert_nonnull (strstr (late_err, "2025Q1"));
    g_assert_cmpint (liaison_test_hq_feed_end (fixture), ==, feed_end);
  }

  liaison_test_replica_clear (&east);
  liaison_test_replica_clear (&hq);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/duty-sync/activities-and-roster", Fixture, NULL, fixture_set_up, test_activities_and_roster,
              fixture_tear_down);
  g_test_add ("/duty-sync/points-rules-and-motion", Fixture, NULL, fixture_set_up, test_points_rules_and_motion,
              fixture_tear_down);
  g_test_add ("/duty-sync/cli-close", Fixture, NULL, fixture_set_up, test_cli_close, fixture_tear_down);
  g_test_add ("/duty-sync/closed-quarter", Fixture, NULL, fixture_set_up, test_closed_quarter, fixture_tear_down);
  return g_test_run ();
}
