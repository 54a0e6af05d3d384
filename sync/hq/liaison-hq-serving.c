/* liaison-hq-serving.c: the mark a running server holds on its data
 * directory and database, and migrate's check of it
 * (liaison-hq-serving.h). */
#define G_LOG_DOMAIN "liaison-hq-serving"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <sys/file.h>
#include <unistd.h>

#include "liaison-hq-serving.h"
#include "liaison-hq-store.h"

/* The PostgreSQL advisory lock's key; the write lock is 5338001
 * (liaison-hq-db-private.h). */
#define SERVING_LOCK "5338002"

struct _LiaisonHqServing {
  int fd;   /* the data directory's lock file, locked (shared by a server); -1: unmarked */
};

/* DATA_DIR/liaison-hq.lock, made if missing; read-only where it cannot
 * be written (flock () does not need write access, but NFS's does). */
static int
open_lock_file (const char *data_dir)
{
  g_autofree char *path = g_build_filename (data_dir, LIAISON_HQ_SERVING_LOCK_FILE, NULL);
  int fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);

  if (fd < 0 && (errno == EACCES || errno == EROFS || errno == EPERM))
    fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  return fd;
}

LiaisonHqServing *
liaison_hq_serving_hold (const char  *data_dir,
                         LiaisonHqDb *db,
                         GError     **error)
{
  g_autoptr(LiaisonHqServing) self = g_new0 (LiaisonHqServing, 1);
  int saved = 0;

  self->fd = open_lock_file (data_dir);
  if (self->fd < 0)
    saved = errno;
  else if (flock (self->fd, LOCK_SH | LOCK_NB) != 0)
    {
      saved = errno;
      if (saved == EWOULDBLOCK)
        {
          g_set_error (error, LIAISON_HQ_STORE_ERROR, LIAISON_HQ_STORE_ERROR_BUSY,
                       _("“liaison-hq migrate” is copying the headquarters in %s: start the server when it "
                         "has finished."), data_dir);
          return NULL;
        }
      g_close (self->fd, NULL);
      self->fd = -1;
    }
  if (self->fd < 0)
    /* Translators: %s is a folder, then why */
    fprintf (stderr, _("liaison-hq: the lock file in %s could not be used (%s): “liaison-hq migrate” will not "
                       "see that this server runs.\n"), data_dir, g_strerror (saved));

  if (db != NULL && liaison_hq_db_is_postgresql (db))
    {
      const char *failed = _("The headquarters database could not be read");
      g_autoptr(LiaisonHqStmt) stmt = liaison_hq_db_prepare (db, "SELECT pg_try_advisory_lock_shared ("
                                                             SERVING_LOCK ")", failed, error);

      if (stmt == NULL)
        return NULL;
      if (liaison_hq_stmt_step (stmt) != LIAISON_HQ_DB_ROW)
        return (liaison_hq_db_set_error (db, error, failed), NULL);
      if (!liaison_hq_stmt_column_int64 (stmt, 0))
        {
          g_set_error (error, LIAISON_HQ_STORE_ERROR, LIAISON_HQ_STORE_ERROR_BUSY,
                       _("“liaison-hq migrate” is copying a headquarters into this PostgreSQL database: start "
                         "the server when it has finished."));
          return NULL;
        }
    }
  return g_steal_pointer (&self);
}

void
liaison_hq_serving_release (LiaisonHqServing *serving)
{
  if (serving == NULL)
    return;
  if (serving->fd >= 0)
    g_close (serving->fd, NULL);
  g_free (serving);
}

LiaisonHqServing *
liaison_hq_serving_lock_dir (const char  *data_dir,
                             GError     **error)
{
  g_autoptr(LiaisonHqServing) self = g_new0 (LiaisonHqServing, 1);
  int saved;

  self->fd = open_lock_file (data_dir);
  if (self->fd >= 0 && flock (self->fd, LOCK_EX | LOCK_NB) == 0)
    return g_steal_pointer (&self);
  saved = errno;
  if (saved == EWOULDBLOCK)
    g_set_error (error, LIAISON_HQ_STORE_ERROR, LIAISON_HQ_STORE_ERROR_BUSY,
                 _("A liaison-hq server is serving %s: stop it first (“systemctl stop liaison-hq”), or what "
                   "stations send during the copy would be lost."), data_dir);
  else
    /* Translators: %s is a folder, then why */
    g_set_error (error, LIAISON_HQ_STORE_ERROR, LIAISON_HQ_STORE_ERROR_FAILED,
                 _("Whether a liaison-hq server is serving %s could not be checked: its lock file could not be "
                   "used (%s)."), data_dir, g_strerror (saved));
  return NULL;
}

gboolean
liaison_hq_serving_lock_db (LiaisonHqDb  *db,
                            const char   *shown,
                            GError      **error)
{
  const char *failed = _("The PostgreSQL database could not be read");
  g_autoptr(LiaisonHqStmt) stmt = liaison_hq_db_prepare (db, "SELECT pg_try_advisory_xact_lock (" SERVING_LOCK ")",
                                                         failed, error);

  if (stmt == NULL)
    return FALSE;
  if (liaison_hq_stmt_step (stmt) != LIAISON_HQ_DB_ROW)
    return liaison_hq_db_set_error (db, error, failed);
  if (liaison_hq_stmt_column_int64 (stmt, 0))
    return TRUE;
  g_set_error (error, LIAISON_HQ_STORE_ERROR, LIAISON_HQ_STORE_ERROR_BUSY,
               _("A liaison-hq server is serving %s: stop every server that uses it first (each goes on with "
                 "the headquarters it read when it started)."), shown);
  return FALSE;
}
