/* liaison-deputy-pin-group.c: a deputy's PIN at headquarters' desk
 * (liaison-deputy-pin-group.h). Reset PIN… asks first; the reset is the
 * store's (liaison_store_reset_deputy_pin ()), which syncs it to the
 * deputy's station. */
#define G_LOG_DOMAIN "liaison-deputy-pin-group"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-deputy-pin-group.h"
#include "liaison-store-deputy-pin.h"

struct _LiaisonDeputyPinGroup
{
  AdwPreferencesGroup parent_instance;

  /* owned */
  LiaisonStore *store;
  char         *deputy_uuid;
  char         *deputy_name;

  /* children */
  AdwActionRow *status_row;
  GtkButton    *reset_button;
  GtkLabel     *error_label;
};

G_DEFINE_FINAL_TYPE (LiaisonDeputyPinGroup, liaison_deputy_pin_group, ADW_TYPE_PREFERENCES_GROUP)

/* @at (UTC, YYYY-MM-DDTHH:MM:SSZ) as this computer's local time. */
static char *
local_time (const char *at)
{
  g_autoptr(GDateTime) utc = at != NULL ? g_date_time_new_from_iso8601 (at, NULL) : NULL;
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup (at != NULL ? at : "");
  local = g_date_time_to_local (utc);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static void
refresh (LiaisonDeputyPinGroup *self)
{
  g_autofree char *set_at = NULL;
  g_autofree char *reset_by = NULL;
  g_autofree char *when = NULL;
  g_autofree char *state = NULL;
  gboolean has_hash = FALSE;
  gboolean found = liaison_store_get_deputy_pin_record (self->store, self->deputy_uuid, &has_hash, &set_at, &reset_by);

  when = local_time (set_at);
  if (found && has_hash)
    /* Translators: %s is a local date and time, such as 2026-12-05 14:05 */
    state = g_strdup_printf (_("Set on %s"), when);
  else if (found)
    /* Translators: the first %s is who at headquarters, the second a local date and time */
    state = g_strdup_printf (_("Reset by %s on %s: the deputy sets a new one the next time they act"),
                             reset_by != NULL ? reset_by : _("headquarters"), when);
  else
    state = g_strdup (_("Not set yet: the deputy sets one the first time they act at a desk"));
  adw_action_row_set_subtitle (self->status_row, state);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->status_row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, state, -1);
  gtk_widget_set_sensitive (GTK_WIDGET (self->reset_button), found && has_hash);
}

static void
reset_response_cb (AdwMessageDialog      *dialog,
                   const char            *response,
                   LiaisonDeputyPinGroup *self)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "reset") != 0)
    return;
  if (!liaison_store_reset_deputy_pin (self->store, self->deputy_uuid, &error))
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
    }
  refresh (self);
}

static void
reset_clicked_cb (LiaisonDeputyPinGroup *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  /* Translators: %s is a deputy's name */
  heading = g_strdup_printf (_("Reset %s’s PIN?"), self->deputy_name);
  body = g_strdup_printf (_("%s will have to set a new PIN the next time they act at a desk. "
                            "The reset reaches their station’s desks when they sync, and is kept with your name."),
                          self->deputy_name);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       heading, body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "reset", _("_Reset PIN"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "reset", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (reset_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
liaison_deputy_pin_group_dispose (GObject *object)
{
  LiaisonDeputyPinGroup *self = LIAISON_DEPUTY_PIN_GROUP (object);

  g_clear_object (&self->store);
  G_OBJECT_CLASS (liaison_deputy_pin_group_parent_class)->dispose (object);
}

static void
liaison_deputy_pin_group_finalize (GObject *object)
{
  LiaisonDeputyPinGroup *self = LIAISON_DEPUTY_PIN_GROUP (object);

  g_free (self->deputy_uuid);
  g_free (self->deputy_name);
  G_OBJECT_CLASS (liaison_deputy_pin_group_parent_class)->finalize (object);
}

static void
liaison_deputy_pin_group_class_init (LiaisonDeputyPinGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = liaison_deputy_pin_group_dispose;
  object_class->finalize = liaison_deputy_pin_group_finalize;
}

static void
liaison_deputy_pin_group_init (LiaisonDeputyPinGroup *self)
{
  /* Translators: a deputy's PIN (for Switch User), a group of the deputy editor */
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("PIN"));

  self->status_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->status_row), _("Deputy’s PIN"));
  gtk_widget_set_name (GTK_WIDGET (self->status_row), "pin_status_row");

  self->reset_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("Reset _PIN…")));
  gtk_widget_set_name (GTK_WIDGET (self->reset_button), "reset_pin_button");
  gtk_widget_set_valign (GTK_WIDGET (self->reset_button), GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->reset_button),
                               _("The deputy sets a new PIN the next time they act at a desk"));
  g_signal_connect_swapped (self->reset_button, "clicked", G_CALLBACK (reset_clicked_cb), self);
  adw_action_row_add_suffix (self->status_row, GTK_WIDGET (self->reset_button));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->status_row));

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0.0);
  gtk_widget_set_margin_top (GTK_WIDGET (self->error_label), 6);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->error_label));
}

/**
 * liaison_deputy_pin_group_new:
 * @store: headquarters' desk's store
 * @deputy_uuid: the deputy
 * @deputy_name: their name, for the question
 *
 * Returns: (transfer floating): the group
 */
GtkWidget *
liaison_deputy_pin_group_new (LiaisonStore *store,
                              const char   *deputy_uuid,
                              const char   *deputy_name)
{
  LiaisonDeputyPinGroup *self;

  g_return_val_if_fail (LIAISON_IS_STORE (store), NULL);
  g_return_val_if_fail (deputy_uuid != NULL, NULL);

  self = g_object_new (LIAISON_TYPE_DEPUTY_PIN_GROUP, NULL);
  self->store = g_object_ref (store);
  self->deputy_uuid = g_strdup (deputy_uuid);
  self->deputy_name = g_strdup (deputy_name != NULL ? deputy_name : "");
  refresh (self);
  return GTK_WIDGET (self);
}
