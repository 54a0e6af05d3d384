/* liaison-date-button.c: a calendar for a date field.
 *
 * The field's text is never replaced by the calendar's idea of it: a date
 * typed there moves the calendar, an unfinished or wrong one leaves the
 * calendar where it was (the field's owner says what is wrong), and only
 * a day picked in the calendar writes the field.
 *
 * The popover and its calendar are made when first opened: a calendar is
 * some 60 widgets, and the window alone holds a score of date fields
 * (docs/benchmarks.md, "The app's start").
 */
#define G_LOG_DOMAIN "liaison-date-button"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-calendar.h"
#include "liaison-date-button.h"
#include "liaison-tooltip.h"
#include "liaison-ui-util.h"

struct _LiaisonDateButton
{
  GtkWidget parent_instance;

  /* borrowed: the field usually holds this button */
  GtkEditable *editable;
  gulong       changed_id;

  /* children */
  GtkWidget   *menu_button;
  /* made when first wanted (ensure_calendar) */
  GtkCalendar *calendar;
  char        *name;

  gulong       day_selected_id;
  /* The month shown before a day-selected: GTK 4.8 selects a day when
   * the month is turned too, and that must not close the popover. */
  int          shown_year;
  int          shown_month;
};

G_DEFINE_FINAL_TYPE (LiaisonDateButton, liaison_date_button, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_EDITABLE,
  PROP_FIELD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
remember_month (LiaisonDateButton *self)
{
  g_autoptr(GDateTime) shown = gtk_calendar_get_date (self->calendar);

  self->shown_year = g_date_time_get_year (shown);
  self->shown_month = g_date_time_get_month (shown);
}

/* Shows @date in the calendar without writing it back into the field. */
static void
show_date (LiaisonDateButton *self,
           const GDate       *date)
{
  g_autoptr(GDateTime) at = NULL;

  /* Not made yet: it reads the field when it is. */
  if (self->calendar == NULL)
    return;
  at = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date), g_date_get_day (date), 12, 0, 0);
  g_signal_handler_block (self->calendar, self->day_selected_id);
  gtk_calendar_select_day (self->calendar, at);
  g_signal_handler_unblock (self->calendar, self->day_selected_id);
  remember_month (self);
}

/**
 * liaison_date_button_read_field:
 * @field: a field that takes a date as text
 * @date: (out): its date; invalid when the field is empty
 *
 * Reads a "YYYY-MM-DD" field, in any spelling the app accepts
 * (liaison_ui_normalize_date()). An empty field leaves @date invalid, for
 * the form to ask for it.
 *
 * Returns: %FALSE when the field holds a text that is not a date
 */
gboolean
liaison_date_button_read_field (GtkEditable *field,
                                GDate       *date)
{
  g_autofree char *text = NULL;
  g_autofree char *normalized = NULL;

  g_return_val_if_fail (GTK_IS_EDITABLE (field), FALSE);

  g_date_clear (date, 1);
  text = liaison_ui_editable_get_trimmed (field);
  if (*text == '\0')
    return TRUE;
  normalized = liaison_ui_normalize_date (text);
  return normalized != NULL && liaison_date_parse_iso (normalized, date);
}

/* The field's date, or FALSE when it holds none (yet). */
static gboolean
read_field (LiaisonDateButton *self,
            GDate             *date)
{
  if (self->editable == NULL)
    return FALSE;
  return liaison_date_button_read_field (self->editable, date) && g_date_valid (date);
}

static void
editable_changed_cb (LiaisonDateButton *self)
{
  GDate date;

  if (read_field (self, &date))
    show_date (self, &date);
}

