/* test-wire-duty.c: the duty record's kinds on the sync wire, activity
 * and duty_shift, through the one schema both ends check records with
 * (app/wire/liaison-wire-schema.c): what passes, what is refused and
 * with which field named, and what normalizing makes of the nulls. */
#define G_LOG_DOMAIN "test-wire-duty"

#include "config.h"

#include <string.h>

#include "liaison-wire-schema.h"

#define DEPUTY_1 "9d000000-0000-4000-8000-000000000001"
#define DEPUTY_2 "9d000000-0000-4000-8000-000000000002"
#define STATION  "5f1e0000-0000-4000-8000-000000000001"

/* An activity record whose data members are @data, JSON text. */
static JsonObject *
record (const char *kind,
        const char *data)
{
  g_autofree char *text = g_strdup_printf (
    "{\"kind\": \"%s\", \"uuid\": \"ac000000-0000-4000-8000-000000000001\", \"version\": 1,"
    " \"base_version\": 0, \"updated_at\": \"2025-03-05T01:30:00Z\", \"origin_station\": null,"
    " \"deleted\": false, \"data\": {%s}}", kind, data);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = json_from_string (text, &error);

  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (node));
}

#define GOOD_ACTIVITY \
  "\"kind\": \"research\", \"title\": \"老旧小区改造调研\", \"date\": \"2025-03-05\"," \
  " \"end_date\": \"2025-03-06\", \"place\": \"东山街道\", \"organiser\": \"市人大城建环资委\"," \
  " \"note\": null, \"attendees\": [{\"deputy\": \"" DEPUTY_1 "\", \"attendance\": \"attended\"}," \
  " {\"deputy\": \"" DEPUTY_2 "\", \"attendance\": \"leave\"}]," \
  " \"correction_reason\": \"\", \"corrected_by\": null, \"corrected_at\": null"

static void
assert_passes (const char *kind,
               const char *data)
{
  g_autoptr(JsonObject) object = record (kind, data);
  g_autoptr(GError) error = NULL;

  g_test_message ("passes: %s", data);
  g_assert_true (liaison_wire_check_record (object, &error));
  g_assert_no_error (error);
}

/* Refused, with a message that holds @words (the field named). */
static void
assert_refused (const char *kind,
                const char *data,
                const char *words)
{
  g_autoptr(JsonObject) object = record (kind, data);
  g_autoptr(GError) error = NULL;

  g_assert_false (liaison_wire_check_record (object, &error));
  g_assert_error (error, LIAISON_WIRE_ERROR, LIAISON_WIRE_ERROR_INVALID);
  g_test_message ("refused: %s", error->message);
  if (strstr (error->message, words) == NULL)
    g_error ("“%s” does not name “%s” (data: %s)", error->message, words, data);
}

static void
test_activity_good (void)
{
  assert_passes ("activity", GOOD_ACTIVITY);
  /* One day, no attendees yet, every optional member left out. */
  assert_passes ("activity", "\"kind\": \"congress_session\", \"title\": \"市十七届人大三次会议\","
                             " \"date\": \"2024-02-29\", \"attendees\": []");
  /* The same day as end date; every attendance; a correction with its parts. */
  assert_passes ("activity", "\"kind\": \"station_duty\", \"title\": \"进站接待\", \"date\": \"2025-03-05\","
                             " \"end_date\": \"2025-03-05\", \"place\": \"\", \"organiser\": \"\", \"note\": \"\","
                             " \"attendees\": [{\"deputy\": \"" DEPUTY_1 "\", \"attendance\": \"absent\"}],"
                             " \"correction_reason\": \"补录缺席\", \"corrected_by\": \"代表工委 刘芳\","
                             " \"corrected_at\": \"2025-04-10T02:00:00Z\"");
}

