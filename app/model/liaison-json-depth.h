/* liaison-json-depth.h: a cheap check of JSON that comes from outside,
 * made before json-glib parses it.
 *
 * json-glib's parser recurses once per nesting level with no limit, so
 * 100,000 "[" (100 KB) overflow the stack and kill the program. Every
 * parse of JSON from the network, or stored after it came over sync, goes
 * through liaison_json_load() or liaison_json_from_string(), which refuse
 * anything nested deeper than LIAISON_JSON_MAX_DEPTH first.
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The protocol's deepest message is a record's data inside a page, about
 * 6 levels; 64 leaves room and keeps recursion far from the stack's end. */
#define LIAISON_JSON_MAX_DEPTH 64

#define LIAISON_JSON_ERROR (liaison_json_error_quark ())
GQuark liaison_json_error_quark (void);

typedef enum {
  LIAISON_JSON_ERROR_TOO_DEEP,   /* arrays and objects nested past the limit */
  LIAISON_JSON_ERROR_NOT_PLAIN,  /* a comment, a quoted string json-glib reads
                                    otherwise than JSON does, a broken \u */
} LiaisonJsonError;

/* Whether @data (@length bytes, or up to its NUL if -1) nests arrays and
 * objects at most @max_depth deep. Strings are skipped as json-glib reads
 * them; what json-glib could read otherwise than plain JSON is refused. */
gboolean  liaison_json_check       (const char  *data,
                                    gssize       length,
                                    guint        max_depth,
                                    GError     **error);

/* liaison_json_check() with LIAISON_JSON_MAX_DEPTH, then
 * json_parser_load_from_data(). */
gboolean  liaison_json_load        (JsonParser  *parser,
                                    const char  *data,
                                    gssize       length,
                                    GError     **error);

/* json_from_string(), checked the same way. */
JsonNode *liaison_json_from_string (const char  *text,
                                    GError     **error);

G_END_DECLS
