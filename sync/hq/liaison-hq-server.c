/* liaison-hq-server.c: the HTTP side of liaison-hq (protocol v1).
 *
 * Every answer carries Liaison-Protocol: 1, every error is a JSON body with
 * a stable code (docs/sync-protocol.md), and every request leaves one log
 * line on stderr. Messages on the wire are English: they are read by the
 * client, which says what happened in the user's words.
 */
#define G_LOG_DOMAIN "liaison-hq-server"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <string.h>

#include "liaison-hq-attachments.h"
#include "liaison-hq-connections.h"
#include "liaison-hq-deadline.h"
#include "liaison-hq-json-body.h"
#include "liaison-hq-reports.h"
#include "liaison-hq-server.h"
#include "liaison-hq-server-private.h"
#include "liaison-loop.h"
#include "liaison-protocol.h"
#include "liaison-seq-ranges.h"

/* Connections waiting to be accepted (the kernel caps it at somaxconn). */
#define LISTEN_BACKLOG 1024

struct _LiaisonHqServer
{
  GObject parent_instance;

  /* owned */
  LiaisonHqStore *store;
  SoupServer     *soup;
  LiaisonHqAttachments *attachments;
  LiaisonHqConnections *connections;
};

G_DEFINE_FINAL_TYPE (LiaisonHqServer, liaison_hq_server, G_TYPE_OBJECT)

typedef enum {
  ENDPOINT_NONE,
  ENDPOINT_HELLO,
  ENDPOINT_ENROLL,
  ENDPOINT_PUSH,
  ENDPOINT_PULL,
  ENDPOINT_ATTACHMENT,
} Endpoint;

/* What the log line of one request says. */
typedef struct {
  gint64      started;       /* monotonic, µs */
  Endpoint    endpoint;
  gsize       cap;           /* body limit for this endpoint */
  gsize       received;      /* body bytes seen */
  gboolean    too_large;
  guint       records_in;
  guint       records_out;
  guint       records_skipped;  /* pull: changes the caller's own pushes wrote */
  char       *token_label;   /* "station:ab12cd34", NULL without a token */
  const char *error_code;
} RequestInfo;

static void
request_info_free (RequestInfo *info)
{
  g_free (info->token_label);
  g_free (info);
}

static RequestInfo *
request_info (SoupServerMessage *msg)
{
  return g_object_get_data (G_OBJECT (msg), "liaison-hq-request");
}

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
}

/* Answers */

static void
reply_text (SoupServerMessage *msg,
            guint              status,
            char              *json)  /* taken */
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  soup_message_headers_replace (headers, LIAISON_PROTOCOL_HEADER, "1");
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE, json, strlen (json));
}

static void
reply_node (SoupServerMessage *msg,
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
  RequestInfo *info = request_info (msg);

  if (info != NULL)
    info->error_code = code;
  reply_node (msg, status, body);
}

/* For the attachment handlers (liaison-hq-server-private.h). */

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

static Endpoint
route (const char  *path,
       const char **allowed)
{
  if (g_str_equal (path, "/v1/hello"))
    {
      *allowed = "GET";
      return ENDPOINT_HELLO;
    }
  if (g_str_equal (path, "/v1/enroll"))
    {
      *allowed = "POST";
      return ENDPOINT_ENROLL;
    }
  if (g_str_equal (path, "/v1/push"))
    {
      *allowed = "POST";
      return ENDPOINT_PUSH;
    }
  if (g_str_equal (path, "/v1/pull"))
    {
      *allowed = "GET";
      return ENDPOINT_PULL;
    }
  if (g_str_has_prefix (path, "/v1/attachments/") &&
      liaison_loop_is_sha256 (path + strlen ("/v1/attachments/")))
    {
      *allowed = "GET, HEAD, PUT";
      return ENDPOINT_ATTACHMENT;
    }
  *allowed = NULL;
  return ENDPOINT_NONE;
}

