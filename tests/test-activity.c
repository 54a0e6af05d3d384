/* test-activity.c: the duty record's activity kinds, attendance and
 * records (app/duty/liaison-activity.h). */
#define G_LOG_DOMAIN "test-activity"

#include "config.h"

#include "liaison-activity.h"
#include "liaison-duty-item.h"

static void
test_kind_codes (void)
{
  static const char *codes[] = {
    "congress_session", "standing_committee", "research", "inspection",
    "law_enforcement_inspection", "theme_activity", "group_activity",
    "training", "station_duty", "other",
  };

  g_assert_cmpuint (G_N_ELEMENTS (codes), ==, LIAISON_N_ACTIVITY_KINDS);
  for (guint i = 0; i < LIAISON_N_ACTIVITY_KINDS; i++)
    {
      LiaisonActivityKind kind = LIAISON_N_ACTIVITY_KINDS;

      g_assert_cmpstr (liaison_activity_kind_to_code ((LiaisonActivityKind) i), ==, codes[i]);
      g_assert_true (liaison_activity_kind_from_code (codes[i], &kind));
      g_assert_cmpint (kind, ==, (LiaisonActivityKind) i);
    }
}

static void
test_parse_chinese (void)
{
  LiaisonActivityKind kind;
  LiaisonAttendance attendance;

  /* The words the CSV import and the seed use. */
  g_assert_true (liaison_activity_kind_parse ("出席人代会", &kind));
  g_assert_cmpint (kind, ==, LIAISON_ACTIVITY_CONGRESS_SESSION);
  g_assert_true (liaison_activity_kind_parse (" 执法检查 ", &kind));
  g_assert_cmpint (kind, ==, LIAISON_ACTIVITY_LAW_ENFORCEMENT_INSPECTION);
  g_assert_true (liaison_activity_kind_parse ("Research", &kind));
  g_assert_cmpint (kind, ==, LIAISON_ACTIVITY_RESEARCH);
  g_assert_false (liaison_activity_kind_parse ("开会", &kind));
  g_assert_false (liaison_activity_kind_from_code ("调研", &kind));

  g_assert_true (liaison_attendance_parse ("请假", &attendance));
  g_assert_cmpint (attendance, ==, LIAISON_ATTENDANCE_LEAVE);
  g_assert_true (liaison_attendance_parse ("缺席", &attendance));
  g_assert_cmpint (attendance, ==, LIAISON_ATTENDANCE_ABSENT);
  g_assert_true (liaison_attendance_from_code ("attended", &attendance));
  g_assert_cmpint (attendance, ==, LIAISON_ATTENDANCE_ATTENDED);
}

static void
test_owners (void)
{
  g_assert_cmpint (liaison_activity_kind_owner (LIAISON_ACTIVITY_CONGRESS_SESSION), ==,
                   LIAISON_ACTIVITY_OWNER_HEADQUARTERS);
  g_assert_cmpint (liaison_activity_kind_owner (LIAISON_ACTIVITY_TRAINING), ==,
                   LIAISON_ACTIVITY_OWNER_HEADQUARTERS);
  g_assert_cmpint (liaison_activity_kind_owner (LIAISON_ACTIVITY_STATION_DUTY), ==,
                   LIAISON_ACTIVITY_OWNER_STATION);
  g_assert_cmpint (liaison_activity_kind_owner (LIAISON_ACTIVITY_GROUP_ACTIVITY), ==,
                   LIAISON_ACTIVITY_OWNER_EITHER);
  g_assert_cmpint (liaison_activity_kind_owner (LIAISON_ACTIVITY_OTHER), ==,
                   LIAISON_ACTIVITY_OWNER_EITHER);
}