static void
day_selected_cb (LiaisonDateButton *self)
{
  g_autoptr(GDateTime) picked = gtk_calendar_get_date (self->calendar);
  g_autofree char *text = g_date_time_format (picked, "%Y-%m-%d");
  gboolean same_month = g_date_time_get_year (picked) == self->shown_year &&
                        g_date_time_get_month (picked) == self->shown_month;

  if (self->editable != NULL)
    {
      g_signal_handler_block (self->editable, self->changed_id);
      gtk_editable_set_text (self->editable, text);
      g_signal_handler_unblock (self->editable, self->changed_id);
      gtk_editable_set_position (self->editable, -1);
    }
  remember_month (self);
  /* A day picked in the month shown is the answer; turning the month is
   * still looking. */
  if (same_month)
    gtk_menu_button_popdown (GTK_MENU_BUTTON (self->menu_button));
}

/* Opens on the field's date, or today when it has none. */
static void
popover_show_cb (LiaisonDateButton *self)
{
  GDate date;

  if (!read_field (self, &date))
    liaison_date_set_today (&date);
  show_date (self, &date);
  gtk_widget_grab_focus (GTK_WIDGET (self->calendar));
}

static void
liaison_date_button_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  LiaisonDateButton *self = LIAISON_DATE_BUTTON (object);

  switch (prop_id)
    {
    case PROP_EDITABLE:
      g_value_set_object (value, self->editable);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_date_button_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  LiaisonDateButton *self = LIAISON_DATE_BUTTON (object);

  switch (prop_id)
    {
    case PROP_EDITABLE:
      liaison_date_button_set_editable (self, g_value_get_object (value));
      break;
    case PROP_FIELD:
      liaison_date_button_set_field (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_date_button_dispose (GObject *object)
{
  LiaisonDateButton *self = LIAISON_DATE_BUTTON (object);

  liaison_date_button_set_editable (self, NULL);
  g_clear_pointer (&self->menu_button, gtk_widget_unparent);
  self->calendar = NULL;
  G_OBJECT_CLASS (liaison_date_button_parent_class)->dispose (object);
}

static void
liaison_date_button_finalize (GObject *object)
{
  LiaisonDateButton *self = LIAISON_DATE_BUTTON (object);

  g_free (self->name);
  G_OBJECT_CLASS (liaison_date_button_parent_class)->finalize (object);
}

static void
liaison_date_button_class_init (LiaisonDateButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = liaison_date_button_get_property;
  object_class->set_property = liaison_date_button_set_property;
  object_class->dispose = liaison_date_button_dispose;
  object_class->finalize = liaison_date_button_finalize;

  properties[PROP_EDITABLE] =
    g_param_spec_object ("editable", NULL, NULL,
                         GTK_TYPE_EDITABLE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* What the field is, for the button's accessible name: "Reply date". */
  properties[PROP_FIELD] =
    g_param_spec_string ("field", NULL, NULL,
                         NULL,
                         G_PARAM_WRITABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "liaison-date-button");
}

/* The popover and its calendar, on the field's date. */
static GtkCalendar *
ensure_calendar (LiaisonDateButton *self)
{
  GtkWidget *popover;
  GDate date;

  if (self->calendar != NULL)
    return self->calendar;
  popover = gtk_popover_new ();
  self->calendar = GTK_CALENDAR (gtk_calendar_new ());
  self->day_selected_id = g_signal_connect_swapped (self->calendar, "day-selected",
                                                    G_CALLBACK (day_selected_cb), self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->calendar), GTK_ACCESSIBLE_PROPERTY_LABEL, self->name, -1);
  remember_month (self);
  gtk_popover_set_child (GTK_POPOVER (popover), GTK_WIDGET (self->calendar));
  g_signal_connect_swapped (popover, "show", G_CALLBACK (popover_show_cb), self);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->menu_button), popover);
  if (read_field (self, &date))
    show_date (self, &date);
  return self->calendar;
}

static void
create_popup_cb (GtkMenuButton *menu_button,
                 gpointer       user_data)
{
  ensure_calendar (LIAISON_DATE_BUTTON (user_data));
}

static void
liaison_date_button_init (LiaisonDateButton *self)
{
  self->menu_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (self->menu_button), "x-office-calendar-symbolic");
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (self->menu_button), create_popup_cb, self, NULL);
  gtk_widget_set_valign (self->menu_button, GTK_ALIGN_CENTER);
  gtk_widget_set_parent (self->menu_button, GTK_WIDGET (self));
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
  liaison_date_button_set_field (self, NULL);
}

