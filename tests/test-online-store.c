/* test-online-store.c: the Online inbox at a desk (issue 14, docs/online.md,
 * "The Online inbox"; app/store/liaison-store-online.c): submissions
 * pulled, listed and read, accepted as a reception with its suggestion,
 * declined with a reason; the decision's derived uuid and the wire's
 * rules for both kinds. */
#include "config.h"

#include <glib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "liaison-online-wire.h"
#include "liaison-privacy.h"
#include "liaison-store-online.h"
#include "liaison-store-sync.h"
#include "liaison-test-util.h"
#include "liaison-validate.h"
#include "liaison-wire-schema.h"

#define SUBMISSION_A "5a000000-0000-4000-8000-00000000000a"
#define SUBMISSION_B "5a000000-0000-4000-8000-00000000000b"
#define SUBMISSION_C "5a000000-0000-4000-8000-00000000000c"
#define OTHER_STATION "57000000-0000-4000-8000-000000000099"

typedef struct {
  char         *dir;
  char         *path;
  LiaisonStore *store;
  char         *station;
  char         *category;
  GPtrArray    *changed;
} Fixture;

static void
on_changed (LiaisonStore *store,
            const char   *table,
            gpointer      user_data)
{
  Fixture *f = user_data;

  g_ptr_array_add (f->changed, g_strdup (table));
}

static gboolean
changed_has (Fixture    *f,
             const char *table)
{
  return g_ptr_array_find_with_equal_func (f->changed, table, g_str_equal, NULL);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = liaison_test_make_tmp_dir ("liaison-online-store-XXXXXX");
  f->path = g_build_filename (f->dir, "station.db", NULL);
  f->store = liaison_test_open_store_with_station (f->path, "相山区东山街道代表联络站");
  f->station = liaison_test_local_station_uuid (f->store);
  f->category = liaison_test_query_text (f->store, "SELECT uuid FROM categories ORDER BY position LIMIT 1");
  f->changed = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (f->store, "changed", G_CALLBACK (on_changed), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_signal_handlers_disconnect_by_data (f->store, f);
  liaison_test_clear_store_dir (&f->store, &f->dir);
  g_free (f->path);
  g_free (f->station);
  g_free (f->category);
  g_ptr_array_unref (f->changed);
}

/* An online_submission record as the server's feed carries it. */
static char *
submission_json (const char *uuid,
                 const char *station,
                 const char *category,
                 const char *title,
                 const char *phone,
                 const char *submitted_at)
{
  g_autofree char *phone_json = phone != NULL ? g_strdup_printf ("\"%s\"", phone) : g_strdup ("null");

  return g_strdup_printf (
    "{\"kind\": \"online_submission\", \"uuid\": \"%s\", \"version\": 1, \"updated_at\": \"%s\","
    " \"origin_station\": \"%s\", \"deleted\": false,"
    " \"data\": {\"station\": \"%s\", \"category\": \"%s\", \"title\": \"%s\","
    "  \"content\": \"路灯坏了两个月，晚上看不清路。\", \"name\": \"王秀英\", \"phone\": %s,"
    "  \"community\": \"东山社区\", \"consent\": %s, \"submitted_at\": \"%s\"}}",
    uuid, submitted_at, station, station, category, title, phone_json, phone != NULL ? "true" : "false",
    submitted_at);
}

static void
pull (Fixture    *f,
      const char *changes_json,
      guint       expect_received)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) page = json_from_string (changes_json, &error);
  LiaisonSyncCounts counts = { 0 };

  g_assert_no_error (error);
  g_assert_true (liaison_store_apply_pulled (f->store, json_node_get_array (page), 1, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.set_aside, ==, 0);
  g_assert_cmpuint (counts.received, ==, expect_received);
}

/* Two for this station, one for another, as the feed brings them. */
static void
pull_three (Fixture *f)
{
  g_autofree char *a = submission_json (SUBMISSION_A, f->station, f->category, "路灯不亮", "13912345678",
                                        "2025-03-04T01:30:00Z");
  g_autofree char *b = submission_json (SUBMISSION_B, f->station, f->category, "垃圾清运不及时", NULL,
                                        "2025-03-05T02:00:00Z");
  g_autofree char *c = submission_json (SUBMISSION_C, OTHER_STATION, f->category, "别处的事", NULL,
                                        "2025-03-06T02:00:00Z");
  g_autofree char *page = g_strdup_printf ("[%s, %s, %s]", a, b, c);

  pull (f, page, 3);
}

