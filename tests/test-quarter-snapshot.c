/* test-quarter-snapshot.c: a closed quarter's frozen figures, their JSON
 * and their difference from the live score
 * (app/duty/liaison-quarter-snapshot.h), on figures worked out by hand.
 */
#define G_LOG_DOMAIN "test-quarter-snapshot"

#include "config.h"

#include <string.h>

#include "liaison-quarter-snapshot.h"

#define ZHANG "00000000-0000-4000-8000-00000000000a"
#define LI    "00000000-0000-4000-8000-00000000000b"
#define SESSION  "00000000-0000-4000-8000-000000000101"
#define RESEARCH "00000000-0000-4000-8000-000000000102"
#define TRAINING "00000000-0000-4000-8000-000000000103"
#define RECEPTION "00000000-0000-4000-8000-000000000104"
#define LATE     "00000000-0000-4000-8000-000000000105"

static LiaisonDutyItem *
activity (const char          *deputy,
          LiaisonActivityKind  kind,
          LiaisonAttendance    attendance,
          const char          *date,
          const char          *source)
{
  LiaisonDutyItem *item = liaison_duty_item_new (LIAISON_DUTY_ITEM_ACTIVITY, deputy, date, source, source);

  item->activity_kind = kind;
  item->attendance = attendance;
  return item;
}

/* The quarter 2025Q1 as it was closed, with the default rules:
 *
 *   张 (group 一组): congress session 2025-01-08 attended      +2
 *                   research 2025-02-10 attended               +3
 *                   a reception 2025-03-03 at station S        +1 (reception hosted)
 *                                                              +2 (station duty day)
 *                   total 8, duty days 3 (01-08, 02-10, 03-03)
 *   李 (group 一组): training 2025-02-10 attended              +1
 *                   total 1, duty days 1
 *   A research of 2025-04-01 (Q2) for 张 is not in the quarter.
 *   Ranks in 一组: 张 1, 李 2.
 */
static GPtrArray *
closed_items (void)
{
  GPtrArray *items = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_duty_item_free);
  LiaisonDutyItem *reception;

  g_ptr_array_add (items, activity (ZHANG, LIAISON_ACTIVITY_CONGRESS_SESSION, LIAISON_ATTENDANCE_ATTENDED,
                                    "2025-01-08", SESSION));
  g_ptr_array_add (items, activity (ZHANG, LIAISON_ACTIVITY_RESEARCH, LIAISON_ATTENDANCE_ATTENDED,
                                    "2025-02-10", RESEARCH));
  reception = liaison_duty_item_new (LIAISON_DUTY_ITEM_RECEPTION, ZHANG, "2025-03-03", RECEPTION, "接待");
  reception->station_uuid = g_strdup ("00000000-0000-4000-8000-0000000000ff");
  g_ptr_array_add (items, reception);
  g_ptr_array_add (items, activity (ZHANG, LIAISON_ACTIVITY_RESEARCH, LIAISON_ATTENDANCE_ATTENDED,
                                    "2025-04-01", LATE));
  g_ptr_array_add (items, activity (LI, LIAISON_ACTIVITY_TRAINING, LIAISON_ATTENDANCE_ATTENDED,
                                    "2025-02-10", TRAINING));
  return items;
}

static LiaisonQuarterSnapshot *
snapshot_of (GPtrArray *items)
{
  g_autoptr(GPtrArray) rule_sets = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_points_rules_free);
  g_autoptr(GHashTable) groups = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(LiaisonPointsScore) score = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (rule_sets, liaison_points_rules_new_default ());
  g_hash_table_insert (groups, ZHANG, "一组");
  g_hash_table_insert (groups, LI, "一组");
  g_hash_table_insert (names, ZHANG, "张");
  g_hash_table_insert (names, LI, "李");
  score = liaison_points_score_quarter (items, rule_sets, (LiaisonQuarter) { 2025, 1 }, groups, names, &error);
  g_assert_no_error (error);
  return liaison_quarter_snapshot_new_from_score (score, (LiaisonQuarter) { 2025, 1 });
}