static gboolean
method_allowed (const char *method,
                const char *allowed)
{
  g_auto(GStrv) methods = g_strsplit (allowed, ", ", -1);

  return g_strv_contains ((const char * const *) methods, method);
}

/* Body limits */

static void
got_chunk_cb (SoupServerMessage *msg,
              GBytes            *chunk,
              gpointer           user_data)
{
  RequestInfo *info = request_info (msg);

  if (info == NULL)
    return;
  info->received += g_bytes_get_size (chunk);
  if (info->received > info->cap && !info->too_large)
    {
      /* Keep reading, to answer 413 properly, but stop keeping it. */
      info->too_large = TRUE;
      soup_message_body_set_accumulate (soup_server_message_get_request_body (msg), FALSE);
    }
}

static void
request_started_cb (SoupServer        *soup,
                    SoupServerMessage *msg,
                    gpointer           user_data)
{
  LiaisonHqServer *self = user_data;
  RequestInfo *info = g_new0 (RequestInfo, 1);

  info->started = g_get_monotonic_time ();
  info->cap = LIAISON_MAX_BODY_BYTES;
  g_object_set_data_full (G_OBJECT (msg), "liaison-hq-request", info,
                          (GDestroyNotify) request_info_free);
  g_signal_connect (msg, "got-chunk", G_CALLBACK (got_chunk_cb), NULL);
  liaison_hq_deadline_watch (msg);
  liaison_hq_connections_track (self->connections, msg);
}

static void
early_handler (SoupServer        *soup,
               SoupServerMessage *msg,
               const char        *path,
               GHashTable        *query,
               gpointer           user_data)
{
  RequestInfo *info = request_info (msg);
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *allowed = NULL;
  goffset length;

  if (info == NULL)
    return;
  info->endpoint = route (path, &allowed);
  if (info->endpoint == ENDPOINT_ATTACHMENT)
    info->cap = LIAISON_MAX_ATTACHMENT_BYTES;

  if (soup_message_headers_get_encoding (headers) != SOUP_ENCODING_CONTENT_LENGTH)
    return;
  length = soup_message_headers_get_content_length (headers);
  if (length > 0 && (guint64) length > info->cap)
    {
      /* libsoup reads the body in any case: drop it as it comes, and
       * answer 413 once it is read. */
      info->too_large = TRUE;
      soup_message_body_set_accumulate (soup_server_message_get_request_body (msg), FALSE);
    }
}

static void
request_done_cb (SoupServer        *soup,
                 SoupServerMessage *msg,
                 gpointer           user_data)
{
  RequestInfo *info = request_info (msg);
  GUri *uri = soup_server_message_get_uri (msg);
  double ms;

  if (info == NULL || soup_server_message_get_method (msg) == NULL)
    return;
  ms = (g_get_monotonic_time () - info->started) / 1000.0;
  /* One line per request; never a token, a code or a body. */
  g_printerr ("method=%s path=%s status=%u ms=%.1f records_in=%u records_out=%u records_skipped=%u token=%s%s%s\n",
              soup_server_message_get_method (msg),
              uri != NULL ? g_uri_get_path (uri) : "-",
              soup_server_message_get_status (msg),
              ms, info->records_in, info->records_out, info->records_skipped,
              info->token_label != NULL ? info->token_label : "-",
              info->error_code != NULL ? " error=" : "",
              info->error_code != NULL ? info->error_code : "");
}

/* Checks */

