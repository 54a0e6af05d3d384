/* liaison-activities-window.h: the desk's duty activities (履职活动), a
 * month at a time, by date, filtered by kind; opens the editor. A station
 * sees the kinds it records (station duty, group activities, other). */
#pragma once

#include <adwaita.h>

#include "liaison-store.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_ACTIVITIES_WINDOW (liaison_activities_window_get_type ())
G_DECLARE_FINAL_TYPE (LiaisonActivitiesWindow, liaison_activities_window, LIAISON, ACTIVITIES_WINDOW, AdwWindow)

LiaisonActivitiesWindow *liaison_activities_window_new (GtkWindow    *parent,
                                                        LiaisonStore *store);

G_END_DECLS
