/* liaison-hq-store-private.h: the database of headquarters' store, for the
 * files that keep parts of it (records, tokens, push, pull, push rules,
 * the stored-record check, attachments' uploaders and quotas). Not for the
 * server's HTTP side. */
#pragma once


#include "liaison-db.h"
#include "liaison-hq-db.h"
#include "liaison-hq-store.h"

G_BEGIN_DECLS

/* Records taken out of the feed by `liaison-hq check --quarantine`: the
 * records row as it was, with why and when. Nothing is deleted. */
#define LIAISON_HQ_QUARANTINE_TABLE \
  "CREATE TABLE IF NOT EXISTS quarantine (\n" \
  "  kind TEXT NOT NULL, uuid TEXT NOT NULL, version INTEGER NOT NULL, origin_station TEXT,\n" \
  "  deleted INTEGER NOT NULL, updated_at TEXT NOT NULL, data TEXT NOT NULL, digest TEXT NOT NULL,\n" \
  "  seq INTEGER NOT NULL, hq_owned INTEGER NOT NULL, reason TEXT NOT NULL, quarantined_at TEXT NOT NULL\n" \
  ");\n"

/* Which stations an activity goes to besides its own station's feed
 * (liaison-hq-store-routes.c): its attendees now, and every station it
 * has been sent to. */
#define LIAISON_HQ_ROUTE_TABLES \
  "CREATE TABLE IF NOT EXISTS activity_deputies (\n" \
  "  activity_uuid TEXT NOT NULL, deputy_uuid TEXT NOT NULL,\n" \
  "  PRIMARY KEY (activity_uuid, deputy_uuid)\n" \
  ");\n" \
  "CREATE INDEX IF NOT EXISTS activity_deputies_by_deputy ON activity_deputies (deputy_uuid);\n" \
  "CREATE TABLE IF NOT EXISTS activity_routes (\n" \
  "  station_uuid TEXT NOT NULL, activity_uuid TEXT NOT NULL,\n" \
  "  PRIMARY KEY (station_uuid, activity_uuid)\n" \
  ");\n"

/* The receipt codes of online submissions (liaison-hq-store-online.c):
 * only a code's hash is kept, as an enrollment code's, beside the
 * submission's uuid. The code never leaves the server. */
#define LIAISON_HQ_ONLINE_TABLES \
  "CREATE TABLE IF NOT EXISTS online_receipts (\n" \
  "  code_hash TEXT PRIMARY KEY, submission TEXT NOT NULL UNIQUE, created TEXT NOT NULL\n" \
  ");\n"

/* The database (liaison-hq-store.c) */

/* A statement prepared once and kept (@sql is a string literal); borrowed,
 * already reset. NULL with @error when the database failed. */
LiaisonHqStmt *liaison_hq_store_prepare_cached (LiaisonHqStore  *self,
                                               const char      *sql,
                                               GError         **error);
/* A statement prepared for this once; the caller finalizes it. NULL with
 * @error when the database failed. */
LiaisonHqStmt *liaison_hq_store_prepare        (LiaisonHqStore  *self,
                                               const char      *sql,
                                               GError         **error);
/* Binds @kind and @key to @stmt's ?1 and ?2 and steps it once: TRUE on a
 * row; FALSE when there is none, or with @error ("The records could not be
 * read") when the query failed. */
gboolean      liaison_hq_store_step_record    (LiaisonHqStore  *self,
                                               LiaisonHqStmt   *stmt,
                                               const char      *kind,
                                               const char      *key,
                                               GError         **error);
/* Sets @error to "@what: the database's message"; returns FALSE. */
gboolean      liaison_hq_store_db_error       (LiaisonHqStore  *self,
                                               GError         **error,
                                               const char      *what);
/* Runs @sql (statements with no rows) in the store's database. */
gboolean      liaison_hq_store_exec           (LiaisonHqStore  *self,
                                               const char      *sql,
                                               GError         **error);
/* The same, for a statement run often (@sql is a string literal): it is
 * prepared once and kept. */
gboolean      liaison_hq_store_exec_cached    (LiaisonHqStore  *self,
                                               const char      *sql,
                                               GError         **error);

/* Records and the feed (liaison-hq-store-records.c) */

/* The feed's last seq, quarantined records' included; -1 with @error. */
gint64        liaison_hq_store_last_seq       (LiaisonHqStore  *self,
                                               GError         **error);