static LiaisonHqToken *
authenticate (LiaisonHqServer   *self,
              SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *auth = soup_message_headers_get_one (headers, "Authorization");
  g_autofree char *hash = NULL;
  g_autoptr(GError) error = NULL;
  LiaisonHqToken *token;

  if (auth == NULL || g_ascii_strncasecmp (auth, "Bearer ", 7) != 0 || auth[7] == '\0')
    {
      reply_error (msg, SOUP_STATUS_UNAUTHORIZED, LIAISON_PROTOCOL_ERROR_NO_TOKEN,
                   "This request needs an Authorization: Bearer token.");
      return NULL;
    }
  {
    g_autofree char *stripped = g_strstrip (g_strdup (auth + 7));

    hash = liaison_protocol_hash_token (stripped);
  }
  token = liaison_hq_store_lookup_token (self->store, hash, &error);
  if (token == NULL)
    {
      if (g_error_matches (error, LIAISON_HQ_STORE_ERROR, LIAISON_HQ_STORE_ERROR_REVOKED))
        reply_error (msg, SOUP_STATUS_UNAUTHORIZED, LIAISON_PROTOCOL_ERROR_REVOKED_TOKEN, error->message);
      else if (g_error_matches (error, LIAISON_HQ_STORE_ERROR, LIAISON_HQ_STORE_ERROR_NOT_FOUND))
        reply_error (msg, SOUP_STATUS_UNAUTHORIZED, LIAISON_PROTOCOL_ERROR_BAD_TOKEN, error->message);
      else
        {
          g_printerr ("liaison-hq: %s\n", error->message);
          reply_error (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, LIAISON_PROTOCOL_ERROR_SERVER_ERROR,
                       "The server could not read its tokens.");
        }
      return NULL;
    }
  {
    RequestInfo *info = request_info (msg);

    if (info != NULL)
      info->token_label = g_strdup_printf ("%s:%s", liaison_hq_role_to_string (token->role), token->id);
  }
  return token;
}

/* Endpoints */

static void
handle_hello (LiaisonHqServer   *self,
              SoupServerMessage *msg)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "service");
  json_builder_add_string_value (builder, "liaison-hq");
  json_builder_set_member_name (builder, "protocol");
  json_builder_add_int_value (builder, LIAISON_PROTOCOL_VERSION);
  json_builder_set_member_name (builder, "server_id");
  json_builder_add_string_value (builder, liaison_hq_store_get_server_id (self->store));
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  reply_node (msg, SOUP_STATUS_OK, root);
}

static void
handle_enroll (LiaisonHqServer   *self,
               SoupServerMessage *msg)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(LiaisonHqToken) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  JsonObject *body = liaison_hq_read_json_body (msg, &parser);
  JsonNode *code;

  if (body == NULL)
    return;
  code = json_object_get_member (body, "code");
  if (code == NULL || !JSON_NODE_HOLDS_VALUE (code) || json_node_get_value_type (code) != G_TYPE_STRING ||
      *json_node_get_string (code) == '\0')
    {
      reply_error (msg, SOUP_STATUS_BAD_REQUEST, LIAISON_PROTOCOL_ERROR_BAD_JSON,
                   "The body must give the enrollment \"code\".");
      return;
    }

  token = liaison_hq_store_enroll (self->store, json_node_get_string (code), &info, &error);
  if (token == NULL)
    {
      if (g_error_matches (error, LIAISON_HQ_STORE_ERROR, LIAISON_HQ_STORE_ERROR_NOT_FOUND))
        reply_error (msg, SOUP_STATUS_FORBIDDEN, LIAISON_PROTOCOL_ERROR_BAD_CODE,
                     "The enrollment code is not known or was already used.");
      else
        {
          g_printerr ("liaison-hq: %s\n", error->message);
          reply_error (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, LIAISON_PROTOCOL_ERROR_SERVER_ERROR,
                       "The server could not enroll; nothing was written.");
        }
      return;
    }
  {
    RequestInfo *request = request_info (msg);

    if (request != NULL)
      request->token_label = g_strdup_printf ("%s:%s", liaison_hq_role_to_string (info->role), info->id);
  }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "token");
  json_builder_add_string_value (builder, token);
  json_builder_set_member_name (builder, "role");
  json_builder_add_string_value (builder, liaison_hq_role_to_string (info->role));
  json_builder_set_member_name (builder, "server_id");
  json_builder_add_string_value (builder, liaison_hq_store_get_server_id (self->store));
  json_builder_set_member_name (builder, "station");
  if (info->role == LIAISON_HQ_ROLE_STATION && info->station_uuid != NULL)
    {
      g_autoptr(JsonObject) data = liaison_hq_store_get_data (self->store, LIAISON_KIND_STATION,
                                                              info->station_uuid, NULL);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "uuid");
      json_builder_add_string_value (builder, info->station_uuid);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, data != NULL && json_object_has_member (data, "name")
                                              ? json_object_get_string_member (data, "name") : info->name);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, data != NULL && json_object_has_member (data, "kind")
                                              ? json_object_get_string_member (data, "kind") : "station");
      json_builder_set_member_name (builder, "district");
      if (data != NULL && json_object_has_member (data, "district") &&
          !json_object_get_null_member (data, "district"))
        json_builder_add_string_value (builder, json_object_get_string_member (data, "district"));
      else
        json_builder_add_string_value (builder, "");
      json_builder_end_object (builder);
    }
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  reply_node (msg, SOUP_STATUS_OK, root);
}

