/* test-loop-wire.c: loop events and rules as JSON: every move survives the
 * round trip, and a malformed object is refused naming the field. */
#define G_LOG_DOMAIN "test-loop-wire"

#include "config.h"

#include <string.h>

#include "liaison-loop-wire.h"

static const char sha_a[] = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
static const char sha_b[] = "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752";

static void
set_date (GDate *date,
          int    year,
          int    month,
          int    day)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

/* An event for @move with every field of the move filled in. */
static LiaisonLoopEvent *
full_event (LiaisonLoopMove move,
            LiaisonLoopRole role)
{
  LiaisonLoopEvent *event = liaison_loop_event_new (move, role);

  event->uuid = g_strdup ("0a4c8f6e-3b1d-4c2a-9e7f-000000000001");
  event->suggestion_uuid = g_strdup ("5d1f7a2c-8e3b-4f6a-b1c9-000000000002");
  event->actor_name = g_strdup ("王芳");
  event->at = g_date_time_new_utc (2025, 9, 26, 2, 30, 15);
  event->note = g_strdup ("一个“备注”, with \"quotes\"\nand a line");

  switch (move)
    {
    case LIAISON_LOOP_MOVE_REGISTER:
      event->kind = LIAISON_LOOP_KIND_DEPUTY_SUGGESTION;
      event->co_signers = g_strsplit ("dep-1,dep-2", ",", -1);
      break;
    case LIAISON_LOOP_MOVE_TAKE_UP:
      event->deputy_uuid = g_strdup ("dep-1");
      break;
    case LIAISON_LOOP_MOVE_ANSWER_ON_SPOT:
      event->deputy_uuid = g_strdup ("dep-2");
      event->answer = g_strdup ("已当场解释相关政策");
      break;
    case LIAISON_LOOP_MOVE_REFER:
      event->lead_unit_uuid = g_strdup ("unit-1");
      event->co_unit_uuids = g_strsplit ("unit-2,unit-3", ",", -1);
      set_date (&event->due_date, 2025, 10, 23);
      break;
    case LIAISON_LOOP_MOVE_REPLY:
      event->reply_text = g_strdup ("已修复路灯");
      set_date (&event->reply_date, 2025, 10, 9);
      event->replying_unit_uuid = g_strdup ("unit-1");
      event->attachments = g_new0 (char *, 3);
      event->attachments[0] = g_strdup (sha_a);
      event->attachments[1] = g_strdup (sha_b);
      event->attachment_names = g_strsplit ("答复函.pdf|现场照片.jpg", "|", -1);
      break;
    case LIAISON_LOOP_MOVE_RATE:
      event->rating = LIAISON_LOOP_RATING_BASICALLY_SATISFIED;
      event->asked = LIAISON_LOOP_ASKED_PHONE;
      event->rated_by = g_strdup ("李明");
      break;
    case LIAISON_LOOP_MOVE_WITHDRAW:
      event->reason = g_strdup ("群众撤回");
      break;
    case LIAISON_LOOP_MOVE_SUPERVISE:
      event->key_supervision = TRUE;
      break;
    case LIAISON_LOOP_MOVE_START:
    case LIAISON_LOOP_MOVE_CLOSE:
    case LIAISON_N_LOOP_MOVES:
    default:
      break;
    }
  return event;
}

static char *
object_to_text (JsonObject *object)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  json_node_set_object (node, object);
  return json_to_string (node, FALSE);
}

static JsonObject *
text_to_object (const char *text)
{
  g_autoptr(JsonNode) node = json_from_string (text, NULL);

  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  return json_object_ref (json_node_get_object (node));
}

/* to_json, through text (as on the wire and in the store), and back. */
static LiaisonLoopEvent *
round_trip (const LiaisonLoopEvent *event)
{
  g_autoptr(JsonObject) data = liaison_loop_event_to_json (event);
  g_autofree char *text = object_to_text (data);
  g_autoptr(JsonObject) parsed = text_to_object (text);
  g_autoptr(GError) error = NULL;
  LiaisonLoopEvent *back;

  g_assert_false (json_object_has_member (data, "uuid"));
  back = liaison_loop_event_from_json (event->uuid, parsed, &error);
  g_assert_no_error (error);
  g_assert_nonnull (back);
  return back;
}

