/* test-duty-sync.c: the duty record the whole way through a real
 * liaison-hq on loopback, between real station and headquarters desks:
 * activities imported at headquarters or recorded at its desk reach the
 * station of each deputy involved and no other, and a station's duty days
 * and its own activities reach headquarters. */
#define G_LOG_DOMAIN "test-duty-sync"

#include "config.h"

#include <glib.h>
#include <sqlite3.h>

#include "liaison-store-duty.h"
#include "liaison-store-private.h"
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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/duty-sync/activities-and-roster", Fixture, NULL, fixture_set_up, test_activities_and_roster,
              fixture_tear_down);
  return g_test_run ();
}
