/* liaison-sync-engine-push.c: pushing: the pending records in batches, with the
 * set-aside report, and the server's results checked and written. */
#define G_LOG_DOMAIN "liaison-sync-engine"

#include "config.h"

#include "liaison-protocol.h"
#include "liaison-store-quarantine.h"
#include "liaison-sync-engine-private.h"
#include "liaison-sync-own-seqs.h"
#include "liaison-wire-schema.h"

/* A record in an answer, as the store will take it: an object of the
 * protocol's shape, normalized. @what names it when it is not an object. */
static gboolean
accept_record (JsonNode    *node,
               const char  *what,
               GError     **error)
{
  g_autoptr(GError) record_error = NULL;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      liaison_sync_engine_set_bad_answer (error, what);
      return FALSE;
    }
  if (!liaison_wire_check_record (json_node_get_object (node), &record_error))
    {
      liaison_sync_engine_set_bad_answer (error, record_error->message);
      return FALSE;
    }
  liaison_wire_normalize_record (json_node_get_object (node));
  return TRUE;
}

static gboolean
check_push_answer (JsonNode   *root,
                   GPtrArray  *pushed,
                   JsonArray **results_out,
                   GError    **error)
{
  JsonNode *node = json_object_get_member (json_node_get_object (root), "results");
  JsonArray *results;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      liaison_sync_engine_set_bad_answer (error, "no results array");
      return FALSE;
    }
  results = json_node_get_array (node);
  if (json_array_get_length (results) != pushed->len)
    {
      liaison_sync_engine_set_bad_answer (error, "one result per record was expected");
      return FALSE;
    }
  for (guint i = 0; i < pushed->len; i++)
    {
      JsonObject *record = g_ptr_array_index (pushed, i);
      JsonNode *element = json_array_get_element (results, i);
      JsonObject *result;
      const char *status;
      const char *uuid;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          liaison_sync_engine_set_bad_answer (error, "a result is not an object");
          return FALSE;
        }
      result = json_node_get_object (element);
      status = json_object_get_string_member_with_default (result, "status", NULL);
      uuid = json_object_get_string_member_with_default (result, "uuid", NULL);
      if (status == NULL || uuid == NULL ||
          g_strcmp0 (uuid, json_object_get_string_member_with_default (record, "uuid", "")) != 0)
        {
          liaison_sync_engine_set_bad_answer (error, "a result does not name its record");
          return FALSE;
        }
      if (g_str_equal (status, LIAISON_PUSH_APPLIED) || g_str_equal (status, LIAISON_PUSH_DUPLICATE))
        {
          JsonNode *version = json_object_get_member (result, "version");

          if (version == NULL || json_node_get_value_type (version) != G_TYPE_INT64 ||
              json_node_get_int (version) < 1)
            {
              liaison_sync_engine_set_bad_answer (error, "a result has no version");
              return FALSE;
            }
        }
      else if (g_str_equal (status, LIAISON_PUSH_CONFLICT))
        {
          if (!accept_record (json_object_get_member (result, "current"),
                              "a conflict without the current record", error))
            return FALSE;
        }
      else if (g_str_equal (status, LIAISON_PUSH_REJECTED))
        {
          if (json_object_get_string_member_with_default (result, "reason", NULL) == NULL)
            {
              liaison_sync_engine_set_bad_answer (error, "a rejection without a reason");
              return FALSE;
            }
        }
      else
        {
          liaison_sync_engine_set_bad_answer (error, "unknown result status");
          return FALSE;
        }
    }
  *results_out = results;
  return TRUE;
}

