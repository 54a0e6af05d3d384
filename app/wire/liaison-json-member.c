/* liaison-json-member.c: setting a JSON object's members the way the wire
 * spells them. */

#define G_LOG_DOMAIN "liaison-json-member"

#include "config.h"

#include "liaison-json-member.h"

void
liaison_json_set_string_or_null (JsonObject *object,
                                 const char *member,
                                 const char *value)
{
  if (value == NULL)
    json_object_set_null_member (object, member);
  else
    json_object_set_string_member (object, member, value);
}
