/* liaison-hq-db-postgresql.c: headquarters' database on PostgreSQL, for a
 * province or several servers at once (liaison-hq-db.h). One connection,
 * as SQLite's: the server's store is used from one thread. A statement
 * kept by liaison_hq_db_prepare_cached() is a named prepared statement;
 * its result is read row by row as SQLite's is stepped. */
#define G_LOG_DOMAIN "liaison-hq-db"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libpq-fe.h>
#include <string.h>

#include "liaison-hq-db-pg-sql.h"
#include "liaison-hq-db-private.h"

/* PostgreSQL's type oid of boolean (catalog/pg_type.h, not installed). */
#define BOOL_OID 16

#define NUMBER_SIZE 24

typedef struct
{
  LiaisonHqDb  parent;
  PGconn      *conn;
  char        *message;
  gint64       changes;
  guint        n_prepared;
} PgDb;

typedef struct
{
  LiaisonHqStmt   parent;
  char           *sql;       /* PostgreSQL's */
  char           *name;      /* of the prepared statement; NULL until prepared, or when not kept */
  gboolean        cached;
  guint           n_params;
  const char    **values;
  char           *numbers;   /* NUMBER_SIZE bytes for each parameter's digits */
  PGresult       *result;
  int             row;
} PgStmt;

#define PG(db) ((PgDb *) (db))
#define PG_STMT(stmt) ((PgStmt *) (stmt))

static void
set_message (LiaisonHqDb *db,
             const char  *message)
{
  g_free (PG (db)->message);
  PG (db)->message = g_strchomp (g_strdup (message != NULL && *message != '\0' ? message
                                                                              : PQerrorMessage (PG (db)->conn)));
}

static void
pg_close (LiaisonHqDb *db)
{
  g_clear_pointer (&PG (db)->conn, PQfinish);
  g_free (PG (db)->message);
  g_free (db);
}

static const char *
pg_errmsg (LiaisonHqDb *db)
{
  return PG (db)->message != NULL ? PG (db)->message : _("the database is closed");
}

static LiaisonHqStmt *
pg_prepare (LiaisonHqDb *db,
            const char  *sql,
            gboolean     cached)
{
  PgStmt *self = g_new0 (PgStmt, 1);

  self->sql = liaison_hq_db_pg_sql (sql, &self->n_params);
  self->cached = cached;
  self->values = g_new0 (const char *, MAX (self->n_params, 1));
  self->numbers = g_malloc0 (NUMBER_SIZE * MAX (self->n_params, 1));
  self->row = -1;
  return &self->parent;
}

static void
pg_stmt_free (LiaisonHqStmt *stmt)
{
  PgStmt *self = PG_STMT (stmt);

  g_clear_pointer (&self->result, PQclear);
  if (self->name != NULL && PG (stmt->db)->conn != NULL)
    {
      g_autofree char *deallocate = g_strdup_printf ("DEALLOCATE %s", self->name);

      PQclear (PQexec (PG (stmt->db)->conn, deallocate));
    }
  g_free (self->name);
  g_free (self->sql);
  g_free (self->values);
  g_free (self->numbers);
  g_free (self);
}

/* Whether @result is a success; if not, the message is kept. Frees a
 * failed result. */
static gboolean
result_ok (LiaisonHqDb *db,
           PGresult    *result)
{
  ExecStatusType status = PQresultStatus (result);

  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
    {
      const char *changed = PQcmdTuples (result);

      PG (db)->changes = changed != NULL && *changed != '\0' ? g_ascii_strtoll (changed, NULL, 10) : 0;
      return TRUE;
    }
  set_message (db, result != NULL ? PQresultErrorMessage (result) : NULL);
  PQclear (result);
  return FALSE;
}

static gboolean
pg_exec (LiaisonHqDb *db,
         const char  *sql)
{
  g_autofree char *text = NULL;
  guint n_params;
  PGresult *result;

  if (PG (db)->conn == NULL)
    return FALSE;
  text = liaison_hq_db_pg_sql (sql, &n_params);
  result = PQexec (PG (db)->conn, text);
  if (!result_ok (db, result))
    return FALSE;
  PQclear (result);
  return TRUE;
}

static gint64
pg_changes (LiaisonHqDb *db)
{
  return PG (db)->changes;
}

static gboolean
pg_in_transaction (LiaisonHqDb *db)
{
  return PG (db)->conn != NULL && PQtransactionStatus (PG (db)->conn) != PQTRANS_IDLE;
}

static void
pg_bind_text (LiaisonHqStmt *stmt,
              guint          index,
              const char    *value)
{
  g_return_if_fail (index >= 1 && index <= PG_STMT (stmt)->n_params);
  PG_STMT (stmt)->values[index - 1] = value;
}

static void
pg_bind_int64 (LiaisonHqStmt *stmt,
               guint          index,
               gint64         value)
{
  PgStmt *self = PG_STMT (stmt);
  char *digits = self->numbers + NUMBER_SIZE * (index - 1);

  g_return_if_fail (index >= 1 && index <= self->n_params);
  g_snprintf (digits, NUMBER_SIZE, "%" G_GINT64_FORMAT, value);
  self->values[index - 1] = digits;
}

