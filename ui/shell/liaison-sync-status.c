/* liaison-sync-status.c: sync at a glance, for the header bar.
 *
 * Online or offline, then one short line: when the last sync was, what a
 * running sync has moved, or why the last one failed (the tooltip says it
 * all). A desk with no server says once, here, that it does not sync,
 * instead of every record saying it is not synced.
 */
#define G_LOG_DOMAIN "liaison-sync-status"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "liaison-store-quarantine.h"
#include "liaison-store-sync.h"
#include "liaison-store-watch.h"
#include "liaison-sync-status.h"
#include "liaison-tooltip.h"

struct _LiaisonSyncStatus
{
  GtkWidget parent_instance;

  /* owned */
  LiaisonSyncEngine *engine;
  LiaisonStore *store;
  char *text;

  /* template children */
  GtkWidget *box;
  GtkImage *online_image;
  GtkSpinner *spinner;
  GtkLabel *label;
  GtkButton *sync_button;
};

G_DEFINE_FINAL_TYPE (LiaisonSyncStatus, liaison_sync_status, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ENGINE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* "14:05" today, "2024-03-05 14:05" before. */
static char *
format_last_sync (const char *last_sync)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  if (g_str_has_prefix (last_sync, today) && strlen (last_sync) > 11)
    return g_strdup (last_sync + 11);
  return g_strdup (last_sync);
}

/* No server: nothing is sent anywhere, and the header says so once. */
/* The button beside the words: sync now, or, where nothing syncs yet,
 * connect to headquarters. */
static void
set_button (LiaisonSyncStatus *self,
            const char        *action_name,
            const char        *icon_name,
            const char        *tooltip,
            const char        *label)
{
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->sync_button), action_name);
  gtk_button_set_icon_name (self->sync_button, icon_name);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->sync_button), tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->sync_button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
show_no_sync (LiaisonSyncStatus *self)
{
  gboolean hq = liaison_store_get_sync_role (self->store) == LIAISON_SYNC_ROLE_HQ;
  const char *text = hq ? _("Not syncing") : _("Not connected · not syncing");

  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
  gtk_label_set_text (self->label, text);
  gtk_widget_remove_css_class (GTK_WIDGET (self->label), "error");
  liaison_ui_set_tooltip (self->box,
                          hq ? _("This headquarters desk has no server: its records stay on this computer.")
                             : _("Records stay on this computer. To send them to headquarters, choose Connect to Headquarters in the main menu."));
  gtk_image_set_from_icon_name (self->online_image, "computer-symbolic");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->online_image),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  -1);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
  /* Headquarters hands out the codes; a station may ask for one. */
  gtk_widget_set_visible (GTK_WIDGET (self->sync_button), !hq);
  set_button (self, "win.enroll", "network-server-symbolic",
              _("Connect to Headquarters…"), _("Connect to headquarters"));
  g_free (self->text);
  self->text = g_strdup (text);
}

static void
update (LiaisonSyncStatus *self)
{
  LiaisonSyncEngine *engine = self->engine;
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;
  g_autofree char *waiting = NULL;
  const char *last_error;
  gboolean online;
  guint unsynced;
  guint set_aside;

  if (self->store != NULL && !liaison_store_is_enrolled (self->store))
    {
      show_no_sync (self);
      return;
    }
  if (engine == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      g_clear_pointer (&self->text, g_free);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->sync_button), TRUE);
  set_button (self, "win.sync-now", "view-refresh-symbolic", _("Sync Now"), _("Sync now"));

  online = liaison_sync_engine_get_online (engine);
  last_error = liaison_sync_engine_get_last_error (engine);
  unsynced = liaison_store_count_unsynced (self->store, NULL);
  if (unsynced > 0)
    waiting = g_strdup_printf (ngettext ("%u record waits to be sent.",
                                         "%u records wait to be sent.", unsynced),
                               unsynced);

  if (liaison_sync_engine_get_syncing (engine))
    {
      /* Translators: progress in the header; the numbers are records. */
      text = g_strdup_printf (_("Syncing… %u sent, %u received"),
                              liaison_sync_engine_get_sent (engine),
                              liaison_sync_engine_get_received (engine));
      tooltip = g_strdup (text);
    }
  else if (last_error != NULL)
    {
      /* The header has room for a few words; the sentence is in the
       * tooltip (and in the toast of "Sync now"). */
      text = g_strdup (online ? _("Sync failed") : _("Offline, will retry"));
      tooltip = g_strdup_printf ("%s\n%s", _("The last sync failed:"), last_error);
    }
  else if (liaison_sync_engine_get_last_sync (engine) != NULL)
    {
      g_autofree char *when = format_last_sync (liaison_sync_engine_get_last_sync (engine));

      /* Translators: %s is a time such as 14:05 (or a date and time). */
      text = g_strdup_printf (_("Synced %s"), when);
      tooltip = g_strdup (text);
    }
  else
    {
      text = g_strdup (_("Not synced yet"));
      tooltip = g_strdup (text);
    }

  if (waiting != NULL)
    {
      g_autofree char *joined = g_strdup_printf ("%s\n%s", tooltip, waiting);

      g_free (tooltip);
      tooltip = g_steal_pointer (&joined);
    }
  set_aside = self->store != NULL ? liaison_store_count_quarantined (self->store) : 0;
  if (set_aside > 0)
    {
      g_autofree char *joined = g_strdup_printf (
        ngettext ("%s\n%u record from headquarters was set aside: Records Set Aside in the main menu.",
                  "%s\n%u records from headquarters were set aside: Records Set Aside in the main menu.",
                  set_aside),
        tooltip, set_aside);

      g_free (tooltip);
      tooltip = g_steal_pointer (&joined);
    }

  gtk_label_set_text (self->label, text);
  liaison_ui_set_tooltip (self->box, tooltip);
  if (last_error != NULL && !liaison_sync_engine_get_syncing (engine))
    gtk_widget_add_css_class (GTK_WIDGET (self->label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->label), "error");

  gtk_image_set_from_icon_name (self->online_image,
                                online ? "network-transmit-receive-symbolic" : "network-offline-symbolic");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->online_image),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  online ? _("Online") : _("Offline: new records wait on this computer"),
                                  -1);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), liaison_sync_engine_get_syncing (engine));
  gtk_spinner_set_spinning (self->spinner, liaison_sync_engine_get_syncing (engine));

  g_free (self->text);
  self->text = g_steal_pointer (&text);
}

