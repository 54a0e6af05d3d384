/* liaison-json-strict.c: reading a JSON object strictly
 * (liaison-json-strict.h). */
#define G_LOG_DOMAIN "liaison-json-strict"

#include "config.h"

#include "liaison-json-strict.h"

gboolean
liaison_json_invalid (const LiaisonJsonStrict  *strict,
                      GError                  **error,
                      const char               *format,
                      ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, strict->domain (), strict->code, "%s%s", strict->prefix, message);
  return FALSE;
}

gboolean
liaison_json_has_exactly (const LiaisonJsonStrict  *strict,
                          JsonObject               *object,
                          const char *const        *names,
                          const char               *where,
                          GError                  **error)
{
  JsonObjectIter iter;
  const char *member;
  JsonNode *node;

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &member, &node))
    if (!g_strv_contains (names, member))
      return liaison_json_invalid (strict, error, "%s has an unknown member “%s”", where, member);
  for (guint i = 0; names[i] != NULL; i++)
    if (!json_object_has_member (object, names[i]))
      return liaison_json_invalid (strict, error, "%s lacks “%s”", where, names[i]);
  return TRUE;
}

const char *
liaison_json_get_string (JsonObject *object,
                         const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

gboolean
liaison_json_get_int (JsonObject *object,
                      const char *member,
                      gint64      min,
                      gint64      max,
                      gint64     *value)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;
  *value = json_node_get_int (node);
  return *value >= min && *value <= max;
}