/* Writes one record as the feed's change @seq. @data_json is canonical. */
gboolean      liaison_hq_store_write_record   (LiaisonHqStore  *self,
                                               const char      *kind,
                                               const char      *uuid,
                                               gint64           version,
                                               const char      *origin_station,
                                               gboolean         deleted,
                                               const char      *updated_at,
                                               const char      *data_json,
                                               const char      *digest,
                                               gint64           seq,
                                               GError         **error);
/* After a record is written: an activity is routed to its deputies'
 * stations; a deputy at another station brings that station the
 * activities it has not had, each as a change after *@seq (which moves
 * on). @data may be NULL for a tombstone. In liaison-hq-store-routes.c. */
gboolean      liaison_hq_store_route_written  (LiaisonHqStore  *self,
                                               const char      *kind,
                                               const char      *uuid,
                                               gboolean         deleted,
                                               JsonObject      *data,
                                               gint64          *seq,
                                               GError         **error);
/* The digest of a record of @data, @deleted and @version, as
 * liaison_protocol_record_digest() makes it. */
char         *liaison_hq_store_digest_of      (JsonObject      *data,
                                               gboolean         deleted,
                                               gint64           version);
/* @data as canonical JSON, as the records table keeps it. */
char         *liaison_hq_store_canonical_data (JsonObject      *data);

/* The feed's pages (liaison-hq-store-pull.c) */

/* The columns liaison_hq_store_append_record() reads, in its order. */
#define LIAISON_HQ_RECORD_COLUMNS "kind, uuid, version, origin_station, deleted, updated_at, data, seq"
/* Appends the record of @stmt's row (LIAISON_HQ_RECORD_COLUMNS) to @out
 * as the JSON of a change, as @reader may see it: to a headquarters
 * token, a reception's visitors' phones masked. */
void          liaison_hq_store_append_record  (GString              *out,
                                               LiaisonHqStmt        *stmt,
                                               const LiaisonHqToken *reader);

/* Contacts at headquarters (liaison-hq-store-contacts.c) */

/* A reception's stored data (canonical JSON) with each visitor's phone
 * masked by app/privacy's rule, canonical again: what a headquarters desk
 * receives. An online submission's phone, at the top of its data, is
 * masked the same way. */
char         *liaison_hq_store_mask_reception_data (const char *data_json);

/* Codes people type (liaison-hq-store-tokens.c) */

/* Codes are typed by people: no 0/O, 1/I/L. */
#define LIAISON_HQ_CODE_ALPHABET "ABCDEFGHJKMNPQRSTUVWXYZ23456789"

/* A new code of @n_chars random characters of an alphabet without
 * look-alikes (no 0/O, 1/I/L: 31 letters and digits, about 4.95 bits
 * each), in groups of four joined by dashes ("ABCD-EFGH-JK"). */
char         *liaison_hq_store_new_code       (guint            n_chars);
/* @code's letters and digits, upper case: dashes, spaces and case do not
 * count. */
char         *liaison_hq_store_normalize_code (const char      *code);
/* The SHA-256 (hex) of @code normalized: what is kept of it. */
char         *liaison_hq_store_hash_code      (const char      *code);

/* Push (liaison-hq-store-push.c, liaison-hq-push-rules.c) */

/* The reason a pushed record (already through the wire schema) is refused
 * by headquarters' own rules, as a push result ("rejected"), or NULL in
 * *refusal when none applies; FALSE with @error when the database failed.
 * @data_json is the record's data as canonical JSON, NULL when it has
 * none. In liaison-hq-push-rules.c. */
gboolean      liaison_hq_push_rules_check     (LiaisonHqStore        *self,
                                               const LiaisonHqToken  *token,
                                               JsonObject            *record,
                                               const char            *data_json,
                                               JsonObject           **refusal,
                                               GError               **error);
/* A push result: rejected with @code and @reason (English). */
JsonObject   *liaison_hq_push_rejected        (JsonObject            *record,
                                               const char            *code,
                                               const char            *reason);

/* Creates the attachment bookkeeping of an older hq.db, once (in
 * liaison-hq-store-attachments.c). */
gboolean      liaison_hq_store_open_attachments (LiaisonHqStore  *self,
                                                 GError         **error);

G_END_DECLS
