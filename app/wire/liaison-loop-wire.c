/* liaison-loop-wire.c: loop events and rules as JSON (see the header for
 * the shape). Messages are wire messages: English, naming the field, for
 * logs and the server's "reason"; the user sees the store's own words. */
#define G_LOG_DOMAIN "liaison-loop-wire"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "liaison-loop-wire.h"
#include "liaison-json-member.h"
#include "liaison-retention.h"

G_DEFINE_QUARK (liaison-loop-wire-error-quark, liaison_loop_wire_error)

/* Every move's own fields, so that a field of another move is refused. */
typedef struct {
  const char      *name;
  LiaisonLoopMove  move;
  /* a second move that has it too, or LIAISON_N_LOOP_MOVES */
  LiaisonLoopMove  also;
} MoveField;

static const MoveField move_fields[] = {
  { "kind",            LIAISON_LOOP_MOVE_REGISTER,       LIAISON_N_LOOP_MOVES },
  { "co_signers",      LIAISON_LOOP_MOVE_REGISTER,       LIAISON_N_LOOP_MOVES },
  { "deputy",          LIAISON_LOOP_MOVE_TAKE_UP,        LIAISON_LOOP_MOVE_ANSWER_ON_SPOT },
  { "answer",          LIAISON_LOOP_MOVE_ANSWER_ON_SPOT, LIAISON_N_LOOP_MOVES },
  { "lead_unit",       LIAISON_LOOP_MOVE_REFER,          LIAISON_N_LOOP_MOVES },
  { "co_units",        LIAISON_LOOP_MOVE_REFER,          LIAISON_N_LOOP_MOVES },
  { "due_date",        LIAISON_LOOP_MOVE_REFER,          LIAISON_N_LOOP_MOVES },
  { "reply_text",      LIAISON_LOOP_MOVE_REPLY,          LIAISON_N_LOOP_MOVES },
  { "reply_date",      LIAISON_LOOP_MOVE_REPLY,          LIAISON_N_LOOP_MOVES },
  { "replying_unit",   LIAISON_LOOP_MOVE_REPLY,          LIAISON_N_LOOP_MOVES },
  { "attachments",     LIAISON_LOOP_MOVE_REPLY,          LIAISON_N_LOOP_MOVES },
  { "attachment_names", LIAISON_LOOP_MOVE_REPLY,         LIAISON_N_LOOP_MOVES },
  { "rating",          LIAISON_LOOP_MOVE_RATE,           LIAISON_N_LOOP_MOVES },
  { "asked",           LIAISON_LOOP_MOVE_RATE,           LIAISON_N_LOOP_MOVES },
  { "rated_by",        LIAISON_LOOP_MOVE_RATE,           LIAISON_N_LOOP_MOVES },
  { "reason",          LIAISON_LOOP_MOVE_WITHDRAW,       LIAISON_N_LOOP_MOVES },
  { "key_supervision", LIAISON_LOOP_MOVE_SUPERVISE,      LIAISON_N_LOOP_MOVES },
};

/* Far beyond any real time limit; keeps date arithmetic sane. */
#define MAX_LIMIT_DAYS   3660
#define MAX_LIMIT_MONTHS 120

char *
liaison_loop_format_at (GDateTime *at)
{
  g_autoptr(GDateTime) utc = NULL;

  g_return_val_if_fail (at != NULL, NULL);

  utc = g_date_time_to_utc (at);
  /* Not g_date_time_format (): its %Y writes the year 589 as "589", which
   * liaison_loop_parse_at () does not read back. */
  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02dZ",
                          g_date_time_get_year (utc), g_date_time_get_month (utc),
                          g_date_time_get_day_of_month (utc), g_date_time_get_hour (utc),
                          g_date_time_get_minute (utc), g_date_time_get_second (utc));
}

