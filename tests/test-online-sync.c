/* test-online-sync.c: the Online inbox the whole way through a real
 * liaison-hq on loopback (issue 14; docs/online.md, "The Online inbox";
 * docs/sync-protocol.md, online_submission and online_decision).
 *
 * A citizen's submission written into hq.db by the server's own store
 * code (as the public site writes it) reaches the chosen station's desks
 * and headquarters', its phone masked there, and no other station's.
 * Accepting at a station brings its reception (channel online), its
 * suggestion and the decision to the server and headquarters' desk;
 * declining brings the reason. Two desks of one station deciding at once
 * end with the first decision everywhere and one reception. The server
 * refuses a submission pushed by anyone, a decision from headquarters,
 * from another station, on a submission it does not have, or a second
 * one. A decision the server rejects holds its reception and suggestion
 * no longer: they reach the server, and the decision keeps its error.
 * `liaison online` refuses bad input and changes nothing. */
#define G_LOG_DOMAIN "test-online-sync"

#include "config.h"

#include <string.h>

#include "liaison-hq-store.h"
#include "liaison-online-wire.h"
#include "liaison-privacy.h"
#include "liaison-store-online.h"
#include "liaison-test-cli.h"
#include "liaison-test-hq-enrolled.h"
#include "liaison-test-hq.h"
#include "liaison-test-util.h"

typedef LiaisonTestReplica Replica;

#define EAST "东山联络站"
#define WEST "西山联络站"
#define PHONE "13912345678"

typedef struct {
  LiaisonTestHq hq;
  Replica       east1;
  Replica       east2;
  Replica       west;
  Replica       office;    /* headquarters' desk */
  char         *east;      /* station uuids */
  char         *west_uuid;
  char         *category;
} Fixture;

static char *
station_uuid (Replica *replica)
{
  g_autoptr(LiaisonStation) station = liaison_store_get_local_station (replica->store);

  g_assert_nonnull (station);
  return g_strdup (station->meta.uuid);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  liaison_test_hq_init (&f->hq, "liaison-online-sync-XXXXXX");
  liaison_test_hq_start (&f->hq);
  f->east1 = liaison_test_replica_new_synced_station (&f->hq, "east1.db", EAST);
  f->west = liaison_test_replica_new_synced_station (&f->hq, "west.db", WEST);
  f->east2 = liaison_test_replica_new (&f->hq, "east2.db");
  liaison_test_replica_enroll_station (&f->hq, &f->east2, EAST);
  liaison_test_replica_sync_clean (&f->east2);
  f->office = liaison_test_replica_new (&f->hq, "office.db");
  liaison_test_replica_enroll_hq (&f->hq, &f->office, "代表工委 李明");
  liaison_test_replica_sync_clean (&f->office);
  f->east = station_uuid (&f->east1);
  f->west_uuid = station_uuid (&f->west);
  f->category = liaison_test_query_text (f->east1.store, "SELECT uuid FROM categories ORDER BY position LIMIT 1");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  liaison_test_replica_clear (&f->east1);
  liaison_test_replica_clear (&f->east2);
  liaison_test_replica_clear (&f->west);
  liaison_test_replica_clear (&f->office);
  liaison_test_hq_clear (&f->hq);
  g_free (f->east);
  g_free (f->west_uuid);
  g_free (f->category);
}

/* Writes the citizen's submission @data for @station with the server's
 * own store code, as the public site's form writes it (the server
 * stopped meanwhile, as `liaison-hq` commands run). Returns its uuid. */
