/* liaison-hq-migrate.h: `liaison-hq migrate --from DIR --to
 * postgresql://…` (docs/hq.md, "Moving to PostgreSQL"): copies an SQLite
 * headquarters, DIR/hq.db, into an empty PostgreSQL database in one
 * transaction, checks every table (and every kind of record) by count and
 * digest on both sides before committing, and then writes DIR/database so
 * that `serve` on DIR uses PostgreSQL. DIR/hq.db is only read. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* @argv[0] is "migrate"; returns the exit status. */
int liaison_hq_migrate_command (int    argc,
                                char **argv);

G_END_DECLS
