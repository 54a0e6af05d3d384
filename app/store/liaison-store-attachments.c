/* liaison-store-attachments.c: reply attachments, kept by hash beside the
 * database (see the header). */
#define G_LOG_DOMAIN "liaison-store-attachments"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "liaison-loop.h"
#include "liaison-store-attachments.h"
#include "liaison-store-private.h"

/* "<database>-attachments", beside "-wal" and "-shm". */
static char *
attachments_dir (LiaisonStore *self)
{
  return g_strconcat (liaison_store_get_path (self), "-attachments", NULL);
}

static char *
attachment_file (LiaisonStore *self,
                 const char   *sha256)
{
  g_autofree char *dir = attachments_dir (self);

  return g_build_filename (dir, sha256, NULL);
}

/* The size of the file at @path, or -1 if there is none. */
static gint64
file_size (const char *path)
{
  GStatBuf buf;

  if (g_stat (path, &buf) != 0 || !S_ISREG (buf.st_mode))
    return -1;
  return (gint64) buf.st_size;
}

static gboolean
invalid (GError     **error,
         const char  *message)
{
  g_set_error_literal (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID, message);
  return FALSE;
}

/* Writes the file (atomically: a crash leaves the old one or none) and
 * then its row; a file without a row is only fetched or added again. */
static gboolean
keep_bytes (LiaisonStore  *self,
            const char    *sha256,
            GBytes        *bytes,
            gboolean       at_server,
            GError       **error)
{
  g_autofree char *dir = attachments_dir (self);
  g_autofree char *path = attachment_file (self, sha256);
  g_autofree char *now = liaison_store_now_utc ();
  g_autoptr(GError) local_error = NULL;
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);
  sqlite3_stmt *stmt;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_FAILED,
                   _("Could not make the attachments folder %s: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }
  /* A file of the right size is these bytes already (the name is their
   * hash); anything else there is replaced. */
  if (file_size (path) != (gint64) size &&
      !g_file_set_contents_full (path, data, (gssize) size, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &local_error))
    {
      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_FAILED,
                   _("Could not keep the attachment: %s"), local_error->message);
      return FALSE;
    }

  stmt = liaison_store_prepare (self,
                                "INSERT INTO attachments (sha256, size, added_at, at_server) VALUES (?1, ?2, ?3, ?4)"
                                " ON CONFLICT (sha256) DO UPDATE SET at_server = max (at_server, excluded.at_server)",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, (sqlite3_int64) size);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, at_server ? 1 : 0);
  return liaison_store_step_done (self, stmt, _("Could not record the attachment"), error);
}

char *
liaison_store_add_attachment (LiaisonStore  *self,
                              const char    *path,
                              GError       **error)
{
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *display = NULL;

  g_return_val_if_fail (LIAISON_IS_STORE (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  display = g_filename_display_basename (path);
  mapped = g_mapped_file_new (path, FALSE, &local_error);
  if (mapped == NULL)
    {
      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                   _("Could not read “%s”: %s"), display, local_error->message);
      return NULL;
    }
  if (g_mapped_file_get_length (mapped) == 0)
    {
      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                   _("“%s” is empty; attach the file that holds the reply."), display);
      return NULL;
    }
  if (g_mapped_file_get_length (mapped) > LIAISON_ATTACHMENT_MAX_BYTES)
    {
      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                   _("“%s” is larger than 10 MB; attach a smaller file or scan it at a lower resolution."),
                   display);
      return NULL;
    }

  bytes = g_mapped_file_get_bytes (mapped);
  return liaison_store_keep_attachment (self, bytes, FALSE, error);
}

char *
liaison_store_keep_attachment (LiaisonStore  *self,
                               GBytes        *bytes,
                               gboolean       at_server,
                               GError       **error)
{
  g_autofree char *sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);

  if (!keep_bytes (self, sha256, bytes, at_server, error))
    return NULL;
  return g_steal_pointer (&sha256);
}

