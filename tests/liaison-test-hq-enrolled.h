/* liaison-test-hq-enrolled.h: a real liaison-hq with two stations and
 * headquarters enrolled over HTTP, for the tests that speak the protocol
 * themselves. Every helper asserts on failure. */
#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "liaison-test-hq.h"

G_BEGIN_DECLS

typedef struct {
  LiaisonTestHq hq;        /* its url: "http://127.0.0.1:PORT" */
  SoupSession *session;
  char        *station_a;  /* uuids */
  char        *station_b;
  char        *token_a;
  char        *token_b;
  char        *token_hq;
} LiaisonTestHqEnrolled;

/* Starts a server in a folder made from @tmpl and enrolls 东山联络站 (a),
 * 西山联络站 (b) and headquarters' 代表工委. */
void liaison_test_hq_enrolled_set_up (LiaisonTestHqEnrolled *enrolled,
                                      const char            *tmpl);
void liaison_test_hq_enrolled_clear  (LiaisonTestHqEnrolled *enrolled);

/* One JSON request to the server, as a desk makes it: asserts the answer's
 * @status (saying the answer when it is another) and returns its JSON, or
 * NULL for a body that is not JSON; its length in bytes goes to @length
 * unless that is NULL. */
JsonNode  *liaison_test_hq_enrolled_request (LiaisonTestHqEnrolled *enrolled,
                                             const char            *method,
                                             const char            *path,
                                             const char            *token,
                                             const char            *body,
                                             guint                  status,
                                             gsize                 *length);
/* Pushes @records (the members of a JSON array, joined by commas) in one
 * batch under @token; returns the answer's results. */
JsonArray *liaison_test_hq_enrolled_push    (LiaisonTestHqEnrolled *enrolled,
                                             const char            *token,
                                             const char            *records);
/* Pulls every change @token may see after @since, page by page, each
 * checked with the wire schema a desk checks it with; @since moves to the
 * feed's end. Returns the changes (JsonObject *) in the feed's order. */
GPtrArray *liaison_test_hq_enrolled_pull    (LiaisonTestHqEnrolled *enrolled,
                                             const char            *token,
                                             gint64                *since);
/* Push result @i is @status; a refusal's code is @code and its reason
 * holds @words, each unless NULL. */
void       liaison_test_assert_push_result  (JsonArray             *results,
                                             guint                  i,
                                             const char            *status,
                                             const char            *code,
                                             const char            *words);
/* The one number @sql (SELECT count(*)... ) reads from the server's own
 * database, hq.db, with a connection of the test's own. */
gint64     liaison_test_hq_count            (LiaisonTestHq         *hq,
                                             const char            *sql);

G_END_DECLS
