/* liaison-wire-schema.c: the one check of a record on the sync wire (see
 * the header). Messages are wire messages: English, naming the field. */
#define G_LOG_DOMAIN "liaison-wire-schema"

#include "config.h"

#include <string.h>

#include "liaison-activity.h"
#include "liaison-calendar.h"
#include "liaison-loop-wire.h"
#include "liaison-online-wire.h"
#include "liaison-points-rules.h"
#include "liaison-published-snapshot.h"
#include "liaison-quarter-snapshot.h"
#include "liaison-records.h"
#include "liaison-validate.h"
#include "liaison-wire-schema.h"
#include "liaison-wire-schema-private.h"

G_DEFINE_QUARK (liaison-wire-error-quark, liaison_wire_error)

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
  g_set_error_literal (error, LIAISON_WIRE_ERROR, LIAISON_WIRE_ERROR_INVALID, message);
  return FALSE;
}

static gboolean check_fields (JsonObject      *object,
                              const FieldSpec *fields,
                              gboolean       (*also_known) (const char *member),
                              const char      *prefix,
                              GError         **error);

static gboolean
check_length (JsonNode        *node,
              const FieldSpec *spec,
              const char      *prefix,
              GError         **error)
{
  /* Every string is valid UTF-8 by now (check_utf8 runs first). */
  if (spec->max_chars > 0 &&
      g_utf8_strlen (json_node_get_string (node), -1) > (glong) spec->max_chars)
    return invalid (error, "%s%s is longer than %u characters", prefix, spec->name, spec->max_chars);
  return TRUE;
}

/* An activity's attendees: each an object of attendee_fields, and each
 * deputy at most once (an attendance is one deputy's, so two would be
 * counted twice on their record). */
static gboolean
check_attendees (JsonNode        *node,
                 const FieldSpec *spec,
                 const char      *prefix,
                 GError         **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return invalid (error, "%s%s must be an array of objects", prefix, spec->name);
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *sub_prefix = g_strdup_printf ("%s%s[%u].", prefix, spec->name, i);
      char *deputy;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        return invalid (error, "%s%s[%u] must be an object", prefix, spec->name, i);
      if (!check_fields (json_node_get_object (element), liaison_wire_attendee_fields, NULL, sub_prefix, error))
        return FALSE;
      deputy = g_ascii_strdown (json_object_get_string_member (json_node_get_object (element), "deputy"), -1);
      if (!g_hash_table_add (seen, deputy))
        return invalid (error, "%sdeputy is listed twice in %s%s", sub_prefix, prefix, spec->name);
    }
  return TRUE;
}

/* A reception's files: each an object of file_fields, and each hash at
 * most once (the store keeps one row per file). */
static gboolean
check_files (JsonNode        *node,
             const FieldSpec *spec,
             const char      *prefix,
             GError         **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
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
      if (!check_fields (json_node_get_object (element), liaison_wire_file_fields, NULL, sub_prefix, error))
        return FALSE;
      if (!g_hash_table_add (seen, g_strdup (json_object_get_string_member (json_node_get_object (element),
                                                                            "sha256"))))
        return invalid (error, "%ssha256 is listed twice in %s%s", sub_prefix, prefix, spec->name);
    }
  return TRUE;
}

