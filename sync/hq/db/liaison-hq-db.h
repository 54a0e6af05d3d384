/* liaison-hq-db.h: headquarters' database, one interface over two
 * backends: SQLite (DATA_DIR/hq.db, the default) and PostgreSQL (a
 * postgresql:// URI). Statements are written once, in SQL both engines
 * take: parameters as ?1, ?2… (PostgreSQL gets $1, $2…), "ON CONFLICT DO
 * NOTHING" rather than "INSERT OR IGNORE", json_extract (COLUMN, '$.name')
 * for a string member (PostgreSQL gets (COLUMN::jsonb ->> 'name')). Only
 * the schema and the engine's own settings differ; ask
 * liaison_hq_db_is_postgresql(). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _LiaisonHqDb   LiaisonHqDb;
typedef struct _LiaisonHqStmt LiaisonHqStmt;

typedef enum {
  LIAISON_HQ_DB_ROW,         /* a row is there to read */
  LIAISON_HQ_DB_DONE,        /* ran to the end */
  LIAISON_HQ_DB_FAILED,      /* liaison_hq_db_set_error() says why */
} LiaisonHqDbStep;

/* Whether @location names a PostgreSQL database (postgresql:// or
 * postgres://) rather than a data directory's hq.db. */
gboolean       liaison_hq_db_location_is_postgresql (const char *location);

/* Opens the SQLite database at @path (made when @create), in WAL mode.
 * Failures are GErrors of @error_domain and @error_code, saying @failed
 * and why. */
LiaisonHqDb   *liaison_hq_db_open_sqlite     (const char     *path,
                                              gboolean        create,
                                              GQuark          error_domain,
                                              int             error_code,
                                              const char     *failed,
                                              GError        **error);
/* Opens the SQLite database at @path to read only: nothing is written to
 * it, not even its journal mode (`liaison-hq migrate`'s source). */
LiaisonHqDb   *liaison_hq_db_open_sqlite_read_only (const char *path,
                                                    GQuark      error_domain,
                                                    int         error_code,
                                                    const char *failed,
                                                    GError    **error);
/* Opens the PostgreSQL database @uri (libpq's connection URI). */
LiaisonHqDb   *liaison_hq_db_open_postgresql (const char     *uri,
                                              GQuark          error_domain,
                                              int             error_code,
                                              const char     *failed,
                                              GError        **error);
/* Rolls back what is open and closes (SQLite checkpoints its WAL). */
void           liaison_hq_db_free            (LiaisonHqDb    *db);
gboolean       liaison_hq_db_is_postgresql   (LiaisonHqDb    *db);

/* Sets @error to "@what: the engine's message" (of the last failure);
 * returns FALSE. */
gboolean       liaison_hq_db_set_error       (LiaisonHqDb    *db,
                                              GError        **error,
                                              const char     *what);
/* A statement prepared once and kept, keyed by @sql's text; borrowed (do
 * not free), reset and with its bindings cleared. NULL, with @error
 * saying @failed and why, when it cannot be prepared. */
LiaisonHqStmt *liaison_hq_db_prepare_cached  (LiaisonHqDb    *db,
                                              const char     *sql,
                                              const char     *failed,
                                              GError        **error);
/* A statement prepared for this once: liaison_hq_stmt_free() it. */
LiaisonHqStmt *liaison_hq_db_prepare         (LiaisonHqDb    *db,
                                              const char     *sql,
                                              const char     *failed,
                                              GError        **error);
void           liaison_hq_stmt_free          (LiaisonHqStmt  *stmt);
/* Runs @sql (statements with no rows and no parameters). */
gboolean       liaison_hq_db_exec            (LiaisonHqDb    *db,
                                              const char     *sql,
                                              const char     *failed,
                                              GError        **error);
/* The rows the last INSERT, UPDATE or DELETE changed. */
gint64         liaison_hq_db_changes         (LiaisonHqDb    *db);

