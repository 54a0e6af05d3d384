/* liaison-reception-when.c: the reception editor's When and How section:
 * date, time, channel, the mobile desk's place and occasion, and category,
 * each with its error row under it. */
#define G_LOG_DOMAIN "liaison-reception-editor"

#include "config.h"

#include "liaison-date-button.h"
#include "liaison-reception-when.h"
#include "liaison-ui-util.h"

struct _LiaisonReceptionWhen
{
  AdwPreferencesGroup   parent_instance;

  /* owned */
  LiaisonReceptionForm *form;
  GArray               *category_ids;  /* gint64, parallel to the category list */

  /* template children */
  AdwEntryRow          *date_entry;
  GtkWidget            *date_error_row;
  GtkLabel             *date_error;
  AdwEntryRow          *time_entry;
  GtkWidget            *time_error_row;
  GtkLabel             *time_error;
  AdwComboRow          *channel_row;
  GtkWidget            *channel_error_row;
  GtkLabel             *channel_error;
  AdwEntryRow          *place_entry;
  GtkWidget            *place_error_row;
  GtkLabel             *place_error;
  AdwEntryRow          *occasion_entry;
  GtkWidget            *occasion_error_row;
  GtkLabel             *occasion_error;
  AdwComboRow          *category_row;
  GtkWidget            *category_error_row;
  GtkLabel             *category_error;
};

G_DEFINE_FINAL_TYPE (LiaisonReceptionWhen, liaison_reception_when, ADW_TYPE_PREFERENCES_GROUP)

/* An error label, in the row that wraps it in the boxed list. */
static void
show_error (GtkLabel   *label,
            GtkWidget  *row,
            const char *message)
{
  gtk_label_set_label (label, message ? message : "");
  gtk_widget_set_visible (row, message != NULL);
}

/* An error goes away as soon as its field is edited. */
static void
hide_error_cb (GtkWidget *error_widget)
{
  gtk_widget_set_visible (error_widget, FALSE);
}

/* The place and occasion belong to the mobile desk: shown for it, and for
 * any reception that has them (an import, an older channel), so that
 * nothing held is out of sight. */
static void
update_place_rows (LiaisonReceptionWhen *self)
{
  gboolean shown = adw_combo_row_get_selected (self->channel_row) == LIAISON_CHANNEL_MOBILE_DESK ||
                   *gtk_editable_get_text (GTK_EDITABLE (self->place_entry)) != '\0' ||
                   *gtk_editable_get_text (GTK_EDITABLE (self->occasion_entry)) != '\0';

  gtk_widget_set_visible (GTK_WIDGET (self->place_entry), shown);
  gtk_widget_set_visible (GTK_WIDGET (self->occasion_entry), shown);
}

void
liaison_reception_when_set_form (LiaisonReceptionWhen *self,
                                 LiaisonReceptionForm *form,
                                 GListModel           *category_names,
                                 GArray               *category_ids)
{
  g_autoptr(GtkStringList) channels = gtk_string_list_new (NULL);

  g_return_if_fail (LIAISON_IS_RECEPTION_WHEN (self));

  g_set_object (&self->form, form);
  g_clear_pointer (&self->category_ids, g_array_unref);
  self->category_ids = g_array_ref (category_ids);

  for (guint i = 0; i < LIAISON_N_CHANNELS; i++)
    gtk_string_list_append (channels, liaison_channel_label (i));
  adw_combo_row_set_model (self->channel_row, G_LIST_MODEL (channels));
  adw_combo_row_set_model (self->category_row, category_names);
}

void
liaison_reception_when_load (LiaisonReceptionWhen *self)
{
  g_return_if_fail (LIAISON_IS_RECEPTION_WHEN (self));

  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), liaison_reception_form_get_date (self->form));
  gtk_editable_set_text (GTK_EDITABLE (self->time_entry), liaison_reception_form_get_time (self->form));
  adw_combo_row_set_selected (self->channel_row, liaison_reception_form_get_channel (self->form));
  gtk_editable_set_text (GTK_EDITABLE (self->place_entry), liaison_reception_form_get_place (self->form));
  gtk_editable_set_text (GTK_EDITABLE (self->occasion_entry), liaison_reception_form_get_occasion (self->form));
  update_place_rows (self);
  adw_combo_row_set_selected (self->category_row,
                              liaison_ui_id_position (self->category_ids, liaison_reception_form_get_category_id (self->form)));
}

void
liaison_reception_when_read (LiaisonReceptionWhen *self)
{
  g_return_if_fail (LIAISON_IS_RECEPTION_WHEN (self));

  liaison_reception_form_set_date (self->form, gtk_editable_get_text (GTK_EDITABLE (self->date_entry)));
  liaison_reception_form_set_time (self->form, gtk_editable_get_text (GTK_EDITABLE (self->time_entry)));
  liaison_reception_form_set_channel (self->form, adw_combo_row_get_selected (self->channel_row));
  liaison_reception_form_set_place (self->form, gtk_editable_get_text (GTK_EDITABLE (self->place_entry)));
  liaison_reception_form_set_occasion (self->form, gtk_editable_get_text (GTK_EDITABLE (self->occasion_entry)));
  liaison_reception_form_set_category_id (self->form,
                                          liaison_ui_id_at (self->category_ids, adw_combo_row_get_selected (self->category_row)));
}

