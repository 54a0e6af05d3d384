/* liaison-hq-store.h: headquarters' own store (DATA_DIR/hq.db).
 *
 * Not the station's store: a record table keyed by (kind, uuid) holding
 * the latest version of every record as wire JSON, a change feed by seq,
 * tokens and enrollment codes (both stored hashed) and the server id.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "liaison-hq-db.h"

#include "liaison-loop-rules.h"

G_BEGIN_DECLS

#define LIAISON_HQ_STORE_ERROR (liaison_hq_store_error_quark ())
GQuark liaison_hq_store_error_quark (void);

typedef enum {
  LIAISON_HQ_STORE_ERROR_FAILED,     /* SQLite or the file system failed */
  LIAISON_HQ_STORE_ERROR_NO_STORE,   /* DATA_DIR has no hq.db: run init */
  LIAISON_HQ_STORE_ERROR_EXISTS,     /* init on a directory that has one */
  LIAISON_HQ_STORE_ERROR_NOT_FOUND,  /* no such token, station or code */
  LIAISON_HQ_STORE_ERROR_REVOKED,
  LIAISON_HQ_STORE_ERROR_INVALID,    /* a value headquarters may not set (a time limit of 0) */
  LIAISON_HQ_STORE_ERROR_BUSY,       /* a server serves it, or a migrate copies it (liaison-hq-serving.h) */
} LiaisonHqStoreError;

typedef enum {
  LIAISON_HQ_ROLE_STATION = 1,
  LIAISON_HQ_ROLE_HQ      = 2,
} LiaisonHqRole;

const char *liaison_hq_role_to_string (LiaisonHqRole role);

typedef struct {
  char          *id;            /* the first 8 hex digits of the hash: shown, logged, revoked by */
  LiaisonHqRole  role;
  char          *station_uuid;  /* NULL for headquarters */
  char          *name;
  char          *created;       /* UTC */
  gboolean       revoked;
} LiaisonHqToken;

void liaison_hq_token_free (LiaisonHqToken *token);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaisonHqToken, liaison_hq_token_free)

#define LIAISON_TYPE_HQ_STORE (liaison_hq_store_get_type ())
G_DECLARE_FINAL_TYPE (LiaisonHqStore, liaison_hq_store, LIAISON, HQ_STORE, GObject)

/* Creates DATA_DIR (0700) and DATA_DIR/hq.db with the seeded categories
 * and a new server id. Refused if hq.db already exists. */
LiaisonHqStore *liaison_hq_store_create        (const char      *data_dir,
                                                GError         **error);
/* Opens an existing DATA_DIR/hq.db, or the PostgreSQL database
 * DATA_DIR/database names. */
LiaisonHqStore *liaison_hq_store_open          (const char      *data_dir,
                                                GError         **error);
/* The same in the PostgreSQL database @database (a postgresql:// URI),
 * or $LIAISON_HQ_DATABASE; NULL for either as above. The database must
 * exist; create makes the store's tables in it (EXISTS if it has them)
 * and writes DATA_DIR/database, which holds @database, so that every
 * later command finds it from DATA_DIR alone. DATA_DIR holds
 * attachments still. */
LiaisonHqStore *liaison_hq_store_create_in     (const char      *data_dir,
                                                const char      *database,
                                                GError         **error);
/* @uri without its password, to be shown. */
char           *liaison_hq_store_shown_database      (const char *uri);
/* DATA_DIR's file naming the PostgreSQL database that keeps its store. */
#define LIAISON_HQ_STORE_DATABASE_FILE "database"
/* Writes DATA_DIR/database (0600, whole or not at all) naming @uri, as
 * create_in does: every later command given DATA_DIR alone opens @uri. */
gboolean        liaison_hq_store_write_database_file (const char *data_dir,
                                                      const char *uri,
                                                      GError    **error);
LiaisonHqStore *liaison_hq_store_open_in       (const char      *data_dir,
                                                const char      *database,
                                                GError         **error);
/* The database's name as shown: "DATA_DIR/hq.db", or its PostgreSQL
 * address without a password. */
