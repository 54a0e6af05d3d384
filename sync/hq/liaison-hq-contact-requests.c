/* liaison-hq-contact-requests.c: POST /v1/contact-requests, a
 * headquarters officer asking for a reception's contacts with a reason
 * (docs/sync-protocol.md, "Contact requests"; docs/privacy.md,
 * "Headquarters and contacts"). Headquarters' desks pull visitors' phones
 * masked; this is the one way a full number reaches one, and the server
 * logs it (an access_log record of its own) before it answers. */
#define G_LOG_DOMAIN "liaison-hq-server"

#include "config.h"

#include <libsoup/soup.h>

#include "liaison-hq-json-body.h"
#include "liaison-hq-server-private.h"
#include "liaison-protocol.h"

/* The optional string member @name of @body: NULL when absent or null;
 * FALSE when it is something else. */
static gboolean
optional_string (JsonObject  *body,
                 const char  *name,
                 const char **value)
{
  JsonNode *node = json_object_get_member (body, name);

  *value = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return FALSE;
  *value = json_node_get_string (node);
  return TRUE;
}

void
liaison_hq_server_handle_contact_request (LiaisonHqStore    *store,
                                          SoupServerMessage *msg,
                                          LiaisonHqToken    *token)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(JsonObject) answer = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *body;
  const char *reception = NULL;
  const char *reason = NULL;
  const char *actor = NULL;
  const char *desk = NULL;

  /* Before the body is read: a station learns nothing from it. */
  if (token->role != LIAISON_HQ_ROLE_HQ)
    {
      liaison_hq_server_reply_error (msg, SOUP_STATUS_FORBIDDEN, LIAISON_PROTOCOL_ERROR_FORBIDDEN,
                                     "Only a headquarters token may ask for a visitor's contacts.");
      return;
    }
  body = liaison_hq_read_json_body (msg, &parser);
  if (body == NULL)
    return;
  if (!optional_string (body, "reception", &reception) || !optional_string (body, "reason", &reason) ||
      !optional_string (body, "actor", &actor) || !optional_string (body, "desk", &desk) ||
      reception == NULL || reason == NULL)
    {
      liaison_hq_server_reply_error (msg, SOUP_STATUS_BAD_REQUEST, LIAISON_PROTOCOL_ERROR_BAD_JSON,
                                     "The body must give the \"reception\" (a uuid) and the \"reason\" (text); "
                                     "\"actor\" and \"desk\" are text if given.");
      return;
    }
  if (!g_uuid_string_is_valid (reception))
    {
      liaison_hq_server_reply_error (msg, SOUP_STATUS_BAD_REQUEST, LIAISON_PROTOCOL_ERROR_BAD_REQUEST,
                                     "\"reception\" must be a reception's uuid.");
      return;
    }

  answer = liaison_hq_store_request_contacts (store, token, reception, reason, actor, desk, &error);
  if (answer == NULL)
    {
      if (g_error_matches (error, LIAISON_HQ_STORE_ERROR, LIAISON_HQ_STORE_ERROR_NOT_FOUND))
        liaison_hq_server_reply_error (msg, SOUP_STATUS_NOT_FOUND, LIAISON_PROTOCOL_ERROR_NOT_FOUND,
                                       "There is no such reception.");
      else if (g_error_matches (error, LIAISON_HQ_STORE_ERROR, LIAISON_HQ_STORE_ERROR_INVALID))
        liaison_hq_server_reply_error (msg, SOUP_STATUS_BAD_REQUEST, LIAISON_PROTOCOL_ERROR_BAD_REQUEST,
                                       error->message);
      else
        {
          g_printerr ("liaison-hq: %s\n", error->message);
          liaison_hq_server_reply_error (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, LIAISON_PROTOCOL_ERROR_SERVER_ERROR,
                                         "The server could not log the request; nothing was answered.");
        }
      return;
    }
  {
    g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);

    json_node_set_object (root, answer);
    liaison_hq_server_reply_node (msg, SOUP_STATUS_OK, root);
  }
}
