/* liaison-hq-body-limit.c: a request body's size limit (see the header). */
#define G_LOG_DOMAIN "liaison-hq"

#include "config.h"

#include "liaison-gzip.h"
#include "liaison-hq-body-limit.h"

#define BODY_LIMIT_KEY "liaison-hq-body-limit"

typedef struct {
  gsize    cap;
  gsize    received;  /* body bytes seen */
  gboolean too_large;
} BodyLimit;

static BodyLimit *
body_limit (SoupServerMessage *msg)
{
  return g_object_get_data (G_OBJECT (msg), BODY_LIMIT_KEY);
}

/* Keeps reading, to answer 413 properly, but stops keeping the body. */
static void
mark_too_large (SoupServerMessage *msg,
                BodyLimit         *limit)
{
  limit->too_large = TRUE;
  soup_message_body_set_accumulate (soup_server_message_get_request_body (msg), FALSE);
}

static void
got_chunk_cb (SoupServerMessage *msg,
              GBytes            *chunk,
              gpointer           user_data)
{
  BodyLimit *limit = body_limit (msg);

  if (limit == NULL)
    return;
  limit->received += g_bytes_get_size (chunk);
  if (limit->received > limit->cap && !limit->too_large)
    mark_too_large (msg, limit);
}

void
liaison_hq_body_limit_watch (SoupServerMessage *msg,
                             gsize              cap)
{
  BodyLimit *limit = g_new0 (BodyLimit, 1);

  limit->cap = cap;
  g_object_set_data_full (G_OBJECT (msg), BODY_LIMIT_KEY, limit, g_free);
  g_signal_connect (msg, "got-chunk", G_CALLBACK (got_chunk_cb), NULL);
}

void
liaison_hq_body_limit_set_cap (SoupServerMessage *msg,
                               gsize              cap)
{
  BodyLimit *limit = body_limit (msg);

  g_return_if_fail (limit != NULL);
  limit->cap = cap;
}

gboolean
liaison_hq_body_limit_check_length (SoupServerMessage *msg)
{
  BodyLimit *limit = body_limit (msg);
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  goffset length;

  if (limit == NULL || soup_message_headers_get_encoding (headers) != SOUP_ENCODING_CONTENT_LENGTH)
    return FALSE;
  length = soup_message_headers_get_content_length (headers);
  if (length <= 0 || (guint64) length <= limit->cap)
    return FALSE;
  mark_too_large (msg, limit);
  return TRUE;
}

gboolean
liaison_hq_body_limit_exceeded (SoupServerMessage *msg)
{
  BodyLimit *limit = body_limit (msg);

  return limit != NULL && limit->too_large;
}

LiaisonHqBodyCoding
liaison_hq_body_limit_decode (SoupServerMessage *msg)
{
  BodyLimit *limit = body_limit (msg);
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  const char *coding = soup_message_headers_get_one (headers, "Content-Encoding");
  g_autoptr(GBytes) gzip = NULL;
  g_autoptr(GBytes) inflated = NULL;
  g_autoptr(GError) error = NULL;

  if (coding == NULL || g_ascii_strcasecmp (coding, "identity") == 0)
    return LIAISON_HQ_BODY_PLAIN;
  /* One coding only: "gzip, gzip" would take as many passes as it says. */
  if (g_ascii_strcasecmp (coding, LIAISON_GZIP_CODING) != 0 && g_ascii_strcasecmp (coding, "x-gzip") != 0)
    return LIAISON_HQ_BODY_UNKNOWN_CODING;
  if (limit == NULL || limit->too_large)
    return LIAISON_HQ_BODY_PLAIN;

  gzip = soup_message_body_flatten (body);
  inflated = liaison_gzip_decompress (gzip, limit->cap, &error);
  if (g_error_matches (error, LIAISON_GZIP_ERROR, LIAISON_GZIP_ERROR_TOO_LARGE))
    {
      mark_too_large (msg, limit);
      soup_message_body_truncate (body);
      return LIAISON_HQ_BODY_PLAIN;
    }
  if (inflated == NULL)
    return LIAISON_HQ_BODY_BROKEN;
  soup_message_body_truncate (body);
  soup_message_body_append_bytes (body, inflated);
  soup_message_headers_remove (headers, "Content-Encoding");
  return LIAISON_HQ_BODY_PLAIN;
}
