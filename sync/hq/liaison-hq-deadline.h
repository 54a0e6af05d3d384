/* liaison-hq-deadline.h: closing connections that send too slowly.
 *
 * SoupServer has no timeouts: a client that sends its headers a byte at
 * a time (slowloris) or its body a few bytes a minute (R-U-Dead-Yet)
 * holds a connection, and a file descriptor, for as long as it likes;
 * enough of them and a station's sync is never accepted. So each request
 * must bring its headers within LIAISON_HQ_SLOW_SECONDS, and then its
 * body at LIAISON_HQ_SLOW_BYTES per LIAISON_HQ_SLOW_SECONDS at least
 * (1 KiB per 20 s: a line far slower than any real one keeps up). A
 * request that falls behind has its connection closed.
 */
#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

#define LIAISON_HQ_SLOW_SECONDS 20
#define LIAISON_HQ_SLOW_BYTES   1024

/* Watches @msg from its start (SoupServer::request-started) until its
 * body is read. */
void liaison_hq_deadline_watch (SoupServerMessage *msg);

G_END_DECLS
