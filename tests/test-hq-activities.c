/* test-hq-activities.c: deputies' duty activities and duty shifts at a
 * real liaison-hq on loopback: `liaison-hq import activities`, who may
 * push which activity, and which stations' feeds they reach.
 *
 * Stations 东山联络站 (a) and 西山联络站 (b); deputies 张伟 and 李娜 of
 * a, 王强 of b and 赵敏 of no station. Feeds are read with raw pulls
 * under each token, as a desk makes them.
 */
#define G_LOG_DOMAIN "test-hq-activities"

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "liaison-points-rules.h"
#include "liaison-test-hq-enrolled.h"
#include "liaison-test-hq.h"
#include "liaison-test-util.h"

typedef LiaisonTestHqEnrolled Fixture;

/* HTTP */

/* Pushes the records (JSON texts, NULL-terminated) in one batch; the results. */
static JsonArray *
push (Fixture    *fixture,
      const char *token,
      ...)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new ();
  g_autofree char *joined = NULL;
  JsonArray *results;
  va_list ap;

  va_start (ap, token);
  for (const char *record = va_arg (ap, const char *); record != NULL; record = va_arg (ap, const char *))
    g_ptr_array_add (records, (gpointer) record);
  va_end (ap);
  g_ptr_array_add (records, NULL);
  joined = g_strjoinv (",", (char **) records->pdata);
  results = liaison_test_hq_enrolled_push (fixture, token, joined);
  g_assert_cmpuint (json_array_get_length (results), ==, records->len - 1);
  return results;
}

/* Every change @token may see after @since, as "kind/uuid" → change; each
 * passes the wire schema a desk checks it with. @since moves to the end. */
static GHashTable *
pull_from (Fixture    *fixture,
           const char *token,
           gint64     *since)
{
  GHashTable *feed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) json_object_unref);
  g_autoptr(GPtrArray) changes = liaison_test_hq_enrolled_pull (fixture, token, since);

  for (guint i = 0; i < changes->len; i++)
    {
      JsonObject *change = g_ptr_array_index (changes, i);
      g_autofree char *key = g_strdup_printf ("%s/%s", json_object_get_string_member (change, "kind"),
                                              json_object_get_string_member (change, "uuid"));

      /* Each record once a page run. */
      g_assert_false (g_hash_table_contains (feed, key));
      g_hash_table_insert (feed, g_steal_pointer (&key), json_object_ref (change));
    }
  return feed;
}

static GHashTable *
pull_all (Fixture    *fixture,
          const char *token)
{
  gint64 since = 0;

  return pull_from (fixture, token, &since);
}

static JsonObject *
lookup (GHashTable *feed,
        const char *kind,
        const char *uuid)
{
  g_autofree char *key = g_strdup_printf ("%s/%s", kind, uuid);

  return g_hash_table_lookup (feed, key);
}

/* The feed's activities, by title → change. */
static GHashTable *
activities_by_title (GHashTable *feed)
{
  GHashTable *titles = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, feed);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (g_str_equal (json_object_get_string_member (value, "kind"), "activity") &&
        !json_object_get_boolean_member (value, "deleted"))
      g_hash_table_insert (titles,
                           (gpointer) json_object_get_string_member (json_object_get_object_member (value, "data"), "title"),
                           value);
  return titles;
}

/* hq.db */

/* The uuid of the deputy named @name, from headquarters' feed. */
static char *
deputy_uuid (Fixture    *fixture,
             const char *name)
{
  g_autoptr(GHashTable) feed = pull_all (fixture, fixture->token_hq);
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, feed);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (g_str_equal (json_object_get_string_member (value, "kind"), "deputy") &&
        g_str_equal (json_object_get_string_member (json_object_get_object_member (value, "data"), "name"), name))
      return g_strdup (json_object_get_string_member (value, "uuid"));
  g_assert_not_reached ();
}

/* Writes @text to @name in the server's folder; its path. */
static char *
write_file (Fixture    *fixture,
            const char *name,
            const char *text,
            gssize      length)
{
  char *path = g_build_filename (fixture->hq.dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, text, length, &error));
  g_assert_no_error (error);
  return path;
}

/* Runs `liaison-hq import activities` on @path; its exit status. */
static int
import_activities (Fixture     *fixture,
                   const char  *path,
                   char       **out,
                   char       **err)
{
  int status = liaison_test_run_hq (out, err, "import", "activities", "--data-dir", fixture->hq.data_dir,
                                    path, NULL);

  g_test_message ("import activities: %d\n%s%s", status, *out, *err);
  return status;
}

