/* test-duty-store-sync.c: the store's side of the duty record's sync, on
 * a real station file: what a station pushes of its activities and duty
 * days, with the wire schema's fields, and the activities, duty days and
 * tombstones it pulls. The whole way through a real liaison-hq is
 * test-duty-sync.c. */
#define G_LOG_DOMAIN "test-duty-store-sync"

#include "config.h"

#include <glib.h>

#include "liaison-store-duty.h"
#include "liaison-store-private.h"
#include "liaison-store-sync.h"
#include "liaison-test-duty.h"
#include "liaison-test-util.h"
#include "liaison-wire-schema.h"

typedef LiaisonTestDutyStation Fixture;

static JsonObject *
find_record (GPtrArray  *records,
             const char *kind)
{
  for (guint i = 0; i < records->len; i++)
    if (g_str_equal (json_object_get_string_member (g_ptr_array_index (records, i), "kind"), kind))
      return g_ptr_array_index (records, i);
  return NULL;
}

static void
test_sync (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(LiaisonActivity) duty = liaison_activity_new ();
  g_autoptr(LiaisonDutyShift) shift = liaison_duty_shift_new ();
  g_autoptr(GPtrArray) pending = NULL;
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(LiaisonActivity) pulled = NULL;
  g_autoptr(JsonNode) page = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  LiaisonSyncCounts counts = { 0 };
  JsonObject *record, *record_data;
  JsonArray *attendees;

  /* A station pushes the activity and the duty day it recorded, with the
   * wire schema's fields; the records pass the one check. */
  g_assert_true (liaison_store_set_setting (f->store, "sync_role", "station", &error));
  g_assert_no_error (error);
  duty->kind = LIAISON_ACTIVITY_STATION_DUTY;
  duty->title = g_strdup ("进站接待");
  duty->date = g_strdup ("2025-05-06");
  duty->note = g_strdup ("上午");
  g_ptr_array_add (duty->attendees, liaison_attendee_new (f->zhang, LIAISON_ATTENDANCE_ATTENDED));
  g_ptr_array_add (duty->attendees, liaison_attendee_new (f->li, LIAISON_ATTENDANCE_LEAVE));
  g_assert_true (liaison_store_save_activity (f->store, duty, &error));
  g_assert_no_error (error);
  shift->deputy_uuid = g_strdup (f->li);
  shift->date = g_strdup ("2025-05-07");
  g_assert_true (liaison_store_save_duty_shift (f->store, shift, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (liaison_store_count_unsynced (f->store, &error), ==, 2);
  pending = liaison_store_collect_pending (f->store, 100, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pending->len, ==, 2);
  for (guint i = 0; i < pending->len; i++)
    {
      g_assert_true (liaison_wire_check_record (g_ptr_array_index (pending, i), &error));
      g_assert_no_error (error);
    }
  record = find_record (pending, "activity");
  g_assert_nonnull (record);
  g_assert_cmpstr (json_object_get_string_member (record, "uuid"), ==, duty->meta.uuid);
  g_assert_cmpstr (json_object_get_string_member (record, "origin_station"), ==, f->station_uuid);
  record_data = json_object_get_object_member (record, "data");
  g_assert_cmpstr (json_object_get_string_member (record_data, "kind"), ==, "station_duty");
  g_assert_cmpstr (json_object_get_string_member (record_data, "date"), ==, "2025-05-06");
  g_assert_cmpstr (json_object_get_string_member (record_data, "note"), ==, "上午");
  attendees = json_object_get_array_member (record_data, "attendees");
  g_assert_cmpuint (json_array_get_length (attendees), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (attendees, 1), "deputy"), ==, f->li);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (attendees, 1), "attendance"), ==,
                   "leave");
  record = find_record (pending, "duty_shift");
  g_assert_nonnull (record);
  record_data = json_object_get_object_member (record, "data");
  g_assert_cmpstr (json_object_get_string_member (record_data, "station"), ==, f->station_uuid);
  g_assert_cmpstr (json_object_get_string_member (record_data, "deputy"), ==, f->li);
  g_assert_cmpstr (json_object_get_string_member (record_data, "date"), ==, "2025-05-07");

  /* Headquarters' session day comes in a pull, naming a deputy not here
   * yet (a stand-in until its record comes); then its tombstone. */
  text = g_strdup_printf (
    "[{\"kind\": \"activity\", \"uuid\": \"b0000000-0000-4000-8000-000000000001\", \"version\": 2,"
    "  \"updated_at\": \"2025-01-09T02:00:00Z\", \"origin_station\": null, \"deleted\": false,"
    "  \"data\": {\"kind\": \"congress_session\", \"title\": \"市十七届人大四次会议\", \"date\": \"2025-01-08\","
    "    \"end_date\": null, \"place\": \"市会议中心\", \"organiser\": \"市人大常委会办公室\", \"note\": \"\","
    "    \"attendees\": [{\"deputy\": \"%s\", \"attendance\": \"attended\"},"
    "                  {\"deputy\": \"d0000000-0000-4000-8000-000000000042\", \"attendance\": \"absent\"}],"
    "    \"correction_reason\": null, \"corrected_by\": null, \"corrected_at\": null}},"
    " {\"kind\": \"duty_shift\", \"uuid\": \"b0000000-0000-4000-8000-000000000002\", \"version\": 1,"
    "  \"updated_at\": \"2025-01-09T02:00:00Z\", \"origin_station\": \"%s\", \"deleted\": false,"
    "  \"data\": {\"station\": \"%s\", \"deputy\": \"%s\", \"date\": \"2025-01-10\", \"note\": null}}]",
    f->zhang, f->station_uuid, f->station_uuid, f->wang);
  page = json_from_string (text, &error);
  g_assert_no_error (error);
  g_assert_true (liaison_store_apply_pulled (f->store, json_node_get_array (page), 10, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.received, ==, 2);
  g_assert_cmpuint (counts.set_aside, ==, 0);
  pulled = liaison_store_get_activity (f->store, "b0000000-0000-4000-8000-000000000001", &error);
  g_assert_no_error (error);
  g_assert_cmpint (pulled->kind, ==, LIAISON_ACTIVITY_CONGRESS_SESSION);
  g_assert_cmpint (pulled->meta.version, ==, 2);
  g_assert_cmpint (pulled->meta.sync_state, ==, LIAISON_SYNC_STATE_SYNCED);
  g_assert_cmpstr (pulled->place, ==, "市会议中心");
  g_assert_null (pulled->end_date);
  g_assert_cmpuint (pulled->attendees->len, ==, 2);
  g_assert_cmpstr (((LiaisonAttendee *) g_ptr_array_index (pulled->attendees, 1))->deputy_uuid, ==,
                   "d0000000-0000-4000-8000-000000000042");
  activities = liaison_store_list_deputy_activities (f->store, f->zhang, "2025-01-01", "2025-03-31", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (activities->len, ==, 1);
  {
    g_autoptr(GPtrArray) on_duty = liaison_store_list_on_duty (f->store, NULL, "2025-01-10", &error);

    g_assert_no_error (error);
    g_assert_cmpuint (on_duty->len, ==, 1);
    g_assert_cmpstr (g_ptr_array_index (on_duty, 0), ==, f->wang);
  }
  /* What was pulled is not pushed back. */
  g_assert_cmpuint (liaison_store_count_unsynced (f->store, &error), ==, 2);

  g_clear_pointer (&page, json_node_unref);
  page = json_from_string ("[{\"kind\": \"activity\", \"uuid\": \"b0000000-0000-4000-8000-000000000001\","
                           " \"version\": 3, \"updated_at\": \"2025-01-10T02:00:00Z\", \"origin_station\": null,"
                           " \"deleted\": true, \"data\": null}]", &error);
  g_assert_no_error (error);
  g_assert_true (liaison_store_apply_pulled (f->store, json_node_get_array (page), 11, &counts, &error));
  g_assert_no_error (error);
  g_clear_pointer (&pulled, liaison_activity_free);
  pulled = liaison_store_get_activity (f->store, "b0000000-0000-4000-8000-000000000001", &error);
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_pointer (&activities, g_ptr_array_unref);
  activities = liaison_store_list_deputy_activities (f->store, f->zhang, "2025-01-01", "2025-03-31", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (activities->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/duty-store-sync/push-and-pull", Fixture, NULL, liaison_test_duty_station_set_up, test_sync,
              liaison_test_duty_station_tear_down);
  return g_test_run ();
}
