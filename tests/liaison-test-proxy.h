/* liaison-test-proxy.h: a loopback TCP proxy in front of a real liaison-hq
 * that can cut the answer to one request after a given number of bytes,
 * as a bad line does, or a random share of connections for a soak; that
 * can shape the link to a given bandwidth and round trip, as a
 * township's line; and that counts the bytes, requests and answers that
 * go through. It runs in threads of its own, so that the engine under
 * test keeps the main loop. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _LiaisonTestProxy LiaisonTestProxy;

/* Listens on 127.0.0.1 (any free port) and forwards to @upstream_port. */
LiaisonTestProxy *liaison_test_proxy_start      (guint             upstream_port);
/* Stops listening (its port then refuses connections) and closes every
 * connection. */
void              liaison_test_proxy_stop       (LiaisonTestProxy *proxy);
void              liaison_test_proxy_free       (LiaisonTestProxy *proxy);
/* "http://127.0.0.1:PORT" */
const char       *liaison_test_proxy_get_url    (LiaisonTestProxy *proxy);
/* Cuts the answer to the next request whose first line starts with
 * @request_prefix ("GET /v1/pull"): @offset bytes into its body, or when
 * negative, -@offset bytes into the answer (in its status line or
 * headers). Only that one answer. */
void              liaison_test_proxy_cut_next   (LiaisonTestProxy *proxy,
                                                 const char       *request_prefix,
                                                 gssize            offset);
/* From now on cuts @share (0 to 1) of the new connections, each at a
 * random byte offset of its requests or of its answers, counted from the
 * connection's start: log-uniform, so that request lines, headers and
 * the bodies of pushes and pages all get cut. The choices come from one
 * generator seeded with @seed, in the order connections are accepted. */
void              liaison_test_proxy_cut_randomly (LiaisonTestProxy *proxy,
                                                   double            share,
                                                   guint32           seed);
/* How many answers (or, cutting randomly, connections) were cut so far. */
guint             liaison_test_proxy_get_cuts   (LiaisonTestProxy *proxy);
/* How many connections were accepted so far. */
guint             liaison_test_proxy_get_connections (LiaisonTestProxy *proxy);

/* From now on each way of every connection carries @bits_per_second (0:
 * as fast as loopback), in order, and delivers each byte half of
 * @round_trip_ms after it was sent. Opening a connection costs nothing. */
void              liaison_test_proxy_shape      (LiaisonTestProxy *proxy,
                                                 guint64           bits_per_second,
                                                 guint             round_trip_ms);

/* What went through, as it came out of the link: every byte of the
 * requests (up) and the answers (down), heads included; the requests and
 * answers, and those with Content-Encoding: gzip. */
typedef struct {
  guint64 bytes_up;
  guint64 bytes_down;
  guint   requests;
  guint   answers;
  guint   gzip_requests;
  guint   gzip_answers;
} LiaisonTestProxyCounts;

void              liaison_test_proxy_get_counts   (LiaisonTestProxy       *proxy,
                                                   LiaisonTestProxyCounts *counts);
void              liaison_test_proxy_reset_counts (LiaisonTestProxy       *proxy);

G_END_DECLS
