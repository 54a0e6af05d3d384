/* fuzz-common.h: what every libFuzzer harness in tests/fuzz shares.
 *
 * A harness defines LLVMFuzzerTestOneInput() and may call fuzz_init()
 * from LLVMFuzzerInitialize(). Every input starts from the same state:
 * the stores a harness opens are changed inside a transaction that is
 * rolled back, so that a crash replays from its one input.
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <stddef.h>
#include <stdint.h>

#include "liaison-store-sync.h"

G_BEGIN_DECLS

int LLVMFuzzerInitialize   (int           *argc,
                            char        ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* Makes criticals and warnings fatal (input that trips a g_return_if_fail
 * is a bug), quiets messages, and makes a temporary folder, removed at
 * exit. */
void        fuzz_init    (const char *name);
const char *fuzz_tmp_dir (void);
/* Writes @data to a file in the temporary folder and returns it. */
GFile      *fuzz_write_file (const char    *name,
                             const uint8_t *data,
                             size_t         size);
/* Parses @data as JSON the way liaison-hq (immutable) or the station
 * reads a body, depth check first; NULL when it is not JSON. */
JsonNode   *fuzz_parse_json (const uint8_t *data,
                             size_t         size,
                             gboolean       immutable);

/* The station's uuid in the stores below, as the corpus's records use it. */
#define FUZZ_STATION_UUID "5a7e0000-0000-4000-8000-000000000001"
/* Its name, as tests/data/roster.csv names it. */
#define FUZZ_STATION_NAME "相山区东山街道人大代表联络站"

/* A station's store (its station FUZZ_STATION_UUID) or headquarters' desk
 * store, enrolled, in the temporary folder; the roster of
 * tests/data/roster.csv on it. */
LiaisonStore *fuzz_open_store (gboolean hq);

G_END_DECLS
