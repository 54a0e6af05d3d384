/* test-deputy-pin-sync.c: a deputy's PIN the whole way through a real
 * liaison-hq on loopback (docs/privacy.md, "The deputy's PIN";
 * docs/sync-protocol.md, deputy_pin).
 *
 * 张伟 is 东山联络站's deputy. His PIN, set at 东山's first desk, is his PIN
 * at its second desk after both sync; wrong tries there lock him there
 * only. 西山联络站 never receives it: its file, WAL included, holds no
 * byte of the salt or the hash, in base64, hex or raw. 西山 cannot push a
 * PIN for him. Headquarters resets it: both of 东山's desks ask him for a
 * new one, which the last set wins. A station cannot change a deputy on
 * headquarters' roster, at its desk nor at the server, where the rest of
 * its push goes through; 西山's token may not set 张伟's PIN. */
#define G_LOG_DOMAIN "test-deputy-pin-sync"

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "liaison-ledger.h"
#include "liaison-protocol.h"
#include "liaison-store-deputy-pin.h"
#include "liaison-store-desk.h"
#include "liaison-store-private.h"
#include "liaison-test-hq.h"
#include "liaison-test-util.h"
#include "liaison-token-store.h"

typedef LiaisonTestHq Fixture;
typedef LiaisonTestReplica Replica;

#define EAST "东山联络站"
#define WEST "西山联络站"
#define PIN "246813"

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  liaison_test_hq_init (fixture, "liaison-deputy-pin-sync-XXXXXX");
  liaison_test_hq_start (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  liaison_test_hq_clear (fixture);
}

/* The stations, the roster and three desks: 东山's two and 西山's. */
typedef struct {
  Replica east1;
  Replica east2;
  Replica west;
  char *zhang;
  char *wang;
} Stations;

static void
stations_set_up (Fixture  *fixture,
                 Stations *s)
{
  g_autofree char *csv = g_build_filename (fixture->dir, "deputies.csv", NULL);
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;

  s->east1 = liaison_test_replica_new_synced_station (fixture, "east1.db", EAST);
  s->west = liaison_test_replica_new_synced_station (fixture, "west.db", WEST);
  g_assert_true (g_file_set_contents (csv, "姓名,层级,联络站,电话\n"
                                           "张伟,市," EAST ",13812345678\n"
                                           "王强,市," WEST ",\n", -1, &error));
  g_assert_no_error (error);
  out = liaison_test_hq_run (fixture, "import deputies", csv, NULL);
  liaison_test_replica_sync_clean (&s->east1);
  liaison_test_replica_sync_clean (&s->west);
  s->east2 = liaison_test_replica_new (fixture, "east2.db");
  liaison_test_replica_enroll_station (fixture, &s->east2, EAST);
  liaison_test_replica_sync_clean (&s->east2);
  s->zhang = liaison_test_deputy_uuid (s->east1.store, "张伟");
  s->wang = liaison_test_deputy_uuid (s->west.store, "王强");
}

static void
stations_clear (Stations *s)
{
  liaison_test_replica_clear (&s->east1);
  liaison_test_replica_clear (&s->east2);
  liaison_test_replica_clear (&s->west);
  g_free (s->zhang);
  g_free (s->wang);
}

static char *
hash_of (Replica    *replica,
         const char *deputy)
{
  g_autofree char *sql = g_strdup_printf ("SELECT hash FROM deputy_pins WHERE deputy_uuid = '%s'", deputy);

  return liaison_test_query_text (replica->store, sql);
}

static void
set_pin (Replica    *replica,
         const char *deputy,
         const char *pin)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (liaison_store_set_deputy_pin (replica->store, deputy, pin, &error));
  g_assert_no_error (error);
}

static void
assert_pin (Replica    *replica,
            const char *deputy,
            const char *pin,
            gboolean    right)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = liaison_store_verify_deputy_pin (replica->store, deputy, pin, NULL, &error);

  if (!right)
    g_test_message ("%s: %s", pin, error != NULL ? error->message : "(taken)");
  g_assert_true (ok == right);
  if (right)
    g_assert_no_error (error);
}