static void
handle_push (LiaisonHqServer   *self,
             SoupServerMessage *msg,
             LiaisonHqToken    *token)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(JsonArray) results = NULL;
  g_autoptr(GError) error = NULL;
  RequestInfo *info = request_info (msg);
  JsonObject *body = liaison_hq_read_json_body (msg, &parser);
  JsonNode *records;
  guint n_applied = 0;

  if (body == NULL)
    return;
  records = json_object_get_member (body, "records");
  if (records == NULL || !JSON_NODE_HOLDS_ARRAY (records))
    {
      reply_error (msg, SOUP_STATUS_BAD_REQUEST, LIAISON_PROTOCOL_ERROR_BAD_JSON,
                   "The body must have a \"records\" array.");
      return;
    }
  if (json_array_get_length (json_node_get_array (records)) > LIAISON_MAX_PUSH_RECORDS)
    {
      reply_error (msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, LIAISON_PROTOCOL_ERROR_TOO_LARGE,
                   "A push may carry at most 500 records.");
      return;
    }
  if (info != NULL)
    info->records_in = json_array_get_length (json_node_get_array (records));
  /* Optional (docs/sync-protocol.md): an older desk never sends it, an
   * older server ignores it, and a bad one never fails the push. */
  if (json_object_has_member (body, "set_aside") &&
      JSON_NODE_HOLDS_ARRAY (json_object_get_member (body, "set_aside")))
    liaison_hq_reports_add (self->store, token, json_object_get_array_member (body, "set_aside"));

  results = liaison_hq_store_push (self->store, token, json_node_get_array (records), &n_applied, &error);
  if (results == NULL)
    {
      g_printerr ("liaison-hq: %s\n", error->message);
      reply_error (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, LIAISON_PROTOCOL_ERROR_SERVER_ERROR,
                   "The server could not save the records; nothing was written.");
      return;
    }
  {
    g_autoptr(JsonObject) answer = json_object_new ();
    g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);

    json_object_set_array_member (answer, "results", g_steal_pointer (&results));
    json_node_set_object (root, answer);
    reply_node (msg, SOUP_STATUS_OK, root);
  }
}

static gboolean
parse_query_int (GHashTable *query,
                 const char *name,
                 gint64      min,
                 gint64      max,
                 gint64      fallback,
                 gint64     *value)
{
  const char *text = query != NULL ? g_hash_table_lookup (query, name) : NULL;
  guint64 parsed;

  *value = fallback;
  if (text == NULL)
    return TRUE;
  if (!g_ascii_string_to_unsigned (text, 10, (guint64) min, (guint64) max, &parsed, NULL))
    return FALSE;
  *value = (gint64) parsed;
  return TRUE;
}