/* Transactions nest: the outermost begin opens one (SQLite's BEGIN
 * IMMEDIATE), the outermost commit commits; an inner rollback makes that
 * commit roll back and fail. A failed COMMIT is rolled back. */
gboolean       liaison_hq_db_begin           (LiaisonHqDb    *db,
                                              const char     *failed,
                                              GError        **error);
gboolean       liaison_hq_db_commit          (LiaisonHqDb    *db,
                                              const char     *failed,
                                              GError        **error);
/* Opens a transaction that only reads, all of it one snapshot of the
 * database; COMMIT (liaison_hq_db_exec()) or liaison_hq_db_rollback()
 * ends it. Not nested. */
gboolean       liaison_hq_db_begin_read      (LiaisonHqDb    *db,
                                              const char     *failed,
                                              GError        **error);
/* Outside liaison_hq_db_begin(), rolls back whatever is open. */
void           liaison_hq_db_rollback        (LiaisonHqDb    *db);
gboolean       liaison_hq_db_in_transaction  (LiaisonHqDb    *db);

/* Parameters count from 1. A text must stay as it is until the statement
 * is stepped for the last time or reset. */
void           liaison_hq_stmt_bind_text     (LiaisonHqStmt  *stmt,
                                              guint           index,
                                              const char     *value);
void           liaison_hq_stmt_bind_int64    (LiaisonHqStmt  *stmt,
                                              guint           index,
                                              gint64          value);
void           liaison_hq_stmt_bind_null     (LiaisonHqStmt  *stmt,
                                              guint           index);
/* Runs @stmt (the first time) or moves to its next row. */
LiaisonHqDbStep liaison_hq_stmt_step         (LiaisonHqStmt  *stmt);
/* Ready to run again, bindings kept. */
void           liaison_hq_stmt_reset         (LiaisonHqStmt  *stmt);
/* Columns of the current row, counting from 0. Text is NULL for NULL and
 * lives until the next step or reset. A boolean reads as 0 or 1. */
const char    *liaison_hq_stmt_column_text   (LiaisonHqStmt  *stmt,
                                              guint           column);
gint64         liaison_hq_stmt_column_int64  (LiaisonHqStmt  *stmt,
                                              guint           column);
gboolean       liaison_hq_stmt_column_is_null (LiaisonHqStmt *stmt,
                                               guint          column);
/* A copy of the text of @column, NULL for NULL. */
char          *liaison_hq_stmt_dup_text      (LiaisonHqStmt  *stmt,
                                              guint           column);

/* Steps @stmt, a write, and resets it; FALSE, with @error saying @what and
 * why, unless it ran to the end. */
gboolean       liaison_hq_db_step_done       (LiaisonHqStmt  *stmt,
                                              const char     *what,
                                              GError        **error);

typedef gpointer (*LiaisonHqRowReader) (LiaisonHqStmt *stmt);
typedef void     (*LiaisonHqRowFunc)   (LiaisonHqStmt *stmt,
                                        gpointer       data);

/* Steps @stmt (bound, not yet stepped) to the end, calling @each with
 * every row and @data; resets @stmt. FALSE, with @error saying @failed
 * and why, if the query fails. */
gboolean       liaison_hq_db_step_rows       (LiaisonHqStmt      *stmt,
                                              LiaisonHqRowFunc    each,
                                              gpointer            data,
                                              const char         *failed,
                                              GError            **error);
/* The same, reading every row with @read into a new array that frees
 * them with @free_func; NULL with @error. */
GPtrArray     *liaison_hq_db_collect_rows    (LiaisonHqStmt      *stmt,
                                              LiaisonHqRowReader  read,
                                              GDestroyNotify      free_func,
                                              const char         *failed,
                                              GError            **error);
/* A LiaisonHqRowFunc: adds a copy of the text of column 0 to @rows, a
 * GPtrArray. */
void           liaison_hq_db_row_add_text    (LiaisonHqStmt  *stmt,
                                              gpointer        rows);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaisonHqDb, liaison_hq_db_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaisonHqStmt, liaison_hq_stmt_free)

G_END_DECLS