void
liaison_store_forget_unlisted_attachments (LiaisonStore *self,
                                           GPtrArray    *hashes)
{
  g_return_if_fail (LIAISON_IS_STORE (self));

  for (guint i = 0; hashes != NULL && i < hashes->len; i++)
    {
      const char *sha256 = g_ptr_array_index (hashes, i);
      g_autoptr(GError) error = NULL;
      g_autofree char *path = NULL;
      sqlite3_stmt *stmt;

      if (!liaison_loop_is_sha256 (sha256))
        continue;
      stmt = liaison_store_prepare (self,
                                    "DELETE FROM attachments WHERE sha256 = ?1"
                                    " AND NOT EXISTS (SELECT 1 FROM attachment_refs WHERE sha256 = ?1)",
                                    &error);
      if (stmt == NULL)
        {
          g_warning ("%s", error->message);
          continue;
        }
      sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_STATIC);
      if (!liaison_store_step_done (self, stmt, "Could not forget an attachment", &error))
        {
          g_warning ("%s", error->message);
          continue;
        }
      /* Still listed, or kept for a move being written: it stays. */
      if (liaison_store_get_attachment_size (self, sha256) >= 0)
        continue;
      path = attachment_file (self, sha256);
      if (g_unlink (path) != 0 && errno != ENOENT)
        g_warning ("Could not delete %s: %s", path, g_strerror (errno));
    }
}

gint64
liaison_store_get_attachment_size (LiaisonStore *self,
                                   const char   *sha256)
{
  sqlite3_stmt *stmt;
  gint64 size = -1;

  g_return_val_if_fail (LIAISON_IS_STORE (self), -1);

  if (!liaison_loop_is_sha256 (sha256))
    return -1;
  stmt = liaison_store_prepare (self, "SELECT size FROM attachments WHERE sha256 = ?1", NULL);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    size = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return size;
}

char *
liaison_store_get_attachment_path (LiaisonStore *self,
                                   const char   *sha256)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (LIAISON_IS_STORE (self), NULL);

  if (liaison_store_get_attachment_size (self, sha256) < 0)
    return NULL;
  path = attachment_file (self, sha256);
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return NULL;
  return g_steal_pointer (&path);
}

static gpointer
read_text_column (sqlite3_stmt *stmt)
{
  return liaison_db_column_text (stmt, 0);
}

static GPtrArray *
list_hashes (LiaisonStore  *self,
             const char    *sql,
             const char    *failed,
             GError       **error)
{
  sqlite3_stmt *stmt = liaison_store_prepare (self, sql, error);

  if (stmt == NULL)
    return NULL;
  return liaison_store_collect_rows (self, stmt, read_text_column, g_free, failed, error);
}

GPtrArray *
liaison_store_list_attachments_to_send (LiaisonStore  *self,
                                        GError       **error)
{
  g_return_val_if_fail (LIAISON_IS_STORE (self), NULL);

  return list_hashes (self,
                      "SELECT a.sha256 FROM attachments a WHERE a.at_server = 0"
                      " AND EXISTS (SELECT 1 FROM attachment_refs r WHERE r.sha256 = a.sha256)"
                      " ORDER BY a.added_at, a.sha256",
                      _("Could not list the attachments to send"), error);
}

GPtrArray *
liaison_store_list_missing_attachments (LiaisonStore  *self,
                                        GError       **error)
{
  g_return_val_if_fail (LIAISON_IS_STORE (self), NULL);

  return list_hashes (self,
                      "SELECT DISTINCT r.sha256 FROM attachment_refs r"
                      " WHERE NOT EXISTS (SELECT 1 FROM attachments a WHERE a.sha256 = r.sha256)"
                      " ORDER BY r.sha256",
                      _("Could not list the attachments to fetch"), error);
}

gboolean
liaison_store_mark_attachment_sent (LiaisonStore  *self,
                                    const char    *sha256,
                                    GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LIAISON_IS_STORE (self), FALSE);

  stmt = liaison_store_prepare (self, "UPDATE attachments SET at_server = 1 WHERE sha256 = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_STATIC);
  return liaison_store_step_done (self, stmt, _("Could not record the attachment as sent"), error);
}

gboolean
liaison_store_save_received_attachment (LiaisonStore  *self,
                                        const char    *sha256,
                                        GBytes        *bytes,
                                        GError       **error)
{
  g_autofree char *digest = NULL;

  g_return_val_if_fail (LIAISON_IS_STORE (self), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  if (!liaison_loop_is_sha256 (sha256))
    return invalid (error, _("An attachment is not identified by its SHA-256 checksum."));
  if (g_bytes_get_size (bytes) > LIAISON_ATTACHMENT_MAX_BYTES)
    return invalid (error, _("Headquarters sent an attachment larger than 10 MB; it was not kept."));
  digest = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  if (!g_str_equal (digest, sha256))
    return invalid (error, _("Headquarters sent an attachment whose contents do not match its checksum; it was not kept."));
  if (!keep_bytes (self, sha256, bytes, TRUE, error))
    return FALSE;
  /* A timeline on screen that said "arrives with the next sync" can open it now. */
  liaison_store_emit_changed (self, "attachments");
  return TRUE;
}
