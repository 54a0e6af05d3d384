/* liaison-activities-window.c: the activities list. */
#define G_LOG_DOMAIN "liaison-activities-window"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-activities-window.h"
#include "liaison-activity-editor.h"
#include "liaison-duty-ui.h"
#include "liaison-store-duty.h"

struct _LiaisonActivitiesWindow
{
  AdwWindow         parent_instance;

  LiaisonStore     *store;
  LiaisonDutyMonth  month;
  GArray           *kinds;       /* LiaisonActivityKind, one per kind_dropdown item after "All" */

  AdwToastOverlay  *toasts;
  GtkDropDown      *kind_dropdown;
  GtkLabel         *month_title;
  GtkListBox       *list;
  GtkLabel         *empty_label;
  GtkLabel         *message;
};

G_DEFINE_FINAL_TYPE (LiaisonActivitiesWindow, liaison_activities_window, ADW_TYPE_WINDOW)

static gboolean
shown_kind (LiaisonActivitiesWindow *self,
            LiaisonActivityKind      kind)
{
  guint selected = gtk_drop_down_get_selected (self->kind_dropdown);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return liaison_duty_desk_records (self->store, kind);
  return selected - 1 < self->kinds->len && g_array_index (self->kinds, LiaisonActivityKind, selected - 1) == kind;
}

static void open_editor (LiaisonActivitiesWindow *self,
                         const char              *uuid);

static void
edit_clicked_cb (LiaisonActivitiesWindow *self,
                 GtkButton               *button)
{
  open_editor (self, g_object_get_data (G_OBJECT (button), "activity-uuid"));
}

static GtkWidget *
activity_row_new (LiaisonActivitiesWindow *self,
                  const LiaisonActivity   *a)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *edit = gtk_button_new_from_icon_name ("document-edit-symbolic");
  g_autofree char *edit_label = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GString) subtitle = g_string_new (a->date);
  guint on_leave = 0;
  guint absent = 0;

  if (a->end_date != NULL && *a->end_date)
    /* Translators: between the first and last day of an activity */
    g_string_append_printf (subtitle, _(" to %s"), a->end_date);
  g_string_append_printf (subtitle, " · %s", liaison_activity_kind_label (a->kind));
  if (a->place != NULL && *a->place)
    g_string_append_printf (subtitle, " · %s", a->place);
  for (guint i = 0; i < a->attendees->len; i++)
    {
      const LiaisonAttendee *t = g_ptr_array_index (a->attendees, i);

      on_leave += t->attendance == LIAISON_ATTENDANCE_LEAVE;
      absent += t->attendance == LIAISON_ATTENDANCE_ABSENT;
    }
  g_string_append (subtitle, " · ");
  /* Translators: how many deputies an activity lists */
  g_string_append_printf (subtitle, g_dngettext (GETTEXT_PACKAGE, "%u deputy", "%u deputies", a->attendees->len),
                          a->attendees->len);
  if (on_leave > 0)
    /* Translators: how many of an activity's deputies were on leave */
    g_string_append_printf (subtitle, _(", %u on leave"), on_leave);
  if (absent > 0)
    /* Translators: how many of an activity's deputies were absent */
    g_string_append_printf (subtitle, _(", %u absent"), absent);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), a->title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  /* Translators: opens an activity in the editor; %s is its title */
  edit_label = g_strdup_printf (_("Edit “%s”"), a->title);
  gtk_widget_add_css_class (edit, "flat");
  gtk_widget_set_valign (edit, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (edit, edit_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (edit), GTK_ACCESSIBLE_PROPERTY_LABEL, edit_label, -1);
  g_object_set_data_full (G_OBJECT (edit), "activity-uuid", g_strdup (a->meta.uuid), g_free);
  g_signal_connect_swapped (edit, "clicked", G_CALLBACK (edit_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "activity-uuid", g_strdup (a->meta.uuid), g_free);
  /* The row's name is its title and its line, once each. */
  /* Translators: two parts of one line, such as who corrected an activity and when */
  name = g_strdup_printf (_("%s, %s"), a->title, subtitle->str);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  return row;
}

static void
refresh (LiaisonActivitiesWindow *self)
{
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(GError) error = NULL;

  liaison_duty_month_list_reset (self->month, self->month_title, self->list, &first, &last);
  activities = liaison_store_list_activities (self->store, first, last, &error);
  gtk_label_set_label (self->message, error != NULL ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message), error != NULL);
  for (guint i = 0; activities != NULL && i < activities->len; i++)
    {
      const LiaisonActivity *a = g_ptr_array_index (activities, i);

      if (!shown_kind (self, a->kind))
        continue;
      gtk_list_box_append (self->list, activity_row_new (self, a));
    }
  liaison_duty_month_list_settle (self->list, self->empty_label);
}

