/* test-sync.c: stations and headquarters replicas syncing through a real
 * liaison-hq on loopback, driven by LiaisonSyncEngine; a fake server in
 * this process for answers a real one never gives. */
#define G_LOG_DOMAIN "test-sync"

#include "config.h"

#include <libsoup/soup.h>
#include <string.h>

#include "liaison-protocol.h"
#include "liaison-store-quarantine.h"
#include "liaison-store-sync.h"
#include "liaison-sync-engine.h"
#include "liaison-test-fake-hq.h"
#include "liaison-test-hq.h"
#include "liaison-test-util.h"
#include "liaison-token-store.h"
#include "liaison-validate.h"

/* A self-signed certificate for 127.0.0.1 (valid until 2125), for the
 * HTTPS test. */
static const char test_tls_cert[] =
  "-----BEGIN CERTIFICATE-----\n"
  "MIIDHDCCAgSgAwIBAgIUFlTN+iBkWak990AtNFO/seK8QTkwDQYJKoZIhvcNAQEL\n"
  "BQAwFDESMBAGA1UEAwwJMTI3LjAuMC4xMCAXDTI2MTEyNTE2MDUzMloYDzIxMjYx\n"
  "MTAxMTYwNTMyWjAUMRIwEAYDVQQDDAkxMjcuMC4wLjEwggEiMA0GCSqGSIb3DQEB\n"
  "AQUAA4IBDwAwggEKAoIBAQCy6p+tL5Secq23QTVNb8ds1uQmRYnsQ7dAepvZDqQD\n"
  "LVwtQcglF11L5ksevD48zItofB/VEd8SErx96QVTWYej2v0QPTPdBnCyE+VxOqGl\n"
  "/4nr3OuujnD9OX4oNKc6G7BzygL8z//LL7k/YLJeCttgi2ncTHCmg0883+fzI+7p\n"
  "UTzO+vrF9KWhohvuuPCZS3N+ZbCGOkdXQM1NH+F0Bog8br6NJUPOir5820UHGM/3\n"
  "Jvw3VJR2JMXtOCYOmxkP3Q5TgX3VmmMXfGRupnjo3HBz+xi4QtJspZo5LwM5M2ml\n"
  "dWATqNWi9lHh6HDrRYBc4y0W8S8+tNoMn6hHGstzTPVdAgMBAAGjZDBiMB0GA1Ud\n"
  "DgQWBBQvadu9wHHN1Xq3FtKBsN9TzMW1JTAfBgNVHSMEGDAWgBQvadu9wHHN1Xq3\n"
  "FtKBsN9TzMW1JTAPBgNVHRMBAf8EBTADAQH/MA8GA1UdEQQIMAaHBH8AAAEwDQYJ\n"
  "KoZIhvcNAQELBQADggEBAFhgJV7VTsciok9VofKcMcwjjG/R+qvn/PJrdLVx6yil\n"
  "bk8fHKdlXAcAiqi1VQdVp0tt3B1XxaDxRNSKGgafHIoDsv2q698ntj9krSTWj5nK\n"
  "R96gpH0Ks7fyru7Jv1J+hR0YF6moZmYl6EjMU8t6J+9L+3hxipX63C/qO07HwLW5\n"
  "q/XuZZIJWC6GpKpSLdXrYValJmQ9mfS2n6zWHKnV0o96rbFXL+6DHEeqoowEx8Xt\n"
  "Ar4eLm+y//cUEvGcXnJJS1Kk43Ah9W0Yxj/jiu0lfoP22jspJxirRby2o2Q+9Mo2\n"
  "ql4luBZ0iFOeapx+KLAPGY/YU7hNVNV6eAirR66ja8U=\n"
  "-----END CERTIFICATE-----\n";

static const char test_tls_key[] =
  "-----BEGIN PRIVATE KEY-----\n"
  "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQCy6p+tL5Secq23\n"
  "QTVNb8ds1uQmRYnsQ7dAepvZDqQDLVwtQcglF11L5ksevD48zItofB/VEd8SErx9\n"
  "6QVTWYej2v0QPTPdBnCyE+VxOqGl/4nr3OuujnD9OX4oNKc6G7BzygL8z//LL7k/\n"
  "YLJeCttgi2ncTHCmg0883+fzI+7pUTzO+vrF9KWhohvuuPCZS3N+ZbCGOkdXQM1N\n"
  "H+F0Bog8br6NJUPOir5820UHGM/3Jvw3VJR2JMXtOCYOmxkP3Q5TgX3VmmMXfGRu\n"
  "pnjo3HBz+xi4QtJspZo5LwM5M2mldWATqNWi9lHh6HDrRYBc4y0W8S8+tNoMn6hH\n"
  "GstzTPVdAgMBAAECggEAKj5S7rdsAgBGK11KWksA3V4clru2/bGcWC1K1FRMXdKt\n"
  "L6NXQAi09sl8ZZihIkZSSRx7gJmcX35MgncNEpmyOLopI5crwm01mRoxA4vKJHFC\n"
  "LY4nGHsZyvQy6QfLjyEAB8rD61CqDt2pAcGRQ7qRAwnPuBvVQj+BKzibobEThQNL\n"
  "/n9dP85RObfgdRvbnfPBqRNKWx6bfel93JKgDbqCjuhzgOgN+azrybNYz728WRe0\n"
  "EzOCBrjvBSIgKFEN53QDInG5HTS0CSN9TkHAcvt+GL5x86fV4QuIY5Fm3MrCqnHX\n"
  "KhcRSMZfzZZfv5i+mA+9Fr6WZDp8QydOQG1SutTMUQKBgQDbNbECfX3yTHF6nbVc\n"
  "hiHGi2JXXazE5DL1vj9iuanQOGy25xq/l5L4UCJsPnqlknXoCbdgEmhIs7jK9zk+\n"
  "fdfM8azxJvJwaJaNFgJm8YKT3eVJPYNAj5caZPiEF+A88YJ/aQ6j7dLZgBOvr8DY\n"
  "qhJFl1KzxMSV/KrxYjXFfdDREQKBgQDQ8b2NLGZJx9B8LNKURbtpPsDEekb/HyWF\n"
  "O74o4gA7duLdxglYAlN7qoaRppCn5EzNTfxHtIjQSqnsWZN1MA9UTzMk1Oi9OCGP\n"
  "9mNtxRt/SBl64zlXp6dRly08tvGqA195yJ0bpxcHGuH44AVZTZoJiuH5311N6oxo\n"
  "xu6TLmzfjQKBgDlDbVoZLi19iqddS2NAJtKW1rm73sYQVr+bUzOXDKU4GC4vcO1b\n"
  "yyjSxitApwlZmTNkVmLibBuR11QuAOYyOY1wFJ1qbyquJ6Xzee0qadH2xU68ouza\n"
  "lb5vYfwfwJQrAswFxa1NEyd+LaZXYyk2RE+pmBEd9by4pG8qGKHenA4BAoGAEvXM\n"
  "yJG92nYaUhpTJYdKYVuDbJDX/nCaHAP21ojjkoHQRmWhFW5omvE3cuIVgFa0LXEl\n"
  "MnCMdbJAxyS9v8WTrofdUTtMv1bnnMOz9BMN0rf9L+yMmIqrITlBrp+/QDk8IbX1\n"
  "o7u+2DM1TDsv4RGsp68FoIIHWnmtMhjTL2HoGUUCgYEAhG1nPWs6AYSkSPCEBFwS\n"
  "wRIc4bk5iHE+uAorjWP8/6P4RVyHh4ansphC7FoEnRKVrAr6djREDMlsWTaukDZP\n"
  "wEH+HoQrEj6z29C1HBVjLpZbnfOIRzGvd/i+/iLK184NEtjugfoVTz1AfcnzFUIb\n"
  "xKA5MtNG83JKQy6R2er5W2E=\n"
  "-----END PRIVATE KEY-----\n";

