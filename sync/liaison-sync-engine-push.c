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

/* The body of a push: @records, and the set-aside @report if any. */
static GBytes *
encode_push_body (GPtrArray *records,
                  JsonArray *report)
{
  g_autoptr(JsonNode) body = liaison_sync_engine_new_body ();
  JsonArray *array = json_array_sized_new (records->len);

  for (guint i = 0; i < records->len; i++)
    json_array_add_object_element (array, json_object_ref (g_ptr_array_index (records, i)));
  json_object_set_array_member (json_node_get_object (body), "records", array);
  if (report != NULL)
    json_object_set_array_member (json_node_get_object (body), "set_aside", json_array_ref (report));
  return liaison_sync_engine_encode_body (body);
}

/* The next batch, read from the store and written as its request body
 * while the last one is in flight: headquarters works on one batch while
 * the station reads the next. One batch in flight, one ready: the next is
 * sent only once the last one's answer is written, so the server sees
 * the batches in order, as before. If it is not ready when the answer
 * comes, push_next() reads it then. */
static gboolean
read_ahead (gpointer user_data)
{
  SyncOp *op = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = NULL;

  op->ahead_id = 0;
  records = liaison_store_collect_pending_except (op->self->store, op->batch_limit, op->pushed, &error);
  /* An error, or nothing more: push_next() reads again when the answer
   * has been written (and says why, if it fails again). */
  if (records == NULL || records->len == 0)
    return G_SOURCE_REMOVE;
  op->ahead_body = encode_push_body (records, NULL);
  op->ahead = g_steal_pointer (&records);
  return G_SOURCE_REMOVE;
}

void
liaison_sync_engine_push_drop_ahead (SyncOp *op)
{
  g_clear_handle_id (&op->ahead_id, g_source_remove);
  g_clear_pointer (&op->ahead, g_ptr_array_unref);
  g_clear_pointer (&op->ahead_body, g_bytes_unref);
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

  /* Not read yet: push_next() reads it now. */
  g_clear_handle_id (&op->ahead_id, g_source_remove);
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
          liaison_sync_engine_push_drop_ahead (op);
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
      liaison_sync_engine_push_drop_ahead (op);
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
  g_autoptr(JsonArray) report = NULL;
  g_autoptr(GBytes) body = NULL;

  if (g_cancellable_set_error_if_cancelled (op->cancellable, &error))
    {
      liaison_sync_engine_finish_sync (op, g_steal_pointer (&error));
      return;
    }

  op->reported_up_to = 0;
  if (op->ahead != NULL)
    {
      op->pushed = g_steal_pointer (&op->ahead);
      body = g_steal_pointer (&op->ahead_body);
    }
  else
    {
      op->pushed = liaison_store_collect_pending (self->store, op->batch_limit, &error);
      if (op->pushed == NULL)
        {
          liaison_sync_engine_finish_sync (op, g_steal_pointer (&error));
          return;
        }
      /* Pulled records set aside go to headquarters once, with the first
       * push (an empty one if nothing else waits); a server that does not
       * know the member ignores it (docs/sync-protocol.md). */
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
      body = encode_push_body (op->pushed, report);
    }

  op->message = liaison_sync_engine_new_request_bytes (SOUP_METHOD_POST, op->base_url, "/v1/push", op->token,
                                                       body, &error);
  if (op->message == NULL)
    {
      liaison_sync_engine_finish_sync (op, g_steal_pointer (&error));
      return;
    }
  soup_session_send_and_read_async (self->session, op->message, G_PRIORITY_DEFAULT,
                                    op->cancellable, push_done, op);
  /* A full batch: more may wait. Read it once the request is on its way
   * (an idle, after libsoup has written it). */
  if (op->pushed->len >= op->batch_limit)
    op->ahead_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, read_ahead, op, NULL);
}