static void
test_snapshot_figures (void)
{
  g_autoptr(GPtrArray) items = closed_items ();
  g_autoptr(LiaisonQuarterSnapshot) snapshot = snapshot_of (items);
  const LiaisonSnapshotDeputy *zhang = liaison_quarter_snapshot_find (snapshot, ZHANG);
  const LiaisonSnapshotDeputy *li = liaison_quarter_snapshot_find (snapshot, LI);
  const LiaisonSnapshotLine *line;

  g_assert_cmpint (snapshot->quarter.year, ==, 2025);
  g_assert_cmpint (snapshot->quarter.quarter, ==, 1);
  g_assert_cmpuint (snapshot->deputies->len, ==, 2);
  g_assert_nonnull (zhang);
  g_assert_cmpstr (zhang->name, ==, "张");
  g_assert_cmpstr (zhang->group, ==, "一组");
  g_assert_cmpint (zhang->total, ==, 80);   /* 2 + 3 + 1 + 2 */
  g_assert_cmpuint (zhang->duty_days, ==, 3);
  g_assert_cmpuint (zhang->rank, ==, 1);
  g_assert_cmpuint (zhang->lines->len, ==, 4); /* session, research, reception's two lines; not the Q2 one */
  line = g_ptr_array_index (zhang->lines, 0);
  g_assert_cmpint (line->kind, ==, LIAISON_DUTY_ITEM_ACTIVITY);
  g_assert_cmpstr (line->source_uuid, ==, SESSION);
  g_assert_cmpstr (line->date, ==, "2025-01-08");
  g_assert_cmpint (line->rule, ==, LIAISON_POINTS_RULE_CONGRESS_SESSION_ATTENDED);
  g_assert_cmpint (line->points, ==, 20);
  g_assert_nonnull (li);
  g_assert_cmpint (li->total, ==, 10);
  g_assert_cmpuint (li->duty_days, ==, 1);
  g_assert_cmpuint (li->rank, ==, 2);
}

static void
test_snapshot_json_round_trip (void)
{
  g_autoptr(GPtrArray) items = closed_items ();
  g_autoptr(LiaisonQuarterSnapshot) snapshot = snapshot_of (items);
  g_autoptr(LiaisonQuarterSnapshot) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = liaison_quarter_snapshot_to_string (snapshot);
  g_autofree char *again = NULL;

  g_assert_nonnull (strstr (text, "\"quarter\":\"2025Q1\""));
  g_assert_nonnull (strstr (text, "\"total_tenths\":80"));
  g_assert_nonnull (strstr (text, "\"rule\":\"research\""));
  back = liaison_quarter_snapshot_from_string (text, &error);
  g_assert_no_error (error);
  again = liaison_quarter_snapshot_to_string (back);
  g_assert_cmpstr (again, ==, text);
}

