/* liaison-test-http-scan.h: follows the HTTP/1.1 messages going one way
 * on a connection, as the test proxy forwards them, to count requests
 * and answers and the ones whose body is gzip. It reads the heads and
 * skips the bodies by Content-Length or chunked coding; an answer to
 * HEAD, a 1xx, 204 or 304 has none, and an answer with neither length
 * runs to the connection's end. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _LiaisonTestHttpScan LiaisonTestHttpScan;

/* A connection's two scans: @methods, shared by both, holds the methods
 * of requests not answered yet. */
LiaisonTestHttpScan *liaison_test_http_scan_new   (gboolean             answers,
                                                   GQueue              *methods);
void                 liaison_test_http_scan_free  (LiaisonTestHttpScan *scan);
/* The next @n bytes of the stream. */
void                 liaison_test_http_scan_feed  (LiaisonTestHttpScan *scan,
                                                   const char          *data,
                                                   gsize                n);
/* Whole heads seen, and those with Content-Encoding: gzip. */
guint                liaison_test_http_scan_messages (LiaisonTestHttpScan *scan);
guint                liaison_test_http_scan_gzip     (LiaisonTestHttpScan *scan);

G_END_DECLS
