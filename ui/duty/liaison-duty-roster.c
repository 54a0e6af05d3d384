/* liaison-duty-roster.c: the duty roster window. The plan is added with
 * the deputy picker and a date field with its calendar, as a reception's;
 * a month of the roster is listed by day, each past day saying "Done" or
 * "Planned, not done" by the store's one rule,
 * liaison_store_duty_shift_done(). */
#define G_LOG_DOMAIN "liaison-duty-roster"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-date-button.h"
#include "liaison-deputy-picker.h"
#include "liaison-duty-roster.h"
#include "liaison-duty-ui.h"
#include "liaison-store-duty.h"
#include "liaison-tooltip.h"
#include "liaison-ui-a11y.h"
#include "liaison-ui-util.h"

struct _LiaisonDutyRoster
{
  AdwWindow            parent_instance;

  LiaisonStore        *store;
  LiaisonDutyMonth     month;

  AdwToastOverlay     *toasts;
  LiaisonDeputyPicker *picker;
  AdwEntryRow         *date_row;
  AdwEntryRow         *note_row;
  GtkLabel            *message;
  GtkLabel            *month_title;
  GtkListBox          *list;
  GtkLabel            *empty_label;
};

G_DEFINE_FINAL_TYPE (LiaisonDutyRoster, liaison_duty_roster, ADW_TYPE_WINDOW)

static void refresh (LiaisonDutyRoster *self);

static void
toast (LiaisonDutyRoster *self,
       const char        *text)
{
  AdwToast *t = adw_toast_new (text);

  adw_toast_set_timeout (t, 4);
  adw_toast_overlay_add_toast (self->toasts, t);
}

/* What a planned day says: done, or planned and not (yet) done. */
static const char *
shift_status (LiaisonDutyRoster      *self,
              const LiaisonDutyShift *shift,
              const char             *today)
{
  gboolean done = FALSE;

  if (!liaison_store_duty_shift_done (self->store, shift, &done, NULL))
    return "";
  if (done)
    /* Translators: a planned duty day on which the deputy did station duty (已履职) */
    return _("Done");
  if (strcmp (shift->date, today) < 0)
    /* Translators: a past duty day on which the deputy logged nothing (已安排，未履职) */
    return _("Planned, not done");
  /* Translators: a duty day today or ahead (已安排) */
  return _("Planned");
}

static void
remove_clicked_cb (GtkButton         *button,
                   LiaisonDutyRoster *self)
{
  const char *uuid = g_object_get_data (G_OBJECT (button), "shift-uuid");
  g_autoptr(GError) error = NULL;

  if (!liaison_store_delete_duty_shift (self->store, uuid, &error))
    liaison_duty_show_message (self->message, error->message);
  else
    toast (self, _("Duty day removed"));
}

