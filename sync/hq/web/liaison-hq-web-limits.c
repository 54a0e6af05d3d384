/* liaison-hq-web-limits.c: the public site's rate limits
 * (liaison-hq-web-limits.h): a fixed window per key, in memory. */
#define G_LOG_DOMAIN "liaison-hq-web"

#include "config.h"

#include "liaison-hq-web-limits.h"

#define HOUR (60 * 60)
#define DAY (24 * HOUR)
/* Past this many keys, the expired ones are dropped: a flood of
 * addresses costs memory only for as long as their windows last. */
#define PRUNE_AT 10000

typedef struct {
  gint64 window_start;   /* monotonic seconds */
  guint  count;
} Window;

typedef struct {
  GHashTable *windows;   /* key → Window */
  guint       max;       /* 0: no limit */
  guint       seconds;
} Limit;

struct _LiaisonHqWebLimits
{
  Limit submit;
  Limit phone;
  Limit lookup;
};

static void
limit_init (Limit *limit,
            guint  max,
            guint  seconds)
{
  limit->windows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  limit->max = max;
  limit->seconds = seconds;
}

LiaisonHqWebLimits *
liaison_hq_web_limits_new (guint submit_per_ip_hour,
                           guint submit_per_phone_day,
                           guint lookups_per_ip_hour)
{
  LiaisonHqWebLimits *self = g_new0 (LiaisonHqWebLimits, 1);

  limit_init (&self->submit, submit_per_ip_hour, HOUR);
  limit_init (&self->phone, submit_per_phone_day, DAY);
  limit_init (&self->lookup, lookups_per_ip_hour, HOUR);
  return self;
}

void
liaison_hq_web_limits_free (LiaisonHqWebLimits *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->submit.windows);
  g_hash_table_unref (self->phone.windows);
  g_hash_table_unref (self->lookup.windows);
  g_free (self);
}

static void
prune (Limit  *limit,
       gint64  now)
{
  GHashTableIter iter;
  Window *window;

  g_hash_table_iter_init (&iter, limit->windows);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &window))
    if (now - window->window_start >= limit->seconds)
      g_hash_table_iter_remove (&iter);
}

static gboolean
allow (Limit      *limit,
       const char *key,
       guint      *retry_after)
{
  gint64 now = g_get_monotonic_time () / G_USEC_PER_SEC;
  Window *window;

  if (limit->max == 0 || key == NULL)
    return TRUE;
  window = g_hash_table_lookup (limit->windows, key);
  if (window != NULL && now - window->window_start >= limit->seconds)
    {
      window->window_start = now;
      window->count = 0;
    }
  if (window == NULL)
    {
      if (g_hash_table_size (limit->windows) >= PRUNE_AT)
        prune (limit, now);
      window = g_new0 (Window, 1);
      window->window_start = now;
      g_hash_table_insert (limit->windows, g_strdup (key), window);
    }
  if (window->count >= limit->max)
    {
      if (retry_after != NULL)
        *retry_after = (guint) MAX (1, window->window_start + limit->seconds - now);
      return FALSE;
    }
  window->count++;
  return TRUE;
}

gboolean
liaison_hq_web_limits_allow_submit (LiaisonHqWebLimits *self,
                                    const char         *client,
                                    guint              *retry_after)
{
  return allow (&self->submit, client, retry_after);
}

gboolean
liaison_hq_web_limits_allow_phone (LiaisonHqWebLimits *self,
                                   const char         *phone,
                                   guint              *retry_after)
{
  return allow (&self->phone, phone, retry_after);
}

gboolean
liaison_hq_web_limits_allow_lookup (LiaisonHqWebLimits *self,
                                    const char         *client,
                                    guint              *retry_after)
{
  return allow (&self->lookup, client, retry_after);
}