static void
test_pull_list_get (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) mine = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(LiaisonOnlineSubmission) a = NULL;
  g_autoptr(LiaisonOnlineSubmission) none = NULL;

  g_assert_cmpint (liaison_store_get_schema_version (f->store), >=, 18);  /* the Online inbox came with schema 18 */
  pull_three (f);
  g_assert_true (changed_has (f, "online"));

  mine = liaison_store_list_online_submissions (f->store, f->station, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mine->len, ==, 2);
  /* Newest first. */
  g_assert_cmpstr (((LiaisonOnlineSubmission *) g_ptr_array_index (mine, 0))->uuid, ==, SUBMISSION_B);
  g_assert_cmpstr (((LiaisonOnlineSubmission *) g_ptr_array_index (mine, 1))->uuid, ==, SUBMISSION_A);
  all = liaison_store_list_online_submissions (f->store, NULL, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 3);

  a = liaison_store_get_online_submission (f->store, SUBMISSION_A, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (a->station, ==, f->station);
  g_assert_cmpstr (a->station_name, ==, "相山区东山街道代表联络站");
  g_assert_cmpstr (a->category, ==, f->category);
  g_assert_nonnull (a->category_name);
  g_assert_cmpstr (a->title, ==, "路灯不亮");
  g_assert_cmpstr (a->content, ==, "路灯坏了两个月，晚上看不清路。");
  g_assert_cmpstr (a->name, ==, "王秀英");
  g_assert_cmpstr (a->phone, ==, "13912345678");
  g_assert_cmpstr (a->community, ==, "东山社区");
  g_assert_true (a->consent);
  g_assert_cmpstr (a->submitted_at, ==, "2025-03-04T01:30:00Z");
  g_assert_cmpint (a->state, ==, LIAISON_ONLINE_PENDING);
  g_assert_null (a->decided_at);
  g_assert_null (a->reception);

  none = liaison_store_get_online_submission (f->store, "5a000000-0000-4000-8000-0000000000ff", &error);
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_NOT_FOUND);
  g_assert_null (none);
  /* Nothing of it waits to be pushed: the server wrote it. */
  g_assert_cmpuint (liaison_store_count_unsynced (f->store, NULL), ==, 0);
}

