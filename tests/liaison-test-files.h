/* liaison-test-files.h: two stations and a headquarters desk at a real
 * liaison-hq on loopback, and the requests, records and files that
 * test-hq-files.c makes of them. Every helper asserts on failure. */
#pragma once

#include <libsoup/soup.h>

#include "liaison-test-hq.h"

G_BEGIN_DECLS

typedef struct {
  LiaisonTestHq hq;
  SoupSession *session;
  GDateTime *clock;       /* the next move's time (UTC), in the past */
  LiaisonTestReplica a, b, desk;  /* two stations and a headquarters desk */
  char *token_a, *token_b, *token_hq;
} LiaisonTestFiles;

/* An answer to a request, as any client gets it. */
typedef struct {
  guint status;
  GBytes *body;
  SoupMessageHeaders *headers;
} LiaisonTestAnswer;

/* The server with more options of `serve` (NULL-terminated, may be none),
 * two stations and a headquarters desk, all enrolled and synced. */
void
liaison_test_files_set_up_with (LiaisonTestFiles *fixture,
                                const char       *first_option,
                                ...) G_GNUC_NULL_TERMINATED;

void
liaison_test_files_set_up (LiaisonTestFiles *fixture,
                           gconstpointer     data);

void
liaison_test_files_tear_down (LiaisonTestFiles *fixture,
                              gconstpointer     data);

void
liaison_test_files_answer_free (LiaisonTestAnswer *answer);

LiaisonTestAnswer *
liaison_test_files_request (LiaisonTestFiles *fixture,
                            const char       *method,
                            const char       *path,
                            const char       *token,
                            const char       *content_type,
                            const void       *body,
                            gsize             length,
                            const char       *content_range);

LiaisonTestAnswer *
liaison_test_files_get (LiaisonTestFiles *fixture,
                        const char       *sha,
                        const char       *token);

LiaisonTestAnswer *
liaison_test_files_head (LiaisonTestFiles *fixture,
                         const char       *sha,
                         const char       *token);

/* PUT of @length bytes of @data, as bytes @start… of a file of @total
 * bytes (no Content-Range when @total is 0: the whole file). */
LiaisonTestAnswer *
liaison_test_files_put (LiaisonTestFiles *fixture,
                        const char       *sha,
                        const char       *token,
                        const char       *data,
                        gsize             start,
                        gsize             length,
                        gsize             total);

/* The answer is the JSON error @code, with @status. */
void
liaison_test_files_assert_error (LiaisonTestAnswer *answer,
                                 guint              status,
                                 const char        *code);

void
liaison_test_files_assert_bytes (LiaisonTestAnswer *answer,
                                 const char        *bytes,
                                 gsize              size);

/* HEAD's "as if absent": 404, and no sign of any part. */
void
liaison_test_files_assert_absent (LiaisonTestFiles *fixture,
                                  const char       *sha,
                                  const char       *token);

char *
liaison_test_files_write_file (LiaisonTestFiles *fixture,
                               const char       *name,
                               const char       *bytes,
                               gsize             size);

/* A citizen's suggestion at @replica's station, taken up by a deputy:
 * headquarters may refer it. Returns its uuid. */
char *
liaison_test_files_log_suggestion (LiaisonTestFiles   *fixture,
                                   LiaisonTestReplica *replica,
                                   const char         *title);

/* At the headquarters desk: refers the suggestion @uuid and records the
 * unit's reply with the file at @letter_path. Returns the file's hash. */
char *
liaison_test_files_reply_with_letter (LiaisonTestFiles *fixture,
                                      const char       *uuid,
                                      const char       *letter_path);

/* A reply move on @suggestion at @station listing @hashes (NULL-
 * terminated), pushed with @token under @role as any client could;
 * returns the push result's status. */
char *
liaison_test_files_push_reply (LiaisonTestFiles   *fixture,
                               const char         *token,
                               const char         *role,
                               const char         *station,
                               const char         *suggestion,
                               const char * const *hashes);

char *
liaison_test_files_station_uuid (LiaisonTestReplica *replica);

/* Bytes of every value, NULs too. */
char *
liaison_test_files_make_bytes (gsize size,
                               guint seed);

char *
liaison_test_files_sha (const char *bytes,
                        gsize       size);

/* Runs @sql on the server's hq.db (stopped), as an older liaison-hq left it. */
void
liaison_test_files_edit_server_db (LiaisonTestFiles *fixture,
                                   const char       *sql);

/* Runs `liaison sync` on @replica's database in Chinese; returns stderr. */
char *
liaison_test_files_sync_zh (LiaisonTestReplica *replica,
                            int                *exit_status);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaisonTestAnswer, liaison_test_files_answer_free)

G_END_DECLS
