/* liaison-protocol.c: sync protocol v1, the pieces both ends share. */

#define G_LOG_DOMAIN "liaison-protocol"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/random.h>

#include "liaison-json-depth.h"
#include "liaison-loop-wire.h"
#include "liaison-protocol.h"
#include "liaison-records.h"
#include "liaison-wire-schema.h"

G_STATIC_ASSERT (LIAISON_WIRE_MAX_FILE_BYTES == LIAISON_MAX_ATTACHMENT_BYTES);

G_DEFINE_QUARK (liaison-protocol-error-quark, liaison_protocol_error)

#define TOKEN_BYTES 32

JsonNode *
liaison_protocol_error_body (const char *code,
                             const char *message)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (code != NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "error");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "code");
  json_builder_add_string_value (builder, code);
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, message != NULL ? message : "");
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

gboolean
liaison_protocol_parse_error (const char  *body,
                              gsize        length,
                              char       **code,
                              char       **message)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;
  JsonObject *object;
  JsonNode *error_node;
  JsonNode *code_node;
  JsonNode *message_node;

  if (code != NULL)
    *code = NULL;
  if (message != NULL)
    *message = NULL;

  if (body == NULL || length == 0 || length > G_MAXSSIZE)
    return FALSE;
  if (!liaison_json_load (parser, body, (gssize) length, NULL))
    return FALSE;

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return FALSE;
  object = json_node_get_object (root);
  error_node = json_object_get_member (object, "error");
  if (error_node == NULL || !JSON_NODE_HOLDS_OBJECT (error_node))
    return FALSE;
  object = json_node_get_object (error_node);
  code_node = json_object_get_member (object, "code");
  message_node = json_object_get_member (object, "message");
  if (code_node == NULL || json_node_get_value_type (code_node) != G_TYPE_STRING)
    return FALSE;
  if (message_node != NULL && !JSON_NODE_HOLDS_NULL (message_node) &&
      json_node_get_value_type (message_node) != G_TYPE_STRING)
    return FALSE;

  if (code != NULL)
    *code = g_strdup (json_node_get_string (code_node));
  if (message != NULL)
    *message = g_strdup (message_node != NULL && !JSON_NODE_HOLDS_NULL (message_node)
                         ? json_node_get_string (message_node) : "");
  return TRUE;
}

static gboolean
read_urandom (guint8 *buffer,
              gsize   size)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/dev/urandom");
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, NULL);
  gsize read_bytes = 0;

  if (stream == NULL)
    return FALSE;
  return g_input_stream_read_all (G_INPUT_STREAM (stream), buffer, size,
                                  &read_bytes, NULL, NULL) && read_bytes == size;
}

gboolean
liaison_protocol_fill_random (guint8 *buffer,
                              gsize   size)
{
  gsize done = 0;

  while (done < size)
    {
      ssize_t n = getrandom (buffer + done, size - done, 0);

      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          /* Old kernels and some sandboxes have no getrandom(2). */
          return read_urandom (buffer, size);
        }
      done += (gsize) n;
    }
  return TRUE;
}

char *
liaison_protocol_new_token (void)
{
  guint8 bytes[TOKEN_BYTES];
  g_autofree char *base64 = NULL;
  GString *token;

  if (!liaison_protocol_fill_random (bytes, sizeof bytes))
    g_error ("No source of random numbers: cannot make a token");

  base64 = g_base64_encode (bytes, sizeof bytes);
  memset (bytes, 0, sizeof bytes);

  token = g_string_sized_new (strlen (base64));
  for (const char *p = base64; *p != '\0'; p++)
    {
      if (*p == '+')
        g_string_append_c (token, '-');
      else if (*p == '/')
        g_string_append_c (token, '_');
      else if (*p != '=')
        g_string_append_c (token, *p);
    }
  return g_string_free (token, FALSE);
}

char *
liaison_protocol_hash_token (const char *token)
{
  g_return_val_if_fail (token != NULL, NULL);

  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, token, -1);
}

static const char * const hq_kinds[] = {
  LIAISON_KIND_STATION, LIAISON_KIND_DEPUTY_GROUP, LIAISON_KIND_DEPUTY,
  LIAISON_KIND_CATEGORY, LIAISON_KIND_UNIT, LIAISON_KIND_LOOP_RULES, LIAISON_KIND_POINTS_RULES,
  LIAISON_KIND_QUARTER_CLOSE, LIAISON_KIND_PUBLISHED_REPORT, NULL
};

gboolean
liaison_protocol_kind_is_hq_owned (const char *kind)
{
  return kind != NULL && g_strv_contains (hq_kinds, kind);
}

gboolean
liaison_protocol_kind_is_hq_written (const char *kind)
{
  return liaison_protocol_kind_is_hq_owned (kind) || g_strcmp0 (kind, LIAISON_KIND_PUBLISHED_REPORT_PART) == 0;
}

