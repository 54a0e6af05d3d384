/* liaison-period-picker.c: the dashboard's period.
 *
 * A drop-down for the kind (month, quarter, year, custom dates), the
 * previous and next period around the period's name, and for custom dates
 * two date fields with their calendars. Custom dates apply as soon as both
 * are whole dates in order; an end before the start is said under them and
 * changes nothing. "changed" says the period is another.
 */
#define G_LOG_DOMAIN "liaison-period-picker"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-calendar.h"
#include "liaison-date-button.h"
#include "liaison-period-picker.h"

struct _LiaisonPeriodPicker
{
  GtkWidget parent_instance;

  LiaisonPeriod period;
  gboolean      setting;  /* writing the widgets, not the user */

  /* borrowed: children */
  GtkWidget   *row;
  GtkDropDown *kind_dropdown;
  GtkWidget   *previous_button;
  GtkLabel    *label;
  GtkWidget   *next_button;
  GtkWidget   *custom_box;
  GtkEditable *from_entry;
  GtkEditable *to_entry;
  GtkLabel    *error_label;
};

G_DEFINE_FINAL_TYPE (LiaisonPeriodPicker, liaison_period_picker, GTK_TYPE_WIDGET)

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_entry_date (GtkEditable *entry,
                const GDate *date)
{
  g_autofree char *text = liaison_date_to_iso (date);

  gtk_editable_set_text (entry, text);
}

static void
show_period (LiaisonPeriodPicker *self,
             gboolean             entries)
{
  g_autofree char *label = liaison_period_label (&self->period);
  gboolean custom = self->period.kind == LIAISON_PERIOD_CUSTOM;

  self->setting = TRUE;
  gtk_drop_down_set_selected (self->kind_dropdown, self->period.kind);
  gtk_label_set_text (self->label, label);
  gtk_widget_set_visible (self->custom_box, custom);
  if (custom && entries)
    {
      set_entry_date (self->from_entry, &self->period.from);
      set_entry_date (self->to_entry, &self->period.to);
    }
  self->setting = FALSE;
}

static void
change_to (LiaisonPeriodPicker *self,
           const LiaisonPeriod *period,
           gboolean             entries)
{
  self->period = *period;
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  show_period (self, entries);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
kind_changed_cb (LiaisonPeriodPicker *self)
{
  LiaisonPeriodKind kind = gtk_drop_down_get_selected (self->kind_dropdown);
  LiaisonPeriod period = self->period;

  if (self->setting || kind == self->period.kind || kind > LIAISON_PERIOD_CUSTOM)
    return;
  /* The new kind's period that holds the old one's first day; custom
   * dates start as the period that was shown. */
  if (kind == LIAISON_PERIOD_CUSTOM)
    period.kind = LIAISON_PERIOD_CUSTOM;
  else
    liaison_period_containing (kind, &self->period.from, &period);
  change_to (self, &period, TRUE);
}

static void
step (LiaisonPeriodPicker *self,
      int                  steps)
{
  LiaisonPeriod period = self->period;

  liaison_period_step (&period, steps);
  change_to (self, &period, TRUE);
}

static void
previous_clicked_cb (LiaisonPeriodPicker *self)
{
  step (self, -1);
}

static void
next_clicked_cb (LiaisonPeriodPicker *self)
{
  step (self, 1);
}

static void
custom_changed_cb (LiaisonPeriodPicker *self)
{
  LiaisonPeriod period = { LIAISON_PERIOD_CUSTOM };

  if (self->setting)
    return;
  /* Half-typed or empty dates wait; whole ones in order apply. */
  if (!liaison_date_button_read_field (self->from_entry, &period.from) || !g_date_valid (&period.from) ||
      !liaison_date_button_read_field (self->to_entry, &period.to) || !g_date_valid (&period.to))
    return;
  if (g_date_compare (&period.to, &period.from) < 0)
    {
      gtk_label_set_text (self->error_label, _("The end date is before the start date."));
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  if (g_date_compare (&period.from, &self->period.from) == 0 && g_date_compare (&period.to, &self->period.to) == 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
      return;
    }
  change_to (self, &period, FALSE);
}

/* Public */

GtkWidget *
liaison_period_picker_new (void)
{
  return g_object_new (LIAISON_TYPE_PERIOD_PICKER, NULL);
}

void
liaison_period_picker_set_period (LiaisonPeriodPicker *self,
                                  const LiaisonPeriod *period)
{
  g_return_if_fail (LIAISON_IS_PERIOD_PICKER (self));

  self->period = *period;
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  show_period (self, TRUE);
}

void
liaison_period_picker_get_period (LiaisonPeriodPicker *self,
                                  LiaisonPeriod       *period)
{
  g_return_if_fail (LIAISON_IS_PERIOD_PICKER (self));

  *period = self->period;
}

/* GObject */

static void
liaison_period_picker_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (liaison_period_picker_parent_class)->dispose (object);
}

static void
liaison_period_picker_class_init (LiaisonPeriodPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = liaison_period_picker_dispose;

  signals[SIGNAL_CHANGED] = g_signal_new ("changed",
                                          G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "periodpicker");
}

static GtkWidget *
make_date_field (LiaisonPeriodPicker *self,
                 GtkEditable        **entry_out,
                 const char          *name)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("YYYY-MM-DD"));
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 10);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_signal_connect_object (entry, "changed", G_CALLBACK (custom_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), liaison_date_button_new (GTK_EDITABLE (entry), name));
  *entry_out = GTK_EDITABLE (entry);
  return box;
}

