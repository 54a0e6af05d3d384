/* liaison-hq-migrate-copy.h: the tables of an SQLite headquarters copied
 * into PostgreSQL, and each side's count and digest of them, for
 * `liaison-hq migrate` (liaison-hq-migrate.h). Works on any table the
 * source holds, as the source's own schema says, so that a table added
 * later is copied and checked without a change here. */
#pragma once

#include "liaison-hq-db.h"

G_BEGIN_DECLS

/* One table of the source: its name and its columns, in order. */
typedef struct {
  char      *name;
  GPtrArray *columns;   /* char * */
} LiaisonHqMigrateTable;

/* What one side holds of a table, or of one kind of record: its rows and
 * a digest of them. The digest is the sum, lane by lane (four 64-bit
 * lanes, each modulo 2^64), of every row's SHA-256 over its columns'
 * texts: the same rows give the same digest in whatever order an engine
 * returns them, and a row changed, lost or doubled changes it. */
typedef struct {
  char    *name;        /* "tokens", or "records (reception)" */
  gint64   rows;
  guint64  lanes[4];
} LiaisonHqMigrateTally;

/* The source's tables (LiaisonHqMigrateTable *), sorted by name; NULL
 * with @error if the schema cannot be read or names a table liaison-hq
 * would not have written. */
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
                                            LiaisonHqMigrateTable  *table,
                                            GError                **error);
/* @db's tallies (LiaisonHqMigrateTally *) of @tables, sorted by name:
 * one a table, and the records one a kind. */
GPtrArray *liaison_hq_migrate_tally        (LiaisonHqDb  *db,
                                            GPtrArray    *tables,
                                            GError      **error);
/* The first 12 hexadecimal digits of @tally's digest, to show. */
char      *liaison_hq_migrate_tally_digest (const LiaisonHqMigrateTally *tally);
gboolean   liaison_hq_migrate_tally_equal  (const LiaisonHqMigrateTally *a,
                                            const LiaisonHqMigrateTally *b);

G_END_DECLS
