/* liaison-wire-schema.h: the one check of a record on the sync wire.
 *
 * Both ends run it on every record: the server on each pushed record
 * (sync/hq), the station once on each record of a pulled page and on a
 * conflict's current record (the sync engine; the store's apply runs it
 * only on pages that reach it unchecked), and `liaison-hq check` on what
 * the server holds. So whatever
 * the server accepts, every desk can take. GLib and json-glib only: the
 * server links it without the station's store.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "liaison-online-wire.h"

G_BEGIN_DECLS

/* Record kinds on the wire. */
#define LIAISON_KIND_STATION      "station"
#define LIAISON_KIND_DEPUTY_GROUP "deputy_group"
#define LIAISON_KIND_DEPUTY       "deputy"
#define LIAISON_KIND_CATEGORY     "category"
#define LIAISON_KIND_UNIT         "unit"
#define LIAISON_KIND_RECEPTION    "reception"
#define LIAISON_KIND_SUGGESTION   "suggestion"
#define LIAISON_KIND_SUGGESTION_EVENT "suggestion_event"
#define LIAISON_KIND_LOOP_RULES   "loop_rules"
#define LIAISON_KIND_ACTIVITY     "activity"    /* app/duty/liaison-activity.h */
#define LIAISON_KIND_DUTY_SHIFT   "duty_shift"
#define LIAISON_KIND_POINTS_RULES "points_rules" /* app/duty/liaison-points-rules.h */
#define LIAISON_KIND_QUARTER_CLOSE "quarter_close" /* app/duty/liaison-quarter-snapshot.h */
/* A published report (app/model/liaison-published-snapshot.h): its head,
 * sent to every desk, and a station's part, sent to that station only. */
#define LIAISON_KIND_PUBLISHED_REPORT      "published_report"
#define LIAISON_KIND_PUBLISHED_REPORT_PART "published_report_part"
/* An entry of the access log (app/store/liaison-store-access-log.h):
 * written by any desk, never changed, sent to headquarters' desks only. */
#define LIAISON_KIND_ACCESS_LOG "access_log"
/* A retention purge of one reception's visitors (docs/privacy.md):
 * written by the server alone, never changed, sent to the reception's
 * station and headquarters' desks. */
#define LIAISON_KIND_PURGE "purge"
/* A deputy's PIN, as its slow hash (app/pin), or a reset
 * (docs/privacy.md, "The deputy's PIN"): sent to the deputy's station
 * and headquarters' desks only. Its uuid is the deputy's with the
 * version digit 8 (liaison_wire_deputy_pin_uuid ()). */
#define LIAISON_KIND_DEPUTY_PIN "deputy_pin"
/* The online channel's kinds, LIAISON_KIND_ONLINE_SUBMISSION and
 * LIAISON_KIND_ONLINE_DECISION, are in liaison-online-wire.h. */
/* What a deputy_pin's hash starts with: PBKDF2-HMAC-SHA256, app/pin's. */
#define LIAISON_WIRE_PIN_HASH_PREFIX "pbkdf2-sha256$"

/* The most a file a reception lists may hold: the protocol's
 * LIAISON_MAX_ATTACHMENT_BYTES (liaison-protocol.c checks they agree). */
#define LIAISON_WIRE_MAX_FILE_BYTES (10 * 1024 * 1024)

#define LIAISON_WIRE_ERROR (liaison_wire_error_quark ())
GQuark liaison_wire_error_quark (void);

typedef enum {
  LIAISON_WIRE_ERROR_INVALID,  /* the message names the field, in English (a wire message) */
} LiaisonWireError;

/* Checks a wire record: kind known, uuid, version >= 1, base_version >= 0
 * when present, updated_at a time YYYY-MM-DDTHH:MM:SSZ, origin_station
 * (uuid or null), deleted (bool) and a data object with exactly the
 * kind's fields (no unknown member), of their types, codes, dates and
 * ranges; every string and key valid UTF-8. A tombstone (deleted: true)
 * may have a null or empty data object, or a whole one. A
 * suggestion_event must be version 1 and never deleted, its data an event
 * of app/liaison-loop-wire.h plus "station"; loop_rules has the uuid
 * LIAISON_LOOP_RULES_UUID and is never deleted. An activity's end_date
 * is not before its date, its attendees name each deputy once, and a
 * correction has its reason and its time. A points_rules record's data
 * is a rule set liaison_points_rules_from_json() takes. A quarter_close
 * is never deleted, and its snapshot (liaison_quarter_snapshot_from_json())
 * is of its quarter. A published_report or published_report_part is
 * never deleted, and its data is what liaison_published_head_from_json()
 * or liaison_published_part_from_json() takes. An access_log entry is
 * version 1 and never deleted, its n_contacts at least 0 and its reason
 * not blank. FALSE with
 * LIAISON_WIRE_ERROR_INVALID naming the offending field. */
gboolean liaison_wire_check_record     (JsonObject  *record,
                                        GError     **error);
/* The uuid of @deputy_uuid's deputy_pin record: the deputy's with its
 * version digit (the 15th character) made 8, so that two desks setting
 * the same deputy's first PIN write one record, which the sync's conflict
 * rule settles. The store's migration 17 makes the same in SQL. */
char    *liaison_wire_deputy_pin_uuid  (const char  *deputy_uuid);
/* Optional text fields (district, specialty, phone, handling, a visitor's
 * name, an activity's end_date and corrected_at…) may be null or "" on the
 * wire and mean the same; this turns the nulls of a record into "" in
 * place, as a replica stores them. */
void     liaison_wire_normalize_record (JsonObject  *record);

G_END_DECLS
