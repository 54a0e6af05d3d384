/* liaison-protocol.c: sync protocol v1, the pieces both ends share. */

#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/random.h>

#include "liaison-loop-wire.h"
#include "liaison-protocol.h"
#include "liaison-records.h"

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
  if (!json_parser_load_from_data (parser, body, (gssize) length, NULL))
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

static gboolean
fill_random (guint8 *buffer,
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

  if (!fill_random (bytes, sizeof bytes))
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
  LIAISON_KIND_CATEGORY, LIAISON_KIND_UNIT, LIAISON_KIND_LOOP_RULES, NULL
};

gboolean
liaison_protocol_kind_is_hq_owned (const char *kind)
{
  return kind != NULL && g_strv_contains (hq_kinds, kind);
}

gboolean
liaison_protocol_kind_is_known (const char *kind)
{
  return liaison_protocol_kind_is_hq_owned (kind) ||
         g_strcmp0 (kind, LIAISON_KIND_RECEPTION) == 0 ||
         g_strcmp0 (kind, LIAISON_KIND_SUGGESTION) == 0 ||
         g_strcmp0 (kind, LIAISON_KIND_SUGGESTION_EVENT) == 0;
}

/* Record shapes. */

typedef enum {
  FIELD_TEXT,           /* a non-empty string */
  FIELD_TEXT_OR_NULL,   /* a string (maybe empty) or null */
  FIELD_UUID,
  FIELD_UUID_OR_NULL,
  FIELD_INT,
  FIELD_BOOL,
  FIELD_UUID_ARRAY,
  FIELD_VISITORS,
  FIELD_STATION_KIND,
  FIELD_DEPUTY_LEVEL,
  FIELD_CHANNEL,
  FIELD_UNIT_KIND,
  FIELD_LOOP_KIND,
  FIELD_LOOP_STATUS,
} FieldType;

typedef struct {
  const char *name;
  FieldType   type;
  gboolean    required;  /* may not be missing (a null still needs _OR_NULL) */
} FieldSpec;

typedef struct {
  const char      *kind;
  const FieldSpec *fields;
} KindSpec;

static const FieldSpec station_fields[] = {
  { "name", FIELD_TEXT, TRUE },
  { "kind", FIELD_STATION_KIND, TRUE },
  { "district", FIELD_TEXT_OR_NULL, FALSE },
  { NULL }
};

static const FieldSpec deputy_group_fields[] = {
  { "name", FIELD_TEXT, TRUE },
  { NULL }
};

static const FieldSpec deputy_fields[] = {
  { "name", FIELD_TEXT, TRUE },
  { "level", FIELD_DEPUTY_LEVEL, TRUE },
  { "group", FIELD_UUID_OR_NULL, FALSE },
  { "station", FIELD_UUID_OR_NULL, FALSE },
  { "specialty", FIELD_TEXT_OR_NULL, FALSE },
  { "phone", FIELD_TEXT_OR_NULL, FALSE },
  { NULL }
};

static const FieldSpec category_fields[] = {
  { "code", FIELD_TEXT, TRUE },
  { "name", FIELD_TEXT, TRUE },
  { "name_zh", FIELD_TEXT_OR_NULL, FALSE },
  { "position", FIELD_INT, FALSE },
  { NULL }
};

static const FieldSpec unit_fields[] = {
  { "name", FIELD_TEXT, TRUE },
  { "kind", FIELD_UNIT_KIND, TRUE },
  { NULL }
};

static const FieldSpec reception_fields[] = {
  { "received_at", FIELD_TEXT, TRUE },
  { "station", FIELD_UUID, TRUE },
  { "channel", FIELD_CHANNEL, TRUE },
  { "category", FIELD_UUID, TRUE },
  { "summary", FIELD_TEXT_OR_NULL, TRUE },
  { "handled_on_spot", FIELD_BOOL, TRUE },
  { "handling", FIELD_TEXT_OR_NULL, FALSE },
  { "deputies", FIELD_UUID_ARRAY, TRUE },
  { "visitors", FIELD_VISITORS, TRUE },
  { NULL }
};

