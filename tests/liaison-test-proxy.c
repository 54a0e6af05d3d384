/* liaison-test-proxy.c: a loopback TCP proxy that cuts answers, shapes
 * the link and counts what goes through. */
#define G_LOG_DOMAIN "liaison-test-proxy"

#include "config.h"

#include <gio/gio.h>
#include <math.h>
#include <string.h>

#include "liaison-test-http-scan.h"
#include "liaison-test-proxy.h"

struct _LiaisonTestProxy
{
  GSocket *listener;
  guint upstream_port;
  char *url;
  GCancellable *stop;
  GThread *accept_thread;

  GMutex lock;           /* guards what follows */
  GCond done;            /* a pump ended */
  guint active;          /* pumps running; detached, so that a soak's thousands do not pile up */
  guint connections;
  GRand *rand;           /* cutting randomly: the choices */
  double cut_share;
  char *cut_request;     /* NULL: nothing to cut */
  gssize cut_offset;
  guint cuts;
  guint64 bits_per_second;  /* shaping: 0, none */
  gint64 one_way_us;        /* half the round trip */
  LiaisonTestProxyCounts counts;
};

/* Most requests and answers are a few KiB: further, and most chosen
 * connections would end before their cut. */
#define MAX_RANDOM_OFFSET (64.0 * 1024.0)

typedef struct {
  LiaisonTestProxy *proxy;
  GSocket *client;
  GSocket *upstream;
  gboolean random_cut;   /* this connection is cut at ... */
  gboolean cut_requests; /* ... this many bytes of its requests, or of its answers */
  gint64 cut_at;
} Connection;

/* The bytes of @n to forward in a direction that has passed @seen bytes,
 * when the connection is cut at @at bytes of it. */
static gsize
bytes_before (gint64 seen,
              gint64 at,
              gsize  n)
{
  return seen + (gint64) n <= at ? n : (gsize) MAX (at - seen, 0);
}

static gboolean
send_all (GSocket    *socket,
          const char *data,
          gsize       length)
{
  while (length > 0)
    {
      gssize n = g_socket_send (socket, data, length, NULL, NULL);

      if (n <= 0)
        return FALSE;
      data += n;
      length -= (gsize) n;
    }
  return TRUE;
}

/* Where the answer being cut stands. */
typedef struct {
  gboolean armed;
  gssize offset;
  gint64 seen;         /* bytes of the answer forwarded so far */
  gint64 body_start;   /* -1 until the blank line after the headers */
  guint blank_match;   /* how much of "\r\n\r\n" was matched last */
} Cut;

/* How many of the @n bytes at @data to forward before the cut; @n when the
 * cut is not in them. */
static gsize
bytes_before_cut (Cut        *cut,
                  const char *data,
                  gsize       n)
{
  static const char blank[] = "\r\n\r\n";

  for (gsize i = 0; i < n; i++)
    {
      gint64 at = cut->seen + (gint64) i;

      if (cut->offset < 0 && at >= -cut->offset)
        return i;
      if (cut->offset >= 0 && cut->body_start >= 0 && at >= cut->body_start + cut->offset)
        return i;
      if (cut->body_start < 0)
        {
          cut->blank_match = data[i] == blank[cut->blank_match] ? cut->blank_match + 1
                             : data[i] == '\r' ? 1 : 0;
          if (cut->blank_match == 4)
            cut->body_start = at + 1;
        }
    }
  return n;
}

/* Bytes on their way one way through a shaped link. */
typedef struct {
  gint64 due;        /* monotonic µs: when they come out at the other end */
  GBytes *bytes;
} InFlight;

static void
in_flight_free (InFlight *flight)
{
  g_bytes_unref (flight->bytes);
  g_free (flight);
}

/* One way of a connection: the link's state and what it counts. */
typedef struct {
  GQueue flights;       /* InFlight *, in order */
  gint64 free_at;       /* monotonic µs: when the link has sent what it holds */
  gboolean ended;       /* its sender closed: flush, then close */
  LiaisonTestHttpScan *scan;
} Way;

/* @n bytes read at @now enter the link: after what it holds, at its
 * rate, then half the round trip. */
static void
way_send (LiaisonTestProxy *proxy,
          Way              *way,
          const char       *data,
          gsize             n,
          gint64            now)
{
  InFlight *flight = g_new0 (InFlight, 1);
  guint64 bps;
  gint64 one_way;

  g_mutex_lock (&proxy->lock);
  bps = proxy->bits_per_second;
  one_way = proxy->one_way_us;
  g_mutex_unlock (&proxy->lock);
  way->free_at = MAX (way->free_at, now) + (bps > 0 ? (gint64) ((n * 8 * G_USEC_PER_SEC) / bps) : 0);
  flight->due = way->free_at + one_way;
  flight->bytes = g_bytes_new (data, n);
  g_queue_push_tail (&way->flights, flight);
}