static void
test_accept (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *reception_uuid = NULL;
  g_autofree char *suggestion_uuid = NULL;
  g_autofree char *decision_uuid = liaison_online_decision_uuid (SUBMISSION_A);
  g_autofree char *sql = NULL;
  g_autofree char *text = NULL;
  g_autoptr(LiaisonOnlineSubmission) a = NULL;
  g_autoptr(LiaisonReception) reception = NULL;
  g_autoptr(GPtrArray) pending = NULL;
  const LiaisonVisitor *visitor;
  LiaisonTestCounts before;
  gint64 reception_id;

  pull_three (f);
  g_ptr_array_set_size (f->changed, 0);
  g_assert_true (liaison_store_accept_online_submission (f->store, SUBMISSION_A, "陈红", &reception_uuid,
                                                         &suggestion_uuid, &error));
  g_assert_no_error (error);
  g_assert_true (changed_has (f, "online"));
  g_assert_true (changed_has (f, "receptions"));
  g_assert_true (changed_has (f, "suggestions"));

  a = liaison_store_get_online_submission (f->store, SUBMISSION_A, &error);
  g_assert_no_error (error);
  g_assert_cmpint (a->state, ==, LIAISON_ONLINE_ACCEPTED);
  g_assert_cmpstr (a->reception, ==, reception_uuid);
  g_assert_cmpstr (a->suggestion, ==, suggestion_uuid);
  g_assert_cmpstr (a->decided_by, ==, "陈红");
  g_assert_nonnull (a->decided_at);

  /* The reception: online, at the submission's local time, the citizen
   * as its one visitor, no deputy on duty. */
  reception_id = liaison_store_find_reception_by_uuid (f->store, reception_uuid);
  g_assert_cmpint (reception_id, >, 0);
  reception = liaison_store_get_reception (f->store, reception_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (reception->channel, ==, LIAISON_CHANNEL_ONLINE);
  g_assert_cmpstr (reception->summary, ==, "路灯不亮");
  {
    g_autoptr(GDateTime) utc = g_date_time_new_utc (2025, 3, 4, 1, 30, 0);
    g_autoptr(GDateTime) local = g_date_time_to_local (utc);
    g_autofree char *expected = g_date_time_format (local, "%Y-%m-%d %H:%M");

    g_assert_cmpstr (reception->received_at, ==, expected);
  }
  g_assert_cmpuint (reception->visitors->len, ==, 1);
  visitor = g_ptr_array_index (reception->visitors, 0);
  g_assert_cmpstr (visitor->name, ==, "王秀英");
  g_assert_cmpstr (visitor->phone, ==, "13912345678");
  g_assert_cmpstr (visitor->community, ==, "东山社区");
  g_assert_cmpint (visitor->party_size, ==, 1);
  g_assert_true (visitor->consent);
  g_assert_cmpuint (reception->deputy_ids->len, ==, 0);
  g_assert_cmpuint (reception->suggestions->len, ==, 1);
  {
    const LiaisonSuggestion *suggestion = g_ptr_array_index (reception->suggestions, 0);

    g_assert_cmpstr (suggestion->meta.uuid, ==, suggestion_uuid);
    g_assert_cmpstr (suggestion->title, ==, "路灯不亮");
    g_assert_cmpstr (suggestion->content, ==, "路灯坏了两个月，晚上看不清路。");
    g_assert_cmpstr (suggestion->raised_by, ==, "王秀英");
    g_assert_cmpint (suggestion->status, ==, LIAISON_LOOP_STATUS_REGISTERED);
  }

  /* The decision record waits for the push, under the derived uuid. */
  sql = g_strdup_printf ("SELECT decision || ' ' || reception || ' ' || suggestion || ' ' || sync_state"
                         " FROM online_decisions WHERE uuid = '%s'", decision_uuid);
  text = liaison_test_query_text (f->store, sql);
  g_assert_cmpstr (text, ==, g_strdup_printf ("accepted %s %s 1", reception_uuid, suggestion_uuid));

  /* Once only, and not declined after. */
  before = liaison_test_count_receptions (f->store);
  g_assert_false (liaison_store_accept_online_submission (f->store, SUBMISSION_A, "陈红", NULL, NULL, &error));
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (liaison_store_decline_online_submission (f->store, SUBMISSION_A, LIAISON_ONLINE_DECLINE_SPAM,
                                                           NULL, "陈红", &error));
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID);
  g_clear_error (&error);
  liaison_test_assert_counts (liaison_test_count_receptions (f->store), before);
  g_assert_cmpint (liaison_test_count_rows (f->store, "online_decisions"), ==, 1);

  pending = liaison_store_list_online_submissions (f->store, f->station, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pending->len, ==, 1);
  g_assert_cmpstr (((LiaisonOnlineSubmission *) g_ptr_array_index (pending, 0))->uuid, ==, SUBMISSION_B);
}

static void
test_accept_without_contacts (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *reception_uuid = NULL;
  g_autoptr(LiaisonReception) reception = NULL;
  g_autofree char *record = g_strdup_printf (
    "[{\"kind\": \"online_submission\", \"uuid\": \"%s\", \"version\": 1, \"updated_at\": \"2025-03-04T01:30:00Z\","
    " \"origin_station\": \"%s\", \"deleted\": false,"
    " \"data\": {\"station\": \"%s\", \"category\": \"%s\", \"title\": \"无名氏的建议\", \"content\": null,"
    "  \"name\": null, \"phone\": null, \"community\": null, \"consent\": false,"
    "  \"submitted_at\": \"2025-03-04T01:30:00Z\"}}]", SUBMISSION_A, f->station, f->station, f->category);
  const LiaisonVisitor *visitor;

  pull (f, record, 1);
  liaison_store_accept_online_submission (f->store, SUBMISSION_A, NULL, &reception_uuid, NULL, &error);
  g_assert_no_error (error);
  reception = liaison_store_get_reception (f->store, liaison_store_find_reception_by_uuid (f->store, reception_uuid),
                                           &error);
  g_assert_no_error (error);
  visitor = g_ptr_array_index (reception->visitors, 0);
  g_assert_cmpstr (visitor->name, ==, "");
  g_assert_cmpstr (visitor->community, ==, "");
  g_assert_false (visitor->consent);
  g_assert_cmpstr (((LiaisonSuggestion *) g_ptr_array_index (reception->suggestions, 0))->content, ==,
                   "无名氏的建议");
}

