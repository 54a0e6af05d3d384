/* liaison-db.h: the SQLite helper of the station's store: a connection
 * and its statement cache, transactions, SQLite's errors as GErrors, and
 * now in UTC as both stores write it (headquarters' database is
 * sync/hq/db/liaison-hq-db.h). */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

typedef struct _LiaisonDb LiaisonDb;

/* A closed connection whose failures are GErrors of @error_domain and
 * @error_code (the store's own "failed"). */
LiaisonDb    *liaison_db_new             (GQuark         error_domain,
                                          int            error_code);
/* Closes the connection too. */
void          liaison_db_free            (LiaisonDb     *db);
/* sqlite3_open_v2 (@path, @flags); its result code. On failure the handle
 * (when SQLite made one) stays, for its message: liaison_db_close() it. */
int           liaison_db_open            (LiaisonDb     *db,
                                          const char    *path,
                                          int            flags);
/* Forgets the cached statements and closes the handle; nothing if closed. */
void          liaison_db_close           (LiaisonDb     *db);
/* NULL when closed. */
sqlite3      *liaison_db_get_handle      (LiaisonDb     *db);

/* Sets @error to "@what: SQLite's message" (of the connection's last
 * error); returns FALSE. */
gboolean      liaison_db_set_error       (LiaisonDb     *db,
                                          GError       **error,
                                          const char    *what);
/* A statement prepared once and kept, keyed by @sql's text; borrowed (do
 * not finalize), reset and with its bindings cleared. NULL, with @error
 * saying @failed and why, when it cannot be prepared. */
sqlite3_stmt *liaison_db_prepare         (LiaisonDb     *db,
                                          const char    *sql,
                                          const char    *failed,
                                          GError       **error);
/* Runs @sql (statements with no rows). On failure @error says @failed and
 * why, or SQLite's message alone when @failed is NULL. */
gboolean      liaison_db_exec            (LiaisonDb     *db,
                                          const char    *sql,
                                          const char    *failed,
                                          GError       **error);
/* Steps @stmt, a write, and resets it; FALSE, with @error saying @what and
 * why, unless it ran to the end. */
gboolean      liaison_db_step_done       (LiaisonDb     *db,
                                          sqlite3_stmt  *stmt,
                                          const char    *what,
                                          GError       **error);
/* Steps @stmt, a "SELECT count(*)", and resets it; 0, with @error saying
 * @what and why, if it fails. */
guint         liaison_db_step_count      (LiaisonDb     *db,
                                          sqlite3_stmt  *stmt,
                                          const char    *what,
                                          GError       **error);

/* Makes one record from the current row of a statement. */
typedef gpointer (*LiaisonRowReader) (sqlite3_stmt *stmt);
/* Takes in the current row of a statement, with @data. */
typedef void     (*LiaisonRowFunc)   (sqlite3_stmt *stmt,
                                      gpointer      data);

/* Steps @stmt (bound, not yet stepped) to the end, calling @each with
 * every row and @data; resets @stmt. FALSE, with @error saying @failed
 * and why, if the query fails. */
gboolean      liaison_db_step_rows       (LiaisonDb        *db,
                                          sqlite3_stmt     *stmt,
                                          LiaisonRowFunc    each,
                                          gpointer          data,
                                          const char       *failed,
                                          GError          **error);

/* Steps @stmt (bound, not yet stepped) to the end, reading every row with
 * @read into a new array that frees them with @free_func; resets @stmt.
 * NULL, with @error saying @failed and why, if the query fails. */
GPtrArray    *liaison_db_collect_rows    (LiaisonDb        *db,
                                          sqlite3_stmt     *stmt,
                                          LiaisonRowReader  read,
                                          GDestroyNotify    free_func,
                                          const char       *failed,
                                          GError          **error);

/* Transactions nest: the outermost begin is a BEGIN IMMEDIATE and the
 * outermost commit a COMMIT; an inner rollback makes that commit roll
 * back and fail. A failed COMMIT is rolled back. @failed as for
 * liaison_db_exec(). */
gboolean      liaison_db_begin           (LiaisonDb     *db,
                                          const char    *failed,
                                          GError       **error);
gboolean      liaison_db_commit          (LiaisonDb     *db,
                                          const char    *failed,
                                          GError       **error);
/* Outside liaison_db_begin(), rolls back whatever transaction is open. */
void          liaison_db_rollback        (LiaisonDb     *db);
/* TRUE between liaison_db_begin() and its commit or rollback. */
gboolean      liaison_db_in_transaction  (LiaisonDb     *db);

/* A copy of the text of @column, NULL for NULL. */
char         *liaison_db_column_text     (sqlite3_stmt  *stmt,
                                          int            column);
/* A copy of the text of @column, NULL for NULL and for "" (an optional
 * field left empty). */
char         *liaison_db_column_text_or_null (sqlite3_stmt *stmt,
                                              int           column);
/* A LiaisonRowFunc: adds a copy of the text of column 0 to @rows, a
 * GPtrArray (NULL for NULL). */
void          liaison_db_row_add_text    (sqlite3_stmt  *stmt,
                                          gpointer       rows);
/* "YYYY-MM-DDTHH:MM:SSZ", now. */
char         *liaison_db_now_utc         (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaisonDb, liaison_db_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

G_END_DECLS
