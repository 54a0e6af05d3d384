/* liaison-purge-wire.c: a purge on wire records (liaison-purge-wire.h). */
#define G_LOG_DOMAIN "liaison-wire-schema"

#include "config.h"

#include "liaison-purge-wire.h"
#include "liaison-retention.h"

static gboolean
member_is_null (JsonObject *object,
                const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node == NULL || JSON_NODE_HOLDS_NULL (node);
}

guint
liaison_purge_wire_reception (JsonObject *data)
{
  JsonNode *node;
  JsonArray *visitors;
  guint changed = 0;

  g_return_val_if_fail (data != NULL, 0);

  node = json_object_get_member (data, "visitors");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return 0;
  visitors = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (visitors); i++)
    {
      JsonNode *element = json_array_get_element (visitors, i);
      JsonObject *visitor;
      JsonNode *name;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;
      visitor = json_node_get_object (element);
      name = json_object_get_member (visitor, "name");
      if (name != NULL && JSON_NODE_HOLDS_VALUE (name) && json_node_get_value_type (name) == G_TYPE_STRING &&
          g_strcmp0 (json_node_get_string (name), LIAISON_PURGED_MARKER) == 0 &&
          member_is_null (visitor, "phone") && member_is_null (visitor, "community") &&
          !json_object_get_boolean_member_with_default (visitor, "consent", FALSE))
        continue;
      json_object_set_string_member (visitor, "name", LIAISON_PURGED_MARKER);
      json_object_set_null_member (visitor, "phone");
      json_object_set_null_member (visitor, "community");
      /* Nobody is left to contact. */
      json_object_set_boolean_member (visitor, "consent", FALSE);
      changed++;
    }
  return changed;
}

gboolean
liaison_purge_wire_suggestion (JsonObject *data)
{
  JsonNode *node;

  g_return_val_if_fail (data != NULL, FALSE);

  node = json_object_get_member (data, "raised_by");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return FALSE;
  if (*json_node_get_string (node) == '\0' || g_str_equal (json_node_get_string (node), LIAISON_PURGED_MARKER))
    return FALSE;
  json_object_set_string_member (data, "raised_by", LIAISON_PURGED_MARKER);
  return TRUE;
}

gboolean
liaison_purge_wire_online_submission (JsonObject *data)
{
  JsonNode *name;
  gboolean named;

  g_return_val_if_fail (data != NULL, FALSE);

  name = json_object_get_member (data, "name");
  named = name != NULL && JSON_NODE_HOLDS_VALUE (name) && json_node_get_value_type (name) == G_TYPE_STRING &&
          *json_node_get_string (name) != '\0';
  if ((!named || g_str_equal (json_node_get_string (name), LIAISON_PURGED_MARKER)) &&
      member_is_null (data, "phone") && member_is_null (data, "community") &&
      !json_object_get_boolean_member_with_default (data, "consent", FALSE))
    return FALSE;
  if (named)
    json_object_set_string_member (data, "name", LIAISON_PURGED_MARKER);
  json_object_set_null_member (data, "phone");
  json_object_set_null_member (data, "community");
  json_object_set_boolean_member (data, "consent", FALSE);
  return TRUE;
}

char *
liaison_purge_wire_uuid (const char *reception_uuid)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 bytes[32];
  gsize length = sizeof bytes;

  g_return_val_if_fail (reception_uuid != NULL, NULL);

  g_checksum_update (checksum, (const guchar *) "liaison-purge:", -1);
  g_checksum_update (checksum, (const guchar *) reception_uuid, -1);
  g_checksum_get_digest (checksum, bytes, &length);
  bytes[6] = (bytes[6] & 0x0f) | 0x80;  /* version 8 */
  bytes[8] = (bytes[8] & 0x3f) | 0x80;  /* RFC 9562's variant */
  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                          bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                          bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]);
}
