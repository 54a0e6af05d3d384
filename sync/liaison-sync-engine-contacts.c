/* liaison-sync-engine-contacts.c: headquarters asks for a reception's
 * contacts (POST /v1/contact-requests; docs/privacy.md, "Headquarters and
 * contacts").
 *
 * A headquarters desk pulls visitors' phones masked. When an officer needs
 * one, the desk asks the server with a reason; the server logs it in the
 * access log and answers. The answer is kept in the engine's memory for
 * this session and never written to the desk's file: the store is not
 * touched here at all, but to read where the server is and who is asking.
 */
#define G_LOG_DOMAIN "liaison-sync-engine"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "liaison-protocol.h"
#include "liaison-store-access-log.h"
#include "liaison-store-desk.h"
#include "liaison-sync-engine-private.h"
#include "liaison-token-store.h"
#include "liaison-validate.h"

typedef struct {
  char *reception_uuid;
  char *reason;
  char *actor;
  char *desk;
  char *base_url;
  char *server_id;
  char *path;        /* the store's file, where a token file may be */
  char *token;
} ContactRequest;

static void
contact_request_free (ContactRequest *request)
{
  g_free (request->reception_uuid);
  g_free (request->reason);
  g_free (request->actor);
  g_free (request->desk);
  g_free (request->base_url);
  g_free (request->server_id);
  g_free (request->path);
  if (request->token != NULL)
    memset (request->token, 0, strlen (request->token));
  g_free (request->token);
  g_free (request);
}

/* A visitor's phone is wiped from memory before it is freed. */
static void
visitor_forget (LiaisonVisitor *visitor)
{
  if (visitor->phone != NULL)
    memset (visitor->phone, 0, strlen (visitor->phone));
  liaison_visitor_free (visitor);
}

static JsonNode *
request_body (ContactRequest *request)
{
  JsonNode *body = liaison_sync_engine_new_body ();
  JsonObject *object = json_node_get_object (body);

  json_object_set_string_member (object, "reception", request->reception_uuid);
  json_object_set_string_member (object, "reason", request->reason);
  if (request->actor != NULL && *request->actor != '\0')
    json_object_set_string_member (object, "actor", request->actor);
  if (request->desk != NULL)
    json_object_set_string_member (object, "desk", request->desk);
  return body;
}

/* The answer's visitors, or NULL when it is not the shape
 * docs/sync-protocol.md gives. */
static GPtrArray *
read_visitors (JsonNode *root)
{
  JsonObject *answer = json_node_get_object (root);
  JsonNode *node = json_object_get_member (answer, "visitors");
  g_autoptr(GPtrArray) visitors = g_ptr_array_new_with_free_func ((GDestroyNotify) visitor_forget);
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      JsonObject *object;
      JsonNode *phone;
      LiaisonVisitor *visitor;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        return NULL;
      object = json_node_get_object (element);
      phone = json_object_get_member (object, "phone");
      if (phone != NULL && !JSON_NODE_HOLDS_NULL (phone) &&
          (!JSON_NODE_HOLDS_VALUE (phone) || json_node_get_value_type (phone) != G_TYPE_STRING))
        return NULL;
      visitor = liaison_visitor_new ();
      visitor->name = g_strdup (json_object_get_string_member_with_default (object, "name", ""));
      visitor->phone = phone != NULL && !JSON_NODE_HOLDS_NULL (phone) ? g_strdup (json_node_get_string (phone)) : NULL;
      visitor->consent = json_object_get_boolean_member_with_default (object, "consent", FALSE);
      visitor->party_size = 1;
      g_ptr_array_add (visitors, visitor);
    }
  return g_steal_pointer (&visitors);
}

static void
request_sent (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  LiaisonSyncEngine *self = g_task_get_source_object (task);
  ContactRequest *request = g_task_get_task_data (task);
  SoupMessage *message = SOUP_MESSAGE (g_object_get_data (G_OBJECT (task), "message"));
  GError *send_error = NULL;
  GError *error = NULL;
  g_autoptr(GBytes) bytes = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &send_error);
  g_autoptr(JsonNode) root = NULL;
  GPtrArray *visitors;
  guint status = send_error == NULL ? soup_message_get_status (message) : 0;

  /* What the server says of this request in particular; the rest (no
   * network, a station's or unknown key, a server that failed) as for a
   * sync. */
  if (status == SOUP_STATUS_NOT_FOUND &&
      soup_message_headers_get_one (soup_message_get_response_headers (message), LIAISON_PROTOCOL_HEADER) != NULL)
    {
      g_task_return_new_error (task, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_PROTOCOL, "%s",
                               _("Headquarters’ server does not have this reception, so it cannot give its "
                                 "contacts; sync and try again. Nothing was shown."));
      return;
    }
  if (status == SOUP_STATUS_FORBIDDEN)
    {
      g_task_return_new_error (task, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_BAD_TOKEN, "%s",
                               _("Only a headquarters desk may ask for a visitor’s contacts. Nothing was shown."));
      return;
    }
  root = liaison_sync_engine_read_answer (self, message, bytes, send_error, &error);
  if (g_error_matches (error, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_NETWORK))
    {
      /* Not a sync's words: nothing waits to be sent again. */
      g_task_return_new_error (task, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_NETWORK, "%s",
                               _("Headquarters’ server could not be reached, so the contact cannot be shown. "
                                 "Check the network connection and the server address, and try again."));
      g_error_free (error);
      return;
    }
  if (root == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  visitors = read_visitors (root);
  if (visitors == NULL)
    {
      liaison_sync_engine_set_bad_answer (&error, "contact-requests: visitors");
      g_task_return_error (task, error);
      return;
    }
  /* This session's memory, never the desk's file. */
  g_hash_table_replace (self->shown_contacts, g_strdup (request->reception_uuid), g_ptr_array_ref (visitors));
  g_task_return_pointer (task, visitors, (GDestroyNotify) g_ptr_array_unref);
}