static char *
store_submission (LiaisonTestHq *hq,
                  const char    *station,
                  JsonObject    *data)
{
  g_autoptr(LiaisonHqStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;
  char *uuid = NULL;

  liaison_test_hq_stop (hq);
  store = liaison_hq_store_open (hq->data_dir, &error);
  g_assert_no_error (error);
  code = liaison_hq_store_add_online_submission (store, station, data, &uuid, &error);
  g_assert_no_error (error);
  g_assert_nonnull (code);
  g_clear_pointer (&store, liaison_hq_store_close);
  liaison_test_hq_start (hq);
  return uuid;
}

/* A citizen's submission for @station, with a name, a phone and a
 * community. Returns its uuid. */
static char *
add_submission (Fixture    *f,
                const char *station,
                const char *title)
{
  g_autoptr(JsonObject) data = json_object_new ();

  json_object_set_string_member (data, "station", station);
  json_object_set_string_member (data, "category", f->category);
  json_object_set_string_member (data, "title", title);
  json_object_set_string_member (data, "content", "东山路的路灯坏了两个月，晚上看不清路。");
  json_object_set_string_member (data, "name", "王秀英");
  json_object_set_string_member (data, "phone", PHONE);
  json_object_set_string_member (data, "community", "东山社区");
  json_object_set_boolean_member (data, "consent", TRUE);
  json_object_set_string_member (data, "submitted_at", "2025-03-04T01:30:00Z");
  return store_submission (&f->hq, station, data);
}

static GPtrArray *
pending (Replica    *replica,
         const char *station)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *list = liaison_store_list_online_submissions (replica->store, station, TRUE, &error);

  g_assert_no_error (error);
  return list;
}

static LiaisonOnlineSubmission *
get (Replica    *replica,
     const char *uuid)
{
  g_autoptr(GError) error = NULL;
  LiaisonOnlineSubmission *submission = liaison_store_get_online_submission (replica->store, uuid, &error);

  g_assert_no_error (error);
  return submission;
}

/* The text @sql reads from hq.db for the record @uuid of @kind ($1 and
 * $2 in @sql's WHERE are kind and uuid). */
static char *
hq_data (Fixture    *f,
         const char *kind,
         const char *uuid,
         const char *member)
{
  g_autofree char *sql = g_strdup_printf ("SELECT coalesce (json_extract (data, '$.%s'), 'null') FROM records"
                                          " WHERE kind = '%s' AND uuid = '%s'", member, kind, uuid);

  return liaison_test_hq_text (&f->hq, sql);
}

static gint64
hq_count (Fixture    *f,
          const char *where)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM records WHERE %s", where);

  return liaison_test_hq_count (&f->hq, sql);
}

/* Reaches the chosen station's desks and headquarters' (masked there,
 * kept in full on the server), never another station's. */
static void
test_routing (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *uuid = add_submission (f, f->east, "路灯不亮");
  g_autofree char *masked = liaison_privacy_mask_phone (PHONE);
  g_autofree char *kept = NULL;
  g_autoptr(GPtrArray) east = NULL;
  g_autoptr(GPtrArray) west = NULL;
  g_autoptr(LiaisonOnlineSubmission) at_east = NULL;
  g_autoptr(LiaisonOnlineSubmission) at_office = NULL;
  g_autofree char *office_file = NULL;
  g_autofree char *office_bytes = NULL;
  gsize office_length = 0;

  liaison_test_replica_sync_clean (&f->east1);
  liaison_test_replica_sync_clean (&f->west);
  liaison_test_replica_sync_clean (&f->office);

  east = pending (&f->east1, f->east);
  g_assert_cmpuint (east->len, ==, 1);
  at_east = get (&f->east1, uuid);
  g_assert_cmpstr (at_east->title, ==, "路灯不亮");
  g_assert_cmpstr (at_east->phone, ==, PHONE);
  g_assert_cmpstr (at_east->station_name, ==, EAST);

  west = liaison_store_list_online_submissions (f->west.store, NULL, FALSE, NULL);
  g_assert_cmpuint (west->len, ==, 0);
  g_assert_cmpint (liaison_test_count_rows (f->west.store, "online_submissions"), ==, 0);

  at_office = get (&f->office, uuid);
  g_assert_cmpstr (at_office->phone, ==, masked);
  g_assert_cmpstr (at_office->phone, !=, PHONE);
  /* Not a byte of the full number in headquarters' file. */
  g_assert_true (liaison_store_exec (f->office.store, "PRAGMA wal_checkpoint(TRUNCATE)", NULL));
  office_file = g_build_filename (f->hq.dir, "office.db", NULL);
  g_assert_true (g_file_get_contents (office_file, &office_bytes, &office_length, NULL));
  g_assert_null (g_strstr_len (office_bytes, office_length, PHONE));

  kept = hq_data (f, "online_submission", uuid, "phone");
  g_assert_cmpstr (kept, ==, PHONE);
}

