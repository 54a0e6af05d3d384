/* test-published-hq.c: published reports at a real liaison-hq on
 * loopback, spoken to over the protocol as a desk does: only a
 * headquarters token may push a publication, and a station's push of one
 * is refused with nothing stored; a publication is never changed (a
 * version 2) nor deleted, and a part needs its head; each station's feed
 * holds the head and its own part only, and headquarters' holds all.
 *
 * Stations 东山联络站 (a) and 西山联络站 (b), headquarters' 代表工委.
 */
#define G_LOG_DOMAIN "test-published-hq"

#include "config.h"

#include <json-glib/json-glib.h>

#include "liaison-published-snapshot.h"
#include "liaison-test-hq-enrolled.h"
#include "liaison-test-hq.h"
#include "liaison-test-util.h"

typedef LiaisonTestHqEnrolled Fixture;

#define HEAD_UUID  "7a7a0000-0000-4000-8000-000000000001"
#define PART_A     "7a7a0000-0000-4000-8000-0000000000a1"
#define PART_B     "7a7a0000-0000-4000-8000-0000000000b1"
#define PUBLISHED_AT "2025-04-02T01:30:00Z"
#define COUNT_PUBLISHED "SELECT count(*) FROM records WHERE kind LIKE 'published_report%'"

/* The kinds/uuids of the published records in @token's whole feed, each
 * checked with the wire schema a desk checks it with, sorted, joined. */
static char *
published_in_feed (Fixture    *fixture,
                   const char *token)
{
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  gint64 since = 0;
  g_autoptr(GPtrArray) changes = liaison_test_hq_enrolled_pull (fixture, token, &since);

  for (guint i = 0; i < changes->len; i++)
    {
      JsonObject *change = g_ptr_array_index (changes, i);

      if (g_str_has_prefix (json_object_get_string_member (change, "kind"), "published_report"))
        g_ptr_array_add (seen, g_strdup_printf ("%s/%s", json_object_get_string_member (change, "kind"),
                                                json_object_get_string_member (change, "uuid")));
    }
  g_ptr_array_sort (seen, liaison_test_compare_strings);
  g_ptr_array_add (seen, NULL);
  return g_strjoinv (" ", (char **) seen->pdata);
}

static LiaisonPublishedRow *
row_new (const char *key,
         guint       collected)
{
  LiaisonPublishedRow *row = liaison_published_row_new (key, key);

  row->counts[0] = collected;
  return row;
}

static char *
record (const char *kind,
        const char *uuid,
        int         version,
        gboolean    deleted,
        const char *data)
{
  return g_strdup_printf ("{\"kind\": \"%s\", \"uuid\": \"%s\", \"version\": %d, \"base_version\": %d,"
                          " \"updated_at\": \"" PUBLISHED_AT "\", \"origin_station\": null, \"deleted\": %s,"
                          " \"data\": %s}", kind, uuid, version, version - 1, deleted ? "true" : "false", data);
}

static char *
head_record (int      version,
             gboolean deleted)
{
  g_autoptr(LiaisonPublishedHead) head = liaison_published_head_new ();
  g_autofree char *data = NULL;

  head->period = g_strdup ("2025-03");
  head->published_at = g_strdup (PUBLISHED_AT);
  head->published_by = g_strdup ("陈静");
  head->as_of = g_strdup ("2025-04-02");
  head->parts = 2;
  head->total = row_new ("", version == 1 ? 3 : 4);
  data = liaison_published_head_to_string (head);
  return record ("published_report", HEAD_UUID, version, deleted, data);
}

static char *
part_record (const char *uuid,
             const char *report,
             const char *station,
             guint       collected)
{
  g_autoptr(LiaisonPublishedPart) part = liaison_published_part_new ();
  g_autofree char *data = NULL;

  part->report = g_strdup (report);
  part->period = g_strdup ("2025-03");
  part->published_at = g_strdup (PUBLISHED_AT);
  part->station = g_strdup (station);
  part->parts = 1;
  part->row = row_new (station, collected);
  for (guint i = 0; i < collected; i++)
    {
      g_autofree char *suggestion = g_uuid_string_random ();

      g_ptr_array_add (part->items, liaison_published_item_new (suggestion, 0x1));
    }
  data = liaison_published_part_to_string (part);
  return record ("published_report_part", uuid, 1, FALSE, data);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  liaison_test_hq_enrolled_set_up (fixture, "liaison-published-hq-XXXXXX");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  liaison_test_hq_enrolled_clear (fixture);
}

/* A station's push of a publication, its own part too, is refused as
 * headquarters' to write, and nothing of it is stored or fed. */
