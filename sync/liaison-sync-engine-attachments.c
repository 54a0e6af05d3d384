/* liaison-sync-engine-attachments.c: attachments: the files this replica's moves list
 * go to the server before the push, resumable; those listed by pulled
 * moves are fetched after the pull. */
#define G_LOG_DOMAIN "liaison-sync-engine"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-protocol.h"
#include "liaison-store-attachments.h"
#include "liaison-sync-engine-private.h"

G_STATIC_ASSERT (LIAISON_ATTACHMENT_MAX_BYTES == LIAISON_MAX_ATTACHMENT_BYTES);

/* Attachments: the files this replica's moves list go to the server before
 * the moves, so a move never arrives before its file; the files pulled
 * moves list come after the pull. */

static void send_next_attachment (SyncOp *op);

static char *
attachment_path (const char *sha256)
{
  return g_strconcat ("/v1/attachments/", sha256, NULL);
}

/* The server's answer that it does not have a file (whole). */
static gboolean
is_not_found (SoupMessage *message,
              GError      *send_error)
{
  SoupMessageHeaders *headers = soup_message_get_response_headers (message);

  return send_error == NULL &&
         soup_message_get_status (message) == SOUP_STATUS_NOT_FOUND &&
         g_strcmp0 (soup_message_headers_get_one (headers, LIAISON_PROTOCOL_HEADER),
                    G_STRINGIFY (LIAISON_PROTOCOL_VERSION)) == 0;
}

static void
attachment_sent (SyncOp *op)
{
  const char *sha256 = g_ptr_array_index (op->attachments, op->attachment_index);
  g_autoptr(GError) error = NULL;

  if (!liaison_store_mark_attachment_sent (op->self->store, sha256, &error))
    {
      liaison_sync_engine_finish_sync (op, g_steal_pointer (&error));
      return;
    }
  g_clear_pointer (&op->attachment_bytes, g_bytes_unref);
  op->attachment_index++;
  op->attachment_restarted = FALSE;
  send_next_attachment (op);
}

/* Headquarters will not take this file (413) or no more files today
 * (429): the sentence the clerk reads at the end of the sync, which sends
 * and fetches everything else meanwhile. */
static GError *
attachment_refusal (guint  status,
                    gsize  size)
{
  g_autofree char *bytes = g_format_size (size);

  if (status == LIAISON_HTTP_TOO_MANY_REQUESTS)
    return g_error_new_literal (LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_ATTACHMENT_REFUSED,
                                _("Headquarters takes only so many attached files from a station in a day, and "
                                  "this station has reached today’s limit. Everything else was synced and "
                                  "nothing is lost: the remaining files are sent by the first sync after "
                                  "midnight. If this happens often, ask headquarters to raise the limit."));
  return g_error_new (LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_ATTACHMENT_REFUSED,
                      /* Translators: %s is a file's size, as "12.5 MB" */
                      _("Headquarters does not take an attached file this large (%s) from a station. "
                        "Everything else was synced and the file stays on this computer; ask "
                        "headquarters to raise its limit, or give them the file another way."),
                      bytes);
}