static void
accept_at (Replica    *replica,
           const char *uuid,
           char      **reception,
           char      **suggestion)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (liaison_store_accept_online_submission (replica->store, uuid, "陈红", reception, suggestion,
                                                         &error));
  g_assert_no_error (error);
}

static void
decline_at (Replica                    *replica,
            const char                 *uuid,
            LiaisonOnlineDeclineReason  reason)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (liaison_store_decline_online_submission (replica->store, uuid, reason, "与3月1日来访同一事项",
                                                          "李娜", &error));
  g_assert_no_error (error);
}

/* Accepted at the station: the reception, its suggestion and the decision
 * reach the server in one sync, then headquarters' desk and the station's
 * other desk. */
static void
test_accept (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *uuid = add_submission (f, f->east, "路灯不亮");
  g_autofree char *decision = liaison_online_decision_uuid (uuid);
  g_autofree char *reception = NULL;
  g_autofree char *suggestion = NULL;
  g_autofree char *text = NULL;
  g_autoptr(LiaisonOnlineSubmission) at_office = NULL;
  g_autoptr(LiaisonOnlineSubmission) at_east2 = NULL;
  g_autofree char *sql = NULL;

  liaison_test_replica_sync_clean (&f->east1);
  liaison_test_replica_sync_clean (&f->east2);
  accept_at (&f->east1, uuid, &reception, &suggestion);
  /* A move on the new suggestion before the sync waits with it: the
   * server never sees it before its suggestion. */
  {
    g_autoptr(LiaisonLoopEvent) withdraw = liaison_test_event_new (LIAISON_LOOP_MOVE_WITHDRAW,
                                                                   LIAISON_LOOP_ROLE_STATION, "陈红",
                                                                   g_date_time_new_now_utc ());

    withdraw->reason = g_strdup ("群众来电表示问题已自行解决，申请撤回。");
    liaison_test_record_event (f->east1.store, liaison_test_suggestion_id (f->east1.store, suggestion), withdraw);
  }
  liaison_test_replica_sync_clean (&f->east1);
  {
    g_autofree char *events = g_strdup_printf ("kind = 'suggestion_event' AND json_extract (data, '$.suggestion') = '%s'",
                                               suggestion);

    g_assert_cmpint (hq_count (f, events), ==, 1);
  }

  text = hq_data (f, "online_decision", decision, "decision");
  g_assert_cmpstr (text, ==, "accepted");
  g_clear_pointer (&text, g_free);
  text = hq_data (f, "online_decision", decision, "reception");
  g_assert_cmpstr (text, ==, reception);
  g_clear_pointer (&text, g_free);
  text = hq_data (f, "reception", reception, "channel");
  g_assert_cmpstr (text, ==, "online");
  g_clear_pointer (&text, g_free);
  text = hq_data (f, "suggestion", suggestion, "reception");
  g_assert_cmpstr (text, ==, reception);
  sql = g_strdup_printf ("kind = 'online_decision' AND uuid = '%s' AND origin_station = '%s'", decision, f->east);
  g_assert_cmpint (hq_count (f, sql), ==, 1);

  liaison_test_replica_sync_clean (&f->office);
  at_office = get (&f->office, uuid);
  g_assert_cmpint (at_office->state, ==, LIAISON_ONLINE_ACCEPTED);
  g_assert_cmpstr (at_office->reception, ==, reception);
  g_assert_cmpint (liaison_store_find_reception_by_uuid (f->office.store, reception), >, 0);
  g_assert_cmpint (liaison_test_suggestion_id (f->office.store, suggestion), >, 0);

  liaison_test_replica_sync_clean (&f->east2);
  at_east2 = get (&f->east2, uuid);
  g_assert_cmpint (at_east2->state, ==, LIAISON_ONLINE_ACCEPTED);
  g_assert_cmpstr (at_east2->suggestion, ==, suggestion);
  {
    g_autoptr(GPtrArray) left = pending (&f->east2, f->east);

    g_assert_cmpuint (left->len, ==, 0);
  }
}

