/* liaison-loop-wire.h: loop events and rules as JSON, the one encoding
 * used by the store (the event rows' data column), the sync wire and the
 * server's checks (docs/sync-protocol.md, "suggestion_event" and
 * "loop_rules").
 *
 * An event's data object:
 *   "suggestion": uuid, "move": code, "role": code,
 *   "actor_name": string or null (null only for a blind rating),
 *   "at": "YYYY-MM-DDTHH:MM:SSZ", "note": string or null,
 * and only its move's own fields:
 *   register:        "kind", "co_signers" [uuid] (written, never read:
 *                    the register move is the suggestion record itself, so
 *                    from_json refuses a "register" event)
 *   take_up:         "deputy" uuid
 *   answer_on_spot:  "deputy" uuid, "answer"
 *   refer:           "lead_unit" uuid, "co_units" [uuid], "due_date" "YYYY-MM-DD"
 *   reply:           "reply_text", "reply_date", "replying_unit" uuid, "attachments" [sha256 hex],
 *                    and "attachment_names" [string] when it lists any
 *   rate:            "rating", "asked", "rated_by" string or null
 *   withdraw:        "reason"
 *   supervise:       "key_supervision" bool
 * On the wire the data also carries "station" (the suggestion's station
 * uuid), which decides whose feed the event goes to; from_json ignores it.
 *
 * The loop_rules data object:
 *   "calendar": liaison_calendar_to_text() text,
 *   "public_opinion_working_days": int, "public_opinion_months": int,
 *   "deputy_suggestion_working_days": int, "deputy_suggestion_months": int
 */
#pragma once

#include <json-glib/json-glib.h>

#include "liaison-loop.h"
#include "liaison-loop-rules.h"

G_BEGIN_DECLS

/* The server's reasons for refusing an event that a client explains in
 * its own words (the wire's reasons are English). */
#define LIAISON_LOOP_WIRE_REASON_FUTURE        "The step is dated in the future; check this computer's clock."
#define LIAISON_LOOP_WIRE_REASON_NO_SUGGESTION "The suggestion of this event is not on the server; send the suggestion first."
#define LIAISON_LOOP_WIRE_REASON_CHANGED       "An event is never changed once recorded."

#define LIAISON_LOOP_WIRE_ERROR (liaison_loop_wire_error_quark ())
GQuark liaison_loop_wire_error_quark (void);

typedef enum {
  LIAISON_LOOP_WIRE_ERROR_INVALID,  /* the message names the field, in English (a wire message) */
} LiaisonLoopWireError;

/* A new object; the event's uuid is not in it (it is the record's uuid). */
JsonObject       *liaison_loop_event_to_json   (const LiaisonLoopEvent *event);
/* Checks the shape (types, codes, dates, that the move's fields are there
 * and no other move's) but not the rules: check_move() does that. @uuid
 * becomes the event's uuid. */
LiaisonLoopEvent *liaison_loop_event_from_json (const char             *uuid,
                                                JsonObject             *data,
                                                GError                **error);

/* Whether @member may be in an event's data (any move's own field or the
 * common ones, and "station"), or in the rules' data: the wire refuses
 * any other member. */
gboolean          liaison_loop_event_has_member (const char          *member);
gboolean          liaison_loop_rules_has_member (const char          *member);

JsonObject       *liaison_loop_rules_to_json   (const LiaisonLoopRules *rules);
LiaisonLoopRules *liaison_loop_rules_from_json (JsonObject             *data,
                                                GError                **error);

/* "YYYY-MM-DDTHH:MM:SSZ" (UTC) and back; NULL / FALSE if not that form. */
char             *liaison_loop_format_at       (GDateTime              *at);
GDateTime        *liaison_loop_parse_at        (const char             *text);

G_END_DECLS