/* Milliseconds until the first of @ways has bytes due, -1 for none. */
static int
next_due_ms (Way    *ways,
             gint64  now)
{
  gint64 first = G_MAXINT64;

  for (guint i = 0; i < 2; i++)
    {
      InFlight *flight = g_queue_peek_head (&ways[i].flights);

      if (flight != NULL)
        first = MIN (first, flight->due);
    }
  if (first == G_MAXINT64)
    return -1;
  return first <= now ? 0 : (int) ((first - now + 999) / 1000);
}

/* What a connection does with bytes as they come out of the link: the
 * cuts of cut_next() and cut_randomly(), then the other end. */
typedef struct {
  Connection *connection;
  Cut cut;
  gint64 requests_seen;
  gint64 answers_seen;
  gboolean random_cut;
} Pump;

/* Forwards a request's bytes to the server; FALSE once the connection is
 * to end. */
static gboolean
deliver_request (Pump       *pump,
                 const char *buffer,
                 gsize       n)
{
  Connection *connection = pump->connection;
  LiaisonTestProxy *proxy = connection->proxy;

  /* A request: is it the one whose answer is to be cut? */
  g_mutex_lock (&proxy->lock);
  if (proxy->cut_request != NULL && n >= strlen (proxy->cut_request) &&
      memcmp (buffer, proxy->cut_request, strlen (proxy->cut_request)) == 0)
    {
      pump->cut = (Cut) { TRUE, proxy->cut_offset, 0, -1, 0 };
      g_clear_pointer (&proxy->cut_request, g_free);
    }
  g_mutex_unlock (&proxy->lock);
  if (connection->random_cut && connection->cut_requests)
    {
      gsize forward = bytes_before (pump->requests_seen, connection->cut_at, n);

      if (!send_all (connection->upstream, buffer, forward))
        return FALSE;
      pump->requests_seen += (gint64) forward;
      if (forward < n)
        {
          pump->random_cut = TRUE;
          return FALSE;
        }
      return TRUE;
    }
  return send_all (connection->upstream, buffer, n);
}

/* Forwards an answer's bytes to the client; FALSE once the connection is
 * to end. */
static gboolean
deliver_answer (Pump       *pump,
                const char *buffer,
                gsize       n)
{
  Connection *connection = pump->connection;
  LiaisonTestProxy *proxy = connection->proxy;
  gsize forward = pump->cut.armed ? bytes_before_cut (&pump->cut, buffer, n) : n;

  if (connection->random_cut && !connection->cut_requests)
    {
      forward = bytes_before (pump->answers_seen, connection->cut_at, forward);
      pump->answers_seen += (gint64) forward;
      pump->random_cut = pump->random_cut || forward < n;
    }
  if (!send_all (connection->client, buffer, forward))
    return FALSE;
  if (pump->random_cut)
    return FALSE;
  pump->cut.seen += (gint64) forward;
  if (forward < n)
    {
      g_mutex_lock (&proxy->lock);
      proxy->cuts++;
      g_mutex_unlock (&proxy->lock);
      return FALSE;
    }
  return TRUE;
}

/* Bytes that came out of way @up (requests) or the other (answers):
 * counted, then forwarded. */
static gboolean
deliver (Pump       *pump,
         Way        *way,
         gboolean    up,
         const char *data,
         gsize       n)
{
  LiaisonTestProxy *proxy = pump->connection->proxy;

  guint messages = liaison_test_http_scan_messages (way->scan);
  guint gzip = liaison_test_http_scan_gzip (way->scan);

  liaison_test_http_scan_feed (way->scan, data, n);
  messages = liaison_test_http_scan_messages (way->scan) - messages;
  gzip = liaison_test_http_scan_gzip (way->scan) - gzip;
  g_mutex_lock (&proxy->lock);
  if (up)
    {
      proxy->counts.bytes_up += n;
      proxy->counts.requests += messages;
      proxy->counts.gzip_requests += gzip;
    }
  else
    {
      proxy->counts.bytes_down += n;
      proxy->counts.answers += messages;
      proxy->counts.gzip_answers += gzip;
    }
  g_mutex_unlock (&proxy->lock);
  return up ? deliver_request (pump, data, n) : deliver_answer (pump, data, n);
}

