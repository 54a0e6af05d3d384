/* liaison-hq-json-body.c: a request's JSON body, checked before any
 * handler reads it (liaison-hq-json-body.h). */
#define G_LOG_DOMAIN "liaison-hq-server"

#include "config.h"

#include "liaison-hq-json-body.h"
#include "liaison-hq-server-private.h"
#include "liaison-json-depth.h"
#include "liaison-protocol.h"

JsonObject *
liaison_hq_read_json_body (SoupServerMessage  *msg,
                           JsonParser        **parser_out)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  const char *type = soup_message_headers_get_content_type (headers, NULL);
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  JsonNode *root;
  JsonObject *object;
  JsonNode *protocol;
  gsize size = 0;
  const char *data;

  if (type == NULL || g_ascii_strcasecmp (type, "application/json") != 0)
    {
      liaison_hq_server_reply_error (msg, SOUP_STATUS_UNSUPPORTED_MEDIA_TYPE, LIAISON_PROTOCOL_ERROR_BAD_CONTENT_TYPE,
                   "The body must be application/json.");
      return NULL;
    }
  bytes = soup_message_body_flatten (body);
  data = g_bytes_get_data (bytes, &size);
  /* json-glib recurses per nesting level: a deep body would overflow the
   * stack, so its depth is checked before it is parsed. */
  if (!liaison_json_check (data, (gssize) size, LIAISON_JSON_MAX_DEPTH, &error))
    {
      liaison_hq_server_reply_error (msg, SOUP_STATUS_BAD_REQUEST, LIAISON_PROTOCOL_ERROR_BAD_JSON,
                   g_error_matches (error, LIAISON_JSON_ERROR, LIAISON_JSON_ERROR_TOO_DEEP)
                   ? "The body is nested more than " G_STRINGIFY (LIAISON_JSON_MAX_DEPTH) " levels deep."
                   : "The body is not plain JSON: it has a comment, a single-quoted string or a broken \\u escape.");
      return NULL;
    }
  parser = json_parser_new_immutable ();
  if (size == 0 || !json_parser_load_from_data (parser, data, (gssize) size, NULL) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      liaison_hq_server_reply_error (msg, SOUP_STATUS_BAD_REQUEST, LIAISON_PROTOCOL_ERROR_BAD_JSON,
                   "The body is not a JSON object.");
      return NULL;
    }
  object = json_node_get_object (root);
  protocol = json_object_get_member (object, "protocol");
  if (protocol == NULL || !JSON_NODE_HOLDS_VALUE (protocol) ||
      json_node_get_value_type (protocol) != G_TYPE_INT64 ||
      json_node_get_int (protocol) != LIAISON_PROTOCOL_VERSION)
    {
      liaison_hq_server_reply_error (msg, SOUP_STATUS_BAD_REQUEST, LIAISON_PROTOCOL_ERROR_UNSUPPORTED_PROTOCOL,
                   "The body must say \"protocol\": 1.");
      return NULL;
    }
  *parser_out = g_steal_pointer (&parser);
  return object;
}