static void
test_decline (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *uuid = add_submission (f, f->east, "重复的事");
  g_autofree char *decision = liaison_online_decision_uuid (uuid);
  g_autofree char *text = NULL;
  g_autoptr(LiaisonOnlineSubmission) at_office = NULL;

  liaison_test_replica_sync_clean (&f->east1);
  decline_at (&f->east1, uuid, LIAISON_ONLINE_DECLINE_DUPLICATE);
  liaison_test_replica_sync_clean (&f->east1);
  text = hq_data (f, "online_decision", decision, "reason");
  g_assert_cmpstr (text, ==, "duplicate");
  g_clear_pointer (&text, g_free);
  text = hq_data (f, "online_decision", decision, "note");
  g_assert_cmpstr (text, ==, "与3月1日来访同一事项");
  liaison_test_replica_sync_clean (&f->office);
  at_office = get (&f->office, uuid);
  g_assert_cmpint (at_office->state, ==, LIAISON_ONLINE_DECLINED);
  g_assert_cmpint (at_office->reason, ==, LIAISON_ONLINE_DECLINE_DUPLICATE);
}

static gint64
live_online_receptions (Replica *replica)
{
  return liaison_test_query_int (replica->store,
                                 "SELECT count(*) FROM receptions WHERE channel = 'online' AND deleted = 0");
}

/* Two desks of 东山 decide at once, offline: the first to sync wins
 * everywhere; the other's reception never reaches the server. */
static void
test_race (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *accepted = add_submission (f, f->east, "先受理后退回");
  g_autofree char *declined = add_submission (f, f->east, "先退回后受理");
  g_autofree char *reception1 = NULL;
  g_autofree char *reception2 = NULL;
  g_autofree char *suggestion2 = NULL;
  g_autoptr(LiaisonOnlineSubmission) first = NULL;
  g_autoptr(LiaisonOnlineSubmission) second = NULL;
  g_autofree char *where = NULL;
  LiaisonSyncCounts counts;

  liaison_test_replica_sync_clean (&f->east1);
  liaison_test_replica_sync_clean (&f->east2);
  /* east1 accepts the first and declines the second; east2 the other way. */
  accept_at (&f->east1, accepted, &reception1, NULL);
  decline_at (&f->east1, declined, LIAISON_ONLINE_DECLINE_SPAM);
  decline_at (&f->east2, accepted, LIAISON_ONLINE_DECLINE_OUT_OF_REMIT);
  accept_at (&f->east2, declined, &reception2, &suggestion2);

  liaison_test_replica_sync_clean (&f->east1);
  counts = liaison_test_replica_sync_clean (&f->east2);
  g_assert_cmpuint (counts.conflicts, ==, 2);

  /* The server: east1's decisions, one online reception, east1's. */
  {
    g_autofree char *d1 = liaison_online_decision_uuid (accepted);
    g_autofree char *d2 = liaison_online_decision_uuid (declined);
    g_autofree char *t1 = hq_data (f, "online_decision", d1, "decision");
    g_autofree char *t2 = hq_data (f, "online_decision", d2, "decision");

    g_assert_cmpstr (t1, ==, "accepted");
    g_assert_cmpstr (t2, ==, "declined");
  }
  g_assert_cmpint (hq_count (f, "kind = 'reception' AND deleted = 0 AND json_extract (data, '$.channel') = 'online'"),
                   ==, 1);
  where = g_strdup_printf ("kind IN ('reception', 'suggestion') AND uuid IN ('%s', '%s')", reception2, suggestion2);
  g_assert_cmpint (hq_count (f, where), ==, 0);

  /* east2 ends as east1 decided, with east1's reception and its own taken back. */
  liaison_test_replica_sync_clean (&f->east2);
  first = get (&f->east2, accepted);
  g_assert_cmpint (first->state, ==, LIAISON_ONLINE_ACCEPTED);
  g_assert_cmpstr (first->reception, ==, reception1);
  second = get (&f->east2, declined);
  g_assert_cmpint (second->state, ==, LIAISON_ONLINE_DECLINED);
  g_assert_cmpint (second->reason, ==, LIAISON_ONLINE_DECLINE_SPAM);
  g_assert_cmpint (live_online_receptions (&f->east2), ==, 1);
  g_assert_cmpint (liaison_store_find_reception_by_uuid (f->east2.store, reception2), ==, 0);
  g_assert_cmpint (liaison_test_suggestion_id (f->east2.store, suggestion2), ==, 0);
  g_assert_cmpuint (liaison_test_replica_unsynced (&f->east2), ==, 0);

  liaison_test_replica_sync_clean (&f->east1);
  liaison_test_replica_sync_clean (&f->office);
  g_assert_cmpint (live_online_receptions (&f->east1), ==, 1);
  g_assert_cmpint (live_online_receptions (&f->office), ==, 1);
}

