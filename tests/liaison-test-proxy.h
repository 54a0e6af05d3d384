/* liaison-test-proxy.h: a loopback TCP proxy in front of a real liaison-hq
 * that can cut the answer to one request after a given number of bytes,
 * as a bad line does. It runs in threads of its own, so that the engine
 * under test keeps the main loop. */
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
/* How many answers were cut so far. */
guint             liaison_test_proxy_get_cuts   (LiaisonTestProxy *proxy);

G_END_DECLS
