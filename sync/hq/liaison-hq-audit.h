/* liaison-hq-audit.h: `liaison-hq audit`, the access log of every desk
 * as a CSV file (docs/hq.md, docs/privacy.md "The access log"). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* @argv[0] is "audit"; returns the exit status. */
int liaison_hq_audit_command (int    argc,
                              char **argv);

G_END_DECLS
