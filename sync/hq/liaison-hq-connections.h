/* liaison-hq-connections.h: keeping file descriptors for requests that
 * send.
 *
 * Every open connection holds a file descriptor. When the process reaches
 * its limit (RLIMIT_NOFILE), accept() fails, the listening socket stays
 * readable and a station's new connection waits in the kernel's queue
 * behind an attacker's, until it times out. Slow connections are closed
 * by their deadline (liaison-hq-deadline.h), but that takes seconds, and
 * an attacker opens new ones faster. So the server counts its connections,
 * and when a new one takes it past its budget, it closes the oldest one
 * whose request has not arrived whole: an idle kept-alive connection, or
 * one sending its headers or body a trickle at a time. A request that has
 * arrived whole is never closed while it is answered.
 */
#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

typedef struct _LiaisonHqConnections LiaisonHqConnections;

/* Raises the process's soft limit on open files to its hard limit and
 * returns how many connections fit in it, leaving room for the database,
 * attachments and GLib's own descriptors. */
guint                 liaison_hq_connections_fit             (void);

LiaisonHqConnections *liaison_hq_connections_new             (guint                 budget);
LiaisonHqConnections *liaison_hq_connections_ref             (LiaisonHqConnections *self);
void                  liaison_hq_connections_unref           (LiaisonHqConnections *self);
guint                 liaison_hq_connections_get_budget      (LiaisonHqConnections *self);
/* How many connections are open now. */
guint                 liaison_hq_connections_count           (LiaisonHqConnections *self);

/* Counts @msg's connection from its start (SoupServer::request-started)
 * until the message is gone, and makes room for it. */
void                  liaison_hq_connections_track           (LiaisonHqConnections *self,
                                                              SoupServerMessage    *msg);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaisonHqConnections, liaison_hq_connections_unref)

G_END_DECLS