static guint
n_members (JsonObject *object)
{
  g_autoptr(GList) members = json_object_get_members (object);

  return g_list_length (members);
}

static void
test_round_trip (void)
{
  /* The move's own fields, beyond the 6 every event has. */
  static const guint own_fields[LIAISON_N_LOOP_MOVES] = { 2, 1, 2, 3, 0, 5, 3, 0, 1, 1 };

  /* register is no event: /loop-wire/register-refused. */
  for (guint m = LIAISON_LOOP_MOVE_REGISTER + 1; m < LIAISON_N_LOOP_MOVES; m++)
    {
      g_autoptr(LiaisonLoopEvent) event = full_event (m, LIAISON_LOOP_ROLE_HQ);
      g_autoptr(LiaisonLoopEvent) back = round_trip (event);
      g_autoptr(JsonObject) data = liaison_loop_event_to_json (event);

      g_test_message ("move %s", liaison_loop_move_to_code (m));
      g_assert_true (liaison_loop_event_equal (event, back));
      g_assert_cmpstr (json_object_get_string_member (data, "move"), ==, liaison_loop_move_to_code (m));
      g_assert_cmpstr (json_object_get_string_member (data, "role"), ==, "hq");
      g_assert_cmpstr (json_object_get_string_member (data, "at"), ==, "2025-09-26T02:30:15Z");
      g_assert_cmpuint (n_members (data), ==, 6 + own_fields[m]);
    }
}

/* The other shapes a move can take: nulls, empty lists, the other codes. */
static void
test_round_trip_variants (void)
{
  g_autoptr(LiaisonLoopEvent) blind = full_event (LIAISON_LOOP_MOVE_RATE, LIAISON_LOOP_ROLE_DEPUTY);
  g_autoptr(LiaisonLoopEvent) refer = full_event (LIAISON_LOOP_MOVE_REFER, LIAISON_LOOP_ROLE_HQ);
  g_autoptr(LiaisonLoopEvent) reply = full_event (LIAISON_LOOP_MOVE_REPLY, LIAISON_LOOP_ROLE_HQ);
  g_autoptr(LiaisonLoopEvent) off = full_event (LIAISON_LOOP_MOVE_SUPERVISE, LIAISON_LOOP_ROLE_HQ);
  LiaisonLoopEvent *events[] = { blind, refer, reply, off };

  g_clear_pointer (&blind->actor_name, g_free);
  g_clear_pointer (&blind->rated_by, g_free);
  g_clear_pointer (&blind->note, g_free);
  blind->rating = LIAISON_LOOP_RATING_UNSATISFIED;
  blind->asked = LIAISON_LOOP_ASKED_IN_PERSON;
  g_clear_pointer (&refer->co_unit_uuids, g_strfreev);
  g_clear_pointer (&reply->attachments, g_strfreev);
  g_clear_pointer (&reply->attachment_names, g_strfreev);
  off->key_supervision = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (events); i++)
    {
      g_autoptr(LiaisonLoopEvent) back = round_trip (events[i]);

      g_assert_true (liaison_loop_event_equal (events[i], back));
    }

  /* Each variant is written as the header says. */
  {
    g_autoptr(JsonObject) data = liaison_loop_event_to_json (blind);

    g_assert_true (json_object_get_null_member (data, "actor_name"));
    g_assert_true (json_object_get_null_member (data, "rated_by"));
    g_assert_true (json_object_get_null_member (data, "note"));
    g_assert_cmpstr (json_object_get_string_member (data, "rating"), ==, "unsatisfied");
    g_assert_cmpstr (json_object_get_string_member (data, "asked"), ==, "in_person");
  }
  {
    g_autoptr(JsonObject) data = liaison_loop_event_to_json (refer);

    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (data, "co_units")), ==, 0);
    g_assert_cmpstr (json_object_get_string_member (data, "due_date"), ==, "2025-10-23");
  }
  {
    /* A reply with no files has no names member, as before there were names. */
    g_autoptr(JsonObject) data = liaison_loop_event_to_json (reply);

    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (data, "attachments")), ==, 0);
    g_assert_false (json_object_has_member (data, "attachment_names"));
  }
  {
    g_autoptr(JsonObject) data = liaison_loop_event_to_json (off);

    g_assert_true (json_object_has_member (data, "key_supervision"));
    g_assert_false (json_object_get_boolean_member (data, "key_supervision"));
  }
}

