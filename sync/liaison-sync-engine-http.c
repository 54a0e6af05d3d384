/* liaison-sync-engine-http.c: requests to headquarters and what their answers
 * say: the address, the headers and body (gzip once headquarters said it
 * takes that), and an answer read into JSON or an error in words. */
#define G_LOG_DOMAIN "liaison-sync-engine"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "liaison-gzip.h"
#include "liaison-json-depth.h"
#include "liaison-protocol.h"
#include "liaison-store-private.h"
#include "liaison-sync-engine-private.h"
#include "liaison-sync-network.h"

/* Requests and answers. */

/* The request's JSON body, as it is before any compression. */
#define JSON_BODY_KEY "liaison-json-body"
/* "ORIGIN": the server at ORIGIN ("https://hq.example.cn:-1") said that
 * request bodies may be gzip (docs/sync-protocol.md, "Compression");
 * unset: not known to, so bodies go plain. */
#define SETTING_REQUEST_GZIP "request_gzip"

/* "scheme://host:port" of @message's address. */
static char *
origin_of (SoupMessage *message)
{
  GUri *uri = soup_message_get_uri (message);

  return g_strdup_printf ("%s://%s:%d", g_uri_get_scheme (uri), g_uri_get_host (uri), g_uri_get_port (uri));
}

void
liaison_sync_engine_set_json_body (SoupMessage *message,
                                   GBytes      *json)
{
  g_object_set_data_full (G_OBJECT (message), JSON_BODY_KEY, g_bytes_ref (json),
                          (GDestroyNotify) g_bytes_unref);
  soup_message_set_request_body_from_bytes (message, "application/json", json);
}

/* SoupSession::request-queued: a JSON body goes gzip if the server it
 * goes to said it takes that. */
void
liaison_sync_engine_compress_request (SoupSession *session,
                                      SoupMessage *message,
                                      gpointer     user_data)
{
  LiaisonSyncEngine *self = user_data;
  GBytes *json = g_object_get_data (G_OBJECT (message), JSON_BODY_KEY);
  g_autofree char *takes = NULL;
  g_autofree char *origin = NULL;
  g_autoptr(GBytes) gzip = NULL;
  gsize length;

  if (json == NULL || self->store == NULL || (length = g_bytes_get_size (json)) < LIAISON_GZIP_MIN_BYTES)
    return;
  takes = liaison_store_get_setting (self->store, SETTING_REQUEST_GZIP);
  origin = origin_of (message);
  if (g_strcmp0 (takes, origin) != 0)
    return;
  gzip = liaison_gzip_compress (g_bytes_get_data (json, NULL), length);
  soup_message_set_request_body_from_bytes (message, "application/json", gzip);
  soup_message_headers_replace (soup_message_get_request_headers (message), "Content-Encoding",
                                LIAISON_GZIP_CODING);
}

/* Notes whether the Liaison server that answered @message takes gzip
 * request bodies: its Accept-Encoding (RFC 7694) says so, and a server
 * that stops saying it (an older one put back) is believed too. */
static void
note_request_coding (LiaisonSyncEngine *self,
                     SoupMessage       *message,
                     gboolean           refused)
{
  SoupMessageHeaders *headers = soup_message_get_response_headers (message);
  const char *accept = soup_message_headers_get_list (headers, "Accept-Encoding");
  g_autofree char *origin = origin_of (message);
  g_autofree char *noted = liaison_store_get_setting (self->store, SETTING_REQUEST_GZIP);
  g_autoptr(GError) error = NULL;
  gboolean takes = FALSE;

  if (accept != NULL && !refused)
    {
      GSList *codings = soup_header_parse_quality_list (accept, NULL);

      for (GSList *l = codings; l != NULL && !takes; l = l->next)
        takes = g_ascii_strcasecmp (l->data, LIAISON_GZIP_CODING) == 0;
      soup_header_free_list (codings);
    }
  if (takes && g_strcmp0 (noted, origin) != 0)
    liaison_store_set_setting (self->store, SETTING_REQUEST_GZIP, origin, &error);
  else if (!takes && g_strcmp0 (noted, origin) == 0)
    liaison_store_set_setting (self->store, SETTING_REQUEST_GZIP, NULL, &error);
  if (error != NULL)
    g_message ("Whether headquarters takes gzip could not be noted: %s", error->message);
}

