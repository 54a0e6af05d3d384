/* liaison-sync-engine.c: push, then pull, asynchronously. */

#define G_LOG_DOMAIN "liaison-sync-engine"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "liaison-json-depth.h"
#include "liaison-protocol.h"
#include "liaison-pull-page.h"
#include "liaison-store-attachments.h"
#include "liaison-store-quarantine.h"
#include "liaison-sync-engine.h"
#include "liaison-sync-network.h"
#include "liaison-sync-own-seqs.h"
#include "liaison-token-store.h"

#define DEFAULT_INTERVAL 600
#define REQUEST_TIMEOUT 60
/* A few rounds of conflicts are normal (the owner resends on top of the
 * server's version); a batch that makes no progress three times means
 * the server and the store disagree, and looping would not help. */
#define MAX_IDLE_PUSH_ROUNDS 3
/* Set-aside records reported to headquarters in one push: at most 1.3 MB
 * of their texts, well inside the server's body limit with 500 records. */
#define MAX_SET_ASIDE_REPORT 20

G_STATIC_ASSERT (LIAISON_ATTACHMENT_MAX_BYTES == LIAISON_MAX_ATTACHMENT_BYTES);

struct _LiaisonSyncEngine
{
  GObject parent_instance;

  /* owned */
  LiaisonStore *store;
  SoupSession *session;
  GPtrArray *callers;          /* GTask *: the sync in progress and who joined it */
  char *last_sync;
  char *last_error;

  /* automatic syncs */
  guint interval;
  guint timer_id;
  guint retry_id;
  guint backoff;               /* seconds before the next retry; 0: none pending */
  gboolean automatic;
  gboolean suspended;          /* a fatal error: wait for the user */
  gulong network_changed_id;

  /* borrowed */
  GNetworkMonitor *monitor;

  /* state */
  gboolean syncing;
  gboolean online;
  guint sent;
  guint received;
  guint pulled_records;        /* changes in the pull answers of the running (or last) sync */
  guint64 pulled_bytes;        /* and the size of those answers */
  gint64 files_paused_until;   /* monotonic µs: a 429's Retry-After, when no file is sent */
};

G_DEFINE_FINAL_TYPE (LiaisonSyncEngine, liaison_sync_engine, G_TYPE_OBJECT)
G_DEFINE_QUARK (liaison-sync-error-quark, liaison_sync_error)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SYNCING,
  PROP_ONLINE,
  PROP_LAST_SYNC,
  PROP_LAST_ERROR,
  PROP_SENT,
  PROP_RECEIVED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

gboolean
liaison_sync_error_is_transient (const GError *error)
{
  return error != NULL && error->domain == LIAISON_SYNC_ERROR &&
         (error->code == LIAISON_SYNC_ERROR_NETWORK || error->code == LIAISON_SYNC_ERROR_SERVER);
}

/* Property setters that notify only on change. */

static void
set_syncing (LiaisonSyncEngine *self,
             gboolean           syncing)
{
  if (self->syncing == syncing)
    return;
  self->syncing = syncing;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SYNCING]);
}

static void
set_online (LiaisonSyncEngine *self,
            gboolean           online)
{
  if (self->online == online)
    return;
  self->online = online;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ONLINE]);
}

static void
set_last_error (LiaisonSyncEngine *self,
                const char        *message)
{
  if (g_strcmp0 (self->last_error, message) == 0)
    return;
  g_free (self->last_error);
  self->last_error = g_strdup (message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_ERROR]);
}

static void
set_progress (LiaisonSyncEngine *self,
              guint              sent,
              guint              received)
{
  if (self->sent != sent)
    {
      self->sent = sent;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SENT]);
    }
  if (self->received != received)
    {
      self->received = received;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECEIVED]);
    }
}

static void
mark_synced_now (LiaisonSyncEngine *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_free (self->last_sync);
  self->last_sync = g_date_time_format (now, "%Y-%m-%d %H:%M");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_SYNC]);
}

/* Requests and answers. */

/* "https://hq.example.cn/" → "https://hq.example.cn"; NULL if it is not an
 * http(s) address. */