static void
test_snapshot_json_strict (void)
{
  static const char *bad[] = {
    "",
    "[]",
    "{}",
    "{\"quarter\":\"2025Q1\"}",
    "{\"quarter\":\"2025Q5\",\"deputies\":[]}",
    "{\"quarter\":\"2025q1\",\"deputies\":[]}",
    "{\"quarter\":\"2025Q1\",\"deputies\":[],\"extra\":1}",
    "{\"quarter\":\"2025Q1\",\"deputies\":{}}",
    "{\"quarter\":\"2025Q1\",\"deputies\":[{\"uuid\":\"x\",\"name\":\"a\",\"group\":null,\"total_tenths\":0,"
    "\"duty_days\":0,\"rank\":0,\"lines\":[]}]}",
    /* a total in points, not tenths */
    "{\"quarter\":\"2025Q1\",\"deputies\":[{\"uuid\":\"" ZHANG "\",\"name\":\"a\",\"group\":null,"
    "\"total_tenths\":1.5,\"duty_days\":0,\"rank\":0,\"lines\":[]}]}",
    /* a deputy twice */
    "{\"quarter\":\"2025Q1\",\"deputies\":[{\"uuid\":\"" ZHANG "\",\"name\":\"a\",\"group\":null,"
    "\"total_tenths\":0,\"duty_days\":0,\"rank\":0,\"lines\":[]},{\"uuid\":\"" ZHANG "\",\"name\":\"a\","
    "\"group\":null,\"total_tenths\":0,\"duty_days\":0,\"rank\":0,\"lines\":[]}]}",
    /* a line of an unknown rule */
    "{\"quarter\":\"2025Q1\",\"deputies\":[{\"uuid\":\"" ZHANG "\",\"name\":\"a\",\"group\":null,"
    "\"total_tenths\":0,\"duty_days\":0,\"rank\":0,\"lines\":[{\"kind\":\"activity\",\"source\":\"" SESSION "\","
    "\"date\":\"2025-01-08\",\"title\":\"t\",\"rule\":\"bonus\",\"points_tenths\":20}]}]}",
    /* a line on a day that is not one */
    "{\"quarter\":\"2025Q1\",\"deputies\":[{\"uuid\":\"" ZHANG "\",\"name\":\"a\",\"group\":null,"
    "\"total_tenths\":0,\"duty_days\":0,\"rank\":0,\"lines\":[{\"kind\":\"activity\",\"source\":\"" SESSION "\","
    "\"date\":\"2025-02-30\",\"title\":\"t\",\"rule\":null,\"points_tenths\":0}]}]}",
  };
  g_autoptr(GString) deep = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LiaisonQuarterSnapshot) snapshot = liaison_quarter_snapshot_from_string (bad[i], &error);

      g_test_message ("%s", bad[i]);
      g_assert_null (snapshot);
      g_assert_error (error, LIAISON_QUARTER_SNAPSHOT_ERROR, LIAISON_QUARTER_SNAPSHOT_ERROR_INVALID);
    }

  /* Nested far past a snapshot's four levels: refused before json-glib
   * recurses into it. */
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  {
    g_autoptr(GError) error = NULL;

    g_assert_null (liaison_quarter_snapshot_from_string (deep->str, &error));
    g_assert_error (error, LIAISON_QUARTER_SNAPSHOT_ERROR, LIAISON_QUARTER_SNAPSHOT_ERROR_INVALID);
  }
}

/* After closing, a correction: 张's research of 2025-02-10 is found to
 * have been missed (now on leave: 0 instead of +3, "not attended"), and
 * a training of 2025-03-20 is added for 李 (+1). Live:
 *   张 8 - 3 = 5, duty days 2 (02-10 is no longer one)
 *   李 1 + 1 = 2, duty days 2
 * The changes: 张's research line changed (rule research +3 → no rule
 * 0 is a different rule, so: removed research +3, added not-scored 0);
 * 李's training of 03-20 added. */