/* `liaison online`: bad input is refused with a clear message and the
 * file is left as it was; good input decides, and the decision syncs. */
static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *uuid = add_submission (f, f->east, "路灯不亮");
  g_autofree char *other = add_submission (f, f->west_uuid, "西山的事");
  g_autofree char *path = g_build_filename (f->hq.dir, "east1.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *decision = liaison_online_decision_uuid (uuid);
  g_autofree char *text = NULL;
  g_auto(LiaisonTestCliResult) result = { 0 };
  static const struct {
    const char *args[8];
    int         status;
    const char *says;
  } bad[] = {
    { { "online", "decline", "UUID", NULL }, 2, "--reason" },
    { { "online", "decline", "UUID", "--reason", "boring", NULL }, 2, "“boring” is not a reason" },
    { { "online", "accept", "UUID", "--reason", "spam", NULL }, 2, "takes no --reason" },
    { { "online", "accept", "not-a-uuid", NULL }, 2, "by its UUID" },
    { { "online", "accept", NULL }, 2, "one online submission" },
    { { "online", "approve", "UUID", NULL }, 2, "list, accept UUID or decline UUID" },
    { { "online", "accept", "5a000000-0000-4000-8000-0000000000ff", NULL }, 1, "There is no online submission" },
    { { "online", "accept", "OTHER", NULL }, 1, "another station" },
  };

  liaison_test_replica_sync_clean (&f->east1);
  /* 西山's submission, copied here as if it had strayed, to be refused. */
  {
    g_autofree char *sql = g_strdup_printf (
      "INSERT INTO online_submissions (uuid, station, category, title, submitted_at, id)"
      " VALUES ('%s', '%s', '%s', '西山的事', '2025-03-04T01:30:00Z', 99)", other, f->west_uuid, f->category);

    g_assert_true (liaison_store_exec (f->east1.store, sql, NULL));
  }
  g_assert_true (liaison_store_exec (f->east1.store, "PRAGMA wal_checkpoint(TRUNCATE)", NULL));
  before = liaison_test_database_checksum (path);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      const char *args[12] = { NULL };
      guint n = 0;

      for (guint j = 0; bad[i].args[j] != NULL; j++)
        args[n++] = g_str_equal (bad[i].args[j], "UUID") ? uuid
                  : g_str_equal (bad[i].args[j], "OTHER") ? other : bad[i].args[j];
      args[n++] = "--database";
      args[n++] = path;
      liaison_test_run_liaison_argv (&result, NULL, args);
      g_test_message ("%s %s: %d %s", args[0], args[1], result.status, result.err);
      g_assert_cmpint (result.status, ==, bad[i].status);
      g_assert_nonnull (strstr (result.err, bad[i].says));
      g_assert_cmpstr (result.out, ==, "");
    }
  after = liaison_test_database_checksum (path);
  g_assert_cmpstr (before, ==, after);

  /* In Chinese too. */
  liaison_test_run_liaison_in (&result, "zh_CN", "online", "decline", uuid, "--reason", "boring",
                               "--database", path, NULL);
  g_assert_cmpint (result.status, ==, 2);
  g_assert_nonnull (strstr (result.err, "不是退回的理由"));

  /* The database given first, as the window takes it. */
  liaison_test_run_liaison (&result, "--database", path, "online", "list", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_true (g_str_has_prefix (result.out, uuid));
  g_assert_null (strstr (result.out, PHONE));
  g_assert_null (strstr (result.out, other));

  liaison_test_run_liaison (&result, "online", "decline", uuid, "--reason", "out_of_remit", "--note", "属区政府",
                            "--database", path, NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "Declined"));
  liaison_test_run_liaison (&result, "online", "list", "--database", path, NULL);
  g_assert_cmpstr (result.out, ==, "");
  liaison_test_run_liaison (&result, "online", "list", "--all", "--database", path, NULL);
  g_assert_nonnull (strstr (result.out, "\tdeclined\t"));

  liaison_test_replica_sync_clean (&f->east1);
  text = hq_data (f, "online_decision", decision, "reason");
  g_assert_cmpstr (text, ==, "out_of_remit");
}

