/* liaison-hq-server-listen.c: where liaison-hq listens: the address
 * ("HOST:PORT", "[V6]:PORT"), HTTPS, and a deep queue of connections;
 * for the API and for the public site (sync/hq/web/) alike. */
#define G_LOG_DOMAIN "liaison-hq-server"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "liaison-hq-server-private.h"

/* Connections waiting to be accepted (the kernel caps it at somaxconn). */
#define LISTEN_BACKLOG 1024

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
  return liaison_hq_soup_listen (liaison_hq_server_get_soup (self), listen, tls_cert, tls_key, error);
}

char *
liaison_hq_soup_listen (SoupServer  *soup,
                        const char  *listen,
                        const char  *tls_cert,
                        const char  *tls_key,
                        GError     **error)
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
      soup_server_set_tls_certificate (soup, certificate);
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
      !soup_server_listen_socket (soup, socket, options, error))
    return NULL;

  uris = soup_server_get_uris (soup);
  if (uris != NULL)
    port = (guint) g_uri_get_port (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  if (strchr (host, ':') != NULL)
    return g_strdup_printf ("%s://[%s]:%u", tls_cert != NULL ? "https" : "http", host, port);
  return g_strdup_printf ("%s://%s:%u", tls_cert != NULL ? "https" : "http", host, port);
}