GDateTime *
liaison_loop_parse_at (const char *text)
{
  static const char pattern[] = "dddd-dd-ddTdd:dd:ddZ";
  int year, month, day, hour, minute, second;

  if (text == NULL || strlen (text) != sizeof pattern - 1)
    return NULL;
  for (guint i = 0; pattern[i] != '\0'; i++)
    if (pattern[i] == 'd' ? !g_ascii_isdigit (text[i]) : text[i] != pattern[i])
      return NULL;
  if (sscanf (text, "%4d-%2d-%2dT%2d:%2d:%2dZ", &year, &month, &day, &hour, &minute, &second) != 6)
    return NULL;
  /* g_date_time_new_utc() refuses a day the month does not have, hour 24... */
  if (year < 1)
    return NULL;
  return g_date_time_new_utc (year, month, day, hour, minute, second);
}

/* Encoding */

static void
set_strv (JsonObject         *object,
          const char         *member,
          const char * const *values)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    json_array_add_string_element (array, values[i]);
  json_object_set_array_member (object, member, array);
}

static void
set_date (JsonObject  *object,
          const char  *member,
          const GDate *date)
{
  g_autofree char *iso = NULL;

  if (!g_date_valid (date))
    {
      json_object_set_null_member (object, member);
      return;
    }
  iso = liaison_date_to_iso (date);
  json_object_set_string_member (object, member, iso);
}

/* A code, or null for a value out of range (an event not checked yet). */
static void
set_code (JsonObject *object,
          const char *member,
          guint       value,
          guint       n_values,
          const char *(*to_code) (guint value))
{
  if (value >= n_values)
    json_object_set_null_member (object, member);
  else
    json_object_set_string_member (object, member, to_code (value));
}

/* Adapters from the typed to_code() functions to set_code() and
 * read_code(). */
#define DEFINE_TO_CODE(name, Type, fn)                \
  static const char *                                 \
  name (guint value)                                  \
  {                                                   \
    return fn ((Type) value);                         \
  }

DEFINE_TO_CODE (move_code, LiaisonLoopMove, liaison_loop_move_to_code)
DEFINE_TO_CODE (role_code, LiaisonLoopRole, liaison_loop_role_to_code)
DEFINE_TO_CODE (kind_code, LiaisonLoopKind, liaison_loop_kind_to_code)
DEFINE_TO_CODE (rating_code, LiaisonLoopRating, liaison_loop_rating_to_code)
DEFINE_TO_CODE (asked_code, LiaisonLoopAsked, liaison_loop_asked_to_code)

JsonObject *
liaison_loop_event_to_json (const LiaisonLoopEvent *event)
{
  JsonObject *data;
  g_autofree char *at = NULL;

  g_return_val_if_fail (event != NULL, NULL);

  data = json_object_new ();
  liaison_json_set_string_or_null (data, "suggestion", event->suggestion_uuid);
  set_code (data, "move", event->move, LIAISON_N_LOOP_MOVES, move_code);
  set_code (data, "role", event->role, LIAISON_N_LOOP_ROLES, role_code);
  liaison_json_set_string_or_null (data, "actor_name", event->actor_name);
  if (event->at != NULL)
    at = liaison_loop_format_at (event->at);
  liaison_json_set_string_or_null (data, "at", at);
  liaison_json_set_string_or_null (data, "note", event->note);

  switch (event->move)
    {
    case LIAISON_LOOP_MOVE_REGISTER:
      set_code (data, "kind", event->kind, LIAISON_N_LOOP_KINDS, kind_code);
      set_strv (data, "co_signers", (const char * const *) event->co_signers);
      break;
    case LIAISON_LOOP_MOVE_TAKE_UP:
      liaison_json_set_string_or_null (data, "deputy", event->deputy_uuid);
      break;
    case LIAISON_LOOP_MOVE_ANSWER_ON_SPOT:
      liaison_json_set_string_or_null (data, "deputy", event->deputy_uuid);
      liaison_json_set_string_or_null (data, "answer", event->answer);
      break;
    case LIAISON_LOOP_MOVE_REFER:
      liaison_json_set_string_or_null (data, "lead_unit", event->lead_unit_uuid);
      set_strv (data, "co_units", (const char * const *) event->co_unit_uuids);
      set_date (data, "due_date", &event->due_date);
      break;
    case LIAISON_LOOP_MOVE_REPLY:
      liaison_json_set_string_or_null (data, "reply_text", event->reply_text);
      set_date (data, "reply_date", &event->reply_date);
      liaison_json_set_string_or_null (data, "replying_unit", event->replying_unit_uuid);
      set_strv (data, "attachments", (const char * const *) event->attachments);
      /* Left out when there are none, so that older moves keep their bytes. */
      if (event->attachment_names != NULL)
        set_strv (data, "attachment_names", (const char * const *) event->attachment_names);
      break;
    case LIAISON_LOOP_MOVE_RATE:
      set_code (data, "rating", event->rating, LIAISON_N_LOOP_RATINGS, rating_code);
      set_code (data, "asked", event->asked, LIAISON_N_LOOP_ASKED, asked_code);
      liaison_json_set_string_or_null (data, "rated_by", event->rated_by);
      break;
    case LIAISON_LOOP_MOVE_WITHDRAW:
      liaison_json_set_string_or_null (data, "reason", event->reason);
      break;
    case LIAISON_LOOP_MOVE_SUPERVISE:
      json_object_set_boolean_member (data, "key_supervision", event->key_supervision);
      break;
    case LIAISON_LOOP_MOVE_START:
    case LIAISON_LOOP_MOVE_CLOSE:
    case LIAISON_N_LOOP_MOVES:
    default:
      break;
    }
  return data;
}

