/* fuzz-wire-record.c: one wire record, through both ends' checks.
 *
 * The input is one record as a push carries it or a pull page lists it.
 * The one wire schema both ends run (liaison_wire_check_record), the
 * server's digest, the loop decoders, and the client's check and write
 * of a one-record page on a headquarters desk (which takes every kind)
 * all run on it; nothing they do may crash or trip a GLib check,
 * whatever the record says.
 */
#define G_LOG_DOMAIN "liaison-fuzz"

#include "fuzz-common.h"

#include <string.h>

#include "liaison-loop-wire.h"
#include "liaison-protocol.h"
#include "liaison-wire-schema.h"

static LiaisonStore *store;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ("wire-record");
  store = fuzz_open_store (TRUE);
  return 0;
}

static void
decode_loop (JsonObject *record)
{
  JsonNode *data = json_object_get_member (record, "data");
  JsonNode *uuid = json_object_get_member (record, "uuid");
  g_autoptr(LiaisonLoopEvent) event = NULL;
  g_autoptr(LiaisonLoopRules) rules = NULL;

  if (data == NULL || !JSON_NODE_HOLDS_OBJECT (data))
    return;
  event = liaison_loop_event_from_json (uuid != NULL && json_node_get_value_type (uuid) == G_TYPE_STRING
                                        ? json_node_get_string (uuid) : "x",
                                        json_node_get_object (data), NULL);
  if (event != NULL)
    json_object_unref (liaison_loop_event_to_json (event));
  rules = liaison_loop_rules_from_json (json_node_get_object (data), NULL);
  if (rules != NULL)
    json_object_unref (liaison_loop_rules_to_json (rules));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(JsonNode) root = fuzz_parse_json (data, size, FALSE);
  g_autoptr(JsonArray) page = NULL;
  JsonObject *record;
  LiaisonSyncCounts counts = { 0 };

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return 0;
  record = json_node_get_object (root);

  /* The schema, as the server checks a pushed record. */
  {
    g_autoptr(JsonNode) copy = json_node_copy (root);

    if (liaison_wire_check_record (json_node_get_object (copy), NULL))
      {
        g_autofree char *digest = liaison_protocol_record_digest (json_node_get_object (copy));

        g_assert_cmpuint (strlen (digest), ==, 64);
        liaison_wire_normalize_record (json_node_get_object (copy));
      }
  }
  decode_loop (record);

  /* The client's end: a page of this one record, written and undone. */
  page = json_array_new ();
  json_array_add_element (page, json_node_copy (root));
  if (!liaison_store_begin (store, NULL))
    g_error ("the store could not begin");
  liaison_store_apply_pulled (store, page, 1, &counts, NULL);
  liaison_store_rollback (store);
  return 0;
}
