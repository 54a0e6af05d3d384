/* fuzz-push.c: a push body, as liaison-hq turns it into records.
 *
 * The input is the body of a POST /v1/push. Like the server's handler it
 * must be a JSON object with "protocol": 1 and at most 500 "records";
 * then liaison_hq_store_push () checks and stores each record, for a
 * station's token and then for headquarters' (which meets what the
 * station stored). Every input starts from a copy of the same hq.db: a
 * station and the seeded categories.
 */
#define G_LOG_DOMAIN "liaison-fuzz"

#include "fuzz-common.h"

#include <glib/gstdio.h>

#include "liaison-hq-store.h"
#include "liaison-protocol.h"

static char *data_dir;
static char *db_path;
static GBytes *template;

static const LiaisonHqToken station_token = {
  .id = (char *) "5a7e0001", .role = LIAISON_HQ_ROLE_STATION,
  .station_uuid = (char *) FUZZ_STATION_UUID, .name = (char *) "相山区东山街道人大代表联络站",
};
static const LiaisonHqToken hq_token = {
  .id = (char *) "00000001", .role = LIAISON_HQ_ROLE_HQ, .name = (char *) "市人大常委会",
};

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(LiaisonHqStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) station = json_from_string ("{\"name\": \"相山区东山街道人大代表联络站\", \"kind\": \"station\","
                                                  " \"district\": \"相山区\"}", NULL);
  char *contents = NULL;
  gsize length = 0;

  fuzz_init ("push");
  data_dir = g_build_filename (fuzz_tmp_dir (), "hq", NULL);
  db_path = g_build_filename (data_dir, "hq.db", NULL);
  store = liaison_hq_store_create (data_dir, &error);
  if (store == NULL ||
      !liaison_hq_store_begin (store, &error) ||
      !liaison_hq_store_save_record (store, LIAISON_KIND_STATION, FUZZ_STATION_UUID, NULL,
                                     json_node_get_object (station), NULL, NULL, &error) ||
      !liaison_hq_store_commit (store, &error))
    g_error ("%s", error->message);
  liaison_hq_store_close (store);
  if (!g_file_get_contents (db_path, &contents, &length, &error))
    g_error ("%s", error->message);
  template = g_bytes_new_take (contents, length);
  return 0;
}

/* A fresh hq.db, as the template left it. */
static LiaisonHqStore *
open_fresh (void)
{
  g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (db_path, "-shm", NULL);
  g_autoptr(GError) error = NULL;
  LiaisonHqStore *store;

  g_unlink (wal);
  g_unlink (shm);
  if (!g_file_set_contents (db_path, g_bytes_get_data (template, NULL), (gssize) g_bytes_get_size (template), &error) ||
      (store = liaison_hq_store_open (data_dir, &error)) == NULL)
    g_error ("%s", error->message);
  return store;
}

static void
push (LiaisonHqStore       *store,
      const LiaisonHqToken *token,
      JsonArray            *records)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) results = NULL;
  guint n_applied = 0;

  results = liaison_hq_store_push (store, token, records, &n_applied, &error);
  if (results == NULL)
    g_error ("the push failed on the database: %s", error->message);
  g_assert_cmpuint (json_array_get_length (results), ==, json_array_get_length (records));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(JsonNode) root = fuzz_parse_json (data, size, TRUE);
  g_autoptr(LiaisonHqStore) store = NULL;
  JsonObject *body;
  JsonNode *protocol;
  JsonNode *records;

  /* What handle_push () refuses before it pushes. */
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return 0;
  body = json_node_get_object (root);
  protocol = json_object_get_member (body, "protocol");
  records = json_object_get_member (body, "records");
  if (protocol == NULL || json_node_get_value_type (protocol) != G_TYPE_INT64 ||
      json_node_get_int (protocol) != LIAISON_PROTOCOL_VERSION ||
      records == NULL || !JSON_NODE_HOLDS_ARRAY (records) ||
      json_array_get_length (json_node_get_array (records)) > LIAISON_MAX_PUSH_RECORDS)
    return 0;

  store = open_fresh ();
  push (store, &station_token, json_node_get_array (records));
  push (store, &hq_token, json_node_get_array (records));
  liaison_hq_store_close (store);
  return 0;
}
