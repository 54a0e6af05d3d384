/* liaison-hq-deadline.c: closing connections that send too slowly
 * (liaison-hq-deadline.h). */
#define G_LOG_DOMAIN "liaison-hq"

#include "config.h"

#include "liaison-hq-deadline.h"

typedef struct {
  SoupServerMessage *msg;     /* not owned: the watch is the message's data */
  guint              source;
  gsize              window;  /* body bytes since the deadline last moved */
} Watch;

static gboolean on_expired (gpointer user_data);

static void
restart (Watch *watch)
{
  g_clear_handle_id (&watch->source, g_source_remove);
  watch->window = 0;
  watch->source = g_timeout_add_seconds (LIAISON_HQ_SLOW_SECONDS, on_expired, watch);
}

static void
watch_free (Watch *watch)
{
  g_clear_handle_id (&watch->source, g_source_remove);
  g_free (watch);
}

static gboolean
on_expired (gpointer user_data)
{
  Watch *watch = user_data;
  GSocket *socket = soup_server_message_get_socket (watch->msg);
  const char *host = soup_server_message_get_remote_host (watch->msg);

  watch->source = 0;
  g_printerr ("liaison-hq: closed a connection from %s that sent its request too slowly\n",
              host != NULL ? host : "?");
  /* libsoup then reads an error and drops the message (request-aborted). */
  if (socket != NULL)
    g_socket_shutdown (socket, TRUE, TRUE, NULL);
  return G_SOURCE_REMOVE;
}

static void
got_headers_cb (SoupServerMessage *msg,
                Watch             *watch)
{
  restart (watch);
}

static void
got_chunk_cb (SoupServerMessage *msg,
              GBytes            *chunk,
              Watch             *watch)
{
  watch->window += g_bytes_get_size (chunk);
  if (watch->window >= LIAISON_HQ_SLOW_BYTES)
    restart (watch);
}

static void
done_cb (SoupServerMessage *msg,
         Watch             *watch)
{
  g_clear_handle_id (&watch->source, g_source_remove);
}

void
liaison_hq_deadline_watch (SoupServerMessage *msg)
{
  Watch *watch = g_new0 (Watch, 1);

  watch->msg = msg;
  g_object_set_data_full (G_OBJECT (msg), "liaison-hq-deadline", watch, (GDestroyNotify) watch_free);
  g_signal_connect (msg, "got-headers", G_CALLBACK (got_headers_cb), watch);
  g_signal_connect (msg, "got-chunk", G_CALLBACK (got_chunk_cb), watch);
  g_signal_connect (msg, "got-body", G_CALLBACK (done_cb), watch);
  g_signal_connect (msg, "finished", G_CALLBACK (done_cb), watch);
  restart (watch);
}