static GtkWidget *
shift_row_new (LiaisonDutyRoster      *self,
               const LiaisonDutyShift *shift,
               const char             *today)
{
  gint64 id = liaison_store_find_deputy_by_uuid (self->store, shift->deputy_uuid);
  g_autoptr(LiaisonDeputy) deputy = id != 0 ? liaison_store_get_deputy (self->store, id, NULL) : NULL;
  const char *name = deputy != NULL ? deputy->name : "";
  g_autofree char *day = liaison_duty_day_label (shift->date);
  const char *status = shift_status (self, shift, today);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *day_label = gtk_label_new (day);
  GtkWidget *name_label = gtk_label_new (name);
  GtkWidget *status_label = gtk_label_new (status);
  GtkWidget *note_label = gtk_label_new (shift->note != NULL ? shift->note : "");
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  /* Translators: removes a duty day; %s is the deputy, %s the day */
  g_autofree char *remove_label = g_strdup_printf (_("Remove %s on %s"), name, shift->date);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_label_set_xalign (GTK_LABEL (day_label), 0);
  gtk_label_set_width_chars (GTK_LABEL (day_label), 16);
  gtk_label_set_xalign (GTK_LABEL (name_label), 0);
  gtk_label_set_width_chars (GTK_LABEL (name_label), 8);
  gtk_label_set_xalign (GTK_LABEL (note_label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (note_label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (note_label, TRUE);
  gtk_widget_add_css_class (note_label, "dim-label");
  if (strcmp (shift->date, today) < 0 && strcmp (status, _("Done")) != 0)
    gtk_widget_add_css_class (status_label, "warning");
  else if (strcmp (status, _("Done")) == 0)
    gtk_widget_add_css_class (status_label, "success");
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  liaison_ui_set_tooltip (remove, remove_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  g_object_set_data_full (G_OBJECT (remove), "shift-uuid", g_strdup (shift->meta.uuid), g_free);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), self);

  gtk_box_append (GTK_BOX (box), day_label);
  gtk_box_append (GTK_BOX (box), name_label);
  gtk_box_append (GTK_BOX (box), status_label);
  gtk_box_append (GTK_BOX (box), note_label);
  gtk_box_append (GTK_BOX (box), remove);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  liaison_ui_a11y_name_from_texts (row);
  return row;
}

static void
refresh (LiaisonDutyRoster *self)
{
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *today = liaison_duty_today ();
  g_autoptr(GPtrArray) shifts = NULL;
  g_autoptr(GError) error = NULL;

  liaison_duty_month_list_reset (self->month, self->month_title, self->list, &first, &last);
  shifts = liaison_store_list_duty_shifts (self->store, NULL, first, last, &error);
  if (shifts == NULL)
    {
      /* A desk with no station of its own has no roster. */
      liaison_duty_show_message (self->message, error->message);
      return;
    }
  for (guint i = 0; i < shifts->len; i++)
    {
      const LiaisonDutyShift *shift = g_ptr_array_index (shifts, i);
      g_autoptr(LiaisonStation) here = liaison_store_get_local_station (self->store);

      if (here != NULL && g_strcmp0 (shift->station_uuid, here->meta.uuid) != 0)
        continue;
      gtk_list_box_append (self->list, shift_row_new (self, shift, today));
    }
  liaison_duty_month_list_settle (self->list, self->empty_label);
}

/* Plans every chosen deputy on the day; all or nothing. */
static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  LiaisonDutyRoster *self = LIAISON_DUTY_ROSTER (widget);
  g_autoptr(GArray) ids = liaison_deputy_picker_get_deputy_ids (self->picker);
  g_autofree char *date = liaison_ui_normalize_date (gtk_editable_get_text (GTK_EDITABLE (self->date_row)));
  g_autofree char *note = liaison_ui_editable_get_trimmed (GTK_EDITABLE (self->note_row));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) shifts = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_duty_shift_free);

  liaison_duty_show_message (self->message, NULL);
  if (ids->len == 0)
    {
      liaison_duty_show_message (self->message, _("Choose the deputy on duty first."));
      liaison_deputy_picker_focus (self->picker);
      return;
    }
  if (date == NULL)
    {
      liaison_duty_show_message (self->message, _("Type the day of duty as YYYY-MM-DD, or pick it on the calendar."));
      gtk_widget_grab_focus (GTK_WIDGET (self->date_row));
      return;
    }
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(LiaisonDeputy) deputy = liaison_store_get_deputy (self->store, g_array_index (ids, gint64, i), NULL);
      LiaisonDutyShift *shift;

      if (deputy == NULL)
        continue;
      shift = liaison_duty_shift_new ();
      shift->deputy_uuid = g_strdup (deputy->meta.uuid);
      shift->date = g_strdup (date);
      shift->note = g_strdup (note);
      g_ptr_array_add (shifts, shift);
    }
  /* Several deputies: the whole plan or none of it. */
  if (!liaison_store_begin (self->store, &error))
    {
      liaison_duty_show_message (self->message, error->message);
      return;
    }
  for (guint i = 0; i < shifts->len; i++)
    if (!liaison_store_save_duty_shift (self->store, g_ptr_array_index (shifts, i), &error))
      {
        liaison_store_rollback (self->store);
        liaison_duty_show_message (self->message, error->message);
        return;
      }
  if (!liaison_store_commit (self->store, &error))
    {
      liaison_duty_show_message (self->message, error->message);
      return;
    }
  liaison_deputy_picker_set_deputy_ids (self->picker, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->note_row), "");
  self->month = liaison_duty_month_of (date);
  refresh (self);
  toast (self, _("Duty day planned"));
}