static gpointer
pump (gpointer user_data)
{
  Connection *connection = user_data;
  LiaisonTestProxy *proxy = connection->proxy;
  Pump state = { connection, { FALSE, 0, 0, -1, 0 }, 0, 0, FALSE };
  GQueue methods = G_QUEUE_INIT;
  Way ways[2] = { { G_QUEUE_INIT, 0, FALSE, NULL }, { G_QUEUE_INIT, 0, FALSE, NULL } };
  GSocket *from[2] = { connection->client, connection->upstream };
  gboolean open = TRUE;
  GPollFD fds[3];
  char buffer[16384];

  ways[0].scan = liaison_test_http_scan_new (FALSE, &methods);
  ways[1].scan = liaison_test_http_scan_new (TRUE, &methods);
  fds[0].fd = g_socket_get_fd (connection->client);
  fds[1].fd = g_socket_get_fd (connection->upstream);
  fds[0].events = fds[1].events = G_IO_IN | G_IO_HUP | G_IO_ERR;
  g_cancellable_make_pollfd (proxy->stop, &fds[2]);

  while (open)
    {
      gint64 now = g_get_monotonic_time ();

      /* What is due comes out of the link; a side that closed closes
       * the other once what it sent is through. */
      for (guint i = 0; i < 2 && open; i++)
        {
          InFlight *flight;

          while (open && (flight = g_queue_peek_head (&ways[i].flights)) != NULL && flight->due <= now)
            {
              gsize n = 0;
              const char *data = g_bytes_get_data (flight->bytes, &n);

              open = deliver (&state, &ways[i], i == 0, data, n);
              in_flight_free (g_queue_pop_head (&ways[i].flights));
            }
          if (ways[i].ended && g_queue_is_empty (&ways[i].flights))
            open = FALSE;
        }
      if (!open)
        break;

      fds[0].revents = fds[1].revents = fds[2].revents = 0;
      if (g_poll (fds, 3, next_due_ms (ways, now)) < 0 || g_cancellable_is_cancelled (proxy->stop))
        break;
      now = g_get_monotonic_time ();
      for (guint i = 0; i < 2 && open; i++)
        {
          gboolean shaped;
          gssize n;

          if (fds[i].revents == 0)
            continue;
          n = g_socket_receive (from[i], buffer, sizeof buffer, NULL, NULL);
          if (n <= 0)
            {
              ways[i].ended = TRUE;
              fds[i].fd = -1;  /* poll() skips it */
              continue;
            }
          g_mutex_lock (&proxy->lock);
          shaped = proxy->bits_per_second > 0 || proxy->one_way_us > 0;
          g_mutex_unlock (&proxy->lock);
          if (!shaped && g_queue_is_empty (&ways[i].flights))
            open = deliver (&state, &ways[i], i == 0, buffer, (gsize) n);
          else
            way_send (proxy, &ways[i], buffer, (gsize) n, now);
        }
    }

  g_cancellable_release_fd (proxy->stop);
  g_socket_close (connection->client, NULL);
  g_socket_close (connection->upstream, NULL);
  g_object_unref (connection->client);
  g_object_unref (connection->upstream);
  g_free (connection);
  for (guint i = 0; i < 2; i++)
    {
      g_queue_clear_full (&ways[i].flights, (GDestroyNotify) in_flight_free);
      liaison_test_http_scan_free (ways[i].scan);
    }
  g_queue_clear_full (&methods, g_free);
  g_mutex_lock (&proxy->lock);
  if (state.random_cut)
    proxy->cuts++;
  proxy->active--;
  g_cond_broadcast (&proxy->done);
  g_mutex_unlock (&proxy->lock);
  return NULL;
}

static gpointer
accept_loop (gpointer user_data)
{
  LiaisonTestProxy *proxy = user_data;

  for (;;)
    {
      g_autoptr(GSocket) client = g_socket_accept (proxy->listener, proxy->stop, NULL);
      g_autoptr(GInetAddress) loopback = NULL;
      g_autoptr(GSocketAddress) address = NULL;
      g_autoptr(GSocket) upstream = NULL;
      Connection *connection;

      if (client == NULL)
        break;
      loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
      address = g_inet_socket_address_new (loopback, (guint16) proxy->upstream_port);
      upstream = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL);
      if (upstream == NULL || !g_socket_connect (upstream, address, NULL, NULL))
        continue;  /* the server is down: the client sees its connection close */

      connection = g_new0 (Connection, 1);
      connection->proxy = proxy;
      connection->client = g_steal_pointer (&client);
      connection->upstream = g_steal_pointer (&upstream);
      g_mutex_lock (&proxy->lock);
      proxy->connections++;
      if (proxy->rand != NULL && g_rand_double (proxy->rand) < proxy->cut_share)
        {
          connection->random_cut = TRUE;
          connection->cut_requests = g_rand_boolean (proxy->rand);
          connection->cut_at = (gint64) exp (g_rand_double_range (proxy->rand, 0.0, log (MAX_RANDOM_OFFSET)));
        }
      proxy->active++;
      g_thread_unref (g_thread_new ("proxy-pump", pump, connection));
      g_mutex_unlock (&proxy->lock);
    }
  return NULL;
}