static void
attachment_put_done (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  SyncOp *op = user_data;
  GError *send_error = NULL;
  GError *error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonNode) root = NULL;
  const char *retry_after;
  guint64 seconds = 0;
  guint status;

  bytes = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &send_error);
  root = liaison_sync_engine_read_answer (op->self, op->message, bytes, send_error, &error);
  status = soup_message_get_status (op->message);
  retry_after = soup_message_headers_get_one (soup_message_get_response_headers (op->message), "Retry-After");
  if (status == LIAISON_HTTP_TOO_MANY_REQUESTS && retry_after != NULL &&
      g_ascii_string_to_unsigned (retry_after, 10, 1, 2 * 24 * 3600, &seconds, NULL))
    op->self->files_paused_until = g_get_monotonic_time () + (gint64) seconds * G_TIME_SPAN_SECOND;
  g_clear_object (&op->message);
  if (root == NULL && status == SOUP_STATUS_BAD_REQUEST && op->attachment_offset > 0 &&
      !op->attachment_restarted)
    {
      /* The part the server kept was not this file's (the server dropped
       * it): send the whole file, once. */
      g_clear_error (&error);
      op->attachment_restarted = TRUE;
      g_clear_pointer (&op->attachment_bytes, g_bytes_unref);
      send_next_attachment (op);
      return;
    }
  if (root == NULL && g_error_matches (error, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_PROTOCOL) &&
      (status == SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE || status == LIAISON_HTTP_TOO_MANY_REQUESTS))
    {
      g_clear_error (&error);
      g_clear_error (&op->attachment_refused);
      op->attachment_refused = attachment_refusal (status, g_bytes_get_size (op->attachment_bytes));
      g_clear_pointer (&op->attachment_bytes, g_bytes_unref);
      op->attachment_restarted = FALSE;
      if (status == LIAISON_HTTP_TOO_MANY_REQUESTS)
        /* None goes today: the moves go on without their files, whose
         * readers ask again at their next sync. */
        op->attachment_index = op->attachments->len;
      else
        op->attachment_index++;
      send_next_attachment (op);
      return;
    }
  if (root == NULL)
    {
      liaison_sync_engine_finish_sync (op, error);
      return;
    }
  if (status != SOUP_STATUS_CREATED)
    {
      /* The server took a part only: ask again where it stands. */
      g_clear_pointer (&op->attachment_bytes, g_bytes_unref);
      send_next_attachment (op);
      return;
    }
  op->counts.attachments_sent++;
  attachment_sent (op);
}

static void
attachment_head_done (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  SyncOp *op = user_data;
  LiaisonSyncEngine *self = op->self;
  const char *sha256 = g_ptr_array_index (op->attachments, op->attachment_index);
  GError *send_error = NULL;
  GError *error = NULL;
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GBytes) part = NULL;
  g_autofree char *path = NULL;
  g_autofree char *file = NULL;
  g_autoptr(GMappedFile) mapped = NULL;
  SoupMessageHeaders *headers;
  guint64 received = 0;
  gsize size;

  answer = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &send_error);
  if (!is_not_found (op->message, send_error))
    {
      gboolean ok = liaison_sync_engine_check_answer (self, op->message, answer, send_error, &error);

      g_clear_object (&op->message);
      if (!ok)
        liaison_sync_engine_finish_sync (op, error);
      else
        attachment_sent (op);
      return;
    }

  /* Resume where an interrupted upload stopped. */
  headers = soup_message_get_response_headers (op->message);
  if (soup_message_headers_get_one (headers, "Liaison-Received") != NULL)
    g_ascii_string_to_unsigned (soup_message_headers_get_one (headers, "Liaison-Received"), 10, 0,
                                G_MAXUINT64, &received, NULL);
  g_clear_object (&op->message);

  file = liaison_store_get_attachment_path (self->store, sha256);
  mapped = file != NULL ? g_mapped_file_new (file, FALSE, NULL) : NULL;
  if (mapped == NULL)
    {
      /* Nothing to send it from; the move goes without it. */
      /* Translators: %s is the file's SHA-256, as the folder of attachments names it */
      g_message (_("The attachment %s is missing from this computer; its move goes without it"), sha256);
      op->attachment_index++;
      op->attachment_restarted = FALSE;
      send_next_attachment (op);
      return;
    }
  op->attachment_bytes = g_mapped_file_get_bytes (mapped);
  size = g_bytes_get_size (op->attachment_bytes);
  if (received >= size || op->attachment_restarted)
    received = 0;
  op->attachment_offset = received;
  part = g_bytes_new_from_bytes (op->attachment_bytes, received, size - received);

  path = attachment_path (sha256);
  op->message = liaison_sync_engine_new_request (SOUP_METHOD_PUT, op->base_url, path, op->token, NULL, &error);
  if (op->message == NULL)
    {
      liaison_sync_engine_finish_sync (op, error);
      return;
    }
  if (received > 0)
    {
      g_autofree char *range = g_strdup_printf ("bytes %" G_GUINT64_FORMAT "-%" G_GSIZE_FORMAT "/%" G_GSIZE_FORMAT,
                                                received, size - 1, size);

      soup_message_headers_replace (soup_message_get_request_headers (op->message), "Content-Range", range);
    }
  soup_message_set_request_body_from_bytes (op->message, "application/octet-stream", part);
  soup_session_send_and_read_async (self->session, op->message, G_PRIORITY_DEFAULT,
                                    op->cancellable, attachment_put_done, op);
}

