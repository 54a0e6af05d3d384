/* liaison-hq-server.c: the HTTP side of liaison-hq (protocol v1): the
 * server object, its answers, and the way of each request to its
 * endpoint's handler (liaison-hq-server-endpoints.c, the attachments'
 * liaison-hq-attachments.c).
 *
 * Every answer carries Liaison-Protocol: 1, every error is a JSON body with
 * a stable code (docs/sync-protocol.md), and every request leaves one log
 * line on stderr. Messages on the wire are English: they are read by the
 * client, which says what happened in the user's words.
 *
 * Bodies may be gzip both ways (docs/sync-protocol.md, "Compression"):
 * every answer says Accept-Encoding: gzip, for request bodies (RFC 7694),
 * and a JSON answer is gzip when its request accepts it.
 */
#define G_LOG_DOMAIN "liaison-hq-server"

#include "config.h"

#include <libsoup/soup.h>
#include <string.h>

#include "liaison-gzip.h"
#include "liaison-hq-attachments.h"
#include "liaison-hq-body-limit.h"
#include "liaison-hq-connections.h"
#include "liaison-hq-server.h"
#include "liaison-hq-server-private.h"
#include "liaison-loop.h"
#include "liaison-protocol.h"

struct _LiaisonHqServer
{
  GObject parent_instance;

  /* owned */
  LiaisonHqStore *store;
  SoupServer     *soup;
  LiaisonHqAttachments *attachments;
  LiaisonHqConnections *connections;

  /* settings */
  gboolean compression;  /* gzip answers, and say that requests may be gzip */
};

G_DEFINE_FINAL_TYPE (LiaisonHqServer, liaison_hq_server, G_TYPE_OBJECT)

static void
liaison_hq_server_dispose (GObject *object)
{
  LiaisonHqServer *self = LIAISON_HQ_SERVER (object);

  if (self->soup != NULL)
    soup_server_disconnect (self->soup);
  g_clear_object (&self->soup);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (liaison_hq_server_parent_class)->dispose (object);
}

static void
liaison_hq_server_finalize (GObject *object)
{
  LiaisonHqServer *self = LIAISON_HQ_SERVER (object);

  g_clear_pointer (&self->attachments, liaison_hq_attachments_free);
  g_clear_pointer (&self->connections, liaison_hq_connections_unref);

  G_OBJECT_CLASS (liaison_hq_server_parent_class)->finalize (object);
}

static void
liaison_hq_server_class_init (LiaisonHqServerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = liaison_hq_server_dispose;
  object_class->finalize = liaison_hq_server_finalize;
}

static void
liaison_hq_server_init (LiaisonHqServer *self)
{
  self->compression = TRUE;
}

/* Answers */

static void
reply_text (SoupServerMessage *msg,
            guint              status,
            char              *json)  /* taken */
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  LiaisonHqRequestInfo *info = liaison_hq_server_request_info (msg);
  gsize length = strlen (json);

  soup_message_headers_replace (headers, LIAISON_PROTOCOL_HEADER, "1");
  soup_server_message_set_status (msg, status, NULL);
  if (info != NULL && info->gzip_answer && length >= LIAISON_GZIP_MIN_BYTES)
    {
      g_autoptr(GBytes) gzip = liaison_gzip_compress (json, length);
      SoupMessageBody *body = soup_server_message_get_response_body (msg);

      g_free (json);
      soup_message_headers_set_content_type (headers, "application/json", NULL);
      soup_message_headers_replace (headers, "Content-Encoding", LIAISON_GZIP_CODING);
      soup_message_headers_replace (headers, "Vary", "Accept-Encoding");
      soup_message_body_truncate (body);
      soup_message_body_append_bytes (body, gzip);
      return;
    }
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE, json, length);
}

void
liaison_hq_server_reply_node (SoupServerMessage *msg,
                              guint              status,
                              JsonNode          *node)
{
  reply_text (msg, status, json_to_string (node, FALSE));
}

static void
reply_error (SoupServerMessage *msg,
             guint              status,
             const char        *code,
             const char        *message)
{
  g_autoptr(JsonNode) body = liaison_protocol_error_body (code, message);
  LiaisonHqRequestInfo *info = liaison_hq_server_request_info (msg);

  if (info != NULL)
    info->error_code = code;
  liaison_hq_server_reply_node (msg, status, body);
}

/* For the other handlers (liaison-hq-server-private.h). */

void
liaison_hq_server_reply_text (SoupServerMessage *msg,
                              guint              status,
                              char              *json)
{
  reply_text (msg, status, json);
}

void
liaison_hq_server_reply_error (SoupServerMessage *msg,
                               guint              status,
                               const char        *code,
                               const char        *message)
{
  reply_error (msg, status, code, message);
}