/* Whether the bytes of @path (and its WAL) hold @needle of @length. */
static gboolean
file_holds (const char *path,
            const void *needle,
            gsize       length)
{
  const char *suffixes[] = { "", "-wal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);
      g_autofree char *bytes = NULL;
      gsize size = 0;

      if (!g_file_get_contents (name, &bytes, &size, NULL))
        continue;
      if (memmem (bytes, size, needle, length) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* Whether @path holds any of the salt and the hash of @hash
 * (pbkdf2-sha256$ROUNDS$SALT$HASH): as base64, raw or hex. */
static gboolean
file_holds_pin (const char *path,
                const char *hash)
{
  g_auto(GStrv) parts = g_strsplit (hash, "$", -1);

  g_assert_cmpuint (g_strv_length (parts), ==, 4);
  for (guint i = 2; i < 4; i++)
    {
      gsize length = 0;
      g_autofree guchar *raw = g_base64_decode (parts[i], &length);
      g_autoptr(GString) hex = g_string_new (NULL);

      g_assert_cmpuint (length, >=, 16);
      for (gsize j = 0; j < length; j++)
        g_string_append_printf (hex, "%02x", raw[j]);
      if (file_holds (path, parts[i], strlen (parts[i])) || file_holds (path, raw, length) ||
          file_holds (path, hex->str, hex->len))
        return TRUE;
      g_ascii_strup (hex->str, hex->len);
      if (file_holds (path, hex->str, hex->len))
        return TRUE;
    }
  return FALSE;
}

static void
checkpoint (Replica *replica)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (liaison_store_exec (replica->store, "PRAGMA wal_checkpoint(TRUNCATE)", &error));
  g_assert_no_error (error);
}

static void
test_station_desks (Fixture       *fixture,
                    gconstpointer  data)
{
  Stations s = { 0 };
  g_autofree char *hash = NULL;
  g_autofree char *east_uuid = NULL;
  g_autofree char *origin = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *tries_key = NULL;
  g_autofree char *east1_tries = NULL;
  g_autofree char *east2_tries = NULL;
  g_autofree char *west_path = NULL;
  g_autofree char *east2_path = NULL;
  g_autoptr(GError) error = NULL;
  LiaisonSyncCounts counts = { 0 };
  Replica hq;

  stations_set_up (fixture, &s);
  east_uuid = liaison_test_local_station_uuid (s.east1.store);

  /* Set at 东山's first desk: one record to push, to 东山's feed. */
  g_assert_false (liaison_store_deputy_has_pin (s.east2.store, s.zhang));
  set_pin (&s.east1, s.zhang, PIN);
  g_assert_cmpuint (liaison_test_replica_unsynced (&s.east1), ==, 1);
  liaison_test_replica_sync_clean (&s.east1);
  hash = hash_of (&s.east1, s.zhang);
  g_assert_true (g_str_has_prefix (hash, "pbkdf2-sha256$"));
  sql = g_strdup_printf ("SELECT origin_station FROM records WHERE kind = 'deputy_pin'"
                         " AND json_extract (data, '$.deputy') = '%s'", s.zhang);
  origin = liaison_test_hq_text (fixture, sql);
  g_assert_cmpstr (origin, ==, east_uuid);

  /* 东山's second desk: his PIN there too, and only the right one. */
  liaison_test_replica_sync_clean (&s.east2);
  g_assert_true (liaison_store_deputy_has_pin (s.east2.store, s.zhang));
  assert_pin (&s.east2, s.zhang, "135790", FALSE);
  assert_pin (&s.east2, s.zhang, "135791", FALSE);
  assert_pin (&s.east2, s.zhang, PIN, TRUE);
  g_assert_true (liaison_store_deputy_is_verified (s.east2.store, s.zhang));
  /* The wrong tries are each desk's: counted at the second, never synced. */
  assert_pin (&s.east2, s.zhang, "135792", FALSE);
  liaison_test_replica_sync_clean (&s.east2);
  liaison_test_replica_sync_clean (&s.east1);
  tries_key = g_strconcat ("pin-tries-", s.zhang, NULL);
  east1_tries = liaison_store_get_setting (s.east1.store, tries_key);
  east2_tries = liaison_store_get_setting (s.east2.store, tries_key);
  g_assert_null (east1_tries);
  g_assert_cmpstr (east2_tries, ==, "1");
  g_assert_cmpuint (liaison_test_replica_unsynced (&s.east2), ==, 0);

  /* Headquarters' desk holds it. */
  hq = liaison_test_replica_new (fixture, "hq.db");
  liaison_test_replica_enroll_hq (fixture, &hq, "代表工委");
  liaison_test_replica_sync_clean (&hq);
  {
    g_autofree char *hq_hash = hash_of (&hq, s.zhang);

    g_assert_cmpstr (hq_hash, ==, hash);
  }

  /* 西山 never receives it: not a byte of the salt or the hash, which
   * 东山's second desk's file holds (the grep finds it where it is). */
  liaison_test_replica_sync_clean (&s.west);
  g_assert_cmpint (liaison_test_count_rows (s.west.store, "deputy_pins"), ==, 0);
  checkpoint (&s.west);
  checkpoint (&s.east2);
  west_path = g_strdup (liaison_store_get_path (s.west.store));
  east2_path = g_strdup (liaison_store_get_path (s.east2.store));
  g_assert_true (file_holds_pin (east2_path, hash));
  g_assert_false (file_holds_pin (west_path, hash));
  liaison_test_replica_clear (&s.west);
  g_assert_false (file_holds_pin (west_path, hash));
  s.west = liaison_test_replica_new (fixture, "west.db");

  /* A PIN set for him at 西山 stays there; pushed anyway, refused. */
  set_pin (&s.west, s.zhang, "975310");
  g_assert_cmpuint (liaison_test_replica_unsynced (&s.west), ==, 0);
  g_assert_true (liaison_store_exec (s.west.store, "UPDATE deputy_pins SET sync_state = 1", &error));
  g_assert_no_error (error);
  g_assert_true (liaison_test_sync (s.west.engine, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.rejected, ==, 1);
  {
    g_autofree char *refusal = liaison_test_query_text (s.west.store, "SELECT sync_error FROM deputy_pins");

    g_test_message ("refused: %s", refusal);
    g_assert_nonnull (strstr (refusal, "another station"));
  }
  liaison_test_replica_sync_clean (&s.east1);
  assert_pin (&s.east1, s.zhang, PIN, TRUE);

  liaison_test_replica_clear (&hq);
  stations_clear (&s);
}

static void
test_hq_reset (Fixture       *fixture,
               gconstpointer  data)
{
  Stations s = { 0 };
  Replica hq;
  g_autoptr(GError) error = NULL;
  g_autofree char *set_at = NULL;
  g_autofree char *reset_by = NULL;
  gboolean has_hash = TRUE;

  stations_set_up (fixture, &s);
  hq = liaison_test_replica_new (fixture, "hq.db");
  liaison_test_replica_enroll_hq (fixture, &hq, "代表工委");
  set_pin (&s.east1, s.zhang, PIN);
  liaison_test_replica_sync_clean (&s.east1);
  liaison_test_replica_sync_clean (&s.east2);
  liaison_test_replica_sync_clean (&hq);

  /* Only headquarters resets. */
  g_assert_false (liaison_store_reset_deputy_pin (s.east1.store, s.zhang, &error));
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_true (liaison_store_set_desk_actor (hq.store, "hq", "陈静", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (liaison_store_reset_deputy_pin (hq.store, s.zhang, &error));
  g_assert_no_error (error);
  g_assert_false (liaison_store_deputy_has_pin (hq.store, s.zhang));
  g_assert_false (liaison_store_reset_deputy_pin (hq.store, s.zhang, &error));
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID);
  g_clear_error (&error);
  liaison_test_replica_sync_clean (&hq);

  /* Both of 东山's desks: no PIN, who reset it and when; he sets one. */
  liaison_test_replica_sync_clean (&s.east1);
  liaison_test_replica_sync_clean (&s.east2);
  g_assert_false (liaison_store_deputy_has_pin (s.east1.store, s.zhang));
  g_assert_false (liaison_store_deputy_has_pin (s.east2.store, s.zhang));
  g_assert_true (liaison_store_get_deputy_pin_record (s.east2.store, s.zhang, &has_hash, &set_at, &reset_by));
  g_assert_false (has_hash);
  g_assert_cmpstr (reset_by, ==, "陈静");
  g_assert_true (g_str_has_suffix (set_at, "Z"));
  g_assert_false (liaison_store_verify_deputy_pin (s.east1.store, s.zhang, PIN, NULL, &error));
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Both desks, offline: the PIN set last wins, at both. */
  set_pin (&s.east1, s.zhang, "111111");
  g_usleep (1100 * 1000);
  set_pin (&s.east2, s.zhang, "222222");
  liaison_test_replica_sync_clean (&s.east1);
  {
    LiaisonSyncCounts counts = liaison_test_sync_ok (s.east2.engine);

    g_assert_cmpuint (counts.conflicts, ==, 1);
  }
  liaison_test_replica_sync_clean (&s.east2);
  liaison_test_replica_sync_clean (&s.east1);
  assert_pin (&s.east1, s.zhang, "111111", FALSE);
  assert_pin (&s.east1, s.zhang, "222222", TRUE);
  assert_pin (&s.east2, s.zhang, "222222", TRUE);
  liaison_test_replica_sync_clean (&hq);
  g_assert_true (liaison_store_deputy_has_pin (hq.store, s.zhang));

  liaison_test_replica_clear (&hq);
  stations_clear (&s);
}

/* Pushes @records (JSON texts, joined) with @replica's own token. */
static JsonArray *
push_as (Fixture    *fixture,
         Replica    *replica,
         const char *records)
{
  g_autofree char *server_id = liaison_store_get_server_id (replica->store);
  g_autofree char *token = liaison_token_store_load (server_id, liaison_store_get_path (replica->store), NULL);
  g_autofree char *body = g_strdup_printf ("{\"protocol\": 1, \"records\": [%s]}", records);
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  guint status = 0;

  answer = liaison_test_hq_send (fixture, session, "POST", "/v1/push", token, FALSE, "application/json",
                                 body, strlen (body), NULL, &status, NULL);
  g_assert_cmpuint (status, ==, 200);
  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (answer, NULL),
                                             g_bytes_get_size (answer), &error));
  g_assert_no_error (error);
  return json_array_ref (json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                                       "results"));
}

static void
test_hq_owned_deputy (Fixture       *fixture,
                      gconstpointer  data)
{
  Stations s = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonDeputy) zhang = NULL;
  g_autoptr(LiaisonDeputy) again = NULL;
  g_autoptr(LiaisonDeputy) own = liaison_deputy_new ();
  g_autoptr(JsonArray) results = NULL;
  g_autofree char *east_uuid = NULL;
  g_autofree char *version = NULL;
  g_autofree char *records = NULL;
  g_autofree char *pin_uuid = NULL;
  g_autofree char *server_phone = NULL;
  g_autofree char *sql = NULL;
  gint64 id;

  stations_set_up (fixture, &s);
  east_uuid = liaison_test_local_station_uuid (s.east1.store);
  id = liaison_test_query_int (s.east1.store, "SELECT id FROM deputies WHERE name = '张伟'");
  g_assert_true (liaison_store_deputy_is_hq_owned (s.east1.store, id));

  /* At the station's desk: a change refused, nothing written; the same
   * deputy saved unchanged passes (an import of the same roster). */
  zhang = liaison_store_get_deputy (s.east1.store, id, &error);
  g_assert_no_error (error);
  g_free (zhang->phone);
  zhang->phone = g_strdup ("13900001111");
  g_assert_false (liaison_store_save_deputy (s.east1.store, zhang, &error));
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_READ_ONLY);
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  again = liaison_store_get_deputy (s.east1.store, id, &error);
  g_assert_cmpstr (again->phone, ==, "13812345678");
  g_assert_true (liaison_store_save_deputy (s.east1.store, again, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (liaison_test_replica_unsynced (&s.east1), ==, 0);
  /* Nor through a roster import (liaison import --roster): nothing of it
   * is written; the same roster row unchanged passes. */
  {
    g_autofree char *csv = g_build_filename (fixture->dir, "east-roster.csv", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (csv);
    g_autoptr(LiaisonDeputy) after = NULL;
    guint n = 0;

    g_assert_true (g_file_set_contents (csv, "姓名,层级,电话\n张伟,市,13900001111\n", -1, &error));
    g_assert_no_error (error);
    g_assert_false (liaison_ledger_import_deputies (s.east1.store, file, &n, &error));
    g_test_message ("%s", error->message);
    g_assert_nonnull (strstr (error->message, "only headquarters can change this deputy"));
    g_clear_error (&error);
    after = liaison_store_get_deputy (s.east1.store, id, &error);
    g_assert_cmpstr (after->phone, ==, "13812345678");
    g_assert_true (g_file_set_contents (csv, "姓名,层级,电话\n张伟,市,13812345678\n", -1, &error));
    g_assert_true (liaison_ledger_import_deputies (s.east1.store, file, &n, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (liaison_test_replica_unsynced (&s.east1), ==, 0);
  }
  /* The station's own deputy stays its own to edit. */
  own->name = g_strdup ("赵敏");
  own->level = LIAISON_DEPUTY_LEVEL_TOWNSHIP;
  g_assert_true (liaison_store_save_deputy (s.east1.store, own, &error));
  g_assert_no_error (error);
  g_assert_false (liaison_store_deputy_is_hq_owned (s.east1.store, own->meta.id));
  g_free (own->phone);
  own->phone = g_strdup ("13900002222");
  g_assert_true (liaison_store_save_deputy (s.east1.store, own, &error));
  g_assert_no_error (error);

  /* At the server: a station's push that changes him is refused; his
   * PIN in the same push goes through. */
  sql = g_strdup_printf ("SELECT version FROM records WHERE kind = 'deputy' AND uuid = '%s'", s.zhang);
  version = liaison_test_hq_text (fixture, sql);
  set_pin (&s.east1, s.zhang, PIN);
  pin_uuid = liaison_test_query_text (s.east1.store, "SELECT uuid FROM deputy_pins");
  {
    g_autofree char *hash = hash_of (&s.east1, s.zhang);

    records = g_strdup_printf (
      "{\"kind\": \"deputy\", \"uuid\": \"%s\", \"version\": %d, \"base_version\": %s,"
      " \"updated_at\": \"2026-01-05T01:00:00Z\", \"origin_station\": null, \"deleted\": false,"
      " \"data\": {\"name\": \"张伟\", \"level\": \"city\", \"group\": null, \"station\": \"%s\","
      " \"specialty\": \"\", \"phone\": \"13900001111\"}},"
      "{\"kind\": \"deputy_pin\", \"uuid\": \"%s\", \"version\": 1, \"base_version\": 0,"
      " \"updated_at\": \"2026-01-05T01:00:00Z\", \"origin_station\": \"%s\", \"deleted\": false,"
      " \"data\": {\"deputy\": \"%s\", \"station\": \"%s\", \"hash\": \"%s\","
      " \"set_at\": \"2026-01-05T01:00:00Z\", \"reset_by\": null}}",
      s.zhang, (int) g_ascii_strtoll (version, NULL, 10) + 1, version, east_uuid,
      pin_uuid, east_uuid, s.zhang, east_uuid, hash);
  }
  /* 西山's token may not set his PIN, first as it would be. */
  {
    g_autofree char *hash = hash_of (&s.east1, s.zhang);
    g_autofree char *west_pin = g_strdup_printf (
      "{\"kind\": \"deputy_pin\", \"uuid\": \"%s\", \"version\": 1, \"base_version\": 0,"
      " \"updated_at\": \"2026-01-05T01:00:00Z\", \"origin_station\": null, \"deleted\": false,"
      " \"data\": {\"deputy\": \"%s\", \"station\": \"%s\", \"hash\": \"%s\","
      " \"set_at\": \"2026-01-05T01:00:00Z\", \"reset_by\": null}}",
      pin_uuid, s.zhang, east_uuid, hash);
    g_autoptr(JsonArray) refused = push_as (fixture, &s.west, west_pin);
    JsonObject *result = json_array_get_object_element (refused, 0);

    g_test_message ("西山: %s", json_object_get_string_member_with_default (result, "reason", ""));
    g_assert_cmpstr (json_object_get_string_member (result, "status"), ==, LIAISON_PUSH_REJECTED);
    g_assert_cmpstr (json_object_get_string_member (result, "code"), ==, "not_your_station");
  }
  results = push_as (fixture, &s.east1, records);
  g_assert_cmpuint (json_array_get_length (results), ==, 2);
  {
    JsonObject *deputy = json_array_get_object_element (results, 0);
    JsonObject *pin = json_array_get_object_element (results, 1);

    g_test_message ("deputy: %s %s", json_object_get_string_member (deputy, "status"),
                    json_object_get_string_member_with_default (deputy, "reason", ""));
    g_assert_cmpstr (json_object_get_string_member (deputy, "status"), ==, LIAISON_PUSH_REJECTED);
    g_assert_cmpstr (json_object_get_string_member (deputy, "code"), ==, "read_only");
    g_assert_cmpstr (json_object_get_string_member (deputy, "reason"), ==,
                     "Headquarters owns the roster: a station may not change a deputy.");
    g_assert_cmpstr (json_object_get_string_member (pin, "status"), ==, LIAISON_PUSH_APPLIED);
  }
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT json_extract (data, '$.phone') FROM records WHERE kind = 'deputy'"
                         " AND uuid = '%s'", s.zhang);
  server_phone = liaison_test_hq_text (fixture, sql);
  g_assert_cmpstr (server_phone, ==, "13812345678");

  stations_clear (&s);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/deputy-pin-sync/station-desks", Fixture, NULL, fixture_set_up,
              test_station_desks, fixture_tear_down);
  g_test_add ("/deputy-pin-sync/hq-reset", Fixture, NULL, fixture_set_up,
              test_hq_reset, fixture_tear_down);
  g_test_add ("/deputy-pin-sync/hq-owned-deputy", Fixture, NULL, fixture_set_up,
              test_hq_owned_deputy, fixture_tear_down);
  return g_test_run ();
}
