/* liaison-hq-station.c: a station record's data as `liaison-hq station
 * add` and the stations import write it. */
#define G_LOG_DOMAIN "liaison-hq-station"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-hq-station.h"
#include "liaison-validate.h"

char *
liaison_hq_station_address_problem (const char *address)
{
  if (address == NULL || g_utf8_strlen (address, -1) <= LIAISON_MAX_ADDRESS_CHARS)
    return NULL;
  return g_strdup_printf (_("A station’s address may be at most %d characters long."), LIAISON_MAX_ADDRESS_CHARS);
}

void
liaison_hq_station_set (JsonObject *data,
                        const char *kind,
                        const char *district,
                        const char *address)
{
  g_return_if_fail (data != NULL);

  if (kind != NULL || !json_object_has_member (data, "kind"))
    json_object_set_string_member (data, "kind", kind != NULL ? kind : "station");
  if (district != NULL || !json_object_has_member (data, "district"))
    json_object_set_string_member (data, "district", district != NULL ? district : "");
  if (address != NULL && *address != '\0')
    json_object_set_string_member (data, "address", address);
  else if (address != NULL && json_object_has_member (data, "address"))
    json_object_remove_member (data, "address");
}