static const FieldSpec suggestion_fields[] = {
  { "reception", FIELD_UUID_OR_NULL, FALSE },
  { "station", FIELD_UUID, TRUE },
  { "category", FIELD_UUID, TRUE },
  { "title", FIELD_TEXT, TRUE },
  { "content", FIELD_TEXT_OR_NULL, FALSE },
  { "raised_by", FIELD_TEXT_OR_NULL, FALSE },
  /* Once the sender's cache of the replayed loop; no longer sent (it made
   * a resend after a move differ from the first send), still accepted
   * from older senders and ignored. */
  { "status", FIELD_LOOP_STATUS, FALSE },
  { "created_at", FIELD_TEXT, TRUE },
  { "kind", FIELD_LOOP_KIND, FALSE },
  { "deputy", FIELD_UUID_OR_NULL, FALSE },
  { "co_signers", FIELD_UUID_ARRAY, FALSE },
  { NULL }
};

/* The rest of an event's data is checked by liaison_loop_event_from_json(). */
static const FieldSpec suggestion_event_fields[] = {
  { "station", FIELD_UUID, TRUE },
  { "suggestion", FIELD_UUID, TRUE },
  { NULL }
};

/* Checked by liaison_loop_rules_from_json(). */
static const FieldSpec loop_rules_fields[] = {
  { NULL }
};

static const FieldSpec visitor_fields[] = {
  { "name", FIELD_TEXT_OR_NULL, FALSE },
  { "phone", FIELD_TEXT_OR_NULL, FALSE },
  { "community", FIELD_TEXT_OR_NULL, FALSE },
  { "party_size", FIELD_INT, TRUE },
  { "consent", FIELD_BOOL, TRUE },
  { NULL }
};

static const KindSpec kind_specs[] = {
  { LIAISON_KIND_STATION, station_fields },
  { LIAISON_KIND_DEPUTY_GROUP, deputy_group_fields },
  { LIAISON_KIND_DEPUTY, deputy_fields },
  { LIAISON_KIND_CATEGORY, category_fields },
  { LIAISON_KIND_UNIT, unit_fields },
  { LIAISON_KIND_RECEPTION, reception_fields },
  { LIAISON_KIND_SUGGESTION, suggestion_fields },
  { LIAISON_KIND_SUGGESTION_EVENT, suggestion_event_fields },
  { LIAISON_KIND_LOOP_RULES, loop_rules_fields },
};

static const char * const unit_kinds[] = {
  "government", "department", "supervision", "court", "procuratorate", "other", NULL
};

static gboolean
node_is_string (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
node_is_int (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_INT64;
}

static gboolean
node_is_bool (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_BOOLEAN;
}

static gboolean
node_is_uuid (JsonNode *node)
{
  return node_is_string (node) && g_uuid_string_is_valid (json_node_get_string (node));
}

static gboolean invalid (GError **error, const char *format, ...) G_GNUC_PRINTF (2, 3);

static gboolean
invalid (GError     **error,
         const char  *format,
         ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, LIAISON_PROTOCOL_ERROR, LIAISON_PROTOCOL_ERROR_INVALID, message);
  return FALSE;
}

static gboolean check_fields (JsonObject      *object,
                              const FieldSpec *fields,
                              gboolean         tombstone,
                              const char      *prefix,
                              GError         **error);

