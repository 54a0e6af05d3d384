/* liaison-hq-body-limit.h: a request body's size limit, for the sync
 * server and the public site alike.
 *
 * A body over its limit, announced by Content-Length or counted as it
 * comes, is read to its end (to answer 413 properly) but no longer kept;
 * the handler then sees liaison_hq_body_limit_exceeded() and answers 413.
 * A body sent with Content-Encoding: gzip is inflated by
 * liaison_hq_body_limit_decode() within the same limit: a small body that
 * would inflate past it is over the limit too, and is never inflated
 * further than that.
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

typedef enum {
  LIAISON_HQ_BODY_PLAIN,          /* no coding, or gzip now inflated in place */
  LIAISON_HQ_BODY_BROKEN,         /* says gzip, and is not one whole gzip member */
  LIAISON_HQ_BODY_UNKNOWN_CODING, /* a Content-Encoding other than gzip */
} LiaisonHqBodyCoding;

/* In the handler, once the body is read: inflates a gzip body in place
 * (its Content-Encoding then gone), or marks @msg too large when it would
 * inflate past the limit (LIAISON_HQ_BODY_PLAIN; see
 * liaison_hq_body_limit_exceeded()). A body already over the limit, or
 * a message not watched, is left as it is. */
LiaisonHqBodyCoding liaison_hq_body_limit_decode (SoupServerMessage *msg);

G_END_DECLS
