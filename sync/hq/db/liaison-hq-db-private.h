/* liaison-hq-db-private.h: what a backend of liaison-hq-db.h provides
 * (liaison-hq-db-sqlite.c, liaison-hq-db-postgresql.c). Not for the
 * store. */
#pragma once

#include "liaison-db-nest.h"
#include "liaison-hq-db.h"

G_BEGIN_DECLS

/* The PostgreSQL advisory lock every writing transaction takes first
 * (liaison-hq-db-postgresql.c). */
#define LIAISON_HQ_DB_WRITE_LOCK 5338001

typedef struct
{
  gboolean        is_postgresql;
  /* What opens a transaction ("BEGIN IMMEDIATE" for SQLite), and a
   * read-only one that reads one snapshot. */
  const char     *begin_sql;
  const char     *begin_read_sql;
  void            (*close)        (LiaisonHqDb   *db);
  /* The engine's message of the last failure. */
  const char     *(*errmsg)       (LiaisonHqDb   *db);
  /* A new statement, or NULL (errmsg() says why). */
  LiaisonHqStmt  *(*prepare)      (LiaisonHqDb   *db,
                                   const char    *sql,
                                   gboolean       cached);
  void            (*stmt_free)    (LiaisonHqStmt *stmt);
  gboolean        (*exec)         (LiaisonHqDb   *db,
                                   const char    *sql);
  gint64          (*changes)      (LiaisonHqDb   *db);
  /* Whether a transaction is open in the engine. */
  gboolean        (*in_transaction) (LiaisonHqDb *db);
  /* @value NULL binds NULL. */
  void            (*bind_text)    (LiaisonHqStmt *stmt,
                                   guint          index,
                                   const char    *value);
  void            (*bind_int64)   (LiaisonHqStmt *stmt,
                                   guint          index,
                                   gint64         value);
  LiaisonHqDbStep (*step)         (LiaisonHqStmt *stmt);
  /* @clear also forgets the bindings. */
  void            (*reset)        (LiaisonHqStmt *stmt,
                                   gboolean       clear);
  const char     *(*column_text)  (LiaisonHqStmt *stmt,
                                   guint          column);
  gint64          (*column_int64) (LiaisonHqStmt *stmt,
                                   guint          column);
} LiaisonHqDbBackend;

struct _LiaisonHqDb
{
  const LiaisonHqDbBackend *backend;
  /* owned: SQL text -> LiaisonHqStmt, for liaison_hq_db_prepare_cached() */
  GHashTable               *statements;
  GQuark                    error_domain;
  int                       error_code;
  LiaisonDbNest             nest;
};

struct _LiaisonHqStmt
{
  LiaisonHqDb *db;
};

/* Fills in the common part of a new connection. */
void liaison_hq_db_init (LiaisonHqDb              *db,
                         const LiaisonHqDbBackend *backend,
                         GQuark                    error_domain,
                         int                       error_code);

G_END_DECLS
