/* liaison-online-wire.h: the online channel's two record kinds on the wire
 * (docs/online.md, "On the wire"; docs/sync-protocol.md): a citizen's
 * online_submission, written by the server alone, and its station's
 * online_decision, whose uuid is derived from the submission's. */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* A citizen's submission, written by the server alone into the feed of
 * the station chosen, and that station's decision on it; both never
 * changed (version 1, never deleted). */
#define LIAISON_KIND_ONLINE_SUBMISSION "online_submission"
#define LIAISON_KIND_ONLINE_DECISION   "online_decision"

#define LIAISON_ONLINE_DECISION_ACCEPTED "accepted"
#define LIAISON_ONLINE_DECISION_DECLINED "declined"

/* The reasons a station may decline a submission with (data.reason). */
#define LIAISON_ONLINE_REASON_SPAM         "spam"
#define LIAISON_ONLINE_REASON_DUPLICATE    "duplicate"
#define LIAISON_ONLINE_REASON_OUT_OF_REMIT "out_of_remit"

/* The most a visitor's phone may hold on the wire, in characters. */
#define LIAISON_ONLINE_MAX_PHONE_CHARS 40

/* TRUE for online_submission and online_decision. */
gboolean  liaison_online_wire_is_kind     (const char  *kind);
/* TRUE for the three reasons above. */
gboolean  liaison_online_reason_is_known  (const char  *code);
/* What breaks the rules of an online record's data beyond its fields' types and
 * lengths (which the kind's table checks): a submission's title is not
 * blank and its phone is there when the citizen agreed to be contacted
 * (its form is the public site's to check, as a desk's form checks a
 * visitor's; a headquarters desk receives it masked); a decision's uuid is liaison_online_decision_uuid ()
 * of its submission, a declined one has a known reason and no reception
 * or suggestion, an accepted one both and no reason. A message naming
 * the field, in English (a wire message), or NULL if none is broken. */
char     *liaison_online_wire_problem     (const char  *kind,
                                           JsonObject  *record,
                                           JsonObject  *data);
/* The uuid of the decision on @submission_uuid: a name-based UUID
 * (version 5 layout, SHA-1 of a fixed prefix and the submission's uuid in
 * lowercase), the same at every desk, so that two desks deciding on one
 * submission write one record and meet as a conflict. */
char     *liaison_online_decision_uuid    (const char  *submission_uuid);

G_END_DECLS