/* Decoding: every reader names the field it refuses. */

static gboolean
invalid (GError    **error,
         const char *member,
         const char *why)
{
  g_set_error (error, LIAISON_LOOP_WIRE_ERROR, LIAISON_LOOP_WIRE_ERROR_INVALID,
               "\"%s\" %s", member, why);
  return FALSE;
}

static gboolean
node_is (JsonNode *node,
         GType     type)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

/* A string member; @allow_null lets it be null (NULL in @value), and
 * @non_empty refuses "". */
static gboolean
read_string (JsonObject  *data,
             const char  *member,
             gboolean     allow_null,
             gboolean     non_empty,
             char       **value,
             GError     **error)
{
  JsonNode *node = json_object_get_member (data, member);

  if (node == NULL)
    return invalid (error, member, "is missing");
  if (JSON_NODE_HOLDS_NULL (node))
    {
      if (!allow_null)
        return invalid (error, member, "may not be null");
      *value = NULL;
      return TRUE;
    }
  if (!node_is (node, G_TYPE_STRING))
    return invalid (error, member, allow_null ? "is not a string or null" : "is not a string");
  if (non_empty && *json_node_get_string (node) == '\0')
    return invalid (error, member, "is empty");
  *value = g_strdup (json_node_get_string (node));
  return TRUE;
}

static gboolean
read_uuid (JsonObject  *data,
           const char  *member,
           char       **value,
           GError     **error)
{
  return read_string (data, member, FALSE, TRUE, value, error);
}

/* An array of non-empty strings (SHA-256 hex with @sha256); [] is NULL. */
static gboolean
read_strv (JsonObject  *data,
           const char  *member,
           gboolean     sha256,
           GStrv       *value,
           GError     **error)
{
  JsonNode *node = json_object_get_member (data, member);
  g_autoptr(GStrvBuilder) builder = NULL;
  JsonArray *array;
  guint n;

  if (node == NULL)
    return invalid (error, member, "is missing");
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return invalid (error, member, "is not an array");
  array = json_node_get_array (node);
  n = json_array_get_length (array);
  builder = g_strv_builder_new ();
  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      const char *text = node_is (element, G_TYPE_STRING) ? json_node_get_string (element) : NULL;

      if (text == NULL || *text == '\0')
        return invalid (error, member, "holds something other than a non-empty string");
      if (sha256 && !liaison_loop_is_sha256 (text))
        return invalid (error, member, "holds something other than a SHA-256 in hex (64 characters)");
      g_strv_builder_add (builder, text);
    }
  *value = n > 0 ? g_strv_builder_end (builder) : NULL;
  return TRUE;
}

static gboolean
read_date (JsonObject  *data,
           const char  *member,
           GDate       *date,
           GError     **error)
{
  JsonNode *node = json_object_get_member (data, member);

  if (node == NULL)
    return invalid (error, member, "is missing");
  if (!node_is (node, G_TYPE_STRING) || !liaison_date_parse_iso (json_node_get_string (node), date))
    return invalid (error, member, "is not a date YYYY-MM-DD");
  return TRUE;
}

