/* liaison-hq-db.c: headquarters' database interface (liaison-hq-db.h):
 * what both backends share, the statement cache and the stepping helpers;
 * nested transactions are app/db/liaison-db-nest.c's, through the backend. */
#define G_LOG_DOMAIN "liaison-hq-db"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-hq-db-private.h"

gboolean
liaison_hq_db_location_is_postgresql (const char *location)
{
  return location != NULL &&
         (g_str_has_prefix (location, "postgresql://") || g_str_has_prefix (location, "postgres://"));
}

static void
free_cached (gpointer stmt)
{
  LiaisonHqStmt *self = stmt;

  self->db->backend->stmt_free (self);
}

static gboolean
nest_exec (gpointer     db,
           const char  *sql,
           const char  *failed,
           GError     **error)
{
  return liaison_hq_db_exec (db, sql, failed, error);
}

static void
nest_rollback (gpointer data)
{
  LiaisonHqDb *db = data;

  if (db->backend->in_transaction (db))
    db->backend->exec (db, "ROLLBACK");
}

static const LiaisonDbNestOps nest_ops = { nest_exec, nest_rollback };

void
liaison_hq_db_init (LiaisonHqDb              *db,
                    const LiaisonHqDbBackend *backend,
                    GQuark                    error_domain,
                    int                       error_code)
{
  db->backend = backend;
  db->error_domain = error_domain;
  db->error_code = error_code;
  db->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, free_cached);
  liaison_db_nest_init (&db->nest, &nest_ops, db, error_domain, error_code);
}

void
liaison_hq_db_free (LiaisonHqDb *db)
{
  if (db == NULL)
    return;
  liaison_db_nest_reset (&db->nest);
  liaison_hq_db_rollback (db);
  g_hash_table_unref (db->statements);
  db->backend->close (db);
}

gboolean
liaison_hq_db_is_postgresql (LiaisonHqDb *db)
{
  return db->backend->is_postgresql;
}

gboolean
liaison_hq_db_set_error (LiaisonHqDb  *db,
                         GError      **error,
                         const char   *what)
{
  g_set_error (error, db->error_domain, db->error_code,
               /* Translators: "Could not save the reception: disk I/O error" */
               _("%s: %s"), what, db->backend->errmsg (db));
  return FALSE;
}

LiaisonHqStmt *
liaison_hq_db_prepare_cached (LiaisonHqDb  *db,
                              const char   *sql,
                              const char   *failed,
                              GError      **error)
{
  LiaisonHqStmt *stmt = g_hash_table_lookup (db->statements, sql);

  if (stmt != NULL)
    {
      db->backend->reset (stmt, TRUE);
      return stmt;
    }
  stmt = db->backend->prepare (db, sql, TRUE);
  if (stmt == NULL)
    {
      liaison_hq_db_set_error (db, error, failed);
      return NULL;
    }
  stmt->db = db;
  g_hash_table_insert (db->statements, g_strdup (sql), stmt);
  return stmt;
}

LiaisonHqStmt *
liaison_hq_db_prepare (LiaisonHqDb  *db,
                       const char   *sql,
                       const char   *failed,
                       GError      **error)
{
  LiaisonHqStmt *stmt = db->backend->prepare (db, sql, FALSE);

  if (stmt == NULL)
    {
      liaison_hq_db_set_error (db, error, failed);
      return NULL;
    }
  stmt->db = db;
  return stmt;
}

void
liaison_hq_stmt_free (LiaisonHqStmt *stmt)
{
  if (stmt != NULL)
    stmt->db->backend->stmt_free (stmt);
}

gboolean
liaison_hq_db_exec (LiaisonHqDb  *db,
                    const char   *sql,
                    const char   *failed,
                    GError      **error)
{
  if (db->backend->exec (db, sql))
    return TRUE;
  return liaison_hq_db_set_error (db, error, failed);
}

gint64
liaison_hq_db_changes (LiaisonHqDb *db)
{
  return db->backend->changes (db);
}

gboolean
liaison_hq_db_begin (LiaisonHqDb  *db,
                     const char   *failed,
                     GError      **error)
{
  return liaison_db_nest_begin (&db->nest, db->backend->begin_sql, failed, error);
}