/* The server: its data in fixture->dir, restarted as tests need. */

typedef LiaisonTestHq Fixture;
typedef LiaisonTestReplica Replica;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  liaison_test_hq_init (fixture, "liaison-sync-XXXXXX");
  liaison_test_hq_start (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  liaison_test_hq_clear (fixture);
}

/* A station named @name, enrolled. */
static Replica
station_new (Fixture    *fixture,
             const char *file,
             const char *name)
{
  Replica replica = liaison_test_replica_new (fixture, file);

  liaison_test_replica_enroll_station (fixture, &replica, name);
  return replica;
}

static Replica
hq_replica_new (Fixture    *fixture,
                const char *file)
{
  Replica replica = liaison_test_replica_new (fixture, file);

  liaison_test_replica_enroll_hq (fixture, &replica, "总部办公室");
  return replica;
}

/* Records. */

static gint64
count_receptions_of (Replica    *hq,
                     const char *station_uuid)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM receptions r JOIN stations s ON s.id = r.station_id"
                                          " WHERE s.uuid = '%s'", station_uuid);

  g_assert_true (g_uuid_string_is_valid (station_uuid));
  return liaison_test_query_int (hq->store, sql);
}

/* Tests against a real liaison-hq. */

static void
test_first_and_incremental (Fixture       *fixture,
                            gconstpointer  data)
{
  Replica a;
  LiaisonSyncCounts counts;
  g_autoptr(LiaisonReception) reception = NULL;
  g_autoptr(GError) error = NULL;
  gint64 last_id;

  liaison_test_hq_import_roster (fixture);
  a = station_new (fixture, "a.db", "相山区第一代表联络站");

  /* First sync: nothing to send, the roster and the stations come in. */
  counts = liaison_test_sync_ok (a.engine);
  g_assert_cmpuint (counts.sent, ==, 0);
  g_assert_cmpuint (counts.received, >=, 3);
  g_assert_cmpint (liaison_store_find_deputy (a.store, "李娜"), >, 0);
  g_assert_cmpint (liaison_store_find_deputy (a.store, "王强"), >, 0);
  g_assert_cmpint (liaison_store_get_checkpoint (a.store), >, 0);

  last_id = liaison_test_add_receptions (a.store, 12, "第一批");
  g_assert_cmpuint (liaison_test_replica_unsynced (&a), ==, 12);
  counts = liaison_test_sync_ok (a.engine);
  g_assert_cmpuint (counts.sent, ==, 12);
  g_assert_cmpuint (counts.conflicts, ==, 0);
  g_assert_cmpuint (counts.rejected, ==, 0);
  g_assert_cmpuint (liaison_test_replica_unsynced (&a), ==, 0);
  g_assert_cmpuint (liaison_sync_engine_get_sent (a.engine), ==, 12);

  /* Nothing changed: nothing moves. */
  counts = liaison_test_sync_ok (a.engine);
  g_assert_cmpuint (counts.sent, ==, 0);
  g_assert_cmpuint (counts.received, ==, 0);

  /* One edit and two new records: three move. */
  reception = liaison_store_get_reception (a.store, last_id, &error);
  g_assert_no_error (error);
  g_free (reception->summary);
  reception->summary = g_strdup ("路灯已修好，居民满意");
  g_assert_true (liaison_store_save_reception (a.store, reception, &error));
  g_assert_no_error (error);
  liaison_test_add_receptions (a.store, 2, "第二批");
  g_assert_cmpuint (liaison_test_replica_unsynced (&a), ==, 3);
  counts = liaison_test_sync_ok (a.engine);
  g_assert_cmpuint (counts.sent, ==, 3);
  g_assert_cmpuint (counts.received, ==, 0);
  g_assert_cmpint (liaison_test_replica_receptions (&a), ==, 14);

  liaison_test_replica_clear (&a);
}

static void
test_scope (Fixture       *fixture,
            gconstpointer  data)
{
  Replica a, b, hq;
  g_autofree char *a_uuid = NULL;
  g_autofree char *b_uuid = NULL;
  LiaisonSyncCounts counts;

  liaison_test_hq_import_roster (fixture);
  a = station_new (fixture, "a.db", "相山区第一代表联络站");
  b = station_new (fixture, "b.db", "杜集区代表之家");
  a_uuid = liaison_test_local_station_uuid (a.store);
  b_uuid = liaison_test_local_station_uuid (b.store);
  g_assert_cmpstr (a_uuid, !=, b_uuid);
  liaison_test_sync_ok (a.engine);
  liaison_test_sync_ok (b.engine);

  liaison_test_add_receptions (a.store, 5, "一站");
  liaison_test_add_receptions (b.store, 3, "二站");
  counts = liaison_test_sync_ok (a.engine);
  g_assert_cmpuint (counts.sent, ==, 5);
  counts = liaison_test_sync_ok (b.engine);
  g_assert_cmpuint (counts.sent, ==, 3);
  liaison_test_sync_ok (a.engine);

  /* Each station sees only its own receptions. */
  g_assert_cmpint (liaison_test_replica_receptions (&a), ==, 5);
  g_assert_cmpint (liaison_test_replica_receptions (&b), ==, 3);

  /* Headquarters sees both, each under its station. */
  hq = hq_replica_new (fixture, "hq.db");
  counts = liaison_test_sync_ok (hq.engine);
  g_assert_cmpint (liaison_test_replica_receptions (&hq), ==, 8);
  g_assert_cmpint (count_receptions_of (&hq, a_uuid), ==, 5);
  g_assert_cmpint (count_receptions_of (&hq, b_uuid), ==, 3);
  g_assert_cmpuint (counts.received, >=, 8);

  liaison_test_replica_clear (&a);
  liaison_test_replica_clear (&b);
  liaison_test_replica_clear (&hq);
}

static void
rename_deputy (Replica    *replica,
               const char *old_name,
               const char *new_name)
{
  gint64 id = liaison_store_find_deputy (replica->store, old_name);
  g_autoptr(LiaisonDeputy) deputy = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (id, >, 0);
  deputy = liaison_store_get_deputy (replica->store, id, &error);
  g_assert_no_error (error);
  g_free (deputy->name);
  deputy->name = g_strdup (new_name);
  g_assert_true (liaison_store_save_deputy (replica->store, deputy, &error));
  g_assert_no_error (error);
}

