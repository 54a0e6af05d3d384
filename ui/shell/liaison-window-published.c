/* liaison-window-published.c: where an officer finds the published
 * reports: the main menu's Published Reports…, at headquarters (which
 * publishes) and at a station (which reads its own figures); and, at
 * headquarters, the access log: Access Log…. */
#define G_LOG_DOMAIN "liaison-window"

#include "config.h"

#include "liaison-access-log-window.h"
#include "liaison-published-window.h"
#include "liaison-window-private.h"

static void
published_reports_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  LiaisonWindow *self = LIAISON_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (liaison_published_window_new (GTK_WINDOW (self), self->store)));
}

/* Headquarters' Access Log… (docs/privacy.md, "The access log"). */
static void
access_log_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  LiaisonWindow *self = LIAISON_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (liaison_access_log_window_new (GTK_WINDOW (self), self->store)));
}

void
liaison_window_class_add_published_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.published-reports", NULL, published_reports_action);
  gtk_widget_class_install_action (widget_class, "win.access-log", NULL, access_log_action);
}