const char     *liaison_hq_store_describe      (LiaisonHqStore  *self);
const char     *liaison_hq_store_get_server_id (LiaisonHqStore  *self);
const char     *liaison_hq_store_get_data_dir  (LiaisonHqStore  *self);
/* Checkpoints the WAL and closes the database; later calls fail. */
void            liaison_hq_store_close         (LiaisonHqStore  *self);
/* The database (liaison-hq-db.h), for the modules that keep their own
 * tables and for tests; NULL once closed. */
LiaisonHqDb    *liaison_hq_store_get_db        (LiaisonHqStore  *self);

/* Transactions for the CLI (imports): BEGIN IMMEDIATE / COMMIT / ROLLBACK. */
gboolean liaison_hq_store_begin    (LiaisonHqStore *self, GError **error);
gboolean liaison_hq_store_commit   (LiaisonHqStore *self, GError **error);
void     liaison_hq_store_rollback (LiaisonHqStore *self);

/* Records written by headquarters itself (CLI, imports), inside a
 * transaction. @uuid NULL makes a new record (version 1); an existing
 * uuid gets a new version, unless @data is what it already holds
 * (*changed = FALSE, nothing written). @data is taken as is. */
gboolean liaison_hq_store_save_record (LiaisonHqStore *self,
                                       const char     *kind,
                                       const char     *uuid,
                                       const char     *origin_station,
                                       JsonObject     *data,
                                       char          **out_uuid,
                                       gboolean       *changed,
                                       GError        **error);
/* The live record of @kind whose data.name is @name: its uuid and data
 * (a new reference), or FALSE when there is none. */
gboolean liaison_hq_store_find_by_name (LiaisonHqStore *self,
                                        const char     *kind,
                                        const char     *name,
                                        char          **uuid,
                                        JsonObject    **data,
                                        GError        **error);
/* Every live record of @kind: uuid → its data (a JsonObject). With
 * @hq_recorded_only, only those with no origin station (what
 * headquarters recorded itself). NULL with @error. */
GHashTable *liaison_hq_store_list_live (LiaisonHqStore *self,
                                        const char     *kind,
                                        gboolean        hq_recorded_only,
                                        GError        **error);
/* The data of a live record, or NULL (no error) when there is none. */
JsonObject *liaison_hq_store_get_data  (LiaisonHqStore *self,
                                        const char     *kind,
                                        const char     *uuid,
                                        GError        **error);
/* How many changes the feed holds, and its last seq. */
gboolean liaison_hq_store_feed_stats   (LiaisonHqStore *self,
                                        gint64         *n_records,
                                        gint64         *last_seq,
                                        GError        **error);

/* The closed loop's rules (the holiday and make-up workday list, the time
 * limit per kind) as the one loop_rules record holds them, or the
 * defaults before headquarters set any; @version (may be NULL) gets the
 * record's version, 0 for the defaults. */
LiaisonLoopRules *liaison_hq_store_get_loop_rules  (LiaisonHqStore          *self,
                                                    gint64                  *version,
                                                    GError                 **error);
/* Writes @rules as the loop_rules record's next version, inside a
 * transaction (liaison_hq_store_begin()); *changed is FALSE when they
 * were already these. A limit that is not exactly one of working days
 * or months, non-zero, is refused (INVALID). Every station gets the
 * record at its next pull. */
gboolean          liaison_hq_store_save_loop_rules (LiaisonHqStore          *self,
                                                    const LiaisonLoopRules  *rules,
                                                    gboolean                *changed,
                                                    GError                 **error);

/* Enrollment codes: makes a single-use code for @role (and @station_uuid
 * for a station) and returns it; only its hash is kept. */
char    *liaison_hq_store_add_code (LiaisonHqStore *self,
                                    LiaisonHqRole   role,
                                    const char     *station_uuid,
                                    const char     *name,
                                    GError        **error);
/* Exchanges @code for a new token, in one transaction: the code is used
 * up and the token's hash stored. NOT_FOUND when the code is unknown or
 * already used. Returns the token; @info gets what it is. */
char    *liaison_hq_store_enroll   (LiaisonHqStore  *self,
                                    const char      *code,
                                    LiaisonHqToken **info,
                                    GError         **error);