static void
test_roster_and_conflicts (Fixture       *fixture,
                           gconstpointer  data)
{
  Replica a, hq1, hq2;
  LiaisonSyncCounts counts;
  g_autofree char *uuid = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  LiaisonConflict *conflict;

  liaison_test_hq_import_roster (fixture);
  a = station_new (fixture, "a.db", "相山区第一代表联络站");
  hq1 = hq_replica_new (fixture, "hq1.db");
  hq2 = hq_replica_new (fixture, "hq2.db");
  liaison_test_sync_ok (a.engine);
  liaison_test_sync_ok (hq1.engine);
  liaison_test_sync_ok (hq2.engine);
  uuid = liaison_test_deputy_uuid (a.store, "张伟");

  /* A roster change at headquarters reaches the station. */
  rename_deputy (&hq1, "李娜", "李娜娜");
  counts = liaison_test_sync_ok (hq1.engine);
  g_assert_cmpuint (counts.sent, ==, 1);
  counts = liaison_test_sync_ok (a.engine);
  g_assert_cmpuint (counts.received, ==, 1);
  g_assert_cmpint (liaison_store_find_deputy (a.store, "李娜娜"), >, 0);
  g_assert_cmpint (liaison_store_find_deputy (a.store, "李娜"), ==, 0);

  /* So does one imported at the server. */
  {
    g_autofree char *csv = g_build_filename (fixture->dir, "more.csv", NULL);
    g_autofree char *out = NULL;

    g_assert_true (g_file_set_contents (csv, "name,level\n陈静,city\n", -1, &error));
    g_assert_no_error (error);
    out = liaison_test_hq_run (fixture, "import deputies", csv, NULL);
    liaison_test_sync_ok (a.engine);
    g_assert_cmpint (liaison_store_find_deputy (a.store, "陈静"), >, 0);
  }

  /* Two headquarters desktops edit the same deputy: the second gets a
   * conflict, keeps its value (headquarters owns deputies), logs the
   * server's and sends again. */
  rename_deputy (&hq1, "张伟", "张伟（一）");
  rename_deputy (&hq2, "张伟", "张伟（二）");
  liaison_test_sync_ok (hq1.engine);
  counts = liaison_test_sync_ok (hq2.engine);
  g_assert_cmpuint (counts.conflicts, ==, 1);
  g_assert_cmpuint (counts.sent, ==, 1);
  g_assert_cmpuint (liaison_test_replica_unsynced (&hq2), ==, 0);
  conflicts = liaison_store_list_conflicts (hq2.store, "deputy", uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 1);
  conflict = g_ptr_array_index (conflicts, 0);
  g_assert_cmpstr (conflict->rule, ==, LIAISON_CONFLICT_RULE_KEPT_LOCAL);
  g_assert_nonnull (strstr (conflict->server_json, "张伟（一）"));
  g_clear_pointer (&conflicts, g_ptr_array_unref);

  /* The station may not change its copy (headquarters owns the deputy):
   * its desk refuses. A copy changed anyway (by a Liaison from before that
   * rule): the server's value replaces it and the station's goes to the
   * log. */
  {
    g_autoptr(LiaisonDeputy) deputy = liaison_store_get_deputy (a.store, liaison_store_find_deputy (a.store, "张伟"),
                                                                &error);
    g_autofree char *sql = g_strdup_printf ("UPDATE deputies SET name = '张伟（站）', version = version + 1,"
                                            " sync_state = 1 WHERE uuid = '%s'", uuid);

    g_assert_no_error (error);
    g_free (deputy->name);
    deputy->name = g_strdup ("张伟（站）");
    g_assert_false (liaison_store_save_deputy (a.store, deputy, &error));
    g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_READ_ONLY);
    g_clear_error (&error);
    g_assert_cmpint (liaison_store_find_deputy (a.store, "张伟（站）"), ==, 0);
    g_assert_true (liaison_store_exec (a.store, sql, &error));
    g_assert_no_error (error);
  }
  counts = liaison_test_sync_ok (a.engine);
  g_assert_cmpuint (counts.conflicts, ==, 1);
  g_assert_cmpint (liaison_store_find_deputy (a.store, "张伟（二）"), >, 0);
  g_assert_cmpint (liaison_store_find_deputy (a.store, "张伟（站）"), ==, 0);
  conflicts = liaison_store_list_conflicts (a.store, "deputy", uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 1);
  conflict = g_ptr_array_index (conflicts, 0);
  g_assert_cmpstr (conflict->rule, ==, LIAISON_CONFLICT_RULE_TOOK_SERVER);
  g_assert_nonnull (strstr (conflict->local_json, "张伟（站）"));

  /* And the first desktop ends with the winning value too. */
  liaison_test_sync_ok (hq1.engine);
  g_assert_cmpint (liaison_store_find_deputy (hq1.store, "张伟（二）"), >, 0);

  liaison_test_replica_clear (&a);
  liaison_test_replica_clear (&hq1);
  liaison_test_replica_clear (&hq2);
}

/* Kills the server in the middle of a sync; the engine says it is offline
 * and why. */
static void
sync_until_killed (Fixture    *fixture,
                   Replica    *replica,
                   const char *property)
{
  liaison_test_hq_sync_until_killed (fixture, replica->engine, property);
  g_assert_false (liaison_sync_engine_get_online (replica->engine));
  g_assert_nonnull (liaison_sync_engine_get_last_error (replica->engine));
}

/* A pull of several pages, done or cut, leaves the page cache and the
 * WAL's checkpoints as the store opened them (liaison-store.c). */
static void
assert_no_bulk_writes (Replica *replica)
{
  g_assert_cmpint (liaison_store_query_int (replica->store, "PRAGMA cache_size", NULL), ==, -8192);
  g_assert_cmpint (liaison_store_query_int (replica->store, "PRAGMA wal_autocheckpoint", NULL), ==, 1000);
}

static void
test_cut_connection (Fixture       *fixture,
                     gconstpointer  data)
{
  Replica a, hq;
  LiaisonSyncCounts counts;
  g_autofree char *a_uuid = NULL;
  const guint n = 3000;

  liaison_test_hq_import_roster (fixture);
  a = station_new (fixture, "a.db", "相山区第一代表联络站");
  a_uuid = liaison_test_local_station_uuid (a.store);
  liaison_test_sync_ok (a.engine);
  liaison_test_add_receptions (a.store, n, "大批");

  /* Mid-push: after the first batch was acknowledged. */
  sync_until_killed (fixture, &a, "sent");
  g_assert_cmpuint (liaison_test_replica_unsynced (&a), >, 0);
  g_assert_cmpuint (liaison_test_replica_unsynced (&a), <, n);
  counts = liaison_test_sync_ok (a.engine);
  g_assert_cmpuint (counts.rejected, ==, 0);
  g_assert_cmpuint (liaison_test_replica_unsynced (&a), ==, 0);
  g_assert_cmpint (liaison_test_replica_receptions (&a), ==, n);
  g_assert_cmpint (liaison_test_replica_distinct_receptions (&a), ==, n);

  /* Mid-pull: a headquarters desktop pulling them all. */
  hq = hq_replica_new (fixture, "hq.db");
  sync_until_killed (fixture, &hq, "received");
  g_assert_cmpint (liaison_test_replica_receptions (&hq), <, n);
  assert_no_bulk_writes (&hq);
  liaison_test_sync_ok (hq.engine);
  assert_no_bulk_writes (&hq);
  g_assert_cmpint (liaison_test_replica_receptions (&hq), ==, n);
  g_assert_cmpint (liaison_test_replica_distinct_receptions (&hq), ==, n);
  g_assert_cmpint (count_receptions_of (&hq, a_uuid), ==, n);

  /* Nothing left to move either way. */
  counts = liaison_test_sync_ok (a.engine);
  g_assert_cmpuint (counts.sent, ==, 0);
  g_assert_cmpuint (counts.received, ==, 0);

  liaison_test_replica_clear (&a);
  liaison_test_replica_clear (&hq);
}

/* POSTs @body to the real server with @token; returns the parsed answer. */
static JsonNode *
post_json (Fixture    *fixture,
           const char *path,
           const char *token,
           JsonNode   *body,
           guint      *status)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *url = g_strconcat (fixture->url, path, NULL);
  g_autoptr(SoupMessage) message = soup_message_new ("POST", url);
  g_autofree char *bearer = g_strconcat ("Bearer ", token, NULL);
  g_autofree char *text = json_to_string (body, FALSE);
  g_autoptr(GBytes) request = g_bytes_new (text, strlen (text));
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  soup_message_headers_replace (soup_message_get_request_headers (message), "Liaison-Protocol", "1");
  soup_message_headers_replace (soup_message_get_request_headers (message), "Authorization", bearer);
  soup_message_set_request_body_from_bytes (message, "application/json", request);
  answer = soup_session_send_and_read (session, message, NULL, &error);
  g_assert_no_error (error);
  *status = soup_message_get_status (message);
  root = json_from_string (g_bytes_get_data (answer, NULL), &error);
  g_assert_no_error (error);
  return root;
}