static void
test_decline (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonOnlineSubmission) b = NULL;
  g_autofree char *decision_uuid = liaison_online_decision_uuid (SUBMISSION_B);
  g_autofree char *sql = NULL;
  g_autofree char *text = NULL;
  LiaisonTestCounts before;
  LiaisonOnlineDeclineReason reason;

  pull_three (f);
  before = liaison_test_count_receptions (f->store);

  /* A reason that is none of the three changes nothing. */
  g_assert_false (liaison_store_decline_online_submission (f->store, SUBMISSION_B, (LiaisonOnlineDeclineReason) 7,
                                                           NULL, "陈红", &error));
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (liaison_test_count_rows (f->store, "online_decisions"), ==, 0);

  g_ptr_array_set_size (f->changed, 0);
  g_assert_true (liaison_store_decline_online_submission (f->store, SUBMISSION_B, LIAISON_ONLINE_DECLINE_DUPLICATE,
                                                          "  与3月1日来访同一事项  ", "陈红", &error));
  g_assert_no_error (error);
  g_assert_true (changed_has (f, "online"));
  b = liaison_store_get_online_submission (f->store, SUBMISSION_B, &error);
  g_assert_no_error (error);
  g_assert_cmpint (b->state, ==, LIAISON_ONLINE_DECLINED);
  g_assert_cmpint (b->reason, ==, LIAISON_ONLINE_DECLINE_DUPLICATE);
  g_assert_cmpstr (b->note, ==, "与3月1日来访同一事项");
  g_assert_null (b->reception);
  g_assert_null (b->suggestion);
  liaison_test_assert_counts (liaison_test_count_receptions (f->store), before);

  sql = g_strdup_printf ("SELECT decision || ' ' || reason || ' ' || sync_state FROM online_decisions"
                         " WHERE uuid = '%s'", decision_uuid);
  text = liaison_test_query_text (f->store, sql);
  g_assert_cmpstr (text, ==, "declined duplicate 1");

  /* The codes and the words. */
  g_assert_cmpstr (liaison_online_decline_reason_to_code (LIAISON_ONLINE_DECLINE_OUT_OF_REMIT), ==, "out_of_remit");
  g_assert_true (liaison_online_decline_reason_from_code ("spam", &reason));
  g_assert_cmpint (reason, ==, LIAISON_ONLINE_DECLINE_SPAM);
  g_assert_false (liaison_online_decline_reason_from_code ("boring", &reason));
  g_assert_nonnull (liaison_online_decline_reason_label (LIAISON_ONLINE_DECLINE_DUPLICATE));
}

/* Another station's submission, one not here, and a headquarters desk:
 * refused, nothing written. */
static void
test_refusals (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  LiaisonTestCounts before;

  pull_three (f);
  before = liaison_test_count_receptions (f->store);
  g_assert_false (liaison_store_accept_online_submission (f->store, SUBMISSION_C, "陈红", NULL, NULL, &error));
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (liaison_store_decline_online_submission (f->store, SUBMISSION_C, LIAISON_ONLINE_DECLINE_SPAM,
                                                           NULL, "陈红", &error));
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (liaison_store_accept_online_submission (f->store, "5a000000-0000-4000-8000-0000000000ff", "陈红",
                                                          NULL, NULL, &error));
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  liaison_test_enroll_as_hq (f->store);
  g_assert_false (liaison_store_accept_online_submission (f->store, SUBMISSION_A, "陈红", NULL, NULL, &error));
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  liaison_test_assert_counts (liaison_test_count_receptions (f->store), before);
  g_assert_cmpint (liaison_test_count_rows (f->store, "online_decisions"), ==, 0);
}