static char *
normalize_server_url (const char  *text,
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

static SoupMessage *
new_request (const char  *method,
             const char  *base_url,
             const char  *path,
             const char  *token,
             JsonNode    *body,
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
    {
      gsize length = 0;
      char *text = json_to_string (body, FALSE);
      g_autoptr(GBytes) bytes = NULL;

      length = strlen (text);
      bytes = g_bytes_new_take (text, length);
      soup_message_set_request_body_from_bytes (message, "application/json", bytes);
    }
  return g_steal_pointer (&message);
}

static JsonNode *
new_body (void)
{
  JsonObject *object = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_object_set_int_member (object, "protocol", LIAISON_PROTOCOL_VERSION);
  json_node_take_object (node, object);
  return node;
}

static void
set_bad_answer (GError     **error,
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
static gboolean
check_answer (LiaisonSyncEngine  *self,
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
          set_online (self, FALSE);
          g_propagate_error (error, liaison_sync_network_error (message, send_error));
          g_error_free (send_error);
        }
      return FALSE;
    }

  set_online (self, TRUE);
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

      if (!liaison_protocol_parse_error (data, length, &code, &server_message))
        {
          code = g_strdup ("");
          server_message = g_strdup (soup_message_get_reason_phrase (message));
        }

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
      else if (g_str_equal (code, LIAISON_PROTOCOL_ERROR_UNSUPPORTED_PROTOCOL))
        g_set_error (error, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_PROTOCOL,
                     _("Headquarters does not speak this Liaison's sync protocol (%s)"), server_message);
      else
        g_set_error (error, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_PROTOCOL,
                     /* Translators: the first %s is an error code, the second the server's English message. */
                     _("Headquarters refused the request (%s: %s)"), code, server_message);
      return FALSE;
    }

  if (status < 200 || status >= 300)
    {
      g_autofree char *detail = g_strdup_printf ("HTTP %u", status);

      set_bad_answer (error, detail);
      return FALSE;
    }

  return TRUE;
}

/* Turns what libsoup gave back into the answer's JSON object, or an error
 * that says in words what went wrong. @send_error is consumed. */
static JsonNode *
read_answer (LiaisonSyncEngine  *self,
             SoupMessage        *message,
             GBytes             *bytes,
             GError             *send_error,
             GError            **error)
{
  const char *data = NULL;
  gsize length = 0;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) parse_error = NULL;
  JsonNode *root;

  if (!check_answer (self, message, bytes, send_error, error))
    return NULL;
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
        set_bad_answer (error, parse_error != NULL ? parse_error->message : "empty body");
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      set_bad_answer (error, "not a JSON object");
      return NULL;
    }
  return json_node_copy (root);
}

/* Sync. */

typedef struct {
  LiaisonSyncEngine *self;    /* owned */
  GCancellable *cancellable;  /* owned: cancelled by the caller who started it */
  GCancellable *caller_cancellable;
  gulong cancelled_id;
  SoupMessage *message;
  char *base_url;
  char *token;
  GPtrArray *pushed;          /* JsonObject *: the batch in flight */
  guint batch_limit;
  guint idle_rounds;
  gint64 since;
  GPtrArray *attachments;     /* char *: the hashes to send, or to fetch */
  guint attachment_index;
  GBytes *attachment_bytes;   /* the file being sent */
  guint64 attachment_offset;  /* where its upload resumed */
  gboolean attachment_restarted;
  GError *attachment_refused; /* headquarters took no more files: said at the end */
  LiaisonSyncCounts counts;
  GPtrArray *set_aside;       /* LiaisonQuarantined *: this page's changes that could not be read */
  gint64 reported_up_to;      /* the last set-aside record this push reports; 0: none */
  gboolean report_sent;       /* the set-aside report went with an earlier push of this sync */
} SyncOp;

static void
sync_op_free (SyncOp *op)
{
  if (op->caller_cancellable != NULL)
    g_cancellable_disconnect (op->caller_cancellable, op->cancelled_id);
  g_clear_object (&op->caller_cancellable);
  g_clear_object (&op->cancellable);
  g_clear_pointer (&op->set_aside, g_ptr_array_unref);
  g_clear_object (&op->message);
  g_clear_pointer (&op->base_url, g_free);
  if (op->token != NULL)
    memset (op->token, 0, strlen (op->token));
  g_clear_pointer (&op->token, g_free);
  g_clear_pointer (&op->pushed, g_ptr_array_unref);
  g_clear_pointer (&op->attachments, g_ptr_array_unref);
  g_clear_pointer (&op->attachment_bytes, g_bytes_unref);
  g_clear_error (&op->attachment_refused);
  g_clear_object (&op->self);
  g_free (op);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SyncOp, sync_op_free)

static void push_next (SyncOp *op);
static void pull_next (SyncOp *op);
static void send_attachments (SyncOp *op);
static void fetch_attachments (SyncOp *op);

