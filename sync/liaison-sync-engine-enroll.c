/* liaison-sync-engine-enroll.c: enrollment: a code exchanged for a key, the key
 * kept in a thread, the store made this station. */
#define G_LOG_DOMAIN "liaison-sync-engine"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "liaison-sync-engine-private.h"
#include "liaison-token-store.h"

/* Enrollment. */

typedef struct {
  SoupMessage *message;
  char *base_url;
  JsonNode *answer;     /* the server's answer, checked */
  char *server_id;
  char *path;
  char *old_token;      /* the key this database had for that server, if any */
} EnrollOp;

static void
enroll_op_free (EnrollOp *op)
{
  g_clear_object (&op->message);
  g_free (op->base_url);
  g_clear_pointer (&op->answer, json_node_unref);
  g_free (op->server_id);
  g_free (op->path);
  g_free (op->old_token);
  g_free (op);
}

static gboolean
check_enroll_answer (JsonObject  *answer,
                     GError     **error)
{
  const char *token = json_object_get_string_member_with_default (answer, "token", NULL);
  const char *role = json_object_get_string_member_with_default (answer, "role", NULL);
  const char *server_id = json_object_get_string_member_with_default (answer, "server_id", NULL);
  JsonNode *station = json_object_get_member (answer, "station");

  if (token == NULL || strlen (token) < 32 || server_id == NULL || server_id[0] == '\0' || role == NULL)
    {
      liaison_sync_engine_set_bad_answer (error, "an enrollment answer needs token, role and server_id");
      return FALSE;
    }
  if (g_str_equal (role, "station"))
    {
      JsonObject *object;

      if (station == NULL || !JSON_NODE_HOLDS_OBJECT (station))
        {
          liaison_sync_engine_set_bad_answer (error, "a station enrollment without its station");
          return FALSE;
        }
      object = json_node_get_object (station);
      if (!g_uuid_string_is_valid (json_object_get_string_member_with_default (object, "uuid", "")) ||
          json_object_get_string_member_with_default (object, "name", NULL) == NULL)
        {
          liaison_sync_engine_set_bad_answer (error, "the station has no uuid or name");
          return FALSE;
        }
    }
  else if (!g_str_equal (role, "hq"))
    {
      liaison_sync_engine_set_bad_answer (error, "unknown role");
      return FALSE;
    }
  return TRUE;
}

/* In a thread: the keyring may ask the user to unlock it. Keeps the
 * previous key, if any, so that a refused enrollment can put it back. */
static void
save_token_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  EnrollOp *op = task_data;
  const char *token = json_object_get_string_member (json_node_get_object (op->answer), "token");
  GError *error = NULL;

  op->old_token = liaison_token_store_load (op->server_id, op->path, NULL);
  if (liaison_token_store_save (op->server_id, op->path, token, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
token_saved (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  LiaisonSyncEngine *self = g_task_get_source_object (task);
  EnrollOp *op = g_task_get_task_data (task);
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, error);
      return;
    }
  /* The key is kept first, so that an enrolled store always has one; if
   * the store refuses, the previous key (if any) comes back. */
  if (!liaison_store_adopt_enrollment (self->store, op->base_url,
                                       json_node_get_object (op->answer), &error))
    {
      if (op->old_token != NULL)
        liaison_token_store_save (op->server_id, op->path, op->old_token, NULL);
      else
        liaison_token_store_delete (op->server_id, op->path, NULL);
      g_task_return_error (task, error);
      return;
    }

  self->suspended = FALSE;
  liaison_sync_engine_set_last_error (self, NULL);
  g_task_return_boolean (task, TRUE);
}

static void
enroll_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  LiaisonSyncEngine *self = g_task_get_source_object (task);
  EnrollOp *op = g_task_get_task_data (task);
  GError *send_error = NULL;
  GError *error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GTask) save = NULL;

  bytes = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &send_error);
  op->answer = liaison_sync_engine_read_answer (self, op->message, bytes, send_error, &error);
  if (op->answer == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (!check_enroll_answer (json_node_get_object (op->answer), &error))
    {
      g_task_return_error (task, error);
      return;
    }

  op->server_id = g_strdup (json_object_get_string_member (json_node_get_object (op->answer), "server_id"));
  op->path = g_strdup (liaison_store_get_path (self->store));
  /* Not cancellable from here on: the code is spent, the key must be kept
   * and the caller must hear how it ended. */
  g_task_set_check_cancellable (task, FALSE);
  save = g_task_new (NULL, NULL, token_saved, g_steal_pointer (&task));
  g_task_set_task_data (save, op, NULL);
  g_task_run_in_thread (save, save_token_thread);
}

void
liaison_sync_engine_enroll_async (LiaisonSyncEngine   *self,
                                  const char          *server_url,
                                  const char          *code,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *clean_code = NULL;
  GError *error = NULL;
  EnrollOp *op;

  g_return_if_fail (LIAISON_IS_SYNC_ENGINE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, liaison_sync_engine_enroll_async);
  op = g_new0 (EnrollOp, 1);
  g_task_set_task_data (task, op, (GDestroyNotify) enroll_op_free);

  if (self->syncing)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_BUSY,
                               _("A sync is running; try again when it has finished"));
      return;
    }

  op->base_url = liaison_sync_engine_normalize_server_url (server_url, &error);
  if (op->base_url == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  clean_code = g_strstrip (g_strdup (code != NULL ? code : ""));
  if (clean_code[0] == '\0')
    {
      g_task_return_new_error (task, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_BAD_CODE,
                               _("Type the enrollment code that headquarters gave you"));
      return;
    }

  body = liaison_sync_engine_new_body ();
  json_object_set_string_member (json_node_get_object (body), "code", clean_code);
  op->message = liaison_sync_engine_new_request (SOUP_METHOD_POST, op->base_url, "/v1/enroll", NULL, body, &error);
  if (op->message == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  soup_session_send_and_read_async (self->session, op->message, G_PRIORITY_DEFAULT,
                                    cancellable, enroll_done, g_steal_pointer (&task));
}

gboolean
liaison_sync_engine_enroll_finish (LiaisonSyncEngine  *self,
                                   GAsyncResult       *result,
                                   GError            **error)
{
  g_return_val_if_fail (LIAISON_IS_SYNC_ENGINE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

char *
liaison_sync_engine_describe_key_place (LiaisonSyncEngine *self)
{
  g_autofree char *server_id = NULL;

  g_return_val_if_fail (LIAISON_IS_SYNC_ENGINE (self), NULL);

  server_id = liaison_store_get_server_id (self->store);
  if (server_id == NULL)
    return NULL;
  return liaison_token_store_describe (server_id, liaison_store_get_path (self->store));
}