/* Routing */

LiaisonHqEndpoint
liaison_hq_server_route (const char  *path,
                         const char **allowed)
{
  if (g_str_equal (path, "/v1/hello"))
    {
      *allowed = "GET";
      return LIAISON_HQ_ENDPOINT_HELLO;
    }
  if (g_str_equal (path, "/v1/enroll"))
    {
      *allowed = "POST";
      return LIAISON_HQ_ENDPOINT_ENROLL;
    }
  if (g_str_equal (path, "/v1/push"))
    {
      *allowed = "POST";
      return LIAISON_HQ_ENDPOINT_PUSH;
    }
  if (g_str_equal (path, "/v1/pull"))
    {
      *allowed = "GET";
      return LIAISON_HQ_ENDPOINT_PULL;
    }
  if (g_str_equal (path, "/v1/contact-requests"))
    {
      *allowed = "POST";
      return LIAISON_HQ_ENDPOINT_CONTACT_REQUEST;
    }
  if (g_str_has_prefix (path, "/v1/attachments/") &&
      liaison_loop_is_sha256 (path + strlen ("/v1/attachments/")))
    {
      *allowed = "GET, HEAD, PUT";
      return LIAISON_HQ_ENDPOINT_ATTACHMENT;
    }
  *allowed = NULL;
  return LIAISON_HQ_ENDPOINT_NONE;
}

static gboolean
method_allowed (const char *method,
                const char *allowed)
{
  g_auto(GStrv) methods = g_strsplit (allowed, ", ", -1);

  return g_strv_contains ((const char * const *) methods, method);
}

/* Whether @msg's Accept-Encoding takes gzip (with a quality above 0). */
static gboolean
accepts_gzip (SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *accept = soup_message_headers_get_list (headers, "Accept-Encoding");
  GSList *codings;
  gboolean found = FALSE;

  if (accept == NULL)
    return FALSE;
  codings = soup_header_parse_quality_list (accept, NULL);
  for (GSList *l = codings; l != NULL && !found; l = l->next)
    found = g_ascii_strcasecmp (l->data, LIAISON_GZIP_CODING) == 0 || g_str_equal (l->data, "*");
  soup_header_free_list (codings);
  return found;
}

/* Answers 413 and returns FALSE for a body over its limit. */
static gboolean
check_size (SoupServerMessage *msg,
            LiaisonHqEndpoint  endpoint)
{
  if (!liaison_hq_body_limit_exceeded (msg))
    return TRUE;
  reply_error (msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, LIAISON_PROTOCOL_ERROR_TOO_LARGE,
               endpoint == LIAISON_HQ_ENDPOINT_ATTACHMENT ? "An attachment may be at most 10 MiB."
                                                          : "The request body is over 8 MiB.");
  return FALSE;
}

/* Inflates a gzip request body within its limit (liaison-hq-body-limit.h),
 * or answers why it cannot be read and returns FALSE. Only once the
 * caller is known, for what needs a token: inflating costs the server
 * time that a stranger's bomb should not. */
static gboolean
decode_body (LiaisonHqServer   *self,
             SoupServerMessage *msg,
             LiaisonHqEndpoint  endpoint)
{
  switch (liaison_hq_body_limit_decode (msg))
    {
    case LIAISON_HQ_BODY_PLAIN:
      return check_size (msg, endpoint);
    case LIAISON_HQ_BODY_BROKEN:
      reply_error (msg, SOUP_STATUS_BAD_REQUEST, LIAISON_PROTOCOL_ERROR_BAD_ENCODING,
                   "The body says Content-Encoding: gzip and is not gzip, or is cut short.");
      return FALSE;
    case LIAISON_HQ_BODY_UNKNOWN_CODING:
    default:
      reply_error (msg, SOUP_STATUS_UNSUPPORTED_MEDIA_TYPE, LIAISON_PROTOCOL_ERROR_UNSUPPORTED_ENCODING,
                   self->compression ? "A request body may be gzip, or not compressed."
                                     : "A request body may not be compressed.");
      return FALSE;
    }
}