/**
 * liaison_date_button_new:
 * @editable: (nullable): the field the date is written in
 * @field: (nullable): what the field is, "Reply date", for the button's name
 *
 * Returns: (transfer floating): the button
 */
GtkWidget *
liaison_date_button_new (GtkEditable *editable,
                         const char  *field)
{
  return g_object_new (LIAISON_TYPE_DATE_BUTTON, "editable", editable, "field", field, NULL);
}

/**
 * liaison_date_button_set_editable:
 * @editable: (nullable): the field; not referenced, as it often holds the
 *   button
 */
void
liaison_date_button_set_editable (LiaisonDateButton *self,
                                  GtkEditable       *editable)
{
  GDate date;

  g_return_if_fail (LIAISON_IS_DATE_BUTTON (self));
  g_return_if_fail (editable == NULL || GTK_IS_EDITABLE (editable));

  if (self->editable == editable)
    return;
  if (self->editable != NULL)
    {
      g_clear_signal_handler (&self->changed_id, self->editable);
      g_object_remove_weak_pointer (G_OBJECT (self->editable), (gpointer *) &self->editable);
    }
  self->editable = editable;
  if (editable != NULL)
    {
      g_object_add_weak_pointer (G_OBJECT (editable), (gpointer *) &self->editable);
      self->changed_id = g_signal_connect_swapped (editable, "changed", G_CALLBACK (editable_changed_cb), self);
      if (read_field (self, &date))
        show_date (self, &date);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITABLE]);
}

/**
 * liaison_date_button_get_editable:
 *
 * Returns: (transfer none) (nullable): the field
 */
GtkEditable *
liaison_date_button_get_editable (LiaisonDateButton *self)
{
  g_return_val_if_fail (LIAISON_IS_DATE_BUTTON (self), NULL);
  return self->editable;
}

/**
 * liaison_date_button_set_field:
 * @field: (nullable): what the field is, in the user's language
 *
 * Names the button "Pick a date: @field" for screen readers and in its
 * tooltip.
 */
void
liaison_date_button_set_field (LiaisonDateButton *self,
                               const char        *field)
{
  g_autofree char *name = NULL;

  g_return_if_fail (LIAISON_IS_DATE_BUTTON (self));

  if (field != NULL && *field != '\0')
    /* Translators: a button beside a date field; %s is the field, "Reply date" */
    name = g_strdup_printf (_("Pick a date: %s"), field);
  else
    name = g_strdup (_("Pick a date"));
  liaison_ui_set_tooltip (self->menu_button, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  /* The menu button's own toggle is what takes the focus. */
  if (gtk_widget_get_first_child (self->menu_button) != NULL)
    {
      GtkAccessible *toggle = GTK_ACCESSIBLE (gtk_widget_get_first_child (self->menu_button));

      /* GTK labels the toggle by the menu button too: the name once. */
      gtk_accessible_reset_relation (toggle, GTK_ACCESSIBLE_RELATION_LABELLED_BY);
      gtk_accessible_update_property (toggle, GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
    }
  if (self->calendar != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->calendar), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_free (self->name);
  self->name = g_steal_pointer (&name);
}

/**
 * liaison_date_button_get_calendar:
 *
 * Returns: (transfer none): the calendar in the popover, made now if it
 *   was not yet
 */
GtkCalendar *
liaison_date_button_get_calendar (LiaisonDateButton *self)
{
  g_return_val_if_fail (LIAISON_IS_DATE_BUTTON (self), NULL);
  return ensure_calendar (self);
}

/**
 * liaison_date_button_popup:
 *
 * Opens the calendar on the field's date.
 */
void
liaison_date_button_popup (LiaisonDateButton *self)
{
  g_return_if_fail (LIAISON_IS_DATE_BUTTON (self));
  gtk_menu_button_popup (GTK_MENU_BUTTON (self->menu_button));
}