static void
test_diff (void)
{
  g_autoptr(GPtrArray) items = closed_items ();
  g_autoptr(LiaisonQuarterSnapshot) frozen = snapshot_of (items);
  g_autoptr(LiaisonQuarterSnapshot) live = NULL;
  g_autoptr(LiaisonQuarterDiff) diff = NULL;
  g_autoptr(LiaisonQuarterDiff) same = NULL;
  const LiaisonSnapshotDeputyDiff *zhang, *li;
  const LiaisonSnapshotChange *change;

  same = liaison_quarter_diff_new (frozen, frozen);
  g_assert_false (liaison_quarter_diff_any (same));

  ((LiaisonDutyItem *) g_ptr_array_index (items, 1))->attendance = LIAISON_ATTENDANCE_LEAVE;
  g_ptr_array_add (items, activity (LI, LIAISON_ACTIVITY_TRAINING, LIAISON_ATTENDANCE_ATTENDED,
                                    "2025-03-20", LATE));
  live = snapshot_of (items);
  diff = liaison_quarter_diff_new (frozen, live);
  g_assert_true (liaison_quarter_diff_any (diff));

  zhang = liaison_quarter_diff_find (diff, ZHANG);
  g_assert_cmpint (zhang->frozen_total, ==, 80);
  g_assert_cmpint (zhang->live_total, ==, 50);
  g_assert_cmpuint (zhang->frozen_duty_days, ==, 3);
  g_assert_cmpuint (zhang->live_duty_days, ==, 2);
  g_assert_cmpuint (zhang->changes->len, ==, 2);
  change = g_ptr_array_index (zhang->changes, 0);
  g_assert_cmpint (change->change, ==, LIAISON_SNAPSHOT_CHANGE_REMOVED);
  g_assert_cmpstr (change->frozen->source_uuid, ==, RESEARCH);
  g_assert_cmpint (change->frozen->points, ==, 30);
  g_assert_null (change->live);
  change = g_ptr_array_index (zhang->changes, 1);
  g_assert_cmpint (change->change, ==, LIAISON_SNAPSHOT_CHANGE_ADDED);
  g_assert_cmpstr (change->live->source_uuid, ==, RESEARCH);
  g_assert_cmpint (change->live->rule, ==, LIAISON_POINTS_RULE_NONE);
  g_assert_cmpint (change->live->points, ==, 0);

  li = liaison_quarter_diff_find (diff, LI);
  g_assert_cmpint (li->frozen_total, ==, 10);
  g_assert_cmpint (li->live_total, ==, 20);
  g_assert_cmpuint (li->changes->len, ==, 1);
  change = g_ptr_array_index (li->changes, 0);
  g_assert_cmpint (change->change, ==, LIAISON_SNAPSHOT_CHANGE_ADDED);
  g_assert_cmpstr (change->live->date, ==, "2025-03-20");
  g_assert_cmpint (change->live->points, ==, 10);
}

/* The same item and rule with another date: changed, not removed and added. */
static void
test_diff_changed (void)
{
  g_autoptr(GPtrArray) items = closed_items ();
  g_autoptr(LiaisonQuarterSnapshot) frozen = snapshot_of (items);
  g_autoptr(LiaisonQuarterSnapshot) live = NULL;
  g_autoptr(LiaisonQuarterDiff) diff = NULL;
  const LiaisonSnapshotDeputyDiff *li;
  const LiaisonSnapshotChange *change;
  LiaisonDutyItem *training = g_ptr_array_index (items, 4);

  g_free (training->date);
  training->date = g_strdup ("2025-02-11");
  live = snapshot_of (items);
  diff = liaison_quarter_diff_new (frozen, live);
  li = liaison_quarter_diff_find (diff, LI);
  g_assert_cmpint (li->frozen_total, ==, li->live_total);
  g_assert_cmpuint (li->changes->len, ==, 1);
  change = g_ptr_array_index (li->changes, 0);
  g_assert_cmpint (change->change, ==, LIAISON_SNAPSHOT_CHANGE_CHANGED);
  g_assert_cmpstr (change->frozen->date, ==, "2025-02-10");
  g_assert_cmpstr (change->live->date, ==, "2025-02-11");
  g_assert_cmpuint (liaison_quarter_diff_find (diff, ZHANG)->changes->len, ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/quarter-snapshot/figures", test_snapshot_figures);
  g_test_add_func ("/quarter-snapshot/json/round-trip", test_snapshot_json_round_trip);
  g_test_add_func ("/quarter-snapshot/json/strict", test_snapshot_json_strict);
  g_test_add_func ("/quarter-snapshot/diff", test_diff);
  g_test_add_func ("/quarter-snapshot/diff/changed", test_diff_changed);
  return g_test_run ();
}