gboolean
liaison_hq_db_begin_read (LiaisonHqDb  *db,
                          const char   *failed,
                          GError      **error)
{
  g_return_val_if_fail (!liaison_db_nest_active (&db->nest), FALSE);

  return liaison_hq_db_exec (db, db->backend->begin_read_sql, failed, error);
}

gboolean
liaison_hq_db_commit (LiaisonHqDb  *db,
                      const char   *failed,
                      GError      **error)
{
  return liaison_db_nest_commit (&db->nest, failed, error);
}

void
liaison_hq_db_rollback (LiaisonHqDb *db)
{
  liaison_db_nest_rollback (&db->nest);
}

gboolean
liaison_hq_db_in_transaction (LiaisonHqDb *db)
{
  return liaison_db_nest_active (&db->nest);
}

void
liaison_hq_stmt_bind_text (LiaisonHqStmt *stmt,
                           guint          index,
                           const char    *value)
{
  stmt->db->backend->bind_text (stmt, index, value);
}

void
liaison_hq_stmt_bind_int64 (LiaisonHqStmt *stmt,
                            guint          index,
                            gint64         value)
{
  stmt->db->backend->bind_int64 (stmt, index, value);
}

void
liaison_hq_stmt_bind_null (LiaisonHqStmt *stmt,
                           guint          index)
{
  stmt->db->backend->bind_text (stmt, index, NULL);
}

LiaisonHqDbStep
liaison_hq_stmt_step (LiaisonHqStmt *stmt)
{
  return stmt->db->backend->step (stmt);
}

void
liaison_hq_stmt_reset (LiaisonHqStmt *stmt)
{
  stmt->db->backend->reset (stmt, FALSE);
}

const char *
liaison_hq_stmt_column_text (LiaisonHqStmt *stmt,
                             guint          column)
{
  return stmt->db->backend->column_text (stmt, column);
}

gint64
liaison_hq_stmt_column_int64 (LiaisonHqStmt *stmt,
                              guint          column)
{
  return stmt->db->backend->column_int64 (stmt, column);
}

gboolean
liaison_hq_stmt_column_is_null (LiaisonHqStmt *stmt,
                                guint          column)
{
  return stmt->db->backend->column_text (stmt, column) == NULL;
}

char *
liaison_hq_stmt_dup_text (LiaisonHqStmt *stmt,
                          guint          column)
{
  return g_strdup (liaison_hq_stmt_column_text (stmt, column));
}

gboolean
liaison_hq_db_step_done (LiaisonHqStmt  *stmt,
                         const char     *what,
                         GError        **error)
{
  LiaisonHqDbStep step = liaison_hq_stmt_step (stmt);

  if (step == LIAISON_HQ_DB_FAILED)
    liaison_hq_db_set_error (stmt->db, error, what);
  liaison_hq_stmt_reset (stmt);
  if (step == LIAISON_HQ_DB_FAILED)
    return FALSE;
  return TRUE;
}

gboolean
liaison_hq_db_step_rows (LiaisonHqStmt     *stmt,
                         LiaisonHqRowFunc   each,
                         gpointer           data,
                         const char        *failed,
                         GError           **error)
{
  LiaisonHqDbStep step;

  while ((step = liaison_hq_stmt_step (stmt)) == LIAISON_HQ_DB_ROW)
    each (stmt, data);
  if (step == LIAISON_HQ_DB_FAILED)
    liaison_hq_db_set_error (stmt->db, error, failed);
  liaison_hq_stmt_reset (stmt);
  return step == LIAISON_HQ_DB_DONE;
}

typedef struct
{
  GPtrArray          *rows;
  LiaisonHqRowReader  read;
} Collect;

static void
collect_row (LiaisonHqStmt *stmt,
             gpointer       data)
{
  Collect *collect = data;

  g_ptr_array_add (collect->rows, collect->read (stmt));
}

GPtrArray *
liaison_hq_db_collect_rows (LiaisonHqStmt      *stmt,
                            LiaisonHqRowReader  read,
                            GDestroyNotify      free_func,
                            const char         *failed,
                            GError            **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (free_func);
  Collect collect = { rows, read };

  if (!liaison_hq_db_step_rows (stmt, collect_row, &collect, failed, error))
    return NULL;
  return g_steal_pointer (&rows);
}

void
liaison_hq_db_row_add_text (LiaisonHqStmt *stmt,
                            gpointer       rows)
{
  g_ptr_array_add (rows, liaison_hq_stmt_dup_text (stmt, 0));
}