static void
store_changed_cb (LiaisonSyncStatus *self)
{
  /* While a sync writes page after page, its own progress updates do. */
  if (self->engine == NULL || !liaison_sync_engine_get_syncing (self->engine))
    update (self);
}

/**
 * liaison_sync_status_set_store:
 *
 * Watches @store, whether or not there is an engine to sync it: a store
 * with no server says that it does not sync.
 */
void
liaison_sync_status_set_store (LiaisonSyncStatus *self,
                               LiaisonStore      *store)
{
  g_return_if_fail (LIAISON_IS_SYNC_STATUS (self));
  g_return_if_fail (store == NULL || LIAISON_IS_STORE (store));

  if (self->store == store)
    return;
  liaison_ui_watch_store (&self->store, store, self, G_CALLBACK (store_changed_cb));
  update (self);
}

/**
 * liaison_sync_status_set_engine:
 *
 * Shows the state of @engine, or nothing.
 */
void
liaison_sync_status_set_engine (LiaisonSyncStatus *self,
                                LiaisonSyncEngine *engine)
{
  g_return_if_fail (LIAISON_IS_SYNC_STATUS (self));
  g_return_if_fail (engine == NULL || LIAISON_IS_SYNC_ENGINE (engine));

  if (self->engine == engine)
    return;
  if (self->engine != NULL)
    g_signal_handlers_disconnect_by_data (self->engine, self);
  g_set_object (&self->engine, engine);

  if (engine != NULL)
    {
      g_signal_connect_swapped (engine, "notify", G_CALLBACK (update), self);
      liaison_sync_status_set_store (self, liaison_sync_engine_get_store (engine));
    }
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENGINE]);
}

LiaisonSyncEngine *
liaison_sync_status_get_engine (LiaisonSyncStatus *self)
{
  g_return_val_if_fail (LIAISON_IS_SYNC_STATUS (self), NULL);
  return self->engine;
}

const char *
liaison_sync_status_get_text (LiaisonSyncStatus *self)
{
  g_return_val_if_fail (LIAISON_IS_SYNC_STATUS (self), NULL);
  return self->text;
}

GtkWidget *
liaison_sync_status_new (void)
{
  return g_object_new (LIAISON_TYPE_SYNC_STATUS, NULL);
}

static void
liaison_sync_status_dispose (GObject *object)
{
  LiaisonSyncStatus *self = LIAISON_SYNC_STATUS (object);

  liaison_sync_status_set_engine (self, NULL);
  liaison_sync_status_set_store (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIAISON_TYPE_SYNC_STATUS);
  G_OBJECT_CLASS (liaison_sync_status_parent_class)->dispose (object);
}

static void
liaison_sync_status_finalize (GObject *object)
{
  LiaisonSyncStatus *self = LIAISON_SYNC_STATUS (object);

  g_free (self->text);
  G_OBJECT_CLASS (liaison_sync_status_parent_class)->finalize (object);
}

static void
liaison_sync_status_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  LiaisonSyncStatus *self = LIAISON_SYNC_STATUS (object);

  switch (prop_id)
    {
    case PROP_ENGINE:
      g_value_set_object (value, self->engine);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_sync_status_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  LiaisonSyncStatus *self = LIAISON_SYNC_STATUS (object);

  switch (prop_id)
    {
    case PROP_ENGINE:
      liaison_sync_status_set_engine (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_sync_status_class_init (LiaisonSyncStatusClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = liaison_sync_status_dispose;
  object_class->finalize = liaison_sync_status_finalize;
  object_class->get_property = liaison_sync_status_get_property;
  object_class->set_property = liaison_sync_status_set_property;

  properties[PROP_ENGINE] =
    g_param_spec_object ("engine", NULL, NULL, LIAISON_TYPE_SYNC_ENGINE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/liaison/Liaison/liaison-sync-status.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaisonSyncStatus, box);
  gtk_widget_class_bind_template_child (widget_class, LiaisonSyncStatus, online_image);
  gtk_widget_class_bind_template_child (widget_class, LiaisonSyncStatus, spinner);
  gtk_widget_class_bind_template_child (widget_class, LiaisonSyncStatus, label);
  gtk_widget_class_bind_template_child (widget_class, LiaisonSyncStatus, sync_button);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "syncstatus");
}

static void
liaison_sync_status_init (LiaisonSyncStatus *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