LiaisonTestProxy *
liaison_test_proxy_start (guint upstream_port)
{
  LiaisonTestProxy *proxy = g_new0 (LiaisonTestProxy, 1);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any_port = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;

  g_mutex_init (&proxy->lock);
  g_cond_init (&proxy->done);
  proxy->upstream_port = upstream_port;
  proxy->stop = g_cancellable_new ();
  proxy->listener = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  g_assert_true (g_socket_bind (proxy->listener, any_port, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (g_socket_listen (proxy->listener, &error));
  g_assert_no_error (error);
  bound = g_socket_get_local_address (proxy->listener, &error);
  g_assert_no_error (error);
  proxy->url = g_strdup_printf ("http://127.0.0.1:%u",
                                g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  proxy->accept_thread = g_thread_new ("proxy-accept", accept_loop, proxy);
  return proxy;
}

void
liaison_test_proxy_stop (LiaisonTestProxy *proxy)
{
  if (proxy->accept_thread == NULL)
    return;
  g_cancellable_cancel (proxy->stop);
  g_thread_join (g_steal_pointer (&proxy->accept_thread));
  g_socket_close (proxy->listener, NULL);
  g_mutex_lock (&proxy->lock);
  while (proxy->active > 0)
    g_cond_wait (&proxy->done, &proxy->lock);
  g_mutex_unlock (&proxy->lock);
}

void
liaison_test_proxy_free (LiaisonTestProxy *proxy)
{
  liaison_test_proxy_stop (proxy);
  g_clear_object (&proxy->listener);
  g_clear_object (&proxy->stop);
  g_clear_pointer (&proxy->rand, g_rand_free);
  g_cond_clear (&proxy->done);
  g_free (proxy->cut_request);
  g_free (proxy->url);
  g_mutex_clear (&proxy->lock);
  g_free (proxy);
}

const char *
liaison_test_proxy_get_url (LiaisonTestProxy *proxy)
{
  return proxy->url;
}

void
liaison_test_proxy_cut_next (LiaisonTestProxy *proxy,
                             const char       *request_prefix,
                             gssize            offset)
{
  g_mutex_lock (&proxy->lock);
  g_free (proxy->cut_request);
  proxy->cut_request = g_strdup (request_prefix);
  proxy->cut_offset = offset;
  g_mutex_unlock (&proxy->lock);
}

guint
liaison_test_proxy_get_cuts (LiaisonTestProxy *proxy)
{
  guint cuts;

  g_mutex_lock (&proxy->lock);
  cuts = proxy->cuts;
  g_mutex_unlock (&proxy->lock);
  return cuts;
}

void
liaison_test_proxy_cut_randomly (LiaisonTestProxy *proxy,
                                 double            share,
                                 guint32           seed)
{
  g_mutex_lock (&proxy->lock);
  g_clear_pointer (&proxy->rand, g_rand_free);
  proxy->rand = g_rand_new_with_seed (seed);
  proxy->cut_share = share;
  g_mutex_unlock (&proxy->lock);
}

guint
liaison_test_proxy_get_connections (LiaisonTestProxy *proxy)
{
  guint connections;

  g_mutex_lock (&proxy->lock);
  connections = proxy->connections;
  g_mutex_unlock (&proxy->lock);
  return connections;
}

void
liaison_test_proxy_shape (LiaisonTestProxy *proxy,
                          guint64           bits_per_second,
                          guint             round_trip_ms)
{
  g_mutex_lock (&proxy->lock);
  proxy->bits_per_second = bits_per_second;
  proxy->one_way_us = (gint64) round_trip_ms * 1000 / 2;
  g_mutex_unlock (&proxy->lock);
}

void
liaison_test_proxy_get_counts (LiaisonTestProxy       *proxy,
                               LiaisonTestProxyCounts *counts)
{
  g_mutex_lock (&proxy->lock);
  *counts = proxy->counts;
  g_mutex_unlock (&proxy->lock);
}

void
liaison_test_proxy_reset_counts (LiaisonTestProxy *proxy)
{
  g_mutex_lock (&proxy->lock);
  proxy->counts = (LiaisonTestProxyCounts) { 0 };
  g_mutex_unlock (&proxy->lock);
}
