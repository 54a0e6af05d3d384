/* liaison-json-member.h: setting a JSON object's members the way the wire
 * spells them, for the codecs of both ends. */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Sets @member to @value, or to null when @value is NULL. */
void liaison_json_set_string_or_null (JsonObject *object,
                                      const char *member,
                                      const char *value);

G_END_DECLS
