/* liaison-hq-server.h: the HTTP side of liaison-hq (protocol v1). */
#pragma once

#include <gio/gio.h>
#include <libsoup/soup.h>

#include "liaison-hq-attachments.h"
#include "liaison-hq-store.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_HQ_SERVER (liaison_hq_server_get_type ())
G_DECLARE_FINAL_TYPE (LiaisonHqServer, liaison_hq_server, LIAISON, HQ_SERVER, GObject)

/* Also raises the process's soft limit on open files to its hard limit,
 * and sizes the connections it keeps open to fit (liaison-hq-connections.h). */
LiaisonHqServer *liaison_hq_server_new    (LiaisonHqStore   *store);
/* Listens on @listen ("HOST:PORT", "[v6]:PORT"; port 0 picks a free one),
 * over HTTPS when @tls_cert and @tls_key (PEM files) are given. Returns
 * the URL it listens on ("http://127.0.0.1:8600"). */
char            *liaison_hq_server_listen (LiaisonHqServer  *self,
                                           const char       *listen,
                                           const char       *tls_cert,
                                           const char       *tls_key,
                                           GError          **error);
/* The same for any SoupServer: the public site's (sync/hq/web/) too. */
char            *liaison_hq_soup_listen   (SoupServer       *soup,
                                           const char       *listen,
                                           const char       *tls_cert,
                                           const char       *tls_key,
                                           GError          **error);
/* What each station may upload in a day (liaison-hq-attachments.h). */
void             liaison_hq_server_set_quota (LiaisonHqServer      *self,
                                              const LiaisonHqQuota *quota);
/* Whether it compresses its answers with gzip for the requests that
 * accept it, and tells clients that request bodies may be gzip (on
 * unless `serve --no-compression`). A gzip request body is read either
 * way. */
void             liaison_hq_server_set_compression (LiaisonHqServer *self,
                                                    gboolean         compression);
/* How many connections it keeps open at once, at most. */
guint            liaison_hq_server_get_max_connections (LiaisonHqServer *self);
/* Stops listening and drops open connections. */
void             liaison_hq_server_stop   (LiaisonHqServer  *self);

G_END_DECLS
