/* liaison-on-duty-today.h: "On duty today" (今日值班) on the receptions
 * page: the deputies the duty roster plans at this station today, and the
 * way to the roster. */
#pragma once

#include <adwaita.h>

#include "liaison-store.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_ON_DUTY_TODAY (liaison_on_duty_today_get_type ())
G_DECLARE_FINAL_TYPE (LiaisonOnDutyToday, liaison_on_duty_today, LIAISON, ON_DUTY_TODAY, AdwBin)

void liaison_on_duty_today_set_store (LiaisonOnDutyToday *self,
                                      LiaisonStore       *store);

G_END_DECLS
