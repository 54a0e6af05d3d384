/* liaison-online-hq.h: headquarters' view of the online channel, on the
 * Follow-up page (docs/online.md, "The headquarters view"):
 *
 * - LiaisonOnlineOverdue: the flag "网上来件超过3个工作日未受理", the
 *   submissions still pending past their due day (liaison-online-wait.h);
 * - LiaisonOnlineByStation: every station's submissions, chosen by
 *   station, each with how long it waited before its station decided.
 *
 * Both read the store again when the submissions, the stations or the
 * loop's calendar change, and show only at a headquarters desk.
 */
#pragma once

#include <adwaita.h>

#include "liaison-store.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_ONLINE_OVERDUE (liaison_online_overdue_get_type ())
G_DECLARE_FINAL_TYPE (LiaisonOnlineOverdue, liaison_online_overdue, LIAISON, ONLINE_OVERDUE, AdwBin)

#define LIAISON_TYPE_ONLINE_BY_STATION (liaison_online_by_station_get_type ())
G_DECLARE_FINAL_TYPE (LiaisonOnlineByStation, liaison_online_by_station, LIAISON, ONLINE_BY_STATION, AdwBin)

void liaison_online_overdue_set_store    (LiaisonOnlineOverdue   *self,
                                          LiaisonStore           *store);
void liaison_online_by_station_set_store (LiaisonOnlineByStation *self,
                                          LiaisonStore           *store);

G_END_DECLS