static gboolean
check_field (JsonNode        *node,
             const FieldSpec *spec,
             const char      *prefix,
             GError         **error)
{
  gboolean null_ok = spec->type == FIELD_TEXT_OR_NULL || spec->type == FIELD_UUID_OR_NULL ||
                     spec->type == FIELD_DATE_OR_NULL || spec->type == FIELD_WIRE_TIME_OR_NULL;

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
      return check_length (node, spec, prefix, error);

    case FIELD_TEXT_OR_NULL:
      if (!node_is_string (node))
        return invalid (error, "%s%s must be a string or null", prefix, spec->name);
      return check_length (node, spec, prefix, error);

    case FIELD_DATE:
    case FIELD_DATE_OR_NULL:
      {
        GDate date;

        if (spec->type == FIELD_DATE_OR_NULL && node_is_string (node) &&
            json_node_get_string (node)[0] == '\0')
          return TRUE;
        if (!node_is_string (node) || !liaison_date_parse_iso (json_node_get_string (node), &date))
          return invalid (error, "%s%s must be a date YYYY-MM-DD", prefix, spec->name);
        return TRUE;
      }


    case FIELD_LOCAL_DATETIME:
      {
        g_autofree char *normalized = NULL;

        if (node_is_string (node))
          normalized = liaison_normalize_datetime (json_node_get_string (node));
        if (normalized == NULL)
          return invalid (error, "%s%s must be a date and time YYYY-MM-DD HH:MM", prefix, spec->name);
        return TRUE;
      }

    case FIELD_WIRE_TIME_OR_NULL:
      if (node_is_string (node) && json_node_get_string (node)[0] == '\0')
        return TRUE;
      G_GNUC_FALLTHROUGH;
    case FIELD_WIRE_TIME:
      {
        g_autoptr(GDateTime) time = NULL;

        if (node_is_string (node))
          time = liaison_loop_parse_at (json_node_get_string (node));
        if (time == NULL)
          return invalid (error, "%s%s must be a time YYYY-MM-DDTHH:MM:SSZ", prefix, spec->name);
        return TRUE;
      }

    case FIELD_PARTY_SIZE:
      if (!node_is_int (node) || json_node_get_int (node) < 1 ||
          json_node_get_int (node) > LIAISON_MAX_PARTY_SIZE)
        return invalid (error, "%s%s must be a whole number from 1 to %d", prefix, spec->name,
                        LIAISON_MAX_PARTY_SIZE);
      return TRUE;

    case FIELD_POSITION:
      if (!node_is_int (node) || json_node_get_int (node) < 0 || json_node_get_int (node) > G_MAXINT32)
        return invalid (error, "%s%s must be a whole number from 0 to %d", prefix, spec->name, G_MAXINT32);
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
            if (!check_fields (json_node_get_object (element), liaison_wire_visitor_fields, NULL, sub_prefix, error))
              return FALSE;
          }
        return TRUE;
      }

    case FIELD_SHA256:
      if (!node_is_string (node) || !liaison_loop_is_sha256 (json_node_get_string (node)))
        return invalid (error, "%s%s must be a SHA-256 in lowercase hex", prefix, spec->name);
      return TRUE;

    case FIELD_FILE_SIZE:
      if (!node_is_int (node) || json_node_get_int (node) < 1 ||
          json_node_get_int (node) > LIAISON_WIRE_MAX_FILE_BYTES)
        return invalid (error, "%s%s must be a whole number from 1 to %d", prefix, spec->name,
                        LIAISON_WIRE_MAX_FILE_BYTES);
      return TRUE;

    case FIELD_FILES:
      return check_files (node, spec, prefix, error);

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
            !liaison_loop_kind_from_code (json_node_get_string (node), &kind) ||
            g_strcmp0 (liaison_loop_kind_to_code (kind), json_node_get_string (node)) != 0)
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

    case FIELD_ACTIVITY_KIND:
      {
        LiaisonActivityKind kind;

        if (!node_is_string (node) ||
            !liaison_activity_kind_from_code (json_node_get_string (node), &kind) ||
            g_strcmp0 (liaison_activity_kind_to_code (kind), json_node_get_string (node)) != 0)
          return invalid (error, "%s%s must be an activity kind code (congress_session, "
                          "standing_committee, research, inspection, law_enforcement_inspection, "
                          "theme_activity, group_activity, training, station_duty, other)",
                          prefix, spec->name);
        return TRUE;
      }

    case FIELD_ATTENDANCE:
      {
        LiaisonAttendance attendance;

        if (!node_is_string (node) ||
            !liaison_attendance_from_code (json_node_get_string (node), &attendance) ||
            g_strcmp0 (liaison_attendance_to_code (attendance), json_node_get_string (node)) != 0)
          return invalid (error, "%s%s must be attended, leave or absent", prefix, spec->name);
        return TRUE;
      }

    case FIELD_ATTENDEES:
      return check_attendees (node, spec, prefix, error);

    default:
      g_assert_not_reached ();
    }
}

/* Members the sender added that no replica reads would travel to every
 * desk, and a newer field a desk does not know would be dropped there
 * without a word: both are refused. */
