/* liaison-sync-own-seqs.h: the feed changes this replica's own pushes
 * wrote, so that its next pull does not bring them back
 * (docs/sync-protocol.md, "What a pull skips").
 *
 * Kept in the replica's settings, beside the records they describe, for
 * the server it was noted for: a database restored from a copy, or a copy
 * on another desk, knows only what it holds, and pulls the rest.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "liaison-store.h"

G_BEGIN_DECLS

/* Notes the seq of every "applied" or "duplicate" result of a push answer
 * that the store has just written. Failing to note them costs a larger
 * pull only, so failures are logged, not returned. */
void  liaison_sync_own_seqs_remember (LiaisonStore *store,
                                      JsonArray    *results);
/* The "skip" value for a pull after @since ("FIRST-LAST,…"), or NULL when
 * there is nothing to skip; forgets what lies at or below @since. */
char *liaison_sync_own_seqs_for_pull (LiaisonStore *store,
                                      gint64        since);

G_END_DECLS
