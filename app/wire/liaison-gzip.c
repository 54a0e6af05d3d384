/* liaison-gzip.c: gzip bodies on the wire (see the header). */
#define G_LOG_DOMAIN "liaison-gzip"

#include "config.h"

#include "liaison-gzip.h"

G_DEFINE_QUARK (liaison-gzip-error-quark, liaison_gzip_error)

/* zlib's fastest level: JSON still shrinks some 5 to 8 times, for a
 * fraction of the default level's time (docs/benchmarks.md, "Poor line"). */
#define LEVEL 1
#define CHUNK 16384

/* Runs @converter over the @length bytes at @in to its end, appending to
 * @out one chunk at a time, and says in @consumed how much of @in it took.
 * FALSE, with the converter's @error, when it fails; with
 * LIAISON_GZIP_ERROR_TOO_LARGE when @out grows past @cap (never more than
 * @cap and one chunk in memory, however far a body would inflate). */
static gboolean
convert_all (GConverter    *converter,
             const guint8  *in,
             gsize          length,
             GByteArray    *out,
             gsize          cap,
             gsize         *consumed,
             GError       **error)
{
  gsize done = 0;

  for (;;)
    {
      gsize bytes_read = 0, bytes_written = 0;
      guint used = out->len;
      GConverterResult result;

      g_byte_array_set_size (out, used + CHUNK);
      result = g_converter_convert (converter, in + done, length - done,
                                    out->data + used, CHUNK, G_CONVERTER_INPUT_AT_END,
                                    &bytes_read, &bytes_written, error);
      g_byte_array_set_size (out, used + (guint) bytes_written);
      if (result == G_CONVERTER_ERROR)
        return FALSE;
      done += bytes_read;
      if (out->len > cap)
        {
          g_set_error (error, LIAISON_GZIP_ERROR, LIAISON_GZIP_ERROR_TOO_LARGE,
                       "inflates past %" G_GSIZE_FORMAT " bytes", cap);
          return FALSE;
        }
      if (result == G_CONVERTER_FINISHED)
        break;
    }
  *consumed = done;
  return TRUE;
}

GBytes *
liaison_gzip_compress (const void *data,
                       gsize       length)
{
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, LEVEL);
  GByteArray *out = g_byte_array_sized_new ((guint) MIN (length / 4 + 64, G_MAXUINT));
  g_autoptr(GError) error = NULL;
  gsize done = 0;

  /* Compressing memory into memory fails only without memory. */
  if (!convert_all (G_CONVERTER (compressor), data, length, out, G_MAXSIZE, &done, &error))
    g_error ("gzip: %s", error->message);
  return g_byte_array_free_to_bytes (out);
}

GBytes *
liaison_gzip_decompress (GBytes  *gzip,
                         gsize    cap,
                         GError **error)
{
  g_autoptr(GZlibDecompressor) decompressor = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);
  g_autoptr(GByteArray) out = g_byte_array_new ();
  g_autoptr(GError) convert_error = NULL;
  gsize length = 0;
  const guint8 *in = g_bytes_get_data (gzip, &length);
  gsize done = 0;

  if (!convert_all (G_CONVERTER (decompressor), in, length, out, cap, &done, &convert_error))
    {
      if (g_error_matches (convert_error, LIAISON_GZIP_ERROR, LIAISON_GZIP_ERROR_TOO_LARGE))
        g_propagate_error (error, g_steal_pointer (&convert_error));
      else
        g_set_error (error, LIAISON_GZIP_ERROR, LIAISON_GZIP_ERROR_BROKEN,
                     "not gzip, or cut short: %s", convert_error->message);
      return NULL;
    }
  if (done < length)
    {
      g_set_error (error, LIAISON_GZIP_ERROR, LIAISON_GZIP_ERROR_BROKEN,
                   "%" G_GSIZE_FORMAT " bytes after the gzip member", length - done);
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}