/* Ends the sync for everyone waiting on it. Takes @op and @error. */
static void
sync_finish (SyncOp *op,
             GError *error)
{
  LiaisonSyncEngine *self = g_object_ref (op->self);
  g_autoptr(GPtrArray) callers = g_steal_pointer (&self->callers);
  LiaisonSyncCounts counts = op->counts;

  /* The rest went through; the clerk still reads why a file did not. */
  if (error == NULL && op->attachment_refused != NULL)
    error = g_steal_pointer (&op->attachment_refused);

  sync_op_free (op);
  self->callers = g_ptr_array_new_with_free_func (g_object_unref);

  if (error == NULL)
    {
      mark_synced_now (self);
      set_last_error (self, NULL);
      self->suspended = FALSE;
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    set_last_error (self, error->message);
  set_syncing (self, FALSE);

  for (guint i = 0; i < callers->len; i++)
    {
      GTask *task = g_ptr_array_index (callers, i);

      if (error != NULL)
        g_task_return_error (task, g_error_copy (error));
      else
        g_task_return_pointer (task, g_memdup2 (&counts, sizeof counts), g_free);
    }
  g_clear_error (&error);
  g_object_unref (self);
}

/* A store error while applying an answer: the store checked the answer and
 * wrote nothing, so it is the answer's fault. */
static GError *
answer_error_from_store (GError *store_error)
{
  GError *error = NULL;

  if (g_error_matches (store_error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID))
    set_bad_answer (&error, store_error->message);
  else
    error = g_error_copy (store_error);
  return error;
}

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
      set_bad_answer (error, what);
      return FALSE;
    }
  if (!liaison_wire_check_record (json_node_get_object (node), &record_error))
    {
      set_bad_answer (error, record_error->message);
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
      set_bad_answer (error, "no results array");
      return FALSE;
    }
  results = json_node_get_array (node);
  if (json_array_get_length (results) != pushed->len)
    {
      set_bad_answer (error, "one result per record was expected");
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
          set_bad_answer (error, "a result is not an object");
          return FALSE;
        }
      result = json_node_get_object (element);
      status = json_object_get_string_member_with_default (result, "status", NULL);
      uuid = json_object_get_string_member_with_default (result, "uuid", NULL);
      if (status == NULL || uuid == NULL ||
          g_strcmp0 (uuid, json_object_get_string_member_with_default (record, "uuid", "")) != 0)
        {
          set_bad_answer (error, "a result does not name its record");
          return FALSE;
        }
      if (g_str_equal (status, LIAISON_PUSH_APPLIED) || g_str_equal (status, LIAISON_PUSH_DUPLICATE))
        {
          JsonNode *version = json_object_get_member (result, "version");

          if (version == NULL || json_node_get_value_type (version) != G_TYPE_INT64 ||
              json_node_get_int (version) < 1)
            {
              set_bad_answer (error, "a result has no version");
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
              set_bad_answer (error, "a rejection without a reason");
              return FALSE;
            }
        }
      else
        {
          set_bad_answer (error, "unknown result status");
          return FALSE;
        }
    }
  *results_out = results;
  return TRUE;
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

  bytes = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &send_error);
  root = read_answer (self, op->message, bytes, send_error, &error);
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
          push_next (op);
          return;
        }
      sync_finish (op, error);
      return;
    }

  if (!check_push_answer (root, op->pushed, &results, &error))
    {
      sync_finish (op, error);
      return;
    }

  done_before = op->counts.sent + op->counts.rejected;
  if (!liaison_store_apply_push_results (self->store, op->pushed, results, &op->counts, &store_error))
    {
      sync_finish (op, answer_error_from_store (store_error));
      return;
    }
  g_clear_pointer (&op->pushed, g_ptr_array_unref);
  liaison_sync_own_seqs_remember (self->store, results);
  set_progress (self, op->counts.sent, op->counts.received);
  if (op->reported_up_to > 0)
    {
      if (!liaison_store_mark_quarantine_reported (self->store, op->reported_up_to, &error))
        {
          sync_finish (op, error);
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
      pull_next (op);
      return;
    }
  push_next (op);
}

static void
push_next (SyncOp *op)
{
  LiaisonSyncEngine *self = op->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(JsonArray) report = NULL;
  JsonArray *records;

  if (g_cancellable_set_error_if_cancelled (op->cancellable, &error))
    {
      sync_finish (op, g_steal_pointer (&error));
      return;
    }

  op->pushed = liaison_store_collect_pending (self->store, op->batch_limit, &error);
  if (op->pushed == NULL)
    {
      sync_finish (op, g_steal_pointer (&error));
      return;
    }
  /* Pulled records set aside go to headquarters once, with the first push
   * (an empty one if nothing else waits); a server that does not know the
   * member ignores it (docs/sync-protocol.md). */
  op->reported_up_to = 0;
  if (!op->report_sent)
    {
      report = liaison_store_quarantine_report (self->store, MAX_SET_ASIDE_REPORT, &op->reported_up_to, &error);
      if (error != NULL)
        {
          sync_finish (op, g_steal_pointer (&error));
          return;
        }
      op->report_sent = TRUE;
    }
  if (op->pushed->len == 0 && report == NULL)
    {
      g_clear_pointer (&op->pushed, g_ptr_array_unref);
      pull_next (op);
      return;
    }

  body = new_body ();
  records = json_array_sized_new (op->pushed->len);
  for (guint i = 0; i < op->pushed->len; i++)
    json_array_add_object_element (records, json_object_ref (g_ptr_array_index (op->pushed, i)));
  json_object_set_array_member (json_node_get_object (body), "records", records);
  if (report != NULL)
    json_object_set_array_member (json_node_get_object (body), "set_aside", g_steal_pointer (&report));

  op->message = new_request (SOUP_METHOD_POST, op->base_url, "/v1/push", op->token, body, &error);
  if (op->message == NULL)
    {
      sync_finish (op, g_steal_pointer (&error));
      return;
    }
  soup_session_send_and_read_async (self->session, op->message, G_PRIORITY_DEFAULT,
                                    op->cancellable, push_done, op);
}