/* Fixture */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *csv = NULL;
  g_autofree char *out = NULL;

  liaison_test_hq_enrolled_set_up (fixture, "test-hq-activities-XXXXXX");
  csv = write_file (fixture, "deputies.csv",
                    "姓名,层级,联络站\n"
                    "张伟,市,东山联络站\n"
                    "李娜,县,东山联络站\n"
                    "王强,市,西山联络站\n"
                    "赵敏,省,\n", -1);
  out = liaison_test_hq_run (&fixture->hq, "import deputies", csv, NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  liaison_test_hq_enrolled_clear (fixture);
}

/* Activities */

#define ACTIVITIES_CSV \
  "日期,结束日期,类型,名称,地点,参加代表\n" \
  "2025-01-06,,出席人代会,市十七届人大五次会议第一天,市会议中心,\"张伟、李娜（请假）,王强(缺席)，赵敏\"\n" \
  "2025/3/5,2025/3/6,调研,老旧小区改造调研,东山街道,张伟\n" \
  "2025年4月2日,,law_enforcement_inspection,食品安全法执法检查,,王强（请假）\n"

/* The attendance of @deputy in @activity, or NULL. */
static const char *
attendance_of (JsonObject *activity,
               const char *deputy)
{
  JsonArray *attendees = json_object_get_array_member (json_object_get_object_member (activity, "data"), "attendees");

  for (guint i = 0; i < json_array_get_length (attendees); i++)
    {
      JsonObject *attendee = json_array_get_object_element (attendees, i);

      if (g_str_equal (json_object_get_string_member (attendee, "deputy"), deputy))
        return json_object_get_string_member (attendee, "attendance");
    }
  return NULL;
}

/* A good file: every row an activity of headquarters, attendance as the
 * brackets say, and each in the feeds of its deputies' stations only. A
 * second import of the same file adds nothing. */
static void
test_import_good (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = write_file (fixture, "activities.csv", "\xef\xbb\xbf" ACTIVITIES_CSV, -1);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *zhang = deputy_uuid (fixture, "张伟");
  g_autofree char *li = deputy_uuid (fixture, "李娜");
  g_autofree char *wang = deputy_uuid (fixture, "王强");
  g_autofree char *zhao = deputy_uuid (fixture, "赵敏");
  g_autoptr(GHashTable) feed_hq = NULL;
  g_autoptr(GHashTable) feed_a = NULL;
  g_autoptr(GHashTable) feed_b = NULL;
  g_autoptr(GHashTable) hq = NULL;
  g_autoptr(GHashTable) a = NULL;
  g_autoptr(GHashTable) b = NULL;
  JsonObject *session;
  JsonObject *research;
  JsonObject *session_data;

  g_assert_cmpint (import_activities (fixture, path, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "3 added"));

  feed_hq = pull_all (fixture, fixture->token_hq);
  hq = activities_by_title (feed_hq);
  g_assert_cmpuint (g_hash_table_size (hq), ==, 3);
  session = g_hash_table_lookup (hq, "市十七届人大五次会议第一天");
  research = g_hash_table_lookup (hq, "老旧小区改造调研");
  g_assert_nonnull (session);
  g_assert_nonnull (research);
  g_assert_true (json_object_get_null_member (session, "origin_station"));
  session_data = json_object_get_object_member (session, "data");
  g_assert_cmpstr (json_object_get_string_member (session_data, "kind"), ==, "congress_session");
  g_assert_cmpstr (json_object_get_string_member (session_data, "date"), ==, "2025-01-06");
  g_assert_cmpstr (json_object_get_string_member (session_data, "end_date"), ==, "");
  g_assert_cmpstr (json_object_get_string_member (session_data, "place"), ==, "市会议中心");
  g_assert_cmpstr (attendance_of (session, zhang), ==, "attended");
  g_assert_cmpstr (attendance_of (session, li), ==, "leave");
  g_assert_cmpstr (attendance_of (session, wang), ==, "absent");
  g_assert_cmpstr (attendance_of (session, zhao), ==, "attended");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (research, "data"), "date"),
                   ==, "2025-03-05");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (research, "data"), "end_date"),
                   ==, "2025-03-06");
  g_assert_cmpstr (json_object_get_string_member (
                     json_object_get_object_member (g_hash_table_lookup (hq, "食品安全法执法检查"), "data"), "date"),
                   ==, "2025-04-02");

  /* 东山 (张伟, 李娜) has the session and the research, not the
   * inspection; 西山 (王强) the session and the inspection. */
  feed_a = pull_all (fixture, fixture->token_a);
  a = activities_by_title (feed_a);
  g_assert_cmpuint (g_hash_table_size (a), ==, 2);
  g_assert_true (g_hash_table_contains (a, "市十七届人大五次会议第一天"));
  g_assert_true (g_hash_table_contains (a, "老旧小区改造调研"));
  feed_b = pull_all (fixture, fixture->token_b);
  b = activities_by_title (feed_b);
  g_assert_cmpuint (g_hash_table_size (b), ==, 2);
  g_assert_true (g_hash_table_contains (b, "市十七届人大五次会议第一天"));
  g_assert_true (g_hash_table_contains (b, "食品安全法执法检查"));

  /* The same file again: the same activities, nothing new. */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (import_activities (fixture, path, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "0 added, 0 updated, 3 unchanged"));
  g_assert_cmpint (liaison_test_hq_count (&fixture->hq, "SELECT count(*) FROM records WHERE kind = 'activity'"), ==, 3);
}

