/* liaison-window-record.c: the window's duty record page and report.
 *
 * A deputy's record (ui/duty/) takes the whole window, in place of the
 * views, with a back button: it is opened from the Deputies page and from
 * a deputy's own desk, and made the first time it is asked for. The
 * quarterly points report is headquarters' alone.
 */
#define G_LOG_DOMAIN "liaison-window"

#include "config.h"

#include "liaison-duty-record-page.h"
#include "liaison-points-report-dialog.h"
#include "liaison-window-private.h"

/* In the window's main stack, beside "first-run" and "main". */
#define DUTY_RECORD_CHILD "duty-record"

static void
show_duty_record_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  LiaisonWindow *self = LIAISON_WINDOW (widget);
  GtkWidget *page = gtk_stack_get_child_by_name (self->main_stack, DUTY_RECORD_CHILD);

  if (page == NULL)
    {
      page = liaison_duty_record_page_new (self->store);
      gtk_stack_add_named (self->main_stack, page, DUTY_RECORD_CHILD);
    }
  liaison_duty_record_page_show_deputy (LIAISON_DUTY_RECORD_PAGE (page), g_variant_get_string (parameter, NULL));
  gtk_stack_set_visible_child_name (self->main_stack, DUTY_RECORD_CHILD);
}

static void
close_duty_record_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  LiaisonWindow *self = LIAISON_WINDOW (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), DUTY_RECORD_CHILD) == 0)
    gtk_stack_set_visible_child_name (self->main_stack, "main");
}

static void
points_report_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  LiaisonWindow *self = LIAISON_WINDOW (widget);

  liaison_points_report_dialog_present (widget, self->store);
}

/* Headquarters' actions follow who is at the desk. */
void
liaison_window_update_record_actions (LiaisonWindow *self,
                                    gboolean       hq)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.points-report", hq);
}

void
liaison_window_class_add_record_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.show-duty-record", "s", show_duty_record_action);
  gtk_widget_class_install_action (widget_class, "win.close-duty-record", NULL, close_duty_record_action);
  gtk_widget_class_install_action (widget_class, "win.points-report", NULL, points_report_action);
}
