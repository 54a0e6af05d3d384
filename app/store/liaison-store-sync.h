/* liaison-store-sync.h: the store's side of sync (docs/sync-protocol.md).
 *
 * What this replica is (enrollment), which records wait to be pushed, and
 * how the server's answers and pulled changes are written: each in one
 * transaction, or not at all. No networking here: sync/ calls these.
 *
 * Choices the protocol leaves open, made here:
 * - Settings keys: sync_role ("station" or "hq"), server_url, server_id,
 *   checkpoint (the last pulled seq), synced_at (when the last sync that
 *   went through ended, for "data synced at" on a duty record).
 * - "Unsynced" means sync_state pending (1) or error (2) on the kinds this
 *   replica's role may push (a replica not yet enrolled counts receptions
 *   and suggestions, which a station will push once enrolled). Records of
 *   other kinds edited locally (say, a roster typed in before enrollment)
 *   are not counted: they can never be sent, and the server's copy replaces
 *   them through the conflict rule when it arrives.
 * - When the owner keeps its value after a conflict, its record's version
 *   becomes at least the server's version + 1, so that every replica sees
 *   the resend as newer than what the server had.
 * - A station adopted at enrollment gets version 0 and server_version 0,
 *   synced: the server's own copy, pulled later, is always newer.
 * - A pulled tombstone may carry an empty (or null) data object: then only
 *   deleted, version and updated_at are written, and a tombstone for a
 *   record this replica never had is skipped.
 * - A pull page is applied in reference order (loop rules, stations,
 *   deputy groups, units, categories, deputies, receptions, suggestions,
 *   suggestion events), so that a record may refer to one later in the
 *   same page. A reception's deputy that is not here is left out of the
 *   reception. Pushes go in the same order: headquarters' loop_rules
 *   record first, a suggestion before its events.
 * - A malformed answer or page fails with LIAISON_STORE_ERROR_INVALID and a
 *   translated message that names the change; nothing is written.
 *
 * The closed loop (docs/closed-loop.md):
 * - "suggestion_event" records are owned per event: every replica pushes
 *   the events it recorded (sync_state pending), whatever its role, and
 *   counts them as unsynced. On the wire an event is version 1 on base 0,
 *   updated_at its time, never deleted, with origin_station and
 *   data.station the station of its suggestion; data is
 *   liaison_loop_event_to_json() plus "station". The suggestion_events
 *   row keeps that object without "station", as the json-glib generator
 *   writes it.
 * - Events are immutable: "applied" and "duplicate" make one synced, a
 *   rejected one stays in error with the server's reason (it cannot be
 *   edited, so it is not sent again), and a pulled event whose uuid is
 *   here already is ignored. A pulled event of a suggestion not here yet
 *   is stored all the same and counts once its suggestion arrives.
 * - After a page (or a push answer) is written, the loop cache of every
 *   suggestion it touched, by its record or by events, is rewritten from
 *   the replay (liaison_store_refresh_loop_cache()), in the same
 *   transaction. A pulled suggestion's "status" is the sender's cache and
 *   is not written; a suggestion without "kind", "deputy" or "co_signers"
 *   (an older sender) is a citizen's item, with no deputy or co-signers;
 *   one without "motion" is not a motion, and "motion" is sent only when
 *   true.
 * - At a station, every newly pulled reply counts in
 *   LiaisonSyncCounts.replies and flags its suggestion reply_unseen when
 *   the suggestion is this station's.
 * - "loop_rules" is owned by headquarters, like units: one record, uuid
 *   LIAISON_LOOP_RULES_UUID (another uuid, or a tombstone, fails the
 *   page), stored as this replica writes liaison_loop_rules_to_json().
 * - "points_rules" is owned by headquarters too: each a rule set
 *   (docs/duty-record.md), stored as liaison_points_rules_to_json()
 *   writes it.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "liaison-store.h"

G_BEGIN_DECLS

typedef enum {
  LIAISON_SYNC_ROLE_NONE,
  LIAISON_SYNC_ROLE_STATION,
  LIAISON_SYNC_ROLE_HQ,
} LiaisonSyncRole;

typedef struct {
  guint sent;        /* records pushed and applied (or duplicate) */
  guint received;    /* pulled changes applied locally */
  guint conflicts;   /* conflicts settled (and logged) */
  guint rejected;    /* records the server refused (now in sync_state error with the reason) */
  guint replies;     /* pulled reply moves on suggestions this station registered: "2 replies arrived" */
  guint attachments_sent;      /* files the server did not have, sent before their moves */
  guint attachments_received;  /* files listed by moves here, fetched after the pull */
  guint set_aside;   /* pulled changes this replica could not use, kept aside (liaison-store-quarantine.h) */
} LiaisonSyncCounts;