static void
saved_cb (LiaisonActivitiesWindow *self,
          const char              *uuid)
{
  g_autoptr(LiaisonActivity) a = liaison_store_get_activity (self->store, uuid, NULL);
  AdwToast *toast = adw_toast_new (_("Activity saved"));

  /* Show the month it was saved in. */
  if (a != NULL)
    self->month = liaison_duty_month_of (a->date);
  refresh (self);
  adw_toast_set_timeout (toast, 4);
  adw_toast_overlay_add_toast (self->toasts, toast);
}

static void
open_editor (LiaisonActivitiesWindow *self,
             const char              *uuid)
{
  LiaisonActivityEditor *editor = liaison_activity_editor_new (GTK_WINDOW (self), self->store, uuid);

  g_signal_connect_object (editor, "saved", G_CALLBACK (saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
row_activated_cb (LiaisonActivitiesWindow *self,
                  GtkListBoxRow           *row)
{
  open_editor (self, g_object_get_data (G_OBJECT (row), "activity-uuid"));
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  open_editor (LIAISON_ACTIVITIES_WINDOW (widget), NULL);
}

static void
store_changed_cb (LiaisonActivitiesWindow *self,
                  const char              *table)
{
  if (g_strcmp0 (table, "activities") == 0 || g_strcmp0 (table, "deputies") == 0)
    refresh (self);
}

static void
build (LiaisonActivitiesWindow *self)
{
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *new_button = gtk_button_new_with_mnemonic (_("_New Activity…"));
  GtkWidget *page = adw_preferences_page_new ();
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkStringList *kinds = gtk_string_list_new (NULL);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (new_button), "activities.new");
  gtk_widget_add_css_class (new_button, "suggested-action");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), new_button);

  /* Translators: the kind filter's first item in the activities list */
  gtk_string_list_append (kinds, _("All kinds"));
  for (LiaisonActivityKind k = 0; k < LIAISON_N_ACTIVITY_KINDS; k++)
    if (liaison_duty_desk_records (self->store, k))
      {
        g_array_append_val (self->kinds, k);
        gtk_string_list_append (kinds, liaison_activity_kind_label (k));
      }
  self->kind_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (kinds), NULL));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->kind_dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Kind of activity"), -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->kind_dropdown), _("Kind of activity"));
  g_signal_connect_swapped (self->kind_dropdown, "notify::selected", G_CALLBACK (refresh), self);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->kind_dropdown));
  gtk_box_append (GTK_BOX (bar), liaison_duty_month_bar_new (&self->month, &self->month_title,
                                                             G_CALLBACK (refresh), self));

  adw_preferences_group_set_title (group, _("Duty Activities"));
  adw_preferences_group_set_header_suffix (group, bar);
  self->message = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->message), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->message), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->message));
  liaison_duty_month_list_add (GTK_BOX (box), _("Activities of the month"), _("No activity of this kind this month."),
                               &self->list, &self->empty_label);
  g_signal_connect_swapped (self->list, "row-activated", G_CALLBACK (row_activated_cb), self);
  adw_preferences_group_add (group, box);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), group);

  self->toasts = liaison_duty_window_set_page (ADW_WINDOW (self), header, page);
}

static void
liaison_activities_window_dispose (GObject *object)
{
  LiaisonActivitiesWindow *self = LIAISON_ACTIVITIES_WINDOW (object);

  g_clear_object (&self->store);
  G_OBJECT_CLASS (liaison_activities_window_parent_class)->dispose (object);
}

static void
liaison_activities_window_finalize (GObject *object)
{
  g_array_unref (LIAISON_ACTIVITIES_WINDOW (object)->kinds);
  G_OBJECT_CLASS (liaison_activities_window_parent_class)->finalize (object);
}

static void
liaison_activities_window_class_init (LiaisonActivitiesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = liaison_activities_window_dispose;
  G_OBJECT_CLASS (klass)->finalize = liaison_activities_window_finalize;
  gtk_widget_class_install_action (widget_class, "activities.new", NULL, new_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "activities.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
liaison_activities_window_init (LiaisonActivitiesWindow *self)
{
  self->month = liaison_duty_month_this ();
  self->kinds = g_array_new (FALSE, FALSE, sizeof (LiaisonActivityKind));
  /* Translators: the window listing duty activities (履职活动) */
  gtk_window_set_title (GTK_WINDOW (self), _("Duty Activities"));
  gtk_window_set_default_size (GTK_WINDOW (self), 760, 720);
}

LiaisonActivitiesWindow *
liaison_activities_window_new (GtkWindow    *parent,
                               LiaisonStore *store)
{
  LiaisonActivitiesWindow *self = g_object_new (LIAISON_TYPE_ACTIVITIES_WINDOW,
                                                "transient-for", parent,
                                                NULL);

  self->store = g_object_ref (store);
  build (self);
  g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  refresh (self);
  return self;
}
