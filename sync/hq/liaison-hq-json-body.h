/* liaison-hq-json-body.h: a request's JSON body, checked before any
 * handler reads it. */
#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

/* The body of @msg as a JSON object: application/json, nested no deeper
 * than LIAISON_JSON_MAX_DEPTH, an object, and "protocol": 1. On anything
 * else, answers @msg with the JSON error and returns NULL. The object
 * belongs to *@parser_out. */
JsonObject *liaison_hq_read_json_body (SoupServerMessage  *msg,
                                       JsonParser        **parser_out);

G_END_DECLS