/* A code exactly as to_code() writes it: from_code() alone would also take
 * other spellings ("Refer", " refer"). */
static gboolean
read_code (JsonObject  *data,
           const char  *member,
           gboolean   (*from_code) (const char *code, guint *value),
           const char *(*to_code) (guint value),
           guint       *value,
           GError     **error)
{
  JsonNode *node = json_object_get_member (data, member);
  const char *text;

  if (node == NULL)
    return invalid (error, member, "is missing");
  if (!node_is (node, G_TYPE_STRING))
    return invalid (error, member, "is not a string");
  text = json_node_get_string (node);
  if (!from_code (text, value) || g_strcmp0 (to_code (*value), text) != 0)
    return invalid (error, member, "is not a known code");
  return TRUE;
}

/* Adapters from the typed from_code() functions to read_code(). */
#define DEFINE_FROM_CODE(name, Type, fn)              \
  static gboolean                                     \
  name (const char *code, guint *value)               \
  {                                                   \
    Type typed;                                       \
    if (!fn (code, &typed))                           \
      return FALSE;                                   \
    *value = (guint) typed;                           \
    return TRUE;                                      \
  }

DEFINE_FROM_CODE (move_from_code, LiaisonLoopMove, liaison_loop_move_from_code)
DEFINE_FROM_CODE (role_from_code, LiaisonLoopRole, liaison_loop_role_from_code)
DEFINE_FROM_CODE (rating_from_code, LiaisonLoopRating, liaison_loop_rating_from_code)
DEFINE_FROM_CODE (asked_from_code, LiaisonLoopAsked, liaison_loop_asked_from_code)

static gboolean
read_payload (JsonObject        *data,
              LiaisonLoopEvent  *event,
              GError           **error)
{
  guint code;

  switch (event->move)
    {
    case LIAISON_LOOP_MOVE_TAKE_UP:
      return read_uuid (data, "deputy", &event->deputy_uuid, error);

    case LIAISON_LOOP_MOVE_ANSWER_ON_SPOT:
      return read_uuid (data, "deputy", &event->deputy_uuid, error) &&
             read_string (data, "answer", FALSE, FALSE, &event->answer, error);

    case LIAISON_LOOP_MOVE_REFER:
      return read_uuid (data, "lead_unit", &event->lead_unit_uuid, error) &&
             read_strv (data, "co_units", FALSE, &event->co_unit_uuids, error) &&
             read_date (data, "due_date", &event->due_date, error);

    case LIAISON_LOOP_MOVE_REPLY:
      return read_string (data, "reply_text", FALSE, FALSE, &event->reply_text, error) &&
             read_date (data, "reply_date", &event->reply_date, error) &&
             read_uuid (data, "replying_unit", &event->replying_unit_uuid, error) &&
             read_strv (data, "attachments", TRUE, &event->attachments, error) &&
             (!json_object_has_member (data, "attachment_names") ||
              read_strv (data, "attachment_names", FALSE, &event->attachment_names, error));

    case LIAISON_LOOP_MOVE_RATE:
      if (!read_code (data, "rating", rating_from_code, rating_code, &code, error))
        return FALSE;
      event->rating = (LiaisonLoopRating) code;
      if (!read_code (data, "asked", asked_from_code, asked_code, &code, error))
        return FALSE;
      event->asked = (LiaisonLoopAsked) code;
      return read_string (data, "rated_by", TRUE, FALSE, &event->rated_by, error);

    case LIAISON_LOOP_MOVE_WITHDRAW:
      return read_string (data, "reason", FALSE, FALSE, &event->reason, error);

    case LIAISON_LOOP_MOVE_SUPERVISE:
      {
        JsonNode *node = json_object_get_member (data, "key_supervision");

        if (node == NULL)
          return invalid (error, "key_supervision", "is missing");
        if (!node_is (node, G_TYPE_BOOLEAN))
          return invalid (error, "key_supervision", "is not true or false");
        event->key_supervision = json_node_get_boolean (node);
      }
      return TRUE;

    case LIAISON_LOOP_MOVE_REGISTER:  /* refused before */
    case LIAISON_LOOP_MOVE_START:
    case LIAISON_LOOP_MOVE_CLOSE:
    case LIAISON_N_LOOP_MOVES:
    default:
      return TRUE;
    }
}

