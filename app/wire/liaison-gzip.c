/* liaison-gzip.c: gzip bodies on the wire (see the header). */
#define G_LOG_DOMAIN "liaison-gzip"

#include "config.h"

#include "liaison-gzip.h"

G_DEFINE_QUARK (liaison-gzip-error-quark, liaison_gzip_error)

/* zlib's fastest level: JSON still shrinks some 5 to 8 times, for a
 * fraction of the default level's time (docs/benchmarks.md, "Poor line"). */
#define LEVEL 1
#define CHUNK 16384

GBytes *
liaison_gzip_compress (const void *data,
                       gsize       length)
{
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, LEVEL);
  GByteArray *out = g_byte_array_sized_new ((guint) MIN (length / 4 + 64, G_MAXUINT));
  const guint8 *in = data;
  gsize done = 0;

  for (;;)
    {
      g_autoptr(GError) error = NULL;
      gsize bytes_read = 0, bytes_written = 0;
      guint used = out->len;
      GConverterResult result;

      g_byte_array_set_size (out, used + CHUNK);
      result = g_converter_convert (G_CONVERTER (compressor), in + done, length - done,
                                    out->data + used, CHUNK, G_CONVERTER_INPUT_AT_END,
                                    &bytes_read, &bytes_written, &error);
      /* Compressing memory into memory fails only without memory. */
      if (result == G_CONVERTER_ERROR)
        g_error ("gzip: %s", error->message);
      done += bytes_read;
      g_byte_array_set_size (out, used + (guint) bytes_written);
      if (result == G_CONVERTER_FINISHED)
        break;
    }
  return g_byte_array_free_to_bytes (out);
}

GBytes *
liaison_gzip_decompress (GBytes  *gzip,
                         gsize    cap,
                         GError **error)
{
  g_autoptr(GZlibDecompressor) decompressor = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);
  g_autoptr(GByteArray) out = g_byte_array_new ();
  gsize length = 0;
  const guint8 *in = g_bytes_get_data (gzip, &length);
  gsize done = 0;

  for (;;)
    {
      g_autoptr(GError) convert_error = NULL;
      gsize bytes_read = 0, bytes_written = 0;
      guint used = out->len;
      GConverterResult result;

      /* Never more than the cap and one chunk in memory, however far the
       * body would inflate. */
      g_byte_array_set_size (out, used + CHUNK);
      result = g_converter_convert (G_CONVERTER (decompressor), in + done, length - done,
                                    out->data + used, CHUNK, G_CONVERTER_INPUT_AT_END,
                                    &bytes_read, &bytes_written, &convert_error);
      g_byte_array_set_size (out, used + (guint) bytes_written);
      if (result == G_CONVERTER_ERROR)
        {
          g_set_error (error, LIAISON_GZIP_ERROR, LIAISON_GZIP_ERROR_BROKEN,
                       "not gzip, or cut short: %s", convert_error->message);
          return NULL;
        }
      done += bytes_read;
      if (out->len > cap)
        {
          g_set_error (error, LIAISON_GZIP_ERROR, LIAISON_GZIP_ERROR_TOO_LARGE,
                       "inflates past %" G_GSIZE_FORMAT " bytes", cap);
          return NULL;
        }
      if (result == G_CONVERTER_FINISHED)
        break;
    }
  if (done < length)
    {
      g_set_error (error, LIAISON_GZIP_ERROR, LIAISON_GZIP_ERROR_BROKEN,
                   "%" G_GSIZE_FORMAT " bytes after the gzip member", length - done);
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}
