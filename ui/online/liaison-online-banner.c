/* liaison-online-banner.c: the Online inbox's entry (see the header).
 *
 * Hidden while nothing waits, and at headquarters, which decides nothing
 * here (the station owns accepting and declining). The button opens the
 * inbox window; a reception the inbox asks to open is shown through
 * win.show-reception, as every page opens a record.
 */
#define G_LOG_DOMAIN "liaison-online-banner"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-online-banner.h"
#include "liaison-online-inbox.h"
#include "liaison-online-row.h"
#include "liaison-store-online.h"
#include "liaison-store-sync.h"
#include "liaison-store-watch.h"
#include "liaison-tooltip.h"

struct _LiaisonOnlineBanner
{
  AdwBin        parent_instance;

  LiaisonStore *store;
  GtkButton    *button;
  GtkLabel     *label;
};

G_DEFINE_FINAL_TYPE (LiaisonOnlineBanner, liaison_online_banner, ADW_TYPE_BIN)

static void
refresh (LiaisonOnlineBanner *self)
{
  g_autoptr(LiaisonStation) here = NULL;
  g_autoptr(GPtrArray) pending = NULL;
  g_autofree char *text = NULL;
  g_autofree char *name = NULL;
  guint n;

  here = self->store != NULL ? liaison_store_get_local_station (self->store) : NULL;
  if (here == NULL || liaison_store_get_sync_role (self->store) == LIAISON_SYNC_ROLE_HQ)
    {
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return;
    }
  pending = liaison_store_list_online_submissions (self->store, here->meta.uuid, TRUE, NULL);
  n = pending != NULL ? pending->len : 0;
  gtk_widget_set_visible (GTK_WIDGET (self), n > 0);
  /* Translators: on the Receptions page, the button that opens the Online inbox; %u submissions wait */
  text = g_strdup_printf (_("Online Inbox (%u)"), n);
  /* Translators: what the Online inbox button says to a screen reader */
  name = g_strdup_printf (ngettext ("Online Inbox: %u submission waits to be accepted or declined",
                                    "Online Inbox: %u submissions wait to be accepted or declined", n),
                          n);
  gtk_label_set_text (self->label, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
store_changed_cb (LiaisonOnlineBanner *self,
                  const char          *table)
{
  if (liaison_online_row_is_change (table) || g_strcmp0 (table, "sync_state") == 0)
    refresh (self);
}

static void
open_reception_cb (LiaisonOnlineBanner *self,
                   gint64               reception_id)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-reception", "x", reception_id);
}

static void
clicked_cb (LiaisonOnlineBanner *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  LiaisonOnlineInbox *inbox;

  if (self->store == NULL)
    return;
  inbox = liaison_online_inbox_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store);
  g_signal_connect_object (inbox, "open-reception", G_CALLBACK (open_reception_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (inbox));
}

void
liaison_online_banner_set_store (LiaisonOnlineBanner *self,
                                 LiaisonStore        *store)
{
  g_return_if_fail (LIAISON_IS_ONLINE_BANNER (self));

  liaison_ui_watch_store (&self->store, store, self, G_CALLBACK (store_changed_cb));
  refresh (self);
}

static void
liaison_online_banner_dispose (GObject *object)
{
  LiaisonOnlineBanner *self = LIAISON_ONLINE_BANNER (object);

  liaison_ui_watch_store (&self->store, NULL, self, NULL);
  G_OBJECT_CLASS (liaison_online_banner_parent_class)->dispose (object);
}

static void
liaison_online_banner_class_init (LiaisonOnlineBannerClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = liaison_online_banner_dispose;
}

static void
liaison_online_banner_init (LiaisonOnlineBanner *self)
{
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *icon = gtk_image_new_from_icon_name ("mail-unread-symbolic");

  self->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_box_append (GTK_BOX (content), icon);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->label));
  self->button = GTK_BUTTON (gtk_button_new ());
  gtk_button_set_child (self->button, content);
  gtk_widget_add_css_class (GTK_WIDGET (self->button), "suggested-action");
  gtk_widget_add_css_class (GTK_WIDGET (self->button), "online-inbox-button");
  liaison_ui_set_tooltip (GTK_WIDGET (self->button),
                          _("Submissions citizens made on the public site for this station"));
  gtk_widget_set_hexpand (GTK_WIDGET (self->button), TRUE);
  gtk_widget_set_margin_start (GTK_WIDGET (self->button), 6);
  gtk_widget_set_margin_end (GTK_WIDGET (self->button), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->button), 6);
  g_signal_connect_object (self->button, "clicked", G_CALLBACK (clicked_cb), self, G_CONNECT_SWAPPED);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->button));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}