LiaisonLoopEvent *
liaison_loop_event_from_json (const char  *uuid,
                              JsonObject  *data,
                              GError     **error)
{
  g_autoptr(LiaisonLoopEvent) event = NULL;
  g_autofree char *at = NULL;
  guint move, role;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (uuid == NULL || *uuid == '\0')
    {
      invalid (error, "uuid", "is missing");
      return NULL;
    }
  if (!read_code (data, "move", move_from_code, move_code, &move, error))
    return NULL;
  /* The register move is the suggestion record itself, never a row of
   * its own (docs/closed-loop.md): one sent as an event is forged. */
  if (move == LIAISON_LOOP_MOVE_REGISTER)
    {
      invalid (error, "move", "is \"register\", which is the suggestion itself, never an event");
      return NULL;
    }
  if (!read_code (data, "role", role_from_code, role_code, &role, error))
    return NULL;

  event = liaison_loop_event_new ((LiaisonLoopMove) move, (LiaisonLoopRole) role);
  event->uuid = g_strdup (uuid);

  /* Only a blind rating has no actor; check_move() decides when it must. */
  if (!read_uuid (data, "suggestion", &event->suggestion_uuid, error) ||
      !read_string (data, "actor_name", move == LIAISON_LOOP_MOVE_RATE, FALSE,
                    &event->actor_name, error) ||
      !read_string (data, "at", FALSE, FALSE, &at, error) ||
      !read_string (data, "note", TRUE, FALSE, &event->note, error))
    return NULL;
  event->at = liaison_loop_parse_at (at);
  if (event->at == NULL)
    {
      invalid (error, "at", "is not a time YYYY-MM-DDTHH:MM:SSZ");
      return NULL;
    }

  for (guint i = 0; i < G_N_ELEMENTS (move_fields); i++)
    if (move_fields[i].move != move && move_fields[i].also != move &&
        json_object_has_member (data, move_fields[i].name))
      {
        g_set_error (error, LIAISON_LOOP_WIRE_ERROR, LIAISON_LOOP_WIRE_ERROR_INVALID,
                     "\"%s\" does not belong to a \"%s\" event",
                     move_fields[i].name, move_code (move));
        return NULL;
      }

  if (!read_payload (data, event, error))
    return NULL;
  return g_steal_pointer (&event);
}

static const char *const event_members[] = {
  "suggestion", "move", "role", "actor_name", "at", "note", "station",
};

gboolean
liaison_loop_event_has_member (const char *member)
{
  for (guint i = 0; i < G_N_ELEMENTS (event_members); i++)
    if (g_strcmp0 (member, event_members[i]) == 0)
      return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (move_fields); i++)
    if (g_strcmp0 (member, move_fields[i].name) == 0)
      return TRUE;
  return FALSE;
}

/* The rules */

typedef struct {
  const char      *member;
  LiaisonLoopKind  kind;
  gboolean         months;
} LimitField;

static const LimitField limit_fields[] = {
  { "public_opinion_working_days",    LIAISON_LOOP_KIND_PUBLIC_OPINION,    FALSE },
  { "public_opinion_months",          LIAISON_LOOP_KIND_PUBLIC_OPINION,    TRUE },
  { "deputy_suggestion_working_days", LIAISON_LOOP_KIND_DEPUTY_SUGGESTION, FALSE },
  { "deputy_suggestion_months",       LIAISON_LOOP_KIND_DEPUTY_SUGGESTION, TRUE },
};

gboolean
liaison_loop_rules_has_member (const char *member)
{
  if (g_strcmp0 (member, "calendar") == 0 || g_strcmp0 (member, "retention_years") == 0)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (limit_fields); i++)
    if (g_strcmp0 (member, limit_fields[i].member) == 0)
      return TRUE;
  return FALSE;
}

