/* liaison-hq-server-endpoints.c: liaison-hq's endpoints hello, enroll,
 * push and pull, and the bearer token check before push and pull. */
#define G_LOG_DOMAIN "liaison-hq-server"

#include "config.h"

#include <libsoup/soup.h>

#include "liaison-hq-json-body.h"
#include "liaison-hq-reports.h"
#include "liaison-hq-server-private.h"
#include "liaison-protocol.h"
#include "liaison-seq-ranges.h"

/* Checks */

LiaisonHqToken *
liaison_hq_server_authenticate (LiaisonHqStore    *store,
                                SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *auth = soup_message_headers_get_one (headers, "Authorization");
  g_autofree char *hash = NULL;
  g_autoptr(GError) error = NULL;
  LiaisonHqToken *token;

  if (auth == NULL || g_ascii_strncasecmp (auth, "Bearer ", 7) != 0 || auth[7] == '\0')
    {
      liaison_hq_server_reply_error (msg, SOUP_STATUS_UNAUTHORIZED, LIAISON_PROTOCOL_ERROR_NO_TOKEN,
                                     "This request needs an Authorization: Bearer token.");
      return NULL;
    }
  {
    g_autofree char *stripped = g_strstrip (g_strdup (auth + 7));

    hash = liaison_protocol_hash_token (stripped);
  }
  token = liaison_hq_store_lookup_token (store, hash, &error);
  if (token == NULL)
    {
      if (g_error_matches (error, LIAISON_HQ_STORE_ERROR, LIAISON_HQ_STORE_ERROR_REVOKED))
        liaison_hq_server_reply_error (msg, SOUP_STATUS_UNAUTHORIZED, LIAISON_PROTOCOL_ERROR_REVOKED_TOKEN, error->message);
      else if (g_error_matches (error, LIAISON_HQ_STORE_ERROR, LIAISON_HQ_STORE_ERROR_NOT_FOUND))
        liaison_hq_server_reply_error (msg, SOUP_STATUS_UNAUTHORIZED, LIAISON_PROTOCOL_ERROR_BAD_TOKEN, error->message);
      else
        {
          g_printerr ("liaison-hq: %s\n", error->message);
          liaison_hq_server_reply_error (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, LIAISON_PROTOCOL_ERROR_SERVER_ERROR,
                                         "The server could not read its tokens.");
        }
      return NULL;
    }
  {
    LiaisonHqRequestInfo *info = liaison_hq_server_request_info (msg);

    if (info != NULL)
      info->token_label = g_strdup_printf ("%s:%s", liaison_hq_role_to_string (token->role), token->id);
  }
  return token;
}

/* Endpoints */

void
liaison_hq_server_handle_hello (LiaisonHqStore    *store,
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
  json_builder_add_string_value (builder, liaison_hq_store_get_server_id (store));
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  liaison_hq_server_reply_node (msg, SOUP_STATUS_OK, root);
}

void
liaison_hq_server_handle_enroll (LiaisonHqStore    *store,
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
      liaison_hq_server_reply_error (msg, SOUP_STATUS_BAD_REQUEST, LIAISON_PROTOCOL_ERROR_BAD_JSON,
                                     "The body must give the enrollment \"code\".");
      return;
    }

  token = liaison_hq_store_enroll (store, json_node_get_string (code), &info, &error);
  if (token == NULL)
    {
      if (g_error_matches (error, LIAISON_HQ_STORE_ERROR, LIAISON_HQ_STORE_ERROR_NOT_FOUND))
        liaison_hq_server_reply_error (msg, SOUP_STATUS_FORBIDDEN, LIAISON_PROTOCOL_ERROR_BAD_CODE,
                                       "The enrollment code is not known or was already used.");
      else
        {
          g_printerr ("liaison-hq: %s\n", error->message);
          liaison_hq_server_reply_error (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, LIAISON_PROTOCOL_ERROR_SERVER_ERROR,
                                         "The server could not enroll; nothing was written.");
        }
      return;
    }
  {
    LiaisonHqRequestInfo *request = liaison_hq_server_request_info (msg);

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
  json_builder_add_string_value (builder, liaison_hq_store_get_server_id (store));
  json_builder_set_member_name (builder, "station");
  if (info->role == LIAISON_HQ_ROLE_STATION && info->station_uuid != NULL)
    {
      g_autoptr(JsonObject) data = liaison_hq_store_get_data (store, LIAISON_KIND_STATION,
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
      /* Only when the station has one, as in its record. */
      if (data != NULL && json_object_has_member (data, "address") &&
          !json_object_get_null_member (data, "address"))
        {
          json_builder_set_member_name (builder, "address");
          json_builder_add_string_value (builder, json_object_get_string_member (data, "address"));
        }
      json_builder_end_object (builder);
    }
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  liaison_hq_server_reply_node (msg, SOUP_STATUS_OK, root);
}

static void
unref_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  g_object_unref (task_data);
  g_task_return_boolean (task, TRUE);
}