static PGresult *
run (LiaisonHqStmt *stmt)
{
  PgStmt *self = PG_STMT (stmt);
  PGconn *conn = PG (stmt->db)->conn;

  if (!self->cached)
    return PQexecParams (conn, self->sql, self->n_params, NULL, self->values, NULL, NULL, 0);
  if (self->name == NULL)
    {
      g_autofree char *name = g_strdup_printf ("liaison_%u", ++PG (stmt->db)->n_prepared);
      PGresult *prepared = PQprepare (conn, name, self->sql, 0, NULL);

      if (!result_ok (stmt->db, prepared))
        return NULL;
      PQclear (prepared);
      self->name = g_steal_pointer (&name);
    }
  return PQexecPrepared (conn, self->name, self->n_params, self->values, NULL, NULL, 0);
}

static LiaisonHqDbStep
pg_step (LiaisonHqStmt *stmt)
{
  PgStmt *self = PG_STMT (stmt);

  if (self->result == NULL)
    {
      PGresult *result;

      if (PG (stmt->db)->conn == NULL)
        return LIAISON_HQ_DB_FAILED;
      result = run (stmt);
      if (result == NULL || !result_ok (stmt->db, result))
        {
          if (result == NULL && PG (stmt->db)->message == NULL)
            set_message (stmt->db, NULL);
          return LIAISON_HQ_DB_FAILED;
        }
      self->result = result;
      self->row = 0;
    }
  else if (self->row < PQntuples (self->result))
    self->row++;
  return self->row < PQntuples (self->result) ? LIAISON_HQ_DB_ROW : LIAISON_HQ_DB_DONE;
}

static void
pg_reset (LiaisonHqStmt *stmt,
          gboolean       clear)
{
  PgStmt *self = PG_STMT (stmt);

  g_clear_pointer (&self->result, PQclear);
  self->row = -1;
  if (clear)
    memset (self->values, 0, sizeof self->values[0] * MAX (self->n_params, 1));
}

static const char *
pg_column_text (LiaisonHqStmt *stmt,
                guint          column)
{
  PgStmt *self = PG_STMT (stmt);

  if (self->result == NULL || self->row < 0 || self->row >= PQntuples (self->result) ||
      (int) column >= PQnfields (self->result) || PQgetisnull (self->result, self->row, column))
    return NULL;
  return PQgetvalue (self->result, self->row, column);
}

static gint64
pg_column_int64 (LiaisonHqStmt *stmt,
                 guint          column)
{
  const char *text = pg_column_text (stmt, column);

  if (text == NULL)
    return 0;
  if (PQftype (PG_STMT (stmt)->result, column) == BOOL_OID)
    return text[0] == 't';
  return g_ascii_strtoll (text, NULL, 10);
}

static const LiaisonHqDbBackend pg_backend = {
  .is_postgresql  = TRUE,
  /* Every transaction that writes takes this one lock first, as SQLite's
   * BEGIN IMMEDIATE does: the feed's seqs are handed out, and committed,
   * in one order across every server (docs/sync-protocol.md). */
  .begin_sql      = "BEGIN; SELECT pg_advisory_xact_lock (" G_STRINGIFY (LIAISON_HQ_DB_WRITE_LOCK) ")",
  /* A pull reads the feed's end and its page in one snapshot. */
  .begin_read_sql = "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY",
  .close          = pg_close,
  .errmsg         = pg_errmsg,
  .prepare        = pg_prepare,
  .stmt_free      = pg_stmt_free,
  .exec           = pg_exec,
  .changes        = pg_changes,
  .in_transaction = pg_in_transaction,
  .bind_text      = pg_bind_text,
  .bind_int64     = pg_bind_int64,
  .step           = pg_step,
  .reset          = pg_reset,
  .column_text    = pg_column_text,
  .column_int64   = pg_column_int64,
};

LiaisonHqDb *
liaison_hq_db_open_postgresql (const char  *uri,
                               GQuark       error_domain,
                               int          error_code,
                               const char  *failed,
                               GError     **error)
{
  g_autoptr(LiaisonHqDb) db = NULL;
  PgDb *self = g_new0 (PgDb, 1);

  liaison_hq_db_init (&self->parent, &pg_backend, error_domain, error_code);
  db = &self->parent;
  self->conn = PQconnectdb (uri);
  if (PQstatus (self->conn) != CONNECTION_OK)
    {
      set_message (db, NULL);
      liaison_hq_db_set_error (db, error, failed);
      return NULL;
    }
  /* Times are written as text in UTC; notices (IF NOT EXISTS) are not
   * for the log. */
  if (!liaison_hq_db_exec (db, "SET client_min_messages = warning; SET TIME ZONE 'UTC'", failed, error))
    return NULL;
  return g_steal_pointer (&db);
}