/* A change of a page that does not follow the protocol is set aside into
 * @set_aside and taken out of the page; FALSE if it was. */
static gboolean
accept_change (JsonArray *changes,
               guint      index,
               GPtrArray *set_aside)
{
  JsonNode *element = json_array_get_element (changes, index);
  g_autoptr(GError) record_error = NULL;
  g_autofree char *reason = NULL;

  if (JSON_NODE_HOLDS_OBJECT (element) &&
      liaison_wire_check_record (json_node_get_object (element), &record_error))
    {
      liaison_wire_normalize_record (json_node_get_object (element));
      return TRUE;
    }
  /* Translators: why a change from headquarters was set aside; %s is the technical reason, in English */
  reason = g_strdup_printf (_("It does not follow the sync protocol (%s)."),
                            record_error != NULL ? record_error->message : "not an object");
  g_ptr_array_add (set_aside, liaison_quarantined_new_node (element, reason));
  json_array_remove_element (changes, index);
  return FALSE;
}

static gboolean
check_pull_answer (JsonNode   *root,
                   gint64      since,
                   GPtrArray  *set_aside,
                   JsonArray **changes_out,
                   gint64     *last_seq_out,
                   gboolean   *more_out,
                   GError    **error)
{
  JsonObject *object = json_node_get_object (root);
  JsonNode *changes_node = json_object_get_member (object, "changes");
  JsonNode *last_seq_node = json_object_get_member (object, "last_seq");
  JsonNode *more_node = json_object_get_member (object, "more");
  JsonArray *changes;
  gint64 last_seq;

  if (changes_node == NULL || !JSON_NODE_HOLDS_ARRAY (changes_node) ||
      last_seq_node == NULL || json_node_get_value_type (last_seq_node) != G_TYPE_INT64 ||
      more_node == NULL || json_node_get_value_type (more_node) != G_TYPE_BOOLEAN)
    {
      set_bad_answer (error, "a pull page needs changes, last_seq and more");
      return FALSE;
    }
  changes = json_node_get_array (changes_node);
  last_seq = json_node_get_int (last_seq_node);
  if (last_seq < since)
    {
      set_bad_answer (error, "last_seq went backwards");
      return FALSE;
    }
  /* A page that says "more" but moves nowhere would loop forever. */
  if (json_node_get_boolean (more_node) && last_seq == since)
    {
      set_bad_answer (error, "more pages promised but last_seq did not move");
      return FALSE;
    }
  for (guint i = 0; i < json_array_get_length (changes); i++)
    {
      JsonNode *element;
      JsonNode *seq;

      while (i < json_array_get_length (changes) && !accept_change (changes, i, set_aside))
        ;
      if (i == json_array_get_length (changes))
        break;
      element = json_array_get_element (changes, i);
      seq = json_object_get_member (json_node_get_object (element), "seq");
      if (seq == NULL || json_node_get_value_type (seq) != G_TYPE_INT64 ||
          json_node_get_int (seq) <= since || json_node_get_int (seq) > last_seq)
        {
          set_bad_answer (error, "a change's seq is outside the page");
          return FALSE;
        }
    }
  *changes_out = changes;
  *last_seq_out = last_seq;
  *more_out = json_node_get_boolean (more_node);
  return TRUE;
}

static void
pull_done (GObject      *source,
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
  g_autoptr(GBytes) readable = NULL;
  JsonArray *changes = NULL;
  gint64 last_seq = 0;
  gboolean more = FALSE;

  bytes = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &send_error);
  g_clear_pointer (&op->set_aside, g_ptr_array_unref);
  op->set_aside = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_quarantined_free);
  readable = liaison_pull_page_take_invalid (bytes, op->set_aside);
  root = read_answer (self, op->message, readable != NULL ? readable : bytes, send_error, &error);
  g_clear_object (&op->message);
  if (root == NULL)
    {
      sync_finish (op, error);
      return;
    }
  self->pulled_bytes += g_bytes_get_size (bytes);
  if (!check_pull_answer (root, op->since, op->set_aside, &changes, &last_seq, &more, &error))
    {
      sync_finish (op, error);
      return;
    }
  self->pulled_records += json_array_get_length (changes);
  if (!liaison_store_apply_pulled_page (self->store, changes, op->set_aside, last_seq, &op->counts,
                                        &store_error))
    {
      sync_finish (op, answer_error_from_store (store_error));
      return;
    }
  set_progress (self, op->counts.sent, op->counts.received);

  if (more)
    pull_next (op);
  else
    fetch_attachments (op);
}