/* A local time is written in UTC, to the second. */
static void
test_at (void)
{
  g_autoptr(GTimeZone) cst = g_time_zone_new_identifier ("+08:00");
  g_autoptr(GDateTime) local = g_date_time_new (cst, 2025, 1, 1, 7, 5, 9);
  g_autoptr(GDateTime) leap = NULL;
  g_autoptr(GDateTime) parsed = NULL;
  g_autofree char *text = liaison_loop_format_at (local);
  static const char *const bad[] = {
    "", "2024-12-31", "2024-12-31T23:05:09", "2024-12-31 23:05:09Z", "2024-12-31T23:05:09+08:00",
    "2024-12-31T23:05:09.5Z", "2024-12-31t23:05:09z", "2025-02-29T10:00:00Z", "2025-13-01T10:00:00Z",
    "2025-01-01T24:00:00Z", "2025-01-01T10:60:00Z", "2025-01-01T10:00:60Z", "2025-1-01T10:00:00ZZ",
    "0000-01-01T00:00:00Z", "2025-01-01T10:00:0aZ", " 2025-01-01T10:00:00Z",
  };

  g_assert_cmpstr (text, ==, "2024-12-31T23:05:09Z");
  parsed = liaison_loop_parse_at (text);
  g_assert_nonnull (parsed);
  g_assert_true (g_date_time_equal (parsed, local));
  g_assert_cmpint (g_date_time_get_utc_offset (parsed), ==, 0);

  /* A year before 1000 is written with four digits, so that it reads
   * back: a pulled event dated so was stored and then never read. */
  {
    g_autoptr(GDateTime) early = g_date_time_new_utc (589, 3, 3, 15, 58, 0);
    g_autofree char *early_text = liaison_loop_format_at (early);
    g_autoptr(GDateTime) early_parsed = liaison_loop_parse_at (early_text);

    g_assert_cmpstr (early_text, ==, "0589-03-03T15:58:00Z");
    g_assert_nonnull (early_parsed);
    g_assert_true (g_date_time_equal (early_parsed, early));
  }

  leap = liaison_loop_parse_at ("2024-02-29T00:00:00Z");
  g_assert_nonnull (leap);
  g_assert_cmpint (g_date_time_get_day_of_month (leap), ==, 29);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GDateTime) none = liaison_loop_parse_at (bad[i]);

      g_test_message ("at %s", bad[i]);
      g_assert_null (none);
    }
  g_assert_null (liaison_loop_parse_at (NULL));
}

/* @json, where the event "0" of the test is, refused naming @field. */
typedef struct {
  const char *json;
  const char *field;
} Refusal;

#define BASE(move, role) "\"suggestion\": \"s-1\", \"move\": \"" move "\", \"role\": \"" role "\"," \
  " \"actor_name\": \"王芳\", \"at\": \"2025-09-26T02:30:15Z\", \"note\": null"