/* A bad row anywhere: nothing is written, and the error names each bad
 * line and what is wrong there. */
static void
test_import_bad_row (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = write_file (fixture, "activities.csv",
                                      "日期,结束日期,类型,名称,地点,参加代表\n"
                                      "2025-01-06,,出席人代会,第一天,市会议中心,张伟\n"
                                      "2025-01-07,,出席人代会,第二天,市会议中心,\"张伟,陈静\"\n"
                                      "2025-02-30,,调研,调研,,李娜\n"
                                      "2025-03-05,2025-03-01,视察,视察,,王强（迟到）\n"
                                      "2025-03-06,,进站履职,接待,,王强\n"
                                      "2025-03-07,,开会,开会,,王强\n", -1);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  gint64 feed_end = liaison_test_hq_feed_end (&fixture->hq);

  g_assert_cmpint (import_activities (fixture, path, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "Nothing was imported"));
  g_assert_nonnull (strstr (err, "line 3: "));
  g_assert_nonnull (strstr (err, "陈静"));
  g_assert_nonnull (strstr (err, "line 4: "));
  g_assert_nonnull (strstr (err, "2025-02-30"));
  g_assert_nonnull (strstr (err, "line 5: "));
  g_assert_nonnull (strstr (err, "before it begins"));
  g_assert_nonnull (strstr (err, "迟到"));
  g_assert_nonnull (strstr (err, "line 6: "));
  g_assert_nonnull (strstr (err, "line 7: "));
  g_assert_null (strstr (err, "line 2: "));
  g_assert_cmpint (liaison_test_hq_count (&fixture->hq, "SELECT count(*) FROM records WHERE kind = 'activity'"), ==, 0);
  g_assert_cmpint (liaison_test_hq_feed_end (&fixture->hq), ==, feed_end);
}

/* A file saved by Excel on a Chinese Windows: GB18030, no BOM. */
static void
test_import_gb18030 (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  g_autofree char *gb = g_convert (ACTIVITIES_CSV, -1, "GB18030", "UTF-8", NULL, &length, &error);
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GHashTable) feed = NULL;
  g_autoptr(GHashTable) titles = NULL;

  g_assert_no_error (error);
  g_assert_false (g_utf8_validate (gb, (gssize) length, NULL));
  path = write_file (fixture, "activities-gb18030.csv", gb, (gssize) length);
  g_assert_cmpint (import_activities (fixture, path, &out, &err), ==, 0);

  feed = pull_all (fixture, fixture->token_hq);
  titles = activities_by_title (feed);
  g_assert_cmpuint (g_hash_table_size (titles), ==, 3);
  g_assert_true (g_hash_table_contains (titles, "食品安全法执法检查"));
  g_assert_cmpstr (json_object_get_string_member (
                     json_object_get_object_member (g_hash_table_lookup (titles, "老旧小区改造调研"), "data"), "place"),
                   ==, "东山街道");
}

/* Push rules */

static char *
activity_json (const char *uuid,
               gint64      version,
               const char *kind,
               const char *title,
               const char *deputy)
{
  return g_strdup_printf (
    "{\"kind\": \"activity\", \"uuid\": \"%s\", \"version\": %" G_GINT64_FORMAT ", \"base_version\": %" G_GINT64_FORMAT ","
    " \"updated_at\": \"2025-03-05T01:30:00Z\", \"origin_station\": null, \"deleted\": false,"
    " \"data\": {\"kind\": \"%s\", \"title\": \"%s\", \"date\": \"2025-03-05\", \"end_date\": \"\","
    " \"place\": \"\", \"organiser\": \"\", \"note\": \"\","
    " \"attendees\": [{\"deputy\": \"%s\", \"attendance\": \"attended\"}],"
    " \"correction_reason\": \"\", \"corrected_by\": \"\", \"corrected_at\": \"\"}}",
    uuid, version, version - 1, kind, title, deputy);
}

