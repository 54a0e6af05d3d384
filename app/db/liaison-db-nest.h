/* liaison-db-nest.h: nested transactions over any SQL engine, the one
 * piece both stores' helpers use (liaison-db.c, the station's SQLite;
 * sync/hq/db/liaison-hq-db.c, headquarters' SQLite or PostgreSQL). The
 * outermost begin opens the engine's one transaction and the outermost
 * commit commits it; a rollback inside marks the whole as failed, so the
 * outermost commit rolls back and says so. The engine is reached through
 * two callbacks only. GLib only. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What a helper gives its nesting; @db is LiaisonDbNest.db. */
typedef struct
{
  /* Runs @sql; FALSE, with @error saying @failed and why, on failure. */
  gboolean (*exec)     (gpointer     db,
                        const char  *sql,
                        const char  *failed,
                        GError     **error);
  /* Rolls back the engine's transaction if one is open; never fails. */
  void     (*rollback) (gpointer     db);
} LiaisonDbNestOps;

/* Kept inside the helper's connection; liaison_db_nest_init() fills it. */
typedef struct
{
  const LiaisonDbNestOps *ops;
  gpointer                db;
  /* The failure "an earlier step failed" is a GError of these. */
  GQuark                  error_domain;
  int                     error_code;
  guint                   depth;
  gboolean                failed;
} LiaisonDbNest;

void     liaison_db_nest_init     (LiaisonDbNest          *nest,
                                   const LiaisonDbNestOps *ops,
                                   gpointer                db,
                                   GQuark                  error_domain,
                                   int                     error_code);
/* Opens a level; the outermost runs @begin_sql ("BEGIN IMMEDIATE", …).
 * FALSE, with @error saying @failed and why, if it cannot. */
gboolean liaison_db_nest_begin    (LiaisonDbNest          *nest,
                                   const char             *begin_sql,
                                   const char             *failed,
                                   GError                **error);
/* Closes a level; the outermost commits, or rolls back when a level
 * inside rolled back or COMMIT fails (FALSE, with @error saying why). */
gboolean liaison_db_nest_commit   (LiaisonDbNest          *nest,
                                   const char             *failed,
                                   GError                **error);
/* Closes a level and marks the whole as failed; the outermost (or none)
 * rolls the engine back. */
void     liaison_db_nest_rollback (LiaisonDbNest          *nest);
/* Forgets every level without a word to the engine (the connection is
 * closing or closed). */
void     liaison_db_nest_reset    (LiaisonDbNest          *nest);
/* Whether a level is open. */
gboolean liaison_db_nest_active   (LiaisonDbNest          *nest);

G_END_DECLS