static void
test_refuses (void)
{
  static const Refusal refusals[] = {
    /* the fields every event has */
    { "{\"suggestion\": \"s-1\", \"move\": 3, \"role\": \"hq\", \"actor_name\": \"a\", \"at\": \"2025-09-26T02:30:15Z\", \"note\": null}", "move" },
    { "{\"suggestion\": \"s-1\", \"role\": \"hq\", \"actor_name\": \"a\", \"at\": \"2025-09-26T02:30:15Z\", \"note\": null}", "move" },
    { "{" BASE ("recommend", "hq") "}", "move" },
    { "{" BASE ("Close", "hq") "}", "move" },
    { "{" BASE (" close", "hq") "}", "move" },
    { "{" BASE ("close", "clerk") "}", "role" },
    { "{" BASE ("close", "HQ") "}", "role" },
    { "{\"suggestion\": \"s-1\", \"move\": \"close\", \"actor_name\": \"a\", \"at\": \"2025-09-26T02:30:15Z\", \"note\": null}", "role" },
    { "{\"move\": \"close\", \"role\": \"hq\", \"actor_name\": \"a\", \"at\": \"2025-09-26T02:30:15Z\", \"note\": null}", "suggestion" },
    { "{\"suggestion\": \"\", \"move\": \"close\", \"role\": \"hq\", \"actor_name\": \"a\", \"at\": \"2025-09-26T02:30:15Z\", \"note\": null}", "suggestion" },
    { "{\"suggestion\": 7, \"move\": \"close\", \"role\": \"hq\", \"actor_name\": \"a\", \"at\": \"2025-09-26T02:30:15Z\", \"note\": null}", "suggestion" },
    { "{\"suggestion\": \"s\", \"move\": \"close\", \"role\": \"hq\", \"actor_name\": null, \"at\": \"2025-09-26T02:30:15Z\", \"note\": null}", "actor_name" },
    { "{\"suggestion\": \"s\", \"move\": \"close\", \"role\": \"hq\", \"at\": \"2025-09-26T02:30:15Z\", \"note\": null}", "actor_name" },
    { "{\"suggestion\": \"s\", \"move\": \"close\", \"role\": \"hq\", \"actor_name\": [\"a\"], \"at\": \"2025-09-26T02:30:15Z\", \"note\": null}", "actor_name" },
    { "{\"suggestion\": \"s\", \"move\": \"close\", \"role\": \"hq\", \"actor_name\": \"a\", \"note\": null}", "at" },
    { "{\"suggestion\": \"s\", \"move\": \"close\", \"role\": \"hq\", \"actor_name\": \"a\", \"at\": null, \"note\": null}", "at" },
    { "{\"suggestion\": \"s\", \"move\": \"close\", \"role\": \"hq\", \"actor_name\": \"a\", \"at\": \"2025-09-26\", \"note\": null}", "at" },
    { "{\"suggestion\": \"s\", \"move\": \"close\", \"role\": \"hq\", \"actor_name\": \"a\", \"at\": \"2025-02-30T02:30:15Z\", \"note\": null}", "at" },
    { "{\"suggestion\": \"s\", \"move\": \"close\", \"role\": \"hq\", \"actor_name\": \"a\", \"at\": \"2025-09-26T10:30:15+08:00\", \"note\": null}", "at" },
    { "{\"suggestion\": \"s\", \"move\": \"close\", \"role\": \"hq\", \"actor_name\": \"a\", \"at\": 1758853815, \"note\": null}", "at" },
    { "{\"suggestion\": \"s\", \"move\": \"close\", \"role\": \"hq\", \"actor_name\": \"a\", \"at\": \"2025-09-26T02:30:15Z\"}", "note" },
    { "{\"suggestion\": \"s\", \"move\": \"close\", \"role\": \"hq\", \"actor_name\": \"a\", \"at\": \"2025-09-26T02:30:15Z\", \"note\": false}", "note" },
    /* a field of another move */
    { "{" BASE ("close", "hq") ", \"reason\": \"x\"}", "reason" },
    { "{" BASE ("start", "hq") ", \"key_supervision\": false}", "key_supervision" },
    { "{" BASE ("take_up", "deputy") ", \"deputy\": \"d\", \"answer\": \"x\"}", "answer" },
    { "{" BASE ("withdraw", "station") ", \"reason\": \"r\", \"rated_by\": null}", "rated_by" },
    { "{" BASE ("refer", "hq") ", \"lead_unit\": \"u\", \"co_units\": [], \"due_date\": \"2025-10-23\", \"replying_unit\": \"u\"}", "replying_unit" },
    { "{" BASE ("rate", "station") ", \"rating\": \"satisfied\", \"asked\": \"phone\", \"rated_by\": \"b\", \"kind\": \"public_opinion\"}", "kind" },
    /* register is the suggestion itself, never an event, however well formed */
    { "{" BASE ("register", "station") ", \"kind\": \"public_opinion\", \"co_signers\": []}", "move" },
    { "{" BASE ("register", "deputy") ", \"kind\": \"deputy_suggestion\", \"co_signers\": [\"d-1\"]}", "move" },
    { "{" BASE ("register", "hq") "}", "move" },
    { "{" BASE ("take_up", "deputy") ", \"deputy\": \"d\", \"co_signers\": []}", "co_signers" },
    /* take_up, answer_on_spot */
    { "{" BASE ("take_up", "deputy") "}", "deputy" },
    { "{" BASE ("take_up", "deputy") ", \"deputy\": \"\"}", "deputy" },
    { "{" BASE ("take_up", "deputy") ", \"deputy\": null}", "deputy" },
    { "{" BASE ("answer_on_spot", "deputy") ", \"deputy\": \"d\"}", "answer" },
    { "{" BASE ("answer_on_spot", "deputy") ", \"deputy\": \"d\", \"answer\": 1}", "answer" },
    /* refer */
    { "{" BASE ("refer", "hq") ", \"co_units\": [], \"due_date\": \"2025-10-23\"}", "lead_unit" },
    { "{" BASE ("refer", "hq") ", \"lead_unit\": \"u\", \"due_date\": \"2025-10-23\"}", "co_units" },
    { "{" BASE ("refer", "hq") ", \"lead_unit\": \"u\", \"co_units\": [null], \"due_date\": \"2025-10-23\"}", "co_units" },
    { "{" BASE ("refer", "hq") ", \"lead_unit\": \"u\", \"co_units\": []}", "due_date" },
    { "{" BASE ("refer", "hq") ", \"lead_unit\": \"u\", \"co_units\": [], \"due_date\": \"2025-10-32\"}", "due_date" },
    { "{" BASE ("refer", "hq") ", \"lead_unit\": \"u\", \"co_units\": [], \"due_date\": \"2025/10/23\"}", "due_date" },
    { "{" BASE ("refer", "hq") ", \"lead_unit\": \"u\", \"co_units\": [], \"due_date\": \"2025-10-23T00:00:00Z\"}", "due_date" },
    { "{" BASE ("refer", "hq") ", \"lead_unit\": \"u\", \"co_units\": [], \"due_date\": null}", "due_date" },
    /* reply */
    { "{" BASE ("reply", "hq") ", \"reply_date\": \"2025-10-09\", \"replying_unit\": \"u\", \"attachments\": []}", "reply_text" },
    { "{" BASE ("reply", "hq") ", \"reply_text\": \"t\", \"reply_date\": \"2025-9-9\", \"replying_unit\": \"u\", \"attachments\": []}", "reply_date" },
    { "{" BASE ("reply", "hq") ", \"reply_text\": \"t\", \"reply_date\": \"2025-10-09\", \"attachments\": []}", "replying_unit" },
    { "{" BASE ("reply", "hq") ", \"reply_text\": \"t\", \"reply_date\": \"2025-10-09\", \"replying_unit\": \"u\"}", "attachments" },
    { "{" BASE ("reply", "hq") ", \"reply_text\": \"t\", \"reply_date\": \"2025-10-09\", \"replying_unit\": \"u\", \"attachments\": [\"photo.jpg\"]}", "attachments" },
    { "{" BASE ("reply", "hq") ", \"reply_text\": \"t\", \"reply_date\": \"2025-10-09\", \"replying_unit\": \"u\","
      " \"attachments\": [\"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a0\"]}", "attachments" },
    { "{" BASE ("reply", "hq") ", \"reply_text\": \"t\", \"reply_date\": \"2025-10-09\", \"replying_unit\": \"u\","
      " \"attachments\": [\"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a0g\"]}", "attachments" },
    { "{" BASE ("reply", "hq") ", \"reply_text\": \"t\", \"reply_date\": \"2025-10-09\", \"replying_unit\": \"u\","
      " \"attachments\": [\"9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08\"]}", "attachments" },
    { "{" BASE ("reply", "hq") ", \"reply_text\": \"t\", \"reply_date\": \"2025-10-09\", \"replying_unit\": \"u\","
      " \"attachments\": [], \"attachment_names\": [\"\"]}", "attachment_names" },
    { "{" BASE ("reply", "hq") ", \"reply_text\": \"t\", \"reply_date\": \"2025-10-09\", \"replying_unit\": \"u\","
      " \"attachments\": [], \"attachment_names\": \"答复函.pdf\"}", "attachment_names" },
    /* rate */
    { "{" BASE ("rate", "station") ", \"asked\": \"phone\", \"rated_by\": \"b\"}", "rating" },
    { "{" BASE ("rate", "station") ", \"rating\": \"happy\", \"asked\": \"phone\", \"rated_by\": \"b\"}", "rating" },
    { "{" BASE ("rate", "station") ", \"rating\": \"satisfied\", \"asked\": \"letter\", \"rated_by\": \"b\"}", "asked" },
    { "{" BASE ("rate", "station") ", \"rating\": \"satisfied\", \"asked\": \"phone\"}", "rated_by" },
    { "{" BASE ("rate", "station") ", \"rating\": \"satisfied\", \"asked\": \"phone\", \"rated_by\": 4}", "rated_by" },
    /* withdraw, supervise */
    { "{" BASE ("withdraw", "station") "}", "reason" },
    { "{" BASE ("withdraw", "station") ", \"reason\": null}", "reason" },
    { "{" BASE ("supervise", "hq") "}", "key_supervision" },
    { "{" BASE ("supervise", "hq") ", \"key_supervision\": 1}", "key_supervision" },
    { "{" BASE ("supervise", "hq") ", \"key_supervision\": \"true\"}", "key_supervision" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (refusals); i++)
    {
      g_autoptr(JsonObject) data = text_to_object (refusals[i].json);
      g_autoptr(GError) error = NULL;
      g_autoptr(LiaisonLoopEvent) event = NULL;
      g_autofree char *quoted = g_strdup_printf ("\"%s\"", refusals[i].field);

      g_test_message ("refusal %u: %s", i, refusals[i].json);
      event = liaison_loop_event_from_json ("e-1", data, &error);
      g_assert_null (event);
      g_assert_error (error, LIAISON_LOOP_WIRE_ERROR, LIAISON_LOOP_WIRE_ERROR_INVALID);
      g_test_message ("  %s", error->message);
      g_assert_nonnull (strstr (error->message, quoted));
    }
}

/* The same objects with the fault mended are accepted: the refusals above
 * are for the fault, not for something else in the object. */
static void
test_accepts (void)
{
  static const char *const accepted[] = {
    "{" BASE ("close", "hq") "}",
    "{" BASE ("close", "hq") ", \"station\": \"st-1\"}",
    "{" BASE ("close", "hq") ", \"something_new\": [1, 2]}",
    "{\"suggestion\": \"s\", \"move\": \"start\", \"role\": \"hq\", \"actor_name\": \"a\","
    " \"at\": \"2025-09-26T02:30:15Z\", \"note\": \"开始办理\"}",
    "{" BASE ("take_up", "deputy") ", \"deputy\": \"d\"}",
    "{" BASE ("answer_on_spot", "deputy") ", \"deputy\": \"d\", \"answer\": \"a\"}",
    "{" BASE ("refer", "hq") ", \"lead_unit\": \"u\", \"co_units\": [\"v\"], \"due_date\": \"2025-10-23\"}",
    "{" BASE ("reply", "hq") ", \"reply_text\": \"t\", \"reply_date\": \"2025-10-09\", \"replying_unit\": \"u\","
    " \"attachments\": [\"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\"]}",
    "{\"suggestion\": \"s\", \"move\": \"rate\", \"role\": \"deputy\", \"actor_name\": null,"
    " \"at\": \"2025-09-26T02:30:15Z\", \"note\": null, \"rating\": \"satisfied\", \"asked\": \"phone\", \"rated_by\": null}",
    /* The citizen's own rating, as the public site writes it (docs/online.md). */
    "{\"suggestion\": \"s\", \"move\": \"rate\", \"role\": \"citizen\", \"actor_name\": null,"
    " \"at\": \"2025-09-26T02:30:15Z\", \"note\": \"<b>还是没修</b>\", \"rating\": \"unsatisfied\","
    " \"asked\": \"online\", \"rated_by\": null, \"station\": \"st-1\"}",
    "{" BASE ("withdraw", "station") ", \"reason\": \"r\"}",
    "{" BASE ("supervise", "hq") ", \"key_supervision\": true}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (accepted); i++)
    {
      g_autoptr(JsonObject) data = text_to_object (accepted[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(LiaisonLoopEvent) event = NULL;

      g_test_message ("accepted %u: %s", i, accepted[i]);
      event = liaison_loop_event_from_json ("e-1", data, &error);
      g_assert_no_error (error);
      g_assert_nonnull (event);
      g_assert_cmpstr (event->uuid, ==, "e-1");
      g_assert_cmpstr (event->suggestion_uuid, ==, json_object_get_string_member (data, "suggestion"));
    }

  /* No uuid, no event. */
  {
    g_autoptr(JsonObject) data = text_to_object (accepted[0]);
    g_autoptr(GError) error = NULL;
    g_autoptr(LiaisonLoopEvent) event = liaison_loop_event_from_json ("", data, &error);

    g_assert_null (event);
    g_assert_error (error, LIAISON_LOOP_WIRE_ERROR, LIAISON_LOOP_WIRE_ERROR_INVALID);
  }
}

/* The register move is the suggestion record: to_json still writes one
 * (with its kind and co-signers), but no end takes it back as an event,
 * so that a forged registration cannot enter a timeline by sync. */
static void
test_register_refused (void)
{
  for (guint k = 0; k < LIAISON_N_LOOP_KINDS; k++)
    {
      g_autoptr(LiaisonLoopEvent) event = full_event (LIAISON_LOOP_MOVE_REGISTER, LIAISON_LOOP_ROLE_STATION);
      g_autoptr(JsonObject) data = NULL;
      g_autofree char *text = NULL;
      g_autoptr(JsonObject) parsed = NULL;
      g_autoptr(LiaisonLoopEvent) back = NULL;
      g_autoptr(GError) error = NULL;

      event->kind = k;
      data = liaison_loop_event_to_json (event);
      g_assert_cmpstr (json_object_get_string_member (data, "move"), ==, "register");
      g_assert_cmpstr (json_object_get_string_member (data, "kind"), ==, liaison_loop_kind_to_code (k));
      text = object_to_text (data);
      parsed = text_to_object (text);
      back = liaison_loop_event_from_json (event->uuid, parsed, &error);
      g_assert_null (back);
      g_assert_error (error, LIAISON_LOOP_WIRE_ERROR, LIAISON_LOOP_WIRE_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "\"move\""));
      g_assert_nonnull (strstr (error->message, "register"));

      /* The same object as another move is taken: the refusal is for the move. */
      json_object_set_string_member (parsed, "move", "close");
      json_object_remove_member (parsed, "kind");
      json_object_remove_member (parsed, "co_signers");
      g_clear_error (&error);
      back = liaison_loop_event_from_json (event->uuid, parsed, &error);
      g_assert_no_error (error);
      g_assert_nonnull (back);
    }
}

static gboolean
rules_equal (const LiaisonLoopRules *a,
             const LiaisonLoopRules *b)
{
  g_autofree char *text_a = liaison_calendar_to_text (a->calendar);
  g_autofree char *text_b = liaison_calendar_to_text (b->calendar);

  if (g_strcmp0 (text_a, text_b) != 0)
    return FALSE;
  for (guint k = 0; k < LIAISON_N_LOOP_KINDS; k++)
    if (a->limits[k].working_days != b->limits[k].working_days ||
        a->limits[k].months != b->limits[k].months)
      return FALSE;
  return TRUE;
}

static void
test_rules (void)
{
  g_autoptr(LiaisonLoopRules) defaults = liaison_loop_rules_new ();
  g_autoptr(LiaisonLoopRules) rules = liaison_loop_rules_new ();
  g_autoptr(GError) error = NULL;
  const char *calendar = "2025-09-28,workday\n2025-10-01,holiday,National Day\n2025-10-02,holiday\n";

  /* The defaults travel too. */
  {
    g_autoptr(JsonObject) data = liaison_loop_rules_to_json (defaults);
    g_autoptr(LiaisonLoopRules) back = liaison_loop_rules_from_json (data, &error);

    g_assert_no_error (error);
    g_assert_true (rules_equal (defaults, back));
    g_assert_cmpint (json_object_get_int_member (data, "public_opinion_working_days"), ==, 15);
    g_assert_cmpint (json_object_get_int_member (data, "deputy_suggestion_months"), ==, 3);
  }

  g_clear_pointer (&rules->calendar, liaison_calendar_free);
  rules->calendar = liaison_calendar_parse (calendar, &error);
  g_assert_no_error (error);
  rules->limits[LIAISON_LOOP_KIND_PUBLIC_OPINION] = (LiaisonTimeLimit) { .working_days = 10 };
  rules->limits[LIAISON_LOOP_KIND_DEPUTY_SUGGESTION] = (LiaisonTimeLimit) { .months = 2 };
  {
    g_autoptr(JsonObject) data = liaison_loop_rules_to_json (rules);
    g_autofree char *text = object_to_text (data);
    g_autoptr(JsonObject) parsed = text_to_object (text);
    g_autoptr(LiaisonLoopRules) back = liaison_loop_rules_from_json (parsed, &error);

    g_assert_no_error (error);
    g_assert_true (rules_equal (rules, back));
    g_assert_false (rules_equal (defaults, back));
    g_assert_cmpuint (back->calendar->holidays->len, ==, 2);
    g_assert_cmpuint (back->calendar->workdays->len, ==, 1);
    g_assert_cmpint (json_object_get_int_member (data, "public_opinion_months"), ==, 0);
  }

  /* Each fault is refused naming its field. */
  {
    static const Refusal refusals[] = {
      { "{\"public_opinion_working_days\": 15, \"public_opinion_months\": 0,"
        " \"deputy_suggestion_working_days\": 0, \"deputy_suggestion_months\": 3}", "calendar" },
      { "{\"calendar\": \"2025-10-09,workday\", \"public_opinion_working_days\": 15, \"public_opinion_months\": 0,"
        " \"deputy_suggestion_working_days\": 0, \"deputy_suggestion_months\": 3}", "calendar" },
      { "{\"calendar\": 5, \"public_opinion_working_days\": 15, \"public_opinion_months\": 0,"
        " \"deputy_suggestion_working_days\": 0, \"deputy_suggestion_months\": 3}", "calendar" },
      { "{\"calendar\": \"\", \"public_opinion_months\": 0,"
        " \"deputy_suggestion_working_days\": 0, \"deputy_suggestion_months\": 3}", "public_opinion_working_days" },
      { "{\"calendar\": \"\", \"public_opinion_working_days\": \"15\", \"public_opinion_months\": 0,"
        " \"deputy_suggestion_working_days\": 0, \"deputy_suggestion_months\": 3}", "public_opinion_working_days" },
      { "{\"calendar\": \"\", \"public_opinion_working_days\": 15, \"public_opinion_months\": -1,"
        " \"deputy_suggestion_working_days\": 0, \"deputy_suggestion_months\": 3}", "public_opinion_months" },
      { "{\"calendar\": \"\", \"public_opinion_working_days\": 15, \"public_opinion_months\": 0,"
        " \"deputy_suggestion_working_days\": 1.5, \"deputy_suggestion_months\": 3}", "deputy_suggestion_working_days" },
      { "{\"calendar\": \"\", \"public_opinion_working_days\": 15, \"public_opinion_months\": 0,"
        " \"deputy_suggestion_working_days\": 0, \"deputy_suggestion_months\": 100000}", "deputy_suggestion_months" },
      { "{\"calendar\": \"\", \"public_opinion_working_days\": 15, \"public_opinion_months\": 0,"
        " \"deputy_suggestion_working_days\": 0, \"deputy_suggestion_months\": 0}", "deputy_suggestion_working_days" },
      { "{\"calendar\": \"\", \"public_opinion_working_days\": 15, \"public_opinion_months\": 1,"
        " \"deputy_suggestion_working_days\": 0, \"deputy_suggestion_months\": 3}", "public_opinion_working_days" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (refusals); i++)
      {
        g_autoptr(JsonObject) data = text_to_object (refusals[i].json);
        g_autoptr(GError) local_error = NULL;
        g_autoptr(LiaisonLoopRules) back = NULL;
        g_autofree char *quoted = g_strdup_printf ("\"%s\"", refusals[i].field);

        g_test_message ("rules refusal %u: %s", i, refusals[i].json);
        back = liaison_loop_rules_from_json (data, &local_error);
        g_assert_null (back);
        g_assert_error (local_error, LIAISON_LOOP_WIRE_ERROR, LIAISON_LOOP_WIRE_ERROR_INVALID);
        g_assert_nonnull (strstr (local_error->message, quoted));
      }
  }
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/loop-wire/round-trip", test_round_trip);
  g_test_add_func ("/loop-wire/round-trip-variants", test_round_trip_variants);
  g_test_add_func ("/loop-wire/at", test_at);
  g_test_add_func ("/loop-wire/refuses", test_refuses);
  g_test_add_func ("/loop-wire/accepts", test_accepts);
  g_test_add_func ("/loop-wire/register-refused", test_register_refused);
  g_test_add_func ("/loop-wire/rules", test_rules);

  return g_test_run ();
}