static void
pull_next (SyncOp *op)
{
  LiaisonSyncEngine *self = op->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *skip = NULL;

  if (g_cancellable_set_error_if_cancelled (op->cancellable, &error))
    {
      sync_finish (op, g_steal_pointer (&error));
      return;
    }

  op->since = liaison_store_get_checkpoint (self->store);
  /* The changes this replica's pushes wrote are here already. */
  skip = liaison_sync_own_seqs_for_pull (self->store, op->since);
  path = g_strdup_printf ("/v1/pull?since=%" G_GINT64_FORMAT "&limit=%d%s%s",
                          op->since, LIAISON_MAX_PULL_LIMIT,
                          skip != NULL ? "&skip=" : "", skip != NULL ? skip : "");
  op->message = new_request (SOUP_METHOD_GET, op->base_url, path, op->token, NULL, &error);
  if (op->message == NULL)
    {
      sync_finish (op, g_steal_pointer (&error));
      return;
    }
  soup_session_send_and_read_async (self->session, op->message, G_PRIORITY_DEFAULT,
                                    op->cancellable, pull_done, op);
}

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
      sync_finish (op, g_steal_pointer (&error));
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
  root = read_answer (op->self, op->message, bytes, send_error, &error);
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
      sync_finish (op, error);
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
      gboolean ok = check_answer (self, op->message, answer, send_error, &error);

      g_clear_object (&op->message);
      if (!ok)
        sync_finish (op, error);
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
      g_message ("The attachment %s is missing from this computer; its move goes without it", sha256);
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
  op->message = new_request (SOUP_METHOD_PUT, op->base_url, path, op->token, NULL, &error);
  if (op->message == NULL)
    {
      sync_finish (op, error);
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
      sync_finish (op, g_steal_pointer (&error));
      return TRUE;
    }
  if (op->attachment_index >= op->attachments->len)
    {
      g_clear_pointer (&op->attachments, g_ptr_array_unref);
      return FALSE;
    }

  path = attachment_path (g_ptr_array_index (op->attachments, op->attachment_index));
  op->message = new_request (method, op->base_url, path, op->token, NULL, &error);
  if (op->message == NULL)
    {
      sync_finish (op, g_steal_pointer (&error));
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
      sync_finish (op, error);
      return;
    }
  op->attachment_index = 0;
  next (op);
}

static void
send_next_attachment (SyncOp *op)
{
  if (!request_attachment (op, SOUP_METHOD_HEAD, attachment_head_done))
    push_next (op);
}

