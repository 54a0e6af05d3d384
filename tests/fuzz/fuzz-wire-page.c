/* fuzz-wire-page.c: a whole pull page, as a station reads it.
 *
 * The input is the body of a GET /v1/pull answer. A station parses it,
 * takes its "changes" and "last_seq" and writes the page with
 * liaison_store_apply_pulled () (the decoder and the check of every
 * record, then the writes, in one transaction), here rolled back after
 * each input. The page must be refused or written, never crash.
 */
#define G_LOG_DOMAIN "liaison-fuzz"

#include "fuzz-common.h"

static LiaisonStore *store;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ("wire-page");
  store = fuzz_open_store (FALSE);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(JsonNode) root = fuzz_parse_json (data, size, FALSE);
  JsonObject *answer;
  JsonNode *changes;
  JsonNode *last_seq;
  LiaisonSyncCounts counts = { 0 };

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return 0;
  answer = json_node_get_object (root);
  changes = json_object_get_member (answer, "changes");
  last_seq = json_object_get_member (answer, "last_seq");
  if (changes == NULL || !JSON_NODE_HOLDS_ARRAY (changes) ||
      last_seq == NULL || json_node_get_value_type (last_seq) != G_TYPE_INT64)
    return 0;

  if (!liaison_store_begin (store, NULL))
    g_error ("the store could not begin");
  liaison_store_apply_pulled (store, json_node_get_array (changes), json_node_get_int (last_seq), &counts, NULL);
  liaison_store_rollback (store);
  return 0;
}
