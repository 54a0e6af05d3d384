/* liaison-station-choices.h: headquarters' choice of station, in a
 * dropdown: "Every station", then the stations by name. */
#pragma once

#include <gtk/gtk.h>

#include "liaison-store.h"

G_BEGIN_DECLS

typedef struct _LiaisonStationChoices LiaisonStationChoices;

/* @dropdown: borrowed; it must outlive the choices. */
LiaisonStationChoices *liaison_station_choices_new      (GtkDropDown           *dropdown);
void                   liaison_station_choices_free     (LiaisonStationChoices *self);
/* Fills the dropdown again: the stations at a headquarters desk, only
 * "Every station" elsewhere. Chooses @select_uuid, or with NULL the
 * station chosen now, or "Every station" when it is gone. */
void                   liaison_station_choices_load     (LiaisonStationChoices *self,
                                                         LiaisonStore          *store,
                                                         const char            *select_uuid);
/* The chosen station: 0 and "" for every station. */
gint64                 liaison_station_choices_get_id   (LiaisonStationChoices *self);
const char            *liaison_station_choices_get_uuid (LiaisonStationChoices *self);

G_END_DECLS
