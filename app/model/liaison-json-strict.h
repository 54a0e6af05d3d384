/* liaison-json-strict.h: reading a JSON object strictly, as a frozen
 * snapshot is read (a closed quarter's in app/duty, a published report's
 * in app/model): every member named, none more, each of its one type.
 *
 * The caller names its own error once, in a LiaisonJsonStrict, so that
 * each reader keeps its error domain and the words its messages begin
 * with.
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct {
  GQuark    (*domain) (void);  /* the error quark's function */
  gint        code;            /* the code of "invalid" in that domain */
  const char *prefix;          /* put before every message, or "" */
} LiaisonJsonStrict;

/* Sets @error to @strict's domain and code, the message @strict's prefix
 * followed by @format; returns FALSE, so that a reader can
 * `return liaison_json_invalid (...), NULL;`. */
gboolean    liaison_json_invalid      (const LiaisonJsonStrict  *strict,
                                       GError                  **error,
                                       const char               *format,
                                       ...) G_GNUC_PRINTF (3, 4);

/* Whether @object has exactly the members @names (NULL-terminated): no
 * other member ("WHERE has an unknown member “x”"), none missing
 * ("WHERE lacks “x”"). */
gboolean    liaison_json_has_exactly  (const LiaisonJsonStrict  *strict,
                                       JsonObject               *object,
                                       const char *const        *names,
                                       const char               *where,
                                       GError                  **error);

/* @member's string, or NULL when it is missing or not a string. */
const char *liaison_json_get_string   (JsonObject               *object,
                                       const char               *member);

/* Whether @member is a whole number from @min to @max; it is in @value
 * when it is a whole number at all. */
gboolean    liaison_json_get_int      (JsonObject               *object,
                                       const char               *member,
                                       gint64                    min,
                                       gint64                    max,
                                       gint64                   *value);

G_END_DECLS