static void
test_replay (Fixture       *fixture,
             gconstpointer  data)
{
  Replica a, hq;
  g_autoptr(GPtrArray) pending = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) body = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonNode) first = NULL;
  g_autoptr(JsonNode) second = NULL;
  g_autofree char *server_id = NULL;
  g_autofree char *token = NULL;
  JsonObject *object = json_object_new ();
  JsonArray *records = json_array_new ();
  JsonArray *results;
  LiaisonSyncCounts counts;
  guint status = 0;

  liaison_test_hq_import_roster (fixture);
  a = station_new (fixture, "a.db", "相山区第一代表联络站");
  liaison_test_sync_ok (a.engine);
  liaison_test_add_receptions (a.store, 4, "重发");

  /* The same batch, sent twice by hand with the station's key. */
  pending = liaison_store_collect_pending (a.store, 500, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pending->len, ==, 4);
  for (guint i = 0; i < pending->len; i++)
    json_array_add_object_element (records, json_object_ref (g_ptr_array_index (pending, i)));
  json_object_set_int_member (object, "protocol", 1);
  json_object_set_array_member (object, "records", records);
  json_node_take_object (body, object);
  server_id = liaison_store_get_server_id (a.store);
  token = liaison_token_store_load (server_id, liaison_store_get_path (a.store), &error);
  g_assert_no_error (error);

  first = post_json (fixture, "/v1/push", token, body, &status);
  g_assert_cmpuint (status, ==, 200);
  second = post_json (fixture, "/v1/push", token, body, &status);
  g_assert_cmpuint (status, ==, 200);
  results = json_object_get_array_member (json_node_get_object (first), "results");
  for (guint i = 0; i < 4; i++)
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (results, i), "status"),
                     ==, LIAISON_PUSH_APPLIED);
  results = json_object_get_array_member (json_node_get_object (second), "results");
  for (guint i = 0; i < 4; i++)
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (results, i), "status"),
                     ==, LIAISON_PUSH_DUPLICATE);

  /* The station never heard the answers: its own sync resends, and the
   * server calls them duplicates. */
  g_assert_cmpuint (liaison_test_replica_unsynced (&a), ==, 4);
  counts = liaison_test_sync_ok (a.engine);
  g_assert_cmpuint (counts.sent, ==, 4);
  g_assert_cmpuint (counts.conflicts, ==, 0);
  g_assert_cmpuint (liaison_test_replica_unsynced (&a), ==, 0);

  hq = hq_replica_new (fixture, "hq.db");
  liaison_test_sync_ok (hq.engine);
  g_assert_cmpint (liaison_test_replica_receptions (&hq), ==, 4);

  liaison_test_replica_clear (&a);
  liaison_test_replica_clear (&hq);
}

static void
test_revoked (Fixture       *fixture,
              gconstpointer  data)
{
  Replica a;
  g_autoptr(GError) error = NULL;
  g_autofree char *list = NULL;
  g_autofree char *token_id = NULL;
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  LiaisonSyncCounts counts = { 0 };

  liaison_test_hq_import_roster (fixture);
  a = station_new (fixture, "a.db", "烈山区代表联络点");
  liaison_test_sync_ok (a.engine);

  list = liaison_test_hq_run (fixture, "token list", NULL);
  lines = g_strsplit (list, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], "烈山区代表联络点") != NULL)
      {
        g_auto(GStrv) words = g_strsplit_set (g_strstrip (lines[i]), " \t,", 2);

        token_id = g_strdup (words[0]);
      }
  g_assert_nonnull (token_id);
  out = liaison_test_hq_run (fixture, "token revoke", token_id, NULL);

  liaison_test_add_receptions (a.store, 2, "撤销后");
  g_assert_false (liaison_test_sync (a.engine, &counts, &error));
  g_assert_error (error, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_REVOKED);
  g_assert_false (liaison_sync_error_is_transient (error));
  g_assert_nonnull (strstr (error->message, "enroll again"));
  g_assert_cmpstr (liaison_sync_engine_get_last_error (a.engine), ==, error->message);
  g_assert_cmpuint (liaison_test_replica_unsynced (&a), ==, 2);

  liaison_test_replica_clear (&a);
}

static gboolean
iterate_until (gboolean (*done) (Replica *replica),
               Replica   *replica,
               guint      seconds)
{
  gint64 deadline = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;

  while (!done (replica))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return TRUE;
}

static gboolean
has_error (Replica *replica)
{
  return liaison_sync_engine_get_last_error (replica->engine) != NULL &&
         !liaison_sync_engine_get_syncing (replica->engine);
}

static gboolean
all_sent (Replica *replica)
{
  return !liaison_sync_engine_get_syncing (replica->engine) && liaison_test_replica_unsynced (replica) == 0;
}

static void
test_automatic (Fixture       *fixture,
                gconstpointer  data)
{
  Replica a;

  liaison_test_hq_import_roster (fixture);
  a = station_new (fixture, "a.db", "相山区第一代表联络站");
  liaison_test_sync_ok (a.engine);

  /* Offline: the automatic sync fails, says why, and retries (1 s, 2 s,
   * 4 s…) until the server is back. */
  liaison_test_hq_stop (fixture);
  liaison_test_add_receptions (a.store, 3, "离线");
  liaison_sync_engine_start_automatic (a.engine, 3);
  g_assert_true (iterate_until (has_error, &a, 10));
  g_assert_false (liaison_sync_engine_get_online (a.engine));
  g_assert_cmpuint (liaison_test_replica_unsynced (&a), ==, 3);
  liaison_test_hq_start (fixture);
  g_assert_true (iterate_until (all_sent, &a, 15));
  g_assert_null (liaison_sync_engine_get_last_error (a.engine));
  g_assert_true (liaison_sync_engine_get_online (a.engine));

  /* On the timer: a new record goes without anyone asking. */
  liaison_test_add_receptions (a.store, 2, "定时");
  g_assert_cmpuint (liaison_test_replica_unsynced (&a), ==, 2);
  g_assert_true (iterate_until (all_sent, &a, 10));

  liaison_sync_engine_stop_automatic (a.engine);
  liaison_test_replica_clear (&a);
}

static void
test_tls (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;
  Replica a;

  fixture->tls_cert = g_build_filename (fixture->dir, "cert.pem", NULL);
  fixture->tls_key = g_build_filename (fixture->dir, "key.pem", NULL);
  g_assert_true (g_file_set_contents (fixture->tls_cert, test_tls_cert, -1, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents_full (fixture->tls_key, test_tls_key, -1,
                                           G_FILE_SET_CONTENTS_NONE, 0600, &error));
  g_assert_no_error (error);
  liaison_test_hq_stop (fixture);
  fixture->port = 0;
  liaison_test_hq_start (fixture);
  code = liaison_test_hq_station_code (fixture, "相山区第一代表联络站");

  /* A certificate nobody vouches for: refused, in words, and nothing
   * enrolled (the code is still good). */
  a = liaison_test_replica_new (fixture, "a.db");
  g_assert_false (liaison_test_enroll (a.engine, fixture->url, code, &error));
  g_assert_error (error, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_TLS);
  g_assert_nonnull (strstr (error->message, "certificate"));
  g_assert_cmpint (liaison_store_get_sync_role (a.store), ==, LIAISON_SYNC_ROLE_NONE);
  g_clear_error (&error);
  liaison_test_replica_clear (&a);

  /* With headquarters' own authority trusted, it works. */
  g_setenv ("LIAISON_CA_FILE", fixture->tls_cert, TRUE);
  a = liaison_test_replica_new (fixture, "a.db");
  g_unsetenv ("LIAISON_CA_FILE");
  liaison_test_replica_enroll (fixture, &a, code);
  liaison_test_sync_ok (a.engine);
  g_assert_cmpint (liaison_store_get_checkpoint (a.store), >, 0);
  liaison_test_replica_clear (&a);
}

/* The headless commands. */

static char *
run_liaison (int          *exit_status,
             char        **err,
             const char   *first,
             ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = liaison_test_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                          G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  va_list args;
  const char *arg;

  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  g_subprocess_launcher_setenv (launcher, "LANGUAGE", "C", TRUE);
  g_ptr_array_add (argv, (gpointer) g_getenv ("LIAISON_BIN"));
  g_ptr_array_add (argv, (gpointer) first);
  va_start (args, first);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, err, &error);
  g_assert_no_error (error);
  *exit_status = g_subprocess_get_exit_status (process);
  return out;
}

