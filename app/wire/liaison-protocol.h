/* liaison-protocol.h: sync protocol v1, the pieces both ends share.
 *
 * docs/sync-protocol.md is the contract; this file holds its constants,
 * its error bodies and tokens; the check of a record on the wire is
 * app/liaison-wire-schema.h.
 * GLib and json-glib only: the server and the client both link it.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "liaison-wire-schema.h"

G_BEGIN_DECLS

#define LIAISON_PROTOCOL_VERSION 1
#define LIAISON_PROTOCOL_HEADER "Liaison-Protocol"
#define LIAISON_MAX_BODY_BYTES (8 * 1024 * 1024)
#define LIAISON_MAX_PUSH_RECORDS 500
#define LIAISON_MAX_PULL_LIMIT 1000
/* A pull page stops short of this many bytes (but holds one record at least). */
#define LIAISON_MAX_PULL_BYTES (4 * 1024 * 1024)
/* A pushed record's data, as canonical JSON, is refused over this. */
#define LIAISON_MAX_RECORD_DATA_BYTES (64 * 1024)
/* A closed quarter's part holds one deputy's frozen lines: a busy deputy's
 * quarter (500 lines) is some 100 KB. */
#define LIAISON_MAX_QUARTER_CLOSE_DATA_BYTES (512 * 1024)
/* How far a pushed version may run ahead of its base_version: a desk adds
 * one per save between two syncs. */
#define LIAISON_MAX_VERSION_STEP 10000
#define LIAISON_DEFAULT_PULL_LIMIT 500
#define LIAISON_MAX_ATTACHMENT_BYTES (10 * 1024 * 1024)
/* 429 Too Many Requests (RFC 6585), which libsoup 3 does not name. */
#define LIAISON_HTTP_TOO_MANY_REQUESTS 429

/* Error codes, as in docs/sync-protocol.md. */
#define LIAISON_PROTOCOL_ERROR_BAD_JSON             "bad_json"
#define LIAISON_PROTOCOL_ERROR_UNSUPPORTED_PROTOCOL "unsupported_protocol"
#define LIAISON_PROTOCOL_ERROR_BAD_REQUEST          "bad_request"
#define LIAISON_PROTOCOL_ERROR_NO_TOKEN             "no_token"
#define LIAISON_PROTOCOL_ERROR_BAD_TOKEN            "bad_token"
#define LIAISON_PROTOCOL_ERROR_REVOKED_TOKEN        "revoked_token"
#define LIAISON_PROTOCOL_ERROR_BAD_CODE             "bad_code"
#define LIAISON_PROTOCOL_ERROR_FORBIDDEN            "forbidden"
#define LIAISON_PROTOCOL_ERROR_NOT_FOUND            "not_found"
#define LIAISON_PROTOCOL_ERROR_METHOD_NOT_ALLOWED   "method_not_allowed"
#define LIAISON_PROTOCOL_ERROR_TOO_LARGE            "too_large"
#define LIAISON_PROTOCOL_ERROR_QUOTA_REACHED        "quota_reached"
#define LIAISON_PROTOCOL_ERROR_BAD_CONTENT_TYPE     "bad_content_type"
#define LIAISON_PROTOCOL_ERROR_BAD_ENCODING         "bad_encoding"
#define LIAISON_PROTOCOL_ERROR_UNSUPPORTED_ENCODING "unsupported_encoding"
#define LIAISON_PROTOCOL_ERROR_BAD_HASH             "bad_hash"
#define LIAISON_PROTOCOL_ERROR_SERVER_ERROR         "server_error"

/* Push result statuses and rejection codes. */
#define LIAISON_PUSH_APPLIED   "applied"
#define LIAISON_PUSH_DUPLICATE "duplicate"
#define LIAISON_PUSH_CONFLICT  "conflict"
#define LIAISON_PUSH_REJECTED  "rejected"
#define LIAISON_REJECT_READ_ONLY        "read_only"
#define LIAISON_REJECT_NOT_YOUR_STATION "not_your_station"
#define LIAISON_REJECT_INVALID          "invalid"
#define LIAISON_REJECT_UNKNOWN_KIND     "unknown_kind"

#define LIAISON_PROTOCOL_ERROR (liaison_protocol_error_quark ())
GQuark liaison_protocol_error_quark (void);

typedef enum {
  LIAISON_PROTOCOL_ERROR_INVALID,  /* a record or body of the wrong shape */
} LiaisonProtocolError;

/* {"error": {"code": code, "message": message}}; a new node. */
JsonNode *liaison_protocol_error_body    (const char *code,
                                          const char *message);
/* Parses {"error":{code,message}}; FALSE if not that shape. @code and
 * @message may be NULL. */
gboolean  liaison_protocol_parse_error   (const char *body,
                                          gsize       length,
                                          char      **code,
                                          char      **message);

/* Fills @buffer with @size bytes from the kernel's random source
 * (getrandom(2), else /dev/urandom). FALSE if there is none. */
gboolean  liaison_protocol_fill_random   (guint8     *buffer,
                                          gsize       size);
/* 32 bytes from the kernel's random source, base64url, no padding (43
 * characters). Aborts if the system has no random source: a predictable
 * token is worse than none. */
char     *liaison_protocol_new_token     (void);
/* SHA-256 of the token's bytes, lowercase hex. */
char     *liaison_protocol_hash_token    (const char *token);

/* TRUE for the kinds of the table in docs/sync-protocol.md. */
gboolean  liaison_protocol_kind_is_known (const char *kind);
/* TRUE for the kinds headquarters owns (station, deputy_group, deputy,
 * category, unit, loop_rules): shared with every station. FALSE for
 * station-owned ones, for suggestion_event (owned by each event's role,
 * and kept in its station's feed), for activity (owned by its kind, and
 * sent to the stations of its deputies), for published_report_part
 * (written by headquarters, kept in its station's feed) and for unknown
 * kinds. */
gboolean  liaison_protocol_kind_is_hq_owned (const char *kind);
/* TRUE for the kinds only a headquarters token may push: those it owns,
 * and a published report's station part, which goes to that station's
 * feed (docs/sync-protocol.md, "A published report"). */
gboolean  liaison_protocol_kind_is_hq_written (const char *kind);

/* The check of a record itself, and its normalization, are
 * liaison_wire_check_record() and liaison_wire_normalize_record()
 * (app/liaison-wire-schema.h), which the store runs too. */
/* SHA-256 hex of the canonical JSON (keys sorted, no spaces) of
 * {"data": …, "deleted": …, "version": …}: equal digests mean an
 * identical resend. */
char     *liaison_protocol_record_digest (JsonObject *record);
/* The same digest from the record's data already in canonical JSON (NULL:
 * the record has no data member), so that a writer that keeps the
 * canonical text canonicalizes once. */
char     *liaison_protocol_digest_of_canonical (const char *canonical_data,
                                                gboolean    deleted,
                                                gint64      version);
/* Canonical JSON of any node (object keys sorted, no whitespace). */
char     *liaison_protocol_canonical_json (JsonNode *node);
/* Appends @text (UTF-8) to @out as a JSON string (RFC 8259): \" and \\,
 * the short escapes \n \r \t \b \f, \u00XX for the other control
 * characters, every other byte as it is. The canonical JSON, and so every
 * record digest, is written with it; so is liaison-hq's pull page. */
void      liaison_protocol_append_json_string (GString    *out,
                                               const char *text);

G_END_DECLS