/* Conflict rules, as stored in sync_conflicts.rule. */
#define LIAISON_CONFLICT_RULE_KEPT_LOCAL  "kept_local"   /* this replica owns the kind: its value stays */
#define LIAISON_CONFLICT_RULE_TOOK_SERVER "took_server"  /* the server's value replaced the local one */

typedef struct {
  char   *kind;            /* "reception" ... */
  char   *uuid;
  gint64  local_version;
  gint64  server_version;
  char   *local_json;      /* the local record, as a wire record */
  char   *server_json;     /* the server's record, as a wire record */
  char   *rule;            /* LIAISON_CONFLICT_RULE_* */
  char   *created_at;      /* UTC, "YYYY-MM-DDTHH:MM:SSZ" */
} LiaisonConflict;

/* A handling unit (承办单位): reference data that headquarters owns. */
typedef struct {
  LiaisonRecordMeta  meta;
  char              *name;
  char              *kind;  /* government, department, supervision, court, procuratorate, other */
} LiaisonUnit;

void        liaison_conflict_free (LiaisonConflict *conflict);
void        liaison_unit_free     (LiaisonUnit     *unit);
/* "station", "hq", or NULL for none; and back (FALSE if unknown). */
const char *liaison_sync_role_to_code   (LiaisonSyncRole  role);
gboolean    liaison_sync_role_from_code (const char      *code,
                                         LiaisonSyncRole *role);
/* What a conflict rule did, in words for the record's page. */
const char *liaison_conflict_rule_label (const char      *rule);

/* Enrollment: what this replica is. */
LiaisonSyncRole liaison_store_get_sync_role   (LiaisonStore  *store);
/* A role and a server to sync with. A replica may have a role and no
 * server (the headquarters demo): it acts in its role and never syncs. */
gboolean        liaison_store_is_enrolled     (LiaisonStore  *store);
/* NULL if not enrolled. */
char           *liaison_store_get_server_url  (LiaisonStore  *store);
char           *liaison_store_get_server_id   (LiaisonStore  *store);
/* The last pulled seq; 0 before the first pull. */
gint64          liaison_store_get_checkpoint  (LiaisonStore  *store);
/* When the last sync that went through ended ("YYYY-MM-DDTHH:MM:SSZ",
 * UTC), as the sync engine stamps it; NULL if never. */
char           *liaison_store_get_synced_at   (LiaisonStore  *store);
gboolean        liaison_store_mark_synced_now (LiaisonStore  *store,
                                               GError       **error);

/* Records this replica changed that the server has not acknowledged
 * (pending or rejected). */
guint           liaison_store_count_unsynced  (LiaisonStore  *store,
                                               GError       **error);

/**
 * liaison_store_adopt_enrollment:
 * @enroll_answer: the server's answer to POST /v1/enroll
 *
 * Adopts an enrollment: role, server url and id, and for a station the
 * server's station (uuid, name, kind, district) as this station. An
 * existing local station (from the first-run page) takes that uuid, and
 * every record's origin_station_uuid follows. Another server resets the
 * checkpoint. Refused (LIAISON_STORE_ERROR_INVALID) while unsynced records
 * exist and the replica is already enrolled with another server or
 * station. One transaction.
 */
gboolean        liaison_store_adopt_enrollment (LiaisonStore  *store,
                                                const char    *server_url,
                                                JsonObject    *enroll_answer,
                                                GError       **error);
