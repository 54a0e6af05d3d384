/* liaison-sync-own-seqs.c: the feed changes this replica's own pushes wrote. */
#define G_LOG_DOMAIN "liaison-sync-own-seqs"

#include "config.h"

#include <string.h>

#include "liaison-protocol.h"
#include "liaison-seq-ranges.h"
#include "liaison-store-private.h"
#include "liaison-store-sync.h"
#include "liaison-sync-own-seqs.h"

/* "SERVER_ID FIRST-LAST,…": the server id, so that ranges noted for one
 * server never skip another's changes. */
#define SETTING_PUSHED_SEQS "pushed_seqs"

static GArray *
load (LiaisonStore *store,
      const char   *server_id)
{
  g_autofree char *value = liaison_store_get_setting (store, SETTING_PUSHED_SEQS);
  g_autofree char *prefix = g_strconcat (server_id, " ", NULL);
  GArray *ranges = NULL;

  if (value != NULL && g_str_has_prefix (value, prefix))
    ranges = liaison_seq_ranges_parse (value + strlen (prefix), NULL);
  return ranges != NULL ? ranges : liaison_seq_ranges_new ();
}

static void
save (LiaisonStore *store,
      const char   *server_id,
      GArray       *ranges)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = liaison_seq_ranges_format (ranges, LIAISON_MAX_SKIP_RANGES);
  g_autofree char *value = ranges->len > 0 ? g_strconcat (server_id, " ", text, NULL) : NULL;

  if (!liaison_store_set_setting (store, SETTING_PUSHED_SEQS, value, &error))
    g_message ("The changes this desk pushed could not be noted (the next pull brings them back): %s",
               error->message);
}

void
liaison_sync_own_seqs_remember (LiaisonStore *store,
                                JsonArray    *results)
{
  g_autofree char *server_id = liaison_store_get_server_id (store);
  g_autoptr(GArray) ranges = NULL;
  guint before;

  if (server_id == NULL)
    return;
  ranges = load (store, server_id);
  before = ranges->len;
  for (guint i = 0; i < json_array_get_length (results); i++)
    {
      JsonObject *result = json_array_get_object_element (results, i);
      const char *status = json_object_get_string_member_with_default (result, "status", "");
      JsonNode *seq = json_object_get_member (result, "seq");

      /* An older server sends no seq: then the pull brings them back. */
      if ((g_str_equal (status, LIAISON_PUSH_APPLIED) || g_str_equal (status, LIAISON_PUSH_DUPLICATE)) &&
          seq != NULL && JSON_NODE_HOLDS_VALUE (seq) && json_node_get_value_type (seq) == G_TYPE_INT64 &&
          json_node_get_int (seq) >= 1)
        liaison_seq_ranges_add (ranges, json_node_get_int (seq), json_node_get_int (seq));
    }
  if (ranges->len > 0 || before > 0)
    save (store, server_id, ranges);
}

char *
liaison_sync_own_seqs_for_pull (LiaisonStore *store,
                                gint64        since)
{
  g_autofree char *server_id = liaison_store_get_server_id (store);
  g_autoptr(GArray) ranges = NULL;
  guint before;

  if (server_id == NULL)
    return NULL;
  ranges = load (store, server_id);
  before = ranges->len;
  liaison_seq_ranges_drop_to (ranges, since);
  if (ranges->len != before)
    save (store, server_id, ranges);
  if (ranges->len == 0)
    return NULL;
  return liaison_seq_ranges_format (ranges, LIAISON_MAX_SKIP_RANGES);
}
