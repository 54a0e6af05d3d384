/* liaison-period-picker.h: the dashboard's period: a month, a quarter, a
 * year or dates of one's own, with the one before and after a click away. */
#pragma once

#include <gtk/gtk.h>

#include "liaison-dashboard.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_PERIOD_PICKER (liaison_period_picker_get_type ())
G_DECLARE_FINAL_TYPE (LiaisonPeriodPicker, liaison_period_picker, LIAISON, PERIOD_PICKER, GtkWidget)

GtkWidget *liaison_period_picker_new        (void);
void       liaison_period_picker_set_period (LiaisonPeriodPicker *self,
                                             const LiaisonPeriod *period);
void       liaison_period_picker_get_period (LiaisonPeriodPicker *self,
                                             LiaisonPeriod       *period);

G_END_DECLS
