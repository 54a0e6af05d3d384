/* test-hq-contacts.c: headquarters sees a visitor's contact only with a
 * logged reason (issue 13, section 3; docs/privacy.md, "Headquarters and
 * contacts"), against a real liaison-hq on loopback.
 *
 * 南山联络站 records a reception: 王秀兰 (13912345678, may be contacted)
 * and 陈建国 (13812345678, may not), and syncs. The server keeps both
 * numbers in full. Headquarters' desk pulls them masked: its database
 * file and its WAL hold neither number, byte for byte. A station's own
 * pull is unchanged. Headquarters pushing a masked copy back is refused
 * and the server keeps the numbers.
 *
 * POST /v1/contact-requests: refused with no token (401), a station's
 * token (403), bad JSON (400), an unknown reception (404) and a blank
 * reason (400), nothing logged; with a reason, 王秀兰's number in full and
 * 陈建国's masked, logged at the server as hq_contact_look, which reaches
 * headquarters' desk and `liaison-hq audit`'s CSV. The desk's own request
 * (the sync engine) gets the number into memory and never into its file;
 * offline, it says so.
 */
#define G_LOG_DOMAIN "test-hq-contacts"

#include "config.h"

#include <string.h>

#include "liaison-access-kind.h"
#include "liaison-csv.h"
#include "liaison-print-form.h"
#include "liaison-store-access-log.h"
#include "liaison-store-desk.h"
#include "liaison-test-hq-enrolled.h"
#include "liaison-test-pdf.h"
#include "liaison-test-util.h"

#define WANG_PHONE "13912345678"
#define WANG_MASKED "139****5678"
#define CHEN_PHONE "13812345678"
#define CHEN_MASKED "138****5678"
#define REASON "核实王秀兰反映的路灯问题办理情况"

typedef struct {
  LiaisonTestHqEnrolled enrolled;
  LiaisonTestReplica    south;       /* 南山联络站's desk */
  char                 *reception;   /* its reception's uuid */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(LiaisonReception) reception = liaison_reception_new ();
  g_autoptr(GError) error = NULL;
  LiaisonVisitor *chen;
  gint64 deputy_id;

  liaison_test_hq_enrolled_set_up (&fixture->enrolled, "liaison-hq-contacts-XXXXXX");
  liaison_test_hq_import_roster (&fixture->enrolled.hq);
  fixture->south = liaison_test_replica_new_synced_station (&fixture->enrolled.hq, "south.db", "南山联络站");

  deputy_id = liaison_store_find_deputy (fixture->south.store, "张伟");
  g_assert_cmpint (deputy_id, >, 0);
  reception->received_at = g_strdup ("2025-03-05 09:30");
  reception->channel = LIAISON_CHANNEL_WALK_IN;
  reception->category_id = liaison_store_find_category (fixture->south.store, "urban_construction");
  reception->summary = g_strdup ("小区路灯不亮");
  g_array_append_val (reception->deputy_ids, deputy_id);
  g_ptr_array_add (reception->visitors, liaison_test_make_visitor ("王秀兰", WANG_PHONE, "翠竹园社区"));
  chen = liaison_test_make_visitor ("陈建国", CHEN_PHONE, "翠竹园社区");
  chen->consent = FALSE;
  g_ptr_array_add (reception->visitors, chen);
  g_assert_true (liaison_store_save_reception (fixture->south.store, reception, &error));
  g_assert_no_error (error);
  fixture->reception = g_strdup (reception->meta.uuid);
  liaison_test_sync_ok (fixture->south.engine);
  g_assert_cmpuint (liaison_test_replica_unsynced (&fixture->south), ==, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  liaison_test_replica_clear (&fixture->south);
  liaison_test_hq_enrolled_clear (&fixture->enrolled);
  g_free (fixture->reception);
}

static char *
server_reception (Fixture *fixture)
{
  g_autofree char *sql = g_strdup_printf ("SELECT data FROM records WHERE kind = 'reception' AND uuid = '%s'",
                                          fixture->reception);

  return liaison_test_hq_text (&fixture->enrolled.hq, sql);
}

static char *
server_access_count (Fixture *fixture)
{
  return liaison_test_hq_text (&fixture->enrolled.hq, "SELECT count(*) FROM records WHERE kind = 'access_log'");
}

/* Whether @needle is anywhere in the bytes of the file @path (a missing
 * file holds nothing). */
static gboolean
file_holds (const char *path,
            const char *needle)
{
  g_autofree char *bytes = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &bytes, &length, NULL))
    return FALSE;
  return memmem (bytes, length, needle, strlen (needle)) != NULL;
}