/* The server's feeds and refusals, over the protocol itself. */
static char *
decision_record (const char *submission,
                 const char *station,
                 const char *decision,
                 const char *reason,
                 const char *reception,
                 const char *suggestion)
{
  g_autofree char *uuid = liaison_online_decision_uuid (submission);

  return g_strdup_printf (
    "{\"kind\": \"online_decision\", \"uuid\": \"%s\", \"version\": 1, \"base_version\": 0,"
    " \"updated_at\": \"2025-03-05T03:00:00Z\", \"origin_station\": \"%s\", \"deleted\": false,"
    " \"data\": {\"submission\": \"%s\", \"station\": \"%s\", \"decision\": \"%s\", \"reason\": %s,"
    " \"note\": null, \"reception\": %s, \"suggestion\": %s, \"decided_at\": \"2025-03-05T03:00:00Z\","
    " \"decided_by\": null}}", uuid, station, submission, station, decision, reason, reception, suggestion);
}

static char *
server_submission (LiaisonTestHqEnrolled *enrolled,
                   const char            *station,
                   const char            *phone)
{
  g_autoptr(JsonObject) data = json_object_new ();

  json_object_set_string_member (data, "station", station);
  json_object_set_string_member (data, "category", "5a1e0000-0000-4000-8000-000000000002");
  json_object_set_string_member (data, "title", "路灯不亮");
  json_object_set_string_member (data, "content", "东山路的路灯坏了");
  json_object_set_null_member (data, "name");
  if (phone != NULL)
    json_object_set_string_member (data, "phone", phone);
  else
    json_object_set_null_member (data, "phone");
  json_object_set_null_member (data, "community");
  json_object_set_boolean_member (data, "consent", phone != NULL);
  json_object_set_string_member (data, "submitted_at", "2025-03-04T01:30:00Z");
  return store_submission (&enrolled->hq, station, data);
}

