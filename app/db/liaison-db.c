/* liaison-db.c: the one SQLite helper of both stores (liaison-db.h). */
#define G_LOG_DOMAIN "liaison-db"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-db.h"
#include "liaison-db-nest.h"

struct _LiaisonDb
{
  sqlite3       *handle;
  /* owned: SQL text -> sqlite3_stmt */
  GHashTable    *statements;
  GQuark         error_domain;
  int            error_code;
  LiaisonDbNest  nest;
};

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static gboolean
nest_exec (gpointer     db,
           const char  *sql,
           const char  *failed,
           GError     **error)
{
  return liaison_db_exec (db, sql, failed, error);
}

static void
nest_rollback (gpointer data)
{
  LiaisonDb *db = data;

  if (db->handle != NULL && !sqlite3_get_autocommit (db->handle))
    sqlite3_exec (db->handle, "ROLLBACK", NULL, NULL, NULL);
}

static const LiaisonDbNestOps nest_ops = { nest_exec, nest_rollback };

LiaisonDb *
liaison_db_new (GQuark error_domain,
                int    error_code)
{
  LiaisonDb *db = g_new0 (LiaisonDb, 1);

  db->error_domain = error_domain;
  db->error_code = error_code;
  db->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          finalize_statement);
  liaison_db_nest_init (&db->nest, &nest_ops, db, error_domain, error_code);
  return db;
}

void
liaison_db_free (LiaisonDb *db)
{
  if (db == NULL)
    return;
  liaison_db_close (db);
  g_hash_table_unref (db->statements);
  g_free (db);
}

int
liaison_db_open (LiaisonDb  *db,
                 const char *path,
                 int         flags)
{
  g_return_val_if_fail (db->handle == NULL, SQLITE_MISUSE);

  return sqlite3_open_v2 (path, &db->handle, flags, NULL);
}

void
liaison_db_close (LiaisonDb *db)
{
  g_hash_table_remove_all (db->statements);
  g_clear_pointer (&db->handle, sqlite3_close);
  liaison_db_nest_reset (&db->nest);
}

sqlite3 *
liaison_db_get_handle (LiaisonDb *db)
{
  return db->handle;
}

gboolean
liaison_db_set_error (LiaisonDb   *db,
                      GError     **error,
                      const char  *what)
{
  g_set_error (error, db->error_domain, db->error_code,
               /* Translators: "Could not save the reception: disk I/O error" */
               _("%s: %s"), what, db->handle != NULL ? sqlite3_errmsg (db->handle) : _("the database is closed"));
  return FALSE;
}

sqlite3_stmt *
liaison_db_prepare (LiaisonDb   *db,
                    const char  *sql,
                    const char  *failed,
                    GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (db->statements, sql);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (db->handle == NULL ||
      sqlite3_prepare_v3 (db->handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      liaison_db_set_error (db, error, failed);
      return NULL;
    }
  g_hash_table_insert (db->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
liaison_db_exec (LiaisonDb   *db,
                 const char  *sql,
                 const char  *failed,
                 GError     **error)
{
  char *message = NULL;

  if (db->handle != NULL && sqlite3_exec (db->handle, sql, NULL, NULL, &message) == SQLITE_OK)
    return TRUE;
  if (failed != NULL)
    liaison_db_set_error (db, error, failed);
  else
    g_set_error (error, db->error_domain, db->error_code,
                 "%s", message ? message : sqlite3_errmsg (db->handle));
  sqlite3_free (message);
  return FALSE;
}

gboolean
liaison_db_step_done (LiaisonDb     *db,
                      sqlite3_stmt  *stmt,
                      const char    *what,
                      GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return liaison_db_set_error (db, error, what);
  return TRUE;
}

guint
liaison_db_step_count (LiaisonDb     *db,
                       sqlite3_stmt  *stmt,
                       const char    *what,
                       GError       **error)
{
  guint count = 0;

  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = (guint) sqlite3_column_int64 (stmt, 0);
  else
    liaison_db_set_error (db, error, what);
  sqlite3_reset (stmt);
  return count;
}

gboolean
liaison_db_step_rows (LiaisonDb       *db,
                      sqlite3_stmt    *stmt,
                      LiaisonRowFunc   each,
                      gpointer         data,
                      const char      *failed,
                      GError         **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    each (stmt, data);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return liaison_db_set_error (db, error, failed);
  return TRUE;
}

typedef struct
{
  GPtrArray        *rows;
  LiaisonRowReader  read;
} CollectRows;

static void
collect_row (sqlite3_stmt *stmt,
             gpointer      data)
{
  CollectRows *collect = data;

  g_ptr_array_add (collect->rows, collect->read (stmt));
}

GPtrArray *
liaison_db_collect_rows (LiaisonDb         *db,
                         sqlite3_stmt      *stmt,
                         LiaisonRowReader   read,
                         GDestroyNotify     free_func,
                         const char        *failed,
                         GError           **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (free_func);
  CollectRows collect = { rows, read };

  if (!liaison_db_step_rows (db, stmt, collect_row, &collect, failed, error))
    return NULL;
  return g_steal_pointer (&rows);
}

gboolean
liaison_db_begin (LiaisonDb   *db,
                  const char  *failed,
                  GError     **error)
{
  return liaison_db_nest_begin (&db->nest, "BEGIN IMMEDIATE", failed, error);
}

gboolean
liaison_db_commit (LiaisonDb   *db,
                   const char  *failed,
                   GError     **error)
{
  return liaison_db_nest_commit (&db->nest, failed, error);
}

void
liaison_db_rollback (LiaisonDb *db)
{
  liaison_db_nest_rollback (&db->nest);
}

gboolean
liaison_db_in_transaction (LiaisonDb *db)
{
  return liaison_db_nest_active (&db->nest);
}

char *
liaison_db_column_text (sqlite3_stmt *stmt,
                        int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

char *
liaison_db_column_text_or_null (sqlite3_stmt *stmt,
                                int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL && text[0] != '\0' ? g_strdup (text) : NULL;
}

void
liaison_db_row_add_text (sqlite3_stmt *stmt,
                         gpointer      rows)
{
  g_ptr_array_add (rows, liaison_db_column_text (stmt, 0));
}

char *
liaison_db_now_utc (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}