static void
test_station_refused (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *head = head_record (1, FALSE);
  g_autofree char *part = part_record (PART_A, HEAD_UUID, fixture->station_a, 2);
  g_autofree char *records = g_strdup_printf ("%s, %s", head, part);
  g_autoptr(JsonArray) results = NULL;
  g_autofree char *feed = NULL;
  gint64 feed_end = liaison_test_hq_feed_end (&fixture->hq);

  results = liaison_test_hq_enrolled_push (fixture, fixture->token_a, records);
  liaison_test_assert_push_result (results, 0, "rejected", "read_only", NULL);
  liaison_test_assert_push_result (results, 1, "rejected", "read_only", NULL);
  g_assert_cmpint (liaison_test_hq_count (&fixture->hq, COUNT_PUBLISHED), ==, 0);
  g_assert_cmpint (liaison_test_hq_feed_end (&fixture->hq), ==, feed_end);
  feed = published_in_feed (fixture, fixture->token_hq);
  g_assert_cmpstr (feed, ==, "");
}

/* Headquarters pushes March's: each station's feed holds the head and its
 * own part, headquarters' all; a version 2, a deletion and a part of no
 * head here are refused, and the stored records stay as they were. */
static void
test_hq_publishes (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *head = head_record (1, FALSE);
  g_autofree char *part_a = part_record (PART_A, HEAD_UUID, fixture->station_a, 2);
  g_autofree char *part_b = part_record (PART_B, HEAD_UUID, fixture->station_b, 1);
  g_autofree char *records = g_strdup_printf ("%s, %s, %s", head, part_a, part_b);
  g_autofree char *changed = head_record (2, FALSE);
  g_autofree char *deleted = head_record (2, TRUE);
  g_autofree char *orphan = part_record ("7a7a0000-0000-4000-8000-0000000000c1",
                                         "7a7a0000-0000-4000-8000-0000000000ff", fixture->station_a, 1);
  g_autofree char *refused = g_strdup_printf ("%s, %s, %s", changed, deleted, orphan);
  g_autoptr(JsonArray) results = NULL;
  g_autoptr(JsonArray) results_refused = NULL;
  g_autofree char *feed_a = NULL;
  g_autofree char *feed_b = NULL;
  g_autofree char *feed_hq = NULL;
  gint64 feed_end;

  results = liaison_test_hq_enrolled_push (fixture, fixture->token_hq, records);
  liaison_test_assert_push_result (results, 0, "applied", NULL, NULL);
  liaison_test_assert_push_result (results, 1, "applied", NULL, NULL);
  liaison_test_assert_push_result (results, 2, "applied", NULL, NULL);
  g_assert_cmpint (liaison_test_hq_count (&fixture->hq, COUNT_PUBLISHED), ==, 3);

  feed_a = published_in_feed (fixture, fixture->token_a);
  feed_b = published_in_feed (fixture, fixture->token_b);
  feed_hq = published_in_feed (fixture, fixture->token_hq);
  g_assert_cmpstr (feed_a, ==, "published_report/" HEAD_UUID " published_report_part/" PART_A);
  g_assert_cmpstr (feed_b, ==, "published_report/" HEAD_UUID " published_report_part/" PART_B);
  g_assert_cmpstr (feed_hq, ==, "published_report/" HEAD_UUID " published_report_part/" PART_A
                                " published_report_part/" PART_B);

  feed_end = liaison_test_hq_feed_end (&fixture->hq);
  results_refused = liaison_test_hq_enrolled_push (fixture, fixture->token_hq, refused);
  liaison_test_assert_push_result (results_refused, 0, "rejected", "read_only", NULL);
  liaison_test_assert_push_result (results_refused, 1, "rejected", "invalid", NULL);
  liaison_test_assert_push_result (results_refused, 2, "rejected", "invalid", NULL);
  g_assert_cmpint (liaison_test_hq_feed_end (&fixture->hq), ==, feed_end);
  g_assert_cmpint (liaison_test_hq_count (&fixture->hq, COUNT_PUBLISHED), ==, 3);
  g_assert_cmpint (liaison_test_hq_count (&fixture->hq, "SELECT count(*) FROM records WHERE kind = 'published_report'"
                                      " AND version = 1 AND CAST (json_extract (data, '$.total.counts.collected') AS TEXT) = '3'"), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/published-hq/station-refused", Fixture, NULL, fixture_set_up, test_station_refused, fixture_tear_down);
  g_test_add ("/published-hq/hq-publishes", Fixture, NULL, fixture_set_up, test_hq_publishes, fixture_tear_down);
  return g_test_run ();
}
