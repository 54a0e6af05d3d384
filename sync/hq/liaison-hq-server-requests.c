/* liaison-hq-server-requests.c: each request's log record, its body
 * limit (413 past it, without keeping the body) and its one log line on
 * stderr. */
#define G_LOG_DOMAIN "liaison-hq-server"

#include "config.h"

#include <libsoup/soup.h>

#include "liaison-hq-body-limit.h"
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

void
liaison_hq_server_request_started (SoupServer        *soup,
                                   SoupServerMessage *msg,
                                   gpointer           connections)
{
  LiaisonHqRequestInfo *info = g_new0 (LiaisonHqRequestInfo, 1);

  info->started = g_get_monotonic_time ();
  g_object_set_data_full (G_OBJECT (msg), "liaison-hq-request", info,
                          (GDestroyNotify) request_info_free);
  liaison_hq_body_limit_watch (msg, LIAISON_MAX_BODY_BYTES);
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
  const char *allowed = NULL;

  if (info == NULL)
    return;
  info->endpoint = liaison_hq_server_route (path, &allowed);
  if (info->endpoint == LIAISON_HQ_ENDPOINT_ATTACHMENT)
    liaison_hq_body_limit_set_cap (msg, LIAISON_MAX_ATTACHMENT_BYTES);
  /* libsoup reads the body in any case: it is dropped as it comes, and
   * 413 answered once it is read. */
  liaison_hq_body_limit_check_length (msg);
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