static void
test_commands (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *code = NULL;
  g_autofree char *database = g_build_filename (fixture->dir, "cli.db", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(LiaisonStore) store = NULL;
  g_autoptr(LiaisonStation) station = NULL;
  int status = -1;

  liaison_test_hq_import_roster (fixture);
  code = liaison_test_hq_station_code (fixture, "相山区命令行联络站");

  /* A wrong code: refused, with the reason, and nothing enrolled. */
  out = run_liaison (&status, &err, "enroll", "--database", database, "--server", fixture->url,
                     "--code", "not-a-code", NULL);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "enrollment code"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  out = run_liaison (&status, &err, "enroll", "--database", database, "--server", fixture->url,
                     "--code", code, NULL);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "Enrolled 相山区命令行联络站 with"));
  g_assert_nonnull (strstr (out, "The station key is kept in the file"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  out = run_liaison (&status, &err, "sync", "--database", database, NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (g_str_has_prefix (out, "Sent 0 records.\nReceived "));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  store = liaison_test_open_store (database);
  station = liaison_store_get_local_station (store);
  g_assert_cmpstr (station->name, ==, "相山区命令行联络站");
  g_assert_cmpint (liaison_store_find_deputy (store, "张伟"), >, 0);
  g_clear_object (&store);

  /* Records wait to be sent: enrolling as another station is refused,
   * with the store's reason, and the station stays what it was. */
  {
    Replica replica = { 0 };
    g_autofree char *other_code = liaison_test_hq_station_code (fixture, "另一个联络站");

    replica.store = liaison_test_open_store (database);
    liaison_test_add_receptions (replica.store, 2, "未发送");
    liaison_test_replica_clear (&replica);
    out = run_liaison (&status, &err, "enroll", "--database", database, "--server", fixture->url,
                       "--code", other_code, NULL);
    g_assert_cmpint (status, ==, 1);
    g_assert_true (g_str_has_prefix (err, "Enrollment failed: "));
    g_assert_cmpuint (strlen (err), >, strlen ("Enrollment failed: \n") + 10);
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);

    store = liaison_test_open_store (database);
    g_clear_pointer (&station, liaison_station_free);
    station = liaison_store_get_local_station (store);
    g_assert_cmpstr (station->name, ==, "相山区命令行联络站");
    g_clear_object (&store);

    /* And the command sends them. */
    out = run_liaison (&status, &err, "sync", "--database", database, NULL);
    g_assert_cmpint (status, ==, 0);
    /* (What it receives is the new station: reference data.) */
    g_assert_true (g_str_has_prefix (out, "Sent 2 records.\nReceived "));
    /* No conflicts and no refusals: no line for them. */
    g_assert_null (strstr (out, "conflict"));
    g_assert_null (strstr (out, "refused"));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }

  /* Leaving is refused while a record waits to be sent; once it is sent,
   * the database stops syncing, keeps its records and forgets the key. */
  {
    Replica replica = { 0 };
    g_autofree char *key_file = NULL;

    replica.store = liaison_test_open_store (database);
    liaison_test_add_receptions (replica.store, 1, "离开前");
    liaison_test_replica_clear (&replica);
    out = run_liaison (&status, &err, "leave", "--database", database, NULL);
    g_assert_cmpint (status, ==, 1);
    g_assert_cmpuint (strlen (err), >, 10);
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    store = liaison_test_open_store (database);
    g_assert_cmpint (liaison_store_get_sync_role (store), ==, LIAISON_SYNC_ROLE_STATION);
    g_clear_object (&store);

    out = run_liaison (&status, &err, "sync", "--database", database, NULL);
    g_assert_cmpint (status, ==, 0);
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    store = liaison_test_open_store (database);
    {
      g_autofree char *server_id = liaison_store_get_server_id (store);
      key_file = liaison_token_store_file_path (server_id, database);
    }
    g_clear_object (&store);
    g_assert_true (g_file_test (key_file, G_FILE_TEST_EXISTS));

    out = run_liaison (&status, &err, "leave", "--database", database, NULL);
    g_assert_cmpstr (err, ==, "");
    g_assert_cmpint (status, ==, 0);
    g_assert_nonnull (strstr (out, "no longer syncs with"));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_false (g_file_test (key_file, G_FILE_TEST_EXISTS));
    store = liaison_test_open_store (database);
    g_assert_cmpint (liaison_store_get_sync_role (store), ==, LIAISON_SYNC_ROLE_NONE);
    g_assert_cmpuint (liaison_store_count_receptions (store, NULL, NULL), ==, 3);
    g_clear_object (&store);

    /* Leaving twice says there is nothing to leave. */
    out = run_liaison (&status, &err, "leave", "--database", database, NULL);
    g_assert_cmpint (status, ==, 1);
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);

    /* Enrolled again, for the failure below. */
    g_clear_pointer (&code, g_free);
    code = liaison_test_hq_station_code (fixture, "相山区命令行联络站");
    out = run_liaison (&status, &err, "enroll", "--database", database, "--server", fixture->url,
                       "--code", code, NULL);
    g_assert_cmpint (status, ==, 0);
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }

  /* The server is gone: a transient failure, said in words. */
  liaison_test_hq_stop (fixture);
  out = run_liaison (&status, &err, "sync", "--database", database, NULL);
  g_assert_cmpint (status, ==, 75);
  g_assert_nonnull (strstr (err, "Headquarters could not be reached"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* No database: refused. */
  out = run_liaison (&status, &err, "sync", "--database", "/nonexistent/x.db", NULL);
  g_assert_cmpint (status, ==, 1);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
}

/* A fake server, in this process, for answers a real one never gives. */

typedef struct {
  const char *push_answer;    /* NULL: a well-formed answer */
  const char *pull_answer;
  const char *protocol;       /* Liaison-Protocol header; NULL: none */
  guint status;
  char *station_uuid;
} FakeServer;

static void
fake_handler (SoupServer        *server,
              SoupServerMessage *message,
              const char        *path,
              GHashTable        *query,
              gpointer           user_data)
{
  FakeServer *fake = user_data;
  const char *body = "{}";
  g_autofree char *owned = NULL;

  if (g_str_equal (path, "/v1/enroll"))
    {
      owned = liaison_test_fake_hq_enroll_answer (fake->station_uuid);
      body = owned;
      soup_message_headers_replace (soup_server_message_get_response_headers (message),
                                    LIAISON_PROTOCOL_HEADER, "1");
      soup_server_message_set_status (message, 200, NULL);
      soup_server_message_set_response (message, "application/json", SOUP_MEMORY_COPY, body, strlen (body));
      return;
    }
  if (g_str_equal (path, "/v1/push") && fake->push_answer != NULL)
    body = fake->push_answer;
  else if (g_str_equal (path, "/v1/pull") && fake->pull_answer != NULL)
    body = fake->pull_answer;
  if (fake->protocol != NULL)
    soup_message_headers_replace (soup_server_message_get_response_headers (message),
                                  LIAISON_PROTOCOL_HEADER, fake->protocol);
  soup_server_message_set_status (message, fake->status, NULL);
  soup_server_message_set_response (message, "application/json", SOUP_MEMORY_COPY, body, strlen (body));
}

typedef struct {
  const char *push_answer;
  const char *pull_answer;
  const char *protocol;
  guint status;
  LiaisonSyncError expected;
} BadCase;

static void
test_malformed_answers (void)
{
  g_autofree char *dir = liaison_test_make_tmp_dir ("liaison-sync-fake-XXXXXX");
  g_autofree char *pending_path = g_build_filename (dir, "pending.db", NULL);
  g_autofree char *quiet_path = g_build_filename (dir, "quiet.db", NULL);
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *category_uuid = g_strdup ("6c1a7e00-0000-4000-8000-000000000001");
  g_autofree char *missing_uuid = g_uuid_string_random ();
  g_autofree char *deputy_uuid_text = g_uuid_string_random ();
  g_autofree char *bad_reference = NULL;
  g_autofree char *half_bad = NULL;
  FakeServer fake = { NULL, NULL, "1", 200, g_uuid_string_random () };
  Replica pending = { 0 }, quiet = { 0 };
  gint64 deputy_id;

  url = liaison_test_fake_hq_listen (server, fake_handler, &fake);

  /* One station with receptions to push, one with nothing (it goes
   * straight to pulling). */
  pending.store = liaison_test_open_store (pending_path);
  pending.engine = liaison_sync_engine_new (pending.store);
  g_assert_true (liaison_test_enroll (pending.engine, url, "fake", &error));
  g_assert_no_error (error);
  deputy_id = liaison_test_add_deputy (pending.store, "张伟", LIAISON_DEPUTY_LEVEL_CITY);
  g_assert_cmpint (deputy_id, >, 0);
  liaison_test_add_receptions (pending.store, 3, "假");
  g_assert_cmpuint (liaison_test_replica_unsynced (&pending), ==, 3);
  quiet.store = liaison_test_open_store (quiet_path);
  quiet.engine = liaison_sync_engine_new (quiet.store);
  g_assert_true (liaison_test_enroll (quiet.engine, url, "fake", &error));
  g_assert_no_error (error);

  /* A good deputy, then a reception whose time is no real time (the
   * shape is right, the store refuses it): neither may land. */
  bad_reference = g_strdup_printf (
    "{\"changes\": [{\"kind\": \"deputy\", \"uuid\": \"%s\", \"version\": 1, \"seq\": 1,"
    " \"updated_at\": \"2024-03-05T01:30:00Z\", \"origin_station\": null, \"deleted\": false,"
    " \"data\": {\"name\": \"新代表\", \"level\": \"city\", \"group\": null, \"station\": null,"
    " \"specialty\": \"\", \"phone\": \"\"}},"
    " {\"kind\": \"reception\", \"uuid\": \"%s\", \"version\": 1, \"seq\": 5,"
    " \"updated_at\": \"2024-03-05T01:30:00Z\", \"origin_station\": \"%s\", \"deleted\": false,"
    " \"data\": {\"received_at\": \"2024-13-45 99:99\", \"station\": \"%s\", \"channel\": \"walk_in\","
    " \"category\": \"%s\", \"summary\": \"x\", \"handled_on_spot\": false, \"handling\": \"\","
    " \"deputies\": [], \"visitors\": [{\"name\": \"\", \"phone\": \"\", \"community\": \"\","
    " \"party_size\": 1, \"consent\": false}]}}], \"last_seq\": 5, \"more\": false}",
    deputy_uuid_text, missing_uuid, missing_uuid, missing_uuid, category_uuid);
  /* A good deputy, then a broken one: neither may land. */
  half_bad = g_strdup_printf (
    "{\"changes\": [{\"kind\": \"deputy\", \"uuid\": \"%s\", \"version\": 1, \"seq\": 1,"
    " \"updated_at\": \"2024-03-05T01:30:00Z\", \"origin_station\": null, \"deleted\": false,"
    " \"data\": {\"name\": \"新代表\", \"level\": \"city\", \"group\": null, \"station\": null,"
    " \"specialty\": \"\", \"phone\": \"\"}},"
    " {\"kind\": \"deputy\", \"uuid\": \"%s\", \"version\": 1, \"seq\": 2,"
    " \"updated_at\": \"2024-03-05T01:30:00Z\", \"deleted\": false, \"data\": {\"name\": 12}}],"
    " \"last_seq\": 2, \"more\": false}",
    deputy_uuid_text, category_uuid);

  {
    const BadCase cases[] = {
      { "{\"results\": [", NULL, "1", 200, LIAISON_SYNC_ERROR_BAD_ANSWER },
      { "", NULL, "1", 200, LIAISON_SYNC_ERROR_BAD_ANSWER },
      { "[1, 2, 3]", NULL, "1", 200, LIAISON_SYNC_ERROR_BAD_ANSWER },
      { "{\"results\": \"applied\"}", NULL, "1", 200, LIAISON_SYNC_ERROR_BAD_ANSWER },
      { "{\"results\": []}", NULL, "1", 200, LIAISON_SYNC_ERROR_BAD_ANSWER },
      { "{\"results\": [{\"status\": \"applied\"}, 2, 3]}", NULL, "1", 200, LIAISON_SYNC_ERROR_BAD_ANSWER },
      { "<html>hotel wifi login</html>", NULL, NULL, 200, LIAISON_SYNC_ERROR_WRONG_SERVER },
      { "{}", NULL, "2", 200, LIAISON_SYNC_ERROR_PROTOCOL },
      { "{\"error\": {\"code\": \"server_error\", \"message\": \"disk full\"}}", NULL, "1", 500,
        LIAISON_SYNC_ERROR_SERVER },
      { "{\"error\": {\"code\": \"bad_token\", \"message\": \"no\"}}", NULL, "1", 401,
        LIAISON_SYNC_ERROR_BAD_TOKEN },
    };
    const BadCase pull_cases[] = {
      { NULL, "{\"changes\": [], \"last_seq\": \"7\", \"more\": false}", "1", 200, LIAISON_SYNC_ERROR_BAD_ANSWER },
      { NULL, "{\"changes\": [], \"last_seq\": 7}", "1", 200, LIAISON_SYNC_ERROR_BAD_ANSWER },
      { NULL, "{\"changes\": [], \"last_seq\": 0, \"more\": true}", "1", 200, LIAISON_SYNC_ERROR_BAD_ANSWER },
      { NULL, "{\"changes\": [], \"last_seq\": 9, \"more\": fal", "1", 200, LIAISON_SYNC_ERROR_BAD_ANSWER },
      { NULL, "{\"error\": {\"code\": \"revoked_token\", \"message\": \"revoked\"}}", "1", 401,
        LIAISON_SYNC_ERROR_REVOKED },
    };

    for (guint i = 0; i < G_N_ELEMENTS (cases) + G_N_ELEMENTS (pull_cases); i++)
      {
        gboolean is_push = i < G_N_ELEMENTS (cases);
        const BadCase *bad = is_push ? &cases[i] : &pull_cases[i - G_N_ELEMENTS (cases)];
        Replica *replica = is_push ? &pending : &quiet;
        const char *path = is_push ? pending_path : quiet_path;
        g_autofree char *before = liaison_test_database_checksum (path);
        g_autofree char *after = NULL;
        g_autoptr(GError) sync_error = NULL;
        LiaisonSyncCounts counts = { 0 };

        g_test_message ("case %u", i);
        fake.push_answer = bad->push_answer;
        fake.pull_answer = bad->pull_answer;
        fake.protocol = bad->protocol;
        fake.status = bad->status;
        g_assert_false (liaison_test_sync (replica->engine, &counts, &sync_error));
        g_assert_error (sync_error, LIAISON_SYNC_ERROR, (gint) bad->expected);
        after = liaison_test_database_checksum (path);
        g_assert_cmpstr (before, ==, after);
      }
  }
  g_assert_cmpuint (liaison_test_replica_unsynced (&pending), ==, 3);
  g_assert_cmpint (liaison_store_find_deputy (quiet.store, "新代表"), ==, 0);

  /* A page with one change the station cannot use: that one is set aside,
   * the rest lands, and the sync succeeds (test-quarantine.c has more). */
  {
    const char *set_aside_pages[] = {
      "{\"changes\": [{\"kind\": \"deputy\"}], \"last_seq\": 7, \"more\": false}",
      half_bad,
      bad_reference,
    };

    for (guint i = 0; i < G_N_ELEMENTS (set_aside_pages); i++)
      {
        LiaisonSyncCounts counts = { 0 };

        g_test_message ("set-aside case %u", i);
        /* The one before is reported in an empty push first. */
        fake.push_answer = "{\"results\": []}";
        fake.pull_answer = set_aside_pages[i];
        fake.protocol = "1";
        fake.status = 200;
        g_assert_true (liaison_store_exec (quiet.store, "DELETE FROM settings WHERE key = 'checkpoint'", &error));
        g_assert_no_error (error);
        liaison_test_sync (quiet.engine, &counts, &error);
        g_assert_no_error (error);
        g_assert_cmpuint (counts.set_aside, ==, 1);
        g_assert_cmpuint (liaison_store_count_quarantined (quiet.store), ==, i + 1);
        if (i > 0)
          g_assert_cmpint (liaison_store_find_deputy (quiet.store, "新代表"), >, 0);
      }
  }

  liaison_test_replica_clear (&pending);
  liaison_test_replica_clear (&quiet);
  g_free (fake.station_uuid);
  liaison_test_remove_tree (dir);
}

/* The one JSON string writer (canonical JSON, digests, liaison-hq's pull
 * page): every control character, quote and backslash comes back as it
 * went in through json-glib, the parser of both ends; a newline is the
 * short escape, so record digests stay what they were. */
static void
test_json_string_escaping (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) line = g_string_new (NULL);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;

  for (int c = 1; c < 0x20; c++)
    g_string_append_c (text, (char) c);
  g_string_append (text, "\"\\/ 市住建局 \x7f end");
  liaison_protocol_append_json_string (out, text->str);
  node = json_from_string (out->str, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_node_get_string (node), ==, text->str);

  liaison_protocol_append_json_string (line, "a\nb\tc\x01");
  g_assert_cmpstr (line->str, ==, "\"a\\nb\\tc\\u0001\"");
}

static void
test_protocol_helpers (void)
{
  g_autofree char *token = liaison_protocol_new_token ();
  g_autofree char *other = liaison_protocol_new_token ();
  g_autofree char *hash = liaison_protocol_hash_token (token);
  g_autoptr(JsonNode) error_body = liaison_protocol_error_body ("bad_token", "Unknown");
  g_autofree char *error_text = json_to_string (error_body, FALSE);
  g_autofree char *code = NULL;
  g_autofree char *message = NULL;
  g_autoptr(JsonNode) a = json_from_string ("{\"kind\":\"unit\",\"uuid\":\"6c1a7e00-0000-4000-8000-000000000001\","
                                            "\"version\":2,\"updated_at\":\"2024-03-05T01:30:00Z\",\"deleted\":false,"
                                            "\"data\":{\"name\":\"市住建局\",\"kind\":\"department\"}}", NULL);
  g_autoptr(JsonNode) b = json_from_string ("{\"data\":{\"kind\":\"department\",\"name\":\"市住建局\"},"
                                            "\"version\":2,\"kind\":\"unit\",\"deleted\":false,\"updated_at\":\"y\","
                                            "\"uuid\":\"6c1a7e00-0000-4000-8000-000000000001\"}", NULL);
  g_autoptr(JsonNode) c = json_from_string ("{\"kind\":\"unit\",\"uuid\":\"6c1a7e00-0000-4000-8000-000000000001\","
                                            "\"version\":3,\"updated_at\":\"x\",\"deleted\":false,"
                                            "\"data\":{\"name\":\"市住建局\",\"kind\":\"department\"}}", NULL);
  g_autofree char *digest_a = liaison_protocol_record_digest (json_node_get_object (a));
  g_autofree char *digest_b = liaison_protocol_record_digest (json_node_get_object (b));
  g_autofree char *digest_c = liaison_protocol_record_digest (json_node_get_object (c));
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (strlen (token), ==, 43);
  g_assert_cmpstr (token, !=, other);
  for (const char *p = token; *p; p++)
    g_assert_true (g_ascii_isalnum (*p) || *p == '-' || *p == '_');
  g_assert_cmpuint (strlen (hash), ==, 64);

  g_assert_true (liaison_protocol_parse_error (error_text, strlen (error_text), &code, &message));
  g_assert_cmpstr (code, ==, "bad_token");
  g_assert_cmpstr (message, ==, "Unknown");
  g_assert_false (liaison_protocol_parse_error ("{\"error\": 1}", 12, NULL, NULL));
  g_assert_false (liaison_protocol_parse_error ("nope", 4, NULL, NULL));

  /* Key order and updated_at do not change the digest; the version does. */
  g_assert_cmpstr (digest_a, ==, digest_b);
  g_assert_cmpstr (digest_a, !=, digest_c);

  g_assert_true (liaison_wire_check_record (json_node_get_object (a), &error));
  g_assert_no_error (error);
  json_object_set_string_member (json_object_get_object_member (json_node_get_object (a), "data"),
                                 "kind", "bank");
  g_assert_false (liaison_wire_check_record (json_node_get_object (a), &error));
  g_assert_error (error, LIAISON_WIRE_ERROR, LIAISON_WIRE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "data.kind"));
}