JsonObject *
liaison_loop_rules_to_json (const LiaisonLoopRules *rules)
{
  JsonObject *data;
  g_autofree char *calendar = NULL;

  g_return_val_if_fail (rules != NULL, NULL);

  data = json_object_new ();
  calendar = rules->calendar != NULL ? liaison_calendar_to_text (rules->calendar) : g_strdup ("");
  json_object_set_string_member (data, "calendar", calendar);
  for (guint i = 0; i < G_N_ELEMENTS (limit_fields); i++)
    {
      const LiaisonTimeLimit *limit = &rules->limits[limit_fields[i].kind];

      json_object_set_int_member (data, limit_fields[i].member,
                                  limit_fields[i].months ? limit->months : limit->working_days);
    }
  /* Only when not the default: a desk from before it reads the rest. */
  if (rules->retention_years != LIAISON_RETENTION_DEFAULT_YEARS)
    json_object_set_int_member (data, "retention_years", rules->retention_years);
  return data;
}

LiaisonLoopRules *
liaison_loop_rules_from_json (JsonObject  *data,
                              GError     **error)
{
  g_autoptr(LiaisonLoopRules) rules = NULL;
  g_autoptr(LiaisonCalendar) calendar = NULL;
  g_autoptr(GError) calendar_error = NULL;
  JsonNode *node;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  node = json_object_get_member (data, "calendar");
  if (node == NULL)
    {
      invalid (error, "calendar", "is missing");
      return NULL;
    }
  if (!node_is (node, G_TYPE_STRING))
    {
      invalid (error, "calendar", "is not a string");
      return NULL;
    }
  calendar = liaison_calendar_parse (json_node_get_string (node), &calendar_error);
  if (calendar == NULL)
    {
      /* The calendar's own message is translated; the wire's stays English. */
      invalid (error, "calendar", "is not a valid list of holidays and make-up workdays");
      return NULL;
    }

  rules = liaison_loop_rules_new ();
  g_clear_pointer (&rules->calendar, liaison_calendar_free);
  rules->calendar = g_steal_pointer (&calendar);

  for (guint i = 0; i < G_N_ELEMENTS (limit_fields); i++)
    {
      LiaisonTimeLimit *limit = &rules->limits[limit_fields[i].kind];
      gint64 value;

      node = json_object_get_member (data, limit_fields[i].member);
      if (node == NULL)
        {
          invalid (error, limit_fields[i].member, "is missing");
          return NULL;
        }
      if (!node_is (node, G_TYPE_INT64))
        {
          invalid (error, limit_fields[i].member, "is not a whole number");
          return NULL;
        }
      value = json_node_get_int (node);
      if (value < 0 || value > (limit_fields[i].months ? MAX_LIMIT_MONTHS : MAX_LIMIT_DAYS))
        {
          invalid (error, limit_fields[i].member, "is out of range");
          return NULL;
        }
      if (limit_fields[i].months)
        limit->months = (guint) value;
      else
        limit->working_days = (guint) value;
    }

  /* Optional: the default when missing (liaison-retention.h). */
  node = json_object_get_member (data, "retention_years");
  if (node != NULL)
    {
      if (!node_is (node, G_TYPE_INT64))
        {
          invalid (error, "retention_years", "is not a whole number");
          return NULL;
        }
      if (json_node_get_int (node) < LIAISON_RETENTION_MIN_YEARS ||
          json_node_get_int (node) > LIAISON_RETENTION_MAX_YEARS)
        {
          invalid (error, "retention_years", "is out of range");
          return NULL;
        }
      rules->retention_years = (guint) json_node_get_int (node);
    }

  /* A limit is working days or months (LiaisonTimeLimit): exactly one. */
  for (guint k = 0; k < LIAISON_N_LOOP_KINDS; k++)
    if ((rules->limits[k].working_days == 0) == (rules->limits[k].months == 0))
      {
        g_autofree char *member = g_strconcat (liaison_loop_kind_to_code ((LiaisonLoopKind) k),
                                               "_working_days", NULL);

        invalid (error, member, rules->limits[k].months == 0
                                ? "and the months are both 0: a time limit is needed"
                                : "and the months are both set: a time limit is one or the other");
        return NULL;
      }
  return g_steal_pointer (&rules);
}
