/* liaison-hq-points-rules.h: headquarters' points rule sets
 * (docs/duty-record.md, "Versioned rule sets") from the command line:
 * `liaison-hq rules import` and `liaison-hq rules list`. */
#pragma once

#include <gio/gio.h>

#include "liaison-hq-store.h"

G_BEGIN_DECLS

/* Reads @file, one rule set (a JSON object of the engine's form) or a
 * JSON array of them, checks every set with the engine and stores each
 * as the "points_rules" record of its effective date (a new version of
 * the live one with that date, or a new record), in one transaction: a
 * bad set and nothing is stored, with @error naming the set, the key or
 * the line. Fills @stored with the effective dates stored and @unchanged
 * with those the server already had exactly. */
gboolean liaison_hq_points_rules_import (LiaisonHqStore  *store,
                                         GFile           *file,
                                         GPtrArray       *stored,
                                         GPtrArray       *unchanged,
                                         GError         **error);
/* The live rule sets, by effective date (LiaisonPointsRules *). */
GPtrArray *liaison_hq_points_rules_list (LiaisonHqStore  *store,
                                         GError         **error);

/* The command: imports @path and says what it stored, or with @path
 * NULL lists the sets. Returns the exit status; a failure is said on
 * stderr. */
int        liaison_hq_points_rules_command (LiaisonHqStore  *store,
                                            const char      *path);

G_END_DECLS