static void
test_activity_bad (void)
{
  struct { const char *data, *words; } bad[] = {
    /* kind */
    { "\"title\": \"t\", \"date\": \"2025-03-05\", \"attendees\": []", "data.kind is missing" },
    { "\"kind\": \"meeting\", \"title\": \"t\", \"date\": \"2025-03-05\", \"attendees\": []", "data.kind" },
    { "\"kind\": \"Research\", \"title\": \"t\", \"date\": \"2025-03-05\", \"attendees\": []", "data.kind" },
    { "\"kind\": \"调研\", \"title\": \"t\", \"date\": \"2025-03-05\", \"attendees\": []", "data.kind" },
    /* title */
    { "\"kind\": \"research\", \"title\": \"\", \"date\": \"2025-03-05\", \"attendees\": []", "data.title" },
    { "\"kind\": \"research\", \"title\": null, \"date\": \"2025-03-05\", \"attendees\": []", "data.title" },
    { "\"kind\": \"research\", \"date\": \"2025-03-05\", \"attendees\": []", "data.title is missing" },
    /* dates */
    { "\"kind\": \"research\", \"title\": \"t\", \"date\": \"2025-02-29\", \"attendees\": []", "data.date" },
    { "\"kind\": \"research\", \"title\": \"t\", \"date\": \"2025/3/5\", \"attendees\": []", "data.date" },
    { "\"kind\": \"research\", \"title\": \"t\", \"date\": \"\", \"attendees\": []", "data.date" },
    { "\"kind\": \"research\", \"title\": \"t\", \"date\": null, \"attendees\": []", "data.date" },
    { "\"kind\": \"research\", \"title\": \"t\", \"date\": \"2025-03-05\", \"end_date\": \"2025-13-01\","
      " \"attendees\": []", "data.end_date" },
    { "\"kind\": \"research\", \"title\": \"t\", \"date\": \"2025-03-05\", \"end_date\": \"2025-03-04\","
      " \"attendees\": []", "data.end_date is before data.date" },
    /* optional text */
    { "\"kind\": \"research\", \"title\": \"t\", \"date\": \"2025-03-05\", \"place\": 5, \"attendees\": []",
      "data.place" },
    { "\"kind\": \"research\", \"title\": \"t\", \"date\": \"2025-03-05\", \"note\": [], \"attendees\": []",
      "data.note" },
    /* attendees */
    { "\"kind\": \"research\", \"title\": \"t\", \"date\": \"2025-03-05\"", "data.attendees is missing" },
    { "\"kind\": \"research\", \"title\": \"t\", \"date\": \"2025-03-05\", \"attendees\": {}", "data.attendees" },
    { "\"kind\": \"research\", \"title\": \"t\", \"date\": \"2025-03-05\", \"attendees\": [\"" DEPUTY_1 "\"]",
      "data.attendees[0] must be an object" },
    { "\"kind\": \"research\", \"title\": \"t\", \"date\": \"2025-03-05\","
      " \"attendees\": [{\"deputy\": \"x\", \"attendance\": \"attended\"}]", "data.attendees[0].deputy" },
    { "\"kind\": \"research\", \"title\": \"t\", \"date\": \"2025-03-05\","
      " \"attendees\": [{\"deputy\": \"" DEPUTY_1 "\"}]", "data.attendees[0].attendance is missing" },
    { "\"kind\": \"research\", \"title\": \"t\", \"date\": \"2025-03-05\","
      " \"attendees\": [{\"deputy\": \"" DEPUTY_1 "\", \"attendance\": \"出席\"}]", "data.attendees[0].attendance" },
    { "\"kind\": \"research\", \"title\": \"t\", \"date\": \"2025-03-05\","
      " \"attendees\": [{\"deputy\": \"" DEPUTY_1 "\", \"attendance\": \"attended\", \"points\": 3}]",
      "data.attendees[0].points is not a field" },
    { "\"kind\": \"research\", \"title\": \"t\", \"date\": \"2025-03-05\","
      " \"attendees\": [{\"deputy\": \"" DEPUTY_1 "\", \"attendance\": \"attended\"},"
      " {\"deputy\": \"" DEPUTY_2 "\", \"attendance\": \"attended\"},"
      " {\"deputy\": \"9D000000-0000-4000-8000-000000000001\", \"attendance\": \"leave\"}]",
      "data.attendees[2].deputy is listed twice" },
    /* corrections */
    { "\"kind\": \"research\", \"title\": \"t\", \"date\": \"2025-03-05\", \"attendees\": [],"
      " \"correction_reason\": \"补录\"", "data.correction_reason and data.corrected_at" },
    { "\"kind\": \"research\", \"title\": \"t\", \"date\": \"2025-03-05\", \"attendees\": [],"
      " \"corrected_at\": \"2025-04-10T02:00:00Z\"", "data.correction_reason and data.corrected_at" },
    { "\"kind\": \"research\", \"title\": \"t\", \"date\": \"2025-03-05\", \"attendees\": [],"
      " \"correction_reason\": \"补录\", \"corrected_at\": \"2025-04-10 02:00\"", "data.corrected_at" },
    /* unknown members */
    { GOOD_ACTIVITY ", \"points\": 3", "data.points is not a field" },
    { GOOD_ACTIVITY ", \"station\": \"" STATION "\"", "data.station is not a field" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    assert_refused ("activity", bad[i].data, bad[i].words);
}

/* Texts over their caps, in characters (not bytes): 100 Chinese
 * characters of title pass, 101 do not. */
static void
test_activity_lengths (void)
{
  GString *title = g_string_new (NULL);
  GString *note = g_string_new (NULL);
  g_autofree char *ok = NULL;
  g_autofree char *long_title = NULL;
  g_autofree char *long_note = NULL;

  for (guint i = 0; i < 100; i++)
    g_string_append (title, "调");
  for (guint i = 0; i < 4001; i++)
    g_string_append (note, "记");
  ok = g_strdup_printf ("\"kind\": \"research\", \"title\": \"%s\", \"date\": \"2025-03-05\", \"attendees\": []",
                        title->str);
  assert_passes ("activity", ok);
  g_string_append (title, "研");
  long_title = g_strdup_printf ("\"kind\": \"research\", \"title\": \"%s\", \"date\": \"2025-03-05\","
                                " \"attendees\": []", title->str);
  assert_refused ("activity", long_title, "data.title is longer than 100 characters");
  long_note = g_strdup_printf ("\"kind\": \"research\", \"title\": \"t\", \"date\": \"2025-03-05\","
                               " \"note\": \"%s\", \"attendees\": []", note->str);
  assert_refused ("activity", long_note, "data.note is longer than 4000 characters");
  g_string_free (title, TRUE);
  g_string_free (note, TRUE);
}

/* Optional members sent as null are stored as "", like a reception's
 * handling; what is then sent again passes and means the same. */
static void
test_activity_normalized (void)
{
  g_autoptr(JsonObject) object =
    record ("activity", "\"kind\": \"research\", \"title\": \"老旧小区改造调研\", \"date\": \"2025-03-05\","
                        " \"end_date\": null, \"place\": \"东山街道\", \"organiser\": null, \"note\": null,"
                        " \"attendees\": [], \"correction_reason\": null, \"corrected_by\": null,"
                        " \"corrected_at\": null");
  JsonObject *data = json_object_get_object_member (object, "data");

  liaison_wire_normalize_record (object);
  g_assert_cmpstr (json_object_get_string_member (data, "end_date"), ==, "");
  g_assert_cmpstr (json_object_get_string_member (data, "note"), ==, "");
  g_assert_cmpstr (json_object_get_string_member (data, "corrected_by"), ==, "");
  g_assert_cmpstr (json_object_get_string_member (data, "corrected_at"), ==, "");
  g_assert_cmpstr (json_object_get_string_member (data, "organiser"), ==, "");
  g_assert_cmpstr (json_object_get_string_member (data, "title"), ==, "老旧小区改造调研");
  g_assert_true (liaison_wire_check_record (object, NULL));
}

/* A deleted activity may carry no data. */
static void
test_activity_tombstone (void)
{
  g_autoptr(JsonObject) object = record ("activity", "");

  json_object_set_boolean_member (object, "deleted", TRUE);
  g_assert_true (liaison_wire_check_record (object, NULL));
}

#define GOOD_SHIFT \
  "\"station\": \"" STATION "\", \"deputy\": \"" DEPUTY_1 "\", \"date\": \"2025-03-05\""

static void
test_duty_shift (void)
{
  struct { const char *data, *words; } bad[] = {
    { "\"deputy\": \"" DEPUTY_1 "\", \"date\": \"2025-03-05\"", "data.station is missing" },
    { "\"station\": null, \"deputy\": \"" DEPUTY_1 "\", \"date\": \"2025-03-05\"", "data.station" },
    { "\"station\": \"" STATION "\", \"date\": \"2025-03-05\"", "data.deputy is missing" },
    { "\"station\": \"" STATION "\", \"deputy\": \"李明\", \"date\": \"2025-03-05\"", "data.deputy" },
    { "\"station\": \"" STATION "\", \"deputy\": \"" DEPUTY_1 "\"", "data.date is missing" },
    { "\"station\": \"" STATION "\", \"deputy\": \"" DEPUTY_1 "\", \"date\": \"2025-04-31\"", "data.date" },
    { "\"station\": \"" STATION "\", \"deputy\": \"" DEPUTY_1 "\", \"date\": \"\"", "data.date" },
    { GOOD_SHIFT ", \"note\": 1", "data.note" },
    { GOOD_SHIFT ", \"shift\": \"上午\"", "data.shift is not a field" },
  };
  g_autoptr(JsonObject) object = record ("duty_shift", GOOD_SHIFT ", \"note\": null");

  assert_passes ("duty_shift", GOOD_SHIFT);
  assert_passes ("duty_shift", GOOD_SHIFT ", \"note\": \"上午接待\"");
  assert_passes ("duty_shift", GOOD_SHIFT ", \"note\": null");
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    assert_refused ("duty_shift", bad[i].data, bad[i].words);

  liaison_wire_normalize_record (object);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (object, "data"), "note"), ==, "");
}

