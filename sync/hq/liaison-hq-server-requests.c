/* liaison-hq-server-requests.c: each request's log record, its body
 * limit (413 past it, without keeping the body) and its one log line on
 * stderr. */
#define G_LOG_DOMAIN "liaison-hq-server"

#include "config.h"

#include <libsoup/soup.h>

#include "liaison-hq-connections.h"
#include "liaison-hq-deadline.h"
#include "liaison-hq-server-private.h"
#include "liaison-protocol.h"

static void
request_info_free (LiaisonHqRequestInfo *info)
{
  g_free (info->token_label);
  g_free (info);
}

LiaisonHqRequestInfo *
liaison_hq_server_request_info (SoupServerMessage *msg)
{
  return g_object_get_data (G_OBJECT (msg), "liaison-hq-request");
}

/* Body limits */

static void
got_chunk_cb (SoupServerMessage *msg,
              GBytes            *chunk,
              gpointer           user_data)
{
  LiaisonHqRequestInfo *info = liaison_hq_server_request_info (msg);

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

void
liaison_hq_server_request_started (SoupServer        *soup,
                                   SoupServerMessage *msg,
                                   gpointer           connections)
{
  LiaisonHqRequestInfo *info = g_new0 (LiaisonHqRequestInfo, 1);

  info->started = g_get_monotonic_time ();
  info->cap = LIAISON_MAX_BODY_BYTES;
  g_object_set_data_full (G_OBJECT (msg), "liaison-hq-request", info,
                          (GDestroyNotify) request_info_free);
  g_signal_connect (msg, "got-chunk", G_CALLBACK (got_chunk_cb), NULL);
  liaison_hq_deadline_watch (msg);
  liaison_hq_connections_track (connections, msg);
}

void
liaison_hq_server_early_handler (SoupServer        *soup,
                                 SoupServerMessage *msg,
                                 const char        *path,
                                 GHashTable        *query,
                                 gpointer           user_data)
{
  LiaisonHqRequestInfo *info = liaison_hq_server_request_info (msg);
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *allowed = NULL;
  goffset length;

  if (info == NULL)
    return;
  info->endpoint = liaison_hq_server_route (path, &allowed);
  if (info->endpoint == LIAISON_HQ_ENDPOINT_ATTACHMENT)
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

void
liaison_hq_server_request_done (SoupServer        *soup,
                                SoupServerMessage *msg,
                                gpointer           user_data)
{
  LiaisonHqRequestInfo *info = liaison_hq_server_request_info (msg);
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
