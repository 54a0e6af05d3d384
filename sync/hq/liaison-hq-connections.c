/* liaison-hq-connections.c: keeping file descriptors for requests that
 * send (liaison-hq-connections.h). */
#define G_LOG_DOMAIN "liaison-hq"

#include "config.h"

#include <sys/resource.h>

#include "liaison-hq-connections.h"

/* Descriptors kept for anything but connections: the database, its WAL
 * and shared memory, attachments being written, the listening socket,
 * standard streams, and GLib's wake-up and worker descriptors. */
#define RESERVED_FDS     48
/* A city's few hundred stations and desks fit many times over; past this,
 * a connection costs memory for nothing. */
#define MAX_CONNECTIONS  16384
/* One log line per this many closed connections at most. */
#define LOG_EVERY_SECONDS 10

typedef enum {
  STAGE_HEADERS,  /* waiting for a request's headers */
  STAGE_BODY,     /* reading its body */
  STAGE_WHOLE,    /* arrived: being answered */
  STAGE_CLOSING,  /* closed to make room; libsoup has yet to drop it */
} Stage;

struct _LiaisonHqConnections {
  guint  budget;
  GQueue open;            /* of Entry, oldest first */
  guint  closing;         /* entries in STAGE_CLOSING */
  guint  closed_unlogged;
  gint64 logged_at;       /* monotonic, µs */
};

typedef struct {
  LiaisonHqConnections *owner;  /* a reference: a message may outlive the server */
  SoupServerMessage    *msg;    /* not owned: the entry is the message's data */
  GList                *link;   /* in owner->open */
  Stage                 stage;
} Entry;

guint
liaison_hq_connections_fit (void)
{
  struct rlimit limit;

  if (getrlimit (RLIMIT_NOFILE, &limit) != 0)
    return 1024 - RESERVED_FDS;
  if (limit.rlim_cur < limit.rlim_max)
    {
      rlim_t wanted = limit.rlim_max;

      limit.rlim_cur = wanted;
      if (setrlimit (RLIMIT_NOFILE, &limit) != 0)
        getrlimit (RLIMIT_NOFILE, &limit);
    }
  if (limit.rlim_cur == RLIM_INFINITY || limit.rlim_cur > MAX_CONNECTIONS + RESERVED_FDS)
    return MAX_CONNECTIONS;
  /* Even a tiny limit leaves a few connections, or nothing could sync. */
  return MAX ((guint) limit.rlim_cur, 2 * RESERVED_FDS) - RESERVED_FDS;
}

LiaisonHqConnections *
liaison_hq_connections_new (guint budget)
{
  LiaisonHqConnections *self = g_rc_box_new0 (LiaisonHqConnections);

  self->budget = MAX (budget, 1);
  g_queue_init (&self->open);
  return self;
}

LiaisonHqConnections *
liaison_hq_connections_ref (LiaisonHqConnections *self)
{
  return g_rc_box_acquire (self);
}

static void
connections_clear (LiaisonHqConnections *self)
{
  /* Entries left belong to messages alive, and each holds a reference:
   * the queue is empty when the last one goes. */
  g_assert (g_queue_is_empty (&self->open));
}

void
liaison_hq_connections_unref (LiaisonHqConnections *self)
{
  g_rc_box_release_full (self, (GDestroyNotify) connections_clear);
}

guint
liaison_hq_connections_get_budget (LiaisonHqConnections *self)
{
  return self->budget;
}

guint
liaison_hq_connections_count (LiaisonHqConnections *self)
{
  return self->open.length - self->closing;
}

static void
entry_free (Entry *entry)
{
  if (entry->stage == STAGE_CLOSING)
    entry->owner->closing--;
  g_queue_delete_link (&entry->owner->open, entry->link);
  liaison_hq_connections_unref (entry->owner);
  g_free (entry);
}

/* The oldest connection whose request has not arrived whole. Age, not
 * stage, decides: a station's new connection sends its headers at once
 * and is the youngest, while an attacker's have been open for seconds,
 * whether they trickle headers or a body. */
static Entry *
pick_victim (LiaisonHqConnections *self)
{
  for (GList *l = self->open.head; l != NULL; l = l->next)
    {
      Entry *entry = l->data;

      if (entry->stage == STAGE_HEADERS || entry->stage == STAGE_BODY)
        return entry;
    }
  return NULL;
}

static void
note_closed (LiaisonHqConnections *self)
{
  gint64 now = g_get_monotonic_time ();

  self->closed_unlogged++;
  if (now - self->logged_at < LOG_EVERY_SECONDS * G_USEC_PER_SEC)
    return;
  /* The log is for the operator, in English like the server's others. */
  g_printerr ("liaison-hq: %u connections open, as many as there is room for; "
              "closed %u that had not sent a whole request, to make room for new ones\n",
              self->budget, self->closed_unlogged);
  self->closed_unlogged = 0;
  self->logged_at = now;
}

static void
make_room (LiaisonHqConnections *self)
{
  while (liaison_hq_connections_count (self) > self->budget)
    {
      Entry *victim = pick_victim (self);
      GSocket *socket;

      if (victim == NULL)
        return;  /* all are being answered: they will finish */
      /* libsoup reads an error from the closed socket and drops the
       * message, which frees the entry; until then it no longer counts. */
      victim->stage = STAGE_CLOSING;
      self->closing++;
      socket = soup_server_message_get_socket (victim->msg);
      if (socket != NULL)
        g_socket_shutdown (socket, TRUE, TRUE, NULL);
      note_closed (self);
    }
}

static void
got_headers_cb (SoupServerMessage *msg,
                Entry             *entry)
{
  if (entry->stage == STAGE_HEADERS)
    entry->stage = STAGE_BODY;
}

static void
got_body_cb (SoupServerMessage *msg,
             Entry             *entry)
{
  if (entry->stage != STAGE_CLOSING)
    entry->stage = STAGE_WHOLE;
}

void
liaison_hq_connections_track (LiaisonHqConnections *self,
                              SoupServerMessage    *msg)
{
  Entry *entry = g_new0 (Entry, 1);

  entry->owner = liaison_hq_connections_ref (self);
  entry->msg = msg;
  entry->stage = STAGE_HEADERS;
  g_queue_push_tail (&self->open, entry);
  entry->link = self->open.tail;
  g_object_set_data_full (G_OBJECT (msg), "liaison-hq-connection", entry, (GDestroyNotify) entry_free);
  g_signal_connect (msg, "got-headers", G_CALLBACK (got_headers_cb), entry);
  g_signal_connect (msg, "got-body", G_CALLBACK (got_body_cb), entry);
  make_room (self);
}