guint
liaison_reception_when_get_category (LiaisonReceptionWhen *self)
{
  g_return_val_if_fail (LIAISON_IS_RECEPTION_WHEN (self), GTK_INVALID_LIST_POSITION);
  return adw_combo_row_get_selected (self->category_row);
}

void
liaison_reception_when_clear_errors (LiaisonReceptionWhen *self)
{
  g_return_if_fail (LIAISON_IS_RECEPTION_WHEN (self));

  show_error (self->date_error, self->date_error_row, NULL);
  show_error (self->time_error, self->time_error_row, NULL);
  show_error (self->channel_error, self->channel_error_row, NULL);
  show_error (self->place_error, self->place_error_row, NULL);
  show_error (self->occasion_error, self->occasion_error_row, NULL);
  show_error (self->category_error, self->category_error_row, NULL);
}

GtkWidget *
liaison_reception_when_show_error (LiaisonReceptionWhen *self,
                                   const char           *field,
                                   const char           *message)
{
  const struct {
    const char *field;
    GtkLabel   *label;
    GtkWidget  *row;
    GtkWidget  *focus;
  } fields[] = {
    { "date",        self->date_error,     self->date_error_row,     GTK_WIDGET (self->date_entry) },
    { "received_at", self->date_error,     self->date_error_row,     GTK_WIDGET (self->date_entry) },
    { "time",        self->time_error,     self->time_error_row,     GTK_WIDGET (self->time_entry) },
    { "channel",     self->channel_error,  self->channel_error_row,  GTK_WIDGET (self->channel_row) },
    { "place",       self->place_error,    self->place_error_row,    GTK_WIDGET (self->place_entry) },
    { "occasion",    self->occasion_error, self->occasion_error_row, GTK_WIDGET (self->occasion_entry) },
    { "category",    self->category_error, self->category_error_row, GTK_WIDGET (self->category_row) },
  };

  g_return_val_if_fail (LIAISON_IS_RECEPTION_WHEN (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      if (g_strcmp0 (field, fields[i].field) != 0)
        continue;
      /* A field shows its first error. */
      if (!gtk_widget_get_visible (fields[i].row))
        show_error (fields[i].label, fields[i].row, message);
      return fields[i].focus;
    }
  return NULL;
}

static void
liaison_reception_when_dispose (GObject *object)
{
  LiaisonReceptionWhen *self = LIAISON_RECEPTION_WHEN (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LIAISON_TYPE_RECEPTION_WHEN);
  g_clear_object (&self->form);
  g_clear_pointer (&self->category_ids, g_array_unref);

  G_OBJECT_CLASS (liaison_reception_when_parent_class)->dispose (object);
}

static void
liaison_reception_when_class_init (LiaisonReceptionWhenClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = liaison_reception_when_dispose;

  g_type_ensure (LIAISON_TYPE_DATE_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/liaison/Liaison/liaison-reception-when.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionWhen, date_entry);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionWhen, date_error_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionWhen, date_error);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionWhen, time_entry);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionWhen, time_error_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionWhen, time_error);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionWhen, channel_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionWhen, channel_error_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionWhen, channel_error);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionWhen, place_entry);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionWhen, place_error_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionWhen, place_error);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionWhen, occasion_entry);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionWhen, occasion_error_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionWhen, occasion_error);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionWhen, category_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionWhen, category_error_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionWhen, category_error);
}

static void
liaison_reception_when_init (LiaisonReceptionWhen *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* An error goes away as soon as its field is edited. */
  g_signal_connect_swapped (self->date_entry, "changed", G_CALLBACK (hide_error_cb), self->date_error_row);
  g_signal_connect_swapped (self->time_entry, "changed", G_CALLBACK (hide_error_cb), self->time_error_row);
  g_signal_connect_swapped (self->channel_row, "notify::selected", G_CALLBACK (hide_error_cb), self->channel_error_row);
  g_signal_connect_swapped (self->category_row, "notify::selected", G_CALLBACK (hide_error_cb), self->category_error_row);
  g_signal_connect_swapped (self->place_entry, "changed", G_CALLBACK (hide_error_cb), self->place_error_row);
  g_signal_connect_swapped (self->occasion_entry, "changed", G_CALLBACK (hide_error_cb), self->occasion_error_row);
  g_signal_connect_swapped (self->channel_row, "notify::selected", G_CALLBACK (update_place_rows), self);
}
