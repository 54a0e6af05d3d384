/* liaison-duty-ui.c: what the duty record's windows share. */
#define G_LOG_DOMAIN "liaison-duty-ui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-duty-ui.h"
#include "liaison-store-sync.h"
#include "liaison-tooltip.h"

LiaisonDutyMonth
liaison_duty_month_this (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return (LiaisonDutyMonth) { g_date_time_get_year (now), g_date_time_get_month (now) };
}

LiaisonDutyMonth
liaison_duty_month_of (const char *date)
{
  int year;
  int month;

  if (date == NULL || sscanf (date, "%d-%d", &year, &month) != 2 || month < 1 || month > 12)
    return liaison_duty_month_this ();
  return (LiaisonDutyMonth) { year, month };
}

LiaisonDutyMonth
liaison_duty_month_step (LiaisonDutyMonth month,
                         int              delta)
{
  int index = month.year * 12 + (month.month - 1) + delta;

  return (LiaisonDutyMonth) { index / 12, index % 12 + 1 };
}

char *
liaison_duty_month_first (LiaisonDutyMonth month)
{
  return g_strdup_printf ("%04d-%02d-01", month.year, month.month);
}

char *
liaison_duty_month_last (LiaisonDutyMonth month)
{
  return g_strdup_printf ("%04d-%02d-%02d", month.year, month.month,
                          g_date_get_days_in_month (month.month, month.year));
}

char *
liaison_duty_month_title (LiaisonDutyMonth month)
{
  g_autoptr(GDateTime) first = g_date_time_new_local (month.year, month.month, 1, 0, 0, 0);

  /* Translators: a month's heading in a list, a g_date_time_format() format: "December 2026"; zh_CN "%Y年%-m月" */
  return g_date_time_format (first, C_("month heading", "%B %Y"));
}

char *
liaison_duty_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

char *
liaison_duty_day_label (const char *date)
{
  int year, month, day;
  g_autoptr(GDateTime) at = NULL;

  if (date == NULL || sscanf (date, "%d-%d-%d", &year, &month, &day) != 3)
    return g_strdup (date != NULL ? date : "");
  at = g_date_time_new_local (year, month, day, 0, 0, 0);
  if (at == NULL)
    return g_strdup (date);
  /* Translators: a day in a list, a g_date_time_format() format: "2026-12-05 Saturday"; zh_CN "%Y-%m-%d %A" */
  return g_date_time_format (at, C_("day in a list", "%Y-%m-%d %A"));
}

gboolean
liaison_duty_desk_records (LiaisonStore        *store,
                           LiaisonActivityKind  kind)
{
  return liaison_store_get_sync_role (store) == LIAISON_SYNC_ROLE_HQ ||
         liaison_activity_kind_owner (kind) != LIAISON_ACTIVITY_OWNER_HEADQUARTERS;
}

/* A month bar's button: steps the month by delta, then refreshes. */
typedef struct {
  LiaisonDutyMonth *month;
  int               delta;
  GCallback         refresh;
  gpointer          data;
} MonthStep;

static void
month_step_cb (GtkButton *button,
               MonthStep *step)
{
  *step->month = liaison_duty_month_step (*step->month, step->delta);
  ((void (*) (gpointer)) step->refresh) (step->data);
}

static GtkWidget *
month_button_new (const char       *icon,
                  const char       *label,
                  LiaisonDutyMonth *month,
                  int               delta,
                  GCallback         refresh,
                  gpointer          data)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);
  MonthStep *step = g_new (MonthStep, 1);

  *step = (MonthStep) { month, delta, refresh, data };
  gtk_widget_add_css_class (button, "flat");
  liaison_ui_set_tooltip (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_signal_connect_data (button, "clicked", G_CALLBACK (month_step_cb), step, (GClosureNotify) (void (*) (void)) g_free, 0);
  return button;
}

GtkWidget *
liaison_duty_month_bar_new (LiaisonDutyMonth  *month,
                            GtkLabel         **title,
                            GCallback          refresh,
                            gpointer           data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_add_css_class (label, "heading");
  gtk_label_set_width_chars (GTK_LABEL (label), 12);
  gtk_box_append (GTK_BOX (box), month_button_new ("go-previous-symbolic", _("Previous month"), month, -1, refresh, data));
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), month_button_new ("go-next-symbolic", _("Next month"), month, 1, refresh, data));
  *title = GTK_LABEL (label);
  return box;
}

void
liaison_duty_month_list_add (GtkBox      *box,
                             const char  *name,
                             const char  *empty_text,
                             GtkListBox **list,
                             GtkLabel   **empty_label)
{
  *list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (*list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (*list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (*list), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  *empty_label = GTK_LABEL (gtk_label_new (empty_text));
  gtk_widget_add_css_class (GTK_WIDGET (*empty_label), "dim-label");
  gtk_box_append (box, GTK_WIDGET (*list));
  gtk_box_append (box, GTK_WIDGET (*empty_label));
}

void
liaison_duty_month_list_reset (LiaisonDutyMonth   month,
                               GtkLabel          *title,
                               GtkListBox        *list,
                               char             **first,
                               char             **last)
{
  g_autofree char *heading = liaison_duty_month_title (month);
  GtkWidget *child;

  gtk_label_set_label (title, heading);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
  *first = liaison_duty_month_first (month);
  *last = liaison_duty_month_last (month);
}

void
liaison_duty_month_list_settle (GtkListBox *list,
                                GtkLabel   *empty_label)
{
  gboolean empty = gtk_widget_get_first_child (GTK_WIDGET (list)) == NULL;

  gtk_widget_set_visible (GTK_WIDGET (list), !empty);
  gtk_widget_set_visible (GTK_WIDGET (empty_label), empty);
}

void
liaison_duty_show_message (GtkLabel   *label,
                           const char *message)
{
  GtkWidget *group;

  gtk_label_set_label (label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
  /* The label's group too, so that no empty space waits for a message. */
  group = gtk_widget_get_ancestor (GTK_WIDGET (label), ADW_TYPE_PREFERENCES_GROUP);
  if (group != NULL)
    gtk_widget_set_visible (group, message != NULL);
  if (message != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, message, -1);
}

AdwToastOverlay *
liaison_duty_window_set_page (AdwWindow *window,
                              GtkWidget *header,
                              GtkWidget *page)
{
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  AdwToastOverlay *toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());

  adw_toast_overlay_set_child (toasts, page);
  gtk_widget_set_vexpand (GTK_WIDGET (toasts), TRUE);
  gtk_box_append (GTK_BOX (content), header);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (toasts));
  adw_window_set_content (window, content);
  return toasts;
}