gboolean
liaison_protocol_kind_is_known (const char *kind)
{
  return liaison_protocol_kind_is_hq_written (kind) ||
         g_strcmp0 (kind, LIAISON_KIND_RECEPTION) == 0 ||
         g_strcmp0 (kind, LIAISON_KIND_SUGGESTION) == 0 ||
         g_strcmp0 (kind, LIAISON_KIND_SUGGESTION_EVENT) == 0 ||
         g_strcmp0 (kind, LIAISON_KIND_ACTIVITY) == 0 ||
         g_strcmp0 (kind, LIAISON_KIND_DUTY_SHIFT) == 0 ||
         g_strcmp0 (kind, LIAISON_KIND_ACCESS_LOG) == 0 ||
         g_strcmp0 (kind, LIAISON_KIND_PURGE) == 0 ||
         g_strcmp0 (kind, LIAISON_KIND_DEPUTY_PIN) == 0 ||
         g_strcmp0 (kind, LIAISON_KIND_ONLINE_SUBMISSION) == 0 ||
         g_strcmp0 (kind, LIAISON_KIND_ONLINE_DECISION) == 0;
}

/* Canonical JSON. */

void
liaison_protocol_append_json_string (GString    *out,
                                     const char *text)
{
  g_string_append_c (out, '"');
  for (const unsigned char *p = (const unsigned char *) text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '"':  g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        default:
          if (*p < 0x20)
            g_string_append_printf (out, "\\u%04x", *p);
          else
            g_string_append_c (out, (char) *p);
        }
    }
  g_string_append_c (out, '"');
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
append_canonical (GString  *out,
                  JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_NULL:
      g_string_append (out, "null");
      break;

    case JSON_NODE_VALUE:
      {
        GType type = json_node_get_value_type (node);

        if (type == G_TYPE_STRING)
          liaison_protocol_append_json_string (out, json_node_get_string (node));
        else if (type == G_TYPE_BOOLEAN)
          g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
        else if (type == G_TYPE_INT64)
          g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
        else if (type == G_TYPE_DOUBLE)
          {
            char buffer[G_ASCII_DTOSTR_BUF_SIZE];

            g_string_append (out, g_ascii_dtostr (buffer, sizeof buffer, json_node_get_double (node)));
          }
        else
          g_string_append (out, "null");
        break;
      }

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        g_string_append_c (out, '[');
        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            if (i > 0)
              g_string_append_c (out, ',');
            append_canonical (out, json_array_get_element (array, i));
          }
        g_string_append_c (out, ']');
        break;
      }

    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        g_autoptr(GList) members = json_object_get_members (object);
        g_autoptr(GPtrArray) names = g_ptr_array_new ();

        for (GList *l = members; l != NULL; l = l->next)
          g_ptr_array_add (names, l->data);
        g_ptr_array_sort (names, compare_strings);

        g_string_append_c (out, '{');
        for (guint i = 0; i < names->len; i++)
          {
            const char *name = g_ptr_array_index (names, i);

            if (i > 0)
              g_string_append_c (out, ',');
            liaison_protocol_append_json_string (out, name);
            g_string_append_c (out, ':');
            append_canonical (out, json_object_get_member (object, name));
          }
        g_string_append_c (out, '}');
        break;
      }

    default:
      g_assert_not_reached ();
    }
}

char *
liaison_protocol_canonical_json (JsonNode *node)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (node != NULL, NULL);

  append_canonical (out, node);
  return g_string_free (out, FALSE);
}

static gboolean
node_is_type (JsonNode *node,
              GType     type)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

char *
liaison_protocol_record_digest (JsonObject *record)
{
  JsonNode *data;
  JsonNode *deleted;
  g_autofree char *canonical_data = NULL;

  g_return_val_if_fail (record != NULL, NULL);

  data = json_object_get_member (record, "data");
  deleted = json_object_get_member (record, "deleted");
  canonical_data = data != NULL ? liaison_protocol_canonical_json (data) : NULL;
  return liaison_protocol_digest_of_canonical (canonical_data,
                                               node_is_type (deleted, G_TYPE_BOOLEAN) && json_node_get_boolean (deleted),
                                               node_is_type (json_object_get_member (record, "version"), G_TYPE_INT64)
                                               ? json_object_get_int_member (record, "version") : 0);
}

char *
liaison_protocol_digest_of_canonical (const char *canonical_data,
                                      gboolean    deleted,
                                      gint64      version)
{
  g_autoptr(GString) canonical = g_string_sized_new (canonical_data != NULL ? strlen (canonical_data) + 64 : 64);

  /* The canonical JSON of {"data": …, "deleted": …, "version": …}, its
   * keys in that (sorted) order, written out rather than built as a tree
   * and copied: the digest is computed for every record pushed. */
  g_string_append (canonical, "{\"data\":");
  g_string_append (canonical, canonical_data != NULL ? canonical_data : "null");
  g_string_append (canonical, deleted ? ",\"deleted\":true" : ",\"deleted\":false");
  g_string_append_printf (canonical, ",\"version\":%" G_GINT64_FORMAT "}", version);
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) canonical->str, canonical->len);
}
