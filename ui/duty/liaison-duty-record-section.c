/* liaison-duty-record-section.c: one list of a duty record.
 *
 * A year's record of a busy deputy lists hundreds of lines, and a boxed
 * list of hundreds of rows takes long to build and to draw: the section
 * shows its first rows, and the rest when asked. The entries are plain
 * strings, worked out off the main thread (liaison-duty-record-entries.c);
 * only the rows are made here.
 */
#define G_LOG_DOMAIN "liaison-duty-record-section"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-duty-record-section.h"
#include "liaison-ui-a11y.h"

/* Rows shown before "Show all". */
#define FIRST_ROWS 15

struct _LiaisonDutyRecordSection
{
  AdwPreferencesGroup parent_instance;

  /* owned */
  GPtrArray *entries;  /* LiaisonDutyRecordEntry * */
  char      *empty_text;

  /* borrowed */
  GtkListBox *list;
};

G_DEFINE_FINAL_TYPE (LiaisonDutyRecordSection, liaison_duty_record_section, ADW_TYPE_PREFERENCES_GROUP)

/**
 * liaison_duty_record_entry_new:
 * @subtitle: (nullable): more about the row
 * @value: (nullable): the row's figure, shown at its end
 */
LiaisonDutyRecordEntry *
liaison_duty_record_entry_new (const char *title,
                               const char *subtitle,
                               const char *value)
{
  LiaisonDutyRecordEntry *entry = g_new0 (LiaisonDutyRecordEntry, 1);

  entry->title = g_strdup (title != NULL ? title : "");
  entry->subtitle = g_strdup (subtitle);
  entry->value = g_strdup (value);
  return entry;
}

void
liaison_duty_record_entry_free (LiaisonDutyRecordEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->title);
  g_free (entry->subtitle);
  g_free (entry->value);
  g_free (entry);
}

static GtkWidget *
make_row (const LiaisonDutyRecordEntry *entry)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), entry->title);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  if (entry->subtitle != NULL && *entry->subtitle != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), entry->subtitle);
  if (entry->value != NULL)
    {
      GtkWidget *value = gtk_label_new (entry->value);

      gtk_widget_set_valign (value, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (value, "numeric");
      gtk_widget_add_css_class (value, "heading");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), value);
    }
  gtk_widget_add_css_class (row, "duty-record-row");
  /* The title alone would not say the date, the rule or the points; and
   * labelled by its title as well, the row would say the title twice. */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  liaison_ui_a11y_name_from_texts (row);
  return row;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void fill (LiaisonDutyRecordSection *self,
                  gboolean                  all);

static void
show_all_cb (LiaisonDutyRecordSection *self)
{
  fill (self, TRUE);
}

static void
fill (LiaisonDutyRecordSection *self,
      gboolean                  all)
{
  guint n = self->entries != NULL ? self->entries->len : 0;
  guint shown = all ? n : MIN (n, FIRST_ROWS);

  clear_list (self->list);
  for (guint i = 0; i < shown; i++)
    gtk_list_box_append (self->list, make_row (g_ptr_array_index (self->entries, i)));

  if (shown < n)
    {
      GtkWidget *row = gtk_list_box_row_new ();
      /* Translators: the last row of a duty record's list cut short */
      g_autofree char *label = g_strdup_printf (ngettext ("Show All %'u Row", "Show All %'u Rows", n), n);
      GtkWidget *button = gtk_button_new_with_label (label);

      gtk_widget_add_css_class (button, "flat");
      g_signal_connect_object (button, "clicked", G_CALLBACK (show_all_cb), self, G_CONNECT_SWAPPED);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), button);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      gtk_list_box_append (self->list, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->list), n > 0);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), n > 0 ? NULL : self->empty_text);
}

/**
 * liaison_duty_record_section_set_entries:
 * @entries: (transfer full) (nullable): LiaisonDutyRecordEntry *; NULL for none
 *
 * Shows @entries, the first few at once and the rest on "Show all".
 */
void
liaison_duty_record_section_set_entries (LiaisonDutyRecordSection *self,
                                         GPtrArray                *entries)
{
  g_return_if_fail (LIAISON_IS_DUTY_RECORD_SECTION (self));

  g_clear_pointer (&self->entries, g_ptr_array_unref);
  self->entries = entries;
  fill (self, FALSE);
}

/**
 * liaison_duty_record_section_new:
 * @empty_text: what the section says when it lists nothing
 */
GtkWidget *
liaison_duty_record_section_new (const char *title,
                                 const char *empty_text)
{
  LiaisonDutyRecordSection *self = g_object_new (LIAISON_TYPE_DUTY_RECORD_SECTION,
                                                 "title", title,
                                                 NULL);

  self->empty_text = g_strdup (empty_text);
  /* Found by its title, as the group's own list would be. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  fill (self, FALSE);
  return GTK_WIDGET (self);
}

static void
liaison_duty_record_section_finalize (GObject *object)
{
  LiaisonDutyRecordSection *self = LIAISON_DUTY_RECORD_SECTION (object);

  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_free (self->empty_text);
  G_OBJECT_CLASS (liaison_duty_record_section_parent_class)->finalize (object);
}

static void
liaison_duty_record_section_class_init (LiaisonDutyRecordSectionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = liaison_duty_record_section_finalize;
}

static void
liaison_duty_record_section_init (LiaisonDutyRecordSection *self)
{
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->list));
}