static void
handle_pull (LiaisonHqServer   *self,
             SoupServerMessage *msg,
             GHashTable        *query,
             LiaisonHqToken    *token)
{
  g_autoptr(GError) error = NULL;
  RequestInfo *info = request_info (msg);
  gint64 since;
  gint64 limit;
  guint n = 0;
  guint n_skipped = 0;
  g_autoptr(GArray) skip = NULL;
  char *page;

  if (!parse_query_int (query, "since", 0, G_MAXINT64, 0, &since) ||
      !parse_query_int (query, "limit", 1, LIAISON_MAX_PULL_LIMIT, LIAISON_DEFAULT_PULL_LIMIT, &limit))
    {
      reply_error (msg, SOUP_STATUS_BAD_REQUEST, LIAISON_PROTOCOL_ERROR_BAD_REQUEST,
                   "since must be a sequence number (0 or more) and limit a number from 1 to 1000.");
      return;
    }
  skip = liaison_seq_ranges_parse (query != NULL ? g_hash_table_lookup (query, "skip") : NULL, &error);
  if (skip == NULL)
    {
      reply_error (msg, SOUP_STATUS_BAD_REQUEST, LIAISON_PROTOCOL_ERROR_BAD_REQUEST, error->message);
      return;
    }
  page = liaison_hq_store_pull (self->store, token, since, (guint) limit, skip, &n, &n_skipped, &error);
  if (page == NULL)
    {
      g_printerr ("liaison-hq: %s\n", error->message);
      reply_error (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, LIAISON_PROTOCOL_ERROR_SERVER_ERROR,
                   "The server could not read its change feed.");
      return;
    }
  if (info != NULL)
    {
      info->records_out = n;
      info->records_skipped = n_skipped;
    }
  reply_text (msg, SOUP_STATUS_OK, page);
}

static void
handler (SoupServer        *soup,
         SoupServerMessage *msg,
         const char        *path,
         GHashTable        *query,
         gpointer           user_data)
{
  LiaisonHqServer *self = user_data;
  RequestInfo *info = request_info (msg);
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *method = soup_server_message_get_method (msg);
  const char *protocol = soup_message_headers_get_one (headers, LIAISON_PROTOCOL_HEADER);
  g_autoptr(LiaisonHqToken) token = NULL;
  const char *allowed = NULL;
  Endpoint endpoint = route (path, &allowed);

  if (endpoint == ENDPOINT_NONE)
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
  if (info != NULL && info->too_large)
    {
      reply_error (msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, LIAISON_PROTOCOL_ERROR_TOO_LARGE,
                   endpoint == ENDPOINT_ATTACHMENT ? "An attachment may be at most 10 MiB."
                                                   : "The request body is over 8 MiB.");
      return;
    }

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
    case ENDPOINT_HELLO:
      handle_hello (self, msg);
      return;
    case ENDPOINT_ENROLL:
      handle_enroll (self, msg);
      return;
    default:
      break;
    }

  token = authenticate (self, msg);
  if (token == NULL)
    return;
  switch (endpoint)
    {
    case ENDPOINT_PUSH:
      handle_push (self, msg, token);
      break;
    case ENDPOINT_PULL:
      handle_pull (self, msg, query, token);
      break;
    case ENDPOINT_ATTACHMENT:
      liaison_hq_attachments_handle (self->attachments, msg, path + strlen ("/v1/attachments/"), token);
      break;
    case ENDPOINT_NONE:
    case ENDPOINT_HELLO:
    case ENDPOINT_ENROLL:
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
  g_signal_connect (self->soup, "request-started", G_CALLBACK (request_started_cb), self);
  g_signal_connect (self->soup, "request-finished", G_CALLBACK (request_done_cb), self);
  g_signal_connect (self->soup, "request-aborted", G_CALLBACK (request_done_cb), self);
  soup_server_add_early_handler (self->soup, NULL, early_handler, self, NULL);
  soup_server_add_handler (self->soup, NULL, handler, self, NULL);
  return self;
}

