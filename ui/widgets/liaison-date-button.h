/* liaison-date-button.h: a calendar for a date field.
 *
 * A button beside (or inside, as an AdwEntryRow suffix) a field that takes
 * a date as text. It opens a calendar in a popover; a day picked there is
 * written into the field as YYYY-MM-DD, and a date typed into the field
 * moves the calendar to it. The field stays the one truth: its text is
 * what is read, checked and saved, so a date can still be typed and a bad
 * one is still said by the field's own message.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LIAISON_TYPE_DATE_BUTTON (liaison_date_button_get_type ())
G_DECLARE_FINAL_TYPE (LiaisonDateButton, liaison_date_button, LIAISON, DATE_BUTTON, GtkWidget)

GtkWidget   *liaison_date_button_new          (GtkEditable       *editable,
                                               const char        *field);
void         liaison_date_button_set_editable (LiaisonDateButton *self,
                                               GtkEditable       *editable);
GtkEditable *liaison_date_button_get_editable (LiaisonDateButton *self);
void         liaison_date_button_set_field    (LiaisonDateButton *self,
                                               const char        *field);
GtkCalendar *liaison_date_button_get_calendar (LiaisonDateButton *self);
void         liaison_date_button_popup        (LiaisonDateButton *self);

gboolean     liaison_date_button_read_field   (GtkEditable       *field,
                                               GDate             *date);

G_END_DECLS