/* Neither full number in @store's file nor its WAL, byte for byte. */
static void
assert_file_holds_no_number (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  const char *numbers[] = { WANG_PHONE, CHEN_PHONE };

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      g_assert_false (file_holds (path, numbers[i]));
      g_assert_false (file_holds (wal, numbers[i]));
    }
}

static GBytes *
send (Fixture    *fixture,
      const char *method,
      const char *path,
      const char *token,
      const char *body,
      guint      *status)
{
  return liaison_test_hq_send (&fixture->enrolled.hq, fixture->enrolled.session, method, path, token, FALSE,
                               body != NULL ? "application/json" : NULL, body, body != NULL ? strlen (body) : 0,
                               NULL, status, NULL);
}

static char *
bytes_text (GBytes *bytes)
{
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);

  return g_strndup (data, length);
}

/* A contact request with @token and @body: its status, and its answer's
 * error code ("" for none). */
static guint
ask (Fixture     *fixture,
     const char  *token,
     const char  *body,
     char       **answer)
{
  guint status = 0;
  g_autoptr(GBytes) bytes = send (fixture, "POST", "/v1/contact-requests", token, body, &status);

  *answer = bytes_text (bytes);
  g_test_message ("%u %s", status, *answer);
  return status;
}

static char *
request_body (const char *uuid,
              const char *reason)
{
  return g_strdup_printf ("{\"protocol\": 1, \"reception\": \"%s\", \"reason\": \"%s\"}", uuid, reason);
}

