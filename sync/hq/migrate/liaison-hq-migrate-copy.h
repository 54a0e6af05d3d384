/* liaison-hq-migrate-copy.h: the tables of an SQLite headquarters copied
 * into PostgreSQL, for `liaison-hq migrate` (liaison-hq-migrate.h); each
 * side is counted and digested by liaison-hq-db-tally.h. Works on any
 * table the source holds, as the source's own schema says, so that a
 * table added later is copied and checked without a change here. */
#pragma once

#include "liaison-hq-db-tally.h"

G_BEGIN_DECLS

/* The source's tables (LiaisonHqDbTable *), sorted by name; NULL
 * with @error if the schema cannot be read or names a table or column
 * liaison-hq would not have written. */
GPtrArray *liaison_hq_migrate_tables       (LiaisonHqDb  *source,
                                            GError      **error);
/* Makes in @target every table and index of @source that it does not
 * hold yet, from the source's own CREATE statements. */
gboolean   liaison_hq_migrate_make_schema  (LiaisonHqDb  *source,
                                            LiaisonHqDb  *target,
                                            GError      **error);
/* Copies every row of @table from @source into @target, then moves an
 * identity column's sequence past the copied ids. */
gboolean   liaison_hq_migrate_copy_table   (LiaisonHqDb            *source,
                                            LiaisonHqDb            *target,
                                            LiaisonHqDbTable       *table,
                                            GError                **error);

G_END_DECLS