static void
push_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  SyncOp *op = user_data;
  LiaisonSyncEngine *self = op->self;
  GError *send_error = NULL;
  GError *error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) store_error = NULL;
  JsonArray *results = NULL;
  guint done_before;
  guint status;

  bytes = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &send_error);
  root = liaison_sync_engine_read_answer (self, op->message, bytes, send_error, &error);
  status = soup_message_get_status (op->message);
  g_clear_object (&op->message);

  if (root == NULL)
    {
      /* A batch too big for the server's body limit goes again in halves. */
      if (g_error_matches (error, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_PROTOCOL) &&
          status == SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE && op->batch_limit > 1)
        {
          g_clear_error (&error);
          op->batch_limit /= 2;
          op->report_sent = FALSE;
          g_clear_pointer (&op->pushed, g_ptr_array_unref);
          liaison_sync_engine_push_next (op);
          return;
        }
      liaison_sync_engine_finish_sync (op, error);
      return;
    }

  if (!check_push_answer (root, op->pushed, &results, &error))
    {
      liaison_sync_engine_finish_sync (op, error);
      return;
    }

  done_before = op->counts.sent + op->counts.rejected;
  if (!liaison_store_apply_push_results (self->store, op->pushed, results, &op->counts, &store_error))
    {
      liaison_sync_engine_finish_sync (op, liaison_sync_engine_answer_error_from_store (store_error));
      return;
    }
  g_clear_pointer (&op->pushed, g_ptr_array_unref);
  liaison_sync_own_seqs_remember (self->store, results);
  liaison_sync_engine_set_progress (self, op->counts.sent, op->counts.received);
  if (op->reported_up_to > 0)
    {
      if (!liaison_store_mark_quarantine_reported (self->store, op->reported_up_to, &error))
        {
          liaison_sync_engine_finish_sync (op, error);
          return;
        }
      op->reported_up_to = 0;
    }

  if (op->counts.sent + op->counts.rejected == done_before)
    op->idle_rounds++;
  else
    op->idle_rounds = 0;
  if (op->idle_rounds >= MAX_IDLE_PUSH_ROUNDS)
    {
      g_warning ("Push made no progress in %u rounds; pulling instead", op->idle_rounds);
      liaison_sync_engine_pull_next (op);
      return;
    }
  liaison_sync_engine_push_next (op);
}

void
liaison_sync_engine_push_next (SyncOp *op)
{
  LiaisonSyncEngine *self = op->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(JsonArray) report = NULL;
  JsonArray *records;

  if (g_cancellable_set_error_if_cancelled (op->cancellable, &error))
    {
      liaison_sync_engine_finish_sync (op, g_steal_pointer (&error));
      return;
    }

  op->pushed = liaison_store_collect_pending (self->store, op->batch_limit, &error);
  if (op->pushed == NULL)
    {
      liaison_sync_engine_finish_sync (op, g_steal_pointer (&error));
      return;
    }
  /* Pulled records set aside go to headquarters once, with the first push
   * (an empty one if nothing else waits); a server that does not know the
   * member ignores it (docs/sync-protocol.md). */
  op->reported_up_to = 0;
  if (!op->report_sent)
    {
      report = liaison_store_quarantine_report (self->store, MAX_SET_ASIDE_REPORT, &op->reported_up_to, &error);
      if (error != NULL)
        {
          liaison_sync_engine_finish_sync (op, g_steal_pointer (&error));
          return;
        }
      op->report_sent = TRUE;
    }
  if (op->pushed->len == 0 && report == NULL)
    {
      g_clear_pointer (&op->pushed, g_ptr_array_unref);
      liaison_sync_engine_pull_next (op);
      return;
    }

  body = liaison_sync_engine_new_body ();
  records = json_array_sized_new (op->pushed->len);
  for (guint i = 0; i < op->pushed->len; i++)
    json_array_add_object_element (records, json_object_ref (g_ptr_array_index (op->pushed, i)));
  json_object_set_array_member (json_node_get_object (body), "records", records);
  if (report != NULL)
    json_object_set_array_member (json_node_get_object (body), "set_aside", g_steal_pointer (&report));

  op->message = liaison_sync_engine_new_request (SOUP_METHOD_POST, op->base_url, "/v1/push", op->token, body, &error);
  if (op->message == NULL)
    {
      liaison_sync_engine_finish_sync (op, g_steal_pointer (&error));
      return;
    }
  soup_session_send_and_read_async (self->session, op->message, G_PRIORITY_DEFAULT,
                                    op->cancellable, push_done, op);
}