/* The token whose hash is @hash (REVOKED, NOT_FOUND). */
LiaisonHqToken *liaison_hq_store_lookup_token (LiaisonHqStore *self,
                                               const char     *hash,
                                               GError        **error);
GPtrArray *liaison_hq_store_list_tokens  (LiaisonHqStore *self,
                                          GError        **error);
/* Revokes the token with this id (or a unique prefix of its hash). Sets
 * *already when it was revoked before. */
LiaisonHqToken *liaison_hq_store_revoke_token (LiaisonHqStore *self,
                                               const char     *id,
                                               gboolean       *already,
                                               GError        **error);

/* Push: one result per record, each committed on its own (one
 * transaction for the batch, a savepoint per record, committed before
 * the answer is sent). */
JsonArray *liaison_hq_store_push (LiaisonHqStore       *self,
                                  const LiaisonHqToken *token,
                                  JsonArray            *records,
                                  guint                *n_applied,
                                  GError              **error);
/* Pull: up to @limit changes after @since that @token may see, as the
 * JSON text of {"changes": …, "last_seq": …, "more": …}. The changes at
 * the seqs in @skip (liaison-seq-ranges.h, may be NULL), which the caller
 * says it holds, are passed by and not sent, and last_seq moves past them
 * all the same; @n_skipped counts them. */
char      *liaison_hq_store_pull (LiaisonHqStore       *self,
                                  const LiaisonHqToken *token,
                                  gint64                since,
                                  guint                 limit,
                                  GArray               *skip,
                                  guint                *n_changes,
                                  guint                *n_skipped,
                                  GError              **error);

/* A headquarters officer's request for a reception's contacts
 * (POST /v1/contact-requests; docs/privacy.md, "Headquarters and
 * contacts"), for a headquarters @token only. In one transaction: the
 * live reception @reception_uuid is read (NOT_FOUND when there is none),
 * and an access_log record of kind hq_contact_look is written as the
 * feed's next change (role hq, @actor or else the token's name, @desk or
 * else "token:ID", the reception, how many phones are given in full,
 * @reason; a blank reason or one over 500 characters is INVALID and
 * nothing is written). Returns the answer: {"reception", "visitors":
 * [{"name", "phone", "consent"}], "access_log": the entry's uuid,
 * "n_contacts"}, each phone as an export with full contacts shows it (in
 * full for a visitor who agreed to be contacted). */
JsonObject *liaison_hq_store_request_contacts (LiaisonHqStore        *self,
                                               const LiaisonHqToken  *token,
                                               const char            *reception_uuid,
                                               const char            *reason,
                                               const char            *actor,
                                               const char            *desk,
                                               GError               **error);

/* Online submissions (liaison-hq-store-online.c; docs/online.md) */

/* A receipt code's characters (查询码): 10 of 31, about 49 bits. */
#define LIAISON_HQ_RECEIPT_CODE_CHARS 10

/* Stores a citizen's submission, in one transaction: the
 * online_submission record (liaison-online-wire.h) of @data (taken as is; its uuid new, version
 * 1, origin @station, so it is in that station's feed) and a new receipt
 * code for it, of which only the hash is kept. Returns the code as it is
 * shown ("ABCD-EFGH-JK"); @uuid (may be NULL) gets the submission's. */
char     *liaison_hq_store_add_online_submission  (LiaisonHqStore  *self,
                                                   const char      *station,
                                                   JsonObject      *data,
                                                   char           **uuid,
                                                   GError         **error);
/* The uuid of the submission whose receipt code is @code (any case,
 * with or without dashes and spaces), or NULL, without @error, when no
 * submission has that code (or @code cannot be one). */
char     *liaison_hq_store_find_online_submission (LiaisonHqStore  *self,
                                                   const char      *code,
                                                   GError         **error);
/* Whether @code, normalized, has the length and alphabet of a receipt
 * code: a form can say "that is not a receipt code" before any lookup. */
gboolean  liaison_hq_receipt_code_is_wellformed   (const char      *code);

G_END_DECLS