static void
test_desk_holds_no_number (Fixture       *fixture,
                           gconstpointer  data)
{
  LiaisonTestReplica hq = liaison_test_replica_new (&fixture->enrolled.hq, "hq-desk.db");
  g_autofree char *path = g_strdup (liaison_store_get_path (hq.store));
  g_autofree char *stored = server_reception (fixture);
  g_autofree char *after = NULL;
  g_autofree char *hq_pull = NULL;
  g_autofree char *east_pull = NULL;
  g_autofree char *east_uuid = g_uuid_string_random ();
  g_autofree char *east_record = NULL;
  g_autofree char *east_push = NULL;
  g_autofree char *answer = NULL;
  g_autofree char *push = NULL;
  g_autofree char *south_uuid = liaison_test_local_station_uuid (fixture->south.store);
  g_autoptr(GBytes) bytes = NULL;
  guint status = 0;

  /* The server keeps the city's record, in full. */
  g_assert_nonnull (strstr (stored, WANG_PHONE));
  g_assert_nonnull (strstr (stored, CHEN_PHONE));

  /* Headquarters' desk pulls them masked: not a byte of either number in
   * its file or its WAL, open or closed. */
  liaison_test_replica_enroll_hq (&fixture->enrolled.hq, &hq, "办公室");
  liaison_test_sync_ok (hq.engine);
  assert_file_holds_no_number (path);
  g_assert_cmpint (liaison_test_query_int (hq.store, "SELECT count(*) FROM reception_visitors WHERE phone = '" WANG_MASKED "'"), ==, 1);
  g_assert_cmpint (liaison_test_query_int (hq.store, "SELECT count(*) FROM reception_visitors WHERE phone = '" CHEN_MASKED "'"), ==, 1);
  liaison_test_replica_clear (&hq);
  assert_file_holds_no_number (path);

  /* The pull itself, as any headquarters token gets it. */
  bytes = send (fixture, "GET", "/v1/pull?since=0", fixture->enrolled.token_hq, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  hq_pull = bytes_text (bytes);
  g_assert_null (strstr (hq_pull, WANG_PHONE));
  g_assert_null (strstr (hq_pull, CHEN_PHONE));
  g_assert_nonnull (strstr (hq_pull, WANG_MASKED));
  g_clear_pointer (&bytes, g_bytes_unref);

  /* A station's own pull is unchanged: 东山's reception comes back to
   * 东山 in full. */
  east_record = g_strdup_printf ("{\"kind\": \"reception\", \"uuid\": \"%s\", \"version\": 1, \"base_version\": 0,"
                                 " \"updated_at\": \"2025-03-05T01:30:00Z\", \"deleted\": false, \"data\":"
                                 " {\"received_at\": \"2025-03-05 09:30\", \"station\": \"%s\", \"channel\": \"walk_in\","
                                 " \"category\": \"6c1a7e00-0000-4000-8000-000000000001\", \"summary\": \"东山的来访\", \"handled_on_spot\": false,"
                                 " \"handling\": \"\", \"deputies\": [], \"visitors\": [{\"name\": \"李梅\","
                                 " \"phone\": \"13700001111\", \"community\": \"\", \"party_size\": 1, \"consent\": true}]}}",
                                 east_uuid, fixture->enrolled.station_a);
  east_push = g_strdup_printf ("{\"protocol\": 1, \"records\": [%s]}", east_record);
  bytes = send (fixture, "POST", "/v1/push", fixture->enrolled.token_a, east_push, &status);
  g_assert_cmpuint (status, ==, 200);
  answer = bytes_text (bytes);
  g_test_message ("%s", answer);
  g_assert_nonnull (strstr (answer, "\"applied\""));
  g_clear_pointer (&bytes, g_bytes_unref);
  g_clear_pointer (&answer, g_free);
  bytes = send (fixture, "GET", "/v1/pull?since=0", fixture->enrolled.token_a, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  east_pull = bytes_text (bytes);
  g_assert_nonnull (strstr (east_pull, "13700001111"));
  g_clear_pointer (&bytes, g_bytes_unref);

  /* Headquarters pushing the masked copy back, as the next version: refused,
   * and the server keeps the numbers. */
  push = g_strdup_printf ("{\"protocol\": 1, \"records\": [{\"kind\": \"reception\", \"uuid\": \"%s\", \"version\": 2,"
                          " \"base_version\": 1, \"updated_at\": \"2025-03-06T01:30:00Z\", \"deleted\": false, \"data\":"
                          " {\"received_at\": \"2025-03-05 09:30\", \"station\": \"%s\", \"channel\": \"walk_in\","
                          " \"category\": \"6c1a7e00-0000-4000-8000-000000000001\", \"summary\": \"小区路灯不亮\", \"handled_on_spot\": false,"
                          " \"handling\": \"\", \"deputies\": [], \"visitors\": [{\"name\": \"王秀兰\","
                          " \"phone\": \"" WANG_MASKED "\", \"community\": \"翠竹园社区\", \"party_size\": 1, \"consent\": true}]}}]}",
                          fixture->reception, south_uuid);
  bytes = send (fixture, "POST", "/v1/push", fixture->enrolled.token_hq, push, &status);
  g_assert_cmpuint (status, ==, 200);
  answer = bytes_text (bytes);
  g_test_message ("%s", answer);
  g_assert_nonnull (strstr (answer, "\"rejected\""));
  g_assert_nonnull (strstr (answer, "\"read_only\""));
  after = server_reception (fixture);
  g_assert_cmpstr (after, ==, stored);
}

/* A headquarters desk from before liaison-hq masked phones held them in
 * full: opened now, it masks them once, and the numbers leave its file
 * and its WAL. */
static void
test_older_desk (Fixture       *fixture,
                 gconstpointer  data)
{
  LiaisonTestReplica hq = liaison_test_replica_new (&fixture->enrolled.hq, "hq-desk.db");
  g_autofree char *path = g_strdup (liaison_store_get_path (hq.store));
  g_autoptr(GError) error = NULL;

  liaison_test_replica_enroll_hq (&fixture->enrolled.hq, &hq, "办公室");
  liaison_test_sync_ok (hq.engine);
  /* The file as an older desk left it. */
  g_assert_true (liaison_store_exec (hq.store, "UPDATE reception_visitors SET phone = CASE name"
                                               " WHEN '王秀兰' THEN '" WANG_PHONE "' ELSE '" CHEN_PHONE "' END;"
                                               " DELETE FROM settings WHERE key = 'hq_phones_masked'", &error));
  g_assert_no_error (error);
  liaison_test_replica_clear (&hq);
  g_assert_true (file_holds (path, WANG_PHONE));

  hq = liaison_test_replica_new (&fixture->enrolled.hq, "hq-desk.db");
  assert_file_holds_no_number (path);
  g_assert_cmpint (liaison_test_query_int (hq.store, "SELECT count(*) FROM reception_visitors WHERE phone = '" WANG_MASKED "'"), ==, 1);
  g_assert_cmpint (liaison_test_query_int (hq.store, "SELECT count(*) FROM reception_visitors WHERE phone = '" CHEN_MASKED "'"), ==, 1);
  /* The last four digits still find her, as at any desk. */
  g_assert_cmpint (liaison_test_query_int (hq.store, "SELECT count(*) FROM receptions WHERE search_phones LIKE '%5678%'"), ==, 1);
  liaison_test_replica_clear (&hq);
  assert_file_holds_no_number (path);
}

static void
assert_visitors (GPtrArray *visitors)
{
  const LiaisonVisitor *wang;
  const LiaisonVisitor *chen;

  g_assert_nonnull (visitors);
  g_assert_cmpuint (visitors->len, ==, 2);
  wang = g_ptr_array_index (visitors, 0);
  chen = g_ptr_array_index (visitors, 1);
  g_assert_cmpstr (wang->name, ==, "王秀兰");
  g_assert_cmpstr (wang->phone, ==, WANG_PHONE);
  g_assert_true (wang->consent);
  /* One who did not agree to be contacted stays masked. */
  g_assert_cmpstr (chen->name, ==, "陈建国");
  g_assert_cmpstr (chen->phone, ==, CHEN_MASKED);
  g_assert_false (chen->consent);
}

/* The registration form of @uuid printed at @replica as
 * ui/shell/liaison-window-print.c prints it: the text of the PDF. */
static char *
printed_form (Fixture            *fixture,
              LiaisonTestReplica *replica,
              const char         *name)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM receptions WHERE uuid = '%s'", fixture->reception);
  g_autofree char *pdf_path = g_build_filename (fixture->enrolled.hq.dir, name, NULL);
  g_autoptr(LiaisonReception) reception = NULL;
  g_autoptr(LiaisonPdf) pdf = NULL;
  g_autoptr(GError) error = NULL;
  LiaisonPrivacyView view = LIAISON_PRIVACY_MASKED;

  reception = liaison_store_get_reception (replica->store, liaison_test_query_int (replica->store, sql), &error);
  g_assert_no_error (error);
  if (liaison_sync_engine_fill_shown_contacts (replica->engine, reception))
    view = LIAISON_PRIVACY_WITH_CONTACTS;
  pdf = liaison_print_form_new (reception, view);
  g_assert_true (liaison_pdf_write (pdf, pdf_path, &error));
  g_assert_no_error (error);
  return liaison_test_pdf_text (pdf_path);
}

/* Printed at headquarters: masked unless asked for this session, then
 * the consenting visitor's number in full and the other still masked. */
static void
assert_printed (Fixture            *fixture,
                LiaisonTestReplica *asked)
{
  LiaisonTestReplica other = liaison_test_replica_new (&fixture->enrolled.hq, "hq-desk.db");
  g_autofree char *masked = printed_form (fixture, &other, "masked.pdf");
  g_autofree char *full = printed_form (fixture, asked, "asked.pdf");

  g_assert_null (strstr (masked, WANG_PHONE));
  g_assert_nonnull (strstr (masked, WANG_MASKED));
  g_assert_nonnull (strstr (full, WANG_PHONE));
  g_assert_null (strstr (full, CHEN_PHONE));
  g_assert_nonnull (strstr (full, CHEN_MASKED));
  liaison_test_replica_clear (&other);
}

static void
test_request (Fixture       *fixture,
              gconstpointer  data)
{
  LiaisonTestReplica hq = liaison_test_replica_new (&fixture->enrolled.hq, "hq-desk.db");
  g_autofree char *path = g_strdup (liaison_store_get_path (hq.store));
  g_autofree char *good = request_body (fixture->reception, REASON);
  g_autofree char *blank = request_body (fixture->reception, " \u3000 ");
  g_autofree char *unknown_uuid = g_uuid_string_random ();
  g_autofree char *unknown = request_body (unknown_uuid, REASON);
  g_autofree char *answer = NULL;
  g_autofree char *csv = g_build_filename (fixture->enrolled.hq.dir, "audit.csv", NULL);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) visitors = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *given;

  /* Refused: no token, a station's, bad JSON, an unknown reception, a
   * blank reason. Nothing logged. */
  g_assert_cmpuint (ask (fixture, NULL, good, &answer), ==, 401);
  g_assert_nonnull (strstr (answer, "no_token"));
  g_clear_pointer (&answer, g_free);
  g_assert_cmpuint (ask (fixture, fixture->enrolled.token_a, good, &answer), ==, 403);
  g_assert_nonnull (strstr (answer, "forbidden"));
  g_assert_null (strstr (answer, WANG_PHONE));
  g_clear_pointer (&answer, g_free);
  g_assert_cmpuint (ask (fixture, fixture->enrolled.token_hq, "{\"protocol\": 1, \"reception\":", &answer), ==, 400);
  g_assert_nonnull (strstr (answer, "bad_json"));
  g_clear_pointer (&answer, g_free);
  g_assert_cmpuint (ask (fixture, fixture->enrolled.token_hq, "{\"protocol\": 1, \"reason\": \"x\"}", &answer), ==, 400);
  g_clear_pointer (&answer, g_free);
  g_assert_cmpuint (ask (fixture, fixture->enrolled.token_hq, unknown, &answer), ==, 404);
  g_assert_nonnull (strstr (answer, "not_found"));
  g_clear_pointer (&answer, g_free);
  g_assert_cmpuint (ask (fixture, fixture->enrolled.token_hq, blank, &answer), ==, 400);
  g_assert_nonnull (strstr (answer, "reason"));
  g_assert_null (strstr (answer, WANG_PHONE));
  g_clear_pointer (&answer, g_free);
  {
    g_autofree char *count = server_access_count (fixture);

    g_assert_cmpstr (count, ==, "0");
  }

  /* With a reason: the number, and the log at the server first. */
  g_assert_cmpuint (ask (fixture, fixture->enrolled.token_hq, good, &answer), ==, 200);
  root = json_from_string (answer, NULL);
  g_assert_nonnull (root);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (root), "reception"), ==, fixture->reception);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (root), "n_contacts"), ==, 1);
  given = json_object_get_array_member (json_node_get_object (root), "visitors");
  g_assert_cmpuint (json_array_get_length (given), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (given, 0), "phone"), ==, WANG_PHONE);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (given, 1), "phone"), ==, CHEN_MASKED);
  {
    g_autofree char *count = server_access_count (fixture);
    g_autofree char *kind = liaison_test_hq_text (&fixture->enrolled.hq,
                                                  "SELECT json_extract (data, '$.kind') || '|' ||"
                                                  " json_extract (data, '$.role') || '|' || json_extract (data, '$.actor') || '|' ||"
                                                  " json_extract (data, '$.n_contacts') || '|' || json_extract (data, '$.reason') || '|' ||"
                                                  " coalesce (origin_station, 'none') FROM records WHERE kind = 'access_log'");
    g_autofree char *what = liaison_test_hq_text (&fixture->enrolled.hq, "SELECT json_extract (data, '$.what') FROM records WHERE kind = 'access_log'");

    g_assert_cmpstr (count, ==, "1");
    g_assert_cmpstr (kind, ==, "hq_contact_look|hq|代表工委|1|" REASON "|none");
    g_assert_cmpstr (what, ==, fixture->reception);
  }

  /* The desk's own request: the number in memory, the entry pulled, and
   * neither number in its file. */
  liaison_test_replica_enroll_hq (&fixture->enrolled.hq, &hq, "办公室");
  g_assert_true (liaison_store_set_desk_actor (hq.store, "hq", "陈静", NULL, &error));
  g_assert_no_error (error);
  liaison_test_sync_ok (hq.engine);
  visitors = liaison_test_request_contacts (&hq, fixture->reception, REASON, &error);
  g_assert_no_error (error);
  assert_visitors (visitors);
  assert_visitors (liaison_sync_engine_get_shown_contacts (hq.engine, fixture->reception));
  liaison_test_sync_ok (hq.engine);
  g_assert_cmpint (liaison_test_query_int (hq.store, "SELECT count(*) FROM access_log WHERE kind = 'hq_contact_look'"
                                                     " AND actor_name = '陈静' AND n_contacts = 1"), ==, 1);
  g_assert_cmpint (liaison_test_query_int (hq.store, "SELECT count(*) FROM access_log"), ==, 2);
  assert_file_holds_no_number (path);
  assert_printed (fixture, &hq);

  /* A blank reason at the desk: refused before anything is sent. */
  g_clear_pointer (&visitors, g_ptr_array_unref);
  visitors = liaison_test_request_contacts (&hq, fixture->reception, "　", &error);
  g_assert_null (visitors);
  g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
  g_test_message ("blank: %s", error->message);
  g_clear_error (&error);

  /* A station's desk may not ask. */
  visitors = liaison_test_request_contacts (&fixture->south, fixture->reception, REASON, &error);
  g_assert_null (visitors);
  g_assert_error (error, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_NOT_ENROLLED);
  g_clear_error (&error);

  /* Both headquarters' entries in `liaison-hq audit`'s CSV. */
  g_free (liaison_test_hq_run (&fixture->enrolled.hq, "audit", csv, NULL));
  rows = liaison_test_hq_read_csv (csv);
  g_assert_cmpuint (rows->len, ==, 3);
  for (guint r = 1; r < rows->len; r++)
    {
      g_assert_cmpstr (liaison_test_csv_cell (rows, r, 1), ==, liaison_access_kind_label (LIAISON_ACCESS_HQ_CONTACT_LOOK));
      g_assert_cmpstr (liaison_test_csv_cell (rows, r, 4), ==, "hq");
      g_assert_cmpstr (liaison_test_csv_cell (rows, r, 6), ==, fixture->reception);
      g_assert_cmpstr (liaison_test_csv_cell (rows, r, 7), ==, "1");
      g_assert_cmpstr (liaison_test_csv_cell (rows, r, 8), ==, REASON);
    }
  g_assert_cmpstr (liaison_test_csv_cell (rows, 2, 5), ==, "陈静");

  /* Offline: said, nothing shown, nothing logged. */
  liaison_test_hq_stop (&fixture->enrolled.hq);
  visitors = liaison_test_request_contacts (&hq, fixture->reception, REASON, &error);
  g_assert_null (visitors);
  g_assert_error (error, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_NETWORK);
  g_test_message ("offline: %s", error->message);
  g_clear_error (&error);
  {
    g_autofree char *count = server_access_count (fixture);

    g_assert_cmpstr (count, ==, "2");
  }

  liaison_test_replica_clear (&hq);
  assert_file_holds_no_number (path);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/hq-contacts/desk-holds-no-number", Fixture, NULL, fixture_set_up,
              test_desk_holds_no_number, fixture_tear_down);
  g_test_add ("/hq-contacts/older-desk", Fixture, NULL, fixture_set_up, test_older_desk, fixture_tear_down);
  g_test_add ("/hq-contacts/request", Fixture, NULL, fixture_set_up, test_request, fixture_tear_down);
  return g_test_run ();
}