static void
test_refusals (void)
{
  LiaisonTestHqEnrolled enrolled = { { NULL } };
  g_autofree char *submission = NULL;
  g_autofree char *second = NULL;
  g_autofree char *pushed_submission = NULL;
  g_autofree char *declined = NULL;
  g_autofree char *accepted = NULL;
  g_autofree char *from_west = NULL;
  g_autofree char *unknown = NULL;
  g_autofree char *west_reception = NULL;
  g_autofree char *naming_west = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *sql = NULL;
  const char *reception = "\"a0000000-0000-4000-8000-000000000001\"";
  const char *suggestion = "\"a0000000-0000-4000-8000-000000000002\"";
  g_autoptr(JsonArray) results = NULL;

  liaison_test_hq_enrolled_set_up (&enrolled, "liaison-online-refusals-XXXXXX");
  submission = server_submission (&enrolled, enrolled.station_a, PHONE);
  second = server_submission (&enrolled, enrolled.station_a, NULL);

  /* The feeds: the chosen station's in full, headquarters' masked, the
   * other station's without it. */
  {
    const char *tokens[] = { enrolled.token_a, enrolled.token_hq, enrolled.token_b };
    g_autofree char *masked = liaison_privacy_mask_phone (PHONE);
    const char *expected[] = { PHONE, masked, NULL };

    for (guint t = 0; t < G_N_ELEMENTS (tokens); t++)
      {
        gint64 since = 0;
        g_autoptr(GPtrArray) feed = liaison_test_hq_enrolled_pull (&enrolled, tokens[t], &since);
        const char *phone = NULL;
        guint found = 0;

        for (guint i = 0; i < feed->len; i++)
          {
            JsonObject *change = g_ptr_array_index (feed, i);

            if (!g_str_equal (json_object_get_string_member (change, "kind"), "online_submission"))
              continue;
            found++;
            if (g_str_equal (json_object_get_string_member (change, "uuid"), submission))
              phone = json_object_get_string_member (json_object_get_object_member (change, "data"), "phone");
          }
        g_assert_cmpuint (found, ==, expected[t] != NULL ? 2 : 0);
        g_assert_cmpstr (phone, ==, expected[t]);
      }
  }

  /* Only the server writes a submission: not a station, not headquarters. */
  pushed_submission = g_strdup_printf (
    "{\"kind\": \"online_submission\", \"uuid\": \"5a000000-0000-4000-8000-0000000000aa\", \"version\": 1,"
    " \"updated_at\": \"2025-03-04T01:30:00Z\", \"origin_station\": \"%s\", \"deleted\": false,"
    " \"data\": {\"station\": \"%s\", \"category\": \"5a1e0000-0000-4000-8000-000000000002\","
    " \"title\": \"自己写的\", \"content\": \"\", \"name\": null, \"phone\": null, \"community\": null,"
    " \"consent\": false, \"submitted_at\": \"2025-03-04T01:30:00Z\"}}", enrolled.station_a, enrolled.station_a);
  results = liaison_test_hq_enrolled_push (&enrolled, enrolled.token_a, pushed_submission);
  liaison_test_assert_push_result (results, 0, "rejected", "read_only", "Only the server");
  g_clear_pointer (&results, json_array_unref);
  results = liaison_test_hq_enrolled_push (&enrolled, enrolled.token_hq, pushed_submission);
  liaison_test_assert_push_result (results, 0, "rejected", "read_only", "Only the server");
  g_clear_pointer (&results, json_array_unref);
  g_assert_cmpint (liaison_test_hq_count (&enrolled.hq,
                   "SELECT count(*) FROM records WHERE uuid = '5a000000-0000-4000-8000-0000000000aa'"), ==, 0);

  /* Headquarters, another station, a submission the server does not have. */
  declined = decision_record (submission, enrolled.station_a, "declined", "\"spam\"", "null", "null");
  results = liaison_test_hq_enrolled_push (&enrolled, enrolled.token_hq, declined);
  liaison_test_assert_push_result (results, 0, "rejected", "read_only", "headquarters may not");
  g_clear_pointer (&results, json_array_unref);
  from_west = decision_record (submission, enrolled.station_b, "declined", "\"spam\"", "null", "null");
  results = liaison_test_hq_enrolled_push (&enrolled, enrolled.token_b, from_west);
  liaison_test_assert_push_result (results, 0, "rejected", "not_your_station", "another station");
  g_clear_pointer (&results, json_array_unref);
  unknown = decision_record ("5a000000-0000-4000-8000-0000000000ff", enrolled.station_a, "declined", "\"spam\"",
                             "null", "null");
  results = liaison_test_hq_enrolled_push (&enrolled, enrolled.token_a, unknown);
  liaison_test_assert_push_result (results, 0, "rejected", "invalid", "not on the server");
  g_clear_pointer (&results, json_array_unref);

  /* An accepted decision naming 西山's reception. */
  west_reception = g_strdup_printf (
    "{\"kind\": \"reception\", \"uuid\": \"a0000000-0000-4000-8000-0000000000b1\", \"version\": 1,"
    " \"base_version\": 0, \"updated_at\": \"2025-03-05T03:00:00Z\", \"origin_station\": \"%s\","
    " \"deleted\": false, \"data\": {\"received_at\": \"2025-03-05 09:00\", \"station\": \"%s\","
    " \"channel\": \"walk_in\", \"category\": \"5a1e0000-0000-4000-8000-000000000002\","
    " \"summary\": \"西山的来访\", \"handled_on_spot\": false, \"handling\": \"\", \"deputies\": [],"
    " \"visitors\": [{\"name\": \"赵\", \"phone\": \"\", \"community\": \"西山\", \"party_size\": 1,"
    " \"consent\": false}]}}", enrolled.station_b, enrolled.station_b);
  results = liaison_test_hq_enrolled_push (&enrolled, enrolled.token_b, west_reception);
  liaison_test_assert_push_result (results, 0, "applied", NULL, NULL);
  g_clear_pointer (&results, json_array_unref);
  naming_west = decision_record (second, enrolled.station_a, "accepted", "null",
                                 "\"a0000000-0000-4000-8000-0000000000b1\"", suggestion);
  results = liaison_test_hq_enrolled_push (&enrolled, enrolled.token_a, naming_west);
  liaison_test_assert_push_result (results, 0, "rejected", "not_your_station", "reception belongs to another station");
  g_clear_pointer (&results, json_array_unref);

  /* The first decision is taken; a second, different one meets it as a
   * conflict, and the first stays. */
  results = liaison_test_hq_enrolled_push (&enrolled, enrolled.token_a, declined);
  liaison_test_assert_push_result (results, 0, "applied", NULL, NULL);
  g_clear_pointer (&results, json_array_unref);
  accepted = decision_record (submission, enrolled.station_a, "accepted", "null", reception, suggestion);
  results = liaison_test_hq_enrolled_push (&enrolled, enrolled.token_a, accepted);
  liaison_test_assert_push_result (results, 0, "conflict", NULL, NULL);
  g_clear_pointer (&results, json_array_unref);
  {
    g_autofree char *uuid = liaison_online_decision_uuid (submission);

    sql = g_strdup_printf ("SELECT json_extract (data, '$.decision') FROM records WHERE uuid = '%s'", uuid);
  }
  kept = liaison_test_hq_text (&enrolled.hq, sql);
  g_assert_cmpstr (kept, ==, "declined");
  liaison_test_hq_enrolled_clear (&enrolled);
}

