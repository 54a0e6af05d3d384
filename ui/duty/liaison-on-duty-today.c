/* liaison-on-duty-today.c: "On duty today" on the receptions page. It
 * reads the store's liaison_store_list_on_duty() and follows the roster's
 * changes; headquarters, with no station, does not show it. */
#define G_LOG_DOMAIN "liaison-on-duty-today"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-on-duty-today.h"
#include "liaison-store-duty.h"
#include "liaison-store-watch.h"

struct _LiaisonOnDutyToday
{
  AdwBin        parent_instance;

  LiaisonStore *store;
  GtkLabel     *names_label;
};

G_DEFINE_FINAL_TYPE (LiaisonOnDutyToday, liaison_on_duty_today, ADW_TYPE_BIN)

static void
refresh (LiaisonOnDutyToday *self)
{
  g_autoptr(LiaisonStation) here = NULL;
  g_autoptr(GPtrArray) uuids = NULL;
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *text = NULL;

  here = self->store != NULL ? liaison_store_get_local_station (self->store) : NULL;
  gtk_widget_set_visible (GTK_WIDGET (self), here != NULL);
  if (here == NULL)
    return;
  uuids = liaison_store_list_on_duty (self->store, NULL, NULL, NULL);
  for (guint i = 0; uuids != NULL && i < uuids->len; i++)
    {
      gint64 id = liaison_store_find_deputy_by_uuid (self->store, g_ptr_array_index (uuids, i));
      g_autoptr(LiaisonDeputy) deputy = id != 0 ? liaison_store_get_deputy (self->store, id, NULL) : NULL;

      if (deputy == NULL)
        continue;
      if (names->len > 0)
        /* Translators: between the names of the deputies on duty today */
        g_string_append (names, _(", "));
      g_string_append (names, deputy->name);
    }
  if (names->len > 0)
    /* Translators: on the receptions page; %s lists the deputies the duty roster plans here today */
    text = g_strdup_printf (_("On duty today: %s"), names->str);
  else
    text = g_strdup (_("On duty today: nobody planned"));
  gtk_label_set_label (self->names_label, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->names_label), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
}

static void
store_changed_cb (LiaisonOnDutyToday *self,
                  const char         *table)
{
  if (g_strcmp0 (table, "duty_shifts") == 0 || g_strcmp0 (table, "deputies") == 0 ||
      g_strcmp0 (table, "stations") == 0)
    refresh (self);
}

void
liaison_on_duty_today_set_store (LiaisonOnDutyToday *self,
                                 LiaisonStore       *store)
{
  g_return_if_fail (LIAISON_IS_ON_DUTY_TODAY (self));

  liaison_ui_watch_store (&self->store, store, self, G_CALLBACK (store_changed_cb));
  refresh (self);
}

static void
liaison_on_duty_today_dispose (GObject *object)
{
  LiaisonOnDutyToday *self = LIAISON_ON_DUTY_TODAY (object);

  liaison_ui_watch_store (&self->store, NULL, self, NULL);
  G_OBJECT_CLASS (liaison_on_duty_today_parent_class)->dispose (object);
}

static void
liaison_on_duty_today_class_init (LiaisonOnDutyTodayClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = liaison_on_duty_today_dispose;
}

static void
liaison_on_duty_today_init (LiaisonOnDutyToday *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *icon = gtk_image_new_from_icon_name ("x-office-calendar-symbolic");
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Duty Roster…"));

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  self->names_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->names_label, 0);
  gtk_label_set_wrap (self->names_label, TRUE);
  gtk_label_set_wrap_mode (self->names_label, PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (GTK_WIDGET (self->names_label), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.duty-roster");
  gtk_widget_add_css_class (button, "flat");
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->names_label));
  gtk_box_append (GTK_BOX (box), button);
  adw_bin_set_child (ADW_BIN (self), box);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}
