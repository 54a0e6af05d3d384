/* liaison-hq-server-private.h: what the files of liaison-hq's HTTP side
 * share: the answers every handler gives (also liaison-hq-attachments.c
 * and liaison-hq-json-body.c), the routes, each request's log record and
 * body limit, and the endpoints' handlers. */
#pragma once

#include <libsoup/soup.h>

#include "liaison-hq-server.h"
#include "liaison-hq-store.h"

G_BEGIN_DECLS

/* Answers (liaison-hq-server.c) */

/* A JSON answer (@json taken) with Liaison-Protocol: 1. */
void liaison_hq_server_reply_text  (SoupServerMessage *msg,
                                    guint              status,
                                    char              *json);
/* The same, written from @node. */
void liaison_hq_server_reply_node  (SoupServerMessage *msg,
                                    guint              status,
                                    JsonNode          *node);
/* The JSON error body with @code, which the request's log line names. */
void liaison_hq_server_reply_error (SoupServerMessage *msg,
                                    guint              status,
                                    const char        *code,
                                    const char        *message);

/* Routing (liaison-hq-server.c) */

typedef enum {
  LIAISON_HQ_ENDPOINT_NONE,
  LIAISON_HQ_ENDPOINT_HELLO,
  LIAISON_HQ_ENDPOINT_ENROLL,
  LIAISON_HQ_ENDPOINT_PUSH,
  LIAISON_HQ_ENDPOINT_PULL,
  LIAISON_HQ_ENDPOINT_ATTACHMENT,
  LIAISON_HQ_ENDPOINT_CONTACT_REQUEST,
} LiaisonHqEndpoint;

/* The endpoint of @path, with in *@allowed the methods it takes
 * ("GET, HEAD, PUT"); LIAISON_HQ_ENDPOINT_NONE and NULL for none. */
LiaisonHqEndpoint liaison_hq_server_route (const char  *path,
                                           const char **allowed);
/* The server's SoupServer, borrowed (for liaison-hq-server-listen.c). */
SoupServer       *liaison_hq_server_get_soup (LiaisonHqServer *self);

/* The request log and body limits (liaison-hq-server-requests.c) */

/* What the log line of one request says. */
typedef struct {
  gint64      started;       /* monotonic, µs */
  LiaisonHqEndpoint endpoint;
  guint       records_in;
  guint       records_out;
  guint       records_skipped;  /* pull: changes the caller's own pushes wrote */
  char       *token_label;   /* "station:ab12cd34", NULL without a token */
  const char *error_code;
  gboolean    gzip_answer;   /* its JSON answer goes gzip (liaison-hq-server.c) */
} LiaisonHqRequestInfo;

/* The log record of @msg, NULL for a message the server did not start. */
LiaisonHqRequestInfo *liaison_hq_server_request_info (SoupServerMessage *msg);
/* SoupServer::request-started: gives @msg its log record and its body
 * limit, its deadline, and a place among @connections (user data). */
void liaison_hq_server_request_started (SoupServer        *soup,
                                        SoupServerMessage *msg,
                                        gpointer           connections);
/* The early handler: routes @msg to find its body limit, and stops
 * keeping a body whose Content-Length is over it. */
void liaison_hq_server_early_handler   (SoupServer        *soup,
                                        SoupServerMessage *msg,
                                        const char        *path,
                                        GHashTable        *query,
                                        gpointer           user_data);
/* SoupServer::request-finished and ::request-aborted: the log line. */
void liaison_hq_server_request_done    (SoupServer        *soup,
                                        SoupServerMessage *msg,
                                        gpointer           user_data);

/* Endpoints (liaison-hq-server-endpoints.c); each answers @msg. */

/* The token of @msg's Authorization header, or NULL once @msg is answered
 * with the error. */
LiaisonHqToken *liaison_hq_server_authenticate (LiaisonHqStore    *store,
                                                SoupServerMessage *msg);
void liaison_hq_server_handle_hello  (LiaisonHqStore    *store,
                                      SoupServerMessage *msg);
void liaison_hq_server_handle_enroll (LiaisonHqStore    *store,
                                      SoupServerMessage *msg);
void liaison_hq_server_handle_push   (LiaisonHqStore    *store,
                                      SoupServerMessage *msg,
                                      LiaisonHqToken    *token);
void liaison_hq_server_handle_pull   (LiaisonHqStore    *store,
                                      SoupServerMessage *msg,
                                      GHashTable        *query,
                                      LiaisonHqToken    *token);
/* POST /v1/contact-requests: a headquarters officer asks for a
 * reception's contacts with a reason; logged, then answered. */
void liaison_hq_server_handle_contact_request (LiaisonHqStore    *store,
                                               SoupServerMessage *msg,
                                               LiaisonHqToken    *token);

G_END_DECLS
