/* liaison-test-http-scan.c: counts the HTTP/1.1 messages of a stream (see
 * the header). */
#define G_LOG_DOMAIN "liaison-test-http-scan"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "liaison-test-http-scan.h"

typedef enum {
  HEAD,          /* reading a head, up to its blank line */
  BODY,          /* @remaining bytes of a body */
  CHUNK_SIZE,    /* a chunk's size line */
  CHUNK_DATA,    /* @remaining bytes of a chunk and its CRLF */
  TRAILER,       /* the lines after the last chunk, up to a blank one */
  TO_CLOSE,      /* a body that runs to the connection's end */
} State;

struct _LiaisonTestHttpScan
{
  gboolean answers;
  GQueue *methods;     /* borrowed: char *, shared with the other way */
  State state;
  GString *line;       /* the head, or the chunk line, read so far */
  guint64 remaining;
  guint messages;
  guint gzip;
};

LiaisonTestHttpScan *
liaison_test_http_scan_new (gboolean  answers,
                            GQueue   *methods)
{
  LiaisonTestHttpScan *scan = g_new0 (LiaisonTestHttpScan, 1);

  scan->answers = answers;
  scan->methods = methods;
  scan->line = g_string_new (NULL);
  return scan;
}

void
liaison_test_http_scan_free (LiaisonTestHttpScan *scan)
{
  g_string_free (scan->line, TRUE);
  g_free (scan);
}

guint
liaison_test_http_scan_messages (LiaisonTestHttpScan *scan)
{
  return scan->messages;
}

guint
liaison_test_http_scan_gzip (LiaisonTestHttpScan *scan)
{
  return scan->gzip;
}

/* The value of header @name in the head @lines (lines[0] the start line),
 * or NULL. */
static const char *
header (char       **lines,
        const char  *name)
{
  gsize len = strlen (name);

  for (guint i = 1; lines[i] != NULL; i++)
    if (g_ascii_strncasecmp (lines[i], name, len) == 0 && lines[i][len] == ':')
      return g_strchug (lines[i] + len + 1);
  return NULL;
}

/* A whole head was read: what follows it. */
static void
head_done (LiaisonTestHttpScan *scan)
{
  g_auto(GStrv) lines = g_strsplit (scan->line->str, "\r\n", -1);
  const char *length, *coding, *transfer;
  gboolean body = TRUE, to_close = FALSE;

  for (guint i = 0; lines[i] != NULL; i++)
    g_strchomp (lines[i]);
  g_string_truncate (scan->line, 0);
  scan->state = HEAD;
  if (scan->answers)
    {
      int status = lines[0] != NULL && strlen (lines[0]) > 9 ? atoi (lines[0] + 9) : 0;
      g_autofree char *method = NULL;

      if (status >= 100 && status < 200)
        return;  /* 100 Continue: the answer is still to come */
      method = g_queue_pop_head (scan->methods);
      body = g_strcmp0 (method, "HEAD") != 0 && status != 204 && status != 304;
      to_close = TRUE;
    }
  else
    g_queue_push_tail (scan->methods, g_strndup (lines[0], strcspn (lines[0], " ")));
  scan->messages++;
  coding = header (lines, "Content-Encoding");
  if (coding != NULL && g_ascii_strcasecmp (coding, "gzip") == 0)
    scan->gzip++;
  if (!body)
    return;
  transfer = header (lines, "Transfer-Encoding");
  length = header (lines, "Content-Length");
  if (transfer != NULL && g_ascii_strcasecmp (transfer, "chunked") == 0)
    scan->state = CHUNK_SIZE;
  else if (length != NULL)
    {
      scan->remaining = g_ascii_strtoull (length, NULL, 10);
      scan->state = scan->remaining > 0 ? BODY : HEAD;
    }
  else if (to_close)
    scan->state = TO_CLOSE;
}

void
liaison_test_http_scan_feed (LiaisonTestHttpScan *scan,
                             const char          *data,
                             gsize                n)
{
  while (n > 0)
    {
      switch (scan->state)
        {
        case HEAD:
        case CHUNK_SIZE:
        case TRAILER:
          {
            char c = *data++;

            n--;
            g_string_append_c (scan->line, c);
            if (c != '\n')
              break;
            if (scan->state == HEAD)
              {
                if (g_str_has_suffix (scan->line->str, "\r\n\r\n"))
                  head_done (scan);
                else if (g_str_equal (scan->line->str, "\r\n"))
                  g_string_truncate (scan->line, 0);  /* a stray CRLF between messages */
              }
            else if (scan->state == CHUNK_SIZE)
              {
                scan->remaining = g_ascii_strtoull (scan->line->str, NULL, 16);
                g_string_truncate (scan->line, 0);
                if (scan->remaining == 0)
                  scan->state = TRAILER;
                else
                  {
                    scan->remaining += 2;  /* its CRLF */
                    scan->state = CHUNK_DATA;
                  }
              }
            else
              {
                gboolean blank = g_str_equal (scan->line->str, "\r\n");

                g_string_truncate (scan->line, 0);
                if (blank)
                  scan->state = HEAD;
              }
            break;
          }
        case BODY:
        case CHUNK_DATA:
          {
            gsize take = (gsize) MIN ((guint64) n, scan->remaining);

            data += take;
            n -= take;
            scan->remaining -= take;
            if (scan->remaining == 0)
              scan->state = scan->state == BODY ? HEAD : CHUNK_SIZE;
            break;
          }
        case TO_CLOSE:
        default:
          return;
        }
    }
}