static void
load_token_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  ContactRequest *request = task_data;
  GError *error = NULL;

  request->token = liaison_token_store_load (request->server_id, request->path, &error);
  if (request->token == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
token_loaded (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  LiaisonSyncEngine *self = g_task_get_source_object (task);
  ContactRequest *request = g_task_get_task_data (task);
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(SoupMessage) message = NULL;
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      GError *wrapped = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_task_return_error (task, error);
          return;
        }
      g_set_error_literal (&wrapped, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_BAD_TOKEN, error->message);
      g_error_free (error);
      g_task_return_error (task, wrapped);
      return;
    }
  body = request_body (request);
  message = liaison_sync_engine_new_request (SOUP_METHOD_POST, request->base_url, "/v1/contact-requests",
                                             request->token, body, &error);
  if (message == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_object_set_data_full (G_OBJECT (task), "message", g_object_ref (message), g_object_unref);
  soup_session_send_and_read_async (self->session, message, G_PRIORITY_DEFAULT,
                                    g_task_get_cancellable (task), request_sent, g_object_ref (task));
}

void
liaison_sync_engine_request_contacts_async (LiaisonSyncEngine   *self,
                                            const char          *reception_uuid,
                                            const char          *reason,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) lookup = NULL;
  g_autofree char *server_url = NULL;
  ContactRequest *request;
  GError *error = NULL;

  g_return_if_fail (LIAISON_IS_SYNC_ENGINE (self));
  g_return_if_fail (reception_uuid != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, liaison_sync_engine_request_contacts_async);

  if (liaison_store_get_sync_role (self->store) != LIAISON_SYNC_ROLE_HQ)
    {
      g_task_return_new_error (task, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_NOT_ENROLLED, "%s",
                               _("Only a headquarters desk connected to the server may ask for a visitor’s "
                                 "contacts. Nothing was shown."));
      return;
    }
  /* The server checks it again (the wire's check of an access_log entry). */
  if (liaison_text_is_blank (reason))
    {
      g_task_return_new_error (task, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, "%s",
                               _("Say why the contacts are needed: the reason is written in the access log."));
      return;
    }

  request = g_new0 (ContactRequest, 1);
  g_task_set_task_data (task, request, (GDestroyNotify) contact_request_free);
  request->reception_uuid = g_strdup (reception_uuid);
  request->reason = g_strstrip (g_strdup (reason));
  request->actor = liaison_store_get_desk_setting (self->store, "name");
  request->desk = liaison_store_dup_access_desk (self->store, NULL);
  request->server_id = liaison_store_get_server_id (self->store);
  request->path = g_strdup (liaison_store_get_path (self->store));
  server_url = liaison_store_get_server_url (self->store);
  request->base_url = server_url != NULL ? liaison_sync_engine_normalize_server_url (server_url, &error) : NULL;
  if (request->base_url == NULL || request->server_id == NULL)
    {
      if (error == NULL)
        g_set_error_literal (&error, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_NOT_ENROLLED,
                             _("This station is not connected to headquarters yet; "
                               "connect it with an enrollment code first"));
      g_task_return_error (task, error);
      return;
    }

  /* The keyring may ask the user to unlock it: never on the main thread. */
  lookup = g_task_new (self, cancellable, token_loaded, g_object_ref (task));
  g_task_set_task_data (lookup, g_task_get_task_data (task), NULL);
  g_task_run_in_thread (lookup, load_token_thread);
}

GPtrArray *
liaison_sync_engine_request_contacts_finish (LiaisonSyncEngine  *self,
                                             GAsyncResult       *result,
                                             GError            **error)
{
  g_return_val_if_fail (LIAISON_IS_SYNC_ENGINE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

GPtrArray *
liaison_sync_engine_get_shown_contacts (LiaisonSyncEngine *self,
                                        const char        *reception_uuid)
{
  g_return_val_if_fail (LIAISON_IS_SYNC_ENGINE (self), NULL);

  return reception_uuid != NULL ? g_hash_table_lookup (self->shown_contacts, reception_uuid) : NULL;
}

gboolean
liaison_sync_engine_fill_shown_contacts (LiaisonSyncEngine *self,
                                         LiaisonReception  *reception)
{
  GPtrArray *shown;

  g_return_val_if_fail (LIAISON_IS_SYNC_ENGINE (self), FALSE);
  g_return_val_if_fail (reception != NULL, FALSE);

  shown = liaison_sync_engine_get_shown_contacts (self, reception->meta.uuid);
  if (shown == NULL)
    return FALSE;
  for (guint i = 0; i < shown->len && i < reception->visitors->len; i++)
    {
      LiaisonVisitor *visitor = g_ptr_array_index (reception->visitors, i);
      const LiaisonVisitor *given = g_ptr_array_index (shown, i);

      g_free (visitor->phone);
      visitor->phone = g_strdup (given->phone);
    }
  return TRUE;
}