static void
test_copy_keeps_everything (void)
{
  g_autoptr(LiaisonActivity) activity = liaison_activity_new ();
  g_autoptr(LiaisonActivity) copy = NULL;
  LiaisonAttendee *second;

  activity->meta.uuid = g_strdup ("a1");
  activity->meta.version = 4;
  activity->kind = LIAISON_ACTIVITY_INSPECTION;
  activity->title = g_strdup ("视察相山区老旧小区改造");
  activity->date = g_strdup ("2025-03-30");
  activity->end_date = g_strdup ("2025-04-01");
  activity->place = g_strdup ("相山区");
  activity->organiser = g_strdup ("市人大常委会城建环资工委");
  activity->note = g_strdup ("跨季度");
  activity->correction_reason = g_strdup ("补录请假");
  activity->corrected_by = g_strdup ("王敏");
  activity->corrected_at = g_strdup ("2025-04-10T02:00:00Z");
  g_ptr_array_add (activity->attendees, liaison_attendee_new ("d1", LIAISON_ATTENDANCE_ATTENDED));
  second = liaison_attendee_new ("d2", LIAISON_ATTENDANCE_LEAVE);
  second->deputy_name = g_strdup ("李娜");
  g_ptr_array_add (activity->attendees, second);

  copy = liaison_activity_copy (activity);
  g_assert_cmpstr (copy->meta.uuid, ==, "a1");
  g_assert_cmpint (copy->meta.version, ==, 4);
  g_assert_cmpint (copy->kind, ==, LIAISON_ACTIVITY_INSPECTION);
  g_assert_cmpstr (copy->title, ==, activity->title);
  g_assert_cmpstr (copy->end_date, ==, "2025-04-01");
  g_assert_cmpstr (copy->organiser, ==, activity->organiser);
  g_assert_cmpstr (copy->correction_reason, ==, "补录请假");
  g_assert_cmpstr (copy->corrected_at, ==, activity->corrected_at);
  g_assert_cmpuint (copy->attendees->len, ==, 2);
  second = g_ptr_array_index (copy->attendees, 1);
  g_assert_cmpstr (second->deputy_uuid, ==, "d2");
  g_assert_cmpint (second->attendance, ==, LIAISON_ATTENDANCE_LEAVE);
  g_assert_cmpstr (second->deputy_name, ==, "李娜");
  /* A deep copy: the original's strings are its own. */
  g_assert_true (copy->title != activity->title);
}

static void
test_duty_item_copy (void)
{
  g_autoptr(LiaisonDutyItem) item = liaison_duty_item_new (LIAISON_DUTY_ITEM_ACTIVITY, "d1", "2025-03-31",
                                                           "a1", "视察");
  g_autoptr(LiaisonDutyItem) copy = NULL;

  item->activity_kind = LIAISON_ACTIVITY_INSPECTION;
  item->attendance = LIAISON_ATTENDANCE_ABSENT;
  item->end_date = g_strdup ("2025-04-02");
  item->station_uuid = g_strdup ("s1");
  copy = liaison_duty_item_copy (item);
  g_assert_cmpint (copy->kind, ==, LIAISON_DUTY_ITEM_ACTIVITY);
  g_assert_cmpint (copy->activity_kind, ==, LIAISON_ACTIVITY_INSPECTION);
  g_assert_cmpint (copy->attendance, ==, LIAISON_ATTENDANCE_ABSENT);
  g_assert_cmpstr (copy->date, ==, "2025-03-31");
  g_assert_cmpstr (copy->source_uuid, ==, "a1");
  g_assert_cmpstr (copy->end_date, ==, "2025-04-02");
  g_assert_cmpstr (copy->station_uuid, ==, "s1");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/activity/kind-codes", test_kind_codes);
  g_test_add_func ("/activity/parse-chinese", test_parse_chinese);
  g_test_add_func ("/activity/owners", test_owners);
  g_test_add_func ("/activity/copy-keeps-everything", test_copy_keeps_everything);
  g_test_add_func ("/activity/duty-item-copy", test_duty_item_copy);
  return g_test_run ();
}