/* "https://hq.example.cn/" → "https://hq.example.cn"; NULL if it is not an
 * http(s) address. */
char *
liaison_sync_engine_normalize_server_url (const char  *text,
                                          GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_autoptr(GUri) uri = NULL;
  const char *scheme;
  gsize len;

  uri = g_uri_parse (stripped, G_URI_FLAGS_NONE, NULL);
  scheme = uri != NULL ? g_uri_get_scheme (uri) : NULL;
  if (uri == NULL || g_uri_get_host (uri) == NULL || g_uri_get_host (uri)[0] == '\0' ||
      (g_ascii_strcasecmp (scheme, "https") != 0 && g_ascii_strcasecmp (scheme, "http") != 0))
    {
      g_set_error (error, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_WRONG_SERVER,
                   /* Translators: %s is what the user typed as the headquarters address. */
                   _("“%s” is not a web address; it should look like https://hq.example.cn"),
                   stripped);
      return NULL;
    }
  len = strlen (stripped);
  while (len > 0 && stripped[len - 1] == '/')
    stripped[--len] = '\0';
  return g_steal_pointer (&stripped);
}

SoupMessage *
liaison_sync_engine_new_request (const char  *method,
                                 const char  *base_url,
                                 const char  *path,
                                 const char  *token,
                                 JsonNode    *body,
                                 GError     **error)
{
  g_autoptr(GBytes) bytes = body != NULL ? liaison_sync_engine_encode_body (body) : NULL;

  return liaison_sync_engine_new_request_bytes (method, base_url, path, token, bytes, error);
}

/* The same with the body already written as JSON (a push batch encoded
 * ahead, while the last one was in flight). */
SoupMessage *
liaison_sync_engine_new_request_bytes (const char  *method,
                                       const char  *base_url,
                                       const char  *path,
                                       const char  *token,
                                       GBytes      *body,
                                       GError     **error)
{
  g_autofree char *url = g_strconcat (base_url, path, NULL);
  g_autoptr(SoupMessage) message = soup_message_new (method, url);
  SoupMessageHeaders *headers;

  if (message == NULL)
    {
      g_set_error (error, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_WRONG_SERVER,
                   _("“%s” is not a web address; it should look like https://hq.example.cn"),
                   base_url);
      return NULL;
    }
  headers = soup_message_get_request_headers (message);
  soup_message_headers_replace (headers, LIAISON_PROTOCOL_HEADER, G_STRINGIFY (LIAISON_PROTOCOL_VERSION));
  soup_message_headers_replace (headers, "Accept", "application/json");
  if (token != NULL)
    {
      g_autofree char *bearer = g_strconcat ("Bearer ", token, NULL);

      soup_message_headers_replace (headers, "Authorization", bearer);
    }
  if (body != NULL)
    liaison_sync_engine_set_json_body (message, body);
  return g_steal_pointer (&message);
}

GBytes *
liaison_sync_engine_encode_body (JsonNode *body)
{
  char *text = json_to_string (body, FALSE);

  return g_bytes_new_take (text, strlen (text));
}

JsonNode *
liaison_sync_engine_new_body (void)
{
  JsonObject *object = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_object_set_int_member (object, "protocol", LIAISON_PROTOCOL_VERSION);
  json_node_take_object (node, object);
  return node;
}

