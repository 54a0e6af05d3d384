/* liaison-wire-kinds.c: what each record kind's data holds on the wire,
 * as tables the one check reads (liaison-wire-schema.c). */
#define G_LOG_DOMAIN "liaison-wire-schema"

#include "config.h"

#include "liaison-loop-wire.h"
#include "liaison-online-wire.h"
#include "liaison-validate.h"
#include "liaison-wire-schema.h"
#include "liaison-wire-schema-private.h"

static const FieldSpec station_fields[] = {
  { "name", FIELD_TEXT, TRUE },
  { "kind", FIELD_STATION_KIND, TRUE },
  { "district", FIELD_TEXT_OR_NULL, FALSE },
  /* Where it is (地址); sent only when there is one, so that a station
   * without one is the same record an older sender sent. */
  { "address", FIELD_TEXT_OR_NULL, FALSE, LIAISON_MAX_ADDRESS_CHARS },
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
  { "position", FIELD_POSITION, FALSE },
  { NULL }
};

static const FieldSpec unit_fields[] = {
  { "name", FIELD_TEXT, TRUE },
  { "kind", FIELD_UNIT_KIND, TRUE },
  { NULL }
};

static const FieldSpec reception_fields[] = {
  { "received_at", FIELD_LOCAL_DATETIME, TRUE },
  { "station", FIELD_UUID, TRUE },
  { "channel", FIELD_CHANNEL, TRUE },
  { "category", FIELD_UUID, TRUE },
  { "summary", FIELD_TEXT_OR_NULL, TRUE },
  { "handled_on_spot", FIELD_BOOL, TRUE },
  { "handling", FIELD_TEXT_OR_NULL, FALSE },
  /* The mobile desk's place and occasion (docs/online.md): sent when set,
   * missing from older senders, which is none. */
  { "place", FIELD_TEXT_OR_NULL, FALSE, LIAISON_MAX_PLACE_CHARS },
  { "occasion", FIELD_TEXT_OR_NULL, FALSE, LIAISON_MAX_OCCASION_CHARS },
  { "deputies", FIELD_UUID_ARRAY, TRUE },
  { "visitors", FIELD_VISITORS, TRUE },
  /* Files kept with it (docs/sync-protocol.md): absent means none. */
  { "files", FIELD_FILES, FALSE },
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
  { "created_at", FIELD_WIRE_TIME, TRUE },
  { "kind", FIELD_LOOP_KIND, FALSE },
  { "deputy", FIELD_UUID_OR_NULL, FALSE },
  { "co_signers", FIELD_UUID_ARRAY, FALSE },
  /* A deputy_suggestion that is a motion (议案); missing (older
   * senders) is false, a suggestion (建议). */
  { "motion", FIELD_BOOL, FALSE },
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

/* A deputy's activity (app/duty/liaison-activity.h); the end date's order
 * and the correction's parts are checked by check_activity (). */
static const FieldSpec activity_fields[] = {
  { "kind", FIELD_ACTIVITY_KIND, TRUE },
  { "title", FIELD_TEXT, TRUE, LIAISON_MAX_TITLE_CHARS },
  { "date", FIELD_DATE, TRUE },
  { "end_date", FIELD_DATE_OR_NULL, FALSE },
  { "place", FIELD_TEXT_OR_NULL, FALSE, LIAISON_MAX_TITLE_CHARS },
  { "organiser", FIELD_TEXT_OR_NULL, FALSE, LIAISON_MAX_TITLE_CHARS },
  { "note", FIELD_TEXT_OR_NULL, FALSE, LIAISON_MAX_CONTENT_CHARS },
  { "attendees", FIELD_ATTENDEES, TRUE },
  { "correction_reason", FIELD_TEXT_OR_NULL, FALSE, LIAISON_MAX_HANDLING_CHARS },
  { "corrected_by", FIELD_TEXT_OR_NULL, FALSE, LIAISON_MAX_NAME_CHARS },
  { "corrected_at", FIELD_WIRE_TIME_OR_NULL, FALSE },
  { NULL }
};

const FieldSpec liaison_wire_attendee_fields[] = {
  { "deputy", FIELD_UUID, TRUE },
  { "attendance", FIELD_ATTENDANCE, TRUE },
  { NULL }
};

static const FieldSpec duty_shift_fields[] = {
  { "station", FIELD_UUID, TRUE },
  { "deputy", FIELD_UUID, TRUE },
  { "date", FIELD_DATE, TRUE },
  { "note", FIELD_TEXT_OR_NULL, FALSE, LIAISON_MAX_HANDLING_CHARS },
  { NULL }
};

/* A points rule set (app/duty/liaison-points-rules.h); its points and
 * the rest are checked by liaison_points_rules_from_json(). */
static const FieldSpec points_rules_fields[] = {
  { "effective_from", FIELD_DATE, TRUE },
  { "reception_cap_per_quarter", FIELD_INT, TRUE },
  { NULL }
};

static gboolean
points_rules_has_member (const char *member)
{
  return g_strcmp0 (member, "points") == 0;
}

/* A closed quarter (app/duty/liaison-quarter-snapshot.h): "snapshot",
 * an object, is read by liaison_quarter_snapshot_from_json(). */
static const FieldSpec quarter_close_fields[] = {
  { "quarter", FIELD_TEXT, TRUE },
  { "closed_at", FIELD_WIRE_TIME, TRUE },
  { "closed_by", FIELD_TEXT_OR_NULL, FALSE, LIAISON_MAX_NAME_CHARS },
  { NULL }
};

static gboolean
quarter_close_also_known (const char *member)
{
  return g_str_equal (member, "snapshot");
}

/* A published report's head and a station's part of it
 * (app/model/liaison-published-snapshot.h): their figures and items are
 * read by liaison_published_head_from_json() and _part_from_json(). */
static const FieldSpec published_report_fields[] = {
  { "period", FIELD_TEXT, TRUE },
  { "published_at", FIELD_WIRE_TIME, TRUE },
  { "published_by", FIELD_TEXT_OR_NULL, TRUE, LIAISON_MAX_NAME_CHARS },
  { "as_of", FIELD_DATE, TRUE },
  { "parts", FIELD_INT, TRUE },
  { NULL }
};

static gboolean
published_report_also_known (const char *member)
{
  return g_str_equal (member, "total") || g_str_equal (member, "by_category") ||
         g_str_equal (member, "by_month") || g_str_equal (member, "by_channel");
}

static const FieldSpec published_report_part_fields[] = {
  { "report", FIELD_UUID, TRUE },
  { "period", FIELD_TEXT, TRUE },
  { "published_at", FIELD_WIRE_TIME, TRUE },
  { "station", FIELD_UUID, TRUE },
  { "part", FIELD_INT, TRUE },
  { "parts", FIELD_INT, TRUE },
  { NULL }
};

static gboolean
published_report_part_also_known (const char *member)
{
  return g_str_equal (member, "row") || g_str_equal (member, "items");
}

/* An access log entry (app/store/liaison-store-access-log.h); its count
 * and reason are checked by check_access_log (). A kind this desk does
 * not know yet is kept as sent. */
static const FieldSpec access_log_fields[] = {
  { "kind", FIELD_TEXT, TRUE, 40 },
  { "at", FIELD_WIRE_TIME, TRUE },
  { "role", FIELD_TEXT_OR_NULL, TRUE, 40 },
  { "actor", FIELD_TEXT_OR_NULL, TRUE, LIAISON_MAX_NAME_CHARS },
  { "desk", FIELD_TEXT, TRUE, 64 },
  { "what", FIELD_TEXT_OR_NULL, TRUE },
  { "n_contacts", FIELD_INT, TRUE },
  { "reason", FIELD_TEXT, TRUE, 500 },
  { NULL }
};

/* A retention purge (docs/sync-protocol.md, "A retention purge"). */
static const FieldSpec purge_fields[] = {
  { "reception", FIELD_UUID, TRUE },
  { "station", FIELD_UUID, TRUE },
  { "purged_at", FIELD_WIRE_TIME, TRUE },
  { NULL }
};

/* A deputy's PIN (docs/privacy.md, "The deputy's PIN"): the deputy, their
 * station (whose feed it goes to), the hash string or null for a reset by
 * headquarters, when it was set or reset, and who reset it. */
static const FieldSpec deputy_pin_fields[] = {
  { "deputy", FIELD_UUID, TRUE },
  { "station", FIELD_UUID_OR_NULL, TRUE },
  { "hash", FIELD_TEXT_OR_NULL, TRUE, 200 },
  { "set_at", FIELD_WIRE_TIME, TRUE },
  { "reset_by", FIELD_TEXT_OR_NULL, TRUE, LIAISON_MAX_NAME_CHARS },
  { NULL }
};

/* The online channel (docs/online.md, "On the wire"); the rules across
 * fields are liaison_online_wire_check_data ()'s. A submission's name,
 * phone and community are capped as a visitor's are at a desk. */
static const FieldSpec online_submission_fields[] = {
  { "station", FIELD_UUID, TRUE },
  { "category", FIELD_UUID, TRUE },
  { "title", FIELD_TEXT, TRUE, LIAISON_MAX_TITLE_CHARS },
  { "content", FIELD_TEXT_OR_NULL, TRUE, LIAISON_MAX_CONTENT_CHARS },
  { "name", FIELD_TEXT_OR_NULL, TRUE, LIAISON_MAX_NAME_CHARS },
  { "phone", FIELD_TEXT_OR_NULL, TRUE, LIAISON_ONLINE_MAX_PHONE_CHARS },
  { "community", FIELD_TEXT_OR_NULL, TRUE, LIAISON_MAX_COMMUNITY_CHARS },
  { "consent", FIELD_BOOL, TRUE },
  { "submitted_at", FIELD_WIRE_TIME, TRUE },
  { NULL }
};

static const FieldSpec online_decision_fields[] = {
  { "submission", FIELD_UUID, TRUE },
  { "station", FIELD_UUID, TRUE },
  { "decision", FIELD_TEXT, TRUE, 20 },
  { "reason", FIELD_TEXT_OR_NULL, TRUE, 20 },
  { "note", FIELD_TEXT_OR_NULL, TRUE, LIAISON_MAX_HANDLING_CHARS },
  { "reception", FIELD_UUID_OR_NULL, TRUE },
  { "suggestion", FIELD_UUID_OR_NULL, TRUE },
  { "decided_at", FIELD_WIRE_TIME, TRUE },
  { "decided_by", FIELD_TEXT_OR_NULL, TRUE, LIAISON_MAX_NAME_CHARS },
  { NULL }
};

const FieldSpec liaison_wire_visitor_fields[] = {
  { "name", FIELD_TEXT_OR_NULL, FALSE },
  { "phone", FIELD_TEXT_OR_NULL, FALSE },
  { "community", FIELD_TEXT_OR_NULL, FALSE },
  { "party_size", FIELD_PARTY_SIZE, TRUE },
  { "consent", FIELD_BOOL, TRUE },
  { NULL }
};

const FieldSpec liaison_wire_file_fields[] = {
  { "sha256", FIELD_SHA256, TRUE },
  { "name", FIELD_TEXT, TRUE, 255 },
  { "content_type", FIELD_TEXT, TRUE, 127 },
  { "size", FIELD_FILE_SIZE, TRUE },
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
  { LIAISON_KIND_SUGGESTION_EVENT, suggestion_event_fields, liaison_loop_event_has_member },
  { LIAISON_KIND_LOOP_RULES, loop_rules_fields, liaison_loop_rules_has_member },
  { LIAISON_KIND_ACTIVITY, activity_fields },
  { LIAISON_KIND_DUTY_SHIFT, duty_shift_fields },
  { LIAISON_KIND_POINTS_RULES, points_rules_fields, points_rules_has_member },
  { LIAISON_KIND_QUARTER_CLOSE, quarter_close_fields, quarter_close_also_known },
  { LIAISON_KIND_PUBLISHED_REPORT, published_report_fields, published_report_also_known },
  { LIAISON_KIND_PUBLISHED_REPORT_PART, published_report_part_fields, published_report_part_also_known },
  { LIAISON_KIND_ACCESS_LOG, access_log_fields },
  { LIAISON_KIND_PURGE, purge_fields },
  { LIAISON_KIND_DEPUTY_PIN, deputy_pin_fields },
  { LIAISON_KIND_ONLINE_SUBMISSION, online_submission_fields },
  { LIAISON_KIND_ONLINE_DECISION, online_decision_fields },
};

const KindSpec *
liaison_wire_kind_spec (const char *kind)
{
  for (gsize i = 0; i < G_N_ELEMENTS (kind_specs); i++)
    if (g_str_equal (kind_specs[i].kind, kind))
      return &kind_specs[i];
  return NULL;
}