/* Forgets the server (records stay); refused while unsynced records exist. */
gboolean        liaison_store_leave_server    (LiaisonStore  *store,
                                               GError       **error);

/**
 * liaison_store_collect_pending:
 * @limit: at most this many records
 *
 * The pending records this role may push (a station: receptions, then
 * suggestions, then the events it recorded; headquarters: the loop rules,
 * stations, deputy groups, units, categories, deputies, then the events it
 * recorded), as wire records with base_version = the version the server
 * last acknowledged (0 if never). Rejected records wait until edited.
 *
 * Returns: (transfer full) (element-type JsonObject): the records, or
 * NULL on error
 */
GPtrArray      *liaison_store_collect_pending (LiaisonStore  *store,
                                               guint          limit,
                                               GError       **error);
/* The same, leaving out @in_flight (element-type JsonObject: a batch
 * collected before and not answered yet), so that the next batch can be
 * read while the last one is on its way. */
GPtrArray      *liaison_store_collect_pending_except (LiaisonStore  *store,
                                                      guint          limit,
                                                      GPtrArray     *in_flight,
                                                      GError       **error);

/**
 * liaison_store_apply_push_results:
 * @pushed: (element-type JsonObject): the records sent, as collected
 * @results: the server's "results", one per record, in order
 * @counts: (inout): incremented by what happened
 *
 * applied/duplicate: the server acknowledged the version (synced, unless
 * it was edited meanwhile); conflict: the ownership rule, logged; rejected:
 * sync_state error with the server's reason. One transaction; a malformed
 * answer changes nothing.
 */
gboolean        liaison_store_apply_push_results (LiaisonStore      *store,
                                                  GPtrArray         *pushed,
                                                  JsonArray         *results,
                                                  LiaisonSyncCounts *counts,
                                                  GError           **error);

/**
 * liaison_store_apply_pulled:
 * @changes: the page's "changes"
 * @last_seq: the page's "last_seq", stored as the checkpoint
 * @counts: (inout): incremented by what happened
 *
 * Writes a pull page and the checkpoint in one transaction: new records
 * are inserted as synced, newer versions replace synced ones, older or
 * equal ones are ignored, and a change to a record with unsent local
 * edits goes through the conflict rule. A reception or suggestion whose
 * station or category is not here fails the page; other references to a
 * record not here become NULL. A change that fails the wire schema is set
 * aside (liaison-store-quarantine.h) and the rest of its page applied; a
 * page that is not a list of changes, or a negative @last_seq, changes
 * nothing.
 */
gboolean        liaison_store_apply_pulled    (LiaisonStore      *store,
                                               JsonArray         *changes,
                                               gint64             last_seq,
                                               LiaisonSyncCounts *counts,
                                               GError           **error);
/* The same for a page whose changes the caller checked: each one passed
 * liaison_wire_check_record() and liaison_wire_normalize_record() (the
 * engine's check of a pull answer), so the schema is not run again; only
 * what this replica asks on top of it (a known kind, "deleted" present)
 * can still set one aside. Keeps also @set_aside (LiaisonQuarantined *,
 * may be NULL): changes the caller took out of the page before (not
 * valid UTF-8, or failing the schema). */
gboolean        liaison_store_apply_pulled_page (LiaisonStore      *store,
                                                 JsonArray         *changes,
                                                 GPtrArray         *set_aside,
                                                 gint64             last_seq,
                                                 LiaisonSyncCounts *counts,
                                                 GError           **error);

/* The conflict log of one record, newest first.
 * Returns: (transfer full) (element-type LiaisonConflict) */
GPtrArray      *liaison_store_list_conflicts  (LiaisonStore  *store,
                                               const char    *kind,
                                               const char    *uuid,
                                               GError       **error);
/* The live handling units, by name.
 * Returns: (transfer full) (element-type LiaisonUnit) */
GPtrArray      *liaison_store_list_units      (LiaisonStore  *store,
                                               GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaisonConflict, liaison_conflict_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaisonUnit, liaison_unit_free)

G_END_DECLS