static void
handler (SoupServer        *soup,
         SoupServerMessage *msg,
         const char        *path,
         GHashTable        *query,
         gpointer           user_data)
{
  LiaisonHqServer *self = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *method = soup_server_message_get_method (msg);
  const char *protocol = soup_message_headers_get_one (headers, LIAISON_PROTOCOL_HEADER);
  g_autoptr(LiaisonHqToken) token = NULL;
  const char *allowed = NULL;
  LiaisonHqEndpoint endpoint = liaison_hq_server_route (path, &allowed);
  LiaisonHqRequestInfo *info = liaison_hq_server_request_info (msg);

  if (self->compression)
    {
      /* RFC 7694: request bodies may be gzip. */
      soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                    "Accept-Encoding", LIAISON_GZIP_CODING);
      if (info != NULL)
        info->gzip_answer = accepts_gzip (msg);
    }
  if (endpoint == LIAISON_HQ_ENDPOINT_NONE)
    {
      reply_error (msg, SOUP_STATUS_NOT_FOUND, LIAISON_PROTOCOL_ERROR_NOT_FOUND,
                   "There is no such endpoint.");
      return;
    }
  if (!method_allowed (method, allowed))
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Allow", allowed);
      reply_error (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, LIAISON_PROTOCOL_ERROR_METHOD_NOT_ALLOWED,
                   "This endpoint does not take this method.");
      return;
    }
  if (protocol == NULL || !g_str_equal (protocol, "1"))
    {
      reply_error (msg, SOUP_STATUS_BAD_REQUEST, LIAISON_PROTOCOL_ERROR_UNSUPPORTED_PROTOCOL,
                   "This server speaks Liaison-Protocol 1 and the request does not say it.");
      return;
    }
  if (!check_size (msg, endpoint))
    return;

  if ((g_str_equal (method, "GET") || g_str_equal (method, "HEAD")) &&
      soup_server_message_get_request_body (msg)->length > 0)
    {
      /* No client sends one; such a request is not a station's. */
      reply_error (msg, SOUP_STATUS_BAD_REQUEST, LIAISON_PROTOCOL_ERROR_BAD_REQUEST,
                   "A GET or HEAD request takes no body.");
      return;
    }

  switch (endpoint)
    {
    case LIAISON_HQ_ENDPOINT_HELLO:
      liaison_hq_server_handle_hello (self->store, msg);
      return;
    case LIAISON_HQ_ENDPOINT_ENROLL:
      if (decode_body (self, msg, endpoint))
        liaison_hq_server_handle_enroll (self->store, msg);
      return;
    default:
      break;
    }

  token = liaison_hq_server_authenticate (self->store, msg);
  if (token == NULL || !decode_body (self, msg, endpoint))
    return;
  switch (endpoint)
    {
    case LIAISON_HQ_ENDPOINT_PUSH:
      liaison_hq_server_handle_push (self->store, msg, token);
      break;
    case LIAISON_HQ_ENDPOINT_PULL:
      liaison_hq_server_handle_pull (self->store, msg, query, token);
      break;
    case LIAISON_HQ_ENDPOINT_CONTACT_REQUEST:
      liaison_hq_server_handle_contact_request (self->store, msg, token);
      break;
    case LIAISON_HQ_ENDPOINT_ATTACHMENT:
      liaison_hq_attachments_handle (self->attachments, msg, path + strlen ("/v1/attachments/"), token);
      break;
    case LIAISON_HQ_ENDPOINT_NONE:
    case LIAISON_HQ_ENDPOINT_HELLO:
    case LIAISON_HQ_ENDPOINT_ENROLL:
    default:
      g_assert_not_reached ();
    }
}

LiaisonHqServer *
liaison_hq_server_new (LiaisonHqStore *store)
{
  LiaisonHqServer *self = g_object_new (LIAISON_TYPE_HQ_SERVER, NULL);

  self->store = g_object_ref (store);
  self->attachments = liaison_hq_attachments_new (store);
  self->connections = liaison_hq_connections_new (liaison_hq_connections_fit ());
  self->soup = soup_server_new ("server-header", "liaison-hq", NULL);
  g_signal_connect (self->soup, "request-started",
                    G_CALLBACK (liaison_hq_server_request_started), self->connections);
  g_signal_connect (self->soup, "request-finished", G_CALLBACK (liaison_hq_server_request_done), self);
  g_signal_connect (self->soup, "request-aborted", G_CALLBACK (liaison_hq_server_request_done), self);
  soup_server_add_early_handler (self->soup, NULL, liaison_hq_server_early_handler, self, NULL);
  soup_server_add_handler (self->soup, NULL, handler, self, NULL);
  return self;
}

void
liaison_hq_server_set_quota (LiaisonHqServer      *self,
                             const LiaisonHqQuota *quota)
{
  liaison_hq_attachments_set_quota (self->attachments, quota);
}

void
liaison_hq_server_set_compression (LiaisonHqServer *self,
                                   gboolean         compression)
{
  self->compression = compression;
}

guint
liaison_hq_server_get_max_connections (LiaisonHqServer *self)
{
  return liaison_hq_connections_get_budget (self->connections);
}

void
liaison_hq_server_stop (LiaisonHqServer *self)
{
  if (self->soup != NULL)
    soup_server_disconnect (self->soup);
}

SoupServer *
liaison_hq_server_get_soup (LiaisonHqServer *self)
{
  return self->soup;
}
