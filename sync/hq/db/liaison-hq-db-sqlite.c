/* liaison-hq-db-sqlite.c: headquarters' database on SQLite, the default:
 * DATA_DIR/hq.db in WAL mode (liaison-hq-db.h). */
#define G_LOG_DOMAIN "liaison-hq-db"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>

#include "liaison-hq-db-private.h"

typedef struct
{
  LiaisonHqDb  parent;
  sqlite3     *handle;
} SqliteDb;

typedef struct
{
  LiaisonHqStmt  parent;
  sqlite3_stmt  *stmt;
} SqliteStmt;

#define HANDLE(db) (((SqliteDb *) (db))->handle)
#define STMT(stmt) (((SqliteStmt *) (stmt))->stmt)

static void
sqlite_close (LiaisonHqDb *db)
{
  if (HANDLE (db) != NULL)
    {
      sqlite3_wal_checkpoint_v2 (HANDLE (db), NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
      sqlite3_close (HANDLE (db));
    }
  g_free (db);
}

static const char *
sqlite_errmsg (LiaisonHqDb *db)
{
  return HANDLE (db) != NULL ? sqlite3_errmsg (HANDLE (db)) : _("the database is closed");
}

static LiaisonHqStmt *
sqlite_prepare (LiaisonHqDb *db,
                const char  *sql,
                gboolean     cached)
{
  sqlite3_stmt *stmt = NULL;
  SqliteStmt *self;

  /* A statement of a hot path (push, pull) is prepared once: parsing it
   * each time cost more than running it. */
  if (sqlite3_prepare_v3 (HANDLE (db), sql, -1, cached ? SQLITE_PREPARE_PERSISTENT : 0,
                          &stmt, NULL) != SQLITE_OK)
    return NULL;
  self = g_new0 (SqliteStmt, 1);
  self->stmt = stmt;
  return &self->parent;
}

static void
sqlite_stmt_free (LiaisonHqStmt *stmt)
{
  sqlite3_finalize (STMT (stmt));
  g_free (stmt);
}

static gboolean
sqlite_exec (LiaisonHqDb *db,
             const char  *sql)
{
  return sqlite3_exec (HANDLE (db), sql, NULL, NULL, NULL) == SQLITE_OK;
}

static gint64
sqlite_changes (LiaisonHqDb *db)
{
  return sqlite3_changes64 (HANDLE (db));
}

static gboolean
sqlite_in_transaction (LiaisonHqDb *db)
{
  return HANDLE (db) != NULL && !sqlite3_get_autocommit (HANDLE (db));
}

static void
sqlite_bind_text (LiaisonHqStmt *stmt,
                  guint          index,
                  const char    *value)
{
  if (value == NULL)
    sqlite3_bind_null (STMT (stmt), index);
  else
    sqlite3_bind_text (STMT (stmt), index, value, -1, SQLITE_STATIC);
}

static void
sqlite_bind_int64 (LiaisonHqStmt *stmt,
                   guint          index,
                   gint64         value)
{
  sqlite3_bind_int64 (STMT (stmt), index, value);
}

static LiaisonHqDbStep
sqlite_step (LiaisonHqStmt *stmt)
{
  switch (sqlite3_step (STMT (stmt)))
    {
    case SQLITE_ROW:
      return LIAISON_HQ_DB_ROW;
    case SQLITE_DONE:
      return LIAISON_HQ_DB_DONE;
    default:
      return LIAISON_HQ_DB_FAILED;
    }
}

static void
sqlite_reset (LiaisonHqStmt *stmt,
              gboolean       clear)
{
  sqlite3_reset (STMT (stmt));
  if (clear)
    sqlite3_clear_bindings (STMT (stmt));
}

static const char *
sqlite_column_text (LiaisonHqStmt *stmt,
                    guint          column)
{
  return (const char *) sqlite3_column_text (STMT (stmt), column);
}

static gint64
sqlite_column_int64 (LiaisonHqStmt *stmt,
                     guint          column)
{
  return sqlite3_column_int64 (STMT (stmt), column);
}

static const LiaisonHqDbBackend sqlite_backend = {
  .is_postgresql  = FALSE,
  .begin_sql      = "BEGIN IMMEDIATE",
  .begin_read_sql = "BEGIN",
  .close          = sqlite_close,
  .errmsg         = sqlite_errmsg,
  .prepare        = sqlite_prepare,
  .stmt_free      = sqlite_stmt_free,
  .exec           = sqlite_exec,
  .changes        = sqlite_changes,
  .in_transaction = sqlite_in_transaction,
  .bind_text      = sqlite_bind_text,
  .bind_int64     = sqlite_bind_int64,
  .step           = sqlite_step,
  .reset          = sqlite_reset,
  .column_text    = sqlite_column_text,
  .column_int64   = sqlite_column_int64,
};

static LiaisonHqDb *
open_sqlite (const char  *path,
             int          flags,
             GQuark       error_domain,
             int          error_code,
             const char  *failed,
             GError     **error)
{
  g_autoptr(LiaisonHqDb) db = NULL;
  SqliteDb *self = g_new0 (SqliteDb, 1);

  liaison_hq_db_init (&self->parent, &sqlite_backend, error_domain, error_code);
  db = &self->parent;
  if (sqlite3_open_v2 (path, &self->handle, flags | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
    {
      liaison_hq_db_set_error (db, error, failed);
      return NULL;
    }
  sqlite3_busy_timeout (self->handle, 10000);
  return g_steal_pointer (&db);
}

LiaisonHqDb *
liaison_hq_db_open_sqlite (const char  *path,
                           gboolean     create,
                           GQuark       error_domain,
                           int          error_code,
                           const char  *failed,
                           GError     **error)
{
  g_autoptr(LiaisonHqDb) db = open_sqlite (path, SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0),
                                           error_domain, error_code, failed, error);

  if (db == NULL)
    return NULL;
  /* WAL for readers beside the writer; FULL so that a commit, which comes
   * before every answer, survives a power cut too; secure_delete so that
   * purged text leaves no copy in free space (docs/privacy.md).
   * A cache of up to 64 MiB: with the default 2 MiB, a push of 500
   * records into a records table of 100,000 re-read the leaves of its
   * uuid-keyed indexes from the file for every batch (docs/benchmarks.md,
   * "Faster sync, third round"). It is a ceiling, filled only as pages are
   * read, and the server holds this one read-write connection.
   * A checkpoint every 10,000 pages (40 MiB of WAL) rather than 1,000: a
   * push of 500 records with random uuids touches a leaf of each uuid
   * index per record, so each commit put some 4 MiB in the WAL and each
   * commit checkpointed; fewer checkpoints write each index page once
   * for several commits. The WAL is truncated at close. */
  if (!liaison_hq_db_exec (db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;"
                           " PRAGMA secure_delete = ON; PRAGMA cache_size = -65536;"
                           " PRAGMA wal_autocheckpoint = 10000;", failed, error))
    return NULL;
  return g_steal_pointer (&db);
}

LiaisonHqDb *
liaison_hq_db_open_sqlite_read_only (const char  *path,
                                     GQuark       error_domain,
                                     int          error_code,
                                     const char  *failed,
                                     GError     **error)
{
  return open_sqlite (path, SQLITE_OPEN_READONLY, error_domain, error_code, failed, error);
}
