/* liaison-hq-body-limit.h: a request body's size limit, for the sync
 * server and the public site alike.
 *
 * A body over its limit, announced by Content-Length or counted as it
 * comes, is read to its end (to answer 413 properly) but no longer kept;
 * the handler then sees liaison_hq_body_limit_exceeded() and answers 413.
 */
#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

/* Watches @msg's body from its start (SoupServer::request-started):
 * past @cap bytes it is marked too large. */
void     liaison_hq_body_limit_watch        (SoupServerMessage *msg,
                                             gsize              cap);
/* Changes the limit of a watched @msg (an endpoint that takes more). */
void     liaison_hq_body_limit_set_cap      (SoupServerMessage *msg,
                                             gsize              cap);
/* In the early handler: whether Content-Length announces a body over the
 * limit; if so @msg is marked too large and its body no longer kept.
 * FALSE for a message not watched. */
gboolean liaison_hq_body_limit_check_length (SoupServerMessage *msg);
/* Whether @msg's body went over its limit. */
gboolean liaison_hq_body_limit_exceeded     (SoupServerMessage *msg);

G_END_DECLS