static gboolean
check_field (JsonNode        *node,
             const FieldSpec *spec,
             const char      *prefix,
             GError         **error)
{
  gboolean null_ok = spec->type == FIELD_TEXT_OR_NULL || spec->type == FIELD_UUID_OR_NULL;

  if (JSON_NODE_HOLDS_NULL (node))
    {
      if (null_ok)
        return TRUE;
      return invalid (error, "%s%s may not be null", prefix, spec->name);
    }

  switch (spec->type)
    {
    case FIELD_TEXT:
      if (!node_is_string (node) || json_node_get_string (node)[0] == '\0')
        return invalid (error, "%s%s must be a non-empty string", prefix, spec->name);
      if (!g_utf8_validate (json_node_get_string (node), -1, NULL))
        return invalid (error, "%s%s is not UTF-8", prefix, spec->name);
      return TRUE;

    case FIELD_TEXT_OR_NULL:
      if (!node_is_string (node))
        return invalid (error, "%s%s must be a string or null", prefix, spec->name);
      return TRUE;

    case FIELD_UUID:
    case FIELD_UUID_OR_NULL:
      if (!node_is_uuid (node))
        return invalid (error, "%s%s must be a UUID", prefix, spec->name);
      return TRUE;

    case FIELD_INT:
      if (!node_is_int (node))
        return invalid (error, "%s%s must be an integer", prefix, spec->name);
      return TRUE;

    case FIELD_BOOL:
      if (!node_is_bool (node))
        return invalid (error, "%s%s must be true or false", prefix, spec->name);
      return TRUE;

    case FIELD_UUID_ARRAY:
      {
        JsonArray *array;

        if (!JSON_NODE_HOLDS_ARRAY (node))
          return invalid (error, "%s%s must be an array of UUIDs", prefix, spec->name);
        array = json_node_get_array (node);
        for (guint i = 0; i < json_array_get_length (array); i++)
          if (!node_is_uuid (json_array_get_element (array, i)))
            return invalid (error, "%s%s[%u] must be a UUID", prefix, spec->name, i);
        return TRUE;
      }

    case FIELD_VISITORS:
      {
        JsonArray *array;

        if (!JSON_NODE_HOLDS_ARRAY (node))
          return invalid (error, "%s%s must be an array of objects", prefix, spec->name);
        array = json_node_get_array (node);
        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            JsonNode *element = json_array_get_element (array, i);
            g_autofree char *sub_prefix = g_strdup_printf ("%s%s[%u].", prefix, spec->name, i);

            if (!JSON_NODE_HOLDS_OBJECT (element))
              return invalid (error, "%s%s[%u] must be an object", prefix, spec->name, i);
            if (!check_fields (json_node_get_object (element), visitor_fields, FALSE, sub_prefix, error))
              return FALSE;
          }
        return TRUE;
      }

    case FIELD_STATION_KIND:
      {
        LiaisonStationKind kind;

        if (!node_is_string (node) ||
            !liaison_station_kind_from_code (json_node_get_string (node), &kind))
          return invalid (error, "%s%s must be one of home, studio, station, point", prefix, spec->name);
        return TRUE;
      }

    case FIELD_DEPUTY_LEVEL:
      {
        LiaisonDeputyLevel level;

        if (!node_is_string (node) ||
            !liaison_deputy_level_from_code (json_node_get_string (node), &level))
          return invalid (error, "%s%s must be a deputy level code", prefix, spec->name);
        return TRUE;
      }

    case FIELD_CHANNEL:
      {
        LiaisonChannel channel;

        if (!node_is_string (node) ||
            !liaison_channel_from_code (json_node_get_string (node), &channel))
          return invalid (error, "%s%s must be a channel code", prefix, spec->name);
        return TRUE;
      }

    case FIELD_UNIT_KIND:
      if (!node_is_string (node) || !g_strv_contains (unit_kinds, json_node_get_string (node)))
        return invalid (error, "%s%s must be one of government, department, supervision, "
                        "court, procuratorate, other", prefix, spec->name);
      return TRUE;

    case FIELD_LOOP_KIND:
      {
        LiaisonLoopKind kind;

        if (!node_is_string (node) ||
            !liaison_loop_kind_from_code (json_node_get_string (node), &kind))
          return invalid (error, "%s%s must be public_opinion or deputy_suggestion", prefix, spec->name);
        return TRUE;
      }

    case FIELD_LOOP_STATUS:
      {
        LiaisonLoopStatus status;

        if (!node_is_string (node) ||
            !liaison_loop_status_from_code (json_node_get_string (node), &status))
          return invalid (error, "%s%s must be a loop status code (registered, taken_up, "
                          "answered_on_spot, referred, in_progress, replied, rated, closed, "
                          "withdrawn)", prefix, spec->name);
        return TRUE;
      }

    default:
      g_assert_not_reached ();
    }
}

