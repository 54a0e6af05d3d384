/* liaison-sync-engine.c: the engine object: its properties, their setters
 * and getters, and its life. A sync pushes, then pulls, asynchronously;
 * its facets are in liaison-sync-engine-*.c, behind
 * liaison-sync-engine-private.h. */
#define G_LOG_DOMAIN "liaison-sync-engine"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-sync-engine-private.h"

G_DEFINE_FINAL_TYPE (LiaisonSyncEngine, liaison_sync_engine, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SYNCING,
  PROP_ONLINE,
  PROP_LAST_SYNC,
  PROP_LAST_ERROR,
  PROP_SENT,
  PROP_RECEIVED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Property setters that notify only on change. */

void
liaison_sync_engine_set_syncing (LiaisonSyncEngine *self,
                                 gboolean           syncing)
{
  if (self->syncing == syncing)
    return;
  self->syncing = syncing;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SYNCING]);
}

void
liaison_sync_engine_set_online (LiaisonSyncEngine *self,
                                gboolean           online)
{
  if (self->online == online)
    return;
  self->online = online;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ONLINE]);
}

void
liaison_sync_engine_set_last_error (LiaisonSyncEngine *self,
                                    const char        *message)
{
  if (g_strcmp0 (self->last_error, message) == 0)
    return;
  g_free (self->last_error);
  self->last_error = g_strdup (message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_ERROR]);
}

void
liaison_sync_engine_set_progress (LiaisonSyncEngine *self,
                                  guint              sent,
                                  guint              received)
{
  if (self->sent != sent)
    {
      self->sent = sent;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SENT]);
    }
  if (self->received != received)
    {
      self->received = received;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECEIVED]);
    }
}

void
liaison_sync_engine_mark_synced_now (LiaisonSyncEngine *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;

  g_free (self->last_sync);
  self->last_sync = g_date_time_format (now, "%Y-%m-%d %H:%M");
  /* Kept in the store too, for a duty record's "data synced at". */
  if (!liaison_store_mark_synced_now (self->store, &error))
    /* Translators: %s says why */
    g_warning (_("The sync went through, but its time could not be kept: %s"), error->message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_SYNC]);
}

/* Getters. */

LiaisonStore *
liaison_sync_engine_get_store (LiaisonSyncEngine *self)
{
  g_return_val_if_fail (LIAISON_IS_SYNC_ENGINE (self), NULL);
  return self->store;
}

gboolean
liaison_sync_engine_get_syncing (LiaisonSyncEngine *self)
{
  g_return_val_if_fail (LIAISON_IS_SYNC_ENGINE (self), FALSE);
  return self->syncing;
}

gboolean
liaison_sync_engine_get_online (LiaisonSyncEngine *self)
{
  g_return_val_if_fail (LIAISON_IS_SYNC_ENGINE (self), FALSE);
  return self->online;
}

const char *
liaison_sync_engine_get_last_sync (LiaisonSyncEngine *self)
{
  g_return_val_if_fail (LIAISON_IS_SYNC_ENGINE (self), NULL);
  return self->last_sync;
}

const char *
liaison_sync_engine_get_last_error (LiaisonSyncEngine *self)
{
  g_return_val_if_fail (LIAISON_IS_SYNC_ENGINE (self), NULL);
  return self->last_error;
}

guint
liaison_sync_engine_get_sent (LiaisonSyncEngine *self)
{
  g_return_val_if_fail (LIAISON_IS_SYNC_ENGINE (self), 0);
  return self->sent;
}

guint
liaison_sync_engine_get_received (LiaisonSyncEngine *self)
{
  g_return_val_if_fail (LIAISON_IS_SYNC_ENGINE (self), 0);
  return self->received;
}

guint
liaison_sync_engine_get_pulled_records (LiaisonSyncEngine *self)
{
  g_return_val_if_fail (LIAISON_IS_SYNC_ENGINE (self), 0);
  return self->pulled_records;
}