static void
send_attachments (SyncOp *op)
{
  /* Headquarters took as many files as it takes today: sending one again
   * before its Retry-After would only carry up to 10 MiB to be refused. */
  if (g_get_monotonic_time () < op->self->files_paused_until)
    {
      g_clear_error (&op->attachment_refused);
      op->attachment_refused = attachment_refusal (LIAISON_HTTP_TOO_MANY_REQUESTS, 0);
      push_next (op);
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
  if (!not_found && !check_answer (op->self, op->message, bytes, send_error, &error))
    {
      g_clear_object (&op->message);
      sync_finish (op, error);
      return;
    }
  g_clear_object (&op->message);

  /* Not found: whoever attached it has not sent it yet; the next sync asks again. */
  if (!not_found)
    {
      if (!liaison_store_save_received_attachment (op->self->store, sha256, bytes, &store_error))
        {
          sync_finish (op, answer_error_from_store (store_error));
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
    sync_finish (op, NULL);
}

static void
fetch_attachments (SyncOp *op)
{
  start_attachments (op, liaison_store_list_missing_attachments, fetch_next_attachment);
}

static void
on_caller_cancelled (GCancellable *cancellable,
                     gpointer      user_data)
{
  g_cancellable_cancel (G_CANCELLABLE (user_data));
}

typedef struct {
  char *server_id;
  char *path;
} TokenLookup;

static void
token_lookup_free (TokenLookup *lookup)
{
  g_free (lookup->server_id);
  g_free (lookup->path);
  g_free (lookup);
}

/* The keyring may ask the user to unlock it: never on the main thread. */
static void
load_token_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  TokenLookup *lookup = task_data;
  GError *error = NULL;
  char *token = liaison_token_store_load (lookup->server_id, lookup->path, &error);

  if (token != NULL)
    g_task_return_pointer (task, token, g_free);
  else
    g_task_return_error (task, error);
}

static void
token_loaded (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  SyncOp *op = user_data;
  GError *error = NULL;
  GError *wrapped = NULL;

  op->token = g_task_propagate_pointer (G_TASK (result), &error);
  if (op->token != NULL)
    {
      send_attachments (op);
      return;
    }
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      sync_finish (op, error);
      return;
    }
  g_set_error_literal (&wrapped, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_BAD_TOKEN, error->message);
  g_error_free (error);
  sync_finish (op, wrapped);
}

/* Starts a sync on the main loop (never synchronously, so that callers
 * always get their callback from an idle). */
static gboolean
sync_start (gpointer user_data)
{
  SyncOp *op = user_data;
  LiaisonSyncEngine *self = op->self;
  g_autofree char *server_url = NULL;
  g_autofree char *server_id = NULL;
  g_autoptr(GTask) task = NULL;
  TokenLookup *lookup;
  GError *error = NULL;

  server_url = liaison_store_get_server_url (self->store);
  server_id = liaison_store_get_server_id (self->store);
  if (liaison_store_get_sync_role (self->store) == LIAISON_SYNC_ROLE_NONE ||
      server_url == NULL || server_id == NULL)
    {
      g_set_error_literal (&error, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_NOT_ENROLLED,
                           _("This station is not connected to headquarters yet; "
                             "connect it with an enrollment code first"));
      sync_finish (op, error);
      return G_SOURCE_REMOVE;
    }

  op->base_url = normalize_server_url (server_url, &error);
  if (op->base_url == NULL)
    {
      sync_finish (op, error);
      return G_SOURCE_REMOVE;
    }

  task = g_task_new (NULL, op->cancellable, token_loaded, op);
  lookup = g_new0 (TokenLookup, 1);
  lookup->server_id = g_steal_pointer (&server_id);
  lookup->path = g_strdup (liaison_store_get_path (self->store));
  g_task_set_task_data (task, lookup, (GDestroyNotify) token_lookup_free);
  g_task_run_in_thread (task, load_token_thread);
  return G_SOURCE_REMOVE;
}

void
liaison_sync_engine_sync_async (LiaisonSyncEngine   *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SyncOp *op;

  g_return_if_fail (LIAISON_IS_SYNC_ENGINE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, liaison_sync_engine_sync_async);
  g_ptr_array_add (self->callers, g_object_ref (task));
  if (self->syncing)
    return;

  op = g_new0 (SyncOp, 1);
  op->self = g_object_ref (self);
  op->cancellable = g_cancellable_new ();
  op->batch_limit = LIAISON_MAX_PUSH_RECORDS;
  if (cancellable != NULL)
    {
      op->caller_cancellable = g_object_ref (cancellable);
      op->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (on_caller_cancelled),
                                                op->cancellable, NULL);
    }

  set_progress (self, 0, 0);
  self->pulled_records = 0;
  self->pulled_bytes = 0;
  set_syncing (self, TRUE);
  /* Default priority, not idle: a spinner redrawing every frame would
   * starve an idle source on a slow renderer. */
  g_idle_add_full (G_PRIORITY_DEFAULT, sync_start, op, NULL);
}