/* Asks about the current attachment with @method; FALSE when there is none
 * left (or the sync ended). */
static gboolean
request_attachment (SyncOp              *op,
                    const char          *method,
                    GAsyncReadyCallback  callback)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (g_cancellable_set_error_if_cancelled (op->cancellable, &error))
    {
      liaison_sync_engine_finish_sync (op, g_steal_pointer (&error));
      return TRUE;
    }
  if (op->attachment_index >= op->attachments->len)
    {
      g_clear_pointer (&op->attachments, g_ptr_array_unref);
      return FALSE;
    }

  path = attachment_path (g_ptr_array_index (op->attachments, op->attachment_index));
  op->message = liaison_sync_engine_new_request (method, op->base_url, path, op->token, NULL, &error);
  if (op->message == NULL)
    {
      liaison_sync_engine_finish_sync (op, g_steal_pointer (&error));
      return TRUE;
    }
  if (g_str_equal (method, SOUP_METHOD_GET))
    soup_message_headers_replace (soup_message_get_request_headers (op->message), "Accept",
                                  "application/octet-stream");
  soup_session_send_and_read_async (op->self->session, op->message, G_PRIORITY_DEFAULT,
                                    op->cancellable, callback, op);
  return TRUE;
}

/* Starts on the hashes @list gives, with @next. */
static void
start_attachments (SyncOp     *op,
                   GPtrArray *(*list) (LiaisonStore *, GError **),
                   void       (*next) (SyncOp *))
{
  GError *error = NULL;

  op->attachments = list (op->self->store, &error);
  if (op->attachments == NULL)
    {
      liaison_sync_engine_finish_sync (op, error);
      return;
    }
  op->attachment_index = 0;
  next (op);
}

static void
send_next_attachment (SyncOp *op)
{
  if (!request_attachment (op, SOUP_METHOD_HEAD, attachment_head_done))
    liaison_sync_engine_push_next (op);
}

void
liaison_sync_engine_send_attachments (SyncOp *op)
{
  /* Headquarters took as many files as it takes today: sending one again
   * before its Retry-After would only carry up to 10 MiB to be refused. */
  if (g_get_monotonic_time () < op->self->files_paused_until)
    {
      g_clear_error (&op->attachment_refused);
      op->attachment_refused = attachment_refusal (LIAISON_HTTP_TOO_MANY_REQUESTS, 0);
      liaison_sync_engine_push_next (op);
      return;
    }
  start_attachments (op, liaison_store_list_attachments_to_send, send_next_attachment);
}

static void fetch_next_attachment (SyncOp *op);

static void
attachment_get_done (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  SyncOp *op = user_data;
  const char *sha256 = g_ptr_array_index (op->attachments, op->attachment_index);
  GError *send_error = NULL;
  GError *error = NULL;
  g_autoptr(GError) store_error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gboolean not_found;

  bytes = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &send_error);
  not_found = is_not_found (op->message, send_error);
  if (!not_found && !liaison_sync_engine_check_answer (op->self, op->message, bytes, send_error, &error))
    {
      g_clear_object (&op->message);
      liaison_sync_engine_finish_sync (op, error);
      return;
    }
  g_clear_object (&op->message);

  /* Not found: whoever attached it has not sent it yet; the next sync asks again. */
  if (!not_found)
    {
      if (!liaison_store_save_received_attachment (op->self->store, sha256, bytes, &store_error))
        {
          liaison_sync_engine_finish_sync (op, liaison_sync_engine_answer_error_from_store (store_error));
          return;
        }
      op->counts.attachments_received++;
    }
  op->attachment_index++;
  fetch_next_attachment (op);
}

static void
fetch_next_attachment (SyncOp *op)
{
  if (!request_attachment (op, SOUP_METHOD_GET, attachment_get_done))
    liaison_sync_engine_finish_sync (op, NULL);
}

void
liaison_sync_engine_fetch_attachments (SyncOp *op)
{
  start_attachments (op, liaison_store_list_missing_attachments, fetch_next_attachment);
}