guint64
liaison_sync_engine_get_pulled_bytes (LiaisonSyncEngine *self)
{
  g_return_val_if_fail (LIAISON_IS_SYNC_ENGINE (self), 0);
  return self->pulled_bytes;
}

/* GObject. */

LiaisonSyncEngine *
liaison_sync_engine_new (LiaisonStore *store)
{
  g_return_val_if_fail (LIAISON_IS_STORE (store), NULL);

  return g_object_new (LIAISON_TYPE_SYNC_ENGINE, "store", store, NULL);
}

static void
liaison_sync_engine_dispose (GObject *object)
{
  LiaisonSyncEngine *self = LIAISON_SYNC_ENGINE (object);

  liaison_sync_engine_stop_automatic (self);
  g_clear_object (&self->session);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (liaison_sync_engine_parent_class)->dispose (object);
}

static void
liaison_sync_engine_finalize (GObject *object)
{
  LiaisonSyncEngine *self = LIAISON_SYNC_ENGINE (object);

  g_clear_pointer (&self->callers, g_ptr_array_unref);
  g_clear_pointer (&self->shown_contacts, g_hash_table_unref);
  g_clear_pointer (&self->last_sync, g_free);
  g_clear_pointer (&self->last_error, g_free);

  G_OBJECT_CLASS (liaison_sync_engine_parent_class)->finalize (object);
}

static void
liaison_sync_engine_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  LiaisonSyncEngine *self = LIAISON_SYNC_ENGINE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SYNCING:
      g_value_set_boolean (value, self->syncing);
      break;
    case PROP_ONLINE:
      g_value_set_boolean (value, self->online);
      break;
    case PROP_LAST_SYNC:
      g_value_set_string (value, self->last_sync);
      break;
    case PROP_LAST_ERROR:
      g_value_set_string (value, self->last_error);
      break;
    case PROP_SENT:
      g_value_set_uint (value, self->sent);
      break;
    case PROP_RECEIVED:
      g_value_set_uint (value, self->received);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_sync_engine_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  LiaisonSyncEngine *self = LIAISON_SYNC_ENGINE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_sync_engine_class_init (LiaisonSyncEngineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = liaison_sync_engine_dispose;
  object_class->finalize = liaison_sync_engine_finalize;
  object_class->get_property = liaison_sync_engine_get_property;
  object_class->set_property = liaison_sync_engine_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, LIAISON_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SYNCING] =
    g_param_spec_boolean ("syncing", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ONLINE] =
    g_param_spec_boolean ("online", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAST_SYNC] =
    g_param_spec_string ("last-sync", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAST_ERROR] =
    g_param_spec_string ("last-error", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SENT] =
    g_param_spec_uint ("sent", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RECEIVED] =
    g_param_spec_uint ("received", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
liaison_sync_engine_init (LiaisonSyncEngine *self)
{
  const char *ca_file = g_getenv ("LIAISON_CA_FILE");

  self->callers = g_ptr_array_new_with_free_func (g_object_unref);
  self->shown_contacts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                (GDestroyNotify) g_ptr_array_unref);
  self->online = TRUE;
  self->interval = DEFAULT_INTERVAL;
  self->session = soup_session_new_with_options ("user-agent", "Liaison/" PACKAGE_VERSION,
                                                 "timeout", REQUEST_TIMEOUT,
                                                 NULL);
  /* Answers come gzip through the session's SoupContentDecoder, there by
   * default; request bodies go gzip once headquarters said it takes them. */
  g_signal_connect (self->session, "request-queued",
                    G_CALLBACK (liaison_sync_engine_compress_request), self);
  /* A headquarters with its own certificate authority. */
  if (ca_file != NULL && ca_file[0] != '\0')
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GTlsDatabase) database = g_tls_file_database_new (ca_file, &error);

      if (database != NULL)
        soup_session_set_tls_database (self->session, database);
      else
        g_warning ("LIAISON_CA_FILE %s: %s", ca_file, error->message);
    }
}