static void
store_changed_cb (LiaisonDutyRoster *self,
                  const char        *table)
{
  if (g_strcmp0 (table, "duty_shifts") == 0 || g_strcmp0 (table, "receptions") == 0 ||
      g_strcmp0 (table, "activities") == 0 || g_strcmp0 (table, "deputies") == 0)
    refresh (self);
}

static GtkWidget *
build_plan_group (LiaisonDutyRoster *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *deputy_row = adw_preferences_row_new ();
  GtkWidget *deputy_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *date_button;
  GtkWidget *add = gtk_button_new_with_mnemonic (_("_Add to the Roster"));
  g_autofree char *today = liaison_duty_today ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Plan a Duty Day"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Choose the deputies on duty and the day; those planned today come first when a reception is logged."));

  self->picker = LIAISON_DEPUTY_PICKER (liaison_deputy_picker_new (self->store));
  /* Translators: the duty roster's deputy picker (添加值班代表) */
  liaison_deputy_picker_set_label (self->picker, _("Add a deputy to the roster"));
  gtk_widget_set_margin_start (deputy_box, 12);
  gtk_widget_set_margin_end (deputy_box, 12);
  gtk_widget_set_margin_top (deputy_box, 8);
  gtk_widget_set_margin_bottom (deputy_box, 8);
  gtk_box_append (GTK_BOX (deputy_box), GTK_WIDGET (self->picker));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (deputy_row), _("Deputies on duty"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (deputy_row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Deputies on duty"), -1);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (deputy_row), deputy_box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (deputy_row), FALSE);
  gtk_widget_set_focusable (deputy_row, FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), deputy_row);

  self->date_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->date_row), _("Day of duty (YYYY-MM-DD)"));
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today);
  date_button = liaison_date_button_new (GTK_EDITABLE (self->date_row), _("Day of duty"));
  adw_entry_row_add_suffix (self->date_row, date_button);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->date_row));

  self->note_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->note_row), _("Note (optional)"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->note_row));

  gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "roster.add");
  gtk_widget_add_css_class (add, "suggested-action");
  gtk_widget_set_halign (add, GTK_ALIGN_END);
  gtk_widget_set_margin_top (add, 12);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), add);
  return group;
}

static GtkWidget *
build_list_group (LiaisonDutyRoster *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("The Roster"));
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group),
                                           liaison_duty_month_bar_new (&self->month, &self->month_title,
                                                                       G_CALLBACK (refresh), self));
  liaison_duty_month_list_add (GTK_BOX (box), _("Duty days of the month"), _("Nobody is planned on duty this month."),
                               &self->list, &self->empty_label);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), box);
  return group;
}

static void
build (LiaisonDutyRoster *self)
{
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *message_group = adw_preferences_group_new ();

  self->message = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->message, TRUE);
  gtk_label_set_xalign (self->message, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->message), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->message), FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (message_group), GTK_WIDGET (self->message));

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (build_plan_group (self)));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (message_group));
  liaison_duty_show_message (self->message, NULL);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (build_list_group (self)));

  self->toasts = liaison_duty_window_set_page (ADW_WINDOW (self), header, page);
}

static void
liaison_duty_roster_dispose (GObject *object)
{
  LiaisonDutyRoster *self = LIAISON_DUTY_ROSTER (object);

  g_clear_object (&self->store);
  G_OBJECT_CLASS (liaison_duty_roster_parent_class)->dispose (object);
}

static void
liaison_duty_roster_class_init (LiaisonDutyRosterClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = liaison_duty_roster_dispose;
  gtk_widget_class_install_action (widget_class, "roster.add", NULL, add_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
liaison_duty_roster_init (LiaisonDutyRoster *self)
{
  self->month = liaison_duty_month_this ();
  /* Translators: the duty roster's window (值班安排) */
  gtk_window_set_title (GTK_WINDOW (self), _("Duty Roster"));
  gtk_window_set_default_size (GTK_WINDOW (self), 720, 760);
}

LiaisonDutyRoster *
liaison_duty_roster_new (GtkWindow    *parent,
                         LiaisonStore *store)
{
  LiaisonDutyRoster *self = g_object_new (LIAISON_TYPE_DUTY_ROSTER,
                                          "transient-for", parent,
                                          "modal", TRUE,
                                          NULL);

  self->store = g_object_ref (store);
  build (self);
  g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  refresh (self);
  return self;
}