static gboolean
check_known_members (JsonObject      *object,
                     const FieldSpec *fields,
                     gboolean       (*also_known) (const char *member),
                     const char      *prefix,
                     GError         **error)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *member = l->data;
      gboolean known = also_known != NULL && also_known (member);

      for (const FieldSpec *spec = fields; !known && spec->name != NULL; spec++)
        known = g_str_equal (spec->name, member);
      if (!known)
        return invalid (error, "%s%s is not a field of this record", prefix, member);
    }
  return TRUE;
}

static gboolean
check_fields (JsonObject      *object,
              const FieldSpec *fields,
              gboolean       (*also_known) (const char *member),
              const char      *prefix,
              GError         **error)
{
  if (!check_known_members (object, fields, also_known, prefix, error))
    return FALSE;
  for (const FieldSpec *spec = fields; spec->name != NULL; spec++)
    {
      JsonNode *node = json_object_get_member (object, spec->name);

      if (node == NULL)
        {
          if (spec->required)
            return invalid (error, "%s%s is missing", prefix, spec->name);
          continue;
        }
      if (!check_field (node, spec, prefix, error))
        return FALSE;
    }
  return TRUE;
}

/* Deeper than any record's shape (record, data, visitors, a visitor, a
 * value): the walk below stops there rather than follow the input down. */
#define MAX_RECORD_DEPTH 8

/* json-glib turns a lone surrogate escape (\ud802) into bytes that are not
 * UTF-8, which would then travel in every pull answer: every key and
 * string of the record is checked. @member names the nearest member. */
static gboolean
check_utf8 (JsonNode    *node,
            const char  *member,
            guint        depth,
            GError     **error)
{
  if (depth > MAX_RECORD_DEPTH)
    return invalid (error, "%s is nested too deeply", member);
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObjectIter iter;
        const char *name;
        JsonNode *value;

        json_object_iter_init (&iter, json_node_get_object (node));
        while (json_object_iter_next (&iter, &name, &value))
          {
            if (!g_utf8_validate (name, -1, NULL))
              return invalid (error, "a member name of %s is not valid UTF-8", member);
            if (!check_utf8 (value, name, depth + 1, error))
              return FALSE;
          }
        return TRUE;
      }
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        for (guint i = 0; i < json_array_get_length (array); i++)
          if (!check_utf8 (json_array_get_element (array, i), member, depth + 1, error))
            return FALSE;
        return TRUE;
      }
    case JSON_NODE_VALUE:
      if (json_node_get_value_type (node) == G_TYPE_STRING &&
          !g_utf8_validate (json_node_get_string (node), -1, NULL))
        return invalid (error, "%s is not valid UTF-8 (a lone surrogate escape?)", member);
      return TRUE;
    case JSON_NODE_NULL:
    default:
      return TRUE;
    }
}

/* Its quarter written as stored, and a snapshot of that quarter. */
static gboolean
check_quarter_close (JsonObject  *data,
                     GError     **error)
{
  const char *text = json_object_get_string_member (data, "quarter");
  JsonNode *node = json_object_get_member (data, "snapshot");
  g_autoptr(LiaisonQuarterSnapshot) snapshot = NULL;
  g_autoptr(GError) snapshot_error = NULL;
  g_autofree char *stored = NULL;
  LiaisonQuarter quarter;

  if (!liaison_quarter_parse (text, &quarter, NULL) ||
      strcmp (text, stored = liaison_quarter_format (quarter)) != 0)
    return invalid (error, "data.quarter must be a quarter written such as 2025Q1");
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return invalid (error, "data.snapshot must be an object");
  snapshot = liaison_quarter_snapshot_from_json (json_node_get_object (node), &snapshot_error);
  if (snapshot == NULL)
    return invalid (error, "data.%s", snapshot_error->message);
  if (liaison_quarter_compare (snapshot->quarter, quarter) != 0)
    return invalid (error, "data.snapshot.quarter must be data.quarter");
  return TRUE;
}

static const char *
optional_text (JsonObject *data,
               const char *member)
{
  JsonNode *node = json_object_get_member (data, member);

  return node != NULL && node_is_string (node) ? json_node_get_string (node) : "";
}

/* What the fields' own checks cannot see: an activity ends no earlier
 * than it begins, and a correction has both its reason and its time, or
 * neither (a correction of a closed quarter is shown with both). */
