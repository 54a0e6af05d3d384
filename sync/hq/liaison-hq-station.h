/* liaison-hq-station.h: a station record's data as `liaison-hq station
 * add` and the stations import write it (docs/hq.md). */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* NULL when @address fits a station's address (地址, at most
 * LIAISON_MAX_ADDRESS_CHARS characters; NULL fits), else the translated
 * reason. */
char *liaison_hq_station_address_problem (const char *address);

/* Sets what is given (NULL: not given, kept) on a station's @data: its
 * kind's code, district and address; an empty address takes the address
 * off, so that a station without one is the record it was before
 * stations had addresses. A kind or district not there yet becomes
 * "station" or "". */
void  liaison_hq_station_set             (JsonObject *data,
                                          const char *kind,
                                          const char *district,
                                          const char *address);

G_END_DECLS
