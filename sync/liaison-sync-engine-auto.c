/* liaison-sync-engine-auto.c: automatic syncs: on a timer, when the network
 * comes back, and retried with backoff after a transient failure. */
#define G_LOG_DOMAIN "liaison-sync-engine"

#include "config.h"

#include "liaison-sync-engine-private.h"

/* Automatic syncs. */

static void schedule_retry (LiaisonSyncEngine *self, guint seconds);

/* A fatal error would fail again the same way until someone acts. */
static gboolean
error_needs_the_user (const GError *error)
{
  return error->domain == LIAISON_SYNC_ERROR &&
         (error->code == LIAISON_SYNC_ERROR_BAD_TOKEN || error->code == LIAISON_SYNC_ERROR_REVOKED ||
          error->code == LIAISON_SYNC_ERROR_NOT_ENROLLED || error->code == LIAISON_SYNC_ERROR_PROTOCOL);
}

static void
automatic_sync_done (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  LiaisonSyncEngine *self = LIAISON_SYNC_ENGINE (source);
  g_autoptr(GError) error = NULL;

  if (liaison_sync_engine_sync_finish (self, result, NULL, &error))
    {
      self->backoff = 0;
      return;
    }
  if (!self->automatic || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (liaison_sync_error_is_transient (error))
    {
      self->backoff = self->backoff == 0 ? 1 : MIN (self->backoff * 2, self->interval);
      schedule_retry (self, self->backoff);
    }
  else if (error_needs_the_user (error))
    self->suspended = TRUE;
}

static void
run_automatic_sync (LiaisonSyncEngine *self)
{
  if (self->syncing || self->suspended)
    return;
  if (!liaison_store_is_enrolled (self->store))
    return;
  liaison_sync_engine_sync_async (self, NULL, automatic_sync_done, NULL);
}

static gboolean
on_retry (gpointer user_data)
{
  LiaisonSyncEngine *self = user_data;

  self->retry_id = 0;
  run_automatic_sync (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_retry (LiaisonSyncEngine *self,
                guint              seconds)
{
  g_clear_handle_id (&self->retry_id, g_source_remove);
  self->retry_id = g_timeout_add_seconds (seconds, on_retry, self);
}

static gboolean
on_timer (gpointer user_data)
{
  LiaisonSyncEngine *self = user_data;

  /* A retry already waiting runs sooner than this tick. */
  if (self->retry_id == 0)
    run_automatic_sync (self);
  return G_SOURCE_CONTINUE;
}

static void
on_network_changed (GNetworkMonitor *monitor,
                    gboolean         available,
                    gpointer         user_data)
{
  LiaisonSyncEngine *self = user_data;

  if (!available)
    {
      liaison_sync_engine_set_online (self, FALSE);
      return;
    }
  /* The signal comes in bursts while interfaces settle: wait a moment. */
  self->backoff = 0;
  schedule_retry (self, 1);
}

void
liaison_sync_engine_start_automatic (LiaisonSyncEngine *self,
                                     guint              interval_seconds)
{
  g_return_if_fail (LIAISON_IS_SYNC_ENGINE (self));

  liaison_sync_engine_stop_automatic (self);
  self->automatic = TRUE;
  self->suspended = FALSE;
  self->backoff = 0;
  self->interval = interval_seconds > 0 ? interval_seconds : DEFAULT_INTERVAL;

  self->monitor = g_network_monitor_get_default ();
  if (self->monitor != NULL)
    {
      liaison_sync_engine_set_online (self, g_network_monitor_get_network_available (self->monitor));
      self->network_changed_id = g_signal_connect (self->monitor, "network-changed",
                                                   G_CALLBACK (on_network_changed), self);
    }
  self->timer_id = g_timeout_add_seconds (self->interval, on_timer, self);
  run_automatic_sync (self);
}

void
liaison_sync_engine_stop_automatic (LiaisonSyncEngine *self)
{
  g_return_if_fail (LIAISON_IS_SYNC_ENGINE (self));

  self->automatic = FALSE;
  g_clear_handle_id (&self->timer_id, g_source_remove);
  g_clear_handle_id (&self->retry_id, g_source_remove);
  g_clear_signal_handler (&self->network_changed_id, self->monitor);
  self->monitor = NULL;
}