/* A headquarters desk keeps a pulled submission's phone masked, whatever
 * the server sent. */
static void
test_hq_masks (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonOnlineSubmission) a = NULL;
  g_autofree char *record = NULL;
  g_autofree char *page = NULL;
  g_autofree char *masked = liaison_privacy_mask_phone ("13912345678");

  liaison_test_enroll_as_hq (f->store);
  record = submission_json (SUBMISSION_A, OTHER_STATION, f->category, "路灯不亮", "13912345678",
                            "2025-03-04T01:30:00Z");
  page = g_strdup_printf ("[%s]", record);
  pull (f, page, 1);
  a = liaison_store_get_online_submission (f->store, SUBMISSION_A, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (a->phone, ==, masked);
  g_assert_cmpstr (a->phone, !=, "13912345678");
}

/* Another desk of this station decided: its decision, pulled, is this
 * desk's row's, and this desk can decide no more. */
static void
test_decision_pulled (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonOnlineSubmission) a = NULL;
  g_autofree char *decision_uuid = liaison_online_decision_uuid (SUBMISSION_A);
  g_autofree char *page = NULL;

  pull_three (f);
  page = g_strdup_printf (
    "[{\"kind\": \"online_decision\", \"uuid\": \"%s\", \"version\": 1, \"updated_at\": \"2025-03-05T03:00:00Z\","
    " \"origin_station\": \"%s\", \"deleted\": false,"
    " \"data\": {\"submission\": \"%s\", \"station\": \"%s\", \"decision\": \"declined\", \"reason\": \"spam\","
    "  \"note\": null, \"reception\": null, \"suggestion\": null, \"decided_at\": \"2025-03-05T03:00:00Z\","
    "  \"decided_by\": \"李娜\"}}]", decision_uuid, f->station, SUBMISSION_A, f->station);
  g_ptr_array_set_size (f->changed, 0);
  pull (f, page, 1);
  g_assert_true (changed_has (f, "online"));
  a = liaison_store_get_online_submission (f->store, SUBMISSION_A, &error);
  g_assert_no_error (error);
  g_assert_cmpint (a->state, ==, LIAISON_ONLINE_DECLINED);
  g_assert_cmpint (a->reason, ==, LIAISON_ONLINE_DECLINE_SPAM);
  g_assert_cmpstr (a->decided_by, ==, "李娜");
  g_assert_cmpstr (a->decided_at, ==, "2025-03-05T03:00:00Z");
  g_assert_false (liaison_store_accept_online_submission (f->store, SUBMISSION_A, "陈红", NULL, NULL, &error));
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID);
  g_assert_cmpuint (liaison_store_count_unsynced (f->store, NULL), ==, 0);
}

/* The wire's rules for both kinds. */
static gboolean
wire_ok (const char  *json,
         GError     **error)
{
  g_autoptr(JsonNode) node = json_from_string (json, NULL);

  g_assert_nonnull (node);
  return liaison_wire_check_record (json_node_get_object (node), error);
}

static char *
decision_json (const char *uuid,
               int         version,
               const char *decision,
               const char *reason,
               const char *reception,
               const char *suggestion)
{
  return g_strdup_printf (
    "{\"kind\": \"online_decision\", \"uuid\": \"%s\", \"version\": %d, \"updated_at\": \"2025-03-05T03:00:00Z\","
    " \"origin_station\": \"" OTHER_STATION "\", \"deleted\": false,"
    " \"data\": {\"submission\": \"" SUBMISSION_A "\", \"station\": \"" OTHER_STATION "\", \"decision\": \"%s\","
    "  \"reason\": %s, \"note\": null, \"reception\": %s, \"suggestion\": %s,"
    "  \"decided_at\": \"2025-03-05T03:00:00Z\", \"decided_by\": null}}",
    uuid, version, decision, reason, reception, suggestion);
}

