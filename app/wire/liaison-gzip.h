/* liaison-gzip.h: gzip bodies on the wire (docs/sync-protocol.md,
 * "Compression"), both ways, through GIO's zlib converters.
 *
 * A station compresses its request bodies once headquarters said it takes
 * them; headquarters compresses its answers to a request that accepts
 * gzip, and inflates a request body within the body's size limit, so that
 * a small body that inflates past it (a zip bomb) is refused before it
 * takes the memory. GLib and GIO only: both ends link it.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The content coding both ends speak, in Content-Encoding and
 * Accept-Encoding. */
#define LIAISON_GZIP_CODING "gzip"
/* Bodies shorter than this go as they are: the gzip header and trailer
 * would eat most of what compression saves. */
#define LIAISON_GZIP_MIN_BYTES 512

#define LIAISON_GZIP_ERROR (liaison_gzip_error_quark ())
GQuark liaison_gzip_error_quark (void);

typedef enum {
  LIAISON_GZIP_ERROR_TOO_LARGE,  /* inflates past the cap */
  LIAISON_GZIP_ERROR_BROKEN,     /* not one whole gzip member */
} LiaisonGzipError;

/* @length bytes of @data as one gzip member. */
GBytes *liaison_gzip_compress   (const void  *data,
                                 gsize        length);
/* The bytes that the gzip member @gzip holds, if they are at most @cap;
 * anything else after the member is an error too. */
GBytes *liaison_gzip_decompress (GBytes      *gzip,
                                 gsize        cap,
                                 GError     **error);

G_END_DECLS