/* The server rejects a decision (here its row names the other station,
 * as if the submission had moved to a neighbour meanwhile): a decision is
 * never edited, so the reception, suggestion and events its accepting
 * made are held no longer. They reach the server in the same sync and
 * stay synced after; the decision keeps the server's refusal. */
static void
test_rejected_decision (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *uuid = add_submission (f, f->east, "路灯不亮");
  g_autofree char *decision = liaison_online_decision_uuid (uuid);
  g_autofree char *reception = NULL;
  g_autofree char *suggestion = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  LiaisonSyncCounts counts;

  liaison_test_replica_sync_clean (&f->east1);
  accept_at (&f->east1, uuid, &reception, &suggestion);
  sql = g_strdup_printf ("UPDATE online_decisions SET station = '%s' WHERE uuid = '%s'", f->west_uuid, decision);
  g_assert_true (liaison_store_exec (f->east1.store, sql, &error));
  g_assert_no_error (error);

  counts = liaison_test_sync_ok (f->east1.engine);
  g_assert_cmpuint (counts.rejected, ==, 1);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT sync_state FROM online_decisions WHERE uuid = '%s'", decision);
  g_assert_cmpint (liaison_test_query_int (f->east1.store, sql), ==, 2);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("kind = 'online_decision' AND uuid = '%s'", decision);
  g_assert_cmpint (hq_count (f, sql), ==, 0);

  text = hq_data (f, "reception", reception, "channel");
  g_assert_cmpstr (text, ==, "online");
  g_clear_pointer (&text, g_free);
  text = hq_data (f, "suggestion", suggestion, "reception");
  g_assert_cmpstr (text, ==, reception);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT count(*) FROM receptions WHERE uuid = '%s' AND sync_state = 0", reception);
  g_assert_cmpint (liaison_test_query_int (f->east1.store, sql), ==, 1);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT count(*) FROM suggestions WHERE uuid = '%s' AND sync_state = 0", suggestion);
  g_assert_cmpint (liaison_test_query_int (f->east1.store, sql), ==, 1);
  /* The next sync sends nothing more: only the decision waits, in error. */
  counts = liaison_test_sync_ok (f->east1.engine);
  g_assert_cmpuint (counts.rejected, ==, 0);
  g_assert_cmpuint (liaison_test_replica_unsynced (&f->east1), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/online/sync/routing", test_routing);
  ADD ("/online/sync/accept", test_accept);
  ADD ("/online/sync/decline", test_decline);
  ADD ("/online/sync/race", test_race);
  ADD ("/online/sync/rejected-decision", test_rejected_decision);
  ADD ("/online/sync/cli", test_cli);
#undef ADD
  g_test_add_func ("/online/sync/protocol", test_refusals);
  return g_test_run ();
}
