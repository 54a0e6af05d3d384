/* liaison-hq-retention.h: `liaison-hq retention`, `liaison-hq retention
 * set --years N` and `liaison-hq purge` (docs/hq.md). */
#pragma once

#include "liaison-hq-purge.h"

G_BEGIN_DECLS

/* @argv[0] is "retention" or "purge"; returns the exit status. */
int liaison_hq_retention_command (int    argc,
                                  char **argv);

G_END_DECLS
