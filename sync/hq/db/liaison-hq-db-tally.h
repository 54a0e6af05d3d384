/* liaison-hq-db-tally.h: what a headquarters database holds, table by
 * table (and the records kind by kind), counted and digested alike on
 * either engine through this interface: `liaison-hq migrate` checks its
 * copy with it, and the tests that a refused request changed nothing.
 * Works on whatever tables the database holds, as its own schema says, so
 * that a table added later is counted without a change here. */
#pragma once

#include "liaison-hq-db.h"

G_BEGIN_DECLS

/* One table: its name and its columns, in order. */
typedef struct {
  char      *name;
  GPtrArray *columns;   /* char * */
} LiaisonHqDbTable;

/* What one side holds of a table, or of one kind of record: its rows and
 * a digest of them. The digest is the sum, lane by lane (four 64-bit
 * lanes, each modulo 2^64), of every row's SHA-256 over its columns'
 * texts: the same rows give the same digest in whatever order an engine
 * returns them, and a row changed, lost or doubled changes it. */
typedef struct {
  char    *name;        /* "tokens", or "records (reception)" */
  gint64   rows;
  guint64  lanes[4];
} LiaisonHqDbTally;

/* @db's own tables (LiaisonHqDbTable *), sorted by name: SQLite's
 * (sqlite_master), or PostgreSQL's in the current schema. NULL with
 * @error, saying @failed and why, if the schema cannot be read. */
GPtrArray *liaison_hq_db_tables       (LiaisonHqDb  *db,
                                       const char   *failed,
                                       GError      **error);
/* @db's tallies (LiaisonHqDbTally *) of @tables, sorted by name: one a
 * table, and the records one a kind. On PostgreSQL, inside a transaction
 * (the rows are read through a cursor). */
GPtrArray *liaison_hq_db_tally        (LiaisonHqDb  *db,
                                       GPtrArray    *tables,
                                       const char   *failed,
                                       GError      **error);
/* Every table of @db tallied, in one read-only snapshot. */
GPtrArray *liaison_hq_db_tally_all    (LiaisonHqDb  *db,
                                       const char   *failed,
                                       GError      **error);
/* The first 12 hexadecimal digits of @tally's digest, to show. */
char      *liaison_hq_db_tally_digest (const LiaisonHqDbTally *tally);
gboolean   liaison_hq_db_tally_equal  (const LiaisonHqDbTally *a,
                                       const LiaisonHqDbTally *b);

G_END_DECLS