/* "HOST:PORT" or "[V6]:PORT" */
static GSocketAddress *
parse_listen (const char  *listen,
              char       **host_out,
              GError     **error)
{
  const char *colon = strrchr (listen, ':');
  g_autofree char *host = NULL;
  guint64 port = 0;
  GInetAddress *address;
  GSocketAddress *result;

  if (colon == NULL || !g_ascii_string_to_unsigned (colon + 1, 10, 0, 65535, &port, NULL))
    goto bad;
  host = g_strndup (listen, colon - listen);
  if (host[0] == '[' && host[strlen (host) - 1] == ']')
    {
      char *inner = g_strndup (host + 1, strlen (host) - 2);

      g_free (host);
      host = inner;
    }
  if (g_str_equal (host, "localhost"))
    {
      g_free (host);
      host = g_strdup ("127.0.0.1");
    }
  address = g_inet_address_new_from_string (host);
  if (address == NULL)
    goto bad;
  result = g_inet_socket_address_new (address, (guint16) port);
  g_object_unref (address);
  *host_out = g_steal_pointer (&host);
  return result;

bad:
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
               _("“%s” is not an address to listen on: give an IP address and a port, as 127.0.0.1:8600 or 0.0.0.0:8600."),
               listen);
  return NULL;
}

char *
liaison_hq_server_listen (LiaisonHqServer  *self,
                          const char       *listen,
                          const char       *tls_cert,
                          const char       *tls_key,
                          GError          **error)
{
  g_autoptr(GSocketAddress) address = NULL;
  g_autoptr(GSocket) socket = NULL;
  g_autofree char *host = NULL;
  SoupServerListenOptions options = 0;
  GSList *uris;
  guint port = 0;

  address = parse_listen (listen, &host, error);
  if (address == NULL)
    return NULL;

  if (tls_cert != NULL || tls_key != NULL)
    {
      g_autoptr(GTlsCertificate) certificate = NULL;
      g_autoptr(GError) local_error = NULL;

      if (tls_cert == NULL || tls_key == NULL)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               _("HTTPS needs both --tls-cert and --tls-key."));
          return NULL;
        }
      certificate = g_tls_certificate_new_from_files (tls_cert, tls_key, &local_error);
      if (certificate == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("Could not read the TLS certificate “%s” and key “%s”: %s"),
                       tls_cert, tls_key, local_error->message);
          return NULL;
        }
      soup_server_set_tls_certificate (self->soup, certificate);
      options |= SOUP_SERVER_LISTEN_HTTPS;
    }

  /* soup_server_listen() leaves GSocket's backlog of 10: when a
   * district's stations sync at the same moment, the kernel then drops or
   * resets the connections past it. The socket is made here to give it a
   * deeper queue. */
  socket = g_socket_new (g_socket_address_get_family (address), G_SOCKET_TYPE_STREAM,
                         G_SOCKET_PROTOCOL_TCP, error);
  if (socket == NULL)
    return NULL;
  g_socket_set_listen_backlog (socket, LISTEN_BACKLOG);
  if (!g_socket_bind (socket, address, TRUE, error) ||
      !g_socket_listen (socket, error) ||
      !soup_server_listen_socket (self->soup, socket, options, error))
    return NULL;

  uris = soup_server_get_uris (self->soup);
  if (uris != NULL)
    port = (guint) g_uri_get_port (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  if (strchr (host, ':') != NULL)
    return g_strdup_printf ("%s://[%s]:%u", tls_cert != NULL ? "https" : "http", host, port);
  return g_strdup_printf ("%s://%s:%u", tls_cert != NULL ? "https" : "http", host, port);
}

void
liaison_hq_server_set_quota (LiaisonHqServer      *self,
                             const LiaisonHqQuota *quota)
{
  liaison_hq_attachments_set_quota (self->attachments, quota);
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
