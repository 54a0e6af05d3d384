/* liaison-test-fake-hq.h: a fake headquarters for the tests that need
 * answers no real liaison-hq gives (test-sync, test-hostile-answers,
 * test-poor-line): a SoupServer on loopback, and the enroll answer a real
 * one gives, so that a station enrolls before the fake's own answers. */
#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

/* Has @handler answer every path of @server, listening on loopback;
 * returns its base URL ("http://127.0.0.1:PORT"). */
char *liaison_test_fake_hq_listen        (SoupServer         *server,
                                          SoupServerCallback  handler,
                                          gpointer            user_data);
/* The body of a real headquarters' answer to /v1/enroll: a new token and
 * server id, and the station @station_uuid (假总部联络站). */
char *liaison_test_fake_hq_enroll_answer (const char         *station_uuid);

G_END_DECLS