/* A push's parsed body, a tree of 500 records, is freed in a thread once
 * the push is answered: a tenth of the server's time in a push, which the
 * next request need not wait for. Nothing else holds on to it (the
 * results copy what they say). */
static void
free_parser_later (JsonParser *parser)
{
  g_autoptr(GTask) task = NULL;

  if (parser == NULL)
    return;
  task = g_task_new (NULL, NULL, NULL, NULL);
  g_task_set_task_data (task, parser, NULL);
  g_task_run_in_thread (task, unref_thread);
}

typedef JsonParser JsonParserLater;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JsonParserLater, free_parser_later)

void
liaison_hq_server_handle_push (LiaisonHqStore    *store,
                               SoupServerMessage *msg,
                               LiaisonHqToken    *token)
{
  g_autoptr(JsonParserLater) parser = NULL;
  g_autoptr(JsonArray) results = NULL;
  g_autoptr(GError) error = NULL;
  LiaisonHqRequestInfo *info = liaison_hq_server_request_info (msg);
  JsonObject *body = liaison_hq_read_json_body (msg, (JsonParser **) &parser);
  JsonNode *records;
  guint n_applied = 0;

  if (body == NULL)
    return;
  records = json_object_get_member (body, "records");
  if (records == NULL || !JSON_NODE_HOLDS_ARRAY (records))
    {
      liaison_hq_server_reply_error (msg, SOUP_STATUS_BAD_REQUEST, LIAISON_PROTOCOL_ERROR_BAD_JSON,
                                     "The body must have a \"records\" array.");
      return;
    }
  if (json_array_get_length (json_node_get_array (records)) > LIAISON_MAX_PUSH_RECORDS)
    {
      liaison_hq_server_reply_error (msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, LIAISON_PROTOCOL_ERROR_TOO_LARGE,
                                     "A push may carry at most 500 records.");
      return;
    }
  if (info != NULL)
    info->records_in = json_array_get_length (json_node_get_array (records));
  /* Optional (docs/sync-protocol.md): an older desk never sends it, an
   * older server ignores it, and a bad one never fails the push. */
  if (json_object_has_member (body, "set_aside") &&
      JSON_NODE_HOLDS_ARRAY (json_object_get_member (body, "set_aside")))
    liaison_hq_reports_add (store, token, json_object_get_array_member (body, "set_aside"));

  results = liaison_hq_store_push (store, token, json_node_get_array (records), &n_applied, &error);
  if (results == NULL)
    {
      g_printerr ("liaison-hq: %s\n", error->message);
      liaison_hq_server_reply_error (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, LIAISON_PROTOCOL_ERROR_SERVER_ERROR,
                                     "The server could not save the records; nothing was written.");
      return;
    }
  {
    g_autoptr(JsonObject) answer = json_object_new ();
    g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);

    json_object_set_array_member (answer, "results", g_steal_pointer (&results));
    json_node_set_object (root, answer);
    liaison_hq_server_reply_node (msg, SOUP_STATUS_OK, root);
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

void
liaison_hq_server_handle_pull (LiaisonHqStore    *store,
                               SoupServerMessage *msg,
                               GHashTable        *query,
                               LiaisonHqToken    *token)
{
  g_autoptr(GError) error = NULL;
  LiaisonHqRequestInfo *info = liaison_hq_server_request_info (msg);
  gint64 since;
  gint64 limit;
  guint n = 0;
  guint n_skipped = 0;
  g_autoptr(GArray) skip = NULL;
  char *page;

  if (!parse_query_int (query, "since", 0, G_MAXINT64, 0, &since) ||
      !parse_query_int (query, "limit", 1, LIAISON_MAX_PULL_LIMIT, LIAISON_DEFAULT_PULL_LIMIT, &limit))
    {
      liaison_hq_server_reply_error (msg, SOUP_STATUS_BAD_REQUEST, LIAISON_PROTOCOL_ERROR_BAD_REQUEST,
                                     "since must be a sequence number (0 or more) and limit a number from 1 to 1000.");
      return;
    }
  skip = liaison_seq_ranges_parse (query != NULL ? g_hash_table_lookup (query, "skip") : NULL, &error);
  if (skip == NULL)
    {
      liaison_hq_server_reply_error (msg, SOUP_STATUS_BAD_REQUEST, LIAISON_PROTOCOL_ERROR_BAD_REQUEST, error->message);
      return;
    }
  page = liaison_hq_store_pull (store, token, since, (guint) limit, skip, &n, &n_skipped, &error);
  if (page == NULL)
    {
      g_printerr ("liaison-hq: %s\n", error->message);
      liaison_hq_server_reply_error (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, LIAISON_PROTOCOL_ERROR_SERVER_ERROR,
                                     "The server could not read its change feed.");
      return;
    }
  if (info != NULL)
    {
      info->records_out = n;
      info->records_skipped = n_skipped;
    }
  liaison_hq_server_reply_text (msg, SOUP_STATUS_OK, page);
}