void
liaison_sync_engine_set_bad_answer (GError     **error,
                                    const char  *detail)
{
  g_set_error (error, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_BAD_ANSWER,
               /* Translators: %s is a technical detail, in English. */
               _("Headquarters sent an answer this station cannot read (%s). Nothing here was changed. "
                 "Sync again later; if this keeps happening, tell the city people's congress standing "
                 "committee and give them this message"),
               detail);
}

/* Whether what libsoup gave back is a success from a Liaison server; if
 * not, @error says in words what went wrong. @send_error is consumed. */
gboolean
liaison_sync_engine_check_answer (LiaisonSyncEngine  *self,
                                  SoupMessage        *message,
                                  GBytes             *bytes,
                                  GError             *send_error,
                                  GError            **error)
{
  SoupMessageHeaders *headers;
  const char *protocol;
  guint status;
  const char *data = NULL;
  gsize length = 0;

  if (send_error != NULL)
    {
      if (g_error_matches (send_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, send_error);
      else if (send_error->domain == G_TLS_ERROR)
        {
          g_set_error (error, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_TLS,
                       _("The secure connection to headquarters failed: %s. Check the address, "
                         "the computer's clock and the server's certificate"),
                       send_error->message);
          g_error_free (send_error);
        }
      else
        {
          /* Cut or never reached, the line is down for now; the sentence
           * says which. */
          liaison_sync_engine_set_online (self, FALSE);
          g_propagate_error (error, liaison_sync_network_error (message, send_error));
          g_error_free (send_error);
        }
      return FALSE;
    }

  liaison_sync_engine_set_online (self, TRUE);
  status = soup_message_get_status (message);
  headers = soup_message_get_response_headers (message);
  protocol = soup_message_headers_get_one (headers, LIAISON_PROTOCOL_HEADER);
  if (bytes != NULL)
    data = g_bytes_get_data (bytes, &length);

  if (protocol == NULL)
    {
      /* A proxy in front of a stopped server answers like this. */
      if (status == SOUP_STATUS_BAD_GATEWAY || status == SOUP_STATUS_SERVICE_UNAVAILABLE ||
          status == SOUP_STATUS_GATEWAY_TIMEOUT)
        {
          g_set_error (error, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_SERVER,
                       _("Headquarters is not answering right now (HTTP %u); the station will try again"),
                       status);
          return FALSE;
        }
      g_set_error_literal (error, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_WRONG_SERVER,
                           _("This address does not answer like a Liaison headquarters server"));
      return FALSE;
    }
  if (g_strcmp0 (protocol, G_STRINGIFY (LIAISON_PROTOCOL_VERSION)) != 0)
    {
      g_set_error (error, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_PROTOCOL,
                   /* Translators: %s is a protocol version number. */
                   _("Headquarters speaks sync protocol %s and this Liaison speaks protocol 1; "
                     "Liaison or the server needs updating"),
                   protocol);
      return FALSE;
    }

  if (status >= 400)
    {
      g_autofree char *code = NULL;
      g_autofree char *server_message = NULL;
      gboolean coding_refused;

      if (!liaison_protocol_parse_error (data, length, &code, &server_message))
        {
          code = g_strdup ("");
          server_message = g_strdup (soup_message_get_reason_phrase (message));
        }
      coding_refused = g_str_equal (code, LIAISON_PROTOCOL_ERROR_BAD_ENCODING) ||
                       g_str_equal (code, LIAISON_PROTOCOL_ERROR_UNSUPPORTED_ENCODING);
      note_request_coding (self, message, coding_refused);

      if (status >= 500)
        g_set_error (error, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_SERVER,
                     _("Headquarters failed to answer (HTTP %u: %s); the station will try again"),
                     status, server_message);
      else if (g_str_equal (code, LIAISON_PROTOCOL_ERROR_REVOKED_TOKEN))
        g_set_error_literal (error, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_REVOKED,
                             _("Headquarters no longer accepts this station's key; enroll again with a new code"));
      else if (status == SOUP_STATUS_UNAUTHORIZED)
        g_set_error_literal (error, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_BAD_TOKEN,
                             _("Headquarters does not know this station's key; enroll again with a new code"));
      else if (g_str_equal (code, LIAISON_PROTOCOL_ERROR_BAD_CODE))
        g_set_error_literal (error, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_BAD_CODE,
                             _("Headquarters does not know this enrollment code, or it was already used; "
                               "ask headquarters for a new one"));
      else if (g_str_equal (code, LIAISON_PROTOCOL_ERROR_FORBIDDEN))
        g_set_error_literal (error, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_BAD_TOKEN,
                             _("Headquarters does not allow this station's key to do this"));
      else if (coding_refused)
        g_set_error_literal (error, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_SERVER,
                             _("Headquarters could not read what this station sent compressed; nothing was "
                               "changed. Sync again: the station now sends it uncompressed"));
      else if (g_str_equal (code, LIAISON_PROTOCOL_ERROR_UNSUPPORTED_PROTOCOL))
        g_set_error (error, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_PROTOCOL,
                     _("Headquarters does not speak this Liaison's sync protocol (%s)"), server_message);
      else
        g_set_error (error, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_PROTOCOL,
                     /* Translators: the first %s is an error code, the second the server's English message. */
                     _("Headquarters refused the request (%s: %s)"), code, server_message);
      return FALSE;
    }

  note_request_coding (self, message, FALSE);
  if (status < 200 || status >= 300)
    {
      g_autofree char *detail = g_strdup_printf ("HTTP %u", status);

      liaison_sync_engine_set_bad_answer (error, detail);
      return FALSE;
    }

  return TRUE;
}

/* Turns what libsoup gave back into the answer's JSON object, or an error
 * that says in words what went wrong. @send_error is consumed. */
JsonNode *
liaison_sync_engine_read_answer (LiaisonSyncEngine  *self,
                                 SoupMessage        *message,
                                 GBytes             *bytes,
                                 GError             *send_error,
                                 GError            **error)
{
  if (!liaison_sync_engine_check_answer (self, message, bytes, send_error, error))
    return NULL;
  return liaison_sync_engine_parse_answer (bytes, error);
}

/* The JSON object of an answer's body that liaison_sync_engine_check_answer()
 * accepted, or an error in words. Touches nothing else: a thread may call
 * it. */
JsonNode *
liaison_sync_engine_parse_answer (GBytes  *bytes,
                                  GError **error)
{
  const char *data = NULL;
  gsize length = 0;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) parse_error = NULL;
  JsonNode *root;

  if (bytes != NULL)
    data = g_bytes_get_data (bytes, &length);
  parser = json_parser_new ();
  if (data == NULL || length == 0 ||
      !liaison_json_load (parser, data, (gssize) length, &parse_error))
    {
      if (g_error_matches (parse_error, LIAISON_JSON_ERROR, LIAISON_JSON_ERROR_TOO_DEEP))
        g_set_error (error, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_BAD_ANSWER,
                     /* Translators: %d is a number of levels, 64. */
                     _("Headquarters sent an answer nested more than %d levels deep, which this station "
                       "does not read; nothing was changed. Tell headquarters' administrator"),
                     LIAISON_JSON_MAX_DEPTH);
      else
        liaison_sync_engine_set_bad_answer (error, parse_error != NULL ? parse_error->message : "empty body");
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      liaison_sync_engine_set_bad_answer (error, "not a JSON object");
      return NULL;
    }
  /* The parser's own tree, not a copy of it. */
  return json_node_ref (root);
}

/* A store error while applying an answer: the store checked the answer and
 * wrote nothing, so it is the answer's fault. */
GError *
liaison_sync_engine_answer_error_from_store (GError *store_error)
{
  GError *error = NULL;

  if (g_error_matches (store_error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID))
    liaison_sync_engine_set_bad_answer (&error, store_error->message);
  else
    error = g_error_copy (store_error);
  return error;
}
