/* liaison-duty-roster.h: the duty roster (值班安排) of this station: plan
 * which deputy is on duty on which day, remove a plan, and see, for the
 * days already over, whether it was done. */
#pragma once

#include <adwaita.h>

#include "liaison-store.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_DUTY_ROSTER (liaison_duty_roster_get_type ())
G_DECLARE_FINAL_TYPE (LiaisonDutyRoster, liaison_duty_roster, LIAISON, DUTY_ROSTER, AdwWindow)

LiaisonDutyRoster *liaison_duty_roster_new (GtkWindow    *parent,
                                            LiaisonStore *store);

G_END_DECLS