static gboolean
check_activity (JsonObject  *data,
                GError     **error)
{
  const char *end_date = optional_text (data, "end_date");
  gboolean has_reason = !liaison_text_is_blank (optional_text (data, "correction_reason"));
  gboolean has_time = optional_text (data, "corrected_at")[0] != '\0';

  /* Both are YYYY-MM-DD by now, which compare as text. */
  if (end_date[0] != '\0' && strcmp (end_date, json_object_get_string_member (data, "date")) < 0)
    return invalid (error, "data.end_date is before data.date");
  if (has_reason != has_time)
    return invalid (error, "data.correction_reason and data.corrected_at go together: "
                    "a correction has both, a plain record neither");
  return TRUE;
}

gboolean
liaison_wire_check_record (JsonObject  *record,
                           GError     **error)
{
  JsonNode *node;
  const KindSpec *spec = NULL;
  const char *kind;
  gboolean tombstone = FALSE;

  if (record == NULL)
    return invalid (error, "the record is not an object");

  {
    g_autoptr(JsonNode) root = json_node_init_object (json_node_alloc (), record);

    if (!check_utf8 (root, "the record", 0, error))
      return FALSE;
  }

  node = json_object_get_member (record, "kind");
  if (!node_is_string (node))
    return invalid (error, "kind is missing");
  kind = json_node_get_string (node);
  spec = liaison_wire_kind_spec (kind);
  if (spec == NULL)
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

  {
    g_autoptr(GDateTime) time = NULL;

    node = json_object_get_member (record, "updated_at");
    if (node_is_string (node))
      time = liaison_loop_parse_at (json_node_get_string (node));
    if (time == NULL)
      return invalid (error, "updated_at must be a time YYYY-MM-DDTHH:MM:SSZ");
  }

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
  else if (g_str_equal (kind, LIAISON_KIND_QUARTER_CLOSE) && tombstone)
    return invalid (error, "deleted must be false: a closed quarter stays closed");
  else if ((g_str_equal (kind, LIAISON_KIND_PUBLISHED_REPORT) ||
            g_str_equal (kind, LIAISON_KIND_PUBLISHED_REPORT_PART)) && tombstone)
    return invalid (error, "deleted must be false: a published report is never withdrawn");
  else if (g_str_equal (kind, LIAISON_KIND_PURGE))
    {
      if (json_object_get_int_member (record, "version") != 1)
        return invalid (error, "version must be 1: a purge is never changed");
      if (tombstone)
        return invalid (error, "deleted must be false: a purge is never undone");
    }
  else if (liaison_online_wire_is_kind (kind) && (json_object_get_int_member (record, "version") != 1 || tombstone))
    return invalid (error, "version must be 1 and deleted false: an online record is never changed");
  else if (g_str_equal (kind, LIAISON_KIND_DEPUTY_PIN) && tombstone)
    return invalid (error, "deleted must be false: a PIN is reset with data.hash null");
  else if (g_str_equal (kind, LIAISON_KIND_ACCESS_LOG))
    {
      /* Insert-only, as the desk's triggers keep it (docs/privacy.md). */
      if (json_object_get_int_member (record, "version") != 1)
        return invalid (error, "version must be 1: an access log entry is never changed");
      if (tombstone)
        return invalid (error, "deleted must be false: an access log entry is never deleted");
    }

  /* A tombstone's data is none, or the whole record as it was: a replica
   * writes what it is given. */
  node = json_object_get_member (record, "data");
  if (tombstone &&
      (node == NULL || JSON_NODE_HOLDS_NULL (node) ||
       (JSON_NODE_HOLDS_OBJECT (node) && json_object_get_size (json_node_get_object (node)) == 0)))
    return TRUE;
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return invalid (error, "data must be an object");

  if (!check_fields (json_node_get_object (node), spec->fields, spec->also_known, "data.", error))
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
  else if (liaison_online_wire_is_kind (kind))
    {
      g_autofree char *problem = liaison_online_wire_problem (kind, record, json_node_get_object (node));

      if (problem != NULL)
        return invalid (error, "%s", problem);
    }
  else if (g_str_equal (kind, LIAISON_KIND_ACTIVITY))
    return check_activity (json_node_get_object (node), error);
  else if (g_str_equal (kind, LIAISON_KIND_POINTS_RULES))
    {
      g_autoptr(GError) rules_error = NULL;
      g_autofree char *text = json_to_string (node, FALSE);
      g_autoptr(LiaisonPointsRules) rules = liaison_points_rules_from_json (text, -1, &rules_error);

      if (rules == NULL)
        return invalid (error, "data: %s", rules_error->message);
    }
  else if (g_str_equal (kind, LIAISON_KIND_QUARTER_CLOSE))
    return check_quarter_close (json_node_get_object (node), error);
  else if (g_str_equal (kind, LIAISON_KIND_ACCESS_LOG))
    {
      JsonObject *data = json_node_get_object (node);

      if (json_object_get_int_member (data, "n_contacts") < 0)
        return invalid (error, "data.n_contacts must be at least 0");
      if (liaison_text_is_blank (json_object_get_string_member (data, "reason")))
        return invalid (error, "data.reason must not be blank: an access is logged with its reason");
    }
  else if (g_str_equal (kind, LIAISON_KIND_DEPUTY_PIN))
    {
      JsonObject *data = json_node_get_object (node);
      const char *hash = json_object_get_string_member (data, "hash");
      g_autofree char *expected = liaison_wire_deputy_pin_uuid (json_object_get_string_member (data, "deputy"));

      if (hash != NULL && *hash != '\0' && !g_str_has_prefix (hash, LIAISON_WIRE_PIN_HASH_PREFIX))
        return invalid (error, "data.hash must be null (\"\") or start with " LIAISON_WIRE_PIN_HASH_PREFIX
                        ": a PIN travels as its slow hash, never as itself");
      if (!g_str_equal (json_object_get_string_member (record, "uuid"), expected))
        return invalid (error, "uuid must be %s: a deputy has one deputy_pin record", expected);
    }
  else if (g_str_equal (kind, LIAISON_KIND_PUBLISHED_REPORT))
    {
      g_autoptr(GError) published_error = NULL;
      g_autoptr(LiaisonPublishedHead) head =
        liaison_published_head_from_json (json_node_get_object (node), &published_error);

      if (head == NULL)
        return invalid (error, "%s", published_error->message);
    }
  else if (g_str_equal (kind, LIAISON_KIND_PUBLISHED_REPORT_PART))
    {
      g_autoptr(GError) published_error = NULL;
      g_autoptr(LiaisonPublishedPart) part =
        liaison_published_part_from_json (json_node_get_object (node), &published_error);

      if (part == NULL)
        return invalid (error, "%s", published_error->message);
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
      if ((spec->type == FIELD_TEXT_OR_NULL || spec->type == FIELD_DATE_OR_NULL ||
           spec->type == FIELD_WIRE_TIME_OR_NULL) && JSON_NODE_HOLDS_NULL (node))
        json_object_set_string_member (object, spec->name, "");
      else if (spec->type == FIELD_VISITORS && JSON_NODE_HOLDS_ARRAY (node))
        {
          JsonArray *array = json_node_get_array (node);

          for (guint i = 0; i < json_array_get_length (array); i++)
            if (JSON_NODE_HOLDS_OBJECT (json_array_get_element (array, i)))
              normalize_fields (json_array_get_object_element (array, i), liaison_wire_visitor_fields);
        }
    }
}

void
liaison_wire_normalize_record (JsonObject *record)
{
  JsonNode *kind_node;
  const char *kind;
  JsonNode *data;
  const KindSpec *spec;

  g_return_if_fail (record != NULL);

  /* Runs before the check: "kind" may be anything (the fuzzer sent an
   * object, which json_object_get_string_member () warns about). */
  kind_node = json_object_get_member (record, "kind");
  if (kind_node == NULL || json_node_get_value_type (kind_node) != G_TYPE_STRING)
    return;
  kind = json_node_get_string (kind_node);
  data = json_object_get_member (record, "data");
  if (data == NULL || !JSON_NODE_HOLDS_OBJECT (data))
    return;
  spec = liaison_wire_kind_spec (kind);
  if (spec != NULL)
    normalize_fields (json_node_get_object (data), spec->fields);
}
