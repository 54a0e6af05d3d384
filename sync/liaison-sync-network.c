/* liaison-sync-network.c: what a failed exchange with headquarters means,
 * in the clerk's words. */
#define G_LOG_DOMAIN "liaison-sync-network"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-sync-error.h"
#include "liaison-sync-network.h"

LiaisonSyncLine
liaison_sync_network_classify (SoupMessage  *message,
                               const GError *send_error)
{
  g_return_val_if_fail (send_error != NULL, LIAISON_SYNC_LINE_UNREACHABLE);

  /* Failures that can only happen before a connection exists. */
  if (send_error->domain == G_RESOLVER_ERROR ||
      g_error_matches (send_error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED) ||
      g_error_matches (send_error, G_IO_ERROR, G_IO_ERROR_HOST_UNREACHABLE) ||
      g_error_matches (send_error, G_IO_ERROR, G_IO_ERROR_NETWORK_UNREACHABLE) ||
      g_error_matches (send_error, G_IO_ERROR, G_IO_ERROR_PROXY_FAILED) ||
      g_error_matches (send_error, G_IO_ERROR, G_IO_ERROR_PROXY_NOT_ALLOWED) ||
      g_error_matches (send_error, G_IO_ERROR, G_IO_ERROR_PROXY_NEED_AUTH) ||
      g_error_matches (send_error, G_IO_ERROR, G_IO_ERROR_PROXY_AUTH_FAILED))
    return LIAISON_SYNC_LINE_UNREACHABLE;

  /* Failures that can only happen once the server was talking. */
  if (send_error->domain == SOUP_SESSION_ERROR ||
      g_error_matches (send_error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT) ||
      g_error_matches (send_error, G_IO_ERROR, G_IO_ERROR_CONNECTION_CLOSED) ||
      g_error_matches (send_error, G_IO_ERROR, G_IO_ERROR_BROKEN_PIPE))
    return LIAISON_SYNC_LINE_CUT;

  /* A timeout (or anything else) is either: libsoup knows the other end's
   * address only once the connection is made. */
  if (message != NULL && soup_message_get_remote_address (message) != NULL)
    return LIAISON_SYNC_LINE_CUT;
  return LIAISON_SYNC_LINE_UNREACHABLE;
}

GError *
liaison_sync_network_error (SoupMessage  *message,
                            const GError *send_error)
{
  LiaisonSyncLine line = liaison_sync_network_classify (message, send_error);
  GUri *uri = message != NULL ? soup_message_get_uri (message) : NULL;
  g_autofree char *where = uri != NULL ? g_uri_to_string (uri) : g_strdup ("?");

  /* The words are for the clerk; this is for whoever reads the log. */
  g_message ("%s %s: %s (%s %d)", line == LIAISON_SYNC_LINE_CUT ? "Connection cut during" : "No connection for",
             where, send_error->message, g_quark_to_string (send_error->domain), send_error->code);

  if (line == LIAISON_SYNC_LINE_CUT)
    return g_error_new_literal (LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_NETWORK,
                                _("The connection to headquarters was cut in the middle of the exchange. "
                                  "Nothing was lost: what headquarters did not confirm is sent again "
                                  "at the next sync, and the station tries again by itself."));
  return g_error_new_literal (LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_NETWORK,
                              _("Headquarters could not be reached. Check this computer’s network "
                                "connection and the server address. Nothing was lost: the records wait "
                                "on this computer and the station tries again by itself."));
}