static void
liaison_period_picker_init (LiaisonPeriodPicker *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  const char *kinds[] = {
    /* Translators: the dashboard's kinds of period */
    C_("period kind", "Month"),
    C_("period kind", "Quarter"),
    C_("period kind", "Year"),
    C_("period kind", "Custom Dates"),
    NULL,
  };
  GDate today;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);

  self->row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->kind_dropdown = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (kinds));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->kind_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Kind of Period"), -1);
  g_signal_connect_object (self->kind_dropdown, "notify::selected", G_CALLBACK (kind_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (self->row), GTK_WIDGET (self->kind_dropdown));

  self->previous_button = gtk_button_new_from_icon_name ("go-previous-symbolic");
  gtk_widget_set_name (self->previous_button, "previous_button");
  gtk_widget_set_tooltip_text (self->previous_button, _("Previous Period"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->previous_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Previous Period"), -1);
  g_signal_connect_object (self->previous_button, "clicked", G_CALLBACK (previous_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (self->row), self->previous_button);

  self->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_width_chars (self->label, 12);
  gtk_widget_add_css_class (GTK_WIDGET (self->label), "heading");
  gtk_widget_set_name (GTK_WIDGET (self->label), "period_label");
  gtk_box_append (GTK_BOX (self->row), GTK_WIDGET (self->label));

  self->next_button = gtk_button_new_from_icon_name ("go-next-symbolic");
  gtk_widget_set_name (self->next_button, "next_button");
  gtk_widget_set_tooltip_text (self->next_button, _("Next Period"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->next_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Next Period"), -1);
  g_signal_connect_object (self->next_button, "clicked", G_CALLBACK (next_clicked_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (self->row), self->next_button);
  gtk_widget_set_parent (self->row, GTK_WIDGET (self));

  self->custom_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (self->custom_box), make_date_field (self, &self->from_entry, _("From date")));
  gtk_box_append (GTK_BOX (self->custom_box), gtk_label_new ("–"));
  gtk_box_append (GTK_BOX (self->custom_box), make_date_field (self, &self->to_entry, _("To date")));
  gtk_widget_set_parent (self->custom_box, GTK_WIDGET (self));

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->error_label, 0.0f);
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_parent (GTK_WIDGET (self->error_label), GTK_WIDGET (self));

  /* This month until told otherwise. */
  liaison_date_set_today (&today);
  liaison_period_containing (LIAISON_PERIOD_MONTH, &today, &self->period);
  liaison_period_picker_set_period (self, &self->period);
}