static gboolean
check_fields (JsonObject      *object,
              const FieldSpec *fields,
              gboolean         tombstone,
              const char      *prefix,
              GError         **error)
{
  for (const FieldSpec *spec = fields; spec->name != NULL; spec++)
    {
      JsonNode *node = json_object_get_member (object, spec->name);

      if (node == NULL)
        {
          if (spec->required && !tombstone)
            return invalid (error, "%s%s is missing", prefix, spec->name);
          continue;
        }
      if (!check_field (node, spec, prefix, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
liaison_protocol_check_record (JsonObject  *record,
                               GError     **error)
{
  JsonNode *node;
  const char *kind;
  const FieldSpec *fields = NULL;
  gboolean tombstone = FALSE;

  if (record == NULL)
    return invalid (error, "the record is not an object");

  node = json_object_get_member (record, "kind");
  if (!node_is_string (node))
    return invalid (error, "kind is missing");
  kind = json_node_get_string (node);
  for (gsize i = 0; i < G_N_ELEMENTS (kind_specs); i++)
    if (g_str_equal (kind_specs[i].kind, kind))
      fields = kind_specs[i].fields;
  if (fields == NULL)
    return invalid (error, "unknown kind “%s”", kind);

  if (!node_is_uuid (json_object_get_member (record, "uuid")))
    return invalid (error, "uuid must be a UUID");

  node = json_object_get_member (record, "version");
  if (!node_is_int (node) || json_node_get_int (node) < 1)
    return invalid (error, "version must be an integer of at least 1");

  node = json_object_get_member (record, "base_version");
  if (node != NULL && (!node_is_int (node) || json_node_get_int (node) < 0))
    return invalid (error, "base_version must be an integer of at least 0");

  node = json_object_get_member (record, "seq");
  if (node != NULL && (!node_is_int (node) || json_node_get_int (node) < 1))
    return invalid (error, "seq must be a positive integer");

  node = json_object_get_member (record, "updated_at");
  if (!node_is_string (node) || json_node_get_string (node)[0] == '\0')
    return invalid (error, "updated_at must be a string");

  node = json_object_get_member (record, "origin_station");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node) && !node_is_uuid (node))
    return invalid (error, "origin_station must be a UUID or null");

  node = json_object_get_member (record, "deleted");
  if (node != NULL)
    {
      if (!node_is_bool (node))
        return invalid (error, "deleted must be true or false");
      tombstone = json_node_get_boolean (node);
    }

  if (g_str_equal (kind, LIAISON_KIND_SUGGESTION_EVENT))
    {
      /* Events are kept forever as recorded (docs/closed-loop.md). */
      if (json_object_get_int_member (record, "version") != 1)
        return invalid (error, "version must be 1: an event is never changed once recorded");
      if (tombstone)
        return invalid (error, "deleted must be false: an event is never deleted");
    }
  else if (g_str_equal (kind, LIAISON_KIND_LOOP_RULES))
    {
      if (!g_str_equal (json_object_get_string_member (record, "uuid"), LIAISON_LOOP_RULES_UUID))
        return invalid (error, "uuid must be " LIAISON_LOOP_RULES_UUID ": there is one loop_rules record");
      if (tombstone)
        return invalid (error, "deleted must be false: the loop rules are never deleted");
    }

  node = json_object_get_member (record, "data");
  if (tombstone && (node == NULL || JSON_NODE_HOLDS_NULL (node)))
    return TRUE;
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return invalid (error, "data must be an object");

  if (!check_fields (json_node_get_object (node), fields, tombstone, "data.", error))
    return FALSE;

  if (g_str_equal (kind, LIAISON_KIND_SUGGESTION_EVENT))
    {
      g_autoptr(GError) wire_error = NULL;
      g_autoptr(LiaisonLoopEvent) event =
        liaison_loop_event_from_json (json_object_get_string_member (record, "uuid"),
                                      json_node_get_object (node), &wire_error);

      if (event == NULL)
        return invalid (error, "data: %s", wire_error->message);
    }
  else if (g_str_equal (kind, LIAISON_KIND_LOOP_RULES))
    {
      g_autoptr(GError) wire_error = NULL;
      g_autoptr(LiaisonLoopRules) rules =
        liaison_loop_rules_from_json (json_node_get_object (node), &wire_error);

      if (rules == NULL)
        return invalid (error, "data: %s", wire_error->message);
      for (guint k = 0; k < LIAISON_N_LOOP_KINDS; k++)
        if (rules->limits[k].working_days > 0 && rules->limits[k].months > 0)
          return invalid (error, "data.%s_working_days and data.%s_months are both set: a time limit is one or the other",
                          liaison_loop_kind_to_code (k), liaison_loop_kind_to_code (k));
    }
  return TRUE;
}

static void
normalize_fields (JsonObject      *object,
                  const FieldSpec *fields)
{
  for (const FieldSpec *spec = fields; spec->name != NULL; spec++)
    {
      JsonNode *node = json_object_get_member (object, spec->name);

      if (node == NULL)
        continue;
      if (spec->type == FIELD_TEXT_OR_NULL && JSON_NODE_HOLDS_NULL (node))
        json_object_set_string_member (object, spec->name, "");
      else if (spec->type == FIELD_VISITORS && JSON_NODE_HOLDS_ARRAY (node))
        {
          JsonArray *array = json_node_get_array (node);

          for (guint i = 0; i < json_array_get_length (array); i++)
            if (JSON_NODE_HOLDS_OBJECT (json_array_get_element (array, i)))
              normalize_fields (json_array_get_object_element (array, i), visitor_fields);
        }
    }
}

void
liaison_protocol_normalize_record (JsonObject *record)
{
  const char *kind;
  JsonNode *data;

  g_return_if_fail (record != NULL);

  kind = json_object_get_string_member_with_default (record, "kind", NULL);
  data = json_object_get_member (record, "data");
  if (kind == NULL || data == NULL || !JSON_NODE_HOLDS_OBJECT (data))
    return;
  for (gsize i = 0; i < G_N_ELEMENTS (kind_specs); i++)
    if (g_str_equal (kind_specs[i].kind, kind))
      normalize_fields (json_node_get_object (data), kind_specs[i].fields);
}

/* Canonical JSON. */

static void
append_json_string (GString    *out,
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
          append_json_string (out, json_node_get_string (node));
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
            append_json_string (out, name);
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

char *
liaison_protocol_record_digest (JsonObject *record)
{
  g_autoptr(JsonObject) subset = json_object_new ();
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  JsonNode *data;
  JsonNode *deleted;
  g_autofree char *canonical = NULL;

  g_return_val_if_fail (record != NULL, NULL);

  data = json_object_get_member (record, "data");
  deleted = json_object_get_member (record, "deleted");

  json_object_set_member (subset, "data",
                          data != NULL ? json_node_copy (data) : json_node_new (JSON_NODE_NULL));
  json_object_set_boolean_member (subset, "deleted",
                                  deleted != NULL && node_is_bool (deleted) && json_node_get_boolean (deleted));
  json_object_set_int_member (subset, "version",
                              node_is_int (json_object_get_member (record, "version"))
                              ? json_object_get_int_member (record, "version") : 0);
  json_node_set_object (root, subset);

  canonical = liaison_protocol_canonical_json (root);
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, canonical, -1);
}