static void
test_wire (void)
{
  g_autofree char *uuid = liaison_online_decision_uuid (SUBMISSION_A);
  g_autofree char *upper = liaison_online_decision_uuid ("5A000000-0000-4000-8000-00000000000A");
  g_autofree char *other = liaison_online_decision_uuid (SUBMISSION_B);
  const char *reception = "\"a0000000-0000-4000-8000-000000000001\"";
  const char *suggestion = "\"a0000000-0000-4000-8000-000000000002\"";
  struct {
    char       *json;
    const char *says;
  } bad[] = {
    { decision_json (uuid, 1, "declined", "null", "null", "null"), "data.reason" },
    { decision_json (uuid, 1, "declined", "\"boring\"", "null", "null"), "data.reason" },
    { decision_json (uuid, 1, "declined", "\"spam\"", reception, "null"), "data.reception" },
    { decision_json (uuid, 1, "accepted", "null", reception, "null"), "data.suggestion" },
    { decision_json (uuid, 1, "accepted", "\"spam\"", reception, suggestion), "data.reason" },
    { decision_json (uuid, 1, "maybe", "null", "null", "null"), "data.decision" },
    { decision_json (other, 1, "declined", "\"spam\"", "null", "null"), "uuid" },
    { decision_json (uuid, 2, "declined", "\"spam\"", "null", "null"), "version" },
  };
  g_autofree char *good_declined = decision_json (uuid, 1, "declined", "\"out_of_remit\"", "null", "null");
  g_autofree char *good_accepted = decision_json (uuid, 1, "accepted", "null", reception, suggestion);
  g_autofree char *title = g_strnfill (LIAISON_MAX_TITLE_CHARS + 1, 'x');
  g_autofree char *long_title = submission_json (SUBMISSION_A, OTHER_STATION, OTHER_STATION, title, NULL,
                                                 "2025-03-04T01:30:00Z");
  g_autofree char *good_submission = submission_json (SUBMISSION_A, OTHER_STATION, OTHER_STATION, "路灯", NULL,
                                                      "2025-03-04T01:30:00Z");
  g_autoptr(GError) error = NULL;

  /* Version 5's layout, the same for the same submission, whatever its case. */
  g_assert_cmpuint (strlen (uuid), ==, 36);
  g_assert_cmpint (uuid[14], ==, '5');
  g_assert_true (strchr ("89ab", uuid[19]) != NULL);
  g_assert_cmpstr (uuid, ==, upper);
  g_assert_cmpstr (uuid, !=, other);

  g_assert_true (wire_ok (good_declined, &error));
  g_assert_no_error (error);
  g_assert_true (wire_ok (good_accepted, &error));
  g_assert_no_error (error);
  g_assert_true (wire_ok (good_submission, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_false (wire_ok (bad[i].json, &error));
      g_assert_error (error, LIAISON_WIRE_ERROR, LIAISON_WIRE_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, bad[i].says));
      g_clear_error (&error);
      g_free (bad[i].json);
    }
  g_assert_false (wire_ok (long_title, &error));
  g_assert_nonnull (strstr (error->message, "data.title"));
  g_clear_error (&error);
  {
    /* Consent without a phone, and a tombstone. */
    g_autofree char *consent = g_strdup (good_submission);
    g_autofree char *tombstone = NULL;
    char *at = strstr (consent, "\"consent\": false");

    memcpy (at, "\"consent\": true ", strlen ("\"consent\": true "));
    g_assert_false (wire_ok (consent, &error));
    g_assert_nonnull (strstr (error->message, "data.phone"));
    g_clear_error (&error);
    tombstone = g_strdup (good_submission);
    at = strstr (tombstone, "\"deleted\": false");
    memcpy (at, "\"deleted\": true ", strlen ("\"deleted\": true "));
    g_assert_false (wire_ok (tombstone, &error));
    g_assert_nonnull (strstr (error->message, "deleted"));
    g_clear_error (&error);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/online/store/pull-list-get", test_pull_list_get);
  ADD ("/online/store/accept", test_accept);
  ADD ("/online/store/accept-without-contacts", test_accept_without_contacts);
  ADD ("/online/store/decline", test_decline);
  ADD ("/online/store/refusals", test_refusals);
  ADD ("/online/store/hq-masks", test_hq_masks);
  ADD ("/online/store/decision-pulled", test_decision_pulled);
#undef ADD
  g_test_add_func ("/online/wire", test_wire);
  return g_test_run ();
}
