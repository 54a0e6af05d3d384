/* liaison-test-hq-enrolled.h: a real liaison-hq with two stations and
 * headquarters enrolled over HTTP, for the tests that speak the protocol
 * themselves. Every helper asserts on failure. */
#pragma once

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

G_END_DECLS
