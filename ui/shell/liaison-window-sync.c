/* liaison-window-sync.c: the window's side of sync with headquarters:
 * "Sync now", enrolment, set-aside records, and the toasts a sync earns. */
#define G_LOG_DOMAIN "liaison-window"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-enroll-dialog.h"
#include "liaison-quarantine-dialog.h"
#include "liaison-store-quarantine.h"
#include "liaison-store-sync.h"
#include "liaison-window-private.h"

/* Sync with headquarters */

void
liaison_window_update_sync_actions (LiaisonWindow *self)
{
  gboolean enrolled = self->sync_engine != NULL && liaison_store_is_enrolled (self->store);

  /* Headquarters hands out the codes; it has nowhere to connect to. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.enroll",
                                 self->sync_engine != NULL &&
                                 liaison_store_get_sync_role (self->store) != LIAISON_SYNC_ROLE_HQ);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.sync-now",
                                 enrolled && !liaison_sync_engine_get_syncing (self->sync_engine));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.set-aside-records",
                                 liaison_store_count_quarantined (self->store) > 0);
}

static void
set_aside_records_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  LiaisonWindow *self = LIAISON_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (liaison_quarantine_dialog_new (GTK_WINDOW (self), self->store)));
}

static void
sync_now_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(LiaisonWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  LiaisonSyncCounts counts = { 0 };

  /* The header shows the outcome; a toast confirms what the click did. */
  if (!liaison_sync_engine_sync_finish (LIAISON_SYNC_ENGINE (source), result, &counts, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        liaison_window_add_toast (self, error->message);
      return;
    }
  if (counts.rejected > 0)
    {
      g_autofree char *message = g_strdup_printf (ngettext ("Synced; headquarters refused %u record (its page says why)",
                                                            "Synced; headquarters refused %u records (their pages say why)",
                                                            counts.rejected),
                                                  counts.rejected);
      liaison_window_add_toast (self, message);
    }
}

/* Every sync, started by anyone: the replies it brought get a toast. */
static void
sync_watch_done_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(LiaisonWindow) self = user_data;
  LiaisonSyncCounts counts = { 0 };

  /* A failure is the header's to show, and sync_now_done_cb's. */
  if (!liaison_sync_engine_sync_finish (LIAISON_SYNC_ENGINE (source), result, &counts, NULL))
    return;
  liaison_window_update_badge (self);
  if (counts.replies > 0)
    liaison_window_show_replies (self, counts.replies);
}

static void
syncing_changed_cb (LiaisonWindow *self)
{
  /* A call made while a sync runs joins it and gets its counts. */
  if (liaison_sync_engine_get_syncing (self->sync_engine))
    liaison_sync_engine_sync_async (self->sync_engine, NULL, sync_watch_done_cb, g_object_ref (self));
}

static void
sync_now_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  LiaisonWindow *self = LIAISON_WINDOW (widget);

  if (self->sync_engine == NULL)
    return;
  liaison_sync_engine_sync_async (self->sync_engine, NULL, sync_now_done_cb, g_object_ref (self));
}

static void
enrolled_cb (LiaisonWindow *self)
{
  liaison_window_update_station (self);
  liaison_window_update_sync_actions (self);
  /* Enrolled as headquarters, the desk is headquarters'. */
  liaison_follow_up_page_refresh (self->follow_up_page);
  /* The roster and the reference data come in right away. */
  gtk_widget_activate_action (GTK_WIDGET (self), "win.sync-now", NULL);
}

static void
enroll_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LiaisonWindow *self = LIAISON_WINDOW (widget);
  LiaisonEnrollDialog *dialog;

  if (self->sync_engine == NULL)
    return;
  dialog = liaison_enroll_dialog_new (GTK_WINDOW (self), self->sync_engine);
  g_signal_connect_object (dialog, "enrolled", G_CALLBACK (enrolled_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * liaison_window_set_sync_engine:
 * @engine: (nullable): the application's sync engine
 *
 * Shows sync in the header and enables "Sync now" and "Connect to
 * Headquarters".
 */
void
liaison_window_set_sync_engine (LiaisonWindow     *self,
                                LiaisonSyncEngine *engine)
{
  g_return_if_fail (LIAISON_IS_WINDOW (self));
  g_return_if_fail (engine == NULL || LIAISON_IS_SYNC_ENGINE (engine));

  if (self->sync_engine != NULL)
    g_signal_handlers_disconnect_by_data (self->sync_engine, self);
  g_set_object (&self->sync_engine, engine);
  if (engine != NULL)
    {
      g_signal_connect_object (engine, "notify::syncing", G_CALLBACK (liaison_window_update_sync_actions), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (engine, "notify::syncing", G_CALLBACK (syncing_changed_cb), self, G_CONNECT_SWAPPED);
      /* The start-up sync may be running already: its replies get a toast too. */
      syncing_changed_cb (self);
    }
  liaison_sync_status_set_engine (self->sync_status, engine);
  liaison_receptions_page_set_sync_engine (self->receptions_page, engine);
  liaison_window_update_sync_actions (self);
}

/**
 * liaison_window_show_replies:
 * @n_replies: how many replies the last sync brought
 *
 * Says that replies arrived from headquarters, with a button to the
 * Follow-up page, and brings its badge up to date.
 */
void
liaison_window_show_replies (LiaisonWindow *self,
                             guint          n_replies)
{
  g_autofree char *message = NULL;
  AdwToast *toast;

  g_return_if_fail (LIAISON_IS_WINDOW (self));

  liaison_window_update_badge (self);
  if (n_replies == 0)
    return;
  message = g_strdup_printf (ngettext ("%u reply arrived from headquarters",
                                       "%u replies arrived from headquarters",
                                       n_replies),
                             n_replies);
  toast = adw_toast_new (message);
  /* Translators: a toast's button: go to the Follow-up page */
  adw_toast_set_button_label (toast, _("_Show"));
  adw_toast_set_action_name (toast, "win.show-follow-up");
  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
liaison_window_class_add_sync_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.sync-now", NULL, sync_now_action);
  gtk_widget_class_install_action (widget_class, "win.set-aside-records", NULL, set_aside_records_action);
  gtk_widget_class_install_action (widget_class, "win.enroll", NULL, enroll_action);
}