/* The fuzzer's seeds for the two kinds are records both ends take, so the
 * fuzzer starts from the inside of the schema. */
static void
test_fuzz_seeds_pass (void)
{
  const char *names[] = { "activity.json", "duty_shift.json" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (g_getenv ("LIAISON_TEST_DATA"), "..", "fuzz", "corpus",
                                                "fuzz-wire-record", names[i], NULL);
      g_autofree char *text = NULL;
      g_autoptr(JsonNode) node = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_true (g_file_get_contents (path, &text, NULL, &error));
      node = json_from_string (text, &error);
      g_assert_no_error (error);
      g_assert_true (liaison_wire_check_record (json_node_get_object (node), &error));
      g_assert_no_error (error);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/wire-duty/activity-good", test_activity_good);
  g_test_add_func ("/wire-duty/activity-bad", test_activity_bad);
  g_test_add_func ("/wire-duty/activity-lengths", test_activity_lengths);
  g_test_add_func ("/wire-duty/activity-normalized", test_activity_normalized);
  g_test_add_func ("/wire-duty/activity-tombstone", test_activity_tombstone);
  g_test_add_func ("/wire-duty/duty-shift", test_duty_shift);
  g_test_add_func ("/wire-duty/fuzz-seeds-pass", test_fuzz_seeds_pass);

  return g_test_run ();
}