static char *
shift_json (const char *uuid,
            const char *station,
            const char *deputy)
{
  return g_strdup_printf (
    "{\"kind\": \"duty_shift\", \"uuid\": \"%s\", \"version\": 1, \"base_version\": 0,"
    " \"updated_at\": \"2025-03-01T08:00:00Z\", \"origin_station\": \"%s\", \"deleted\": false,"
    " \"data\": {\"station\": \"%s\", \"deputy\": \"%s\", \"date\": \"2025-03-05\", \"note\": \"上午\"}}",
    uuid, station, station, deputy);
}

/* A station records its station_duty, group_activity and other, never a
 * headquarters kind; a duty shift only for itself. Headquarters records
 * its kinds and either's, never a station's station_duty, and changes no
 * station's activity. A refusal is that record's result alone. */
static void
test_push_rules (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *zhang = deputy_uuid (fixture, "张伟");
  g_autofree char *wang = deputy_uuid (fixture, "王强");
  g_autofree char *session = g_uuid_string_random ();
  g_autofree char *duty = g_uuid_string_random ();
  g_autofree char *group = g_uuid_string_random ();
  g_autofree char *shift_a = g_uuid_string_random ();
  g_autofree char *shift_b = g_uuid_string_random ();
  g_autofree char *hq_duty = g_uuid_string_random ();
  g_autofree char *hq_session = g_uuid_string_random ();
  g_autofree char *session_json = activity_json (session, 1, "congress_session", "人代会", zhang);
  g_autofree char *inspection_json = activity_json (session, 1, "inspection", "视察", zhang);
  g_autofree char *duty_json = activity_json (duty, 1, "station_duty", "进站接待", zhang);
  g_autofree char *group_json = activity_json (group, 1, "group_activity", "小组活动", zhang);
  g_autofree char *shift_a_json = shift_json (shift_a, fixture->station_a, zhang);
  g_autofree char *shift_b_json = shift_json (shift_b, fixture->station_b, wang);
  g_autofree char *hq_duty_json = activity_json (hq_duty, 1, "station_duty", "进站接待", zhang);
  g_autofree char *hq_session_json = activity_json (hq_session, 1, "congress_session", "人代会", zhang);
  g_autofree char *duty_v2_json = activity_json (duty, 2, "station_duty", "进站接待（改）", zhang);
  g_autofree char *duty_to_session_json = activity_json (duty, 2, "congress_session", "进站接待", zhang);
  g_autoptr(JsonArray) results = NULL;
  g_autoptr(JsonArray) results_hq = NULL;
  g_autoptr(JsonArray) results_b = NULL;
  g_autoptr(GHashTable) feed_hq = NULL;
  JsonObject *stored;

  results = push (fixture, fixture->token_a, session_json, inspection_json, duty_json, group_json,
                  shift_b_json, shift_a_json, NULL);
  liaison_test_assert_push_result (results, 0, "rejected", "read_only", NULL);
  liaison_test_assert_push_result (results, 1, "rejected", "read_only", NULL);
  liaison_test_assert_push_result (results, 2, "applied", NULL, NULL);
  liaison_test_assert_push_result (results, 3, "applied", NULL, NULL);
  liaison_test_assert_push_result (results, 4, "rejected", "not_your_station", NULL);
  liaison_test_assert_push_result (results, 5, "applied", NULL, NULL);

  results_hq = push (fixture, fixture->token_hq, hq_duty_json, hq_session_json, duty_v2_json, shift_a_json, NULL);
  liaison_test_assert_push_result (results_hq, 0, "rejected", "read_only", NULL);
  liaison_test_assert_push_result (results_hq, 1, "applied", NULL, NULL);
  /* Station a's record: headquarters may not change it. */
  liaison_test_assert_push_result (results_hq, 2, "rejected", "read_only", NULL);
  /* A duty shift is the station's. */
  liaison_test_assert_push_result (results_hq, 3, "rejected", "read_only", NULL);

  /* Another station may not change a's activity, nor headquarters'. */
  {
    g_autofree char *hq_session_v2 = activity_json (hq_session, 2, "group_activity", "改成小组活动", wang);

    results_b = push (fixture, fixture->token_b, duty_v2_json, hq_session_v2, NULL);
    liaison_test_assert_push_result (results_b, 0, "rejected", "not_your_station", NULL);
    liaison_test_assert_push_result (results_b, 1, "rejected", "not_your_station", NULL);
  }

  /* Station a changes its own, but may not make it a headquarters kind. */
  g_clear_pointer (&results, json_array_unref);
  results = push (fixture, fixture->token_a, duty_to_session_json, duty_v2_json, NULL);
  liaison_test_assert_push_result (results, 0, "rejected", "read_only", NULL);
  liaison_test_assert_push_result (results, 1, "applied", NULL, NULL);

  /* What was taken is stored as a's, whatever origin it was sent with. */
  feed_hq = pull_all (fixture, fixture->token_hq);
  stored = lookup (feed_hq, "activity", duty);
  g_assert_nonnull (stored);
  g_assert_cmpstr (json_object_get_string_member (stored, "origin_station"), ==, fixture->station_a);
  g_assert_cmpint (json_object_get_int_member (stored, "version"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (lookup (feed_hq, "duty_shift", shift_a), "origin_station"),
                   ==, fixture->station_a);
  g_assert_true (json_object_get_null_member (lookup (feed_hq, "activity", hq_session), "origin_station"));
  g_assert_null (lookup (feed_hq, "activity", session));
  g_assert_null (lookup (feed_hq, "activity", hq_duty));
  g_assert_null (lookup (feed_hq, "duty_shift", shift_b));
}

/* Routing */

/* An activity reaches the stations of its deputies and headquarters, no
 * other station; a station's own records stay its own; a deputy of
 * another station brings that station the activity too. */
static void
test_routing (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *zhang = deputy_uuid (fixture, "张伟");
  g_autofree char *wang = deputy_uuid (fixture, "王强");
  g_autofree char *zhao = deputy_uuid (fixture, "赵敏");
  g_autofree char *of_a = g_uuid_string_random ();
  g_autofree char *of_nobody = g_uuid_string_random ();
  g_autofree char *duty_b = g_uuid_string_random ();
  g_autofree char *duty_a = g_uuid_string_random ();
  g_autofree char *shift_a = g_uuid_string_random ();
  g_autofree char *of_a_json = activity_json (of_a, 1, "research", "调研", zhang);
  g_autofree char *of_nobody_json = activity_json (of_nobody, 1, "training", "培训", zhao);
  g_autofree char *duty_b_json = activity_json (duty_b, 1, "station_duty", "西山站接待", wang);
  g_autofree char *duty_a_json = activity_json (duty_a, 1, "station_duty", "东山站接待", zhang);
  g_autofree char *shift_a_json = shift_json (shift_a, fixture->station_a, zhang);
  g_autoptr(JsonArray) results = NULL;
  g_autoptr(JsonArray) results_a = NULL;
  g_autoptr(GHashTable) feed_a = NULL;
  g_autoptr(GHashTable) feed_b = NULL;
  g_autoptr(GHashTable) feed_hq = NULL;

  results = push (fixture, fixture->token_hq, of_a_json, of_nobody_json, NULL);
  liaison_test_assert_push_result (results, 0, "applied", NULL, NULL);
  liaison_test_assert_push_result (results, 1, "applied", NULL, NULL);
  /* 王强 of 西山 on duty at 东山; 张伟's duty day at his own station. */
  results_a = push (fixture, fixture->token_a, duty_b_json, duty_a_json, shift_a_json, NULL);
  liaison_test_assert_push_result (results_a, 0, "applied", NULL, NULL);
  liaison_test_assert_push_result (results_a, 1, "applied", NULL, NULL);
  liaison_test_assert_push_result (results_a, 2, "applied", NULL, NULL);

  feed_a = pull_all (fixture, fixture->token_a);
  g_assert_nonnull (lookup (feed_a, "activity", of_a));
  g_assert_null (lookup (feed_a, "activity", of_nobody));
  g_assert_nonnull (lookup (feed_a, "activity", duty_b));
  g_assert_nonnull (lookup (feed_a, "activity", duty_a));
  g_assert_nonnull (lookup (feed_a, "duty_shift", shift_a));

  feed_b = pull_all (fixture, fixture->token_b);
  g_assert_null (lookup (feed_b, "activity", of_a));
  g_assert_null (lookup (feed_b, "activity", of_nobody));
  g_assert_nonnull (lookup (feed_b, "activity", duty_b));
  g_assert_null (lookup (feed_b, "activity", duty_a));
  g_assert_null (lookup (feed_b, "duty_shift", shift_a));

  feed_hq = pull_all (fixture, fixture->token_hq);
  g_assert_nonnull (lookup (feed_hq, "activity", of_a));
  g_assert_nonnull (lookup (feed_hq, "activity", of_nobody));
  g_assert_nonnull (lookup (feed_hq, "activity", duty_b));
  g_assert_nonnull (lookup (feed_hq, "activity", duty_a));
  g_assert_nonnull (lookup (feed_hq, "duty_shift", shift_a));
}

/* 张伟 moves from 东山 to 西山: 西山's next pull, from its checkpoint,
 * brings his earlier activities; 东山 keeps receiving their changes, an
 * attendee taken off and a deletion included, so its copy never goes
 * stale. */
static void
test_deputy_moves (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *zhang = deputy_uuid (fixture, "张伟");
  g_autofree char *wang = deputy_uuid (fixture, "王强");
  g_autofree char *research = g_uuid_string_random ();
  g_autofree char *research_json = activity_json (research, 1, "research", "调研", zhang);
  g_autofree char *research_v2_json = activity_json (research, 2, "research", "调研（改）", wang);
  g_autofree char *csv = NULL;
  g_autofree char *out = NULL;
  g_autoptr(JsonArray) results = NULL;
  g_autoptr(GHashTable) feed_a = NULL;
  g_autoptr(GHashTable) feed_b = NULL;
  gint64 since_a = 0;
  gint64 since_b = 0;

  results = push (fixture, fixture->token_hq, research_json, NULL);
  liaison_test_assert_push_result (results, 0, "applied", NULL, NULL);
  feed_a = pull_from (fixture, fixture->token_a, &since_a);
  feed_b = pull_from (fixture, fixture->token_b, &since_b);
  g_assert_nonnull (lookup (feed_a, "activity", research));
  g_assert_null (lookup (feed_b, "activity", research));

  csv = write_file (fixture, "moved.csv", "姓名,层级,联络站\n张伟,市,西山联络站\n", -1);
  out = liaison_test_hq_run (&fixture->hq, "import deputies", csv, NULL);

  g_clear_pointer (&feed_b, g_hash_table_unref);
  feed_b = pull_from (fixture, fixture->token_b, &since_b);
  g_assert_nonnull (lookup (feed_b, "deputy", zhang));
  g_assert_nonnull (lookup (feed_b, "activity", research));
  g_assert_cmpint (json_object_get_int_member (lookup (feed_b, "activity", research), "version"), ==, 1);

  /* 张伟 taken off it (only 王强 of 西山 now): 东山 still hears of it. */
  g_clear_pointer (&results, json_array_unref);
  results = push (fixture, fixture->token_hq, research_v2_json, NULL);
  liaison_test_assert_push_result (results, 0, "applied", NULL, NULL);
  g_clear_pointer (&feed_a, g_hash_table_unref);
  feed_a = pull_from (fixture, fixture->token_a, &since_a);
  g_assert_nonnull (lookup (feed_a, "activity", research));
  g_assert_cmpint (json_object_get_int_member (lookup (feed_a, "activity", research), "version"), ==, 2);

  /* Deleted: both stations get the tombstone, though it names no one. */
  {
    g_autofree char *tombstone = g_strdup_printf (
      "{\"kind\": \"activity\", \"uuid\": \"%s\", \"version\": 3, \"base_version\": 2,"
      " \"updated_at\": \"2025-03-07T01:30:00Z\", \"origin_station\": null, \"deleted\": true, \"data\": {}}",
      research);

    g_clear_pointer (&results, json_array_unref);
    results = push (fixture, fixture->token_hq, tombstone, NULL);
    liaison_test_assert_push_result (results, 0, "applied", NULL, NULL);
  }
  g_clear_pointer (&feed_a, g_hash_table_unref);
  g_clear_pointer (&feed_b, g_hash_table_unref);
  feed_a = pull_from (fixture, fixture->token_a, &since_a);
  feed_b = pull_from (fixture, fixture->token_b, &since_b);
  g_assert_true (json_object_get_boolean_member (lookup (feed_a, "activity", research), "deleted"));
  g_assert_true (json_object_get_boolean_member (lookup (feed_b, "activity", research), "deleted"));
}

/* A tombstone with no data member, or a null one, is a tombstone like
 * one with {}: applied, and sent on as deleted. (The push fuzzer found
 * the server aborting on the first.) */
static void
test_tombstone_without_data (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *zhang = deputy_uuid (fixture, "张伟");
  g_autofree char *absent = g_uuid_string_random ();
  g_autofree char *null = g_uuid_string_random ();
  g_autofree char *absent_json = activity_json (absent, 1, "research", "调研", zhang);
  g_autofree char *null_json = activity_json (null, 1, "inspection", "视察", zhang);
  g_autofree char *absent_tombstone = g_strdup_printf (
    "{\"kind\": \"activity\", \"uuid\": \"%s\", \"version\": 2, \"base_version\": 1,"
    " \"updated_at\": \"2025-03-07T01:30:00Z\", \"origin_station\": null, \"deleted\": true}", absent);
  g_autofree char *null_tombstone = g_strdup_printf (
    "{\"kind\": \"activity\", \"uuid\": \"%s\", \"version\": 2, \"base_version\": 1,"
    " \"updated_at\": \"2025-03-07T01:30:00Z\", \"origin_station\": null, \"deleted\": true,"
    " \"data\": null}", null);
  g_autoptr(JsonArray) results = NULL;
  g_autoptr(GHashTable) feed = NULL;
  gint64 since = 0;

  results = push (fixture, fixture->token_hq, absent_json, null_json, NULL);
  liaison_test_assert_push_result (results, 0, "applied", NULL, NULL);
  liaison_test_assert_push_result (results, 1, "applied", NULL, NULL);
  g_clear_pointer (&results, json_array_unref);
  results = push (fixture, fixture->token_hq, absent_tombstone, null_tombstone, NULL);
  liaison_test_assert_push_result (results, 0, "applied", NULL, NULL);
  liaison_test_assert_push_result (results, 1, "applied", NULL, NULL);

  feed = pull_from (fixture, fixture->token_a, &since);
  g_assert_true (json_object_get_boolean_member (lookup (feed, "activity", absent), "deleted"));
  g_assert_true (json_object_get_boolean_member (lookup (feed, "activity", null), "deleted"));
  g_assert_cmpint (json_object_get_int_member (lookup (feed, "activity", absent), "version"), ==, 2);
}

/* Points rule sets (docs/duty-record.md, "Versioned rule sets") */

/* A points_rules record: the default set in force from @effective_from,
 * research worth @research tenths; "reserch" for @misspelt. */
static char *
points_rules_record (const char    *uuid,
                     int            version,
                     const char    *effective_from,
                     LiaisonPoints  research,
                     gboolean       misspelt)
{
  g_autoptr(LiaisonPointsRules) rules = liaison_points_rules_new_default ();
  g_autofree char *json = NULL;
  g_auto(GStrv) parts = NULL;

  g_free (rules->effective_from);
  rules->effective_from = g_strdup (effective_from);
  rules->points[LIAISON_POINTS_RULE_RESEARCH] = research;
  json = liaison_points_rules_to_json (rules);
  if (misspelt)
    {
      parts = g_strsplit (json, "\"research\"", 2);
      g_free (json);
      json = g_strjoinv ("\"reserch\"", parts);
    }
  return g_strdup_printf ("{\"kind\": \"points_rules\", \"uuid\": \"%s\", \"version\": %d,"
                          " \"base_version\": %d, \"updated_at\": \"2026-03-01T00:00:00Z\","
                          " \"origin_station\": null, \"deleted\": false, \"data\": %s}",
                          uuid, version, version - 1, json);
}

#define RULES_UUID "5f0c2a9e-4d1b-4c57-9a3e-7b2d00000001"
#define COUNT_RULES "SELECT count(*) FROM records WHERE kind = 'points_rules'"

/* A station may not push a rule set, and nothing of it is stored;
 * headquarters may, and every station receives it, one with no deputy
 * in any activity too. */
static void
test_points_rules_push (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *april = points_rules_record (RULES_UUID, 1, "2026-04-01", 40, FALSE);
  g_autofree char *misspelt = points_rules_record ("5f0c2a9e-4d1b-4c57-9a3e-7b2d00000002", 1, "2026-07-01", 30, TRUE);
  g_autoptr(JsonArray) results = NULL;
  g_autoptr(JsonArray) results_b = NULL;
  g_autoptr(JsonArray) results_hq = NULL;
  g_autoptr(GHashTable) feed_a = NULL;
  g_autoptr(GHashTable) feed_b = NULL;
  JsonObject *received;

  results = push (fixture, fixture->token_a, april, NULL);
  liaison_test_assert_push_result (results, 0, "rejected", "read_only", NULL);
  results_b = push (fixture, fixture->token_b, april, NULL);
  liaison_test_assert_push_result (results_b, 0, "rejected", "read_only", NULL);
  g_assert_cmpint (liaison_test_hq_count (&fixture->hq, COUNT_RULES), ==, 0);

  results_hq = push (fixture, fixture->token_hq, april, misspelt, NULL);
  liaison_test_assert_push_result (results_hq, 0, "applied", NULL, NULL);
  /* The engine's check, naming the key. */
  liaison_test_assert_push_result (results_hq, 1, "rejected", "invalid", NULL);
  g_assert_nonnull (strstr (json_object_get_string_member (json_array_get_object_element (results_hq, 1), "reason"),
                            "points.reserch"));
  g_assert_cmpint (liaison_test_hq_count (&fixture->hq, COUNT_RULES), ==, 1);

  feed_a = pull_all (fixture, fixture->token_a);
  feed_b = pull_all (fixture, fixture->token_b);
  received = lookup (feed_b, "points_rules", RULES_UUID);
  g_assert_nonnull (received);
  g_assert_nonnull (lookup (feed_a, "points_rules", RULES_UUID));
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (json_object_get_object_member (received, "data"),
                                                                               "points"), "research"), ==, 4);
}

