/* liaison-hq-body-limit.c: a request body's size limit (see the header). */
#define G_LOG_DOMAIN "liaison-hq"

#include "config.h"

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