/* Station @name's address in @replica's store is @expected. */
static void
assert_station_address (Replica    *replica,
                        const char *name,
                        const char *expected)
{
  g_autofree char *sql = g_strdup_printf ("SELECT address FROM stations WHERE name = '%s'", name);
  g_autofree char *address = liaison_test_query_text (replica->store, sql);

  g_assert_cmpstr (address, ==, expected);
}

/* Station @name's data in the server's hq.db. */
static char *
hq_station_data (Fixture    *fixture,
                 const char *name)
{
  g_autofree char *sql = g_strdup_printf ("SELECT data FROM records WHERE kind = 'station'"
                                          " AND json_extract (data, '$.name') = '%s'", name);

  return liaison_test_hq_text (fixture, sql);
}

/* A station's address from `liaison-hq station add --address` and the
 * stations import to the enrolling desk, its pull and its store; an
 * import without the column and `station add` without --address keep
 * it; --address "" takes it off, and the record is as it was before
 * stations had addresses. */
static void
test_station_address (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *csv = g_build_filename (fixture->dir, "stations.csv", NULL);
  g_autofree char *old_csv = g_build_filename (fixture->dir, "stations-old.csv", NULL);
  g_autofree char *long_csv = g_build_filename (fixture->dir, "stations-long.csv", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GString) long_address = g_string_new ("相山区");
  g_autoptr(LiaisonStation) local = NULL;
  g_autoptr(GError) error = NULL;
  Replica a;

  while (g_utf8_strlen (long_address->str, -1) <= LIAISON_MAX_ADDRESS_CHARS)
    g_string_append (long_address, "路");
  g_assert_true (g_file_set_contents (csv, "名称,类型,区县,地址\n"
                                      "东山街道代表联络站,联络站,相山区,相山区东山街道人民路12号\n"
                                      "任楼街道代表之家,之家,烈山区,\n", -1, &error));
  g_assert_true (g_file_set_contents (old_csv, "名称,区县\n东山街道代表联络站,相山区\n", -1, &error));
  text = g_strdup_printf ("名称,地址\n东山街道代表联络站,%s\n", long_address->str);
  g_assert_true (g_file_set_contents (long_csv, text, -1, &error));
  g_assert_no_error (error);
  out = liaison_test_hq_run (fixture, "import stations", csv, NULL);
  g_clear_pointer (&out, g_free);
  /* No address: no member, the record as before stations had one. */
  before = hq_station_data (fixture, "任楼街道代表之家");
  g_assert_null (strstr (before, "address"));
  g_assert_nonnull (strstr (before, "烈山区"));

  /* Enrolling (station add on a station there: a code, the address kept)
   * takes the address; the pull brings the others'. */
  a = station_new (fixture, "a.db", "东山街道代表联络站");
  local = liaison_store_get_local_station (a.store);
  g_assert_cmpstr (local->address, ==, "相山区东山街道人民路12号");
  liaison_test_sync_ok (a.engine);
  assert_station_address (&a, "东山街道代表联络站", "相山区东山街道人民路12号");
  assert_station_address (&a, "任楼街道代表之家", "");

  /* station add on an existing name sets it. */
  out = liaison_test_hq_run (fixture, "station add", "任楼街道代表之家", "--address", "烈山区任楼街道淮海路8号", NULL);
  g_clear_pointer (&out, g_free);
  liaison_test_sync_ok (a.engine);
  assert_station_address (&a, "任楼街道代表之家", "烈山区任楼街道淮海路8号");

  /* A file without the column, a station add without --address: kept. */
  out = liaison_test_hq_run (fixture, "import stations", old_csv, NULL);
  g_clear_pointer (&out, g_free);
  out = liaison_test_hq_run (fixture, "station add", "任楼街道代表之家", "--district", "烈山区", NULL);
  g_clear_pointer (&out, g_free);
  liaison_test_sync_ok (a.engine);
  assert_station_address (&a, "东山街道代表联络站", "相山区东山街道人民路12号");
  assert_station_address (&a, "任楼街道代表之家", "烈山区任楼街道淮海路8号");

  /* Too long: refused with the reason, nothing written. */
  g_assert_cmpint (liaison_test_run_hq (NULL, &err, "station", "add", "--data-dir", fixture->data_dir,
                                        "任楼街道代表之家", "--address", long_address->str, NULL), ==, 2);
  g_assert_nonnull (strstr (err, "at most 200 characters"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (liaison_test_run_hq (NULL, &err, "import", "stations", "--data-dir", fixture->data_dir,
                                        long_csv, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "at most 200 characters"));
  g_assert_nonnull (strstr (err, "Nothing was imported"));
  liaison_test_sync_ok (a.engine);
  assert_station_address (&a, "东山街道代表联络站", "相山区东山街道人民路12号");
  assert_station_address (&a, "任楼街道代表之家", "烈山区任楼街道淮海路8号");

  /* --address "" takes it off: the record is the one it was. */
  out = liaison_test_hq_run (fixture, "station add", "任楼街道代表之家", "--address", "", NULL);
  g_clear_pointer (&out, g_free);
  after = hq_station_data (fixture, "任楼街道代表之家");
  g_assert_cmpstr (after, ==, before);
  liaison_test_sync_ok (a.engine);
  assert_station_address (&a, "任楼街道代表之家", "");

  liaison_test_replica_clear (&a);
}

/* A station's address (地址) is optional: a record without it is as it
 * was; with it, text or null, at most LIAISON_MAX_ADDRESS_CHARS characters. */
static void
test_station_address_wire (void)
{
  g_autoptr(JsonNode) node = json_from_string ("{\"kind\":\"station\",\"uuid\":\"6c1a7e00-0000-4000-8000-0000000000a1\","
                                               "\"version\":1,\"updated_at\":\"2026-03-05T01:30:00Z\",\"deleted\":false,"
                                               "\"data\":{\"name\":\"东山街道人大代表联络站\",\"kind\":\"station\","
                                               "\"district\":\"相山区\"}}", NULL);
  JsonObject *record = json_node_get_object (node);
  JsonObject *data = json_object_get_object_member (record, "data");
  g_autoptr(GString) address = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (liaison_wire_check_record (record, &error));
  g_assert_no_error (error);

  json_object_set_null_member (data, "address");
  g_assert_true (liaison_wire_check_record (record, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < LIAISON_MAX_ADDRESS_CHARS; i++)
    g_string_append (address, "路");
  json_object_set_string_member (data, "address", address->str);
  g_assert_true (liaison_wire_check_record (record, &error));
  g_assert_no_error (error);

  g_string_append (address, "号");
  json_object_set_string_member (data, "address", address->str);
  g_assert_false (liaison_wire_check_record (record, &error));
  g_assert_error (error, LIAISON_WIRE_ERROR, LIAISON_WIRE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "data.address"));
  g_clear_error (&error);

  json_object_set_int_member (data, "address", 12);
  g_assert_false (liaison_wire_check_record (record, &error));
  g_assert_error (error, LIAISON_WIRE_ERROR, LIAISON_WIRE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "data.address"));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *config = NULL;
  int status;

  /* Keys go to a file in a folder of our own, never a real keyring. */
  config = liaison_test_private_keys ("liaison-sync-config-XXXXXX");

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sync/protocol-helpers", test_protocol_helpers);
  g_test_add_func ("/sync/station-address-wire", test_station_address_wire);
  g_test_add_func ("/sync/json-string-escaping", test_json_string_escaping);
  g_test_add_func ("/sync/malformed-answers", test_malformed_answers);
  g_test_add ("/sync/first-and-incremental", Fixture, NULL, fixture_set_up, test_first_and_incremental, fixture_tear_down);
  g_test_add ("/sync/scope", Fixture, NULL, fixture_set_up, test_scope, fixture_tear_down);
  g_test_add ("/sync/station-address", Fixture, NULL, fixture_set_up, test_station_address, fixture_tear_down);
  g_test_add ("/sync/roster-and-conflicts", Fixture, NULL, fixture_set_up, test_roster_and_conflicts, fixture_tear_down);
  g_test_add ("/sync/replay", Fixture, NULL, fixture_set_up, test_replay, fixture_tear_down);
  g_test_add ("/sync/revoked", Fixture, NULL, fixture_set_up, test_revoked, fixture_tear_down);
  g_test_add ("/sync/cut-connection", Fixture, NULL, fixture_set_up, test_cut_connection, fixture_tear_down);
  g_test_add ("/sync/automatic", Fixture, NULL, fixture_set_up, test_automatic, fixture_tear_down);
  g_test_add ("/sync/tls", Fixture, NULL, fixture_set_up, test_tls, fixture_tear_down);
  g_test_add ("/sync/commands", Fixture, NULL, fixture_set_up, test_commands, fixture_tear_down);

  status = g_test_run ();
  liaison_test_remove_tree (config);
  return status;
}