/* Runs `liaison-hq rules WORDS…` on the server's data; its exit status. */
static int
run_rules (Fixture     *fixture,
           const char  *command,
           const char  *path,
           char       **out,
           char       **err)
{
  int status = liaison_test_run_hq (out, err, "rules", command, "--data-dir", fixture->hq.data_dir, path, NULL);

  g_test_message ("rules %s: %d\n%s%s", command, status, *out, *err);
  return status;
}

/* `liaison-hq rules import`: a bad file stores nothing and names the key
 * or the line; a good one stores each set once, and a second import of
 * the same set changes nothing. */
static void
test_points_rules_import (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(LiaisonPointsRules) rules = liaison_points_rules_new_default ();
  g_autofree char *good_json = NULL;
  g_autofree char *good = NULL;
  g_autofree char *misspelt = NULL;
  g_autofree char *broken = NULL;
  g_autofree char *half_bad = NULL;
  g_autofree char *half_bad_text = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_free (rules->effective_from);
  rules->effective_from = g_strdup ("2026-04-01");
  rules->points[LIAISON_POINTS_RULE_RESEARCH] = 40;
  good_json = liaison_points_rules_to_json (rules);

  misspelt = write_file (fixture, "misspelt.json",
                         "{\n  \"effective_from\": \"2026-04-01\",\n  \"reception_cap_per_quarter\": 20,\n"
                         "  \"points\": {\"reserch\": 3}\n}\n", -1);
  g_assert_cmpint (run_rules (fixture, "import", misspelt, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "points.reserch"));
  g_assert_nonnull (strstr (err, "Nothing was stored"));
  g_assert_cmpstr (out, ==, "");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* A stray comma on line 3. */
  broken = write_file (fixture, "broken.json",
                       "{\n  \"effective_from\": \"2026-04-01\",\n  \"reception_cap_per_quarter\": 20,,\n}\n", -1);
  g_assert_cmpint (run_rules (fixture, "import", broken, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, ":3:"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Two sets, the second with a value out of range: neither is stored. */
  half_bad_text = g_strdup_printf ("[%s, {\"effective_from\": \"2026-07-01\", \"reception_cap_per_quarter\": 20001,"
                                   " \"points\": {}}]", good_json);
  half_bad = write_file (fixture, "half-bad.json", half_bad_text, -1);
  g_assert_cmpint (run_rules (fixture, "import", half_bad, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "Rule set 2"));
  g_assert_nonnull (strstr (err, "reception_cap_per_quarter"));
  g_assert_cmpint (liaison_test_hq_count (&fixture->hq, COUNT_RULES), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  good = write_file (fixture, "good.json", good_json, -1);
  g_assert_cmpint (run_rules (fixture, "import", good, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "2026-04-01"));
  g_assert_cmpint (liaison_test_hq_count (&fixture->hq, COUNT_RULES), ==, 1);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_rules (fixture, "import", good, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "nothing was changed"));
  g_assert_cmpint (liaison_test_hq_count (&fixture->hq, "SELECT max (version) FROM records WHERE kind = 'points_rules'"), ==, 1);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_rules (fixture, "list", NULL, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "2026-04-01"));
  g_assert_nonnull (strstr (out, "(research): +4"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/hq-activities/import-good", test_import_good);
  ADD ("/hq-activities/import-bad-row", test_import_bad_row);
  ADD ("/hq-activities/import-gb18030", test_import_gb18030);
  ADD ("/hq-activities/tombstone-without-data", test_tombstone_without_data);
  ADD ("/hq-activities/push-rules", test_push_rules);
  ADD ("/hq-activities/routing", test_routing);
  ADD ("/hq-activities/deputy-moves", test_deputy_moves);
  ADD ("/hq-activities/points-rules-push", test_points_rules_push);
  ADD ("/hq-activities/points-rules-import", test_points_rules_import);

#undef ADD
  return g_test_run ();
}
