/* liaison-test-haproxy.h: HAProxy in front of several `liaison-hq serve`
 * on loopback, configured as docs/scaling.md's sample HAProxy
 * configuration: the file is made from the sample itself, so that what
 * the province bench and test-pg-haproxy run is what the page tells an
 * administrator to run. Shared by tests/test-pg-haproxy.c and
 * tests/bench/bench-province.c. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The sample HAProxy configuration of @scaling_md (the path of
 * docs/scaling.md: the code block after "The sample:"), made to run here:
 * its `bind` on 127.0.0.1:@port without TLS, and one `server` line for
 * each of @servers ("127.0.0.1:PORT", NULL-terminated) with the options
 * of the sample's first server line. With @inter, the checks' interval
 * on the `default-server` line is that ("200ms") instead of the sample's.
 * NULL and @error set when the page holds no such sample. */
char        *liaison_test_haproxy_config (const char          *scaling_md,
                                          guint                port,
                                          const char * const  *servers,
                                          const char          *inter,
                                          GError             **error);

/* A free port of 127.0.0.1 (bound, then closed, for a child to take at
 * once); 0 and @error set when there is none. */
guint        liaison_test_free_port      (GError             **error);

/* Writes @config to DIR/haproxy.cfg and runs `haproxy -db` on it from
 * @launcher (its stderr, where HAProxy says which servers went down or
 * up, to DIR/haproxy.log), then waits, for at most @seconds, until
 * 127.0.0.1:@port takes connections. NULL and @error set when haproxy
 * is not installed, exits, or does not listen in time. */
GSubprocess *liaison_test_haproxy_start  (GSubprocessLauncher *launcher,
                                          const char          *dir,
                                          const char          *config,
                                          guint                port,
                                          guint                seconds,
                                          GError             **error);

G_END_DECLS