gboolean
liaison_sync_engine_sync_finish (LiaisonSyncEngine  *self,
                                 GAsyncResult       *result,
                                 LiaisonSyncCounts  *counts,
                                 GError            **error)
{
  g_autofree LiaisonSyncCounts *done = NULL;

  g_return_val_if_fail (LIAISON_IS_SYNC_ENGINE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  done = g_task_propagate_pointer (G_TASK (result), error);
  if (done == NULL)
    return FALSE;
  if (counts != NULL)
    *counts = *done;
  return TRUE;
}

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
      set_bad_answer (error, "an enrollment answer needs token, role and server_id");
      return FALSE;
    }
  if (g_str_equal (role, "station"))
    {
      JsonObject *object;

      if (station == NULL || !JSON_NODE_HOLDS_OBJECT (station))
        {
          set_bad_answer (error, "a station enrollment without its station");
          return FALSE;
        }
      object = json_node_get_object (station);
      if (!g_uuid_string_is_valid (json_object_get_string_member_with_default (object, "uuid", "")) ||
          json_object_get_string_member_with_default (object, "name", NULL) == NULL)
        {
          set_bad_answer (error, "the station has no uuid or name");
          return FALSE;
        }
    }
  else if (!g_str_equal (role, "hq"))
    {
      set_bad_answer (error, "unknown role");
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
  set_last_error (self, NULL);
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
  op->answer = read_answer (self, op->message, bytes, send_error, &error);
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

  op->base_url = normalize_server_url (server_url, &error);
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

  body = new_body ();
  json_object_set_string_member (json_node_get_object (body), "code", clean_code);
  op->message = new_request (SOUP_METHOD_POST, op->base_url, "/v1/enroll", NULL, body, &error);
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

/* Automatic syncs. */

static void schedule_retry (LiaisonSyncEngine *self, guint seconds);

/* A fatal error would fail again the same way until someone acts. */
static gboolean
error_needs_the_user (const GError *error)
{
  return error->domain == LIAISON_SYNC_ERROR &&
         (error->code == LIAISON_SYNC_ERROR_BAD_TOKEN || error->code == LIAISON_SYNC_ERROR_REVOKED ||
          error->code == LIAISON_SYNC_ERROR_NOT_ENROLLED || error->code == LIAISON_SYNC_ERROR_PROTOCOL);
}

static void
automatic_sync_done (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  LiaisonSyncEngine *self = LIAISON_SYNC_ENGINE (source);
  g_autoptr(GError) error = NULL;

  if (liaison_sync_engine_sync_finish (self, result, NULL, &error))
    {
      self->backoff = 0;
      return;
    }
  if (!self->automatic || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (liaison_sync_error_is_transient (error))
    {
      self->backoff = self->backoff == 0 ? 1 : MIN (self->backoff * 2, self->interval);
      schedule_retry (self, self->backoff);
    }
  else if (error_needs_the_user (error))
    self->suspended = TRUE;
}

static void
run_automatic_sync (LiaisonSyncEngine *self)
{
  if (self->syncing || self->suspended)
    return;
  if (!liaison_store_is_enrolled (self->store))
    return;
  liaison_sync_engine_sync_async (self, NULL, automatic_sync_done, NULL);
}

static gboolean
on_retry (gpointer user_data)
{
  LiaisonSyncEngine *self = user_data;

  self->retry_id = 0;
  run_automatic_sync (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_retry (LiaisonSyncEngine *self,
                guint              seconds)
{
  g_clear_handle_id (&self->retry_id, g_source_remove);
  self->retry_id = g_timeout_add_seconds (seconds, on_retry, self);
}

static gboolean
on_timer (gpointer user_data)
{
  LiaisonSyncEngine *self = user_data;

  /* A retry already waiting runs sooner than this tick. */
  if (self->retry_id == 0)
    run_automatic_sync (self);
  return G_SOURCE_CONTINUE;
}

static void
on_network_changed (GNetworkMonitor *monitor,
                    gboolean         available,
                    gpointer         user_data)
{
  LiaisonSyncEngine *self = user_data;

  if (!available)
    {
      set_online (self, FALSE);
      return;
    }
  /* The signal comes in bursts while interfaces settle: wait a moment. */
  self->backoff = 0;
  schedule_retry (self, 1);
}

void
liaison_sync_engine_start_automatic (LiaisonSyncEngine *self,
                                     guint              interval_seconds)
{
  g_return_if_fail (LIAISON_IS_SYNC_ENGINE (self));

  liaison_sync_engine_stop_automatic (self);
  self->automatic = TRUE;
  self->suspended = FALSE;
  self->backoff = 0;
  self->interval = interval_seconds > 0 ? interval_seconds : DEFAULT_INTERVAL;

  self->monitor = g_network_monitor_get_default ();
  if (self->monitor != NULL)
    {
      set_online (self, g_network_monitor_get_network_available (self->monitor));
      self->network_changed_id = g_signal_connect (self->monitor, "network-changed",
                                                   G_CALLBACK (on_network_changed), self);
    }
  self->timer_id = g_timeout_add_seconds (self->interval, on_timer, self);
  run_automatic_sync (self);
}

void
liaison_sync_engine_stop_automatic (LiaisonSyncEngine *self)
{
  g_return_if_fail (LIAISON_IS_SYNC_ENGINE (self));

  self->automatic = FALSE;
  g_clear_handle_id (&self->timer_id, g_source_remove);
  g_clear_handle_id (&self->retry_id, g_source_remove);
  g_clear_signal_handler (&self->network_changed_id, self->monitor);
  self->monitor = NULL;
}

/* Getters. */

LiaisonStore *
liaison_sync_engine_get_store (LiaisonSyncEngine *self)
{
  g_return_val_if_fail (LIAISON_IS_SYNC_ENGINE (self), NULL);
  return self->store;
}

gboolean
liaison_sync_engine_get_syncing (LiaisonSyncEngine *self)
{
  g_return_val_if_fail (LIAISON_IS_SYNC_ENGINE (self), FALSE);
  return self->syncing;
}

gboolean
liaison_sync_engine_get_online (LiaisonSyncEngine *self)
{
  g_return_val_if_fail (LIAISON_IS_SYNC_ENGINE (self), FALSE);
  return self->online;
}

const char *
liaison_sync_engine_get_last_sync (LiaisonSyncEngine *self)
{
  g_return_val_if_fail (LIAISON_IS_SYNC_ENGINE (self), NULL);
  return self->last_sync;
}

const char *
liaison_sync_engine_get_last_error (LiaisonSyncEngine *self)
{
  g_return_val_if_fail (LIAISON_IS_SYNC_ENGINE (self), NULL);
  return self->last_error;
}

guint
liaison_sync_engine_get_sent (LiaisonSyncEngine *self)
{
  g_return_val_if_fail (LIAISON_IS_SYNC_ENGINE (self), 0);
  return self->sent;
}

guint
liaison_sync_engine_get_received (LiaisonSyncEngine *self)
{
  g_return_val_if_fail (LIAISON_IS_SYNC_ENGINE (self), 0);
  return self->received;
}

guint
liaison_sync_engine_get_pulled_records (LiaisonSyncEngine *self)
{
  g_return_val_if_fail (LIAISON_IS_SYNC_ENGINE (self), 0);
  return self->pulled_records;
}

guint64
liaison_sync_engine_get_pulled_bytes (LiaisonSyncEngine *self)
{
  g_return_val_if_fail (LIAISON_IS_SYNC_ENGINE (self), 0);
  return self->pulled_bytes;
}

/* GObject. */

LiaisonSyncEngine *
liaison_sync_engine_new (LiaisonStore *store)
{
  g_return_val_if_fail (LIAISON_IS_STORE (store), NULL);

  return g_object_new (LIAISON_TYPE_SYNC_ENGINE, "store", store, NULL);
}

static void
liaison_sync_engine_dispose (GObject *object)
{
  LiaisonSyncEngine *self = LIAISON_SYNC_ENGINE (object);

  liaison_sync_engine_stop_automatic (self);
  g_clear_object (&self->session);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (liaison_sync_engine_parent_class)->dispose (object);
}

static void
liaison_sync_engine_finalize (GObject *object)
{
  LiaisonSyncEngine *self = LIAISON_SYNC_ENGINE (object);

  g_clear_pointer (&self->callers, g_ptr_array_unref);
  g_clear_pointer (&self->last_sync, g_free);
  g_clear_pointer (&self->last_error, g_free);

  G_OBJECT_CLASS (liaison_sync_engine_parent_class)->finalize (object);
}

static void
liaison_sync_engine_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  LiaisonSyncEngine *self = LIAISON_SYNC_ENGINE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SYNCING:
      g_value_set_boolean (value, self->syncing);
      break;
    case PROP_ONLINE:
      g_value_set_boolean (value, self->online);
      break;
    case PROP_LAST_SYNC:
      g_value_set_string (value, self->last_sync);
      break;
    case PROP_LAST_ERROR:
      g_value_set_string (value, self->last_error);
      break;
    case PROP_SENT:
      g_value_set_uint (value, self->sent);
      break;
    case PROP_RECEIVED:
      g_value_set_uint (value, self->received);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_sync_engine_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  LiaisonSyncEngine *self = LIAISON_SYNC_ENGINE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_sync_engine_class_init (LiaisonSyncEngineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = liaison_sync_engine_dispose;
  object_class->finalize = liaison_sync_engine_finalize;
  object_class->get_property = liaison_sync_engine_get_property;
  object_class->set_property = liaison_sync_engine_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, LIAISON_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SYNCING] =
    g_param_spec_boolean ("syncing", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ONLINE] =
    g_param_spec_boolean ("online", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAST_SYNC] =
    g_param_spec_string ("last-sync", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAST_ERROR] =
    g_param_spec_string ("last-error", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SENT] =
    g_param_spec_uint ("sent", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RECEIVED] =
    g_param_spec_uint ("received", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
liaison_sync_engine_init (LiaisonSyncEngine *self)
{
  const char *ca_file = g_getenv ("LIAISON_CA_FILE");

  self->callers = g_ptr_array_new_with_free_func (g_object_unref);
  self->online = TRUE;
  self->interval = DEFAULT_INTERVAL;
  self->session = soup_session_new_with_options ("user-agent", "Liaison/" PACKAGE_VERSION,
                                                 "timeout", REQUEST_TIMEOUT,
                                                 NULL);
  /* A headquarters with its own certificate authority. */
  if (ca_file != NULL && ca_file[0] != '\0')
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GTlsDatabase) database = g_tls_file_database_new (ca_file, &error);

      if (database != NULL)
        soup_session_set_tls_database (self->session, database);
      else
        g_warning ("LIAISON_CA_FILE %s: %s", ca_file, error->message);
    }
}
