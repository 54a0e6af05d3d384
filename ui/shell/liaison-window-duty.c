/* liaison-window-duty.c: where an officer finds the duty record's desk:
 * the duty roster (a station's) and the duty activities (headquarters
 * all kinds, a station the kinds it records), in the main menu; the
 * receptions page's "On duty today" opens the roster too. */
#define G_LOG_DOMAIN "liaison-window"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-activities-window.h"
#include "liaison-duty-roster.h"
#include "liaison-store-sync.h"
#include "liaison-window-private.h"

static void
duty_roster_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  LiaisonWindow *self = LIAISON_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (liaison_duty_roster_new (GTK_WINDOW (self), self->store)));
}

static void
activities_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  LiaisonWindow *self = LIAISON_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (liaison_activities_window_new (GTK_WINDOW (self), self->store)));
}

/* The roster is a station's; activities need a station or headquarters. */
void
liaison_window_update_duty_actions (LiaisonWindow *self)
{
  g_autoptr(LiaisonStation) station = liaison_store_get_local_station (self->store);
  gboolean hq = liaison_store_get_sync_role (self->store) == LIAISON_SYNC_ROLE_HQ;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.duty-roster", station != NULL && !hq);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.activities", station != NULL || hq);
}

void
liaison_window_class_add_duty_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.duty-roster", NULL, duty_roster_action);
  gtk_widget_class_install_action (widget_class, "win.activities", NULL, activities_action);
}
